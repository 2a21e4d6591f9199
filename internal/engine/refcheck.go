package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// The static reference check: a plan that names a table or type that
// exists neither in the files nor in the database would fail at apply
// (or, unverified, pass review). Plan verification finds that by running
// the plan; this check finds the common cases without a scratch database:
// a column of a qualified (user or extension) type, a foreign key's
// referenced table, and a view's relations, each looked up in the files'
// model and then, in one query, in the target's catalog (where objects
// out of the environment's scope, extension types and built-ins are).

// ReferenceError is a reference to an object defined nowhere.
type ReferenceError struct {
	// Where is the file:line:col of the referring object, "" when unknown.
	Where string
	// Object is the referring object.
	Object state.ObjectKey
	// Kind is "type" or "relation"; Name the missing object as SQL.
	Kind, Name string
}

func (e *ReferenceError) Error() string {
	msg := fmt.Sprintf("%s refers to %s %s, which neither the files nor the database define", e.Object, e.Kind, e.Name)
	if e.Where != "" {
		return e.Where + ": " + msg
	}
	return msg
}

// ref is one reference to check.
type ref struct {
	from state.ObjectKey
	kind string // "type" or "relation"
	// name is the SQL text looked up (types), or schema and rel.
	name, schema, rel string
}

// CheckReferences returns an error (errors.Join of *ReferenceError,
// sorted) when local refers to a type or relation that neither local nor
// the database conn is connected to defines. Types are checked only when
// the files add no extension the database lacks (its types are unknown
// until it exists).
func CheckReferences(ctx context.Context, conn *pgx.Conn, local *parser.Result, remote *Remote) error {
	s := local.Schema
	relations := map[state.QualName]bool{}
	types := map[string]bool{}
	for _, t := range s.Tables {
		relations[t.QualName()] = true
		types[sqlgen.QualifiedName(t.Schema, t.Name)] = true
	}
	for _, v := range s.Views {
		relations[v.QualName()] = true
		types[sqlgen.QualifiedName(v.Schema, v.Name)] = true
	}
	for _, q := range s.Sequences {
		relations[state.QualName{Schema: q.Schema, Name: q.Name}] = true
	}
	for _, t := range s.Types {
		types[sqlgen.QualifiedName(t.Schema, t.Name)] = true
	}
	checkTypes := true
	have := map[string]bool{}
	for _, e := range remote.Raw.Extensions {
		have[e.Name] = true
	}
	for _, e := range s.Extensions {
		if !have[e.Name] {
			checkTypes = false
		}
	}

	var refs []ref
	for _, t := range s.Tables {
		for _, c := range t.Columns {
			if name, ok := userTypeName(c.Type); ok && checkTypes && !types[name] {
				refs = append(refs, ref{from: state.ObjectKey{Kind: state.KindColumn, Schema: t.Schema, Table: t.Name, Name: c.Name}, kind: "type", name: name})
			}
		}
		for _, c := range t.Constraints {
			if c.References != nil && !relations[*c.References] {
				refs = append(refs, ref{from: state.ObjectKey{Kind: state.KindConstraint, Schema: t.Schema, Table: t.Name, Name: c.Name}, kind: "relation", schema: c.References.Schema, rel: c.References.Name})
			}
		}
	}
	for _, v := range s.Views {
		for _, d := range v.DependsOn {
			if d.Kind != state.KindTable && d.Kind != state.KindView && d.Kind != state.KindMaterializedView {
				continue
			}
			if !relations[state.QualName{Schema: d.Schema, Name: d.Name}] {
				refs = append(refs, ref{from: v.Key(), kind: "relation", schema: d.Schema, rel: d.Name})
			}
		}
	}
	if len(refs) == 0 {
		return nil
	}
	missing, err := missingInCatalog(ctx, conn, refs)
	if err != nil {
		return err
	}
	var errs []*ReferenceError
	for i, r := range refs {
		if !missing[i] {
			continue
		}
		e := &ReferenceError{Object: r.from, Kind: r.kind, Name: r.name}
		if r.kind == "relation" {
			e.Name = sqlgen.QualifiedName(r.schema, r.rel)
		}
		if loc, ok := locate(local, r.from); ok {
			e.Where = loc.String()
		}
		errs = append(errs, e)
	}
	if len(errs) == 0 {
		return nil
	}
	sort.SliceStable(errs, func(i, j int) bool { return errs[i].Error() < errs[j].Error() })
	out := make([]error, len(errs))
	for i, e := range errs {
		out[i] = e
	}
	return errors.Join(out...)
}

