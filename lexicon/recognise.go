package lexicon

import (
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"rasid"
	"rasid/arabic"
	"rasid/internal/le"
)

// Atom is one dictionary key found in a text, before composition: tokens
// [Start, End) and the entries it may stand for.
type Atom struct {
	Start, End int // token indexes
	First      arabic.Candidate
	Entries    []Entry
}

// Atoms finds the dictionary keys of d, left to right, longest first.
func (lx *Lexicon) Atoms(d *Doc) []Atom { return lx.appendAtoms(nil, d, &scratch{}) }

// appendAtoms is Atoms appending to out, with the tables of sc.
func (lx *Lexicon) appendAtoms(out []Atom, d *Doc, sc *scratch) []Atom {
	k := lx.keys(d)
	// noTitle[r] is set when the word whose readings start at r is no
	// pronounTitle: a word repeated shares its readings (Doc.read), and
	// most of those tried are none.
	noTitle := bools(&sc.noTitle, len(d.reads))
	for i := 0; i < len(d.Tokens); {
		if d.Tokens[i].Kind != arabic.Word && d.Tokens[i].Kind != arabic.Latin && d.Tokens[i].Kind != arabic.Number {
			i++
			continue
		}
		// best is made only for the tokens a key may start at: it is a
		// dozen words to clear, at every token.
		var best Atom
		found := false
		if k.startsIn(d, i, rootActors) {
			best.Start = -1
			lx.actors.walk(d, k, i, rootActors, func(m match[Entry]) {
				if m.End > best.End || (m.End == best.End && m.First.Prefix < best.First.Prefix) {
					best = Atom{Start: m.Start, End: m.End, First: m.First, Entries: m.Vals}
				}
			})
			found = best.Start >= 0
		}
		if !found {
			// Tested here first: most words end with no pronoun, and
			// the call costs more than the test.
			if pronounSuffixes(d.Tokens[i].Norm) == nil || noTitle[d.at[i].from] {
				i++
				continue
			}
			if a, ok := lx.pronounTitle(d, i); ok {
				out = append(out, a)
			} else {
				noTitle[d.at[i].from] = true
			}
			i++
			continue
		}
		out = append(out, best)
		i = best.End
	}
	return out
}

// pronounSuffixes are the possessive pronouns a title may carry
// ("سلطاتها" its authorities, "جيشه" his army), longest first, by their
// last letter: a word is tried only with those it may end with.
var (
	pronounsInA = []string{"هما", "ها"}
	pronounsInM = []string{"هم"}
	pronounsInH = []string{"ه"}
)

// pronounSuffixes returns the pronoun suffixes that form may end with.
func pronounSuffixes(form string) []string {
	if len(form) < 2 {
		return nil
	}
	switch form[len(form)-2:] {
	case "ا":
		return pronounsInA
	case "م":
		return pronounsInM
	case "ه":
		return pronounsInH
	}
	return nil
}

// taMarbuta reports whether token i is written ending in ة (a diacritic
// may follow).
func taMarbuta(d *Doc, i int) bool {
	w := trimHarakat(d.Text[d.Tokens[i].Start:d.Tokens[i].End])
	return strings.HasSuffix(w, "ة")
}

// trimHarakat is strings.TrimRight(w, "\u064B…\u0652") done byte-wise: the
// eight diacritics are the two-byte sequences D9 8B … D9 92, and D9 is never
// a continuation byte, so stripping such pairs from the end trims exactly
// the same runes. TrimRight with a multi-rune cutset cost a third of the
// pronoun-title test.
func trimHarakat(w string) string {
	for n := len(w); n >= 2 && w[n-2] == 0xD9 && 0x8B <= w[n-1] && w[n-1] <= 0x92; n -= 2 {
		w = w[:n-2]
	}
	return w
}

// pronounTitle reads token i as a one-word title with a possessive
// pronoun; the pronoun's state is resolved when mentions are composed.
func (lx *Lexicon) pronounTitle(d *Doc, i int) (Atom, bool) {
	if d.Tokens[i].Kind != arabic.Word {
		return Atom{}, false
	}
	// Every reading ends as the word does: most words end with no
	// pronoun's last letter, and need no reading tried.
	sufs := pronounSuffixes(d.Tokens[i].Norm)
	if sufs == nil || taMarbuta(d, i) {
		// "محافظة": the normalised ه of ة is no pronoun.
		return Atom{}, false
	}
	if c, e, ok := lx.pronStem(d.Candidates(i), d.Tokens[i].Norm, sufs); ok {
		return Atom{Start: i, End: i + 1, First: c, Entries: []Entry{{Kind: PronTitle, Role: e.Role, Source: e.Source}}}, true
	}
	return Atom{}, false
}

// pronStem is the part of pronounTitle that reads the word alone, not how
// it is written: the first reading of cands (of word norm) that is a
// title's stem with one of the pronouns sufs, and its entry.
func (lx *Lexicon) pronStem(cands []arabic.Candidate, norm string, sufs []string) (arabic.Candidate, Entry, bool) {
	for _, c := range cands {
		if c.Prefix > 0 && !verbLikePrefix(norm[:c.Prefix]) {
			continue
		}
		for _, suf := range sufs {
			stem, ok := strings.CutSuffix(c.Form, suf)
			if !ok {
				continue
			}
			// Looked up first: the filtered lookup mostly fails sooner
			// than the letters are counted.
			if e, ok := lx.pronStems.lookup(stem); ok && utf8.RuneCountInString(stem) >= 3 {
				return c, e, true
			}
		}
	}
	return arabic.Candidate{}, Entry{}, false
}

// stemTable holds the stems of one-word titles for pronounTitle, which
// looks up a few stems of nearly every word no other key matched.
type stemTable struct {
	stems map[string]Entry
	// taa holds the stems ending in ه by their form before a pronoun:
	// ة before a suffix is written ت (قواتها → قوات، حكومتها → حكومه).
	taa map[string]Entry
	// bits filters the keys of both: most stems are none of them.
	bits [1 << (sketchBits - 6)]uint64
}

