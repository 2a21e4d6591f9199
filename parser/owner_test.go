package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

// TestOwners: ALTER ... OWNER TO (and CREATE SCHEMA ... AUTHORIZATION)
// are recorded beside the model, for every kind whose owner the model
// can record, the last statement winning; owners of objects the files do
// not define, of a serial column's sequence, and special roles are left
// out; the model itself never holds owners.
func TestOwners(t *testing.T) {
	res, err := ParseString("schema.sql", `
CREATE SCHEMA app AUTHORIZATION app_owner;
CREATE TYPE app.mood AS ENUM ('ok');
ALTER TYPE app.mood OWNER TO app_owner;
CREATE DOMAIN app.pos AS integer CHECK (VALUE > 0);
ALTER DOMAIN app.pos OWNER TO app_owner;
CREATE SEQUENCE app.s;
ALTER SEQUENCE app.s OWNER TO app_owner;
CREATE TABLE app.t (id serial, m app.mood);
ALTER TABLE app.t OWNER TO first;
ALTER TABLE app.t OWNER TO app_owner;
ALTER TABLE app.t_id_seq OWNER TO app_owner;
CREATE VIEW app.v AS SELECT id FROM app.t;
ALTER VIEW app.v OWNER TO app_owner;
CREATE MATERIALIZED VIEW app.mv AS SELECT id FROM app.t;
ALTER MATERIALIZED VIEW app.mv OWNER TO app_owner;
CREATE FUNCTION app.f(a integer) RETURNS integer LANGUAGE sql AS 'SELECT a';
ALTER FUNCTION app.f(integer) OWNER TO app_owner;
CREATE PROCEDURE app.p() LANGUAGE sql AS 'SELECT 1';
ALTER PROCEDURE app.p() OWNER TO app_owner;
ALTER TABLE app.missing OWNER TO app_owner;
ALTER SCHEMA public OWNER TO CURRENT_USER;
`)
	if err != nil {
		t.Fatal(err)
	}
	o := func(kind state.Kind, schema, name, sig string) state.Owner {
		return state.Owner{Object: state.ObjectKey{Kind: kind, Schema: schema, Name: name, Signature: sig}, Role: "app_owner"}
	}
	want := []state.Owner{
		o(state.KindFunction, "app", "f", "(a integer)"),
		o(state.KindMaterializedView, "app", "mv", ""),
		o(state.KindProcedure, "app", "p", "()"),
		o(state.KindSchema, "", "app", ""),
		o(state.KindSequence, "app", "s", ""),
		o(state.KindTable, "app", "t", ""),
		o(state.KindType, "app", "mood", ""),
		o(state.KindType, "app", "pos", ""),
		o(state.KindView, "app", "v", ""),
	}
	s := state.DatabaseSchema{Owners: want}
	s.Normalize()
	if diff := cmp.Diff(s.Owners, res.Owners); diff != "" {
		t.Errorf("owners (-want +got):\n%s", diff)
	}
	if len(res.Schema.Owners) != 0 {
		t.Errorf("the model holds owners: %v", res.Schema.Owners)
	}
}
