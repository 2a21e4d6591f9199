package engine

import (
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
)

func TestIsRemoval(t *testing.T) {
	col := state.ObjectKey{Kind: state.KindColumn, Schema: "public", Table: "items", Name: "note"}
	for _, tc := range []struct {
		name string
		step planner.Step
		want bool
	}{
		{"create table", planner.Step{Action: planner.ActionCreate, Object: state.ObjectKey{Kind: state.KindTable, Schema: "public", Name: "tags"}}, false},
		{"add column", planner.Step{Action: planner.ActionCreate, Object: col}, false},
		{"widen type", planner.Step{Action: planner.ActionAlter, Object: col, Hazards: []planner.Hazard{{Kind: planner.HazardTableRewrite, Message: "rewrites"}}}, false},
		{"drop not null", planner.Step{Action: planner.ActionAlter, Object: col}, false},
		{"add to publication", planner.Step{Action: planner.ActionAlter, Object: state.ObjectKey{Kind: state.KindPublication, Name: "p"}}, false},
		{"drop column", planner.Step{Action: planner.ActionDrop, Object: col}, true},
		{"drop table", planner.Step{Action: planner.ActionDrop, Object: state.ObjectKey{Kind: state.KindTable, Schema: "public", Name: "old"}}, true},
		{"narrow type", planner.Step{Action: planner.ActionAlter, Object: col, Hazards: []planner.Hazard{{Kind: planner.HazardCastMayFail, Message: "may fail"}}}, true},
		{"lossy type", planner.Step{Action: planner.ActionAlter, Object: col, Hazards: []planner.Hazard{{Kind: planner.HazardDeletesData, Message: "truncates"}}}, true},
		{"rename", planner.Step{Action: planner.ActionRename, Object: col}, true},
		{"delete rows", planner.Step{Action: planner.ActionDelete, Object: state.ObjectKey{Kind: state.KindTable, Schema: "public", Name: "countries"}}, true},
	} {
		if got := IsRemoval(tc.step); got != tc.want {
			t.Errorf("%s: IsRemoval = %v, want %v", tc.name, got, tc.want)
		}
	}
}

// TestOrderReplication: additive subscriber steps first, then the
// publisher, then the subscriber's removals (a step depending on a
// removal moves with it), then its subscription refreshed, added when
// the publisher's plan changes the publication it subscribes to.
func TestOrderReplication(t *testing.T) {
	tbl := func(n string) state.ObjectKey {
		return state.ObjectKey{Kind: state.KindTable, Schema: "public", Name: n}
	}
	sub := &planner.Plan{RemoteFingerprint: "subfp", Steps: []planner.Step{
		{ID: 1, Action: planner.ActionDrop, Object: state.ObjectKey{Kind: state.KindView, Schema: "public", Name: "v"}, SQL: "DROP VIEW public.v;\n", Transactional: true},
		{ID: 2, Action: planner.ActionCreate, Object: tbl("tags"), SQL: "CREATE TABLE public.tags ();\n", Transactional: true},
		{ID: 3, Action: planner.ActionCreate, Object: state.ObjectKey{Kind: state.KindView, Schema: "public", Name: "v"}, SQL: "CREATE VIEW public.v AS SELECT 1;\n", Transactional: true, DependsOn: []int{1}},
		{ID: 4, Action: planner.ActionDrop, Object: tbl("old"), SQL: "DROP TABLE public.old;\n", Transactional: true},
	}}
	pub := &planner.Plan{RemoteFingerprint: "pubfp", Steps: []planner.Step{
		{ID: 1, Action: planner.ActionCreate, Object: tbl("tags"), SQL: "CREATE TABLE public.tags ();\n", Transactional: true},
		{ID: 2, Action: planner.ActionAlter, Object: state.ObjectKey{Kind: state.KindPublication, Name: "pub"}, SQL: "ALTER PUBLICATION pub ADD TABLE ONLY public.tags;\n", Transactional: true, DependsOn: []int{1}},
	}}
	subs := []state.Subscription{
		{Name: "s1", Enabled: true, Publications: []string{"pub"}},
		{Name: "s2", Enabled: true, Publications: []string{"other"}},
		{Name: "s3", Enabled: false, Publications: []string{"pub"}},
	}
	got := OrderReplication([]ReplicationDB{{Env: "target", Plan: sub, Depth: 1, Subscriptions: subs}, {Env: "source", Plan: pub}})
	b := formatReplication(got)
	want := `additive target subfp:
  CREATE TABLE public.tags ();
publisher source pubfp:
  CREATE TABLE public.tags ();
  ALTER PUBLICATION pub ADD TABLE ONLY public.tags; after 1
removals target subfp:
  DROP VIEW public.v;
  CREATE VIEW public.v AS SELECT 1; after 1
  DROP TABLE public.old;
refresh target subfp:
  ALTER SUBSCRIPTION s1 REFRESH PUBLICATION; [replication]
`
	if b != want {
		t.Errorf("order:\n%s\nwant:\n%s", b, want)
	}
}

