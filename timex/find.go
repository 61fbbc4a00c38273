package timex

import (
	"math"
	"strings"
	"time"
	"unicode/utf8"
)

// part is one expression a rule found: a token range and its date.
type part struct {
	from, to int // token indexes, to exclusive
	date     Date
	kind     string
}

// match is what a rule found at a token: one or more parts (several for
// "4 و5 مارس" or "عامي 2015 و2016") and the token after the last. The
// first part is kept apart so that most matches allocate nothing.
type match struct {
	next int
	head part   // the first part
	tail []part // the parts after the first
}

// last returns the last part of m.
func (m *match) last() *part {
	if len(m.tail) > 0 {
		return &m.tail[len(m.tail)-1]
	}
	return &m.head
}

func one(from, to int, d Date, kind string) (match, bool) {
	return match{next: to, head: part{from, to, d, kind}}, true
}

// scan is the state of one Find call.
type scan struct {
	r    *Resolver
	text string

	// The tokens, made as the rules ask for them (see tok): toks[k] is
	// token first+k; pos is where tokenizing resumes, space and line the
	// flags of the next token.
	lx          *lexicon
	toks        []token
	first       int
	pos         int
	space, line bool
	end         token // the sentinel after the last token
	tmp         token // zero but while more uses it
	buf         [32]token

	thorough bool // see find
	next     int  // the token run tries the rules at next

	pub     time.Time
	hasPub  bool
	out     []Expr
	lastEnd int  // token index after the last Expr found, -1 before any
	last    Date // the date of the last Expr found
	lastDay Date // the date of the last Expr of day precision
	anchor  Date // the last Expr of day precision within a month of pub
}

// rules tries each rule at token i, in order of preference when two match
// equally long: explicit, relDay, anaphor, weekday, relPeriod, year, ago.
// It returns the longest match.
func (s *scan) rules(i int) (best match, found bool) {
	try := func(m match, ok bool) {
		if ok && (!found || m.next > best.next) {
			best, found = m, true
		}
	}
	try(s.explicit(i))
	try(s.relDay(i))
	try(s.anaphor(i))
	try(s.weekday(i))
	try(s.relPeriod(i))
	try(s.year(i))
	try(s.ago(i))
	return best, found
}

// Find returns the time expressions in text, in order of position, not
// overlapping; where several readings start at the same place the longest
// wins. Relative expressions resolve against the day of published in its
// own location; with a zero published only absolute expressions are found.
// Offsets are byte offsets into text, which may be any string (invalid
// UTF-8 is skipped).
//
// Find allocates little beyond its result and skips most of a text fast:
// see lex.go for the tokenizer and wordInfo.starter for where rules start.
func (r *Resolver) Find(text string, published time.Time) []Expr {
	return r.find(text, published, false)
}

// find is Find; with thorough (for tests) it takes no shortcut: it tries
// the rules at every known word, not only at starters, and makes every
// unknown word a token, as the rules are written.
func (r *Resolver) find(text string, published time.Time, thorough bool) []Expr {
	s := r.newScan(text, published, thorough)
	s.run(math.MaxInt)
	return s.out
}

// A Finder finds the time expressions of one text, the same as Find, but
// only as far into the text as it is asked: a caller that may need the
// expressions of the first paragraphs only does not pay for the rest.
// A Finder is not safe for concurrent use.
type Finder struct{ s *scan }

// NewFinder returns a Finder of the time expressions of text (see Find).
func (r *Resolver) NewFinder(text string, published time.Time) *Finder {
	return &Finder{r.newScan(text, published, false)}
}

// Until returns the expressions found so far, in order: all of those that
// Find returns that start before byte offset pos, and maybe a few after.
// Each call returns the slice of the previous one, extended.
func (f *Finder) Until(pos int) []Expr {
	f.s.run(pos)
	return f.s.out
}

func (r *Resolver) newScan(text string, published time.Time, thorough bool) *scan {
	s := &scan{r: r, text: text, lx: r.lex, line: true, lastEnd: -1, thorough: thorough}
	if s.lx == nil {
		s.lx = emptyLexicon
	}
	s.toks = s.buf[:0]
	s.end = token{kind: tEnd, w: &noInfo, start: len(text), end: len(text), space: true, line: true}
	if !published.IsZero() {
		y, m, d := published.Date()
		s.pub = time.Date(y, m, d, 0, 0, 0, 0, time.UTC)
		s.hasPub = true
	}
	return s
}

// run tries the rules from token s.next on, and stops at the end of the
// text or at a token from which no expression starting before byte pos
// can be found: a rule at token i makes an expression of tokens from
// i-keepBefore on, the most it looks back.
func (s *scan) run(pos int) {
	for i := s.next; ; {
		s.slide(i)
		// Every rule starts at a number or at a word of the tables, and
		// only at some of these words (wordInfo.starter).
		t := s.tok(i)
		if t.kind == tEnd || t.start >= pos && s.tok(max(i-keepBefore, 0)).start >= pos {
			s.next = i
			return
		}
		if t.kind != tNum && !t.w.starter && !(s.thorough && t.known) {
			i++
			continue
		}
		best, found := s.rules(i)
		if !found {
			i++
			continue
		}
		s.emit(best.head)
		for _, p := range best.tail {
			s.emit(p)
		}
		i = best.next
	}
}

func (s *scan) emit(p part) {
	e := Expr{Start: s.baseStart(s.tok(p.from)), End: s.tok(p.to - 1).end, Date: p.date, Kind: p.kind}
	e.Text = s.text[e.Start:e.End]
	s.out = append(s.out, e)
	s.lastEnd = p.to
	s.last = p.date
	if p.date.Precision == Day {
		s.lastDay = p.date
		if s.hasPub {
			if d := p.date.Time().Sub(s.pub); d <= 31*24*time.Hour && d >= -31*24*time.Hour {
				s.anchor = p.date
			}
		}
	}
}

// baseStart returns the byte offset where t's word starts after its
// proclitic: the span of "والأحد" is "الأحد", of "بالأمس" "الأمس".
func (s *scan) baseStart(t *token) int {
	i := t.start
	if t.clitic == "" {
		return i
	}
	n := utf8.RuneCountInString(t.clitic)
	for i < t.end && n > 0 {
		c, w := utf8.DecodeRuneInString(s.text[i:])
		if _, class := fold(c); class == cLetter {
			n--
		}
		i += w
	}
	for i < t.end { // marks on the clitic's last letter
		c, w := utf8.DecodeRuneInString(s.text[i:])
		if _, class := fold(c); class != cDrop {
			break
		}
		i += w
	}
	return i
}

