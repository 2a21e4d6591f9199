-- Relations with row-level security enabled or forced (ALTER TABLE ...
-- ENABLE / FORCE ROW LEVEL SECURITY); the caller keeps managed tables.
SELECT
	c.oid,
	c.relrowsecurity,
	c.relforcerowsecurity
FROM pg_class c
WHERE c.relrowsecurity OR c.relforcerowsecurity
