package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

// TestNullDefaults checks which DEFAULT NULL the model keeps: those
// PostgreSQL stores (a length or precision coercion, a domain, a cast to
// another type), as the server prints them once canonical.
func TestNullDefaults(t *testing.T) {
	res, err := ParseString("t.sql", `
CREATE DOMAIN d AS text;
CREATE TYPE e AS ENUM ('x');
CREATE DOMAIN dv AS varchar(5) DEFAULT NULL;
CREATE DOMAIN dt AS text DEFAULT NULL;
CREATE TABLE t (
    a text DEFAULT NULL,
    b varchar(10) DEFAULT NULL,
    c numeric(10,2) DEFAULT NULL,
    dd d DEFAULT NULL,
    ee e DEFAULT NULL,
    f text DEFAULT NULL::text,
    g text DEFAULT NULL::varchar,
    h int[] DEFAULT NULL,
    i interval(3) DEFAULT NULL,
    j bigint DEFAULT NULL::int8,
    k int DEFAULT NULL::bigint
);
ALTER TABLE t ALTER COLUMN a SET DEFAULT NULL;`)
	if err != nil {
		t.Fatal(err)
	}
	tbl, _ := res.Schema.Table(state.QualName{Schema: "public", Name: "t"})
	want := map[string]string{
		"a": "", "b": "NULL", "c": "NULL", "dd": "NULL", "ee": "", "f": "",
		"g": "NULL::varchar", "h": "", "i": "", "j": "", "k": "NULL::bigint",
	}
	for _, c := range tbl.Columns {
		if c.Default != want[c.Name] {
			t.Errorf("column %s: default %q, want %q", c.Name, c.Default, want[c.Name])
		}
	}
	for _, ty := range res.Schema.Types {
		want := map[string]string{"dv": "NULL", "dt": "", "d": "", "e": ""}[ty.Name]
		if ty.Default != want {
			t.Errorf("domain %s: default %q, want %q", ty.Name, ty.Default, want)
		}
	}
}

// TestSettingsPgDumpForms reads the settings kept beside definitions in
// the forms pg_dump writes them.
func TestSettingsPgDumpForms(t *testing.T) {
	res, err := ParseString("dump.sql", `
CREATE TABLE public.t (id integer NOT NULL, name text, n numeric) WITH (fillfactor='80', autovacuum_enabled='false');
ALTER TABLE ONLY public.t ALTER COLUMN id SET STATISTICS 10;
ALTER TABLE ONLY public.t ALTER COLUMN n SET (n_distinct=5, n_distinct_inherited=2);
ALTER TABLE ONLY public.t ALTER COLUMN n RESET (n_distinct_inherited);
ALTER TABLE public.t SET (fillfactor=70);
ALTER TABLE public.t OWNER TO someone;
CREATE VIEW public.v AS SELECT t.id, t.name FROM public.t;
ALTER TABLE public.v OWNER TO someone;
ALTER VIEW public.v OWNER TO someone;
ALTER TABLE ONLY public.v ALTER COLUMN name SET DEFAULT 'x'::text;
ALTER VIEW public.v ALTER COLUMN id SET DEFAULT 1;
ALTER TABLE ONLY public.t ADD CONSTRAINT t_pk PRIMARY KEY (id);
CREATE INDEX t_e ON public.t USING btree (((id + 1)));
ALTER TABLE public.t CLUSTER ON t_e;
ALTER INDEX public.t_e ALTER COLUMN 1 SET STATISTICS 100;
COMMENT ON INDEX public.t_pk IS 'c';`)
	if err != nil {
		t.Fatal(err)
	}
	tbl, _ := res.Schema.Table(state.QualName{Schema: "public", Name: "t"})
	if tbl.ClusterOn != "t_e" {
		t.Errorf("ClusterOn = %q, want t_e", tbl.ClusterOn)
	}
	// SET moves the option it names to the end, as PostgreSQL does.
	if got := tbl.Options; len(got) != 2 || got[0] != "autovacuum_enabled=false" || got[1] != "fillfactor=70" {
		t.Errorf("Options = %q", got)
	}
	id, _ := tbl.Column("id")
	if id.Statistics == nil || *id.Statistics != 10 {
		t.Errorf("id statistics = %v, want 10", id.Statistics)
	}
	n, _ := tbl.Column("n")
	if len(n.Options) != 1 || n.Options[0] != "n_distinct=5" {
		t.Errorf("n options = %q", n.Options)
	}
	if len(tbl.Indexes) != 1 || len(tbl.Indexes[0].Statistics) != 1 || tbl.Indexes[0].Statistics[0] != (state.IndexStatistics{Column: 1, Target: 100}) {
		t.Errorf("index statistics = %+v", tbl.Indexes)
	}
	if len(tbl.Constraints) != 1 || tbl.Constraints[0].IndexComment != "c" || tbl.Constraints[0].Comment != "" {
		t.Errorf("constraint = %+v", tbl.Constraints)
	}
	v, _ := res.Schema.View(state.QualName{Schema: "public", Name: "v"})
	if v.ColumnDefaults["name"] != "'x'::text" || v.ColumnDefaults["id"] != "1" {
		t.Errorf("view defaults = %q", v.ColumnDefaults)
	}
}

