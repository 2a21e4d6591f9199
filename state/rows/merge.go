package rows

import (
	"errors"
	"fmt"
	"io"
	"sort"
)

// Iter yields rows; Next returns io.EOF after the last.
type Iter interface {
	Next() (Row, error)
}

// ErrUnsorted means a data file's rows are not in key order (edited by
// hand); read it with ReadSorted instead of streaming it.
var ErrUnsorted = errors.New("rows not in key order")

// DuplicateKeyError reports two rows with the same key.
type DuplicateKeyError struct {
	Source string // file path, or a description of the database table
	Key    string
	Lines  [2]int // file lines; 0 for database rows
}

func (e *DuplicateKeyError) Error() string {
	if e.Lines[0] > 0 {
		return fmt.Sprintf("%s:%d: duplicate key (%s), also on line %d", e.Source, e.Lines[1], e.Key, e.Lines[0])
	}
	return fmt.Sprintf("%s: two rows have key (%s): the key must identify one row (choose a unique key in renovate.hcl)", e.Source, e.Key)
}

// ordered checks that an iterator's rows come in strictly increasing key
// order: ErrUnsorted when not, a DuplicateKeyError for equal keys.
type ordered struct {
	it     Iter
	shape  *Shape
	source string
	prev   Row
	have   bool
}

// Ordered wraps it so that out-of-order rows give ErrUnsorted and repeated
// keys a *DuplicateKeyError naming source.
func Ordered(it Iter, s *Shape, source string) Iter {
	return &ordered{it: it, shape: s, source: source}
}

func (o *ordered) Next() (Row, error) {
	r, err := o.it.Next()
	if err != nil {
		return r, err
	}
	if o.have {
		switch c := o.shape.Compare(o.prev, r); {
		case c == 0:
			return Row{}, &DuplicateKeyError{Source: o.source, Key: o.shape.KeyString(r), Lines: [2]int{o.prev.Line, r.Line}}
		case c > 0:
			return Row{}, ErrUnsorted
		}
	}
	o.prev, o.have = r, true
	return r, nil
}

// ReadSorted reads every row of it and returns them in key order, or a
// *DuplicateKeyError.
func ReadSorted(it Iter, s *Shape, source string) ([]Row, error) {
	var all []Row
	for {
		r, err := it.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		all = append(all, r)
	}
	sort.SliceStable(all, func(i, j int) bool { return s.Compare(all[i], all[j]) < 0 })
	for i := 1; i < len(all); i++ {
		if s.Compare(all[i-1], all[i]) == 0 {
			return nil, &DuplicateKeyError{Source: source, Key: s.KeyString(all[i]), Lines: [2]int{all[i-1].Line, all[i].Line}}
		}
	}
	return all, nil
}

// SliceIter iterates over rows.
type SliceIter struct {
	Rows []Row
	i    int
}

// Next implements Iter.
func (s *SliceIter) Next() (Row, error) {
	if s.i >= len(s.Rows) {
		return Row{}, io.EOF
	}
	s.i++
	return s.Rows[s.i-1], nil
}

// Change is one row difference: an insert (Old nil), a delete (New nil)
// or an update of the columns Cols (indexes into Shape.Columns).
type Change struct {
	Old, New *Row
	Cols     []int
}

// Merge walks current and desired, both in key order, and calls emit
// for every row to insert, delete or update, with rows of its own (Clone):
// the iterators' rows may share memory with many others. unknown marks data columns
// whose current values are not known (columns the plan adds): an update
// sets them whenever force says so for that column or the desired value
// is not NULL. Memory is bounded by the two rows at hand.
func Merge(s *Shape, current, desired Iter, unknown, force []bool, emit func(Change) error) error {
	cur, curErr := current.Next()
	des, desErr := desired.Next()
	for {
		if curErr != nil && curErr != io.EOF {
			return curErr
		}
		if desErr != nil && desErr != io.EOF {
			return desErr
		}
		if curErr == io.EOF && desErr == io.EOF {
			return nil
		}
		var c int
		switch {
		case curErr == io.EOF:
			c = 1
		case desErr == io.EOF:
			c = -1
		default:
			c = s.Compare(cur, des)
		}
		switch {
		case c < 0:
			old := cur.Clone()
			if err := emit(Change{Old: &old}); err != nil {
				return err
			}
			cur, curErr = current.Next()
		case c > 0:
			nw := des.Clone()
			if err := emit(Change{New: &nw}); err != nil {
				return err
			}
			des, desErr = desired.Next()
		default:
			if cols := s.changed(cur, des, unknown, force); len(cols) > 0 {
				old, nw := cur.Clone(), des.Clone()
				if err := emit(Change{Old: &old, New: &nw, Cols: cols}); err != nil {
					return err
				}
			}
			cur, curErr = current.Next()
			des, desErr = desired.Next()
		}
	}
}

// changed lists the data columns whose values differ between a and b.
func (s *Shape) changed(a, b Row, unknown, force []bool) []int {
	var out []int
	for i, c := range s.Columns {
		if unknown != nil && unknown[i] {
			if force[i] || !b.Vals[c.Off].Null {
				out = append(out, i)
			}
			continue
		}
		for k := c.Off; k < c.Off+c.Width(); k++ {
			if a.Vals[k] != b.Vals[k] {
				out = append(out, i)
				break
			}
		}
	}
	return out
}
