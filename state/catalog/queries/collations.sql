-- Collations created in user schemas (CREATE COLLATION), without those of
-- extensions. collcollate/collctype are NULL for ICU and builtin collations
-- from PostgreSQL 15 on; their locale is colliculocale (15, 16) or
-- colllocale (17+). On 13 and 14 an ICU collation keeps its locale in
-- collcollate and collctype. collencoding is -1 for a libc collation
-- copied from "C" or "POSIX" (usable in any encoding), the database's
-- encoding for one created with a locale. collversion is the library's, never the
-- user's, and is left out.
SELECT
	c.oid,
	n.nspname::text,
	c.collname::text,
	c.collprovider::text,
	coalesce(c.collcollate, '')::text,
	coalesce(c.collctype, '')::text,
	{{if ge .Version 170000}}coalesce(c.colllocale, ''){{else if ge .Version 150000}}coalesce(c.colliculocale, ''){{else}}''{{end}}::text,
	c.collisdeterministic,
	{{if ge .Version 160000}}coalesce(c.collicurules, ''){{else}}''{{end}}::text,
	c.collencoding
FROM pg_collation c
JOIN pg_namespace n ON n.oid = c.collnamespace
WHERE {{userNamespace "n"}}
	AND {{notExtensionMember "pg_collation" "c.oid"}}
ORDER BY n.nspname, c.collname
