package parsecache

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/state"
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
		_, deferred := res.Locations.Split()
		if back.Locations.Pending() != (len(deferred) > 0) {
			t.Errorf("%s: %d deferred locations, pending %v", p, len(deferred), back.Locations.Pending())
		}
		checkSkip(t, p, deferred)
		if !res.Equal(&back) {
			t.Errorf("%s: the decoded model differs from the parsed one", p)
		}
		checked++
	}
	if checked < 200 {
		t.Fatalf("only %d files checked", checked)
	}
	t.Logf("%d models round-tripped, %d not encodable (foreign imports)", checked, skipped)
}

// checkSkip: decoder.skip walks the encoding of m exactly, and fails on
// every cut of it (a result read back checks its deferred locations so).
func checkSkip(t *testing.T, name string, m map[state.ObjectKey]parser.Location) {
	t.Helper()
	b, err := encode(&m)
	if err != nil {
		t.Fatal(err)
	}
	d := &decoder{buf: b}
	d.skip(locationMap)
	if d.err != nil || len(d.buf) != 0 {
		t.Fatalf("%s: skip: %v, %d bytes left", name, d.err, len(d.buf))
	}
	step := max(1, len(b)/16)
	for cut := 0; cut < len(b); cut += step {
		d := &decoder{buf: b[:cut]}
		d.skip(locationMap)
		if d.err == nil {
			t.Fatalf("%s: skip accepted %d of %d bytes", name, cut, len(b))
		}
	}
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
