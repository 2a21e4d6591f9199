package parser

import (
	"os"
	"testing"
)

// TestMain checks every deparse of every test for a changed tree
// (deparse.go).
func TestMain(m *testing.M) {
	checkEveryDeparse = true
	os.Exit(m.Run())
}
