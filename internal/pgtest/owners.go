package pgtest

import (
	"context"
	"regexp"
	"sort"
	"strings"
)

// Owners are not managed by renovate unless renovate.hcl says owners =
// "manage": a database built from files that set them (a pg_dump in its
// default form) and its rebuild by renovate then differ in owners only.
// CompareSchemasWithoutOwners is the oracle for that case.

var (
	// alterOwnerRE matches pg_dump's ALTER ... OWNER TO statements.
	alterOwnerRE = regexp.MustCompile(`(?s)^ALTER [A-Z ]+ .* OWNER TO \S+$`)
	// catalogOwnerRE matches the owner of an object in the catalog
	// oracle's text (ownerACLComment), catalogACLRE any privileges there
	// (a column's too).
	catalogOwnerRE = regexp.MustCompile(` OWNER (\S+) ACL `)
	catalogACLRE   = regexp.MustCompile(` ACL (\S+) COMMENT `)
)

// WithoutOwners returns a normalized dump (DumpSchema) without its
// owners: pg_dump's ALTER ... OWNER TO statements are left out, and in
// the catalog oracle's text the owner reads <owner>, in privileges too,
// and grantors (the owner, for every grant files make) read <grantor>.
func WithoutOwners(dump string) string {
	var out []string
	for _, st := range splitStatements(dump) {
		if alterOwnerRE.MatchString(strings.TrimSpace(st)) {
			continue
		}
		owner := ""
		if m := catalogOwnerRE.FindStringSubmatch(st); m != nil {
			owner = m[1]
			st = strings.Replace(st, m[0], " OWNER <owner> ACL ", 1)
		}
		st = catalogACLRE.ReplaceAllStringFunc(st, func(m string) string {
			acl := catalogACLRE.FindStringSubmatch(m)[1]
			if acl == "default" {
				return m
			}
			items := strings.Split(acl, ",")
			for i, it := range items {
				grantee, rest, ok := strings.Cut(it, "=")
				if !ok {
					continue
				}
				if owner != "" && grantee == owner {
					grantee = "<owner>"
				}
				if privs, _, ok := strings.Cut(rest, "/"); ok {
					rest = privs + "/<grantor>"
				}
				items[i] = grantee + "=" + rest
			}
			sort.Strings(items)
			return " ACL " + strings.Join(items, ",") + " COMMENT "
		})
		out = append(out, st)
	}
	return joinStatements(out)
}

// CompareSchemasWithoutOwners is CompareSchemas with owners left out of
// both dumps (WithoutOwners).
func CompareSchemasWithoutOwners(ctx context.Context, s *Server, dsnA, dsnB string) (string, error) {
	a, err := DumpSchema(ctx, s, dsnA)
	if err != nil {
		return "", err
	}
	b, err := DumpSchema(ctx, s, dsnB)
	if err != nil {
		return "", err
	}
	return DiffDumps(WithoutOwners(a), WithoutOwners(b), databaseOf(dsnA), databaseOf(dsnB)), nil
}
