package catalog

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// UnmanagedDependent is a managed object that uses, directly or through
// other objects, an object of a kind renovate does not manage (see
// UnmanagedObject): a view calling a custom aggregate, an index through a
// function whose body names a custom text search configuration. A copy
// of the database made from renovate's model cannot hold it.
type UnmanagedDependent struct {
	// Key is the managed object. Routines carry no signature (every
	// overload of the name is meant).
	Key state.ObjectKey
	// Cause is the unmanaged object it uses, as PostgreSQL's
	// pg_identify_object names it ("aggregate public.my_agg(integer)").
	Cause string
}

// UnmanagedDependents lists the managed objects that depend on unmanaged
// ones, sorted by key. It runs one query, which finds nothing at once
// when the database holds no unmanaged objects.
func UnmanagedDependents(ctx context.Context, conn *pgx.Conn) ([]UnmanagedDependent, error) {
	var out []UnmanagedDependent
	err := readSettled(ctx, conn, "unmanaged_dependents.sql", func(rows pgx.Rows) error {
		for rows.Next() {
			var d UnmanagedDependent
			var kind string
			if err := rows.Scan(&kind, &d.Key.Schema, &d.Key.Table, &d.Key.Name, &d.Cause); err != nil {
				return err
			}
			d.Key.Kind = state.Kind(kind)
			out = append(out, d)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing objects that use objects renovate does not manage: %w", err)
	}
	return out, nil
}
