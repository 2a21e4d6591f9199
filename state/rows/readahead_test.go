package rows

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"testing"
	"unsafe"
)

// TestReaderReadAhead: a file of many rows, read ahead many lines at a
// time, yields every row with its values and line number, across
// read-ahead boundaries, with lines longer than a read-ahead, comments,
// blank lines, column lists that change from line to line, and a line
// too long for the Reader reported at its line after the rows before it.
func TestReaderReadAhead(t *testing.T) {
	s := testShape(t)
	var file strings.Builder
	type want struct {
		line int
		vals []Value
	}
	var wants []want
	line := 0
	for i := 0; i < 3000; i++ {
		label := fmt.Sprintf("label %d äöü", i)
		switch {
		case i%500 == 7:
			label = strings.Repeat("long ", 6*readAheadBytes/5) // longer than 4 read-aheads
		case i%11 == 3:
			label = ""
		}
		vals := []Value{{S: fmt.Sprintf("r%d", i%7)}, {S: fmt.Sprint(i)}, {S: label}, {S: "true"}, {Null: true}}
		if i%13 == 5 {
			vals[2] = Value{Null: true}
		}
		l := s.Line(Row{Vals: vals})
		if i%17 == 2 {
			// The same row with its columns in another order.
			l = fmt.Sprintf(`INSERT INTO public."Shops" (code, region_id, open, price, "Label") VALUES (%s, (SELECT id FROM public.regions WHERE name = '%s'), true, NULL, %s);`,
				vals[1].S, vals[0].S, Literal("text", vals[2]))
		}
		if i%100 == 50 {
			file.WriteString("-- a comment\n\n")
			line += 2
		}
		file.WriteString(l + "\n")
		line++
		wants = append(wants, want{line, vals})
	}
	r := NewReader(strings.NewReader(file.String()), "shops.sql", s)
	for i, w := range wants {
		got, err := r.Next()
		if err != nil {
			t.Fatalf("row %d: %v", i, err)
		}
		if got.Line != w.line {
			t.Errorf("row %d: line %d, want %d", i, got.Line, w.line)
		}
		for j := range w.vals {
			if got.Vals[j] != w.vals[j] {
				t.Errorf("row %d: value %d = %.40q, want %.40q", i, j, got.Vals[j].S, w.vals[j].S)
			}
		}
		if len(got.Vals) != cap(got.Vals) {
			t.Errorf("row %d: values of capacity %d for %d: appending would overwrite the next row's", i, cap(got.Vals), len(got.Vals))
		}
	}
	if _, err := r.Next(); err != io.EOF {
		t.Fatalf("after the last row: %v, want io.EOF", err)
	}

	// A line longer than the Reader takes, after two good ones.
	first := s.Line(Row{Vals: []Value{{S: "n"}, {S: "1"}, {S: "x"}, {S: "true"}, {Null: true}}})
	r = NewReader(strings.NewReader(""), "shops.sql", s)
	r.sc = bufio.NewScanner(strings.NewReader(first + "\n-- c\n" + strings.Repeat("x", 200) + "\n"))
	r.sc.Buffer(make([]byte, 0, 16), 190)
	if _, err := r.Next(); err != nil {
		t.Fatal(err)
	}
	if _, err := r.Next(); err == nil || !strings.Contains(err.Error(), "shops.sql:3: line longer than") {
		t.Fatalf("too long a line: %v, want it reported at line 3", err)
	}
}

// TestMergeClones: the rows Merge hands over share no memory with the
// iterators' rows, which may share theirs with many others (a Slab, the
// text of many lines).
func TestMergeClones(t *testing.T) {
	s := testShape(t)
	var slab Slab
	mk := func(code, label string) Row {
		v := slab.Take(s.Width)
		copy(v, []Value{{S: "n"}, {S: code}, {S: label}, {S: "true"}, {Null: true}})
		return Row{Vals: v}
	}
	cur := &SliceIter{Rows: []Row{mk("1", "a"), mk("2", "b"), mk("3", "c")}}
	des := &SliceIter{Rows: []Row{mk("2", "B"), mk("3", "c"), mk("4", "d")}}
	var kept []Change
	if err := Merge(s, cur, des, nil, nil, func(c Change) error { kept = append(kept, c); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(kept) != 3 {
		t.Fatalf("%d changes, want a delete, an update and an insert", len(kept))
	}
	all := append(append([]Row(nil), cur.Rows...), des.Rows...)
	for _, c := range kept {
		for _, r := range []*Row{c.Old, c.New} {
			if r == nil {
				continue
			}
			for _, o := range all {
				if &r.Vals[0] == &o.Vals[0] {
					t.Errorf("a kept row shares its values with the iterator's row %v", o.Vals)
				}
				for j := range r.Vals {
					if r.Vals[j].S != "" && unsafe.StringData(r.Vals[j].S) == unsafe.StringData(o.Vals[j].S) {
						t.Errorf("a kept row shares the text %q with the iterator's", r.Vals[j].S)
					}
				}
			}
		}
	}
}
