package parser

import (
	"regexp"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// paramRE finds what might be a positional parameter ($1) outside a
// string: only files matching it are scanned for PARAM tokens.
var paramRE = regexp.MustCompile(`\$[0-9]`)

// paramTokens returns the byte offsets and text of the positional
// parameters ($1, $2 ...) in sql, outside strings, dollar-quoted bodies and
// comments.
func paramTokens(sql string) []*pg_query.ScanToken {
	if !paramRE.MatchString(sql) {
		return nil
	}
	scan, err := pg_query.Scan(sql)
	if err != nil {
		return nil
	}
	var out []*pg_query.ScanToken
	for _, t := range scan.Tokens {
		if t.Token == pg_query.Token_PARAM {
			out = append(out, t)
		}
	}
	return out
}

// rejectParams reports a positional parameter in a statement other than
// CREATE FUNCTION/PROCEDURE (whose SQL-standard body may use them):
// PostgreSQL rejects "$1" in a default, check or index ("there is no
// parameter $1"), and pg_query would print "$0" as "?", which is no SQL at
// all. It returns true when the statement is to be skipped.
func (p *fileParser) rejectParams(raw *pg_query.RawStmt, params []*pg_query.ScanToken) bool {
	if len(params) == 0 || raw.Stmt == nil {
		return false
	}
	if _, ok := raw.Stmt.Node.(*pg_query.Node_CreateFunctionStmt); ok {
		return false
	}
	start, end := int(raw.StmtLocation), int(raw.StmtLocation+raw.StmtLen)
	if raw.StmtLen == 0 {
		end = len(p.src)
	}
	for _, t := range params {
		if int(t.Start) >= start && int(t.Start) < end {
			p.errs.semantic(p.loc(int(t.Start)), "positional parameter %s is only allowed in a function or procedure body", p.src[t.Start:t.End])
			return true
		}
	}
	return false
}
