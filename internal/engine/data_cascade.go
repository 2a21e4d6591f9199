package engine

import (
	"context"
	"slices"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/rows"
)

// tableDeletes are the rows a plan deletes from one data table.
type tableDeletes struct {
	shape *rows.Shape
	rows  []rows.Row
	// late: the deletes run after every update (LateDeletes).
	late bool
	// moved select the table's rows whose references the plan's updates
	// change.
	moved []string
}

// dataCascades fills the Cascades of each delete statement of out (in
// the order of dels): the rows of other tables that the foreign keys'
// ON DELETE CASCADE, SET NULL or SET DEFAULT reach, counted in tx (the
// current database; nil when there is none). Rows the plan deletes from
// data tables itself are not counted as reached.
func dataCascades(ctx context.Context, dels []tableDeletes, out []planner.TableData, g catalog.CascadeGraph, tx *catalog.DataTx) error {
	if len(g) == 0 {
		return nil
	}
	// The condition of each delete statement, in the batches tableData
	// cut.
	conds := make([][]string, len(dels))
	exclude := map[state.QualName][]string{}
	for i, d := range dels {
		for start := 0; start < len(d.rows); start += dataBatch {
			c := d.shape.DeleteCondition(d.rows[start:min(start+dataBatch, len(d.rows))])
			conds[i] = append(conds[i], c)
			exclude[d.shape.Table] = append(exclude[d.shape.Table], c)
		}
	}
	// Deletes that run after the updates do not reach the rows the
	// updates moved elsewhere (a city moving to a new country).
	lateExclude := map[state.QualName][]string{}
	for q, cs := range exclude {
		lateExclude[q] = slices.Clone(cs)
	}
	for _, d := range dels {
		lateExclude[d.shape.Table] = append(lateExclude[d.shape.Table], d.moved...)
	}
	for i, d := range dels {
		if len(conds[i]) == 0 {
			continue
		}
		ex := exclude
		if d.late {
			ex = lateExclude
		}
		td := &out[i]
		td.DeleteCascades = make([][]planner.Cascade, len(conds[i]))
		for j, c := range conds[i] {
			cs, err := tx.Cascades(ctx, g, d.shape.Table, c, ex)
			if err != nil {
				return err
			}
			for _, x := range cs {
				td.DeleteCascades[j] = append(td.DeleteCascades[j], planner.Cascade{Table: x.Table, Action: x.Action, Rows: x.Rows, AtLeast: x.AtLeast})
			}
		}
	}
	return nil
}
