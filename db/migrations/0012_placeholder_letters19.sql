-- Placeholder kept by the letters branch (h-letters19) so that its migration can be 0014 while
-- 0012 and 0013 are another branch's: migrations must be numbered without gaps. Remove at merge.
SELECT 1;
