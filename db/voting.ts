/** Ballots, tally entries and corrections (see 0007_voting.sql and 0009_ballot_ties_sequence.sql). */
import type { Ballot, BallotCounts, CastingVote, TallyEntry } from '../main/domain/voting/types';
import type { Db } from './connection';

interface Raw {
  id: string;
  session_id: string;
  title: string;
  rule_json: string;
  quorum_numerator: number;
  quorum_denominator: number;
  items_json: string;
  voted_at: string | null;
  status: 'open' | 'finalised';
  final_counts_json: string | null;
  final_present: number | null;
  final_panel_size: number | null;
  created_at: string;
  finalised_at: string | null;
  finalised_by: string | null;
  tie_rule: 'castingVote' | 'newVote';
  depends_on_ballot_id: string | null;
  depends_on_item_id: string | null;
  depends_on_when: 'adopted' | 'notAdopted' | null;
  casting_vote_json: string | null;
  not_held_at: string | null;
  not_held_reason: string | null;
}

export interface BallotRow extends Ballot {
  finalCounts: BallotCounts | null;
  finalPresent: number | null;
  finalPanelSize: number | null;
}

const toBallot = (r: Raw): BallotRow => ({
  id: r.id,
  sessionId: r.session_id,
  title: r.title,
  rule: JSON.parse(r.rule_json) as Ballot['rule'],
  quorum: { numerator: r.quorum_numerator, denominator: r.quorum_denominator },
  items: JSON.parse(r.items_json) as Ballot['items'],
  votedAt: r.voted_at,
  tieRule: r.tie_rule,
  dependsOn: r.depends_on_ballot_id && r.depends_on_item_id && r.depends_on_when ? { ballotId: r.depends_on_ballot_id, itemId: r.depends_on_item_id, when: r.depends_on_when } : null,
  status: r.not_held_at !== null && r.status === 'open' ? 'notHeld' : r.status,
  notHeld: r.not_held_at !== null ? { at: r.not_held_at, reason: r.not_held_reason ?? '' } : null,
  castingVote: r.casting_vote_json === null ? null : (JSON.parse(r.casting_vote_json) as CastingVote),
  createdAt: r.created_at,
  finalisedAt: r.finalised_at,
  finalisedBy: r.finalised_by,
  finalCounts: r.final_counts_json === null ? null : (JSON.parse(r.final_counts_json) as BallotCounts),
  finalPresent: r.final_present,
  finalPanelSize: r.final_panel_size,
});

export function listBallots(db: Db, sessionId: string | null): BallotRow[] {
  const rows = db
    .prepare(
      `SELECT b.* FROM ballots b JOIN sessions s ON s.id = b.session_id
       WHERE b.deleted_at IS NULL AND s.deleted_at IS NULL AND (@session IS NULL OR b.session_id = @session)
       ORDER BY s.date, s.start_time, b.created_at, b.id`,
    )
    .all({ session: sessionId }) as Raw[];
  return rows.map(toBallot);
}

export function findBallot(db: Db, id: string): BallotRow | null {
  const r = db.prepare('SELECT * FROM ballots WHERE id = ? AND deleted_at IS NULL').get(id) as Raw | undefined;
  return r ? toBallot(r) : null;
}

/** Ballots that depend on an item of this one (not deleted). */
export function dependentsOf(db: Db, ballotId: string): BallotRow[] {
  return (db.prepare('SELECT * FROM ballots WHERE depends_on_ballot_id = ? AND deleted_at IS NULL ORDER BY created_at, id').all(ballotId) as Raw[]).map(toBallot);
}

/** Marks a ballot not held (its condition was not met), or clears the mark (reason null). */
export function markNotHeld(db: Db, id: string, notHeld: { at: string; reason: string } | null, at: string): void {
  db.prepare('UPDATE ballots SET not_held_at = ?, not_held_reason = ?, updated_at = ? WHERE id = ?').run(notHeld?.at ?? null, notHeld?.reason ?? null, at, id);
}

/** The fields a new or edited ballot is written with (the rest follow from counting). */
export type BallotWrite = Omit<Ballot, 'tieRule' | 'dependsOn' | 'notHeld' | 'castingVote'> & Partial<Pick<Ballot, 'tieRule' | 'dependsOn'>>;

export function writeBallot(db: Db, b: BallotWrite, at: string): void {
  db.prepare(
    `INSERT INTO ballots (id, session_id, title, rule_json, quorum_numerator, quorum_denominator, items_json, voted_at, tie_rule,
       depends_on_ballot_id, depends_on_item_id, depends_on_when, created_at, updated_at)
     VALUES (@id, @sessionId, @title, @rule, @qn, @qd, @items, @votedAt, @tieRule, @dependsOnBallot, @dependsOnItem, @dependsOnWhen, @createdAt, @at)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, rule_json = excluded.rule_json, quorum_numerator = excluded.quorum_numerator,
       quorum_denominator = excluded.quorum_denominator, items_json = excluded.items_json, voted_at = excluded.voted_at, tie_rule = excluded.tie_rule,
       depends_on_ballot_id = excluded.depends_on_ballot_id, depends_on_item_id = excluded.depends_on_item_id, depends_on_when = excluded.depends_on_when,
       updated_at = excluded.updated_at`,
  ).run({
    tieRule: b.tieRule ?? 'newVote',
    dependsOnBallot: b.dependsOn?.ballotId ?? null,
    dependsOnItem: b.dependsOn?.itemId ?? null,
    dependsOnWhen: b.dependsOn?.when ?? null,
    id: b.id,
    sessionId: b.sessionId,
    title: b.title,
    rule: JSON.stringify(b.rule),
    qn: b.quorum.numerator,
    qd: b.quorum.denominator,
    items: JSON.stringify(b.items),
    votedAt: b.votedAt,
    createdAt: b.createdAt,
    at,
  });
}

