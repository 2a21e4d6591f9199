package catalog

import (
	"context"
	"encoding/binary"
	"fmt"
	"io"
	"math/bits"
	"slices"
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
	q, _ := rowsQuery(s, has, nil, nil)
	return q
}

// rowsQuery is RowsQuery whose rows also carry the values of the columns
// digest (DigestColumns) as text: pos[i] is the position in a result row
// of digest[i]'s value, a data column's own value where the row has it
// already, else one more column after the data values. The plain key
// columns named in byteOrdered sort by their own value (OrderByBytes).
func rowsQuery(s *rows.Shape, has HasColumn, digest []string, byteOrdered map[string]bool) (q string, pos []int) {
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
			sel = append(sel, e+"::pg_catalog.text")
		}
	}
	for _, name := range digest {
		e := "t." + sqlgen.QuoteIdent(name)
		if i, ok := s.Column(name); ok && s.Columns[i].Ref == nil && expr[i][0] == e {
			pos = append(pos, s.Columns[i].Off)
			continue
		}
		pos = append(pos, len(sel))
		sel = append(sel, e+"::pg_catalog.text")
	}
	var order []string
	var native []bool
	for _, k := range s.Key {
		c := s.Columns[k]
		order = append(order, expr[k]...)
		for _, e := range expr[k] {
			native = append(native, c.Ref == nil && byteOrdered[c.Name] && e == "t."+sqlgen.QuoteIdent(c.Name))
		}
	}
	var b strings.Builder
	b.WriteString("SELECT ")
	b.WriteString(strings.Join(sel, ", "))
	writeFrom(&b, s.Table, s.Where)
	for _, j := range joins {
		b.WriteString(j)
	}
	b.WriteString(" ORDER BY ")
	b.WriteString(s.OrderByBytes(order, native))
	return b.String(), pos
}

// writeFrom writes the FROM clause of the rows of table q that satisfy
// where ("" for all), aliased t.
func writeFrom(b *strings.Builder, q state.QualName, where string) {
	b.WriteString(" FROM (SELECT * FROM ")
	b.WriteString(sqlgen.Qual(q))
	if where != "" {
		b.WriteString(" WHERE (")
		b.WriteString(where)
		b.WriteString(")")
	}
	b.WriteString(") AS t")
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
	// digest, when set, accumulates the digest of the values at the
	// positions digestPos of every row read; done once the rows are read
	// to the end.
	digest    *RowDigest
	digestPos []int
	done      bool
	// ahead are rows decoded ahead (fill), next the next to return;
	// ended is set once the query has no more. buf, ends and nulls are
	// fill's buffers.
	ahead []rows.Row
	next  int
	ended bool
	buf   []byte
	ends  []int
	nulls []bool
	vals  rows.Slab
}

// Rows streams the rows of s in key order. Close the iterator (or read
// it to the end) before the next query in the transaction.
func (d *DataTx) Rows(ctx context.Context, s *rows.Shape, has HasColumn) (*RowIter, error) {
	return d.RowsDigest(ctx, s, has, nil)
}

// RowsDigest is Rows that also computes, from the same rows, the digest
// of the columns digest (DigestColumns of the table as this database
// has it), which Digest computes on its own: RowIter.Digest returns it
// once the rows are read to the end. One pass over the table serves the
// diff and the plan's fingerprint.
func (d *DataTx) RowsDigest(ctx context.Context, s *rows.Shape, has HasColumn, digest []string) (*RowIter, error) {
	if !has(s.Table, "") {
		return &RowIter{}, nil
	}
	byteOrdered, err := d.byteOrdered(ctx, s, has)
	if err != nil {
		return nil, err
	}
	q, pos := rowsQuery(s, has, digest, byteOrdered)
	rs, err := d.tx.Query(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("reading the rows of %s: %w", s.Table, err)
	}
	it := &rowIter{rs: rs, width: s.Width, table: s.Table}
	if digest != nil {
		it.digest, it.digestPos = &RowDigest{}, pos
	}
	return &RowIter{it: it}, nil
}

