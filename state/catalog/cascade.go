package catalog

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/rows"
)

// Cascade is what deleting rows of a table does to the rows of another
// table through a foreign key's ON DELETE action (CASCADE, SET NULL or
// SET DEFAULT), directly or through rows deleted in turn.
type Cascade struct {
	Table state.QualName
	// Action is the ON DELETE action: "CASCADE" (the rows are deleted),
	// "SET NULL" or "SET DEFAULT" (their references are changed).
	Action string
	// Rows is how many rows of Table it reaches, counted in the
	// database; -1 when not counted (no database to count in, or the
	// table cannot be read).
	Rows int64
	// AtLeast says Rows is a lower bound: a cycle of foreign keys (a
	// tree's rows deleting their children) goes on beyond what was
	// counted.
	AtLeast bool
}

// CascadeGraph are the foreign keys of a schema with an ON DELETE action
// that reaches other rows, by referenced table.
type CascadeGraph map[state.QualName][]cascadeEdge

type cascadeEdge struct {
	child state.QualName
	fk    rows.ForeignKey
}

// NewCascadeGraph collects the foreign keys of m whose ON DELETE action
// is CASCADE, SET NULL or SET DEFAULT.
func NewCascadeGraph(m state.DatabaseSchema) CascadeGraph {
	tables := map[state.QualName]*state.Table{}
	for i := range m.Tables {
		tables[m.Tables[i].QualName()] = &m.Tables[i]
	}
	g := CascadeGraph{}
	for i := range m.Tables {
		t := &m.Tables[i]
		for _, fk := range rows.ForeignKeys(t, tables) {
			switch fk.OnDelete {
			case "CASCADE", "SET NULL", "SET DEFAULT":
				g[fk.Table] = append(g[fk.Table], cascadeEdge{child: t.QualName(), fk: fk})
			}
		}
	}
	return g
}

// maxCascadePaths bounds the foreign-key paths followed from one
// delete; beyond it counts are lower bounds.
const maxCascadePaths = 256

// Cascades finds what deleting the rows of table that satisfy where (a
// condition on its unqualified columns) does to other tables, following
// the graph's ON DELETE actions transitively, and counts the rows
// reached in the transaction's snapshot (uncounted when d is nil).
// exclude holds, per table, conditions selecting rows the plan deletes
// itself before (they are not reached through this delete).
func (d *DataTx) Cascades(ctx context.Context, g CascadeGraph, table state.QualName, where string, exclude map[state.QualName][]string) ([]Cascade, error) {
	type target struct {
		table  state.QualName
		action string
	}
	conds := map[target][]string{}
	partial := map[target]bool{}
	paths := 0
	var walk func(parent state.QualName, parentSet string, onPath map[state.QualName]bool)
	walk = func(parent state.QualName, parentSet string, onPath map[state.QualName]bool) {
		for _, e := range g[parent] {
			tg := target{e.child, e.fk.OnDelete}
			// Back onto the path (a tree deleting its children): the
			// first step is counted, what lies beyond it is not.
			stop := onPath[e.child] || paths >= maxCascadePaths
			paths++
			var refs []string
			for _, c := range e.fk.RefColumns {
				refs = append(refs, "p."+sqlgen.QuoteIdent(c))
			}
			cond := fmt.Sprintf("(%s) IN (SELECT %s FROM (%s) AS p)", strings.Join(quoteIdents(e.fk.Columns), ", "), strings.Join(refs, ", "), parentSet)
			if ex := exclude[e.child]; len(ex) > 0 {
				cond += " AND NOT COALESCE((" + strings.Join(ex, ") OR (") + "), false)"
			}
			conds[tg] = append(conds[tg], cond)
			if e.fk.OnDelete != "CASCADE" {
				continue
			}
			if stop {
				partial[tg] = true
				continue
			}
			{
				next := map[state.QualName]bool{e.child: true}
				for k := range onPath {
					next[k] = true
				}
				walk(e.child, "SELECT * FROM "+sqlgen.Qual(e.child)+" WHERE "+cond, next)
			}
		}
	}
	walk(table, "SELECT * FROM "+sqlgen.Qual(table)+" WHERE "+where, map[state.QualName]bool{table: true})
	var out []Cascade
	for tg, cs := range conds {
		c := Cascade{Table: tg.table, Action: tg.action, Rows: -1, AtLeast: partial[tg]}
		if d != nil && len(cs) > 0 {
			parts := make([]string, len(cs))
			for i, cond := range cs {
				parts[i] = "SELECT tableoid, ctid FROM " + sqlgen.Qual(tg.table) + " WHERE " + cond
			}
			q := "SELECT count(*) FROM (" + strings.Join(parts, "\nUNION\n") + ") AS u"
			n, err := d.count(ctx, q)
			switch {
			case err == nil:
				c.Rows = n
			case ctx.Err() != nil:
				return nil, err
			default:
				// Not readable here (privileges): the table is named,
				// its rows not counted.
				c.Rows = -1
			}
		}
		if c.Rows == 0 {
			continue
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Table != out[j].Table {
			return out[i].Table.String() < out[j].Table.String()
		}
		return out[i].Action < out[j].Action
	})
	return out, nil
}

func quoteIdents(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = sqlgen.QuoteIdent(n)
	}
	return out
}

// count runs a count query under a savepoint, so that a failure (a
// table the role may not read) leaves the snapshot usable.
func (d *DataTx) count(ctx context.Context, q string) (int64, error) {
	if _, err := d.tx.Exec(ctx, "SAVEPOINT cascade_count"); err != nil {
		return 0, err
	}
	var n int64
	if err := d.tx.QueryRow(ctx, q).Scan(&n); err != nil {
		if _, rbErr := d.tx.Exec(ctx, "ROLLBACK TO SAVEPOINT cascade_count"); rbErr != nil {
			return 0, fmt.Errorf("%w (and rolling back: %v)", err, rbErr)
		}
		return 0, err
	}
	_, err := d.tx.Exec(ctx, "RELEASE SAVEPOINT cascade_count")
	return n, err
}
