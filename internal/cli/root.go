package cli

import (
	"strings"

	"github.com/spf13/cobra"
)

// NewCmdRoot builds the renovate command tree.
func NewCmdRoot(f *Factory) *cobra.Command {
	root := &cobra.Command{
		Use:   "renovate",
		Short: "Manage a PostgreSQL schema as code",
		Long: `renovate keeps a PostgreSQL database's schema in a git repository of
per-object SQL files. Edit the files, review the plan, apply it.

  renovate init --source postgres://user@host:5432/hello   dump into ./hello, a git repository
  renovate plan                                           show the SQL that would run
  renovate apply                                          confirm, apply, record, refresh the files`,
		Example: `  renovate init --source postgres://app@localhost:5432/hello
  cd hello && renovate plan --detailed-exitcode
  RENOVATE_ENV=staging renovate apply -v`,
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetIn(f.IO.In)
	root.SetOut(f.IO.Out)
	root.SetErr(f.IO.ErrOut)
	root.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return &usageError{msg: err.Error() + "\n\n" + strings.TrimSpace(c.UsageString())}
	})
	root.AddCommand(NewCmdInit(f, nil), NewCmdFetch(f, nil), NewCmdPlan(f, nil), NewCmdApply(f, nil), NewCmdVersion(f))
	root.AddCommand(NewCmdDiff(f, nil), NewCmdShow(f, nil))
	root.AddCommand(NewCmdDrift(f, nil))
	configureRoot(root, f) // global.go: -q/-v, RENOVATE_* variables, completion, exit codes
	return root
}

// addTargetFlags registers --dir, --url and --env.
func addTargetFlags(c *cobra.Command, t *targetFlags) {
	c.Flags().StringVar(&t.Dir, "dir", ".", "schema directory")
	c.Flags().StringVar(&t.URL, "url", "", "database connection string (URL or key=value, libpq conventions); overrides renovate.hcl")
	c.Flags().StringVar(&t.Env, "env", "", "environment of renovate.hcl to use (default: its default environment)")
}

// noArgs rejects positional arguments as a usage error.
func noArgs(c *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usageErrorf("%s takes no arguments, got %q", c.CommandPath(), strings.Join(args, " "))
	}
	return nil
}
