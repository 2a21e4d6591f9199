package config

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclparse"
	"github.com/hashicorp/hcl/v2/hclwrite"
	"github.com/zclconf/go-cty/cty"
	"github.com/zclconf/go-cty/cty/function"
)

// FileName is the name of the configuration file at the top of a schema
// repository.
const FileName = "renovate.hcl"

// DefaultEnvironmentName is the environment chosen when several are defined
// and default_environment is not set, and the one Render names when given
// no name.
const DefaultEnvironmentName = "default"

// Config is a loaded renovate.hcl.
type Config struct {
	// Path is the file the configuration was loaded from, as given to Load.
	Path string
	// DefaultEnvironment is default_environment as written ("" when unset);
	// Environment("") applies the fallbacks.
	DefaultEnvironment string
	// Environments are sorted by name; names are unique.
	Environments []Environment
	// Include and Exclude are object patterns for every environment (nil
	// when unset or empty).
	Include, Exclude []string
	// Variables are the variable blocks, sorted by name (nil when none).
	Variables []Variable
	// Online makes plan and apply use online DDL, as --online does
	// (online.go).
	Online bool
	// Owners is the top-level owners attribute: OwnersManage,
	// OwnersIgnore or "" (unset, which means ignore; owners.go).
	Owners string
	// Shadow is the top-level shadow attribute: a connection string to a
	// server on which plan verification creates (and drops) its scratch
	// database; "" when unset. Environments without their own inherit it.
	Shadow string
	// Data are the data blocks, sorted by schema and table (data.go).
	Data []Data
}

// Environment is one environment block: a database renovate plans against
// and applies to.
type Environment struct {
	Name string
	// URL is a libpq connection string (URL or keyword/value form). It
	// contains no password written in renovate.hcl, but may contain one
	// obtained through env(): print it with Redact.
	URL string
	// Include and Exclude are object patterns for this environment (nil
	// when unset or empty).
	Include, Exclude []string
	// Vars are the variable values this environment sets (its vars
	// attribute, nil when unset); Config.Values adds the defaults.
	Vars map[string]string

	// UnsetURLVariable names the environment variable that url reads
	// with env() and that is not set ("" normally; URL is then empty).
	// Config.Environment reports it when the environment is chosen.
	UnsetURLVariable string
	// Owners is this environment's owners attribute ("" when unset: the
	// top-level one holds, see Config.ManageOwners).
	Owners string
	// Shadow is the server plan verification uses for this environment
	// (its own shadow attribute, else the top-level one); "" when unset.
	Shadow string

	// Targets are a fleet's databases from urls and target blocks, in
	// the order written (fleet.go); nil for a single-url environment.
	Targets []Target
	// TargetsQuery, when set, reads more targets from a registry
	// database at run time (fleet.go).
	TargetsQuery *TargetsQuery

	// SubscribesTo names the environments whose publications this
	// environment's subscriptions replicate from (replication.go); nil
	// when unset.
	SubscribesTo []string
}

// NotFoundError reports that the configuration file does not exist. It
// matches fs.ErrNotExist.
type NotFoundError struct {
	Path string
}

// Error implements error.
func (e *NotFoundError) Error() string {
	return fmt.Sprintf("%s not found (run renovate init to create it)", e.Path)
}

// Is makes errors.Is(err, fs.ErrNotExist) true.
func (e *NotFoundError) Is(target error) bool { return target == fs.ErrNotExist }

// DiagnosticsError is the error Load and Parse return for an invalid file.
type DiagnosticsError struct {
	// Diagnostics are sorted by position.
	Diagnostics hcl.Diagnostics
}

// Error lists one diagnostic per line as "file:line:col: summary: detail".
func (e *DiagnosticsError) Error() string {
	lines := make([]string, 0, len(e.Diagnostics))
	for _, d := range e.Diagnostics {
		lines = append(lines, formatDiagnostic(d))
	}
	return strings.Join(lines, "\n")
}

func formatDiagnostic(d *hcl.Diagnostic) string {
	var b strings.Builder
	if d.Subject != nil {
		fmt.Fprintf(&b, "%s:%d:%d: ", d.Subject.Filename, d.Subject.Start.Line, d.Subject.Start.Column)
	}
	if d.Severity == hcl.DiagWarning {
		b.WriteString("warning: ")
	}
	b.WriteString(d.Summary)
	if d.Detail != "" {
		b.WriteString(": ")
		b.WriteString(d.Detail)
	}
	return b.String()
}

