package cli

import (
	"fmt"
	"syscall"
)

// maxRSS is the test process's peak resident set so far (getrusage
// ru_maxrss, which Linux gives in KiB).
func maxRSS() string {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return "n/a (" + err.Error() + ")"
	}
	return fmt.Sprintf("%.1f MB", float64(ru.Maxrss)/1024)
}
