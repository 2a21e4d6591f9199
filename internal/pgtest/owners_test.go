package pgtest

import "testing"

func TestWithoutOwners(t *testing.T) {
	dump := "ALTER TABLE public.t OWNER TO app;\n" +
		"ALTER FUNCTION public.f(a integer) OWNER TO app;\n" +
		"CREATE TABLE public.t (\n    a integer\n);\n" +
		"GRANT SELECT ON TABLE public.t TO reader;\n" +
		"TABLE public.u OWNER app ACL reader=r/app,app=arwdDxt/app COMMENT NULL;\n" +
		"COLUMN public.u.a integer ACL reader=r/app COMMENT NULL;\n"
	want := "COLUMN public.u.a integer ACL reader=r/<grantor> COMMENT NULL;\n" +
		"CREATE TABLE public.t (\n    a integer\n);\n" +
		"GRANT SELECT ON TABLE public.t TO reader;\n" +
		"TABLE public.u OWNER <owner> ACL <owner>=arwdDxt/<grantor>,reader=r/<grantor> COMMENT NULL;\n"
	if got := WithoutOwners(dump); got != want {
		t.Errorf("WithoutOwners:\n%s\nwant:\n%s", got, want)
	}
}
