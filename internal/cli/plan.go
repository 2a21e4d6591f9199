package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/internal/gitrepo"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/spf13/cobra"
)

// PlanOptions are the inputs of renovate plan.
type PlanOptions struct {
	F *Factory
	targetFlags
	Out              string
	DetailedExitcode bool
	Format           string
	// Strict makes objects renovate does not manage an error.
	Strict bool
	// Verify is plan verification (verify.go).
	Verify verifyFlags
}

// NewCmdPlan builds `renovate plan`.
func NewCmdPlan(f *Factory, runF func(*PlanOptions) error) *cobra.Command {
	opts := &PlanOptions{F: f}
	c := &cobra.Command{
		Use:   "plan",
		Short: "Show the SQL that would make the database match the files",
		Long: `Parses every .sql file under --dir (any layout) and the live database into
the same model, and prints per changed object a diff of its definition, then
the statements in dependency order, then their hazards. Objects in the
database but in no file are dropped: the files are the whole truth.

On a terminal the human view is printed; when stdout is redirected only the
runnable SQL is, so "renovate plan > plan.sql" saves a plan that apply -p can
run after review or hand edits.`,
		Example: `  renovate plan
  renovate plan -o plan.sql
  renovate plan --url postgres://app@localhost/hello --dir ./schema --detailed-exitcode`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			switch opts.Format {
			case "", "text", "sql":
			default:
				return usageErrorf("--format must be text or sql, got %q", opts.Format)
			}
			if err := opts.Verify.validate(); err != nil {
				return err
			}
			if runF != nil {
				return runF(opts)
			}
			return runPlan(c.Context(), opts)
		},
	}
	addTargetFlags(c, &opts.targetFlags)
	c.Flags().StringVarP(&opts.Out, "out", "o", "", "also save the plan as SQL to this file")
	c.Flags().BoolVar(&opts.DetailedExitcode, "detailed-exitcode", false, "exit 0 when there are no changes, 2 when there are, 1 on error")
	c.Flags().StringVar(&opts.Format, "format", "", "output format: text or sql (default: text on a terminal, sql otherwise)")
	c.Flags().BoolVar(&opts.Strict, "strict", false, "fail (exit 1) when the database holds objects of kinds renovate does not manage")
	addVerifyFlags(c, &opts.Verify, verifyNever)
	return c
}

// makePlan loads both sides and plans. The caller closes the connection.
func makePlan(ctx context.Context, f *Factory, t targetFlags) (*planner.Plan, *engine.Remote, *pgx.Conn, string, error) {
	dsn, err := t.resolveURL()
	if err != nil {
		return nil, nil, nil, "", err
	}
	// Bad local files are reported before any connection is made.
	local, err := engine.LoadLocalFiles(t.Dir)
	if err != nil {
		return nil, nil, nil, "", err
	}
	conn, err := f.Connect(ctx, dsn)
	if err != nil {
		return nil, nil, nil, "", err
	}
	remote, err := engine.LoadRemoteFor(ctx, conn, local)
	if err != nil {
		conn.Close(context.Background())
		return nil, nil, nil, "", err
	}
	p, err := engine.Plan(ctx, conn, local.Parsed, remote)
	if err != nil {
		conn.Close(context.Background())
		return nil, nil, nil, "", err
	}
	if repo, err := gitrepo.Open(t.Dir); err == nil {
		p.GitCommit, _ = repo.HeadCommit()
	} else if !errors.Is(err, gitrepo.ErrNotRepo) {
		conn.Close(context.Background())
		return nil, nil, nil, "", err
	}
	return p, remote, conn, dsn, nil
}

func runPlan(ctx context.Context, opts *PlanOptions) error {
	f := opts.F
	p, remote, conn, _, err := makePlan(ctx, f, opts.targetFlags)
	if err != nil {
		return err
	}
	conn.Close(context.Background())
	if err := reportUnmanaged(f, remote, opts.Strict); err != nil {
		return err
	}
	if err := verifyPlan(ctx, f, opts.Verify, opts.targetFlags, f.IO.ErrOut, nil, remote, p, false); err != nil {
		return err
	}
	if opts.Out != "" {
		var buf bytes.Buffer
		if err := render.SQL(&buf, p); err != nil {
			return err
		}
		if err := os.WriteFile(opts.Out, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("saving the plan: %w", err)
		}
	}
	format := opts.Format
	if format == "" {
		format = "sql"
		if f.IO.OutTTY {
			format = "text"
		}
	}
	if format == "text" {
		if err := render.Text(f.IO.Out, p, render.TextOptions{Color: f.IO.OutTTY && f.Getenv("NO_COLOR") == ""}); err != nil {
			return err
		}
		if opts.Out != "" {
			fmt.Fprintf(f.IO.Out, "Saved the plan to %s; apply it with: renovate apply -p %s\n", opts.Out, opts.Out)
		}
	} else if err := render.SQL(f.IO.Out, p); err != nil {
		return err
	}
	if opts.DetailedExitcode && !p.Empty() {
		return withCode(ExitChanges)
	}
	return nil
}
