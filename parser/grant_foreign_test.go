package parser

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/renovate-pg/renovate/state"
)

// TestGrantForeign checks GRANT and REVOKE USAGE on foreign-data wrappers
// and servers.
func TestGrantForeign(t *testing.T) {
	res, err := ParseFiles([]File{{Path: "foreign_data.sql", SQL: `CREATE FOREIGN DATA WRAPPER w;
CREATE SERVER s FOREIGN DATA WRAPPER w;
GRANT USAGE ON FOREIGN DATA WRAPPER w TO app WITH GRANT OPTION;
GRANT ALL ON FOREIGN SERVER s TO app, reader;
REVOKE USAGE ON FOREIGN SERVER s FROM reader;
`}})
	if err != nil {
		t.Fatal(err)
	}
	w, s := res.Schema.ForeignDataWrappers[0], res.Schema.Servers[0]
	if diff := cmp.Diff([]state.Privilege{{Grantee: "app", Privilege: "USAGE", Grantable: true}}, w.Privileges); diff != "" {
		t.Errorf("wrapper privileges (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]state.Privilege{{Grantee: "app", Privilege: "USAGE"}}, s.Privileges); diff != "" {
		t.Errorf("server privileges (-want +got):\n%s", diff)
	}
	if _, err := ParseFiles([]File{{Path: "x.sql", SQL: "GRANT USAGE ON FOREIGN SERVER nowhere TO app;"}}); err == nil {
		t.Error("a grant on a server defined nowhere was accepted")
	}
	if _, err := ParseFiles([]File{{Path: "x.sql", SQL: "CREATE FOREIGN DATA WRAPPER w; CREATE SERVER s FOREIGN DATA WRAPPER w; GRANT SELECT ON FOREIGN SERVER s TO app;"}}); err == nil {
		t.Error("SELECT on a server was accepted")
	}
}
