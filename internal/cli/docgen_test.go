package cli

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/spf13/cobra"
)

// docsDir is the committed reference, relative to this package.
const docsDir = "../../docs"

// TestDocsUpToDate regenerates the command reference into a temporary
// directory and compares it with docs/: a command, flag or help text
// changed without regenerating fails here, naming the command to run.
func TestDocsUpToDate(t *testing.T) {
	tmp := t.TempDir()
	if err := WriteDocs(tmp); err != nil {
		t.Fatal(err)
	}
	var problems []string
	err := filepath.WalkDir(tmp, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(tmp, p)
		want, _ := os.ReadFile(p)
		got, err := os.ReadFile(filepath.Join(docsDir, rel))
		switch {
		case err != nil:
			problems = append(problems, "missing docs/"+filepath.ToSlash(rel))
		case !bytes.Equal(got, want):
			problems = append(problems, "out of date: docs/"+filepath.ToSlash(rel)+"\n"+firstDifference(string(want), string(got)))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	committed, _ := filepath.Glob(filepath.Join(docsDir, "cli", "*.md"))
	for _, p := range committed {
		if _, err := os.Stat(filepath.Join(tmp, "cli", filepath.Base(p))); err != nil {
			problems = append(problems, "stale (no such command): docs/cli/"+filepath.Base(p))
		}
	}
	if len(committed) == 0 {
		problems = append(problems, "docs/cli holds no reference at all")
	}
	if len(problems) > 0 {
		sort.Strings(problems)
		t.Fatalf("the command reference in docs/ does not match the commands:\n%s\n\nRegenerate it from the repository root with:\n\n\t%s\n", strings.Join(problems, "\n"), GenDocsCommand)
	}
}

// firstDifference shows the first line where want and got differ.
func firstDifference(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("  line %d:\n    generated: %s\n    committed: %s", i+1, wl, gl)
		}
	}
	return ""
}

// TestDocsContent checks the generated reference has what people look for:
// a page per command with its examples and flags, and every exit code.
func TestDocsContent(t *testing.T) {
	files, err := DocFiles()
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"renovate", "renovate_init", "renovate_plan", "renovate_apply", "renovate_fetch", "renovate_version", "renovate_completion"} {
		doc := string(files["cli/"+name+".md"])
		if !strings.Contains(doc, "## Examples") || !strings.Contains(doc, generatedMarker) {
			t.Errorf("cli/%s.md lacks examples or the generated marker:\n%s", name, doc)
		}
	}
	if plan := string(files["cli/renovate_plan.md"]); !strings.Contains(plan, "--detailed-exitcode") || !strings.Contains(plan, "[$RENOVATE_DIR]") || !strings.Contains(plan, "## Global options") {
		t.Errorf("renovate_plan.md lacks its flags:\n%s", plan)
	}
	codes := string(files["exit-codes.md"])
	for _, e := range ExitCodes() {
		if !strings.Contains(codes, fmt.Sprintf("| %d | %s |", e.Code, e.Meaning)) {
			t.Errorf("exit-codes.md lacks code %d:\n%s", e.Code, codes)
		}
	}
}

// TestEveryCommandHasExamples holds every command, including ones added
// later, to the convention that --help shows real examples.
func TestEveryCommandHasExamples(t *testing.T) {
	root := NewCmdRoot(&Factory{IO: &IOStreams{In: strings.NewReader(""), Out: io.Discard, ErrOut: io.Discard}, Getenv: func(string) string { return "" }})
	walk(root, func(c *cobra.Command) {
		if documented(c) && strings.TrimSpace(c.Example) == "" {
			t.Errorf("%s has no Example for --help", c.CommandPath())
		}
		if documented(c) && c.Short == "" {
			t.Errorf("%s has no Short description", c.CommandPath())
		}
	})
}

// TestWriteDocsRemovesStale checks regeneration removes the page of a
// command that no longer exists, and keeps hand-written files.
func TestWriteDocsRemovesStale(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "cli"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "cli", "renovate_gone.md"), "# renovate gone\n"+generatedMarker+"\n")
	writeFile(t, filepath.Join(dir, "cli", "notes.md"), "hand-written\n")
	if err := WriteDocs(dir); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dir, "cli", "renovate_gone.md")); !os.IsNotExist(err) {
		t.Errorf("stale generated page kept: %v", err)
	}
	if _, err := os.Stat(filepath.Join(dir, "cli", "notes.md")); err != nil {
		t.Errorf("hand-written page removed: %v", err)
	}
}
