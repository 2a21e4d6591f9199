package catalog

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

// TestIntrospectPartitionsAndInheritance checks what introspection reports
// for partitioned tables, partitions, inheritance children, storage and
// replica identity, and that the copies a child gets from its parents
// (columns, constraints, indexes) are not listed as its own.
func TestIntrospectPartitionsAndInheritance(t *testing.T) {
	_, conn := newDatabase(t, `
CREATE TABLE m (id int NOT NULL, at timestamp NOT NULL, v text DEFAULT 'x', PRIMARY KEY (id, at),
    CONSTRAINT v_set CHECK (v <> '')) PARTITION BY RANGE (at);
CREATE TABLE m1 PARTITION OF m FOR VALUES FROM ('2020-01-01') TO ('2021-01-01');
CREATE TABLE m2 PARTITION OF m (v DEFAULT 'y') FOR VALUES FROM ('2021-01-01') TO ('2022-01-01');
CREATE INDEX m_v ON m (v);
CREATE INDEX m1_own ON m1 (v, id);
CREATE TABLE p (a int, b text, CONSTRAINT a_pos CHECK (a > 0)) WITH (fillfactor = 70);
CREATE TABLE c (a int, c int, CONSTRAINT a_pos CHECK (a > 0)) INHERITS (p);
CREATE TABLE c2 (d int) INHERITS (p);
ALTER TABLE p ALTER COLUMN b SET STORAGE EXTERNAL;
ALTER TABLE c2 REPLICA IDENTITY FULL;
CREATE TABLE k (i int NOT NULL);
CREATE UNIQUE INDEX k_i ON k (i);
ALTER TABLE k REPLICA IDENTITY USING INDEX k_i;
`)
	s := introspect(t, conn)
	table := func(name string) state.Table {
		t.Helper()
		tb, ok := s.Table(state.QualName{Schema: "public", Name: name})
		if !ok {
			t.Fatalf("table %s not introspected", name)
		}
		return tb
	}
	m, m1, m2 := table("m"), table("m1"), table("m2")
	if m.PartitionBy != "RANGE (at)" || m.PartitionOf != nil {
		t.Errorf("m: key %q, parent %v", m.PartitionBy, m.PartitionOf)
	}
	if m1.PartitionOf == nil || *m1.PartitionOf != m.QualName() ||
		m1.PartitionBound != "FOR VALUES FROM ('2020-01-01 00:00:00') TO ('2021-01-01 00:00:00')" {
		t.Errorf("m1: parent %v, bound %q", m1.PartitionOf, m1.PartitionBound)
	}
	for _, c := range m1.Columns {
		if !c.Inherited {
			t.Errorf("m1.%s is a partition's column: inherited", c.Name)
		}
	}
	if len(m1.Constraints) != 0 {
		t.Errorf("m1 constraints = %+v, want none (the primary key and check are m's)", m1.Constraints)
	}
	if len(m1.Indexes) != 1 || m1.Indexes[0].Name != "m1_own" {
		t.Errorf("m1 indexes = %+v, want only m1_own", m1.Indexes)
	}
	if v, _ := m2.Column("v"); v.Default != "'y'::text" {
		t.Errorf("m2.v default = %q", v.Default)
	}
	if len(m.Indexes) != 1 || m.Indexes[0].Definition != "CREATE INDEX m_v ON ONLY public.m USING btree (v)" {
		t.Errorf("m indexes = %+v", m.Indexes)
	}
	p, c, c2 := table("p"), table("c"), table("c2")
	if !cmp.Equal(p.Options, []string{"fillfactor=70"}) {
		t.Errorf("p options = %q", p.Options)
	}
	if b, _ := p.Column("b"); b.Storage != "external" {
		t.Errorf("p.b storage = %q", b.Storage)
	}
	if !cmp.Equal(c.Inherits, []state.QualName{p.QualName()}) {
		t.Errorf("c inherits %v", c.Inherits)
	}
	if a, _ := c.Column("a"); a.Inherited {
		t.Errorf("c.a is declared by c too: not inherited only")
	}
	if b, _ := c.Column("b"); !b.Inherited || b.Storage != "external" {
		t.Errorf("c.b = %+v, want inherited with p's storage", b)
	}
	// c declares a_pos itself (merged with p's); c2 only inherits it.
	if len(c.Constraints) != 1 || c.Constraints[0].Name != "a_pos" || len(c2.Constraints) != 0 {
		t.Errorf("c constraints %+v, c2 constraints %+v", c.Constraints, c2.Constraints)
	}
	if c2.ReplicaIdentity != "full" || table("k").ReplicaIdentity != "index k_i" {
		t.Errorf("replica identities %q, %q", c2.ReplicaIdentity, table("k").ReplicaIdentity)
	}
}

