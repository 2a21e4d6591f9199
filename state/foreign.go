package state

import (
	"regexp"
	"strings"
)

// Foreign data (postgres_fdw and friends) and subscriptions: the objects
// that connect one database to another.
//
// Secrets never enter the model. A user mapping's password option and the
// password of a subscription's connection string hold a reference to an
// environment variable, {{env.NAME}} (SecretRef), which only apply
// resolves, in memory, when it runs the statement.

// Option is one generic option of OPTIONS (name 'value'), as
// PostgreSQL stores it ("name=value" in the catalog's arrays).
type Option struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// ForeignDataWrapper is CREATE FOREIGN DATA WRAPPER.
type ForeignDataWrapper struct {
	Name string `json:"name"`
	// Handler and Validator are the schema-qualified, quoted function
	// names, empty for NO HANDLER / NO VALIDATOR.
	Handler   string `json:"handler,omitempty"`
	Validator string `json:"validator,omitempty"`
	// Options are in the order the server keeps them and are compared as
	// a set, as all the options below.
	Options []Option `json:"options,omitempty"`
	Comment string   `json:"comment,omitempty"`
	// Privileges are USAGE grants, in the effective form of Privilege.
	Privileges []Privilege `json:"privileges,omitempty"`
}

// Key returns the wrapper's ObjectKey.
func (w ForeignDataWrapper) Key() ObjectKey {
	return ObjectKey{Kind: KindForeignDataWrapper, Name: w.Name}
}

// ForeignServer is CREATE SERVER with its user mappings.
type ForeignServer struct {
	Name    string   `json:"name"`
	Wrapper string   `json:"wrapper"`
	Type    string   `json:"type,omitempty"`
	Version string   `json:"version,omitempty"`
	Options []Option `json:"options,omitempty"`
	Comment string   `json:"comment,omitempty"`
	// Privileges are USAGE grants, in the effective form of Privilege.
	Privileges []Privilege `json:"privileges,omitempty"`
	// UserMappings are sorted by user.
	UserMappings []UserMapping `json:"user_mappings,omitempty"`
}

// Key returns the server's ObjectKey.
func (s ForeignServer) Key() ObjectKey { return ObjectKey{Kind: KindServer, Name: s.Name} }

// UserMapping is CREATE USER MAPPING FOR user SERVER server.
type UserMapping struct {
	// User is the role's name, or "public" for FOR PUBLIC (PostgreSQL
	// itself spells it so in pg_user_mappings).
	User string `json:"user"`
	// Options hold the mapping's options; a "password" option's value is
	// always a SecretRef.
	Options []Option `json:"options,omitempty"`
}

// MappingKey is the ObjectKey of the user mapping of user on server.
func MappingKey(server, user string) ObjectKey {
	return ObjectKey{Kind: KindUserMapping, Table: server, Name: user}
}

// ForeignTable holds what makes a Table a foreign table: its server and
// options. Columns carry their own options (Column.FDWOptions).
type ForeignTable struct {
	Server  string   `json:"server"`
	Options []Option `json:"options,omitempty"`
}

// Subscription is CREATE SUBSCRIPTION. Every option field holds its
// effective value: the parser fills in PostgreSQL's defaults.
type Subscription struct {
	Name string `json:"name"`
	// Connection is the libpq connection string with its password, if
	// any, as a SecretRef. When the connected role may not read the
	// remote's (pg_subscription.subconninfo is readable by superusers
	// only), it is HiddenConnection(name): a reference to the whole
	// string, which the planner never compares.
	Connection string `json:"connection"`
	// Publications are in the order written: PostgreSQL keeps that order
	// (subpublications), so it is compared as is.
	Publications []string `json:"publications"`
	Enabled      bool     `json:"enabled"`
	// SlotName is the replication slot on the publisher; empty for
	// slot_name = NONE. Defaults to the subscription's name.
	SlotName   string `json:"slot_name,omitempty"`
	SyncCommit string `json:"synchronous_commit"`
	Binary     bool   `json:"binary,omitempty"`
	// Streaming is "off", "on" or "parallel" (16+).
	Streaming string `json:"streaming"`
	// StreamingImplied says the files leave streaming unstated, so it is
	// the server's default: off before PostgreSQL 18, parallel from 18
	// on. The parser sets it (with Streaming "off") and the server tier
	// of normalization applies the server's default; it is never
	// compared or written (like RenamedFrom, it exists on the local side
	// only).
	StreamingImplied bool   `json:"streaming_implied,omitempty"`
	TwoPhase         bool   `json:"two_phase,omitempty"`
	DisableOnError   bool   `json:"disable_on_error,omitempty"`
	Origin           string `json:"origin"`
	PasswordRequired bool   `json:"password_required"`
	RunAsOwner       bool   `json:"run_as_owner,omitempty"`
	Failover         bool   `json:"failover,omitempty"`
	Comment          string `json:"comment,omitempty"`
	// Tables are the tables the subscription replicates, as quoted
	// qualified names, sorted, or nil when unknown. On the remote side
	// they come from pg_subscription_rel (the publisher's tables as of the
	// last refresh); on the local side from the files' declarations of
	// the subscription's publications, when the files declare all of
	// them. The planner refreshes the subscription when both are known
	// and differ. Never written to files.
	Tables []string `json:"tables,omitempty"`
	// CreateOptions are the options that only act when the subscription is
	// created (connect, create_slot, copy_data): the catalog does not keep
	// them, so they are never compared. Introspection sets connect = false
	// on a disabled subscription, so that its file creates it the way
	// pg_dump's does, without connecting to the publisher.
	CreateOptions []Option `json:"create_options,omitempty"`
}

