package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// TestPanicIsAnError: a panic in a command is an internal error with exit
// 1, never 0 or 2 (which --detailed-exitcode reads as "changes present").
func TestPanicIsAnError(t *testing.T) {
	root := &cobra.Command{Use: "renovate", SilenceErrors: true, SilenceUsage: true,
		RunE: func(*cobra.Command, []string) error {
			var p *struct{ x int }
			return map[bool]error{}[p.x == 0] // nil pointer dereference
		}}
	root.SetArgs(nil)
	err := Execute(context.Background(), root)
	var ie *InternalError
	if err == nil || !errorsAs(err, &ie) {
		t.Fatalf("Execute = %v, want an *InternalError", err)
	}
	if code := ExitCode(err); code != ExitError {
		t.Errorf("exit code %d, want %d", code, ExitError)
	}
	if msg := Message(err); !strings.HasPrefix(msg, "internal error: runtime error: invalid memory address or nil pointer dereference") || !strings.Contains(msg, "bug in renovate") || !strings.Contains(msg, "panic_test.go") {
		t.Errorf("message:\n%s", msg)
	}
}

func errorsAs(err error, ie **InternalError) bool {
	e, ok := err.(*InternalError)
	*ie = e
	return ok
}

// TestPlanVerifyWithDataTable: plan --verify with a data block and a plan
// that is not empty verifies (the rows of data tables are read on the
// target's connection, which must still be open) and exits 2 under
// --detailed-exitcode because there are changes, not because of a crash.
func TestPlanVerifyWithDataTable(t *testing.T) {
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, `CREATE TABLE kinds (code text PRIMARY KEY, label text NOT NULL);
		INSERT INTO kinds VALUES ('a', 'Alpha'), ('b', 'Beta');`)
	work := t.TempDir()
	dir := filepath.Join(work, "app")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "renovate.hcl"), "data \"public.kinds\" {}\n\nenvironment \"dev\" {\n  url = "+hclString(dsn)+"\n}\n")
	if out, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "app", "--env", "dev"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	writeFile(t, filepath.Join(dir, "public", "tables", "extra.sql"), "CREATE TABLE public.extra (id integer PRIMARY KEY);\n")
	data := filepath.Join(dir, "public", "data", "kinds.sql")
	writeFile(t, data, readFile(t, data)+"INSERT INTO public.kinds (code, label) VALUES ('c', 'Gamma');\n")
	gitCommit(t, dir, "extra, Gamma")

	out, errOut, code := run(t, dir, "", false, "plan", "--verify", "--shadow", srv.AdminDSN(), "--detailed-exitcode")
	if code != ExitChanges || !strings.Contains(errOut, "Verified") || !strings.Contains(out, "'Gamma'") || !strings.Contains(out, "CREATE TABLE public.extra") {
		t.Fatalf("plan --verify with a data table: exit %d, want %d\n%s%s", code, ExitChanges, out, errOut)
	}
}
