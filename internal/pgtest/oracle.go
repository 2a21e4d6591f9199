package pgtest

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/sergi/go-diff/diffmatchpatch"
)

// EnvOracle names the variable that forces the oracle's method: "pg_dump" or
// "catalog". Unset or empty means pg_dump when a new enough one exists, else
// catalog.
const EnvOracle = "RENOVATE_ORACLE"

// diffContext is the number of unchanged lines shown around changes.
const diffContext = 3

// DumpSchema renders the schema of the database at dsn (on server s) as
// normalized text: one statement per entry, sorted, with comments, session
// settings, column order and the database's name left out. Two databases
// with the same schema give the same text. It uses pg_dump --schema-only
// when a pg_dump at least as new as the server is available, and
// [DumpSchemaCatalog] otherwise (always when s is nil).
func DumpSchema(ctx context.Context, s *Server, dsn string) (string, error) {
	if s == nil {
		return DumpSchemaCatalog(ctx, dsn)
	}
	pgDump, err := s.pgDump(ctx)
	if err != nil {
		return "", fmt.Errorf("dumping schema: %w", err)
	}
	if pgDump == "" {
		return DumpSchemaCatalog(ctx, dsn)
	}
	cmd := exec.CommandContext(ctx, pgDump, "--schema-only", "--no-password", "--dbname="+dsn)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("dumping schema of %s with %s: %w: %s", redactDSN(dsn), pgDump, err, bytes.TrimSpace(stderr.Bytes()))
	}
	return NormalizeDump(string(out), databaseOf(dsn)), nil
}

// OracleMethod describes how [DumpSchema] dumps schemas on this server: the
// path of the pg_dump it runs, or "catalog".
func (s *Server) OracleMethod(ctx context.Context) (string, error) {
	p, err := s.pgDump(ctx)
	if err != nil {
		return "", err
	}
	if p == "" {
		return "catalog", nil
	}
	return p, nil
}

// CompareSchemas dumps the schemas of two databases on server s with
// [DumpSchema] and returns "" if they are equal, else a line diff ("-" for
// lines only in dsnA, "+" for lines only in dsnB, with some context).
func CompareSchemas(ctx context.Context, s *Server, dsnA, dsnB string) (string, error) {
	a, err := DumpSchema(ctx, s, dsnA)
	if err != nil {
		return "", err
	}
	b, err := DumpSchema(ctx, s, dsnB)
	if err != nil {
		return "", err
	}
	return DiffDumps(a, b, databaseOf(dsnA), databaseOf(dsnB)), nil
}

// pgDump returns the pg_dump to use for s, or "" to use the catalog oracle.
// The choice is made once per server.
func (s *Server) pgDump(ctx context.Context) (string, error) {
	s.dumpOnce.Do(func() { s.dumpPath, s.dumpErr = s.choosePgDump(ctx) })
	return s.dumpPath, s.dumpErr
}

func (s *Server) choosePgDump(ctx context.Context) (string, error) {
	mode := os.Getenv(EnvOracle)
	switch mode {
	case "catalog":
		return "", nil
	case "", "pg_dump":
	default:
		return "", fmt.Errorf("%s=%q: want pg_dump or catalog", EnvOracle, mode)
	}
	// pg_dump refuses servers newer than itself. Prefer the one that came
	// with the server, then the oldest one new enough among the others.
	var cands []string
	if s.binDir != "" {
		cands = append(cands, filepath.Join(s.binDir, "pg_dump"))
	}
	if matches, _ := filepath.Glob("/usr/lib/postgresql/*/bin/pg_dump"); len(matches) > 0 {
		cands = append(cands, matches...)
	}
	if p, err := exec.LookPath("pg_dump"); err == nil {
		cands = append(cands, p)
	}
	best, bestMajor := "", 0
	var seen []string
	for i, c := range cands {
		if !isExecutable(c) {
			continue
		}
		major, err := pgDumpMajor(ctx, c)
		if err != nil {
			seen = append(seen, fmt.Sprintf("%s (%v)", c, err))
			continue
		}
		seen = append(seen, fmt.Sprintf("%s (%d)", c, major))
		if major < s.version {
			continue
		}
		if i == 0 && s.binDir != "" {
			return c, nil
		}
		if best == "" || major < bestMajor {
			best, bestMajor = c, major
		}
	}
	if best == "" && mode == "pg_dump" {
		return "", fmt.Errorf("%s=pg_dump but no pg_dump of version %d or newer was found (saw: %s)", EnvOracle, s.version, strings.Join(seen, ", "))
	}
	return best, nil
}

var pgDumpVersionRE = regexp.MustCompile(`\(PostgreSQL\) (\d+)`)

