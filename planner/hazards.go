package planner

import (
	"fmt"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// Hazard kinds about what a reviewer cannot see in a step's object alone:
// access control that gets weaker, and statements renovate cannot
// classify. Their messages, and those of column type changes
// (typeconv.go), are built here and only here, so the planner and the
// plan-file reader (planfile) say the same thing about the same step.
const (
	// HazardSecurity: the step removes or weakens access control: row
	// level security disabled or no longer forced, a policy dropped or
	// changed, a privilege revoked, a trigger dropped or disabled (triggers
	// often enforce audit or integrity rules). It blocks nothing by itself;
	// `plan --fail-on-hazard security` makes CI stop on it.
	HazardSecurity HazardKind = "security"
	// HazardUnclassified: a statement of a saved plan that renovate did
	// not write and cannot classify (a DO block, a CALL, a SELECT, an
	// UPDATE of a table that is not a data table, ...): what it does is
	// unknown, so apply refuses it unless --allow-unclassified is given.
	HazardUnclassified HazardKind = "unclassified"
)

// Security hazards, one constructor per kind of weakening.

// SecurityRowSecurityOff is the hazard of DISABLE ROW LEVEL SECURITY.
func SecurityRowSecurityOff(table string) Hazard {
	return Hazard{HazardSecurity, fmt.Sprintf("Disables row level security on %s: every role with a privilege on the table sees and changes every row, whatever its policies say.", table)}
}

// SecurityNoForce is the hazard of NO FORCE ROW LEVEL SECURITY.
func SecurityNoForce(table string) Hazard {
	return Hazard{HazardSecurity, fmt.Sprintf("Stops forcing row level security on %s: the table's owner is no longer subject to its policies.", table)}
}

// SecurityDropPolicy is the hazard of dropping a policy for good.
func SecurityDropPolicy(policy, table string) Hazard {
	return Hazard{HazardSecurity, fmt.Sprintf("Drops policy %s on %s: the rows it allowed or restricted are governed by the remaining policies (none left denies everyone but the owner, a permissive one gone may hide rows, a restrictive one gone shows more).", policy, table)}
}

// SecurityChangePolicy is the hazard of changing a policy (ALTER POLICY,
// or drop and create with another command or permissiveness).
func SecurityChangePolicy(policy, table string) Hazard {
	return Hazard{HazardSecurity, fmt.Sprintf("Changes policy %s on %s: review which roles and rows it lets through now.", policy, table)}
}

// SecurityRevoke is the hazard of a REVOKE on an existing object (or of
// default privileges).
func SecurityRevoke(stmt string) Hazard {
	return Hazard{HazardSecurity, fmt.Sprintf("Revokes privileges (%s): roles or applications relying on them lose that access.", firstLine(stmt))}
}

// SecurityDropTrigger is the hazard of dropping a trigger for good.
func SecurityDropTrigger(trigger, table string) Hazard {
	on := ""
	if table != "" {
		on = " on " + table
	}
	return Hazard{HazardSecurity, fmt.Sprintf("Drops trigger %s%s: whatever it enforced or recorded (audit, integrity, permissions) stops.", trigger, on)}
}

// SecurityDisableTrigger is the hazard of disabling a trigger (or making
// it fire only for replication, which ordinary sessions never are).
func SecurityDisableTrigger(trigger, table string) Hazard {
	on := ""
	if table != "" {
		on = " on " + table
	}
	return Hazard{HazardSecurity, fmt.Sprintf("Disables trigger %s%s for ordinary sessions: whatever it enforced or recorded stops.", trigger, on)}
}

// UnclassifiedStatement is the hazard of a statement renovate cannot
// classify; what names the statement ("DO block", "UPDATE of public.t").
func UnclassifiedStatement(what string) Hazard {
	return Hazard{HazardUnclassified, fmt.Sprintf("%s: renovate did not write this statement and cannot tell what it changes; apply runs it only with --allow-unclassified.", what)}
}

// HandWrittenDataChange is the data-loss hazard of an UPDATE, DELETE,
// TRUNCATE or DROP written into a plan by hand.
func HandWrittenDataChange(what string) Hazard {
	return Hazard{HazardDeletesData, fmt.Sprintf("%s changes or deletes stored data.", what)}
}

// typeChangeHazard is the hazard of a classified type change of column
// q.col, declared with the other messages; ok is false for a lossless change.
func typeChangeHazard(q state.QualName, col, old, nw string, c TypeChange) (Hazard, bool) {
	switch c.Conversion {
	case ConversionLossy:
		return Hazard{HazardDeletesData, fmt.Sprintf("Changing %s.%s from %s to %s can lose data without an error: %s.", q, col, old, nw, c.Why)}, true
	case ConversionMayFail:
		return Hazard{HazardCastMayFail, fmt.Sprintf("Changing %s.%s from %s to %s converts every value: %s (and the apply with it; nothing is changed).", q, col, old, nw, c.Why)}, true
	}
	return Hazard{}, false
}

func firstLine(s string) string {
	s = strings.TrimSpace(s)
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		s = s[:i] + " ..."
	}
	return strings.TrimSuffix(s, ";")
}

// securityHazards adds HazardSecurity to the steps that weaken access
// control (see HazardSecurity). A step on an object this plan creates
// weakens nothing that existed (REVOKE ... FROM PUBLIC on a new
// function), and a policy or trigger dropped to be created again in the
// same transaction is a change, not a removal.
func (d *differ) securityHazards() {
	created := map[state.ObjectKey]bool{}
	for _, s := range d.steps {
		if s.Action == ActionCreate {
			created[s.Object] = true
		}
	}
	for i := range d.steps {
		s := &d.steps[i]
		if h, ok := securityHazard(*s, created); ok && !s.HasHazard(HazardSecurity) {
			s.Hazards = append(s.Hazards, h)
		}
	}
}

