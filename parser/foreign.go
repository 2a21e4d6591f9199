package parser

import (
	"fmt"
	"sort"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// Foreign-data wrappers, servers, user mappings, foreign tables and
// subscriptions. Secrets (a user mapping's password, the password of a
// subscription's connection string) must be written as an environment
// reference, {{env.NAME}}, which apply resolves; a literal one is refused
// with its file and line, as renovate.hcl refuses passwords.

type fdwDef struct {
	loc Location
	w   state.ForeignDataWrapper
}

type serverDef struct {
	loc Location
	s   state.ForeignServer
}

type mappingDef struct {
	loc    Location
	server string
	m      state.UserMapping
}

type subscriptionDef struct {
	loc Location
	s   state.Subscription
}

// foreignState is what the resolver keeps of these kinds.
type foreignState struct {
	wrappers map[string]*state.ForeignDataWrapper
	servers  map[string]*state.ForeignServer
	subs     map[string]*state.Subscription
}

// genericOptions reads OPTIONS (name 'value', ...) in order. Only plain
// options are allowed in CREATE statements (ADD/SET/DROP are ALTER's).
func (p *fileParser) genericOptions(opts []*pg_query.Node, loc Location, what string) ([]state.Option, bool) {
	var out []state.Option
	seen := map[string]bool{}
	for _, n := range opts {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		dloc := p.locOr(d.Location, loc)
		if d.Defaction != pg_query.DefElemAction_DEFELEM_UNSPEC {
			p.errs.semantic(dloc, "%s: OPTIONS (ADD / SET / DROP ...) belongs to ALTER; write the options as they are", what)
			return nil, false
		}
		v, err := relOptionValue(d.Arg)
		if err != nil {
			p.errs.semantic(dloc, "%s: option %s: %v", what, d.Defname, err)
			return nil, false
		}
		if seen[d.Defname] {
			p.errs.semantic(dloc, "%s: option %q provided more than once", what, d.Defname)
			return nil, false
		}
		seen[d.Defname] = true
		out = append(out, state.Option{Name: d.Defname, Value: v})
	}
	return out, true
}

// createFdw handles CREATE FOREIGN DATA WRAPPER.
func (p *fileParser) createFdw(s *pg_query.CreateFdwStmt, loc Location) {
	w := state.ForeignDataWrapper{Name: s.Fdwname}
	for _, n := range s.FuncOptions {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		fn := ""
		if d.Arg != nil {
			names, err := stringList(d.Arg.GetList().GetItems())
			if err != nil || len(names) == 0 || len(names) > 2 {
				p.errs.semantic(p.locOr(d.Location, loc), "foreign data wrapper %s: invalid %s function name", s.Fdwname, d.Defname)
				return
			}
			if len(names) == 1 {
				// Function names are resolved with the default search
				// path, whose first existing schema is public.
				names = []string{"public", names[0]}
			}
			fn = quoteIdent(names[0]) + "." + quoteIdent(names[1])
		}
		switch d.Defname {
		case "handler":
			w.Handler = fn
		case "validator":
			w.Validator = fn
		default:
			p.errs.unsupported(loc, "foreign data wrapper option "+d.Defname)
			return
		}
	}
	opts, ok := p.genericOptions(s.Options, loc, "foreign data wrapper "+s.Fdwname)
	if !ok {
		return
	}
	w.Options = opts
	p.add(&fdwDef{loc: loc, w: w})
}

// createServer handles CREATE SERVER.
func (p *fileParser) createServer(s *pg_query.CreateForeignServerStmt, loc Location) {
	opts, ok := p.genericOptions(s.Options, loc, "server "+s.Servername)
	if !ok {
		return
	}
	p.add(&serverDef{loc: loc, s: state.ForeignServer{Name: s.Servername, Wrapper: s.Fdwname, Type: s.Servertype,
		Version: s.Version, Options: opts}})
}

// createUserMapping handles CREATE USER MAPPING FOR role SERVER s.
func (p *fileParser) createUserMapping(s *pg_query.CreateUserMappingStmt, loc Location) {
	var user string
	switch r := s.User; {
	case r == nil:
		p.errs.semantic(loc, "CREATE USER MAPPING without a role")
		return
	case r.Roletype == pg_query.RoleSpecType_ROLESPEC_CSTRING:
		user = r.Rolename
	case r.Roletype == pg_query.RoleSpecType_ROLESPEC_PUBLIC:
		user = "public"
	default:
		p.errs.unsupported(loc, "CREATE USER MAPPING FOR CURRENT_USER / CURRENT_ROLE / SESSION_USER / USER (name the role)")
		return
	}
	what := fmt.Sprintf("user mapping for %s on server %s", user, s.Servername)
	opts, ok := p.genericOptions(s.Options, loc, what)
	if !ok {
		return
	}
	for _, o := range opts {
		if isSecretOption(o.Name) && !state.IsSecretRef(o.Value) {
			p.errs.semantic(p.optionLoc(s.Options, o.Name, loc), "%s: a %s must not be written in a file; write %s '{{env.NAME}}' and set NAME in the environment renovate apply runs in", what, o.Name, o.Name)
			return
		}
	}
	p.add(&mappingDef{loc: loc, server: s.Servername, m: state.UserMapping{User: user, Options: opts}})
}

// isSecretOption reports whether a user mapping option is a secret.
func isSecretOption(name string) bool { return name == "password" || name == "sslpassword" }

// optionLoc is the location of the option called name, or loc.
func (p *fileParser) optionLoc(opts []*pg_query.Node, name string, loc Location) Location {
	for _, n := range opts {
		if d := n.GetDefElem(); d != nil && d.Defname == name {
			return p.locOr(d.Location, loc)
		}
	}
	return loc
}

// createForeignTable handles CREATE FOREIGN TABLE: a table (columns, NOT
// NULL, defaults, CHECK constraints) with a server and options.
func (p *fileParser) createForeignTable(s *pg_query.CreateForeignTableStmt, loc Location) {
	base := s.BaseStmt
	if base == nil {
		p.errs.semantic(loc, "invalid CREATE FOREIGN TABLE")
		return
	}
	if base.Partbound != nil {
		p.errs.unsupported(loc, "CREATE FOREIGN TABLE ... PARTITION OF")
		return
	}
	n := len(p.items)
	// A foreign table has no access method, whatever
	// default_table_access_method says.
	saved := p.defaultTableAM
	p.defaultTableAM = ""
	p.createTable(base, loc)
	p.defaultTableAM = saved
	if len(p.items) == n {
		return
	}
	t, ok := p.items[len(p.items)-1].(*tableDef)
	if !ok {
		return
	}
	what := "foreign table " + t.name.String()
	opts, ok := p.genericOptions(s.Options, loc, what)
	if !ok {
		p.items = p.items[:n]
		return
	}
	t.foreign = &state.ForeignTable{Server: s.Servername, Options: opts}
	for _, c := range t.cons {
		if c.kind != state.ConstraintCheck {
			p.errs.semantic(loc, "%s: foreign tables take only CHECK and NOT NULL constraints", what)
			p.items = p.items[:n]
			return
		}
	}
}

// createSubscription handles CREATE SUBSCRIPTION.
func (p *fileParser) createSubscription(s *pg_query.CreateSubscriptionStmt, loc Location) {
	sub := state.DefaultSubscription(s.Subname)
	sub.StreamingImplied = true
	what := "subscription " + s.Subname
	if !p.checkConninfo(s.Conninfo, loc, what) {
		return
	}
	sub.Connection = s.Conninfo
	pubs, err := stringList(s.Publication)
	if err != nil || len(pubs) == 0 {
		p.errs.semantic(loc, "%s: invalid publication list", what)
		return
	}
	// PostgreSQL keeps the list in the order written (pg_dump shows it
	// so): it is kept, not sorted.
	sub.Publications = pubs
	if !p.subscriptionOptions(&sub, s.Options, loc, true) {
		return
	}
	p.add(&subscriptionDef{loc: loc, s: sub})
}

// checkConninfo refuses a connection string with a password written in
// it: the whole string, or each password in it, must be a {{env.NAME}}
// reference.
func (p *fileParser) checkConninfo(conninfo string, loc Location, what string) bool {
	if state.IsSecretRef(conninfo) {
		return true
	}
	secrets, ok := state.ConninfoSecrets(conninfo)
	if !ok {
		p.errs.semantic(loc, "%s: the connection string cannot be read (unterminated quote?)", what)
		return false
	}
	for _, sc := range secrets {
		if sc.Start < 0 {
			p.errs.semantic(loc, "%s: the connection string must not contain a password; in keyword/value form write %s={{env.NAME}} and set NAME in the environment renovate apply runs in", what, sc.Key)
			return false
		}
		if !state.IsSecretRef(conninfo[sc.Start:sc.End]) {
			p.errs.semantic(loc, "%s: the connection string must not contain a password; write %s={{env.NAME}} and set NAME in the environment renovate apply runs in", what, sc.Key)
			return false
		}
	}
	return true
}

// subscriptionOptions applies WITH (...) to sub. create allows the
// options that act only at creation (connect, create_slot, copy_data).
func (p *fileParser) subscriptionOptions(sub *state.Subscription, opts []*pg_query.Node, loc Location, create bool) bool {
	what := "subscription " + sub.Name
	explicitEnabled, noConnect := false, false
	for _, n := range opts {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		dloc := p.locOr(d.Location, loc)
		v, err := relOptionValue(d.Arg)
		if err != nil {
			p.errs.semantic(dloc, "%s: option %s: %v", what, d.Defname, err)
			return false
		}
		boolean := func(dst *bool) bool {
			b, ok := boolOption(v)
			if !ok {
				p.errs.semantic(dloc, "%s: %s requires a Boolean value", what, d.Defname)
				return false
			}
			*dst = b
			return true
		}
		switch d.Defname {
		case "connect", "create_slot", "copy_data":
			if !create {
				p.errs.semantic(dloc, "%s: %s acts only in CREATE SUBSCRIPTION", what, d.Defname)
				return false
			}
			var b bool
			if !boolean(&b) {
				return false
			}
			sub.CreateOptions = append(sub.CreateOptions, state.Option{Name: d.Defname, Value: fmt.Sprint(b)})
			if d.Defname == "connect" && !b {
				noConnect = true
			}
		case "enabled":
			if !boolean(&sub.Enabled) {
				return false
			}
			explicitEnabled = true
		case "binary":
			if !boolean(&sub.Binary) {
				return false
			}
		case "two_phase":
			if !boolean(&sub.TwoPhase) {
				return false
			}
		case "disable_on_error":
			if !boolean(&sub.DisableOnError) {
				return false
			}
		case "password_required":
			if !boolean(&sub.PasswordRequired) {
				return false
			}
		case "run_as_owner":
			if !boolean(&sub.RunAsOwner) {
				return false
			}
		case "failover":
			if !boolean(&sub.Failover) {
				return false
			}
		case "slot_name":
			// PostgreSQL reads both NONE (a keyword, folded to
			// lower case) and 'none' as "no slot".
			if v == "none" {
				sub.SlotName = ""
			} else {
				sub.SlotName = v
			}
		case "synchronous_commit":
			sub.SyncCommit = strings.ToLower(v)
		case "streaming":
			sub.StreamingImplied = false
			if strings.EqualFold(v, "parallel") {
				sub.Streaming = "parallel"
				break
			}
			var b bool
			if !boolean(&b) {
				return false
			}
			sub.Streaming = map[bool]string{true: "on", false: "off"}[b]
		case "origin":
			sub.Origin = strings.ToLower(v)
		default:
			p.errs.unsupported(dloc, "subscription option "+d.Defname)
			return false
		}
	}
	// connect = false makes enabled (and create_slot, copy_data) default
	// to false, as PostgreSQL does; enabled = true with it is refused
	// there too. (slot_name = NONE: PostgreSQL requires enabled = false
	// and create_slot = false with it.)
	if noConnect {
		if explicitEnabled && sub.Enabled {
			p.errs.semantic(loc, "%s: connect = false and enabled = true are mutually exclusive options", what)
			return false
		}
		sub.Enabled = false
	}
	return true
}

// commentForeign handles COMMENT ON FOREIGN DATA WRAPPER / SERVER /
// SUBSCRIPTION.
func (p *fileParser) commentForeign(s *pg_query.CommentStmt, loc Location) {
	name := s.Object.GetString_().GetSval()
	kind := map[pg_query.ObjectType]state.Kind{
		pg_query.ObjectType_OBJECT_FDW:            state.KindForeignDataWrapper,
		pg_query.ObjectType_OBJECT_FOREIGN_SERVER: state.KindServer,
		pg_query.ObjectType_OBJECT_SUBSCRIPTION:   state.KindSubscription,
	}[s.Objtype]
	p.add(&commentDef{loc: loc, key: state.ObjectKey{Kind: kind, Name: name}, comment: s.Comment})
}

// foreignObjects is the resolver pass that defines wrappers, servers,
// user mappings and subscriptions, and checks what they name.
func (r *resolver) foreignObjects(items []any) {
	f := &r.foreign
	f.wrappers = map[string]*state.ForeignDataWrapper{}
	f.servers = map[string]*state.ForeignServer{}
	f.subs = map[string]*state.Subscription{}
	var mappings []*mappingDef
	for _, it := range items {
		switch d := it.(type) {
		case *fdwDef:
			if r.define(d.w.Key(), d.loc) {
				w := d.w
				f.wrappers[w.Name] = &w
			}
		case *serverDef:
			if r.define(d.s.Key(), d.loc) {
				s := d.s
				f.servers[s.Name] = &s
			}
		case *mappingDef:
			mappings = append(mappings, d)
		case *subscriptionDef:
			if r.define(d.s.Key(), d.loc) {
				s := d.s
				f.subs[s.Name] = &s
			}
		}
	}
	for _, d := range mappings {
		s := f.servers[d.server]
		if s == nil {
			r.errs.semantic(d.loc, "user mapping for %s: server %s is defined nowhere", d.m.User, d.server)
			continue
		}
		if r.define(state.MappingKey(d.server, d.m.User), d.loc) {
			s.UserMappings = append(s.UserMappings, d.m)
		}
	}
	for _, it := range items {
		switch d := it.(type) {
		case *serverDef:
			if _, ok := f.wrappers[d.s.Wrapper]; !ok && !r.extensionWrapper(d.s.Wrapper) {
				r.errs.semantic(d.loc, "server %s: foreign data wrapper %s is defined nowhere (neither here nor by a known extension)", d.s.Name, d.s.Wrapper)
			}
		case *tableDef:
			if d.foreign != nil {
				if _, ok := f.servers[d.foreign.Server]; !ok {
					r.errs.semantic(d.loc, "foreign table %s: server %s is defined nowhere", d.name, d.foreign.Server)
				}
				continue
			}
			for _, c := range d.columns {
				if s := c.summary(); s.hasFDWOptions {
					r.errs.semantic(c.loc, "column %s of %s: OPTIONS are for the columns of foreign tables", s.name, d.name)
				}
			}
		}
	}
}

// extensionWrappers are the foreign-data wrappers contrib extensions
// create (they are the extension's objects, never written in files).
var extensionWrappers = map[string]string{"postgres_fdw": "postgres_fdw", "file_fdw": "file_fdw", "dblink_fdw": "dblink"}

// extensionWrapper reports whether a declared extension provides the
// wrapper. A wrapper of another extension is accepted when any extension
// outside the known list is declared, as the parser cannot know it.
func (r *resolver) extensionWrapper(name string) bool {
	if ext, ok := extensionWrappers[name]; ok {
		_, declared := r.extensions[ext]
		return declared
	}
	for e := range r.extensions {
		known := false
		for _, x := range extensionWrappers {
			known = known || x == e
		}
		if !known {
			return true
		}
	}
	return false
}

// foreignCommentTarget finds the Comment of a COMMENT ON FOREIGN DATA
// WRAPPER / SERVER / SUBSCRIPTION.
func (r *resolver) foreignCommentTarget(d *commentDef) (*string, bool) {
	f := &r.foreign
	var target *string
	switch d.key.Kind {
	case state.KindForeignDataWrapper:
		if w := f.wrappers[d.key.Name]; w != nil {
			target = &w.Comment
		}
	case state.KindServer:
		if s := f.servers[d.key.Name]; s != nil {
			target = &s.Comment
		}
	case state.KindSubscription:
		if s := f.subs[d.key.Name]; s != nil {
			target = &s.Comment
		}
	default:
		return nil, false
	}
	if target == nil {
		r.errs.semantic(d.loc, "COMMENT ON %s: %s is defined nowhere", strings.ReplaceAll(string(d.key.Kind), "_", " "), d.key.Name)
	}
	return target, true
}

// foreignResults puts the resolved objects into s.
func (r *resolver) foreignResults(s *state.DatabaseSchema) {
	for _, w := range r.foreign.wrappers {
		s.ForeignDataWrappers = append(s.ForeignDataWrappers, *w)
	}
	for _, sv := range r.foreign.servers {
		s.Servers = append(s.Servers, *sv)
	}
	for _, sub := range r.foreign.subs {
		sub.Tables = r.subscribedTables(sub.Publications)
		s.Subscriptions = append(s.Subscriptions, *sub)
	}
}

// subscribedTables returns the tables the files' declarations of pubs
// publish, as quoted qualified names, sorted; nil when the files do not
// declare every one of them (the publisher is another repository's).
// Partitioned tables are taken as they are listed: the publisher's
// publish_via_partition_root decides what the subscriber sees, so a
// publication of partitioned tables is left unknown.
func (r *resolver) subscribedTables(pubs []string) []string {
	set := map[string]bool{}
	add := func(te *tableEntry) bool {
		if te.t.Foreign != nil {
			return true
		}
		if te.t.PartitionBy != "" || te.t.PartitionOf != nil {
			return false
		}
		set[quoteQualified(te.t.Schema, te.t.Name)] = true
		return true
	}
	for _, name := range pubs {
		e := r.pubs[name]
		if e == nil {
			return nil
		}
		for q, te := range r.tables {
			in := e.pub.AllTables || e.schemas[q.Schema]
			if _, listed := e.tables[q]; listed {
				in = true
			}
			if in && !add(te) {
				return nil
			}
		}
	}
	out := make([]string, 0, len(set))
	for t := range set {
		out = append(out, t)
	}
	sort.Strings(out)
	return out
}
