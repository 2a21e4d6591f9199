package catalog

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/renovate-pg/renovate/state"
)

// minServerVersion is the oldest supported PostgreSQL release, as
// server_version_num.
//
// The queries run unchanged on 13 through 18; what differs between those
// releases is handled where it shows: PostgreSQL 18's NOT NULL constraints
// (contype 'n') fall outside the constraint kinds read, its virtual
// generated columns (attgenerated 'v') are handled in scanColumns, and new
// syntax such as NULLS NOT DISTINCT (15) or NOT ENFORCED (18) comes with
// the deparsed definitions. Queries that must differ can test
// queryData.Version.
const minServerVersion = 130000

// Introspect reads the schema of the database conn is connected to.
//
// It sends a fixed set of bulk queries (one per kind of object, see
// queries/) in one batch, after a first batch that begins a READ ONLY
// REPEATABLE READ transaction with the session settings, so the result is
// one consistent snapshot and costs a few round trips however many objects
// the database holds. System schemas, plpgsql
// and everything that belongs to an extension are left out. The result is
// normalized.
//
// conn must not be inside a transaction. It is left as it was found: every
// setting Introspect changes is local to its own transaction.
func Introspect(ctx context.Context, conn *pgx.Conn) (*state.DatabaseSchema, error) {
	s, _, err := readCatalog(ctx, conn, unstamped, "")
	return s, err
}

// IntrospectStamped is Introspect that first reads the catalog's stamp
// (queries/stamp.sql) in the same transaction, and stops there when the
// stamp equals known: it then returns a nil schema. Otherwise it returns
// the schema and the stamp it was read at. The stamp is empty when the
// server cannot give one (a standby; a role refused one of the functions
// it calls, or a server that does not offer one, which costs a second
// transaction); an empty known never matches.
//
// Two reads with equal stamps read equal catalogs. A stamp holds:
//   - the transaction's snapshot (pg_current_snapshot), which fixes which
//     transactions' changes every query sees: any transaction that ends
//     (commits or aborts) changes the snapshots taken after it, so an
//     equal snapshot means no catalog change committed in between,
//     including one that committed while a read was under way;
//   - the WAL insert position, read before any catalog row: the changes
//     PostgreSQL makes in place, outside MVCC (an index made valid by
//     CREATE INDEX CONCURRENTLY), belong to no transaction but are written
//     to the WAL like every catalog change;
//   - what the same catalog may still be read differently under: the
//     cluster (its system identifier, timeline and postmaster start time,
//     so a restart, a restore or a failover never matches), the database's
//     OID, the current and session roles, the server's version and a hash
//     of every setting of the session.
//
// The deparsing functions read the catalog caches, which can see a commit
// newer than the snapshot; that transaction then ended after the snapshot
// was taken, so no later stamp equals this one.
func IntrospectStamped(ctx context.Context, conn *pgx.Conn, known string) (*state.DatabaseSchema, string, error) {
	return readCatalog(ctx, conn, stamped, known)
}

// Stamp reads the catalog's stamp as IntrospectStamped does, and nothing
// else: "" when the server cannot give one. conn must not be inside a
// transaction.
func Stamp(ctx context.Context, conn *pgx.Conn) (string, error) {
	_, stamp, err := readCatalog(ctx, conn, stampOnly, "")
	return stamp, err
}

// readMode says how much of the catalog readCatalog reads.
type readMode int

const (
	unstamped readMode = iota // the catalog, without a stamp
	stamped                   // the stamp, then the catalog unless the stamp is known
	stampOnly                 // the stamp only
)

