package cli

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/creack/pty"
)

// buildRenovate builds cmd/renovate with go build, as a user would, with a
// version set at link time.
func buildRenovate(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "renovate")
	build := exec.Command("go", "build", "-ldflags", "-X main.version=v0.0.0-ptytest", "-o", bin, "./cmd/renovate")
	build.Dir = "../.."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// childEnv is the environment of the built binary: the test's, without
// anything that would change its output (NO_COLOR, RENOVATE_*), and
// RENOVATE_VERIFY=never: plan on a terminal would start a throwaway
// cluster to verify (TestPlanVerifiesByDefault tests that).
func childEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if strings.HasPrefix(kv, "NO_COLOR=") || strings.HasPrefix(kv, "RENOVATE_") || strings.HasPrefix(kv, "TERM=") {
			continue
		}
		env = append(env, kv)
	}
	return append(env, "TERM=xterm-256color", "RENOVATE_VERIFY=never")
}

// terminal is the binary running in a pseudo-terminal: stdin, stdout and
// stderr are the pty's, so it is a person's shell as far as renovate knows.
type terminal struct {
	t    *testing.T
	cmd  *exec.Cmd
	pty  *os.File
	mu   sync.Mutex
	out  bytes.Buffer
	read chan struct{} // closed when the pty has nothing more to read
	done chan struct{} // closed when the process has exited
	err  error
}

func startTerminal(t *testing.T, bin, dir string, args ...string) *terminal {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = childEnv()
	f, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 50, Cols: 120})
	if err != nil {
		t.Fatalf("starting %s in a pty: %v", bin, err)
	}
	term := &terminal{t: t, cmd: cmd, pty: f, read: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(term.read)
		buf := make([]byte, 4096)
		for {
			n, err := f.Read(buf)
			term.mu.Lock()
			term.out.Write(buf[:n])
			term.mu.Unlock()
			if err != nil { // EIO once the process and its pty are gone
				return
			}
		}
	}()
	go func() {
		term.err = cmd.Wait()
		close(term.done)
	}()
	t.Cleanup(func() {
		select {
		case <-term.done:
		default:
			_ = cmd.Process.Kill()
			<-term.done
		}
		f.Close()
	})
	return term
}

func (term *terminal) output() string {
	term.mu.Lock()
	defer term.mu.Unlock()
	return term.out.String()
}

