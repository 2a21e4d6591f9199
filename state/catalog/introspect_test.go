package catalog

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// expectedFixture is the model of fixtureSQL(major) with btree_gist at
// version btreeGist.
func expectedFixture(major int, btreeGist string) state.DatabaseSchema {
	seq := func(typ string, max int64) state.SequenceOptions {
		return state.SequenceOptions{DataType: typ, Start: 1, Increment: 1, MinValue: 1, MaxValue: max, Cache: 1}
	}
	users := state.QualName{Schema: "public", Name: "users"}
	s := state.DatabaseSchema{
		Extensions: []state.Extension{{Name: "btree_gist", Schema: "public", Version: btreeGist}},
		Schemas: []state.Schema{
			{Name: "Billing Dept", Comment: `Money, "quoted" & 'apostrophes'`},
			{Name: "app", Comment: "the application"},
			{Name: "public", Comment: "standard public schema"},
			{Name: "select"},
		},
		Types: []state.Type{
			{Schema: "Billing Dept", Name: "Währung", Kind: state.TypeEnum, Labels: []string{"EUR", "USD", "it's"}},
			{Schema: "app", Name: "nothing", Kind: state.TypeEnum},
			{
				Schema: "public", Name: "status", Kind: state.TypeEnum,
				Labels:  []string{"draft", "in review", "published", "archived"},
				Comment: "publication state",
			},
		},
		Sequences: []state.Sequence{
			{
				Schema: "Billing Dept", Name: "invoices_id_seq", SequenceOptions: seq("integer", 2147483647),
				OwnedBy: &state.ColumnRef{Table: "invoices", Column: "id"},
			},
			{
				Schema: "app", Name: "countdown",
				SequenceOptions: state.SequenceOptions{
					DataType: "integer", Start: 999, Increment: -2, MinValue: -1000, MaxValue: 1000, Cache: 10, Cycle: true,
				},
				OwnedBy: &state.ColumnRef{Table: "refs", Column: "n"},
				Comment: "counts down",
			},
			{Schema: "public", Name: "plain", SequenceOptions: seq("bigint", 9223372036854775807)},
			{
				Schema: "public", Name: "users_id_seq", SequenceOptions: seq("bigint", 9223372036854775807),
				OwnedBy: &state.ColumnRef{Table: "users", Column: "id"},
			},
			{Schema: "select", Name: `Seq "q"`, SequenceOptions: seq("smallint", 32767)},
		},
		Tables: []state.Table{
			{
				Schema: "Billing Dept", Name: "invoices", Unlogged: true,
				Columns: []state.Column{
					{Name: "id", Type: "integer", NotNull: true, Default: `nextval('"Billing Dept".invoices_id_seq'::regclass)`},
					{
						Name: "currency", Type: `"Billing Dept"."Währung"`, NotNull: true,
						Default: `'EUR'::"Billing Dept"."Währung"`, Comment: "ISO 4217",
					},
					{Name: "user_id", Type: "bigint"},
					{Name: "from", Type: "date"},
					{Name: "to", Type: "date"},
				},
				Constraints: []state.Constraint{
					{Name: "invoices_check", Kind: state.ConstraintCheck, Definition: `CHECK (("from" <= "to"))`},
					{Name: "invoices_pkey", Kind: state.ConstraintPrimaryKey, Definition: "PRIMARY KEY (id)", Columns: []string{"id"}},
					{
						Name: "invoices_user_id_fkey", Kind: state.ConstraintForeignKey,
						Definition: "FOREIGN KEY (user_id) REFERENCES public.users(id)",
						Columns:    []string{"user_id"}, References: &users,
					},
				},
			},
			{
				Schema: "app", Name: "Order Items", Comment: "lines",
				Columns: []state.Column{
					{
						Name: "ID", Type: "integer", NotNull: true, Identity: state.IdentityAlways,
						IdentityOptions: &state.SequenceOptions{
							DataType: "integer", Start: 100, Increment: 10, MinValue: 1, MaxValue: 100000, Cache: 5, Cycle: true,
						},
						Comment: "identity",
					},
					{Name: "user", Type: "bigint", NotNull: true},
					{
						Name: "qty", Type: "smallint", NotNull: true, Identity: state.IdentityByDefault,
						IdentityOptions: &state.SequenceOptions{DataType: "smallint", Start: 1, Increment: 1, MinValue: 1, MaxValue: 32767, Cache: 1},
					},
					{Name: "price", Type: "numeric(12,2)", NotNull: true},
					{Name: "total", Type: "numeric", Generated: "(price * (qty)::numeric)"},
					{Name: "select", Type: "text", Collation: `"C"`},
					{Name: `naïve "quote"`, Type: "text"},
					{Name: "during", Type: "tstzrange"},
					{Name: "room", Type: "integer"},
				},
				Constraints: []state.Constraint{
					{Name: "Order Items_pkey", Kind: state.ConstraintPrimaryKey, Definition: `PRIMARY KEY ("ID")`, Columns: []string{"ID"}},
					{
						Name: "Order Items_user_fkey", Kind: state.ConstraintForeignKey,
						Definition: `FOREIGN KEY ("user") REFERENCES public.users(id) ON UPDATE SET NULL ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED`,
						Columns:    []string{"user"}, References: &users,
					},
					{Name: "items_user_qty", Kind: state.ConstraintUnique, Definition: `UNIQUE ("user", qty)`, Columns: []string{"user", "qty"}},
					{
						Name: "no_overlap", Kind: state.ConstraintExclusion,
						Definition: "EXCLUDE USING gist (room WITH =, during WITH &&)", Comment: "one booking per room",
					},
					{Name: "one_per_room", Kind: state.ConstraintUnique, Definition: "UNIQUE (room) DEFERRABLE", Columns: []string{"room"}},
					{Name: "positive_price", Kind: state.ConstraintCheck, Definition: "CHECK ((price > (0)::numeric))", NotValid: true},
					{Name: "select check", Kind: state.ConstraintCheck, Definition: `CHECK (("select" <> ''::text))`},
				},
				Indexes: []state.Index{
					{
						Name:       "Order Items_user_price",
						Definition: `CREATE INDEX "Order Items_user_price" ON app."Order Items" USING btree ("user", price DESC)`,
					},
				},
			},
			{Schema: "app", Name: "empty"},
			{
				Schema: "app", Name: "event_refs",
				Columns: []state.Column{{Name: "event_id", Type: "integer"}, {Name: "event_at", Type: "date"}},
				Constraints: []state.Constraint{{
					Name: "event_refs_event", Kind: state.ConstraintForeignKey,
					Definition: "FOREIGN KEY (event_id, event_at) REFERENCES app.events(id, at)",
					Columns:    []string{"event_id", "event_at"},
					References: &state.QualName{Schema: "app", Name: "events"},
				}},
			},
			// The partitioned table and its partitions: the partitions'
			// columns are inherited, their copies of the primary key are
			// the parent's.
			{
				Schema: "app", Name: "events",
				Columns: []state.Column{{Name: "id", Type: "integer", NotNull: true}, {Name: "at", Type: "date", NotNull: true}},
				Constraints: []state.Constraint{{
					Name: "events_pkey", Kind: state.ConstraintPrimaryKey,
					Definition: "PRIMARY KEY (id, at)", Columns: []string{"id", "at"},
				}},
				PartitionBy: "RANGE (at)",
			},
			{
				Schema: "app", Name: "events_2024",
				Columns: []state.Column{
					{Name: "id", Type: "integer", NotNull: true, Inherited: true},
					{Name: "at", Type: "date", NotNull: true, Inherited: true},
				},
				PartitionOf:    &state.QualName{Schema: "app", Name: "events"},
				PartitionBound: "FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
			},
			{
				Schema: "app", Name: "events_2025",
				Columns: []state.Column{
					{Name: "id", Type: "integer", NotNull: true, Inherited: true},
					{Name: "at", Type: "date", NotNull: true, Inherited: true},
				},
				PartitionOf:    &state.QualName{Schema: "app", Name: "events"},
				PartitionBound: "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')",
			},
			{
				Schema: "app", Name: "refs",
				Columns: []state.Column{
					{Name: "u", Type: "bigint"},
					{Name: "q", Type: "smallint"},
					{Name: "n", Type: "integer", Default: "nextval('app.countdown'::regclass)"},
				},
				Constraints: []state.Constraint{{
					Name: "refs_item", Kind: state.ConstraintForeignKey,
					Definition: `FOREIGN KEY (u, q) REFERENCES app."Order Items"("user", qty) MATCH FULL ON DELETE SET DEFAULT`,
					Columns:    []string{"u", "q"},
					References: &state.QualName{Schema: "app", Name: "Order Items"},
					NotValid:   true,
				}},
			},
			{
				Schema: "public", Name: "users", Comment: "people",
				Columns: []state.Column{
					{Name: "id", Type: "bigint", NotNull: true, Default: "nextval('public.users_id_seq'::regclass)"},
					{Name: "email", Type: "text", Collation: `"C"`, NotNull: true, Comment: "login, unique"},
					{Name: "name", Type: "character varying(100)", Collation: `"POSIX"`},
					{Name: "nick", Type: "text", Collation: `app."my coll"`},
					{Name: "same", Type: "text"},
					{Name: "status", Type: "public.status", NotNull: true, Default: "'draft'::public.status"},
					{Name: "created_at", Type: "timestamp with time zone", NotNull: true, Default: "now()"},
					{Name: "born", Type: "date", Default: "'2000-01-31'::date"},
					{Name: "valid_from", Type: "timestamp with time zone", Default: "'2020-06-01 12:00:00+00'::timestamp with time zone"},
					{Name: "ttl", Type: "interval", Default: "'1 day 02:00:00'::interval"},
					{Name: "blob", Type: "bytea", Default: `'\xdeadbeef'::bytea`},
					{Name: "score", Type: "numeric(10,2)", Default: "0.5"},
					{Name: "ratio", Type: "double precision", Default: "0.1"},
					{Name: "tags", Type: "text[]", Default: "'{}'::text[]"},
				},
				Constraints: []state.Constraint{
					{Name: "score_positive", Kind: state.ConstraintCheck, Definition: "CHECK ((score >= (0)::numeric))", Comment: "no debts"},
					{Name: "users_email_key", Kind: state.ConstraintUnique, Definition: "UNIQUE (email)", Columns: []string{"email"}},
					{Name: "users_pkey", Kind: state.ConstraintPrimaryKey, Definition: "PRIMARY KEY (id)", Columns: []string{"id"}, Comment: "the key"},
				},
				Indexes: []state.Index{
					{Name: `Users by "nick"`, Definition: `CREATE INDEX "Users by ""nick""" ON public.users USING btree (nick text_pattern_ops, born)`},
					{Name: "users_email_hash", Definition: "CREATE INDEX users_email_hash ON public.users USING hash (email)"},
					{
						Name: "users_lower_email", Definition: "CREATE INDEX users_lower_email ON public.users USING btree (lower(email))",
						Comment: "case-insensitive lookups",
					},
					{
						Name: "users_name_status", Unique: true,
						Definition: "CREATE UNIQUE INDEX users_name_status ON public.users USING btree (name, status) INCLUDE (score)",
					},
					{
						Name:       "users_recent",
						Definition: "CREATE INDEX users_recent ON public.users USING btree (created_at DESC NULLS LAST) WHERE (status <> 'archived'::public.status)",
					},
				},
			},
			{
				Schema: "select", Name: "table",
				Columns: []state.Column{{Name: "column", Type: "integer"}},
				Constraints: []state.Constraint{
					{Name: "table_column_key", Kind: state.ConstraintUnique, Definition: `UNIQUE ("column")`, Columns: []string{"column"}},
				},
			},
		},
	}
	// Views keep pg_get_viewdef's text as it is.
	s.Views = []state.View{
		{Schema: "app", Name: "mv", Materialized: true, Definition: " SELECT 1 AS one", Columns: []state.ViewColumn{{Name: "one", Type: "integer"}}},
		{Schema: "app", Name: "v", Definition: " SELECT 1 AS one", Columns: []state.ViewColumn{{Name: "one", Type: "integer"}}},
	}
	if major >= 15 {
		s.Tables = append(s.Tables, state.Table{
			Schema: "app", Name: "nnd",
			Columns: []state.Column{{Name: "a", Type: "integer"}, {Name: "b", Type: "integer"}},
			Constraints: []state.Constraint{
				{Name: "nnd_a", Kind: state.ConstraintUnique, Definition: "UNIQUE NULLS NOT DISTINCT (a)", Columns: []string{"a"}},
			},
			Indexes: []state.Index{
				{Name: "nnd_b", Unique: true, Definition: "CREATE UNIQUE INDEX nnd_b ON app.nnd USING btree (b) NULLS NOT DISTINCT"},
			},
		})
	}
	if major >= 18 {
		s.Tables = append(s.Tables, state.Table{
			Schema: "app", Name: "pg18",
			Columns: []state.Column{
				{Name: "a", Type: "integer", NotNull: true},
				{Name: "b", Type: "integer", Generated: "(a * 2)"},
			},
			Constraints: []state.Constraint{
				{Name: "a_small", Kind: state.ConstraintCheck, Definition: "CHECK ((a < 100)) NOT ENFORCED"},
			},
		})
	}
	// Domains, composite and range types and collations (typedetails.go).
	s.Types = append(s.Types,
		state.Type{Schema: "app", Name: "positive", Kind: state.TypeDomain, TypeDetails: state.TypeDetails{
			BaseType: "integer",
			Checks:   []state.Constraint{{Name: "positive_check", Kind: state.ConstraintCheck, Definition: "CHECK ((VALUE > 0))"}},
		}},
		state.Type{Schema: "app", Name: "pair", Kind: state.TypeComposite, TypeDetails: state.TypeDetails{
			Attributes: []state.Attribute{{Name: "a", Type: "integer"}, {Name: "b", Type: "text"}},
		}},
		state.Type{Schema: "app", Name: "floatrange", Kind: state.TypeRange, TypeDetails: state.TypeDetails{
			Subtype: "double precision", MultirangeName: "app.floatmultirange",
		}},
	)
	s.Collations = []state.Collation{{Schema: "app", Name: "my coll", Provider: "libc", Locale: "C", Deterministic: true}}
	// What pg_depend records beyond the text (queries/depends.sql): a
	// default casting to an enum, an index on a collation and on an
	// enum-typed expression.
	col := func(schema, table, name string) state.ObjectKey {
		return state.ObjectKey{Kind: state.KindColumn, Schema: schema, Table: table, Name: name}
	}
	idx := func(name string) state.ObjectKey {
		return state.ObjectKey{Kind: state.KindIndex, Schema: "public", Table: "users", Name: name}
	}
	s.CatalogDepends = []state.CatalogDepend{
		{Dependent: col("Billing Dept", "invoices", "currency"), RefClass: "type", RefSchema: "Billing Dept", RefName: "Währung"},
		{Dependent: col("public", "users", "status"), RefClass: "type", RefSchema: "public", RefName: "status"},
		{Dependent: idx(`Users by "nick"`), RefClass: "collation", RefSchema: "app", RefName: "my coll"},
		{Dependent: idx("users_recent"), RefClass: "type", RefSchema: "public", RefName: "status"},
	}
	addDefaultPrivileges(&s, major)
	s.Normalize()
	return s
}

