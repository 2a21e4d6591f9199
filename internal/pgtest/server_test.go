package pgtest

import (
	"context"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/jackc/pgx/v5"
)

var srv *Server

func TestMain(m *testing.M) { os.Exit(Main(m, &srv)) }

func execAll(t *testing.T, dsn string, stmts ...string) {
	t.Helper()
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatalf("connecting: %v", err)
	}
	defer conn.Close(ctx)
	for _, st := range stmts {
		if _, err := conn.Exec(ctx, st); err != nil {
			t.Fatalf("%s: %v", st, err)
		}
	}
}

func TestServerInfo(t *testing.T) {
	if srv.Version() < 13 {
		t.Errorf("Version() = %d, want >= 13", srv.Version())
	}
	if os.Getenv(EnvDSN) == "" && srv.BinDir() == "" {
		t.Errorf("BinDir() is empty for a server started here")
	}
	if os.Getenv(EnvDSN) == "" && !strings.HasPrefix(srv.AdminDSN(), "postgres://postgres@127.0.0.1:") {
		t.Errorf("AdminDSN() = %q", srv.AdminDSN())
	}
	method, err := srv.OracleMethod(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("PostgreSQL %d from %q, oracle: %s", srv.Version(), srv.BinDir(), method)
}

func TestNewDatabaseIsEmptyAndUsable(t *testing.T) {
	t.Parallel()
	dsn := srv.NewDatabase(t)
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var db string
	var n int
	if err := conn.QueryRow(ctx, `SELECT current_database(), (SELECT count(*) FROM pg_class c
		JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname NOT IN ('pg_catalog', 'information_schema', 'pg_toast'))`).Scan(&db, &n); err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Errorf("new database %s has %d user relations, want 0", db, n)
	}
	if !strings.HasPrefix(db, "testnewdatabaseisemptyandusable_") {
		t.Errorf("database name %q does not derive from the test name", db)
	}
	if _, err := conn.Exec(ctx, "CREATE TABLE t (id int PRIMARY KEY); INSERT INTO t VALUES (1)"); err != nil {
		t.Fatal(err)
	}
}

func TestNewDatabaseParallel(t *testing.T) {
	t.Parallel()
	for _, name := range []string{"a", "b", "c"} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			dsn := srv.NewDatabase(t)
			execAll(t, dsn, "CREATE TABLE t (x text)")
		})
	}
}

