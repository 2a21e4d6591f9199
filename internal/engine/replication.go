package engine

import (
	"fmt"
	"slices"
	"strings"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// Replication-aware ordering: environments linked by subscribes_to
// (renovate.hcl) are planned each on its own, and their plans run in one
// order across the databases so that logical replication never breaks
// (DDL is not replicated). Each database has a depth: 0 for a publisher
// that subscribes to none of the others, else one more than the deepest
// database it subscribes to (a chain A -> B -> C gives 0, 1, 2; B both
// subscribes and publishes). The phases:
//
//  1. additive changes (new tables and columns, widened types, ...) on
//     every subscriber, the deepest first, so that each can take what
//     the database above it will send (in a chain, C's before B's, and
//     B's publication changes after C can take them);
//  2. the whole plan of each publisher of depth 0 (its removals before
//     anyone else's);
//  3. the subscribers' removals (and what depends on them), the
//     shallowest first, so that a database stops sending what it drops
//     before the one below drops it;
//  4. the subscribers' subscription changes, shallowest first, with
//     ALTER SUBSCRIPTION ... REFRESH PUBLICATION for each subscription of
//     a publication whose tables the plans change, so that new tables
//     start replicating down the chain.

// Replication phases, in the order they run.
const (
	PhaseAdditive  = "additive"
	PhasePublisher = "publisher"
	PhaseRemovals  = "removals"
	PhaseRefresh   = "refresh"
)

// ReplicationDB is one database of a replication plan.
type ReplicationDB struct {
	// Env is the environment's name.
	Env  string
	Plan *planner.Plan
	// Depth is 0 for a database that subscribes to none of the others,
	// else one more than the deepest database it subscribes to.
	Depth int
	// Subscriptions are the subscriptions the environment's files declare
	// (subscribers only).
	Subscriptions []state.Subscription
}

// ReplicationStep is one part of a replication plan: the steps of one
// phase on one database.
type ReplicationStep struct {
	Phase string
	Env   string
	// Plan holds the phase's steps, numbered from 1, with the
	// fingerprint of the database's plan.
	Plan *planner.Plan
}

// IsRemoval reports whether a step takes something away that the other
// side of a replication may still use or send: a drop (table, column,
// constraint, subscription ...), a rename (the old name disappears),
// deleted rows, or a type change that narrows (its cast may fail or it
// loses data). Everything else (creates, added columns, widened types,
// relaxed constraints) is additive.
func IsRemoval(s planner.Step) bool {
	switch s.Action {
	case planner.ActionDrop, planner.ActionRename, planner.ActionDelete:
		return true
	}
	return s.HasHazard(planner.HazardDeletesData) || s.HasHazard(planner.HazardCastMayFail)
}

// subscriptionStep reports whether a subscriber's step belongs to the
// refresh phase: creating or changing a subscription, which must see the
// publisher as it is after its plan.
func subscriptionStep(s planner.Step) bool {
	return s.Object.Kind == state.KindSubscription && s.Action != planner.ActionDrop
}

// OrderReplication orders the plans of the databases into the phases
// above; empty phases are left out. Databases of one depth keep the order
// they are given in.
func OrderReplication(dbs []ReplicationDB) []ReplicationStep {
	// The publications whose table sets the plans change: a database of
	// any depth may publish.
	changedPubs := map[string]bool{}
	maxDepth := 0
	for _, db := range dbs {
		maxDepth = max(maxDepth, db.Depth)
		for _, s := range db.Plan.Steps {
			if s.Object.Kind == state.KindPublication && s.Action != planner.ActionDrop {
				changedPubs[s.Object.Name] = true
			}
		}
	}
	// parts[d] holds the split plans of the subscribers at depth d.
	type split struct {
		db    ReplicationDB
		parts [3]*planner.Plan
	}
	byDepth := make([][]split, maxDepth+1)
	var publishers []ReplicationStep
	for _, db := range dbs {
		if db.Depth == 0 {
			if !db.Plan.Empty() {
				publishers = append(publishers, ReplicationStep{Phase: PhasePublisher, Env: db.Env, Plan: db.Plan})
			}
			continue
		}
		parts := splitSubscriberPlan(db.Plan)
		parts[2] = withRefreshes(parts[2], db, changedPubs)
		byDepth[db.Depth] = append(byDepth[db.Depth], split{db, parts})
	}
	var out []ReplicationStep
	add := func(phase string, part, from, to, step int) {
		for d := from; d != to; d += step {
			for _, s := range byDepth[d] {
				if !s.parts[part].Empty() {
					out = append(out, ReplicationStep{Phase: phase, Env: s.db.Env, Plan: s.parts[part]})
				}
			}
		}
	}
	add(PhaseAdditive, 0, maxDepth, 0, -1)
	out = append(out, publishers...)
	add(PhaseRemovals, 1, 1, maxDepth+1, 1)
	add(PhaseRefresh, 2, 1, maxDepth+1, 1)
	return out
}

// splitSubscriberPlan splits a subscriber's plan into its additive
// steps, its removals, and its subscription steps. A step that depends
// on a step of a later part moves to that part, so every step still
// runs after what it depends on.
func splitSubscriberPlan(p *planner.Plan) [3]*planner.Plan {
	part := make([]int, len(p.Steps))
	index := map[int]int{}
	for i, s := range p.Steps {
		index[s.ID] = i
		switch {
		case subscriptionStep(s):
			part[i] = 2
		case IsRemoval(s):
			part[i] = 1
		}
	}
	for changed := true; changed; {
		changed = false
		for i, s := range p.Steps {
			for _, d := range s.DependsOn {
				if j, ok := index[d]; ok && part[j] > part[i] {
					part[i], changed = part[j], true
				}
			}
		}
	}
	var out [3]*planner.Plan
	for k := range out {
		var idx []int
		for i := range p.Steps {
			if part[i] == k {
				idx = append(idx, i)
			}
		}
		out[k] = subPlan(p, idx)
	}
	return out
}

// subPlan is the plan of p's steps at idx (in order), renumbered, with
// the object changes those steps make.
func subPlan(p *planner.Plan, idx []int) *planner.Plan {
	sp := &planner.Plan{FormatVersion: p.FormatVersion, RenovateVersion: p.RenovateVersion, RemoteFingerprint: p.RemoteFingerprint, GitCommit: p.GitCommit, Steps: []planner.Step{}, Changes: []planner.ObjectChange{}}
	renum := map[int]int{}
	for k, i := range idx {
		renum[p.Steps[i].ID] = k + 1
	}
	for k, i := range idx {
		s := p.Steps[i]
		s.ID = k + 1
		var deps []int
		for _, d := range s.DependsOn {
			if n, ok := renum[d]; ok {
				deps = append(deps, n)
			}
		}
		s.DependsOn = deps
		s.Hazards = slices.Clone(s.Hazards)
		sp.Steps = append(sp.Steps, s)
	}
	for _, c := range p.Changes {
		for _, s := range sp.Steps {
			if changeOf(c.Object, s.Object) {
				sp.Changes = append(sp.Changes, c)
				break
			}
		}
	}
	return sp
}

// changeOf reports whether a step on object s belongs to the change of
// object c: the same object, or a member of the table c.
func changeOf(c, s state.ObjectKey) bool {
	if c == s {
		return true
	}
	return c.Kind == state.KindTable && s.Table != "" && s.Schema == c.Schema && s.Table == c.Name
}

// withRefreshes adds to a subscriber's subscription steps a REFRESH
// PUBLICATION for each enabled subscription of a publication the
// publishers' plans change, unless its plan already creates, refreshes
// or otherwise changes what it replicates.
func withRefreshes(p *planner.Plan, sub ReplicationDB, changedPubs map[string]bool) *planner.Plan {
	for _, s := range sub.Subscriptions {
		if !s.Enabled {
			continue
		}
		var pubs []string
		for _, name := range s.Publications {
			if changedPubs[name] {
				pubs = append(pubs, name)
			}
		}
		if len(pubs) == 0 {
			continue
		}
		covered := false
		for _, st := range p.Steps {
			if st.Object == s.Key() && st.HasHazard(planner.HazardReplication) {
				covered = true
			}
		}
		if covered {
			continue
		}
		why := fmt.Sprintf("the publisher's plan changes publication %s", strings.Join(pubs, ", "))
		p.Steps = append(p.Steps, planner.Step{
			ID:      len(p.Steps) + 1,
			Object:  s.Key(),
			Action:  planner.ActionAlter,
			SQL:     sqlgen.RefreshSubscription(s.Name),
			Hazards: []planner.Hazard{planner.ReplicationRefresh(s, why)},
		})
	}
	return p
}
