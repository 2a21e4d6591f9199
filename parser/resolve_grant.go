package parser

import (
	"sort"

	"github.com/renovate-pg/renovate/state"
)

// privTarget is one object whose privileges a GRANT or REVOKE changes.
type privTarget struct {
	// kind is the kind whose privileges apply (KindSequence for a
	// sequence named by ON TABLE).
	kind  state.Kind
	what  string // "table public.t", for errors
	privs *[]state.Privilege
	// ownerRevoked is the object's OwnerRevoked, for the kinds whose
	// owners' own privileges the model carries (see noteOwnerRevokes);
	// nil for the others.
	ownerRevoked *[]state.Privilege
	// table is set for tables: column privileges live on its columns, and
	// a table-level REVOKE takes the same privilege off every column.
	table *state.Table
	// view is set for views and materialized views, whose column
	// privileges live in View.ColumnPrivileges.
	view *viewEntry
	// viaTable marks a sequence named by ON TABLE: PostgreSQL accepts
	// table privileges there and drops those a sequence does not have.
	viaTable bool
	// implicitPublic marks the public schema when no file declares it
	// (see ImplicitPublicPrivilegeKey).
	implicitPublic bool
}

// privileges is the pass that applies GRANT, REVOKE and ALTER DEFAULT
// PRIVILEGES, once every object exists. Every object starts with the
// privileges it is created with: PUBLIC's defaults on types and routines
// (see state.Privilege), changed by default privileges earlier in its file
// (grant_script.go); statements then apply in order.
func (r *resolver) privileges(items []any) {
	r.startingPrivileges(items)
	for _, it := range items {
		if d, ok := it.(*grantDef); ok {
			r.applyGrant(d)
		}
	}
	r.defaultPrivileges(items)
}

// applyGrant applies one GRANT or REVOKE to every object it names.
func (r *resolver) applyGrant(d *grantDef) {
	verb := "GRANT"
	if !d.grant {
		verb = "REVOKE"
	}
	targets, ok := r.grantTargets(d, verb)
	if !ok {
		return
	}
	for _, t := range targets {
		if !r.applyToTarget(d, t, verb) {
			return
		}
	}
}

// grantTargets finds the objects a GRANT or REVOKE names.
func (r *resolver) grantTargets(d *grantDef, verb string) ([]privTarget, bool) {
	var out []privTarget
	missing := func(what string, name any) ([]privTarget, bool) {
		r.errs.semantic(d.loc, "%s: %s %s is defined nowhere", verb, what, name)
		return nil, false
	}
	if d.allInSchema {
		for _, s := range d.schemas {
			if r.schemas[s] == nil {
				return missing("schema", s)
			}
		}
		in := map[string]bool{}
		for _, s := range d.schemas {
			in[s] = true
		}
		switch d.target {
		case targetTable:
			for _, q := range sortedNames(r.tables) {
				if in[q.Schema] {
					out = append(out, r.tableTarget(q))
				}
			}
			for _, q := range sortedNames(r.views) {
				if in[q.Schema] {
					out = append(out, r.viewTarget(q))
				}
			}
		case targetSequence:
			for _, q := range sortedNames(r.sequences) {
				if in[q.Schema] {
					out = append(out, r.sequenceTarget(q, false))
				}
			}
			out = append(out, r.identitySequences(in)...)
		default:
			rt, ok := r.routinesInSchemas(d, in, verb)
			return rt, ok
		}
		return out, true
	}
	switch d.target {
	case targetTable:
		for _, q := range d.relations {
			switch {
			case r.tables[q] != nil:
				out = append(out, r.tableTarget(q))
			case r.views[q] != nil:
				out = append(out, r.viewTarget(q))
			case r.sequences[q] != nil:
				out = append(out, r.sequenceTarget(q, true))
			default:
				t, ok := r.identitySequence(q, true)
				if !ok {
					return missing("relation", q)
				}
				out = append(out, t)
			}
		}
	case targetSequence:
		for _, q := range d.relations {
			if r.sequences[q] == nil {
				if r.tables[q] != nil {
					r.errs.semantic(d.loc, "%s: %s is not a sequence", verb, q)
					return nil, false
				}
				t, ok := r.identitySequence(q, false)
				if !ok {
					return missing("sequence", q)
				}
				out = append(out, t)
				continue
			}
			out = append(out, r.sequenceTarget(q, false))
		}
	case targetSchema:
		for _, s := range d.schemas {
			sc := r.schemas[s]
			if sc == nil {
				return missing("schema", s)
			}
			_, declared := r.locs[state.ObjectKey{Kind: state.KindSchema, Name: s}]
			out = append(out, privTarget{kind: state.KindSchema, what: "schema " + s, privs: &sc.Privileges, ownerRevoked: &sc.OwnerRevoked,
				implicitPublic: s == "public" && !declared})
		}
	case targetWrapper:
		for _, n := range d.names {
			w := r.foreign.wrappers[n]
			if w == nil {
				return missing("foreign data wrapper", n)
			}
			out = append(out, privTarget{kind: state.KindForeignDataWrapper, what: "foreign data wrapper " + n, privs: &w.Privileges})
		}
	case targetServer:
		for _, n := range d.names {
			sv := r.foreign.servers[n]
			if sv == nil {
				return missing("server", n)
			}
			out = append(out, privTarget{kind: state.KindServer, what: "server " + n, privs: &sv.Privileges})
		}
	case targetLanguage:
		for _, n := range d.names {
			t, ok := r.languageTarget(d, verb, n)
			if !ok {
				return nil, false
			}
			out = append(out, t)
		}
	case targetType:
		for _, q := range d.relations {
			t := r.types[q]
			if t == nil {
				return missing("type", q)
			}
			out = append(out, privTarget{kind: state.KindType, what: "type " + q.String(), privs: &t.Privileges, ownerRevoked: &t.OwnerRevoked})
		}
	default:
		return r.routineTargets(d, verb)
	}
	return out, true
}

