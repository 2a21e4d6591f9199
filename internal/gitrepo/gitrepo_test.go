package gitrepo

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/plumbing/transport/client"
	"github.com/go-git/go-git/v5/plumbing/transport/server"
	"github.com/google/go-cmp/cmp"
)

func TestMain(m *testing.M) {
	// Serve file remotes in-process, so that push and fetch in these tests
	// do not need git-upload-pack / git-receive-pack binaries.
	client.InstallProtocol("file", server.DefaultServer)
	os.Exit(m.Run())
}

var testTime = time.Date(2024, 5, 6, 7, 8, 9, 0, time.UTC)

// hermetic isolates the test from the user's git configuration.
func hermetic(t *testing.T) {
	t.Helper()
	t.Setenv("HOME", t.TempDir())
	t.Setenv("XDG_CONFIG_HOME", "")
}

func write(t *testing.T, root string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func remove(t *testing.T, root string, names ...string) {
	t.Helper()
	for _, name := range names {
		if err := os.Remove(filepath.Join(root, filepath.FromSlash(name))); err != nil {
			t.Fatal(err)
		}
	}
}

var baseFiles = map[string]string{
	".gitignore":                     "*.tmp\nbuild/\n",
	"README.md":                      "hello\n",
	"schema/public/tables/users.sql": "CREATE TABLE users (id int);\n",
	"schema/public/tables/items.sql": "CREATE TABLE items (id int);\n",
	"schema/public/views/v.sql":      "CREATE VIEW v AS SELECT 1;\n",
	"other/notes.txt":                "notes\n",
}

// newRepo returns a repository whose first commit holds baseFiles.
func newRepo(t *testing.T) *Repo {
	t.Helper()
	hermetic(t)
	r, err := Init(filepath.Join(t.TempDir(), "repo"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, r.Root(), baseFiles)
	h, err := r.CommitAll("", "initial", testTime)
	if err != nil || h == "" {
		t.Fatalf("initial commit = %q, %v", h, err)
	}
	return r
}

func TestInit(t *testing.T) {
	hermetic(t)
	dir := filepath.Join(t.TempDir(), "new", "repo")
	r, err := Init(dir)
	if err != nil {
		t.Fatal(err)
	}
	if r.Root() != dir {
		t.Errorf("Root() = %q, want %q", r.Root(), dir)
	}
	if _, err := os.Stat(filepath.Join(dir, ".git")); err != nil {
		t.Errorf("no .git: %v", err)
	}
	head, err := r.repo.Storer.Reference(plumbing.HEAD)
	if err != nil {
		t.Fatal(err)
	}
	if want := plumbing.NewBranchReferenceName("main"); head.Target() != want {
		t.Errorf("HEAD -> %s, want %s", head.Target(), want)
	}
	if h, err := r.HeadCommit(); h != "" || err != nil {
		t.Errorf("HeadCommit() on empty repo = %q, %v; want \"\", nil", h, err)
	}

	// Init and Open inside an existing repository find its root.
	sub := filepath.Join(dir, "schema", "public")
	if err := os.MkdirAll(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, f := range map[string]func(string) (*Repo, error){"Init": Init, "Open": Open} {
		r2, err := f(sub)
		if err != nil {
			t.Fatalf("%s(%s): %v", name, sub, err)
		}
		if r2.Root() != dir {
			t.Errorf("%s(%s).Root() = %q, want %q", name, sub, r2.Root(), dir)
		}
	}
	if _, err := os.Stat(filepath.Join(sub, ".git")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Init inside a repository created a nested one (%v)", err)
	}
}

func TestOpenNotRepo(t *testing.T) {
	hermetic(t)
	tmp := t.TempDir()
	for _, dir := range []string{tmp, filepath.Join(tmp, "missing")} {
		_, err := Open(dir)
		if !errors.Is(err, ErrNotRepo) {
			t.Fatalf("Open(%s) error = %v, want ErrNotRepo", dir, err)
		}
		want := dir + " is not a git repository (run renovate init, or git init)"
		if err.Error() != want {
			t.Errorf("Open(%s) error = %q, want %q", dir, err, want)
		}
	}
}

func TestStatus(t *testing.T) {
	tests := []struct {
		name  string
		setup func(t *testing.T, r *Repo)
		under string // relative to the root
		want  []Change
	}{
		{
			name:  "clean",
			under: "schema",
		},
		{
			name: "modified, untracked and deleted under schema",
			setup: func(t *testing.T, r *Repo) {
				write(t, r.Root(), map[string]string{
					"schema/public/tables/users.sql":  "CREATE TABLE users (id bigint);\n",
					"schema/public/tables/orders.sql": "CREATE TABLE orders (id int);\n",
				})
				remove(t, r.Root(), "schema/public/views/v.sql")
			},
			under: "schema",
			want: []Change{
				{"schema/public/tables/orders.sql", Untracked},
				{"schema/public/tables/users.sql", Modified},
				{"schema/public/views/v.sql", Deleted},
			},
		},
		{
			name: "changes outside under are not reported",
			setup: func(t *testing.T, r *Repo) {
				write(t, r.Root(), map[string]string{
					"README.md":        "changed\n",
					"other/new.sql":    "x\n",
					"schemas/x.sql":    "prefix of schema, but not inside it\n",
					"schema.sql":       "neither\n",
					"other/notes.txt":  "changed\n",
					"schema2/a/b.sql":  "no\n",
					"other/deep/x.sql": "no\n",
				})
			},
			under: "schema",
		},
		{
			name: "whole repository",
			setup: func(t *testing.T, r *Repo) {
				write(t, r.Root(), map[string]string{"README.md": "changed\n", "new.txt": "n\n"})
			},
			under: "",
			want:  []Change{{"README.md", Modified}, {"new.txt", Untracked}},
		},
		{
			name: "ignored files and directories",
			setup: func(t *testing.T, r *Repo) {
				write(t, r.Root(), map[string]string{
					"schema/scratch.tmp":             "ignored by *.tmp\n",
					"schema/build/out.sql":           "ignored by build/\n",
					"schema/public/build/deep/x.sql": "ignored by build/ at any depth\n",
					"schema/.gitignore":              "local-*\n",
					"schema/public/local-notes.sql":  "ignored by schema/.gitignore\n",
					"schema/excluded.sql":            "ignored by info/exclude\n",
				})
				write(t, filepath.Join(r.Root(), ".git"), map[string]string{"info/exclude": "excluded.sql\n"})
			},
			under: "schema",
			want:  []Change{{"schema/.gitignore", Untracked}},
		},
		{
			name: "negated pattern re-includes a file",
			setup: func(t *testing.T, r *Repo) {
				write(t, r.Root(), map[string]string{
					"schema/.gitignore": "*.sql\n!keep.sql\n",
					"schema/drop.sql":   "ignored\n",
					"schema/keep.sql":   "not ignored\n",
				})
			},
			under: "schema",
			want:  []Change{{"schema/.gitignore", Untracked}, {"schema/keep.sql", Untracked}},
		},
		{
			name: "global excludes file",
			setup: func(t *testing.T, r *Repo) {
				home, _ := os.UserHomeDir()
				write(t, home, map[string]string{".config/git/ignore": "*.swp\n"})
				write(t, r.Root(), map[string]string{"schema/public/.users.sql.swp": "editor\n"})
			},
			under: "schema",
		},
		{
			name: "tracked files are reported even when they match an ignore pattern",
			setup: func(t *testing.T, r *Repo) {
				write(t, r.Root(), map[string]string{".gitignore": "*.tmp\nbuild/\n*.sql\n"})
				write(t, r.Root(), map[string]string{"schema/public/tables/users.sql": "changed\n", "schema/new.sql": "ignored\n"})
			},
			under: "schema",
			want:  []Change{{"schema/public/tables/users.sql", Modified}},
		},
		{
			name: "staged new file and staged change",
			setup: func(t *testing.T, r *Repo) {
				write(t, r.Root(), map[string]string{
					"schema/staged.sql":              "new\n",
					"schema/public/tables/items.sql": "changed\n",
				})
				wt, err := r.repo.Worktree()
				if err != nil {
					t.Fatal(err)
				}
				for _, p := range []string{"schema/staged.sql", "schema/public/tables/items.sql"} {
					if _, err := wt.Add(p); err != nil {
						t.Fatal(err)
					}
				}
			},
			under: "schema",
			want:  []Change{{"schema/public/tables/items.sql", Modified}, {"schema/staged.sql", Added}},
		},
		{
			name: "mode change",
			setup: func(t *testing.T, r *Repo) {
				if err := os.Chmod(filepath.Join(r.Root(), "schema/public/views/v.sql"), 0o755); err != nil {
					t.Fatal(err)
				}
			},
			under: "schema/public/views",
			want:  []Change{{"schema/public/views/v.sql", Modified}},
		},
		{
			name: "under is a file",
			setup: func(t *testing.T, r *Repo) {
				write(t, r.Root(), map[string]string{
					"schema/public/tables/users.sql": "changed\n",
					"schema/public/tables/items.sql": "changed\n",
				})
			},
			under: "schema/public/tables/users.sql",
			want:  []Change{{"schema/public/tables/users.sql", Modified}},
		},
		{
			name: "under does not exist yet",
			setup: func(t *testing.T, r *Repo) {
				write(t, r.Root(), map[string]string{"README.md": "changed\n"})
			},
			under: "not/yet",
		},
		{
			name: "whole directory deleted",
			setup: func(t *testing.T, r *Repo) {
				if err := os.RemoveAll(filepath.Join(r.Root(), "schema", "public", "tables")); err != nil {
					t.Fatal(err)
				}
			},
			under: "schema",
			want: []Change{
				{"schema/public/tables/items.sql", Deleted},
				{"schema/public/tables/users.sql", Deleted},
			},
		},
		{
			name: "nested repository",
			setup: func(t *testing.T, r *Repo) {
				if _, err := git.PlainInit(filepath.Join(r.Root(), "schema", "vendored"), false); err != nil {
					t.Fatal(err)
				}
			},
			under: "schema",
			want:  []Change{{"schema/vendored/", Untracked}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := newRepo(t)
			if tt.setup != nil {
				tt.setup(t, r)
			}
			under := ""
			if tt.under != "" {
				under = filepath.Join(r.Root(), filepath.FromSlash(tt.under))
			}
			got, err := r.Status(under)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, got, cmpEmpty); diff != "" {
				t.Errorf("Status(%q) mismatch (-want +got):\n%s", tt.under, diff)
			}
			paths, err := r.Dirty(under)
			if err != nil {
				t.Fatal(err)
			}
			var wantPaths []string
			for _, c := range tt.want {
				wantPaths = append(wantPaths, c.Path)
			}
			if diff := cmp.Diff(wantPaths, paths, cmpEmpty); diff != "" {
				t.Errorf("Dirty(%q) mismatch (-want +got):\n%s", tt.under, diff)
			}
		})
	}
}

// cmpEmpty treats nil and empty slices as equal.
var cmpEmpty = cmp.FilterValues(func(a, b any) bool {
	return isEmptySlice(a) && isEmptySlice(b)
}, cmp.Ignore())

func isEmptySlice(v any) bool {
	switch s := v.(type) {
	case []string:
		return len(s) == 0
	case []Change:
		return len(s) == 0
	}
	return false
}

func TestDirtyUnderRelativeToCwd(t *testing.T) {
	r := newRepo(t)
	write(t, r.Root(), map[string]string{"schema/public/tables/users.sql": "changed\n", "README.md": "changed\n"})
	t.Chdir(filepath.Join(r.Root(), "schema"))
	for under, want := range map[string][]string{
		".":          {"schema/public/tables/users.sql"},
		"public":     {"schema/public/tables/users.sql"},
		"public/x":   nil,
		"..":         {"README.md", "schema/public/tables/users.sql"},
		"../other/.": nil,
	} {
		got, err := r.Dirty(under)
		if err != nil {
			t.Fatalf("Dirty(%q): %v", under, err)
		}
		if diff := cmp.Diff(want, got, cmpEmpty); diff != "" {
			t.Errorf("Dirty(%q) mismatch (-want +got):\n%s", under, diff)
		}
	}
	if _, err := r.Dirty(t.TempDir()); err == nil || !strings.Contains(err.Error(), "outside the git repository") {
		t.Errorf("Dirty(outside) error = %v, want outside the git repository", err)
	}
}

func TestCheckClean(t *testing.T) {
	r := newRepo(t)
	if err := r.CheckClean(filepath.Join(r.Root(), "schema")); err != nil {
		t.Fatalf("CheckClean on a clean repo: %v", err)
	}
	write(t, r.Root(), map[string]string{"schema/public/tables/users.sql": "changed\n", "schema/new.sql": "new\n"})
	remove(t, r.Root(), "schema/public/views/v.sql")

	err := r.CheckClean(filepath.Join(r.Root(), "schema"))
	if !errors.Is(err, ErrDirty) {
		t.Fatalf("CheckClean error = %v, want ErrDirty", err)
	}
	var de *DirtyError
	if !errors.As(err, &de) {
		t.Fatalf("CheckClean error %T is not a *DirtyError", err)
	}
	wantPaths := []string{"schema/new.sql", "schema/public/tables/users.sql", "schema/public/views/v.sql"}
	if diff := cmp.Diff(wantPaths, de.Paths); diff != "" {
		t.Errorf("Paths mismatch (-want +got):\n%s", diff)
	}
	want := "Your repo is dirty. Please commit the changes before applying.\n" +
		"  untracked: schema/new.sql\n" +
		"  modified: schema/public/tables/users.sql\n" +
		"  deleted: schema/public/views/v.sql"
	if err.Error() != want {
		t.Errorf("Error() =\n%s\nwant\n%s", err, want)
	}

	plain := &DirtyError{Paths: []string{"a.sql"}}
	if got := plain.Error(); got != "Your repo is dirty. Please commit the changes before applying.\n  a.sql" {
		t.Errorf("Error() without Changes = %q", got)
	}
}

func TestCommitAll(t *testing.T) {
	r := newRepo(t)
	before, err := r.HeadCommit()
	if err != nil || before == "" {
		t.Fatalf("HeadCommit() = %q, %v", before, err)
	}

	write(t, r.Root(), map[string]string{
		"schema/public/tables/users.sql":  "CREATE TABLE users (id bigint);\n",
		"schema/public/tables/orders.sql": "CREATE TABLE orders (id int);\n",
		"schema/scratch.tmp":              "ignored\n",
		"README.md":                       "changed outside under\n",
		"other/staged.txt":                "staged outside under\n",
	})
	remove(t, r.Root(), "schema/public/views/v.sql")
	wt, err := r.repo.Worktree()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := wt.Add("other/staged.txt"); err != nil {
		t.Fatal(err)
	}

	hash, err := r.CommitAll(filepath.Join(r.Root(), "schema"), "renovate: apply plan", testTime)
	if err != nil {
		t.Fatal(err)
	}
	if hash == "" {
		t.Fatal("CommitAll returned no commit")
	}
	if after, err := r.HeadCommit(); err != nil || after != hash {
		t.Errorf("HeadCommit() = %q, %v; want %q", after, err, hash)
	}
	if dirty, err := r.Dirty(filepath.Join(r.Root(), "schema")); err != nil || len(dirty) != 0 {
		t.Errorf("Dirty(schema) after commit = %v, %v; want none", dirty, err)
	}
	wantOutside := []string{"README.md", "other/staged.txt"}
	if dirty, err := r.Dirty(""); err != nil || !cmp.Equal(dirty, wantOutside) {
		t.Errorf("Dirty(\"\") after commit = %v, %v; want %v", dirty, err, wantOutside)
	}
	st, err := r.Status(filepath.Join(r.Root(), "other"))
	if err != nil {
		t.Fatal(err)
	}
	if want := []Change{{"other/staged.txt", Added}}; !cmp.Equal(st, want) {
		t.Errorf("change staged outside under: Status = %v, want %v (still staged)", st, want)
	}

	c, err := r.repo.CommitObject(plumbing.NewHash(hash))
	if err != nil {
		t.Fatal(err)
	}
	if c.Message != "renovate: apply plan\n" {
		t.Errorf("message = %q", c.Message)
	}
	if len(c.ParentHashes) != 1 || c.ParentHashes[0].String() != before {
		t.Errorf("parents = %v, want [%s]", c.ParentHashes, before)
	}
	for _, sig := range []object.Signature{c.Author, c.Committer} {
		if sig.Name != "renovate" || sig.Email != "renovate@localhost" || !sig.When.Equal(testTime) {
			t.Errorf("signature = %s <%s> %s, want renovate <renovate@localhost> %s", sig.Name, sig.Email, sig.When, testTime)
		}
	}
	wantTree := map[string]string{
		".gitignore":                      baseFiles[".gitignore"],
		"README.md":                       baseFiles["README.md"],
		"other/notes.txt":                 baseFiles["other/notes.txt"],
		"schema/public/tables/items.sql":  baseFiles["schema/public/tables/items.sql"],
		"schema/public/tables/users.sql":  "CREATE TABLE users (id bigint);\n",
		"schema/public/tables/orders.sql": "CREATE TABLE orders (id int);\n",
	}
	if diff := cmp.Diff(wantTree, treeContents(t, c)); diff != "" {
		t.Errorf("committed tree mismatch (-want +got):\n%s", diff)
	}

	// Nothing left to commit.
	if again, err := r.CommitAll(filepath.Join(r.Root(), "schema"), "again", testTime); err != nil || again != "" {
		t.Errorf("second CommitAll = %q, %v; want \"\", nil", again, err)
	}
	if head, _ := r.HeadCommit(); head != hash {
		t.Errorf("HEAD moved to %s on an empty commit", head)
	}

	// Deleting a whole directory is committed too.
	if err := os.RemoveAll(filepath.Join(r.Root(), "schema")); err != nil {
		t.Fatal(err)
	}
	h3, err := r.CommitAll(filepath.Join(r.Root(), "schema"), "drop schema", testTime)
	if err != nil || h3 == "" {
		t.Fatalf("CommitAll after rm -r = %q, %v", h3, err)
	}
	c3, err := r.repo.CommitObject(plumbing.NewHash(h3))
	if err != nil {
		t.Fatal(err)
	}
	for p := range treeContents(t, c3) {
		if strings.HasPrefix(p, "schema/") {
			t.Errorf("%s still committed after deleting schema/", p)
		}
	}
}

func TestCommitAllIdentity(t *testing.T) {
	tests := []struct {
		name          string
		global, local string // git config file contents
		wantAuthor    string
		wantCommitter string
	}{
		{name: "fallback", wantAuthor: "renovate <renovate@localhost>", wantCommitter: "renovate <renovate@localhost>"},
		{
			name:          "global user",
			global:        "[user]\n\tname = Ada\n\temail = ada@example.com\n",
			wantAuthor:    "Ada <ada@example.com>",
			wantCommitter: "Ada <ada@example.com>",
		},
		{
			name:          "repository config wins",
			global:        "[user]\n\tname = Ada\n\temail = ada@example.com\n",
			local:         "[user]\n\tname = Bot\n\temail = bot@example.com\n",
			wantAuthor:    "Bot <bot@example.com>",
			wantCommitter: "Bot <bot@example.com>",
		},
		{
			name:          "name only",
			local:         "[user]\n\tname = Grace\n",
			wantAuthor:    "Grace <renovate@localhost>",
			wantCommitter: "Grace <renovate@localhost>",
		},
		{
			name:          "author section",
			global:        "[user]\n\tname = Ada\n\temail = ada@example.com\n[author]\n\tname = Alan\n",
			wantAuthor:    "Alan <ada@example.com>",
			wantCommitter: "Ada <ada@example.com>",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hermetic(t)
			home, _ := os.UserHomeDir()
			if tt.global != "" {
				write(t, home, map[string]string{".gitconfig": tt.global})
			}
			r, err := Init(filepath.Join(t.TempDir(), "repo"))
			if err != nil {
				t.Fatal(err)
			}
			if tt.local != "" {
				f, err := os.OpenFile(filepath.Join(r.Root(), ".git", "config"), os.O_APPEND|os.O_WRONLY, 0)
				if err != nil {
					t.Fatal(err)
				}
				if _, err := f.WriteString(tt.local); err != nil {
					t.Fatal(err)
				}
				if err := f.Close(); err != nil {
					t.Fatal(err)
				}
			}
			write(t, r.Root(), map[string]string{"a.sql": "a\n"})
			hash, err := r.CommitAll("", "first", testTime)
			if err != nil {
				t.Fatal(err)
			}
			c, err := r.repo.CommitObject(plumbing.NewHash(hash))
			if err != nil {
				t.Fatal(err)
			}
			if got := c.Author.Name + " <" + c.Author.Email + ">"; got != tt.wantAuthor {
				t.Errorf("author = %q, want %q", got, tt.wantAuthor)
			}
			if got := c.Committer.Name + " <" + c.Committer.Email + ">"; got != tt.wantCommitter {
				t.Errorf("committer = %q, want %q", got, tt.wantCommitter)
			}
			if len(c.ParentHashes) != 0 {
				t.Errorf("first commit has parents %v", c.ParentHashes)
			}
		})
	}
}

func TestCommitAllNothingInEmptyRepo(t *testing.T) {
	hermetic(t)
	r, err := Init(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	if h, err := r.CommitAll("", "nothing", testTime); h != "" || err != nil {
		t.Errorf("CommitAll on an empty repo = %q, %v; want \"\", nil", h, err)
	}
	if _, err := r.CommitAll("", "  ", testTime); err == nil {
		t.Error("CommitAll with an empty message succeeded")
	}
}

func TestCommitAllRefusesNestedRepo(t *testing.T) {
	r := newRepo(t)
	if _, err := git.PlainInit(filepath.Join(r.Root(), "schema", "vendored"), false); err != nil {
		t.Fatal(err)
	}
	_, err := r.CommitAll(filepath.Join(r.Root(), "schema"), "x", testTime)
	if err == nil || !strings.Contains(err.Error(), "schema/vendored is a nested git repository") {
		t.Errorf("CommitAll error = %v, want nested repository error", err)
	}
}

func treeContents(t *testing.T, c *object.Commit) map[string]string {
	t.Helper()
	tree, err := c.Tree()
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	err = tree.Files().ForEach(func(f *object.File) error {
		s, err := f.Contents()
		got[f.Name] = s
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

func TestBehind(t *testing.T) {
	hermetic(t)
	tmp := t.TempDir()
	remote := filepath.Join(tmp, "remote.git")
	_, err := git.PlainInitWithOptions(remote, &git.PlainInitOptions{
		Bare:        true,
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName("main")},
	})
	if err != nil {
		t.Fatal(err)
	}

	// a: the user's checkout, tracking origin/main.
	a, err := Init(filepath.Join(tmp, "a"))
	if err != nil {
		t.Fatal(err)
	}
	if n, up, err := a.Behind(); n != 0 || up != "" || err != nil {
		t.Errorf("Behind() without upstream = %d, %q, %v; want 0, \"\", nil", n, up, err)
	}
	write(t, a.Root(), map[string]string{"a.sql": "a\n"})
	if _, err := a.CommitAll("", "first", testTime); err != nil {
		t.Fatal(err)
	}
	if _, err := a.repo.CreateRemote(&config.RemoteConfig{Name: "origin", URLs: []string{remote}}); err != nil {
		t.Fatal(err)
	}
	if n, up, err := a.Behind(); n != 0 || up != "" || err != nil {
		t.Errorf("Behind() with a remote but no upstream = %d, %q, %v; want 0, \"\", nil", n, up, err)
	}
	cfg, err := a.repo.Config()
	if err != nil {
		t.Fatal(err)
	}
	cfg.Branches["main"] = &config.Branch{Name: "main", Remote: "origin", Merge: plumbing.NewBranchReferenceName("main")}
	if err := a.repo.SetConfig(cfg); err != nil {
		t.Fatal(err)
	}
	// Configured but never fetched.
	if n, up, err := a.Behind(); n != 0 || up != "origin/main" || err != nil {
		t.Errorf("Behind() before fetch = %d, %q, %v; want 0, origin/main, nil", n, up, err)
	}
	if err := a.repo.Push(&git.PushOptions{RemoteName: "origin"}); err != nil {
		t.Fatal(err)
	}
	fetch := func() {
		t.Helper()
		err := a.repo.Fetch(&git.FetchOptions{RemoteName: "origin"})
		if err != nil && !errors.Is(err, git.NoErrAlreadyUpToDate) {
			t.Fatal(err)
		}
	}
	fetch()
	if n, up, err := a.Behind(); n != 0 || up != "origin/main" || err != nil {
		t.Errorf("Behind() in sync = %d, %q, %v; want 0, origin/main, nil", n, up, err)
	}

	// b: a colleague's clone that pushes a commit.
	bDir := filepath.Join(tmp, "b")
	if _, err := git.PlainClone(bDir, false, &git.CloneOptions{URL: remote}); err != nil {
		t.Fatal(err)
	}
	b, err := Open(bDir)
	if err != nil {
		t.Fatal(err)
	}
	push := func(name string) {
		t.Helper()
		write(t, b.Root(), map[string]string{name: name + "\n"})
		if _, err := b.CommitAll("", "add "+name, testTime); err != nil {
			t.Fatal(err)
		}
		if err := b.repo.Push(&git.PushOptions{RemoteName: "origin"}); err != nil {
			t.Fatal(err)
		}
	}
	push("b.sql")
	if n, _, err := a.Behind(); n != 0 || err != nil {
		t.Errorf("Behind() before fetching = %d, %v; want 0 (no network access)", n, err)
	}
	fetch()
	if n, up, err := a.Behind(); n != 1 || up != "origin/main" || err != nil {
		t.Errorf("Behind() after fetch = %d, %q, %v; want 1, origin/main, nil", n, up, err)
	}

	// A second remote commit, and a local one: diverged, still 2 behind.
	push("c.sql")
	fetch()
	write(t, a.Root(), map[string]string{"local.sql": "local\n"})
	if _, err := a.CommitAll("", "local", testTime); err != nil {
		t.Fatal(err)
	}
	if n, up, err := a.Behind(); n != 2 || up != "origin/main" || err != nil {
		t.Errorf("Behind() diverged = %d, %q, %v; want 2, origin/main, nil", n, up, err)
	}
}
