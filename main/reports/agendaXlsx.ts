/**
 * The agenda as an Excel workbook, in the chosen language: sheet "Agenda" (every slot, in time
 * order), sheet "Contributors" (experts, guests, staff: role, organisation, perspective, topics,
 * languages, status, fee and travel costs, publication consent) and sheet "Balance" (speaking
 * minutes per topic and perspective). Each sheet is one table (see xlsx.ts).
 *
 * This workbook may travel (mailed to a co-organiser, a funder, the venue): it holds NO e-mail
 * address and NO phone number of anyone. Contacts stay in the app and in the staff schedule PDF.
 */
import type { AgendaOverview, AgendaSlot, Contributor } from '../domain/agenda/types';
import type { Session } from '../domain/sessions/types';
import { reportLocale, reportT, type ReportLang, type ReportT } from './i18n';
import { addTableSheet, minutesBetween, newWorkbook, workbookBytes, type CellInput, type ColumnSpec } from './xlsx';

export interface AgendaWorkbookOptions {
  assemblyName: string;
  lang: ReportLang;
}

/** Language codes as short tags: "NL, FR". */
const tags = (codes: readonly string[]): string => codes.map((c) => c.toUpperCase()).join(', ');

/** Slots of live sessions, by session date and start, then by their own times. */
export function slotsInOrder(overview: AgendaOverview): { slot: AgendaSlot; session: Session }[] {
  const sessions = new Map(overview.sessions.filter((s) => !s.deletedAt).map((s) => [s.id, s]));
  return overview.slots
    .flatMap((slot) => {
      const session = sessions.get(slot.sessionId);
      return session ? [{ slot, session }] : [];
    })
    .sort(
      (a, b) =>
        a.session.date.localeCompare(b.session.date) ||
        a.session.startTime.localeCompare(b.session.startTime) ||
        a.session.id.localeCompare(b.session.id) ||
        a.slot.startTime.localeCompare(b.slot.startTime) ||
        a.slot.endTime.localeCompare(b.slot.endTime) ||
        a.slot.id.localeCompare(b.slot.id),
    );
}

/**
 * The agenda's slots as one table (this workbook and the report workbook both show it):
 * `names` says how a list of contributor ids reads (the report names people by role when their
 * name may not be published).
 */
export function agendaSlotTable(
  overview: AgendaOverview,
  t: ReportT,
  names: (ids: readonly string[]) => string,
): { columns: ColumnSpec[]; rows: CellInput[][] } {
  const rooms = new Map(overview.rooms.map((r) => [r.id, r.name]));
  const columns: ColumnSpec[] = [
    { header: t('agenda.columns.date'), kind: 'date', minWidth: 12 },
    { header: t('agenda.columns.session'), maxWidth: 36 },
    { header: t('agenda.columns.start'), kind: 'time' },
    { header: t('agenda.columns.end'), kind: 'time' },
    { header: t('agenda.columns.minutes'), kind: 'integer' },
    { header: t('agenda.columns.kind'), maxWidth: 30 },
    { header: t('agenda.columns.title'), maxWidth: 50 },
    { header: t('agenda.columns.topic'), maxWidth: 30 },
    { header: t('agenda.columns.room'), maxWidth: 24 },
    { header: t('agenda.columns.speakers'), maxWidth: 50 },
    { header: t('agenda.columns.facilitators'), maxWidth: 40 },
    { header: t('agenda.columns.languages') },
    { header: t('agenda.columns.interpretation') },
  ];
  const rows: CellInput[][] = slotsInOrder(overview).map(({ slot, session }) => [
    session.date,
    session.name,
    slot.startTime,
    slot.endTime,
    minutesBetween(slot.startTime, slot.endTime),
    t(`agenda.kinds.${slot.kind}`, { defaultValue: slot.kind }),
    slot.title,
    slot.topic,
    slot.roomId ? (rooms.get(slot.roomId) ?? '') : '',
    names(slot.speakerIds),
    names(slot.facilitatorIds),
    tags(slot.languages),
    tags(slot.interpretation),
  ]);
  return { columns, rows };
}

export async function agendaWorkbook(overview: AgendaOverview, opts: AgendaWorkbookOptions): Promise<Buffer> {
  const t = reportT(opts.lang);
  const people = new Map(overview.contributors.map((c) => [c.id, c]));
  const perspectives = new Map(overview.perspectives.map((p) => [p.id, p]));
  const names = (ids: readonly string[]): string =>
    ids.flatMap((id) => {
      const c = people.get(id);
      return c ? [c.name] : [];
    }).join(', ');

  const wb = newWorkbook({ title: `${t('agenda.programme')} — ${opts.assemblyName}` });

  // Agenda: every slot.
  const slots = agendaSlotTable(overview, t, names);
  addTableSheet(wb, t('agenda.sheets.agenda'), slots.columns, slots.rows);

  // Contributors: no e-mail, no phone (see the module comment).
  const collator = new Intl.Collator(reportLocale(opts.lang), { sensitivity: 'base', numeric: true });
  const contributorColumns: ColumnSpec[] = [
    { header: t('agenda.columns.name'), maxWidth: 36 },
    { header: t('agenda.columns.role'), maxWidth: 24 },
    { header: t('agenda.columns.organisation'), maxWidth: 40 },
    { header: t('agenda.columns.perspective'), maxWidth: 36 },
    { header: t('agenda.columns.topics'), maxWidth: 50 },
    { header: t('agenda.columns.languages') },
    { header: t('agenda.columns.status') },
    { header: t('agenda.columns.fee'), kind: 'moneyCents', minWidth: 12 },
    { header: t('agenda.columns.travel'), kind: 'moneyCents', minWidth: 12 },
    { header: t('agenda.columns.consent') },
  ];
  const contributorRows: CellInput[][] = [...overview.contributors]
    .sort((a: Contributor, b: Contributor) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id))
    .map((c) => [
      c.name,
      t(`agenda.roles.${c.role}`, { defaultValue: c.role }),
      c.organisation,
      c.perspectiveId ? (perspectives.get(c.perspectiveId)?.name ?? '') : '',
      c.topics.join(', '),
      tags(c.languages),
      t(`agenda.statuses.${c.status}`, { defaultValue: c.status }),
      c.feeCents,
      c.travelCents,
      c.consentPublish ? t('agenda.yes') : t('agenda.no'),
    ]);
  addTableSheet(wb, t('agenda.sheets.contributors'), contributorColumns, contributorRows);

  // Balance: one row per topic and perspective.
  const balanceColumns: ColumnSpec[] = [
    { header: t('agenda.columns.topic'), maxWidth: 40 },
    { header: t('agenda.columns.perspective'), maxWidth: 40 },
    { header: t('agenda.columns.minutes'), kind: 'number' },
    { header: t('agenda.columns.share'), kind: 'percent' },
    { header: t('agenda.columns.oneSided') },
  ];
  const balanceRows: CellInput[][] = overview.balance.flatMap((b) =>
    b.perspectives.map((p) => [
      b.topic,
      p.perspectiveId === null ? t('agenda.noPerspective') : p.name,
      p.minutes,
      b.totalMinutes > 0 ? p.minutes / b.totalMinutes : null,
      b.oneSided ? t('agenda.yes') : t('agenda.no'),
    ]),
  );
  addTableSheet(wb, t('agenda.sheets.balance'), balanceColumns, balanceRows);

  return workbookBytes(wb);
}
