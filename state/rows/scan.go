package rows

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// SyntaxError is a data file problem at path:line:column.
type SyntaxError struct {
	Path         string
	Line, Column int
	Msg          string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("%s:%d:%d: %s", e.Path, e.Line, e.Column, e.Msg)
}

// Reader reads the rows of a data file in file order.
type Reader struct {
	path  string
	shape *Shape
	sc    *bufio.Scanner
	line  int
	// pending are lines read ahead, whose texts share one string
	// (one allocation per readAheadBytes of the file, not one per line);
	// ended is set once the scanner has no more.
	pending []string
	next    int
	buf     []byte
	ended   bool
	vals    Slab
	// cols maps the positions of the last column list read to data
	// columns; lists are the same on every line of a written file.
	colText string
	cols    []int
}

// maxLine bounds one row's line.
const maxLine = 256 << 20

// NewReader reads data file path (as named in errors) of shape s from r.
func NewReader(r io.Reader, path string, s *Shape) *Reader {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), maxLine)
	return &Reader{path: path, shape: s, sc: sc}
}

// readAheadBytes is about how much of a data file the Reader reads ahead.
const readAheadBytes = 32 << 10

// nextLine returns the next line, false at the end of the file.
func (r *Reader) nextLine() (string, bool) {
	if r.next == len(r.pending) && !r.ended {
		r.pending, r.next = r.pending[:0], 0
		r.buf = r.buf[:0]
		var ends []int
		for len(r.buf) < readAheadBytes {
			if !r.sc.Scan() {
				r.ended = true
				break
			}
			r.buf = append(r.buf, r.sc.Bytes()...)
			ends = append(ends, len(r.buf))
		}
		all := string(r.buf)
		start := 0
		for _, e := range ends {
			r.pending = append(r.pending, all[start:e])
			start = e
		}
		if cap(r.buf) > 4*readAheadBytes {
			r.buf = nil // a long line's buffer is not kept
		}
	}
	if r.next == len(r.pending) {
		return "", false
	}
	r.next++
	return r.pending[r.next-1], true
}

// Next returns the next row, or io.EOF after the last.
func (r *Reader) Next() (Row, error) {
	for {
		text, ok := r.nextLine()
		if !ok {
			break
		}
		r.line++
		t := strings.TrimSpace(text)
		if t == "" || strings.HasPrefix(t, "--") {
			continue
		}
		if skip, err := r.setting(t); skip || err != nil {
			if err != nil {
				return Row{}, err
			}
			continue
		}
		p := &lineScanner{s: text, path: r.path, line: r.line}
		row, err := r.parse(p)
		if err != nil {
			return Row{}, err
		}
		row.Line = r.line
		return row, nil
	}
	if err := r.sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return Row{}, fmt.Errorf("%s:%d: line longer than %d MB", r.path, r.line+1, maxLine>>20)
		}
		return Row{}, fmt.Errorf("reading %s: %w", r.path, err)
	}
	return Row{}, io.EOF
}

func (r *Reader) parse(p *lineScanner) (Row, error) {
	s := r.shape
	p.space()
	if !p.keyword("INSERT") || !p.keyword("INTO") {
		return Row{}, p.errorf("expected INSERT INTO %s (...) VALUES (...); one row per line", s.Table)
	}
	start := p.i
	schema, name, ok := p.qualName()
	if !ok {
		return Row{}, p.errorf("expected a table name")
	}
	if schema == "" {
		schema = "public"
	}
	if schema != s.Table.Schema || name != s.Table.Name {
		return Row{}, p.errorAt(start, "this is the data file of %s, not of %s.%s", s.Table, schema, name)
	}
	p.space()
	listStart := p.i
	if r.colText != "" && strings.HasPrefix(p.s[p.i:], r.colText) {
		// The column list of the line before (every line of a written
		// file has the same): mapped already.
		p.i += len(r.colText)
	} else if err := r.columnList(p, listStart); err != nil {
		return Row{}, err
	}
	p.space()
	if p.keyword("OVERRIDING") {
		if !(p.keyword("SYSTEM") || p.keyword("USER")) || !p.keyword("VALUE") {
			return Row{}, p.errorf("expected OVERRIDING SYSTEM VALUE")
		}
	}
	if !p.keyword("VALUES") {
		return Row{}, p.errorf("expected VALUES")
	}
	p.space()
	if !p.char('(') {
		return Row{}, p.errorf(`expected "(" and the row's values`)
	}
	row := Row{Vals: r.vals.Take(s.Width)}
	for i, ci := range r.cols {
		p.space()
		if i > 0 {
			if !p.char(',') {
				if p.peek() == ')' {
					return Row{}, p.errorf("%d values for %d columns", i, len(r.cols))
				}
				return Row{}, p.errorf(`expected ","`)
			}
			p.space()
		}
		c := s.Columns[ci]
		if err := p.columnValue(c, row.Vals[c.Off:c.Off+c.Width()]); err != nil {
			return Row{}, err
		}
	}
	p.space()
	if !p.char(')') {
		return Row{}, p.errorf("more values than the %d columns", len(r.cols))
	}
	p.space()
	if !p.char(';') {
		return Row{}, p.errorf(`expected ";" ending the row (one row per line)`)
	}
	p.space()
	if p.i < len(p.s) && !strings.HasPrefix(p.s[p.i:], "--") {
		return Row{}, p.errorf("unexpected text after the row's statement (one row per line)")
	}
	for _, k := range s.keyValues() {
		if row.Vals[k.off].Null {
			return Row{}, &SyntaxError{Path: p.path, Line: p.line, Column: 1, Msg: fmt.Sprintf("NULL in key column of %s (key: %s)", s.Table, strings.Join(s.KeyNames(), ", "))}
		}
	}
	return row, nil
}

