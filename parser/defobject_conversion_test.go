package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

// TestConversionAndAccessMethodSpellings: what users write and what init
// writes for the same conversion or access method parse to one model.
func TestConversionAndAccessMethodSpellings(t *testing.T) {
	const fn = "CREATE FUNCTION h(internal) RETURNS index_am_handler LANGUAGE internal AS 'brinhandler';\n"
	for _, c := range []struct{ name, written, printed string }{
		{"conversion with aliases", "CREATE DEFAULT CONVERSION c FOR 'utf-8' TO 'Windows-1250' FROM pg_catalog.utf8_to_win; COMMENT ON CONVERSION c IS 'x';",
			"CREATE DEFAULT CONVERSION public.c FOR 'UTF8' TO 'WIN1250' FROM utf8_to_win;\nCOMMENT ON CONVERSION public.c IS 'x';"},
		{"conversion iso names", "CREATE CONVERSION s.c FOR 'Unicode' TO 'ISO-8859-1' FROM utf8_to_iso8859_1; CREATE SCHEMA s;",
			"CREATE SCHEMA s; CREATE CONVERSION s.c FOR 'UTF8' TO 'LATIN1' FROM utf8_to_iso8859_1;"},
		{"access method", fn + "CREATE ACCESS METHOD \"My AM\" TYPE INDEX HANDLER h; COMMENT ON ACCESS METHOD \"My AM\" IS 'm';",
			fn + "CREATE ACCESS METHOD \"My AM\" TYPE INDEX HANDLER public.h;\nCOMMENT ON ACCESS METHOD \"My AM\" IS 'm';"},
	} {
		t.Run(c.name, func(t *testing.T) {
			w, p := parseObjects(t, c.written), parseObjects(t, c.printed)
			if len(w) == 0 {
				t.Fatal("no objects parsed")
			}
			if diff := cmp.Diff(w, p); diff != "" {
				t.Errorf("written and printed differ (-written +printed):\n%s", diff)
			}
		})
	}
}

// TestAccessMethodRefs: a class, a family and a table on a hand-made
// access method refer to it; a built-in method is no reference.
func TestAccessMethodRefs(t *testing.T) {
	res, err := ParseFiles([]File{{Path: "x.sql", SQL: `CREATE ACCESS METHOD tam TYPE TABLE HANDLER heap_tableam_handler;
CREATE ACCESS METHOD iam TYPE INDEX HANDLER brinhandler;
CREATE OPERATOR FAMILY f USING iam;
CREATE OPERATOR FAMILY g USING btree;
CREATE TABLE t (a int) USING tam;
CREATE TABLE h (a int) USING heap;
`}})
	if err != nil {
		t.Fatal(err)
	}
	amKey := state.ObjectKey{Kind: state.KindAccessMethod, Name: "iam"}
	for _, o := range res.Schema.Objects {
		switch {
		case o.Kind == state.KindOperatorFamily && o.Name == "f":
			if len(o.Refs) != 1 || o.Refs[0] != amKey {
				t.Errorf("family f refs = %v, want [%v]", o.Refs, amKey)
			}
		case o.Kind == state.KindOperatorFamily && o.Name == "g":
			if len(o.Refs) != 0 {
				t.Errorf("family g refs = %v, want none", o.Refs)
			}
		}
	}
	got := map[string]string{}
	for _, tb := range res.Schema.Tables {
		got[tb.Name] = tb.AccessMethod
	}
	if want := map[string]string{"t": "tam", "h": ""}; !cmp.Equal(got, want) {
		t.Errorf("table access methods = %v, want %v", got, want)
	}
}

// TestConversionAndAccessMethodErrors: mistakes are named with their file
// and line.
func TestConversionAndAccessMethodErrors(t *testing.T) {
	for _, c := range []struct{ name, sql, want string }{
		{"unknown encoding", "CREATE TABLE t (a int);\nCREATE CONVERSION c FOR 'UTF8' TO 'klingon' FROM utf8_to_win;",
			`x.sql:2:1: conversion public.c: destination encoding: "klingon" is not a valid encoding name`},
		{"built-in access method", "\n\nCREATE ACCESS METHOD btree TYPE INDEX HANDLER bthandler;",
			`x.sql:3:1: access method btree: access method "btree" already exists (it is built in)`},
		{"duplicate conversion", "CREATE CONVERSION c FOR 'UTF8' TO 'WIN1250' FROM utf8_to_win;\nCREATE CONVERSION c FOR 'UTF8' TO 'WIN1251' FROM utf8_to_win;",
			"x.sql:2:1"},
		{"comment on a missing access method", "COMMENT ON ACCESS METHOD nope IS 'x';", "x.sql:1:1"},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := ParseFiles([]File{{Path: "x.sql", SQL: c.sql}})
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q lacks %q", err, c.want)
			}
		})
	}
}

// TestDefaultTableAccessMethod: pg_dump gives a table its access method
// with SET default_table_access_method before CREATE TABLE; the setting
// lasts until the next SET or RESET in the file, and foreign tables have
// none.
func TestDefaultTableAccessMethod(t *testing.T) {
	res, err := ParseFiles([]File{{Path: "x.sql", SQL: `CREATE ACCESS METHOD tam TYPE TABLE HANDLER heap_tableam_handler;
CREATE FOREIGN DATA WRAPPER w;
CREATE SERVER s FOREIGN DATA WRAPPER w;
SET default_table_access_method = tam;
CREATE TABLE a (x int);
CREATE TABLE b (x int) USING heap;
CREATE FOREIGN TABLE f (x int) SERVER s;
SET default_table_access_method = heap;
CREATE TABLE c (x int);
SET default_table_access_method = tam;
RESET default_table_access_method;
CREATE TABLE d (x int);
`}, {Path: "y.sql", SQL: "CREATE TABLE e (x int);\n"}})
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]string{}
	for _, tb := range res.Schema.Tables {
		got[tb.Name] = tb.AccessMethod
	}
	want := map[string]string{"a": "tam", "b": "", "f": "", "c": "", "d": "", "e": ""}
	if !cmp.Equal(got, want) {
		t.Errorf("access methods = %v, want %v", got, want)
	}
}
