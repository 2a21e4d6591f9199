package sqlgen

import (
	"testing"

	pg_query "github.com/pganalyze/pg_query_go/v5"
)

func TestDefaultExpr(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"0", "0"},
		{"nextval('public.t_id_seq'::regclass)", "nextval('public.t_id_seq'::regclass)"},
		{"1 + 2", "1 + 2"},
		{"'a'::varchar::text = ANY((ARRAY['a'::varchar])::varchar[]::text[])", "('a'::varchar::text = ANY((ARRAY['a'::varchar])::varchar[]::text[]))"},
		{"a = ALL(ARRAY[1])", "(a = ALL(ARRAY[1]))"},
		{"''::text", "''::text"},
		{"(true OR false)", "(true OR false)"},
		{"true OR false", "(true OR false)"},
		{"''::public.a OR 0", "(''::public.a OR 0)"},
		{"a IS NULL", "(a IS NULL)"},
		{"NOT true", "(NOT true)"},
		{"1 BETWEEN 0 AND 2", "(1 BETWEEN 0 AND 2)"},
		{"'a' COLLATE \"C\"", "('a' COLLATE \"C\")"},
		{"CASE WHEN a IS NULL THEN 1 END", "CASE WHEN a IS NULL THEN 1 END"},
	} {
		if got := DefaultExpr(tt.in); got != tt.want {
			t.Errorf("DefaultExpr(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestPlainDefault: the fast check never says "plain" for an expression
// the parser would not read back as one whole DEFAULT, and says it for the
// common forms.
func TestPlainDefault(t *testing.T) {
	cases := []string{
		"0", "-1.5", "'new'::app.state", "now()", "nextval('t_id_seq'::regclass)", "'{}'::jsonb",
		"true", "NULL", "'a'::character varying", "('x'::text || 'y'::text)", "'2020-01-01'::timestamp with time zone",
		"(0)::numeric(12,2)", "'{a}'::text[]", "public.f(1, 'x')", "gen_random_uuid()", "1 + 2 * 3",
		"x IS NULL", "a OR b", "'a' COLLATE \"C\"", "1 BETWEEN 0 AND 2", "NOT true", "ARRAY[1, 2]",
		"CURRENT_TIMESTAMP", "'a' LIKE 'b'", "1 IN (1, 2)", "'x'::text COLLATE \"C\"", "(x IS NULL)",
		"'it''s'", `"weird""name"()`, "'a' = 'b'", "ROW(1, 2)", "interval '1 day'",
	}
	for _, c := range cases {
		if plainDefault(c) && !isWholeDefault(c) {
			t.Errorf("plainDefault(%q) = true, but it does not read back as one DEFAULT", c)
		}
	}
	for _, c := range []string{"0", "'new'::app.state", "now()", "nextval('t_id_seq'::regclass)", "'x'::character varying", "'2020-01-01 00:00:00+00'::timestamp with time zone", "true"} {
		if !plainDefault(c) {
			t.Errorf("plainDefault(%q) = false, want the fast path", c)
		}
	}
}

// FuzzPlainDefault: whatever expression the fast check accepts, the parser
// reads back as one whole DEFAULT. (Text that is no expression at all is
// out of scope: DefaultExpr is given canonical expressions.)
func FuzzPlainDefault(f *testing.F) {
	for _, s := range []string{"0", "'a'::text", "now()", "x IS NULL", "1 + 2", "'a' COLLATE \"C\""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if _, err := pg_query.Parse("SELECT (" + s + "\n)"); err != nil {
			return
		}
		if plainDefault(s) && !isWholeDefault(s) {
			t.Fatalf("plainDefault(%q) = true, but it does not read back as one DEFAULT", s)
		}
	})
}
