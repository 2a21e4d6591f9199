package engine

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/renovate-pg/renovate/internal/filter"
	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// What plan verification compares, and what it leaves out.
//
// The environment's filters (include/exclude) keep objects out of the
// plan; the real database still has them, so the shadow copy gets them
// too (an object in scope may use one), but every comparison is made in
// scope, as plan makes it. The reference built "from the files alone"
// gets the out-of-scope objects from the database first, since the files
// do not hold them.
//
// Objects that use an object of a kind renovate does not manage (a view
// calling a custom aggregate) cannot be made in a copy built from
// renovate's model, which lacks what they use. Verification leaves them
// (and what depends on them) out of the copy and out of the comparison,
// and says so; a plan that changes one of them cannot be verified.

// VerifyOptions are what VerifyWith adds to Verify.
type VerifyOptions struct {
	// Filter is the environment's: objects out of its scope are copied
	// but not compared. Nil compares everything.
	Filter *filter.Filter
	// Unmanaged are the target's managed objects that use unmanaged ones
	// (catalog.UnmanagedDependents): left out of the copy and the
	// comparison.
	Unmanaged []catalog.UnmanagedDependent
	// ManageOwners is the environment's owners = "manage": the copy,
	// the result and the reference carry owners (verify_owners.go). It
	// is implied when the remote's model carries owners.
	ManageOwners bool
	// Keep, when not nil, keeps the copy and the reference a
	// verification builds for later ones, and clones those kept before
	// instead of building them again (verify_keep.go).
	Keep Keeper
	// KeepMinSteps is the fewest statements a build must have to be
	// kept; 0 means DefaultKeepMinSteps, a negative number any.
	KeepMinSteps int
}

// heldKeys returns the keys of the held-back objects.
func heldKeys(held []catalog.UnmanagedDependent) []state.ObjectKey {
	keys := make([]state.ObjectKey, len(held))
	for i, h := range held {
		keys[i] = h.Key
	}
	return keys
}

// touchesHeld returns the held-back object a step of p changes (the
// object itself, or a member of a held-back table or view), if any.
func touchesHeld(p *planner.Plan, held []catalog.UnmanagedDependent) (planner.Step, catalog.UnmanagedDependent, bool) {
	for _, s := range p.Steps {
		o := s.Object
		for _, h := range held {
			k := h.Key
			same := o.Kind == k.Kind && o.Schema == k.Schema && o.Table == k.Table && o.Name == k.Name
			member := o.Table != "" && k.Table == "" && o.Schema == k.Schema && o.Table == k.Name &&
				(k.Kind == state.KindTable || k.Kind == state.KindView || k.Kind == state.KindMaterializedView)
			if same || member {
				return s, h, true
			}
		}
	}
	return planner.Step{}, catalog.UnmanagedDependent{}, false
}

// DescribeHeld renders held-back objects for a message, at most max of
// them, with what each uses.
func DescribeHeld(held []catalog.UnmanagedDependent, max int) string {
	var parts []string
	for i, h := range held {
		if i == max {
			parts = append(parts, fmt.Sprintf("and %d more", len(held)-max))
			break
		}
		parts = append(parts, fmt.Sprintf("%s (uses %s)", h.Key, h.Cause))
	}
	return strings.Join(parts, ", ")
}

// withSchema returns a copy of r whose model is s.
func withSchema(r *parser.Result, s state.DatabaseSchema) *parser.Result {
	return &parser.Result{Schema: s, Locations: r.Locations}
}

