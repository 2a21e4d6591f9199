package gitrepo

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/go-git/go-git/v5"
	"github.com/go-git/go-git/v5/config"
	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/filemode"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
	"github.com/go-git/go-git/v5/plumbing/format/index"
	"github.com/go-git/go-git/v5/plumbing/object"
	"github.com/go-git/go-git/v5/storage/filesystem"
)

// DefaultBranch is the branch that Init creates.
const DefaultBranch = "main"

// Fallback commit identity, used when neither the repository's nor the
// user's git config sets user.name / user.email.
const (
	fallbackName  = "renovate"
	fallbackEmail = "renovate@localhost"
)

// ErrNotRepo is matched (with errors.Is) by the error Open returns when the
// directory is not inside a git repository.
var ErrNotRepo = errors.New("not a git repository")

// ErrDirty is matched (with errors.Is) by *DirtyError, the error CheckClean
// returns when there are uncommitted changes.
var ErrDirty = errors.New("repository has uncommitted changes")

// NotRepoError reports that Dir is not inside a git repository. It matches
// ErrNotRepo.
type NotRepoError struct {
	// Dir is the directory as the caller gave it.
	Dir string
}

// Error implements error.
func (e *NotRepoError) Error() string {
	dir := e.Dir
	if dir == "" {
		dir = "."
	}
	return fmt.Sprintf("%s is not a git repository (run renovate init, or git init)", dir)
}

// Is makes errors.Is(err, ErrNotRepo) true.
func (e *NotRepoError) Is(target error) bool { return target == ErrNotRepo }

// ChangeKind classifies an uncommitted change, roughly as git status does.
type ChangeKind int

// The kinds of change Status reports.
const (
	// Modified: tracked, with content or mode changed (staged or not).
	Modified ChangeKind = iota + 1
	// Added: staged as a new file, not in HEAD.
	Added
	// Deleted: in HEAD or the index, but missing from the working tree.
	Deleted
	// Untracked: neither in HEAD nor the index, and not ignored.
	Untracked
)

// String returns the label git status uses ("modified", "new file",
// "deleted", "untracked").
func (k ChangeKind) String() string {
	switch k {
	case Modified:
		return "modified"
	case Added:
		return "new file"
	case Deleted:
		return "deleted"
	case Untracked:
		return "untracked"
	}
	return fmt.Sprintf("ChangeKind(%d)", int(k))
}

// Change is one path with uncommitted changes.
type Change struct {
	// Path is slash-separated and relative to the repository root. A nested
	// git repository is reported as one untracked path ending in "/".
	Path string
	Kind ChangeKind
}

// DirtyError reports uncommitted changes. It matches ErrDirty.
type DirtyError struct {
	// Paths are the dirty paths, relative to the repository root, sorted.
	Paths []string
	// Changes, when set, describe Paths in the same order; Error uses them
	// to label each path ("modified: ...").
	Changes []Change
}

// NewDirtyError returns a DirtyError for changes (which should be sorted
// by path, as Status returns them).
func NewDirtyError(changes []Change) *DirtyError {
	paths := make([]string, len(changes))
	for i, c := range changes {
		paths[i] = c.Path
	}
	return &DirtyError{Paths: paths, Changes: changes}
}

// Error implements error: a fixed sentence followed by one line per path.
func (e *DirtyError) Error() string {
	var b strings.Builder
	b.WriteString("Your repo is dirty. Please commit the changes before applying.")
	if len(e.Changes) == len(e.Paths) && len(e.Changes) > 0 {
		for _, c := range e.Changes {
			fmt.Fprintf(&b, "\n  %s: %s", c.Kind, c.Path)
		}
		return b.String()
	}
	for _, p := range e.Paths {
		fmt.Fprintf(&b, "\n  %s", p)
	}
	return b.String()
}

// Is makes errors.Is(err, ErrDirty) true.
func (e *DirtyError) Is(target error) bool { return target == ErrDirty }

// Repo is a git repository with a working tree.
type Repo struct {
	repo *git.Repository
	root string
}

