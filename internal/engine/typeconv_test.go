package engine

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
)

// conversionSamples are values of each type, written as the type prints
// them (so a value that comes back the same is the same value), with
// the witnesses that show the lossy conversions losing something.
var conversionSamples = map[string][]string{
	"smallint":                       {"0", "7", "-32768", "32767", "300"},
	"integer":                        {"0", "7", "-2147483648", "2147483647", "16777217", "40000"},
	"bigint":                         {"0", "7", "9223372036854775807", "9007199254740993", "3000000000"},
	"numeric":                        {"0", "7", "1.5", "-2.5", "0.125", "1.005", "123456789.123456789", "100000000000000000000"},
	"numeric(10,2)":                  {"0.00", "7.00", "1.50", "-2.50", "12345678.99", "1.01"},
	"numeric(6,2)":                   {"7.00", "1234.56", "-0.01"},
	"numeric(10,4)":                  {"7.0000", "123456.1234", "0.0001", "1.0050"},
	"real":                           {"0", "7", "1.5", "0.1", "1.2345678", "3.4028235e+38", "1.6777216e+07", "-2.5"},
	"double precision":               {"0", "7", "1.5", "0.1", "0.12345678901234568", "1e+300", "-2.5", "9.007199254740992e+15"},
	"text":                           textSamples,
	"character varying":              textSamples,
	"character varying(5)":           {"abc", "", "7", "ab   ", "1.5"},
	"character varying(10)":          {"abc", "abcdefghij", "ab        ", "7", "2020-01-01"},
	"character(5)":                   {"abc", "7", "abcde", ""},
	"boolean":                        {"true", "false"},
	"date":                           {"2020-01-01", "1999-12-31"},
	"timestamp without time zone":    {"2020-01-01 10:00:00", "2020-01-01 10:00:00.123456", "2021-03-14 02:30:00", "2021-11-07 01:30:00"},
	"timestamp(0) without time zone": {"2020-01-01 10:00:00", "2021-03-14 02:30:00"},
	"timestamp with time zone":       {"2020-01-01 10:00:00-05", "2020-06-01 10:00:00.123456-04", "2021-11-07 01:30:00-04", "2021-11-07 01:30:00-05"},
	"time without time zone":         {"10:00:00", "23:59:59.999999", "00:00:00"},
	"interval":                       {"1 day", "1 mon", "01:30:00", "-00:00:01", "1 day 02:00:00"},
	"json":                           {`{"a":1}`, `{"a":1,"a":2}`, `[1, 2]`, `"x"`, "7", "true", "7            "},
	"jsonb":                          {`{"a": 1}`, `[1, 2]`, `"x"`, "7", "true", "1.5", "0.1234567890123456789"},
	"uuid":                           {"a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"},
	// User-defined types and arrays (conversionSetup creates the types).
	"public.posint":          {"1", "7"},
	"public.code5":           {"abc", "ab   "},
	"public.mood":            {"sad", "ok"},
	"integer[]":              {"{1,2}", "{7,NULL}", "{}"},
	"bigint[]":               {"{1,3000000000}", "{7}"},
	"real[]":                 {"{1.5,2}", "{7}"},
	"text[]":                 {`{abc,"ab   "}`, "{abcdef}", `{"ab     "}`},
	"character varying(3)[]": {"{abc}", "{ab}"},
}

var textSamples = []string{"", "abc", "7", "-5", "1.5", "0.1", "2147483648", "true", "sad", "abcdefghijk",
	"ab        ", "abc            ", "ab ", "2020-01-01", "2020-01-01 10:00:00", "2020-01-01 10:00:00+05",
	"10:00:00", "1 day", `{"a": 1}`, `{"a":1,"a":2}`, "a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11",
	"0.12345678901", "0.12345678901234567890", "1.005", "{1,2}"}

// conversionScalars are the built-in types every pair of which is checked.
var conversionScalars = []string{"smallint", "integer", "bigint", "numeric", "numeric(10,2)", "numeric(6,2)", "numeric(10,4)",
	"real", "double precision", "text", "character varying", "character varying(5)", "character varying(10)", "character(5)",
	"boolean", "date", "timestamp without time zone", "timestamp(0) without time zone", "timestamp with time zone",
	"time without time zone", "interval", "json", "jsonb", "uuid"}

// conversionExtraPairs are checked besides: domains, enums and arrays.
var conversionExtraPairs = [][2]string{
	{"public.posint", "integer"}, {"integer", "public.posint"}, {"public.code5", "text"}, {"text", "public.code5"},
	{"public.mood", "text"}, {"text", "public.mood"}, {"public.mood", "integer"},
	{"integer[]", "bigint[]"}, {"bigint[]", "integer[]"}, {"real[]", "integer[]"}, {"text[]", "character varying(3)[]"},
	{"integer[]", "text"}, {"text", "integer[]"}, {"character varying(3)[]", "text[]"},
}

