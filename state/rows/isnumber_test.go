package rows

import (
	"regexp"
	"testing"
)

// TestIsNumber: isNumber accepts exactly what the pattern
// -?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)? matches, on every string of up
// to four characters over the bytes a number is made of, and a few
// longer ones.
func TestIsNumber(t *testing.T) {
	re := regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$`)
	alphabet := []byte("-+.0eE9 x")
	var all []string
	var gen func(prefix []byte, n int)
	gen = func(prefix []byte, n int) {
		all = append(all, string(prefix))
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			gen(append(prefix, c), n-1)
		}
	}
	gen(nil, 4)
	all = append(all, "123456789012345678901234567890", "-1.5e+10", "1.50", "1e", "1.", ".5", "--1", "1e+-1", "１")
	for _, s := range all {
		if got, want := isNumber(s), re.MatchString(s); got != want {
			t.Errorf("isNumber(%q) = %v, want %v", s, got, want)
		}
	}
}
