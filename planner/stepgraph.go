package planner

import (
	"container/heap"
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// The step graph.
//
// Steps are ordered by a dependency graph over the steps themselves. Its
// nodes are the plan's steps; its edges come from what each object
// references:
//
//   - a step that builds (creates, or alters into its desired form) an
//     object runs after the steps creating what the desired model says it
//     references: its schema, types, a foreign key's table, a partition's
//     parent, a view's or an SQL-standard body's relations and routines,
//     and every routine an expression calls (defaults, generated columns,
//     CHECK and exclusion constraints, index expressions, domain CHECKs and
//     defaults, policies, trigger WHEN clauses) together with what that
//     routine's body reads, quoted bodies included (parser.
//     QuotedBodyReferences): a materialized view, an index build or a
//     column filled on existing rows runs the routine while the plan
//     applies;
//   - a step that tears down (drops, or removes a use in a drop phase) an
//     object runs before the steps dropping what the current model says it
//     references, and a building step that moves an object off something
//     (a column changing away from a type) runs before that is dropped;
//   - the steps of one object (a table and its members counting as one)
//     keep their relative order.
//
// The phase rank (phase.go) is only the priority among steps with no path
// between them: the sort is Kahn's algorithm taking, among the ready
// steps, the one earliest in phase order, so a plan whose phases already
// agree with every edge keeps its order exactly, and the edges decide
// wherever a phase would put a step before something it needs. A cycle
// (a routine whose body reads the table whose default calls it, say) is
// broken by taking the earliest remaining step in phase order; the
// standard moves that make such cycles runnable (foreign keys added last,
// check_function_bodies off for quoted bodies) are what the phases encode.

// graphRefs answers "what does this object reference" for the graph, on
// one model: refIndex's references plus the routines expressions call and
// what those routines' bodies read.
type graphRefs struct {
	x *refIndex
	m state.DatabaseSchema
	// body caches the transitive references of a routine name's bodies
	// (every overload), for a call to it.
	body map[depNode][]depNode
	// domains maps a domain's node to its CHECK and DEFAULT texts.
	domains map[depNode][]string
	// deferredByTable caches deferred (cycle.go).
	deferredByTable map[depNode]deferredExprs
}

func newGraphRefs(m state.DatabaseSchema) *graphRefs {
	g := &graphRefs{x: newRefIndex(m), m: m, body: map[depNode][]depNode{}, domains: map[depNode][]string{},
		deferredByTable: map[depNode]deferredExprs{}}
	for _, t := range m.Types {
		if t.Kind != state.TypeDomain {
			continue
		}
		n := nodeOf(t.Key())
		if t.Default != "" {
			g.domains[n] = append(g.domains[n], t.Default)
		}
		for _, c := range t.Checks {
			g.domains[n] = append(g.domains[n], c.Definition)
		}
	}
	return g
}

// refs lists the nodes k references (without k's own node), for a step
// of phase ph. build tells whether the step builds (desired model) or
// tears down (current model): only a building step needs what the
// routines it calls read.
func (g *graphRefs) refs(k state.ObjectKey, ph phase, build bool) []depNode {
	if ph == phaseRoutinePlaceholder {
		return g.x.placeholderRefs(k)
	}
	var out []depNode
	base := g.x.refs(k)
	self := nodeOf(k)
	switch {
	case k.Kind == state.KindTable && k.Table == "" && build:
		// CREATE TABLE does not hold the foreign keys (added later):
		// a foreign key's table is no reference of the table's create.
		out = append(out, g.tableRefsWithoutFKs(k)...)
	case k.Kind == state.KindSequence && ph != phaseOwnedBy:
		// Only OWNED BY names the owning table.
		for _, n := range base {
			if n.class != nodeRelation {
				out = append(out, n)
			}
		}
	default:
		out = append(out, base...)
	}
	for _, e := range g.exprs(k) {
		for _, n := range g.calls(e) {
			out = append(out, n)
			if build {
				out = append(out, g.bodyRefs(n)...)
			}
		}
		out = append(out, regConstantRefs(e)...)
	}
	if k.Kind == state.KindIndex || k.Kind == state.KindConstraint {
		// An index or exclusion constraint using an operator class or
		// an access method of the database's own is built after it
		// and dropped before it.
		for _, e := range g.exprs(k) {
			for _, o := range g.x.objects {
				if o.Kind == state.KindOperatorClass && usesOpClass(e, o) ||
					o.Kind == state.KindAccessMethod && strings.Contains(e, "USING "+sqlgen.QuoteIdent(o.Name)+" (") {
					out = append(out, nodeOf(o.Key()))
				}
			}
		}
	}
	if k.Kind == state.KindPolicy {
		// A policy's subqueries read relations.
		for _, e := range g.exprs(k) {
			for _, r := range parser.ExpressionReferences(e) {
				if r.Kind == state.KindTable {
					out = append(out, depNode{nodeRelation, r.Schema, r.Name})
				}
			}
		}
	}
	if build && (k.Kind == state.KindView || k.Kind == state.KindMaterializedView || k.Kind == state.KindFunction || k.Kind == state.KindProcedure) && k.Table == "" {
		// A view running a routine, or a routine's SQL-standard body
		// calling one, needs what the called routine reads.
		for _, n := range base {
			if n.class == nodeRoutine && n != self {
				out = append(out, g.bodyRefs(n)...)
			}
		}
	}
	return out
}

// tableRefsWithoutFKs is refIndex's references of a table without the
// tables its foreign keys name.
func (g *graphRefs) tableRefsWithoutFKs(k state.ObjectKey) []depNode {
	t := g.x.tables[nodeOf(k)]
	if t == nil {
		return g.x.refs(k)
	}
	out := []depNode{{string(state.KindSchema), "", k.Schema}}
	for _, c := range t.Columns {
		if n, ok := g.x.typeRef(c.Type); ok {
			out = append(out, n)
		}
	}
	if t.PartitionOf != nil {
		out = append(out, depNode{nodeRelation, t.PartitionOf.Schema, t.PartitionOf.Name})
	}
	for _, p := range t.Inherits {
		out = append(out, depNode{nodeRelation, p.Schema, p.Name})
	}
	if t.OfType != nil {
		if n, ok := g.x.typeRef(sqlgen.Qual(*t.OfType)); ok {
			out = append(out, n)
		}
	}
	if t.AccessMethod != "" {
		out = append(out, accessMethodNode(t.AccessMethod))
	}
	return out
}

// exprs lists the expression texts of object k that may call routines.
func (g *graphRefs) exprs(k state.ObjectKey) []string {
	var out []string
	if k.Table == "" {
		switch k.Kind {
		case state.KindTable, state.KindData:
			t := g.x.tables[nodeOf(k)]
			if t == nil {
				return nil
			}
			// The table's own step leaves out what is added after it
			// (cycle.go); those steps are the column's and constraint's.
			var later deferredExprs
			if k.Kind == state.KindTable {
				later = g.deferred(t)
			}
			for _, c := range t.Columns {
				if !later.defaults[c.Name] {
					out = append(out, c.Default)
				}
				out = append(out, c.Generated)
			}
			for _, c := range t.Constraints {
				if c.Kind != state.ConstraintForeignKey && !later.checks[c.Name] {
					out = append(out, c.Definition)
				}
			}
		case state.KindType:
			out = g.domains[nodeOf(k)]
		}
		return out
	}
	rel := nodeOf(k)
	t := g.x.tables[rel]
	switch k.Kind {
	case state.KindColumn:
		if t != nil {
			if c, ok := t.Column(k.Name); ok {
				out = append(out, c.Default, c.Generated)
			}
		}
	case state.KindConstraint:
		if t != nil {
			for _, c := range t.Constraints {
				if c.Name == k.Name && c.Kind != state.ConstraintForeignKey {
					out = append(out, c.Definition)
				}
			}
		}
	case state.KindIndex:
		var idx []state.Index
		if t != nil {
			idx = t.Indexes
		} else if v := g.x.views[rel]; v != nil {
			idx = v.Indexes
		}
		for _, ix := range idx {
			if ix.Name == k.Name {
				out = append(out, ix.Definition)
			}
		}
	case state.KindPolicy:
		if t != nil {
			for _, p := range t.Policies {
				if p.Name == k.Name {
					out = append(out, p.Using, p.WithCheck)
				}
			}
		}
	case state.KindTrigger:
		var trs []state.Trigger
		if t != nil {
			trs = t.Triggers
		} else if v := g.x.views[rel]; v != nil {
			trs = v.Triggers
		}
		for _, tr := range trs {
			if tr.Name == k.Name {
				out = append(out, tr.Definition)
			}
		}
	}
	return out
}

// calls lists the routines of the model an expression calls. Canonical
// expressions qualify every routine outside pg_catalog, so a call reads
// as schema.name( with either part possibly quoted.
func (g *graphRefs) calls(expr string) []depNode {
	if expr == "" || !strings.Contains(expr, "(") {
		return nil
	}
	var out []depNode
	for _, q := range qualifiedCalls(expr) {
		n := depNode{nodeRoutine, q.Schema, q.Name}
		if _, ok := g.x.routines[n]; ok {
			out = append(out, n)
		}
	}
	return out
}

// regConstantRefs lists the text search configurations and dictionaries
// an expression names by constant ('public.english'::regconfig): the
// expression needs them created first, and they cannot be dropped under
// it.
func regConstantRefs(expr string) []depNode {
	if !strings.Contains(expr, "::regconfig") && !strings.Contains(expr, "::regdictionary") {
		return nil
	}
	var out []depNode
	for _, k := range parser.RegConstantReferences(expr) {
		out = append(out, nodeOf(k))
	}
	return out
}

// bodyRefs lists what calling routine n needs beyond n itself: the
// relations, types and routines its bodies (SQL-standard or quoted SQL)
// read, transitively through the routines they call.
func (g *graphRefs) bodyRefs(n depNode) []depNode {
	if r, ok := g.body[n]; ok {
		return r
	}
	g.body[n] = nil // a cycle of routines ends here
	seen := map[depNode]bool{n: true}
	var out []depNode
	var visit func(r depNode)
	visit = func(r depNode) {
		for _, f := range g.x.routines[r] {
			keys := append([]state.ObjectKey(nil), f.DependsOn...)
			keys = append(keys, parser.QuotedBodyReferences(f)...)
			for _, k := range keys {
				if k.Kind == state.KindView || k.Kind == state.KindMaterializedView {
					continue // as before: bodies' views are not followed here
				}
				m, ok := g.keyNode(k)
				if !ok || seen[m] {
					continue
				}
				seen[m] = true
				out = append(out, m)
				if m.class == nodeRoutine {
					visit(m)
				}
			}
		}
	}
	visit(n)
	g.body[n] = out
	return out
}

// qualifiedCalls scans an expression for schema.name( outside string
// literals and returns the names.
func qualifiedCalls(s string) []state.QualName {
	var out []state.QualName
	var parts []string // identifier chain being read
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == '\'':
			// A string literal ('' escapes a quote).
			i++
			for i < len(s) {
				if s[i] == '\'' {
					if i+1 < len(s) && s[i+1] == '\'' {
						i += 2
						continue
					}
					break
				}
				i++
			}
			i++
			parts = nil
		case c == '"':
			var b strings.Builder
			i++
			for i < len(s) {
				if s[i] == '"' {
					if i+1 < len(s) && s[i+1] == '"' {
						b.WriteByte('"')
						i += 2
						continue
					}
					break
				}
				b.WriteByte(s[i])
				i++
			}
			i++
			parts = append(parts, b.String())
		case isIdentStart(c):
			j := i
			for j < len(s) && isIdentChar(s[j]) {
				j++
			}
			parts = append(parts, s[i:j])
			i = j
		case c == '.' && len(parts) > 0:
			i++
			continue
		case c == '(':
			if len(parts) == 2 {
				out = append(out, state.QualName{Schema: parts[0], Name: parts[1]})
			}
			parts = nil
			i++
		default:
			parts = nil
			i++
		}
		// An identifier chain continues only through a dot.
		if len(parts) > 0 && i < len(s) && s[i] != '.' && s[i] != '(' {
			parts = nil
		}
	}
	return out
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

