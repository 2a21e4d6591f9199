package normalize

import (
	"context"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// standaloneCopy returns t as an ordinary table with all its columns its
// own: what a temporary copy of it can be (a temporary table cannot be a
// partition of a permanent one, nor needs its parents, storage or
// tablespace to print its expressions).
func standaloneCopy(t state.Table) state.Table {
	t.PartitionOf, t.PartitionBound, t.PartitionBy, t.Inherits, t.OfType = nil, "", "", nil, nil
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

// partitionKeys and partitionBounds are the server tier for partition
// keys and bounds: where a desired table's key, or a desired partition's
// bound, differs in text from the remote's, PostgreSQL prints the local
// one (a temporary partitioned table with the same columns, and a
// temporary partition of it) and the printed text, read back by the
// parser, replaces it. So FROM ('2020-01-01') on a timestamp key matches
// the stored FROM ('2020-01-01 00:00:00'), and a key changes only when it
// really does (a changed key recreates the table).
func partitionKeys(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	var probes []catalog.Probe
	var idx []int
	for i, t := range desired.Tables {
		r, ok := srv.remote.Table(t.QualName())
		if !ok || t.PartitionBy == "" || r.PartitionBy == "" || t.PartitionBy == r.PartitionBy {
			continue
		}
		probes = append(probes, catalog.Probe{
			Statements: []string{tempCreate(t, probeParent, t.PartitionBy)},
			Query:      "SELECT pg_get_partkeydef('pg_temp." + probeParent + "'::regclass)",
		})
		idx = append(idx, i)
	}
	return printEach(ctx, srv, desired, probes, catalog.RunProbes, func(out *state.DatabaseSchema, k int, res catalog.ProbeResult) {
		if res.Err != nil {
			return
		}
		t := &out.Tables[idx[k]]
		if key, ok := canonicalKey(*t, res.Text); ok {
			state.Own(t)
			t.PartitionBy = key
		}
	})
}

// partitionBounds is the bound half of partitionKeys, run after it.
func partitionBounds(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	var probes []catalog.Probe
	var idx []int
	for i, t := range desired.Tables {
		r, ok := srv.remote.Table(t.QualName())
		if !ok || t.PartitionOf == nil || r.PartitionOf == nil || *t.PartitionOf != *r.PartitionOf || t.PartitionBound == r.PartitionBound {
			continue
		}
		parent, ok := desired.Table(*t.PartitionOf)
		rparent, rok := srv.remote.Table(*t.PartitionOf)
		if !ok || !rok || parent.PartitionBy != rparent.PartitionBy {
			continue
		}
		child := state.Table{Name: probeChild, PartitionOf: &state.QualName{Schema: "pg_temp", Name: probeParent}, PartitionBound: t.PartitionBound}
		probes = append(probes, catalog.Probe{
			Statements: []string{tempCreate(parent, probeParent, parent.PartitionBy), sqlgen.CreateTempTable(child, nil)},
			Query:      "SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE oid = 'pg_temp." + probeChild + "'::regclass",
		})
		idx = append(idx, i)
	}
	return printEach(ctx, srv, desired, probes, catalog.RunProbes, func(out *state.DatabaseSchema, k int, res catalog.ProbeResult) {
		if res.Err != nil {
			return
		}
		t := &out.Tables[idx[k]]
		parent, _ := desired.Table(*t.PartitionOf)
		if b, ok := canonicalBound(parent, t.Name, res.Text); ok {
			state.Own(t)
			t.PartitionBound = b
		}
	})
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
	return sqlgen.CreateTempTable(tt, nil)
}

// canonicalKey reads a printed partition key back through the parser, as
// the remote's is.
func canonicalKey(t state.Table, printed string) (string, bool) {
	tt := standaloneCopy(t)
	tt.PartitionBy = printed
	text := sqlgen.SchemaDefinition(state.Schema{Name: t.Schema}) + sqlgen.CreateTable(tt, nil)
	res, err := parseServer("(server normalization of "+t.QualName().String()+")", text)
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
	res, err := parseServer("(server normalization of "+parent.QualName().String()+"."+name+")", text)
	if err != nil {
		return "", false
	}
	got, ok := res.Schema.Table(state.QualName{Schema: parent.Schema, Name: name})
	return got.PartitionBound, ok
}
