package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/renovate-pg/renovate/internal/engine"
	"github.com/renovate-pg/renovate/internal/gitrepo"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state/layout"
)

// PlanDir is the directory, relative to the schema directory, meant for
// saved plans (renovate plan -o .renovate/plan.sql). init lists it in
// .gitignore: plans are not schema and are never committed.
const PlanDir = ".renovate"

// gitignoreLines are what init puts in the schema directory's
// .gitignore: the plan directory, and files that hold secrets.
var gitignoreLines = []string{
	"/" + PlanDir + "/",
	".env",
	".env.*",
	"*.pgpass",
	".pgpass",
	"*.pem",
	"*.key",
}

// pendingRuns lists the run records under dir's _meta/plans that git
// does not hold as they are: runs whose record was never committed (the
// apply was killed, or recording or committing failed). They are
// relative to dir.
func pendingRuns(repo *gitrepo.Repo, dir string) ([]string, error) {
	plans := filepath.Join(dir, filepath.FromSlash(layout.PlansDir))
	if _, err := os.Stat(plans); err != nil {
		return nil, nil
	}
	base, err := repo.Rel(dir)
	if err != nil {
		return nil, err
	}
	changes, err := repo.Status(plans)
	if err != nil {
		return nil, err
	}
	seen := map[string]bool{}
	var runs []string
	for _, c := range changes {
		p := c.Path
		if base != "" {
			p = strings.TrimPrefix(p, base+"/")
		}
		run := layout.RunDir(p)
		if run == "" || seen[run] {
			continue
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(run), layout.OutcomeFile)); err != nil {
			continue // a record deleted, or not renovate's: the dirty check names it
		}
		seen[run] = true
		runs = append(runs, run)
	}
	sort.Strings(runs)
	return runs, nil
}

// recoverRuns finishes what an earlier apply left undone, so that it does
// not block this command as a dirty repository: a record still in
// progress is marked interrupted, saying what the database shows about
// its effect (engine.RecoverRuns), and every uncommitted record is
// committed, alone.
func recoverRuns(ctx context.Context, f *Factory, repo *gitrepo.Repo, dir string, tg *target) error {
	runs, err := pendingRuns(repo, dir)
	if err != nil || len(runs) == 0 {
		return err
	}
	conn, err := f.Connect(ctx, tg.DSN)
	if err != nil {
		return err
	}
	defer conn.Close(context.Background())
	recovered, err := engine.RecoverRuns(ctx, conn, runs, engine.RecoverOptions{
		Dir: dir, Database: describeDSN(tg.DSN), Scope: tg.Scope, Now: f.Now,
	})
	for _, r := range recovered {
		fmt.Fprintf(f.IO.ErrOut, "Found the record of an apply that did not finish: %s (started %s on %s) still said %s.\n  %s.\n  Recorded it as %s.\n",
			r.RecordDir, r.Outcome.Started.Format("2006-01-02 15:04:05Z"), r.Outcome.Database, layout.StatusInProgress, r.Outcome.Recovery, layout.StatusInterrupted)
	}
	if err != nil {
		return refused(fmt.Errorf("an earlier apply left %s unfinished and it could not be finished now: %w", strings.Join(runs, ", "), err))
	}
	paths := make([]string, len(runs))
	for i, r := range runs {
		paths[i] = filepath.Join(dir, filepath.FromSlash(r))
	}
	hash, _, err := repo.CommitPaths(paths, "renovate: record of an earlier apply that was not committed\n\nRecorded in "+strings.Join(runs, ", ")+".\n", f.Now())
	if err != nil {
		return refused(fmt.Errorf("an earlier apply's record (%s) is not committed, and committing it failed: %w", strings.Join(runs, ", "), err))
	}
	if hash != "" {
		fmt.Fprintf(f.IO.ErrOut, "Committed the record of the earlier apply (%s) as %.7s.\n", strings.Join(runs, ", "), hash)
	}
	return nil
}

