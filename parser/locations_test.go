package parser

import (
	"sync"
	"testing"

	"github.com/renovate-pg/renovate/state"
)

// TestDeferredLocations: the kinds a plan reads every time are answered
// without decoding the deferred ones; any other kind, Len, All and Set
// decode them, once; PrefixFiles reaches both parts.
func TestDeferredLocations(t *testing.T) {
	schema := state.ObjectKey{Kind: state.KindSchema, Name: "public"}
	defPriv := ForRoleBeforeObjectsKey("app")
	pubPriv := ImplicitPublicPrivilegeKey("app", "USAGE", false)
	col := state.ObjectKey{Kind: state.KindColumn, Schema: "app", Table: "t", Name: "c"}
	tab := state.ObjectKey{Kind: state.KindTable, Schema: "app", Name: "t"}
	for _, k := range []state.ObjectKey{schema, defPriv, pubPriv} {
		if Deferred(k.Kind) {
			t.Fatalf("%v is deferred", k)
		}
	}
	newLocs := func(loads *int) *Locations {
		held := map[state.ObjectKey]Location{
			schema:  {File: "a.sql", Line: 1, Col: 1},
			defPriv: {File: "a.sql", Line: 2, Col: 1},
			pubPriv: {File: "b.sql", Line: 3, Col: 1},
		}
		return NewDeferredLocations(held, func() map[state.ObjectKey]Location {
			*loads++
			return map[state.ObjectKey]Location{
				tab: {File: "a.sql", Line: 4, Col: 1},
				col: {File: "a.sql", Line: 4, Col: 20},
			}
		})
	}

	loads := 0
	l := newLocs(&loads)
	if loc, ok := l.Get(schema); !ok || loc.Line != 1 {
		t.Fatalf("schema: %v %v", loc, ok)
	}
	if _, ok := l.Get(pubPriv); !ok {
		t.Fatal("no implicit public privilege")
	}
	if !l.HasKind(state.KindDefaultPrivilege) || l.HasKind(state.KindPolicy) {
		t.Fatal("HasKind")
	}
	if loads != 1 || l.Pending() {
		// HasKind(KindPolicy) had to look at the deferred ones.
		t.Fatalf("loads %d, pending %v", loads, l.Pending())
	}

	loads = 0
	l = newLocs(&loads)
	l.Get(schema)
	l.HasKind(state.KindDefaultPrivilege)
	if loads != 0 || !l.Pending() {
		t.Fatalf("held kinds decoded the deferred ones: loads %d", loads)
	}
	l.PrefixFiles("remote ")
	if loc, _ := l.Get(schema); loc.File != "remote a.sql" {
		t.Fatalf("held location not prefixed: %v", loc)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if loc, ok := l.Get(col); !ok || loc != (Location{File: "remote a.sql", Line: 4, Col: 20}) {
				t.Errorf("column: %v %v", loc, ok)
			}
		}()
	}
	wg.Wait()
	if loads != 1 || l.Pending() || l.Len() != 5 {
		t.Fatalf("loads %d, pending %v, len %d", loads, l.Pending(), l.Len())
	}

	// Set decodes first: a later decode cannot undo it.
	loads = 0
	l = newLocs(&loads)
	l.Set(tab, Location{File: "c.sql", Line: 9, Col: 9})
	if loc, _ := l.Get(tab); loc.File != "c.sql" || loads != 1 {
		t.Fatalf("set location %v, loads %d", loc, loads)
	}

	eager := NewLocations(map[state.ObjectKey]Location{
		schema: {File: "a.sql", Line: 1, Col: 1}, defPriv: {File: "a.sql", Line: 2, Col: 1},
		pubPriv: {File: "b.sql", Line: 3, Col: 1}, tab: {File: "a.sql", Line: 4, Col: 1},
		col: {File: "a.sql", Line: 4, Col: 20},
	})
	if !eager.Equal(newLocs(&loads)) || !newLocs(&loads).Equal(eager) {
		t.Fatal("equal locations compare unequal")
	}
	eager.Set(col, Location{File: "a.sql", Line: 4, Col: 21})
	if eager.Equal(newLocs(&loads)) {
		t.Fatal("different locations compare equal")
	}
	held, deferred := eager.Split()
	if len(held) != 3 || len(deferred) != 2 {
		t.Fatalf("split %d held, %d deferred", len(held), len(deferred))
	}
	var none *Locations
	if _, ok := none.Get(col); ok || none.Len() != 0 || none.HasKind(state.KindColumn) || none.Pending() {
		t.Fatal("a nil Locations holds something")
	}
}
