package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/renovate-pg/renovate/planner"

	"github.com/renovate-pg/renovate/state/catalog"
)

// coverageTablespace is the tablespace the coverage matrix puts relations
// in (createTestTablespace).
const coverageTablespace = "cov_ts"

// createTestTablespace creates the tablespace name in a temporary
// directory on the test cluster, for tests of relations stored there.
// Tablespaces belong to the cluster, which other tests share: the name
// must be the test's own, and the tablespace is dropped when the test
// ends. Call it before the test creates its databases, so that it is
// dropped after them (cleanups run last first; a tablespace holding a
// database's relations cannot be dropped). The directory belongs to the
// server's user (that of its data directory), as PostgreSQL requires.
func createTestTablespace(t *testing.T, name string) {
	t.Helper()
	ctx := context.Background()
	admin, err := connect(t, srv.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	var dataDir string
	if err := admin.QueryRow(ctx, "SELECT current_setting('data_directory')").Scan(&dataDir); err != nil {
		t.Fatalf("reading the server's data directory (a tablespace needs a local server): %v", err)
	}
	fi, err := os.Stat(dataDir)
	if err != nil {
		t.Fatalf("the server's data directory %s is not on this machine (a tablespace needs a local server): %v", dataDir, err)
	}
	dir, err := os.MkdirTemp("", "renovate-ts-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.RemoveAll(dir) })
	if st, ok := fi.Sys().(*syscall.Stat_t); ok && os.Geteuid() == 0 {
		if err := os.Chown(dir, int(st.Uid), int(st.Gid)); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(ctx, "DROP TABLESPACE IF EXISTS "+name); err != nil {
		t.Fatal(err)
	}
	if _, err := admin.Exec(ctx, "CREATE TABLESPACE "+name+" LOCATION '"+dir+"'"); err != nil {
		t.Fatalf("creating tablespace %s in %s: %v", name, dir, err)
	}
	t.Cleanup(func() {
		conn, err := catalog.Connect(context.Background(), srv.AdminDSN())
		if err != nil {
			t.Errorf("dropping tablespace %s: %v", name, err)
			return
		}
		defer conn.Close(context.Background())
		if _, err := conn.Exec(context.Background(), "DROP TABLESPACE IF EXISTS "+name); err != nil {
			t.Errorf("dropping tablespace %s: %v", name, err)
		}
	})
}

// TestTablespaceMoves checks that relations moved to another tablespace
// by the files (a table, a partial index, a unique constraint's index, a
// materialized view) are planned with ALTER ... SET TABLESPACE, not
// dropped and built again, with the
// table_rewrite hazard (it copies the relation under an ACCESS EXCLUSIVE
// lock), converge, and plan empty afterwards; and that they move back.
func TestTablespaceMoves(t *testing.T) {
	const ts = "renovate_ts_moves"
	createTestTablespace(t, ts)
	dsn := srv.NewDatabase(t)
	base := `CREATE TABLE public.t (a integer, b integer, CONSTRAINT t_b_key UNIQUE (b));
CREATE INDEX t_a_idx ON public.t (a) WHERE a > 0;
CREATE MATERIALIZED VIEW public.mv AS SELECT 1 AS a;
`
	if err := execSQL(t, dsn, base); err != nil {
		t.Fatal(err)
	}
	moved := `CREATE TABLE public.t (a integer, b integer, CONSTRAINT t_b_key UNIQUE (b) USING INDEX TABLESPACE ` + ts + `) TABLESPACE ` + ts + `;
CREATE INDEX t_a_idx ON public.t (a) TABLESPACE ` + ts + ` WHERE a > 0;
CREATE MATERIALIZED VIEW public.mv TABLESPACE ` + ts + ` AS SELECT 1 AS a;
`
	for _, step := range []struct {
		files string
		want  []string
	}{
		{moved, []string{
			"ALTER INDEX public.t_b_key SET TABLESPACE " + ts + ";",
			"ALTER INDEX public.t_a_idx SET TABLESPACE " + ts + ";",
			"ALTER TABLE public.t SET TABLESPACE " + ts + ";",
			"ALTER MATERIALIZED VIEW public.mv SET TABLESPACE " + ts + ";",
		}},
		{base, []string{
			"ALTER INDEX public.t_b_key SET TABLESPACE pg_default;",
			"ALTER INDEX public.t_a_idx SET TABLESPACE pg_default;",
			"ALTER TABLE public.t SET TABLESPACE pg_default;",
			"ALTER MATERIALIZED VIEW public.mv SET TABLESPACE pg_default;",
		}},
	} {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(step.files), 0o644); err != nil {
			t.Fatal(err)
		}
		p, err := planAndApply(t, dsn, dir)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		rewrites := 0
		for _, s := range p.Steps {
			got = append(got, strings.TrimSpace(s.SQL))
			for _, h := range s.Hazards {
				if h.Kind == planner.HazardTableRewrite {
					rewrites++
				}
			}
		}
		if strings.Join(got, "\n") != strings.Join(step.want, "\n") {
			t.Errorf("plan:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(step.want, "\n"))
		}
		if rewrites != len(step.want) {
			t.Errorf("%d table_rewrite hazards, want one per move:\n%s", rewrites, planSQL(p))
		}
		again, err := makePlanFor(t, dsn, dir)
		if err != nil {
			t.Fatal(err)
		}
		if !again.Empty() {
			t.Errorf("plan after the move is not empty:\n%s", planSQL(again))
		}
	}
}
