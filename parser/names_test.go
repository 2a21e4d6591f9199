package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestQuoteIdent(t *testing.T) {
	tests := []struct{ in, want string }{
		{"users", "users"},
		{"_x1", "_x1"},
		{"Users", `"Users"`},
		{"select", `"select"`},
		{"user", `"user"`},
		{"char", `"char"`},
		{"name", "name"},       // unreserved keyword
		{"comment", "comment"}, // unreserved keyword
		{"a b", `"a b"`},
		{`a"b`, `"a""b"`},
		{"1a", `"1a"`},
		{"ünï", `"ünï"`},
		{"", `""`},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := quoteIdent(tt.in); got != tt.want {
				t.Errorf("quoteIdent(%q) = %s, want %s", tt.in, got, tt.want)
			}
		})
	}
}

func TestMakeObjectName(t *testing.T) {
	// Expected values are what PostgreSQL 15 chose (testdata/equivalence/names.*).
	long := "this_is_a_very_long_table_name_that_goes_on_and_on_and_on_forev"
	tests := []struct {
		name                string
		name1, name2, label string
		want                string
	}{
		{"short", "t", "a", "key", "t_a_key"},
		{"no name2", "t", "", "pkey", "t_pkey"},
		{"long table", long, "id", "seq", "this_is_a_very_long_table_name_that_goes_on_and_on_and_o_id_seq"},
		{"long table no name2", long, "", "pkey", "this_is_a_very_long_table_name_that_goes_on_and_on_and_on__pkey"},
		{"both long", long, "this_is_also_a_very_long_column_name_that_will_need_truncation", "key",
			"this_is_a_very_long_table_nam_this_is_also_a_very_long_colu_key"},
		{"multibyte", strings.Repeat("ä", 31), strings.Repeat("ö", 28), "seq",
			strings.Repeat("ä", 14) + "_" + strings.Repeat("ö", 14) + "_seq"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := makeObjectName(tt.name1, tt.name2, tt.label)
			if got != tt.want {
				t.Errorf("makeObjectName = %q, want %q", got, tt.want)
			}
			if len(got) > maxIdentLen {
				t.Errorf("%q is %d bytes", got, len(got))
			}
		})
	}
}

func TestChooseNames(t *testing.T) {
	ns := newNameSpace()
	ns.relations["t"] = true
	got := []string{
		ns.chooseRelationName("t", "a", "key", true),
		ns.chooseRelationName("t", "a", "key", true),
		ns.chooseRelationName("t", "a", "idx", false),
		ns.chooseRelationName("t", "a", "idx", false),
		ns.chooseConstraintName("t", "a", "check"),
		ns.chooseConstraintName("t", "a", "check"),
		ns.chooseConstraintName("t", "a", "key"), // a UNIQUE took t_a_key: constraint names clash too
		ns.chooseRelationName("t", "", "pkey", true),
	}
	want := []string{"t_a_key", "t_a_key1", "t_a_idx", "t_a_idx1", "t_a_check", "t_a_check1", "t_a_key2", "t_pkey"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
	if got := uniqueColumnNames([]string{"a", "a", "expr", "a", "expr"}); !cmp.Equal(got, []string{"a", "a1", "expr", "a2", "expr1"}) {
		t.Errorf("uniqueColumnNames = %v", got)
	}
}

// TestDefaultNamesAcrossFiles checks that default names and their clash
// numbers follow file path order and statement order, whatever order the
// files are passed in.
func TestDefaultNamesAcrossFiles(t *testing.T) {
	files := []File{
		{"b.sql", "ALTER TABLE t ADD CHECK (a < 10);\nCREATE INDEX ON t (a);\nALTER TABLE t ADD UNIQUE (a);\n"},
		{"a.sql", "CREATE TABLE t (a int CHECK (a > 0), b int);\nCREATE INDEX ON t (a);\n"},
		{"c.sql", "CREATE TABLE t_a_key (x int);\n"},
	}
	var first *Result
	for _, order := range [][]int{{0, 1, 2}, {2, 1, 0}, {1, 2, 0}} {
		var in []File
		for _, i := range order {
			in = append(in, files[i])
		}
		r, err := ParseFiles(in)
		if err != nil {
			t.Fatal(err)
		}
		if first == nil {
			first = r
			continue
		}
		if diff := cmp.Diff(first, r); diff != "" {
			t.Errorf("order %v changed the result:\n%s", order, diff)
		}
	}
	tab := first.Schema.Tables[0]
	var got []string
	for _, c := range tab.Constraints {
		got = append(got, c.Name+" "+c.Definition)
	}
	for _, i := range tab.Indexes {
		got = append(got, i.Definition)
	}
	want := []string{
		"t_a_check CHECK (a > 0)",
		"t_a_check1 CHECK (a < 10)",
		"t_a_key1 UNIQUE (a)", // t_a_key is a table
		"CREATE INDEX t_a_idx ON public.t USING btree (a)",
		"CREATE INDEX t_a_idx1 ON public.t USING btree (a)",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if loc, _ := first.Locations.Get(tab.Key()); loc != (Location{File: "a.sql", Line: 1, Col: 1}) {
		t.Errorf("table location %v", loc)
	}
}
