-- Placeholder for branch h-recruit19 only: 0012 belongs to another helper's branch, and the
-- migration loader refuses gaps. The coordinator deletes this file at merge.
SELECT 1;
