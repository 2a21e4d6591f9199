package planfile

import (
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
)

// TestClassify: the hazards a statement of a saved plan implies on its
// own, whatever its comments say.
func TestClassify(t *testing.T) {
	opts := Options{DataTables: []state.QualName{{Schema: "public", Name: "countries"}}}
	const (
		loss   = planner.HazardDeletesData
		sec    = planner.HazardSecurity
		unknwn = planner.HazardUnclassified
	)
	tests := []struct {
		name string
		sql  string
		want []planner.HazardKind
	}{
		{"create table", "CREATE TABLE public.t (id int);", nil},
		{"add column", "ALTER TABLE public.t ADD COLUMN a int;", nil},
		{"drop column", "ALTER TABLE public.t DROP COLUMN a;", []planner.HazardKind{loss}},
		{"drop table", "DROP TABLE public.t;", []planner.HazardKind{loss}},
		{"drop view", "DROP VIEW public.v;", nil},
		{"drop view cascade", "DROP VIEW public.v CASCADE;", []planner.HazardKind{loss}},
		{"drop function cascade", "DROP FUNCTION public.f() CASCADE;", []planner.HazardKind{loss}},
		{"do block", "DO $$BEGIN EXECUTE 'DROP TABLE public.victim'; END$$;", []planner.HazardKind{unknwn}},
		{"call", "CALL public.cleanup();", []planner.HazardKind{unknwn}},
		{"select of a function", "SELECT public.cleanup();", []planner.HazardKind{unknwn}},
		{"select setval of a data table's sequence", "SELECT setval(seq, m) FROM (SELECT pg_get_serial_sequence('public.countries', 'id')::regclass AS seq, (SELECT max(id) FROM public.countries) AS m) AS x WHERE m > COALESCE(pg_sequence_last_value(seq), 0);", nil},
		{"select setval calling something else", "SELECT setval(seq, m) FROM (SELECT public.cleanup() AS seq, 5 AS m) AS x;", []planner.HazardKind{unknwn}},
		{"set_config of search_path", "SELECT pg_catalog.set_config('search_path', '', false);", nil},
		{"set_config of another setting", "SELECT pg_catalog.set_config('session_replication_role', 'replica', false);", []planner.HazardKind{unknwn}},
		{"set standard_conforming_strings", "SET standard_conforming_strings = on;", nil},
		{"set session_replication_role", "SET session_replication_role = replica;", []planner.HazardKind{unknwn}},
		{"update of a data table", "UPDATE public.countries SET name = 'x' WHERE code = 'de';", nil},
		{"update by hand", "UPDATE public.users SET email = NULL;", []planner.HazardKind{loss, unknwn}},
		{"update by hand, unqualified", "UPDATE users SET email = NULL;", []planner.HazardKind{loss, unknwn}},
		{"delete of a data table", "DELETE FROM public.countries WHERE code = 'de';", []planner.HazardKind{loss}},
		{"delete by hand", "DELETE FROM public.users;", []planner.HazardKind{loss, unknwn}},
		{"truncate", "TRUNCATE public.countries;", []planner.HazardKind{loss, unknwn}},
		{"insert into a data table", "INSERT INTO public.countries (code) VALUES ('de');", nil},
		{"insert by hand", "INSERT INTO public.users (id) VALUES (1);", []planner.HazardKind{unknwn}},
		{"upsert by hand", "INSERT INTO public.users (id) VALUES (1) ON CONFLICT (id) DO UPDATE SET id = 2;", []planner.HazardKind{loss, unknwn}},
		{"copy", "COPY public.users FROM '/tmp/x';", []planner.HazardKind{unknwn}},
		{"alter system", "ALTER SYSTEM SET fsync = off;", []planner.HazardKind{unknwn}},
		{"create role", "CREATE ROLE intruder SUPERUSER;", []planner.HazardKind{unknwn}},
		{"grant role", "GRANT pg_read_all_data TO app;", []planner.HazardKind{unknwn}},
		{"grant", "GRANT SELECT ON TABLE public.t TO app;", nil},
		{"revoke", "REVOKE SELECT ON TABLE public.t FROM app;", []planner.HazardKind{sec}},
		{"revoke default", "ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT ON TABLES FROM app;", []planner.HazardKind{sec}},
		{"disable rls", "ALTER TABLE public.t DISABLE ROW LEVEL SECURITY;", []planner.HazardKind{sec}},
		{"no force rls", "ALTER TABLE public.t NO FORCE ROW LEVEL SECURITY;", []planner.HazardKind{sec}},
		{"enable rls", "ALTER TABLE public.t ENABLE ROW LEVEL SECURITY;", nil},
		{"drop policy", "DROP POLICY p ON public.t;", []planner.HazardKind{sec}},
		{"alter policy", "ALTER POLICY p ON public.t USING (true);", []planner.HazardKind{sec}},
		{"drop trigger", "DROP TRIGGER audit ON public.t;", []planner.HazardKind{sec}},
		{"disable trigger", "ALTER TABLE public.t DISABLE TRIGGER audit;", []planner.HazardKind{sec}},
		{"disable all triggers", "ALTER TABLE public.t DISABLE TRIGGER ALL;", []planner.HazardKind{sec}},
		{"drop event trigger", "DROP EVENT TRIGGER guard;", []planner.HazardKind{sec}},
		{"disable event trigger", "ALTER EVENT TRIGGER guard DISABLE;", []planner.HazardKind{sec}},
		{"comment", "COMMENT ON TABLE public.t IS 'x';", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, hz, err := opts.classify(tt.sql, addedColumns{})
			if err != nil {
				t.Fatal(err)
			}
			var got []planner.HazardKind
			for _, h := range hz {
				got = append(got, h.Kind)
				if h.Message == "" {
					t.Errorf("hazard %s without a message", h.Kind)
				}
			}
			sort.Slice(got, func(i, j int) bool { return got[i] < got[j] })
			want := append([]planner.HazardKind(nil), tt.want...)
			sort.Slice(want, func(i, j int) bool { return want[i] < want[j] })
			if strings.Join(kinds(got), ",") != strings.Join(kinds(want), ",") {
				t.Errorf("classify(%q) hazards = %v, want %v", tt.sql, got, want)
			}
		})
	}
}

