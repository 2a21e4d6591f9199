package normalize

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// probeStats prefixes the temporary tables and statistics objects of the
// statistics probes.
const probeStats = "renovate_probe_stats_"

// statistics is the server tier for statistics objects on expressions
// (PostgreSQL 14+): PostgreSQL stores each expression as a tree and prints
// it with its casts ((b || 'x'::text)), so a desired statistics object
// whose definition differs from the remote one of the same name is
// created on a temporary copy of its table (the desired columns) and
// pg_get_statisticsobjdef's printing, read back by the parser, replaces
// the local text.
func statistics(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	table := func(o state.DefObject) (state.Table, bool) {
		if len(o.Refs) == 0 {
			return state.Table{}, false
		}
		return desired.Table(state.QualName{Schema: o.Refs[0].Schema, Name: o.Refs[0].Name})
	}
	return printDefObjects(ctx, srv, desired, state.KindStatisticsObject, func(k int, o state.DefObject) (catalog.Probe, bool) {
		t, ok := table(o)
		if !ok {
			return catalog.Probe{}, false
		}
		name := fmt.Sprintf("%s%d", probeStats, k)
		stmt, ok := retargetStatistics(o.Definition, sqlgen.QualifiedName(o.Schema, o.Name), sqlgen.Qual(t.QualName()), "pg_temp."+name)
		if !ok {
			return catalog.Probe{}, false
		}
		return catalog.Probe{
			Statements: []string{tempCreate(t, name, ""), stmt},
			Query: "SELECT pg_get_statisticsobjdef(s.oid) FROM pg_statistic_ext s WHERE s.stxnamespace = pg_my_temp_schema() AND s.stxname = " +
				sqlgen.QuoteLiteral(name),
		}, true
	}, func(k int, o state.DefObject, printed string) (string, bool) {
		t, _ := table(o)
		// The probe's statistics object and table are named pg_temp.x,
		// pg_temp_N.x or x; they are put back as the object's own.
		name := regexp.QuoteMeta(fmt.Sprintf("%s%d", probeStats, k))
		temp := regexp.MustCompile(`(?:pg_temp(?:_[0-9]+)?\.)?\b` + name + `\b`)
		locs := temp.FindAllStringIndex(printed, -1)
		if len(locs) != 2 {
			return "", false
		}
		return canonicalServerStatistics(o, t, printed[:locs[0][0]]+sqlgen.QualifiedName(o.Schema, o.Name)+
			printed[locs[0][1]:locs[1][0]]+sqlgen.Qual(t.QualName())+printed[locs[1][1]:])
	})
}

// retargetStatistics returns the canonical definition def (CREATE
// STATISTICS name ... FROM table;) creating a statistics object called to
// on a table called to.
func retargetStatistics(def, name, table, to string) (string, bool) {
	head := "CREATE STATISTICS " + name + " "
	tail := " FROM " + table + ";"
	if !strings.HasPrefix(def, head) || !strings.HasSuffix(def, tail) {
		return "", false
	}
	return "CREATE STATISTICS " + to + " " + strings.TrimSuffix(strings.TrimPrefix(def, head), tail) + " FROM " + to, true
}

// canonicalServerStatistics reads a statistics object PostgreSQL printed
// back through the parser, as introspection does.
func canonicalServerStatistics(o state.DefObject, t state.Table, printed string) (string, bool) {
	text := sqlgen.SchemaDefinition(state.Schema{Name: t.Schema})
	if o.Schema != t.Schema {
		text += sqlgen.SchemaDefinition(state.Schema{Name: o.Schema})
	}
	text += sqlgen.CreateTable(standaloneCopy(t), nil) + printed + ";\n"
	res, err := parseServer("(server normalization of statistics "+o.Name+")", text)
	if err != nil {
		return "", false
	}
	for _, r := range res.Schema.Objects {
		if r.Kind == state.KindStatisticsObject && r.Schema == o.Schema && r.Name == o.Name {
			return r.Definition, true
		}
	}
	return "", false
}
