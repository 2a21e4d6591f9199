package catalog

import (
	"cmp"
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// OwnedObject is an object whose owner is not the connecting role.
type OwnedObject struct {
	// Kind is the object's kind in words ("table", "schema").
	Kind string
	// Name is the object's name as SQL ("public.t", "app",
	// "public.f(integer)").
	Name string
	// Owner is the owning role.
	Owner string
}

// ForeignOwners lists the objects renovate manages that are owned by a
// role other than the connecting one, sorted by kind and name: the rows
// of owners (Owners, queries/object_owners.sql, read by the caller on
// conn) owned by someone else. Owners are
// not managed: files do not say them, and a plan's new objects belong to
// the role applying it. The public schema is left out while its owner is
// what a new database gives it (pg_database_owner since PostgreSQL 15,
// the bootstrap superuser before).
func ForeignOwners(ctx context.Context, conn *pgx.Conn, owners []state.Owner) ([]OwnedObject, error) {
	var me, bootstrap string
	if err := ReadSettledRow(ctx, conn, "SELECT current_user::text, pg_get_userbyid(10)::text", nil, &me, &bootstrap); err != nil {
		return nil, fmt.Errorf("listing owners: %w", err)
	}
	var out []OwnedObject
	for _, o := range owners {
		k := o.Object
		if o.Role == me || k.Kind == state.KindSchema && k.Name == "public" && (o.Role == bootstrap || o.Role == "pg_database_owner") {
			continue
		}
		out = append(out, OwnedObject{Kind: strings.ReplaceAll(string(k.Kind), "_", " "), Name: ownedName(k), Owner: o.Role})
	}
	slices.SortFunc(out, func(a, b OwnedObject) int {
		return cmp.Or(cmp.Compare(a.Kind, b.Kind), cmp.Compare(a.Name, b.Name))
	})
	return out, nil
}

// ownedName is an owned object's name as SQL: quoted identifiers, an
// operator's name as is, a routine's identity arguments.
func ownedName(k state.ObjectKey) string {
	name := sqlgen.QuoteIdent(k.Name)
	if k.Kind == state.KindOperator {
		name = k.Name
	}
	if k.Schema != "" {
		name = sqlgen.QuoteIdent(k.Schema) + "." + name
	}
	return name + k.Signature
}

// UnmanagedPrivilege is a privilege setting the model cannot carry.
type UnmanagedPrivilege struct {
	// Extension is set for privileges changed on an extension member since
	// CREATE EXTENSION; otherwise the object's owner revoked some of its
	// own privileges where the model cannot carry that (see
	// queries/unmanaged_privileges.sql).
	Extension bool
	// Object describes the object (pg_describe_object).
	Object string
}

// UnmanagedPrivileges lists the privilege settings the model cannot carry
// (queries/unmanaged_privileges.sql), so they are reported, not lost.
func UnmanagedPrivileges(ctx context.Context, conn *pgx.Conn) ([]UnmanagedPrivilege, error) {
	var out []UnmanagedPrivilege
	err := readSettled(ctx, conn, "unmanaged_privileges.sql", func(rows pgx.Rows) error {
		for rows.Next() {
			var (
				what string
				u    UnmanagedPrivilege
			)
			if err := rows.Scan(&what, &u.Object); err != nil {
				return err
			}
			u.Extension = what == "extension"
			out = append(out, u)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("listing unmanaged privileges: %w", err)
	}
	return out, nil
}

// Owners reads the owner of every object whose owner the model can
// record (queries/object_owners.sql), for owners = "manage". The keys
// are the catalog's, as Introspect's objects have them.
func Owners(ctx context.Context, conn *pgx.Conn) ([]state.Owner, error) {
	var out []state.Owner
	err := readSettled(ctx, conn, "object_owners.sql", func(rows pgx.Rows) error {
		for rows.Next() {
			var o state.Owner
			var kind string
			if err := rows.Scan(&kind, &o.Object.Schema, &o.Object.Name, &o.Object.Signature, &o.Role); err != nil {
				return err
			}
			o.Object.Kind = state.Kind(kind)
			out = append(out, o)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading owners: %w", err)
	}
	return out, nil
}
