package normalize

import (
	"context"
	"fmt"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// routineSignature identifies an overload by what makes it distinct.
func routineSignature(f state.Function) string {
	return f.Schema + "\x00" + f.Name + "\x00" + f.InputTypes()
}

// routines is the server tier for the parts of routines PostgreSQL spells
// its own way: parameter defaults (DEFAULT 'x' is stored as 'x'::text),
// results and SQL-standard bodies. Only routines whose text differs from
// the remote counterpart's are printed.
func routines(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	remoteBySig := map[string]state.Function{}
	for _, f := range srv.remote.Functions {
		remoteBySig[routineSignature(f)] = f
	}
	var temps []catalog.TempRoutine
	var idx []int
	for i, f := range desired.Functions {
		r, ok := remoteBySig[routineSignature(f)]
		if !ok && f.RenamedFrom != "" {
			prev := f
			prev.Name = f.RenamedFrom
			r, ok = remoteBySig[routineSignature(prev)]
		}
		if !ok || f.ObjectFile != "" || f.Language == "c" || f.Language == "internal" {
			continue
		}
		if f.Arguments == r.Arguments && f.Result == r.Result && f.IdentityArguments == r.IdentityArguments &&
			(!f.SQLBody || f.Body == r.Body) {
			continue
		}
		// The same name in pg_temp: PostgreSQL qualifies ambiguous
		// parameter references in SQL-standard bodies with the routine's
		// name. Each is created and rolled back on its own, so overloads
		// never meet.
		t := f
		t.Schema = "pg_temp"
		// Settings and attributes do not change how the signature prints,
		// and a setting could be refused where the real routine is not.
		t.Config = nil
		t.SecurityDefiner, t.Leakproof = false, false
		temps = append(temps, catalog.TempRoutine{Name: t.Name, Statement: sqlgen.CreateFunction(t)})
		idx = append(idx, i)
	}
	out, err := printEach(ctx, srv, desired, temps, catalog.PrintTempRoutines, func(out *state.DatabaseSchema, k int, sr catalog.ServerRoutine) {
		if sr.Err != nil {
			return
		}
		f := &out.Functions[idx[k]]
		state.Own(f)
		if canon, ok := canonicalServerRoutine(*f, sr); ok {
			f.IdentityArguments, f.Arguments, f.Result, f.Args = canon.IdentityArguments, canon.Arguments, canon.Result, canon.Args
			if f.SQLBody {
				f.Body, f.DependsOn = canon.Body, canon.DependsOn
			}
		}
	})
	if err != nil || len(temps) == 0 {
		return out, err
	}
	out.Normalize()
	return out, nil
}

// canonicalServerRoutine turns PostgreSQL's printing of a temporary copy
// of f back into f's canonical model, through the same printer and parser
// as every remote routine.
func canonicalServerRoutine(f state.Function, sr catalog.ServerRoutine) (state.Function, bool) {
	p := f
	p.IdentityArguments, p.Arguments, p.Result = sr.IdentityArguments, sr.Arguments, sr.Result
	if f.SQLBody {
		if sr.SQLBody == nil {
			return state.Function{}, false
		}
		p.Body = *sr.SQLBody
	}
	p.Comment = ""
	text := sqlgen.SchemaDefinition(state.Schema{Name: f.Schema}) + sqlgen.CreateFunction(p)
	res, err := parseServer("(server normalization of "+f.Key().String()+")", text)
	if err != nil || len(res.Schema.Functions) != 1 {
		return state.Function{}, false
	}
	return res.Schema.Functions[0], true
}

// triggers is the server tier for triggers' WHEN conditions, on tables
// that exist on both sides: each trigger whose definition differs is
// created on a temporary copy of its table and printed.
func triggers(ctx context.Context, srv *Server, desired state.DatabaseSchema) (state.DatabaseSchema, error) {
	type ref struct{ table, trigger int }
	var temps []catalog.TempTrigger
	var refs []ref
	for i, t := range desired.Tables {
		r, ok := srv.remote.Table(t.QualName())
		if !ok {
			continue
		}
		for j, tr := range t.Triggers {
			if !strings.Contains(tr.Definition, " WHEN (") || !remoteTriggerDiffers(r, tr) {
				continue
			}
			temp := fmt.Sprintf("renovate_trg_%d", len(temps))
			def, ok := sqlgen.TriggerDefinitionOn(tr, t.QualName(), state.QualName{Schema: "pg_temp", Name: temp})
			if !ok {
				continue
			}
			temps = append(temps, catalog.TempTrigger{Table: sqlgen.Qual(t.QualName()), TempTable: temp, Name: tr.Name, Statement: def})
			refs = append(refs, ref{i, j})
		}
	}
	return printEach(ctx, srv, desired, temps, catalog.PrintTempTriggers, func(out *state.DatabaseSchema, k int, st catalog.ServerTrigger) {
		if st.Err != nil {
			return
		}
		t := &out.Tables[refs[k].table]
		state.Own(t)
		tr := &t.Triggers[refs[k].trigger]
		if def, ok := canonicalServerTrigger(t.QualName(), st.Definition); ok {
			tr.Definition = def
		}
	})
}

// remoteTriggerDiffers reports whether the remote table r lacks a trigger
// of tr's name with tr's definition.
func remoteTriggerDiffers(r state.Table, tr state.Trigger) bool {
	for _, rt := range r.Triggers {
		if rt.Name == tr.Name {
			return rt.Definition != tr.Definition
		}
	}
	return false
}

// canonicalServerTrigger parses a trigger definition PostgreSQL printed
// into the canonical Definition.
func canonicalServerTrigger(q state.QualName, def string) (string, bool) {
	text := sqlgen.SchemaDefinition(state.Schema{Name: q.Schema}) +
		sqlgen.CreateTable(state.Table{Schema: q.Schema, Name: q.Name}, nil) + def + ";\n"
	res, err := parseServer("(server normalization of a trigger on "+q.String()+")", text)
	if err != nil {
		return "", false
	}
	t, ok := res.Schema.Table(q)
	if !ok || len(t.Triggers) != 1 {
		return "", false
	}
	return t.Triggers[0].Definition, true
}