func pgDumpMajor(ctx context.Context, path string) (int, error) {
	out, err := exec.CommandContext(ctx, path, "--version").Output()
	if err != nil {
		return 0, err
	}
	m := pgDumpVersionRE.FindSubmatch(out)
	if m == nil {
		return 0, fmt.Errorf("unrecognized version %q", bytes.TrimSpace(out))
	}
	return strconv.Atoi(string(m[1]))
}

// NormalizeDump turns the plain-text output of pg_dump --schema-only into
// the comparable form [DumpSchema] returns: it drops comments, blank lines,
// SET and set_config statements and psql meta-commands (\restrict, \connect),
// sorts the elements of CREATE TABLE statements (column order is not
// compared), replaces the name dbName after DATABASE with <db>, and sorts the
// statements. Each statement ends with ";" and statements are joined by
// newlines.
func NormalizeDump(dump, dbName string) string {
	var dbRE *regexp.Regexp
	if dbName != "" {
		dbRE = regexp.MustCompile(`(?i)\bDATABASE\s+(` + regexp.QuoteMeta(pgx.Identifier{dbName}.Sanitize()) + `|` + regexp.QuoteMeta(dbName) + `)\b`)
	}
	var stmts []string
	for _, st := range splitStatements(dump) {
		upper := strings.ToUpper(st)
		if strings.HasPrefix(upper, "SET ") || strings.HasPrefix(upper, "SELECT PG_CATALOG.SET_CONFIG(") {
			continue
		}
		lines := cleanLines(st)
		if len(lines) == 0 {
			continue
		}
		if createTableRE.MatchString(lines[0]) {
			lines = sortTableElements(lines)
		}
		st = sortStatisticsColumns(strings.Join(lines, "\n"))
		if dbRE != nil {
			st = dbRE.ReplaceAllString(st, "DATABASE <db>")
		}
		st = maskSecrets(st)
		stmts = append(stmts, st)
	}
	return joinStatements(stmts)
}

// Secrets are intentionally not round-tripped: renovate writes a user
// mapping's password and a subscription's connection password as
// references to environment variables, never their values. The oracle
// compares that a secret is there, not what it is.
var (
	mappingPasswordRE  = regexp.MustCompile(`(?m)^(\s*(?:ssl)?password) '(?:[^']|'')*'`)
	conninfoPasswordRE = regexp.MustCompile(`((?:ssl)?password\s*=\s*)('(?:[^'\\]|\\.)*'|[^\s']+)`)
)

func maskSecrets(st string) string {
	switch {
	case strings.HasPrefix(st, "CREATE USER MAPPING "):
		return mappingPasswordRE.ReplaceAllString(st, "$1 '<secret>'")
	case strings.HasPrefix(st, "CREATE SUBSCRIPTION "):
		return conninfoPasswordRE.ReplaceAllString(st, "${1}<secret>")
	}
	return st
}

func joinStatements(stmts []string) string {
	sort.Strings(stmts)
	var b strings.Builder
	for _, st := range stmts {
		b.WriteString(st)
		b.WriteString(";\n")
	}
	return b.String()
}

var createTableRE = regexp.MustCompile(`^CREATE (UNLOGGED |FOREIGN )?TABLE .*\($`)

// cleanLines splits a statement into lines without trailing whitespace,
// dropping blank ones.
func cleanLines(st string) []string {
	var out []string
	for _, l := range strings.Split(st, "\n") {
		l = strings.TrimRight(l, " \t\r")
		if strings.TrimSpace(l) != "" {
			out = append(out, l)
		}
	}
	return out
}

// sortTableElements sorts the column and constraint lines of a CREATE TABLE
// statement as pg_dump prints it ("CREATE TABLE x (", one element per line
// indented by four spaces, then a line starting with ")"), removing the
// separating commas.
func sortTableElements(lines []string) []string {
	end := -1
	for i := 1; i < len(lines); i++ {
		if strings.HasPrefix(lines[i], ")") {
			end = i
			break
		}
	}
	if end < 0 {
		return lines
	}
	var elems []string
	for _, l := range lines[1:end] {
		if len(elems) == 0 || (strings.HasPrefix(l, "    ") && !strings.HasPrefix(l, "     ")) {
			elems = append(elems, l)
		} else {
			elems[len(elems)-1] += "\n" + l // continuation of a multi-line element
		}
	}
	for i, e := range elems {
		elems[i] = strings.TrimSuffix(e, ",")
	}
	sort.Strings(elems)
	out := append([]string{lines[0]}, elems...)
	return append(out, lines[end:]...)
}

var createStatisticsRE = regexp.MustCompile(`^(CREATE STATISTICS \S+(?: \([a-z, ]+\))? ON )(.+?)( FROM .*)$`)

