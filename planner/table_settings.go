package planner

import (
	"reflect"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// This file plans the settings PostgreSQL keeps beside definitions: the
// index a table is clustered on, columns' statistics targets and
// attribute options, statistics targets of index expression columns,
// comments on constraints' indexes and views' column defaults. A setting
// lives on its object, so an object that is created (or recreated) in the
// plan gets its settings again right after.

// optionChanges returns the option names to RESET and the options to SET
// that turn old into nw, where both are storage parameter or attribute
// option lists ("name=value"). Nothing when they hold the same options in
// any order: the order means nothing to PostgreSQL. Otherwise the result
// leaves the options in nw's order, as a database built from the files
// has them: PostgreSQL keeps the options a SET does not name in place and
// appends the ones it names, so the options of nw that follow the longest
// prefix it shares with old are set again.
func optionChanges(old, nw []string) (reset, set []string) {
	if sameOptions(old, nw) {
		return nil, nil
	}
	reset, set = optionPartChanges(withoutToast(old), withoutToast(nw))
	r2, s2 := optionPartChanges(toastOnly(old), toastOnly(nw))
	return append(reset, r2...), append(set, s2...)
}

// optionPartChanges is optionChanges for options kept in one array (a
// table's own, or its toast table's).
func optionPartChanges(old, nw []string) (reset, set []string) {
	want := map[string]bool{}
	for _, o := range nw {
		want[optionNameOf(o)] = true
	}
	var kept []string
	for _, o := range old {
		if want[optionNameOf(o)] {
			kept = append(kept, o)
		} else {
			reset = append(reset, optionNameOf(o))
		}
	}
	k := 0
	for k < len(kept) && k < len(nw) && kept[k] == nw[k] {
		k++
	}
	return reset, append([]string(nil), nw[k:]...)
}

func optionNameOf(o string) string {
	name, _, _ := strings.Cut(o, "=")
	return name
}

func withoutToast(opts []string) []string {
	var out []string
	for _, o := range opts {
		if !strings.HasPrefix(o, "toast.") {
			out = append(out, o)
		}
	}
	return out
}

func toastOnly(opts []string) []string {
	var out []string
	for _, o := range opts {
		if strings.HasPrefix(o, "toast.") {
			out = append(out, o)
		}
	}
	return out
}

// sameOptions reports whether two option lists hold the same options,
// in any order.
func sameOptions(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	have := map[string]int{}
	for _, o := range a {
		have[o]++
	}
	for _, o := range b {
		if have[o] == 0 {
			return false
		}
		have[o]--
	}
	return true
}

// adoptOptionOrder returns nw with the order of old's storage parameters
// and of its columns' attribute options where they hold the same options:
// an order alone is never a change.
func adoptOptionOrder(old, nw state.Table) state.Table {
	if sameOptions(old.Options, nw.Options) {
		nw.Options = old.Options
	}
	var cols []state.Column
	for i, c := range nw.Columns {
		oc, ok := old.Column(c.Name)
		if !ok || reflect.DeepEqual(oc.Options, c.Options) || !sameOptions(oc.Options, c.Options) {
			continue
		}
		if cols == nil {
			cols = append([]state.Column(nil), nw.Columns...)
		}
		cols[i].Options = oc.Options
	}
	if cols != nil {
		nw.Columns = cols
	}
	return nw
}

// columnSettings plans the statistics target and attribute options of a
// column that is kept.
func (d *differ) columnSettings(q state.QualName, old, nw state.Column) {
	key := memberKey(state.KindColumn, q, nw.Name)
	if !sameStatistics(old.Statistics, nw.Statistics) {
		d.add(phaseAlterColumn, key, ActionAlter, sqlgen.SetStatistics(q, nw.Name, nw.Statistics))
	}
	reset, set := optionChanges(old.Options, nw.Options)
	if len(reset) > 0 {
		d.add(phaseAlterColumn, key, ActionAlter, sqlgen.ResetColumnOptions(q, nw.Name, reset))
	}
	if len(set) > 0 {
		d.add(phaseAlterColumn, key, ActionAlter, sqlgen.SetColumnOptions(q, nw.Name, set))
	}
}

// newColumnSettings plans the settings of a column the plan creates.
func (d *differ) newColumnSettings(q state.QualName, c state.Column) {
	if s := sqlgen.ColumnSettings(q, c); s != "" {
		d.add(phaseAlterColumn, memberKey(state.KindColumn, q, c.Name), ActionAlter, s)
	}
}

func sameStatistics(a, b *int) bool {
	return a == nil && b == nil || a != nil && b != nil && *a == *b
}

// indexStatistics plans the statistics targets of an index that is kept.
func (d *differ) indexStatistics(q state.QualName, old, nw state.Index) {
	if reflect.DeepEqual(old.Statistics, nw.Statistics) {
		return
	}
	key := memberKey(state.KindIndex, q, nw.Name)
	targets := map[int]int{}
	for _, s := range old.Statistics {
		targets[s.Column] = -1
	}
	for _, s := range nw.Statistics {
		targets[s.Column] = s.Target
	}
	for _, s := range old.Statistics {
		if targets[s.Column] == -1 {
			d.add(phaseCreateIndex, key, ActionAlter, sqlgen.SetIndexStatistics(q.Schema, nw.Name, s.Column, -1))
		}
	}
	for _, s := range nw.Statistics {
		if !containsStatistics(old.Statistics, s) {
			d.add(phaseCreateIndex, key, ActionAlter, sqlgen.SetIndexStatistics(q.Schema, nw.Name, s.Column, s.Target))
		}
	}
}

func containsStatistics(list []state.IndexStatistics, s state.IndexStatistics) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// columnTypeChanged reports whether a column of the table changes its type
// or collation, which rebuilds the table's indexes.
func columnTypeChanged(old, nw state.Table) bool {
	for _, c := range nw.Columns {
		if oc, ok := old.Column(c.Name); ok && (oc.Type != c.Type || oc.Collation != c.Collation) {
			return true
		}
	}
	return false
}

// newIndexSettings plans the statistics targets of an index the plan
// creates.
func (d *differ) newIndexSettings(q state.QualName, ix state.Index) {
	if s := sqlgen.IndexSettings(q.Schema, ix); s != "" {
		d.add(phaseCreateIndex, memberKey(state.KindIndex, q, ix.Name), ActionAlter, s)
	}
}

// clusterOn plans the index a table is clustered on. A recreated index
// (or constraint) loses the mark, so it is set again.
func (d *differ) clusterOn(old, nw state.Table) {
	q := nw.QualName()
	switch {
	case nw.ClusterOn == "":
		if old.ClusterOn != "" {
			d.add(phaseTableProps, tableKey(q), ActionAlter, sqlgen.ClusterOn(q, ""))
		}
	case nw.ClusterOn != old.ClusterOn || indexRecreated(old, nw, nw.ClusterOn):
		d.add(phaseTableProps, tableKey(q), ActionAlter, sqlgen.ClusterOn(q, nw.ClusterOn))
	}
}

// matviewClusterOn plans the index a materialized view that is kept is
// clustered on, set again when that index is recreated.
func (d *differ) matviewClusterOn(old, nw state.View) {
	q := nw.QualName()
	recreated := false
	for _, ix := range nw.Indexes {
		if ix.Name != nw.ClusterOn {
			continue
		}
		recreated = true
		for _, ox := range old.Indexes {
			if ox.Name == ix.Name && ox.Definition == ix.Definition {
				recreated = false
			}
		}
	}
	switch {
	case nw.ClusterOn == "" && old.ClusterOn != "":
		d.add(phaseCreateView, nw.Key(), ActionAlter, sqlgen.MatviewClusterOn(q, ""))
	case nw.ClusterOn != "" && (nw.ClusterOn != old.ClusterOn || recreated):
		d.add(phaseCreateView, nw.Key(), ActionAlter, sqlgen.MatviewClusterOn(q, nw.ClusterOn))
	}
}

// indexRecreated reports whether the index called name (an index or a
// constraint's) is created or recreated by the plan.
func indexRecreated(old, nw state.Table, name string) bool {
	for _, ix := range nw.Indexes {
		if ix.Name == name {
			for _, ox := range old.Indexes {
				if ox.Name == name {
					return ox.Definition != ix.Definition
				}
			}
			return true
		}
	}
	c, ok := findConstraint(nw, name)
	if !ok {
		return false
	}
	oc, ok := findConstraint(old, name)
	return !ok || oc.Definition != c.Definition || oc.Kind != c.Kind || c.NotValid && !oc.NotValid
}

// newTableSettings plans the settings of a table the plan creates: its
// columns', its indexes' and its cluster index.
func (d *differ) newTableSettings(t state.Table) {
	q := t.QualName()
	for _, c := range t.Columns {
		d.newColumnSettings(q, c)
	}
	for _, ix := range t.Indexes {
		d.newIndexSettings(q, ix)
	}
	if t.ClusterOn != "" {
		d.add(phaseTableProps, tableKey(q), ActionAlter, sqlgen.ClusterOn(q, t.ClusterOn))
	}
}

// constraintIndexComment plans the comment on a constraint's index; old is
// nil when the constraint is created (or recreated).
func (d *differ) constraintIndexComment(q state.QualName, old *state.Constraint, c state.Constraint) {
	if old == nil && c.IndexComment == "" || old != nil && old.IndexComment == c.IndexComment {
		return
	}
	d.add(phaseComment, memberKey(state.KindIndex, q, c.Name), ActionAlter,
		sqlgen.Comment("INDEX", sqlgen.QualifiedName(q.Schema, c.Name), c.IndexComment))
}

// viewColumnDefaults plans the column defaults of a view; old is nil when
// the view is created (or recreated).
func (d *differ) viewColumnDefaults(old *state.View, nw state.View) {
	if nw.Materialized {
		return
	}
	q := nw.QualName()
	var before map[string]string
	if old != nil {
		before = old.ColumnDefaults
	}
	names := map[string]bool{}
	for c := range before {
		names[c] = true
	}
	for c := range nw.ColumnDefaults {
		names[c] = true
	}
	for _, c := range sortedColumnNames(names) {
		if before[c] != nw.ColumnDefaults[c] {
			d.add(phaseCreateView, memberKey(state.KindColumn, q, c), ActionAlter, sqlgen.ViewColumnDefault(q, c, nw.ColumnDefaults[c]))
		}
	}
}
