package gitrepo

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/object"
)

// ErrNoFileAtCommit means a file did not exist at the commit asked for.
var ErrNoFileAtCommit = errors.New("no such file at that commit")

// FileAt returns the content of the file at p (absolute, or relative to
// the current directory, inside the working tree) as commit holds it:
// the three-way data sync reads a data file as it was last applied.
// A file the commit does not hold gives ErrNoFileAtCommit; an unknown
// commit ErrUnknownCommit.
func (r *Repo) FileAt(commit, p string) ([]byte, error) {
	abs, err := filepath.Abs(p)
	if err != nil {
		return nil, err
	}
	rel, ok := relInside(r.root, abs)
	if !ok {
		if ev, err := evalExisting(abs); err == nil {
			rel, ok = relInside(r.root, ev)
		}
	}
	if !ok {
		return nil, fmt.Errorf("%s is outside the repository", p)
	}
	c, err := r.repo.CommitObject(plumbing.NewHash(commit))
	if err != nil {
		return nil, fmt.Errorf("%w: %s", ErrUnknownCommit, commit)
	}
	f, err := c.File(filepath.ToSlash(rel))
	if errors.Is(err, object.ErrFileNotFound) {
		return nil, ErrNoFileAtCommit
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s at %.12s: %w", rel, commit, err)
	}
	rd, err := f.Reader()
	if err != nil {
		return nil, fmt.Errorf("reading %s at %.12s: %w", rel, commit, err)
	}
	defer rd.Close()
	return io.ReadAll(rd)
}

// CommitCount returns the number of commits reachable from HEAD (0 in a
// repository without commits).
func (r *Repo) CommitCount() (int, error) {
	head, err := r.HeadCommit()
	if err != nil || head == "" {
		return 0, err
	}
	seen, err := r.ancestors(plumbing.NewHash(head), nil)
	if err != nil {
		return 0, err
	}
	return len(seen), nil
}
