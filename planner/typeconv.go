package planner

import (
	"fmt"
	"strings"

	"github.com/renovate-pg/renovate/sqlgen"
	"github.com/renovate-pg/renovate/state"
)

// Conversion says what converting a column's existing values from one
// type to another does to them, as the ALTER COLUMN ... TYPE renovate
// plans does it (column.go usingExpr: an explicit cast between
// different built-in types, through text where a user-defined type is
// involved, the assignment cast where only the modifiers change, and to a
// bounded character type from text, so that too long values fail instead
// of being cut).
type Conversion string

// Conversions, from harmless to harmful. TestTypeConversions checks each
// claim on the server: lossless pairs round-trip every sample value,
// may-fail pairs round-trip or raise an error, lossy pairs change some
// value without an error.
const (
	// ConversionLossless: every value converts and can be converted back
	// to the same value. No hazard beyond the rewrite.
	ConversionLossless Conversion = "lossless"
	// ConversionMayFail: every value converts exactly or the statement
	// fails (and the plan's transaction with it): HazardCastMayFail. Text
	// parsed into a type keeps what the text denotes, not its spelling
	// ('007' becomes 7).
	ConversionMayFail Conversion = "may_fail"
	// ConversionLossy: some values change silently (rounded, truncated,
	// a time zone or time of day dropped, duplicate JSON keys merged), or
	// renovate cannot tell: HazardDeletesData, which apply refuses without
	// --allow-data-loss.
	ConversionLossy Conversion = "lossy"
)

// TypeChange is a type change's Conversion with the reason, for people.
type TypeChange struct {
	Conversion Conversion
	// Why explains what happens to the values ("the time of day is
	// dropped"); empty for a lossless change.
	Why string
}

// UserType describes a user-defined type for ClassifyTypeChange: what a
// column of that type converts like.
type UserType struct {
	Kind state.TypeKind
	// BaseType is a domain's base type (canonical SQL).
	BaseType string
	// Constrained is set for a domain with NOT NULL or CHECK constraints:
	// converting into it fails where a value violates them.
	Constrained bool
}

// TypeResolver looks up a user-defined type by its canonical qualified
// name ("public.mood"); ok is false for a type it does not know.
type TypeResolver func(name string) (t UserType, ok bool)

// typeDesc is a canonical type name taken apart.
type typeDesc struct {
	text string // as given, e.g. "character varying(20)[]"
	name string // without modifiers and brackets: "character varying"
	mods []int  // the modifiers: [20]
	dims int    // array dimensions
}

func describeType(t string) typeDesc {
	d := typeDesc{text: t}
	for strings.HasSuffix(t, "[]") {
		t = strings.TrimSuffix(t, "[]")
		d.dims++
	}
	d.name, d.mods = baseType(t), typmods(t)
	return d
}

func (d typeDesc) elem() typeDesc {
	e := d
	e.dims = 0
	e.text = strings.TrimSuffix(d.text, strings.Repeat("[]", d.dims))
	return e
}

// builtin reports whether the type is PostgreSQL's own: canonical text
// qualifies every other type with its schema.
func (d typeDesc) builtin() bool {
	return !strings.Contains(d.name, ".") || strings.HasPrefix(d.name, "pg_catalog.")
}

var (
	intDigits = map[string]int{"smallint": 5, "integer": 10, "bigint": 19}
	intBits   = map[string]int{"smallint": 16, "integer": 32, "bigint": 64}
	// floatBits is the mantissa's precision: the integers a float holds
	// exactly.
	floatBits = map[string]int{"real": 24, "double precision": 53}
	// unboundedStrings take any text as it is.
	unboundedStrings = map[string]bool{"text": true, "character varying": true, "bpchar": true}
	// zoned and datetime types.
	fractional = map[string]bool{"timestamp without time zone": true, "timestamp with time zone": true,
		"time without time zone": true, "time with time zone": true, "interval": true}
)

// stringType reports a character type: text, varchar, char, "char", name.
func (d typeDesc) stringType() bool {
	switch d.name {
	case "text", "character varying", "character", "bpchar", `"char"`, "name":
		return true
	}
	return false
}

// bound is the length limit of varchar(n) or char(n), 0 for none.
func (d typeDesc) bound() int {
	if (d.name == "character varying" || d.name == "character") && len(d.mods) > 0 {
		return d.mods[0]
	}
	return 0
}

// precision is the fractional-second digits of a time type (6 by default).
func (d typeDesc) precision() int {
	if len(d.mods) > 0 {
		return d.mods[0]
	}
	return 6
}

