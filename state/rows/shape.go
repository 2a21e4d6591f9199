package rows

import (
	"fmt"
	"slices"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// Value is one column value as PostgreSQL's text output; Null is SQL NULL.
type Value struct {
	Null bool
	S    string
}

// Row is one row of a data table: the values of Shape.Columns in order, a
// reference column taking one value per column of the referenced table's
// key (Column.Width). Line is the data file line it was read from (0 for
// rows read from a database).
type Row struct {
	Line int
	Vals []Value
}

// Ref is a foreign key written by the referenced row's natural key: the
// column holds Table.Column of the row whose Key columns have the values
// the data file names.
type Ref struct {
	Table  state.QualName
	Column string
	// Local and Remote pair the columns of the whole foreign key: the
	// referencing table's Local[i] holds Table's Remote[i]. A foreign key
	// of several columns ((tenant_id, parent_id) -> parents (tenant_id,
	// id)) finds the referenced row by all of them.
	Local, Remote []string
	// Key are the referenced data table's key columns. KeyRefs[i] is set
	// when Key[i] is itself a reference by natural key (cities keyed by
	// (country -> countries.code, name)): its values are that reference's
	// values, nested. KeyTypes are the types of the values, flattened:
	// one per plain key column, a nested reference's KeyTypes for a
	// reference.
	Key      []string
	KeyRefs  []*Ref
	KeyTypes []string
}

// Width is how many values the reference takes: its key's, flattened.
func (r *Ref) Width() int { return len(r.KeyTypes) }

// keyWidth is how many values key column i takes.
func (r *Ref) keyWidth(i int) int {
	if r.KeyRefs != nil && r.KeyRefs[i] != nil {
		return r.KeyRefs[i].Width()
	}
	return 1
}

// Column is one data column.
type Column struct {
	Name string
	// Type is the column's canonical type ("integer", "text",
	// "public.status").
	Type string
	// Ref is set when the column is written by natural key.
	Ref *Ref
	// Off is the index of the column's first value in Row.Vals.
	Off int

	table state.QualName // the column's table
}

// SelfRef reports whether the column refers to another row of its own
// table by natural key (a parent in a tree): inserted rows get it once
// every new row exists (Shape.SelfRefs).
func (c Column) SelfRef() bool { return c.Ref != nil && c.Ref.Table == c.table }

// Width is how many values the column takes in a row.
func (c Column) Width() int {
	if c.Ref != nil {
		return c.Ref.Width()
	}
	return 1
}

// Shape is how one data table's rows are written, read and compared.
type Shape struct {
	Table state.QualName
	// Columns are the data columns in the table's column order: every
	// column but ignored, generated ones, and surrogate ids the target
	// database generates (see NewShapes).
	Columns []Column
	// Key are indexes into Columns, in key order.
	Key []int
	// Where restricts the managed rows ("" for all).
	Where string
	// Width is the number of values of a row.
	Width int
	// Overriding is set when a data column is GENERATED ALWAYS AS
	// IDENTITY: inserts need OVERRIDING SYSTEM VALUE.
	Overriding bool
	// SerialKeys are key columns the database would generate (identity
	// or sequence default) whose values the files set: after inserting,
	// their sequences must move past them.
	SerialKeys []string

	kv []keyValue // keyValues, computed once
}

// Column returns the data column called name.
func (s *Shape) Column(name string) (int, bool) {
	for i, c := range s.Columns {
		if c.Name == name {
			return i, true
		}
	}
	return 0, false
}

// KeyNames are the key columns' names.
func (s *Shape) KeyNames() []string {
	out := make([]string, len(s.Key))
	for i, k := range s.Key {
		out[i] = s.Columns[k].Name
	}
	return out
}

// NewShapes returns the shapes of the data tables specs as the schema m
// (the desired model) defines their tables, in an order where a table
// comes after the data tables its foreign keys reference (cycles keep
// the specs' order). Errors name the data block and what is wrong.
//
// A column of a foreign key (of one column or several) to another data
// table is a reference (Ref) unless the column it references is a plain
// key column of that table: the data file names the referenced row by
// its key, so rows match across databases whose ids differ. A key that
// is itself a reference nests. A foreign key to a table that is not a
// data table is refused unless the data block lists its columns in
// RawReferences: their values would be that database's ids. When a
// table's key is not its primary key, primary key columns filled by an
// identity or a sequence default are left out: the target database
// generates them.
func NewShapes(m state.DatabaseSchema, specs []state.DataTable) ([]*Shape, error) {
	b := &shapeBuilder{
		specs:  map[state.QualName]state.DataTable{},
		tables: map[state.QualName]*state.Table{},
		keys:   map[state.QualName][]string{},
		memo:   map[tableColumn]colRef{},
		active: map[tableColumn]bool{},
	}
	for _, d := range specs {
		b.specs[d.Table] = d
	}
	for i := range m.Tables {
		t := &m.Tables[i]
		b.tables[t.QualName()] = t
	}
	for _, d := range specs {
		t := b.tables[d.Table]
		if t == nil {
			return nil, at(d, fmt.Errorf("data %q: no table %s in the schema", d.Table, d.Table))
		}
		k, err := keyOf(d, t)
		if err != nil {
			return nil, at(d, err)
		}
		b.keys[d.Table] = k
	}
	var shapes []*Shape
	for _, d := range specs {
		s, err := b.newShape(d)
		if err != nil {
			return nil, at(d, err)
		}
		shapes = append(shapes, s)
	}
	return orderShapes(shapes, b.tables), nil
}

// shapeBuilder finds the references of the data tables' columns.
type shapeBuilder struct {
	specs  map[state.QualName]state.DataTable
	tables map[state.QualName]*state.Table
	keys   map[state.QualName][]string
	memo   map[tableColumn]colRef
	// active are the columns whose reference is being found: meeting
	// one again is a cycle of natural keys.
	active map[tableColumn]bool
}

type tableColumn struct {
	table state.QualName
	col   string
}

// colRef is how a column of a data table is written: by natural key
// (ref), or as its own value, which is the same in every database when
// resolved (a foreign key to a data table proved it: it holds a plain
// key column of that table).
type colRef struct {
	ref      *Ref
	resolved bool
}

func keyOf(d state.DataTable, t *state.Table) ([]string, error) {
	if len(d.Key) > 0 {
		for _, k := range d.Key {
			if _, ok := t.Column(k); !ok {
				return nil, fmt.Errorf("data %q: key column %q is not a column of %s", d.Table, k, d.Table)
			}
		}
		return d.Key, nil
	}
	if pk := primaryKey(t); len(pk) > 0 {
		return pk, nil
	}
	return nil, fmt.Errorf("data %q: %s has no primary key: set key = [...] to the columns that identify a row", d.Table, d.Table)
}

func primaryKey(t *state.Table) []string {
	for _, c := range t.Constraints {
		if c.Kind == state.ConstraintPrimaryKey {
			return c.Columns
		}
	}
	return nil
}

func (b *shapeBuilder) newShape(d state.DataTable) (*Shape, error) {
	t := b.tables[d.Table]
	key := b.keys[d.Table]
	for _, c := range d.IgnoreColumns {
		if _, ok := t.Column(c); !ok {
			return nil, fmt.Errorf("data %q: ignored column %q is not a column of %s", d.Table, c, d.Table)
		}
		if slices.Contains(key, c) {
			return nil, fmt.Errorf("data %q: key column %q cannot be ignored", d.Table, c)
		}
	}
	pk := primaryKey(t)
	natural := !slices.Equal(key, pk)
	s := &Shape{Table: d.Table, Where: d.Where}
	resolved := map[string]bool{}
	for _, c := range t.Columns {
		switch {
		case slices.Contains(d.IgnoreColumns, c.Name), c.Generated != "":
			continue
		case natural && slices.Contains(pk, c.Name) && !slices.Contains(key, c.Name) && generatedID(c):
			continue
		}
		col := Column{Name: c.Name, Type: c.Type, Off: s.Width, table: d.Table}
		cr, err := b.column(d.Table, c.Name)
		if err != nil {
			return nil, fmt.Errorf("data %q: %w", d.Table, err)
		}
		col.Ref = cr.ref
		resolved[c.Name] = cr.resolved
		if c.Identity == state.IdentityAlways {
			s.Overriding = true
		}
		if slices.Contains(key, c.Name) && generatedID(c) {
			s.SerialKeys = append(s.SerialKeys, c.Name)
		}
		s.Columns = append(s.Columns, col)
		s.Width += col.Width()
	}
	for _, k := range key {
		i, ok := s.Column(k)
		if !ok {
			return nil, fmt.Errorf("data %q: key column %q is generated and cannot identify rows", d.Table, k)
		}
		if s.Columns[i].SelfRef() {
			return nil, fmt.Errorf("data %q: key column %q refers to the table itself by natural key; a key cannot depend on other rows of the table", d.Table, k)
		}
		s.Key = append(s.Key, i)
	}
	if err := b.checkRaw(d, s, resolved); err != nil {
		return nil, err
	}
	return s, nil
}

// checkRaw refuses a data column that holds another table's ids which
// no data block resolves by key (a foreign key to a table that is not a
// data table), unless the data block lists it in raw_references; and a
// raw_references entry that is not such a column.
func (b *shapeBuilder) checkRaw(d state.DataTable, s *Shape, resolved map[string]bool) error {
	t := b.tables[d.Table]
	raw := map[string]bool{}
	for _, fk := range ForeignKeys(t, b.tables) {
		if _, isData := b.specs[fk.Table]; isData {
			continue
		}
		for _, c := range fk.Columns {
			if _, ok := s.Column(c); !ok || resolved[c] {
				continue
			}
			raw[c] = true
			if slices.Contains(d.RawReferences, c) {
				continue
			}
			return fmt.Errorf("data %q: column %q has a foreign key (%s) to %s, which is not a data table: its values are ids of that table in the database they were read from, and another database's ids may differ. Add a data block for %s (references are then written by its key), or list %q in raw_references to write and apply the values as they are",
				d.Table, c, fk.Name, fk.Table, fk.Table, c)
		}
	}
	for _, c := range d.RawReferences {
		if _, ok := t.Column(c); !ok {
			return fmt.Errorf("data %q: raw_references names %q, which is not a column of %s", d.Table, c, d.Table)
		}
		if !raw[c] {
			return fmt.Errorf("data %q: raw_references names %q, which is not a data column with a foreign key to a table that is not a data table (remove it)", d.Table, c)
		}
	}
	return nil
}

// column finds how column col of data table tq is written.
func (b *shapeBuilder) column(tq state.QualName, col string) (colRef, error) {
	tc := tableColumn{tq, col}
	if cr, ok := b.memo[tc]; ok {
		return cr, nil
	}
	if b.active[tc] {
		return colRef{}, fmt.Errorf("the natural keys of %s and the tables it refers to refer to each other in a cycle (through column %q); a key cannot depend on itself", tq, col)
	}
	b.active[tc] = true
	defer delete(b.active, tc)
	t := b.tables[tq]
	fks := ForeignKeys(t, b.tables)
	// Single-column foreign keys first, then the others in order.
	slices.SortStableFunc(fks, func(x, y ForeignKey) int {
		return min(len(x.Columns), 2) - min(len(y.Columns), 2)
	})
	var cr colRef
	var via *ForeignKey
	var remote string
	for i := range fks {
		fk := &fks[i]
		j := slices.Index(fk.Columns, col)
		if j < 0 {
			continue
		}
		if _, ok := b.specs[fk.Table]; !ok {
			continue
		}
		rc := fk.RefColumns[j]
		if slices.Contains(b.keys[fk.Table], rc) {
			if fk.Table == tq && rc == col {
				// (tenant_id, parent_id) -> same table (tenant_id, id):
				// the column is its own key value.
				cr.resolved = true
				continue
			}
			kr, err := b.column(fk.Table, rc)
			if err != nil {
				return colRef{}, err
			}
			if kr.ref == nil {
				// A plain key column of the referenced table: the value
				// is the same in every database.
				cr.resolved = true
				continue
			}
		}
		if via == nil {
			via, remote = fk, rc
		}
	}
	if cr.resolved || via == nil {
		b.memo[tc] = cr
		return cr, nil
	}
	ref := &Ref{Table: via.Table, Column: remote, Local: via.Columns, Remote: via.RefColumns, Key: b.keys[via.Table]}
	rt := b.tables[via.Table]
	for _, k := range ref.Key {
		kr, err := b.column(via.Table, k)
		if err != nil {
			return colRef{}, err
		}
		ref.KeyRefs = append(ref.KeyRefs, kr.ref)
		if kr.ref != nil {
			ref.KeyTypes = append(ref.KeyTypes, kr.ref.KeyTypes...)
			continue
		}
		kc, _ := rt.Column(k)
		ref.KeyTypes = append(ref.KeyTypes, kc.Type)
	}
	cr = colRef{ref: ref, resolved: true}
	b.memo[tc] = cr
	return cr, nil
}

// generatedID reports whether the database fills the column itself: an
// identity or a sequence default.
func generatedID(c state.Column) bool {
	return c.Identity != "" || strings.HasPrefix(c.Default, "nextval(")
}

// orderShapes sorts shapes so that each comes after the data tables its
// foreign keys reference (a depth-first topological order; on a cycle the
// input order decides).
func orderShapes(shapes []*Shape, tables map[state.QualName]*state.Table) []*Shape {
	idx := map[state.QualName]int{}
	for i, s := range shapes {
		idx[s.Table] = i
	}
	const (
		unseen = iota
		visiting
		done
	)
	mark := make([]int, len(shapes))
	var out []*Shape
	var visit func(i int)
	visit = func(i int) {
		if mark[i] != unseen {
			return
		}
		mark[i] = visiting
		for _, c := range tables[shapes[i].Table].Constraints {
			if c.Kind != state.ConstraintForeignKey || c.References == nil {
				continue
			}
			if j, ok := idx[*c.References]; ok && j != i {
				visit(j)
			}
		}
		mark[i] = done
		out = append(out, shapes[i])
	}
	for i := range shapes {
		visit(i)
	}
	return out
}

// at prefixes err with the data block's position, when known.
func at(d state.DataTable, err error) error {
	if d.Pos == "" {
		return err
	}
	return fmt.Errorf("%s: %w", d.Pos, err)
}

// SelfRefs are the indexes of the columns that refer to the table itself
// by natural key.
func (s *Shape) SelfRefs() []int {
	var out []int
	for i, c := range s.Columns {
		if c.SelfRef() {
			out = append(out, i)
		}
	}
	return out
}