// Open finds the git repository containing dir, walking up parent
// directories. It fails with an error matching ErrNotRepo when there is
// none, and refuses bare repositories.
func Open(dir string) (*Repo, error) {
	r, err := git.PlainOpenWithOptions(dir, &git.PlainOpenOptions{
		DetectDotGit:          true,
		EnableDotGitCommonDir: true, // linked worktrees (git worktree add)
	})
	if err != nil {
		if errors.Is(err, git.ErrRepositoryNotExists) {
			return nil, &NotRepoError{Dir: dir}
		}
		return nil, fmt.Errorf("opening git repository at %s: %w", dir, err)
	}
	wt, err := r.Worktree()
	if err != nil {
		if errors.Is(err, git.ErrIsBareRepository) {
			return nil, fmt.Errorf("%s is in a bare git repository; renovate needs a working tree", dir)
		}
		return nil, fmt.Errorf("opening working tree of %s: %w", dir, err)
	}
	return &Repo{repo: r, root: filepath.Clean(wt.Filesystem.Root())}, nil
}

// Init opens the repository containing dir or, when there is none, creates
// dir if needed and initialises a repository there whose first branch is
// DefaultBranch.
func Init(dir string) (*Repo, error) {
	r, err := Open(dir)
	if err == nil {
		return r, nil
	}
	if !errors.Is(err, ErrNotRepo) {
		return nil, err
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("creating %s: %w", dir, err)
	}
	_, err = git.PlainInitWithOptions(dir, &git.PlainInitOptions{
		InitOptions: git.InitOptions{DefaultBranch: plumbing.NewBranchReferenceName(DefaultBranch)},
	})
	if err != nil {
		return nil, fmt.Errorf("initialising git repository in %s: %w", dir, err)
	}
	return Open(dir)
}

// Root returns the absolute path of the repository's working tree.
func (r *Repo) Root() string { return r.root }

// HeadCommit returns the hex hash of the commit HEAD points to, or "" when
// the repository has no commits yet.
func (r *Repo) HeadCommit() (string, error) {
	ref, err := r.repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("reading HEAD: %w", err)
	}
	return ref.Hash().String(), nil
}