// is reports whether t is the word w without a proclitic.
func (t *token) is(w string) bool { return t.kind == tWord && t.clitic == "" && t.base == w }

// in reports whether t is a word of set; a proclitic is allowed only when
// clitic is true.
func (t *token) in(set wordSet, clitic bool) bool {
	return t.kind == tWord && t.w.sets&set != 0 && (clitic || t.clitic == "")
}

func (t *token) punct(ps ...string) bool {
	if t.kind != tPunct {
		return false
	}
	for _, p := range ps {
		if t.norm == p {
			return true
		}
	}
	return false
}

// qualIs reports whether t is a qualifier of value q (الماضي: -1).
func qualIs(t *token, q int) bool {
	v, ok := t.qual()
	return ok && v == q
}

func isDay(t *token) bool { return t.kind == tNum && t.ndig <= 2 && t.num >= 1 && t.num <= 31 }

func isGregYear(t *token) bool {
	return t.kind == tNum && t.ndig == 4 && t.num >= 1900 && t.num <= 2100
}

func isHijriYear(t *token) bool {
	return t.kind == tNum && t.ndig == 4 && t.num >= 1300 && t.num <= 1600
}

// weekdayAt returns the weekday named by token i, without a proclitic
// unless clitic is true.
func (s *scan) weekdayAt(i int, clitic bool) (time.Weekday, bool) {
	t := s.tok(i)
	if t.kind != tWord || (!clitic && t.clitic != "") {
		return 0, false
	}
	return t.weekday()
}

// cueAt returns the token after a time-of-day or day cue at i (مساء، يوم،
// منتصف ليل), or i when there is none.
func (s *scan) cueAt(i int, dayCues bool) int {
	t := s.tok(i)
	if t.kind != tWord {
		return i
	}
	switch {
	case t.has(s.r.todCues), dayCues && t.has(s.r.dayCues):
		return i + 1
	case t.base == s.r.midnightLead && s.tok(i+1).in(s.r.nightWords, false):
		return i + 2
	}
	return i
}

// --- dates -----------------------------------------------------------------

func monthDate(y, m int) Date {
	t := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	return Date{Year: t.Year(), Month: int(t.Month()), Precision: Month}
}

func yearDate(y int) Date { return Date{Year: y, Precision: Year} }

func daysIn(y, m int) int { return time.Date(y, time.Month(m)+1, 0, 0, 0, 0, 0, time.UTC).Day() }

func validDay(y, m, d int) bool { return m >= 1 && m <= 12 && d >= 1 && d <= daysIn(y, m) }

func civil(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC) }

// horizon is how far after publication a date without a year may fall.
func (s *scan) horizon() time.Time { return s.pub.AddDate(0, 2, 0) }

// dayAnchor is the day "اليوم التالي/نفسه/السابق" refer to: the last Expr
// of day precision within a month of publication (the occasion the article
// reports), else the last Expr of day precision, else pub.
func (s *scan) dayAnchor() (Date, bool) {
	switch {
	case !s.anchor.IsZero():
		return s.anchor, true
	case !s.lastDay.IsZero():
		return s.lastDay, true
	}
	return DayOf(s.pub), s.hasPub
}

// sameYear is the year "العام نفسه" refers to: the last Expr's, else pub's.
func (s *scan) sameYear() (int, bool) {
	if len(s.out) > 0 {
		return s.last.Year, true
	}
	return s.pub.Year(), s.hasPub
}

// --- relative days ---------------------------------------------------------

// relDay: [cue] (أمس [الأول] | أول [من] أمس | اليوم | الليلة [الماضية] | غداً |
// بعد غد | البارحة) [weekday].
func (s *scan) relDay(i int) (match, bool) {
	if !s.hasPub || s.tok(i).kind != tWord {
		return match{}, false
	}
	r := s.r
	j := s.cueAt(i, false)
	if t := s.tok(i); j == i && t.base == r.yawm {
		j = i + 1
	}
	cue := j > i
	w := s.tok(j)
	if w.kind != tWord || (cue && w.clitic != "") {
		return match{}, false
	}
	var off int
	switch {
	case w.base == r.first && s.tok(j+1).is(r.yesterdayW):
		off, j = -2, j+2
	case w.base == r.first && s.tok(j+1).is(r.from) && s.tok(j+2).is(r.yesterdayW):
		off, j = -2, j+3
	case w.base == r.after && s.tok(j+1).in(r.needCue, false):
		off, j = 2, j+2
	default:
		o, ok := w.relDay()
		if !ok || (w.has(r.needCue) && !cue) {
			return match{}, false
		}
		off = o
		j++
		switch w.base {
		case r.yesterdayW:
			if s.tok(j).is(r.firstAfter) {
				off, j = -2, j+1
			}
		case r.tonight:
			if n := s.tok(j); n.kind == tWord && n.clitic == "" && qualIs(n, -1) {
				off, j = -1, j+1
			} else if s.todayBlocked(j - 1) {
				return match{}, false
			}
		case r.today:
			if s.todayBlocked(j - 1) {
				return match{}, false
			}
		}
	}
	wd, hasWd := s.weekdayAt(j, false)
	if hasWd {
		j++
	} else if w, ok := s.weekdayAt(j+1, false); ok && s.tok(j).punct("(") && s.tok(j+2).punct(")") {
		wd, hasWd = w, true
		j += 3 // "أمس (الأحد)"
	}
	d := s.pub.AddDate(0, 0, off)
	if back := (int(d.Weekday()) - int(wd) + 7) % 7; hasWd && off <= 0 && back > 0 && back <= 2 {
		// "اليوم (الاثنين)" in a paper dated Tuesday: the article was
		// written the day its weekday names, a day or two before the date
		// it was filed under.
		d = d.AddDate(0, 0, -back)
	}
	kind := KindToday
	switch off {
	case -2:
		kind = KindDayBeforeYesterday
	case -1:
		kind = KindYesterday
	case 1:
		kind = KindTomorrow
	case 2:
		kind = KindDayAfterTomorrow
	}
	return one(i, j, DayOf(d), kind)
}