func newDiagnosticsError(diags hcl.Diagnostics) *DiagnosticsError {
	diags = slices.Clone(diags)
	sort.SliceStable(diags, func(i, j int) bool {
		a, b := diags[i].Subject, diags[j].Subject
		switch {
		case a == nil || b == nil:
			return a == nil && b != nil
		case a.Filename != b.Filename:
			return a.Filename < b.Filename
		}
		return a.Start.Byte < b.Start.Byte
	})
	return &DiagnosticsError{Diagnostics: diags}
}

// Load reads and validates the configuration file at path, evaluating
// env() with the process environment. A missing file gives a
// *NotFoundError (errors.Is(err, fs.ErrNotExist)); an invalid one a
// *DiagnosticsError.
func Load(path string) (*Config, error) {
	src, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, &NotFoundError{Path: path}
	}
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return Parse(path, src, os.LookupEnv)
}

// Parse validates the configuration src, naming it filename in diagnostics
// and Config.Path. env(NAME) is evaluated with lookupEnv (os.LookupEnv when
// nil). Errors are *DiagnosticsError.
func Parse(filename string, src []byte, lookupEnv func(string) (string, bool)) (*Config, error) {
	if lookupEnv == nil {
		lookupEnv = os.LookupEnv
	}
	f, diags := hclparse.NewParser().ParseHCL(src, filename)
	if diags.HasErrors() {
		return nil, newDiagnosticsError(diags)
	}
	d := &decoder{
		ctx:       evalContext(lookupEnv),
		lookupEnv: lookupEnv,
		// The same expressions with env() returning "": what is written in
		// the file itself.
		static: evalContext(func(string) (string, bool) { return "", true }),
	}
	cfg := d.decode(filename, f.Body)
	if d.diags.HasErrors() {
		return nil, newDiagnosticsError(d.diags)
	}
	return cfg, nil
}

func rootSchema() *hcl.BodySchema {
	return &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{
			{Name: "default_environment"},
			{Name: "include"},
			{Name: "exclude"},
			{Name: "online"},
			{Name: "owners"},
			{Name: "shadow"},
		},
		Blocks: []hcl.BlockHeaderSchema{
			{Type: "environment", LabelNames: []string{"name"}},
			{Type: "variable", LabelNames: []string{"name"}},
			{Type: "data", LabelNames: []string{"table"}},
		},
	}
}

func environmentSchema() *hcl.BodySchema {
	return &hcl.BodySchema{
		Attributes: []hcl.AttributeSchema{
			{Name: "url"},
			{Name: "urls"},
			{Name: "include"},
			{Name: "exclude"},
			{Name: "vars"},
			{Name: "owners"},
			{Name: "shadow"},
			{Name: "subscribes_to"},
		},
		Blocks: []hcl.BlockHeaderSchema{
			{Type: "target", LabelNames: []string{"name"}},
			{Type: "targets_query"},
		},
	}
}

func evalContext(lookupEnv func(string) (string, bool)) *hcl.EvalContext {
	return &hcl.EvalContext{
		Functions: map[string]function.Function{
			"env": function.New(&function.Spec{
				Description: "Returns the value of an environment variable.",
				Params:      []function.Parameter{{Name: "name", Type: cty.String}},
				Type:        function.StaticReturnType(cty.String),
				Impl: func(args []cty.Value, _ cty.Type) (cty.Value, error) {
					name := args[0].AsString()
					v, ok := lookupEnv(name)
					if !ok {
						return cty.NilVal, fmt.Errorf("environment variable %s is not set", name)
					}
					return cty.StringVal(v), nil
				},
			}),
		},
	}
}

type decoder struct {
	ctx, static *hcl.EvalContext
	diags       hcl.Diagnostics
	declared    map[string]bool
	lookupEnv   func(string) (string, bool)
	// subscribes are the subscribes_to attributes by environment name,
	// checked once every environment is known (replication.go).
	subscribes map[string]*hcl.Attribute
}