// TestAlterViewOptions reads ALTER VIEW SET / RESET (options) in statement
// order, over the options of CREATE VIEW ... WITH.
func TestAlterViewOptions(t *testing.T) {
	res, err := ParseString("v.sql", `
CREATE TABLE public.t (id integer);
CREATE VIEW public.v WITH (security_barrier) AS SELECT id FROM public.t;
ALTER VIEW public.v SET (check_option = local, security_invoker = true);
ALTER VIEW IF EXISTS public.v RESET (security_barrier);
ALTER VIEW public.v SET (check_option = cascaded);
ALTER VIEW IF EXISTS public.gone SET (security_barrier = true);`)
	if err != nil {
		t.Fatal(err)
	}
	v, _ := res.Schema.View(state.QualName{Schema: "public", Name: "v"})
	if diff := cmp.Diff([]string{"check_option=cascaded", "security_invoker=true"}, v.Options); diff != "" {
		t.Errorf("options (-want +got):\n%s", diff)
	}
	_, err = ParseString("v.sql", "CREATE TABLE t (id int);\nALTER VIEW public.gone SET (security_barrier = true);")
	if err == nil || !strings.Contains(err.Error(), "v.sql:2:1: ALTER VIEW: view public.gone is defined nowhere") {
		t.Errorf("ALTER VIEW of a missing view: %v", err)
	}
}

// TestSettingsErrors checks the settings PostgreSQL would refuse.
func TestSettingsErrors(t *testing.T) {
	for _, tc := range []struct{ name, sql, want string }{
		{"statistics on a plain index column", "CREATE TABLE t (a int);\nCREATE INDEX t_a ON t (a);\nALTER INDEX t_a ALTER COLUMN 1 SET STATISTICS 5;",
			"t.sql:3:1: ALTER INDEX public.t_a: column number 1 is not an expression column of the index (only those have a statistics target)"},
		{"cluster on another table's index", "CREATE TABLE t (a int);\nCREATE TABLE u (a int);\nCREATE INDEX u_a ON u (a);\nALTER TABLE t CLUSTER ON u_a;",
			"t.sql:4:1: CLUSTER ON: index u_a of table public.t is defined nowhere"},
		{"other ALTER TABLE on a view", "CREATE TABLE t (a int);\nCREATE VIEW v AS SELECT a FROM t;\nALTER TABLE v ALTER COLUMN a SET NOT NULL;",
			"t.sql:3:1: ALTER TABLE: public.v is a view; only ALTER COLUMN ... SET / DROP DEFAULT can change it here"},
		{"default on a column a view lacks", "CREATE TABLE t (a int);\nCREATE VIEW v AS SELECT a FROM t;\nALTER VIEW v ALTER COLUMN b SET DEFAULT 1;",
			"t.sql:3:1: ALTER VIEW: column b of view public.v does not exist"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := ParseString("t.sql", tc.sql)
			if err == nil || err.Error() != tc.want {
				t.Errorf("error %v, want %s", err, tc.want)
			}
		})
	}
}
