// This file refines a phrase's code by its context: where a meeting is
// held, what a threat promises, what an appeal asks for, whether a
// condemnation is a court's verdict.

package coder

import (
	"strings"

	"rasid/arabic"
)

// refineCode returns the more specific code trigger t's context gives its
// act, with the target that goes with it, or "" to keep the phrase's code.
func refineCode(a *article, t trigger, L, R int, src, tgt party) (string, party) {
	code := t.Phrase.Code
	switch {
	case code[:2] == "04" && !t.Phrase.Verb && t.Start > 0 && hasForm(a.d, t.Start-1, "عزم", "عزمه", "عزمها", "عزمهم", "نيته", "نيتها", "نيه",
		"تريد", "يريد", "يريدون", "ترغب", "يرغب", "يرغبون", "رغبه", "رغبته", "رغبتها"):
		// "أعلن عزمه زيارة إيران في سبتمبر"، "طهران تريد التفاوض": the
		// intent to meet is the act reported (036, GUIDE), not the visit.
		return "036", tgt
	case code[:2] >= "04" && code[:2] <= "08" && futureMarked(a, t, L):
		// "سيجري الوزير اتصالاً هاتفياً بنظيره"، "سيتم توقيع الاتفاقية"،
		// "ستقدم مساعدات": an act announced, not done: the intent is the
		// act (GUIDE) — to meet (036), to cooperate (030), to aid (033).
		switch code[:2] {
		case "04":
			return "036", tgt
		case "07":
			return "033", tgt
		}
		return "030", tgt
	case code == "190" && t.Phrase.Verb && strings.HasPrefix(t.Phrase.Pattern, "شن") && spokenAttack(a, t):
		// "شن في مقابلة تلفزيونية هجوماً على السعودية": words, not force.
		return "111", tgt
	case code == "114" && len(src) > 0:
		// "واستدعاء السفير الفرنسي لدى الجزائر" by France: its own
		// ambassador recalled (161) from the state he is posted to.
		k := a.mentionAt[min(t.End-1, len(a.d.Tokens)-1)]
		if k < 0 || !sameCode(a, src, k) {
			return "", tgt
		}
		for i := a.mentions[k].Tok1 - 1; i+1 < R; i++ {
			if j := a.mentionAt[i+1]; j >= 0 && isWord(a.d, i, "لدي", "في", "من") && !sameCode(a, src, j) {
				return "161", party{j}
			}
		}
		return "", tgt
	case code == "130" && len(src) > 0 && forceThreat(a, t, R, src):
		// "هدد … باستهداف السفن"، a threat by an armed group: force.
		return "138", tgt
	case code == "111" && len(src) > 0 && convicts(a, t, R, src):
		// "أدانت المحكمة الجنائية الدولية … بارتكاب جرائم حرب": a court
		// finds guilty (116), it does not condemn.
		return "116", tgt
	case code == "020":
		// "دعا … إلى فتح حوار": what is appealed for gives the kind.
		return appealKind(a, t, R), tgt
	case code == "040" && len(src) == 1 && len(tgt) == 1:
		// "التقى ترامب، أمس في الرياض، الرئيس السوري": where a meeting is
		// held tells a visit (042), a hosting (043) or a meeting in a
		// third state (044).
		place := meetingPlace(a, t, L, R, tgt[0])
		if place == "" {
			place = sidelinesPlace(a, t)
		}
		switch place {
		case "":
			return "", tgt
		case a.mentions[src[0]].Code:
			return "043", tgt
		case a.mentions[tgt[0]].Code:
			return "042", tgt
		}
		return "044", tgt
	}
	return "", tgt
}

