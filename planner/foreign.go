package planner

import (
	"reflect"
	"sort"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// Foreign data and subscriptions.
//
//   - Wrappers: handler, validator and options change in place (ALTER
//     FOREIGN DATA WRAPPER); options key by key.
//   - Servers: version and options in place (ALTER SERVER ... OPTIONS (ADD
//     / SET / DROP)); a new wrapper or TYPE needs a new server, so the
//     server is dropped and created again, with its user mappings and
//     foreign tables.
//   - User mappings: options in place, key by key. Secrets (password) are
//     compared by presence only: their values are never known to renovate.
//   - Foreign tables are tables (table.go): columns, defaults, NOT NULL and
//     CHECK constraints change as a table's do; options key by key; a new
//     server recreates the table (no ALTER FOREIGN TABLE ... SERVER).
//   - Subscriptions: connection, publications and options in place
//     (ALTER SUBSCRIPTION); two_phase changes in place on PostgreSQL 18
//     and later (the subscription disabled around it), and before 18 the
//     subscription is recreated.

func optionValue(opts []state.Option, name string) string {
	for _, o := range opts {
		if o.Name == name {
			return o.Value
		}
	}
	return ""
}

// notTransactionalSubscription marks a subscription step that PostgreSQL
// refuses inside a transaction block.
func (d *differ) addOutside(ph phase, obj state.ObjectKey, a Action, sql, why string, hazards ...Hazard) {
	hazards = append(hazards, notTransactional(why))
	d.steps = append(d.steps, Step{Object: obj, Action: a, SQL: sql, Hazards: hazards, phase: ph})
}

// foreignData plans wrappers, servers and user mappings.
func (d *differ) foreignData() {
	fromW := map[string]state.ForeignDataWrapper{}
	for _, w := range d.from.ForeignDataWrappers {
		fromW[w.Name] = w
	}
	toW := map[string]bool{}
	for _, w := range d.to.ForeignDataWrappers {
		toW[w.Name] = true
		old, ok := fromW[w.Name]
		if !ok {
			d.change(w.Key(), ActionCreate, "", sqlgen.WrapperDefinition(w))
			d.add(phaseForeignData, w.Key(), ActionCreate, sqlgen.CreateWrapper(w))
			if w.Comment != "" {
				d.add(phaseComment, w.Key(), ActionAlter, sqlgen.Comment("FOREIGN DATA WRAPPER", sqlgen.QuoteIdent(w.Name), w.Comment))
			}
			continue
		}
		w.Options = sameOrder(old.Options, w.Options)
		if reflect.DeepEqual(old, w) {
			continue
		}
		d.change(w.Key(), ActionAlter, sqlgen.WrapperDefinition(old), sqlgen.WrapperDefinition(w))
		if sql := sqlgen.AlterWrapper(old, w); sql != "" {
			d.add(phaseForeignData, w.Key(), ActionAlter, sql)
		}
		if old.Comment != w.Comment {
			d.add(phaseComment, w.Key(), ActionAlter, sqlgen.Comment("FOREIGN DATA WRAPPER", sqlgen.QuoteIdent(w.Name), w.Comment))
		}
	}
	d.servers()
	for _, w := range d.from.ForeignDataWrappers {
		if !toW[w.Name] {
			d.change(w.Key(), ActionDrop, sqlgen.WrapperDefinition(w), "")
			d.add(phaseDropForeignData, w.Key(), ActionDrop, sqlgen.DropWrapper(w.Name))
		}
	}
}

// foreignPrivileges grants and revokes USAGE on wrappers and servers,
// once the steps above say which are created or recreated and the owner
// changes are planned (Diff calls it after owners).
func (d *differ) foreignPrivileges() {
	oldW := map[string]state.ForeignDataWrapper{}
	for _, w := range d.from.ForeignDataWrappers {
		oldW[w.Name] = w
	}
	for _, w := range d.to.ForeignDataWrappers {
		old, ok := oldW[w.Name]
		if d.objectPrivileges(w.Key(), d.existingPrivileges(w.Key(), ok, old.Privileges), w.Privileges) && ok {
			d.noteChange(w.Key(), sqlgen.WrapperDefinition(old), sqlgen.WrapperDefinition(w))
		}
	}
	oldS := map[string]state.ForeignServer{}
	for _, s := range d.from.Servers {
		oldS[s.Name] = s
	}
	for _, s := range d.to.Servers {
		old, ok := oldS[s.Name]
		if d.objectPrivileges(s.Key(), d.existingPrivileges(s.Key(), ok, old.Privileges), s.Privileges) && ok {
			d.noteChange(s.Key(), sqlgen.ServerDefinition(old), sqlgen.ServerDefinition(s))
		}
	}
}

// servers plans servers and their user mappings. A server is recreated
// when its wrapper or type changes (PostgreSQL has no ALTER for them).
func (d *differ) servers() {
	from := map[string]state.ForeignServer{}
	for _, s := range d.from.Servers {
		from[s.Name] = s
	}
	kept := map[string]bool{}
	var drops []state.ForeignServer
	for _, s := range d.to.Servers {
		old, ok := from[s.Name]
		if ok && (old.Wrapper != s.Wrapper || old.Type != s.Type) {
			d.change(s.Key(), ActionAlter, sqlgen.ServerDefinition(old), sqlgen.ServerDefinition(s))
			drops = append(drops, old)
			d.createServer(s, false)
			continue
		}
		if !ok {
			d.createServer(s, true)
			continue
		}
		kept[s.Name] = true
		d.alterServer(old, s)
	}
	for _, s := range d.from.Servers {
		if !kept[s.Name] && !containsServer(drops, s.Name) {
			d.change(s.Key(), ActionDrop, sqlgen.ServerDefinition(s), "")
			drops = append(drops, s)
		}
	}
	for _, s := range drops {
		for _, m := range s.UserMappings {
			d.add(phaseDropForeignData, state.MappingKey(s.Name, m.User), ActionDrop, sqlgen.DropUserMapping(s.Name, m.User))
		}
		d.add(phaseDropForeignData, s.Key(), ActionDrop, sqlgen.DropServer(s.Name))
	}
}

func containsServer(list []state.ForeignServer, name string) bool {
	for _, s := range list {
		if s.Name == name {
			return true
		}
	}
	return false
}

func (d *differ) createServer(s state.ForeignServer, change bool) {
	if change {
		d.change(s.Key(), ActionCreate, "", sqlgen.ServerDefinition(s))
	}
	d.add(phaseForeignData, s.Key(), ActionCreate, sqlgen.CreateServer(s))
	if s.Comment != "" {
		d.add(phaseComment, s.Key(), ActionAlter, sqlgen.Comment("SERVER", sqlgen.QuoteIdent(s.Name), s.Comment))
	}
	for _, m := range s.UserMappings {
		d.add(phaseForeignData, state.MappingKey(s.Name, m.User), ActionCreate, sqlgen.CreateUserMapping(s.Name, m))
	}
}

func (d *differ) alterServer(old, s state.ForeignServer) {
	s.Options = sameOrder(old.Options, s.Options)
	oldMaps := map[string]state.UserMapping{}
	for _, m := range old.UserMappings {
		oldMaps[m.User] = m
	}
	var steps int
	if sql := sqlgen.AlterServer(old, s); sql != "" {
		d.add(phaseForeignData, s.Key(), ActionAlter, sql)
		steps++
	}
	if old.Comment != s.Comment {
		d.add(phaseComment, s.Key(), ActionAlter, sqlgen.Comment("SERVER", sqlgen.QuoteIdent(s.Name), s.Comment))
		steps++
	}
	newMaps := map[string]bool{}
	for _, m := range s.UserMappings {
		newMaps[m.User] = true
		key := state.MappingKey(s.Name, m.User)
		om, ok := oldMaps[m.User]
		if !ok {
			d.add(phaseForeignData, key, ActionCreate, sqlgen.CreateUserMapping(s.Name, m))
			steps++
			continue
		}
		if opts := sqlgen.AlterOptions(maskOptions(om.Options), maskOptions(m.Options)); opts != "" {
			// Built again from the real options, so an added password
			// carries its reference.
			d.add(phaseForeignData, key, ActionAlter, sqlgen.AlterUserMapping(s.Name, m.User, alterMappingOptions(om.Options, m.Options)))
			steps++
		}
	}
	for _, m := range old.UserMappings {
		if !newMaps[m.User] {
			d.add(phaseDropForeignData, state.MappingKey(s.Name, m.User), ActionDrop, sqlgen.DropUserMapping(s.Name, m.User))
			steps++
		}
	}
	if steps > 0 {
		d.change(s.Key(), ActionAlter, sqlgen.ServerDefinition(old), sqlgen.ServerDefinition(s))
	}
}

// maskOptions replaces the secret references of options by one mark:
// secrets compare by presence only.
func maskOptions(opts []state.Option) []state.Option {
	out := make([]state.Option, len(opts))
	for i, o := range opts {
		o.Value = state.MaskSecretRefs(o.Value)
		out[i] = o
	}
	return out
}

// alterMappingOptions is AlterOptions for user mappings: a secret whose
// reference alone differs is left as it is.
func alterMappingOptions(from, to []state.Option) string {
	var adjusted []state.Option
	old := map[string]string{}
	for _, o := range from {
		old[o.Name] = o.Value
	}
	for _, o := range to {
		if v, ok := old[o.Name]; ok && state.MaskSecretRefs(v) == state.MaskSecretRefs(o.Value) {
			o.Value = v
		}
		adjusted = append(adjusted, o)
	}
	return sqlgen.AlterOptions(from, adjusted)
}

// sameOrder returns to in from's order when both hold the same options:
// options are a set to PostgreSQL, and the files keep the server's order.
func sameOrder(from, to []state.Option) []state.Option {
	if len(from) != len(to) {
		return to
	}
	a := append([]state.Option(nil), from...)
	b := append([]state.Option(nil), to...)
	less := func(x []state.Option) func(i, j int) bool {
		return func(i, j int) bool { return x[i].Name < x[j].Name }
	}
	sort.Slice(a, less(a))
	sort.Slice(b, less(b))
	if reflect.DeepEqual(a, b) {
		return from
	}
	return to
}

// foreignRecreated reports whether a table must be dropped and created
// again because it becomes or stops being a foreign table, or its server
// changes: PostgreSQL changes none of that in place.
func foreignRecreated(r, n state.Table) bool {
	if (r.Foreign == nil) != (n.Foreign == nil) {
		return true
	}
	return r.Foreign != nil && r.Foreign.Server != n.Foreign.Server
}

// adoptForeignOptionOrder gives nw old's order of the foreign table's and
// its columns' options where they are the same sets.
func adoptForeignOptionOrder(old, nw state.Table) state.Table {
	if old.Foreign == nil || nw.Foreign == nil {
		return nw
	}
	f := *nw.Foreign
	f.Options = sameOrder(old.Foreign.Options, f.Options)
	nw.Foreign = &f
	cols := append([]state.Column(nil), nw.Columns...)
	for i, c := range cols {
		if oc, ok := old.Column(c.Name); ok {
			cols[i].FDWOptions = sameOrder(oc.FDWOptions, c.FDWOptions)
		}
	}
	nw.Columns = cols
	return nw
}

// foreignTableOptions plans ALTER FOREIGN TABLE ... OPTIONS for the table
// and its kept columns, key by key.
func (d *differ) foreignTableOptions(old, nw state.Table) {
	if old.Foreign == nil || nw.Foreign == nil {
		return
	}
	q := nw.QualName()
	if opts := sqlgen.AlterOptions(old.Foreign.Options, nw.Foreign.Options); opts != "" {
		d.add(phaseAlterColumn, tableKey(q), ActionAlter, sqlgen.AlterForeignTableOptions(q, opts))
	}
	for _, c := range nw.Columns {
		oc, ok := old.Column(c.Name)
		if !ok && c.RenamedFrom != "" {
			oc, ok = old.Column(c.RenamedFrom)
		}
		if !ok {
			// A new column's options come with ADD COLUMN.
			continue
		}
		if opts := sqlgen.AlterOptions(oc.FDWOptions, c.FDWOptions); opts != "" {
			d.add(phaseAlterColumn, memberKey(state.KindColumn, q, c.Name), ActionAlter, sqlgen.AlterForeignColumnOptions(q, c.Name, opts))
		}
	}
}

// subscriptions plans CREATE / ALTER / DROP SUBSCRIPTION.
func (d *differ) subscriptions() {
	from := map[string]state.Subscription{}
	for _, s := range d.from.Subscriptions {
		from[s.Name] = s
	}
	kept := map[string]bool{}
	for _, s := range d.to.Subscriptions {
		old, ok := from[s.Name]
		if ok && old.TwoPhase != s.TwoPhase && !d.twoPhaseInPlace(old, s) {
			// two_phase is set at creation only before PostgreSQL 18;
			// from 18 on, see twoPhaseInPlace.
			d.change(s.Key(), ActionAlter, sqlgen.SubscriptionDefinition(old), sqlgen.SubscriptionDefinition(s))
			d.dropSubscription(old)
			d.createSubscription(s, false)
			kept[s.Name] = true
			continue
		}
		if !ok {
			d.createSubscription(s, true)
			continue
		}
		kept[s.Name] = true
		d.alterSubscription(old, s)
	}
	for _, s := range d.from.Subscriptions {
		if !kept[s.Name] {
			d.change(s.Key(), ActionDrop, sqlgen.SubscriptionDefinition(s), "")
			d.dropSubscription(s)
		}
	}
}

// twoPhaseInPlace reports whether the change of two_phase between old and
// s can be made by ALTER SUBSCRIPTION ... SET (two_phase = ...), which
// PostgreSQL 18 allows on a disabled subscription (alterSubscription
// disables it around the change). Turning two_phase off needs the
// subscription's slot (the server alters it on the publisher), so a
// subscription without one (slot_name = NONE) is recreated, as on older
// servers and when the server's version is unknown.
func (d *differ) twoPhaseInPlace(old, s state.Subscription) bool {
	if d.opts.ServerVersion < 180000 {
		return false
	}
	return s.TwoPhase || (old.SlotName != "" && s.SlotName != "")
}

func (d *differ) createSubscription(s state.Subscription, change bool) {
	if change {
		d.change(s.Key(), ActionCreate, "", sqlgen.SubscriptionDefinition(s))
	}
	d.addOutside(phaseSubscription, s.Key(), ActionCreate, sqlgen.CreateSubscription(s),
		"CREATE SUBSCRIPTION that creates a replication slot cannot run in a transaction block", replicationCreate(s))
	if s.Comment != "" {
		d.addOutside(phaseSubscription, s.Key(), ActionAlter, sqlgen.Comment("SUBSCRIPTION", sqlgen.QuoteIdent(s.Name), s.Comment),
			"it follows a step on the same object that runs outside the transaction")
	}
}

func (d *differ) dropSubscription(s state.Subscription) {
	d.addOutside(phaseSubscription, s.Key(), ActionDrop, sqlgen.DropSubscription(s.Name),
		"DROP SUBSCRIPTION that drops a replication slot cannot run in a transaction block", replicationDrop(s))
}

// alterSubscription plans the in-place changes of a subscription. Steps
// run outside the transaction, in order, because SET PUBLICATION and
// REFRESH PUBLICATION must.
func (d *differ) alterSubscription(old, s state.Subscription) {
	key := s.Key()
	var steps int
	outside := func(sql string, hz ...Hazard) {
		d.addOutside(phaseSubscription, key, ActionAlter, sql, "ALTER SUBSCRIPTION steps run in order with its refresh, which cannot run in a transaction block", hz...)
		steps++
	}
	hidden := old.Connection == state.HiddenConnection(old.Name)
	if !hidden && state.MaskSecretRefs(old.Connection) != state.MaskSecretRefs(s.Connection) {
		outside(sqlgen.SubscriptionConnection(s))
	}
	twoPhase := old.TwoPhase != s.TwoPhase // in place: subscriptions checked twoPhaseInPlace
	o := old
	o.TwoPhase = s.TwoPhase
	if sql := sqlgen.AlterSubscriptionOptions(o, s); sql != "" {
		outside(sql)
	}
	// Disable before changing what is replicated, enable after.
	if old.Enabled && (!s.Enabled || twoPhase) {
		outside(sqlgen.EnableSubscription(s.Name, false))
	}
	if twoPhase {
		// PostgreSQL 18 changes two_phase of a disabled subscription
		// only; turning it off alters the slot on the publisher.
		var hz []Hazard
		if !s.TwoPhase {
			hz = append(hz, NewHazard(DisablesTwoPhase, s.Name, s.SlotName))
		}
		outside(sqlgen.SubscriptionTwoPhase(s), hz...)
		if old.Enabled && s.Enabled {
			// Enabled again at once: SET PUBLICATION with its refresh
			// below needs an enabled subscription.
			outside(sqlgen.EnableSubscription(s.Name, true))
		}
	}
	refreshed := false
	if !reflect.DeepEqual(old.Publications, s.Publications) {
		if s.Enabled {
			outside(sqlgen.SetSubscriptionPublication(s, true), replicationRefresh(s, "its publications change"))
			refreshed = true
		} else {
			outside(sqlgen.SetSubscriptionPublication(s, false))
		}
	}
	if !old.Enabled && s.Enabled {
		outside(sqlgen.EnableSubscription(s.Name, true))
	}
	if !refreshed && s.Enabled && s.Tables != nil && !sameStrings(old.Tables, s.Tables) {
		outside(sqlgen.RefreshSubscription(s.Name), replicationRefresh(s, "the tables its publications declare differ from those it replicates"))
	}
	if old.Comment != s.Comment {
		outside(sqlgen.Comment("SUBSCRIPTION", sqlgen.QuoteIdent(s.Name), s.Comment))
	}
	if steps > 0 {
		d.change(key, ActionAlter, sqlgen.SubscriptionDefinition(old), sqlgen.SubscriptionDefinition(s))
	}
}

// sameStrings compares two sorted lists, nil and empty alike.
func sameStrings(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// replicationCreate is the hazard of creating subscription s: what
// happens to its replication slot on the publisher, and whether rows are
// copied.
func replicationCreate(s state.Subscription) Hazard {
	copies := optionValue(s.CreateOptions, "copy_data") != "false" && optionValue(s.CreateOptions, "connect") != "false"
	switch {
	case optionValue(s.CreateOptions, "connect") == "false":
		return NewHazard(CreatesSubscriptionUnconnected, s.Name)
	case s.SlotName == "":
		return NewHazard(CreatesSubscriptionNoSlot, s.Name)
	case optionValue(s.CreateOptions, "create_slot") == "false" && copies:
		return NewHazard(CreatesSubscriptionCopying, s.Name, s.SlotName)
	case optionValue(s.CreateOptions, "create_slot") == "false":
		return NewHazard(CreatesSubscriptionOnSlot, s.Name, s.SlotName)
	case copies:
		return NewHazard(CreatesSlotCopying, s.Name, s.SlotName)
	}
	return NewHazard(CreatesSubscriptionSlot, s.Name, s.SlotName)
}

func replicationDrop(s state.Subscription) Hazard {
	if s.SlotName == "" {
		return NewHazard(DropsSubscriptionNoSlot, s.Name)
	}
	return NewHazard(DropsSubscription, s.Name, s.SlotName)
}

func replicationRefresh(s state.Subscription, why string) Hazard {
	return NewHazard(RefreshesSubscription, s.Name, why)
}

// ReplicationRefresh is the hazard of ALTER SUBSCRIPTION ... REFRESH
// PUBLICATION (or SET PUBLICATION with its refresh); why says what made
// the refresh necessary. The replication-aware ordering of a publisher
// and its subscribers adds such refreshes itself.
func ReplicationRefresh(s state.Subscription, why string) Hazard {
	return replicationRefresh(s, why)
}
