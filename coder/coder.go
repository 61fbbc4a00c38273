// Package coder turns an Arabic article into the events it reports: it
// finds event phrases, takes their source and target from the actor
// mentions around them, filters negated, conditional and scheduled acts,
// dates each event from the time expressions of the text, and keeps the
// sentence that says so as evidence.
package coder

import (
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"rasid"
	"rasid/arabic"
	"rasid/cameo"
	"rasid/lexicon"
	"rasid/timex"
)

// Coder codes articles. It is immutable and safe for concurrent use.
type Coder struct {
	lx   *lexicon.Lexicon
	book *cameo.Book
	tx   *timex.Resolver
	// scratch holds what coding reuses from article to article (*scratch):
	// one per goroutine coding at a time.
	scratch sync.Pool

	trace func(format string, args ...any) // tests: why a phrase was not coded
}

func (c *Coder) tracef(format string, args ...any) {
	if c.trace != nil {
		c.trace(format, args...)
	}
}

// New returns a Coder over the given dictionaries.
func New(lx *lexicon.Lexicon, book *cameo.Book, tx *timex.Resolver) *Coder {
	c := &Coder{lx: lx, book: book, tx: tx}
	c.scratch.New = func() any { return &scratch{r: lx.NewReader()} }
	return c
}

// Result is what one article yields: its events and its actor mentions
// (each distinct surface string once).
type Result struct {
	Events []rasid.Event   `json:"events"`
	Actors []rasid.Mention `json:"actors"`
}

// article is the analysis of one text that every rule reads.
type article struct {
	text      string
	published time.Time
	lx        *lexicon.Lexicon
	d         *lexicon.Doc
	sents     []arabic.Sentence
	sentOf    []int    // token → sentence
	sentTok   [][2]int // sentence → its tokens [start, end)
	mentions  []lexicon.Mention
	mentionAt []int  // token → index in mentions, or -1
	notParty  []bool // mention k is a quoted source, an origin or a post: never a party
	quoted    []bool // mention k is only quoted as a source: not an actor
	title     bool   // sentence 0 is a headline line
	// times are the time expressions found so far (see timesBefore).
	times   []timeAt
	tx      *timex.Resolver
	finder  *timex.Finder
	nexprs  int    // the expressions of finder in times
	uncoded []int8 // sentence → 0 not yet looked at, 1 coded, 2 not coded (sport, a run of headlines)
	sports  []int8 // sentence → 0 not yet looked at, 1 not of sport, 2 of sport (lookSports)
	border  []bool // mention → named after "الحدود مع" (nil: none is)
	sport   int8   // 0 not yet looked at, 1 a news article, 2 a sports story
}

type timeAt struct {
	tok0, tok1 int
	expr       timex.Expr
	since      bool // "منذ 2016": a starting point, not a date to inherit
	firstSince bool // "أول زيارة منذ 2011": dates no act
	background bool // in a pluperfect sentence ("وكان ... قد"): not the occasion
	inRelative bool // in a relative clause ("الذي أودى ... في أفريل"): not the occasion
	used       bool // taken by a historical act; later acts do not inherit it
}

// Code codes one article published on the given day.
func (c *Coder) Code(text string, published time.Time) Result {
	// The Doc and the article live in the scratch's buffers: it goes back
	// to the pool only once nothing reads them. The result holds no part
	// of them, only substrings of text.
	sc := c.scratch.Get().(*scratch)
	defer c.scratch.Put(sc)
	a := c.analyseText(sc.r.NewDoc(text), published, sc)
	// Most articles have no act to code, and most acts are not coded: the
	// time expressions, which date acts, are found only as far into the
	// text as a rule asks for them (article.timesBefore), and first for a
	// dateline if there may be one.
	if a.mayHaveDateline() {
		a.markDateline()
	}
	a.markAgencyDatelines()
	events := c.events(a, c.triggers(a))
	if events == nil {
		events = []rasid.Event{} // JSON [] rather than null
	}
	return Result{Events: events, Actors: actorsOf(a, events)}
}

// scratch is the memory one goroutine reuses from article to article: a
// lexicon Reader and the per-token tables of the article.
type scratch struct {
	r                 *lexicon.Reader
	sentOf, mentionAt []int
}

// ints returns b with n elements, reallocated only if it is too short; the
// caller sets them all.
func ints(b *[]int, n int) []int {
	if cap(*b) < n {
		*b = make([]int, n+n/4)
	}
	return (*b)[:n]
}

