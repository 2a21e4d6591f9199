package state

import (
	"math/rand/v2"
	"slices"
	"sort"
	"testing"
)

// TestFingerprintOrder: a model's fingerprint does not depend on the order
// of its collections, and computing it never reorders the caller's model.
func TestFingerprintOrder(t *testing.T) {
	sorted := DatabaseSchema{
		Schemas: []Schema{{Name: "a"}, {Name: "b"}},
		Tables: []Table{
			{Schema: "a", Name: "t", Options: []string{"fillfactor=70", "autovacuum_enabled=false"}},
			{Schema: "a", Name: "u"},
		},
	}
	sorted.Normalize()
	if !sorted.normalized() {
		t.Fatal("a normalized model reads as not normalized")
	}
	shuffled := DatabaseSchema{
		Schemas: []Schema{{Name: "b"}, {Name: "a"}},
		Tables: []Table{
			{Schema: "a", Name: "u"},
			{Schema: "a", Name: "t", Options: []string{"fillfactor=70", "autovacuum_enabled=false"}},
		},
	}
	if shuffled.normalized() {
		t.Fatal("a shuffled model reads as normalized")
	}
	if a, b := sorted.Fingerprint(), shuffled.Fingerprint(); a != b {
		t.Errorf("fingerprints differ by order: %s vs %s", a, b)
	}
	if shuffled.Schemas[0].Name != "b" || shuffled.Tables[0].Name != "u" || shuffled.Tables[1].Options[0] != "fillfactor=70" {
		t.Errorf("Fingerprint reordered the caller's model: %+v", shuffled)
	}
}

// TestOrderByIsSortSlice: orderBy leaves a slice exactly as sort.Slice
// does, whether it was sorted (it then skips the sort: sort.Slice moves
// nothing in a sorted slice, equal neighbours included) or not, and in
// check mode reports what sort.SliceIsSorted does. Elements carry a key
// with many ties and a tag that shows where equal keys ended up.
func TestOrderByIsSortSlice(t *testing.T) {
	type elem struct{ key, tag int }
	less := func(a, b *elem) bool { return a.key < b.key }
	rng := rand.New(rand.NewPCG(1, 2))
	for n := 0; n < 200; n++ {
		for _, presorted := range []bool{false, true} {
			x := make([]elem, n)
			for i := range x {
				x[i] = elem{key: rng.IntN(1 + n/4), tag: i}
			}
			if presorted {
				sort.SliceStable(x, func(i, j int) bool { return x[i].key < x[j].key })
			}
			want := slices.Clone(x)
			sort.Slice(want, func(i, j int) bool { return want[i].key < want[j].key })

			check := &orderer{check: true, sorted: true}
			orderBy(check, slices.Clone(x), less)
			if isSorted := sort.SliceIsSorted(x, func(i, j int) bool { return x[i].key < x[j].key }); check.sorted != isSorted {
				t.Fatalf("n=%d presorted=%v: check says sorted=%v, sort.SliceIsSorted %v", n, presorted, check.sorted, isSorted)
			}
			got := slices.Clone(x)
			orderBy(&orderer{}, got, less)
			if !slices.Equal(got, want) {
				t.Fatalf("n=%d presorted=%v: orderBy gave %v, sort.Slice %v", n, presorted, got, want)
			}
		}
	}
}
