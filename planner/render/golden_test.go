package render_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/internal/golden"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state/catalog"
)

// The golden plans: testdata/golden/<case>/ holds from.sql (the database)
// and to.sql (the schema files); the test plans the one against the other
// on a real PostgreSQL and renders the plan in every format:
//
//	plan.txt        text, no colour
//	plan.color.txt  text with ANSI colours
//	plan.sql        the SQL plan file
//	plan.json       JSON (validated against docs/plan.schema.json)
//	plan.md         markdown, the pull-request comment
//
// Those files hold the output on PostgreSQL 13 to 15. Where a later
// release prints the database's objects differently (16 stopped
// qualifying the columns of a view over one table), a case keeps the
// output of release N and later in pg<N>/<file>, only for the files that
// differ; the test uses the newest pg<N> directory not newer than the
// server.
//
// Regenerate after an intended change with the command below, run once
// with a server of 13 to 15 and once with one of each pg<N> (for example
// RENOVATE_PG_BIN="$(scripts/install-postgres.sh 18 | tail -n1)"):
//
//	go test ./planner/render -run TestGolden -update
var update = flag.Bool("update", false, "rewrite the golden files of testdata/golden")

const goldenRoot = "../../testdata/golden"

// Stand-ins for a plan's volatile header: the fingerprint of the test
// database, the commit and renovate's version differ from run to run.
const (
	goldenFingerprint = "0000000000000000000000000000000000000000000000000000000000000000"
	goldenCommit      = "1111111111111111111111111111111111111111"
	goldenVersion     = "v0.0.0-golden"
)

// goldenFormats are the golden files of a case and how each is rendered.
var goldenFormats = []struct {
	file   string
	render func(*bytes.Buffer, *planner.Plan) error
}{
	{"plan.txt", func(b *bytes.Buffer, p *planner.Plan) error { return render.Text(b, p, render.TextOptions{}) }},
	{"plan.color.txt", func(b *bytes.Buffer, p *planner.Plan) error {
		return render.Text(b, p, render.TextOptions{Color: true})
	}},
	{"plan.sql", func(b *bytes.Buffer, p *planner.Plan) error { return render.SQL(b, p) }},
	{"plan.json", func(b *bytes.Buffer, p *planner.Plan) error { return render.JSON(b, p) }},
	{"plan.md", func(b *bytes.Buffer, p *planner.Plan) error { return render.Markdown(b, p) }},
}

func TestGolden(t *testing.T) {
	dirs := goldenDirs(t)
	schema := compileSchema(t)
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			p := realPlan(t, readFile(t, filepath.Join(dir, "from.sql")), readFile(t, filepath.Join(dir, "to.sql")))
			if p.Empty() {
				t.Fatal("the golden case plans nothing")
			}
			p.RemoteFingerprint, p.GitCommit, p.RenovateVersion = goldenFingerprint, goldenCommit, goldenVersion
			for _, f := range goldenFormats {
				var b bytes.Buffer
				if err := f.render(&b, p); err != nil {
					t.Fatalf("%s: %v", f.file, err)
				}
				compareGolden(t, dir, f.file, b.String())
			}
			var b bytes.Buffer
			if err := render.JSON(&b, p); err != nil {
				t.Fatal(err)
			}
			validate(t, schema, "plan.json", b.Bytes())
		})
	}
}

// goldenDirs lists the case directories of testdata/golden; none is an
// error.
func goldenDirs(t *testing.T) []string {
	t.Helper()
	entries, err := os.ReadDir(goldenRoot)
	if err != nil {
		t.Fatalf("reading golden cases: %v", err)
	}
	var dirs []string
	for _, e := range entries {
		if e.IsDir() {
			dirs = append(dirs, filepath.Join(goldenRoot, e.Name()))
		}
	}
	sort.Strings(dirs)
	if len(dirs) == 0 {
		t.Fatalf("no golden cases under %s", goldenRoot)
	}
	return dirs
}

// compareGolden compares got with the case's golden file for this
// server, or rewrites it under -update (internal/golden: a pg<N>
// variant is written only when it differs from the case's own file, and
// removed when it does not).
func compareGolden(t *testing.T, dir, file, got string) {
	t.Helper()
	golden.Check(t, dir, file, got, srv.Version(), *update, "go test ./planner/render -run TestGolden -update")
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// realPlan builds a fresh database from from, writes to as the schema
// files and plans the database against them, as renovate plan does.
func realPlan(t *testing.T, from, to string) *planner.Plan {
	t.Helper()
	ctx := context.Background()
	dsn := srv.NewDatabase(t)
	conn, err := catalog.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { conn.Close(context.Background()) })
	if strings.TrimSpace(from) != "" {
		if _, err := conn.Exec(ctx, from); err != nil {
			t.Fatalf("loading from.sql: %v", err)
		}
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(to), 0o644); err != nil {
		t.Fatal(err)
	}
	local, err := engine.LoadLocalFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	remote, err := engine.LoadRemoteFor(ctx, conn, local)
	if err != nil {
		t.Fatal(err)
	}
	p, err := engine.Plan(ctx, conn, local.Parsed, remote)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
