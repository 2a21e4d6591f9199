package planner

import (
	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// builtinFixedExtensions are the extensions of PostgreSQL 13 to 18 whose
// control files say relocatable = false: the fallback of
// Options.FixedExtensions when no database was asked (a diff of two
// directories, say).
var builtinFixedExtensions = map[string]bool{
	"plpgsql": true, "plperl": true, "plperlu": true, "plpython3u": true,
	"pltcl": true, "pltclu": true, "xml2": true, "adminpack": true,
}

// extensionRelocatable reports whether ALTER EXTENSION name SET SCHEMA
// can move the extension.
func (d *differ) extensionRelocatable(name string) bool {
	fixed := d.opts.FixedExtensions
	if fixed == nil {
		fixed = builtinFixedExtensions
	}
	return !fixed[name]
}

// moveFixedExtension moves an extension that is not relocatable (its
// control file says relocatable = false, so PostgreSQL refuses ALTER
// EXTENSION ... SET SCHEMA) the only way there is: dropped and created
// again in its new schema, at the desired version. The drop comes after
// the plan's other drops (what the files no longer hold may use it) and
// before the extensions are created; it fails, changing nothing, when an
// object that stays depends on the extension's objects (renovate never
// drops with CASCADE).
func (d *differ) moveFixedExtension(key state.ObjectKey, e state.Extension) {
	d.add(phaseDropFunction, key, ActionDrop, sqlgen.DropExtension(e.Name), NewHazard(MovesFixedExtension, e.Name, e.Schema))
	d.add(phaseExtension, key, ActionCreate, sqlgen.CreateExtension(e))
}
