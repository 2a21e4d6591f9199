package engine

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// normTypePrefix names the throwaway copies of domains the server tier
// creates (and always rolls back).
const normTypePrefix = "renovate_norm_"

// normalizeLocalTypes returns desired with the default and CHECK
// expressions of domains that differ from the remote's replaced by
// PostgreSQL's own printing of them (catalog.PrintTempDomains), parsed
// back into canonical form. Domains equal to the remote cost nothing;
// domains PostgreSQL cannot create yet keep their local text.
func normalizeLocalTypes(ctx context.Context, conn *pgx.Conn, desired, remote state.DatabaseSchema) (state.DatabaseSchema, error) {
	version, err := catalog.ServerVersion(conn)
	if err != nil {
		return desired, err
	}
	if version < 140000 {
		desired = withoutMultiranges(desired)
	}
	remoteTypes := map[state.QualName]state.Type{}
	for _, t := range remote.Types {
		remoteTypes[t.QualName()] = t
	}
	var temps []catalog.TempDomain
	var idx []int
	for i, t := range desired.Types {
		if t.Kind != state.TypeDomain {
			continue
		}
		r, ok := remoteTypes[t.QualName()]
		if !ok && t.RenamedFrom != "" {
			r, ok = remoteTypes[state.QualName{Schema: t.Schema, Name: t.RenamedFrom}]
		}
		if !ok || r.Kind != state.TypeDomain || !domainExpressionsDiffer(t, r) {
			continue
		}
		tmp := t
		tmp.Name = normTypePrefix + t.Name
		tmp.Comment, tmp.Privileges = "", nil
		tmp.Checks = append([]state.Constraint(nil), t.Checks...)
		for j := range tmp.Checks {
			tmp.Checks[j].NotValid = false
		}
		temps = append(temps, catalog.TempDomain{Name: sqlgen.QualifiedName(t.Schema, tmp.Name), Statement: sqlgen.CreateType(tmp)})
		idx = append(idx, i)
	}
	if len(temps) == 0 {
		return desired, nil
	}
	printed, err := catalog.PrintTempDomains(ctx, conn, localSearchPath, temps)
	if err != nil {
		return desired, err
	}
	out := desired.Clone()
	for k, sd := range printed {
		if sd.Err != nil {
			continue
		}
		t := &out.Types[idx[k]]
		canon, ok := canonicalServerDomain(*t, sd)
		if !ok {
			continue
		}
		t.Default = canon.Default
		for i := range t.Checks {
			for _, c := range canon.Checks {
				if c.Name == t.Checks[i].Name {
					t.Checks[i].Definition = c.Definition
				}
			}
		}
	}
	return out, nil
}

// domainExpressionsDiffer reports whether a desired domain and its remote
// counterpart differ in a default or a same-named check's expression.
func domainExpressionsDiffer(t, r state.Type) bool {
	if t.Default != r.Default {
		return true
	}
	for _, c := range t.Checks {
		for _, rc := range r.Checks {
			if rc.Name == c.Name && rc.Definition != c.Definition {
				return true
			}
		}
	}
	return false
}

// canonicalServerDomain turns PostgreSQL's printing of a copy of t back
// into canonical form, through the same printer and parser as every other
// object.
func canonicalServerDomain(t state.Type, sd catalog.ServerDomain) (state.Type, bool) {
	pt := state.Type{Schema: t.Schema, Name: t.Name, Kind: state.TypeDomain, TypeDetails: state.TypeDetails{
		BaseType: t.BaseType, Collation: t.Collation, NotNull: t.NotNull, Default: sd.Default,
	}}
	for _, c := range sd.Constraints {
		pt.Checks = append(pt.Checks, state.Constraint{Name: c.Name, Kind: state.ConstraintCheck, Definition: strings.TrimSuffix(c.Definition, " NOT VALID")})
	}
	// The schema is declared so the parser accepts the domain on its own.
	text := sqlgen.SchemaDefinition(state.Schema{Name: t.Schema}) + sqlgen.CreateType(pt)
	res, err := parser.ParseString("(server normalization of "+t.QualName().String()+")", text)
	if err != nil {
		return state.Type{}, false
	}
	for _, got := range res.Schema.Types {
		if got.QualName() == t.QualName() {
			return got, true
		}
	}
	return state.Type{}, false
}

// unmanagedWarnings names the objects of kinds renovate does not manage
// (catalog.Unmanaged), one line each.
func unmanagedWarnings(ctx context.Context, conn *pgx.Conn) ([]string, error) {
	objs, err := catalog.Unmanaged(ctx, conn)
	if err != nil {
		return nil, err
	}
	out := make([]string, len(objs))
	for i, o := range objs {
		out[i] = o.String() + " is not managed by renovate: it is left out of the files and plans leave it alone"
	}
	privs, err := catalog.UnmanagedPrivileges(ctx, conn)
	if err != nil {
		return nil, err
	}
	for _, p := range privs {
		if p.Extension {
			out = append(out, "the privileges of "+p.Object+", a member of an extension, differ from those CREATE EXTENSION gave it: "+
				"renovate does not carry privileges of extension members, the files leave them out")
		} else {
			out = append(out, "the owner of "+p.Object+" revoked some of its own privileges: "+
				"renovate does not manage owners' privileges, the files leave that out")
		}
	}
	return out, nil
}

// ownersWarning says, in one line, that owners are not managed when
// objects are owned by roles other than the connecting one: their owners
// are not in the files, and a database built from the files gives every
// object to the role applying them.
func ownersWarning(owners []catalog.OwnedObject) string {
	if len(owners) == 0 {
		return ""
	}
	const shown = 3
	var examples []string
	for i, o := range owners {
		if i == shown {
			examples = append(examples, fmt.Sprintf("and %d more", len(owners)-shown))
			break
		}
		examples = append(examples, o.Kind+" "+o.Name+" by "+o.Owner)
	}
	return fmt.Sprintf("%d object(s) are owned by roles other than the one connected (%s): %s", len(owners), strings.Join(examples, ", "), ownersNotManaged)
}

// ownersNotManaged says what owners = "ignore" means.
const ownersNotManaged = `owners are not managed (owners = "ignore" in renovate.hcl, the default): ` +
	`the files carry no OWNER TO and objects a plan creates belong to the role applying it; set owners = "manage" to manage them`

// ownersNote is Remote.OwnersNote: ownersNotManaged as a sentence.
const ownersNote = "Note: " + ownersNotManaged + "."

// foreignOwnersWarning is ownersWarning for the database conn is
// connected to ("" when every object is the connected role's).
func foreignOwnersWarning(ctx context.Context, conn *pgx.Conn) (string, error) {
	owners, err := catalog.ForeignOwners(ctx, conn)
	if err != nil {
		return "", err
	}
	return ownersWarning(owners), nil
}

// withoutMultiranges clears the multirange names of range types: servers
// before PostgreSQL 14 have no multiranges, and the planner then neither
// compares nor renames them.
func withoutMultiranges(s state.DatabaseSchema) state.DatabaseSchema {
	changed := false
	for _, t := range s.Types {
		if t.MultirangeName != "" {
			changed = true
		}
	}
	if !changed {
		return s
	}
	s = s.Clone()
	for i := range s.Types {
		s.Types[i].MultirangeName = ""
	}
	return s
}
