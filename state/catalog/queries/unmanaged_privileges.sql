-- Privileges the model cannot carry, so that they are named instead of
-- lost silently:
--
--  * an owner that revoked its own privileges where the model cannot
--    carry that (state.OwnerRevoked): on identity sequences, aggregates
--    and base types, found where
--    the ACL lacks one of the owner's rows of acldefault;
--  * privileges changed on extension members other than routines since
--    CREATE EXTENSION (pg_dump writes them as differences from
--    pg_init_privs; the model holds those of routines only, as
--    state.MemberPrivilege), found where the ACL differs from the initial
--    one.
--
-- One row per object: the problem ('owner' or 'extension') and the object
-- described by pg_describe_object.
WITH objs AS (
	SELECT 'pg_namespace'::regclass AS classid, n.oid AS objid, 0 AS objsubid,
		n.nspowner AS owner, n.nspacl AS acl, acldefault('n', n.nspowner) AS def,
		true AS carried
	FROM pg_namespace n
	WHERE {{userNamespace "n"}}
	UNION ALL
	SELECT 'pg_class'::regclass, c.oid, 0, c.relowner, c.relacl,
		acldefault(CASE WHEN c.relkind = 'S' THEN 's' ELSE 'r' END::"char", c.relowner),
		NOT EXISTS (
			SELECT FROM pg_depend i
			WHERE i.classid = 'pg_class'::regclass AND i.objid = c.oid AND i.deptype = 'i'
				AND c.relkind = 'S'
		)
	FROM pg_class c
	JOIN pg_namespace n ON n.oid = c.relnamespace
	WHERE c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
		AND {{userNamespace "n"}}
	UNION ALL
	SELECT 'pg_proc'::regclass, p.oid, 0, p.proowner, p.proacl, acldefault('f', p.proowner),
		p.prokind <> 'a'
	FROM pg_proc p
	JOIN pg_namespace n ON n.oid = p.pronamespace
	WHERE {{userNamespace "n"}}
	UNION ALL
	SELECT 'pg_type'::regclass, t.oid, 0, t.typowner, t.typacl, acldefault('T', t.typowner),
		t.typtype <> 'b'
	FROM pg_type t
	JOIN pg_namespace n ON n.oid = t.typnamespace
	WHERE {{userNamespace "n"}}
		AND t.typtype IN ('e', 'd', 'r', 'c', 'b')
),
members AS (
	SELECT o.*, EXISTS (
		SELECT FROM pg_depend d
		WHERE d.classid = o.classid AND d.objid = o.objid AND d.objsubid = 0 AND d.deptype = 'e'
	) AS member
	FROM objs o
)
SELECT 'owner', pg_describe_object(m.classid, m.objid, m.objsubid)
FROM members m
WHERE NOT m.member
	AND m.acl IS NOT NULL
	AND EXISTS (
		SELECT FROM aclexplode(m.def) d
		WHERE d.grantee = m.owner
			AND NOT m.carried
			AND NOT EXISTS (
				SELECT FROM aclexplode(m.acl) a
				WHERE a.grantee = m.owner AND a.privilege_type = d.privilege_type
			)
	)
UNION ALL
SELECT 'extension', pg_describe_object(m.classid, m.objid, m.objsubid)
FROM members m
LEFT JOIN pg_init_privs i ON i.classoid = m.classid AND i.objoid = m.objid AND i.objsubid = 0
WHERE m.member
	-- Routines' are managed (member_privileges.sql).
	AND m.classid <> 'pg_proc'::regclass
	AND ARRAY(SELECT x::text FROM unnest(coalesce(m.acl, m.def)) x ORDER BY 1)
		IS DISTINCT FROM ARRAY(SELECT x::text FROM unnest(coalesce(i.initprivs, m.def)) x ORDER BY 1)
ORDER BY 1, 2
