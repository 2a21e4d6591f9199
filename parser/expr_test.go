package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

// defaultOf parses a one-column table with the given DEFAULT and returns
// the canonical default.
func defaultOf(t *testing.T, expr string) string {
	t.Helper()
	r, err := ParseString("e.sql", "CREATE TYPE status AS ENUM ('new'); CREATE TABLE t (c text DEFAULT ("+expr+"));")
	if err != nil {
		t.Fatalf("%s: %v", expr, err)
	}
	return r.Schema.Tables[0].Columns[0].Default
}

// TestExpressionEquivalence lists spellings that must canonicalize alike:
// hand-written forms next to what pg_get_expr prints.
func TestExpressionEquivalence(t *testing.T) {
	tests := []struct{ name, a, b string }{
		{"redundant parentheses", "(((1 + 2)))", "1 + 2"},
		{"regclass literal qualified", "nextval('t_id_seq'::regclass)", "nextval('public.t_id_seq'::regclass)"},
		{"sequence function cast added", "nextval('t_id_seq')", "nextval('public.t_id_seq'::regclass)"},
		{"regclass quoting", `nextval('"My Seq"')`, `nextval('public."My Seq"'::regclass)`},
		{"pg_catalog function", "pg_catalog.now()", "now()"},
		{"user function", "gen_id()", "public.gen_id()"},
		{"type alias in cast", "'1'::int4", "'1'::integer"},
		{"varchar cast", "'a'::varchar(3)", "'a'::character varying(3)"},
		{"user type in cast", "'new'::status", "'new'::public.status"},
		{"pg_catalog type in cast", "'a'::pg_catalog.text", "'a'::text"},
		{"array dimensions", "'{}'::int[][]", "'{}'::integer[]"},
		{"qualified operator", "1 OPERATOR(pg_catalog.+) 2", "1 + 2"},
		{"boolean literal", "'t'::boolean", "true"},
		{"CURRENT_TIMESTAMP", "current_timestamp", "CURRENT_TIMESTAMP"},
		{"column casts", "(lower((c)::text))", "lower(c::text)"},
		{"ANY array", "(c = ANY (ARRAY['a'::text, 'b'::text]))", "c = ANY(ARRAY['a'::text, 'b'::text])"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, b := defaultOf(t, tt.a), defaultOf(t, tt.b)
			if a != b {
				t.Errorf("%s -> %s\n%s -> %s", tt.a, a, tt.b, b)
			}
			// Canonical text is a fixed point.
			if again := defaultOf(t, a); again != a {
				t.Errorf("not stable: %s -> %s", a, again)
			}
		})
	}
}

// TestExpressionDifferences documents spellings that legitimately differ
// at this tier: the parser neither adds nor strips casts, nor rewrites IN
// lists. A later server-side step re-prints local expressions through
// PostgreSQL to settle these.
func TestExpressionDifferences(t *testing.T) {
	tests := []struct{ name, handWritten, serverPrinted string }{
		{"implicit text cast", "'x'", "'x'::text"},
		{"negative integer", "-1", "'-1'::integer"},
		{"enum literal", "'new'", "'new'::public.status"},
		{"IN list", "c IN ('a', 'b')", "(c = ANY (ARRAY['a'::text, 'b'::text]))"},
		// Cast elements and a cast array are different trees.
		{"array cast pushed into elements", "ARRAY[('a'::varchar)::text]", "(ARRAY['a'::varchar])::text[]"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if a, b := defaultOf(t, tt.handWritten), defaultOf(t, tt.serverPrinted); a == b {
				t.Errorf("expected %s and %s to differ, both gave %s", tt.handWritten, tt.serverPrinted, a)
			}
		})
	}
}

