package catalog

import (
	"context"
	"encoding/json"

	"github.com/jackc/pgx/v5"
)

// This file is the server tier of normalization for domains: a local
// domain whose default or CHECK expressions differ from the remote's only
// in spelling (VALUE IN ('a', 'b') against VALUE = ANY (ARRAY['a'::text,
// 'b'::text])) is created under a temporary name inside a transaction
// that is always rolled back, and PostgreSQL prints its default and
// constraints back. Domains cannot be temporary, so the copy lives in the
// domain's own schema for the moment of the transaction; nothing on the
// target changes.

// TempDomain is one local domain to have PostgreSQL print: the statement
// creating it under the qualified, quoted name Name.
type TempDomain struct {
	Name      string
	Statement string
}

// ServerDomain is a TempDomain as PostgreSQL printed it. Err is set, and
// the rest empty, when PostgreSQL refused the definition (it may use an
// object the plan has yet to create): the local text then stands as is.
type ServerDomain struct {
	Err         error
	Default     string      `json:"default"`
	Constraints []ServerDef `json:"constraints"`
}

const serverDomainQuery = `
SELECT json_build_object(
  'default', coalesce(pg_get_expr(t.typdefaultbin, 0), t.typdefault, ''),
  'constraints', (SELECT coalesce(json_agg(json_build_object('name', c.conname, 'definition', pg_get_constraintdef(c.oid)) ORDER BY c.conname), '[]')
    FROM pg_constraint c WHERE c.contypid = t.oid AND c.contype = 'c'))
FROM pg_type t WHERE t.oid = to_regtype($1)`

// PrintTempDomains creates each domain and reads it back (serverTx).
// searchPath is the path local SQL is interpreted under ("public").
func PrintTempDomains(ctx context.Context, conn *pgx.Conn, searchPath string, domains []TempDomain) ([]ServerDomain, error) {
	out := make([]ServerDomain, len(domains))
	refused, err := serverTx(ctx, conn, "domains", searchPath, len(domains),
		func(tx pgx.Tx, i int) error { return execAll(ctx, tx, []string{domains[i].Statement}) },
		func(tx pgx.Tx, i int) error {
			var raw []byte
			if err := tx.QueryRow(ctx, serverDomainQuery, domains[i].Name).Scan(&raw); err != nil {
				return err
			}
			return json.Unmarshal(raw, &out[i])
		})
	if err != nil {
		return nil, err
	}
	for i := range out {
		if refused[i] != nil {
			out[i] = ServerDomain{Err: refused[i]}
		}
	}
	return out, nil
}

// ServerVersion returns the version of the server conn is connected to,
// in server_version_num form (150004 for 15.4).
func ServerVersion(conn *pgx.Conn) (int, error) { return serverVersion(conn) }
