// Package lexicon holds rasid's dictionaries — states, organisations,
// titles, office-holders, armed groups and event phrases — as data files
// embedded in the binary, and compiles them into matchers over normalised
// tokens. Users extend them with files of the same formats (see
// data/README.md) without recompiling.
package lexicon

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"

	"rasid/arabic"
)

//go:embed data/*.tsv
var embedded embed.FS

// EntryKind says what a dictionary key stands for.
type EntryKind uint8

// Kinds of dictionary entries.
const (
	StateName   EntryKind = iota + 1 // a state's name: روسيا
	Capital                          // a capital, a metonym for its government: موسكو
	Seat                             // another seat of government: الكرملين
	Adjective                        // a nationality adjective, singular: الروسي، الروسية
	People                           // a plural nationality noun: الروس، الفلسطينيين
	City                             // a city that is only a place
	Org                              // an international organisation or its organ
	Entity                           // a named group, party or institution with a home state
	Title                            // a title or collective noun: وزير الخارجية، الجيش
	Holder                           // the name of an office-holder
	Counterpart                      // نظيره، نظيرته
	PronTitle                        // a title with a possessive pronoun: سلطاتها، جيشه
	Idiom                            // words holding a state's name that name something else: صلاة المغرب
)

var kindNames = [...]string{"", "state", "capital", "seat", "adjective", "people", "city", "org", "entity", "title", "holder", "counterpart", "pronoun-title", "idiom"}

func (k EntryKind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return fmt.Sprintf("EntryKind(%d)", k)
}

// Entry is what one dictionary key means. A key may have several entries
// (الجزائر is a state and a capital; a holder with two terms has two).
type Entry struct {
	Kind   EntryKind
	Code   string // state or organisation code; empty for a generic title
	Role   string
	Mkind  string // the Mention kind for Entity entries
	Term   *Term  // for Holder entries
	Weak   bool   // also a common word: see name? and adj? in data/README.md; a title flagged anchored
	Source string // file:line it came from
}

// Term is one office-holder's term of office.
type Term struct {
	Code, Role, Office string
	From, To           time.Time // To is zero while in office
	Name               string    // the full name, as first written
}

// Holds reports whether the term covers day d.
func (t *Term) Holds(d time.Time) bool {
	if d.Before(t.From) {
		return false
	}
	return t.To.IsZero() || !d.After(t.To)
}

// State is what the lexicon knows of one state.
type State struct {
	Code, English string
	Names         []string
}

// Lexicon is the loaded, compiled dictionaries. It is immutable after Load
// and safe for concurrent use.
type Lexicon struct {
	voc     *vocab // the words and prefixes of both tries' keys
	actors  *trie[Entry]
	events  *trie[Phrase]
	states  map[string]*State
	orgs    map[string]string // code → first name
	stop    map[string]bool   // normalised words that never start a name
	words   *wordSets         // the word classes of words*.tsv
	phrases []Phrase
	// pronStems maps a word that may carry a possessive pronoun (its stem,
	// with or without ال) to the one-word title it is, for pronounTitle.
	pronStems stemTable
}

var (
	codeRe = regexp.MustCompile(`^[A-Z][A-Z0-9]{1,7}$`)
	roles  = map[string]bool{"": true, "GOV": true, "MIL": true, "LEG": true, "JUD": true, "COP": true,
		"OPP": true, "REB": true, "BUS": true, "MED": true, "CVL": true, "NGO": true}
)

// Default loads the embedded dictionaries.
func Default() (*Lexicon, error) { return Load(nil) }

// Load loads the embedded dictionaries, then every *.tsv file of each
// directory in extra (a user's additions), by file name: states*.tsv,
// orgs*.tsv, entities*.tsv, roles*.tsv, holders*.tsv, stopwords*.tsv,
// idioms*.tsv, words*.tsv, events*.tsv.
func Load(extra []string) (*Lexicon, error) {
	b := newBuilder()
	sub, _ := fs.Sub(embedded, "data")
	if err := b.addFS(sub, "lexicon/data"); err != nil {
		return nil, err
	}
	for _, dir := range extra {
		if err := b.addFS(os.DirFS(dir), dir); err != nil {
			return nil, err
		}
	}
	return b.build(), nil
}

