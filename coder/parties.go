// This file finds an act's parties: the clause a trigger governs, its
// subject and object among the actor mentions, coordination, duals,
// relative clauses, places and adjectives that stand for states.

package coder

import (
	"slices"
	"strings"

	"rasid"
	"rasid/arabic"
	"rasid/lexicon"
)

// firstActorAfter returns the first party-capable mention in tokens
// [from, to), or -1.
func (a *article) firstActorAfter(from, to int) int {
	for _, k := range actorIdx(a, from, to) {
		if !a.mentions[k].Place {
			return k
		}
	}
	return -1
}

// participleClause reports whether trigger t is an active participle
// (محمّلة، متهمة، مطالبة) opening a clause after a comma.
func participleClause(a *article, t trigger) bool {
	n := a.d.Tokens[t.Start].Norm
	return strings.HasPrefix(n, "م") && t.Start > 0 && isComma(a, t.Start-1)
}

// homePlace reports whether the sentence of t happens in a place of state
// code: "سيارة مفخخة في مقديشو" by a Somali group hits Somalia.
func homePlace(a *article, t trigger, code string) bool {
	for i := a.sentTok[t.sent][0]; i < a.sentTok[t.sent][1]; i++ {
		if k := a.mentionAt[i]; k >= 0 && a.mentions[k].Place && a.mentions[k].Code == code {
			return true
		}
	}
	return false
}

// isConjoined reports whether trigger t is a verb joined by و to what came
// before ("، واستدعت").
func isConjoined(a *article, t trigger) bool {
	n := a.d.Tokens[t.Start].Norm
	return strings.HasPrefix(n, "و") && t.Start > 0 && (isComma(a, t.Start-1) || a.d.Tokens[t.Start-1].Kind == arabic.Word)
}

// organAfter reports whether mention k is an organ of a state (not a
// place or adjective) named after trigger t.
func organAfter(a *article, t trigger, k int) bool {
	m := a.mentions[k]
	// Not an organ right after the verb, its subject ("اعتصم نواب
	// البرلمان العراقي"), unless named as the venue ("أمام مقر الحكومة").
	return stateRole[m.Role] && !m.Place && !m.AdjOnly && m.Tok0 > t.Start &&
		(m.Tok0 > t.End || hasForm(a.d, m.Tok0-1, protestVenues...) || hasForm(a.d, m.Tok0-2, protestVenues...))
}

// protestVenues are the words that place a protest at an organ's door.
var protestVenues = []string{"امام", "مقر", "داخل", "قرب", "مبني", "مباني", "محيط", "بوابه"}

// groupNouns and groupCounts name a group of parties told before: "القادة
// الثلاثة"، "الوزراء الأربعة"، "الدول الخمس".
var (
	groupNouns  = []string{"القاده", "الزعماء", "الرؤساء", "الوزراء", "المسؤولون", "المسؤولين", "الدول", "البلدان", "الاطراف"}
	groupCounts = map[string]int{"الثلاثه": 3, "الثلاث": 3, "الاربعه": 4, "الاربع": 4, "الخمسه": 5, "الخمس": 5, "السته": 6, "الست": 6}
)

// groupSubject returns how many parties a group noun with its number close
// to the trigger names ("واتفق القادة الثلاثة على"), with no actor named
// between them; 0 when there is none.
func groupSubject(a *article, t trigger, L, R int) int {
	count := func(i int) int {
		if !hasForm(a.d, i, groupNouns...) || i+1 >= len(a.d.Tokens) {
			return 0
		}
		return groupCounts[a.d.Tokens[i+1].Norm]
	}
	for i := t.Start; i < R && i < t.End+4; i++ {
		if a.mentionAt[i] >= 0 {
			break
		}
		if n := count(i); n > 0 {
			return n
		}
	}
	for i := t.Start - 1; i >= L && i >= t.Start-3; i-- {
		if a.mentionAt[i] >= 0 {
			break
		}
		if n := count(i); n > 0 {
			return n
		}
	}
	return 0
}

// agentVerbs name who carried out an attack right after its noun: "هجوم
// تبنته حركة الشباب".
var agentVerbs = []string{"تبنته", "تبنتها", "تبناه", "تبناها", "نفذته", "نفذتها", "نفذها", "نفذه", "شنته", "شنتها", "شنها", "شنه", "اطلقته", "اطلقتها", "تبنت", "تبني", "زرعها", "زرعه", "زرعته", "زرعتها", "وضعها", "وضعه", "فجرها", "فجره", "تقودها", "يقودها", "تقوده", "يقوده"}

// protestVenue returns a mention of another state than code that sentence
// sent names as where a protest stands ("أمام السفارة الإسرائيلية"), or
// -1.
func protestVenue(a *article, sent int, code string) int {
	for i := a.sentTok[sent][0]; i+1 < a.sentTok[sent][1]; i++ {
		if !hasForm(a.d, i, "امام") {
			continue
		}
		if k := a.mentionAt[i+1]; k >= 0 && a.mentions[k].Code != code && a.mentions[k].Code != "" && !a.mentions[k].Place {
			return k
		}
	}
	return -1
}

// armedIn returns the first armed group or gunman (role REB) named in
// sentence sent that is not in p, or -1.
func armedIn(a *article, t trigger, p party) int {
	for i := a.sentTok[t.sent][0]; i < a.sentTok[t.sent][1]; i++ {
		if k := a.mentionAt[i]; k >= 0 && a.mentions[k].Role == "REB" && !inParty(p, k) && !(i > t.Start && sideOfBetween(a, k)) {
			return k
		}
	}
	return -1
}

// sideOfBetween reports whether mention k is a side of a "بين X وY"
// phrase: after an act, another act's ("اختطف مجهولون …، كما دارت
// اشتباكات بين وحدات حماية الشعب وعناصر تنظيم داعش"). Up to eight words
// after بين, no comma between.
func sideOfBetween(a *article, k int) bool {
	for i := a.mentions[k].Tok0 - 1; i >= 0 && i >= a.mentions[k].Tok0-8 && !isComma(a, i) && a.sentOf[i] == a.sentOf[a.mentions[k].Tok0]; i-- {
		if isWord(a.d, i, "بين") {
			return true
		}
	}
	return false
}

// visitAgentVerbs name who makes a visit right after its noun: "زيارة
// يقوم بها الرئيس"، "زيارة بدأتها الوزيرة".
var visitAgentVerbs = []string{"يقوم", "تقوم", "قام", "قامت", "بداها", "بداتها", "يجريها", "تجريها", "اجراها", "اجرتها", "يؤديها", "تؤديها", "اداها", "ادتها"}

var stateRole = map[string]bool{"GOV": true, "MIL": true, "COP": true, "LEG": true, "JUD": true}

// betweenPair returns the two coordinated states of "بين X وY" in tokens
// [from, to), or -1, -1.
func betweenPair(a *article, from, to int) (int, int) {
	for i := from; i+1 < to; i++ {
		x := a.mentionAt[i+1]
		if !isWord(a.d, i, "بين") || x < 0 || x+1 >= len(a.mentions) {
			continue
		}
		mx, my := a.mentions[x], a.mentions[x+1]
		if my.Tok1 <= to && coordinated(a, mx, my) && mx.Code != my.Code && !mx.AdjOnly && !my.AdjOnly {
			return x, x + 1
		}
	}
	return -1, -1
}

// struckObjects are the forces and missions an attack's adjective names
// the owner of ("دورية بريطانية"، "قاعدة عسكرية صومالية"); a hospital or
// a company named for a state is not its state.
var struckObjects = []string{"دوريه", "قافله", "قوات", "القوات", "جنود", "سفاره", "السفاره", "قنصليه", "موكب", "طائره", "طائرات", "سفينه",
	"سفن", "قاعده", "ثكنه", "معسكر", "مواقع", "موقع", "بعثه", "البعثه", "مروحيه", "دبابه", "مدرعه", "زورق", "قطع", "وحده", "كتيبه",
	"الاراضي", "اراضي"}

// frontedFrame reports whether sentence sent opens with a prepositional
// or time frame ("وعلى هامش …،"، "وفي ختام …،"، "وخلال …،").
func frontedFrame(a *article, sent int) bool {
	i := a.sentTok[sent][0]
	for _, c := range a.d.Candidates(i) {
		switch c.Form {
		case "علي", "في", "خلال", "عقب", "اثر", "وسط", "بعد", "قبل", "لدي":
			return true
		}
	}
	return false
}

// crisisWith returns the state named in "التوتر مع X" (the tension,
// escalation or crisis with X) in tokens [from, to), other than src's.
func crisisWith(a *article, src party, from, to int) int {
	for i := from; i+2 < to; i++ {
		if hasForm(a.d, i, "التوتر", "توتر", "التصعيد", "تصعيد", "الازمه", "ازمه") && isWord(a.d, i+1, "مع") {
			if k := a.mentionAt[i+2]; k >= 0 && !a.mentions[k].AdjOnly && !sameCode(a, src, k) {
				return k
			}
		}
	}
	return -1
}

// stateSide reports whether every mention of p is an organ of its state.
func stateSide(a *article, p party) bool {
	for _, k := range p {
		if !stateRole[a.mentions[k].Role] {
			return false
		}
	}
	return len(p) > 0
}

// endsInPreposition reports whether a phrase's pattern ends with a
// preposition ("تستثمر _ في"، "اتفق* _ على").
func endsInPreposition(p *lexicon.Phrase) bool {
	i := strings.LastIndexByte(p.Pattern, ' ')
	switch p.Pattern[i+1:] {
	case "في", "على", "مع", "إلى", "الى", "عن", "من":
		return true
	}
	return false
}

// unknownSubject reports whether the words between verb trigger t and
// mention k begin with a word that is no actor, time or honorific (the
// subject, unrecognised) and then open the verb's complement (a word with
// ب, "بما"، "على"، "إلى"، "عن"، a relative pronoun), so that k lies in
// the complement. Partitives and titles that carry k into the subject
// ("عدد من"، "المتحدث باسم"، "الأمين العام لـ") keep it the subject.
func unknownSubject(a *article, t trigger, k int) bool {
	i := t.Start + 1
	if t.End-t.Start == t.Phrase.Words {
		// "ووقع الاتفاق عن الجانب السعودي …": the phrase's own object
		// came first; the subject follows it.
		i = t.End
	}
	for i < len(a.d.Tokens) && a.sentOf[i] == t.sent {
		tk := a.d.Tokens[i]
		if tk.Kind == arabic.Punct || hasForm(a.d, i, slotWords...) {
			i++
			continue
		}
		break
	}
	end := a.mentions[k].Tok0
	if i >= end || a.mentionAt[i] >= 0 || a.d.Tokens[i].Kind != arabic.Word || isComplement(a, i) || hasForm(a.d, i, pronounPreps...) {
		// ("أفرج عنها بشكل عاجل الاتحاد الأوروبي": a fronted pronoun
		// complement, the subject after it.)
		return false
	}
	for j := i; j < end; j++ {
		if hasForm(a.d, j, subjectLinks...) || a.mentionAt[j] >= 0 {
			return false
		}
	}
	for j := i + 1; j < end; j++ {
		if isComplement(a, j) {
			return true
		}
	}
	return false
}

// isComplement reports whether token i opens a verb's complement.
func isComplement(a *article, i int) bool {
	if isWord(a.d, i, "بما", "ما", "الي", "عن", "الذي", "التي", "اللتان", "الذين") ||
		isWord(a.d, i, "علي") && strings.HasSuffix(a.text[a.d.Tokens[i].Start:a.d.Tokens[i].End], "ى") {
		return true
	}
	n := a.d.Tokens[i].Norm
	return strings.HasPrefix(n, "ب") && len(n) > len("ب")+4 && !isWord(a.d, i, "بعد", "بين", "بدوره", "بدورها", "بدورهم", "بشده", "بصفته", "بصفتها", "باسم", "بالنيابه",
		"بشكل", "بصوره", "بدايه", "بحضور", "برئاسه", "بقياده")
}

// pronounPreps are prepositions carrying a pronoun: a fronted complement.
var pronounPreps = []string{"عنها", "عنه", "عنهم", "منها", "منه", "له", "لها", "لهم", "اليه", "اليها", "عليه", "عليها", "معه", "معها", "فيه", "فيها", "بها", "به"}

// slotWords may stand between a verb and its subject: times, adverbs and
// honorifics.
var slotWords = []string{"امس", "اليوم", "يوم", "مساء", "صباح", "ظهر", "فجر", "ليل", "ليله", "عشيه", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
	"السبت", "الاحد", "ايضا", "كذلك", "مجددا", "بدوره", "بدورها", "بدورهم", "رسميا", "بشده", "صاحب", "السمو", "الملكي", "معالي", "فخامه", "الشيخ", "الدكتور",
	"سمو", "جلاله", "دوله", "السيد", "السيده", "الماضي", "الجاري", "الحالي"}

// subjectLinks carry a later name into the subject: "عدد من"، "كل من"،
// "المتحدث باسم"، "الأمين العام لـ".
var subjectLinks = []string{"من", "باسم", "عدد", "كل", "بين", "العام", "لـ", "ل"}

