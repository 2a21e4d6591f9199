package planner

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

func TestClassifyTypeChange(t *testing.T) {
	const (
		ok   = ConversionLossless
		fail = ConversionMayFail
		loss = ConversionLossy
	)
	types := map[string]UserType{
		"public.posint": {Kind: state.TypeDomain, BaseType: "integer", Constrained: true},
		"public.code5":  {Kind: state.TypeDomain, BaseType: "character varying(5)"},
		"public.mood":   {Kind: state.TypeEnum},
		"public.pair":   {Kind: state.TypeComposite},
	}
	resolve := func(name string) (UserType, bool) { u, found := types[name]; return u, found }
	tests := []struct {
		old, nw string
		want    Conversion
	}{
		{"character varying(50)", "character varying(20)", loss},
		{"character varying(20)", "character varying(50)", ok},
		{"character varying(20)", "character varying", ok},
		{"text", "character varying(10)", loss},
		{"integer", "character varying(3)", fail},
		{"character(10)", "character(5)", fail},
		{"text", "character(5)", loss},
		{"numeric(10,2)", "numeric(8,2)", fail},
		{"numeric(10,2)", "numeric(10,1)", loss},
		{"numeric(10,2)", "numeric(12,2)", ok},
		{"numeric", "numeric(10,2)", loss},
		{"bigint", "integer", fail},
		{"integer", "bigint", ok},
		{"integer", "real", loss},
		{"smallint", "real", ok},
		{"double precision", "real", loss},
		{"real", "double precision", ok},
		{"real", "integer", loss},
		{"numeric(10,2)", "integer", loss},
		{"numeric(9,0)", "integer", ok},
		{"timestamp(6) without time zone", "timestamp(0) without time zone", loss},
		{"timestamp without time zone", "date", loss},
		{"timestamp with time zone", "date", loss},
		{"timestamp with time zone", "timestamp without time zone", loss},
		{"timestamp without time zone", "timestamp with time zone", loss},
		{"date", "timestamp without time zone", ok},
		{"json", "jsonb", loss},
		{"jsonb", "json", ok},
		{"text", "integer", fail},
		{"text", "jsonb", loss},
		{"text", "date", loss},
		{"integer", "text", ok},
		{"boolean", "date", fail},
		{"integer[]", "bigint[]", ok},
		{"bigint[]", "integer[]", fail},
		{"real[]", "integer[]", loss},
		{"public.posint", "integer", ok},
		{"integer", "public.posint", fail},
		{"text", "public.code5", loss},
		{"public.mood", "text", ok},
		{"text", "public.mood", fail},
		{"public.pair", "public.mood", loss},
		{"public.unknown", "integer", loss},
		{"money", "numeric", loss},
	}
	for _, tt := range tests {
		t.Run(tt.old+" to "+tt.nw, func(t *testing.T) {
			got := ClassifyTypeChange(tt.old, tt.nw, resolve)
			if got.Conversion != tt.want {
				t.Errorf("ClassifyTypeChange(%q, %q) = %s (%s), want %s", tt.old, tt.nw, got.Conversion, got.Why, tt.want)
			}
			if got.Conversion != ok && got.Why == "" {
				t.Errorf("a %s conversion without a reason", got.Conversion)
			}
		})
	}
}

func TestRewriteFree_Numeric(t *testing.T) {
	tests := []struct {
		name, old, nw string
		free          bool
	}{
		{"more precision", "numeric(10,2)", "numeric(12,2)", true},
		{"unconstrained", "numeric(10,2)", "numeric", true},
		{"scale change", "numeric(10,2)", "numeric(12,3)", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := rewriteFree(tt.old, tt.nw); got != tt.free {
				t.Errorf("rewriteFree(%q, %q) = %v, want %v", tt.old, tt.nw, got, tt.free)
			}
		})
	}
}

func ordersTable(mod func(*state.Table)) state.Table {
	t := state.Table{Schema: "public", Name: "orders", Columns: []state.Column{
		{Name: "id", Type: "integer", NotNull: true},
		{Name: "customer_id", Type: "integer"},
		{Name: "note", Type: "text"},
	}, Constraints: []state.Constraint{{Name: "orders_pkey", Kind: state.ConstraintPrimaryKey, Columns: []string{"id"}, Definition: "PRIMARY KEY (id)"}}}
	if mod != nil {
		mod(&t)
	}
	return t
}

func sqls(p *Plan) []string {
	var out []string
	for _, s := range p.Steps {
		tx := "tx"
		if !s.Transactional {
			tx = "notx"
		}
		out = append(out, tx+": "+strings.TrimSuffix(s.SQL, "\n"))
	}
	return out
}