// todayBlocked reports whether اليوم / الليلة at k is not "today": "ذلك
// اليوم", "روسيا اليوم", "اليوم الأول", "اليوم العالمي".
func (s *scan) todayBlocked(k int) bool {
	r := s.r
	if s.tok(k-1).in(r.thatWords, true) {
		return true
	}
	n := s.tok(k + 1)
	if n.kind != tWord || n.clitic != "" {
		return false
	}
	if n.has(r.todayBlock) {
		return true
	}
	if _, wd := n.weekday(); wd {
		return false
	}
	// a nisba adjective: العالمي، الوطني، الدولي، الدراسي ...
	return s.nisba(n)
}

// anaphor: [cue] اليوم/الليلة التالي/السابق/نفسه, نفس/ذات اليوم; العام/الشهر
// نفسه, نفس/ذات العام/الشهر.
func (s *scan) anaphor(i int) (match, bool) {
	r := s.r
	if s.tok(i).kind != tWord {
		return match{}, false
	}
	j := s.cueAt(i, false)
	w := s.tok(j)
	if w.kind != tWord || (j > i && w.clitic != "") {
		return match{}, false
	}
	off := 0
	var u unit
	switch n := s.tok(j + 1); {
	case w.has(r.sameWords) && n.kind == tWord && n.clitic == "":
		switch {
		case n.base == r.today || n.base == r.tonight:
			u = unitDay
		case n.unit() == unitMonth || n.unit() == unitYear:
			u = n.unit()
		default:
			return match{}, false
		}
		j += 2
	case n.kind != tWord || n.clitic != "":
		return match{}, false
	case w.base == r.today || w.base == r.tonight:
		o, ok := n.anaphora()
		if !ok {
			return match{}, false
		}
		off, u, j = o, unitDay, j+2
	case j == i && (w.unit() == unitMonth || w.unit() == unitYear):
		if o, ok := n.anaphora(); !ok || o != 0 {
			return match{}, false
		}
		u, j = w.unit(), j+2
	default:
		return match{}, false
	}
	switch u {
	case unitYear:
		y, ok := s.sameYear()
		if !ok {
			return match{}, false
		}
		return one(i, j, yearDate(y), KindSameYear)
	case unitMonth:
		d := s.last
		if len(s.out) == 0 || d.Precision == Year {
			if !s.hasPub {
				return match{}, false
			}
			d = DayOf(s.pub)
		}
		// "بالشهر ذاته من عام 2014", "بنفس الشهر من السنة الماضية"
		y := d.Year
		if yp, end := s.yearPart(j); end > j && (yp.kind == ypYear || yp.kind == ypYearRel) {
			if yp.kind == ypYear {
				y = yp.year
			} else if s.hasPub {
				y = s.pub.Year() + yp.q
			}
			j = end
		}
		return one(i, j, monthDate(y, d.Month), KindSameMonth)
	}
	ref, ok := s.dayAnchor()
	if !ok {
		return match{}, false
	}
	d := ref
	if ref.Precision == Day {
		d = DayOf(ref.Time().AddDate(0, 0, off))
	}
	kind := KindSameDay
	switch off {
	case 1:
		kind = KindNextDay
	case -1:
		kind = KindPreviousDay
	}
	return one(i, j, d, kind)
}

// --- weekdays --------------------------------------------------------------

// weekday: [cue] weekday [الماضي|المقبل], or a bare weekday as a
// comma-delimited phrase, or a weekday continuing the previous one.
func (s *scan) weekday(i int) (match, bool) {
	r := s.r
	if s.tok(i).kind != tWord {
		return match{}, false
	}
	j := s.cueAt(i, true)
	cue := j > i
	wd, ok := s.weekdayAt(j, !cue)
	if !ok {
		return match{}, false
	}
	w := s.tok(j)
	if !cue && w.clitic != "" && w.clitic != "و" && w.clitic != "ف" {
		return match{}, false
	}
	j++
	q, hasQ := 0, false
	if n := s.tok(j); n.kind == tWord && n.clitic == "" {
		if q, hasQ = n.wdQual(); hasQ {
			j++
		}
	}
	cont := false
	if !cue && !hasQ {
		p := s.tok(i - 1)
		connector := (p.kind == tWord && p.clitic == "" && p.has(r.connectors)) || p.punct("-", "–")
		switch {
		case w.clitic != "":
			// "والأحد" right after a weekday: "يومي السبت والأحد"
			cont = s.lastEnd == i
		case connector:
			// "ليل الأحد إلى الاثنين"
			cont = i > 0 && s.lastEnd == i-1
		}
		if cont && s.last.Precision != Day {
			cont = false
		}
		if !cont && (w.clitic != "" || !s.bareWeekday(i, j) && !s.weekdayAfterWord(i, j, wd)) {
			return match{}, false
		}
	}
	var d time.Time
	switch {
	case cont:
		prev := s.last.Time()
		d = prev.AddDate(0, 0, (int(wd)-int(prev.Weekday())+7)%7)
	case !s.hasPub:
		return match{}, false
	case q > 0:
		fwd := (int(wd) - int(s.pub.Weekday()) + 7) % 7
		if fwd == 0 {
			fwd = 7
		}
		d = s.pub.AddDate(0, 0, fwd)
	default:
		back := (int(s.pub.Weekday()) - int(wd) + 7) % 7
		if back == 0 && q < 0 {
			back = 7
		}
		d = s.pub.AddDate(0, 0, -back)
	}
	return one(i, j, DayOf(d), KindWeekday)
}

// unambiguousWeekday reports whether a weekday's name is no other word,
// so that it counts bare after a word ("قال الوزير الثلاثاء إن"، "ألقت
// الشرطة الأربعاء القبض"): الأحد is also "the one", الاثنين "the two",
// السبت، الجمعة and الخميس are names too ("عبدالرسول الخميس").
func unambiguousWeekday(wd time.Weekday) bool {
	return wd == time.Tuesday || wd == time.Wednesday
}

