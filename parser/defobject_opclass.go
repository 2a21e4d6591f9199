package parser

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	pg_query "github.com/pganalyze/pg_query_go/v5"

	"github.com/renovate-pg/renovate/state"
)

// This file reads CREATE OPERATOR CLASS, CREATE OPERATOR FAMILY, ALTER
// OPERATOR FAMILY ... ADD / DROP and COMMENT ON OPERATOR CLASS / FAMILY
// into definition objects (state.DefObject of KindOperatorClass and
// KindOperatorFamily).
//
// The canonical forms:
//
//	CREATE OPERATOR FAMILY public.rev_ops USING btree;
//
// with the family's loose members as settings named "OPERATOR 1 (integer,
// bigint)" or "FUNCTION 1 (integer, bigint)" (as ALTER OPERATOR FAMILY
// ... DROP names them), valued "public.<<<(integer, bigint)" (with " FOR
// ORDER BY family" for an ordering operator) or the function's signature;
// and
//
//	CREATE OPERATOR CLASS public.rev_ops DEFAULT FOR TYPE integer USING btree FAMILY public.rev_ops AS
//	    OPERATOR 1 public.<<<(integer, integer),
//	    FUNCTION 1 (integer, integer) public.rev_cmp(integer, integer),
//	    STORAGE integer;
//
// Every member names its types: an operator its argument types, a
// function the types it serves (defaulted as PostgreSQL does: a btree
// comparison function's or a hash function's from its arguments, others
// from the class's type). A CREATE OPERATOR CLASS without FAMILY is in
// the family of its own name, which PostgreSQL creates when it does not
// exist: the parser declares that family too. Members PostgreSQL 14 and
// later keep loose in the family even when CREATE OPERATOR CLASS lists
// them (btree and hash: cross-type members and optional support
// functions) are the family's settings. Operators written without a
// schema are pg_catalog's (write others qualified, as init does).

// opFamilySignature is the Signature of a class or family key.
func opFamilySignature(method string) string { return " USING " + method }

// opFamilyKey is the key of a family.
func opFamilyKey(q state.QualName, method string) state.ObjectKey {
	return state.ObjectKey{Kind: state.KindOperatorFamily, Schema: q.Schema, Name: q.Name, Signature: opFamilySignature(method)}
}

// opMember is one member of a class or family, in canonical text.
type opMember struct {
	function    bool
	number      int
	left, right string
	// text is what follows "OPERATOR n " (the operator with its
	// argument types and purpose) or "FUNCTION n (types) " (the
	// function's signature).
	text string
}

// setting returns the member as a family setting.
func (m opMember) setting() state.DefSetting {
	word := "OPERATOR"
	if m.function {
		word = "FUNCTION"
	}
	return state.DefSetting{Name: fmt.Sprintf("%s %d (%s, %s)", word, m.number, m.left, m.right), Value: m.text}
}

// classText prints the member as CREATE OPERATOR CLASS lists it.
func (m opMember) classText() string {
	if m.function {
		return fmt.Sprintf("FUNCTION %d (%s, %s) %s", m.number, m.left, m.right, m.text)
	}
	return fmt.Sprintf("OPERATOR %d %s", m.number, m.text)
}

