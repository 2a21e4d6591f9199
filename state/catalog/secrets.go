package catalog

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/state"
)

// Secrets: a user mapping's password and the password of a subscription's
// connection string are written in files, plans and records as
// {{env.NAME}} references (state.SecretRef). Execute resolves them right
// before a statement is sent, in memory only; the Statement keeps its
// unresolved SQL for errors, progress and records.

// MissingSecretError names the environment variables a plan needs that
// are not set. Nothing has run.
type MissingSecretError struct {
	Names []string
}

func (e *MissingSecretError) Error() string {
	return fmt.Sprintf("the plan needs the environment variable(s) %s (secrets its user mappings or subscriptions refer to as {{env.NAME}}); set them and apply again: nothing was changed",
		strings.Join(e.Names, ", "))
}

// ScratchSecrets resolves every reference to a placeholder: scratch
// databases (plan verification, the fidelity check) never connect with the
// objects they hold, and must not see real secrets.
func ScratchSecrets(string) (string, bool) { return "renovate-scratch-placeholder", true }

// secretStatement reports whether a statement may hold secret references:
// only user mappings and subscriptions do; a reference-like text elsewhere
// (a function body, a comment) is left alone.
func secretStatement(sql string) bool {
	for _, p := range []string{"CREATE USER MAPPING ", "ALTER USER MAPPING ", "CREATE SUBSCRIPTION ", "ALTER SUBSCRIPTION "} {
		if strings.HasPrefix(sql, p) {
			return true
		}
	}
	return false
}

// resolveSecrets returns stmts with the secrets of user mapping and
// subscription statements resolved into their run text. It fails, naming
// every variable missing, before anything runs.
func resolveSecrets(stmts []Statement, lookup func(string) (string, bool)) ([]Statement, error) {
	if lookup == nil {
		lookup = os.LookupEnv
	}
	out := stmts
	copied := false
	missing := map[string]bool{}
	for i, s := range stmts {
		if !secretStatement(s.SQL) || len(state.SecretRefNames(s.SQL)) == 0 {
			continue
		}
		run, err := state.ReplaceSecretRefs(s.SQL, func(name, before string) (string, error) {
			v, ok := lookup(name)
			if !ok {
				missing[name] = true
				return "", nil
			}
			return secretText(v, before), nil
		})
		if err != nil {
			return nil, err
		}
		if !copied {
			out = append([]Statement(nil), stmts...)
			copied = true
		}
		out[i].run = run
	}
	if len(missing) > 0 {
		names := make([]string, 0, len(missing))
		for n := range missing {
			names = append(names, n)
		}
		sort.Strings(names)
		return nil, &MissingSecretError{Names: names}
	}
	return out, nil
}

// secretText is a secret's value as it goes in place of its reference,
// which is always inside a single-quoted SQL literal. After "key=" in a
// connection string it is quoted for libpq as well.
func secretText(v, before string) string {
	if strings.HasSuffix(strings.TrimRight(before, " \t"), "=") {
		v = state.QuoteConninfoValue(v)
	}
	return strings.ReplaceAll(v, "'", "''")
}
