package engine

import (
	"context"
	"strings"
	"testing"
)

// TestUnmanagedWarnings checks that objects of kinds renovate does not
// manage are named, and that those of extensions are not.
func TestUnmanagedWarnings(t *testing.T) {
	dsn := srv.NewDatabase(t)
	if err := execSQL(t, dsn, `
CREATE EXTENSION citext;
CREATE TABLE t (a int, b int);
CREATE OPERATOR === (leftarg = int, rightarg = int, function = int4eq);
CREATE OPERATOR FAMILY fam USING btree;
CREATE ACCESS METHOD myam TYPE INDEX HANDLER bthandler;
CREATE CONVERSION conv FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;
CREATE TEXT SEARCH CONFIGURATION "My TS" (copy = english);
CREATE FOREIGN DATA WRAPPER fdw;
CREATE SERVER srv FOREIGN DATA WRAPPER fdw;
CREATE FOREIGN TABLE ft (a int) SERVER srv;
CREATE RULE r AS ON INSERT TO t DO NOTHING;
CREATE STATISTICS st ON a, b FROM t;
CREATE AGGREGATE agg(int) (sfunc = int4pl, stype = int);
CREATE TYPE shell;
CREATE TYPE fr AS RANGE (subtype = float8);
`); err != nil {
		t.Fatal(err)
	}
	conn, err := connect(t, dsn)
	if err != nil {
		t.Fatal(err)
	}
	r, err := LoadRemote(context.Background(), conn)
	if err != nil {
		t.Fatal(err)
	}
	got := strings.Join(r.Warnings, "\n")
	for _, want := range []string{
		"shell type public.shell",
	} {
		if !strings.Contains(got, want+" is not managed by renovate (") {
			t.Errorf("no warning for %s in:\n%s", want, got)
		}
	}
	if strings.Contains(got, "citext") || strings.Contains(got, "cast") || strings.Contains(got, "multirange") || strings.Contains(got, "public.fr") {
		t.Errorf("objects of an extension or of a range type reported:\n%s", got)
	}
	if len(r.Warnings) != 1 {
		t.Errorf("got %d warnings, want 1:\n%s", len(r.Warnings), got)
	}
	// Foreign data wrappers, servers and foreign tables are managed too.
	for _, k := range []string{"fdw", "srv", "ft"} {
		if strings.Contains(got, " "+k+" ") || strings.Contains(got, "public."+k+" ") {
			t.Errorf("warning for managed %s:\n%s", k, got)
		}
	}
	if len(r.Schema.ForeignDataWrappers) != 1 || r.Schema.ForeignDataWrappers[0].Name != "fdw" {
		t.Errorf("foreign data wrapper fdw is not in the model: %+v", r.Schema.ForeignDataWrappers)
	}
	if len(r.Schema.Servers) != 1 || r.Schema.Servers[0].Name != "srv" {
		t.Errorf("server srv is not in the model: %+v", r.Schema.Servers)
	}
	foreign := false
	for _, tb := range r.Schema.Tables {
		if tb.Name == "ft" && tb.Foreign != nil {
			foreign = true
		}
	}
	if !foreign {
		t.Errorf("foreign table public.ft is not in the model")
	}
	// Aggregates, statistics objects, text search objects, operators,
	// operator families, rules, conversions and access methods are managed:
	// in the model, not warned about.
	for _, k := range []string{"aggregate public.agg(integer)", "statistics public.st", "text_search_configuration public.My TS",
		"operator public.===(integer, integer)", "rule public.t.r", "operator_family public.fam USING btree",
		"conversion public.conv", "access_method myam"} {
		if strings.Contains(got, k) {
			t.Errorf("warning for managed %s:\n%s", k, got)
		}
		found := false
		for _, o := range r.Schema.Objects {
			if o.Key().String() == k {
				found = true
			}
		}
		if !found {
			t.Errorf("%s is not in the model: %v", k, r.Schema.Objects)
		}
	}
}