func (r *resolver) tableTarget(q state.QualName) privTarget {
	te := r.tables[q]
	return privTarget{kind: state.KindTable, what: "table " + q.String(), privs: &te.t.Privileges, ownerRevoked: &te.t.OwnerRevoked, table: &te.t}
}

// viewTarget is a view or materialized view.
func (r *resolver) viewTarget(q state.QualName) privTarget {
	ve := r.views[q]
	k := state.KindView
	if ve.v.Materialized {
		k = state.KindMaterializedView
	}
	return privTarget{kind: k, what: string(k) + " " + q.String(), privs: &ve.v.Privileges, ownerRevoked: &ve.v.OwnerRevoked, view: ve}
}

// identitySequence finds the identity column whose sequence is q (see
// state.IdentitySequenceName).
func (r *resolver) identitySequence(q state.QualName, viaTable bool) (privTarget, bool) {
	for _, tq := range sortedNames(r.tables) {
		if tq.Schema != q.Schema {
			continue
		}
		t := &r.tables[tq].t
		for i := range t.Columns {
			c := &t.Columns[i]
			if c.Identity != "" && state.IdentitySequenceName(t.Name, c.Name) == q.Name {
				return privTarget{kind: state.KindSequence, what: "sequence " + q.String(), privs: &c.IdentityPrivileges, viaTable: viaTable}, true
			}
		}
	}
	return privTarget{}, false
}

// identitySequences lists the identity sequences of the tables in the
// schemas of in, for ON ALL SEQUENCES IN SCHEMA.
func (r *resolver) identitySequences(in map[string]bool) []privTarget {
	var out []privTarget
	for _, tq := range sortedNames(r.tables) {
		if !in[tq.Schema] {
			continue
		}
		t := &r.tables[tq].t
		for i := range t.Columns {
			c := &t.Columns[i]
			if c.Identity != "" {
				q := state.QualName{Schema: tq.Schema, Name: state.IdentitySequenceName(t.Name, c.Name)}
				out = append(out, privTarget{kind: state.KindSequence, what: "sequence " + q.String(), privs: &c.IdentityPrivileges})
			}
		}
	}
	return out
}

func (r *resolver) sequenceTarget(q state.QualName, viaTable bool) privTarget {
	se := r.sequences[q]
	return privTarget{kind: state.KindSequence, what: "sequence " + q.String(), privs: &se.seq.Privileges, ownerRevoked: &se.seq.OwnerRevoked, viaTable: viaTable}
}

// sortedNames returns a map's qualified names in order, so statements that
// name many objects apply (and report) deterministically.
func sortedNames[V any](m map[state.QualName]V) []state.QualName {
	out := make([]state.QualName, 0, len(m))
	for q := range m {
		out = append(out, q)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Less(out[j]) })
	return out
}

// applyToTarget applies a GRANT or REVOKE to one object.
func (r *resolver) applyToTarget(d *grantDef, t privTarget, verb string) bool {
	if d.privs == nil {
		r.notePublicPrivileges(d, t, state.AllPrivileges(t.kind))
		r.applyNames(d, t.privs, state.AllPrivileges(t.kind), t.table, t.view)
		noteOwnerRevokes(d, t, state.AllPrivileges(t.kind))
		return true
	}
	var names []string
	for _, ps := range d.privs {
		if len(ps.cols) > 0 {
			if !r.applyColumns(d, t, ps, verb) {
				return false
			}
			continue
		}
		switch {
		case validPrivilege(t.kind, ps.name):
			names = append(names, ps.name)
		case t.viaTable && validPrivilege(state.KindTable, ps.name):
			// PostgreSQL warns and ignores it.
		default:
			kindWord := string(t.kind)
			if t.viaTable {
				kindWord = "table"
			}
			r.errs.semantic(d.loc, "%s: invalid privilege type %s for %s", verb, ps.name, kindWord)
			return false
		}
	}
	r.notePublicPrivileges(d, t, names)
	r.applyNames(d, t.privs, names, t.table, t.view)
	noteOwnerRevokes(d, t, names)
	return true
}

