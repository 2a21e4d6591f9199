package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

func parseObjects(t *testing.T, sql string) []state.DefObject {
	t.Helper()
	res, err := ParseFiles([]File{{Path: "x.sql", SQL: sql}})
	if err != nil {
		t.Fatalf("parsing %q: %v", sql, err)
	}
	return res.Schema.Objects
}

// TestDefObjectSpellings checks that what users write and what the catalog
// (or pg_dump) prints for the same object parse to the same model.
func TestDefObjectSpellings(t *testing.T) {
	const fn = "CREATE FUNCTION cs(a text, b text, s text) RETURNS text LANGUAGE sql AS 'SELECT a || s || b';\n"
	for _, c := range []struct{ name, written, printed string }{
		{"aggregate", fn + "CREATE AGGREGATE g(text, text) (sfunc = cs, stype = text, finalfunc_modify = read_only, parallel = unsafe, sspace = 0);",
			fn + "CREATE AGGREGATE public.g(text, text) (\n    SFUNC = public.cs,\n    STYPE = text\n);"},
		{"aggregate old style", "CREATE AGGREGATE s (basetype = int4, sfunc = int4pl, stype = int4, initcond = 0);",
			"CREATE AGGREGATE public.s(integer) (SFUNC = pg_catalog.int4pl, STYPE = integer, INITCOND = '0');"},
		{"aggregate star", "CREATE AGGREGATE c(*) (sfunc = int8inc, stype = int8);",
			"CREATE AGGREGATE public.c(*) (SFUNC = int8inc, STYPE = bigint);"},
		{"ordered-set aggregate", "CREATE AGGREGATE p(float8 ORDER BY float8) (sfunc = ordered_set_transition, stype = internal, finalfunc = percentile_disc_final, finalfunc_extra, finalfunc_modify = read_write);",
			"CREATE AGGREGATE public.p(double precision ORDER BY double precision) (SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);"},
		{"cast", "CREATE TYPE t AS (a int); CREATE CAST (int4 AS t) WITH INOUT AS ASSIGNMENT; COMMENT ON CAST (int AS t) IS 'c';",
			"CREATE TYPE public.t AS (a integer); CREATE CAST (integer AS public.t) WITH INOUT AS ASSIGNMENT; COMMENT ON CAST (integer AS public.t) IS 'c';"},
		{"dictionary", "CREATE TEXT SEARCH DICTIONARY d (Template = snowball, Language = english, StopWords = english);",
			"CREATE TEXT SEARCH DICTIONARY public.d (TEMPLATE = pg_catalog.snowball, language = 'english', stopwords = 'english');"},
		{"configuration copy", "CREATE TEXT SEARCH CONFIGURATION c (COPY = simple); ALTER TEXT SEARCH CONFIGURATION c DROP MAPPING FOR email, url, url_path, host, file, sfloat, float, int, uint, version, hword_numpart, numhword, numword, hword_part, hword_asciipart, asciihword, hword;",
			"CREATE TEXT SEARCH CONFIGURATION public.c (PARSER = pg_catalog.\"default\");\nALTER TEXT SEARCH CONFIGURATION public.c ADD MAPPING FOR word WITH simple;\nALTER TEXT SEARCH CONFIGURATION public.c ADD MAPPING FOR asciiword WITH simple;"},
		{"statistics", "CREATE TABLE t (a int, b int, c int); CREATE STATISTICS s (mcv, ndistinct, dependencies) ON c, a FROM t; ALTER STATISTICS s SET STATISTICS 50;",
			"CREATE TABLE public.t (a integer, b integer, c integer); CREATE STATISTICS public.s ON a, c FROM public.t; ALTER STATISTICS public.s SET STATISTICS 50;"},
		{"operator", "CREATE FUNCTION f(a int, b int) RETURNS boolean LANGUAGE sql AS 'SELECT a = b';\n" +
			"CREATE OPERATOR === (procedure = f, leftarg = int4, rightarg = int, commutator = ===, negator = OPERATOR(public.!==), hashes, merges = false, join = pg_catalog.eqjoinsel);" +
			"ALTER OPERATOR === (int, int) SET (restrict = eqsel); COMMENT ON OPERATOR === (int4, int4) IS 'eq';",
			"CREATE FUNCTION public.f(a integer, b integer) RETURNS boolean LANGUAGE sql AS 'SELECT a = b';\n" +
				"CREATE OPERATOR public.=== (\n    FUNCTION = public.f,\n    LEFTARG = integer,\n    RIGHTARG = integer,\n    COMMUTATOR = OPERATOR(public.===),\n    NEGATOR = OPERATOR(public.!==),\n    HASHES,\n    RESTRICT = eqsel,\n    JOIN = eqjoinsel\n);\n" +
				"COMMENT ON OPERATOR public.=== (integer, integer) IS 'eq';"},
		{"prefix operator", "CREATE OPERATOR @@ (function = numeric_uminus, rightarg = numeric);",
			"CREATE OPERATOR public.@@ (FUNCTION = numeric_uminus, RIGHTARG = numeric);"},
		{"rule", "CREATE TABLE t (a int); CREATE TABLE l (a int); CREATE OR REPLACE RULE r AS ON INSERT TO t WHERE new.a > 0 DO ALSO INSERT INTO l (a) VALUES (new.a); ALTER TABLE t DISABLE RULE r; COMMENT ON RULE r ON t IS 'r';",
			"CREATE TABLE public.t (a integer); CREATE TABLE public.l (a integer);\nCREATE RULE r AS\n    ON INSERT TO public.t\n   WHERE (new.a > 0) DO  INSERT INTO public.l (a)\n  VALUES (new.a);\nALTER TABLE public.t DISABLE RULE r;\nCOMMENT ON RULE r ON public.t IS 'r';"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w, p := parseObjects(t, c.written), parseObjects(t, c.printed)
			if len(w) == 0 {
				t.Fatal("no objects parsed")
			}
			if diff := cmp.Diff(w, p); diff != "" {
				t.Errorf("written and printed differ (-written +printed):\n%s", diff)
			}
		})
	}
}

