package catalog

import (
	"context"
	"fmt"
	"io"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/rows"
)

// dataSettings make value::text print the same on every server, whatever
// its configuration: values are compared and written as that text.
var dataSettings = []string{
	"SET LOCAL TimeZone TO 'UTC'",
	"SET LOCAL DateStyle TO 'ISO, MDY'",
	"SET LOCAL IntervalStyle TO 'postgres'",
	"SET LOCAL extra_float_digits TO 1",
	"SET LOCAL bytea_output TO 'hex'",
}

// DataTx is a read-only snapshot of the database for reading data tables.
type DataTx struct {
	tx pgx.Tx
}

// BeginData starts a read-only, repeatable-read transaction with the
// settings value::text depends on fixed. End it with Close.
func BeginData(ctx context.Context, conn *pgx.Conn) (*DataTx, error) {
	tx, err := conn.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return nil, fmt.Errorf("reading data tables: %w", err)
	}
	for _, s := range dataSettings {
		if _, err := tx.Exec(ctx, s); err != nil {
			_ = tx.Rollback(ctx)
			return nil, fmt.Errorf("reading data tables: %s: %w", s, err)
		}
	}
	return &DataTx{tx: tx}, nil
}

// Close ends the transaction.
func (d *DataTx) Close(ctx context.Context) { _ = d.tx.Rollback(ctx) }

// HasColumn reports whether the database has column col of table t (the
// current model); data reads select NULL for columns it lacks.
type HasColumn func(t state.QualName, col string) bool

// RowsQuery is the query reading the rows of s in key order: every value
// as text, a reference as the referenced row's key.
func RowsQuery(s *rows.Shape, has HasColumn) string {
	var sel, joins []string
	// expr[i] are the expressions of column i's values.
	expr := make([][]string, len(s.Columns))
	for i, c := range s.Columns {
		if c.Ref == nil {
			e := "NULL"
			if has(s.Table, c.Name) {
				e = "t." + sqlgen.QuoteIdent(c.Name)
			}
			expr[i] = []string{e}
			continue
		}
		es, js, ok := refExprs(c.Ref, s.Table, "t", fmt.Sprintf("r%d", i), has)
		if ok && has(s.Table, c.Name) {
			joins = append(joins, js...)
			expr[i] = es
			continue
		}
		for range es {
			expr[i] = append(expr[i], "NULL")
		}
	}
	for _, es := range expr {
		for _, e := range es {
			sel = append(sel, e+"::text")
		}
	}
	var order []string
	for _, k := range s.Key {
		order = append(order, expr[k]...)
	}
	var b strings.Builder
	b.WriteString("SELECT ")
	b.WriteString(strings.Join(sel, ", "))
	b.WriteString(" FROM (SELECT * FROM ")
	b.WriteString(sqlgen.Qual(s.Table))
	if s.Where != "" {
		b.WriteString(" WHERE (")
		b.WriteString(s.Where)
		b.WriteString(")")
	}
	b.WriteString(") AS t")
	for _, j := range joins {
		b.WriteString(j)
	}
	b.WriteString(" ORDER BY ")
	b.WriteString(s.OrderBy(order))
	return b.String()
}

// refExprs joins the referenced table of ref as alias (on every column
// of the foreign key, from the table aliased from) and returns the
// expressions of the reference's key values, flattened: a nested
// reference joins its own table in turn. ok is false when the database
// lacks one of the columns (the values are then unknown).
func refExprs(ref *rows.Ref, fromTable state.QualName, from, alias string, has HasColumn) (exprs, joins []string, ok bool) {
	ok = true
	var on []string
	for j := range ref.Local {
		ok = ok && has(ref.Table, ref.Remote[j]) && has(fromTable, ref.Local[j])
		on = append(on, fmt.Sprintf("%s.%s = %s.%s", alias, sqlgen.QuoteIdent(ref.Remote[j]), from, sqlgen.QuoteIdent(ref.Local[j])))
	}
	joins = append(joins, fmt.Sprintf(" LEFT JOIN %s AS %s ON %s", sqlgen.Qual(ref.Table), alias, strings.Join(on, " AND ")))
	for i, k := range ref.Key {
		ok = ok && has(ref.Table, k)
		if ref.KeyRefs != nil && ref.KeyRefs[i] != nil {
			es, js, nok := refExprs(ref.KeyRefs[i], ref.Table, alias, fmt.Sprintf("%s_%d", alias, i), has)
			ok = ok && nok
			exprs = append(exprs, es...)
			joins = append(joins, js...)
			continue
		}
		exprs = append(exprs, alias+"."+sqlgen.QuoteIdent(k))
	}
	return exprs, joins, ok
}

