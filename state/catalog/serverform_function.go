package catalog

import (
	"context"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"
)

// This file is the server tier (DESIGN.md §3) for routines and triggers.
// A local routine whose signature or SQL-standard body differs from the
// remote's text is created as a temporary function (pg_temp.name) inside a
// transaction that is always rolled back, and PostgreSQL prints its
// arguments (defaults with their casts), result and body back with the
// functions introspection uses. A trigger whose WHEN clause differs is
// created on a temporary copy of its table (CREATE TEMP TABLE ... LIKE)
// and printed with pg_get_triggerdef.

// TempRoutine is one local routine to have PostgreSQL print: Statement
// creates it as pg_temp.Name.
type TempRoutine struct {
	Name      string
	Statement string
}

// ServerRoutine is a TempRoutine as PostgreSQL printed it. Err is set
// when PostgreSQL refused the statement (it may use an object the plan has
// yet to create): the local text then stands.
type ServerRoutine struct {
	Err               error
	IdentityArguments string
	Arguments         string
	Result            string
	// SQLBody is pg_get_function_sqlbody's text, nil for a string body.
	SQLBody *string
}

// TempTrigger is one local trigger to have PostgreSQL print: Table is the
// real table (qualified, quoted), Statement the trigger's CREATE TRIGGER
// with its ON clause naming pg_temp.TempTable. TempTable must be a plain
// lower-case identifier.
type TempTrigger struct {
	Table     string
	TempTable string
	Name      string
	Statement string
}

// ServerTrigger is a TempTrigger's definition as pg_get_triggerdef printed
// it, pointed back at the real table. Err is set when PostgreSQL refused
// it.
type ServerTrigger struct {
	Err        error
	Definition string
}

// PrintTempRoutines creates each routine in pg_temp and reads it back.
// searchPath is the path local SQL is interpreted under.
func PrintTempRoutines(ctx context.Context, conn *pgx.Conn, searchPath string, rs []TempRoutine) ([]ServerRoutine, error) {
	out := make([]ServerRoutine, len(rs))
	version, err := serverVersion(conn)
	if err != nil {
		return nil, err
	}
	body := "NULL::text"
	if version >= 140000 {
		body = "pg_get_function_sqlbody(p.oid)"
	}
	query := `SELECT pg_get_function_identity_arguments(p.oid), coalesce(pg_get_function_arguments(p.oid), ''),
		coalesce(pg_get_function_result(p.oid), ''), ` + body + `
		FROM pg_proc p WHERE p.pronamespace = pg_my_temp_schema() AND p.proname = $1`
	refused, err := serverTx(ctx, conn, "routines", searchPath, len(rs),
		func(tx pgx.Tx, i int) error { return execAll(ctx, tx, []string{rs[i].Statement}) },
		func(tx pgx.Tx, i int) error {
			sr := &out[i]
			return tx.QueryRow(ctx, query, rs[i].Name).Scan(&sr.IdentityArguments, &sr.Arguments, &sr.Result, &sr.SQLBody)
		})
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Err = refused[i]
	}
	return out, nil
}

// PrintTempTriggers creates a temporary copy of each trigger's table with
// the trigger on it, and reads the trigger back.
func PrintTempTriggers(ctx context.Context, conn *pgx.Conn, searchPath string, ts []TempTrigger) ([]ServerTrigger, error) {
	out := make([]ServerTrigger, len(ts))
	refused, err := serverTx(ctx, conn, "triggers", searchPath, len(ts),
		func(tx pgx.Tx, i int) error {
			t := ts[i]
			temp := pgx.Identifier{t.TempTable}.Sanitize()
			return execAll(ctx, tx, []string{"CREATE TEMP TABLE " + temp + " (LIKE " + t.Table + ")", t.Statement})
		},
		func(tx pgx.Tx, i int) error {
			t := ts[i]
			var def, rel, nsp string
			if err := tx.QueryRow(ctx, `SELECT pg_get_triggerdef(t.oid), t.tgrelid::regclass::text,
				quote_ident(pg_my_temp_schema()::regnamespace::text)
				FROM pg_trigger t WHERE t.tgrelid = to_regclass('pg_temp.' || quote_ident($1)) AND t.tgname = $2`,
				t.TempTable, t.Name).Scan(&def, &rel, &nsp); err != nil {
				return err
			}
			// pg_get_triggerdef names the temporary table pg_temp.x
			// (PostgreSQL 14+) or by the session's own pg_temp_N.x (13);
			// regclass output may too.
			for _, on := range []string{" ON pg_temp." + t.TempTable + " ", " ON " + rel + " ", " ON " + nsp + "." + t.TempTable + " "} {
				if strings.Contains(def, on) {
					out[i].Definition = strings.Replace(def, on, " ON "+t.Table+" ", 1)
					return nil
				}
			}
			return fmt.Errorf("unexpected trigger definition %q", def)
		})
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Err = refused[i]
	}
	return out, nil
}
