import { describe, expect, it } from 'vitest';
import { createRandom } from '../../main/domain/random';
import { allocate, drawInvitations, invitationRecord, verifyInvitationRecord, type InvitationParams } from '../../main/domain/invitations/lottery';
import type { RegisterResident } from '../../main/domain/invitations/types';
import { checkCharacter, newResponseCode, readResponseCode, formatResponseCode, RESPONSE_CODE_CHARACTERS as CODE_CHARACTERS } from '../../main/domain/invitations/responseCode';
import { computeFunnel, weekendsOf, type FunnelLetter } from '../../main/domain/invitations/funnel';

const CITIES = ['Eupen', 'Kelmis', 'Raeren', 'Lontzen', 'Bütgenbach'];

/** A register of n residents, two or three to an address, in five municipalities of uneven size. */
function register(n: number, seed = 1): RegisterResident[] {
  const random = createRandom(seed);
  const out: RegisterResident[] = [];
  let address = 0;
  while (out.length < n) {
    const city = CITIES[Math.min(4, Math.floor(random.next() ** 2 * 5))]!;
    const residents = random.int(1, 3);
    for (let i = 0; i < residents && out.length < n; i++) {
      out.push({ position: out.length, householdKey: `47${address % 10}0|straat|${address}`, city, postcode: `47${address % 10}0`, birthYear: random.int(1930, 2008), gender: random.chance(0.5) ? 'V' : 'M' });
    }
    address += 1;
  }
  return out;
}

const params = (p: Partial<InvitationParams> = {}): InvitationParams => ({ size: 1000, stratifyBy: 'none', oversampling: {}, onePerAddress: false, referenceYear: 2027, ...p });

describe('the allocation of letters to groups', () => {
  it('adds up exactly and gives each group its share within one letter (largest remainder)', () => {
    const groups = [
      { group: 'A', population: 3333, factor: 1 },
      { group: 'B', population: 3333, factor: 1 },
      { group: 'C', population: 3334, factor: 1 },
      { group: 'D', population: 7, factor: 1 },
    ];
    for (const size of [1, 10, 99, 1000, 4567]) {
      const a = allocate(groups, size);
      expect(a.reduce((s, g) => s + g.quota, 0)).toBe(size);
      const total = groups.reduce((s, g) => s + g.population, 0);
      for (const g of a) expect(Math.abs(g.quota - (size * g.population) / total)).toBeLessThan(1);
    }
  });

  it('applies over-sampling factors: a group with factor 1.2 gets 20 % more letters per resident', () => {
    const a = allocate([{ group: 'deprived', population: 5000, factor: 1.2 }, { group: 'other', population: 5000, factor: 1 }], 1100);
    expect(a.map((g) => g.quota)).toEqual([600, 500]);
  });

  it('caps a group at its population and shares the rest among the others', () => {
    const a = allocate([{ group: 'small', population: 10, factor: 50 }, { group: 'big', population: 1000, factor: 1 }], 100);
    expect(a.find((g) => g.group === 'small')!.quota).toBe(10);
    expect(a.find((g) => g.group === 'big')!.quota).toBe(90);
  });

  it('refuses more letters than residents, naming both numbers', () => {
    expect(() => allocate([{ group: 'all', population: 50, factor: 1 }], 51)).toThrow(/51 letters were asked for, but the register has only 50/);
  });
});

