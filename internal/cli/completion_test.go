package cli

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCompletion checks each shell gets a script, that the bash one is
// valid bash, and that the scripts' requests are answered.
func TestCompletion(t *testing.T) {
	want := map[string]string{
		"bash":       "__start_renovate",
		"zsh":        "#compdef renovate",
		"fish":       "complete -c renovate",
		"powershell": "Register-ArgumentCompleter",
	}
	for _, shell := range completionShells() {
		t.Run(shell, func(t *testing.T) {
			out, errOut, code := runIn(t, session{}, "completion", shell)
			if code != ExitOK || !strings.Contains(out, want[shell]) || !strings.Contains(out, "__complete") {
				t.Fatalf("completion %s: exit %d, want a script containing %q\n%s%s", shell, code, want[shell], out[:min(len(out), 400)], errOut)
			}
			if shell != "bash" {
				return
			}
			script := filepath.Join(t.TempDir(), "renovate.bash")
			writeFile(t, script, out)
			if msg, err := exec.Command("bash", "-n", script).CombinedOutput(); err != nil {
				t.Fatalf("bash -n rejects the bash completion script: %v\n%s", err, msg)
			}
		})
	}
	if _, errOut, code := runIn(t, session{}, "completion", "tcsh"); code != ExitUsage || !strings.Contains(errOut, "bash, zsh, fish, powershell") {
		t.Errorf("completion tcsh: exit %d\n%s", code, errOut)
	}

	// What the scripts ask renovate: commands, flags, and --env names.
	out, _, _ := runIn(t, session{}, "__complete", "p")
	if !strings.Contains(out, "plan\t") {
		t.Errorf("completing a command:\n%s", out)
	}
	out, _, _ = runIn(t, session{}, "__complete", "apply", "--allow")
	if !strings.Contains(out, "--allow-data-loss") || !strings.Contains(out, "--allow-dirty") {
		t.Errorf("completing a flag:\n%s", out)
	}
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, ConfigFile), "environment \"prod\" {\n  url = \"postgres://app@db/prod\"\n}\nenvironment \"staging\" {\n  url = \"postgres://app@db/staging\"\n}\n")
	out, _, _ = runIn(t, session{}, "__complete", "plan", "--dir", dir, "--env", "")
	if !strings.Contains(out, "prod\n") || !strings.Contains(out, "staging\n") {
		t.Errorf("completing --env from %s:\n%s", ConfigFile, out)
	}
	if _, err := os.Stat(filepath.Join(dir, ConfigFile)); err != nil {
		t.Fatal(err)
	}
}