type builder struct {
	lx *Lexicon
	// Titles that name an actor only with a possessive pronoun ("بلاده"),
	// by the stem the pronoun is added to; and titles whose pronoun form
	// names none ("من جانبه": for his part). Both from roles files.
	pronOnly map[string]Entry
	pronNot  map[string]bool
}

func newBuilder() *builder {
	voc := newVocab()
	return &builder{pronOnly: map[string]Entry{}, pronNot: map[string]bool{}, lx: &Lexicon{
		voc:    voc,
		actors: newTrie[Entry](voc),
		events: newTrie[Phrase](voc),
		states: map[string]*State{},
		orgs:   map[string]string{},
		stop:   map[string]bool{},
		words:  newWordSets(),
	}}
}

// fileKinds maps a file-name prefix to its loader; files load in this
// order so that later files can refer to codes defined earlier.
var fileKinds = []struct {
	prefix string
	load   func(*builder, io.Reader, string) error
}{
	{"states", (*builder).loadStates},
	{"orgs", (*builder).loadOrgs},
	{"entities", (*builder).loadEntities},
	{"roles", (*builder).loadRoles},
	{"holders", (*builder).loadHolders},
	{"stopwords", (*builder).loadStopwords},
	{"idioms", (*builder).loadIdioms},
	{"words", (*builder).loadWords},
	{"events", (*builder).loadEvents},
}

func (b *builder) addFS(fsys fs.FS, dir string) error {
	names, err := fs.Glob(fsys, "*.tsv")
	if err != nil {
		return fmt.Errorf("lexicon: %s: %w", dir, err)
	}
	if len(names) == 0 && dir != "lexicon/data" {
		if _, err := fs.Stat(fsys, "."); err != nil {
			return fmt.Errorf("lexicon: %s: %w", dir, err)
		}
	}
	sort.Strings(names)
	for _, fk := range fileKinds {
		for _, n := range names {
			if !strings.HasPrefix(n, fk.prefix) {
				continue
			}
			if err := b.loadFile(fsys, n, filepath.Join(dir, n), fk.load); err != nil {
				return err
			}
		}
	}
	for _, n := range names {
		known := false
		for _, fk := range fileKinds {
			known = known || strings.HasPrefix(n, fk.prefix)
		}
		if !known {
			prefixes := make([]string, len(fileKinds))
			for i, fk := range fileKinds {
				prefixes[i] = fk.prefix
			}
			return fmt.Errorf("lexicon: %s: unknown data file (names start with one of %s)", path.Join(dir, n), strings.Join(prefixes, ", "))
		}
	}
	return nil
}

func (b *builder) loadFile(fsys fs.FS, name, display string, load func(*builder, io.Reader, string) error) error {
	f, err := fsys.Open(name)
	if err != nil {
		return fmt.Errorf("lexicon: %w", err)
	}
	defer f.Close()
	if err := load(b, f, display); err != nil {
		var le *LineError
		if errors.As(err, &le) {
			return fmt.Errorf("lexicon: %w", err)
		}
		return fmt.Errorf("lexicon: %s: %w", display, err)
	}
	return nil
}

func (b *builder) build() *Lexicon {
	lx := b.lx
	// One-word generic titles, keyed by the word and by the word without
	// ال; the word itself wins over a stripped ال form.
	stems := map[string]Entry{}
	primary := map[string]Entry{}
	for _, edge := range lx.actors.root.next {
		w := lx.voc.wordList[edge.id]
		for _, e := range edge.to.vals {
			if e.Kind == Title && e.Code == "" {
				primary[w] = e
				if bare, ok := strings.CutPrefix(w, "ال"); ok {
					stems[bare] = e
				}
				break
			}
		}
	}
	for w, e := range primary {
		stems[w] = e
	}
	for w, e := range b.pronOnly {
		if _, ok := stems[w]; !ok {
			stems[w] = e
		}
	}
	for w := range b.pronNot {
		delete(stems, w)
	}
	lx.pronStems = newStemTable(stems)
	return lx
}

