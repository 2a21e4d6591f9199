package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

// TestOwnersOfOtherKinds: ALTER ... OWNER TO of aggregates (by argument
// types, the ordered ones and agg(*) too), operators, operator classes
// and families, collations, statistics, text search configurations and
// dictionaries, event triggers, publications, wrappers and servers, as
// pg_dump writes them, name the model's keys; those of undefined objects
// are left out.
func TestOwnersOfOtherKinds(t *testing.T) {
	res, err := ParseString("schema.sql", `
CREATE SCHEMA app;
CREATE FUNCTION app.add2(integer, integer) RETURNS integer LANGUAGE sql IMMUTABLE AS 'SELECT $1 + $2';
CREATE AGGREGATE app.total(integer) (SFUNC = app.add2, STYPE = integer);
ALTER AGGREGATE app.total(integer) OWNER TO r;
CREATE AGGREGATE app.cnt(*) (SFUNC = int8inc, STYPE = bigint);
ALTER AGGREGATE app.cnt(*) OWNER TO r;
CREATE AGGREGATE app.pct(float8 ORDER BY float8) (SFUNC = ordered_set_transition, STYPE = internal, FINALFUNC = percentile_disc_final, FINALFUNC_EXTRA);
ALTER AGGREGATE app.pct(double precision ORDER BY double precision) OWNER TO r;
CREATE OPERATOR app.!!! (FUNCTION = int4um, RIGHTARG = integer);
ALTER OPERATOR app.!!! (NONE, integer) OWNER TO r;
CREATE OPERATOR CLASS app.h FOR TYPE integer USING hash AS OPERATOR 1 =, FUNCTION 1 hashint4(integer);
ALTER OPERATOR CLASS app.h USING hash OWNER TO r;
ALTER OPERATOR FAMILY app.h USING hash OWNER TO r;
CREATE COLLATION app.c (provider = libc, locale = 'C');
ALTER COLLATION app.c OWNER TO r;
CREATE TABLE app.t (a integer, b integer);
CREATE STATISTICS app.st ON a, b FROM app.t;
ALTER STATISTICS app.st OWNER TO r;
CREATE TEXT SEARCH DICTIONARY app.d (TEMPLATE = simple);
ALTER TEXT SEARCH DICTIONARY app.d OWNER TO r;
CREATE TEXT SEARCH CONFIGURATION app.cfg (COPY = simple);
ALTER TEXT SEARCH CONFIGURATION app.cfg OWNER TO r;
CREATE FUNCTION app.evf() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';
CREATE EVENT TRIGGER ev ON sql_drop EXECUTE FUNCTION app.evf();
ALTER EVENT TRIGGER ev OWNER TO r;
CREATE PUBLICATION pub FOR TABLE app.t;
ALTER PUBLICATION pub OWNER TO r;
CREATE FOREIGN DATA WRAPPER w;
ALTER FOREIGN DATA WRAPPER w OWNER TO r;
CREATE SERVER srv FOREIGN DATA WRAPPER w;
ALTER SERVER srv OWNER TO r;
ALTER AGGREGATE app.total(text) OWNER TO r;
ALTER COLLATION app.missing OWNER TO r;
ALTER SERVER missing OWNER TO r;
`)
	if err != nil {
		t.Fatal(err)
	}
	o := func(kind state.Kind, schema, name, sig string) state.Owner {
		return state.Owner{Object: state.ObjectKey{Kind: kind, Schema: schema, Name: name, Signature: sig}, Role: "r"}
	}
	want := []state.Owner{
		o(state.KindAggregate, "app", "total", "(integer)"),
		o(state.KindAggregate, "app", "cnt", "(*)"),
		o(state.KindAggregate, "app", "pct", "(double precision ORDER BY double precision)"),
		o(state.KindOperator, "app", "!!!", "(NONE, integer)"),
		o(state.KindOperatorClass, "app", "h", " USING hash"),
		o(state.KindOperatorFamily, "app", "h", " USING hash"),
		o(state.KindCollation, "app", "c", ""),
		o(state.KindStatisticsObject, "app", "st", ""),
		o(state.KindTSDictionary, "app", "d", ""),
		o(state.KindTSConfiguration, "app", "cfg", ""),
		o(state.KindEventTrigger, "", "ev", ""),
		o(state.KindPublication, "", "pub", ""),
		o(state.KindForeignDataWrapper, "", "w", ""),
		o(state.KindServer, "", "srv", ""),
	}
	s := state.DatabaseSchema{Owners: want}
	s.Normalize()
	if diff := cmp.Diff(s.Owners, res.Owners); diff != "" {
		t.Errorf("owners (-want +got):\n%s", diff)
	}
}
