package gitrepo

import (
	"errors"
	"fmt"

	"github.com/go-git/go-git/v5/plumbing"
	"github.com/go-git/go-git/v5/plumbing/format/packfile"
	"github.com/go-git/go-git/v5/plumbing/storer"
	"github.com/go-git/go-git/v5/storage/memory"
)

const (
	// packMinBlobs is the number of new blobs from which a commit stores
	// them in one packfile rather than one loose object each: creating and
	// renaming a file per blob is what init's commit of thousands of files
	// spent most of its time on.
	packMinBlobs = 64
	// maxPendingBytes bounds the content held in memory before it is
	// stored (a commit of large data files writes several packs).
	maxPendingBytes = 64 << 20
)

// blobs stores the blobs of one commit. A blob the repository lacks is
// held until store (or until maxPendingBytes are held), then written:
// as loose objects when there are few, as one packfile when there are
// many. Every blob must be stored before a tree names it.
type blobs struct {
	r       *Repo
	pending *memory.Storage
	hashes  []plumbing.Hash
	seen    map[plumbing.Hash]bool
	bytes   int
	// maxBytes is maxPendingBytes (tests lower it).
	maxBytes int
}

func (r *Repo) newBlobs() *blobs {
	return &blobs{r: r, pending: memory.NewStorage(), seen: map[plumbing.Hash]bool{}, maxBytes: maxPendingBytes}
}

// add returns data's blob hash, holding the blob if it is not stored yet.
func (b *blobs) add(data []byte) (plumbing.Hash, error) {
	h := plumbing.ComputeHash(plumbing.BlobObject, data)
	if b.seen[h] {
		return h, nil
	}
	b.seen[h] = true
	if b.r.repo.Storer.HasEncodedObject(h) == nil {
		return h, nil
	}
	obj := b.pending.NewEncodedObject()
	obj.SetType(plumbing.BlobObject)
	obj.SetSize(int64(len(data)))
	w, err := obj.Writer()
	if err != nil {
		return plumbing.ZeroHash, err
	}
	if _, err := w.Write(data); err != nil {
		return plumbing.ZeroHash, errors.Join(err, w.Close())
	}
	if err := w.Close(); err != nil {
		return plumbing.ZeroHash, err
	}
	if _, err := b.pending.SetEncodedObject(obj); err != nil {
		return plumbing.ZeroHash, err
	}
	b.hashes = append(b.hashes, h)
	b.bytes += len(data)
	if b.bytes >= b.maxBytes {
		return h, b.store()
	}
	return h, nil
}

// store writes the blobs held.
func (b *blobs) store() error {
	if len(b.hashes) == 0 {
		return nil
	}
	defer func() {
		b.pending, b.hashes, b.bytes = memory.NewStorage(), nil, 0
	}()
	pw, canPack := b.r.repo.Storer.(storer.PackfileWriter)
	if !canPack || len(b.hashes) < packMinBlobs {
		for _, h := range b.hashes {
			obj, err := b.pending.EncodedObject(plumbing.BlobObject, h)
			if err != nil {
				return err
			}
			if _, err := b.r.repo.Storer.SetEncodedObject(obj); err != nil {
				return fmt.Errorf("storing blob %s: %w", h, err)
			}
		}
		return nil
	}
	// The pack is written to a temporary file, indexed as it is written,
	// and renamed into place when the writer is closed; on an error it is
	// removed. Delta compression is off (window 0): the blobs are new
	// files, and git repacks on its own schedule.
	w, err := pw.PackfileWriter()
	if err != nil {
		return fmt.Errorf("storing %d blobs: %w", len(b.hashes), err)
	}
	_, encErr := packfile.NewEncoder(w, b.pending, false).Encode(b.hashes, 0)
	if err := errors.Join(encErr, w.Close()); err != nil {
		return fmt.Errorf("storing %d blobs in a packfile: %w", len(b.hashes), err)
	}
	return nil
}
