package normalize

import (
	"context"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// probeFilter is the temporary table of the row filter probes.
const probeFilter = "renovate_probe_filter"

// publications is the server tier for publications' row filters: where a
// desired entry with a WHERE clause differs from the remote entry of the
// same table, PostgreSQL prints the local filter (as a CHECK constraint
// of a temporary table with the table's columns, which pg_get_expr prints
// as it prints the stored filter) and the entry, read back by the parser,
// takes it: WHERE (kind = 'x') then matches the stored
// WHERE (kind = 'x'::text).
func publications(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	type job struct{ pub, entry int }
	var probes []catalog.Probe
	var jobs []job
	remotePubs := map[string]map[string]string{}
	for _, p := range srv.remote.Publications {
		m := map[string]string{}
		for _, e := range p.Tables {
			m[sqlgen.PublicationEntryTable(e)] = e
		}
		remotePubs[p.Name] = m
	}
	temp := state.Table{Schema: "pg_temp", Name: probeFilter}
	for i, p := range desired.Publications {
		for j, e := range p.Tables {
			table, where, ok := splitFilter(e)
			if !ok {
				continue
			}
			r, found := remotePubs[p.Name][table]
			if !found || r == e {
				continue
			}
			t, ok := tableByQuotedName(desired, table)
			if !ok {
				continue
			}
			probes = append(probes, catalog.Probe{
				Statements: []string{
					tempCreate(t, probeFilter, ""),
					sqlgen.AddConstraint(temp, state.Constraint{Name: "renovate_probe", Kind: state.ConstraintCheck, Definition: "CHECK (" + where + ")"}),
				},
				Query: "SELECT pg_get_expr(conbin, conrelid) FROM pg_constraint WHERE conrelid = 'pg_temp." + probeFilter + "'::regclass AND conname = 'renovate_probe'",
			})
			jobs = append(jobs, job{i, j})
		}
	}
	return printEach(ctx, srv, desired, probes, catalog.RunProbes, func(out *state.DatabaseSchema, k int, res catalog.ProbeResult) {
		if res.Err != nil {
			return
		}
		p := &out.Publications[jobs[k].pub]
		state.Own(p)
		e := p.Tables[jobs[k].entry]
		table, where, _ := splitFilter(e)
		t, _ := tableByQuotedName(desired, table)
		prefix := strings.TrimSuffix(e, " WHERE ("+where+")")
		if canon, ok := canonicalEntry(t, prefix+" WHERE ("+res.Text+")"); ok {
			p.Tables[jobs[k].entry] = canon
		}
	})
}

// splitFilter returns the table and row filter of a publication entry
// ("public.t (a) WHERE (a > 0)" -> "public.t", "a > 0").
func splitFilter(entry string) (table, where string, ok bool) {
	table = sqlgen.PublicationEntryTable(entry)
	i := strings.Index(entry[len(table):], " WHERE (")
	if i < 0 || !strings.HasSuffix(entry, ")") {
		return table, "", false
	}
	start := len(table) + i + len(" WHERE (")
	return table, entry[start : len(entry)-1], true
}

// tableByQuotedName finds the table a publication entry names.
func tableByQuotedName(s state.DatabaseSchema, quoted string) (state.Table, bool) {
	for _, t := range s.Tables {
		if sqlgen.QualifiedName(t.Schema, t.Name) == quoted {
			return t, true
		}
	}
	return state.Table{}, false
}

// canonicalEntry reads a publication entry back through the parser, with
// the table (standing alone) it names.
func canonicalEntry(t state.Table, entry string) (string, bool) {
	text := sqlgen.SchemaDefinition(state.Schema{Name: t.Schema}) + sqlgen.CreateTable(standaloneCopy(t), nil) +
		"CREATE PUBLICATION renovate_probe FOR TABLE ONLY " + entry + ";\n"
	res, err := parseServer("(server normalization of a publication entry of "+t.QualName().String()+")", text)
	if err != nil || len(res.Schema.Publications) != 1 || len(res.Schema.Publications[0].Tables) != 1 {
		return "", false
	}
	return res.Schema.Publications[0].Tables[0], true
}
