package cli

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/internal/gitrepo"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
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
	// Color is --color: auto, always or never (color.go).
	Color string
	// FailOnHazard lists hazard kinds (or "any") that make plan exit 3
	// after printing the plan, for CI.
	FailOnHazard []string
	safeFlags
	// Verify is plan verification (verify.go).
	Verify verifyFlags
	// Parallel bounds how many targets of a fleet are planned at once.
	Parallel int
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
database but in no file are dropped: the files are the whole truth. The rows
of the data tables renovate.hcl names are compared by key with their data
files (<schema>/data/<table>.sql): INSERT, UPDATE and DELETE steps.

On a terminal the human view is printed; when stdout is redirected only the
runnable SQL is, so "renovate plan > plan.sql" saves a plan that apply -p can
run after review or hand edits. Keep saved plans in .renovate/ (init lists it
in .gitignore); renovate never commits a plan file. In a git repository, plan
reads only files git tracks: an untracked or ignored .sql file, or a link out
of the repository, is refused by name.

On a terminal, and in CI (the CI environment variable set), the plan is
verified on a scratch copy of the database when one can be had (--verify
auto); elsewhere only with --verify. RENOVATE_VERIFY=auto|always|never sets
that default. References to tables and types that
neither the files nor the database define are errors either way.

For a fleet environment (urls, target blocks or a targets_query in
renovate.hcl), every target is planned (--parallel at once) and identical
plans are grouped: "17 targets: plan A (2 steps)", the targets with no
changes, the drifted ones (whose schema differs from most targets') and
those that could not be planned; each distinct plan is printed once.
Data tables synced three-way (on_conflict, target_only) list their
conflicts per target and row.

--env A,B names a publisher and its subscribers (subscribes_to in
renovate.hcl): each database is planned and one plan is printed across them,
in the order apply runs it: additive changes on the subscribers, the
publisher's plan, the subscribers' removals, then their subscriptions
(ALTER SUBSCRIPTION ... REFRESH PUBLICATION when the publication's tables
change). A chain (an environment that subscribes to one of the list and
publishes to another) is ordered down and up the chain: additive changes
deepest first, removals and refreshes from the top down.`,
		Example: `  renovate plan
  renovate plan -o .renovate/plan.sql
  renovate plan --url postgres://app@localhost/hello --dir ./schema --detailed-exitcode
  renovate plan --env tenants --format json
  renovate plan --env source,replica`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if err := checkFormat(opts.Format); err != nil {
				return err
			}
			if err := checkColor(opts.Color); err != nil {
				return err
			}
			if err := checkFailOnHazard(opts.FailOnHazard); err != nil {
				return err
			}
			if !c.Flags().Changed("verify") {
				opts.Verify.Mode = planVerifyDefault(f)
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
	c.Flags().StringVar(&opts.Format, "format", "", "output format: text, sql, json or markdown (default: text on a terminal, sql otherwise)")
	addColorFlag(c, &opts.Color)
	c.Flags().StringSliceVar(&opts.FailOnHazard, "fail-on-hazard", nil, "exit 3 after printing the plan when a step has a hazard of these kinds (comma-separated, or any)")
	c.Flags().BoolVar(&opts.Strict, "strict", false, "fail (exit 1) when the database holds objects of kinds renovate does not manage")
	addOnlineFlag(c, &opts.safeFlags)
	addParallelFlag(c, &opts.Parallel, "planned")
	addVerifyFlags(c, &opts.Verify, verifyAuto)
	c.Flags().Lookup("verify").Usage = "run the plan on a scratch copy of the database first and check the result: auto (when a shadow database can be had), always, never (default: $RENOVATE_VERIFY, else auto on a terminal or in CI, never otherwise)"
	c.Flags().Lookup("verify").DefValue = ""
	return c
}

// planVerifyDefault is plan's --verify without the flag: auto where a
// person or a pull request reviews the plan (stdout a terminal, or CI
// set, as every CI service sets it), so what is reviewed was run on a
// copy; never when the plan is piped or saved by a script, which apply
// verifies again before it runs anything.
//
// RENOVATE_VERIFY (auto, always or never) overrides that default.
func planVerifyDefault(f *Factory) string {
	getenv := f.Getenv
	if getenv == nil { // a Factory built by hand in a test
		getenv = func(string) string { return "" }
	}
	if v := getenv("RENOVATE_VERIFY"); v != "" {
		return v
	}
	if f.IO.OutTTY {
		return verifyAuto
	}
	if v := getenv("CI"); v != "" && v != "false" && v != "0" {
		return verifyAuto
	}
	return verifyNever
}

// makePlan loads both sides and plans. The caller closes the connection.
func makePlan(ctx context.Context, f *Factory, t targetFlags, v *verifyFlags, opts ...engine.PlanOption) (*planner.Plan, *engine.Remote, *pgx.Conn, string, error) {
	tg, err := t.resolve()
	if err != nil {
		return nil, nil, nil, "", err
	}
	dsn := tg.DSN
	prog := newProgress(f.IO) // progress.go: a status line on a terminal's stderr
	defer prog.Done()
	prog.Phase("Reading the schema files and the database catalog")
	// The database's catalog is read while the files are parsed (one
	// waits on the server, the other uses the CPU). Bad local files are
	// reported first, whatever the connection did.
	type introduced struct {
		conn  *pgx.Conn
		intro *engine.Introspection
		err   error
	}
	ch := make(chan introduced, 1)
	go func() {
		var got introduced
		defer func() { ch <- got }()
		defer recovered(&got.err)
		if got.conn, got.err = f.Connect(ctx, dsn); got.err != nil {
			return
		}
		got.intro, got.err = engine.IntrospectCached(ctx, got.conn)
	}()
	local, localErr := engine.LoadLocalScoped(t.Dir, tg.Scope)
	// What git says of the files needs no database either: it is worked
	// out while the catalog is still being read, and its errors are
	// reported where they were before (after the connection's).
	var (
		repo      *gitrepo.Repo
		repoErr   error
		commit    string
		commitErr error
	)
	if localErr == nil {
		repo, repoErr = openPlanRepo(t.Dir, local.Files, tg.Scope)
		if repo != nil && repoErr == nil {
			commit, commitErr = planCommit(repo, t.Dir)
		}
	}
	got := <-ch
	conn := got.conn
	if localErr != nil || got.err != nil {
		if conn != nil {
			conn.Close(context.Background())
		}
		if localErr != nil {
			return nil, nil, nil, "", localErr
		}
		return nil, nil, nil, "", got.err
	}
	if repoErr != nil {
		conn.Close(context.Background())
		return nil, nil, nil, "", repoErr
	}
	remote, err := got.intro.Remote(local, tg.Scope)
	if err != nil {
		conn.Close(context.Background())
		return nil, nil, nil, "", err
	}
	// A copy of this database kept by an earlier verification starts
	// being cloned while the plan is made (shadow's spare.go).
	v.warm(remote.Fingerprint)
	prog.Phase("Planning")
	if len(tg.Scope.SyncPolicies) > 0 {
		// Three-way data sync: the base is what was last applied here
		// (threeway.go).
		base, err := dataBase(repo, t.Dir, tg.Scope, tg.Env, "", describeDSN(dsn))
		if err != nil {
			conn.Close(context.Background())
			return nil, nil, nil, "", err
		}
		opts = append(opts, engine.WithThreeWay(tg.Scope.SyncPolicies, base, nil))
	}
	opts = append(opts, engine.WithData(tg.Scope.DataTables(), engine.DataSide{Dir: t.Dir}),
		engine.WithDataProgress(func(i, n int, table state.QualName) {
			prog.Phase(fmt.Sprintf("Comparing the rows of %s (data table %d of %d)", table, i, n))
		}))
	p, err := engine.Plan(ctx, conn, local.Parsed, remote, opts...)
	if err != nil {
		err = catalog.ExplainLockTimeout(ctx, conn, err) // a data table's rows, say
		conn.Close(context.Background())
		var conflict *engine.ConflictError
		if errors.As(err, &conflict) {
			err = refused(err)
		}
		return nil, nil, nil, "", err
	}
	// References to tables and types defined nowhere fail at apply;
	// say so now, whether or not the plan is verified.
	if err := engine.CheckReferences(ctx, conn, local.Parsed, remote); err != nil {
		conn.Close(context.Background())
		return nil, nil, nil, "", err
	}
	// The catalog read for this plan is kept for the next one, while its
	// stamp still holds (StoreCatalog).
	got.intro.StoreCatalog(ctx, conn)
	prog.Done()
	p.RenovateVersion = f.Version
	if repo != nil {
		if commitErr != nil {
			conn.Close(context.Background())
			return nil, nil, nil, "", commitErr
		}
		p.GitCommit = commit
	}
	return p, remote, conn, dsn, nil
}

// openPlanRepo opens the git repository holding dir, if any, and checks
// that git holds the files a plan reads (reposafety.go): nil and no error
// outside a repository.
func openPlanRepo(dir string, files []layout.File, sc engine.Scope) (*gitrepo.Repo, error) {
	repo, err := gitrepo.Open(dir)
	if errors.Is(err, gitrepo.ErrNotRepo) {
		return nil, nil
	}
	if err != nil {
		return nil, err
	}
	if err := checkSources(repo, dir, files, sc); err != nil {
		return nil, refused(err)
	}
	return repo, nil
}

func runPlan(ctx context.Context, opts *PlanOptions) error {
	f := opts.F
	if g, err := replicationOf(opts.targetFlags); err != nil || g != nil {
		if err != nil {
			return err
		}
		return runReplicationPlan(ctx, opts, g)
	}
	if fl, err := fleetOf(ctx, f, opts.targetFlags); err != nil || fl != nil {
		if err != nil {
			return err
		}
		return runFleetPlan(ctx, opts, fl)
	}
	po, err := opts.planOptions(opts.targetFlags)
	if err != nil {
		return err
	}
	// The scratch database of verification starts while the plan is
	// computed (a throwaway cluster takes a while).
	opts.Verify.prepare(ctx, opts.targetFlags)
	defer opts.Verify.discard()
	p, remote, conn, _, err := makePlan(ctx, f, opts.targetFlags, &opts.Verify, po...)
	if err != nil {
		return err
	}
	// Verification reads the target too (the rows of data tables, what
	// its unmanaged objects hold back): the connection stays open until
	// it is done.
	defer conn.Close(context.Background())
	if err := reportUnmanaged(f, remote, opts.Strict); err != nil {
		return err
	}
	if err := verifyPlan(ctx, f, opts.Verify, opts.targetFlags, f.IO.ErrOut, conn, remote, p, false); err != nil {
		return err
	}
	if opts.Out != "" {
		var buf bytes.Buffer
		if err := render.SQL(&buf, p); err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(opts.Out), 0o755); err != nil {
			return fmt.Errorf("saving the plan: %w", err)
		}
		if err := os.WriteFile(opts.Out, buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("saving the plan: %w", err)
		}
		if strings.HasSuffix(p.GitCommit, dirtySuffix) {
			fmt.Fprintf(f.IO.ErrOut, "Note: this plan was made from uncommitted changes; apply -p refuses it. Commit them, then save the plan again.\n")
		}
	}
	format := opts.Format
	if format == "" {
		format = formatSQL
		if f.IO.OutTTY {
			format = formatText
		}
	}
	switch format {
	case formatText:
		if err := render.Text(f.IO.Out, p, render.TextOptions{Color: useColor(opts.Color, f.IO.OutTTY, f.Getenv)}); err != nil {
			return err
		}
		if opts.Out != "" {
			f.IO.Infof("Saved the plan to %s; apply it with: renovate apply -p %s\n", opts.Out, opts.Out)
		}
		noteOwners(f, remote)
	case formatJSON:
		err = render.JSON(f.IO.Out, p)
	case formatMarkdown:
		err = render.Markdown(f.IO.Out, p)
	default:
		err = render.SQL(f.IO.Out, p)
	}
	if err != nil {
		return err
	}
	if err := failOnHazard(p, opts.FailOnHazard); err != nil {
		return err
	}
	if opts.DetailedExitcode && !p.Empty() {
		return withCode(ExitChanges)
	}
	return nil
}