// Status lists the uncommitted changes inside the directory (or file) under,
// which is absolute or relative to the current directory; "" means the whole
// repository. It compares HEAD with the index and the index with the working
// tree, like git status, honouring .gitignore files, .git/info/exclude and
// core.excludesfile. Ignored directories are not descended into unless they
// contain tracked files. Changes inside submodules are not reported (a staged
// submodule bump is). The result is sorted by path.
func (r *Repo) Status(under string) ([]Change, error) {
	rel, err := r.scope(under)
	if err != nil {
		return nil, err
	}
	s, err := r.newScan(rel)
	if err != nil {
		return nil, err
	}
	head, err := r.headFiles(rel)
	if err != nil {
		return nil, err
	}

	kinds := map[string]ChangeKind{}
	present := map[string]bool{}
	err = s.walk(func(f wtFile) error {
		present[f.path] = true
		if f.nested {
			kinds[f.path+"/"] = Untracked
			return nil
		}
		e := s.tracked[f.path]
		h, inHead := head[f.path]
		switch {
		case s.conflicted[f.path]:
			kinds[f.path] = Modified
		case e == nil && !inHead:
			kinds[f.path] = Untracked
		case e == nil: // deletion staged, file still (or again) on disk
			kinds[f.path] = Modified
		case !inHead:
			kinds[f.path] = Added
		case h.hash != e.Hash || h.mode != e.Mode:
			kinds[f.path] = Modified
		case !f.gitlink:
			same, err := s.matchesIndex(f, e)
			if err != nil {
				return err
			}
			if !same {
				kinds[f.path] = Modified
			}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for p := range s.tracked {
		if !present[p] {
			kinds[p] = Deleted
		}
	}
	for p := range s.conflicted {
		if !present[p] {
			kinds[p] = Deleted
		}
	}
	for p := range head {
		if !present[p] {
			kinds[p] = Deleted
		}
	}

	changes := make([]Change, 0, len(kinds))
	for p, k := range kinds {
		changes = append(changes, Change{Path: p, Kind: k})
	}
	sort.Slice(changes, func(i, j int) bool { return changes[i].Path < changes[j].Path })
	return changes, nil
}

// Dirty returns the paths (relative to the root, sorted) with uncommitted
// changes inside under; see Status.
func (r *Repo) Dirty(under string) ([]string, error) {
	changes, err := r.Status(under)
	if err != nil {
		return nil, err
	}
	paths := make([]string, len(changes))
	for i, c := range changes {
		paths[i] = c.Path
	}
	return paths, nil
}

// CheckClean returns a *DirtyError (matching ErrDirty) when there are
// uncommitted changes inside under, and nil when there are none.
func (r *Repo) CheckClean(under string) error {
	changes, err := r.Status(under)
	if err != nil {
		return err
	}
	if len(changes) > 0 {
		return NewDirtyError(changes)
	}
	return nil
}

// CommitAll stages every change inside under (new, modified and deleted
// files, honouring ignore rules as Status does) and commits it on the
// current branch, like "git add -A under && git commit -- under": changes
// staged outside under are left staged and are not part of the commit.
//
// The author and committer come from author.*, committer.* or user.name /
// user.email in the repository's or the user's global git config, falling
// back to "renovate <renovate@localhost>"; both are dated now. It returns the
// new commit's hash, or "" (and no error) when there is nothing to commit.
// Nested git repositories inside under are an error.
func (r *Repo) CommitAll(under, message string, now time.Time) (string, error) {
	if strings.TrimSpace(message) == "" {
		return "", errors.New("committing: empty commit message")
	}
	rel, err := r.scope(under)
	if err != nil {
		return "", err
	}
	s, err := r.newScan(rel)
	if err != nil {
		return "", err
	}

	var scoped []*index.Entry
	blobs := r.newBlobs()
	err = s.walk(func(f wtFile) error {
		if f.nested {
			return fmt.Errorf("%s is a nested git repository; commit it separately or add it to .gitignore", f.path)
		}
		e := s.tracked[f.path]
		if f.gitlink {
			scoped = append(scoped, e)
			return nil
		}
		if e != nil && !s.conflicted[f.path] {
			same, err := s.matchesIndex(f, e)
			if err != nil {
				return err
			}
			if same {
				scoped = append(scoped, e)
				return nil
			}
		}
		mode, err := filemode.NewFromOSFileMode(f.info.Mode())
		if err != nil {
			return fmt.Errorf("staging %s: %w", f.path, err)
		}
		data, err := readContent(r.abs(f.path), f.info)
		if err != nil {
			return fmt.Errorf("staging %s: %w", f.path, err)
		}
		hash, err := blobs.add(data)
		if err != nil {
			return fmt.Errorf("staging %s: %w", f.path, err)
		}
		scoped = append(scoped, &index.Entry{
			Name:       f.path,
			Hash:       hash,
			Mode:       mode,
			Size:       uint32(len(data)),
			ModifiedAt: f.info.ModTime(),
		})
		return nil
	})
	if err != nil {
		return "", err
	}
	if err := blobs.store(); err != nil {
		return "", fmt.Errorf("committing: %w", err)
	}

	branch, parent, err := r.headBranch()
	if err != nil {
		return "", err
	}
	files := map[string]treeFile{}
	var parentTree plumbing.Hash
	if parent != nil {
		c, err := r.repo.CommitObject(parent.Hash())
		if err != nil {
			return "", fmt.Errorf("reading HEAD commit: %w", err)
		}
		parentTree = c.TreeHash
		all, err := r.headFiles("")
		if err != nil {
			return "", err
		}
		for p, f := range all {
			if !inScope(p, rel) {
				files[p] = f
			}
		}
	}
	for _, e := range scoped {
		files[e.Name] = treeFile{mode: e.Mode, hash: e.Hash}
	}
	tree, err := r.writeTree(files)
	if err != nil {
		return "", fmt.Errorf("committing: %w", err)
	}

	// The index gets the staged state of the scope whether or not there is
	// anything to commit, so that a later Status agrees with the commit.
	entries := s.idx.Entries[:0:0]
	for _, e := range s.idx.Entries {
		if !inScope(e.Name, rel) {
			entries = append(entries, e)
		}
	}
	s.idx.Entries = append(entries, scoped...)
	s.idx.Cache = nil // the cached tree extension would be stale
	s.idx.ResolveUndo = nil
	if err := r.repo.Storer.SetIndex(s.idx); err != nil {
		return "", fmt.Errorf("writing index: %w", err)
	}

	if parent == nil && len(files) == 0 {
		return "", nil
	}
	if parent != nil && tree == parentTree {
		return "", nil
	}

	return r.commitTree(branch, parent, tree, message, now)
}

// Behind reports how many commits the current branch's upstream has that
// HEAD does not, and the upstream's short name (e.g. "origin/main").
//
// It does not fetch: it compares HEAD with the local remote-tracking ref
// (e.g. refs/remotes/origin/main) as of the last fetch, so callers that need
// an up-to-date answer must fetch first. With no upstream configured for the
// current branch (branch.<name>.remote and .merge), or a detached HEAD, it
// returns 0, "", nil; when the upstream is configured but has never been
// fetched it returns 0 and the upstream's name.
func (r *Repo) Behind() (behind int, upstream string, err error) {
	head, err := r.repo.Storer.Reference(plumbing.HEAD)
	if err != nil {
		return 0, "", fmt.Errorf("reading HEAD: %w", err)
	}
	if head.Type() != plumbing.SymbolicReference || !head.Target().IsBranch() {
		return 0, "", nil
	}
	cfg, err := r.repo.Config()
	if err != nil {
		return 0, "", fmt.Errorf("reading git config: %w", err)
	}
	b := cfg.Branches[head.Target().Short()]
	if b == nil || b.Remote == "" || b.Merge == "" {
		return 0, "", nil
	}

	var tracking plumbing.ReferenceName
	if b.Remote == "." { // upstream is a local branch
		tracking = b.Merge
	} else {
		if rc := cfg.Remotes[b.Remote]; rc != nil {
			for _, rs := range rc.Fetch {
				if !rs.IsDelete() && rs.Match(b.Merge) {
					tracking = rs.Dst(b.Merge)
					break
				}
			}
		}
		if tracking == "" {
			tracking = plumbing.NewRemoteReferenceName(b.Remote, b.Merge.Short())
		}
	}
	upstream = tracking.Short()

	up, err := r.repo.Reference(tracking, true)
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return 0, upstream, nil
	}
	if err != nil {
		return 0, upstream, fmt.Errorf("reading %s: %w", tracking, err)
	}
	var stop map[plumbing.Hash]bool
	local, err := r.repo.Head()
	switch {
	case errors.Is(err, plumbing.ErrReferenceNotFound):
		stop = map[plumbing.Hash]bool{}
	case err != nil:
		return 0, upstream, fmt.Errorf("reading HEAD: %w", err)
	case local.Hash() == up.Hash():
		return 0, upstream, nil
	default:
		if stop, err = r.ancestors(local.Hash(), nil); err != nil {
			return 0, upstream, err
		}
	}
	only, err := r.ancestors(up.Hash(), stop)
	if err != nil {
		return 0, upstream, err
	}
	return len(only), upstream, nil
}

// ancestors returns the commits reachable from start (inclusive) without
// passing through commits in stop. Missing parents (shallow clones) end the
// walk quietly.
func (r *Repo) ancestors(start plumbing.Hash, stop map[plumbing.Hash]bool) (map[plumbing.Hash]bool, error) {
	seen := map[plumbing.Hash]bool{}
	queue := []plumbing.Hash{start}
	for len(queue) > 0 {
		h := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if seen[h] || stop[h] {
			continue
		}
		c, err := r.repo.CommitObject(h)
		if errors.Is(err, plumbing.ErrObjectNotFound) && h != start {
			continue
		}
		if err != nil {
			return nil, fmt.Errorf("reading commit %s: %w", h, err)
		}
		seen[h] = true
		queue = append(queue, c.ParentHashes...)
	}
	return seen, nil
}

// headBranch returns the reference HEAD commits go to (a branch, or HEAD
// itself when detached) and its current value (nil before the first commit).
func (r *Repo) headBranch() (plumbing.ReferenceName, *plumbing.Reference, error) {
	head, err := r.repo.Storer.Reference(plumbing.HEAD)
	if err != nil {
		return "", nil, fmt.Errorf("reading HEAD: %w", err)
	}
	if head.Type() != plumbing.SymbolicReference {
		return plumbing.HEAD, head, nil
	}
	cur, err := r.repo.Storer.Reference(head.Target())
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return head.Target(), nil, nil
	}
	if err != nil {
		return "", nil, fmt.Errorf("reading %s: %w", head.Target(), err)
	}
	if cur.Type() != plumbing.HashReference {
		return "", nil, fmt.Errorf("%s is a symbolic reference; renovate cannot commit to it", head.Target())
	}
	return head.Target(), cur, nil
}

// signatures returns the author and committer for a commit made at now.
func (r *Repo) signatures(now time.Time) (author, committer object.Signature) {
	cfg, err := r.repo.ConfigScoped(config.GlobalScope)
	if err != nil { // unreadable global config: use the repository's alone
		cfg, err = r.repo.Config()
	}
	name, email := fallbackName, fallbackEmail
	if err == nil {
		name = first(cfg.User.Name, name)
		email = first(cfg.User.Email, email)
	}
	author = object.Signature{Name: name, Email: email, When: now}
	committer = author
	if err == nil {
		author.Name = first(cfg.Author.Name, name)
		author.Email = first(cfg.Author.Email, email)
		committer.Name = first(cfg.Committer.Name, name)
		committer.Email = first(cfg.Committer.Email, email)
	}
	return sanitize(author), sanitize(committer)
}

func first(s, fallback string) string {
	if strings.TrimSpace(s) != "" {
		return s
	}
	return fallback
}

// sanitize drops characters that would corrupt a commit header.
func sanitize(s object.Signature) object.Signature {
	clean := strings.NewReplacer("<", "", ">", "", "\n", "", "\r", "")
	s.Name = strings.TrimSpace(clean.Replace(s.Name))
	s.Email = strings.TrimSpace(clean.Replace(s.Email))
	return s
}

// scope converts under to a slash-separated path relative to the root.
func (r *Repo) scope(under string) (string, error) {
	if under == "" {
		return "", nil
	}
	abs, err := filepath.Abs(under)
	if err != nil {
		return "", fmt.Errorf("resolving %s: %w", under, err)
	}
	if rel, ok := relInside(r.root, abs); ok {
		return rel, nil
	}
	// The two may differ only by symlinks (macOS's /tmp -> /private/tmp).
	realRoot, err1 := filepath.EvalSymlinks(r.root)
	realAbs, err2 := evalExisting(abs)
	if err1 == nil && err2 == nil {
		if rel, ok := relInside(realRoot, realAbs); ok {
			return rel, nil
		}
	}
	return "", fmt.Errorf("%s is outside the git repository at %s", under, r.root)
}

func relInside(root, p string) (string, bool) {
	rel, err := filepath.Rel(root, p)
	if err != nil {
		return "", false
	}
	if rel == "." {
		return "", true
	}
	if rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// evalExisting resolves symlinks in the longest existing prefix of p.
func evalExisting(p string) (string, error) {
	rest := ""
	for {
		real, err := filepath.EvalSymlinks(p)
		if err == nil {
			return filepath.Join(real, rest), nil
		}
		if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(p)
		if parent == p {
			return "", err
		}
		rest = filepath.Join(filepath.Base(p), rest)
		p = parent
	}
}

func inScope(p, rel string) bool {
	return rel == "" || p == rel || strings.HasPrefix(p, rel+"/")
}

func (r *Repo) abs(rel string) string {
	return filepath.Join(r.root, filepath.FromSlash(rel))
}

// treeFile is a non-directory tree entry.
type treeFile struct {
	mode filemode.FileMode
	hash plumbing.Hash
}

// headFiles lists HEAD's non-directory entries inside rel.
func (r *Repo) headFiles(rel string) (map[string]treeFile, error) {
	files := map[string]treeFile{}
	ref, err := r.repo.Head()
	if errors.Is(err, plumbing.ErrReferenceNotFound) {
		return files, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading HEAD: %w", err)
	}
	c, err := r.repo.CommitObject(ref.Hash())
	if err != nil {
		return nil, fmt.Errorf("reading HEAD commit: %w", err)
	}
	return r.commitFiles(c, rel, "HEAD")
}

// commitFiles lists the non-directory entries inside rel of commit c,
// called name in errors.
func (r *Repo) commitFiles(c *object.Commit, rel, name string) (map[string]treeFile, error) {
	files := map[string]treeFile{}
	t, err := c.Tree()
	if err != nil {
		return nil, fmt.Errorf("reading the tree of %s: %w", name, err)
	}
	prefix := ""
	if rel != "" {
		e, err := t.FindEntry(rel)
		if errors.Is(err, object.ErrEntryNotFound) || errors.Is(err, object.ErrDirectoryNotFound) {
			return files, nil
		}
		if err != nil {
			return nil, fmt.Errorf("reading %s in %s: %w", rel, name, err)
		}
		if e.Mode != filemode.Dir {
			files[rel] = treeFile{mode: e.Mode, hash: e.Hash}
			return files, nil
		}
		if t, err = r.repo.TreeObject(e.Hash); err != nil {
			return nil, fmt.Errorf("reading %s in %s: %w", rel, name, err)
		}
		prefix = rel
	}
	w := object.NewTreeWalker(t, true, nil)
	defer w.Close()
	for {
		p, e, err := w.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("reading the tree of %s: %w", name, err)
		}
		if e.Mode == filemode.Dir {
			continue
		}
		files[path.Join(prefix, p)] = treeFile{mode: e.Mode, hash: e.Hash}
	}
	return files, nil
}

type treeDir struct {
	files map[string]treeFile
	dirs  map[string]*treeDir
}

func newTreeDir() *treeDir {
	return &treeDir{files: map[string]treeFile{}, dirs: map[string]*treeDir{}}
}

// writeTree stores the trees for files (slash paths) and returns the root's
// hash.
func (r *Repo) writeTree(files map[string]treeFile) (plumbing.Hash, error) {
	root := newTreeDir()
	for p, f := range files {
		parts := strings.Split(p, "/")
		for _, part := range parts {
			if part == "" || part == "." || part == ".." || strings.EqualFold(part, ".git") {
				return plumbing.ZeroHash, fmt.Errorf("invalid path %q", p)
			}
		}
		d := root
		for _, name := range parts[:len(parts)-1] {
			if _, isFile := d.files[name]; isFile {
				return plumbing.ZeroHash, fmt.Errorf("%s is both a file and a directory", p)
			}
			sub := d.dirs[name]
			if sub == nil {
				sub = newTreeDir()
				d.dirs[name] = sub
			}
			d = sub
		}
		leaf := parts[len(parts)-1]
		if _, isDir := d.dirs[leaf]; isDir {
			return plumbing.ZeroHash, fmt.Errorf("%s is both a file and a directory", p)
		}
		d.files[leaf] = f
	}
	return r.storeTree(root)
}

func (r *Repo) storeTree(d *treeDir) (plumbing.Hash, error) {
	entries := make([]object.TreeEntry, 0, len(d.files)+len(d.dirs))
	for name, sub := range d.dirs {
		h, err := r.storeTree(sub)
		if err != nil {
			return plumbing.ZeroHash, err
		}
		entries = append(entries, object.TreeEntry{Name: name, Mode: filemode.Dir, Hash: h})
	}
	for name, f := range d.files {
		entries = append(entries, object.TreeEntry{Name: name, Mode: f.mode, Hash: f.hash})
	}
	// git orders tree entries by name, comparing directories as "name/".
	key := func(e object.TreeEntry) string {
		if e.Mode == filemode.Dir {
			return e.Name + "/"
		}
		return e.Name
	}
	sort.Slice(entries, func(i, j int) bool { return key(entries[i]) < key(entries[j]) })

	obj := r.repo.Storer.NewEncodedObject()
	if err := (&object.Tree{Entries: entries}).Encode(obj); err != nil {
		return plumbing.ZeroHash, fmt.Errorf("encoding tree: %w", err)
	}
	if r.repo.Storer.HasEncodedObject(obj.Hash()) == nil {
		return obj.Hash(), nil
	}
	h, err := r.repo.Storer.SetEncodedObject(obj)
	if err != nil {
		return plumbing.ZeroHash, fmt.Errorf("writing tree: %w", err)
	}
	return h, nil
}

// scan is the index state of one scope, plus the walk of its working tree.
type scan struct {
	r          *Repo
	rel        string
	idx        *index.Index
	tracked    map[string]*index.Entry // stage-0 entries in scope
	conflicted map[string]bool         // paths in scope with unmerged entries
	names      []string                // sorted names of all index entries in scope

	// Ignore patterns read once per scan (CommitPaths walks many paths).
	base      []gitignore.Pattern
	baseRead  bool
	ignoreFor map[string][]gitignore.Pattern // directory -> its .gitignore's patterns
}

func (r *Repo) newScan(rel string) (*scan, error) {
	idx, err := r.repo.Storer.Index()
	if err != nil {
		return nil, fmt.Errorf("reading git index: %w", err)
	}
	s := &scan{
		r:          r,
		rel:        rel,
		idx:        idx,
		tracked:    map[string]*index.Entry{},
		conflicted: map[string]bool{},
	}
	for _, e := range idx.Entries {
		if !inScope(e.Name, rel) {
			continue
		}
		s.names = append(s.names, e.Name)
		// Stage 0 is a normal entry. (go-git's index.Merged constant is 1,
		// which is AncestorMode; do not compare with it.)
		if e.Stage != 0 {
			s.conflicted[e.Name] = true
			continue
		}
		s.tracked[e.Name] = e
	}
	sort.Strings(s.names)
	return s, nil
}

// hasTrackedUnder reports whether the index has entries below directory dir.
func (s *scan) hasTrackedUnder(dir string) bool {
	i := sort.SearchStrings(s.names, dir+"/")
	return i < len(s.names) && strings.HasPrefix(s.names[i], dir+"/")
}

// wtFile is a working-tree path the walk reports: a regular file or symlink
// that is tracked or not ignored, a submodule checkout (gitlink) or a nested
// repository.
type wtFile struct {
	path    string
	info    fs.FileInfo
	gitlink bool
	nested  bool
}

// walk visits the working tree inside the scope, skipping .git, ignored
// untracked files and ignored directories without tracked files.
func (s *scan) walk(visit func(wtFile) error) error {
	info, err := os.Lstat(s.r.abs(s.rel))
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("reading %s: %w", s.rel, err)
	}
	if !s.baseRead {
		base, err := s.r.basePatterns()
		if err != nil {
			return err
		}
		s.base, s.baseRead = base, true
	}
	ps := s.base
	var parts []string
	if s.rel != "" {
		parts = strings.Split(s.rel, "/")
	}
	// Ignore files above the scope, and whether the scope itself lies in
	// an ignored directory.
	ignored := false
	for i := range parts {
		ps = s.withIgnoreFile(ps, parts[:i])
		if i < len(parts)-1 && !ignored {
			ignored = gitignore.NewMatcher(ps).Match(parts[:i+1], true)
		}
	}
	return s.visit(s.rel, parts, info, ps, ignored, visit)
}

