package planner

import (
	"fmt"
	"sort"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// UnsupportedChangeError is returned for a difference the planner cannot
// turn into SQL yet. The message says what and why.
type UnsupportedChangeError struct {
	Object state.ObjectKey
	Reason string
}

func (e *UnsupportedChangeError) Error() string {
	return fmt.Sprintf("cannot plan change to %s: %s", e.Object, e.Reason)
}

// Diff plans the changes that turn the database described by current into
// the one described by desired. Both must be Normalize()d models from the
// parser.
func Diff(current, desired state.DatabaseSchema) (*Plan, error) {
	return DiffWithOptions(current, desired, Options{})
}

// DiffWithOptions is Diff with the options of options.go (online DDL,
// data migrations, INVALID index cleanup).
func DiffWithOptions(current, desired state.DatabaseSchema, opts Options) (*Plan, error) {
	d := &differ{from: current, to: desired, opts: opts}
	d.extensions()
	d.schemas()
	d.collations()
	d.types()
	// Table and owned-sequence renames before sequences and tables are
	// compared (rename.go).
	d.renameTables()
	d.sequences()
	// Wrappers, servers and user mappings before the foreign tables that
	// use them (foreign.go).
	d.foreignData()
	d.tables()
	// Publications read the table steps for tables dropped under them
	// (publication.go).
	d.publications()
	d.subscriptions()
	// Routines after tables (they look at table steps to recreate what
	// calls a recreated routine) and before views, which read their drops.
	d.functions()
	d.defObjects()
	// Views after every kind they can read (functions, types, tables):
	// they look at those steps for what is dropped under them (view.go).
	d.views()
	// Triggers after tables, routines and views, whose drop steps they
	// read (trigger.go).
	d.triggers()
	// Rules after views and tables, whose drop steps they read (rule.go).
	d.rules()
	// Last: they look at the steps above for objects being recreated.
	d.policies()
	// What stays but uses something dropped above (closure.go).
	d.dependentClosure()
	// Owners before privileges (owner.go).
	d.owners()
	d.defObjectPrivileges()
	d.foreignPrivileges()
	d.languagePrivileges()
	d.privileges()
	d.ownerPrivileges()
	d.memberPrivileges()
	d.defaultPrivileges()
	d.data()
	if len(d.errs) > 0 {
		return nil, d.errs[0]
	}
	return d.plan(), nil
}

// differ accumulates steps and object changes for one Diff.
type differ struct {
	from, to state.DatabaseSchema
	// steps grow by append; a new slice is set with setSteps, which
	// resets drops.
	steps []Step
	// drops indexes the drop steps among steps[:dropsSeen] (recreated).
	drops     map[state.ObjectKey]bool
	dropsSeen int
	changes   []ObjectChange
	errs      []error
	// typePlan carries what the type and collation planning tells later
	// passes and the final ordering (type.go).
	typePlan typePlan
	// tableExt carries what the table planning tells the column planning
	// about partitions and inheritance (table_partitioning_storage.go).
	tableExt tableExtPlan
	// opts are the caller's options (options.go).
	opts Options
	// renamedTables indexes the desired tables by the name they were
	// renamed from (desiredTable).
	renamedTables map[state.QualName]int
	// toRefs answers reference questions on the desired model (made on
	// first use, see desiredRefs).
	toRefs *graphRefs
	// fromRefs is the same for the current model (currentRefs).
	fromRefs *graphRefs
}

// desiredRefs is the reference index of the desired model.
func (d *differ) desiredRefs() *graphRefs {
	if d.toRefs == nil {
		d.toRefs = newGraphRefs(d.to)
	}
	return d.toRefs
}

// add records one step.
func (d *differ) add(ph phase, obj state.ObjectKey, a Action, sql string, hazards ...Hazard) {
	d.steps = append(d.steps, Step{Object: obj, Action: a, SQL: sql, Transactional: true, Hazards: hazards, phase: ph})
}

// change records one object-level change for the per-object display.
func (d *differ) change(obj state.ObjectKey, a Action, old, new string) {
	d.changes = append(d.changes, ObjectChange{Object: obj, Action: a, Old: old, New: new})
}

// plan orders the steps by the step graph (stepgraph.go), with the phase
// rank and then production order as the priority among steps no edge
// orders, and numbers them.
func (d *differ) plan() *Plan {
	sort.SliceStable(d.steps, func(i, j int) bool { return d.steps[i].phase < d.steps[j].phase })
	// Then by the step graph: the phases only break ties (stepgraph.go).
	d.orderByGraph()
	d.deferNewEnumValueUsers()
	d.safeSteps()
	// The steps are listed in the order apply runs them (the plan's
	// transaction, then the statements outside it), which is also the
	// order a saved plan writes them in for psql (render.SQL).
	sort.SliceStable(d.steps, func(i, j int) bool { return d.steps[i].Transactional && !d.steps[j].Transactional })
	for i := range d.steps {
		d.steps[i].ID = i + 1
	}
	d.dependencies()
	d.changes = mergeChanges(d.changes)
	sort.SliceStable(d.changes, func(i, j int) bool { return d.changes[i].Object.Less(d.changes[j].Object) })
	return &Plan{FormatVersion: FormatVersion, Changes: orEmpty(d.changes), Steps: orEmptySteps(d.steps)}
}

func orEmpty(c []ObjectChange) []ObjectChange {
	if c == nil {
		return []ObjectChange{}
	}
	return c
}

func orEmptySteps(s []Step) []Step {
	if s == nil {
		return []Step{}
	}
	return s
}

func (d *differ) extensions() {
	from := map[string]state.Extension{}
	for _, e := range d.from.Extensions {
		from[e.Name] = e
	}
	to := map[string]bool{}
	for _, e := range d.to.Extensions {
		to[e.Name] = true
		key := state.ObjectKey{Kind: state.KindExtension, Name: e.Name}
		old, ok := from[e.Name]
		if !ok {
			d.change(key, ActionCreate, "", sqlgen.ExtensionDefinition(e))
			d.add(phaseExtension, key, ActionCreate, sqlgen.CreateExtension(e))
			continue
		}
		// An empty schema or version on the desired side means "any".
		schemaChanged := e.Schema != "" && e.Schema != old.Schema
		versionChanged := e.Version != "" && e.Version != old.Version
		if !schemaChanged && !versionChanged {
			continue
		}
		d.change(key, ActionAlter, sqlgen.ExtensionDefinition(old), sqlgen.ExtensionDefinition(e))
		if schemaChanged && !d.extensionRelocatable(e.Name) {
			d.moveFixedExtension(key, e)
			continue
		}
		if versionChanged {
			d.add(phaseExtension, key, ActionAlter, sqlgen.AlterExtensionUpdate(e.Name, e.Version))
		}
		if schemaChanged {
			d.add(phaseExtension, key, ActionAlter, sqlgen.AlterExtensionSchema(e.Name, e.Schema))
		}
	}
	for _, e := range d.from.Extensions {
		if to[e.Name] {
			continue
		}
		key := state.ObjectKey{Kind: state.KindExtension, Name: e.Name}
		d.change(key, ActionDrop, sqlgen.ExtensionDefinition(e), "")
		d.add(phaseDropExtension, key, ActionDrop, sqlgen.DropExtension(e.Name),
			NewHazard(DropsExtension, e.Name))
	}
}

func (d *differ) schemas() {
	from := map[string]state.Schema{}
	for _, s := range d.from.Schemas {
		from[s.Name] = s
	}
	kept := map[string]bool{}
	for _, s := range d.to.Schemas {
		key := state.ObjectKey{Kind: state.KindSchema, Name: s.Name}
		old, ok := from[s.Name]
		if !ok && s.RenamedFrom != "" {
			if prev, found := from[s.RenamedFrom]; found && !d.hasSchema(d.to, s.RenamedFrom) {
				old, ok = prev, true
				kept[prev.Name] = true
				d.add(phaseRename, key, ActionRename, sqlgen.RenameSchema(prev.Name, s.Name))
				// Everything in the schema moves with it (rename.go).
				d.from = renameSchemaInModel(d.from, prev.Name, s.Name)
			}
		}
		if !ok {
			d.change(key, ActionCreate, "", sqlgen.SchemaDefinition(s))
			d.add(phaseCreateSchema, key, ActionCreate, sqlgen.CreateSchema(s))
			if s.Comment != "" {
				d.add(phaseComment, key, ActionAlter, sqlgen.Comment("SCHEMA", sqlgen.QuoteIdent(s.Name), s.Comment))
			}
			continue
		}
		kept[s.Name] = true
		if old.Name != s.Name || old.Comment != s.Comment {
			d.change(key, ActionAlter, sqlgen.SchemaDefinition(old), sqlgen.SchemaDefinition(s))
		}
		if old.Comment != s.Comment {
			d.add(phaseComment, key, ActionAlter, sqlgen.Comment("SCHEMA", sqlgen.QuoteIdent(s.Name), s.Comment))
		}
	}
	for _, s := range d.from.Schemas {
		if kept[s.Name] {
			continue
		}
		key := state.ObjectKey{Kind: state.KindSchema, Name: s.Name}
		d.change(key, ActionDrop, sqlgen.SchemaDefinition(s), "")
		d.add(phaseDropSchema, key, ActionDrop, sqlgen.DropSchema(s.Name))
	}
}

func (d *differ) hasSchema(s state.DatabaseSchema, name string) bool {
	for _, sc := range s.Schemas {
		if sc.Name == name {
			return true
		}
	}
	return false
}
