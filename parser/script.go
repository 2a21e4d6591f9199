package parser

import (
	"sort"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// This file names the script-only parts of SQL files (psql variables,
// transaction control spelled END or ABORT) in errors, so a file written
// as a psql script gets a message about what it is, not a bare syntax
// error.

// psqlVariable returns the psql variable reference (:name, :'name',
// :"name") starting at offset of sql, or "".
func psqlVariable(sql string, offset int) string {
	if offset < 0 || offset >= len(sql)-1 || sql[offset] != ':' {
		return ""
	}
	if offset > 0 && sql[offset-1] == ':' {
		// A :: cast.
		return ""
	}
	rest := sql[offset+1:]
	switch rest[0] {
	case '\'', '"':
		if end := strings.IndexByte(rest[1:], rest[0]); end >= 0 {
			return ":" + rest[:end+2]
		}
		return ""
	case '{':
		if end := strings.IndexByte(rest, '}'); end >= 0 {
			return ":" + rest[:end+1]
		}
		return ""
	}
	n := 0
	for n < len(rest) && (rest[n] == '_' || rest[n] >= 'a' && rest[n] <= 'z' || rest[n] >= 'A' && rest[n] <= 'Z' || n > 0 && rest[n] >= '0' && rest[n] <= '9') {
		n++
	}
	if n == 0 {
		return ""
	}
	return ":" + rest[:n]
}

// writtenAs names a transaction statement as written when its keyword is
// an alias (END for COMMIT, ABORT for ROLLBACK): "END (COMMIT)".
func (p *fileParser) writtenAs(raw *pg_query.RawStmt, what string) string {
	start := int(raw.StmtLocation)
	if p.tokenStarts == nil {
		start = skipBlanksAndComments(p.src, start)
	} else if i := sort.SearchInts(p.tokenStarts, start); i < len(p.tokenStarts) {
		start = p.tokenStarts[i]
	}
	end := start
	for end < len(p.src) && (p.src[end] >= 'a' && p.src[end] <= 'z' || p.src[end] >= 'A' && p.src[end] <= 'Z') {
		end++
	}
	word := strings.ToUpper(p.src[start:end])
	if word == "END" || word == "ABORT" {
		return word + " (" + what + ")"
	}
	return what
}
