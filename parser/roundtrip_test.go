package parser

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

// TestRoundTrip renders each equivalence case's model back to SQL using
// only the model's canonical strings (as renovate's own file writer and
// catalog printer do) and checks that parsing the text gives the same
// model: canonical forms are fixed points of the parser.
func TestRoundTrip(t *testing.T) {
	inputs, err := filepath.Glob("testdata/equivalence/*.sql")
	if err != nil {
		t.Fatal(err)
	}
	for _, in := range inputs {
		base := strings.TrimSuffix(filepath.Base(in), ".sql")
		if strings.Contains(base, ".") {
			continue
		}
		t.Run(base, func(t *testing.T) {
			want := parseTestFile(t, in)
			sql := renderSchema(want.Schema)
			got, err := ParseString("rendered.sql", sql)
			if err != nil {
				t.Fatalf("parsing rendered SQL: %v\n%s", err, sql)
			}
			if diff := cmp.Diff(want.Schema, got.Schema); diff != "" {
				t.Errorf("round trip changed the model (-before +after):\n%s\nSQL:\n%s", diff, sql)
			}
		})
	}
}

// renderSchema prints a model as schema-qualified SQL.
func renderSchema(s state.DatabaseSchema) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	comment := func(what, target, c string) {
		if c != "" {
			w("COMMENT ON %s %s IS %s;", what, target, quoteLiteral(c))
		}
	}
	for _, sc := range s.Schemas {
		if sc.Name != "public" {
			w("CREATE SCHEMA %s;", quoteIdent(sc.Name))
		}
		comment("SCHEMA", quoteIdent(sc.Name), sc.Comment)
	}
	for _, e := range s.Extensions {
		stmt := "CREATE EXTENSION " + quoteIdent(e.Name)
		if e.Schema != "" {
			stmt += " WITH SCHEMA " + quoteIdent(e.Schema)
		}
		if e.Version != "" {
			stmt += " VERSION " + quoteLiteral(e.Version)
		}
		w("%s;", stmt)
	}
	for _, ty := range s.Types {
		var labels []string
		for _, l := range ty.Labels {
			labels = append(labels, quoteLiteral(l))
		}
		q := quoteQualified(ty.Schema, ty.Name)
		w("CREATE TYPE %s AS ENUM (%s);", q, strings.Join(labels, ", "))
		comment("TYPE", q, ty.Comment)
	}
	seqOpts := func(o state.SequenceOptions) string {
		s := fmt.Sprintf("START WITH %d INCREMENT BY %d MINVALUE %d MAXVALUE %d CACHE %d", o.Start, o.Increment, o.MinValue, o.MaxValue, o.Cache)
		if o.Cycle {
			s += " CYCLE"
		}
		return s
	}
	for _, sq := range s.Sequences {
		q := quoteQualified(sq.Schema, sq.Name)
		w("CREATE SEQUENCE %s AS %s %s;", q, sq.DataType, seqOpts(sq.SequenceOptions))
		comment("SEQUENCE", q, sq.Comment)
	}
	for _, t := range s.Tables {
		q := quoteQualified(t.Schema, t.Name)
		var cols []string
		for _, c := range t.Columns {
			col := quoteIdent(c.Name) + " " + c.Type
			if c.Collation != "" {
				col += " COLLATE " + c.Collation
			}
			switch {
			case c.Default != "":
				col += " DEFAULT " + c.Default
			case c.Generated != "":
				col += " GENERATED ALWAYS AS (" + c.Generated + ") STORED"
			case c.Identity != "":
				col += " GENERATED " + strings.ToUpper(string(c.Identity)) + " AS IDENTITY (" + seqOpts(*c.IdentityOptions) + ")"
			}
			if c.NotNull {
				col += " NOT NULL"
			}
			cols = append(cols, col)
		}
		unlogged := ""
		if t.Unlogged {
			unlogged = "UNLOGGED "
		}
		w("CREATE %sTABLE %s (%s);", unlogged, q, strings.Join(cols, ", "))
		comment("TABLE", q, t.Comment)
		for _, c := range t.Columns {
			comment("COLUMN", q+"."+quoteIdent(c.Name), c.Comment)
		}
	}
	for _, t := range s.Tables {
		q := quoteQualified(t.Schema, t.Name)
		for _, c := range t.Constraints {
			nv := ""
			if c.NotValid {
				nv = " NOT VALID"
			}
			w("ALTER TABLE %s ADD CONSTRAINT %s %s%s;", q, quoteIdent(c.Name), c.Definition, nv)
			comment("CONSTRAINT", quoteIdent(c.Name)+" ON "+q, c.Comment)
		}
		for _, i := range t.Indexes {
			w("%s;", i.Definition)
			comment("INDEX", quoteQualified(t.Schema, i.Name), i.Comment)
		}
	}
	for _, sq := range s.Sequences {
		if sq.OwnedBy != nil {
			w("ALTER SEQUENCE %s OWNED BY %s.%s;", quoteQualified(sq.Schema, sq.Name),
				quoteQualified(sq.Schema, sq.OwnedBy.Table), quoteIdent(sq.OwnedBy.Column))
		}
	}
	return b.String()
}
