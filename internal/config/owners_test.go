package config

import (
	"strings"
	"testing"
)

func TestParse_Owners(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		manage  map[string]bool // by environment name; "" is the top level
		wantErr string
	}{
		{name: "unset", src: `environment "dev" { url = "postgres://localhost/dev" }`,
			manage: map[string]bool{"": false, "dev": false}},
		{name: "manage", src: "owners = \"manage\"\n" + `environment "dev" { url = "postgres://localhost/dev" }`,
			manage: map[string]bool{"": true, "dev": true}},
		{name: "per environment", src: "owners = \"manage\"\n" +
			`environment "dev" { url = "postgres://localhost/dev" }` + "\n" +
			`environment "prod" {
  url    = "postgres://localhost/prod"
  owners = "ignore"
}`,
			manage: map[string]bool{"": true, "dev": true, "prod": false}},
		{name: "environment only", src: `environment "dev" {
  url    = "postgres://localhost/dev"
  owners = "manage"
}`,
			manage: map[string]bool{"": false, "dev": true}},
		{name: "bad value", src: "owners = \"yes\"\n" + `environment "dev" { url = "postgres://localhost/dev" }`,
			wantErr: `renovate.hcl:1:10: Invalid value: owners must be "manage" or "ignore", not "yes"`},
		{name: "bad value in environment", src: `environment "dev" {
  url    = "postgres://localhost/dev"
  owners = true
}`, wantErr: "renovate.hcl:3:12"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cfg, err := Parse("renovate.hcl", []byte(tt.src), func(string) (string, bool) { return "", false })
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("want error %q, got %v", tt.wantErr, err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for name, want := range tt.manage {
				var env *Environment
				if name != "" {
					if env, err = cfg.Environment(name); err != nil {
						t.Fatal(err)
					}
				}
				if got := cfg.ManageOwners(env); got != want {
					t.Errorf("ManageOwners(%q) = %v, want %v", name, got, want)
				}
			}
		})
	}
}