// checkPlanCommit refuses a saved plan made from other schema files than
// HEAD's: applying it, then rewriting the files from the database, would
// silently undo the commits made since. A plan whose commit differs from
// HEAD only in renovate's records (_meta: an apply of it elsewhere, say)
// is accepted with a note.
func checkPlanCommit(f *Factory, repo *gitrepo.Repo, dir, planFile string, p *planner.Plan) error {
	head, err := repo.HeadCommit()
	if err != nil {
		return err
	}
	replan := fmt.Sprintf("make a new plan from HEAD: renovate plan -o %s", filepath.ToSlash(filepath.Join(PlanDir, "plan.sql")))
	if p.GitCommit == "" {
		return refused(fmt.Errorf("%s records no git commit (it was made outside git, or its \"-- git_commit:\" line was removed), so renovate cannot tell whether it matches the schema files at HEAD; %s", planFile, replan))
	}
	if strings.HasSuffix(p.GitCommit, dirtySuffix) {
		return refused(fmt.Errorf("%s was made from uncommitted changes on top of commit %.12s, which no commit holds; commit them, then %s", planFile, strings.TrimSuffix(p.GitCommit, dirtySuffix), replan))
	}
	if p.GitCommit == head {
		return nil
	}
	skipMeta := func(rel string) bool {
		return rel == layout.MetaDir || strings.HasPrefix(rel, layout.MetaDir+"/")
	}
	changed, err := repo.ChangedSince(p.GitCommit, dir, skipMeta)
	if errors.Is(err, gitrepo.ErrUnknownCommit) {
		return refused(fmt.Errorf("%s was made from commit %.12s, which is not in this repository (HEAD is %.12s); %s", planFile, p.GitCommit, head, replan))
	}
	if err != nil {
		return err
	}
	if len(changed) == 0 {
		fmt.Fprintf(f.IO.ErrOut, "Note: %s was made from commit %.12s; HEAD (%.12s) has the same schema files.\n", planFile, p.GitCommit, head)
		return nil
	}
	// Files rewritten by renovate's own applies since (a plan applied in
	// staging, then replayed in production with renovate show) are what
	// that plan made of them; any other commit that changed schema files
	// would be undone.
	var byOthers []string
	if commits, err := repo.CommitsSince(p.GitCommit, dir, skipMeta); err != nil {
		byOthers = changed
	} else {
		seen := map[string]bool{}
		for _, c := range commits {
			if strings.HasPrefix(c.Message, applyCommitPrefix) {
				continue
			}
			for _, path := range c.Changed {
				if !seen[path] {
					seen[path] = true
					byOthers = append(byOthers, path)
				}
			}
		}
		sort.Strings(byOthers)
	}
	if len(byOthers) > 0 {
		const most = 10
		list := byOthers
		more := ""
		if len(list) > most {
			more = fmt.Sprintf("\n  ... and %d more", len(list)-most)
			list = list[:most]
		}
		return refused(fmt.Errorf("%s was made from commit %.12s, but HEAD is %.12s and these schema files changed since:\n  %s%s\napplying it would undo those commits when the files are rewritten from the database; %s",
			planFile, p.GitCommit, head, strings.Join(list, "\n  "), more, replan))
	}
	fmt.Fprintf(f.IO.ErrOut, "Note: %s was made from commit %.12s; since then only renovate's applies changed the schema files (HEAD is %.12s).\n", planFile, p.GitCommit, head)
	return nil
}

// applyCommitPrefix starts the message of every commit apply makes.
const applyCommitPrefix = "renovate apply"

// dirtySuffix marks a plan's git commit when the plan was made from files
// with uncommitted changes, as git describe --dirty does.
const dirtySuffix = "-dirty"