// key turns dictionary text into the normalised token sequence the trie
// is keyed by: the same analysis the text gets, so they always agree.
func key(s string) []string {
	toks := arabic.Tokenize(s)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		out = append(out, t.Norm)
	}
	return out
}

func (b *builder) add(text string, e Entry) error {
	return b.addKey(key(text), e)
}

// addKey adds the words of k, and its variants, as a key of e.
func (b *builder) addKey(k []string, e Entry) error {
	if len(k) == 0 {
		return fmt.Errorf("empty name")
	}
	for _, v := range variants(k, e.Kind) {
		b.lx.actors.add(v, e)
	}
	return nil
}

// variants are the keys a name is also written as: عبد الله and عبدالله;
// a title's bare form (رئيس for الرئيس), since a title in construct
// ("رئيس الحكومة") loses its article.
func variants(k []string, kind EntryKind) [][]string {
	out := [][]string{k}
	joined := make([]string, 0, len(k))
	changed := false
	for i := 0; i < len(k); i++ {
		if (k[i] == "عبد" || k[i] == "ابو") && i+1 < len(k) && strings.HasPrefix(k[i+1], "ال") {
			joined = append(joined, k[i]+k[i+1])
			i++
			changed = true
			continue
		}
		joined = append(joined, k[i])
	}
	if changed {
		out = append(out, joined)
	}
	var split []string
	for _, w := range k {
		for _, p := range []string{"عبدال", "ابوال"} {
			if strings.HasPrefix(w, p) && len(w) > len(p)+2 {
				split = append(split, w[:len(p)-4], w[len(p)-4:])
				w = ""
				break
			}
		}
		if w != "" {
			split = append(split, w)
		}
	}
	if len(split) != len(k) {
		out = append(out, split)
	}
	if (kind == Title || kind == Counterpart) && strings.HasPrefix(k[0], "ال") && len(k[0]) > 6 {
		bare := append([]string{k[0][4:]}, k[1:]...)
		out = append(out, bare)
		// "الوحدات الأمنية" is also written indefinite: "وحدات أمنية".
		indef := make([]string, 0, len(k))
		for _, w := range k {
			if !strings.HasPrefix(w, "ال") || len(w) <= 6 {
				indef = nil
				break
			}
			indef = append(indef, w[4:])
		}
		if len(indef) > 1 {
			out = append(out, indef)
		}
	}
	return out
}

func checkCode(c string) error {
	if !codeRe.MatchString(c) {
		return fmt.Errorf("code %q is not upper-case letters and digits (ISO alpha-3 or an organisation code)", c)
	}
	return nil
}

func checkRole(r string) error {
	if !roles[r] {
		return fmt.Errorf("role %q is not one of GOV MIL LEG JUD COP OPP REB BUS MED CVL NGO", r)
	}
	return nil
}

func (b *builder) state(code string) *State {
	s := b.lx.states[code]
	if s == nil {
		s = &State{Code: code}
		b.lx.states[code] = s
	}
	return s
}

func (b *builder) loadStates(r io.Reader, name string) error {
	return readTSV(r, name, 3, 4, func(line int, c []string) error {
		code, field, val, role := c[0], c[1], c[2], col(c, 3)
		if err := checkCode(code); err != nil {
			return err
		}
		if role == "" {
			role = "GOV"
		}
		if err := checkRole(role); err != nil {
			return err
		}
		src := fmt.Sprintf("%s:%d", name, line)
		st := b.state(code)
		weak := strings.HasSuffix(field, "?")
		field = strings.TrimSuffix(field, "?")
		if weak && field != "name" && field != "adj" {
			return fmt.Errorf("field %q: only name? and adj? may be marked weak", field+"?")
		}
		switch field {
		case "en":
			st.English = val
			return nil
		case "name":
			st.Names = append(st.Names, val)
			return b.add(val, Entry{Kind: StateName, Code: code, Role: role, Source: src, Weak: weak})
		case "capital":
			return b.add(val, Entry{Kind: Capital, Code: code, Role: role, Source: src})
		case "seat":
			return b.add(val, Entry{Kind: Seat, Code: code, Role: role, Source: src})
		case "city":
			return b.add(val, Entry{Kind: City, Code: code, Source: src})
		case "adj":
			sing, plural := adjectiveForms(val)
			for _, f := range sing {
				if err := b.add(f, Entry{Kind: Adjective, Code: code, Role: role, Source: src, Weak: weak}); err != nil {
					return err
				}
			}
			for _, f := range plural {
				if weak {
					break
				}
				if err := b.add(f, Entry{Kind: People, Code: code, Role: "CVL", Source: src}); err != nil {
					return err
				}
			}
			return nil
		case "adjform":
			return b.add(val, Entry{Kind: People, Code: code, Role: "CVL", Source: src})
		default:
			return fmt.Errorf("field %q is not one of en, name, capital, seat, city, adj, adjform", field)
		}
	})
}

