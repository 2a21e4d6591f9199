package engine

import (
	"regexp"
	"strings"

	"github.com/renovate-pg/renovate/parser"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/layout"
)

// Secrets in rewritten files. The database never gives renovate a secret's
// reference, only (at most) its value, which it never writes: introspection
// names every secret after its object (state.DefaultSecretName). When
// apply or fetch rewrites a file that already refers to secrets, the
// user's references are kept: a user mapping or subscription statement of
// the new text takes the references of the statement for the same object
// in the current file, in order, when both hold as many.

// secretObjectRE finds the object a secret-bearing statement is about:
// "CREATE USER MAPPING FOR role SERVER server" or "CREATE SUBSCRIPTION
// name".
var secretObjectRE = regexp.MustCompile(`(?is)^\s*CREATE\s+(USER\s+MAPPING\s+FOR\s+\S+\s+SERVER\s+\S+|SUBSCRIPTION\s+\S+)`)

// keepSecretNames rewrites want's foreign-data and subscription files to
// use the secret references of the current files (previous).
func keepSecretNames(want map[string]string, previous func(path string) (string, bool)) {
	for _, p := range []string{layout.ForeignDataPath, layout.SubscriptionsPath} {
		text, ok := want[p]
		if !ok || len(state.SecretRefNames(text)) == 0 {
			continue
		}
		prev, ok := previous(p)
		if !ok {
			continue
		}
		old := map[string][]string{}
		for _, st := range strings.SplitAfter(prev, ";") {
			if k := secretObject(st); k != "" {
				old[k] = state.SecretRefNames(st)
			}
		}
		var b strings.Builder
		for _, st := range strings.SplitAfter(text, ";") {
			names := old[secretObject(st)]
			if len(names) > 0 && len(names) == len(state.SecretRefNames(st)) {
				i := 0
				st, _ = state.ReplaceSecretRefs(st, func(string, string) (string, error) {
					i++
					return state.SecretRef(names[i-1]), nil
				})
			}
			b.WriteString(st)
		}
		want[p] = b.String()
	}
}

// secretObject is the normalized object of a statement, "" for statements
// that hold no secrets.
func secretObject(st string) string {
	m := secretObjectRE.FindStringSubmatch(st)
	if m == nil {
		return ""
	}
	return strings.ToLower(strings.Join(strings.Fields(m[1]), " "))
}

// keepOutOfScope adds to want's files of database-level objects
// (extensions.sql, publications.sql, foreign_data.sql, subscriptions.sql) the statements
// of the current files whose objects are out of sc's scope: another
// environment's, which this database does not have and must not lose
// from the repository.
func keepOutOfScope(want map[string]string, previous func(path string) (string, bool), sc Scope) {
	if sc.Filter.IsZero() {
		return
	}
	for _, p := range []string{"extensions.sql", layout.PublicationsPath, layout.ForeignDataPath, layout.SubscriptionsPath} {
		prev, ok := previous(p)
		if !ok {
			continue
		}
		stmts, err := parser.SplitObjectStatements(prev)
		if err != nil {
			// Not renovate's text: the file is left to the user's care.
			continue
		}
		var kept strings.Builder
		for _, st := range stmts {
			if st.Key.Kind != "" && !sc.Filter.InScope(st.Key) {
				kept.WriteString(st.SQL)
			}
		}
		if kept.Len() == 0 {
			continue
		}
		if cur := want[p]; cur != "" {
			want[p] = cur + "\n" + kept.String()
		} else {
			want[p] = kept.String()
		}
	}
}
