import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblyInfo } from '../../main/domain/assembly/types';
import { call } from '../api';
import { formatInstant } from '../format';
import { currentLanguage } from '../i18n';
import { useApiData } from './AppState';
import { BackupsDialog, formatBackupAge, formatBackupTime } from './BackupsDialog';
import './backups.css';

/** The header's "Last backup" is asked again this often (automatic backups happen in main). */
const REFRESH_MS = 60_000;

/** The current time, moved on every minute (for "3 minutes ago"). */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/**
 * The header's "Last backup 14:05 (3 minutes ago)" and the button that opens the backups
 * dialog. `onRestored` runs after a backup was restored: the pages must load their data again.
 */
export function BackupStatus({ assembly, onRestored }: { assembly: AssemblyInfo; onRestored: () => void }) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const now = useMinuteClock();
  const backups = useApiData(() => call('backups.list', {}), [assembly.path]);
  const [open, setOpen] = useState(false);

  // Automatic backups are taken by main: ask again every minute.
  const { reload } = backups;
  useEffect(() => {
    const timer = setInterval(() => void reload(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const last = backups.data?.lastBackupAt ?? null;
  const age = last ? formatBackupAge(last, lang, now) : null;

  return (
    <div className="backup-status">
      <p>
        {backups.data === undefined ? null : last ? (
          <>
            <span className="label">{t('backupsUi.status.label')}</span>{' '}
            <strong>
              <time dateTime={last} title={formatInstant(last, lang, assembly.timeZone)}>
                {formatBackupTime(last, lang, now, assembly.timeZone)}
              </time>
            </strong>{' '}
            <span className="backup-age">({age ?? t('backupsUi.status.justNow')})</span>
          </>
        ) : (
          <span className="label">{t('backupsUi.status.none')}</span>
        )}
      </p>
      <button type="button" className="button button-light button-small" onClick={() => setOpen(true)} title={t('backupsUi.status.openHint')}>
        {t('backupsUi.status.open')}
      </button>
      {open && (
        <BackupsDialog
          assembly={assembly}
          backups={backups}
          now={now}
          onClose={() => setOpen(false)}
          onRestored={onRestored}
        />
      )}
    </div>
  );
}