// accusedRightAfter reports whether mention k follows accusation verb t
// directly and is followed by the charge ("تتهم تركيا بدعم").
func accusedRightAfter(a *article, t trigger, k int) bool {
	m := a.mentions[k]
	if m.Tok0 != t.End || m.Tok1 >= len(a.d.Tokens) || !m.StateRef {
		// (A title is followed by its holder's name: "واتهم وزير
		// الداخلية الفرنسي برونو روتايو الجزائر".)
		return false
	}
	n := a.d.Tokens[m.Tok1].Norm
	return strings.HasPrefix(n, "ب") && len(n) > len("ب")+2 && a.mentionAt[m.Tok1] < 0
}

// addressee reports whether mention k, the first actor after appeal
// verb t, is whom the appeal is made to rather than who makes it: it is
// followed by the appeal's content (إلى، بـ، لـ) and the grammar marks it
// as the object. The verb's subject is a pronoun before it ("أنها
// دعت")، or one word (a name the lexicon does not know: "دعا الصرخي");
// the verb's gender is not the noun's ("طالب الحكومة"، "دعت الرئيس");
// a sound plural is in the accusative ("الصحافيين"، not "الصحافيون"),
// or a quantifier or من opens it ("جميع الإيطاليين"، "من السلطات").
func addressee(a *article, t trigger, k int) bool {
	m := a.mentions[k]
	verbEnd := t.End
	if m.Tok0 > t.Start && m.Tok1 < t.End {
		// In the gap of the phrase ("طالب _ بالإفراج"): its words after
		// the gap are the content.
		verbEnd = t.Start + 1
	} else if m.Tok0 < t.End {
		return false
	}
	if !contentAfter(a, m.Tok1) {
		return false
	}
	words := 0
	for i := verbEnd; i < m.Tok0; i++ {
		switch {
		case a.d.Tokens[i].Kind == arabic.Punct || hasForm(a.d, i, slotWords...) || a.hasTime(i, i+1):
		case a.mentionAt[i] >= 0:
			return false
		default:
			words++
		}
	}
	if words > 1 {
		return false
	}
	head := a.d.Tokens[m.Tok0].Norm
	verb := withoutConj(a.d.Tokens[t.Start].Norm)
	feminineVerb := strings.HasSuffix(verb, "ت") || strings.HasPrefix(verb, "ت")
	switch {
	case words == 1 && !isWord(a.d, m.Tok0-1, "جميع", "كل", "كافه", "من"):
		// One word between: the subject, a name ("دعا الصرخي الأمم
		// المتحدة إلى"). (Not "دعت جميع الإيطاليين".)
		// A definite word, as such surnames are; an indefinite one heads
		// the mention's phrase ("حركة المستوطنين") or begins a name
		// ("قائد السبسي").
		w := a.d.Tokens[verbEnd].Norm
		return m.Kind != rasid.KindPerson && strings.HasPrefix(w, "ال") && !strings.HasSuffix(w, "ه") &&
			!isComplement(a, verbEnd) && !hasForm(a.d, verbEnd, pronounPreps...)
	case isWord(a.d, t.Start-1, "انه", "انها", "انهم", "بانه", "بانها", "بانهم", "لانه", "لانها", "انهما"):
		return true
	case isWord(a.d, m.Tok0-1, "جميع", "كل", "كافه", "من"):
		return true
	case m.Kind != rasid.KindPerson && !feminineVerb && (strings.HasSuffix(head, "ه") || strings.HasSuffix(head, "ات")):
		return true
	case feminineVerb && hasForm(a.d, m.Tok0, "رئيس", "الرئيس", "وزير", "الوزير", "الملك", "ملك", "الامير", "امير", "السفير", "سفير", "المبعوث", "مبعوث", "الامين", "امين", "ولي"):
		return true
	case strings.HasSuffix(head, "ين") && (m.Kind == rasid.KindGroup || m.Role == "CVL"):
		return true
	}
	return false
}

// loneObject reports whether mention k, right after verb t, is the one
// actor (but for pronouns and places) before the next comma, and is
// followed by what the act is for ("بذكرى"، "في وفاة").
func loneObject(a *article, t trigger, k int, post []int) bool {
	m := a.mentions[k]
	if m.Tok0 > t.Start+2 || !contentAfter(a, m.Tok1) && !isWord(a.d, m.Tok1, "في") {
		return false
	}
	end := len(a.d.Tokens)
	for i := m.Tok1; i < len(a.d.Tokens) && a.sentOf[i] == t.sent; i++ {
		if isComma(a, i) {
			end = i
			break
		}
	}
	for _, j := range post {
		if j != k && a.mentions[j].Tok0 < end && !a.mentions[j].Place && !a.mentions[j].Pron && !a.mentions[j].AdjOnly {
			return false
		}
	}
	return true
}

// definiteSubject reports whether the one word between verb trigger t
// and mention k is a definite noun and k starts definite too: two
// definite nouns in a row are subject and object.
func definiteSubject(a *article, t trigger, k int) bool {
	m := a.mentions[k]
	i := t.End
	if m.Tok0 != i+1 || a.mentionAt[i] >= 0 || a.d.Tokens[i].Kind != arabic.Word {
		return false
	}
	w, n := a.d.Tokens[i].Norm, a.d.Tokens[m.Tok0].Norm
	return strings.HasPrefix(w, "ال") && len(w) >= 8 && strings.HasPrefix(n, "ال") && !hasForm(a.d, i, slotWords...) && !a.hasTime(i, i+1) &&
		!isComplement(a, i) && !hasForm(a.d, i, "الذي", "التي", "الذين")
}

// inVisitFrame reports whether mention k lies in a visit or tour that
// frames trigger t ("خلال زيارة إلى قبرص"، "أثناء جولته في الخليج"),
// outside the trigger itself.
func inVisitFrame(a *article, t trigger, k int) bool {
	m := a.mentions[k]
	for i := m.Tok0 - 1; i >= 0 && i >= m.Tok0-6 && a.sentOf[i] == a.sentOf[m.Tok0]; i-- {
		if isComma(a, i) || i >= t.Start && i < t.End {
			return false
		}
		if hasForm(a.d, i, "زياره", "زيارته", "زيارتها", "جوله", "جولته", "جولتها") {
			return hasForm(a.d, i-1, "خلال", "اثناء") || isWord(a.d, i-1, "هامش") && hasForm(a.d, i-2, "علي")
		}
	}
	return false
}

// belonging are the words that name forces or bodies by whom they belong
// or are loyal to, with ل: "قوات تابعة لحكومة الوحدة"، "الميليشيات
// الموالية لإيران". The actor after them owns; it is neither struck nor
// given to.
var belonging = []string{"تابع", "تابعه", "التابع", "التابعه", "تابعين", "التابعين", "الموالي", "المواليه", "الموالين", "موالين", "مواليه"}

// ownerOfStruck reports whether mention k owns a struck thing: it takes
// لـ right after a site, house or car, perhaps through "تعود"
// ("مقرات قيادة لعبد الملك الحوثي"، "سيارات تعود لناشطين").
func ownerOfStruck(a *article, k int) bool {
	m := a.mentions[k]
	if !strings.HasPrefix(a.d.Tokens[m.Tok0].Norm, "ل") {
		return false
	}
	for i := m.Tok0 - 1; i >= 0 && i >= m.Tok0-3; i-- {
		if hasForm(a.d, i, belonging...) {
			return false // "قوات تابعة لحكومة الوحدة": whose forces, the agent's
		}
		if hasForm(a.d, i, struckPlaces...) || hasForm(a.d, i, "سيارات", "سياره", "منازل", "منزل", "مقرات") {
			return true
		}
		if a.mentionAt[i] >= 0 || isComma(a, i) {
			return false
		}
	}
	return false
}

// ownStance reports whether mention k, the first actor after verbal act
// of src, is of src's own state and owns the act's object ("قرار الرئيس
// أوباما"): the act is a stance on its own side's deed, aimed at nobody.
func ownStance(a *article, src party, k int) bool {
	m := a.mentions[k]
	return len(src) > 0 && sameCode(a, src, k) && !m.Place && hasForm(a.d, m.Tok0-1, ownedWords...)
}

// ownedWords name what an actor said or did, as the object of a stance
// on it: "قرار الرئيس"، "تصريحات الوزير"، "موقف الحكومة".
var ownedWords = []string{"قرار", "بقرار", "لقرار", "قرارات", "بقرارات", "تصريحات", "بتصريحات", "لتصريحات", "تصريح", "بتصريح", "موقف", "بموقف",
	"لموقف", "مواقف", "بمواقف", "سياسه", "بسياسه", "لسياسه", "سياسات", "بسياسات", "خطاب", "بخطاب", "مبادره", "بمبادره", "لمبادره", "جهود", "بجهود",
	"لجهود", "دعوه", "بدعوه", "لدعوه", "كلمه", "بكلمه", "اعلان", "باعلان", "لاعلان"}

// contentAfter reports whether an appeal's content opens at or just
// after token i: "إلى"، or a word with بـ or لـ (not "بين"، "لدى").
func contentAfter(a *article, i int) bool {
	for i < len(a.d.Tokens) && a.mentionAt[i] >= 0 && strings.HasPrefix(a.d.Tokens[i].Norm, "و") && a.sentOf[i] == a.sentOf[i-1] {
		// "طالب الخارجية التونسية والجامعة العربية بـ": past the
		// addressees joined to the first.
		i = a.mentions[a.mentionAt[i]].Tok1
	}
	if i+1 < len(a.d.Tokens) && isComma(a, i) && isWord(a.d, i+1, "الي") {
		i++ // "ودعا الحكومة التونسية، إلى التحرك"
	}
	for j := i; j < i+3 && j < len(a.d.Tokens) && a.sentOf[j] == a.sentOf[i-1]; j++ {
		if isComma(a, j) || a.mentionAt[j] >= 0 && j > i {
			return false
		}
		n := a.d.Tokens[j].Norm
		if n == "الي" || n == "علي" || (strings.HasPrefix(n, "ب") || strings.HasPrefix(n, "ل")) && len(n) > 4 && !isWord(a.d, j, "بين", "لدي", "لدا", "بعد") {
			return true
		}
		if (n == "ب" || n == "وب") && j+1 < len(a.d.Tokens) && a.d.Tokens[j+1].Kind == arabic.Punct && a.d.Tokens[j+1].End == a.d.Tokens[j+1].Start+len(`"`) {
			// `بـ"إدانة هذا العدوان"`: the content in quotes.
			return true
		}
	}
	return false
}

// complementFirst reports whether the word right after verb trigger t
// opens its complement ("بشخصيات"، "مع"), not a mention.
func complementFirst(a *article, t trigger) bool {
	i := t.End
	if i >= len(a.d.Tokens) || a.mentionAt[i] >= 0 || a.d.Tokens[i].Kind != arabic.Word {
		return false
	}
	n := a.d.Tokens[i].Norm
	if n == "مع" {
		return true
	}
	// ب as a proclitic, not the first letter of an adverb.
	return strings.HasPrefix(n, "ب") && len(n) > len("ب")+2 && !isWord(a.d, i, "بعد", "بين", "بدوره", "بدورها", "بدورهم", "بذلك", "بالتالي", "بشده", "بدايه", "بحضور", "برفقه", "بصفته", "بصفتها")
}

// visitIntent reports whether intent trigger t is a visit to come
// ("وسيزور الرئيس الفرنسي الجزائر"، "زيارة مرتقبة"): the place visited
// stands for its state, as for a visit.
func visitIntent(a *article, t trigger) bool {
	return t.Phrase.Code == "036" && (hasForm(a.d, t.Start, "سيزور", "ستزور") || strings.HasPrefix(t.Phrase.Pattern, "زيار") || strings.HasPrefix(t.Phrase.Pattern, "لزيار"))
}

// notBorder drops from list the mentions named after "الحدود مع".
func notBorder(a *article, list []int) []int {
	return keepIf(list, func(k int) bool { return !a.border[k] })
}

// strikePrep reports whether tokens [from, to) hold "على" or "ضد" as words
// of their own (the name "علي" is spelt with ya).
func strikePrep(a *article, from, to int) bool {
	for i := from; i < to; i++ {
		switch a.d.Tokens[i].Norm {
		case "ضد":
			return true
		case "علي":
			if strings.HasSuffix(a.text[a.d.Tokens[i].Start:a.d.Tokens[i].End], "ى") {
				return true
			}
		}
	}
	return false
}

// counterpart returns the first actor in tokens [from, to) introduced by
// "مع" that is not one of src, or -1.
func counterpart(a *article, from, to int, src party) int {
	for _, k := range actorIdx(a, from, to) {
		if !inParty(src, k) && !a.mentions[k].Place && isWord(a.d, a.mentions[k].Tok0-1, "مع") && (a.border == nil || !a.border[k]) {
			// ("حدود تركيا مع سوريا" says where, names no counterpart.)
			return k
		}
	}
	return -1
}

// adjectiveAfter returns the nationality adjective right after trigger t
// ("غارة إسرائيلية"، "ضربات صاروخية روسية"), or -1.
func adjectiveAfter(a *article, t trigger) int {
	for i := t.End; i < t.End+2 && i < len(a.d.Tokens) && a.sentOf[i] == t.sent; i++ {
		if k := a.mentionAt[i]; k >= 0 {
			if a.mentions[k].AdjOnly {
				return k
			}
			return -1
		}
	}
	return -1
}

