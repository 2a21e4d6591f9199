package rows

import (
	"strconv"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
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
			out = append(out, keyValue{c.Off, numericKey(c.Type)})
			continue
		}
		for i, t := range c.Ref.KeyTypes {
			out = append(out, keyValue{c.Off + i, numericKey(t)})
		}
	}
	s.kv = out
	return out
}

// numericKey reports whether key values of type typ sort by their
// value: integers, numeric (any precision and scale), real and double
// precision. PostgreSQL orders and compares them so (1.5 = 1.50), and
// a unique key holds one of them only.
func numericKey(typ string) bool {
	return numberTypes[baseType(typ)]
}

// Compare orders rows by key: numbers by value (as PostgreSQL orders
// them: -Infinity, the numbers, Infinity, then NaN), everything else by
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
		if errA == nil && errB == nil {
			return cmpInt(x, y)
		}
		if c, ok := compareNumbers(a.S, b.S); ok {
			return c
		}
	}
	return strings.Compare(a.S, b.S)
}

func cmpInt(x, y int64) int {
	switch {
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// number is a parsed decimal: sign, significant digits without leading
// or trailing zeros, and the power of ten of the first of them; rank
// orders the special values (-Infinity 0, numbers 1, Infinity 2, NaN 3).
type number struct {
	rank   int
	neg    bool
	digits string
	exp    int
}

// parseNumber reads PostgreSQL's text of a number: [-]digits[.digits]
// [e[+-]digits], Infinity, -Infinity or NaN.
func parseNumber(s string) (number, bool) {
	switch s {
	case "NaN":
		return number{rank: 3}, true
	case "Infinity":
		return number{rank: 2}, true
	case "-Infinity":
		return number{rank: 0}, true
	}
	n := number{rank: 1}
	i := 0
	if i < len(s) && (s[i] == '-' || s[i] == '+') {
		n.neg = s[i] == '-'
		i++
	}
	var mant []byte
	point := -1
	start := i
	for ; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			mant = append(mant, c)
		case c == '.' && point < 0:
			point = len(mant)
		default:
			goto exponent
		}
	}
exponent:
	if len(mant) == 0 || i == start {
		return number{}, false
	}
	e := 0
	if i < len(s) {
		if s[i] != 'e' && s[i] != 'E' {
			return number{}, false
		}
		v, err := strconv.Atoi(strings.TrimPrefix(s[i+1:], "+"))
		if err != nil {
			return number{}, false
		}
		e = v
	}
	if point < 0 {
		point = len(mant)
	}
	// Strip leading zeros (moving the point) and trailing ones.
	lead := 0
	for lead < len(mant) && mant[lead] == '0' {
		lead++
	}
	if lead == len(mant) {
		return number{rank: 1}, true // zero, whatever its sign
	}
	mant = mant[lead:]
	point -= lead
	end := len(mant)
	for end > 0 && mant[end-1] == '0' {
		end--
	}
	n.digits = string(mant[:end])
	n.exp = point + e
	return n, true
}

// compareNumbers compares two numbers' texts by value; false when one of
// them is not a number.
func compareNumbers(a, b string) (int, bool) {
	x, okA := parseNumber(a)
	y, okB := parseNumber(b)
	if !okA || !okB {
		return 0, false
	}
	if x.rank != y.rank {
		return cmpInt(int64(x.rank), int64(y.rank)), true
	}
	if x.rank != 1 {
		return 0, true
	}
	sign := func(n number) int {
		switch {
		case n.digits == "":
			return 0
		case n.neg:
			return -1
		}
		return 1
	}
	sx, sy := sign(x), sign(y)
	if sx != sy || sx == 0 {
		return cmpInt(int64(sx), int64(sy)), true
	}
	// Same sign: compare magnitudes, then flip for negatives.
	c := cmpInt(int64(x.exp), int64(y.exp))
	if c == 0 {
		c = strings.Compare(x.digits, y.digits)
	}
	return c * sx, true
}

// OrderBy is the ORDER BY list that makes PostgreSQL return rows in
// Compare's order, given the SQL expression of each key value (in
// keyValues order).
func (s *Shape) OrderBy(exprs []string) string {
	return s.OrderByBytes(exprs, nil)
}

// OrderByBytes is OrderBy knowing that the key values whose byteOrdered
// is set sort in their own type's order as their texts' bytes do (a text
// column of collation "C", a uuid): those are ordered by the expression
// itself, which an index on the key can serve, instead of by its text in
// collation "C", which needs a sort.
func (s *Shape) OrderByBytes(exprs []string, byteOrdered []bool) string {
	kv := s.keyValues()
	parts := make([]string, len(kv))
	for i, k := range kv {
		switch {
		case k.numeric:
			// The type's own order, which compareNumbers follows.
			parts[i] = exprs[i]
		case i < len(byteOrdered) && byteOrdered[i]:
			parts[i] = exprs[i]
		default:
			parts[i] = exprs[i] + `::pg_catalog.text COLLATE pg_catalog."C"`
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
