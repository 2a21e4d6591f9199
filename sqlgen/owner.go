package sqlgen

import "github.com/renovate-pg/renovate/state"

// AlterOwner prints ALTER <kind> name OWNER TO role for an object of the
// model (state.Owner). domain says a type is a domain (ALTER DOMAIN, as
// pg_dump writes it). Sequences use ALTER SEQUENCE, foreign tables ALTER
// TABLE (which PostgreSQL accepts for both). Every other kind is spelled
// as pg_dump spells it: ALTER AGGREGATE s.agg(integer), ALTER OPERATOR
// s.=== (integer, integer), ALTER OPERATOR CLASS s.c USING btree, ALTER
// SERVER srv, ALTER TEXT SEARCH DICTIONARY s.d, ...
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
	case state.KindCollation:
		what = "COLLATION " + QualifiedName(k.Schema, k.Name)
	case state.KindEventTrigger:
		what = "EVENT TRIGGER " + QuoteIdent(k.Name)
	case state.KindPublication:
		what = "PUBLICATION " + QuoteIdent(k.Name)
	case state.KindForeignDataWrapper:
		what = "FOREIGN DATA WRAPPER " + QuoteIdent(k.Name)
	case state.KindServer:
		what = "SERVER " + QuoteIdent(k.Name)
	default:
		if state.IsDefKind(k.Kind) {
			// Aggregates, operators, operator classes and families,
			// statistics and text search objects: named as COMMENT ON
			// and DROP name them.
			what = DefObjectTarget(state.DefObject{Kind: k.Kind, Schema: k.Schema, Table: k.Table, Name: k.Name, Signature: k.Signature})
			break
		}
		// Functions and procedures: GrantTarget's "FUNCTION f(args)".
		what = GrantTarget(k)
	}
	return "ALTER " + what + " OWNER TO " + QuoteIdent(role) + ";\n"
}
