package planner

import (
	"fmt"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// SequencePosition is where a sequence stood when the plan was made
// (Options.SequencePositions): its last_value and is_called. The model
// never holds it (state.Sequence); the planner reads it only to keep a
// sequence valid under new bounds.
type SequencePosition struct {
	LastValue int64 `json:"last_value"`
	// IsCalled is false before the first nextval (and after RESTART):
	// the next value is LastValue itself.
	IsCalled bool `json:"is_called"`
}

// restart says whether a sequence at pos (ok false: position unknown)
// must be restarted for the options to: PostgreSQL refuses new MINVALUE
// or MAXVALUE bounds (or a narrower type) that leave the current value
// outside ("RESTART value (5) cannot be less than MINVALUE (10)"). The
// sequence then restarts at the bound nearest to it. Ahead of the
// sequence (a MINVALUE raised above an ascending sequence) that only
// skips values; behind it (a MAXVALUE lowered below an ascending
// sequence, the sequence already past its new end) it hands out a value
// again, which the hazard says: backwards is true then.
func restart(pos SequencePosition, ok bool, to state.SequenceOptions) (target int64, backwards, restarts bool) {
	if !ok || (pos.LastValue >= to.MinValue && pos.LastValue <= to.MaxValue) {
		return 0, false, false
	}
	target = to.MinValue
	if pos.LastValue > to.MaxValue {
		target = to.MaxValue
	}
	return target, (to.Increment > 0) == (target < pos.LastValue), true
}

// sequenceRestart is restart for a sequence of the model, with its
// hazard when it restarts backwards.
func (d *differ) sequenceRestart(q state.QualName, to state.SequenceOptions) (int64, []Hazard, bool) {
	pos, ok := d.opts.SequencePositions[state.ObjectKey{Kind: state.KindSequence, Schema: q.Schema, Name: q.Name}]
	n, backwards, ok := restart(pos, ok, to)
	if !backwards {
		return n, nil, ok
	}
	return n, []Hazard{NewHazard(SequenceRestartsBehind, q, pos.LastValue, to.MinValue, to.MaxValue, n)}, ok
}

// identityRestart is restart for the sequence of identity column col of
// table q.
func (d *differ) identityRestart(q state.QualName, col string, to state.SequenceOptions) (int64, []Hazard, bool) {
	pos, ok := d.opts.SequencePositions[memberKey(state.KindColumn, q, col)]
	n, backwards, ok := restart(pos, ok, to)
	if !backwards {
		return n, nil, ok
	}
	return n, []Hazard{NewHazard(IdentityRestartsBehind, q, col, pos.LastValue, to.MinValue, to.MaxValue, n)}, ok
}

// alterIdentityOptions changes an identity column's options, restarting
// its sequence when its current value falls outside the new bounds.
func (d *differ) alterIdentityOptions(q state.QualName, old, nw state.Column) {
	key := memberKey(state.KindColumn, q, nw.Name)
	sql := sqlgen.AlterIdentity(q, old, nw)
	var hz []Hazard
	if nw.IdentityOptions != nil {
		if n, h, ok := d.identityRestart(q, nw.Name, *nw.IdentityOptions); ok {
			sql = sqlgen.WithIdentityRestart(sql, n)
			hz = h
		}
	}
	d.add(phaseAlterColumn, key, ActionAlter, sql, hz...)
}

// identityNarrows reports whether an identity column's type change makes
// its sequence's type smaller (bigint to integer): the new bounds must
// then be set while the old type still holds the old ones, before the
// type change (which takes the sequence's type with it).
func identityNarrows(old, nw state.Column) bool {
	ob, nb := intBits[baseType(old.Type)], intBits[baseType(nw.Type)]
	return ob > 0 && nb > 0 && nb < ob
}

// serialSource is the sequence a column's values came from before it
// became an identity column (or the reverse), and the name it carries
// while both exist: PostgreSQL names an identity's sequence
// <table>_<column>_seq, which is also the name serial gives its
// sequence, so the old one steps aside (is renamed) first.
type serialSource struct {
	seq  state.QualName // the old sequence, by its name in the current database
	from state.QualName // where to read its position once renamed (or seq)
}

// renamed reports whether the old sequence is moved out of the way.
func (s serialSource) renamed() bool { return s.seq != s.from }

// asideName is a free name for a sequence that steps aside.
func (d *differ) asideName(q state.QualName) state.QualName {
	taken := func(n string) bool {
		k := state.QualName{Schema: q.Schema, Name: n}
		for _, s := range []state.DatabaseSchema{d.from, d.to} {
			for _, x := range s.Sequences {
				if x.QualName() == k {
					return true
				}
			}
			for _, x := range s.Tables {
				if x.QualName() == k {
					return true
				}
			}
		}
		return false
	}
	base := q.Name
	if len(base) > 50 {
		base = base[:50]
	}
	for i := 0; ; i++ {
		n := base + "_renovate_old"
		if i > 0 {
			n = fmt.Sprintf("%s_renovate_old%d", base, i)
		}
		if !taken(n) {
			return state.QualName{Schema: q.Schema, Name: n}
		}
	}
}

// serialToIdentity finds the sequence that fed column col of table q
// (its owned sequence, dropped by this plan) when the column turns from
// serial into an identity column.
func (d *differ) serialToIdentity(q state.QualName, col string) (serialSource, bool) {
	ot, ok := d.from.Table(q)
	if !ok {
		return serialSource{}, false
	}
	oc, ok := ot.Column(col)
	nt, ok2 := d.to.Table(q)
	if !ok || !ok2 || oc.Identity != "" || oc.Default == "" {
		return serialSource{}, false
	}
	if nc, ok := nt.Column(col); !ok || nc.Identity == "" {
		return serialSource{}, false
	}
	for _, s := range d.from.Sequences {
		if s.Schema != q.Schema || s.OwnedBy == nil || s.OwnedBy.Table != q.Name || s.OwnedBy.Column != col {
			continue
		}
		if hasSequence(d.to, s.QualName()) {
			continue
		}
		src := serialSource{seq: s.QualName(), from: s.QualName()}
		if s.Name == state.IdentitySequenceName(q.Name, col) {
			src.from = d.asideName(s.QualName())
		}
		return src, true
	}
	return serialSource{}, false
}

// identityToSerial finds, for a sequence s this plan creates, the
// identity column it takes over from: s is owned by a column that is an
// identity column in the current database and no longer one.
func (d *differ) identityToSerial(s state.Sequence) (serialSource, bool) {
	if s.OwnedBy == nil {
		return serialSource{}, false
	}
	q := state.QualName{Schema: s.Schema, Name: s.OwnedBy.Table}
	ot, ok := d.from.Table(q)
	nt, ok2 := d.to.Table(q)
	if !ok || !ok2 {
		return serialSource{}, false
	}
	oc, ok := ot.Column(s.OwnedBy.Column)
	nc, ok2 := nt.Column(s.OwnedBy.Column)
	if !ok || !ok2 || oc.Identity == "" || nc.Identity != "" {
		return serialSource{}, false
	}
	idSeq := state.QualName{Schema: s.Schema, Name: state.IdentitySequenceName(q.Name, oc.Name)}
	src := serialSource{seq: idSeq, from: idSeq}
	if idSeq == s.QualName() {
		src.from = d.asideName(idSeq)
	}
	return src, true
}

// createSerialSequence creates sequence s, which takes over from an
// identity column's sequence (src): that one steps aside if it has the
// name, and s goes on from its position. DROP IDENTITY (alterColumn)
// drops it afterwards.
func (d *differ) createSerialSequence(key state.ObjectKey, s state.Sequence, src serialSource) {
	if src.renamed() {
		d.add(phaseSequence, key, ActionAlter, sqlgen.RenameObject("SEQUENCE", src.seq, src.from.Name))
	}
	d.add(phaseSequence, key, ActionCreate, sqlgen.CreateSequence(s))
	d.add(phaseSequence, key, ActionAlter, sqlgen.CopySequencePosition(sqlgen.QuoteLiteral(sqlgen.Qual(s.QualName())), src.from, s.SequenceOptions))
}

func hasSequence(s state.DatabaseSchema, q state.QualName) bool {
	for _, x := range s.Sequences {
		if x.QualName() == q {
			return true
		}
	}
	return false
}

// UsingClause is the USING expression renovate writes for changing
// column old of the current model into nw of the desired one ("" for
// none): the engine asks the server whether it parses (Options.NoCast).
func UsingClause(current, desired state.DatabaseSchema, old, nw state.Column) string {
	if nw.Generated != "" {
		return ""
	}
	d := &differ{from: current, to: desired}
	return d.usingFor(old, nw)
}

// usingFor is usingExpr knowing the models' types: a domain over a
// built-in type converts as that type does (PostgreSQL casts from a
// domain through its base type, and to one by casting to the base type
// and checking the domain's constraints), so it needs no detour through
// text, and a change with no cast between the base types shows as one.
func (d *differ) usingFor(old, nw state.Column) string {
	user := func(t string) bool {
		name := describeType(t).name
		if !strings.Contains(name, ".") {
			return false
		}
		u, ok := d.resolveType(name)
		return !ok || u.Kind != state.TypeDomain || strings.Contains(describeType(u.BaseType).name, ".")
	}
	return usingExpr(old, nw, user(old.Type), user(nw.Type))
}