const conversionSetup = `
CREATE DOMAIN public.posint AS integer CHECK (VALUE > 0);
CREATE DOMAIN public.code5 AS character varying(5);
CREATE TYPE public.mood AS ENUM ('sad', 'ok');
-- The value v of type typ converted back to type back, as text: by the
-- cast between them, else through text; NULL when neither works.
CREATE FUNCTION public.rv_back(v text, typ text, back text) RETURNS text LANGUAGE plpgsql AS $$
DECLARE r text;
BEGIN
	BEGIN
		EXECUTE format('SELECT (%L::%s)::%s::text', v, typ, back) INTO r;
		RETURN r;
	EXCEPTION WHEN others THEN
		NULL;
	END;
	EXECUTE format('SELECT (%L::%s)::text', v, back) INTO r;
	RETURN r;
EXCEPTION WHEN others THEN
	RETURN NULL;
END$$;
`

// conversionTypes are the user-defined types of conversionSetup as the
// planner sees them.
var conversionTypes = []state.Type{
	{Schema: "public", Name: "code5", Kind: state.TypeDomain, TypeDetails: state.TypeDetails{BaseType: "character varying(5)"}},
	{Schema: "public", Name: "mood", Kind: state.TypeEnum, Labels: []string{"sad", "ok"}},
	{Schema: "public", Name: "posint", Kind: state.TypeDomain, TypeDetails: state.TypeDetails{BaseType: "integer",
		Checks: []state.Constraint{{Name: "posint_check", Kind: state.ConstraintCheck, Definition: "CHECK (VALUE > 0)"}}}},
}

// TestTypeConversions checks the planner's classification of column type
// changes (planner/typeconv.go) against the server: for every pair of
// common types, the ALTER TABLE ... TYPE renovate plans runs on a table
// holding sample values, each value on its own where the whole table
// fails. A lossless change must convert every value and give it back
// unchanged when read as the old type; a may-fail change must do that or
// raise an error; a lossy change must change some value without an
// error. The hazards follow: deletes_data for lossy, cast_may_fail for
// may fail, neither for lossless. Timestamps are read in a zone with
// daylight-saving time, as a production server's may be.
func TestTypeConversions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, conversionSetup); err != nil {
		t.Fatal(err)
	}
	conn := mustConnect(t, dsn)
	var pairs [][2]string
	for _, a := range conversionScalars {
		for _, b := range conversionScalars {
			if a != b {
				pairs = append(pairs, [2]string{a, b})
			}
		}
	}
	pairs = append(pairs, conversionExtraPairs...)
	counts := map[planner.Conversion]int{}
	for _, pair := range pairs {
		from, to := pair[0], pair[1]
		class, stmt, err := plannedConversion(from, to)
		if err != nil {
			t.Errorf("%s -> %s: %v", from, to, err)
			continue
		}
		counts[class]++
		ev, err := convertSamples(ctx, conn, from, to, stmt, conversionSamples[from])
		if err != nil {
			t.Errorf("%s -> %s: %v", from, to, err)
			continue
		}
		switch class {
		case planner.ConversionLossless:
			if len(ev.failed) > 0 || len(ev.changed) > 0 {
				t.Errorf("%s -> %s is planned as lossless, but on the server %s", from, to, ev)
			}
		case planner.ConversionMayFail:
			if len(ev.changed) > 0 {
				t.Errorf("%s -> %s is planned as may fail, but on the server %s", from, to, ev)
			}
		case planner.ConversionLossy:
			// A bounded character type shares the rule of text (checked
			// with its witnesses), which may not fit in its length.
			bounded := strings.HasPrefix(from, "character varying(") || strings.HasPrefix(from, "character(")
			if len(ev.changed) == 0 && !bounded {
				t.Errorf("%s -> %s is planned as lossy, but no sample value changes on the server (%s): add a witness or fix the classification", from, to, ev)
			}
		}
	}
	t.Logf("%d pairs: %v", len(pairs), counts)
	for _, c := range []planner.Conversion{planner.ConversionLossless, planner.ConversionMayFail, planner.ConversionLossy} {
		if counts[c] == 0 {
			t.Errorf("no pair was classified %s", c)
		}
	}
}