func (s *scan) visit(p string, parts []string, info fs.FileInfo, ps []gitignore.Pattern, ignored bool, visit func(wtFile) error) error {
	switch {
	case info.IsDir():
		if e := s.tracked[p]; e != nil && e.Mode == filemode.Submodule {
			return visit(wtFile{path: p, info: info, gitlink: true})
		}
		if p != "" {
			ignored = ignored || gitignore.NewMatcher(ps).Match(parts, true)
			if _, err := os.Lstat(filepath.Join(s.r.abs(p), ".git")); err == nil {
				if ignored {
					return nil
				}
				return visit(wtFile{path: p, info: info, nested: true})
			}
			if ignored && !s.hasTrackedUnder(p) {
				return nil
			}
		}
		ps = s.withIgnoreFile(ps, parts)
		des, err := os.ReadDir(s.r.abs(p))
		if err != nil {
			return fmt.Errorf("reading %s: %w", s.r.abs(p), err)
		}
		for _, de := range des {
			name := de.Name()
			if name == ".git" {
				continue
			}
			ci, err := de.Info()
			if errors.Is(err, fs.ErrNotExist) { // removed while walking
				continue
			}
			if err != nil {
				return fmt.Errorf("reading %s: %w", s.r.abs(path.Join(p, name)), err)
			}
			cparts := append(parts[:len(parts):len(parts)], name)
			if err := s.visit(path.Join(p, name), cparts, ci, ps, ignored, visit); err != nil {
				return err
			}
		}
		return nil
	case info.Mode().IsRegular() || info.Mode()&fs.ModeSymlink != 0:
		if s.tracked[p] == nil && !s.conflicted[p] &&
			(ignored || gitignore.NewMatcher(ps).Match(parts, false)) {
			return nil
		}
		return visit(wtFile{path: p, info: info})
	default: // sockets, fifos, devices: git ignores them too
		return nil
	}
}

