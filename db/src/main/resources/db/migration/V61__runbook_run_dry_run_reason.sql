-- Issue 14: why a run is a dry run when nobody asked for one ("drill incident": runbooks of drill incidents run
-- dry unless firebreak.drills.run-runbooks). Additive: an older version ignores the column.
ALTER TABLE runbook_run ADD COLUMN dry_run_reason VARCHAR(200);
