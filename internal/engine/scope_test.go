package engine

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/internal/filter"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// writeTree writes files (path -> content) under dir.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, sql := range files {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte(sql), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestScopeViewOverExcludedTable: a view in scope that reads an excluded
// table is planned, applied and converges; the table is never touched.
func TestScopeViewOverExcludedTable(t *testing.T) {
	ctx := context.Background()
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, `
CREATE TABLE audit_log (id serial PRIMARY KEY, msg text, at timestamptz);
CREATE INDEX audit_log_at_idx ON audit_log (at);
CREATE VIEW recent_audit AS SELECT msg FROM audit_log;
CREATE TABLE users (id int PRIMARY KEY, audit_id int REFERENCES audit_log (id));
`); err != nil {
		t.Fatal(err)
	}
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	f, err := filter.New(nil, []string{"public.audit_*"})
	if err != nil {
		t.Fatal(err)
	}
	sc := Scope{Filter: f}
	raw, err := catalog.Introspect(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	files := sc.Files(*raw)
	for p := range files {
		if strings.Contains(p, "audit_log") {
			t.Errorf("Scope.Files wrote %s", p)
		}
	}
	view := "public/views/recent_audit.sql"
	if _, ok := files[view]; !ok {
		t.Fatalf("no %s in %v", view, files)
	}
	// Add a column in the dump's own style: PostgreSQL 16 and later print
	// a query over one table without qualifying its columns.
	col := "audit_log."
	if srv.Version() >= 16 {
		col = ""
	}
	files[view] = strings.Replace(files[view], "SELECT "+col+"msg", "SELECT "+col+"msg,\n    "+col+"at", 1)
	if !strings.Contains(files[view], "msg,\n    "+col+"at") {
		t.Fatalf("could not edit the view:\n%s", files[view])
	}
	// And a table in scope with a foreign key to the excluded table.
	usersFile := "public/tables/users.sql"
	files[usersFile] = strings.Replace(files[usersFile], "    audit_id integer,", "    audit_id integer,\n    note text,", 1)
	if !strings.Contains(files[usersFile], "note text") {
		t.Fatalf("could not edit users:\n%s", files[usersFile])
	}
	dir := t.TempDir()
	writeTree(t, dir, files)

	plan := func() (string, int) {
		t.Helper()
		local, err := LoadLocalScoped(dir, sc)
		if err != nil {
			t.Fatal(err)
		}
		remote, err := LoadRemoteScoped(ctx, conn, local, sc)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Plan(ctx, conn, local.Parsed, remote)
		if err != nil {
			t.Fatal(err)
		}
		var sql []string
		for _, s := range p.Steps {
			sql = append(sql, s.SQL)
			if s.Object.Name != "recent_audit" && s.Object.Table != "users" && s.Object.Name != "users" {
				t.Errorf("step on %s, want only the view and users: %s", s.Object, s.SQL)
			}
		}
		return strings.Join(sql, "\n"), len(p.Steps)
	}
	sql, _ := plan()
	for _, want := range []string{"recent_audit", "ADD COLUMN note text"} {
		if !strings.Contains(sql, want) {
			t.Errorf("the plan lacks %q:\n%s", want, sql)
		}
	}
	local, err := LoadLocalScoped(dir, sc)
	if err != nil {
		t.Fatal(err)
	}
	remote, err := LoadRemoteScoped(ctx, conn, local, sc)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Plan(ctx, conn, local.Parsed, remote)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Date(2026, 11, 22, 8, 0, 0, 0, time.UTC)
	res, err := Apply(ctx, conn, ApplyOptions{Dir: dir, Plan: p, Database: "test", Now: func() time.Time { return now }, Scope: sc, Environment: "test"})
	if err != nil {
		t.Fatalf("apply: %v", err)
	}
	if res.RewriteErr != nil {
		t.Fatalf("rewrite: %v", res.RewriteErr)
	}
	if _, n := plan(); n != 0 {
		t.Errorf("re-plan has %d steps, want 0", n)
	}
	var cols int
	if err := conn.QueryRow(ctx, `SELECT count(*) FROM information_schema.columns WHERE table_name = 'audit_log'`).Scan(&cols); err != nil || cols != 3 {
		t.Errorf("audit_log has %d columns (%v), want its 3 untouched", cols, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "tables", "audit_log.sql")); err == nil {
		t.Error("apply wrote the excluded table's file")
	}
}