// byteOrderedQuery selects, among the columns $2 of table $1, those
// whose values sort in the database as the bytes of their text (what
// rows.Compare does): uuid, whose text is its bytes in hex, and text and
// varchar of a collation that compares bytes (libc's "C" or "POSIX",
// the builtin provider's "C" or "C.UTF-8", for the default collation the
// database's), in a database whose text reaches renovate unconverted
// (UTF8 or SQL_ASCII). The provider columns are read through to_jsonb:
// they do not exist before PostgreSQL 15 (every collation was libc's)
// and 17 (datlocale, colllocale).
const byteOrderedQuery = `
SELECT a.attname
FROM pg_attribute AS a
LEFT JOIN pg_collation AS c ON c.oid = a.attcollation
CROSS JOIN (
    SELECT d.datcollate, pg_encoding_to_char(d.encoding) AS enc,
           coalesce(to_jsonb(d) ->> 'datlocprovider', 'c') AS provider,
           coalesce(to_jsonb(d) ->> 'datlocale', '') AS locale
    FROM pg_database AS d
    WHERE d.datname = current_database()
) AS db
WHERE a.attrelid = $1::regclass AND a.attname = ANY($2) AND NOT a.attisdropped
  AND (a.atttypid = 'uuid'::regtype
    OR a.atttypid IN ('text'::regtype, 'varchar'::regtype) AND db.enc IN ('UTF8', 'SQL_ASCII') AND
       CASE WHEN a.attcollation = 100 -- the database's default
            THEN db.provider = 'c' AND db.datcollate IN ('C', 'POSIX')
              OR db.provider = 'b' AND db.locale IN ('C', 'C.UTF-8')
            ELSE c.collprovider = 'c' AND c.collcollate IN ('C', 'POSIX')
              OR c.collprovider = 'b' AND coalesce(to_jsonb(c) ->> 'colllocale', '') IN ('C', 'C.UTF-8')
       END)`

// byteOrdered returns the plain key columns of s whose own order in the
// database is their text's byte order (byteOrderedQuery).
func (d *DataTx) byteOrdered(ctx context.Context, s *rows.Shape, has HasColumn) (map[string]bool, error) {
	var names []string
	for _, k := range s.Key {
		if c := s.Columns[k]; c.Ref == nil && has(s.Table, c.Name) {
			names = append(names, c.Name)
		}
	}
	if len(names) == 0 {
		return nil, nil
	}
	// In a savepoint of the snapshot, under the catalog reads' settings.
	got, err := collectSettled(ctx, d.tx.Conn(), byteOrderedQuery, []any{sqlgen.Qual(s.Table), names}, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("reading the collations of the key of %s: %w", s.Table, err)
	}
	out := map[string]bool{}
	for _, name := range got {
		out[name] = true
	}
	return out, nil
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
	if it.next == len(it.ahead) {
		if it.ended {
			return rows.Row{}, io.EOF
		}
		if err := it.fill(); err != nil {
			return rows.Row{}, err
		}
		if it.next == len(it.ahead) {
			return rows.Row{}, io.EOF
		}
	}
	it.next++
	return it.ahead[it.next-1], nil
}

// readAheadRows is how many rows a RowIter decodes at once: their texts
// share one string (one allocation, not one per row or value).
const readAheadRows = 128

// fill decodes the next rows of the query into ahead.
func (it *rowIter) fill() error {
	it.ahead, it.next = it.ahead[:0], 0
	it.buf, it.nulls = it.buf[:0], it.nulls[:0]
	it.ends = it.ends[:0]
	for len(it.ahead) < readAheadRows {
		if !it.rs.Next() {
			it.rs.Close()
			if err := it.rs.Err(); err != nil {
				return fmt.Errorf("reading the rows of %s: %w", it.table, err)
			}
			it.ended, it.done = true, true
			break
		}
		raw := it.rs.RawValues()
		if it.digest != nil {
			it.digest.add(raw, it.digestPos)
		}
		for i := 0; i < it.width; i++ {
			var v []byte
			if i < len(raw) {
				v = raw[i]
			}
			it.buf = append(it.buf, v...)
			it.ends = append(it.ends, len(it.buf))
			it.nulls = append(it.nulls, v == nil)
		}
		it.ahead = append(it.ahead, rows.Row{})
	}
	all := string(it.buf)
	start := 0
	for k := range it.ahead {
		vals := it.vals.Take(it.width)
		for i := range vals {
			n := k*it.width + i
			if it.nulls[n] {
				vals[i].Null = true
			} else {
				vals[i].S = all[start:it.ends[n]]
			}
			start = it.ends[n]
		}
		it.ahead[k] = rows.Row{Vals: vals}
	}
	return nil
}