// opMemberItem reads one ADD item of CREATE OPERATOR CLASS or ALTER
// OPERATOR FAMILY. classType is the class's type ("" in ALTER OPERATOR
// FAMILY, where every member must name its types).
func (r *refs) opMemberItem(it *pg_query.CreateOpClassItem, method, classType string) (opMember, error) {
	m := opMember{number: int(it.Number)}
	var args []string
	for _, n := range it.ClassArgs {
		t, err := r.typ(n.GetTypeName())
		if err != nil {
			return m, err
		}
		args = append(args, t)
	}
	if len(args) > 2 {
		return m, fmt.Errorf("one or two argument types must be specified")
	}
	switch it.Itemtype {
	case 1: // OPCLASS_ITEM_OPERATOR
		if it.Name == nil {
			return m, fmt.Errorf("improper operator member")
		}
		names, err := stringList(it.Name.Objname)
		if err != nil {
			return m, err
		}
		var types []string
		for _, n := range it.Name.Objargs {
			tn := n.GetTypeName()
			if tn == nil {
				return m, fmt.Errorf("operator %d: argument types must be two", m.number)
			}
			t, err := r.typ(tn)
			if err != nil {
				return m, err
			}
			types = append(types, t)
		}
		switch {
		case len(types) == 2:
		case len(types) == 0 && classType != "":
			types = []string{classType, classType}
		case len(types) == 0:
			return m, fmt.Errorf("operator argument types must be specified in ALTER OPERATOR FAMILY")
		default:
			return m, fmt.Errorf("operator %d: argument types must be two", m.number)
		}
		m.left, m.right = types[0], types[1]
		var name string
		switch {
		case len(names) == 1:
			name = names[0]
		case len(names) == 2 && names[0] == "pg_catalog":
			name = names[1]
		case len(names) == 2:
			name = quoteIdent(names[0]) + "." + names[1]
			r.add(state.ObjectKey{Kind: state.KindOperator, Schema: names[0], Name: names[1], Signature: operatorSignature(m.left, m.right)})
		default:
			return m, fmt.Errorf("improper operator name")
		}
		m.text = name + "(" + m.left + ", " + m.right + ")"
		if len(it.OrderFamily) > 0 {
			fam, err := stringList(it.OrderFamily)
			if err != nil {
				return m, err
			}
			text, q, err := refName(fam, builtinOpclasses)
			if err != nil {
				return m, err
			}
			if q.Schema != "" {
				r.add(state.ObjectKey{Kind: state.KindOperatorFamily, Schema: q.Schema, Name: q.Name, Signature: opFamilySignature("btree")})
			}
			m.text += " FOR ORDER BY " + text
		}
	case 2: // OPCLASS_ITEM_FUNCTION
		m.function = true
		if it.Name == nil {
			return m, fmt.Errorf("improper function member")
		}
		names, err := stringList(it.Name.Objname)
		if err != nil {
			return m, err
		}
		text, q, err := refName(names, builtinFuncs)
		if err != nil {
			return m, err
		}
		if q.Schema != "" {
			r.add(state.ObjectKey{Kind: state.KindFunction, Schema: q.Schema, Name: q.Name})
		}
		var fargs []string
		for _, n := range it.Name.Objargs {
			t, err := r.typ(n.GetTypeName())
			if err != nil {
				return m, err
			}
			fargs = append(fargs, t)
		}
		m.text = text + "(" + strings.Join(fargs, ", ") + ")"
		switch {
		case len(args) == 2:
			m.left, m.right = args[0], args[1]
		case len(args) == 1:
			m.left, m.right = args[0], args[0]
		default:
			// The types PostgreSQL's assignProcTypes gives a function
			// that names none.
			switch {
			case method == "btree" && m.number == 1 && len(fargs) == 2:
				m.left, m.right = fargs[0], fargs[1]
			case method == "btree" && m.number == 3 && len(fargs) == 5:
				m.left, m.right = fargs[0], fargs[2]
			case method == "hash" && (m.number == 1 || m.number == 2) && len(fargs) >= 1:
				m.left, m.right = fargs[0], fargs[0]
			case classType != "":
				m.left, m.right = classType, classType
			default:
				return m, fmt.Errorf("associated data types must be specified for index support function %d", m.number)
			}
		}
	default:
		return m, fmt.Errorf("STORAGE cannot be specified in ALTER OPERATOR FAMILY")
	}
	return m, nil
}

// looseMember reports whether PostgreSQL 14 and later keep a member that
// CREATE OPERATOR CLASS lists in the family rather than the class
// (btadjustmembers, hashadjustmembers): cross-type members, members of
// another type than the class's and optional support functions.
func looseMember(method, classType string, m opMember) bool {
	if method != "btree" && method != "hash" {
		return false
	}
	if m.function && m.number != 1 {
		return true
	}
	return m.left != m.right || m.left != classType
}

