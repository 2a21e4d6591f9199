package parser

import "testing"

// TestColumnTypes covers spellings beyond testdata/equivalence/types.sql
// (which pins the built-in types against PostgreSQL 15's format_type).
func TestColumnTypes(t *testing.T) {
	tests := []struct{ decl, typ, collation string }{
		{"int", "integer", ""},
		{`"MyType"`, `public."MyType"`, ""},
		{`app."T"[]`, `app."T"[]`, ""},
		{"mytype[3][4]", "public.mytype[]", ""},
		{"geometry(Point, 4326)", "public.geometry(point,4326)", ""},
		{"vector(3)", "public.vector(3)", ""},
		{"pg_catalog.bit", `"bit"`, ""},
		{"pg_catalog.bpchar", "bpchar", ""},
		{"_text", "text[]", ""},
		{"timestamp(9)", "timestamp(6) without time zone", ""},
		{`text COLLATE "C"`, "text", `"C"`},
		{`text COLLATE pg_catalog."C"`, "text", `"C"`},
		{`text COLLATE "default"`, "text", ""},
		{`text COLLATE "en-US-x-icu"`, "text", `"en-US-x-icu"`},
		{"text COLLATE app.mine", "text", "app.mine"},
	}
	for _, tt := range tests {
		t.Run(tt.decl, func(t *testing.T) {
			r, err := ParseString("t.sql", "CREATE TABLE t (c "+tt.decl+");")
			if err != nil {
				t.Fatal(err)
			}
			c := r.Schema.Tables[0].Columns[0]
			if c.Type != tt.typ || c.Collation != tt.collation {
				t.Errorf("got type %s collation %q, want %s %q", c.Type, c.Collation, tt.typ, tt.collation)
			}
		})
	}
	for _, bad := range []string{"serial[]", "int4(3)", "pg_catalog.nope", "a.b.c.d"} {
		if _, err := ParseString("t.sql", "CREATE TABLE t (c "+bad+");"); err == nil {
			t.Errorf("%s: expected an error", bad)
		}
	}
}