// analyseText analyses d but for its time expressions (see addTimes).
func (c *Coder) analyseText(d *lexicon.Doc, published time.Time, sc *scratch) *article {
	text := d.Text
	a := &article{text: text, published: published, lx: c.lx, d: d, sents: arabic.SentencesOf(text, d.Tokens), tx: c.tx}
	a.sentOf = ints(&sc.sentOf, len(d.Tokens))
	a.sentTok = make([][2]int, max(len(a.sents), 1))
	// In locals: the stores through a would make the loop load them again
	// at each token.
	sents, sentOf, sentTok := a.sents, a.sentOf, a.sentTok
	s := 0
	for i := range d.Tokens {
		start := d.Tokens[i].Start // not the token: a copy of six words
		for s < len(sents)-1 && start >= sents[s].End {
			s++
			sentTok[s][0] = i
		}
		sentOf[i] = s
		sentTok[s][1] = i + 1
	}
	a.title = isTitle(text, a.sents)
	a.mentions = c.lx.Recognise(d, published)
	kept := a.mentions[:0]
	for _, m := range a.mentions {
		if personalName(d, m) || pressAdjective(d, m) {
			continue
		}
		kept = append(kept, m)
	}
	a.mentions = kept
	a.mentionAt = ints(&sc.mentionAt, len(d.Tokens))
	for i := range a.mentionAt {
		a.mentionAt[i] = -1
	}
	a.notParty = make([]bool, len(a.mentions))
	a.quoted = make([]bool, len(a.mentions))
	for k, m := range a.mentions {
		for t := m.Tok0; t < m.Tok1; t++ {
			a.mentionAt[t] = k
		}
		i := m.Tok0
		switch {
		case hasForm(d, i-1, "بحسب", "حسب", "وفق", "وفقا", "نقلا", "استنادا"):
			// "بحسب منظمة الصحة العالمية": a source of the report.
			a.notParty[k], a.quoted[k] = true, true
		case isWord(d, i-1, "لدي", "لدا") && !ambassadorBefore(d, i-1) && m.Kind != rasid.KindPerson:
			// "مندوب الجزائر لدى الأمم المتحدة": where an envoy sits; but
			// "سفيرها لدى إسبانيا" names the other state.
			a.notParty[k] = true
		case k > 0 && a.mentions[k-1].Bare && a.mentions[k-1].Tok1 == i-1 && hasForm(d, i-1, "تابعه", "تابع", "التابعه", "التابع", "تابعين"):
			// "قوات تابعة لحكومة الوحدة الوطنية": forces named by whom they
			// belong to; the owner is the party.
			a.notParty[k-1] = true
		case hasForm(d, i-1, "المرتبطه", "المرتبط", "التابعه", "التابع", "الموالي", "المواليه", "المدعومه", "المدعوم", "المقربه", "المقرب") &&
			(i < 2 || a.mentionAt[i-2] >= 0 || hasForm(d, i-1, "المرتبطه", "المرتبط", "الموالي", "المواليه", "المدعومه", "المدعوم", "المقربه", "المقرب")):
			// (But "الطيران الحربي التابع للجيش السوداني": forces named by
			// their owner, who is the party.)
			// "حركة الشباب المرتبطة بتنظيم القاعدة": an affiliation.
			a.notParty[k] = true
		case hasForm(d, i-1, "باستثناء", "عدا", "سوي") || isWord(d, i-1, "فعل", "فعلت", "فعله") && isWord(d, i-2, "كما", "مثلما", "وكما"):
			// "باستثناء حركة النهضة": left out; "كما فعل الرئيس
			// السادات": a comparison, no party. ("على غرار" lists
			// examples, who are parties.)
			a.notParty[k] = true
		case hasForm(d, i-1, "امام"):
			// "دعوى أمام محكمة العدل الدولية"، "كلمة أمام الجمعية العامة".
			a.notParty[k] = true
		case isWord(d, i-1, "مع") && hasForm(d, i-2, "تضامنا", "تضامن"):
			// "تضامناً مع الشعب الفلسطيني": on whose behalf, not at whom.
			a.notParty[k] = true
		case m.Place && isWord(d, i-1, "في") && ambassadorBefore(d, i-1):
			// "سفيرتها في برلين": the state the ambassador is posted to,
			// not a place where something happens.
			a.mentions[k].Place = false
		case borderNeighbour(d, i) || k > 0 && a.border != nil && a.border[k-1] && a.mentions[k-1].Tok1 == i && strings.HasPrefix(d.Tokens[i].Norm, "و"):
			// "في سوروتش على الحدود مع سوريا": the neighbour says where,
			// it is a party only of a force posture or fire across it
			// (parties).
			if a.border == nil {
				a.border = make([]bool, len(a.mentions))
			}
			a.border[k] = true
		case isWord(d, i-1, "من") && hasForm(d, i-2, "قادما", "قادمه", "قادمين", "اتيا"):
			// "قادماً من المغرب": where a visitor comes from.
			a.notParty[k] = true
		}
	}
	return a
}

