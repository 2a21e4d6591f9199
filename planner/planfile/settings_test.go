package planfile

import (
	"strings"
	"testing"
)

// TestRead_ConformingStrings: the header's SET standard_conforming_strings
// = on is part of the header, not a step; a plan that turns the setting off
// is refused with the line that does it.
func TestRead_ConformingStrings(t *testing.T) {
	const head = "-- renovate plan\n-- format_version: 1\n"
	p, err := Read("plan.sql", head+"SET standard_conforming_strings = on;\n\n-- step 1: x\nCOMMENT ON TABLE public.t IS E'a\\\\b';\n")
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Steps) != 1 || p.Steps[0].ID != 1 || !strings.HasPrefix(p.Steps[0].SQL, "COMMENT ON TABLE") {
		t.Fatalf("steps = %+v, want the COMMENT alone", p.Steps)
	}
	for _, off := range []string{
		"SET standard_conforming_strings = off;",
		"SET standard_conforming_strings TO 'off';",
		"SET SESSION standard_conforming_strings = false;",
		"set Standard_Conforming_Strings = 0;",
	} {
		_, err := Read("plan.sql", head+"SET standard_conforming_strings = on;\n\nCREATE TABLE public.a (x text);\n"+off+"\n")
		if err == nil || !strings.Contains(err.Error(), "plan.sql:6: ") || !strings.Contains(err.Error(), "standard_conforming_strings") {
			t.Errorf("Read accepted %q (err %v)", off, err)
		}
	}
}