// matchesIndex reports whether the working-tree file has the content and
// mode recorded in e, trusting size and mtime unless the entry is racily
// clean (modified no earlier than the index was written).
func (s *scan) matchesIndex(f wtFile, e *index.Entry) (bool, error) {
	mode, err := filemode.NewFromOSFileMode(f.info.Mode())
	if err != nil || mode != e.Mode {
		return false, nil
	}
	if uint32(f.info.Size()) != e.Size {
		return false, nil
	}
	mt := f.info.ModTime()
	if mt.Equal(e.ModifiedAt) && !s.idx.ModTime.IsZero() && mt.Before(s.idx.ModTime) {
		return true, nil
	}
	data, err := readContent(s.r.abs(f.path), f.info)
	if err != nil {
		return false, fmt.Errorf("reading %s: %w", f.path, err)
	}
	return plumbing.ComputeHash(plumbing.BlobObject, data) == e.Hash, nil
}

// readContent returns what git stores for a file: its bytes, or a
// symlink's target.
func readContent(abs string, info fs.FileInfo) ([]byte, error) {
	if info.Mode()&fs.ModeSymlink != 0 {
		target, err := os.Readlink(abs)
		if err != nil {
			return nil, err
		}
		return []byte(filepath.ToSlash(target)), nil
	}
	return os.ReadFile(abs)
}

