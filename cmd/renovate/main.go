// Command renovate manages a PostgreSQL schema as code. See README.md.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/renovate-pg/renovate/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
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