// checkSources refuses schema files that a plan would read but that no
// commit holds: untracked or ignored .sql files, and links that leave the
// repository (gitrepo.CheckSources). files are relative to dir.
func checkSources(repo *gitrepo.Repo, dir string, files []layout.File, sc engine.Scope) error {
	var paths []string
	for _, fl := range files {
		if strings.TrimSpace(fl.SQL) == "" {
			continue // holds nothing (e.g. made by the shell for "plan > plan.sql")
		}
		paths = append(paths, filepath.Join(dir, filepath.FromSlash(fl.Path)))
	}
	for _, t := range sc.DataTables() {
		p := filepath.Join(dir, filepath.FromSlash(layout.DataPath(t.Table)))
		if _, err := os.Lstat(p); err == nil {
			paths = append(paths, p)
		}
	}
	if p := filepath.Join(dir, ConfigFile); fileExists(p) {
		paths = append(paths, p)
	}
	if err := repo.CheckSources(paths); err != nil {
		return fmt.Errorf("plan and apply read only what git holds: %w", err)
	}
	return nil
}

func fileExists(p string) bool {
	_, err := os.Lstat(p)
	return err == nil
}

// isPlanFile reports whether the file at path (relative to the repository
// root) is a saved renovate plan.
func isPlanFile(repo *gitrepo.Repo, rel string) bool {
	full := filepath.Join(repo.Root(), filepath.FromSlash(rel))
	fh, err := os.Open(full)
	if err != nil {
		return false
	}
	defer fh.Close()
	head := make([]byte, len(layout.PlanFileHeader))
	n, _ := fh.Read(head)
	return layout.IsPlanFile(head[:n])
}

// warnSecrets warns about files in dir whose names look like secrets and
// that git would not ignore: renovate never commits them, and neither
// should anyone else.
func warnSecrets(f *Factory, repo *gitrepo.Repo, dir string) {
	secrets, err := repo.SecretsUnder(dir)
	if err != nil || len(secrets) == 0 {
		return
	}
	fmt.Fprintf(f.IO.ErrOut, "Warning: these files look like secrets; renovate did not commit them (add them to .gitignore):\n  %s\n", strings.Join(secrets, "\n  "))
}

// planCommit is the commit a plan of dir's files is made from: HEAD, with
// dirtySuffix when files the plan reads have uncommitted changes (saved
// plans and renovate's records aside), so that apply -p can tell a plan
// of files no commit holds.
func planCommit(repo *gitrepo.Repo, dir string) (string, error) {
	head, err := repo.HeadCommit()
	if err != nil || head == "" {
		return head, err
	}
	changes, err := repo.Status(dir)
	if err != nil {
		return "", err
	}
	base, err := repo.Rel(dir)
	if err != nil {
		return "", err
	}
	for _, c := range changes {
		p := c.Path
		if base != "" {
			p = strings.TrimPrefix(p, base+"/")
		}
		if !readByPlan(p) {
			continue
		}
		if c.Kind == gitrepo.Untracked && (isPlanFile(repo, c.Path) || isEmpty(repo, c.Path)) {
			continue
		}
		return head + dirtySuffix, nil
	}
	return head, nil
}

// readByPlan reports whether a change to p (relative to the schema
// directory) can change a plan: a .sql file outside _meta and hidden
// directories, or renovate.hcl.
func readByPlan(p string) bool {
	if p == ConfigFile {
		return true
	}
	if !strings.HasSuffix(p, ".sql") {
		return false
	}
	parts := strings.Split(p, "/")
	if parts[0] == layout.MetaDir {
		return false
	}
	for _, d := range parts[:len(parts)-1] {
		if strings.HasPrefix(d, ".") {
			return false
		}
	}
	return true
}

// isEmpty reports whether the file at rel (relative to the repository
// root) is empty, as the shell leaves "plan.sql" while "renovate plan >
// plan.sql" runs.
func isEmpty(repo *gitrepo.Repo, rel string) bool {
	st, err := os.Stat(filepath.Join(repo.Root(), filepath.FromSlash(rel)))
	return err == nil && st.Size() == 0
}

