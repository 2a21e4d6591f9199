package cli

import (
	"errors"
	"fmt"
	"io/fs"
	"path/filepath"
	"slices"
	"strings"

	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/internal/filter"
)

// target is a resolved --dir / --url / --env: the database, the
// environment it belongs to and that environment's scope.
type target struct {
	DSN string
	// Env is the renovate.hcl environment, "" when none applies (--url
	// with no --env, and no default environment).
	Env   string
	Scope engine.Scope
}

// resolve reads renovate.hcl (an invalid file is an error naming
// file:line:col, before anything else happens) and picks the database:
// --url, else the environment's url. The environment is --env, else the
// default one; with --url and no default, only the global filters and
// the variables' defaults apply.
func (t targetFlags) resolve() (*target, error) {
	path := filepath.Join(t.Dir, ConfigFile)
	cfg, err := config.Load(path)
	if errors.Is(err, fs.ErrNotExist) {
		if t.URL != "" {
			if t.Env != "" {
				return nil, usageErrorf("--env %s: no %s in %s", t.Env, ConfigFile, t.Dir)
			}
			return &target{DSN: t.URL}, nil
		}
		return nil, usageErrorf("no database given: pass --url, or run inside a directory made by renovate init (no %s in %s)", ConfigFile, t.Dir)
	}
	if err != nil {
		return nil, err
	}
	selectEnv := cfg.Environment
	if t.URL != "" {
		selectEnv = cfg.Settings // the url is not needed
	}
	env, err := selectEnv(t.Env)
	if err != nil {
		if t.Env != "" || t.URL == "" {
			return nil, err
		}
		env = nil // --url alone, and no default environment
	}
	tg := &target{DSN: t.URL}
	if env != nil {
		tg.Env = env.Name
		if tg.DSN == "" {
			if env.IsFleet() {
				return nil, usageErrorf("environment %q is a fleet of databases, and this command works on one: give one target with --url", env.Name)
			}
			if env.URL == "" {
				return nil, fmt.Errorf("%s: environment %q has no url", path, env.Name)
			}
			tg.DSN = env.URL
		}
	}
	if tg.Scope, err = scopeOf(cfg, env); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return tg, nil
}

// scopeOf is the scope of env (nil: the global filters and the variables'
// defaults): global and per-environment patterns together.
func scopeOf(cfg *config.Config, env *config.Environment) (engine.Scope, error) {
	include, exclude := slices.Clone(cfg.Include), slices.Clone(cfg.Exclude)
	if env != nil {
		include = append(include, env.Include...)
		exclude = append(exclude, env.Exclude...)
	}
	f, err := filter.New(include, exclude)
	if err != nil {
		return engine.Scope{}, err
	}
	return engine.Scope{Filter: f, Vars: cfg.Values(env), Data: engine.ConfigData(cfg), SyncPolicies: engine.ConfigSyncPolicies(cfg),
		ManageOwners: cfg.ManageOwners(env)}, nil
}

// initScope is the scope for renovate init in dir: that of environment
// env in an existing renovate.hcl (else its default environment, else the
// global filters and the variables' defaults), or the zero scope when
// there is no renovate.hcl yet.
func initScope(dir, env string) (engine.Scope, error) {
	path := filepath.Join(dir, ConfigFile)
	cfg, err := config.Load(path)
	if errors.Is(err, fs.ErrNotExist) {
		return engine.Scope{}, nil
	}
	if err != nil {
		return engine.Scope{}, err
	}
	e, err := cfg.Environment(env)
	if err != nil {
		if e, err = cfg.Environment(""); err != nil {
			e = nil
		}
	}
	sc, err := scopeOf(cfg, e)
	if err != nil {
		return engine.Scope{}, fmt.Errorf("%s: %w", path, err)
	}
	return sc, nil
}

// envList returns the environments a comma list in --env names, or nil
// when --env names one environment (or none). It refuses --url with a
// list, empty names and repeated ones.
func envList(t targetFlags) ([]string, error) {
	if !strings.Contains(t.Env, ",") {
		return nil, nil
	}
	if t.URL != "" {
		return nil, usageErrorf("--env %s names several environments, each with its own database: drop --url", t.Env)
	}
	var names []string
	for _, n := range strings.Split(t.Env, ",") {
		n = strings.TrimSpace(n)
		if n == "" || slices.Contains(names, n) {
			return nil, usageErrorf("--env %s: give each environment once, separated by commas", t.Env)
		}
		names = append(names, n)
	}
	return names, nil
}