// TestDefObjectCanonical pins the canonical text of a few objects.
func TestDefObjectCanonical(t *testing.T) {
	objs := parseObjects(t, `CREATE AGGREGATE a(VARIADIC "any" ORDER BY VARIADIC "any") (sfunc = ordered_set_transition_multi, stype = internal, finalfunc = rank_final, finalfunc_extra, hypothetical);
CREATE TEXT SEARCH CONFIGURATION c (COPY = russian);
CREATE TABLE t (a int, b int);
CREATE STATISTICS s (dependencies) ON b, a FROM t;`)
	got := map[string]state.DefObject{}
	for _, o := range objs {
		got[string(o.Kind)] = o
	}
	a := got["aggregate"]
	if a.Signature != `(VARIADIC "any" ORDER BY VARIADIC "any")` || state.AggregateArgTypes(a.Signature) != `"any"` {
		t.Errorf("aggregate signature %q, argument types %q", a.Signature, state.AggregateArgTypes(a.Signature))
	}
	if !strings.Contains(a.Definition, "    HYPOTHETICAL\n);") || strings.Contains(a.Definition, "FINALFUNC_MODIFY") {
		t.Errorf("aggregate definition:\n%s", a.Definition)
	}
	c := got["text_search_configuration"]
	m := map[string]string{}
	for _, s := range c.Settings {
		m[s.Name] = s.Value
	}
	if c.Definition != `PARSER = "default"` || m["asciiword"] != "english_stem" || m["word"] != "russian_stem" || m["email"] != "simple" || len(m) != 19 {
		t.Errorf("russian copy: %s %v", c.Definition, m)
	}
	if s := got["statistics"].Definition; s != "CREATE STATISTICS public.s (dependencies) ON a, b FROM public.t;" {
		t.Errorf("statistics definition %q", s)
	}
}

// TestDefObjectErrors checks that invalid definitions are reported.
func TestDefObjectErrors(t *testing.T) {
	for _, c := range []struct{ sql, want string }{
		{"CREATE AGGREGATE a(int) (stype = int);", "sfunc and stype must be specified"},
		{"CREATE AGGREGATE a(int) (sfunc = int4pl, stype = int, bogus = 1);", `aggregate attribute "bogus" not recognized`},
		{"CREATE TEXT SEARCH CONFIGURATION c (COPY = nosuch);", "defined nowhere before it"},
		{"ALTER TEXT SEARCH CONFIGURATION c ADD MAPPING FOR word WITH simple;", "defined nowhere before this ALTER"},
		{"COMMENT ON AGGREGATE nosuch(int) IS 'x';", "is defined nowhere"},
		{"CREATE TEXT SEARCH DICTIONARY d (stopwords = english);", "template is required"},
	} {
		_, err := ParseFiles([]File{{Path: "x.sql", SQL: c.sql}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.sql, err, c.want)
		}
	}
}
