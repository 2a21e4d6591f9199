package parser

import (
	"fmt"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

func TestLocations(t *testing.T) {
	r, err := ParseString("l.sql", "-- header\nCREATE TABLE t (\n  id serial PRIMARY KEY,\n  CONSTRAINT c CHECK (id > 0)\n);\n\n  CREATE INDEX i ON t (id);\nCREATE TYPE e AS ENUM ('x');\n")
	if err != nil {
		t.Fatal(err)
	}
	at := func(line, col int) Location { return Location{File: "l.sql", Line: line, Col: col} }
	want := map[state.ObjectKey]Location{
		{Kind: state.KindSchema, Name: "public"}:                                   {},
		{Kind: state.KindTable, Schema: "public", Name: "t"}:                       at(2, 1),
		{Kind: state.KindColumn, Schema: "public", Table: "t", Name: "id"}:         at(3, 3),
		{Kind: state.KindSequence, Schema: "public", Name: "t_id_seq"}:             at(3, 3),
		{Kind: state.KindConstraint, Schema: "public", Table: "t", Name: "t_pkey"}: at(3, 13),
		{Kind: state.KindConstraint, Schema: "public", Table: "t", Name: "c"}:      at(4, 3),
		{Kind: state.KindIndex, Schema: "public", Table: "t", Name: "i"}:           at(7, 3),
		{Kind: state.KindType, Schema: "public", Name: "e"}:                        at(8, 1),
	}
	got := map[state.ObjectKey]Location{}
	for k, v := range r.Locations.All() {
		got[k] = v
	}
	if _, ok := got[state.ObjectKey{Kind: state.KindSchema, Name: "public"}]; !ok {
		got[state.ObjectKey{Kind: state.KindSchema, Name: "public"}] = Location{}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("locations (-want +got):\n%s", diff)
	}
	if s := at(3, 13).String(); s != "l.sql:3:13" {
		t.Errorf("Location.String() = %q", s)
	}
}

// TestManyFilesDeterministic parses many files concurrently, twice, and
// expects identical results, including the order of errors.
func TestManyFilesDeterministic(t *testing.T) {
	var files []File
	for i := 0; i < 60; i++ {
		files = append(files,
			File{Path: fmt.Sprintf("tables/t%02d.sql", i), SQL: fmt.Sprintf("CREATE TABLE t%02d (id serial PRIMARY KEY, parent int REFERENCES t%02d);", i, (i+1)%60)},
			File{Path: fmt.Sprintf("indexes/t%02d.sql", i), SQL: fmt.Sprintf("CREATE INDEX ON t%02d (parent);\nCOMMENT ON TABLE t%02d IS 'table %d';", i, i, i)},
		)
	}
	a, err := ParseFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	b, err := ParseFiles(files)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(a, b); diff != "" {
		t.Fatalf("results differ:\n%s", diff)
	}
	if n := len(a.Schema.Tables); n != 60 {
		t.Fatalf("%d tables", n)
	}
	bad := append([]File(nil), files...)
	for i := 0; i < 30; i++ {
		bad = append(bad, File{Path: fmt.Sprintf("bad/%02d.sql", i), SQL: "CREATE VIEW v AS SELECT 1;"})
	}
	_, e1 := ParseFiles(bad)
	_, e2 := ParseFiles(bad)
	if e1 == nil || e2 == nil || e1.Error() != e2.Error() {
		t.Fatalf("errors differ or missing:\n%v\n---\n%v", e1, e2)
	}
}
