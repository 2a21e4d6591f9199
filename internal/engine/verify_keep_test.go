package engine

import (
	"context"
	"errors"
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/internal/shadow"
	"github.com/renovate-pg/renovate/planner"
)

const keepFrom = `
CREATE TABLE public.customers (id bigint PRIMARY KEY, name text NOT NULL);
CREATE TABLE public.orders (id bigint PRIMARY KEY, customer bigint REFERENCES public.customers, total numeric(10,2));
CREATE VIEW public.big_orders AS SELECT id, total FROM public.orders WHERE total > 100;
CREATE FUNCTION public.order_count(c bigint) RETURNS bigint LANGUAGE sql STABLE
    AS $$SELECT count(*) FROM public.orders WHERE customer = c$$;
`

const keepTo = `
CREATE TABLE public.customers (id bigint PRIMARY KEY, name text NOT NULL, email text);
CREATE TABLE public.orders (id bigint PRIMARY KEY, customer bigint REFERENCES public.customers, total numeric(10,2));
CREATE INDEX orders_customer ON public.orders (customer);
CREATE VIEW public.big_orders AS SELECT id, total FROM public.orders WHERE total > 100;
CREATE FUNCTION public.order_count(c bigint) RETURNS bigint LANGUAGE sql STABLE
    AS $$SELECT count(*) FROM public.orders WHERE customer = c$$;
`

