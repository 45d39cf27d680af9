import { describe, expect, it } from 'vitest';
import { makeApp } from '../helpers/app';
import { useTempDir } from '../helpers/tmp';

const tempDir = useTempDir();
const b64 = (text: string) => Buffer.from(text).toString('base64');

async function withPool(rows: string[]) {
  const dir = tempDir();
  const app = makeApp(dir);
  await app.call('app.createAssembly', { name: 'Partijfinanciering', panelSize: 10 });
  const csv = ['first name,last name,birth year,gender,region', ...rows].join('\n');
  const staged = await app.call('imports.stage', { fileName: 'pool.csv', contentBase64: b64(csv) });
  await app.call('imports.commit', { uploadId: staged.uploadId, mapping: staged.mapping, mode: 'allOrNothing' });
  return app;
}

const POOL = [
  'A,One,1950,M,Flanders',
  'B,Two,1960,Man,Flanders',
  'C,Three,1970,male,Wallonia',
  'D,Four,1980,female,Wallonia',
  'E,Five,1990,female,Brussels',
  'F,Six,2000,F,Flanders',
];

describe('features, population shares and quotas', () => {
  it('merges spellings of one value, and renames', async () => {
    const app = await withPool(POOL);
    let gender = (await app.call('quotas.overview', {})).features.find((f) => f.name === 'gender')!;
    expect(gender.values.map((v) => v.value)).toEqual(['M', 'Man', 'male', 'female', 'F']);
    const ids = (names: string[]) => gender.values.filter((v) => names.includes(v.value)).map((v) => v.id);
    gender = await app.call('features.mergeValues', { valueIds: ids(['M', 'Man', 'male']), into: 'male' });
    gender = await app.call('features.mergeValues', { valueIds: ids(['F', 'female']), into: 'female' });
    expect(gender.values.map((v) => [v.value, v.poolCount])).toEqual([
      ['male', 3],
      ['female', 3],
    ]);
    const clash = await app.raw('features.renameValue', { valueId: gender.values[0]!.id, value: 'Female' });
    expect(clash.ok ? null : clash.error).toMatchObject({ code: 'CONFLICT', i18nKey: 'errors.valueExists' });
    const renamed = await app.call('features.renameFeature', { featureId: gender.id, name: 'Gender' });
    expect(renamed.name).toBe('Gender');
    app.close();
  });

  it('cuts birth years into age bands, and refuses bands that overlap or leave people out', async () => {
    const app = await withPool(POOL);
    const overlap = await app.raw('features.band', {
      source: { birthYear: true },
      name: 'Age band',
      bands: [
        { label: '16-40', min: 16, max: 40 },
        { label: '40+', min: 40, max: 120 },
      ],
    });
    expect(overlap.ok ? null : overlap.error.i18nKey).toBe('errors.bands');
    const tooNarrow = await app.raw('features.band', {
      source: { birthYear: true },
      name: 'Age band',
      bands: [{ label: '16-40', min: 16, max: 40 }],
    });
    expect(tooNarrow.ok ? null : tooNarrow.error.i18nKey).toBe('errors.bandAges');
    const year = new Date().getFullYear();
    const bands = await app.call('features.band', {
      source: { birthYear: true },
      name: 'Age band',
      bands: [
        { label: 'under 45', min: 16, max: 44 },
        { label: '45 and over', min: 45, max: 120 },
      ],
    });
    const under45 = POOL.filter((r) => year - Number(r.split(',')[2]) <= 44).length;
    expect(bands.values.map((v) => [v.value, v.poolCount])).toEqual([
      ['under 45', under45],
      ['45 and over', POOL.length - under45],
    ]);
    app.close();
  });

  it('proposes quotas from the shares, saves them, and explains what does not add up', async () => {
    const app = await withPool(POOL);
    let overview = await app.call('quotas.overview', {});
    const region = overview.features.find((f) => f.name === 'region')!;
    const v = (name: string) => region.values.find((x) => x.value === name)!.id;
    overview = await app.call('quotas.setTargets', {
      targets: [
        { valueId: v('Flanders'), sharePercent: 57.6 },
        { valueId: v('Wallonia'), sharePercent: 31.8 },
        { valueId: v('Brussels'), sharePercent: 10.6 },
      ],
    });
    const proposal = await app.call('quotas.propose', { panelSize: 10, tolerance: 1 });
    expect(proposal.map((q) => [q.value, q.seats, q.min, q.max])).toEqual([
      ['Flanders', 6, 5, 7],
      ['Wallonia', 3, 2, 4],
      ['Brussels', 1, 0, 2],
    ]);
    // Nothing saved by a proposal.
    expect((await app.call('quotas.overview', {})).features.find((f) => f.name === 'region')!.values[0]!.min).toBeNull();

    overview = await app.call('quotas.applyProposal', { panelSize: 10, tolerance: 1 });
    const saved = overview.features.find((f) => f.name === 'region')!.values;
    expect(saved.map((x) => [x.min, x.max])).toEqual([
      [5, 7],
      [2, 4],
      [0, 2],
    ]);
    // The sums work out; but a pool of 6 cannot fill a minimum of 5 Flemish seats with 3 Flemish people.
    expect(overview.problems.filter((p) => p.feature === 'region' && p.severity === 'error').map((p) => [p.rule, p.value])).toEqual([
      ['poolBelowMin', 'Flanders'],
    ]);
    // The gender feature has no quotas yet: its values are in the pool without a quota.
    expect(overview.problems.some((p) => p.feature === 'gender' && p.rule === 'inPoolWithoutQuota')).toBe(true);

    const inverted = await app.raw('quotas.setTargets', { targets: [{ valueId: v('Brussels'), min: 3, max: 2 }] });
    expect(inverted.ok ? null : (inverted.error.details as { fields: { field: string }[] }).fields[0]!.field).toBe('targets.0.max');

    overview = await app.call('quotas.setTargets', { targets: [{ valueId: v('Flanders'), min: 9, max: 9 }] });
    const sum = overview.problems.find((p) => p.rule === 'sumMinAbovePanel')!;
    expect(sum).toMatchObject({ severity: 'error', feature: 'region' });
    expect(sum.message).toContain('11');
    app.close();
  });

  it('reads and writes the Sortition Foundation formats, reporting every error at once', async () => {
    const app = await withPool(POOL);
    const broken = ['category,name,min,max', 'region,Flanders,5,4', 'region,Wallonia,x,3', ',Brussels,0,2', 'region,Flanders,1,2'].join('\n');
    const refused = await app.raw('quotas.importSortition', { fileName: 'categories.csv', contentBase64: b64(broken) });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      const problems = (refused.error.details as { problems: { row: number }[] }).problems;
      expect(new Set(problems.map((p) => p.row))).toEqual(new Set([2, 3, 4, 5]));
    }
    expect((await app.call('quotas.overview', {})).features.flatMap((f) => f.values).every((x) => x.min === null)).toBe(true);

    const good = ['feature,value,min,max,min_flex,max_flex', 'region,Flanders,5,7,4,8', 'region,Wallonia,2,4,0,5', 'region,Brussels,0,2,0,3', 'gender,other,0,1,0,1'].join('\r\n');
    const overview = await app.call('quotas.importSortition', { fileName: 'categories.csv', contentBase64: b64(good) });
    const flanders = overview.features.find((f) => f.name === 'region')!.values.find((x) => x.value === 'Flanders')!;
    expect(flanders).toMatchObject({ min: 5, max: 7, minFlex: 4, maxFlex: 8 });
    // A value with a quota but nobody in the pool is created and flagged.
    expect(overview.problems.some((p) => p.rule === 'quotaButNobodyInPool' && p.value === 'other')).toBe(true);

    const exported = await app.call('quotas.exportSortition', { flex: true });
    expect(exported.content.split('\r\n')[0]).toBe('feature,value,min,max,min_flex,max_flex');
    expect(exported.content).toContain('region,Flanders,5,7,4,8');

    const people = await app.call('people.exportSortition', {});
    const lines = people.content.trim().split(/\r?\n/);
    expect(lines[0]).toBe('id,gender,region');
    expect(lines).toHaveLength(POOL.length + 1);
    // Pseudonymous: codes and features only, no names.
    expect(people.content).not.toMatch(/One|Two|Three/);
    app.close();
  });

  it('gives the demo assembly census shares and quotas for a 60-seat panel that add up', async () => {
    const dir = tempDir();
    const app = makeApp(dir);
    await app.call('app.openDemo', {});
    const overview = await app.call('quotas.overview', {});
    expect(overview.settings).toMatchObject({ panelSize: 60, quotaTolerance: 1, onePerHousehold: true });
    expect(overview.problems.filter((p) => p.severity === 'error')).toEqual([]);
    for (const feature of overview.features) {
      const shares = feature.values.reduce((s, x) => s + (x.sharePercent ?? 0), 0);
      expect(Math.abs(shares - 100), feature.name).toBeLessThan(0.6);
      const mins = feature.values.reduce((s, x) => s + x.min!, 0);
      const maxes = feature.values.reduce((s, x) => s + x.max!, 0);
      expect(mins, feature.name).toBeLessThanOrEqual(60);
      expect(maxes, feature.name).toBeGreaterThanOrEqual(60);
    }
    const gender = overview.features.find((f) => f.name === 'Gender')!;
    // 50.7 % of 60 = 30.42 seats; by largest remainder female gets 31 (remainders .42 > .30 > .28).
    expect(gender.values.find((x) => x.value === 'female')).toMatchObject({ sharePercent: 50.7, min: 30, max: 32 });
    app.close();
  });
});

