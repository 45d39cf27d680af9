/**
 * The rest of the demo at the venue, so that every screen and report has something to show:
 * the record of the draw that made the panel (a legacy draw, with its estimated probabilities),
 * experts and guests with their perspectives, rooms and an agenda for the six sessions, and the
 * small-group tables of the first weekend.
 */
import type { AgendaSlot, Contributor } from '../domain/agenda/types';
import type { Session } from '../domain/sessions/types';
import { replacePerspectives, replaceRooms, writeContributor, writeSlot } from '../../db/agenda';
import type { Db } from '../../db/connection';
import type { IdFactory } from '../../db/ids';
import { insertSelectionRun, markSelectionRunDrawn } from '../../db/selection';
import { insertPlan } from '../../db/tables';
import { probabilitySummary, type BuiltInstance } from '../domain/selection/instance';
import { estimateLegacyProbabilities } from '../domain/selection/legacy';
import { allocateTables } from '../domain/tables/allocate';

interface Extras {
  newId: IdFactory;
  at: string;
  operator: string;
  seed: string;
  sessions: Session[];
}

/**
 * The demo estimates its legacy probabilities from 200 simulated draws, not the app's
 * LEGACY_ESTIMATE_RUNS (1,000): every test that writes the demo would wait for the other 800. The
 * count is stored with the run, and the app and the reports state the stored count.
 */
export const DEMO_LEGACY_RUNS = 200;

/** The stored run of the demo's legacy draw (the same fields a prepared and drawn run holds). */
export function recordDemoDraw(db: Db, x: Extras, built: BuiltInstance, panel: string[]): void {
  const estimate = estimateLegacyProbabilities(built.instance, { runs: DEMO_LEGACY_RUNS, seed: built.inputHash });
  const summary = probabilitySummary(estimate.probabilities);
  const id = x.newId();
  insertSelectionRun(db, {
    id,
    at: x.at,
    operator: x.operator,
    kind: 'panel',
    algorithm: 'legacy',
    algorithmVersion: '1',
    panelSize: built.instance.panelSize,
    onePerHousehold: 1,
    inputHash: built.inputHash,
    quotasJson: JSON.stringify(built.instance.quotas),
    distributionJson: JSON.stringify({
      probabilities: estimate.probabilities,
      lotteryProbabilities: null,
      summary,
      certificate: null,
      complete: true,
      minProbability: summary.min,
      panels: 0,
      lotteryMaxDeviation: null,
      leximin: null,
      legacy: { runs: estimate.runs, failures: estimate.failures, seed: built.inputHash },
      excludedSeatedHouseholds: 0,
      legacyComparison: null,
      fixed: [],
      input: built.canonical,
    }),
    lotterySize: null,
    lotterySource: null,
    lotteryDocument: null,
    lotteryHash: null,
  });
  const onPanel = new Set(panel);
  const members = built.instance.candidates.filter((c) => onPanel.has(c.id));
  const quotaResult = built.instance.quotas.map((q) => {
    const seats = members.filter((c) => c.features[q.feature] === q.value).length;
    return { ...q, seats, met: seats >= q.min && seats <= q.max };
  });
  const reserve = built.instance.candidates.map((c) => c.id).filter((c) => !onPanel.has(c));
  markSelectionRunDrawn(db, id, {
    seedMode: 'random',
    seed: `${x.seed}/venue`,
    publicNumbers: null,
    ticket: null,
    drawnJson: JSON.stringify({ panel: [...panel].sort(), reserve, quotaResult }),
    drawnAt: x.at,
    drawnBy: x.operator,
  });
}

const EXPERTS: [string, string, Contributor['role'], number, Contributor['languages'], boolean][] = [
  // name, organisation, role, perspective index (-1: none), languages, consent to publish
  ['Prof. Ayşe Çelik', 'KU Leuven', 'expert', 2, ['nl', 'en'], true],
  ['Dr. Jean-Luc Dubois', 'Université libre de Bruxelles', 'expert', 1, ['fr', 'en'], true],
  ['Sofie Peeters', 'Transparency International Belgium', 'expert', 0, ['nl', 'fr'], true],
  ['Marc Lemaire', 'Court of Audit', 'expert', 2, ['fr', 'nl'], false],
  ['Leen Janssens', 'Facilitation team', 'facilitator', -1, ['nl', 'fr'], true],
  ['Karim Haddad', 'Facilitation team', 'facilitator', -1, ['fr', 'nl'], true],
  ['Party leader A', 'Party A', 'partyLeader', -1, ['nl'], true],
  ['Party leader B', 'Party B', 'partyLeader', -1, ['fr'], true],
];

