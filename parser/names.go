package parser

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// maxIdentLen is NAMEDATALEN-1: PostgreSQL truncates identifiers to 63
// bytes.
const maxIdentLen = 63

// quoteIdent quotes s as PostgreSQL's quote_ident does: unquoted only when
// it is lower-case letters, digits and underscores, does not start with a
// digit and is not a keyword other than an unreserved one.
func quoteIdent(s string) string {
	safe := s != "" && (s[0] >= 'a' && s[0] <= 'z' || s[0] == '_')
	for i := 0; safe && i < len(s); i++ {
		c := s[i]
		safe = c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_'
	}
	if safe {
		if _, kw := keywordCategory[s]; !kw {
			return s
		}
	}
	return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
}

// quoteQualified quotes a schema-qualified name; an empty schema leaves the
// name unqualified.
func quoteQualified(schema, name string) string {
	if schema == "" {
		return quoteIdent(name)
	}
	return quoteIdent(schema) + "." + quoteIdent(name)
}

// quoteLiteral quotes s as a SQL string literal as sqlgen.QuoteLiteral
// does: an E'...' escape string when s holds a backslash (as pg_query's
// deparser writes it), so the text means the same under any
// standard_conforming_strings setting.
func quoteLiteral(s string) string {
	if !strings.Contains(s, `\`) {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return "E'" + strings.NewReplacer(`'`, `''`, `\`, `\\`).Replace(s) + "'"
}

// quoteIdentList quotes and comma-joins names.
func quoteIdentList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = quoteIdent(n)
	}
	return strings.Join(q, ", ")
}

// truncateIdent cuts s to maxIdentLen bytes at a character boundary, as
// PostgreSQL does with over-long identifiers.
func truncateIdent(s string) string {
	return clipBytes(s, maxIdentLen)
}

// clipBytes cuts s to at most n bytes without splitting a UTF-8 character
// (pg_mbcliplen).
func clipBytes(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// makeObjectName is PostgreSQL's makeObjectName: name1[_name2][_label],
// truncating the longer of name1 and name2 first so the result fits in 63
// bytes. name2 may be empty for "no name2".
func makeObjectName(name1, name2, label string) string {
	overhead := 0
	n1, n2 := len(name1), len(name2)
	if name2 != "" {
		overhead++
	}
	if label != "" {
		overhead += len(label) + 1
	}
	avail := maxIdentLen - overhead
	for n1+n2 > avail {
		if n1 > n2 {
			n1--
		} else {
			n2--
		}
	}
	var b strings.Builder
	b.WriteString(clipBytes(name1, n1))
	if name2 != "" {
		b.WriteByte('_')
		b.WriteString(clipBytes(name2, n2))
	}
	if label != "" {
		b.WriteByte('_')
		b.WriteString(label)
	}
	return b.String()
}

// joinNameParts is ChooseIndexNameAddition and
// ChooseForeignKeyConstraintNameAddition: the names joined with "_", stopping
// once the result reaches NAMEDATALEN bytes.
func joinNameParts(names []string) string {
	var b strings.Builder
	for _, n := range names {
		if b.Len() > 0 {
			b.WriteByte('_')
		}
		b.WriteString(clipBytes(n, maxIdentLen))
		if b.Len() >= maxIdentLen+1 {
			break
		}
	}
	return b.String()
}

// uniqueColumnNames is ChooseIndexColumnNames' de-duplication: a name
// repeated in the list gets 1, 2, ... appended (fitting in 63 bytes).
func uniqueColumnNames(names []string) []string {
	out := make([]string, 0, len(names))
	seen := map[string]bool{}
	for _, orig := range names {
		cur := orig
		for i := 1; seen[cur]; i++ {
			suffix := strconv.Itoa(i)
			cur = clipBytes(orig, maxIdentLen-len(suffix)) + suffix
		}
		seen[cur] = true
		out = append(out, cur)
	}
	return out
}

// nameSpace tracks the names in use in one schema, for default names and
// their clash numbering.
type nameSpace struct {
	// relations holds tables, sequences and indexes (including the indexes
	// behind primary key, unique and exclusion constraints).
	relations map[string]bool
	// constraints holds constraint names of all tables in the schema.
	constraints map[string]bool
}

func newNameSpace() *nameSpace {
	return &nameSpace{relations: map[string]bool{}, constraints: map[string]bool{}}
}

// chooseRelationName is ChooseRelationName: the first of name1_name2_label,
// name1_name2_label1, ... that no relation (and, for a constraint's index,
// no constraint) uses. The chosen name is reserved.
func (ns *nameSpace) chooseRelationName(name1, name2, label string, isConstraint bool) string {
	modLabel := label
	for pass := 1; ; pass++ {
		name := makeObjectName(name1, name2, modLabel)
		if !ns.relations[name] && !(isConstraint && ns.constraints[name]) {
			ns.relations[name] = true
			if isConstraint {
				ns.constraints[name] = true
			}
			return name
		}
		modLabel = label + strconv.Itoa(pass)
	}
}

// chooseConstraintName is ChooseConstraintName (CHECK and FOREIGN KEY
// constraints): unique among the schema's constraint names.
func (ns *nameSpace) chooseConstraintName(name1, name2, label string) string {
	modLabel := label
	for pass := 1; ; pass++ {
		name := makeObjectName(name1, name2, modLabel)
		if !ns.constraints[name] {
			ns.constraints[name] = true
			return name
		}
		modLabel = label + strconv.Itoa(pass)
	}
}
