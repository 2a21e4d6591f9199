package parser

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// This file gives statements that only make sense in file order the
// meaning they have when the file runs top to bottom on an empty
// database, as psql would run a pg_dump file.
//
// renovate's files declare objects and have no order between them, so an
// ALTER TABLE may come before its CREATE TABLE. But a statement guarded by
// IF EXISTS does something or nothing depending on whether its object
// exists yet: pg_dump --clean --if-exists opens a dump with
//
//	ALTER TABLE IF EXISTS ONLY public.t DROP CONSTRAINT IF EXISTS t_pkey;
//	ALTER TABLE IF EXISTS public.t ALTER COLUMN id DROP DEFAULT;
//	DROP TABLE IF EXISTS public.t;
//
// before the CREATE TABLE, and on an empty database (which is what the
// file describes) each of these does nothing. So:
//
//   - A statement guarded by IF EXISTS (ALTER ... IF EXISTS, DROP ... IF
//     EXISTS) whose object is created later in the same file, and not
//     before it, does nothing and is skipped.
//   - DROP [IF EXISTS] of a view created earlier in the same file undoes
//     that CREATE [OR REPLACE] VIEW (pg_dump --clean writes a placeholder
//     CREATE OR REPLACE VIEW before the DROP of a view it creates in two
//     steps). Dropping any other kind of object created earlier in the
//     file is a script, not a declaration, and stays an error.
//   - DROP ... IF EXISTS of an object the file does not create at all is
//     a no-op too, unless another file defines the object (files have no
//     order between them, so whether it would run before or after that
//     definition is unknowable): that is an error (resolveDropNoops).
//
// Statements without IF EXISTS keep renovate's order-free meaning.

// objKey identifies an object by name for file-order purposes: its name
// space ("relation", "type", "routine", "schema", ...) and qualified name.
// Routines are identified by name alone: overloads are not told apart.
type objKey struct {
	space string
	name  string
}

// fileOrder is what the file creates, and where.
type fileOrder struct {
	// firstCreated is the index of the first statement creating each
	// object.
	firstCreated map[objKey]int
}

// scanCreations records which statement first creates each object.
func scanCreations(stmts []*pg_query.RawStmt) fileOrder {
	fo := fileOrder{firstCreated: map[objKey]int{}}
	for i, raw := range stmts {
		for _, k := range createdKeys(raw.GetStmt(), "") {
			if _, ok := fo.firstCreated[k]; !ok {
				fo.firstCreated[k] = i
			}
		}
	}
	return fo
}

// qualified joins a schema and a name, unqualified meaning public (or the
// schema of an enclosing CREATE SCHEMA).
func qualified(schema, name, defaultSchema string) string {
	if schema == "" {
		schema = defaultSchema
		if schema == "" {
			schema = "public"
		}
	}
	return schema + "." + name
}

// rangeVarKey is the relation key of a RangeVar.
func rangeVarKey(rv *pg_query.RangeVar, defaultSchema string) (objKey, bool) {
	if rv == nil || rv.Relname == "" {
		return objKey{}, false
	}
	return objKey{"relation", qualified(rv.Schemaname, rv.Relname, defaultSchema)}, true
}

// nameListKey is the key of a dotted name list in a name space.
func nameListKey(space string, nodes []*pg_query.Node, defaultSchema string) (objKey, bool) {
	names, err := stringList(nodes)
	if err != nil || len(names) == 0 || len(names) > 2 {
		return objKey{}, false
	}
	if len(names) == 1 {
		return objKey{space, qualified("", names[0], defaultSchema)}, true
	}
	return objKey{space, qualified(names[0], names[1], defaultSchema)}, true
}

