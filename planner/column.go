package planner

import (
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// columns plans column additions, drops, renames and alterations of a
// table that exists on both sides. Columns are matched by name (or
// renamed-from annotation), never by position.
func (d *differ) columns(old, nw state.Table) {
	q := nw.QualName()
	seen := map[string]bool{}
	for _, c := range nw.Columns {
		key := memberKey(state.KindColumn, q, c.Name)
		oc, ok := old.Column(c.Name)
		if !ok && c.RenamedFrom != "" {
			if prev, found := old.Column(c.RenamedFrom); found {
				if _, clash := nw.Column(c.RenamedFrom); !clash {
					oc, ok = prev, true
					d.add(phaseRename, key, ActionRename, sqlgen.RenameColumn(q, prev.Name, c.Name))
				}
			}
		}
		if !ok {
			if d.addedByParent(old, nw, c.Name) {
				// The parent's ADD COLUMN reaches this child, with no
				// settings of its own.
				d.newColumnSettings(q, c)
				continue
			}
			d.addColumn(q, c)
			d.newColumnSettings(q, c)
			if c.Storage != "" {
				d.add(phaseAlterColumn, key, ActionAlter, sqlgen.SetStorage(q, c))
			}
			continue
		}
		seen[oc.Name] = true
		d.alterColumn(q, d.afterParents(old, nw, oc), c)
	}
	for _, c := range old.Columns {
		if seen[c.Name] || d.droppedByParent(old, nw, c) {
			continue
		}
		drop := sqlgen.DropColumn(q, c.Name)
		if d.tableExt.onlyDrop[q][c.Name] {
			drop = sqlgen.DropColumnOnly(q, c.Name)
		}
		d.add(phaseDropColumn, memberKey(state.KindColumn, q, c.Name), ActionDrop, drop,
			NewHazard(DropsColumn, q, c.Name))
	}
}

// alterColumn plans the changes to one column, in an order PostgreSQL
// accepts: expressions and identity go before a type change and come back
// after it.
func (d *differ) alterColumn(q state.QualName, old, nw state.Column) {
	key := memberKey(state.KindColumn, q, nw.Name)
	if old.Generated != nw.Generated {
		if nw.Generated != "" {
			// A new or changed generation expression: PostgreSQL cannot
			// alter it in place before version 17, so the column is
			// recreated and its values recomputed.
			var hz []Hazard
			if old.Generated == "" {
				hz = append(hz, NewHazard(ColumnBecomesGenerated, q, nw.Name))
			}
			hz = append(hz, NewHazard(RecreatesGeneratedColumn, q, nw.Name))
			d.add(phaseAlterColumn, key, ActionDrop, sqlgen.DropColumn(q, old.Name), hz...)
			d.add(phaseAlterColumn, key, ActionCreate, sqlgen.AddColumn(q, nw))
			if nw.Comment != "" {
				d.add(phaseComment, key, ActionAlter, sqlgen.Comment("COLUMN", sqlgen.Qual(q)+"."+sqlgen.QuoteIdent(nw.Name), nw.Comment))
			}
			d.newColumnSettings(q, nw)
			return
		}
		// Generated -> plain keeps the values (PostgreSQL 13+).
		d.add(phaseAlterColumn, key, ActionAlter, sqlgen.DropExpression(q, nw.Name))
		old.Generated = ""
	}

	typeChanged := old.Type != nw.Type || old.Collation != nw.Collation
	identityChanged := old.Identity != nw.Identity || !sameIdentityOptions(old, nw)
	// A default must be removed before a type change (it may not cast) and
	// before becoming an identity column (the two are exclusive).
	dropDefault := old.Default != "" && (old.Default != nw.Default || typeChanged || nw.Identity != "")
	if old.Identity != "" && nw.Identity == "" {
		d.add(phaseAlterColumn, key, ActionAlter, sqlgen.DropIdentity(q, nw.Name))
	}
	if dropDefault {
		d.add(phaseAlterColumn, key, ActionAlter, sqlgen.DropDefault(q, nw.Name))
	}
	alterIdentity := old.Identity != "" && nw.Identity != "" && identityChanged
	if alterIdentity && typeChanged && identityNarrows(old, nw) {
		// The sequence's new bounds first, while its type still holds
		// the old ones: the type change narrows the sequence too, and
		// PostgreSQL refuses a MAXVALUE the new type cannot hold.
		d.alterIdentityOptions(q, old, nw)
		alterIdentity = false
	}
	if typeChanged {
		d.alterColumnType(q, old, nw)
	}
	switch {
	case old.Identity == "" && nw.Identity != "":
		// PostgreSQL adds an identity only to a column that is NOT NULL
		// already.
		if !old.NotNull {
			d.add(phaseAlterColumn, key, ActionAlter, sqlgen.SetNotNull(q, nw.Name),
				NewHazard(SetsNotNull, q))
			old.NotNull = true
		}
		// A serial column turning identity: its sequence steps aside
		// (the identity's takes its name) and the identity goes on from
		// where it stood; the old sequence is dropped later (sequence.go).
		src, serial := d.serialToIdentity(q, nw.Name)
		if serial && src.renamed() {
			d.add(phaseAlterColumn, state.ObjectKey{Kind: state.KindSequence, Schema: src.seq.Schema, Name: src.seq.Name}, ActionAlter,
				sqlgen.RenameObject("SEQUENCE", src.seq, src.from.Name))
		}
		d.add(phaseAlterColumn, key, ActionAlter, sqlgen.AddIdentity(q, nw))
		if serial {
			// By the identity sequence's name: pg_get_serial_sequence
			// would find the old sequence too, still owned by the column.
			idSeq := state.QualName{Schema: q.Schema, Name: state.IdentitySequenceName(q.Name, nw.Name)}
			opts := state.DefaultSequenceOptions(nw.Type, 1)
			if nw.IdentityOptions != nil {
				opts = *nw.IdentityOptions
			}
			d.add(phaseAlterColumn, key, ActionAlter, sqlgen.CopySequencePosition(sqlgen.QuoteLiteral(sqlgen.Qual(idSeq)), src.from, opts))
		}
	case alterIdentity:
		d.alterIdentityOptions(q, old, nw)
	}
	if nw.Default != "" && (dropDefault || old.Default == "") {
		d.add(phaseAlterColumn, key, ActionAlter, sqlgen.SetDefault(q, nw.Name, nw.Default))
	}
	if old.Storage != nw.Storage {
		d.add(phaseAlterColumn, key, ActionAlter, sqlgen.SetStorage(q, nw))
	}
	if old.Compression != nw.Compression {
		d.add(phaseAlterColumn, key, ActionAlter, sqlgen.SetCompression(q, nw.Name, nw.Compression))
	}
	if old.NotNull != nw.NotNull {
		if nw.NotNull {
			d.add(phaseAlterColumn, key, ActionAlter, sqlgen.SetNotNull(q, nw.Name),
				NewHazard(SetsNotNull, q))
		} else if nw.Identity == "" || old.Identity == "" {
			// Dropping an identity also drops its NOT NULL requirement's
			// reason, but not the constraint itself.
			d.add(phaseAlterColumn, key, ActionAlter, sqlgen.DropNotNull(q, nw.Name))
		}
	}
	d.columnSettings(q, old, nw)
}

func sameIdentityOptions(a, b state.Column) bool {
	if a.IdentityOptions == nil || b.IdentityOptions == nil {
		return a.IdentityOptions == b.IdentityOptions
	}
	x, y := *a.IdentityOptions, *b.IdentityOptions
	// The identity sequence's type follows the column type.
	x.DataType = y.DataType
	return x == y
}

// usingExpr returns the USING expression for a type change between
// different base types: an explicit cast, which PostgreSQL requires where
// no assignment cast exists (text to integer, say). Changes of modifiers
// only (varchar(10) to varchar(20)) need none. oldUser and newUser say
// whether old's and nw's types are user-defined (they go through text).
func usingExpr(old, nw state.Column, oldUser, newUser bool) string {
	if baseType(old.Type) == baseType(nw.Type) {
		return ""
	}
	// An explicit cast to varchar(n) or char(n) cuts longer values
	// silently; through text, the assignment to the column's type makes
	// them fail instead (typeconv.go toBoundedString).
	if to := describeType(nw.Type); to.bound() > 0 {
		return sqlgen.QuoteIdent(nw.Name) + "::text" + strings.Repeat("[]", to.dims)
	}
	// User-defined types (always schema-qualified in canonical text; built-in
	// ones never are) rarely have casts to each other: an enum to another
	// enum, a recreated type to its replacement. Going through text works
	// for every type with text input and output.
	if oldUser || newUser {
		return sqlgen.QuoteIdent(nw.Name) + "::text::" + nw.Type
	}
	return sqlgen.QuoteIdent(nw.Name) + "::" + nw.Type
}

// baseType strips the type modifiers: "character varying(20)" ->
// "character varying", "timestamp(3) without time zone" -> "timestamp
// without time zone". Array brackets stay.
func baseType(t string) string {
	for {
		open := strings.IndexByte(t, '(')
		if open < 0 {
			return t
		}
		end := strings.IndexByte(t[open:], ')')
		if end < 0 {
			return t
		}
		t = t[:open] + t[open+end+1:]
	}
}

// rewriteFree lists type changes PostgreSQL performs without rewriting
// the table or checking values (binary-coercible, widening).
func rewriteFree(old, nw string) bool {
	switch {
	case old == nw:
		return true
	case nw == "text" && (baseType(old) == "character varying"):
		return true
	case baseType(old) == "character varying" && nw == "character varying":
		return true
	case baseType(old) == "character varying" && baseType(nw) == "character varying":
		// Unbounded to bounded checks every value.
		return typmod(old) != 0 && typmod(old) <= typmod(nw)
	case baseType(old) == "numeric" && nw == "numeric":
		return true
	case baseType(old) == "numeric" && baseType(nw) == "numeric":
		// More precision at the same scale needs no rewrite (PostgreSQL
		// 9.2+); a scale change does.
		om, nm := typmods(old), typmods(nw)
		return len(om) == 2 && len(nm) == 2 && om[1] == nm[1] && nm[0] >= om[0]
	}
	return false
}

// typmod returns the first number in a type's modifier, or 0.
func typmod(t string) int {
	open := strings.IndexByte(t, '(')
	if open < 0 {
		return 0
	}
	n := 0
	for _, r := range t[open+1:] {
		if r < '0' || r > '9' {
			break
		}
		n = n*10 + int(r-'0')
	}
	return n
}

// typeChangeHazards are the hazards of changing a column's type: what the
// conversion does to the values (typeconv.go), and the rewrite.
func (d *differ) typeChangeHazards(q state.QualName, old, nw state.Column) []Hazard {
	if old.Collation == nw.Collation && rewriteFree(old.Type, nw.Type) {
		return nil
	}
	var hz []Hazard
	if old.Type != nw.Type {
		c := ClassifyTypeChange(old.Type, nw.Type, d.resolveType)
		switch c.Conversion {
		case ConversionLossy:
			hz = append(hz, NewHazard(LossyTypeChange, q, nw.Name, old.Type, nw.Type, c.Why))
		case ConversionMayFail:
			hz = append(hz, NewHazard(TypeChangeMayFail, q, nw.Name, old.Type, nw.Type, c.Why))
		}
	}
	hz = append(hz, NewHazard(RewritesForTypeChange, q, nw.Name))
	return hz
}
