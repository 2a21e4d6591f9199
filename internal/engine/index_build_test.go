package engine

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/planner"
)

// TestIndexBeingBuiltIsNotDropped: an index another session is building
// with CREATE INDEX CONCURRENTLY is INVALID until the build ends, like
// the leftover of a failed build, which plans drop. While the build runs
// the plan refuses, naming the index and the session; once it is over,
// planning goes on (and a real leftover is still dropped).
func TestIndexBeingBuiltIsNotDropped(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	const schema = "CREATE TABLE public.t (id int PRIMARY KEY, x int);\n"
	fc := newFaultCase(t, schema, "INSERT INTO public.t VALUES (1, 1);", schema+"CREATE INDEX t_x_idx ON public.t (x);\n")

	// A writer's open transaction makes the concurrent build wait after
	// it has created the (invalid) index.
	writer := mustConnect(t, fc.dsn)
	if _, err := writer.Exec(ctx, "BEGIN; INSERT INTO public.t VALUES (2, 2)"); err != nil {
		t.Fatal(err)
	}
	builder := mustConnect(t, fc.dsn)
	built := make(chan error, 1)
	go func() {
		_, err := builder.Exec(ctx, "CREATE INDEX CONCURRENTLY t_x_idx ON public.t (x)")
		built <- err
	}()
	monitor := mustConnect(t, fc.dsn)
	builderPID := waitForLockWait(t, monitor)
	var invalid bool
	if err := monitor.QueryRow(ctx, `SELECT NOT indisvalid FROM pg_index WHERE indexrelid = 'public.t_x_idx'::regclass`).Scan(&invalid); err != nil || !invalid {
		t.Fatalf("the index being built should exist and be invalid: %v %v", invalid, err)
	}

	_, err := makePlanFor(t, fc.dsn, fc.local, WithOnline(true))
	var inProgress *IndexBuildInProgressError
	if !errors.As(err, &inProgress) {
		t.Fatalf("planning during the build: want IndexBuildInProgressError, got %v", err)
	}
	if len(inProgress.Builds) != 1 || inProgress.Builds[0].Index.Name != "t_x_idx" || inProgress.Builds[0].PID != builderPID ||
		!strings.Contains(err.Error(), "t_x_idx") || !strings.Contains(err.Error(), "plan again") {
		t.Errorf("error does not name the build (builder pid %d): %+v\n%v", builderPID, inProgress.Builds, err)
	}

	if _, err := writer.Exec(ctx, "COMMIT"); err != nil {
		t.Fatal(err)
	}
	if err := <-built; err != nil {
		t.Fatalf("the concurrent build failed: %v", err)
	}
	p, err := makePlanFor(t, fc.dsn, fc.local, WithOnline(true))
	if err != nil {
		t.Fatalf("planning after the build: %v", err)
	}
	if !p.Empty() {
		t.Errorf("after the build the files match; plan:\n%s", planSQL(p))
	}

	// A leftover of a failed build (no session on it) is still dropped.
	if _, err := monitor.Exec(ctx, "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'public.t_x_idx'::regclass"); err != nil {
		t.Fatal(err)
	}
	p, err = makePlanFor(t, fc.dsn, fc.local, WithOnline(true))
	if err != nil {
		t.Fatalf("planning with a leftover invalid index: %v", err)
	}
	dropped := false
	for _, s := range p.Steps {
		if s.HasHazard(planner.HazardInvalidIndex) && strings.Contains(s.SQL, "DROP INDEX CONCURRENTLY") {
			dropped = true
		}
	}
	if !dropped {
		t.Errorf("the leftover invalid index is not dropped:\n%s", planSQL(p))
	}
}
