package parser

import (
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

// TestValidateAndRenameConstraint: VALIDATE CONSTRAINT makes a NOT VALID
// constraint valid; RENAME CONSTRAINT renames it (an index-backed one
// with its index), and later statements see the new name.
func TestValidateAndRenameConstraint(t *testing.T) {
	r, err := ParseString("t.sql", `CREATE TABLE p (id int PRIMARY KEY);
CREATE TABLE t (a int, b int, CONSTRAINT t_b_key UNIQUE (b));
ALTER TABLE t ADD CONSTRAINT a_pos CHECK (a > 0) NOT VALID;
ALTER TABLE t ADD CONSTRAINT a_fk FOREIGN KEY (a) REFERENCES p NOT VALID;
ALTER TABLE t ADD CONSTRAINT b_pos CHECK (b > 0) NOT VALID;
ALTER TABLE t VALIDATE CONSTRAINT a_pos, VALIDATE CONSTRAINT a_fk;
ALTER TABLE t RENAME CONSTRAINT t_b_key TO t_b_unique;
ALTER TABLE IF EXISTS ONLY t RENAME CONSTRAINT b_pos TO b_positive;
COMMENT ON CONSTRAINT t_b_unique ON t IS 'renamed';
`)
	if err != nil {
		t.Fatal(err)
	}
	tb, _ := r.Schema.Table(state.QualName{Schema: "public", Name: "t"})
	got := map[string]state.Constraint{}
	for _, c := range tb.Constraints {
		got[c.Name] = c
	}
	if c, ok := got["a_pos"]; !ok || c.NotValid {
		t.Errorf("a_pos = %+v, want valid", c)
	}
	if c, ok := got["a_fk"]; !ok || c.NotValid {
		t.Errorf("a_fk = %+v, want valid", c)
	}
	if c, ok := got["b_positive"]; !ok || !c.NotValid {
		t.Errorf("b_positive = %+v, want the renamed b_pos, still NOT VALID", c)
	}
	if c, ok := got["t_b_unique"]; !ok || c.Comment != "renamed" {
		t.Errorf("t_b_unique = %+v, want the renamed t_b_key with its comment", c)
	}
	if _, ok := got["t_b_key"]; ok {
		t.Error("t_b_key still there after RENAME CONSTRAINT")
	}

	for _, tc := range []struct{ sql, want string }{
		{"CREATE TABLE t (a int);\nALTER TABLE t VALIDATE CONSTRAINT nope;\n", "t.sql:2:1: constraint nope of table public.t does not exist"},
		{"CREATE TABLE t (a int UNIQUE);\nALTER TABLE t VALIDATE CONSTRAINT t_a_key;\n", "is not a foreign key or check constraint"},
		{"CREATE TABLE t (a int CHECK (a > 0), b int CHECK (b > 0));\nALTER TABLE t RENAME CONSTRAINT t_a_check TO t_b_check;\n", "constraint t_b_check for relation public.t already exists"},
		{"CREATE TABLE t (a int);\nALTER TABLE t RENAME COLUMN a TO b;\n", "ALTER COLUMN ... RENAME is not supported in schema files"},
	} {
		if _, err := ParseString("t.sql", tc.sql); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: got %v, want %q", tc.sql, err, tc.want)
		}
	}
}

// TestCreateSchemaElements: CREATE SCHEMA s CREATE TABLE ... CREATE VIEW
// ... creates each element in s; names of other elements inside them mean
// those in s.
func TestCreateSchemaElements(t *testing.T) {
	r, err := ParseString("s.sql", `CREATE SCHEMA app
    CREATE TABLE items (id int PRIMARY KEY, name text)
    CREATE VIEW named AS SELECT id, name FROM items WHERE name IS NOT NULL
    CREATE INDEX items_name_idx ON items (name)
    CREATE SEQUENCE counter
    CREATE TABLE refs (item int REFERENCES items);
`)
	if err != nil {
		t.Fatal(err)
	}
	items, ok := r.Schema.Table(state.QualName{Schema: "app", Name: "items"})
	if !ok || len(items.Indexes) != 1 || items.Indexes[0].Name != "items_name_idx" {
		t.Fatalf("app.items = %+v, want it with items_name_idx", items)
	}
	refs, _ := r.Schema.Table(state.QualName{Schema: "app", Name: "refs"})
	if len(refs.Constraints) != 1 || refs.Constraints[0].References == nil || *refs.Constraints[0].References != (state.QualName{Schema: "app", Name: "items"}) {
		t.Errorf("app.refs constraints = %+v, want a foreign key to app.items", refs.Constraints)
	}
	v, ok := r.Schema.View(state.QualName{Schema: "app", Name: "named"})
	if !ok || !strings.Contains(v.Definition, "FROM app.items") {
		t.Errorf("app.named = %+v, want a view over app.items", v)
	}
	if len(r.Schema.Sequences) != 1 || r.Schema.Sequences[0].Schema != "app" {
		t.Errorf("sequences = %+v, want app.counter", r.Schema.Sequences)
	}
	if _, err := ParseString("s.sql", "CREATE SCHEMA app CREATE TABLE other.t (a int);\n"); err == nil ||
		!strings.Contains(err.Error(), "CREATE specifies a schema (other) different from the one being created (app)") {
		t.Errorf("an element in another schema: got %v", err)
	}
}