// initUndo remembers what init made in dir, so that a failed init can
// remove it and leave the directory as it found it.
type initUndo struct {
	dir     string
	existed bool
	// dirsBefore are the directories below dir that existed (when dir did).
	dirsBefore map[string]bool
	created    []string // files init wrote, relative to dir
	gitignore  struct {
		touched, existed bool
		old              []byte
	}
	gitCreated bool
}

func newInitUndo(dir string) (*initUndo, error) {
	u := &initUndo{dir: dir, dirsBefore: map[string]bool{}}
	st, err := os.Stat(dir)
	switch {
	case os.IsNotExist(err):
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("creating %s: %w", dir, err)
		}
		return u, nil
	case err != nil:
		return nil, err
	case !st.IsDir():
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	u.existed = true
	err = filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if e.IsDir() {
			if e.Name() == ".git" {
				return filepath.SkipDir
			}
			u.dirsBefore[p] = true
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", dir, err)
	}
	return u, nil
}

func (u *initUndo) files(rel ...string) { u.created = append(u.created, rel...) }

// ensureGitignore makes dir's .gitignore list gitignoreLines, adding the
// missing ones to an existing file.
func (u *initUndo) ensureGitignore() error {
	p := filepath.Join(u.dir, ".gitignore")
	old, err := os.ReadFile(p)
	if err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("reading %s: %w", p, err)
	}
	have := map[string]bool{}
	for _, l := range strings.Split(string(old), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	var add []string
	for _, l := range gitignoreLines {
		if !have[l] {
			add = append(add, l)
		}
	}
	if len(add) == 0 {
		return nil
	}
	text := string(old)
	if text != "" && !strings.HasSuffix(text, "\n") {
		text += "\n"
	}
	if text == "" {
		text = "# renovate: saved plans (renovate plan -o " + PlanDir + "/plan.sql) and secrets stay out of git.\n"
	}
	text += strings.Join(add, "\n") + "\n"
	u.gitignore.touched, u.gitignore.existed, u.gitignore.old = true, err == nil, old
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		return fmt.Errorf("writing %s: %w", p, err)
	}
	return nil
}

// initRepo opens the repository dir is in, or makes dir one.
func (u *initUndo) initRepo() (*gitrepo.Repo, error) {
	if _, err := gitrepo.Open(u.dir); errors.Is(err, gitrepo.ErrNotRepo) {
		u.gitCreated = true
	}
	return gitrepo.Init(u.dir)
}

// run removes what init made.
func (u *initUndo) run() {
	if !u.existed {
		os.RemoveAll(u.dir)
		return
	}
	for _, rel := range u.created {
		os.Remove(filepath.Join(u.dir, filepath.FromSlash(rel)))
	}
	if u.gitignore.touched {
		p := filepath.Join(u.dir, ".gitignore")
		if u.gitignore.existed {
			_ = os.WriteFile(p, u.gitignore.old, 0o644)
		} else {
			os.Remove(p)
		}
	}
	if u.gitCreated {
		os.RemoveAll(filepath.Join(u.dir, ".git"))
	}
	// Directories init made, deepest first, if empty now.
	var made []string
	_ = filepath.WalkDir(u.dir, func(p string, e os.DirEntry, err error) error {
		if err == nil && e.IsDir() && !u.dirsBefore[p] {
			made = append(made, p)
		}
		return nil
	})
	sort.Sort(sort.Reverse(sort.StringSlice(made)))
	for _, d := range made {
		os.Remove(d)
	}
}

// secretFiles lists the files below dir (outside .git) whose names look
// like secrets, relative to dir.
func secretFiles(dir string) []string {
	var out []string
	_ = filepath.WalkDir(dir, func(p string, e os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		if e.IsDir() && e.Name() == ".git" {
			return filepath.SkipDir
		}
		if !e.IsDir() && gitrepo.LooksSecret(e.Name()) {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	return out
}