// waitFor waits until the terminal shows s.
func (term *terminal) waitFor(s string) {
	term.t.Helper()
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(term.output(), s) {
		select {
		case <-term.done:
			<-term.read
			if strings.Contains(term.output(), s) {
				return
			}
			term.t.Fatalf("the process exited (%v) without showing %q:\n%s", term.err, s, term.output())
		default:
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("timed out waiting for %q:\n%s", s, term.output())
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// running reports whether the process is still running.
func (term *terminal) running() bool {
	select {
	case <-term.done:
		return false
	default:
		return true
	}
}

// type sends keys as a person types them.
func (term *terminal) typeKeys(keys string) {
	term.t.Helper()
	if _, err := term.pty.Write([]byte(keys)); err != nil {
		term.t.Fatalf("typing %q: %v", keys, err)
	}
}

// exit waits for the process to end and returns its exit code and
// everything it showed.
func (term *terminal) exit() (int, string) {
	term.t.Helper()
	select {
	case <-term.done:
	case <-time.After(60 * time.Second):
		term.t.Fatalf("the process did not exit:\n%s", term.output())
	}
	<-term.read
	var ee *exec.ExitError
	switch {
	case term.err == nil:
		return 0, term.output()
	case errors.As(term.err, &ee):
		return ee.ExitCode(), term.output()
	default:
		term.t.Fatalf("waiting for the process: %v", term.err)
		return -1, ""
	}
}

// piped runs the binary with stdin, stdout and stderr as pipes, as in a
// script or CI job.
func piped(t *testing.T, bin, dir, stdin string, args ...string) (string, string, int) {
	t.Helper()
	cmd := exec.Command(bin, args...)
	cmd.Dir = dir
	cmd.Env = childEnv()
	cmd.Stdin = strings.NewReader(stdin)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	err := cmd.Run()
	var ee *exec.ExitError
	if err != nil && !errors.As(err, &ee) {
		t.Fatalf("running %s: %v", bin, err)
	}
	return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
}

// TestTerminalSession drives the built binary in a real pseudo-terminal as
// a person would, and in pipes as a script would: colours and the y/n
// prompt only on a terminal, n and Ctrl-C change nothing, a pipe never
// prompts.
func TestTerminalSession(t *testing.T) {
	bin := buildRenovate(t)
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, "CREATE TABLE users (id int PRIMARY KEY, email text NOT NULL)")
	work := t.TempDir()
	if out, errOut, code := piped(t, bin, work, "", "init", "--source", dsn, "--dir", "hello"); code != 0 {
		t.Fatalf("renovate init: exit %d\n%s%s", code, out, errOut)
	}
	dir := filepath.Join(work, "hello")
	writeFile(t, filepath.Join(dir, "public", "tables", "extra.sql"), "CREATE TABLE public.extra (id integer PRIMARY KEY, note text);\n")
	gitCommit(t, dir, "add extra")

	t.Run("version", func(t *testing.T) {
		term := startTerminal(t, bin, dir, "version")
		code, out := term.exit()
		if code != 0 || !strings.Contains(out, "renovate v0.0.0-ptytest") || !strings.Contains(out, "pg_query_go: v5.") || !strings.Contains(out, "(PostgreSQL 16.") {
			t.Fatalf("version: exit %d\n%s", code, out)
		}
	})

	t.Run("plan on a terminal is coloured", func(t *testing.T) {
		term := startTerminal(t, bin, dir, "plan")
		code, out := term.exit()
		if code != 0 || !strings.Contains(out, "\x1b[") || !strings.Contains(out, "public.extra") {
			t.Fatalf("plan in a pty: exit %d, want ANSI colours\n%q", code, out)
		}
	})

	t.Run("plan in a pipe is plain SQL", func(t *testing.T) {
		out, errOut, code := piped(t, bin, dir, "", "plan")
		if code != 0 || strings.Contains(out+errOut, "\x1b[") || !strings.Contains(out, "CREATE TABLE public.extra") {
			t.Fatalf("plan in a pipe: exit %d, want no escapes\n%q%q", code, out, errOut)
		}
	})

	t.Run("n at the prompt aborts", func(t *testing.T) {
		term := startTerminal(t, bin, dir, "apply")
		term.waitFor("Continue (y/n)?")
		time.Sleep(300 * time.Millisecond)
		if !term.running() {
			t.Fatalf("apply did not wait for an answer:\n%s", term.output())
		}
		term.typeKeys("n\r")
		code, out := term.exit()
		if code != ExitRefused || !strings.Contains(out, "cancelled") || strings.Contains(out, "Applied") {
			t.Fatalf("apply answered n: exit %d\n%s", code, out)
		}
		if tableExists(t, dsn, "extra") {
			t.Fatal("apply answered n changed the database")
		}
	})

	t.Run("Ctrl-C at the prompt changes nothing", func(t *testing.T) {
		term := startTerminal(t, bin, dir, "apply")
		term.waitFor("Continue (y/n)?")
		term.typeKeys("\x03")
		code, out := term.exit()
		// The interrupt is caught (the process is not killed by it): the
		// prompt gives up and says nothing was changed.
		if code != ExitRefused || !strings.Contains(out, "nothing was changed") || strings.Contains(out, "Applied") {
			t.Fatalf("apply interrupted: exit %d\n%s", code, out)
		}
		t.Logf("Ctrl-C at the prompt:\n%q", out[strings.LastIndex(out, "Continue"):])
		if tableExists(t, dsn, "extra") {
			t.Fatal("an interrupted apply changed the database")
		}
	})

	t.Run("apply in a pipe never prompts", func(t *testing.T) {
		// A "y" waiting on stdin must not be taken as an answer.
		out, errOut, code := piped(t, bin, dir, "y\n", "apply")
		if code != ExitRefused || strings.Contains(out, "Continue (y/n)?") || !strings.Contains(errOut, "--yes") || strings.Contains(out+errOut, "\x1b[") {
			t.Fatalf("apply in a pipe: exit %d\n%q%q", code, out, errOut)
		}
		if tableExists(t, dsn, "extra") {
			t.Fatal("apply in a pipe changed the database")
		}
	})

	t.Run("y applies, with progress and timings", func(t *testing.T) {
		term := startTerminal(t, bin, dir, "apply", "-v")
		term.waitFor("Continue (y/n)?")
		term.typeKeys("y\r")
		code, out := term.exit()
		if code != 0 || !strings.Contains(out, "Applied 1 statement(s)") || !strings.Contains(out, "\r\x1b[KApplying") {
			t.Fatalf("apply answered y: exit %d\n%q", code, out)
		}
		t.Logf("apply -v after y:\n%q", out[strings.LastIndex(out, "Continue"):])
		if !timingLine.MatchString(strings.ReplaceAll(out, "\r\x1b[K", "\n")) {
			t.Errorf("apply -v shows no statement timing:\n%q", out)
		}
		if !tableExists(t, dsn, "extra") {
			t.Fatal("apply answered y did not create the table")
		}
		// Nothing left to do, and the pipe says so with exit 0.
		if out, errOut, code := piped(t, bin, dir, "", "plan", "--detailed-exitcode"); code != 0 {
			t.Fatalf("plan after apply: exit %d\n%s%s", code, out, errOut)
		}
	})
}
