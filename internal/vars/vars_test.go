package vars

import (
	"errors"
	"strings"
	"testing"
)

func TestExpand(t *testing.T) {
	vals := map[string]string{"app_role": "app_prod", "schema_comment": "Production"}
	tests := []struct {
		name, in, want string
	}{
		{name: "no references", in: "SELECT 1;\n", want: "SELECT 1;\n"},
		{name: "role", in: "GRANT SELECT ON TABLE t TO {{var.app_role}};", want: "GRANT SELECT ON TABLE t TO app_prod;"},
		{name: "spaces inside", in: "TO {{ var.app_role }};", want: "TO app_prod;"},
		{name: "inside a literal", in: "COMMENT ON SCHEMA s IS '{{var.schema_comment}}';", want: "COMMENT ON SCHEMA s IS 'Production';"},
		{name: "two on a line", in: "{{var.app_role}},{{var.app_role}}", want: "app_prod,app_prod"},
		{name: "array literal untouched", in: "DEFAULT '{{1,2},{3,4}}'::int[]", want: "DEFAULT '{{1,2},{3,4}}'::int[]"},
		{name: "dollar quotes untouched", in: "AS $f$ SELECT '{{x}}' $f$", want: "AS $f$ SELECT '{{x}}' $f$"},
		{name: "psql variable untouched", in: "SELECT :'x', :x;", want: "SELECT :'x', :x;"},
		{name: "escape", in: "'{{!var.app_role}}'", want: "'{{var.app_role}}'"},
		{name: "escape of an escape", in: "'{{!!var.app_role}}'", want: "'{{!var.app_role}}'"},
		{name: "escaped unknown name is fine", in: "'{{!var.nope}}'", want: "'{{var.nope}}'"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Expand("f.sql", tt.in, vals)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("Expand(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestExpandErrors(t *testing.T) {
	vals := map[string]string{"app_role": "app"}
	tests := []struct {
		name, in string
		want     []string
	}{
		{name: "unknown", in: "SELECT 1;\nGRANT x TO {{var.app_rol}};", want: []string{`f.sql:2:12: unknown variable "app_rol" (defined: app_role)`}},
		{name: "no name", in: "x {{var.}}", want: []string{`f.sql:1:3: a variable name must follow "var."`}},
		{name: "unterminated", in: "x {{ var.app_role", want: []string{`f.sql:1:3: unterminated reference to variable "app_role"`}},
		{name: "all reported", in: "{{var.a}}\n{{var.b}}", want: []string{`f.sql:1:1: unknown variable "a"`, `f.sql:2:1: unknown variable "b"`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Expand("f.sql", tt.in, vals)
			if err == nil {
				t.Fatal("Expand succeeded")
			}
			var ve *Error
			if !errors.As(err, &ve) {
				t.Errorf("error %T is not a *vars.Error", err)
			}
			for _, w := range tt.want {
				if !strings.Contains(err.Error(), w) {
					t.Errorf("error %q lacks %q", err, w)
				}
			}
		})
	}
	_, err := Expand("f.sql", "{{var.x}}", nil)
	if err == nil || !strings.Contains(err.Error(), "defines no variables") {
		t.Errorf("Expand without variables: %v", err)
	}
}

func TestReverse(t *testing.T) {
	vals := map[string]string{"app_role": "app_prod", "label": "Production", "dup1": "same", "dup2": "same", "empty": ""}
	tests := []struct {
		name, in, want string
	}{
		{name: "grant role", in: "GRANT SELECT ON TABLE public.users TO app_prod;\n", want: "GRANT SELECT ON TABLE public.users TO {{var.app_role}};\n"},
		{name: "quoted role", in: "ALTER TABLE t OWNER TO \"app_prod\";", want: "ALTER TABLE t OWNER TO \"{{var.app_role}}\";"},
		{name: "policy roles", in: "CREATE POLICY p ON t TO app_prod, other USING (true);", want: "CREATE POLICY p ON t TO {{var.app_role}}, other USING (true);"},
		{name: "string literal without a previous file stays", in: "ALTER TABLE t ALTER COLUMN c SET DEFAULT 'Production';", want: "ALTER TABLE t ALTER COLUMN c SET DEFAULT 'Production';"},
		{name: "table and column names are not roles", in: "CREATE TABLE app_prod (app_prod int);", want: "CREATE TABLE app_prod (app_prod int);"},
		{name: "part of a literal is not the literal", in: "SELECT 'Production line';", want: "SELECT 'Production line';"},
		{name: "prefix of a role is not the role", in: "GRANT SELECT ON t TO app_prod_ro;", want: "GRANT SELECT ON t TO app_prod_ro;"},
		{name: "ambiguous values stay", in: "GRANT SELECT ON t TO same;", want: "GRANT SELECT ON t TO same;"},
		{name: "reference-like text is escaped", in: "COMMENT ON TABLE t IS '{{var.app_role}}';", want: "COMMENT ON TABLE t IS '{{!var.app_role}}';"},
		{name: "unparsable SQL is only escaped", in: "GRANT TO app_prod {{var.x}}", want: "GRANT TO app_prod {{!var.x}}"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Reverse(tt.in, vals)
			if got != tt.want {
				t.Errorf("Reverse(%q) =\n%q, want\n%q", tt.in, got, tt.want)
			}
			back, err := Expand("f.sql", got, vals)
			if err != nil {
				t.Fatal(err)
			}
			if back != tt.in {
				t.Errorf("Expand(Reverse(x)) = %q, want x = %q", back, tt.in)
			}
		})
	}
}

// TestReverseLike: a value becomes a reference only where the previous
// version of the file used that variable, never because a literal
// happens to equal it (issue: a CHECK listing every region).
func TestReverseLike(t *testing.T) {
	prod := map[string]string{"region": "us", "app_role": "app_prod", "label": "Production"}
	tests := []struct {
		name, previous, in, want string
		noPrevious               bool
	}{
		{
			name:     "literal equal to a value, unused",
			previous: "CREATE TABLE t (region text CHECK (region IN ('eu', 'us')));\n",
			in:       "CREATE TABLE public.t (\n    region text CHECK ((region = ANY (ARRAY['eu'::text, 'us'::text])))\n);\n",
			want:     "CREATE TABLE public.t (\n    region text CHECK ((region = ANY (ARRAY['eu'::text, 'us'::text])))\n);\n",
		},
		{
			name:     "literal that was a reference",
			previous: "CREATE TABLE t (region text DEFAULT '{{var.region}}' CHECK (region IN ('eu', 'us')));\n",
			in:       "CREATE TABLE public.t (\n    region text DEFAULT 'us'::text CHECK ((region = ANY (ARRAY['eu'::text, 'us'::text])))\n);\n",
			want:     "CREATE TABLE public.t (\n    region text DEFAULT '{{var.region}}'::text CHECK ((region = ANY (ARRAY['eu'::text, 'us'::text])))\n);\n",
		},
		{
			name:     "every occurrence a reference: new ones too",
			previous: "CREATE TABLE t (a text DEFAULT '{{var.label}}');\n",
			in:       "CREATE TABLE public.t (\n    a text DEFAULT 'Production'::text,\n    b text DEFAULT 'Production'::text\n);\n",
			want:     "CREATE TABLE public.t (\n    a text DEFAULT '{{var.label}}'::text,\n    b text DEFAULT '{{var.label}}'::text\n);\n",
		},
		{
			name:     "role written literally stays literal",
			previous: "GRANT SELECT ON t TO app_prod;\n",
			in:       "GRANT SELECT ON TABLE public.t TO app_prod;\n",
			want:     "GRANT SELECT ON TABLE public.t TO app_prod;\n",
		},
		{
			name:     "role the previous file never named",
			previous: "CREATE TABLE t (id int);\n",
			in:       "GRANT SELECT ON TABLE public.t TO app_prod;\n",
			want:     "GRANT SELECT ON TABLE public.t TO {{var.app_role}};\n",
		},
		{
			name:       "new file: roles only",
			noPrevious: true,
			in:         "ALTER TABLE public.t ALTER COLUMN c SET DEFAULT 'us';\nGRANT SELECT ON TABLE public.t TO app_prod;\n",
			want:       "ALTER TABLE public.t ALTER COLUMN c SET DEFAULT 'us';\nGRANT SELECT ON TABLE public.t TO {{var.app_role}};\n",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := ReverseLike(tt.in, prod, tt.previous, !tt.noPrevious)
			if got != tt.want {
				t.Errorf("ReverseLike =\n%s\nwant\n%s", got, tt.want)
			}
			back, err := Expand("f.sql", got, prod)
			if err != nil {
				t.Fatal(err)
			}
			if back != tt.in {
				t.Errorf("Expand(ReverseLike(x)) = %q, want x = %q", back, tt.in)
			}
		})
	}
}