// TestPinArrayCoercions: text PostgreSQL printed with an array it
// coerced as a whole gets the cast to the elements' type that makes it run
// as that tree; other casts of arrays, and text without any, are left
// alone.
func TestPinArrayCoercions(t *testing.T) {
	tests := []struct{ in, want string }{
		{"ALTER TABLE t ADD CONSTRAINT c CHECK (((b)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[])));",
			"ALTER TABLE t ADD CONSTRAINT c CHECK (((b)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::varchar[]::text[])));"},
		{"SELECT (ARRAY['a'::character varying(3), 'b'::character varying(3)])::text[], (ARRAY[(1)::bigint])::numeric[]",
			"SELECT (ARRAY['a'::character varying(3), 'b'::character varying(3)])::varchar(3)[]::text[], (ARRAY[(1)::bigint])::bigint[]::numeric[]"},
		{"SELECT ARRAY['a'::text, 'b'::text]::text[]", "SELECT ARRAY['a'::text, 'b'::text]::text[]"},
		{"SELECT (ARRAY['a'::character varying(3), 'b'::character varying])::text[]", "SELECT (ARRAY['a'::character varying(3), 'b'::character varying])::text[]"},
		{"SELECT ARRAY[1, 2]::bigint[]", "SELECT ARRAY[1, 2]::bigint[]"},
		{"SELECT ARRAY[('a'::character varying)::text]", "SELECT ARRAY[('a'::character varying)::text]"},
		// pg_get_statisticsobjdef prints without the parentheses.
		{"CREATE STATISTICS public.s ON (k::text = ANY (ARRAY['x'::character varying, 'y'::character varying]::text[])), a FROM public.t",
			"CREATE STATISTICS public.s ON (k::text = ANY (ARRAY['x'::character varying, 'y'::character varying]::varchar[]::text[])), a FROM public.t"},
		{"not SQL ])::", "not SQL ])::"},
	}
	for _, tt := range tests {
		got := PinArrayCoercions(tt.in)
		if got != tt.want {
			t.Errorf("%s\n got %s\nwant %s", tt.in, got, tt.want)
		}
		if again := PinArrayCoercions(got); again != got {
			t.Errorf("not stable: %s -> %s", got, again)
		}
	}
}

func TestDefaultNull(t *testing.T) {
	for _, expr := range []string{"NULL", "NULL::text", "(NULL)"} {
		if got := defaultOf(t, expr); got != "" {
			t.Errorf("DEFAULT %s gave %q, want no default", expr, got)
		}
	}
}

// TestTolerated checks the statements pg_dump emits that carry no schema
// information for renovate are accepted and ignored.
func TestTolerated(t *testing.T) {
	sql := `SET statement_timeout = 0;
SET LOCAL lock_timeout = 0;
RESET ALL;
SET search_path = public, pg_catalog;
SET search_path TO "$user", public;
SELECT pg_catalog.set_config('search_path', '', false);
SELECT set_config('search_path', 'pg_catalog, public', false);
CREATE SCHEMA IF NOT EXISTS app AUTHORIZATION bob;
ALTER SCHEMA app OWNER TO bob;
CREATE TABLE app.t (id int);
ALTER TABLE app.t OWNER TO bob;
CREATE SEQUENCE app.s;
ALTER SEQUENCE app.s OWNER TO bob;
CREATE TYPE app.e AS ENUM ();
ALTER TYPE app.e OWNER TO bob;
CREATE EXTENSION IF NOT EXISTS pgcrypto WITH SCHEMA public;
COMMENT ON EXTENSION pgcrypto IS 'cryptographic functions';
`
	r, err := ParseString("dump.sql", sql)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for k := range r.Locations.All() {
		got = append(got, k.String())
	}
	want := []string{"column app.t.id", "extension pgcrypto", "schema app", "sequence app.s", "table app.t", "type app.e"}
	if diff := cmp.Diff(want, got, cmpSortStrings); diff != "" {
		t.Errorf("objects (-want +got):\n%s", diff)
	}
	for _, bad := range []string{
		"SELECT set_config('search_path', 'app', false);",
		"SELECT pg_catalog.set_config('x', 'y', false), 1;",
		"SELECT now();",
	} {
		if _, err := ParseString("bad.sql", bad); err == nil {
			t.Errorf("%s: expected an error", bad)
		}
	}
}

var cmpSortStrings = cmp.Transformer("sort", func(in []string) []string {
	out := append([]string(nil), in...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && out[j] < out[j-1]; j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
})
