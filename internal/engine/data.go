package engine

import (
	"bufio"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
	"github.com/renovate-pg/renovate/state/rows"
)

// Reference data (DESIGN.md §5): the rows of the tables named by data
// blocks are diffed by key, streaming both sides in key order (a data file
// written in key order is read line by line; a database through one
// ordered query), so memory is bounded by the changes, not the tables.
// Values compare as PostgreSQL's text output; where the two spellings
// differ (a hand-written '1.5' for a numeric(10,2) that prints 1.50), the
// database casts the desired spelling to the column's type and prints
// it again before the rows count as changed.

const (
	// dataBatch is how many rows one INSERT or DELETE statement holds.
	dataBatch = 500
	// shownRows caps the rows the per-object diff of a data table shows.
	shownRows = 200
)

// DataSide is where one side of a data diff reads rows: the data files
// under Dir, or the live database Conn.
type DataSide struct {
	Dir  string
	Conn *pgx.Conn
}

// dataInput is what WithData gives Plan.
type dataInput struct {
	tables           []state.DataTable
	desired, current DataSide
}

// WithData makes Plan diff the rows of the data tables too: the desired
// rows from desired, the current ones from the planned database.
func WithData(tables []state.DataTable, desired DataSide) PlanOption {
	return func(s *planSettings) {
		s.data = &dataInput{tables: tables, desired: desired}
	}
}

// WithDataProgress calls report before the rows of each data table are
// compared (i counts from 1 to n).
func WithDataProgress(report func(i, n int, table state.QualName)) PlanOption {
	return func(s *planSettings) { s.dataProgress = report }
}

// withDataSides is WithData with the current rows from current (a
// directory when diffing towards one).
func withDataSides(tables []state.DataTable, desired, current DataSide) PlanOption {
	return func(s *planSettings) {
		s.data = &dataInput{tables: tables, desired: desired, current: current}
	}
}

// DataTables returns the data tables of sc that the scope's filter keeps.
func (sc Scope) DataTables() []state.DataTable {
	var out []state.DataTable
	for _, d := range sc.Data {
		if sc.Filter.InScope(state.ObjectKey{Kind: state.KindTable, Schema: d.Table.Schema, Name: d.Table.Name}) {
			out = append(out, d)
		}
	}
	return out
}

// modelColumns answers catalog.HasColumn from a model: column "" asks
// for the table itself.
func modelColumns(m state.DatabaseSchema) catalog.HasColumn {
	tables := map[state.QualName]*state.Table{}
	for i := range m.Tables {
		tables[m.Tables[i].QualName()] = &m.Tables[i]
	}
	return func(q state.QualName, col string) bool {
		t := tables[q]
		if t == nil {
			return false
		}
		if col == "" {
			return true
		}
		_, ok := t.Column(col)
		return ok
	}
}

