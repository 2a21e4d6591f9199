package parser

import (
	"sort"

	"github.com/renovate-pg/renovate/state"
)

// This file reads GRANT and REVOKE on routines that belong to an
// extension (state.MemberPrivilege): the files create the extension, and
// its routines are defined nowhere in them. pg_dump writes such statements
// for the privileges that differ from those CREATE EXTENSION gives
// (pg_init_privs), and so does renovate (extensions.sql).

// memberGrant applies a GRANT or REVOKE on ref, a routine no file defines,
// as a privilege of an extension's routine. It reports false when ref
// cannot be one (no file creates an extension, or ref gives no argument
// types, which a routine the files cannot see needs): the caller then
// reports the routine as defined nowhere.
func (r *resolver) memberGrant(d *grantDef, ref routineRef, verb string) bool {
	if len(r.extensions) == 0 || ref.unspecified || d.allInSchema {
		return false
	}
	privs := []string{"EXECUTE"} // ALL
	if d.privs != nil {
		privs = nil
		for _, ps := range d.privs {
			if len(ps.cols) > 0 || ps.name != "EXECUTE" {
				r.errs.semantic(d.loc, "%s: invalid privilege type %s for function", verb, ps.name)
				return true
			}
			privs = append(privs, ps.name)
		}
	}
	if !d.grant && d.grantOption {
		r.errs.add(&UnsupportedError{Loc: d.loc, Statement: "REVOKE GRANT OPTION FOR ... ON FUNCTION " + ref.String(),
			Reason: "is not supported on a routine of an extension: revoke the privilege and grant it again without the grant option"})
		return true
	}
	if r.members == nil {
		r.members = map[state.MemberPrivilegeKey]*state.MemberPrivilege{}
	}
	args := ""
	for i, in := range ref.inputs {
		if i > 0 {
			args += ", "
		}
		args += in
	}
	for _, g := range d.grantees {
		for _, p := range privs {
			m := state.MemberPrivilege{Schema: ref.name.Schema, Name: ref.name.Name, Arguments: args,
				Procedure: ref.kind == state.KindProcedure, Privilege: state.Privilege{Grantee: g, Privilege: p}}
			prev := r.members[m.Key()]
			if d.grant {
				m.Grantable = d.grantOption || prev != nil && !prev.Revoked && prev.Grantable
			} else {
				m.Revoked = true
			}
			r.members[m.Key()] = &m
		}
	}
	return true
}

// memberPrivileges returns the privileges memberGrant recorded, sorted.
func (r *resolver) memberPrivileges() []state.MemberPrivilege {
	out := make([]state.MemberPrivilege, 0, len(r.members))
	for _, m := range r.members {
		out = append(out, *m)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Key().Less(out[j].Key()) })
	if len(out) == 0 {
		return nil
	}
	return out
}

// undefinedRoutine reports whether no file defines a routine of ref's
// schema and name: then it may be an extension's. A routine the files
// define under other argument types is a mistake in the GRANT, reported as
// such.
func (r *resolver) undefinedRoutine(ref routineRef) bool {
	for _, f := range r.routineState().funcs {
		if f.Schema == ref.name.Schema && f.Name == ref.name.Name {
			return false
		}
	}
	return true
}