func isIdentChar(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' || c == '$' }

// teardown reports whether step s removes something of the current
// model (a drop, or a change in a drop phase such as DROP DEFAULT before
// a routine is dropped) rather than building the desired one.
func teardown(s Step) bool {
	if s.Action == ActionDrop || s.Action == ActionDelete {
		return true
	}
	return s.phase >= phaseDataDelete && s.phase <= phaseDropFunction
}

// stepGraph is the graph over steps: after[i] lists the steps that must
// run after step i.
type stepGraph struct {
	after [][]int
}

// buildStepGraph computes the edges among steps (in their current order)
// from the two models.
func buildStepGraph(from, to state.DatabaseSchema, steps []Step) stepGraph {
	cur, des := newGraphRefs(from), newGraphRefs(to)
	g := stepGraph{after: make([][]int, len(steps))}
	edge := func(i, j int) {
		if i != j {
			g.after[i] = append(g.after[i], j)
		}
	}
	creators := map[depNode][]int{} // building steps that make a node exist
	droppers := map[depNode][]int{} // steps that drop a node (or a column of it)
	last := map[depNode]int{}
	for i, s := range steps {
		n := nodeOf(s.Object)
		// The steps of one object keep their order.
		if j, ok := last[n]; ok {
			edge(j, i)
		}
		last[n] = i
		node := s.Object.Table == "" || s.Object.Kind == state.KindColumn
		switch {
		case s.Action == ActionDrop && node:
			droppers[n] = append(droppers[n], i)
		case s.phase == phaseFunctionAfterViews:
			// A routine's real body after its placeholder, which is
			// what made it exist (routine_cycle.go).
		case !teardown(s) && s.Object.Table == "" && (s.Action == ActionCreate ||
			(s.Action == ActionAlter && (n.class == nodeRoutine || n.class == string(state.KindType)))):
			creators[n] = append(creators[n], i)
		case !teardown(s) && s.Object.Kind == state.KindColumn && (s.Action == ActionCreate ||
			s.Action == ActionAlter && strings.Contains(s.SQL, " TYPE ")):
			// A column added, or given its new type: what reads the
			// column (an SQL-standard body) is built after it.
			creators[n] = append(creators[n], i)
		}
	}
	for j, s := range steps {
		self := nodeOf(s.Object)
		if teardown(s) {
			// What the catalog records counts for teardowns only: a
			// building step is never "moving off" what only the catalog
			// names (catalogdeps.go).
			refs := append(cur.refs(s.Object, s.phase, false), cur.x.catalog[s.Object]...)
			for _, n := range uniqueNodes(refs) {
				if n == self {
					continue
				}
				for _, i := range droppers[n] {
					edge(j, i)
				}
			}
			continue
		}
		desired := uniqueNodes(des.refs(s.Object, s.phase, true))
		uses := map[depNode]bool{}
		for _, n := range desired {
			uses[n] = true
			if n == self {
				continue
			}
			for _, i := range creators[n] {
				edge(i, j)
			}
		}
		// Changing in place off something: before it is dropped. (A
		// create is the new object; the old one, if any, was dropped by
		// a teardown step.)
		if s.Action != ActionAlter {
			continue
		}
		for _, n := range uniqueNodes(cur.refs(s.Object, s.phase, false)) {
			if n == self || uses[n] {
				continue
			}
			for _, i := range droppers[n] {
				edge(j, i)
			}
		}
	}
	return g
}

func uniqueNodes(ns []depNode) []depNode {
	seen := map[depNode]bool{}
	out := ns[:0:0]
	for _, n := range ns {
		if !seen[n] {
			seen[n] = true
			out = append(out, n)
		}
	}
	return out
}

// order returns the steps' positions in graph order: Kahn's algorithm
// taking the earliest ready position first; a cycle is broken by taking
// the earliest remaining position.
func (g stepGraph) order() []int {
	n := len(g.after)
	indeg := make([]int, n)
	for _, js := range g.after {
		for _, j := range js {
			indeg[j]++
		}
	}
	h := &intHeap{}
	for i := 0; i < n; i++ {
		if indeg[i] == 0 {
			heap.Push(h, i)
		}
	}
	done := make([]bool, n)
	out := make([]int, 0, n)
	next := 0 // every position below next is done
	for len(out) < n {
		if h.Len() == 0 {
			for done[next] {
				next++
			}
			indeg[next] = 0
			heap.Push(h, next)
		}
		i := heap.Pop(h).(int)
		if done[i] {
			continue
		}
		done[i] = true
		out = append(out, i)
		for _, j := range g.after[i] {
			if done[j] {
				continue
			}
			if indeg[j]--; indeg[j] == 0 {
				heap.Push(h, j)
			}
		}
	}
	return out
}

// orderByGraph puts the steps, sorted by phase, in graph order.
func (d *differ) orderByGraph() {
	g := buildStepGraph(d.from, d.to, d.steps)
	ord := g.order()
	out := make([]Step, len(d.steps))
	for k, i := range ord {
		out[k] = d.steps[i]
	}
	d.setSteps(out)
}

// GraphEdges returns the edges of the step graph of a plan made by Diff
// from current to desired, as pairs of step IDs (before, after), sorted.
// A plan honours its graph when every edge's first step runs first; the
// property tests check that.
func GraphEdges(current, desired state.DatabaseSchema, p *Plan) [][2]int {
	steps := append([]Step(nil), p.Steps...)
	// The graph is built over the steps in phase order, as the planner
	// builds it.
	sort.SliceStable(steps, func(i, j int) bool { return steps[i].phase < steps[j].phase })
	g := buildStepGraph(current, desired, steps)
	var out [][2]int
	for i, js := range g.after {
		for _, j := range js {
			out = append(out, [2]int{steps[i].ID, steps[j].ID})
		}
	}
	sort.Slice(out, func(a, b int) bool {
		if out[a][0] != out[b][0] {
			return out[a][0] < out[b][0]
		}
		return out[a][1] < out[b][1]
	})
	return out
}