func readCatalog(ctx context.Context, conn *pgx.Conn, mode readMode, known string) (*state.DatabaseSchema, string, error) {
	version, err := serverVersion(conn)
	if err != nil {
		return nil, "", err
	}
	if version < minServerVersion {
		return nil, "", fmt.Errorf("PostgreSQL %s is not supported: renovate needs PostgreSQL 13 or later",
			conn.PgConn().ParameterStatus("server_version"))
	}

	// Batch.BeginTx inside an open transaction would only warn, and the
	// Commit below would then end the caller's transaction.
	if st := conn.PgConn().TxStatus(); st != 'I' {
		return nil, "", errors.New("introspecting: the connection is inside a transaction")
	}

	in := newIntrospection()
	data := newQueryData(conn, version)
	// failed is set when a query's scan fails; its error is wrapped
	// already. Any other error (beginning the transaction, the network)
	// is not.
	failed := false
	queue := func(batch *pgx.Batch, file, what string, scan func(pgx.Rows) error) error {
		sql, err := renderQuery(file, data)
		if err != nil {
			return err
		}
		batch.Queue(sql).Query(func(rows pgx.Rows) error {
			err := scan(rows)
			if err == nil {
				err = rows.Err()
			}
			if err != nil {
				failed = true
				return fmt.Errorf("%s: %w", what, err)
			}
			return nil
		})
		return nil
	}
	// finish ends a batch, explaining a lock timeout.
	finish := func(br pgx.BatchResults, tx pgx.Tx) error {
		err := br.Close()
		if err == nil {
			return nil
		}
		if !failed {
			err = fmt.Errorf("introspecting: %w", err)
		}
		if isLockTimeout(err) {
			_ = tx.Rollback(ctx)
			err = fmt.Errorf("reading the database catalog: %w", ExplainLockTimeout(ctx, conn, err))
		}
		return err
	}

	batch := &pgx.Batch{}
	// Snapshot isolation makes every query see the same catalog; READ ONLY
	// documents (and enforces) that introspection never writes.
	batch.BeginTx(pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err := queue(batch, "settings.sql", "setting up the session", discardRows); err != nil {
		return nil, "", err
	}
	var (
		stamp string
		br    pgx.BatchResults
		tx    pgx.Tx
	)
	if mode != unstamped {
		if err := queue(batch, "stamp.sql", "reading the catalog's stamp", func(rows pgx.Rows) error {
			for rows.Next() {
				var s *string
				if err := rows.Scan(&s); err != nil {
					return err
				}
				if s != nil {
					stamp = *s
				}
			}
			return nil
		}); err != nil {
			return nil, "", err
		}
	}
	// The settings (and the stamp) go first, in a round trip of their own:
	// the server resolves the names in the queries when it prepares them,
	// before any of the batch runs, so the queries must be prepared under
	// the settings' search_path (pg_catalog), not the session's (where a
	// path putting public first would make pg_class a user's table).
	br = conn.SendBatch(ctx, batch)
	tx = br.Tx()
	// After a successful Commit this is a no-op; on any error it ends
	// the transaction so conn is usable again.
	defer func() { _ = tx.Rollback(ctx) }()
	if err := finish(br, tx); err != nil {
		if mode == unstamped {
			return nil, "", err
		}
		// The server refused the stamp: one of its functions is
		// refused to this role, or not offered by this server (a
		// managed service may not give WAL positions). The stamp
		// only saves work: read the catalog without one. An error
		// of the session itself (BEGIN, the settings) comes again
		// from that read; the network's is returned.
		var pgErr *pgconn.PgError
		if errors.As(err, &pgErr) && !conn.IsClosed() {
			_ = tx.Rollback(ctx)
			if mode == stampOnly {
				return nil, "", nil
			}
			return readCatalog(ctx, conn, unstamped, "")
		}
		return nil, "", err
	}
	if mode == stampOnly || stamp != "" && stamp == known {
		if err := tx.Rollback(ctx); err != nil {
			return nil, "", fmt.Errorf("ending introspection transaction: %w", err)
		}
		return nil, stamp, nil
	}
	batch = &pgx.Batch{}
	for _, q := range []struct {
		file string
		what string
		scan func(pgx.Rows) error
	}{
		// Comments first: every other scan looks its objects' up.
		{"comments.sql", "introspecting comments", in.scanComments},
		{"extensions.sql", "introspecting extensions", in.scanExtensions},
		{"schemas.sql", "introspecting schemas", in.scanSchemas},
		{"types.sql", "introspecting types", in.scanTypes},
		{"collations.sql", "introspecting collations", in.scanCollations},
		{"domains.sql", "introspecting domains", in.scanDomains},
		{"composites.sql", "introspecting composite types", in.scanComposites},
		{"ranges.sql", "introspecting range types", in.scanRanges},
		// Sequences before columns: identity columns take their options
		// from their sequence.
		{"sequences.sql", "introspecting sequences", in.scanSequences},
		// Tables before columns, constraints and indexes, which attach to
		// them by OID.
		{"tables.sql", "introspecting tables", in.scanTables},
		{"columns.sql", "introspecting columns", in.scanColumns},
		{"constraints.sql", "introspecting constraints", in.scanConstraints},
		{"indexes.sql", "introspecting indexes", in.scanIndexes},
		{"publications.sql", "introspecting publications", in.scanPublications},
		{"foreign_wrappers.sql", "introspecting foreign-data wrappers", in.scanWrappers},
		{"foreign_servers.sql", "introspecting foreign servers and user mappings", in.scanServers},
		{"subscriptions.sql", "introspecting subscriptions", in.scanSubscriptions},
		{"views.sql", "introspecting views", in.scanViews},
		{"matview_indexes.sql", "introspecting indexes of materialized views", in.scanMatviewIndexes},
		// Policies and row security attach to tables by OID; privileges
		// are attached by name after the batch (attachPrivileges).
		{"policies.sql", "introspecting policies", in.scanPolicies},
		{"rowsecurity.sql", "introspecting row security", in.scanRowSecurity},
		{"privileges.sql", "introspecting privileges", in.scanPrivileges},
		{"default_privileges.sql", "introspecting default privileges", in.scanDefaultPrivileges},
		{"functions.sql", "introspecting functions", in.scanFunctions},
		{"member_privileges.sql", "introspecting privileges of extensions' routines", in.scanMemberPrivileges},
		{"triggers.sql", "introspecting triggers", in.scanTriggers},
		{"event_triggers.sql", "introspecting event triggers", in.scanEventTriggers},
		{"defobjects.sql", "introspecting aggregates, casts, statistics and text search objects", in.scanDefObjects},
		{"depends.sql", "introspecting dependencies", in.scanDepends},
	} {
		if err := queue(batch, q.file, q.what, q.scan); err != nil {
			return nil, "", err
		}
	}

	br = tx.SendBatch(ctx, batch)
	if err := finish(br, tx); err != nil {
		return nil, "", err
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, "", fmt.Errorf("ending introspection transaction: %w", err)
	}

	in.attachTriggers()
	if err := in.attachPrivileges(); err != nil {
		return nil, "", err
	}
	s := in.schema
	s.Normalize()
	return &s, stamp, nil
}

// RemoteFingerprint returns the Fingerprint of the live database's schema:
// Introspect followed by state.DatabaseSchema.Fingerprint. Plans record it,
// and apply compares it to refuse running a plan against a database that
// changed since.
func RemoteFingerprint(ctx context.Context, conn *pgx.Conn) (string, error) {
	s, err := Introspect(ctx, conn)
	if err != nil {
		return "", err
	}
	return s.Fingerprint(), nil
}

// serverVersion returns the server's version in server_version_num form
// (150004 for 15.4, 180000 for 18beta1).
//
// It parses the server_version parameter, which every server reports when
// the session starts, instead of asking, to save a round trip; its value
// starts with the version number and may go on with the packager's text
// ("15.4 (Debian 15.4-1.pgdg120+1)", "18beta1").
func serverVersion(conn *pgx.Conn) (int, error) {
	v := conn.PgConn().ParameterStatus("server_version")
	n, ok := parseServerVersion(v)
	if !ok {
		return 0, fmt.Errorf("cannot understand the server's version %q", v)
	}
	return n, nil
}

// parseServerVersion turns a server_version string into the
// server_version_num form.
func parseServerVersion(v string) (int, bool) {
	end := strings.IndexFunc(v, func(r rune) bool { return (r < '0' || r > '9') && r != '.' })
	if end < 0 {
		end = len(v)
	}
	parts := strings.Split(v[:end], ".")
	major, err := strconv.Atoi(parts[0])
	if err != nil || major < 1 {
		return 0, false
	}
	minor := 0
	if len(parts) > 1 && parts[1] != "" {
		if minor, err = strconv.Atoi(parts[1]); err != nil {
			return 0, false
		}
	}
	if major < 10 {
		// Before 10 the version had three parts: 9.6.3 is 90603.
		patch := 0
		if len(parts) > 2 && parts[2] != "" {
			if patch, err = strconv.Atoi(parts[2]); err != nil {
				return 0, false
			}
		}
		return major*10000 + minor*100 + patch, true
	}
	return major*10000 + minor, true
}

// discardRows reads and ignores a result.
func discardRows(rows pgx.Rows) error {
	for rows.Next() {
	}
	return rows.Err()
}

// errConcurrentDDL reports a catalog row that a deparsing function could no
// longer find. Those functions read the catalog caches, which are not
// bound to the transaction's snapshot, so DDL committed while introspection
// runs can make them return NULL.
var errConcurrentDDL = errors.New("the schema changed while being read (concurrent DDL?); try again")

// introspection accumulates the results of Introspect's queries.
type introspection struct {
	schema state.DatabaseSchema
	// tables maps a table's OID to its index in schema.Tables, for the
	// queries that return the parts of tables.
	tables map[uint32]int
	// identity holds the options of identity columns' sequences, by column.
	identity map[columnID]state.SequenceOptions
	// identitySeqs maps each identity sequence to its table and column,
	// for the privileges on it.
	identitySeqs map[state.QualName][2]string
	// columns holds the names of the columns read so far, for constraints'
	// column numbers.
	columns map[columnID]string
	// comments holds every comment on an object of a modelled kind.
	comments map[commentKey]string
	// views maps a view's OID to its index in schema.Views (views.go).
	views map[uint32]int
	// privileges holds the rows of privileges.sql until attachPrivileges.
	privileges []privilegeRow
	// triggers holds the rows of triggers.sql until attachTriggers
	// (functions.go).
	triggers []triggerRow
}

// commentKey identifies the object a comment is on: pg_description's key.
type commentKey struct {
	catalog string // "pg_class", "pg_constraint", ...
	oid     uint32
	sub     int32 // column number, 0 for the object itself
}

// comment returns the comment on the object with OID oid in the system
// catalog catalog ("" if none).
func (in *introspection) comment(catalog string, oid uint32) string {
	return in.comments[commentKey{catalog, oid, 0}]
}

// scanComments reads queries/comments.sql.
func (in *introspection) scanComments(rows pgx.Rows) error {
	for rows.Next() {
		var (
			k    commentKey
			text string
		)
		if err := rows.Scan(&k.catalog, &k.oid, &k.sub, &text); err != nil {
			return err
		}
		in.comments[k] = text
	}
	return rows.Err()
}

// columnID identifies a column in the catalog: pg_attribute's key.
type columnID struct {
	rel    uint32
	attnum int16
}

func newIntrospection() *introspection {
	return &introspection{
		tables:       make(map[uint32]int),
		identity:     make(map[columnID]state.SequenceOptions),
		identitySeqs: make(map[state.QualName][2]string),
		columns:      make(map[columnID]string),
		comments:     make(map[commentKey]string),
	}
}

// table returns the table with OID rel, or false when the tables query did
// not return it: the queries for the parts of tables also return those of
// extension members (see ordinaryTable in queries.go), which are dropped.
func (in *introspection) table(rel uint32) (*state.Table, bool) {
	i, ok := in.tables[rel]
	if !ok {
		return nil, false
	}
	return &in.schema.Tables[i], true
}
