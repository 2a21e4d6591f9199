-- Row-level security policies with their expressions as pg_get_expr prints
-- them (names schema-qualified, search_path being pg_catalog) and their
-- roles by name, PUBLIC for the OID 0. The caller attaches them to the
-- managed tables by OID and drops the rest. Comments on policies are read
-- here: there are few policies, and comments.sql covers only the catalogs
-- every schema uses.
SELECT
	pol.polrelid,
	pol.polname::text,
	pol.polpermissive,
	pol.polcmd::text,
	ARRAY(
		SELECT CASE WHEN r = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(r)::text END
		FROM unnest(pol.polroles) r
	),
	coalesce(pg_get_expr(pol.polqual, pol.polrelid), ''),
	coalesce(pg_get_expr(pol.polwithcheck, pol.polrelid), ''),
	coalesce(obj_description(pol.oid, 'pg_policy'), '')
FROM pg_policy pol