export function deleteBallot(db: Db, id: string, at: string): void {
  db.prepare('UPDATE ballots SET deleted_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
}

export function entriesOf(db: Db, ballotId: string): TallyEntry[] {
  return (
    db.prepare('SELECT slot, operator, entered_at AS enteredAt, counts_json AS counts FROM tally_entries WHERE ballot_id = ? ORDER BY slot').all(ballotId) as (Omit<TallyEntry, 'counts'> & {
      counts: string;
    })[]
  ).map((e) => ({ ...e, counts: JSON.parse(e.counts) as BallotCounts }));
}

/**
 * The station device (its id on the venue link) that made the latest entry of each slot, from
 * the audit row of voting.enterCounts; null for an entry made on the host or before devices
 * were recorded.
 */
export function entryDevicesOf(db: Db, ballotId: string): { 1: string | null; 2: string | null } {
  const rows = db
    .prepare(
      `SELECT json_extract(after_json, '$.slot') AS slot, device_id AS deviceId FROM audit_log
        WHERE entity = 'ballot' AND entity_id = ? AND action = 'voting.enterCounts' ORDER BY rowid`,
    )
    .all(ballotId) as { slot: number; deviceId: string | null }[];
  const latest: { 1: string | null; 2: string | null } = { 1: null, 2: null };
  for (const r of rows) if (r.slot === 1 || r.slot === 2) latest[r.slot] = r.deviceId ?? null;
  return latest;
}

/**
 * The reason stated with the latest entry of each slot for counting more papers than members
 * present (recorded in the audit row of voting.enterCounts; null when none was given).
 */
export function excessReasonsOf(db: Db, ballotId: string): { 1: string | null; 2: string | null } {
  const rows = db
    .prepare(
      `SELECT json_extract(after_json, '$.slot') AS slot, json_extract(after_json, '$.reason') AS reason FROM audit_log
        WHERE entity = 'ballot' AND entity_id = ? AND action = 'voting.enterCounts' ORDER BY rowid`,
    )
    .all(ballotId) as { slot: number; reason: string | null }[];
  const latest: { 1: string | null; 2: string | null } = { 1: null, 2: null };
  for (const r of rows) if (r.slot === 1 || r.slot === 2) latest[r.slot] = r.reason ?? null;
  return latest;
}

export function writeEntry(db: Db, ballotId: string, e: TallyEntry): void {
  db.prepare(
    `INSERT INTO tally_entries (ballot_id, slot, operator, entered_at, counts_json) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (ballot_id, slot) DO UPDATE SET operator = excluded.operator, entered_at = excluded.entered_at, counts_json = excluded.counts_json`,
  ).run(ballotId, e.slot, e.operator, e.enteredAt, JSON.stringify(e.counts));
}

export function finaliseBallot(db: Db, id: string, f: { counts: BallotCounts; present: number; panelSize: number; at: string; by: string; castingVote?: CastingVote | null }): void {
  db.prepare(
    `UPDATE ballots SET status = 'finalised', final_counts_json = ?, final_present = ?, final_panel_size = ?, finalised_at = ?, finalised_by = ?,
       casting_vote_json = ?, updated_at = ? WHERE id = ?`,
  ).run(JSON.stringify(f.counts), f.present, f.panelSize, f.at, f.by, f.castingVote ? JSON.stringify(f.castingVote) : null, f.at, id);
}

/** A correction that changes a tie: the casting vote in force after it (null: none). */
export function setCastingVote(db: Db, id: string, castingVote: CastingVote | null, at: string): void {
  db.prepare('UPDATE ballots SET casting_vote_json = ?, updated_at = ? WHERE id = ?').run(castingVote ? JSON.stringify(castingVote) : null, at, id);
}

export function correctBallot(db: Db, c: { id: string; ballotId: string; at: string; operator: string; reason: string; before: BallotCounts; after: BallotCounts }): void {
  db.prepare('INSERT INTO ballot_corrections (id, ballot_id, at, operator, reason, before_json, after_json) VALUES (?, ?, ?, ?, ?, ?, ?)').run(
    c.id,
    c.ballotId,
    c.at,
    c.operator,
    c.reason,
    JSON.stringify(c.before),
    JSON.stringify(c.after),
  );
  db.prepare('UPDATE ballots SET final_counts_json = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(c.after), c.at, c.ballotId);
}

export function correctionsOf(db: Db, ballotId: string): { at: string; operator: string; reason: string; before: BallotCounts; after: BallotCounts }[] {
  return (
    db.prepare('SELECT at, operator, reason, before_json AS before, after_json AS after FROM ballot_corrections WHERE ballot_id = ? ORDER BY at, id').all(ballotId) as {
      at: string;
      operator: string;
      reason: string;
      before: string;
      after: string;
    }[]
  ).map((c) => ({ ...c, before: JSON.parse(c.before) as BallotCounts, after: JSON.parse(c.after) as BallotCounts }));
}
