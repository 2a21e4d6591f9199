package planner

import (
	"container/heap"
	"fmt"
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// CycleError reports a dependency cycle among objects that cannot be
// broken by the planner (foreign keys are broken by adding them last; a
// cycle of views, say, cannot).
type CycleError struct{ Objects []state.ObjectKey }

func (e *CycleError) Error() string {
	names := make([]string, len(e.Objects))
	for i, k := range e.Objects {
		names[i] = k.String()
	}
	return fmt.Sprintf("dependency cycle among %s", strings.Join(names, ", "))
}

// topoOrder orders keys so every key comes after the keys it depends on
// (deps[k] lists what k needs; dependencies outside keys are ignored).
// Ties are broken by ObjectKey order, so the result is deterministic.
// Dropping in reverse of this order drops dependents first.
func topoOrder(keys []state.ObjectKey, deps map[state.ObjectKey][]state.ObjectKey) ([]state.ObjectKey, error) {
	in := map[state.ObjectKey]bool{}
	for _, k := range keys {
		in[k] = true
	}
	indeg := map[state.ObjectKey]int{}
	users := map[state.ObjectKey][]state.ObjectKey{}
	for _, k := range keys {
		seen := map[state.ObjectKey]bool{}
		for _, d := range deps[k] {
			if !in[d] || d == k || seen[d] {
				continue
			}
			seen[d] = true
			indeg[k]++
			users[d] = append(users[d], k)
		}
	}
	// ready is a min-heap by Less: the smallest ready key goes next, so
	// the order is deterministic.
	ready := &keyHeap{}
	for _, k := range keys {
		if indeg[k] == 0 {
			*ready = append(*ready, k)
		}
	}
	heap.Init(ready)
	var out []state.ObjectKey
	for ready.Len() > 0 {
		k := heap.Pop(ready).(state.ObjectKey)
		out = append(out, k)
		for _, u := range users[k] {
			indeg[u]--
			if indeg[u] == 0 {
				heap.Push(ready, u)
			}
		}
	}
	if len(out) != len(in) {
		var cyc []state.ObjectKey
		for _, k := range keys {
			if indeg[k] > 0 {
				cyc = append(cyc, k)
			}
		}
		sort.Slice(cyc, func(i, j int) bool { return cyc[i].Less(cyc[j]) })
		return out, &CycleError{Objects: cyc}
	}
	return out, nil
}

// keyHeap is a min-heap of object keys (container/heap).
type keyHeap []state.ObjectKey

func (h keyHeap) Len() int           { return len(h) }
func (h keyHeap) Less(i, j int) bool { return h[i].Less(h[j]) }
func (h keyHeap) Swap(i, j int)      { h[i], h[j] = h[j], h[i] }
func (h *keyHeap) Push(x any)        { *h = append(*h, x.(state.ObjectKey)) }
func (h *keyHeap) Pop() any {
	old := *h
	k := old[len(old)-1]
	*h = old[:len(old)-1]
	return k
}
