-- Assembly Desk schema, version 9: how a ballot's tie is settled (fixed before the vote),
-- sequential ballots (held only if an item of an earlier ballot was, or was not, adopted), the
-- chair's casting vote, and ballots marked not held. Additive: ballots written before get the
-- tie rule 'newVote' (no casting vote was agreed for them: a tie is not adopted, as before) and
-- no dependency. Not held is its own column: the status CHECK of 0007 cannot change in place.
ALTER TABLE ballots ADD COLUMN tie_rule TEXT NOT NULL DEFAULT 'newVote' CHECK (tie_rule IN ('castingVote', 'newVote'));
ALTER TABLE ballots ADD COLUMN depends_on_ballot_id TEXT REFERENCES ballots(id);
ALTER TABLE ballots ADD COLUMN depends_on_item_id TEXT;
ALTER TABLE ballots ADD COLUMN depends_on_when TEXT CHECK (depends_on_when IS NULL OR depends_on_when IN ('adopted', 'notAdopted'));
-- {"chair": ..., "items": [{"itemId", "adopt"}], "option": ...} when a tie was settled by the chair
ALTER TABLE ballots ADD COLUMN casting_vote_json TEXT;
-- set when the ballot's condition was not met: it is never counted
ALTER TABLE ballots ADD COLUMN not_held_at TEXT;
ALTER TABLE ballots ADD COLUMN not_held_reason TEXT;
CREATE INDEX ballots_depends_on ON ballots(depends_on_ballot_id);
