package gitrepo

import (
	"errors"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// LooksSecret reports whether a file's name says it probably holds a
// secret: .env files, .pgpass files and private keys. Such files are never
// committed by CommitPaths.
func LooksSecret(p string) bool {
	base := strings.ToLower(path.Base(filepath.ToSlash(p)))
	switch {
	case base == ".env" || strings.HasPrefix(base, ".env."),
		base == ".pgpass" || strings.HasSuffix(base, ".pgpass") || base == "pgpass.conf",
		strings.HasSuffix(base, ".pem"), strings.HasSuffix(base, ".key"),
		strings.HasSuffix(base, ".p12"), strings.HasSuffix(base, ".pfx"),
		base == "id_rsa", base == "id_dsa", base == "id_ecdsa", base == "id_ed25519":
		return true
	}
	return false
}

// SecretsUnder lists the files inside under (absolute or relative to the
// current directory; "" is the whole repository) whose names look like
// secrets (LooksSecret) and that are neither tracked nor ignored: the
// ones a careless "git add -A" would commit. Paths are relative to the
// root, sorted.
func (r *Repo) SecretsUnder(under string) ([]string, error) {
	changes, err := r.Status(under)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, c := range changes {
		if c.Kind == Untracked && LooksSecret(c.Path) {
			out = append(out, c.Path)
		}
	}
	return out, nil
}

// CommitPaths commits exactly the given paths (absolute, or relative to
// the current directory) as they are in the working tree, like "git
// commit -- paths" after "git add -A -- paths": a path that exists is
// staged (a directory with every file below it that is not ignored), a
// path that no longer exists is removed from the commit. Nothing else is
// committed, whatever else is staged, modified or untracked. Paths whose
// names look like secrets (LooksSecret) are never committed; they are
// returned in skipped.
//
// It returns the new commit's hash, or "" when the paths hold no change.
func (r *Repo) CommitPaths(paths []string, message string, now time.Time) (hash string, skipped []string, err error) {
	if strings.TrimSpace(message) == "" {
		return "", nil, errors.New("committing: empty commit message")
	}
	head, err := r.headFiles("")
	if err != nil {
		return "", nil, err
	}
	idx, err := r.repo.Storer.Index()
	if err != nil {
		return "", nil, fmt.Errorf("reading git index: %w", err)
	}
	files := map[string]treeFile{}
	for p, f := range head {
		files[p] = f
	}
	staged := map[string]*index.Entry{} // path -> entry; nil entry: removed
	var rels []string
	for _, p := range paths {
		rel, err := r.scope(p)
		if err != nil {
			return "", nil, err
		}
		if rel == "" {
			return "", nil, fmt.Errorf("committing: %s is the whole repository; name the files", p)
		}
		rels = append(rels, rel)
	}
	rels = outermost(rels)
	// Whatever HEAD or the index had at or below the paths is replaced by
	// what the working tree has now. (One pass over each, whatever the
	// number of paths: init commits thousands of files.)
	covered := coverage(rels)
	for p := range files {
		if covered(p) {
			delete(files, p)
			staged[p] = nil
		}
	}
	for _, e := range idx.Entries {
		if covered(e.Name) {
			staged[e.Name] = nil
		}
	}
	// One scan of the whole index serves every path: its lookups are by
	// path, and a path's answers do not depend on the scope.
	s, err := r.newScan("")
	if err != nil {
		return "", nil, err
	}
	blobs := r.newBlobs()
	for _, rel := range rels {
		s.rel = rel
		err = s.walk(func(f wtFile) error {
			if f.nested {
				return fmt.Errorf("%s is a nested git repository; renovate does not commit it", f.path)
			}
			if f.gitlink {
				if e := s.tracked[f.path]; e != nil {
					staged[f.path] = e
					files[f.path] = treeFile{mode: e.Mode, hash: e.Hash}
				}
				return nil
			}
			if LooksSecret(f.path) {
				skipped = append(skipped, f.path)
				return nil
			}
			mode, err := filemode.NewFromOSFileMode(f.info.Mode())
			if err != nil {
				return fmt.Errorf("staging %s: %w", f.path, err)
			}
			data, err := readContent(r.abs(f.path), f.info)
			if err != nil {
				return fmt.Errorf("staging %s: %w", f.path, err)
			}
			h, err := blobs.add(data)
			if err != nil {
				return fmt.Errorf("staging %s: %w", f.path, err)
			}
			staged[f.path] = &index.Entry{Name: f.path, Hash: h, Mode: mode, Size: uint32(len(data)), ModifiedAt: f.info.ModTime()}
			files[f.path] = treeFile{mode: mode, hash: h}
			return nil
		})
		if err != nil {
			return "", nil, err
		}
	}
	// A secret-looking file stays as HEAD had it (if it had it): renovate
	// neither adds nor changes one.
	for _, p := range skipped {
		if f, ok := head[p]; ok {
			files[p] = f
			delete(staged, p)
		}
	}

	if err := blobs.store(); err != nil {
		return "", nil, fmt.Errorf("committing: %w", err)
	}
	branch, parent, err := r.headBranch()
	if err != nil {
		return "", nil, err
	}
	tree, err := r.writeTree(files)
	if err != nil {
		return "", nil, fmt.Errorf("committing: %w", err)
	}

	hash = ""
	changed := !(parent == nil && len(files) == 0)
	if parent != nil {
		c, err := r.repo.CommitObject(parent.Hash())
		if err != nil {
			return "", skipped, fmt.Errorf("reading HEAD commit: %w", err)
		}
		changed = c.TreeHash != tree
	}
	if changed {
		if hash, err = r.commitTree(branch, parent, tree, message, now); err != nil {
			return "", skipped, err
		}
	}

	// The index: entries of the committed paths are what was committed;
	// every other entry (staged changes elsewhere) stays as it was.
	entries := idx.Entries[:0:0]
	for _, e := range idx.Entries {
		if _, ok := staged[e.Name]; !ok {
			entries = append(entries, e)
		}
	}
	for _, e := range staged {
		if e != nil {
			entries = append(entries, e)
		}
	}
	sort.Slice(entries, func(i, j int) bool { return entries[i].Name < entries[j].Name })
	idx.Entries = entries
	idx.Cache = nil
	idx.ResolveUndo = nil
	if err := r.repo.Storer.SetIndex(idx); err != nil {
		return hash, skipped, fmt.Errorf("writing index: %w", err)
	}
	return hash, skipped, nil
}

// outermost sorts rels and drops duplicates and paths inside another of
// them.
func outermost(rels []string) []string {
	sort.Strings(rels)
	set := map[string]bool{}
	out := rels[:0]
	for _, rel := range rels {
		if coverage2(set, rel) {
			continue
		}
		set[rel] = true
		out = append(out, rel)
	}
	return out
}

// coverage returns whether a path is at or below one of rels.
func coverage(rels []string) func(p string) bool {
	set := make(map[string]bool, len(rels))
	for _, rel := range rels {
		set[rel] = true
	}
	return func(p string) bool { return coverage2(set, p) }
}

// coverage2 reports whether p or one of its parent directories is in set.
func coverage2(set map[string]bool, p string) bool {
	if set[""] {
		return true
	}
	for {
		if set[p] {
			return true
		}
		i := strings.LastIndexByte(p, '/')
		if i < 0 {
			return false
		}
		p = p[:i]
	}
}

// commitTree writes a commit of tree on branch, whose current value is
// parent (nil before the first commit).
func (r *Repo) commitTree(branch plumbing.ReferenceName, parent *plumbing.Reference, tree plumbing.Hash, message string, now time.Time) (string, error) {
	author, committer := r.signatures(now)
	commit := &object.Commit{Author: author, Committer: committer, Message: message, TreeHash: tree}
	if !strings.HasSuffix(commit.Message, "\n") {
		commit.Message += "\n"
	}
	if parent != nil {
		commit.ParentHashes = []plumbing.Hash{parent.Hash()}
	}
	obj := r.repo.Storer.NewEncodedObject()
	if err := commit.Encode(obj); err != nil {
		return "", fmt.Errorf("encoding commit: %w", err)
	}
	hash, err := r.repo.Storer.SetEncodedObject(obj)
	if err != nil {
		return "", fmt.Errorf("writing commit: %w", err)
	}
	ref := plumbing.NewHashReference(branch, hash)
	if parent != nil {
		err = r.repo.Storer.CheckAndSetReference(ref, parent)
	} else {
		err = r.repo.Storer.SetReference(ref)
	}
	if err != nil {
		return "", fmt.Errorf("updating %s: %w", branch, err)
	}
	return hash.String(), nil
}

// CheckWritable proves that a commit can be made: it creates and removes
// a file in the repository's object store and in its git directory, where
// a commit writes objects, the index and the branch. It fails, saying
// where, when they are read-only, full or not directories.
func (r *Repo) CheckWritable() error {
	st, ok := r.repo.Storer.(*filesystem.Storage)
	if !ok {
		return nil // not on a filesystem renovate can check
	}
	dir := st.Filesystem().Root()
	objects := filepath.Join(dir, "objects")
	// A linked worktree's git directory names the common one.
	if b, err := os.ReadFile(filepath.Join(dir, "commondir")); err == nil {
		common := strings.TrimSpace(string(b))
		if !filepath.IsAbs(common) {
			common = filepath.Join(dir, common)
		}
		objects = filepath.Join(common, "objects")
	}
	for _, d := range []string{objects, dir} {
		f, err := os.CreateTemp(d, ".renovate-probe-*")
		if err != nil {
			return fmt.Errorf("the git repository cannot be written: %w", err)
		}
		name := f.Name()
		_, werr := f.Write([]byte("probe\n"))
		cerr := f.Close()
		os.Remove(name)
		if err := errors.Join(werr, cerr); err != nil {
			return fmt.Errorf("the git repository cannot be written: %w", err)
		}
	}
	return nil
}
