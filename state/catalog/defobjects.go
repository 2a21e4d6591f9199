package catalog

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// scanDefObjects reads queries/defobjects.sql: the definition objects, in
// the model's shape with the server's spelling (the parser makes it
// canonical).
func (in *introspection) scanDefObjects(rows pgx.Rows) error {
	for rows.Next() {
		var (
			o             state.DefObject
			kind          string
			names, values []string
			options, cmt  *string
			privs         *string
		)
		if err := rows.Scan(&kind, &o.Schema, &o.Name, &o.Signature, &o.Definition, &names, &values, &options, &cmt, &privs); err != nil {
			return err
		}
		if privs != nil {
			var rows [][3]any
			if err := json.Unmarshal([]byte(*privs), &rows); err != nil {
				return fmt.Errorf("%s: reading privileges: %w", o.Key(), err)
			}
			for _, r := range rows {
				grantee, _ := r[0].(string)
				priv, _ := r[1].(string)
				grantable, _ := r[2].(bool)
				o.Privileges = mergePrivilege(o.Privileges, state.Privilege{Grantee: grantee, Privilege: priv, Grantable: grantable})
			}
		}
		o.Kind = state.Kind(kind)
		if o.Kind == state.KindRule {
			// The query carries a rule's relation in the signature.
			o.Table, o.Signature = o.Signature, ""
		}
		if len(names) != len(values) {
			return fmt.Errorf("%s: settings do not pair up", o.Key())
		}
		for i := range names {
			o.Settings = append(o.Settings, state.DefSetting{Name: names[i], Value: values[i]})
		}
		if options != nil {
			opts, err := splitDictOptions(*options)
			if err != nil {
				return fmt.Errorf("%s: %w", o.Key(), err)
			}
			o.Settings = opts
		}
		if cmt != nil {
			o.Comment = *cmt
		}
		in.schema.Objects = append(in.schema.Objects, o)
	}
	return rows.Err()
}

// splitDictOptions splits a text search dictionary's dictinitoption, as
// the server's serialize_deflist writes it ("name = 'value', n = 1"),
// into options, in order.
func splitDictOptions(s string) ([]state.DefSetting, error) {
	var out []state.DefSetting
	for s = strings.TrimSpace(s); s != ""; {
		eq := strings.Index(s, " = ")
		if eq < 0 {
			return nil, fmt.Errorf("cannot read dictionary options %q", s)
		}
		name := strings.Trim(s[:eq], `"`)
		rest := s[eq+3:]
		var value string
		if strings.HasPrefix(rest, "'") {
			i := 1
			for ; i < len(rest); i++ {
				if rest[i] == '\'' {
					if i+1 < len(rest) && rest[i+1] == '\'' {
						i++
						continue
					}
					break
				}
			}
			if i >= len(rest) {
				return nil, fmt.Errorf("cannot read dictionary options %q", s)
			}
			value, rest = rest[:i+1], rest[i+1:]
		} else {
			end := strings.Index(rest, ",")
			if end < 0 {
				end = len(rest)
			}
			value, rest = strings.TrimSpace(rest[:end]), rest[end:]
		}
		out = append(out, state.DefSetting{Name: name, Value: value})
		s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), ","))
	}
	return out, nil
}

// mergePrivilege adds p to ps; the same privilege from several grantors
// is one, grantable if any grant is.
func mergePrivilege(ps []state.Privilege, p state.Privilege) []state.Privilege {
	for i := range ps {
		if ps[i].Grantee == p.Grantee && ps[i].Privilege == p.Privilege {
			ps[i].Grantable = ps[i].Grantable || p.Grantable
			return ps
		}
	}
	return append(ps, p)
}
