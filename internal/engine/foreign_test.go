package engine

import "github.com/renovate-pg/renovate/state"

// literalSecrets resolves {{env.NAME}} to that very text, so a plan
// applied in a test stores what the case's SQL, run directly, stores.
func literalSecrets(name string) (string, bool) { return state.SecretRef(name), true }
