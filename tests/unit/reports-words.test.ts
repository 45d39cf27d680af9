/**
 * The report's fixed-language t (main/reports/i18n.ts): plural forms as each language counts,
 * French typography kept, values printed as they are (no HTML escaping), and the ballot rule's
 * sentence chosen from the domain's thresholds (main/reports/ballotWords.ts).
 */
import { describe, expect, it } from 'vitest';
import { quorumWords, ruleWords, thresholdWords } from '../../main/reports/ballotWords';
import { reportT } from '../../main/reports/i18n';

describe('the report words', () => {
  it('counts as each language does (French 0 and 1 are singular)', () => {
    expect(reportT('fr')('signIn.participants', { count: 0 })).toBe('0 participant');
    expect(reportT('fr')('signIn.participants', { count: 1 })).toBe('1 participant');
    expect(reportT('fr')('signIn.participants', { count: 2 })).toBe('2 participants');
    expect(reportT('nl')('signIn.participants', { count: 0 })).toBe('0 deelnemers');
    expect(reportT('en')('agenda.slots', { count: 1 })).toBe('1 slot');
    expect(reportT('fr')('agenda.someone.expert', { count: 1 })).toBe('un·e expert·e');
    expect(reportT('fr')('agenda.someone.expert', { count: 0 })).toBe('0 expert·es');
    expect(reportT('fr')('report.outcomes.rank', { count: 1, ordinal: true })).toBe('1re place');
    expect(reportT('fr')('report.outcomes.rank', { count: 3, ordinal: true })).toBe('3e place');
    expect(reportT('en')('report.outcomes.rank', { count: 3, ordinal: true })).toBe('Rank 3');
    expect(reportT('nl')('reports.sessions', { held: 3, planned: 1 })).toBe('3 van 1 sessie gehouden');
    expect(reportT('fr')('reports.sessions', { held: 1, planned: 4 })).toBe('1 session tenue sur 4');
  });

  it('keeps French typography and prints values as they are', () => {
    expect(reportT('fr')('field', { label: 'Date' })).toBe('Date\u00a0: ');
    expect(reportT('fr')('reports.recommendations.condorcet', { option: '3 <b> & "C"' })).toBe('Gagnante de Condorcet (bat chacune des autres) : 3 <b> & "C".');
    expect(reportT('fr')('reports.recommendations.textOnlyIn', { language: 'Néerlandais' })).toBe('(texte disponible en néerlandais seulement)');
    expect(reportT('en')('reports.recommendations.textOnlyIn', { language: 'Dutch' })).toBe('(text available in Dutch only)');
  });

  it('says the rule of a ballot in words', () => {
    const twoThirds = { method: 'yesNo', threshold: 'twoThirds', abstentionsCount: false } as const;
    expect(ruleWords(reportT('en'), twoThirds)).toBe('adopted when at least two thirds of the votes cast (abstentions not counted) vote for');
    expect(thresholdWords(reportT('fr'), twoThirds)).toBe('au moins 2/3 des voix exprimées (abstentions non comptées) sont pour');
    expect(ruleWords(reportT('nl'), { method: 'yesNo', threshold: 'custom', numerator: 3, denominator: 5, base: 'present', abstentionsCount: false })).toBe(
      'aangenomen wanneer minstens 3/5 van de aanwezige leden voor stemt',
    );
    expect(quorumWords(reportT('en'), 1, 2, 25, '30', true)).toBe('Quorum: half of the panel present (25 members); present: 30 — quorum met.');
  });
});