// targetingVerbBefore reports whether a verb of striking ("استهدفت"،
// "طالت") lies in tokens [from, to).
func targetingVerbBefore(a *article, from, to int) bool {
	for i := from; i < to; i++ {
		if hasForm(a.d, i, "استهدف", "استهدفت", "طال", "طالت") {
			return true
		}
	}
	return false
}

// decisionVerbs govern an act noun with their subject between them
// ("قررت الحكومة قطع العلاقات"، "أعلنت إيران فتح مجالها").
var decisionVerbs = []string{"قرر", "قررت", "اعلن", "اعلنت", "يعتزم", "تعتزم", "بدا", "بدات", "واصل", "واصلت"}

// subjectOfDecision returns the mention right before trigger t that is
// the subject of a decision verb just before it, or -1.
func subjectOfDecision(a *article, t trigger) int {
	if t.Start == 0 {
		return -1
	}
	k := a.mentionAt[t.Start-1]
	if k < 0 || a.mentions[k].Place || a.mentions[k].AdjOnly {
		return -1
	}
	if i := a.mentions[k].Tok0 - 1; i >= 0 && hasForm(a.d, i, decisionVerbs...) {
		return k
	}
	return -1
}

// visitorBefore returns the subject of a verb carrying a visit ("يؤدي
// الوزير زيارة"، "يقوم الرئيس بزيارة") between from and the visit noun at
// to, or -1.
func visitorBefore(a *article, from, to int) int {
	for i := to - 2; i >= from && i >= to-12; i-- {
		if hasForm(a.d, i, visitVerbs...) {
			if k := a.mentionAt[i+1]; k >= 0 && !a.mentions[k].Place && (a.mentions[k].Tok1 == to ||
				a.mentions[k].Tok1+1 == to && a.d.Tokens[to-1].Kind == arabic.Punct) {
				// (Its subject right before the visit noun: "قامت
				// السلطات بتسهيل زيارة الوفد" makes no visit.)
				return k
			}
			return -1
		}
	}
	return -1
}

// attribution reports whether token i opens the source of a report
// ("حسب"، "بحسب"، "وفقا ل"، "نقلا عن").
func attribution(a *article, i int) bool {
	switch a.d.Tokens[i].Norm {
	case "حسب", "بحسب", "وحسب", "حسبما", "وفق", "وفقا", "نقلا", "بحسبما":
		return a.mentionAt[i] < 0
	}
	return false
}

// visitFrames put a visit noun in a time frame ("خلال زيارة"، "عقب
// زيارة"), where the genitive after it is the visitor.
var visitFrames = []string{"خلال", "اثناء", "في", "عقب", "بعد", "اثر", "قبيل", "قبل", "ختام", "منذ", "لدي", "رغم", "اطار", "هامش"}

// visitVerbs carry a visit noun with their subject between them.
var visitVerbs = []string{"يؤدي", "تؤدي", "ادي", "ادت", "يقوم", "تقوم", "قام", "قامت", "يجري", "تجري", "اجري", "اجرت", "بدا", "بدات", "يبدا", "تبدا", "اختتم", "اختتمت", "يختتم", "تختتم"}

// agentNamed reports whether a verb naming an act's agent ("زيارة يقوم بها
// الوزير"، "هجوم تبنته الحركة") lies in tokens [from, to).
func agentNamed(a *article, from, to int) bool {
	for i := from; i < to; i++ {
		if hasForm(a.d, i, visitAgentVerbs...) || hasForm(a.d, i, agentVerbs...) {
			return true
		}
	}
	return false
}

// possessed reports whether a nominal trigger's first word carries a
// possessive pronoun ("دعمها" of the pattern "دعم*").
func possessed(a *article, t trigger) bool {
	w, _, _ := strings.Cut(t.Phrase.Pattern, " ")
	w = arabic.Normalize(strings.TrimSuffix(w, "*"))
	tok := a.d.Tokens[t.Start]
	n := tok.Norm
	if strings.HasSuffix(strings.TrimRight(a.text[tok.Start:tok.End], "\u064B\u064C\u064D\u064E\u064F\u0650\u0651\u0652"), "ة") {
		return false // "الزيارة": ه is the normalised ة
	}
	for _, c := range a.d.Candidates(t.Start) {
		if rest, ok := strings.CutPrefix(c.Form, w); ok && (rest == "ه" || rest == "ها" || rest == "هم" || rest == "هما") && len(n) > len(w) {
			return true
		}
	}
	return false
}

// clause bounds the tokens whose actors may be trigger k's parties: from
// the last boundary word (or the comma closing the previous verb's clause)
// to the next boundary word or verb trigger.
func clause(a *article, trigs []trigger, k int) (int, int) {
	t := trigs[k]
	L := t.Start
	for L > 0 && a.sentOf[L-1] == t.sent && !isBoundary(a, L-1) && t.Start-L < window {
		L--
	}
	if t.Phrase.Verb {
		for j := k - 1; j >= 0 && j >= k-8 && trigs[j].sent == t.sent; j-- {
			if !trigs[j].Phrase.Verb || trigs[j].End > t.Start {
				continue
			}
			from := trigs[j].End
			for i := from; i < t.Start; i++ {
				if isComma(a, i) {
					from = i + 1
					break
				}
			}
			L = max(L, from)
			break
		}
	}
	R := t.End
	next := k + 1 // the first trigger not yet passed
	for R < len(a.d.Tokens) && a.sentOf[R] == t.sent && !isBoundary(a, R) && R-t.End < window {
		for next < len(trigs) && trigs[next].Start < R {
			next++
		}
		if next < len(trigs) && trigs[next].Start == R && trigs[next].Phrase.Verb {
			// "يقر بمسؤولية إسرائيل عن اغتيال هنية ويتوعد الحوثيين": the
			// next verb, even after a nominal act, starts another clause.
			break
		}
		if R > t.End && attribution(a, R) {
			// "…، حسب رواية وسائل الإعلام": who tells it is no party.
			break
		}
		if R > t.End+1 && isWord(a.d, R, "كما", "وكما") && !isWord(a.d, R+1, "ان", "انه", "انها", "هو", "هي") && a.mentionAt[R+1] < 0 {
			// "اختطف مجهولون … عنصراً من قوات النظام، كما دارت اشتباكات
			// بين …": another act, with its own parties. ("كما أن" and
			// "كما هو" compare.)
			break
		}
		if R > t.End && t.Phrase.Code[:2] < "14" && isWord(a.d, R, "مما") {
			// "بعد توقيع الاتفاق النووي الإيراني، مما يزيد المخاوف بين دول
			// الأوبك": a consequence, with actors of its own. (After a
			// protest or an attack, "مما أسفر عن" tells its toll.)
			break
		}
		R++
	}
	return L, R
}

func isComma(a *article, i int) bool {
	t := a.d.Tokens[i]
	return t.Kind == arabic.Punct && (t.Norm == "," || t.Norm == ";")
}

// isBoundary reports whether token i opens a new clause: a complementizer
// or a clause-linking word.
func isBoundary(a *article, i int) bool {
	if a.mentionAt[i] >= 0 {
		return false
	}
	// A switch: it runs for most tokens of a clause, and a switch compares
	// a word with few of these rather than each of them.
	switch a.d.Tokens[i].Norm {
	case "غير", "الا":
		// "غير أن"، "إلا أن" open a clause; "غير المباشرة" does not.
		return isWord(a.d, i+1, "ان")
	case "الوقت", "وقت":
		// "في الوقت الذي تناقش فيه الإدارة الأمريكية": while.
		return isWord(a.d, i+1, "الذي", "التي")
	case "الامر":
		// "، الأمر الذي يعارضه الاتحاد الأوروبي": a comment on the
		// clause before, with its own actors.
		return isWord(a.d, i+1, "الذي")
	case "وهو", "وهي", "هو", "وهذا", "هذا":
		// "وهو ما شرعت القوات في تنفيذه"، "وهو الأمر الذي".
		return isWord(a.d, i+1, "ما", "الامر")
	case "ان", "بان", "انه", "انها", "لان", "وان", "فيما", "بينما", "وبينما", "حين", "حيث", "اذ", "عقب", "بعدما", "لكن", "ولكن", "قبل", "بعد", "وبعد", "وقبل", "وذلك", "ثم", "عندما", "وعندما":
		return true
	}
	return false
}

// actorIdx lists the mentions in tokens [from, to) that may be parties.
func actorIdx(a *article, from, to int) []int {
	var out []int
	last := -1
	for i := from; i < to; i++ {
		k := a.mentionAt[i]
		if k < 0 || k == last {
			continue
		}
		last = k
		if a.mentions[k].Kind == rasid.KindPlace || a.notParty[k] || a.mentions[k].AdjOnly {
			continue
		}
		out = append(out, k)
	}
	return out
}

// reporter reports whether mention k, of an organisation, is the subject
// of a verb of reporting right before it ("أعلن رئيس بعثة منظمة أطباء بلا
// حدود"). (A state's ministry, army or police reporting a toll mostly
// reports its own people's.)
func reporter(a *article, k int) bool {
	if _, state := a.lx.State(a.mentions[k].Code); state {
		return false
	}
	i := a.mentions[k].Tok0 - 1
	for n := 0; n < 2 && i > 0 && (isWord(a.d, i, "منظمه", "هيئه") || a.d.Tokens[i].Kind == arabic.Punct); n++ {
		i-- // "أعلنت منظمة «أطباء بلا حدود»"
	}
	return i >= 0 && hasForm(a.d, i, reportVerbs...)
}

// reportVerbs tell a report: who follows them speaks of an act.
var reportVerbs = []string{"اعلن", "اعلنت", "قال", "قالت", "افاد", "افادت", "ذكر", "ذكرت", "اكد", "اكدت", "اوضح", "اوضحت", "كشف", "كشفت"}

// chargeBefore reports whether an accusation's content opens in tokens
// [from, to): "بأن"، "بأنه"، "بأنها"، "بأنهم".
func chargeBefore(a *article, from, to int) bool {
	for i := from; i < to; i++ {
		if isWord(a.d, i, "بان", "بانه", "بانها", "بانهم") {
			return true
		}
	}
	return false
}

// notCreditors returns p without the mentions named as a debt's
// creditor: after "تسديد"، "سداد" or "تسوية" and at most two words.
func notCreditors(a *article, p party) party {
	var out party
	for _, k := range p {
		creditor := false
		for i := a.mentions[k].Tok0 - 1; i >= 0 && i >= a.mentions[k].Tok0-3; i-- {
			if hasForm(a.d, i, "تسديد", "لتسديد", "سداد", "لسداد", "تسويه") {
				creditor = true
				break
			}
		}
		if !creditor {
			out = append(out, k)
		}
	}
	return out
}

// amongVictims reports whether mention k is named among a toll: right
// after "بينهم"، "منهم" that follow a word of death or wounds ("إصابة 6
// أشخاص بينهم"; "فصائل معارضة، بينها جبهة النصرة" lists the agents).
func amongVictims(a *article, k int) bool {
	i := a.mentions[k].Tok0 - 1
	if i < 0 || !hasForm(a.d, i, "بينهم", "بينهن", "منهم", "منهن") {
		return false
	}
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if hasForm(a.d, j, harmWords...) || hasForm(a.d, j, "قتلي", "جرحي", "مصابين", "اصابه", "مقتل") {
			return true
		}
	}
	return false
}

// joined reports whether parties x and y are named together, one joined
// to the other by و, and not as the two sides of "بين X وY".
func joined(a *article, x, y party) bool {
	if a.mentions[x[0]].Tok0 > a.mentions[y[0]].Tok0 {
		x, y = y, x
	}
	return coordinated(a, a.mentions[x[len(x)-1]], a.mentions[y[0]]) && !isWord(a.d, a.mentions[x[0]].Tok0-1, "بين")
}

// pluralSubject reports whether verb form n carries a plural subject
// pronoun: past "…وا" (أدانوا), present "…ون" (يطالبون).
func pluralSubject(n string) bool {
	n = withoutConj(n)
	return strings.HasSuffix(n, "وا") || (strings.HasPrefix(n, "ي") || strings.HasPrefix(n, "ت")) && strings.HasSuffix(n, "ون")
}

