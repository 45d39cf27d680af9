/**
 * The agenda as PDF, in two versions:
 *
 * - programme (for participants, A4 portrait): per session its name, date written out, times
 *   and location, then the slots in time order — time range, kind, title, topic, speakers and
 *   languages with interpretation. A speaker is named only when they consented to publication;
 *   otherwise their role is written in words ("an expert", "2 party leaders"). No contacts, no
 *   fees, no notes. A session without slots says the programme will follow.
 * - schedule (for staff, A4 landscape): the same plus room, facilitators, speakers with their
 *   organisation, e-mail and phone (and a mark when the name is not for publication), the notes;
 *   at the end the planning warnings and the balance of perspectives per topic.
 *
 * Times are the venue's local HH:MM and are printed as stored (a daylight-saving weekend
 * changes nothing). Only `opts.sessionId` is printed when given.
 */
import type { Content, ContentStack, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { AgendaOverview, AgendaSlot, Contributor } from '../domain/agenda/types';
import type { ContributorRole } from '../../preload/vocabulary';
import type { Session } from '../domain/sessions/types';
import { languageName, reportLocale, reportT, type ReportLang, type ReportT } from './i18n';
import { GREY, LIGHT_GREY, formatIsoDate, pageFrame } from './pdf/layout';
import { keepWithRoom } from './pdf/keep';
import { renderPdf } from './pdf/render';

export interface AgendaPdfOptions {
  kind: 'programme' | 'schedule';
  /** Only this session; null: every session. */
  sessionId: string | null;
  assemblyName: string;
  lang: ReportLang;
  generatedAt: Date;
  /** The assembly's time zone, for the footer's time. */
  timeZone: string;
}

const ACCENT = '#1f4e79';
const WARN = '#a33a00';

/**
 * Keeping a heading with what follows (see pdf/keep.ts). pdfmake cannot be asked whether the
 * first table row landed on the heading's page, so a heading asks for the room in pt of an
 * estimate of the first row under it; with less room left, it moves to the next page.
 */

/** Rough text lines of `text` in a column about `chars` characters wide. */
const lines = (text: string, chars: number): number =>
  text.trim() === '' ? 0 : text.split('\n').reduce((n, l) => n + Math.max(1, Math.ceil(l.length / chars)), 0);

/** Height estimate of a programme slot row (pt). */
function programmeRowHeight(slot: AgendaSlot | undefined): number {
  if (!slot) return 16; // "to follow"
  return 12 + 9 + 14 * lines(slot.title || 'x', 60) + 11 * (2 + lines(slot.topic, 80) + Math.ceil(slot.speakerIds.length / 2));
}

/** Height estimate of a schedule row (pt), the repeated header row included. */
function scheduleRowHeight(slot: AgendaSlot | undefined, people: Map<string, Contributor>): number {
  if (!slot) return 16;
  const person = (id: string): number => {
    const c = people.get(id);
    return c ? 1 + (c.organisation ? 1 : 0) + (c.email ? 1 : 0) + (c.phone ? 1 : 0) + (c.consentPublish ? 0 : 1) : 0;
  };
  const speakers = slot.speakerIds.reduce((n, id) => n + person(id), 0) * 10 + slot.speakerIds.length * 3;
  const facilitators = slot.facilitatorIds.reduce((n, id) => n + person(id), 0) * 10 + slot.facilitatorIds.length * 3;
  const what = 8 + 12 * lines(slot.title, 28) + 10 * lines(slot.topic, 34);
  const notes = 9.5 * lines(slot.notes, 34);
  return 18 + 8 + Math.max(what, speakers, facilitators, notes, 24);
}

const timeRange = (start: string, end: string): string => [start.trim(), end.trim()].filter((s) => s !== '').join(' – ');

/** A language code as a word; French writes language names in lower case within a sentence. */
function languageWord(code: string, lang: ReportLang): string {
  const name = languageName(code, lang);
  return lang === 'fr' && name !== code ? name.toLocaleLowerCase('fr-BE') : name;
}

const languageList = (codes: readonly string[], lang: ReportLang): string => codes.map((c) => languageWord(c, lang)).join(', ');

const tags = (codes: readonly string[]): string => codes.map((c) => c.toUpperCase()).join(', ');

/** The live sessions to print, in date order; RangeError when there are none or the chosen one is missing. */
function sessionsToPrint(overview: AgendaOverview, opts: AgendaPdfOptions, t: ReportT): Session[] {
  const live = overview.sessions
    .filter((s) => !s.deletedAt)
    .sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
  if (live.length === 0) throw new RangeError(t('agenda.noSessions'));
  if (opts.sessionId === null) return live;
  const one = live.filter((s) => s.id === opts.sessionId);
  if (one.length === 0) throw new RangeError(t('agenda.unknownSession'));
  return one;
}

function slotsOf(overview: AgendaOverview, sessionId: string): AgendaSlot[] {
  return overview.slots
    .filter((s) => s.sessionId === sessionId)
    .sort((a, b) => a.startTime.localeCompare(b.startTime) || a.endTime.localeCompare(b.endTime) || a.id.localeCompare(b.id));
}

/**
 * The speakers as participants may read them: "Name (Organisation)" for those who consented,
 * otherwise their role in words; unnamed people of one role are counted together ("2 experts")
 * where the first of them stands.
 */
function publicSpeakers(ids: readonly string[], people: Map<string, Contributor>, t: ReportT): string {
  const items: ({ named: string } | { role: ContributorRole; n: number })[] = [];
  const byRole = new Map<ContributorRole, { role: ContributorRole; n: number }>();
  for (const id of ids) {
    const c = people.get(id);
    if (!c) continue;
    if (c.consentPublish) {
      const org = c.organisation.trim();
      items.push({ named: org ? `${c.name} (${org})` : c.name });
    } else {
      const group = byRole.get(c.role);
      if (group) group.n++;
      else {
        const g = { role: c.role, n: 1 };
        byRole.set(c.role, g);
        items.push(g);
      }
    }
  }
  return items.map((i) => ('named' in i ? i.named : t(`agenda.someone.${i.role}`, { count: i.n }))).join(', ');
}

/** The session's heading: name, then date, times and location on one line. */
function sessionHeading(session: Session, count: number, t: ReportT, lang: ReportLang, first: boolean, withCount: boolean, firstRow: number): Content {
  const facts: Content[] = [
    { text: formatIsoDate(session.date, lang) },
    ...(timeRange(session.startTime, session.endTime) ? [{ text: [{ text: t('field', { label: t('agenda.columns.time') }), color: GREY }, timeRange(session.startTime, session.endTime)] }] : []),
    ...(session.location.trim() ? [{ text: [{ text: t('field', { label: t('agenda.columns.location') }), color: GREY }, session.location.trim()] }] : []),
    ...(withCount && count > 0 ? [{ text: t('agenda.slots', { count }), color: GREY }] : []),
  ];
  const block: ContentStack = {
    stack: [
      { text: session.name, fontSize: 15, bold: true, color: ACCENT, margin: [0, 0, 0, 3] },
      { columns: facts.map((f) => ({ width: 'auto', stack: [f] })), columnGap: 16, fontSize: 10 },
    ],
    margin: [0, 0, 0, 8],
  };
  return keepWithRoom(block, firstRow, { margin: [0, first ? 4 : 18, 0, 0] });
}

function programmeRow(slot: AgendaSlot, people: Map<string, Contributor>, t: ReportT, lang: ReportLang): TableCell[] {
  const kind = t(`agenda.kinds.${slot.kind}`, { defaultValue: slot.kind });
  const time: TableCell = { text: timeRange(slot.startTime, slot.endTime), bold: true, noWrap: true };
  if (slot.kind === 'break' && !slot.title.trim()) return [{ ...time, bold: false, color: GREY }, { text: kind, italics: true, color: GREY }];

  const lines: Content[] = [];
  if (slot.title.trim()) {
    lines.push({ text: kind.toLocaleUpperCase(reportLocale(lang)), fontSize: 7.5, color: GREY, characterSpacing: 0.5 });
    lines.push({ text: slot.title.trim(), bold: true, fontSize: 11, margin: [0, 1, 0, 1] });
  } else {
    lines.push({ text: kind, bold: true, fontSize: 11, margin: [0, 0, 0, 1] });
  }
  const detail = (label: string, value: string): Content => ({ text: [{ text: t('field', { label }), color: GREY }, value], fontSize: 9, margin: [0, 1, 0, 0] });
  if (slot.topic.trim()) lines.push(detail(t('agenda.columns.topic'), slot.topic.trim()));
  const speakers = publicSpeakers(slot.speakerIds, people, t);
  if (speakers) lines.push(detail(t('agenda.columns.speakers'), speakers));
  if (slot.languages.length > 0 || slot.interpretation.length > 0) {
    const parts = [languageList(slot.languages, lang), slot.interpretation.length > 0 ? `${t('agenda.interpretationInto')} ${languageList(slot.interpretation, lang)}` : '']
      .filter((p) => p !== '')
      .join(' — ');
    lines.push(detail(t('agenda.columns.languages'), parts));
  }
  return [time, { stack: lines }];
}

function programmeContent(overview: AgendaOverview, sessions: Session[], t: ReportT, lang: ReportLang): Content[] {
  const people = new Map(overview.contributors.map((c) => [c.id, c]));
  const content: Content[] = [];
  sessions.forEach((session, i) => {
    const slots = slotsOf(overview, session.id);
    content.push(sessionHeading(session, slots.length, t, lang, i === 0, false, programmeRowHeight(slots[0])));
    if (slots.length === 0) {
      content.push({ text: t('agenda.toFollow'), italics: true, color: GREY, margin: [0, 0, 0, 4] });
      return;
    }
    content.push({
      table: { widths: [74, '*'], dontBreakRows: true, body: slots.map((s) => programmeRow(s, people, t, lang)) },
      layout: {
        hLineWidth: (i: number, node) => (i === 0 || i === node.table.body.length ? 0 : 0.5),
        vLineWidth: () => 0,
        hLineColor: () => LIGHT_GREY,
        paddingLeft: (i: number) => (i === 0 ? 0 : 8),
        paddingRight: () => 4,
        paddingTop: () => 6,
        paddingBottom: () => 6,
      },
    });
  });
  return content;
}

/** A person in the staff schedule: name, organisation, e-mail, phone; marked when not for publication. */
function staffPerson(c: Contributor, t: ReportT): Content {
  const lines: Content[] = [{ text: c.name, bold: true }];
  if (c.organisation.trim()) lines.push({ text: c.organisation.trim() });
  if (c.email) lines.push({ text: c.email, color: GREY });
  if (c.phone) lines.push({ text: c.phone, color: GREY });
  if (!c.consentPublish) lines.push({ text: t('agenda.notForPublication'), italics: true, color: WARN, fontSize: 7 });
  return { stack: lines, margin: [0, 0, 0, 3] };
}

function staffPeople(ids: readonly string[], people: Map<string, Contributor>, t: ReportT): TableCell {
  const stack = ids.flatMap((id) => {
    const c = people.get(id);
    return c ? [staffPerson(c, t)] : [];
  });
  return stack.length > 0 ? { stack } : '';
}

function scheduleTable(overview: AgendaOverview, slots: AgendaSlot[], t: ReportT, lang: ReportLang): Content {
  const people = new Map(overview.contributors.map((c) => [c.id, c]));
  const rooms = new Map(overview.rooms.map((r) => [r.id, r]));
  const head = (text: string): TableCell => ({ text, bold: true, fontSize: 8 });
  const body: TableCell[][] = [
    [head(t('agenda.columns.time')), head(`${t('agenda.columns.title')} / ${t('agenda.columns.topic')}`), head(t('agenda.columns.room')), head(t('agenda.columns.speakers')), head(t('agenda.columns.facilitators')), head(t('agenda.columns.languages')), head(t('agenda.columns.notes'))],
    ...slots.map((s): TableCell[] => {
      const kind = t(`agenda.kinds.${s.kind}`, { defaultValue: s.kind });
      const what: Content[] = [{ text: kind.toLocaleUpperCase(reportLocale(lang)), fontSize: 6.5, color: GREY, characterSpacing: 0.4 }];
      if (s.title.trim()) what.push({ text: s.title.trim(), bold: true, fontSize: 9.5 });
      if (s.topic.trim()) what.push({ text: s.topic.trim(), italics: true, color: GREY });
      const room = s.roomId ? rooms.get(s.roomId) : undefined;
      const langs: Content[] = [];
      if (s.languages.length > 0) langs.push({ text: tags(s.languages) });
      if (s.interpretation.length > 0) langs.push({ text: [{ text: t('field', { label: t('agenda.columns.interpretation') }), color: GREY }, tags(s.interpretation)] });
      return [
        { text: timeRange(s.startTime, s.endTime), bold: true, noWrap: true },
        { stack: what },
        room ? { stack: [{ text: room.name }, { text: `(${room.capacity})`, color: GREY, fontSize: 7 }] } : '',
        staffPeople(s.speakerIds, people, t),
        staffPeople(s.facilitatorIds, people, t),
        langs.length > 0 ? { stack: langs } : '',
        { text: s.notes.trim(), fontSize: 7.5 },
      ];
    }),
  ];
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [52, '*', 62, 160, 115, 76, 130], body },
    fontSize: 8,
    layout: {
      hLineWidth: (i: number) => (i <= 1 ? 0.7 : 0.4),
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i <= 1 ? '#000000' : LIGHT_GREY),
      paddingLeft: () => 4,
      paddingRight: () => 4,
      paddingTop: () => 4,
      paddingBottom: () => 4,
      fillColor: (row: number) => (row === 0 ? '#e6e6e6' : null),
    },
  };
}

