package coder

import (
	"strings"
	"time"

	"rasid/arabic"
	"rasid/lexicon"
	"rasid/timex"
)

// Words that, before a trigger, say the act did not or will not happen.
var (
	negators   = []string{"لم", "لن", "ليس", "ليست", "عدم", "دون", "بدون", "لا"}
	deniers    = []string{"نفي", "نفت", "ينفي", "تنفي", "نفيه", "كذب", "كذبت", "نفوا", "نفيا"}
	conditions = []string{"اذا", "لو", "حال", "حاله", "لولا", "شريطه", "شرط"}
	schedulers = []string{"المقرر", "المنتظر", "المتوقع", "المزمع", "يعتزم", "تعتزم", "سوف", "يرتقب", "مرتقب", "مرتقبه", "المرتقب", "المرتقبه", "سيقوم", "ستقوم", "يتوقع", "ينتظر"}
	rumours    = []string{"ترددت", "شائعات", "اشاعات", "يشاع"}
	// Words before an assault noun that refer back to a known act rather
	// than report one ("منذ اغتيال الحريري"، "جريمة اغتيال").
	references = []string{"منذ", "ذكري", "قضيه", "جريمه", "ملف", "محاكمه", "المحكمه", "التحقيق", "لتخطيط", "تخطيط", "تمهيدا", "لتدبير", "تدبير", "خطه"}
	contents   = []string{"ينص", "تنص", "يتضمن", "تتضمن", "يقضي", "تقضي", "ينصان", "ويشمل", "تشمل"}
)

// blockWords holds every word the clause loop of blocked looks for. That
// loop runs over the words before each trigger, most of which are none of
// them: a filter says so for most words, far more cheaply than comparing
// each reading with each word of each list.
var blockWords = newWordFilter(deniers, conditions, rumours, contents, schedulers, []string{"يمكن", "ربما", "قد"})

// wordFilter is a filter of a few words (a Bloom filter of one hash):
// mayHave is false for most other words.
type wordFilter [4]uint64

func wordBit(w string) uint32 {
	n := len(w)
	x := uint32(n) | uint32(w[n-1])<<8 | uint32(w[min(1, n-1)])<<16 | uint32(w[min(3, n-1)])<<24
	return (x * 0x9E3779B1) >> 24
}

func newWordFilter(lists ...[]string) (f wordFilter) {
	for _, list := range lists {
		for _, w := range list {
			f.add(w)
		}
	}
	return f
}

func (f *wordFilter) add(w string) {
	if w != "" {
		h := wordBit(w)
		f[h>>6] |= 1 << (h & 63)
	}
}

// mayHave reports whether some reading of token i may be one of f's words.
func (f *wordFilter) mayHave(d *lexicon.Doc, i int) bool {
	for _, c := range d.Candidates(i) {
		if c.Form != "" {
			if h := wordBit(c.Form); f[h>>6]&(1<<(h&63)) != 0 {
				return true
			}
		}
	}
	return false
}

// blocked reports whether trigger t reports no act: negated, denied,
// conditional, scheduled, rumoured or asked.
func (c *Coder) blocked(a *article, t trigger) bool {
	sn := a.sents[t.sent]
	text := strings.TrimRight(a.text[sn.Start:sn.End], " »\"')")
	if strings.HasSuffix(text, "؟") || strings.HasSuffix(text, "?") {
		return true
	}
	d := a.d
	// Negation right before the trigger: "لم يوقع"، "عدم توقيع".
	for back := 1; back <= 2; back++ {
		i := t.Start - back
		if i < 0 || a.sentOf[i] != t.sent || d.Tokens[i].Kind != arabic.Word {
			break
		}
		if hasForm(d, i, negators...) {
			return true
		}
	}
	if t.Phrase.Code[:2] >= "14" && t.Start > 0 && hasForm(d, t.Start-1, "وقف", "لوقف", "انهاء", "لانهاء", "منع", "لمنع", "تجنب", "لتجنب") {
		// "إقناع الطرفين بوقف القتال": the fighting to be stopped is not
		// reported here.
		return true
	}
	if t.Phrase.Code[:2] >= "18" {
		for back := 1; back <= 3; back++ {
			i := t.Start - back
			if i < 0 || a.sentOf[i] != t.sent {
				break
			}
			if hasForm(d, i, references...) {
				return true
			}
		}
	}
	if (t.Phrase.Code[:2] >= "18" || t.Phrase.Code[:2] == "14") && !t.Phrase.Verb && !occurrence(a, t) {
		// An assault noun with nothing that says it happened (a time, a
		// place, casualties) names a kind of act, not an act.
		return true
	}
	if t.Phrase.Code[:2] >= "14" && quoted(a, t) {
		// "ارتكبت «إبادة جماعية»": a label someone used, not a report.
		return true
	}
	threat := t.Phrase.Code[:2] == "13"
	sentStart := max(a.sentTok[t.sent][0], t.Start-window)
	// Terms, schedules and rumours govern their own clause only: after a
	// comma ("…، وذلك خلال زيارة") the act is told as real again.
	clauseStart := sentStart
	for i := t.Start - 1; i >= sentStart; i-- {
		if isComma(a, i) {
			clauseStart = i + 1
			break
		}
	}
	for i := sentStart; i < t.Start; i++ {
		if d.Tokens[i].Kind != arabic.Word || a.mentionAt[i] >= 0 || !blockWords.mayHave(d, i) {
			continue
		}
		inClause := i >= clauseStart
		switch {
		case hasForm(d, i, deniers...):
			return true
		case !threat && hasForm(d, i, conditions...):
			return true
		case inClause && hasForm(d, i, rumours...):
			return true
		case hasForm(d, i, contents...) && !clauseBreak(a, i, t.Start):
			// "وينص الاتفاق على ...، والإفراج عن": terms, not acts, to the
			// end of the enumeration.
			return true
		case inClause && hasForm(d, i, schedulers...):
			return true
		case isWord(d, i, "يمكن", "ربما") && t.Start-i <= 2:
			return true
		case isWord(d, i, "قد") && t.Start-i <= 2 && presentTense(d.Tokens[t.Start].Norm):
			// "قد يلتقي" may meet; "قد التقيا" had met.
			return true
		}
	}
	// "زيارة مرتقبة"، "الزيارة المقبلة": announced, not made.
	for i := t.End; i < t.End+1 && i < len(d.Tokens) && a.sentOf[i] == t.sent; i++ {
		if hasForm(d, i, "مرتقبه", "المرتقبه", "مرتقب", "المرتقب", "المقبله", "المقبل", "القادمه", "القادم", "المرتقبين") {
			return true
		}
	}
	return false
}

