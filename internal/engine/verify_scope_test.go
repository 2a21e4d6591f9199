package engine

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/internal/filter"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state/catalog"
)

// verifyScopedSetup is verifySetup for an environment: the files and the
// database are loaded in sc's scope, as plan loads them. It also returns
// the target's objects that use unmanaged ones.
func verifyScopedSetup(t *testing.T, from, to string, sc Scope) (*Local, *Remote, *planner.Plan, []catalog.UnmanagedDependent) {
	t.Helper()
	ctx := context.Background()
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, from); err != nil {
		t.Fatalf("loading from.sql: %v", err)
	}
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "to.sql"), []byte(to), 0o644); err != nil {
		t.Fatal(err)
	}
	local, err := LoadLocalScoped(dir, sc)
	if err != nil {
		t.Fatal(err)
	}
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	remote, err := LoadRemoteScoped(ctx, conn, local, sc)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Plan(ctx, conn, local.Parsed, remote)
	if err != nil {
		t.Fatal(err)
	}
	held, err := catalog.UnmanagedDependents(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	return local, remote, p, held
}

// TestVerifyHonoursFilters: an excluded table (here one a managed table
// refers to) is in the database but not in the files. Verification copies
// it, compares in scope, and passes; a plan missing a step still fails,
// naming what differs.
func TestVerifyHonoursFilters(t *testing.T) {
	ctx := context.Background()
	f, err := filter.New(nil, []string{"public.audit_*"})
	if err != nil {
		t.Fatal(err)
	}
	sc := Scope{Filter: f}
	from := `CREATE TABLE audit_log (id int PRIMARY KEY, msg text);
CREATE TABLE users (id int PRIMARY KEY, email text, audit_id int REFERENCES audit_log);
CREATE VIEW audit_recent AS SELECT id, msg FROM audit_log;
`
	to := `CREATE TABLE users (id int PRIMARY KEY, email text, nickname text, audit_id int REFERENCES audit_log (id));
CREATE INDEX users_email_idx ON users (email);
`
	t.Run("correct plan", func(t *testing.T) {
		local, remote, p, _ := verifyScopedSetup(t, from, to, sc)
		if strings.Contains(planSQL(p), "audit") && strings.Contains(planSQL(p), "DROP") {
			t.Fatalf("the plan touches the excluded objects:\n%s", planSQL(p))
		}
		shadow, reference := scratchPair(t)
		if _, err := VerifyWith(ctx, shadow, reference, local.Parsed, remote, p, VerifyOptions{Filter: f}); err != nil {
			t.Fatalf("verifying a correct plan with an exclude filter failed: %v\nplan:\n%s", err, planSQL(p))
		}
	})
	t.Run("missing step", func(t *testing.T) {
		local, remote, p, _ := verifyScopedSetup(t, from, to, sc)
		var kept []planner.Step
		for _, s := range p.Steps {
			if !strings.Contains(s.SQL, "nickname") {
				kept = append(kept, s)
			}
		}
		if len(kept) == len(p.Steps) {
			t.Fatalf("no step adds nickname:\n%s", planSQL(p))
		}
		p.Steps = kept
		shadow, reference := scratchPair(t)
		_, err := VerifyWith(ctx, shadow, reference, local.Parsed, remote, p, VerifyOptions{Filter: f})
		var ve *VerificationError
		if !errors.As(err, &ve) || ve.Stage != StageResult {
			t.Fatalf("want a result-stage VerificationError, got %v", err)
		}
		msg := err.Error()
		for _, want := range []string{"1 object(s) still differ", "Table public.users:", "+    nickname text", "ADD COLUMN nickname"} {
			if !strings.Contains(msg, want) {
				t.Errorf("report lacks %q:\n%s", want, msg)
			}
		}
		if strings.Contains(msg, "audit_recent") || strings.Contains(msg, "Table public.audit_log") {
			t.Errorf("report names the excluded objects:\n%s", msg)
		}
	})
}

// unmanagedFrom is a database whose managed objects use unmanaged ones:
// indexes calling a function of a language made by hand (CREATE
// LANGUAGE outside an extension is not managed; the function depends on
// it, the indexes on the function).
const unmanagedFrom = `CREATE TYPE mytext;
CREATE FUNCTION mytext_in(cstring) RETURNS mytext LANGUAGE internal IMMUTABLE STRICT AS 'textin';
CREATE FUNCTION mytext_out(mytext) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';
CREATE TYPE mytext (INPUT = mytext_in, OUTPUT = mytext_out, LIKE = text);
CREATE FUNCTION rev_key(v int) RETURNS mytext LANGUAGE sql IMMUTABLE AS 'SELECT NULL::public.mytext';
CREATE TABLE docs (id int PRIMARY KEY, v int, body text);
CREATE INDEX docs_rev ON docs (((rev_key(v))::text));
CREATE INDEX docs_rev2 ON docs (((rev_key(v))::text), id);
`

// unmanagedFiles are the files of unmanagedFrom (what init writes: the
// base type is not managed; its input and output functions are, and use
// it).
const unmanagedFiles = `CREATE FUNCTION mytext_in(cstring) RETURNS mytext LANGUAGE internal IMMUTABLE STRICT AS 'textin';
CREATE FUNCTION mytext_out(mytext) RETURNS cstring LANGUAGE internal IMMUTABLE STRICT AS 'textout';
CREATE FUNCTION rev_key(v int) RETURNS mytext LANGUAGE sql IMMUTABLE AS 'SELECT NULL::public.mytext';
CREATE TABLE docs (id int PRIMARY KEY, v int, body text);
CREATE INDEX docs_rev ON docs (((rev_key(v))::text));
CREATE INDEX docs_rev2 ON docs (((rev_key(v))::text), id);
`