function balanceTable(overview: AgendaOverview, t: ReportT, lang: ReportLang): Content {
  if (overview.balance.length === 0) return { text: t('agenda.noBalance'), italics: true, color: GREY };
  const minutes = new Intl.NumberFormat(reportLocale(lang), { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(reportLocale(lang), { style: 'percent', maximumFractionDigits: 0 });
  const head = (text: string, alignment: 'left' | 'right' = 'left'): TableCell => ({ text, bold: true, fontSize: 8.5, alignment });
  const body: TableCell[][] = [[head(t('agenda.columns.topic')), head(t('agenda.columns.perspective')), head(t('agenda.columns.minutes'), 'right'), head(t('agenda.columns.share'), 'right'), head(t('agenda.columns.oneSided'))]];
  // One row per topic (its perspectives stacked), so that a topic never splits over two pages.
  overview.balance.forEach((b) => {
    body.push([
      { text: b.topic, bold: true },
      { stack: b.perspectives.map((p): Content => (p.perspectiveId === null ? { text: t('agenda.noPerspective'), italics: true, color: GREY } : { text: p.name })) },
      { stack: b.perspectives.map((p): Content => ({ text: minutes.format(p.minutes) })), alignment: 'right' },
      { stack: b.perspectives.map((p): Content => ({ text: b.totalMinutes > 0 ? percent.format(p.minutes / b.totalMinutes) : '' })), alignment: 'right' },
      { text: b.oneSided ? t('agenda.yes') : t('agenda.no'), ...(b.oneSided ? { bold: true, color: WARN } : {}) },
    ]);
  });
  return {
    table: { headerRows: 1, dontBreakRows: true, widths: [180, 240, 60, 50, 70], body },
    fontSize: 9,
    layout: {
      hLineWidth: (i: number) => (i <= 1 ? 0.7 : 0.4),
      vLineWidth: () => 0,
      hLineColor: (i: number) => (i <= 1 ? '#000000' : LIGHT_GREY),
      paddingTop: () => 3,
      paddingBottom: () => 3,
      fillColor: (row: number) => (row === 0 ? '#e6e6e6' : null),
    },
  };
}

function scheduleContent(overview: AgendaOverview, sessions: Session[], t: ReportT, lang: ReportLang): Content[] {
  const people = new Map(overview.contributors.map((c) => [c.id, c]));
  const content: Content[] = [];
  sessions.forEach((session, i) => {
    const slots = slotsOf(overview, session.id);
    content.push(sessionHeading(session, slots.length, t, lang, i === 0, true, scheduleRowHeight(slots[0], people)));
    content.push(slots.length === 0 ? { text: t('agenda.toFollow'), italics: true, color: GREY } : scheduleTable(overview, slots, t, lang));
  });

  // Warnings about the printed sessions' slots, and those about no slot in particular.
  const printed = new Set(sessions.flatMap((s) => slotsOf(overview, s.id).map((x) => x.id)));
  const warnings = overview.warnings.filter((w) => w.slotIds.length === 0 || w.slotIds.some((id) => printed.has(id)));
  const sectionTitle = (text: string, firstRow: number): Content => keepWithRoom({ text, fontSize: 13, bold: true, color: ACCENT, margin: [0, 0, 0, 6] }, firstRow, { margin: [0, 20, 0, 0] });
  content.push(sectionTitle(t('agenda.warnings'), 14 * (warnings[0] ? lines(warnings[0].message, 150) : 1)));
  content.push(
    warnings.length === 0
      ? { text: t('agenda.noWarnings'), italics: true, color: GREY }
      : {
          ul: warnings.map((w) => ({
            text: [{ text: t('field', { label: t(`agenda.warningKinds.${w.kind}`, { defaultValue: w.kind }) }), bold: true, color: WARN }, w.message],
            margin: [0, 0, 0, 2],
          })),
          fontSize: 9,
        },
  );
  content.push(sectionTitle(t('agenda.balance'), 20 + 12 * (overview.balance[0]?.perspectives.length ?? 1)));
  content.push(balanceTable(overview, t, lang));
  return content;
}

export async function agendaPdf(overview: AgendaOverview, opts: AgendaPdfOptions): Promise<Buffer> {
  const t = reportT(opts.lang);
  const sessions = sessionsToPrint(overview, opts, t);
  const name = opts.kind === 'programme' ? t('agenda.programme') : t('agenda.schedule');
  const title = opts.sessionId !== null ? `${name} — ${sessions[0]!.name}` : name;
  const landscape = opts.kind === 'schedule';

  const doc: TDocumentDefinitions = {
    ...pageFrame({
      assemblyName: opts.assemblyName,
      title,
      lang: opts.lang,
      generatedAt: opts.generatedAt,
      timeZone: opts.timeZone,
      sideMargin: landscape ? 30 : 42,
      orientation: landscape ? 'landscape' : 'portrait',
    }),
    content: [
      { text: name.toLocaleUpperCase(reportLocale(opts.lang)), fontSize: 8, color: GREY, characterSpacing: 0.6, margin: [0, 6, 0, 6] },
      ...(opts.kind === 'programme' ? programmeContent(overview, sessions, t, opts.lang) : scheduleContent(overview, sessions, t, opts.lang)),
    ],
  };
  return renderPdf(doc, { creationDate: opts.generatedAt, title, author: opts.assemblyName });
}
