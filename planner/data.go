package planner

import (
	"fmt"
	"slices"

	"github.com/renovate-pg/renovate/state"
)

// TableData is the row changes of one data table, as the data diff
// (internal/engine's data.go) wrote them: statements ready to run.
type TableData struct {
	Table state.QualName
	// Deletes, Updates and Inserts are statements; Deletes remove
	// DeletedRows rows, Inserts add InsertedRows.
	Deletes, Updates, Inserts []string
	DeletedRows, InsertedRows int
	// Sequences move serial key columns' sequences past inserted ids.
	Sequences []string
	// InsertsFirst runs Inserts before Updates: the updates give new rows
	// their references to other new rows of the same table.
	InsertsFirst bool
	// LateDeletes runs Deletes after every table's inserts and updates:
	// a kept row refers to a deleted one until an update moves it.
	LateDeletes bool
	// Old and New are the changed rows' data file lines before and after,
	// for the per-object diff.
	Old, New string
	// FillsColumns are new columns of the table to which the updates give
	// every existing row a value: the table's rows are all data rows (no
	// where), so a NOT NULL column needs no other data migration.
	FillsColumns []string
}

// dataFills reports whether the data changes give column col of table q
// a value on every existing row.
func (d *differ) dataFills(q state.QualName, col string) bool {
	for _, t := range d.opts.Data {
		if t.Table == q && slices.Contains(t.FillsColumns, col) {
			return true
		}
	}
	return false
}

// dataKey is the object of a data table's row changes.
func dataKey(q state.QualName) state.ObjectKey {
	return state.ObjectKey{Kind: state.KindData, Schema: q.Schema, Name: q.Name}
}

// data adds the row changes of Options.Data, given in an order where a
// table comes after those it references: deletes right after renames,
// before any DDL could break them (children first), or, when a kept row
// refers to a deleted one until an update moves it, after all inserts and
// updates; updates then inserts
// once every object exists (parents first: an insert finds the rows it
// references; a table referring to itself inserts first, then updates),
// and sequence moves after them.
func (d *differ) data() {
	tables := d.opts.Data
	for i := len(tables) - 1; i >= 0; i-- {
		t := tables[i]
		ph := phaseDataDelete
		if t.LateDeletes {
			ph = phaseDataLateDelete
		}
		for _, sql := range t.Deletes {
			d.add(ph, dataKey(t.Table), ActionDelete, sql, Hazard{
				Kind:    HazardDeletesData,
				Message: fmt.Sprintf("deletes rows of data table %s that are not in its data file (%d in all)", t.Table, t.DeletedRows),
			})
		}
	}
	for _, t := range tables {
		key := dataKey(t.Table)
		if t.Old != "" || t.New != "" {
			d.change(key, ActionAlter, t.Old, t.New)
		}
		if t.InsertsFirst {
			for _, sql := range t.Inserts {
				d.add(phaseData, key, ActionInsert, sql)
			}
		}
		for _, sql := range t.Updates {
			d.add(phaseData, key, ActionUpdate, sql)
		}
		if !t.InsertsFirst {
			for _, sql := range t.Inserts {
				d.add(phaseData, key, ActionInsert, sql)
			}
		}
		for _, sql := range t.Sequences {
			d.add(phaseData, key, ActionAlter, sql)
		}
	}
}