// parties finds the source and target of trigger t inside [L, R): the
// subject before the verb (SVO) or right after it (VSO), then the first
// other actor after it.
func parties(a *article, t trigger, L, R int) (party, party) {
	pre := actorIdx(a, L, t.Start)
	post := actorIdx(a, t.Start, R)
	if r := t.Phrase.Code[:2]; r <= "06" {
		post = notTopics(a, t, post)
	}
	post = notHelpers(a, t, post)
	if r := t.Phrase.Code[:2]; a.border != nil && r != "15" && r != "19" && t.Phrase.Code != "087" {
		// "في سوروتش على الحدود مع سوريا": the neighbour only says where
		// (a posture on the border, as dev's gold codes it, or fire
		// across it, is aimed at it).
		pre, post = notBorder(a, pre), notBorder(a, post)
	}
	if len(pre) == 0 && L > 0 && isWord(a.d, L-1, "انه", "انها", "بانه", "بانها") {
		// "وأعلن زيلينسكي أنه سيزور واشنطن": the pronoun is the main
		// clause's subject.
		if k := a.firstActorAfter(a.sentTok[t.sent][0], L); k >= 0 {
			pre = []int{k}
		}
	}
	if len(pre) == 0 && L > 1 && isWord(a.d, L-1, "ان") && isWord(a.d, L-2, "قبل", "بعد") && len(post) > 0 && a.mentions[post[0]].Pron &&
		a.mentions[post[0]].Tok1 == t.End {
		// "وكانت الرباط قد علقت …، قبل أن تستدعي سفيرتها": after "قبل
		// أن" a verb whose phrase holds an object referring back keeps
		// the sentence's subject ("بعد أن أوقفت سلطاتها" names its own).
		if k := a.firstActorAfter(a.sentTok[t.sent][0], L); k >= 0 {
			pre = []int{k}
		}
	}
	if len(pre) == 0 && L > 1 && isWord(a.d, L-1, "يؤدي", "تؤدي", "يقوم", "تقوم", "يجري", "تجري") && isWord(a.d, L-2, "الذي", "التي") {
		// "…، الذي يؤدي زيارة عمل إلى الجزائر": the visitor is the
		// relative pronoun's antecedent.
		if k := antecedent(a, L-2); k >= 0 {
			pre = []int{k}
		}
	}
	if len(pre) == 0 && L > 0 && isWord(a.d, L-1, "الذي", "التي", "الذين") {
		// "…، الذي يؤدي زيارة": the relative pronoun's antecedent is the
		// subject.
		if k := antecedent(a, L-1); k >= 0 {
			pre = []int{k}
		}
	}
	// "الشبكات الإرهابية، التي سبق أن وجهت ضربات إلى الولايات المتحدة":
	// a verb right after a relative pronoun has its antecedent for
	// subject; when that is no actor the act's agent is unnamed, and no
	// actor after the verb is it.
	unnamedAgent := false
	if r := relativeBefore(a, t); len(pre) == 0 && r >= 0 && !objectSuffix(a, t) {
		if k := antecedent(a, r); k >= 0 {
			pre = []int{k}
		} else if len(post) > 0 && prepositional(a, post[0]) && !resumptive(a, t.End, R) {
			// (Only an actor behind a preposition is sure not to be the
			// clause's own subject: "المرة الأولى التي تتهم فيها هيئة
			// أممية إسرائيل" names it after the verb.)
			unnamedAgent = true
		}
	}
	// A fronted destination ("في رسالة وجهها إلى الأمين العام، اتهم
	// الوزير") is not the subject.
	kept := pre[:0:0]
	dropped := -1
	for _, k := range pre {
		if destination(a, k) || dropped >= 0 && coordinated(a, a.mentions[dropped], a.mentions[k]) {
			dropped = k
			continue
		}
		kept = append(kept, k)
	}
	pre = kept
	if t.Phrase.Verb && t.Start > 0 && isComma(a, t.Start-1) && strings.HasPrefix(a.d.Tokens[t.Start].Norm, "و") && len(pre) > 0 &&
		len(post) > 0 && a.mentions[post[0]].Tok0 <= t.End+3 && !a.mentions[post[0]].Place {
		// "استهدف طيران التحالف مواقع ميليشيات الحوثي، وأشادت شخصيتان
		// يمنيتان بدور المملكة": a verb joined after a comma with its own
		// subject after it; who the clause before named is not it.
		pre = nil
	}
	if t.Phrase.Verb && t.Start > 0 && isComma(a, t.Start-1) && frontedFrame(a, t.sent) && len(pre) > 0 {
		// "وعلى هامش المنتدى الذي احتضنته الدوحة، التقى الوزير": who is
		// named in a fronted adverbial is not the verb's subject.
		pre = nil
	}
	var prePlaces []int
	kept = pre[:0:0]
	for _, k := range pre {
		if a.mentions[k].Place {
			// "وفي واشنطن، أعلنت الوزارة": where, not who.
			prePlaces = append(prePlaces, k)
			continue
		}
		kept = append(kept, k)
	}
	pre = kept
	if !t.Phrase.Verb && t.Phrase.Code[:2] >= "18" && t.Start > 0 && hasForm(a.d, t.Start-1, "بمساعده", "بدعم", "بغطاء", "باسناد", "بمسانده") {
		// "تقدمت القوات العراقية بمساعدة ضربات جوية تقودها الولايات
		// المتحدة": the helper's strikes; who they help neither struck
		// nor was struck.
		if ag := ownAgent(a, t, R); len(ag) > 0 {
			return ag, nil
		}
		return nil, nil
	}
	victims := victimFrame(a, t)
	if victims {
		// "قتل جنديان أميركيان في هجوم انتحاري"، "بانفجار عبوة": those
		// named before are the victims; the agent, if any, is named in the
		// noun's own phrase. An organisation reporting the toll is none
		// ("أعلنت منظمة أطباء بلا حدود ارتفاع حصيلة القتلى جراء قصف").
		post = append(slices.DeleteFunc(append([]int{}, pre...), func(k int) bool { return reporter(a, k) }), post...)
		pre = nil
	}
	if t.Phrase.Obj {
		// "مقتل أمينه العام": who did it is not who precedes the noun.
		pre = nil
	}
	if !t.Phrase.Verb && len(pre) > 1 && t.Start > 1 && isWord(a.d, t.Start-1, "من") && a.mentionAt[t.Start-2] >= 0 {
		// "مكّنت الشرطة الإسبانية من توقيف": the one enabled acts.
		k := a.mentionAt[t.Start-2]
		pre = []int{k}
	}
	if !t.Phrase.Verb && t.Phrase.Code == "042" {
		if k := visitorBefore(a, L, t.Start); k >= 0 {
			// "يؤدي نائب رئيس الوزراء اليمني زيارة إلى تونس": the subject
			// of the verb carrying the visit makes it.
			pre = []int{k}
		} else if t.End < len(a.d.Tokens) && a.mentionAt[t.End] >= 0 && a.mentions[a.mentionAt[t.End]].Kind == rasid.KindPerson &&
			len(post) > 0 && post[0] == a.mentionAt[t.End] && t.Start > 0 && hasForm(a.d, t.Start-1, visitFrames...) {
			// "خلال زيارة الرئيس الأمريكي إلى الرياض": a person in the
			// genitive after the noun is the visitor, whoever the clause
			// named before ("زيارة إيران" names the state visited). Only
			// in a time frame: "توجه … لزيارة الرئيس الفلسطيني" names
			// whom the subject visits.
			pre = nil
		}
	}
	if t.Phrase.Verb && len(pre) > 0 && len(post) > 0 && a.mentions[post[0]].Tok0 == t.End && !a.mentions[post[0]].Place &&
		isWord(a.d, t.Start-1, "الذي", "التي", "الذين") && objectSuffix(a, t) ||
		len(pre) > 0 && len(post) > 0 && t.End-t.Start == 2 && isWord(a.d, t.Start, "الذي", "التي") && a.mentions[post[0]].Tok0 == t.End &&
			!a.mentions[post[0]].Place && hasObjectPronoun(a.d.Tokens[t.Start+1].Norm) {
		// "الشهيد محمد الزواري الذي اغتاله الكيان الصهيوني": the verb's
		// object refers back to the antecedent; its subject follows it.
		pre = nil
	}
	var src party
	var rest []int
	if victims {
		src = ownAgent(a, t, R)
		rest = dropAll(post, src)
	} else if n := len(pre); n > 0 {
		// The subject is the first actor of the clause.
		src = group(a, pre, 0)
		rest = append(rest, post...)
		// A second pre actor that is not coordinated ("وزير X ... بنظيره Y")
		// precedes the verb only in topicalised sentences: ignore it.
	} else if ag := ownAgent(a, t, R); len(ag) > 0 && !t.Phrase.Verb && t.Phrase.Code[:2] >= "18" && !t.Phrase.Obj {
		// "غارة شنتها طائرة أميركية على …": the agent its own phrase names.
		src = ag
		rest = dropAll(post, src)
	} else if k := adjectiveAfter(a, t); k >= 0 && !t.Phrase.Verb && t.Phrase.Code[:2] >= "18" && !t.Phrase.Obj {
		// "بغارة إسرائيلية على الضاحية الجنوبية لبيروت": the adjective on
		// the strike names who struck; whoever follows was struck.
		src = party{k}
		rest = post
	} else if len(post) > 0 && !t.Phrase.Verb && t.Phrase.Code[:2] >= "18" && targetingVerbBefore(a, t.End, a.mentions[post[0]].Tok0) {
		// "بغارة إسرائيلية استهدفت الضاحية الجنوبية لبيروت": who follows
		// the strike's verb is struck, not striking.
		rest = post
	} else if len(post) > 0 && !t.Phrase.Obj {
		// The subject follows the verb; a destination ("وصل إلى الرياض
		// وفد") or addressee is not it.
		i := 0
		for i < len(post) && (a.mentions[post[i]].Place || destination(a, post[i]) && i+1 < len(post) ||
			!t.Phrase.Sym && a.mentions[post[i]].Tok0 > t.End && withBefore(a, a.mentions[post[i]].Tok0)) {
			// ("أعلنت 7 دول قطع علاقاتها مع قطر هي السعودية": whom a
			// directed act is with is never its subject.)
			skipped := post[i]
			i++
			for i < len(post) && coordinatedNext(a, skipped, post[i]) {
				// "الزيارة إلى السنغال وجنوب أفريقيا وتنزانيا": the
				// places listed with a destination are destinations.
				skipped = post[i]
				i++
			}
		}
		if i < len(post) && t.Phrase.Verb && endsInPreposition(t.Phrase) && a.mentions[post[i]].Tok0 >= t.End {
			// "تستثمر … في مشاريع بالمغرب": after a verb phrase's own
			// preposition comes its complement, not its subject.
			i = len(post)
		}
		if i < len(post) && t.Phrase.Code[:2] >= "18" && ownerOfStruck(a, post[i]) {
			// "تم قصف مقرات قيادة لعبد الملك الحوثي": whose sites were
			// struck was struck, not striking.
			i = len(post)
		}
		if i < len(post) && (t.Phrase.Verb || t.Phrase.Code[:2] >= "18") && !t.Phrase.Rev && a.mentions[post[i]].Tok0 >= t.End && strings.HasPrefix(a.d.Tokens[a.mentions[post[i]].Tok0].Norm, "لل") &&
			!hasForm(a.d, a.mentions[post[i]].Tok0-1, belonging...) {
			// ("بين قوات تابعة للحكومة الصومالية": whose forces they are.)
			// "قصف طيران التحالف تعزيزات للحوثيين": a subject never
			// takes ل; whose things were struck is no subject.
			i = len(post)
		}
		if i < len(post) && t.Phrase.Verb && t.Phrase.Code[:2] < "14" && unknownSubject(a, t, post[i]) {
			// "وأشاد العواضي بما وفرته وزارة الداخلية"، "دعا الصرخي في
			// «مشروع خلاص»، الأمم المتحدة إلى": a subject the lexicon does
			// not know, then the verb's complement; who is named in it is
			// no subject.
			i = len(post)
		}
		if i < len(post) && t.Phrase.Verb && t.Phrase.Code[:2] < "14" && definiteSubject(a, t, post[i]) {
			// "وشكر الوزير المملكة العربية السعودية": a definite noun the
			// lexicon does not place right after the verb is its subject;
			// a definite actor after it is the object, no genitive.
			i = len(post)
		}
		if i < len(post) && t.Phrase.Verb && speechRoot(t.Phrase.Code) && slotTaken(a, t, post[i]) {
			// "وانتقد إسكندر الرقيق ظاهرة تهميش وزير الخارجية"، "انتقدت
			// الصحافة الجزائرية الحكومة المغربية": the subject is words
			// the lexicon does not know; who follows is the object or a
			// genitive, no subject.
			i = len(post)
		}
		if unnamedAgent {
			i = len(post)
		}
		if i < len(post) && t.Phrase.Verb && hasForm(a.d, t.Start, "هنا", "هنات", "عزي", "عزت") && loneObject(a, t, post[i], post) {
			// "وفي يوم الأربعاء 25 مارس هنأ رئيس جمهورية بنغلاديش بذكرى
			// استقلال بلاده": one actor after a verb of congratulation or
			// condolence, then what for, is whom it was offered to; the
			// subject was left out.
			i = len(post)
		}
		if i < len(post) && t.Phrase.Verb && (t.Phrase.Code[:2] == "02" || t.Phrase.Code[:2] == "10") && addressee(a, t, post[i]) {
			// "أنها دعت … سفيرة المملكة المتحدة إلى مقر الوزارة"، "وطالب
			// الخارجية التونسية … بـ"، "ودعت جميع الإيطاليين إلى مغادرة
			// ليبيا"، "دعا الصرخي الأمم المتحدة إلى": whom an appeal is
			// made to, the subject being before it or left out.
			i = len(post)
		}
		if i < len(post) && t.Phrase.Verb && t.Phrase.Code == "112" && accusedRightAfter(a, t, post[i]) {
			// "ثمة دول تتهم تركيا بدعم تنظيم داعش": one actor right after
			// the verb and then the charge is the accused; the accuser
			// came before, unrecognised.
			i = len(post)
		}
		if i < len(post) && t.Phrase.Verb && a.mentions[post[i]].Tok0 > t.End && complementFirst(a, t) {
			// "ويلتقي بشخصيات من ليبيا واليمن"، "اجتمع مع ممثلين عن …":
			// the verb's complement comes right after it, so its subject
			// was named before or left out; who follows is no subject.
			i = len(post)
		}
		if i < len(post) && t.Phrase.Verb && t.Phrase.Code[:2] >= "15" && a.mentions[post[i]].Tok0 >= t.End && strikePrep(a, t.End, a.mentions[post[i]].Tok0) {
			// "شنت طائرات التحالف غارات على مواقع الحوثيين": who follows
			// "على" or "ضد" after the act's words is aimed at; the subject
			// came before, unrecognised.
			i = len(post)
		}
		if i < len(post) && t.Phrase.Verb && a.mentions[post[i]].Tok0 >= t.End && pluralSubject(a.d.Tokens[t.Start].Norm) {
			// "واستنكروا … تجاهل الدبلوماسية … وزارة الخارجية بتونس":
			// a verb written with its plural subject has it already (a
			// named subject after the verb leaves it singular); who
			// follows is its object.
			i = len(post)
		}
		if i < len(post) {
			src = group(a, post, i)
		}
		for _, k := range post {
			if !inParty(src, k) {
				rest = append(rest, k)
			}
		}
	} else {
		rest = post
		if t.Phrase.Obj && len(rest) > 0 && a.mentions[rest[0]].Tok0 > t.End+2 {
			// "مقتل أمينه العام في الغارة التي شنها الجيش": the victim is
			// the noun's own complement, not a later actor.
			rest = nil
		}
	}
	if !victims && !t.Phrase.Verb && t.Phrase.Code[:2] >= "18" && !t.Phrase.Obj && len(pre) > 0 {
		// "وضع مأساوي نتيجة للقصف العنيف من مليشيات الحوثي"، "غارات
		// جوية نفذتها طائرات …": the agent the strike's own phrase names
		// outranks whoever the clause began with.
		if ag := ownAgent(a, t, R); len(ag) > 0 && !inParty(src, ag[0]) {
			src = ag
			rest = dropAll(post, src)
		} else if k := adjectiveAfter(a, t); k >= 0 && !inParty(src, k) && !sameCode(a, src, k) {
			// "مقتل محسن الفضلي، القيادي في تنظيم القاعدة، في غارة جوية
			// أمريكية": the adjective on the strike names who struck; who
			// the clause began with was struck.
			rest = append(dropAll(pre, party{k}), dropAll(post, party{k})...)
			src = party{k}
		}
	}
	if k := subjectOfDecision(a, t); k >= 0 && !inParty(src, k) {
		// "…، قررت إيران فتح مجالها الجوي": the subject of the verb of
		// decision right before the act noun is its agent, not the first
		// actor of a long sentence.
		src = party{k}
		rest = dropAll(rest, src)
	}
	// Places may be the target of material acts only; skip them as sources.
	src = dropPlaces(a, src)
	var tgt party
	for i := 0; i < len(rest); i++ {
		m := a.mentions[rest[i]]
		if t.Phrase.Code[:2] < "14" && t.Phrase.Code[:2] != "04" && inVisitFrame(a, t, rest[i]) {
			// "ندد الرئيس التركي خلال زيارة إلى الشطر الشمالي من قبرص
			// بهجوم": where the speaker was, not whom he spoke to.
			continue
		}
		if t.Phrase.Code[:2] < "14" && i == 0 && len(src) > 0 && ownStance(a, src, rest[i]) {
			// "ودافع كيري عن قرار الرئيس أوباما بعرض الاتفاق مع إيران": a
			// stance on its own side's decision; who that decision concerns
			// is no target.
			break
		}
		if m.Place || sameActor(a, src, rest[i]) || (m.Pron || m.StateRef) && sameCode(a, src, rest[i]) ||
			t.Phrase.Code[:2] < "14" && m.Role == "CVL" && sameCode(a, src, rest[i]) ||
			(t.Phrase.Code[:2] == "07" || t.Phrase.Code[:2] >= "14") && stateRole[m.Role] && sameCode(a, src, rest[i]) && stateSide(a, src) {
			// One state's organs are never each other's targets in aid or
			// material acts ("فرق إنقاذ إسبانية … على متن طائرات القوات
			// الجوية الإسبانية"): look further.
			// A statement's own people ("بالنسبة إلى الشعب السوري") are
			// not whom it addresses.
			// "طالبت الوزارة بالإفراج عن مواطنها": the source's own.
			continue
		}
		tgt = group(a, rest, i)
		break
	}
	tgt = dropPlaces(a, tgt)
	if len(src) > 0 && (len(tgt) > 0 && t.Phrase.Code[:2] >= "18" && sameCode(a, src, tgt[0]) || len(tgt) == 0 && t.Phrase.Code[:2] >= "19") {
		// (With no target at all, only fighting lands on a place: "اغتيال
		// هنية في طهران" does not target Iran.)
		// "أمر الجيش بالسيطرة على المنطقة العازلة في هضبة الجولان، وهو
		// ما شرعت القوات الإسرائيلية في تنفيذه": a place of another
		// state before the source's own forces is where the act lands.
		to := R
		if len(tgt) > 0 {
			to = a.mentions[tgt[0]].Tok0
		}
		if k := otherPlace(a, src, t.End, to); k >= 0 {
			tgt = party{k}
		}
	}
	if len(tgt) > 0 && len(src) > 0 && dualBetween(a, a.mentions[src[len(src)-1]].Tok1, a.mentions[tgt[0]].Tok0) {
		// "دعا غوتيريش الطرفين": the dual is the object; the caller
		// replaces it with the article's pair.
		tgt = nil
	}
	verbal := t.Phrase.Code[:2] < "14"
	if verbal && len(src) > 0 && (len(tgt) == 0 || t.Phrase.Code[:2] == "11" || t.Phrase.Code[:2] == "12") {
		// "انتقد الفيتو الأمريكي"، "دانت «الاعتداءات الإسرائيلية على
		// إيران»": an adjective on the complement's head names whose act
		// is aimed at.
		from, limit := t.Start, R
		if len(tgt) > 0 {
			// Only an adjective on the head of the complement, right after
			// the verb and its subject, comes before a named target.
			from = max(t.End, a.mentions[src[len(src)-1]].Tok1)
			limit = min(a.mentions[tgt[0]].Tok0, from+4)
		}
		k := adjectiveTarget(a, src, from, limit)
		if k < 0 && len(tgt) == 0 && t.Phrase.Code[:2] == "13" && isWord(a.d, R, "بان", "ان") {
			// "وتوعد … بأن الهجوم الأمريكي «لن يمر دون رد»": the threat's
			// content names whose act it answers.
			k = adjectiveTarget(a, src, R+1, min(R+4, len(a.d.Tokens)))
		}
		if k >= 0 {
			tgt = party{k}
			// "الهجوم الأمريكي البريطاني": adjectives in a row name
			// each side.
			for j := k + 1; j < len(a.mentions) && a.mentions[j].Tok0 == a.mentions[j-1].Tok1 && a.mentions[j].AdjOnly && !sameCode(a, src, j) && !sameCode(a, tgt, j); j++ {
				tgt = append(tgt, j)
			}
		}
	}
	if len(tgt) == 0 && t.Phrase.Code[:2] >= "18" && (len(src) > 0 && t.Phrase.Verb || t.Phrase.NoSrc) {
		// "هاجمت حركة الشباب قاعدة عسكرية صومالية"، "عبوة ناسفة انفجرت على
		// دورية بريطانية": the adjective on the object struck names whose
		// it is.
		for i := t.End; i < t.End+8 && i < R; i++ {
			if k := a.mentionAt[i]; k >= 0 && a.mentions[k].AdjOnly && !inParty(src, k) &&
				(hasForm(a.d, i-1, struckObjects...) || hasForm(a.d, i-2, struckObjects...)) {
				tgt = party{k}
				break
			}
		}
	}
	if len(tgt) == 0 && len(src) > 0 && t.Phrase.Code[:2] == "15" {
		// "أرسلت واشنطن سفناً حربية … قرب السواحل الفنزويلية": forces
		// sent to a state's coasts, borders or waters are aimed at it.
		for i := t.End; i+1 < R && len(tgt) == 0; i++ {
			if hasForm(a.d, i, frontierNouns...) {
				if k := a.mentionAt[i+1]; k >= 0 && a.mentions[k].AdjOnly && !sameCode(a, src, k) {
					tgt = party{k}
				}
			}
		}
	}
	if len(tgt) == 0 && len(src) > 0 && t.Phrase.Code[:2] == "15" {
		// "… في حالة تأهب، على خلفية التوتر مع روسيا": a show of force
		// is aimed at the state the crisis is with.
		if k := crisisWith(a, src, t.End, a.sentTok[t.sent][1]); k >= 0 {
			tgt = party{k}
		}
	}
	if t.Phrase.NoSrc && len(src) == 0 && t.Phrase.Code[:2] >= "18" && !t.Phrase.Verb {
		// "غارة إسرائيلية"، "صاروخ أميركي": the adjective on the weapon or
		// strike names the attacker.
		for i := t.End; i < t.End+2 && i < len(a.d.Tokens); i++ {
			if k := a.mentionAt[i]; k >= 0 && a.mentions[k].AdjOnly && !inParty(tgt, k) && !sameCode(a, tgt, k) {
				src = party{k}
				break
			}
		}
	}
	if t.Phrase.NoSrc && len(src) == 0 && t.Phrase.Code[:2] >= "18" {
		// "…، بعدما أطلق مسلح سلوفاكي النار عليه": an armed man named in
		// the sentence is the attacker.
		if k := armedIn(a, t, tgt); k >= 0 {
			src = party{k}
		}
	}
	if t.Phrase.NoSrc && len(src) == 0 {
		// "في هجوم تبنته حركة الشباب": the group that claimed it.
		for i := t.End; i+1 < R; i++ {
			if k := agentAfter(a, i); k >= 0 {
				src = party{k}
				if len(tgt) > 0 && tgt[0] == src[0] {
					tgt = nil
				}
				break
			}
		}
	}
	if len(tgt) == 0 && t.Phrase.Code[:2] >= "18" {
		// An assault "في السودان": the place is the target state.
		for _, k := range rest {
			if a.mentions[k].Place && !sameCode(a, src, k) {
				tgt = party{k}
				break
			}
		}
	}
	if len(tgt) == 0 && len(src) > 0 && (t.Phrase.Code == "042" || t.Phrase.Code == "043" || t.Phrase.Code[:2] == "07" || visitIntent(a, t)) {
		// "حلّ الوزير بالجزائر العاصمة في زيارة"، "مساعدات إلى درنة": the
		// place visited or helped stands for its state.
		for _, k := range append(append([]int{}, prePlaces...), rest...) {
			if a.mentions[k].Place && !sameCode(a, src, k) {
				tgt = party{k}
				break
			}
		}
		if len(tgt) == 0 && (t.Phrase.Code == "042" && a.mentions[src[0]].Kind == rasid.KindPerson || t.Phrase.Code[:2] == "07") {
			// "وصل إلى بنغازي": a city a person visits stands for its
			// state (aid or a team "وصلت إلى مدينة سيئون" is no visit);
			// so does a city aid reaches ("حطت … في بنغازي طائرات
			// محملة بالمساعدات").
			from := t.Start
			if t.Phrase.Code[:2] == "07" {
				from = L
			}
			for i := from; i < R; i++ {
				if k := a.mentionAt[i]; k >= 0 && a.mentions[k].Kind == rasid.KindPlace && len(a.mentions[k].Code) == 3 && !sameCode(a, src, k) {
					tgt = party{k}
					break
				}
			}
		}
		if len(tgt) == 0 && t.Phrase.Code[:2] == "07" {
			// "أرسلت المملكة المغربية أربعين طناً من المواد الغذائية
			// لفائدة سكان قطاع غزة": aid sent to a region of another state.
			if k := otherPlace(a, src, t.End, R); k >= 0 {
				tgt = party{k}
			}
		}
	}
	if !t.Phrase.Verb && t.Start > 0 {
		// "بقرار دولة إسرائيل الاعتراف بسيادة المغرب": whose decision
		// the act is, is its source; the target follows the noun.
		if k := a.mentionAt[t.Start-1]; k >= 0 && a.mentions[k].Tok1 == t.Start && !a.mentions[k].Place &&
			hasForm(a.d, a.mentions[k].Tok0-1, "قرار", "قرارا") {
			src, tgt = agentBefore(a, t, k, R, tgt)
		}
	}
	if t.Phrase.Code == "042" && !t.Phrase.Verb {
		// "في ختام زيارة بدأتها الوزيرة الفرنسية"، "أول زيارة يقوم بها
		// الرئيس التركي": the visitor is named by the relative verb after
		// the noun; whom the source was taken to be is the host.
		for i := t.End; i < t.End+3 && i+1 < R; i++ {
			if !hasForm(a.d, i, visitAgentVerbs...) {
				continue
			}
			j := i + 1
			if isWord(a.d, j, "بها") {
				j++
			}
			if k := a.firstActorAfter(j, min(j+1, R)); k >= 0 && !inParty(src, k) {
				host := src
				src = party{k}
				if len(host) > 0 && !sameCode(a, src, host[0]) {
					tgt = host
				} else if len(tgt) > 0 && tgt[0] == k {
					tgt = nil
				}
			}
			break
		}
	}
	if len(tgt) == 0 && len(src) > 0 && t.Phrase.Code[:2] >= "19" {
		// "قتلوا في غارات إسرائيلية على مخيم النصيرات": a source found
		// late (the strike's adjective) still lands on the place named.
		if k := otherPlace(a, src, t.End, R); k >= 0 {
			tgt = party{k}
		}
	}
	if len(src) == 0 && t.Phrase.Code[:2] == "14" {
		// "تظاهر الآلاف في بغداد": the people of the place protest.
		for i := L; i < R; i++ {
			if k := a.mentionAt[i]; k >= 0 && (a.mentions[k].Place || a.mentions[k].AdjOnly) {
				src = party{k}
				break
			}
		}
	}
	if len(src) > 0 && isWord(a.d, a.mentions[src[0]].Tok0-1, "من") && isWord(a.d, a.mentions[src[0]].Tok0-2, "كل") {
		// "زيارات قام بها كل من وزير الاقتصاد الألماني ومسؤولة العلاقات
		// الخارجية في الاتحاد الأوروبي إلى إيران": who "كل من" lists act
		// together, up to where the act goes.
		end := a.mentions[src[len(src)-1]].Tok1
		for end < R && !isWord(a.d, end, "الي", "مع", "لدي", "علي") && !(strings.HasPrefix(a.d.Tokens[end].Norm, "ب") || strings.HasPrefix(a.d.Tokens[end].Norm, "ل")) {
			end++
		}
		var keep party
		for _, k := range tgt {
			if a.mentions[k].Tok0 >= end {
				keep = append(keep, k)
			}
		}
		if tgt = keep; len(tgt) == 0 {
			if k := a.firstActorAfter(end, R); k >= 0 && !sameCode(a, src, k) {
				tgt = party{k}
			}
		}
	}
	if len(tgt) > 0 && isWord(a.d, a.mentions[tgt[0]].Tok0-1, "ومعها", "ومعه", "ومعهم", "معها", "معه", "ومعهما") {
		// "وكانت رواندا من بين الدول التي دعت …، ومعها كينيا وتنزانيا":
		// who acted along with the subject is no target.
		tgt = nil
	}
	if r := t.Phrase.Code[:2]; (r == "17" || r == "18") && len(tgt) > 0 && requester(a, tgt[0]) {
		// "ألقت السلطات السويسرية القبض على سبعة مسؤولين بطلب من القضاء
		// الأمريكي": at whose request is not whom.
		tgt = nil
	}
	if r := t.Phrase.Code[:2]; (r == "02" || r == "10") && len(tgt) > 0 && released(a, tgt[0]) {
		// "دعا ليون إلى الإفراج فوراً عن الإيطاليين المختطفين": the
		// hostages are whom the appeal is for, not whom it is to.
		tgt = nil
	}
	if r := t.Phrase.Code[:2]; r == "11" || r == "12" || t.Phrase.Code == "018" {
		if h := attackHead(a, t, src); h >= 0 {
			// "أدانت تونس الاعتداء الإرهابي الذي جد بمانشستر بالمملكة
			// المتحدة"، "أدان ليون اختطاف الموظفين الإيطاليين": a
			// condemned attack aims the condemnation at its author only,
			// not at where it struck or whom.
			tgt = attackAuthor(a, h, R)
		}
	}
	if a.border != nil && len(src) > 0 {
		// "انتشار تعزيزات عسكرية على الحدود بين بلاده وسوريا": a posture
		// on a border may be aimed at the neighbour, never made by it.
		if kept := notBorder(a, src); len(kept) < len(src) {
			if len(tgt) == 0 {
				for _, k := range src {
					if a.border[k] {
						tgt = append(tgt, k)
					}
				}
			}
			src = kept
		}
	}
	if (t.Phrase.Code[:2] == "07" || t.Phrase.Code == "033") && len(src) > 0 && recipient(a, t, src[0]) {
		// "تحمل مساعدات للشعب اليمني"، "المساعدات لبرنامج جديد
		// لأوكرانيا": who aid goes to is no donor.
		if len(tgt) == 0 {
			tgt = src
		}
		src = nil
	}
	if t.Phrase.Code[:2] == "12" && len(tgt) > 0 && isWord(a.d, a.mentions[tgt[0]].Tok0-1, "ضد") {
		// "رفضت تركيا التدخل عسكريا ضد تنظيم داعش": whom the act
		// refused would be against is no party to the refusal.
		tgt = nil
	}
	if t.Phrase.Code[:2] >= "18" && len(src) > 0 && counted(a, src[0]) {
		// "مقتل 115 مسلحاً من جبهة النصرة جراء ضربات …": the dead are
		// counted from whom they were; they did not strike.
		// Whoever else the clause names struck them.
		src, tgt = tgt, src
		if ag := ownAgent(a, t, R); len(ag) > 0 && !inParty(tgt, ag[0]) {
			src = ag
		}
	}
	if t.Phrase.Code[:2] >= "18" && len(src) > 0 && amongVictims(a, src[0]) {
		// "أسفر انفجار سيارة مفخخة عن إصابة 6 أشخاص بينهم وزير داخلية
		// ليبي سابق": one of the dead or wounded did not strike.
		if len(tgt) == 0 {
			tgt = src
		}
		src = nil
	}
	if t.Phrase.Code[:2] >= "18" && len(src) > 0 && struck(a, src[0]) {
		// "واستهدفت غارات مسائية … مواقع للحوثيين"، "على مواقع تنظيم
		// داعش": who is named as what was struck is no attacker.
		if len(tgt) == 0 {
			tgt = src
		}
		src = nil
	}
	if t.Phrase.Code == "112" && len(tgt) > 0 && chargeBefore(a, t.End, a.mentions[tgt[0]].Tok0) {
		// "ويتهم الجمهوريون "أوباما" بأنه يريد التهدئة مع إيران": who is
		// named in the charge is not the accused.
		tgt = nil
	}
	if t.Phrase.Code[:2] == "07" {
		// "قرضاً عاجلاً ستستخدمه لتسديد استحقاق للبنك المركزي الأوروبي":
		// whom a debt is repaid to neither gives nor gets the aid.
		src, tgt = notCreditors(a, src), notCreditors(a, tgt)
	}
	if !t.Phrase.Sym && len(src) > 0 && len(tgt) > 0 && joined(a, src, tgt) {
		// "حملة استهدفت من يشتبه في انتمائهم إلى تنظيم الدولة وحزب
		// العمال الكردستاني": actors joined by و fill one slot; they are
		// never source and target of each other ("بين X وY" is a pair).
		src = nil
	}
	return src, tgt
}

