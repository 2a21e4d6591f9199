package planner

import (
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// This file plans GRANT and REVOKE for every object that exists after the
// plan, and ALTER DEFAULT PRIVILEGES. Privileges compare as effective sets
// (see state.Privilege), so an object whose privileges did not change costs
// nothing.
//
// An object the plan creates, or drops and creates again, starts with what
// PostgreSQL gives a new object: the default privileges of the role that
// creates it (Options.CreatingRole), as the desired model has them when
// the object is created (ALTER DEFAULT PRIVILEGES runs before every
// CREATE but CREATE SCHEMA), or PUBLIC's built-in defaults when that role
// has no entry. When the creating role is not known, every grant that any
// default privilege entry could add and the files do not want is revoked
// explicitly (revoking a privilege that is not held does nothing), and
// every PUBLIC default that a global entry could have removed and the
// files want is granted explicitly.

// privileges plans the privileges of schemas, types, sequences, tables
// (and their columns), views and routines.
func (d *differ) privileges() {
	fromSchemas := map[string]state.Schema{}
	for _, s := range d.from.Schemas {
		fromSchemas[s.Name] = s
	}
	for _, s := range d.to.Schemas {
		key := state.ObjectKey{Kind: state.KindSchema, Name: s.Name}
		old, ok := fromSchemas[s.Name]
		if !ok && s.RenamedFrom != "" {
			old, ok = fromSchemas[s.RenamedFrom]
		}
		oldPrivs := startPrivileges{may: old.Privileges, sure: old.Privileges}
		if !ok {
			oldPrivs = d.initialPrivileges(key)
		}
		if d.objectPrivileges(key, oldPrivs, s.Privileges) && ok {
			d.noteChange(key, sqlgen.SchemaDefinition(old), sqlgen.SchemaDefinition(s))
		}
	}

	fromTypes := map[state.QualName]state.Type{}
	for _, t := range d.from.Types {
		fromTypes[t.QualName()] = t
	}
	for _, t := range d.to.Types {
		key := state.ObjectKey{Kind: state.KindType, Schema: t.Schema, Name: t.Name}
		old, ok := fromTypes[t.QualName()]
		if !ok && t.RenamedFrom != "" {
			old, ok = fromTypes[state.QualName{Schema: t.Schema, Name: t.RenamedFrom}]
		}
		d.objectPrivileges(key, d.existingPrivileges(key, ok, old.Privileges), t.Privileges)
	}

	fromSeqs := map[state.QualName]state.Sequence{}
	for _, s := range d.from.Sequences {
		fromSeqs[s.QualName()] = s
	}
	for _, s := range d.to.Sequences {
		key := sqlgen.SequenceKey(s)
		old, ok := fromSeqs[s.QualName()]
		if d.objectPrivileges(key, d.existingPrivileges(key, ok, old.Privileges), s.Privileges) && ok && s.OwnedBy == nil && old.OwnedBy == nil {
			d.noteChange(key, sqlgen.SequenceDefinition(old), sqlgen.SequenceDefinition(s))
		}
	}

	for _, t := range d.to.Tables {
		d.tablePrivileges(t)
	}

	fromViews := map[state.QualName]state.View{}
	for _, v := range d.from.Views {
		fromViews[v.QualName()] = v
	}
	for _, v := range d.to.Views {
		key := viewKey(v)
		old, ok := fromViews[v.QualName()]
		if !ok && v.RenamedFrom != "" {
			old, ok = fromViews[state.QualName{Schema: v.Schema, Name: v.RenamedFrom}]
		}
		ok = ok && old.Materialized == v.Materialized
		from := d.existingPrivileges(key, ok, old.Privileges)
		d.objectPrivileges(key, from, v.Privileges)
		// Column privileges: a view-level REVOKE takes the privilege off
		// the columns too.
		revoked := map[[2]string]bool{}
		for _, p := range from.may {
			if held, _ := state.HasPrivilege(v.Privileges, p.Grantee, p.Privilege); !held {
				revoked[[2]string{p.Grantee, p.Privilege}] = true
			}
		}
		var fromCols map[string][]state.Privilege
		if ok && !d.recreated(key) {
			fromCols = old.ColumnPrivileges
		}
		names := map[string]bool{}
		for c := range fromCols {
			names[c] = true
		}
		for c := range v.ColumnPrivileges {
			names[c] = true
		}
		sorted := make([]string, 0, len(names))
		for c := range names {
			sorted = append(sorted, c)
		}
		sort.Strings(sorted)
		d.columnPrivileges(key, sorted, fromCols, v.ColumnPrivileges, revoked)
	}

	fromFuncs := map[state.ObjectKey]state.Function{}
	for _, f := range d.from.Functions {
		fromFuncs[f.Key()] = f
	}
	for _, f := range d.to.Functions {
		key := f.Key()
		old, ok := fromFuncs[key]
		if !ok && f.RenamedFrom != "" {
			renamed := key
			renamed.Name = f.RenamedFrom
			old, ok = fromFuncs[renamed]
		}
		d.objectPrivileges(key, d.existingPrivileges(key, ok, old.Privileges), f.Privileges)
	}
}

// viewKey is the ObjectKey of a view or materialized view.
func viewKey(v state.View) state.ObjectKey {
	k := state.KindView
	if v.Materialized {
		k = state.KindMaterializedView
	}
	return state.ObjectKey{Kind: k, Schema: v.Schema, Name: v.Name}
}

// startPrivileges are the privileges an object holds when the privilege
// steps run: every privilege it may hold, and those it surely holds. The
// two differ only for new objects when the creating role is unknown.
type startPrivileges struct {
	may, sure []state.Privilege
}

// existingPrivileges returns the privileges an object has when the
// privilege steps run: the remote's, unless the object does not exist
// there or the plan drops and recreates it.
func (d *differ) existingPrivileges(key state.ObjectKey, exists bool, remote []state.Privilege) startPrivileges {
	if exists && !d.recreated(key) {
		return startPrivileges{may: remote, sure: remote}
	}
	return d.initialPrivileges(key)
}

// diffStart computes the statements turning from into to: revoking what
// the object may hold, granting what it does not surely hold.
func diffStart(from startPrivileges, to []state.Privilege) sqlgen.PrivilegeChanges {
	ch := sqlgen.DiffPrivileges(from.may, to)
	ch.Grant = sqlgen.DiffPrivileges(from.sure, to).Grant
	return ch
}

// recreated reports whether the plan drops the object key (to create it
// again: the caller knows it exists in the desired model).
//
// The drop steps are indexed as they are first asked about: the steps
// only grow between calls, or are replaced through setSteps.
func (d *differ) recreated(key state.ObjectKey) bool {
	if d.drops == nil || d.dropsSeen > len(d.steps) {
		d.drops, d.dropsSeen = map[state.ObjectKey]bool{}, 0
	}
	for _, s := range d.steps[d.dropsSeen:] {
		if s.Action == ActionDrop {
			d.drops[s.Object] = true
		}
	}
	d.dropsSeen = len(d.steps)
	return d.drops[key]
}

// setSteps replaces the plan's steps with steps (filtered, reordered or
// rewritten), which recreated then indexes anew.
func (d *differ) setSteps(steps []Step) {
	d.steps = steps
	d.drops, d.dropsSeen = nil, 0
}

// initialPrivileges returns the privileges a new object of key's kind
// starts with (see the top of this file). The creating role's own
// privileges are not part of the model.
func (d *differ) initialPrivileges(key state.ObjectKey) startPrivileges {
	objType := defaultObjectType(key.Kind)
	role := d.opts.CreatingRole
	if role == "" {
		return d.anyRoleInitialPrivileges(key, objType)
	}
	// Schemas are created before the default privileges change, every
	// other object after.
	defaults := d.to.DefaultPrivileges
	if key.Kind == state.KindSchema {
		defaults = d.from.DefaultPrivileges
	}
	var global, inSchema []state.Privilege
	hasGlobal := false
	for _, dp := range defaults {
		if dp.Role != role || dp.ObjectType != objType {
			continue
		}
		switch dp.Schema {
		case "":
			hasGlobal = true
			if dp.Grantee != role {
				global = addPrivilege(global, dp.Privilege)
			}
		case key.Schema:
			if dp.Grantee != role {
				inSchema = addPrivilege(inSchema, dp.Privilege)
			}
		}
	}
	if !hasGlobal {
		global = append(global, state.PublicDefaults(key.Kind)...)
	}
	for _, p := range inSchema {
		global = addPrivilege(global, p)
	}
	return startPrivileges{may: global, sure: global}
}

// anyRoleInitialPrivileges is initialPrivileges when the creating role is
// unknown: the object may hold PUBLIC's defaults and every privilege a
// default privilege entry (before or after the plan) could give it, and
// surely holds the PUBLIC defaults no global entry could have taken away.
func (d *differ) anyRoleInitialPrivileges(key state.ObjectKey, objType string) startPrivileges {
	var may, sure []state.Privilege
	for _, p := range state.PublicDefaults(key.Kind) {
		may = append(may, p)
		if !d.globalDefaultMayRemove(objType, p) {
			sure = append(sure, p)
		}
	}
	for _, ds := range [][]state.DefaultPrivilege{d.from.DefaultPrivileges, d.to.DefaultPrivileges} {
		for _, dp := range ds {
			if dp.ObjectType != objType || dp.Grantee == dp.Role || (dp.Schema != "" && dp.Schema != key.Schema) {
				continue
			}
			may = addPrivilege(may, dp.Privilege)
		}
	}
	return startPrivileges{may: may, sure: sure}
}

// globalDefaultMayRemove reports whether a global default privilege entry
// for objType lacks PUBLIC default p.
func (d *differ) globalDefaultMayRemove(objType string, p state.Privilege) bool {
	for _, ds := range [][]state.DefaultPrivilege{d.from.DefaultPrivileges, d.to.DefaultPrivileges} {
		order, groups := sqlgen.GroupDefaultPrivileges(ds)
		for _, g := range order {
			if g.Schema != "" || g.ObjectType != objType {
				continue
			}
			if held, _ := state.HasPrivilege(groups[g], p.Grantee, p.Privilege); !held {
				return true
			}
		}
	}
	return false
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

// defaultObjectType maps an object kind to the ALTER DEFAULT PRIVILEGES
// object type that covers it.
func defaultObjectType(k state.Kind) string {
	switch k {
	case state.KindTable, state.KindView, state.KindMaterializedView:
		return state.DefaultTables
	case state.KindSequence:
		return state.DefaultSequences
	case state.KindFunction, state.KindProcedure, state.KindAggregate:
		return state.DefaultFunctions
	case state.KindType:
		return state.DefaultTypes
	case state.KindSchema:
		return state.DefaultSchemas
	}
	return ""
}

// objectPrivileges plans the statements turning from into to on the
// object key, and reports whether there were any.
func (d *differ) objectPrivileges(key state.ObjectKey, from startPrivileges, to []state.Privilege) bool {
	ch := diffStart(from, to)
	if ch.Empty() {
		return false
	}
	for _, s := range sqlgen.PrivilegeChangeStatements(key, ch) {
		d.add(phasePrivileges, key, ActionAlter, s)
	}
	return true
}

// noteChange records a per-object change for an object whose only
// difference the other passes may not show (its privileges).
func (d *differ) noteChange(key state.ObjectKey, old, nw string) {
	for _, c := range d.changes {
		if c.Object == key {
			return
		}
	}
	if old != nw {
		d.change(key, ActionAlter, old, nw)
	}
}

// tablePrivileges plans a table's privileges and those of its columns.
// Table-level statements come first: PostgreSQL's table-level REVOKE also
// takes the privilege off every column.
func (d *differ) tablePrivileges(t state.Table) {
	q := t.QualName()
	key := tableKey(q)
	var old state.Table
	exists := false
	if o, ok := d.from.Table(q); ok {
		old, exists = o, true
	} else if t.RenamedFrom != "" {
		if o, ok := d.from.Table(state.QualName{Schema: t.Schema, Name: t.RenamedFrom}); ok {
			old, exists = o, true
		}
	}
	from := d.existingPrivileges(key, exists, old.Privileges)
	ch := diffStart(from, t.Privileges)
	for _, s := range sqlgen.PrivilegeChangeStatements(key, ch) {
		d.add(phasePrivileges, key, ActionAlter, s)
	}
	// Pairs the table-level REVOKEs take off the columns too.
	revoked := map[[2]string]bool{}
	for _, p := range from.may {
		if held, _ := state.HasPrivilege(t.Privileges, p.Grantee, p.Privilege); !held {
			revoked[[2]string{p.Grantee, p.Privilege}] = true
		}
	}
	fromCols := map[string][]state.Privilege{}
	toCols := map[string][]state.Privilege{}
	names := make([]string, 0, len(t.Columns))
	for _, c := range t.Columns {
		names = append(names, c.Name)
		toCols[c.Name] = c.Privileges
		if exists && !d.recreated(key) {
			oc, ok := old.Column(c.Name)
			if !ok && c.RenamedFrom != "" {
				oc, ok = old.Column(c.RenamedFrom)
			}
			if ok && !d.recreated(memberKey(state.KindColumn, q, c.Name)) {
				fromCols[c.Name] = oc.Privileges
			}
		}
	}
	d.columnPrivileges(key, names, fromCols, toCols, revoked)
	for _, c := range t.Columns {
		if c.Identity == "" {
			continue
		}
		// The sequence of an identity column (state.IdentitySequenceName)
		// is new when the column or its identity is.
		seqKey := sqlgen.IdentitySequenceKey(t.Schema, t.Name, c.Name)
		from := d.initialPrivileges(seqKey)
		if exists && !d.recreated(key) && !d.recreated(memberKey(state.KindColumn, q, c.Name)) {
			if oc, ok := old.Column(c.Name); ok && oc.Identity != "" {
				from = startPrivileges{may: oc.IdentityPrivileges, sure: oc.IdentityPrivileges}
			}
		}
		d.objectPrivileges(seqKey, from, c.IdentityPrivileges)
	}
}

// columnPrivileges plans the column privileges of the relation key,
// columns in the order of names: from are the privileges each column has
// before (less those the relation-level REVOKEs, revoked, take off every
// column), to those it must have.
func (d *differ) columnPrivileges(key state.ObjectKey, names []string, from, to map[string][]state.Privilege, revoked map[[2]string]bool) {
	cc := columnChanges{}
	for _, c := range names {
		var fromCol []state.Privilege
		for _, p := range from[c] {
			if !revoked[[2]string{p.Grantee, p.Privilege}] {
				fromCol = append(fromCol, p)
			}
		}
		cc.add(c, sqlgen.DiffPrivileges(fromCol, to[c]))
	}
	target := sqlgen.GrantTarget(key)
	for _, g := range cc.sorted(cc.revoke) {
		d.add(phasePrivileges, key, ActionAlter, sqlgen.RevokeColumns(target, g.cols, g.grantee, false))
	}
	for _, g := range cc.sorted(cc.revokeOpt) {
		d.add(phasePrivileges, key, ActionAlter, sqlgen.RevokeColumns(target, g.cols, g.grantee, true))
	}
	for _, g := range cc.sorted(cc.grant) {
		d.add(phasePrivileges, key, ActionAlter, sqlgen.GrantColumns(target, g.cols, g.grantee, g.grantable))
	}
}

// columnChanges collects column privilege changes by grantee (and grant
// option), each privilege with its columns.
type columnChanges struct {
	revoke, revokeOpt, grant map[colGroupKey]map[string][]string
}

type colGroupKey struct {
	grantee   string
	grantable bool
}

type colGroup struct {
	colGroupKey
	cols map[string][]string
}

func (cc *columnChanges) add(col string, ch sqlgen.PrivilegeChanges) {
	put := func(m *map[colGroupKey]map[string][]string, ps []state.Privilege) {
		for _, p := range ps {
			if *m == nil {
				*m = map[colGroupKey]map[string][]string{}
			}
			k := colGroupKey{p.Grantee, p.Grantable}
			if (*m)[k] == nil {
				(*m)[k] = map[string][]string{}
			}
			(*m)[k][p.Privilege] = append((*m)[k][p.Privilege], col)
		}
	}
	put(&cc.revoke, ch.RevokedPrivileges())
	put(&cc.revokeOpt, ch.RevokedGrantOptions())
	put(&cc.grant, ch.GrantedPrivileges())
}

func (cc *columnChanges) sorted(m map[colGroupKey]map[string][]string) []colGroup {
	out := make([]colGroup, 0, len(m))
	for k, v := range m {
		out = append(out, colGroup{k, v})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].grantee != out[j].grantee {
			return out[i].grantee < out[j].grantee
		}
		return !out[i].grantable && out[j].grantable
	})
	return out
}

