package parser

import (
	"errors"
	"strings"
	"testing"
)

// TestForeignImport: IMPORT FOREIGN SCHEMA is kept for the engine to
// expand on a database (the model holds none of its tables yet), printed
// into another schema on demand, and refused with its place offline; a
// server or schema it names must be declared.
func TestForeignImport(t *testing.T) {
	ok := `CREATE EXTENSION postgres_fdw;
CREATE SCHEMA mirror;
CREATE SERVER s FOREIGN DATA WRAPPER postgres_fdw;
IMPORT FOREIGN SCHEMA remote LIMIT TO (a, "B") FROM SERVER s INTO mirror OPTIONS (import_default 'true');
`
	res, err := ParseFiles([]File{{Path: "f.sql", SQL: ok}})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.ForeignImports) != 1 || len(res.Schema.Tables) != 0 {
		t.Fatalf("got %d imports and %d tables, want 1 and 0", len(res.ForeignImports), len(res.Schema.Tables))
	}
	imp := res.ForeignImports[0]
	if imp.Server != "s" || imp.RemoteSchema != "remote" || imp.LocalSchema != "mirror" || imp.Loc.String() != "f.sql:4:1" {
		t.Fatalf("got %+v", imp)
	}
	into, err := imp.Into("scratch_1")
	if err != nil {
		t.Fatal(err)
	}
	if want := `IMPORT FOREIGN SCHEMA remote LIMIT TO (a, "B") FROM SERVER s INTO scratch_1 OPTIONS (import_default 'true')`; into != want {
		t.Fatalf("Into: got %q, want %q", into, want)
	}
	var unexpanded *UnexpandedImportError
	if err := res.RequireNoImports(); !errors.As(err, &unexpanded) || !strings.HasPrefix(err.Error(), "f.sql:4:1: IMPORT FOREIGN SCHEMA remote FROM SERVER s needs a database") {
		t.Fatalf("RequireNoImports: %v", err)
	}

	for _, tc := range []struct{ sql, want string }{
		{"CREATE SCHEMA mirror;\nIMPORT FOREIGN SCHEMA remote FROM SERVER nosuch INTO mirror;\n", "g.sql:2:1: IMPORT FOREIGN SCHEMA: server nosuch is defined nowhere"},
		{"CREATE EXTENSION postgres_fdw;\nCREATE SERVER s FOREIGN DATA WRAPPER postgres_fdw;\nIMPORT FOREIGN SCHEMA remote FROM SERVER s INTO nosuch;\n", "g.sql:3:1: IMPORT FOREIGN SCHEMA: schema nosuch is defined nowhere"},
	} {
		_, err := ParseFiles([]File{{Path: "g.sql", SQL: tc.sql}})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("got %v, want %q", err, tc.want)
		}
	}
}
