package engine

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/planner/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// ErrNoSchemaFiles means a directory holds no .sql files: planning against
// it would drop everything in the database.
var ErrNoSchemaFiles = errors.New("no .sql files found")

// LoadLocal reads and parses every .sql file under dir.
func LoadLocal(dir string) (*parser.Result, error) {
	files, err := layout.Load(dir)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: %w (run renovate init, or put your schema's .sql files there)", dir, ErrNoSchemaFiles)
	}
	in := make([]parser.File, len(files))
	for i, f := range files {
		in[i] = parser.File{Path: f.Path, SQL: f.SQL}
	}
	res, err := parser.ParseFiles(in)
	if err != nil {
		return nil, err
	}
	return res, nil
}

// Remote is the live database as a model.
type Remote struct {
	// Raw is the model as introspected, with the server's own spelling.
	Raw state.DatabaseSchema
	// Text is Raw printed as canonical SQL: what init writes, and what
	// apply records as the schema before a run.
	Text string
	// Schema is Text parsed, the side the planner compares.
	Schema state.DatabaseSchema
	// Fingerprint identifies Schema; plans record it.
	Fingerprint string
}

// remoteSource names the remote side in parse errors.
const remoteSource = "(live database)"

// LoadRemote introspects the database and parses it into the same
// canonical model as the local files.
func LoadRemote(ctx context.Context, conn *pgx.Conn) (*Remote, error) {
	raw, err := catalog.Introspect(ctx, conn)
	if err != nil {
		return nil, err
	}
	text := sqlgen.Dump(*raw)
	res, err := parser.ParseString(remoteSource, text)
	if err != nil {
		return nil, fmt.Errorf("reading the live database's schema back: %w", err)
	}
	return &Remote{Raw: *raw, Text: text, Schema: res.Schema, Fingerprint: res.Schema.Fingerprint()}, nil
}

// Plan diffs the remote against the local model. Before diffing, local
// expressions that differ from the remote's only in spelling are printed
// by PostgreSQL itself (see catalog.NormalizeLocal), so a default written
// as 'x' matches the server's 'x'::text.
func Plan(ctx context.Context, conn *pgx.Conn, local *parser.Result, remote *Remote) (*planner.Plan, error) {
	desired := adoptImplicitPublic(local, remote.Schema)
	desired, err := normalizeLocal(ctx, conn, desired, remote.Schema)
	if err != nil {
		return nil, err
	}
	p, err := planner.Diff(remote.Schema, desired)
	if err != nil {
		return nil, err
	}
	p.RemoteFingerprint = remote.Fingerprint
	return p, nil
}

// adoptImplicitPublic handles the public schema, which exists in every
// database: when no file declares it, its properties (its comment,
// "standard public schema" on PostgreSQL 15) are not the files' business,
// so the remote's are kept.
func adoptImplicitPublic(local *parser.Result, remote state.DatabaseSchema) state.DatabaseSchema {
	desired := local.Schema
	if _, declared := local.Locations[state.ObjectKey{Kind: state.KindSchema, Name: "public"}]; declared {
		return desired
	}
	var remotePublic *state.Schema
	for i := range remote.Schemas {
		if remote.Schemas[i].Name == "public" {
			remotePublic = &remote.Schemas[i]
		}
	}
	if remotePublic == nil {
		return desired
	}
	desired.Schemas = append([]state.Schema(nil), desired.Schemas...)
	for i := range desired.Schemas {
		if desired.Schemas[i].Name == "public" {
			desired.Schemas[i].Comment = remotePublic.Comment
		}
	}
	return desired
}