// basePatterns returns the ignore patterns that apply everywhere, lowest
// priority first: core.excludesfile, then .git/info/exclude.
func (r *Repo) basePatterns() ([]gitignore.Pattern, error) {
	var ps []gitignore.Pattern
	if f := r.excludesFile(); f != "" {
		if data, err := os.ReadFile(f); err == nil {
			ps = append(ps, parseIgnore(data, nil)...)
		}
	}
	if st, ok := r.repo.Storer.(*filesystem.Storage); ok {
		f, err := st.Filesystem().Open(path.Join("info", "exclude"))
		if err == nil {
			data, err := io.ReadAll(f)
			_ = f.Close()
			if err != nil {
				return nil, fmt.Errorf("reading .git/info/exclude: %w", err)
			}
			ps = append(ps, parseIgnore(data, nil)...)
		}
	}
	return ps, nil
}

// excludesFile returns core.excludesfile from the repository's or the
// global git config, or git's default ($XDG_CONFIG_HOME/git/ignore).
func (r *Repo) excludesFile() string {
	get := func(c *config.Config) string {
		if c == nil || c.Raw == nil {
			return ""
		}
		return c.Raw.Section("core").Option("excludesfile")
	}
	f := ""
	if c, err := r.repo.Config(); err == nil {
		f = get(c)
	}
	if f == "" {
		if c, err := config.LoadConfig(config.GlobalScope); err == nil {
			f = get(c)
		}
	}
	home, _ := os.UserHomeDir()
	if f == "" {
		if xdg := os.Getenv("XDG_CONFIG_HOME"); xdg != "" {
			return filepath.Join(xdg, "git", "ignore")
		}
		if home == "" {
			return ""
		}
		return filepath.Join(home, ".config", "git", "ignore")
	}
	if home != "" && (f == "~" || strings.HasPrefix(f, "~/")) {
		f = filepath.Join(home, f[1:])
	}
	return f
}

