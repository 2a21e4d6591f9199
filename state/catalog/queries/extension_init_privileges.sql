-- For every routine that belongs to an extension, the privileges CREATE
-- EXTENSION gave it (pg_init_privs, or the built-in default when it holds
-- nothing), one row per privilege and grantee, the owner's left out; a
-- routine with none but its owner's comes as one row of NULL privilege.
-- oidvectortypes prints the argument types as format_type does, so under
-- the introspection's search_path (pg_catalog) they are schema-qualified
-- but for pg_catalog's.
SELECT n.nspname::text, p.proname::text, oidvectortypes(p.proargtypes),
	coalesce(CASE WHEN x.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(x.grantee)::text END, ''),
	coalesce(x.privilege_type, ''), coalesce(x.is_grantable, false)
FROM pg_proc p
JOIN pg_namespace n ON n.oid = p.pronamespace
LEFT JOIN pg_init_privs i ON i.classoid = 'pg_proc'::regclass AND i.objoid = p.oid AND i.objsubid = 0
LEFT JOIN LATERAL aclexplode(coalesce(i.initprivs, acldefault('f', p.proowner))) x ON x.grantee <> p.proowner
WHERE EXISTS (SELECT FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
