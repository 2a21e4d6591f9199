// Command renovate manages a PostgreSQL schema as code. See README.md.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"runtime/debug"
	"syscall"

	"github.com/renovate-pg/renovate/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

// gcPercent is the garbage collector's target unless GOGC says otherwise:
// a collection when the heap has grown by half since the last one, not
// doubled (Go's default, 100). A plan holds two models of the schema at
// once, so its peak resident set is mostly heap; at 5,000 tables this
// lowers it by about a sixth (no-op plan 257-261 MB to 219 MB, 1% changed
// 446-475 MB to 359-374 MB) for about 7% more CPU, most of it spent while
// the server reads its catalog.
const gcPercent = 50

func main() {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	// SIGTERM (kill, a CI runner, systemd) is handled as Ctrl-C: the
	// running statement is cancelled, the transaction rolled back, and
	// the run recorded and committed.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	stopProfiles := startProfiles()
	err := cli.Execute(ctx, cli.NewCmdRoot(cli.NewFactory(version)))
	stopProfiles()
	stop()
	if msg := cli.Message(err); msg != "" {
		fmt.Fprintln(os.Stderr, "Error: "+msg)
	}
	os.Exit(cli.ExitCode(err))
}
