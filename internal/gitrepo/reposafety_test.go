package gitrepo

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// TestCommitPaths commits only the named paths: untracked files, secrets,
// staged changes elsewhere and files beside them stay out of the commit.
func TestCommitPaths(t *testing.T) {
	r := newRepo(t)
	write(t, r.Root(), map[string]string{
		"schema/public/tables/users.sql":    "CREATE TABLE users (id bigint);\n",
		"schema/public/tables/orders.sql":   "CREATE TABLE orders (id int);\n",
		"schema/_meta/plans/1/outcome.json": "{}\n",
		"schema/_meta/plans/1/.env":         "PGPASSWORD=hunter2\n",
		"schema/.env":                       "PGPASSWORD=hunter2\n",
		"schema/notes.txt":                  "unrelated\n",
		"schema/plan.sql":                   "-- renovate plan\n",
	})
	remove(t, r.Root(), "schema/public/views/v.sql")
	hash, skipped, err := r.CommitPaths([]string{
		filepath.Join(r.Root(), "schema/public/tables/users.sql"),
		filepath.Join(r.Root(), "schema/public/views/v.sql"), // deleted
		filepath.Join(r.Root(), "schema/_meta/plans/1"),      // a directory
		filepath.Join(r.Root(), "schema/.env"),               // a secret: never
	}, "renovate apply", testTime)
	if err != nil || hash == "" {
		t.Fatalf("CommitPaths = %q, %v", hash, err)
	}
	if want := []string{"schema/.env", "schema/_meta/plans/1/.env"}; !cmp.Equal(skipped, want) {
		t.Errorf("skipped = %v, want %v", skipped, want)
	}
	files, err := r.headFiles("")
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []string{"schema/public/tables/users.sql", "schema/_meta/plans/1/outcome.json", "README.md"} {
		if _, ok := files[p]; !ok {
			t.Errorf("HEAD lacks %s", p)
		}
	}
	for _, p := range []string{"schema/public/views/v.sql", "schema/public/tables/orders.sql", "schema/.env", "schema/_meta/plans/1/.env", "schema/notes.txt", "schema/plan.sql"} {
		if _, ok := files[p]; ok {
			t.Errorf("HEAD holds %s, which was not to be committed", p)
		}
	}
	st, err := r.Status("")
	if err != nil {
		t.Fatal(err)
	}
	want := []Change{
		{"schema/.env", Untracked},
		{"schema/_meta/plans/1/.env", Untracked},
		{"schema/notes.txt", Untracked},
		{"schema/plan.sql", Untracked},
		{"schema/public/tables/orders.sql", Untracked},
	}
	if !cmp.Equal(st, want) {
		t.Errorf("Status after CommitPaths = %v, want %v", st, want)
	}
	// Nothing to commit: no commit.
	if h, _, err := r.CommitPaths([]string{filepath.Join(r.Root(), "schema/public/tables/users.sql")}, "again", testTime); err != nil || h != "" {
		t.Errorf("CommitPaths with no change = %q, %v; want no commit", h, err)
	}
}

func TestLooksSecret(t *testing.T) {
	for p, want := range map[string]bool{
		".env": true, "dir/.env.production": true, ".pgpass": true, "prod.pgpass": true,
		"server.key": true, "cert.PEM": true, "id_rsa": true, "id_ed25519": true,
		"public/tables/id_rsa.sql": false, "public/data/id_rsa_keys.sql": false,
		"public/tables/users.sql": false, "renovate.hcl": false, "public/tables/keys.sql": false,
		"environment.sql": false,
	} {
		if got := LooksSecret(p); got != want {
			t.Errorf("LooksSecret(%q) = %v, want %v", p, got, want)
		}
	}
}

