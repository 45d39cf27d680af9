import { z } from 'zod';
import type { FeatureInfo, ProposedQuota, QuotaOverview, RecruitmentSettings } from '../domain/recruitment/types';
import type { Db } from '../../db/connection';
import {
  ageReferenceYear,
  allPersonFeatureValues,
  deleteFeatureRows,
  featureInfo,
  findFeature,
  findValue,
  listFeatures,
  livePoolSize,
  moveValue,
  nextFeaturePosition,
  readRecruitmentSettings,
  renameFeatureRow,
  renameValueRow,
  setValueTargets,
  valuesOfFeature,
  writeRecruitmentSettings,
} from '../../db/features';
import { birthYearsOfLivePeople, drawCandidates } from '../../db/people';
import { createPoolWriter } from '../../db/poolWrite';
import { detectDelimiter, parseCsv } from '../domain/import/csv';
import { decodeText } from '../domain/import/decode';
import { ImportFileError } from '../domain/import/errors';
import { ageFromBirthYear, assignBand, bandValues, checkBands } from '../domain/recruitment/banding';
import { checkQuotas, proposeQuotas, QUOTA_ROUNDING_RULE } from '../domain/recruitment/quotas';
import { parseCategoriesCsv, peopleCsvColumns, writeCategoriesCsv, writePeopleCsv } from '../domain/recruitment/sortitionFoundation';
import { searchKey } from '../domain/text';
import type { AppContext } from '../context';
import { AppError } from '../errors';
import { handlers } from '../registry';
import { bytesFromBase64 } from './imports';
import { empty, id, panelSize, requiredText } from './schemas';

export function quotaOverview(db: Db): QuotaOverview {
  const settings = readRecruitmentSettings(db);
  const features = listFeatures(db);
  const problems = checkQuotas({
    panelSize: settings.panelSize,
    features: features.map((f) => ({
      name: f.name,
      values: f.values.map((v) => ({ value: v.value, poolCount: v.poolCount, sharePercent: v.sharePercent, min: v.min, max: v.max })),
    })),
  });
  return { settings, poolSize: livePoolSize(db), roundingRule: QUOTA_ROUNDING_RULE, features, problems };
}

function propose(db: Db, overrides: { panelSize?: number; tolerance?: number }): ProposedQuota[] {
  const settings = readRecruitmentSettings(db);
  // Only features with at least one census share: the others have nothing to propose from.
  const features = listFeatures(db).filter((f) => f.values.some((v) => v.sharePercent !== null));
  let proposals: ReturnType<typeof proposeQuotas>;
  try {
    proposals = proposeQuotas({
      panelSize: overrides.panelSize ?? settings.panelSize,
      tolerance: overrides.tolerance ?? settings.quotaTolerance,
      features: features.map((f) => ({ name: f.name, values: f.values.map((v) => ({ value: v.value, sharePercent: v.sharePercent })) })),
    });
  } catch (e) {
    if (e instanceof RangeError) throw new AppError('VALIDATION', e.message, {}, 'errors.quotaInput');
    throw e;
  }
  const valueIds = new Map(features.flatMap((f) => f.values.map((v) => [`${f.name}\u0000${v.value}`, v.id] as const)));
  return proposals.map((q) => ({ ...q, valueId: valueIds.get(`${q.feature}\u0000${q.value}`)! }));
}

function requireFeature(db: Db, featureId: string) {
  const feature = findFeature(db, featureId);
  if (!feature) throw new AppError('NOT_FOUND', 'There is no such feature.', { featureId });
  return feature;
}

function requireValue(db: Db, valueId: string) {
  const value = findValue(db, valueId);
  if (!value) throw new AppError('NOT_FOUND', 'There is no such feature value.', { valueId });
  return value;
}

function checkFeatureNameFree(db: Db, name: string, exceptId: string | null): void {
  const clash = listFeatures(db).find((f) => f.id !== exceptId && searchKey(f.name) === searchKey(name));
  if (clash) {
    throw new AppError('CONFLICT', `There is already a feature called "${clash.name}".`, {
      fields: [{ field: 'name', rule: 'nameTaken', message: 'is already used by another feature' }],
    });
  }
}