func TestDiffSourcesNeedsADatabase(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"t.sql": "CREATE TABLE t (id int);\n"})
	_, err := DiffSources(context.Background(), Source{Dir: dir}, Source{Dir: dir}, Scope{})
	if !errors.Is(err, ErrNoDatabase) {
		t.Errorf("DiffSources of two directories: %v, want ErrNoDatabase", err)
	}
}

// TestDiffSourcesLiveToLive: the plan that makes one live database like
// another, and applying it converges.
func TestDiffSourcesLiveToLive(t *testing.T) {
	ctx := context.Background()
	a, b := srv.NewDatabase(t), srv.NewDatabase(t)
	if err := execSQL(t, a, `CREATE TABLE t (id int PRIMARY KEY, name text NOT NULL DEFAULT 'x'); CREATE TABLE skip_me (id int);`); err != nil {
		t.Fatal(err)
	}
	if err := execSQL(t, b, `CREATE TABLE t (id int PRIMARY KEY);`); err != nil {
		t.Fatal(err)
	}
	ca, err := connect(t, a)
	if err != nil {
		t.Fatal(err)
	}
	cb, err := connect(t, b)
	if err != nil {
		t.Fatal(err)
	}
	f, _ := filter.New(nil, []string{"skip_*"})
	sc := Scope{Filter: f}
	p, err := DiffSources(ctx, Source{Conn: ca}, Source{Conn: cb}, sc)
	if err != nil {
		t.Fatal(err)
	}
	var sql []string
	for _, s := range p.Steps {
		sql = append(sql, s.SQL)
	}
	all := strings.Join(sql, "\n")
	if !strings.Contains(all, "ADD COLUMN name text DEFAULT 'x'::text NOT NULL") || strings.Contains(all, "skip_me") {
		t.Fatalf("diff a -> b:\n%s", all)
	}
	if _, err := catalog.Execute(ctx, cb, statements(p), catalog.ExecOptions{LockTimeout: time.Second}); err != nil {
		t.Fatal(err)
	}
	if p, err = DiffSources(ctx, Source{Conn: ca}, Source{Conn: cb}, sc); err != nil || !p.Empty() {
		t.Errorf("after applying the diff, diff again: %v %+v", err, p)
	}
}

func statements(p *planner.Plan) []catalog.Statement {
	out := make([]catalog.Statement, len(p.Steps))
	for i, s := range p.Steps {
		out[i] = catalog.Statement{SQL: s.SQL, Transactional: s.Transactional}
	}
	return out
}

// TestWriteScopedKeepsOtherEnvironmentsFiles: the file of an excluded
// object is left alone even when this database lacks the object (another
// environment's table), while a file of an object in scope that the
// database lacks is removed.
func TestWriteScopedKeepsOtherEnvironmentsFiles(t *testing.T) {
	dir := t.TempDir()
	for p, sql := range map[string]string{
		"public/tables/audit_2024.sql": "CREATE TABLE public.audit_2024 (id integer);\n",
		"public/tables/gone.sql":       "CREATE TABLE public.gone (id integer);\n",
	} {
		if err := os.MkdirAll(filepath.Join(dir, filepath.Dir(p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(sql), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	f, err := filter.New(nil, []string{"public.audit_*"})
	if err != nil {
		t.Fatal(err)
	}
	raw := state.DatabaseSchema{
		Schemas: []state.Schema{{Name: "public"}},
		Tables:  []state.Table{{Schema: "public", Name: "users", Columns: []state.Column{{Name: "id", Type: "integer"}}}},
	}
	touched, err := WriteScoped(dir, raw, Scope{Filter: f})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public/tables/audit_2024.sql")); err != nil {
		t.Errorf("the excluded table's file was removed (touched %v)", touched)
	}
	if _, err := os.Stat(filepath.Join(dir, "public/tables/gone.sql")); !os.IsNotExist(err) {
		t.Errorf("the file of a table in scope that the database lacks was kept (touched %v)", touched)
	}
}
