package parser

import (
	"github.com/renovate-pg/renovate/state"
)

// This file gives objects the privileges that ALTER DEFAULT PRIVILEGES
// statements earlier in the same file give them when the file runs as a
// script.
//
// PostgreSQL applies the default privileges of the role that runs CREATE,
// when it runs. In a file that says
//
//	ALTER DEFAULT PRIVILEGES GRANT SELECT ON TABLES TO reader;
//	CREATE TABLE t (...);
//	REVOKE SELECT ON t FROM reader;
//
// t is created with reader's SELECT, which the REVOKE then takes away.
// Without FOR ROLE the statement is about the role running the file, which
// creates the objects below it, so their starting privileges follow it.
// With FOR ROLE it is about objects that role creates: renovate reads the
// files as written by the role applying them (whose name the files do not
// know), so such a statement never changes the objects of the files; it is
// recorded as an entry of pg_default_acl only.
//
// Only statements of the same file count, in statement order: files are
// read in path order, which is not an order anyone runs them in.
// renovate's own files keep default privileges in a file of their own, so
// this never changes what they mean.

// scriptDefaults returns, per file, the ALTER DEFAULT PRIVILEGES statements
// without FOR ROLE, in statement order.
func scriptDefaults(items []any) map[string][]*defaultPrivDef {
	out := map[string][]*defaultPrivDef{}
	for _, it := range items {
		if d, ok := it.(*defaultPrivDef); ok && len(d.roles) == 0 {
			out[d.loc.File] = append(out[d.loc.File], d)
		}
	}
	return out
}

// createdPrivileges returns the privileges an object of kind k in schema
// created at loc starts with: PUBLIC's defaults, changed by the ALTER
// DEFAULT PRIVILEGES statements without FOR ROLE that come before it in
// its file (see scriptDefaults). The creating role's own privileges are
// not part of the model and are left out.
func createdPrivileges(script map[string][]*defaultPrivDef, k state.Kind, schema string, loc Location) []state.Privilege {
	objType := defaultObjectTypeOf(k)
	var before []*defaultPrivDef
	for _, d := range script[loc.File] {
		if d.objectType == objType && d.loc.less(loc) {
			before = append(before, d)
		}
	}
	if len(before) == 0 {
		return append([]state.Privilege(nil), state.PublicDefaults(k)...)
	}
	// The global entry starts from the built-in default; the entry of the
	// object's schema starts empty and adds to it.
	var global []state.Privilege
	for _, b := range state.BuiltinDefaultPrivileges("", objType) {
		global = append(global, b.Privilege)
	}
	var inSchema []state.Privilege
	names := func(d *defaultPrivDef) []string {
		if d.privs == nil {
			return state.AllPrivileges(state.DefaultObjectKind(d.objectType))
		}
		return d.privs
	}
	for _, d := range before {
		gd := &grantDef{grant: d.grant, grantOption: d.grantOption, grantees: d.grantees}
		if len(d.schemas) == 0 {
			applyPrivilegeNames(gd, &global, names(d))
			continue
		}
		for _, s := range d.schemas {
			if s == schema {
				applyPrivilegeNames(gd, &inSchema, names(d))
			}
		}
	}
	var out []state.Privilege
	for _, p := range append(global, inSchema...) {
		if p.Grantee != "" {
			out = addPrivilege(out, p)
		}
	}
	return out
}

// applyPrivilegeNames grants or revokes names for d's grantees in privs.
func applyPrivilegeNames(d *grantDef, privs *[]state.Privilege, names []string) {
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
			}
		}
	}
}

// addPrivilege adds p to ps, merging the grant option.
func addPrivilege(ps []state.Privilege, p state.Privilege) []state.Privilege {
	for i := range ps {
		if ps[i].Grantee == p.Grantee && ps[i].Privilege == p.Privilege {
			ps[i].Grantable = ps[i].Grantable || p.Grantable
			return ps
		}
	}
	return append(ps, p)
}

// defaultObjectTypeOf is the ALTER DEFAULT PRIVILEGES object type that
// covers objects of kind k: views and materialized views are TABLES,
// procedures FUNCTIONS.
func defaultObjectTypeOf(k state.Kind) string {
	switch k {
	case state.KindTable, state.KindView, state.KindMaterializedView:
		return state.DefaultTables
	case state.KindSequence:
		return state.DefaultSequences
	case state.KindFunction, state.KindProcedure:
		return state.DefaultFunctions
	case state.KindType:
		return state.DefaultTypes
	case state.KindSchema:
		return state.DefaultSchemas
	}
	return ""
}