// noteOwnerRevokes records, in the target's OwnerRevoked, the privileges a
// REVOKE takes from a role and a later GRANT gives back. The files cannot
// say who owns an object (the engine knows: see state.Privilege), and the
// owner holds every privilege implicitly, so for the owner a REVOKE means
// something even when no GRANT came before: pg_dump writes an owner that
// revoked UPDATE from itself as REVOKE ALL ... FROM owner; GRANT
// <the rest> ... TO owner. Every role's are recorded here; the engine
// keeps the owner's and drops the others', for which such a REVOKE does
// nothing beyond what Privileges already say. PUBLIC is never an owner.
// MAINTAIN is recorded like the rest; the engine drops it on servers
// before PostgreSQL 17, which lack it.
func noteOwnerRevokes(d *grantDef, t privTarget, names []string) {
	if t.ownerRevoked == nil || (!d.grant && d.grantOption) {
		return
	}
	for _, g := range d.grantees {
		if g == state.Public {
			continue
		}
		for _, n := range names {
			if d.grant {
				kept := (*t.ownerRevoked)[:0]
				for _, p := range *t.ownerRevoked {
					if p.Grantee != g || p.Privilege != n {
						kept = append(kept, p)
					}
				}
				*t.ownerRevoked = kept
				continue
			}
			if held, _ := state.HasPrivilege(*t.ownerRevoked, g, n); !held {
				*t.ownerRevoked = append(*t.ownerRevoked, state.Privilege{Grantee: g, Privilege: n})
			}
		}
	}
	if len(*t.ownerRevoked) == 0 {
		*t.ownerRevoked = nil
	}
}

// ImplicitPublicPrivilegeKey is the key under which Result.Locations
// records where the files GRANT or REVOKE privilege for grantee on the
// public schema without declaring it (grantOptionOnly: only REVOKE GRANT
// OPTION FOR). The public schema exists in every database with
// privileges that depend on its history (and version); when the files do
// not declare it, the privileges they grant or revoke are theirs and the
// rest stay as the database has them, as in pg_dump's output.
func ImplicitPublicPrivilegeKey(grantee, privilege string, grantOptionOnly bool) state.ObjectKey {
	name := grantee + " " + privilege
	if grantOptionOnly {
		name += " grant option"
	}
	return state.ObjectKey{Kind: state.KindPrivilege, Schema: "public", Name: name}
}

// notePublicPrivileges records the privileges a statement sets on the
// undeclared public schema.
func (r *resolver) notePublicPrivileges(d *grantDef, t privTarget, names []string) {
	if !t.implicitPublic {
		return
	}
	for _, g := range d.grantees {
		for _, n := range names {
			optionOnly := !d.grant && d.grantOption
			if _, touched := r.locs[ImplicitPublicPrivilegeKey(g, n, false)]; optionOnly && touched {
				continue
			}
			r.locs[ImplicitPublicPrivilegeKey(g, n, optionOnly)] = d.loc
		}
	}
}

// applyColumns applies a column privilege (SELECT (a, b)) to a table's
// columns.
func (r *resolver) applyColumns(d *grantDef, t privTarget, ps privSpec, verb string) bool {
	if t.table == nil && t.view == nil {
		r.errs.semantic(d.loc, "%s: %s has no columns to grant privileges on", verb, t.what)
		return false
	}
	names := []string{ps.name}
	if ps.name == "" {
		names = state.AllPrivileges(state.KindColumn)
	} else if !validPrivilege(state.KindColumn, ps.name) {
		r.errs.semantic(d.loc, "%s: invalid privilege type %s for column", verb, ps.name)
		return false
	}
	if t.view != nil {
		return r.applyViewColumns(d, t, ps, names, verb)
	}
	for _, c := range ps.cols {
		found := false
		for i := range t.table.Columns {
			if t.table.Columns[i].Name == c {
				r.applyNames(d, &t.table.Columns[i].Privileges, names, nil)
				found = true
			}
		}
		if !found {
			r.errs.semantic(d.loc, "%s: column %s of %s does not exist", verb, c, t.what)
			return false
		}
	}
	return true
}