// weekdayAfterWord reports whether the weekday wd at tokens i..j-1, right
// after a word, dates the clause it sits in: Tuesday and Wednesday
// always, any weekday when a clause goes on after it ("تظاهرت الاثنين
// في"، "قال مصدر الأحد إن"، "قتل 43 مدنيا الأحد عندما"); neither when
// the word before makes it a name, a prayer or a habit ("صلاة الجمعة
// في"، "بين الاثنين في"، "بن محمد الجمعة على"، "كل الثلاثاء").
func (s *scan) weekdayAfterWord(i, j int, wd time.Weekday) bool {
	p, n := s.tok(i-1), s.tok(j)
	if _, rel := p.relDay(); p.kind != tWord || p.has(s.r.wdBlock) || rel {
		return false
	}
	return unambiguousWeekday(wd) || n.kind == tWord && (n.clitic == "" && n.has(s.r.wdFollow) || s.boundPrep(n))
}

// boundPrep reports whether word token n starts with a bound ب or ل
// and more than two letters ("بوقفة"، "لوكالة"): a complement after a
// verb's date ("قاموا الإثنين بوقفة"، "قال الوزير الخميس لوكالة").
func (s *scan) boundPrep(n *token) bool {
	w := s.text[n.start:n.end]
	if n.clitic == "ب" || n.clitic == "ل" {
		return true
	}
	r, size := utf8.DecodeRuneInString(w)
	return (r == 'ب' || r == 'ل') && utf8.RuneCountInString(w[size:]) > 2 && n.norm == unknownWord
}

// bareWeekday reports whether the weekday tokens i..j-1 stand as a
// comma-delimited phrase: after "،"/","/a line start, before "،" "," "."
// ":" "؛" "(" or a line end.
func (s *scan) bareWeekday(i, j int) bool {
	p := s.tok(i - 1)
	before := s.tok(i).line || (p.kind == tPunct && s.r.commaLike[p.norm])
	n := s.tok(j)
	after := n.kind == tEnd || n.line || (n.kind == tPunct && s.r.closers[n.norm])
	return before && after
}

// --- weeks, months, years relative to publication ---------------------------

// relPeriod: [modifier] (الأسبوع|الشهر|العام|السنة) qualifier, هذا الشهر,
// العام قبل الماضي.
func (s *scan) relPeriod(i int) (match, bool) {
	r := s.r
	if !s.hasPub || s.tok(i).kind != tWord {
		return match{}, false
	}
	j := i
	if s.tok(j).in(r.modifiers, true) {
		j++
	}
	t := s.tok(j)
	if t.kind != tWord || (j > i && t.clitic != "") {
		return match{}, false
	}
	var u unit
	q := 0
	if t.has(r.this) {
		n := s.tok(j + 1)
		if n.kind != tWord || n.clitic != "" || n.unit() == 0 {
			return match{}, false
		}
		u, j = n.unit(), j+2
	} else if u = t.unit(); u != 0 {
		n := s.tok(j + 1)
		// After a modifier ("مطلع"، "نهاية") a month or a year with no
		// qualifier is the current one; a bare week is any week.
		bare := j > i && u != unitWeek
		switch {
		case u == unitYear && n.is(r.before) && s.tok(j+2).kind == tWord && s.tok(j+2).clitic == "" && qualIs(s.tok(j+2), -1):
			q, j = -2, j+3
		case n.kind == tWord && n.clitic == "":
			qq, ok := n.qual()
			if !ok {
				if bare && !strings.HasPrefix(s.text[n.start:n.end], "ال") {
					// "في مطلع الشهر بين البلدين": with a modifier and
					// no qualifier, the current one ("مطلع الشهر
					// الكريم" names another month).
					q, j = 0, j+1
					break
				}
				return match{}, false
			}
			q, j = qq, j+2
		default:
			if bare && n.kind == tPunct {
				// "منذ مطلع العام،" ("عطلة نهاية الأسبوع" is any
				// weekend; "نهاية العام 2014" is that year's).
				q, j = 0, j+1
				break
			}
			return match{}, false
		}
	} else {
		return match{}, false
	}
	y, m, _ := s.pub.Date()
	switch u {
	case unitWeek:
		t := s.pub.AddDate(0, 0, 7*q)
		return one(i, j, monthDate(t.Year(), int(t.Month())), KindRelativeWeek)
	case unitMonth:
		return one(i, j, monthDate(y, int(m)+q), KindRelativeMonth)
	}
	return one(i, j, yearDate(y+q), KindRelativeYear)
}

// ago: (قبل|منذ) (يوم|يومين|N أيام|أسبوع|...).
func (s *scan) ago(i int) (match, bool) {
	r := s.r
	t := s.tok(i)
	if !s.hasPub || !t.in(r.agoWords, true) {
		return match{}, false
	}
	j := i + 1
	u := s.tok(j)
	var n int
	var un unit
	if au, ok := u.agoUnit(); ok && u.kind == tWord && u.clitic == "" && au.count > 0 {
		n, un, j = au.count, au.unit, j+1
		if au.count == 1 {
			// "منذ عام 2016", "قبل يوم الجمعة", "قبل شهر رمضان": not "ago"
			nx := s.tok(j)
			if nx.kind == tNum {
				return match{}, false
			}
			if _, wd := s.weekdayAt(j, false); wd || nx.is(r.yesterdayW) || (nx.kind == tWord && nx.has(r.monthFirst)) {
				return match{}, false
			}
		}
	} else {
		switch {
		case u.kind == tNum && u.ndig <= 3 && u.num >= 1:
			n = u.num
		case u.kind == tWord && u.clitic == "" && u.numWord() > 0:
			n = u.numWord()
		default:
			return match{}, false
		}
		p := s.tok(j + 1)
		au, ok := p.agoUnit()
		if !ok || p.kind != tWord || p.clitic != "" || au.count != 0 {
			return match{}, false
		}
		un, j = au.unit, j+2
	}
	if s.tok(j).is(r.from) { // "قبل يومين من الاجتماع": before another event
		return match{}, false
	}
	y, m, _ := s.pub.Date()
	switch un {
	case unitDay:
		return one(i, j, DayOf(s.pub.AddDate(0, 0, -n)), KindRelativeDay)
	case unitWeek:
		t := s.pub.AddDate(0, 0, -7*n)
		return one(i, j, monthDate(t.Year(), int(t.Month())), KindRelativeWeek)
	case unitMonth:
		return one(i, j, monthDate(y, int(m)-n), KindRelativeMonth)
	}
	return one(i, j, yearDate(y-n), KindRelativeYear)
}

// --- years -------------------------------------------------------------------

