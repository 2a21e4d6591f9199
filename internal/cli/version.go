package cli

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"

	"github.com/renovate-pg/renovate/parser"
	"github.com/spf13/cobra"
)

// pgQueryModule is the parser's module, whose version renovate version
// reports.
const pgQueryModule = "github.com/pganalyze/pg_query_go/v5"

// versionInfo is what renovate version prints.
type versionInfo struct {
	// Version is the -ldflags version if one was set, else the module
	// version go install recorded (v1.2.3), else "(devel)".
	Version string
	// Commit, CommitTime and Modified come from the VCS stamp go build
	// records; Commit is "unknown" when there is none (go run, go test,
	// -buildvcs=false).
	Commit     string
	CommitTime string
	Modified   bool
	Go         string
	PgQuery    string
	// Grammar is the PostgreSQL version of the parser's grammar.
	Grammar string
}

// readVersionInfo gathers versionInfo from the build info of the binary
// (nil when it has none) and the version set at link time.
func readVersionInfo(linked string, bi *debug.BuildInfo) versionInfo {
	v := versionInfo{Version: linked, Commit: "unknown", PgQuery: "unknown", Go: runtime.Version() + " " + runtime.GOOS + "/" + runtime.GOARCH}
	if bi != nil {
		if (v.Version == "" || v.Version == "dev") && bi.Main.Version != "" {
			v.Version = bi.Main.Version
		}
		for _, s := range bi.Settings {
			switch s.Key {
			case "vcs.revision":
				v.Commit = s.Value
			case "vcs.time":
				v.CommitTime = s.Value
			case "vcs.modified":
				v.Modified = s.Value == "true"
			}
		}
		for _, d := range bi.Deps {
			if d.Path == pgQueryModule {
				v.PgQuery = d.Version
				if d.Replace != nil {
					v.PgQuery += " => " + d.Replace.Path + " " + d.Replace.Version
				}
			}
		}
	}
	if v.Version == "" {
		v.Version = "(devel)"
	}
	return v
}

func (v versionInfo) write(w io.Writer) error {
	commit := v.Commit
	if v.CommitTime != "" {
		commit += " (" + v.CommitTime + ")"
	}
	if v.Modified {
		commit += " with uncommitted changes"
	}
	_, err := fmt.Fprintf(w, "renovate %s\ncommit: %s\ngo: %s\npg_query_go: %s (PostgreSQL %s grammar)\n", v.Version, commit, v.Go, v.PgQuery, v.Grammar)
	return err
}

// NewCmdVersion prints renovate's version, commit, Go version and parser
// version.
func NewCmdVersion(f *Factory) *cobra.Command {
	return &cobra.Command{
		Use:   "version",
		Short: "Print renovate's version, commit, Go and parser versions",
		Long: `Prints renovate's version, the git commit it was built from (with its time,
and whether the tree had uncommitted changes), the Go toolchain, and the
pg_query_go version with the PostgreSQL release whose grammar it parses.
Include this output in bug reports.`,
		Example: `  renovate version`,
		Args:    noArgs,
		RunE: func(c *cobra.Command, _ []string) error {
			bi, _ := debug.ReadBuildInfo()
			v := readVersionInfo(f.Version, bi)
			g, err := parser.GrammarVersion()
			if err != nil {
				return err
			}
			v.Grammar = g
			return v.write(f.IO.Out)
		},
	}
}