// TestChangedSince lists the schema files that differ between a plan's
// commit and HEAD.
func TestChangedSince(t *testing.T) {
	r := newRepo(t)
	first, _ := r.HeadCommit()
	schema := filepath.Join(r.Root(), "schema")
	write(t, r.Root(), map[string]string{"schema/_meta/plans/1/outcome.json": "{}\n", "README.md": "changed\n"})
	if _, err := r.CommitAll("", "a record, and a file outside the schema", testTime); err != nil {
		t.Fatal(err)
	}
	skipMeta := func(p string) bool { return strings.HasPrefix(p, "_meta/") }
	if got, err := r.ChangedSince(first, schema, skipMeta); err != nil || len(got) != 0 {
		t.Errorf("only records changed: ChangedSince = %v, %v; want none", got, err)
	}
	write(t, r.Root(), map[string]string{"schema/public/tables/orders.sql": "CREATE TABLE orders (id int);\n", "schema/public/tables/users.sql": "x\n"})
	if _, err := r.CommitAll("", "add orders", testTime); err != nil {
		t.Fatal(err)
	}
	got, err := r.ChangedSince(first, schema, skipMeta)
	if want := []string{"public/tables/orders.sql", "public/tables/users.sql"}; err != nil || !cmp.Equal(got, want) {
		t.Errorf("ChangedSince = %v, %v; want %v", got, err, want)
	}
	commits, err := r.CommitsSince(first, schema, skipMeta)
	if err != nil || len(commits) != 2 {
		t.Fatalf("CommitsSince = %v, %v; want 2 commits", commits, err)
	}
	if commits[0].Message != "add orders\n" || !cmp.Equal(commits[0].Changed, []string{"public/tables/orders.sql", "public/tables/users.sql"}) || len(commits[1].Changed) != 0 {
		t.Errorf("CommitsSince = %+v", commits)
	}
	if _, err := r.ChangedSince(strings.Repeat("ab", 20), schema, nil); !errors.Is(err, ErrUnknownCommit) {
		t.Errorf("unknown commit: err = %v, want ErrUnknownCommit", err)
	}
	if _, err := r.ChangedSince("not-a-hash", schema, nil); !errors.Is(err, ErrUnknownCommit) {
		t.Errorf("malformed commit: err = %v, want ErrUnknownCommit", err)
	}
}

// TestCheckSources refuses files git does not hold: untracked, ignored,
// links out of the repository, links to untracked or modified files.
func TestCheckSources(t *testing.T) {
	r := newRepo(t)
	outside := filepath.Join(t.TempDir(), "evil.sql")
	if err := os.WriteFile(outside, []byte("DROP TABLE users;\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	write(t, r.Root(), map[string]string{
		".gitignore":                 "*.tmp\nbuild/\nignored.sql\n",
		"schema/ignored.sql":         "CREATE TABLE hidden (id int);\n",
		"schema/new.sql":             "CREATE TABLE fresh (id int);\n",
		"other/shared.sql":           "CREATE TABLE shared (id int);\n",
		"other/untracked-target.sql": "CREATE TABLE u (id int);\n",
	})
	sym := func(target, link string) {
		t.Helper()
		if err := os.Symlink(target, filepath.Join(r.Root(), link)); err != nil {
			t.Fatal(err)
		}
	}
	sym(outside, "schema/out.sql")
	sym("../other/shared.sql", "schema/in.sql")
	sym("../other/untracked-target.sql", "schema/in-untracked.sql")
	if _, _, err := r.CommitPaths([]string{
		filepath.Join(r.Root(), ".gitignore"), filepath.Join(r.Root(), "schema/out.sql"),
		filepath.Join(r.Root(), "schema/in.sql"), filepath.Join(r.Root(), "schema/in-untracked.sql"),
		filepath.Join(r.Root(), "other/shared.sql"),
	}, "links", testTime); err != nil {
		t.Fatal(err)
	}
	abs := func(ps ...string) []string {
		var out []string
		for _, p := range ps {
			out = append(out, filepath.Join(r.Root(), p))
		}
		return out
	}
	if err := r.CheckSources(abs("schema/public/tables/users.sql", "schema/in.sql")); err != nil {
		t.Errorf("tracked files and a link to a tracked file: %v", err)
	}
	err := r.CheckSources(abs("schema/public/tables/users.sql", "schema/ignored.sql", "schema/new.sql", "schema/out.sql", "schema/in-untracked.sql"))
	var se *UntrackedSourcesError
	if !errors.As(err, &se) || !errors.Is(err, ErrDirty) {
		t.Fatalf("CheckSources = %v, want *UntrackedSourcesError", err)
	}
	got := map[string]string{}
	for _, p := range se.Problems {
		got[p.Path] = p.Reason
	}
	for path, reason := range map[string]string{
		"schema/ignored.sql":      "ignored by git",
		"schema/new.sql":          "untracked",
		"schema/out.sql":          "outside the repository",
		"schema/in-untracked.sql": "which git does not track",
	} {
		if !strings.Contains(got[path], reason) {
			t.Errorf("%s: reason %q, want it to say %q (all: %v)", path, got[path], reason, got)
		}
	}
	if len(got) != 4 {
		t.Errorf("problems = %v, want 4", got)
	}
	// A link to a tracked file with uncommitted changes reads those.
	write(t, r.Root(), map[string]string{"other/shared.sql": "DROP TABLE users;\n"})
	if err := r.CheckSources(abs("schema/in.sql")); err == nil || !strings.Contains(err.Error(), "uncommitted changes") {
		t.Errorf("link to a modified file: %v", err)
	}
}

