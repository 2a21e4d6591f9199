package pgtest

import "testing"

func TestWithoutOwners(t *testing.T) {
	dump := "ALTER TABLE public.t OWNER TO app;\n" +
		"ALTER FUNCTION public.f(a integer) OWNER TO app;\n" +
		"CREATE TABLE public.t (\n    a integer\n);\n" +
		"GRANT SELECT ON TABLE public.t TO reader;\n" +
		"TABLE public.u OWNER app ACL app=arwdDxt/app,reader=r/app COMMENT NULL;\n"
	want := "CREATE TABLE public.t (\n    a integer\n);\n" +
		"GRANT SELECT ON TABLE public.t TO reader;\n" +
		"TABLE public.u OWNER <owner> ACL <owner>=arwdDxt/<owner>,reader=r/<owner> COMMENT NULL;\n"
	if got := WithoutOwners(dump); got != want {
		t.Errorf("WithoutOwners:\n%s\nwant:\n%s", got, want)
	}
}
