package catalog

import (
	"fmt"
	"sort"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// policyCommands maps pg_policy.polcmd to the model's command.
var policyCommands = map[string]string{
	"*": "ALL",
	"r": "SELECT",
	"a": "INSERT",
	"w": "UPDATE",
	"d": "DELETE",
}

// scanPolicies reads queries/policies.sql. It must run after scanTables.
func (in *introspection) scanPolicies(rows pgx.Rows) error {
	for rows.Next() {
		var (
			rel uint32
			p   state.Policy
			cmd string
		)
		if err := rows.Scan(&rel, &p.Name, &p.Permissive, &cmd, &p.Roles, &p.Using, &p.WithCheck, &p.Comment); err != nil {
			return err
		}
		t, ok := in.table(rel)
		if !ok {
			continue
		}
		c, ok := policyCommands[cmd]
		if !ok {
			return fmt.Errorf("policy %s on %s: unknown command %q", p.Name, t.QualName(), cmd)
		}
		p.Command = c
		sort.Strings(p.Roles)
		t.Policies = append(t.Policies, p)
	}
	return rows.Err()
}

// scanRowSecurity reads queries/rowsecurity.sql. It must run after
// scanTables.
func (in *introspection) scanRowSecurity(rows pgx.Rows) error {
	for rows.Next() {
		var (
			rel             uint32
			enabled, forced bool
		)
		if err := rows.Scan(&rel, &enabled, &forced); err != nil {
			return err
		}
		if t, ok := in.table(rel); ok {
			t.RLSEnabled, t.RLSForced = enabled, forced
		}
	}
	return rows.Err()
}
