package parser

import (
	"sort"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// This file reads row-level security: CREATE POLICY, ALTER POLICY, COMMENT
// ON POLICY and ALTER TABLE ... ENABLE/DISABLE/FORCE/NO FORCE ROW LEVEL
// SECURITY, and applies them once every table exists.

// policyDef is CREATE POLICY.
type policyDef struct {
	loc    Location
	table  state.QualName
	policy state.Policy
}

// alterPolicyDef is ALTER POLICY: nil fields are left as they are.
type alterPolicyDef struct {
	loc          Location
	table        state.QualName
	name         string
	roles        []string
	using, check *string
}

// policyCommentDef is COMMENT ON POLICY.
type policyCommentDef struct {
	loc     Location
	table   state.QualName
	name    string
	comment string
}

// Row security sub-commands of ALTER TABLE (alterCmd.rowSecurity).
const (
	rlsEnable  = "ENABLE"
	rlsDisable = "DISABLE"
	rlsForce   = "FORCE"
	rlsNoForce = "NO FORCE"
)

// rowSecurityCmd maps an ALTER TABLE sub-command to its row security
// action, "" for other sub-commands.
func rowSecurityCmd(t pg_query.AlterTableType) string {
	switch t {
	case pg_query.AlterTableType_AT_EnableRowSecurity:
		return rlsEnable
	case pg_query.AlterTableType_AT_DisableRowSecurity:
		return rlsDisable
	case pg_query.AlterTableType_AT_ForceRowSecurity:
		return rlsForce
	case pg_query.AlterTableType_AT_NoForceRowSecurity:
		return rlsNoForce
	}
	return ""
}

// createPolicy handles CREATE POLICY name ON table [AS PERMISSIVE |
// RESTRICTIVE] [FOR command] [TO roles] [USING (...)] [WITH CHECK (...)].
func (p *fileParser) createPolicy(s *pg_query.CreatePolicyStmt, loc Location) {
	table, ok := p.relName(s.Table, loc)
	if !ok {
		return
	}
	pol := state.Policy{Name: s.PolicyName, Permissive: s.Permissive, Command: strings.ToUpper(s.CmdName)}
	if pol.Command == "" {
		pol.Command = "ALL"
	}
	roles, ok := p.policyRoles(s.Roles, loc)
	if !ok {
		return
	}
	pol.Roles = roles
	if s.Qual != nil {
		if pol.Using, ok = p.policyExpr(s.Qual, table, pol.Name, "USING", loc); !ok {
			return
		}
	}
	if s.WithCheck != nil {
		if pol.WithCheck, ok = p.policyExpr(s.WithCheck, table, pol.Name, "WITH CHECK", loc); !ok {
			return
		}
	}
	if !p.checkPolicyClauses(pol, loc) {
		return
	}
	p.add(&policyDef{loc: loc, table: table, policy: pol})
}

// checkPolicyClauses reports the clause combinations PostgreSQL refuses.
func (p *fileParser) checkPolicyClauses(pol state.Policy, loc Location) bool {
	switch {
	case pol.Command == "INSERT" && pol.Using != "":
		p.errs.semantic(loc, "policy %s: only WITH CHECK expression allowed for INSERT", pol.Name)
		return false
	case (pol.Command == "SELECT" || pol.Command == "DELETE") && pol.WithCheck != "":
		p.errs.semantic(loc, "policy %s: WITH CHECK cannot be applied to SELECT or DELETE", pol.Name)
		return false
	}
	return true
}

// policyRoles reads a policy's TO list: sorted names, or just PUBLIC when
// PUBLIC is among them (PostgreSQL ignores the other roles then) or the
// list is empty.
func (p *fileParser) policyRoles(nodes []*pg_query.Node, loc Location) ([]string, bool) {
	roles, ok := p.roleNames(nodes, "CREATE POLICY ... TO", loc)
	if !ok {
		return nil, false
	}
	return canonicalPolicyRoles(roles), true
}

// canonicalPolicyRoles sorts and de-duplicates roles; PUBLIC absorbs the
// rest.
func canonicalPolicyRoles(roles []string) []string {
	if len(roles) == 0 {
		return []string{state.Public}
	}
	seen := map[string]bool{}
	var out []string
	for _, r := range roles {
		if r == state.Public {
			return []string{state.Public}
		}
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	sort.Strings(out)
	return out
}

// policyExpr canonicalizes a USING or WITH CHECK expression.
func (p *fileParser) policyExpr(n *pg_query.Node, table state.QualName, name, clause string, loc Location) (string, bool) {
	e, err := canonicalExpr(n)
	if err != nil {
		p.errs.semantic(loc, "policy %s on %s: %s: %v", name, table, clause, err)
		return "", false
	}
	return e, true
}

// alterPolicy handles ALTER POLICY name ON table [TO roles] [USING (...)]
// [WITH CHECK (...)].
func (p *fileParser) alterPolicy(s *pg_query.AlterPolicyStmt, loc Location) {
	table, ok := p.relName(s.Table, loc)
	if !ok {
		return
	}
	d := &alterPolicyDef{loc: loc, table: table, name: s.PolicyName}
	if len(s.Roles) > 0 {
		if d.roles, ok = p.policyRoles(s.Roles, loc); !ok {
			return
		}
	}
	if s.Qual != nil {
		e, ok := p.policyExpr(s.Qual, table, s.PolicyName, "USING", loc)
		if !ok {
			return
		}
		d.using = &e
	}
	if s.WithCheck != nil {
		e, ok := p.policyExpr(s.WithCheck, table, s.PolicyName, "WITH CHECK", loc)
		if !ok {
			return
		}
		d.check = &e
	}
	p.add(d)
}

// commentPolicy handles COMMENT ON POLICY name ON table.
func (p *fileParser) commentPolicy(s *pg_query.CommentStmt, loc Location) {
	names, err := stringList(s.Object.GetList().GetItems())
	if err != nil || len(names) < 2 || len(names) > 3 {
		p.errs.semantic(loc, "improper name in COMMENT ON POLICY")
		return
	}
	table, ok := p.anyName(stringNodes(names[:len(names)-1]...), loc)
	if !ok {
		return
	}
	p.add(&policyCommentDef{loc: loc, table: table, name: names[len(names)-1], comment: s.Comment})
}

// policies is the pass that applies row security switches, policies,
// ALTER POLICY and policy comments, in statement order.
func (r *resolver) policies(items []any) {
	find := func(table state.QualName, name string, loc Location, what string) *state.Policy {
		te := r.table(table, loc, what)
		if te == nil {
			return nil
		}
		for i := range te.t.Policies {
			if te.t.Policies[i].Name == name {
				return &te.t.Policies[i]
			}
		}
		r.errs.semantic(loc, "%s: policy %s for table %s does not exist", what, name, table)
		return nil
	}
	for _, it := range items {
		switch d := it.(type) {
		case *alterTableDef:
			te := r.tables[d.table]
			if te == nil {
				continue // reported by the column pass
			}
			for _, c := range d.cmds {
				switch c.rowSecurity {
				case rlsEnable:
					te.t.RLSEnabled = true
				case rlsDisable:
					te.t.RLSEnabled = false
				case rlsForce:
					te.t.RLSForced = true
				case rlsNoForce:
					te.t.RLSForced = false
				}
			}
		case *policyDef:
			te := r.table(d.table, d.loc, "CREATE POLICY")
			if te == nil {
				continue
			}
			if !r.define(state.PolicyKey(d.table, d.policy.Name), d.loc) {
				continue
			}
			te.t.Policies = append(te.t.Policies, d.policy)
		case *alterPolicyDef:
			pol := find(d.table, d.name, d.loc, "ALTER POLICY")
			if pol == nil {
				continue
			}
			changed := *pol
			if d.roles != nil {
				changed.Roles = d.roles
			}
			if d.using != nil {
				changed.Using = *d.using
			}
			if d.check != nil {
				changed.WithCheck = *d.check
			}
			switch {
			case changed.Command == "INSERT" && changed.Using != "":
				r.errs.semantic(d.loc, "ALTER POLICY %s: only WITH CHECK expression allowed for INSERT", d.name)
			case (changed.Command == "SELECT" || changed.Command == "DELETE") && changed.WithCheck != "":
				r.errs.semantic(d.loc, "ALTER POLICY %s: WITH CHECK cannot be applied to SELECT or DELETE", d.name)
			default:
				*pol = changed
			}
		}
	}
	seen := map[state.ObjectKey]Location{}
	for _, it := range items {
		d, ok := it.(*policyCommentDef)
		if !ok {
			continue
		}
		pol := find(d.table, d.name, d.loc, "COMMENT ON POLICY")
		if pol == nil {
			continue
		}
		key := state.PolicyKey(d.table, d.name)
		if first, dup := seen[key]; dup {
			r.errs.semantic(d.loc, "second comment on %s (first at %s)", key, first)
			continue
		}
		seen[key] = d.loc
		pol.Comment = d.comment
	}
}
