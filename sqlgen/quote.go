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

// QuoteLiteral quotes s as an SQL string literal: 'abc', or, when s holds
// a backslash, an escape string E'a\\b' (as PostgreSQL's quote_literal and
// pg_query's deparser write it). Either form means the same under any
// standard_conforming_strings setting, so a backslash in a value or a
// comment can never end the literal early, whoever runs the SQL.
func QuoteLiteral(s string) string {
	if !strings.Contains(s, `\`) {
		return "'" + strings.ReplaceAll(s, "'", "''") + "'"
	}
	return "E'" + literalEscaper.Replace(s) + "'"
}

// literalEscaper doubles quotes and backslashes inside an E'...' literal.
var literalEscaper = strings.NewReplacer(`'`, `''`, `\`, `\\`)

// quoteIdents quotes each name and joins them with ", ".
func quoteIdents(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = QuoteIdent(n)
	}
	return strings.Join(q, ", ")
}
