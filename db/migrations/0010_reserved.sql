-- Placeholder for migration 0010, which another branch owns: the loader refuses gaps. At the
-- merge, the real 0010 replaces this file (delete it then).
SELECT 1;
