package parser

import (
	"errors"
	"sort"
	"strings"
	"unicode/utf8"

	pg_query "github.com/pganalyze/pg_query_go/v5"
	pgparser "github.com/pganalyze/pg_query_go/v5/parser"

	"github.com/renovate-pg/renovate/state"
)

// fileParser turns one file into definitions. It works on its own file
// only, so files can be parsed concurrently.
type fileParser struct {
	path string
	src  string
	// lineStarts are the byte offsets at which lines start.
	lineStarts []int
	// tokenStarts are the byte offsets of the file's tokens, comments
	// excluded, ascending.
	tokenStarts []int
	items       []any
	errs        errorList
	// annotations are the file's rename annotations (rename.go), and cur
	// the statement being handled.
	annotations []*annotation
	cur         *pg_query.RawStmt
	// order is what the file creates where (fileorder.go).
	order fileOrder
	// defaultTableAM is the table access method SET
	// default_table_access_method chose for the CREATE TABLEs after it
	// in the file ("" for heap), as pg_dump writes it.
	defaultTableAM string
}

// parseFile parses one file into definitions and errors.
func parseFile(f File) *fileParser {
	p := &fileParser{path: f.Path, src: f.SQL}
	p.lineStarts = append(p.lineStarts, 0)
	for i := 0; i < len(f.SQL); i++ {
		if f.SQL[i] == '\n' {
			p.lineStarts = append(p.lineStarts, i+1)
		}
	}
	sql := p.blankMetaCommands()
	tree, err := pg_query.Parse(sql)
	if err != nil {
		p.syntaxError(sql, err)
		return p
	}
	p.scanAnnotations()
	params := paramTokens(sql)
	p.order = scanCreations(tree.Stmts)
	for i, raw := range tree.Stmts {
		if p.rejectParams(raw, params) || p.fileOrderStatement(i, raw) {
			continue
		}
		p.cur = raw
		p.statement(raw)
	}
	p.flushAnnotations()
	p.release()
	return p
}

// release drops what only parsing the file needed, keeping its
// definitions and errors for the resolver: the file's statement trees
// (the last statement's, and the creation index), its line and token
// offsets and its annotations. Files are all parsed before any is
// resolved, so what each keeps adds up.
func (p *fileParser) release() {
	p.cur = nil
	p.order = fileOrder{}
	p.lineStarts = nil
	p.tokenStarts = nil
	p.annotations = nil
}

// add records a definition.
func (p *fileParser) add(item any) { p.items = append(p.items, item) }

// loc converts a byte offset into a location.
func (p *fileParser) loc(offset int) Location {
	offset = max(0, min(offset, len(p.src)))
	line := sort.Search(len(p.lineStarts), func(i int) bool { return p.lineStarts[i] > offset }) - 1
	col := utf8.RuneCountInString(p.src[p.lineStarts[line]:offset]) + 1
	return Location{File: p.path, Line: line + 1, Col: col}
}

// locOr converts a node's location, falling back to the statement's when
// the node has none (-1).
func (p *fileParser) locOr(offset int32, fallback Location) Location {
	if offset < 0 || int(offset) > len(p.src) {
		return fallback
	}
	return p.loc(int(offset))
}

// stmtLoc is where a statement starts: its first token at or after
// stmt_location (which includes the whitespace and comments before it).
func (p *fileParser) stmtLoc(raw *pg_query.RawStmt) Location {
	start := int(raw.StmtLocation)
	if p.tokenStarts == nil {
		return p.loc(skipBlanksAndComments(p.src, start))
	}
	i := sort.SearchInts(p.tokenStarts, start)
	if i < len(p.tokenStarts) {
		start = p.tokenStarts[i]
	}
	return p.loc(start)
}

// blankMetaCommands finds psql meta-commands (a backslash outside any
// string or comment, at the start of a line or after SQL on it, as in
// "SELECT ... \gexec": psql takes the rest of the line as the command, and
// a backslash is never SQL), reports each, and returns the SQL with
// those lines blanked out so the rest of the file is still checked. It also
// records token positions for stmtLoc.
func (p *fileParser) blankMetaCommands() string {
	// Without a backslash there is no meta-command: skip the scan, which
	// costs as much as a third of parsing, and locate statements by
	// skipping blanks and comments instead.
	if !strings.Contains(p.src, "\\") {
		return p.src
	}
	scan, err := pg_query.Scan(p.src)
	if err != nil {
		// The parser reports the same problem with its position.
		return p.src
	}
	b := []byte(p.src)
	blanked := false
	blankedTo := 0 // the end of the last meta-command's line
	for _, t := range scan.Tokens {
		if t.Token == pg_query.Token_SQL_COMMENT || t.Token == pg_query.Token_C_COMMENT {
			continue
		}
		start := int(t.Start)
		p.tokenStarts = append(p.tokenStarts, start)
		if t.Token != pg_query.Token_ASCII_92 || start < blankedTo {
			// Backslashes in a meta-command's arguments belong to it.
			continue
		}
		end := strings.IndexByte(p.src[start:], '\n')
		if end < 0 {
			end = len(p.src)
		} else {
			end += start
		}
		line := p.src[start:end]
		name := line
		if i := strings.IndexAny(line, " \t\r"); i >= 0 {
			name = line[:i]
		}
		if !p.isRestrictLine(start, line) {
			p.errs.add(&UnsupportedError{Loc: p.loc(start), Statement: "psql meta-command " + name, Reason: "is not supported in schema files"})
		}
		for i := start; i < end; i++ {
			b[i] = ' '
		}
		blankedTo = end
		blanked = true
	}
	if !blanked {
		return p.src
	}
	// Tokens inside blanked lines no longer exist.
	kept := p.tokenStarts[:0]
	for _, s := range p.tokenStarts {
		if b[s] != ' ' {
			kept = append(kept, s)
		}
	}
	p.tokenStarts = kept
	return string(b)
}

