package sqlgen

import (
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// This file prints row-level security: ENABLE/FORCE ROW LEVEL SECURITY and
// policies, and the security part of a table's file.

// CreatePolicy prints CREATE POLICY with the clauses that differ from the
// defaults (PERMISSIVE, FOR ALL, TO PUBLIC), one per line.
func CreatePolicy(t state.QualName, p state.Policy) string {
	var b strings.Builder
	b.WriteString("CREATE POLICY " + QuoteIdent(p.Name) + " ON " + Qual(t))
	if !p.Permissive {
		b.WriteString("\n    AS RESTRICTIVE")
	}
	if p.Command != "" && p.Command != "ALL" {
		b.WriteString("\n    FOR " + p.Command)
	}
	if roles := policyRoles(p.Roles); roles != "PUBLIC" {
		b.WriteString("\n    TO " + roles)
	}
	if p.Using != "" {
		b.WriteString("\n    USING (" + p.Using + ")")
	}
	if p.WithCheck != "" {
		b.WriteString("\n    WITH CHECK (" + p.WithCheck + ")")
	}
	b.WriteString(";\n")
	return b.String()
}

// policyRoles prints a policy's roles; none means PUBLIC.
func policyRoles(roles []string) string {
	if len(roles) == 0 {
		return "PUBLIC"
	}
	out := make([]string, len(roles))
	for i, r := range roles {
		out[i] = granteeSQL(r)
	}
	return strings.Join(out, ", ")
}

// DropPolicy prints DROP POLICY.
func DropPolicy(t state.QualName, name string) string {
	return "DROP POLICY " + QuoteIdent(name) + " ON " + Qual(t) + ";\n"
}

// AlterPolicy prints ALTER POLICY changing the roles and expressions of
// policy p on t that differ from old. PostgreSQL cannot remove a USING or
// WITH CHECK clause this way; the caller recreates the policy then.
func AlterPolicy(t state.QualName, old, p state.Policy) string {
	var b strings.Builder
	b.WriteString("ALTER POLICY " + QuoteIdent(p.Name) + " ON " + Qual(t))
	if !sameStrings(old.Roles, p.Roles) {
		b.WriteString("\n    TO " + policyRoles(p.Roles))
	}
	if old.Using != p.Using {
		b.WriteString("\n    USING (" + p.Using + ")")
	}
	if old.WithCheck != p.WithCheck {
		b.WriteString("\n    WITH CHECK (" + p.WithCheck + ")")
	}
	b.WriteString(";\n")
	return b.String()
}

func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// CommentOnPolicy prints COMMENT ON POLICY (IS NULL for no comment).
func CommentOnPolicy(t state.QualName, name, comment string) string {
	return Comment("POLICY", QuoteIdent(name)+" ON "+Qual(t), comment)
}

// RowSecurity prints ALTER TABLE ... ENABLE or DISABLE ROW LEVEL SECURITY.
func RowSecurity(t state.QualName, enabled bool) string {
	if enabled {
		return alterTable(t) + "ENABLE ROW LEVEL SECURITY;\n"
	}
	return alterTable(t) + "DISABLE ROW LEVEL SECURITY;\n"
}

// ForceRowSecurity prints ALTER TABLE ... [NO] FORCE ROW LEVEL SECURITY.
func ForceRowSecurity(t state.QualName, forced bool) string {
	if forced {
		return alterTable(t) + "FORCE ROW LEVEL SECURITY;\n"
	}
	return alterTable(t) + "NO FORCE ROW LEVEL SECURITY;\n"
}

// TableSecurityDefinition prints the row security, policies and grants of
// a table's file (with those of the sequences it owns), each part
// preceded by a blank line; "" when there are none.
func TableSecurityDefinition(t state.Table, owned []state.Sequence) string {
	var b strings.Builder
	q := t.QualName()
	var rls strings.Builder
	if t.RLSEnabled {
		rls.WriteString(RowSecurity(q, true))
	}
	if t.RLSForced {
		rls.WriteString(ForceRowSecurity(q, true))
	}
	if rls.Len() > 0 {
		b.WriteString("\n" + rls.String())
	}
	for _, p := range t.Policies {
		b.WriteString("\n" + CreatePolicy(q, p))
		if p.Comment != "" {
			b.WriteString(CommentOnPolicy(q, p.Name, p.Comment))
		}
	}
	var grants strings.Builder
	grants.WriteString(OwnerPrivilegesDefinition(t.Key(), t.OwnerRevoked))
	grants.WriteString(PrivilegesDefinition(t.Key(), t.Privileges))
	grants.WriteString(ColumnPrivilegesDefinition(t))
	grants.WriteString(IdentityPrivilegesDefinition(t))
	for _, s := range owned {
		grants.WriteString(OwnerPrivilegesDefinition(SequenceKey(s), s.OwnerRevoked))
		grants.WriteString(PrivilegesDefinition(SequenceKey(s), s.Privileges))
	}
	if grants.Len() > 0 {
		b.WriteString("\n" + grants.String())
	}
	return b.String()
}

// SequenceKey returns the ObjectKey of a sequence.
func SequenceKey(s state.Sequence) state.ObjectKey {
	return state.ObjectKey{Kind: state.KindSequence, Schema: s.Schema, Name: s.Name}
}