// ClassifyTypeChange classifies converting a column's values from type
// old to type nw (canonical SQL texts). resolve looks up user-defined
// types; nil knows none. A pair renovate has no rule for is lossy: an
// unknown conversion is never assumed to keep every value.
func ClassifyTypeChange(old, nw string, resolve TypeResolver) TypeChange {
	if resolve == nil {
		resolve = func(string) (UserType, bool) { return UserType{}, false }
	}
	return classify(describeType(old), describeType(nw), resolve)
}

func lossless() TypeChange { return TypeChange{Conversion: ConversionLossless} }
func mayFail(format string, a ...any) TypeChange {
	return TypeChange{ConversionMayFail, fmt.Sprintf(format, a...)}
}
func lossy(format string, a ...any) TypeChange {
	return TypeChange{ConversionLossy, fmt.Sprintf(format, a...)}
}
func noCast(from, to typeDesc) TypeChange {
	return mayFail("PostgreSQL has no cast from %s to %s, so the conversion fails unless the plan is given a USING expression", from.text, to.text)
}
func unknownConversion(from, to typeDesc) TypeChange {
	return lossy("renovate cannot tell whether converting %s to %s keeps every value", from.text, to.text)
}

// worse returns the more harmful of two classifications, joining their
// reasons.
func worse(a, b TypeChange) TypeChange {
	rank := map[Conversion]int{ConversionLossless: 0, ConversionMayFail: 1, ConversionLossy: 2}
	out := a
	if rank[b.Conversion] > rank[a.Conversion] {
		out.Conversion = b.Conversion
	}
	switch {
	case a.Why == "":
		out.Why = b.Why
	case b.Why != "" && b.Why != a.Why:
		out.Why = a.Why + "; " + b.Why
	}
	return out
}

func classify(from, to typeDesc, resolve TypeResolver) TypeChange {
	if from.text == to.text {
		return lossless()
	}
	// Domains convert as their base types, and into a constrained
	// domain the constraints are checked.
	if from.dims == 0 && !from.builtin() {
		if u, ok := resolve(from.name); ok && u.Kind == state.TypeDomain {
			return classify(describeType(u.BaseType), to, resolve)
		}
	}
	if to.dims == 0 && !to.builtin() {
		if u, ok := resolve(to.name); ok && u.Kind == state.TypeDomain {
			base := describeType(u.BaseType)
			c := classify(from, base, resolve)
			if base.bound() > 0 && base.dims == 0 && !(from.stringType() && from.bound() > 0 && from.bound() <= base.bound()) {
				// Planned through text with an explicit cast to the
				// domain, which cuts values to its base type's length.
				c = worse(c, lossy("the cast to domain %s cuts values longer than %d characters silently", to.text, base.bound()))
			}
			if u.Constrained {
				c = worse(c, mayFail("values that violate the constraints of domain %s make the conversion fail", to.text))
			}
			return c
		}
	}
	switch {
	case from.dims > 0 && to.dims > 0:
		c := classify(from.elem(), to.elem(), resolve)
		if c.Why != "" {
			c.Why = "for each element: " + c.Why
		}
		return c
	case from.dims > 0:
		if unboundedStrings[to.name] && to.bound() == 0 {
			return lossless()
		}
		if to.name == "character varying" || to.name == "character" {
			return mayFail("arrays whose text is longer than %d characters do not fit", to.bound())
		}
		return noCast(from, to)
	case to.dims > 0:
		if from.stringType() {
			return worse(mayFail("text that is not an array literal fails to convert"), classify(from, to.elem(), resolve))
		}
		return noCast(from, to)
	}
	if !from.builtin() || !to.builtin() {
		return classifyUserTypes(from, to, resolve)
	}
	if from.name == to.name {
		return classifyModifiers(from, to)
	}
	return classifyBuiltin(from, to)
}

// classifyUserTypes classifies a change from or to an enum (or another
// type renovate does not look into), which goes through text.
func classifyUserTypes(from, to typeDesc, resolve TypeResolver) TypeChange {
	fu, fok := resolve(from.name)
	tu, tok := resolve(to.name)
	fromEnum := !from.builtin() && fok && fu.Kind == state.TypeEnum
	toEnum := !to.builtin() && tok && tu.Kind == state.TypeEnum
	switch {
	case fromEnum && to.builtin():
		// The label's text, converted as text is.
		return classifyBuiltin(typeDesc{text: "text", name: "text"}, to)
	case toEnum && (from.builtin() || fromEnum):
		if from.builtin() && !from.stringType() {
			return mayFail("values whose text is not a label of %s make the conversion fail", to.text)
		}
		return mayFail("values that are not labels of %s make the conversion fail", to.text)
	case !from.builtin() && unboundedStrings[to.name] && to.bound() == 0:
		// Every type has a text form.
		return lossless()
	}
	return unknownConversion(from, to)
}

