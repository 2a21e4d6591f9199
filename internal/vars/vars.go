package vars

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// Error is a bad variable reference in a file: an unknown variable or a
// malformed reference.
type Error struct {
	File      string
	Line, Col int
	Msg       string
}

// Error implements error as "file:line:col: msg".
func (e *Error) Error() string { return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg) }

// ref is one {{...}} occurrence that mentions var.
type ref struct {
	start, end int // the whole {{...}}
	bangs      int // escape level: "!" after "{{"
	name       string
	bad        string // why it is malformed, "" when well formed
}

// scan finds the references and escaped references in text.
func scan(text string) []ref {
	var out []ref
	for i := 0; ; {
		j := strings.Index(text[i:], "{{")
		if j < 0 {
			return out
		}
		start := i + j
		p := start + 2
		r := ref{start: start}
		for p < len(text) && text[p] == '!' {
			r.bangs++
			p++
		}
		p = skipSpaces(text, p)
		if !strings.HasPrefix(text[p:], "var.") {
			i = start + 1
			continue
		}
		p += len("var.")
		n := p
		for n < len(text) && isIdentByte(text[n], n == p) {
			n++
		}
		r.name = text[p:n]
		q := skipSpaces(text, n)
		switch {
		case r.name == "":
			r.bad = "a variable name must follow \"var.\""
		case !strings.HasPrefix(text[q:], "}}"):
			r.bad = fmt.Sprintf("unterminated reference to variable %q: want {{var.%s}}", r.name, r.name)
		}
		if r.bad != "" {
			r.end = n
			out = append(out, r)
			i = n
			continue
		}
		r.end = q + 2
		out = append(out, r)
		i = r.end
	}
}

func skipSpaces(s string, i int) int {
	for i < len(s) && (s[i] == ' ' || s[i] == '\t') {
		i++
	}
	return i
}

func isIdentByte(c byte, first bool) bool {
	return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (!first && c >= '0' && c <= '9')
}

// position turns a byte offset into a 1-based line and column.
func position(text string, off int) (int, int) {
	line := 1 + strings.Count(text[:off], "\n")
	col := off - strings.LastIndexByte(text[:off], '\n')
	return line, col
}

// HasReferences reports whether text contains anything Expand would change.
func HasReferences(text string) bool { return len(scan(text)) > 0 }

// Expand replaces every {{var.NAME}} in text (the contents of file) by the
// variable's value and unescapes {{!var.NAME}}. Every unknown variable and
// malformed reference is reported as an *Error naming file:line:col
// (errors.Join of them).
func Expand(file, text string, values map[string]string) (string, error) {
	refs := scan(text)
	if len(refs) == 0 {
		return text, nil
	}
	var b strings.Builder
	var errs []error
	last := 0
	for _, r := range refs {
		b.WriteString(text[last:r.start])
		last = r.end
		fail := func(msg string) {
			line, col := position(text, r.start)
			errs = append(errs, &Error{File: file, Line: line, Col: col, Msg: msg})
		}
		switch {
		case r.bad != "":
			fail(r.bad)
		case r.bangs > 0:
			// An escaped reference: drop one "!".
			b.WriteString("{{")
			b.WriteString(text[r.start+3 : r.end])
		default:
			v, ok := values[r.name]
			if !ok {
				fail(unknownMessage(r.name, values))
				continue
			}
			b.WriteString(v)
		}
	}
	b.WriteString(text[last:])
	if len(errs) > 0 {
		return "", errors.Join(errs...)
	}
	return b.String(), nil
}

func unknownMessage(name string, values map[string]string) string {
	if len(values) == 0 {
		return fmt.Sprintf("unknown variable %q (renovate.hcl defines no variables for this environment)", name)
	}
	names := make([]string, 0, len(values))
	for n := range values {
		names = append(names, n)
	}
	sort.Strings(names)
	return fmt.Sprintf("unknown variable %q (defined: %s)", name, strings.Join(names, ", "))
}