// locate finds where the files define k, or its table.
func locate(local *parser.Result, k state.ObjectKey) (parser.Location, bool) {
	if loc, ok := local.Locations.Get(k); ok {
		return loc, true
	}
	if k.Table != "" {
		loc, ok := local.Locations.Get(state.ObjectKey{Kind: state.KindTable, Schema: k.Schema, Name: k.Table})
		return loc, ok
	}
	return parser.Location{}, false
}

// userTypeName returns the type of a column's canonical type text without
// array brackets and modifiers, when it is schema-qualified: built-in types
// are printed unqualified (see state.Column.Type).
func userTypeName(t string) (string, bool) {
	for strings.HasSuffix(t, "[]") {
		t = strings.TrimSuffix(t, "[]")
	}
	if strings.HasSuffix(t, ")") {
		if i := strings.LastIndexByte(t, '('); i > 0 {
			t = t[:i]
		}
	}
	if !strings.Contains(t, ".") || strings.HasPrefix(t, "pg_catalog.") {
		return "", false
	}
	return strings.TrimSpace(t), true
}

// missingInCatalog looks the references up in the database, in one
// query, and reports which are missing. An unqualified relation in a view
// is read as public's: pg_catalog's is accepted too. A type is looked up
// as the files' statements will name it, under the session's search_path
// (so not through catalog.ReadSettled); every function is qualified, so
// that none of public's is called in pg_catalog's place.
func missingInCatalog(ctx context.Context, conn *pgx.Conn, refs []ref) (map[int]bool, error) {
	idx := make([]int32, len(refs))
	kinds := make([]string, len(refs))
	names := make([]string, len(refs))
	schemas := make([]string, len(refs))
	rels := make([]string, len(refs))
	for i, r := range refs {
		idx[i] = int32(i)
		kinds[i], names[i], schemas[i], rels[i] = r.kind, r.name, r.schema, r.rel
	}
	rows, err := conn.Query(ctx, `
		SELECT i FROM ROWS FROM (pg_catalog.unnest($1::pg_catalog.int4[]), pg_catalog.unnest($2::pg_catalog.text[]),
			pg_catalog.unnest($3::pg_catalog.text[]), pg_catalog.unnest($4::pg_catalog.text[]),
			pg_catalog.unnest($5::pg_catalog.text[])) AS x(i, kind, name, sch, rel)
		WHERE CASE kind
			WHEN 'type' THEN pg_catalog.to_regtype(name) IS NULL
			ELSE pg_catalog.to_regclass(pg_catalog.format('%I.%I', sch, rel)) IS NULL
				AND NOT (sch OPERATOR(pg_catalog.=) 'public' AND pg_catalog.to_regclass(pg_catalog.format('pg_catalog.%I', rel)) IS NOT NULL)
		END`, idx, kinds, names, schemas, rels)
	if err != nil {
		return nil, fmt.Errorf("looking up the files' references in the database: %w", err)
	}
	defer rows.Close()
	out := map[int]bool{}
	for rows.Next() {
		var i int32
		if err := rows.Scan(&i); err != nil {
			return nil, fmt.Errorf("looking up the files' references in the database: %w", err)
		}
		out[int(i)] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("looking up the files' references in the database: %w", err)
	}
	return out, nil
}
