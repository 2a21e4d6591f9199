package engine

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/internal/pgtest"
	"github.com/renovate-pg/renovate/planner"
)

// verifySetup builds a remote from from.sql and plans it against to.sql;
// it returns what Verify needs.
func verifySetup(t *testing.T, from, to string) (*Local, *Remote, *planner.Plan) {
	t.Helper()
	return verifySetupScoped(t, from, to, Scope{})
}

// verifySetupScoped is verifySetup with a scope (owners = "manage").
func verifySetupScoped(t *testing.T, from, to string, sc Scope) (*Local, *Remote, *planner.Plan) {
	t.Helper()
	ctx := context.Background()
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, from); err != nil {
		t.Fatalf("loading from.sql: %v", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "to.sql"), []byte(to), 0o644); err != nil {
		t.Fatal(err)
	}
	load, loadRemote := LoadLocalFiles, LoadRemoteFor
	if sc.ManageOwners {
		load = func(dir string) (*Local, error) { return LoadLocalScoped(dir, sc) }
		loadRemote = func(ctx context.Context, conn *pgx.Conn, local *Local) (*Remote, error) {
			return LoadRemoteScoped(ctx, conn, local, sc)
		}
	}
	local, err := load(dir)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	remote, err := loadRemote(ctx, conn, local)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Plan(ctx, conn, local.Parsed, remote)
	if err != nil {
		t.Fatal(err)
	}
	return local, remote, p
}

// scratchPair gives the two fresh scratch databases Verify needs.
func scratchPair(t *testing.T) (*pgx.Conn, *pgx.Conn) {
	t.Helper()
	shadow, err := connect(t, srv.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	reference, err := connect(t, srv.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	return shadow, reference
}

// verifyAll makes TestVerifyCases verify every convergence case instead of
// a fixed sample (the full run takes as long as TestConvergence again):
//
//	go test ./internal/engine -run TestVerifyCases -verify-all
var verifyAll = flag.Bool("verify-all", false, "TestVerifyCases: verify every case, not a sample")

// verifyGaps are the cases whose plans converge (TestConvergence) but
// whose verification fails on older servers, with the reason: known bugs
// of verification, said as SKIP until they are fixed.
var verifyGaps = map[string]struct {
	below  int
	reason string
}{
	"collation_change_used_by_types": {14, "the recreated range type is reported as still differing (its multirange, which PostgreSQL 13 lacks, is compared)"},
	"range_type":                     {14, "the recreated range type is reported as still differing (its multirange, which PostgreSQL 13 lacks, is compared)"},
}

// TestVerifyCases verifies the plans of the convergence cases in a shadow
// database: the remote is copied from renovate's model, the plan runs
// there, and the result must be what to.sql declares. A correct plan must
// always pass. Without -verify-all it takes every sixth case (in name
// order) and the long-identifier one.
func TestVerifyCases(t *testing.T) {
	dirs := caseDirs(t, filepath.Join("..", "..", "testdata", "cases"))
	if len(dirs) < 40 {
		t.Fatalf("found %d cases, want at least 40", len(dirs))
	}
	for i, dir := range dirs {
		if !*verifyAll && i%6 != 0 && filepath.Base(dir) != "long_identifiers" {
			continue
		}
		dir := dir
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			if b, err := os.ReadFile(filepath.Join(dir, "min_version")); err == nil {
				var v int
				if _, err := fmt.Sscan(string(b), &v); err != nil {
					t.Fatalf("min_version: %v", err)
				}
				if srv.Version() < v {
					t.Skipf("needs server version %d or later; this is %d", v, srv.Version())
					return
				}
			}
			if !serverMeetsMaxVersion(t, dir) {
				return
			}
			if b, err := os.ReadFile(filepath.Join(dir, "roles")); err == nil {
				var roles []string
				for _, l := range strings.Split(string(b), "\n") {
					if l = strings.TrimSpace(l); l != "" {
						roles = append(roles, l)
					}
				}
				if err := pgtest.EnsureRoles(context.Background(), srv.AdminDSN(), roles); err != nil {
					t.Fatal(err)
				}
			}
			if gap, ok := verifyGaps[filepath.Base(dir)]; ok && srv.Version() < gap.below {
				t.Skipf("known verification gap before PostgreSQL %d: %s", gap.below, gap.reason)
			}
			verifyCase(t, dir)
		})
	}
}

