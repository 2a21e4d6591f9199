package engine

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/internal/pgtest"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/planfile"
	"github.com/renovate-pg/renovate/state/catalog"
)

// TestNoCastTypeChange: a column type change PostgreSQL has no cast for
// (bigint to timestamp) cannot be written as USING c::timestamp, which
// fails even on an empty table. The plan holds a fill-in placeholder for
// the whole statement instead, with nothing runnable in it, and apply
// refuses it; once the user writes the statement into the saved plan, it
// applies and converges. Which changes have a cast is the server's call
// (pg_cast, binary coercion, I/O conversion to and from strings, arrays
// by their elements, domains by their base types): the pairs below that
// have one (directly, through text, or as an array) keep their plain
// ALTER ... TYPE, on an empty table and on one with rows.
func TestNoCastTypeChange(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, setup, from, to string
		rows                  bool
		noCast                bool
		// using is the user's conversion, written into the saved plan
		// in place of the placeholder.
		using string
	}{
		{name: "bigint_to_timestamp", from: "bigint", to: "timestamp", noCast: true, using: "to_timestamp(c) AT TIME ZONE 'UTC'"},
		{name: "bigint_to_timestamp_rows", from: "bigint", to: "timestamp", rows: true, noCast: true, using: "to_timestamp(c) AT TIME ZONE 'UTC'"},
		{name: "boolean_to_date", from: "boolean", to: "date", noCast: true, using: "CASE WHEN c THEN date '2000-01-01' END"},
		{name: "array_without_element_cast", from: "bigint[]", to: "timestamp[]", noCast: true,
			using: "NULL::timestamp[]"},
		{name: "domain_base_without_cast", setup: "CREATE DOMAIN public.epoch AS bigint;", from: "public.epoch", to: "timestamp", noCast: true,
			using: "to_timestamp(c) AT TIME ZONE 'UTC'"},
		{name: "to_domain_without_cast", setup: "CREATE DOMAIN public.day AS date CHECK (VALUE > '1900-01-01');", from: "boolean", to: "public.day", noCast: true,
			using: "CASE WHEN c THEN date '2000-01-01' END"},
		{name: "domain_base_with_cast", setup: "CREATE DOMAIN public.posint AS integer CHECK (VALUE > 0);", from: "public.posint", to: "bigint", rows: true},
		{name: "integer_to_boolean", from: "integer", to: "boolean"},
		{name: "timestamp_to_date", from: "timestamp", to: "date"},
		{name: "text_to_integer_io", from: "text", to: "integer"},
		{name: "integer_to_text", from: "integer", to: "text", rows: true},
		{name: "array_with_element_cast", from: "integer[]", to: "bigint[]", rows: true},
		{name: "enum_to_text", setup: "CREATE TYPE public.mood AS ENUM ('sad', 'ok');", from: "public.mood", to: "text", rows: true},
	}
	for _, tc := range cases {
		tc := tc
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			ctx := context.Background()
			from := tc.setup + "\nCREATE TABLE public.t (id integer PRIMARY KEY, c " + tc.from + ");\n"
			to := tc.setup + "\nCREATE TABLE public.t (id integer PRIMARY KEY, c " + tc.to + ");\n"
			dsnA, dsnB := srv.NewDatabase(t), srv.NewDatabase(t)
			if err := execSQL(t, dsnA, from); err != nil {
				t.Fatal(err)
			}
			if tc.rows {
				if err := execSQL(t, dsnA, "INSERT INTO public.t (id) VALUES (1)"); err != nil {
					t.Fatal(err)
				}
			}
			if err := execSQL(t, dsnB, to); err != nil {
				t.Fatal(err)
			}
			local := t.TempDir()
			if err := os.WriteFile(filepath.Join(local, "to.sql"), []byte(to), 0o644); err != nil {
				t.Fatal(err)
			}
			p, err := makePlanFor(t, dsnA, local)
			if err != nil {
				t.Fatal(err)
			}
			var placeholders []planner.Step
			for _, s := range p.Steps {
				if s.Placeholder {
					placeholders = append(placeholders, s)
				}
			}
			if !tc.noCast {
				if len(placeholders) > 0 {
					t.Fatalf("%s -> %s has a cast, but the plan asks for the conversion:\n%s", tc.from, tc.to, planSQL(p))
				}
				if _, err := planAndApply(t, dsnA, local); err != nil {
					t.Fatal(err)
				}
				compareWith(t, dsnA, dsnB)
				return
			}
			if len(placeholders) != 1 || !placeholders[0].HasHazard(planner.HazardDataMigration) {
				t.Fatalf("want one placeholder step with a data_migration hazard for %s -> %s, got:\n%s", tc.from, tc.to, planSQL(p))
			}
			// Nothing of the placeholder runs: every line is a marker.
			for _, l := range strings.Split(strings.TrimSpace(placeholders[0].SQL), "\n") {
				if !strings.HasPrefix(l, planner.PlaceholderMarker) {
					t.Errorf("placeholder line is not a marker (a statement that cannot run): %q", l)
				}
			}
			var pe *PlaceholderError
			if err := CheckPlaceholders(p); !errors.As(err, &pe) {
				t.Fatalf("apply must refuse the plan with the placeholder, got %v", err)
			}
			saved := planSQL(p)
			if _, err := planfile.Read("plan.sql", saved); err == nil {
				t.Fatal("reading the saved plan with the placeholder must fail")
			}
			// The user writes the statement in place of the marker lines.
			var filled []string
			wrote := false
			for _, l := range strings.Split(saved, "\n") {
				if strings.HasPrefix(l, planner.PlaceholderMarker) {
					if !wrote {
						filled = append(filled, "ALTER TABLE public.t ALTER COLUMN c TYPE "+tc.to+" USING "+tc.using+";")
						wrote = true
					}
					continue
				}
				filled = append(filled, l)
			}
			fp, err := planfile.Read("plan.sql", strings.Join(filled, "\n"))
			if err != nil {
				t.Fatalf("reading the filled-in plan: %v", err)
			}
			conn := mustConnect(t, dsnA)
			if _, err := catalog.Execute(ctx, conn, statementsFor(fp), catalog.ExecOptions{}); err != nil {
				t.Fatalf("applying the filled-in plan: %v\n%s", err, strings.Join(filled, "\n"))
			}
			compareWith(t, dsnA, dsnB)
			if again, err := makePlanFor(t, dsnA, local); err != nil {
				t.Fatal(err)
			} else if !again.Empty() {
				t.Fatalf("second plan is not empty:\n%s", planSQL(again))
			}
		})
	}
}

// compareWith fails unless the databases at a and b are equal under the
// pg_dump oracle.
func compareWith(t *testing.T, a, b string) {
	t.Helper()
	diff, err := pgtest.CompareSchemas(context.Background(), srv, a, b)
	if err != nil {
		t.Fatal(err)
	}
	if diff != "" {
		t.Fatalf("the database differs from the desired one (-applied +desired):\n%s", diff)
	}
}
