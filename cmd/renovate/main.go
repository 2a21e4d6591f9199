// Command renovate manages a PostgreSQL schema as code. See README.md.
package main

import (
	"context"
	"fmt"
	"os"
	"os/signal"

	"github.com/renovate-pg/renovate/internal/cli"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	err := cli.NewCmdRoot(cli.NewFactory(version)).ExecuteContext(ctx)
	stop()
	if msg := cli.Message(err); msg != "" {
		fmt.Fprintln(os.Stderr, "Error: "+msg)
	}
	os.Exit(cli.ExitCode(err))
}
