package sqlgen

import (
	"strconv"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// This file prints the statements the planner emits for changes. Each
// function returns one statement ending in ";\n". Object names are always
// schema-qualified so a plan runs the same under any search_path.

// CreateSchema prints CREATE SCHEMA.
func CreateSchema(s state.Schema) string { return "CREATE SCHEMA " + QuoteIdent(s.Name) + ";\n" }

// DropSchema prints DROP SCHEMA (never CASCADE: dependents are dropped by
// their own steps, so nothing the user wants disappears silently).
func DropSchema(name string) string { return "DROP SCHEMA " + QuoteIdent(name) + ";\n" }

// RenameSchema prints ALTER SCHEMA ... RENAME TO.
func RenameSchema(from, to string) string {
	return "ALTER SCHEMA " + QuoteIdent(from) + " RENAME TO " + QuoteIdent(to) + ";\n"
}

// Comment prints COMMENT ON kind target IS ...; an empty comment removes it.
// target is already quoted.
func Comment(kind, target, comment string) string {
	v := "NULL"
	if comment != "" {
		v = QuoteLiteral(comment)
	}
	return "COMMENT ON " + kind + " " + target + " IS " + v + ";\n"
}

// CreateExtension prints CREATE EXTENSION.
func CreateExtension(e state.Extension) string {
	return strings.Replace(ExtensionDefinition(e), " IF NOT EXISTS", "", 1)
}

// DropExtension prints DROP EXTENSION.
func DropExtension(name string) string { return "DROP EXTENSION " + QuoteIdent(name) + ";\n" }

// AlterExtensionUpdate prints ALTER EXTENSION ... UPDATE TO version.
func AlterExtensionUpdate(name, version string) string {
	return "ALTER EXTENSION " + QuoteIdent(name) + " UPDATE TO " + QuoteLiteral(version) + ";\n"
}

// AlterExtensionSchema prints ALTER EXTENSION ... SET SCHEMA.
func AlterExtensionSchema(name, schema string) string {
	return "ALTER EXTENSION " + QuoteIdent(name) + " SET SCHEMA " + QuoteIdent(schema) + ";\n"
}

// DropType prints DROP TYPE.
func DropType(q state.QualName) string { return "DROP TYPE " + Qual(q) + ";\n" }

// AddEnumValue prints ALTER TYPE ... ADD VALUE, placed BEFORE or AFTER a
// neighbour when one is given (after takes precedence when both are).
func AddEnumValue(q state.QualName, label, before, after string) string {
	s := "ALTER TYPE " + Qual(q) + " ADD VALUE " + QuoteLiteral(label)
	switch {
	case after != "":
		s += " AFTER " + QuoteLiteral(after)
	case before != "":
		s += " BEFORE " + QuoteLiteral(before)
	}
	return s + ";\n"
}

// RenameEnumValue prints ALTER TYPE ... RENAME VALUE.
func RenameEnumValue(q state.QualName, from, to string) string {
	return "ALTER TYPE " + Qual(q) + " RENAME VALUE " + QuoteLiteral(from) + " TO " + QuoteLiteral(to) + ";\n"
}

// DropSequence prints DROP SEQUENCE.
func DropSequence(q state.QualName) string { return "DROP SEQUENCE " + Qual(q) + ";\n" }

// AlterSequence prints ALTER SEQUENCE setting the data type and every
// option of to that differs from from. It never RESTARTs: START WITH only
// changes what a future RESTART would use, so a live sequence keeps its
// position.
func AlterSequence(q state.QualName, from, to state.SequenceOptions) string {
	return "ALTER SEQUENCE " + Qual(q) + sequenceChanges(from, to) + ";\n"
}

// sequenceChanges lists the option clauses that turn from into to.
func sequenceChanges(from, to state.SequenceOptions) string {
	var parts []string
	if from.DataType != to.DataType {
		parts = append(parts, "AS "+to.DataType)
	}
	if from.Increment != to.Increment {
		parts = append(parts, "INCREMENT BY "+itoa(to.Increment))
	}
	// MINVALUE/MAXVALUE are always spelled out when either bound or the
	// type changes: AS changes the implied bounds otherwise.
	if from.MinValue != to.MinValue || from.DataType != to.DataType {
		parts = append(parts, "MINVALUE "+itoa(to.MinValue))
	}
	if from.MaxValue != to.MaxValue || from.DataType != to.DataType {
		parts = append(parts, "MAXVALUE "+itoa(to.MaxValue))
	}
	if from.Start != to.Start {
		parts = append(parts, "START WITH "+itoa(to.Start))
	}
	if from.Cache != to.Cache {
		parts = append(parts, "CACHE "+itoa(to.Cache))
	}
	if from.Cycle != to.Cycle {
		if to.Cycle {
			parts = append(parts, "CYCLE")
		} else {
			parts = append(parts, "NO CYCLE")
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " " + strings.Join(parts, " ")
}

// RenameObject prints ALTER kind q RENAME TO to, for TABLE, SEQUENCE, TYPE
// and INDEX.
func RenameObject(kind string, q state.QualName, to string) string {
	return "ALTER " + kind + " " + Qual(q) + " RENAME TO " + QuoteIdent(to) + ";\n"
}

// DropTable prints DROP TABLE.
func DropTable(q state.QualName) string { return "DROP TABLE " + Qual(q) + ";\n" }

// alterTable starts ALTER TABLE for t. ONLY is not used: plain tables have
// no children yet in the model.
func alterTable(t state.QualName) string { return "ALTER TABLE " + Qual(t) + " " }

// AddColumn prints ALTER TABLE ... ADD COLUMN.
func AddColumn(t state.QualName, c state.Column) string {
	return alterTable(t) + "ADD COLUMN " + ColumnDefinition(c) + ";\n"
}

// DropColumn prints ALTER TABLE ... DROP COLUMN.
func DropColumn(t state.QualName, col string) string {
	return alterTable(t) + "DROP COLUMN " + QuoteIdent(col) + ";\n"
}

// RenameColumn prints ALTER TABLE ... RENAME COLUMN.
func RenameColumn(t state.QualName, from, to string) string {
	return alterTable(t) + "RENAME COLUMN " + QuoteIdent(from) + " TO " + QuoteIdent(to) + ";\n"
}

// AlterColumnType prints ALTER COLUMN ... TYPE, with COLLATE and a USING
// expression when given.
func AlterColumnType(t state.QualName, c state.Column, using string) string {
	s := alterTable(t) + "ALTER COLUMN " + QuoteIdent(c.Name) + " TYPE " + c.Type
	if c.Collation != "" {
		s += " COLLATE " + c.Collation
	}
	if using != "" {
		s += " USING " + using
	}
	return s + ";\n"
}

// alterColumn starts ALTER TABLE t ALTER COLUMN col.
func alterColumn(t state.QualName, col string) string {
	return alterTable(t) + "ALTER COLUMN " + QuoteIdent(col) + " "
}

// SetDefault prints ALTER COLUMN ... SET DEFAULT.
func SetDefault(t state.QualName, col, expr string) string {
	return alterColumn(t, col) + "SET DEFAULT " + expr + ";\n"
}

// DropDefault prints ALTER COLUMN ... DROP DEFAULT.
func DropDefault(t state.QualName, col string) string {
	return alterColumn(t, col) + "DROP DEFAULT;\n"
}

// SetNotNull prints ALTER COLUMN ... SET NOT NULL.
func SetNotNull(t state.QualName, col string) string {
	return alterColumn(t, col) + "SET NOT NULL;\n"
}

// DropNotNull prints ALTER COLUMN ... DROP NOT NULL.
func DropNotNull(t state.QualName, col string) string {
	return alterColumn(t, col) + "DROP NOT NULL;\n"
}

// AddIdentity prints ALTER COLUMN ... ADD GENERATED ... AS IDENTITY.
func AddIdentity(t state.QualName, c state.Column) string {
	return alterColumn(t, c.Name) + "ADD" + identityClause(c) + ";\n"
}

// DropIdentity prints ALTER COLUMN ... DROP IDENTITY.
func DropIdentity(t state.QualName, col string) string {
	return alterColumn(t, col) + "DROP IDENTITY;\n"
}

// AlterIdentity prints ALTER COLUMN ... SET GENERATED / SET options to turn
// from's identity into to's.
func AlterIdentity(t state.QualName, from, to state.Column) string {
	var parts []string
	if from.Identity != to.Identity {
		parts = append(parts, "SET GENERATED "+strings.ToUpper(string(to.Identity)))
	}
	if from.IdentityOptions != nil && to.IdentityOptions != nil {
		// The identity sequence's type follows the column's type (ALTER
		// COLUMN TYPE changes both), so it is not an option here.
		f := *from.IdentityOptions
		f.DataType = to.IdentityOptions.DataType
		if ch := sequenceChanges(f, *to.IdentityOptions); ch != "" {
			parts = append(parts, identitySetClauses(ch)...)
		}
	}
	return alterColumn(t, from.Name) + strings.Join(parts, " ") + ";\n"
}

// identitySetClauses turns " INCREMENT BY 2 CACHE 5" into ["SET INCREMENT
// BY 2", "SET CACHE 5"] for ALTER COLUMN ... SET sequence_option.
func identitySetClauses(ch string) []string {
	words := strings.Fields(ch)
	starts := map[string]bool{"AS": true, "INCREMENT": true, "MINVALUE": true, "MAXVALUE": true, "START": true, "CACHE": true, "CYCLE": true, "NO": true}
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		if starts[w] && !(w == "CYCLE" && i > 0 && words[i-1] == "NO") {
			out = append(out, "SET "+w)
			continue
		}
		out[len(out)-1] += " " + w
	}
	return out
}

// DropExpression prints ALTER COLUMN ... DROP EXPRESSION, which turns a
// generated column into a plain one keeping its values (PostgreSQL 13+).
func DropExpression(t state.QualName, col string) string {
	return alterColumn(t, col) + "DROP EXPRESSION;\n"
}

// AddConstraint prints ALTER TABLE ... ADD CONSTRAINT, NOT VALID when the
// constraint is.
func AddConstraint(t state.Table, c state.Constraint) string {
	s := alterTable(t.QualName()) + "ADD CONSTRAINT " + QuoteIdent(c.Name) + " " + c.Definition
	if c.NotValid {
		s += " NOT VALID"
	}
	return s + ";\n"
}

// DropConstraint prints ALTER TABLE ... DROP CONSTRAINT.
func DropConstraint(t state.QualName, name string) string {
	return alterTable(t) + "DROP CONSTRAINT " + QuoteIdent(name) + ";\n"
}

// ValidateConstraint prints ALTER TABLE ... VALIDATE CONSTRAINT.
func ValidateConstraint(t state.QualName, name string) string {
	return alterTable(t) + "VALIDATE CONSTRAINT " + QuoteIdent(name) + ";\n"
}

// RenameConstraint prints ALTER TABLE ... RENAME CONSTRAINT.
func RenameConstraint(t state.QualName, from, to string) string {
	return alterTable(t) + "RENAME CONSTRAINT " + QuoteIdent(from) + " TO " + QuoteIdent(to) + ";\n"
}

// CreateIndex prints the index's definition as a statement.
func CreateIndex(ix state.Index) string { return ix.Definition + ";\n" }

// DropIndex prints DROP INDEX.
func DropIndex(schema, name string) string {
	return "DROP INDEX " + QualifiedName(schema, name) + ";\n"
}

// SetLogged prints ALTER TABLE ... SET LOGGED or SET UNLOGGED.
func SetLogged(t state.QualName, logged bool) string {
	if logged {
		return alterTable(t) + "SET LOGGED;\n"
	}
	return alterTable(t) + "SET UNLOGGED;\n"
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
