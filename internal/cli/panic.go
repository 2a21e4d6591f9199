package cli

import (
	"context"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// InternalError is a panic caught at the top of a command: a bug in
// renovate. It maps to ExitError (1), never to 0 or to ExitChanges (2,
// Go's own exit status for a panic), so --detailed-exitcode and scripts
// never read a crash as success or as "changes present".
type InternalError struct {
	Value any
	Stack string
}

func (e *InternalError) Error() string {
	return fmt.Sprintf("internal error: %v\nthis is a bug in renovate; please report it with the trace below.\n%s", e.Value, strings.TrimSpace(e.Stack))
}

// Execute runs the root command, turning a panic in the command's
// goroutine into an *InternalError.
func Execute(ctx context.Context, root *cobra.Command) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &InternalError{Value: r, Stack: string(debug.Stack())}
		}
	}()
	return root.ExecuteContext(ctx)
}

// recovered turns a panic in a helper goroutine into an *InternalError;
// call it deferred, with the goroutine's error variable.
func recovered(err *error) {
	if r := recover(); r != nil {
		*err = &InternalError{Value: r, Stack: string(debug.Stack())}
	}
}
