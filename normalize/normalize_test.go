package normalize

import (
	"context"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// spelled is a schema written the way people write it: PostgreSQL stores
// and prints every expression in it differently (casts, parentheses,
// qualified columns, ANY (ARRAY[...]) for IN).
const spelled = `
CREATE TABLE public.t (
    id int PRIMARY KEY,
    kind text DEFAULT 'a' CHECK (kind IN ('a', 'b')),
    tenant int
);
CREATE INDEX t_kind_idx ON public.t (lower(kind)) WHERE kind <> 'z';
ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;
CREATE POLICY pol ON public.t USING (tenant = current_setting('app.tenant')::int);
CREATE DOMAIN public.d AS text DEFAULT 'x' CHECK (VALUE IN ('x', 'y'));
CREATE TABLE public.p (at timestamp NOT NULL, n int) PARTITION BY RANGE (at);
CREATE TABLE public.p1 PARTITION OF public.p FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE VIEW public.v AS SELECT id, kind FROM public.t WHERE kind != 'b';
ALTER VIEW public.v ALTER COLUMN kind SET DEFAULT 'a';
CREATE FUNCTION public.trg() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$;
CREATE TRIGGER tr BEFORE UPDATE ON public.t FOR EACH ROW WHEN (NEW.kind <> 'a') EXECUTE FUNCTION public.trg();
CREATE TABLE public.log (id bigint, note varchar(20));
CREATE RULE logged AS ON INSERT TO public.t DO ALSO INSERT INTO public.log VALUES (NEW.id, 'added');
CREATE RULE v_del AS ON DELETE TO public.v DO INSTEAD UPDATE public.log SET note = 'gone' WHERE log.id = OLD.id;
CREATE MATERIALIZED VIEW public.mv AS SELECT id, kind FROM public.t;
CREATE INDEX mv_kind_idx ON public.mv (lower(kind)) WHERE kind <> 'z';
`

// spelledSince holds the statements of spelled that need a later server
// than the oldest supported one, keyed by the first version that takes them.
var spelledSince = []struct {
	version int
	sql     string
}{
	{14, "CREATE FUNCTION public.f(a text DEFAULT 'q') RETURNS text LANGUAGE sql RETURN a || 'x';\n" +
		"CREATE STATISTICS public.t_kinds ON (lower(kind)), (tenant + 1) FROM public.t;\n"},
	{15, "CREATE PUBLICATION pub FOR TABLE public.t WHERE (kind = 'a');\n"},
}

// TestRunPrintsLocalFragmentsAsTheServer checks the server tier end to
// end: the same schema, once parsed from its files and once read from a
// database built from them, differs in many fragments before Run and in
// none after it; and Run changes nothing on the server.
func TestRunPrintsLocalFragmentsAsTheServer(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	conn, err := catalog.Connect(ctx, pg.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	schema := spelled
	for _, s := range spelledSince {
		if pg.Version() >= s.version {
			schema += s.sql
		}
	}
	if _, err := conn.Exec(ctx, schema, pgx.QueryExecModeSimpleProtocol); err != nil {
		t.Fatal(err)
	}
	local, err := parser.ParseString("schema.sql", schema)
	if err != nil {
		t.Fatal(err)
	}
	remote := readRemote(ctx, t, conn)

	before := differingFiles(local.Schema, remote)
	if len(before) < 5 {
		t.Fatalf("the test schema should differ from the server's spelling in many files, differs in %v", before)
	}
	// Run copies only the objects it rewrites; the model it was given,
	// which its caller still holds, must be left exactly as it was.
	given := local.Schema.Clone()
	got, err := Run(ctx, conn, local.Schema, remote, planner.DeclaredRelationRenames(remote, local.Schema))
	if err != nil {
		t.Fatal(err)
	}
	if after := differingFiles(got, remote); len(after) > 0 {
		for _, f := range after {
			t.Errorf("%s still differs after Run:\nlocal:\n%s\nremote:\n%s", f, layout.Files(got)[f], layout.Files(remote)[f])
		}
	}
	if !reflect.DeepEqual(local.Schema.Clone(), given) {
		t.Error("Run modified its desired argument")
	}
	if again := readRemote(ctx, t, conn); len(differingFiles(again, remote)) > 0 {
		t.Errorf("Run changed the server: %v", differingFiles(again, remote))
	}
}

// readRemote introspects the database into the canonical model, as the
// engine does.
func readRemote(ctx context.Context, t *testing.T, conn *pgx.Conn) state.DatabaseSchema {
	t.Helper()
	raw, err := catalog.Introspect(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	var files []parser.File
	for p, sql := range layout.Files(*raw) {
		files = append(files, parser.File{Path: p, SQL: parser.PinArrayCoercions(sql)})
	}
	res, err := parser.ParseFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	// Views' output columns come from the catalog, not the text.
	for i, v := range res.Schema.Views {
		if rv, ok := raw.View(v.QualName()); ok {
			res.Schema.Views[i].Columns = rv.Columns
		}
	}
	return res.Schema
}

// differingFiles names the canonical files in which a and b differ.
func differingFiles(a, b state.DatabaseSchema) []string {
	fa, fb := layout.Files(a), layout.Files(b)
	var out []string
	// The public schema's properties are not the server tier's business
	// (the engine adopts the remote's when no file declares it).
	delete(fa, "public/schema.sql")
	delete(fb, "public/schema.sql")
	for p, sql := range fa {
		if fb[p] != sql {
			out = append(out, p)
		}
	}
	for p := range fb {
		if _, ok := fa[p]; !ok {
			out = append(out, p)
		}
	}
	sort.Strings(out)
	return out
}

// TestPassesAreNamedOnce checks the table of passes: every pass has a
// name of its own.
func TestPassesAreNamedOnce(t *testing.T) {
	seen := map[string]bool{}
	for _, p := range Passes() {
		if p.Name() == "" || seen[p.Name()] {
			t.Errorf("pass name %q is empty or repeated", p.Name())
		}
		seen[p.Name()] = true
	}
	if len(seen) < 10 {
		t.Errorf("only %d passes", len(seen))
	}
}