// keepVerify opens a throwaway shadow cluster (kept clusters under the
// test's RENOVATE_SHADOW_KEEP), verifies p with every build kept, after
// running tamper (when not nil) on the cluster, and closes it.
func keepVerify(t *testing.T, local *Local, remote *Remote, p *planner.Plan, tamper func(*shadow.DB)) (*VerifyResult, error) {
	t.Helper()
	ctx := context.Background()
	db, err := shadow.Open(ctx, "")
	if err != nil {
		t.Fatal(err)
	}
	defer func() {
		if err := db.Close(ctx); err != nil {
			t.Errorf("closing the shadow: %v", err)
		}
	}()
	if !db.Keeps() {
		t.Fatal("a throwaway shadow cluster does not keep its databases")
	}
	if tamper != nil {
		tamper(db)
	}
	sc, ref, err := db.Connect(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer sc.Close(ctx)
	defer ref.Close(ctx)
	return VerifyWith(ctx, sc, ref, local.Parsed, remote, p, VerifyOptions{Keep: db, KeepMinSteps: -1})
}

// TestVerifyKeepsScratch: the second verification of a plan clones the
// copy and the reference the first built and kept, with the same
// verdict and result; a plan against another database state builds its
// own; a kept copy tampered with gives no wrong verdict (the plan is
// verified again on databases built anew); and a wrong plan still fails
// on kept databases.
func TestVerifyKeepsScratch(t *testing.T) {
	t.Setenv(shadow.EnvKeep, t.TempDir())
	local, remote, p := verifySetup(t, keepFrom, keepTo)
	if len(p.Steps) == 0 {
		t.Fatal("empty plan")
	}
	first, err := keepVerify(t, local, remote, p, nil)
	if err != nil {
		t.Fatalf("first verification: %v", err)
	}
	if first.KeptCopy || first.KeptReference {
		t.Fatalf("first verification used kept databases: %+v", first)
	}
	second, err := keepVerify(t, local, remote, p, nil)
	if err != nil {
		t.Fatalf("second verification: %v", err)
	}
	if !second.KeptCopy || !second.KeptReference {
		t.Fatalf("second verification built again: kept copy %t, kept reference %t", second.KeptCopy, second.KeptReference)
	}
	// The first verification passed: it named its builds by their
	// models, so the second planned neither.
	if !second.ByModel {
		t.Error("second verification planned the builds again: the kept ones were not found by their models")
	}
	if second.Fingerprint != first.Fingerprint || second.CopyStatements != first.CopyStatements {
		t.Fatalf("results differ: %s/%d against %s/%d", second.Fingerprint, second.CopyStatements, first.Fingerprint, first.CopyStatements)
	}

	// A run that takes the kept cluster and keeps nothing (init's
	// fidelity check) gives it back whole.
	db, err := shadow.Open(context.Background(), "")
	if err != nil {
		t.Fatal(err)
	}
	if err := db.Close(context.Background()); err != nil {
		t.Fatal(err)
	}
	if res, err := keepVerify(t, local, remote, p, nil); err != nil || !res.KeptCopy || !res.KeptReference {
		t.Fatalf("after a run that kept nothing: %+v, %v; want the kept copy and reference", res, err)
	}

	// Another state of the database: other copy statements, other key.
	local2, remote2, p2 := verifySetup(t, keepFrom+"CREATE TABLE public.extra (id int);\n", keepTo+"CREATE TABLE public.extra (id int, note text);\n")
	third, err := keepVerify(t, local2, remote2, p2, nil)
	if err != nil {
		t.Fatalf("verification of another state: %v", err)
	}
	if third.KeptCopy {
		t.Fatal("a copy kept for another database state was used")
	}

	// A wrong plan (its last step dropped) fails on kept databases too.
	bad := *p2
	bad.Steps = bad.Steps[:len(bad.Steps)-1]
	if _, err := keepVerify(t, local2, remote2, &bad, nil); err == nil {
		t.Fatal("a plan missing its last step passed verification on kept databases")
	} else if ve := (*VerificationError)(nil); !errors.As(err, &ve) || ve.Stage != StageResult {
		t.Fatalf("wrong plan: %v, want a result-stage verification error", err)
	}

	// Tampered with: the kept copy of remote2 gets a table the database
	// does not have, and is kept again under its key.
	tampered, err := keepVerify(t, local2, remote2, p2, func(db *shadow.DB) {
		ctx := context.Background()
		key := keepKey("copy", Scope{}, mustCopyPlan(t, remote2))
		if _, ok := db.Kept(key); !ok {
			t.Fatal("the copy of the second state is not kept")
		}
		conn, err := db.NewDatabase(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := conn.Exec(ctx, "CREATE TABLE public.planted (id int)"); err != nil {
			t.Fatal(err)
		}
		fp, _ := db.Kept(key)
		if err := db.Keep(ctx, conn, key, fp); err != nil {
			t.Fatal(err)
		}
	})
	if err != nil {
		t.Fatalf("verification with a tampered kept copy: %v", err)
	}
	if tampered.KeptCopy {
		t.Fatal("the verdict came from the tampered copy")
	}
	if tampered.Fingerprint != third.Fingerprint {
		t.Fatalf("result %s after rebuilding, want %s", tampered.Fingerprint, third.Fingerprint)
	}
	// The rebuilt copy replaced the tampered one.
	again, err := keepVerify(t, local2, remote2, p2, nil)
	if err != nil || !again.KeptCopy {
		t.Fatalf("after the rebuild: kept copy %v, err %v", again != nil && again.KeptCopy, err)
	}

	// Tampered with in place, its model key standing: found by its
	// model, the copy still gives no wrong verdict.
	inPlace, err := keepVerify(t, local2, remote2, p2, func(db *shadow.DB) {
		ctx := context.Background()
		cfg, err := pgx.ParseConfig(db.DSN)
		if err != nil {
			t.Fatal(err)
		}
		cfg.Database = "renovate_kept_" + keepKey("copy", Scope{}, mustCopyPlan(t, remote2))[:32]
		conn, err := pgx.ConnectConfig(ctx, cfg)
		if err != nil {
			t.Fatalf("connecting to the kept copy: %v", err)
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "CREATE TABLE public.planted (id int)"); err != nil {
			t.Fatal(err)
		}
	})
	if err != nil {
		t.Fatalf("verification with a copy tampered with in place: %v", err)
	}
	if inPlace.KeptCopy || inPlace.Fingerprint != third.Fingerprint {
		t.Fatalf("tampered in place: kept copy %t, result %s; want a rebuild giving %s", inPlace.KeptCopy, inPlace.Fingerprint, third.Fingerprint)
	}
}

// mustCopyPlan is the plan that builds remote's copy from nothing, as
// verification makes it.
func mustCopyPlan(t *testing.T, remote *Remote) *planner.Plan {
	t.Helper()
	ctx := context.Background()
	conn, err := connect(t, srv.NewDatabase(t))
	if err != nil {
		t.Fatal(err)
	}
	whole, err := parseRemote(serverFiles(remote.Raw))
	if err != nil {
		t.Fatal(err)
	}
	empty, err := LoadRemote(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	p, err := Plan(ctx, conn, whole, empty)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
