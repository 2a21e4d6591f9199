package sqlgen

import (
	"sort"
	"strconv"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// This file prints the settings PostgreSQL keeps beside a relation's
// definition: the index a table is clustered on, columns' statistics
// targets and attribute options, statistics targets of index expression
// columns, comments on the indexes of constraints and the column defaults
// of views. Column settings are the table's own (ALTER TABLE ONLY), as
// pg_dump writes them: SET STATISTICS would otherwise reach the children.

// ClusterOn prints ALTER TABLE ... CLUSTER ON index, or SET WITHOUT
// CLUSTER for "".
func ClusterOn(t state.QualName, index string) string {
	if index == "" {
		return alterTable(t) + "SET WITHOUT CLUSTER;\n"
	}
	return alterTable(t) + "CLUSTER ON " + QuoteIdent(index) + ";\n"
}

// MatviewClusterOn prints ALTER MATERIALIZED VIEW ... CLUSTER ON index, or
// SET WITHOUT CLUSTER for "".
func MatviewClusterOn(v state.QualName, index string) string {
	if index == "" {
		return "ALTER MATERIALIZED VIEW " + Qual(v) + " SET WITHOUT CLUSTER;\n"
	}
	return "ALTER MATERIALIZED VIEW " + Qual(v) + " CLUSTER ON " + QuoteIdent(index) + ";\n"
}

// alterColumnOnly starts ALTER TABLE ONLY t ALTER COLUMN c.
func alterColumnOnly(t state.QualName, col string) string {
	return "ALTER TABLE ONLY " + Qual(t) + " ALTER COLUMN " + QuoteIdent(col) + " "
}

// SetStatistics prints ALTER COLUMN ... SET STATISTICS for a column's
// target; nil is the default, -1.
func SetStatistics(t state.QualName, col string, target *int) string {
	n := -1
	if target != nil {
		n = *target
	}
	return alterColumnOnly(t, col) + "SET STATISTICS " + strconv.Itoa(n) + ";\n"
}

// SetColumnOptions prints ALTER COLUMN ... SET (...) for attribute options
// ("n_distinct=-0.5").
func SetColumnOptions(t state.QualName, col string, opts []string) string {
	return alterColumnOnly(t, col) + "SET (" + StorageOptions(opts) + ");\n"
}

// ResetColumnOptions prints ALTER COLUMN ... RESET (...) for option names.
func ResetColumnOptions(t state.QualName, col string, names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = optionName(n)
	}
	sort.Strings(q)
	return alterColumnOnly(t, col) + "RESET (" + strings.Join(q, ", ") + ");\n"
}

// ColumnSettings prints the statistics target and attribute options of a
// column, for a table's file or a new column.
func ColumnSettings(t state.QualName, c state.Column) string {
	var b strings.Builder
	if c.Statistics != nil {
		b.WriteString(SetStatistics(t, c.Name, c.Statistics))
	}
	if len(c.Options) > 0 {
		b.WriteString(SetColumnOptions(t, c.Name, c.Options))
	}
	return b.String()
}

// SetIndexStatistics prints ALTER INDEX ... ALTER COLUMN n SET STATISTICS
// m (-1 is the default).
func SetIndexStatistics(schema, index string, column, target int) string {
	return "ALTER INDEX " + QualifiedName(schema, index) + " ALTER COLUMN " + strconv.Itoa(column) +
		" SET STATISTICS " + strconv.Itoa(target) + ";\n"
}

// IndexSettings prints the statistics targets of a new index's columns.
func IndexSettings(schema string, ix state.Index) string {
	var b strings.Builder
	for _, s := range ix.Statistics {
		b.WriteString(SetIndexStatistics(schema, ix.Name, s.Column, s.Target))
	}
	return b.String()
}

// ViewColumnDefault prints ALTER VIEW ... ALTER COLUMN ... SET DEFAULT, or
// DROP DEFAULT for "". A materialized view has no column defaults.
func ViewColumnDefault(v state.QualName, col, expr string) string {
	s := "ALTER VIEW " + Qual(v) + " ALTER COLUMN " + QuoteIdent(col)
	if expr == "" {
		return s + " DROP DEFAULT;\n"
	}
	return s + " SET DEFAULT " + DefaultExpr(expr) + ";\n"
}

// ViewColumnDefaults prints a view's column defaults in column name order.
func ViewColumnDefaults(v state.View) string {
	var b strings.Builder
	for _, c := range sortedKeys(v.ColumnDefaults) {
		b.WriteString(ViewColumnDefault(v.QualName(), c, v.ColumnDefaults[c]))
	}
	return b.String()
}
