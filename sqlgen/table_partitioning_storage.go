package sqlgen

import (
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// This file prints what tables have beyond columns and constraints:
// partitioning, inheritance, storage parameters, tablespaces, column
// storage and compression, replica identity.

// ParentTables returns the parents of t found in s, in t's order, for the
// printing of t's inherited columns.
func ParentTables(s state.DatabaseSchema, t state.Table) []state.Table {
	var out []state.Table
	for _, q := range t.Parents() {
		if p, ok := s.Table(q); ok {
			out = append(out, p)
		}
	}
	return out
}

// createTableHead prints CREATE TABLE up to the column list: "CREATE
// [UNLOGGED] TABLE name" or, for a partition, "CREATE TABLE name PARTITION
// OF parent".
//
// A temporary table (temp) is named by its name alone: it lives in
// pg_temp, and is never unlogged.
func createTableHead(t state.Table, temp bool) string {
	s := "CREATE "
	name := QualifiedName(t.Schema, t.Name)
	switch {
	case temp:
		s += "TEMP "
		name = QuoteIdent(t.Name)
	case t.Unlogged:
		s += "UNLOGGED "
	}
	s += TableWord(t) + " " + name
	if t.PartitionOf != nil {
		s += " PARTITION OF " + Qual(*t.PartitionOf)
	}
	if t.OfType != nil && !temp {
		s += " OF " + Qual(*t.OfType)
	}
	return s
}

// createTableTail prints the clauses after CREATE TABLE's element list:
// the bound of a partition, INHERITS, PARTITION BY, WITH and TABLESPACE.
func createTableTail(t state.Table) string {
	var b strings.Builder
	if t.PartitionOf != nil {
		b.WriteString(" " + t.PartitionBound)
	} else if len(t.Inherits) > 0 {
		names := make([]string, len(t.Inherits))
		for i, q := range t.Inherits {
			names[i] = Qual(q)
		}
		b.WriteString(" INHERITS (" + strings.Join(names, ", ") + ")")
	}
	if t.Foreign != nil {
		b.WriteString(" SERVER " + QuoteIdent(t.Foreign.Server) + OptionsClause(t.Foreign.Options))
	}
	if t.PartitionBy != "" {
		b.WriteString(" PARTITION BY " + t.PartitionBy)
	}
	if t.AccessMethod != "" {
		b.WriteString(" USING " + QuoteIdent(t.AccessMethod))
	}
	if len(t.Options) > 0 {
		b.WriteString(" WITH (" + StorageOptions(t.Options) + ")")
	}
	if t.Tablespace != "" {
		b.WriteString(" TABLESPACE " + QuoteIdent(t.Tablespace))
	}
	return b.String()
}

// StorageOptions prints storage parameters ("fillfactor=70") for WITH
// (...) and SET (...): name='value'.
func StorageOptions(opts []string) string {
	parts := make([]string, len(opts))
	for i, o := range opts {
		name, value, _ := strings.Cut(o, "=")
		parts[i] = optionName(name) + "=" + QuoteLiteral(value)
	}
	return strings.Join(parts, ", ")
}

// optionName quotes a possibly namespaced option name ("toast.fillfactor").
func optionName(name string) string {
	if ns, n, ok := strings.Cut(name, "."); ok {
		return QuoteIdent(ns) + "." + QuoteIdent(n)
	}
	return QuoteIdent(name)
}

// tableColumnsExtra prints the statements that finish a new table's
// columns: SET STORAGE of its own columns (CREATE TABLE has no STORAGE
// clause before PostgreSQL 16), and for a child what its inherited columns
// do differently from what the parents give them. Without parents (nil),
// every property of an inherited column is printed, which reads back the
// same.
func tableColumnsExtra(t state.Table, parents []state.Table) string {
	var b strings.Builder
	q := t.QualName()
	for _, c := range t.Columns {
		if c.Inherited {
			continue
		}
		if c.Storage != "" {
			b.WriteString(SetStorage(q, c))
		}
		if t.OfType != nil && c.Compression != "" {
			// A typed table's column entry (WITH OPTIONS) has no
			// COMPRESSION.
			b.WriteString(SetCompression(q, c.Name, c.Compression))
		}
		if LosesParentDefault(parents, c) {
			b.WriteString(DropDefault(q, c.Name))
		}
	}
	for _, c := range t.Columns {
		if !c.Inherited {
			continue
		}
		inh, _ := state.InheritedColumn(parents, c.Name)
		for _, st := range InheritedColumnChanges(q, inh, c) {
			b.WriteString(st)
		}
	}
	for _, c := range t.Columns {
		b.WriteString(ColumnSettings(q, c))
	}
	return b.String()
}

// LosesParentDefault reports whether a child's own column c has no default
// where a parent's column of its name has one: CREATE TABLE ... INHERITS
// gives the merged column the parent's default unless it says DEFAULT
// NULL, so the child drops it (pg_dump writes DEFAULT NULL).
func LosesParentDefault(parents []state.Table, c state.Column) bool {
	if c.Inherited || c.Default != "" || c.Identity != "" || c.Generated != "" {
		return false
	}
	inh, ok := state.InheritedColumn(parents, c.Name)
	return ok && inh.Default != ""
}

// InheritedColumnChanges prints the ALTER COLUMN statements that turn an
// inherited column as the parents give it (from) into the child's (to).
// Type, collation and generation expression always come from the parent.
func InheritedColumnChanges(t state.QualName, from, to state.Column) []string {
	var out []string
	if from.Default != to.Default && to.Identity == "" && to.Generated == "" {
		if to.Default == "" {
			out = append(out, DropDefault(t, to.Name))
		} else {
			out = append(out, SetDefault(t, to.Name, to.Default))
		}
	}
	if from.NotNull != to.NotNull {
		if to.NotNull {
			out = append(out, SetNotNull(t, to.Name))
		} else {
			out = append(out, DropNotNull(t, to.Name))
		}
	}
	if from.Storage != to.Storage {
		out = append(out, SetStorage(t, to))
	}
	if from.Compression != to.Compression {
		out = append(out, SetCompression(t, to.Name, to.Compression))
	}
	return out
}

// SetStorage prints ALTER COLUMN ... SET STORAGE for c's Storage. "" is
// the type's default, which only PostgreSQL 16 can name (SET STORAGE
// DEFAULT): older servers need the word, MAIN for numeric, inet and cidr,
// EXTENDED for the other types whose storage can change.
func SetStorage(t state.QualName, c state.Column) string {
	storage := c.Storage
	if storage == "" {
		storage = "extended"
		base, _, _ := strings.Cut(c.Type, "(")
		switch base {
		case "numeric", "inet", "cidr":
			storage = "main"
		}
	}
	return alterColumn(t, c.Name) + "SET STORAGE " + strings.ToUpper(storage) + ";\n"
}

// SetCompression prints ALTER COLUMN ... SET COMPRESSION; "" is the server's
// default_toast_compression (SET COMPRESSION DEFAULT).
func SetCompression(t state.QualName, col, compression string) string {
	if compression == "" {
		compression = "default"
	}
	return alterColumn(t, col) + "SET COMPRESSION " + compression + ";\n"
}

// ReplicaIdentity prints ALTER TABLE ... REPLICA IDENTITY for the model's
// value ("" default, "full", "nothing", "index <name>").
func ReplicaIdentity(t state.QualName, ri string) string {
	var what string
	switch {
	case ri == "":
		what = "DEFAULT"
	case strings.HasPrefix(ri, "index "):
		what = "USING INDEX " + QuoteIdent(strings.TrimPrefix(ri, "index "))
	default:
		what = strings.ToUpper(ri)
	}
	return alterTable(t) + "REPLICA IDENTITY " + what + ";\n"
}

// SetOptions prints ALTER TABLE ... SET (...).
func SetOptions(t state.QualName, opts []string) string {
	return alterTable(t) + "SET (" + StorageOptions(opts) + ");\n"
}

// ResetOptions prints ALTER TABLE ... RESET (...) for option names.
func ResetOptions(t state.QualName, names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = optionName(n)
	}
	sort.Strings(q)
	return alterTable(t) + "RESET (" + strings.Join(q, ", ") + ");\n"
}

