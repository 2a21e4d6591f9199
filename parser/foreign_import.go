package parser

import (
	"fmt"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	"google.golang.org/protobuf/proto"
)

// IMPORT FOREIGN SCHEMA: the foreign tables it creates depend on the
// remote server, so the files cannot say offline what they are. The
// parser keeps each statement (ForeignImport) and leaves the tables out
// of the model; the engine expands them on a database (a transaction
// that is always rolled back runs the import into a scratch schema and
// reads the tables back), and refuses a model with unexpanded imports
// where no database is at hand.

// ForeignImport is one IMPORT FOREIGN SCHEMA of the files.
type ForeignImport struct {
	// Loc is where the statement is.
	Loc Location
	// Server, RemoteSchema and LocalSchema are its FROM SERVER, its
	// remote schema and its INTO schema.
	Server, RemoteSchema, LocalSchema string
	stmt                              *pg_query.ImportForeignSchemaStmt
}

// Into prints the statement importing into schema instead of
// LocalSchema (the scratch schema of the expansion).
func (f ForeignImport) Into(schema string) (string, error) {
	s := proto.Clone(f.stmt).(*pg_query.ImportForeignSchemaStmt)
	s.LocalSchema = schema
	out, err := deparseStmt(&pg_query.Node{Node: &pg_query.Node_ImportForeignSchemaStmt{ImportForeignSchemaStmt: s}})
	if err != nil {
		return "", fmt.Errorf("%s: printing IMPORT FOREIGN SCHEMA: %w", f.Loc, err)
	}
	return out, nil
}

// UnexpandedImportError is a model read from files with IMPORT FOREIGN
// SCHEMA where no database is at hand to expand it.
type UnexpandedImportError struct {
	Import ForeignImport
}

func (e *UnexpandedImportError) Error() string {
	return fmt.Sprintf("%s: IMPORT FOREIGN SCHEMA %s FROM SERVER %s needs a database: its foreign tables come from the remote server, "+
		"so renovate expands it only when it plans against a database (write the tables as CREATE FOREIGN TABLE to compare offline)",
		e.Import.Loc, e.Import.RemoteSchema, e.Import.Server)
}

// RequireNoImports returns an *UnexpandedImportError for the first
// IMPORT FOREIGN SCHEMA of r, for callers that have no database.
func (r *Result) RequireNoImports() error {
	if len(r.ForeignImports) == 0 {
		return nil
	}
	return &UnexpandedImportError{Import: r.ForeignImports[0]}
}

// importDef is a parsed IMPORT FOREIGN SCHEMA.
type importDef struct {
	imp ForeignImport
}

func (p *fileParser) importForeignSchema(s *pg_query.ImportForeignSchemaStmt, loc Location) {
	local := s.LocalSchema
	if local == "" {
		p.errs.semantic(loc, "IMPORT FOREIGN SCHEMA: missing INTO schema")
		return
	}
	if _, ok := p.genericOptions(s.Options, loc, "IMPORT FOREIGN SCHEMA"); !ok {
		return
	}
	p.add(&importDef{imp: ForeignImport{Loc: loc, Server: s.ServerName, RemoteSchema: s.RemoteSchema, LocalSchema: local, stmt: s}})
}

// foreignImports checks what each IMPORT FOREIGN SCHEMA names (its
// server and local schema are the files') and lists them in file order.
func (r *resolver) foreignImports(items []any) []ForeignImport {
	var out []ForeignImport
	for _, it := range items {
		d, ok := it.(*importDef)
		if !ok {
			continue
		}
		if _, ok := r.foreign.servers[d.imp.Server]; !ok {
			r.errs.semantic(d.imp.Loc, "IMPORT FOREIGN SCHEMA: server %s is defined nowhere", d.imp.Server)
			continue
		}
		if _, ok := r.schemas[d.imp.LocalSchema]; !ok {
			r.errs.semantic(d.imp.Loc, "IMPORT FOREIGN SCHEMA: schema %s is defined nowhere", d.imp.LocalSchema)
			continue
		}
		out = append(out, d.imp)
	}
	return out
}
