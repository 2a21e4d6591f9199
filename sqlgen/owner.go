package sqlgen

import "github.com/renovate-pg/renovate/state"

// AlterOwner prints ALTER <kind> name OWNER TO role for an object of the
// model (state.Owner). domain says a type is a domain (ALTER DOMAIN, as
// pg_dump writes it). Sequences use ALTER SEQUENCE, foreign tables ALTER
// TABLE (which PostgreSQL accepts for both).
func AlterOwner(k state.ObjectKey, domain bool, role string) string {
	var what string
	switch k.Kind {
	case state.KindSchema:
		what = "SCHEMA " + QuoteIdent(k.Name)
	case state.KindTable:
		what = "TABLE " + QualifiedName(k.Schema, k.Name)
	case state.KindView:
		what = "VIEW " + QualifiedName(k.Schema, k.Name)
	case state.KindMaterializedView:
		what = "MATERIALIZED VIEW " + QualifiedName(k.Schema, k.Name)
	case state.KindSequence:
		what = "SEQUENCE " + QualifiedName(k.Schema, k.Name)
	case state.KindType:
		what = "TYPE " + QualifiedName(k.Schema, k.Name)
		if domain {
			what = "DOMAIN " + QualifiedName(k.Schema, k.Name)
		}
	default:
		// Functions and procedures: GrantTarget's "FUNCTION f(args)".
		what = GrantTarget(k)
	}
	return "ALTER " + what + " OWNER TO " + QuoteIdent(role) + ";\n"
}
