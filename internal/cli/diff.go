package cli

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/spf13/cobra"
)

// DiffOptions are the inputs of renovate diff.
type DiffOptions struct {
	F *Factory
	// Dir holds the renovate.hcl that env:NAME sources refer to.
	Dir              string
	From, To         string
	Format           string
	DetailedExitcode bool
}

// NewCmdDiff builds `renovate diff`.
func NewCmdDiff(f *Factory, runF func(*DiffOptions) error) *cobra.Command {
	opts := &DiffOptions{F: f}
	c := &cobra.Command{
		Use:   "diff --from SOURCE --to SOURCE",
		Short: "Show the SQL that would make one database or directory like another",
		Long: `Compares two sources and prints the plan that would make --to like --from,
with the same output as renovate plan. A source is a directory of SQL files,
a connection string (URL or key=value), or env:NAME for an environment of the
renovate.hcl in --dir. At least one source must be a live database.
--to env:NAME of a fleet environment compares every target with --from and
names the targets that differ, grouping identical differences.

Filters and variables come from the --to environment, else the --from one,
else the default environment of renovate.hcl, when there is one. Nothing is
changed anywhere.`,
		Example: `  renovate diff --from env:staging --to env:production
  renovate diff --from . --to postgres://app@localhost/hello
  renovate diff --from env:production --to ./schema --format sql`,
		Args: noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			if opts.From == "" || opts.To == "" {
				return usageErrorf("renovate diff needs --from and --to")
			}
			switch opts.Format {
			case "", "text", "sql":
			default:
				return usageErrorf("--format must be text or sql, got %q", opts.Format)
			}
			if runF != nil {
				return runF(opts)
			}
			return runDiff(c.Context(), opts)
		},
	}
	c.Flags().StringVar(&opts.From, "from", "", "the source whose schema is wanted: a directory, a connection string, or env:NAME")
	c.Flags().StringVar(&opts.To, "to", "", "the source to compare with it (what the plan would change)")
	c.Flags().StringVar(&opts.Dir, "dir", ".", "directory holding the renovate.hcl that env:NAME refers to")
	c.Flags().StringVar(&opts.Format, "format", "", "output format: text or sql (default: text on a terminal, sql otherwise)")
	c.Flags().BoolVar(&opts.DetailedExitcode, "detailed-exitcode", false, "exit 0 when the sources match, 2 when they differ, 1 on error")
	return c
}

// diffSource is a parsed --from or --to.
type diffSource struct {
	dir, dsn string
	env      *config.Environment
	label    string
	// fleet is set for env:NAME of a fleet environment (fleetdiff.go).
	fleet bool
}

func runDiff(ctx context.Context, opts *DiffOptions) error {
	f := opts.F
	cfg, err := config.Load(filepath.Join(opts.Dir, ConfigFile))
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err != nil {
		cfg = nil
	}
	from, err := parseDiffSource("--from", opts.From, cfg)
	if err != nil {
		return err
	}
	to, err := parseDiffSource("--to", opts.To, cfg)
	if err != nil {
		return err
	}
	if from.fleet {
		return usageErrorf("--from %s: a fleet has many databases; compare them with --to %s, or give one target's connection string", opts.From, opts.From)
	}
	if to.fleet {
		return runFleetDiff(ctx, opts, cfg, from, to)
	}
	if from.dsn == "" && to.dsn == "" {
		return usageErrorf("renovate diff: %v", engine.ErrNoDatabase)
	}
	var scope engine.Scope
	if cfg != nil {
		env := to.env
		if env == nil {
			env = from.env
		}
		if env == nil {
			env, _ = cfg.Environment("")
		}
		if scope, err = scopeOf(cfg, env); err != nil {
			return fmt.Errorf("%s: %w", cfg.Path, err)
		}
	}
	var conns []*pgx.Conn
	defer func() {
		for _, c := range conns {
			c.Close(context.Background())
		}
	}()
	// Directories first: bad files are reported before any connection.
	locals := map[string]*engine.Local{}
	for _, s := range []diffSource{from, to} {
		if s.dsn == "" && locals[s.dir] == nil {
			l, err := engine.LoadLocalScoped(s.dir, scope)
			if err != nil {
				return err
			}
			locals[s.dir] = l
		}
	}
	open := func(s diffSource) (engine.Source, error) {
		if s.dsn == "" {
			return engine.Source{Dir: s.dir, Local: locals[s.dir]}, nil
		}
		conn, err := f.Connect(ctx, s.dsn)
		if err != nil {
			return engine.Source{}, err
		}
		conns = append(conns, conn)
		return engine.Source{Conn: conn}, nil
	}
	fromSrc, err := open(from)
	if err != nil {
		return err
	}
	toSrc, err := open(to)
	if err != nil {
		return err
	}
	p, err := engine.DiffSources(ctx, fromSrc, toSrc, scope)
	if err != nil {
		return err
	}
	format := opts.Format
	if format == "" {
		format = "sql"
		if f.IO.OutTTY {
			format = "text"
		}
	}
	if format == "text" {
		fmt.Fprintf(f.IO.Out, "Changes that would make %s like %s:\n\n", to.label, from.label)
		if err := render.Text(f.IO.Out, p, render.TextOptions{Color: f.IO.OutTTY && f.Getenv("NO_COLOR") == ""}); err != nil {
			return err
		}
	} else {
		// Only the plan on stdout, so it can be saved and read as a plan.
		fmt.Fprintf(f.IO.ErrOut, "renovate diff: the statements that would make %s like %s\n", to.label, from.label)
		if err := render.SQL(f.IO.Out, p); err != nil {
			return err
		}
	}
	if opts.DetailedExitcode && !p.Empty() {
		return withCode(ExitChanges)
	}
	return nil
}

// parseDiffSource reads env:NAME, a connection string or a directory.
func parseDiffSource(flag, s string, cfg *config.Config) (diffSource, error) {
	if name, ok := strings.CutPrefix(s, "env:"); ok {
		if cfg == nil {
			return diffSource{}, usageErrorf("%s %s: no %s found (pass --dir)", flag, s, ConfigFile)
		}
		env, err := cfg.Environment(name)
		if err != nil {
			return diffSource{}, err
		}
		if name == "" {
			name = env.Name
		}
		if env.IsFleet() {
			return diffSource{env: env, fleet: true, label: "environment " + name}, nil
		}
		return diffSource{dsn: env.URL, env: env, label: "environment " + name}, nil
	}
	if strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://") {
		return diffSource{dsn: s, label: describeDSN(s)}, nil
	}
	if st, err := os.Stat(s); err == nil && st.IsDir() {
		return diffSource{dir: s, label: "directory " + s}, nil
	}
	if strings.Contains(s, "=") {
		return diffSource{dsn: s, label: describeDSN(s)}, nil
	}
	return diffSource{}, usageErrorf("%s %q is not a directory, a connection string or env:NAME", flag, config.Redact(s))
}
