package parser

import (
	"reflect"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

// parseOne parses sql and returns its single function.
func parseOneFunction(t *testing.T, sql string) state.Function {
	t.Helper()
	res, err := ParseString("f.sql", sql)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	if len(res.Schema.Functions) != 1 {
		t.Fatalf("got %d functions, want 1", len(res.Schema.Functions))
	}
	return res.Schema.Functions[0]
}

// TestFunctionSignatures checks the argument and result texts against
// what pg_get_function_identity_arguments, pg_get_function_arguments and
// pg_get_function_result print on PostgreSQL 15 (recorded from a server).
func TestFunctionSignatures(t *testing.T) {
	cases := []struct {
		sql                        string
		identity, arguments, reslt string
	}{
		{
			`CREATE FUNCTION f(a int, c numeric(10,2), d char(3), e bit(3), b varchar(10) DEFAULT 'x', VARIADIC v int[] = '{}') RETURNS varchar(10) LANGUAGE sql AS 'select null'`,
			"a integer, c numeric, d character, e bit, b character varying, VARIADIC v integer[]",
			"a integer, c numeric, d character, e bit, b character varying DEFAULT 'x', VARIADIC v integer[] DEFAULT '{}'",
			"character varying",
		},
		{
			`CREATE FUNCTION f(in a int, out b text, inout c int) LANGUAGE sql AS 'select null, 1'`,
			"a integer, OUT b text, INOUT c integer", "a integer, OUT b text, INOUT c integer", "record",
		},
		{
			`CREATE FUNCTION f(a int) RETURNS TABLE(x int, "Y" text) LANGUAGE sql AS 'select 1, null'`,
			"a integer", "a integer", `TABLE(x integer, "Y" text)`,
		},
		{
			`CREATE TABLE t (a int); CREATE FUNCTION f(int, text) RETURNS SETOF t LANGUAGE sql AS 'select * from t'`,
			"integer, text", "integer, text", "SETOF public.t",
		},
		{
			`CREATE FUNCTION f(OUT a int) LANGUAGE sql AS 'select 1'`,
			"OUT a integer", "OUT a integer", "integer",
		},
		{
			`CREATE PROCEDURE p(a int, OUT b int, INOUT c int) LANGUAGE plpgsql AS 'begin end'`,
			"IN a integer, OUT b integer, INOUT c integer", "IN a integer, OUT b integer, INOUT c integer", "",
		},
		{
			`CREATE FUNCTION f(a timestamp(3), b double precision, c "varchar") RETURNS int LANGUAGE sql RETURN 1`,
			"a timestamp without time zone, b double precision, c character varying",
			"a timestamp without time zone, b double precision, c character varying", "integer",
		},
		{
			`CREATE TABLE t (c varchar(20)); CREATE FUNCTION f(x t.c%TYPE) RETURNS int LANGUAGE sql RETURN 1`,
			"x character varying", "x character varying", "integer",
		},
	}
	for _, c := range cases {
		res, err := ParseString("f.sql", c.sql)
		if err != nil {
			t.Errorf("%s: %v", c.sql, err)
			continue
		}
		f := res.Schema.Functions[0]
		if f.IdentityArguments != c.identity || f.Arguments != c.arguments || f.Result != c.reslt {
			t.Errorf("%s:\n got identity %q arguments %q result %q\nwant identity %q arguments %q result %q",
				c.sql, f.IdentityArguments, f.Arguments, f.Result, c.identity, c.arguments, c.reslt)
		}
	}
}

// TestFunctionDefaultsFilled checks that attributes left out get
// PostgreSQL's defaults, so a spelled-out function compares equal.
func TestFunctionDefaultsFilled(t *testing.T) {
	a := parseOneFunction(t, `CREATE FUNCTION f() RETURNS SETOF int LANGUAGE SQL AS 'select 1'`)
	b := parseOneFunction(t, `CREATE OR REPLACE FUNCTION public.f() RETURNS SETOF integer LANGUAGE sql VOLATILE
		CALLED ON NULL INPUT SECURITY INVOKER NOT LEAKPROOF PARALLEL UNSAFE COST 100 ROWS 1000 AS $x$select 1$x$`)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("defaults differ:\n%+v\n%+v", a, b)
	}
	if a.Volatility != "volatile" || a.Parallel != "unsafe" || a.Cost != 100 || a.Rows != 1000 || a.Language != "sql" {
		t.Errorf("defaults not filled: %+v", a)
	}
	c := parseOneFunction(t, `CREATE FUNCTION f(int) RETURNS int LANGUAGE internal AS 'int4inc'`)
	if c.Cost != 1 || c.Rows != 0 {
		t.Errorf("internal function: cost %v rows %v, want 1 and 0", c.Cost, c.Rows)
	}
}

// TestFunctionConfig checks SET clauses are stored as proconfig stores
// them, whichever way they are written.
func TestFunctionConfig(t *testing.T) {
	user := parseOneFunction(t, `CREATE FUNCTION f() RETURNS int LANGUAGE sql
		SET search_path = public, "My S", pg_temp SET work_mem = '64MB' SET DateStyle = iso, mdy SET statement_timeout = 5000
		AS 'select 1'`)
	printed := parseOneFunction(t, `CREATE OR REPLACE FUNCTION public.f()
 RETURNS integer
 LANGUAGE sql
 SET search_path TO 'public', 'My S', 'pg_temp'
 SET work_mem TO '64MB'
 SET "DateStyle" TO 'iso, mdy'
 SET statement_timeout TO '5000'
AS $function$select 1$function$`)
	want := []string{"DateStyle=iso, mdy", `search_path=public, "My S", pg_temp`, "statement_timeout=5000", "work_mem=64MB"}
	if !reflect.DeepEqual(user.Config, want) || !reflect.DeepEqual(printed.Config, want) {
		t.Errorf("config:\n user    %q\n printed %q\n want    %q", user.Config, printed.Config, want)
	}
}