// escape returns text with every reference and escaped reference escaped
// once more, so that Expand gives text back.
func escape(text string) string {
	refs := scan(text)
	if len(refs) == 0 {
		return text
	}
	var b strings.Builder
	last := 0
	for _, r := range refs {
		b.WriteString(text[last : r.start+2])
		b.WriteByte('!')
		last = r.start + 2
	}
	b.WriteString(text[last:])
	return b.String()
}

// replacement is a span of SQL to replace by a reference.
type replacement struct {
	start, end int
	with       string
	// value is the variable's value the span holds; role tells a role
	// name from a string literal.
	value string
	role  bool
}

// Reverse returns sql with references written back where a role name
// (GRANT ... TO, OWNER TO, policy roles, ...) equals exactly one
// variable's value: it becomes {{var.NAME}}, keeping its quotes. String
// literals are never written back by Reverse: that a literal equals a
// variable's value says nothing about where it came from (a CHECK listing
// every region holds each region's value); ReverseLike writes them back
// where the previous file used the variable. Text that already looks like
// a reference is escaped, so Expand(Reverse(sql)) == sql for the same
// values. SQL that does not parse is only escaped.
func Reverse(sql string, values map[string]string) string {
	return ReverseLike(sql, values, "", false)
}

// ReverseLike is Reverse for a file whose previous version (as written,
// with its references) is previous, when hasPrevious is set: a role name
// or whole string literal becomes a reference only where the previous
// version used that variable. The k-th occurrence of a value in sql (as a
// role, or as a literal) is matched with the k-th occurrence in the
// previous version, expanded with values: a reference there is a
// reference here. When the previous version used the variable for every
// occurrence of the value, new occurrences are references too; a role
// whose value the previous version never mentions is written back as
// Reverse does. Without a previous version it is Reverse.
func ReverseLike(sql string, values map[string]string, previous string, hasPrevious bool) string {
	byValue := uniqueValues(values)
	var reps []replacement
	if len(byValue) > 0 && mentionsAny(sql, byValue) {
		reps = findReplacements(sql, byValue)
	}
	var prev map[usageKey][]bool
	if hasPrevious && len(reps) > 0 {
		prev = previousUsage(previous, values, byValue)
	}
	reps = keepUsed(reps, prev)
	var b strings.Builder
	last := 0
	for _, r := range reps {
		b.WriteString(escape(sql[last:r.start]))
		b.WriteString(r.with)
		last = r.end
	}
	b.WriteString(escape(sql[last:]))
	return b.String()
}

// uniqueValues maps each non-empty value held by exactly one variable to
// that variable's name.
func uniqueValues(values map[string]string) map[string]string {
	byValue := map[string]string{}
	ambiguous := map[string]bool{}
	for name, v := range values {
		if v == "" {
			continue
		}
		if _, dup := byValue[v]; dup {
			ambiguous[v] = true
		}
		byValue[v] = name
	}
	for v := range ambiguous {
		delete(byValue, v)
	}
	return byValue
}

// usageKey groups occurrences: a value as a role name, or as a literal.
type usageKey struct {
	value string
	role  bool
}

// previousUsage returns, per value and kind of occurrence, whether each
// occurrence in the previous file (in order) was a reference to its
// variable. A previous file with bad references gives nil (no usage
// known).
func previousUsage(previous string, values map[string]string, byValue map[string]string) map[usageKey][]bool {
	expanded, spans, ok := expandTracked(previous, values)
	if !ok {
		return nil
	}
	out := map[usageKey][]bool{}
	for _, r := range findReplacements(expanded, byValue) {
		k := usageKey{value: r.value, role: r.role}
		name := byValue[r.value]
		used := false
		for _, s := range spans {
			if s.name == name && s.start >= r.start && s.end <= r.end {
				used = true
				break
			}
		}
		out[k] = append(out[k], used)
	}
	return out
}