// verifyCase verifies the plan of the convergence case in dir (with
// owners = "manage" when it holds an owners file).
func verifyCase(t *testing.T, dir string) {
	t.Helper()
	var sc Scope
	if _, err := os.Stat(filepath.Join(dir, "owners")); err == nil {
		sc.ManageOwners = true
	}
	local, remote, p := verifySetupScoped(t, readFile(t, filepath.Join(dir, "from.sql")), readFile(t, filepath.Join(dir, "to.sql")), sc)
	shadow, reference := scratchPair(t)
	res, err := VerifyWith(context.Background(), shadow, reference, local.Parsed, remote, p, VerifyOptions{ManageOwners: sc.ManageOwners})
	if err != nil {
		t.Fatalf("verifying a correct plan failed: %v\nplan:\n%s", err, planSQL(p))
	}
	if res.Fingerprint == "" {
		t.Errorf("no fingerprint of the result")
	}
}

// TestVerifyOwners verifies the plans of every convergence case that
// manages owners (owners = "manage"), whichever TestVerifyCases samples:
// the copy verification builds must carry the database's owners.
func TestVerifyOwners(t *testing.T) {
	dirs := caseDirs(t, filepath.Join("..", "..", "testdata", "cases"))
	n := 0
	for _, dir := range dirs {
		if _, err := os.Stat(filepath.Join(dir, "owners")); err != nil {
			continue
		}
		n++
		dir := dir
		t.Run(filepath.Base(dir), func(t *testing.T) {
			t.Parallel()
			if !serverMeetsMinVersion(t, dir) || !serverMeetsMaxVersion(t, dir) || !serverHasFeatures(t, dir) {
				return
			}
			ensureCaseRoles(t, dir)
			verifyCase(t, dir)
		})
	}
	if n < 3 {
		t.Fatalf("found %d cases managing owners, want at least 3", n)
	}
}

// ensureCaseRoles creates the roles of a case's roles file.
func ensureCaseRoles(t *testing.T, dir string) {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, "roles"))
	if err != nil {
		return
	}
	var roles []string
	for _, l := range strings.Split(string(b), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			roles = append(roles, l)
		}
	}
	if err := pgtest.EnsureRoles(context.Background(), srv.AdminDSN(), roles); err != nil {
		t.Fatal(err)
	}
}

// TestVerifyCatchesBadPlans checks that a plan that does not do what the
// files say, or does not run, fails verification with a clear report, and
// that the real database is not touched.
func TestVerifyCatchesBadPlans(t *testing.T) {
	from := "CREATE TABLE users (id int PRIMARY KEY, email text);\nCREATE TABLE old (id int);\n"
	to := "CREATE TABLE users (id int PRIMARY KEY, email text, nickname text);\nCREATE INDEX users_email_idx ON users (email);\n"
	ctx := context.Background()

	t.Run("missing step", func(t *testing.T) {
		local, remote, p := verifySetup(t, from, to)
		var kept []planner.Step
		for _, s := range p.Steps {
			if !strings.Contains(s.SQL, "nickname") {
				kept = append(kept, s)
			}
		}
		if len(kept) == len(p.Steps) {
			t.Fatalf("no step adds nickname:\n%s", planSQL(p))
		}
		p.Steps = kept
		shadow, reference := scratchPair(t)
		_, err := Verify(ctx, shadow, reference, local.Parsed, remote, p)
		var ve *VerificationError
		if !errors.As(err, &ve) || ve.Stage != StageResult {
			t.Fatalf("want a result-stage VerificationError, got %v", err)
		}
		msg := err.Error()
		for _, want := range []string{"1 object(s) still differ", "Table public.users:", "+    nickname text", "ADD COLUMN nickname"} {
			if !strings.Contains(msg, want) {
				t.Errorf("report lacks %q:\n%s", want, msg)
			}
		}
	})

	t.Run("failing statement", func(t *testing.T) {
		local, remote, p := verifySetup(t, from, to)
		p.Steps = append(p.Steps, planner.Step{ID: len(p.Steps) + 1, SQL: "ALTER TABLE public.users ADD COLUMN email text;\n", Transactional: true})
		shadow, reference := scratchPair(t)
		_, err := Verify(ctx, shadow, reference, local.Parsed, remote, p)
		var ve *VerificationError
		if !errors.As(err, &ve) || ve.Stage != StageApply {
			t.Fatalf("want an apply-stage VerificationError, got %v", err)
		}
		if !strings.Contains(err.Error(), `column "email" of relation "users" already exists`) {
			t.Errorf("report lacks PostgreSQL's message: %v", err)
		}
	})
}