// createdKeys returns the objects a statement creates (for CREATE SCHEMA,
// with its elements).
func createdKeys(n *pg_query.Node, defaultSchema string) []objKey {
	if n == nil {
		return nil
	}
	var out []objKey
	add := func(k objKey, ok bool) {
		if ok {
			out = append(out, k)
		}
	}
	switch s := n.Node.(type) {
	case *pg_query.Node_CreateStmt:
		add(rangeVarKey(s.CreateStmt.Relation, defaultSchema))
	case *pg_query.Node_ViewStmt:
		add(rangeVarKey(s.ViewStmt.View, defaultSchema))
	case *pg_query.Node_CreateTableAsStmt:
		if s.CreateTableAsStmt.Into != nil {
			add(rangeVarKey(s.CreateTableAsStmt.Into.Rel, defaultSchema))
		}
	case *pg_query.Node_CreateSeqStmt:
		add(rangeVarKey(s.CreateSeqStmt.Sequence, defaultSchema))
	case *pg_query.Node_IndexStmt:
		if s.IndexStmt.Idxname != "" && s.IndexStmt.Relation != nil {
			add(objKey{"relation", qualified(s.IndexStmt.Relation.Schemaname, s.IndexStmt.Idxname, defaultSchema)}, true)
		}
	case *pg_query.Node_CreateEnumStmt:
		add(nameListKey("type", s.CreateEnumStmt.TypeName, defaultSchema))
	case *pg_query.Node_CreateDomainStmt:
		add(nameListKey("type", s.CreateDomainStmt.Domainname, defaultSchema))
	case *pg_query.Node_CreateRangeStmt:
		add(nameListKey("type", s.CreateRangeStmt.TypeName, defaultSchema))
	case *pg_query.Node_CompositeTypeStmt:
		if rv := s.CompositeTypeStmt.Typevar; rv != nil {
			add(objKey{"type", qualified(rv.Schemaname, rv.Relname, defaultSchema)}, true)
		}
	case *pg_query.Node_DefineStmt:
		switch s.DefineStmt.Kind {
		case pg_query.ObjectType_OBJECT_TYPE:
			add(nameListKey("type", s.DefineStmt.Defnames, defaultSchema))
		case pg_query.ObjectType_OBJECT_COLLATION:
			add(nameListKey("collation", s.DefineStmt.Defnames, defaultSchema))
		}
	case *pg_query.Node_CreateFunctionStmt:
		add(nameListKey("routine", s.CreateFunctionStmt.Funcname, defaultSchema))
	case *pg_query.Node_CreateSchemaStmt:
		name := s.CreateSchemaStmt.Schemaname
		if name == "" && s.CreateSchemaStmt.Authrole != nil {
			name = s.CreateSchemaStmt.Authrole.Rolename
		}
		if name != "" {
			out = append(out, objKey{"schema", name})
			for _, e := range s.CreateSchemaStmt.SchemaElts {
				out = append(out, createdKeys(e, name)...)
			}
		}
	case *pg_query.Node_CreateExtensionStmt:
		out = append(out, objKey{"extension", s.CreateExtensionStmt.Extname})
	case *pg_query.Node_CreatePublicationStmt:
		out = append(out, objKey{"publication", s.CreatePublicationStmt.Pubname})
	case *pg_query.Node_CreateEventTrigStmt:
		out = append(out, objKey{"event trigger", s.CreateEventTrigStmt.Trigname})
	case *pg_query.Node_CreateTrigStmt:
		if k, ok := rangeVarKey(s.CreateTrigStmt.Relation, defaultSchema); ok {
			out = append(out, objKey{"trigger", k.name + "." + s.CreateTrigStmt.Trigname})
		}
	case *pg_query.Node_CreatePolicyStmt:
		if k, ok := rangeVarKey(s.CreatePolicyStmt.Table, defaultSchema); ok {
			out = append(out, objKey{"policy", k.name + "." + s.CreatePolicyStmt.PolicyName})
		}
	}
	return out
}

// guardedKeys returns the objects an IF EXISTS statement is guarded by,
// or nil when the statement has no IF EXISTS (or one renovate does not
// place in file order).
func guardedKeys(n *pg_query.Node) []objKey {
	switch s := n.Node.(type) {
	case *pg_query.Node_AlterTableStmt:
		if s.AlterTableStmt.MissingOk {
			if k, ok := rangeVarKey(s.AlterTableStmt.Relation, ""); ok {
				return []objKey{k}
			}
		}
	case *pg_query.Node_AlterSeqStmt:
		if s.AlterSeqStmt.MissingOk {
			if k, ok := rangeVarKey(s.AlterSeqStmt.Sequence, ""); ok {
				return []objKey{k}
			}
		}
	case *pg_query.Node_RenameStmt:
		if s.RenameStmt.MissingOk {
			if k, ok := rangeVarKey(s.RenameStmt.Relation, ""); ok {
				return []objKey{k}
			}
		}
	case *pg_query.Node_AlterObjectSchemaStmt:
		if s.AlterObjectSchemaStmt.MissingOk {
			if k, ok := rangeVarKey(s.AlterObjectSchemaStmt.Relation, ""); ok {
				return []objKey{k}
			}
		}
	case *pg_query.Node_DropStmt:
		if s.DropStmt.MissingOk {
			return dropKeys(s.DropStmt)
		}
	}
	return nil
}