describe('the invitation draw', () => {
  const reg = register(20_000);

  it('is stratified by municipality in proportion to the register, and adds up to N', () => {
    const draw = drawInvitations(reg, params({ stratifyBy: 'municipality' }), 'seed-1');
    expect(draw.positions).toHaveLength(1000);
    expect(new Set(draw.positions).size).toBe(1000);
    for (const g of draw.allocation) {
      const drawn = draw.strata.filter((s) => s === g.group).length;
      expect(drawn).toBe(g.quota);
      expect(Math.abs(drawn - (1000 * g.population) / reg.length)).toBeLessThan(1);
    }
  });

  it('over-samples the named group', () => {
    const plain = drawInvitations(reg, params({ stratifyBy: 'municipality' }), 7);
    const boosted = drawInvitations(reg, params({ stratifyBy: 'municipality', oversampling: { Bütgenbach: 1.5 } }), 7);
    const count = (d: typeof plain) => d.strata.filter((s) => s === 'Bütgenbach').length;
    expect(count(boosted)).toBeGreaterThan(count(plain) * 1.3);
    expect(boosted.positions).toHaveLength(1000);
  });

  it('sends at most one letter per address when asked, and may send several without', () => {
    const byPosition = new Map(reg.map((r) => [r.position, r]));
    const addresses = (positions: number[]) => positions.map((p) => byPosition.get(p)!.householdKey);
    const one = drawInvitations(reg, params({ size: 5000, onePerAddress: true, stratifyBy: 'ageBand' }), 3);
    expect(new Set(addresses(one.positions)).size).toBe(5000);
    const any = drawInvitations(reg, params({ size: 5000 }), 3);
    expect(new Set(addresses(any.positions)).size).toBeLessThan(5000);
  });

  it('leaves out those already invited, with their address, in an additional batch', () => {
    const first = drawInvitations(reg, params({ onePerAddress: true }), 'a');
    const second = drawInvitations(reg, params({ onePerAddress: true, excluded: first.positions }), 'b');
    const key = new Map(reg.map((r) => [r.position, r.householdKey]));
    const firstAddresses = new Set(first.positions.map((p) => key.get(p)));
    expect(second.positions.filter((p) => firstAddresses.has(key.get(p)))).toEqual([]);
  });

  it('is reproducible from the register, the parameters and the seed, and verifiable', () => {
    const p = params({ stratifyBy: 'gender', oversampling: { V: 1.1 } });
    const a = drawInvitations(reg, p, 'public 4 0 7');
    const b = drawInvitations(reg, p, 'public 4 0 7');
    expect(b.positions).toEqual(a.positions);
    expect(drawInvitations(reg, p, 'public 4 0 8').drawnHash).not.toBe(a.drawnHash);
    const record = invitationRecord(reg, p, 'public 4 0 7', a);
    expect(verifyInvitationRecord(reg, record)).toEqual({ ok: true, problems: [] });
    // Another extract, or another seed, does not verify, and says why.
    const changed = reg.map((r, i) => (i === 5 ? { ...r, city: 'Eupen' === r.city ? 'Kelmis' : 'Eupen' } : r));
    expect(verifyInvitationRecord(changed, record).problems[0]).toMatch(/not the same extract/);
    expect(verifyInvitationRecord(reg, { ...record, seed: 'other' }).problems.join(' ')).toMatch(/not the published/);
  });

  it('names an over-sampling group that the register does not have', () => {
    expect(() => drawInvitations(reg, params({ stratifyBy: 'municipality', oversampling: { Brussel: 2 } }), 1)).toThrow(/"Brussel", which is not a group/);
  });
});

describe('response codes', () => {
  it('catch every single mistyped character and every swap of neighbours', () => {
    const random = createRandom(9);
    const codes = new Set<string>();
    for (let i = 0; i < 200; i++) newResponseCode((c) => random.pick(c), codes);
    for (const code of codes) {
      expect(readResponseCode(formatResponseCode(code).toLowerCase())).toEqual({ ok: true, code });
      for (let i = 0; i < code.length; i++) {
        for (const c of CODE_CHARACTERS) {
          if (c === code[i]) continue;
          expect(readResponseCode(code.slice(0, i) + c + code.slice(i + 1)).ok).toBe(false);
        }
        if (i + 1 < code.length && code[i] !== code[i + 1]) {
          expect(readResponseCode(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2)).ok).toBe(false);
        }
      }
    }
  });

  it('names a character that never appears in a code, and a wrong length', () => {
    expect(readResponseCode('ABCD-EFG0')).toEqual({ ok: false, reason: 'character', character: 'B' });
    expect(readResponseCode('ACDV-EFG3')).toEqual({ ok: false, reason: 'character', character: 'V' });
    expect(readResponseCode('ACDE')).toEqual({ ok: false, reason: 'length' });
    const body = 'ACDEFGH';
    expect(readResponseCode(body + checkCharacter(body))).toMatchObject({ ok: true });
  });
});

describe('the funnel', () => {
  const letter = (groups: Partial<FunnelLetter['groups']>, stages: Partial<Omit<FunnelLetter, 'groups'>>): FunnelLetter => ({
    groups: { municipality: 'Eupen', ageBand: '25-34', gender: 'V', language: 'de', ...groups },
    undeliverable: false, answered: false, yes: false, eligible: false, inPool: false, selected: false, confirmed: false, present: [false],
    ...stages,
  });

  it('counts each stage overall and per group, with each rate of the stage before', () => {
    const yes = { answered: true, yes: true, eligible: true, inPool: true };
    const f = computeFunnel(
      [
        letter({}, { undeliverable: true }),
        letter({}, { answered: true }),
        letter({}, yes),
        letter({ municipality: 'Kelmis' }, { ...yes, selected: true, confirmed: true, present: [true] }),
      ],
      ['2027-03-06'],
    );
    expect(f.overall.counts).toEqual([4, 1, 3, 2, 2, 2, 1, 1, 1]);
    expect(f.overall.rates.slice(0, 4)).toEqual([1, 0.25, 1, 2 / 3]);
    const byMunicipality = f.byDimension.find((d) => d.dimension === 'municipality')!.rows;
    expect(byMunicipality.map((r) => [r.group, r.counts[0]])).toEqual([['Eupen', 3], ['Kelmis', 1]]);
  });

  it('groups a Saturday and the Sunday after into one weekend', () => {
    expect(weekendsOf([{ id: 'a', date: '2027-03-06' }, { id: 'b', date: '2027-03-07' }, { id: 'c', date: '2027-03-20' }])).toEqual([
      { label: '2027-03-06', sessionIds: ['a', 'b'] },
      { label: '2027-03-20', sessionIds: ['c'] },
    ]);
  });
});