func newStemTable(stems map[string]Entry) stemTable {
	t := stemTable{stems: stems, taa: map[string]Entry{}}
	for w, e := range stems {
		if s, ok := strings.CutSuffix(w, "ه"); ok {
			t.taa[s+"ت"] = e
			setBit(t.bits[:], sketch(s+"ت"))
		}
		setBit(t.bits[:], sketch(w))
	}
	return t
}

// lookup returns the title of stem: its own, else, for a stem ending in
// ت, that of the stem with ه.
func (t *stemTable) lookup(stem string) (Entry, bool) {
	if stem == "" || !hasBit(t.bits[:], sketch(stem)) {
		return Entry{}, false
	}
	if e, ok := t.stems[stem]; ok {
		return e, true
	}
	if strings.HasSuffix(stem, "ت") {
		e, ok := t.taa[stem]
		return e, ok
	}
	return Entry{}, false
}

// verbLikePrefix reports whether the proclitics removed are only the
// conjunctions و and ف.
func verbLikePrefix(p string) bool { return p == "و" || p == "ف" }

// Mention is an actor mention with its token span, as the coder uses it.
type Mention struct {
	rasid.Mention
	Tok0, Tok1 int  // tokens [Tok0, Tok1)
	Place      bool // a mere place of occurrence ("في موسكو"), not an actor unless an event needs it
	Anaphor    bool // نظيره etc.: refers to a party named before
	Term       *Term
	Named      bool // ends with a person's name the lexicon does not know
	Bare       bool // a title with no state of its own, coded from the article
	AdjOnly    bool // a nationality adjective on some other noun: whose, not who
	Pron       bool // a title with a pronoun (سلطاتها) or a bare head (الحركة): refers back, not listed as an actor
	StateRef   bool // a state's name, capital or seat, not an organ or a person
}

// nameAfter returns the end of a person's name that starts at token i
// (after a title and its state: "رئيس الحكومة الإسبانية بيدرو سانشيز"),
// or i when none: up to four plain words, closed by punctuation, the end
// of the text or the next mention at limit.
func (lx *Lexicon) nameAfter(d *Doc, i, limit int) int {
	j := i
	for j < len(d.Tokens) && j < limit && j-i < 4 {
		t := d.Tokens[j]
		if j > 0 && strings.ContainsRune(d.Text[d.Tokens[j-1].End:t.Start], '\n') {
			break
		}
		if t.Kind != arabic.Word || lx.stop[t.Norm] || tanween(d, j) || lx.phraseAt(d, j, nameEnder) {
			// (An act noun is the verb's object: "يؤدي وزير الخارجية
			// اليمني زيارة رسمية"; an act verb is the title's predicate.)
			break
		}
		if j == i && (strings.HasPrefix(t.Norm, "ال") || strings.HasPrefix(t.Norm, "و")) {
			break
		}
		if strings.HasPrefix(t.Norm, "بال") || strings.HasPrefix(t.Norm, "لل") || strings.HasPrefix(t.Norm, "وال") {
			break
		}
		j++
	}
	if j == i {
		return i
	}
	if j < len(d.Tokens) && d.Tokens[j].Kind != arabic.Punct && !lx.stop[d.Tokens[j].Norm] &&
		!tanween(d, j) && !lx.phraseAt(d, j, objectAct) &&
		!strings.ContainsRune(d.Text[d.Tokens[j-1].End:d.Tokens[j].Start], '\n') &&
		!(j == limit && strings.HasPrefix(d.Tokens[j].Norm, "و")) && !startsWithPrepArticle(d.Tokens[j].Norm) {
		// The words run on into the sentence ("الوزير التونسي يزور
		// الجزائر"): a verb, not a name.
		return i
	}
	return j
}

// phraseAt reports whether an event phrase (not a "-" one) that want
// accepts starts at token i.
func (lx *Lexicon) phraseAt(d *Doc, i int, want func(p *Phrase) bool) bool {
	found := false
	lx.events.walk(d, lx.keys(d), i, rootEvents, func(m match[Phrase]) {
		for k := range m.Vals {
			if p := &m.Vals[k]; !p.None && want(p) {
				found = true
			}
		}
	})
	return found
}

// objectAct accepts an act a verb before a name may take as its object:
// a phrase of two words or more ("اتصالا هاتفيا": "أجرى وزير الخارجية
// المصري سامح شكري اتصالا هاتفيا") or a one-word act noun ("الزيارة":
// "وانتقد المتحدث … راندهير جايسوال الزيارة"). Neither is part of the
// name.
func objectAct(p *Phrase) bool { return p.Words >= 2 || !p.Verb && p.Words == 1 }

// nameEnder accepts what ends a name where it stands: an object act, or
// an act verb, the title's predicate ("انتقد الوزير رفض إثيوبيا
// التوقيع"، "الوزير رفض الاقتراح").
func nameEnder(p *Phrase) bool { return objectAct(p) || p.Verb }

// tanween reports whether token i is written with a case ending of an
// indefinite noun (اتصالاً، هاتفياً): the verb's object or an adverb,
// which closes a name before it ("وزير الخارجية المصري سامح شكري
// اتصالاً هاتفياً").
func tanween(d *Doc, i int) bool {
	return strings.ContainsAny(d.Text[d.Tokens[i].Start:d.Tokens[i].End], "\u064B\u064C\u064D")
}

