package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/internal/pgtest"
	"github.com/renovate-pg/renovate/internal/shadow"
	"github.com/renovate-pg/renovate/state/catalog"
)

// verifyRepo makes a database and an init'ed repository with one committed
// edit (a new column), and returns the repository's directory and the DSN.
func verifyRepo(t *testing.T, setup string) (string, string) {
	t.Helper()
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);"+setup)
	work := t.TempDir()
	dir := filepath.Join(work, "app")
	if out, errOut, code := run(t, work, "", false, "init", "--source", dsn, "--dir", "app"); code != 0 {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	users := filepath.Join(dir, "public", "tables", "users.sql")
	b, err := os.ReadFile(users)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, users, strings.Replace(string(b), "    email text NOT NULL", "    email text NOT NULL,\n    nickname text", 1))
	gitCommit(t, dir, "users: add nickname")
	return dir, dsn
}

// shadowDatabases lists the scratch databases left on the test server.
func shadowDatabases(t *testing.T) []string {
	t.Helper()
	conn, err := catalog.Connect(context.Background(), srv.AdminDSN())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var names []string
	if err := conn.QueryRow(context.Background(), "SELECT ARRAY(SELECT datname::text FROM pg_database WHERE datname LIKE 'renovate_shadow_%')").Scan(&names); err != nil {
		t.Fatal(err)
	}
	return names
}

// TestPlanVerify runs plan --verify against the default throwaway cluster
// (started from this machine's server binaries), a --shadow server and a
// shadow configured in renovate.hcl; the scratch databases are dropped.
func TestPlanVerify(t *testing.T) {
	role := "verify_reader_" + strings.ReplaceAll(time.Now().Format("150405.000"), ".", "")
	if err := pgtest.EnsureRoles(context.Background(), srv.AdminDSN(), []string{role}); err != nil {
		t.Fatal(err)
	}
	dir, dsn := verifyRepo(t, "GRANT SELECT ON users TO "+role+";")

	// Default: a throwaway local cluster, which lacks the role.
	out, errOut, code := run(t, dir, "", false, "plan", "--verify")
	if code != ExitOK {
		t.Fatalf("plan --verify: exit %d\n%s%s", code, out, errOut)
	}
	for _, want := range []string{"throwaway PostgreSQL", "Verified: the plan ran on a copy of the database", "Created missing role(s) " + role} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}
	if strings.Contains(out, "Verified") || !strings.Contains(out, "ADD COLUMN nickname") {
		t.Errorf("piped stdout must stay the plan's SQL only:\n%s", out)
	}

	// --shadow: a scratch database on that server, dropped afterwards.
	before := len(shadowDatabases(t))
	out, errOut, code = run(t, dir, "", false, "plan", "--verify", "--shadow", srv.AdminDSN())
	if code != ExitOK || !strings.Contains(errOut, "database renovate_shadow_") || !strings.Contains(errOut, "Verified") {
		t.Fatalf("plan --verify --shadow: exit %d\n%s%s", code, out, errOut)
	}
	if after := shadowDatabases(t); len(after) != before {
		t.Errorf("scratch databases left behind: %v", after)
	}

	// shadow in renovate.hcl.
	writeFile(t, filepath.Join(dir, "renovate.hcl"), "shadow = \""+srv.AdminDSN()+"\"\nenvironment \"dev\" {\n  url = \""+dsn+"\"\n}\n")
	gitCommit(t, dir, "shadow")
	out, errOut, code = run(t, dir, "", false, "plan", "--verify")
	if code != ExitOK || !strings.Contains(errOut, "database renovate_shadow_") {
		t.Fatalf("plan --verify with shadow in renovate.hcl: exit %d\n%s%s", code, out, errOut)
	}
	// A configured shadow that cannot be reached is refused, not skipped.
	_, errOut, code = run(t, dir, "", false, "plan", "--verify", "--shadow", "postgres://nobody:sekrit@127.0.0.1:1/postgres?connect_timeout=2")
	if code != ExitRefused || !strings.Contains(errOut, "cannot verify the plan") || strings.Contains(errOut, "sekrit") {
		t.Errorf("unreachable shadow: exit %d\n%s", code, errOut)
	}
	if _, errOut, code := run(t, dir, "", false, "plan", "--verify=sometimes"); code != ExitUsage {
		t.Errorf("--verify=sometimes: exit %d\n%s", code, errOut)
	}
	if after := shadowDatabases(t); len(after) != before {
		t.Errorf("scratch databases left behind: %v", after)
	}
}

