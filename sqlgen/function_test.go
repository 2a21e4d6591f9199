package sqlgen

import (
	"reflect"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

func TestDollarQuote(t *testing.T) {
	cases := map[string]string{
		"select 1":                    "$function$select 1$function$",
		"x $function$ y":              "$function_1$x $function$ y$function_1$",
		"ends with $function":         "$function_1$ends with $function$function_1$",
		"$function$ and $function_1$": "$function_2$$function$ and $function_1$$function_2$",
	}
	for body, want := range cases {
		if got := DollarQuote(body, "$function$"); got != want {
			t.Errorf("DollarQuote(%q) = %q, want %q", body, got, want)
		}
	}
}

func TestSetClause(t *testing.T) {
	cases := map[string]string{
		`search_path=public, "My S", pg_temp`: `SET search_path TO 'public', 'My S', 'pg_temp'`,
		`search_path=""`:                      `SET search_path TO ''`,
		`work_mem=64MB`:                       `SET work_mem TO '64MB'`,
		`DateStyle=iso, mdy`:                  `SET "DateStyle" TO 'iso, mdy'`,
	}
	for entry, want := range cases {
		if got := setClause(entry); got != want {
			t.Errorf("setClause(%q) = %q, want %q", entry, got, want)
		}
	}
	if got := splitGUCList(`"a""b", c ,d`); !reflect.DeepEqual(got, []string{`a"b`, "c", "d"}) {
		t.Errorf("splitGUCList: %q", got)
	}
}

func TestCreateFunctionLayout(t *testing.T) {
	f := state.Function{
		Schema: "public", Name: "f", Arguments: "a integer", IdentityArguments: "a integer", Result: "SETOF integer",
		Language: "sql", Body: "select a", Volatility: "stable", Parallel: "safe", Strict: true, Cost: 100, Rows: 10,
		Config: []string{"search_path=public"}, Comment: "it's", Privileges: state.PublicDefaults(state.KindFunction),
	}
	want := `CREATE OR REPLACE FUNCTION public.f(a integer)
 RETURNS SETOF integer
 LANGUAGE sql
 STABLE PARALLEL SAFE STRICT ROWS 10
 SET search_path TO 'public'
AS $function$select a$function$;
COMMENT ON FUNCTION public.f(a integer) IS 'it''s';
`
	if got := FunctionDefinition(f); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
	p := state.Function{Schema: "s", Name: "P", Procedure: true, Language: "plpgsql", Body: "begin end", Cost: 100}
	if got := CreateFunction(p); !strings.HasPrefix(got, `CREATE OR REPLACE PROCEDURE s."P"()`+"\n LANGUAGE plpgsql\nAS $procedure$") {
		t.Errorf("procedure: %s", got)
	}
}
