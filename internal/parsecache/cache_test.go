package parsecache

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/parser"
)

// files is a small schema in two files.
func files() []parser.File {
	return []parser.File{
		{Path: "app/tables/b.sql", SQL: "CREATE TABLE app.b (id int PRIMARY KEY, a_id int REFERENCES app.a (id), note text DEFAULT 'x');\nCOMMENT ON TABLE app.b IS 'b';\n"},
		{Path: "app/schema.sql", SQL: "CREATE SCHEMA app;\n"},
		{Path: "app/tables/a.sql", SQL: "CREATE TABLE app.a (id int PRIMARY KEY, name varchar(10) NOT NULL CHECK (name <> ''));\nCREATE INDEX a_name_idx ON app.a (lower(name));\n"},
	}
}

func openTest(t *testing.T) *Cache {
	t.Helper()
	c, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	c.MinBytes = 0
	return c
}

func entries(t *testing.T, c *Cache) []string {
	t.Helper()
	m, err := filepath.Glob(filepath.Join(c.Dir(), "*"+entrySuffix))
	if err != nil {
		t.Fatal(err)
	}
	var models []string
	for _, p := range m {
		if !strings.HasPrefix(filepath.Base(p), filesPrefix) {
			models = append(models, p)
		}
	}
	return models
}

func mustParse(t *testing.T, fs []parser.File) *parser.Result {
	t.Helper()
	res, err := parser.ParseFiles(fs)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

// TestHitEqualsParse: the second parse of the same files (in another
// order) is read from the cache and equals the parser's result.
func TestHitEqualsParse(t *testing.T) {
	c := openTest(t)
	want := mustParse(t, files())
	first, err := c.ParseFiles(files())
	if err != nil {
		t.Fatal(err)
	}
	if n := len(entries(t, c)); n != 1 {
		t.Fatalf("%d entries after a miss, want 1", n)
	}
	fs := files()
	fs[0], fs[2] = fs[2], fs[0]
	key := c.Key(fs)
	if key != c.Key(files()) {
		t.Fatal("the key depends on the files' order")
	}
	if _, ok := c.Get(key); !ok {
		t.Fatal("no hit for the same files")
	}
	second, err := c.ParseFiles(fs)
	if err != nil {
		t.Fatal(err)
	}
	if !want.Equal(first) || !want.Equal(second) {
		t.Fatal("a cached model differs from the parsed one")
	}
}

// TestEditedFileMisses: changing one byte of one file, or a path, is a
// new key.
func TestEditedFileMisses(t *testing.T) {
	c := openTest(t)
	if _, err := c.ParseFiles(files()); err != nil {
		t.Fatal(err)
	}
	edited := files()
	edited[0].SQL = strings.Replace(edited[0].SQL, "'x'", "'y'", 1)
	if _, ok := c.Get(c.Key(edited)); ok {
		t.Fatal("an edited file hit the entry of the old content")
	}
	moved := files()
	moved[1].Path = "app/schema2.sql"
	if _, ok := c.Get(c.Key(moved)); ok {
		t.Fatal("a renamed file hit the entry of the old path")
	}
	got, err := c.ParseFiles(edited)
	if err != nil {
		t.Fatal(err)
	}
	want := mustParse(t, edited)
	if !want.Equal(got) {
		t.Fatal("the edited files' model is not the parser's")
	}
	if n := len(entries(t, c)); n != 2 {
		t.Fatalf("%d entries, want 2", n)
	}
	// Joining or splitting contents across files is a new key too.
	a := []parser.File{{Path: "x.sql", SQL: "ab"}, {Path: "y.sql", SQL: "c"}}
	b := []parser.File{{Path: "x.sql", SQL: "a"}, {Path: "y.sql", SQL: "bc"}}
	if c.Key(a) == c.Key(b) {
		t.Fatal("keys collide across file boundaries")
	}
}

// TestPoisonedEntries: an entry whose payload does not match its hash, a
// valid entry of other files stored under this key, a truncated one and
// garbage are each detected, removed, and the files parsed again.
func TestPoisonedEntries(t *testing.T) {
	other := []parser.File{{Path: "app/schema.sql", SQL: "CREATE SCHEMA app;\nCREATE TABLE app.stale (id int);\n"}}
	for _, tc := range []struct {
		name   string
		poison func(t *testing.T, c *Cache, entry []byte) []byte
	}{
		{"payload flipped", func(t *testing.T, c *Cache, e []byte) []byte {
			e[len(e)-1] ^= 1
			return e
		}},
		{"payload edited with a matching length", func(t *testing.T, c *Cache, e []byte) []byte {
			// Rename a table inside the payload: same size, decodes,
			// but the stored hash no longer matches.
			return []byte(strings.Replace(string(e), "app", "apq", 1+strings.Count(string(e), "app")/2))
		}},
		{"stale payload under the key", func(t *testing.T, c *Cache, e []byte) []byte {
			// A complete, self-consistent entry of other files copied
			// over this key's file.
			if _, err := c.ParseFiles(other); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(c.path(c.Key(other)))
			if err != nil {
				t.Fatal(err)
			}
			return b
		}},
		{"stale payload relabelled with this key", func(t *testing.T, c *Cache, e []byte) []byte {
			// The other files' entry with its key bytes replaced by
			// this key: the hash covers key and payload, so it fails.
			if _, err := c.ParseFiles(other); err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(c.path(c.Key(other)))
			if err != nil {
				t.Fatal(err)
			}
			key := c.Key(files())
			copy(b[len(magic):], key[:])
			return b
		}},
		{"truncated", func(t *testing.T, c *Cache, e []byte) []byte { return e[:len(e)/2] }},
		{"empty", func(t *testing.T, c *Cache, e []byte) []byte { return []byte{} }},
		{"garbage", func(t *testing.T, c *Cache, e []byte) []byte { return []byte("not an entry at all") }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			c := openTest(t)
			want := mustParse(t, files())
			if _, err := c.ParseFiles(files()); err != nil {
				t.Fatal(err)
			}
			key := c.Key(files())
			p := c.path(key)
			e, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			poisoned := tc.poison(t, c, e)
			if err := os.WriteFile(p, poisoned, 0o600); err != nil {
				t.Fatal(err)
			}
			if _, ok := c.Get(key); ok {
				t.Fatal("the poisoned entry was used")
			}
			if _, err := os.Stat(p); !errors.Is(err, os.ErrNotExist) {
				t.Fatalf("the poisoned entry was kept: %v", err)
			}
			if err := os.WriteFile(p, poisoned, 0o600); err != nil {
				t.Fatal(err)
			}
			got, err := c.ParseFiles(files())
			if err != nil {
				t.Fatal(err)
			}
			if !want.Equal(got) {
				t.Fatal("the files were not parsed again")
			}
			if _, ok := c.Get(key); !ok {
				t.Fatal("the re-parse did not store a good entry again")
			}
		})
	}
}