// defaultVersion returns the version CREATE EXTENSION name installs on the
// test server.
func defaultVersion(t *testing.T, conn *pgx.Conn, name string) string {
	t.Helper()
	var v string
	err := conn.QueryRow(testContext(t),
		"SELECT default_version FROM pg_available_extensions WHERE name = $1", name).Scan(&v)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func introspect(t testing.TB, conn *pgx.Conn) state.DatabaseSchema {
	t.Helper()
	s, err := Introspect(testContext(t), conn)
	if err != nil {
		t.Fatalf("Introspect: %v", err)
	}
	return *s
}

func TestIntrospect(t *testing.T) {
	t.Parallel()
	_, conn := newDatabase(t, fixtureSQL(srv.Version())...)
	ctx := testContext(t)
	// A temporary table lives in a pg_temp_N schema and must not appear.
	if _, err := conn.Exec(ctx, "CREATE TEMP TABLE scratch (x int PRIMARY KEY)"); err != nil {
		t.Fatal(err)
	}

	got := introspect(t, conn)
	want := expectedFixture(srv.Version(), defaultVersion(t, conn, "btree_gist"))
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Introspect mismatch (-want +got):\n%s", diff)
	}
}

func TestIntrospectEmptyDatabase(t *testing.T) {
	t.Parallel()
	_, conn := newDatabase(t)
	got := introspect(t, conn)
	// plpgsql is installed but not reported; public is.
	want := state.DatabaseSchema{Schemas: []state.Schema{{Name: "public", Comment: "standard public schema"}}}
	addDefaultPrivileges(&want, srv.Version())
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Introspect mismatch (-want +got):\n%s", diff)
	}
}

