package parser

import (
	"fmt"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"

	"github.com/renovate-pg/renovate/state"
)

// RenameInQuery rewrites a canonical view query the way PostgreSQL prints
// it once relations and columns it reads are renamed: PostgreSQL tracks a
// view's references by OID, so after ALTER TABLE ... RENAME the view's
// query names the new relation (and uses it as the column qualifier where
// the relation had no alias), and after RENAME COLUMN the new column, with
// the output column keeping its old name ("t.new AS old").
//
// relations maps a relation's old name to its new name (renames stay in
// their schema); columns maps a relation's old name to its column renames
// (old column name to new). The text may already name a renamed relation
// by its new name (only its qualifiers still being old). Relations are
// recognized by their names in the
// whole query, not scope by scope: an alias reused for different relations
// in different subqueries can make the result differ from PostgreSQL's,
// which only costs an unneeded recreate of the view.
func RenameInQuery(definition string, relations map[state.QualName]string, columns map[state.QualName]map[string]string) (string, error) {
	if len(relations) == 0 && len(columns) == 0 {
		return definition, nil
	}
	tree, err := pg_query.Parse(definition)
	if err != nil {
		return "", err
	}
	if len(tree.Stmts) != 1 || tree.Stmts[0].Stmt.GetSelectStmt() == nil {
		return "", fmt.Errorf("expected one SELECT")
	}
	root := tree.Stmts[0].Stmt
	// The relations of interest by the name the query refers to them by:
	// their alias, or their own name.
	refs := map[string]state.QualName{}
	walkMessages(root.ProtoReflect(), func(m proto.Message) {
		rv, ok := m.(*pg_query.RangeVar)
		if !ok || rv.Schemaname == "" {
			return
		}
		q := state.QualName{Schema: rv.Schemaname, Name: rv.Relname}
		if _, renamed := relations[q]; !renamed && columns[q] == nil {
			return
		}
		ref := rv.Relname
		if rv.Alias != nil && rv.Alias.Aliasname != "" {
			ref = rv.Alias.Aliasname
		}
		refs[ref] = q
	})
	// A relation already renamed in the text (as a model rewritten for the
	// rename has it) can still be named by its old name as a qualifier:
	// that qualifier is the relation's.
	walkMessages(root.ProtoReflect(), func(m proto.Message) {
		rv, ok := m.(*pg_query.RangeVar)
		if !ok || rv.Schemaname == "" || rv.Alias != nil && rv.Alias.Aliasname != "" {
			return
		}
		for old, nw := range relations {
			if old.Schema != rv.Schemaname || nw != rv.Relname {
				continue
			}
			if _, taken := refs[old.Name]; !taken {
				refs[old.Name] = old
			}
		}
	})
	if len(refs) == 0 {
		return definition, nil
	}
	// An unqualified column reference is renamed when exactly one of the
	// relations of interest has a renamed column of that name (PostgreSQL
	// prints every column qualified; hand-written queries seldom are).
	bare := map[string]string{}
	ambiguous := map[string]bool{}
	seenRel := map[state.QualName]bool{}
	for _, q := range refs {
		if seenRel[q] {
			continue
		}
		seenRel[q] = true
		for old, nw := range columns[q] {
			if _, dup := bare[old]; dup {
				ambiguous[old] = true
			}
			bare[old] = nw
		}
	}
	for old := range ambiguous {
		delete(bare, old)
	}
	// Top-level select-list entries that are a bare column reference keep
	// their output name when the column is renamed.
	topLevel := map[*pg_query.ColumnRef]*pg_query.ResTarget{}
	for _, t := range leftmostSelect(root.GetSelectStmt()).TargetList {
		if rt := t.GetResTarget(); rt != nil && rt.Val != nil {
			if cr := rt.Val.GetColumnRef(); cr != nil {
				topLevel[cr] = rt
			}
		}
	}
	walkMessages(root.ProtoReflect(), func(m proto.Message) {
		switch x := m.(type) {
		case *pg_query.RangeVar:
			if x.Schemaname == "" {
				return
			}
			if nw, ok := relations[state.QualName{Schema: x.Schemaname, Name: x.Relname}]; ok {
				x.Relname = nw
			}
		case *pg_query.ColumnRef:
			renameColumnRef(x, topLevel[x], refs, relations, columns)
			renameBareColumnRef(x, topLevel[x], bare)
		}
	})
	q, err := canonicalQuery(root, nil)
	if err != nil {
		return "", err
	}
	return q.sql, nil
}

// renameColumnRef rewrites a qualified column reference (rel.col,
// schema.rel.col, rel.*) for the renames; rt is its select-list entry when
// it is a whole top-level entry.
func renameColumnRef(cr *pg_query.ColumnRef, rt *pg_query.ResTarget, refs map[string]state.QualName, relations map[state.QualName]string, columns map[state.QualName]map[string]string) {
	n := len(cr.Fields)
	if n < 2 {
		return
	}
	qual := cr.Fields[n-2].GetString_()
	if qual == nil {
		return
	}
	q, ok := refs[qual.Sval]
	if !ok {
		return
	}
	if col := cr.Fields[n-1].GetString_(); col != nil {
		if nw, renamed := columns[q][col.Sval]; renamed {
			if rt != nil && rt.Name == "" {
				rt.Name = col.Sval
			}
			cr.Fields[n-1] = pg_query.MakeStrNode(nw)
		}
	}
	// The qualifier is the relation's own name unless it has an alias.
	if nw, renamed := relations[q]; renamed && qual.Sval == q.Name {
		cr.Fields[n-2] = pg_query.MakeStrNode(nw)
	}
}

// renameBareColumnRef renames an unqualified column reference found in
// bare (old column name to new); rt is its select-list entry when it is a
// whole top-level entry, whose output name stays the old one.
func renameBareColumnRef(cr *pg_query.ColumnRef, rt *pg_query.ResTarget, bare map[string]string) {
	if len(cr.Fields) != 1 {
		return
	}
	col := cr.Fields[0].GetString_()
	if col == nil {
		return
	}
	nw, ok := bare[col.Sval]
	if !ok {
		return
	}
	if rt != nil && rt.Name == "" {
		rt.Name = col.Sval
	}
	cr.Fields[0] = pg_query.MakeStrNode(nw)
}
