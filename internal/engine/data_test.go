package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/internal/pgtest"
	"github.com/renovate-pg/renovate/state"
)

// TestDataConvergence runs every case of testdata/data/<name>: database A
// is built from from.sql (schema and rows), database B from to.sql; the
// files are B's, written by renovate (schema files and the data files of
// renovate.hcl's data blocks), except that a case's local/ directory, when
// present, replaces data files by hand-written ones. renovate plans A
// against the files, the plan is applied, and then:
//
//   - A's schema equals B's under pg_dump (the independent oracle);
//   - oracle.sql, a query written for the case (joining by natural keys,
//     never through renovate), returns the same rows on A and B;
//   - a second plan is empty.
func TestDataConvergence(t *testing.T) {
	dirs := caseDirs(t, filepath.Join("..", "..", "testdata", "data"))
	if len(dirs) < 5 {
		t.Fatalf("found %d cases in testdata/data, want at least 5", len(dirs))
	}
	for _, dir := range dirs {
		dir := dir
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			if !serverMeetsMinVersion(t, dir) {
				return
			}
			if err := dataConvergence(t, dir); err != nil {
				t.Fatal(err)
			}
		})
	}
}

func caseScope(t testing.TB, dir string) Scope {
	t.Helper()
	cfg, err := config.Load(filepath.Join(dir, "renovate.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	return Scope{Data: ConfigData(cfg)}
}

func dataConvergence(t *testing.T, dir string) error {
	ctx := context.Background()
	sc := caseScope(t, dir)
	dsnA, dsnB := srv.NewDatabase(t), srv.NewDatabase(t)
	if err := execSQL(t, dsnA, readFile(t, filepath.Join(dir, "from.sql"))); err != nil {
		return fmt.Errorf("loading from.sql: %w", err)
	}
	if err := execSQL(t, dsnB, readFile(t, filepath.Join(dir, "to.sql"))); err != nil {
		return fmt.Errorf("loading to.sql: %w", err)
	}
	files := t.TempDir()
	connB, err := connect(t, dsnB)
	if err != nil {
		return err
	}
	remoteB, err := LoadRemote(ctx, connB)
	if err != nil {
		return err
	}
	if _, err := RefreshFiles(ctx, connB, files, remoteB.Raw, sc); err != nil {
		return fmt.Errorf("writing B's files: %w", err)
	}
	if err := copyTree(filepath.Join(dir, "local"), files); err != nil {
		return err
	}
	if *goldenOnly {
		return goldenOnlyPlan(t, dsnA, files, Scope{}, []caseData{{goldenDir: dir}}, WithData(sc.DataTables(), DataSide{Dir: files}))
	}
	p, err := planAndApply(t, dsnA, files, WithData(sc.DataTables(), DataSide{Dir: files}))
	if err != nil {
		return err
	}
	checkGoldenPlan(t, dir, p)
	var dataTables []state.QualName
	for _, d := range sc.Data {
		dataTables = append(dataTables, d.Table)
	}
	if err := checkReadBack(p, dataTables); err != nil {
		return err
	}
	if diff, err := pgtest.CompareSchemas(ctx, srv, dsnA, dsnB); err != nil {
		return fmt.Errorf("comparing with the oracle: %w", err)
	} else if diff != "" {
		return fmt.Errorf("after applying the plan, the schema differs from to.sql (-applied +to.sql):\n%s\nplan:\n%s", diff, planSQL(p))
	}
	oracle := readFile(t, filepath.Join(dir, "oracle.sql"))
	gotA, err := queryText(t, dsnA, oracle)
	if err != nil {
		return err
	}
	gotB, err := queryText(t, dsnB, oracle)
	if err != nil {
		return err
	}
	if gotA != gotB {
		return fmt.Errorf("after applying the plan, oracle.sql differs:\napplied:\n%s\nto.sql:\n%s\nplan:\n%s", gotA, gotB, planSQL(p))
	}
	again, err := makePlanFor(t, dsnA, files, WithData(sc.DataTables(), DataSide{Dir: files}))
	if err != nil {
		return err
	}
	if !again.Empty() {
		return fmt.Errorf("second plan is not empty:\n%s\nfirst plan:\n%s", planSQL(again), planSQL(p))
	}
	if _, err := os.Stat(filepath.Join(dir, "local")); err == nil {
		return nil
	}
	// Fetching A writes B's data files again: the files are canonical.
	connA, err := connect(t, dsnA)
	if err != nil {
		return err
	}
	remoteA, err := LoadRemote(ctx, connA)
	if err != nil {
		return err
	}
	touched, err := RefreshFiles(ctx, connA, files, remoteA.Raw, sc)
	if err != nil {
		return err
	}
	if len(touched) > 0 {
		return fmt.Errorf("fetching the applied database rewrote %v: its files differ from the source's", touched)
	}
	return nil
}

// queryText runs query and returns its rows as text, one line per row.
func queryText(t testing.TB, dsn, query string) (string, error) {
	conn, err := connect(t, dsn)
	if err != nil {
		return "", err
	}
	rs, err := conn.Query(context.Background(), query)
	if err != nil {
		return "", fmt.Errorf("running oracle.sql: %w", err)
	}
	defer rs.Close()
	var b strings.Builder
	for rs.Next() {
		for i, v := range rs.RawValues() {
			if i > 0 {
				b.WriteString(" | ")
			}
			if v == nil {
				b.WriteString("NULL")
			} else {
				b.Write(v)
			}
		}
		b.WriteByte('\n')
	}
	return b.String(), rs.Err()
}

// copyTree copies the files under src (if it exists) into dst.
func copyTree(src, dst string) error {
	if _, err := os.Stat(src); os.IsNotExist(err) {
		return nil
	}
	return filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		out := filepath.Join(dst, rel)
		if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
			return err
		}
		return os.WriteFile(out, b, 0o644)
	})
}

