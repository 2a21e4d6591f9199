package cli

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
	"github.com/spf13/cobra"
)

// InitOptions are the inputs of renovate init.
type InitOptions struct {
	F      *Factory
	Source string
	Dir    string
	Env    string
	// Strict makes objects renovate does not manage, and properties the
	// files do not rebuild, an error.
	Strict bool
	// Verify is the fidelity check: --verify and --shadow.
	Verify verifyFlags
}

// NewCmdInit builds `renovate init`.
func NewCmdInit(f *Factory, runF func(*InitOptions) error) *cobra.Command {
	opts := &InitOptions{F: f}
	c := &cobra.Command{
		Use:   "init --source URL [--dir DIR]",
		Short: "Dump a database into a new git repository of SQL files",
		Long: `Connects to the database, writes one canonical SQL file per object
(renovate.hcl, extensions.sql, <schema>/schema.sql, <schema>/tables/<table>.sql,
<schema>/sequences/<seq>.sql, <schema>/types/<type>.sql), makes the directory a
git repository if it is not inside one, and commits. When the directory already
has a renovate.hcl with data blocks, the rows of those tables are written to
<schema>/data/<table>.sql too.

Before committing, init proves the files are the whole truth: it builds them
in an empty scratch database (the shadow in renovate.hcl or --shadow, else a
throwaway local PostgreSQL) and compares its catalog with the database's. Every
object and property that did not survive is named in a warning (--strict: an
error). --verify=never skips the check.

The connection string is stored in renovate.hcl without its password: give
passwords through PGPASSWORD or ~/.pgpass.`,
		Example: `  renovate init --source postgres://app@localhost:5432/hello
  renovate init --source "host=db.internal dbname=shop user=app" --dir shop-schema`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if opts.Source == "" {
				return usageErrorf("renovate init needs --source, the database to dump")
			}
			if err := opts.Verify.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runInit(c.Context(), opts)
		},
	}
	c.Flags().StringVar(&opts.Source, "source", "", "database to dump (URL or key=value connection string)")
	c.Flags().StringVar(&opts.Dir, "dir", "", "directory to write (default: ./<database name>)")
	c.Flags().StringVar(&opts.Env, "env", "default", "name of the environment recorded in renovate.hcl")
	c.Flags().BoolVar(&opts.Strict, "strict", false, "fail (exit 1) when the database holds objects of kinds renovate does not manage, or properties the files do not rebuild")
	addFidelityFlags(c, &opts.Verify)
	return c
}

