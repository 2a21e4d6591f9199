package parser_test

// Fuzz tests for the parser and the SQL generator. Their seed corpora live
// in testdata/fuzz/<FuzzName>/ (plus the f.Add seeds below), so a plain
// `go test ./parser/` runs every seed as a regular test. To search for new
// failures:
//
//	go test -run '^$' -fuzz FuzzParseRoundTrip -fuzztime 3m ./parser/
//	go test -run '^$' -fuzz FuzzIdentifiers -fuzztime 3m ./parser/
//
// A failing input the fuzzer finds is written to testdata/fuzz/<FuzzName>/;
// commit it with the fix so it stays a regression test.

import (
	"sort"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/layout"
)

// maxFuzzInput bounds fuzzed SQL: longer inputs only slow the search.
const maxFuzzInput = 4096

// FuzzParseRoundTrip feeds arbitrary text to the parser. It must never
// fail internally (a panic is reported as "internal error"); and whatever
// it accepts must survive renovate's own round trip: the model written as
// canonical per-object files (what init and fetch write) parses back to the
// same model, whose files are byte-identical.
func FuzzParseRoundTrip(f *testing.F) {
	for _, s := range []string{
		"CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL DEFAULT 'x');",
		`CREATE SCHEMA "Odd ""Schema"""; CREATE TABLE "Odd ""Schema"""."Tab le" ("Col" int, "select" text);`,
		"CREATE TABLE \"ünïcødé\" (\"ключ\" int, \"名前\" text);",
		"CREATE TYPE mood AS ENUM ('sad', 'o''k', 'happy $$');",
		"CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $f$ SELECT '$$' $f$;",
		"CREATE FUNCTION g(a int) RETURNS int LANGUAGE plpgsql AS $$ BEGIN RETURN a + 1; END $$;",
		"CREATE SEQUENCE s AS smallint START 5; CREATE TABLE u (a serial, b bigint GENERATED ALWAYS AS IDENTITY);",
		"CREATE TABLE p (a int, b text, UNIQUE (a, b), CHECK (a > 0)); CREATE INDEX ON p (lower(b)) WHERE a > 1;",
		"CREATE VIEW v AS SELECT 1 AS one; COMMENT ON VIEW v IS 'it''s';",
		"CREATE TABLE aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa (b int);",
		"CREATE TABLE x (a int); COMMENT ON COLUMN x.a IS E'line\\nbreak';",
		"UPDATE t SET a = 1;",
		"\\i other.sql\nCREATE TABLE y (a int);",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, sql string) {
		if len(sql) > maxFuzzInput {
			return
		}
		res, err := parser.ParseString("fuzz.sql", sql)
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("parser failed internally on %q: %v", sql, err)
			}
			return
		}
		checkRoundTrip(t, res.Schema, sql)
	})
}