func (d *decoder) decode(filename string, body hcl.Body) *Config {
	cfg := &Config{Path: filename}
	content, diags := body.Content(rootSchema())
	d.diags = append(d.diags, diags...)
	if content == nil {
		return cfg
	}

	cfg.Variables = d.variables(content.Blocks)
	cfg.Data = d.dataBlocks(content.Blocks)
	seen := map[string]hcl.Range{}
	envRanges := map[string]hcl.Range{}
	// invalid names the environments whose block has an error of its own
	// (reported already): default_environment may name them without a
	// second, misleading "Unknown environment" error.
	invalid := map[string]bool{}
	for _, b := range content.Blocks {
		if b.Type != "environment" {
			continue
		}
		env, ok := d.environment(b)
		if !ok {
			invalid[env.Name] = true
			continue
		}
		if prev, dup := seen[env.Name]; dup {
			d.add(&b.DefRange, nil, "Duplicate environment",
				fmt.Sprintf("An environment named %q was already defined at %s.", env.Name, prev))
			continue
		}
		seen[env.Name] = b.DefRange
		envRanges[env.Name] = b.DefRange
		cfg.Environments = append(cfg.Environments, env)
	}
	sort.Slice(cfg.Environments, func(i, j int) bool {
		return cfg.Environments[i].Name < cfg.Environments[j].Name
	})

	if a := content.Attributes["include"]; a != nil {
		cfg.Include, _ = d.patterns(a)
	}
	if a := content.Attributes["exclude"]; a != nil {
		cfg.Exclude, _ = d.patterns(a)
	}
	d.checkVars(cfg, envRanges)
	d.checkReplication(cfg)
	if a := content.Attributes["online"]; a != nil {
		cfg.Online, _ = d.bool(a)
	}
	if a := content.Attributes["owners"]; a != nil {
		cfg.Owners, _ = d.owners(a)
	}
	if a := content.Attributes["shadow"]; a != nil {
		cfg.Shadow, _ = d.url(a)
	}
	if a := content.Attributes["default_environment"]; a != nil {
		name, ok := d.string(a)
		switch {
		case !ok:
		case name == "":
			d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Empty default environment",
				"Remove default_environment, or set it to the name of an environment block.")
		case invalid[name] && !cfg.has(name):
		case !cfg.has(name):
			d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Unknown environment",
				fmt.Sprintf("default_environment is %q, but there is no environment block with that name (defined: %s).",
					name, cfg.names()))
		default:
			cfg.DefaultEnvironment = name
		}
	}
	return cfg
}

var envNameRE = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9_.-]*$`)

func (d *decoder) environment(b *hcl.Block) (Environment, bool) {
	env := Environment{Name: b.Labels[0]}
	ok := true
	if !envNameRE.MatchString(env.Name) {
		d.add(b.LabelRanges[0].Ptr(), &b.DefRange, "Invalid environment name",
			fmt.Sprintf("%q is not a valid environment name: use letters, digits, \"_\", \"-\" and \".\", starting with a letter or digit.", env.Name))
		ok = false
	}
	content, diags := b.Body.Content(environmentSchema())
	d.diags = append(d.diags, diags...)
	if content == nil {
		return env, false
	}
	fleetOK := d.fleet(&env, content)
	ok = ok && fleetOK
	switch a := content.Attributes["url"]; {
	case a != nil && env.IsFleet():
		d.add(a.Range.Ptr(), &b.DefRange, "Conflicting targets",
			"An environment has either one url, or many targets (urls, target blocks, targets_query), not both.")
		ok = false
	case a == nil && !env.IsFleet() && fleetOK:
		// The message HCL gives for a missing required argument, with
		// the fleet forms named.
		r := b.Body.MissingItemRange()
		d.add(&r, nil, "Missing required argument",
			`The argument "url" is required, but no definition was found.`)
		ok = false
	}
	if a := content.Attributes["url"]; a != nil {
		// An unset environment variable only matters when this
		// environment is used: planning staging needs no production URL.
		if missing := d.unsetEnv(a); missing != "" {
			env.UnsetURLVariable = missing
		} else {
			var urlOK bool
			env.URL, urlOK = d.url(a)
			ok = ok && urlOK
		}
	}
	if a := content.Attributes["include"]; a != nil {
		env.Include, _ = d.patterns(a)
	}
	if a := content.Attributes["exclude"]; a != nil {
		env.Exclude, _ = d.patterns(a)
	}
	if a := content.Attributes["vars"]; a != nil {
		env.Vars = d.envVars(a)
	}
	if a := content.Attributes["owners"]; a != nil {
		var ownersOK bool
		env.Owners, ownersOK = d.owners(a)
		ok = ok && ownersOK
	}
	if a := content.Attributes["shadow"]; a != nil {
		var shadowOK bool
		env.Shadow, shadowOK = d.url(a)
		ok = ok && shadowOK
	}
	if a := content.Attributes["subscribes_to"]; a != nil {
		env.SubscribesTo = d.subscribesTo(env.Name, a)
	}
	return env, ok
}

func (d *decoder) url(a *hcl.Attribute) (string, bool) {
	s, ok := d.string(a)
	if !ok {
		return "", false
	}
	subject, context := a.Expr.Range().Ptr(), a.Range.Ptr()
	if strings.TrimSpace(s) == "" {
		d.add(subject, context, "Empty connection string",
			a.Name+` must be a libpq connection string such as "postgres://app@localhost:5432/app"; "postgres://" uses libpq's defaults (PGHOST, PGUSER, ...).`)
		return "", false
	}
	if err := validateDSN(s); err != nil {
		d.add(subject, context, "Invalid connection string", err.Error()+".")
		return "", false
	}
	// Only what is written in the file counts: env() may supply a password.
	if v, diags := a.Expr.Value(d.static); !diags.HasErrors() && v.Type().Equals(cty.String) && !v.IsNull() && HasPassword(v.AsString()) {
		d.add(subject, context, "Password in connection string",
			filepath.Base(a.Range.Filename)+" must not contain passwords; use PGPASSWORD or ~/.pgpass.")
		return "", false
	}
	return s, true
}

