package parser

import (
	"fmt"
	"reflect"

	"github.com/renovate-pg/renovate/state"
)

// File is one schema file: its path (used in locations and to order files)
// and its SQL text.
type File struct {
	Path string
	SQL  string
}

// Result is the model the files describe.
type Result struct {
	// Schema is the database the files declare, Normalize()d. It always
	// contains the public schema.
	Schema state.DatabaseSchema
	// Locations says where each extension, schema, type, sequence, table,
	// column, constraint and index was defined. A serial column's sequence
	// is located at the column. It is never nil in a result ParseFiles or
	// the parse cache returns.
	Locations *Locations
	// Owners are the owners ALTER ... OWNER TO gives the objects of
	// Schema (owner.go), sorted by object. They are not part of Schema:
	// the engine adds them where owners are managed.
	Owners []state.Owner
	// ForeignImports are the files' IMPORT FOREIGN SCHEMA statements, in
	// file order, whose tables Schema does not hold yet: a database
	// expands them (package engine); without one, RequireNoImports
	// refuses them with their location.
	ForeignImports []ForeignImport
}

// Equal reports whether r and o are the same result: the same model,
// owners, imports and locations (which reflect.DeepEqual cannot compare:
// a result read back from the parse cache defers some of them).
func (r *Result) Equal(o *Result) bool {
	a, b := *r, *o
	a.Locations, b.Locations = nil, nil
	return reflect.DeepEqual(a, b) && r.Locations.Equal(o.Locations)
}

// ParseString parses a single file.
func ParseString(path, sql string) (*Result, error) {
	return ParseFiles([]File{{Path: path, SQL: sql}})
}

// parseFileSafely parses a file, turning a panic (a bug, never expected
// from any input) into an error for that file so other files are still
// checked.
func parseFileSafely(f File) (p *fileParser) {
	defer func() {
		if v := recover(); v != nil {
			p = &fileParser{path: f.Path}
			p.errs.add(&SemanticError{Loc: Location{File: f.Path, Line: 1, Col: 1}, Msg: fmt.Sprintf("internal error: %v", v)})
		}
	}()
	return parseFile(f)
}