const bands = z
  .array(z.strictObject({ label: requiredText(100), min: z.number(), max: z.number() }))
  .min(1, 'must hold at least one band')
  .max(50, 'must hold at most 50 bands');

const share = z.number().min(0, 'must be at least 0').max(100, 'must be at most 100').nullable();
const seatCount = z.number().int('must be a whole number').min(0, 'must be at least 0').max(10_000, 'must be at most 10000').nullable();

function addBandedFeature(ctx: AppContext, db: Db, name: string, personLabels: Map<string, string>, labels: string[]): string {
  const writer = createPoolWriter(db);
  const featureId = ctx.newId();
  writer.insertFeature({ id: featureId, name, position: nextFeaturePosition(db), createdAt: ctx.nowIso() });
  const valueIds = new Map<string, string>();
  labels.forEach((label, position) => {
    const valueId = ctx.newId();
    writer.insertFeatureValue({ id: valueId, featureId, value: label, position });
    valueIds.set(label, valueId);
  });
  for (const [personId, label] of personLabels) writer.insertPersonFeature({ personId, featureId, valueId: valueIds.get(label)! });
  return featureId;
}

export const featureHandlers = handlers({
  'features.renameFeature': {
    args: z.strictObject({ featureId: id, name: requiredText(100) }),
    run: ({ featureId, name }, ctx) =>
      ctx.mutate((db, audit): FeatureInfo => {
        const feature = requireFeature(db, featureId);
        checkFeatureNameFree(db, name, featureId);
        renameFeatureRow(db, featureId, name);
        audit({ entity: 'feature', entityId: featureId, action: 'feature.rename', before: { name: feature.name }, after: { name } });
        return featureInfo(db, featureId);
      }),
  },
  'features.renameValue': {
    args: z.strictObject({ valueId: id, value: requiredText(100) }),
    run: ({ valueId, value }, ctx) =>
      ctx.mutate((db, audit): FeatureInfo => {
        const before = requireValue(db, valueId);
        const clash = featureInfo(db, before.featureId).values.find((v) => v.id !== valueId && searchKey(v.value) === searchKey(value));
        if (clash) {
          throw new AppError('CONFLICT', `"${clash.value}" is already a value of this feature: merge the two instead of renaming.`, {
            fields: [{ field: 'value', rule: 'nameTaken', message: 'is already a value of this feature' }],
          }, 'errors.valueExists');
        }
        renameValueRow(db, valueId, value);
        audit({ entity: 'feature', entityId: before.featureId, action: 'feature.renameValue', before: { value: before.value }, after: { value } });
        return featureInfo(db, before.featureId);
      }),
  },
  'features.mergeValues': {
    args: z.strictObject({ valueIds: z.array(id).min(1, 'must name at least one value').max(100), into: requiredText(100) }),
    run: ({ valueIds, into }, ctx) =>
      ctx.mutate((db, audit): FeatureInfo => {
        const values = [...new Set(valueIds)].map((v) => requireValue(db, v));
        const featureId = values[0]!.featureId;
        if (values.some((v) => v.featureId !== featureId)) {
          throw new AppError('VALIDATION', 'Only values of the same feature can be merged.', {}, 'errors.mergeAcrossFeatures');
        }
        const feature = featureInfo(db, featureId);
        // The target: an existing value with that name (merged or not), else the first one renamed.
        const target = feature.values.find((v) => searchKey(v.value) === searchKey(into)) ?? feature.values.find((v) => v.id === values[0]!.id)!;
        const merged = values.filter((v) => v.id !== target.id);
        const all = feature.values.filter((v) => v.id === target.id || merged.some((m) => m.id === v.id));
        const shares = all.map((v) => v.sharePercent).filter((s): s is number => s !== null);
        let moved = 0;
        for (const m of merged) moved += moveValue(db, m.id, target.id);
        renameValueRow(db, target.id, into);
        // Census shares add up; quotas no longer apply to the new grouping and are proposed again.
        setValueTargets(db, target.id, {
          sharePercent: shares.length > 0 ? Math.min(100, shares.reduce((a, b) => a + b, 0)) : null,
          min: null,
          max: null,
          minFlex: null,
          maxFlex: null,
        });
        audit({
          entity: 'feature',
          entityId: featureId,
          action: 'feature.mergeValues',
          before: { values: all.map((v) => v.value) },
          after: { value: into, peopleMoved: moved },
        });
        return featureInfo(db, featureId);
      }),
  },
  'features.band': {
    args: z.strictObject({
      source: z.union([z.strictObject({ featureId: id }), z.strictObject({ birthYear: z.literal(true) })]),
      name: requiredText(100),
      bands,
    }),
    run: (args, ctx) =>
      ctx.mutate((db, audit): FeatureInfo => {
        const problems = checkBands(args.bands);
        if (problems.length > 0) {
          throw new AppError('VALIDATION', problems.map((p) => p.message).join(' '), { bandProblems: problems }, 'errors.bands');
        }
        checkFeatureNameFree(db, args.name, null);
        const labels = args.bands.map((b) => b.label);
        const personLabels = new Map<string, string>();
        if ('featureId' in args.source) {
          const source = requireFeature(db, args.source.featureId);
          const rows = valuesOfFeature(db, source.id);
          const { assigned, unparseable, outside } = bandValues([...new Set(rows.map((r) => r.value))], args.bands);
          if (unparseable.length > 0 || outside.length > 0) {
            const parts = [];
            if (unparseable.length > 0) parts.push(`not numbers: ${unparseable.slice(0, 10).map((v) => `"${v}"`).join(', ')}`);
            if (outside.length > 0) parts.push(`outside every band: ${outside.slice(0, 10).join(', ')}`);
            throw new AppError('VALIDATION', `${source.name} has values that cannot be banded (${parts.join('; ')}).`, { unparseable, outside }, 'errors.bandValues');
          }
          for (const r of rows) personLabels.set(r.personId, assigned.get(r.value)!);
        } else {
          const referenceYear = ageReferenceYear(db, ctx.clock());
          // Erased people have no birth year any more: they stay without a band.
          const rows = birthYearsOfLivePeople(db);
          const missing = rows.filter((r) => r.birthYear === null);
          const outside: string[] = [];
          for (const r of rows) {
            if (r.birthYear === null) continue;
            const age = ageFromBirthYear(r.birthYear, referenceYear);
            const label = age === null ? null : assignBand(age, args.bands);
            if (label === null) outside.push(r.code);
            else personLabels.set(r.id, label);
          }
          if (missing.length > 0 || outside.length > 0) {
            const parts = [];
            if (missing.length > 0) parts.push(`${missing.length} without a birth year (${missing.slice(0, 5).map((r) => r.code).join(', ')})`);
            if (outside.length > 0) parts.push(`${outside.length} whose age falls outside every band (${outside.slice(0, 5).join(', ')})`);
            throw new AppError('VALIDATION', `Age bands cannot be made for everyone: ${parts.join('; ')}.`, { missing: missing.length, outside: outside.length }, 'errors.bandAges');
          }
        }
        const featureId = addBandedFeature(ctx, db, args.name, personLabels, labels);
        audit({ entity: 'feature', entityId: featureId, action: 'feature.band', after: { name: args.name, bands: args.bands, people: personLabels.size } });
        return featureInfo(db, featureId);
      }),
  },
  'features.delete': {
    args: z.strictObject({ featureId: id }),
    run: ({ featureId }, ctx) =>
      ctx.mutate((db, audit) => {
        const feature = requireFeature(db, featureId);
        const links = deleteFeatureRows(db, featureId);
        audit({ entity: 'feature', entityId: featureId, action: 'feature.delete', before: { name: feature.name, people: links } });
        return { deleted: true };
      }),
  },
});