// securityHazard classifies one planned step by its object, action and
// SQL (as sqlgen prints it).
func securityHazard(s Step, created map[state.ObjectKey]bool) (Hazard, bool) {
	sql := strings.TrimSpace(s.SQL)
	table := ""
	if s.Object.Table != "" {
		table = state.QualName{Schema: s.Object.Schema, Name: s.Object.Table}.String()
	}
	switch {
	case s.Object.Kind == state.KindPolicy && s.Action == ActionDrop:
		if created[s.Object] {
			return SecurityChangePolicy(s.Object.Name, table), true
		}
		return SecurityDropPolicy(s.Object.Name, table), true
	case s.Object.Kind == state.KindPolicy && strings.HasPrefix(sql, "ALTER POLICY "):
		return SecurityChangePolicy(s.Object.Name, table), true
	case (s.Object.Kind == state.KindTrigger || s.Object.Kind == state.KindEventTrigger) && s.Action == ActionDrop:
		if created[s.Object] {
			return Hazard{}, false
		}
		return SecurityDropTrigger(s.Object.Name, table), true
	case s.Object.Kind == state.KindTrigger && strings.HasPrefix(sql, "ALTER TABLE ") &&
		(strings.Contains(sql, " DISABLE TRIGGER ") || strings.Contains(sql, " ENABLE REPLICA TRIGGER ")):
		if created[s.Object] {
			return Hazard{}, false
		}
		return SecurityDisableTrigger(s.Object.Name, table), true
	case s.Object.Kind == state.KindEventTrigger && strings.HasPrefix(sql, "ALTER EVENT TRIGGER ") &&
		(strings.HasSuffix(sql, " DISABLE;") || strings.HasSuffix(sql, " ENABLE REPLICA;")):
		if created[s.Object] {
			return Hazard{}, false
		}
		return SecurityDisableTrigger(s.Object.Name, ""), true
	case strings.HasPrefix(sql, "ALTER TABLE ") && strings.HasSuffix(sql, " DISABLE ROW LEVEL SECURITY;"):
		return SecurityRowSecurityOff(s.Object.QualifiedName()), true
	case strings.HasPrefix(sql, "ALTER TABLE ") && strings.HasSuffix(sql, " NO FORCE ROW LEVEL SECURITY;"):
		return SecurityNoForce(s.Object.QualifiedName()), true
	case strings.HasPrefix(sql, "REVOKE ") || (strings.HasPrefix(sql, "ALTER DEFAULT PRIVILEGES") && strings.Contains(sql, " REVOKE ")):
		if created[s.Object] {
			return Hazard{}, false
		}
		return SecurityRevoke(sql), true
	}
	return Hazard{}, false
}

// HazardReplication: the step creates, drops or refreshes a logical
// replication subscription: it acts on the publisher too (a replication
// slot is created or dropped there) or copies rows from it. The messages
// say what happens to the slot on the publisher.
const HazardReplication HazardKind = "replication"

// Replication hazards, one constructor per situation.

// ReplicationStatement is the hazard of a subscription statement of a
// saved plan, whose effect on the publisher renovate reads from its SQL
// alone.
func ReplicationStatement(what string) Hazard {
	return Hazard{HazardReplication, what + " acts on the publisher (its replication slot) or copies rows from it."}
}

func replicationCreate(s state.Subscription) Hazard {
	slot := "no replication slot is created (slot_name = NONE): it must exist on the publisher before the subscription is enabled"
	switch {
	case s.SlotName != "" && optionValue(s.CreateOptions, "create_slot") == "false":
		slot = fmt.Sprintf("it uses the existing replication slot %s on the publisher (create_slot = false)", s.SlotName)
	case s.SlotName != "":
		slot = fmt.Sprintf("it creates the replication slot %s on the publisher, which keeps WAL there until the subscription consumes it", s.SlotName)
	}
	msg := fmt.Sprintf("Creating subscription %s connects to the publisher; %s", s.Name, slot)
	if optionValue(s.CreateOptions, "copy_data") != "false" && s.SlotName != "" && optionValue(s.CreateOptions, "connect") != "false" {
		msg += "; the rows already in the published tables are copied into the local tables"
	}
	return Hazard{HazardReplication, msg + "."}
}

func replicationDrop(s state.Subscription) Hazard {
	if s.SlotName == "" {
		return Hazard{HazardReplication, fmt.Sprintf("Dropping subscription %s stops replication; it has no replication slot (slot_name = NONE), so nothing is dropped on the publisher.", s.Name)}
	}
	return Hazard{HazardReplication, fmt.Sprintf("Dropping subscription %s stops replication and connects to the publisher to drop its replication slot %s; if the publisher cannot be reached the drop fails (disable it and set slot_name = NONE first to keep the slot).", s.Name, s.SlotName)}
}

// ReplicationRefresh is the hazard of ALTER SUBSCRIPTION ... REFRESH
// PUBLICATION (or SET PUBLICATION with its refresh); why says what made
// the refresh necessary.
func ReplicationRefresh(s state.Subscription, why string) Hazard {
	return replicationRefresh(s, why)
}

func replicationRefresh(s state.Subscription, why string) Hazard {
	return Hazard{HazardReplication, fmt.Sprintf("Refreshing subscription %s (%s) starts replicating the tables newly published to it and copies their existing rows from the publisher (copy_data); tables no longer published stop replicating.", s.Name, why)}
}
