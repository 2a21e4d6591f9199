package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/internal/pgserver"
	"github.com/renovate-pg/renovate/internal/shadow"
	"github.com/renovate-pg/renovate/state/catalog"
)

// runWithOpen runs plan or apply with args in dir, its scratch database
// opened by open.
func runWithOpen(t *testing.T, dir string, open func(context.Context, string) (*shadow.DB, error), command string, args ...string) (string, string, int) {
	t.Helper()
	return runWithEnv(t, dir, open, func(string) string { return "" }, command, args...)
}

// runWithEnv is runWithOpen with the environment getenv.
func runWithEnv(t *testing.T, dir string, open func(context.Context, string) (*shadow.DB, error), getenv func(string) string, command string, args ...string) (string, string, int) {
	t.Helper()
	var out, errOut bytes.Buffer
	f := &Factory{
		IO:      &IOStreams{In: strings.NewReader(""), Out: &out, ErrOut: &errOut},
		Now:     time.Now,
		Connect: catalog.Connect,
		Getenv:  getenv,
		Version: "test",
	}
	ctx := context.Background()
	var err error
	switch command {
	case "plan":
		c := NewCmdPlan(f, func(o *PlanOptions) error {
			o.Verify.open = open
			return runPlan(ctx, o)
		})
		c.SetArgs(append(args, "--dir", dir))
		c.SetOut(&out)
		c.SetErr(&errOut)
		err = c.ExecuteContext(ctx)
	case "apply":
		c := NewCmdApply(f, func(o *ApplyOptions) error {
			o.Verify.open = open
			return runApply(ctx, o)
		})
		c.SetArgs(append(args, "--dir", dir))
		c.SetOut(&out)
		c.SetErr(&errOut)
		err = c.ExecuteContext(ctx)
	default:
		t.Fatalf("runWithOpen: %s", command)
	}
	if err != nil && Message(err) != "" {
		errOut.WriteString("Error: " + Message(err) + "\n")
	}
	return out.String(), errOut.String(), ExitCode(err)
}

// TestVerifyWarmMatchesCold verifies the same plans in a throwaway cluster
// made by initdb (cold) and in one copied from the template cluster in the
// cache directory (warm): a plan that converges is verified by both with
// the same report, a hand-edited plan that does not converge is caught by
// both with the same report, and two warm verifications at once both
// succeed. The template was made by the init of verifyRepo (its fidelity
// check), so no more initdb runs here than the cold one.
func TestVerifyWarmMatchesCold(t *testing.T) {
	dir, dsn := verifyRepo(t, "CREATE TABLE extra (id int);")
	var mu sync.Mutex
	var uses []pgserver.TemplateUse
	warm := func(ctx context.Context, url string) (*shadow.DB, error) {
		db, err := shadow.Open(ctx, url)
		if err == nil {
			mu.Lock()
			uses = append(uses, db.Template)
			mu.Unlock()
		}
		return db, err
	}
	cold := func(ctx context.Context, url string) (*shadow.DB, error) {
		db, err := shadow.OpenCold(ctx, url)
		if err == nil && db.Template != pgserver.TemplateNone {
			t.Errorf("the cold scratch database came from the template (%s)", db.Template)
		}
		return db, err
	}

	// A plan that converges (add column nickname).
	type result struct {
		out, errOut string
		code        int
	}
	var got [2]result
	for i, open := range []func(context.Context, string) (*shadow.DB, error){cold, warm} {
		out, errOut, code := runWithOpen(t, dir, open, "plan", "--verify")
		got[i] = result{out, errOut, code}
	}
	if got[0].code != ExitOK || !strings.Contains(got[0].errOut, "Verified: the plan ran on a copy") {
		t.Fatalf("cold plan --verify: exit %d\n%s%s", got[0].code, got[0].out, got[0].errOut)
	}
	if got[1] != got[0] {
		t.Errorf("warm and cold verification differ:\ncold: exit %d\n%s%s\nwarm: exit %d\n%s%s",
			got[0].code, got[0].out, got[0].errOut, got[1].code, got[1].out, got[1].errOut)
	}

	// A plan that does not converge: it drops extra but lost the ADD
	// COLUMN of the files.
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
	for i, open := range []func(context.Context, string) (*shadow.DB, error){cold, warm} {
		out, errOut, code := runWithOpen(t, dir, open, "apply", "-p", planPath, "--yes", "--allow-data-loss")
		got[i] = result{out, errOut, code}
	}
	if got[0].code != ExitRefused || !strings.Contains(got[0].errOut, "plan verification failed") || !strings.Contains(got[0].errOut, "+    nickname text") {
		t.Fatalf("cold verification of a plan that does not converge: exit %d\n%s%s", got[0].code, got[0].out, got[0].errOut)
	}
	if got[1] != got[0] {
		t.Errorf("warm and cold verification of a failing plan differ:\ncold: exit %d\n%s%s\nwarm: exit %d\n%s%s",
			got[0].code, got[0].out, got[0].errOut, got[1].code, got[1].out, got[1].errOut)
	}
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var n int
	if err := conn.QueryRow(context.Background(), "SELECT count(*) FROM pg_tables WHERE tablename = 'extra'").Scan(&n); err != nil || n != 1 {
		t.Errorf("table extra: %d, %v (the database must be untouched)", n, err)
	}

	// Two warm verifications at once, each on a cluster of its own.
	var wg sync.WaitGroup
	var both [2]result
	for i := range both {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			out, errOut, code := runWithOpen(t, dir, warm, "plan", "--verify")
			both[i] = result{out, errOut, code}
		}(i)
	}
	wg.Wait()
	for i, r := range both {
		if r.code != ExitOK || !strings.Contains(r.errOut, "Verified: the plan ran on a copy") {
			t.Errorf("concurrent verification %d: exit %d\n%s%s", i, r.code, r.out, r.errOut)
		}
	}
	if len(uses) != 4 {
		t.Fatalf("%d warm scratch databases opened, want 4", len(uses))
	}
	for i, u := range uses {
		if u != pgserver.TemplateReused {
			t.Errorf("warm scratch database %d: template %s, want reused", i, u)
		}
	}
}