// attackHead returns the token of an attack noun that heads reaction
// trigger t's complement (right after the trigger or its subject, past an
// adverb), or -1.
func attackHead(a *article, t trigger, src party) int {
	i := t.End
	for _, k := range src {
		if a.mentions[k].Tok0 == i {
			i = a.mentions[k].Tok1
		}
	}
	for j := i; j < i+3 && j < len(a.d.Tokens) && a.sentOf[j] == t.sent; j++ {
		if hasForm(a.d, j, attackNouns...) {
			return j
		}
		if a.d.Tokens[j].Kind != arabic.Punct && !hasForm(a.d, j, "بشده", "بقوه", "ايضا", "امس", "اليوم") {
			break
		}
	}
	if t.Phrase.Verb && isWord(a.d, i, "في") && hasForm(a.d, i+1, speechWords...) {
		// "وأدان ليون في تصريح صحفي عقب لقائه بوزير الخارجية الإيطالي
		// … اختطاف الموظفين": past the frame the statement was made in,
		// the object.
		for j := i + 2; j < i+16 && j < len(a.d.Tokens) && a.sentOf[j] == t.sent; j++ {
			if hasForm(a.d, j, attackNouns...) && !strings.HasPrefix(a.d.Tokens[j].Norm, "ب") && !isWord(a.d, j-1, "في", "علي", "من", "الي", "عن") {
				return j
			}
		}
	}
	return -1
}

