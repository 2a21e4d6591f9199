package sqlgen

import (
	"fmt"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// This file prints the canonical definition of each object: the text of
// the user's per-object files. Definitions are complete and self-contained
// (an object, its comments and what belongs to it) and end with a newline.
// Statement order inside a file is for readers; the parser does not depend
// on it.

// ExtensionDefinition prints CREATE EXTENSION for e.
func ExtensionDefinition(e state.Extension) string {
	var b strings.Builder
	b.WriteString("CREATE EXTENSION IF NOT EXISTS " + QuoteIdent(e.Name))
	if e.Schema != "" {
		b.WriteString(" WITH SCHEMA " + QuoteIdent(e.Schema))
	}
	if e.Version != "" {
		b.WriteString(" VERSION " + QuoteLiteral(e.Version))
	}
	b.WriteString(";\n")
	return b.String()
}

// SchemaDefinition prints CREATE SCHEMA and its comment. The public schema
// exists in every database, so it is written with IF NOT EXISTS.
func SchemaDefinition(s state.Schema) string {
	var b strings.Builder
	if s.Name == "public" {
		b.WriteString("CREATE SCHEMA IF NOT EXISTS public;\n")
	} else {
		b.WriteString("CREATE SCHEMA " + QuoteIdent(s.Name) + ";\n")
	}
	writeComment(&b, "SCHEMA", QuoteIdent(s.Name), s.Comment)
	b.WriteString(OwnerPrivilegesDefinition(state.ObjectKey{Kind: state.KindSchema, Name: s.Name}, s.OwnerRevoked))
	b.WriteString(PrivilegesDefinition(state.ObjectKey{Kind: state.KindSchema, Name: s.Name}, s.Privileges))
	return b.String()
}

// TypeDefinition prints CREATE TYPE and its comment.
func TypeDefinition(t state.Type) string {
	var b strings.Builder
	b.WriteString(CreateType(t))
	b.WriteString(typeExtraDefinition(t))
	writeComment(&b, typeKeyword(t), QualifiedName(t.Schema, t.Name), t.Comment)
	b.WriteString(OwnerPrivilegesDefinition(state.ObjectKey{Kind: state.KindType, Schema: t.Schema, Name: t.Name}, t.OwnerRevoked))
	b.WriteString(PrivilegesDefinition(state.ObjectKey{Kind: state.KindType, Schema: t.Schema, Name: t.Name}, t.Privileges))
	return b.String()
}

// CreateType prints the CREATE TYPE statement alone.
func CreateType(t state.Type) string {
	switch t.Kind {
	case state.TypeEnum:
		if len(t.Labels) == 0 {
			return "CREATE TYPE " + QualifiedName(t.Schema, t.Name) + " AS ENUM ();\n"
		}
		labels := make([]string, len(t.Labels))
		for i, l := range t.Labels {
			labels[i] = "    " + QuoteLiteral(l)
		}
		return "CREATE TYPE " + QualifiedName(t.Schema, t.Name) + " AS ENUM (\n" + strings.Join(labels, ",\n") + "\n);\n"
	case state.TypeDomain, state.TypeComposite, state.TypeRange:
		return createTypeDetails(t)
	}
	panic(fmt.Sprintf("sqlgen: unknown type kind %q", t.Kind))
}

// SequenceDefinition prints a sequence with its comment. The OWNED BY
// clause is included: an owned sequence lives in its table's file.
func SequenceDefinition(s state.Sequence) string {
	var b strings.Builder
	b.WriteString(CreateSequence(s))
	if s.OwnedBy != nil {
		b.WriteString(SequenceOwnedBy(s))
	}
	writeComment(&b, "SEQUENCE", QualifiedName(s.Schema, s.Name), s.Comment)
	b.WriteString(OwnerPrivilegesDefinition(SequenceKey(s), s.OwnerRevoked))
	b.WriteString(PrivilegesDefinition(SequenceKey(s), s.Privileges))
	return b.String()
}

// CreateSequence prints CREATE SEQUENCE with the data type always spelled
// out (dropping AS integer is a classic false diff) and every other option
// only where it differs from PostgreSQL's default.
func CreateSequence(s state.Sequence) string {
	return "CREATE SEQUENCE " + QualifiedName(s.Schema, s.Name) + " AS " + s.DataType + sequenceOptions(s.SequenceOptions, false) + ";\n"
}

// SequenceOwnedBy prints ALTER SEQUENCE ... OWNED BY for an owned sequence,
// or OWNED BY NONE.
func SequenceOwnedBy(s state.Sequence) string {
	owner := "NONE"
	if s.OwnedBy != nil {
		owner = QualifiedName(s.Schema, s.OwnedBy.Table) + "." + QuoteIdent(s.OwnedBy.Column)
	}
	return "ALTER SEQUENCE " + QualifiedName(s.Schema, s.Name) + " OWNED BY " + owner + ";\n"
}

// sequenceOptions prints the options of o that differ from the defaults for
// its type and increment, each preceded by a space. The data type itself is
// printed by the caller; with all set, every option is printed (for ALTER
// SEQUENCE, where "default" means "unchanged").
func sequenceOptions(o state.SequenceOptions, all bool) string {
	d := state.DefaultSequenceOptions(o.DataType, o.Increment)
	var parts []string
	if all || o.Increment != 1 {
		parts = append(parts, fmt.Sprintf("INCREMENT BY %d", o.Increment))
	}
	if all || o.MinValue != d.MinValue {
		parts = append(parts, fmt.Sprintf("MINVALUE %d", o.MinValue))
	}
	if all || o.MaxValue != d.MaxValue {
		parts = append(parts, fmt.Sprintf("MAXVALUE %d", o.MaxValue))
	}
	// START's default follows MINVALUE/MAXVALUE, not the type's range.
	defStart := o.MinValue
	if o.Increment < 0 {
		defStart = o.MaxValue
	}
	if all || o.Start != defStart {
		parts = append(parts, fmt.Sprintf("START WITH %d", o.Start))
	}
	if all || o.Cache != 1 {
		parts = append(parts, fmt.Sprintf("CACHE %d", o.Cache))
	}
	if o.Cycle {
		parts = append(parts, "CYCLE")
	} else if all {
		parts = append(parts, "NO CYCLE")
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + strings.Join(parts, " ")
}

// TableDefinition prints a table's file: its owned sequences, CREATE TABLE
// with columns and constraints, its indexes, and comments on all of them.
// owned are the sequences owned by the table's columns; parents are the
// tables a partition or inheritance child inherits from (see ParentTables),
// so that only what its inherited columns do differently is printed.
func TableDefinition(t state.Table, owned []state.Sequence, parents ...state.Table) string {
	var b strings.Builder
	for _, s := range owned {
		b.WriteString(CreateSequence(s))
	}
	if len(owned) > 0 {
		b.WriteString("\n")
	}
	inline, later := splitConstraints(t.Constraints, func(c state.Constraint) bool { return c.NotValid })
	b.WriteString(CreateTable(WithoutInheritedGeneration(t, parents), inline))
	for _, c := range later {
		b.WriteString(AddConstraint(t, c))
	}
	b.WriteString(tableColumnsExtra(t, parents))
	if len(t.Indexes) > 0 {
		b.WriteString("\n")
	}
	for _, ix := range t.Indexes {
		b.WriteString(ix.Definition + ";\n")
		b.WriteString(IndexSettings(t.Schema, ix))
	}
	if t.ClusterOn != "" {
		b.WriteString(ClusterOn(t.QualName(), t.ClusterOn))
	}
	if t.ReplicaIdentity != "" {
		b.WriteString(ReplicaIdentity(t.QualName(), t.ReplicaIdentity))
	}
	if len(owned) > 0 {
		b.WriteString("\n")
	}
	for _, s := range owned {
		b.WriteString(SequenceOwnedBy(s))
	}
	var comments strings.Builder
	name := QualifiedName(t.Schema, t.Name)
	writeComment(&comments, TableWord(t), name, t.Comment)
	for _, c := range t.Columns {
		writeComment(&comments, "COLUMN", name+"."+QuoteIdent(c.Name), c.Comment)
	}
	for _, c := range t.Constraints {
		writeComment(&comments, "CONSTRAINT", QuoteIdent(c.Name)+" ON "+name, c.Comment)
		writeComment(&comments, "INDEX", QualifiedName(t.Schema, c.Name), c.IndexComment)
	}
	for _, ix := range t.Indexes {
		writeComment(&comments, "INDEX", QualifiedName(t.Schema, ix.Name), ix.Comment)
	}
	for _, s := range owned {
		writeComment(&comments, "SEQUENCE", QualifiedName(s.Schema, s.Name), s.Comment)
	}
	if comments.Len() > 0 {
		b.WriteString("\n")
		b.WriteString(comments.String())
	}
	b.WriteString(TableSecurityDefinition(t, owned))
	return b.String()
}

// splitConstraints separates constraints for which out returns true.
func splitConstraints(cs []state.Constraint, out func(state.Constraint) bool) (in, rest []state.Constraint) {
	for _, c := range cs {
		if out(c) {
			rest = append(rest, c)
		} else {
			in = append(in, c)
		}
	}
	return in, rest
}

// CreateTable prints CREATE TABLE with t's columns and the given
// constraints (the caller decides which constraints go inline: the planner
// adds foreign keys separately so tables can reference each other).
//
// Inherited columns are not written: a partition or inheritance child gets
// them from its parents (see TableDefinition for what it changes).
func CreateTable(t state.Table, constraints []state.Constraint) string {
	return createTable(t, constraints, false)
}

// createTable prints CreateTable, or CreateTempTable when temp is set.
func createTable(t state.Table, constraints []state.Constraint, temp bool) string {
	var b strings.Builder
	b.WriteString(createTableHead(t, temp))
	typed := t.OfType != nil && !temp
	var lines []string
	for _, c := range t.Columns {
		switch {
		case typed:
			if o := typedColumnOptions(c); o != "" {
				lines = append(lines, "    "+o)
			}
		case !c.Inherited:
			lines = append(lines, "    "+ColumnDefinition(c))
		}
	}
	for _, c := range constraints {
		lines = append(lines, "    CONSTRAINT "+QuoteIdent(c.Name)+" "+c.Definition)
	}
	switch {
	case len(lines) > 0:
		b.WriteString(" (\n" + strings.Join(lines, ",\n") + "\n)")
	case t.PartitionOf == nil && !typed:
		b.WriteString(" ()")
	}
	b.WriteString(createTableTail(t))
	b.WriteString(";\n")
	return b.String()
}

// typedColumnOptions prints the entry of a typed table's column in CREATE
// TABLE ... OF (c WITH OPTIONS DEFAULT ... NOT NULL), as pg_dump does, or
// "" when the column has nothing of its own there: its type and
// collation are the composite type's.
func typedColumnOptions(c state.Column) string {
	var b strings.Builder
	if c.Default != "" {
		b.WriteString(" DEFAULT " + DefaultExpr(c.Default))
	}
	if c.NotNull {
		b.WriteString(" NOT NULL")
	}
	if b.Len() == 0 {
		return ""
	}
	return QuoteIdent(c.Name) + " WITH OPTIONS" + b.String()
}

// ColumnDefinition prints one column as it appears in CREATE TABLE or ADD
// COLUMN: name, type, collation, default/generated/identity, NOT NULL.
func ColumnDefinition(c state.Column) string {
	var b strings.Builder
	b.WriteString(QuoteIdent(c.Name) + " " + c.Type)
	if c.Compression != "" {
		b.WriteString(" COMPRESSION " + c.Compression)
	}
	// A foreign table column's options come before its COLLATE and
	// constraints.
	b.WriteString(OptionsClause(c.FDWOptions))
	if c.Collation != "" {
		b.WriteString(" COLLATE " + c.Collation)
	}
	switch {
	case c.Generated != "":
		b.WriteString(" GENERATED ALWAYS AS (" + c.Generated + ") STORED")
	case c.Identity != "":
		b.WriteString(identityClause(c))
	case c.Default != "":
		b.WriteString(" DEFAULT " + DefaultExpr(c.Default))
	}
	if c.NotNull {
		b.WriteString(" NOT NULL")
	}
	return b.String()
}

// identityClause prints GENERATED ... AS IDENTITY with the options that
// differ from the defaults for the column's type.
func identityClause(c state.Column) string {
	s := " GENERATED " + strings.ToUpper(string(c.Identity)) + " AS IDENTITY"
	if c.IdentityOptions != nil {
		if opts := sequenceOptions(*c.IdentityOptions, false); opts != "" {
			s += " (" + strings.TrimPrefix(opts, " ") + ")"
		}
	}
	return s
}

// writeComment appends COMMENT ON kind target IS '...'; when comment is set.
func writeComment(b *strings.Builder, kind, target, comment string) {
	if comment == "" {
		return
	}
	b.WriteString("COMMENT ON " + kind + " " + target + " IS " + QuoteLiteral(comment) + ";\n")
}

// Dump prints a whole schema as one SQL text, every object's definition in
// a fixed order. The planner parses the remote side from this text so both
// sides share the parser's canonical forms.
func Dump(s state.DatabaseSchema) string {
	var b strings.Builder
	for _, e := range s.Extensions {
		b.WriteString(ExtensionDefinition(e))
	}
	b.WriteString(MemberPrivileges(s.MemberPrivileges))
	for _, sc := range s.Schemas {
		b.WriteString(SchemaDefinition(sc))
	}
	for _, c := range s.Collations {
		b.WriteString(CollationDefinition(c))
	}
	for _, t := range s.Types {
		b.WriteString(TypeDefinition(t))
	}
	owned := OwnedSequences(s)
	for _, sq := range s.Sequences {
		if sq.OwnedBy == nil {
			b.WriteString(SequenceDefinition(sq))
		} else if _, ok := s.Table(state.QualName{Schema: sq.Schema, Name: sq.OwnedBy.Table}); !ok {
			b.WriteString(SequenceDefinition(sq))
		}
	}
	b.WriteString(dumpFunctions(s))
	b.WriteString(dumpDefObjects(s, false))
	for _, t := range s.Tables {
		b.WriteString(TableDefinition(t, owned[t.QualName()], ParentTables(s, t)...))
	}
	b.WriteString(dumpDefObjects(s, true))
	for _, v := range s.Views {
		b.WriteString(ViewDefinition(v))
	}
	b.WriteString(dumpRules(s))
	b.WriteString(DefaultPrivilegesDefinition(s.DefaultPrivileges))
	b.WriteString(PublicationsDefinition(s.Publications))
	b.WriteString(ForeignDataDefinition(s.ForeignDataWrappers, s.Servers))
	b.WriteString(SubscriptionsDefinition(s.Subscriptions))
	b.WriteString(dumpTriggers(s))
	return b.String()
}

// OwnedSequences groups the sequences owned by a table column by table.
// Sequences owned by a table that is not in s are not returned.
func OwnedSequences(s state.DatabaseSchema) map[state.QualName][]state.Sequence {
	m := make(map[state.QualName][]state.Sequence)
	for _, sq := range s.Sequences {
		if sq.OwnedBy == nil {
			continue
		}
		q := state.QualName{Schema: sq.Schema, Name: sq.OwnedBy.Table}
		m[q] = append(m[q], sq)
	}
	return m
}
