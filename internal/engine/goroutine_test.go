package engine

import (
	"strings"
	"sync"
	"testing"
)

// TestPanicCarrier: a panic in one of several helper goroutines is raised
// again on the goroutine that waits for them, with its value and where
// it happened, so the command's recover sees it.
func TestPanicCarrier(t *testing.T) {
	var pc panicCarrier
	var wg sync.WaitGroup
	for i := 0; i < 4; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer pc.capture()
			if i == 2 {
				panic("boom in worker")
			}
		}()
	}
	wg.Wait()
	got := func() (v any) {
		defer func() { v = recover() }()
		pc.repanic()
		return nil
	}()
	s, _ := got.(string)
	if !strings.Contains(s, "boom in worker") || !strings.Contains(s, "goroutine_test.go") {
		t.Fatalf("repanic raised %v, want the worker's panic and its stack", got)
	}

	var quiet panicCarrier
	func() {
		defer quiet.capture()
	}()
	quiet.repanic() // nothing captured: returns
}
