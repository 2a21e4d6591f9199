package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// writeFilesOf writes the schema and data files of the database at dsn
// into a new directory, as init and fetch do.
func writeFilesOf(t *testing.T, dsn string, tables []state.DataTable) string {
	t.Helper()
	ctx := context.Background()
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	remote, err := LoadRemote(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if _, err := RefreshFiles(ctx, conn, dir, remote.Raw, Scope{Data: tables}); err != nil {
		t.Fatalf("writing the files: %v", err)
	}
	return dir
}

func dataTable(name string, key ...string) state.DataTable {
	return state.DataTable{Table: state.QualName{Schema: "public", Name: name}, Key: key}
}

// TestDataNumericKeys: numeric keys compare by value. A hand-written
// 1.5 for a stored 1.50 is the same row (no delete and insert), and the
// database's ORDER BY and the streaming merge agree on every number
// (negatives, exponents, NaN and the infinities), so writing the files
// and planning them back works in one pass and plans nothing.
func TestDataNumericKeys(t *testing.T) {
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, `
CREATE TABLE public.rates (k numeric PRIMARY KEY, label text NOT NULL);
INSERT INTO public.rates VALUES (1.50, 'one and a half'), (10, 'ten'), (9.5, 'nine and a half'), (-2, 'minus two'),
  (0.001, 'a thousandth'), (-0.5, 'minus a half'), (100.000, 'hundred'), (12345678901234567890.5, 'big'), ('NaN', 'not a number');
CREATE TABLE public.floats (f double precision PRIMARY KEY, r real NOT NULL UNIQUE);
INSERT INTO public.floats VALUES ('-Infinity', -3), (-1e300, -2.5), (-0.0001, -1), (0, 0), (1e-300, 0.25), (2.5, 1e20), (1e300, 3.4e38), ('Infinity', 5), ('NaN', 6);
`); err != nil {
		t.Fatal(err)
	}
	tables := []state.DataTable{dataTable("rates"), dataTable("floats")}
	dir := writeFilesOf(t, dsn, tables)
	p, err := makePlanFor(t, dsn, dir, WithData(tables, DataSide{Dir: dir}))
	if err != nil {
		t.Fatal(err)
	}
	if !p.Empty() {
		t.Fatalf("plan of the database against its own files is not empty:\n%s", planSQL(p))
	}
	// Hand-written spellings of the same keys.
	path := filepath.Join(dir, "public", "data", "rates.sql")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	text := string(b)
	for _, r := range [][2]string{{"(1.50,", "(1.5,"}, {"(100.000,", "(1e2,"}, {"(-0.5,", "(-0.50,"}} {
		if !strings.Contains(text, r[0]) {
			t.Fatalf("the data file lacks %q:\n%s", r[0], text)
		}
		text = strings.Replace(text, r[0], r[1], 1)
	}
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err = makePlanFor(t, dsn, dir, WithData(tables, DataSide{Dir: dir}))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range p.Steps {
		if s.Action == planner.ActionDelete || s.Action == planner.ActionInsert {
			t.Fatalf("a key written 1.5 for a stored 1.50 planned a delete or an insert:\n%s", planSQL(p))
		}
	}
}

// TestDataFileMode: data files are written readable by all (0644), like
// every other file renovate writes, both when created and when replaced.
func TestDataFileMode(t *testing.T) {
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, `CREATE TABLE public.kinds (code text PRIMARY KEY, label text);
INSERT INTO public.kinds VALUES ('a', 'A');`); err != nil {
		t.Fatal(err)
	}
	tables := []state.DataTable{dataTable("kinds")}
	dir := writeFilesOf(t, dsn, tables)
	check := func() {
		t.Helper()
		for _, rel := range []string{"public/data/kinds.sql", "public/tables/kinds.sql"} {
			fi, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel)))
			if err != nil {
				t.Fatal(err)
			}
			if fi.Mode().Perm() != 0o644 {
				t.Errorf("%s has mode %v, want 0644", rel, fi.Mode().Perm())
			}
		}
	}
	check()
	// Rewritten by fetch after a change.
	if err := execSQL(t, dsn, `INSERT INTO public.kinds VALUES ('b', 'B');`); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	remote, err := LoadRemote(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	written, err := RefreshFiles(ctx, conn, dir, remote.Raw, Scope{Data: tables})
	if err != nil {
		t.Fatal(err)
	}
	if len(written) != 1 || written[0] != "public/data/kinds.sql" {
		t.Fatalf("rewritten %v, want the data file", written)
	}
	check()
}