// attackNouns name an attack a reaction may be about.
var attackNouns = []string{"هجوم", "الهجوم", "هجمات", "الهجمات", "اعتداء", "الاعتداء", "الاعتداءات", "تفجير", "التفجير", "التفجيرات", "تفجيرات", "العمليه", "اختطاف",
	"الحادث", "الجريمه", "مجزره", "المجزره", "اغتيال", "قصف", "القصف", "الغاره", "الغارات"}

// attackAuthor returns the author of the attack named at token h: the
// nationality adjective on it ("الهجوم الإسرائيلي") or the agent its
// phrase names ("الذي نفذته"، "من قبل"), or nil.
func attackAuthor(a *article, h, R int) party {
	for i := h + 1; i < h+3 && i < len(a.d.Tokens); i++ {
		if k := a.mentionAt[i]; k >= 0 && a.mentions[k].AdjOnly {
			return party{k}
		}
	}
	for i := h + 1; i+1 < R && i < h+8; i++ {
		if k := agentAfter(a, i); k >= 0 {
			return party{k}
		}
		if k := byAgent(a, i, i == h+1); k >= 0 {
			return party{k}
		}
	}
	return nil
}

// requester reports whether mention k is named as who asked for an act
// ("بطلب من"، "بناء على طلب") or issued its warrant ("مذكرة توقيف صادرة
// عن").
func requester(a *article, k int) bool {
	i := a.mentions[k].Tok0
	switch {
	case isWord(a.d, i-1, "من") && hasForm(a.d, i-2, "بطلب", "طلب"):
		return true
	case hasForm(a.d, i-1, "طلب") && hasForm(a.d, i-2, "علي", "بناء"):
		return true
	case isWord(a.d, i-1, "عن", "من") && hasForm(a.d, i-2, "صادره", "الصادره"):
		return true
	}
	return false
}

// released reports whether mention k is who a release is asked for:
// "(الإفراج|إطلاق سراح) (فوراً)? عن X"، "إطلاق سراح X".
func released(a *article, k int) bool {
	i := a.mentions[k].Tok0
	if isWord(a.d, i-1, "سراح") {
		return true
	}
	if !isWord(a.d, i-1, "عن") {
		return false
	}
	j := i - 2
	if hasForm(a.d, j, "فورا", "الفوري", "العاجل") {
		j--
	}
	return hasForm(a.d, j, "الافراج", "بالافراج", "افراج", "سراح")
}

// recipient reports whether mention k is named as whom the aid of trigger
// t goes to: after "إلى" or "لصالح", or with ل right after the aid.
func recipient(a *article, t trigger, k int) bool {
	i := a.mentions[k].Tok0
	if i > 0 && (isWord(a.d, i-1, "الي", "لصالح", "لفائده") || hasForm(a.d, i-1, "المقدمه", "المقدم", "الموجهه")) {
		return true
	}
	// ل marks the recipient right after the aid ("مساعدات للشعب
	// اليمني"); elsewhere it is often an owner ("تابعة للأمم المتحدة"،
	// "المجلس التنفيذي لصندوق النقد").
	n := a.d.Tokens[i].Norm
	return i >= t.End && i <= t.End+2 && !hasForm(a.d, i-1, belonging...) &&
		(strings.HasPrefix(n, "لل") || strings.HasPrefix(n, "ل") && !lProper(a, i))
}

// counted reports whether mention k is what a count of casualties is
// taken from: "N/عشرات/عدد … من (صفوف) X" with a word of death or wounds
// in the sentence.
func counted(a *article, k int) bool {
	i := a.mentions[k].Tok0
	j := i - 1
	if isWord(a.d, j, "صفوف", "عناصر", "مقاتلي", "مسلحي", "جنود") {
		j--
	}
	if !isWord(a.d, j, "من") || j < 1 {
		return false
	}
	c := j - 1
	if a.d.Tokens[c].Kind != arabic.Number && !hasForm(a.d, c, countNouns...) {
		return false
	}
	s := a.sentOf[i]
	for x := a.sentTok[s][0]; x < a.sentTok[s][1]; x++ {
		if hasForm(a.d, x, harmWords...) || hasForm(a.d, x, "حتفهم", "حتفه", "استشهاد", "قتلت") {
			return true
		}
	}
	return false
}

// countNouns count people.
var countNouns = []string{"عشرات", "مئات", "الاف", "عدد", "العديد", "عنصرا", "عنصر", "مسلحا", "مسلحين", "جنديا", "جنود", "شخصا", "اشخاص", "مقاتلا", "مقاتلين", "قتيلا", "قياديا", "اثنين", "ثلاثه"}

// struck reports whether mention k is named as what an attack struck:
// after "على" or "ضد", after a targeted place ("مواقع"، "مقرات") or a
// verb of targeting.
func struck(a *article, k int) bool {
	i := a.mentions[k].Tok0
	marked := func(j int) bool {
		if j < 0 {
			return false
		}
		if isWord(a.d, j, "ضد") || isWord(a.d, j, "علي") && strings.HasSuffix(a.text[a.d.Tokens[j].Start:a.d.Tokens[j].End], "ى") {
			return true
		}
		n := withoutConj(a.d.Tokens[j].Norm)
		return strings.HasPrefix(n, "استهدف") || strings.HasPrefix(n, "يستهدف") || strings.HasPrefix(n, "تستهدف")
	}
	if marked(i - 1) {
		return true
	}
	if i > 0 && hasForm(a.d, i-1, struckPlaces...) {
		return true
	}
	return i > 1 && hasForm(a.d, i-2, struckPlaces...) && marked(i-3)
}

