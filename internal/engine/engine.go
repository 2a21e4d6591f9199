package engine

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/internal/parsecache"
	"github.com/renovate-pg/renovate/normalize"
	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
	"github.com/renovate-pg/renovate/state/layout"
)

// ErrNoSchemaFiles means a directory holds no .sql files: planning against
// it would drop everything in the database.
var ErrNoSchemaFiles = errors.New("no .sql files found")

// LoadLocal reads and parses every .sql file under dir.
func LoadLocal(dir string) (*parser.Result, error) {
	l, err := LoadLocalFiles(dir)
	if err != nil {
		return nil, err
	}
	return l.Parsed, nil
}

// parseLocal parses the local files, through the parse cache
// (internal/parsecache: unchanged files are read back, not parsed again).
func parseLocal(files []layout.File) (*parser.Result, error) {
	in := make([]parser.File, len(files))
	for i, f := range files {
		in[i] = parser.File{Path: f.Path, SQL: f.SQL}
	}
	return parsecache.FromEnv().ParseFiles(in)
}

// Remote is the live database as a model.
type Remote struct {
	// Raw is the model as introspected, with the server's own spelling.
	Raw state.DatabaseSchema
	// Schema is Text parsed, the side the planner compares.
	Schema state.DatabaseSchema
	// Fingerprint identifies Schema; plans record it.
	Fingerprint string
	// Warnings name the objects of kinds renovate does not manage, one
	// line each (remote_extra.go); init and plan print them.
	Warnings []string
	// OwnersNote, when set, says that owners are not managed, for init
	// and plan to say once where no warning says it (owners.go).
	OwnersNote string
}

// remoteWarnings are the warnings of a remote loaded without a scope:
// unmanaged objects and, owners not being managed, objects owned by
// other roles than the connected one; when there are none of those, the
// note that owners are not managed (Remote.OwnersNote).
func remoteWarnings(ctx context.Context, conn *pgx.Conn) ([]string, string, error) {
	out, err := unmanagedWarnings(ctx, conn)
	if err != nil {
		return nil, "", err
	}
	owners, err := catalog.Owners(ctx, conn)
	if err != nil {
		return nil, "", err
	}
	w, err := foreignOwnersWarning(ctx, conn, owners)
	if err != nil {
		return nil, "", err
	}
	if w != "" {
		return append(out, w), "", nil
	}
	return out, ownersNote, nil
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
	res, err := parseRemote(serverFiles(*raw))
	if err != nil {
		return nil, err
	}
	r := newRemote(*raw, res.Schema)
	if r.Warnings, r.OwnersNote, err = remoteWarnings(ctx, conn); err != nil {
		return nil, err
	}
	return r, nil
}

func newRemote(raw state.DatabaseSchema, parsed state.DatabaseSchema) *Remote {
	parsed = withRemoteViewColumns(raw, parsed)
	parsed = withRemoteOwnerRevokes(parsed)
	parsed = withSubscribedTables(raw, parsed)
	// The catalog's dependencies are the database's, not its text's.
	parsed.CatalogDepends = raw.CatalogDepends
	return &Remote{Raw: raw, Schema: parsed, Fingerprint: parsed.Fingerprint()}
}

// Text is Raw printed as canonical SQL: what init writes, and what apply
// records as the schema before a run. It is printed when asked for: a
// plan does not need it.
func (r *Remote) Text() string { return parser.PinArrayCoercions(sqlgen.Dump(r.Raw)) }

// WriteFiles writes the remote's canonical files (serverFiles) to dir,
// as init writes them for the whole database.
func (r *Remote) WriteFiles(dir string) ([]string, error) {
	return layout.WriteFiles(dir, serverFiles(r.Raw), nil)
}

// serverFiles returns the canonical files of a model read from the
// catalog, whose text PostgreSQL printed, with the arrays it coerced as a
// whole pinned (parser.PinArrayCoercions) so that the files rebuild the
// trees PostgreSQL stored. Files of models parsed from the user's files
// are layout.Files: their text means what was written.
func serverFiles(raw state.DatabaseSchema) map[string]string {
	files := layout.Files(raw)
	for p, sql := range files {
		files[p] = parser.PinArrayCoercions(sql)
	}
	return files
}

// parseRemote parses the remote's canonical files. Their paths are
// prefixed so an error (a bug, or syntax newer than the parser's grammar)
// is never mistaken for one in the user's files.
//
// The files are parsed (or read from the parse cache) under their own
// paths, then their locations prefixed: a path only ever reaches a
// model through its locations, and a common prefix keeps the files'
// order, so the result is the one parsing the prefixed files gives. The
// remote thus shares cache entries with local files of the same text:
// the first plan after an edit reads the remote's model back from the
// files' previous plan. An error comes from parsing the prefixed files.
func parseRemote(files map[string]string) (*parser.Result, error) {
	in := make([]parser.File, 0, len(files))
	for p, sql := range files {
		in = append(in, parser.File{Path: p, SQL: sql})
	}
	res, err := parsecache.FromEnv().ParseFiles(in)
	if err != nil {
		for i := range in {
			in[i].Path = remoteSource + " " + in[i].Path
		}
		if _, perr := parser.ParseFiles(in); perr != nil {
			err = perr
		}
		return nil, fmt.Errorf("reading the live database's schema back: %w", err)
	}
	res.Locations.PrefixFiles(remoteSource + " ")
	for i := range res.ForeignImports {
		res.ForeignImports[i].Loc.File = remoteSource + " " + res.ForeignImports[i].Loc.File
	}
	return res, nil
}

