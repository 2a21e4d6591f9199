package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

// TestOpClassSpellings: what users write and what the catalog query
// prints for the same operator classes and families parse to the same
// model.
func TestOpClassSpellings(t *testing.T) {
	const fn = "CREATE FUNCTION rev_cmp(a int, b int) RETURNS int LANGUAGE sql AS 'SELECT btint4cmp(b, a)';\n"
	const fnPrinted = "CREATE FUNCTION public.rev_cmp(a integer, b integer) RETURNS integer LANGUAGE sql AS 'SELECT btint4cmp(b, a)';\n"
	for _, c := range []struct{ name, written, printed string }{
		{"implicit family, default types", fn +
			"CREATE OPERATOR CLASS rev_ops DEFAULT FOR TYPE int4 USING BTREE AS OPERATOR 1 pg_catalog.>, OPERATOR 2 >=, OPERATOR 3 =, OPERATOR 4 <=, OPERATOR 5 <, FUNCTION 1 rev_cmp(int, int), STORAGE int4;" +
			"COMMENT ON OPERATOR CLASS rev_ops USING btree IS 'rev';",
			fnPrinted + "CREATE OPERATOR FAMILY public.rev_ops USING btree;\n" +
				"CREATE OPERATOR CLASS public.rev_ops DEFAULT FOR TYPE integer USING btree FAMILY public.rev_ops AS\n" +
				"    OPERATOR 5 <(integer,integer),\n    OPERATOR 4 <=(integer,integer),\n    OPERATOR 3 =(integer,integer),\n" +
				"    OPERATOR 2 >=(integer,integer),\n    OPERATOR 1 >(integer,integer),\n" +
				"    FUNCTION 1 (integer, integer) public.rev_cmp(integer,integer);\n" +
				"COMMENT ON OPERATOR CLASS public.rev_ops USING btree IS 'rev';"},
		{"hash function types from its argument", "CREATE OPERATOR CLASS h FOR TYPE int USING hash AS OPERATOR 1 = (int, int), FUNCTION 1 hashint4(int);",
			"CREATE OPERATOR FAMILY public.h USING hash; CREATE OPERATOR CLASS public.h FOR TYPE integer USING hash FAMILY public.h AS OPERATOR 1 =(integer,integer), FUNCTION 1 (integer, integer) hashint4(integer);"},
		{"cross-type members are the family's", "CREATE OPERATOR CLASS c FOR TYPE int USING btree AS OPERATOR 1 <, OPERATOR 1 < (int, int8), FUNCTION 1 btint4cmp(int, int), FUNCTION 1 btint48cmp(int, int8), FUNCTION 4 btequalimage(oid);",
			"CREATE OPERATOR FAMILY public.c USING btree;\n" +
				"ALTER OPERATOR FAMILY public.c USING btree ADD OPERATOR 1 <(integer,bigint), FUNCTION 1 (integer, bigint) btint48cmp(integer,bigint), FUNCTION 4 (integer, integer) btequalimage(oid);\n" +
				"CREATE OPERATOR CLASS public.c FOR TYPE integer USING btree FAMILY public.c AS OPERATOR 1 <(integer,integer), FUNCTION 1 (integer, integer) btint4cmp(integer,integer);"},
		{"family members added and dropped", "CREATE OPERATOR FAMILY f USING btree;" +
			"ALTER OPERATOR FAMILY f USING btree ADD OPERATOR 1 < (int4, int8), OPERATOR 3 = (int4, int8), FUNCTION 1 btint48cmp(int4, int8);" +
			"ALTER OPERATOR FAMILY f USING btree DROP OPERATOR 3 (int, bigint);" +
			"COMMENT ON OPERATOR FAMILY f USING btree IS 'f';",
			"CREATE OPERATOR FAMILY public.f USING btree;\n" +
				"ALTER OPERATOR FAMILY public.f USING btree ADD\n    FUNCTION 1 (integer, bigint) btint48cmp(integer,bigint),\n    OPERATOR 1 <(integer,bigint);\n" +
				"COMMENT ON OPERATOR FAMILY public.f USING btree IS 'f';"},
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

// TestOpClassCanonical pins the canonical class text, its references and
// the family a class without FAMILY declares.
func TestOpClassCanonical(t *testing.T) {
	objs := parseObjects(t, "CREATE FUNCTION f(a int, b int) RETURNS boolean LANGUAGE sql AS 'SELECT a > b';\n"+
		"CREATE OPERATOR <<< (function = f, leftarg = int, rightarg = int);\n"+
		"CREATE OPERATOR CLASS c FOR TYPE int USING btree AS OPERATOR 1 public.<<<, FUNCTION 1 btint4cmp(int, int);")
	got := map[state.Kind]state.DefObject{}
	for _, o := range objs {
		got[o.Kind] = o
	}
	c := got[state.KindOperatorClass]
	want := "CREATE OPERATOR CLASS public.c FOR TYPE integer USING btree FAMILY public.c AS\n" +
		"    OPERATOR 1 public.<<<(integer, integer),\n" +
		"    FUNCTION 1 (integer, integer) btint4cmp(integer, integer);"
	if c.Definition != want || c.Signature != " USING btree" {
		t.Errorf("class %q:\n%s\nwant\n%s", c.Signature, c.Definition, want)
	}
	wantRefs := []state.ObjectKey{
		{Kind: state.KindOperator, Schema: "public", Name: "<<<", Signature: "(integer, integer)"},
		{Kind: state.KindOperatorFamily, Schema: "public", Name: "c", Signature: " USING btree"},
	}
	if diff := cmp.Diff(wantRefs, c.Refs); diff != "" {
		t.Errorf("class references (-want +got):\n%s", diff)
	}
	if f := got[state.KindOperatorFamily]; f.Definition != "CREATE OPERATOR FAMILY public.c USING btree;" {
		t.Errorf("implicit family: %+v", f)
	}
}

// TestOpClassFamilyAcrossFiles: a class without FAMILY in one file and
// its family, declared with loose members, in another (init's layout)
// are one family, whichever file comes first.
func TestOpClassFamilyAcrossFiles(t *testing.T) {
	class := File{Path: "public/operator_classes/c.btree.sql", SQL: "CREATE OPERATOR CLASS c FOR TYPE int USING btree AS OPERATOR 1 <, FUNCTION 1 btint4cmp(int, int);"}
	family := File{Path: "public/operator_families/c.btree.sql", SQL: "CREATE OPERATOR FAMILY c USING btree;\nALTER OPERATOR FAMILY c USING btree ADD OPERATOR 1 < (int, int8);\nCOMMENT ON OPERATOR FAMILY c USING btree IS 'c';"}
	for _, files := range [][]File{{class, family}, {family, class}} {
		res, err := ParseFiles(files)
		if err != nil {
			t.Fatalf("%s first: %v", files[0].Path, err)
		}
		var fams []state.DefObject
		for _, o := range res.Schema.Objects {
			if o.Kind == state.KindOperatorFamily {
				fams = append(fams, o)
			}
		}
		if len(fams) != 1 || len(fams[0].Settings) != 1 || fams[0].Comment != "c" || !strings.HasPrefix(fams[0].Settings[0].Value, "<(integer, bigint)") {
			t.Errorf("%s first: families %+v", files[0].Path, fams)
		}
	}
}

// TestOpClassErrors checks that invalid definitions are reported.
func TestOpClassErrors(t *testing.T) {
	for _, c := range []struct{ sql, want string }{
		{"CREATE OPERATOR FAMILY f USING btree; ALTER OPERATOR FAMILY f USING btree ADD OPERATOR 1 <;", "argument types must be specified"},
		{"CREATE OPERATOR FAMILY f USING btree; ALTER OPERATOR FAMILY f USING btree DROP OPERATOR 1 (int, int8);", "not a loose member"},
		{"ALTER OPERATOR FAMILY nosuch USING btree ADD OPERATOR 1 < (int, int8);", "defined nowhere"},
		{"CREATE OPERATOR CLASS c FOR TYPE int USING btree AS OPERATOR 1 <, OPERATOR 1 <;", "appears more than once"},
		{"COMMENT ON OPERATOR CLASS nosuch USING btree IS 'x';", "is defined nowhere"},
	} {
		_, err := ParseFiles([]File{{Path: "x.sql", SQL: c.sql}})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want an error containing %q", c.sql, err, c.want)
		}
	}
}
