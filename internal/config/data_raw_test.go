package config

import (
	"slices"
	"strings"
	"testing"
)

// TestDataRawReferences: raw_references is a list of distinct column
// names, and never names an ignored column.
func TestDataRawReferences(t *testing.T) {
	env := func(string) (string, bool) { return "", false }
	cfg, err := Parse("renovate.hcl", []byte("data \"public.items\" {\n  raw_references = [\"owner_id\", \"Creator\"]\n}\n"), env)
	if err != nil {
		t.Fatal(err)
	}
	if len(cfg.Data) != 1 || !slices.Equal(cfg.Data[0].RawReferences, []string{"owner_id", "Creator"}) {
		t.Fatalf("data blocks = %+v, want raw_references [owner_id Creator]", cfg.Data)
	}
	for _, tt := range []struct{ src, want string }{
		{"data \"public.items\" {\n  raw_references = [\"a\", \"a\"]\n}\n", "renovate.hcl:2:20: Invalid column list: raw_references must list distinct, non-empty column names."},
		{"data \"public.items\" {\n  raw_references = \"a\"\n}\n", "renovate.hcl:2:"},
		{"data \"public.items\" {\n  ignore_columns = [\"a\"]\n  raw_references = [\"a\"]\n}\n", `renovate.hcl:3:20: Invalid raw_references: Column "a" is in ignore_columns`},
	} {
		_, err := Parse("renovate.hcl", []byte(tt.src), env)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want it to contain %q", tt.src, err, tt.want)
		}
	}
}
