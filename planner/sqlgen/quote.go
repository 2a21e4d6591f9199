package sqlgen

import (
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// QuoteIdent quotes name the way PostgreSQL's quote_ident does: only when it
// is not a lower-case, plain identifier or is a keyword that cannot be used
// bare.
func QuoteIdent(name string) string {
	if name != "" && isPlainIdent(name) && !quotedKeywords[name] {
		return name
	}
	return `"` + strings.ReplaceAll(name, `"`, `""`) + `"`
}

func isPlainIdent(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c == '_':
		case (c >= '0' && c <= '9') || c == '$':
			if i == 0 {
				return false
			}
		default:
			return false
		}
	}
	return true
}

// QualifiedName quotes and joins schema and name ("public.users",
// `app."Order"`). An empty schema yields the bare quoted name.
func QualifiedName(schema, name string) string {
	if schema == "" {
		return QuoteIdent(name)
	}
	return QuoteIdent(schema) + "." + QuoteIdent(name)
}

// Qual quotes a state.QualName.
func Qual(q state.QualName) string { return QualifiedName(q.Schema, q.Name) }

// QuoteLiteral quotes s as a standard SQL string literal ('it”s'). It relies
// on standard_conforming_strings, on by default since PostgreSQL 9.1.
func QuoteLiteral(s string) string {
	return "'" + strings.ReplaceAll(s, "'", "''") + "'"
}

// quoteIdents quotes each name and joins them with ", ".
func quoteIdents(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = QuoteIdent(n)
	}
	return strings.Join(q, ", ")
}
