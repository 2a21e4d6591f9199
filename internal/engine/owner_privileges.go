package engine

import (
	"github.com/renovate-pg/renovate/state"
)

// This file resolves what the files say about owners' own privileges
// (state.Privilege): the parser records every role's REVOKEs that no later
// GRANT undid (OwnerRevoked), because files cannot say who owns an object;
// here the owner's are kept and the rest, which mean nothing beyond the
// object's Privileges, are dropped.

// keepOwnerRevokes keeps, in every object's OwnerRevoked, the entries of
// the role isOwner says owns it, and drops the grants that role's
// Privileges hold: an owner holds every privilege implicitly, and a GRANT
// to it only gives back what REVOKE took. s is changed in place.
func keepOwnerRevokes(s *state.DatabaseSchema, isOwner func(k ownerKey, role string) bool) {
	resolve := func(k ownerKey, revoked *[]state.Privilege, privs *[]state.Privilege) {
		if len(*revoked) == 0 {
			*revoked = nil
			return
		}
		var kept []state.Privilege
		for _, p := range *revoked {
			if isOwner(k, p.Grantee) {
				kept = append(kept, state.Privilege{Grantee: p.Grantee, Privilege: p.Privilege})
			}
		}
		*revoked = kept
		if len(kept) == 0 {
			return
		}
		owner := kept[0].Grantee
		var ps []state.Privilege
		for _, p := range *privs {
			if p.Grantee != owner {
				ps = append(ps, p)
			}
		}
		*privs = ps
	}
	for i := range s.Schemas {
		x := &s.Schemas[i]
		resolve(ownerKey{"schema", x.Name, ""}, &x.OwnerRevoked, &x.Privileges)
	}
	for i := range s.Types {
		x := &s.Types[i]
		resolve(ownerKey{"type", x.Schema, x.Name}, &x.OwnerRevoked, &x.Privileges)
	}
	for i := range s.Sequences {
		x := &s.Sequences[i]
		resolve(ownerKey{"relation", x.Schema, x.Name}, &x.OwnerRevoked, &x.Privileges)
	}
	for i := range s.Tables {
		x := &s.Tables[i]
		resolve(ownerKey{"relation", x.Schema, x.Name}, &x.OwnerRevoked, &x.Privileges)
	}
	for i := range s.Views {
		x := &s.Views[i]
		resolve(ownerKey{"relation", x.Schema, x.Name}, &x.OwnerRevoked, &x.Privileges)
	}
	for i := range s.Functions {
		x := &s.Functions[i]
		resolve(ownerKey{"routine", x.Schema, x.Name}, &x.OwnerRevoked, &x.Privileges)
	}
}

// hasOwnerRevokes reports whether any object of s has OwnerRevoked
// entries.
func hasOwnerRevokes(s state.DatabaseSchema) bool {
	for _, x := range s.Schemas {
		if len(x.OwnerRevoked) > 0 {
			return true
		}
	}
	for _, x := range s.Types {
		if len(x.OwnerRevoked) > 0 {
			return true
		}
	}
	for _, x := range s.Sequences {
		if len(x.OwnerRevoked) > 0 {
			return true
		}
	}
	for _, x := range s.Tables {
		if len(x.OwnerRevoked) > 0 {
			return true
		}
	}
	for _, x := range s.Views {
		if len(x.OwnerRevoked) > 0 {
			return true
		}
	}
	for _, x := range s.Functions {
		if len(x.OwnerRevoked) > 0 {
			return true
		}
	}
	return false
}

// withRemoteOwnerRevokes resolves the owners' revoked privileges of a
// model parsed from the catalog's files: those files write them for the
// owner only (REVOKE ALL ... FROM owner; GRANT <the rest> ... TO owner),
// so every entry is the owner's, and the GRANTs to the owner are dropped.
// parsed is not modified.
func withRemoteOwnerRevokes(parsed state.DatabaseSchema) state.DatabaseSchema {
	if !hasOwnerRevokes(parsed) {
		return parsed
	}
	out := parsed.Clone()
	keepOwnerRevokes(&out, func(ownerKey, string) bool { return true })
	return out
}

// dropOwnerMaintain removes MAINTAIN from every object's OwnerRevoked,
// for servers before PostgreSQL 17, which do not have it (the parser
// reads REVOKE ALL on a table as including it). s is changed in place.
func dropOwnerMaintain(s *state.DatabaseSchema) {
	drop := func(ps *[]state.Privilege) {
		var kept []state.Privilege
		for _, p := range *ps {
			if p.Privilege != "MAINTAIN" {
				kept = append(kept, p)
			}
		}
		*ps = kept
	}
	for i := range s.Tables {
		drop(&s.Tables[i].OwnerRevoked)
	}
	for i := range s.Views {
		drop(&s.Views[i].OwnerRevoked)
	}
}