// quoted reports whether the trigger is the whole of a «…» quotation.
func quoted(a *article, t trigger) bool {
	d := a.d
	return t.Start > 0 && t.End < len(d.Tokens) && d.Tokens[t.Start-1].Norm == "«" && d.Tokens[t.End].Norm == "»"
}

// clauseBreak reports whether a clause boundary other than أن, or "وذلك",
// lies in tokens (from, to).
func clauseBreak(a *article, from, to int) bool {
	for i := from + 1; i < to; i++ {
		if isWord(a.d, i, "ان", "بان") {
			continue
		}
		if isBoundary(a, i) || hasForm(a.d, i, "ذلك") {
			return true
		}
	}
	return false
}

// harmWords report people killed or hurt.
var harmWords = []string{"قتل", "قتلوا", "قتلا", "مقتل", "قتلي", "قتيل", "قتيلا", "جرحي", "جريح", "جرح", "اصابه", "اصيب", "اصيبوا",
	"مصرع", "مصرعهم", "لقي", "لقوا", "ضحايا"}

// casualties say that an act of violence or a protest took place.
var casualties = append(append([]string{}, harmWords...),
	"اسفر", "اسفرت", "اودي", "سقط", "سقطت", "انفجرت", "انفجر", "دمر", "دمرت", "استهدف", "استهدفت", "استهدفا", "استهدفتا",
	// and the verbs of a protest taking place
	"خرج", "خرجت", "تجمع", "تجمعوا", "احتشد", "احتشدوا", "اندلعت", "نظم", "نظمت", "شارك", "شاركوا", "هتف", "هتفوا", "رفع", "رفعوا", "عمت", "جابت")

// casualtyWords filters casualties for occurrence, which looks for them
// around every assault or protest noun.
var casualtyWords = newWordFilter(casualties)

// occurrence reports whether the sentence of t says an act took place: a
// time expression, a place, or casualties.
func occurrence(a *article, t trigger) bool {
	from := max(a.sentTok[t.sent][0], t.Start-window)
	to := min(a.sentTok[t.sent][1], t.End+window)
	// "التفجيرات الانتحارية ظاهرة حديثة في أفغانستان": a definite plural
	// names a kind of act; a place alone does not make it happen.
	n := a.d.Tokens[t.Start].Norm
	generic := strings.HasPrefix(n, "ال") && strings.HasSuffix(n, "ات")
	for i := from; i < to; i++ {
		if k := a.mentionAt[i]; k >= 0 && a.mentions[k].Place && !generic {
			return true
		}
		if a.d.Tokens[i].Kind == arabic.Word && casualtyWords.mayHave(a.d, i) && hasForm(a.d, i, casualties...) {
			return true
		}
	}
	// The times last: the other tests may spare finding them.
	for _, ta := range a.timesBefore(to) {
		if ta.tok0 >= from && ta.tok0 < to {
			return true
		}
	}
	return false
}

// presentTense guesses from its prefix whether a verb is imperfect.
func presentTense(norm string) bool {
	for _, suf := range []string{"ت", "تا", "وا", "نا"} {
		if strings.HasSuffix(norm, suf) {
			return false // توصلتا، تفاهموا: past
		}
	}
	for _, p := range []string{"ي", "ت", "ن"} {
		if strings.HasPrefix(norm, p) {
			return true
		}
	}
	return false
}

