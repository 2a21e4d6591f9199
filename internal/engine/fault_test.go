package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/planfile"
	"github.com/renovate-pg/renovate/planner/render"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// The fault tests break an apply on a real PostgreSQL in the ways
// production does (a statement PostgreSQL rejects, the connection killed,
// a lock held by another session, a second apply) and check afterwards
// that the database is fully before or fully after the transactional
// part, that _meta/plans says what happened, and that a new plan is the
// right one for the database as it now is.

// faultCase is a database built from from (and data) and a directory of
// files holding to.
type faultCase struct {
	dsn   string
	local string // the files planned against
	rec   string // the schema directory apply records into
}

func newFaultCase(t *testing.T, from, data, to string) faultCase {
	t.Helper()
	fc := faultCase{dsn: srv.NewDatabase(t), local: t.TempDir(), rec: t.TempDir()}
	if err := execSQL(t, fc.dsn, from+"\n"+data); err != nil {
		t.Fatalf("loading from: %v", err)
	}
	if err := os.WriteFile(filepath.Join(fc.local, "to.sql"), []byte(to), 0o644); err != nil {
		t.Fatal(err)
	}
	return fc
}

func (fc faultCase) plan(t *testing.T, opts ...PlanOption) *planner.Plan {
	t.Helper()
	p, err := makePlanFor(t, fc.dsn, fc.local, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func (fc faultCase) fingerprint(t *testing.T) string {
	t.Helper()
	conn := mustConnect(t, fc.dsn)
	r, err := LoadRemote(context.Background(), conn)
	if err != nil {
		t.Fatal(err)
	}
	return r.Fingerprint
}

func (fc faultCase) apply(t *testing.T, conn *pgx.Conn, p *planner.Plan, exec catalog.ExecOptions) (*ApplyResult, error) {
	t.Helper()
	return Apply(context.Background(), conn, ApplyOptions{Dir: fc.rec, Plan: p, Database: "test", Exec: exec, Now: time.Now})
}

// outcome reads the outcome.json of the run recorded in dir.
func outcome(t *testing.T, rec, dir string) layout.Outcome {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(rec, filepath.FromSlash(dir), "outcome.json"))
	if err != nil {
		t.Fatal(err)
	}
	var o layout.Outcome
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	return o
}

func mustConnect(t *testing.T, dsn string) *pgx.Conn {
	t.Helper()
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	return conn
}

// waitForLockWait returns the pid of the backend of the database that
// waits for a lock, polling pg_stat_activity.
func waitForLockWait(t *testing.T, monitor *pgx.Conn) int {
	t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		var pid int
		err := monitor.QueryRow(context.Background(), `
SELECT pid FROM pg_stat_activity
WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()
LIMIT 1`).Scan(&pid)
		if err == nil {
			return pid
		}
		if !errors.Is(err, pgx.ErrNoRows) {
			t.Fatal(err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatal("no backend started waiting for a lock within 30s")
	return 0
}

func planText(p *planner.Plan) string {
	var b strings.Builder
	_ = render.SQL(&b, p)
	// The header names the fingerprint, which differs between plans made
	// against databases that are otherwise the same.
	_, body, _ := strings.Cut(b.String(), "\n\n")
	return body
}

const faultFrom = `
CREATE TABLE public.items (
	id integer PRIMARY KEY,
	code text NOT NULL
);`

const faultData = `INSERT INTO public.items SELECT g, 'c' || g FROM generate_series(1, 100) g;
INSERT INTO public.items VALUES (101, 'bad');`

// faultTo creates a table (the first step), adds a column, and adds a
// CHECK that the row 'bad' violates: the last statement fails.
const faultTo = `
CREATE TABLE public.audit (
	id integer PRIMARY KEY,
	note text
);
CREATE TABLE public.items (
	id integer PRIMARY KEY,
	code text NOT NULL CONSTRAINT items_code_check CHECK (code <> 'bad'),
	label text
);`

// (a) A statement that fails mid-plan: nothing of the transaction
// remains, the error names the statement, its object and PostgreSQL's
// message, the run is recorded as failed, and a new plan is the same plan.
func TestFault_StatementFailsMidPlan(t *testing.T) {
	fc := newFaultCase(t, faultFrom, faultData, faultTo)
	before := fc.fingerprint(t)
	p := fc.plan(t)
	if len(p.Steps) < 3 {
		t.Fatalf("want at least 3 steps, got:\n%s", planSQL(p))
	}
	conn := mustConnect(t, fc.dsn)
	res, err := fc.apply(t, conn, p, catalog.ExecOptions{})
	var se *catalog.StatementError
	if !errors.As(err, &se) {
		t.Fatalf("want a StatementError, got %v", err)
	}
	msg := err.Error()
	for _, want := range []string{"items_code_check", "constraint public.items.items_code_check", "is violated by some row", "SQLSTATE 23514", "rolled back"} {
		if !strings.Contains(msg, want) {
			t.Errorf("error does not mention %q:\n%s", want, msg)
		}
	}
	if got := fc.fingerprint(t); got != before {
		t.Errorf("the database changed although the transaction failed")
	}
	o := outcome(t, fc.rec, res.RecordDir)
	if o.Status != "failed" || o.StepsCommitted != 0 || o.FailedStep == 0 || !strings.Contains(o.FailedStatement, "items_code_check") {
		t.Errorf("outcome.json does not record the failure: %+v", o)
	}
	for _, r := range o.StepResults {
		want := catalog.StatusRolledBack
		if r.Step == o.FailedStep {
			want = catalog.StatusFailed
		}
		if r.Status != want {
			t.Errorf("step %d recorded as %s, want %s", r.Step, r.Status, want)
		}
	}
	if again := fc.plan(t); planText(again) != planText(p) {
		t.Errorf("the plan after the failure differs:\n%s\nbefore:\n%s", planSQL(again), planSQL(p))
	}
	// Fix the data; the same plan now applies and converges.
	if err := execSQL(t, fc.dsn, `UPDATE public.items SET code = 'good' WHERE code = 'bad'`); err != nil {
		t.Fatal(err)
	}
	if _, err := fc.apply(t, conn, fc.plan(t), catalog.ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	if again := fc.plan(t); !again.Empty() {
		t.Errorf("plan after the successful apply is not empty:\n%s", planSQL(again))
	}
}

// (a') A hand-edited plan whose statement PostgreSQL rejects at a
// position: the message shows where.
func TestFault_ErrorPosition(t *testing.T) {
	fc := newFaultCase(t, faultFrom, "", faultFrom)
	text := render.HeaderTitle + "\n" + render.HeaderFormatVersion + "1\n\nCREATE TABLE public.x (a integer);\n\nCREATE VIEW public.v AS\nSELECT id,\n  nosuch FROM public.items;\n"
	p, err := planfile.Read("edited.sql", text)
	if err != nil {
		t.Fatal(err)
	}
	// A hand-written plan must still say which database it was made for.
	p.RemoteFingerprint = fc.fingerprint(t)
	_, err = fc.apply(t, mustConnect(t, fc.dsn), p, catalog.ExecOptions{})
	if err == nil {
		t.Fatal("apply succeeded")
	}
	for _, want := range []string{"statement 2 failed", `column "nosuch" does not exist`, "at line 3 of the statement", "nosuch FROM"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error does not mention %q:\n%s", want, err)
		}
	}
	var n int
	if err := mustConnect(t, fc.dsn).QueryRow(context.Background(), `SELECT count(*) FROM pg_class WHERE relname = 'x'`).Scan(&n); err != nil || n != 0 {
		t.Errorf("table x exists after the failed transaction (n=%d, err=%v)", n, err)
	}
}

// (b) The connection is killed (pg_terminate_backend from another
// session) while a step waits for a lock: the transaction is gone
// entirely, the failed run is recorded, and a new plan is the same plan.
func TestFault_ConnectionKilled(t *testing.T) {
	fc := newFaultCase(t, faultFrom, "", strings.ReplaceAll(faultTo, "'bad'", "'worse'"))
	before := fc.fingerprint(t)
	p := fc.plan(t)

	ctx := context.Background()
	blocker := mustConnect(t, fc.dsn)
	tx, err := blocker.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `LOCK TABLE public.items IN ACCESS SHARE MODE`); err != nil {
		t.Fatal(err)
	}
	monitor := mustConnect(t, fc.dsn)
	killed := make(chan error, 1)
	go func() {
		pid := 0
		defer func() { killed <- nil }()
		deadline := time.Now().Add(30 * time.Second)
		for pid == 0 && time.Now().Before(deadline) {
			_ = monitor.QueryRow(ctx, `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' LIMIT 1`).Scan(&pid)
			time.Sleep(50 * time.Millisecond)
		}
		if pid != 0 {
			_, _ = monitor.Exec(ctx, `SELECT pg_terminate_backend($1)`, pid)
		}
	}()
	applyConn, err := catalog.Connect(ctx, fc.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer applyConn.Close(ctx)
	res, err := fc.apply(t, applyConn, p, catalog.ExecOptions{LockTimeout: 60 * time.Second})
	<-killed
	if err == nil {
		t.Fatal("apply succeeded although its connection was killed")
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(err.Error(), "terminat") && !strings.Contains(err.Error(), "closed") && !strings.Contains(err.Error(), "EOF") {
		t.Errorf("error does not say the connection was lost: %v", err)
	}
	if got := fc.fingerprint(t); got != before {
		t.Errorf("the database changed although the transaction was killed")
	}
	if res == nil || res.RecordDir == "" {
		t.Fatalf("the killed run was not recorded (res=%+v)", res)
	}
	o := outcome(t, fc.rec, res.RecordDir)
	if o.Status != "failed" || o.StepsCommitted != 0 || o.Error == "" {
		t.Errorf("outcome.json does not record the failure: %+v", o)
	}
	if again := fc.plan(t); planText(again) != planText(p) {
		t.Errorf("the plan after the kill differs:\n%s\nbefore:\n%s", planSQL(again), planSQL(p))
	}
	if _, err := fc.apply(t, mustConnect(t, fc.dsn), fc.plan(t), catalog.ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	if again := fc.plan(t); !again.Empty() {
		t.Errorf("plan after the successful apply is not empty:\n%s", planSQL(again))
	}
}

// (b') Online: the connection is killed during CREATE INDEX CONCURRENTLY
// (waiting for a writer's transaction). The transactional part stays
// applied, the index is left INVALID, the record says which steps ran,
// and the new plan drops the INVALID index concurrently before building
// it again.
func TestFault_ConnectionKilledDuringConcurrentIndex(t *testing.T) {
	to := faultFrom + `
CREATE TABLE public.audit (
	id integer PRIMARY KEY
);
CREATE INDEX items_code_idx ON public.items (code);`
	fc := newFaultCase(t, faultFrom, faultData, to)
	p := fc.plan(t, WithOnline(true))
	last := p.Steps[len(p.Steps)-1]
	if last.Transactional || !strings.HasPrefix(last.SQL, "CREATE INDEX CONCURRENTLY ") {
		t.Fatalf("want the index built concurrently, last:\n%s", planSQL(p))
	}

	ctx := context.Background()
	writer := mustConnect(t, fc.dsn)
	tx, err := writer.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `INSERT INTO public.items VALUES (1000, 'w')`); err != nil {
		t.Fatal(err)
	}
	monitor := mustConnect(t, fc.dsn)
	done := make(chan struct{})
	go func() {
		defer close(done)
		deadline := time.Now().Add(30 * time.Second)
		for time.Now().Before(deadline) {
			var pid int
			err := monitor.QueryRow(ctx, `SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock' AND query LIKE 'CREATE INDEX CONCURRENTLY%' LIMIT 1`).Scan(&pid)
			if err == nil {
				_, _ = monitor.Exec(ctx, `SELECT pg_terminate_backend($1)`, pid)
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}()
	applyConn, err := catalog.Connect(ctx, fc.dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer applyConn.Close(ctx)
	res, err := fc.apply(t, applyConn, p, catalog.ExecOptions{LockTimeout: 60 * time.Second})
	<-done
	if err == nil {
		t.Fatal("apply succeeded although its connection was killed")
	}
	if err := tx.Rollback(ctx); err != nil {
		t.Fatal(err)
	}
	o := outcome(t, fc.rec, res.RecordDir)
	if o.Status != "failed" || o.StepsCommitted != len(p.Steps)-1 || o.FailedStep != len(p.Steps) {
		t.Errorf("outcome.json: want steps 1..%d applied and step %d failed, got %+v", len(p.Steps)-1, len(p.Steps), o)
	}
	if got := o.StepResults[len(o.StepResults)-1].Status; got != catalog.StatusFailed {
		t.Errorf("last step recorded as %s", got)
	}
	var invalid bool
	if err := monitor.QueryRow(ctx, `SELECT NOT indisvalid FROM pg_index WHERE indexrelid = 'public.items_code_idx'::regclass`).Scan(&invalid); err != nil || !invalid {
		t.Fatalf("want an INVALID index left behind (invalid=%v, err=%v)", invalid, err)
	}
	again := fc.plan(t, WithOnline(true))
	if len(again.Steps) != 2 || !strings.HasPrefix(again.Steps[0].SQL, "DROP INDEX CONCURRENTLY ") ||
		!again.Steps[0].HasHazard(planner.HazardInvalidIndex) || !strings.HasPrefix(again.Steps[1].SQL, "CREATE INDEX CONCURRENTLY ") {
		t.Fatalf("want the new plan to drop the INVALID index and build it again:\n%s", planSQL(again))
	}
	if _, err := fc.apply(t, mustConnect(t, fc.dsn), again, catalog.ExecOptions{}); err != nil {
		t.Fatal(err)
	}
	if p := fc.plan(t, WithOnline(true)); !p.Empty() {
		t.Errorf("plan after the successful apply is not empty:\n%s", planSQL(p))
	}
}

// (c) A lock held by another session makes lock_timeout fire; the retry
// policy waits and retries the transaction, which succeeds once the lock
// is released, and the retries are recorded. With the lock never
// released, the retries run out and nothing is applied.
func TestFault_LockTimeoutRetried(t *testing.T) {
	to := strings.ReplaceAll(faultTo, "'bad'", "'worse'")
	ctx := context.Background()

	t.Run("released", func(t *testing.T) {
		fc := newFaultCase(t, faultFrom, "", to)
		p := fc.plan(t)
		blocker := mustConnect(t, fc.dsn)
		tx, err := blocker.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := tx.Exec(ctx, `LOCK TABLE public.items IN ACCESS SHARE MODE`); err != nil {
			t.Fatal(err)
		}
		// The blocker lets go once the apply has reported its first retry,
		// not after a fixed time: on a loaded machine the apply may reach
		// the lock later than any delay chosen here.
		var reported []catalog.Retry
		exec := catalog.ExecOptions{LockTimeout: 200 * time.Millisecond,
			Retry: catalog.RetryPolicy{Retries: 10, Backoff: 150 * time.Millisecond, MaxBackoff: 300 * time.Millisecond,
				OnRetry: func(r catalog.Retry) {
					reported = append(reported, r)
					if len(reported) == 1 {
						if err := tx.Commit(ctx); err != nil {
							t.Errorf("release the lock: %v", err)
						}
					}
				}}}
		res, err := fc.apply(t, mustConnect(t, fc.dsn), p, exec)
		if err != nil {
			t.Fatal(err)
		}
		if len(reported) == 0 {
			t.Fatal("no retry was reported although the lock was held")
		}
		o := outcome(t, fc.rec, res.RecordDir)
		if o.Status != "applied" || len(o.Retries) != len(reported) || !strings.Contains(o.Retries[0].Error, "55P03") {
			t.Errorf("outcome.json does not record the retries: %+v", o)
		}
		t.Logf("lock released after the first retry: %d retries, recorded %+v", len(reported), o.Retries)
		if again := fc.plan(t); !again.Empty() {
			t.Errorf("plan after the apply is not empty:\n%s", planSQL(again))
		}
	})

	t.Run("held", func(t *testing.T) {
		fc := newFaultCase(t, faultFrom, "", to)
		before := fc.fingerprint(t)
		p := fc.plan(t)
		blocker := mustConnect(t, fc.dsn)
		tx, err := blocker.Begin(ctx)
		if err != nil {
			t.Fatal(err)
		}
		defer func() { _ = tx.Rollback(ctx) }()
		if _, err := tx.Exec(ctx, `LOCK TABLE public.items IN ACCESS SHARE MODE`); err != nil {
			t.Fatal(err)
		}
		exec := catalog.ExecOptions{LockTimeout: 100 * time.Millisecond, Retry: catalog.RetryPolicy{Retries: 2, Backoff: 50 * time.Millisecond}}
		res, err := fc.apply(t, mustConnect(t, fc.dsn), p, exec)
		if err == nil || !strings.Contains(err.Error(), "55P03") {
			t.Fatalf("want a lock timeout, got %v", err)
		}
		// The message names the session holding the lock.
		var blockerPID int
		if err := blocker.QueryRow(ctx, `SELECT pg_backend_pid()`).Scan(&blockerPID); err != nil {
			t.Fatal(err)
		}
		if want := fmt.Sprintf("held up by public.items locked by pid %d", blockerPID); !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), "AccessShareLock") {
			t.Errorf("error does not name the blocking session (%q):\n%v", want, err)
		}
		o := outcome(t, fc.rec, res.RecordDir)
		if o.Status != "failed" || len(o.Retries) != 2 || o.StepsCommitted != 0 {
			t.Errorf("outcome.json: want 2 retries and nothing committed, got %+v", o)
		}
		if got := fc.fingerprint(t); got != before {
			t.Errorf("the database changed although every attempt timed out")
		}
	})
}

// (d) A second apply while one runs: it fails at once, clearly, and
// changes nothing; the first completes.
func TestFault_ConcurrentApply(t *testing.T) {
	fc := newFaultCase(t, faultFrom, "", strings.ReplaceAll(faultTo, "'bad'", "'worse'"))
	p := fc.plan(t)
	ctx := context.Background()
	blocker := mustConnect(t, fc.dsn)
	tx, err := blocker.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := tx.Exec(ctx, `LOCK TABLE public.items IN ACCESS SHARE MODE`); err != nil {
		t.Fatal(err)
	}
	first := make(chan error, 1)
	go func() {
		conn, err := catalog.Connect(ctx, fc.dsn)
		if err != nil {
			first <- err
			return
		}
		defer conn.Close(ctx)
		_, err = Apply(ctx, conn, ApplyOptions{Dir: fc.rec, Plan: p, Database: "test", Exec: catalog.ExecOptions{LockTimeout: time.Minute}, Now: time.Now})
		first <- err
	}()
	// The first apply holds the advisory lock and waits on the table lock.
	waitForLockWait(t, mustConnect(t, fc.dsn))
	second := t.TempDir()
	res, err := Apply(ctx, mustConnect(t, fc.dsn), ApplyOptions{Dir: second, Plan: p, Database: "test", Now: time.Now})
	if !errors.Is(err, catalog.ErrLocked) || res != nil {
		t.Fatalf("second apply: want ErrLocked, got %v (%+v)", err, res)
	}
	if !strings.Contains(err.Error(), "another renovate apply is running") {
		t.Errorf("unclear message: %v", err)
	}
	if _, err := os.Stat(filepath.Join(second, filepath.FromSlash(layout.PlansDir))); !os.IsNotExist(err) {
		t.Errorf("the refused apply recorded a run (%v)", err)
	}
	if err := tx.Commit(ctx); err != nil {
		t.Fatal(err)
	}
	if err := <-first; err != nil {
		t.Fatalf("first apply: %v", err)
	}
	if again := fc.plan(t); !again.Empty() {
		t.Errorf("plan after the first apply is not empty:\n%s", planSQL(again))
	}
}