// TestDataReferenceRefusals: a data column holding ids of a table that
// no data block resolves by key is refused (naming the data block's
// position, the column and the referenced table) when files are written
// and when a plan is made, unless raw_references lists it; then the ids
// are written as they are. A raw_references entry that is not such a
// column, and natural keys that refer to each other, are refused too.
func TestDataReferenceRefusals(t *testing.T) {
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, `
CREATE TABLE public.users (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, login text UNIQUE);
INSERT INTO public.users (login) VALUES ('ann'), ('bob');
CREATE TABLE public.items (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    owner_id integer REFERENCES public.users,
    label text
);
INSERT INTO public.items (code, owner_id, label) VALUES ('a', 2, 'x');
CREATE TABLE public.ta (id integer PRIMARY KEY, b_id integer NOT NULL, name text NOT NULL, UNIQUE (b_id, name));
CREATE TABLE public.tb (id integer PRIMARY KEY, a_id integer NOT NULL REFERENCES public.ta, name text NOT NULL, UNIQUE (a_id, name));
ALTER TABLE public.ta ADD FOREIGN KEY (b_id) REFERENCES public.tb DEFERRABLE INITIALLY DEFERRED;
`); err != nil {
		t.Fatal(err)
	}
	items := state.DataTable{Table: state.QualName{Schema: "public", Name: "items"}, Key: []string{"code"}, Pos: "renovate.hcl:4:1"}
	ctx := context.Background()
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	remote, err := LoadRemote(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	want := `renovate.hcl:4:1: data "public.items": column "owner_id" has a foreign key (items_owner_id_fkey) to public.users, which is not a data table`
	_, err = RefreshFiles(ctx, conn, t.TempDir(), remote.Raw, Scope{Data: []state.DataTable{items}})
	if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "raw_references") {
		t.Errorf("writing the files: error = %v, want it to contain %q and name raw_references", err, want)
	}
	// Planning against files that hold the ids.
	raw := items
	raw.RawReferences = []string{"owner_id"}
	dir := writeFilesOf(t, dsn, []state.DataTable{raw})
	b, err := os.ReadFile(filepath.Join(dir, "public", "data", "items.sql"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), "VALUES ('a', 2, 'x');") {
		t.Errorf("with raw_references the id is written as it is; the file holds:\n%s", b)
	}
	if _, err := makePlanFor(t, dsn, dir, WithData([]state.DataTable{items}, DataSide{Dir: dir})); err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("planning: error = %v, want it to contain %q", err, want)
	}
	if p, err := makePlanFor(t, dsn, dir, WithData([]state.DataTable{raw}, DataSide{Dir: dir})); err != nil || !p.Empty() {
		t.Errorf("planning with raw_references: err = %v, plan:\n%s", err, planSQL(p))
	}
	for _, tt := range []struct {
		name   string
		tables []state.DataTable
		want   string
	}{
		{"raw_references without a foreign key", []state.DataTable{{Table: items.Table, Key: []string{"code"}, RawReferences: []string{"owner_id", "label"}}},
			`data "public.items": raw_references names "label", which is not a data column with a foreign key to a table that is not a data table`},
		{"raw_references not a column", []state.DataTable{{Table: items.Table, Key: []string{"code"}, RawReferences: []string{"owner_id", "nope"}}},
			`raw_references names "nope", which is not a column of public.items`},
		{"a foreign key to a table outside the data blocks", []state.DataTable{{Table: state.QualName{Schema: "public", Name: "tb"}, Key: []string{"a_id", "name"}}},
			`column "a_id" has a foreign key (tb_a_id_fkey) to public.ta, which is not a data table`},
		{"natural keys in a cycle", []state.DataTable{{Table: state.QualName{Schema: "public", Name: "ta"}, Key: []string{"b_id", "name"}}, {Table: state.QualName{Schema: "public", Name: "tb"}, Key: []string{"a_id", "name"}}},
			"refer to each other in a cycle"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := makePlanFor(t, dsn, dir, WithData(tt.tables, DataSide{Dir: dir}))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

// cascadeMessages are the cascades_data hazard messages of p.
func cascadeMessages(p *planner.Plan) string {
	var out []string
	for _, s := range p.Steps {
		for _, h := range s.Hazards {
			if h.Kind == planner.HazardCascadesData {
				out = append(out, h.Message)
			}
		}
	}
	return strings.Join(out, "\n")
}

// TestDataCascades: what a data row's delete reaches through ON DELETE
// actions is counted on the target at plan time, transitively: a tree
// of rows deleting its children is counted one level down and said to
// be a lower bound ("at least"); rows that
// an update moves away before a late delete are not reached.
func TestDataCascades(t *testing.T) {
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, `
CREATE TABLE public.categories (id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text NOT NULL UNIQUE,
    parent_id integer REFERENCES public.categories ON DELETE CASCADE);
CREATE TABLE public.products (id integer PRIMARY KEY, category_id integer NOT NULL REFERENCES public.categories ON DELETE CASCADE);
CREATE TABLE public.folders (id integer PRIMARY KEY, parent_id integer REFERENCES public.folders ON DELETE CASCADE,
    category_id integer REFERENCES public.categories ON DELETE CASCADE);
INSERT INTO public.categories (code) VALUES ('a'), ('x');
INSERT INTO public.categories (code, parent_id) SELECT 'b', id FROM public.categories WHERE code = 'a';
INSERT INTO public.products SELECT g, c.id FROM public.categories c, generate_series(1, 3) g WHERE c.code = 'a';
INSERT INTO public.products SELECT 10 + g, c.id FROM public.categories c, generate_series(1, 4) g WHERE c.code = 'b';
-- a folder of a, with a subfolder (not itself of a category).
INSERT INTO public.folders SELECT 1, NULL, id FROM public.categories WHERE code = 'a';
INSERT INTO public.folders VALUES (2, 1, NULL);
`); err != nil {
		t.Fatal(err)
	}
	tables := []state.DataTable{dataTable("categories", "code")}
	dir := writeFilesOf(t, dsn, tables)
	path := filepath.Join(dir, "public", "data", "categories.sql")
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// a removed, b moved under x: the delete of a runs after b's update.
	var lines []string
	for _, l := range strings.Split(string(b), "\n") {
		switch {
		case strings.Contains(l, "VALUES ('a'"):
			continue
		case strings.Contains(l, "VALUES ('b'"):
			l = strings.Replace(l, "code = 'a'", "code = 'x'", 1)
		}
		lines = append(lines, l)
	}
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	p, err := makePlanFor(t, dsn, dir, WithData(tables, DataSide{Dir: dir}))
	if err != nil {
		t.Fatal(err)
	}
	got := cascadeMessages(p)
	for _, want := range []string{
		"deletes 3 rows of public.products (ON DELETE CASCADE)",
		"deletes at least 2 rows of public.folders (ON DELETE CASCADE)",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("cascades_data lacks %q:\n%s\nplan:\n%s", want, got, planSQL(p))
		}
	}
	if strings.Contains(got, "of public.categories (ON DELETE") || strings.Contains(got, "7 rows") {
		t.Errorf("b moves to x before a is deleted: neither b nor its products are reached:\n%s", got)
	}
	// Applied, the counts hold: a's 3 products and its folder tree go.
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := catalog.Execute(context.Background(), conn, statementsFor(p), catalog.ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	after, err := queryText(t, dsn, "SELECT (SELECT count(*) FROM public.products)::text, (SELECT count(*) FROM public.folders)::text, (SELECT string_agg(code, ',' ORDER BY code) FROM public.categories)")
	if err != nil {
		t.Fatal(err)
	}
	if after != "4 | 0 | b,x\n" {
		t.Errorf("after the apply: products | folders | categories = %q, want 4 | 0 | b,x", after)
	}
}
