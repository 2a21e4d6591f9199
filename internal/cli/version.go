package cli

import (
	"fmt"
	"runtime"
	"runtime/debug"

	"github.com/spf13/cobra"
)

// NewCmdVersion prints renovate's version, commit and Go version.
func NewCmdVersion(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print renovate's version",
		Args:  noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			commit := "unknown"
			pgq := "unknown"
			if bi, ok := debug.ReadBuildInfo(); ok {
				for _, s := range bi.Settings {
					if s.Key == "vcs.revision" {
						commit = s.Value
					}
				}
				for _, d := range bi.Deps {
					if d.Path == "github.com/pganalyze/pg_query_go/v5" {
						pgq = d.Version
					}
				}
			}
			_, err := fmt.Fprintf(f.IO.Out, "renovate %s\ncommit: %s\ngo: %s\npg_query_go: %s (PostgreSQL 15 grammar)\n", f.Version, commit, runtime.Version(), pgq)
			return err
		},
	}
}
