package cli

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// progress shows what long work (reading a large catalog, writing its
// files, applying many statements) is doing, as one status line on stderr
// that is redrawn in place. It draws only when stderr is a terminal and -q
// was not given: in a pipe or a CI log a status line is noise, so nothing
// is written. Lines given to Println (the -v timings) are printed in both
// cases, above the status line.
//
// With -v, each phase's duration is printed as it ends, in both cases.
//
// A progress is safe for concurrent use: a ticker goroutine redraws the
// elapsed time of a phase that runs long without counting.
type progress struct {
	mu   sync.Mutex
	w    io.Writer
	draw bool
	// timings prints each phase's duration when it ends (-v).
	timings bool
	now     func() time.Time
	label   string
	// detail follows the label ("3/12 ALTER TABLE ..."); empty for a phase
	// that does not count.
	detail string
	start  time.Time
	// shown is set while drawn, the status line, is on the screen.
	shown bool
	drawn string
	stop  chan struct{}
	wg    sync.WaitGroup
}

// progressTick is how often a running phase redraws its elapsed time.
const progressTick = 250 * time.Millisecond

// progressWidth bounds the status line so it never wraps on a narrow
// terminal (a wrapped line cannot be redrawn in place).
const progressWidth = 78

// newProgress returns the progress reporter for the command's streams.
func newProgress(s *IOStreams) *progress {
	p := newProgressTo(s.ErrOut, s.ErrTTY && !s.Quiet, time.Now, progressTick)
	p.timings = s.Verbose
	return p
}

// newProgressTo draws on w when draw is set; tick is the redraw interval.
func newProgressTo(w io.Writer, draw bool, now func() time.Time, tick time.Duration) *progress {
	p := &progress{w: w, draw: draw, now: now}
	if draw {
		p.stop = make(chan struct{})
		p.wg.Add(1)
		go p.ticker(p.stop, tick)
	}
	return p
}

func (p *progress) ticker(stop <-chan struct{}, tick time.Duration) {
	defer p.wg.Done()
	t := time.NewTicker(tick)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			p.mu.Lock()
			if p.label != "" {
				p.redraw()
			}
			p.mu.Unlock()
		}
	}
}

// Phase starts a new step of the work: "Reading the database catalog".
func (p *progress) Phase(label string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.endPhase()
	p.label, p.detail, p.start = label, "", p.now()
	p.redraw()
}

// endPhase prints the duration of the phase that is ending, with -v;
// p.mu is held.
func (p *progress) endPhase() {
	if !p.timings || p.label == "" {
		return
	}
	p.clear()
	fmt.Fprintf(p.w, "%s: %s\n", p.label, formatDuration(p.now().Sub(p.start)))
}

// clear removes the status line; p.mu is held.
func (p *progress) clear() {
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
		p.shown = false
	}
}

// Count reports item i (1-based) of n in the current phase.
func (p *progress) Count(i, n int, what string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.detail = fmt.Sprintf("%d/%d", i, n)
	if what != "" {
		p.detail += " " + truncate(what, progressWidth)
	}
	p.redraw()
}

// Println prints a line that stays (the status line is redrawn below it).
func (p *progress) Println(line string) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.clear()
	fmt.Fprintln(p.w, line)
	if p.label != "" {
		p.redraw()
	}
}

// Done clears the status line and stops the ticker. It may be called more
// than once.
func (p *progress) Done() {
	p.mu.Lock()
	p.clear()
	p.endPhase()
	p.label = ""
	stop := p.stop
	p.stop = nil
	p.mu.Unlock()
	if stop != nil {
		close(stop)
		p.wg.Wait()
	}
}

// redraw draws the status line; p.mu is held.
func (p *progress) redraw() {
	if !p.draw {
		return
	}
	line := p.label
	if p.detail != "" {
		line += ": " + p.detail
	} else {
		line += " ..."
	}
	if elapsed := p.now().Sub(p.start); elapsed >= time.Second {
		line += fmt.Sprintf(" (%ds)", int(elapsed.Seconds()))
	}
	line = truncate(line, progressWidth)
	if p.shown && line == p.drawn {
		return // the ticker redraws only what changed
	}
	fmt.Fprint(p.w, "\r\x1b[K"+line)
	p.shown, p.drawn = true, line
}

// truncate shortens s to at most n runes, ending in "…" when cut, and keeps
// only its first line.
func truncate(s string, n int) string {
	s, _, cut := strings.Cut(s, "\n")
	if utf8.RuneCountInString(s) <= n && !cut {
		return s
	}
	r := []rune(s)
	if len(r) > n-1 {
		r = r[:n-1]
	}
	return string(r) + "…"
}