// Recognise finds the actor mentions of d, with codes valid on the
// publication date. For a Doc of a Reader they live in the Reader's
// buffers, as the Doc does: valid until its next NewDoc or Recognise.
func (lx *Lexicon) Recognise(d *Doc, published time.Time) []Mention {
	sc := d.scratch()
	atoms := lx.appendAtoms(sc.atoms[:0], d, sc)
	sc.atoms = atoms
	// At most one mention an atom: one allocation rather than a slice
	// grown by doubling (a mention is some 200 bytes).
	out := sc.mentions[:0]
	if cap(out) < len(atoms) {
		out = make([]Mention, 0, len(atoms)+len(atoms)/4)
	}
	for i := 0; i < len(atoms); {
		m, next, ok := lx.compose(d, atoms, i, published, out)
		if ok {
			out = append(out, m)
		}
		i = next
	}
	out = slices.DeleteFunc(out, func(m Mention) bool { return sportsBody(d, m) })
	if len(out) == 0 {
		return nil // as when it was grown from nil
	}
	ms := lx.resolveBare(lx.headAnaphors(d, lx.linkNames(d, mergeTitleNames(d, out), sc), sc))
	if cap(ms) > cap(sc.mentions) {
		sc.mentions = ms[:0] // grown by a name or a head noun found
	}
	return ms
}

// sportsBody reports whether m names a sports body by the game it
// governs ("رئيس الاتحاد الأوروبي لكرة القدم" is UEFA's, "الاتحاد المصري
// لكرة القدم" Egypt's football association): no state or organisation
// acts through it (GUIDE: teams and federations are not actors), and it
// must not make the state a bare title is given.
func sportsBody(d *Doc, m Mention) bool {
	for i := m.Tok0; i <= m.Tok1 && i+1 < len(d.Tokens); i++ {
		switch d.Tokens[i].Norm {
		case "كره", "لكره", "بكره":
			switch d.Tokens[i+1].Norm {
			case "القدم", "السله", "اليد", "الطائره":
				return true
			}
		}
	}
	return false
}

// mergeTitleNames joins a title and the office-holder named right after
// it ("الأمين العام للأمم المتحدة أنطونيو غوتيريش"، "وزير الخارجية
// السعودي الأمير فيصل بن فرحان"): one person, one mention (GUIDE).
func mergeTitleNames(d *Doc, ms []Mention) []Mention {
	out := ms[:0]
	for _, m := range ms {
		if n := len(out); n > 1 && m.Term != nil && out[n-1].AdjOnly && out[n-1].Code == m.Code && out[n-1].Tok1 == m.Tok0 && out[n-2].Tok1 == out[n-1].Tok0 {
			// "وزير أوروبا والشؤون الخارجية الفرنسي جان نويل بارو": the
			// adjective between a state's own title and its holder.
			out = out[:n-1]
		}
		if n := len(out); n > 0 {
			t := &out[n-1]
			title := (t.Term == nil || t.Term == m.Term) && !t.Named && !t.Place && !t.AdjOnly && !t.Pron && !t.StateRef && t.Kind != rasid.KindPlace &&
				t.Code == m.Code && !strings.ContainsRune(d.Text[d.Tokens[t.Tok1-1].End:d.Tokens[m.Tok0].Start], '\n')
			holder := m.Term != nil && m.Kind == rasid.KindPerson && (t.Tok1 == m.Tok0 || t.Tok1+1 == m.Tok0 && nisba(d, t.Tok1))
			// "المرشد الأعلى للجمهورية الإسلامية": the title's own state
			// or body, in the genitive.
			genitive := t.Tok1 == m.Tok0 && m.Term == nil && !m.Place && strings.HasPrefix(d.Tokens[m.Tok0].Norm, "ل")
			if title && (holder || genitive) {
				t.Tok1, t.End = m.Tok1, m.End
				t.Text = d.Text[t.Start:t.End]
				if holder {
					t.Term, t.Kind = m.Term, rasid.KindPerson
				}
				continue
			}
		}
		out = append(out, m)
	}
	return out
}

// nisba reports whether token i is a definite nationality-like adjective
// ("الفرنسي"، "الروسية") standing between a title and a name.
func nisba(d *Doc, i int) bool {
	n := d.Tokens[i].Norm
	return d.Tokens[i].Kind == arabic.Word && strings.HasPrefix(n, "ال") && (strings.HasSuffix(n, "ي") || strings.HasSuffix(n, "يه"))
}

// fewWords is a filter of a few words (a Bloom filter of one hash): has
// is false for most other words, and cheaper than a map lookup.
type fewWords [4]uint64

func (f *fewWords) add(w string) {
	if w != "" {
		h := sketch(w) & 255
		f[h>>6] |= 1 << (h & 63)
	}
}

func (f *fewWords) has(w string) bool {
	if w == "" {
		return false
	}
	h := sketch(w) & 255
	return f[h>>6]&(1<<(h&63)) != 0
}

// headAnaphors finds "الحركة"، "الحلف" referring to the latest
// organisation or group whose name has that head noun.
func (lx *Lexicon) headAnaphors(d *Doc, ms []Mention, sc *scratch) []Mention {
	// A head refers only to a mention that ends before it: the tokens up
	// to the end of the first organisation or group need no look.
	from := len(d.Tokens)
	for _, m := range ms {
		if referent(m) {
			from = min(from, m.Tok1)
		}
	}
	if from >= len(d.Tokens) {
		return ms
	}
	covered := bools(&sc.covered, len(d.Tokens))
	for _, m := range ms {
		for t := m.Tok0; t < m.Tok1; t++ {
			covered[t] = true
		}
	}
	// noHead[r] is set when the word whose readings start at r is no
	// head: a word repeated shares its readings (Doc.read).
	noHead := bools(&sc.noHead, len(d.reads))
	added := false
	j := 0
	for i := from; i < len(d.Tokens); i++ {
		for j < len(ms) && ms[j].Tok1 <= i {
			j++
		}
		if covered[i] || d.Tokens[i].Kind != arabic.Word || noHead[d.at[i].from] {
			continue
		}
		c, h, ok := lx.headOf(d, i)
		if !ok {
			noHead[d.at[i].from] = true
			continue
		}
		for k := j - 1; k >= 0; k-- {
			m := &ms[k]
			if !referent(*m) {
				continue
			}
			if n := arabic.Normalize(m.Text); strings.HasPrefix(n, h) || strings.HasPrefix(n, c.Form) || strings.HasPrefix(n, "مجلس "+h+" ") {
				// "حركة حماس" … "الحركة"; "القمة العربية" … "القمة";
				// "مجلس جامعة الدول العربية" … "الجامعة".
				if h == "مجلس" && councilBetween(d, m.Tok1, i) {
					// "مجلس التعاون … وأشاد مجلس الوزراء … وأعرب المجلس":
					// the nearer council, no actor, is the one meant.
					break
				}
				a := Mention{Tok0: i, Tok1: i + 1, Anaphor: true, Pron: true}
				a.Code, a.Role, a.Kind = m.Code, m.Role, m.Kind
				finishSpan(d, &a, c)
				ms = append(ms, a)
				added = true
				break
			}
		}
	}
	if added {
		sort.Slice(ms, func(a, b int) bool { return ms[a].Tok0 < ms[b].Tok0 })
	}
	return ms
}