// Key returns the subscription's ObjectKey.
func (s Subscription) Key() ObjectKey { return ObjectKey{Kind: KindSubscription, Name: s.Name} }

// DefaultSubscription returns a subscription with PostgreSQL's defaults.
func DefaultSubscription(name string) Subscription {
	return Subscription{Name: name, Enabled: true, SlotName: name, SyncCommit: "off", Streaming: "off",
		Origin: "any", PasswordRequired: true}
}

// orderForeign sorts the foreign-data objects and subscriptions.
func (s *DatabaseSchema) orderForeign(o *orderer) {
	orderBy(o, s.ForeignDataWrappers, func(a, b *ForeignDataWrapper) bool { return a.Name < b.Name })
	orderBy(o, s.Servers, func(a, b *ForeignServer) bool { return a.Name < b.Name })
	for i := range s.ForeignDataWrappers {
		sortPrivileges(o, s.ForeignDataWrappers[i].Privileges)
	}
	for i := range s.Servers {
		orderBy(o, s.Servers[i].UserMappings, func(a, b *UserMapping) bool { return a.User < b.User })
		sortPrivileges(o, s.Servers[i].Privileges)
	}
	orderBy(o, s.Subscriptions, func(a, b *Subscription) bool { return a.Name < b.Name })
	for i := range s.Subscriptions {
		o.strings(s.Subscriptions[i].Tables)
	}
}

// secretRefPattern matches one environment reference, {{env.NAME}}.
var secretRefPattern = regexp.MustCompile(`\{\{\s*env\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}`)

// SecretRef returns the reference to the environment variable name.
func SecretRef(name string) string { return "{{env." + name + "}}" }

// IsSecretRef reports whether v is exactly one environment reference.
func IsSecretRef(v string) bool {
	m := secretRefPattern.FindStringIndex(strings.TrimSpace(v))
	return m != nil && m[0] == 0 && m[1] == len(strings.TrimSpace(v))
}

// SecretRefNames returns the names of the environment variables text
// refers to, in order of appearance.
func SecretRefNames(text string) []string {
	var out []string
	for _, m := range secretRefPattern.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	return out
}

// ReplaceSecretRefs calls repl for each reference in text, with the
// variable's name and the text before the reference, and puts its result
// in the reference's place.
func ReplaceSecretRefs(text string, repl func(name, before string) (string, error)) (string, error) {
	var b strings.Builder
	last := 0
	for _, m := range secretRefPattern.FindAllStringSubmatchIndex(text, -1) {
		b.WriteString(text[last:m[0]])
		v, err := repl(text[m[2]:m[3]], text[:m[0]])
		if err != nil {
			return "", err
		}
		b.WriteString(v)
		last = m[1]
	}
	b.WriteString(text[last:])
	return b.String(), nil
}

// MaskSecretRefs replaces every reference in text by "{{env}}", so two
// texts that differ only in the names of their secrets compare equal: the
// secrets themselves are never known to the planner.
func MaskSecretRefs(text string) string { return secretRefPattern.ReplaceAllString(text, "{{env}}") }

// DefaultSecretName is the environment variable init refers to for a
// secret it cannot write: RENOVATE_ followed by the parts, upper-cased,
// every character other than letters and digits as "_".
func DefaultSecretName(parts ...string) string {
	var b strings.Builder
	b.WriteString("RENOVATE")
	for _, p := range parts {
		b.WriteByte('_')
		for _, r := range strings.ToUpper(p) {
			if (r >= 'A' && r <= 'Z') || (r >= '0' && r <= '9') {
				b.WriteRune(r)
			} else {
				b.WriteByte('_')
			}
		}
	}
	return b.String()
}

// HiddenConnection is the Connection of a subscription whose connection
// string the connected role may not read.
func HiddenConnection(subscription string) string {
	return SecretRef(DefaultSecretName("SUBSCRIPTION", subscription, "CONNECTION"))
}
