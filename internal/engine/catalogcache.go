package engine

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/internal/parsecache"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// IntrospectCached is Introspect through the catalog cache
// (parsecache.CatalogFromEnv): when the catalog's stamp
// (catalog.IntrospectStamped) equals the one stored for this database
// and role, the Introspection stored with it is returned and the catalog
// is not read again; otherwise the catalog is read, and stored with its
// stamp.
//
// Plans use it. Apply, and everything that writes files, reads the
// catalog itself; apply then refuses a plan whose recorded fingerprint
// is not the database's, so even a stored model that were wrong could
// not be applied.
func IntrospectCached(ctx context.Context, conn *pgx.Conn) (*Introspection, error) {
	in, _, err := introspectCached(ctx, conn, parsecache.CatalogFromEnv())
	return in, err
}

// introspectCached is IntrospectCached with the cache given (nil: none);
// hit says the stored Introspection was used.
func introspectCached(ctx context.Context, conn *pgx.Conn, cache *parsecache.Cache) (in *Introspection, hit bool, err error) {
	if cache == nil {
		in, err := Introspect(ctx, conn)
		return in, false, err
	}
	id := catalogIdentity(conn)
	entry := cache.Catalog(id)
	raw, stamp, err := catalog.IntrospectStamped(ctx, conn, entry.Stamp)
	if err != nil {
		return nil, false, err
	}
	if raw == nil {
		var stored storedIntrospection
		if err := entry.Decode(&stored); err == nil {
			return stored.introspection(), true, nil
		}
		// The entry passed its checks yet does not decode: read the
		// catalog as if nothing were stored.
		if raw, stamp, err = catalog.IntrospectStamped(ctx, conn, ""); err != nil {
			return nil, false, err
		}
	}
	if in, err = introspectRest(ctx, conn, *raw); err != nil {
		return nil, false, err
	}
	// A failure to store costs only the next plan's read.
	_ = cache.PutCatalog(id, stamp, in.stored())
	return in, false, nil
}

// catalogIdentity names the database and role conn reads, for the cache
// entry's key. It needs not be exact: the stamp compared before an entry
// is used names the cluster, database and roles itself; the identity only
// keeps one entry per database a user plans against. It holds no
// password.
func catalogIdentity(conn *pgx.Conn) string {
	c := conn.Config()
	return fmt.Sprintf("host=%q port=%d dbname=%q user=%q", c.Host, c.Port, c.Database, c.User)
}

// storedIntrospection is an Introspection as the cache stores it (the
// codec reads exported fields only).
type storedIntrospection struct {
	Raw           state.DatabaseSchema
	Warnings      []string
	OwnersWarning string
	Owners        []state.Owner
}

func (in *Introspection) stored() *storedIntrospection {
	return &storedIntrospection{Raw: in.raw, Warnings: in.warnings, OwnersWarning: in.ownersWarning, Owners: in.owners}
}

func (s *storedIntrospection) introspection() *Introspection {
	return &Introspection{raw: s.Raw, warnings: s.Warnings, ownersWarning: s.OwnersWarning, owners: s.Owners}
}
