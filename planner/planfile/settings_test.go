package planfile

import (
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/planner"
)

// TestRead_ConformingStrings: the header's SET standard_conforming_strings
// = on is part of the header, not a step; a plan that turns the setting off
// is refused with the line that does it.
func TestRead_ConformingStrings(t *testing.T) {
	const head = "-- renovate plan\n-- format_version: 1\n"
	p, err := Read("plan.sql", head+"SET standard_conforming_strings = on;\n\n-- step 1: x\nCOMMENT ON TABLE public.t IS E'a\\\\b';\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Steps) != 1 || p.Steps[0].ID != 1 || !strings.HasPrefix(p.Steps[0].SQL, "COMMENT ON TABLE") {
		t.Fatalf("steps = %+v, want the COMMENT alone", p.Steps)
	}
	for _, off := range []string{
		"SET standard_conforming_strings = off;",
		"SET standard_conforming_strings TO 'off';",
		"SET SESSION standard_conforming_strings = false;",
		"set Standard_Conforming_Strings = 0;",
	} {
		_, err := Read("plan.sql", head+"SET standard_conforming_strings = on;\n\nCREATE TABLE public.a (x text);\n"+off+"\n")
		if err == nil || !strings.Contains(err.Error(), "plan.sql:6: ") || !strings.Contains(err.Error(), "standard_conforming_strings") {
			t.Errorf("Read accepted %q (err %v)", off, err)
		}
	}
}

// TestRead_SessionHeader: a plan as render.SQL writes it (session
// settings, BEGIN, the transaction's steps, COMMIT, the steps outside it)
// reads back with each step where psql would run it; a SET that is not
// the header's, a misplaced BEGIN or COMMIT, or a no-transaction step
// inside the block is no header.
func TestRead_SessionHeader(t *testing.T) {
	const head = "-- renovate plan\n-- format_version: 1\nSET standard_conforming_strings = on;\nSET check_function_bodies = false;\nSET client_encoding = 'UTF8';\n"
	p, err := Read("plan.sql", head+`
BEGIN;

-- step 1: create function public.f()
CREATE FUNCTION public.f() RETURNS integer LANGUAGE sql AS 'SELECT count(*)::integer FROM public.t';

-- step 2: create table public.t
CREATE TABLE public.t (id integer);

COMMIT;

-- step 3: create index public.t.t_id_idx
-- renovate:no-transaction
CREATE INDEX CONCURRENTLY t_id_idx ON public.t (id);

-- step 4: a hand-added statement after COMMIT, unmarked
COMMENT ON TABLE public.t IS 'x';
`)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Steps) != 4 {
		t.Fatalf("got %d steps, want 4: %+v", len(p.Steps), p.Steps)
	}
	for i, want := range []bool{true, true, false, false} {
		if p.Steps[i].Transactional != want {
			t.Errorf("step %d transactional = %v, want %v", i+1, p.Steps[i].Transactional, want)
		}
	}
	if !p.Steps[3].HasHazard(planner.HazardNotTransactional) {
		t.Errorf("a step after COMMIT must say it runs outside the transaction: %+v", p.Steps[3].Hazards)
	}
	for _, s := range p.Steps {
		if strings.HasPrefix(s.SQL, "SET ") || strings.HasPrefix(s.SQL, "BEGIN") || strings.HasPrefix(s.SQL, "COMMIT") {
			t.Errorf("header statement read as a step: %q", s.SQL)
		}
	}

	// Other SETs in the header are steps, classified as such.
	for _, set := range []string{"SET check_function_bodies = on;", "SET session_replication_role = replica;", "SET LOCAL check_function_bodies = false;"} {
		p, err := Read("plan.sql", head+set+"\nCREATE TABLE public.a (x text);\n")
		if err != nil {
			t.Fatalf("%s: %v", set, err)
		}
		if len(p.Steps) != 2 || p.Steps[0].SQL != set+"\n" {
			t.Errorf("%s: steps = %+v, want it read as a step", set, p.Steps)
		}
	}
	p, err = Read("plan.sql", head+"SET session_replication_role = replica;\n")
	if err != nil || len(p.Steps) != 1 || !p.Steps[0].HasHazard(planner.HazardUnclassified) {
		t.Errorf("SET session_replication_role in the header must be an unclassified step: %+v, %v", p, err)
	}
	// The header's settings after the first step are steps.
	p, err = Read("plan.sql", head+"CREATE TABLE public.a (x text);\nSET check_function_bodies = false;\n")
	if err != nil || len(p.Steps) != 2 {
		t.Errorf("a SET after the first step must be a step: %+v, %v", p, err)
	}

	for name, body := range map[string]string{
		"client_encoding":       "SET client_encoding = 'LATIN1';\nCREATE TABLE public.a (x text);\n",
		"begin after a step":    "CREATE TABLE public.a (x text);\nBEGIN;\nCREATE TABLE public.b (x text);\nCOMMIT;\n",
		"two begins":            "BEGIN;\nBEGIN;\nCREATE TABLE public.b (x text);\nCOMMIT;\n",
		"commit without begin":  "CREATE TABLE public.b (x text);\nCOMMIT;\n",
		"begin without commit":  "BEGIN;\nCREATE TABLE public.b (x text);\n",
		"concurrently in block": "BEGIN;\nCREATE INDEX CONCURRENTLY i ON public.t (id);\nCOMMIT;\n",
		"marked in block":       "BEGIN;\n-- renovate:no-transaction\nCOMMENT ON TABLE public.t IS 'x';\nCOMMIT;\n",
		"rollback":              "BEGIN;\nCREATE TABLE public.b (x text);\nROLLBACK;\n",
		"commit and chain":      "BEGIN;\nCREATE TABLE public.b (x text);\nCOMMIT AND CHAIN;\nCOMMIT;\n",
	} {
		if _, err := Read("plan.sql", head+body); err == nil {
			t.Errorf("%s: Read accepted\n%s", name, body)
		}
	}
}
