package rows

import (
	"errors"
	"fmt"
	"io"
	"testing"
)

// countIter yields n rows numbered 0..n-1, then err (io.EOF if nil).
type countIter struct {
	i, n int
	err  error
}

func (c *countIter) Next() (Row, error) {
	if c.i == c.n {
		if c.err != nil {
			return Row{}, c.err
		}
		return Row{}, io.EOF
	}
	c.i++
	return Row{Line: c.i}, nil
}

// TestPrefetch: a prefetched iterator yields the same rows, in the same
// order, then the same error, at every size around its batch boundary;
// stop ends its goroutine whether or not the rows were all read.
func TestPrefetch(t *testing.T) {
	boom := errors.New("line 7: bad value")
	for _, n := range []int{0, 1, prefetchBatch - 1, prefetchBatch, prefetchBatch + 1, prefetchBatch*prefetchDepth*3 + 5} {
		for _, end := range []error{nil, boom} {
			t.Run(fmt.Sprintf("%d rows, end %v", n, end), func(t *testing.T) {
				it, stop := Prefetch(&countIter{n: n, err: end})
				defer stop()
				for i := 1; i <= n; i++ {
					r, err := it.Next()
					if err != nil || r.Line != i {
						t.Fatalf("row %d: got line %d, %v", i, r.Line, err)
					}
				}
				want := end
				if want == nil {
					want = io.EOF
				}
				for k := 0; k < 2; k++ {
					if _, err := it.Next(); err != want {
						t.Fatalf("after the rows: %v, want %v", err, want)
					}
				}
			})
		}
	}
	// Stopped early, with batches still queued and the reader blocked.
	it, stop := Prefetch(&countIter{n: prefetchBatch * prefetchDepth * 10})
	if r, err := it.Next(); err != nil || r.Line != 1 {
		t.Fatalf("first row: %d, %v", r.Line, err)
	}
	stop()
	stop()
}
