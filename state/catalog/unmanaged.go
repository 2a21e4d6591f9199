package catalog

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// UnmanagedObject is an object of a kind renovate does not manage
// (base and shell types). Such
// objects are never written to
// the files and never dropped; they are named so they are not silently
// ignored.
type UnmanagedObject struct {
	// Kind names the kind in words ("transform").
	Kind string
	// Name is the object's name as SQL, qualified where the kind lives in
	// a schema ("public.===(integer, integer)", "myserver").
	Name string
}

// String renders the object for people: "language plperl".
func (o UnmanagedObject) String() string { return o.Kind + " " + o.Name }

// unmanagedReasons say why each kind is left out.
var unmanagedReasons = map[string]string{
	"base type":    "a base type needs C input and output functions, which renovate does not write",
	"shell type":   "a shell type is only a placeholder for a base type, which renovate does not write",
	"subscription": "on PostgreSQL 13 only superusers may read a subscription's definition (pg_subscription.oid and subsynccommit); connect as a superuser to manage it",
}

// Reason says why renovate does not manage the object's kind.
func (o UnmanagedObject) Reason() string {
	if r, ok := unmanagedReasons[o.Kind]; ok {
		return r
	}
	return "renovate does not manage this kind"
}

// Unmanaged lists the objects of the database conn is connected to whose
// kinds renovate does not manage, sorted by kind and name; objects that
// belong to an extension are not listed (the extension manages them). It
// runs one query.
func Unmanaged(ctx context.Context, conn *pgx.Conn) ([]UnmanagedObject, error) {
	var out []UnmanagedObject
	err := readSettled(ctx, conn, "unmanaged.sql", func(rows pgx.Rows) error {
		for rows.Next() {
			var o UnmanagedObject
			if err := rows.Scan(&o.Kind, &o.Name); err != nil {
				return err
			}
			out = append(out, o)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing objects renovate does not manage: %w", err)
	}
	return out, nil
}
