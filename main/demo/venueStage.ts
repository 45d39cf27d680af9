/**
 * The demo "at the venue": after recruitment, a panel drawn (the legacy draw, seeded: quick and
 * reproducible; the Selection page shows how LEXIMIN would do better), its members confirmed,
 * a few needs noted, per-diem rules set, and the first weekend's check-ins recorded. The later
 * sessions are still ahead, for the check-in desk.
 */
import type { AttendanceEvent } from '../domain/attendance/types';
import type { Ballot, BallotCounts } from '../domain/voting/types';
import type { Session } from '../domain/sessions/types';
import { insertEvent, writePerDiemRules } from '../../db/attendance';
import { finaliseBallot, writeBallot, writeEntry } from '../../db/voting';
import type { Db } from '../../db/connection';
import type { IdFactory } from '../../db/ids';
import { insertStatusChange, updatePersonFields } from '../../db/people';
import { checkedInCount } from '../../db/sessions';
import type { DemoAssembly } from '../domain/demo/generate';
import { instantOf } from '../domain/attendance/time';
import { createRandom, type Seed } from '../domain/random';
import { householdKey } from '../domain/recruitment/normalise';
import { buildInstance } from '../domain/selection/instance';
import { legacyDraw } from '../domain/selection/legacy';
import { fillDemoAgenda, fillDemoTables, recordDemoDraw } from './venueExtras';
import { fillDemoReportFacts } from './reportFacts';
import { listContributors } from '../../db/agenda';

export const DEMO_DEVICE = 'demo laptop';
const DIETS = ['vegetarian', 'halal', 'gluten-free', 'vegan'];

/** Minutes -> HH:MM. */
const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

export function fillVenueStage(
  db: Db,
  input: {
    demo: DemoAssembly;
    seed: Seed;
    newId: IdFactory;
    at: string;
    operator: string;
    personIds: Map<string, string>;
    quotas: { feature: string; value: string; min: number; max: number }[];
    sessions: Session[];
  },
): { panel: string[]; checkIns: number; voters: number; itemTranslations: ItemTranslations } {
  const { demo, newId, at, operator } = input;
  const random = createRandom(`${input.seed}/venue`);
  const built = buildInstance({
    pool: demo.people.map((p) => ({ code: p.code, household: householdKey(p), features: p.features })),
    quotas: input.quotas,
    panelSize: demo.assembly.panelSize,
    onePerHousehold: true,
  });
  const panel = legacyDraw(built.instance, random);
  if (!panel) throw new Error('demo: the legacy draw found no panel for the demo quotas');

  for (const code of panel) {
    const id = input.personIds.get(code)!;
    insertStatusChange(db, { id: newId(), personId: id, from: 'pool', to: 'selected', date: null, reason: 'drawn for the demo', at, operator });
    insertStatusChange(db, { id: newId(), personId: id, from: 'selected', to: 'confirmed', date: null, reason: null, at, operator });
    const needs: Record<string, unknown> = { status: 'confirmed' };
    const r = random.next();
    if (r < 0.15) needs.needsDiet = DIETS[Math.floor(random.next() * DIETS.length)];
    if (r > 0.96) needs.needsAccessibility = 'wheelchair access';
    if (random.next() < 0.08) needs.needsChildcare = true;
    updatePersonFields(db, id, needs, at);
  }

  const extras = { newId, at, operator, seed: String(input.seed), sessions: [...input.sessions].sort((a, b) => a.date.localeCompare(b.date) || a.startTime.localeCompare(b.startTime)) };
  recordDemoDraw(db, extras, built, panel);
  fillDemoAgenda(db, extras);
  const byCode = new Map(demo.people.map((p) => [p.code, p]));
  fillDemoTables(db, extras, panel.map((code) => ({ id: input.personIds.get(code)!, features: byCode.get(code)!.features })));

  writePerDiemRules(db, { fullDayCents: 5000, halfDayCents: 2500, travelCents: 1000, childcareCents: 2000, thresholdMinutes: 30 });

  // The first weekend: most arrive between 09:00 and 09:40, a few late, a few excused or absent.
  const firstWeekend = [...input.sessions].sort((a, b) => a.date.localeCompare(b.date)).slice(0, 2);
  let checkIns = 0;
  for (const session of firstWeekend) {
    const start = Number(session.startTime.slice(0, 2)) * 60 + Number(session.startTime.slice(3));
    for (const code of panel) {
      const personId = input.personIds.get(code)!;
      const r = random.next();
      const event = (kind: AttendanceEvent['kind'], minutes: number, reason: string | null = null): AttendanceEvent => ({
        id: newId(),
        sessionId: session.id,
        personId,
        kind,
        at: instantOf(session.date, hhmm(minutes), 'Europe/Brussels'),
        operator,
        device: DEMO_DEVICE,
        source: 'desk',
        reason,
        undoes: null,
        recordedAt: at,
      });
      if (r < 0.04) {
        insertEvent(db, { ...event('excused', start - 24 * 60 < 0 ? 0 : start - 120, 'ill'), at: instantOf(session.date, '07:30', 'Europe/Brussels') });
        continue;
      }
      if (r < 0.07) continue; // did not come
      const late = r > 0.95;
      insertEvent(db, event('checkIn', late ? start + 35 + Math.floor(random.next() * 30) : start - 30 + Math.floor(random.next() * 40)));
      checkIns++;
      if (random.next() < 0.05) insertEvent(db, event('checkOut', start + 6 * 60));
    }
  }
  const { present: voters, itemTranslations } = demoBallot(db, { newId, at, operator, random, session: firstWeekend[1]!, present: checkedInCount(db, firstWeekend[1]!.id), panelSize: demo.assembly.panelSize });
  // Last, with its own random stream: what the public report states (main/demo/reportFacts.ts).
  fillDemoReportFacts(db, { demo, seed: input.seed, newId, at, operator, personIds: input.personIds, panel, contributors: listContributors(db), firstDate: extras.sessions[0]!.date });
  return { panel, checkIns, voters, itemTranslations };
}