// plannedConversion plans public.t.c going from type from to type to and
// returns the classification its hazards say and the ALTER statement.
func plannedConversion(from, to string) (planner.Conversion, string, error) {
	model := func(typ string) state.DatabaseSchema {
		return state.DatabaseSchema{
			Schemas: []state.Schema{{Name: "public"}},
			Types:   conversionTypes,
			Tables: []state.Table{{Schema: "public", Name: "t", Columns: []state.Column{
				{Name: "id", Type: "integer"}, {Name: "c", Type: typ}}}},
		}
	}
	p, err := planner.Diff(model(from), model(to))
	if err != nil {
		return "", "", err
	}
	var alters []planner.Step
	for _, s := range p.Steps {
		if strings.Contains(s.SQL, " TYPE ") {
			alters = append(alters, s)
		}
	}
	if len(alters) != 1 || len(p.Steps) != 1 {
		return "", "", fmt.Errorf("want one ALTER ... TYPE step, got:\n%s", planSQL(p))
	}
	s := alters[0]
	switch {
	case s.HasHazard(planner.HazardDeletesData):
		return planner.ConversionLossy, s.SQL, nil
	case s.HasHazard(planner.HazardCastMayFail):
		return planner.ConversionMayFail, s.SQL, nil
	}
	return planner.ConversionLossless, s.SQL, nil
}

// conversionEvidence is what converting the samples did.
type conversionEvidence struct {
	failed  []string // values whose conversion raised an error
	changed []string // "value -> what it read back as"
	kept    int
}

func (e conversionEvidence) String() string {
	var parts []string
	if len(e.failed) > 0 {
		parts = append(parts, fmt.Sprintf("these fail: %q", e.failed))
	}
	if len(e.changed) > 0 {
		parts = append(parts, fmt.Sprintf("these change: %s", strings.Join(e.changed, ", ")))
	}
	parts = append(parts, fmt.Sprintf("%d kept", e.kept))
	return strings.Join(parts, "; ")
}

// convertSamples runs stmt (an ALTER of public.t.c) on a table holding
// values of type from, in a transaction rolled back afterwards: first on
// all values at once, then, if that fails, one value at a time.
func convertSamples(ctx context.Context, conn *pgx.Conn, from, to, stmt string, values []string) (ev conversionEvidence, err error) {
	if len(values) == 0 {
		return ev, fmt.Errorf("no sample values of %s", from)
	}
	tx, err := conn.Begin(ctx)
	if err != nil {
		return ev, err
	}
	defer tx.Rollback(ctx) //nolint:errcheck // rolled back on purpose
	for _, q := range []string{
		"SET LOCAL TimeZone = 'America/New_York'",
		"CREATE TABLE public.t (id integer, c " + from + ")",
	} {
		if _, err := tx.Exec(ctx, q); err != nil {
			return ev, fmt.Errorf("%s: %w", q, err)
		}
	}
	if _, err := tx.Exec(ctx, "INSERT INTO public.t SELECT i, v::"+from+" FROM unnest($1::text[]) WITH ORDINALITY AS x(v, i)", values); err != nil {
		return ev, fmt.Errorf("loading the samples of %s: %w", from, err)
	}
	before := map[int]string{}
	rows, _ := tx.Query(ctx, "SELECT id, c::text FROM public.t")
	var id int
	var text *string
	if _, err := pgx.ForEachRow(rows, []any{&id, &text}, func() error {
		before[id] = deref(text)
		return nil
	}); err != nil {
		return ev, err
	}
	// check converts the rows left in the table and reads them back as
	// the old type; false when the statement failed.
	check := func() (bool, error) {
		if _, err := tx.Exec(ctx, "SAVEPOINT conv"); err != nil {
			return false, err
		}
		if _, err := tx.Exec(ctx, stmt); err != nil {
			if _, rerr := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT conv"); rerr != nil {
				return false, errors.Join(err, rerr)
			}
			return false, nil
		}
		rows, _ := tx.Query(ctx, "SELECT id, c::text, public.rv_back(c::text, $1, $2) FROM public.t ORDER BY id", to, from)
		var after, back *string
		var changed []string
		if _, err := pgx.ForEachRow(rows, []any{&id, &after, &back}, func() error {
			if deref(back) != before[id] || (back == nil) != (after == nil) {
				changed = append(changed, fmt.Sprintf("%q -> %q", before[id], deref(after)))
			} else {
				ev.kept++
			}
			return nil
		}); err != nil {
			return false, err
		}
		ev.changed = append(ev.changed, changed...)
		_, err := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT conv")
		return true, err
	}
	ok, err := check()
	if err != nil || ok {
		return ev, err
	}
	ids := make([]int, 0, len(before))
	for id := range before {
		ids = append(ids, id)
	}
	sort.Ints(ids)
	for _, id := range ids {
		if _, err := tx.Exec(ctx, "SAVEPOINT one; DELETE FROM public.t WHERE id <> "+fmt.Sprint(id)); err != nil {
			return ev, err
		}
		ok, err := check()
		if err != nil {
			return ev, err
		}
		if !ok {
			ev.failed = append(ev.failed, before[id])
		}
		if _, err := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT one"); err != nil {
			return ev, err
		}
	}
	return ev, nil
}

func deref(s *string) string {
	if s == nil {
		return "<null>"
	}
	return *s
}