// SetTablespace prints ALTER TABLE ... SET TABLESPACE ("" is pg_default).
func SetTablespace(t state.QualName, ts string) string {
	if ts == "" {
		ts = "pg_default"
	}
	return alterTable(t) + "SET TABLESPACE " + QuoteIdent(ts) + ";\n"
}

// SetAccessMethod prints ALTER TABLE ... SET ACCESS METHOD ("" is heap;
// PostgreSQL 15 and later).
func SetAccessMethod(t state.QualName, am string) string {
	if am == "" {
		am = "heap"
	}
	return alterTable(t) + "SET ACCESS METHOD " + QuoteIdent(am) + ";\n"
}

// AttachPartition prints ALTER TABLE parent ATTACH PARTITION child bound.
func AttachPartition(parent, child state.QualName, bound string) string {
	return alterTable(parent) + "ATTACH PARTITION " + Qual(child) + " " + bound + ";\n"
}

// DetachPartition prints ALTER TABLE parent DETACH PARTITION child.
func DetachPartition(parent, child state.QualName) string {
	return alterTable(parent) + "DETACH PARTITION " + Qual(child) + ";\n"
}

// Inherit prints ALTER TABLE child INHERIT parent.
func Inherit(child, parent state.QualName) string {
	return alterTable(child) + "INHERIT " + Qual(parent) + ";\n"
}