export const quotaHandlers = handlers({
  'quotas.overview': {
    args: empty,
    run: (_args, ctx) => quotaOverview(ctx.requireDb()),
  },
  'quotas.setSettings': {
    args: z.strictObject({
      panelSize: panelSize.optional(),
      quotaTolerance: z.number().int('must be a whole number').min(0, 'must be at least 0').max(1000, 'must be at most 1000').optional(),
      onePerHousehold: z.boolean().optional(),
    }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const before = readRecruitmentSettings(db);
        const after: RecruitmentSettings = { ...before, ...args };
        writeRecruitmentSettings(db, after, ctx.nowIso());
        audit({ entity: 'assembly', entityId: null, action: 'recruitment.settings', before, after });
        return quotaOverview(db);
      }),
  },
  'quotas.setTargets': {
    args: z.strictObject({
      targets: z
        .array(
          z.strictObject({
            valueId: id,
            sharePercent: share.optional(),
            min: seatCount.optional(),
            max: seatCount.optional(),
            minFlex: seatCount.optional(),
            maxFlex: seatCount.optional(),
          }),
        )
        .max(2000),
    }),
    run: ({ targets }, ctx) =>
      ctx.mutate((db, audit) => {
        const fields: { field: string; rule: string; message: string; params: Record<string, number> }[] = [];
        // Read once: listFeatures aggregates the whole pool.
        const byId = new Map(listFeatures(db).flatMap((f) => f.values.map((v) => [v.id, v] as const)));
        const changes = targets.map((t, i) => {
          const value = requireValue(db, t.valueId);
          const current = byId.get(t.valueId)!;
          const next = {
            sharePercent: t.sharePercent === undefined ? current.sharePercent : t.sharePercent,
            min: t.min === undefined ? current.min : t.min,
            max: t.max === undefined ? current.max : t.max,
            minFlex: t.minFlex === undefined ? current.minFlex : t.minFlex,
            maxFlex: t.maxFlex === undefined ? current.maxFlex : t.maxFlex,
          };
          if (next.min !== null && next.max !== null && next.min > next.max) {
            fields.push({
              field: `targets.${i}.max`,
              rule: 'atLeast',
              message: `${current.value}: the maximum (${next.max}) is below the minimum (${next.min})`,
              params: { min: next.min },
            });
          }
          return { value, current, next };
        });
        if (fields.length > 0) {
          throw new AppError('VALIDATION', fields.map((f) => f.message).join('; '), {
            fields,
          });
        }
        for (const c of changes) setValueTargets(db, c.value.id, c.next);
        audit({
          entity: 'quotas',
          entityId: null,
          action: 'quotas.setTargets',
          before: changes.map((c) => ({ value: c.current.value, share: c.current.sharePercent, min: c.current.min, max: c.current.max })),
          after: changes.map((c) => ({ value: c.current.value, share: c.next.sharePercent, min: c.next.min, max: c.next.max })),
        });
        return quotaOverview(db);
      }),
  },
  'quotas.propose': {
    args: z.strictObject({ panelSize: panelSize.optional(), tolerance: z.number().int().min(0).max(1000).optional() }),
    run: (args, ctx) => propose(ctx.requireDb(), args),
  },
  'quotas.applyProposal': {
    args: z.strictObject({ panelSize: panelSize.optional(), tolerance: z.number().int().min(0).max(1000).optional() }),
    run: (args, ctx) =>
      ctx.mutate((db, audit) => {
        const proposals = propose(db, args);
        if (proposals.length === 0) {
          throw new AppError('VALIDATION', 'Enter the population shares first: quotas are proposed from them.', {}, 'errors.noShares');
        }
        const before = readRecruitmentSettings(db);
        writeRecruitmentSettings(
          db,
          { ...before, panelSize: args.panelSize ?? before.panelSize, quotaTolerance: args.tolerance ?? before.quotaTolerance },
          ctx.nowIso(),
        );
        const byId = new Map(listFeatures(db).flatMap((f) => f.values.map((v) => [v.id, v] as const)));
        for (const q of proposals) {
          const current = byId.get(q.valueId)!;
          setValueTargets(db, q.valueId, { sharePercent: current.sharePercent, min: q.min, max: q.max, minFlex: current.minFlex, maxFlex: current.maxFlex });
        }
        audit({
          entity: 'quotas',
          entityId: null,
          action: 'quotas.applyProposal',
          after: { panelSize: args.panelSize ?? before.panelSize, tolerance: args.tolerance ?? before.quotaTolerance, quotas: proposals.map((q) => ({ feature: q.feature, value: q.value, min: q.min, max: q.max })) },
        });
        return quotaOverview(db);
      }),
  },
  'quotas.importSortition': {
    args: z.strictObject({ fileName: requiredText(255), contentBase64: z.string().max(20_000_000) }),
    run: ({ fileName, contentBase64 }, ctx) =>
      ctx.mutate((db, audit) => {
        let rows: string[][];
        try {
          const { text } = decodeText(bytesFromBase64(contentBase64));
          rows = parseCsv(text, detectDelimiter(text));
        } catch (e) {
          if (e instanceof ImportFileError) throw new AppError('VALIDATION', `${fileName}: ${e.message}`, { fileCode: e.code }, `importFile.${e.code}`);
          throw e;
        }
        const parsed = parseCategoriesCsv(rows);
        if (parsed.problems.length > 0) {
          throw new AppError(
            'VALIDATION',
            `${fileName} has ${parsed.problems.length} problem${parsed.problems.length === 1 ? '' : 's'}; nothing was changed. ${parsed.problems.map((p) => p.message).join(' ')}`,
            { problems: parsed.problems },
            'errors.categoriesFile',
          );
        }
        const writer = createPoolWriter(db);
        const at = ctx.nowIso();
        let created = 0;
        // folded feature name -> { id, folded value -> value (id and current targets) }; read once.
        const known = new Map(
          listFeatures(db).map((f) => [searchKey(f.name), { id: f.id, values: new Map(f.values.map((v) => [searchKey(v.value), v])) }] as const),
        );
        let featurePosition = nextFeaturePosition(db);
        for (const row of parsed.rows) {
          let feature = known.get(searchKey(row.feature));
          if (!feature) {
            const featureId = ctx.newId();
            writer.insertFeature({ id: featureId, name: row.feature, position: featurePosition++, createdAt: at });
            feature = { id: featureId, values: new Map() };
            known.set(searchKey(row.feature), feature);
          }
          let value = feature.values.get(searchKey(row.value));
          if (!value) {
            const valueId = ctx.newId();
            writer.insertFeatureValue({ id: valueId, featureId: feature.id, value: row.value, position: feature.values.size });
            created += 1;
            value = { id: valueId, value: row.value, poolCount: 0, poolSharePercent: 0, sharePercent: null, min: null, max: null, minFlex: null, maxFlex: null };
            feature.values.set(searchKey(row.value), value);
          }
          setValueTargets(db, value.id, { sharePercent: value.sharePercent, min: row.min, max: row.max, minFlex: row.minFlex, maxFlex: row.maxFlex });
        }
        audit({ entity: 'quotas', entityId: null, action: 'quotas.importSortition', after: { fileName, rows: parsed.rows.length, valuesCreated: created } });
        return quotaOverview(db);
      }),
  },
  'quotas.exportSortition': {
    args: z.strictObject({ flex: z.boolean().optional() }),
    run: ({ flex }, ctx) => {
      const db = ctx.requireDb();
      const rows = listFeatures(db).flatMap((f) =>
        f.values
          .filter((v) => v.min !== null && v.max !== null)
          .map((v) => ({ feature: f.name, value: v.value, min: v.min!, max: v.max!, minFlex: v.minFlex, maxFlex: v.maxFlex })),
      );
      if (rows.length === 0) throw new AppError('VALIDATION', 'No quotas are set yet: there is nothing to export.', {}, 'errors.noQuotas');
      return { fileName: 'categories.csv', content: writeCategoriesCsv(rows, { flex: flex ?? false }) };
    },
  },
});

export const poolExportHandlers = handlers({
  'people.exportSortition': {
    args: empty,
    run: (_args, ctx) => {
      const db = ctx.requireDb();
      const features = listFeatures(db).map((f) => f.name);
      // Candidates for a draw only (not erased), by pseudonymous code and features: no names,
      // contacts or addresses.
      const people = drawCandidates(db);
      const values = new Map<string, Record<string, string>>();
      const rows = allPersonFeatureValues(db);
      for (const r of rows) (values.get(r.personId) ?? values.set(r.personId, {}).get(r.personId)!)[r.feature] = r.value;
      let header: string[];
      try {
        header = peopleCsvColumns(features);
      } catch (e) {
        // A feature called "id" would clash with the format's id column.
        if (e instanceof RangeError) throw new AppError('VALIDATION', e.message, {}, 'errors.sortitionColumns');
        throw e;
      }
      const content = writePeopleCsv(
        header,
        people.map((p) => [p.code, ...features.map((f) => values.get(p.id)?.[f] ?? '')]),
      );
      return { fileName: 'respondents.csv', content };
    },
  },
});