// TestIntrospectIgnoresSessionSettings checks that the session's settings
// do not change the deparsed text: a caller's search_path would change
// what gets schema-qualified, and the others how constants print.
func TestIntrospectIgnoresSessionSettings(t *testing.T) {
	t.Parallel()
	_, conn := newDatabase(t, fixtureSQL(srv.Version())...)
	ctx := testContext(t)
	want := introspect(t, conn)

	settings := map[string]string{
		"search_path":           `app, "Billing Dept", public`,
		"quote_all_identifiers": "on",
		"datestyle":             "SQL, DMY",
		"intervalstyle":         "iso_8601",
		"timezone":              "Asia/Tokyo",
		"extra_float_digits":    "-3",
		"bytea_output":          "escape",
	}
	for name, value := range settings {
		if _, err := conn.Exec(ctx, "SELECT set_config($1, $2, false)", name, value); err != nil {
			t.Fatal(err)
		}
	}
	got := introspect(t, conn)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("session settings changed the model (-default +odd settings):\n%s", diff)
	}

	// The settings were LOCAL to Introspect's transaction: the session
	// keeps its own, and the connection is usable.
	for name, value := range settings {
		var now string
		if err := conn.QueryRow(ctx, "SELECT current_setting($1)", name).Scan(&now); err != nil {
			t.Fatal(err)
		}
		if now != value {
			t.Errorf("after Introspect, %s = %q, want the session's %q", name, now, value)
		}
	}
}