// year: [modifier] [عام|سنة|...] YYYY [م] (و YYYY [م])*, or YYYY after a
// preposition, or YYYY م.
func (s *scan) year(i int) (match, bool) {
	r := s.r
	j := i
	cue := false
	if s.tok(j).in(r.modifiers, true) {
		j, cue = j+1, true
	}
	if n := s.tok(j); n.in(r.yearNouns, j == i) {
		j, cue = j+1, true
	}
	if !isGregYear(s.tok(j)) {
		return match{}, false
	}
	if cue {
		// "عام 2025/03/04" is a full date
		if m, ok := s.numeric(j); ok {
			m.head.from = i
			return m, true
		}
	}
	k := j + 1
	mark := s.tok(k).in(r.gregMarks, false)
	if !cue && !mark && !s.tok(i-1).in(r.preps, true) {
		return match{}, false
	}
	if s.unitAfter(k) {
		return match{}, false
	}
	if mark {
		k++
	}
	m := match{head: part{i, k, yearDate(s.tok(j).num), KindYear}}
	for {
		c := s.tok(k)
		conn := (c.kind == tWord && c.clitic == "" && c.has(r.connectors)) || c.punct("-", "–", "/")
		y := s.tok(k + 1)
		if !conn || !isGregYear(y) || s.unitAfter(k+2) {
			break
		}
		e := k + 2
		if s.tok(e).in(r.gregMarks, false) {
			e++
		}
		m.tail = append(m.tail, part{k + 1, e, yearDate(y.num), KindYear})
		k = e
	}
	m.next = k
	return m, true
}

// unitAfter reports whether token k makes the number before it a count:
// "2016 دولار", "2000 عام".
func (s *scan) unitAfter(k int) bool { return s.tok(k).in(s.r.unitBlock, false) }

// --- explicit dates ----------------------------------------------------------

// explicit: [[cue] weekday [،]] [(] date [)], or يوم date.
func (s *scan) explicit(i int) (match, bool) {
	r := s.r
	j := i
	lead := false
	k := s.cueAt(i, true)
	if _, ok := s.weekdayAt(k, k == i); ok {
		k++
		if s.tok(k).punct("،", ",", "-", "–") {
			k++
		}
		j, lead = k, true
	} else if k == i+1 && s.tok(i).in(r.dayCues, true) { // "يوم 31 مارس", "يومي 4 و5 مارس"
		j, lead = k, true
	}
	paren := false
	if lead && s.tok(j).punct("(") {
		j, paren = j+1, true
	}
	m, ok := s.dateCore(j, lead)
	if !ok {
		return match{}, false
	}
	if paren && s.tok(m.next).punct(")") {
		m.next++
		m.last().to = m.next
	}
	m.head.from = i
	return m, true
}

// dateCore tries the date forms at j and returns the longest.
func (s *scan) dateCore(j int, lead bool) (match, bool) {
	var best match
	found := false
	try := func(m match, ok bool) {
		if ok && (!found || m.next > best.next) {
			best, found = m, true
		}
	}
	t := s.tok(j)
	if t.kind == tNum {
		try(s.numeric(j))
	}
	try(s.gregDay(j))
	try(s.hijriDate(j, lead))
	if !lead {
		try(s.gregMonth(j))
	}
	return best, found
}

// numeric: 2025/03/04, 2025-03-04, 04/03/2025, 04-03-2025, 04.03.2025,
// and Hijri 19/6/1436هـ (also spaced: "19 / 6 / 1436 هـ").
func (s *scan) numeric(j int) (match, bool) {
	a, s1, b, s2, c := s.tok(j), s.tok(j+1), s.tok(j+2), s.tok(j+3), s.tok(j+4)
	if m, ok := s.numericHijri(j); ok {
		return m, true
	}
	if a.kind != tNum || b.kind != tNum || c.kind != tNum || !s1.punct("/", "-", ".") ||
		s2.kind != tPunct || s2.norm != s1.norm || s1.space || b.space || s2.space || c.space {
		return match{}, false
	}
	if n := s.tok(j + 5); n.kind == tPunct && n.norm == s1.norm && !n.space && s.tok(j+6).kind == tNum && !s.tok(j+6).space {
		return match{}, false // 1.2.2025.4: a longer sequence
	}
	if p := s.tok(j - 1); p.kind == tPunct && !a.space && (p.norm == s1.norm) && s.tok(j-2).kind == tNum {
		return match{}, false
	}
	y, m, d, ok := ymd(a, b, c)
	if !ok {
		return match{}, false
	}
	if y < 1900 || y > 2100 || !validDay(y, m, d) {
		return match{}, false
	}
	k := j + 5
	if s.tok(k).in(s.r.gregMarks, false) {
		k++
	}
	return one(j, k, Date{Year: y, Month: m, Day: d, Precision: Day}, KindExplicit)
}

// ymd reads numbers a, b, c as YYYY/M/D or D/M/YYYY.
func ymd(a, b, c *token) (y, m, d int, ok bool) {
	switch {
	case a.ndig == 4 && b.ndig <= 2 && c.ndig <= 2:
		return a.num, b.num, c.num, true
	case c.ndig == 4 && a.ndig <= 2 && b.ndig <= 2:
		return c.num, b.num, a.num, true
	}
	return 0, 0, 0, false
}

// numericHijri: D/M/YYYY هـ or YYYY/M/D هـ, the year 1300..1600 and the
// Hijri mark required (it is what tells the calendar).
func (s *scan) numericHijri(j int) (match, bool) {
	a, s1, b, s2, c := s.tok(j), s.tok(j+1), s.tok(j+2), s.tok(j+3), s.tok(j+4)
	if a.kind != tNum || b.kind != tNum || c.kind != tNum || !s1.punct("/", "-") || s2.kind != tPunct || s2.norm != s1.norm {
		return match{}, false
	}
	y, m, d, ok := ymd(a, b, c)
	if !ok {
		return match{}, false
	}
	k := j + 5
	if y < 1300 || y > 1600 || m < 1 || m > 12 || d < 1 || d > 30 || !s.tok(k).in(s.r.hijriMarks, false) ||
		s.tok(k+1).in(s.r.solar, false) { // "19/6/1388 هجري شمسي": the Iranian calendar, as in hijriYear
		return match{}, false
	}
	g := HijriToGregorian(y, m, d)
	return one(j, k+1, Date{Year: g.Year(), Month: int(g.Month()), Day: g.Day(), Precision: Day}, KindHijri)
}