// sortMembers puts operators before functions, by number, then types.
func sortMembers(ms []opMember) {
	sort.SliceStable(ms, func(i, j int) bool {
		return state.OpFamilyMemberLess(ms[i].setting().Name, ms[j].setting().Name)
	})
}

// createOpClass handles CREATE OPERATOR CLASS.
func (p *fileParser) createOpClass(s *pg_query.CreateOpClassStmt, loc Location) {
	name, ok := p.anyName(s.Opclassname, loc)
	if !ok {
		return
	}
	method := strings.ToLower(s.Amname)
	fail := func(err error) {
		p.errs.semantic(loc, "operator class %s%s: %v", name, opFamilySignature(method), err)
	}
	var r refs
	r.accessMethodRef(method)
	typ, err := r.typ(s.Datatype)
	if err != nil {
		fail(err)
		return
	}
	family := name
	if len(s.Opfamilyname) > 0 {
		if family, ok = p.anyName(s.Opfamilyname, loc); !ok {
			return
		}
	}
	famKey := opFamilyKey(family, method)
	r.add(famKey)
	var members, loose []opMember
	storage := ""
	seen := map[string]bool{}
	for _, n := range s.Items {
		it := n.GetCreateOpClassItem()
		if it == nil {
			continue
		}
		if it.Itemtype == 3 { // OPCLASS_ITEM_STORAGETYPE
			if storage != "" {
				fail(fmt.Errorf("storage type specified more than once"))
				return
			}
			st, err := r.typ(it.Storedtype)
			if err != nil {
				fail(err)
				return
			}
			storage = st
			continue
		}
		m, err := r.opMemberItem(it, method, typ)
		if err != nil {
			fail(err)
			return
		}
		if seen[m.setting().Name] {
			fail(fmt.Errorf("%s appears more than once", strings.ToLower(m.setting().Name)))
			return
		}
		seen[m.setting().Name] = true
		if looseMember(method, typ, m) {
			loose = append(loose, m)
		} else {
			members = append(members, m)
		}
	}
	if storage == typ {
		// PostgreSQL drops a storage type that is the column type.
		storage = ""
	}
	sortMembers(members)
	var b strings.Builder
	b.WriteString("CREATE OPERATOR CLASS " + quoteQualified(name.Schema, name.Name))
	if s.IsDefault {
		b.WriteString(" DEFAULT")
	}
	b.WriteString(" FOR TYPE " + typ + " USING " + quoteIdent(method) + " FAMILY " + quoteQualified(family.Schema, family.Name) + " AS")
	var items []string
	for _, m := range members {
		items = append(items, m.classText())
	}
	if storage != "" {
		items = append(items, "STORAGE "+storage)
	}
	if len(items) == 0 {
		// The grammar needs one item; a class whose every member is
		// loose keeps its storage type or nothing. PostgreSQL accepts
		// STORAGE of the class's own type and ignores it.
		items = append(items, "STORAGE "+typ)
	}
	b.WriteString("\n    " + strings.Join(items, ",\n    ") + ";")
	o := state.DefObject{Kind: state.KindOperatorClass, Schema: name.Schema, Name: name.Name,
		Signature: opFamilySignature(method), Definition: b.String(), Refs: r.keys}
	p.add(&defObjectDef{loc: loc, obj: o, implicitFamily: len(s.Opfamilyname) == 0})
	if len(loose) > 0 {
		var lr refs
		for _, k := range r.keys {
			if k.Kind == state.KindOperator || k.Kind == state.KindFunction {
				lr.add(k)
			}
		}
		p.add(&defAlterDef{loc: loc, key: famKey, apply: func(o *state.DefObject) error {
			for _, k := range lr.keys {
				addRef(o, k)
			}
			for _, m := range loose {
				o.Settings = setOption(o.Settings, m.setting())
			}
			return nil
		}})
	}
}

