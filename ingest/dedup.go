package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"math/bits"
	"slices"
	"sync"
	"unicode"
	"unicode/utf8"

	"rasid"
	"rasid/arabic"
)

// DefaultThreshold is the Hamming distance between SimHashes under which
// NewDedup(0) calls two documents near-duplicates. Measured on the 10,138
// articles of the ANT corpus (TestSimHashOnCorpus), a copy with a new
// dateline and 12 words added at the end is within 8 bits of its original
// for 71% of articles of 80–149 words, 91% of 150–299 words and 99% of
// longer ones, against 6%, 23% and 49% within 3 bits (the value of Manku
// et al. for whole web pages); and no two distinct articles of the corpus
// are within 8 bits but updates of one story and templated match
// schedules. For random 64-bit hashes, 8 bits is a chance of 3 in 10,000
// per check against a million documents.
const DefaultThreshold = 8

// maxThreshold bounds the threshold: past it nearly unrelated texts start
// to match, and the index needs bands too narrow to be selective.
const maxThreshold = 15

// Dedup remembers the documents it has been shown and reports whether a
// new one repeats one of them: exactly (the same normalised text) or
// nearly (SimHashes within the threshold). The near lookup uses a banded
// index, so a check costs tens of microseconds with a million documents
// seen (which take about 150 MB).
//
// A Dedup is not safe for concurrent use: the pipeline checks documents
// in one goroutine, in the order they were read, so that "first seen"
// is well defined. Guard it with a mutex to share it.
type Dedup struct {
	threshold int // < 0: near-duplicates are not looked for
	ids       []string
	exact     map[[16]byte]int32 // first half of the content hash → index in ids
	bySim     map[uint64]int32   // SimHash → index in ids; SimHashes in the index are unique, as a second one would be a near-duplicate at distance 0
	// The index cuts a SimHash into bands and files the document under
	// each band's value. With n bands, two hashes within the threshold t
	// differ in at most t/n bits of some band (pigeonhole), so looking up,
	// in each band, every value within t/n bits of the query's (probes)
	// finds every near-duplicate. Up to t = 3 that is 4 bands of 16 bits
	// and one bucket each; a larger t takes t/2+1 bands (at least 4) and
	// the values within one bit, so that a bucket stays small and few are
	// looked at: 5 bands of 13 or 12 bits, 14 buckets each, for t = 8.
	bands  []band
	radius int // bits a probe flips in a band: 0 or 1
}

// band is one slice of the SimHash bits and the documents by its value:
// their whole SimHashes, so that a bucket is compared without looking
// elsewhere (bySim gives the document of the one that matches).
type band struct {
	shift   uint
	width   uint
	buckets [][]uint64 // allocated at the first document
}

// NewDedup returns an empty Dedup that reports near-duplicates within
// threshold bits. Zero means DefaultThreshold; a negative threshold turns
// near-duplicate detection off (exact duplicates only); more than 15 is
// taken as 15.
func NewDedup(threshold int) *Dedup {
	switch {
	case threshold == 0:
		threshold = DefaultThreshold
	case threshold > maxThreshold:
		threshold = maxThreshold
	}
	d := &Dedup{threshold: threshold, exact: map[[16]byte]int32{}, bySim: map[uint64]int32{}}
	if threshold < 0 {
		return d
	}
	n := 4
	if threshold > 3 {
		d.radius = 1
		n = max(4, threshold/2+1)
	}
	shift := uint(0)
	for i := range n {
		w := uint(64 / n)
		if i < 64%n {
			w++
		}
		d.bands = append(d.bands, band{shift: shift, width: w})
		shift += w
	}
	return d
}

