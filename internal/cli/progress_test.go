package cli

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the ticker goroutine.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func TestProgress(t *testing.T) {
	clock := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	now := func() time.Time { return clock }

	t.Run("terminal", func(t *testing.T) {
		var w syncBuffer
		p := newProgressTo(&w, true, now, time.Hour)
		p.Phase("Reading the database catalog")
		clock = clock.Add(3 * time.Second)
		p.Count(2, 12, "CREATE TABLE public.users (\n    id integer")
		p.Println("2/12    3.50ms  CREATE TABLE public.users (")
		p.Done()
		p.Done()
		want := "\r\x1b[KReading the database catalog ..." +
			"\r\x1b[KReading the database catalog: 2/12 CREATE TABLE public.users (… (3s)" +
			"\r\x1b[K2/12    3.50ms  CREATE TABLE public.users (\n" +
			"\r\x1b[KReading the database catalog: 2/12 CREATE TABLE public.users (… (3s)" +
			"\r\x1b[K"
		if got := w.String(); got != want {
			t.Errorf("got  %q\nwant %q", got, want)
		}
	})

	t.Run("not a terminal", func(t *testing.T) {
		var w syncBuffer
		p := newProgressTo(&w, false, now, time.Millisecond)
		p.Phase("Reading the database catalog")
		p.Count(1, 2, "x")
		time.Sleep(5 * time.Millisecond)
		p.Println("1/2 1ms x")
		p.Done()
		if got := w.String(); got != "1/2 1ms x\n" {
			t.Errorf("only Println lines may reach a pipe, got %q", got)
		}
	})

	t.Run("-v prints each phase's duration, also in a pipe", func(t *testing.T) {
		var w syncBuffer
		p := newProgressTo(&w, false, now, time.Hour)
		p.timings = true
		p.Phase("Connecting")
		clock = clock.Add(1500 * time.Microsecond)
		p.Phase("Reading the database catalog")
		clock = clock.Add(2 * time.Second)
		p.Done()
		p.Done()
		if got, want := w.String(), "Connecting: 1.50ms\nReading the database catalog: 2.00s\n"; got != want {
			t.Errorf("got %q, want %q", got, want)
		}
	})

	t.Run("ticker redraws a long phase", func(t *testing.T) {
		var w syncBuffer
		start := time.Now()
		p := newProgressTo(&w, true, time.Now, 10*time.Millisecond)
		p.Phase("Reading the database catalog")
		for !strings.Contains(w.String(), "(1s)") && time.Since(start) < 5*time.Second {
			time.Sleep(20 * time.Millisecond)
		}
		p.Done()
		if !strings.Contains(w.String(), "Reading the database catalog ... (1s)") {
			t.Errorf("no elapsed time redrawn: %q", w.String())
		}
		after := w.String()
		time.Sleep(30 * time.Millisecond)
		if w.String() != after {
			t.Errorf("the ticker kept drawing after Done")
		}
	})

	t.Run("long lines are cut", func(t *testing.T) {
		var w syncBuffer
		p := newProgressTo(&w, true, now, time.Hour)
		p.Phase(strings.Repeat("x", 200))
		p.Done()
		line := strings.TrimSuffix(strings.TrimPrefix(w.String(), "\r\x1b[K"), "\r\x1b[K")
		if n := len([]rune(line)); n != progressWidth {
			t.Errorf("status line is %d runes, want %d: %q", n, progressWidth, line)
		}
	})
}

// TestProgressInCommands forces the terminal check: init and apply draw
// progress on a terminal's stderr, and nothing in a pipe or with -q.
func TestProgressInCommands(t *testing.T) {
	dsn := srv.NewDatabase(t)
	execDB(t, dsn, "CREATE TABLE users (id int PRIMARY KEY)")
	work := t.TempDir()

	_, errOut, code := runIn(t, session{errTTY: true}, "init", "--source", dsn, "--dir", work+"/a")
	if code != ExitOK || !strings.Contains(errOut, "\r\x1b[KReading the database catalog") || !strings.Contains(errOut, "Writing the schema files") || !strings.HasSuffix(errOut, "\r\x1b[K") {
		t.Fatalf("init on a terminal: exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = runIn(t, session{}, "init", "--source", dsn, "--dir", work+"/b")
	if code != ExitOK || errOut != "" {
		t.Fatalf("init in a pipe: exit %d, stderr %q", code, errOut)
	}
	_, errOut, code = runIn(t, session{errTTY: true}, "init", "--source", dsn, "--dir", work+"/c", "-q")
	if code != ExitOK || errOut != "" {
		t.Fatalf("init -q on a terminal: exit %d, stderr %q", code, errOut)
	}

	dir := work + "/a"
	writeFile(t, dir+"/public/tables/t1.sql", "CREATE TABLE public.t1 (id int);\n")
	writeFile(t, dir+"/public/tables/t2.sql", "CREATE TABLE public.t2 (id int);\n")
	gitCommit(t, dir, "two tables")
	_, errOut, code = runIn(t, session{errTTY: true}, "apply", "--dir", dir, "--yes", "-v")
	if code != ExitOK {
		t.Fatalf("apply: exit %d\n%s", code, errOut)
	}
	for _, want := range []string{"\r\x1b[KApplying ...", "\r\x1b[KApplying: 1/2 CREATE TABLE public.t1", "Applying: 2/2 CREATE TABLE public.t2", "Recording the run and rewriting the files"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("apply progress lacks %q: %q", want, errOut)
		}
	}
	if !timingLine.MatchString(strings.ReplaceAll(errOut, "\r\x1b[K", "\n")) {
		t.Errorf("apply -v on a terminal lacks timings: %q", errOut)
	}
	if !strings.Contains(errOut, "\r\x1b[KApplying: ") || !strings.Contains(errOut, "\r\x1b[KRecording the run and rewriting the files: ") {
		t.Errorf("apply -v should print each phase's duration: %q", errOut)
	}
	if last := errOut[strings.LastIndex(errOut, "\n")+1:]; last != "" && !strings.HasSuffix(last, "\r\x1b[K") {
		t.Errorf("the status line must be cleared at the end: %q", errOut)
	}
}
