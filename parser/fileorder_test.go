package parser

import (
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

// TestFileOrderIfExists: statements guarded by IF EXISTS mean what they
// mean when the file runs top to bottom on an empty database, as pg_dump
// --clean --if-exists writes them before the objects' CREATE.
func TestFileOrderIfExists(t *testing.T) {
	r, err := ParseString("schema.sql", `
ALTER TABLE IF EXISTS ONLY public.t DROP CONSTRAINT IF EXISTS t_pkey;
ALTER TABLE IF EXISTS public.t ALTER COLUMN id DROP DEFAULT;
ALTER TABLE IF EXISTS public.t DROP COLUMN a;
DROP TRIGGER IF EXISTS trg ON public.t;
DROP POLICY IF EXISTS pol ON public.t;
DROP INDEX IF EXISTS public.t_a_idx;
DROP VIEW IF EXISTS public.v;
DROP SEQUENCE IF EXISTS public.t_id_seq;
DROP FUNCTION IF EXISTS public.f(integer);
DROP TABLE IF EXISTS public.t;
DROP TYPE IF EXISTS public.mood;
DROP DOMAIN IF EXISTS public.posint;
DROP SCHEMA IF EXISTS app;
DROP EXTENSION IF EXISTS citext;
DROP TABLE IF EXISTS public.never_defined_anywhere;
DROP CAST IF EXISTS (text AS public.mood);
CREATE SCHEMA app;
CREATE TYPE public.mood AS ENUM ('a');
CREATE DOMAIN public.posint AS integer;
CREATE TABLE public.t (id integer NOT NULL, a integer);
CREATE SEQUENCE public.t_id_seq AS integer;
ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id;
ALTER TABLE ONLY public.t ALTER COLUMN id SET DEFAULT nextval('public.t_id_seq'::regclass);
ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);
CREATE INDEX t_a_idx ON public.t (a);
CREATE FUNCTION public.f(integer) RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE VIEW public.v AS SELECT id FROM public.t;
-- After the CREATE, IF EXISTS applies.
ALTER TABLE IF EXISTS public.t ADD COLUMN b integer;
`)
	if err != nil {
		t.Fatal(err)
	}
	tb, ok := r.Schema.Table(state.QualName{Schema: "public", Name: "t"})
	if !ok {
		t.Fatal("table t missing")
	}
	id, _ := tb.Column("id")
	if id.Default != "nextval('public.t_id_seq'::regclass)" {
		t.Errorf("id default = %q, want the sequence's nextval (the DROP DEFAULT before CREATE TABLE does nothing)", id.Default)
	}
	if _, ok := tb.Column("a"); !ok {
		t.Error("column a dropped by an ALTER TABLE IF EXISTS that ran before the table existed")
	}
	if _, ok := tb.Column("b"); !ok {
		t.Error("column b of ALTER TABLE IF EXISTS after CREATE TABLE missing")
	}
	if len(tb.Constraints) != 1 || len(tb.Indexes) != 1 {
		t.Errorf("constraints %v, indexes %v: want t_pkey and t_a_idx", tb.Constraints, tb.Indexes)
	}
}

// TestFileOrderPlaceholderView is pg_dump --clean's two-step view: a
// placeholder CREATE OR REPLACE VIEW in the clean section, DROP VIEW IF
// EXISTS, the placeholder again, and CREATE OR REPLACE VIEW with the real
// query after what it needs.
func TestFileOrderPlaceholderView(t *testing.T) {
	views := parseViews(t, `
CREATE OR REPLACE VIEW public.v AS
SELECT
    NULL::integer AS id,
    NULL::integer AS a;
ALTER TABLE IF EXISTS ONLY public.t DROP CONSTRAINT IF EXISTS t_pkey;
DROP VIEW IF EXISTS public.v;
DROP TABLE IF EXISTS public.t;
CREATE TABLE public.t (id integer NOT NULL, a integer);
CREATE VIEW public.v AS
SELECT
    NULL::integer AS id,
    NULL::integer AS a;
ALTER TABLE ONLY public.t ADD CONSTRAINT t_pkey PRIMARY KEY (id);
CREATE OR REPLACE VIEW public.v AS
 SELECT t.id, t.a FROM public.t GROUP BY t.id;
`)
	if v := views["public.v"]; v.Definition != "SELECT t.id, t.a FROM public.t GROUP BY t.id" {
		t.Errorf("view v = %q, want the last CREATE OR REPLACE VIEW's query", v.Definition)
	}
}

// TestFileOrderErrors: what file order cannot explain stays an error.
func TestFileOrderErrors(t *testing.T) {
	for _, tc := range []struct {
		name  string
		files []File
		want  string
	}{
		{
			name:  "drop of a table created earlier",
			files: []File{{"a.sql", "CREATE TABLE t (a int);\nDROP TABLE IF EXISTS t;\n"}},
			want:  "a.sql:2:1: DROP TABLE of an object created earlier in the same file is not supported in schema files",
		},
		{
			name:  "drop without IF EXISTS before the create",
			files: []File{{"a.sql", "DROP TABLE t;\nCREATE TABLE t (a int);\n"}},
			want:  "a.sql:1:1: DROP TABLE is not supported in schema files",
		},
		{
			name: "drop if exists of another file's object",
			files: []File{
				{"a.sql", "DROP TABLE IF EXISTS t;\n"},
				{"b.sql", "CREATE TABLE t (a int);\n"},
			},
			want: "a.sql:1:1: DROP ... IF EXISTS of public.t, which b.sql:1:1 defines",
		},
		{
			name:  "drop view cascade of a view created earlier",
			files: []File{{"a.sql", "CREATE VIEW v AS SELECT 1 AS x;\nDROP VIEW v CASCADE;\n"}},
			want:  "a.sql:2:1: DROP VIEW ... CASCADE is not supported in schema files",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseFiles(tc.files)
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("got %v, want an error containing %q", err, tc.want)
			}
		})
	}
}

// TestCreateOrReplaceFunction: a later CREATE OR REPLACE FUNCTION of the
// same signature replaces the earlier one, as it does when the file runs.
func TestCreateOrReplaceFunction(t *testing.T) {
	r, err := ParseString("f.sql", `CREATE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT 1';
CREATE OR REPLACE FUNCTION f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT 2';
`)
	if err != nil {
		t.Fatal(err)
	}
	var bodies []string
	for _, f := range r.Schema.Functions {
		bodies = append(bodies, f.Body)
	}
	if len(bodies) != 1 || !strings.Contains(bodies[0], "SELECT 2") {
		t.Errorf("functions %q, want one with the second body", bodies)
	}
	if _, err := ParseString("f.sql", "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\nCREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';\n"); err == nil {
		t.Error("two CREATE FUNCTION of one signature without OR REPLACE: want an error")
	}
}
