package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

const langHandlers = "CREATE FUNCTION h() RETURNS language_handler LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';\n" +
	"CREATE FUNCTION v(oid) RETURNS void LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_validator';\n"

// TestLanguageSpellings: what users write, what pg_dump writes and what
// the catalog query prints for the same language and transform parse to
// the same model.
func TestLanguageSpellings(t *testing.T) {
	for _, c := range []struct{ name, written, printed string }{
		{"pg_dump's procedural language", langHandlers +
			"CREATE OR REPLACE TRUSTED PROCEDURAL LANGUAGE pl HANDLER h VALIDATOR v;\n" +
			"ALTER PROCEDURAL LANGUAGE pl OWNER TO postgres;\nCOMMENT ON LANGUAGE pl IS 'c';\n" +
			"REVOKE ALL ON LANGUAGE pl FROM PUBLIC;\nGRANT USAGE ON LANGUAGE pl TO someone;",
			langHandlers + "CREATE TRUSTED LANGUAGE pl HANDLER public.h VALIDATOR public.v;\n" +
				"COMMENT ON LANGUAGE pl IS 'c';\nREVOKE USAGE ON LANGUAGE pl FROM PUBLIC;\nGRANT USAGE ON LANGUAGE pl TO someone;"},
		{"transform", langHandlers + "CREATE LANGUAGE pl HANDLER h;\nCREATE TYPE m AS ENUM ('a');\n" +
			"CREATE FUNCTION f(internal) RETURNS internal LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';\n" +
			"CREATE OR REPLACE TRANSFORM FOR m LANGUAGE pl (TO SQL WITH FUNCTION f(internal), FROM SQL WITH FUNCTION f(internal));\n" +
			"COMMENT ON TRANSFORM FOR m LANGUAGE pl IS 't';",
			langHandlers + "CREATE LANGUAGE pl HANDLER public.h;\nCREATE TYPE public.m AS ENUM ('a');\n" +
				"CREATE FUNCTION public.f(internal) RETURNS internal LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';\n" +
				"CREATE TRANSFORM FOR public.m LANGUAGE pl (FROM SQL WITH FUNCTION public.f(internal), TO SQL WITH FUNCTION public.f(internal));\n" +
				"COMMENT ON TRANSFORM FOR public.m LANGUAGE pl IS 't';"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w, p := parseObjects(t, c.written), parseObjects(t, c.printed)
			if len(w) == 0 {
				t.Fatal("no objects parsed")
			}
			if diff := cmp.Diff(w, p); diff != "" {
				t.Errorf("written and printed differ (-written +printed):\n%s", diff)
			}
		})
	}
}

// TestLanguageWithoutHandler: CREATE LANGUAGE without HANDLER is CREATE
// EXTENSION, as in PostgreSQL 13 and later (the grammar makes it one).
func TestLanguageWithoutHandler(t *testing.T) {
	res, err := ParseFiles([]File{{Path: "x.sql", SQL: "CREATE LANGUAGE plperl;"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Schema.Extensions) != 1 || res.Schema.Extensions[0].Name != "plperl" || len(res.Schema.Objects) != 0 {
		t.Errorf("extensions %+v, objects %+v", res.Schema.Extensions, res.Schema.Objects)
	}
}

// TestLanguageCanonical pins the canonical texts and references of a
// language and a transform, and a routine's TRANSFORM FOR TYPE.
func TestLanguageCanonical(t *testing.T) {
	res, err := ParseFiles([]File{{Path: "x.sql", SQL: langHandlers +
		"CREATE PROCEDURAL LANGUAGE \"My PL\" HANDLER public.h INLINE pg_catalog.plpgsql_inline_handler VALIDATOR v;\n" +
		"CREATE TYPE m AS ENUM ('a');\n" +
		"CREATE FUNCTION f(internal) RETURNS internal LANGUAGE c AS '$libdir/plpgsql', 'plpgsql_call_handler';\n" +
		"CREATE TRANSFORM FOR m LANGUAGE \"My PL\" (FROM SQL WITH FUNCTION f(internal));\n" +
		"CREATE FUNCTION g(x m) RETURNS int LANGUAGE \"My PL\" TRANSFORM FOR TYPE m, FOR TYPE int4 AS 'x';"}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[state.Kind]state.DefObject{}
	for _, o := range res.Schema.Objects {
		got[o.Kind] = o
	}
	l := got[state.KindLanguage]
	if want := `CREATE LANGUAGE "My PL" HANDLER public.h INLINE plpgsql_inline_handler VALIDATOR public.v;`; l.Definition != want || l.Name != "My PL" {
		t.Errorf("language %q: %s, want %s", l.Name, l.Definition, want)
	}
	wantRefs := []state.ObjectKey{{Kind: state.KindFunction, Schema: "public", Name: "h"}, {Kind: state.KindFunction, Schema: "public", Name: "v"}}
	if diff := cmp.Diff(wantRefs, l.Refs); diff != "" {
		t.Errorf("language references (-want +got):\n%s", diff)
	}
	tr := got[state.KindTransform]
	if want := `CREATE TRANSFORM FOR public.m LANGUAGE "My PL" (FROM SQL WITH FUNCTION public.f(internal));`; tr.Definition != want || tr.Name != `public.m LANGUAGE "My PL"` {
		t.Errorf("transform %q: %s, want %s", tr.Name, tr.Definition, want)
	}
	for _, f := range res.Schema.Functions {
		if f.Name != "g" {
			continue
		}
		if f.Language != "My PL" || !cmp.Equal(f.Transforms, []string{"public.m", "integer"}) {
			t.Errorf("routine g: language %q, transforms %q", f.Language, f.Transforms)
		}
	}
}

// TestLanguageErrors: invalid languages, transforms and their grants and
// comments are reported with the file and line of the statement.
func TestLanguageErrors(t *testing.T) {
	for _, c := range []struct{ sql, want string }{
		{langHandlers + "CREATE LANGUAGE pl HANDLER h;\nGRANT USAGE ON LANGUAGE pl TO PUBLIC;", "x.sql:4:1: GRANT: language pl is not trusted"},
		{"\n\nGRANT USAGE ON LANGUAGE nosuch TO PUBLIC;", "x.sql:3:1: GRANT: language nosuch is defined nowhere"},
		{"REVOKE USAGE ON LANGUAGE plpgsql FROM PUBLIC;", "x.sql:1:1: REVOKE ON LANGUAGE plpgsql: the privileges of a built-in or extension language are not managed"},
		{"\nCOMMENT ON LANGUAGE nosuch IS 'x';", "x.sql:2:1: COMMENT ON language: nosuch is defined nowhere"},
		{"COMMENT ON TRANSFORM FOR int LANGUAGE nosuch IS 'x';", "x.sql:1:1: COMMENT ON transform: integer LANGUAGE nosuch is defined nowhere"},
		{langHandlers + "CREATE LANGUAGE pl HANDLER h;\nCREATE LANGUAGE pl HANDLER h;", "x.sql:4:1"},
	} {
		_, err := ParseFiles([]File{{Path: "x.sql", SQL: c.sql}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.sql, err, c.want)
		}
	}
}
