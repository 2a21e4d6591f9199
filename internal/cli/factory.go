package cli

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/state/catalog"
)

// IOStreams are the command's standard streams and whether they are
// terminals.
type IOStreams struct {
	In     io.Reader
	Out    io.Writer
	ErrOut io.Writer
	// InTTY and OutTTY say whether In and Out are terminals: plan prints
	// the human view only to a terminal, and apply prompts only on one.
	InTTY, OutTTY bool
	// ErrTTY says whether ErrOut is a terminal: progress is shown only there.
	ErrTTY bool
	// Quiet and Verbose are the global -q and -v flags (global.go).
	Quiet, Verbose bool
}

// SystemIO returns the process's streams.
func SystemIO() *IOStreams {
	return &IOStreams{In: os.Stdin, Out: os.Stdout, ErrOut: os.Stderr, InTTY: isTerminal(os.Stdin), OutTTY: isTerminal(os.Stdout), ErrTTY: isTerminal(os.Stderr)}
}

// isTerminal reports whether f is a terminal: whether the terminal driver
// answers for it (terminal_unix.go). Being a character device is not
// enough: /dev/null is one, and cron jobs and CI steps run with stdin from
// it, where apply must not wait for an answer nobody can give.
func isTerminal(f *os.File) bool { return isTerminalFd(f.Fd()) }

// Factory holds what commands need from the outside world, built lazily so
// --help and flag errors touch neither disk nor network.
type Factory struct {
	IO      *IOStreams
	Now     func() time.Time
	Connect func(ctx context.Context, dsn string) (*pgx.Conn, error)
	Getenv  func(string) string
	// Version is renovate's version string.
	Version string
}

// NewFactory returns the Factory for a real run.
func NewFactory(version string) *Factory {
	return &Factory{IO: SystemIO(), Now: time.Now, Connect: catalog.Connect, Getenv: os.Getenv, Version: version}
}

// ConfigFile is the name of the configuration file in a schema directory.
const ConfigFile = "renovate.hcl"

// targetFlags are the flags that say which database and directory a
// command works on.
type targetFlags struct {
	Dir string
	URL string
	Env string
}

// describeDSN names a database for people and records: host:port/db,
// never the password.
func describeDSN(dsn string) string {
	cfg, err := pgx.ParseConfig(dsn)
	if err != nil {
		return config.Redact(dsn)
	}
	return fmt.Sprintf("%s:%d/%s", cfg.Host, cfg.Port, cfg.Database)
}