// columnList reads a row's column list, starting at its "(" (listStart),
// and maps it to the data columns (r.cols) unless it is the list mapped
// last.
func (r *Reader) columnList(p *lineScanner, listStart int) error {
	if !p.char('(') {
		return p.errorf("expected the column list")
	}
	var names []string
	for {
		p.space()
		n, ok := p.ident()
		if !ok {
			return p.errorf("expected a column name")
		}
		names = append(names, n)
		p.space()
		if p.char(')') {
			break
		}
		if !p.char(',') {
			return p.errorf(`expected "," or ")"`)
		}
	}
	if text := p.s[listStart:p.i]; text != r.colText {
		cols, err := r.mapColumns(p, listStart, names)
		if err != nil {
			return err
		}
		r.colText, r.cols = text, cols
	}
	return nil
}

// mapColumns maps a column list to data columns; every data column must
// be listed once, and only those.
func (r *Reader) mapColumns(p *lineScanner, at int, names []string) ([]int, error) {
	s := r.shape
	cols := make([]int, len(names))
	seen := map[int]bool{}
	for i, n := range names {
		ci, ok := s.Column(n)
		if !ok {
			return nil, p.errorAt(at, "column %q is not a data column of %s (not a column of the table, generated, ignored with ignore_columns, or an id the database generates)", n, s.Table)
		}
		if seen[ci] {
			return nil, p.errorAt(at, "column %q is listed twice", n)
		}
		seen[ci] = true
		cols[i] = ci
	}
	for ci, c := range s.Columns {
		if !seen[ci] {
			return nil, p.errorAt(at, "column %q of %s is missing: a data row lists every data column (ignore a column with ignore_columns in renovate.hcl)", c.Name, s.Table)
		}
	}
	return cols, nil
}

// lineScanner scans one line.
type lineScanner struct {
	s    string
	i    int
	path string
	line int
}

func (p *lineScanner) errorf(format string, args ...any) error {
	return p.errorAt(p.i, format, args...)
}

func (p *lineScanner) errorAt(i int, format string, args ...any) error {
	return &SyntaxError{Path: p.path, Line: p.line, Column: i + 1, Msg: fmt.Sprintf(format, args...)}
}

func (p *lineScanner) peek() byte {
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *lineScanner) space() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\r') {
		p.i++
	}
}

