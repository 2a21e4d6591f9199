package planner

import (
	"testing"

	"github.com/renovate-pg/renovate/state"
)

// TestRestart: a sequence is restarted only when its current value falls
// outside the new bounds, at the nearest bound; a restart behind the
// sequence's direction (values handed out again) is a data-loss hazard.
func TestRestart(t *testing.T) {
	up := state.SequenceOptions{DataType: "integer", Increment: 1, MinValue: 10, MaxValue: 20, Start: 10, Cache: 1}
	down := up
	down.Increment = -1
	tests := []struct {
		name    string
		pos     SequencePosition
		known   bool
		opts    state.SequenceOptions
		restart bool
		to      int64
		hazard  bool
	}{
		{name: "unknown position", pos: SequencePosition{LastValue: 5}, opts: up},
		{name: "inside", pos: SequencePosition{LastValue: 15, IsCalled: true}, known: true, opts: up},
		{name: "on the bounds", pos: SequencePosition{LastValue: 20, IsCalled: true}, known: true, opts: up},
		{name: "ascending below MINVALUE moves ahead", pos: SequencePosition{LastValue: 3, IsCalled: true}, known: true, opts: up, restart: true, to: 10},
		{name: "ascending past MAXVALUE goes back", pos: SequencePosition{LastValue: 50, IsCalled: true}, known: true, opts: up, restart: true, to: 20, hazard: true},
		{name: "descending above MAXVALUE moves ahead", pos: SequencePosition{LastValue: 30}, known: true, opts: down, restart: true, to: 20},
		{name: "descending past MINVALUE goes back", pos: SequencePosition{LastValue: 2, IsCalled: true}, known: true, opts: down, restart: true, to: 10, hazard: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n, backwards, ok := restart(tt.pos, tt.known, tt.opts)
			if ok != tt.restart || (ok && n != tt.to) {
				t.Fatalf("restart = %v at %d, want %v at %d", ok, n, tt.restart, tt.to)
			}
			if backwards != tt.hazard {
				t.Errorf("backwards = %v, want %v", backwards, tt.hazard)
			}
			d := &differ{opts: Options{SequencePositions: map[state.ObjectKey]SequencePosition{
				{Kind: state.KindSequence, Schema: "public", Name: "s"}: tt.pos}}}
			if !tt.known {
				d.opts.SequencePositions = nil
			}
			_, hz, _ := d.sequenceRestart(state.QualName{Schema: "public", Name: "s"}, tt.opts)
			if got := len(hz) > 0 && hz[0].Kind == HazardDeletesData; got != tt.hazard {
				t.Errorf("hazard = %v, want %v: %v", got, tt.hazard, hz)
			}
		})
	}
}