// rowIter streams query results as rows.
type rowIter struct {
	rs    pgx.Rows
	width int
	table state.QualName
}

// Rows streams the rows of s in key order. Close the iterator (or read
// it to the end) before the next query in the transaction.
func (d *DataTx) Rows(ctx context.Context, s *rows.Shape, has HasColumn) (*RowIter, error) {
	if !has(s.Table, "") {
		return &RowIter{}, nil
	}
	q := RowsQuery(s, has)
	rs, err := d.tx.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("reading the rows of %s: %w", s.Table, err)
	}
	return &RowIter{it: &rowIter{rs: rs, width: s.Width, table: s.Table}}, nil
}

// RowIter is an iterator over a table's rows in the database.
type RowIter struct {
	it *rowIter
}

// Next implements rows.Iter.
func (r *RowIter) Next() (rows.Row, error) {
	if r.it == nil {
		return rows.Row{}, io.EOF
	}
	it := r.it
	if !it.rs.Next() {
		it.rs.Close()
		if err := it.rs.Err(); err != nil {
			return rows.Row{}, fmt.Errorf("reading the rows of %s: %w", it.table, err)
		}
		return rows.Row{}, io.EOF
	}
	raw := it.rs.RawValues()
	row := rows.Row{Vals: make([]rows.Value, it.width)}
	for i := 0; i < it.width && i < len(raw); i++ {
		if raw[i] == nil {
			row.Vals[i].Null = true
		} else {
			row.Vals[i].S = string(raw[i])
		}
	}
	return row, nil
}

// Close releases the query.
func (r *RowIter) Close() {
	if r.it != nil {
		r.it.rs.Close()
	}
}

// Canonical returns how the database prints each of values cast to typ
// (value::typ::text), NULL staying NULL: the spelling value::text gives
// in RowsQuery, so hand-written values compare with the database's.
func (d *DataTx) Canonical(ctx context.Context, typ string, values []rows.Value) ([]rows.Value, error) {
	in := make([]*string, len(values))
	for i := range values {
		if !values[i].Null {
			in[i] = &values[i].S
		}
	}
	q := "SELECT v::" + typ + "::text FROM unnest($1::text[]) WITH ORDINALITY AS u(v, n) ORDER BY n"
	if _, err := d.tx.Exec(ctx, "SAVEPOINT canonical"); err != nil {
		return nil, err
	}
	out, err := d.canonical(ctx, q, in, len(values))
	if err != nil {
		if _, rbErr := d.tx.Exec(ctx, "ROLLBACK TO SAVEPOINT canonical"); rbErr != nil {
			return nil, fmt.Errorf("%w (and rolling back: %v)", err, rbErr)
		}
		return nil, err
	}
	if _, err := d.tx.Exec(ctx, "RELEASE SAVEPOINT canonical"); err != nil {
		return nil, err
	}
	return out, nil
}

func (d *DataTx) canonical(ctx context.Context, q string, in []*string, n int) ([]rows.Value, error) {
	rs, err := d.tx.Query(ctx, q, in)
	if err != nil {
		return nil, err
	}
	defer rs.Close()
	out := make([]rows.Value, 0, n)
	for rs.Next() {
		var s *string
		if err := rs.Scan(&s); err != nil {
			return nil, err
		}
		if s == nil {
			out = append(out, rows.Value{Null: true})
		} else {
			out = append(out, rows.Value{S: *s})
		}
	}
	rs.Close()
	return out, rs.Err()
}

// Digest summarizes the rows of table q (those satisfying where, "" for
// all) over columns cols: their count and the sum of a 64-bit hash of each
// row's text, which any change to a row's values changes (but for a
// negligible chance of collision). It is one scan, done by the server.
func (d *DataTx) Digest(ctx context.Context, q state.QualName, cols []string, where string) (string, error) {
	exprs := make([]string, len(cols))
	for i, c := range cols {
		exprs[i] = "t." + sqlgen.QuoteIdent(c)
	}
	sql := "SELECT count(*)::text || ':' || coalesce(sum(hashtextextended(ROW(" + strings.Join(exprs, ", ") +
		")::text, 0)::numeric), 0)::text FROM " + sqlgen.Qual(q) + " AS t"
	if where != "" {
		sql += " WHERE (" + where + ")"
	}
	var out string
	if err := d.tx.QueryRow(ctx, sql).Scan(&out); err != nil {
		return "", fmt.Errorf("summarizing the rows of %s: %w", q, err)
	}
	return out, nil
}