// FuzzIdentifiers builds a schema from fuzzed names, comment and function
// body, quoted by the generator's own QuoteIdent and dollar-quoting, and
// checks that the parser reads back exactly those names (truncated to 63
// bytes as PostgreSQL does with NAMEDATALEN-1) and that the generated files
// round-trip.
func FuzzIdentifiers(f *testing.F) {
	f.Add("app", "users", "id", "the users", "SELECT 1")
	f.Add("Mixed Case", `we"ird`, "select", "it's", "SELECT '$$'")
	f.Add("ünï", "表", "ключ", "comment with $$ and $f$", "SELECT $q$x$q$")
	f.Add("user", "order", "group", "", "SELECT 1 -- $$")
	f.Add(strings.Repeat("s", 70), strings.Repeat("t", 64), strings.Repeat("é", 40), "long", "SELECT 2")
	f.Add("a b", "c\td", "e\nf", "x\\y", "SELECT E'\\\\'")
	f.Add("$1", "1abc", "_x$", "", "$$")
	f.Fuzz(func(t *testing.T, schema, table, column, comment, body string) {
		for _, s := range []string{schema, table, column, comment, body} {
			if len(s) > 200 || !utf8.ValidString(s) || strings.ContainsRune(s, 0) {
				// PostgreSQL rejects NUL bytes and invalid UTF-8 in a
				// UTF8 database; the parser's handling of those is
				// FuzzParseRoundTrip's business.
				return
			}
		}
		if trunc(schema) == "" || trunc(table) == "" || trunc(column) == "" || strings.HasPrefix(trunc(schema), "pg_") {
			// Empty names are invalid and pg_ schemas are reserved.
			return
		}
		var b strings.Builder
		q := sqlgen.QualifiedName(schema, table)
		b.WriteString("CREATE SCHEMA " + sqlgen.QuoteIdent(schema) + ";\n")
		col := sqlgen.QuoteIdent(column)
		b.WriteString("CREATE TABLE " + q + " (" + col + " text NOT NULL DEFAULT " + sqlgen.QuoteLiteral(comment) +
			" CHECK (" + col + " <> " + sqlgen.QuoteLiteral(body) + "), PRIMARY KEY (" + col + "));\n")
		if comment != "" && len(comment) <= 60 {
			b.WriteString("CREATE TYPE " + sqlgen.QualifiedName(schema, table+"_kind") + " AS ENUM (" + sqlgen.QuoteLiteral(comment) + ", " + sqlgen.QuoteLiteral(comment+"2") + ");\n")
		}
		b.WriteString("COMMENT ON COLUMN " + q + "." + col + " IS " + sqlgen.QuoteLiteral(body) + ";\n")
		b.WriteString("COMMENT ON TABLE " + q + " IS " + sqlgen.QuoteLiteral(comment) + ";\n")
		b.WriteString("CREATE FUNCTION " + sqlgen.QualifiedName(schema, table+"_fn") + "() RETURNS text LANGUAGE plpgsql AS " +
			sqlgen.DollarQuote(body, "function") + ";\n")
		sql := b.String()
		res, err := parser.ParseString("fuzz.sql", sql)
		if err != nil {
			if strings.Contains(err.Error(), "internal error") {
				t.Fatalf("parser failed internally on\n%s\n%v", sql, err)
			}
			// A name that PostgreSQL would truncate onto another (say a
			// 70-byte table whose _fn function collides with it), or a
			// reserved one, may be rejected: with a located error.
			if !strings.Contains(err.Error(), "fuzz.sql:") {
				t.Fatalf("error without a location for\n%s\n%v", sql, err)
			}
			return
		}
		tab, ok := res.Schema.Table(state.QualName{Schema: trunc(schema), Name: trunc(table)})
		if !ok {
			t.Fatalf("table %q.%q not found after parsing\n%s\ntables: %v", trunc(schema), trunc(table), sql, tableNames(res.Schema))
		}
		if len(tab.Columns) != 1 || tab.Columns[0].Name != trunc(column) {
			t.Fatalf("columns of %q: %+v, want one named %q\n%s", trunc(table), tab.Columns, trunc(column), sql)
		}
		if tab.Columns[0].Comment != body {
			t.Fatalf("column comment %q, want %q\n%s", tab.Columns[0].Comment, body, sql)
		}
		if tab.Comment != comment {
			t.Fatalf("comment %q, want %q\n%s", tab.Comment, comment, sql)
		}
		var fn *state.Function
		for i := range res.Schema.Functions {
			if res.Schema.Functions[i].Schema == trunc(schema) {
				fn = &res.Schema.Functions[i]
			}
		}
		if fn == nil {
			t.Fatalf("function not found after parsing\n%s", sql)
		}
		if fn.Name != trunc(table+"_fn") {
			t.Fatalf("function name %q, want %q", fn.Name, trunc(table+"_fn"))
		}
		if fn.Body != body {
			t.Fatalf("function body %q, want %q\n%s", fn.Body, body, sql)
		}
		checkRoundTrip(t, res.Schema, sql)
	})
}