// dayRef is a day number and its token.
type dayRef struct{ tok, day int }

// maxDays bounds a list of days ("4 و5 و6 مارس"), keeping Find linear.
const maxDays = 8

// dayList: D ((و|إلى|حتى|أو|-) D)*, at most maxDays days, into buf.
func (s *scan) dayList(j int, buf *[maxDays]dayRef) ([]dayRef, int, bool) {
	t := s.tok(j)
	if !isDay(t) {
		return nil, j, false
	}
	buf[0] = dayRef{j, t.num}
	days := buf[:1]
	k := j + 1
	for len(days) < maxDays {
		c := s.tok(k)
		conn := (c.kind == tWord && c.clitic == "" && c.has(s.r.connectors)) || c.punct("-", "–")
		if !conn || !isDay(s.tok(k+1)) {
			break
		}
		days = append(days, dayRef{k + 1, s.tok(k + 1).num})
		k += 2
	}
	return days, k, true
}

// ordinal: الأول .. العاشر, الحادي عشر .. التاسع عشر, العشرين, الحادي
// والعشرين .. التاسع والعشرين, الثلاثين, الحادي والثلاثين.
func (s *scan) ordinal(j int) (int, int, bool) {
	r := s.r
	t := s.tok(j)
	if t.kind != tWord { // a proclitic is allowed: "والحادي والعشرين من أيار"
		return 0, j, false
	}
	if v, ok := t.tens(); ok && !s.tok(j-1).in(r.ordinalBlock, true) {
		return v, j + 1, true
	}
	u, ok := t.ordinal()
	if !ok || s.tok(j-1).in(r.ordinalBlock, true) { // "النصف الثاني من رمضان"
		return 0, j, false
	}
	n := s.tok(j + 1)
	if u <= 9 && n.is(r.ten) {
		return 10 + u, j + 2, true
	}
	if v, _ := n.tens(); u <= 9 && n.kind == tWord && n.clitic == "و" && v > 0 && v+u <= 31 {
		return v + u, j + 2, true
	}
	if n2 := s.tok(j + 2); u <= 9 && n.kind == tWord && n.norm == "و" && n2.kind == tWord && n2.clitic == "" {
		if v, _ := n2.tens(); v > 0 && v+u <= 31 {
			return v + u, j + 3, true
		}
	}
	if t.base == r.hadi {
		return 0, j, false
	}
	return u, j + 1, true
}

// monthName matches one of names at k, with no proclitic.
func (s *scan) monthName(k int, names []monthName) (monthName, int, bool) {
	return s.monthNameC(k, names, false)
}

// monthNameC matches one of names at k, with a proclitic on the first word
// when clitic is true ("ونونبر 2019").
func (s *scan) monthNameC(k int, names []monthName, clitic bool) (monthName, int, bool) {
	t := s.tok(k)
	if t.kind != tWord || (t.clitic != "" && !clitic) || !t.has(s.r.monthFirst) {
		return monthName{}, k, false
	}
	for _, m := range names {
		ok := true
		for x, w := range m.words {
			if t := s.tok(k + x); t.kind != tWord || (t.clitic != "" && x > 0) || t.base != w {
				ok = false
				break
			}
		}
		if ok {
			return m, k + len(m.words), true
		}
	}
	return monthName{}, k, false
}

// monthPhrase: a Gregorian month name, possibly doubled: "آذار/مارس",
// "مارس (آذار)", "شباط - فبراير".
func (s *scan) monthPhrase(k int, clitic bool) (month int, weak bool, next int, ok bool) {
	m, k2, ok := s.monthNameC(k, s.r.greg, clitic)
	if !ok {
		return 0, false, k, false
	}
	weak = m.weak
	p := s.tok(k2)
	switch {
	case p.punct("/", "-", "–", "\\"):
		if m2, k3, ok := s.monthName(k2+1, s.r.greg); ok && m2.month == m.month {
			k2, weak = k3, false
		}
	case p.punct("("):
		if m2, k3, ok := s.monthName(k2+1, s.r.greg); ok && m2.month == m.month && s.tok(k3).punct(")") {
			k2, weak = k3+1, false
		}
	default: // "ديسمبر كانون الأول 2016"
		if m2, k3, ok := s.monthName(k2, s.r.greg); ok && m2.month == m.month {
			k2, weak = k3, false
		}
	}
	return m.month, weak, k2, true
}

// yearSpec is what follows a month name.
type yearSpec struct {
	kind int // ypNone, ypYear, ypMonthRel, ypYearRel
	year int
	q    int
}

const (
	ypNone     = iota
	ypYear     // مارس 2025
	ypMonthRel // مارس الماضي
	ypYearRel  // مارس من العام الماضي
)

// yearPart: YYYY [م] | الماضي/الجاري/المقبل | من (العام|عام|السنة) (YYYY|qualifier) |
// من هذا العام.
func (s *scan) yearPart(k int) (yearSpec, int) {
	r := s.r
	t := s.tok(k)
	if isGregYear(t) && !s.unitAfter(k+1) {
		k++
		if s.tok(k).in(r.gregMarks, false) {
			k++
		}
		return yearSpec{kind: ypYear, year: t.num}, k
	}
	if t.kind != tWord || t.clitic != "" {
		return yearSpec{}, k
	}
	if q, ok := t.qual(); ok {
		return yearSpec{kind: ypMonthRel, q: q}, k + 1
	}
	if t.base != r.from {
		return yearSpec{}, k
	}
	n, n2 := s.tok(k+1), s.tok(k+2)
	switch {
	case n.in(r.yearNouns, false) && isGregYear(n2):
		e := k + 3
		if s.tok(e).in(r.gregMarks, false) {
			e++
		}
		return yearSpec{kind: ypYear, year: n2.num}, e
	case n.kind == tWord && n.clitic == "" && n.unit() == unitYear && n2.kind == tWord && n2.clitic == "":
		if q, ok := n2.qual(); ok {
			return yearSpec{kind: ypYearRel, q: q}, k + 3
		}
		if o, ok := n2.anaphora(); ok && o == 0 { // من العام نفسه
			if y, ok := s.sameYear(); ok {
				return yearSpec{kind: ypYear, year: y}, k + 3
			}
		}
	case n.in(r.sameWords, false) && n2.kind == tWord && n2.clitic == "" && n2.unit() == unitYear: // من نفس العام
		if y, ok := s.sameYear(); ok {
			return yearSpec{kind: ypYear, year: y}, k + 3
		}
	case n.in(r.this, false) && n2.kind == tWord && n2.clitic == "" && n2.unit() == unitYear:
		return yearSpec{kind: ypYearRel}, k + 3
	}
	return yearSpec{}, k
}

