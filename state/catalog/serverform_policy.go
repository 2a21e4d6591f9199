package catalog

// ServerPolicy is a policy's expressions as PostgreSQL prints them (empty
// for a clause the policy does not have).
type ServerPolicy struct {
	Name      string `json:"name"`
	Using     string `json:"using"`
	WithCheck string `json:"with_check"`
}

// serverPoliciesQuery is the part of serverFormQuery that reads the
// policies of the temporary table $1, printed as policies.sql prints the
// remote's.
const serverPoliciesQuery = `SELECT coalesce(json_agg(json_build_object(
      'name', polname,
      'using', coalesce(pg_get_expr(polqual, polrelid), ''),
      'with_check', coalesce(pg_get_expr(polwithcheck, polrelid), '')) ORDER BY polname), '[]')
    FROM pg_policy WHERE polrelid = $1`
