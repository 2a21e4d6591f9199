package sqlgen

import (
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// This file prints domains, composite and range types: their canonical
// definitions and the statements that change them. Enums are in
// define.go.

// createTypeDetails prints CREATE DOMAIN, CREATE TYPE ... AS (...) or
// CREATE TYPE ... AS RANGE for a type of those kinds. A domain's NOT VALID
// checks are not part of it (CREATE DOMAIN validates): see
// typeExtraDefinition.
func createTypeDetails(t state.Type) string {
	name := QualifiedName(t.Schema, t.Name)
	var b strings.Builder
	switch t.Kind {
	case state.TypeDomain:
		b.WriteString("CREATE DOMAIN " + name + " AS " + t.BaseType)
		if t.Collation != "" {
			b.WriteString(" COLLATE " + t.Collation)
		}
		if t.Default != "" {
			b.WriteString(" DEFAULT " + DefaultExpr(t.Default))
		}
		if t.NotNull {
			b.WriteString(" NOT NULL")
		}
		for _, c := range t.Checks {
			if !c.NotValid {
				b.WriteString("\n    CONSTRAINT " + QuoteIdent(c.Name) + " " + c.Definition)
			}
		}
		b.WriteString(";\n")
	case state.TypeComposite:
		b.WriteString("CREATE TYPE " + name + " AS (")
		for i, a := range t.Attributes {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString("\n    " + attributeDefinition(a))
		}
		if len(t.Attributes) > 0 {
			b.WriteString("\n")
		}
		b.WriteString(");\n")
	case state.TypeRange:
		opts := []string{"SUBTYPE = " + t.Subtype}
		if t.SubtypeOpClass != "" {
			opts = append(opts, "SUBTYPE_OPCLASS = "+t.SubtypeOpClass)
		}
		if t.Collation != "" {
			opts = append(opts, "COLLATION = "+t.Collation)
		}
		if t.Canonical != "" {
			opts = append(opts, "CANONICAL = "+t.Canonical)
		}
		if t.SubtypeDiff != "" {
			opts = append(opts, "SUBTYPE_DIFF = "+t.SubtypeDiff)
		}
		// The default multirange name is left out: PostgreSQL 13 has no
		// multiranges and refuses the option.
		if t.MultirangeName != "" && t.MultirangeName != QualifiedName(t.Schema, defaultMultirangeName(t.Name)) {
			opts = append(opts, "MULTIRANGE_TYPE_NAME = "+t.MultirangeName)
		}
		b.WriteString("CREATE TYPE " + name + " AS RANGE (\n    " + strings.Join(opts, ",\n    ") + "\n);\n")
	}
	return b.String()
}

// defaultMultirangeName is PostgreSQL's makeMultirangeTypeName (the
// parser's DefaultMultirangeName; sqlgen cannot import the parser).
func defaultMultirangeName(rangeName string) string {
	var s string
	if i := strings.Index(rangeName, "range"); i >= 0 {
		s = rangeName[:i] + "multi" + rangeName[i:]
	} else {
		s = clipTypeName(rangeName, 64-12) + "_multirange"
	}
	return clipTypeName(s, 63)
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

// attributeDefinition prints a composite attribute: name, type, collation.
func attributeDefinition(a state.Attribute) string {
	s := QuoteIdent(a.Name) + " " + a.Type
	if a.Collation != "" {
		s += " COLLATE " + a.Collation
	}
	return s
}

// typeKeyword is the word COMMENT ON uses for t.
func typeKeyword(t state.Type) string {
	if t.Kind == state.TypeDomain {
		return "DOMAIN"
	}
	return "TYPE"
}

// typeExtraDefinition prints what a type's file holds besides CREATE and
// the type's own comment: a domain's NOT VALID checks and the comments on
// domain checks and composite attributes.
func typeExtraDefinition(t state.Type) string {
	var b strings.Builder
	name := QualifiedName(t.Schema, t.Name)
	for _, c := range t.Checks {
		if c.NotValid {
			b.WriteString(AddDomainConstraint(t.QualName(), c))
		}
	}
	for _, c := range t.Checks {
		writeComment(&b, "CONSTRAINT", QuoteIdent(c.Name)+" ON DOMAIN "+name, c.Comment)
	}
	for _, a := range t.Attributes {
		writeComment(&b, "COLUMN", name+"."+QuoteIdent(a.Name), a.Comment)
	}
	return b.String()
}

// CommentOnType prints COMMENT ON TYPE (or DOMAIN) for t's comment.
func CommentOnType(t state.Type) string {
	return Comment(typeKeyword(t), QualifiedName(t.Schema, t.Name), t.Comment)
}

// CommentOnDomainConstraint prints COMMENT ON CONSTRAINT ... ON DOMAIN.
func CommentOnDomainConstraint(q state.QualName, c state.Constraint) string {
	return Comment("CONSTRAINT", QuoteIdent(c.Name)+" ON DOMAIN "+Qual(q), c.Comment)
}

// CommentOnAttribute prints COMMENT ON COLUMN type.attribute.
func CommentOnAttribute(q state.QualName, a state.Attribute) string {
	return Comment("COLUMN", Qual(q)+"."+QuoteIdent(a.Name), a.Comment)
}

// RenameType prints ALTER TYPE ... RENAME TO, which serves domains too.
func RenameType(q state.QualName, to string) string { return RenameObject("TYPE", q, to) }

// alterDomain starts ALTER DOMAIN q.
func alterDomain(q state.QualName) string { return "ALTER DOMAIN " + Qual(q) + " " }

// AlterDomainDefault prints ALTER DOMAIN ... SET DEFAULT, or DROP DEFAULT
// for an empty expression.
func AlterDomainDefault(q state.QualName, expr string) string {
	if expr == "" {
		return alterDomain(q) + "DROP DEFAULT;\n"
	}
	return alterDomain(q) + "SET DEFAULT " + expr + ";\n"
}

// AlterDomainNotNull prints ALTER DOMAIN ... SET NOT NULL or DROP NOT NULL.
func AlterDomainNotNull(q state.QualName, notNull bool) string {
	if notNull {
		return alterDomain(q) + "SET NOT NULL;\n"
	}
	return alterDomain(q) + "DROP NOT NULL;\n"
}

// AddDomainConstraint prints ALTER DOMAIN ... ADD CONSTRAINT, NOT VALID
// when the constraint is.
func AddDomainConstraint(q state.QualName, c state.Constraint) string {
	s := alterDomain(q) + "ADD CONSTRAINT " + QuoteIdent(c.Name) + " " + c.Definition
	if c.NotValid {
		s += " NOT VALID"
	}
	return s + ";\n"
}

// DropDomainConstraint prints ALTER DOMAIN ... DROP CONSTRAINT.
func DropDomainConstraint(q state.QualName, name string) string {
	return alterDomain(q) + "DROP CONSTRAINT " + QuoteIdent(name) + ";\n"
}

// ValidateDomainConstraint prints ALTER DOMAIN ... VALIDATE CONSTRAINT.
func ValidateDomainConstraint(q state.QualName, name string) string {
	return alterDomain(q) + "VALIDATE CONSTRAINT " + QuoteIdent(name) + ";\n"
}

// AddAttribute prints ALTER TYPE ... ADD ATTRIBUTE.
func AddAttribute(q state.QualName, a state.Attribute) string {
	return "ALTER TYPE " + Qual(q) + " ADD ATTRIBUTE " + attributeDefinition(a) + ";\n"
}

// DropAttribute prints ALTER TYPE ... DROP ATTRIBUTE.
func DropAttribute(q state.QualName, name string) string {
	return "ALTER TYPE " + Qual(q) + " DROP ATTRIBUTE " + QuoteIdent(name) + ";\n"
}

// AlterAttributeType prints ALTER TYPE ... ALTER ATTRIBUTE ... TYPE, with
// the attribute's collation.
func AlterAttributeType(q state.QualName, a state.Attribute) string {
	s := "ALTER TYPE " + Qual(q) + " ALTER ATTRIBUTE " + QuoteIdent(a.Name) + " TYPE " + a.Type
	if a.Collation != "" {
		s += " COLLATE " + a.Collation
	}
	return s + ";\n"
}

// ConvertColumnType prints ALTER TABLE ... ALTER COLUMN ... TYPE typ
// [COLLATE coll] USING using, the statement that moves a column onto a
// recreated type.
func ConvertColumnType(t state.QualName, col, typ, coll, using string) string {
	s := alterTable(t) + "ALTER COLUMN " + QuoteIdent(col) + " TYPE " + typ
	if coll != "" {
		s += " COLLATE " + coll
	}
	return s + " USING " + using + ";\n"
}

// CollationDefinition prints a collation's file: CREATE COLLATION and its
// comment.
func CollationDefinition(c state.Collation) string {
	var b strings.Builder
	b.WriteString(CreateCollation(c))
	writeComment(&b, "COLLATION", QualifiedName(c.Schema, c.Name), c.Comment)
	return b.String()
}

// CreateCollation prints CREATE COLLATION with the provider always
// spelled out; a copy of the built-in "C" or "POSIX" collation, usable in
// any encoding, is printed as the copy it is (FROM), which no option list
// can express.
func CreateCollation(c state.Collation) string {
	if c.Provider == "libc" && c.AnyEncoding && (c.Locale == "C" || c.Locale == "POSIX") && c.Deterministic && c.Rules == "" {
		return "CREATE COLLATION " + QualifiedName(c.Schema, c.Name) + " FROM " + QuoteIdent(c.Locale) + ";\n"
	}
	opts := []string{"provider = " + c.Provider}
	if c.Locale != "" {
		opts = append(opts, "locale = "+QuoteLiteral(c.Locale))
	}
	if c.LcCollate != "" {
		opts = append(opts, "lc_collate = "+QuoteLiteral(c.LcCollate))
	}
	if c.LcCtype != "" {
		opts = append(opts, "lc_ctype = "+QuoteLiteral(c.LcCtype))
	}
	if !c.Deterministic {
		opts = append(opts, "deterministic = false")
	}
	if c.Rules != "" {
		opts = append(opts, "rules = "+QuoteLiteral(c.Rules))
	}
	return "CREATE COLLATION " + QualifiedName(c.Schema, c.Name) + " (" + strings.Join(opts, ", ") + ");\n"
}

// DropCollation prints DROP COLLATION.
func DropCollation(q state.QualName) string { return "DROP COLLATION " + Qual(q) + ";\n" }

// RenameCollation prints ALTER COLLATION ... RENAME TO.
func RenameCollation(q state.QualName, to string) string {
	return "ALTER COLLATION " + Qual(q) + " RENAME TO " + QuoteIdent(to) + ";\n"
}

// RenameRangeFunction prints ALTER FUNCTION q(args) RENAME TO to, for the
// constructor functions PostgreSQL makes for a range type and its
// multirange (args is the argument type list as SQL).
func RenameRangeFunction(q state.QualName, args, to string) string {
	return "ALTER FUNCTION " + Qual(q) + "(" + args + ") RENAME TO " + QuoteIdent(to) + ";\n"
}

// TypeCascade turns an ALTER TYPE ... ADD / DROP / ALTER ATTRIBUTE
// statement (one statement ending in ";\n") into its CASCADE form, which
// changes the columns of the type's typed tables too.
func TypeCascade(stmt string) string {
	return strings.TrimSuffix(stmt, ";\n") + " CASCADE;\n"
}

// OfType prints ALTER TABLE ... OF type, which makes a table whose
// columns match the composite type's attributes a typed table.
func OfType(t, typ state.QualName) string {
	return alterTable(t) + "OF " + Qual(typ) + ";\n"
}

// NotOfType prints ALTER TABLE ... NOT OF: the typed table becomes an
// ordinary one, keeping its columns.
func NotOfType(t state.QualName) string {
	return alterTable(t) + "NOT OF;\n"
}