// defaultPrivileges plans ALTER DEFAULT PRIVILEGES, entry by entry. A
// global entry that is absent means PostgreSQL's built-in default.
func (d *differ) defaultPrivileges() {
	fromOrder, from := sqlgen.GroupDefaultPrivileges(d.from.DefaultPrivileges)
	toOrder, to := sqlgen.GroupDefaultPrivileges(d.to.DefaultPrivileges)
	seen := map[sqlgen.DefaultPrivilegeGroup]bool{}
	var all []sqlgen.DefaultPrivilegeGroup
	for _, g := range append(toOrder, fromOrder...) {
		if !seen[g] {
			seen[g] = true
			all = append(all, g)
		}
	}
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.Role != b.Role {
			return a.Role < b.Role
		}
		if a.Schema != b.Schema {
			return a.Schema < b.Schema
		}
		return a.ObjectType < b.ObjectType
	})
	for _, g := range all {
		base := sqlgen.DefaultPrivilegesBase(g)
		f, inFrom := from[g]
		if !inFrom {
			f = base
		}
		t, inTo := to[g]
		if !inTo {
			t = base
		}
		stmts := sqlgen.DefaultPrivilegesStatements(g, f, t)
		if len(stmts) == 0 {
			continue
		}
		key := defaultPrivilegeKey(g)
		action := ActionAlter
		switch {
		case !inFrom:
			action = ActionCreate
		case !inTo:
			action = ActionDrop
		}
		d.change(key, action, sqlgen.DefaultPrivilegesChange(g, base, f), sqlgen.DefaultPrivilegesChange(g, base, t))
		for _, s := range stmts {
			d.add(phaseDefaultPrivileges, key, ActionAlter, s)
		}
	}
}

// defaultPrivilegeKey names an ALTER DEFAULT PRIVILEGES entry for plans:
// "default_privilege for role app in schema s on tables".
func defaultPrivilegeKey(g sqlgen.DefaultPrivilegeGroup) state.ObjectKey {
	name := "for role " + g.Role
	if g.Schema != "" {
		name += " in schema " + g.Schema
	}
	return state.ObjectKey{Kind: state.KindDefaultPrivilege, Name: name + " on " + g.ObjectType}
}

// mentions reports whether the SQL text expr names ident (as a whole word,
// in its quoted form when it needs quotes). It errs on the side of yes.
func mentions(expr, ident string) bool {
	word := sqlgen.QuoteIdent(ident)
	for i := 0; ; {
		j := strings.Index(expr[i:], word)
		if j < 0 {
			return false
		}
		start, end := i+j, i+j+len(word)
		if (start == 0 || !identByte(expr[start-1])) && (end == len(expr) || !identByte(expr[end])) {
			return true
		}
		i = start + 1
	}
}

func identByte(c byte) bool {
	return c == '_' || c == '$' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
