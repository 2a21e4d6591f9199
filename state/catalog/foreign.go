package catalog

import (
	"fmt"
	"strings"

	"github.com/jackc/pgx/v5"

	"github.com/renovate-pg/renovate/state"
)

// parseOptions turns a catalog options array ("name=value") into options.
func parseOptions(raw []string) []state.Option {
	var out []state.Option
	for _, o := range raw {
		name, value, _ := strings.Cut(o, "=")
		out = append(out, state.Option{Name: name, Value: value})
	}
	return out
}

// scanWrappers reads queries/foreign_wrappers.sql.
func (in *introspection) scanWrappers(rows pgx.Rows) error {
	for rows.Next() {
		var (
			oid  uint32
			w    state.ForeignDataWrapper
			opts []string
		)
		if err := rows.Scan(&oid, &w.Name, &w.Handler, &w.Validator, &opts); err != nil {
			return err
		}
		w.Options = parseOptions(opts)
		w.Comment = in.comment("pg_foreign_data_wrapper", oid)
		in.schema.ForeignDataWrappers = append(in.schema.ForeignDataWrappers, w)
	}
	return rows.Err()
}

// hiddenOptions marks, in foreign_servers.sql, a mapping whose options the
// connected role may not read.
const hiddenOptions = "\x02"

// scanServers reads queries/foreign_servers.sql. A user mapping's password
// never leaves the query; each becomes a reference to an environment
// variable named after the server and user (state.DefaultSecretName),
// which is what init writes.
func (in *introspection) scanServers(rows pgx.Rows) error {
	for rows.Next() {
		var (
			oid             uint32
			s               state.ForeignServer
			opts            []string
			users, mappings []string
		)
		if err := rows.Scan(&oid, &s.Name, &s.Wrapper, &s.Type, &s.Version, &opts, &users, &mappings); err != nil {
			return err
		}
		s.Options = parseOptions(opts)
		s.Comment = in.comment("pg_foreign_server", oid)
		if len(users) != len(mappings) {
			return fmt.Errorf("server %s: %d user mappings but %d option lists", s.Name, len(users), len(mappings))
		}
		for i, u := range users {
			m := state.UserMapping{User: u}
			// A mapping whose options the role may not read is kept
			// without options (see the package README's limits).
			if mappings[i] != hiddenOptions && mappings[i] != "" {
				for _, o := range parseOptions(strings.Split(mappings[i], "\x01")) {
					if o.Name == "password" || o.Name == "sslpassword" {
						o.Value = state.SecretRef(state.DefaultSecretName(s.Name, u, o.Name))
					}
					m.Options = append(m.Options, o)
				}
			}
			s.UserMappings = append(s.UserMappings, m)
		}
		in.schema.Servers = append(in.schema.Servers, s)
	}
	return rows.Err()
}

// scanSubscriptions reads queries/subscriptions.sql. The passwords of the
// connection string are replaced by references to environment variables
// (state.DefaultSecretName); an unreadable connection string becomes
// state.HiddenConnection.
func (in *introspection) scanSubscriptions(rows pgx.Rows) error {
	for rows.Next() {
		var (
			oid      uint32
			s        state.Subscription
			conninfo *string
		)
		if err := rows.Scan(&oid, &s.Name, &conninfo, &s.Publications, &s.Enabled, &s.SlotName, &s.SyncCommit,
			&s.Binary, &s.Streaming, &s.TwoPhase, &s.DisableOnError, &s.Origin, &s.PasswordRequired, &s.RunAsOwner,
			&s.Failover, &s.Tables); err != nil {
			return err
		}
		if conninfo == nil {
			s.Connection = state.HiddenConnection(s.Name)
		} else {
			s.Connection = ConninfoWithoutSecrets(*conninfo, s.Name)
		}
		s.Comment = in.comment("pg_subscription", oid)
		if !s.Enabled {
			// A disabled subscription is written, as pg_dump writes
			// every one, to be created without connecting to its
			// publisher (connect = false: disabled, no slot created, no
			// rows copied); whether its slot exists there is unknown.
			s.CreateOptions = []state.Option{{Name: "connect", Value: "false"}}
		}
		in.schema.Subscriptions = append(in.schema.Subscriptions, s)
	}
	return rows.Err()
}

// ConninfoWithoutSecrets returns conninfo with each password replaced by a
// reference to an environment variable named after the subscription. A
// string that cannot be read, or a URL with a password, is replaced as a
// whole.
func ConninfoWithoutSecrets(conninfo, subscription string) string {
	secrets, ok := state.ConninfoSecrets(conninfo)
	if !ok {
		return state.HiddenConnection(subscription)
	}
	var b strings.Builder
	last := 0
	for _, sc := range secrets {
		if sc.Start < 0 {
			return state.HiddenConnection(subscription)
		}
		b.WriteString(conninfo[last:sc.Start])
		b.WriteString(state.SecretRef(state.DefaultSecretName("SUBSCRIPTION", subscription, sc.Key)))
		last = sc.End
	}
	b.WriteString(conninfo[last:])
	return b.String()
}
