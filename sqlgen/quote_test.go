package sqlgen

import "testing"

func TestQuoteIdent(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "users", "users"},
		{"underscore and digits", "_a1$", "_a1$"},
		{"upper case", "Users", `"Users"`},
		{"space", "order items", `"order items"`},
		{"embedded quote", `a"b`, `"a""b"`},
		{"reserved", "order", `"order"`},
		{"column name keyword", "between", `"between"`},
		{"type func keyword", "left", `"left"`},
		{"unreserved keyword stays bare", "name", "name"},
		{"leading digit", "1a", `"1a"`},
		{"unicode", "größe", `"größe"`},
		{"empty", "", `""`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := QuoteIdent(tt.in); got != tt.want {
				t.Errorf("QuoteIdent(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

// TestQuoteLiteral: a backslash makes an E'...' string, which means the same
// whatever standard_conforming_strings says; without one the standard form
// (which also means the same under both settings) is kept.
func TestQuoteLiteral(t *testing.T) {
	for _, tt := range []struct{ in, want string }{
		{`it's a test`, `'it''s a test'`},
		{`it's a \ test`, `E'it''s a \\ test'`},
		{`\'); DROP TABLE public.victim; --`, `E'\\''); DROP TABLE public.victim; --'`},
		{`ends with \`, `E'ends with \\'`},
	} {
		if got := QuoteLiteral(tt.in); got != tt.want {
			t.Errorf("QuoteLiteral(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestIdentitySetClauses(t *testing.T) {
	got := identitySetClauses(" INCREMENT BY 2 MINVALUE 5 NO CYCLE")
	want := []string{"SET INCREMENT BY 2", "SET MINVALUE 5", "SET NO CYCLE"}
	if len(got) != len(want) {
		t.Fatalf("got %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("clause %d: got %q, want %q", i, got[i], want[i])
		}
	}
}
