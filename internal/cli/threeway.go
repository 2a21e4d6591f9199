package cli

import (
	"errors"
	"path/filepath"

	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/internal/gitrepo"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/layout"
)

// dataBase is the base of a target's three-way data sync: the data files
// of the tables with a sync policy as they were at the commit last
// applied to the target (a fleet target by name, a single database by
// environment and database), read from git. Outside git, or with no
// recorded apply, the base is empty.
func dataBase(repo *gitrepo.Repo, dir string, sc engine.Scope, env, target, database string) (*engine.DataBase, error) {
	base := &engine.DataBase{Files: map[state.QualName][]byte{}}
	if repo == nil {
		return base, nil
	}
	commit, err := engine.LastAppliedCommit(dir, env, target, database)
	if err != nil || commit == "" {
		return base, err
	}
	base.Commit = commit
	for q, p := range sc.SyncPolicies {
		if !p.ThreeWay() {
			continue
		}
		b, err := repo.FileAt(commit, filepath.Join(dir, filepath.FromSlash(layout.DataPath(q))))
		if errors.Is(err, gitrepo.ErrNoFileAtCommit) {
			continue
		}
		if err != nil {
			return nil, err
		}
		base.Files[q] = b
	}
	return base, nil
}
