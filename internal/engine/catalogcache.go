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
// is not read again; otherwise the catalog is read, to be stored with its
// stamp by StoreCatalog once the plan is made.
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
	if stamp != "" {
		in.unstored = &catalogEntry{cache: cache, id: id, stamp: stamp}
	}
	return in, false, nil
}

// catalogEntry is where and under which stamp an Introspection read by
// IntrospectCached is to be stored.
type catalogEntry struct {
	cache *parsecache.Cache
	id    string
	stamp string
}

// StoreCatalog stores an Introspection IntrospectCached read from the
// catalog (it does nothing for one it took from the cache, or one read
// otherwise), for the next plan, when the catalog's stamp is still the one
// it was read at. A plan that printed expressions through the server
// (normalize) has ended transactions and written WAL, and so changed the
// stamp itself, as any change meanwhile would: no later stamp could equal
// the stored one, and storing it (encoding a large model and writing it)
// would only cost time. Storing is best effort: a failure costs only the
// next plan's read. conn must not be inside a transaction.
func (in *Introspection) StoreCatalog(ctx context.Context, conn *pgx.Conn) {
	e := in.unstored
	in.unstored = nil
	if e == nil {
		return
	}
	if now, err := catalog.Stamp(ctx, conn); err != nil || now != e.stamp {
		return
	}
	_ = e.cache.PutCatalog(e.id, e.stamp, in.stored())
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
