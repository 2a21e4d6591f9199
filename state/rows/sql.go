package rows

import (
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
)

// InsertSQL inserts rows (one statement, one row per line).
func (s *Shape) InsertSQL(rows []Row) string {
	var b strings.Builder
	b.WriteString("INSERT INTO ")
	b.WriteString(sqlgen.Qual(s.Table))
	b.WriteByte(' ')
	b.WriteString(s.columnList())
	if s.Overriding {
		b.WriteString(" OVERRIDING SYSTEM VALUE")
	}
	b.WriteString(" VALUES")
	for i, r := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		s.Tuple(&b, r)
	}
	b.WriteString(";\n")
	return b.String()
}

// UpdateSQL sets the columns cols of the row with nw's key to nw's values.
func (s *Shape) UpdateSQL(nw Row, cols []int) string {
	var b strings.Builder
	b.WriteString("UPDATE ")
	b.WriteString(sqlgen.Qual(s.Table))
	b.WriteString(" SET ")
	for i, ci := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		c := s.Columns[ci]
		b.WriteString(sqlgen.QuoteIdent(c.Name))
		b.WriteString(" = ")
		s.ColumnValue(&b, c, nw)
	}
	b.WriteString(" WHERE ")
	s.WhereKey(&b, nw)
	b.WriteString(";\n")
	return b.String()
}

// DeleteSQL deletes the rows with the keys of rows (one statement, one
// key per line).
func (s *Shape) DeleteSQL(rows []Row) string {
	return "DELETE FROM " + sqlgen.Qual(s.Table) + " WHERE " + s.DeleteCondition(rows) + ";\n"
}

// DeleteCondition is the condition of DeleteSQL, on the table's
// unqualified columns, selecting the rows with the keys of rows.
func (s *Shape) DeleteCondition(rows []Row) string {
	var b strings.Builder
	if len(rows) == 1 {
		s.WhereKey(&b, rows[0])
		return b.String()
	}
	if len(s.Key) == 1 {
		b.WriteString(sqlgen.QuoteIdent(s.Columns[s.Key[0]].Name))
	} else {
		b.WriteByte('(')
		b.WriteString(strings.Join(quoteAll(s.KeyNames()), ", "))
		b.WriteByte(')')
	}
	b.WriteString(" IN (")
	for i, r := range rows {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString("\n    ")
		if len(s.Key) > 1 {
			b.WriteByte('(')
		}
		for j, k := range s.Key {
			if j > 0 {
				b.WriteString(", ")
			}
			s.ColumnValue(&b, s.Columns[k], r)
		}
		if len(s.Key) > 1 {
			b.WriteByte(')')
		}
	}
	b.WriteString("\n)")
	return b.String()
}

// SequenceSQL moves the sequence of serial key column col past the
// largest value in the table; it never moves a sequence backwards.
func (s *Shape) SequenceSQL(col string) string {
	q := sqlgen.QuoteIdent(col)
	return "SELECT setval(seq, m) FROM (SELECT pg_get_serial_sequence(" + sqlgen.QuoteLiteral(sqlgen.Qual(s.Table)) + ", " +
		sqlgen.QuoteLiteral(col) + ")::regclass AS seq, (SELECT max(" + q + ") FROM " + sqlgen.Qual(s.Table) +
		") AS m) AS x WHERE m > COALESCE(pg_sequence_last_value(seq), 0);\n"
}

func quoteAll(names []string) []string {
	out := make([]string, len(names))
	for i, n := range names {
		out[i] = sqlgen.QuoteIdent(n)
	}
	return out
}