// classifyModifiers classifies a change of modifiers only: the
// assignment cast (no USING).
func classifyModifiers(from, to typeDesc) TypeChange {
	switch {
	case from.name == "character varying":
		if to.bound() == 0 || from.bound() != 0 && to.bound() >= from.bound() {
			return lossless()
		}
		return lossy("trailing spaces beyond %d characters are dropped silently, and other values longer than that make the conversion fail", to.bound())
	case from.name == "character":
		if to.bound() >= from.bound() {
			return lossless()
		}
		return mayFail("values longer than %d characters (trailing spaces aside) make the conversion fail", to.bound())
	case from.name == "numeric":
		return numericToNumeric(from, to)
	case fractional[from.name]:
		if to.precision() >= from.precision() {
			return lossless()
		}
		return lossy("fractional seconds are rounded to %d digits", to.precision())
	case from.name == "bit" && len(to.mods) > 0:
		return mayFail("values that are not exactly %d bits long make the conversion fail", to.mods[0])
	case from.name == "bit varying":
		if len(to.mods) == 0 || len(from.mods) > 0 && to.mods[0] >= from.mods[0] {
			return lossless()
		}
		return mayFail("values longer than %d bits make the conversion fail", to.mods[0])
	}
	return unknownConversion(from, to)
}

// numericToNumeric: numeric(p,s) holds p-s integer digits and s
// fractional ones; unbounded numeric holds any.
func numericToNumeric(from, to typeDesc) TypeChange {
	if len(to.mods) < 2 {
		return lossless()
	}
	p2, s2 := to.mods[0], to.mods[1]
	if len(from.mods) < 2 {
		return lossy("values are rounded to %d decimal places, and values of %d or more integer digits make the conversion fail", s2, p2-s2+1)
	}
	p, s := from.mods[0], from.mods[1]
	c := lossless()
	if s2 < s {
		c = worse(c, lossy("values are rounded to %d decimal places", s2))
	}
	if p2-s2 < p-s {
		c = worse(c, mayFail("values of %d or more integer digits make the conversion fail", p2-s2+1))
	}
	return c
}

// classifyBuiltin classifies the explicit cast between two different
// built-in types.
func classifyBuiltin(from, to typeDesc) TypeChange {
	switch {
	case unboundedStrings[to.name] && to.bound() == 0:
		return lossless() // every value has a text form
	case to.name == `"char"`:
		return lossy(`"char" keeps only the first byte of each value`)
	case to.name == "name":
		return lossy("name keeps only the first 63 bytes of each value")
	case to.name == "character varying" || to.name == "character":
		return toBoundedString(from, to)
	case from.stringType():
		return parseText(to)
	}
	if c, ok := classifyNumbers(from, to); ok {
		return c
	}
	if c, ok := classifyTimes(from, to); ok {
		return c
	}
	switch {
	case from.name == "json" && to.name == "jsonb":
		return lossy("jsonb keeps only the last of duplicate object keys and drops the document's whitespace and key order")
	case from.name == "jsonb" && to.name == "json":
		return lossless()
	case from.name == "jsonb" && (intDigits[to.name] > 0 || to.name == "real" || to.name == "double precision"):
		return lossy("JSON numbers are rounded to %s, and values that are not JSON numbers make the conversion fail", to.text)
	case from.name == "jsonb" && (to.name == "numeric" || to.name == "boolean"):
		c := mayFail("values that are not JSON %ss make the conversion fail", map[string]string{"numeric": "number", "boolean": "boolean"}[to.name])
		if to.name == "numeric" && len(to.mods) == 2 {
			c = worse(c, numericToNumeric(typeDesc{name: "numeric"}, to))
		}
		return c
	case from.name == "boolean" && to.name == "integer":
		return lossless()
	case from.name == "integer" && to.name == "boolean":
		return lossy("every value but 0 becomes true")
	case from.name == "cidr" && to.name == "inet":
		return lossless()
	case from.name == "inet" && to.name == "cidr":
		return lossy("host bits right of the netmask are zeroed")
	}
	if knownBuiltin[from.name] && knownBuiltin[to.name] {
		return noCast(from, to)
	}
	return unknownConversion(from, to)
}