// TestIntrospectPublications checks publications, with PostgreSQL 15's
// column lists, row filters and schemas where the server has them.
func TestIntrospectPublications(t *testing.T) {
	setup := `
CREATE TABLE t (a int, b text, c int);
CREATE TABLE "Odd" (x int);
CREATE PUBLICATION p1 FOR TABLE t, "Odd" WITH (publish = 'insert, delete');
CREATE PUBLICATION p2 FOR ALL TABLES WITH (publish_via_partition_root = true);
COMMENT ON PUBLICATION p2 IS 'all';
`
	if srv.Version() >= 15 {
		setup += `
CREATE SCHEMA s;
CREATE PUBLICATION p3 FOR TABLE t (c, a) WHERE (c > 0);
CREATE PUBLICATION p4 FOR TABLES IN SCHEMA s;
`
	}
	_, conn := newDatabase(t, setup)
	s := introspect(t, conn)
	want := []state.Publication{
		{Name: "p1", Tables: []string{`public."Odd"`, "public.t"}, Publish: []string{"insert", "delete"}},
		{Name: "p2", AllTables: true, Publish: state.PublicationOperations, ViaRoot: true, Comment: "all"},
	}
	if srv.Version() >= 15 {
		want = append(want,
			state.Publication{Name: "p3", Tables: []string{"public.t (a, c) WHERE ((c > 0))"}, Publish: state.PublicationOperations},
			state.Publication{Name: "p4", Schemas: []string{"s"}, Publish: state.PublicationOperations})
	}
	if diff := cmp.Diff(want, s.Publications); diff != "" {
		t.Errorf("publications (-want +got):\n%s", diff)
	}
}

func TestConstraintIndexClauses(t *testing.T) {
	for _, c := range []struct {
		def     string
		kind    state.ConstraintKind
		options []string
		ts      string
		want    string
	}{
		{"PRIMARY KEY (a)", state.ConstraintPrimaryKey, nil, "", "PRIMARY KEY (a)"},
		{"PRIMARY KEY (a) DEFERRABLE", state.ConstraintPrimaryKey, []string{"fillfactor=70"}, "",
			"PRIMARY KEY (a) WITH (fillfactor='70') DEFERRABLE"},
		{"UNIQUE (a) INCLUDE (b)", state.ConstraintUnique, []string{"fillfactor=70", "deduplicate_items=off"}, "fast",
			"UNIQUE (a) INCLUDE (b) WITH (fillfactor='70', deduplicate_items=off) USING INDEX TABLESPACE fast"},
		{"EXCLUDE USING gist (c WITH &&) WHERE ((a > 0)) DEFERRABLE INITIALLY DEFERRED", state.ConstraintExclusion, nil, "My TS",
			`EXCLUDE USING gist (c WITH &&) USING INDEX TABLESPACE "My TS" WHERE ((a > 0)) DEFERRABLE INITIALLY DEFERRED`},
	} {
		if got := constraintIndexClauses(c.def, c.kind, c.options, c.ts); got != c.want {
			t.Errorf("constraintIndexClauses(%q) = %q, want %q", c.def, got, c.want)
		}
	}
	if got := indexTablespace("CREATE INDEX i ON public.t USING btree (a) WHERE (a > 0)", "(a > 0)", "fast"); got != "CREATE INDEX i ON public.t USING btree (a) TABLESPACE fast WHERE (a > 0)" {
		t.Errorf("indexTablespace = %q", got)
	}
	if got := indexTablespace("CREATE INDEX i ON public.t USING btree (a) WHERE b", "b", "fast"); got != "CREATE INDEX i ON public.t USING btree (a) TABLESPACE fast WHERE b" {
		t.Errorf("indexTablespace = %q", got)
	}
}
