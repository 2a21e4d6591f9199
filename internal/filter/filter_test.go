package filter

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/renovate-pg/renovate/state"
)

func TestParsePattern(t *testing.T) {
	tests := []struct {
		name, text string
		want       Pattern
		err        string
	}{
		{name: "qualified", text: "public.audit_*", want: Pattern{Schema: "public", Name: "audit_*"}},
		{name: "unqualified", text: "tmp_?", want: Pattern{Name: "tmp_?"}},
		{name: "schema", text: "schema:archive", want: Pattern{Kind: state.KindSchema, Schema: "archive", WholeSchema: true}},
		{name: "kind", text: "kind:function:legacy_*", want: Pattern{Kind: state.KindFunction, Name: "legacy_*"}},
		{name: "kind qualified", text: "kind:index:public.*_tmp", want: Pattern{Kind: state.KindIndex, Schema: "public", Name: "*_tmp"}},
		{name: "kind schema", text: "kind:schema:arch*", want: Pattern{Kind: state.KindSchema, Schema: "arch*", WholeSchema: true}},
		{name: "unknown kind", text: "kind:tabel:x", err: `unknown kind "tabel"`},
		{name: "kind without name", text: "kind:table", err: "want kind:KIND:NAME"},
		{name: "empty", text: "", err: "name is empty"},
		{name: "empty schema", text: "schema:", err: "schema is empty"},
		{name: "too many dots", text: "a.b.c", err: `too many "."`},
		{name: "unknown prefix", text: "table:x", err: `unexpected ":"`},
		{name: "qualified extension", text: "kind:extension:public.x", err: "belong to no schema"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParsePattern(tt.text)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("ParsePattern(%q) error = %v, want it to contain %q", tt.text, err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			tt.want.Text = tt.text
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("ParsePattern(%q) (-want +got):\n%s", tt.text, diff)
			}
		})
	}
}

func TestGlob(t *testing.T) {
	tests := []struct {
		pattern, s string
		want       bool
	}{
		{"*", "", true},
		{"audit_*", "audit_log", true},
		{"audit_*", "audit_", true},
		{"audit_*", "xaudit_log", false},
		{"*_tmp", "a_tmp", true},
		{"*_tmp", "a_tmpx", false},
		{"a*b*c", "axxbyyc", true},
		{"a*b*c", "axxbyy", false},
		{"t?", "t1", true},
		{"t?", "t12", false},
		{"Users", "users", false},
		{"é*", "été", true},
	}
	for _, tt := range tests {
		if got := glob(tt.pattern, tt.s); got != tt.want {
			t.Errorf("glob(%q, %q) = %v, want %v", tt.pattern, tt.s, got, tt.want)
		}
	}
}

func TestInScope(t *testing.T) {
	table := func(schema, name string) state.ObjectKey {
		return state.ObjectKey{Kind: state.KindTable, Schema: schema, Name: name}
	}
	fn := state.ObjectKey{Kind: state.KindFunction, Schema: "public", Name: "legacy_sum", Signature: "(integer)"}
	idx := state.ObjectKey{Kind: state.KindIndex, Schema: "public", Table: "users", Name: "users_tmp"}
	tests := []struct {
		name             string
		include, exclude []string
		key              state.ObjectKey
		want             bool
	}{
		{name: "no patterns", key: table("public", "users"), want: true},
		{name: "excluded by name", exclude: []string{"public.audit_*"}, key: table("public", "audit_log"), want: false},
		{name: "other schema not excluded", exclude: []string{"public.audit_*"}, key: table("app", "audit_log"), want: true},
		{name: "unqualified any schema", exclude: []string{"audit_*"}, key: table("app", "audit_log"), want: false},
		{name: "schema pattern", exclude: []string{"schema:archive"}, key: table("archive", "old"), want: false},
		{name: "schema pattern the schema", exclude: []string{"schema:archive"}, key: state.ObjectKey{Kind: state.KindSchema, Name: "archive"}, want: false},
		{name: "plain pattern never names a schema", exclude: []string{"archive"}, key: state.ObjectKey{Kind: state.KindSchema, Name: "archive"}, want: true},
		{name: "kind pattern", exclude: []string{"kind:function:legacy_*"}, key: fn, want: false},
		{name: "kind pattern other kind", exclude: []string{"kind:function:legacy_*"}, key: table("public", "legacy_x"), want: true},
		{name: "include restricts", include: []string{"public.*"}, key: table("app", "t"), want: false},
		{name: "include keeps", include: []string{"public.*"}, key: table("public", "t"), want: true},
		{name: "exclude beats include", include: []string{"public.*"}, exclude: []string{"public.t"}, key: table("public", "t"), want: false},
		{name: "nested ignores include", include: []string{"app.*"}, key: idx, want: true},
		{name: "nested kind exclude", exclude: []string{"kind:index:*_tmp"}, key: idx, want: false},
		{name: "plain pattern does not name nested", exclude: []string{"*_tmp"}, key: idx, want: true},
		{name: "extension by kind", exclude: []string{"kind:extension:pg_*"}, key: state.ObjectKey{Kind: state.KindExtension, Name: "pg_trgm"}, want: false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := New(tt.include, tt.exclude)
			if err != nil {
				t.Fatal(err)
			}
			if got := f.InScope(tt.key); got != tt.want {
				t.Errorf("InScope(%s) = %v, want %v", tt.key, got, tt.want)
			}
		})
	}
}

