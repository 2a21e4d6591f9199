//go:build !linux && !darwin && !dragonfly && !freebsd && !netbsd && !openbsd

package cli

// isTerminalFd is false where renovate cannot ask the terminal driver:
// commands then behave as in a script (no prompt; pass --yes).
func isTerminalFd(uintptr) bool { return false }
