package engine

import (
	"context"
	"strings"
	"testing"

	"github.com/renovate-pg/renovate/internal/pgtest"
	"github.com/renovate-pg/renovate/planner"
)

// TestSecurityHazards: every change that removes or weakens access
// control carries HazardSecurity on the step that does it (so `plan
// --fail-on-hazard security` or `any` stops on it), and tightening or
// creating does not.
func TestSecurityHazards(t *testing.T) {
	t.Parallel()
	const base = `
CREATE TABLE public.docs (id int PRIMARY KEY, owner text);
ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.docs FORCE ROW LEVEL SECURITY;
CREATE POLICY own ON public.docs USING (owner = current_user);
GRANT SELECT, UPDATE ON public.docs TO rv_sec_reader;
CREATE FUNCTION public.audit() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
CREATE TRIGGER docs_audit BEFORE UPDATE ON public.docs FOR EACH ROW EXECUTE FUNCTION public.audit();
`
	const files = `
CREATE TABLE public.docs (id int PRIMARY KEY, owner text);
CREATE FUNCTION public.audit() RETURNS trigger LANGUAGE plpgsql AS $$BEGIN RETURN NEW; END$$;
`
	tests := []struct {
		name string
		to   string
		// want is a fragment of the statement that must carry the
		// hazard; "" means no step may carry one.
		want []string
	}{
		{"disable row level security", `
ALTER TABLE public.docs FORCE ROW LEVEL SECURITY;
CREATE POLICY own ON public.docs USING (owner = current_user);
GRANT SELECT, UPDATE ON public.docs TO rv_sec_reader;
CREATE TRIGGER docs_audit BEFORE UPDATE ON public.docs FOR EACH ROW EXECUTE FUNCTION public.audit();`,
			[]string{"DISABLE ROW LEVEL SECURITY"}},
		{"no force", `
ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;
CREATE POLICY own ON public.docs USING (owner = current_user);
GRANT SELECT, UPDATE ON public.docs TO rv_sec_reader;
CREATE TRIGGER docs_audit BEFORE UPDATE ON public.docs FOR EACH ROW EXECUTE FUNCTION public.audit();`,
			[]string{"NO FORCE ROW LEVEL SECURITY"}},
		{"drop policy", `
ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.docs FORCE ROW LEVEL SECURITY;
GRANT SELECT, UPDATE ON public.docs TO rv_sec_reader;
CREATE TRIGGER docs_audit BEFORE UPDATE ON public.docs FOR EACH ROW EXECUTE FUNCTION public.audit();`,
			[]string{"DROP POLICY own"}},
		{"change policy", `
ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.docs FORCE ROW LEVEL SECURITY;
CREATE POLICY own ON public.docs USING (true);
GRANT SELECT, UPDATE ON public.docs TO rv_sec_reader;
CREATE TRIGGER docs_audit BEFORE UPDATE ON public.docs FOR EACH ROW EXECUTE FUNCTION public.audit();`,
			[]string{"ALTER POLICY own"}},
		{"revoke", `
ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.docs FORCE ROW LEVEL SECURITY;
CREATE POLICY own ON public.docs USING (owner = current_user);
GRANT SELECT ON public.docs TO rv_sec_reader;
CREATE TRIGGER docs_audit BEFORE UPDATE ON public.docs FOR EACH ROW EXECUTE FUNCTION public.audit();`,
			[]string{"REVOKE UPDATE ON TABLE public.docs FROM rv_sec_reader"}},
		{"drop trigger", `
ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.docs FORCE ROW LEVEL SECURITY;
CREATE POLICY own ON public.docs USING (owner = current_user);
GRANT SELECT, UPDATE ON public.docs TO rv_sec_reader;`,
			[]string{"DROP TRIGGER docs_audit"}},
		{"disable trigger", `
ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.docs FORCE ROW LEVEL SECURITY;
CREATE POLICY own ON public.docs USING (owner = current_user);
GRANT SELECT, UPDATE ON public.docs TO rv_sec_reader;
CREATE TRIGGER docs_audit BEFORE UPDATE ON public.docs FOR EACH ROW EXECUTE FUNCTION public.audit();
ALTER TABLE public.docs DISABLE TRIGGER docs_audit;`,
			[]string{"DISABLE TRIGGER docs_audit"}},
		{"tightening is not a hazard", `
ALTER TABLE public.docs ENABLE ROW LEVEL SECURITY;
ALTER TABLE public.docs FORCE ROW LEVEL SECURITY;
CREATE POLICY own ON public.docs USING (owner = current_user);
CREATE POLICY own_insert ON public.docs AS RESTRICTIVE FOR INSERT WITH CHECK (owner = current_user);
GRANT SELECT, UPDATE ON public.docs TO rv_sec_reader;
CREATE TRIGGER docs_audit BEFORE UPDATE ON public.docs FOR EACH ROW EXECUTE FUNCTION public.audit();
CREATE TABLE public.fresh (id int);
GRANT SELECT ON public.fresh TO rv_sec_reader;
CREATE FUNCTION public.f() RETURNS int LANGUAGE sql AS 'SELECT 1';
REVOKE EXECUTE ON FUNCTION public.f() FROM PUBLIC;`,
			nil},
	}
	if err := pgtest.EnsureRoles(context.Background(), srv.AdminDSN(), []string{"rv_sec_reader"}); err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			fc := newFaultCase(t, base, "", files+tt.to)
			p := fc.plan(t)
			if p.Empty() {
				t.Fatal("the plan is empty")
			}
			got := map[string]bool{}
			for _, s := range p.Steps {
				if !s.HasHazard(planner.HazardSecurity) {
					continue
				}
				matched := false
				for _, w := range tt.want {
					if strings.Contains(s.SQL, w) {
						got[w], matched = true, true
					}
				}
				if !matched {
					t.Errorf("step %d has a security hazard it should not have:\n%s", s.ID, s.SQL)
				}
			}
			for _, w := range tt.want {
				if !got[w] {
					t.Errorf("no step %q with a security hazard; plan:\n%s", w, planSQL(p))
				}
			}
		})
	}
}
