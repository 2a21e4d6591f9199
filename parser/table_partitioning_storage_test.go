package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// tableExtSQL exercises partitioning, inheritance, storage and
// publications; its model must survive printing and parsing again.
const tableExtSQL = `
CREATE SCHEMA app;
CREATE TABLE m (id bigserial, city int NOT NULL, logdate date NOT NULL, ts timestamp, t text COLLATE "C", v numeric DEFAULT 1.5)
    PARTITION BY RANGE (logdate);
CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2006-02-01'::date) TO ('2006-03-01');
CREATE TABLE m2 PARTITION OF m (city DEFAULT 5, CONSTRAINT own CHECK (city > 0))
    FOR VALUES FROM (MINVALUE) TO ('2006-02-01') PARTITION BY LIST (city);
CREATE TABLE m21 PARTITION OF m2 FOR VALUES IN (1, -2, '3');
CREATE TABLE mdef PARTITION OF m DEFAULT;
ALTER TABLE mdef ALTER COLUMN v DROP DEFAULT;
CREATE TABLE h (a int, b text) PARTITION BY HASH (a, (b || 'x'), lower(b));
CREATE TABLE h0 PARTITION OF h FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE lc (a text, b boolean) PARTITION BY LIST (a COLLATE "C" text_pattern_ops);
CREATE TABLE att (a text NOT NULL, b boolean DEFAULT true);
ALTER TABLE ONLY lc ATTACH PARTITION att FOR VALUES IN ('x');
CREATE TABLE p (id int, n int NOT NULL CHECK (n > 0), d int DEFAULT 3, s text COMPRESSION lz4)
    WITH (fillfactor = 70, toast.autovacuum_enabled = off);
ALTER TABLE p ALTER COLUMN s SET STORAGE EXTERNAL;
CREATE TABLE c (x int, id int DEFAULT 7) INHERITS (p);
ALTER TABLE c ALTER COLUMN d SET DEFAULT 4;
CREATE TABLE q (y int);
CREATE TABLE c2 (z int) INHERITS (p, q);
CREATE TABLE app.k (i int NOT NULL, b bool, u int);
CREATE UNIQUE INDEX k_u ON app.k (u);
CREATE UNIQUE INDEX k_pk ON app.k (i) WITH (fillfactor = 80);
ALTER TABLE app.k ADD CONSTRAINT k_pk PRIMARY KEY USING INDEX k_pk;
ALTER TABLE app.k REPLICA IDENTITY FULL;
ALTER TABLE app.k SET (autovacuum_enabled = false);
ALTER TABLE app.k ALTER COLUMN b SET STORAGE PLAIN;
CREATE PUBLICATION pub FOR TABLE p (d, id) WHERE (d > 0), app.k WITH (publish = 'update, insert');
CREATE PUBLICATION allpub FOR ALL TABLES WITH (publish_via_partition_root);
COMMENT ON PUBLICATION allpub IS 'everything';
`

