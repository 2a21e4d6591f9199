package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5"
	"github.com/spf13/cobra"

	"github.com/renovate-pg/renovate/internal/config"
	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/internal/shadow"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state/catalog"
)

// Verification modes of --verify.
const (
	verifyAuto   = "auto"   // verify when a shadow database can be had; say so when not
	verifyAlways = "always" // verify, or refuse (exit 3) unless --allow-unverified
	verifyNever  = "never"
)

// verifyFlags are the plan verification flags of plan and apply.
type verifyFlags struct {
	Mode            string
	Shadow          string
	AllowUnverified bool
	// ignoreDrift is apply's --ignore-drift.
	ignoreDrift bool
	// open provides the shadow database; nil means shadow.Open. Tests set
	// it to simulate a machine without one.
	open func(ctx context.Context, serverURL string) (*shadow.DB, error)
	// pending is the scratch database started early (prepare), nil if
	// none.
	pending *shadow.Pending
}

// prepare starts opening the scratch database in the background when the
// command may verify, so that the throwaway cluster starts while the plan
// is computed. A command that calls it defers discard.
func (v *verifyFlags) prepare(ctx context.Context, t targetFlags) {
	if v.Mode == verifyNever || v.pending != nil {
		return
	}
	serverURL, err := v.shadowURL(t)
	if err != nil {
		return // reported where the URL is needed
	}
	open := v.open
	if open == nil {
		open = shadow.Open
	}
	v.pending = shadow.PrepareWith(ctx, serverURL, open)
}

// warm hands the target's fingerprint to the scratch database being
// prepared: a copy of the target kept by an earlier verification starts
// being cloned (shadow.Pending.Warm). Nothing for a nil v or when none is
// being prepared.
func (v *verifyFlags) warm(fingerprint string) {
	if v != nil && v.pending != nil {
		v.pending.Warm(fingerprint)
	}
}

// discard stops a scratch database prepare started that was not used.
func (v *verifyFlags) discard() {
	if v.pending != nil {
		_ = v.pending.Discard()
		v.pending = nil
	}
}

// openShadow gives the scratch database on serverURL: the one prepare
// started, when it was for the same server, else a new one.
func (v verifyFlags) openShadow(ctx context.Context, serverURL string) (*shadow.DB, error) {
	if v.pending != nil && v.pending.ServerURL() == serverURL {
		return v.pending.Wait(ctx)
	}
	if v.open != nil {
		return v.open(ctx, serverURL)
	}
	return shadow.Open(ctx, serverURL)
}

// addVerifyFlags registers --verify, --shadow and --allow-unverified;
// dflt is the mode without --verify, and a bare --verify means always.
func addVerifyFlags(c *cobra.Command, v *verifyFlags, dflt string) {
	c.Flags().StringVar(&v.Mode, "verify", dflt, "run the plan on a scratch copy of the database first and check the result: auto (when a shadow database can be had), always, never")
	c.Flags().Lookup("verify").NoOptDefVal = verifyAlways
	c.Flags().StringVar(&v.Shadow, "shadow", "", "server for the scratch database of --verify (default: shadow in renovate.hcl, else a throwaway local PostgreSQL)")
	c.Flags().BoolVar(&v.AllowUnverified, "allow-unverified", false, "go on without verification when no shadow database can be had")
}

// validate checks the mode.
func (v verifyFlags) validate() error {
	switch v.Mode {
	case verifyAuto, verifyAlways, verifyNever:
		return nil
	}
	return usageErrorf("--verify must be auto, always or never, got %q", v.Mode)
}

// shadowURL is --shadow, else the environment's shadow in renovate.hcl,
// else "" (a throwaway local cluster).
func (v verifyFlags) shadowURL(t targetFlags) (string, error) {
	if v.Shadow != "" {
		return v.Shadow, nil
	}
	cfg, err := config.Load(filepath.Join(t.Dir, ConfigFile))
	if errors.Is(err, fs.ErrNotExist) {
		return "", nil
	}
	if err != nil {
		return "", err
	}
	if len(cfg.Environments) == 0 {
		return cfg.Shadow, nil
	}
	env, err := cfg.Environment(t.Env)
	if err != nil {
		if t.URL != "" {
			// --url without a usable environment: only the top level
			// applies.
			return cfg.Shadow, nil
		}
		return "", err
	}
	return env.Shadow, nil
}

