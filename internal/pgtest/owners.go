package pgtest

import (
	"context"
	"regexp"
	"strings"
)

// Owners are not managed by renovate unless renovate.hcl says owners =
// "manage": a database built from files that set them (a pg_dump in its
// default form) and its rebuild by renovate then differ in owners only.
// CompareSchemasWithoutOwners is the oracle for that case.

var (
	// alterOwnerRE matches pg_dump's ALTER ... OWNER TO statements.
	alterOwnerRE = regexp.MustCompile(`(?s)^ALTER [A-Z ]+ .* OWNER TO \S+$`)
	// catalogOwnerRE matches the owner and privileges of an object in
	// the catalog oracle's text (ownerACLComment).
	catalogOwnerRE = regexp.MustCompile(` OWNER (\S+) ACL (.*?) COMMENT `)
)

// WithoutOwners returns a normalized dump (DumpSchema) without its
// owners: pg_dump's ALTER ... OWNER TO statements are left out, and the
// catalog oracle's owner (and the owner's name in its privileges) reads
// <owner>.
func WithoutOwners(dump string) string {
	var out []string
	for _, st := range splitStatements(dump) {
		if alterOwnerRE.MatchString(strings.TrimSpace(st)) {
			continue
		}
		out = append(out, catalogOwnerRE.ReplaceAllStringFunc(st, func(m string) string {
			sub := catalogOwnerRE.FindStringSubmatch(m)
			owner, acl := sub[1], sub[2]
			acl = strings.ReplaceAll(acl, owner+"=", "<owner>=")
			acl = strings.ReplaceAll(acl, "/"+owner, "/<owner>")
			return " OWNER <owner> ACL " + acl + " COMMENT "
		}))
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