// timesBefore returns the time expressions of a found so far, among which
// all that start before token tok (all of them when tok is past the last
// token). They are found as far into the text as a rule has asked:
// timex.Finder finds those of a text's start as Find does, and they depend
// on nothing else the coder does, so that finding them late or not at all
// changes no output, as long as markDateline, which marks mentions by
// them, has them first. Their indexes in the slice never change.
func (a *article) timesBefore(tok int) []timeAt {
	if a.finder == nil {
		a.finder = a.tx.NewFinder(a.text, a.published)
	}
	pos := len(a.text) + 1
	if tok < len(a.d.Tokens) {
		pos = a.d.Tokens[tok].Start
	}
	es := a.finder.Until(pos)
	for _, e := range es[a.nexprs:] {
		a.addTime(e)
	}
	a.nexprs = len(es)
	return a.times
}

// addTime adds expression e to the times of a, with what the rules read
// of its context.
func (a *article) addTime(e timex.Expr) {
	d := a.d
	t0, t1 := tokenRange(d.Tokens, e.Start, e.End)
	if t0 >= t1 {
		return
	}
	ta := timeAt{tok0: t0, tok1: t1, expr: e}
	if at := sinceAt(a, t0); at >= 0 {
		// "منذ نوفمبر" starts an ongoing act: its own date, never one
		// to inherit; "أول زيارة منذ 2011" dates nothing at all.
		ta.since = true
		for j := at - 1; j >= 0 && j >= at-12 && a.sentOf[j] == a.sentOf[t0]; j-- {
			if hasForm(d, j, "اول", "الاولي") {
				ta.firstSince = true
			}
		}
	}
	ta.background = background(d, a.sentTok[a.sentOf[t0]][0])
	for j := t0 - 1; j >= 0 && j >= t0-window && a.sentOf[j] == a.sentOf[t0] && d.Tokens[j].Norm != ","; j-- {
		if isWord(d, j, "الذي", "التي", "الذين") {
			ta.inRelative = true
			break
		}
	}
	a.times = append(a.times, ta)
}

// mayHaveDateline reports whether markDateline may mark a place: whether
// one of the first two sentences is short enough for a dateline and names
// a state. Only then does it need the time expressions.
func (a *article) mayHaveDateline() bool {
	for s := range min(2, len(a.sents)) {
		r := a.sentTok[s]
		if r[1]-r[0] > 8 {
			continue
		}
		for _, m := range a.mentions {
			if m.Tok0 >= r[0] && m.Tok1 <= r[1] && m.StateRef {
				return true
			}
		}
	}
	return false
}

// sinceAt returns the token of the "منذ" whose phrase the time expression
// at token t0 ends ("منذ نوفمبر"، "منذ توليه الحكم في ديسمبر 2019"), or -1.
func sinceAt(a *article, t0 int) int {
	d := a.d
	if hasForm(d, t0, "منذ") {
		return t0
	}
	for j := t0 - 1; j >= 0 && j >= t0-4 && a.sentOf[j] == a.sentOf[t0]; j-- {
		if d.Tokens[j].Kind != arabic.Word {
			return -1
		}
		if hasForm(d, j, "منذ") {
			return j
		}
	}
	return -1
}

// ambassadorBefore reports whether an ambassador word stands just before
// token i ("استدعاء سفرائها لدى").
func ambassadorBefore(d *lexicon.Doc, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		for _, c := range d.Candidates(j) {
			if strings.HasPrefix(c.Form, "سفير") || strings.HasPrefix(c.Form, "سفرا") {
				return true
			}
		}
	}
	return false
}

