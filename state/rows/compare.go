package rows

import (
	"strconv"
	"strings"

	"github.com/renovate-pg/renovate/planner/sqlgen"
)

// keyValue is one value of a row's key and how it sorts.
type keyValue struct {
	off     int
	numeric bool
}

// keyValues lists the row positions of the key's values in key order.
func (s *Shape) keyValues() []keyValue {
	if s.kv != nil {
		return s.kv
	}
	var out []keyValue
	for _, k := range s.Key {
		c := s.Columns[k]
		if c.Ref == nil {
			out = append(out, keyValue{c.Off, intTypes[c.Type]})
			continue
		}
		for i, t := range c.Ref.KeyTypes {
			out = append(out, keyValue{c.Off + i, intTypes[t]})
		}
	}
	s.kv = out
	return out
}

// Compare orders rows by key: integers numerically, everything else by
// the bytes of its text (PostgreSQL's COLLATE "C"), NULL last.
func (s *Shape) Compare(a, b Row) int {
	for _, k := range s.keyValues() {
		if c := compareValue(a.Vals[k.off], b.Vals[k.off], k.numeric); c != 0 {
			return c
		}
	}
	return 0
}

func compareValue(a, b Value, numeric bool) int {
	switch {
	case a.Null && b.Null:
		return 0
	case a.Null:
		return 1
	case b.Null:
		return -1
	}
	if numeric {
		x, errA := strconv.ParseInt(a.S, 10, 64)
		y, errB := strconv.ParseInt(b.S, 10, 64)
		switch {
		case errA == nil && errB == nil:
			switch {
			case x < y:
				return -1
			case x > y:
				return 1
			}
			return 0
		case errA == nil:
			return -1
		case errB == nil:
			return 1
		}
	}
	return strings.Compare(a.S, b.S)
}

// OrderBy is the ORDER BY list that makes PostgreSQL return rows in
// Compare's order, given the SQL expression of each key value (in
// keyValues order).
func (s *Shape) OrderBy(exprs []string) string {
	kv := s.keyValues()
	parts := make([]string, len(kv))
	for i, k := range kv {
		if k.numeric {
			parts[i] = exprs[i]
		} else {
			parts[i] = exprs[i] + `::text COLLATE "C"`
		}
	}
	return strings.Join(parts, ", ")
}

// KeyString describes a row's key for people: "code='de'".
func (s *Shape) KeyString(r Row) string {
	var b strings.Builder
	for i, k := range s.Key {
		if i > 0 {
			b.WriteString(", ")
		}
		c := s.Columns[k]
		b.WriteString(c.Name)
		b.WriteByte('=')
		s.ColumnValue(&b, c, r)
	}
	return b.String()
}

// WhereKey writes the condition selecting row r by key in the database
// the statement runs on.
func (s *Shape) WhereKey(b *strings.Builder, r Row) {
	for i, k := range s.Key {
		if i > 0 {
			b.WriteString(" AND ")
		}
		c := s.Columns[k]
		b.WriteString(sqlgen.QuoteIdent(c.Name))
		b.WriteString(" = ")
		s.ColumnValue(b, c, r)
	}
}
