package engine

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/planner"
)

// TestVerifyFirstDeploy covers the shortcut of a first deploy: on an
// empty database the plan is the reference's build, so the reference is
// not built again, and the verification still passes a good plan and
// still catches a plan that lost a statement. On a database that is not
// empty the reference is built (concurrently) as before.
func TestVerifyFirstDeploy(t *testing.T) {
	ctx := context.Background()
	to := "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);\n" +
		"CREATE TABLE orders (id int PRIMARY KEY, user_id int REFERENCES users (id), total numeric CHECK (total >= 0));\n" +
		"CREATE INDEX orders_user_idx ON orders (user_id);\n" +
		"CREATE VIEW big_orders AS SELECT id, total FROM orders WHERE total > 100;\n"

	t.Run("good plan, reference not rebuilt", func(t *testing.T) {
		local, remote, p := verifySetup(t, "", to)
		shadow, reference := scratchPair(t)
		res, err := Verify(ctx, shadow, reference, local.Parsed, remote, p)
		if err != nil {
			t.Fatalf("verification of a first deploy: %v", err)
		}
		if !res.ReferenceFromShadow {
			t.Errorf("a first deploy built the reference again")
		}
		var n int
		if err := reference.QueryRow(ctx, "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace").Scan(&n); err != nil || n != 0 {
			t.Errorf("reference database holds %d relations (%v), want none", n, err)
		}
	})

	t.Run("plan that lost a statement", func(t *testing.T) {
		local, remote, p := verifySetup(t, "", to)
		var kept []planner.Step
		for _, s := range p.Steps {
			if !strings.Contains(s.SQL, "orders_user_idx") {
				kept = append(kept, s)
			}
		}
		if len(kept) == len(p.Steps) {
			t.Fatalf("no step creates orders_user_idx:\n%s", planSQL(p))
		}
		p.Steps = kept
		shadow, reference := scratchPair(t)
		_, err := Verify(ctx, shadow, reference, local.Parsed, remote, p)
		var ve *VerificationError
		if !errors.As(err, &ve) || ve.Stage != StageResult || !strings.Contains(err.Error(), "orders_user_idx") {
			t.Fatalf("want a result-stage VerificationError naming orders_user_idx, got %v", err)
		}
	})

	t.Run("database not empty", func(t *testing.T) {
		local, remote, p := verifySetup(t, "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL);\n", to)
		shadow, reference := scratchPair(t)
		res, err := Verify(ctx, shadow, reference, local.Parsed, remote, p)
		if err != nil {
			t.Fatalf("verification: %v", err)
		}
		if res.ReferenceFromShadow {
			t.Errorf("the reference was taken from the shadow, but the copy was not empty")
		}
		var n int
		if err := reference.QueryRow(ctx, "SELECT count(*) FROM pg_class WHERE relname = 'big_orders'").Scan(&n); err != nil || n != 1 {
			t.Errorf("reference database: %d big_orders (%v), want the files built there", n, err)
		}
	})
}
