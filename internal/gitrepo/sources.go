package gitrepo

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// ErrUnknownCommit is matched by the error ChangedSince returns when the
// commit is not in the repository.
var ErrUnknownCommit = errors.New("commit not found in the repository")

// ChangedSince lists the files inside under (absolute or relative to the
// current directory) whose content or mode differ between commit and HEAD,
// or that only one of them holds, leaving out those skip (when not nil)
// accepts; paths are relative to under, slash-separated and sorted. It
// fails with an error matching ErrUnknownCommit when commit is not a
// commit of this repository.
func (r *Repo) ChangedSince(commit, under string, skip func(rel string) bool) ([]string, error) {
	rel, err := r.scope(under)
	if err != nil {
		return nil, err
	}
	c, err := r.commit(commit)
	if err != nil {
		return nil, err
	}
	then, err := r.commitFiles(c, rel, commit[:12])
	if err != nil {
		return nil, err
	}
	now, err := r.headFiles(rel)
	if err != nil {
		return nil, err
	}
	return diffFiles(then, now, rel, skip), nil
}

// commit reads the commit of hex hash h.
func (r *Repo) commit(h string) (*object.Commit, error) {
	hash := plumbing.NewHash(h)
	if len(h) != 40 || hash.String() != strings.ToLower(h) {
		return nil, fmt.Errorf("%q: %w", h, ErrUnknownCommit)
	}
	c, err := r.repo.CommitObject(hash)
	if errors.Is(err, plumbing.ErrObjectNotFound) {
		return nil, fmt.Errorf("%.12s: %w", h, ErrUnknownCommit)
	}
	if err != nil {
		return nil, fmt.Errorf("reading commit %.12s: %w", h, err)
	}
	return c, nil
}

// Commit is one commit of the history, as CommitsSince lists them.
type Commit struct {
	Hash, Message string
	// Changed are the files inside the scope CommitsSince was given that
	// the commit changed (relative to it), skipped ones left out.
	Changed []string
}

// CommitsSince lists the commits from HEAD back to ancestor (exclusive),
// following first parents, newest first, each with the files inside
// under it changed. It fails with ErrUnknownCommit when ancestor is not
// a commit of the repository, and says so when it is not on HEAD's
// first-parent history.
func (r *Repo) CommitsSince(ancestor, under string, skip func(rel string) bool) ([]Commit, error) {
	rel, err := r.scope(under)
	if err != nil {
		return nil, err
	}
	if _, err := r.commit(ancestor); err != nil {
		return nil, err
	}
	head, err := r.HeadCommit()
	if err != nil {
		return nil, err
	}
	var out []Commit
	for h := head; h != ancestor; {
		if h == "" {
			return nil, fmt.Errorf("commit %.12s is not in the history of HEAD", ancestor)
		}
		c, err := r.commit(h)
		if err != nil {
			return nil, err
		}
		files, err := r.commitFiles(c, rel, h[:12])
		if err != nil {
			return nil, err
		}
		before := map[string]treeFile{}
		next := ""
		if len(c.ParentHashes) > 0 {
			next = c.ParentHashes[0].String()
			p, err := r.commit(next)
			if err != nil {
				return nil, err
			}
			if before, err = r.commitFiles(p, rel, next[:12]); err != nil {
				return nil, err
			}
		}
		out = append(out, Commit{Hash: h, Message: c.Message, Changed: diffFiles(before, files, rel, skip)})
		h = next
	}
	return out, nil
}

// diffFiles lists the paths (relative to rel) that differ between two
// file lists, skipped ones left out, sorted.
func diffFiles(then, now map[string]treeFile, rel string, skip func(string) bool) []string {
	strip := func(p string) string {
		if rel == "" {
			return p
		}
		return strings.TrimPrefix(strings.TrimPrefix(p, rel), "/")
	}
	seen := map[string]bool{}
	var out []string
	add := func(p string) {
		s := strip(p)
		if seen[s] || (skip != nil && skip(s)) {
			return
		}
		seen[s] = true
		out = append(out, s)
	}
	for p, f := range then {
		if g, ok := now[p]; !ok || g != f {
			add(p)
		}
	}
	for p := range now {
		if _, ok := then[p]; !ok {
			add(p)
		}
	}
	sort.Strings(out)
	return out
}

// SourceProblem is one file a command would read that the repository's
// commit does not hold.
type SourceProblem struct {
	// Path is relative to the repository root, slash-separated.
	Path string
	// Reason says why: "untracked", "ignored by git", "a link to ...
	// outside the repository", ...
	Reason string
}

// UntrackedSourcesError lists the files a command would read that are not
// what the commit holds. It matches ErrDirty: like uncommitted changes,
// they are schema that no commit records.
type UntrackedSourcesError struct {
	Problems []SourceProblem
}