// knownBuiltin are the built-in types whose casts to each other renovate
// knows (pg_cast): a pair of them not classified above has no cast.
var knownBuiltin = map[string]bool{
	"smallint": true, "integer": true, "bigint": true, "numeric": true, "real": true, "double precision": true,
	"boolean": true, "date": true, "timestamp without time zone": true, "timestamp with time zone": true,
	"time without time zone": true, "time with time zone": true, "interval": true, "json": true, "jsonb": true,
	"uuid": true, "bytea": true, "inet": true, "cidr": true, "macaddr": true, "xml": true, "tsvector": true,
	"point": true, "text": true, "character varying": true, "character": true, "bpchar": true,
}

// toBoundedString classifies a conversion into varchar(n) or char(n),
// which renovate plans through text and the assignment cast: a value
// whose text is too long fails, except that trailing spaces beyond the
// limit are dropped silently; char(n) also cannot tell a value's own
// trailing spaces from its padding.
func toBoundedString(from, to typeDesc) TypeChange {
	n := to.bound()
	if from.name == "json" || from.name == "xml" {
		// Their text keeps the document's own trailing whitespace.
		from = typeDesc{text: from.text, name: "text"}
	}
	if !from.stringType() {
		return mayFail("values whose text is longer than %d characters make the conversion fail", n)
	}
	if from.name == "character" || from.name == "bpchar" {
		// char values lose their padding when read as text.
		if from.bound() != 0 && from.bound() <= n {
			return lossless()
		}
		return mayFail("values longer than %d characters (trailing spaces aside) make the conversion fail", n)
	}
	if to.name == "character" {
		return lossy("trailing spaces of values are lost (character(%d) pads every value with spaces), and values longer than %d characters make the conversion fail", n, n)
	}
	if from.name == "character varying" && from.bound() != 0 && from.bound() <= n {
		return lossless()
	}
	return lossy("trailing spaces beyond %d characters are dropped silently, and other values longer than that make the conversion fail", n)
}

// parseText classifies text read by a type's input function.
func parseText(to typeDesc) TypeChange {
	bad := func() TypeChange {
		return mayFail("text that is not a valid %s makes the conversion fail (its spelling, such as leading zeros or spaces, is not kept)", to.text)
	}
	switch {
	case intDigits[to.name] > 0, to.name == "boolean", to.name == "uuid", to.name == "json", to.name == "inet",
		to.name == "cidr", to.name == "xml", to.name == "macaddr":
		return bad()
	case to.name == "numeric":
		if len(to.mods) == 2 {
			return worse(bad(), lossy("values are rounded to %d decimal places", to.mods[1]))
		}
		return bad()
	case floatBits[to.name] > 0:
		return worse(bad(), lossy("numbers are rounded to the precision of %s", to.text))
	case to.name == "date", fractional[to.name]:
		return worse(bad(), lossy("what %s does not hold (a time of day, a time zone offset, digits beyond its precision) is dropped silently, and text without a zone is read in the session's time zone", to.text))
	case to.name == "jsonb":
		return worse(mayFail("text that is not valid JSON makes the conversion fail"),
			lossy("jsonb keeps only the last of duplicate object keys and drops the document's whitespace and key order"))
	case to.name == "bytea":
		return lossy("text is read as bytea's escaped form, not as its characters")
	}
	return unknownConversion(typeDesc{text: "text", name: "text"}, to)
}

// classifyNumbers classifies conversions between integer, numeric and
// floating-point types.
func classifyNumbers(from, to typeDesc) (TypeChange, bool) {
	fi, ti := intDigits[from.name] > 0, intDigits[to.name] > 0
	ff, tf := floatBits[from.name] > 0, floatBits[to.name] > 0
	fn, tn := from.name == "numeric", to.name == "numeric"
	overflow := func() TypeChange { return mayFail("values outside the range of %s make the conversion fail", to.text) }
	switch {
	case fi && ti:
		if intBits[to.name] >= intBits[from.name] {
			return lossless(), true
		}
		return overflow(), true
	case fi && tn:
		if len(to.mods) == 2 && to.mods[0]-to.mods[1] < intDigits[from.name] {
			return overflow(), true
		}
		return lossless(), true
	case fi && tf:
		if intBits[from.name] <= floatBits[to.name] {
			return lossless(), true
		}
		return lossy("integers beyond 2^%d are rounded to the nearest %s", floatBits[to.name], to.text), true
	case fn && ti:
		if len(from.mods) == 2 && from.mods[1] == 0 {
			if from.mods[0] < intDigits[to.name] {
				return lossless(), true
			}
			return overflow(), true
		}
		return worse(lossy("fractions are rounded to whole numbers"), overflow()), true
	case fn && tf:
		// A float holds every decimal of up to 6 (real) or 15 (double)
		// significant digits exactly enough to give it back.
		if len(from.mods) == 2 && from.mods[0] <= map[string]int{"real": 6, "double precision": 15}[to.name] {
			return lossless(), true
		}
		return lossy("numbers are rounded to the precision of %s", to.text), true
	case ff && ti:
		return worse(lossy("fractions are rounded to whole numbers"), overflow()), true
	case ff && tn:
		c := lossy("%s converts to numeric with only %d significant digits", from.text, map[string]int{"real": 6, "double precision": 15}[from.name])
		if len(to.mods) == 2 {
			c = worse(c, overflow())
		}
		return c, true
	case ff && tf:
		if floatBits[to.name] >= floatBits[from.name] {
			return lossless(), true
		}
		return worse(lossy("numbers are rounded to the precision of %s", to.text), overflow()), true
	}
	return TypeChange{}, false
}