// headOf returns the first reading of token i that is a head noun with
// the article ("الحركة"), and the head without it.
func (lx *Lexicon) headOf(d *Doc, i int) (arabic.Candidate, string, bool) {
	return lx.headIn(d.Candidates(i))
}

// headIn is headOf given token i's readings.
func (lx *Lexicon) headIn(cands []arabic.Candidate) (arabic.Candidate, string, bool) {
	for _, c := range cands {
		h, ok := strings.CutPrefix(c.Form, "ال")
		if ok && len(h) >= lx.words.minHead && len(h) <= lx.words.maxHead && lx.words.headFilter.has(h) && lx.words.head[h] {
			return c, h, true
		}
	}
	return arabic.Candidate{}, "", false
}

// councilBetween reports whether tokens [from, to) name a council the
// matcher kept no actor for: "مجلس" in construct ("ونوّه مجلس الوزراء").
func councilBetween(d *Doc, from, to int) bool {
	for t := from; t+1 < to; t++ {
		n := strings.TrimPrefix(strings.TrimPrefix(d.Tokens[t].Norm, "و"), "ف")
		if n == "مجلس" && strings.HasPrefix(d.Tokens[t+1].Norm, "ال") {
			return true
		}
	}
	return false
}

// referent reports whether a head noun may refer to m: an organisation or
// a group named, not itself a reference.
func referent(m Mention) bool {
	return (m.Kind == rasid.KindOrganisation || m.Kind == rasid.KindGroup) && !m.Pron
}

// resolveBare gives bare titles the state of an article that names only
// one ("عناصر الأمن"، "الحكومة" in a story about Morocco) and drops them
// otherwise; "المملكة" takes the one kingdom among the article's states
// ("استقبل الملك محمد السادس الرئيس الفرنسي … بالمملكة").
func (lx *Lexicon) resolveBare(ms []Mention) []Mention {
	state, kingdom := "", ""
	for _, m := range ms {
		if m.Bare || m.AdjOnly || m.Kind == rasid.KindOrganisation || len(m.Code) != 3 {
			continue
		}
		if state != "" && m.Code != state {
			state = "-"
		}
		if state == "" {
			state = m.Code
		}
		if lx.isKingdom(m.Code) {
			if kingdom != "" && m.Code != kingdom {
				kingdom = "-"
			}
			if kingdom == "" {
				kingdom = m.Code
			}
		}
	}
	out := ms[:0]
	for _, m := range ms {
		if m.Bare {
			if strings.HasSuffix(arabic.Normalize(m.Text), "جانب") {
				// "الجانب" names a side only with its adjective ("الجانب
				// الإيراني"); alone it is "besides", "a side of the road".
				continue
			}
			code := state
			if strings.HasSuffix(arabic.Normalize(m.Text), "مملكه") {
				code = kingdom
			}
			if code == "" || code == "-" {
				continue
			}
			m.Code = code
		}
		out = append(out, m)
	}
	return out
}

// isKingdom reports whether state code has a name "المملكة …".
func (lx *Lexicon) isKingdom(code string) bool {
	st := lx.states[code]
	if st == nil {
		return false
	}
	for _, n := range st.Names {
		if strings.HasPrefix(n, "المملكة") || strings.HasPrefix(n, "مملكة") {
			return true
		}
	}
	return false
}

// linkNames finds a person's surname used alone after a title tied it to a
// state earlier in the article ("الرئيس السوري أحمد الشرع" … "الشرع").
func (lx *Lexicon) linkNames(d *Doc, ms []Mention, sc *scratch) []Mention {
	names := map[string]Mention{}
	covered := bools(&sc.covered, len(d.Tokens))
	for _, m := range ms {
		for t := m.Tok0; t < m.Tok1; t++ {
			covered[t] = true
		}
		if !m.Named && m.Term == nil {
			continue
		}
		last := d.Tokens[m.Tok1-1]
		if last.Kind != arabic.Word || utf8.RuneCountInString(last.Norm) < 3 || lx.stop[last.Norm] || lx.words.notSurname[last.Norm] ||
			m.Tok1-2 >= m.Tok0 && d.Tokens[m.Tok1-2].Norm == "عبد" {
			// ("سلمان بن عبد العزيز": "العزيز" is half of a name, not a surname.)
			continue
		}
		if _, seen := names[last.Norm]; !seen {
			names[last.Norm] = m
		}
	}
	if len(names) == 0 {
		return ms
	}
	first := map[string]int{}
	for _, m := range ms {
		if m.Named || m.Term != nil {
			if _, ok := first[d.Tokens[m.Tok1-1].Norm]; !ok {
				first[d.Tokens[m.Tok1-1].Norm] = m.Tok0
			}
		}
	}
	var maybe fewWords // most readings are none of the names: skip their lookups
	for w := range names {
		maybe.add(w)
	}
	// noName[r] is set when no reading of the word whose readings start
	// at r is a name: a word repeated shares its readings (Doc.read).
	noName := bools(&sc.noHead, len(d.reads))
	added := false
	for i := range d.Tokens {
		if covered[i] || d.Tokens[i].Kind != arabic.Word || noName[d.at[i].from] {
			continue
		}
		named := false
		for _, c := range d.Candidates(i) {
			if !maybe.has(c.Form) {
				continue
			}
			tmpl, ok := names[c.Form]
			named = named || ok
			if !ok || first[c.Form] > i {
				continue
			}
			m := Mention{Tok0: i, Tok1: i + 1, Term: tmpl.Term}
			m.Code, m.Role, m.Kind = tmpl.Code, tmpl.Role, rasid.KindPerson
			lx.finish(d, &m, Atom{Start: i, End: i + 1, First: c})
			ms = append(ms, m)
			added = true
			break
		}
		if !named {
			noName[d.at[i].from] = true
		}
	}
	if added {
		sort.Slice(ms, func(a, b int) bool { return ms[a].Tok0 < ms[b].Tok0 })
	}
	return ms
}

