-- ALTER DEFAULT PRIVILEGES entries (pg_default_acl), one row per entry,
-- grantee and privilege. Unlike object ACLs, the role's own rows are kept
-- (but for MAINTAIN):
-- a global entry (no schema) replaces PostgreSQL's built-in default
-- whole, the role's part included (see state.DefaultPrivilege). Grantors
-- collapse as in privileges.sql. Entries for system schemas and object
-- types the model does not know (PostgreSQL 18's large objects) are left
-- out.
SELECT
	pg_get_userbyid(d.defaclrole)::text,
	coalesce(n.nspname::text, ''),
	CASE d.defaclobjtype
		WHEN 'r' THEN 'tables'
		WHEN 'S' THEN 'sequences'
		WHEN 'f' THEN 'functions'
		WHEN 'T' THEN 'types'
		WHEN 'n' THEN 'schemas'
	END,
	CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee)::text END,
	x.privilege_type,
	bool_or(x.is_grantable)
FROM pg_default_acl d
LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace
CROSS JOIN LATERAL aclexplode(d.defaclacl) x
WHERE d.defaclobjtype IN ('r', 'S', 'f', 'T', 'n')
	AND (d.defaclnamespace = 0 OR {{userNamespace "n"}})
	-- The role's own MAINTAIN (PostgreSQL 17+) is not modelled: see
	-- state.UnmanagedDefaultPrivilege.
	AND NOT (x.grantee = d.defaclrole AND x.privilege_type = 'MAINTAIN')
GROUP BY 1, 2, 3, 4, 5
