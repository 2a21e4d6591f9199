package cli

import (
	"context"
	"fmt"

	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/internal/gitrepo"
	"github.com/spf13/cobra"
)

// FetchOptions are the inputs of renovate fetch.
type FetchOptions struct {
	F *Factory
	targetFlags
	// Verify is the fidelity check: --verify and --shadow.
	Verify verifyFlags
	// Strict makes properties the files do not rebuild an error.
	Strict bool
}

// NewCmdFetch builds `renovate fetch`.
func NewCmdFetch(f *Factory, runF func(*FetchOptions) error) *cobra.Command {
	opts := &FetchOptions{F: f}
	c := &cobra.Command{
		Use:   "fetch",
		Short: "Rewrite the SQL files from the database",
		Long: `Rewrites the schema files from the live database, so changes made outside
renovate show up in git diff, and the data files (<schema>/data/<table>.sql) of
the tables renovate.hcl's data blocks name. Refuses when the directory is not in a git
repository, when it has uncommitted changes that would be overwritten, or when
the branch is behind its upstream (pull first). Then, as init does, it builds
the files in an empty scratch database and names every object and property of
the database they do not rebuild (--strict: an error; --verify=never skips).`,
		Example: `  renovate fetch
  renovate fetch --dir hello --env staging`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := opts.Verify.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runFetch(c.Context(), opts)
		},
	}
	addTargetFlags(c, &opts.targetFlags)
	addFidelityFlags(c, &opts.Verify)
	c.Flags().BoolVar(&opts.Strict, "strict", false, "fail (exit 1) when the files do not rebuild some property of the database")
	return c
}

func runFetch(ctx context.Context, opts *FetchOptions) error {
	f := opts.F
	if names, err := envList(opts.targetFlags); err != nil || names != nil {
		if err != nil {
			return err
		}
		return usageErrorf("--env %s names %d environments: fetch writes the files from one database; give one environment (--env %s)", opts.Env, len(names), names[0])
	}
	// An invalid renovate.hcl stops the command before anything else.
	tg, err := opts.resolve()
	if err != nil {
		return err
	}
	repo, err := gitrepo.Open(opts.Dir)
	if err != nil {
		return refused(err)
	}
	// An earlier apply that was killed, or could not record or commit,
	// left its record uncommitted: finish it (reposafety.go).
	if err := recoverRuns(ctx, f, repo, opts.Dir, tg); err != nil {
		return err
	}
	changes, err := repo.Status(opts.Dir)
	if err != nil {
		return err
	}
	var dirty []string
	for _, c := range changes {
		// Saved plans are not schema: fetch leaves them alone.
		if c.Kind == gitrepo.Untracked && isPlanFile(repo, c.Path) {
			continue
		}
		dirty = append(dirty, c.Path)
	}
	if len(dirty) > 0 {
		return refused(fmt.Errorf("uncommitted changes in %s would be overwritten: %v; commit or stash them first", opts.Dir, dirty))
	}
	if behind, upstream, err := repo.Behind(); err != nil {
		return err
	} else if behind > 0 {
		return refused(fmt.Errorf("the branch is %d commit(s) behind %s; pull first so the fetch does not undo newer changes", behind, upstream))
	}
	// The scratch database of the fidelity check starts while the
	// catalog is read.
	opts.Verify.prepare(ctx, opts.targetFlags)
	defer opts.Verify.discard()
	dsn := tg.DSN
	prog := newProgress(f.IO) // progress.go: a status line on a terminal's stderr
	defer prog.Done()
	prog.Phase("Connecting to " + describeDSN(dsn))
	conn, err := f.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	prog.Phase("Reading the database catalog")
	remote, err := engine.LoadRemoteScoped(ctx, conn, nil, tg.Scope)
	if err != nil {
		return err
	}
	prog.Phase("Writing the schema files")
	touched, err := engine.RefreshFiles(ctx, conn, opts.Dir, remote.Raw, tg.Scope)
	prog.Done()
	if err != nil {
		return err
	}
	if len(touched) == 0 {
		f.IO.Infof("Files are up to date with the database.\n")
	} else {
		for _, p := range touched {
			f.IO.Infof("  %s\n", p)
		}
		f.IO.Infof("Rewrote %d file(s) from %s; review with git diff and commit.\n", len(touched), describeDSN(dsn))
	}
	// Files that did not change can still miss a property the database
	// gained: the check runs every time.
	return checkFidelity(ctx, f, opts.Verify, opts.targetFlags, tg.Scope, conn, opts.Strict)
}
