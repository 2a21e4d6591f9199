package planner

import (
	"strings"

	"github.com/renovate-pg/renovate/state"
)

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
			return NewHazard(ChangesPolicy, s.Object.Name, table), true
		}
		return NewHazard(DropsPolicy, s.Object.Name, table), true
	case s.Object.Kind == state.KindPolicy && strings.HasPrefix(sql, "ALTER POLICY "):
		return NewHazard(ChangesPolicy, s.Object.Name, table), true
	case (s.Object.Kind == state.KindTrigger || s.Object.Kind == state.KindEventTrigger) && s.Action == ActionDrop:
		if created[s.Object] {
			return Hazard{}, false
		}
		if table == "" {
			return NewHazard(DropsEventTrigger, s.Object.Name), true
		}
		return NewHazard(DropsTrigger, s.Object.Name, table), true
	case s.Object.Kind == state.KindTrigger && strings.HasPrefix(sql, "ALTER TABLE ") &&
		(strings.Contains(sql, " DISABLE TRIGGER ") || strings.Contains(sql, " ENABLE REPLICA TRIGGER ")):
		if created[s.Object] {
			return Hazard{}, false
		}
		return NewHazard(DisablesTrigger, s.Object.Name, table), true
	case s.Object.Kind == state.KindEventTrigger && strings.HasPrefix(sql, "ALTER EVENT TRIGGER ") &&
		(strings.HasSuffix(sql, " DISABLE;") || strings.HasSuffix(sql, " ENABLE REPLICA;")):
		if created[s.Object] {
			return Hazard{}, false
		}
		return NewHazard(DisablesEventTrigger, s.Object.Name), true
	case strings.HasPrefix(sql, "ALTER TABLE ") && strings.HasSuffix(sql, " DISABLE ROW LEVEL SECURITY;"):
		return NewHazard(DisablesRowSecurity, s.Object.QualifiedName()), true
	case strings.HasPrefix(sql, "ALTER TABLE ") && strings.HasSuffix(sql, " NO FORCE ROW LEVEL SECURITY;"):
		return NewHazard(StopsForcingRowSecurity, s.Object.QualifiedName()), true
	case strings.HasPrefix(sql, "REVOKE ") || (strings.HasPrefix(sql, "ALTER DEFAULT PRIVILEGES") && strings.Contains(sql, " REVOKE ")):
		if created[s.Object] {
			return Hazard{}, false
		}
		return NewHazard(RevokesPrivileges, sql), true
	}
	return Hazard{}, false
}
