package normalize

import (
	"context"

	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// subscriptionDefaults gives the desired subscriptions whose files leave
// streaming unstated (state.Subscription.StreamingImplied) the server's
// default for it: PostgreSQL 18 creates subscriptions with streaming =
// parallel, earlier releases with off (the parser's default). Without it
// a file that omits the option would plan SET (streaming = off) on every
// run against 18.
func subscriptionDefaults(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	implied := false
	for _, s := range desired.Subscriptions {
		implied = implied || s.StreamingImplied
	}
	if !implied {
		return desired, nil
	}
	version, err := catalog.ServerVersion(srv.conn)
	if err != nil {
		return desired, err
	}
	if version < 180000 {
		return desired, nil
	}
	out := desired.ShallowClone()
	for i, s := range out.Subscriptions {
		if s.StreamingImplied {
			out.Subscriptions[i].Streaming = "parallel"
		}
	}
	return out, nil
}
