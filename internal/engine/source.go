package engine

import (
	"context"
	"errors"
	"sort"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state/layout"
)

// Source is one side of a diff: a directory of SQL files or a live
// database (exactly one of Dir and Conn is set). Local, when set, is Dir
// already loaded with LoadLocalScoped (so bad files are reported before
// any connection is made).
type Source struct {
	Dir   string
	Conn  *pgx.Conn
	Local *Local
}

// load returns the directory source's files.
func (s Source) load(sc Scope) (*Local, error) {
	if s.Local != nil {
		return s.Local, nil
	}
	return LoadLocalScoped(s.Dir, sc)
}

// ErrNoDatabase means neither side of a diff is a live database: planning
// needs one to print expressions the way PostgreSQL does (DESIGN.md §3).
var ErrNoDatabase = errors.New("at least one side must be a live database (a connection string or env:NAME): planning asks PostgreSQL to print expressions")

// DiffSources plans what would make to like from, for objects in sc's
// scope, through the same path as renovate plan: from plays the local
// files' part and to the live database's, and engine.Plan diffs them. A
// directory is read with sc's variables; a live database is read as init
// would dump it. Expressions are printed by to's server when it is live,
// else by from's. The plan's RemoteFingerprint is to's.
//
// The rows of sc's data tables are diffed too: a directory's data files
// against a database's rows, or two databases' rows.
func DiffSources(ctx context.Context, from, to Source, sc Scope) (*planner.Plan, error) {
	conn := to.Conn
	if conn == nil {
		conn = from.Conn
	}
	if conn == nil {
		return nil, ErrNoDatabase
	}
	var local *Local
	if from.Conn != nil {
		r, err := LoadRemoteScoped(ctx, from.Conn, nil, sc)
		if err != nil {
			return nil, err
		}
		if local, err = localFromRemote(r, sc); err != nil {
			return nil, err
		}
	} else {
		var err error
		if local, err = from.load(sc); err != nil {
			return nil, err
		}
	}
	var remote *Remote
	if to.Conn != nil {
		var err error
		if remote, err = LoadRemoteScoped(ctx, to.Conn, local, sc); err != nil {
			return nil, err
		}
	} else {
		l, err := to.load(sc)
		if err != nil {
			return nil, err
		}
		// The current side read from files has no database of its own
		// to expand an IMPORT FOREIGN SCHEMA on.
		if err := l.Parsed.RequireNoImports(); err != nil {
			return nil, err
		}
		remote = &Remote{Schema: l.Parsed.Schema, Fingerprint: l.Parsed.Schema.Fingerprint()}
	}
	desired, current := DataSide{Dir: from.Dir, Conn: from.Conn}, DataSide{Dir: to.Dir, Conn: to.Conn}
	return Plan(ctx, conn, local.Parsed, remote, withDataSides(sc.DataTables(), desired, current))
}

// localFromRemote turns a live database into a local side: its canonical
// files, parsed as if they were the user's.
func localFromRemote(r *Remote, sc Scope) (*Local, error) {
	files := serverFiles(sc.Filter.Apply(r.Raw))
	list := make([]layout.File, 0, len(files))
	for p, sql := range files {
		list = append(list, layout.File{Path: p, SQL: sql})
	}
	sortFiles(list)
	res, err := parseLocal(list)
	if err != nil {
		return nil, err
	}
	res.Schema = sc.Filter.Apply(res.Schema)
	return &Local{Files: list, Parsed: res}, nil
}

func sortFiles(files []layout.File) {
	sort.Slice(files, func(i, j int) bool { return files[i].Path < files[j].Path })
}
