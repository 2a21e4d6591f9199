package catalog

import (
	"embed"
	"fmt"
	"strings"
	"text/template"

	"github.com/jackc/pgx/v5"
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
			"relativeACL":        relativeACL,
		}).
		ParseFS(queryFiles, "queries/*.sql"),
)

// queryData is what the query templates can see.
type queryData struct {
	// Version is the server's server_version_num, for queries that have to
	// differ between PostgreSQL releases.
	Version int
	// Conninfo says whether the role may read
	// pg_subscription.subconninfo (superusers only, readsConninfo): a
	// query that names the column is refused otherwise, even where it
	// would not read it.
	Conninfo bool
	// Subscriptions says whether the role may read every column of
	// pg_subscription that renovate needs (readsSubscriptions). Where it
	// may not, the subscriptions are listed as unmanaged by name instead.
	Subscriptions bool
}

// newQueryData returns what the query templates see for conn, a
// connection to a server of the given server_version_num.
func newQueryData(conn *pgx.Conn, version int) queryData {
	return queryData{Version: version, Conninfo: readsConninfo(conn), Subscriptions: readsSubscriptions(conn, version)}
}

// readsSubscriptions reports whether the connected role may read the
// columns of pg_subscription that describe a subscription. PostgreSQL 13
// grants PUBLIC only some of them: oid and subsynccommit are readable by
// superusers alone there (14 grants them to everyone), and a query naming
// either is refused outright.
func readsSubscriptions(conn *pgx.Conn, version int) bool {
	return version >= 140000 || readsConninfo(conn)
}

// readsConninfo reports whether the connected role may read
// pg_subscription.subconninfo (see queryData.Conninfo): superusers only,
// as PostgreSQL grants it. The server reports is_superuser with every
// connection (and after SET ROLE), so this costs no round trip.
func readsConninfo(conn *pgx.Conn) bool {
	return conn.PgConn().ParameterStatus("is_superuser") == "on"
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
// partitions included), a partitioned table ('p') or a foreign table
// ('f', modelled as a table with a server). Views and so on are not
// tables here.
//
// The queries for the parts of tables (columns, constraints, indexes) use
// this rather than managedTable and leave dropping the parts of extension
// members to the caller, which knows the managed tables from the tables
// query (see introspection.table): that saves an anti-join against
// pg_depend per query, and extension members are rare.
func ordinaryTable(c, n string) string {
	return fmt.Sprintf("(%[1]s.relkind IN ('r', 'p', 'f') AND %[2]s)", c, userNamespace(n))
}

// relativeACL is the SQL text of the privileges in the aclitem[] expression
// acl of an object owned by the role OID expression owner, as a sorted,
// comma-separated list: "PUBLIC=EXECUTE, <owner>=UPDATE, app=SELECT WITH
// GRANT OPTION BY boss". A NULL acl means the default of the object kind
// kind (an acldefault letter expression), or no privileges when kind is
// empty (columns). The owner's entries read <owner> and grants made by the
// owner name no grantor, so the text compares equal between two databases
// whose objects have different owners but the same privileges relative to
// them.
func relativeACL(acl, owner, kind string) string {
	full := acl
	if kind != "" {
		full = fmt.Sprintf("coalesce(%s, acldefault(%s, %s))", acl, kind, owner)
	}
	who := func(col string) string {
		return fmt.Sprintf("CASE WHEN x.%[1]s = 0 THEN 'PUBLIC' WHEN x.%[1]s = %[2]s THEN '<owner>' ELSE quote_ident(pg_get_userbyid(x.%[1]s)) END", col, owner)
	}
	return fmt.Sprintf(`(SELECT string_agg(e, ', ' ORDER BY e) FROM (
		SELECT %s || '=' || x.privilege_type
			|| CASE WHEN x.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END
			|| CASE WHEN x.grantor = %s THEN '' ELSE ' BY ' || %s END AS e
		FROM aclexplode(%s) x) s)`, who("grantee"), owner, who("grantor"), full)
}