// ministryWord reports whether a title ends with a minister or ministry
// word, which a portfolio follows.
func ministryWord(w string) bool {
	switch w {
	case "وزير", "وزيره", "وزاره", "بوزاره", "لوزاره", "وزراء", "الوزير", "الوزاره", "الوزيره", "وكيل":
		return true
	}
	return false
}

func has(a Atom, k EntryKind) (Entry, bool) {
	for _, e := range a.Entries {
		if e.Kind == k {
			return e, true
		}
	}
	return Entry{}, false
}

// holderAt returns the term of a holder atom valid on day d, else the
// most recent one and false.
func holderAt(a Atom, d time.Time) (Entry, bool) {
	var last Entry
	for _, e := range a.Entries {
		if e.Kind != Holder {
			continue
		}
		if e.Term.Holds(d) {
			return e, true
		}
		if last.Term == nil || e.Term.From.After(last.Term.From) {
			last = e
		}
	}
	return last, false
}

// between counts the tokens separating atom a from b and whether only
// words (no punctuation but a comma) lie between them.
func between(d *Doc, a, b Atom) (words int, comma bool, ok bool) {
	if a.End > 0 && b.Start < len(d.Tokens) && strings.ContainsRune(d.Text[d.Tokens[a.End-1].End:d.Tokens[b.Start].Start], '\n') {
		return 0, false, false // never across a line: a headline ends there
	}
	for k := a.End; k < b.Start; k++ {
		t := d.Tokens[k]
		switch {
		case t.Kind == arabic.Punct && (t.Norm == "," || t.Norm == "«" || t.Norm == "»" || t.Norm == "\""):
			comma = comma || t.Norm == ","
		case t.Kind == arabic.Word:
			words++
		default:
			return words, comma, false
		}
	}
	return words, comma, true
}

// first6 packs the first six bytes of s (at least six long).
func first6(s string) uint64 { return le.Load32(s, 0) | le.Load32(s, 2)<<16 }

func (lx *Lexicon) titleKind(d *Doc, a Atom) string {
	w := d.Cands(a.Start)
	for _, c := range w {
		if len(c.Form) < 6 {
			continue // shorter than any title
		}
		for _, p := range lx.words.titlesBy3[first6(c.Form)] {
			if strings.HasPrefix(c.Form, p) {
				return rasid.KindPerson
			}
		}
	}
	return ""
}

// Cands returns the readings of token i.
func (d *Doc) Cands(i int) []arabic.Candidate { return d.Candidates(i) }