func TestOnline(t *testing.T) {
	from := viewSchema([]state.Table{ordersTable(func(t *state.Table) {
		t.Indexes = []state.Index{{Name: "orders_note_idx", Definition: "CREATE INDEX orders_note_idx ON public.orders USING btree (note)"}}
	})})
	to := viewSchema([]state.Table{ordersTable(func(t *state.Table) {
		t.Columns[2].NotNull = true
		t.Constraints = append(t.Constraints, state.Constraint{Name: "orders_customer_id_check", Kind: state.ConstraintCheck, Columns: []string{"customer_id"}, Definition: "CHECK ((customer_id > 0))"})
		t.Indexes = []state.Index{{Name: "orders_customer_id_idx", Definition: "CREATE INDEX orders_customer_id_idx ON public.orders USING btree (customer_id)", Comment: "by customer"}}
	})})
	p, err := DiffWithOptions(from, to, Options{Online: true})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"tx: ALTER TABLE public.orders ADD CONSTRAINT orders_note_renovate_not_null CHECK (note IS NOT NULL) NOT VALID;",
		"tx: ALTER TABLE public.orders ADD CONSTRAINT orders_customer_id_check CHECK ((customer_id > 0)) NOT VALID;",
		"notx: DROP INDEX CONCURRENTLY public.orders_note_idx;",
		"notx: ALTER TABLE public.orders VALIDATE CONSTRAINT orders_note_renovate_not_null;",
		"notx: ALTER TABLE public.orders ALTER COLUMN note SET NOT NULL;",
		"notx: ALTER TABLE public.orders DROP CONSTRAINT orders_note_renovate_not_null;",
		"notx: ALTER TABLE public.orders VALIDATE CONSTRAINT orders_customer_id_check;",
		"notx: CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders USING btree (customer_id);",
		"notx: COMMENT ON INDEX public.orders_customer_id_idx IS 'by customer';",
	}
	if diff := cmp.Diff(want, sqls(p)); diff != "" {
		t.Errorf("online plan (-want +got):\n%s", diff)
	}
	for _, s := range p.Steps {
		if !s.Transactional && !s.HasHazard(HazardNotTransactional) {
			t.Errorf("step %d runs outside the transaction without saying so", s.ID)
		}
	}

	// Without Online: one transaction, with the lock hazard named.
	p, err = Diff(from, to)
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range p.Steps {
		if !s.Transactional {
			t.Errorf("step %d is not transactional in a plain plan", s.ID)
		}
		if strings.Contains(s.SQL, "SET NOT NULL") && (!s.HasHazard(HazardAccessExclusiveLock) || s.Relation == nil) {
			t.Errorf("SET NOT NULL lacks the lock hazard or relation: %+v", s)
		}
	}
}

