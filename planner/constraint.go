package planner

import (
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// constraints plans constraint changes of a table that exists on both
// sides. A changed definition is a drop and an add: PostgreSQL has no
// ALTER for a constraint's body.
func (d *differ) constraints(old, nw state.Table, refRebuild map[state.QualName]bool) {
	q := nw.QualName()
	seen := map[string]bool{}
	for _, c := range nw.Constraints {
		key := memberKey(state.KindConstraint, q, c.Name)
		oc, ok := findConstraint(old, c.Name)
		if !ok && c.RenamedFrom != "" {
			if prev, found := findConstraint(old, c.RenamedFrom); found {
				if _, clash := findConstraint(nw, c.RenamedFrom); !clash {
					oc, ok = prev, true
					d.add(phaseRename, key, ActionRename, sqlgen.RenameConstraint(q, prev.Name, c.Name))
				}
			}
		}
		if ok {
			seen[oc.Name] = true
			oc.Name = c.Name
		}
		rebuildFK := ok && c.Kind == state.ConstraintForeignKey && oc.References != nil && refRebuild[*oc.References]
		ts, moved := tablespaceMove(oc.Definition, c.Definition, constraintTablespaceMarker, constraintTablespaceTails)
		switch {
		case !ok:
			d.addConstraint(nw, c)
		case moved && oc.Kind == c.Kind && !rebuildFK && oc.NotValid == c.NotValid:
			d.moveIndex(key, q, c.Name, ts)
			d.constraintIndexComment(q, &oc, c)
		// A validated constraint that the files declare NOT VALID is
		// re-added NOT VALID (no scan): the files are the truth.
		case oc.Definition != c.Definition || oc.Kind != c.Kind || rebuildFK || (c.NotValid && !oc.NotValid):
			d.dropConstraint(q, oc)
			d.addConstraint(nw, c)
		case oc.NotValid && !c.NotValid:
			d.add(phaseAddConstraint, key, ActionAlter, sqlgen.ValidateConstraint(q, c.Name),
				NewHazard(ValidatesConstraint, c.Name, q))
			d.constraintIndexComment(q, &oc, c)
		default:
			d.constraintIndexComment(q, &oc, c)
		}
		if ok && oc.Comment != c.Comment {
			d.add(phaseComment, key, ActionAlter, sqlgen.Comment("CONSTRAINT", sqlgen.QuoteIdent(c.Name)+" ON "+sqlgen.Qual(q), c.Comment))
		}
	}
	// A CHECK constraint of the table that its parents have too merges
	// with theirs (ATTACH PARTITION and INHERIT even require it): it is
	// the parents' from then on, not dropped.
	// One that merged with a parent's the table leaves can only be
	// dropped once it has left.
	fromParents := parentChecks(d.to, nw)
	fromOldParents := parentChecks(d.from, old)
	for _, c := range old.Constraints {
		if p, ok := fromParents[c.Name]; ok && c.Kind == state.ConstraintCheck && p.Definition == c.Definition {
			continue
		}
		if seen[c.Name] {
			continue
		}
		if _, merged := fromOldParents[c.Name]; merged && c.Kind == state.ConstraintCheck {
			d.add(phaseDropColumn, memberKey(state.KindConstraint, q, c.Name), ActionDrop, sqlgen.DropConstraint(q, c.Name))
			continue
		}
		d.dropConstraint(q, c)
	}
}

func (d *differ) dropConstraint(q state.QualName, c state.Constraint) {
	ph := phaseDropConstraint
	if c.Kind == state.ConstraintForeignKey {
		ph = phaseDropForeignKey
	}
	d.add(ph, memberKey(state.KindConstraint, q, c.Name), ActionDrop, sqlgen.DropConstraint(q, c.Name))
}

// addConstraint adds c to the existing table t, with the cost of checking
// existing rows as a hazard.
func (d *differ) addConstraint(t state.Table, c state.Constraint) {
	q := t.QualName()
	key := memberKey(state.KindConstraint, q, c.Name)
	var hz []Hazard
	if !c.NotValid {
		switch c.Kind {
		case state.ConstraintPrimaryKey, state.ConstraintUnique, state.ConstraintExclusion:
			hz = append(hz, NewHazard(BuildsConstraintIndex, c.Name, q))
		default:
			hz = append(hz, NewHazard(AddsConstraint, c.Name, q))
		}
	}
	ph := phaseAddConstraint
	if c.Kind == state.ConstraintForeignKey {
		ph = phaseAddForeignKey
	}
	d.add(ph, key, ActionCreate, sqlgen.AddConstraint(t, c), hz...)
	if c.Comment != "" {
		d.add(phaseComment, key, ActionAlter, sqlgen.Comment("CONSTRAINT", sqlgen.QuoteIdent(c.Name)+" ON "+sqlgen.Qual(q), c.Comment))
	}
	d.constraintIndexComment(q, nil, c)
}

// indexes plans index changes of a table that exists on both sides.
func (d *differ) indexes(old, nw state.Table) {
	q := nw.QualName()
	oldByName := map[string]state.Index{}
	for _, ix := range old.Indexes {
		oldByName[ix.Name] = ix
	}
	seen := map[string]bool{}
	for _, ix := range nw.Indexes {
		key := memberKey(state.KindIndex, q, ix.Name)
		oi, ok := oldByName[ix.Name]
		if !ok && ix.RenamedFrom != "" {
			if prev, found := oldByName[ix.RenamedFrom]; found {
				d.add(phaseRename, key, ActionRename, sqlgen.RenameObject("INDEX", state.QualName{Schema: q.Schema, Name: prev.Name}, ix.Name))
				seen[prev.Name] = true
				oi, ok = prev, true
				// The stored definition names the index; compare as renamed.
				oi.Definition = renameInDefinition(oi.Definition, prev.Name, ix.Name)
			}
		}
		if ok {
			seen[oi.Name] = true
		}
		build := NewHazard(BuildsIndex, ix.Name, q)
		ts, moved := tablespaceMove(oi.Definition, ix.Definition, indexTablespaceMarker, indexTablespaceTails)
		switch {
		case !ok:
			d.add(phaseCreateIndex, key, ActionCreate, sqlgen.CreateIndex(ix), build)
			d.newIndexSettings(q, ix)
		case moved && !columnTypeChanged(old, nw):
			d.moveIndex(key, q, ix.Name, ts)
			d.indexStatistics(q, oi, ix)
		case oi.Definition != ix.Definition:
			d.add(phaseDropIndex, key, ActionDrop, sqlgen.DropIndex(q.Schema, oi.Name))
			d.add(phaseCreateIndex, key, ActionCreate, sqlgen.CreateIndex(ix), build)
			d.newIndexSettings(q, ix)
		case columnTypeChanged(old, nw):
			// ALTER COLUMN ... TYPE rebuilds the table's indexes, which
			// lose their statistics targets.
			d.newIndexSettings(q, ix)
		default:
			d.indexStatistics(q, oi, ix)
		}
		if (ok && oi.Comment != ix.Comment) || (!ok && ix.Comment != "") {
			d.add(phaseComment, key, ActionAlter, sqlgen.Comment("INDEX", sqlgen.QualifiedName(q.Schema, ix.Name), ix.Comment))
		}
	}
	for _, ix := range old.Indexes {
		if !seen[ix.Name] {
			d.add(phaseDropIndex, memberKey(state.KindIndex, q, ix.Name), ActionDrop, sqlgen.DropIndex(q.Schema, ix.Name))
		}
	}
}

// renameInDefinition replaces the index name in a canonical CREATE INDEX
// text ("CREATE [UNIQUE] INDEX name ON ...").
func renameInDefinition(def, from, to string) string {
	for _, prefix := range []string{"CREATE INDEX ", "CREATE UNIQUE INDEX "} {
		old := prefix + sqlgen.QuoteIdent(from) + " ON "
		if len(def) >= len(old) && def[:len(old)] == old {
			return prefix + sqlgen.QuoteIdent(to) + " ON " + def[len(old):]
		}
	}
	return def
}