func kinds(ks []planner.HazardKind) []string {
	out := make([]string, len(ks))
	for i, k := range ks {
		out[i] = string(k)
	}
	return out
}

// TestReadFilledMigration: an UPDATE that sets only a column the plan
// adds before it (the data migration a placeholder asked for) is no hand
// edit to gate; one that also sets an existing column is.
func TestReadFilledMigration(t *testing.T) {
	head := "-- renovate plan\n-- format_version: 1\n\nALTER TABLE public.orders ADD COLUMN region text;\n"
	tests := []struct {
		name, update string
		gated        bool
	}{
		{"added column", "UPDATE public.orders SET region = 'eu';", false},
		{"added column, unqualified", "UPDATE orders SET region = 'eu' WHERE id > 0;", false},
		{"existing column too", "UPDATE public.orders SET region = 'eu', qty = 0;", true},
		{"another table", "UPDATE public.users SET region = 'eu';", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := Read("plan.sql", head+tt.update+"\n")
			if err != nil {
				t.Fatal(err)
			}
			last := p.Steps[len(p.Steps)-1]
			if got := last.HasHazard(planner.HazardUnclassified) && last.HasHazard(planner.HazardDeletesData); got != tt.gated {
				t.Errorf("gated = %v, want %v: %+v", got, tt.gated, last.Hazards)
			}
		})
	}
	// Before the column is added, the same UPDATE is a hand edit.
	p, err := Read("plan.sql", "-- renovate plan\n-- format_version: 1\n\nUPDATE public.orders SET region = 'eu';\nALTER TABLE public.orders ADD COLUMN region text;\n")
	if err != nil {
		t.Fatal(err)
	}
	if !p.Steps[0].HasHazard(planner.HazardUnclassified) {
		t.Errorf("an UPDATE before the ADD COLUMN must be gated: %+v", p.Steps[0].Hazards)
	}
}

// TestGoldenPlansAreClassified: every statement of the golden plans
// (what renovate writes) is attributed to a known step: reading them back
// adds no unclassified hazard.
func TestGoldenPlansAreClassified(t *testing.T) {
	files, err := filepath.Glob("../../testdata/golden/*/plan.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden plans found: %v", err)
	}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		p, err := Read(f, string(b))
		var pe *PlaceholderError
		if errors.As(err, &pe) {
			// A plan with a fill-in placeholder (type_change_no_cast) is
			// refused until the user writes the SQL: that is its point.
			continue
		}
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range p.Steps {
			if s.HasHazard(planner.HazardUnclassified) {
				t.Errorf("%s: step %d is unclassified:\n%s", f, s.ID, s.SQL)
			}
		}
	}
}

// TestIsReplay: only a recorded run printed by renovate show is a replay.
func TestIsReplay(t *testing.T) {
	tests := []struct {
		name, text string
		want       bool
	}{
		{"show output", "-- renovate plan\n-- recorded run: 20261122T100000Z, applied on db\n-- format_version: 1\n\nCREATE TABLE t (id int);\n", true},
		{"plain plan", "-- renovate plan\n-- format_version: 1\n\nCREATE TABLE t (id int);\n", false},
		{"marker after the header", "-- renovate plan\n-- format_version: 1\n\nCREATE TABLE t (id int);\n-- recorded run: x\n", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := IsReplay(tt.text); got != tt.want {
				t.Errorf("IsReplay = %v, want %v", got, tt.want)
			}
		})
	}
}
