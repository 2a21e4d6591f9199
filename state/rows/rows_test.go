package rows

import (
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

// testShape is a table keyed by (region ref, code) with a reference to
// regions keyed by name.
func testShape(t *testing.T) *Shape {
	t.Helper()
	regions := state.QualName{Schema: "public", Name: "regions"}
	m := state.DatabaseSchema{Tables: []state.Table{
		{Schema: "public", Name: "regions", Columns: []state.Column{
			{Name: "id", Type: "integer", Identity: state.IdentityAlways},
			{Name: "name", Type: "text"},
		}, Constraints: []state.Constraint{{Name: "regions_pkey", Kind: state.ConstraintPrimaryKey, Columns: []string{"id"}}}},
		{Schema: "public", Name: "Shops", Columns: []state.Column{
			{Name: "id", Type: "bigint", Default: "nextval('shops_id_seq'::regclass)"},
			{Name: "region_id", Type: "integer"},
			{Name: "code", Type: "integer"},
			{Name: "Label", Type: "text"},
			{Name: "open", Type: "boolean"},
			{Name: "price", Type: "numeric(8,2)"},
			{Name: "search", Type: "tsvector", Generated: "to_tsvector('simple', \"Label\")"},
			{Name: "updated", Type: "timestamp with time zone"},
		}, Constraints: []state.Constraint{
			{Name: "shops_pkey", Kind: state.ConstraintPrimaryKey, Columns: []string{"id"}},
			{Name: "shops_region_id_fkey", Kind: state.ConstraintForeignKey, Columns: []string{"region_id"}, References: &regions,
				Definition: "FOREIGN KEY (region_id) REFERENCES public.regions(id)"},
		}},
	}}
	shapes, err := NewShapes(m, []state.DataTable{
		{Table: state.QualName{Schema: "public", Name: "Shops"}, Key: []string{"region_id", "code"}, IgnoreColumns: []string{"updated"}},
		{Table: regions, Key: []string{"name"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	if shapes[0].Table != regions {
		t.Fatalf("shapes not ordered by reference: %v first", shapes[0].Table)
	}
	return shapes[1]
}

func TestShape(t *testing.T) {
	s := testShape(t)
	var names []string
	for _, c := range s.Columns {
		names = append(names, c.Name)
	}
	if got := strings.Join(names, ","); got != "region_id,code,Label,open,price" {
		t.Errorf("data columns = %s: the generated id, the generated column and the ignored one must be left out", got)
	}
	if s.Columns[0].Ref == nil || s.Columns[0].Ref.Column != "id" || strings.Join(s.Columns[0].Ref.Key, ",") != "name" {
		t.Errorf("region_id should refer to regions by name: %+v", s.Columns[0].Ref)
	}
	if s.Width != 5 {
		t.Errorf("width = %d", s.Width)
	}
}

func TestLineRoundTrip(t *testing.T) {
	s := testShape(t)
	values := []string{
		"", "plain", "it's", `back\slash`, "new\nline", "tab\there", "cr\r", "bell\a", "del\x7f",
		"unicode äöü ✓", `\x00ff`, "'); DROP TABLE x; --", "--not a comment", "(SELECT 1)", "NULL", "E'x'",
	}
	for _, v := range values {
		row := Row{Vals: []Value{{S: "north"}, {S: "12"}, {S: v}, {S: "true"}, {Null: true}}}
		line := s.Line(row)
		if strings.Contains(line, "\n") {
			t.Errorf("value %q: line spans lines: %s", v, line)
		}
		r := NewReader(strings.NewReader(line+"\n"), "shops.sql", s)
		got, err := r.Next()
		if err != nil {
			t.Fatalf("value %q: reading %s: %v", v, line, err)
		}
		for i := range row.Vals {
			if got.Vals[i] != row.Vals[i] {
				t.Errorf("value %q: value %d read back as %+v from %s", v, i, got.Vals[i], line)
			}
		}
	}
	want := `INSERT INTO public."Shops" (region_id, code, "Label", open, price) VALUES ((SELECT id FROM public.regions WHERE name = 'north'), 12, 'x', true, 1.50);`
	if got := s.Line(Row{Vals: []Value{{S: "north"}, {S: "12"}, {S: "x"}, {S: "true"}, {S: "1.50"}}}); got != want {
		t.Errorf("line:\n got %s\nwant %s", got, want)
	}
}

func TestReaderAcceptsHandWrittenForms(t *testing.T) {
	s := testShape(t)
	src := `-- comment
insert into "Shops" (code, "Label", region_id, open, price) values (+7, E'a\x41\101\n', (select id from regions where name = 'south'), TRUE, '3.5'::numeric(8,2));

   INSERT INTO public."Shops" (region_id, code, "Label", open, price) OVERRIDING SYSTEM VALUE VALUES ((SELECT id FROM public.regions WHERE name = 'west'), -1, 'x', false, 1e3); -- trailing
`
	r := NewReader(strings.NewReader(src), "shops.sql", s)
	a, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if a.Line != 2 || a.Vals[0].S != "south" || a.Vals[1].S != "7" || a.Vals[2].S != "aAA\n" || a.Vals[3].S != "true" || a.Vals[4].S != "3.5" {
		t.Errorf("first row: %+v", a)
	}
	b, err := r.Next()
	if err != nil {
		t.Fatal(err)
	}
	if b.Line != 4 || b.Vals[0].S != "west" || b.Vals[1].S != "-1" || b.Vals[4].S != "1e3" {
		t.Errorf("second row: %+v", b)
	}
	if _, err := r.Next(); err != io.EOF {
		t.Errorf("after the last row: %v, want io.EOF", err)
	}
}

func TestReaderErrors(t *testing.T) {
	s := testShape(t)
	const cols = `INSERT INTO public."Shops" (region_id, code, "Label", open, price) VALUES `
	tests := []struct{ line, want string }{
		{"UPDATE x SET a = 1;", "f.sql:1:1: expected INSERT INTO public.Shops (...) VALUES (...); one row per line"},
		{cols + "(NULL, 1, 'x', true, 1)", `f.sql:1:98: expected ";" ending the row`},
		{cols + "(NULL, 1, 'x', true);", "f.sql:1:94: 4 values for 5 columns"},
		{cols + "(NULL, 1, 'x', true, 1, 2);", "f.sql:1:97: more values than the 5 columns"},
		{cols + "(7, 1, 'x', true, 1);", `f.sql:1:76: column "region_id" refers to public.regions by its key`},
		{cols + "((SELECT id FROM public.regions WHERE id = 1), 1, 'x', true, 1);", `public.regions is keyed by (name): "id" is not one of its key columns`},
		{cols + "(NULL, (SELECT 1), 'x', true, 1);", `column "code" takes a literal value`},
		{cols + "(NULL, 1, 'x, true, 1);", "f.sql:1:85: unterminated string literal"},
		{cols + "(NULL, 1, now(), true, 1);", "f.sql:1:85: expected a value"},
		{cols + "(NULL, 1, 'x', true, 1); SELECT 1;", "unexpected text after the row's statement"},
		{cols + "(NULL, 1.2.3, 'x', true, 1);", `"1.2.3" is not a number`},
		{`INSERT INTO public."Shops" (region_id, code, "Label", open) VALUES (NULL, 1, 'x', true);`, `column "price" of public.Shops is missing`},
		{`INSERT INTO public."Shops" (region_id, code, "Label", open, price, updated) VALUES (NULL, 1, 'x', true, 1, NULL);`, `column "updated" is not a data column`},
		{`INSERT INTO public."Shops" (region_id, code, code, open, price) VALUES (NULL, 1, 1, true, 1);`, `column "code" is listed twice`},
		{cols + "(NULL, NULL, 'x', true, 1);", "NULL in key column of public.Shops"},
	}
	for _, tt := range tests {
		_, err := NewReader(strings.NewReader(tt.line), "f.sql", s).Next()
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s\n error = %v\n  want %q", tt.line, err, tt.want)
		}
	}
}

func TestCompareAndOrdered(t *testing.T) {
	s := testShape(t)
	row := func(region, code string, line int) Row {
		return Row{Line: line, Vals: []Value{{S: region}, {S: code}, {S: "x"}, {S: "true"}, {Null: true}}}
	}
	if s.Compare(row("a", "9", 0), row("a", "10", 0)) >= 0 {
		t.Error("integer keys must sort numerically (9 < 10)")
	}
	if s.Compare(row("B", "1", 0), row("a", "1", 0)) >= 0 {
		t.Error(`text keys sort bytewise, as COLLATE "C" ("B" < "a")`)
	}
	it := Ordered(&SliceIter{Rows: []Row{row("a", "1", 1), row("a", "1", 2)}}, s, "f.sql")
	it.Next()
	var dup *DuplicateKeyError
	if _, err := it.Next(); !errors.As(err, &dup) || !strings.Contains(err.Error(), "f.sql:2: duplicate key") {
		t.Errorf("duplicate key: %v", err)
	}
	it = Ordered(&SliceIter{Rows: []Row{row("b", "1", 1), row("a", "1", 2)}}, s, "f.sql")
	it.Next()
	if _, err := it.Next(); !errors.Is(err, ErrUnsorted) {
		t.Errorf("out of order: %v, want ErrUnsorted", err)
	}
	sorted, err := ReadSorted(&SliceIter{Rows: []Row{row("b", "1", 1), row("a", "2", 2), row("a", "10", 3)}}, s, "f.sql")
	if err != nil || sorted[0].Line != 2 || sorted[1].Line != 3 || sorted[2].Line != 1 {
		t.Errorf("ReadSorted = %+v, %v", sorted, err)
	}
}

func TestMerge(t *testing.T) {
	s := testShape(t)
	row := func(code, label string) Row {
		return Row{Vals: []Value{{S: "r"}, {S: code}, {S: label}, {S: "true"}, {Null: true}}}
	}
	cur := &SliceIter{Rows: []Row{row("1", "a"), row("2", "b"), row("4", "d")}}
	des := &SliceIter{Rows: []Row{row("2", "B"), row("3", "c"), row("4", "d")}}
	var got []string
	err := Merge(s, cur, des, nil, nil, func(c Change) error {
		switch {
		case c.Old == nil:
			got = append(got, "insert "+c.New.Vals[1].S)
		case c.New == nil:
			got = append(got, "delete "+c.Old.Vals[1].S)
		default:
			got = append(got, "update "+c.New.Vals[1].S+" "+s.UpdateSQL(*c.New, c.Cols))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"delete 1",
		`update 2 UPDATE public."Shops" SET "Label" = 'B' WHERE region_id = (SELECT id FROM public.regions WHERE name = 'r') AND code = 2;` + "\n",
		"insert 3",
	}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("merge:\n got %q\nwant %q", got, want)
	}
}

func TestShapeErrors(t *testing.T) {
	m := state.DatabaseSchema{Tables: []state.Table{{Schema: "public", Name: "t", Columns: []state.Column{{Name: "a", Type: "text"}}}}}
	tests := []struct {
		spec state.DataTable
		want string
	}{
		{state.DataTable{Table: state.QualName{Schema: "public", Name: "nope"}}, "no table public.nope"},
		{state.DataTable{Table: state.QualName{Schema: "public", Name: "t"}}, "has no primary key: set key"},
		{state.DataTable{Table: state.QualName{Schema: "public", Name: "t"}, Key: []string{"b"}}, `key column "b" is not a column`},
		{state.DataTable{Table: state.QualName{Schema: "public", Name: "t"}, Key: []string{"a"}, IgnoreColumns: []string{"a"}}, `key column "a" cannot be ignored`},
		{state.DataTable{Table: state.QualName{Schema: "public", Name: "t"}, Key: []string{"a"}, IgnoreColumns: []string{"z"}}, `ignored column "z" is not a column`},
	}
	for _, tt := range tests {
		if _, err := NewShapes(m, []state.DataTable{tt.spec}); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%+v: error = %v, want %q", tt.spec, err, tt.want)
		}
	}
}

// FuzzLiteral: every value written as a literal reads back unchanged and
// stays on one line.
func FuzzLiteral(f *testing.F) {
	for _, s := range []string{"", "a'b", `\`, "\n\r\t\x00\x1f\x7f", "é", "1e5", "-0.5", "true"} {
		f.Add(s)
	}
	s := &Shape{Table: state.QualName{Schema: "public", Name: "t"}, Columns: []Column{{Name: "k", Type: "text"}, {Name: "n", Type: "numeric"}, {Name: "b", Type: "boolean"}}, Key: []int{0}, Width: 3}
	for i := range s.Columns {
		s.Columns[i].Off = i
	}
	f.Fuzz(func(t *testing.T, v string) {
		if strings.ContainsRune(v, 0) {
			return // PostgreSQL text cannot hold NUL
		}
		row := Row{Vals: []Value{{S: "k" + v}, {S: v}, {S: v}}}
		line := s.Line(row)
		if strings.ContainsAny(line, "\n\r") {
			t.Fatalf("line breaks in %q", line)
		}
		got, err := NewReader(strings.NewReader(line), "f.sql", s).Next()
		if err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		for i := range row.Vals {
			if got.Vals[i] != row.Vals[i] {
				t.Fatalf("%q: value %d read back as %q", line, i, got.Vals[i].S)
			}
		}
	})
}

// TestReaderConformingStrings: a written file starts with its header's
// SET, which the reader skips; any other SET line is refused with its
// line. A backslash value is written as an E'...' string and read back.
func TestReaderConformingStrings(t *testing.T) {
	s := testShape(t)
	payload := `\'); DROP TABLE public.victim; --`
	var b strings.Builder
	w := NewWriter(&b, s)
	if err := w.Write(Row{Vals: []Value{{S: "north"}, {S: "1"}, {S: payload}, {S: "true"}, {Null: true}}}); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	file := b.String()
	if !strings.Contains(file, "\n"+ConformingStrings+"\n") || !strings.Contains(file, `E'\\''); DROP TABLE public.victim; --'`) {
		t.Fatalf("data file:\n%s", file)
	}
	got, err := NewReader(strings.NewReader(file), "shops.sql", s).Next()
	if err != nil || got.Vals[2].S != payload {
		t.Fatalf("read back %+v, %v; want %q", got, err, payload)
	}
	for _, ok := range []string{"set standard_conforming_strings to on;", "SET  standard_conforming_strings=on ;"} {
		if _, err := NewReader(strings.NewReader(ok+"\n"), "f.sql", s).Next(); err != io.EOF {
			t.Errorf("%s: %v, want io.EOF", ok, err)
		}
	}
	for _, bad := range []string{"SET standard_conforming_strings = off;", "SET search_path = x;"} {
		_, err := NewReader(strings.NewReader("-- x\n"+bad+"\n"), "f.sql", s).Next()
		if err == nil || !strings.Contains(err.Error(), "f.sql:2:1: ") {
			t.Errorf("%s: error %v, want one at f.sql:2:1", bad, err)
		}
	}
}

// TestWriterWritesLines: the writer, which reuses one buffer for every
// line, writes the header and then exactly Line of each row, long rows
// followed by short ones, quotes and NULLs included.
func TestWriterWritesLines(t *testing.T) {
	s := testShape(t)
	rows := []Row{
		{Vals: []Value{{S: "north"}, {S: "1"}, {S: strings.Repeat("long 'quoted' text ", 50)}, {S: "true"}, {S: "1.50"}}},
		{Vals: []Value{{S: "s"}, {S: "2"}, {S: "x"}, {Null: true}, {Null: true}}},
		{Vals: []Value{{S: "t\ttab"}, {S: "3"}, {S: `back\slash`}, {S: "false"}, {S: "-0.5"}}},
	}
	var b strings.Builder
	w := NewWriter(&b, s)
	want := s.Header()
	for _, r := range rows {
		if err := w.Write(r); err != nil {
			t.Fatal(err)
		}
		want += s.Line(r) + "\n"
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != want {
		t.Fatalf("writer wrote\n%s\nwant\n%s", got, want)
	}
	if !strings.HasPrefix(s.Line(rows[1]), "INSERT INTO ") {
		t.Fatalf("line %q", s.Line(rows[1]))
	}
}