// TestIntrospectQueryExecModes checks that Introspect works, with the same
// result, whatever protocol the caller configured: the simple protocol
// (text results, as behind PgBouncer in transaction mode) included.
func TestIntrospectQueryExecModes(t *testing.T) {
	t.Parallel()
	dsn, conn := newDatabase(t, fixtureSQL(srv.Version())...)
	ctx := testContext(t)
	want := introspect(t, conn)
	for _, mode := range []pgx.QueryExecMode{
		pgx.QueryExecModeCacheDescribe,
		pgx.QueryExecModeDescribeExec,
		pgx.QueryExecModeExec,
		pgx.QueryExecModeSimpleProtocol,
	} {
		t.Run(mode.String(), func(t *testing.T) {
			cfg, err := pgx.ParseConfig(dsn)
			if err != nil {
				t.Fatal(err)
			}
			cfg.DefaultQueryExecMode = mode
			c, err := pgx.ConnectConfig(ctx, cfg)
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close(ctx)
			if diff := cmp.Diff(want, introspect(t, c)); diff != "" {
				t.Errorf("Introspect mismatch (-default mode +%s):\n%s", mode, diff)
			}
		})
	}
}

func TestIntrospectRefusesOpenTransaction(t *testing.T) {
	t.Parallel()
	_, conn := newDatabase(t)
	ctx := testContext(t)
	tx, err := conn.Begin(ctx)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback(ctx)
	if _, err := Introspect(ctx, conn); err == nil || !strings.Contains(err.Error(), "inside a transaction") {
		t.Fatalf("Introspect in a transaction: got error %v, want one about the transaction", err)
	}
}

