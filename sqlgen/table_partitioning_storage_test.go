package sqlgen

import (
	"testing"

	"github.com/renovate-pg/renovate/state"
)

func TestTableDefinitionPartitionsAndInheritance(t *testing.T) {
	parent := state.Table{Schema: "public", Name: "m", PartitionBy: "RANGE (at)",
		Columns: []state.Column{
			{Name: "id", Type: "integer", NotNull: true, Default: "0"},
			{Name: "at", Type: "date", NotNull: true},
			{Name: "body", Type: "text", Storage: "external", Compression: "lz4"},
		}}
	part := state.Table{Schema: "public", Name: "m 1", PartitionOf: &state.QualName{Schema: "public", Name: "m"},
		PartitionBound: "FOR VALUES FROM ('2020-01-01') TO ('2021-01-01')",
		Columns: []state.Column{
			{Name: "id", Type: "integer", NotNull: true, Inherited: true},
			{Name: "at", Type: "date", NotNull: true, Inherited: true},
			{Name: "body", Type: "text", Storage: "external", Compression: "lz4", Inherited: true},
		},
		Constraints: []state.Constraint{{Name: "c", Kind: state.ConstraintCheck, Definition: "CHECK (id > 0)"}},
		Options:     []string{"fillfactor=70"}, ReplicaIdentity: "full"}
	want := `CREATE TABLE public."m 1" PARTITION OF public.m (
    CONSTRAINT c CHECK (id > 0)
) FOR VALUES FROM ('2020-01-01') TO ('2021-01-01') WITH (fillfactor='70');
ALTER TABLE public."m 1" ALTER COLUMN id DROP DEFAULT;
ALTER TABLE public."m 1" REPLICA IDENTITY FULL;
`
	if got := TableDefinition(part, nil, parent); got != want {
		t.Errorf("partition:\n%s\nwant:\n%s", got, want)
	}
	if got := TableDefinition(parent, nil); got != `CREATE TABLE public.m (
    id integer DEFAULT 0 NOT NULL,
    at date NOT NULL,
    body text COMPRESSION lz4
) PARTITION BY RANGE (at);
ALTER TABLE public.m ALTER COLUMN body SET STORAGE EXTERNAL;
` {
		t.Errorf("parent:\n%s", got)
	}
	child := state.Table{Schema: "app", Name: "c", Inherits: []state.QualName{{Schema: "public", Name: "p"}, {Schema: "public", Name: "q"}},
		Columns: []state.Column{{Name: "a", Type: "integer", Inherited: true}, {Name: "x", Type: "text"}}, Tablespace: "Fast"}
	if got := CreateTable(child, nil); got != `CREATE TABLE app.c (
    x text
) INHERITS (public.p, public.q) TABLESPACE "Fast";
` {
		t.Errorf("child:\n%s", got)
	}
	empty := state.Table{Schema: "public", Name: "e", Inherits: []state.QualName{{Schema: "public", Name: "p"}},
		Columns: []state.Column{{Name: "a", Type: "integer", Inherited: true}}}
	if got := CreateTable(empty, nil); got != "CREATE TABLE public.e () INHERITS (public.p);\n" {
		t.Errorf("empty child: %q", got)
	}
}

func TestPublicationDefinition(t *testing.T) {
	for _, c := range []struct {
		p    state.Publication
		want string
	}{
		{state.Publication{Name: "p", Publish: state.PublicationOperations}, "CREATE PUBLICATION p;\n"},
		{state.Publication{Name: "All", AllTables: true, Publish: []string{"insert"}, ViaRoot: true, Comment: "x"},
			"CREATE PUBLICATION \"All\" FOR ALL TABLES WITH (publish = 'insert', publish_via_partition_root = true);\nCOMMENT ON PUBLICATION \"All\" IS 'x';\n"},
		{state.Publication{Name: "one", Tables: []string{"public.t (a) WHERE (a > 0)"}, Publish: state.PublicationOperations},
			"CREATE PUBLICATION one FOR TABLE ONLY public.t (a) WHERE (a > 0);\n"},
		{state.Publication{Name: "two", Tables: []string{"public.a", "public.b"}, Schemas: []string{"s"}, Publish: []string{"delete"}},
			"CREATE PUBLICATION two FOR\n    TABLE ONLY public.a,\n    ONLY public.b,\n    TABLES IN SCHEMA s\nWITH (publish = 'delete');\n"},
	} {
		if got := PublicationDefinition(c.p); got != c.want {
			t.Errorf("%s:\n%s\nwant:\n%s", c.p.Name, got, c.want)
		}
	}
	for entry, want := range map[string]string{
		"public.t":                         "public.t",
		`public."a.b (c)" (x) WHERE (x>0)`: `public."a.b (c)"`,
		`"My ""S""".t WHERE (a)`:           `"My ""S""".t`,
	} {
		if got := PublicationEntryTable(entry); got != want {
			t.Errorf("PublicationEntryTable(%q) = %q, want %q", entry, got, want)
		}
	}
}
