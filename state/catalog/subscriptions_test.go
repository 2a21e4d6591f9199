package catalog

import (
	"testing"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// TestSubscriptionsAsNonSuperuser: a role that is not a superuser can read
// a database holding a subscription. From PostgreSQL 14 on it reads the
// subscription, with its connection string hidden (only superusers may
// read subconninfo). On 13, where PUBLIC may not even name
// pg_subscription.oid or subsynccommit, introspection, the snapshot and
// the unmanaged listing still succeed, and the subscription is named as
// unmanaged instead of vanishing.
func TestSubscriptionsAsNonSuperuser(t *testing.T) {
	ctx := testContext(t)
	_, conn := newDatabase(t,
		`DO $$ BEGIN CREATE ROLE cat_sub_reader; EXCEPTION WHEN duplicate_object THEN NULL; END $$`,
		`CREATE TABLE t (id int PRIMARY KEY)`,
		`CREATE SUBSCRIPTION cat_sub CONNECTION 'dbname=cat_sub_nowhere' PUBLICATION p WITH (connect = false)`,
	)
	if _, err := conn.Exec(ctx, "SET ROLE cat_sub_reader", pgx.QueryExecModeSimpleProtocol); err != nil {
		t.Fatal(err)
	}
	schema, err := Introspect(ctx, conn)
	if err != nil {
		t.Fatalf("introspecting as a role that is not a superuser: %v", err)
	}
	if _, err := ReadSnapshot(ctx, conn); err != nil {
		t.Fatalf("snapshot as a role that is not a superuser: %v", err)
	}
	unmanaged, err := Unmanaged(ctx, conn)
	if err != nil {
		t.Fatalf("listing unmanaged objects as a role that is not a superuser: %v", err)
	}
	listed := false
	for _, o := range unmanaged {
		if o.Kind == "subscription" && o.Name == "cat_sub" {
			listed = true
			if _, ok := unmanagedReasons[o.Kind]; !ok {
				t.Errorf("no reason given for %s", o)
			}
		}
	}
	if srv.Version() >= 14 {
		if len(schema.Subscriptions) != 1 {
			t.Fatalf("read %d subscriptions, want cat_sub", len(schema.Subscriptions))
		}
		if got, want := schema.Subscriptions[0].Connection, state.HiddenConnection("cat_sub"); got != want {
			t.Errorf("connection = %q, want the hidden reference %q", got, want)
		}
		if listed {
			t.Error("a readable subscription is also listed as unmanaged")
		}
		return
	}
	if len(schema.Subscriptions) != 0 {
		t.Errorf("read %d subscriptions whose definition the role may not read", len(schema.Subscriptions))
	}
	if !listed {
		t.Errorf("the unreadable subscription is not named as unmanaged: %v", unmanaged)
	}
}
