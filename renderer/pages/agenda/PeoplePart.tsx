/** Experts and guests: the contributors table, the form, the speaker's calendar, deletion. */
import { useEffect, useRef, useState } from 'react';
import { useContent } from '../../components/content';
import { useTranslation } from 'react-i18next';
import type { Contributor } from '../../../main/domain/agenda/types';
import { call } from '../../api';
import { DataTable } from '../../components/DataTable';
import { Dialog } from '../../components/Dialog';
import { EmptyState } from '../../components/EmptyState';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FormActions } from '../../components/FormActions';
import { LoadStatus, StatusLine } from '../../components/StatusLine';
import { saveTextFile } from '../../files';
import { formatNumber } from '../../format';
import { currentLanguage } from '../../i18n';
import { ContributorDialog } from './ContributorDialog';
import { useAgenda } from './shared';

export function PeoplePart() {
  const { t } = useTranslation();
  const lang = currentLanguage();
  const { overview, focusContributorId, setFocusContributorId } = useAgenda();
  const content = useContent();
  const data = overview.data;
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [editing, setEditing] = useState<Contributor | 'new' | null>(null);
  const [deleting, setDeleting] = useState<Contributor | null>(null);
  const [busy, setBusy] = useState(false);
  const [focusId, setFocusId] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // From a warning's link, or after a save: the person's row gets the focus.
  useEffect(() => {
    const target = focusId ?? (focusContributorId ? `contributor-${focusContributorId}` : null);
    if (!target || !data) return;
    const el = document.getElementById(target);
    if (!el) return;
    el.focus();
    el.scrollIntoView({ block: 'center' });
    setFocusId(null);
    if (focusContributorId) setFocusContributorId(null);
  });

  if (!data) return <LoadStatus loaded={overview} />;
  const list = [...data.contributors].sort((a, b) => a.name.localeCompare(b.name));
  const perspective = new Map(data.perspectives.map((p) => [p.id, content('perspective', p.id, 'name', p.name)]));
  const slotCount = (id: string) => data.slots.filter((s) => s.speakerIds.includes(id) || s.facilitatorIds.includes(id)).length;

  async function calendar(c: Contributor) {
    setActionError(null);
    setNotice(null);
    try {
      const file = await call('agenda.speakerCalendar', { contributorId: c.id });
      saveTextFile(file.fileName, file.content, { type: 'text/calendar;charset=utf-8' });
      setNotice(t('agendaPage.people.calendarSaved', { name: c.name, file: file.fileName }));
    } catch (e) {
      setActionError(e);
    }
  }

  async function confirmDelete() {
    if (!deleting) return;
    const gone = deleting;
    setBusy(true);
    setActionError(null);
    try {
      await call('contributors.delete', { id: gone.id });
      setDeleting(null);
      await overview.reload();
      setNotice(t('agendaPage.people.deleted', { name: gone.name }));
      heading.current?.focus();
    } catch (e) {
      setDeleting(null);
      setActionError(e);
    } finally {
      setBusy(false);
    }
  }

  async function saved(c: Contributor, created: boolean) {
    setEditing(null);
    await overview.reload();
    setNotice(t(created ? 'agendaPage.people.added' : 'agendaPage.people.updated', { name: c.name }));
    setFocusId(`contributor-${c.id}`);
  }

  return (
    <>
      <StatusLine message={notice} />
      <ErrorNotice error={actionError} />
      <section className="panel" aria-labelledby="agenda-people-title">
        <div className="agenda-section-head">
          <h2 id="agenda-people-title" ref={heading} tabIndex={-1}>
            {t('agendaPage.people.title')}
            {list.length > 0 && <span className="count"> · {t('agendaPage.people.count', { count: list.length, n: formatNumber(list.length, lang) })}</span>}
          </h2>
          <button type="button" className="button button-primary" onClick={() => setEditing('new')}>
            {t('agendaPage.people.add')}
          </button>
        </div>
        {list.length === 0 ? (
          <EmptyState title={t('agendaPage.people.emptyTitle')}>
            <p>{t('agendaPage.people.emptyText')}</p>
          </EmptyState>
        ) : (
          <DataTable
            className="compact contributors-table"
            caption={t('agendaPage.people.caption')}
            columns={[
              t('agendaPage.people.col.name'),
              t('agendaPage.people.col.role'),
              t('agendaPage.people.col.languages'),
              t('agendaPage.people.col.status'),
              { label: t('agendaPage.people.col.actions'), hidden: true },
            ]}
          >
            {list.map((c) => (
              <tr key={c.id} id={`contributor-${c.id}`} tabIndex={-1}>
                <th scope="row">
                  {c.name}
                  {c.organisation && <span className="contributor-org">{c.organisation}</span>}
                </th>
                <td>
                  {t(`agendaPage.role.${c.role}`)}
                  <span className="contributor-sub">
                    {c.perspectiveId ? (perspective.get(c.perspectiveId) ?? t('agendaPage.people.noPerspective')) : t('agendaPage.people.noPerspective')}
                  </span>
                </td>
                <td className="nowrap">{c.languages.map((l) => l.toUpperCase()).join(' · ') || '—'}</td>
                <td>
                  <span className={`contributor-status status-${c.status}`}>{t(`agendaPage.status.${c.status}`)}</span>
                  <span className="contributor-sub">{c.consentPublish ? t('agendaPage.people.consentYes') : t('agendaPage.people.consentNo')}</span>
                </td>
                <td className="row-actions">
                  <div className="row-actions-inner">
                    <button type="button" className="button button-small" onClick={() => setEditing(c)} aria-label={t('agendaPage.people.editNamed', { name: c.name })}>
                      {t('common.edit')}
                    </button>
                    <button type="button" className="button button-small" onClick={() => void calendar(c)} aria-label={t('agendaPage.people.calendarNamed', { name: c.name })}>
                      {t('agendaPage.people.calendar')}
                    </button>
                    <button
                      type="button"
                      className="button button-small button-danger-outline"
                      onClick={() => setDeleting(c)}
                      aria-label={t('agendaPage.people.deleteNamed', { name: c.name })}
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

      {editing && (
        <ContributorDialog
          overview={data}
          contributor={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={(c) => void saved(c, editing === 'new')}
        />
      )}
      {deleting && (
        <Dialog title={t('agendaPage.people.deleteTitle')} onClose={() => setDeleting(null)} role="alertdialog" describedBy="delete-contributor-text">
          <p id="delete-contributor-text">
            {t('agendaPage.people.deleteText', { name: deleting.name })}
            {slotCount(deleting.id) > 0 && ` ${t('agendaPage.people.deleteSlots', { count: slotCount(deleting.id), n: formatNumber(slotCount(deleting.id), lang) })}`}
          </p>
          <FormActions busy={busy} tone="danger" submitLabel={t('agendaPage.people.deleteConfirm')} onConfirm={() => void confirmDelete()} onCancel={() => setDeleting(null)} cancelFirst />
        </Dialog>
      )}
    </>
  );
}
