package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestScriptStatements checks that statements of scripts, not schemas
// (DML, transaction control, psql meta-commands and variables, positional
// parameters), each get an error naming them with file:line:column.
func TestScriptStatements(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want []string
	}{
		{
			name: "DML",
			src:  "CREATE TABLE t (a int);\nUPDATE t SET a = 1;\n  DELETE FROM t WHERE a = 2;\nINSERT INTO t VALUES (1);\nTRUNCATE t;\n",
			want: []string{
				"s.sql:2:1: UPDATE " + notInSchemaFiles,
				"s.sql:3:3: DELETE " + notInSchemaFiles,
				"s.sql:4:1: INSERT " + notInSchemaFiles,
				"s.sql:5:1: TRUNCATE " + notInSchemaFiles,
			},
		},
		{
			name: "transaction control",
			src:  "BEGIN;\nCREATE TABLE t (a int);\nSAVEPOINT s;\nROLLBACK TO SAVEPOINT s;\nCOMMIT;\nSTART TRANSACTION;\nEND;\nABORT;\n",
			want: []string{
				"s.sql:1:1: BEGIN " + notInSchemaFiles,
				"s.sql:3:1: SAVEPOINT " + notInSchemaFiles,
				"s.sql:4:1: ROLLBACK TO SAVEPOINT " + notInSchemaFiles,
				"s.sql:5:1: COMMIT " + notInSchemaFiles,
				"s.sql:6:1: START TRANSACTION " + notInSchemaFiles,
				"s.sql:7:1: END (COMMIT) " + notInSchemaFiles,
				"s.sql:8:1: ABORT (ROLLBACK) " + notInSchemaFiles,
			},
		},
		{
			name: "psql meta-commands anywhere on a line",
			src:  "\\set ON_ERROR_STOP on\nCREATE TABLE t (a int); \\i other.sql\n\\echo \\\\ done\r\nCREATE TABLE u (a int);\r\n",
			want: []string{
				`s.sql:1:1: psql meta-command \set is not supported in schema files`,
				`s.sql:2:25: psql meta-command \i is not supported in schema files`,
				`s.sql:3:1: psql meta-command \echo is not supported in schema files`,
			},
		},
		{
			name: "psql \\gexec after a query",
			src:  "SELECT format('CREATE TABLE %I (a int)', 'x') \\gexec\n",
			want: []string{
				"s.sql:1:1: SELECT " + notInSchemaFiles,
				`s.sql:1:47: psql meta-command \gexec is not supported in schema files`,
			},
		},
		{
			name: "psql variables",
			src:  "CREATE TABLE t (a int);\nCOMMENT ON TABLE t IS :'note';\n",
			want: []string{
				`s.sql:2:23: psql variable :'note' is not supported in schema files (syntax error at or near ":")`,
			},
		},
		{
			name: "positional parameters",
			src:  "CREATE TABLE t (a int DEFAULT $1, b int CHECK (b > $2));\nCREATE INDEX ON t ((a + $0));\nCREATE FUNCTION f(int) RETURNS int LANGUAGE sql RETURN $1 + 1;\n",
			want: []string{
				"s.sql:1:31: positional parameter $1 is only allowed in a function or procedure body",
				"s.sql:2:25: positional parameter $0 is only allowed in a function or procedure body",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseString("s.sql", tt.src)
			if err == nil {
				t.Fatalf("no error for\n%s", tt.src)
			}
			if diff := cmp.Diff(tt.want, strings.Split(err.Error(), "\n")); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

// TestScriptLookalikesAccepted checks what must not be mistaken for
// script syntax: casts, backslashes and $n inside strings and bodies.
func TestScriptLookalikesAccepted(t *testing.T) {
	src := "CREATE TABLE t (a text DEFAULT E'\\\\i x' || '$1', b int DEFAULT '5'::int);\n" +
		"CREATE FUNCTION f(int) RETURNS int LANGUAGE sql RETURN $1 + 1;\n" +
		"CREATE FUNCTION g(int) RETURNS text LANGUAGE plpgsql AS $$ BEGIN RETURN '\\i' || $1; END $$;\n" +
		"COMMENT ON TABLE t IS ':name and \\set';\n"
	if _, err := ParseString("s.sql", src); err != nil {
		t.Fatal(err)
	}
}
