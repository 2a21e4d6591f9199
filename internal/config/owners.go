package config

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
)

// owners = "manage" | "ignore" (top level, or per environment) says
// whether renovate manages object owners. "ignore", the default, keeps
// OWNER TO out of the files: objects a plan creates belong to the role
// applying it, and nothing compares owners. "manage" writes, reads,
// compares and plans ALTER ... OWNER TO for every object that has an
// owner; role names that differ between environments are variables
// ({{var.NAME}}).

// Owners modes.
const (
	OwnersIgnore = "ignore"
	OwnersManage = "manage"
)

// owners decodes an owners attribute.
func (d *decoder) owners(a *hcl.Attribute) (string, bool) {
	s, ok := d.string(a)
	if !ok {
		return "", false
	}
	if s != OwnersIgnore && s != OwnersManage {
		d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Invalid value",
			fmt.Sprintf("owners must be %q or %q, not %q.", OwnersManage, OwnersIgnore, s))
		return "", false
	}
	return s, true
}

// ManageOwners reports whether owners are managed in env (nil: the top
// level): the environment's owners attribute, else the top-level one,
// else not.
func (c *Config) ManageOwners(env *Environment) bool {
	if env != nil && env.Owners != "" {
		return env.Owners == OwnersManage
	}
	return c.Owners == OwnersManage
}