// TestErrorsNotCached: files that fail to parse leave no entry and give
// the parser's error, the same every time.
func TestErrorsNotCached(t *testing.T) {
	c := openTest(t)
	bad := append(files(), parser.File{Path: "app/tables/c.sql", SQL: "CREATE TABLE app.c (id int,\n  nope nope nope);\n"})
	_, want := parser.ParseFiles(bad)
	if want == nil {
		t.Fatal("the bad file parsed")
	}
	for i := 0; i < 2; i++ {
		_, err := c.ParseFiles(bad)
		if err == nil || err.Error() != want.Error() {
			t.Fatalf("error %v, want %v", err, want)
		}
	}
	if n := len(entries(t, c)); n != 0 {
		t.Fatalf("%d entries for files that fail to parse", n)
	}
}

// TestPruneBoundsSize: past MaxBytes the entries used least recently
// go first, and a used entry survives.
func TestPruneBoundsSize(t *testing.T) {
	c := openTest(t)
	keep := files()
	if _, err := c.ParseFiles(keep); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(c.path(c.Key(keep)))
	if err != nil {
		t.Fatal(err)
	}
	c.MaxBytes = 4 * info.Size()
	for i := 0; i < 12; i++ {
		fs := files()
		fs[0].SQL += fmt.Sprintf("COMMENT ON COLUMN app.b.note IS 'n%02d';\n", i)
		if _, err := c.ParseFiles(fs); err != nil {
			t.Fatal(err)
		}
		if _, ok := c.Get(c.Key(keep)); !ok {
			t.Fatalf("the entry in use was pruned after %d puts", i)
		}
	}
	var total int64
	for _, p := range entries(t, c) {
		st, err := os.Stat(p)
		if err != nil {
			t.Fatal(err)
		}
		total += st.Size()
	}
	if total > c.MaxBytes {
		t.Fatalf("cache holds %d bytes, bound %d", total, c.MaxBytes)
	}
	if err := c.Clear(); err != nil {
		t.Fatal(err)
	}
	if n := len(entries(t, c)); n != 0 {
		t.Fatalf("%d entries after Clear", n)
	}
}

// TestFromEnv: "off" disables the cache, a path places it.
func TestFromEnv(t *testing.T) {
	t.Setenv(EnvVar, "off")
	if c := FromEnv(); c != nil {
		t.Fatal("cache enabled with off")
	}
	if _, err := (*Cache)(nil).ParseFiles(files()); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "pc")
	t.Setenv(EnvVar, dir)
	c := FromEnv()
	if c == nil || c.Dir() != dir {
		t.Fatalf("cache %v, want one in %s", c, dir)
	}
}

// TestSmallInputsNotCached: below MinBytes the parser runs and nothing is
// written.
func TestSmallInputsNotCached(t *testing.T) {
	c := openTest(t)
	c.MinBytes = 1 << 20
	if _, err := c.ParseFiles(files()); err != nil {
		t.Fatal(err)
	}
	if n := len(entries(t, c)); n != 0 {
		t.Fatalf("%d entries for a small input", n)
	}
}
