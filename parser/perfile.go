package parser

import (
	"reflect"
	"runtime"
	"sort"
	"sync"
)

// A FileParse is one file parsed on its own: the definitions the
// resolver joins with every other file's, and the problems found in the
// file. ParseFiles is ParseFile of each file, then Resolve; a store (the
// parse cache) can keep each file's definitions, keyed by the file's path
// and bytes, so that a file that did not change is not parsed again when
// another one did. A file's definitions depend only on its path and
// bytes: the parser has no options and reads no other file.
type FileParse struct {
	path  string
	items []any
	errs  errorList
}

// ParseFile parses one file on its own. Its problems are in Err; the
// problems that span files are found by Resolve.
func ParseFile(f File) *FileParse {
	fp := parseFileSafely(f)
	return &FileParse{path: fp.path, items: fp.items, errs: fp.errs}
}

// Err is the problems found in the file alone, as ParseFiles reports
// them, or nil.
func (p *FileParse) Err() error { return p.errs.err() }

// Items are the file's definitions, in statement order, for a store to
// keep: each is a pointer to one of ItemTypes. Resolve may change them,
// so a store must write them before resolving.
func (p *FileParse) Items() []any { return p.items }

// FileParseOf is the parse of a file without problems whose definitions
// a store kept (Items, written before any Resolve).
func FileParseOf(path string, items []any) *FileParse {
	return &FileParse{path: path, items: items}
}

// ItemTypes are the types of the definitions Items holds that a store can
// keep: pointers to structs of data, parse trees and locations. A
// definition of any other type (one that holds code, as an ALTER of a
// definition object does) is not listed, and the file is parsed again
// each time.
func ItemTypes() []reflect.Type {
	return []reflect.Type{
		reflect.TypeFor[*alterDomainDef](),
		reflect.TypeFor[*alterPolicyDef](),
		reflect.TypeFor[*alterPublicationDef](),
		reflect.TypeFor[*alterTableDef](),
		reflect.TypeFor[*attachDef](),
		reflect.TypeFor[*collationDef](),
		reflect.TypeFor[*commentDef](),
		reflect.TypeFor[*defCommentDef](),
		reflect.TypeFor[*defObjectDef](),
		reflect.TypeFor[*defaultPrivDef](),
		reflect.TypeFor[*domainCommentDef](),
		reflect.TypeFor[*dropNoopDef](),
		reflect.TypeFor[*eventTriggerDef](),
		reflect.TypeFor[*eventTriggerEnableDef](),
		reflect.TypeFor[*extensionDef](),
		reflect.TypeFor[*fdwDef](),
		reflect.TypeFor[*grantDef](),
		reflect.TypeFor[*importDef](),
		reflect.TypeFor[*indexAttachDef](),
		reflect.TypeFor[*indexDef](),
		reflect.TypeFor[*mappingDef](),
		reflect.TypeFor[*ownerDef](),
		reflect.TypeFor[*policyCommentDef](),
		reflect.TypeFor[*policyDef](),
		reflect.TypeFor[*publicationDef](),
		reflect.TypeFor[*relSettingsDef](),
		reflect.TypeFor[*renameDef](),
		reflect.TypeFor[*routineCommentDef](),
		reflect.TypeFor[*routineDef](),
		reflect.TypeFor[*schemaDef](),
		reflect.TypeFor[*seqOwnedDef](),
		reflect.TypeFor[*sequenceDef](),
		reflect.TypeFor[*serverDef](),
		reflect.TypeFor[*subscriptionDef](),
		reflect.TypeFor[*tableDef](),
		reflect.TypeFor[*triggerCommentDef](),
		reflect.TypeFor[*triggerDef](),
		reflect.TypeFor[*triggerEnableDef](),
		reflect.TypeFor[*typeDef](),
		reflect.TypeFor[*viewDefaultDef](),
		reflect.TypeFor[*viewDef](),
	}
}

// Resolve joins files parsed on their own into one model, as ParseFiles
// does: in the order of their paths, whatever the order given. Its errors
// are the files' own and those that span files, as ParseFiles reports
// them.
func Resolve(files []*FileParse) (*Result, error) {
	sorted := append([]*FileParse(nil), files...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].path < sorted[j].path })
	var errs errorList
	for _, fp := range sorted {
		errs.errs = append(errs.errs, fp.errs.errs...)
	}
	r := newResolver(&errs)
	res := r.resolve(sorted)
	if err := errs.err(); err != nil {
		return nil, err
	}
	return res, nil
}

// ParseFiles parses files in parallel (at most runtime.GOMAXPROCS at a
// time), then resolves everything that spans statements or files in one
// deterministic pass, in the order of the files' paths and the statements'
// positions. The order of files does not matter.
//
// On failure the error lists up to 20 problems (errors.Join), each a
// *SyntaxError, *UnsupportedError, *DuplicateError or *SemanticError, sorted
// by location; a syntax error in one file does not hide problems in others.
func ParseFiles(files []File) (*Result, error) {
	return Resolve(ParseEach(files, func(_ int, f File) *FileParse { return ParseFile(f) }))
}

// ParseEach is each file's parse, taken from get, which is given the file
// and its index in files and is called in parallel (at most
// runtime.GOMAXPROCS at a time), as ParseFiles calls ParseFile: a
// store's parse of the file, or ParseFile's. Resolve joins them.
func ParseEach(files []File, get func(i int, f File) *FileParse) []*FileParse {
	parsed := make([]*FileParse, len(files))
	workers := min(runtime.GOMAXPROCS(0), len(files))
	jobs := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range jobs {
				parsed[i] = get(i, files[i])
			}
		}()
	}
	for i := range files {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	return parsed
}
