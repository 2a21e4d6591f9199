package state

import (
	"reflect"
	"testing"
)

func shareModels() (files, db DatabaseSchema) {
	cols := func(def string) []Column {
		return []Column{{Name: "id", Type: "bigint", NotNull: true}, {Name: "note", Type: "text", Default: def}}
	}
	idx := func() []Index {
		return []Index{{Name: "t_note", Definition: "CREATE INDEX t_note ON app.t USING btree (note)"}}
	}
	files = DatabaseSchema{
		Tables: []Table{
			{Schema: "app", Name: "same", Columns: cols("'x'::text"), Indexes: idx()},
			{Schema: "app", Name: "t", Columns: cols("'x'::text"), Indexes: idx()},
			{Schema: "app", Name: "only_files", Columns: cols("")},
		},
		Sequences: []Sequence{{Schema: "app", Name: "s", Privileges: []Privilege{{Grantee: "u", Privilege: "USAGE"}}}},
	}
	db = DatabaseSchema{
		Tables: []Table{
			{Schema: "app", Name: "only_db", Columns: cols("")},
			{Schema: "app", Name: "same", Columns: cols("'x'::text"), Indexes: idx()},
			// The database prints one default otherwise: the table differs,
			// its indexes do not.
			{Schema: "app", Name: "t", Columns: cols("'y'::text"), Indexes: idx()},
		},
		Sequences: []Sequence{{Schema: "app", Name: "s", Privileges: []Privilege{{Grantee: "u", Privilege: "USAGE"}}}},
	}
	// Room to grow, as a parser's appends leave it.
	files.Tables[0].Columns = append(make([]Column, 0, 8), files.Tables[0].Columns...)
	return files, db
}

func TestShareEqualSharesWhatIsEqual(t *testing.T) {
	files, db := shareModels()
	wantDB := db.Clone()
	wantFiles := files.Clone()

	if n := db.ShareEqual(files); n != 3 {
		t.Errorf("ShareEqual shared %d, want 3 (table same, the indexes of t, sequence s)", n)
	}
	if !reflect.DeepEqual(db, wantDB) || !reflect.DeepEqual(files, wantFiles) {
		t.Fatal("ShareEqual changed a value")
	}
	sameArray := func(a, b any) bool {
		return reflect.ValueOf(a).UnsafePointer() == reflect.ValueOf(b).UnsafePointer()
	}
	tbl := func(s DatabaseSchema, name string) *Table {
		for i := range s.Tables {
			if s.Tables[i].Name == name {
				return &s.Tables[i]
			}
		}
		t.Fatalf("no table %s", name)
		return nil
	}
	if !sameArray(tbl(db, "same").Columns, tbl(files, "same").Columns) || !sameArray(tbl(db, "same").Indexes, tbl(files, "same").Indexes) {
		t.Error("an equal table is not shared")
	}
	if sameArray(tbl(db, "t").Columns, tbl(files, "t").Columns) {
		t.Error("columns that differ are shared")
	}
	if !sameArray(tbl(db, "t").Indexes, tbl(files, "t").Indexes) {
		t.Error("the equal indexes of a table that differs are not shared")
	}
	if !sameArray(db.Sequences[0].Privileges, files.Sequences[0].Privileges) {
		t.Error("an equal sequence is not shared")
	}
	if sameArray(tbl(db, "only_db").Columns, tbl(files, "only_files").Columns) {
		t.Error("tables of other names are shared")
	}

	// Appending to one side's shared list copies it: the other side's
	// array, which had room, is not written.
	shared := tbl(db, "same")
	if c := cap(shared.Columns); c != len(shared.Columns) {
		t.Errorf("a shared list has capacity %d, want its length %d", c, len(shared.Columns))
	}
	shared.Columns = append(shared.Columns, Column{Name: "added", Type: "int"})
	if got := tbl(files, "same").Columns[:3][2].Name; got == "added" {
		t.Error("appending to the database's shared columns wrote into the files' array")
	}
}
