package normalize

import (
	"context"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// normTypePrefix names the throwaway copies of domains the server tier
// creates (and always rolls back).
const normTypePrefix = "renovate_norm_"

// domains is the server tier for the default and CHECK expressions of
// domains that differ from the remote's: a throwaway copy of each is
// printed by PostgreSQL (catalog.PrintTempDomains) and its printing,
// parsed back into canonical form, replaces the local text. Domains equal
// to the remote cost nothing.
//
// Servers before PostgreSQL 14 have no multiranges: the pass clears their
// names first (withoutMultiranges).
func domains(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	version, err := catalog.ServerVersion(srv.conn)
	if err != nil {
		return desired, err
	}
	if version < 140000 {
		desired = withoutMultiranges(desired)
	}
	remoteTypes := map[state.QualName]state.Type{}
	for _, t := range srv.remote.Types {
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
	return printEach(ctx, srv, desired, temps, catalog.PrintTempDomains, func(out *state.DatabaseSchema, k int, sd catalog.ServerDomain) {
		if sd.Err != nil {
			return
		}
		t := &out.Types[idx[k]]
		canon, ok := canonicalServerDomain(*t, sd)
		if !ok {
			return
		}
		state.Own(t)
		t.Default = canon.Default
		for i := range t.Checks {
			for _, c := range canon.Checks {
				if c.Name == t.Checks[i].Name {
					t.Checks[i].Definition = c.Definition
				}
			}
		}
	})
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
	res, err := parseServer("(server normalization of "+t.QualName().String()+")", text)
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
	s = s.ShallowClone()
	for i := range s.Types {
		s.Types[i].MultirangeName = ""
	}
	return s
}
