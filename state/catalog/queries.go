package catalog

import (
	"embed"
	"fmt"
	"strings"
	"text/template"
)

//go:embed queries/*.sql
var queryFiles embed.FS

// queryTemplates holds the parsed queries/*.sql files, named by file name.
// It is built once and only ever executed afterwards, which text/template
// allows concurrently.
var queryTemplates = template.Must(
	template.New("queries").
		Funcs(template.FuncMap{
			"userNamespace":      userNamespace,
			"notExtensionMember": notExtensionMember,
			"managedTable":       managedTable,
			"ordinaryTable":      ordinaryTable,
		}).
		ParseFS(queryFiles, "queries/*.sql"),
)

// queryData is what the query templates can see.
type queryData struct {
	// Version is the server's server_version_num, for queries that have to
	// differ between PostgreSQL releases.
	Version int
}

// renderQuery returns the SQL of queries/name for the given server version.
func renderQuery(name string, data queryData) (string, error) {
	var b strings.Builder
	if err := queryTemplates.ExecuteTemplate(&b, name, data); err != nil {
		return "", fmt.Errorf("rendering query %s: %w", name, err)
	}
	return b.String(), nil
}

// userNamespace is the SQL condition "the pg_namespace row alias n is a
// user schema".
//
// Every system schema starts with "pg_" (pg_catalog, pg_toast, pg_temp_N,
// pg_toast_temp_N), and PostgreSQL refuses CREATE SCHEMA for names with that
// prefix, so the prefix test excludes exactly the system schemas, including
// other sessions' temporary schemas. starts_with avoids LIKE, whose escape
// character would depend on standard_conforming_strings.
func userNamespace(n string) string {
	return fmt.Sprintf("(%[1]s.nspname <> 'information_schema' AND NOT starts_with(%[1]s.nspname, 'pg_'))", n)
}

// notExtensionMember is the SQL condition "the object with OID oidExpr in
// system catalog catalog does not belong to an extension".
//
// CREATE EXTENSION records a deptype 'e' dependency from every object its
// script creates to the extension. Those objects are the extension's, not
// the user's: DROP/CREATE EXTENSION manages them.
func notExtensionMember(catalog, oidExpr string) string {
	return fmt.Sprintf(`NOT EXISTS (
		SELECT FROM pg_depend ext
		WHERE ext.classid = '%s'::regclass
			AND ext.objid = %s
			AND ext.objsubid = 0
			AND ext.deptype = 'e'
	)`, catalog, oidExpr)
}

// managedTable is the SQL condition "pg_class alias c, in pg_namespace
// alias n, is a table renovate manages": an ordinary table in a user schema
// (see ordinaryTable) that does not belong to an extension.
func managedTable(c, n string) string {
	return fmt.Sprintf("(%s AND %s)", ordinaryTable(c, n), notExtensionMember("pg_class", c+".oid"))
}

// ordinaryTable is the SQL condition "pg_class alias c, in pg_namespace
// alias n, is a table in a user schema": an ordinary table (relkind 'r',
// partitions included) or a partitioned table ('p'). Views, foreign
// tables and so on are not tables here.
//
// The queries for the parts of tables (columns, constraints, indexes) use
// this rather than managedTable and leave dropping the parts of extension
// members to the caller, which knows the managed tables from the tables
// query (see introspection.table): that saves an anti-join against
// pg_depend per query, and extension members are rare.
func ordinaryTable(c, n string) string {
	return fmt.Sprintf("(%[1]s.relkind IN ('r', 'p') AND %[2]s)", c, userNamespace(n))
}