// queryCounter is a pgx tracer that counts what goes to the server: each
// Query/Exec, each batch, and each query inside a batch.
type queryCounter struct {
	queries, batches, batchQueries atomic.Int64
}

func (c *queryCounter) TraceQueryStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceQueryStartData) context.Context {
	c.queries.Add(1)
	return ctx
}
func (c *queryCounter) TraceQueryEnd(context.Context, *pgx.Conn, pgx.TraceQueryEndData) {}
func (c *queryCounter) TraceBatchStart(ctx context.Context, _ *pgx.Conn, _ pgx.TraceBatchStartData) context.Context {
	c.batches.Add(1)
	return ctx
}
func (c *queryCounter) TraceBatchQuery(context.Context, *pgx.Conn, pgx.TraceBatchQueryData) {
	c.batchQueries.Add(1)
}
func (c *queryCounter) TraceBatchEnd(context.Context, *pgx.Conn, pgx.TraceBatchEndData) {}

func (c *queryCounter) String() string {
	return fmt.Sprintf("%d queries, %d batches holding %d queries", c.queries.Load(), c.batches.Load(), c.batchQueries.Load())
}

// generatedSchema returns SQL creating n tables, each with a few columns, a
// primary key, a foreign key to the previous table, an index, a unique
// constraint, an identity column and comments. The statements come in
// chunks of a few hundred tables, each one transaction, so that no
// transaction runs out of lock table space.
func generatedSchema(n int) []string {
	var (
		chunks []string
		b      strings.Builder
	)
	b.WriteString("CREATE SCHEMA gen;\nCREATE TYPE gen.kind AS ENUM ('a', 'b', 'c');\n")
	for i := range n {
		if i > 0 && i%250 == 0 {
			chunks = append(chunks, b.String())
			b.Reset()
		}
		fmt.Fprintf(&b, "CREATE TABLE gen.t%d (\n", i)
		b.WriteString("\tid bigint GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,\n")
		if i > 0 {
			fmt.Fprintf(&b, "\tparent_id bigint REFERENCES gen.t%d (id) ON DELETE CASCADE,\n", i-1)
		} else {
			b.WriteString("\tparent_id bigint,\n")
		}
		b.WriteString("\tname text NOT NULL DEFAULT '',\n")
		b.WriteString("\tkind gen.kind NOT NULL DEFAULT 'a',\n")
		b.WriteString("\tamount numeric(12,2) CHECK (amount >= 0),\n")
		b.WriteString("\tcreated_at timestamptz NOT NULL DEFAULT now(),\n")
		b.WriteString("\tUNIQUE (name, kind)\n);\n")
		fmt.Fprintf(&b, "CREATE INDEX t%[1]d_parent ON gen.t%[1]d (parent_id);\n", i)
		fmt.Fprintf(&b, "COMMENT ON TABLE gen.t%d IS 'table %d';\n", i, i)
		fmt.Fprintf(&b, "COMMENT ON COLUMN gen.t%d.name IS 'name of %d';\n", i, i)
	}
	return append(chunks, b.String())
}

