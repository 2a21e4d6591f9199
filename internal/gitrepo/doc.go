// Package gitrepo owns renovate's interaction with the git repository that
// holds a dumped schema: finding or creating the repository, checking that
// the schema directory has no uncommitted changes before apply, reading HEAD,
// comparing the current branch with its remote-tracking branch, and
// committing the files that apply rewrote.
//
// Everything is done in-process with github.com/go-git/go-git/v5; the package
// never runs the git binary. Status and staging are implemented here on top of
// go-git's plumbing (index, objects, gitignore matcher) rather than with
// Worktree.Status and Worktree.Add, because those walk and hash the whole
// working tree (including ignored directories) on every call, only honour
// part of git's ignore rules, and cannot be limited to one directory.
//
// The package knows nothing about PostgreSQL, SQL files, plans or
// renovate.hcl: it must not import other renovate packages (internal/...),
// database drivers or CLI packages. Callers pass it directories and commit
// messages.
package gitrepo
