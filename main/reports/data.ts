/**
 * Everything the reports say, gathered once from the assembly file as plain data (no database
 * below this point): the workbook, the CSV tables and the PDF reports are pure functions of a
 * ReportData and a privacy level (privacy.ts). A fixed clock gives the same data, hence the same
 * bytes.
 */
import type { AgendaOverview } from '../domain/agenda/types';
import type { Ballot, BallotResult, DependencyInfo } from '../domain/voting/types';
import type { PaymentsList } from '../domain/attendance/types';
import type { Session } from '../domain/sessions/types';
import type { SelectionRun } from '../domain/selection/runTypes';
import type { TablePlan } from '../domain/tables/types';
import type { FeatureInfo } from '../domain/recruitment/types';
import { allPersonFeatureValues, listFeatures, readRecruitmentSettings } from '../../db/features';
import { assemblyName, readAssemblyRow } from '../../db/assemblyMeta';
import { baseLanguage, listTranslations } from '../../db/translations';
import { localiserFor, type Localiser } from '../domain/translations/localise';
import type { ContentLanguage } from '../domain/translations/types';
import type { Db } from '../../db/connection';
import { confirmedParticipantIds } from '../../db/participants';
import { livePersonIds } from '../../db/people';
import { lettersSent } from '../../db/invitations';
import { funnelOf } from '../services/invitations';
import { everConfirmedIds, everSelectedPeople } from '../../db/reports';
import { listSessions } from '../../db/sessions';
import { currentPlans } from '../../db/tables';
import { listSelectionRuns } from '../../db/selection';
import { timeZone } from '../../db/attendance';
import { probabilityHistogram, type ProbabilityBin } from '../domain/selection/histogram';
import { compareNames } from '../domain/text';
import { agendaOverview } from '../services/agenda';
import { buildRoster } from '../services/attendance';
import { paymentsList } from '../services/perDiem';
import { selectionRunOf } from '../services/selection';
import { tablePlanOf } from '../services/tables';
import { ballotResultsOf, notHeldBallotsOf } from '../services/voting';
import { countsOf, type ReportCounts } from './reportTables';
import { gatherPublicFacts, type PublicFacts } from './publicFacts';

/** A member's state in a session: present/left (attended), excused, or absent (expected, did not come). */
export type AttendanceMark = 'attended' | 'excused' | 'absent';

export interface ReportParticipant {
  personId: string;
  code: string;
  firstName: string;
  lastName: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  status: string;
  language: string | null;
  features: Record<string, string>;
  /** Session id -> mark, for the sessions held so far (with at least one check-in). */
  attendance: Record<string, AttendanceMark>;
}

export interface RepresentativenessRow {
  feature: string;
  value: string;
  /** Census share, 0..1, or null when not entered. */
  population: number | null;
  pool: number;
  panel: number;
  present: number;
  quotaMin: number | null;
  quotaMax: number | null;
}

/**
 * The letter funnel's stages a public report prints. Not "selected" and "confirmed": the report
 * gives those for the whole panel, and the letters' own figures beside them would let a reader
 * subtract a small hidden count (the declines) back out.
 */
export const LETTER_STAGES = ['sent', 'undeliverable', 'answered', 'yes', 'eligible', 'inPool'] as const;

