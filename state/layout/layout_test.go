package layout

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/state"
)

func TestFileName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"users", "users"},
		{"Users", "%55sers"},
		{"order items", "order%20items"},
		{"a/b", "a%2Fb"},
		{"..", "%2E%2E"},
		{"", "%00"},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := FileName(tt.in); got != tt.want {
				t.Errorf("FileName(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func sample() state.DatabaseSchema {
	s := state.DatabaseSchema{
		Schemas: []state.Schema{{Name: "public"}},
		Tables: []state.Table{
			{Schema: "public", Name: "users", Columns: []state.Column{{Name: "id", Type: "integer", NotNull: true, Default: "nextval('public.users_id_seq'::regclass)"}}},
		},
		Sequences: []state.Sequence{
			{Schema: "public", Name: "users_id_seq", SequenceOptions: state.DefaultSequenceOptions("integer", 1), OwnedBy: &state.ColumnRef{Table: "users", Column: "id"}},
			{Schema: "public", Name: "counter", SequenceOptions: state.DefaultSequenceOptions("bigint", 1)},
		},
	}
	s.Normalize()
	return s
}

func TestWriteAndLoad(t *testing.T) {
	dir := t.TempDir()
	touched, err := Write(dir, sample())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"extensions.sql", "public/schema.sql", "public/sequences/counter.sql", "public/tables/users.sql"}
	if len(touched) != len(want) {
		t.Fatalf("touched %v, want %v", touched, want)
	}
	for i := range want {
		if touched[i] != want[i] {
			t.Errorf("touched[%d] = %s, want %s", i, touched[i], want[i])
		}
	}
	// Rewriting the same model changes nothing.
	if touched, err := Write(dir, sample()); err != nil || len(touched) != 0 {
		t.Errorf("second write touched %v, err %v", touched, err)
	}
	// Dropping the standalone sequence removes its file and its empty directory.
	s := sample()
	s.Sequences = s.Sequences[1:]
	if s.Sequences[0].Name != "users_id_seq" {
		t.Fatalf("unexpected order %+v", s.Sequences)
	}
	touched, err = Write(dir, s)
	if err != nil || len(touched) != 1 || touched[0] != "public/sequences/counter.sql" {
		t.Errorf("touched %v, err %v", touched, err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public", "sequences")); !os.IsNotExist(err) {
		t.Errorf("empty sequences directory should be gone: %v", err)
	}
	files, err := Load(dir)
	if err != nil || len(files) != 3 {
		t.Fatalf("Load = %v, %v", files, err)
	}
}

func TestWriteRefusesForeignLayout(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "schema.sql"), []byte("CREATE TABLE t (a int);\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Write(dir, sample())
	if !errors.Is(err, ErrForeignLayout) {
		t.Fatalf("err = %v, want ErrForeignLayout", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "public")); !os.IsNotExist(err) {
		t.Errorf("nothing may be written on refusal")
	}
}

func TestLoadSkipsMetaAndHidden(t *testing.T) {
	dir := t.TempDir()
	for _, p := range []string{"_meta/plans/x/plan.sql", ".git/x.sql", "a/b.sql", "notes.txt"} {
		full := filepath.Join(dir, filepath.FromSlash(p))
		if err := os.MkdirAll(filepath.Dir(full), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(full, []byte("-- x\n"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := Load(dir)
	if err != nil || len(files) != 1 || files[0].Path != "a/b.sql" {
		t.Errorf("Load = %+v, %v", files, err)
	}
}

func TestRecordRun(t *testing.T) {
	dir := t.TempDir()
	started := time.Date(2026, 11, 22, 3, 4, 5, 0, time.UTC)
	run := Run{Plan: "-- renovate plan\n", RemoteBefore: "", Outcome: Outcome{Status: "applied", Started: started}}
	a, err := RecordRun(dir, run)
	if err != nil || a != "_meta/plans/20261122T030405Z" {
		t.Fatalf("RecordRun = %q, %v", a, err)
	}
	b, err := RecordRun(dir, run)
	if err != nil || b != "_meta/plans/20261122T030405Z-2" {
		t.Fatalf("second RecordRun = %q, %v", b, err)
	}
	runs, err := Runs(dir)
	if err != nil || len(runs) != 2 {
		t.Errorf("Runs = %v, %v", runs, err)
	}
}

func TestPathObject(t *testing.T) {
	tests := []struct {
		path string
		want state.ObjectKey
		ok   bool
	}{
		{"public/schema.sql", state.ObjectKey{Kind: state.KindSchema, Name: "public"}, true},
		{"app/tables/%4Frder.sql", state.ObjectKey{Kind: state.KindTable, Schema: "app", Name: "Order"}, true},
		{"public/triggers/users.audit.sql", state.ObjectKey{Kind: state.KindTrigger, Schema: "public", Table: "users", Name: "audit"}, true},
		{"public/functions/f.sql", state.ObjectKey{Kind: state.KindFunction, Schema: "public", Name: "f"}, true},
		{"extensions.sql", state.ObjectKey{}, false},
		{"public/data/t.sql", state.ObjectKey{}, false},
		{"public/tables/bad%ZZ.sql", state.ObjectKey{}, false},
	}
	for _, tt := range tests {
		got, ok := PathObject(tt.path)
		if ok != tt.ok || got != tt.want {
			t.Errorf("PathObject(%q) = %+v, %v; want %+v, %v", tt.path, got, ok, tt.want, tt.ok)
		}
		if ok {
			back := ObjectPath(got.Schema, strings.Split(tt.path, "/")[1], got.Name)
			if got.Kind != state.KindSchema && got.Kind != state.KindTrigger && back != tt.path {
				t.Errorf("ObjectPath of %+v = %q, want %q", got, back, tt.path)
			}
		}
	}
}

// TestRenderAll: every index is rendered once, in its place, whatever the
// number of workers, and a panic in one reaches the caller.
func TestRenderAll(t *testing.T) {
	for _, n := range []int{0, 1, 63, 64, 65, 1000} {
		got := renderAll(n, func(i int) string { return strconv.Itoa(i) })
		if len(got) != n {
			t.Fatalf("n=%d: %d results", n, len(got))
		}
		for i, s := range got {
			if s != strconv.Itoa(i) {
				t.Fatalf("n=%d: result %d is %q", n, i, s)
			}
		}
	}
	defer func() {
		if r := recover(); r != "boom 700" {
			t.Fatalf("recovered %v, want the worker's panic", r)
		}
	}()
	renderAll(1000, func(i int) string {
		if i == 700 {
			panic("boom 700")
		}
		return ""
	})
	t.Fatal("renderAll returned after a panic")
}
