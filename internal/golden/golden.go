// Package golden compares test output with golden files kept next to a
// test case, per PostgreSQL release where the output differs, and rewrites
// them when a test runs with its package's -update flag.
//
// A case directory holds its golden files (plan.sql, plan.txt, ...) as
// they come out on the oldest supported release. Where release N or later
// gives different output (16 stopped qualifying the columns of a view over
// one table, say), the case keeps that release's output in pg<N>/<file>,
// only for the files that differ; a server of release V reads the newest
// pg<N> directory with N <= V, and the case's own file otherwise.
//
// Under -update, the file a server reads is rewritten with the output; a
// pg<N> variant equal to the case's own file is removed instead. To add a
// variant, create the empty pg<N> directory and run the update on a
// server of release N or later.
package golden

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// Check compares got with dir's golden file for a server of major
// version version, or rewrites it when update is set. A difference or a
// missing file is reported with t.Errorf, so the test goes on; hint is the
// command that regenerates the file, printed with the failure.
func Check(t testing.TB, dir, file, got string, version int, update bool, hint string) {
	t.Helper()
	path := filepath.Join(dir, file)
	variant := ""
	vdir, err := VariantDir(dir, version)
	if err != nil {
		t.Fatal(err)
	}
	if vdir != "" {
		variant = filepath.Join(vdir, file)
		if _, err := os.Stat(variant); err == nil || update {
			path = variant
		}
	}
	if update {
		if variant != "" {
			if base, err := os.ReadFile(filepath.Join(dir, file)); err == nil && string(base) == got {
				if err := os.Remove(variant); err != nil && !errors.Is(err, fs.ErrNotExist) {
					t.Fatal(err)
				}
				return
			}
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Errorf("golden file: %v (create it with %s)", err, hint)
		return
	}
	if d := Diff(string(want), got); d != "" {
		t.Errorf("%s differs (-want +got); if the change is intended, regenerate with %s and review the diff:\n%s", path, hint, d)
	}
}

// Diff returns a line diff of want and got, empty when they are equal.
func Diff(want, got string) string {
	return cmp.Diff(strings.Split(want, "\n"), strings.Split(got, "\n"))
}

// VariantDir returns dir's pg<N> directory with the largest N not above
// version, or "" when there is none.
func VariantDir(dir string, version int) (string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return "", err
	}
	best, found := 0, ""
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), "pg") {
			continue
		}
		n, err := strconv.Atoi(strings.TrimPrefix(e.Name(), "pg"))
		if err != nil {
			continue
		}
		if n <= version && n > best {
			best, found = n, filepath.Join(dir, e.Name())
		}
	}
	return found, nil
}

// Variants returns the release numbers N of dir's pg<N> directories,
// ascending.
func Variants(dir string) ([]int, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var out []int
	for _, e := range entries {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), "pg") {
			continue
		}
		if n, err := strconv.Atoi(strings.TrimPrefix(e.Name(), "pg")); err == nil {
			out = append(out, n)
		}
	}
	sort.Ints(out)
	return out, nil
}