// TestFunctionBodyExact checks a string body is kept byte for byte.
func TestFunctionBodyExact(t *testing.T) {
	body := "\n  -- comment with $$ and 'quotes'\n  BEGIN RETURN 1; END;\n\t"
	f := parseOneFunction(t, "CREATE FUNCTION f() RETURNS int LANGUAGE plpgsql AS $x$"+body+"$x$")
	if f.Body != body {
		t.Errorf("body %q, want %q", f.Body, body)
	}
}

// TestTriggerDefinitions checks that a trigger as written and as
// pg_get_triggerdef prints it (recorded from PostgreSQL 15) come out the
// same.
func TestTriggerDefinitions(t *testing.T) {
	const prefix = `CREATE TABLE emp (a int, b int, s text); CREATE TABLE x (id int); CREATE VIEW v AS SELECT 1 AS a; `
	cases := []struct{ user, printed string }{
		{
			`CREATE TRIGGER t BEFORE UPDATE OR INSERT ON emp FOR EACH ROW EXECUTE PROCEDURE tf()`,
			`CREATE TRIGGER t BEFORE INSERT OR UPDATE ON public.emp FOR EACH ROW EXECUTE FUNCTION public.tf()`,
		},
		{
			`CREATE CONSTRAINT TRIGGER c AFTER UPDATE OF b, a ON emp FROM x DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.a > 0 AND OLD.* IS DISTINCT FROM NEW.*) EXECUTE FUNCTION tf('a', 'b c', 1, 2.5, ident, 'it''s')`,
			`CREATE CONSTRAINT TRIGGER c AFTER UPDATE OF b, a ON public.emp FROM public.x DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (((new.a > 0) AND (old.* IS DISTINCT FROM new.*))) EXECUTE FUNCTION public.tf('a', 'b c', '1', '2.5', 'ident', 'it''s')`,
		},
		{
			`CREATE CONSTRAINT TRIGGER c2 AFTER INSERT ON emp FOR EACH ROW EXECUTE FUNCTION tf()`,
			`CREATE CONSTRAINT TRIGGER c2 AFTER INSERT ON public.emp NOT DEFERRABLE INITIALLY IMMEDIATE FOR EACH ROW EXECUTE FUNCTION public.tf()`,
		},
		{
			`CREATE TRIGGER tt AFTER UPDATE ON emp REFERENCING NEW TABLE newt OLD TABLE AS oldt FOR EACH STATEMENT EXECUTE FUNCTION tf()`,
			`CREATE TRIGGER tt AFTER UPDATE ON public.emp REFERENCING OLD TABLE AS oldt NEW TABLE AS newt FOR EACH STATEMENT EXECUTE FUNCTION public.tf()`,
		},
		{
			`CREATE TRIGGER "T r" AFTER TRUNCATE OR DELETE OR INSERT ON emp EXECUTE FUNCTION tf()`,
			`CREATE TRIGGER "T r" AFTER INSERT OR DELETE OR TRUNCATE ON public.emp FOR EACH STATEMENT EXECUTE FUNCTION public.tf()`,
		},
		{
			`CREATE TRIGGER ti INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION tf()`,
			`CREATE TRIGGER ti INSTEAD OF INSERT ON public.v FOR EACH ROW EXECUTE FUNCTION public.tf()`,
		},
	}
	for _, c := range cases {
		defs := make([]string, 2)
		for i, sql := range []string{c.user, c.printed} {
			res, err := ParseString("t.sql", prefix+sql)
			if err != nil {
				t.Fatalf("%s: %v", sql, err)
			}
			for _, tb := range res.Schema.Tables {
				for _, tr := range tb.Triggers {
					defs[i] = tr.Definition
				}
			}
			for _, v := range res.Schema.Views {
				for _, tr := range v.Triggers {
					defs[i] = tr.Definition
				}
			}
		}
		if defs[0] == "" || defs[0] != defs[1] {
			t.Errorf("trigger definitions differ:\n user    %s\n printed %s", defs[0], defs[1])
		}
	}
}

// TestRoutineErrors checks routines the files cannot declare are reported.
func TestRoutineErrors(t *testing.T) {
	cases := map[string]string{
		`CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'a'; CREATE FUNCTION f() RETURNS bigint LANGUAGE sql AS 'b'`: "defined twice",
		`CREATE FUNCTION f() RETURNS int LANGUAGE sql SET search_path FROM CURRENT AS 'a'`:                            "FROM CURRENT",
		`CREATE FUNCTION f() RETURNS int LANGUAGE sql ROWS 5 AS 'a'`:                                                  "ROWS is not applicable",
		`CREATE TRIGGER t BEFORE INSERT ON nowhere FOR EACH ROW EXECUTE FUNCTION f()`:                                 "defined nowhere",
		`COMMENT ON FUNCTION nope(int) IS 'x'`:                                                                        "defined nowhere",
		`CREATE TABLE t (a int); ALTER TABLE t DISABLE TRIGGER nope`:                                                  "defined nowhere",
	}
	for sql, want := range cases {
		_, err := ParseString("e.sql", sql)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: got error %v, want one containing %q", sql, err, want)
		}
	}
}
