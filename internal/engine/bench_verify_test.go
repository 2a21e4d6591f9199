package engine

import (
	"context"

	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/internal/shadow"
	"github.com/renovate-pg/renovate/planner"
)

// The verification benchmarks (issue 15). Each iteration times its parts
// separately and reports them side by side: plan-s (the plan itself:
// parse, read the database, diff), open-s (the scratch databases in a
// throwaway cluster copied from the template cluster; the CLI starts it
// while planning, as Verify2Steps1000 does, so there it is the part of
// opening the plan did not hide), verify-s (engine.VerifyWith) and the
// ratios the issue sets targets for.
//
//	go test -run '^$' -bench 'Verify2Steps1000|FirstDeploy1000' -benchtime 3x ./internal/engine

// verifyOnce opens a warm scratch database and verifies p in it, keeping
// what it builds (see verify_keep.go); it returns the time to open, the
// time to verify, and the time to close (which keeps the cluster when the
// verification built something).
func verifyOnce(b *testing.B, local *Local, remote *Remote, p *planner.Plan) (open, verify, closing time.Duration, res *VerifyResult) {
	b.Helper()
	t0 := time.Now()
	db, err := shadow.Open(context.Background(), "")
	if err != nil {
		b.Fatal(err)
	}
	opened := time.Since(t0)
	connect, verify, closing, res := verifyOn(b, db, local, remote, p)
	return opened + connect, verify, closing, res
}

// verifyOn verifies p in db, as verifyOnce does; open is the time to
// connect.
func verifyOn(b *testing.B, db *shadow.DB, local *Local, remote *Remote, p *planner.Plan) (open, verify, closing time.Duration, res *VerifyResult) {
	b.Helper()
	ctx := context.Background()
	t0 := time.Now()
	sc, ref, err := db.Connect(ctx)
	if err != nil {
		b.Fatal(err)
	}
	t1 := time.Now()
	opts := VerifyOptions{}
	if db.Keeps() {
		opts.Keep = db
	}
	res, err = VerifyWith(ctx, sc, ref, local.Parsed, remote, p, opts)
	if err != nil {
		b.Fatalf("verification: %v", err)
	}
	t2 := time.Now()
	sc.Close(ctx)
	ref.Close(ctx)
	if err := db.Close(ctx); err != nil {
		b.Fatal(err)
	}
	return t1.Sub(t0), t2.Sub(t1), time.Since(t2), res
}

