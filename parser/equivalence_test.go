package parser

import (
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite testdata/equivalence/*.golden.json")

// TestEquivalence checks the contract with the live-database side: each
// hand-written file in testdata/equivalence must parse to the same model as
// what a real PostgreSQL 15 printed for it, both through the catalog
// functions (NAME.catalog.sql) and through pg_dump (NAME.pgdump.sql). The
// server-printed files were produced by testdata/gen_equivalence.sh; the
// model itself is pinned in NAME.golden.json (go test -run TestEquivalence
// -update rewrites those).
func TestEquivalence(t *testing.T) {
	inputs, err := filepath.Glob("testdata/equivalence/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, in := range inputs {
		base := strings.TrimSuffix(filepath.Base(in), ".sql")
		if strings.Contains(base, ".") {
			continue
		}
		names = append(names, base)
	}
	if len(names) == 0 {
		t.Fatal("no test data")
	}
	for _, name := range names {
		t.Run(name, func(t *testing.T) {
			want := parseTestFile(t, "testdata/equivalence/"+name+".sql")
			for _, variant := range []string{"catalog", "pgdump"} {
				got := parseTestFile(t, "testdata/equivalence/"+name+"."+variant+".sql")
				ignoreUnspecifiedExtensionFields(want, got)
				if diff := cmp.Diff(want.Schema, got.Schema); diff != "" {
					t.Errorf("%s.%s.sql differs from %s.sql (-hand-written +server-printed):\n%s", name, variant, name, diff)
				}
			}
			golden := "testdata/equivalence/" + name + ".golden.json"
			b, err := json.MarshalIndent(want.Schema, "", "  ")
			if err != nil {
				t.Fatal(err)
			}
			b = append(b, '\n')
			if *update {
				if err := os.WriteFile(golden, b, 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			g, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update)", err)
			}
			if diff := cmp.Diff(string(g), string(b)); diff != "" {
				t.Errorf("model differs from %s (-golden +got):\n%s", golden, diff)
			}
		})
	}
}

// parseTestFile parses one test data file.
func parseTestFile(t *testing.T, path string) *Result {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseString(path, string(b))
	if err != nil {
		t.Fatalf("parsing %s:\n%v", path, err)
	}
	return r
}

// ignoreUnspecifiedExtensionFields blanks the schema and version of got's
// extensions where want leaves them empty: the model defines empty as
// "matches any" (the planner's rule), while the server always reports both.
func ignoreUnspecifiedExtensionFields(want, got *Result) {
	for _, w := range want.Schema.Extensions {
		for i := range got.Schema.Extensions {
			g := &got.Schema.Extensions[i]
			if g.Name != w.Name {
				continue
			}
			if w.Schema == "" {
				g.Schema = ""
			}
			if w.Version == "" {
				g.Version = ""
			}
		}
	}
}