// Local is the local side of a plan: the files and their model.
type Local struct {
	Files  []layout.File
	Parsed *parser.Result
}

// LoadLocalFiles reads and parses every .sql file under dir.
func LoadLocalFiles(dir string) (*Local, error) {
	files, err := layout.Load(dir)
	if err != nil {
		return nil, err
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s: %w (run renovate init, or put your schema's .sql files there)", dir, ErrNoSchemaFiles)
	}
	res, err := parseLocal(files)
	if err != nil {
		return nil, err
	}
	return &Local{Files: files, Parsed: res}, nil
}

// LoadRemoteFor loads the live database for a plan against local. In the
// steady state after init, fetch or apply, the local files are
// byte-identical to what renovate writes for the database; then the two
// models are equal by construction and the remote is not parsed again.
func LoadRemoteFor(ctx context.Context, conn *pgx.Conn, local *Local) (*Remote, error) {
	raw, err := catalog.Introspect(ctx, conn)
	if err != nil {
		return nil, err
	}
	warnings, note, err := remoteWarnings(ctx, conn)
	if err != nil {
		return nil, err
	}
	raw.ShareEqual(local.Parsed.Schema)
	remoteFiles := serverFiles(*raw)
	if sameFiles(local.Files, remoteFiles) {
		r := newRemote(*raw, local.Parsed.Schema)
		r.Warnings, r.OwnersNote = warnings, note
		return r, nil
	}
	res, err := parseRemote(remoteFiles)
	if err != nil {
		return nil, err
	}
	res.Schema.ShareEqual(local.Parsed.Schema)
	r := newRemote(*raw, res.Schema)
	r.Warnings, r.OwnersNote = warnings, note
	return r, nil
}

// sameFiles reports whether the local files are exactly the canonical
// files of the remote.
func sameFiles(local []layout.File, remote map[string]string) bool {
	if len(local) != len(remote) {
		return false
	}
	for _, f := range local {
		if r, ok := remote[f.Path]; !ok || r != f.SQL {
			return false
		}
	}
	return true
}

// Plan diffs the remote against the local model. Before diffing, local
// expressions that differ from the remote's only in spelling are printed
// by PostgreSQL itself (package normalize), so a default written
// as 'x' matches the server's 'x'::text.
//
// opts add the safe-apply options (safe.go): online DDL.
func Plan(ctx context.Context, conn *pgx.Conn, local *parser.Result, remote *Remote, opts ...PlanOption) (*planner.Plan, error) {
	// IMPORT FOREIGN SCHEMA in the files becomes the foreign tables it
	// creates on this database (foreign_import.go).
	if err := expandForeignImports(ctx, conn, local); err != nil {
		return nil, err
	}
	if err := checkForRoleBeforeObjects(ctx, conn, local); err != nil {
		return nil, err
	}
	desired := adoptImplicitPublic(local, remote.Schema)
	desired, roleErr := prepareSecurity(ctx, conn, desired)
	if roleErr != nil {
		return nil, roleErr
	}
	// The server tier of normalization. Its view pass prints desired
	// queries on the remote under the renames the plan declares.
	desired, err := normalize.Run(ctx, conn, desired, remote.Schema, planner.DeclaredRelationRenames(remote.Schema, desired))
	if err != nil {
		return nil, err
	}
	var set planSettings
	for _, o := range opts {
		o(&set)
	}
	var digests map[state.QualName]string
	if set.data != nil {
		td, dg, err := planData(ctx, conn, remote.Schema, desired, *set.data, set.dataProgress, catalog.NewCascadeGraph(remote.Raw), set.threeWay)
		if err != nil {
			return nil, err
		}
		opts = append(opts, func(s *planSettings) { s.tableData = td })
		digests = dg
	}
	p, err := diffSafe(ctx, conn, remote.Schema, desired, opts)
	if err != nil {
		return nil, err
	}
	p.RemoteFingerprint = remote.Fingerprint
	if set.data != nil && set.data.current.Dir == "" && set.data.current.Conn == nil {
		if p.RemoteFingerprint, err = planFingerprint(ctx, conn, remote.Schema, remote.Fingerprint, set.data.tables, digests); err != nil {
			return nil, err
		}
	}
	return p, nil
}

// adoptImplicitPublic handles the public schema, which exists in every
// database: when no file declares it, its properties (its comment,
// "standard public schema" on PostgreSQL 15) are not the files' business,
// so the remote's are kept.
func adoptImplicitPublic(local *parser.Result, remote state.DatabaseSchema) state.DatabaseSchema {
	desired := local.Schema
	if _, declared := local.Locations.Get(state.ObjectKey{Kind: state.KindSchema, Name: "public"}); declared {
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
			desired.Schemas[i].Privileges = implicitPublicPrivileges(local, remotePublic.Privileges, desired.Schemas[i].Privileges)
		}
	}
	return desired
}
