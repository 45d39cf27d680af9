import { useEffect, useRef, useState, type JSX } from 'react';
import { useTranslation } from 'react-i18next';
import type { Session } from '../../main/domain/sessions/types';
import { call } from '../api';
import { useApiData } from '../components/AppState';
import { AreaTabs, useAreaPart } from '../components/AreaTabs';
import { DataTable } from '../components/DataTable';
import { Dialog } from '../components/Dialog';
import { ErrorNotice } from '../components/ErrorNotice';
import { FormActions } from '../components/FormActions';
import { PageHeading } from '../components/PageHeading';
import { LoadStatus, StatusLine } from '../components/StatusLine';
import { EMPTY_SESSION, SessionForm, toSessionInput, type SessionValues } from '../components/SessionForm';
import { formatCalendarDate, formatNumber, formatTimeRange } from '../format';
import { currentLanguage } from '../i18n';
import { CheckInDesk } from './attendance/CheckInDesk';
import { Dashboard } from './attendance/Dashboard';
import { PaperEntry } from './attendance/PaperEntry';

interface Notice {
  text: string;
  /** Offer to undo a deletion. */
  restore?: Session;
}

function valuesOf(s: Session): SessionValues {
  return { name: s.name, date: s.date, startTime: s.startTime, endTime: s.endTime, location: s.location, kind: s.kind };
}

/** The parts of the area, each at `#/sessions/<part>` (the list of sessions at `#/sessions`). */
const PARTS: { sub: string; key: string; Page: () => JSX.Element }[] = [
  { sub: '', key: 'list', Page: SessionList },
  { sub: 'checkin', key: 'checkin', Page: CheckInDesk },
  { sub: 'dashboard', key: 'dashboard', Page: Dashboard },
  { sub: 'paper', key: 'paper', Page: PaperEntry },
];

export function SessionsPage() {
  const { t } = useTranslation();
  const part = useAreaPart(PARTS);
  return (
    <>
      <PageHeading intro={part.sub === '' ? t('desk.areaIntro') : undefined}>{t('sessions.title')}</PageHeading>
      <AreaTabs area="sessions" label={t('desk.partsLabel')} current={part.sub} parts={PARTS.map((p) => ({ sub: p.sub, label: t(`desk.parts.${p.key}`) }))} />
      <part.Page />
    </>
  );
}

/** The sessions of the assembly: add, edit, delete (and restore). */
function SessionList() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const sessions = useApiData(() => call('sessions.list', {}), []);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Session | null>(null);
  const [deleting, setDeleting] = useState<Session | null>(null);
  const [deleteBusy, setDeleteBusy] = useState(false);
  const listHeading = useRef<HTMLHeadingElement>(null);
  const [deletedCount, setDeletedCount] = useState(0);
  // The deleted row and its buttons are gone: continue from the list's heading.
  useEffect(() => {
    if (deletedCount > 0) listHeading.current?.focus();
  }, [deletedCount]);
  const list = sessions.data ?? [];

  async function add(values: SessionValues): Promise<boolean> {
    setNotice(null);
    setActionError(null);
    const created = await call('sessions.create', toSessionInput(values));
    await sessions.reload();
    setNotice({ text: t('sessions.added', { name: created.name }) });
    return true;
  }

  async function save(values: SessionValues): Promise<boolean> {
    if (!editing) return false;
    setNotice(null);
    setActionError(null);
    const updated = await call('sessions.update', { id: editing.id, ...toSessionInput(values) });
    setEditing(null);
    await sessions.reload();
    setNotice({ text: t('sessions.updated', { name: updated.name }) });
    return false;
  }

  async function confirmDelete() {
    if (!deleting) return;
    setDeleteBusy(true);
    setActionError(null);
    try {
      const gone = await call('sessions.delete', { id: deleting.id });
      setDeleting(null);
      await sessions.reload();
      setNotice({ text: t('sessions.deleted', { name: gone.name }), restore: gone });
      setDeletedCount((n) => n + 1);
    } catch (e) {
      setDeleting(null);
      setActionError(e);
    } finally {
      setDeleteBusy(false);
    }
  }

  async function restore(session: Session) {
    setActionError(null);
    try {
      const back = await call('sessions.restore', { id: session.id });
      await sessions.reload();
      setNotice({ text: t('sessions.restored', { name: back.name }) });
    } catch (e) {
      setActionError(e);
    }
  }

  return (
    <>
      <StatusLine message={notice?.text}>
        {notice?.restore && (
          <button type="button" className="button button-small" onClick={() => void restore(notice.restore!)}>
            {t('common.restore')}
          </button>
        )}
      </StatusLine>
      <ErrorNotice error={actionError} />

      <section aria-labelledby="sessions-list-title" className="panel">
        <h2 id="sessions-list-title" ref={listHeading} tabIndex={-1}>
          {t('sessions.listTitle')}
          {list.length > 0 && <span className="count"> · {t('sessions.count', { count: list.length, n: formatNumber(list.length, lang) })}</span>}
        </h2>
        <LoadStatus loaded={sessions} empty={list.length === 0 && t('sessions.empty')} />
        {list.length > 0 && (
          <DataTable
            className="sessions-table"
            caption={t('sessions.caption')}
            columns={[
              t('sessions.col.name'),
              t('sessions.col.date'),
              t('sessions.col.time'),
              t('sessions.col.location'),
              t('sessions.col.kind'),
              { label: t('sessions.col.actions'), hidden: true },
            ]}
          >
            {list.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td className="nowrap">
                  <time dateTime={s.date}>{formatCalendarDate(s.date, lang)}</time>
                </td>
                <td className="nowrap">{formatTimeRange(s.startTime, s.endTime)}</td>
                <td>{s.location}</td>
                <td>{t(`sessions.kind.${s.kind}`)}</td>
                <td className="row-actions">
                  <div className="row-actions-inner">
                    <button type="button" className="button button-small" aria-label={t('sessions.editNamed', { name: s.name })} onClick={() => setEditing(s)}>
                      {t('common.edit')}
                    </button>
                    <button
                      type="button"
                      className="button button-small button-danger-outline"
                      aria-label={t('sessions.deleteNamed', { name: s.name })}
                      onClick={() => setDeleting(s)}
                    >
                      {t('common.delete')}
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section aria-labelledby="session-add-title" className="panel">
        <h2 id="session-add-title">{t('sessions.addTitle')}</h2>
        <SessionForm idPrefix="add-session" initial={EMPTY_SESSION} submitLabel={t('sessions.add')} onSubmit={add} labelledBy="session-add-title" />
      </section>

      {editing && (
        <Dialog title={t('sessions.editTitle', { name: editing.name })} onClose={() => setEditing(null)}>
          <SessionForm idPrefix="edit-session" initial={valuesOf(editing)} submitLabel={t('sessions.save')} onSubmit={save} onCancel={() => setEditing(null)} />
        </Dialog>
      )}

      {deleting && (
        <Dialog title={t('sessions.confirmTitle')} onClose={() => setDeleting(null)} role="alertdialog" describedBy="delete-session-text">
          <p id="delete-session-text">{t('sessions.confirmText', { name: deleting.name, date: formatCalendarDate(deleting.date, lang) })}</p>
          <FormActions
            busy={deleteBusy}
            tone="danger"
            submitLabel={t('sessions.confirmDelete')}
            onConfirm={() => void confirmDelete()}
            onCancel={() => setDeleting(null)}
            cancelFirst
          />
        </Dialog>
      )}
    </>
  );
}