// TestDataPlanErrors: bad data files and data blocks are reported with
// the file, line and column, and nothing is planned.
func TestDataPlanErrors(t *testing.T) {
	dsn := srv.NewDatabase(t)
	schema := "CREATE TABLE public.kinds (id integer PRIMARY KEY, code text NOT NULL UNIQUE, label text);\n"
	if err := execSQL(t, dsn, schema); err != nil {
		t.Fatal(err)
	}
	tables := []state.DataTable{{Table: state.QualName{Schema: "public", Name: "kinds"}, Key: []string{"code"}}}
	tests := []struct {
		name, data, want string
	}{
		{"missing file", "", "public/data/kinds.sql: the data file of public.kinds is missing"},
		{"syntax", "INSERT INTO public.kinds (id, code, label) VALUES (1, 'a', 'x')\n", `public/data/kinds.sql:1:64: expected ";" ending the row`},
		{"unknown column", "INSERT INTO public.kinds (id, code, colour) VALUES (1, 'a', 'x');\n", `public/data/kinds.sql:1:26: column "colour" is not a data column of public.kinds`},
		{"missing column", "INSERT INTO public.kinds (id, code) VALUES (1, 'a');\n", `column "label" of public.kinds is missing`},
		{"duplicate key", "INSERT INTO public.kinds (id, code, label) VALUES (1, 'a', 'x');\n-- c\nINSERT INTO public.kinds (id, code, label) VALUES (2, 'a', 'y');\n", "public/data/kinds.sql:3: duplicate key (code='a'), also on line 1"},
		{"null key", "INSERT INTO public.kinds (id, code, label) VALUES (1, NULL, 'x');\n", "public/data/kinds.sql:1:1: NULL in key column"},
		{"unterminated", "INSERT INTO public.kinds (id, code, label) VALUES (1, 'a, 'x');\n", `public/data/kinds.sql:1:60: expected ","`},
		{"wrong table", "INSERT INTO public.other (id, code, label) VALUES (1, 'a', 'x');\n", "public/data/kinds.sql:1:13: this is the data file of public.kinds, not of public.other"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte(schema), 0o644); err != nil {
				t.Fatal(err)
			}
			if tt.data != "" {
				if err := os.MkdirAll(filepath.Join(dir, "public", "data"), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(filepath.Join(dir, "public", "data", "kinds.sql"), []byte(tt.data), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			_, err := makePlanFor(t, dsn, dir, WithData(tables, DataSide{Dir: dir}))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("error = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}
