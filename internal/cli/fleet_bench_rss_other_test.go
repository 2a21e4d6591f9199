//go:build !linux

package cli

// maxRSS is the process's peak resident set where the benchmark knows
// how to read it (Linux).
func maxRSS() string { return "n/a" }
