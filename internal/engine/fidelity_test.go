package engine

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/internal/pgtest"
)

// TestFidelity builds each sizeable schema of testdata/fidelity/<name>/
// (schema.sql, with the cluster roles it grants to listed in roles, the
// oldest server version it needs in min_version, and owners_ignored when
// it sets owners, which renovate does not manage by default, or owners
// when it manages them, owners = "manage"), and
// checks that renovate recreates it exactly from nothing, and that init's
// files for it rebuild an identical database with an empty re-plan
// (convergence from an empty database covers both).
func TestFidelity(t *testing.T) {
	dirs := caseDirs(t, filepath.Join("..", "..", "testdata", "fidelity"))
	if len(dirs) < 3 {
		t.Fatalf("found %d fidelity schemas, want at least 3", len(dirs))
	}
	for _, dir := range dirs {
		dir := dir
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			if !serverMeetsMinVersion(t, dir) {
				return
			}
			if b, err := os.ReadFile(filepath.Join(dir, "roles")); err == nil {
				if err := pgtest.EnsureRoles(context.Background(), srv.AdminDSN(), roleEntries(string(b))); err != nil {
					t.Fatal(err)
				}
			}
			schema := readFile(t, filepath.Join(dir, "schema.sql"))
			checkConvergence(t, "", schema, nil, readCaseData(t, dir))
			// The file plans empty against the database built from it.
			dsn := srv.NewDatabase(t)
			if err := execSQL(t, dsn, schema); err != nil {
				t.Fatalf("loading schema.sql: %v", err)
			}
			local := t.TempDir()
			if err := os.WriteFile(filepath.Join(local, "schema.sql"), []byte(schema), 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := makePlanScoped(t, dsn, local, Scope{ManageOwners: readCaseData(t, dir).manageOwners})
			if err != nil {
				t.Fatal(err)
			}
			if !p.Empty() {
				t.Fatalf("schema.sql does not plan empty against the database built from it:\n%s", planSQL(p))
			}
		})
	}
}

// roleEntries reads a roles file: role names separated by blanks, each
// possibly followed by SUPERUSER (pgtest.EnsureRoles).
func roleEntries(text string) []string {
	var out []string
	for _, f := range strings.Fields(text) {
		if f == "SUPERUSER" && len(out) > 0 {
			out[len(out)-1] += " SUPERUSER"
			continue
		}
		out = append(out, f)
	}
	return out
}