func runInit(ctx context.Context, opts *InitOptions) error {
	f := opts.F
	dir := opts.Dir
	if dir == "" {
		cfg, err := catalog.ConnConfig(opts.Source)
		if err != nil {
			// The error gives the reason, never the connection string.
			return usageErrorf("invalid --source: %v", err)
		}
		if cfg.Database == "" {
			return usageErrorf("--source names no database; pass --dir")
		}
		dir = cfg.Database
	}
	if existing, err := layout.Load(dir); err == nil && len(existing) > 0 {
		return fmt.Errorf("%s already holds .sql files (%s ...); use renovate fetch to refresh them", dir, existing[0].Path)
	}
	// A renovate.hcl written beforehand chooses what is dumped (filters)
	// and how (variable references).
	scope, err := initScope(dir, opts.Env)
	if err != nil {
		return err
	}
	// The scratch database of the fidelity check starts while the
	// catalog is read and the files written.
	opts.Verify.prepare(ctx, targetFlags{Dir: dir, Env: opts.Env})
	defer opts.Verify.discard()
	prog := newProgress(f.IO) // progress.go: a status line on a terminal's stderr
	defer prog.Done()
	prog.Phase("Connecting to " + describeDSN(opts.Source))
	conn, err := f.Connect(ctx, opts.Source)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	prog.Phase("Reading the database catalog")
	in, err := engine.Introspect(ctx, conn)
	prog.Done()
	if err != nil {
		return err
	}
	// The database's text is parsed back (for the summary, and so that
	// the fidelity check and the first plan find it in the parse cache)
	// while its files are written; wait is called on every way out.
	early, wait := in.RemoteBeside(scope)
	defer func() { _, _ = wait() }()
	if err := reportUnmanaged(f, early, opts.Strict); err != nil {
		return err
	}
	// A failed init leaves nothing behind: what it made is removed, so
	// init can simply be run again (initcleanup in reposafety.go).
	undo, err := newInitUndo(dir)
	if err != nil {
		return err
	}
	ok := false
	defer func() {
		if !ok {
			undo.run()
		}
	}()
	prog.Phase("Writing the schema files")
	written, err := engine.RefreshFiles(ctx, conn, dir, early.Raw, scope)
	undo.files(written...)
	if err != nil {
		return fmt.Errorf("writing the schema files: %w (nothing was kept)", err)
	}
	cfgPath := filepath.Join(dir, ConfigFile)
	if _, err := os.Stat(cfgPath); os.IsNotExist(err) {
		hcl, err := config.Render(opts.Env, opts.Source)
		if err != nil {
			return err
		}
		undo.files(ConfigFile)
		if err := os.WriteFile(cfgPath, hcl, 0o644); err != nil {
			return fmt.Errorf("writing %s: %w", cfgPath, err)
		}
	}
	remote, err := wait()
	if err != nil {
		return fmt.Errorf("%w (nothing was kept)", err)
	}
	if err := checkFidelity(ctx, f, opts.Verify, targetFlags{Dir: dir, Env: opts.Env}, scope, conn, opts.Strict); err != nil {
		return err
	}
	if err := undo.ensureGitignore(); err != nil {
		return err
	}
	repo, err := undo.initRepo()
	if err != nil {
		return err
	}
	prog.Phase("Committing")
	// Only what init wrote is committed: whatever else the directory
	// holds (a .env, notes, build output) stays out of git.
	paths := []string{cfgPath, filepath.Join(dir, ".gitignore")}
	for _, p := range written {
		paths = append(paths, filepath.Join(dir, filepath.FromSlash(p)))
	}
	commit, _, err := repo.CommitPaths(paths, "renovate init: "+describeDSN(opts.Source), f.Now())
	prog.Done()
	if err != nil {
		return fmt.Errorf("committing: %w (nothing was kept)", err)
	}
	ok = true
	f.IO.Infof("Wrote %d files to %s: %s.\n", len(written)+1, dir, summarize(scope.Filter.Apply(remote.Schema)))
	if commit != "" {
		f.IO.Infof("Committed %.7s in %s.\n", commit, repo.Root())
	}
	if secrets := secretFiles(dir); len(secrets) > 0 {
		fmt.Fprintf(f.IO.ErrOut, "Warning: these files look like secrets and were not committed (.gitignore keeps them out of git):\n  %s\n", strings.Join(secrets, "\n  "))
	}
	noteOwners(f, remote)
	f.IO.Infof("Next: edit the files, commit, then run renovate plan and renovate apply in %s.\n", dir)
	return nil
}

// summarize counts a schema's objects by kind: "2 schemas, 5 tables, ...".
func summarize(s state.DatabaseSchema) string {
	counts := map[string]int{
		"extension": len(s.Extensions), "schema": len(s.Schemas), "type": len(s.Types),
		"sequence": len(s.Sequences), "table": len(s.Tables), "collation": len(s.Collations),
	}
	for _, t := range s.Tables {
		counts["index"] += len(t.Indexes)
		counts["constraint"] += len(t.Constraints)
	}
	var parts []string
	for _, k := range []string{"schema", "extension", "collation", "type", "sequence", "table", "constraint", "index"} {
		n := counts[k]
		if k == "collation" && n == 0 {
			continue // rare: only named when there are some
		}
		word := k + "s"
		if k == "index" {
			word = "indexes"
		}
		if n == 1 {
			word = k
		}
		parts = append(parts, fmt.Sprintf("%d %s", n, word))
	}
	return strings.Join(parts, ", ")
}
