package parser

import (
	"iter"
	"sync"

	"github.com/renovate-pg/renovate/state"
)

// Locations says where the files define each object (Result.Locations).
//
// A plan on valid files asks for very few locations: they name a file and
// line in errors and warnings. Yet at thousands of tables the locations of
// every table, column, constraint and index are one of the largest parts
// of a result read back from the parse cache. So a result read back holds
// the locations of those kinds (Deferred) encoded, and decodes them when
// one of them is first asked for; the kinds a plan reads every time
// (schemas, default privileges, privileges: see Deferred) are held
// decoded. A nil *Locations holds nothing.
//
// Get, Len, All and HasKind may be called from several goroutines at
// once; Set and PrefixFiles may not run beside anything else, as for a
// map.
type Locations struct {
	// mu guards the merge of the deferred locations into m: every method
	// that reads m holds it, or runs after the merge.
	mu sync.Mutex
	m  map[state.ObjectKey]Location
	// load returns the deferred locations; the first method that needs
	// them merges them into m. load is nil when nothing is deferred.
	load func() map[state.ObjectKey]Location
}

// NewLocations returns the locations m holds (not a copy).
func NewLocations(m map[state.ObjectKey]Location) *Locations {
	if m == nil {
		m = map[state.ObjectKey]Location{}
	}
	return &Locations{m: m}
}

// NewDeferredLocations returns the locations of held and, once first
// asked for, of load's result, which must hold only keys of Deferred
// kinds. load runs at most once.
func NewDeferredLocations(held map[state.ObjectKey]Location, load func() map[state.ObjectKey]Location) *Locations {
	l := NewLocations(held)
	l.load = load
	return l
}

// Deferred reports whether the locations of objects of kind k may be held
// encoded until asked for: every kind but those a plan on valid files
// reads. adoptImplicitPublic asks whether the public schema is declared,
// checkForRoleBeforeObjects looks for default privileges and
// implicitPublicPrivileges for the privileges ImplicitPublicPrivilegeKey
// records (package engine).
func Deferred(k state.Kind) bool {
	switch k {
	case state.KindSchema, state.KindDefaultPrivilege, state.KindPrivilege:
		return false
	}
	return true
}

// loadLocked merges the deferred locations into m (their kinds and those
// of m never meet). l.mu is held.
func (l *Locations) loadLocked() {
	if l.load == nil {
		return
	}
	for k, loc := range l.load() {
		l.m[k] = loc
	}
	l.load = nil
}

// Pending reports whether deferred locations are still encoded: no method
// has needed them yet.
func (l *Locations) Pending() bool {
	if l == nil {
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.load != nil
}

// Get returns where the object k is defined.
func (l *Locations) Get(k state.ObjectKey) (Location, bool) {
	if l == nil {
		return Location{}, false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if Deferred(k.Kind) {
		l.loadLocked()
	}
	loc, ok := l.m[k]
	return loc, ok
}

// Set records that k is defined at loc.
func (l *Locations) Set(k state.ObjectKey, loc Location) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.loadLocked()
	l.m[k] = loc
}

// Len is the number of objects located.
func (l *Locations) Len() int {
	if l == nil {
		return 0
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	l.loadLocked()
	return len(l.m)
}

// All yields every object and its location, in no particular order.
func (l *Locations) All() iter.Seq2[state.ObjectKey, Location] {
	return func(yield func(state.ObjectKey, Location) bool) {
		if l == nil {
			return
		}
		l.mu.Lock()
		l.loadLocked()
		l.mu.Unlock()
		// Only Set changes m from here on, never beside a reader.
		for k, loc := range l.m {
			if !yield(k, loc) {
				return
			}
		}
	}
}

// HasKind reports whether an object of kind k is located. It decodes the
// deferred locations only for a Deferred kind.
func (l *Locations) HasKind(k state.Kind) bool {
	if l == nil {
		return false
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if Deferred(k) {
		l.loadLocked()
	}
	for key := range l.m {
		if key.Kind == k {
			return true
		}
	}
	return false
}

// Split returns the locations of Deferred kinds and the others, as new
// maps: what the parse cache writes.
func (l *Locations) Split() (held, deferred map[state.ObjectKey]Location) {
	held, deferred = map[state.ObjectKey]Location{}, map[state.ObjectKey]Location{}
	for k, loc := range l.All() {
		if Deferred(k.Kind) {
			deferred[k] = loc
		} else {
			held[k] = loc
		}
	}
	return held, deferred
}

// PrefixFiles prefixes the file of every location with p, the deferred
// ones when they are decoded.
func (l *Locations) PrefixFiles(p string) {
	// File paths repeat: one prefixed copy per file.
	prefixed := map[string]string{}
	prefix := func(m map[state.ObjectKey]Location) {
		for k, loc := range m {
			f, ok := prefixed[loc.File]
			if !ok {
				f = p + loc.File
				prefixed[loc.File] = f
			}
			loc.File = f
			m[k] = loc
		}
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	prefix(l.m)
	if load := l.load; load != nil {
		l.load = func() map[state.ObjectKey]Location {
			m := load()
			prefix(m)
			return m
		}
	}
}

// Equal reports whether l and o locate the same objects at the same
// places, deferred ones included.
func (l *Locations) Equal(o *Locations) bool {
	if l.Len() != o.Len() {
		return false
	}
	for k, loc := range l.All() {
		if got, ok := o.Get(k); !ok || got != loc {
			return false
		}
	}
	return true
}
