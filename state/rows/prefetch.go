package rows

import (
	"io"
	"sync"
)

// prefetchBatch is how many rows a prefetching iterator hands over at
// once, and prefetchDepth how many batches it reads ahead: enough to keep
// both goroutines busy, little enough to keep memory bounded.
const (
	prefetchBatch = 512
	prefetchDepth = 4
)

// batch is rows read ahead, and the error (io.EOF at the end) that
// followed them, if any.
type batch struct {
	rows []Row
	err  error
}

// prefetch reads an Iter in its own goroutine, ahead of its consumer, so
// that parsing a data file overlaps with reading the database's rows and
// comparing them. It yields exactly the rows and the error of the Iter it
// wraps, in the same order.
type prefetch struct {
	ch   chan batch
	done chan struct{}
	wg   sync.WaitGroup
	cur  []Row
	err  error
}

// Prefetch wraps it so that it is read ahead in another goroutine. The
// caller must call stop once done (also after an error or io.EOF): it
// waits for the goroutine, so that what it reads (a file) can then be
// closed. it must not be used by anyone else meanwhile.
func Prefetch(it Iter) (_ Iter, stop func()) {
	p := &prefetch{ch: make(chan batch, prefetchDepth), done: make(chan struct{})}
	p.wg.Add(1)
	go p.run(it)
	var once sync.Once
	return p, func() {
		once.Do(func() { close(p.done) })
		p.wg.Wait()
	}
}

func (p *prefetch) run(it Iter) {
	defer p.wg.Done()
	defer close(p.ch)
	for {
		b := batch{rows: make([]Row, 0, prefetchBatch)}
		for len(b.rows) < prefetchBatch {
			r, err := it.Next()
			if err != nil {
				b.err = err
				break
			}
			b.rows = append(b.rows, r)
		}
		select {
		case p.ch <- b:
		case <-p.done:
			return
		}
		if b.err != nil {
			return
		}
	}
}

func (p *prefetch) Next() (Row, error) {
	for len(p.cur) == 0 {
		if p.err != nil {
			return Row{}, p.err
		}
		b, ok := <-p.ch
		if !ok {
			// Stopped before the end: the caller is done with it.
			p.err = io.EOF
			continue
		}
		p.cur, p.err = b.rows, b.err
	}
	r := p.cur[0]
	p.cur = p.cur[1:]
	return r, nil
}
