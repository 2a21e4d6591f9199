package sqlgen

import "testing"

func TestDefaultExpr(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{"0", "0"},
		{"nextval('public.t_id_seq'::regclass)", "nextval('public.t_id_seq'::regclass)"},
		{"1 + 2", "1 + 2"},
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