// isRestrictLine reports whether the meta-command at start, whose line
// (to its end) is line, is "\restrict KEY" or "\unrestrict KEY" alone on
// its line: pg_dump 13.22, 14.19, 15.14, 16.10, 17.6 and later write those
// around a dump so that psql refuses meta-commands smuggled into it. They
// change nothing in the database, so they are accepted and ignored; every
// other meta-command is still an error.
func (p *fileParser) isRestrictLine(start int, line string) bool {
	lineStart := strings.LastIndexByte(p.src[:start], '\n') + 1
	if strings.TrimLeft(p.src[lineStart:start], " \t") != "" {
		return false
	}
	fields := strings.Fields(line)
	if len(fields) != 2 || (fields[0] != `\restrict` && fields[0] != `\unrestrict`) {
		return false
	}
	for _, r := range fields[1] {
		if !('a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9') {
			return false
		}
	}
	return true
}

// syntaxError reports a parse error at its position. pg_query's cursor
// position is 1-based and counts characters, not bytes.
func (p *fileParser) syntaxError(sql string, err error) {
	var pe *pgparser.Error
	if !errors.As(err, &pe) {
		p.errs.add(&SyntaxError{Loc: p.loc(0), Msg: err.Error()})
		return
	}
	offset := 0
	if pe.Cursorpos > 0 {
		chars := pe.Cursorpos - 1
		for offset < len(sql) && chars > 0 {
			_, size := utf8.DecodeRuneInString(sql[offset:])
			offset += size
			chars--
		}
	}
	msg := pe.Message
	if v := psqlVariable(sql, offset); v != "" {
		msg = "psql variable " + v + " is not supported in schema files (" + msg + ")"
	}
	p.errs.add(&SyntaxError{Loc: p.loc(offset), Msg: msg})
}

// relName qualifies a relation name: unqualified means public.
func (p *fileParser) relName(rv *pg_query.RangeVar, loc Location) (state.QualName, bool) {
	if rv == nil {
		p.errs.semantic(loc, "missing relation name")
		return state.QualName{}, false
	}
	if rv.Catalogname != "" {
		p.errs.semantic(p.locOr(rv.Location, loc), "cross-database references are not implemented: %s.%s.%s", rv.Catalogname, rv.Schemaname, rv.Relname)
		return state.QualName{}, false
	}
	schema := rv.Schemaname
	if schema == "" {
		schema = "public"
	}
	return state.QualName{Schema: schema, Name: rv.Relname}, true
}

// anyName qualifies a name list (types, indexes): unqualified means public.
func (p *fileParser) anyName(nodes []*pg_query.Node, loc Location) (state.QualName, bool) {
	names, err := stringList(nodes)
	if err != nil || len(names) == 0 {
		p.errs.semantic(loc, "invalid name")
		return state.QualName{}, false
	}
	switch len(names) {
	case 1:
		return state.QualName{Schema: "public", Name: names[0]}, true
	case 2:
		return state.QualName{Schema: names[0], Name: names[1]}, true
	}
	p.errs.semantic(loc, "improper qualified name (too many dotted names): %s", strings.Join(names, "."))
	return state.QualName{}, false
}

// skipBlanksAndComments returns the offset of the first character at or
// after start that is neither white space nor inside a -- or /* */
// comment (block comments nest, as in PostgreSQL).
func skipBlanksAndComments(src string, start int) int {
	i := start
	for i < len(src) {
		switch {
		case src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r' || src[i] == '\f':
			i++
		case strings.HasPrefix(src[i:], "--"):
			end := strings.IndexByte(src[i:], '\n')
			if end < 0 {
				return len(src)
			}
			i += end + 1
		case strings.HasPrefix(src[i:], "/*"):
			depth := 0
			for i < len(src) {
				if strings.HasPrefix(src[i:], "/*") {
					depth++
					i += 2
				} else if strings.HasPrefix(src[i:], "*/") {
					depth--
					i += 2
					if depth == 0 {
						break
					}
				} else {
					i++
				}
			}
		default:
			return i
		}
	}
	return i
}
