package engine

import "github.com/renovate-pg/renovate/state"

// subscriptionKeys returns the keys of the subscriptions of both models.
// Verification leaves them out of its scratch databases: creating a
// subscription there would connect to the real publisher (and create a
// replication slot on it), and its state depends on that publisher.
func subscriptionKeys(models ...state.DatabaseSchema) []state.ObjectKey {
	seen := map[state.ObjectKey]bool{}
	var out []state.ObjectKey
	for _, m := range models {
		for _, s := range m.Subscriptions {
			if k := s.Key(); !seen[k] {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	return out
}

// withSubscribedTables gives the parsed remote's subscriptions the tables
// they replicate, which the catalog knows (pg_subscription_rel) but the
// files never say.
func withSubscribedTables(raw, parsed state.DatabaseSchema) state.DatabaseSchema {
	if len(raw.Subscriptions) == 0 {
		return parsed
	}
	tables := map[string][]string{}
	for _, s := range raw.Subscriptions {
		if len(s.Tables) > 0 {
			tables[s.Name] = s.Tables
		}
	}
	out := parsed
	out.Subscriptions = append([]state.Subscription(nil), parsed.Subscriptions...)
	for i, s := range out.Subscriptions {
		t := tables[s.Name]
		if t == nil {
			t = []string{}
		}
		out.Subscriptions[i].Tables = t
	}
	return out
}
