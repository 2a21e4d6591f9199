package config

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/renovate-pg/renovate/internal/filter"
	"github.com/zclconf/go-cty/cty"
)

// Variable is a variable block: a value SQL files refer to as
// {{var.NAME}}, which may differ per environment:
//
//	variable "app_role" {
//	  default     = "app"
//	  description = "The role the application connects as."
//	}
//	environment "prod" {
//	  url  = env("PROD_URL")
//	  vars = { app_role = "app_prod" }
//	}
type Variable struct {
	Name string
	// Default is the value for environments that do not set one; it is
	// meaningful only when HasDefault is true.
	Default    string
	HasDefault bool
	// Description is for people only.
	Description string
}

var variableNameRE = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]*$`)

func variableSchema() *hcl.BodySchema {
	return &hcl.BodySchema{Attributes: []hcl.AttributeSchema{{Name: "default"}, {Name: "description"}}}
}

// Values returns the variable values of env: its vars over the variables'
// defaults. With a nil env, only the defaults. A variable with no default
// that env does not set is absent (Parse rejects that for declared
// environments).
func (c *Config) Values(env *Environment) map[string]string {
	out := map[string]string{}
	for _, v := range c.Variables {
		if v.HasDefault {
			out[v.Name] = v.Default
		}
	}
	if env != nil {
		for k, v := range env.Vars {
			out[k] = v
		}
	}
	return out
}

// variables decodes the variable blocks, remembering their names for the
// environments' vars.
func (d *decoder) variables(blocks hcl.Blocks) []Variable {
	var out []Variable
	seen := map[string]hcl.Range{}
	d.declared = map[string]bool{}
	for _, b := range blocks {
		if b.Type != "variable" {
			continue
		}
		v := Variable{Name: b.Labels[0]}
		ok := true
		if !variableNameRE.MatchString(v.Name) {
			d.add(b.LabelRanges[0].Ptr(), &b.DefRange, "Invalid variable name",
				fmt.Sprintf("%q is not a valid variable name: use letters, digits and \"_\", starting with a letter or \"_\".", v.Name))
			ok = false
		}
		if prev, dup := seen[v.Name]; dup {
			d.add(&b.DefRange, nil, "Duplicate variable",
				fmt.Sprintf("A variable named %q was already defined at %s.", v.Name, prev))
			continue
		}
		seen[v.Name] = b.DefRange
		d.declared[v.Name] = true
		content, diags := b.Body.Content(variableSchema())
		d.diags = append(d.diags, diags...)
		if content == nil {
			continue
		}
		if a := content.Attributes["default"]; a != nil {
			v.Default, v.HasDefault = d.string(a)
		}
		if a := content.Attributes["description"]; a != nil {
			v.Description, _ = d.string(a)
		}
		if ok {
			out = append(out, v)
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// envVars decodes an environment's vars = { name = "value", ... }.
func (d *decoder) envVars(a *hcl.Attribute) map[string]string {
	pairs, diags := hcl.ExprMap(a.Expr)
	if diags.HasErrors() {
		d.typeError(a, "object of strings (vars = { name = \"value\" })")
		return nil
	}
	out := map[string]string{}
	for _, p := range pairs {
		k, kd := p.Key.Value(nil)
		if kd.HasErrors() || k.IsNull() || !k.Type().Equals(cty.String) {
			// Bare names are variables to HCL: read them as written.
			name := hcl.ExprAsKeyword(p.Key)
			if name == "" {
				d.add(p.Key.Range().Ptr(), a.Range.Ptr(), "Invalid variable name", "A key of vars must be a variable name.")
				continue
			}
			k = cty.StringVal(name)
		}
		name := k.AsString()
		if !d.declared[name] {
			d.add(p.Key.Range().Ptr(), a.Range.Ptr(), "Unknown variable",
				fmt.Sprintf("vars sets %q, but there is no variable block with that name (defined: %s).", name, d.declaredNames()))
			continue
		}
		v, vd := p.Value.Value(d.ctx)
		d.diags = append(d.diags, vd...)
		if vd.HasErrors() {
			continue
		}
		if v.IsNull() || !v.Type().Equals(cty.String) {
			d.add(p.Value.Range().Ptr(), a.Range.Ptr(), "Incorrect variable value type",
				fmt.Sprintf("The value of variable %q must be a string.", name))
			continue
		}
		out[name] = v.AsString()
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

func (d *decoder) declaredNames() string {
	if len(d.declared) == 0 {
		return "none"
	}
	names := make([]string, 0, len(d.declared))
	for n := range d.declared {
		names = append(names, n)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// checkVars reports variables without a default that an environment does
// not set.
func (d *decoder) checkVars(cfg *Config, envRanges map[string]hcl.Range) {
	for _, e := range cfg.Environments {
		if e.IsFleet() {
			// A fleet's targets may set it (target blocks, or a column
			// of targets_query): checked per target when they are read.
			continue
		}
		for _, v := range cfg.Variables {
			if _, set := e.Vars[v.Name]; set || v.HasDefault {
				continue
			}
			r := envRanges[e.Name]
			d.add(&r, nil, "Missing variable value",
				fmt.Sprintf("Variable %q has no default and environment %q does not set it: add vars = { %s = \"...\" }.", v.Name, e.Name, v.Name))
		}
	}
}

// patterns decodes a list of include/exclude object patterns, reporting
// each invalid pattern at its own position.
func (d *decoder) patterns(a *hcl.Attribute) ([]string, bool) {
	list, ok := d.stringList(a)
	if !ok {
		return nil, false
	}
	exprs, diags := hcl.ExprList(a.Expr)
	for i, p := range list {
		if _, err := filter.ParsePattern(p); err != nil {
			subject := a.Expr.Range().Ptr()
			if !diags.HasErrors() && i < len(exprs) {
				subject = exprs[i].Range().Ptr()
			}
			d.add(subject, a.Range.Ptr(), "Invalid object pattern", err.Error()+".")
			ok = false
		}
	}
	return list, ok
}

// unsetEnv returns the name of an environment variable that a's
// expression reads with env() and that is not set, "" when there is none
// (or when the expression fails for another reason, which d.url reports).
func (d *decoder) unsetEnv(a *hcl.Attribute) string {
	var missing string
	ctx := evalContext(func(name string) (string, bool) {
		v, ok := d.lookupEnv(name)
		if !ok && missing == "" {
			missing = name
		}
		return v, ok
	})
	if _, diags := a.Expr.Value(ctx); diags.HasErrors() {
		return missing
	}
	return ""
}
