/**
 * The public report's sums and sentences about politicians (main/reports/publicFacts.ts): turnout
 * is the papers handed in over the members present; a politician's slot says what happened when
 * it was recorded, what is planned for a slot ahead, and "not recorded" for a past slot with
 * nothing recorded (never "came" by default); the costs add up with the per-diem; a level below
 * full never carries the free-text reason, and the aggregate level no person at all.
 */
import { describe, expect, it } from 'vitest';
import type { Contributor } from '../../main/domain/agenda/types';
import type { ReportData } from '../../main/reports/data';
import { costSummary, emptyPublicFacts, politicianLines, publicFactsAt, turnoutOf, type PublicFacts } from '../../main/reports/publicFacts';

const stamp = '2026-12-01T09:00:00.000Z';
const person = (o: Partial<Contributor> & Pick<Contributor, 'id' | 'name' | 'role' | 'status'>): Contributor => ({
  organisation: '',
  topics: [],
  perspectiveId: null,
  languages: ['nl'],
  email: null,
  phone: null,
  availability: [],
  feeCents: 0,
  travelCents: 0,
  consentPublish: true,
  notes: '',
  createdAt: stamp,
  updatedAt: stamp,
  ...o,
});

function dataWith(contributors: Contributor[], perDiemCents = 0): ReportData {
  return { generatedAt: new Date('2027-02-01T12:00:00Z'), agenda: { contributors }, perDiem: { totalCents: perDiemCents, rows: [] } } as unknown as ReportData;
}

const slot = (contributorId: string, date: string, appearance: PublicFacts['appearances'][number]['appearance']) => ({
  slotId: `s-${contributorId}-${date}`,
  contributorId,
  sessionId: `session-${date}`,
  date,
  startTime: '14:00',
  slotTitle: 'Hearing',
  kind: 'hearing',
  appearance,
});

describe('turnout', () => {
  it('is the papers handed in (every count, blank and spoilt) over the members present', () => {
    expect(turnoutOf([40, 8, 2], 1, 1, 60)).toEqual({ papers: 52, turnout: 52 / 60 });
    expect(turnoutOf([0, 0, 0], 0, 0, 0)).toEqual({ papers: 0, turnout: null });
  });
});

describe('politicians', () => {
  const came = person({ id: 'a', name: 'Leader A', role: 'partyLeader', status: 'confirmed' });
  const silent = person({ id: 'b', name: 'Leader B', role: 'partyLeader', status: 'confirmed' });
  const declined = person({ id: 'c', name: 'Minister C', role: 'politician', status: 'declined' });
  const unplanned = person({ id: 'd', name: 'Leader D', role: 'partyLeader', status: 'invited' });
  const expert = person({ id: 'e', name: 'Expert E', role: 'expert', status: 'confirmed' });
  const facts: PublicFacts = {
    ...emptyPublicFacts(),
    appearances: [slot('a', '2027-01-16', 'came'), slot('b', '2027-01-16', null), slot('b', '2027-03-01', null), slot('c', '2027-03-01', null), slot('e', '2027-01-16', null)],
  };
  const lines = politicianLines(dataWith([came, silent, declined, unplanned, expert]), facts);

  it('says who came, who declined, and what is planned ahead', () => {
    expect(lines.map((l) => [l.contributorId, l.date, l.outcome])).toEqual([
      ['a', '2027-01-16', 'came'],
      ['b', '2027-01-16', 'notRecorded'],
      ['b', '2027-03-01', 'confirmed'],
      ['c', '2027-03-01', 'declined'],
      ['d', null, 'invited'],
    ]);
  });

  it('leaves out experts', () => {
    expect(lines.some((l) => l.contributorId === 'e')).toBe(false);
  });
});

describe('costs', () => {
  it('adds the per-diem, the contributors’ fees and every cost entered', () => {
    const facts: PublicFacts = {
      ...emptyPublicFacts(),
      contributorCostsCents: 29_000,
      costs: [
        { id: '1', label: 'Hall', amountCents: 100_000, category: 'venue' },
        { id: '2', label: 'Interpreters', amountCents: 55_050, category: 'interpretation' },
      ],
    };
    const summary = costSummary(dataWith([], 654_000), facts);
    expect(summary.lines.map((l) => [l.category, l.cents])).toEqual([
      ['perDiem', 654_000],
      ['contributors', 29_000],
      ['venue', 100_000],
      ['interpretation', 55_050],
    ]);
    expect(summary.totalCents).toBe(838_050);
  });
});

describe('levels', () => {
  const facts: PublicFacts = {
    ...emptyPublicFacts(),
    drops: [{ code: 'AB12CD', status: 'declined', reasonCode: 'health', reason: 'Operation in March', date: '2026-12-01', replacedBy: 'ZZ99YY' }],
  };
  it('keeps the free-text reason at the full level only, and no person at the aggregate level', () => {
    expect(publicFactsAt(facts, 'full').drops[0]!.reason).toBe('Operation in March');
    expect(publicFactsAt(facts, 'pseudonymised').drops).toEqual([{ ...facts.drops[0], reason: null }]);
    expect(publicFactsAt(facts, 'aggregate').drops).toEqual([]);
  });
});
