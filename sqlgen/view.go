package sqlgen

import (
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// viewWord is the SQL word for a view's kind: "VIEW" or "MATERIALIZED
// VIEW".
func viewWord(materialized bool) string {
	if materialized {
		return "MATERIALIZED VIEW"
	}
	return "VIEW"
}

// ViewDefinition prints a view's file: CREATE [MATERIALIZED] VIEW, a
// materialized view's indexes, the view's privileges, and the comments on
// all of them.
func ViewDefinition(v state.View) string {
	var b strings.Builder
	b.WriteString(CreateView(v))
	b.WriteString(ViewColumnDefaults(v))
	if len(v.Indexes) > 0 {
		b.WriteString("\n")
	}
	for _, ix := range v.Indexes {
		b.WriteString(CreateIndex(ix))
	}
	if v.ClusterOn != "" {
		b.WriteString(MatviewClusterOn(v.QualName(), v.ClusterOn))
	}
	if grants := OwnerPrivilegesDefinition(v.Key(), v.OwnerRevoked) + PrivilegesDefinition(v.Key(), v.Privileges) + ViewColumnPrivilegesDefinition(v); grants != "" {
		b.WriteString("\n" + grants)
	}
	var comments strings.Builder
	name := QualifiedName(v.Schema, v.Name)
	writeComment(&comments, viewWord(v.Materialized), name, v.Comment)
	for _, c := range sortedKeys(v.ColumnComments) {
		writeComment(&comments, "COLUMN", name+"."+QuoteIdent(c), v.ColumnComments[c])
	}
	for _, ix := range v.Indexes {
		writeComment(&comments, "INDEX", QualifiedName(v.Schema, ix.Name), ix.Comment)
	}
	if comments.Len() > 0 {
		b.WriteString("\n")
		b.WriteString(comments.String())
	}
	return b.String()
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// CreateView prints CREATE VIEW or CREATE MATERIALIZED VIEW for v. A
// view's check_option reloption is printed as WITH ... CHECK OPTION after
// the query, as pg_dump does; a materialized view is created WITH DATA
// (the default).
func CreateView(v state.View) string { return createView(v, false) }

// CreateOrReplaceView prints CREATE OR REPLACE VIEW for a plain view:
// PostgreSQL keeps the view (and what depends on it) and replaces its
// query and options, provided the new query's columns start with the old
// ones, with the same names and types.
func CreateOrReplaceView(v state.View) string { return createView(v, true) }

func createView(v state.View, replace bool) string {
	var b strings.Builder
	b.WriteString("CREATE ")
	if replace {
		b.WriteString("OR REPLACE ")
	}
	b.WriteString(viewWord(v.Materialized) + " " + QualifiedName(v.Schema, v.Name))
	opts, check := splitCheckOption(v)
	if len(opts) > 0 {
		b.WriteString(" WITH (" + formatOptions(opts) + ")")
	}
	if v.Materialized && v.Tablespace != "" {
		b.WriteString(" TABLESPACE " + QuoteIdent(v.Tablespace))
	}
	def := strings.TrimRight(v.Definition, " \t\r\n;")
	b.WriteString(" AS\n" + def)
	if check != "" {
		b.WriteString("\n  WITH " + strings.ToUpper(check) + " CHECK OPTION")
	}
	b.WriteString(";\n")
	return b.String()
}

// splitCheckOption separates a plain view's check_option reloption
// ("local" or "cascaded") from its other options.
func splitCheckOption(v state.View) (opts []string, check string) {
	for _, o := range v.Options {
		name, value, _ := strings.Cut(o, "=")
		if !v.Materialized && name == "check_option" && (value == "local" || value == "cascaded") {
			check = value
			continue
		}
		opts = append(opts, o)
	}
	return opts, check
}

// formatOptions prints name=value options as flatten_reloptions does: the
// value bare when it is a plain identifier, quoted otherwise.
func formatOptions(opts []string) string {
	parts := make([]string, len(opts))
	for i, o := range opts {
		name, value, _ := strings.Cut(o, "=")
		if QuoteIdent(value) != value {
			value = QuoteLiteral(value)
		}
		parts[i] = QuoteIdent(name) + "=" + value
	}
	return strings.Join(parts, ", ")
}

// DropView prints DROP VIEW or DROP MATERIALIZED VIEW (never CASCADE:
// dependent views are dropped by their own steps).
func DropView(q state.QualName, materialized bool) string {
	return "DROP " + viewWord(materialized) + " " + Qual(q) + ";\n"
}

// RenameView prints ALTER [MATERIALIZED] VIEW ... RENAME TO.
func RenameView(q state.QualName, materialized bool, to string) string {
	return "ALTER " + viewWord(materialized) + " " + Qual(q) + " RENAME TO " + QuoteIdent(to) + ";\n"
}

// SetViewOptions prints ALTER [MATERIALIZED] VIEW ... SET (options), with
// check_option last: PostgreSQL keeps reloptions in the order given, and
// CREATE VIEW ... WITH CHECK OPTION puts it after the WITH (...) options.
func SetViewOptions(q state.QualName, materialized bool, opts []string) string {
	var ordered, check []string
	for _, o := range opts {
		if strings.HasPrefix(o, "check_option=") {
			check = append(check, o)
		} else {
			ordered = append(ordered, o)
		}
	}
	ordered = append(ordered, check...)
	return "ALTER " + viewWord(materialized) + " " + Qual(q) + " SET (" + formatOptions(ordered) + ");\n"
}

// ResetViewOptions prints ALTER [MATERIALIZED] VIEW ... RESET (names).
func ResetViewOptions(q state.QualName, materialized bool, names []string) string {
	return "ALTER " + viewWord(materialized) + " " + Qual(q) + " RESET (" + quoteIdents(names) + ");\n"
}

// CommentOnView prints COMMENT ON [MATERIALIZED] VIEW; an empty comment
// removes it.
func CommentOnView(v state.View, comment string) string {
	return Comment(viewWord(v.Materialized), QualifiedName(v.Schema, v.Name), comment)
}

// CommentOnViewColumn prints COMMENT ON COLUMN for a view's column.
func CommentOnViewColumn(v state.View, column, comment string) string {
	return Comment("COLUMN", QualifiedName(v.Schema, v.Name)+"."+QuoteIdent(column), comment)
}

// CreateTempView prints CREATE TEMP VIEW name AS query, one statement
// without a semicolon: the temporary view the server tier of
// normalization has PostgreSQL print a local query through.
func CreateTempView(name, query string) string {
	return "CREATE TEMP VIEW " + QuoteIdent(name) + " AS " + query
}