// verifyPlan runs the plan verification of plan and apply (see
// engine.Verify) and reports on w. It returns nil when the plan was
// verified or may go on unverified; a refusal (exit 3) when it cannot be
// verified and that is not allowed; and, when verification fails, a
// refusal for apply and an error for plan. conn is the target database,
// used to read it when remote is nil.
func verifyPlan(ctx context.Context, f *Factory, v verifyFlags, t targetFlags, w io.Writer, conn *pgx.Conn, remote *engine.Remote, p *planner.Plan, applying bool) error {
	if v.Mode == verifyNever {
		return nil
	}
	if p.Empty() {
		if v.Mode == verifyAlways {
			fmt.Fprintln(f.IO.ErrOut, "Nothing to verify: the plan is empty.")
		}
		return nil
	}
	serverURL, err := v.shadowURL(t)
	if err != nil {
		return err
	}
	// An explicitly configured shadow that fails is an error the user
	// must see, whatever the mode.
	strict := v.Mode == verifyAlways || serverURL != ""
	unverified := func(reason error) error {
		if !strict || v.AllowUnverified {
			fmt.Fprintf(f.IO.ErrOut, "warning: the plan was not verified: %v\n", reason)
			if !strict && errors.Is(reason, shadow.ErrUnavailable) {
				fmt.Fprintln(f.IO.ErrOut, "  (configure shadow in renovate.hcl or install the PostgreSQL server binaries to verify plans; --verify=always makes this an error)")
			}
			return nil
		}
		return refused(fmt.Errorf("cannot verify the plan: %w\npass --allow-unverified to go on without verification, or --verify=never", reason))
	}

	// The files as the plan saw them: variables substituted, objects out
	// of the environment's scope left out.
	tg, err := t.resolve()
	if err != nil {
		return err
	}
	local, err := engine.LoadLocalScoped(t.Dir, tg.Scope)
	if err != nil {
		return err
	}
	if remote == nil {
		if remote, err = engine.LoadRemoteScoped(ctx, conn, local, tg.Scope); err != nil {
			return err
		}
	}
	current, err := engine.PlanFingerprint(ctx, conn, remote, tg.Scope)
	if err != nil {
		return err
	}
	if p.RemoteFingerprint != "" && p.RemoteFingerprint != current {
		// A saved plan made against another schema: apply refuses it as
		// stale, or (--ignore-drift) runs it knowingly on a database it
		// was not made for, where the result cannot match the files.
		if v.ignoreDrift {
			fmt.Fprintln(f.IO.ErrOut, "warning: the plan was not verified: the database changed since it was made (--ignore-drift)")
		}
		return nil
	}
	// The target's objects that use unmanaged ones are read while the
	// scratch databases open (the two wait on different servers); conn
	// is not used otherwise until it is read, on every way out.
	type heldRead struct {
		held []catalog.UnmanagedDependent
		err  error
	}
	heldCh := make(chan heldRead, 1)
	go func() {
		held, err := catalog.UnmanagedDependents(ctx, conn)
		heldCh <- heldRead{held, err}
	}()
	readHeld := sync.OnceValue(func() heldRead { return <-heldCh })
	defer readHeld()
	db, err := v.openShadow(ctx, serverURL)
	if err != nil {
		return unverified(err)
	}
	defer func() {
		if err := db.Close(context.Background()); err != nil {
			fmt.Fprintf(f.IO.ErrOut, "warning: %v\n", err)
		}
	}()
	if !f.IO.Quiet {
		// stderr: stdout may be the plan's SQL, redirected to a file.
		fmt.Fprintf(f.IO.ErrOut, "Verifying the plan on a copy of the database in %s ...\n", db.Where)
	}
	sc, ref, err := db.Connect(ctx)
	if err != nil {
		return unverified(fmt.Errorf("connecting to the shadow database: %w", err))
	}
	defer sc.Close(context.Background())
	defer ref.Close(context.Background())
	hr := readHeld()
	if hr.err != nil {
		return hr.err
	}
	opts := engine.VerifyOptions{Filter: tg.Scope.Filter, Unmanaged: hr.held, ManageOwners: tg.Scope.ManageOwners}
	if db.Keeps() {
		opts.Keep = db
		if n, err := strconv.Atoi(f.Getenv("RENOVATE_SHADOW_KEEP_MIN_STEPS")); err == nil {
			opts.KeepMinSteps = n
		}
	}
	res, err := engine.VerifyWith(ctx, sc, ref, local.Parsed, remote, p, opts)
	var ve *engine.VerificationError
	switch {
	case errors.As(err, &ve) && ve.Stage == engine.StageCopy:
		return unverified(err)
	case ve != nil && applying:
		return refused(fmt.Errorf("%w\nnothing was applied", err))
	case err != nil:
		return err
	}
	msg := fmt.Sprintf("Verified: the plan ran on a copy of the database (%d statement(s) to copy it); the result matches the files and a database built from them alone.", res.CopyStatements)
	switch {
	case res.KeptCopy && res.KeptReference:
		msg += " The copy and the database built from the files were clones of those an earlier verification built from the same statements."
	case res.KeptCopy:
		msg += " The copy was a clone of one an earlier verification built from the same statements."
	case res.KeptReference:
		msg += " The database built from the files was a clone of one an earlier verification built from the same statements."
	}
	if len(res.CreatedRoles) > 0 {
		msg += fmt.Sprintf(" (Created missing role(s) %s in the shadow's cluster.)", strings.Join(res.CreatedRoles, ", "))
	}
	if res.SkippedDataSteps > 0 {
		msg += fmt.Sprintf(" The %d row change(s) of data tables were not run there: the copy holds the schema, not the rows.", res.SkippedDataSteps)
	}
	if len(res.HeldBack) > 0 {
		msg += fmt.Sprintf("\nNot verified: %d object(s) the plan does not change were left out of the copy, because they use objects renovate does not manage: %s.", len(res.HeldBack), engine.DescribeHeld(res.HeldBack, 10))
	}
	fmt.Fprintln(w, msg)
	return nil
}
