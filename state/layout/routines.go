package layout

import (
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// EventTriggersPath is the file of the database's event triggers.
const EventTriggersPath = "event_triggers.sql"

// FunctionPath is the file holding every function (or, for a procedure,
// every procedure) of f's name in its schema.
func FunctionPath(f state.Function) string {
	dir := "functions"
	if f.Procedure {
		dir = "procedures"
	}
	return ObjectPath(f.Schema, dir, f.Name)
}

// TriggerPath is the file of trigger name on relation table:
// <schema>/triggers/<table>.<trigger>.sql. FileName escapes '.', so the
// separator is unambiguous. When the two names do not fit in one file
// name, each is shortened to half of it.
func TriggerPath(table state.QualName, name string) string {
	base := FileName(table.Name) + "." + FileName(name) + ".sql"
	if len(base) > MaxFileName {
		half := (MaxFileName - len("..sql")) / 2
		base = fileName(table.Name, half) + "." + fileName(name, half) + ".sql"
	}
	return FileName(table.Schema) + "/triggers/" + base
}

// routineFiles adds the files of functions, procedures, triggers and
// event triggers to out.
func routineFiles(s state.DatabaseSchema, out map[string]string) {
	byFile := map[string][]state.Function{}
	var paths []string
	for _, f := range s.Functions {
		p := FunctionPath(f)
		if _, ok := byFile[p]; !ok {
			paths = append(paths, p)
		}
		byFile[p] = append(byFile[p], f)
	}
	for _, p := range paths {
		out[p] = sqlgen.FunctionsFile(byFile[p])
	}
	for _, t := range s.Tables {
		for _, tr := range t.Triggers {
			out[TriggerPath(t.QualName(), tr.Name)] = sqlgen.TriggerDefinition(t.QualName(), tr)
		}
	}
	for _, v := range s.Views {
		for _, tr := range v.Triggers {
			out[TriggerPath(v.QualName(), tr.Name)] = sqlgen.TriggerDefinition(v.QualName(), tr)
		}
	}
	if len(s.EventTriggers) > 0 {
		out[EventTriggersPath] = sqlgen.EventTriggersFile(s.EventTriggers)
	}
}

// isRoutinePath reports whether p is a path routineFiles could produce.
func isRoutinePath(p string) bool {
	if p == EventTriggersPath {
		return true
	}
	parts := strings.Split(p, "/")
	if len(parts) != 3 || !strings.HasSuffix(parts[2], ".sql") {
		return false
	}
	switch parts[1] {
	case "functions", "procedures":
		return true
	case "triggers":
		return strings.Count(strings.TrimSuffix(parts[2], ".sql"), ".") == 1
	}
	return false
}