func (p *lineScanner) char(c byte) bool {
	if p.peek() == c {
		p.i++
		return true
	}
	return false
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}
func isIdentChar(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' || c == '$' }

// keyword consumes keyword kw (case-insensitive, a whole word) and the
// space after it.
func (p *lineScanner) keyword(kw string) bool {
	end := p.i + len(kw)
	if end > len(p.s) || !strings.EqualFold(p.s[p.i:end], kw) || end < len(p.s) && isIdentChar(p.s[end]) {
		return false
	}
	p.i = end
	p.space()
	return true
}

// ident reads an identifier: quoted exactly, bare folded to lower case.
func (p *lineScanner) ident() (string, bool) {
	if p.char('"') {
		var b strings.Builder
		for p.i < len(p.s) {
			c := p.s[p.i]
			p.i++
			if c == '"' {
				if p.char('"') {
					b.WriteByte('"')
					continue
				}
				return b.String(), b.Len() > 0
			}
			b.WriteByte(c)
		}
		return "", false
	}
	start := p.i
	if p.i >= len(p.s) || !isIdentStart(p.s[p.i]) {
		return "", false
	}
	for p.i < len(p.s) && isIdentChar(p.s[p.i]) {
		p.i++
	}
	return strings.ToLower(p.s[start:p.i]), true
}

func (p *lineScanner) qualName() (schema, name string, ok bool) {
	first, ok := p.ident()
	if !ok {
		return "", "", false
	}
	if !p.char('.') {
		return "", first, true
	}
	second, ok := p.ident()
	return first, second, ok
}

// columnValue reads the value of data column c into dst.
func (p *lineScanner) columnValue(c Column, dst []Value) error {
	if c.Ref == nil {
		if p.peek() == '(' {
			return p.errorf("column %q takes a literal value (only a reference by natural key is written as a subquery)", c.Name)
		}
		v, err := p.literal()
		if err != nil {
			return err
		}
		dst[0] = v
		return nil
	}
	if p.keyword("NULL") {
		for i := range dst {
			dst[i] = Value{Null: true}
		}
		return nil
	}
	return p.reference(c, dst)
}

// reference reads (SELECT col FROM table WHERE k = v AND ...), a key
// column that is itself a reference taking a nested subquery.
func (p *lineScanner) reference(c Column, dst []Value) error {
	return p.ref(c.Name, c.Ref, dst)
}

func (p *lineScanner) ref(name string, r *Ref, dst []Value) error {
	want := fmt.Sprintf("column %q refers to %s by its key: write NULL or (SELECT %s FROM %s WHERE %s = ...)", name, r.Table, r.Column, r.Table, r.Key[0])
	start := p.i
	if !p.char('(') {
		return p.errorf("%s", want)
	}
	p.space()
	if !p.keyword("SELECT") {
		return p.errorAt(start, "%s", want)
	}
	col, ok := p.ident()
	p.space()
	if !ok || col != r.Column || !p.keyword("FROM") {
		return p.errorAt(start, "%s", want)
	}
	schema, tname, ok := p.qualName()
	if schema == "" {
		schema = "public"
	}
	if !ok || schema != r.Table.Schema || tname != r.Table.Name {
		return p.errorAt(start, "%s", want)
	}
	p.space()
	if !p.keyword("WHERE") {
		return p.errorAt(start, "%s", want)
	}
	offs := make([]int, len(r.Key)+1)
	for i := range r.Key {
		offs[i+1] = offs[i] + r.keyWidth(i)
	}
	seen := make([]bool, len(r.Key))
	for n := 0; ; n++ {
		if n > 0 {
			if !p.keyword("AND") {
				break
			}
		}
		at := p.i
		k, ok := p.ident()
		if !ok {
			return p.errorf("expected a key column of %s", r.Table)
		}
		ki := slices.Index(r.Key, k)
		if ki < 0 || seen[ki] {
			return p.errorAt(at, "%s is keyed by (%s): %q is not one of its key columns, or is named twice", r.Table, strings.Join(r.Key, ", "), k)
		}
		seen[ki] = true
		kv := dst[offs[ki]:offs[ki+1]]
		p.space()
		if p.keyword("IS") {
			if !p.keyword("NULL") {
				return p.errorf("expected IS NULL")
			}
			for i := range kv {
				kv[i] = Value{Null: true}
			}
			continue
		}
		if !p.char('=') {
			return p.errorf(`expected "="`)
		}
		p.space()
		if r.KeyRefs != nil && r.KeyRefs[ki] != nil {
			if err := p.ref(k, r.KeyRefs[ki], kv); err != nil {
				return err
			}
			p.space()
			continue
		}
		v, err := p.literal()
		if err != nil {
			return err
		}
		kv[0] = v
		p.space()
	}
	for i, s := range seen {
		if !s {
			return p.errorAt(start, "the reference to %s does not name key column %q", r.Table, r.Key[i])
		}
	}
	p.space()
	if !p.char(')') {
		return p.errorf(`expected ")" closing the reference`)
	}
	return nil
}

// literal reads NULL, TRUE, FALSE, a number, or a string literal ('...'
// or E'...') optionally followed by a ::type cast, which is ignored: the
// database casts the text to the column's type.
func (p *lineScanner) literal() (Value, error) {
	start := p.i
	switch {
	case p.keyword("NULL"):
		return Value{Null: true}, nil
	case p.keyword("TRUE"):
		return p.cast(Value{S: "true"})
	case p.keyword("FALSE"):
		return p.cast(Value{S: "false"})
	}
	c := p.peek()
	switch {
	case c == '\'':
		s, err := p.quoted(false)
		if err != nil {
			return Value{}, err
		}
		return p.cast(Value{S: s})
	case (c == 'E' || c == 'e') && p.i+1 < len(p.s) && p.s[p.i+1] == '\'':
		p.i++
		s, err := p.quoted(true)
		if err != nil {
			return Value{}, err
		}
		return p.cast(Value{S: s})
	case c == '-' || c == '+' || c == '.' || c >= '0' && c <= '9':
		p.i++
		for p.i < len(p.s) {
			d := p.s[p.i]
			if d >= '0' && d <= '9' || d == '.' || d == 'e' || d == 'E' || (d == '-' || d == '+') && (p.s[p.i-1] == 'e' || p.s[p.i-1] == 'E') {
				p.i++
				continue
			}
			break
		}
		s := p.s[start:p.i]
		if s[0] == '+' {
			s = s[1:]
		}
		if !isNumber(s) {
			return Value{}, p.errorAt(start, "%q is not a number", p.s[start:p.i])
		}
		return p.cast(Value{S: s})
	}
	return Value{}, p.errorf("expected a value: NULL, true, false, a number or a string literal")
}

// cast skips a ::type suffix.
func (p *lineScanner) cast(v Value) (Value, error) {
	p.space()
	if !strings.HasPrefix(p.s[p.i:], "::") {
		return v, nil
	}
	p.i += 2
	depth := 0
	start := p.i
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case '(', '[':
			depth++
		case ')', ']':
			if depth == 0 {
				goto done
			}
			depth--
		case ',', ';':
			if depth == 0 {
				goto done
			}
		case '"':
			if _, ok := p.ident(); !ok {
				return v, p.errorf("unterminated quoted type name")
			}
			continue
		}
		p.i++
	}
