package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnmanagedObjectsReported checks that init and plan name the objects
// renovate does not manage on stderr, and that --strict refuses them.
func TestUnmanagedObjectsReported(t *testing.T) {
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, "CREATE TABLE t (a int); CREATE TYPE shell1; CREATE TYPE shell2; CREATE CONVERSION conv FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8; CREATE ACCESS METHOD myam TYPE INDEX HANDLER bthandler; CREATE TEXT SEARCH CONFIGURATION tsc (copy = english);")
	dir := filepath.Join(t.TempDir(), "db")

	_, errOut, code := run(t, "", "", false, "init", "--source", dsn, "--dir", dir, "--strict")
	if code != ExitError || !strings.Contains(errOut, "warning: shell type public.shell1 is not managed by renovate") || !strings.Contains(errOut, "--strict") {
		t.Fatalf("init --strict: exit %d\n%s", code, errOut)
	}
	out, errOut, code := run(t, "", "", false, "init", "--source", dsn, "--dir", dir)
	if code != ExitOK || !strings.Contains(errOut, "warning: shell type public.shell2 is not managed by renovate") {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	// A text search configuration, a conversion and an access method
	// are managed: written, not warned about.
	for _, name := range []string{"tsc", "conv", "myam"} {
		if strings.Contains(errOut, name) {
			t.Errorf("init warns about the managed %s:\n%s", name, errOut)
		}
	}
	if b, err := os.ReadFile(filepath.Join(dir, "public", "conversions", "conv.sql")); err != nil || !strings.Contains(string(b), "CREATE CONVERSION public.conv FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8;") {
		t.Errorf("the conversion was not written: %v\n%s", err, b)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "access_methods.sql")); err != nil || !strings.Contains(string(b), "CREATE ACCESS METHOD myam TYPE INDEX HANDLER bthandler;") {
		t.Errorf("the access method was not written: %v\n%s", err, b)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "public", "text_search", "configuration.tsc.sql")); err != nil || !strings.Contains(string(b), "CREATE TEXT SEARCH CONFIGURATION public.tsc") {
		t.Errorf("the text search configuration was not written: %v\n%s", err, b)
	}
	out, errOut, code = run(t, "", "", false, "plan", "--dir", dir, "--url", dsn)
	if code != ExitOK || strings.TrimSpace(out) != "" && !strings.Contains(out, "renovate plan") || !strings.Contains(errOut, "warning: shell type public.shell1") {
		t.Fatalf("plan: exit %d\n%s%s", code, out, errOut)
	}
	_, errOut, code = run(t, "", "", false, "plan", "--dir", dir, "--url", dsn, "--strict")
	if code != ExitError || !strings.Contains(errOut, "2 object(s)") {
		t.Fatalf("plan --strict: exit %d\n%s", code, errOut)
	}
}
