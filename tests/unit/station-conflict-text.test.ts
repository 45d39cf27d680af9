/** A refusal of the host shown by a station or the host's list, in the screen's language (renderer/station/conflictText.ts). */
import { describe, expect, it } from 'vitest';
import { i18n } from '../../renderer/i18n';
import { conflictText } from '../../renderer/station/conflictText';

const notMember = { key: 'attendance.notConfirmed', reason: 'AB12 is not a confirmed participant (status: withdrawn).', params: { code: 'AB12', status: 'withdrawn' } };
const inFuture = { key: 'attendance.timeInFuture', reason: '15:30 is in the future (it is now 10:00)…', params: { time: '15:30', date: '2027-01-18', now: '10:00', today: '2027-01-18' } };

describe('a station conflict in the screen\'s language', () => {
  it('names the badge code and the status in words, in nl, fr and en', () => {
    expect(conflictText(i18n.getFixedT('en'), notMember)).toBe('AB12 is not a confirmed participant: their status is “withdrawn”. Check with the organisers before letting them in as a member.');
    expect(conflictText(i18n.getFixedT('nl'), notMember)).toBe('AB12 is geen bevestigde deelnemer: de status is „afgehaakt”. Overleg met de organisatoren voor je deze persoon als lid binnenlaat.');
    expect(conflictText(i18n.getFixedT('fr'), notMember)).toMatch(/^AB12 n’est pas un participant confirmé : son statut est « s'est retiré »/);
  });

  it('fills the general sentence of a key with its parameters', () => {
    expect(conflictText(i18n.getFixedT('nl'), inFuture)).toContain('15:30');
    expect(conflictText(i18n.getFixedT('nl'), inFuture)).not.toBe(conflictText(i18n.getFixedT('en'), inFuture));
    expect(conflictText(i18n.getFixedT('en'), inFuture)).toBe('15:30 is in the future (it is now 10:00): record an arrival or a departure once it has happened.');
  });

  it('keeps the host\'s sentence for an unknown key, and the general one for a conflict stored without parameters', () => {
    expect(conflictText(i18n.getFixedT('fr'), { key: 'attendance.somethingNew', reason: 'Host sentence.' })).toBe('Host sentence.');
    expect(conflictText(i18n.getFixedT('en'), { key: 'attendance.notConfirmed', reason: 'x' })).toBe('This person is not a confirmed participant.');
  });
});