// planData diffs the rows of in.tables between the current database (or
// directory) and the desired side, for the data tables as desired
// defines them. cascades are the current database's foreign keys whose
// ON DELETE action reaches other rows: what deleted rows reach through
// them is counted in the current database.
//
// With tw, the tables with a three-way policy keep only the changes their
// policy applies (threeway.go); conflicts under on_conflict = "fail" make
// it a *ConflictError once every table is compared.
//
// digests are the digests (catalog.Digest) of the current rows of the
// tables read from the plan's database, computed from the rows the diff
// read (planFingerprint takes them).
func planData(ctx context.Context, conn *pgx.Conn, current, desired state.DatabaseSchema, in dataInput, report func(i, n int, table state.QualName), cascades catalog.CascadeGraph, tw *threeWayInput) (_ []planner.TableData, digests map[state.QualName]string, _ error) {
	if len(in.tables) == 0 {
		return nil, nil, nil
	}
	shapes, err := rows.NewShapes(desired, in.tables)
	if err != nil {
		return nil, nil, err
	}
	ignored := map[state.QualName][]string{}
	for _, d := range in.tables {
		ignored[d.Table] = d.IgnoreColumns
	}
	// The canonicalization queries run on the plan's connection: the
	// current database, or the desired one when diffing towards a
	// directory.
	dtx, err := catalog.BeginData(ctx, conn)
	if err != nil {
		return nil, nil, err
	}
	defer dtx.Close(ctx)
	var opened []*catalog.DataTx
	defer func() {
		for _, tx := range opened {
			tx.Close(ctx)
		}
	}()
	// Each side reads its rows in its own snapshot: the plan's, or one
	// on the other database of a diff between two.
	txFor := func(c *pgx.Conn) (*catalog.DataTx, error) {
		if c == nil || c == conn {
			return dtx, nil
		}
		tx, err := catalog.BeginData(ctx, c)
		if err != nil {
			return nil, err
		}
		opened = append(opened, tx)
		return tx, nil
	}
	desTx, err := txFor(in.desired.Conn)
	if err != nil {
		return nil, nil, err
	}
	curTx, err := txFor(in.current.Conn)
	if err != nil {
		return nil, nil, err
	}
	type planned struct {
		tp  *tablePlan
		res *diffResult
	}
	var all []planned
	var failed []DataConflict
	for i, s := range shapes {
		if report != nil {
			report(i+1, len(shapes), s.Table)
		}
		tp := &tablePlan{
			shape: s, canon: dtx,
			curTx: curTx, curDir: in.current.Dir, curHas: modelColumns(current),
			desTx: desTx, desDir: in.desired.Dir, desHas: modelColumns(desired),
		}
		tp.unknown, tp.force = unknownColumns(s, current, desired)
		if ct, ok := current.Table(s.Table); ok && in.current.Dir == "" && curTx == dtx {
			tp.digestCols = catalog.DigestColumns(&ct, ignored[s.Table])
		}
		res, err := tp.plan(ctx)
		if err != nil {
			return nil, nil, err
		}
		if tp.digest != "" {
			if digests == nil {
				digests = map[state.QualName]string{}
			}
			digests[s.Table] = tp.digest
		}
		if res != nil && tw != nil && tw.policies[s.Table].ThreeWay() {
			var cs []DataConflict
			res, cs = tp.threeWay(res, tw)
			for _, c := range cs {
				if tw.conflicts != nil {
					*tw.conflicts = append(*tw.conflicts, c)
				}
				if c.Resolution == "fail" {
					failed = append(failed, c)
				}
			}
			if len(res.inserts)+len(res.deletes)+len(res.updates) == 0 {
				res = nil
			}
		}
		if res != nil {
			all = append(all, planned{tp, res})
		}
	}
	if len(failed) > 0 {
		return nil, nil, &ConflictError{Conflicts: failed}
	}
	// A deleted row that a kept row refers to until an update moves it
	// elsewhere (a city moving to a new country, a category to a new
	// parent) is deleted after the updates, not before them.
	deleted := map[state.QualName]map[string]bool{}
	for _, p := range all {
		for _, r := range p.res.deletes {
			if deleted[p.tp.shape.Table] == nil {
				deleted[p.tp.shape.Table] = map[string]bool{}
			}
			deleted[p.tp.shape.Table][keyText(p.tp.shape, r)] = true
		}
	}
	late := map[state.QualName]bool{}
	for _, p := range all {
		s := p.tp.shape
		for _, u := range p.res.updates {
			for _, ci := range u.Cols {
				c := s.Columns[ci]
				if c.Ref == nil || deleted[c.Ref.Table] == nil {
					continue
				}
				if deleted[c.Ref.Table][valuesText(u.Old.Vals[c.Off:c.Off+c.Width()])] {
					late[c.Ref.Table] = true
				}
			}
		}
	}
	out := make([]planner.TableData, 0, len(all))
	for _, p := range all {
		td := p.tp.tableData(p.res)
		td.LateDeletes = late[p.tp.shape.Table]
		out = append(out, *td)
	}
	dels := make([]tableDeletes, len(all))
	for i, p := range all {
		dels[i] = tableDeletes{shape: p.tp.shape, rows: p.res.deletes, late: late[p.tp.shape.Table]}
		for _, u := range p.res.updates {
			for _, ci := range u.Cols {
				if p.tp.shape.Columns[ci].Ref != nil {
					var b strings.Builder
					p.tp.shape.WhereKey(&b, *u.New)
					dels[i].moved = append(dels[i].moved, b.String())
					break
				}
			}
		}
	}
	counter := curTx
	if in.current.Dir != "" {
		counter = nil // the current side is files: nothing to count in
	}
	if err := dataCascades(ctx, dels, out, cascades, counter); err != nil {
		return nil, nil, err
	}
	return out, digests, nil
}

