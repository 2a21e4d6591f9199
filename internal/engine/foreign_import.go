package engine

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// expandForeignImports turns the files' IMPORT FOREIGN SCHEMA statements
// (parser.ForeignImport) into the foreign tables they create on the
// database conn is connected to, added to local's model as if the files
// declared them with CREATE FOREIGN TABLE: the plan then compares and
// creates them like any other foreign table, and init and fetch write
// them so, as the database holds them. The import runs in a transaction
// that is always rolled back (catalog.ImportForeignTables), into a
// scratch schema; the tables are read back through the printer and the
// parser, as the live database's are. local is changed in place.
func expandForeignImports(ctx context.Context, conn *pgx.Conn, local *parser.Result) error {
	if len(local.ForeignImports) == 0 {
		return nil
	}
	imports := local.ForeignImports
	reqs := make([]catalog.ForeignImportRequest, len(imports))
	for i, imp := range imports {
		srv, ok := desiredServer(local.Schema, imp.Server)
		if !ok {
			return fmt.Errorf("%s: IMPORT FOREIGN SCHEMA: server %s is defined nowhere", imp.Loc, imp.Server)
		}
		reqs[i] = catalog.ForeignImportRequest{Into: imp.Into, Extensions: local.Schema.Extensions, Server: srv}
		for _, w := range local.Schema.ForeignDataWrappers {
			if w.Name == srv.Wrapper {
				w := w
				reqs[i].Wrapper = &w
			}
		}
	}
	got, err := catalog.ImportForeignTables(ctx, conn, reqs)
	if err != nil {
		return err
	}
	s := local.Schema
	s.Tables = append([]state.Table(nil), s.Tables...)
	for i, imp := range imports {
		tables, err := canonicalImported(imp, got[i])
		if err != nil {
			return err
		}
		for _, t := range tables {
			if _, clash := s.Table(t.QualName()); clash {
				at, _ := local.Locations.Get(t.Key())
				return fmt.Errorf("%s: IMPORT FOREIGN SCHEMA creates table %s, which the files already define (at %s)",
					imp.Loc, t.QualName(), at)
			}
			s.Tables = append(s.Tables, t)
			local.Locations.Set(t.Key(), imp.Loc)
		}
	}
	s.Normalize()
	local.Schema = s
	local.ForeignImports = nil
	return nil
}

// canonicalImported reads the tables an import created back through the
// printer and the parser, in the import's local schema.
func canonicalImported(imp parser.ForeignImport, tables []state.Table) ([]state.Table, error) {
	if len(tables) == 0 {
		return nil, nil
	}
	var b strings.Builder
	b.WriteString(sqlgen.SchemaDefinition(state.Schema{Name: imp.LocalSchema}))
	// The server's own definition does not matter here: a stand-in lets
	// the parser accept the tables on their own.
	b.WriteString("CREATE FOREIGN DATA WRAPPER renovate_import;\n")
	b.WriteString("CREATE SERVER " + sqlgen.QuoteIdent(imp.Server) + " FOREIGN DATA WRAPPER renovate_import;\n")
	for _, t := range tables {
		t.Schema = imp.LocalSchema
		b.WriteString(sqlgen.TableDefinition(t, nil))
	}
	res, err := parser.ParseString(fmt.Sprintf("(IMPORT FOREIGN SCHEMA at %s)", imp.Loc), parser.PinArrayCoercions(b.String()))
	if err != nil {
		return nil, fmt.Errorf("%s: reading back the tables IMPORT FOREIGN SCHEMA created: %w", imp.Loc, err)
	}
	var out []state.Table
	for _, t := range tables {
		got, ok := res.Schema.Table(state.QualName{Schema: imp.LocalSchema, Name: t.Name})
		if !ok {
			return nil, fmt.Errorf("%s: reading back table %s.%s that IMPORT FOREIGN SCHEMA created: not found", imp.Loc, imp.LocalSchema, t.Name)
		}
		out = append(out, got)
	}
	return out, nil
}

func desiredServer(s state.DatabaseSchema, name string) (state.ForeignServer, bool) {
	for _, srv := range s.Servers {
		if srv.Name == name {
			return srv, true
		}
	}
	return state.ForeignServer{}, false
}