// ForRoleBeforeObjectsKey is the key under which Result.Locations records
// an ALTER DEFAULT PRIVILEGES FOR ROLE role that comes before objects of
// its type in the same file. Such a statement would change those objects
// if the role applying the files were role, which the files cannot know
// (see grant_script.go): the engine refuses the files then.
func ForRoleBeforeObjectsKey(role string) state.ObjectKey {
	return state.ObjectKey{Kind: state.KindDefaultPrivilege, Name: "for role " + role + " before objects"}
}

// noteForRoleBeforeObjects records (ForRoleBeforeObjectsKey) the FOR ROLE
// statements that come before an object of their type in its file.
func (r *resolver) noteForRoleBeforeObjects(items []any) {
	forRole := map[string][]*defaultPrivDef{}
	for _, it := range items {
		if d, ok := it.(*defaultPrivDef); ok && len(d.roles) > 0 {
			forRole[d.loc.File] = append(forRole[d.loc.File], d)
		}
	}
	if len(forRole) == 0 {
		return
	}
	for key, loc := range r.locs {
		objType := defaultObjectTypeOf(key.Kind)
		if objType == "" || key.Kind == state.KindSchema && key.Name == "" {
			continue
		}
		for _, d := range forRole[loc.File] {
			if d.objectType != objType || !d.loc.less(loc) {
				continue
			}
			for _, role := range d.roles {
				k := ForRoleBeforeObjectsKey(role)
				if prev, seen := r.locs[k]; !seen || d.loc.less(prev) {
					r.locs[k] = d.loc
				}
			}
		}
	}
}

// startingPrivileges gives every object the privileges it is created with
// (createdPrivileges), before GRANT and REVOKE apply.
func (r *resolver) startingPrivileges(items []any) {
	r.noteForRoleBeforeObjects(items)
	script := scriptDefaults(items)
	start := func(key state.ObjectKey, schema string) []state.Privilege {
		loc, ok := r.locs[key]
		if !ok {
			return append([]state.Privilege(nil), state.PublicDefaults(key.Kind)...)
		}
		return createdPrivileges(script, key.Kind, schema, loc)
	}
	if len(script) > 0 {
		for name, s := range r.schemas {
			s.Privileges = append(s.Privileges, start(state.ObjectKey{Kind: state.KindSchema, Name: name}, "")...)
		}
		for _, q := range sortedNames(r.sequences) {
			se := r.sequences[q]
			se.seq.Privileges = append(se.seq.Privileges, start(state.ObjectKey{Kind: state.KindSequence, Schema: q.Schema, Name: q.Name}, q.Schema)...)
		}
		for _, q := range sortedNames(r.tables) {
			te := r.tables[q]
			te.t.Privileges = append(te.t.Privileges, start(te.t.Key(), q.Schema)...)
			// Identity sequences are created with their table.
			if loc, ok := r.locs[te.t.Key()]; ok {
				for i := range te.t.Columns {
					if c := &te.t.Columns[i]; c.Identity != "" {
						c.IdentityPrivileges = append(c.IdentityPrivileges, createdPrivileges(script, state.KindSequence, q.Schema, loc)...)
					}
				}
			}
		}
		for _, q := range sortedNames(r.views) {
			ve := r.views[q]
			ve.v.Privileges = append(ve.v.Privileges, start(ve.v.Key(), q.Schema)...)
		}
	}
	for _, q := range sortedNames(r.types) {
		t := r.types[q]
		t.Privileges = append(t.Privileges, start(state.ObjectKey{Kind: state.KindType, Schema: q.Schema, Name: q.Name}, q.Schema)...)
	}
	for _, f := range r.routineState().funcs {
		f.Privileges = append(f.Privileges, start(f.Key(), f.Schema)...)
	}
}

// applyViewColumns applies a column privilege (SELECT (a, b)) to a view's
// columns. The output columns of a view are known only when its query
// names them plainly; a column that is known not to exist is an error.
func (r *resolver) applyViewColumns(d *grantDef, t privTarget, ps privSpec, names []string, verb string) bool {
	ve := t.view
	for _, c := range ps.cols {
		if len(ve.columns) > 0 && !containsString(ve.columns, c) {
			r.errs.semantic(d.loc, "%s: column %s of %s does not exist", verb, c, t.what)
			return false
		}
		if ve.v.ColumnPrivileges == nil {
			ve.v.ColumnPrivileges = map[string][]state.Privilege{}
		}
		ps := ve.v.ColumnPrivileges[c]
		r.applyNames(d, &ps, names, nil)
		if len(ps) == 0 {
			delete(ve.v.ColumnPrivileges, c)
		} else {
			ve.v.ColumnPrivileges[c] = ps
		}
	}
	if len(ve.v.ColumnPrivileges) == 0 {
		ve.v.ColumnPrivileges = nil
	}
	return true
}

func containsString(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}