// unknownColumns marks the data columns the current table lacks (the plan
// adds them), and among those the ones whose new default would not be
// the desired NULL: updates set them on every row.
func unknownColumns(s *rows.Shape, current, desired state.DatabaseSchema) (unknown, force []bool) {
	ct, ok := current.Table(s.Table)
	if !ok {
		return nil, nil
	}
	dt, _ := desired.Table(s.Table)
	unknown = make([]bool, len(s.Columns))
	force = make([]bool, len(s.Columns))
	any := false
	for i, c := range s.Columns {
		if _, has := ct.Column(c.Name); has {
			continue
		}
		unknown[i], any = true, true
		if dc, ok := dt.Column(c.Name); ok && (dc.Default != "" || dc.Identity != "") {
			force[i] = true
		}
	}
	if !any {
		return nil, nil
	}
	return unknown, force
}

// tablePlan diffs one data table.
type tablePlan struct {
	shape *rows.Shape
	// canon prints values the way the database does.
	canon *catalog.DataTx
	// The current and desired sides: a database snapshot or a directory.
	curTx          *catalog.DataTx
	curDir         string
	curHas         catalog.HasColumn
	desTx          *catalog.DataTx
	desDir         string
	desHas         catalog.HasColumn
	unknown, force []bool
	// sorted is set once a data file turned out not to be in key order:
	// files are then read whole and sorted.
	sorted bool
	// digestCols, when set, are the columns of the digest of the current
	// rows (catalog.DigestColumns) that the read of the current side
	// computes into digest.
	digestCols []string
	digest     string
}

// side opens one side's rows in key order. With digest, the rows read
// from a database also compute the digest of those columns (db returns
// it once read).
func (tp *tablePlan) side(ctx context.Context, tx *catalog.DataTx, dir string, has catalog.HasColumn, digest []string) (_ rows.Iter, closeIt func(), db *catalog.RowIter, _ error) {
	s := tp.shape
	if dir != "" {
		rel := layout.DataPath(s.Table)
		path := filepath.Join(dir, filepath.FromSlash(rel))
		f, err := os.Open(path)
		if errors.Is(err, os.ErrNotExist) {
			return nil, nil, nil, fmt.Errorf("%s: the data file of %s is missing (renovate.hcl has a data block for it): run renovate fetch to write it from the database, or create it", rel, s.Table)
		}
		if err != nil {
			return nil, nil, nil, fmt.Errorf("reading %s: %w", rel, err)
		}
		r := rows.NewReader(f, rel, s)
		if tp.sorted {
			all, err := rows.ReadSorted(r, s, rel)
			f.Close()
			if err != nil {
				return nil, nil, nil, err
			}
			return &rows.SliceIter{Rows: all}, func() {}, nil, nil
		}
		// The file is parsed in its own goroutine, ahead of the merge.
		it, stop := rows.Prefetch(rows.Ordered(r, s, rel))
		return it, func() { stop(); f.Close() }, nil, nil
	}
	it, err := tx.RowsDigest(ctx, s, has, digest)
	if err != nil {
		return nil, nil, nil, err
	}
	// The rows are received and decoded in their own goroutine too,
	// ahead of the merge.
	pit, stop := rows.Prefetch(it)
	return &dbOrder{rows.Ordered(pit, s, "table "+s.Table.String()), s.Table}, func() { stop(); it.Close() }, it, nil
}

// dbOrder turns rows.ErrUnsorted from a database into an error: the
// query orders by key, so it means Compare and ORDER BY disagree.
type dbOrder struct {
	it    rows.Iter
	table state.QualName
}

func (d *dbOrder) Next() (rows.Row, error) {
	r, err := d.it.Next()
	if errors.Is(err, rows.ErrUnsorted) {
		return r, fmt.Errorf("the rows of %s came out of key order from the database (please report this)", d.table)
	}
	return r, err
}