// compose builds one mention starting at atoms[i] and returns the index of
// the next atom to look at.
func (lx *Lexicon) compose(d *Doc, atoms []Atom, i int, day time.Time, prev []Mention) (Mention, int, bool) {
	a := atoms[i]
	if _, ok := has(a, Idiom); ok {
		return Mention{}, i + 1, false
	}
	m := Mention{Tok0: a.Start, Tok1: a.End}
	next := i + 1
	// A title (or counterpart) takes the anchor that follows it: an
	// adjective, a state, an organisation, an entity or a holder's name.
	title, isTitle := has(a, Title)
	if isTitle && (title.Role == "REB" || title.Role == "CVL") && adjectivePosition(d, a) {
		// "النزاع المسلح"، "الدفاع المدني": a group noun after a definite
		// noun is its adjective, not an actor.
		isTitle = false
	}
	cp, isCp := has(a, Counterpart)
	if isTitle || isCp {
		if isCp {
			title = cp
			m.Anaphor = true
		}
		m.Role = title.Role
		m.Code = title.Code
		m.Kind = lx.titleKind(d, a)
		j := i + 1
		// Titles chain: الأمين العام + لحلف شمال الأطلسي; نائب + رئيس الوزراء.
		for j < len(atoms) {
			b := atoms[j]
			w, comma, ok := between(d, atoms[j-1], b)
			inState := w == 1 && d.Tokens[b.Start-1].Norm == "في" && m.Code == ""
			if !ok || comma || w > 3 || (lx.stopBetween(d, atoms[j-1].End, b.Start) && !inState) {
				break
			}
			if _, adj := has(b, Adjective); adj && w > 1 && groupOfStates(d, atoms[j-1].End, b.Start) {
				// "الناطق باسم فتح الدول الأوروبية": an adjective after
				// "الدول" and more names those states, not the title's
				// ("زعماء الدول الأوروبية" are the European leaders).
				break
			}
			if w > 1 && d.Tokens[atoms[j-1].End].Norm == "باسم" {
				// "الناطق باسم فتح الدول الأوروبية": the body spoken for is
				// the word after "باسم", one the lexicon does not know; what
				// follows is the verb's object.
				break
			}
			if w > 0 && lx.complementBetween(d, atoms[j-1].End, b.Start) {
				// "رئيس الجمهورية بمواقف الإمارات"، "رئيس تيار المحبة
				// بموقف تونس": the verb's complement, not the title's state.
				break
			}
			if w > 0 && (title.Role == "REB" || title.Role == "CVL") && !isCp {
				// A group noun takes what stands right after it
				// ("المسلحين الحوثيين") or an adjective past one word
				// ("طلبة المدارس العراقية"): "المقاتلين الأجانب وتأمين
				// حدود تركيا" names no Turkish fighters.
				if _, adj := has(b, Adjective); w > 1 || !adj || strings.HasPrefix(d.Tokens[b.Start-1].Norm, "و") {
					break
				}
			}
			if inState {
				// "الحكومة الانتقالية في مالي": the government in a state.
				if e, ok := has(b, StateName); ok {
					m.Code = e.Code
					m.Tok1 = b.End
					j++
				}
				break
			}
			if e, ok := has(b, Title); ok && w == 0 && m.Code == "" &&
				!(strings.HasPrefix(d.Tokens[atoms[j-1].End-1].Norm, "ال") && strings.HasPrefix(d.Tokens[b.Start].Norm, "ال") &&
					lx.titleKind(d, b) != rasid.KindPerson) {
				// (A title ending in a definite word is closed: "دعت
				// أحزاب المعارضة الحكومة" names two actors. A person's
				// title in apposition is not: "ولي العهد الأمير".)
				// A title of one state names it: "قوات النظام السوري".
				m.Tok1 = b.End
				m.Code = e.Code
				j++
				continue
			}
			if _, ok := has(b, Adjective); ok && m.Code == "" && w == 0 && royalTitle(d, a) && !strings.HasPrefix(d.Tokens[b.Start].Norm, "ال") {
				// "الأمير تركي الفيصل": after a royal title an indefinite
				// adjective is a given name, not "the Turkish prince".
				break
			}
			if e, ok := has(b, Adjective); ok && m.Code == "" {
				if e.Weak && w == 0 && ministryWord(d.Tokens[atoms[j-1].End-1].Norm) {
					// "وكيل وزارة المالية"، "نائب وزير المالية": after a
					// ministry a weak adjective ("المالية") is its
					// portfolio, not a state; a state may follow it.
					m.Tok1 = b.End
					j++
					continue
				}
				m.Code = e.Code
			} else if e, ok := has(b, StateName); ok && m.Code == "" {
				if n := d.Tokens[b.Start].Norm; w == 0 && strings.HasPrefix(d.Tokens[atoms[j-1].End-1].Norm, "ال") && strings.HasPrefix(n, "ال") &&
					!(b.End-b.Start == 1 && strings.HasSuffix(n, "يه")) {
					// ("وزارة الداخلية السعودية": a name that is also the
					// feminine adjective qualifies the title.)
					// "وشكر الوزير المملكة العربية السعودية": a definite
					// title takes no genitive; the state is the verb's
					// object ("وزير خارجية المغرب" is the genitive).
					break
				}
				m.Code = e.Code
			} else if e, ok := has(b, Org); ok && m.Code == "" {
				m.Code = e.Code
				if m.Kind == "" {
					m.Kind = rasid.KindOrganisation
				}
			} else if e, ok := has(b, Entity); ok && m.Code == "" {
				m.Code = e.Code
				if e.Role != "GOV" && e.Role != "" && !isCp {
					// رئيس حركة النهضة: the title takes the movement's role.
					m.Role = e.Role
				}
				if m.Kind == "" {
					m.Kind = e.Mkind
				}
			} else if e, ok := has(b, Capital); ok && m.Code == "" && w == 0 {
				m.Code = e.Code
			} else {
				break
			}
			m.Tok1 = b.End
			j++
			break
		}
		// Then a holder's name, adjacent or after a comma.
		if j < len(atoms) {
			b := atoms[j]
			w, _, ok := between(d, atoms[j-1], b)
			if e, isH := holderAt(b, day); ok && w <= 1 && e.Term != nil {
				if m.Code == "" || m.Code == e.Code || isH {
					if m.Code == "" {
						m.Code = e.Code
					}
					if isH {
						m.Term = e.Term
					}
					m.Tok1 = b.End
					m.Kind = rasid.KindPerson
					j++
				}
			}
		}
		next = j
		if m.Code == "" {
			if isCp || title.Role == "" || title.Weak {
				// (An anchored title names an actor only with what
				// follows it: "المعارض السوري", not "المعارض", also
				// "the exhibitions".)
				return m, next, false
			}
			// A bare title ("الحكومة"، "عناصر الأمن"): kept for now, given
			// the article's state if it names only one.
			m.Bare = true
			m.Kind = lx.titleKind(d, a)
			if m.Kind == "" {
				m.Kind = rasid.KindState
			}
			lx.finish(d, &m, a)
			return m, next, true
		}
		if m.Term == nil && m.Kind == rasid.KindPerson {
			limit := len(d.Tokens)
			if j < len(atoms) {
				limit = atoms[j].Start
			}
			if end := lx.nameAfter(d, m.Tok1, limit); end > m.Tok1 {
				m.Tok1 = end
				m.Kind = rasid.KindPerson
				m.Named = true
			}
		}
		if isCp && m.Role == "" {
			m.Role = lastRole(prev)
		}
		if isCp {
			m.Role = firstPartyRole(prev, m.Role)
		}
		if m.Kind == "" {
			m.Kind = rasid.KindState
		}
		if m.Role == "" {
			m.Role = "GOV"
		}
		lx.finish(d, &m, a)
		return m, next, true
	}
	if e, ok := has(a, PronTitle); ok {
		// "سلطاتها": the state of the actor just named.
		k := lastStateLike(d, prev)
		if k < 0 {
			return m, next, false
		}
		m.Code, m.Role, m.Kind, m.Anaphor, m.Pron = prev[k].Code, e.Role, rasid.KindState, true, true
		// "في بلاده": where, as a state named there would be.
		m.Place = lx.locative(d, a, false, false)
		lx.finish(d, &m, a)
		return m, next, true
	}
	articleAdded := a.First.Prefix > 0 && strings.HasSuffix(d.Tokens[a.Start].Norm[:a.First.Prefix], "ال")
	for _, e := range a.Entries {
		if articleAdded && e.Kind != Adjective && e.Kind != People {
			// "المالي" is not "مالي": names carry their own article.
			continue
		}
		switch e.Kind {
		case Holder:
			h, ok := holderAt(a, day)
			if !ok {
				continue
			}
			m.Code, m.Role, m.Kind, m.Term = h.Code, h.Role, rasid.KindPerson, h.Term
		case StateName:
			if e.Weak && !clauseStart(d, a) && !stateFollows(d, atoms, i) {
				continue
			}
			m.Code, m.Role, m.Kind, m.StateRef = e.Code, e.Role, rasid.KindState, true
			m.Place = lx.locative(d, a, false, nameBefore(atoms, i))
		case Capital, Seat:
			m.Code, m.Role, m.Kind, m.StateRef = e.Code, e.Role, rasid.KindState, true
			m.Place = lx.locative(d, a, true, nameBefore(atoms, i))
		case Org:
			m.Code, m.Role, m.Kind = e.Code, e.Role, rasid.KindOrganisation
		case Entity:
			m.Code, m.Role, m.Kind = e.Code, e.Role, e.Mkind
		case People:
			m.Code, m.Role, m.Kind = e.Code, "CVL", rasid.KindGroup
		case Adjective:
			if e.Weak {
				continue
			}
			// "الفيتو الأمريكي": not an actor, but it says whose act.
			m.Code, m.Role, m.Kind, m.AdjOnly = e.Code, e.Role, rasid.KindState, true
		case City:
			if a.End-a.Start == 1 && tanween(d, a.Start) {
				// "درعاً حصيناً" (a shield) is no Daraa: names take no
				// tanween.
				continue
			}
			m.Code, m.Kind, m.Place = e.Code, rasid.KindPlace, true
		default:
			continue
		}
		break
	}
	if m.Code == "" {
		return m, next, false
	}
	// A name right after a state or organisation is its official:
	// "الجزائر، أحمد عطاف" is rare; "المغرب" + holder never merges.
	lx.finish(d, &m, a)
	return m, next, true
}

