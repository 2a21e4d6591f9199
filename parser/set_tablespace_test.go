package parser_test

import (
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/parser"
)

// TestSetDefaultTablespace checks that pg_dump's SET default_tablespace is
// accepted for the database's default and refused, with the place and
// what to write instead, for any other tablespace: renovate reads
// tablespaces from TABLESPACE clauses, so ignoring the setting would lose
// them silently.
func TestSetDefaultTablespace(t *testing.T) {
	for _, ok := range []string{
		"SET default_tablespace = '';\nCREATE TABLE t (a int);",
		"SET default_tablespace = pg_default;\nCREATE TABLE t (a int);",
		"RESET default_tablespace;\nCREATE TABLE t (a int);",
		"CREATE TABLE t (a int) TABLESPACE fast;",
	} {
		if _, err := parser.ParseString("schema.sql", ok); err != nil {
			t.Errorf("%q: %v", ok, err)
		}
	}
	for _, bad := range []string{
		"SET default_tablespace = fast;\nCREATE TABLE t (a int);",
		"SET default_tablespace = 'fast';\nCREATE TABLE t (a int);",
	} {
		_, err := parser.ParseString("schema.sql", bad)
		if err == nil {
			t.Errorf("%q: accepted; the tablespace would be lost", bad)
			continue
		}
		if msg := err.Error(); !strings.Contains(msg, "schema.sql:1") || !strings.Contains(msg, "TABLESPACE fast") {
			t.Errorf("%q: error %q does not say where and what to write", bad, msg)
		}
	}
}