func (d *decoder) add(subject, context *hcl.Range, summary, detail string) {
	d.diags = append(d.diags, &hcl.Diagnostic{
		Severity: hcl.DiagError,
		Summary:  summary,
		Detail:   detail,
		Subject:  subject,
		Context:  context,
	})
}

func (d *decoder) value(a *hcl.Attribute) (cty.Value, bool) {
	v, diags := a.Expr.Value(d.ctx)
	d.diags = append(d.diags, diags...)
	if diags.HasErrors() {
		return cty.NilVal, false
	}
	if !v.IsWhollyKnown() {
		d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Unknown value",
			fmt.Sprintf("The value of %q cannot be determined.", a.Name))
		return cty.NilVal, false
	}
	return v, true
}

func (d *decoder) typeError(a *hcl.Attribute, want string) {
	d.add(a.Expr.Range().Ptr(), a.Range.Ptr(), "Incorrect attribute value type",
		fmt.Sprintf("Inappropriate value for attribute %q: %s required.", a.Name, want))
}

// string decodes a string attribute. Unlike HCL's usual conversions, numbers
// and bools are not accepted.
func (d *decoder) string(a *hcl.Attribute) (string, bool) {
	v, ok := d.value(a)
	if !ok {
		return "", false
	}
	if v.IsNull() || !v.Type().Equals(cty.String) {
		d.typeError(a, "string")
		return "", false
	}
	return v.AsString(), true
}

// stringList decodes a list of strings; null and [] give nil.
func (d *decoder) stringList(a *hcl.Attribute) ([]string, bool) {
	v, ok := d.value(a)
	if !ok {
		return nil, false
	}
	if v.IsNull() {
		return nil, true
	}
	t := v.Type()
	if !t.IsTupleType() && !t.IsListType() && !t.IsSetType() {
		d.typeError(a, "list of string")
		return nil, false
	}
	var out []string
	for it := v.ElementIterator(); it.Next(); {
		_, e := it.Element()
		if e.IsNull() || !e.Type().Equals(cty.String) {
			d.typeError(a, "list of string")
			return nil, false
		}
		out = append(out, e.AsString())
	}
	return out, true
}

func (c *Config) has(name string) bool {
	for _, e := range c.Environments {
		if e.Name == name {
			return true
		}
	}
	return false
}

func (c *Config) names() string {
	if len(c.Environments) == 0 {
		return "none"
	}
	names := make([]string, len(c.Environments))
	for i, e := range c.Environments {
		names[i] = e.Name
	}
	return strings.Join(names, ", ")
}

func (c *Config) file() string {
	if c.Path == "" {
		return FileName
	}
	return c.Path
}

