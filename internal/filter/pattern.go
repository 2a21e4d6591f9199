package filter

import (
	"fmt"
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// Pattern is one parsed object pattern. The forms are:
//
//	public.audit_*              objects named audit_* in schema public
//	audit_*                     objects named audit_* in any schema
//	schema:archive              schema archive and everything in it
//	kind:function:legacy_*      only objects of that kind (any schema)
//	kind:index:public.*_tmp     nested kinds (index, constraint, trigger,
//	                            policy, rule) are matched by their own name
//
// In names, * matches any run of characters and ? one character; names
// are compared as PostgreSQL stores them (unquoted, case-sensitive).
type Pattern struct {
	// Text is the pattern as written.
	Text string
	// Kind restricts the pattern to one kind; "" matches every top-level
	// kind (not schemas, and not kinds nested in tables).
	Kind state.Kind
	// Schema is the schema glob; "" means any schema (an unqualified
	// pattern). For a schema: pattern, Schema is the glob and Name is "".
	Schema string
	// Name is the object name glob.
	Name string
	// WholeSchema marks a schema: pattern.
	WholeSchema bool
}

// topLevel are the kinds a pattern without kind: matches.
var topLevel = map[state.Kind]bool{
	state.KindTable: true, state.KindView: true, state.KindMaterializedView: true,
	state.KindFunction: true, state.KindProcedure: true, state.KindSequence: true,
	state.KindType: true, state.KindCollation: true, state.KindExtension: true,
	state.KindEventTrigger: true, state.KindPublication: true,
	state.KindAggregate: true, state.KindCast: true, state.KindStatisticsObject: true,
	state.KindTSConfiguration: true, state.KindTSDictionary: true, state.KindTSParser: true, state.KindTSTemplate: true,
	state.KindForeignDataWrapper: true, state.KindServer: true, state.KindSubscription: true,
	state.KindOperator: true, state.KindOperatorFamily: true, state.KindOperatorClass: true,
	state.KindConversion: true, state.KindAccessMethod: true,
	state.KindLanguage: true, state.KindTransform: true,
}

// nested are the kinds that live inside a table and can be named by a
// kind: pattern.
var nested = map[state.Kind]bool{
	state.KindIndex: true, state.KindConstraint: true, state.KindTrigger: true, state.KindPolicy: true,
	state.KindRule: true,
}

// unqualifiedKinds are the kinds whose objects belong to no schema.
var unqualifiedKinds = map[state.Kind]bool{
	state.KindSchema: true, state.KindExtension: true, state.KindEventTrigger: true, state.KindPublication: true,
	state.KindCast: true, state.KindAccessMethod: true,
	state.KindForeignDataWrapper: true, state.KindServer: true, state.KindSubscription: true,
}

// Kinds lists the kinds a kind: pattern may name, sorted.
func Kinds() []string {
	var out []string
	for k := range topLevel {
		out = append(out, string(k))
	}
	for k := range nested {
		out = append(out, string(k))
	}
	out = append(out, string(state.KindSchema))
	sort.Strings(out)
	return out
}

// ParsePattern parses one pattern; the error says what is wrong with it.
func ParsePattern(text string) (Pattern, error) {
	p := Pattern{Text: text}
	rest := text
	switch {
	case strings.HasPrefix(rest, "schema:"):
		p.WholeSchema = true
		p.Kind = state.KindSchema
		p.Schema = strings.TrimPrefix(rest, "schema:")
		if err := checkGlob(p.Schema); err != nil {
			return p, fmt.Errorf("invalid pattern %q: schema %w", text, err)
		}
		return p, nil
	case strings.HasPrefix(rest, "kind:"):
		rest = strings.TrimPrefix(rest, "kind:")
		i := strings.IndexByte(rest, ':')
		if i < 0 {
			return p, fmt.Errorf("invalid pattern %q: want kind:KIND:NAME, e.g. kind:function:legacy_*", text)
		}
		k := state.Kind(rest[:i])
		if !topLevel[k] && !nested[k] && k != state.KindSchema {
			return p, fmt.Errorf("invalid pattern %q: unknown kind %q (kinds: %s)", text, k, strings.Join(Kinds(), ", "))
		}
		p.Kind = k
		rest = rest[i+1:]
		if k == state.KindSchema {
			p.WholeSchema = true
			p.Schema = rest
			if err := checkGlob(p.Schema); err != nil {
				return p, fmt.Errorf("invalid pattern %q: schema %w", text, err)
			}
			return p, nil
		}
	}
	if strings.Contains(rest, ":") {
		return p, fmt.Errorf("invalid pattern %q: unexpected \":\" (prefixes are schema: and kind:KIND:)", text)
	}
	if i := strings.IndexByte(rest, '.'); i >= 0 {
		p.Schema, p.Name = rest[:i], rest[i+1:]
		if unqualifiedKinds[p.Kind] {
			return p, fmt.Errorf("invalid pattern %q: %ss belong to no schema; write kind:%s:NAME", text, p.Kind, p.Kind)
		}
		if err := checkGlob(p.Schema); err != nil {
			return p, fmt.Errorf("invalid pattern %q: schema %w", text, err)
		}
	} else {
		p.Name = rest
	}
	if err := checkGlob(p.Name); err != nil {
		return p, fmt.Errorf("invalid pattern %q: name %w", text, err)
	}
	return p, nil
}

func checkGlob(g string) error {
	if g == "" {
		return fmt.Errorf("is empty")
	}
	if strings.Contains(g, ".") {
		return fmt.Errorf("%q has too many \".\" (write schema.name)", g)
	}
	return nil
}

// matchKey reports whether the pattern names key. Schema patterns match
// the schema and every object in it.
func (p Pattern) matchKey(k state.ObjectKey) bool {
	if p.WholeSchema {
		if k.Kind == state.KindSchema {
			return glob(p.Schema, k.Name)
		}
		return k.Schema != "" && glob(p.Schema, k.Schema)
	}
	switch {
	case p.Kind == "" && !topLevel[k.Kind]:
		return false
	case p.Kind != "" && p.Kind != k.Kind:
		return false
	}
	if p.Schema != "" && !glob(p.Schema, k.Schema) {
		return false
	}
	return glob(p.Name, k.Name)
}

// glob matches s against a pattern where * is any run of characters and ?
// is one character.
func glob(pattern, s string) bool {
	// Iterative matcher with single-star backtracking: linear in practice.
	pr, sr := []rune(pattern), []rune(s)
	pi, si := 0, 0
	star, mark := -1, 0
	for si < len(sr) {
		switch {
		case pi < len(pr) && (pr[pi] == '?' || pr[pi] == sr[si]):
			pi++
			si++
		case pi < len(pr) && pr[pi] == '*':
			star, mark = pi, si
			pi++
		case star >= 0:
			pi = star + 1
			mark++
			si = mark
		default:
			return false
		}
	}
	for pi < len(pr) && pr[pi] == '*' {
		pi++
	}
	return pi == len(pr)
}