// struckPlaces are what an attack lands on, before whose they are.
var struckPlaces = []string{"مواقع", "معاقل", "تجمعات", "مقرات", "مقر", "تمركزات", "حاجز", "مركز", "معسكر", "معسكرات", "قاعده", "مخازن", "منازل", "تعزيزات", "ارتال", "رتل", "دوريه"}

// adjectiveTarget returns the first nationality adjective in [from, to)
// of a state other than the source's, or -1.
// otherPlace returns the first place in tokens [from, to) of another
// state than src's, or -1.
func otherPlace(a *article, src party, from, to int) int {
	for i := from; i < to; i++ {
		if k := a.mentionAt[i]; k >= 0 && a.mentions[k].Place && !sameCode(a, src, k) {
			return k
		}
	}
	return -1
}

// frontierNouns are a state's edges, which forces are sent to or massed
// along ("قرب السواحل الفنزويلية"، "على الحدود اللبنانية").
var frontierNouns = []string{"السواحل", "سواحل", "الساحل", "ساحل", "الحدود", "حدود", "المياه", "مياه", "الاجواء", "اجواء", "المجال"}

func adjectiveTarget(a *article, src party, from, to int) int {
	for i := from; i < to; i++ {
		k := a.mentionAt[i]
		if k < 0 || !a.mentions[k].AdjOnly {
			continue
		}
		if !sameCode(a, src, k) {
			return k
		}
	}
	return -1
}

func sameCode(a *article, p party, k int) bool {
	for _, j := range p {
		if a.mentions[j].Code == a.mentions[k].Code {
			return true
		}
	}
	return false
}

// victimFrame reports whether an assault noun is introduced as the cause
// of what came before: "في هجوم"، "بانفجار"، "جراء القصف"، "إثر غارة".
func victimFrame(a *article, t trigger) bool {
	if t.Phrase.Verb || t.Phrase.Code[:2] < "18" {
		return false
	}
	n := a.d.Tokens[t.Start].Norm
	causal := strings.HasPrefix(n, "ب") && !strings.HasPrefix(t.Phrase.Pattern, "ب") ||
		t.Start > 0 && hasForm(a.d, t.Start-1, "في", "جراء", "اثر", "عقب", "بسبب", "خلال") ||
		t.Start > 1 && hasForm(a.d, t.Start-1, "سقوط") && hasForm(a.d, t.Start-2, "في", "جراء", "اثر", "عقب", "بسبب") ||
		strings.HasPrefix(n, "و") && t.Start > 3 && (hasForm(a.d, t.Start-2, "جراء", "اثر", "بسبب") || hasForm(a.d, t.Start-3, "جراء", "اثر", "بسبب"))
	// ("جراء الضربات الصاروخية وغارات التحالف": a strike joined to the
	// one the cause names.)
	if !causal {
		return false
	}
	// Only after casualties: "ردت بإطلاق صواريخ" is how, not why.
	for i := t.Start - 1; i >= 0 && i >= t.Start-window && a.sentOf[i] == t.sent; i-- {
		if hasForm(a.d, i, harmWords...) || hasForm(a.d, i, "استشهد", "استشهدوا", "استشهدت", "استشهاد") {
			return true
		}
	}
	return false
}

// ownAgent finds the agent of an assault in its own phrase: "هجوم تبنته
// حركة الشباب"، "غارة شنتها إسرائيل".
func ownAgent(a *article, t trigger, R int) party {
	if k := genitiveAgent(a, t); k >= 0 {
		return party{k}
	}
	for i := t.End; i+1 < R && i < t.End+6; i++ {
		if k := agentAfter(a, i); k >= 0 {
			return party{k}
		}
		if k := byAgent(a, i, i <= t.End+1); k >= 0 {
			return party{k}
		}
	}
	for i := t.End + 6; i+2 < R && i < t.End+16 && !isComma(a, i); i++ {
		// "في تفجير انتحاري الاثنين في بلدة تركية على الحدود السورية
		// نسبت الى تنظيم الدولة": to whom it is attributed, further on.
		if hasForm(a.d, i, "نسب", "نسبت", "نسبه", "نسبها") && isWord(a.d, i+1, "الي") {
			if k := byAgent(a, i, false); k >= 0 {
				return party{k}
			}
		}
	}
	return nil
}

// genitiveAgent returns the actor a strike noun takes in the genitive
// ("جراء قصف القوات الأوكرانية"، "بقصف ميليشيات الحوثي"، past an arm:
// "غارات طيران التحالف"), when the noun is no verb's object (whose
// genitive is what was struck: "ستواصل القوات قصف تنظيم الدولة"), or -1.
func genitiveAgent(a *article, t trigger) int {
	if t.Phrase.Verb || t.Phrase.Obj || t.End-t.Start != 1 || t.End >= len(a.d.Tokens) || !hasForm(a.d, t.Start, strikeNouns...) {
		return -1
	}
	n := a.d.Tokens[t.Start].Norm
	framed := strings.HasPrefix(n, "ب") || strings.HasPrefix(n, "ل") || isWord(a.d, t.Start-1, "جراء", "بسبب", "اثر", "نتيجه", "عقب", "خلال", "في", "من") ||
		strings.HasPrefix(n, "و") && (isWord(a.d, t.Start-2, "جراء", "بسبب", "اثر") || isWord(a.d, t.Start-3, "جراء", "بسبب", "اثر"))
	if !framed {
		return -1
	}
	i := t.End
	if hasForm(a.d, i, strikingArms...) {
		i++
	}
	if i >= len(a.d.Tokens) {
		return -1
	}
	if k := a.mentionAt[i]; k >= 0 && a.mentions[k].Tok0 == i && !a.mentions[k].Place && !a.mentions[k].AdjOnly {
		tn := a.d.Tokens[i].Norm
		if !strings.HasPrefix(tn, "ل") && !strings.HasPrefix(tn, "ب") || lProper(a, i) {
			return k
		}
	}
	return -1
}

// strikeNouns are attacks whose genitive names the attacker.
var strikeNouns = []string{"قصف", "غاره", "غارات", "ضربات", "قذائف", "صواريخ", "نيران", "رصاص"}

// byAgent returns the actor that "من قبل" or "على يد" at token i names as
// an act's agent, or, when near (right after the act noun and one
// adjective: "القصف العنيف من مليشيات الحوثي"), a plain "من"; -1 if none.
// Further on, "من" more often counts victims ("عدد من الجنود").
func byAgent(a *article, i int, near bool) int {
	at := func(j int) int {
		if j >= len(a.d.Tokens) || a.sentOf[j] != a.sentOf[i] {
			return -1
		}
		if k := a.mentionAt[j]; k >= 0 && !a.mentions[k].Place && a.mentions[k].Tok0 == j {
			return k
		}
		return -1
	}
	switch {
	case isWord(a.d, i, "من") && isWord(a.d, i+1, "قبل"):
		return at(i + 2)
	case hasForm(a.d, i, "نسب", "نسبت", "ينسب", "تنسب", "نسبه", "نسبها") && isWord(a.d, i+1, "الي"):
		// "في قصف نسب إلى الحوثيين"
		return at(i + 2)
	case near && hasForm(a.d, i, "لطيران", "لطائرات", "لمقاتلات", "لمدفعيه", "لقوات", "لعناصر", "لمسلحي"):
		// "غارات لطائرات التحالف"، "بقصف لمدفعية النظام"
		return at(i + 1)
	case near && a.mentionAt[i] >= 0 && strings.HasPrefix(a.d.Tokens[i].Norm, "ل") && !isWord(a.d, i-1, "مواقع", "مقرات", "معاقل", "تجمعات", "تعزيزات"):
		// "بقصف لميليشيا الحوثي": the strike's own
		if k := at(i); k >= 0 && !lProper(a, i) {
			return k
		}
		return -1
	case isWord(a.d, i, "علي") && isWord(a.d, i+1, "يد", "ايدي"):
		return at(i + 2)
	case near && isWord(a.d, i, "من"):
		return at(i + 1)
	}
	return -1
}

// agentAfter returns the mention that token i, an agent verb, names as
// who carried out an attack: right after it, or after the arm that struck
// ("غارة شنها طيران الاحتلال الإسرائيلي"); -1 if none.
func agentAfter(a *article, i int) int {
	if !hasForm(a.d, i, agentVerbs...) || i+1 >= len(a.d.Tokens) {
		return -1
	}
	if k := a.mentionAt[i+1]; k >= 0 {
		return k
	}
	if i+2 < len(a.d.Tokens) && a.sentOf[i+2] == a.sentOf[i] && hasForm(a.d, i+1, strikingArms...) {
		return a.mentionAt[i+2]
	}
	return -1
}

// lProper reports whether a word starting with ل is a name of its own
// ("لبنان"، "ليبيا") rather than ل + a name.
func lProper(a *article, i int) bool {
	n := withoutConj(a.d.Tokens[i].Norm)
	for _, name := range []string{"لبنان", "ليبيا", "لاتفيا", "ليتوانيا", "ليبيريا", "لوكسمبورغ", "ليسوتو", "لاوس", "لندن", "لشبونه", "ليما", "لاهاي", "لواندا", "لومي", "لوساكا", "ليلونغوي", "لوبليانا"} {
		if strings.HasPrefix(n, name) {
			return true
		}
	}
	return false
}

// strikingArms are the means named between an agent verb and the agent.
var strikingArms = []string{"طيران", "طائره", "طائرات", "مقاتله", "مقاتلات", "مروحيه", "مروحيات", "مدفعيه", "سلاح", "بوارج", "زوارق", "مسيرات", "صواريخ"}

func dropAll(list []int, p party) []int {
	return keepIf(list, func(k int) bool { return !inParty(p, k) })
}

// keepIf returns, in a new slice, the mentions of list that keep holds
// for: lists of mentions are shared between the rules, never filtered in
// place.
func keepIf[L ~[]int](list L, keep func(k int) bool) L {
	var out L
	for _, k := range list {
		if keep(k) {
			out = append(out, k)
		}
	}
	return out
}

// dualBetween reports whether a dual noun lies in tokens [from, to).
func dualBetween(a *article, from, to int) bool {
	for i := from; i < to; i++ {
		if hasForm(a.d, i, duals...) {
			return true
		}
	}
	return false
}

func inParty(p party, k int) bool {
	for _, j := range p {
		if j == k {
			return true
		}
	}
	return false
}

// destination reports whether mention k follows إلى or لدى: where a visit
// goes, whom a message is for.
func destination(a *article, k int) bool {
	i := a.mentions[k].Tok0
	if i > 0 && isWord(a.d, i-1, "الي", "لدي") {
		return true
	}
	return false
}

// prepositional reports whether mention k stands behind a preposition:
// "إلى الولايات المتحدة"، "على إيران"، "للحكومة".
func prepositional(a *article, k int) bool {
	m := a.mentions[k]
	if isWord(a.d, m.Tok0-1, "الي", "علي", "ضد", "في", "من", "عن", "مع", "نحو", "تجاه") {
		return true
	}
	n := a.d.Tokens[m.Tok0].Norm
	return strings.HasPrefix(n, "لل") || strings.HasPrefix(n, "بال")
}

// resumptive reports whether a preposition with a pronoun that refers
// back to a relative's antecedent lies in tokens [from, to): "التي زار
// فيها أوباما كينيا"، "التي تعرض لها". The antecedent is then not the
// verb's subject.
func resumptive(a *article, from, to int) bool {
	for i := from; i < to && i < from+4; i++ {
		if isWord(a.d, i, "فيها", "فيه", "بها", "به", "عليها", "عليه", "منها", "منه", "لها", "له", "عنها", "عنه", "خلالها", "خلاله") {
			return true
		}
	}
	return false
}

// relativeBefore returns the relative pronoun right before verb trigger
// t, past "سبق أن"، "قد" or "كان" ("التي سبق أن وجهت"، "الذي كان قد
// زار"), or -1.
func relativeBefore(a *article, t trigger) int {
	if !t.Phrase.Verb {
		return -1
	}
	i := t.Start - 1
	for n := 0; n < 3 && i >= 0; n++ {
		switch {
		case isWord(a.d, i, "الذي", "التي", "الذين", "اللذين", "اللتين", "اللواتي", "اللذان", "اللتان"):
			return i
		case isWord(a.d, i, "ان") && isWord(a.d, i-1, "سبق"):
			i -= 2
		case isWord(a.d, i, "قد", "كان", "كانت", "كانوا"):
			i--
		default:
			return -1
		}
	}
	return -1
}

// antecedent returns the mention that ends right before the relative
// pronoun at token i (a comma may come between), or -1.
func antecedent(a *article, i int) int {
	for j := i - 1; j >= 0 && j >= i-2; j-- {
		if k := a.mentionAt[j]; k >= 0 {
			return k
		}
		if !isComma(a, j) {
			break
		}
	}
	return -1
}

