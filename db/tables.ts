/** Table plans (see 0006_tables.sql). */
import type { TablePlanSettings } from '../main/domain/tables/types';
import type { Db } from './connection';

export interface StoredTable {
  number: number;
  group: string;
  facilitatorId: string | null;
  members: string[];
}

export interface TablePlanRow {
  id: string;
  sessionId: string;
  round: number;
  createdAt: string;
  operator: string;
  status: 'current' | 'replaced';
  settings: TablePlanSettings;
  seed: number;
  tables: StoredTable[];
  score: { diversity: number; repeats: number; repeatedPairs: number; total: number };
  basedOn: string | null;
  moved: string[];
}

interface Raw {
  id: string;
  session_id: string;
  round: number;
  created_at: string;
  operator: string;
  status: 'current' | 'replaced';
  settings_json: string;
  seed: number;
  tables_json: string;
  score_json: string;
  based_on: string | null;
  moved_json: string;
}

const toPlan = (r: Raw): TablePlanRow => ({
  id: r.id,
  sessionId: r.session_id,
  round: r.round,
  createdAt: r.created_at,
  operator: r.operator,
  status: r.status,
  settings: JSON.parse(r.settings_json) as TablePlanSettings,
  seed: r.seed,
  tables: JSON.parse(r.tables_json) as StoredTable[],
  score: JSON.parse(r.score_json) as TablePlanRow['score'],
  basedOn: r.based_on,
  moved: JSON.parse(r.moved_json) as string[],
});

export function findPlan(db: Db, id: string): TablePlanRow | null {
  const r = db.prepare('SELECT * FROM table_plans WHERE id = ?').get(id) as Raw | undefined;
  return r ? toPlan(r) : null;
}

export function currentPlans(db: Db, sessionId: string): TablePlanRow[] {
  return (db.prepare("SELECT * FROM table_plans WHERE session_id = ? AND status = 'current' ORDER BY round").all(sessionId) as Raw[]).map(toPlan);
}

/** Current plans of every session, by session date and round: the history of who sat together. */
export function allCurrentPlans(db: Db): (TablePlanRow & { date: string; startTime: string })[] {
  const rows = db
    .prepare(
      `SELECT p.*, s.date AS date, s.start_time AS start FROM table_plans p JOIN sessions s ON s.id = p.session_id
       WHERE p.status = 'current' AND s.deleted_at IS NULL ORDER BY s.date, s.start_time, p.round`,
    )
    .all() as (Raw & { date: string; start: string })[];
  return rows.map((r) => ({ ...toPlan(r), date: r.date, startTime: r.start }));
}

export function insertPlan(db: Db, p: TablePlanRow): void {
  db.prepare("UPDATE table_plans SET status = 'replaced' WHERE session_id = ? AND round = ? AND status = 'current'").run(p.sessionId, p.round);
  db.prepare(
    `INSERT INTO table_plans (id, session_id, round, created_at, operator, status, settings_json, seed, tables_json, score_json, based_on, moved_json)
     VALUES (@id, @sessionId, @round, @createdAt, @operator, 'current', @settings, @seed, @tables, @score, @basedOn, @moved)`,
  ).run({
    ...p,
    settings: JSON.stringify(p.settings),
    tables: JSON.stringify(p.tables),
    score: JSON.stringify(p.score),
    moved: JSON.stringify(p.moved),
  });
}

export function updatePlanTables(db: Db, id: string, tables: StoredTable[], score: TablePlanRow['score']): void {
  db.prepare('UPDATE table_plans SET tables_json = ?, score_json = ? WHERE id = ?').run(JSON.stringify(tables), JSON.stringify(score), id);
}

/** Person id -> table number in the session's first round (the check-in desk shows it). */
export function tableOfPeople(db: Db, sessionId: string): Map<string, string> {
  const first = currentPlans(db, sessionId)[0];
  const result = new Map<string, string>();
  for (const t of first?.tables ?? []) for (const p of t.members) result.set(p, String(t.number));
  return result;
}
