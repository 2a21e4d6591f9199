package engine

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/renovate-pg/renovate/internal/pgtest"
)

// conformanceRoot is the external acceptance suite (schema-diff cases
// written by another project), beside the repository: ../shared/conformance.
// The product never reads it; only this test does.
const conformanceRoot = "../../../shared/conformance"

// conformancePending lists the cases that do not pass yet, each with the
// reason. The test fails when one of them starts passing (shrink the list)
// and when any other case fails.
var conformancePending = map[string]string{}

// conformanceMeta is a case's meta.json.
type conformanceMeta struct {
	Roles      []string `json:"roles"`
	Extensions []string `json:"extensions"`
	MinPG      *int     `json:"min_pg"`
	MaxPG      *int     `json:"max_pg"`
}

// TestConformance runs every case of the external suite through the
// convergence property and reports "N passed, M failed".
//
// Where the suite is absent the test is skipped, visibly (SKIP with the
// reason), on a developer's machine; in CI (CI or RENOVATE_CI set, as
// .ci/run does), where the suite sits beside the clone, it fails instead.
// RENOVATE_CONFORMANCE_DIR points at the suite elsewhere.
func TestConformance(t *testing.T) {
	root := conformanceRoot
	if d := os.Getenv("RENOVATE_CONFORMANCE_DIR"); d != "" {
		root = d
	}
	suites, err := filepath.Glob(filepath.Join(root, "*"))
	if err != nil {
		t.Fatal(err)
	}
	var dirs []string
	for _, s := range suites {
		cases, _ := filepath.Glob(filepath.Join(s, "*", "to.sql"))
		for _, c := range cases {
			dirs = append(dirs, filepath.Dir(c))
		}
	}
	if len(dirs) == 0 {
		msg := fmt.Sprintf("the conformance suite is not at %s (it sits beside the clone in CI; RENOVATE_CONFORMANCE_DIR names another place)", root)
		if inCI() {
			t.Fatalf("%s; in CI it must be there", msg)
		}
		t.Skip(msg + "; nothing to run")
	}
	sort.Strings(dirs)
	var mu sync.Mutex
	var passed, failed []string
	t.Cleanup(func() {
		sort.Strings(passed)
		sort.Strings(failed)
		t.Logf("conformance on PostgreSQL %d: %d passed, %d failed %v", srv.Version(), len(passed), len(failed), failed)
	})
	for _, dir := range dirs {
		dir := dir
		name := filepath.Base(filepath.Dir(dir)) + "/" + filepath.Base(dir)
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			var meta conformanceMeta
			if b, err := os.ReadFile(filepath.Join(dir, "meta.json")); err == nil {
				if err := json.Unmarshal(b, &meta); err != nil {
					t.Fatalf("meta.json: %v", err)
				}
			}
			if (meta.MinPG != nil && srv.Version() < *meta.MinPG) || (meta.MaxPG != nil && srv.Version() > *meta.MaxPG) {
				t.Skipf("not applicable to PostgreSQL %d (meta.json: min_pg/max_pg)", srv.Version())
				return
			}
			if len(meta.Roles) > 0 {
				if err := pgtest.EnsureRoles(context.Background(), srv.AdminDSN(), meta.Roles); err != nil {
					t.Fatal(err)
				}
			}
			reason, pending := conformancePending[filepath.Base(dir)]
			err := convergence(t, readFile(t, filepath.Join(dir, "from.sql")), readFile(t, filepath.Join(dir, "to.sql")), nil)
			ok := err == nil
			mu.Lock()
			if ok {
				passed = append(passed, name)
			} else {
				failed = append(failed, name)
			}
			mu.Unlock()
			switch {
			case ok && pending:
				t.Errorf("%s passes now; remove it from conformancePending (%s)", name, reason)
			case !ok && pending:
				t.Logf("pending (%s): %s", reason, trimForLog(err.Error()))
			case !ok:
				t.Error(err)
			}
		})
	}
}

// trimForLog shortens long texts in logs.
func trimForLog(s string) string {
	if len(s) > 2000 {
		return s[:2000] + "\n..."
	}
	return strings.TrimSpace(s)
}

// inCI reports whether the tests run in CI: CI (set by most CI services)
// or RENOVATE_CI (set by .ci/run) is set to anything but "" or "false".
func inCI() bool {
	for _, k := range []string{"CI", "RENOVATE_CI"} {
		if v := os.Getenv(k); v != "" && v != "false" && v != "0" {
			return true
		}
	}
	return false
}
