import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssemblyInfo, BackupInfo } from '../../main/domain/assembly/types';
import type { MergeRefusal } from '../../main/domain/attendance/types';
import type { Language } from '../../preload/vocabulary';
import { call, isApiCallError } from '../api';
import { formatInstant, formatNumber, localeFor, todayCalendarDate } from '../format';
import { currentLanguage } from '../i18n';
import { useAppState, type Loaded } from './AppState';
import { DataTable } from './DataTable';
import { Dialog } from './Dialog';
import { ErrorNotice } from './ErrorNotice';
import { Field, useFieldErrorText } from './Field';
import { FormActions } from './FormActions';
import { LoadStatus, StatusLine } from './StatusLine';
import { useFocusOnError } from './useAction';
import './backups.css';

type BackupList = { backups: BackupInfo[]; lastBackupAt: string | null };

/** "14:05" for a time today, else the date and the time; in the assembly's time zone when given. */
export function formatBackupTime(iso: string, language: Language, now: Date = new Date(), timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const day = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', ...(timeZone ? { timeZone } : {}) });
  if (day.format(date) !== day.format(now)) return formatInstant(iso, language, timeZone);
  return new Intl.DateTimeFormat(localeFor(language), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(date);
}

/** "3 minutes ago", "il y a 2 heures", "gisteren"; null under a minute (the caller says "just now"). */
export function formatBackupAge(iso: string, language: Language, now: Date = new Date()): string | null {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return null;
  const minutes = Math.floor((now.getTime() - date.getTime()) / 60_000);
  if (minutes < 1) return null;
  const rtf = new Intl.RelativeTimeFormat(localeFor(language), { numeric: 'auto' });
  if (minutes < 60) return rtf.format(-minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return rtf.format(-hours, 'hour');
  return rtf.format(-Math.floor(hours / 24), 'day');
}

/** The date and time to the second: backups taken a moment apart (opened, then by hand) are told apart. */
export function formatBackupInstant(iso: string, language: Language, timeZone?: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(localeFor(language), {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(date);
}

/** "812 kB", "4.2 MB" (decimal units, as file managers show them). */
export function formatBytes(bytes: number, language: Language): string {
  const locale = localeFor(language);
  if (bytes < 1_000_000) {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilobyte', maximumFractionDigits: 0 }).format(Math.max(1, Math.round(bytes / 1000)));
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'megabyte', maximumFractionDigits: 1 }).format(bytes / 1_000_000);
}

const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;
/** The separator the data folder is written with (Windows or not), for the folders shown in hints. */
const separatorOf = (path: string) => (path.includes('\\') && !path.includes('/') ? '\\' : '/');

/** A copy is an assembly file: ".assembly" is added to a name that does not end with it. */
export function copyTarget(typed: string): string {
  const value = typed.trim();
  if (value === '' || /[\\/]$/.test(value) || /\.assembly$/i.test(value)) return value;
  return `${value}.assembly`;
}

interface Props {
  assembly: AssemblyInfo;
  /** The list the header shows too (one load, refreshed after each action). */
  backups: Loaded<BackupList>;
  now: Date;
  onClose: () => void;
  onRestored: () => void;
}

/** The backups of the open assembly: take one, restore one (after a confirmation), save a copy. */
export function BackupsDialog({ assembly, backups, now, onClose, onRestored }: Props) {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const fieldText = useFieldErrorText();
  const { status, refresh } = useAppState();
  const [notice, setNotice] = useState<string | null>(null);
  const [notReapplied, setNotReapplied] = useState<MergeRefusal[]>([]);
  const [actionError, setActionError] = useState<unknown>(null);
  const [creating, setCreating] = useState(false);
  const [confirming, setConfirming] = useState<BackupInfo | null>(null);
  /** The stations seen lately, asked for when a restore is about to be confirmed (they will pause). */
  const [stations, setStations] = useState<{ names: string[]; seconds: number } | null>(null);
  const [restoring, setRestoring] = useState(false);
  const [copyPath, setCopyPath] = useState(() => `${baseName(assembly.path).replace(/\.assembly$/i, '')}-copy-${todayCalendarDate()}.assembly`);
  const [copyBusy, setCopyBusy] = useState(false);
  const [copyError, setCopyError] = useState<unknown>(null);
  const [copyNotice, setCopyNotice] = useState<string | null>(null);
  const copyForm = useRef<HTMLFormElement>(null);
  useFocusOnError(copyForm, copyError);

  const list = backups.data?.backups ?? [];
  const when = (b: BackupInfo) => formatBackupInstant(b.at, lang, status.assembly?.timeZone);
  const sep = separatorOf(status.dataDir);
  const assembliesDir = `${status.dataDir.replace(/[\\/]$/, '')}${sep}assemblies`;

  async function backUpNow() {
    setCreating(true);
    setNotice(null);
    setActionError(null);
    try {
      const made = await call('backups.create', {});
      await backups.reload();
      setNotice(t('backupsUi.dialog.created', { time: formatBackupTime(made.at, lang, undefined, status.assembly?.timeZone) }));
    } catch (e) {
      setActionError(e);
    } finally {
      setCreating(false);
    }
  }

  /** Asks to confirm a restore, saying first which stations it will pause. */
  async function askToRestore(b: BackupInfo) {
    setStations(null);
    setConfirming(b);
    try {
      const seen = await call('venue.connected', {});
      setStations({ names: seen.stations.map((s) => `${s.name} (${s.person})`), seconds: seen.withinSeconds });
    } catch {
      // Not knowing which stations are connected does not stop a restore: they are paused anyway.
      setStations({ names: [], seconds: 0 });
    }
  }

  async function restore() {
    const chosen = confirming;
    if (!chosen) return;
    setRestoring(true);
    setNotice(null);
    setActionError(null);
    try {
      const restored = await call('backups.restore', { name: chosen.name });
      setConfirming(null);
      // Attendance recorded after the backup is applied again by the host; what the restored file
      // refuses is listed here for a person to decide (see reapplyEvents).
      const { reapplied, refused } = restored.attendance;
      const kept = reapplied > 0 ? ` ${t('backupsUi.reapplied', { count: reapplied })}` : '';
      setNotice(t('backupsUi.restored', { when: when(chosen) }) + kept);
      setNotReapplied(refused);
      onRestored();
    } catch (e) {
      setConfirming(null);
      setActionError(e);
    } finally {
      setRestoring(false);
      // The file was closed and opened again (or, if that failed, is closed): the app's status
      // and the list follow.
      await refresh();
      await backups.reload();
    }
  }

  async function saveCopy(event: FormEvent) {
    event.preventDefault();
    const target = copyTarget(copyPath);
    setCopyPath(target);
    setCopyBusy(true);
    setCopyError(null);
    setCopyNotice(null);
    try {
      const saved = await call('app.saveCopy', { path: target });
      setCopyNotice(t('backupsUi.copy.saved', { path: saved.path, size: formatBytes(saved.bytes, lang) }));
    } catch (e) {
      setCopyError(e);
    } finally {
      setCopyBusy(false);
    }
  }

  const copyApiError = isApiCallError(copyError) ? copyError : null;
  const existingPath = copyApiError?.code === 'FILE_EXISTS' && typeof copyApiError.details.path === 'string' ? copyApiError.details.path : null;
  const copyFieldError = copyApiError?.code === 'FILE_EXISTS' ? t('backupsUi.copy.exists', { name: baseName(existingPath ?? copyPath) }) : fieldText(copyApiError?.fieldProblem('path'));
  const count = (key: 'participants' | 'checkIns' | 'ballots', n: number) => t(`backupsUi.count.${key}`, { count: n, n: formatNumber(n, lang) });

  return (
    <Dialog title={t('backupsUi.dialog.title')} onClose={onClose}>
      <div className="backups-body">
        <p className="muted backups-intro">{t('backupsUi.dialog.intro', { dir: `${assembly.path}.backups` })}</p>
        <StatusLine message={notice} />
        {notReapplied.length > 0 && (
          <div className="notice notice-error" role="alert">
            <p>{t('backupsUi.notReapplied', { count: notReapplied.length })}</p>
            <ul>
              {notReapplied.map((r) => (
                <li key={r.eventId}>
                  {t(`backupsUi.eventKind.${r.kind}`)} · {formatInstant(r.at, lang)} · {r.reason}
                </li>
              ))}
            </ul>
          </div>
        )}
        <ErrorNotice error={actionError} />

        <section aria-labelledby="backups-list-title" className="backups-section">
          <div className="backups-list-head">
            <h3 id="backups-list-title">
              {t('backupsUi.dialog.listTitle')}
              {list.length > 0 && <span className="count"> · {t('backupsUi.dialog.count', { count: list.length, n: formatNumber(list.length, lang) })}</span>}
            </h3>
            <button type="button" className="button button-primary" onClick={() => void backUpNow()} disabled={creating || restoring} data-autofocus>
              {creating ? t('backupsUi.dialog.backingUp') : t('backupsUi.dialog.backUpNow')}
            </button>
          </div>
          <LoadStatus loaded={backups} empty={list.length === 0 && t('backupsUi.dialog.empty')} />
          {list.length > 0 && (
            <DataTable
              className="backups-table"
              caption={t('backupsUi.dialog.caption')}
              columns={[
                t('backupsUi.dialog.col.at'),
                t('backupsUi.dialog.col.reason'),
                { label: t('backupsUi.dialog.col.participants'), num: true },
                { label: t('backupsUi.dialog.col.checkIns'), num: true },
                { label: t('backupsUi.dialog.col.ballots'), num: true },
                { label: t('backupsUi.dialog.col.size'), num: true },
                { label: t('backupsUi.dialog.col.actions'), hidden: true },
              ]}
            >
              {list.map((b) => (
                <tr key={b.name} className={b.ok ? undefined : 'backup-damaged'}>
                  <th scope="row">
                    <time dateTime={b.at} className="nowrap">
                      {when(b)}
                    </time>
                    <span className="backup-row-age">{formatBackupAge(b.at, lang, now) ?? t('backupsUi.status.justNow')}</span>
                    {!b.ok && <span className="badge badge-danger">{t('backupsUi.dialog.damaged')}</span>}
                  </th>
                  <td>{t(`backupsUi.dialog.reason.${b.reason}`)}</td>
                  <td className="num">{b.ok ? formatNumber(b.participants, lang) : '—'}</td>
                  <td className="num">{b.ok ? formatNumber(b.checkIns, lang) : '—'}</td>
                  <td className="num">{b.ok ? formatNumber(b.ballots, lang) : '—'}</td>
                  <td className="num nowrap">{formatBytes(b.bytes, lang)}</td>
                  <td className="row-actions">
                    {b.ok ? (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={t('backupsUi.dialog.restoreNamed', { when: when(b) })}
                        onClick={() => void askToRestore(b)}
                        disabled={creating || restoring}
                      >
                        {t('backupsUi.dialog.restore')}
                      </button>
                    ) : (
                      <span className="muted" title={t('backupsUi.dialog.damagedNamed', { when: when(b) })}>
                        {t('backupsUi.dialog.damagedNote')}
                      </span>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </section>

        <section aria-labelledby="backups-copy-title" className="backups-section">
          <h3 id="backups-copy-title">{t('backupsUi.copy.title')}</h3>
          <p className="muted">{t('backupsUi.copy.text')}</p>
          <form ref={copyForm} onSubmit={(e) => void saveCopy(e)} noValidate className="backups-copy-form">
            <Field id="backup-copy-path" label={t('backupsUi.copy.path')} hint={t('backupsUi.copy.hint', { dir: assembliesDir })} error={copyFieldError}>
              {(p) => (
                <input
                  {...p}
                  type="text"
                  autoComplete="off"
                  spellCheck={false}
                  className="input-path"
                  value={copyPath}
                  onChange={(e) => {
                    setCopyPath(e.target.value);
                    setCopyNotice(null);
                  }}
                />
              )}
            </Field>
            {!copyFieldError && <ErrorNotice error={copyError} />}
            <FormActions busy={copyBusy} submitLabel={t('backupsUi.copy.submit')} tone="plain" disabled={restoring} />
            <StatusLine message={copyNotice} />
          </form>
        </section>

        <div className="form-actions backups-close">
          <button type="button" className="button" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </div>

      {confirming && (
        <Dialog title={t('backupsUi.confirm.title')} onClose={() => !restoring && setConfirming(null)} role="alertdialog" describedBy="backup-restore-text backup-restore-stations">
          <p id="backup-restore-text">
            {t('backupsUi.confirm.text', {
              when: when(confirming),
              participants: count('participants', confirming.participants),
              checkIns: count('checkIns', confirming.checkIns),
              ballots: count('ballots', confirming.ballots),
            })}{' '}
            {t('backupsUi.confirm.keepsAttendance')}
          </p>
          {stations && (
            <p id="backup-restore-stations" className={stations.names.length > 0 ? 'notice notice-warning' : 'muted'} data-testid="restore-stations">
              {stations.names.length > 0
                ? t('backupsUi.confirm.stations', { count: stations.names.length, seconds: formatNumber(stations.seconds, lang), names: stations.names.join(', ') })
                : t('backupsUi.confirm.stationsNone')}
            </p>
          )}
          <div role="status" className="status-line">
            {restoring && (
              <p className="busy">
                <span className="spinner" aria-hidden="true" /> {t('backupsUi.restoring')}
              </p>
            )}
          </div>
          <FormActions
            busy={restoring}
            submitLabel={t('backupsUi.confirm.submit')}
            tone="danger"
            onConfirm={() => void restore()}
            onCancel={() => !restoring && setConfirming(null)}
            cancelFirst
          />
        </Dialog>
      )}
    </Dialog>
  );
}

/**
 * The latest good backup an open error names (details.latestBackup), for the start page to offer:
 * a damaged file, an empty one, one that is not an assembly or is gone, whatever the cause.
 */
export function latestBackupOf(error: unknown): { name: string; path: string; at: string } | null {
  if (!isApiCallError(error)) return null;
  const b = error.details.latestBackup as Record<string, unknown> | undefined;
  if (typeof b !== 'object' || b === null) return null;
  const { name, path, at } = b;
  return typeof name === 'string' && typeof path === 'string' && typeof at === 'string' ? { name, path, at } : null;
}