func TestNewJoinsErrors(t *testing.T) {
	_, err := New([]string{"kind:nope:x"}, []string{"a.b.c", "ok.*"})
	if err == nil {
		t.Fatal("New accepted invalid patterns")
	}
	for _, want := range []string{`"kind:nope:x"`, `"a.b.c"`} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q does not name %s", err, want)
		}
	}
}

func sampleSchema() state.DatabaseSchema {
	return state.DatabaseSchema{
		Extensions: []state.Extension{{Name: "pg_trgm"}},
		Schemas:    []state.Schema{{Name: "archive"}, {Name: "billing"}, {Name: "public"}},
		Types:      []state.Type{{Schema: "archive", Name: "old_status"}, {Schema: "public", Name: "status"}},
		Sequences: []state.Sequence{
			{Schema: "public", Name: "audit_log_id_seq", OwnedBy: &state.ColumnRef{Table: "audit_log", Column: "id"}},
			{Schema: "public", Name: "events_seq", OwnedBy: &state.ColumnRef{Table: "events", Column: "id"}},
			{Schema: "public", Name: "ticket_no"},
		},
		Tables: []state.Table{
			{Schema: "archive", Name: "orders_2019"},
			{Schema: "billing", Name: "invoices"},
			{Schema: "public", Name: "audit_log", Indexes: []state.Index{{Name: "audit_log_at_idx"}}},
			{Schema: "public", Name: "events", PartitionBy: "RANGE (at)"},
			{Schema: "public", Name: "events_2020", PartitionOf: &state.QualName{Schema: "public", Name: "events"}},
			{Schema: "public", Name: "users", Indexes: []state.Index{{Name: "users_email_idx"}, {Name: "users_tmp"}}},
		},
		Views:             []state.View{{Schema: "public", Name: "recent_audit", DependsOn: []state.ObjectKey{{Kind: state.KindTable, Schema: "public", Name: "audit_log"}}}},
		Functions:         []state.Function{{Schema: "public", Name: "legacy_sum", IdentityArguments: "integer"}, {Schema: "public", Name: "total"}},
		DefaultPrivileges: []state.DefaultPrivilege{{Role: "app", Schema: "archive", ObjectType: "tables"}, {Role: "app", ObjectType: "tables"}},
	}
}

func names(s state.DatabaseSchema) []string {
	var out []string
	for _, e := range s.Extensions {
		out = append(out, "extension "+e.Name)
	}
	for _, x := range s.Schemas {
		out = append(out, "schema "+x.Name)
	}
	for _, x := range s.Types {
		out = append(out, "type "+x.Schema+"."+x.Name)
	}
	for _, x := range s.Sequences {
		out = append(out, "sequence "+x.Schema+"."+x.Name)
	}
	for _, x := range s.Tables {
		out = append(out, "table "+x.Schema+"."+x.Name)
		for _, i := range x.Indexes {
			out = append(out, "  index "+i.Name)
		}
	}
	for _, x := range s.Views {
		out = append(out, "view "+x.Schema+"."+x.Name)
	}
	for _, x := range s.Functions {
		out = append(out, "function "+x.Schema+"."+x.Name)
	}
	for _, x := range s.DefaultPrivileges {
		out = append(out, "default privileges "+x.Schema)
	}
	return out
}