// markDateline makes the place of a dateline ("الرياض 10 رمضان 1446 هـ")
// a place: a short first line with a date names where the story was filed.
func (a *article) markDateline() {
	for _, s := range []int{0, 1} {
		if s >= len(a.sents) {
			return
		}
		r := a.sentTok[s]
		if r[1]-r[0] > 8 || !a.hasTime(r[0], r[1]) {
			continue
		}
		for k := range a.mentions {
			if m := &a.mentions[k]; m.Tok0 >= r[0] && m.Tok1 <= r[1] && m.StateRef {
				m.Place = true
			}
		}
	}
}

// markAgencyDatelines makes the places of a paragraph's dateline ("واس-
// الرياض:"، "الرياض - «الشرق الأوسط»:"، "برلين ـ رويترز:") places only:
// where the news was filed, no party to what it tells. A dateline is a few
// words at a paragraph's start, with a dash, ended by a colon.
func (a *article) markAgencyDatelines() {
	for s := range a.sents {
		r := a.sentTok[s]
		start := a.sents[s].Start
		if start > 0 && !strings.Contains(a.text[max(0, start-2):start], "\n") {
			continue
		}
		colon, dash := -1, false
		for i := r[0]; i < r[1] && i < r[0]+7; i++ {
			tk := a.d.Tokens[i]
			if tk.Kind == arabic.Punct && (tk.Norm == ":" || tk.Norm == "：") {
				colon = i
				break
			}
			if tk.Kind == arabic.Punct && strings.ContainsAny(tk.Norm, "-–—ـ") {
				dash = true
			}
		}
		if colon < 0 || !dash {
			continue
		}
		for k := range a.mentions {
			if m := &a.mentions[k]; m.Tok0 >= r[0] && m.Tok1 <= colon && (m.StateRef || m.Place) {
				m.Place = true
				a.notParty[k] = true
			}
		}
	}
}

// timeStartsIn reports whether a time expression starts in tokens
// [from, to), wherever it ends.
func (a *article) timeStartsIn(from, to int) bool {
	for _, ta := range a.timesBefore(to) {
		// (timesBefore returns every expression found so far, some
		// perhaps after to.)
		if ta.tok0 >= from && ta.tok0 < to {
			return true
		}
	}
	return false
}

func (a *article) hasTime(from, to int) bool {
	for _, ta := range a.timesBefore(to) {
		if ta.tok0 >= from && ta.tok1 <= to {
			return true
		}
	}
	return false
}

// isTitle reports whether the first sentence is a headline: a line of its
// own, without final punctuation, before the body.
func isTitle(text string, sents []arabic.Sentence) bool {
	if len(sents) < 2 {
		return false
	}
	first := strings.TrimSpace(text[sents[0].Start:sents[0].End])
	if first == "" || strings.ContainsAny(first[len(first)-1:], ".!?") || strings.HasSuffix(first, "؟") {
		return false
	}
	return strings.Contains(text[sents[0].End:sents[1].Start], "\n")
}

// window bounds how far any rule looks from a trigger, in tokens, so that
// coding stays linear however long a sentence runs.
const window = 80

// background reports whether the sentence starting at token j starts with
// a pluperfect "وكان … قد": an earlier act told as background.
func background(d *lexicon.Doc, j int) bool {
	return hasForm(d, j, "كان", "كانت") && j+6 < len(d.Tokens) && func() bool {
		for k := j + 1; k < j+6 && k < len(d.Tokens); k++ {
			if isWord(d, k, "قد") {
				return true
			}
		}
		return false
	}()
}

// tokenRange maps a byte range to the tokens it covers.
func tokenRange(toks []arabic.Token, start, end int) (int, int) {
	t0 := sort.Search(len(toks), func(i int) bool { return toks[i].End > start })
	t1 := t0
	for t1 < len(toks) && toks[t1].Start < end {
		t1++
	}
	return t0, t1
}

// hasForm reports whether token i reads as one of forms (with or without
// proclitics).
func hasForm(d *lexicon.Doc, i int, forms ...string) bool {
	if i < 0 || i >= len(d.Tokens) {
		return false
	}
	for _, c := range d.Candidates(i) {
		n := len(c.Form)
		if n == 0 {
			if slices.Contains(forms, "") {
				return true
			}
			continue
		}
		// The last byte before the call that compares the rest: words of
		// one length mostly differ there (their first byte is that of
		// every Arabic letter), and the rules ask this millions of times.
		last := c.Form[n-1]
		for _, f := range forms {
			if len(f) == n && f[n-1] == last && f == c.Form {
				return true
			}
		}
	}
	return false
}