// TestVerifyKeptPlanThenApply: plan --verify builds the copy and the
// reference and keeps them (every build kept here, however small); the
// apply of the same change right after verifies on clones of them, says
// so, and applies; a plan after that builds afresh for the new state.
func TestVerifyKeptPlanThenApply(t *testing.T) {
	t.Setenv(shadow.EnvKeep, t.TempDir())
	dir, dsn := verifyRepo(t, "CREATE VIEW active_users AS SELECT id, email FROM users;")
	env := testGetenv(map[string]string{"RENOVATE_SHADOW_KEEP_MIN_STEPS": "1", "RENOVATE_VERIFY": ""})
	const cloned = "were clones of those an earlier verification built from the same statements"
	out, errOut, code := runWithEnv(t, dir, nil, env, "plan", "--verify")
	if code != ExitOK || !strings.Contains(errOut, "Verified: the plan ran on a copy") || strings.Contains(errOut, "clone") {
		t.Fatalf("plan --verify: exit %d\n%s%s", code, out, errOut)
	}
	out, errOut, code = runWithEnv(t, dir, nil, env, "apply", "--yes")
	if code != ExitOK || !strings.Contains(out+errOut, cloned) {
		t.Fatalf("apply after plan --verify: exit %d (want the verification on kept databases)\n%s%s", code, out, errOut)
	}
	conn, err := catalog.Connect(context.Background(), dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(context.Background())
	var n int
	if err := conn.QueryRow(context.Background(), "SELECT count(*) FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'nickname'").Scan(&n); err != nil || n != 1 {
		t.Fatalf("column nickname after apply: %d, %v", n, err)
	}
	// The next change: another state of the database, built afresh.
	users := filepath.Join(dir, "public", "tables", "users.sql")
	b, err := os.ReadFile(users)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, users, strings.Replace(string(b), "    nickname text", "    nickname text,\n    age integer", 1))
	gitCommit(t, dir, "users: add age")
	out, errOut, code = runWithEnv(t, dir, nil, env, "plan", "--verify")
	if code != ExitOK || !strings.Contains(errOut, "Verified: the plan ran on a copy") || strings.Contains(errOut, "clone") {
		t.Fatalf("plan --verify of the next change: exit %d\n%s%s", code, out, errOut)
	}
}