func TestOnline_NewTableStaysInTransaction(t *testing.T) {
	from := viewSchema(nil)
	to := viewSchema([]state.Table{ordersTable(func(t *state.Table) {
		t.Indexes = []state.Index{{Name: "orders_note_idx", Definition: "CREATE INDEX orders_note_idx ON public.orders USING btree (note)"}}
	})})
	p, err := DiffWithOptions(from, to, Options{Online: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range p.Steps {
		if !s.Transactional || strings.Contains(s.SQL, "CONCURRENTLY") {
			t.Errorf("a new table's index needs no online build: %s", s.SQL)
		}
	}
}

func TestInvalidIndexCleanup(t *testing.T) {
	ix := state.Index{Name: "orders_note_idx", Definition: "CREATE INDEX orders_note_idx ON public.orders USING btree (note)"}
	from := viewSchema([]state.Table{ordersTable(nil)}) // the INVALID index is not in the model
	to := viewSchema([]state.Table{ordersTable(func(t *state.Table) { t.Indexes = []state.Index{ix} })})
	invalid := []state.ObjectKey{{Kind: state.KindIndex, Schema: "public", Table: "orders", Name: "orders_note_idx"}}
	for _, online := range []bool{false, true} {
		p, err := DiffWithOptions(from, to, Options{Online: online, InvalidIndexes: invalid})
		if err != nil {
			t.Fatal(err)
		}
		want := []string{"tx: DROP INDEX public.orders_note_idx;", "tx: CREATE INDEX orders_note_idx ON public.orders USING btree (note);"}
		if online {
			want = []string{"notx: DROP INDEX CONCURRENTLY public.orders_note_idx;", "notx: CREATE INDEX CONCURRENTLY orders_note_idx ON public.orders USING btree (note);"}
		}
		if diff := cmp.Diff(want, sqls(p)); diff != "" {
			t.Errorf("online=%v (-want +got):\n%s", online, diff)
		}
	}
}

func TestDataMigrationPlaceholders(t *testing.T) {
	from := viewSchema([]state.Table{ordersTable(nil)})
	to := viewSchema([]state.Table{ordersTable(func(t *state.Table) {
		t.Columns[2].Type = "integer"
		t.Columns = append(t.Columns, state.Column{Name: "region", Type: "text", NotNull: true})
	})})
	q := state.QualName{Schema: "public", Name: "orders"}
	opts := Options{NonEmptyTables: map[state.QualName]bool{q: true}, NoAssignmentCast: map[[2]string]bool{{"text", "integer"}: true}}
	p, err := DiffWithOptions(from, to, opts)
	if err != nil {
		t.Fatal(err)
	}
	var placeholders int
	for _, s := range p.Steps {
		if s.Placeholder {
			placeholders++
			if !strings.Contains(s.SQL, PlaceholderMarker) || !s.HasHazard(HazardDataMigration) {
				t.Errorf("placeholder step %d lacks the marker or hazard:\n%s", s.ID, s.SQL)
			}
		}
	}
	if placeholders != 2 {
		t.Errorf("want 2 placeholder steps, got %d:\n%s", placeholders, strings.Join(sqls(p), "\n"))
	}
	// An empty table needs none.
	p, err = DiffWithOptions(from, to, Options{NoAssignmentCast: opts.NoAssignmentCast})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range p.Steps {
		if s.Placeholder {
			t.Errorf("placeholder on an empty table: %s", s.SQL)
		}
	}
}

func TestAttachSizes(t *testing.T) {
	from := viewSchema([]state.Table{ordersTable(nil)})
	to := viewSchema([]state.Table{ordersTable(func(t *state.Table) { t.Columns[1].Type = "bigint" })})
	p, err := Diff(from, to)
	if err != nil {
		t.Fatal(err)
	}
	q := state.QualName{Schema: "public", Name: "orders"}
	if diff := cmp.Diff([]state.QualName{q}, p.Relations()); diff != "" {
		t.Fatalf("relations (-want +got):\n%s", diff)
	}
	p.AttachSizes(map[state.QualName]RelationSize{q: {EstimatedRows: 1_200_000, Bytes: 340 << 20, TotalBytes: 400 << 20}})
	s := p.Steps[0]
	if s.Size == nil || s.Size.TotalBytes != 400<<20 {
		t.Fatalf("size not attached: %+v", s)
	}
	var rewrite string
	for _, h := range s.Hazards {
		if h.Kind == HazardTableRewrite {
			rewrite = h.Message
		}
	}
	if !strings.HasSuffix(rewrite, "(public.orders: ~1.2M rows, 340 MB)") {
		t.Errorf("rewrite hazard does not show the size: %q", rewrite)
	}
}

func TestOnline_UniqueIndexForForeignKey(t *testing.T) {
	accounts := func(withFK bool) []state.Table {
		acc := state.Table{Schema: "public", Name: "accounts", Columns: []state.Column{{Name: "id", Type: "integer", NotNull: true}, {Name: "email", Type: "text"}},
			Constraints: []state.Constraint{{Name: "accounts_pkey", Kind: state.ConstraintPrimaryKey, Columns: []string{"id"}, Definition: "PRIMARY KEY (id)"}}}
		ref := state.Table{Schema: "public", Name: "refs", Columns: []state.Column{{Name: "email", Type: "text"}, {Name: "acc", Type: "integer"}}}
		if withFK {
			acc.Indexes = []state.Index{{Name: "accounts_email_key", Unique: true, Definition: "CREATE UNIQUE INDEX accounts_email_key ON public.accounts USING btree (email)"}}
			q := state.QualName{Schema: "public", Name: "accounts"}
			ref.Constraints = []state.Constraint{
				{Name: "refs_acc_fkey", Kind: state.ConstraintForeignKey, Columns: []string{"acc"}, References: &q, Definition: "FOREIGN KEY (acc) REFERENCES public.accounts(id)"},
				{Name: "refs_email_fkey", Kind: state.ConstraintForeignKey, Columns: []string{"email"}, References: &q, Definition: "FOREIGN KEY (email) REFERENCES public.accounts(email)"},
			}
		}
		return []state.Table{acc, ref}
	}
	p, err := DiffWithOptions(viewSchema(accounts(false)), viewSchema(accounts(true)), Options{Online: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range p.Steps {
		if strings.Contains(s.SQL, "accounts_email_key") && (!s.Transactional || strings.Contains(s.SQL, "CONCURRENTLY")) {
			t.Errorf("the unique index a new foreign key uses must be built in the transaction: %s", s.SQL)
		}
	}
}
