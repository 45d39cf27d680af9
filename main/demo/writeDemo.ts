/**
 * Writes the demo assembly to a new file. The same seed gives a byte-identical file:
 * every id comes from a seeded source and every timestamp from one fixed clock, so the
 * demo can be checked into a bug report, diffed, or rebuilt on another laptop.
 */
import type { Session } from '../domain/sessions/types';
import { translateDemo } from './translations';
import { insertAssemblyRow } from '../../db/assemblyMeta';
import { writeRetention } from '../../db/closure';
import { addMonths, MONTHS_AFTER_LAST_SESSION } from '../domain/assembly/retention';
import { writeAudit } from '../../db/audit';
import type { Db } from '../../db/connection';
import { seededIdFactory, type IdFactory } from '../../db/ids';
import { setValueTargets } from '../../db/features';
import { createPoolWriter } from '../../db/poolWrite';
import { insertSession } from '../../db/sessions';
import { createAssemblyFile } from '../assemblyFiles';
import { generateDemo, type DemoAssembly } from '../domain/demo/generate';
import { createRandom, type Seed } from '../domain/random';
import { proposeQuotas } from '../domain/recruitment/quotas';
import { householdKey } from '../domain/recruitment/normalise';
import { personSearchKey } from '../domain/recruitment/personKeys';
import { searchKey } from '../domain/text';
import { fillVenueStage } from './venueStage';

export const DEMO_SEED = 'assembly-desk-demo-1';
/** The demo's fixed clock: every created_at, updated_at and audit time, and the ids' time part. */
export const DEMO_CLOCK = '2026-01-05T09:00:00.000Z';
export const DEMO_OPERATOR = 'demo generator';
/** Seats either side of the proportional number in the demo's quotas (the app's default). */
export const DEMO_QUOTA_TOLERANCE = 1;

export interface DemoWriteOptions {
  seed: Seed;
  panelSize: number;
  /**
   * recruitment: the respondent pool with its quotas, nobody drawn yet. venue: also a panel drawn
   * and confirmed, per-diem rules, and the first weekend's check-ins (main/demo/venueStage.ts).
   */
  stage?: 'recruitment' | 'venue';
  /** better-sqlite3 addon built for Electron, when running inside Electron. */
  nativeBinding?: string;
  /** Respondents in the pool (default 1,500): the benchmarks use larger pools. */
  poolSize?: number;
}

export interface DemoWriteSummary {
  assemblyName: string;
  panelSize: number;
  people: number;
  households: number;
  sessions: number;
  features: number;
}

