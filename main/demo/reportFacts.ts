/**
 * The demo's public-report facts (issue 17), so that its public report shows every section with
 * realistic values: the basis of the recruitment, people drawn first who declined (and two who
 * confirmed, then withdrew before the first weekend), each replaced by a member of the panel as
 * drawn; the experts' material; the costs besides the per-diem.
 *
 * Its own random stream (seed + "/report-facts"), run after everything else: the rest of the demo
 * is the same with or without it. The panel stays the 60 drawn; those who left are extra people.
 */
import type { Contributor } from '../domain/agenda/types';
import type { DropReason, PersonStatus } from '../../preload/vocabulary';
import type { Db } from '../../db/connection';
import type { IdFactory } from '../../db/ids';
import { insertCost, insertMaterial, writeReasonCode, writeRecruitmentFacts } from '../../db/reportFacts';
import { insertStatusChange, updatePersonFields } from '../../db/people';
import type { DemoAssembly } from '../domain/demo/generate';
import { createRandom, type Seed } from '../domain/random';

interface Input {
  demo: DemoAssembly;
  seed: Seed;
  newId: IdFactory;
  at: string;
  operator: string;
  personIds: Map<string, string>;
  panel: string[];
  contributors: Contributor[];
  /** The date of the first session: the declines came in the weeks before it. */
  firstDate: string;
}

const DECLINES: [DropReason, string][] = [
  ['time', 'Works weekends in a shop'],
  ['notInterested', 'Does not want to take part'],
  ['family', 'Cares for a parent at home'],
  ['health', 'Did not want to say more'],
  ['travel', 'Too far without a car'],
  ['time', 'Abroad on two of the weekends'],
];
const WITHDRAWALS: [DropReason, string][] = [
  ['work', 'New job with weekend shifts'],
  ['moved', 'Moved to the Netherlands'],
];

/** A date some days before `date` (YYYY-MM-DD). */
function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T12:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

export function fillDemoReportFacts(db: Db, x: Input): void {
  const random = createRandom(`${x.seed}/report-facts`);
  writeRecruitmentFacts(
    db,
    {
      populationSource: 'Statbel, population by age, sex, region and education level',
      populationYear: 2025,
      eligibility: 'Residents of Belgium aged 16 or over on 1 January 2026, listed in the National Register; members of a parliament or a government excluded.',
      invitationMethod: '10,000 letters in Dutch and French (German where relevant) to addresses drawn at random from the National Register, a reminder after three weeks; replies by a web form or a free phone number.',
    },
    x.at,
  );

  // Who declined or withdrew: respondents outside the panel's households, each replaced by a
  // panel member (the panel as drawn already holds the replacements).
  const panel = new Set(x.panel);
  const panelHouseholds = new Set(x.demo.people.filter((p) => panel.has(p.code)).map((p) => p.householdKey));
  const candidates = x.demo.people.filter((p) => !panel.has(p.code) && !panelHouseholds.has(p.householdKey));
  const taken = new Set<string>();
  const leaving = [...DECLINES.map((d) => ['declined', ...d] as const), ...WITHDRAWALS.map((d) => ['withdrawn', ...d] as const)];
  leaving.forEach(([status, reasonCode, reason], i) => {
    let person = candidates[random.int(0, candidates.length - 1)]!;
    while (taken.has(person.householdKey)) person = candidates[random.int(0, candidates.length - 1)]!;
    taken.add(person.householdKey);
    const id = x.personIds.get(person.code)!;
    const date = daysBefore(x.firstDate, 40 - i * 3);
    const change = (from: PersonStatus, to: PersonStatus, why: string | null) => insertStatusChange(db, { id: x.newId(), personId: id, from, to, date: to === status ? date : null, reason: why, at: x.at, operator: x.operator });
    change('pool', 'selected', 'drawn for the demo');
    if (status === 'withdrawn') {
      change('selected', 'confirmed', null);
      change('confirmed', 'withdrawn', reason);
    } else {
      change('selected', 'declined', reason);
    }
    const replacement = x.personIds.get(x.panel[(i * 7) % x.panel.length]!)!;
    updatePersonFields(db, id, { status, statusDate: date, statusReason: reason, replacedBy: replacement }, x.at);
    writeReasonCode(db, id, reasonCode);
  });

  // What the experts supplied (titles only: no file is copied into the assembly file).
  const byName = new Map(x.contributors.map((c) => [c.name, c]));
  const materials: [string, string, 'presentation' | 'paper' | 'video' | 'data', string][] = [
    ['Prof. Ayşe Çelik', 'How Belgian parties are funded today', 'presentation', 'celik-party-funding-2026.pdf'],
    ['Prof. Ayşe Çelik', 'Party income 2014–2024: the figures', 'data', 'https://example.org/party-income-2014-2024.xlsx'],
    ['Dr. Jean-Luc Dubois', 'The case for public funding', 'paper', 'dubois-public-funding.pdf'],
    ['Sofie Peeters', 'What other countries do', 'video', 'https://example.org/video/peeters-comparison'],
    ['Marc Lemaire', 'Auditing party accounts: what the Court of Audit sees', 'presentation', 'lemaire-audit.pptx'],
  ];
  for (const [name, title, kind, link] of materials) {
    const c = byName.get(name);
    if (c) insertMaterial(db, { id: x.newId(), contributorId: c.id, title, kind, link }, x.at);
  }

  const costs: [string, number, 'venue' | 'catering' | 'facilitation' | 'interpretation' | 'recruitment' | 'communication'][] = [
    ['Conference centre, six days', 1_800_000, 'venue'],
    ['Lunches and coffee, six days', 1_260_000, 'catering'],
    ['Facilitation team', 2_400_000, 'facilitation'],
    ['Simultaneous interpretation nl/fr', 960_000, 'interpretation'],
    ['Invitation letters and reminders', 1_150_000, 'recruitment'],
    ['Website and final publication', 450_000, 'communication'],
  ];
  for (const [label, amountCents, category] of costs) insertCost(db, { id: x.newId(), label, amountCents, category }, x.at);
}
