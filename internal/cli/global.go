package cli

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"

	"github.com/renovate-pg/renovate/internal/config"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// globalFlagNames are the flags every command that has them also reads from
// a RENOVATE_<NAME> environment variable. -q and -v are persistent flags of
// the root command; --dir, --url and --env belong to every command that
// works on a schema directory or database (addTargetFlags, init). "color" is
// listed for the day a command grows a --color flag: the variable then
// works, and the help and docs name it, without another change here.
func globalFlagNames() []string {
	return []string{"dir", "url", "env", "quiet", "verbose", "color"}
}

// envVarName is the environment variable of a global flag: RENOVATE_DIR.
func envVarName(flag string) string {
	return "RENOVATE_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// configureRoot adds what every command shares: -q and -v, the RENOVATE_*
// environment variables, the completion command, usage errors (exit 64)
// for unknown commands, and the exit-code and environment sections of
// renovate --help. It runs after every command has been added.
func configureRoot(root *cobra.Command, f *Factory) {
	root.PersistentFlags().BoolVarP(&f.IO.Quiet, "quiet", "q", false, "print no progress or status messages (the plan, warnings and errors still are)")
	root.PersistentFlags().BoolVarP(&f.IO.Verbose, "verbose", "v", false, "print on stderr how long each step took: each statement during apply, each phase of init, fetch and apply")

	// Our own completion command has examples and is documented like the
	// others; cobra's hidden __complete command still answers the scripts.
	root.CompletionOptions.DisableDefaultCmd = true
	root.AddCommand(NewCmdCompletion(f))

	// A runnable root with an Args check turns "renovate bogus" into a usage
	// error (exit 64) instead of cobra's plain error; "renovate" alone
	// prints the help.
	root.Args = func(c *cobra.Command, args []string) error {
		if len(args) == 0 {
			return nil
		}
		msg := fmt.Sprintf("unknown command %q for %q", args[0], c.CommandPath())
		if s := c.SuggestionsFor(args[0]); len(s) > 0 {
			msg += "\n\nDid you mean this?\n\t" + strings.Join(s, "\n\t")
		}
		return usageErrorf("%s\n\nRun 'renovate --help' for usage.", msg)
	}
	root.SuggestionsMinimumDistance = 2
	root.RunE = func(c *cobra.Command, _ []string) error { return c.Help() }
	root.PersistentPreRunE = func(c *cobra.Command, _ []string) error {
		if c.Name() == cobra.ShellCompRequestCmd || c.Name() == cobra.ShellCompNoDescRequestCmd {
			return nil
		}
		getenv := f.Getenv
		if getenv == nil { // a Factory built by hand in a test
			getenv = func(string) string { return "" }
		}
		return applyEnv(c.Flags(), getenv)
	}

	var names []string
	walk(root, func(c *cobra.Command) {
		for _, fs := range []*pflag.FlagSet{c.LocalNonPersistentFlags(), c.PersistentFlags()} {
			fs.VisitAll(func(fl *pflag.Flag) {
				if !slices.Contains(globalFlagNames(), fl.Name) {
					return
				}
				if !slices.Contains(names, fl.Name) {
					names = append(names, fl.Name)
				}
				if !strings.Contains(fl.Usage, "$RENOVATE_") {
					fl.Usage += " [$" + envVarName(fl.Name) + "]"
				}
			})
		}
		if fl := c.LocalNonPersistentFlags().Lookup("dir"); fl != nil {
			_ = c.MarkFlagDirname("dir")
		}
		// --env names an environment of renovate.hcl on commands that read
		// it (they have --url too); init's --env is a new name to record.
		if c.LocalNonPersistentFlags().Lookup("env") != nil && c.LocalNonPersistentFlags().Lookup("url") != nil {
			_ = c.RegisterFlagCompletionFunc("env", completeEnvironments)
		}
	})
	slices.SortFunc(names, func(a, b string) int {
		return slices.Index(globalFlagNames(), a) - slices.Index(globalFlagNames(), b)
	})
	root.Long = strings.TrimRight(root.Long, "\n") + "\n\n" + exitCodesHelp() + "\n\n" + environmentHelp(names)
}

// walk calls fn for c and every command below it.
func walk(c *cobra.Command, fn func(*cobra.Command)) {
	fn(c)
	for _, sub := range c.Commands() {
		walk(sub, fn)
	}
}

// applyEnv sets every global flag not given on the command line from its
// RENOVATE_* variable. An explicit -q or -v also overrides the variable of
// the other one, so RENOVATE_QUIET=1 renovate -v apply is verbose.
func applyEnv(flags *pflag.FlagSet, getenv func(string) string) error {
	explicit := map[string]bool{}
	for _, name := range globalFlagNames() {
		if fl := flags.Lookup(name); fl != nil && fl.Changed {
			explicit[name] = true
		}
	}
	opposite := map[string]string{"quiet": "verbose", "verbose": "quiet"}
	for _, name := range globalFlagNames() {
		fl := flags.Lookup(name)
		if fl == nil || explicit[name] || explicit[opposite[name]] {
			continue
		}
		v := getenv(envVarName(name))
		if v == "" {
			continue
		}
		// The value is not repeated: RENOVATE_URL may hold a password.
		if err := flags.Set(name, v); err != nil {
			return usageErrorf("invalid %s (the value of --%s): %s", envVarName(name), name, config.Redact(err.Error()))
		}
	}
	q, v := flags.Lookup("quiet"), flags.Lookup("verbose")
	if q != nil && v != nil && q.Value.String() == "true" && v.Value.String() == "true" {
		return usageErrorf("-q/--quiet and -v/--verbose cannot be used together (check RENOVATE_QUIET and RENOVATE_VERBOSE)")
	}
	return nil
}

// completeEnvironments completes --env with the environments of the
// renovate.hcl in --dir.
func completeEnvironments(c *cobra.Command, _ []string, _ string) ([]string, cobra.ShellCompDirective) {
	dir := "."
	if fl := c.Flags().Lookup("dir"); fl != nil {
		dir = fl.Value.String()
	}
	cfg, err := config.Load(filepath.Join(dir, ConfigFile))
	if err != nil {
		return nil, cobra.ShellCompDirectiveNoFileComp
	}
	names := make([]string, 0, len(cfg.Environments))
	for _, e := range cfg.Environments {
		names = append(names, e.Name)
	}
	return names, cobra.ShellCompDirectiveNoFileComp
}

// exitCodesHelp is the exit-code section of renovate --help.
func exitCodesHelp() string {
	var b strings.Builder
	b.WriteString("Exit codes:\n")
	for _, e := range ExitCodes() {
		fmt.Fprintf(&b, "  %-3d %s\n", e.Code, e.Meaning)
	}
	return strings.TrimRight(b.String(), "\n")
}

// environmentHelp is the environment section of renovate --help.
func environmentHelp(flags []string) string {
	var b strings.Builder
	b.WriteString("Environment:\n")
	for _, name := range flags {
		fmt.Fprintf(&b, "  %-17s --%s\n", envVarName(name), name)
	}
	b.WriteString("  Flags given on the command line override these variables. NO_COLOR turns\n")
	b.WriteString("  colours off.")
	return b.String()
}

// Infof prints a status message on Out unless -q was given.
func (s *IOStreams) Infof(format string, args ...any) {
	if !s.Quiet {
		fmt.Fprintf(s.Out, format, args...)
	}
}
