package normalize

import (
	"context"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// localSearchPath is how unqualified names in local files are resolved:
// PostgreSQL's default search path, as psql would apply the files.
const localSearchPath = "public"

// Server is what every pass works with: the connection PostgreSQL prints
// through (used only through package catalog), the remote model the
// desired one is compared with, and the renames the plan declares.
type Server struct {
	conn    *pgx.Conn
	remote  state.DatabaseSchema
	renames state.RelationRenames
}

// A Pass is the server tier for one kind of fragment.
type Pass interface {
	// Name says what the pass normalizes ("domains").
	Name() string
	// Normalize returns desired with the pass's fragments whose text
	// still differs from the remote's replaced by PostgreSQL's printing
	// of them, read back through the parser. Fragments PostgreSQL cannot
	// create yet (they use an object the plan creates) keep their local
	// text: they differ for real. desired is not modified.
	Normalize(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error)
}

// pass is a Pass made of a function.
type pass struct {
	name string
	run  func(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error)
}

func (p pass) Name() string { return p.name }

func (p pass) Normalize(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	return p.run(ctx, srv, desired)
}

// Passes returns the server tier's passes in the order Run runs them.
func Passes() []Pass {
	return []Pass{
		pass{"table expressions", tables},
		pass{"privileges of extensions' routines", memberPrivileges},
		pass{"domains", domains},
		// Keys before bounds: a partition's bound is compared under its
		// parent's normalized key (on PostgreSQL 13, EXTRACT in a key
		// prints as date_part and makes bound values print quoted).
		pass{"partition keys", partitionKeys},
		pass{"partition bounds", partitionBounds},
		pass{"publication row filters", publications},
		pass{"policies", policies},
		// Queries before column defaults: the defaults pass reads the
		// remote views' columns.
		pass{"view queries", views},
		pass{"view column defaults", viewDefaults},
		pass{"materialized view indexes", matviewIndexes},
		pass{"routines", routines},
		pass{"trigger conditions", triggers},
		pass{"rules", rules},
		pass{"statistics expressions", statistics},
		pass{"subscription defaults", subscriptionDefaults},
	}
}

// Run is the server tier of normalization (DESIGN.md §3): it runs every
// pass in turn on desired, compared with remote under the renames the
// plan declares, and returns desired with each fragment whose text still
// differed from the remote's as PostgreSQL prints it. Nothing on the
// server changes: every pass prints through a transaction that is always
// rolled back. The cost is proportional to the number of differing
// fragments.
func Run(ctx context.Context, conn *pgx.Conn, desired, remote state.DatabaseSchema, renames state.RelationRenames) (state.DatabaseSchema, error) {
	srv := &Server{conn: conn, remote: remote, renames: renames}
	for _, p := range Passes() {
		out, err := p.Normalize(ctx, srv, desired)
		if err != nil {
			return desired, err
		}
		desired = out
	}
	return desired, nil
}

// printEach is the skeleton the printing passes share. Nothing to print
// costs nothing; otherwise PostgreSQL prints reqs (print is one of
// package catalog's printers, all one transaction that is rolled back)
// and merge takes each answer k, which may be a refusal, into a copy of
// desired. The copy is shallow (state.ShallowClone): merge owns the
// element it changes (state.Own) before changing it, so that desired,
// which the caller still holds, stays as it was, and a pass that prints
// a few objects of a large model copies only those.
func printEach[Q, A any](ctx context.Context, srv *Server, desired state.DatabaseSchema, reqs []Q,
	print func(context.Context, *pgx.Conn, string, []Q) ([]A, error),
	merge func(out *state.DatabaseSchema, k int, printed A)) (state.DatabaseSchema, error) {
	if len(reqs) == 0 {
		return desired, nil
	}
	printed, err := print(ctx, srv.conn, localSearchPath, reqs)
	if err != nil {
		return desired, err
	}
	out := desired.ShallowClone()
	for k, a := range printed {
		merge(&out, k, a)
	}
	return out, nil
}

// printDefObjects is the skeleton of the passes that print definition
// objects of one kind through PostgreSQL. For each desired object of kind
// whose definition differs from the remote object with its key, probe
// returns what creates and prints it, given the probe's number k (for
// the names of its temporary objects); ok false leaves the object's text
// as it is. read turns the printing of probe k into the canonical
// definition, ok false again leaving the text. An object PostgreSQL
// refuses to create (it uses an object the plan creates) keeps its text.
func printDefObjects(ctx context.Context, srv *Server, desired state.DatabaseSchema, kind state.Kind,
	probe func(k int, o state.DefObject) (catalog.Probe, bool),
	read func(k int, o state.DefObject, printed string) (string, bool)) (state.DatabaseSchema, error) {
	remote := map[state.ObjectKey]string{}
	for _, o := range srv.remote.Objects {
		if o.Kind == kind {
			remote[o.Key()] = o.Definition
		}
	}
	var probes []catalog.Probe
	var idx []int
	for i, o := range desired.Objects {
		if o.Kind != kind {
			continue
		}
		if def, ok := remote[o.Key()]; !ok || def == o.Definition {
			continue
		}
		if p, ok := probe(len(probes), o); ok {
			probes = append(probes, p)
			idx = append(idx, i)
		}
	}
	return printEach(ctx, srv, desired, probes, catalog.RunProbes, func(out *state.DatabaseSchema, k int, res catalog.ProbeResult) {
		if res.Err != nil {
			return
		}
		o := &out.Objects[idx[k]]
		if def, ok := read(k, *o, res.Text); ok {
			state.Own(o)
			o.Definition = def
		}
	})
}

// parseServer parses text holding what PostgreSQL printed, as
// introspection reads the catalog's text: arrays the server coerced as a
// whole are pinned first (parser.PinArrayCoercions), so a fragment reads
// back as the remote's does.
func parseServer(path, text string) (*parser.Result, error) {
	return parser.ParseString(path, parser.PinArrayCoercions(text))
}