// futureMarked reports whether verb trigger t, or the light verb that
// carries noun trigger t right before it, is marked for the future
// ("سيلتقي"، "سيجري اتصالاً"، "سيبدأ بزيارة").
func futureMarked(a *article, t trigger, L int) bool {
	future := func(i int) bool {
		return markedFuture(withoutConj(a.d.Tokens[i].Norm))
	}
	if t.Phrase.Verb {
		return future(t.Start) || t.Start > L && isWord(a.d, t.Start-1, "سوف")
	}
	if upcoming(a, t) {
		return true
	}
	if isWord(a.d, t.Start-1, "لاجراء", "لعقد", "لتوقيع") {
		// "ستزور السعودية الاثنين، ثم طهران الثلاثاء، لإجراء محادثات":
		// the purpose of a trip to come.
		for i := t.Start - 2; i >= 0 && i >= t.Start-16 && a.sentOf[i] == t.sent; i-- {
			if a.mentionAt[i] < 0 && future(i) && !(i > 0 && a.mentionAt[i-1] >= 0 && strings.HasPrefix(a.d.Tokens[i-1].Norm, "ال")) {
				// (After a title its holder's name may follow:
				// "المبعوث الأممي ستيفان دي ميستورا".)
				return true
			}
		}
	}
	i := t.Start - 1
	if i-1 >= L && isWord(a.d, i, "من") && hasForm(a.d, i-1, "عددا", "عدد", "سلسله", "جمله", "مجموعه") {
		// "كما سيجري الوفد عدداً من اللقاءات": past a quantity, and a
		// subject no actor ("الوفد") right after a light verb to come.
		i -= 2
		if i-1 >= L && a.mentionAt[i] < 0 && hasForm(a.d, i-1, lightFutures...) {
			i--
		}
	}
	for i >= L && a.mentionAt[i] >= 0 {
		// "سيجري وزير الخارجية التشيكي اتصالاً": past the subject.
		i--
	}
	if i > L && hasForm(a.d, i, "تنظيم", "اجراء", "عقد", "اداء") {
		// "فسيتم تنظيم زيارة العمل"، "سيتم إجراء محادثات"
		i--
	}
	if i < L {
		return false
	}
	return future(i) && hasForm(a.d, i, lightFutures...)
}

// upcomingWords mark an act noun as one to come: "زيارة مرتقبة"، "اجتماع
// قريب"، "الجولة المقبلة من المفاوضات"، "زيارة يعتزم القيام بها".
var upcomingWords = []string{"المرتقب", "المرتقبه", "مرتقب", "مرتقبه", "القريب", "القريبه", "قريب", "قريبه", "المقبل", "المقبله", "مقبل", "مقبله",
	"القادم", "القادمه", "المزمع", "المزمعه", "مزمع", "مزمعه", "المقرر", "المقرره", "يعتزم", "تعتزم", "ينوي", "تنوي", "يزمع", "تزمع"}

// upcoming reports whether noun trigger t is marked as an act to come: by
// a word right after it or before it in its phrase, or by a preparation
// for it ("استعداداً لزيارة"، "يستعد لزيارة").
func upcoming(a *article, t trigger) bool {
	for i := t.Start + 1; i < t.End+3 && i < len(a.d.Tokens) && a.sentOf[i] == t.sent && (a.mentionAt[i] < 0 || i < t.End); i++ {
		if a.mentionAt[i] >= 0 {
			continue // in the phrase's gap: "اجتماع قريب للرئيس … مع"
		}
		if hasForm(a.d, i, upcomingWords...) && !(isWord(a.d, i, "قريب", "قريبه") && isWord(a.d, i+1, "من")) {
			// ("قريب من الحدود": near, not soon.)
			return true
		}
	}
	for i := t.End; i+1 < len(a.d.Tokens) && i < t.End+5 && a.sentOf[i] == t.sent && a.mentionAt[i] < 0; i++ {
		// "الزيارة «السياسية» التي سيقوم بها وزير الخارجية": a relative
		// clause in the future, on the act noun itself (past its
		// adjectives and quotes only).
		if isWord(a.d, i, "التي", "الذي") {
			if markedFuture(withoutConj(a.d.Tokens[i+1].Norm)) {
				return true
			}
			break
		}
		if n := a.d.Tokens[i].Norm; a.d.Tokens[i].Kind != arabic.Punct && !(strings.HasPrefix(n, "ال") && (strings.HasSuffix(n, "يه") || strings.HasSuffix(n, "ي"))) {
			break
		}
	}
	if t.Start < 2 {
		return false
	}
	// "الجولة المقبلة من المفاوضات"، "استعداداً لزيارة"، "يستعد لزيارة"،
	// "تونس وروسيا نحو توقيع اتفاقية".
	return isWord(a.d, t.Start-1, "نحو") && a.mentionAt[t.Start-2] >= 0 || isWord(a.d, t.Start-1, "من") && hasForm(a.d, t.Start-2, "المقبل", "المقبله", "القادم", "القادمه", "المرتقب", "المرتقبه") ||
		strings.HasPrefix(a.d.Tokens[t.Start].Norm, "ل") && hasForm(a.d, t.Start-1, "استعدادا", "تحضيرا", "يستعد", "تستعد", "يستعدون")
}

