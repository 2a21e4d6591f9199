package engine

import (
	"context"

	"github.com/jackc/pgx/v5"
	"github.com/renovate-pg/renovate/planner"
	"github.com/renovate-pg/renovate/state"
	"github.com/renovate-pg/renovate/state/catalog"
)

// typeChangeFacts fills in what only the live database can say about the
// plan's column type changes and sequences: which conversions have no
// cast at all (planner.Options.NoCast) and where the sequences whose
// bounds or type change stand (planner.Options.SequencePositions).
func typeChangeFacts(ctx context.Context, conn *pgx.Conn, current, desired state.DatabaseSchema, po *planner.Options) error {
	noCast, err := catalog.UncastableTypeChanges(ctx, conn, castProbes(current, desired))
	if err != nil {
		return err
	}
	po.NoCast = noCast
	seqs, identity := positionCandidates(current, desired)
	pos, err := catalog.SequencePositions(ctx, conn, seqs, identity)
	if err != nil {
		return err
	}
	po.SequencePositions = make(map[state.ObjectKey]planner.SequencePosition, len(pos))
	for k, p := range pos {
		po.SequencePositions[k] = planner.SequencePosition{LastValue: p.LastValue, IsCalled: p.IsCalled}
	}
	return nil
}

// castProbes lists the distinct type changes of columns kept by the
// plan, with the USING expression renovate writes for each.
func castProbes(current, desired state.DatabaseSchema) []catalog.CastProbe {
	seen := map[[2]string]bool{}
	var out []catalog.CastProbe
	for _, t := range desired.Tables {
		old, ok := current.Table(t.QualName())
		if !ok {
			continue
		}
		for _, c := range t.Columns {
			oc, had := old.Column(c.Name)
			if !had || oc.Type == c.Type {
				continue
			}
			pair := [2]string{oc.Type, c.Type}
			// Probed over a column of a fixed name: the name does not
			// change what casts exist.
			probeOld, probeNew := oc, c
			probeOld.Name, probeNew.Name = "c", "c"
			using := planner.UsingClause(current, desired, probeOld, probeNew)
			if using == "" || seen[pair] {
				continue
			}
			seen[pair] = true
			out = append(out, catalog.CastProbe{From: oc.Type, To: c.Type, Column: "c", Using: using})
		}
	}
	return out
}

// positionCandidates lists the sequences kept by the plan whose options
// change, and the identity columns whose identity options or type
// change: those whose current value may fall outside new bounds.
func positionCandidates(current, desired state.DatabaseSchema) ([]state.QualName, []state.ObjectKey) {
	var seqs []state.QualName
	cur := map[state.QualName]state.Sequence{}
	for _, s := range current.Sequences {
		cur[s.QualName()] = s
	}
	for _, s := range desired.Sequences {
		if old, ok := cur[s.QualName()]; ok && old.SequenceOptions != s.SequenceOptions {
			seqs = append(seqs, s.QualName())
		}
	}
	var identity []state.ObjectKey
	for _, t := range desired.Tables {
		old, ok := current.Table(t.QualName())
		if !ok {
			continue
		}
		for _, c := range t.Columns {
			oc, had := old.Column(c.Name)
			if !had || oc.Identity == "" || c.Identity == "" || oc.IdentityOptions == nil || c.IdentityOptions == nil {
				continue
			}
			if oc.Type != c.Type || *oc.IdentityOptions != *c.IdentityOptions {
				identity = append(identity, state.ObjectKey{Kind: state.KindColumn, Schema: t.Schema, Table: t.Name, Name: c.Name})
			}
		}
	}
	return seqs, identity
}
