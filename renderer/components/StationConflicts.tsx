import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../main/domain/assembly/types';
import { call } from '../api';
import { formatInstant } from '../format';
import { currentLanguage } from '../i18n';
import { useAppState } from './AppState';
import { conflictText } from '../station/conflictText';
import { DataTable } from './DataTable';

const REFRESH_MS = 10_000;

interface RefusedRow {
  eventId: string;
  code: string | null;
  kind: string;
  at: string;
  /** The i18n key of the refusal, its parameters (kept since stations show reasons in their language) and the English sentence. */
  key?: string;
  params?: Record<string, string | number>;
  reason: string;
}

interface Shown extends RefusedRow {
  device: string;
  person: string;
  sentAt: string;
}

/** The refused events in an attendance.submitQueued audit row (main/services/attendance.ts). */
function refusedOf(entry: AuditEntry): Shown[] {
  const after = entry.after as { refused?: unknown } | null;
  if (!after || !Array.isArray(after.refused)) return [];
  return (after.refused as RefusedRow[])
    .filter((r) => typeof r?.eventId === 'string' && typeof r.reason === 'string')
    .map((r) => ({ ...r, device: entry.device ?? '', person: entry.operator, sentAt: entry.at }));
}

/**
 * On the host: the events desk stations queued while offline that the host refused, with the
 * reason the station was given too, so the secretariat can settle them (the station lists them
 * as conflicts until its operator marks them seen).
 */
export function StationConflicts() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  // The assembly's clock, not this computer's: a station abroad or set to UTC shows venue time.
  const zone = useAppState().status.assembly?.timeZone;
  const [rows, setRows] = useState<Shown[]>([]);
  const load = useCallback(async () => {
    try {
      const entries = await call('audit.list', { entity: 'attendance', limit: 5000 });
      setRows(entries.filter((e) => e.action === 'attendance.submitQueued').flatMap(refusedOf));
    } catch {
      // No assembly open: nothing to list.
    }
  }, []);
  useEffect(() => {
    void load();
    const timer = setInterval(() => void load(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [load]);
  if (rows.length === 0) return null;
  return (
    <section aria-labelledby="station-conflicts-host">
      <h3 id="station-conflicts-host">{t('station.hostConflicts.title', { n: rows.length })}</h3>
      <p className="muted">{t('station.hostConflicts.intro')}</p>
      <DataTable
        caption={t('station.hostConflicts.caption')}
        columns={[t('venue.col.device'), t('venue.col.person'), t('station.hostConflicts.code'), t('station.hostConflicts.what'), t('station.hostConflicts.reason')]}
      >
        {rows.map((r) => (
          <tr key={`${r.sentAt}-${r.eventId}`}>
            <td>{r.device}</td>
            <td>{r.person}</td>
            <td className="att-mono">{r.code ?? '—'}</td>
            <td className="nowrap">
              {t(`station.kind.${r.kind}`, { defaultValue: r.kind })} · <time dateTime={r.at}>{formatInstant(r.at, lang, zone)}</time>
            </td>
            <td>{r.key ? conflictText(t, { key: r.key, reason: r.reason, params: r.params }) : r.reason}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
