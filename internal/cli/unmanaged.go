package cli

import (
	"fmt"

	"github.com/renovate-pg/renovate/internal/engine"
)

// reportUnmanaged prints a warning on stderr for every object of a kind
// renovate does not manage, so none is ignored silently; with strict, such
// objects are an error (exit 1).
func reportUnmanaged(f *Factory, remote *engine.Remote, strict bool) error {
	for _, w := range remote.Warnings {
		fmt.Fprintf(f.IO.ErrOut, "warning: %s\n", w)
	}
	if strict && len(remote.Warnings) > 0 {
		return fmt.Errorf("the database holds %d object(s) of kinds renovate does not manage (listed above); --strict refuses to go on", len(remote.Warnings))
	}
	return nil
}

// noteOwners says, once, that owners are not managed (renovate.hcl's
// owners = "ignore", the default), unless a warning said it already
// (engine.Remote.OwnersNote). It is progress information: --quiet drops
// it, and it goes to stdout only where stdout is not a plan.
func noteOwners(f *Factory, remote *engine.Remote) {
	if remote.OwnersNote != "" {
		f.IO.Infof("%s\n", remote.OwnersNote)
	}
}
