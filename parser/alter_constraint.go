package parser

import (
	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// This file reads the ALTER TABLE forms that change a constraint after it
// was added, as structure dumps write them:
//
//	ALTER TABLE t VALIDATE CONSTRAINT c;          -- c is valid
//	ALTER TABLE t RENAME CONSTRAINT a TO b;       -- a is called b
//
// Both apply once every constraint is named (constraintCommands), in
// statement order, so a constraint added NOT VALID and validated later
// is simply valid, and a renamed one (with its index, for a primary key,
// unique or exclusion constraint) has its new name.

// constraintChange is VALIDATE CONSTRAINT name, or RENAME CONSTRAINT name
// TO newName.
type constraintChange struct {
	name    string
	newName string // "" for VALIDATE
}

// validateConstraintCmd reads ALTER TABLE ... VALIDATE CONSTRAINT.
func validateConstraintCmd(cmd *pg_query.AlterTableCmd, loc Location) *alterCmd {
	return &alterCmd{loc: loc, constraint: &constraintChange{name: cmd.Name}}
}

// renameConstraint handles ALTER TABLE [IF EXISTS] [ONLY] t RENAME
// CONSTRAINT a TO b, reporting whether s was one.
func (p *fileParser) renameConstraint(s *pg_query.RenameStmt, loc Location) bool {
	if s.RenameType != pg_query.ObjectType_OBJECT_TABCONSTRAINT || s.Relation == nil {
		return false
	}
	table, ok := p.relName(s.Relation, loc)
	if !ok {
		return true
	}
	if len(s.Newname) > maxIdentLen {
		p.errs.semantic(loc, "constraint name %q is longer than %d bytes", s.Newname, maxIdentLen)
		return true
	}
	p.add(&alterTableDef{loc: loc, table: table, missingOK: s.MissingOk,
		cmds: []alterCmd{{loc: loc, constraint: &constraintChange{name: s.Subname, newName: s.Newname}}}})
	return true
}

// constraintCommands applies VALIDATE and RENAME CONSTRAINT in statement
// order, after every constraint is named and before comments find them.
func (r *resolver) constraintCommands(items []any) {
	for _, it := range items {
		a, ok := it.(*alterTableDef)
		if !ok {
			continue
		}
		te := r.tables[a.table]
		if te == nil {
			continue // reported in pass 2 unless IF EXISTS
		}
		for _, c := range a.cmds {
			if c.constraint != nil {
				r.changeConstraint(te, c.constraint, c.loc)
			}
		}
	}
}

// changeConstraint validates or renames one constraint of te.
func (r *resolver) changeConstraint(te *tableEntry, ch *constraintChange, loc Location) {
	q := te.t.QualName()
	var con *state.Constraint
	for i := range te.t.Constraints {
		if te.t.Constraints[i].Name == ch.name {
			con = &te.t.Constraints[i]
		}
	}
	if con == nil {
		r.errs.semantic(loc, "constraint %s of table %s does not exist", ch.name, q)
		return
	}
	if ch.newName == "" {
		if con.Kind != state.ConstraintCheck && con.Kind != state.ConstraintForeignKey {
			r.errs.semantic(loc, "constraint %s of table %s is not a foreign key or check constraint", ch.name, q)
			return
		}
		con.NotValid = false
		return
	}
	if ch.newName == ch.name {
		return
	}
	oldKey := state.ObjectKey{Kind: state.KindConstraint, Schema: q.Schema, Table: q.Name, Name: ch.name}
	newKey := oldKey
	newKey.Name = ch.newName
	if first, dup := r.locs[newKey]; dup {
		r.errs.semantic(loc, "constraint %s for relation %s already exists (at %s)", ch.newName, q, first)
		return
	}
	if indexBacked(con.Kind) {
		// The constraint's index is renamed with it.
		if !r.defineIndexName(state.QualName{Schema: q.Schema, Name: ch.newName}, indexRef{table: q.Name, constraint: true}, loc) {
			return
		}
		delete(r.indexes, state.QualName{Schema: q.Schema, Name: ch.name})
	}
	r.locs[newKey] = r.locs[oldKey]
	delete(r.locs, oldKey)
	con.Name = ch.newName
}