/** Twelve recommendations on party funding, in three languages. */
const RECOMMENDATIONS: [string, string, string][] = [
  ['Cap private donations at €2,000 per person per year', 'Private giften beperken tot € 2.000 per persoon per jaar', 'Plafonner les dons privés à 2 000 € par personne et par an'],
  ['Publish party accounts online, in an open format', 'Partijrekeningen online publiceren, in een open formaat', 'Publier les comptes des partis en ligne, dans un format ouvert'],
  ['An independent body audits party finances', 'Een onafhankelijk orgaan controleert de partijfinanciën', 'Un organe indépendant contrôle les finances des partis'],
  ['Ban donations from companies', 'Giften van bedrijven verbieden', 'Interdire les dons des entreprises'],
  ['Lower the total public funding of parties by 20 %', 'De totale overheidsfinanciering van partijen met 20 % verminderen', 'Réduire de 20 % le financement public total des partis'],
  ['Citizens allocate part of the public funding with a yearly voucher', 'Burgers verdelen een deel van de financiering met een jaarlijkse cheque', 'Les citoyens attribuent une partie du financement par un chèque annuel'],
  ['Limit campaign spending per candidate', 'De campagne-uitgaven per kandidaat beperken', 'Limiter les dépenses de campagne par candidat'],
  ['Disclose donations above €500 within a month', 'Giften boven € 500 binnen een maand bekendmaken', 'Publier les dons de plus de 500 € dans le mois'],
  ['Suspend public funding after serious violations', 'De financiering opschorten na ernstige overtredingen', 'Suspendre le financement après des infractions graves'],
  ['Fund party study centres separately and transparently', 'Studiediensten van partijen apart en transparant financieren', 'Financer les centres d’études des partis séparément et en toute transparence'],
  ['Part of the funding depends on the number of members', 'Een deel van de financiering hangt af van het aantal leden', 'Une partie du financement dépend du nombre de membres'],
  ['A citizens’ panel evaluates the rules every five years', 'Een burgerpanel evalueert de regels om de vijf jaar', 'Un panel citoyen évalue les règles tous les cinq ans'],
];

