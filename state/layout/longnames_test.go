package layout

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/state"
)

// longName is a 63-byte identifier (PostgreSQL's NAMEDATALEN - 1) of
// two-byte characters: escaped, each byte is %XX, 189 bytes in all.
var longName = strings.Repeat("é", 31) + "x"

// TestFileNameLong: names whose escape does not fit a file name are
// shortened to a stable, distinct form within the limit; names that fit
// keep their full escape.
func TestFileNameLong(t *testing.T) {
	if len(longName) != 63 {
		t.Fatalf("longName is %d bytes", len(longName))
	}
	if got := FileName(longName); strings.Contains(got, ShortMark) || len(got) != 3*62+1 {
		t.Errorf("a 63-byte name that fits keeps its escape: %q", got)
	}
	// A function's file is per name; a trigger's file holds two names.
	trig := TriggerPath(state.QualName{Schema: "public", Name: longName}, longName+"")
	if base := filepath.Base(trig); len(base) > MaxFileName || !IsShortName(trig) {
		t.Errorf("trigger file of two long names: %q (%d bytes)", base, len(base))
	}
	upper := strings.Repeat("ÉTÉ", 21) // 63 bytes: 189 escaped
	long := strings.Repeat("é", 100)   // longer than NAMEDATALEN: signatures, tests of the limit
	seen := map[string]string{}
	for _, name := range []string{long, long + "a", long[:198] + "b", strings.Repeat("A", 200), strings.Repeat("A", 199) + "B", upper} {
		got := FileName(name)
		if len(got)+len(".sql") > MaxFileName {
			t.Errorf("FileName(%.20q...) is %d bytes", name, len(got))
		}
		if other, dup := seen[got]; dup {
			t.Errorf("FileName collides for %.20q and %.20q: %q", name, other, got)
		}
		seen[got] = name
		if again := FileName(name); again != got {
			t.Errorf("FileName is not stable: %q then %q", got, again)
		}
		if strings.Contains(got, "%") && strings.Contains(got, ShortMark) {
			prefix := got[:strings.Index(got, ShortMark)]
			if i := strings.LastIndex(prefix, "%"); i >= 0 && len(prefix)-i < 3 {
				t.Errorf("shortened name cuts an escape: %q", got)
			}
		}
	}
	if _, ok := PathObject(ObjectPath("public", "tables", long)); ok {
		t.Error("PathObject must not claim a name from a shortened path")
	}
	if k, ok := PathObject(ObjectPath("public", "tables", longName)); !ok || k.Name != longName {
		t.Errorf("PathObject of a long name that fits = %v, %v", k, ok)
	}
}

// TestWriteLongNames writes and reads back objects of long names.
func TestWriteLongNames(t *testing.T) {
	long := strings.Repeat("Ω", 90) // 180 bytes, 540 escaped
	s := state.DatabaseSchema{
		Schemas: []state.Schema{{Name: "public"}, {Name: long}},
		Tables: []state.Table{
			{Schema: long, Name: long, Columns: []state.Column{{Name: "id", Type: "integer"}}},
			{Schema: long, Name: long + "2", Columns: []state.Column{{Name: "id", Type: "integer"}}},
		},
	}
	dir := t.TempDir()
	written, err := Write(dir, s)
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	files, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(written) {
		t.Errorf("wrote %d files, read back %d", len(written), len(files))
	}
	for _, f := range files {
		for _, part := range strings.Split(f.Path, "/") {
			if len(part) > MaxFileName {
				t.Errorf("%s: component of %d bytes", f.Path, len(part))
			}
		}
		if strings.HasPrefix(f.Path, FileName(long)+"/tables/") && !strings.Contains(f.SQL, long) {
			t.Errorf("%s does not name its table in full", f.Path)
		}
	}
	// Writing again changes nothing.
	if again, err := Write(dir, s); err != nil || len(again) != 0 {
		t.Errorf("second Write = %v, %v", again, err)
	}
}