func TestDropDatabaseOnCleanup(t *testing.T) {
	t.Parallel()
	var name string
	t.Run("inner", func(t *testing.T) {
		name = databaseOf(srv.NewDatabase(t))
	})
	ctx := context.Background()
	conn, err := pgx.Connect(ctx, srv.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	var exists bool
	if err := conn.QueryRow(ctx, "SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = $1)", name).Scan(&exists); err != nil {
		t.Fatal(err)
	}
	if exists {
		t.Errorf("database %s still exists after its test ended", name)
	}
}

func TestDatabaseName(t *testing.T) {
	s := &Server{token: "abc123"}
	cases := map[string]string{
		"TestFoo":                          "testfoo_abc123_1",
		"TestFoo/sub_case#01":              "testfoo_sub_case_01_abc123_2",
		"123":                              "t_123_abc123_3",
		"Test/" + strings.Repeat("x", 100): "test_" + strings.Repeat("x", 63-len("test_")-len("_abc123_4")) + "_abc123_4",
	}
	for _, in := range []string{"TestFoo", "TestFoo/sub_case#01", "123", "Test/" + strings.Repeat("x", 100)} {
		got := s.databaseName(in)
		if got != cases[in] {
			t.Errorf("databaseName(%q) = %q, want %q", in, got, cases[in])
		}
		if len(got) > 63 {
			t.Errorf("databaseName(%q) is %d bytes long", in, len(got))
		}
	}
}

func TestEnsureRoles(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	roles := []string{"pgtest_reader", "pgtest Writer"}
	var wg sync.WaitGroup
	errs := make([]error, 3)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = EnsureRoles(ctx, srv.AdminDSN(), roles)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	dsn := srv.NewDatabase(t)
	execAll(t, dsn, `CREATE TABLE t (x int)`, `GRANT SELECT ON t TO pgtest_reader, "pgtest Writer"`)
}

// schemaSQL builds a small schema touching many kinds of objects; columns
// lists the columns of table items (in creation order).
func schemaSQL(columns string) []string {
	return []string{
		`CREATE SCHEMA app`,
		`CREATE TYPE app.mood AS ENUM ('sad', 'ok', 'happy')`,
		`CREATE DOMAIN app.posint AS integer CHECK (VALUE > 0)`,
		`CREATE TABLE app.items (` + columns + `)`,
		`CREATE INDEX items_name_idx ON app.items (lower(name))`,
		`COMMENT ON TABLE app.items IS 'things'`,
		`COMMENT ON COLUMN app.items.name IS 'the name'`,
		`CREATE VIEW app.item_names AS SELECT id, name FROM app.items`,
		`CREATE FUNCTION app.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.name := lower(NEW.name); RETURN NEW; END $$`,
		`CREATE TRIGGER items_touch BEFORE INSERT ON app.items FOR EACH ROW EXECUTE FUNCTION app.touch()`,
		`CREATE SEQUENCE app.counter START 5`,
		`GRANT SELECT ON app.items TO pgtest_reader`,
		`ALTER TABLE app.items ENABLE ROW LEVEL SECURITY`,
		`CREATE POLICY readers ON app.items FOR SELECT TO pgtest_reader USING (qty > 0)`,
	}
}

// compareBoth compares two databases with the server's default oracle and
// with the catalog oracle.
func compareBoth(t *testing.T, a, b string) (dflt, catalog string) {
	t.Helper()
	ctx := context.Background()
	dflt, err := CompareSchemas(ctx, srv, a, b)
	if err != nil {
		t.Fatal(err)
	}
	ca, err := DumpSchemaCatalog(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := DumpSchemaCatalog(ctx, b)
	if err != nil {
		t.Fatal(err)
	}
	return dflt, DiffDumps(ca, cb, "a", "b")
}

func TestCompareSchemasIgnoresColumnOrder(t *testing.T) {
	t.Parallel()
	if err := EnsureRoles(context.Background(), srv.AdminDSN(), []string{"pgtest_reader"}); err != nil {
		t.Fatal(err)
	}
	a, b := srv.NewDatabase(t), srv.NewDatabase(t)
	execAll(t, a, schemaSQL(`id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, qty app.posint, m app.mood DEFAULT 'ok'`)...)
	execAll(t, b, schemaSQL(`m app.mood DEFAULT 'ok', qty app.posint, name text NOT NULL, id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY`)...)
	dflt, catalog := compareBoth(t, a, b)
	if dflt != "" {
		t.Errorf("CompareSchemas found differences in equal schemas:\n%s", dflt)
	}
	if catalog != "" {
		t.Errorf("catalog oracle found differences in equal schemas:\n%s", catalog)
	}
	dump, err := DumpSchema(context.Background(), srv, a)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"items", "happy", "posint", "touch", "things", "the name", "pgtest_reader", "readers"} {
		if !strings.Contains(dump, want) {
			t.Errorf("dump does not mention %q:\n%s", want, dump)
		}
	}
	if strings.Contains(dump, databaseOf(a)) {
		t.Errorf("dump mentions the database name %s:\n%s", databaseOf(a), dump)
	}
}

func TestCompareSchemasFindsDifferences(t *testing.T) {
	t.Parallel()
	if err := EnsureRoles(context.Background(), srv.AdminDSN(), []string{"pgtest_reader"}); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		name   string
		extraA []string
		extraB []string
		want   []string // in the diff
	}{
		{
			name:   "column type",
			extraA: []string{`ALTER TABLE app.items ADD COLUMN price numeric(10,2)`},
			extraB: []string{`ALTER TABLE app.items ADD COLUMN price numeric(12,2)`},
			want:   []string{"-", "numeric(10,2)", "+", "numeric(12,2)"},
		},
		{
			name:   "comment",
			extraA: []string{`COMMENT ON COLUMN app.items.qty IS 'how many'`},
			want:   []string{"-", "how many"},
		},
		{
			name:   "grant",
			extraB: []string{`GRANT INSERT ON app.items TO pgtest_reader`},
			want:   []string{"+", "pgtest_reader"},
		},
		// The settings kept beside definitions (table_settings cases).
		{
			name:   "cluster on",
			extraA: []string{`ALTER TABLE app.items CLUSTER ON items_name_idx`},
			want:   []string{"-", "items_name_idx"},
		},
		{
			name:   "column statistics target",
			extraB: []string{`ALTER TABLE app.items ALTER COLUMN name SET STATISTICS 321`},
			want:   []string{"+", "321"},
		},
		{
			name:   "index column statistics target",
			extraB: []string{`ALTER INDEX app.items_name_idx ALTER COLUMN 1 SET STATISTICS 222`},
			want:   []string{"+", "222"},
		},
		{
			name:   "attribute options",
			extraB: []string{`ALTER TABLE app.items ALTER COLUMN qty SET (n_distinct = 42)`},
			want:   []string{"+", "n_distinct=42"},
		},
		{
			name:   "storage parameter order",
			extraA: []string{`ALTER TABLE app.items SET (fillfactor = 70, autovacuum_enabled = false)`},
			extraB: []string{`ALTER TABLE app.items SET (autovacuum_enabled = false, fillfactor = 70)`},
			// The two differ in the order alone.
			want: []string{"-", "+", "autovacuum_enabled"},
		},
		{
			name:   "explicit default null",
			extraA: []string{`ALTER TABLE app.items ADD COLUMN code varchar(5) DEFAULT NULL`},
			extraB: []string{`ALTER TABLE app.items ADD COLUMN code varchar(5)`},
			want:   []string{"-", "NULL::character varying"},
		},
		{
			name:   "comment on a constraint's index",
			extraB: []string{`COMMENT ON INDEX app.items_pkey IS 'key index'`},
			want:   []string{"+", "key index"},
		},
		{
			name:   "view column default",
			extraA: []string{`ALTER VIEW app.item_names ALTER COLUMN name SET DEFAULT 'unnamed'`},
			want:   []string{"-", "unnamed"},
		},
		{
			name:   "function body",
			extraA: []string{`CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 1'`},
			extraB: []string{`CREATE FUNCTION app.f() RETURNS int LANGUAGE sql AS 'SELECT 2'`},
			want:   []string{"SELECT 1", "SELECT 2"},
		},
	}
	cols := `id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL, qty app.posint, m app.mood DEFAULT 'ok'`
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a, b := srv.NewDatabase(t), srv.NewDatabase(t)
			execAll(t, a, append(schemaSQL(cols), tc.extraA...)...)
			execAll(t, b, append(schemaSQL(cols), tc.extraB...)...)
			dflt, catalog := compareBoth(t, a, b)
			for oracle, diff := range map[string]string{"default": dflt, "catalog": catalog} {
				if diff == "" {
					t.Errorf("%s oracle found no difference", oracle)
					continue
				}
				for _, w := range tc.want {
					if !strings.Contains(diff, w) {
						t.Errorf("%s oracle's diff does not contain %q:\n%s", oracle, w, diff)
					}
				}
				t.Logf("%s oracle:\n%s", oracle, diff)
			}
		})
	}
}

