package rows

import (
	"fmt"
	"regexp"
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
	// Key are the referenced data table's key columns and KeyTypes their
	// types.
	Key, KeyTypes []string
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
		return len(c.Ref.Key)
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
// A column of a single-column foreign key to another data table whose key
// is not the referenced column is a reference (Ref): the data file names
// the referenced row by its key, so rows match across databases whose ids
// differ. When a table's key is not its primary key, primary key columns
// filled by an identity or a sequence default are left out: the target
// database generates them.
func NewShapes(m state.DatabaseSchema, specs []state.DataTable) ([]*Shape, error) {
	byName := map[state.QualName]state.DataTable{}
	for _, d := range specs {
		byName[d.Table] = d
	}
	tables := map[state.QualName]*state.Table{}
	for i := range m.Tables {
		t := &m.Tables[i]
		tables[t.QualName()] = t
	}
	keys := map[state.QualName][]string{}
	for _, d := range specs {
		t := tables[d.Table]
		if t == nil {
			return nil, at(d, fmt.Errorf("data %q: no table %s in the schema", d.Table, d.Table))
		}
		k, err := keyOf(d, t)
		if err != nil {
			return nil, at(d, err)
		}
		keys[d.Table] = k
	}
	var shapes []*Shape
	for _, d := range specs {
		s, err := newShape(d, tables, byName, keys)
		if err != nil {
			return nil, at(d, err)
		}
		shapes = append(shapes, s)
	}
	return orderShapes(shapes, tables), nil
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

func newShape(d state.DataTable, tables map[state.QualName]*state.Table, specs map[state.QualName]state.DataTable, keys map[state.QualName][]string) (*Shape, error) {
	t := tables[d.Table]
	key := keys[d.Table]
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
	for _, c := range t.Columns {
		switch {
		case slices.Contains(d.IgnoreColumns, c.Name), c.Generated != "":
			continue
		case natural && slices.Contains(pk, c.Name) && !slices.Contains(key, c.Name) && generatedID(c):
			continue
		}
		col := Column{Name: c.Name, Type: c.Type, Off: s.Width, table: d.Table}
		ref, err := refOf(d.Table, t, c.Name, tables, specs, keys)
		if err != nil {
			return nil, err
		}
		col.Ref = ref
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
	return s, nil
}

// generatedID reports whether the database fills the column itself: an
// identity or a sequence default.
func generatedID(c state.Column) bool {
	return c.Identity != "" || strings.HasPrefix(c.Default, "nextval(")
}

var referencesRE = regexp.MustCompile(`REFERENCES\s+((?:"(?:[^"]|"")*"|[^\s(."]+)(?:\.(?:"(?:[^"]|"")*"|[^\s(."]+))?)\s*(?:\(([^)]*)\))?`)

// fkTarget finds the single-column foreign key of column col of table t
// to another data table: that table and the column referenced (the
// column list of REFERENCES, else the referenced primary key).
func fkTarget(t *state.Table, col string, tables map[state.QualName]*state.Table, specs map[state.QualName]state.DataTable) (state.QualName, string, bool) {
	for _, c := range t.Constraints {
		if c.Kind != state.ConstraintForeignKey || c.References == nil || len(c.Columns) != 1 || c.Columns[0] != col {
			continue
		}
		target := *c.References
		if _, ok := specs[target]; !ok {
			continue
		}
		if m := referencesRE.FindStringSubmatch(c.Definition); m != nil && strings.TrimSpace(m[2]) != "" {
			return target, unquote(strings.TrimSpace(m[2])), true
		}
		if pk := primaryKey(tables[target]); len(pk) == 1 {
			return target, pk[0], true
		}
	}
	return state.QualName{}, "", false
}

// isRef reports whether column col of t is written by natural key: a
// foreign key to a data table keyed by something else than the
// referenced column.
func isRef(t *state.Table, col string, tables map[state.QualName]*state.Table, specs map[state.QualName]state.DataTable, keys map[state.QualName][]string) bool {
	target, refCol, ok := fkTarget(t, col, tables, specs)
	if !ok {
		return false
	}
	rkey := keys[target]
	return !(len(rkey) == 1 && rkey[0] == refCol)
}

// refOf returns the reference of column col of table t when it is written
// by natural key (isRef), nil otherwise.
func refOf(self state.QualName, t *state.Table, col string, tables map[state.QualName]*state.Table, specs map[state.QualName]state.DataTable, keys map[state.QualName][]string) (*Ref, error) {
	if !isRef(t, col, tables, specs, keys) {
		return nil, nil
	}
	target, refCol, _ := fkTarget(t, col, tables, specs)
	rt := tables[target]
	ref := &Ref{Table: target, Column: refCol, Key: keys[target]}
	for _, k := range ref.Key {
		kc, _ := rt.Column(k)
		ref.KeyTypes = append(ref.KeyTypes, kc.Type)
		if isRef(rt, k, tables, specs, keys) {
			return nil, fmt.Errorf("data %q: column %q references %s, whose key column %q is itself a reference by natural key; nested natural keys are not supported", self, col, target, k)
		}
	}
	return ref, nil
}

func unquote(s string) string {
	if len(s) >= 2 && s[0] == '"' && s[len(s)-1] == '"' {
		return strings.ReplaceAll(s[1:len(s)-1], `""`, `"`)
	}
	return s
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