// adjectiveForms generates the regular forms of a nisba adjective from its
// masculine singular (مغربي): feminine, dual and accusative stay adjectives, the sound
// plurals are also used as nouns for a state's people (المغربيون).
func adjectiveForms(base string) (sing, plural []string) {
	words := strings.Fields(base)
	if len(words) == 0 {
		return nil, nil
	}
	// Multi-word adjectives (كوري جنوبي) inflect every word alike.
	inflect := func(suffix string) string {
		parts := make([]string, len(words))
		for i, w := range words {
			parts[i] = w + suffix
		}
		return strings.Join(parts, " ")
	}
	// "ا" is the indefinite accusative ("وفداً فرنسياً").
	sing = []string{base, inflect("ة"), inflect("ان"), inflect("تان"), inflect("ا")}
	plural = []string{inflect("ون"), inflect("ين"), inflect("ات")}
	return sing, plural
}

func (b *builder) loadOrgs(r io.Reader, name string) error {
	return readTSV(r, name, 3, 3, func(line int, c []string) error {
		code, role, val := c[0], c[1], c[2]
		if err := checkCode(code); err != nil {
			return err
		}
		if err := checkRole(role); err != nil {
			return err
		}
		if _, ok := b.lx.orgs[code]; !ok {
			b.lx.orgs[code] = val
		}
		return b.add(val, Entry{Kind: Org, Code: code, Role: role, Mkind: "organisation", Source: fmt.Sprintf("%s:%d", name, line)})
	})
}

var mentionKinds = map[string]bool{"state": true, "place": true, "organisation": true, "person": true, "group": true}

func (b *builder) loadEntities(r io.Reader, name string) error {
	return readTSV(r, name, 3, 4, func(line int, c []string) error {
		val, code, role, mk := c[0], c[1], c[2], col(c, 3)
		if err := checkCode(code); err != nil {
			return err
		}
		if err := checkRole(role); err != nil {
			return err
		}
		if mk == "" {
			mk = "group"
		}
		if !mentionKinds[mk] {
			return fmt.Errorf("kind %q is not one of group, organisation, person, state, place", mk)
		}
		return b.add(val, Entry{Kind: Entity, Code: code, Role: role, Mkind: mk, Source: fmt.Sprintf("%s:%d", name, line)})
	})
}