func TestNormalizeDump(t *testing.T) {
	dump := `--
-- PostgreSQL database dump
--
\restrict abc123

SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);

CREATE TABLE public.t (
    b integer,
    a text DEFAULT 'x;y'::text
);

CREATE FUNCTION public.f() RETURNS integer
    LANGUAGE plpgsql
    AS $_$ BEGIN RETURN 1; END $_$;

COMMENT ON DATABASE mydb IS 'db; comment';

\unrestrict abc123
`
	want := `COMMENT ON DATABASE <db> IS 'db; comment';
CREATE FUNCTION public.f() RETURNS integer
    LANGUAGE plpgsql
    AS $_$ BEGIN RETURN 1; END $_$;
CREATE TABLE public.t (
    a text DEFAULT 'x;y'::text
    b integer
);
`
	if got := NormalizeDump(dump, "mydb"); got != want {
		t.Errorf("NormalizeDump:\n%s\nwant:\n%s", got, want)
	}
	st := "CREATE STATISTICS s.st (ndistinct, dependencies) ON z, (lower(a, b)), b FROM s.t"
	want = "CREATE STATISTICS s.st (ndistinct, dependencies) ON (lower(a, b)), b, z FROM s.t"
	if got := sortStatisticsColumns(st); got != want {
		t.Errorf("sortStatisticsColumns = %q, want %q", got, want)
	}
}

func TestSplitStatements(t *testing.T) {
	src := `SELECT 'a;b', "x;y", E'it\'s;', $$;$$, $t$ $$ ; $t$ /* ; /* nested ; */ */ ; -- c;
SELECT $1;`
	got := splitStatements(src)
	want := []string{`SELECT 'a;b', "x;y", E'it\'s;', $$;$$, $t$ $$ ; $t$`, `SELECT $1`}
	if len(got) != len(want) {
		t.Fatalf("splitStatements = %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("statement %d = %q, want %q", i, got[i], want[i])
		}
	}
}

