package planner

import (
	"fmt"
	"reflect"
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// This file plans user-defined types: enums, domains, composite and range
// types.
//
// What ALTER cannot do is done by recreating the type: the remote type is
// renamed out of the way (<name>__renovate_old), the remote model is
// rewritten as if that rename had happened (typeRenames: its types at
// once, its other objects once the types are planned), the new
// type is created under the real name, and the ordinary table planning
// then sees every column, default, constraint and index that used the old
// type as changed: it converts columns with ALTER COLUMN ... TYPE ...
// USING col::text::type (dropping and re-setting their defaults), and
// views and routines see the type dropped under them. The old type is
// dropped once nothing uses it. Types built on a recreated type (a domain
// over an enum, a composite with a domain attribute) are recreated the
// same way, because their remote definitions now name the renamed type.

// typePlan is what type and collation planning hands to later passes.
type typePlan struct {
	// newLabels are the values ALTER TYPE ... ADD VALUE adds to existing
	// enums: a new value cannot be used in the transaction that adds it.
	newLabels []newEnumLabel
	// rebuilt are the types recreated, by name.
	rebuilt map[state.QualName]bool
	// rowTypeUsersTo and rowTypeUsersFrom are the types built on a
	// table's row type in the desired and current models, filled when
	// first needed (rowtype_order.go).
	rowTypeUsersTo, rowTypeUsersFrom map[state.QualName]bool
	// columnsByType indexes the current model's table columns by type
	// (columnsOfType) while types plans the existing types: the tables
	// are not rewritten meanwhile (typeRenames).
	columnsByType map[string][]columnRef
}

// columnRef is a column of a table of the current model, by position.
type columnRef struct{ table, column int }

// newEnumLabel is one value added to an existing enum.
type newEnumLabel struct {
	typ   state.QualName
	label string
}

// oldTypeSuffix marks a type renamed out of the way to be recreated.
const oldTypeSuffix = "__renovate_old"

func (d *differ) types() {
	if d.typePlan.rebuilt == nil {
		d.typePlan.rebuilt = map[state.QualName]bool{}
	}
	d.renameTypes()
	order := d.typeOrder(d.to.Types)
	// The types the loop recreates are renamed in the types at once and
	// in the rest of the model after it (typeRenames).
	var renames typeRenames
	d.typePlan.columnsByType = d.indexColumnsByType()
	for _, t := range order {
		old, ok := d.remoteType(t.QualName())
		if !ok || typesEqual(old, t) {
			continue
		}
		d.change(t.Key(), ActionAlter, sqlgen.TypeDefinition(old), sqlgen.TypeDefinition(t))
		if why := d.rebuildReason(old, t); why != "" {
			d.rebuildType(old, t, why, &renames)
			continue
		}
		d.alterType(old, t)
	}
	d.typePlan.columnsByType = nil
	renames.apply(&d.from)
	for _, t := range order {
		if _, ok := d.remoteType(t.QualName()); ok {
			continue
		}
		if !d.typePlan.rebuilt[t.QualName()] {
			d.change(t.Key(), ActionCreate, "", sqlgen.TypeDefinition(t))
		}
		d.createType(t)
	}
	desired := map[state.QualName]bool{}
	for _, t := range d.to.Types {
		desired[t.QualName()] = true
	}
	var dropped []state.Type
	for _, t := range d.from.Types {
		if !desired[t.QualName()] {
			dropped = append(dropped, t)
		}
	}
	drops := d.typeOrder(dropped)
	for i := len(drops) - 1; i >= 0; i-- {
		t := drops[i]
		if !strings.HasSuffix(t.Name, oldTypeSuffix) || !d.isRebuildLeftover(t) {
			d.change(t.Key(), ActionDrop, sqlgen.TypeDefinition(t), "")
		}
		d.add(d.dropTypePhase(t), t.Key(), ActionDrop, sqlgen.DropType(t.QualName()))
	}
}

// isRebuildLeftover reports whether t is a type this plan renamed out of
// the way.
func (d *differ) isRebuildLeftover(t state.Type) bool {
	q := state.QualName{Schema: t.Schema, Name: strings.TrimSuffix(t.Name, oldTypeSuffix)}
	return d.typePlan.rebuilt[q]
}

// remoteType returns the remote type called q (after the renames planned
// so far).
func (d *differ) remoteType(q state.QualName) (state.Type, bool) {
	for _, t := range d.from.Types {
		if t.QualName() == q {
			return t, true
		}
	}
	return state.Type{}, false
}

// desiredType returns the desired type called q.
func (d *differ) desiredType(q state.QualName) (state.Type, bool) {
	for _, t := range d.to.Types {
		if t.QualName() == q {
			return t, true
		}
	}
	return state.Type{}, false
}

// renameTypes plans the renames the files declare: types (ALTER TYPE ...
// RENAME TO) and enum values (ALTER TYPE ... RENAME VALUE). A declaration
// whose old name no longer exists remotely, or whose new name already
// does, is ignored: it has been applied already.
func (d *differ) renameTypes() {
	for _, t := range d.to.Types {
		if t.RenamedFrom == "" {
			continue
		}
		q := t.QualName()
		prev := state.QualName{Schema: t.Schema, Name: t.RenamedFrom}
		if _, exists := d.remoteType(q); exists {
			continue
		}
		if _, ok := d.remoteType(prev); !ok {
			continue
		}
		if _, clash := d.desiredType(prev); clash {
			continue
		}
		d.add(phaseRename, t.Key(), ActionRename, sqlgen.RenameType(prev, t.Name))
		d.from = renameTypeInModel(d.from, prev, q)
	}
	for _, t := range d.to.Types {
		if t.Kind != state.TypeEnum || len(t.RenamedLabels) == 0 {
			continue
		}
		old, ok := d.remoteType(t.QualName())
		if !ok || old.Kind != state.TypeEnum {
			continue
		}
		news := make([]string, 0, len(t.RenamedLabels))
		for n := range t.RenamedLabels {
			news = append(news, n)
		}
		sort.Strings(news)
		for _, n := range news {
			o := t.RenamedLabels[n]
			i := labelIndex(old.Labels, o)
			if i < 0 || labelIndex(old.Labels, n) >= 0 {
				continue
			}
			d.add(phaseRename, t.Key(), ActionRename, sqlgen.RenameEnumValue(t.QualName(), o, n))
			d.from = renameEnumLabelInModel(d.from, t.QualName(), o, n)
			old, _ = d.remoteType(t.QualName())
		}
	}
}

// labelIndex is the position of s in list, -1 if absent.
func labelIndex(list []string, s string) int {
	for i, x := range list {
		if x == s {
			return i
		}
	}
	return -1
}

// typesEqual compares two types ignoring local-only annotations and
// privileges, which privilege planning handles.
func typesEqual(a, b state.Type) bool {
	return reflect.DeepEqual(stripType(a), stripType(b))
}

func stripType(t state.Type) state.Type {
	t.RenamedFrom, t.RenamedLabels, t.Privileges, t.OwnerRevoked = "", nil, nil, nil
	if len(t.Checks) == 0 {
		t.Checks = nil
	}
	if len(t.Attributes) == 0 {
		t.Attributes = nil
	}
	if len(t.Labels) == 0 {
		t.Labels = nil
	}
	return t
}

// rebuildReason says why old cannot be turned into t with ALTER, "" when
// it can.
func (d *differ) rebuildReason(old, t state.Type) string {
	if old.Kind != t.Kind {
		return fmt.Sprintf("it changes from %s to %s", old.Kind, t.Kind)
	}
	switch t.Kind {
	case state.TypeEnum:
		if !labelsKeptInOrder(old.Labels, t.Labels) {
			return "enum values are removed or reordered"
		}
	case state.TypeDomain:
		if old.BaseType != t.BaseType {
			return "ALTER DOMAIN cannot change the base type"
		}
		if old.Collation != t.Collation {
			return "ALTER DOMAIN cannot change the collation"
		}
	case state.TypeComposite:
		if !attributesAlterable(old.Attributes, t.Attributes) {
			return "attributes are reordered, and ALTER TYPE ... ADD ATTRIBUTE only appends"
		}
		for _, a := range t.Attributes {
			oa, ok := typeAttribute(old, a.Name)
			if ok && (oa.Type != a.Type || oa.Collation != a.Collation) && d.typeInUse(old.QualName()) {
				return "ALTER TYPE ... ALTER ATTRIBUTE ... TYPE is refused for a type columns use"
			}
		}
	case state.TypeRange:
		o, n := stripType(old), stripType(t)
		o.Comment, n.Comment = "", ""
		if n.MultirangeName == "" {
			// No multiranges on this server (PostgreSQL 13).
			o.MultirangeName = ""
		}
		if !reflect.DeepEqual(o, n) {
			return "a range type cannot be altered"
		}
	}
	return ""
}

// labelsKeptInOrder reports whether every value of from is in to, in the
// same relative order (so ADD VALUE alone turns from into to).
func labelsKeptInOrder(from, to []string) bool {
	have := map[string]bool{}
	for _, l := range from {
		have[l] = true
	}
	var kept []string
	for _, l := range to {
		if have[l] {
			kept = append(kept, l)
		}
	}
	return len(from) == 0 || reflect.DeepEqual(kept, from)
}

// attributesAlterable reports whether DROP ATTRIBUTE and ADD ATTRIBUTE
// (which appends) turn the attribute order of from into that of to.
func attributesAlterable(from, to []state.Attribute) bool {
	inTo := map[string]bool{}
	for _, a := range to {
		inTo[a.Name] = true
	}
	var kept []string
	for _, a := range from {
		if inTo[a.Name] {
			kept = append(kept, a.Name)
		}
	}
	for i, name := range kept {
		if i >= len(to) || to[i].Name != name {
			return false
		}
	}
	return true
}

// typeAttribute returns the attribute called name of a composite type.
func typeAttribute(t state.Type, name string) (state.Attribute, bool) {
	for _, a := range t.Attributes {
		if a.Name == name {
			return a, true
		}
	}
	return state.Attribute{}, false
}

// typeInUse reports whether a remote table column is of type q (or an
// array of it).
func (d *differ) typeInUse(q state.QualName) bool {
	return len(d.columnsOfType(q)) > 0
}

// columnsOfType lists the remote columns of type q or q[], as
// "schema.table.column".
func (d *differ) columnsOfType(q state.QualName) []string {
	name := sqlgen.Qual(q)
	var out []string
	if d.typePlan.columnsByType != nil {
		for _, r := range d.typePlan.columnsByType[name] {
			t := d.from.Tables[r.table]
			out = append(out, t.QualName().String()+"."+t.Columns[r.column].Name)
		}
		return out
	}
	for _, t := range d.from.Tables {
		for _, c := range t.Columns {
			if strings.TrimRight(c.Type, "[]") == name {
				out = append(out, t.QualName().String()+"."+c.Name)
			}
		}
	}
	return out
}

// indexColumnsByType indexes the table columns of d.from by their type,
// an array by its element type, as columnsOfType matches them.
func (d *differ) indexColumnsByType() map[string][]columnRef {
	out := map[string][]columnRef{}
	for i, t := range d.from.Tables {
		for j, c := range t.Columns {
			base := strings.TrimRight(c.Type, "[]")
			out[base] = append(out[base], columnRef{table: i, column: j})
		}
	}
	return out
}

// rebuildType plans the recreation of old as t: old is renamed out of the
// way now; t is created with the other new types, the columns using the
// type are converted by the table planning, and the renamed old type is
// dropped with the other dropped types. The rename is made in d.from's
// types now and in its other objects when renames is applied (types).
func (d *differ) rebuildType(old, t state.Type, why string, renames *typeRenames) {
	q := old.QualName()
	users := d.columnsOfType(q)
	if t.Kind == state.TypeComposite && d.typedTableRebuildError(t, why) {
		return
	}
	if t.Kind == state.TypeComposite && len(users) > 0 && !sameAttributeNames(old, t) {
		d.errs = append(d.errs, &UnsupportedChangeError{Object: t.Key(), Reason: fmt.Sprintf(
			"recreating it (%s) would convert the values of %s by position, not by attribute name; "+
				"keep the attributes in their order (new ones last), or migrate by hand", why, strings.Join(users, ", "))})
		return
	}
	tmp := d.freeTypeName(q.Schema, clipTypeName(q.Name, 63-len(oldTypeSuffix))+oldTypeSuffix)
	var hz []Hazard
	if len(users) > 0 {
		h := NewHazard(RecreatesType, q, why, strings.Join(users, ", "))
		if removed := removedLabels(old, t); len(removed) > 0 {
			h = NewHazard(EnumLosesValues, q, quoteLabels(removed), strings.Join(users, ", "))
		}
		if c := d.rebuiltTypeConversion(old, t); c.Conversion == ConversionLossy && h.Kind != HazardDeletesData {
			h = NewHazard(LossyTypeRebuild, q, why, strings.Join(users, ", "), c.Why)
		}
		hz = append(hz, h)
	}
	// In the first phase: from here on every step names the old type by
	// its temporary name (drops of routines taking it, say).
	d.add(phaseRename, t.Key(), ActionRename, sqlgen.RenameType(q, tmp), hz...)
	renames.rename(&d.from, q, state.QualName{Schema: q.Schema, Name: tmp})
	d.typePlan.rebuilt[q] = true
	if old.Kind == state.TypeRange {
		d.renameRangeExtras(old, t, tmp)
	}
}

// renameRangeExtras renames what PostgreSQL makes along with a range type
// and does not rename with it: the constructor functions
// range(subtype, subtype[, text]) and, from PostgreSQL 14 on, the
// multirange type and its constructor multirange(), whose names the new
// range needs. (The multirange's other constructors take the old range
// type and do not clash.) They go when the old type is dropped.
func (d *differ) renameRangeExtras(old, t state.Type, tmp string) {
	q := old.QualName()
	for _, args := range []string{old.Subtype + ", " + old.Subtype, old.Subtype + ", " + old.Subtype + ", text"} {
		d.add(phaseRename, t.Key(), ActionRename, sqlgen.RenameRangeFunction(q, args, tmp))
	}
	if mq, ok := typeRefName(old.MultirangeName); ok && t.MultirangeName != "" {
		mtmp := d.freeTypeName(mq.Schema, clipTypeName(mq.Name, 63-len(oldTypeSuffix))+oldTypeSuffix)
		d.add(phaseRename, t.Key(), ActionRename, sqlgen.RenameType(mq, mtmp))
		d.add(phaseRename, t.Key(), ActionRename, sqlgen.RenameRangeFunction(mq, "", mtmp))
		for i := range d.from.Types {
			if d.from.Types[i].Name == tmp && d.from.Types[i].Schema == q.Schema {
				d.from.Types[i].MultirangeName = sqlgen.QualifiedName(mq.Schema, mtmp)
			}
		}
	}
}

// sameAttributeNames reports whether two composites have the same
// attribute names in the same order (the text form of a composite value is
// positional).
func sameAttributeNames(a, b state.Type) bool {
	if len(a.Attributes) != len(b.Attributes) {
		return false
	}
	for i := range a.Attributes {
		if a.Attributes[i].Name != b.Attributes[i].Name {
			return false
		}
	}
	return true
}

// removedLabels lists the enum values of old that t no longer has.
func removedLabels(old, t state.Type) []string {
	if old.Kind != state.TypeEnum || t.Kind != state.TypeEnum {
		return nil
	}
	var out []string
	for _, l := range old.Labels {
		if labelIndex(t.Labels, l) < 0 {
			out = append(out, l)
		}
	}
	return out
}

func quoteLabels(ls []string) string {
	q := make([]string, len(ls))
	for i, l := range ls {
		q[i] = sqlgen.QuoteLiteral(l)
	}
	return strings.Join(q, ", ")
}

// freeTypeName returns name, or name with a number, unused by any type on
// either side.
func (d *differ) freeTypeName(schema, name string) string {
	used := func(n string) bool {
		q := state.QualName{Schema: schema, Name: n}
		_, a := d.remoteType(q)
		_, b := d.desiredType(q)
		return a || b
	}
	cand := name
	for i := 1; used(cand); i++ {
		suffix := fmt.Sprint(i)
		cand = clipTypeName(name, 63-len(suffix)) + suffix
	}
	return cand
}

// clipTypeName cuts s to at most n bytes without splitting a UTF-8 character.
func clipTypeName(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && s[n]&0xC0 == 0x80 {
		n--
	}
	return s[:n]
}