// gregDay: days [من] [شهر] month [year], ordinal من [شهر] month [year],
// days/ordinal من (الشهر qualifier | هذا الشهر).
func (s *scan) gregDay(j int) (match, bool) {
	r := s.r
	var buf [maxDays]dayRef
	days, k, ok := s.dayList(j, &buf)
	hasFrom := false
	if !ok {
		d, k2, ok := s.ordinal(j)
		if !ok || !s.tok(k2).is(r.from) {
			return match{}, false
		}
		buf[0] = dayRef{j, d}
		days, k, hasFrom = buf[:1], k2+1, true
	} else if s.tok(k).is(r.from) {
		k, hasFrom = k+1, true
	}
	kk := k
	if s.tok(kk).is(r.shahr) {
		kk++
	}
	if mon, _, k3, ok := s.monthPhrase(kk, false); ok {
		yp, end := s.yearPart(k3)
		return s.dayParts(j, end, days, func(day int) (Date, bool) { return s.resolveDay(mon, day, yp) })
	}
	if !hasFrom && s.hasPub {
		// "في 29 الحالي"، "يوم 3 الجاري": a day of the current month.
		if n := s.tok(k); n.kind == tWord && n.clitic == "" {
			if q, ok := n.qual(); ok && q == 0 {
				return s.dayParts(j, k+1, days, dayIn(monthDate(s.pub.Year(), int(s.pub.Month()))))
			}
		}
	}
	if !hasFrom || !s.hasPub {
		return match{}, false
	}
	// "الرابع من الشهر الجاري", "4 من هذا الشهر", "26 من الشهر ذاته"
	t, n := s.tok(k), s.tok(k+1)
	if n.kind != tWord || n.clitic != "" {
		return match{}, false
	}
	var md Date
	q, isQual := n.qual()
	o, isAna := n.anaphora()
	switch {
	case t.is(r.theMonth) && isQual:
		md = monthDate(s.pub.Year(), int(s.pub.Month())+q)
	case t.in(r.this, false) && n.is(r.theMonth):
		md = monthDate(s.pub.Year(), int(s.pub.Month()))
	case t.is(r.theMonth) && isAna && o == 0, t.in(r.sameWords, false) && n.is(r.theMonth):
		// the month of the preceding Expr
		if len(s.out) == 0 || s.last.Precision == Year {
			return match{}, false
		}
		md = monthDate(s.last.Year, s.last.Month)
	default:
		return match{}, false
	}
	return s.dayParts(j, k+2, days, dayIn(md))
}

// dayIn resolves a day number in month md, if the month has that day.
func dayIn(md Date) func(day int) (Date, bool) {
	return func(day int) (Date, bool) {
		if !validDay(md.Year, md.Month, day) {
			return Date{}, false
		}
		return Date{Year: md.Year, Month: md.Month, Day: day, Precision: Day}, true
	}
}

// dayParts makes one part per day: the first from j, the last to end.
func (s *scan) dayParts(j, end int, days []dayRef, resolve func(day int) (Date, bool)) (match, bool) {
	m := match{next: end}
	if len(days) > 1 {
		m.tail = make([]part, len(days)-1)
	}
	for x, d := range days {
		date, ok := resolve(d.day)
		if !ok {
			return match{}, false
		}
		from, to := d.tok, d.tok+1
		if x == 0 {
			from = j
		}
		if x == len(days)-1 {
			to = end
		}
		if x == 0 {
			m.head = part{from, to, date, KindExplicit}
		} else {
			m.tail[x-1] = part{from, to, date, KindExplicit}
		}
	}
	return m, true
}

// resolveDay dates day/month with what followed the month.
func (s *scan) resolveDay(mon, day int, yp yearSpec) (Date, bool) {
	mk := func(y int) (Date, bool) {
		if !validDay(y, mon, day) {
			return Date{}, false
		}
		return Date{Year: y, Month: mon, Day: day, Precision: Day}, true
	}
	if yp.kind == ypYear {
		return mk(yp.year)
	}
	if !s.hasPub {
		return Date{}, false
	}
	py := s.pub.Year()
	switch {
	case yp.kind == ypYearRel:
		return mk(py + yp.q)
	case yp.kind == ypMonthRel && yp.q == 0:
		return mk(py)
	case yp.kind == ypMonthRel && yp.q > 0:
		for y := py; y <= py+4; y++ {
			if validDay(y, mon, day) && !civil(y, mon, day).Before(s.pub) {
				return mk(y)
			}
		}
	case yp.kind == ypMonthRel:
		for y := py; y >= py-4; y-- {
			if validDay(y, mon, day) && !civil(y, mon, day).After(s.pub) {
				return mk(y)
			}
		}
	default:
		lim := s.horizon()
		for y := py + 1; y >= py-4; y-- {
			if validDay(y, mon, day) && !civil(y, mon, day).After(lim) {
				return mk(y)
			}
		}
	}
	return Date{}, false
}

// gregMonth: [modifier] [شهر] month (year | qualifier | nothing after a cue).
func (s *scan) gregMonth(j int) (match, bool) {
	r := s.r
	k := j
	cue := false
	if s.tok(k).in(r.modifiers, true) {
		k, cue = k+1, true
	}
	shahr := false
	if t := s.tok(k); t.kind == tWord && t.base == r.shahr && (k == j || t.clitic == "") {
		k, shahr = k+1, true
	}
	mon, weak, k2, ok := s.monthPhrase(k, k == j)
	if !ok {
		return match{}, false
	}
	yp, end := s.yearPart(k2)
	if yp.kind == ypNone {
		if !cue && !shahr && !s.monthCue(j) {
			return match{}, false
		}
		if weak && !shahr {
			return match{}, false
		}
	}
	var y int
	switch yp.kind {
	case ypYear:
		y = yp.year
	case ypYearRel:
		if !s.hasPub {
			return match{}, false
		}
		y = s.pub.Year() + yp.q
	default:
		if !s.hasPub {
			return match{}, false
		}
		py, pm := s.pub.Year(), int(s.pub.Month())
		switch {
		case yp.kind == ypMonthRel && yp.q < 0:
			y = py
			if mon >= pm {
				y--
			}
		case yp.kind == ypMonthRel && yp.q > 0:
			y = py
			if mon <= pm {
				y++
			}
		case yp.kind == ypMonthRel:
			y = py
		default:
			lim := s.horizon()
			for y = py + 1; civil(y, mon, 1).After(lim); y-- {
			}
		}
	}
	return one(j, end, monthDate(y, mon), KindExplicit)
}