// TestWriteFailureLeavesNothing: when one file cannot be written, none
// is, and no temporary file or new directory is left.
func TestWriteFailureLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	// A file where the directory of the last file must go.
	if err := os.WriteFile(filepath.Join(dir, "zz"), []byte("in the way\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"extensions.sql":          "-- none\n",
		"public/schema.sql":       "CREATE SCHEMA public;\n",
		"public/tables/users.sql": "CREATE TABLE public.users (id integer);\n",
		"zz/tables/t.sql":         "CREATE TABLE zz.t (id integer);\n",
	}
	if _, err := WriteFiles(dir, want, nil); err == nil {
		t.Fatal("WriteFiles over a file in the way succeeded")
	}
	var left []string
	_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if p != dir {
			rel, _ := filepath.Rel(dir, p)
			left = append(left, rel)
		}
		return err
	})
	if len(left) != 1 || left[0] != "zz" {
		t.Errorf("a failed write left %v; want only the file that was there", left)
	}
}

// TestRecordRunAtomic: a run's directory appears whole, its outcome is
// replaced whole, and a directory that cannot be written fails before
// anything is left.
func TestRecordRunAtomic(t *testing.T) {
	dir := t.TempDir()
	start := time.Date(2026, 12, 5, 10, 0, 0, 0, time.UTC)
	run := Run{Plan: "-- renovate plan\n", RemoteBefore: "", Outcome: Outcome{Status: StatusInProgress, Started: start}}
	rel, err := RecordRun(dir, run)
	if err != nil {
		t.Fatal(err)
	}
	rel2, err := RecordRun(dir, run)
	if err != nil || rel2 == rel {
		t.Fatalf("second run in the same second: %q, %v", rel2, err)
	}
	if runs, _ := Runs(dir); len(runs) != 2 {
		t.Errorf("Runs = %v", runs)
	}
	o := run.Outcome
	o.Status = StatusApplied
	if err := FinishRun(dir, rel, o); err != nil {
		t.Fatal(err)
	}
	if got, err := ReadOutcome(dir, rel); err != nil || got.Status != StatusApplied {
		t.Errorf("ReadOutcome = %+v, %v", got, err)
	}
	// The outcome cannot be replaced: it still says what it said.
	p := filepath.Join(dir, filepath.FromSlash(rel2), OutcomeFile)
	if err := os.Remove(p); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(p, "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := FinishRun(dir, rel2, o); err == nil {
		t.Error("FinishRun over a directory succeeded")
	}
	entries, _ := os.ReadDir(filepath.Join(dir, filepath.FromSlash(rel2)))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("temporary file left: %s", e.Name())
		}
	}
	// _meta is a file: nothing can be recorded, nothing is left.
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, MetaDir), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := RecordRun(other, run); err == nil {
		t.Error("RecordRun with _meta a file succeeded")
	}
	if _, err := os.Stat(filepath.Join(other, MetaDir, "plans")); err == nil {
		t.Error("RecordRun left a plans directory")
	}
}

// TestWriteManyFailureLeavesNoTemporaryFile: the temporary files of a
// large write are all removed when one of them cannot be renamed into
// place.
func TestWriteManyFailureLeavesNoTemporaryFile(t *testing.T) {
	dir := t.TempDir()
	want := map[string]string{"public/schema.sql": "CREATE SCHEMA public;\n"}
	for i := range 300 {
		want[fmt.Sprintf("public/tables/t%03d.sql", i)] = fmt.Sprintf("CREATE TABLE public.t%03d (id integer);\n", i)
	}
	// A non-empty directory where one of the files must go.
	if err := os.MkdirAll(filepath.Join(dir, "public", "tables", "t150.sql", "x"), 0o755); err != nil {
		t.Fatal(err)
	}
	if _, err := WriteFiles(dir, want, nil); err == nil || !strings.Contains(err.Error(), "t150.sql") {
		t.Fatalf("WriteFiles over a directory in the way: %v, want an error naming t150.sql", err)
	}
	_ = filepath.WalkDir(dir, func(p string, e fs.DirEntry, err error) error {
		if strings.HasPrefix(e.Name(), ".renovate-") {
			t.Errorf("temporary file left: %s", p)
		}
		return err
	})
}
