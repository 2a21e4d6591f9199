package parser

import (
	"errors"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

// errorStrings parses files and returns the error messages, one per line.
func errorStrings(t *testing.T, files ...File) []string {
	t.Helper()
	_, err := ParseFiles(files)
	if err == nil {
		t.Fatal("expected an error")
	}
	return strings.Split(err.Error(), "\n")
}

func TestErrors(t *testing.T) {
	tests := []struct {
		name  string
		files []File
		want  []string
	}{
		{
			name:  "syntax error with line and column",
			files: []File{{"public/tables/users.sql", "CREATE TABLE users (\n  id int,\n  name text foo\n);\n"}},
			want:  []string{`public/tables/users.sql:3:13: syntax error at or near "foo"`},
		},
		{
			name:  "syntax error column counts characters",
			files: []File{{"u.sql", "CREATE TABLE \"ünïcödé\" (a int,\n\"日本\" text oops);"}},
			want:  []string{`u.sql:2:11: syntax error at or near "oops"`},
		},
		{
			// An operator-class option must be a constant, as one of
			// the index's WITH options must.
			name:  "operator class option that is not a constant",
			files: []File{{"i.sql", "CREATE TABLE t (c text);\nCREATE INDEX i ON t (c text_ops (x = OPERATOR(pg_catalog.+)));\n"}},
			want:  []string{`i.sql:2:1: index on public.t: operator class options: option x: unsupported option value`},
		},
		{
			name: "syntax errors in several files",
			files: []File{
				{"b.sql", "CREATE TABLE b (a int"},
				{"a.sql", "CREATE TABLEE a (a int);"},
				{"c.sql", "CREATE TABLE c (a int);"},
			},
			want: []string{
				`a.sql:1:8: syntax error at or near "TABLEE"`,
				`b.sql:1:22: syntax error at end of input`,
			},
		},
		{
			name: "unsupported statements by name",
			files: []File{{"x.sql", strings.Join([]string{
				"CREATE TABLE tas0 AS SELECT 1;",
				"CREATE TABLE tas1 AS SELECT 1;",
				"INSERT INTO t VALUES (1);",
				"BEGIN;",
				"COMMIT;",
				"GRANT admin TO bob;",
				"CREATE TABLE tas7 AS SELECT 1;",
				"CREATE TABLE tas2 AS SELECT 1;",
				"CREATE TABLE tas AS SELECT 1;",
				"GRANT admin TO carol;",
				"DROP TABLE t;",
				"SELECT 1;",
				"CREATE TABLE tas13 AS SELECT 1;",
				"ALTER TYPE e ADD VALUE 'x';",
			}, "\n")}},
			want: []string{
				"x.sql:1:1: CREATE TABLE AS is not managed by renovate yet",
				"x.sql:2:1: CREATE TABLE AS is not managed by renovate yet",
				"x.sql:3:1: INSERT " + notInSchemaFiles,
				"x.sql:4:1: BEGIN " + notInSchemaFiles,
				"x.sql:5:1: COMMIT " + notInSchemaFiles,
				"x.sql:6:1: GRANT role is not managed by renovate yet",
				"x.sql:7:1: CREATE TABLE AS is not managed by renovate yet",
				"x.sql:8:1: CREATE TABLE AS is not managed by renovate yet",
				"x.sql:9:1: CREATE TABLE AS is not managed by renovate yet",
				"x.sql:10:1: GRANT role is not managed by renovate yet",
				"x.sql:11:1: DROP TABLE " + notInSchemaFiles,
				"x.sql:12:1: SELECT " + notInSchemaFiles,
				"x.sql:13:1: CREATE TABLE AS is not managed by renovate yet",
				"x.sql:14:1: ALTER TYPE ... ADD VALUE is not supported in schema files: declare every label in CREATE TYPE ... AS ENUM",
			},
		},
		{
			name: "unsupported table clauses are named, not dropped",
			files: []File{{"t.sql", strings.Join([]string{
				"CREATE TABLE p (a int) PARTITION BY RANGE (a);",
				"CREATE TABLE c PARTITION OF p FOR VALUES FROM (1) TO (2);",
				"CREATE TABLE w (a int) WITH (fillfactor = 50);",
				"CREATE TABLE s (a int) TABLESPACE fast;",
				"CREATE TABLE l (LIKE p);",
				"CREATE TEMP TABLE tmp (a int);",
				"CREATE TABLE o OF some_type;",
				"CREATE TABLE z (a text COMPRESSION lz4);",
			}, "\n")}},
			want: []string{
				"t.sql:5:22: CREATE TABLE ... LIKE is not managed by renovate yet",
				"t.sql:6:1: CREATE TEMPORARY TABLE is not managed by renovate yet",
				"t.sql:7:1: table public.o: type public.some_type of the typed table is defined nowhere (it must be a composite type of the files)",
			},
		},
		{
			name: "partitioning and inheritance mistakes",
			files: []File{{"p.sql", strings.Join([]string{
				"CREATE TABLE p (a int) PARTITION BY RANGE (a);",
				"CREATE TABLE i (b int) INHERITS (p);",
				"CREATE TABLE r (a int);",
				"CREATE TABLE rp PARTITION OF r FOR VALUES FROM (1) TO (2);",
				"CREATE TABLE pl PARTITION OF p FOR VALUES IN (1);",
				"CREATE TABLE orphan PARTITION OF nowhere DEFAULT;",
				"CREATE TABLE k (a int) PARTITION BY LIST (b);",
				"CREATE TABLE x (a int, b text);",
				"ALTER TABLE p ATTACH PARTITION x FOR VALUES FROM (5) TO (6);",
			}, "\n")}},
			want: []string{
				"p.sql:2:1: table public.i cannot inherit from partitioned table public.p",
				"p.sql:4:1: table public.rp: public.r is not partitioned, so it cannot have partitions",
				"p.sql:5:1: table public.pl: invalid bound specification for a range partition",
				"p.sql:6:1: table public.orphan: parent table public.nowhere is defined nowhere",
				"p.sql:7:1: table public.k: column b named in partition key does not exist",
				"p.sql:8:1: table public.x contains column b not found in parent public.p",
			},
		},
		{
			name:  "unsupported ALTER TABLE sub-commands",
			files: []File{{"a.sql", "CREATE TABLE t (a int);\nALTER TABLE t DISABLE TRIGGER ALL;\nALTER TABLE t NOT OF;\nALTER TABLE t CLUSTER ON t_a_idx;\nALTER SEQUENCE s RESTART WITH 5;\n"}},
			want: []string{
				"a.sql:2:1: ALTER TABLE ... DISABLE TRIGGER ALL is not supported in schema files",
				"a.sql:3:1: ALTER TABLE ... NOT OF is not supported in schema files",
				"a.sql:4:1: CLUSTER ON: index t_a_idx of table public.t is defined nowhere",
				"a.sql:5:18: ALTER SEQUENCE ... RESTART is not supported in schema files: a sequence's current value is data, not schema",
			},
		},
		{
			name:  "psql meta-commands",
			files: []File{{"m.sql", "\\restrict abc123\nCREATE TABLE t (a int);\n  \\i other.sql\nCOMMENT ON TABLE t IS 'line\n\\not a command';\n\\connect db\n\\unrestrict abc123\n"}},
			want: []string{
				`m.sql:3:3: psql meta-command \i is not supported in schema files`,
				`m.sql:6:1: psql meta-command \connect is not supported in schema files`,
			},
		},
		{
			// pg_dump's \restrict KEY / \unrestrict KEY lines are ignored;
			// anything else that looks like them is not.
			name:  "psql restrict lines only as pg_dump writes them",
			files: []File{{"r.sql", "\\restrict\n\\restrict a b\nCREATE TABLE t (a int); \\unrestrict k\n\\restrict k-1\n\\restricted k\n"}},
			want: []string{
				`r.sql:1:1: psql meta-command \restrict is not supported in schema files`,
				`r.sql:2:1: psql meta-command \restrict is not supported in schema files`,
				`r.sql:3:25: psql meta-command \unrestrict is not supported in schema files`,
				`r.sql:4:1: psql meta-command \restrict is not supported in schema files`,
				`r.sql:5:1: psql meta-command \restricted is not supported in schema files`,
			},
		},
		{
			name: "duplicate table across files",
			files: []File{
				{"public/tables/users.sql", "-- users\nCREATE TABLE users (id int);\n"},
				{"legacy.sql", "CREATE TABLE a (x int);\n\nCREATE TABLE public.users (id bigint);\n"},
			},
			want: []string{"public/tables/users.sql:2:1: table public.users is defined twice (first at legacy.sql:3:1)"},
		},
		{
			name:  "duplicate column",
			files: []File{{"d.sql", "CREATE TABLE t (a int,\n  a text);"}},
			want:  []string{"d.sql:2:3: column public.t.a is defined twice (first at d.sql:1:17)"},
		},
		{
			name: "statements about tables defined nowhere",
			files: []File{{"c.sql", strings.Join([]string{
				"COMMENT ON TABLE nope IS 'x';",
				"COMMENT ON COLUMN nope.a IS 'x';",
				"ALTER TABLE nope ADD COLUMN b int;",
				"CREATE INDEX ON nope (a);",
				"CREATE TABLE t (a int);",
				"COMMENT ON COLUMN t.b IS 'x';",
				"COMMENT ON CONSTRAINT c ON t IS 'x';",
				"ALTER TABLE IF EXISTS gone ADD COLUMN b int;",
			}, "\n")}},
			want: []string{
				"c.sql:1:1: COMMENT ON TABLE: public.nope is defined nowhere",
				"c.sql:2:1: COMMENT ON COLUMN: table public.nope is defined nowhere",
				"c.sql:3:1: ALTER TABLE: table public.nope is defined nowhere",
				"c.sql:4:1: CREATE INDEX: table public.nope is defined nowhere",
				"c.sql:6:1: COMMENT ON COLUMN: public.t.b is defined nowhere",
				"c.sql:7:1: COMMENT ON CONSTRAINT: public.t.c is defined nowhere",
			},
		},
		{
			name: "semantic errors",
			files: []File{{"s.sql", strings.Join([]string{
				"CREATE TABLE nopk (a int);",
				"CREATE TABLE fk (a int REFERENCES nopk);",
				"CREATE TABLE two (a int PRIMARY KEY, b int, PRIMARY KEY (b));",
				"CREATE TABLE nn (a int NULL NOT NULL);",
				"CREATE TABLE idt (a text GENERATED ALWAYS AS IDENTITY);",
				"CREATE SEQUENCE bad MINVALUE 10 MAXVALUE 5;",
				"CREATE TABLE app.t (a int);",
				"CREATE TABLE k (a int, UNIQUE (nope));",
				"SET search_path = app;",
			}, "\n")}},
			want: []string{
				"s.sql:2:24: foreign key fk_a_fkey: there is no primary key for referenced table public.nopk",
				"s.sql:3:45: multiple primary keys for table public.two are not allowed",
				"s.sql:4:18: column a of public.nn: conflicting NULL/NOT NULL declarations",
				"s.sql:5:19: column a of public.idt: identity column type must be smallint, integer, or bigint, not text",
				"s.sql:6:1: sequence public.bad: MINVALUE (10) must be less than MAXVALUE (5)",
				"s.sql:7:1: table app.t: schema app is defined nowhere (add CREATE SCHEMA app)",
				"s.sql:8:24: constraint k_nope_key: column nope of table public.k does not exist",
				"s.sql:9:1: SET search_path = app is not supported in schema files: unqualified names always mean schema public; qualify the names instead",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := errorStrings(t, tt.files...)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("errors (-want +got):\n%s", diff)
			}
		})
	}
}

