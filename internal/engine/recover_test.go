package engine

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// TestFault_RecordFailsMidRun (#8): the run is recorded in progress
// before its statements; when its outcome cannot be written afterwards
// (a full disk, simulated by a directory where outcome.json must go),
// the record is not half-written and does not claim "applied": it still
// says in progress, and RecoverRuns later records what the database
// shows.
func TestFault_RecordFailsMidRun(t *testing.T) {
	fc := newFaultCase(t, "CREATE TABLE t (id int PRIMARY KEY);", "", "CREATE TABLE t (id int PRIMARY KEY, note text);")
	before := fc.fingerprint(t)
	p := fc.plan(t)
	conn := mustConnect(t, fc.dsn)
	var inProgress []byte
	opts := ApplyOptions{Dir: fc.rec, Plan: p, Database: "test", Exec: catalog.ExecOptions{}, Now: time.Now,
		beforeFinish: func(rec string) {
			out := filepath.Join(fc.rec, filepath.FromSlash(rec), layout.OutcomeFile)
			var err error
			if inProgress, err = os.ReadFile(out); err != nil {
				t.Error(err)
			}
			// The disk "fills up": outcome.json cannot be replaced.
			if err := os.Remove(out); err != nil {
				t.Error(err)
			}
			if err := os.MkdirAll(filepath.Join(out, "full"), 0o755); err != nil {
				t.Error(err)
			}
		}}
	res, err := Apply(context.Background(), conn, opts)
	if err == nil || !strings.Contains(err.Error(), "recording its outcome failed") || res == nil || res.FinishErr == nil {
		t.Fatalf("Apply with an unwritable outcome = %+v, %v", res, err)
	}
	if !strings.Contains(string(inProgress), `"status": "in_progress"`) {
		t.Errorf("before the outcome, the record said:\n%s", inProgress)
	}
	if len(res.Rewritten) != 0 {
		t.Errorf("files were rewritten although the run is not recorded: %v", res.Rewritten)
	}
	entries, _ := os.ReadDir(filepath.Join(fc.rec, filepath.FromSlash(res.RecordDir)))
	for _, e := range entries {
		if strings.HasPrefix(e.Name(), ".") {
			t.Errorf("a temporary file was left in the record: %s", e.Name())
		}
	}
	// The disk has room again: the in-progress record is back as it was,
	// and the next command recovers it.
	out := filepath.Join(fc.rec, filepath.FromSlash(res.RecordDir), layout.OutcomeFile)
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, inProgress, 0o644); err != nil {
		t.Fatal(err)
	}
	recovered, err := RecoverRuns(context.Background(), conn, []string{res.RecordDir}, RecoverOptions{Dir: fc.rec, Database: "test", Now: time.Now})
	if err != nil || len(recovered) != 1 {
		t.Fatalf("RecoverRuns = %v, %v", recovered, err)
	}
	o := outcome(t, fc.rec, res.RecordDir)
	if o.Status != layout.StatusInterrupted || !strings.Contains(o.Recovery, "may have taken effect") || o.FingerprintBefore != before || o.FingerprintAfter == before {
		t.Errorf("recovered outcome: %+v", o)
	}
	// A record already finished is left alone.
	if again, err := RecoverRuns(context.Background(), conn, []string{res.RecordDir}, RecoverOptions{Dir: fc.rec, Database: "test", Now: time.Now}); err != nil || len(again) != 0 {
		t.Errorf("RecoverRuns of a finished record = %v, %v", again, err)
	}
}

// TestFault_UnrecordableRunChangesNothing (#8): when the run cannot be
// recorded before it starts, nothing runs.
func TestFault_UnrecordableRunChangesNothing(t *testing.T) {
	fc := newFaultCase(t, "CREATE TABLE t (id int PRIMARY KEY);", "", "CREATE TABLE t (id int PRIMARY KEY, note text);")
	before := fc.fingerprint(t)
	p := fc.plan(t)
	if err := os.WriteFile(filepath.Join(fc.rec, layout.MetaDir), []byte("in the way\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	res, err := fc.apply(t, mustConnect(t, fc.dsn), p, catalog.ExecOptions{})
	var re *RecordError
	if res != nil || err == nil || !strings.Contains(err.Error(), "nothing was applied") || !asRecordError(err, &re) {
		t.Fatalf("Apply into an unwritable directory = %+v, %v", res, err)
	}
	if got := fc.fingerprint(t); got != before {
		t.Error("the database changed although the run could not be recorded")
	}
}

func asRecordError(err error, target **RecordError) bool { return errors.As(err, target) }