// Error implements error.
func (e *UntrackedSourcesError) Error() string {
	var b strings.Builder
	b.WriteString("these files would be read but are not in git, so no commit records them:")
	for _, p := range e.Problems {
		fmt.Fprintf(&b, "\n  %s: %s", p.Path, p.Reason)
	}
	b.WriteString("\ngit add and commit them, or move them out of the schema directory")
	return b.String()
}

// Is makes errors.Is(err, ErrDirty) true.
func (e *UntrackedSourcesError) Is(target error) bool { return target == ErrDirty }

// CheckSources checks that every file in paths (absolute, or relative to
// the current directory), the files a command reads, is one git tracks:
// a file that is untracked or ignored, or a symbolic link (or a file
// below one) that resolves outside the repository or to a file git does
// not track, is reported in an *UntrackedSourcesError. Files outside the
// repository altogether are reported too.
func (r *Repo) CheckSources(paths []string) error {
	idx, err := r.repo.Storer.Index()
	if err != nil {
		return fmt.Errorf("reading git index: %w", err)
	}
	tracked := map[string]bool{}
	for _, e := range idx.Entries {
		tracked[e.Name] = true
	}
	realRoot, err := filepath.EvalSymlinks(r.root)
	if err != nil {
		return fmt.Errorf("resolving %s: %w", r.root, err)
	}
	// Relative paths are taken from the working directory, read once
	// (filepath.Abs would read it for every path).
	cwd, cwdErr := os.Getwd()
	resolve := newResolver()
	var problems []SourceProblem
	for _, p := range paths {
		if cwdErr == nil && !filepath.IsAbs(p) {
			p = filepath.Join(cwd, p)
		}
		rel, err := r.scope(p)
		if err != nil {
			problems = append(problems, SourceProblem{Path: p, Reason: "outside the git repository"})
			continue
		}
		if !tracked[rel] {
			reason := "untracked"
			if r.ignored(rel) {
				reason = "ignored by git"
			}
			problems = append(problems, SourceProblem{Path: rel, Reason: reason})
			continue
		}
		// Where the content really comes from: the file itself, unless it
		// (or a directory on its way) is a link.
		abs := r.abs(rel)
		real, err := resolve(abs)
		if err != nil {
			problems = append(problems, SourceProblem{Path: rel, Reason: fmt.Sprintf("cannot be resolved: %v", err)})
			continue
		}
		realRel, inside := relInside(realRoot, real)
		if !inside {
			problems = append(problems, SourceProblem{Path: rel, Reason: "a link to " + real + ", outside the repository"})
			continue
		}
		if realRel != rel && !tracked[realRel] {
			problems = append(problems, SourceProblem{Path: rel, Reason: "a link to " + realRel + ", which git does not track"})
			continue
		}
		if realRel != rel {
			// The target's uncommitted changes would be read too.
			changes, err := r.Status(real)
			if err != nil {
				return err
			}
			if len(changes) > 0 {
				problems = append(problems, SourceProblem{Path: rel, Reason: "a link to " + realRel + ", which has uncommitted changes"})
			}
		}
	}
	if len(problems) > 0 {
		sort.Slice(problems, func(i, j int) bool { return problems[i].Path < problems[j].Path })
		return &UntrackedSourcesError{Problems: problems}
	}
	return nil
}

// ignored reports whether git ignores the untracked file rel.
func (r *Repo) ignored(rel string) bool {
	ps, err := r.basePatterns()
	if err != nil {
		return false
	}
	parts := strings.Split(rel, "/")
	for i := range parts {
		ps = r.withIgnoreFile(ps, parts[:i])
		if i < len(parts)-1 && gitignore.NewMatcher(ps).Match(parts[:i+1], true) {
			return true
		}
	}
	return gitignore.NewMatcher(ps).Match(parts, false)
}

// Rel returns under (absolute or relative to the current directory) as a
// slash-separated path relative to the repository root ("" for the root).
func (r *Repo) Rel(under string) (string, error) { return r.scope(under) }

// newResolver returns filepath.EvalSymlinks for files of the same few
// directories: a file that is not a link resolves to its directory's real
// path (resolved once per directory, not once per file and component)
// joined with its name; a link is resolved as EvalSymlinks does.
func newResolver() func(abs string) (string, error) {
	realDirs := map[string]string{}
	return func(abs string) (string, error) {
		info, err := os.Lstat(abs)
		if err != nil {
			return "", err
		}
		if info.Mode()&fs.ModeSymlink != 0 {
			return filepath.EvalSymlinks(abs)
		}
		dir := filepath.Dir(abs)
		realDir, ok := realDirs[dir]
		if !ok {
			if realDir, err = filepath.EvalSymlinks(dir); err != nil {
				return "", err
			}
			realDirs[dir] = realDir
		}
		return filepath.Join(realDir, filepath.Base(abs)), nil
	}
}
