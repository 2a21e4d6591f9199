package catalog

import (
	"context"
	"fmt"
	"strings"
	"time"

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

// serverTx runs fn inside a transaction that is always rolled back, with
// short timeouts, check_function_bodies off and the introspection
// settings; each call of step runs in its own savepoint.
func serverTx(ctx context.Context, conn *pgx.Conn, what string, n int, step func(tx pgx.Tx, i int) error) error {
	if n == 0 {
		return nil
	}
	fail := func(err error) error { return fmt.Errorf("normalizing %s: %w", what, err) }
	tx, err := conn.Begin(ctx)
	if err != nil {
		return fail(err)
	}
	defer func() { _ = tx.Rollback(context.Background()) }()
	if _, err := tx.Exec(ctx, fmt.Sprintf("SET LOCAL lock_timeout = %d; SET LOCAL statement_timeout = %d; SET LOCAL check_function_bodies = off",
		(2*time.Second).Milliseconds(), (30*time.Second).Milliseconds())); err != nil {
		return fail(err)
	}
	settings, err := renderQuery("settings.sql", queryData{})
	if err != nil {
		return err
	}
	if _, err := tx.Exec(ctx, settings); err != nil {
		return fail(err)
	}
	for i := 0; i < n; i++ {
		if _, err := tx.Exec(ctx, "SAVEPOINT renovate_norm"); err != nil {
			return fail(err)
		}
		if err := step(tx, i); err != nil {
			return fail(err)
		}
		if _, err := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT renovate_norm"); err != nil {
			return fail(err)
		}
	}
	return nil
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
	err = serverTx(ctx, conn, "routines", len(rs), func(tx pgx.Tx, i int) error {
		sr := &out[i]
		sr.Err = func() error {
			if _, err := tx.Exec(ctx, "SELECT set_config('search_path', $1, true)", searchPath); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, rs[i].Statement, pgx.QueryExecModeSimpleProtocol); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "SELECT set_config('search_path', 'pg_catalog', true)"); err != nil {
				return err
			}
			return tx.QueryRow(ctx, query, rs[i].Name).Scan(&sr.IdentityArguments, &sr.Arguments, &sr.Result, &sr.SQLBody)
		}()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// PrintTempTriggers creates a temporary copy of each trigger's table with
// the trigger on it, and reads the trigger back.
func PrintTempTriggers(ctx context.Context, conn *pgx.Conn, searchPath string, ts []TempTrigger) ([]ServerTrigger, error) {
	out := make([]ServerTrigger, len(ts))
	err := serverTx(ctx, conn, "triggers", len(ts), func(tx pgx.Tx, i int) error {
		t := ts[i]
		st := &out[i]
		st.Err = func() error {
			if _, err := tx.Exec(ctx, "SELECT set_config('search_path', $1, true)", searchPath); err != nil {
				return err
			}
			temp := pgx.Identifier{t.TempTable}.Sanitize()
			if _, err := tx.Exec(ctx, "CREATE TEMP TABLE "+temp+" (LIKE "+t.Table+")", pgx.QueryExecModeSimpleProtocol); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, t.Statement, pgx.QueryExecModeSimpleProtocol); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, "SELECT set_config('search_path', 'pg_catalog', true)"); err != nil {
				return err
			}
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
					st.Definition = strings.Replace(def, on, " ON "+t.Table+" ", 1)
					return nil
				}
			}
			return fmt.Errorf("unexpected trigger definition %q", def)
		}()
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}
