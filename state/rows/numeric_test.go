package rows

import (
	"sort"
	"testing"
)

// TestCompareNumbers: numeric key values compare by value, as
// PostgreSQL orders them, not by their text.
func TestCompareNumbers(t *testing.T) {
	equal := [][2]string{{"1.5", "1.50"}, {"0", "-0"}, {"0.0", "0"}, {"100", "1e2"}, {"1.5E+3", "1500.000"}, {"-0.10", "-.1"}, {"NaN", "NaN"}}
	for _, p := range equal {
		if c := compareValue(Value{S: p[0]}, Value{S: p[1]}, true); c != 0 {
			t.Errorf("compare(%s, %s) = %d, want 0", p[0], p[1], c)
		}
	}
	// In PostgreSQL's order.
	ordered := []string{"-Infinity", "-1e300", "-10", "-9.5", "-1", "-0.001", "0", "1e-300", "0.001", "0.01", "1", "1.5", "1.51", "9.5", "10", "99999999999999999999999", "1e300", "Infinity", "NaN"}
	for i := range ordered {
		for j := range ordered {
			want := 0
			switch {
			case i < j:
				want = -1
			case i > j:
				want = 1
			}
			if c := compareValue(Value{S: ordered[i]}, Value{S: ordered[j]}, true); c != want {
				t.Errorf("compare(%s, %s) = %d, want %d", ordered[i], ordered[j], c, want)
			}
		}
	}
	shuffled := []string{"10", "NaN", "1.5", "-1", "Infinity", "9.5", "0"}
	sort.Slice(shuffled, func(i, j int) bool { return compareValue(Value{S: shuffled[i]}, Value{S: shuffled[j]}, true) < 0 })
	want := []string{"-1", "0", "1.5", "9.5", "10", "Infinity", "NaN"}
	for i := range want {
		if shuffled[i] != want[i] {
			t.Fatalf("sorted = %v, want %v", shuffled, want)
		}
	}
	if !numericKey("numeric(8,2)") || !numericKey("double precision") || !numericKey("real") || numericKey("text") || numericKey("numeric[]") {
		t.Error("numericKey: numeric(8,2), double precision and real sort by value; text and arrays by text")
	}
}
