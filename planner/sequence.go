package planner

import (
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

func (d *differ) sequences() {
	from := map[state.QualName]state.Sequence{}
	for _, s := range d.from.Sequences {
		from[s.QualName()] = s
	}
	kept := map[state.QualName]bool{}
	// A table dropped and created again (a changed partitioning) would
	// take the sequences it owns with it: they are disowned before the
	// drop and owned again by the new table.
	recreated := d.recreatedTables()
	for _, s := range d.to.Sequences {
		q := s.QualName()
		key := state.ObjectKey{Kind: state.KindSequence, Schema: s.Schema, Name: s.Name}
		old, ok := from[q]
		// Owned sequences are shown as part of their table's definition.
		standalone := s.OwnedBy == nil && (!ok || old.OwnedBy == nil)
		if !ok {
			if standalone {
				d.change(key, ActionCreate, "", sqlgen.SequenceDefinition(s))
			}
			if src, ok := d.identityToSerial(s); ok {
				d.createSerialSequence(key, s, src)
			} else {
				d.add(phaseSequence, key, ActionCreate, sqlgen.CreateSequence(s))
			}
			if s.OwnedBy != nil {
				d.add(phaseOwnedBy, key, ActionAlter, sqlgen.SequenceOwnedBy(s))
			}
			if s.Comment != "" {
				d.add(phaseComment, key, ActionAlter, sqlgen.Comment("SEQUENCE", sqlgen.Qual(q), s.Comment))
			}
			continue
		}
		kept[q] = true
		optsChanged := old.SequenceOptions != s.SequenceOptions
		ownerChanged := !sameOwner(old.OwnedBy, s.OwnedBy)
		// The same holds for a sequence whose owning table or column is
		// dropped while the sequence stays: it is disowned first (and owned
		// by its new column, if any, once that exists).
		if old.OwnedBy != nil && (recreated[state.QualName{Schema: old.Schema, Name: old.OwnedBy.Table}] || d.droppedWithOwner(old)) {
			disowned := old
			disowned.OwnedBy = nil
			d.add(phaseDisownSequence, key, ActionAlter, sqlgen.SequenceOwnedBy(disowned))
			ownerChanged = s.OwnedBy != nil
		}
		if !optsChanged && !ownerChanged && old.Comment == s.Comment {
			continue
		}
		if standalone {
			d.change(key, ActionAlter, sqlgen.SequenceDefinition(old), sqlgen.SequenceDefinition(s))
		}
		if optsChanged {
			sql := sqlgen.AlterSequence(q, old.SequenceOptions, s.SequenceOptions)
			n, hz, restart := d.sequenceRestart(q, s.SequenceOptions)
			if restart {
				sql = sqlgen.WithSequenceRestart(sql, n)
			}
			d.add(phaseSequence, key, ActionAlter, sql, hz...)
		}
		if ownerChanged {
			d.add(phaseOwnedBy, key, ActionAlter, sqlgen.SequenceOwnedBy(s))
		}
		if old.Comment != s.Comment {
			d.add(phaseComment, key, ActionAlter, sqlgen.Comment("SEQUENCE", sqlgen.Qual(q), s.Comment))
		}
	}
	for _, s := range d.from.Sequences {
		if kept[s.QualName()] || d.droppedWithOwner(s) {
			continue
		}
		key := state.ObjectKey{Kind: state.KindSequence, Schema: s.Schema, Name: s.Name}
		if s.OwnedBy == nil {
			d.change(key, ActionDrop, sqlgen.SequenceDefinition(s), "")
		}
		dropped := s.QualName()
		hz := []Hazard{NewHazard(DropsSequence, s.QualName())}
		if s.OwnedBy != nil {
			// A serial sequence an identity column took over from (its
			// position copied, column.go) was renamed out of its way.
			if src, ok := d.serialToIdentity(state.QualName{Schema: s.Schema, Name: s.OwnedBy.Table}, s.OwnedBy.Column); ok && src.seq == dropped {
				dropped, hz = src.from, nil
			}
		}
		d.add(phaseDropSequence, key, ActionDrop, sqlgen.DropSequence(dropped), hz...)
	}
}

// droppedWithOwner reports whether PostgreSQL drops the remote sequence s
// by itself: an owned sequence goes with its column or table.
func (d *differ) droppedWithOwner(s state.Sequence) bool {
	if s.OwnedBy == nil {
		return false
	}
	q := state.QualName{Schema: s.Schema, Name: s.OwnedBy.Table}
	t, ok := d.desiredTable(q)
	if !ok {
		return true
	}
	_, ok = t.Column(d.desiredColumnName(t, s.OwnedBy.Column))
	return !ok
}

func sameOwner(a, b *state.ColumnRef) bool {
	if a == nil || b == nil {
		return a == b
	}
	return *a == *b
}
