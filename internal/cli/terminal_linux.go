package cli

import "golang.org/x/sys/unix"

// isTerminalFd asks the terminal driver for fd's settings, as isatty(3)
// does: only a terminal has them.
func isTerminalFd(fd uintptr) bool {
	_, err := unix.IoctlGetTermios(int(fd), unix.TCGETS)
	return err == nil
}