// TestVerifyUnmanagedDependents: objects that use unmanaged ones cannot be
// built in a copy made from renovate's model. A plan that does not touch
// them is verified without them, and says which were left out; a plan
// that changes one cannot be verified (a copy-stage error naming it).
func TestVerifyUnmanagedDependents(t *testing.T) {
	ctx := context.Background()
	from, files := unmanagedFrom, unmanagedFiles

	t.Run("untouched", func(t *testing.T) {
		to := files + "CREATE TABLE notes (id int PRIMARY KEY, doc_id int REFERENCES docs);\nALTER TABLE docs ADD COLUMN title text;\n"
		local, remote, p, held := verifyScopedSetup(t, from, to, Scope{})
		want := []string{"index public.docs.docs_rev", "index public.docs.docs_rev2"}
		var got []string
		for _, h := range held {
			got = append(got, h.Key.String())
		}
		for _, w := range want {
			if !strings.Contains(strings.Join(got, "\n"), w) {
				t.Errorf("UnmanagedDependents lacks %s: %v", w, held)
			}
		}
		for _, h := range held {
			if h.Key.Kind == "table" {
				t.Errorf("the table is held back too: %v", held)
			}
		}
		// Without holding them back, the copy cannot be made: the failure
		// this fixes.
		shadow, reference := scratchPair(t)
		if _, err := Verify(ctx, shadow, reference, local.Parsed, remote, p); err == nil {
			t.Errorf("verification without holding back succeeded; the test does not test anything")
		}
		shadow, reference = scratchPair(t)
		res, err := VerifyWith(ctx, shadow, reference, local.Parsed, remote, p, VerifyOptions{Unmanaged: held})
		if err != nil {
			t.Fatalf("verifying a plan that does not touch the objects using unmanaged ones failed: %v\nplan:\n%s", err, planSQL(p))
		}
		if len(res.HeldBack) != len(held) {
			t.Errorf("HeldBack = %v, want %v", res.HeldBack, held)
		}
		if d := DescribeHeld(res.HeldBack, 10); !strings.Contains(d, "index public.docs.docs_rev (uses type public.mytext)") {
			t.Errorf("DescribeHeld does not say what the index uses: %s", d)
		}
	})

	t.Run("new dependent of a hand-made base type", func(t *testing.T) {
		// The base type was made by hand in the target; the plan creates
		// the first index calling a function returning it. The copy lacks
		// the type: the plan cannot be verified, which is not a failure
		// of the plan.
		from := strings.Replace(unmanagedFrom, "CREATE INDEX docs_rev ON docs (((rev_key(v))::text));\nCREATE INDEX docs_rev2 ON docs (((rev_key(v))::text), id);\n", "", 1)
		to := strings.Replace(files, "CREATE INDEX docs_rev2 ON docs (((rev_key(v))::text), id);\n", "", 1)
		local, remote, p, held := verifyScopedSetup(t, from, to, Scope{})
		shadow, reference := scratchPair(t)
		_, err := VerifyWith(ctx, shadow, reference, local.Parsed, remote, p, VerifyOptions{Unmanaged: held})
		var ve *VerificationError
		if !errors.As(err, &ve) || ve.Stage != StageCopy {
			t.Fatalf("want a copy-stage VerificationError (cannot verify), got %v\nplan:\n%s", err, planSQL(p))
		}
		if !strings.Contains(err.Error(), "does not manage") {
			t.Errorf("the error does not say why: %v", err)
		}
	})

	t.Run("changed", func(t *testing.T) {
		to := strings.Replace(files, "ON docs (((rev_key(v))::text));", "ON docs (((rev_key(v))::text)) WHERE v > 0;", 1)
		local, remote, p, held := verifyScopedSetup(t, from, to, Scope{})
		shadow, reference := scratchPair(t)
		_, err := VerifyWith(ctx, shadow, reference, local.Parsed, remote, p, VerifyOptions{Unmanaged: held})
		var ve *VerificationError
		if !errors.As(err, &ve) || ve.Stage != StageCopy {
			t.Fatalf("want a copy-stage VerificationError (cannot verify), got %v\nplan:\n%s", err, planSQL(p))
		}
		if !strings.Contains(err.Error(), "docs_rev") || !strings.Contains(err.Error(), "mytext") {
			t.Errorf("the error does not name the index and what it uses: %v", err)
		}
	})
}

// TestVerificationErrorAlwaysSaysWhat: a second plan of statements that
// belong to no object change (grants, say) and a difference only the
// model shows are reported with what differs, never as "0 file(s)".
func TestVerificationErrorAlwaysSaysWhat(t *testing.T) {
	e := &VerificationError{Stage: StageResult, RemainingSQL: []string{"REVOKE ALL ON FUNCTION public.f() FROM PUBLIC;\n"}}
	msg := e.Error()
	if strings.Contains(msg, "0 file(s)") || !strings.Contains(msg, "REVOKE ALL ON FUNCTION public.f() FROM PUBLIC;") {
		t.Errorf("message does not say what differs:\n%s", msg)
	}
	empty := (&VerificationError{Stage: StageResult}).Error()
	if strings.Contains(empty, "0 file(s)") || !strings.Contains(empty, "bug") {
		t.Errorf("an empty result-stage error should be reported as a bug: %s", empty)
	}
}
