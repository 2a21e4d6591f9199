package config

import (
	"strings"
	"testing"
)

func TestParse_Online(t *testing.T) {
	tests := []struct {
		name    string
		src     string
		online  bool
		wantErr string
	}{
		{name: "unset", src: `environment "dev" { url = "postgres://localhost/dev" }`},
		{name: "true", src: "online = true\n" + `environment "dev" { url = "postgres://localhost/dev" }`, online: true},
		{name: "false", src: "online = false\n" + `environment "dev" { url = "postgres://localhost/dev" }`},
		{name: "not a bool", src: "online = \"yes\"\n" + `environment "dev" { url = "postgres://localhost/dev" }`, wantErr: "renovate.hcl:1:10: Invalid value: online must be true or false"},
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
			if cfg.Online != tt.online {
				t.Errorf("Online = %v, want %v", cfg.Online, tt.online)
			}
		})
	}
}
