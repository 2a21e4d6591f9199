// Command gendocs regenerates renovate's command reference (docs/cli/*.md)
// and docs/exit-codes.md from the command definitions. Run it from the
// repository root after changing a command, its flags or its help:
//
//	go run ./internal/cli/gendocs
//
// internal/cli's TestDocsUpToDate fails until the committed docs match.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/renovate-pg/renovate/internal/cli"
)

func main() {
	dir := flag.String("dir", "docs", "documentation directory to write")
	flag.Parse()
	if _, err := os.Stat("go.mod"); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs: run this from the repository root (no go.mod here)")
		os.Exit(1)
	}
	if err := cli.WriteDocs(*dir); err != nil {
		fmt.Fprintln(os.Stderr, "gendocs:", err)
		os.Exit(1)
	}
}
