package planner

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/state"
)

// parseSchema parses sql as one file.
func parseSchema(t *testing.T, sql string) state.DatabaseSchema {
	t.Helper()
	res, err := parser.ParseString("t.sql", sql)
	if err != nil {
		t.Fatal(err)
	}
	return res.Schema
}

// diffSQL parses two schemas and plans from into to.
func diffSQL(t *testing.T, from, to string) *Plan {
	t.Helper()
	p, err := Diff(parseSchema(t, from), parseSchema(t, to))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// wantInPlan reports each of wants that the plan's SQL, got, lacks.
func wantInPlan(t *testing.T, got string, wants ...string) {
	t.Helper()
	for _, want := range wants {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in plan:\n%s", want, got)
		}
	}
}

func stepSQL(p *Plan) []string {
	out := make([]string, len(p.Steps))
	for i, s := range p.Steps {
		out[i] = strings.TrimSpace(s.SQL)
	}
	return out
}

func TestEnumRecreatedWhenValueRemoved(t *testing.T) {
	p := diffSQL(t,
		`CREATE TYPE s AS ENUM ('a', 'b', 'c'); CREATE TABLE t (x s DEFAULT 'a', y s[]);`,
		`CREATE TYPE s AS ENUM ('a', 'c'); CREATE TABLE t (x s DEFAULT 'a', y s[]);`)
	got := strings.Join(stepSQL(p), "\n")
	wantInPlan(t, got,
		"ALTER TYPE public.s RENAME TO s__renovate_old;",
		"CREATE TYPE public.s AS ENUM (",
		"ALTER TABLE public.t ALTER COLUMN x DROP DEFAULT;",
		"ALTER TABLE public.t ALTER COLUMN x TYPE public.s USING x::text::public.s;",
		"ALTER TABLE public.t ALTER COLUMN x SET DEFAULT 'a';",
		"ALTER TABLE public.t ALTER COLUMN y TYPE public.s[] USING y::text::public.s[];",
		"DROP TYPE public.s__renovate_old;")
	if strings.Index(got, "RENAME TO s__renovate_old") > strings.Index(got, "CREATE TYPE public.s") ||
		strings.Index(got, "DROP TYPE public.s__renovate_old") < strings.Index(got, "USING y::text") {
		t.Errorf("steps out of order:\n%s", got)
	}
	var deletes bool
	for _, h := range p.Hazards() {
		if h.Kind == HazardDeletesData && strings.Contains(h.Message, "'b'") {
			deletes = true
		}
	}
	if !deletes {
		t.Errorf("no deletes_data hazard naming the removed value: %+v", p.Hazards())
	}
}

func TestEnumValueAddedAndUsedRunsOutsideTransaction(t *testing.T) {
	p := diffSQL(t,
		`CREATE TYPE s AS ENUM ('a'); CREATE TABLE t (id int, x s DEFAULT 'a');`,
		`CREATE TYPE s AS ENUM ('a', 'b'); CREATE TABLE t (id int, x s DEFAULT 'b'); CREATE TABLE u (id int);`)
	seenAdd := false
	for _, s := range p.Steps {
		switch {
		case strings.Contains(s.SQL, "ADD VALUE 'b'"):
			seenAdd = true
			if s.Transactional {
				t.Errorf("ADD VALUE used later must run outside the transaction: %+v", s)
			}
		case strings.Contains(s.SQL, "SET DEFAULT 'b'"):
			if s.Transactional || !s.HasHazard(HazardNotTransactional) {
				t.Errorf("a step using the new value must run after it commits: %+v", s)
			}
		case strings.Contains(s.SQL, "CREATE TABLE public.u"):
			if !s.Transactional {
				t.Errorf("a step before the first user stays in the transaction: %+v", s)
			}
		}
	}
	if !seenAdd {
		t.Fatalf("no ADD VALUE step: %q", stepSQL(p))
	}
	// Unused, the new value is added in the transaction.
	p = diffSQL(t, `CREATE TYPE s AS ENUM ('a');`, `CREATE TYPE s AS ENUM ('a', 'b');`)
	if len(p.Steps) != 1 || !p.Steps[0].Transactional {
		t.Errorf("unused new value: %+v", p.Steps)
	}
}