func TestTableExtModel(t *testing.T) {
	res, err := ParseString("ext.sql", tableExtSQL)
	if err != nil {
		t.Fatal(err)
	}
	s := res.Schema
	get := func(schema, name string) state.Table {
		t.Helper()
		tb, ok := s.Table(state.QualName{Schema: schema, Name: name})
		if !ok {
			t.Fatalf("table %s.%s missing", schema, name)
		}
		return tb
	}
	col := func(tb state.Table, name string) state.Column {
		t.Helper()
		c, ok := tb.Column(name)
		if !ok {
			t.Fatalf("column %s of %s missing", name, tb.Name)
		}
		return c
	}
	checks := []struct{ what, got, want string }{
		{"m key", get("public", "m").PartitionBy, "RANGE (logdate)"},
		{"m1 bound", get("public", "m1").PartitionBound, "FOR VALUES FROM ('2006-02-01') TO ('2006-03-01')"},
		{"m2 bound", get("public", "m2").PartitionBound, "FOR VALUES FROM (MINVALUE) TO ('2006-02-01')"},
		{"m2 key", get("public", "m2").PartitionBy, "LIST (city)"},
		{"m21 bound", get("public", "m21").PartitionBound, "FOR VALUES IN (1, '-2', 3)"},
		{"mdef bound", get("public", "mdef").PartitionBound, "DEFAULT"},
		{"h key", get("public", "h").PartitionBy, "HASH (a, (b || 'x'), lower(b))"},
		{"h0 bound", get("public", "h0").PartitionBound, "FOR VALUES WITH (modulus 2, remainder 0)"},
		{"lc key", get("public", "lc").PartitionBy, `LIST (a COLLATE "C" text_pattern_ops)`},
		{"att bound", get("public", "att").PartitionBound, "FOR VALUES IN ('x')"},
		{"m1 id default", col(get("public", "m1"), "id").Default, "nextval('public.m_id_seq'::regclass)"},
		{"m2 city default", col(get("public", "m2"), "city").Default, "5"},
		{"m21 city default", col(get("public", "m21"), "city").Default, "5"},
		{"mdef v default", col(get("public", "mdef"), "v").Default, ""},
		{"att b default", col(get("public", "att"), "b").Default, "true"},
		{"c d default", col(get("public", "c"), "d").Default, "4"},
		{"c id default", col(get("public", "c"), "id").Default, "7"},
		{"c s storage", col(get("public", "c"), "s").Storage, "external"},
		{"c s compression", col(get("public", "c"), "s").Compression, "lz4"},
		{"k b storage", col(get("app", "k"), "b").Storage, ""},
		{"k replica identity", get("app", "k").ReplicaIdentity, "full"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.what, c.got, c.want)
		}
	}
	if c := col(get("public", "m1"), "city"); !c.Inherited || !c.NotNull {
		t.Errorf("m1.city = %+v, want inherited NOT NULL", c)
	}
	if c := col(get("public", "c"), "id"); c.Inherited {
		t.Errorf("c.id is declared by c: not inherited only")
	}
	if c := col(get("public", "c2"), "y"); !c.Inherited {
		t.Errorf("c2.y comes from q: inherited")
	}
	if got, want := get("public", "p").Options, []string{"fillfactor=70", "toast.autovacuum_enabled=off"}; !cmp.Equal(got, want) {
		t.Errorf("p options = %q, want %q", got, want)
	}
	k := get("app", "k")
	if len(k.Indexes) != 1 || k.Indexes[0].Name != "k_u" {
		t.Errorf("k indexes = %+v, want only k_u (k_pk belongs to the constraint)", k.Indexes)
	}
	if len(k.Constraints) != 1 || k.Constraints[0].Definition != "PRIMARY KEY (i) WITH (fillfactor='80')" {
		t.Errorf("k constraints = %+v", k.Constraints)
	}
	if len(s.Publications) != 2 {
		t.Fatalf("publications = %+v", s.Publications)
	}
	allpub, pub := s.Publications[0], s.Publications[1]
	if !allpub.AllTables || !allpub.ViaRoot || allpub.Comment != "everything" || len(allpub.Publish) != 4 {
		t.Errorf("allpub = %+v", allpub)
	}
	// p's children c and c2 are published with it (no ONLY).
	wantTables := []string{"app.k", "public.c (id, d) WHERE (d > 0)", "public.c2 (id, d) WHERE (d > 0)", "public.p (id, d) WHERE (d > 0)"}
	if !cmp.Equal(pub.Tables, wantTables) || !cmp.Equal(pub.Publish, []string{"insert", "update"}) {
		t.Errorf("pub = %+v, want tables %q", pub, wantTables)
	}
}

// TestTableExtRoundTrip prints the model with renovate's printer and
// parses it again: the canonical text is a fixed point.
func TestTableExtRoundTrip(t *testing.T) {
	res, err := ParseString("ext.sql", tableExtSQL)
	if err != nil {
		t.Fatal(err)
	}
	text := sqlgen.Dump(res.Schema)
	again, err := ParseString("dump.sql", text)
	if err != nil {
		t.Fatalf("parsing the printed model: %v\n%s", err, text)
	}
	if diff := cmp.Diff(res.Schema, again.Schema); diff != "" {
		t.Errorf("printing and parsing changed the model (-before +after):\n%s\n%s", diff, text)
	}
}

func TestPartitionBoundValues(t *testing.T) {
	for _, c := range []struct {
		v    boundValue
		typ  string
		want string
	}{
		{boundValue{kind: "number", text: "1"}, "integer", "1"},
		{boundValue{kind: "number", text: "-1"}, "bigint", "'-1'"},
		{boundValue{kind: "string", text: "7"}, "smallint", "7"},
		{boundValue{kind: "number", text: "1.5"}, "numeric(10,2)", "1.5"},
		{boundValue{kind: "number", text: "2"}, "numeric", "'2'"},
		{boundValue{kind: "string", text: "yes"}, "boolean", "true"},
		{boundValue{kind: "number", text: "1"}, "text", "'1'"},
		{boundValue{kind: "string", text: "it's"}, "", "'it''s'"},
		{boundValue{kind: "number", text: "-3"}, "", "'-3'"},
		{boundValue{kind: "MAXVALUE"}, "integer", "MAXVALUE"},
		{boundValue{kind: "NULL"}, "text", "NULL"},
	} {
		if got := c.v.format(c.typ); got != c.want {
			t.Errorf("%+v as %s = %s, want %s", c.v, c.typ, got, c.want)
		}
	}
}
