import type { SelectionAlgorithm } from '../preload/vocabulary';
import type { Db } from './connection';

/** A row of selection_runs, in the names the services use (JSON columns still as text). */
export interface SelectionRunRow {
  id: string;
  at: string;
  operator: string;
  kind: 'panel' | 'replacement';
  algorithm: SelectionAlgorithm;
  algorithmVersion: string;
  panelSize: number;
  onePerHousehold: number;
  inputHash: string;
  quotasJson: string;
  distributionJson: string;
  lotterySize: number | null;
  lotterySource: 'digits' | 'die' | null;
  lotteryDocument: string | null;
  lotteryHash: string | null;
  seedMode: 'random' | 'public' | null;
  seed: string | null;
  publicNumbers: string | null;
  ticket: number | null;
  drawnJson: string | null;
  drawnAt: string | null;
  drawnBy: string | null;
  status: 'prepared' | 'drawn' | 'superseded';
  supersededBy: string | null;
  supersededReason: string | null;
  supersededAt: string | null;
}

const SELECT_RUNS = `SELECT id, at, operator, kind, algorithm, algorithm_version AS algorithmVersion, panel_size AS panelSize,
  one_per_household AS onePerHousehold, input_hash AS inputHash, quotas_json AS quotasJson,
  distribution_json AS distributionJson, lottery_size AS lotterySize, lottery_source AS lotterySource,
  lottery_document AS lotteryDocument, lottery_hash AS lotteryHash, seed_mode AS seedMode, seed,
  public_numbers AS publicNumbers, ticket, drawn_json AS drawnJson, drawn_at AS drawnAt, drawn_by AS drawnBy, status,
  superseded_by AS supersededBy, superseded_reason AS supersededReason, superseded_at AS supersededAt
  FROM selection_runs`;

export function insertSelectionRun(
  db: Db,
  run: Pick<
    SelectionRunRow,
    | 'id'
    | 'at'
    | 'operator'
    | 'kind'
    | 'algorithm'
    | 'algorithmVersion'
    | 'panelSize'
    | 'onePerHousehold'
    | 'inputHash'
    | 'quotasJson'
    | 'distributionJson'
    | 'lotterySize'
    | 'lotterySource'
    | 'lotteryDocument'
    | 'lotteryHash'
  >,
): void {
  db.prepare(
    `INSERT INTO selection_runs (id, at, operator, kind, algorithm, algorithm_version, panel_size, one_per_household, input_hash,
       quotas_json, distribution_json, lottery_size, lottery_source, lottery_document, lottery_hash)
     VALUES (@id, @at, @operator, @kind, @algorithm, @algorithmVersion, @panelSize, @onePerHousehold, @inputHash,
       @quotasJson, @distributionJson, @lotterySize, @lotterySource, @lotteryDocument, @lotteryHash)`,
  ).run(run);
}

export function findSelectionRun(db: Db, id: string): SelectionRunRow | null {
  return (db.prepare(SELECT_RUNS + ' WHERE id = ?').get(id) as SelectionRunRow | undefined) ?? null;
}

/** Newest first. */
export function listSelectionRuns(db: Db): SelectionRunRow[] {
  return db.prepare(SELECT_RUNS + ' ORDER BY at DESC, id DESC').all() as SelectionRunRow[];
}

/** A drawn panel run not superseded: the panel currently in force, if any. */
export function liveDrawnPanelRun(db: Db): { id: string } | null {
  return (
    (db.prepare("SELECT id FROM selection_runs WHERE kind = 'panel' AND status = 'drawn' ORDER BY at DESC LIMIT 1").get() as
      | { id: string }
      | undefined) ?? null
  );
}

export function markSelectionRunDrawn(
  db: Db,
  id: string,
  draw: { seedMode: 'random' | 'public'; seed: string | null; publicNumbers: string | null; ticket: number | null; drawnJson: string; drawnAt: string; drawnBy: string },
): void {
  db.prepare(
    `UPDATE selection_runs SET status = 'drawn', seed_mode = @seedMode, seed = @seed, public_numbers = @publicNumbers,
       ticket = @ticket, drawn_json = @drawnJson, drawn_at = @drawnAt, drawn_by = @drawnBy WHERE id = @id`,
  ).run({ id, ...draw });
}

export function markSelectionRunSuperseded(db: Db, id: string, s: { supersededBy: string | null; reason: string; at: string }): void {
  db.prepare(
    `UPDATE selection_runs SET status = 'superseded', superseded_by = @supersededBy, superseded_reason = @reason, superseded_at = @at
     WHERE id = @id`,
  ).run({ id, ...s });
}

/**
 * The live candidates for a draw: in the pool or on the reserve list, not removed, not erased;
 * with their household key (never leaves main) and their feature values.
 */
export function selectionPool(db: Db): SelectionPerson[] {
  const people = db
    .prepare(
      `SELECT id, code, status, household_key AS household FROM people
       WHERE deleted_at IS NULL AND erased_at IS NULL AND status IN ('pool', 'reserve') ORDER BY code`,
    )
    .all() as { id: string; code: string; status: string; household: string | null }[];
  return withFeatures(db, people);
}

/** Live members holding a seat (selected, contacted, confirmed), as selectionPool gives candidates. */
export function seatedPeople(db: Db): SelectionPerson[] {
  const people = db
    .prepare(
      `SELECT id, code, status, household_key AS household FROM people
       WHERE deleted_at IS NULL AND erased_at IS NULL AND status IN ('selected', 'contacted', 'confirmed') ORDER BY code`,
    )
    .all() as { id: string; code: string; status: string; household: string | null }[];
  return withFeatures(db, people);
}

export interface SelectionPerson {
  id: string;
  code: string;
  status: string;
  household: string | null;
  features: Record<string, string>;
}

function withFeatures(db: Db, people: { id: string; code: string; status: string; household: string | null }[]): SelectionPerson[] {
  const byId = new Map(people.map((p) => [p.id, { ...p, features: {} as Record<string, string> }]));
  const rows = db
    .prepare(
      `SELECT pf.person_id AS personId, f.name AS feature, v.value FROM person_features pf
       JOIN features f ON f.id = pf.feature_id JOIN feature_values v ON v.id = pf.value_id`,
    )
    .all() as { personId: string; feature: string; value: string }[];
  for (const r of rows) {
    const p = byId.get(r.personId);
    if (p) p.features[r.feature] = r.value;
  }
  return [...byId.values()];
}

/** Household keys holding a seat (selected, contacted, confirmed) among live people. */
export function seatedHouseholds(db: Db): Set<string> {
  return new Set(
    db
      .prepare(
        `SELECT DISTINCT household_key FROM people
         WHERE deleted_at IS NULL AND household_key IS NOT NULL AND status IN ('selected', 'contacted', 'confirmed')`,
      )
      .pluck()
      .all() as string[],
  );
}
