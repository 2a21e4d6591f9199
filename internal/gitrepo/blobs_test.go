package gitrepo

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/plumbing"
)

// objectFiles counts the loose objects and the packfiles of r.
func objectFiles(t *testing.T, r *Repo) (loose, packs int) {
	t.Helper()
	objects := filepath.Join(r.Root(), ".git", "objects")
	dirs, err := os.ReadDir(objects)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range dirs {
		if len(d.Name()) != 2 {
			continue
		}
		fs, err := os.ReadDir(filepath.Join(objects, d.Name()))
		if err != nil {
			t.Fatal(err)
		}
		loose += len(fs)
	}
	packFiles, err := filepath.Glob(filepath.Join(objects, "pack", "*.pack"))
	if err != nil {
		t.Fatal(err)
	}
	return loose, len(packFiles)
}

// manyFiles returns n files under dir whose contents are all different,
// except that the last two are equal.
func manyFiles(dir string, n int) map[string]string {
	files := map[string]string{}
	for i := 0; i < n; i++ {
		files[fmt.Sprintf("%s/t%04d.sql", dir, i)] = fmt.Sprintf("CREATE TABLE t%04d (id int);\n", i)
	}
	files[fmt.Sprintf("%s/t%04d.sql", dir, n-1)] = files[fmt.Sprintf("%s/t%04d.sql", dir, n-2)]
	return files
}

// TestCommitManyFilesPacks: a commit of many new files stores their blobs
// in one packfile, a commit of a few as loose objects; both read back
// (through a repository opened anew) as the files, a blob already stored
// is not stored again, and the index agrees, so the tree is clean.
func TestCommitManyFilesPacks(t *testing.T) {
	r := newRepo(t)
	loose0, packs0 := objectFiles(t, r)
	if packs0 != 0 {
		t.Fatalf("a 5-file commit made %d packfiles", packs0)
	}
	files := manyFiles("schema/public/tables", packMinBlobs+36)
	write(t, r.Root(), files)
	h, skipped, err := r.CommitPaths([]string{filepath.Join(r.Root(), "schema")}, "many", testTime)
	if err != nil || h == "" || len(skipped) > 0 {
		t.Fatalf("CommitPaths = %q, %v, %v", h, skipped, err)
	}
	loose1, packs1 := objectFiles(t, r)
	if packs1 != 1 {
		t.Errorf("%d packfiles after committing %d new files, want 1", packs1, len(files))
	}
	// The commit and its trees are loose; no blob is.
	if loose1-loose0 > 8 {
		t.Errorf("%d new loose objects: the blobs were not packed", loose1-loose0)
	}

	reopened, err := Open(r.Root())
	if err != nil {
		t.Fatal(err)
	}
	c, err := reopened.repo.CommitObject(plumbing.NewHash(h))
	if err != nil {
		t.Fatal(err)
	}
	got := treeContents(t, c)
	for p, want := range files {
		if got[p] != want {
			t.Fatalf("%s reads back %q, want %q", p, got[p], want)
		}
	}
	if dirty, err := reopened.Dirty(""); err != nil || len(dirty) > 0 {
		t.Fatalf("after the commit: dirty %v, %v", dirty, err)
	}

	// Committing the same contents under other names stores nothing new;
	// a few new files are loose objects.
	again := map[string]string{}
	for p, s := range files {
		again[strings.Replace(p, "tables", "copies", 1)] = s
	}
	few := manyFiles("schema/public/views", 3)
	write(t, r.Root(), again)
	write(t, r.Root(), few)
	if _, _, err := r.CommitPaths([]string{filepath.Join(r.Root(), "schema")}, "again", testTime); err != nil {
		t.Fatal(err)
	}
	loose2, packs2 := objectFiles(t, r)
	if packs2 != 1 {
		t.Errorf("%d packfiles after committing known blobs and 2 new ones, want still 1", packs2)
	}
	// 2 new blobs, the commit, and the trees on its path.
	if n := loose2 - loose1; n < 3 || n > 8 {
		t.Errorf("%d new loose objects for 2 new blobs and their commit", n)
	}
	if _, err := git.PlainOpen(r.Root()); err != nil {
		t.Fatal(err)
	}
}

// TestBlobsBoundMemory: past maxBytes of new content, the blobs held so
// far are written, so a commit of large files writes several packfiles
// rather than holding them all.
func TestBlobsBoundMemory(t *testing.T) {
	r := newRepo(t)
	b := r.newBlobs()
	b.maxBytes = 4500 // about 77 of these blobs: each write is a pack
	var hashes []plumbing.Hash
	for i := 0; i < 3*packMinBlobs; i++ {
		h, err := b.add([]byte(fmt.Sprintf("row %d of a data file, padded to some length ........\n", i)))
		if err != nil {
			t.Fatal(err)
		}
		hashes = append(hashes, h)
		if b.bytes >= b.maxBytes {
			t.Fatalf("%d bytes held after add, bound %d", b.bytes, b.maxBytes)
		}
	}
	if err := b.store(); err != nil {
		t.Fatal(err)
	}
	_, packs := objectFiles(t, r)
	if packs < 2 {
		t.Errorf("%d packfiles, want several", packs)
	}
	for _, h := range hashes {
		if err := r.repo.Storer.HasEncodedObject(h); err != nil {
			t.Fatalf("blob %s: %v", h, err)
		}
	}
}

// TestCommitPackFails: when the pack cannot be written (its directory is
// a file here, which stops root too), the commit fails naming the blobs
// and HEAD does not move.
func TestCommitPackFails(t *testing.T) {
	r := newRepo(t)
	before, err := r.HeadCommit()
	if err != nil {
		t.Fatal(err)
	}
	write(t, r.Root(), manyFiles("schema/public/tables", packMinBlobs+1))
	pack := filepath.Join(r.Root(), ".git", "objects", "pack")
	if err := os.RemoveAll(pack); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(pack, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, _, err = r.CommitPaths([]string{filepath.Join(r.Root(), "schema")}, "many", testTime)
	if err == nil || !strings.Contains(err.Error(), "blobs") {
		t.Fatalf("CommitPaths with no pack directory: %v", err)
	}
	if after, err := r.HeadCommit(); err != nil || after != before {
		t.Fatalf("HEAD moved from %s to %s (%v)", before, after, err)
	}
}