// TestIntrospectIsBulk shows that the number of statements Introspect
// sends does not depend on the number of objects.
func TestIntrospectIsBulk(t *testing.T) {
	t.Parallel()
	count := func(tables int) (string, int) {
		dsn, _ := newDatabase(t, generatedSchema(tables)...)
		ctx := testContext(t)
		cfg, err := pgx.ParseConfig(dsn)
		if err != nil {
			t.Fatal(err)
		}
		counter := &queryCounter{}
		cfg.Tracer = counter
		conn, err := pgx.ConnectConfig(ctx, cfg)
		if err != nil {
			t.Fatal(err)
		}
		defer conn.Close(ctx)
		s := introspect(t, conn)
		return counter.String(), len(s.Tables)
	}
	small, n := count(3)
	if n != 3 {
		t.Fatalf("got %d tables, want 3", n)
	}
	large, n := count(300)
	if n != 300 {
		t.Fatalf("got %d tables, want 300", n)
	}
	t.Logf("3 tables: %s; 300 tables: %s", small, large)
	if small != large {
		t.Errorf("Introspect sent %s for 3 tables but %s for 300", small, large)
	}
	// The transaction is begun, with the session settings, in a first
	// batch (the queries must be prepared under them), the queries go in
	// a second, and the transaction is committed after.
	if want := "1 queries, 2 batches holding 31 queries"; large != want {
		t.Errorf("Introspect sent %s, want %s", large, want)
	}
}