// monthCue reports whether the month name at j follows a preposition: في،
// خلال، منذ، حتى، قبل، بعد، طيلة، طوال، إلى, or من after اعتبارا/ابتداء/بدءا/
// انطلاقا (a bare "من مارس" is too often "whoever practised").
func (s *scan) monthCue(j int) bool {
	p := s.tok(j - 1)
	if p.in(s.r.preps, true) {
		return true
	}
	return p.is(s.r.from) && s.tok(j-2).in(s.r.fromLeads, true)
}

// --- Hijri -------------------------------------------------------------------

// hijriYear: YYYY (1300..1600) [هـ].
func (s *scan) hijriYear(k int) (int, int) {
	t := s.tok(k)
	if !isHijriYear(t) {
		return 0, k
	}
	k++
	if s.tok(k).in(s.r.hijriMarks, false) {
		k++
		if s.tok(k).in(s.r.solar, false) { // "1388 هجري شمسي": the Iranian calendar
			return 0, k
		}
	}
	return t.num, k
}

// hijriDate: (D|ordinal من) [من] [شهر] month [YYYY [هـ]], [شهر] month YYYY
// [هـ], [عام] YYYY هـ.
func (s *scan) hijriDate(j int, lead bool) (match, bool) {
	r := s.r
	day, k, hasDay := 0, j, false
	if t := s.tok(j); isDay(t) {
		day, k, hasDay = t.num, j+1, true
		if s.tok(k).is(r.from) {
			k++
		}
	} else if d, k2, ok := s.ordinal(j); ok && s.tok(k2).is(r.from) {
		day, k, hasDay = d, k2+1, true
	}
	if hasDay {
		kk := k
		if s.tok(kk).is(r.shahr) {
			kk++
		}
		m, k2, ok := s.monthName(kk, r.hijri)
		if !ok || day > 30 {
			return match{}, false
		}
		hy, end := s.hijriYear(k2)
		if end == k2 && s.tok(k2).kind == tNum { // a year out of range, or solar
			return match{}, false
		}
		var g time.Time
		switch {
		case hy != 0:
			g = HijriToGregorian(hy, m.month, day)
		case m.needY:
			return match{}, false
		case (s.tok(j-1).is(r.agreeing) || (s.tok(j-1).in(r.liWords, false) && s.tok(j-2).is(r.agreeing))) &&
			len(s.out) > 0 && s.last.Precision == Day:
			// "6 أغسطس 2012، الموافق 17 رمضان": the day the previous Expr names
			g = hijriNear(s.last.Time(), m.month, day)
		case !s.hasPub:
			return match{}, false
		default:
			q, hasQ := 0, false
			if n := s.tok(end); n.kind == tWord && n.clitic == "" {
				q, hasQ = n.qual()
			}
			switch {
			case hasQ && q < 0: // الماضي: the latest on or before pub
				g = s.hijriBefore(m.month, day)
			case hasQ && q > 0: // المقبل: the first on or after pub
				g = s.hijriBefore(m.month, day)
				if g.Before(s.pub) {
					hy, _, _ := GregorianToHijri(g)
					g = HijriToGregorian(hy+1, m.month, day)
				}
			case hasQ: // الجاري: this Hijri year
				hy, _, _ := GregorianToHijri(s.pub)
				g = HijriToGregorian(hy, m.month, day)
			default:
				g = s.hijriNearest(m.month, day)
			}
			if hasQ {
				end++
			}
		}
		return one(j, end, DayOf(g), KindHijri)
	}
	if lead {
		return match{}, false
	}
	k = j
	if t := s.tok(k); t.kind == tWord && t.base == r.shahr {
		k++
	}
	if m, k2, ok := s.monthName(k, r.hijri); ok {
		hy, end := s.hijriYear(k2)
		if hy == 0 {
			return match{}, false
		}
		g := HijriToGregorian(hy, m.month, 15)
		return one(j, end, monthDate(g.Year(), int(g.Month())), KindHijri)
	}
	k = j
	if s.tok(k).in(r.yearNouns, true) {
		k++
	}
	if t := s.tok(k); isHijriYear(t) && s.tok(k+1).in(r.hijriMarks, false) && !s.tok(k+2).in(r.solar, false) {
		g := HijriToGregorian(t.num, 7, 1)
		return one(j, k+2, yearDate(g.Year()), KindHijri)
	}
	return match{}, false
}

// hijriNearest dates a Hijri day and month without a year: the latest such
// day at most two months after publication.
func (s *scan) hijriNearest(month, day int) time.Time {
	return hijriOnOrBefore(s.horizon(), month, day)
}

// hijriBefore is the latest such Hijri day on or before publication.
func (s *scan) hijriBefore(month, day int) time.Time {
	return hijriOnOrBefore(s.pub, month, day)
}

// hijriOnOrBefore returns the latest Hijri month/day on or before lim.
func hijriOnOrBefore(lim time.Time, month, day int) time.Time {
	hy, _, _ := GregorianToHijri(lim)
	for y := hy + 1; ; y-- {
		if g := HijriToGregorian(y, month, day); !g.After(lim) {
			return g
		}
	}
}

// hijriNear returns the Hijri month/day closest to ref.
func hijriNear(ref time.Time, month, day int) time.Time {
	hy, _, _ := GregorianToHijri(ref)
	best := HijriToGregorian(hy, month, day)
	for _, y := range []int{hy - 1, hy + 1} {
		g := HijriToGregorian(y, month, day)
		if absDur(g.Sub(ref)) < absDur(best.Sub(ref)) {
			best = g
		}
	}
	return best
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}