func (b *builder) loadRoles(r io.Reader, name string) error {
	return readTSV(r, name, 2, 4, func(line int, c []string) error {
		val, role, code, flag := c[0], c[1], col(c, 2), col(c, 3)
		if err := checkRole(role); err != nil {
			return err
		}
		if code != "" {
			if err := checkCode(code); err != nil {
				return err
			}
		}
		kind := Title
		if strings.HasPrefix(arabic.Normalize(val), "نظير") {
			kind = Counterpart
		}
		e := Entry{Kind: kind, Code: code, Role: role, Source: fmt.Sprintf("%s:%d", name, line)}
		definite, pronoun := false, false
		for _, f := range strings.Split(flag, ",") {
			switch strings.TrimSpace(f) {
			case "":
			case "definite":
				definite = true
			case "anchored":
				e.Weak = true
			case "pronoun":
				pronoun = true
			case "nopronoun":
				k := key(val)
				if len(k) != 1 {
					return fmt.Errorf("title %q is marked nopronoun but is not one word", val)
				}
				b.pronNot[strings.TrimPrefix(k[0], "ال")] = true
			default:
				return fmt.Errorf("flag %q is not one of definite, anchored, pronoun, nopronoun", f)
			}
		}
		if pronoun {
			// "بلاد" → "بلاده"، "دولة" → "دولته": the stem a pronoun is
			// added to, its ة written ت.
			k := key(val)
			if len(k) != 1 || strings.HasPrefix(k[0], "ال") {
				return fmt.Errorf("title %q is marked pronoun but is not one word without ال", val)
			}
			stem := k[0]
			if strings.HasSuffix(val, "ة") {
				stem = strings.TrimSuffix(stem, "ه") + "ت"
			}
			b.pronOnly[stem] = e
			return nil
		}
		if definite {
			// "المعارض" but not "معارض", mostly "exhibitions": no bare
			// or indefinite variant.
			k := key(val)
			if len(k) == 0 || !strings.HasPrefix(k[0], "ال") {
				return fmt.Errorf("title %q is marked definite but does not start with ال", val)
			}
			b.lx.actors.add(k, e)
			return nil
		}
		return b.add(val, e)
	})
}

func (b *builder) loadHolders(r io.Reader, name string) error {
	return readTSV(r, name, 6, 6, func(line int, c []string) error {
		code, role, from, to, office, names := c[0], c[1], c[2], c[3], c[4], c[5]
		if err := checkCode(code); err != nil {
			return err
		}
		if err := checkRole(role); err != nil {
			return err
		}
		t := &Term{Code: code, Role: role, Office: office}
		var err error
		if t.From, err = parseDay(from); err != nil {
			return fmt.Errorf("FROM: %w", err)
		}
		if to != "" {
			if t.To, err = parseDay(to); err != nil {
				return fmt.Errorf("TO: %w", err)
			}
			if t.To.Before(t.From) {
				return fmt.Errorf("term ends (%s) before it starts (%s)", to, from)
			}
		}
		variants := strings.Split(names, "|")
		t.Name = strings.TrimSpace(variants[0])
		src := fmt.Sprintf("%s:%d", name, line)
		for _, v := range variants {
			v = strings.TrimSpace(v)
			if v == "" {
				return fmt.Errorf("empty name variant in %q", names)
			}
			if err := b.add(v, Entry{Kind: Holder, Code: code, Role: role, Mkind: "person", Term: t, Source: src}); err != nil {
				return err
			}
		}
		return nil
	})
}

func (b *builder) loadStopwords(r io.Reader, name string) error {
	return readTSV(r, name, 1, 2, func(_ int, c []string) error {
		b.lx.stop[arabic.Normalize(c[0])] = true
		return nil
	})
}

// loadIdioms reads phrases that hold a state's name or adjective but name
// something else ("صلاة المغرب", the sunset prayer; "أمريكا اللاتينية"):
// matched as the longest key where they stand, they leave no mention.
func (b *builder) loadIdioms(r io.Reader, name string) error {
	return readTSV(r, name, 1, 2, func(line int, c []string) error {
		// A word may end in * as in the event phrases: "مسقط رأس*" is
		// also "مسقط رأسه".
		k := phraseKey(c[0])
		if slices.ContainsFunc(k, func(w string) bool { return w == "_" || w == "~" || w == "*" }) {
			return fmt.Errorf("idiom %q has a gap or a lone *: write its words, each may end in *", c[0])
		}
		return b.addKey(k, Entry{Kind: Idiom, Source: fmt.Sprintf("%s:%d", name, line)})
	})
}

// State returns what the lexicon knows of the state with the given code.
func (lx *Lexicon) State(code string) (*State, bool) {
	s, ok := lx.states[code]
	return s, ok
}

// Known reports whether code is a state or organisation code of the lexicon.
func (lx *Lexicon) Known(code string) bool {
	if _, ok := lx.states[code]; ok {
		return true
	}
	_, ok := lx.orgs[code]
	return ok
}
