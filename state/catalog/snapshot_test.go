package catalog

import (
	"strings"
	"testing"
)

// snapshotFixture exercises every part of queries/snapshot.sql.
const snapshotFixture = `
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the app';
CREATE TYPE app.mood AS ENUM ('sad', 'ok');
CREATE DOMAIN app.pos AS integer DEFAULT 1 NOT NULL CHECK (VALUE > 0);
CREATE TYPE app.pair AS (a integer, b text COLLATE "C");
CREATE TYPE app.fr AS RANGE (subtype = float8);
CREATE SEQUENCE app.s AS integer INCREMENT 5 CACHE 3;
CREATE TABLE app.t (
	id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	m varchar(10) DEFAULT NULL,
	n text NOT NULL DEFAULT 'x'::text,
	g integer GENERATED ALWAYS AS (id * 2) STORED,
	u integer UNIQUE
) WITH (fillfactor = 70, autovacuum_enabled = false);
ALTER TABLE app.t ALTER COLUMN n SET STATISTICS 500;
ALTER TABLE app.t ALTER COLUMN n SET (n_distinct = -0.5);
ALTER TABLE app.t CLUSTER ON t_pkey;
COMMENT ON INDEX app.t_u_key IS 'backs a constraint';
CREATE INDEX t_expr ON app.t ((n || 'a'));
ALTER INDEX app.t_expr ALTER COLUMN 1 SET STATISTICS 100;
CREATE FUNCTION app.f(x integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT x';
REVOKE EXECUTE ON FUNCTION app.f(integer) FROM PUBLIC;
CREATE VIEW app.v AS SELECT id, n FROM app.t WHERE id = 1 AND (u = 2 AND g = 3);
ALTER VIEW app.v ALTER COLUMN n SET DEFAULT 'dflt';
GRANT SELECT (id) ON app.v TO PUBLIC;
CREATE POLICY p ON app.t USING (id > 0);
ALTER TABLE app.t ENABLE ROW LEVEL SECURITY;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO PUBLIC;
CREATE PUBLICATION pub FOR TABLE app.t;
`

func TestReadSnapshot(t *testing.T) {
	ctx := testContext(t)
	_, conn := newDatabase(t, snapshotFixture)
	snap, err := ReadSnapshot(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	facts := map[string]string{}
	for _, f := range snap {
		if f.Set {
			facts[f.Object+" | "+f.Property] = f.Value
		}
	}
	for k, want := range map[string]string{
		"table app.t | pg_class.reloptions":                               "fillfactor=70, autovacuum_enabled=false",
		"column n of table app.t | pg_attribute.attstattarget":            "500",
		"column n of table app.t | pg_attribute.attoptions":               "n_distinct=-0.5",
		"column m of table app.t | pg_attrdef.adbin":                      "NULL::character varying",
		"column n of table app.t | pg_attrdef.adbin":                      "'x'::text",
		"index app.t_pkey | pg_index.indisclustered":                      "true",
		"index app.t_u_key | pg_description":                              "backs a constraint",
		"index app.t_expr | pg_attribute.attstattarget":                   "100",
		"column n of view app.v | pg_attrdef.adbin":                       "'dflt'::text",
		"column id of view app.v | pg_attribute.attacl":                   "PUBLIC=SELECT",
		"function app.f(integer) | pg_proc.proacl":                        "<owner>=EXECUTE",
		"sequence app.t_id_seq | pg_depend (OWNED BY)":                    "app.t.id (identity)",
		"schema app | pg_description":                                     "the app",
		"type app.mood | pg_enum":                                         "'sad', 'ok'",
		"publication pub | pg_publication_rel":                            "app.t",
		"policy p on table app.t | pg_policy.polqual":                     "(id > 0)",
		"table app.t | pg_class.relrowsecurity":                           "true",
		"column b of composite type app.pair | pg_attribute.attcollation": `"C"`,
	} {
		if got, ok := facts[k]; !ok || got != want {
			t.Errorf("%s = %q (present %v), want %q", k, got, ok, want)
		}
	}
	var def string
	for k, v := range facts {
		if strings.HasPrefix(k, "view app.v | pg_get_viewdef") {
			def = v
		}
	}
	// The server's own tree: the nested AND keeps its parentheses.
	if !strings.Contains(def, "((t.u = 2) AND (t.g = 3))") && !strings.Contains(def, "((u = 2) AND (g = 3))") {
		t.Errorf("view definition %q does not show the nested AND", def)
	}
	if losses := Compare(snap, snap); len(losses) != 0 {
		t.Errorf("a snapshot differs from itself: %v", losses)
	}
}

func TestCompareSnapshots(t *testing.T) {
	ctx := testContext(t)
	_, a := newDatabase(t, `CREATE TABLE t (a int, b int) WITH (fillfactor = 50); CREATE TABLE gone (x int);`)
	_, b := newDatabase(t, `CREATE TABLE t (a int, b int); CREATE TABLE extra (x int);`)
	sa, err := ReadSnapshot(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	sb, err := ReadSnapshot(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, l := range Compare(sa, sb) {
		got = append(got, l.String())
	}
	want := []string{
		"column x of table public.extra: only in the copy",
		"column x of table public.gone: missing from the copy",
		"table public.extra: only in the copy",
		"table public.gone: missing from the copy",
		`table public.t: pg_class.reloptions is "fillfactor=50", the copy has (unset)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("Compare:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
