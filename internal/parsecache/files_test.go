package parsecache

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/parser"
)

// corpus is every SQL file of the repository's test data: the
// convergence cases' from.sql and to.sql, the fidelity schemas, the
// parser's equivalence and fuzz seeds.
func corpus(t *testing.T) []parser.File {
	t.Helper()
	var out []parser.File
	for _, root := range []string{filepath.Join("..", "..", "testdata"), filepath.Join("..", "..", "parser", "testdata")} {
		err := filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(p, ".sql") {
				return err
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			out = append(out, parser.File{Path: filepath.ToSlash(p), SQL: string(b)})
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if len(out) < 500 {
		t.Fatalf("found %d SQL files of test data, want at least 500", len(out))
	}
	return out
}

// sameOutcome fails unless a and b are the same model, or the same error.
func sameOutcome(t *testing.T, what string, want *parser.Result, wantErr error, got *parser.Result, gotErr error) {
	t.Helper()
	switch {
	case (wantErr == nil) != (gotErr == nil):
		t.Fatalf("%s: error %v, want %v", what, gotErr, wantErr)
	case wantErr != nil:
		if wantErr.Error() != gotErr.Error() {
			t.Fatalf("%s: error %q, want %q", what, gotErr, wantErr)
		}
	case !want.Equal(got):
		t.Fatalf("%s: the model differs from the parser's", what)
	}
}

// TestFileDefsEqualParse: for every SQL file of the test data, the model
// made from its definitions read back from a files entry is the parser's
// (or the error is), and every definition type the parser makes is
// written but the ALTERs of definition objects, which hold code.
func TestFileDefsEqualParse(t *testing.T) {
	c := openTest(t)
	unwritable := map[string]int{}
	reusedFiles := 0
	for _, f := range corpus(t) {
		set := []parser.File{f}
		want, wantErr := parser.ParseFiles(set)
		fp := parser.ParseFile(f)
		if fp.Err() == nil {
			if _, err := encodeDefs(c.defTypes, fp.Items()); err != nil {
				for _, it := range fp.Items() {
					if _, err := encodeDefs(c.defTypes, []any{it}); err != nil {
						unwritable[fmt.Sprintf("%T", it)]++
					}
				}
			}
		}
		cold, _, coldErr := c.parseChanged(set)
		sameOutcome(t, f.Path+" (parsed, definitions written)", want, wantErr, cold, coldErr)
		warm, n, warmErr := c.parseChanged(set)
		sameOutcome(t, f.Path+" (definitions read back)", want, wantErr, warm, warmErr)
		reusedFiles += n
	}
	var types []string
	for k, n := range unwritable {
		types = append(types, fmt.Sprintf("%s (%d)", k, n))
	}
	sort.Strings(types)
	if len(types) != 1 || !strings.HasPrefix(types[0], "*parser.defAlterDef ") {
		t.Fatalf("definitions not written: %v, want only *parser.defAlterDef", types)
	}
	if reusedFiles < 500 {
		t.Fatalf("%d files read back from their definitions, want at least 500", reusedFiles)
	}
	t.Logf("%d files read back; not written: %v", reusedFiles, types)
}

// TestEditedFileReparsedAlone: after one file of a set changes, the set
// is a miss, only that file is parsed again, and the model is the
// parser's; a damaged files entry is caught by its hash, removed, and
// everything parsed.
func TestEditedFileReparsedAlone(t *testing.T) {
	c := openTest(t)
	if _, err := c.ParseFiles(files()); err != nil {
		t.Fatal(err)
	}
	edited := files()
	edited[2].SQL = strings.Replace(edited[2].SQL, "varchar(10)", "varchar(20)", 1)
	got, n, err := c.parseChanged(edited)
	if err != nil {
		t.Fatal(err)
	}
	if n != 2 {
		t.Fatalf("%d files read back, want 2 (all but the edited one)", n)
	}
	sameOutcome(t, "edited", mustParse(t, edited), nil, got, nil)

	// Change one byte of the last file's definitions without fixing the
	// entry's hash.
	fk := c.filesKey(edited)
	b, err := os.ReadFile(c.filesPath(fk))
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)-1] ^= 1
	if err := os.WriteFile(c.filesPath(fk), b, 0o600); err != nil {
		t.Fatal(err)
	}
	got, n, err = c.parseChanged(edited)
	if err != nil {
		t.Fatal(err)
	}
	if n != 0 {
		t.Fatalf("%d files read back from a damaged entry", n)
	}
	sameOutcome(t, "damaged entry", mustParse(t, edited), nil, got, nil)
}

// TestDefsShared: a definition list holding one pointer twice is refused,
// since it would be read back as two values.
func TestDefsShared(t *testing.T) {
	c := openTest(t)
	fp := parser.ParseFile(files()[0])
	items := fp.Items()
	if len(items) == 0 {
		t.Fatal("no definitions")
	}
	if _, err := encodeDefs(c.defTypes, append(items[:len(items):len(items)], items[0])); err == nil {
		t.Fatal("a pointer met twice was written")
	}
	if _, err := encodeDefs(c.defTypes, []any{reflect.ValueOf(1).Interface()}); err == nil {
		t.Fatal("a value of a type not listed was written")
	}
}

// TestAddedFileReadsNewestEntry: adding a file makes a new set of paths,
// whose entry does not exist yet; the files it shares with the set parsed
// last are read back from that set's entry, and the model is the parser's.
func TestAddedFileReadsNewestEntry(t *testing.T) {
	c := openTest(t)
	if _, err := c.ParseFiles(files()); err != nil {
		t.Fatal(err)
	}
	added := append(files(), parser.File{Path: "app/tables/c.sql", SQL: "CREATE TABLE app.c (id int REFERENCES app.a (id));\n"})
	got, n, err := c.parseChanged(added)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Fatalf("%d files read back, want 3 (all but the new one)", n)
	}
	sameOutcome(t, "added", mustParse(t, added), nil, got, nil)
}

// TestOtherBuildsFilesNotUsed: another build's files entries, even one
// planted under this build's name, are never read: definitions are the
// types of the build that wrote them.
func TestOtherBuildsFilesNotUsed(t *testing.T) {
	c := openTest(t)
	// A build whose entries are named as this build's (the same tag):
	// its entry fails on the build it records.
	other := *c
	other.build = append([]byte(nil), c.build...)
	other.build[len(other.build)-1] ^= 1
	if _, err := other.ParseFiles(files()); err != nil {
		t.Fatal(err)
	}
	edited := files()
	edited[0].SQL += "COMMENT ON COLUMN app.b.note IS 'n';\n"
	if _, n, err := c.parseChanged(edited); err != nil || n != 0 {
		t.Fatalf("%d files read back from another build's entry (%v)", n, err)
	}
	// The newest entry, of a build with another tag, is not looked at:
	// this build's own entry is.
	other.build[0] ^= 1
	if _, err := other.ParseFiles(files()); err != nil {
		t.Fatal(err)
	}
	if _, n, err := c.parseChanged(files()); err != nil || n != 2 {
		t.Fatalf("%d files read back, want 2 from this build's own entry (%v)", n, err)
	}
}