// Check reports whether doc duplicates a document seen before: dupOf is
// that document's ID, exact tells an identical normalised text from a
// near-duplicate, ok is false when doc is new. A new document is
// remembered; a duplicate is not, so dupOf always names an original. Of
// several near-duplicates, the closest (then the first seen) is named.
func (d *Dedup) Check(doc rasid.Document) (dupOf string, exact bool, ok bool) {
	return d.CheckHashes(doc.ID, ContentHash(doc.Text), SimHash(doc.Text))
}

// CheckHashes is Check for a document whose hashes the caller already
// has: computed once to be stored with it, or loaded from the store to
// seed a Dedup when ingesting again. simhash 0 (a text without words) is
// only checked for exact duplicates.
func (d *Dedup) CheckHashes(id, contentHash string, simhash uint64) (dupOf string, exact bool, ok bool) {
	key := hashKey(contentHash)
	if i, found := d.exact[key]; found {
		return d.ids[i], true, true
	}
	if simhash != 0 && len(d.bands) > 0 && d.bands[0].buckets != nil {
		best, bestDist := int32(-1), d.threshold+1
		for _, b := range d.bands {
			v := simhash >> b.shift & (1<<b.width - 1)
			probes := uint(1) // v, then v with one bit flipped
			if d.radius > 0 {
				probes += b.width
			}
			for p := range probes {
				key := v
				if p > 0 {
					key ^= 1 << (p - 1)
				}
				for _, sim := range b.buckets[key] {
					if dist := bits.OnesCount64(sim ^ simhash); dist <= bestDist {
						if idx := d.bySim[sim]; dist < bestDist || idx < best {
							best, bestDist = idx, dist
						}
					}
				}
			}
		}
		if best >= 0 {
			return d.ids[best], false, true
		}
	}
	i := int32(len(d.ids))
	d.ids = append(d.ids, id)
	d.exact[key] = i
	if _, seen := d.bySim[simhash]; simhash != 0 && len(d.bands) > 0 && !seen {
		d.bySim[simhash] = i
		for k := range d.bands {
			b := &d.bands[k]
			if b.buckets == nil {
				b.buckets = make([][]uint64, 1<<b.width)
			}
			v := simhash >> b.shift & (1<<b.width - 1)
			b.buckets[v] = append(b.buckets[v], simhash)
		}
	}
	return "", false, false
}

// hashKey is the map key of a content hash: its first 16 bytes (128 bits
// are plenty to tell texts apart), or a hash of it when it is not hex.
func hashKey(h string) [16]byte {
	var k [16]byte
	if len(h) >= 32 {
		if _, err := hex.Decode(k[:], []byte(h[:32])); err == nil {
			return k
		}
	}
	sum := sha256.Sum256([]byte(h))
	copy(k[:], sum[:])
	return k
}

// ContentHash returns the SHA-256 (hex) of text normalised with
// arabic.Normalize and with white space collapsed to single spaces: the
// identity of a text for exact duplicates, so that a copy that differs in
// harakat, hamza spelling, digits or line breaks is still the same text.
// The store keeps it to find duplicates across runs.
func ContentHash(text string) string {
	buf := hashBufs.Get().(*[]byte)
	defer func() {
		if cap(*buf) <= maxHashBuf {
			hashBufs.Put(buf)
		}
	}()
	b := arabic.DefaultOptions.AppendNormalize(slices.Grow((*buf)[:0], len(text)), text)
	*buf = b
	// Collapse white space in place: the write position w never passes
	// the read position, since a run of spaces becomes at most one.
	w := 0
	for i := 0; i < len(b); {
		j := i
		for j < len(b) {
			n, space := spaceAt(b, j)
			if space {
				break
			}
			j += n
		}
		if j > i {
			if w > 0 {
				b[w] = ' '
				w++
			}
			w += copy(b[w:], b[i:j])
		}
		for j < len(b) {
			n, space := spaceAt(b, j)
			if !space {
				break
			}
			j += n
		}
		i = j
	}
	sum := sha256.Sum256(b[:w])
	return hex.EncodeToString(sum[:])
}