func TestDomainAlter(t *testing.T) {
	p := diffSQL(t,
		`CREATE DOMAIN d AS int DEFAULT 1 CONSTRAINT a CHECK (VALUE > 0) CONSTRAINT b CHECK (VALUE < 9);`,
		`CREATE DOMAIN d AS int NOT NULL CONSTRAINT a CHECK (VALUE > 1) CONSTRAINT c CHECK (VALUE <> 5);
		 ALTER DOMAIN d ADD CONSTRAINT e CHECK (VALUE <> 7) NOT VALID;`)
	want := []string{
		"ALTER DOMAIN public.d DROP DEFAULT;",
		"ALTER DOMAIN public.d SET NOT NULL;",
		"ALTER DOMAIN public.d DROP CONSTRAINT a;",
		"ALTER DOMAIN public.d DROP CONSTRAINT b;",
		"ALTER DOMAIN public.d ADD CONSTRAINT a CHECK (value > 1);",
		"ALTER DOMAIN public.d ADD CONSTRAINT c CHECK (value <> 5);",
		"ALTER DOMAIN public.d ADD CONSTRAINT e CHECK (value <> 7) NOT VALID;",
	}
	if got := stepSQL(p); strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestTypeOrderAndRenames(t *testing.T) {
	p := diffSQL(t, `CREATE TYPE e AS ENUM ('x');`,
		`-- renovate:renamed-from e
CREATE TYPE e2 AS ENUM ('x');
CREATE TYPE c AS (a d2); CREATE DOMAIN d2 AS e2; CREATE TABLE t (v c);`)
	got := strings.Join(stepSQL(p), "\n")
	rename := strings.Index(got, "ALTER TYPE public.e RENAME TO e2;")
	dom := strings.Index(got, "CREATE DOMAIN public.d2")
	comp := strings.Index(got, "CREATE TYPE public.c")
	table := strings.Index(got, "CREATE TABLE public.t")
	if rename < 0 || !(rename < dom && dom < comp && comp < table) || strings.Contains(got, "DROP TYPE") {
		t.Errorf("unexpected plan:\n%s", got)
	}
	// Once applied, the annotation is ignored.
	p = diffSQL(t, `CREATE TYPE e2 AS ENUM ('x');`, "-- renovate:renamed-from e\nCREATE TYPE e2 AS ENUM ('x');")
	if !p.Empty() {
		t.Errorf("applied rename is not a no-op: %q", stepSQL(p))
	}
}

func TestCompositeReorderInUseRefused(t *testing.T) {
	from := `CREATE TYPE c AS (a int, b int); CREATE TABLE t (v c);`
	to := `CREATE TYPE c AS (b int, a int); CREATE TABLE t (v c);`
	res := func(sql string) state.DatabaseSchema {
		r, err := parser.ParseString("t.sql", sql)
		if err != nil {
			t.Fatal(err)
		}
		return r.Schema
	}
	if _, err := Diff(res(from), res(to)); err == nil || !strings.Contains(err.Error(), "by position") {
		t.Errorf("got %v", err)
	}
	// Unused, it is simply recreated.
	p := diffSQL(t, `CREATE TYPE c AS (a int, b int);`, `CREATE TYPE c AS (b int, a int);`)
	if got := strings.Join(stepSQL(p), "\n"); !strings.Contains(got, "RENAME TO c__renovate_old") || !strings.Contains(got, "DROP TYPE public.c__renovate_old") {
		t.Errorf("unexpected plan:\n%s", got)
	}
}

func TestReplaceName(t *testing.T) {
	for _, tc := range []struct{ text, old, new, want string }{
		{"'a'::public.e", "public.e", "public.f", "'a'::public.f"},
		{"'a'::public.ex", "public.e", "public.f", "'a'::public.ex"},
		{"x.public.e", "public.e", "public.f", "x.public.e"},
		{"public.e[]", "public.e", "public.f", "public.f[]"},
		{`nextval('app.s'::regclass)`, "app.", "core.", `nextval('core.s'::regclass)`},
		{`myapp.t`, "app.", "core.", `myapp.t`},
	} {
		prefix := strings.HasSuffix(tc.old, ".")
		if got := replaceName(tc.text, tc.old, tc.new, prefix); got != tc.want {
			t.Errorf("replaceName(%q, %q, %q) = %q, want %q", tc.text, tc.old, tc.new, got, tc.want)
		}
	}
	if q, ok := typeRefName(`app."My Type"[]`); !ok || q != (state.QualName{Schema: "app", Name: "My Type"}) {
		t.Errorf("typeRefName: %v %v", q, ok)
	}
	if _, ok := typeRefName("character varying(20)"); ok {
		t.Errorf("built-in type taken for a user type")
	}
}

func TestDomainCheckCallingFunctionAddedLater(t *testing.T) {
	for _, tc := range []struct {
		expr string
		want phase
	}{
		{"CHECK (public.valid(value))", phaseAddConstraint},
		{`CHECK ("My App"."Is Ok"(value))`, phaseAddConstraint},
		{"CHECK (length(value) > 0)", phaseType},
		{"CHECK (value <> 'a'::public.e)", phaseType},
		{"'a.b(c)'", phaseType},
	} {
		if got := checkPhase(tc.expr); got != tc.want {
			t.Errorf("checkPhase(%q) = %v, want %v", tc.expr, got, tc.want)
		}
	}
}

func TestReplaceIdent(t *testing.T) {
	for _, tc := range []struct{ text, old, new, want string }{
		{"CHECK ((age >= 0))", "age", "years", "CHECK ((years >= 0))"},
		{"CHECK ((page >= age))", "age", "years", "CHECK ((page >= years))"},
		{"CHECK ((x.age = 1) AND (age(now()) > '1 day'::interval) AND (note <> 'age'::text))", "age", "years",
			"CHECK ((x.age = 1) AND (age(now()) > '1 day'::interval) AND (note <> 'age'::text))"},
		{`UNIQUE ("Full Name")`, `"Full Name"`, "display_name", "UNIQUE (display_name)"},
	} {
		if got := replaceIdent(tc.text, tc.old, tc.new); got != tc.want {
			t.Errorf("replaceIdent(%q) = %q, want %q", tc.text, got, tc.want)
		}
	}
}

// TestRebuiltTypesLeaveInputs: a plan that rebuilds several types renames
// them in its own copy of the current model (the first rebuild copies it,
// the others rename in that copy): neither input changes, the plan is the
// same when planned again from the same inputs, and every rebuilt type and
// every column and composite attribute using one is renamed out of the way
// and converted.
func TestRebuiltTypesLeaveInputs(t *testing.T) {
	from := parseSchema(t, `
		CREATE TYPE a AS ENUM ('x', 'y', 'z');
		CREATE TYPE b AS ENUM ('p', 'q');
		CREATE TYPE c AS ENUM ('m', 'n');
		CREATE TYPE pair AS (l a, r b);
		CREATE TABLE t1 (k int PRIMARY KEY, u a DEFAULT 'x', v b[], w c, p pair);
		CREATE TABLE t2 (k int PRIMARY KEY, u a, w c CHECK (w <> 'n'));`)
	to := parseSchema(t, `
		CREATE TYPE a AS ENUM ('x', 'z');
		CREATE TYPE b AS ENUM ('q');
		CREATE TYPE c AS ENUM ('m', 'n');
		CREATE TYPE pair AS (l a, r b);
		CREATE TABLE t1 (k int PRIMARY KEY, u a DEFAULT 'x', v b[], w c, p pair);
		CREATE TABLE t2 (k int PRIMARY KEY, u a, w c CHECK (w <> 'n'));`)
	// Clone turns empty collections into nil, so the inputs are compared
	// as JSON.
	asJSON := func(s state.DatabaseSchema) string {
		b, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	fromBefore, toBefore := asJSON(from), asJSON(to)
	p1, err := Diff(from, to)
	if err != nil {
		t.Fatal(err)
	}
	if asJSON(from) != fromBefore || asJSON(to) != toBefore {
		t.Fatal("planning changed its inputs")
	}
	p2, err := Diff(from, to)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(stepSQL(p1), "\n")
	if again := strings.Join(stepSQL(p2), "\n"); again != got {
		t.Fatalf("the same inputs planned twice differ:\n%s\n---\n%s", got, again)
	}
	wantInPlan(t, got,
		"ALTER TYPE public.a RENAME TO a__renovate_old;",
		"ALTER TYPE public.b RENAME TO b__renovate_old;",
		"ALTER COLUMN u TYPE public.a",
		"ALTER COLUMN v TYPE public.b[]",
		"DROP TYPE public.a__renovate_old;",
		"DROP TYPE public.b__renovate_old;")
	if strings.Contains(got, "RENAME TO c__renovate_old") {
		t.Errorf("c, unchanged, is rebuilt:\n%s", got)
	}
}
