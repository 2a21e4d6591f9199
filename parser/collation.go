package parser

import (
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// collationDef is CREATE COLLATION; from is the copied collation of
// CREATE COLLATION ... FROM, resolved once every collation is known.
type collationDef struct {
	loc  Location
	coll state.Collation
	from []string
}

// createCollation handles CREATE COLLATION [IF NOT EXISTS] name (PROVIDER
// = p, LOCALE = l | LC_COLLATE = a, LC_CTYPE = b, DETERMINISTIC = bool,
// RULES = r) and CREATE COLLATION name FROM existing. The model is
// canonical: a libc collation whose LC_COLLATE and LC_CTYPE agree has only
// a Locale.
func (p *fileParser) createCollation(s *pg_query.DefineStmt, loc Location) {
	name, ok := p.anyName(s.Defnames, loc)
	if !ok {
		return
	}
	c := state.Collation{Schema: name.Schema, Name: name.Name, Provider: "libc", Deterministic: true}
	def := &collationDef{loc: loc}
	seen := map[string]bool{}
	for _, n := range s.Definition {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		dloc := p.locOr(d.Location, loc)
		key := strings.ToLower(d.Defname)
		if seen[key] {
			p.errs.semantic(dloc, "collation %s: conflicting or redundant options (%s)", name, key)
			return
		}
		seen[key] = true
		if key == "from" {
			names, err := stringList(d.Arg.GetList().GetItems())
			if err != nil || len(names) == 0 || len(names) > 2 {
				p.errs.semantic(dloc, "collation %s: improper name after FROM", name)
				return
			}
			def.from = names
			continue
		}
		v, err := relOptionValue(d.Arg)
		if err != nil {
			p.errs.semantic(dloc, "collation %s: option %s: %v", name, key, err)
			return
		}
		switch key {
		case "provider":
			c.Provider = strings.ToLower(v)
			switch c.Provider {
			case "libc", "icu", "builtin":
			default:
				p.errs.semantic(dloc, "collation %s: unrecognized collation provider: %s", name, v)
				return
			}
		case "locale":
			c.Locale = v
		case "lc_collate":
			c.LcCollate = v
		case "lc_ctype":
			c.LcCtype = v
		case "deterministic":
			b, ok := parseBool(v)
			if !ok {
				p.errs.semantic(dloc, "collation %s: deterministic requires a Boolean value", name)
				return
			}
			c.Deterministic = b
		case "rules":
			c.Rules = v
		case "version":
			// The collation version records the library version the
			// collation was created with; it is the server's business.
		default:
			p.errs.semantic(dloc, "collation %s: collation attribute %q not recognized", name, d.Defname)
			return
		}
	}
	if def.from != nil && len(seen) > 1 {
		p.errs.semantic(loc, "collation %s: conflicting or redundant options (FROM cannot be combined with other options)", name)
		return
	}
	if def.from == nil {
		if err := canonicalCollation(&c); err != "" {
			p.errs.semantic(loc, "collation %s: %s", name, err)
			return
		}
	}
	def.coll = c
	p.add(def)
}

// canonicalCollation checks a collation's options and puts them in the
// model's canonical form; it returns a message for an invalid combination.
func canonicalCollation(c *state.Collation) string {
	if c.Locale != "" && (c.LcCollate != "" || c.LcCtype != "") {
		if c.Provider != "libc" {
			return "LC_COLLATE and LC_CTYPE are only for the libc provider"
		}
		return "conflicting or redundant options: LOCALE cannot be specified together with LC_COLLATE or LC_CTYPE"
	}
	switch c.Provider {
	case "libc":
		if c.Locale != "" {
			c.LcCollate, c.LcCtype = c.Locale, c.Locale
		}
		if c.LcCollate == "" {
			return `parameter "lc_collate" must be specified`
		}
		if c.LcCtype == "" {
			return `parameter "lc_ctype" must be specified`
		}
		c.Locale = ""
		if c.LcCollate == c.LcCtype {
			c.Locale, c.LcCollate, c.LcCtype = c.LcCollate, "", ""
		}
		if c.Rules != "" {
			return "ICU rules cannot be specified unless locale provider is ICU"
		}
	default:
		if c.LcCollate != "" || c.LcCtype != "" {
			return "LC_COLLATE and LC_CTYPE are only for the libc provider"
		}
		if c.Locale == "" {
			return `parameter "locale" must be specified`
		}
	}
	return ""
}

// systemCollation returns the model of a collation CREATE COLLATION ...
// FROM may copy from pg_catalog when renovate can know its properties
// offline: "C", "POSIX" and the ICU collations named <locale>-x-icu.
func systemCollation(name string) (state.Collation, bool) {
	switch {
	case name == "C" || name == "POSIX":
		return state.Collation{Provider: "libc", Locale: name, Deterministic: true, AnyEncoding: true}, true
	case strings.HasSuffix(name, "-x-icu") && len(name) > len("-x-icu"):
		return state.Collation{Provider: "icu", Locale: strings.TrimSuffix(name, "-x-icu"), Deterministic: true}, true
	}
	return state.Collation{}, false
}

// builtinCollations are the pg_catalog collations every database has
// whatever its operating system, so an unqualified reference to them never
// means a collation of the public schema.
var builtinCollations = map[string]bool{
	"default": true, "C": true, "POSIX": true, "ucs_basic": true,
	"unicode": true, "pg_c_utf8": true, "pg_unicode_fast": true,
}

// parseBool is PostgreSQL's parse_bool: true/false, yes/no, on/off, 1/0
// and unique prefixes of the words, in any case.
func parseBool(s string) (bool, bool) {
	v := strings.ToLower(strings.TrimSpace(s))
	if v == "" {
		return false, false
	}
	switch v[0] {
	case 't':
		return true, strings.HasPrefix("true", v)
	case 'f':
		return false, strings.HasPrefix("false", v)
	case 'y':
		return true, strings.HasPrefix("yes", v)
	case 'n':
		return false, strings.HasPrefix("no", v)
	case 'o':
		// "o" alone is ambiguous between on and off.
		if len(v) >= 2 && strings.HasPrefix("on", v) {
			return true, true
		}
		return false, len(v) >= 2 && strings.HasPrefix("off", v)
	case '1':
		return true, v == "1"
	case '0':
		return false, v == "0"
	}
	return false, false
}
