package config

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// A fleet is an environment with many targets: databases that follow the
// same schema files (tenants, shards, regional copies). It is written in
// one of three forms, which may be combined:
//
//	environment "tenants" {
//	  urls = ["postgres://app@db1/acme", "postgres://app@db1/globex"]
//	}
//
//	environment "shards" {
//	  target "eu" {
//	    url  = "postgres://app@eu.internal/app"
//	    vars = { region = "eu" }
//	  }
//	}
//
//	environment "saas" {
//	  targets_query {
//	    url   = env("REGISTRY_URL")
//	    query = "SELECT name, url, region FROM tenants WHERE active"
//	  }
//	}
//
// The query runs when a command needs the targets (internal/engine's
// fleet.go): its first two columns are each target's name and connection
// string, any further column sets the variable of its name for that
// target. Connection strings never hold passwords, wherever they come
// from: PGPASSWORD, ~/.pgpass or PGPASSFILE supply them.

// Target is one database of a fleet.
type Target struct {
	// Name identifies the target in output and records
	// (_meta/plans/<run>/<name>/): letters, digits, "_", "-", ".".
	Name string
	// URL is the target's connection string, without a password.
	URL string
	// Vars are the variable values this target sets over the
	// environment's (nil when none).
	Vars map[string]string
}

// TargetsQuery is a targets_query block: the targets are the rows of
// Query, run on the registry database URL.
type TargetsQuery struct {
	URL   string
	Query string
	// UnsetURLVariable names an environment variable url reads with
	// env() that is not set ("" normally).
	UnsetURLVariable string
}

// IsFleet reports whether the environment names many targets (urls,
// target blocks or a targets_query) rather than one url.
func (e *Environment) IsFleet() bool {
	return len(e.Targets) > 0 || e.TargetsQuery != nil
}

var targetNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

// ValidTargetName reports whether name can name a target (and its record
// directory).
func ValidTargetName(name string) bool { return targetNameRE.MatchString(name) && len(name) <= 100 }

func targetSchema() *hcl.BodySchema {
	return &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{
			{Name: "url", Required: true},
			{Name: "vars"},
		},
	}
}

func targetsQuerySchema() *hcl.BodySchema {
	return &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{
			{Name: "url", Required: true},
			{Name: "query", Required: true},
		},
	}
}

// fleet decodes an environment's urls, target blocks and targets_query;
// ok is false when one of them is invalid (reported).
func (d *decoder) fleet(env *Environment, content *hcl.BodyContent) bool {
	ok := true
	where := &hcl.Range{}
	if a := content.Attributes["urls"]; a != nil {
		where = a.Range.Ptr()
		list, listOK := d.stringList(a)
		ok = ok && listOK
		exprs, _ := hcl.ExprList(a.Expr)
		var urls []string
		for i, u := range list {
			subject := a.Expr.Range().Ptr()
			if i < len(exprs) {
				subject = exprs[i].Range().Ptr()
			}
			if !d.checkURL(u, subject, a.Range.Ptr(), "urls", exprs, i) {
				ok = false
				continue
			}
			urls = append(urls, u)
		}
		if listOK && len(list) == 0 {
			d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Empty urls", "urls must list at least one connection string.")
			ok = false
		}
		names := TargetNames(urls)
		for i, u := range urls {
			env.Targets = append(env.Targets, Target{Name: names[i], URL: u})
		}
	}
	for _, b := range content.Blocks {
		switch b.Type {
		case "target":
			where = b.DefRange.Ptr()
			t, tOK := d.target(b)
			ok = ok && tOK
			if tOK {
				env.Targets = append(env.Targets, t)
			}
		case "targets_query":
			if env.TargetsQuery != nil {
				d.add(&b.DefRange, nil, "Duplicate targets_query", "An environment has at most one targets_query block.")
				ok = false
				continue
			}
			q, qOK := d.targetsQuery(b)
			ok = ok && qOK
			env.TargetsQuery = q
		}
	}
	seen := map[string]bool{}
	for _, t := range env.Targets {
		if seen[t.Name] {
			d.add(where, nil, "Duplicate target",
				fmt.Sprintf("Two targets of environment %q are named %q: name them with target blocks.", env.Name, t.Name))
			ok = false
		}
		seen[t.Name] = true
	}
	return ok
}

