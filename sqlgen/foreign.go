package sqlgen

import (
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// TableWord is "FOREIGN TABLE" for a foreign table and "TABLE" otherwise:
// CREATE, DROP and COMMENT ON need the right word.
func TableWord(t state.Table) string {
	if t.Foreign != nil {
		return "FOREIGN TABLE"
	}
	return "TABLE"
}

// OptionsClause prints " OPTIONS (name 'value', ...)", or "" for none.
func OptionsClause(opts []state.Option) string {
	if len(opts) == 0 {
		return ""
	}
	parts := make([]string, len(opts))
	for i, o := range opts {
		parts[i] = QuoteIdent(o.Name) + " " + QuoteLiteral(o.Value)
	}
	return " OPTIONS (" + strings.Join(parts, ", ") + ")"
}

// AlterOptions prints the OPTIONS (ADD / SET / DROP ...) clause that turns
// options from into to, key by key, or "" when they are the same set.
func AlterOptions(from, to []state.Option) string {
	old := map[string]string{}
	for _, o := range from {
		old[o.Name] = o.Value
	}
	nw := map[string]bool{}
	var parts []string
	for _, o := range to {
		nw[o.Name] = true
		v, ok := old[o.Name]
		switch {
		case !ok:
			parts = append(parts, "ADD "+QuoteIdent(o.Name)+" "+QuoteLiteral(o.Value))
		case v != o.Value:
			parts = append(parts, "SET "+QuoteIdent(o.Name)+" "+QuoteLiteral(o.Value))
		}
	}
	for _, o := range from {
		if !nw[o.Name] {
			parts = append(parts, "DROP "+QuoteIdent(o.Name))
		}
	}
	if len(parts) == 0 {
		return ""
	}
	return " OPTIONS (" + strings.Join(parts, ", ") + ")"
}

// ForeignDataPath-free printing: the foreign data file holds wrappers,
// then servers with their user mappings.

// ForeignDataDefinition prints the file of foreign-data wrappers and
// servers (with their user mappings), in name order.
func ForeignDataDefinition(ws []state.ForeignDataWrapper, ss []state.ForeignServer) string {
	var parts []string
	for _, w := range ws {
		parts = append(parts, WrapperDefinition(w))
	}
	for _, s := range ss {
		parts = append(parts, ServerDefinition(s))
	}
	return strings.Join(parts, "\n")
}

// WrapperDefinition prints CREATE FOREIGN DATA WRAPPER and its comment.
func WrapperDefinition(w state.ForeignDataWrapper) string {
	var b strings.Builder
	b.WriteString(CreateWrapper(w))
	writeComment(&b, "FOREIGN DATA WRAPPER", QuoteIdent(w.Name), w.Comment)
	b.WriteString(PrivilegesDefinition(w.Key(), w.Privileges))
	return b.String()
}

// CreateWrapper prints CREATE FOREIGN DATA WRAPPER.
func CreateWrapper(w state.ForeignDataWrapper) string {
	return "CREATE FOREIGN DATA WRAPPER " + QuoteIdent(w.Name) + wrapperFunctions(w, false) + OptionsClause(w.Options) + ";\n"
}

// wrapperFunctions prints HANDLER / VALIDATOR; with alter, NO HANDLER /
// NO VALIDATOR for none.
func wrapperFunctions(w state.ForeignDataWrapper, alter bool) string {
	s := ""
	switch {
	case w.Handler != "":
		s += " HANDLER " + w.Handler
	case alter:
		s += " NO HANDLER"
	}
	switch {
	case w.Validator != "":
		s += " VALIDATOR " + w.Validator
	case alter:
		s += " NO VALIDATOR"
	}
	return s
}

// AlterWrapper prints ALTER FOREIGN DATA WRAPPER for the handler,
// validator and options that differ, or "".
func AlterWrapper(from, to state.ForeignDataWrapper) string {
	s := ""
	if from.Handler != to.Handler || from.Validator != to.Validator {
		s += wrapperFunctions(to, true)
	}
	s += AlterOptions(from.Options, to.Options)
	if s == "" {
		return ""
	}
	return "ALTER FOREIGN DATA WRAPPER " + QuoteIdent(to.Name) + s + ";\n"
}

// DropWrapper prints DROP FOREIGN DATA WRAPPER.
func DropWrapper(name string) string { return "DROP FOREIGN DATA WRAPPER " + QuoteIdent(name) + ";\n" }

// ServerDefinition prints CREATE SERVER, its comment and its user
// mappings.
func ServerDefinition(s state.ForeignServer) string {
	var b strings.Builder
	b.WriteString(CreateServer(s))
	writeComment(&b, "SERVER", QuoteIdent(s.Name), s.Comment)
	b.WriteString(PrivilegesDefinition(s.Key(), s.Privileges))
	for _, m := range s.UserMappings {
		b.WriteString(CreateUserMapping(s.Name, m))
	}
	return b.String()
}

// CreateServer prints CREATE SERVER.
func CreateServer(s state.ForeignServer) string {
	var b strings.Builder
	b.WriteString("CREATE SERVER " + QuoteIdent(s.Name))
	if s.Type != "" {
		b.WriteString(" TYPE " + QuoteLiteral(s.Type))
	}
	if s.Version != "" {
		b.WriteString(" VERSION " + QuoteLiteral(s.Version))
	}
	b.WriteString(" FOREIGN DATA WRAPPER " + QuoteIdent(s.Wrapper) + OptionsClause(s.Options) + ";\n")
	return b.String()
}

// AlterServer prints ALTER SERVER for the version and options that
// differ, or "".
func AlterServer(from, to state.ForeignServer) string {
	s := ""
	if from.Version != to.Version {
		if to.Version == "" {
			s += " VERSION NULL"
		} else {
			s += " VERSION " + QuoteLiteral(to.Version)
		}
	}
	s += AlterOptions(from.Options, to.Options)
	if s == "" {
		return ""
	}
	return "ALTER SERVER " + QuoteIdent(to.Name) + s + ";\n"
}

// DropServer prints DROP SERVER.
func DropServer(name string) string { return "DROP SERVER " + QuoteIdent(name) + ";\n" }

// mappingRole prints the role of a user mapping.
func mappingRole(user string) string {
	if user == "public" {
		return "PUBLIC"
	}
	return QuoteIdent(user)
}

// CreateUserMapping prints CREATE USER MAPPING.
func CreateUserMapping(server string, m state.UserMapping) string {
	return "CREATE USER MAPPING FOR " + mappingRole(m.User) + " SERVER " + QuoteIdent(server) + OptionsClause(m.Options) + ";\n"
}

// AlterUserMapping prints ALTER USER MAPPING ... OPTIONS (...).
func AlterUserMapping(server, user, options string) string {
	return "ALTER USER MAPPING FOR " + mappingRole(user) + " SERVER " + QuoteIdent(server) + options + ";\n"
}

// DropUserMapping prints DROP USER MAPPING.
func DropUserMapping(server, user string) string {
	return "DROP USER MAPPING FOR " + mappingRole(user) + " SERVER " + QuoteIdent(server) + ";\n"
}

// SubscriptionsDefinition prints the subscriptions file.
func SubscriptionsDefinition(subs []state.Subscription) string {
	var parts []string
	for _, s := range subs {
		parts = append(parts, SubscriptionDefinition(s))
	}
	return strings.Join(parts, "\n")
}

// SubscriptionDefinition prints CREATE SUBSCRIPTION and its comment.
func SubscriptionDefinition(s state.Subscription) string {
	var b strings.Builder
	b.WriteString(CreateSubscription(s))
	writeComment(&b, "SUBSCRIPTION", QuoteIdent(s.Name), s.Comment)
	return b.String()
}

// subscriptionOptions lists the options of s that differ from
// PostgreSQL's defaults, as name = value.
func subscriptionOptions(s state.Subscription) []string {
	d := state.DefaultSubscription(s.Name)
	var out []string
	for _, o := range s.CreateOptions {
		out = append(out, o.Name+" = "+o.Value)
		if o.Name == "connect" && o.Value == "false" {
			d.Enabled = false // connect = false says it
		}
	}
	if s.SlotName != d.SlotName {
		out = append(out, "slot_name = "+slotName(s.SlotName))
	}
	if s.StreamingImplied {
		d.Streaming = s.Streaming // the files leave it to the server's default
	}
	return append(out, changedSubscriptionOptions(d, s)...)
}

func slotName(n string) string {
	if n == "" {
		return "NONE"
	}
	return QuoteLiteral(n)
}

func boolWord(b bool) string {
	if b {
		return "true"
	}
	return "false"
}

// changedSubscriptionOptions lists the options ALTER SUBSCRIPTION ... SET
// (...) can change (and enabled and two_phase, which only CREATE sets)
// whose values differ between from and to, as name = value.
func changedSubscriptionOptions(from, to state.Subscription) []string {
	var out []string
	if from.Enabled != to.Enabled {
		out = append(out, "enabled = "+boolWord(to.Enabled))
	}
	if from.SyncCommit != to.SyncCommit {
		out = append(out, "synchronous_commit = "+QuoteLiteral(to.SyncCommit))
	}
	if from.Binary != to.Binary {
		out = append(out, "binary = "+boolWord(to.Binary))
	}
	if from.Streaming != to.Streaming {
		out = append(out, "streaming = "+QuoteLiteral(to.Streaming))
	}
	if from.TwoPhase != to.TwoPhase {
		out = append(out, "two_phase = "+boolWord(to.TwoPhase))
	}
	if from.DisableOnError != to.DisableOnError {
		out = append(out, "disable_on_error = "+boolWord(to.DisableOnError))
	}
	if from.Origin != to.Origin {
		out = append(out, "origin = "+QuoteLiteral(to.Origin))
	}
	if from.PasswordRequired != to.PasswordRequired {
		out = append(out, "password_required = "+boolWord(to.PasswordRequired))
	}
	if from.RunAsOwner != to.RunAsOwner {
		out = append(out, "run_as_owner = "+boolWord(to.RunAsOwner))
	}
	if from.Failover != to.Failover {
		out = append(out, "failover = "+boolWord(to.Failover))
	}
	return out
}

// CreateSubscription prints CREATE SUBSCRIPTION. The connection string is
// written as it is held: its password is a {{env.NAME}} reference that
// only apply resolves.
func CreateSubscription(s state.Subscription) string {
	var b strings.Builder
	b.WriteString("CREATE SUBSCRIPTION " + QuoteIdent(s.Name) + "\n    CONNECTION " + QuoteLiteral(s.Connection) +
		"\n    PUBLICATION " + identList(s.Publications))
	if opts := subscriptionOptions(s); len(opts) > 0 {
		b.WriteString("\n    WITH (" + strings.Join(opts, ", ") + ")")
	}
	b.WriteString(";\n")
	return b.String()
}

func identList(names []string) string {
	q := make([]string, len(names))
	for i, n := range names {
		q[i] = QuoteIdent(n)
	}
	return strings.Join(q, ", ")
}

// AlterSubscriptionOptions prints ALTER SUBSCRIPTION ... SET (...) for
// the settable options that differ (not enabled: see
// EnableSubscription), or "".
func AlterSubscriptionOptions(from, to state.Subscription) string {
	f := from
	f.Enabled = to.Enabled
	opts := changedSubscriptionOptions(f, to)
	if from.SlotName != to.SlotName {
		opts = append([]string{"slot_name = " + slotName(to.SlotName)}, opts...)
	}
	if len(opts) == 0 {
		return ""
	}
	return "ALTER SUBSCRIPTION " + QuoteIdent(to.Name) + " SET (" + strings.Join(opts, ", ") + ");\n"
}

// SubscriptionTwoPhase prints ALTER SUBSCRIPTION ... SET (two_phase =
// ...), which PostgreSQL 18 and later run on a disabled subscription.
func SubscriptionTwoPhase(s state.Subscription) string {
	return "ALTER SUBSCRIPTION " + QuoteIdent(s.Name) + " SET (two_phase = " + boolWord(s.TwoPhase) + ");\n"
}

// EnableSubscription prints ALTER SUBSCRIPTION ... ENABLE or DISABLE.
func EnableSubscription(name string, enabled bool) string {
	w := "DISABLE"
	if enabled {
		w = "ENABLE"
	}
	return "ALTER SUBSCRIPTION " + QuoteIdent(name) + " " + w + ";\n"
}

// SubscriptionConnection prints ALTER SUBSCRIPTION ... CONNECTION.
func SubscriptionConnection(s state.Subscription) string {
	return "ALTER SUBSCRIPTION " + QuoteIdent(s.Name) + " CONNECTION " + QuoteLiteral(s.Connection) + ";\n"
}

// SetSubscriptionPublication prints ALTER SUBSCRIPTION ... SET
// PUBLICATION; refresh says whether the subscription fetches the new
// table list (and copies the new tables' rows) at once.
func SetSubscriptionPublication(s state.Subscription, refresh bool) string {
	return "ALTER SUBSCRIPTION " + QuoteIdent(s.Name) + " SET PUBLICATION " + identList(s.Publications) +
		" WITH (refresh = " + boolWord(refresh) + ");\n"
}

// RefreshSubscription prints ALTER SUBSCRIPTION ... REFRESH PUBLICATION.
func RefreshSubscription(name string) string {
	return "ALTER SUBSCRIPTION " + QuoteIdent(name) + " REFRESH PUBLICATION;\n"
}

// DropSubscription prints DROP SUBSCRIPTION.
func DropSubscription(name string) string { return "DROP SUBSCRIPTION " + QuoteIdent(name) + ";\n" }

// DetachSubscriptionSlot prints the statements that make DROP
// SUBSCRIPTION leave the publisher's slot alone: disable, then slot_name
// = NONE.
func DetachSubscriptionSlot(name string) string {
	return "ALTER SUBSCRIPTION " + QuoteIdent(name) + " DISABLE;\n" +
		"ALTER SUBSCRIPTION " + QuoteIdent(name) + " SET (slot_name = NONE);\n"
}

// DropForeignTable prints DROP FOREIGN TABLE.
func DropForeignTable(q state.QualName) string { return "DROP FOREIGN TABLE " + Qual(q) + ";\n" }

// AlterForeignTableOptions prints ALTER FOREIGN TABLE ... OPTIONS (...).
func AlterForeignTableOptions(q state.QualName, options string) string {
	return "ALTER FOREIGN TABLE " + Qual(q) + options + ";\n"
}

// AlterForeignColumnOptions prints ALTER FOREIGN TABLE ... ALTER COLUMN
// ... OPTIONS (...).
func AlterForeignColumnOptions(q state.QualName, column, options string) string {
	return "ALTER FOREIGN TABLE " + Qual(q) + " ALTER COLUMN " + QuoteIdent(column) + options + ";\n"
}