// BenchmarkVerify2Steps1000: a 2-statement plan (two new columns) on the
// 1,000-table schema. Target: verify-s/plan-s <= 1.0.
func BenchmarkVerify2Steps1000(b *testing.B) {
	ctx := context.Background()
	conn, err := connect(b, srv.NewDatabase(b))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := conn.Exec(ctx, genSchema(1000)); err != nil {
		b.Fatal(err)
	}
	remote, err := LoadRemote(ctx, conn)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if _, err := remote.WriteFiles(dir); err != nil {
		b.Fatal(err)
	}
	for _, tbl := range []string{"t1", "t2"} {
		path := filepath.Join(dir, "app", "tables", tbl+".sql")
		text, err := os.ReadFile(path)
		if err != nil {
			b.Fatal(err)
		}
		edited := strings.Replace(string(text), "    note text,\n", "    note text,\n    extra integer,\n", 1)
		if edited == string(text) {
			b.Fatalf("%s: no column note to add after:\n%s", path, text)
		}
		if err := os.WriteFile(path, []byte(edited), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	// Kept clusters of this run only: the first iteration builds and
	// keeps, the others clone (as the apply after a plan does).
	b.Setenv(shadow.EnvKeep, b.TempDir())
	var plan, open, verify, closing time.Duration
	var warmPlan, warmVerify, warmOpenClose, warmAdded time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// As the CLI does: the throwaway cluster starts while the plan
		// is made, and is told the database's fingerprint once it is
		// read (a kept copy of it starts being cloned).
		pending := shadow.Prepare(ctx, "")
		t0 := time.Now()
		local, err := LoadLocalFiles(dir)
		if err != nil {
			b.Fatal(err)
		}
		remote, err := LoadRemoteFor(ctx, conn, local)
		if err != nil {
			b.Fatal(err)
		}
		pending.Warm(remote.Fingerprint)
		p, err := Plan(ctx, conn, local.Parsed, remote)
		if err != nil {
			b.Fatal(err)
		}
		planTime := time.Since(t0)
		plan += planTime
		if len(p.Steps) != 2 {
			b.Fatalf("plan has %d steps, want 2", len(p.Steps))
		}
		// wait is the part of opening the plan did not hide.
		t1 := time.Now()
		db, err := pending.Wait(ctx)
		if err != nil {
			b.Fatal(err)
		}
		wait := time.Since(t1)
		o, v, c, res := verifyOn(b, db, local, remote, p)
		o += wait
		open += o
		verify += v
		closing += c
		if i == 0 {
			b.ReportMetric(v.Seconds(), "cold-verify-s")
			b.ReportMetric(v.Seconds()/planTime.Seconds(), "cold-verify/plan")
			b.ReportMetric((v+c).Seconds()/planTime.Seconds(), "cold-verify+close/plan")
			continue
		}
		if !res.KeptCopy || !res.KeptReference {
			b.Fatalf("iteration %d built again (kept copy %t, kept reference %t)", i, res.KeptCopy, res.KeptReference)
		}
		warmPlan += planTime
		warmVerify += v
		warmOpenClose += o + c
		warmAdded += o + v
	}
	report(b, plan, open, verify)
	b.ReportMetric(closing.Seconds()/float64(b.N), "close-s")
	if b.N > 1 {
		b.ReportMetric(warmVerify.Seconds()/float64(b.N-1), "warm-verify-s")
		b.ReportMetric(warmPlan.Seconds()/float64(b.N-1), "warm-plan-s")
		b.ReportMetric(warmVerify.Seconds()/warmPlan.Seconds(), "warm-verify/plan")
		b.ReportMetric(warmOpenClose.Seconds()/float64(b.N-1), "warm-open+close-s")
		// What verifying adds after the plan, closing aside: waiting
		// for the scratch databases, then the verification.
		b.ReportMetric(warmAdded.Seconds()/warmPlan.Seconds(), "warm-added/plan")
	}
}

// BenchmarkFirstDeploy1000: apply of the whole 1,000-table schema to an
// empty database (plan, verification, execution) next to psql loading the
// same schema. Target: apply-s/psql-s <= 2.0.
func BenchmarkFirstDeploy1000(b *testing.B) {
	ctx := context.Background()
	src := genSchema(1000)
	conn, err := connect(b, srv.NewDatabase(b))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := conn.Exec(ctx, src); err != nil {
		b.Fatal(err)
	}
	remote, err := LoadRemote(ctx, conn)
	if err != nil {
		b.Fatal(err)
	}
	dir := b.TempDir()
	if _, err := remote.WriteFiles(dir); err != nil {
		b.Fatal(err)
	}
	sqlPath := filepath.Join(b.TempDir(), "schema.sql")
	if err := os.WriteFile(sqlPath, []byte(src), 0o644); err != nil {
		b.Fatal(err)
	}
	psql := "psql"
	if srv.BinDir() != "" {
		psql = filepath.Join(srv.BinDir(), "psql")
	}
	var plan, open, verify, run, load time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		loadDSN := srv.NewDatabase(b)
		target, err := connect(b, srv.NewDatabase(b))
		if err != nil {
			b.Fatal(err)
		}
		b.StartTimer()

		t0 := time.Now()
		out, err := exec.Command(psql, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-1", "-d", loadDSN, "-f", sqlPath).CombinedOutput()
		if err != nil {
			b.Fatalf("psql: %v\n%s", err, out)
		}
		load += time.Since(t0)

		t0 = time.Now()
		local, err := LoadLocalFiles(dir)
		if err != nil {
			b.Fatal(err)
		}
		remote, err := LoadRemoteFor(ctx, target, local)
		if err != nil {
			b.Fatal(err)
		}
		p, err := Plan(ctx, target, local.Parsed, remote)
		if err != nil {
			b.Fatal(err)
		}
		plan += time.Since(t0)
		o, v, c, _ := verifyOnce(b, local, remote, p)
		open += o
		verify += v + c
		t0 = time.Now()
		if err := execute(ctx, target, p); err != nil {
			b.Fatal(err)
		}
		run += time.Since(t0)
	}
	report(b, plan, open, verify)
	n := float64(b.N)
	b.ReportMetric(run.Seconds()/n, "execute-s")
	b.ReportMetric(load.Seconds()/n, "psql-s")
	// The CLI opens the scratch databases while it plans: wall time is
	// max(plan, open) + verify + execute.
	apply := max(plan, open) + verify + run
	b.ReportMetric(apply.Seconds()/n, "apply-s")
	b.ReportMetric(apply.Seconds()/load.Seconds(), "apply/psql")
}

func report(b *testing.B, plan, open, verify time.Duration) {
	n := float64(b.N)
	b.ReportMetric(plan.Seconds()/n, "plan-s")
	b.ReportMetric(open.Seconds()/n, "open-s")
	b.ReportMetric(verify.Seconds()/n, "verify-s")
}
