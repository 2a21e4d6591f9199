package normalize

import (
	"context"
	"fmt"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// probeMatviewIndex prefixes the temporary tables of the materialized
// view index probes.
const probeMatviewIndex = "renovate_probe_mvidx_"

// matviewIndexes is the server tier for the indexes of materialized views,
// as the table expressions pass is for tables' indexes: an index whose
// definition differs from the remote index of the same name is built on a
// temporary table with the materialized view's columns (LIKE the remote
// one), and pg_get_indexdef's printing, read back by the parser, replaces
// the local text (WHERE a IN (1, 2) reads back as
// WHERE (a = ANY (ARRAY[1, 2]))).
func matviewIndexes(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	type ref struct{ view, index int }
	var probes []catalog.Probe
	var refs []ref
	for i, v := range desired.Views {
		if !v.Materialized || len(v.Indexes) == 0 {
			continue
		}
		rv, ok := srv.remote.View(v.QualName())
		if !ok || !rv.Materialized {
			continue
		}
		remote := map[string]string{}
		for _, ix := range rv.Indexes {
			remote[ix.Name] = ix.Definition
		}
		for j, ix := range v.Indexes {
			if def, ok := remote[ix.Name]; !ok || def == ix.Definition {
				continue
			}
			temp := fmt.Sprintf("%s%d", probeMatviewIndex, len(probes))
			def, ok := sqlgen.IndexDefinitionOn(ix, v.QualName(), state.QualName{Schema: "pg_temp", Name: temp})
			if !ok {
				continue
			}
			probes = append(probes, catalog.Probe{
				Statements: []string{"CREATE TEMP TABLE " + sqlgen.QuoteIdent(temp) + " (LIKE " + sqlgen.Qual(v.QualName()) + ")", def},
				Query: "SELECT pg_get_indexdef(c.oid) FROM pg_class c WHERE c.relnamespace = pg_my_temp_schema() AND c.relname = " +
					sqlgen.QuoteLiteral(ix.Name),
			})
			refs = append(refs, ref{i, j})
		}
	}
	return printEach(ctx, srv, desired, probes, catalog.RunProbes, func(out *state.DatabaseSchema, k int, res catalog.ProbeResult) {
		if res.Err != nil {
			return
		}
		v := &out.Views[refs[k].view]
		state.Own(v)
		ix := &v.Indexes[refs[k].index]
		def, ok := requalifyIndex(res.Text, state.Table{Schema: v.Schema, Name: v.Name})
		if !ok {
			return
		}
		if canon, ok := canonicalServerMatviewIndex(*v, ix.Name, def); ok {
			ix.Definition = canon
		}
	})
}

// canonicalServerMatviewIndex reads an index PostgreSQL printed for the
// materialized view v back through the parser.
func canonicalServerMatviewIndex(v state.View, name, def string) (string, bool) {
	stub := state.View{Schema: v.Schema, Name: v.Name, Materialized: true, Definition: "SELECT 1"}
	text := sqlgen.SchemaDefinition(state.Schema{Name: v.Schema}) + sqlgen.CreateView(stub) + def + ";\n"
	res, err := parseServer("(server normalization of an index of "+v.QualName().String()+")", text)
	if err != nil {
		return "", false
	}
	for _, got := range res.Schema.Views {
		if got.QualName() != v.QualName() {
			continue
		}
		for _, ix := range got.Indexes {
			if ix.Name == name {
				return ix.Definition, true
			}
		}
	}
	return "", false
}
