package state

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"sort"
)

// Normalize puts every collection of s into its canonical order. It is the
// only place that decides ordering; it does not change any value.
func (s *DatabaseSchema) Normalize() {
	sort.Slice(s.Extensions, func(i, j int) bool { return s.Extensions[i].Name < s.Extensions[j].Name })
	sort.Slice(s.Schemas, func(i, j int) bool { return s.Schemas[i].Name < s.Schemas[j].Name })
	sort.Slice(s.Types, func(i, j int) bool { return s.Types[i].QualName().Less(s.Types[j].QualName()) })
	sort.Slice(s.Sequences, func(i, j int) bool { return s.Sequences[i].QualName().Less(s.Sequences[j].QualName()) })
	sort.Slice(s.Tables, func(i, j int) bool { return s.Tables[i].QualName().Less(s.Tables[j].QualName()) })
	for i := range s.Tables {
		t := &s.Tables[i]
		sort.Slice(t.Constraints, func(a, b int) bool { return t.Constraints[a].Name < t.Constraints[b].Name })
		sort.Slice(t.Indexes, func(a, b int) bool { return t.Indexes[a].Name < t.Indexes[b].Name })
	}
}

// Fingerprint is the SHA-256 of the normalized schema's JSON, hex encoded.
// Plans record the remote's fingerprint; apply refuses when it moved.
// Annotations that only exist on the local side (RenamedFrom) are included,
// which is harmless: fingerprints are only ever compared remote to remote.
func (s DatabaseSchema) Fingerprint() string {
	c := s.Clone()
	c.Normalize()
	b, err := json.Marshal(c)
	if err != nil {
		// The model holds only strings, numbers, bools and slices of them;
		// marshalling cannot fail.
		panic("state: marshalling schema: " + err.Error())
	}
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// Clone returns a deep copy of s.
func (s DatabaseSchema) Clone() DatabaseSchema {
	b, err := json.Marshal(s)
	if err != nil {
		panic("state: marshalling schema: " + err.Error())
	}
	var c DatabaseSchema
	if err := json.Unmarshal(b, &c); err != nil {
		panic("state: unmarshalling schema: " + err.Error())
	}
	return c
}

// Table returns the table called q.
func (s DatabaseSchema) Table(q QualName) (Table, bool) {
	i := sort.Search(len(s.Tables), func(i int) bool { return !s.Tables[i].QualName().Less(q) })
	if i < len(s.Tables) && s.Tables[i].QualName() == q {
		return s.Tables[i], true
	}
	return Table{}, false
}