// hashBufs holds ContentHash's buffers for reuse: a new one for each text
// was 4% of the bytes an ingest allocated.
var hashBufs = sync.Pool{New: func() any { return new([]byte) }}

// maxHashBuf is the capacity of the largest buffer hashBufs keeps.
const maxHashBuf = 1 << 20

// spaceAt returns the length of the UTF-8 sequence at b[i] and whether it
// is white space (unicode.IsSpace), decoding only the sequences that may
// be: Arabic letters take a look at their first byte.
func spaceAt(b []byte, i int) (n int, space bool) {
	switch c := b[i]; {
	case c < utf8.RuneSelf:
		return 1, c == ' ' || c >= '\t' && c <= '\r'
	case c == 0xc2 || c >= 0xe1 && c <= 0xe3: // U+0085, U+00A0, U+1680, U+2000–U+205F, U+3000
		r, n := utf8.DecodeRune(b[i:])
		return n, unicode.IsSpace(r)
	case c >= 0xf0:
		n = 4
	case c >= 0xe0:
		n = 3
	case c >= 0xc0:
		n = 2
	default:
		n = 1
	}
	return min(n, len(b)-i), false
}

// SimHash returns the 64-bit SimHash (Charikar) of text over its word
// 3-shingles: three consecutive words, normalised by arabic.Tokenize, with
// numbers and punctuation left out so that a changed date or figure moves
// nothing. Texts that share most of their shingles have hashes that
// differ in few bits. A text of one or two words is one shingle; a text
// without Arabic words uses its Latin-script words; a text with neither
// hashes to 0, which is never the hash of a text with words. The store
// keeps it to find near-duplicates across runs.
func SimHash(text string) uint64 {
	toks := arabic.Tokenize(text)
	words := make([]uint64, 0, len(toks)) // the hash of each word
	for _, t := range toks {
		if t.Kind == arabic.Word {
			words = append(words, wordHash(t.Norm))
		}
	}
	if len(words) == 0 {
		for _, t := range toks {
			if t.Kind == arabic.Latin {
				words = append(words, wordHash(t.Norm))
			}
		}
	}
	switch len(words) {
	case 0:
		return 0
	case 1:
		words = append(words, 0, 0)
	case 2:
		words = append(words, 0)
	}
	// Each bit of the result is the majority vote of that bit over the
	// shingle hashes. The votes are counted bit-sliced: planes[j] holds
	// bit j of the 64 counters, so a vote costs a few word operations
	// instead of 64 additions.
	var planes [32]uint64
	n := 0
	for i := 0; i+3 <= len(words); i++ {
		carry := shingleHash(words[i], words[i+1], words[i+2])
		for j := 0; carry != 0 && j < len(planes); j++ {
			planes[j], carry = planes[j]^carry, planes[j]&carry
		}
		n++
	}
	var h uint64
	top := bits.Len(uint(n))
	for b := range 64 {
		count := 0
		for j := range top {
			count |= int(planes[j]>>b&1) << j
		}
		if 2*count > n {
			h |= 1 << b
		}
	}
	if h == 0 {
		h = 1 // 0 means "no words"
	}
	return h
}

// wordHash is the 64-bit FNV-1a hash of a word.
func wordHash(w string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint64(w[i])) * 1099511628211
	}
	return h
}

// shingleHash combines the hashes of three words in order, then mixes the
// bits (the SplitMix64 finaliser) so that every bit of the result depends
// on every word, as SimHash needs.
func shingleHash(a, b, c uint64) uint64 {
	h := a*0x9e3779b97f4a7c15 ^ bits.RotateLeft64(b, 21)*0xc2b2ae3d27d4eb4f ^ bits.RotateLeft64(c, 42)*0x165667b19e3779f9
	h ^= h >> 30
	h *= 0xbf58476d1ce4e5b9
	h ^= h >> 27
	h *= 0x94d049bb133111eb
	h ^= h >> 31
	return h
}
