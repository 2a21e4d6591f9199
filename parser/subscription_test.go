package parser

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestSubscriptionConnectFalse: connect = false makes a subscription
// disabled, as PostgreSQL does; enabled = true with it is refused; the
// publication list keeps the order written (PostgreSQL stores it so).
func TestSubscriptionConnectFalse(t *testing.T) {
	res, err := ParseString("subscriptions.sql", `
CREATE SUBSCRIPTION quiet CONNECTION 'host=p dbname=x' PUBLICATION zeta, alpha WITH (connect = false);
CREATE SUBSCRIPTION loud CONNECTION 'host=p dbname=x' PUBLICATION alpha WITH (create_slot = false);`)
	if err != nil {
		t.Fatal(err)
	}
	subs := map[string]bool{}
	for _, s := range res.Schema.Subscriptions {
		subs[s.Name] = s.Enabled
		if s.Name == "quiet" {
			if diff := cmp.Diff([]string{"zeta", "alpha"}, s.Publications); diff != "" {
				t.Errorf("publications (-want +got):\n%s", diff)
			}
		}
	}
	if subs["quiet"] || !subs["loud"] {
		t.Errorf("enabled = %v, want quiet disabled (connect = false) and loud enabled", subs)
	}
	_, err = ParseString("subscriptions.sql", "CREATE SUBSCRIPTION s CONNECTION 'host=p' PUBLICATION a WITH (enabled = true, connect = false);")
	if err == nil || !strings.Contains(err.Error(), "subscriptions.sql:1:1: subscription s: connect = false and enabled = true are mutually exclusive options") {
		t.Errorf("connect = false with enabled = true: %v", err)
	}
}
