package cli

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"

	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/internal/shadow"
	"github.com/renovate-pg/renovate/state/catalog"
)

// addFidelityFlags registers init's and fetch's --verify and --shadow:
// the fidelity check (engine.CheckFidelity) that rebuilds the written
// files in a scratch database and compares it with the database.
func addFidelityFlags(c *cobra.Command, v *verifyFlags) {
	c.Flags().StringVar(&v.Mode, "verify", verifyAuto, "rebuild the written files in a scratch database and compare it with the database, naming every property that did not survive: auto (when a scratch database can be had), always, never")
	c.Flags().Lookup("verify").NoOptDefVal = verifyAlways
	c.Flags().StringVar(&v.Shadow, "shadow", "", "server for the scratch database of --verify (default: shadow in renovate.hcl, else a throwaway local PostgreSQL)")
}

// maxLossLines is how many differing objects the fidelity warning lists
// per property before it summarizes.
const maxLossLines = 10

// checkFidelity runs the fidelity check of init and fetch for the files
// in t.Dir against the database conn, and reports on stderr. It returns
// an error when the check could not run and --verify=always, and when
// something was lost and strict is set.
func checkFidelity(ctx context.Context, f *Factory, v verifyFlags, t targetFlags, sc engine.Scope, conn *pgx.Conn, strict bool) error {
	if v.Mode == verifyNever {
		return nil
	}
	notChecked := func(reason error) error {
		if v.Mode == verifyAlways {
			return fmt.Errorf("cannot check that the files rebuild the database: %w", reason)
		}
		fmt.Fprintf(f.IO.ErrOut, "note: the files were not checked against a rebuild: %v\n", reason)
		return nil
	}
	serverURL, err := v.shadowURL(t)
	if err != nil {
		return err
	}
	local, err := engine.LoadLocalScoped(t.Dir, sc)
	if err != nil {
		return err
	}
	prog := newProgress(f.IO)
	defer prog.Done()
	prog.Phase("Checking that the files rebuild the database")
	db, err := v.openShadow(ctx, serverURL)
	if err != nil {
		if errors.Is(err, shadow.ErrUnavailable) {
			err = errors.New("no PostgreSQL server binaries on this machine and no shadow configured")
		}
		return notChecked(err)
	}
	defer func() {
		if err := db.Close(context.Background()); err != nil {
			fmt.Fprintf(f.IO.ErrOut, "warning: %v\n", err)
		}
	}()
	scratch, ref, err := db.Connect(ctx)
	if err != nil {
		return notChecked(fmt.Errorf("connecting to the scratch database: %w", err))
	}
	defer scratch.Close(context.Background())
	ref.Close(context.Background())
	rep, err := engine.CheckFidelity(ctx, conn, scratch, local, sc)
	prog.Done()
	if err != nil {
		return notChecked(err)
	}
	switch {
	case rep.Skipped != "":
		return notChecked(errors.New(rep.Skipped))
	case rep.BuildErr != nil:
		msg := fmt.Sprintf("the files do not rebuild the database: building them in an empty database (%s) failed: %v", db.Where, rep.BuildErr)
		if strict {
			return errors.New(msg)
		}
		fmt.Fprintf(f.IO.ErrOut, "warning: %s\n", msg)
		return nil
	case len(rep.Losses) == 0:
		f.IO.Infof("Checked: the files rebuild the database exactly (%d objects, %d properties compared in %s).\n", rep.Objects, rep.Facts, db.Where)
		return nil
	}
	fmt.Fprintf(f.IO.ErrOut, "warning: %d difference(s) between the database and a rebuild of the files in %s; the files do not hold these:\n", len(rep.Losses), db.Where)
	for _, l := range summarizeLosses(rep.Losses) {
		fmt.Fprintf(f.IO.ErrOut, "  %s\n", l)
	}
	if strict {
		return fmt.Errorf("%d difference(s) between the database and a rebuild of its files (listed above); --strict refuses to go on", len(rep.Losses))
	}
	return nil
}

// summarizeLosses renders losses one per line, except that a property
// lost on more than maxLossLines objects is one line with a count and
// the first few objects.
func summarizeLosses(losses []catalog.Loss) []string {
	byProp := map[string][]catalog.Loss{}
	for _, l := range losses {
		byProp[l.Property] = append(byProp[l.Property], l)
	}
	props := make([]string, 0, len(byProp))
	for p := range byProp {
		props = append(props, p)
	}
	sort.Strings(props)
	var out []string
	for _, p := range props {
		ls := byProp[p]
		if p == "" || len(ls) <= maxLossLines {
			for _, l := range ls {
				out = append(out, l.String())
			}
			continue
		}
		var names []string
		for _, l := range ls[:3] {
			names = append(names, l.Object)
		}
		out = append(out, fmt.Sprintf("%s differs on %d objects (%s, ...), e.g. %s", p, len(ls), strings.Join(names, "; "), ls[0].String()))
	}
	return out
}
