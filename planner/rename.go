package planner

import (
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// This file rewrites the remote model as a planned rename leaves the
// database: PostgreSQL tracks dependencies by OID, so after ALTER TYPE ...
// RENAME (or ALTER SCHEMA ... RENAME) every column, default, constraint,
// index and view definition that used the object prints the new name.
// Planning the rest against the rewritten model keeps a declared rename
// from showing as changes of everything that uses the object, and makes a
// type renamed out of the way (to be recreated) show as a change of
// everything that must move to the new type.
//
// Routine bodies are not rewritten: PostgreSQL does not either (they are
// text, resolved when they run), so a body naming the old name does need
// the new one.

// isIdentByte reports whether b can continue an identifier or a quoted
// name.
func isIdentByte(b byte) bool {
	return b == '_' || b == '$' || b == '"' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80
}

// replaceName replaces the SQL name old (quoted as printed) by new in
// text wherever it stands on its own: not preceded by an identifier byte
// or a dot and not followed by an identifier byte. With prefix set, old
// ends in "." and only the start is checked.
func replaceName(text, old, new string, prefix bool) string {
	if old == "" || !strings.Contains(text, old) {
		return text
	}
	var b strings.Builder
	for i := 0; i < len(text); {
		j := strings.Index(text[i:], old)
		if j < 0 {
			b.WriteString(text[i:])
			break
		}
		j += i
		end := j + len(old)
		ok := (j == 0 || !isIdentByte(text[j-1]) && text[j-1] != '.') &&
			(prefix || end == len(text) || !isIdentByte(text[end]))
		b.WriteString(text[i:j])
		if ok {
			b.WriteString(new)
		} else {
			b.WriteString(old)
		}
		i = end
	}
	return b.String()
}

// renameTypeText renames a type in a canonical type text: the type itself
// or an array of it.
func renameTypeText(t, old, new string) string {
	base := strings.TrimRight(t, "[]")
	if base == old {
		return new + t[len(base):]
	}
	return t
}

// modelRewriter applies one rename to every name-bearing text of a model.
type modelRewriter struct {
	// text rewrites an expression or definition.
	text func(string) string
	// typeText rewrites a type name text (column and attribute types).
	typeText func(string) string
	// key rewrites an ObjectKey.
	key func(state.ObjectKey) state.ObjectKey
	// schema rewrites an object's schema name.
	schema func(string) string
}

// apply returns a rewritten deep copy of s, not normalized: its callers
// rename the object itself next and then normalize the model once.
func (w modelRewriter) apply(s state.DatabaseSchema) state.DatabaseSchema {
	s = s.Clone()
	w.rewrite(&s)
	return s
}

// rewrite is apply on s itself, for a model nothing else holds.
func (w modelRewriter) rewrite(s *state.DatabaseSchema) {
	w.objects(s, everyObject, func(_ any, rewrite func(*edit)) { rewrite(&edit{}) })
}

// rewriteShared is rewrite on a model whose lists of objects are its own
// while the objects may be shared with another model (a ShallowClone):
// an object the rewrite changes is copied first (state.Own), every other
// one is left as it is, shared (copy on write).
func (w modelRewriter) rewriteShared(s *state.DatabaseSchema, part modelPart) {
	w.objects(s, part, func(object any, rewrite func(*edit)) {
		probe := edit{dry: true}
		if rewrite(&probe); probe.changed {
			state.Own(object)
			rewrite(&edit{})
		}
	})
}

// edit is one rewrite of one object's fields. A dry edit changes
// nothing and only notes whether the rewrite would change a field.
type edit struct {
	dry, changed bool
}

func (e *edit) text(p *string, f func(string) string) {
	if v := f(*p); v != *p {
		e.changed = true
		if !e.dry {
			*p = v
		}
	}
}

func (e *edit) key(p *state.ObjectKey, f func(state.ObjectKey) state.ObjectKey) {
	if k := f(*p); k != *p {
		e.changed = true
		if !e.dry {
			*p = k
		}
	}
}

// modelPart selects the objects of a model a rewrite goes through.
type modelPart int

const (
	everyObject modelPart = iota
	onlyTypes
	allButTypes
)

// objects calls one with a pointer to each object of s in part that holds
// a name the rewriter may change, and the function that rewrites that
// object.
func (w modelRewriter) objects(s *state.DatabaseSchema, part modelPart, one func(object any, rewrite func(*edit))) {
	if part != allButTypes {
		for i := range s.Types {
			t := &s.Types[i]
			one(t, func(e *edit) { w.typeFields(t, e) })
		}
	}
	if part == onlyTypes {
		return
	}
	for i := range s.Collations {
		c := &s.Collations[i]
		one(c, func(e *edit) { e.text(&c.Schema, w.schema) })
	}
	for i := range s.Sequences {
		q := &s.Sequences[i]
		one(q, func(e *edit) { e.text(&q.Schema, w.schema) })
	}
	for i := range s.Tables {
		t := &s.Tables[i]
		one(t, func(e *edit) { w.tableFields(t, e) })
	}
	for i := range s.Views {
		v := &s.Views[i]
		one(v, func(e *edit) { w.viewFields(v, e) })
	}
	for i := range s.Functions {
		f := &s.Functions[i]
		one(f, func(e *edit) { w.functionFields(f, e) })
	}
}

func (w modelRewriter) typeFields(t *state.Type, e *edit) {
	e.text(&t.Schema, w.schema)
	e.text(&t.BaseType, w.typeText)
	e.text(&t.Subtype, w.typeText)
	for _, p := range []*string{&t.Default, &t.Collation, &t.Canonical, &t.SubtypeDiff, &t.SubtypeOpClass, &t.MultirangeName} {
		e.text(p, w.text)
	}
	for j := range t.Checks {
		e.text(&t.Checks[j].Definition, w.text)
	}
	for j := range t.Attributes {
		e.text(&t.Attributes[j].Type, w.typeText)
		e.text(&t.Attributes[j].Collation, w.text)
	}
}

func (w modelRewriter) tableFields(t *state.Table, e *edit) {
	e.text(&t.Schema, w.schema)
	for j := range t.Columns {
		c := &t.Columns[j]
		e.text(&c.Type, w.typeText)
		e.text(&c.Collation, w.text)
		e.text(&c.Default, w.text)
		e.text(&c.Generated, w.text)
	}
	for j := range t.Constraints {
		c := &t.Constraints[j]
		e.text(&c.Definition, w.text)
		if c.References != nil {
			e.text(&c.References.Schema, w.schema)
		}
	}
	for j := range t.Indexes {
		e.text(&t.Indexes[j].Definition, w.text)
	}
	for j := range t.Policies {
		e.text(&t.Policies[j].Using, w.text)
		e.text(&t.Policies[j].WithCheck, w.text)
	}
	for j := range t.Triggers {
		e.text(&t.Triggers[j].Definition, w.text)
		e.text(&t.Triggers[j].Function.Schema, w.schema)
	}
	if t.PartitionOf != nil {
		e.text(&t.PartitionOf.Schema, w.schema)
	}
	for j := range t.Inherits {
		e.text(&t.Inherits[j].Schema, w.schema)
	}
	if t.OfType != nil {
		k := state.ObjectKey{Kind: state.KindType, Schema: t.OfType.Schema, Name: t.OfType.Name}
		e.key(&k, func(k state.ObjectKey) state.ObjectKey {
			k = w.key(k)
			k.Schema = w.schema(k.Schema)
			return k
		})
		if !e.dry {
			t.OfType = &state.QualName{Schema: k.Schema, Name: k.Name}
		}
	}
}

func (w modelRewriter) viewFields(v *state.View, e *edit) {
	e.text(&v.Schema, w.schema)
	e.text(&v.Definition, w.text)
	for j := range v.Columns {
		e.text(&v.Columns[j].Type, w.typeText)
	}
	for j := range v.Indexes {
		e.text(&v.Indexes[j].Definition, w.text)
	}
	for j := range v.DependsOn {
		e.key(&v.DependsOn[j], w.key)
	}
	for j := range v.ReadsFromCatalog {
		e.key(&v.ReadsFromCatalog[j], w.key)
	}
}

func (w modelRewriter) functionFields(f *state.Function, e *edit) {
	e.text(&f.Schema, w.schema)
	e.text(&f.Arguments, w.text)
	e.text(&f.IdentityArguments, w.text)
	e.text(&f.Result, w.text)
	for j := range f.Args {
		e.text(&f.Args[j].Type, w.typeText)
		e.text(&f.Args[j].Default, w.text)
	}
	for j := range f.DependsOn {
		e.key(&f.DependsOn[j], w.key)
	}
}

// renameTypeInModel returns s as it is after ALTER TYPE from RENAME TO
// to. It shares with s every object the rename leaves as it is.
func renameTypeInModel(s state.DatabaseSchema, from, to state.QualName) state.DatabaseSchema {
	var rs typeRenames
	rs.rename(&s, from, to)
	rs.apply(&s)
	return s
}

// typeRenames are the types a plan renames out of the way to recreate
// them (rebuildType), in order. Each rename is made in the types at once,
// since whether a type built on a renamed one is recreated too depends on
// it; the other objects are rewritten once for all of them (apply). A
// rename per pass over a large model cost the model once per rebuilt
// type.
type typeRenames struct {
	list []typeRename
	// owned: the model renamed in is the differ's own shallow clone.
	owned bool
}

type typeRename struct {
	from, to   state.QualName
	oldQ, newQ string
}

// rename renames type from to to in the types of *s now, and records the
// rename for apply. The first rename makes *s a ShallowClone of itself.
func (rs *typeRenames) rename(s *state.DatabaseSchema, from, to state.QualName) {
	if !rs.owned {
		*s = s.ShallowClone()
		rs.owned = true
	}
	typeRenamer(from, to).rewriteShared(s, onlyTypes)
	for i := range s.Types {
		if s.Types[i].QualName() == from {
			s.Types[i].Name = to.Name
		}
	}
	sort.SliceStable(s.Types, func(i, j int) bool { return s.Types[i].QualName().Less(s.Types[j].QualName()) })
	rs.list = append(rs.list, typeRename{from: from, to: to, oldQ: sqlgen.Qual(from), newQ: sqlgen.Qual(to)})
}

// apply rewrites every object of *s but the types as the renames made so
// far would, in their order, and normalizes *s.
func (rs *typeRenames) apply(s *state.DatabaseSchema) {
	if len(rs.list) == 0 {
		return
	}
	rs.rewriter().rewriteShared(s, allButTypes)
	// Normalize reorders only lists out of order: the list of types and
	// lists of the objects just copied. A shared object of a normalized
	// model (what Diff takes) is in order, and is not written to.
	s.Normalize()
	rs.list = nil
}

// rewriter is the rewrite of every rename of rs at once: what applying
// each rename's typeRenamer in turn does. A text can hold a renamed
// type's name only if it holds the name's schema prefix ("app."), so the
// renames of a schema are only tried on texts holding its prefix.
func (rs *typeRenames) rewriter() modelRewriter {
	newQ := map[string]string{}
	newName := map[state.QualName]string{}
	byPrefix := map[string][]int{}
	var prefixes []string
	for i, r := range rs.list {
		newQ[r.oldQ] = r.newQ
		newName[r.from] = r.to.Name
		p := r.oldQ
		if dot := strings.Index(p, "."); dot >= 0 {
			p = p[:dot+1]
		}
		if _, ok := byPrefix[p]; !ok {
			prefixes = append(prefixes, p)
		}
		byPrefix[p] = append(byPrefix[p], i)
	}
	sort.Strings(prefixes)
	return modelRewriter{
		text: func(t string) string {
			var tried []int
			for _, p := range prefixes {
				if strings.Contains(t, p) {
					tried = append(tried, byPrefix[p]...)
				}
			}
			sort.Ints(tried)
			for _, i := range tried {
				t = replaceName(t, rs.list[i].oldQ, rs.list[i].newQ, false)
			}
			return t
		},
		typeText: func(t string) string {
			base := strings.TrimRight(t, "[]")
			if n, ok := newQ[base]; ok {
				return n + t[len(base):]
			}
			return t
		},
		key: func(k state.ObjectKey) state.ObjectKey {
			if k.Kind == state.KindType {
				if n, ok := newName[state.QualName{Schema: k.Schema, Name: k.Name}]; ok {
					k.Name = n
				}
			}
			return k
		},
		schema: func(s string) string { return s },
	}
}

// typeRenamer rewrites the mentions of type from as to.
func typeRenamer(from, to state.QualName) modelRewriter {
	oldQ, newQ := sqlgen.Qual(from), sqlgen.Qual(to)
	return modelRewriter{
		text:     func(t string) string { return replaceName(t, oldQ, newQ, false) },
		typeText: func(t string) string { return renameTypeText(t, oldQ, newQ) },
		key: func(k state.ObjectKey) state.ObjectKey {
			if k.Kind == state.KindType && k.Schema == from.Schema && k.Name == from.Name {
				k.Name = to.Name
			}
			return k
		},
		schema: func(s string) string { return s },
	}
}

// renameEnumLabelInModel returns s as it is after ALTER TYPE q RENAME
// VALUE from TO to: the type's label, and the constants of the type in
// expressions ('from'::q).
func renameEnumLabelInModel(s state.DatabaseSchema, q state.QualName, from, to string) state.DatabaseSchema {
	cast := "::" + sqlgen.Qual(q)
	oldC, newC := sqlgen.QuoteLiteral(from)+cast, sqlgen.QuoteLiteral(to)+cast
	w := modelRewriter{
		text:     func(t string) string { return replaceName(t, oldC, newC, false) },
		typeText: func(t string) string { return t },
		key:      func(k state.ObjectKey) state.ObjectKey { return k },
		schema:   func(s string) string { return s },
	}
	out := w.apply(s)
	out.Normalize()
	for i := range out.Types {
		if out.Types[i].QualName() != q {
			continue
		}
		for j, l := range out.Types[i].Labels {
			if l == from {
				out.Types[i].Labels[j] = to
			}
		}
	}
	return out
}

// renameSchemaInModel returns s as it is after ALTER SCHEMA from RENAME TO
// to: every object of the schema moves, and every qualified reference to
// it follows.
func renameSchemaInModel(s state.DatabaseSchema, from, to string) state.DatabaseSchema {
	oldP, newP := sqlgen.QuoteIdent(from)+".", sqlgen.QuoteIdent(to)+"."
	w := modelRewriter{
		text:     func(t string) string { return replaceName(t, oldP, newP, true) },
		typeText: func(t string) string { return replaceName(t, oldP, newP, true) },
		key: func(k state.ObjectKey) state.ObjectKey {
			if k.Schema == from {
				k.Schema = to
			}
			return k
		},
		schema: func(s string) string {
			if s == from {
				return to
			}
			return s
		},
	}
	out := w.apply(s)
	for i := range out.Schemas {
		if out.Schemas[i].Name == from {
			out.Schemas[i].Name = to
		}
	}
	for i := range out.Extensions {
		if out.Extensions[i].Schema == from {
			out.Extensions[i].Schema = to
		}
	}
	out.Normalize()
	return out
}

// renameTableInModel returns s as it is after ALTER TABLE from RENAME TO
// to: the table, and every definition, foreign key, owned sequence and
// dependency naming it.
func renameTableInModel(s state.DatabaseSchema, from, to state.QualName) state.DatabaseSchema {
	oldQ, newQ := sqlgen.Qual(from), sqlgen.Qual(to)
	w := modelRewriter{
		text:     func(t string) string { return replaceName(t, oldQ, newQ, false) },
		typeText: func(t string) string { return renameTypeText(t, oldQ, newQ) }, // a table's row type
		key: func(k state.ObjectKey) state.ObjectKey {
			if k.Schema != from.Schema {
				return k
			}
			if k.Table == from.Name {
				k.Table = to.Name
			} else if k.Table == "" && k.Name == from.Name && k.Kind != state.KindType && k.Kind != state.KindFunction && k.Kind != state.KindProcedure {
				k.Name = to.Name
			}
			return k
		},
		schema: func(s string) string { return s },
	}
	out := w.apply(s)
	for i := range out.Tables {
		t := &out.Tables[i]
		if t.QualName() == from {
			t.Name = to.Name
		}
		for j := range t.Constraints {
			if r := t.Constraints[j].References; r != nil && *r == from {
				*r = to
			}
		}
	}
	for i := range out.Sequences {
		if sq := &out.Sequences[i]; sq.Schema == from.Schema && sq.OwnedBy != nil && sq.OwnedBy.Table == from.Name {
			sq.OwnedBy.Table = to.Name
		}
	}
	out.Normalize()
	return out
}

// renameSequenceInModel returns s as it is after ALTER SEQUENCE from
// RENAME TO to: the sequence, and the nextval('...'::regclass) defaults
// naming it.
func renameSequenceInModel(s state.DatabaseSchema, from, to state.QualName) state.DatabaseSchema {
	oldL, newL := "'"+sqlgen.Qual(from)+"'::regclass", "'"+sqlgen.Qual(to)+"'::regclass"
	w := modelRewriter{
		text:     func(t string) string { return strings.ReplaceAll(t, oldL, newL) },
		typeText: func(t string) string { return t },
		key:      func(k state.ObjectKey) state.ObjectKey { return k },
		schema:   func(s string) string { return s },
	}
	out := w.apply(s)
	for i := range out.Sequences {
		if out.Sequences[i].QualName() == from {
			out.Sequences[i].Name = to.Name
		}
	}
	out.Normalize()
	return out
}

// renameTables plans the table renames the files declare (ALTER TABLE ...
// RENAME TO) and rewrites the remote model accordingly, so that sequence
// and table planning compare the renamed table with its new definition:
// its indexes, the foreign keys pointing at it and its owned sequences'
// OWNED BY follow the rename in PostgreSQL too. A declaration whose old
// name no longer exists remotely, or whose new name already does, has been
// applied already and is ignored.
//
// Sequences owned by a column (serial) keep their names when PostgreSQL
// renames a table or column, while the files name them after the new
// table and column: such a sequence is renamed to the name the files give
// the column's sequence, so it keeps its current value.
func (d *differ) renameTables() {
	for _, t := range d.to.Tables {
		if t.RenamedFrom == "" {
			continue
		}
		q := t.QualName()
		prev := state.QualName{Schema: t.Schema, Name: t.RenamedFrom}
		if _, exists := d.from.Table(q); exists {
			continue
		}
		old, ok := d.from.Table(prev)
		if !ok {
			continue
		}
		if _, clash := d.to.Table(prev); clash {
			continue
		}
		d.change(tableKey(q), ActionRename, sqlgen.TableDefinition(old, nil), sqlgen.TableDefinition(t, nil))
		d.add(phaseRename, tableKey(q), ActionRename, sqlgen.RenameObject("TABLE", prev, t.Name))
		d.from = renameTableInModel(d.from, prev, q)
	}
	d.renameColumns()
	d.renameOwnedSequences()
}

// renameOwnedSequences renames the remote sequence owned by a column to
// the name the files give that column's owned sequence, when the files
// have no sequence of the remote name and the database none of the new
// one. Renamed columns (renamed-from annotations) are followed.
func (d *differ) renameOwnedSequences() {
	remoteNames := map[state.QualName]bool{}
	for _, s := range d.from.Sequences {
		remoteNames[s.QualName()] = true
	}
	desiredNames := map[state.QualName]bool{}
	for _, s := range d.to.Sequences {
		desiredNames[s.QualName()] = true
	}
	for _, ds := range d.to.Sequences {
		if ds.OwnedBy == nil || remoteNames[ds.QualName()] {
			continue
		}
		t, ok := d.to.Table(state.QualName{Schema: ds.Schema, Name: ds.OwnedBy.Table})
		if !ok {
			continue
		}
		col, ok := t.Column(ds.OwnedBy.Column)
		if !ok {
			continue
		}
		for _, rs := range d.from.Sequences {
			if rs.OwnedBy == nil || rs.Schema != ds.Schema || rs.OwnedBy.Table != t.Name || desiredNames[rs.QualName()] {
				continue
			}
			if rs.OwnedBy.Column != col.Name && (col.RenamedFrom == "" || rs.OwnedBy.Column != col.RenamedFrom) {
				continue
			}
			d.add(phaseRename, state.ObjectKey{Kind: state.KindSequence, Schema: ds.Schema, Name: ds.Name}, ActionRename,
				sqlgen.RenameObject("SEQUENCE", rs.QualName(), ds.Name))
			d.from = renameSequenceInModel(d.from, rs.QualName(), ds.QualName())
			remoteNames[ds.QualName()] = true
			break
		}
	}
}

// mergeChanges folds several object changes of one object into one: a
// renamed table that also changes gets a rename record (the definition
// under its old name) and an alter record (under its new name), shown
// together as the old definition against the final one.
func mergeChanges(cs []ObjectChange) []ObjectChange {
	at := map[state.ObjectKey]int{}
	var out []ObjectChange
	for _, c := range cs {
		i, seen := at[c.Object]
		if !seen {
			at[c.Object] = len(out)
			out = append(out, c)
			continue
		}
		prev := &out[i]
		prev.New = c.New
		if prev.Action == ActionCreate && c.Action == ActionDrop || prev.Action == ActionDrop && c.Action == ActionCreate {
			prev.Action = ActionAlter
		}
	}
	return out
}

// replaceIdent replaces the identifier old (as SQL, quoted where needed)
// by new in expression text wherever it stands as a whole identifier
// outside string constants: not after a dot (a qualified name) and not
// before "(" (a function of that name) or a dot.
func replaceIdent(text, old, new string) string {
	if old == "" || !strings.Contains(text, old) {
		return text
	}
	var b strings.Builder
	inLit := false
	for i := 0; i < len(text); {
		c := text[i]
		if c == '\'' {
			inLit = !inLit
			b.WriteByte(c)
			i++
			continue
		}
		if !inLit && strings.HasPrefix(text[i:], old) {
			end := i + len(old)
			before := i == 0 || !isIdentByte(text[i-1]) && text[i-1] != '.'
			after := end == len(text) || !isIdentByte(text[end]) && text[end] != '(' && text[end] != '.'
			if before && after {
				b.WriteString(new)
				i = end
				continue
			}
		}
		b.WriteByte(c)
		i++
	}
	return b.String()
}

// renameColumnInModel returns s as it is after ALTER TABLE table RENAME
// COLUMN from TO to: the column (in the table and in the partitions and
// inheritance children that inherit it), the table's constraints, indexes,
// generated columns and policies naming it, foreign keys referencing it,
// the sequence it owns, and view dependencies.
func renameColumnInModel(s state.DatabaseSchema, table state.QualName, from, to string) state.DatabaseSchema {
	s = s.Clone()
	oldI, newI := sqlgen.QuoteIdent(from), sqlgen.QuoteIdent(to)
	rewrite := func(t *state.Table) {
		for j := range t.Columns {
			if t.Columns[j].Name == from {
				t.Columns[j].Name = to
			}
			t.Columns[j].Default = replaceIdent(t.Columns[j].Default, oldI, newI)
			t.Columns[j].Generated = replaceIdent(t.Columns[j].Generated, oldI, newI)
		}
		for j := range t.Constraints {
			c := &t.Constraints[j]
			for k := range c.Columns {
				if c.Columns[k] == from {
					c.Columns[k] = to
				}
			}
			def, rest := c.Definition, ""
			if c.Kind == state.ConstraintForeignKey {
				if i := strings.Index(def, " REFERENCES "); i >= 0 {
					def, rest = def[:i], def[i:]
				}
			}
			c.Definition = replaceIdent(def, oldI, newI) + rest
		}
		for j := range t.Indexes {
			def := t.Indexes[j].Definition
			if i := strings.Index(def, " USING "); i >= 0 {
				t.Indexes[j].Definition = def[:i] + replaceIdent(def[i:], oldI, newI)
			}
		}
		for j := range t.Policies {
			t.Policies[j].Using = replaceIdent(t.Policies[j].Using, oldI, newI)
			t.Policies[j].WithCheck = replaceIdent(t.Policies[j].WithCheck, oldI, newI)
		}
	}
	refPrefix := " REFERENCES " + sqlgen.Qual(table) + "("
	for i := range s.Tables {
		t := &s.Tables[i]
		child := t.PartitionOf != nil && *t.PartitionOf == table
		for _, p := range t.Inherits {
			child = child || p == table
		}
		if inherited, ok := t.Column(from); t.QualName() == table || child && ok && inherited.Inherited {
			rewrite(t)
		}
		for j := range t.Constraints {
			c := &t.Constraints[j]
			if c.Kind != state.ConstraintForeignKey || c.References == nil || *c.References != table {
				continue
			}
			if at := strings.Index(c.Definition, refPrefix); at >= 0 {
				start := at + len(refPrefix)
				if end := strings.IndexByte(c.Definition[start:], ')'); end >= 0 {
					c.Definition = c.Definition[:start] + replaceIdent(c.Definition[start:start+end], oldI, newI) + c.Definition[start+end:]
				}
			}
		}
	}
	for i := range s.Sequences {
		if sq := &s.Sequences[i]; sq.Schema == table.Schema && sq.OwnedBy != nil && sq.OwnedBy.Table == table.Name && sq.OwnedBy.Column == from {
			sq.OwnedBy.Column = to
		}
	}
	key := func(k state.ObjectKey) state.ObjectKey {
		if k.Kind == state.KindColumn && k.Schema == table.Schema && k.Table == table.Name && k.Name == from {
			k.Name = to
		}
		return k
	}
	for i := range s.Views {
		for j := range s.Views[i].DependsOn {
			s.Views[i].DependsOn[j] = key(s.Views[i].DependsOn[j])
		}
		for j := range s.Views[i].ReadsFromCatalog {
			s.Views[i].ReadsFromCatalog[j] = key(s.Views[i].ReadsFromCatalog[j])
		}
	}
	return s
}

// renameColumns plans the column renames the files declare (ALTER TABLE
// ... RENAME COLUMN) and rewrites the remote model accordingly, so that
// constraints, indexes and foreign keys naming the column are not taken
// for changed ones: PostgreSQL follows the rename in all of them. A
// declaration whose old name no longer exists, or whose new name already
// does, has been applied already and is ignored.
func (d *differ) renameColumns() {
	for _, t := range d.to.Tables {
		q := t.QualName()
		for _, c := range t.Columns {
			if c.RenamedFrom == "" {
				continue
			}
			r, ok := d.from.Table(q)
			if !ok {
				break
			}
			if _, exists := r.Column(c.Name); exists {
				continue
			}
			if rc, found := r.Column(c.RenamedFrom); !found || rc.Inherited {
				continue // an inherited column is renamed with its parent's
			}
			if _, clash := t.Column(c.RenamedFrom); clash {
				continue
			}
			d.add(phaseRename, memberKey(state.KindColumn, q, c.Name), ActionRename, sqlgen.RenameColumn(q, c.RenamedFrom, c.Name))
			d.from = renameColumnInModel(d.from, q, c.RenamedFrom, c.Name)
		}
	}
}