// checkURL validates one connection string of a list the way url is
// validated: well formed, and with no password written in the file.
func (d *decoder) checkURL(u string, subject, context *hcl.Range, attr string, exprs []hcl.Expression, i int) bool {
	if strings.TrimSpace(u) == "" {
		d.add(subject, context, "Empty connection string", attr+" must hold libpq connection strings.")
		return false
	}
	if err := validateDSN(u); err != nil {
		d.add(subject, context, "Invalid connection string", err.Error()+".")
		return false
	}
	if i < len(exprs) {
		if v, diags := exprs[i].Value(d.static); !diags.HasErrors() && !v.IsNull() && v.Type().FriendlyName() == "string" && HasPassword(v.AsString()) {
			d.add(subject, context, "Password in connection string", "renovate.hcl must not contain passwords; use PGPASSWORD or ~/.pgpass.")
			return false
		}
	}
	return true
}

func (d *decoder) target(b *hcl.Block) (Target, bool) {
	t := Target{Name: b.Labels[0]}
	ok := true
	if !ValidTargetName(t.Name) {
		d.add(b.LabelRanges[0].Ptr(), &b.DefRange, "Invalid target name",
			fmt.Sprintf("%q is not a valid target name: use letters, digits, \"_\", \"-\" and \".\", starting with a letter or digit.", t.Name))
		ok = false
	}
	content, diags := b.Body.Content(targetSchema())
	d.diags = append(d.diags, diags...)
	if content == nil {
		return t, false
	}
	if a := content.Attributes["url"]; a != nil {
		var urlOK bool
		t.URL, urlOK = d.url(a)
		ok = ok && urlOK
	}
	if a := content.Attributes["vars"]; a != nil {
		t.Vars = d.envVars(a)
	}
	return t, ok
}

func (d *decoder) targetsQuery(b *hcl.Block) (*TargetsQuery, bool) {
	q := &TargetsQuery{}
	content, diags := b.Body.Content(targetsQuerySchema())
	d.diags = append(d.diags, diags...)
	if content == nil {
		return q, false
	}
	ok := true
	if a := content.Attributes["url"]; a != nil {
		if missing := d.unsetEnv(a); missing != "" {
			q.UnsetURLVariable = missing
		} else {
			var urlOK bool
			q.URL, urlOK = d.url(a)
			ok = ok && urlOK
		}
	}
	if a := content.Attributes["query"]; a != nil {
		var qOK bool
		q.Query, qOK = d.string(a)
		if qOK && strings.TrimSpace(q.Query) == "" {
			d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Empty query", "query must be a SELECT returning each target's name and connection string.")
			qOK = false
		}
		ok = ok && qOK
	}
	return q, ok
}

// TargetNames names the targets of a urls list: each database's name,
// or host_database where two targets share a database name, or
// target-N where that is not enough either.
func TargetNames(urls []string) []string {
	dbs := make([]string, len(urls))
	hosts := make([]string, len(urls))
	for i, u := range urls {
		hosts[i], dbs[i] = hostAndDatabase(u)
	}
	count := map[string]int{}
	for _, db := range dbs {
		count[db]++
	}
	names := make([]string, len(urls))
	for i := range urls {
		n := dbs[i]
		if count[n] > 1 || n == "" {
			n = strings.Trim(hosts[i]+"_"+dbs[i], "_")
		}
		names[i] = sanitizeTargetName(n)
	}
	seen := map[string]int{}
	for _, n := range names {
		seen[n]++
	}
	for i, n := range names {
		if seen[n] > 1 || n == "" {
			names[i] = fmt.Sprintf("target-%d", i+1)
		}
	}
	return names
}

var unsafeNameChars = regexp.MustCompile(`[^A-Za-z0-9_.-]+`)

func sanitizeTargetName(s string) string {
	s = unsafeNameChars.ReplaceAllString(s, "_")
	s = strings.TrimLeft(s, "_.-")
	if len(s) > 100 {
		s = s[:100]
	}
	return s
}

// hostAndDatabase returns the host and database a connection string
// names ("" for what it leaves to libpq's defaults).
func hostAndDatabase(dsn string) (host, db string) {
	d, err := parseDSN(dsn)
	if d == nil {
		return "", ""
	}
	_ = err
	if d.uri {
		rest := dsn
		for _, prefix := range []string{"postgresql://", "postgres://"} {
			rest = strings.TrimPrefix(rest, prefix)
		}
		if d.userEnd >= 0 {
			if at := strings.LastIndex(rest, "@"); at >= 0 && !strings.Contains(rest[:at], "/") {
				rest = rest[at+1:]
			}
		}
		if q := strings.IndexByte(rest, '?'); q >= 0 {
			rest = rest[:q]
		}
		h, path, _ := strings.Cut(rest, "/")
		host = h
		db, _ = url.PathUnescape(path)
		for _, p := range d.params {
			switch p.key {
			case "dbname":
				db = p.value
			case "host":
				host = p.value
			}
		}
		return host, db
	}
	for _, p := range d.params {
		switch p.key {
		case "dbname":
			db = p.value
		case "host":
			host = p.value
		}
	}
	return host, db
}