// opFamilyObject is the family q of method, as CREATE OPERATOR FAMILY
// declares it.
func opFamilyObject(q state.QualName, method string) state.DefObject {
	var r refs
	r.accessMethodRef(method)
	return state.DefObject{Kind: state.KindOperatorFamily, Schema: q.Schema, Name: q.Name,
		Signature:  opFamilySignature(method),
		Definition: "CREATE OPERATOR FAMILY " + quoteQualified(q.Schema, q.Name) + " USING " + quoteIdent(method) + ";",
		Refs:       r.keys}
}

// createOpFamily handles CREATE OPERATOR FAMILY name USING method.
func (p *fileParser) createOpFamily(s *pg_query.CreateOpFamilyStmt, loc Location) {
	name, ok := p.anyName(s.Opfamilyname, loc)
	if !ok {
		return
	}
	p.add(&defObjectDef{loc: loc, obj: opFamilyObject(name, strings.ToLower(s.Amname))})
}

// alterOpFamily handles ALTER OPERATOR FAMILY name USING method ADD or
// DROP members.
func (p *fileParser) alterOpFamily(s *pg_query.AlterOpFamilyStmt, loc Location) {
	name, ok := p.anyName(s.Opfamilyname, loc)
	if !ok {
		return
	}
	method := strings.ToLower(s.Amname)
	key := opFamilyKey(name, method)
	var r refs
	var add []opMember
	var drop []string
	for _, n := range s.Items {
		it := n.GetCreateOpClassItem()
		if it == nil {
			continue
		}
		if s.IsDrop {
			word := "OPERATOR"
			if it.Itemtype == 2 {
				word = "FUNCTION"
			}
			var types []string
			for _, a := range it.ClassArgs {
				t, err := r.typ(a.GetTypeName())
				if err != nil {
					p.errs.semantic(loc, "%s: %v", key, err)
					return
				}
				types = append(types, t)
			}
			if len(types) == 1 {
				types = append(types, types[0])
			}
			if len(types) != 2 {
				p.errs.semantic(loc, "%s: one or two argument types must be specified", key)
				return
			}
			drop = append(drop, word+" "+strconv.Itoa(int(it.Number))+" ("+types[0]+", "+types[1]+")")
			continue
		}
		m, err := r.opMemberItem(it, method, "")
		if err != nil {
			p.errs.semantic(loc, "%s: %v", key, err)
			return
		}
		add = append(add, m)
	}
	p.add(&defAlterDef{loc: loc, key: key, apply: func(o *state.DefObject) error {
		for _, k := range r.keys {
			addRef(o, k)
		}
		for _, m := range add {
			st := m.setting()
			for _, x := range o.Settings {
				if x.Name == st.Name {
					return fmt.Errorf("%s already exists in the family", strings.ToLower(st.Name))
				}
			}
			o.Settings = append(o.Settings, st)
		}
		for _, d := range drop {
			var out []state.DefSetting
			found := false
			for _, x := range o.Settings {
				if x.Name == d {
					found = true
					continue
				}
				out = append(out, x)
			}
			if !found {
				return fmt.Errorf("%s is not a loose member of the family", strings.ToLower(d))
			}
			o.Settings = out
		}
		return nil
	}})
}

// opFamilyCommentKey reads the key COMMENT ON OPERATOR CLASS / FAMILY
// names: the list is the access method, then the name.
func (p *fileParser) opFamilyCommentKey(s *pg_query.CommentStmt, kind state.Kind, loc Location) (state.ObjectKey, bool) {
	items := s.Object.GetList().GetItems()
	if len(items) < 2 {
		p.errs.semantic(loc, "improper COMMENT ON %s", strings.ToUpper(strings.ReplaceAll(string(kind), "_", " ")))
		return state.ObjectKey{}, false
	}
	method := strings.ToLower(items[0].GetString_().GetSval())
	name, ok := p.anyName(items[1:], loc)
	if !ok {
		return state.ObjectKey{}, false
	}
	return state.ObjectKey{Kind: kind, Schema: name.Schema, Name: name.Name, Signature: opFamilySignature(method)}, true
}
