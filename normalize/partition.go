package normalize

import (
	"context"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// standaloneCopy returns t as an ordinary table with all its columns its
// own: what a temporary copy of it can be (a temporary table cannot be a
// partition of a permanent one, nor needs its parents, storage or
// tablespace to print its expressions).
func standaloneCopy(t state.Table) state.Table {
	t.PartitionOf, t.PartitionBound, t.PartitionBy, t.Inherits = nil, "", "", nil
	t.Options, t.Tablespace, t.ReplicaIdentity = nil, "", ""
	t.Columns = append([]state.Column(nil), t.Columns...)
	for i := range t.Columns {
		t.Columns[i].Inherited = false
		t.Columns[i].Storage = ""
	}
	return t
}

// Names of the temporary tables of the partition probes.
const (
	probeParent = "renovate_probe_parent"
	probeChild  = "renovate_probe_child"
)

// normalizePartitions is the server tier for partition keys and bounds:
// where a desired table's key, or a desired partition's bound, differs in
// text from the remote's, PostgreSQL prints the local one (a temporary
// partitioned table with the same columns, and a temporary partition of
// it) and the printed text, read back by the parser, replaces it. So
// FROM ('2020-01-01') on a timestamp key matches the stored
// FROM ('2020-01-01 00:00:00'), and a key changes only when it really
// does (a changed key recreates the table).
//
// Keys are normalized first, so that a partition's bound is compared under
// its parent's normalized key (on PostgreSQL 13, EXTRACT in a key prints as
// date_part and makes bound values print quoted).
func normalizePartitions(ctx context.Context, conn *pgx.Conn, desired, remote state.DatabaseSchema) (state.DatabaseSchema, error) {
	keyed, err := normalizePartitionPass(ctx, conn, desired, remote, false)
	if err != nil {
		return desired, err
	}
	return normalizePartitionPass(ctx, conn, keyed, remote, true)
}

// normalizePartitionPass normalizes partition keys (bounds false) or
// partition bounds (bounds true).
func normalizePartitionPass(ctx context.Context, conn *pgx.Conn, desired, remote state.DatabaseSchema, bounds bool) (state.DatabaseSchema, error) {
	type job struct {
		table int
		bound bool
	}
	var probes []catalog.Probe
	var jobs []job
	for i, t := range desired.Tables {
		r, ok := remote.Table(t.QualName())
		if !ok {
			continue
		}
		if !bounds && t.PartitionBy != "" && r.PartitionBy != "" && t.PartitionBy != r.PartitionBy {
			probes = append(probes, catalog.Probe{
				Statements: []string{tempCreate(t, probeParent, t.PartitionBy)},
				Query:      "SELECT pg_get_partkeydef('pg_temp." + probeParent + "'::regclass)",
			})
			jobs = append(jobs, job{table: i})
		}
		if !bounds || t.PartitionOf == nil || r.PartitionOf == nil || *t.PartitionOf != *r.PartitionOf || t.PartitionBound == r.PartitionBound {
			continue
		}
		parent, ok := desired.Table(*t.PartitionOf)
		rparent, rok := remote.Table(*t.PartitionOf)
		if !ok || !rok || parent.PartitionBy != rparent.PartitionBy {
			continue
		}
		probes = append(probes, catalog.Probe{
			Statements: []string{
				tempCreate(parent, probeParent, parent.PartitionBy),
				"CREATE TEMP TABLE " + probeChild + " PARTITION OF pg_temp." + probeParent + " " + t.PartitionBound,
			},
			Query: "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = 'pg_temp." + probeChild + "'::regclass",
		})
		jobs = append(jobs, job{table: i, bound: true})
	}
	if len(probes) == 0 {
		return desired, nil
	}
	res, err := catalog.RunProbes(ctx, conn, localSearchPath, probes)
	if err != nil {
		return desired, err
	}
	out := desired.Clone()
	for k, j := range jobs {
		if res[k].Err != nil {
			continue
		}
		t := &out.Tables[j.table]
		if j.bound {
			parent, _ := desired.Table(*t.PartitionOf)
			if b, ok := canonicalBound(parent, t.Name, res[k].Text); ok {
				t.PartitionBound = b
			}
			continue
		}
		if key, ok := canonicalKey(*t, res[k].Text); ok {
			t.PartitionBy = key
		}
	}
	return out, nil
}

// tempCreate prints CREATE TEMP TABLE name with t's columns, partitioned
// by key.
func tempCreate(t state.Table, name, key string) string {
	tt := standaloneCopy(t)
	tt.Schema, tt.Name, tt.Unlogged, tt.Comment = "", name, false, ""
	for i := range tt.Columns {
		c := &tt.Columns[i]
		// Only the types matter to a key or bound.
		c.Default, c.Generated, c.Identity, c.IdentityOptions, c.NotNull = "", "", "", nil, false
	}
	tt.PartitionBy = key
	s := sqlgen.CreateTable(tt, nil)
	return strings.Replace(strings.TrimSuffix(s, ";\n"), "CREATE TABLE ", "CREATE TEMP TABLE ", 1)
}

// canonicalKey reads a printed partition key back through the parser, as
// the remote's is.
func canonicalKey(t state.Table, printed string) (string, bool) {
	tt := standaloneCopy(t)
	tt.PartitionBy = printed
	text := sqlgen.SchemaDefinition(state.Schema{Name: t.Schema}) + sqlgen.CreateTable(tt, nil)
	res, err := parser.ParseString("(server normalization of "+t.QualName().String()+")", text)
	if err != nil {
		return "", false
	}
	got, ok := res.Schema.Table(t.QualName())
	return got.PartitionBy, ok
}

// canonicalBound reads a printed bound of a partition called name of
// parent back through the parser.
func canonicalBound(parent state.Table, name, printed string) (string, bool) {
	p := standaloneCopy(parent)
	p.PartitionBy = parent.PartitionBy
	child := state.Table{Schema: parent.Schema, Name: name, PartitionOf: &state.QualName{Schema: parent.Schema, Name: parent.Name}, PartitionBound: printed}
	text := sqlgen.SchemaDefinition(state.Schema{Name: parent.Schema}) + sqlgen.CreateTable(p, nil) + sqlgen.CreateTable(child, nil)
	res, err := parser.ParseString("(server normalization of "+parent.QualName().String()+"."+name+")", text)
	if err != nil {
		return "", false
	}
	got, ok := res.Schema.Table(state.QualName{Schema: parent.Schema, Name: name})
	return got.PartitionBound, ok
}
