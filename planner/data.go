package planner

import (
	"fmt"
	"slices"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// Cascade is what a delete of data rows does to another table through an
// ON DELETE action, counted in the database when the plan was made.
type Cascade struct {
	Table state.QualName
	// Action is CASCADE, SET NULL or SET DEFAULT.
	Action string
	// Rows reached; -1 when not counted. AtLeast: a lower bound (a cycle
	// of foreign keys goes on beyond it).
	Rows    int64
	AtLeast bool
}

// String describes the cascade for people: "deletes 1000 rows of
// public.orders (ON DELETE CASCADE)".
func (c Cascade) String() string {
	n := "rows"
	switch {
	case c.Rows < 0:
		n = "rows (not counted: no database to count in, or the table could not be read)"
	case c.AtLeast:
		n = fmt.Sprintf("at least %d rows", c.Rows)
	case c.Rows == 1:
		n = "1 row"
	default:
		n = fmt.Sprintf("%d rows", c.Rows)
	}
	verb := "deletes"
	switch c.Action {
	case "SET NULL":
		verb = "sets to NULL the reference of"
	case "SET DEFAULT":
		verb = "sets to its default the reference of"
	}
	return fmt.Sprintf("%s %s of %s (ON DELETE %s)", verb, n, c.Table, c.Action)
}

// cascadeHazard is the hazard of a delete statement whose rows reach
// others, or nil.
func cascadeHazard(q state.QualName, cs []Cascade) *Hazard {
	if len(cs) == 0 {
		return nil
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.String()
	}
	h := NewHazard(CascadesDeletes, q, strings.Join(parts, "; "))
	return &h
}

// TableData is the row changes of one data table, as the data diff
// (internal/engine's data.go) wrote them: statements ready to run.
type TableData struct {
	Table state.QualName
	// Deletes, Updates and Inserts are statements; Deletes remove
	// DeletedRows rows, Inserts add InsertedRows.
	Deletes, Updates, Inserts []string
	DeletedRows, InsertedRows int
	// DeleteCascades are, for each statement of Deletes, the rows of
	// other tables it reaches through ON DELETE actions (nil when none).
	DeleteCascades [][]Cascade
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
		for j, sql := range t.Deletes {
			hz := []Hazard{NewHazard(DeletesDataRows, t.Table, t.DeletedRows)}
			if j < len(t.DeleteCascades) {
				if h := cascadeHazard(t.Table, t.DeleteCascades[j]); h != nil {
					hz = []Hazard{NewHazard(DeletesDataRowsCascading, t.Table, t.DeletedRows), *h}
				}
			}
			d.add(ph, dataKey(t.Table), ActionDelete, sql, hz...)
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
