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

// probeRule prefixes the temporary tables of the rule probes.
const probeRule = "renovate_probe_rule_"

// rules is the server tier for rules: PostgreSQL stores a rule's actions
// as a tree holding the column lists and implicit casts that its
// assignments need (INSERT INTO log VALUES (new.n) reads back as
// INSERT INTO public.log (n) VALUES ((new.n)::integer) when log.n is an
// integer and t.n numeric), so a desired rule whose text differs from
// the remote rule of the same name is created on a temporary table with
// the columns of its relation (the desired table's, or the remote view's
// for a rule on a view) and pg_get_ruledef's printing, read back by the
// parser, replaces the local text. A rule that cannot be created yet
// (its actions use an object the plan creates) keeps its text.
func rules(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	return printDefObjects(ctx, srv, desired, state.KindRule, func(k int, o state.DefObject) (catalog.Probe, bool) {
		rel := state.QualName{Schema: o.Schema, Name: o.Table}
		temp := fmt.Sprintf("%s%d", probeRule, k)
		var create string
		if t, ok := desired.Table(rel); ok {
			create = tempCreate(t, temp, "")
		} else if _, ok := srv.remote.View(rel); ok {
			create = "CREATE TEMP TABLE " + sqlgen.QuoteIdent(temp) + " (LIKE " + sqlgen.Qual(rel) + ")"
		} else {
			return catalog.Probe{}, false
		}
		stmt, ok := retargetRule(o.Definition, sqlgen.Qual(rel), "pg_temp."+sqlgen.QuoteIdent(temp))
		if !ok {
			return catalog.Probe{}, false
		}
		return catalog.Probe{
			Statements: []string{create, stmt},
			Query: "SELECT pg_get_ruledef(r.oid) FROM pg_rewrite r WHERE r.ev_class = " +
				sqlgen.QuoteLiteral("pg_temp."+sqlgen.QuoteIdent(temp)) + "::regclass AND r.rulename = " + sqlgen.QuoteLiteral(o.Name),
		}, true
	}, func(k int, o state.DefObject, printed string) (string, bool) {
		// pg_get_ruledef names the temporary table pg_temp.x
		// (PostgreSQL 14+), pg_temp_N.x (13) or x; it is put back as
		// the rule's relation.
		temp := regexp.QuoteMeta(fmt.Sprintf("%s%d", probeRule, k))
		on := regexp.MustCompile(`(?s)^(CREATE RULE .*? TO )(?:pg_temp(?:_[0-9]+)?\.)?` + temp + `\s`)
		m := on.FindStringSubmatchIndex(printed)
		if m == nil {
			return "", false
		}
		return canonicalServerRule(o, printed[:m[3]]+sqlgen.Qual(state.QualName{Schema: o.Schema, Name: o.Table})+" "+printed[m[1]:])
	})
}

// retargetRule returns the canonical rule definition def (CREATE RULE
// name AS ON event TO rel ...) with its relation rel replaced by to.
func retargetRule(def, rel, to string) (string, bool) {
	i := strings.Index(def, " TO "+rel+" ")
	if i < 0 || strings.Contains(def[:i], " DO ") {
		return "", false
	}
	return def[:i] + " TO " + to + " " + def[i+len(" TO "+rel+" "):], true
}

// canonicalServerRule reads a rule PostgreSQL printed back through the
// parser, as introspection does.
func canonicalServerRule(o state.DefObject, printed string) (string, bool) {
	rel := state.QualName{Schema: o.Schema, Name: o.Table}
	text := sqlgen.SchemaDefinition(state.Schema{Name: o.Schema}) +
		sqlgen.CreateTable(state.Table{Schema: o.Schema, Name: o.Table}, nil) + strings.TrimSuffix(strings.TrimSpace(printed), ";") + ";\n"
	res, err := parseServer("(server normalization of rule "+o.Name+" on "+rel.String()+")", text)
	if err != nil {
		return "", false
	}
	for _, r := range res.Schema.Objects {
		if r.Kind == state.KindRule && r.Name == o.Name {
			return r.Definition, true
		}
	}
	return "", false
}
