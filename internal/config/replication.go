package config

import (
	"fmt"
	"slices"
	"strings"

	"github.com/hashicorp/hcl/v2"
)

// Logical replication between environments: an environment whose
// subscriptions replicate from another environment's publications says
// so with subscribes_to:
//
//	environment "target" {
//	  url           = "postgres://app@replica/app"
//	  subscribes_to = ["source"]
//	}
//
// plan and apply given both (--env source,target) then order the DDL of
// the two databases so that replication never breaks (internal/engine's
// replication.go).

// subscribesTo decodes env's subscribes_to list; names are checked by
// checkReplication once every environment is known.
func (d *decoder) subscribesTo(env string, a *hcl.Attribute) []string {
	list, ok := d.stringList(a)
	if !ok {
		return nil
	}
	seen := map[string]bool{}
	for _, name := range list {
		if seen[name] {
			d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Duplicate environment",
				fmt.Sprintf("subscribes_to names %q twice.", name))
			return nil
		}
		seen[name] = true
	}
	if d.subscribes == nil {
		d.subscribes = map[string]*hcl.Attribute{}
	}
	d.subscribes[env] = a
	return list
}

// checkReplication reports subscribes_to naming an unknown environment
// or the environment itself, and cycles (A subscribes to B, B to A).
func (d *decoder) checkReplication(cfg *Config) {
	edges := map[string][]string{}
	for i, e := range cfg.Environments {
		a := d.subscribes[e.Name]
		if a == nil {
			continue
		}
		var kept []string
		for _, name := range e.SubscribesTo {
			switch {
			case name == e.Name:
				d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Self-reference",
					fmt.Sprintf("Environment %q cannot subscribe to itself.", e.Name))
			case !cfg.has(name):
				d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Unknown environment",
					fmt.Sprintf("subscribes_to names %q, but there is no environment block with that name (defined: %s).", name, cfg.names()))
			default:
				kept = append(kept, name)
			}
		}
		cfg.Environments[i].SubscribesTo = kept
		edges[e.Name] = kept
	}
	// A depth-first search from every environment, in name order, so
	// that the cycle reported is always the same one.
	const (
		unseen = iota
		onPath
		finished
	)
	mark := map[string]int{}
	var path []string
	var visit func(string) []string
	visit = func(n string) []string {
		mark[n] = onPath
		path = append(path, n)
		for _, m := range edges[n] {
			switch mark[m] {
			case onPath:
				i := slices.Index(path, m)
				return append(slices.Clone(path[i:]), m)
			case unseen:
				if c := visit(m); c != nil {
					return c
				}
			}
		}
		path = path[:len(path)-1]
		mark[n] = finished
		return nil
	}
	for _, e := range cfg.Environments {
		if mark[e.Name] != unseen {
			continue
		}
		if c := visit(e.Name); c != nil {
			a := d.subscribes[c[0]]
			d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Replication cycle",
				fmt.Sprintf("The environments subscribe to one another in a cycle (%s): a publisher cannot also be a subscriber of its own subscribers.", strings.Join(c, " -> ")))
			return
		}
	}
}