// Environment returns a copy of the environment called name. An empty name
// selects the default: default_environment if set, else the only
// environment, else the one called "default". Unknown names, and an empty
// name with no default, are errors that list the defined environments.
func (c *Config) Environment(name string) (*Environment, error) {
	e, err := c.Settings(name)
	if err != nil {
		return nil, err
	}
	if e.UnsetURLVariable != "" {
		return nil, fmt.Errorf("environment %q: its url reads environment variable %s, which is not set", e.Name, e.UnsetURLVariable)
	}
	if q := e.TargetsQuery; q != nil && q.UnsetURLVariable != "" {
		return nil, fmt.Errorf("environment %q: the url of its targets_query reads environment variable %s, which is not set", e.Name, q.UnsetURLVariable)
	}
	return e, nil
}

// Settings is Environment without the check that the url could be
// evaluated: for a command given --url, which needs only the
// environment's filters and variables.
func (c *Config) Settings(name string) (*Environment, error) {
	if name == "" {
		switch {
		case c.DefaultEnvironment != "":
			name = c.DefaultEnvironment
		case len(c.Environments) == 1:
			name = c.Environments[0].Name
		case c.has(DefaultEnvironmentName):
			name = DefaultEnvironmentName
		case len(c.Environments) == 0:
			return nil, fmt.Errorf("%s defines no environments; add an environment block", c.file())
		default:
			return nil, fmt.Errorf("no environment selected: %s defines %s and no default_environment", c.file(), c.names())
		}
	}
	for _, e := range c.Environments {
		if e.Name == name {
			e.Include = slices.Clone(e.Include)
			e.Exclude = slices.Clone(e.Exclude)
			e.Vars = maps.Clone(e.Vars)
			e.Targets = slices.Clone(e.Targets)
			e.SubscribesTo = slices.Clone(e.SubscribesTo)
			if e.Shadow == "" {
				e.Shadow = c.Shadow
			}
			return &e, nil
		}
	}
	return nil, fmt.Errorf("unknown environment %q (%s defines: %s)", name, c.file(), c.names())
}

// Render returns the contents of a new renovate.hcl with a single
// environment envName ("default" when empty) connecting to url, after
// removing any password from url. The result loads with Load.
func Render(envName, url string) ([]byte, error) {
	if envName == "" {
		envName = DefaultEnvironmentName
	}
	if !envNameRE.MatchString(envName) {
		return nil, fmt.Errorf("rendering %s: invalid environment name %q: use letters, digits, \"_\", \"-\" and \".\", starting with a letter or digit", FileName, envName)
	}
	url = StripPassword(url)
	if strings.TrimSpace(url) == "" {
		return nil, fmt.Errorf("rendering %s: empty connection string", FileName)
	}
	if err := validateDSN(url); err != nil {
		return nil, fmt.Errorf("rendering %s: invalid connection string %s: %w", FileName, Redact(url), err)
	}
	quote := func(s string) string {
		return string(hclwrite.TokensForValue(cty.StringVal(s)).Bytes())
	}
	var b bytes.Buffer
	fmt.Fprintf(&b, `# renovate.hcl: configuration for renovate, the declarative schema
# planner for PostgreSQL. Commit it with the schema files.

# The environment used when none is chosen on the command line.
default_environment = %[1]s

# Object patterns (e.g. "schema:archive") included in or excluded from
# every environment.
include = []
exclude = []

# Values SQL files refer to as {{var.NAME}}; an environment sets its own
# with vars = { NAME = "..." }.
# variable "app_role" {
#   default = "app"
# }

# Tables whose rows renovate manages as reference data, written to
# <schema>/data/<table>.sql. key defaults to the primary key; a natural key
# (e.g. a code) matches rows across databases whose ids differ.
# data "public.countries" {
#   key            = ["code"]
#   ignore_columns = []
#   where          = "builtin"
# }

# One block per database to plan against and apply to.
environment %[1]s {
  # A libpq connection string, URL or keyword/value form. Never write a
  # password here: use PGPASSWORD or ~/.pgpass. To read the whole string
  # from the environment instead: url = env("DATABASE_URL")
  url = %[2]s

  # Object patterns (e.g. "public.audit_*") for this environment only.
  include = []
  exclude = []

  # Variable values for this environment.
  # vars = { app_role = "app" }
}
`, quote(envName), quote(url))
	return hclwrite.Format(b.Bytes()), nil
}