export interface ReportData {
  assembly: { name: string; panelSize: number; firstDate: string | null; lastDate: string | null; timeZone: string };
  generatedAt: Date;
  sessions: Session[];
  /** Sessions with at least one check-in, in date order. */
  heldSessionIds: string[];
  /** The last held session (present counts in representativeness), or null. */
  lastHeldSessionId: string | null;
  representativeness: RepresentativenessRow[];
  totals: { pool: number; panel: number; presentLast: number };
  funnel: {
    invited: number | null;
    responded: number;
    selected: number;
    confirmed: number;
    attendedOnce: number;
    attendedAll: number;
    /**
     * The invitation letters' funnel, overall, up to the pool (LETTER_STAGES: sent, undeliverable,
     * answered, yes, eligible, in the pool); null when this file drew no letters. The stages after
     * the pool are the panel's, which the report gives for everyone whatever way they came.
     */
    letters: number[] | null;
  };
  /** Everyone who was ever selected (panel members, those who declined or withdrew), by name. */
  participants: ReportParticipant[];
  perDiem: PaymentsList;
  agenda: AgendaOverview;
  tables: TablePlan[];
  ballots: { ballot: Ballot; result: BallotResult; dependency?: DependencyInfo | null }[];
  /** Sequential ballots whose condition was not met: never counted (absent: none). */
  notHeld?: { ballot: Ballot; dependency: DependencyInfo | null }[];
  /** Every run, with a histogram of its per-person probabilities (ten equal bins; no codes). */
  selection: (SelectionRun & { histogram?: ProbabilityBin[] })[];
  /**
   * Counts of people per status, per session (attended / excused / absent), paid per-diem and
   * table sizes: computed before privacy.ts drops the rows they come from, so the aggregate level
   * can still show them.
   */
  counts: ReportCounts;
  /**
   * What the public report states besides the above (publicFacts.ts): the recruitment's basis,
   * declines and withdrawals, politicians, experts' material, costs. Absent: nothing entered.
   */
  publicFacts?: PublicFacts;
}

const EVER_SELECTED = ['selected', 'contacted', 'confirmed', 'declined', 'withdrawn'];

/**
 * Everything the reports say. With a language, every public text (assembly and session names,
 * ballot and item titles and rationales, slot titles, topics, perspectives, organisations,
 * feature names and values) is in that language, falling back to the base text: the builders
 * print what they get and need not know about translations.
 */
export function gatherReportData(db: Db, generatedAt: Date, lang?: ContentLanguage): ReportData {
  const settings = readRecruitmentSettings(db);
  const sessions = listSessions(db);
  const name = assemblyName(db);

  // Attendance per session, from the rosters (the same fold as the desk).
  const rosters = new Map(sessions.map((s) => [s.id, buildRoster(db, s)]));
  const held = sessions.filter((s) => rosters.get(s.id)!.rows.some((r) => r.state === 'present' || r.state === 'left'));
  const lastHeld = held[held.length - 1] ?? null;

  const rowsByPerson = new Map(held.map((s) => [s.id, new Map(rosters.get(s.id)!.rows.map((r) => [r.personId, r]))]));

  const people = everSelectedPeople(db);
  const features = new Map<string, Record<string, string>>();
  for (const r of allPersonFeatureValues(db)) {
    const entry = features.get(r.personId) ?? {};
    entry[r.feature] = r.value;
    features.set(r.personId, entry);
  }
  const participants: ReportParticipant[] = people
    .map((p) => {
      const attendance: Record<string, AttendanceMark> = {};
      for (const s of held) {
        const row = rowsByPerson.get(s.id)!.get(p.id);
        if (!row) continue;
        attendance[s.id] = row.state === 'present' || row.state === 'left' ? 'attended' : row.state === 'excused' ? 'excused' : 'absent';
      }
      const address = [p.street && p.houseNumber ? `${p.street} ${p.houseNumber}` : p.street, [p.postcode, p.city].filter(Boolean).join(' ')].filter(Boolean).join(', ');
      return {
        personId: p.id,
        code: p.code,
        firstName: p.firstName,
        lastName: p.lastName,
        email: p.email,
        phone: p.phone,
        address: address || null,
        status: p.status,
        language: p.language,
        features: features.get(p.id) ?? {},
        attendance,
      };
    })
    .sort((a, b) => compareNames(a.lastName, b.lastName) || compareNames(a.firstName, b.firstName) || (a.code < b.code ? -1 : 1));

  // Representativeness: population share, pool, panel (confirmed), present at the last held session.
  const poolIds = new Set(livePersonIds(db));
  const panelIds = new Set(confirmedParticipantIds(db));
  const presentIds = new Set(lastHeld ? rosters.get(lastHeld.id)!.rows.filter((r) => r.state === 'present' || r.state === 'left').map((r) => r.personId) : []);
  const representativeness: RepresentativenessRow[] = [];
  const featureList = listFeatures(db);
  for (const f of featureList) {
    for (const v of f.values) {
      let pool = 0;
      let panel = 0;
      let present = 0;
      for (const id of poolIds) {
        if (features.get(id)?.[f.name] !== v.value) continue;
        pool++;
        if (panelIds.has(id)) panel++;
        if (presentIds.has(id)) present++;
      }
      representativeness.push({ feature: f.name, value: v.value, population: v.sharePercent === null ? null : v.sharePercent / 100, pool, panel, present, quotaMin: v.min, quotaMax: v.max });
    }
  }

  const everSelected = participants.filter((p) => EVER_SELECTED.includes(p.status));
  const confirmedEver = new Set(everConfirmedIds(db));
  for (const id of panelIds) confirmedEver.add(id);
  const attendedOnce = participants.filter((p) => Object.values(p.attendance).includes('attended')).length;
  const attendedAll = held.length === 0 ? 0 : participants.filter((p) => held.every((s) => p.attendance[s.id] === 'attended')).length;

  const data: Omit<ReportData, 'counts'> = {
    assembly: { name, panelSize: settings.panelSize, firstDate: sessions[0]?.date ?? null, lastDate: sessions[sessions.length - 1]?.date ?? null, timeZone: timeZone(db) },
    generatedAt,
    sessions,
    heldSessionIds: held.map((s) => s.id),
    lastHeldSessionId: lastHeld?.id ?? null,
    representativeness,
    totals: { pool: poolIds.size, panel: panelIds.size, presentLast: presentIds.size },
    // The letters of the live invitation runs (issue 19); null when no letter was drawn in this
    // file (the pool came from elsewhere), and the funnel starts at the respondents.
    funnel: {
      invited: lettersSent(db),
      responded: poolIds.size,
      selected: everSelected.length,
      confirmed: confirmedEver.size,
      attendedOnce,
      attendedAll,
      letters: lettersSent(db) === null ? null : funnelOf(db).overall.counts.slice(0, LETTER_STAGES.length),
    },
    participants,
    perDiem: paymentsList(db, generatedAt),
    agenda: agendaOverview(db),
    tables: sessions.flatMap((s) => currentPlans(db, s.id).map((p) => tablePlanOf(db, p))),
    ballots: ballotResultsOf(db),
    notHeld: notHeldBallotsOf(db),
    selection: listSelectionRuns(db).map((row) => ({ ...selectionRunOf(row), histogram: histogramOf(row.distributionJson) })),
  };
  const localised = lang ? localiseReportData(db, data, lang, featureList) : data;
  return { ...localised, counts: countsOf(localised as ReportData), publicFacts: gatherPublicFacts(db, localised) };
}