/** Why the panel recommends the first three (English, Dutch, French): multi-line, as a rationale may be. */
const RATIONALES: [string, string, string][] = [
  [
    'Large gifts buy access. A cap keeps parties dependent on many small supporters rather than on a few wealthy ones.',
    'Grote giften kopen toegang. Met een plafond blijven partijen afhankelijk van veel kleine donateurs in plaats van enkele rijke.',
    'Les gros dons achètent un accès. Un plafond rend les partis dépendants de nombreux petits donateurs plutôt que de quelques riches.',
  ],
  [
    'Citizens cannot judge what they cannot see.\nOpen data lets journalists and researchers compare parties year by year.',
    'Burgers kunnen niet beoordelen wat ze niet zien.\nMet open data kunnen journalisten en onderzoekers partijen jaar na jaar vergelijken.',
    'Les citoyens ne peuvent pas juger ce qu’ils ne voient pas.\nDes données ouvertes permettent aux journalistes et aux chercheurs de comparer les partis d’année en année.',
  ],
  [
    'Today the accounts are checked by a commission of members of parliament: the parties control themselves.',
    'Vandaag controleert een commissie van parlementsleden de rekeningen: de partijen controleren zichzelf.',
    'Aujourd’hui, les comptes sont contrôlés par une commission de parlementaires : les partis se contrôlent eux-mêmes.',
  ],
];

/** Ballot item id -> its title and rationale in Dutch and French (for main/demo/translations.ts). */
export type ItemTranslations = Map<string, { title?: [string, string]; rationale?: [string, string] }>;

/** The demo's finalised ballot: the twelve recommendations, counted twice (the same counts). */
function demoBallot(
  db: Db,
  input: { newId: IdFactory; at: string; operator: string; random: ReturnType<typeof createRandom>; session: Session; present: number; panelSize: number },
): { present: number; itemTranslations: ItemTranslations } {
  const { newId, at, random, present } = input;
  const ballot: Ballot = {
    id: newId(),
    sessionId: input.session.id,
    title: 'Recommendations on party funding',
    rule: { method: 'yesNo', threshold: 'twoThirds', abstentionsCount: false },
    quorum: { numerator: 2, denominator: 3 },
    items: RECOMMENDATIONS.map(([en, nl, fr], i) => ({ id: newId(), number: `R${i + 1}`, title: en, text: { en, nl, fr }, ...(RATIONALES[i] ? { rationale: RATIONALES[i][0] } : {}) })),
    votedAt: '15:00',
    tieRule: 'newVote',
    dependsOn: null,
    notHeld: null,
    castingVote: null,
    status: 'open',
    createdAt: at,
    finalisedAt: null,
    finalisedBy: null,
  };
  writeBallot(db, ballot, at);
  // Support differs by recommendation: some clearly adopted, some clearly not, one near the line.
  const support = [0.85, 0.92, 0.8, 0.55, 0.4, 0.35, 0.75, 0.88, 0.7, 0.6, 0.3, 0.9];
  const counts: BallotCounts = {
    kind: 'perItem',
    items: ballot.items.map((item, i) => {
      const spoilt = random.next() < 0.2 ? 1 : 0;
      const blank = random.next() < 0.3 ? 1 : 0;
      const abstain = random.int(0, 3);
      const voting = present - spoilt - blank - abstain;
      const yes = Math.round(voting * support[i]!);
      return { itemId: item.id, counts: [yes, voting - yes, abstain], blank, spoilt };
    }),
  };
  writeEntry(db, ballot.id, { slot: 1, operator: input.operator, enteredAt: at, counts });
  writeEntry(db, ballot.id, { slot: 2, operator: `${input.operator} (second count)`, enteredAt: at, counts });
  finaliseBallot(db, ballot.id, { counts, present, panelSize: input.panelSize, at, by: input.operator });
  const itemTranslations: ItemTranslations = new Map(
    ballot.items.map((item, i) => {
      const rationale = RATIONALES[i];
      return [item.id, { title: [RECOMMENDATIONS[i]![1], RECOMMENDATIONS[i]![2]], ...(rationale ? { rationale: [rationale[1], rationale[2]] as [string, string] } : {}) }];
    }),
  );
  return { present, itemTranslations };
}
