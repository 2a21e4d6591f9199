package config

import (
	"strings"
	"testing"
)

// TestPasswordInDefaultEnvironment: an environment refused for the
// password in its url is still a known environment. The error is the
// password alone, not also an "Unknown environment" for the
// default_environment that names it.
func TestPasswordInDefaultEnvironment(t *testing.T) {
	for _, src := range []string{
		"default_environment = \"prod\"\n\nenvironment \"prod\" {\n  url = \"postgres://app:hunter2@db/hello\"\n}\n",
		"environment \"prod\" {\n  url = \"host=db password=hunter2\"\n}\ndefault_environment = \"prod\"\n",
	} {
		_, err := Parse(FileName, []byte(src), func(string) (string, bool) { return "", false })
		if err == nil {
			t.Fatalf("Parse accepted a password:\n%s", src)
		}
		msg := err.Error()
		if !strings.Contains(msg, "Password in connection string") {
			t.Errorf("error does not name the password:\n%s", msg)
		}
		if strings.Contains(msg, "Unknown environment") || strings.Contains(msg, "hunter2") {
			t.Errorf("error is misleading or leaks the password:\n%s", msg)
		}
		if n := strings.Count(msg, "\n") + 1; n != 1 {
			t.Errorf("want exactly one error, got %d:\n%s", n, msg)
		}
	}
}
