-- Privileges of the routines that belong to an extension (pg_depend
-- deptype 'e'), where they differ from what CREATE EXTENSION gave them
-- (pg_init_privs), as pg_dump writes them: one row per routine, grantee and
-- privilege, either held now and not initially (or now with the grant
-- option, initially without): revoked false; or held initially and not
-- now: revoked true. A NULL ACL is acldefault's; the owner's own rows are
-- left out, as in privileges.sql.
WITH members AS (
	SELECT
		p.oid, n.nspname::text AS schema, p.proname::text AS name,
		oidvectortypes(p.proargtypes) AS args, p.prokind = 'p' AS procedure, p.proowner AS owner,
		coalesce(p.proacl, acldefault('f', p.proowner)) AS acl,
		coalesce(i.initprivs, acldefault('f', p.proowner)) AS init
	FROM pg_proc p
	JOIN pg_namespace n ON n.oid = p.pronamespace
	LEFT JOIN pg_init_privs i ON i.classoid = 'pg_proc'::regclass AND i.objoid = p.oid AND i.objsubid = 0
	WHERE EXISTS (
		SELECT FROM pg_depend d
		WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e'
	)
),
current_privs AS (
	SELECT m.oid, x.grantee, x.privilege_type, bool_or(x.is_grantable) AS grantable
	FROM members m, aclexplode(m.acl) x
	WHERE x.grantee <> m.owner
	GROUP BY 1, 2, 3
),
init_privs AS (
	SELECT m.oid, x.grantee, x.privilege_type, bool_or(x.is_grantable) AS grantable
	FROM members m, aclexplode(m.init) x
	WHERE x.grantee <> m.owner
	GROUP BY 1, 2, 3
),
changed AS (
	SELECT n.oid, n.grantee, n.privilege_type, n.grantable, false AS revoked
	FROM current_privs n
	LEFT JOIN init_privs i ON i.oid = n.oid AND i.grantee = n.grantee AND i.privilege_type = n.privilege_type
	WHERE i.oid IS NULL OR (n.grantable AND NOT i.grantable)
	UNION ALL
	SELECT i.oid, i.grantee, i.privilege_type, false, true
	FROM init_privs i
	LEFT JOIN current_privs n ON n.oid = i.oid AND n.grantee = i.grantee AND n.privilege_type = i.privilege_type
	WHERE n.oid IS NULL
)
SELECT
	m.schema,
	m.name,
	m.args,
	m.procedure,
	CASE WHEN c.grantee = 0 THEN 'PUBLIC' ELSE pg_get_userbyid(c.grantee)::text END,
	c.privilege_type,
	c.grantable,
	c.revoked
FROM changed c
JOIN members m ON m.oid = c.oid
ORDER BY 1, 2, 3, 5, 6
