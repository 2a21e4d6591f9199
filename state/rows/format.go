package rows

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
)

// numberTypes are the types whose values are written as bare numbers.
var numberTypes = map[string]bool{
	"smallint": true, "integer": true, "bigint": true, "real": true, "double precision": true, "numeric": true,
}

// baseType strips modifiers and array brackets are kept: "numeric(10,2)"
// is "numeric", "integer[]" stays an array.
func baseType(t string) string {
	if i := strings.IndexByte(t, '('); i >= 0 && !strings.HasSuffix(t, "]") {
		return t[:i]
	}
	return t
}

// isNumber reports whether s is a plain number: -?[0-9]+(\.[0-9]+)?
// ([eE][-+]?[0-9]+)? (read byte by byte: it runs for every numeric value
// of a data file).
func isNumber(s string) bool {
	i := 0
	if i < len(s) && s[i] == '-' {
		i++
	}
	digits := func() bool {
		start := i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
		}
		return i > start
	}
	if !digits() {
		return false
	}
	if i < len(s) && s[i] == '.' {
		i++
		if !digits() {
			return false
		}
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '-' || s[i] == '+') {
			i++
		}
		if !digits() {
			return false
		}
	}
	return i == len(s)
}

// Literal writes v as an SQL literal for a column of type typ: NULL,
// a bare number or boolean, or a string literal, E'...' when it holds a
// control character (a newline, a tab), so that every row stays on one
// line, or a backslash: both forms mean the same under any
// standard_conforming_strings setting, so a backslash never ends the
// literal early, whoever runs the SQL.
func Literal(typ string, v Value) string {
	var b strings.Builder
	writeLiteral(&b, typ, v)
	return b.String()
}

func writeLiteral(b *strings.Builder, typ string, v Value) {
	switch bt := baseType(typ); {
	case v.Null:
		b.WriteString("NULL")
		return
	case numberTypes[bt] && isNumber(v.S):
		b.WriteString(v.S)
		return
	case bt == "boolean" && (v.S == "true" || v.S == "false"):
		b.WriteString(v.S)
		return
	}
	writeString(b, v.S)
}

func writeString(b *strings.Builder, s string) {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == '\\' {
			plain = false
			break
		}
	}
	if plain {
		b.WriteByte('\'')
		b.WriteString(strings.ReplaceAll(s, "'", "''"))
		b.WriteByte('\'')
		return
	}
	b.WriteString("E'")
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\'':
			b.WriteString("''")
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if c < 0x20 || c == 0x7f {
				fmt.Fprintf(b, `\x%02x`, c)
			} else {
				b.WriteByte(c)
			}
		}
	}
	b.WriteByte('\'')
}

// ColumnValue writes the value of data column c of row r: a literal, or
// for a reference the subquery that finds the referenced row by its key
// in the database the statement runs on.
func (s *Shape) ColumnValue(b *strings.Builder, c Column, r Row) {
	if c.Ref == nil {
		writeLiteral(b, c.Type, r.Vals[c.Off])
		return
	}
	writeRef(b, c.Ref, r.Vals[c.Off:c.Off+c.Width()])
}

// writeRef writes a reference whose key values are vals: NULL when they
// are all NULL, else the subquery that finds the referenced row, a
// nested reference as a subquery of its own.
func writeRef(b *strings.Builder, ref *Ref, vals []Value) {
	if allNull(vals) {
		b.WriteString("NULL")
		return
	}
	b.WriteString("(SELECT ")
	b.WriteString(sqlgen.QuoteIdent(ref.Column))
	b.WriteString(" FROM ")
	b.WriteString(sqlgen.Qual(ref.Table))
	b.WriteString(" WHERE ")
	off := 0
	for i, k := range ref.Key {
		if i > 0 {
			b.WriteString(" AND ")
		}
		w := ref.keyWidth(i)
		kv := vals[off : off+w]
		b.WriteString(sqlgen.QuoteIdent(k))
		switch {
		case allNull(kv):
			b.WriteString(" IS NULL")
		case ref.KeyRefs != nil && ref.KeyRefs[i] != nil:
			b.WriteString(" = ")
			writeRef(b, ref.KeyRefs[i], kv)
		default:
			b.WriteString(" = ")
			writeLiteral(b, ref.KeyTypes[off], kv[0])
		}
		off += w
	}
	b.WriteByte(')')
}

func allNull(vals []Value) bool {
	for _, v := range vals {
		if !v.Null {
			return false
		}
	}
	return true
}

// columnList is "(a, b, c)" of the data columns.
func (s *Shape) columnList() string {
	names := make([]string, len(s.Columns))
	for i, c := range s.Columns {
		names[i] = sqlgen.QuoteIdent(c.Name)
	}
	return "(" + strings.Join(names, ", ") + ")"
}

// Tuple writes "(v1, v2, ...)" of row r.
func (s *Shape) Tuple(b *strings.Builder, r Row) {
	b.WriteByte('(')
	for i, c := range s.Columns {
		if i > 0 {
			b.WriteString(", ")
		}
		s.ColumnValue(b, c, r)
	}
	b.WriteByte(')')
}

// Line is the data file line of row r, without the newline.
func (s *Shape) Line(r Row) string {
	var b strings.Builder
	s.line(&b, r)
	return b.String()
}

func (s *Shape) line(b *strings.Builder, r Row) {
	b.WriteString("INSERT INTO ")
	b.WriteString(sqlgen.Qual(s.Table))
	b.WriteByte(' ')
	b.WriteString(s.columnList())
	b.WriteString(" VALUES ")
	s.Tuple(b, r)
	b.WriteByte(';')
}

// Header is what a data file starts with: comments, then ConformingStrings.
func (s *Shape) Header() string {
	names := make([]string, len(s.Key))
	for i, k := range s.KeyNames() {
		names[i] = sqlgen.QuoteIdent(k)
	}
	h := fmt.Sprintf("-- Data of %s, one row per line, ordered by (%s).\n", sqlgen.Qual(s.Table), strings.Join(names, ", "))
	if s.Where != "" {
		h += "-- Rows where " + strings.ReplaceAll(s.Where, "\n", " ") + "\n"
	}
	return h + ConformingStrings + "\n"
}

// ConformingStrings is the data file's first statement, as in pg_dump's
// output: a data file run with psql on a database, role or PGOPTIONS that
// turns standard_conforming_strings off still reads every literal as
// renovate wrote it. The reader skips it.
const ConformingStrings = "SET standard_conforming_strings = on;"

// Writer writes a data file: the header, then one line per row, which
// must come in key order.
type Writer struct {
	shape *Shape
	w     *bufio.Writer
	b     strings.Builder
	err   error
}

// NewWriter starts a data file of shape s on w.
func NewWriter(w io.Writer, s *Shape) *Writer {
	wr := &Writer{shape: s, w: bufio.NewWriterSize(w, 1<<16)}
	_, wr.err = wr.w.WriteString(s.Header())
	return wr
}

// Write writes one row.
func (w *Writer) Write(r Row) error {
	if w.err != nil {
		return w.err
	}
	w.b.Reset()
	w.shape.line(&w.b, r)
	w.b.WriteByte('\n')
	_, w.err = w.w.WriteString(w.b.String())
	return w.err
}

// Flush writes what is buffered.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	return w.w.Flush()
}
