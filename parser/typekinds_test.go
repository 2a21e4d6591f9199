package parser

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

func parseOK(t *testing.T, sql string) state.DatabaseSchema {
	t.Helper()
	res, err := ParseString("t.sql", sql)
	if err != nil {
		t.Fatal(err)
	}
	return res.Schema
}

func findType(t *testing.T, s state.DatabaseSchema, name string) state.Type {
	t.Helper()
	for _, ty := range s.Types {
		if ty.Schema+"."+ty.Name == name {
			return ty
		}
	}
	t.Fatalf("type %s not found", name)
	return state.Type{}
}

func TestDomainParsing(t *testing.T) {
	s := parseOK(t, `
CREATE DOMAIN d AS int DEFAULT 1 NOT NULL CHECK (VALUE > 0) CONSTRAINT named CHECK ((VALUE < 10)) CHECK (VALUE <> 5);
ALTER DOMAIN d ADD CHECK (VALUE <> 7) NOT VALID;
CREATE TABLE d_check1 (a int CONSTRAINT d_check2 CHECK (a > 0));
COMMENT ON DOMAIN d IS 'dom';
COMMENT ON CONSTRAINT named ON DOMAIN public.d IS 'cc';
`)
	d := findType(t, s, "public.d")
	d.Privileges = nil // the privileges' own business
	b, _ := json.Marshal(d)
	want := `{"schema":"public","name":"d","kind":"domain","base_type":"integer","default":"1","not_null":true,"checks":[{"name":"d_check","kind":"check","definition":"CHECK (value \u003e 0)"},{"name":"d_check1","kind":"check","definition":"CHECK (value \u003c\u003e 5)"},{"name":"d_check3","kind":"check","definition":"CHECK (value \u003c\u003e 7)","not_valid":true},{"name":"named","kind":"check","definition":"CHECK (value \u003c 10)","comment":"cc"}],"comment":"dom"}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
}

func TestCompositeRangeCollationParsing(t *testing.T) {
	s := parseOK(t, `
CREATE COLLATION mycoll (provider = icu, locale = 'en-u-kn-true', deterministic = false);
CREATE COLLATION posix FROM "POSIX";
CREATE COLLATION copy FROM mycoll;
CREATE COLLATION lc (lc_collate = 'C', lc_ctype = 'POSIX');
CREATE TYPE c AS (a int, b text COLLATE mycoll, "X" varchar(3)[] COLLATE "C");
COMMENT ON COLUMN c.a IS 'attr';
CREATE TYPE floatrange AS RANGE (subtype = float8, subtype_diff = float8mi, subtype_opclass = float8_ops);
CREATE TYPE r2 AS RANGE (subtype = text, collation = posix, multirange_type_name = mr2);
CREATE TABLE t (a text COLLATE mycoll, b text COLLATE "C");
CREATE INDEX ON t (a COLLATE posix);
COMMENT ON COLLATION mycoll IS 'numbers';
`)
	b, _ := json.MarshalIndent(struct {
		C []state.Collation
		T []state.Type
		X []state.Table
	}{s.Collations, s.Types, s.Tables}, "", " ")
	got := string(b)
	for _, w := range []string{
		`"collation": "public.mycoll"`, `"collation": "\"C\""`, `"multirange_name": "public.floatmultirange"`,
		`"multirange_name": "public.mr2"`, `"collation": "public.posix"`, `"subtype_diff": "float8mi"`,
		`"comment": "attr"`, `"comment": "numbers"`, `"lc_collate": "C"`, `COLLATE public.posix`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %s in\n%s", w, got)
		}
	}
	if strings.Contains(got, "float8_ops") {
		t.Errorf("default opclass kept:\n%s", got)
	}
}

func TestRenameAnnotations(t *testing.T) {
	s := parseOK(t, `
-- renovate:renamed-from old_schema
CREATE SCHEMA app;
-- renovate:renamed-from "Old"
CREATE TABLE app.t (
    -- renovate:renamed-from old_id
    id int PRIMARY KEY,
    -- renovate:renamed-from old_check
    CONSTRAINT c CHECK (id > 0)
);
-- renovate:renamed-from old_idx
CREATE INDEX i ON app.t (id);
-- renovate:renamed-from mood
CREATE TYPE app.feeling AS ENUM (
    'happy',
    -- renovate:renamed-from 'meh'
    'ok'
);
`)
	b, _ := json.Marshal(s)
	got := string(b)
	for _, w := range []string{
		`"name":"app","renamed_from":"old_schema"`, `"renamed_from":"Old"`, `"name":"id","type":"integer","not_null":true,"renamed_from":"old_id"`,
		`"renamed_from":"old_check"`, `"renamed_from":"old_idx"`, `"renamed_from":"mood","renamed_labels":{"ok":"meh"}`,
	} {
		if !strings.Contains(got, w) {
			t.Errorf("missing %s in\n%s", w, got)
		}
	}
	_, err := ParseString("t.sql", "CREATE TABLE t (a int);\n-- renovate:renamed-from x\nALTER TABLE t ADD COLUMN b int;\n")
	if err == nil || !strings.Contains(err.Error(), "must come directly before") {
		t.Errorf("misplaced annotation: got %v", err)
	}
}