// lightFutures are future verbs that carry an act noun ("سيجري محادثات").
var lightFutures = []string{"سيجري", "ستجري", "سيعقد", "ستعقد", "سيقوم", "ستقوم", "سيؤدي", "ستؤدي", "سيبدا", "ستبدا", "سيبدؤون", "سيجرون", "سيعقدون", "سيتم", "ستتم"}

// spokenAttack reports whether an attack launched ("شن … هجوماً") is made
// in words: an interview, a statement or a speech named in its gap or
// right after it.
func spokenAttack(a *article, t trigger) bool {
	for i := t.Start + 1; i < t.End+4 && i < len(a.d.Tokens) && a.sentOf[i] == t.sent; i++ {
		if hasForm(a.d, i, speechWords...) {
			return true
		}
	}
	return false
}

// speechWords name where words are said or written.
var speechWords = []string{"مقابله", "تصريحات", "تصريح", "حوار", "مقال", "تغريده", "تغريدات", "خطاب", "كلمه", "بيان", "مؤتمر", "ندوه", "برنامج", "لقاء", "لاذعا", "كلاميا", "اعلامي", "اعلاميا"}

// forceWords name military acts a threat may promise.
var forceWords = []string{"استهداف", "باستهداف", "قصف", "بقصف", "ضرب", "بضرب", "هجوم", "بهجوم", "بشن", "عسكري", "عسكريه", "العسكري", "العسكريه",
	"رؤوس", "تدمير", "بتدمير", "حرب", "بحرب", "اجتياح", "باجتياح", "غزو", "بغزو", "ضربات", "بضربات", "الصواريخ", "بالقوه", "القوه", "سحق", "بسحق", "محو", "بمحو",
	"عقاب", "بعقاب", "انتقام", "بالانتقام", "ثار", "بالثار"}

// forceThreat reports whether a threat promises force: a military act
// named in its clause, or a threat by armed forces or an armed group.
func forceThreat(a *article, t trigger, R int, src party) bool {
	for i := t.End; i < R && i < t.End+20; i++ {
		if hasForm(a.d, i, forceWords...) {
			return true
		}
	}
	r := a.mentions[src[0]].Role
	return r == "MIL" || r == "REB"
}

// convicts reports whether a condemnation verb is a court's verdict: its
// source is a court or judiciary, or what follows is a charge (بارتكاب،
// بتهمة).
func convicts(a *article, t trigger, R int, src party) bool {
	m := a.mentions[src[0]]
	// A ministry "أدانت … قيام القوات بارتكاب مجزرة" condemns; only a
	// court convicts.
	return m.Role == "JUD" || strings.Contains(arabic.Normalize(m.Text), "محكمه")
}

// appealKinds map the words of an appeal's complement to its code: to
// negotiate (026), for aid (023), for diplomatic (022) or material (021)
// cooperation, to settle a dispute (027), to yield (025).
var appealKinds = []struct {
	code  string
	words []string
}{
	{"026", []string{"حوار", "الحوار", "التفاوض", "مفاوضات", "المفاوضات", "طاوله"}},
	{"023", []string{"تزويد", "بتزويد", "مساعدات", "المساعدات", "مساعده", "المساعده", "الدعم", "دعم"}},
	{"022", []string{"الانضمام", "تطبيع", "الاعتراف"}},
	{"027", []string{"تسويه"}},
	{"025", []string{"الانسحاب", "انسحاب", "الافراج", "وقف", "انهاء"}},
	{"021", []string{"الاستثمار", "التعاون"}},
}