// dropKeys returns the objects a DROP names, or nil for kinds renovate
// does not create (those can only be no-ops in a schema file).
func dropKeys(s *pg_query.DropStmt) []objKey {
	var out []objKey
	for _, o := range s.Objects {
		var (
			k  objKey
			ok bool
		)
		switch s.RemoveType {
		case pg_query.ObjectType_OBJECT_TABLE, pg_query.ObjectType_OBJECT_VIEW, pg_query.ObjectType_OBJECT_MATVIEW,
			pg_query.ObjectType_OBJECT_SEQUENCE, pg_query.ObjectType_OBJECT_INDEX, pg_query.ObjectType_OBJECT_FOREIGN_TABLE:
			k, ok = nameListKey("relation", o.GetList().GetItems(), "")
		case pg_query.ObjectType_OBJECT_TYPE, pg_query.ObjectType_OBJECT_DOMAIN:
			if tn := o.GetTypeName(); tn != nil {
				k, ok = nameListKey("type", tn.Names, "")
			}
		case pg_query.ObjectType_OBJECT_COLLATION:
			k, ok = nameListKey("collation", o.GetList().GetItems(), "")
		case pg_query.ObjectType_OBJECT_FUNCTION, pg_query.ObjectType_OBJECT_PROCEDURE, pg_query.ObjectType_OBJECT_ROUTINE:
			if ow := o.GetObjectWithArgs(); ow != nil {
				k, ok = nameListKey("routine", ow.Objname, "")
			}
		case pg_query.ObjectType_OBJECT_SCHEMA:
			k, ok = objKey{"schema", o.GetString_().GetSval()}, o.GetString_() != nil
		case pg_query.ObjectType_OBJECT_EXTENSION:
			k, ok = objKey{"extension", o.GetString_().GetSval()}, o.GetString_() != nil
		case pg_query.ObjectType_OBJECT_PUBLICATION:
			k, ok = objKey{"publication", o.GetString_().GetSval()}, o.GetString_() != nil
		case pg_query.ObjectType_OBJECT_EVENT_TRIGGER:
			k, ok = objKey{"event trigger", o.GetString_().GetSval()}, o.GetString_() != nil
		case pg_query.ObjectType_OBJECT_TRIGGER, pg_query.ObjectType_OBJECT_POLICY:
			names, err := stringList(o.GetList().GetItems())
			if err != nil || len(names) < 2 || len(names) > 3 {
				continue
			}
			space := "trigger"
			if s.RemoveType == pg_query.ObjectType_OBJECT_POLICY {
				space = "policy"
			}
			if len(names) == 2 {
				names = append([]string{"public"}, names...)
			}
			k, ok = objKey{space, strings.Join(names, ".")}, true
		}
		if ok {
			out = append(out, k)
		}
	}
	return out
}

// fileOrderStatement handles statement i in file order, reporting whether
// it is dealt with (skipped as a no-op, or a DROP undoing an earlier
// CREATE) so the caller must not dispatch it.
func (p *fileParser) fileOrderStatement(i int, raw *pg_query.RawStmt) bool {
	n := raw.GetStmt()
	if n == nil {
		return false
	}
	if d := n.GetDropStmt(); d != nil {
		return p.fileOrderDrop(i, raw, d)
	}
	keys := guardedKeys(n)
	if len(keys) == 0 {
		return false
	}
	for _, k := range keys {
		first, created := p.order.firstCreated[k]
		if !created || first < i {
			return false
		}
	}
	// Every object it names is created later in this file: at this
	// point none exists, and IF EXISTS makes the statement do nothing.
	return true
}

