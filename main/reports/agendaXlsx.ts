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
import { reportLabels, type ReportLang } from './labels';
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
  labels: ReturnType<typeof reportLabels>,
  names: (ids: readonly string[]) => string,
): { columns: ColumnSpec[]; rows: CellInput[][] } {
  const t = labels.agenda;
  const col = t.columns;
  const rooms = new Map(overview.rooms.map((r) => [r.id, r.name]));
  const columns: ColumnSpec[] = [
    { header: col.date, kind: 'date', minWidth: 12 },
    { header: col.session, maxWidth: 36 },
    { header: col.start, kind: 'time' },
    { header: col.end, kind: 'time' },
    { header: col.minutes, kind: 'integer' },
    { header: col.kind, maxWidth: 30 },
    { header: col.title, maxWidth: 50 },
    { header: col.topic, maxWidth: 30 },
    { header: col.room, maxWidth: 24 },
    { header: col.speakers, maxWidth: 50 },
    { header: col.facilitators, maxWidth: 40 },
    { header: col.languages },
    { header: col.interpretation },
  ];
  const rows: CellInput[][] = slotsInOrder(overview).map(({ slot, session }) => [
    session.date,
    session.name,
    slot.startTime,
    slot.endTime,
    minutesBetween(slot.startTime, slot.endTime),
    t.kinds[slot.kind] ?? slot.kind,
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
  const labels = reportLabels(opts.lang);
  const t = labels.agenda;
  const col = t.columns;
  const people = new Map(overview.contributors.map((c) => [c.id, c]));
  const perspectives = new Map(overview.perspectives.map((p) => [p.id, p]));
  const names = (ids: readonly string[]): string =>
    ids.flatMap((id) => {
      const c = people.get(id);
      return c ? [c.name] : [];
    }).join(', ');

  const wb = newWorkbook({ title: `${t.programme} — ${opts.assemblyName}` });

  // Agenda: every slot.
  const slots = agendaSlotTable(overview, labels, names);
  addTableSheet(wb, t.sheets.agenda, slots.columns, slots.rows);

  // Contributors: no e-mail, no phone (see the module comment).
  const collator = new Intl.Collator(labels.locale, { sensitivity: 'base', numeric: true });
  const contributorColumns: ColumnSpec[] = [
    { header: col.name, maxWidth: 36 },
    { header: col.role, maxWidth: 24 },
    { header: col.organisation, maxWidth: 40 },
    { header: col.perspective, maxWidth: 36 },
    { header: col.topics, maxWidth: 50 },
    { header: col.languages },
    { header: col.status },
    { header: col.fee, kind: 'moneyCents', minWidth: 12 },
    { header: col.travel, kind: 'moneyCents', minWidth: 12 },
    { header: col.consent },
  ];
  const contributorRows: CellInput[][] = [...overview.contributors]
    .sort((a: Contributor, b: Contributor) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id))
    .map((c) => [
      c.name,
      t.roles[c.role] ?? c.role,
      c.organisation,
      c.perspectiveId ? (perspectives.get(c.perspectiveId)?.name ?? '') : '',
      c.topics.join(', '),
      tags(c.languages),
      t.statuses[c.status] ?? c.status,
      c.feeCents,
      c.travelCents,
      c.consentPublish ? t.yes : t.no,
    ]);
  addTableSheet(wb, t.sheets.contributors, contributorColumns, contributorRows);

  // Balance: one row per topic and perspective.
  const balanceColumns: ColumnSpec[] = [
    { header: col.topic, maxWidth: 40 },
    { header: col.perspective, maxWidth: 40 },
    { header: col.minutes, kind: 'number' },
    { header: col.share, kind: 'percent' },
    { header: col.oneSided },
  ];
  const balanceRows: CellInput[][] = overview.balance.flatMap((b) =>
    b.perspectives.map((p) => [
      b.topic,
      p.perspectiveId === null ? t.noPerspective : p.name,
      p.minutes,
      b.totalMinutes > 0 ? p.minutes / b.totalMinutes : null,
      b.oneSided ? t.yes : t.no,
    ]),
  );
  addTableSheet(wb, t.sheets.balance, balanceColumns, balanceRows);

  return workbookBytes(wb);
}