// TestCheckWritable fails when git could not take a commit. Root ignores
// permission bits, so the object store is replaced by a file.
func TestCheckWritable(t *testing.T) {
	r := newRepo(t)
	if err := r.CheckWritable(); err != nil {
		t.Fatalf("CheckWritable on a normal repository: %v", err)
	}
	objects := filepath.Join(r.Root(), ".git", "objects")
	if err := os.Rename(objects, objects+".away"); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(objects, []byte("not a directory\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := r.CheckWritable(); err == nil || !strings.Contains(err.Error(), "cannot be written") {
		t.Errorf("CheckWritable with no object store = %v", err)
	}
}

// TestCommitPathsOverlapping: paths named twice, a file inside a directory
// also named, and many files in one call (init commits thousands) give the
// commit the paths describe, the ignore files of every directory applied:
// CommitPaths makes one pass whatever the number of paths.
func TestCommitPathsOverlapping(t *testing.T) {
	r := newRepo(t)
	files := map[string]string{
		"s/a/.gitignore":   "*.tmp\n",
		"s/a/x.sql":        "x\n",
		"s/a/skip.tmp":     "ignored\n",
		"s/a/b/y.sql":      "y\n",
		"s/a/b/skip.tmp":   "ignored below too\n",
		"s/c/z.sql":        "z\n",
		"s/d/untouched.sq": "not named\n",
	}
	var paths []string
	for i := 0; i < 300; i++ {
		p := "s/many/t" + strings.Repeat("0", 3-len(itoa(i))) + itoa(i) + ".sql"
		files[p] = "table " + itoa(i) + "\n"
		paths = append(paths, filepath.Join(r.Root(), p))
	}
	write(t, r.Root(), files)
	paths = append(paths,
		filepath.Join(r.Root(), "s/a"),
		filepath.Join(r.Root(), "s/a/b/y.sql"), // inside s/a
		filepath.Join(r.Root(), "s/c/z.sql"),
		filepath.Join(r.Root(), "s/c/z.sql"), // twice
		filepath.Join(r.Root(), "s/many/t000.sql"),
	)
	hash, _, err := r.CommitPaths(paths, "renovate init", testTime)
	if err != nil || hash == "" {
		t.Fatalf("CommitPaths = %q, %v", hash, err)
	}
	head, err := r.headFiles("")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for p := range head {
		if strings.HasPrefix(p, "s/") {
			got = append(got, p)
		}
	}
	want := []string{"s/a/.gitignore", "s/a/b/y.sql", "s/a/x.sql", "s/c/z.sql"}
	for i := 0; i < 300; i++ {
		want = append(want, "s/many/t"+strings.Repeat("0", 3-len(itoa(i)))+itoa(i)+".sql")
	}
	if !cmp.Equal(got, want, cmpSorted) {
		t.Errorf("HEAD under s = %v,\nwant %v", got, want)
	}
	st, err := r.Status("")
	if err != nil {
		t.Fatal(err)
	}
	if want := []Change{{"s/d/untouched.sq", Untracked}}; !cmp.Equal(st, want) {
		t.Errorf("Status after CommitPaths = %v, want %v", st, want)
	}
	// Removing one of many files and committing them all again removes
	// just that one.
	remove(t, r.Root(), "s/many/t007.sql")
	if h, _, err := r.CommitPaths(paths, "again", testTime); err != nil || h == "" {
		t.Fatalf("CommitPaths after a removal = %q, %v", h, err)
	}
	head, err = r.headFiles("")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for p := range head {
		if strings.HasPrefix(p, "s/many/") {
			n++
		}
	}
	if _, ok := head["s/many/t007.sql"]; ok || n != 299 {
		t.Errorf("after removing t007: HEAD holds %d files under s/many, t007 still there: %v", n, ok)
	}
}

func itoa(i int) string { return strconv.Itoa(i) }

var cmpSorted = cmpopts.SortSlices(func(a, b string) bool { return a < b })

// TestCheckSourcesThroughLinks: the repository reached through a linked
// directory and relative paths are judged as before, and the resolver
// CheckSources uses gives what filepath.EvalSymlinks gives for files,
// links to files, files under a linked directory and missing files.
func TestCheckSourcesThroughLinks(t *testing.T) {
	r := newRepo(t)
	write(t, r.Root(), map[string]string{"other/sub/shared.sql": "CREATE TABLE s (id int);\n"})
	for link, target := range map[string]string{"linked": "other/sub", "schema/one.sql": "../other/sub/shared.sql"} {
		if err := os.Symlink(target, filepath.Join(r.Root(), link)); err != nil {
			t.Fatal(err)
		}
	}
	if _, _, err := r.CommitPaths([]string{filepath.Join(r.Root(), "other"), filepath.Join(r.Root(), "schema")}, "links", testTime); err != nil {
		t.Fatal(err)
	}
	via := filepath.Join(t.TempDir(), "via")
	if err := os.Symlink(r.Root(), via); err != nil {
		t.Fatal(err)
	}
	viaRepo, err := Open(via)
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(filepath.Join(via, "schema"))
	ok := []string{"public/tables/users.sql", "one.sql", filepath.Join(via, "schema/public/tables/items.sql"), filepath.Join(r.Root(), "other/sub/shared.sql")}
	if err := viaRepo.CheckSources(ok); err != nil {
		t.Errorf("tracked files and a link, relative and through a linked repository: %v", err)
	}
	err = viaRepo.CheckSources([]string{"public/tables/gone.sql"})
	var se *UntrackedSourcesError
	if !errors.As(err, &se) || len(se.Problems) != 1 {
		t.Fatalf("a missing file: %v", err)
	}

	resolve := newResolver()
	for _, p := range []string{
		"schema/public/tables/users.sql", "schema/public/tables/items.sql", "schema/one.sql",
		"linked/shared.sql", "other/sub/shared.sql", "schema/public/tables/gone.sql", "linked/gone.sql",
	} {
		for _, root := range []string{via, r.Root()} {
			abs := filepath.Join(root, p)
			want, wantErr := filepath.EvalSymlinks(abs)
			got, gotErr := resolve(abs)
			if got != want || (gotErr == nil) != (wantErr == nil) {
				t.Errorf("%s: resolved to %q, %v; filepath.EvalSymlinks: %q, %v", abs, got, gotErr, want, wantErr)
			}
		}
	}
}