// dateOf dates trigger k: a time expression of its own clause (after it,
// before the next act; or before it, after the previous act), else the
// nearest preceding one in the text that dates an occasion, else the
// publication day. It returns the index of the expression used, or -1.
func (c *Coder) dateOf(a *article, trigs []trigger, k int) (timex.Date, bool, int) {
	t := trigs[k]
	nextStart := len(a.d.Tokens)
	if k+1 < len(trigs) && trigs[k+1].sent == t.sent {
		nextStart = trigs[k+1].Start
	}
	prevEnd := -1
	if k > 0 && trigs[k-1].sent == t.sent {
		prevEnd = trigs[k-1].End
	}
	pick := -1
	// The expressions of t's sentence and before it, all the rules below
	// read but for a headline's.
	times := a.timesBefore(a.sentTok[t.sent][1])
	// A date after a verb belongs to it unless a relative clause or, for a
	// demand, rejection or intent, its complement comes between: those
	// dates are of what the act is about.
	for j, ta := range times {
		if a.sentOf[ta.tok0] != t.sent || ta.firstSince {
			continue
		}
		// A relative clause right after a noun is its own ("الغارة التي شنها
		// الجيش أمس"); one further on belongs to the complement ("تعليق
		// معاهدة … التي أبرمتها في 2002").
		if from := t.End + 2; t.Phrase.Verb {
			from = t.End
			if relativeBetween(a, from, ta.tok0) {
				continue
			}
		} else if relativeBetween(a, from, ta.tok0) {
			continue
		}
		if governs(t.Phrase.Code) && ta.tok0 > t.End && !isComma(a, ta.tok0-1) {
			continue
		}
		if ta.tok0 >= t.Start && ta.tok1 <= nextStart && ta.tok0-t.End <= 20 {
			pick = j
			break
		}
	}
	if pick < 0 {
		for j := len(times) - 1; j >= 0; j-- {
			ta := times[j]
			if a.sentOf[ta.tok0] == t.sent && ta.tok1 <= t.Start && ta.tok0 >= prevEnd && !ta.firstSince {
				pick = j
				break
			}
		}
	}
	if pick < 0 && t.sent == 0 && a.title {
		// A headline takes the date of the story it heads.
		times = a.timesBefore(len(a.d.Tokens))
		for j, ta := range times {
			if a.sentOf[ta.tok0] > 0 && !ta.since && !ta.background && !isHistorical(ta.expr.Date, a.published) {
				pick = j
				break
			}
		}
	}
	if pick < 0 {
		// The occasion the act belongs to: the nearest earlier date that
		// is neither a starting point, nor background, nor long past.
		for j := len(times) - 1; j >= 0; j-- {
			ta := times[j]
			if ta.tok1 <= t.Start && !ta.since && !ta.used && !ta.background && !ta.inRelative && !isHistorical(ta.expr.Date, a.published) {
				pick = j
				break
			}
		}
	}
	if pick < 0 {
		p := a.published
		return timex.Date{Year: p.Year(), Month: int(p.Month()), Day: p.Day(), Precision: timex.Day}, false, -1
	}
	d := times[pick].expr.Date
	return d, isHistorical(d, a.published), pick
}

// relativeBetween reports whether a relative pronoun lies in tokens
// [from, to): a date after it belongs to the relative clause.
func relativeBetween(a *article, from, to int) bool {
	for i := from; i < to; i++ {
		if isWord(a.d, i, "الذي", "التي", "الذين", "اللذين", "اللتين") {
			return true
		}
	}
	return false
}

// isHistorical reports whether date d ended more than historicalAfter
// before the publication day.
func isHistorical(d timex.Date, published time.Time) bool {
	var end time.Time
	switch d.Precision {
	case timex.Year:
		end = time.Date(d.Year, 12, 31, 0, 0, 0, 0, time.UTC)
	case timex.Month:
		end = time.Date(d.Year, time.Month(d.Month)+1, 0, 0, 0, 0, 0, time.UTC)
	default:
		end = time.Date(d.Year, time.Month(d.Month), d.Day, 0, 0, 0, 0, time.UTC)
	}
	return published.Sub(end) > historicalAfter
}

// governs reports whether the root of code makes the acts in its
// complement unreal: an appeal, demand, intent, rejection or threat for
// an act, or an accusation of one (GUIDE: the act alleged is not coded).
func governs(code string) bool {
	switch code[:2] {
	case "02", "03", "10", "12", "13":
		return true
	}
	return code == "112" || code == "115" || code == "016"
}

// governed reports whether trigger k lies in the complement of an earlier
// trigger of the same clause that governs it ("طالب بالإفراج عن"، "اتهمها
// بارتكاب مجازر").
func governed(a *article, trigs []trigger, k int) bool {
	t := trigs[k]
	for j := k - 1; j >= 0 && j >= k-8 && trigs[j].sent == t.sent; j-- {
		if !governs(trigs[j].Phrase.Code) {
			continue
		}
		free := false
		for i := trigs[j].End; i < t.Start; i++ {
			if isBoundary(a, i) || (t.Phrase.Verb && a.d.Tokens[i].Kind == arabic.Punct && a.d.Tokens[i].Norm == ",") {
				free = true
				break
			}
		}
		if !free {
			return true
		}
	}
	return false
}
