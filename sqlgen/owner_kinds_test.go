package sqlgen

import (
	"testing"

	"github.com/renovate-pg/renovate/state"
)

// TestAlterOwnerKinds: ALTER ... OWNER TO is spelled as pg_dump spells
// it for every kind whose owner the model records.
func TestAlterOwnerKinds(t *testing.T) {
	for _, c := range []struct {
		key  state.ObjectKey
		want string
	}{
		{state.ObjectKey{Kind: state.KindAggregate, Schema: "app", Name: "total", Signature: "(integer)"}, "ALTER AGGREGATE app.total(integer) OWNER TO r;\n"},
		{state.ObjectKey{Kind: state.KindAggregate, Schema: "app", Name: "cnt", Signature: "()"}, "ALTER AGGREGATE app.cnt(*) OWNER TO r;\n"},
		{state.ObjectKey{Kind: state.KindOperator, Schema: "app", Name: "!!!", Signature: "(NONE, integer)"}, "ALTER OPERATOR app.!!! (NONE, integer) OWNER TO r;\n"},
		{state.ObjectKey{Kind: state.KindOperatorClass, Schema: "app", Name: "h", Signature: " USING hash"}, "ALTER OPERATOR CLASS app.h USING hash OWNER TO r;\n"},
		{state.ObjectKey{Kind: state.KindOperatorFamily, Schema: "app", Name: "h", Signature: " USING hash"}, "ALTER OPERATOR FAMILY app.h USING hash OWNER TO r;\n"},
		{state.ObjectKey{Kind: state.KindCollation, Schema: "app", Name: "C c"}, "ALTER COLLATION app.\"C c\" OWNER TO r;\n"},
		{state.ObjectKey{Kind: state.KindStatisticsObject, Schema: "app", Name: "st"}, "ALTER STATISTICS app.st OWNER TO r;\n"},
		{state.ObjectKey{Kind: state.KindTSConfiguration, Schema: "app", Name: "cfg"}, "ALTER TEXT SEARCH CONFIGURATION app.cfg OWNER TO r;\n"},
		{state.ObjectKey{Kind: state.KindTSDictionary, Schema: "app", Name: "d"}, "ALTER TEXT SEARCH DICTIONARY app.d OWNER TO r;\n"},
		{state.ObjectKey{Kind: state.KindEventTrigger, Name: "ev"}, "ALTER EVENT TRIGGER ev OWNER TO r;\n"},
		{state.ObjectKey{Kind: state.KindPublication, Name: "pub"}, "ALTER PUBLICATION pub OWNER TO r;\n"},
		{state.ObjectKey{Kind: state.KindForeignDataWrapper, Name: "w"}, "ALTER FOREIGN DATA WRAPPER w OWNER TO r;\n"},
		{state.ObjectKey{Kind: state.KindServer, Name: "srv"}, "ALTER SERVER srv OWNER TO r;\n"},
	} {
		if got := AlterOwner(c.key, false, "r"); got != c.want {
			t.Errorf("AlterOwner(%s) = %q, want %q", c.key, got, c.want)
		}
	}
}
