package parser

import (
	"fmt"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

// GrammarVersion is the PostgreSQL version whose grammar the parser
// (libpg_query, through pg_query_go) implements, as "16.1". It asks the
// parser itself: every parse result carries the grammar's version number.
func GrammarVersion() (string, error) {
	res, err := pg_query.Parse("SELECT 1")
	if err != nil {
		return "", fmt.Errorf("asking pg_query for its version: %w", err)
	}
	v := res.GetVersion() // e.g. 160001
	return fmt.Sprintf("%d.%d", v/10000, v%10000), nil
}
