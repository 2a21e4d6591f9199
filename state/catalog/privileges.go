package catalog

import (
	"fmt"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// privilegeRow is one row of queries/privileges.sql.
type privilegeRow struct {
	kind, schema, name, args, column string
	priv                             state.Privilege
	// revoked marks a privilege the owner (priv.Grantee) revoked from
	// itself.
	revoked bool
}

// scanPrivileges reads queries/privileges.sql. The rows are attached to
// their objects by attachPrivileges once every object has been read.
func (in *introspection) scanPrivileges(rows pgx.Rows) error {
	for rows.Next() {
		var r privilegeRow
		if err := rows.Scan(&r.kind, &r.schema, &r.name, &r.args, &r.column,
			&r.priv.Grantee, &r.priv.Privilege, &r.priv.Grantable, &r.revoked); err != nil {
			return err
		}
		in.privileges = append(in.privileges, r)
	}
	return rows.Err()
}

// scanDefaultPrivileges reads queries/default_privileges.sql.
func (in *introspection) scanDefaultPrivileges(rows pgx.Rows) error {
	for rows.Next() {
		var d state.DefaultPrivilege
		if err := rows.Scan(&d.Role, &d.Schema, &d.ObjectType, &d.Grantee, &d.Privilege.Privilege, &d.Grantable); err != nil {
			return err
		}
		in.schema.DefaultPrivileges = append(in.schema.DefaultPrivileges, d)
	}
	return rows.Err()
}

// attachPrivileges gives every object of the model its privileges from
// the rows scanPrivileges read. Rows of objects the model does not hold
// (extension members, relations of kinds not modelled) are dropped.
func (in *introspection) attachPrivileges() error {
	s := &in.schema
	schemas := map[string]*[]state.Privilege{}
	for i := range s.Schemas {
		schemas[s.Schemas[i].Name] = &s.Schemas[i].Privileges
	}
	relations := map[state.QualName]*[]state.Privilege{}
	columns := map[[3]string]*[]state.Privilege{}
	for i := range s.Tables {
		t := &s.Tables[i]
		relations[t.QualName()] = &t.Privileges
		for j := range t.Columns {
			columns[[3]string{t.Schema, t.Name, t.Columns[j].Name}] = &t.Columns[j].Privileges
		}
	}
	views := map[state.QualName]*state.View{}
	for i := range s.Views {
		relations[s.Views[i].QualName()] = &s.Views[i].Privileges
		views[s.Views[i].QualName()] = &s.Views[i]
	}
	sequences := map[state.QualName]*[]state.Privilege{}
	for i := range s.Sequences {
		sequences[s.Sequences[i].QualName()] = &s.Sequences[i].Privileges
	}
	// Identity sequences: their privileges live on their column.
	identityOf := make(map[[3]string]state.QualName, len(in.identitySeqs))
	for q, owner := range in.identitySeqs {
		identityOf[[3]string{q.Schema, owner[0], owner[1]}] = q
	}
	for i := range s.Tables {
		t := &s.Tables[i]
		for j := range t.Columns {
			c := &t.Columns[j]
			if c.Identity == "" {
				continue
			}
			if q, ok := identityOf[[3]string{t.Schema, t.Name, c.Name}]; ok {
				sequences[q] = &c.IdentityPrivileges
			}
		}
	}
	types := map[state.QualName]*[]state.Privilege{}
	for i := range s.Types {
		types[s.Types[i].QualName()] = &s.Types[i].Privileges
	}
	routines := map[[3]string]*[]state.Privilege{}
	for i := range s.Functions {
		f := &s.Functions[i]
		routines[[3]string{f.Schema, f.Name, f.IdentityArguments}] = &f.Privileges
	}
	wrappers := map[string]*[]state.Privilege{}
	for i := range s.ForeignDataWrappers {
		wrappers[s.ForeignDataWrappers[i].Name] = &s.ForeignDataWrappers[i].Privileges
	}
	servers := map[string]*[]state.Privilege{}
	for i := range s.Servers {
		servers[s.Servers[i].Name] = &s.Servers[i].Privileges
	}
	// Owners' revoked privileges: objects of the kinds whose model
	// carries them (an identity sequence's are reported as unmanaged,
	// queries/unmanaged_privileges.sql).
	revoked := map[[4]string]*[]state.Privilege{}
	for i := range s.Schemas {
		revoked[[4]string{"schema", s.Schemas[i].Name, "", ""}] = &s.Schemas[i].OwnerRevoked
	}
	for i := range s.Tables {
		revoked[[4]string{"relation", s.Tables[i].Schema, s.Tables[i].Name, ""}] = &s.Tables[i].OwnerRevoked
	}
	for i := range s.Views {
		revoked[[4]string{"relation", s.Views[i].Schema, s.Views[i].Name, ""}] = &s.Views[i].OwnerRevoked
	}
	for i := range s.Sequences {
		revoked[[4]string{"sequence", s.Sequences[i].Schema, s.Sequences[i].Name, ""}] = &s.Sequences[i].OwnerRevoked
	}
	for i := range s.Types {
		revoked[[4]string{"type", s.Types[i].Schema, s.Types[i].Name, ""}] = &s.Types[i].OwnerRevoked
	}
	for i := range s.Functions {
		f := &s.Functions[i]
		revoked[[4]string{"routine", f.Schema, f.Name, f.IdentityArguments}] = &f.OwnerRevoked
	}
	for _, r := range in.privileges {
		if r.revoked {
			if target := revoked[[4]string{r.kind, r.schema, r.name, r.args}]; target != nil {
				*target = append(*target, state.Privilege{Grantee: r.priv.Grantee, Privilege: r.priv.Privilege})
			}
			continue
		}
		q := state.QualName{Schema: r.schema, Name: r.name}
		var target *[]state.Privilege
		switch r.kind {
		case "schema":
			target = schemas[r.schema]
		case "relation":
			target = relations[q]
		case "sequence":
			target = sequences[q]
		case "column":
			target = columns[[3]string{r.schema, r.name, r.column}]
			if v := views[q]; target == nil && v != nil {
				if v.ColumnPrivileges == nil {
					v.ColumnPrivileges = map[string][]state.Privilege{}
				}
				v.ColumnPrivileges[r.column] = append(v.ColumnPrivileges[r.column], r.priv)
			}
		case "routine":
			target = routines[[3]string{r.schema, r.name, r.args}]
		case "type":
			target = types[q]
		case "foreign_data_wrapper":
			target = wrappers[r.name]
		case "server":
			target = servers[r.name]
		default:
			return fmt.Errorf("introspecting privileges: unknown object kind %q", r.kind)
		}
		if target != nil {
			*target = append(*target, r.priv)
		}
	}
	in.privileges = nil
	return nil
}