// isWord reports whether token i is exactly one of forms, proclitics
// included.
func isWord(d *lexicon.Doc, i int, forms ...string) bool {
	if i < 0 || i >= len(d.Tokens) {
		return false
	}
	n := d.Tokens[i].Norm
	for _, f := range forms {
		if n == f {
			return true
		}
	}
	return false
}

// actorsOf lists the article's actor mentions, each surface string once:
// places only when an event made them a party.
func actorsOf(a *article, events []rasid.Event) []rasid.Mention {
	// Linear searches rather than maps: an article has a few events and
	// a few dozen actors, and two maps per article cost more.
	party := func(text string) bool {
		for _, e := range events {
			if e.SourceText == text || e.TargetText == text {
				return true
			}
		}
		return false
	}
	out := []rasid.Mention{}
	for k, m := range a.mentions {
		if a.quoted[k] || m.AdjOnly || m.Pron {
			continue
		}
		if m.Place && !party(m.Text) {
			continue
		}
		if m.Kind == rasid.KindPlace {
			// A city or region is where an act lands, never an actor
			// (GUIDE), even when it stands for its state as a target.
			continue
		}
		if slices.ContainsFunc(out, func(o rasid.Mention) bool { return o.Text == m.Text }) {
			continue
		}
		out = append(out, m.Mention)
	}
	return out
}

// personalName reports whether a nationality adjective is a man's name:
// an indefinite adjective cannot qualify the definite word before it, so
// "تركي" in "مدير فرع الهيئة بمنطقة الرياض تركي الشليل" or "الأمير تركي
// الفيصل" names a person, not Turkey.
func personalName(d *lexicon.Doc, m lexicon.Mention) bool {
	if !m.AdjOnly || m.Tok1-m.Tok0 != 1 || m.Tok0 == 0 {
		return false
	}
	w, prev := d.Tokens[m.Tok0], d.Tokens[m.Tok0-1]
	return w.Kind == arabic.Word && prev.Kind == arabic.Word && prev.End < w.Start &&
		!definite(w.Norm) && definite(prev.Norm)
}

// withoutConj returns a normalised word without a leading conjunction و,
// then ف, for rules that test its stem ("وسيزور" → "سيزور").
func withoutConj(w string) string {
	return strings.TrimPrefix(strings.TrimPrefix(w, "و"), "ف")
}

// definite reports whether a normalised word carries the article, behind
// its proclitics ("بالمنطقة"، "للأمير").
func definite(w string) bool {
	w = withoutConj(w)
	if strings.HasPrefix(w, "لل") {
		return true
	}
	for _, p := range []string{"ب", "ك", "ل"} {
		if rest, ok := strings.CutPrefix(w, p); ok && strings.HasPrefix(rest, "ال") {
			return true
		}
	}
	return strings.HasPrefix(w, "ال")
}

// borderNeighbour reports whether a mention at token i follows "الحدود
// مع" (an adjective may stand between: "الحدود الشمالية مع لبنان").
func borderNeighbour(d *lexicon.Doc, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if isWord(d, j, "بين") && j < i-1 && strings.HasPrefix(d.Tokens[i].Norm, "و") {
			// "الحدود بين بلاده وسوريا": the neighbour says where (the
			// first side is the speaker's own).
			return hasForm(d, j-1, borderNouns...) || hasForm(d, j-2, borderNouns...)
		}
	}
	if !isWord(d, i-1, "مع") {
		return false
	}
	return hasForm(d, i-2, borderNouns...) || hasForm(d, i-3, borderNouns...)
}

// borderNouns name a border.
var borderNouns = []string{"الحدود", "حدود", "الحدوديه", "الحدودي", "حدودها", "حدوده", "الشريط"}

// pressAdjective reports whether a mention is the adjective "صحفي" (press)
// on a statement or a conference ("في تصريح صحفي"، "مؤتمر صحفي"), not a
// journalist.
func pressAdjective(d *lexicon.Doc, m lexicon.Mention) bool {
	if m.Tok1-m.Tok0 != 1 || m.Tok0 == 0 || !isWord(d, m.Tok0, "صحفي", "صحفيه", "الصحفي", "الصحفيه", "صحافي", "صحافيه", "الصحافي", "الصحافيه") {
		return false
	}
	return hasForm(d, m.Tok0-1, "تصريح", "تصريحات", "مؤتمر", "المؤتمر", "بيان", "البيان", "لقاء", "حوار", "تصريحه", "تصريحها", "مؤتمرا")
}
