package parser

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestNoInternalErrors feeds truncated and mangled versions of the test
// data to the parser: every input must produce a model or ordinary errors,
// never a panic (reported as "internal error").
func TestNoInternalErrors(t *testing.T) {
	files, err := filepath.Glob("testdata/equivalence/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	step := 23
	if testing.Short() {
		step = 61
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		src := string(b)
		for cut := 0; cut < len(src); cut += step {
			for _, in := range []string{src[:cut], src[cut:], strings.Replace(src, ";", "", cut%5+1)} {
				if _, err := ParseString("x.sql", in); err != nil && strings.Contains(err.Error(), "internal error") {
					t.Fatalf("%s cut at %d: %v", f, cut, err)
				}
			}
		}
	}
}
