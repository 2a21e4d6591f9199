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
	execDB(t, dsn, "CREATE TABLE t (a int); CREATE CONVERSION conv FOR 'LATIN1' TO 'UTF8' FROM iso8859_1_to_utf8; CREATE ACCESS METHOD myam TYPE INDEX HANDLER bthandler; CREATE TEXT SEARCH CONFIGURATION tsc (copy = english);")
	dir := filepath.Join(t.TempDir(), "db")

	_, errOut, code := run(t, "", "", false, "init", "--source", dsn, "--dir", dir, "--strict")
	if code != ExitError || !strings.Contains(errOut, "warning: conversion public.conv is not managed by renovate") || !strings.Contains(errOut, "--strict") {
		t.Fatalf("init --strict: exit %d\n%s", code, errOut)
	}
	out, errOut, code := run(t, "", "", false, "init", "--source", dsn, "--dir", dir)
	if code != ExitOK || !strings.Contains(errOut, "warning: access method myam is not managed by renovate") {
		t.Fatalf("init: exit %d\n%s%s", code, out, errOut)
	}
	// A text search configuration is managed: written, not warned about.
	if strings.Contains(errOut, "tsc") {
		t.Errorf("init warns about the managed text search configuration:\n%s", errOut)
	}
	if b, err := os.ReadFile(filepath.Join(dir, "public", "text_search", "configuration.tsc.sql")); err != nil || !strings.Contains(string(b), "CREATE TEXT SEARCH CONFIGURATION public.tsc") {
		t.Errorf("the text search configuration was not written: %v\n%s", err, b)
	}
	out, errOut, code = run(t, "", "", false, "plan", "--dir", dir, "--url", dsn)
	if code != ExitOK || strings.TrimSpace(out) != "" && !strings.Contains(out, "renovate plan") || !strings.Contains(errOut, "warning: conversion public.conv") {
		t.Fatalf("plan: exit %d\n%s%s", code, out, errOut)
	}
	_, errOut, code = run(t, "", "", false, "plan", "--dir", dir, "--url", dsn, "--strict")
	if code != ExitError || !strings.Contains(errOut, "2 object(s)") {
		t.Fatalf("plan --strict: exit %d\n%s", code, errOut)
	}
}
