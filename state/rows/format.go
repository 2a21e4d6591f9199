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
	var b text
	writeLiteral(&b, typ, v)
	return string(b.b)
}

// text is the buffer values are written to; its writes cannot fail.
type text struct{ b []byte }

func (t *text) str(s string) { t.b = append(t.b, s...) }
func (t *text) byte(c byte)  { t.b = append(t.b, c) }

// doublingQuotes writes s with every single quote doubled.
func (t *text) doublingQuotes(s string) {
	for {
		i := strings.IndexByte(s, '\'')
		if i < 0 {
			t.str(s)
			return
		}
		t.str(s[:i+1])
		t.byte('\'')
		s = s[i+1:]
	}
}

func writeLiteral(b *text, typ string, v Value) {
	switch bt := baseType(typ); {
	case v.Null:
		b.str("NULL")
		return
	case numberTypes[bt] && isNumber(v.S):
		b.str(v.S)
		return
	case bt == "boolean" && (v.S == "true" || v.S == "false"):
		b.str(v.S)
		return
	}
	writeString(b, v.S)
}

func writeString(b *text, s string) {
	plain := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c == 0x7f || c == '\\' {
			plain = false
			break
		}
	}
	if plain {
		b.byte('\'')
		b.doublingQuotes(s)
		b.byte('\'')
		return
	}
	b.str("E'")
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\'':
			b.str("''")
		case '\\':
			b.str(`\\`)
		case '\n':
			b.str(`\n`)
		case '\r':
			b.str(`\r`)
		case '\t':
			b.str(`\t`)
		case '\b':
			b.str(`\b`)
		case '\f':
			b.str(`\f`)
		default:
			if c < 0x20 || c == 0x7f {
				b.b = fmt.Appendf(b.b, `\x%02x`, c)
			} else {
				b.byte(c)
			}
		}
	}
	b.byte('\'')
}

// ColumnValue writes the value of data column c of row r: a literal, or
// for a reference the subquery that finds the referenced row by its key
// in the database the statement runs on.
func (s *Shape) ColumnValue(b *strings.Builder, c Column, r Row) {
	var t text
	columnValue(&t, c, r)
	b.Write(t.b)
}

func columnValue(b *text, c Column, r Row) {
	if c.Ref == nil {
		writeLiteral(b, c.Type, r.Vals[c.Off])
		return
	}
	writeRef(b, c.Ref, r.Vals[c.Off:c.Off+c.Width()])
}

// writeRef writes a reference whose key values are vals: NULL when they
// are all NULL, else the subquery that finds the referenced row, a
// nested reference as a subquery of its own.
func writeRef(b *text, ref *Ref, vals []Value) {
	if allNull(vals) {
		b.str("NULL")
		return
	}
	b.str("(SELECT ")
	b.str(sqlgen.QuoteIdent(ref.Column))
	b.str(" FROM ")
	b.str(sqlgen.Qual(ref.Table))
	b.str(" WHERE ")
	off := 0
	for i, k := range ref.Key {
		if i > 0 {
			b.str(" AND ")
		}
		w := ref.keyWidth(i)
		kv := vals[off : off+w]
		b.str(sqlgen.QuoteIdent(k))
		switch {
		case allNull(kv):
			b.str(" IS NULL")
		case ref.KeyRefs != nil && ref.KeyRefs[i] != nil:
			b.str(" = ")
			writeRef(b, ref.KeyRefs[i], kv)
		default:
			b.str(" = ")
			writeLiteral(b, ref.KeyTypes[off], kv[0])
		}
		off += w
	}
	b.byte(')')
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
	var t text
	s.tuple(&t, r)
	b.Write(t.b)
}

func (s *Shape) tuple(b *text, r Row) {
	b.byte('(')
	for i, c := range s.Columns {
		if i > 0 {
			b.str(", ")
		}
		columnValue(b, c, r)
	}
	b.byte(')')
}

// Line is the data file line of row r, without the newline.
func (s *Shape) Line(r Row) string {
	b := text{b: []byte(s.linePrefix())}
	s.tuple(&b, r)
	b.byte(';')
	return string(b.b)
}

// linePrefix is what every line of the data file starts with:
// "INSERT INTO t (a, b) VALUES ".
func (s *Shape) linePrefix() string {
	return "INSERT INTO " + sqlgen.Qual(s.Table) + " " + s.columnList() + " VALUES "
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
	shape  *Shape
	w      *bufio.Writer
	prefix int  // the length of linePrefix at the start of b
	b      text // the line being written
	err    error
}

// NewWriter starts a data file of shape s on w.
func NewWriter(w io.Writer, s *Shape) *Writer {
	p := s.linePrefix()
	wr := &Writer{shape: s, w: bufio.NewWriterSize(w, 1<<16), prefix: len(p), b: text{b: []byte(p)}}
	_, wr.err = wr.w.WriteString(s.Header())
	return wr
}

// Write writes one row.
func (w *Writer) Write(r Row) error {
	if w.err != nil {
		return w.err
	}
	w.b.b = w.b.b[:w.prefix]
	w.shape.tuple(&w.b, r)
	w.b.str(";\n")
	_, w.err = w.w.Write(w.b.b)
	return w.err
}

// Flush writes what is buffered.
func (w *Writer) Flush() error {
	if w.err != nil {
		return w.err
	}
	return w.w.Flush()
}
