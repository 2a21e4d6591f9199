package planner

import (
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// This file plans partitioning, inheritance and the storage properties of
// tables: DETACH / ATTACH PARTITION, NO INHERIT / INHERIT, storage
// parameters, tablespaces and replica identity, and which column changes
// of a child table its parents' changes already make (PostgreSQL passes a
// parent's ADD / DROP / ALTER COLUMN on to its children).

// tableExtPlan is what the table planning tells the column planning.
type tableExtPlan struct {
	// recreated are the remote tables dropped and created again because
	// their partition key changes (with their partitions).
	recreated map[state.QualName]bool
	// onlyDrop holds, per parent, the columns dropped with ALTER TABLE
	// ONLY because a child keeps its copy.
	onlyDrop map[state.QualName]map[string]bool
}

// inheritanceOrder returns tables with every parent before its children
// (by name otherwise). A cycle, which PostgreSQL cannot have, leaves the
// order by name.
func inheritanceOrder(tables []state.Table) []state.Table {
	byKey := make(map[state.ObjectKey]int, len(tables))
	keys := make([]state.ObjectKey, len(tables))
	deps := map[state.ObjectKey][]state.ObjectKey{}
	for i, t := range tables {
		keys[i] = t.Key()
		byKey[t.Key()] = i
		for _, p := range t.Parents() {
			deps[t.Key()] = append(deps[t.Key()], tableKey(p))
		}
	}
	order, err := topoOrder(keys, deps)
	if err != nil {
		return tables
	}
	out := make([]state.Table, len(order))
	for i, k := range order {
		out[i] = tables[byKey[k]]
	}
	return out
}

// recreatedTables finds the remote tables whose partition key changes
// (a partitioned table becoming an ordinary one counts, and the reverse):
// PostgreSQL cannot change it, so they are dropped and created again, and
// with them their partitions, which DROP TABLE takes along.
func (d *differ) recreatedTables() map[state.QualName]bool {
	out := map[state.QualName]bool{}
	for _, r := range d.from.Tables {
		if n, ok := d.desiredTable(r.QualName()); ok && (n.PartitionBy != r.PartitionBy || foreignRecreated(r, n)) {
			out[r.QualName()] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for _, r := range d.from.Tables {
			if r.PartitionOf != nil && out[*r.PartitionOf] && !out[r.QualName()] {
				out[r.QualName()] = true
				changed = true
			}
		}
	}
	return out
}

// keptParents returns the parents a table has on both sides, as remote and
// desired tables: their changes reach the child through PostgreSQL. A
// partition whose bound changes leaves its parent for the time of the
// change, which the parent's changes then miss.
func (d *differ) keptParents(old, nw state.Table) [][2]state.Table {
	var out [][2]state.Table
	if old.PartitionOf != nil && nw.PartitionOf != nil && old.PartitionBound != nw.PartitionBound {
		return nil
	}
	for _, p := range nw.Parents() {
		inOld := false
		for _, op := range old.Parents() {
			inOld = inOld || op == p
		}
		if !inOld || d.tableExt.recreated[p] {
			continue
		}
		rp, ok1 := d.from.Table(p)
		dp, ok2 := d.to.Table(p)
		if ok1 && ok2 {
			out = append(out, [2]state.Table{rp, dp})
		}
	}
	return out
}

// adoptUnchangeable returns nw with what PostgreSQL cannot change in place
// taken from old: whether a column of an inheritance child is its own too
// or only inherited (attislocal: a table that joins a parent by INHERIT
// keeps its columns as its own, a column the child declares is its own),
// and the order of INHERITS parents. Partitions need nothing: all their
// columns are inherited, which ATTACH and DETACH PARTITION take care of.
func (d *differ) adoptUnchangeable(old, nw state.Table) state.Table {
	if nw.PartitionOf == nil && old.PartitionOf == nil {
		nw.Columns = append([]state.Column(nil), nw.Columns...)
		for i := range nw.Columns {
			if oc, ok := old.Column(nw.Columns[i].Name); ok {
				nw.Columns[i].Inherited = oc.Inherited
			}
		}
	}
	// Likewise a CHECK constraint of the table that merged with its
	// parents' (ATTACH and INHERIT need the table to have them) stays its
	// own.
	if nw.IsChild() {
		fromParents := parentChecks(d.to, nw)
		for _, c := range old.Constraints {
			p, ok := fromParents[c.Name]
			if _, declared := findConstraint(nw, c.Name); ok && !declared && c.Kind == state.ConstraintCheck && p.Definition == c.Definition {
				nw.Constraints = append(append([]state.Constraint(nil), nw.Constraints...), c)
			}
		}
		sort.Slice(nw.Constraints, func(i, j int) bool { return nw.Constraints[i].Name < nw.Constraints[j].Name })
	}
	if len(old.Inherits) == len(nw.Inherits) && len(nw.Inherits) > 1 {
		same := true
		for _, p := range nw.Inherits {
			found := false
			for _, o := range old.Inherits {
				found = found || o == p
			}
			same = same && found
		}
		if same {
			nw.Inherits = old.Inherits
		}
	}
	return nw
}

// planOnlyDrops decides, for each kept parent's dropped column, whether a
// child keeps its copy: then the parent drops it with ONLY and the copy
// becomes the child's own.
func (d *differ) planOnlyDrops(pairs [][2]*state.Table) {
	d.tableExt.onlyDrop = map[state.QualName]map[string]bool{}
	for _, p := range pairs {
		old, nw := *p[0], *p[1]
		for _, kp := range d.keptParents(old, nw) {
			rp, dp := kp[0], kp[1]
			for _, c := range rp.Columns {
				if _, still := dp.Column(c.Name); still {
					continue
				}
				if _, keeps := nw.Column(c.Name); keeps {
					m := d.tableExt.onlyDrop[rp.QualName()]
					if m == nil {
						m = map[string]bool{}
						d.tableExt.onlyDrop[rp.QualName()] = m
					}
					m[c.Name] = true
				}
			}
		}
	}
}

// addedByParent reports whether a parent the table keeps adds (or has)
// the column: PostgreSQL adds it to the child.
func (d *differ) addedByParent(old, nw state.Table, col string) bool {
	for _, kp := range d.keptParents(old, nw) {
		if _, ok := kp[1].Column(col); ok {
			return true
		}
	}
	return false
}

// droppedByParent reports whether a kept parent's DROP COLUMN takes the
// child's inherited-only column along.
func (d *differ) droppedByParent(old, nw state.Table, c state.Column) bool {
	if !c.Inherited {
		return false
	}
	for _, kp := range d.keptParents(old, nw) {
		rp, dp := kp[0], kp[1]
		_, had := rp.Column(c.Name)
		_, has := dp.Column(c.Name)
		if had && !has && !d.tableExt.onlyDrop[rp.QualName()][c.Name] {
			return true
		}
	}
	return false
}

// afterParents returns a child's remote column as its kept parents'
// changes leave it: ALTER COLUMN on a parent (type, default, NOT NULL,
// storage, but not compression) recurses to the children.
func (d *differ) afterParents(old, nw state.Table, oc state.Column) state.Column {
	for _, kp := range d.keptParents(old, nw) {
		rc, ok1 := kp[0].Column(oc.Name)
		dc, ok2 := kp[1].Column(oc.Name)
		if !ok1 || !ok2 {
			continue
		}
		if rc.Type != dc.Type || rc.Collation != dc.Collation {
			oc.Type, oc.Collation = dc.Type, dc.Collation
		}
		if rc.Default != dc.Default && oc.Identity == "" && oc.Generated == "" {
			oc.Default = dc.Default
		}
		if rc.NotNull != dc.NotNull {
			oc.NotNull = dc.NotNull
		}
		if rc.Storage != dc.Storage {
			oc.Storage = dc.Storage
		}
		// SET COMPRESSION, alone, does not recurse.
		if rc.Generated != dc.Generated {
			oc.Generated = dc.Generated
		}
	}
	return oc
}

// inheritableChecks returns the CHECK constraints children of t get: its
// own but NO INHERIT ones, and those it gets itself from its parents in s.
func inheritableChecks(s state.DatabaseSchema, t state.Table) []state.Constraint {
	var out []state.Constraint
	for _, c := range t.Constraints {
		if c.Kind == state.ConstraintCheck && !strings.HasSuffix(c.Definition, " NO INHERIT") {
			out = append(out, c)
		}
	}
	for _, q := range t.Parents() {
		if p, ok := s.Table(q); ok {
			out = append(out, inheritableChecks(s, p)...)
		}
	}
	return out
}

// parentChecks returns the inheritable CHECK constraints of the parents
// of t in s, by name.
func parentChecks(s state.DatabaseSchema, t state.Table) map[string]state.Constraint {
	out := map[string]state.Constraint{}
	for _, q := range t.Parents() {
		if p, ok := s.Table(q); ok {
			for _, c := range inheritableChecks(s, p) {
				out[c.Name] = c
			}
		}
	}
	return out
}

// tableRelations plans a table's partition and inheritance changes and
// returns old with the constraints it will hold once it leaves a parent:
// the parent's CHECK constraints stay on a detached child as its own.
func (d *differ) tableRelations(old, nw state.Table) state.Table {
	q := nw.QualName()
	key := tableKey(q)
	var left, joined []state.QualName
	detach, attach := false, false
	if old.PartitionOf != nil && (nw.PartitionOf == nil || *nw.PartitionOf != *old.PartitionOf || nw.PartitionBound != old.PartitionBound) {
		detach = true
		left = append(left, *old.PartitionOf)
	}
	if nw.PartitionOf != nil && (old.PartitionOf == nil || detach) {
		attach = true
		joined = append(joined, *nw.PartitionOf)
	}
	for _, p := range old.Inherits {
		if !containsName(nw.Inherits, p) {
			left = append(left, p)
		}
	}
	for _, p := range nw.Inherits {
		if !containsName(old.Inherits, p) {
			joined = append(joined, p)
		}
	}
	for _, p := range left {
		if detach && p == *old.PartitionOf {
			d.add(phaseDetach, key, ActionAlter, sqlgen.DetachPartition(p, q))
		} else {
			d.add(phaseDetach, key, ActionAlter, sqlgen.NoInherit(q, p))
		}
		old = d.detachedCopies(old, nw, p)
	}
	if len(joined) == 0 {
		return old
	}
	// PostgreSQL refuses ATTACH PARTITION and INHERIT unless the table
	// already has its new parents' CHECK constraints; they merge with the
	// parents' and are the parents' from then on.
	have := map[string]bool{}
	for _, c := range old.Constraints {
		have[c.Name] = true
	}
	for _, p := range joined {
		pt, ok := d.to.Table(p)
		if !ok {
			continue
		}
		for _, c := range inheritableChecks(d.to, pt) {
			if have[c.Name] {
				continue
			}
			have[c.Name] = true
			if own, ok := findConstraint(nw, c.Name); ok && own.Kind == c.Kind {
				// The table's own spelling of the same constraint.
				c = own
			}
			d.add(phaseAttach, memberKey(state.KindConstraint, q, c.Name), ActionCreate, sqlgen.AddConstraint(nw, c),
				NewHazard(AddsConstraint, c.Name, q))
			old.Constraints = append(append([]state.Constraint(nil), old.Constraints...), c)
		}
		if attach && p == *nw.PartitionOf {
			d.add(phaseAttach, key, ActionAlter, sqlgen.AttachPartition(p, q, nw.PartitionBound),
				NewHazard(AttachesPartition, q, p))
		} else {
			d.add(phaseAttach, key, ActionAlter, sqlgen.Inherit(q, p))
		}
	}
	return old
}

// detachedCopies adds to old the CHECK constraints that the parent p gives
// it and that stay on it, as its own, once it leaves p. Those the desired
// table declares the same way, or gets again from a new parent, are kept;
// the others are dropped right after the table leaves.
func (d *differ) detachedCopies(old, nw state.Table, p state.QualName) state.Table {
	pt, ok := d.from.Table(p)
	if !ok {
		return old
	}
	q := old.QualName()
	keepsParent := parentChecks(d.to, nw)
	for _, c := range inheritableChecks(d.from, pt) {
		if _, exists := findConstraint(old, c.Name); exists {
			continue
		}
		_, stillInherited := keepsParent[c.Name]
		if w, ok := findConstraint(nw, c.Name); stillInherited || ok && w.Definition == c.Definition {
			old.Constraints = append(append([]state.Constraint(nil), old.Constraints...), c)
			continue
		}
		d.add(phaseDropColumn, memberKey(state.KindConstraint, q, c.Name), ActionDrop, sqlgen.DropConstraint(q, c.Name))
	}
	return old
}

func containsName(list []state.QualName, q state.QualName) bool {
	for _, x := range list {
		if x == q {
			return true
		}
	}
	return false
}

// tableProps plans storage parameters, tablespace and replica identity of
// a table on both sides.
func (d *differ) tableProps(old, nw state.Table) {
	q := nw.QualName()
	key := tableKey(q)
	if reset, set := optionChanges(old.Options, nw.Options); len(reset) > 0 || len(set) > 0 {
		if len(reset) > 0 {
			d.add(phaseTableProps, key, ActionAlter, sqlgen.ResetOptions(q, reset))
		}
		if len(set) > 0 {
			d.add(phaseTableProps, key, ActionAlter, sqlgen.SetOptions(q, set))
		}
	}
	if old.Tablespace != nw.Tablespace {
		d.add(phaseTableProps, key, ActionAlter, sqlgen.SetTablespace(q, nw.Tablespace),
			NewHazard(MovesTablespace, q))
	}
	if old.AccessMethod != nw.AccessMethod {
		d.add(phaseTableProps, key, ActionAlter, sqlgen.SetAccessMethod(q, nw.AccessMethod),
			NewHazard(ChangesTableAccessMethod, q))
	}
	if old.ReplicaIdentity != nw.ReplicaIdentity {
		d.add(phaseTableProps, key, ActionAlter, sqlgen.ReplicaIdentity(q, nw.ReplicaIdentity))
	}
	d.clusterOn(old, nw)
}

// createTableExtras plans what a new table needs beyond CREATE TABLE:
// the storage of its own columns, what its inherited columns do
// differently from its parents' (after the parents' own changes), and its
// replica identity once its indexes exist.
func (d *differ) createTableExtras(t state.Table) {
	q := t.QualName()
	key := tableKey(q)
	parents := sqlgen.ParentTables(d.to, t)
	var remoteParents []state.Table
	for _, p := range parents {
		if rp, ok := d.from.Table(p.QualName()); ok && !d.tableExt.recreated[p.QualName()] {
			remoteParents = append(remoteParents, rp)
		}
	}
	for _, c := range t.Columns {
		if c.Inherited {
			inh, _ := state.InheritedColumn(parents, c.Name)
			// The table is created before its parents' columns change
			// and copies them as they are; the changes then reach it,
			// but for compression.
			if rc, ok := state.InheritedColumn(remoteParents, c.Name); ok {
				inh.Compression = rc.Compression
			}
			for _, stmt := range sqlgen.InheritedColumnChanges(q, inh, c) {
				d.add(phaseAttach, memberKey(state.KindColumn, q, c.Name), ActionAlter, stmt)
			}
		} else if c.Storage != "" {
			d.add(phaseCreateTable, memberKey(state.KindColumn, q, c.Name), ActionAlter, sqlgen.SetStorage(q, c))
		}
		if sqlgen.LosesParentDefault(parents, c) || sqlgen.LosesParentDefault(remoteParents, c) {
			// After the parents' own changes, which reach the child.
			d.add(phaseAttach, memberKey(state.KindColumn, q, c.Name), ActionAlter, sqlgen.DropDefault(q, c.Name))
		}
	}
	if t.ReplicaIdentity != "" {
		d.add(phaseTableProps, key, ActionAlter, sqlgen.ReplicaIdentity(q, t.ReplicaIdentity))
	}
}