// classifyTimes classifies conversions between date and time types.
func classifyTimes(from, to typeDesc) (TypeChange, bool) {
	const (
		ts   = "timestamp without time zone"
		tstz = "timestamp with time zone"
		tm   = "time without time zone"
		tmtz = "time with time zone"
	)
	precision := func(c TypeChange) TypeChange {
		if fractional[from.name] && fractional[to.name] && to.precision() < from.precision() {
			return worse(c, lossy("fractional seconds are rounded to %d digits", to.precision()))
		}
		return c
	}
	switch {
	case from.name == "date" && (to.name == ts || to.name == tstz):
		return lossless(), true
	case (from.name == ts || from.name == tstz) && to.name == "date":
		return lossy("the time of day is dropped"), true
	case from.name == ts && to.name == tstz:
		return precision(lossy("values are read as local times of the session's time zone: a time skipped by a daylight-saving change moves by an hour")), true
	case from.name == tstz && to.name == ts:
		return precision(lossy("the time zone is dropped: values become local times of the session's time zone, and the two instants of a repeated daylight-saving hour become one")), true
	case (from.name == ts || from.name == tstz) && to.name == tm, from.name == tstz && to.name == tmtz:
		return precision(lossy("the date is dropped")), true
	case from.name == tmtz && to.name == tm:
		return precision(lossy("the time zone offset is dropped")), true
	case from.name == tm && to.name == tmtz:
		return precision(lossy("values get the session's current time zone offset")), true
	case from.name == tm && to.name == "interval":
		return precision(lossless()), true
	case from.name == "interval" && to.name == tm:
		return precision(lossy("days, months and years are dropped; only the time of day is kept")), true
	}
	return TypeChange{}, false
}

// resolveType looks a user-defined type up in the plan's desired model,
// then in the current one.
func (d *differ) resolveType(name string) (UserType, bool) {
	for _, s := range []state.DatabaseSchema{d.to, d.from} {
		for _, t := range s.Types {
			// name holds t.Name unless quoting doubled a quote in it:
			// most types are passed over without quoting their names.
			if !strings.Contains(name, t.Name) && !strings.Contains(t.Name, `"`) {
				continue
			}
			if sqlgen.Qual(t.QualName()) == name {
				u := UserType{Kind: t.Kind}
				if t.Kind == state.TypeDomain {
					u.BaseType = t.BaseType
					u.Constrained = t.NotNull || len(t.Checks) > 0
				}
				return u, true
			}
		}
	}
	return UserType{}, false
}

// rebuiltTypeConversion classifies what recreating type old as t does to
// the values of columns using it (converted through text): a domain's or
// range's values convert as their base type or subtype does, a
// composite's as its attributes do (matched by name); an attribute
// dropped loses its values.
func (d *differ) rebuiltTypeConversion(old, t state.Type) TypeChange {
	switch {
	case old.Kind == state.TypeDomain && t.Kind == state.TypeDomain && old.BaseType != t.BaseType:
		return ClassifyTypeChange(old.BaseType, t.BaseType, d.resolveType)
	case old.Kind == state.TypeRange && t.Kind == state.TypeRange && old.Subtype != t.Subtype:
		return ClassifyTypeChange(old.Subtype, t.Subtype, d.resolveType)
	case old.Kind == state.TypeComposite && t.Kind == state.TypeComposite:
		c := lossless()
		for _, a := range old.Attributes {
			found := false
			for _, b := range t.Attributes {
				if a.Name == b.Name {
					found = true
					if a.Type != b.Type {
						ac := ClassifyTypeChange(a.Type, b.Type, d.resolveType)
						if ac.Why != "" {
							ac.Why = "attribute " + a.Name + ": " + ac.Why
						}
						c = worse(c, ac)
					}
				}
			}
			if !found {
				c = worse(c, lossy("attribute %s is dropped", a.Name))
			}
		}
		return c
	}
	return lossless()
}