// outOfScope returns the top-level objects of s that f leaves out (with
// everything they hold), and the schemas they need: what the database
// has besides what the files manage. Members of kept tables that an
// exclude pattern names are not returned: the comparison ignores them.
func outOfScope(f *filter.Filter, s state.DatabaseSchema) state.DatabaseSchema {
	var out state.DatabaseSchema
	if f.IsZero() {
		return out
	}
	in := f.Apply(s)
	out.Tables = missing(s.Tables, in.Tables, func(t state.Table) state.ObjectKey { return t.Key() })
	out.Views = missing(s.Views, in.Views, func(v state.View) state.ObjectKey { return v.Key() })
	out.Sequences = missing(s.Sequences, in.Sequences, sequenceKey)
	out.Types = missing(s.Types, in.Types, func(t state.Type) state.ObjectKey { return t.Key() })
	out.Collations = missing(s.Collations, in.Collations, func(c state.Collation) state.ObjectKey { return c.Key() })
	out.Functions = missing(s.Functions, in.Functions, func(fn state.Function) state.ObjectKey { return fn.Key() })
	out.Extensions = missing(s.Extensions, in.Extensions, extensionKey)
	out.EventTriggers = missing(s.EventTriggers, in.EventTriggers, func(e state.EventTrigger) state.ObjectKey { return e.Key() })
	out.Publications = missing(s.Publications, in.Publications, func(p state.Publication) state.ObjectKey { return p.Key() })
	out.Objects = missing(s.Objects, in.Objects, func(o state.DefObject) state.ObjectKey { return o.Key() })
	out.ForeignDataWrappers = missing(s.ForeignDataWrappers, in.ForeignDataWrappers, func(w state.ForeignDataWrapper) state.ObjectKey { return w.Key() })
	out.Servers = missing(s.Servers, in.Servers, func(sv state.ForeignServer) state.ObjectKey { return sv.Key() })
	out.Subscriptions = missing(s.Subscriptions, in.Subscriptions, func(sub state.Subscription) state.ObjectKey { return sub.Key() })
	out.Schemas = missing(s.Schemas, in.Schemas, schemaKey)
	for _, d := range s.DefaultPrivileges {
		found := false
		for _, e := range in.DefaultPrivileges {
			if reflect.DeepEqual(d, e) {
				found = true
				break
			}
		}
		if !found {
			out.DefaultPrivileges = append(out.DefaultPrivileges, d)
		}
	}
	return out
}

// missing returns the elements of all whose key is not among kept's.
func missing[T any](all, kept []T, key func(T) state.ObjectKey) []T {
	have := make(map[state.ObjectKey]bool, len(kept))
	for _, x := range kept {
		have[key(x)] = true
	}
	var out []T
	for _, x := range all {
		if !have[key(x)] {
			out = append(out, x)
		}
	}
	return out
}

// mergeModels returns base plus the objects of extra that base lacks
// (base wins on a clash), normalized.
func mergeModels(base, extra state.DatabaseSchema) state.DatabaseSchema {
	m := base.Clone()
	m.Tables = union(m.Tables, extra.Tables, func(t state.Table) state.ObjectKey { return t.Key() })
	m.Views = union(m.Views, extra.Views, func(v state.View) state.ObjectKey { return v.Key() })
	m.Sequences = union(m.Sequences, extra.Sequences, sequenceKey)
	m.Types = union(m.Types, extra.Types, func(t state.Type) state.ObjectKey { return t.Key() })
	m.Collations = union(m.Collations, extra.Collations, func(c state.Collation) state.ObjectKey { return c.Key() })
	m.Functions = union(m.Functions, extra.Functions, func(fn state.Function) state.ObjectKey { return fn.Key() })
	m.Extensions = union(m.Extensions, extra.Extensions, extensionKey)
	m.EventTriggers = union(m.EventTriggers, extra.EventTriggers, func(e state.EventTrigger) state.ObjectKey { return e.Key() })
	m.Publications = union(m.Publications, extra.Publications, func(p state.Publication) state.ObjectKey { return p.Key() })
	m.Objects = union(m.Objects, extra.Objects, func(o state.DefObject) state.ObjectKey { return o.Key() })
	m.ForeignDataWrappers = union(m.ForeignDataWrappers, extra.ForeignDataWrappers, func(w state.ForeignDataWrapper) state.ObjectKey { return w.Key() })
	m.Servers = union(m.Servers, extra.Servers, func(sv state.ForeignServer) state.ObjectKey { return sv.Key() })
	m.Subscriptions = union(m.Subscriptions, extra.Subscriptions, func(sub state.Subscription) state.ObjectKey { return sub.Key() })
	m.Schemas = union(m.Schemas, extra.Schemas, schemaKey)
	m.DefaultPrivileges = append(m.DefaultPrivileges, extra.DefaultPrivileges...)
	m.Normalize()
	return m
}

func union[T any](base, extra []T, key func(T) state.ObjectKey) []T {
	return append(base, missing(extra, base, key)...)
}

// Keys of the kinds whose model type has no Key method, for missing and
// union.
func sequenceKey(q state.Sequence) state.ObjectKey {
	return state.ObjectKey{Kind: state.KindSequence, Schema: q.Schema, Name: q.Name}
}
func extensionKey(e state.Extension) state.ObjectKey {
	return state.ObjectKey{Kind: state.KindExtension, Name: e.Name}
}
func schemaKey(sc state.Schema) state.ObjectKey {
	return state.ObjectKey{Kind: state.KindSchema, Name: sc.Name}
}
