package layout

import (
	"errors"
	"io/fs"
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

// TestWriteFilesNewAndChanged: WriteFiles makes new files whole and
// replaces changed ones, every file mode 0644, with no temporary file
// left; and a failure part way (a file where a
// directory must go) leaves the directory as it was: the new files made
// before it are removed, the changed ones untouched.
func TestWriteFilesNewAndChanged(t *testing.T) {
	dir := t.TempDir()
	first := map[string]string{
		"extensions.sql":         "CREATE EXTENSION citext;\n",
		"app/tables/a.sql":       "CREATE TABLE app.a (id int);\n",
		"app/tables/b.sql":       "CREATE TABLE app.b (id int);\n",
		"app/schema.sql":         "CREATE SCHEMA app;\n",
		"public/tables/zeta.sql": "CREATE TABLE public.zeta (id int);\n",
	}
	touched, err := WriteFiles(dir, first, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(touched) != len(first) {
		t.Errorf("touched %v, want the %d files", touched, len(first))
	}
	second := map[string]string{}
	for p, text := range first {
		second[p] = text
	}
	second["app/tables/a.sql"] = "CREATE TABLE app.a (id int, note text);\n"
	second["app/tables/c.sql"] = "CREATE TABLE app.c (id int);\n"
	if _, err := WriteFiles(dir, second, nil); err != nil {
		t.Fatal(err)
	}
	var seen []string
	err = filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		rel = filepath.ToSlash(rel)
		seen = append(seen, rel)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if info.Mode().Perm() != 0o644 {
			t.Errorf("%s: mode %v, want 0644", rel, info.Mode().Perm())
		}
		text, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if string(text) != second[rel] {
			t.Errorf("%s holds %q, want %q", rel, text, second[rel])
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(seen) != len(second) {
		t.Errorf("the directory holds %v, want exactly the %d files", seen, len(second))
	}

	// A file named public/tables stands where a directory must go:
	// public/tables/zeta.sql cannot be written, after app/tables/a.sql
	// (changed) and app/tables/d.sql (new) were staged.
	if err := os.RemoveAll(filepath.Join(dir, "public")); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "public"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "public", "tables"), []byte("in the way\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	third := map[string]string{}
	for p, text := range second {
		third[p] = text
	}
	third["app/tables/a.sql"] = "CREATE TABLE app.a (id bigint);\n"
	third["app/tables/d.sql"] = "CREATE TABLE app.d (id int);\n"
	if _, err := WriteFiles(dir, third, nil); err == nil {
		t.Fatal("WriteFiles wrote under a file in the way")
	}
	if _, err := os.Stat(filepath.Join(dir, "app", "tables", "d.sql")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a new file staged before the failure was made (%v)", err)
	}
	if text, _ := os.ReadFile(filepath.Join(dir, "app", "tables", "a.sql")); string(text) != second["app/tables/a.sql"] {
		t.Errorf("the changed file was replaced before the failure: %q", text)
	}
	entries, err := os.ReadDir(filepath.Join(dir, "app", "tables"))
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("a temporary file was left: %s", e.Name())
		}
	}
}