describe('a pool in the Sortition Foundation format', () => {
  it('imports pseudonymised respondents (an id and feature columns), and exports them back alike', async () => {
    const dir = tempDir();
    const app = makeApp(dir);
    await app.call('app.createAssembly', { name: 'Partijfinanciering', panelSize: 10 });
    const csv = ['id,gender,age,region', 'R001,female,16-29,Flanders', 'R002,male,30-44,Wallonia', 'R003,female,45+,Brussels'].join('\r\n');
    const staged = await app.call('imports.stage', { fileName: 'respondents.csv', contentBase64: b64(csv) });
    const mapping = {
      columns: [
        { kind: 'field' as const, field: 'externalId' as const },
        { kind: 'feature' as const, feature: 'gender' },
        { kind: 'feature' as const, feature: 'age' },
        { kind: 'feature' as const, feature: 'region' },
      ],
    };
    const result = await app.call('imports.commit', { uploadId: staged.uploadId, mapping, mode: 'allOrNothing' });
    expect(result.imported).toBe(3);
    const people = await app.call('people.list', {});
    expect(people.rows.map((p) => p.features.region).sort()).toEqual(['Brussels', 'Flanders', 'Wallonia']);
    const exported = (await app.call('people.exportSortition', {})).content.trim().split(/\r?\n/);
    expect(exported[0]).toBe('id,gender,age,region');
    expect(exported).toHaveLength(4);

    // Without names, a row without its id cannot be told apart from the others.
    const noId = await app.call('imports.stage', { fileName: 'r.csv', contentBase64: b64('id,gender\r\n,female\r\n') });
    const check = await app.call('imports.check', { uploadId: noId.uploadId, mapping: { columns: mapping.columns.slice(0, 2) } });
    expect(check.problems.map((p) => [p.row, p.rule])).toEqual([[2, 'required']]);
    app.close();
  });
});
