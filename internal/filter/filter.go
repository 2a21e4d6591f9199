package filter

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// Filter is a set of include and exclude patterns. With no include
// patterns everything is included; an object is in scope when it is
// included and not excluded. The zero Filter (and a nil *Filter) keeps
// everything.
type Filter struct {
	include, exclude []Pattern
	// without are objects left out by identity (Without), routines
	// without their signature: every overload goes.
	without map[state.ObjectKey]bool
}

// New parses include and exclude patterns. The error joins one error per
// invalid pattern.
func New(include, exclude []string) (*Filter, error) {
	f := &Filter{}
	var errs []error
	for _, list := range []struct {
		texts []string
		dst   *[]Pattern
	}{{include, &f.include}, {exclude, &f.exclude}} {
		for _, t := range list.texts {
			p, err := ParsePattern(t)
			if err != nil {
				errs = append(errs, err)
				continue
			}
			*list.dst = append(*list.dst, p)
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return f, nil
}

// IsZero reports whether f keeps everything.
func (f *Filter) IsZero() bool {
	return f == nil || (len(f.include) == 0 && len(f.exclude) == 0 && len(f.without) == 0)
}

// Without returns a filter that keeps what f keeps but the objects keys
// name exactly (for a routine, every overload of its name; for an index,
// constraint, trigger or policy, that one of its table). f is not
// modified; a nil f keeps everything else. Plan verification uses it to
// leave out objects it cannot rebuild in a scratch copy.
func (f *Filter) Without(keys ...state.ObjectKey) *Filter {
	out := &Filter{without: map[state.ObjectKey]bool{}}
	if f != nil {
		out.include, out.exclude = f.include, f.exclude
		for k := range f.without {
			out.without[k] = true
		}
	}
	for _, k := range keys {
		k.Signature = ""
		out.without[k] = true
	}
	return out
}

func (f *Filter) excluded(k state.ObjectKey) bool {
	if len(f.without) > 0 {
		k.Signature = ""
		if f.without[k] {
			return true
		}
	}
	for _, p := range f.exclude {
		if p.matchKey(k) {
			return true
		}
	}
	return false
}

func (f *Filter) included(k state.ObjectKey) bool {
	if len(f.include) == 0 {
		return true
	}
	for _, p := range f.include {
		if p.matchKey(k) {
			return true
		}
	}
	return false
}

// InScope reports whether a top-level object (table, view, function,
// sequence, type, ...) is managed. For schemas it only consults the
// patterns; Apply also keeps a schema that holds an object in scope.
// Objects nested in a table are in scope when their table is and no
// exclude pattern names them.
func (f *Filter) InScope(k state.ObjectKey) bool {
	if f.IsZero() {
		return true
	}
	if nested[k.Kind] {
		return !f.excluded(k)
	}
	return f.included(k) && !f.excluded(k)
}

// Apply returns s without the objects out of scope. s is not modified;
// the result shares no slice that Apply changed with s.
func (f *Filter) Apply(s state.DatabaseSchema) state.DatabaseSchema {
	if f.IsZero() {
		return s
	}
	out := s
	used := map[string]bool{} // schemas holding something in scope

	keepTable := map[state.QualName]bool{}
	for _, t := range s.Tables {
		keepTable[t.QualName()] = f.InScope(t.Key())
	}
	// A partition goes with its parent (parents may be partitions too).
	for changed := true; changed; {
		changed = false
		for _, t := range s.Tables {
			if t.PartitionOf != nil && keepTable[t.QualName()] {
				if in, known := keepTable[*t.PartitionOf]; known && !in {
					keepTable[t.QualName()] = false
					changed = true
				}
			}
		}
	}
	out.Tables = nil
	for _, t := range s.Tables {
		if !keepTable[t.QualName()] {
			continue
		}
		t.Constraints = filterNested(f, t.Constraints, state.KindConstraint, t.Schema, t.Name, func(c state.Constraint) string { return c.Name })
		t.Indexes = filterNested(f, t.Indexes, state.KindIndex, t.Schema, t.Name, func(i state.Index) string { return i.Name })
		t.Triggers = filterNested(f, t.Triggers, state.KindTrigger, t.Schema, t.Name, func(tr state.Trigger) string { return tr.Name })
		t.Policies = filterNested(f, t.Policies, state.KindPolicy, t.Schema, t.Name, func(p state.Policy) string { return p.Name })
		out.Tables = append(out.Tables, t)
		used[t.Schema] = true
	}

	out.Views = nil
	for _, v := range s.Views {
		if !f.InScope(v.Key()) {
			continue
		}
		v.Indexes = filterNested(f, v.Indexes, state.KindIndex, v.Schema, v.Name, func(i state.Index) string { return i.Name })
		v.Triggers = filterNested(f, v.Triggers, state.KindTrigger, v.Schema, v.Name, func(tr state.Trigger) string { return tr.Name })
		out.Views = append(out.Views, v)
		used[v.Schema] = true
	}

	out.Sequences = nil
	for _, q := range s.Sequences {
		key := state.ObjectKey{Kind: state.KindSequence, Schema: q.Schema, Name: q.Name}
		keep := f.InScope(key)
		if q.OwnedBy != nil {
			// An owned sequence (serial, OWNED BY) goes with its table.
			if owner, known := keepTable[state.QualName{Schema: q.Schema, Name: q.OwnedBy.Table}]; known {
				keep = owner && !f.excluded(key)
			}
		}
		if keep {
			out.Sequences = append(out.Sequences, q)
			used[q.Schema] = true
		}
	}

	out.Types = keepIf(s.Types, func(t state.Type) bool { return f.InScope(t.Key()) }, used, func(t state.Type) string { return t.Schema })
	out.Collations = keepIf(s.Collations, func(c state.Collation) bool { return f.InScope(c.Key()) }, used, func(c state.Collation) string { return c.Schema })
	out.Functions = keepIf(s.Functions, func(fn state.Function) bool { return f.InScope(fn.Key()) }, used, func(fn state.Function) string { return fn.Schema })
	out.Extensions = keepIf(s.Extensions, func(e state.Extension) bool {
		return f.InScope(state.ObjectKey{Kind: state.KindExtension, Name: e.Name})
	}, used, func(e state.Extension) string { return e.Schema })
	out.EventTriggers = keepIf(s.EventTriggers, func(e state.EventTrigger) bool { return f.InScope(e.Key()) }, nil, nil)
	out.Publications = keepIf(s.Publications, func(p state.Publication) bool { return f.InScope(p.Key()) }, nil, nil)
	// A rule goes with its relation.
	keepRel := map[state.QualName]bool{}
	for _, t := range out.Tables {
		keepRel[t.QualName()] = true
	}
	for _, v := range out.Views {
		keepRel[v.QualName()] = true
	}
	out.Objects = keepIf(s.Objects, func(o state.DefObject) bool {
		if o.Kind == state.KindRule {
			return keepRel[state.QualName{Schema: o.Schema, Name: o.Table}] && f.InScope(o.Key())
		}
		return f.InScope(o.Key())
	}, used, func(o state.DefObject) string { return o.Schema })
	// A server's user mappings go with it.
	out.ForeignDataWrappers = keepIf(s.ForeignDataWrappers, func(w state.ForeignDataWrapper) bool { return f.InScope(w.Key()) }, nil, nil)
	out.Servers = keepIf(s.Servers, func(sv state.ForeignServer) bool { return f.InScope(sv.Key()) }, nil, nil)
	out.Subscriptions = keepIf(s.Subscriptions, func(sub state.Subscription) bool { return f.InScope(sub.Key()) }, nil, nil)

	schemaIn := map[string]bool{}
	out.Schemas = nil
	for _, sc := range s.Schemas {
		key := state.ObjectKey{Kind: state.KindSchema, Name: sc.Name}
		if f.excluded(key) {
			continue
		}
		if f.included(key) || used[sc.Name] {
			out.Schemas = append(out.Schemas, sc)
			schemaIn[sc.Name] = true
		}
	}
	out.DefaultPrivileges = keepIf(s.DefaultPrivileges, func(d state.DefaultPrivilege) bool {
		return d.Schema == "" || schemaIn[d.Schema]
	}, nil, nil)
	return out
}

// keepIf returns the elements of in for which keep is true, marking their
// schemas (schemaOf, when not nil) as used.
func keepIf[T any](in []T, keep func(T) bool, used map[string]bool, schemaOf func(T) string) []T {
	var out []T
	for _, x := range in {
		if !keep(x) {
			continue
		}
		out = append(out, x)
		if schemaOf != nil && used != nil && schemaOf(x) != "" {
			used[schemaOf(x)] = true
		}
	}
	if len(out) == len(in) {
		return in
	}
	return out
}

// filterNested drops the objects of a table or view that an exclude
// pattern names; the slice is copied when anything is dropped.
func filterNested[T any](f *Filter, in []T, kind state.Kind, schema, table string, name func(T) string) []T {
	var out []T
	dropped := false
	for _, x := range in {
		if f.excluded(state.ObjectKey{Kind: kind, Schema: schema, Table: table, Name: name(x)}) {
			dropped = true
			continue
		}
		out = append(out, x)
	}
	if !dropped {
		return in
	}
	return slices.Clip(out)
}

// Key describes f canonically: two filters with the same key keep the
// same objects. Plan verification names what it keeps with it.
func (f *Filter) Key() string {
	if f.IsZero() {
		return ""
	}
	var b strings.Builder
	for _, p := range f.include {
		b.WriteString("include " + strconv.Quote(p.Text) + "\n")
	}
	for _, p := range f.exclude {
		b.WriteString("exclude " + strconv.Quote(p.Text) + "\n")
	}
	keys := make([]state.ObjectKey, 0, len(f.without))
	for k := range f.without {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i].Less(keys[j]) })
	for _, k := range keys {
		fmt.Fprintf(&b, "without %q\n", fmt.Sprintf("%#v", k))
	}
	return b.String()
}