func TestDiffDumps(t *testing.T) {
	if d := DiffDumps("a;\nb;\n", "a;\nb;\n", "x", "y"); d != "" {
		t.Errorf("equal dumps gave diff %q", d)
	}
	a := "1\n2\n3\n4\n5\n6\n7\n8\n9\n"
	b := "1\n2\n3\n4\nfive\n6\n7\n8\n9\n"
	want := "--- x\n+++ y\n@@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n"
	if d := DiffDumps(a, b, "x", "y"); d != want {
		t.Errorf("DiffDumps = %q, want %q", d, want)
	}
}

func TestWithDatabase(t *testing.T) {
	got, err := withDatabase("postgres://u@127.0.0.1:5432/postgres?sslmode=disable", "d1")
	if err != nil || got != "postgres://u@127.0.0.1:5432/d1?sslmode=disable" {
		t.Errorf("URL form: %q, %v", got, err)
	}
	got, err = withDatabase("host=/tmp dbname=postgres", "it's")
	if err != nil || databaseOf(got) != "it's" {
		t.Errorf("keyword form: %q (database %q), %v", got, databaseOf(got), err)
	}
	if r := redactDSN("postgres://u:secret@h/db"); strings.Contains(r, "secret") {
		t.Errorf("redactDSN kept the password: %s", r)
	}
	if r := redactDSN("host=h password=secret"); strings.Contains(r, "secret") {
		t.Errorf("redactDSN kept the password: %s", r)
	}
}

// wideSchema returns statements creating many kinds of objects; reversed
// reverses the order of independent steps and of grants, and creates
// columns in another order.
func wideSchema(reversed bool) []string {
	cols := []string{"id int NOT NULL", "body text COLLATE \"C\"", "tags text[] DEFAULT '{}'", "doubled int GENERATED ALWAYS AS (id * 2) STORED"}
	grants := []string{`GRANT SELECT ON w.docs TO pgtest_reader`, `GRANT UPDATE (body) ON w.docs TO "pgtest Writer"`}
	indexes := []string{`CREATE INDEX docs_body ON w.docs (body) WHERE id > 0`, `CREATE UNIQUE INDEX docs_tags ON w.docs USING gin (tags) WITH (fastupdate = off)`}
	indexes[1] = `CREATE INDEX docs_tags ON w.docs USING gin (tags) WITH (fastupdate = off)`
	if reversed {
		for i, j := 0, len(cols)-1; i < j; i, j = i+1, j-1 {
			cols[i], cols[j] = cols[j], cols[i]
		}
		grants[0], grants[1] = grants[1], grants[0]
		indexes[0], indexes[1] = indexes[1], indexes[0]
	}
	stmts := []string{
		`CREATE EXTENSION citext`,
		`CREATE SCHEMA w`,
		`COMMENT ON SCHEMA w IS 'wide'`,
		`CREATE TYPE w.pair AS (l int, r text)`,
		`CREATE TYPE w.span AS RANGE (subtype = int4)`,
		`CREATE COLLATION w.nat (provider = libc, locale = 'C')`,
		`CREATE TABLE w.docs (` + strings.Join(cols, ", ") + `, name citext, CONSTRAINT docs_pk PRIMARY KEY (id), CONSTRAINT docs_body_ck CHECK (length(body) < 100) NOT VALID)`,
		`ALTER TABLE w.docs ALTER COLUMN body SET STATISTICS 500`,
		`CREATE TABLE w.parts (k int, v text) PARTITION BY RANGE (k)`,
		`CREATE TABLE w.parts_1 PARTITION OF w.parts FOR VALUES FROM (0) TO (10)`,
		`CREATE INDEX parts_v ON w.parts (v)`,
		`CREATE TABLE w.base (a int)`,
		`CREATE TABLE w.child (b int) INHERITS (w.base)`,
		`CREATE UNLOGGED TABLE w.scratch (x int) WITH (fillfactor = 70)`,
		`CREATE TABLE w.refs (id int REFERENCES w.docs ON DELETE CASCADE DEFERRABLE)`,
		`CREATE MATERIALIZED VIEW w.doc_count AS SELECT count(*) AS n FROM w.docs WITH NO DATA`,
		`CREATE VIEW w.v WITH (security_barrier) AS SELECT id, body FROM w.docs WHERE id > 1 WITH CHECK OPTION`,
		`CREATE AGGREGATE w.total(int) (sfunc = int4pl, stype = int, initcond = '0')`,
		`CREATE PROCEDURE w.p(x int) LANGUAGE sql AS $$ SELECT x $$`,
		`CREATE FUNCTION w.evt() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$`,
		`CREATE EVENT TRIGGER pgtest_evt ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION w.evt()`,
		`ALTER EVENT TRIGGER pgtest_evt DISABLE`,
		`CREATE RULE docs_noop AS ON DELETE TO w.scratch DO INSTEAD NOTHING`,
		`CREATE STATISTICS w.docs_stats (dependencies) ON id, doubled FROM w.docs`,
		`ALTER DEFAULT PRIVILEGES IN SCHEMA w GRANT SELECT ON TABLES TO pgtest_reader`,
		`CREATE FOREIGN DATA WRAPPER pgtest_fdw`,
		`CREATE SERVER pgtest_srv FOREIGN DATA WRAPPER pgtest_fdw OPTIONS (host 'nowhere')`,
		`CREATE FOREIGN TABLE w.remote (a int OPTIONS (col 'x')) SERVER pgtest_srv OPTIONS (tab 'y')`,
		`CREATE SEQUENCE w.seq AS int INCREMENT 2 CYCLE OWNED BY w.scratch.x`,
		`ALTER TABLE w.docs REPLICA IDENTITY FULL`,
		`ALTER TABLE w.docs FORCE ROW LEVEL SECURITY`,
		`CREATE POLICY p1 ON w.docs AS RESTRICTIVE FOR UPDATE TO pgtest_reader, "pgtest Writer" USING (id > 0) WITH CHECK (id < 1000)`,
		`COMMENT ON INDEX w.parts_v IS 'partitioned index'`,
		`COMMENT ON CONSTRAINT docs_pk ON w.docs IS 'the key'`,
	}
	stmts = append(stmts, indexes...)
	return append(stmts, grants...)
}