// appealKind returns the code of the appeal trigger t by what its
// complement asks, kinds tried in the order of appealKinds ("إلى استئناف
// المفاوضات" asks to negotiate, whatever word comes first), or "".
func appealKind(a *article, t trigger, R int) string {
	to := min(R, t.End+14)
	for _, k := range appealKinds {
		for i := t.End; i < to; i++ {
			if a.mentionAt[i] < 0 && hasForm(a.d, i, k.words...) {
				return k.code
			}
			if k.code == "025" && hasForm(a.d, i, "رفع") && hasForm(a.d, i+1, "الحصار", "العقوبات", "القيود") {
				// "دعا إلى رفع الحصار عن قطر": to lift is to yield.
				return k.code
			}
		}
	}
	return ""
}

// meetingPlace returns the state of the place a meeting in tokens [L, R)
// of sentence sent is held at ("في الرياض"، "بقصر قرطاج"), or ""; tgt is the mention of
// whom it is with.
func meetingPlace(a *article, t trigger, L, R, tgt int) string {
	// "بحث أوباما ونظيره التركي … الحرب في سوريا": after a verb of
	// discussion and whom it is with comes what is discussed ("بحث
	// الوزير، اليوم بالقاهرة، مع نظيره" names the venue first).
	topicFrom := R
	if hasForm(a.d, t.Start, discussVerbs...) {
		topicFrom = max(t.End, a.mentions[tgt].Tok1)
		if isComma(a, topicFrom) {
			// "مع نظيره الروسي، في أبوظبي": a venue right after.
			topicFrom++
		}
		if isWord(a.d, topicFrom, "في") {
			topicFrom += 2
		} else if topicFrom < R && strings.HasPrefix(a.d.Tokens[topicFrom].Norm, "ب") {
			topicFrom++
		}
	}
	for i := max(L, a.sentTok[t.sent][0]); i < R; i++ {
		if i >= topicFrom || i > t.Start && hasForm(a.d, i, meetingTopics...) {
			// "التقى بلينكن نتنياهو لبحث الأوضاع في غزة": the topic's
			// place, not the meeting's.
			return ""
		}
		k := a.mentionAt[i]
		if k < 0 || !a.mentions[k].Place || len(a.mentions[k].Code) != 3 {
			continue
		}
		if isWord(a.d, i-1, "في") || strings.HasPrefix(a.d.Tokens[a.mentions[k].Tok0].Norm, "ب") {
			return a.mentions[k].Code
		}
	}
	return ""
}

// meetingTopics open what a meeting is about.
var meetingTopics = []string{"لبحث", "بحث", "لمناقشه", "مناقشه", "حول", "بشان", "تطورات", "الاوضاع", "الوضع", "لتناول"}

// discussVerbs are verbs of discussion that code a meeting.
var discussVerbs = []string{"بحث", "بحثا", "ناقش", "ناقشا", "تباحث", "تباحثا", "استعرض", "استعرضا", "تناول", "تناولا"}

// sidelinesPlace returns the state of the last place an earlier sentence
// named, for a meeting held "على هامش" the gathering told before ("وعلى
// هامش المنتدى، التقى لافروف …"), or "".
func sidelinesPlace(a *article, t trigger) string {
	first := a.sentTok[t.sent][0]
	found := false
	for i := first; i < t.Start; i++ {
		if hasForm(a.d, i, "هامش") {
			found = true
		}
	}
	if !found {
		return ""
	}
	for i := first - 1; i >= 0; i-- {
		if k := a.mentionAt[i]; k >= 0 && a.mentions[k].Place && len(a.mentions[k].Code) == 3 && (isWord(a.d, a.mentions[k].Tok0-1, "في") || strings.HasPrefix(a.d.Tokens[a.mentions[k].Tok0].Norm, "ب")) {
			return a.mentions[k].Code
		}
	}
	return ""
}