// trunc cuts a name as PostgreSQL does (NAMEDATALEN-1 bytes, at a
// character boundary).
func trunc(s string) string {
	n := 63
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// modelEquality compares models as the planner does: rename annotations
// (-- renovate:renamed-from) say how to get to a model, they are not part
// of it, and canonical files do not carry them; an empty list is no list.
var modelEquality = []cmp.Option{
	cmpopts.EquateEmpty(),
	cmp.FilterPath(func(p cmp.Path) bool {
		sf, ok := p.Last().(cmp.StructField)
		return ok && strings.HasPrefix(sf.Name(), "Renamed")
	}, cmp.Ignore()),
}

// checkRoundTrip writes m as renovate's canonical files, parses them, and
// checks that the model and the files come back unchanged.
func checkRoundTrip(t *testing.T, m state.DatabaseSchema, input string) {
	t.Helper()
	files := layout.Files(m)
	res, err := parser.ParseFiles(toParserFiles(files))
	if err != nil {
		t.Fatalf("renovate's own files for the model do not parse: %v\ninput:\n%s\nfiles:\n%s", err, input, joinFiles(files))
	}
	if diff := cmp.Diff(m, res.Schema, modelEquality...); diff != "" {
		t.Fatalf("model changed in the round trip (-input +reparsed):\n%s\ninput:\n%s\nfiles:\n%s", diff, input, joinFiles(files))
	}
	again := layout.Files(res.Schema)
	if diff := cmp.Diff(files, again); diff != "" {
		t.Fatalf("files changed in the round trip (-first +second):\n%s\ninput:\n%s", diff, input)
	}
	checkPlanParses(t, m, input)
}

// checkPlanParses plans m from an empty database and back to empty: every
// generated statement must be valid SQL for PostgreSQL's grammar.
func checkPlanParses(t *testing.T, m state.DatabaseSchema, input string) {
	t.Helper()
	empty, err := parser.ParseString("empty.sql", "")
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range []struct {
		name     string
		from, to state.DatabaseSchema
	}{{"create", empty.Schema, m}, {"drop", m, empty.Schema}} {
		p, err := planner.Diff(dir.from, dir.to)
		if err != nil {
			t.Fatalf("planning %s: %v\ninput:\n%s", dir.name, err, input)
		}
		for _, st := range p.Steps {
			if _, err := pg_query.Parse(st.SQL); err != nil {
				t.Fatalf("planning %s generated a statement that does not parse: %v\n%s\ninput:\n%s", dir.name, err, st.SQL, input)
			}
		}
	}
}

func toParserFiles(files map[string]string) []parser.File {
	out := make([]parser.File, 0, len(files))
	for p, sql := range files {
		out = append(out, parser.File{Path: p, SQL: sql})
	}
	return out
}

func joinFiles(files map[string]string) string {
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sort.Strings(paths)
	var b strings.Builder
	for _, p := range paths {
		b.WriteString("-- " + p + "\n" + files[p])
	}
	return b.String()
}

func tableNames(s state.DatabaseSchema) []string {
	var out []string
	for _, t := range s.Tables {
		out = append(out, t.Schema+"."+t.Name)
	}
	return out
}

// FuzzPlanBetween parses two schemas and plans from the first to the
// second, offline (no server-side normalization): planning must not fail
// internally, and every generated statement (ALTERs included) must parse.
// Seeds are the convergence cases' from.sql/to.sql pairs.
//
//	go test -run '^$' -fuzz FuzzPlanBetween -fuzztime 3m ./parser/
func FuzzPlanBetween(f *testing.F) {
	f.Add("CREATE TABLE t (a int);", "CREATE TABLE t (a bigint NOT NULL DEFAULT 0, b text);")
	f.Add("CREATE TYPE e AS ENUM ('a');", "CREATE TYPE e AS ENUM ('a', 'b c', 'd''e');")
	f.Fuzz(func(t *testing.T, from, to string) {
		if len(from) > maxFuzzInput || len(to) > maxFuzzInput {
			return
		}
		a, errA := parser.ParseString("from.sql", from)
		b, errB := parser.ParseString("to.sql", to)
		for _, err := range []error{errA, errB} {
			if err != nil && strings.Contains(err.Error(), "internal error") {
				t.Fatalf("parser failed internally: %v", err)
			}
		}
		if errA != nil || errB != nil {
			return
		}
		p, err := planner.Diff(a.Schema, b.Schema)
		if err != nil {
			// A change renovate refuses (with a reason) is fine.
			return
		}
		for _, st := range p.Steps {
			if _, err := pg_query.Parse(st.SQL); err != nil {
				t.Fatalf("generated a statement that does not parse: %v\n%s\nfrom:\n%s\nto:\n%s", err, st.SQL, from, to)
			}
		}
	})
}
