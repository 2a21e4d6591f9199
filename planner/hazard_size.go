package planner

import (
	"fmt"
	"sort"

	"github.com/renovate-pg/renovate/state"
)

// RelationSize is a table's size in the live database when the plan was
// made: the planner's estimate of what a rewrite, scan or index build
// costs.
type RelationSize struct {
	// EstimatedRows is pg_class.reltuples: the planner statistics'
	// estimate, -1 when the table was never vacuumed or analyzed.
	EstimatedRows int64 `json:"estimated_rows"`
	// Bytes is pg_relation_size: the table's main data.
	Bytes int64 `json:"bytes"`
	// TotalBytes is pg_total_relation_size: with indexes and TOAST.
	TotalBytes int64 `json:"total_bytes"`
}

// String renders the size for people: "~1.2M rows, 340 MB".
func (s RelationSize) String() string {
	if s.EstimatedRows < 0 {
		return humanBytes(s.Bytes) + ", row count unknown until ANALYZE"
	}
	return "~" + humanCount(s.EstimatedRows) + " rows, " + humanBytes(s.Bytes)
}

// Relations returns the existing tables the plan's hazards are about,
// sorted and without duplicates, for the caller to measure.
func (p *Plan) Relations() []state.QualName {
	seen := map[state.QualName]bool{}
	var out []state.QualName
	for _, s := range p.Steps {
		if s.Relation != nil && !seen[*s.Relation] {
			seen[*s.Relation] = true
			out = append(out, *s.Relation)
		}
	}
	sortQualNames(out)
	return out
}

// AttachSizes records each hazardous step's table size and adds it to
// the messages of its size-dependent hazards, so a reviewer reads "...
// rewrites the table (public.orders: ~1.2M rows, 340 MB)".
func (p *Plan) AttachSizes(sizes map[state.QualName]RelationSize) {
	for i := range p.Steps {
		s := &p.Steps[i]
		if s.Relation == nil {
			continue
		}
		size, ok := sizes[*s.Relation]
		if !ok {
			continue
		}
		s.Size = &size
		for j := range s.Hazards {
			h := &s.Hazards[j]
			if growsWithTable(h.Kind) {
				h.Message = fmt.Sprintf("%s (%s: %s)", h.Message, s.Relation, size)
			}
		}
	}
}

func humanCount(n int64) string {
	switch {
	case n >= 1_000_000_000:
		return fmt.Sprintf("%.1fG", float64(n)/1e9)
	case n >= 1_000_000:
		return fmt.Sprintf("%.1fM", float64(n)/1e6)
	case n >= 10_000:
		return fmt.Sprintf("%.0fk", float64(n)/1e3)
	}
	return fmt.Sprintf("%d", n)
}

func humanBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	v, suffix := float64(n), "B"
	for _, u := range []string{"kB", "MB", "GB", "TB"} {
		if v < unit {
			break
		}
		v, suffix = v/unit, u
	}
	if v >= 100 {
		return fmt.Sprintf("%.0f %s", v, suffix)
	}
	return fmt.Sprintf("%.1f %s", v, suffix)
}

func sortQualNames(q []state.QualName) {
	sort.Slice(q, func(i, j int) bool { return q[i].Less(q[j]) })
}
