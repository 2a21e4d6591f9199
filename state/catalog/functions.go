package catalog

import (
	"fmt"
	"strconv"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// volatilityWords and parallelWords map pg_proc's codes to the model's
// words.
var (
	volatilityWords = map[string]string{"i": "immutable", "s": "stable", "v": "volatile"}
	parallelWords   = map[string]string{"s": "safe", "r": "restricted", "u": "unsafe"}
	enabledWords    = map[string]string{"O": "origin", "D": "disabled", "R": "replica", "A": "always"}
)

// scanFunctions reads queries/functions.sql. The raw model holds the
// catalog's own texts; the parser derives the rest (Args, DependsOn) when
// the printed definitions are read back.
func (in *introspection) scanFunctions(rows pgx.Rows) error {
	for rows.Next() {
		var (
			oid                        uint32
			f                          state.Function
			kind, volatility, parallel string
			sqlBody                    *string
			prosrc, cost, prorows      string
		)
		if err := rows.Scan(&oid, &f.Schema, &f.Name, &kind, &f.IdentityArguments, &f.Arguments, &f.Result,
			&f.Language, &sqlBody, &prosrc, &f.ObjectFile, &volatility, &f.Strict, &f.SecurityDefiner,
			&f.Leakproof, &parallel, &cost, &prorows, &f.Config, &f.Transforms); err != nil {
			return err
		}
		f.Procedure, f.Window = kind == "p", kind == "w"
		f.Body = prosrc
		if sqlBody != nil {
			f.Body, f.SQLBody = *sqlBody, true
		}
		var ok bool
		if f.Volatility, ok = volatilityWords[volatility]; !ok {
			return fmt.Errorf("function %s.%s: unknown provolatile %q", f.Schema, f.Name, volatility)
		}
		if f.Parallel, ok = parallelWords[parallel]; !ok {
			return fmt.Errorf("function %s.%s: unknown proparallel %q", f.Schema, f.Name, parallel)
		}
		var err error
		if f.Cost, err = strconv.ParseFloat(cost, 64); err != nil {
			return fmt.Errorf("function %s.%s: procost %q: %w", f.Schema, f.Name, cost, err)
		}
		if f.Rows, err = strconv.ParseFloat(prorows, 64); err != nil {
			return fmt.Errorf("function %s.%s: prorows %q: %w", f.Schema, f.Name, prorows, err)
		}
		if len(f.Config) == 0 {
			f.Config = nil
		}
		if len(f.Transforms) == 0 {
			f.Transforms = nil
		}
		f.Comment = in.comment("pg_proc", oid)
		in.schema.Functions = append(in.schema.Functions, f)
	}
	return rows.Err()
}

// triggerRow is a row of queries/triggers.sql waiting for
// attachTriggers.
type triggerRow struct {
	rel uint32
	t   state.Trigger
}

// scanTriggers reads queries/triggers.sql.
func (in *introspection) scanTriggers(rows pgx.Rows) error {
	for rows.Next() {
		var (
			r       triggerRow
			oid     uint32
			def     *string
			enabled string
		)
		if err := rows.Scan(&r.rel, &oid, &r.t.Name, &def, &r.t.Function.Schema, &r.t.Function.Name, &enabled); err != nil {
			return err
		}
		if def == nil {
			return errConcurrentDDL
		}
		r.t.Definition = *def
		var ok bool
		if r.t.Enabled, ok = enabledWords[enabled]; !ok {
			return fmt.Errorf("trigger %s: unknown tgenabled %q", r.t.Name, enabled)
		}
		r.t.Comment = in.comment("pg_trigger", oid)
		in.triggers = append(in.triggers, r)
	}
	return rows.Err()
}

// attachTriggers puts each trigger on its table or view, once both are
// read; triggers on relations renovate does not manage are dropped.
func (in *introspection) attachTriggers() {
	for _, r := range in.triggers {
		if t, ok := in.table(r.rel); ok {
			t.Triggers = append(t.Triggers, r.t)
			continue
		}
		if i, ok := in.views[r.rel]; ok {
			in.schema.Views[i].Triggers = append(in.schema.Views[i].Triggers, r.t)
		}
	}
	in.triggers = nil
}

// scanEventTriggers reads queries/event_triggers.sql.
func (in *introspection) scanEventTriggers(rows pgx.Rows) error {
	for rows.Next() {
		var (
			oid     uint32
			e       state.EventTrigger
			enabled string
		)
		if err := rows.Scan(&oid, &e.Name, &e.Event, &e.Tags, &e.Function.Schema, &e.Function.Name, &enabled); err != nil {
			return err
		}
		var ok bool
		if e.Enabled, ok = enabledWords[enabled]; !ok {
			return fmt.Errorf("event trigger %s: unknown evtenabled %q", e.Name, enabled)
		}
		if len(e.Tags) == 0 {
			e.Tags = nil
		}
		e.Comment = in.comment("pg_event_trigger", oid)
		in.schema.EventTriggers = append(in.schema.EventTriggers, e)
	}
	return rows.Err()
}