// diffResult is what the merge found.
type diffResult struct {
	inserts, deletes []rows.Row
	updates          []rows.Change
}

func (tp *tablePlan) merge(ctx context.Context) (*diffResult, error) {
	var res diffResult
	var cur, des rows.Iter
	var closeCur, closeDes func()
	var curDB *catalog.RowIter
	var err error
	if tp.curHas(tp.shape.Table, "") || tp.curDir != "" {
		if cur, closeCur, curDB, err = tp.side(ctx, tp.curTx, tp.curDir, tp.curHas, tp.digestCols); err != nil {
			return nil, err
		}
		defer closeCur()
	} else {
		cur = &rows.SliceIter{}
	}
	if des, closeDes, _, err = tp.side(ctx, tp.desTx, tp.desDir, tp.desHas, nil); err != nil {
		return nil, err
	}
	defer closeDes()
	err = rows.Merge(tp.shape, cur, des, tp.unknown, tp.force, func(c rows.Change) error {
		switch {
		case c.Old == nil:
			res.inserts = append(res.inserts, *c.New)
		case c.New == nil:
			res.deletes = append(res.deletes, *c.Old)
		default:
			res.updates = append(res.updates, c)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if curDB != nil && tp.digestCols != nil {
		// Merge read the current rows to the end.
		if d, ok := curDB.Digest(); ok {
			tp.digest = d
		}
	}
	return &res, nil
}

func (tp *tablePlan) plan(ctx context.Context) (*diffResult, error) {
	res, err := tp.merge(ctx)
	if errors.Is(err, rows.ErrUnsorted) {
		tp.sorted = true
		res, err = tp.merge(ctx)
	}
	if err != nil {
		return nil, err
	}
	if len(res.inserts)+len(res.deletes)+len(res.updates) == 0 {
		return nil, nil
	}
	if err := tp.canonicalize(ctx, res); err != nil {
		return nil, err
	}
	if len(res.inserts)+len(res.deletes)+len(res.updates) == 0 {
		return nil, nil
	}
	return res, nil
}

// valueTypes lists the type of each value of a row.
func valueTypes(s *rows.Shape) []string {
	out := make([]string, 0, s.Width)
	for _, c := range s.Columns {
		if c.Ref == nil {
			out = append(out, c.Type)
		} else {
			out = append(out, c.Ref.KeyTypes...)
		}
	}
	return out
}

// canonicalize drops the differences that are only spelling: it pairs
// inserted and deleted rows whose keys are the same value, and keeps an
// update's column only when the values differ once the database prints
// the desired one.
func (tp *tablePlan) canonicalize(ctx context.Context, res *diffResult) error {
	s := tp.shape
	types := valueTypes(s)
	if len(res.inserts) > 0 && len(res.deletes) > 0 {
		keyed := make([]rows.Row, len(res.inserts))
		for i, r := range res.inserts {
			keyed[i] = rows.Row{Vals: append([]rows.Value(nil), r.Vals...)}
		}
		for _, k := range s.Key {
			c := s.Columns[k]
			for j := 0; j < c.Width(); j++ {
				if err := tp.canonicalColumn(ctx, types[c.Off+j], keyed, c.Off+j); err != nil {
					return err
				}
			}
		}
		byKey := map[string]int{}
		for i, r := range res.deletes {
			byKey[keyText(s, r)] = i
		}
		paired := map[int]bool{}
		var inserts []rows.Row
		for i, r := range keyed {
			j, ok := byKey[keyText(s, r)]
			if !ok || paired[j] {
				inserts = append(inserts, res.inserts[i])
				continue
			}
			paired[j] = true
			old, nw := res.deletes[j], res.inserts[i]
			res.updates = append(res.updates, rows.Change{Old: &old, New: &nw, Cols: allColumns(s)})
		}
		res.inserts = inserts
		var deletes []rows.Row
		for i, r := range res.deletes {
			if !paired[i] {
				deletes = append(deletes, r)
			}
		}
		res.deletes = deletes
	}
	if len(res.updates) == 0 {
		return nil
	}
	// Per value position, the desired values of the updates changing it.
	for ci, c := range s.Columns {
		if tp.unknown != nil && tp.unknown[ci] {
			continue
		}
		for j := 0; j < c.Width(); j++ {
			pos := c.Off + j
			var idx []int
			var batch []rows.Row
			for u, ch := range res.updates {
				if ch.Old.Vals[pos] != ch.New.Vals[pos] && !ch.New.Vals[pos].Null && !ch.Old.Vals[pos].Null {
					idx = append(idx, u)
					batch = append(batch, rows.Row{Vals: []rows.Value{ch.New.Vals[pos]}})
				}
			}
			if len(batch) == 0 {
				continue
			}
			if err := tp.canonicalColumn(ctx, types[pos], batch, 0); err != nil {
				return err
			}
			for b, u := range idx {
				if batch[b].Vals[0] == res.updates[u].Old.Vals[pos] {
					// Same value: compare with the database's spelling.
					res.updates[u].New.Vals[pos] = res.updates[u].Old.Vals[pos]
				}
			}
		}
	}
	var updates []rows.Change
	for _, ch := range res.updates {
		var cols []int
		for _, ci := range ch.Cols {
			c := s.Columns[ci]
			same := tp.unknown == nil || !tp.unknown[ci]
			for j := 0; same && j < c.Width(); j++ {
				same = ch.Old.Vals[c.Off+j] == ch.New.Vals[c.Off+j]
			}
			if !same {
				cols = append(cols, ci)
			}
		}
		if len(cols) > 0 {
			ch.Cols = cols
			updates = append(updates, ch)
		}
	}
	sort.SliceStable(updates, func(i, j int) bool { return s.Compare(*updates[i].New, *updates[j].New) < 0 })
	res.updates = updates
	return nil
}

// canonicalColumn replaces value pos of each row by the database's
// spelling of it as type typ. A value the type does not accept (or a type
// the database does not have yet) is left as written: the statement that
// uses it reports it.
func (tp *tablePlan) canonicalColumn(ctx context.Context, typ string, rs []rows.Row, pos int) error {
	const chunk = 10000
	for start := 0; start < len(rs); start += chunk {
		end := min(start+chunk, len(rs))
		vals := make([]rows.Value, end-start)
		for i := start; i < end; i++ {
			vals[i-start] = rs[i].Vals[pos]
		}
		out, err := tp.canon.Canonical(ctx, typ, vals)
		if err != nil {
			return nil //nolint:nilerr // left as written, see above
		}
		for i := start; i < end; i++ {
			rs[i].Vals[pos] = out[i-start]
		}
	}
	return nil
}

func keyText(s *rows.Shape, r rows.Row) string {
	var vals []rows.Value
	for _, k := range s.Key {
		c := s.Columns[k]
		vals = append(vals, r.Vals[c.Off:c.Off+c.Width()]...)
	}
	return valuesText(vals)
}

// valuesText is a map key for a list of values: a row's key, or the
// referenced key a reference holds (in the referenced table's key order).
func valuesText(vals []rows.Value) string {
	var b strings.Builder
	for _, v := range vals {
		if v.Null {
			b.WriteString("\x00N")
		} else {
			b.WriteString("\x00V")
			b.WriteString(v.S)
		}
	}
	return b.String()
}

func allColumns(s *rows.Shape) []int {
	out := make([]int, len(s.Columns))
	for i := range out {
		out[i] = i
	}
	return out
}

// tableData turns the differences into statements and the per-object
// diff text.
func (tp *tablePlan) tableData(res *diffResult) *planner.TableData {
	s := tp.shape
	td := &planner.TableData{Table: s.Table, DeletedRows: len(res.deletes), InsertedRows: len(res.inserts)}
	for start := 0; start < len(res.deletes); start += dataBatch {
		td.Deletes = append(td.Deletes, s.DeleteSQL(res.deletes[start:min(start+dataBatch, len(res.deletes))]))
	}
	for _, u := range res.updates {
		td.Updates = append(td.Updates, s.UpdateSQL(*u.New, u.Cols))
	}
	inserts := res.inserts
	if self := s.SelfRefs(); len(self) > 0 && len(inserts) > 0 {
		// A row may refer to another new row (its parent in a tree),
		// which an INSERT's subquery cannot see yet: new rows are
		// inserted without those references, and get them by UPDATE
		// once all are there.
		td.InsertsFirst = true
		inserts = make([]rows.Row, len(res.inserts))
		for i, r := range res.inserts {
			cp := rows.Row{Line: r.Line, Vals: append([]rows.Value(nil), r.Vals...)}
			var set []int
			for _, ci := range self {
				c := s.Columns[ci]
				for j := c.Off; j < c.Off+c.Width(); j++ {
					if !cp.Vals[j].Null {
						set = append(set, ci)
						break
					}
				}
				for j := c.Off; j < c.Off+c.Width(); j++ {
					cp.Vals[j] = rows.Value{Null: true}
				}
			}
			if len(set) > 0 {
				td.Updates = append(td.Updates, s.UpdateSQL(r, set))
			}
			inserts[i] = cp
		}
	}
	for start := 0; start < len(inserts); start += dataBatch {
		td.Inserts = append(td.Inserts, s.InsertSQL(inserts[start:min(start+dataBatch, len(inserts))]))
	}
	if len(res.inserts) > 0 {
		for _, col := range s.SerialKeys {
			td.Sequences = append(td.Sequences, s.SequenceSQL(col))
		}
	}
	td.Old, td.New = diffText(s, res)
	if s.Where == "" {
		for i, c := range s.Columns {
			if tp.unknown != nil && tp.unknown[i] {
				td.FillsColumns = append(td.FillsColumns, c.Name)
			}
		}
	}
	return td
}

// diffText is the changed rows' lines before and after, in key order,
// at most shownRows of them.
func diffText(s *rows.Shape, res *diffResult) (old, nw string) {
	type entry struct {
		key      rows.Row
		old, new string
	}
	var es []entry
	for _, r := range res.deletes {
		es = append(es, entry{key: r, old: s.Line(r)})
	}
	for _, r := range res.inserts {
		es = append(es, entry{key: r, new: s.Line(r)})
	}
	for _, u := range res.updates {
		es = append(es, entry{key: *u.New, old: s.Line(*u.Old), new: s.Line(*u.New)})
	}
	sort.SliceStable(es, func(i, j int) bool { return s.Compare(es[i].key, es[j].key) < 0 })
	var ob, nb strings.Builder
	for i, e := range es {
		if i == shownRows {
			more := fmt.Sprintf("-- ... and %d more changed rows (the statements list them all)\n", len(es)-shownRows)
			ob.WriteString(more)
			nb.WriteString(more)
			break
		}
		if e.old != "" {
			ob.WriteString(e.old + "\n")
		}
		if e.new != "" {
			nb.WriteString(e.new + "\n")
		}
	}
	return ob.String(), nb.String()
}

// WriteData writes the data file of each data table of sc from the
// database, streaming its rows in key order; model is the database as
// introspected (Remote.Raw). It returns the paths written (files whose
// content did not change are left alone).
func WriteData(ctx context.Context, conn *pgx.Conn, dir string, model state.DatabaseSchema, sc Scope) ([]string, error) {
	tables := sc.DataTables()
	if len(tables) == 0 {
		return nil, nil
	}
	model = sc.Filter.Apply(model)
	shapes, err := rows.NewShapes(model, tables)
	if err != nil {
		return nil, err
	}
	dtx, err := catalog.BeginData(ctx, conn)
	if err != nil {
		return nil, err
	}
	defer dtx.Close(ctx)
	has := modelColumns(model)
	var written []string
	for _, s := range shapes {
		rel := layout.DataPath(s.Table)
		changed, err := writeDataFile(ctx, dtx, filepath.Join(dir, filepath.FromSlash(rel)), s, has)
		if err != nil {
			return written, fmt.Errorf("writing %s: %w", rel, err)
		}
		if changed {
			written = append(written, rel)
		}
	}
	return written, nil
}

// writeDataFile writes the rows of s to path through a temporary file,
// replacing path only when the content differs.
func writeDataFile(ctx context.Context, dtx *catalog.DataTx, path string, s *rows.Shape, has catalog.HasColumn) (bool, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return false, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".data-*.sql")
	if err != nil {
		return false, err
	}
	defer os.Remove(tmp.Name())
	it, err := dtx.Rows(ctx, s, has)
	if err != nil {
		tmp.Close()
		return false, err
	}
	defer it.Close()
	w := rows.NewWriter(tmp, s)
	for {
		r, err := it.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			tmp.Close()
			return false, err
		}
		if err := w.Write(r); err != nil {
			tmp.Close()
			return false, err
		}
	}
	if err := w.Flush(); err != nil {
		tmp.Close()
		return false, err
	}
	if err := tmp.Close(); err != nil {
		return false, err
	}
	// os.CreateTemp makes the file private (0600); a data file is read
	// like every other file renovate writes (layout's writeFileAtomic).
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return false, err
	}
	if same, _ := sameContent(tmp.Name(), path); same {
		return false, nil
	}
	return true, os.Rename(tmp.Name(), path)
}