// formatReplication prints the phases: phase, database and fingerprint,
// then each step's SQL with its dependencies and replication hazard.
func formatReplication(got []ReplicationStep) string {
	var b strings.Builder
	for _, rs := range got {
		b.WriteString(rs.Phase + " " + rs.Env + " " + rs.Plan.RemoteFingerprint + ":\n")
		for _, s := range rs.Plan.Steps {
			b.WriteString("  ")
			b.WriteString(strings.TrimSpace(s.SQL))
			for _, d := range s.DependsOn {
				b.WriteString(" after " + string(rune('0'+d)))
			}
			if s.HasHazard(planner.HazardReplication) {
				b.WriteString(" [replication]")
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

// TestOrderReplicationChain: a chain source -> relay -> leaf (relay
// subscribes to source and publishes to leaf). Additive changes run on
// the deepest database first, then the relay (its publication gains the
// table leaf can now take), then the source; removals run from the top
// down; the subscriptions are refreshed from the top down, each because
// the publication above it changed.
func TestOrderReplicationChain(t *testing.T) {
	tbl := state.ObjectKey{Kind: state.KindTable, Schema: "public", Name: "tags"}
	col := state.ObjectKey{Kind: state.KindColumn, Schema: "public", Table: "items", Name: "old"}
	create := planner.Step{ID: 1, Action: planner.ActionCreate, Object: tbl, SQL: "CREATE TABLE public.tags ();\n", Transactional: true}
	dropCol := planner.Step{ID: 3, Action: planner.ActionDrop, Object: col, SQL: "ALTER TABLE public.items DROP COLUMN old;\n", Transactional: true}
	pubStep := func(pub string) planner.Step {
		return planner.Step{ID: 2, Action: planner.ActionAlter, Object: state.ObjectKey{Kind: state.KindPublication, Name: pub}, SQL: "ALTER PUBLICATION " + pub + " ADD TABLE ONLY public.tags;\n", Transactional: true, DependsOn: []int{1}}
	}
	source := &planner.Plan{RemoteFingerprint: "srcfp", Steps: []planner.Step{create, pubStep("pub_a"), dropCol}}
	relay := &planner.Plan{RemoteFingerprint: "relayfp", Steps: []planner.Step{create, pubStep("pub_b"), dropCol}}
	leafCol := dropCol
	leafCol.ID = 2
	leaf := &planner.Plan{RemoteFingerprint: "leaffp", Steps: []planner.Step{create, leafCol}}
	got := OrderReplication([]ReplicationDB{
		{Env: "source", Plan: source},
		{Env: "relay", Plan: relay, Depth: 1, Subscriptions: []state.Subscription{{Name: "from_a", Enabled: true, Publications: []string{"pub_a"}}}},
		{Env: "leaf", Plan: leaf, Depth: 2, Subscriptions: []state.Subscription{{Name: "from_b", Enabled: true, Publications: []string{"pub_b"}}}},
	})
	want := `additive leaf leaffp:
  CREATE TABLE public.tags ();
additive relay relayfp:
  CREATE TABLE public.tags ();
  ALTER PUBLICATION pub_b ADD TABLE ONLY public.tags; after 1
publisher source srcfp:
  CREATE TABLE public.tags ();
  ALTER PUBLICATION pub_a ADD TABLE ONLY public.tags; after 1
  ALTER TABLE public.items DROP COLUMN old;
removals relay relayfp:
  ALTER TABLE public.items DROP COLUMN old;
removals leaf leaffp:
  ALTER TABLE public.items DROP COLUMN old;
refresh relay relayfp:
  ALTER SUBSCRIPTION from_a REFRESH PUBLICATION; [replication]
refresh leaf leaffp:
  ALTER SUBSCRIPTION from_b REFRESH PUBLICATION; [replication]
`
	if b := formatReplication(got); b != want {
		t.Errorf("order:\n%s\nwant:\n%s", b, want)
	}
}