func TestCompareSchemasWideSchema(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	if err := EnsureRoles(ctx, srv.AdminDSN(), []string{"pgtest_reader", "pgtest Writer"}); err != nil {
		t.Fatal(err)
	}
	a, b, c := srv.NewDatabase(t), srv.NewDatabase(t), srv.NewDatabase(t)
	execAll(t, a, wideSchema(false)...)
	execAll(t, b, wideSchema(true)...)
	execAll(t, c, append(wideSchema(false), `ALTER TABLE w.docs ALTER COLUMN body SET STATISTICS 400`)...)
	dflt, catalog := compareBoth(t, a, b)
	if dflt != "" {
		t.Errorf("CompareSchemas found differences in equal schemas:\n%s", dflt)
	}
	if catalog != "" {
		t.Errorf("catalog oracle found differences in equal schemas:\n%s", catalog)
	}
	dump, err := DumpSchemaCatalog(ctx, a)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"EXTENSION citext", "TYPE w.pair COMPOSITE", "TYPE w.span RANGE", "COLLATION w.nat",
		"PARTITION OF w.parts", "INHERITS (w.base)", "UNLOGGED", "MATERIALIZED VIEW w.doc_count", "AGGREGATE w.total",
		"PROCEDURE w.p", "EVENT TRIGGER pgtest_evt", "CREATE RULE docs_noop", "CREATE STATISTICS w.docs_stats",
		"DEFAULT PRIVILEGES", "SERVER pgtest_srv", "FOREIGN TABLE w.remote", "SEQUENCE w.seq", "POLICY p1",
		"partitioned index", "the key", "GENERATED ALWAYS AS ((id * 2)) STORED", "STATISTICS 500"} {
		if !strings.Contains(dump, want) {
			t.Errorf("catalog dump does not mention %q", want)
		}
	}
	if strings.Contains(dump, "FUNCTION w.span(") {
		t.Errorf("catalog dump includes range constructor functions:\n%s", dump)
	}
	if strings.Contains(dump, "citext_eq") || strings.Contains(dump, "TYPE public.citext") {
		t.Errorf("catalog dump includes extension members:\n%s", dump)
	}
	if t.Failed() {
		t.Logf("catalog dump:\n%s", dump)
	}
	dflt, catalog = compareBoth(t, a, c)
	if !strings.Contains(dflt, "STATISTICS 400") {
		t.Errorf("CompareSchemas missed a statistics target change:\n%s", dflt)
	}
	if !strings.Contains(catalog, "STATISTICS 400") {
		t.Errorf("catalog oracle missed a statistics target change:\n%s", catalog)
	}
}
