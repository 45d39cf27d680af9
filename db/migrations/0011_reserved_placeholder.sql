-- Placeholder so that this branch's migrations have no gap: number 0011 belongs to another
-- branch (report-truth / report-languages). DELETE this file when merging if that branch has one.
SELECT 1;