// Digest returns the digest of the rows read (RowsDigest), and false
// when the iterator computes none or was not read to the end.
func (r *RowIter) Digest() (string, bool) {
	if r.it == nil || r.it.digest == nil || !r.it.done {
		return "", false
	}
	return r.it.digest.String(), true
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
// all) over columns cols (DigestColumns): their count and the sum of a
// 64-bit hash of each row's values as text, which any change to a row's
// values changes (but for a negligible chance of collision). It is one
// unordered scan; the plan computes the same digest from the rows it
// reads for the diff (RowsDigest), in the same way.
func (d *DataTx) Digest(ctx context.Context, q state.QualName, cols []string, where string) (string, error) {
	var b strings.Builder
	b.WriteString("SELECT ")
	pos := make([]int, len(cols))
	for i, c := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString("t." + sqlgen.QuoteIdent(c) + "::pg_catalog.text")
		pos[i] = i
	}
	writeFrom(&b, q, where)
	rs, err := d.tx.Query(ctx, b.String())
	if err != nil {
		return "", fmt.Errorf("summarizing the rows of %s: %w", q, err)
	}
	defer rs.Close()
	var dg RowDigest
	for rs.Next() {
		dg.add(rs.RawValues(), pos)
	}
	rs.Close()
	if err := rs.Err(); err != nil {
		return "", fmt.Errorf("summarizing the rows of %s: %w", q, err)
	}
	return dg.String(), nil
}

// DigestColumns are the columns of t a digest of its rows covers: every
// column but ignored ones, in the table's order.
func DigestColumns(t *state.Table, ignored []string) []string {
	var cols []string
	for _, c := range t.Columns {
		if !slices.Contains(ignored, c.Name) {
			cols = append(cols, c.Name)
		}
	}
	return cols
}

// RowDigest is a digest of a set of rows: their count and the 128-bit
// sum of a 64-bit hash of each, so that it does not depend on the order
// the rows are read in.
type RowDigest struct {
	n      uint64
	lo, hi uint64
}

// add adds the row whose values (as text, nil for NULL) are raw[pos[i]].
func (d *RowDigest) add(raw [][]byte, pos []int) {
	h := uint64(0x6a09e667f3bcc908)
	for _, p := range pos {
		v := raw[p]
		// A prefix-free encoding of the value (NULL, or its length, then
		// its bytes eight at a time), each word mixed in by a bijection
		// of the state: two rows differing in one word of their values
		// never hash the same.
		if v == nil {
			h = mixWord(h ^ 0xffffffffffffffff)
			continue
		}
		h = mixWord(h ^ uint64(len(v)))
		for len(v) >= 8 {
			h = mixWord(h ^ binary.LittleEndian.Uint64(v))
			v = v[8:]
		}
		if len(v) > 0 {
			var w uint64
			for i, c := range v {
				w |= uint64(c) << (8 * i)
			}
			h = mixWord(h ^ w)
		}
	}
	// A final mix (MurmurHash3's fmix64) spreads the last word's changes
	// over every bit.
	h ^= h >> 33
	h *= 0xff51afd7ed558ccd
	h ^= h >> 33
	h *= 0xc4ceb9fe1a85ec53
	h ^= h >> 33
	var carry uint64
	d.lo, carry = bits.Add64(d.lo, h, 0)
	d.hi += carry
	d.n++
}

// mixWord is a bijection of 64-bit words (odd multiplications and a
// rotation) that spreads each input bit over the output.
func mixWord(x uint64) uint64 {
	return bits.RotateLeft64(x*0x9e3779b97f4a7c15, 31) * 0xbf58476d1ce4e5b9
}

// String is the digest as the plan's fingerprint records it.
func (d *RowDigest) String() string {
	return fmt.Sprintf("%d:%016x%016x", d.n, d.hi, d.lo)
}
