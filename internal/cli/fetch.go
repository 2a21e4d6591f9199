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
}

// NewCmdFetch builds `renovate fetch`.
func NewCmdFetch(f *Factory, runF func(*FetchOptions) error) *cobra.Command {
	opts := &FetchOptions{F: f}
	c := &cobra.Command{
		Use:   "fetch",
		Short: "Rewrite the SQL files from the database",
		Long: `Rewrites the schema files from the live database, so changes made outside
renovate show up in git diff. Refuses when the directory is not in a git
repository, when it has uncommitted changes that would be overwritten, or when
the branch is behind its upstream (pull first).`,
		Example: `  renovate fetch
  renovate fetch --dir hello --env staging`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if runF != nil {
				return runF(opts)
			}
			return runFetch(c.Context(), opts)
		},
	}
	addTargetFlags(c, &opts.targetFlags)
	return c
}

func runFetch(ctx context.Context, opts *FetchOptions) error {
	f := opts.F
	// An invalid renovate.hcl stops the command before anything else.
	tg, err := opts.resolve()
	if err != nil {
		return err
	}
	repo, err := gitrepo.Open(opts.Dir)
	if err != nil {
		return refused(err)
	}
	if dirty, err := repo.Dirty(opts.Dir); err != nil {
		return err
	} else if len(dirty) > 0 {
		return refused(fmt.Errorf("uncommitted changes in %s would be overwritten: %v; commit or stash them first", opts.Dir, dirty))
	}
	if behind, upstream, err := repo.Behind(); err != nil {
		return err
	} else if behind > 0 {
		return refused(fmt.Errorf("the branch is %d commit(s) behind %s; pull first so the fetch does not undo newer changes", behind, upstream))
	}
	dsn := tg.DSN
	conn, err := f.Connect(ctx, dsn)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	remote, err := engine.LoadRemote(ctx, conn)
	if err != nil {
		return err
	}
	touched, err := engine.WriteScoped(opts.Dir, remote.Raw, tg.Scope)
	if err != nil {
		return err
	}
	if len(touched) == 0 {
		fmt.Fprintln(f.IO.Out, "Files are up to date with the database.")
		return nil
	}
	for _, p := range touched {
		fmt.Fprintf(f.IO.Out, "  %s\n", p)
	}
	fmt.Fprintf(f.IO.Out, "Rewrote %d file(s) from %s; review with git diff and commit.\n", len(touched), describeDSN(dsn))
	return nil
}