// fileOrderDrop handles a DROP in file order: undoing a view created
// earlier in the file, a no-op for IF EXISTS of objects not created yet,
// and otherwise the usual error (the caller dispatches it).
func (p *fileParser) fileOrderDrop(i int, raw *pg_query.RawStmt, d *pg_query.DropStmt) bool {
	keys := dropKeys(d)
	var earlier []objKey
	for _, k := range keys {
		if first, ok := p.order.firstCreated[k]; ok && first < i {
			earlier = append(earlier, k)
		}
	}
	loc := p.stmtLoc(raw)
	if len(earlier) > 0 {
		if d.RemoveType != pg_query.ObjectType_OBJECT_VIEW && d.RemoveType != pg_query.ObjectType_OBJECT_MATVIEW {
			what, _ := statementName(raw.Stmt)
			p.errs.add(&UnsupportedError{Loc: loc, Statement: what + " of an object created earlier in the same file",
				Reason: "is not supported in schema files: they declare objects, they are not scripts"})
			return true
		}
		if d.Behavior == pg_query.DropBehavior_DROP_CASCADE {
			p.errs.add(&UnsupportedError{Loc: loc, Statement: "DROP VIEW ... CASCADE", Reason: notInSchemaFiles})
			return true
		}
		for _, k := range earlier {
			p.undoView(k, d.RemoveType == pg_query.ObjectType_OBJECT_MATVIEW, loc)
		}
		return true
	}
	if !d.MissingOk {
		return false
	}
	var elsewhere []state.ObjectKey
	for _, k := range keys {
		if _, later := p.order.firstCreated[k]; !later {
			if ok, key := k.objectKey(); ok {
				elsewhere = append(elsewhere, key)
			}
		}
	}
	if len(elsewhere) > 0 {
		p.add(&dropNoopDef{loc: loc, keys: elsewhere})
	}
	return true
}

// undoView removes the earlier definitions of a view the file drops, as
// running the file would.
func (p *fileParser) undoView(k objKey, materialized bool, loc Location) {
	kept := p.items[:0]
	for _, it := range p.items {
		if v, ok := it.(*viewDef); ok && v.view.Materialized == materialized && v.view.Schema+"."+v.view.Name == k.name {
			continue
		}
		if c, ok := it.(*commentDef); ok && c.key.Schema+"."+c.key.Name == k.name &&
			(c.key.Kind == state.KindView || c.key.Kind == state.KindMaterializedView) {
			p.errs.add(&UnsupportedError{Loc: loc, Statement: "DROP VIEW of a view commented on earlier in the same file",
				Reason: "is not supported in schema files: they declare objects, they are not scripts"})
		}
		kept = append(kept, it)
	}
	p.items = kept
}

// objectKey maps a file-order key to the model's key for the objects the
// resolver can look up, for the check of resolveDropNoops.
func (k objKey) objectKey() (bool, state.ObjectKey) {
	schema, name, _ := strings.Cut(k.name, ".")
	switch k.space {
	case "relation":
		return true, state.ObjectKey{Kind: state.KindTable, Schema: schema, Name: name}
	case "type":
		return true, state.ObjectKey{Kind: state.KindType, Schema: schema, Name: name}
	case "routine":
		return true, state.ObjectKey{Kind: state.KindFunction, Schema: schema, Name: name}
	case "schema":
		return true, state.ObjectKey{Kind: state.KindSchema, Name: k.name}
	case "extension":
		return true, state.ObjectKey{Kind: state.KindExtension, Name: k.name}
	}
	return false, state.ObjectKey{}
}

// dropNoopDef is a DROP ... IF EXISTS of objects its file does not
// create: a no-op, unless another file defines one of them.
type dropNoopDef struct {
	loc  Location
	keys []state.ObjectKey
}

// resolveDropNoops reports a DROP ... IF EXISTS in one file of an object
// another file defines.
func (r *resolver) resolveDropNoops(items []any) {
	for _, it := range items {
		d, ok := it.(*dropNoopDef)
		if !ok {
			continue
		}
		for _, k := range d.keys {
			q := state.QualName{Schema: k.Schema, Name: k.Name}
			var at Location
			found := false
			switch k.Kind {
			case state.KindTable:
				if te := r.tables[q]; te != nil {
					at, found = r.locs[te.t.Key()], true
				} else if ve := r.views[q]; ve != nil {
					at, found = r.locs[ve.v.Key()], true
				} else if _, ok := r.sequences[q]; ok {
					at, found = r.locs[state.ObjectKey{Kind: state.KindSequence, Schema: q.Schema, Name: q.Name}], true
				}
			case state.KindType, state.KindSchema, state.KindExtension:
				at, found = r.locs[k]
			case state.KindFunction:
				for _, f := range r.routineState().funcs {
					if f.Schema == q.Schema && f.Name == q.Name {
						at, found = r.locs[f.Key()], true
						break
					}
				}
			}
			if found {
				r.errs.semantic(d.loc, "DROP ... IF EXISTS of %s, which %s defines: files have no order between them, so it is unknown whether the DROP runs before or after it (remove the DROP)", k.QualifiedName(), at)
			}
		}
	}
}