// sortStatisticsColumns sorts the column list of a CREATE STATISTICS
// statement: PostgreSQL keeps and prints it in column order, which is not
// compared.
func sortStatisticsColumns(st string) string {
	first, rest, _ := strings.Cut(st, "\n")
	m := createStatisticsRE.FindStringSubmatch(first)
	if m == nil {
		return st
	}
	var items []string
	depth, start := 0, 0
	list := m[2]
	for i := 0; i < len(list); i++ {
		switch list[i] {
		case '(':
			depth++
		case ')':
			depth--
		case ',':
			if depth == 0 {
				items = append(items, strings.TrimSpace(list[start:i]))
				start = i + 1
			}
		}
	}
	items = append(items, strings.TrimSpace(list[start:]))
	sort.Strings(items)
	out := m[1] + strings.Join(items, ", ") + m[3]
	if rest != "" {
		out += "\n" + rest
	}
	return out
}

// splitStatements splits SQL text into statements at top-level semicolons,
// honouring quotes, dollar quotes and comments. Comments and psql
// meta-command lines (starting with a backslash) are dropped; statements are
// returned trimmed, without their semicolon.
func splitStatements(src string) []string {
	var out []string
	var cur strings.Builder
	flush := func() {
		if st := strings.TrimSpace(cur.String()); st != "" {
			out = append(out, st)
		}
		cur.Reset()
	}
	n := len(src)
	for i := 0; i < n; {
		c := src[i]
		switch {
		case c == '\\' && strings.TrimSpace(cur.String()) == "":
			// psql meta-command: the rest of the line.
			i = lineEnd(src, i)
			cur.Reset()
		case c == '-' && i+1 < n && src[i+1] == '-':
			i = lineEnd(src, i)
		case c == '/' && i+1 < n && src[i+1] == '*':
			depth := 0
			for i < n {
				if strings.HasPrefix(src[i:], "/*") {
					depth++
					i += 2
				} else if strings.HasPrefix(src[i:], "*/") {
					depth--
					i += 2
					if depth == 0 {
						break
					}
				} else {
					i++
				}
			}
			cur.WriteByte(' ')
		case c == '\'':
			escapes := i > 0 && (src[i-1] == 'E' || src[i-1] == 'e') && (i < 2 || !isIdentByte(src[i-2]))
			j := i + 1
			for j < n {
				if escapes && src[j] == '\\' {
					j += 2
					continue
				}
				if src[j] == '\'' {
					if j+1 < n && src[j+1] == '\'' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			j = min(j+1, n)
			cur.WriteString(src[i:j])
			i = j
		case c == '"':
			j := i + 1
			for j < n {
				if src[j] == '"' {
					if j+1 < n && src[j+1] == '"' {
						j += 2
						continue
					}
					break
				}
				j++
			}
			j = min(j+1, n)
			cur.WriteString(src[i:j])
			i = j
		case c == '$' && (i == 0 || !isIdentByte(src[i-1])):
			tag := dollarTag(src[i:])
			if tag == "" {
				cur.WriteByte(c)
				i++
				break
			}
			end := strings.Index(src[i+len(tag):], tag)
			j := n
			if end >= 0 {
				j = i + len(tag) + end + len(tag)
			}
			cur.WriteString(src[i:j])
			i = j
		case c == ';':
			flush()
			i++
		default:
			cur.WriteByte(c)
			i++
		}
	}
	flush()
	return out
}

// lineEnd returns the index of the newline ending the line containing i (or
// len(s)).
func lineEnd(s string, i int) int {
	if j := strings.IndexByte(s[i:], '\n'); j >= 0 {
		return i + j
	}
	return len(s)
}

func isIdentByte(c byte) bool {
	return c == '_' || c == '$' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// dollarTag returns the dollar-quote opening tag ($$ or $name$) s starts
// with, or "".
func dollarTag(s string) string {
	for j := 1; j < len(s); j++ {
		c := s[j]
		switch {
		case c == '$':
			return s[:j+1]
		case c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80:
		case c >= '0' && c <= '9' && j > 1:
		default:
			return ""
		}
	}
	return ""
}

// DiffDumps returns "" if the dumps are equal, else a line diff of them:
// lines only in a start with "-", lines only in b with "+", unchanged context
// lines with " ", and hunks are separated by "@@" lines. nameA and nameB
// label the two sides in the header.
func DiffDumps(a, b, nameA, nameB string) string {
	if a == b {
		return ""
	}
	if !strings.HasSuffix(a, "\n") {
		a += "\n"
	}
	if !strings.HasSuffix(b, "\n") {
		b += "\n"
	}
	dmp := diffmatchpatch.New()
	ca, cb, lines := dmp.DiffLinesToChars(a, b)
	diffs := dmp.DiffCharsToLines(dmp.DiffMain(ca, cb, false), lines)

	type line struct {
		op   byte
		text string
	}
	var all []line
	for _, d := range diffs {
		op := byte(' ')
		switch d.Type {
		case diffmatchpatch.DiffDelete:
			op = '-'
		case diffmatchpatch.DiffInsert:
			op = '+'
		}
		for _, l := range strings.SplitAfter(d.Text, "\n") {
			if l != "" {
				all = append(all, line{op, strings.TrimSuffix(l, "\n")})
			}
		}
	}
	// Show changed lines and diffContext lines around them.
	show := make([]bool, len(all))
	for i, l := range all {
		if l.op == ' ' {
			continue
		}
		for k := max(0, i-diffContext); k <= min(len(all)-1, i+diffContext); k++ {
			show[k] = true
		}
	}
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", nameA, nameB)
	prev := -2
	for i, l := range all {
		if !show[i] {
			continue
		}
		if i != prev+1 {
			out.WriteString("@@\n")
		}
		prev = i
		out.WriteByte(l.op)
		out.WriteString(l.text)
		out.WriteByte('\n')
	}
	return out.String()
}

// DumpSchemaCatalog renders the schema of the database at dsn from the
// system catalogs, in the same comparable form as [DumpSchema]: one entry per
// object (schemas, extensions, types, tables, columns, constraints, indexes,
// sequences, views, functions, triggers, policies, rules, extended
// statistics, default privileges, collations, event triggers, foreign
// data wrappers and servers), with owners, privileges and comments. Object definitions come
// from PostgreSQL's own pg_get_*def functions, not from renovate's code.
// Extension members and system schemas are left out, as are columns' order,
// the names of NOT NULL constraints (PostgreSQL 18), and object kinds it does
// not cover (operators, operator classes, casts, text search objects,
// publications).
func DumpSchemaCatalog(ctx context.Context, dsn string) (string, error) {
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		return "", fmt.Errorf("dumping catalog of %s: %w", redactDSN(dsn), err)
	}
	defer conn.Close(context.Background())
	// Qualify every name in the output.
	if _, err := conn.Exec(ctx, "SELECT pg_catalog.set_config('search_path', '', false)"); err != nil {
		return "", fmt.Errorf("dumping catalog of %s: %w", redactDSN(dsn), err)
	}
	var num string
	if err := conn.QueryRow(ctx, "SHOW server_version_num").Scan(&num); err != nil {
		return "", fmt.Errorf("dumping catalog of %s: %w", redactDSN(dsn), err)
	}
	version, err := strconv.Atoi(num)
	if err != nil {
		return "", fmt.Errorf("dumping catalog: parsing server_version_num %q: %w", num, err)
	}
	var stmts []string
	for _, q := range catalogQueries(version / 10000) {
		rows, err := conn.Query(ctx, q.sql)
		if err != nil {
			return "", fmt.Errorf("dumping catalog (%s): %w", q.what, err)
		}
		for rows.Next() {
			var st *string
			if err := rows.Scan(&st); err != nil {
				rows.Close()
				return "", fmt.Errorf("dumping catalog (%s): %w", q.what, err)
			}
			if st == nil {
				rows.Close()
				return "", fmt.Errorf("dumping catalog (%s): query returned NULL", q.what)
			}
			if lines := cleanLines(strings.TrimSuffix(strings.TrimSpace(*st), ";")); len(lines) > 0 {
				stmts = append(stmts, sortStatisticsColumns(strings.Join(lines, "\n")))
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return "", fmt.Errorf("dumping catalog (%s): %w", q.what, err)
		}
	}
	return joinStatements(stmts), nil
}

type catalogQuery struct {
	what string
	sql  string
}

// userSchema is a condition on a pg_namespace alias excluding system schemas.
func userSchema(n string) string {
	return fmt.Sprintf(`%[1]s.nspname <> 'pg_catalog' AND %[1]s.nspname <> 'information_schema'
		AND %[1]s.nspname NOT LIKE 'pg\_toast%%' AND %[1]s.nspname NOT LIKE 'pg\_temp\_%%'`, n)
}

// notExtMember is a condition excluding objects that belong to an extension.
func notExtMember(catalog, oid string) string {
	return fmt.Sprintf(`NOT EXISTS (SELECT 1 FROM pg_depend xd
		WHERE xd.classid = 'pg_%s'::regclass AND xd.objid = %s AND xd.deptype = 'e')`, catalog, oid)
}

// aclText renders an aclitem[] expression in a stable order.
func aclText(expr string) string {
	return fmt.Sprintf(`coalesce((SELECT string_agg(x::text, ',' ORDER BY x::text) FROM unnest(%s) x), 'default')`, expr)
}

// ownerACLComment renders owner, privileges and comment.
func ownerACLComment(owner, acl, comment string) string {
	return fmt.Sprintf(`' OWNER ' || quote_ident(pg_get_userbyid(%s)) || ' ACL ' || %s || ' COMMENT ' || quote_nullable(%s)`,
		owner, aclText(effectiveACL(owner, acl)), comment)
}

// effectiveACL fills in the default of a NULL ACL (acldefault), as pg_dump
// does when it compares: a NULL ACL and an explicit one equal to the
// default grant the same. acl names the ACL column with its table alias;
// columns of unknown catalogs are left as they are.
func effectiveACL(owner, acl string) string {
	alias, col, _ := strings.Cut(acl, ".")
	kind := map[string]string{
		"nspacl": "'n'",
		"typacl": "'T'",
		"relacl": "CASE WHEN " + alias + ".relkind = 'S' THEN 's' ELSE 'r' END::\"char\"",
		"proacl": "'f'",
		"fdwacl": "'F'",
		"srvacl": "'S'",
	}[col]
	if kind == "" {
		return acl
	}
	return fmt.Sprintf("coalesce(%s, acldefault(%s, %s))", acl, kind, owner)
}

// collate renders " COLLATE x" when a column's collation differs from its
// type's.
func collate(coll, typColl string) string {
	return fmt.Sprintf(`CASE WHEN %[1]s <> 0 AND %[1]s <> %[2]s THEN ' COLLATE ' || %[1]s::regcollation::text ELSE '' END`, coll, typColl)
}

func catalogQueries(major int) []catalogQuery {
	compression := "''"
	if major >= 14 {
		compression = `CASE WHEN a.attcompression <> '' THEN ' COMPRESSION ' || a.attcompression::text ELSE '' END`
	}
	return []catalogQuery{
		{"schemas", `SELECT 'SCHEMA ' || quote_ident(n.nspname) || ` + ownerACLComment("n.nspowner", "n.nspacl", "obj_description(n.oid, 'pg_namespace')") + `
			FROM pg_namespace n WHERE ` + userSchema("n") + ` AND ` + notExtMember("namespace", "n.oid")},

		{"extensions", `SELECT 'EXTENSION ' || quote_ident(e.extname) || ' SCHEMA ' || quote_ident(n.nspname) || ' VERSION ' || e.extversion
				|| ' COMMENT ' || quote_nullable(obj_description(e.oid, 'pg_extension'))
			FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace`},

		{"types", `SELECT 'TYPE ' || format_type(t.oid, NULL) || ' ' ||
				CASE t.typtype
				WHEN 'e' THEN 'ENUM (' || coalesce((SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid), '') || ')'
				WHEN 'd' THEN 'DOMAIN ' || format_type(t.typbasetype, t.typtypmod) || ` + collate("t.typcollation", "bt.typcollation") + `
					|| CASE WHEN t.typnotnull THEN ' NOT NULL' ELSE '' END || coalesce(' DEFAULT ' || t.typdefault, '')
				WHEN 'c' THEN 'COMPOSITE (' || coalesce((SELECT string_agg(quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod) || ` + collate("a.attcollation", "at.typcollation") + `, ', ' ORDER BY a.attnum)
					FROM pg_attribute a JOIN pg_type at ON at.oid = a.atttypid WHERE a.attrelid = t.typrelid AND a.attnum > 0 AND NOT a.attisdropped), '') || ')'
				WHEN 'r' THEN (SELECT 'RANGE (SUBTYPE ' || format_type(r.rngsubtype, NULL)
					|| ', OPCLASS ' || (SELECT quote_ident(opcname) FROM pg_opclass WHERE oid = r.rngsubopc)
					|| ', COLLATION ' || CASE WHEN r.rngcollation = 0 THEN '-' ELSE r.rngcollation::regcollation::text END
					|| ', CANONICAL ' || r.rngcanonical::text || ', SUBTYPE_DIFF ' || r.rngsubdiff::text || ')'
					FROM pg_range r WHERE r.rngtypid = t.oid)
				ELSE 'BASE (INPUT ' || t.typinput::text || ', OUTPUT ' || t.typoutput::text || ', LENGTH ' || t.typlen || ')'
				END || ` + ownerACLComment("t.typowner", "t.typacl", "obj_description(t.oid, 'pg_type')") + `
			FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace LEFT JOIN pg_type bt ON bt.oid = t.typbasetype
			WHERE ` + userSchema("n") + ` AND ` + notExtMember("type", "t.oid") + `
				AND t.typtype IN ('b', 'c', 'd', 'e', 'r')
				AND (t.typrelid = 0 OR (SELECT c.relkind FROM pg_class c WHERE c.oid = t.typrelid) = 'c')
				AND NOT EXISTS (SELECT 1 FROM pg_type et WHERE et.typarray = t.oid)`},

		{"tables", `SELECT CASE c.relkind WHEN 'f' THEN 'FOREIGN TABLE ' ELSE 'TABLE ' END || c.oid::regclass::text
				|| CASE c.relpersistence WHEN 'u' THEN ' UNLOGGED' ELSE '' END
				|| CASE WHEN c.relkind = 'p' THEN ' PARTITION BY ' || pg_get_partkeydef(c.oid) ELSE '' END
				|| CASE WHEN c.relispartition
					THEN ' PARTITION OF ' || (SELECT i.inhparent::regclass::text FROM pg_inherits i WHERE i.inhrelid = c.oid) || ' ' || pg_get_expr(c.relpartbound, c.oid)
					ELSE coalesce(' INHERITS (' || (SELECT string_agg(i.inhparent::regclass::text, ', ' ORDER BY i.inhseqno) FROM pg_inherits i WHERE i.inhrelid = c.oid) || ')', '')
					END
				|| coalesce(' OF ' || format_type(nullif(c.reloftype, 0), NULL), '')
				|| coalesce((SELECT ' SERVER ' || quote_ident(fs.srvname) || coalesce(' OPTIONS (' || array_to_string(ft.ftoptions, ', ') || ')', '')
					FROM pg_foreign_table ft JOIN pg_foreign_server fs ON fs.oid = ft.ftserver WHERE ft.ftrelid = c.oid), '')
				|| coalesce(' USING ' || (SELECT quote_ident(am.amname) FROM pg_am am WHERE am.oid = c.relam), '')
				|| coalesce(' WITH (' || array_to_string(c.reloptions, ', ') || ')', '')
				|| CASE WHEN c.relrowsecurity THEN ' ROW LEVEL SECURITY' ELSE '' END
				|| CASE WHEN c.relforcerowsecurity THEN ' FORCE ROW LEVEL SECURITY' ELSE '' END
				|| ' REPLICA IDENTITY ' || c.relreplident::text
				|| ` + ownerACLComment("c.relowner", "c.relacl", "obj_description(c.oid, 'pg_class')") + `
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('r', 'p', 'f') AND ` + userSchema("n") + ` AND ` + notExtMember("class", "c.oid")},

		{"columns", `SELECT 'COLUMN ' || c.oid::regclass::text || '.' || quote_ident(a.attname) || ' ' || format_type(a.atttypid, a.atttypmod)
				|| ` + collate("a.attcollation", "t.typcollation") + `
				|| CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END
				|| CASE WHEN a.attgenerated <> '' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ')'
						|| CASE a.attgenerated WHEN 's' THEN ' STORED' ELSE ' VIRTUAL' END
					WHEN d.adbin IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid)
					ELSE '' END
				|| CASE a.attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY' WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END
				|| CASE WHEN a.attstorage <> t.typstorage THEN ' STORAGE ' || a.attstorage::text ELSE '' END
				|| ` + compression + `
				|| CASE WHEN coalesce(a.attstattarget::int, -1) >= 0 THEN ' STATISTICS ' || a.attstattarget::text ELSE '' END
				|| coalesce(' WITH (' || array_to_string(a.attoptions, ', ') || ')', '')
				|| coalesce(' OPTIONS (' || array_to_string(a.attfdwoptions, ', ') || ')', '')
				|| CASE WHEN a.attinhcount > 0 THEN ' INHERITED' || CASE WHEN a.attislocal THEN ' LOCAL' ELSE '' END ELSE '' END
				|| ' ACL ' || ` + aclText("a.attacl") + ` || ' COMMENT ' || quote_nullable(col_description(c.oid, a.attnum))
			FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
				JOIN pg_type t ON t.oid = a.atttypid
				LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
			WHERE c.relkind IN ('r', 'p', 'f', 'v', 'm') AND a.attnum > 0 AND NOT a.attisdropped
				AND ` + userSchema("n") + ` AND ` + notExtMember("class", "c.oid")},

		{"constraints", `SELECT 'CONSTRAINT ' || quote_ident(co.conname) || ' ON '
				|| CASE WHEN co.conrelid <> 0 THEN co.conrelid::regclass::text ELSE 'DOMAIN ' || format_type(co.contypid, NULL) END
				|| ' ' || pg_get_constraintdef(co.oid)
				|| CASE WHEN NOT co.conislocal THEN ' INHERITED' ELSE '' END
				|| ' COMMENT ' || quote_nullable(obj_description(co.oid, 'pg_constraint'))
			FROM pg_constraint co JOIN pg_namespace n ON n.oid = co.connamespace
			WHERE co.contype <> 'n' AND ` + userSchema("n") + `
				AND (co.conrelid = 0 OR ` + notExtMember("class", "co.conrelid") + `)
				AND (co.contypid = 0 OR ` + notExtMember("type", "co.contypid") + `)`},

		{"indexes", `SELECT pg_get_indexdef(i.indexrelid)
				|| CASE WHEN i.indisclustered THEN ' CLUSTERED' ELSE '' END
				|| CASE WHEN i.indisreplident THEN ' REPLICA IDENTITY' ELSE '' END
				|| CASE WHEN NOT i.indisvalid THEN ' INVALID' ELSE '' END
				|| coalesce(' STATISTICS (' || (SELECT string_agg(a.attnum || '=' || a.attstattarget, ', ' ORDER BY a.attnum)
					FROM pg_attribute a WHERE a.attrelid = i.indexrelid AND a.attstattarget >= 0) || ')', '')
				|| coalesce(' ATTACHED TO ' || (SELECT inh.inhparent::regclass::text FROM pg_inherits inh WHERE inh.inhrelid = i.indexrelid), '')
				|| ' COMMENT ' || quote_nullable(obj_description(i.indexrelid, 'pg_class'))
			FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE ` + userSchema("n") + ` AND ` + notExtMember("class", "i.indrelid")},

		{"sequences", `SELECT 'SEQUENCE ' || c.oid::regclass::text || ' AS ' || format_type(s.seqtypid, NULL)
				|| ' START ' || s.seqstart || ' INCREMENT ' || s.seqincrement || ' MINVALUE ' || s.seqmin
				|| ' MAXVALUE ' || s.seqmax || ' CACHE ' || s.seqcache || CASE WHEN s.seqcycle THEN ' CYCLE' ELSE ' NO CYCLE' END
				|| CASE c.relpersistence WHEN 'u' THEN ' UNLOGGED' ELSE '' END
				|| coalesce((SELECT ' OWNED BY ' || d.refobjid::regclass::text || '.' || quote_ident(a.attname)
						|| CASE d.deptype WHEN 'i' THEN ' (IDENTITY)' ELSE '' END
					FROM pg_depend d JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
					WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.refclassid = 'pg_class'::regclass
						AND d.deptype IN ('a', 'i') LIMIT 1), '')
				|| ` + ownerACLComment("c.relowner", "c.relacl", "obj_description(c.oid, 'pg_class')") + `
			FROM pg_class c JOIN pg_sequence s ON s.seqrelid = c.oid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE ` + userSchema("n") + ` AND ` + notExtMember("class", "c.oid")},

		{"views", `SELECT CASE c.relkind WHEN 'v' THEN 'VIEW ' ELSE 'MATERIALIZED VIEW ' END || c.oid::regclass::text
				|| coalesce(' WITH (' || array_to_string(c.reloptions, ', ') || ')', '')
				|| ` + ownerACLComment("c.relowner", "c.relacl", "obj_description(c.oid, 'pg_class')") + `
				|| E'\nAS ' || pg_get_viewdef(c.oid)
			FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE c.relkind IN ('v', 'm') AND ` + userSchema("n") + ` AND ` + notExtMember("class", "c.oid")},

		{"functions", `SELECT CASE WHEN p.prokind = 'a'
					THEN (SELECT 'AGGREGATE ' || p.oid::regprocedure::text || ' (SFUNC ' || ag.aggtransfn::text
						|| ', STYPE ' || format_type(ag.aggtranstype, NULL) || ', FINALFUNC ' || ag.aggfinalfn::text
						|| ', COMBINEFUNC ' || ag.aggcombinefn::text || ', SORTOP ' || ag.aggsortop::regoperator::text
						|| ', INITCOND ' || quote_nullable(ag.agginitval) || ', KIND ' || ag.aggkind::text || ')'
						FROM pg_aggregate ag WHERE ag.aggfnoid = p.oid)
					ELSE pg_get_functiondef(p.oid) END
				|| E'\n' || ` + ownerACLComment("p.proowner", "p.proacl", "obj_description(p.oid, 'pg_proc')") + `
			FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			WHERE ` + userSchema("n") + ` AND ` + notExtMember("proc", "p.oid") + `
				-- not implicitly created ones, like range type constructors
				AND NOT EXISTS (SELECT 1 FROM pg_depend d
					WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'i')`},

		{"triggers", `SELECT pg_get_triggerdef(t.oid) || ' ENABLED ' || t.tgenabled::text
				|| ' COMMENT ' || quote_nullable(obj_description(t.oid, 'pg_trigger'))
			FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE NOT t.tgisinternal AND ` + userSchema("n") + ` AND ` + notExtMember("class", "c.oid")},

		{"policies", `SELECT 'POLICY ' || quote_ident(p.polname) || ' ON ' || p.polrelid::regclass::text
				|| CASE WHEN p.polpermissive THEN ' AS PERMISSIVE' ELSE ' AS RESTRICTIVE' END
				|| ' FOR ' || CASE p.polcmd WHEN 'r' THEN 'SELECT' WHEN 'a' THEN 'INSERT' WHEN 'w' THEN 'UPDATE' WHEN 'd' THEN 'DELETE' ELSE 'ALL' END
				|| ' TO ' || (SELECT string_agg(r, ', ' ORDER BY r) FROM (SELECT CASE WHEN ro = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(ro)) END AS r FROM unnest(p.polroles) ro) rs)
				|| coalesce(' USING (' || pg_get_expr(p.polqual, p.polrelid) || ')', '')
				|| coalesce(' WITH CHECK (' || pg_get_expr(p.polwithcheck, p.polrelid) || ')', '')
				|| ' COMMENT ' || quote_nullable(obj_description(p.oid, 'pg_policy'))
			FROM pg_policy p JOIN pg_class c ON c.oid = p.polrelid JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE ` + userSchema("n")},

		{"rules", `SELECT rtrim(pg_get_ruledef(r.oid), ';') || ' ENABLED ' || r.ev_enabled::text
				|| ' COMMENT ' || quote_nullable(obj_description(r.oid, 'pg_rewrite'))
			FROM pg_rewrite r JOIN pg_class c ON c.oid = r.ev_class JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE r.rulename <> '_RETURN' AND ` + userSchema("n") + ` AND ` + notExtMember("class", "c.oid")},

		{"statistics", `SELECT pg_get_statisticsobjdef(s.oid)
				|| ' OWNER ' || quote_ident(pg_get_userbyid(s.stxowner))
				|| ' COMMENT ' || quote_nullable(obj_description(s.oid, 'pg_statistic_ext'))
			FROM pg_statistic_ext s JOIN pg_namespace n ON n.oid = s.stxnamespace
			WHERE ` + userSchema("n") + ` AND ` + notExtMember("statistic_ext", "s.oid")},

		{"default privileges", `SELECT 'DEFAULT PRIVILEGES FOR ROLE ' || quote_ident(pg_get_userbyid(d.defaclrole))
				|| coalesce(' IN SCHEMA ' || quote_ident(n.nspname), '') || ' ON ' || d.defaclobjtype::text
				|| ' ' || ` + aclText("d.defaclacl") + `
			FROM pg_default_acl d LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace`},

		{"collations", `SELECT 'COLLATION ' || quote_ident(n.nspname) || '.' || quote_ident(co.collname) || ' '
				|| (to_jsonb(co) - 'oid' - 'collname' - 'collnamespace' - 'collowner' - 'collversion')::text
				|| ' OWNER ' || quote_ident(pg_get_userbyid(co.collowner))
				|| ' COMMENT ' || quote_nullable(obj_description(co.oid, 'pg_collation'))
			FROM pg_collation co JOIN pg_namespace n ON n.oid = co.collnamespace
			WHERE ` + userSchema("n") + ` AND ` + notExtMember("collation", "co.oid")},

		{"event triggers", `SELECT 'EVENT TRIGGER ' || quote_ident(e.evtname) || ' ON ' || e.evtevent
				|| ' EXECUTE ' || e.evtfoid::regprocedure::text
				|| coalesce(' WHEN TAG IN (' || array_to_string(e.evttags, ', ') || ')', '')
				|| ' ENABLED ' || e.evtenabled::text
				|| ' OWNER ' || quote_ident(pg_get_userbyid(e.evtowner))
				|| ' COMMENT ' || quote_nullable(obj_description(e.oid, 'pg_event_trigger'))
			FROM pg_event_trigger e WHERE ` + notExtMember("event_trigger", "e.oid")},

		{"foreign data wrappers", `SELECT 'FOREIGN DATA WRAPPER ' || quote_ident(w.fdwname)
				|| ' HANDLER ' || w.fdwhandler::regproc::text || ' VALIDATOR ' || w.fdwvalidator::regproc::text
				|| coalesce(' OPTIONS (' || array_to_string(w.fdwoptions, ', ') || ')', '')
				|| ` + ownerACLComment("w.fdwowner", "w.fdwacl", "obj_description(w.oid, 'pg_foreign_data_wrapper')") + `
			FROM pg_foreign_data_wrapper w WHERE ` + notExtMember("foreign_data_wrapper", "w.oid")},

		{"foreign servers", `SELECT 'SERVER ' || quote_ident(s.srvname) || ' FOREIGN DATA WRAPPER ' || quote_ident(w.fdwname)
				|| coalesce(' TYPE ' || quote_literal(s.srvtype), '') || coalesce(' VERSION ' || quote_literal(s.srvversion), '')
				|| coalesce(' OPTIONS (' || array_to_string(s.srvoptions, ', ') || ')', '')
				|| ` + ownerACLComment("s.srvowner", "s.srvacl", "obj_description(s.oid, 'pg_foreign_server')") + `
			FROM pg_foreign_server s JOIN pg_foreign_data_wrapper w ON w.oid = s.srvfdw
			WHERE ` + notExtMember("foreign_server", "s.oid")},
	}
}