func dropPlaces(a *article, p party) party {
	out := p[:0:0]
	for _, k := range p {
		if !a.mentions[k].Place {
			out = append(out, k)
		}
	}
	return out
}

// sameActor reports whether mention k is the same actor as one of p: same
// code and role (a title and its country, a repeated name).
func sameActor(a *article, p party, k int) bool {
	for _, j := range p {
		x, y := a.mentions[j], a.mentions[k]
		if x.Code == y.Code && (x.Role == y.Role || x.Role == "" || y.Role == "") {
			return true
		}
	}
	return false
}

// group returns list[i] and the mentions coordinated with it by و
// ("المغرب وروسيا"، "سانشيز ونظيره الإيرلندي").
func group(a *article, list []int, i int) party {
	g := party{list[i]}
	for j := i + 1; j < len(list); j++ {
		prev, cur := a.mentions[list[j-1]], a.mentions[list[j]]
		if cur.Tok0 == prev.Tok1 && cur.Code == prev.Code && !coordinated(a, prev, cur) {
			// "العاهل الأردني الملك عبد الله الثاني ورئيس دولة فلسطين": the
			// same party named twice; the coordination goes on after it.
			continue
		}
		if !coordinated(a, prev, cur) {
			break
		}
		g = append(g, list[j])
	}
	return g
}

func coordinated(a *article, prev, cur lexicon.Mention) bool {
	gap := cur.Tok0 - prev.Tok1
	if gap == 0 {
		n := a.d.Tokens[cur.Tok0].Norm
		return len(n) > 2 && n[:2] == "و" && cur.Start > a.d.Tokens[cur.Tok0].Start
	}
	if gap == 1 {
		return isWord(a.d, prev.Tok1, "و")
	}
	return false
}

var duals = []string{"الجانبان", "الجانبين", "الطرفان", "الطرفين", "طرفي", "الاطراف", "البلدان", "البلدين", "الوزيران", "الوزيرين",
	"الزعيمان", "الزعيمين", "الرئيسان", "الرئيسين", "المسؤولان", "المسؤولين", "القائدان", "القائدين"}

// dualSubject reports whether the trigger's parties are named by a dual
// ("أشاد الوزيران"، "توقيع الشراكة بين البلدين"): one close to the
// trigger, with no actor named between them.
func dualSubject(a *article, t trigger, L, R int) bool {
	for i := t.Start; i < R && i < t.End+5; i++ {
		if a.mentionAt[i] >= 0 {
			break
		}
		if hasForm(a.d, i, duals...) {
			return true
		}
	}
	for i := t.Start - 1; i >= L && i >= t.Start-3; i-- {
		if a.mentionAt[i] >= 0 {
			break
		}
		if hasForm(a.d, i, duals...) {
			return true
		}
	}
	return false
}

// patternStem is the first word of phrase p's pattern as the text's
// tokens read it: normalised, without its "*".
func patternStem(p *lexicon.Phrase) string {
	stem, _, _ := strings.Cut(p.Pattern, " ")
	return arabic.Normalize(strings.TrimSuffix(stem, "*"))
}

// objectSuffix reports whether verb trigger t's word carries an object
// pronoun (اغتاله، شنتها) after the stem its pattern names.
func objectSuffix(a *article, t trigger) bool {
	stem := patternStem(t.Phrase)
	n := a.d.Tokens[t.Start].Norm
	for _, suf := range []string{"هما", "هم", "ها", "ه"} {
		if w, ok := strings.CutSuffix(n, suf); ok && strings.HasSuffix(w, stem) {
			return true
		}
	}
	return false
}

// topicWords open what talk is about ("حول إيران"، "بشأن الاتفاق"،
// "الأوضاع في سوريا").
var topicWords = []string{"حول", "بشان", "حيال", "الاوضاع", "والاوضاع", "الوضع", "تطورات", "مستجدات", "تناولت", "تناول", "بحجه", "ملف",
	"تطرقت", "تطرق", "تطرقا", "تطرقوا", "لموضوع", "موضوع", "ازمه", "لازمه"}

// notTopics drops from post, the actors after talk trigger t, those named
// in what the talk is about ("اجتماع مع نائب الرئيس جو بايدن حول إيران"،
// "تناولت المباحثات الأوضاع في سوريا واليمن"): a topic is no party. A
// partner marked by مع after the topic stays ("اتفاق حول الملف النووي مع
// إيران").
func notTopics(a *article, t trigger, post []int) []int {
	topic := -1
	for i := t.End; i < len(a.d.Tokens) && a.sentOf[i] == t.sent; i++ {
		if a.mentionAt[i] < 0 && hasForm(a.d, i, topicWords...) {
			topic = i
			break
		}
	}
	if topic < 0 {
		return post
	}
	return keepIf(post, func(k int) bool {
		// ("مذكرة تفاهم حول القطاع المالي بين تونس والمملكة المتحدة":
		// its sides follow بين.)
		m := a.mentions[k]
		return m.Tok0 <= topic || isWord(a.d, m.Tok0-1, "مع") || strings.HasPrefix(a.d.Tokens[m.Tok0].Norm, "مع") || wordBetween(a, topic, m.Tok0, "بين")
	})
}

// wordBetween reports whether one of words lies in tokens (from, to).
func wordBetween(a *article, from, to int, words ...string) bool {
	for i := from + 1; i < to; i++ {
		if isWord(a.d, i, words...) {
			return true
		}
	}
	return false
}

// speechRoot reports whether code is a verbal act (statements, appeals,
// approval, demands, disapproval, rejection), whose subject is a speaker.
func speechRoot(code string) bool {
	switch code[:2] {
	case "01", "02", "05", "10", "11", "12":
		return code[:3] != "057"
	}
	return false
}

// slotTaken reports whether the subject slot right after verb trigger t
// holds words the lexicon does not know before mention k: two plain words
// or more ("إسكندر الرقيق ظاهرة تهميش"), or one word with an adjective of
// state ("الصحافة الجزائرية"). Times, honorifics and adverbs may stand
// there; a preposition opens an adverbial and leaves the slot open.
func slotTaken(a *article, t trigger, k int) bool {
	end := a.mentions[k].Tok0
	words := 0
	for i := t.End; i < end && a.sentOf[i] == t.sent; i++ {
		tk := a.d.Tokens[i]
		if tk.Kind == arabic.Punct {
			// "دعا زعيم تيار المحبة، الهاشمي الحامدي، الباجي قائد
			// السبسي": the subject and its name in apposition.
			// But "دعا عز الدين الأصبحي، وزير حقوق الإنسان اليمني،": a
			// name, then the actor in apposition, who is the subject.
			return words >= 2 && isComma(a, i) && (i+1 >= len(a.d.Tokens) || a.mentionAt[i+1] < 0)
		}
		if m := a.mentionAt[i]; m >= 0 {
			return words >= 1 && a.mentions[m].AdjOnly && a.mentions[m].Tok0 == i && i == t.End+words
		}
		if i+1 == end && a.mentions[k].Tok0 == end {
			// Right before the mention: "الأمانة العامة لمنظمة التعاون"
			// (its organ) and "الدكتور عبد اللطيف الزياني الأمين العام"
			// (its holder's name) are the mention's; "تهميش وزير
			// الخارجية" is not.
			n := a.d.Tokens[end].Norm
			m := a.mentions[k]
			if strings.HasPrefix(n, "ل") && !strings.HasPrefix(n, "لا") || strings.HasPrefix(n, "ال") && m.Kind == rasid.KindPerson {
				return false
			}
		}
		if hasForm(a.d, i, slotWords...) || a.hasTime(i, i+1) {
			continue
		}
		if isWord(a.d, i, "في", "خلال", "عبر", "امام") {
			// An adverbial right after the verb leaves the slot open;
			// after two words it closes the subject ("مديرة قسم الشرق
			// الأوسط في المنظمة").
			// But "عضو لجنة الأمن والدفاع في مجلس النواب العراقي": the
			// body it names after في is the subject's.
			if n := a.mentionAt[i+1]; n >= 0 && !a.mentions[n].Place && !a.mentions[n].Bare {
				return false
			}
			return words >= 2
		}
		if hasForm(a.d, i, subjectLinks...) || hasForm(a.d, i, pronounPreps...) || isComplement(a, i) ||
			isWord(a.d, i, "علي", "مع", "ان", "انه", "انها", "الي", "عن") || !strings.HasPrefix(tk.Norm, "ال") && words == 0 && hasForm(a.d, i, "بيان", "تصريح", "كلمه") {
			return false
		}
		words++
	}
	return words >= 2
}

// beneficiaryWords say for whom force is used ("غارات … لإعادة هادي إلى
// السلطة"، "دعما للحكومة الشرعية"): that side is no target.
var beneficiaryWords = []string{"لاعاده", "لدعم", "لحمايه", "لمساعده", "لنصره", "لمسانده", "دعما", "نصره", "مسانده", "اسنادا", "لاسناد"}

// plotWords name the act an accusation alleges ("اتهم … رجلا بالتآمر
// لمهاجمة عسكريين أمريكيين"): whom it was aimed at is not accused.
var plotWords = []string{"لمهاجمه", "لاستهداف", "لاغتيال", "لقتل", "لتفجير", "لخطف", "بمهاجمه", "باستهداف", "باغتيال", "بالانضمام", "والانضمام", "للانضمام", "الانضمام"}

// companions say who goes along with the subject ("مرفوقا بوفد"،
// "برفقة"): on its side, never a party to its act.
var companions = []string{"برفقه", "رفقه", "مرفوقا", "مرفوقه", "يرافقه", "ترافقه", "يرافقها", "يرافقهم", "بصحبه", "يصحبه"}

// companionBetween reports whether a companion word follows trigger t
// before the last of post.
func companionBetween(a *article, t trigger, post []int) bool {
	if len(post) == 0 {
		return false
	}
	for i := t.End; i < a.mentions[post[len(post)-1]].Tok0; i++ {
		if hasForm(a.d, i, companions...) {
			return true
		}
	}
	return false
}

// notHelpers drops from post the actors named after "بالتعاون مع" or
// "بالتنسيق مع" past trigger t ("أشاد بجهود الجمعية … بالتعاون مع مسؤولي
// السفارة اليمنية"): who helped with something is not whom the act is
// aimed at. Acts of cooperation themselves keep them.
func notHelpers(a *article, t trigger, post []int) []int {
	if r := t.Phrase.Code[:2]; r == "03" || (r == "04" || r == "06" || t.Phrase.Code == "057") && !companionBetween(a, t, post) {
		return post
	}
	return keepIf(post, func(k int) bool {
		m := a.mentions[k]
		for j := m.Tok0 - 1; j >= t.End && j >= m.Tok0-3; j-- {
			// ("بالتعاون مع مسؤولي السفارة اليمنية")
			if isWord(a.d, j, "مع") && hasForm(a.d, j-1, "بالتعاون", "بالتنسيق", "وبالتعاون", "وبالتنسيق") && !complementNext(a, t.End, j-1) ||
				hasForm(a.d, j, companions...) ||
				t.Phrase.Code[:2] >= "15" && hasForm(a.d, j, beneficiaryWords...) ||
				t.Phrase.Code[:2] == "11" && hasForm(a.d, j, plotWords...) ||
				t.Phrase.Code[:2] == "10" && j == m.Tok0-1 && hasForm(a.d, j, "باستعاده", "بعوده", "باعاده", "بدعم", "باستمرار") {
				// ("تطالب باستعادة الحكومة الشرعية باليمن": for whom.)
				return false
			}
		}
		return true
	})
}

// hasObjectPronoun reports whether a verb ends in an object pronoun
// ("وقعته"، "شنتها").
func hasObjectPronoun(n string) bool {
	return strings.HasSuffix(n, "ه") || strings.HasSuffix(n, "ها") || strings.HasSuffix(n, "هم")
}

// complementNext reports whether token i is the first word after a verb's
// end (past its subject, times and punctuation): "أشاد الوزير، أمس،
// بالتعاون مع موريتانيا" praises the cooperation itself.
func complementNext(a *article, from, i int) bool {
	for j := from; j < i; j++ {
		if a.mentionAt[j] >= 0 || a.d.Tokens[j].Kind == arabic.Punct || hasForm(a.d, j, slotWords...) || a.hasTime(j, j+1) {
			continue
		}
		return false
	}
	return true
}

// coordinatedNext reports whether mention k follows mention p directly,
// joined by و ("السنغال وجنوب أفريقيا").
func coordinatedNext(a *article, p, k int) bool {
	m := a.mentions[k]
	return m.Tok0 == a.mentions[p].Tok1 && strings.HasPrefix(a.d.Tokens[m.Tok0].Norm, "و")
}

// agentBefore makes mention k, named right before noun trigger t, the
// act's agent: the target stays unless it is of k's state, else it is the
// first other actor after the noun, up to R.
func agentBefore(a *article, t trigger, k, R int, tgt party) (party, party) {
	src := party{k}
	if len(tgt) > 0 && sameCode(a, src, tgt[0]) {
		tgt = nil
	}
	if len(tgt) == 0 {
		for _, j := range actorIdx(a, t.End, R) {
			if !a.mentions[j].Place && !sameCode(a, src, j) {
				return src, party{j}
			}
		}
	}
	return src, tgt
}