func TestErrorTypes(t *testing.T) {
	_, err := ParseFiles([]File{
		{"a.sql", "CREATE TABLE t (a int);\nCREATE TABLE tas AS SELECT 1;\n"},
		{"b.sql", "CREATE TABLE t (a int);\n"},
		{"c.sql", "CREATE TABLE (;\n"},
		{"d.sql", "COMMENT ON TABLE missing IS 'x';\n"},
	})
	if err == nil {
		t.Fatal("expected an error")
	}
	var (
		syn  *SyntaxError
		uns  *UnsupportedError
		dup  *DuplicateError
		sem  *SemanticError
		want = state.ObjectKey{Kind: state.KindTable, Schema: "public", Name: "t"}
	)
	if !errors.As(err, &syn) || syn.Loc != (Location{File: "c.sql", Line: 1, Col: 14}) {
		t.Errorf("SyntaxError: got %#v", syn)
	}
	if !errors.As(err, &uns) || uns.Statement != "CREATE TABLE AS" || uns.Loc.Line != 2 {
		t.Errorf("UnsupportedError: got %#v", uns)
	}
	if !errors.As(err, &dup) || dup.Key != want || dup.First.File != "a.sql" || dup.Second.File != "b.sql" {
		t.Errorf("DuplicateError: got %#v", dup)
	}
	if !errors.As(err, &sem) || sem.Loc.File != "d.sql" {
		t.Errorf("SemanticError: got %#v", sem)
	}
}

func TestErrorLimit(t *testing.T) {
	var sb strings.Builder
	for i := 0; i < 30; i++ {
		sb.WriteString("INSERT INTO t VALUES (1);\n")
	}
	lines := errorStrings(t, File{"many.sql", sb.String()})
	if len(lines) != maxErrors+1 || lines[maxErrors] != "10 more errors not shown" {
		t.Errorf("got %d lines, last %q", len(lines), lines[len(lines)-1])
	}
}