/** Inserts everything of the demo; the caller wraps it in one transaction. */
function fillDemo(db: Db, demo: DemoAssembly, seed: Seed, newId: IdFactory, at: string, stage: 'recruitment' | 'venue'): void {
  const assemblyId = newId();
  insertAssemblyRow(db, { id: assemblyId, name: demo.assembly.name, panelSize: demo.assembly.panelSize, createdAt: at, updatedAt: at });

  const sessions: Session[] = [];
  for (const s of demo.sessions) {
    const session: Session = { ...s, id: newId(), createdAt: at, updatedAt: at, deletedAt: null };
    insertSession(db, session, searchKey(s.name));
    sessions.push(session);
  }
  // Contact data kept until three months after the last session, as a new assembly is offered.
  const lastDate = sessions.reduce<string | null>((last, s) => (last === null || s.date > last ? s.date : last), null);
  if (lastDate !== null) writeRetention(db, addMonths(lastDate, MONTHS_AFTER_LAST_SESSION), at);

  const pool = createPoolWriter(db);
  // Quotas as the app proposes them from the census shares, with the default tolerance.
  const quotas = proposeQuotas({
    panelSize: demo.assembly.panelSize,
    tolerance: DEMO_QUOTA_TOLERANCE,
    features: demo.features.map((f) => ({ name: f.name, values: f.values.map((v) => ({ value: v, sharePercent: f.shares[v] ?? null })) })),
  });
  const quotaOf = new Map(quotas.map((q) => [`${q.feature}\u0000${q.value}`, q]));
  // feature name -> { id, value -> value id }, to link people to values without queries.
  const featureIds = new Map<string, { id: string; valueIds: Map<string, string> }>();
  demo.features.forEach((feature, position) => {
    const id = newId();
    pool.insertFeature({ id, name: feature.name, position, createdAt: at });
    const valueIds = new Map<string, string>();
    feature.values.forEach((value, valuePosition) => {
      const valueId = newId();
      pool.insertFeatureValue({ id: valueId, featureId: id, value, position: valuePosition });
      const quota = quotaOf.get(`${feature.name}\u0000${value}`);
      setValueTargets(db, valueId, {
        sharePercent: feature.shares[value] ?? null,
        min: quota?.min ?? null,
        max: quota?.max ?? null,
        minFlex: null,
        maxFlex: null,
      });
      valueIds.set(value, valueId);
    });
    featureIds.set(feature.name, { id, valueIds });
  });

  const personIds = new Map<string, string>();
  for (const p of demo.people) {
    const personId = newId();
    personIds.set(p.code, personId);
    pool.insertPerson({
      id: personId,
      code: p.code,
      externalId: null,
      firstName: p.firstName,
      lastName: p.lastName,
      email: p.email,
      phone: p.phone,
      street: p.street,
      houseNumber: p.houseNumber,
      postcode: p.postcode,
      city: p.city,
      birthYear: p.birthYear,
      language: p.language,
      // The app's own address normalisation, so that an edit later keeps people in their household.
      householdKey: householdKey(p),
      status: 'pool',
      searchKey: personSearchKey(p),
      notes: '',
      createdAt: at,
      updatedAt: at,
    });
    for (const [featureName, value] of Object.entries(p.features)) {
      const feature = featureIds.get(featureName);
      const valueId = feature?.valueIds.get(value);
      // A generator bug, not a user error: fail loudly rather than write a person without a value.
      if (!feature || !valueId) throw new Error(`demo: person ${p.code} has ${featureName} = ${value}, which is not a declared value`);
      pool.insertPersonFeature({ personId, featureId: feature.id, valueId });
    }
  }

  const venue =
    stage === 'venue'
      ? fillVenueStage(db, {
          demo,
          seed,
          newId,
          at,
          operator: DEMO_OPERATOR,
          personIds,
          quotas: quotas.map((q) => ({ feature: q.feature, value: q.value, min: q.min, max: q.max })),
          sessions,
        })
      : null;

  // Dutch and French of the public texts (the base texts are English).
  translateDemo(db, at, venue?.itemTranslations);

  writeAudit(
    db,
    { operator: DEMO_OPERATOR, at, newId },
    {
      entity: 'assembly',
      entityId: assemblyId,
      action: 'demo.generate',
      after: { seed, stage, panelSize: demo.assembly.panelSize, people: demo.people.length, confirmed: venue?.panel.length ?? 0, checkIns: venue?.checkIns ?? 0 },
    },
  );
}

/** Writes the demo and says what it wrote (for the CLI's summary line). */
export async function writeDemo(path: string, options: DemoWriteOptions): Promise<DemoWriteSummary> {
  const demo = generateDemo({ seed: options.seed, panelSize: options.panelSize, ...(options.poolSize ? { poolSize: options.poolSize } : {}) });
  const msecs = Date.parse(DEMO_CLOCK);
  // Its own stream, apart from the generator's: ids never shift the people drawn.
  const newId = seededIdFactory(createRandom(`${options.seed}/ids`).next, msecs);
  await createAssemblyFile(path, { nativeBinding: options.nativeBinding, now: () => new Date(msecs) }, (db) => {
    // Immediate, as every write (see AppContext.mutate): the write lock is taken at BEGIN.
    db.transaction(() => fillDemo(db, demo, options.seed, newId, DEMO_CLOCK, options.stage ?? 'recruitment')).immediate();
  });
  return {
    assemblyName: demo.assembly.name,
    panelSize: demo.assembly.panelSize,
    people: demo.people.length,
    households: new Set(demo.people.map((p) => householdKey(p))).size,
    sessions: demo.sessions.length,
    features: demo.features.length,
  };
}

export async function writeDemoAssembly(path: string, options: DemoWriteOptions): Promise<void> {
  await writeDemo(path, options);
}