/** The item title in a language: its translation, else its full text there when that is one short line (as the PDF always did), else the base title. */
function itemTitleIn(loc: Localiser, item: Ballot['items'][number], lang: ContentLanguage): string {
  const own = item.text[lang]?.trim();
  const short = own && own.length <= 140 && !own.includes('\n') ? own : item.title;
  return loc('ballotItem', item.id, 'title', short);
}

/**
 * The report data with its public texts in `lang` (a copy; the rows keep their ids). Feature
 * names and values are renamed everywhere they are keys too (participants, table members,
 * quotas), so lookups by name still meet.
 */
function localiseReportData(db: Db, data: Omit<ReportData, 'counts'>, lang: ContentLanguage, featureList: FeatureInfo[]): Omit<ReportData, 'counts'> {
  const base = baseLanguage(db);
  if (lang === base) return data;
  const loc = localiserFor(listTranslations(db), lang, base);
  const assemblyId = readAssemblyRow(db)?.id ?? '';
  const featureIds = new Map<string, { id: string; values: Map<string, string> }>();
  for (const f of featureList) featureIds.set(f.name, { id: f.id, values: new Map(f.values.map((v) => [v.value, v.id])) });
  const featureName = (name: string) => {
    const f = featureIds.get(name);
    return f ? loc('feature', f.id, 'name', name) : name;
  };
  const featureValue = (name: string, value: string) => {
    const id = featureIds.get(name)?.values.get(value);
    return id ? loc('featureValue', id, 'value', value) : value;
  };
  const features = (r: Record<string, string>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [featureName(k), featureValue(k, v)]));
  const session = <S extends Session>(s: S): S => ({ ...s, name: loc('session', s.id, 'name', s.name) });
  const topic = (t: string) => (t.trim() ? loc('topic', t.trim(), 'name', t) : t);
  const ballot = (b: Ballot): Ballot => ({
    ...b,
    title: loc('ballot', b.id, 'title', b.title),
    items: b.items.map((i) => ({ ...i, title: itemTitleIn(loc, i, lang), ...(i.rationale !== undefined ? { rationale: loc('ballotItem', i.id, 'rationale', i.rationale) } : {}) })),
  });
  const itemsById = new Map(data.ballots.flatMap((b) => b.ballot.items).concat((data.notHeld ?? []).flatMap((b) => b.ballot.items)).map((i) => [i.id, i]));
  const titleOfItem = (id: string, fallback: string) => {
    const item = itemsById.get(id);
    return item ? itemTitleIn(loc, item, lang) : fallback;
  };
  const dependency = (d: DependencyInfo | null | undefined): DependencyInfo | null | undefined =>
    d ? { ...d, ballotTitle: loc('ballot', d.ballotId, 'title', d.ballotTitle), itemTitle: titleOfItem(d.itemId, d.itemTitle) } : d;
  const perspectiveName = (id: string | null, name: string) => (id ? loc('perspective', id, 'name', name) : name);
  return {
    ...data,
    assembly: { ...data.assembly, name: loc('assembly', assemblyId, 'name', data.assembly.name) },
    sessions: data.sessions.map(session),
    representativeness: data.representativeness.map((r) => ({ ...r, feature: featureName(r.feature), value: featureValue(r.feature, r.value) })),
    participants: data.participants.map((p) => ({ ...p, features: features(p.features) })),
    agenda: {
      ...data.agenda,
      sessions: data.agenda.sessions.map(session),
      slots: data.agenda.slots.map((s) => ({ ...s, title: s.title.trim() ? loc('slot', s.id, 'title', s.title) : s.title, topic: topic(s.topic) })),
      contributors: data.agenda.contributors.map((c) => ({ ...c, organisation: c.organisation.trim() ? loc('contributor', c.id, 'organisation', c.organisation) : c.organisation, topics: c.topics.map(topic) })),
      perspectives: data.agenda.perspectives.map((p) => ({ ...p, name: loc('perspective', p.id, 'name', p.name) })),
      balance: data.agenda.balance.map((b) => ({ ...b, topic: topic(b.topic), perspectives: b.perspectives.map((p) => ({ ...p, name: perspectiveName(p.perspectiveId, p.name) })) })),
      leaders: data.agenda.leaders.map((l) => ({ ...l, organisation: l.organisation.trim() ? loc('contributor', l.contributorId, 'organisation', l.organisation) : l.organisation })),
    },
    tables: data.tables.map((t) => ({ ...t, settings: { ...t.settings, modes: Object.fromEntries(Object.entries(t.settings.modes).map(([k, v]) => [featureName(k), v])) }, tables: t.tables.map((table) => ({ ...table, members: table.members.map((m) => ({ ...m, features: features(m.features) })) })) })),
    ballots: data.ballots.map((b) => ({
      ...b,
      ballot: ballot(b.ballot),
      result: { ...b.result, items: b.result.items.map((i) => ({ ...i, title: titleOfItem(i.itemId, i.title) })) },
      ...(b.dependency !== undefined ? { dependency: dependency(b.dependency) } : {}),
    })),
    ...(data.notHeld ? { notHeld: data.notHeld.map((n) => ({ ballot: ballot(n.ballot), dependency: dependency(n.dependency) ?? null })) } : {}),
    selection: data.selection.map((r) => ({ ...r, quotas: r.quotas.map((q) => ({ ...q, feature: featureName(q.feature), value: featureValue(q.feature, q.value) })) })),
  };
}

/** The run's probabilities in the one binning the screen and the audit PDF share. */
function histogramOf(distributionJson: string): ProbabilityBin[] {
  return probabilityHistogram(Object.values((JSON.parse(distributionJson) as { probabilities: Record<string, number> }).probabilities));
}
