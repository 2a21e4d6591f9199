package parsecache

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/renovate-pg/renovate/parser"
)

// TestCodecRoundTrip writes the model of every convergence case's files
// and reads it back: the result is deeply equal, nil slices and maps
// included.
func TestCodecRoundTrip(t *testing.T) {
	paths, err := filepath.Glob("../../testdata/cases/*/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	fid, err := filepath.Glob("../../testdata/fidelity/*/schema.sql")
	if err != nil {
		t.Fatal(err)
	}
	paths = append(paths, fid...)
	checked, skipped := 0, 0
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		res, err := parser.ParseString(p, string(b))
		if err != nil {
			continue
		}
		payload, err := encode(res)
		if err != nil {
			if len(res.ForeignImports) == 0 {
				t.Errorf("%s: %v", p, err)
			}
			skipped++
			continue
		}
		var back parser.Result
		if err := decode(payload, &back); err != nil {
			t.Fatalf("%s: %v", p, err)
		}
		if !reflect.DeepEqual(*res, back) {
			t.Errorf("%s: the decoded model differs from the parsed one", p)
		}
		checked++
	}
	if checked < 200 {
		t.Fatalf("only %d files checked", checked)
	}
	t.Logf("%d models round-tripped, %d not encodable (foreign imports)", checked, skipped)
}

// TestCodecStringReferences: a short string is written once and referred
// to after, the decoded strings share that one copy's value, and a
// reference to a string not yet written does not decode.
func TestCodecStringReferences(t *testing.T) {
	type pair struct{ A, B, C, Long, Empty, Empty2 string }
	long := string(make([]byte, maxInterned+1))
	in := pair{A: "public.t", B: "public.t", C: "x", Long: long, Empty: "", Empty2: ""}
	payload, err := encode(&in)
	if err != nil {
		t.Fatal(err)
	}
	var out pair
	if err := decode(payload, &out); err != nil {
		t.Fatal(err)
	}
	if out != in {
		t.Fatalf("decoded %+v, want %+v", out, in)
	}
	// uvarint(2*0+1): the first short string, before any was written.
	if err := decode([]byte{1, 0, 0, 0, 0, 0}, &out); err == nil {
		t.Error("a reference to a string not written yet decoded")
	}
	once, err := encode(&pair{A: "public.t"})
	if err != nil {
		t.Fatal(err)
	}
	if len(payload) >= len(once)+len("public.t")+len(long) {
		t.Errorf("the repeated string was written again: %d bytes, %d for one", len(payload), len(once))
	}
}
