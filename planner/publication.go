package planner

import (
	"reflect"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// publications plans CREATE / ALTER / DROP PUBLICATION. Tables and schemas
// leave a publication early (before what they name is dropped or
// changed) and join it late (once they exist); FOR ALL TABLES cannot be
// switched on or off in place, so the publication is recreated.
func (d *differ) publications() {
	from := map[string]state.Publication{}
	for _, p := range d.from.Publications {
		from[p.Name] = p
	}
	kept := map[string]bool{}
	for _, p := range d.to.Publications {
		key := p.Key()
		old, ok := from[p.Name]
		if ok && old.AllTables != p.AllTables {
			d.change(key, ActionAlter, sqlgen.PublicationDefinition(old), sqlgen.PublicationDefinition(p))
			d.add(phaseDropPublication, key, ActionDrop, sqlgen.DropPublication(old.Name))
			d.createPublication(p)
			kept[p.Name] = true
			continue
		}
		if !ok {
			d.change(key, ActionCreate, "", sqlgen.PublicationDefinition(p))
			d.createPublication(p)
			continue
		}
		kept[p.Name] = true
		d.alterPublication(old, p)
	}
	for _, p := range d.from.Publications {
		if kept[p.Name] {
			continue
		}
		d.change(p.Key(), ActionDrop, sqlgen.PublicationDefinition(p), "")
		d.add(phaseDropPublication, p.Key(), ActionDrop, sqlgen.DropPublication(p.Name))
	}
}

func (d *differ) createPublication(p state.Publication) {
	d.add(phasePublication, p.Key(), ActionCreate, sqlgen.CreatePublication(p))
	if p.Comment != "" {
		d.add(phasePublication, p.Key(), ActionAlter, sqlgen.Comment("PUBLICATION", sqlgen.QuoteIdent(p.Name), p.Comment))
	}
}

// alterPublication plans the changes to a publication on both sides. An
// entry whose column list or row filter changes leaves and joins again;
// so does the entry of a table that is dropped and created again in this
// plan (DROP TABLE takes it out of the publication).
func (d *differ) alterPublication(old, p state.Publication) {
	key := p.Key()
	gone := d.tablesGone()
	oldEntries := map[string]string{}
	for _, e := range old.Tables {
		oldEntries[sqlgen.PublicationEntryTable(e)] = e
	}
	newEntries := map[string]string{}
	for _, e := range p.Tables {
		newEntries[sqlgen.PublicationEntryTable(e)] = e
	}
	var steps int
	for _, e := range old.Tables {
		t := sqlgen.PublicationEntryTable(e)
		if n, ok := newEntries[t]; ok && n == e || gone[t] {
			continue
		}
		d.add(phaseDropPublication, key, ActionAlter, sqlgen.DropPublicationTable(p.Name, e))
		steps++
	}
	for _, s := range old.Schemas {
		if !hasString(p.Schemas, s) {
			d.add(phaseDropPublication, key, ActionAlter, sqlgen.DropPublicationSchema(p.Name, s))
			steps++
		}
	}
	for _, e := range p.Tables {
		t := sqlgen.PublicationEntryTable(e)
		if o, ok := oldEntries[t]; ok && o == e && !gone[t] {
			continue
		}
		d.add(phasePublication, key, ActionAlter, sqlgen.AddPublicationTable(p.Name, e))
		steps++
	}
	for _, s := range p.Schemas {
		if !hasString(old.Schemas, s) {
			d.add(phasePublication, key, ActionAlter, sqlgen.AddPublicationSchema(p.Name, s))
			steps++
		}
	}
	if !reflect.DeepEqual(old.Publish, p.Publish) || old.ViaRoot != p.ViaRoot {
		d.add(phasePublication, key, ActionAlter, sqlgen.SetPublicationOptions(p))
		steps++
	}
	if old.Comment != p.Comment {
		d.add(phasePublication, key, ActionAlter, sqlgen.Comment("PUBLICATION", sqlgen.QuoteIdent(p.Name), p.Comment))
		steps++
	}
	if steps > 0 {
		d.change(key, ActionAlter, sqlgen.PublicationDefinition(old), sqlgen.PublicationDefinition(p))
	}
}

// tablesGone returns the remote tables this plan drops (including those it
// drops to create again), by their quoted qualified name as publication
// entries spell them.
func (d *differ) tablesGone() map[string]bool {
	out := map[string]bool{}
	for _, s := range d.steps {
		if s.Object.Kind == state.KindTable && s.Action == ActionDrop {
			out[sqlgen.QualifiedName(s.Object.Schema, s.Object.Name)] = true
		}
	}
	return out
}

func hasString(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