/** Perspectives, rooms, contributors and a day programme for every session. */
export function fillDemoAgenda(db: Db, x: Extras): void {
  const perspectives = ['In favour of public funding', 'Critical of public funding', 'Neutral / academic'].map((name, position) => ({ id: x.newId(), name, position }));
  replacePerspectives(db, perspectives);
  const rooms = [
    { id: x.newId(), name: 'Plenary hall', capacity: 120 },
    { id: x.newId(), name: 'Room Meuse', capacity: 40 },
  ];
  replaceRooms(db, rooms, x.at);
  const people = EXPERTS.map(([name, organisation, role, perspective, languages, consent]) => {
    const c: Contributor = {
      id: x.newId(),
      name,
      role,
      organisation,
      topics: role === 'expert' ? ['Party funding'] : [],
      perspectiveId: perspective >= 0 ? perspectives[perspective]!.id : null,
      languages,
      email: null,
      phone: null,
      availability: [],
      feeCents: role === 'expert' ? 25000 : 0,
      travelCents: role === 'expert' ? 4000 : 0,
      consentPublish: consent,
      status: role === 'partyLeader' && name.endsWith('B') ? 'invited' : 'confirmed',
      notes: '',
      createdAt: x.at,
      updatedAt: x.at,
    };
    writeContributor(db, c);
    return c;
  });
  const [celik, dubois, peeters, lemaire, leen, karim, leaderA, leaderB] = people;
  const slot = (session: Session, start: string, end: string, kind: AgendaSlot['kind'], title: string, topic: string, speakers: Contributor[], facilitators: Contributor[], room: number) =>
    writeSlot(db, {
      id: x.newId(),
      sessionId: session.id,
      startTime: start,
      endTime: end,
      kind,
      title,
      topic,
      roomId: rooms[room]!.id,
      speakerIds: speakers.map((s) => s.id),
      facilitatorIds: facilitators.map((f) => f.id),
      languages: ['nl', 'fr'],
      interpretation: ['nl', 'fr'],
      notes: '',
      createdAt: x.at,
      updatedAt: x.at,
    });
  x.sessions.forEach((session, i) => {
    slot(session, '09:30', '10:00', 'talk', 'Welcome and the day ahead', '', [], [leen!, karim!], 0);
    if (i % 2 === 0) {
      slot(session, '10:00', '10:45', 'talk', 'How Belgian parties are funded today', 'Party funding', [i === 0 ? celik! : lemaire!], [], 0);
      slot(session, '10:45', '11:30', 'qa', 'Questions to the expert', 'Party funding', [i === 0 ? celik! : lemaire!], [leen!], 0);
    } else {
      slot(session, '10:00', '11:30', 'panel', 'Should the state fund parties?', 'Party funding', [dubois!, peeters!], [karim!], 0);
    }
    slot(session, '11:30', '11:45', 'break', 'Coffee', '', [], [], 0);
    slot(session, '11:45', '13:00', 'deliberation', 'Small-group deliberation', 'Party funding', [], [leen!, karim!], 1);
    slot(session, '13:00', '14:00', 'break', 'Lunch', '', [], [], 0);
    if (i === 2) slot(session, '14:00', '15:30', 'hearing', "Party leaders' hearing", 'Party funding', [leaderA!, leaderB!], [leen!], 0);
    else slot(session, '14:00', '15:30', 'deliberation', 'Small-group deliberation', 'Transparency', [], [leen!, karim!], 1);
    slot(session, '15:30', '17:00', i === 1 ? 'vote' : 'talk', i === 1 ? 'Vote on the recommendations' : 'Plenary: what the groups found', '', [], [leen!], 0);
  });
}

/** Tables of eight for the first weekend's two sessions, Dutch- and French-speaking apart. */
export function fillDemoTables(db: Db, x: Extras, panel: { id: string; features: Record<string, string> }[]): void {
  const history: string[][][] = [];
  x.sessions.slice(0, 2).forEach((session, i) => {
    const settings = {
      tableSize: 8,
      modes: { Gender: 'diversify', 'Age band': 'diversify', Education: 'diversify', Region: 'diversify', Language: 'cluster' } as const,
      pins: [],
      apart: [],
      source: 'confirmed' as const,
    };
    // The search stops on a budget of steps (or at its local optimum), never on the clock: the
    // file does not depend on the machine's speed.
    const plan = allocateTables({ people: panel, tableSize: 8, modes: settings.modes, history, seed: i + 1 });
    insertPlan(db, {
      id: x.newId(),
      sessionId: session.id,
      round: 1,
      createdAt: x.at,
      operator: x.operator,
      status: 'current',
      settings: { ...settings, modes: { ...settings.modes } },
      seed: i + 1,
      tables: plan.tables.map((members, t) => ({ number: plan.numbers[t]!, group: plan.groups[t]!, facilitatorId: null, members })),
      score: plan.score,
      basedOn: null,
      moved: [],
    });
    history.push(plan.tables);
  });
}
