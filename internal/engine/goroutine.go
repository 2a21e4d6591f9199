package engine

import (
	"fmt"
	"runtime/debug"
	"sync"
)

// panicCarrier holds the first panic of a group of helper goroutines so
// that the goroutine waiting for them raises it again. A panic left in a
// helper goroutine kills the process with Go's exit status 2, which
// --detailed-exitcode reads as "changes present"; raised on the command's
// goroutine, it reaches the recover at the top of the command
// (cli.Execute), which reports an internal error with exit status 1.
type panicCarrier struct {
	mu    sync.Mutex
	value any
	stack []byte
}

// capture must be deferred directly by each helper goroutine.
func (c *panicCarrier) capture() {
	if r := recover(); r != nil {
		c.mu.Lock()
		defer c.mu.Unlock()
		if c.value == nil {
			c.value, c.stack = r, debug.Stack()
		}
	}
}

// repanic raises the captured panic, if any, with the stack of the
// goroutine it happened in; call it after waiting for the goroutines.
func (c *panicCarrier) repanic() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.value != nil {
		panic(fmt.Sprintf("%v\n\nin a helper goroutine:\n%s", c.value, c.stack))
	}
}