func TestRemoteFingerprint(t *testing.T) {
	t.Parallel()
	_, conn := newDatabase(t, fixtureSQL(srv.Version())...)
	ctx := testContext(t)
	first, err := RemoteFingerprint(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	if want := introspect(t, conn).Fingerprint(); first != want {
		t.Errorf("RemoteFingerprint = %s, want Introspect's %s", first, want)
	}
	// Using sequences moves last_value, which is not part of the schema.
	if _, err := conn.Exec(ctx, "SELECT nextval('public.plain'); INSERT INTO public.users (email) VALUES ('a@b')"); err != nil {
		t.Fatal(err)
	}
	again, err := RemoteFingerprint(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	if again != first {
		t.Errorf("fingerprint moved with the data: %s, then %s", first, again)
	}
	if _, err := conn.Exec(ctx, "COMMENT ON TABLE public.users IS 'humans'"); err != nil {
		t.Fatal(err)
	}
	changed, err := RemoteFingerprint(ctx, conn)
	if err != nil {
		t.Fatal(err)
	}
	if changed == first {
		t.Errorf("fingerprint did not change with a comment: %s", changed)
	}
}

func TestParseServerVersion(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want int
		ok   bool
	}{
		{"15.4", 150004, true},
		{"15.14 (Debian 15.14-0+deb12u1)", 150014, true},
		{"13.23", 130023, true},
		{"18beta1", 180000, true},
		{"18.4", 180004, true},
		{"10.5", 100005, true},
		{"9.6.3", 90603, true},
		{"", 0, false},
		{"x", 0, false},
	} {
		got, ok := parseServerVersion(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("parseServerVersion(%q) = %d, %v, want %d, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

// BenchmarkIntrospect introspects a database of 1,000 generated tables
// (6 columns, primary key, foreign key, unique, check, index and comments
// each).
func BenchmarkIntrospect(b *testing.B) {
	_, conn := newDatabase(b, generatedSchema(1000)...)
	ctx := testContext(b)
	// Warm up the connection's statement cache.
	if _, err := Introspect(ctx, conn); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		s, err := Introspect(ctx, conn)
		if err != nil {
			b.Fatal(err)
		}
		if len(s.Tables) != 1000 {
			b.Fatalf("got %d tables", len(s.Tables))
		}
	}
}