done:
	if strings.TrimSpace(p.s[start:p.i]) == "" {
		return v, p.errorAt(start, "expected a type name after ::")
	}
	return v, nil
}

// quoted reads a string literal starting at its opening quote; escapes
// says it is an E'...' literal.
func (p *lineScanner) quoted(escapes bool) (string, error) {
	start := p.i
	if !escapes {
		// Most literals hold no doubled quote: they are the text up to
		// the closing quote, read without copying.
		if j := strings.IndexByte(p.s[start+1:], '\''); j >= 0 {
			end := start + 1 + j
			if end+1 >= len(p.s) || p.s[end+1] != '\'' {
				p.i = end + 1
				return p.s[start+1 : end], nil
			}
		}
	}
	p.i++ // opening quote
	var b strings.Builder
	for p.i < len(p.s) {
		c := p.s[p.i]
		p.i++
		switch {
		case c == '\'':
			if p.char('\'') {
				b.WriteByte('\'')
				continue
			}
			return b.String(), nil
		case c == '\\' && escapes:
			if p.i >= len(p.s) {
				return "", p.errorAt(start, "unterminated string literal")
			}
			e := p.s[p.i]
			p.i++
			switch e {
			case 'n':
				b.WriteByte('\n')
			case 'r':
				b.WriteByte('\r')
			case 't':
				b.WriteByte('\t')
			case 'b':
				b.WriteByte('\b')
			case 'f':
				b.WriteByte('\f')
			case 'x':
				n, v := 0, 0
				for n < 2 && p.i < len(p.s) && isHex(p.s[p.i]) {
					v = v*16 + hexVal(p.s[p.i])
					p.i++
					n++
				}
				if n == 0 {
					return "", p.errorAt(p.i-2, `\x needs hexadecimal digits`)
				}
				b.WriteByte(byte(v))
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v := int(e - '0')
				for n := 1; n < 3 && p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '7'; n++ {
					v = v*8 + int(p.s[p.i]-'0')
					p.i++
				}
				b.WriteByte(byte(v))
			case 'u', 'U':
				return "", p.errorAt(p.i-2, `\u escapes are not supported in data files: write the character itself`)
			default:
				b.WriteByte(e)
			}
		default:
			b.WriteByte(c)
		}
	}
	return "", p.errorAt(start, "unterminated string literal (a row's values stay on one line: write newlines as E'...\\n...')")
}

func isHex(c byte) bool { return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' }

func hexVal(c byte) int {
	switch {
	case c >= '0' && c <= '9':
		return int(c - '0')
	case c >= 'a' && c <= 'f':
		return int(c-'a') + 10
	}
	return int(c-'A') + 10
}

// setting reads a SET line: the header's ConformingStrings is skipped; any
// other SET is refused, since the rows are read as renovate writes them
// (standard_conforming_strings on) whatever the line would say.
func (r *Reader) setting(t string) (bool, error) {
	// Every row line starts with INSERT: only a line starting with the
	// word SET is looked at further.
	if len(t) < 3 || !strings.EqualFold(t[:3], "set") {
		return false, nil
	}
	f := strings.Fields(strings.TrimSuffix(strings.ToLower(t), ";"))
	if len(f) == 0 || f[0] != "set" {
		return false, nil
	}
	switch strings.Join(f[1:], "") {
	case "standard_conforming_strings=on", "standard_conforming_stringstoon":
		return true, nil
	}
	return false, &SyntaxError{Path: r.path, Line: r.line, Column: 1,
		Msg: "a data file holds rows, one INSERT per line, and at most " + ConformingStrings + " (its header); remove this SET"}
}