// NoInherit prints ALTER TABLE child NO INHERIT parent.
func NoInherit(child, parent state.QualName) string {
	return alterTable(child) + "NO INHERIT " + Qual(parent) + ";\n"
}

// DropColumnOnly prints ALTER TABLE ONLY ... DROP COLUMN: the children's
// copies of the column stay, as columns of their own.
func DropColumnOnly(t state.QualName, col string) string {
	return "ALTER TABLE ONLY " + Qual(t) + " DROP COLUMN " + QuoteIdent(col) + ";\n"
}

// WithoutInheritedGeneration returns t with the generation expression left
// out of each column of its own that its parents generate with the same
// expression. CREATE TABLE ... INHERITS up to PostgreSQL 15 refuses a
// child column that states a generation expression for an inherited
// generated column ("Omit the generation expression ... to inherit it"),
// which a child attached by ALTER TABLE ... INHERIT has in the catalog;
// left out, the child inherits the same expression on every version.
func WithoutInheritedGeneration(t state.Table, parents []state.Table) state.Table {
	if len(parents) == 0 {
		return t
	}
	var cols []state.Column
	for i, c := range t.Columns {
		if c.Inherited || c.Generated == "" {
			continue
		}
		inh, ok := state.InheritedColumn(parents, c.Name)
		if !ok || inh.Generated != c.Generated {
			continue
		}
		if cols == nil {
			cols = append([]state.Column(nil), t.Columns...)
		}
		cols[i].Generated = ""
	}
	if cols != nil {
		t.Columns = cols
	}
	return t
}

// SetMatviewTablespace prints ALTER MATERIALIZED VIEW ... SET TABLESPACE
// ("" is pg_default).
func SetMatviewTablespace(v state.QualName, ts string) string {
	if ts == "" {
		ts = "pg_default"
	}
	return "ALTER MATERIALIZED VIEW " + QualifiedName(v.Schema, v.Name) + " SET TABLESPACE " + QuoteIdent(ts) + ";\n"
}
