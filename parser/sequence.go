package parser

import (
	"fmt"
	"math"
	"strconv"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// seqOptions are sequence options as written; nil pointers are options left
// out (or NO MINVALUE / NO MAXVALUE), filled with PostgreSQL's defaults by
// fill.
type seqOptions struct {
	dataType  string
	increment *int64
	minValue  *int64
	maxValue  *int64
	start     *int64
	cache     *int64
	cycle     bool
	ownedBy   *ownedByDef
}

// seqOptionContext says which statement the options belong to; it decides
// which options are allowed.
type seqOptionContext int

const (
	seqCreate   seqOptionContext = iota // CREATE SEQUENCE
	seqIdentity                         // GENERATED AS IDENTITY (...)
)

// parseSeqOptions reads SeqOptElem DefElems.
func (p *fileParser) parseSeqOptions(opts []*pg_query.Node, ctx seqOptionContext, loc Location) (seqOptions, bool) {
	var o seqOptions
	ok := true
	for _, n := range opts {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		dloc := p.locOr(d.Location, loc)
		num := func() *int64 {
			v, err := int64Arg(d.Arg)
			if err != nil {
				p.errs.semantic(dloc, "%s: %v", d.Defname, err)
				ok = false
				return nil
			}
			return &v
		}
		switch d.Defname {
		case "as":
			if ctx == seqIdentity {
				p.errs.semantic(dloc, "AS is not allowed in identity sequence options: the column's type is the sequence's type")
				ok = false
				continue
			}
			tn := d.Arg.GetTypeName()
			t, err := formatType(tn)
			if err == nil && sequenceTypeName(t) == "" {
				err = fmt.Errorf("sequence type must be smallint, integer, or bigint, not %s", t)
			}
			if err != nil {
				p.errs.semantic(dloc, "%v", err)
				ok = false
				continue
			}
			o.dataType = t
		case "increment":
			o.increment = num()
		case "start":
			o.start = num()
		case "cache":
			o.cache = num()
		case "minvalue":
			if d.Arg != nil {
				o.minValue = num()
			}
		case "maxvalue":
			if d.Arg != nil {
				o.maxValue = num()
			}
		case "cycle":
			o.cycle = d.Arg.GetBoolean().GetBoolval()
		case "owned_by":
			if ctx == seqIdentity {
				p.errs.semantic(dloc, "OWNED BY is not allowed in identity sequence options")
				ok = false
				continue
			}
			ob, err := p.ownedBy(d.Arg, dloc)
			if err != nil {
				p.errs.semantic(dloc, "%v", err)
				ok = false
				continue
			}
			o.ownedBy = &ob
		case "sequence_name":
			// The identity sequence's name is not modelled: PostgreSQL
			// derives it from the table and column, and pg_dump spells
			// it out. Accepted and ignored.
			if ctx != seqIdentity {
				p.errs.add(&UnsupportedError{Loc: dloc, Statement: "SEQUENCE NAME", Reason: "is only valid in identity column options"})
				ok = false
			}
		case "restart":
			p.errs.add(&UnsupportedError{Loc: dloc, Statement: "RESTART", Reason: "is not supported in schema files: a sequence's current value is data, not schema"})
			ok = false
		default:
			p.errs.unsupported(dloc, "sequence option "+d.Defname)
			ok = false
		}
	}
	return o, ok
}

// ownedBy reads OWNED BY's name list: NONE, table.column or
// schema.table.column.
func (p *fileParser) ownedBy(arg *pg_query.Node, loc Location) (ownedByDef, error) {
	l := arg.GetList()
	if l == nil {
		return ownedByDef{}, fmt.Errorf("invalid OWNED BY")
	}
	names, err := stringList(l.Items)
	if err != nil {
		return ownedByDef{}, err
	}
	switch len(names) {
	case 1:
		if names[0] == "none" {
			return ownedByDef{loc: loc, none: true}, nil
		}
		return ownedByDef{}, fmt.Errorf("invalid OWNED BY option: specify OWNED BY table.column or OWNED BY NONE")
	case 2:
		return ownedByDef{loc: loc, table: state.QualName{Schema: "public", Name: names[0]}, column: names[1]}, nil
	case 3:
		return ownedByDef{loc: loc, table: state.QualName{Schema: names[0], Name: names[1]}, column: names[2]}, nil
	}
	return ownedByDef{}, fmt.Errorf("improper qualified name in OWNED BY")
}

// int64Arg reads a numeric DefElem argument.
func int64Arg(n *pg_query.Node) (int64, error) {
	if n == nil {
		return 0, fmt.Errorf("requires a numeric value")
	}
	switch v := n.Node.(type) {
	case *pg_query.Node_Integer:
		return int64(v.Integer.Ival), nil
	case *pg_query.Node_Float:
		i, err := strconv.ParseInt(v.Float.Fval, 10, 64)
		if err != nil {
			return 0, fmt.Errorf("value %s is not a valid bigint", v.Float.Fval)
		}
		return i, nil
	}
	return 0, fmt.Errorf("requires a numeric value")
}

// sequenceTypeRange is the value range of a sequence data type.
func sequenceTypeRange(t string) (lo, hi int64) {
	switch t {
	case "smallint":
		return math.MinInt16, math.MaxInt16
	case "integer":
		return math.MinInt32, math.MaxInt32
	}
	return math.MinInt64, math.MaxInt64
}

// fill applies PostgreSQL's defaults (init_params in sequence.c) and
// checks the result the way PostgreSQL would. defaultType is the type used
// when AS is absent: bigint for CREATE SEQUENCE, the column type for
// identity and serial columns.
func (o seqOptions) fill(defaultType string) (state.SequenceOptions, error) {
	r := state.SequenceOptions{DataType: o.dataType, Increment: 1, Cache: 1, Cycle: o.cycle}
	if r.DataType == "" {
		r.DataType = defaultType
	}
	lo, hi := sequenceTypeRange(r.DataType)
	if o.increment != nil {
		r.Increment = *o.increment
	}
	if r.Increment == 0 {
		return r, fmt.Errorf("INCREMENT must not be zero")
	}
	switch {
	case o.maxValue != nil:
		r.MaxValue = *o.maxValue
	case r.Increment > 0:
		r.MaxValue = hi
	default:
		r.MaxValue = -1
	}
	switch {
	case o.minValue != nil:
		r.MinValue = *o.minValue
	case r.Increment > 0:
		r.MinValue = 1
	default:
		r.MinValue = lo
	}
	if r.MaxValue < lo || r.MaxValue > hi {
		return r, fmt.Errorf("MAXVALUE (%d) is out of range for sequence data type %s", r.MaxValue, r.DataType)
	}
	if r.MinValue < lo || r.MinValue > hi {
		return r, fmt.Errorf("MINVALUE (%d) is out of range for sequence data type %s", r.MinValue, r.DataType)
	}
	if r.MinValue >= r.MaxValue {
		return r, fmt.Errorf("MINVALUE (%d) must be less than MAXVALUE (%d)", r.MinValue, r.MaxValue)
	}
	switch {
	case o.start != nil:
		r.Start = *o.start
	case r.Increment > 0:
		r.Start = r.MinValue
	default:
		r.Start = r.MaxValue
	}
	if r.Start < r.MinValue {
		return r, fmt.Errorf("START value (%d) cannot be less than MINVALUE (%d)", r.Start, r.MinValue)
	}
	if r.Start > r.MaxValue {
		return r, fmt.Errorf("START value (%d) cannot be greater than MAXVALUE (%d)", r.Start, r.MaxValue)
	}
	if o.cache != nil {
		r.Cache = *o.cache
	}
	if r.Cache <= 0 {
		return r, fmt.Errorf("CACHE (%d) must be greater than zero", r.Cache)
	}
	return r, nil
}

// createSequence handles CREATE SEQUENCE.
func (p *fileParser) createSequence(s *pg_query.CreateSeqStmt, loc Location) {
	if s.Sequence.GetRelpersistence() == "t" {
		p.errs.unsupported(loc, "CREATE TEMPORARY SEQUENCE")
		return
	}
	if s.Sequence.GetRelpersistence() == "u" {
		p.errs.unsupported(loc, "CREATE UNLOGGED SEQUENCE")
		return
	}
	name, ok := p.relName(s.Sequence, loc)
	if !ok {
		return
	}
	o, ok := p.parseSeqOptions(s.Options, seqCreate, loc)
	if !ok {
		return
	}
	opts, err := o.fill("bigint")
	if err != nil {
		p.errs.semantic(loc, "sequence %s: %v", name, err)
		return
	}
	p.add(&sequenceDef{
		loc:     loc,
		seq:     state.Sequence{Schema: name.Schema, Name: name.Name, SequenceOptions: opts},
		ownedBy: o.ownedBy,
	})
}

// alterSequence handles ALTER SEQUENCE, of which only OWNED BY belongs in
// schema files: every other option is part of the sequence's declaration
// (write it in CREATE SEQUENCE), and RESTART changes data.
func (p *fileParser) alterSequence(s *pg_query.AlterSeqStmt, loc Location) {
	name, ok := p.relName(s.Sequence, loc)
	if !ok {
		return
	}
	var owned *ownedByDef
	for _, n := range s.Options {
		d := n.GetDefElem()
		if d == nil {
			continue
		}
		dloc := p.locOr(d.Location, loc)
		if d.Defname == "restart" {
			p.errs.add(&UnsupportedError{Loc: dloc, Statement: "ALTER SEQUENCE ... RESTART",
				Reason: "is not supported in schema files: a sequence's current value is data, not schema"})
			return
		}
		if d.Defname != "owned_by" {
			what := "ALTER SEQUENCE ... " + seqOptionWords(d.Defname)
			p.errs.add(&UnsupportedError{Loc: dloc, Statement: what,
				Reason: "is not supported in schema files: declare the option in CREATE SEQUENCE"})
			return
		}
		ob, err := p.ownedBy(d.Arg, dloc)
		if err != nil {
			p.errs.semantic(dloc, "%v", err)
			return
		}
		owned = &ob
	}
	if owned == nil {
		return
	}
	p.add(&seqOwnedDef{loc: loc, seq: name, ownedBy: *owned})
}

// seqOptionWords names a sequence option in SQL words.
func seqOptionWords(defname string) string {
	switch defname {
	case "as":
		return "AS"
	case "minvalue":
		return "MINVALUE"
	case "maxvalue":
		return "MAXVALUE"
	case "sequence_name":
		return "SEQUENCE NAME"
	}
	return upperWords(defname)
}