// keepUsed returns the replacements to make given the previous file's
// usage (nil: no previous file, so role names only).
func keepUsed(reps []replacement, prev map[usageKey][]bool) []replacement {
	var out []replacement
	seen := map[usageKey]int{}
	for _, r := range reps {
		k := usageKey{value: r.value, role: r.role}
		i := seen[k]
		seen[k]++
		old, known := prev[k]
		switch {
		case prev == nil || !known:
			// Nothing to go by: a role name is the environment's role;
			// a literal stays as it is.
			if r.role {
				out = append(out, r)
			}
		case allTrue(old):
			out = append(out, r)
		case i < len(old) && old[i]:
			out = append(out, r)
		}
	}
	return out
}

func allTrue(b []bool) bool {
	for _, x := range b {
		if !x {
			return false
		}
	}
	return len(b) > 0
}

// span is where Expand put a variable's value.
type span struct {
	start, end int
	name       string
}

// expandTracked is Expand that also returns where each value went; ok is
// false when text has a bad reference.
func expandTracked(text string, values map[string]string) (string, []span, bool) {
	refs := scan(text)
	var b strings.Builder
	var spans []span
	last := 0
	for _, r := range refs {
		b.WriteString(text[last:r.start])
		last = r.end
		switch {
		case r.bad != "":
			return "", nil, false
		case r.bangs > 0:
			b.WriteString("{{")
			b.WriteString(text[r.start+3 : r.end])
		default:
			v, ok := values[r.name]
			if !ok {
				return "", nil, false
			}
			spans = append(spans, span{start: b.Len(), end: b.Len() + len(v), name: r.name})
			b.WriteString(v)
		}
	}
	b.WriteString(text[last:])
	return b.String(), spans, true
}

func mentionsAny(sql string, byValue map[string]string) bool {
	for v := range byValue {
		if strings.Contains(sql, v) {
			return true
		}
	}
	return false
}

// findReplacements locates role names and string literals in the parse
// tree whose value is a variable's, sorted by position.
func findReplacements(sql string, byValue map[string]string) []replacement {
	tree, err := pg_query.Parse(sql)
	if err != nil {
		return nil
	}
	seen := map[int]bool{}
	var reps []replacement
	add := func(loc int, quote byte, value string) {
		name, ok := byValue[value]
		if !ok || seen[loc] || loc < 0 || loc >= len(sql) {
			return
		}
		ref := "{{var." + name + "}}"
		written := value
		if quote != 0 {
			written = string(quote) + value + string(quote)
			ref = string(quote) + ref + string(quote)
		}
		if !strings.HasPrefix(sql[loc:], written) {
			return
		}
		if quote == 0 {
			// The whole identifier, not a prefix of a longer one.
			if end := loc + len(written); end < len(sql) && (isIdentByte(sql[end], false) || sql[end] == '$') {
				return
			}
		}
		seen[loc] = true
		reps = append(reps, replacement{start: loc, end: loc + len(written), with: ref, value: value, role: quote != '\''})
	}
	var walk func(m protoreflect.Message)
	walk = func(m protoreflect.Message) {
		switch n := m.Interface().(type) {
		case *pg_query.RoleSpec:
			if n.Roletype == pg_query.RoleSpecType_ROLESPEC_CSTRING && !strings.Contains(n.Rolename, `"`) {
				loc := int(n.Location)
				if loc >= 0 && loc < len(sql) && sql[loc] == '"' {
					add(loc, '"', n.Rolename)
				} else {
					add(loc, 0, n.Rolename)
				}
			}
			return
		case *pg_query.A_Const:
			if sv := n.GetSval(); sv != nil && !strings.ContainsAny(sv.Sval, `'\`) {
				add(int(n.Location), '\'', sv.Sval)
			}
			return
		}
		m.Range(func(fd protoreflect.FieldDescriptor, v protoreflect.Value) bool {
			switch {
			case fd.IsList() && fd.Message() != nil:
				l := v.List()
				for i := 0; i < l.Len(); i++ {
					walk(l.Get(i).Message())
				}
			case fd.Message() != nil && !fd.IsMap():
				walk(v.Message())
			}
			return true
		})
	}
	walk(tree.ProtoReflect())
	sort.Slice(reps, func(i, j int) bool { return reps[i].start < reps[j].start })
	return reps
}