func TestApply(t *testing.T) {
	all := names(sampleSchema())
	tests := []struct {
		name             string
		include, exclude []string
		want             []string
	}{
		{name: "nothing", want: all},
		{
			name:    "exclude audit tables: the owned sequence and indexes go too, the view stays",
			exclude: []string{"public.audit_*"},
			want: []string{
				"extension pg_trgm", "schema archive", "schema billing", "schema public",
				"type archive.old_status", "type public.status",
				"sequence public.events_seq", "sequence public.ticket_no",
				"table archive.orders_2019", "table billing.invoices", "table public.events", "table public.events_2020",
				"table public.users", "  index users_email_idx", "  index users_tmp",
				"view public.recent_audit", "function public.legacy_sum", "function public.total",
				"default privileges archive", "default privileges ",
			},
		},
		{
			name:    "exclude a schema, a function kind, an index kind and a partitioned parent",
			exclude: []string{"schema:archive", "kind:function:legacy_*", "kind:index:*_tmp", "public.events"},
			want: []string{
				"extension pg_trgm", "schema billing", "schema public", "type public.status",
				"sequence public.audit_log_id_seq", "sequence public.ticket_no",
				"table billing.invoices", "table public.audit_log", "  index audit_log_at_idx",
				"table public.users", "  index users_email_idx",
				"view public.recent_audit", "function public.total", "default privileges ",
			},
		},
		{
			name:    "include one schema: other schemas and the extension are out",
			include: []string{"schema:billing"},
			want:    []string{"schema billing", "table billing.invoices", "default privileges "},
		},
		{
			name:    "include objects: their schema is kept",
			include: []string{"public.users", "public.status"},
			want:    []string{"schema public", "type public.status", "table public.users", "  index users_email_idx", "  index users_tmp", "default privileges "},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := New(tt.include, tt.exclude)
			if err != nil {
				t.Fatal(err)
			}
			in := sampleSchema()
			got := names(f.Apply(in))
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("Apply (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(sampleSchema(), in); diff != "" {
				t.Errorf("Apply modified its input (-want +got):\n%s", diff)
			}
		})
	}
}

func TestNilFilterKeepsEverything(t *testing.T) {
	var f *Filter
	s := sampleSchema()
	if diff := cmp.Diff(s, f.Apply(s)); diff != "" {
		t.Errorf("nil filter changed the schema:\n%s", diff)
	}
}

// TestWithout: Without leaves out exactly the named objects (every
// overload of a routine, one index of its table) on top of the patterns,
// and leaves the original filter alone.
func TestWithout(t *testing.T) {
	base, err := New(nil, []string{"public.audit_*"})
	if err != nil {
		t.Fatal(err)
	}
	w := base.Without(
		state.ObjectKey{Kind: state.KindView, Schema: "public", Name: "stats"},
		state.ObjectKey{Kind: state.KindFunction, Schema: "public", Name: "f", Signature: "(integer)"},
		state.ObjectKey{Kind: state.KindIndex, Schema: "public", Table: "docs", Name: "docs_fts"},
	)
	for _, tt := range []struct {
		key  state.ObjectKey
		want bool
	}{
		{state.ObjectKey{Kind: state.KindView, Schema: "public", Name: "stats"}, false},
		{state.ObjectKey{Kind: state.KindView, Schema: "other", Name: "stats"}, true},
		{state.ObjectKey{Kind: state.KindFunction, Schema: "public", Name: "f", Signature: "(text)"}, false},
		{state.ObjectKey{Kind: state.KindIndex, Schema: "public", Table: "docs", Name: "docs_fts"}, false},
		{state.ObjectKey{Kind: state.KindIndex, Schema: "public", Table: "other", Name: "docs_fts"}, true},
		{state.ObjectKey{Kind: state.KindTable, Schema: "public", Name: "audit_log"}, false},
		{state.ObjectKey{Kind: state.KindTable, Schema: "public", Name: "docs"}, true},
	} {
		if got := w.InScope(tt.key); got != tt.want {
			t.Errorf("InScope(%v) = %v, want %v", tt.key, got, tt.want)
		}
	}
	if !base.InScope(state.ObjectKey{Kind: state.KindView, Schema: "public", Name: "stats"}) {
		t.Error("Without changed the original filter")
	}
	var none *Filter
	if none.Without().IsZero() != true {
		t.Error("a nil filter without nothing should keep everything")
	}
}
