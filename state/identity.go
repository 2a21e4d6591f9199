package state

import "unicode/utf8"

// IdentitySequenceName is the name PostgreSQL gives the sequence of an
// identity column of table when nothing takes it first: makeObjectName's
// <table>_<column>_seq, the longer of the two names cut first so that the
// result fits in 63 bytes (without splitting a character).
func IdentitySequenceName(table, column string) string {
	const maxIdentLen, label = 63, "seq"
	n1, n2 := len(table), len(column)
	for n1+n2 > maxIdentLen-2-len(label) {
		if n1 > n2 {
			n1--
		} else {
			n2--
		}
	}
	return clip(table, n1) + "_" + clip(column, n2) + "_" + label
}

// clip cuts s to at most n bytes at a character boundary.
func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
