package planfile

import (
	"errors"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/planner"
)

func TestRead(t *testing.T) {
	text := `-- renovate plan
-- format_version: 1
-- renovate_version: v1.2.3
-- remote_fingerprint: abc
-- git_commit: 123

ALTER TABLE public.users ADD COLUMN age integer;

-- hazard deletes_data: Dropping table public.old deletes all of its rows.
DROP TABLE public.old;

-- a hand-added statement without hazard comments
ALTER TABLE public.users DROP COLUMN legacy;
`
	p, err := Read("plan.sql", text)
	if err != nil {
		t.Fatal(err)
	}
	if p.RemoteFingerprint != "abc" || p.GitCommit != "123" || p.RenovateVersion != "v1.2.3" {
		t.Errorf("header = %q %q %q", p.RemoteFingerprint, p.GitCommit, p.RenovateVersion)
	}
	if len(p.Steps) != 3 {
		t.Fatalf("got %d steps, want 3: %+v", len(p.Steps), p.Steps)
	}
	if p.Steps[0].HasHazard(planner.HazardDeletesData) {
		t.Errorf("step 1 should have no hazard")
	}
	if !p.Steps[1].HasHazard(planner.HazardDeletesData) || len(p.Steps[1].Hazards) != 1 {
		t.Errorf("step 2 hazards = %+v", p.Steps[1].Hazards)
	}
	if !p.Steps[2].HasHazard(planner.HazardDeletesData) {
		t.Errorf("hand-added DROP COLUMN must be classified as deleting data: %+v", p.Steps[2])
	}
}

// TestReadAtomicBody: a function with a SQL-standard body is one
// statement, though its body holds semicolons.
func TestReadAtomicBody(t *testing.T) {
	text := `-- renovate plan
-- format_version: 1
-- remote_fingerprint: abc

-- step 1: create function public.f(integer)
CREATE FUNCTION public.f(a integer) RETURNS integer
    LANGUAGE sql
    BEGIN ATOMIC
 SELECT a + 1;
 SELECT a + 2;
END;

-- step 2: create table public.t
CREATE TABLE public.t (id integer);
`
	p, err := Read("plan.sql", text)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Steps) != 2 || !strings.HasPrefix(p.Steps[0].SQL, "CREATE FUNCTION") || !strings.Contains(p.Steps[0].SQL, "SELECT a + 2;\nEND;") {
		t.Fatalf("steps: %+v", p.Steps)
	}
	for _, s := range p.Steps {
		if len(s.Hazards) != 0 {
			t.Errorf("step %d has hazards %+v", s.ID, s.Hazards)
		}
	}
}

func TestReadErrors(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"not a plan", "DROP TABLE x;", "not a renovate plan"},
		{"future version", "-- renovate plan\n-- format_version: 9\n", "format version"},
		{"transaction control", "-- renovate plan\n-- format_version: 1\n\nROLLBACK;\nSELECT 1;\n", "plan.sql:4: transaction control"},
		{"misplaced begin", "-- renovate plan\n-- format_version: 1\n\nSELECT 1;\nBEGIN;\n", "plan.sql:5: BEGIN is allowed once"},
		{"syntax error", "-- renovate plan\n-- format_version: 1\n\nALTER TABLE;\n", "plan.sql:4:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Read("plan.sql", tt.text)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
		})
	}
}

func TestRead_ConcurrentAndPlaceholders(t *testing.T) {
	head := "-- renovate plan\n-- format_version: 1\n\n"
	p, err := Read("p.sql", head+"CREATE INDEX CONCURRENTLY t_a_idx ON app.t (a);\n\nDROP INDEX CONCURRENTLY app.t_b_idx;\n\nALTER TABLE app.t ADD COLUMN c int;\n")
	if err != nil {
		t.Fatal(err)
	}
	if p.Steps[0].Transactional || p.Steps[1].Transactional || !p.Steps[2].Transactional {
		t.Errorf("concurrent statements must run outside the transaction: %+v", p.Steps)
	}
	if k := p.Steps[0].Object; k.Schema != "app" || k.Name != "t_a_idx" || k.Table != "t" {
		t.Errorf("index key of the concurrent build: %+v", k)
	}
	_, err = Read("p.sql", head+"ALTER TABLE app.t ADD COLUMN c int;\n\n-- renovate: fill in: give c a value\n-- renovate: fill in:   UPDATE app.t SET c = ... ;\nALTER TABLE app.t ALTER COLUMN c SET NOT NULL;\n")
	var pe *PlaceholderError
	if !errors.As(err, &pe) || pe.Lines[0] != 6 || len(pe.Lines) != 2 || !strings.Contains(err.Error(), "p.sql:6:") {
		t.Fatalf("want a PlaceholderError at line 6, got %v", err)
	}
}
