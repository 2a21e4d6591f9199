package config

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestShadow checks the shadow attribute: top level, inherited by
// environments without their own, overridden per environment, and held to
// the same rules as url (no password written in the file).
func TestShadow(t *testing.T) {
	cfg, err := Load(filepath.Join("testdata", "shadow.hcl"))
	if err != nil {
		t.Fatal(err)
	}
	if cfg.Shadow != "postgres://renovate@localhost:5432/postgres" {
		t.Errorf("top-level shadow = %q", cfg.Shadow)
	}
	for _, tt := range []struct{ env, want string }{
		{"dev", "postgres://renovate@localhost:5432/postgres"},
		{"prod", "postgres://deploy@scratch.internal/postgres"},
	} {
		env, err := cfg.Environment(tt.env)
		if err != nil {
			t.Fatal(err)
		}
		if env.Shadow != tt.want {
			t.Errorf("environment %s: shadow = %q, want %q", tt.env, env.Shadow, tt.want)
		}
	}

	for _, tt := range []struct{ name, src, want string }{
		{"password", "shadow = \"postgres://u:pw@h/db\"\nenvironment \"a\" {\n  url = \"postgres://h/db\"\n}\n", "s.hcl:1:10: Password in connection string"},
		{"empty in environment", "environment \"a\" {\n  url = \"postgres://h/db\"\n  shadow = \"\"\n}\n", "s.hcl:3:12: Empty connection string: shadow must be"},
		{"not a string", "shadow = 5\n", "s.hcl:1:"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("s.hcl", []byte(tt.src), func(string) (string, bool) { return "", false })
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got %v, want an error containing %q", err, tt.want)
			}
		})
	}
}