// applyNames grants or revokes the named privileges for every grantee. A
// table-level REVOKE also takes the privilege off the table's columns, as
// PostgreSQL does.
func (r *resolver) applyNames(d *grantDef, privs *[]state.Privilege, names []string, table *state.Table, views ...*viewEntry) {
	var view *viewEntry
	if len(views) > 0 {
		view = views[0]
	}
	for _, g := range d.grantees {
		for _, n := range names {
			switch {
			case d.grant:
				grantPrivilege(privs, g, n, d.grantOption)
			case d.grantOption:
				for i := range *privs {
					if (*privs)[i].Grantee == g && (*privs)[i].Privilege == n {
						(*privs)[i].Grantable = false
					}
				}
			default:
				revokePrivilege(privs, g, n)
				if view != nil {
					for c := range view.v.ColumnPrivileges {
						ps := view.v.ColumnPrivileges[c]
						revokePrivilege(&ps, g, n)
						if len(ps) == 0 {
							delete(view.v.ColumnPrivileges, c)
						} else {
							view.v.ColumnPrivileges[c] = ps
						}
					}
				}
				if table != nil {
					for i := range table.Columns {
						revokePrivilege(&table.Columns[i].Privileges, g, n)
					}
				}
			}
		}
	}
}

// grantPrivilege adds a privilege, or the grant option to a held one.
func grantPrivilege(privs *[]state.Privilege, grantee, name string, grantable bool) {
	for i := range *privs {
		if (*privs)[i].Grantee == grantee && (*privs)[i].Privilege == name {
			(*privs)[i].Grantable = (*privs)[i].Grantable || grantable
			return
		}
	}
	*privs = append(*privs, state.Privilege{Grantee: grantee, Privilege: name, Grantable: grantable})
}

// revokePrivilege removes a privilege if held.
func revokePrivilege(privs *[]state.Privilege, grantee, name string) {
	out := (*privs)[:0]
	for _, p := range *privs {
		if p.Grantee != grantee || p.Privilege != name {
			out = append(out, p)
		}
	}
	if len(out) == 0 {
		// nil, like a list that never had anything: models compare
		// with reflect.DeepEqual.
		out = nil
	}
	*privs = out
}

// defaultPrivGroup identifies one pg_default_acl entry.
type defaultPrivGroup struct {
	role, schema, objectType string
}

// defaultPrivileges applies ALTER DEFAULT PRIVILEGES in statement order. A
// global group starts from PostgreSQL's built-in default (so REVOKE
// EXECUTE ON FUNCTIONS FROM PUBLIC means something) and is dropped when it
// ends up equal to it; a per-schema group starts empty.
func (r *resolver) defaultPrivileges(items []any) {
	groups := map[defaultPrivGroup]*[]state.Privilege{}
	var order []defaultPrivGroup
	for _, it := range items {
		d, ok := it.(*defaultPrivDef)
		if !ok {
			continue
		}
		for _, s := range d.schemas {
			if r.schemas[s] == nil {
				r.errs.semantic(d.loc, "ALTER DEFAULT PRIVILEGES: schema %s is defined nowhere", s)
				return
			}
		}
		roles := d.roles
		if len(roles) == 0 {
			roles = []string{""}
		}
		schemas := d.schemas
		if len(schemas) == 0 {
			schemas = []string{""}
		}
		names := d.privs
		if names == nil {
			names = state.AllPrivileges(state.DefaultObjectKind(d.objectType))
		}
		gd := &grantDef{grant: d.grant, grantOption: d.grantOption, grantees: d.grantees}
		for _, role := range roles {
			for _, schema := range schemas {
				g := defaultPrivGroup{role, schema, d.objectType}
				privs := groups[g]
				if privs == nil {
					privs = &[]state.Privilege{}
					if schema == "" {
						for _, b := range state.BuiltinDefaultPrivileges(role, d.objectType) {
							*privs = append(*privs, b.Privilege)
						}
					}
					groups[g] = privs
					order = append(order, g)
				}
				r.applyNames(gd, privs, names, nil)
			}
		}
	}
	for _, g := range order {
		privs := *groups[g]
		if g.schema == "" && samePrivileges(privs, builtinPrivileges(g.role, g.objectType)) {
			continue
		}
		for _, p := range privs {
			d := state.DefaultPrivilege{Role: g.role, Schema: g.schema, ObjectType: g.objectType, Privilege: p}
			if !state.UnmanagedDefaultPrivilege(d) {
				r.defaults = append(r.defaults, d)
			}
		}
	}
}

func builtinPrivileges(role, objectType string) []state.Privilege {
	var out []state.Privilege
	for _, b := range state.BuiltinDefaultPrivileges(role, objectType) {
		out = append(out, b.Privilege)
	}
	return out
}

// samePrivileges compares two privilege lists as sets.
func samePrivileges(a, b []state.Privilege) bool {
	if len(a) != len(b) {
		return false
	}
	in := map[state.Privilege]bool{}
	for _, p := range a {
		in[p] = true
	}
	for _, p := range b {
		if !in[p] {
			return false
		}
	}
	return true
}
