package layout

import (
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// ownerFiles ends the file of every object whose owner s records
// (owners = "manage") with its ALTER ... OWNER TO, as pg_dump writes it.
// An owner of an object without a file of its own (a serial column's
// sequence) is not written.
func ownerFiles(s state.DatabaseSchema, out map[string]string) {
	if len(s.Owners) == 0 {
		return
	}
	paths := map[state.ObjectKey]string{}
	domains := map[state.ObjectKey]bool{}
	for _, sc := range s.Schemas {
		paths[state.ObjectKey{Kind: state.KindSchema, Name: sc.Name}] = SchemaPath(sc.Name)
	}
	for _, t := range s.Types {
		k := state.ObjectKey{Kind: state.KindType, Schema: t.Schema, Name: t.Name}
		paths[k] = ObjectPath(t.Schema, "types", t.Name)
		domains[k] = t.Kind == state.TypeDomain
	}
	for _, sq := range s.Sequences {
		paths[sqlgen.SequenceKey(sq)] = ObjectPath(sq.Schema, "sequences", sq.Name)
	}
	for _, t := range s.Tables {
		paths[t.Key()] = ObjectPath(t.Schema, tableDir(t), t.Name)
	}
	for _, v := range s.Views {
		paths[v.Key()] = ViewPath(v)
	}
	for _, f := range s.Functions {
		paths[f.Key()] = FunctionPath(f)
	}
	for _, o := range s.Objects {
		if o.Kind == state.KindLanguage {
			paths[o.Key()] = LanguagesPath
		}
	}
	for _, o := range s.Owners {
		p, ok := paths[o.Object]
		if !ok {
			continue
		}
		if _, written := out[p]; !written {
			continue
		}
		out[p] += sqlgen.AlterOwner(o.Object, domains[o.Object], o.Role)
	}
}