// sameContent reports whether files a and b hold the same bytes,
// comparing them a block at a time.
func sameContent(a, b string) (bool, error) {
	fa, err := os.Open(a)
	if err != nil {
		return false, err
	}
	defer fa.Close()
	fb, err := os.Open(b)
	if err != nil {
		return false, err
	}
	defer fb.Close()
	ra, rb := bufio.NewReaderSize(fa, 1<<16), bufio.NewReaderSize(fb, 1<<16)
	ba, bb := make([]byte, 1<<16), make([]byte, 1<<16)
	for {
		na, errA := io.ReadFull(ra, ba)
		nb, errB := io.ReadFull(rb, bb)
		if na != nb || !bytes.Equal(ba[:na], bb[:nb]) {
			return false, nil
		}
		if errA != nil || errB != nil {
			return errors.Is(errA, io.ErrUnexpectedEOF) || errors.Is(errA, io.EOF), nil
		}
	}
}

// ConfigData are the data blocks of cfg as the model names them.
func ConfigData(cfg *config.Config) []state.DataTable {
	var out []state.DataTable
	for _, d := range cfg.Data {
		out = append(out, state.DataTable{
			Table:         state.QualName{Schema: d.Schema, Name: d.Table},
			Key:           d.Key,
			IgnoreColumns: d.IgnoreColumns,
			RawReferences: d.RawReferences,
			Where:         d.Where,
			Pos:           fmt.Sprintf("%s:%d:%d", d.Range.Filename, d.Range.Start.Line, d.Range.Start.Column),
		})
	}
	return out
}