// withIgnoreFile is Repo.withIgnoreFile reading each directory's
// .gitignore once per scan.
func (s *scan) withIgnoreFile(ps []gitignore.Pattern, dir []string) []gitignore.Pattern {
	key := strings.Join(dir, "/")
	extra, ok := s.ignoreFor[key]
	if !ok {
		extra = s.r.withIgnoreFile(nil, dir)
		if s.ignoreFor == nil {
			s.ignoreFor = map[string][]gitignore.Pattern{}
		}
		s.ignoreFor[key] = extra
	}
	if len(extra) == 0 {
		return ps
	}
	return append(ps[:len(ps):len(ps)], extra...)
}

// withIgnoreFile returns ps plus the patterns of dir's .gitignore, without
// modifying ps's backing array.
func (r *Repo) withIgnoreFile(ps []gitignore.Pattern, dir []string) []gitignore.Pattern {
	data, err := os.ReadFile(filepath.Join(r.root, filepath.Join(dir...), ".gitignore"))
	if err != nil {
		return ps
	}
	extra := parseIgnore(data, dir)
	if len(extra) == 0 {
		return ps
	}
	return append(ps[:len(ps):len(ps)], extra...)
}

func parseIgnore(data []byte, domain []string) []gitignore.Pattern {
	var ps []gitignore.Pattern
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimSuffix(line, "\r")
		if strings.HasPrefix(line, "#") || strings.TrimSpace(line) == "" {
			continue
		}
		ps = append(ps, gitignore.ParsePattern(line, domain))
	}
	return ps
}
