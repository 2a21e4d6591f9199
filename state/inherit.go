package state

// This file holds the rules by which PostgreSQL gives a child table (an
// inheritance child or a partition) the columns of its parents. The parser
// applies them to the files, the SQL printer uses them to write only what
// a child changes, and the planner to tell a parent's change (which
// PostgreSQL passes on to the children) from a child's own.

// Parents returns the tables t inherits from: its partition parent, or its
// INHERITS list, in order.
func (t Table) Parents() []QualName {
	if t.PartitionOf != nil {
		return []QualName{*t.PartitionOf}
	}
	return t.Inherits
}

// IsChild reports whether t is a partition or an inheritance child.
func (t Table) IsChild() bool { return t.PartitionOf != nil || len(t.Inherits) > 0 }

// InheritedColumn returns the column name as a child of parents gets it
// when it does not declare the column itself: the type, collation,
// generation expression, storage and compression of the first parent that
// has the column, NOT NULL when any parent's column is NOT NULL, and the
// first parent default. Identity is not inherited (before PostgreSQL 17 a
// child's column only gets the NOT NULL of a parent's identity column).
// ok is false when no parent has the column.
func InheritedColumn(parents []Table, name string) (c Column, ok bool) {
	for _, p := range parents {
		pc, found := p.Column(name)
		if !found {
			continue
		}
		if !ok {
			c = Column{Name: name, Type: pc.Type, Collation: pc.Collation, Generated: pc.Generated,
				Storage: pc.Storage, Compression: pc.Compression, Inherited: true}
			ok = true
		}
		if c.Default == "" && pc.Generated == "" && pc.Identity == "" {
			c.Default = pc.Default
		}
		c.NotNull = c.NotNull || pc.NotNull
	}
	return c, ok
}

// InheritedColumnNames lists the columns a child of parents inherits, in
// the order PostgreSQL gives them: each parent's columns in turn, a name
// shared by several parents once.
func InheritedColumnNames(parents []Table) []string {
	var names []string
	seen := map[string]bool{}
	for _, p := range parents {
		for _, c := range p.Columns {
			if !seen[c.Name] {
				seen[c.Name] = true
				names = append(names, c.Name)
			}
		}
	}
	return names
}
