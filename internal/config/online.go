package config

import (
	"fmt"

	"github.com/hashicorp/hcl/v2"
	"github.com/zclconf/go-cty/cty"
)

// online = true at the top of renovate.hcl makes plan and apply use online
// DDL (CREATE INDEX CONCURRENTLY outside the transaction, constraints
// added NOT VALID and validated afterwards), as the --online flag does.

// bool decodes a boolean attribute.
func (d *decoder) bool(a *hcl.Attribute) (bool, bool) {
	v, ok := d.value(a)
	if !ok {
		return false, false
	}
	if v.IsNull() || !v.Type().Equals(cty.Bool) {
		d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Invalid value",
			fmt.Sprintf("%s must be true or false.", a.Name))
		return false, false
	}
	return v.True(), true
}