// PlanFingerprint is the fingerprint a plan against remote records and
// apply checks: the schema's, and when sc has data tables, a digest of
// their rows too, so that a saved plan is refused when rows changed since
// it was made.
func PlanFingerprint(ctx context.Context, conn *pgx.Conn, remote *Remote, sc Scope) (string, error) {
	return planFingerprint(ctx, conn, remote.Schema, remote.Fingerprint, sc.DataTables(), nil)
}

// planFingerprint is PlanFingerprint taking the digests of tables
// computed already (planData's, from the rows the diff read in the
// plan's snapshot); it reads the others' rows.
func planFingerprint(ctx context.Context, conn *pgx.Conn, current state.DatabaseSchema, schemaFP string, tables []state.DataTable, digests map[state.QualName]string) (string, error) {
	if len(tables) == 0 {
		return schemaFP, nil
	}
	var dtx *catalog.DataTx
	defer func() {
		if dtx != nil {
			dtx.Close(ctx)
		}
	}()
	h := sha256.New()
	h.Write([]byte(schemaFP))
	for _, d := range tables {
		t, ok := current.Table(d.Table)
		if !ok {
			continue
		}
		cols := catalog.DigestColumns(&t, d.IgnoreColumns)
		if len(cols) == 0 {
			continue
		}
		digest, ok := digests[d.Table]
		if !ok {
			if dtx == nil {
				var err error
				if dtx, err = catalog.BeginData(ctx, conn); err != nil {
					return "", err
				}
			}
			var err error
			if digest, err = dtx.Digest(ctx, d.Table, cols, d.Where); err != nil {
				return "", err
			}
		}
		fmt.Fprintf(h, "\n%s %s", d.Table, digest)
	}
	return hex.EncodeToString(h.Sum(nil)), nil
}
