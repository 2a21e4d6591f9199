package config

import (
	"strings"
	"testing"
)

func TestPasswordHelpers(t *testing.T) {
	tests := []struct {
		name   string
		in     string
		strip  string
		redact string
		has    bool
	}{
		// URL form.
		{"url user and password", "postgres://u:pw@h/db", "postgres://u@h/db", "postgres://u:xxxxx@h/db", true},
		{"postgresql scheme, port, query", "postgresql://u:pw@h:5432/db?sslmode=disable",
			"postgresql://u@h:5432/db?sslmode=disable", "postgresql://u:xxxxx@h:5432/db?sslmode=disable", true},
		{"url without password", "postgres://u@h/db?sslmode=disable", "postgres://u@h/db?sslmode=disable", "postgres://u@h/db?sslmode=disable", false},
		{"url password without user", "postgres://:pw@h/db", "postgres://h/db", "postgres://:xxxxx@h/db", true},
		{"url empty password", "postgres://u:@h/db", "postgres://u@h/db", "postgres://u:@h/db", false},
		{"percent-encoded password", "postgres://u:p%40ss%3Aw%2Fd@h/db", "postgres://u@h/db", "postgres://u:xxxxx@h/db", true},
		{"percent-encoded user", "postgres://app%40corp:pw@h/db", "postgres://app%40corp@h/db", "postgres://app%40corp:xxxxx@h/db", true},
		{"unencoded @ in password", "postgres://u:p@ss@h/db", "postgres://u@h/db", "postgres://u:xxxxx@h/db", true},
		{"password query parameter", "postgres://h/db?user=u&password=secret&sslmode=require",
			"postgres://h/db?user=u&sslmode=require", "postgres://h/db?user=u&password=xxxxx&sslmode=require", true},
		{"only query parameter", "postgres://h/db?password=secret", "postgres://h/db", "postgres://h/db?password=xxxxx", true},
		{"percent-encoded key and value", "postgres://h/db?pass%77ord=s%26x&application_name=a%20b",
			"postgres://h/db?application_name=a%20b", "postgres://h/db?pass%77ord=xxxxx&application_name=a%20b", true},
		{"sslpassword", "postgres://h/db?sslmode=verify-full&sslpassword=k",
			"postgres://h/db?sslmode=verify-full", "postgres://h/db?sslmode=verify-full&sslpassword=xxxxx", true},
		{"both places", "postgres://u:a@h/db?password=b", "postgres://u@h/db", "postgres://u:xxxxx@h/db?password=xxxxx", true},
		{"multiple hosts", "postgres://u:pw@h1:5432,h2:5433/db?target_session_attrs=read-write",
			"postgres://u@h1:5432,h2:5433/db?target_session_attrs=read-write",
			"postgres://u:xxxxx@h1:5432,h2:5433/db?target_session_attrs=read-write", true},
		{"ipv6 host", "postgres://u:pw@[::1]:5432/db", "postgres://u@[::1]:5432/db", "postgres://u:xxxxx@[::1]:5432/db", true},
		{"@ in query without path", "postgres://u@h:5432?application_name=a@b",
			"postgres://u@h:5432?application_name=a@b", "postgres://u@h:5432?application_name=a@b", false},
		{"socket directory", "postgres:///db?host=/var/run/postgresql", "postgres:///db?host=/var/run/postgresql", "postgres:///db?host=/var/run/postgresql", false},
		{"bare scheme", "postgres://", "postgres://", "postgres://", false},

		// Keyword/value form.
		{"keyword", "host=h password=secret dbname=d", "host=h dbname=d", "host=h password=xxxxx dbname=d", true},
		{"quoted value with spaces", "host=h password='x y' dbname=d", "host=h dbname=d", "host=h password=xxxxx dbname=d", true},
		{"escaped quote and backslash", `password='it\'s \\ here' user=u`, "user=u", "password=xxxxx user=u", true},
		{"escaped space unquoted", `password=a\ b host=h`, "host=h", "password=xxxxx host=h", true},
		{"spaces around =", "host = h   password =  secret\tuser=u", "host = h user=u", "host = h   password =  xxxxx\tuser=u", true},
		{"quoted = in other value", "application_name='a=b c' password=p", "application_name='a=b c'", "application_name='a=b c' password=xxxxx", true},
		{"no password", "dbname='my db' user=u", "dbname='my db' user=u", "dbname='my db' user=u", false},
		{"empty quoted password", "password='' host=h", "host=h", "password='' host=h", false},
		{"keyword sslpassword", "sslpassword=k host=h", "host=h", "sslpassword=xxxxx host=h", true},
		{"only password", "password=secret", "", "password=xxxxx", true},
		{"empty", "", "", "", false},
		{"unterminated quote", "host=h password='unterminated", "", "xxxxx", true},
		{"malformed without password", "host=h dbname", "host=h dbname", "host=h dbname", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := StripPassword(tt.in); got != tt.strip {
				t.Errorf("StripPassword(%q) = %q, want %q", tt.in, got, tt.strip)
			}
			if got := Redact(tt.in); got != tt.redact {
				t.Errorf("Redact(%q) = %q, want %q", tt.in, got, tt.redact)
			}
			if got := HasPassword(tt.in); got != tt.has {
				t.Errorf("HasPassword(%q) = %v, want %v", tt.in, got, tt.has)
			}
			if got := HasPassword(StripPassword(tt.in)); got {
				t.Errorf("HasPassword(StripPassword(%q)) = true", tt.in)
			}
		})
	}
}

func TestValidateDSN(t *testing.T) {
	tests := []struct {
		in      string
		wantErr string
	}{
		{"postgres://u@h/db?sslmode=disable", ""},
		{"host=h user='a b'", ""},
		{"", ""},
		{"host=h dbname", `missing "=" after "dbname"`},
		{"=x", "missing keyword"},
		{"host='h", "unterminated quoted string"},
		{"postgres://h/db?sslmode", `missing key/value separator "="`},
		{"postgres://h/db?x=%zz", "invalid percent-encoding"},
		{"postgres://u:%zz@h/db", "invalid percent-encoding in user name or password"},
	}
	for _, tt := range tests {
		err := validateDSN(tt.in)
		switch {
		case tt.wantErr == "" && err != nil:
			t.Errorf("validateDSN(%q) = %v, want nil", tt.in, err)
		case tt.wantErr != "" && (err == nil || !strings.Contains(err.Error(), tt.wantErr)):
			t.Errorf("validateDSN(%q) = %v, want error containing %q", tt.in, err, tt.wantErr)
		}
	}
}