// startsWithPrepArticle reports a word like "بالقصر"، "للأمم": a
// prepositional phrase, which may follow a name.
func startsWithPrepArticle(w string) bool {
	for _, p := range []string{"بال", "لل", "وال", "فال", "كال"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// adjectivePosition reports whether atom a, read by removing the article,
// follows a definite noun directly: "النزاع المسلح".
func adjectivePosition(d *Doc, a Atom) bool {
	if a.First.Prefix == 0 || !strings.HasSuffix(d.Tokens[a.Start].Norm[:a.First.Prefix], "ال") || a.Start == 0 {
		return false
	}
	prev := d.Tokens[a.Start-1]
	return prev.Kind == arabic.Word && strings.HasPrefix(prev.Norm, "ال") && prev.End == d.Tokens[a.Start].Start-1
}

// stopBetween reports whether a preposition or another function word lies
// in tokens [from, to): a title does not reach across it ("وزارة التعليم
// في العاصمة الصومالية").
func (lx *Lexicon) stopBetween(d *Doc, from, to int) bool {
	for i := from; i < to; i++ {
		if lx.stop[d.Tokens[i].Norm] {
			return true
		}
	}
	return false
}

// stateFollows reports whether the atom after atoms[i] is a state joined
// by و ("مالي والنيجر").
func stateFollows(d *Doc, atoms []Atom, i int) bool {
	if i+1 >= len(atoms) || atoms[i+1].Start != atoms[i].End || atoms[i+1].First.Prefix == 0 ||
		!strings.HasPrefix(d.Tokens[atoms[i+1].Start].Norm, "و") {
		// ("بدعم مالي لأوكرانيا": financial aid to Ukraine.)
		return false
	}
	_, ok := has(atoms[i+1], StateName)
	return ok
}

// clauseStart reports whether a weak name stands where only a name fits:
// after a preposition, after punctuation or at the start of the text.
func clauseStart(d *Doc, a Atom) bool {
	if a.First.Prefix > 0 {
		return true // بمالي، ومالي
	}
	k := a.Start - 1
	if k < 0 || d.Tokens[k].Kind == arabic.Punct {
		return true
	}
	switch d.Tokens[k].Norm {
	case "في", "الي", "من", "مع", "علي", "عن", "لدي", "بين", "و":
		return true
	}
	return false
}

// lastStateLike returns the index of the latest mention that a pronoun
// can stand for (a state, an organisation or a group), or -1.
func lastStateLike(d *Doc, prev []Mention) int {
	for k := len(prev) - 1; k >= 0 && k >= len(prev)-6; k-- {
		m := prev[k]
		if m.Place || m.AdjOnly || m.Bare || m.Pron {
			continue
		}
		if i := m.Tok0 - 1; i >= 0 && (d.Tokens[i].Norm == "لدي" || d.Tokens[i].Norm == "لدا") {
			// "أكد سفير فرنسا لدى الجزائر أن بلاده …": the state an envoy
			// is posted to is not whose he is.
			continue
		}
		return k
	}
	return -1
}

// lastRole is the role of the latest mention, GOV when there is none.
func lastRole(prev []Mention) string {
	for k := len(prev) - 1; k >= 0; k-- {
		if prev[k].Role != "" && !prev[k].Place {
			return prev[k].Role
		}
	}
	return "GOV"
}

// firstPartyRole gives a counterpart the role of the first party: the
// nearest preceding person mention.
func firstPartyRole(prev []Mention, dflt string) string {
	for k := len(prev) - 1; k >= 0; k-- {
		if prev[k].Kind == rasid.KindPerson && prev[k].Role != "" {
			return prev[k].Role
		}
	}
	return dflt
}

// afterMission reports whether token i follows a mission, directly or
// after its adjective: "سفارة فرنسا" names its state, "السفارة الفرنسية
// بتونس" then where it is.
func (lx *Lexicon) afterMission(d *Doc, i int) bool {
	mission := func(k int) bool {
		if k < 0 || d.Tokens[k].Kind != arabic.Word {
			return false
		}
		for _, c := range d.Candidates(k) {
			if lx.words.mission[c.Form] {
				return true
			}
		}
		return false
	}
	if mission(i - 1) {
		return true
	}
	n := d.Tokens[max(i-1, 0)].Norm
	return i > 1 && (strings.HasSuffix(n, "يه") || strings.HasSuffix(n, "ي")) && mission(i-2)
}

// afterResidence reports whether token i follows a word of residing:
// "الجالية التونسية المقيمة بغينيا" lives there.
func (lx *Lexicon) afterResidence(d *Doc, i int) bool {
	if i == 0 || d.Tokens[i-1].Kind != arabic.Word {
		return false
	}
	for _, c := range d.Candidates(i - 1) {
		if lx.words.residence[c.Form] {
			return true
		}
	}
	return false
}

// nameBefore reports whether atom i follows a state's name or capital
// directly: "في مالي الجزائر" is "in Mali, Algeria", not a place described
// by an adjective as "في العاصمة المجرية بودابست" is.
func nameBefore(atoms []Atom, i int) bool {
	if i == 0 || atoms[i-1].End != atoms[i].Start {
		return false
	}
	for _, e := range atoms[i-1].Entries {
		if e.Kind == StateName || e.Kind == Capital {
			return true
		}
	}
	return false
}

// locative reports whether atom a names only where something happens:
// after في or a compass word, a city with the preposition ب, or a state
// with ب after a diplomatic mission ("السفارة الفرنسية بتونس").
func (lx *Lexicon) locative(d *Doc, a Atom, city, afterName bool) bool {
	if a.First.Prefix > 0 && strings.Contains(d.Tokens[a.Start].Norm[:a.First.Prefix], "ب") && (city || lx.afterMission(d, a.Start) || lx.afterResidence(d, a.Start)) {
		return true
	}
	if a.First.Prefix > 0 && strings.HasSuffix(d.Tokens[a.Start].Norm[:a.First.Prefix], "في") {
		return true
	}
	k := a.Start - 1
	if k < 0 {
		return false
	}
	t := d.Tokens[k]
	if t.Norm == "(" && k > 0 && d.Tokens[k-1].Kind == arabic.Word && a.End < len(d.Tokens) && d.Tokens[a.End].Norm == ")" {
		// "في نجامينا (تشاد)": a city's state glossed in parentheses.
		return true
	}
	if t.Kind != arabic.Word {
		return false
	}
	for _, c := range d.Candidates(k) {
		if lx.words.locative[c.Form] || city && lx.words.inName[c.Form] {
			return true
		}
	}
	// "في العاصمة المجرية بودابست": a locative noun and an adjective.
	if k > 0 && !afterName && (strings.HasSuffix(t.Norm, "يه") || strings.HasSuffix(t.Norm, "ي")) {
		for _, c := range d.Candidates(k - 1) {
			if lx.words.locative[c.Form] {
				return true
			}
		}
	}
	return false
}

// finish fills the mention's text and byte offsets, leaving out the
// proclitics of its first word (وروسيا → روسيا).
func (lx *Lexicon) finish(d *Doc, m *Mention, first Atom) { finishSpan(d, m, first.First) }

func finishSpan(d *Doc, m *Mention, first arabic.Candidate) {
	start := d.Tokens[m.Tok0].Start
	if n := procliticLetters(d.Tokens[m.Tok0].Norm, first); n > 0 {
		start = skipLetters(d.Text, start, d.Tokens[m.Tok0].End, n)
	}
	end := d.Tokens[m.Tok1-1].End
	m.Start, m.End = start, end
	m.Text = d.Text[start:end]
}

// procliticLetters is how many letters of a word's reading c are
// proclitics to leave out of a mention: the article belongs to the word
// ("الرئيس" read as رئيس), and "للرباط" keeps its contracted ل.
func procliticLetters(norm string, c arabic.Candidate) int {
	if c.Prefix == 0 {
		return 0
	}
	p := norm[:c.Prefix]
	if strings.HasPrefix(c.Form, "ال") && !strings.HasPrefix(norm[c.Prefix:], "ال") {
		return 0 // a لل contraction
	}
	n := utf8.RuneCountInString(p)
	if strings.HasSuffix(p, "ال") {
		n -= 2
	}
	return n
}

// skipLetters advances from byte start past n letters of text, counting
// neither diacritics nor tatweel, and never past end.
func skipLetters(text string, start, end, n int) int {
	i := start
	for n > 0 && i < end {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		if !isMark(r) {
			n--
		}
	}
	for i < end {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isMark(r) {
			break
		}
		i += size
	}
	if i >= end {
		return start
	}
	return i
}

func isMark(r rune) bool {
	return (r >= 0x064B && r <= 0x065F) || r == 0x0670 || r == 0x0640
}

// royalTitle reports whether atom a is a royal or tribal title (الأمير،
// الشيخ), which is followed by a given name.
func royalTitle(d *Doc, a Atom) bool {
	switch d.Tokens[a.End-1].Norm {
	case "الامير", "الاميره", "الشيخ", "الشيخه", "امير", "الملك":
		return true
	}
	return false
}

// complementBetween reports whether a complement head lies in tokens
// [from, to).
func (lx *Lexicon) complementBetween(d *Doc, from, to int) bool {
	for i := from; i < to; i++ {
		if lx.words.complement[d.Tokens[i].Norm] {
			return true
		}
	}
	return false
}

// groupOfStates reports whether tokens [from, to) hold a noun for several
// states ("الدول"، "البلدان"، "العواصم"): an adjective after it is theirs.
func groupOfStates(d *Doc, from, to int) bool {
	for i := from; i < to; i++ {
		switch d.Tokens[i].Norm {
		case "الدول", "دول", "البلدان", "بلدان", "العواصم", "عواصم", "والدول":
			return true
		}
	}
	return false
}
