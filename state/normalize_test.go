package state

import "testing"

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