// TestVerifyUnavailable simulates a machine with neither a shadow URL nor
// server binaries: plan --verify refuses (exit 3) unless
// --allow-unverified; apply (verify=auto) says so and applies.
func TestVerifyUnavailable(t *testing.T) {
	dir, _ := verifyRepo(t, "")
	none := func(context.Context, string) (*shadow.DB, error) { return nil, shadow.ErrUnavailable }
	exec := func(runCmd func(*Factory) error) (string, string, int) {
		t.Helper()
		var out, errOut bytes.Buffer
		f := &Factory{
			IO:      &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut},
			Now:     time.Now,
			Connect: catalog.Connect,
			Getenv:  func(string) string { return "" },
			Version: "test",
		}
		err := runCmd(f)
		if err != nil && Message(err) != "" {
			errOut.WriteString("Error: " + Message(err) + "\n")
		}
		return out.String(), errOut.String(), ExitCode(err)
	}
	plan := func(args ...string) (string, string, int) {
		return exec(func(f *Factory) error {
			c := NewCmdPlan(f, func(o *PlanOptions) error {
				o.Verify.open = none
				return runPlan(context.Background(), o)
			})
			c.SetArgs(append(args, "--dir", dir))
			c.SetOut(f.IO.Out)
			c.SetErr(f.IO.ErrOut)
			return c.ExecuteContext(context.Background())
		})
	}
	out, errOut, code := plan("--verify")
	if code != ExitRefused || !strings.Contains(errOut, "cannot verify the plan: no shadow database") || !strings.Contains(errOut, "--allow-unverified") {
		t.Fatalf("plan --verify without a shadow: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = plan("--verify", "--allow-unverified")
	if code != ExitOK || !strings.Contains(errOut, "warning: the plan was not verified") || !strings.Contains(out, "ADD COLUMN nickname") {
		t.Fatalf("plan --verify --allow-unverified: exit %d\n%s%s", code, out, errOut)
	}

	apply := func(args ...string) (string, string, int) {
		return exec(func(f *Factory) error {
			c := NewCmdApply(f, func(o *ApplyOptions) error {
				o.Verify.open = none
				return runApply(context.Background(), o)
			})
			c.SetArgs(append(args, "--dir", dir))
			c.SetOut(f.IO.Out)
			c.SetErr(f.IO.ErrOut)
			return c.ExecuteContext(context.Background())
		})
	}
	out, errOut, code = apply("--yes", "--verify=always")
	if code != ExitRefused || !strings.Contains(errOut, "cannot verify the plan") {
		t.Fatalf("apply --verify=always without a shadow: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = apply("--yes")
	if code != ExitOK || !strings.Contains(errOut, "the plan was not verified") || !strings.Contains(out, "Applied") {
		t.Fatalf("apply (verify=auto) without a shadow: exit %d\n%s%s", code, out, errOut)
	}
}

// TestApplyRefusesFailedVerification applies a hand-edited plan that lost a
// statement: verification (on by default) shows what would still differ
// and nothing is applied.
func TestApplyRefusesFailedVerification(t *testing.T) {
	dir, dsn := verifyRepo(t, "CREATE TABLE extra (id int);")
	// The files also drop table extra.
	if err := os.Remove(filepath.Join(dir, "public", "tables", "extra.sql")); err != nil {
		t.Fatal(err)
	}
	gitCommit(t, dir, "drop extra")
	planPath := filepath.Join(t.TempDir(), "plan.sql")
	if out, errOut, code := run(t, dir, "", false, "plan", "-o", planPath); code != 0 {
		t.Fatalf("plan -o: exit %d\n%s%s", code, out, errOut)
	}
	b, err := os.ReadFile(planPath)
	if err != nil {
		t.Fatal(err)
	}
	var kept []string
	for _, l := range strings.SplitAfter(string(b), "\n") {
		if !strings.Contains(l, "nickname") {
			kept = append(kept, l)
		}
	}
	writeFile(t, planPath, strings.Join(kept, ""))

	out, errOut, code := run(t, dir, "", false, "apply", "-p", planPath, "--yes", "--allow-data-loss", "--shadow", srv.AdminDSN())
	if code != ExitRefused {
		t.Fatalf("apply of a plan that misses a statement: exit %d, want %d\n%s%s", code, ExitRefused, out, errOut)
	}
	for _, want := range []string{"plan verification failed", "Table public.users:", "+    nickname text", "ADD COLUMN nickname", "nothing was applied"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("report lacks %q:\n%s", want, errOut)
		}
	}
	// The real database is untouched: extra is still there.
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var n int
	if err := conn.QueryRow(context.Background(), "SELECT count(*) FROM pg_tables WHERE tablename = 'extra'").Scan(&n); err != nil || n != 1 {
		t.Errorf("table extra: %d, %v (the database must be untouched)", n, err)
	}
	// With verification off the same plan runs (the user's call).
	if out, errOut, code := run(t, dir, "", false, "apply", "-p", planPath, "--yes", "--allow-data-loss", "--verify=never"); code != ExitOK {
		t.Errorf("apply --verify=never: exit %d\n%s%s", code, out, errOut)
	}
}

// TestPlanVerifiesByDefault: plan on a terminal verifies without --verify
// (here on the shadow renovate.hcl names); piped, it does not (apply
// verifies again); a reference to a table or type defined nowhere is an
// error naming file:line either way.
func TestPlanVerifiesByDefault(t *testing.T) {
	dir, dsn := verifyRepo(t, "")
	writeFile(t, filepath.Join(dir, "renovate.hcl"), "shadow = \""+srv.AdminDSN()+"\"\nenvironment \"dev\" {\n  url = \""+dsn+"\"\n}\n")
	gitCommit(t, dir, "shadow")

	// The environment of a person's shell: no RENOVATE_VERIFY.
	shell := map[string]string{"RENOVATE_VERIFY": ""}
	out, errOut, code := runEnv(t, shell, true, "plan", "--dir", dir)
	if code != ExitOK || !strings.Contains(errOut, "Verified: the plan ran on a copy of the database") {
		t.Fatalf("plan on a terminal did not verify: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runEnv(t, map[string]string{"RENOVATE_VERIFY": "", "CI": "true"}, false, "plan", "--dir", dir)
	if code != ExitOK || !strings.Contains(errOut, "Verified: the plan ran on a copy of the database") {
		t.Fatalf("plan in CI did not verify: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runEnv(t, shell, false, "plan", "--dir", dir)
	if code != ExitOK || strings.Contains(errOut, "Verif") {
		t.Fatalf("piped plan verified (or failed): exit %d\n%s%s", code, out, errOut)
	}
	if _, errOut, code = runEnv(t, shell, true, "plan", "--dir", dir, "--verify=never"); code != ExitOK || strings.Contains(errOut, "Verif") {
		t.Fatalf("plan --verify=never verified: exit %d\n%s", code, errOut)
	}

	// A foreign key to a table and a column of a type defined nowhere.
	writeFile(t, filepath.Join(dir, "public", "tables", "orders.sql"),
		"CREATE TABLE public.orders (\n    id integer NOT NULL,\n    kind public.order_kind,\n    customer_id integer REFERENCES public.customers (id)\n);\n")
	gitCommit(t, dir, "orders")
	for _, tty := range []bool{false, true} {
		out, errOut, code = run(t, dir, "", tty, "plan")
		if code != ExitError {
			t.Fatalf("plan with references to nothing (tty %v): exit %d, want %d\n%s%s", tty, code, ExitError, out, errOut)
		}
		for _, want := range []string{
			"public/tables/orders.sql:3:5: column public.orders.kind refers to type public.order_kind, which neither the files nor the database define",
			"refers to relation public.customers",
		} {
			if !strings.Contains(errOut, want) {
				t.Errorf("error lacks %q:\n%s", want, errOut)
			}
		}
	}
}

// TestPlanVerifyDefault: without --verify, plan verifies on a terminal and
// in CI, not in a pipe.
func TestPlanVerifyDefault(t *testing.T) {
	for _, tt := range []struct {
		name string
		tty  bool
		ci   string
		want string
	}{
		{"terminal", true, "", verifyAuto},
		{"ci", false, "true", verifyAuto},
		{"pipe", false, "", verifyNever},
		{"ci=false", false, "false", verifyNever},
	} {
		tt := tt
		t.Run(tt.name, func(t *testing.T) {
			f := &Factory{IO: &IOStreams{OutTTY: tt.tty}, Getenv: func(k string) string {
				if k == "CI" {
					return tt.ci
				}
				return ""
			}}
			if got := planVerifyDefault(f); got != tt.want {
				t.Errorf("planVerifyDefault = %q, want %q", got, tt.want)
			}
		})
	}
}

// TestPlanVerifyEnv: RENOVATE_VERIFY sets plan's default.
func TestPlanVerifyEnv(t *testing.T) {
	f := &Factory{IO: &IOStreams{OutTTY: true}, Getenv: func(k string) string {
		if k == "RENOVATE_VERIFY" {
			return verifyNever
		}
		return ""
	}}
	if got := planVerifyDefault(f); got != verifyNever {
		t.Errorf("planVerifyDefault with RENOVATE_VERIFY=never on a terminal = %q", got)
	}
}
