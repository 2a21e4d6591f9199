// Command benchpg starts a throwaway PostgreSQL cluster for scripts/bench.sh
// the way the tests do (internal/pgserver: $RENOVATE_PG_BIN, PATH, then
// /usr/lib/postgresql/*/bin), prints its superuser connection string and
// binary directory on two lines, and stops and removes the cluster when its
// standard input is closed or it is interrupted. Its arguments, if any, are
// extra server settings ("max_locks_per_transaction=64"), given to postgres
// after the harness's own, so they win.
package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/renovate-pg/renovate/internal/pgserver"
)

func main() {
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer cancel()
	binDir, fromEnv, err := pgserver.FindBinDir()
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchpg:", err)
		os.Exit(1)
	}
	srv, err := pgserver.StartFrom(ctx, binDir, fromEnv, os.Args[1:]...)
	if err != nil {
		fmt.Fprintln(os.Stderr, "benchpg:", err)
		os.Exit(1)
	}
	fmt.Println(srv.AdminDSN())
	fmt.Println(srv.BinDir())
	done := make(chan struct{})
	go func() {
		_, _ = io.Copy(io.Discard, os.Stdin)
		close(done)
	}()
	select {
	case <-done:
	case <-ctx.Done():
	}
	if err := srv.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, "benchpg: stopping the cluster:", err)
		os.Exit(1)
	}
}
