package coder

import (
	"strconv"
	"strings"
	"time"

	"rasid"
	"rasid/arabic"
	"rasid/lexicon"
	"rasid/timex"
)

// Words that, before a trigger, say the act did not or will not happen.
var (
	negators = []string{"لم", "لن", "ليس", "ليست", "عدم", "دون", "بدون", "لا",
		// ruled out or merely wished: "استبعدت تأميم الشركة"، "السياح
		// الراغبين في زيارة تونس"
		"الراغبين", "الراغب", "الراغبه", "راغبين", "اراد", "ارادت", "ارادوا", "ينوي", "تنوي", "ينوون", "يرغب", "يرغبون", "يفضل", "تفضل", "يفضلون"}
	// "استبعد وزير الدفاع شن هجوم": ruled out, before the verb's subject.
	rulersOut = []string{"استبعد", "استبعدت", "يستبعد", "تستبعد", "مستبعدا"}
	// "تساءل الكاتب إن كان …": asked whether, in its own clause.
	askers     = []string{"تساءل", "تساءلت", "يتساءل", "تتساءل", "متسائلا", "متسائله", "تساءلوا"}
	deniers    = []string{"نفي", "نفت", "ينفي", "تنفي", "نفيه", "كذب", "كذبت", "نفوا", "نفيا"}
	conditions = []string{"اذا", "لو", "حال", "حاله", "لولا", "شريطه", "شرط"}
	// "خشية تعرضهم للتعذيب": a feared act, in its own clause only ("وسط
	// خشية من توسع الحرب، شنت إسرائيل غارات" reports the raids).
	fears      = []string{"خشيه", "مخافه", "تخوفا", "خوفا", "مخاوف"}
	schedulers = []string{"المقرر", "المنتظر", "المتوقع", "المزمع", "يعتزم", "تعتزم", "سوف", "يرتقب", "مرتقب", "مرتقبه", "المرتقب", "المرتقبه", "سيقوم", "ستقوم", "يتوقع", "ينتظر",
		"تستعد", "يستعد", "تستعدان", "يستعدان", "يستعدون"}
	rumours = []string{"ترددت", "شائعات", "اشاعات", "يشاع"}
	// A body's mandate: "بعثة … تتولى التحقيق في الانتهاكات" is its task,
	// not an act done.
	mandates = []string{"تتولي", "يتولي", "ستتولي", "سيتولي", "مكلفه", "المكلفه", "مهمتها", "مهمته"}
	// Words before an assault noun that refer back to a known act rather
	// than report one ("منذ اغتيال الحريري"، "جريمة اغتيال").
	references = []string{"منذ", "ذكري", "قضيه", "جريمه", "ملف", "محاكمه", "المحكمه", "التحقيق", "لتخطيط", "تخطيط", "تمهيدا", "لتدبير", "تدبير", "خطه",
		// charges: "بتهمة اغتيال"، "المشتبه في تورطهم في تفجيرات" (the act
		// an accusation alleges is not coded)
		"بتهمه", "تهمه", "بتهم", "المتهمين", "متهمين", "المتهم", "متهم", "بالضلوع", "ضلوعه", "ضلوعهم", "بالتورط", "تورطه", "تورطهم", "المشتبه",
		// plans: "خططت لاغتيال"، "كانوا يخططون لشن هجمات"
		"خطط", "خططت", "خططوا", "يخطط", "تخطط", "يخططون", "يستعد", "تستعد", "يستعدون", "يسعون", "مخطط", "مخططا", "لمخطط",
		// foiled, merely possible or expected: "إحباط عملية لخطف جنود"،
		// "إمكانية توجيه ضربات جوية"
		"احباط", "باحباط", "افشال", "احبطت", "احبط", "اجهاض", "باجهاض", "اجهضت", "اجهض", "امكانيه", "احتمال", "باحتمال", "التوقعات", "توقعات",
		// "الأدلة المتعلقة باغتيال": a file about an act
		"المتعلقه", "المتعلق",
		// defused or seized before use: "فككت قوات الأمن سيارة مفخخة"،
		// "إبطال مفعول عبوة ناسفة"
		"فكك", "فككت", "تفكيك", "بتفكيك", "ابطال", "بابطال", "ابطل", "ابطلت", "مفعول", "ضبط", "ضبطت", "حجز", "حجزت",
		// an option: "الخيار الثالث فهو شن هجوم"
		"الخيار", "خيار", "خيارات"}
	// An act a pretext or an allegation names ("بدعوى أنها تقدم
	// مساعدات"، "المزاعم بأن"), in its own clause; only the accusation is
	// coded (GUIDE).
	allegers = []string{"بدعوي", "بزعم", "مزاعم", "المزاعم", "بحجه", "ادعاءات", "بادعاء", "يكفي", "زعمت", "زعم", "يزعم", "تزعم", "ادعت", "ادعي"}
	// Forecasts: "يرى المحللون أن إيران ستحاول"، "أتوقع أنها ستحاول": an
	// act to come someone expects is not reported.
	forecasters = []string{"اتوقع", "نتوقع", "يتوقعون", "توقع", "توقعت", "يري", "تري", "يرون", "ارجح", "يرجح", "ترجح", "رجح", "رجحت", "المحللون", "محللون"}
	contents    = []string{"ينص", "تنص", "يتضمن", "تتضمن", "يقضي", "تقضي", "ينصان", "ويشمل", "تشمل"}
	// Opinions: "يرى ديمبسي أن الحكومة العراقية منحت إيران مساحة أوسع"،
	// "أعتقد أن …": what someone thinks happened is not reported.
	opiners = []string{"يري", "تري", "يرون", "اري", "نري", "راي", "رات", "راوا", "يعتقد", "تعتقد", "يعتقدون", "اعتقد", "نعتقد", "اظن", "يظن", "تظن",
		"نظن", "يبدو", "ويبدو", "يخيل"}
	// What was promised, imagined, scheduled or possible: "مع وعود
	// بإرسال تعزيزات"، "الزيارة التي كانت مقررة"، "وسيلة ممكنة".
	hypotheticals = []string{"وعود", "بوعود", "وعودا", "سيناريوهات", "سيناريو", "الافتراضيه", "افتراضيه", "مقرره", "مقررا", "ممكنه", "ممكن"}
	// An option weighed: "أما الخيار الثالث، فهو شن هجوم أرضي".
	options = []string{"الخيار", "خيار", "السيناريو"}
	// Warned against: "حذر الحزبان ميركل من إبرام اتفاقية".
	warners = []string{"حذر", "حذرت", "يحذر", "تحذر", "محذرا", "محذره", "حذروا"}
)

// blockWords holds every word the clause loop of blocked looks for. That
// loop runs over the words before each trigger, most of which are none of
// them: a filter says so for most words, far more cheaply than comparing
// each reading with each word of each list.
var blockWords = newWordFilter(deniers, conditions, fears, rumours, askers, contents, schedulers, mandates, allegers, forecasters, opiners,
	hypotheticals, options, warners, []string{"يمكن", "ربما", "قد", "وسط", "تمهيدا", "قريبا", "لم", "ولم", "لن", "ولن", "حتي"})

// wordFilter is a filter of a few words (a Bloom filter of one hash):
// mayHave is false for most other words.
type wordFilter [16]uint64

// wordBit hashes the length and the second bytes of the last two letters and
// of the third: the first letters' bytes are the same ال in a third of all
// words, and a hash of them let most such words through.
func wordBit(w string) uint32 {
	n := len(w)
	x := uint32(n) | uint32(w[n-1])<<8 | uint32(w[max(n-3, 0)])<<16 | uint32(w[min(5, n-1)])<<24
	return (x * 0x9E3779B1) >> 22
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
	if uncodedSentence(a, t.sent) {
		// States named as teams are not actors (GUIDE): "رفض نادي الأهلي
		// السعودي عرضاً"، "المنتخب المغربي يلتقي نظيره". A run of
		// headlines is no sentence.
		return true
	}
	if t.Phrase.Code[:2] == "14" && festival(a, t) {
		return true
	}
	if !t.Phrase.Verb && permitted(a, t) {
		// "ويسمح القرار بإعادة فرض العقوبات إذا انتهكت إيران": what a
		// text allows, or would on a condition, is not done.
		return true
	}
	if t.Phrase.Code[:2] == "04" && (figurativeMeeting(a, t) || hostsDisplaced(a, t)) {
		// "هدف هذا التنظيم يلتقي مع هدف إيران"، "تلتقي مصالح إسرائيل
		// وأميركا"; "استضافت آلاف المهاجرين": no meeting, no guest.
		return true
	}
	if t.Phrase.Code[:2] == "04" && tourism(a, t.sent) {
		// "استقبلت ماليزيا قرابة 10 آلاف سائح سعودي": tourists come and
		// go; no state visits or hosts.
		return true
	}
	if !t.Phrase.Verb && hasForm(a.d, t.Start-1, "جري", "يجري", "جرت", "تجري", "تم", "يتم") &&
		hasForm(a.d, t.End, "عليه", "عليها", "بشانه", "بشانها", "حوله", "حولها", "فيه", "فيها") {
		// "قرار جرى التفاوض عليه"، "اتفاق محتمل يجري التفاوض بشأنه": a
		// passive that describes the noun before it; nobody is named
		// doing it.
		return true
	}
	if r := t.Phrase.Code[:2]; (r == "14" || r >= "17") && cumulative(a, t) {
		// "قتلت طائرات التحالف 3042 عنصراً خلال 10 أشهر"، "ومنذ عام
		// 2009، قتلت بوكو حرام أكثر من 14 ألف شخص": a count over months
		// or years sums up many acts; it is no act of a day. (Not a
		// posture or sanctions, roots 15 and 16: "أرسلت إليها تركيا
		// تعزيزات في الأسابيع الأخيرة" is one deployment.)
		return true
	}
	if !t.Phrase.Verb && t.Phrase.Code[:2] == "18" && hasForm(a.d, t.Start-1, "تقود", "يقود", "يقودون", "بحوزته", "بحوزتها", "بحوزتهم") && !setOffAfter(a, t) {
		// "أوقفت بينما كانت تقود سيارة مفخخة": a bomb driven or held,
		// not set off ("انتحاري يقود سيارة مفخخة فجر نفسه" sets it off).
		return true
	}
	if !t.Phrase.Verb && t.Phrase.Code == "057" && strings.HasPrefix(a.d.Tokens[t.Start].Norm, "ب") && stanceBefore(a, t) {
		// "ترحيب القاهرة بتوقيع الاتفاق": the signing welcomed is the
		// topic of the welcome, coded on its own where it is reported.
		return true
	}
	if !t.Phrase.Verb && topicOf(a, t) {
		// "نحن نتحدث عن المساعدات العسكرية الأمريكية"، "مناقشة سير
		// مفاوضات الملف النووي"، "بدراسة التأثير المحتمل لمفاوضات": an
		// act named as what is talked about or studied is a topic, not
		// an act reported here.
		return true
	}
	if t.Phrase.Verb && t.Phrase.Code == "173" && hasForm(a.d, t.Start, "اوقف", "اوقفت") && !personObject(a, t) {
		// "أوقفت تقديم العلاجات"، "أوقف الاستقدام": "أوقف" arrests people
		// only; what else it stops is halted, nobody detained.
		return true
	}
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
	for i := a.sentTok[t.sent][0]; i < t.Start; i++ {
		// "في القرن الثامن عشر، احتل القائد البريطاني قلعة": centuries
		// ago, with no date to code it by ("صفقة القرن" is today's).
		if isWord(d, i, "القرن", "القرون") && i+1 < t.Start && !isWord(d, i-1, "صفقه", "لصفقه", "بصفقه") &&
			(strings.HasPrefix(d.Tokens[i+1].Norm, "ال") || d.Tokens[i+1].Kind == arabic.Number) &&
			!isWord(d, i+1, "الحالي", "الحادي", "الجديد", "الجاري") {
			return true
		}
	}
	if t.Phrase.Code == "041" && !t.Phrase.Verb && outletNext(a, t) {
		// "في اتصال مع «الشرق الأوسط»"، "مع “راديو سوا”": a call with an
		// outlet named in quotes is an interview.
		return true
	}
	if t.Start > 1 && isWord(d, t.Start-1, "او") && d.Tokens[t.Start-2].Kind == arabic.Word {
		// "قرار بشأن قبول أو رفض الاتفاق": one of two acts weighed, not one
		// done.
		return true
	}
	if t.Phrase.Code[:2] >= "18" && !t.Phrase.Verb {
		for i := a.sentTok[t.sent][0]; i < t.Start; i++ {
			if hasForm(d, i, "احبط", "احبطت", "احبطوا", "يحبط", "تحبط", "احباط", "باحباط") {
				// "أحبط شرطي هجوماً انتحارياً … بإطلاقه النار على حزام
				// ناسف": the belt and the bomber of a foiled attack.
				return true
			}
		}
	}
	if !t.Phrase.Verb && negatedCarrier(a, t) {
		return true
	}
	if r := t.Phrase.Code[:2]; r >= "03" && r <= "08" {
		for i := a.sentTok[t.sent][0]; i < t.Start; i++ {
			if hasForm(d, i, "تفويض", "بتفويض", "فوض", "يفوض", "تفوض", "فوضت") {
				// "وافق مجلس الوزراء على تفويض ولي العهد بالتباحث …،
				// والتوقيع عليه": leave to act, not the act.
				return true
			}
		}
	}
	if !t.Phrase.Verb && t.Phrase.Code[:2] == "04" {
		for i := t.End; i < t.End+8 && i < a.sentTok[t.sent][1]; i++ {
			if hasForm(d, i, "معلقه", "متوقفه", "مجمده", "متعثره", "مقطوعه", "معطله") {
				// "والمفاوضات المباشرة بين إسرائيل والفلسطينيين معلقة منذ
				// أبريل": talks said to be suspended are not being held.
				return true
			}
		}
	}
	if !t.Phrase.Verb && (t.Phrase.Code[:2] == "08" || t.Phrase.Code[:2] == "16") {
		for i := t.Start - 1; i >= 0 && i >= t.Start-4 && a.sentOf[i] == t.sent; i-- {
			if hasForm(d, i, sanctionTerms...) || isWord(d, i, "علي") && hasForm(d, i-1, "الاتفاق", "اتفاق") {
				// "مقابل تخفيف العقوبات"، "سيكون بإمكان معاودة فرض
				// عقوبات"، "إبان فرض العقوبات": sanctions named as a
				// deal's term, a possibility or a time, not imposed or
				// lifted here.
				return true
			}
		}
	}
	if !t.Phrase.Verb && t.Start > 0 && hasForm(d, t.Start-1, "يمكنك", "يمكنكم", "يمكن", "بامكانك", "بامكانكم", "تستطيع", "يستطيع", "بوسعك") {
		// "يمكنك زيارة خيمة رمضانية": what one may do, not what was done.
		return true
	}
	if r := t.Phrase.Code[:2]; t.Phrase.Verb && (r == "02" || r == "10" || r == "11" || r == "12") && t.Start > 1 &&
		isWord(d, t.Start-1, "الذي", "التي") && (hasForm(d, t.Start-2, documents...) ||
		a.mentionAt[t.Start-2] >= 0 && hasForm(d, a.mentions[a.mentionAt[t.Start-2]].Tok0-1, documents...)) {
		// "ميثاق منظمة التعاون الإسلامي الذي يدعو إلى …": what a text
		// says, not an act.
		return true
	}
	if t.Phrase.Verb && t.Phrase.Code[:2] == "02" && t.Start > 0 && isWord(d, t.Start-1, "الذي", "التي", "الذين") &&
		presentTense(d.Tokens[t.Start].Norm) {
		// "الحركات المتطرفة التي تدعو الى العمليات المسلحة": a relative
		// clause in the present describes what someone stands for.
		return true
	}
	if habitual(a, t) {
		// "وفي الماضي، موّلت إيران مساعدات …"، "وعادة ما توجه لإسرائيل
		// اتهامات": what used to happen, or happens as a rule, is no act
		// of a day.
		return true
	}
	if t.Phrase.Verb && isWord(d, t.Start, nounVerbs...) && !clauseOpens(a, t.Start) {
		// "ولها ثمن" (a price)، "فؤاد شكر" (a name)، "كفر شكر" (a town):
		// a verb spelt like a noun is the verb only where a clause can
		// begin or after its subject.
		return true
	}
	if !t.Phrase.Verb && t.Phrase.Code == "057" && strings.Contains(t.Phrase.Pattern, "الموقع") && !timeNear(a, t) {
		// "في ظل الاتفاق الموقع مع إيران": a known agreement named by
		// its signing; with a date ("الموقع مع سوريا عام 1974") it is
		// coded as historical.
		return true
	}
	if !t.Phrase.Verb {
		for i := t.Start - 1; i >= 1 && i >= t.Start-3; i-- {
			if isWord(a.d, i, "خلالها", "خلاله", "بموجبها", "بموجبه") && (isWord(a.d, i-1, "من") || hasForm(a.d, i, "بموجبها", "بموجبه")) {
				// "مشروع هدنة يتم من خلالها تقديم المساعدات": what a
				// plan would bring, not what was done.
				return true
			}
		}
	}
	if !t.Phrase.Verb && t.Start > 0 && isWord(a.d, t.Start-1, "اي", "لاي", "باي") {
		// "بشن أي طلعات قصف"، "أي مساعدات لن تعوض": any such act, none
		// reported.
		return true
	}
	if !t.Phrase.Verb && t.End+1 < len(a.d.Tokens) && isWord(a.d, t.End, "التي", "الذي") && futureBetween(a, t.End+1, t.End+2) {
		// "الزيارة التي سيقوم بها فابيوس إلى طهران": one to come.
		return true
	}
	if !t.Phrase.Verb && t.Phrase.Code[:2] == "04" && t.Start > 1 && (hasForm(a.d, t.Start-1, "مناهضه", "المناهضه", "رافضه", "الرافضه", "ضد", "رفضا") ||
		isWord(a.d, t.Start-1, "علي") && hasForm(a.d, t.Start-2, "احتجاجا", "احتجاج", "اعتراضا")) {
		// "مظاهرة مناهضة لزيارة الرئيس المصري": the visit a protest is
		// against is a topic (often one to come), not a visit reported.
		return true
	}
	if !t.Phrase.Verb && (t.Phrase.Code == "057" || t.Phrase.Code == "046") && referredBack(a, t) {
		// "يزور إيران منذ إبرام الاتفاق"، "بعد توقيع الاتفاق النووي"،
		// "حول المفاوضات": a signing or talks named as a point in time or a
		// topic, with no date of their own, are an act already known, not
		// one reported (dated, "منذ توقيع … في 2016", it is coded as
		// historical).
		return true
	}
	if !t.Phrase.Verb && demonstrative(a, t) {
		// "توقيع هذه الاتفاقية"، "خلال هذه الزيارة": an act already told,
		// pointed back to (GUIDE: one event once).
		return true
	}
	stopped := func(i int) bool {
		return hasForm(d, i, "وقف", "لوقف", "بوقف", "انهاء", "لانهاء", "بانهاء", "منع", "لمنع", "تجنب", "لتجنب", "احباط", "لاحباط", "باحباط", "احبط", "احبطت", "احبطوا", "يحبط", "تحبط")
	}
	if t.Start > 0 && !t.Phrase.Verb && t.Phrase.Code[:2] != "04" && (stopped(t.Start-1) ||
		t.Start > 1 && hasForm(d, t.Start-1, "عمليات", "عمليه", "اعمال", "حمله", "حملات") && stopped(t.Start-2)) {
		// "إقناع الطرفين بوقف القتال"، "لمنع رفع العقوبات": the act to be
		// stopped or prevented is not reported here ("إنهاء زيارته": a
		// visit ended was made).
		return true
	}
	for i := t.Start - 1; !t.Phrase.Verb && t.Phrase.Code[:2] != "04" && i >= 0 && i >= t.Start-10 && a.sentOf[i] == t.sent && !isComma(a, i); i-- {
		// "لم تتمكن الأمم المتحدة من نقل مساعدات"، "فشلت في إدخال": an
		// act that failed (talks that failed were still held).
		if hasForm(d, i, "فشلت", "فشلوا", "عجزت", "عجزوا", "اخفقت", "اخفقوا") ||
			hasForm(d, i, "فشل", "عجز", "اخفق") && i+2 == t.Start && isWord(d, i+1, "في", "عن") ||
			hasForm(d, i, "تتمكن", "يتمكن", "تستطع", "يستطع", "تنجح", "ينجح") && i > 0 && hasForm(d, i-1, "لم", "لن") {
			return true
		}
	}
	if t.Start > 1 && hasForm(d, t.Start-1, "لشن", "لتنفيذ", "لارتكاب") {
		// "ليس لديها تفويض لشن غارات"، "حشدت قواتها لشن هجوم": the act
		// is a plan's or an authority's purpose ("استخدمت طائرات لشن
		// غارات" reports it).
		for i := t.Start - 2; i >= 0 && i >= t.Start-4 && a.sentOf[i] == t.sent; i-- {
			if hasForm(d, i, purposeFrames...) {
				return true
			}
		}
	}
	if !t.Phrase.Verb && t.Phrase.Code[:2] < "18" && attempted(a, t) {
		return true
	}
	if t.Phrase.Verb && t.Start > 0 && describes(a, t) {
		return true
	}
	for i := t.Start - 1; i > 0 && i >= t.Start-12 && a.sentOf[i] == t.sent && !isComma(a, i); i-- {
		if isWord(d, i, "كان", "كانت") && isWord(d, i-1, "ان", "وان", "لكن") && !hasForm(d, i-2, "قال", "قالت", "اكد", "اكدت", "اعلن", "اعلنت") {
			// "لكن إن كان هذا قد تم": a condition, not a report.
			return true
		}
	}
	if t.Start > 0 && !t.Phrase.Verb && strings.HasPrefix(d.Tokens[t.Start].Norm, "لل") &&
		hasForm(d, t.Start-1, "توجه", "توجهوا", "يتوجهون", "سافر", "سافروا", "يسافرون", "ذهب", "ذهبوا", "يذهبون", "انتقل", "انتقلوا", "عاد", "عادوا") {
		// "توجهوا للقتال في سوريا": who went to fight, not a fight told.
		return true
	}
	before := t.Start - 1
	if before >= 0 && a.mentionAt[before] >= 0 {
		// the verb's subject between it and the act noun
		before = a.mentions[a.mentionAt[before]].Tok0 - 1
	}
	if before >= 0 && hasForm(d, before, rulersOut...) {
		// (A verb pattern there is its masdar: "استبعد الوزير شن هجوم".)
		return true
	}
	if before >= 0 && !t.Phrase.Verb && t.Phrase.Code[:2] != "04" &&
		hasForm(d, before, "بحث", "يبحث", "تبحث", "ناقش", "يناقش", "تناقش", "دراسه", "يدرس", "تدرس", "امكانيه", "بامكانيه") {
		// "بحث الاتحاد الأوروبي فرض عقوبات": an act discussed or
		// considered is not done.
		return true
	}
	if t.Phrase.Code[:2] >= "18" {
		for back := 1; back <= 5; back++ {
			i := t.Start - back
			if i < 0 || a.sentOf[i] != t.sent || isWord(d, i, "ان", "بان", "انه", "انها", "وان") || isComma(a, i) {
				// ("قالت المحكمة إن القوات الروسية قصفت": the court is in
				// another clause.)
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
	if !t.Phrase.Verb {
		// "إطلاق الصواريخ من قطاع غزة قد يستأنف": the act noun is the
		// subject of what may happen.
		for i := t.End; i < t.End+5 && i+1 < len(d.Tokens) && a.sentOf[i] == t.sent && !isComma(a, i); i++ {
			if isWord(d, i, "قد") && presentTense(d.Tokens[i+1].Norm) {
				return true
			}
		}
	}
	if t.Phrase.Code[:2] >= "14" && quoted(a, t) {
		// "ارتكبت «إبادة جماعية»": a label someone used, not a report.
		return true
	}
	// Only a threat told with a verb of threatening stands when conditional
	// (GUIDE): "سترد إذا هاجمتها" is no threat reported.
	threat := t.Phrase.Code[:2] == "13" && threatVerb(d.Tokens[t.Start].Norm)
	intent := t.Phrase.Code[:2] == "03"
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
		case !threat && hasForm(d, i, conditions...) && !stateNoun(d, i):
			return true
		case inClause && hasForm(d, i, fears...):
			return true
		case inClause && hasForm(d, i, rumours...):
			return true
		case inClause && hasForm(d, i, askers...):
			return true
		case inClause && hasForm(d, i, allegers...) && t.Phrase.Code[:2] != "11" && t.Phrase.Code[:2] != "12":
			return true
		case inClause && hasForm(d, i, forecasters...) && (futureVerb(d.Tokens[t.Start].Norm) && t.Phrase.Verb || !t.Phrase.Verb && futureBetween(a, i+1, t.Start)):
			return true
		case inClause && hasForm(d, i, opiners...) && thatAfter(a, i, t.Start):
			return true
		case inClause && isWord(d, i, "حتي") && isWord(d, i+1, "لا") && t.Start-i <= 4,
			inClause && hasForm(d, i, "يمكن") && strings.HasPrefix(d.Tokens[i+1].Norm, "ل"),
			inClause && hasForm(d, i, hypotheticals...):
			// "حتى لا تلقى مصرعها"، "يمكن لإيران في المستقبل الدخول في
			// مفاوضات"، "مع وعود بإرسال تعزيزات"، "سيناريوهات للمواجهة
			// الافتراضية"، "الزيارة التي كانت مقررة"، "وسيلة ممكنة
			// للمساهمة في استئناف المفاوضات": what may, should or was to
			// happen.
			return true
		case hasForm(d, i, options...) && isWord(d, t.Start-1, "فهو", "فهي", "هو", "هي"):
			// "أما الخيار الثالث، فهو شن هجوم أرضي": an option weighed.
			return true
		case inClause && isWord(d, i, "قريبا") && !isWord(d, i+1, "من"):
			// "يؤدي وفد قريبا زيارة عمل إلى بغداد": soon, not yet.
			return true
		case inClause && isWord(d, i, "لم", "ولم", "لن", "ولن") && hasForm(d, i+1, "يسمح", "تسمح", "يسمحوا"):
			// "ولم يسمح لسلاح الجو الأمريكي بشن أي طلعات": not allowed.
			return true
		case inClause && !t.Phrase.Verb && hasForm(d, i, warners...) && isWord(d, t.Start-1, "من"):
			// "حذر الحزبان ميركل من إبرام اتفاقية": warned against.
			return true
		case inClause && isWord(d, i, "تمهيدا"):
			// "تمهيدا لطرح مقترح": what an act prepares is not done.
			return true
		case inClause && isWord(d, i, "وسط") && hasForm(d, i+1, "انباء", "تقارير", "شائعات"):
			// "وسط أنباء عن إرسال ميليشيات الحوثيين مزيداً": a rumour.
			return true
		case hasForm(d, i, contents...) && !clauseBreak(a, i, t.Start):
			// "وينص الاتفاق على ...، والإفراج عن": terms, not acts, to the
			// end of the enumeration.
			return true
		case inClause && hasForm(d, i, schedulers...):
			return true
		case inClause && t.Start-i <= 2 && hasForm(d, i, mandates...):
			return true
		case isWord(d, i, "يمكن", "ربما") && t.Start-i <= 2 && !intent,
			inClause && hasForm(d, i, "ربما") && t.Start-i <= 3 && !intent:
			// "ربما يتواصل مسلسل الاغتيالات": a guess, not a report.
			return true
		case isWord(d, i, "قد", "وقد", "فقد") && !intent && (t.Start-i <= 2 && presentTense(d.Tokens[t.Start].Norm) ||
			t.Start-i <= 6 && !t.Phrase.Verb && i+1 < t.Start && presentTense(d.Tokens[i+1].Norm)):
			// ("وقد تفرض الولايات المتحدة عقوبات": the verb before an act
			// noun is what may be done.)
			// An intent (03) is told as what may be done: "قد تستثمر".
			// "قد يلتقي" may meet; "قد التقيا" had met.
			return true
		}
	}
	if !threat && (futureVerb(d.Tokens[t.Start].Norm) || !t.Phrase.Verb && futureVerb(d.Tokens[clauseStart].Norm)) && conditionAfter(a, t) {
		// "سترد إذا هاجمتها إسرائيل"، "تفرض عقوبات … إذا اشترت": what will
		// be done if something happens.
		return true
	}
	// "زيارة مرتقبة"، "الزيارة المقبلة": announced, not made.
	for i := t.End; i < t.End+1 && i < len(d.Tokens) && a.sentOf[i] == t.sent; i++ {
		if hasForm(d, i, "مرتقبه", "المرتقبه", "مرتقب", "المرتقب", "المقبله", "المقبل", "القادمه", "القادم", "المرتقبين") {
			return true
		}
	}
	return false
}

// stateNoun reports whether "حال"، "حالة" at i is a noun ("رفع حالة
// التأهب"، "وضع قواته في حالة تأهب") rather than "في حال" (in case).
func stateNoun(d *lexicon.Doc, i int) bool {
	return isWord(d, i, "حال", "حاله") && (!isWord(d, i-1, "في", "وفي", "ففي") || hasForm(d, i+1, alertStates...))
}

// alertStates follow "حالة" as a state of readiness, not a condition.
var alertStates = []string{"تاهب", "التاهب", "استنفار", "الاستنفار", "طوارئ", "الطوارئ", "حرب", "الحرب", "تعبئه", "التعبئه"}

// sportsWords say by themselves that a sentence is about sport: matches,
// coaches, stadiums. teamWords (clubs, national teams) need a second sign
// (sportsContext): "الرئيس المنتخب" is the president-elect, "نادي الأسير"
// and "نادي باريس" are no clubs.
var (
	sportsWords = []string{"مباراه", "المباراه", "مباريات", "المباريات", "المدرب", "مدرب", "ملعب", "الملعب", "ركلات", "الترجيح", "مرماه", "مرماها",
		"التنس", "للتنس", "الملاكمه", "للملاكمه", "الغولف", "مباراته", "مباراتها", "مبارياته", "لاعبيه", "لاعبيها"}
	teamWords     = []string{"نادي", "النادي", "منتخب", "المنتخب"}
	sportsContext = []string{"الفريق", "فريق", "عرض", "عرضا", "صفقه", "انتقال", "الموسم", "كاس", "بطوله", "البطوله", "اهداف", "هدف", "المهاجم",
		"مهاجم", "الحارس", "خدمات", "اللاعب", "لاعب", "للاعب", "الدوري", "تعاقد", "التعاقد", "تصفيات", "التصفيات", "الجوله", "دوري", "نهائي",
		"لنهائي", "النهائي"}
)

// sportsLead holds the words that make a sentence sports alone or with
// the word after them, and the team words; sportsContextFilter the words
// that make it sports beside a team word. Most sentences name no team, and
// the context words are common ("هدف"، "عرض"): they are looked for only
// in a sentence that does.
var (
	sportsLead          = newWordFilter(sportsWords, teamWords, []string{"كره", "لكره", "بكره", "نصف", "ربع", "دوري", "لدوري", "بدوري"})
	sportsContextFilter = newWordFilter(sportsContext)
)

// uncodedSentence reports whether sentence s speaks of sport or is a run
// of headlines, looking at each sentence once.
func uncodedSentence(a *article, s int) bool {
	if a.uncoded == nil {
		a.uncoded = make([]int8, len(a.sentTok))
	}
	if a.uncoded[s] == 0 {
		a.uncoded[s] = 1
		if headlineRun(a, s) || sportsSentence(a, s) || sportsStory(a) && !forceRoot(a, s) {
			a.uncoded[s] = 2
		}
	}
	return a.uncoded[s] == 2
}

// headlineRun reports whether sentence s is a list of headlines run
// together without stops, as sites append them ("بن قردان : ذكرى ملحمة 7
// مارس وزير الدفاع : بن قردان هي درع تونس بعد كشفه عن ملفات فساد :
// …"): three colons or more standing apart (a quote's colon follows its
// word: "قال ولايتي: إن …"). Which words belong to which headline, and so
// who did what, cannot be told.
func headlineRun(a *article, s int) bool {
	n := 0
	for i := a.sentTok[s][0]; i < a.sentTok[s][1]; i++ {
		if tk := a.d.Tokens[i]; tk.Kind == arabic.Punct && tk.Norm == ":" && tk.Start > 0 && a.text[tk.Start-1] == ' ' {
			n++
		}
	}
	return n >= 3
}

// sportsSentence is lookSports, looked up once per sentence: the
// sentence of an act and the article's sports count both ask it.
func sportsSentence(a *article, s int) bool {
	if a.sports == nil {
		a.sports = make([]int8, len(a.sentTok))
	}
	if a.sports[s] == 0 {
		a.sports[s] = 1
		if lookSports(a, s) {
			a.sports[s] = 2
		}
	}
	return a.sports[s] == 2
}

func lookSports(a *article, s int) bool {
	d := a.d
	from, to := a.sentTok[s][0], a.sentTok[s][1]
	team := false
	for i := from; i < to; i++ {
		if d.Tokens[i].Kind != arabic.Word || !sportsLead.mayHave(d, i) {
			continue
		}
		if hasForm(d, i, sportsWords...) {
			return true
		}
		if isWord(d, i, "كره", "لكره", "بكره") && isWord(d, i+1, "القدم", "السله", "اليد") ||
			hasForm(d, i, "دوري", "لدوري", "بدوري") && isWord(d, i+1, "ابطال") ||
			hasForm(d, i, "نصف", "ربع") && isWord(d, i+1, "النهائي") {
			return true
		}
		team = team || hasForm(d, i, teamWords...)
	}
	if !team {
		return false
	}
	for i := from; i < to; i++ {
		if d.Tokens[i].Kind == arabic.Word && sportsContextFilter.mayHave(d, i) && hasForm(d, i, sportsContext...) {
			return true
		}
	}
	return false
}

// sportsStory reports whether the article is a sports story: a third of
// its sentences or more, and three at least, speak of sport. Its other
// sentences tell of teams and players too ("يستضيف التونسي نظيره
// المصري"), with words no sentence test knows.
func sportsStory(a *article) bool {
	if a.sport == 0 {
		a.sport = 1
		// Sentences are looked at only while enough remain to make it one:
		// most articles have none of sport, and are told so two thirds in.
		need := max(3, (len(a.sentTok)+2)/3)
		n := 0
		for s := range a.sentTok {
			if n+len(a.sentTok)-s < need {
				break
			}
			if sportsSentence(a, s) {
				n++
			}
		}
		if n >= need {
			a.sport = 2
		}
	}
	return a.sport == 2
}

// thatAfter reports whether a complementiser (أن) follows token i within
// four words, before token end: "يرى ديمبسي أن …"، "يبدو أن …".
func thatAfter(a *article, i, end int) bool {
	for j := i + 1; j < end && j <= i+4; j++ {
		if isWord(a.d, j, "ان", "انه", "انها", "بان", "بانه", "بانها") {
			return true
		}
	}
	return false
}

// permitted reports whether noun trigger t is what a present-tense verb
// of permission allows ("يسمح القرار بإعادة فرض العقوبات") or is followed,
// in its clause, by a condition ("… إذا انتهكت إيران").
func permitted(a *article, t trigger) bool {
	for i := t.Start - 1; i >= a.sentTok[t.sent][0] && i >= t.Start-4 && !isComma(a, i); i-- {
		if hasForm(a.d, i, "يسمح", "تسمح", "يتيح", "تتيح", "يجيز", "تجيز", "يخول", "تخول") {
			return true
		}
	}
	for i := t.End; i < a.sentTok[t.sent][1] && i < t.End+6 && !isComma(a, i); i++ {
		if isWord(a.d, i, "اذا", "واذا", "لو") || isWord(a.d, i, "حال") && isWord(a.d, i-1, "في") {
			return true
		}
	}
	return false
}

// figurativeMeeting reports whether a verb of meeting has aims, interests
// or views for subject or object ("تلتقي مصالح"، "يلتقي مع هدف").
func figurativeMeeting(a *article, t trigger) bool {
	if !t.Phrase.Verb || !hasForm(a.d, t.Start, "يلتقي", "تلتقي", "التقي", "التقت", "يلتقيان", "تلتقيان") {
		return false
	}
	for i := max(t.Start-2, a.sentTok[t.sent][0]); i < min(t.End+3, a.sentTok[t.sent][1]); i++ {
		if hasForm(a.d, i, "مصالح", "هدف", "اهداف", "رؤي", "رؤيه", "مواقف", "موقف", "افكار", "توجهات", "مصلحه") {
			return true
		}
	}
	return false
}

// hostsDisplaced reports whether a hosting verb's object is migrants,
// refugees or the displaced, or families, pilgrims and visitors ("الدول
// التي تستقبل الأسر السعودية خلال العيد"): people, not a state's guests.
func hostsDisplaced(a *article, t trigger) bool {
	for i := t.End; i < t.End+4 && i < a.sentTok[t.sent][1]; i++ {
		if hasForm(a.d, i, "المهاجرين", "مهاجرين", "اللاجئين", "لاجئين", "النازحين", "نازحين", "المهجرين",
			"الاسر", "اسر", "العائلات", "عائلات", "الحجاج", "حجاج", "المعتمرين", "معتمرين", "الزوار", "زوار") {
			return true
		}
	}
	return false
}

// touristWords name tourists; touristFilter finds them.
var (
	touristWords  = []string{"سائح", "سياح", "السائح", "السياح", "سائحا", "سائحين", "السائحين", "سائحه"}
	touristFilter = newWordFilter(touristWords)
)

// tourism reports whether sentence s speaks of tourists.
func tourism(a *article, s int) bool {
	for i := a.sentTok[s][0]; i < a.sentTok[s][1]; i++ {
		if a.d.Tokens[i].Kind == arabic.Word && touristFilter.mayHave(a.d, i) && hasForm(a.d, i, touristWords...) {
			return true
		}
	}
	return false
}

// festivalWords tell a cultural or festive event.
var festivalWords = []string{"مهرجان", "المهرجان", "ثقافيه", "الثقافيه", "ثقافي", "الثقافي", "فنيه", "الفنيه", "الفنون", "عروض", "العروض",
	"تنشيطيه", "التنشيطيه", "احتفاليه", "الاحتفاليه", "جوائز", "الجوائز", "معرض", "المعرض", "ندوه", "الندوه", "الدوره", "دوره",
	"رياضيه", "الرياضيه", "علميه", "العلميه", "سياحيه", "السياحيه", "احتفال", "الاحتفال"}

// festival reports whether a protest trigger is the noun تظاهرة used, as
// Tunisian and Algerian news use it, for an event or a festival ("الهدف
// من التظاهرة هو ترسيخ حب الطبيعة"، "تظاهرة في إطار مهرجان الفنون"):
// its sentence speaks of culture or festivities.
func festival(a *article, t trigger) bool {
	if !hasForm(a.d, t.Start, "تظاهره", "التظاهره", "تظاهرات", "التظاهرات") {
		return false
	}
	for i := a.sentTok[t.sent][0]; i < a.sentTok[t.sent][1]; i++ {
		if hasForm(a.d, i, festivalWords...) {
			return true
		}
	}
	return false
}

// forceRoot reports whether sentence s names an act of force or coercion
// (roots 15–20 in the tables: قصف، اعتقل …): told in a sports story it is
// still news ("اختطف لاعب أهلي طرابلس").
func forceRoot(a *article, s int) bool {
	for i := a.sentTok[s][0]; i < a.sentTok[s][1]; i++ {
		if hasForm(a.d, i, "قصف", "اعتقل", "اعتقال", "اختطف", "اختطاف", "هجوم", "انفجار", "تفجير", "قتل", "مقتل", "اغتيال", "العلاقات") {
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
// threatVerb reports whether a word is a verb of threatening (هدد، توعد،
// حذر، لوح) in any of its forms.
func threatVerb(norm string) bool {
	n := withoutConj(norm)
	for _, v := range []string{"هدد", "يهدد", "تهدد", "توعد", "يتوعد", "تتوعد", "حذر", "يحذر", "تحذر", "لوح", "يلوح", "تلوح"} {
		if strings.HasPrefix(n, v) {
			return true
		}
	}
	return false
}

// futureVerb reports whether a verb is in the present or future ("سترد"،
// "تفرض"), not the past.
func futureVerb(norm string) bool {
	n := withoutConj(norm)
	return presentTense(n) || markedFuture(n)
}

// markedFuture reports whether a verb (its proclitics off) carries the
// future's س on a present ("سيزور"، "ستقدم").
func markedFuture(n string) bool {
	return strings.HasPrefix(n, "س") && presentTense(n[len("س"):])
}

// conditionAfter reports whether a condition (إذا، لو، في حال) follows
// trigger t in its sentence.
func conditionAfter(a *article, t trigger) bool {
	for i := t.End; i < a.sentTok[t.sent][1]; i++ {
		if isWord(a.d, i, "اذا", "لو", "واذا") || isWord(a.d, i, "حال") && isWord(a.d, i-1, "في") {
			return true
		}
	}
	return false
}

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
	if y, ok := almanacYear(a, t.sent); ok {
		// "1970 - بدء المفاوضات لانضمام بريطانيا …": a line of an
		// on-this-day list is dated by its year.
		d := timex.Date{Year: y, Precision: timex.Year}
		return d, isHistorical(d, a.published), -1
	}
	nextStart := len(a.d.Tokens)
	for j := k + 1; j < len(trigs) && trigs[j].sent == t.sent; j++ {
		// A trigger inside a verb's gap ("دافع بلينكن، خلال زيارته إلى تل
		// أبيب أمس الخميس، عن") is part of its frame, not the next act.
		if !trigs[j].Phrase.Verb && (t.Phrase.Verb && isWord(a.d, trigs[j].Start-1, "في", "خلال", "اثناء") ||
			a.d.Tokens[max(trigs[j].Start-1, 0)].Kind == arabic.Number && isWord(a.d, trigs[j].Start-2, "في", "خلال", "اثناء")) {
			// "قتلت ستة مسلحين في اشتباكين …، مساء أول من أمس"، "قصفوا
			// أهدافاً … في 23 غارة جوية يوم الجمعة": the circumstance of
			// the act, no act after it.
			continue
		}
		if trigs[j].Start >= t.End || !t.Phrase.Verb {
			nextStart = trigs[j].Start
			break
		}
	}
	prevEnd := -1
	if k > 0 && trigs[k-1].sent == t.sent {
		prevEnd = trigs[k-1].End
	}
	pick := -1
	// The expressions of t's sentence and before it, all the rules below
	// read but for a headline's.
	times := a.timesBefore(a.sentTok[t.sent][1])
	fronted := false
	for _, ta := range times {
		if a.sentOf[ta.tok0] == t.sent && ta.tok1 <= t.Start && t.Start-ta.tok1 <= 8 && !commaBetween(a, ta.tok1, t.Start) && ta.tok0 >= prevEnd && !ta.firstSince && !ta.since {
			fronted = true
		}
	}
	// A date after a verb belongs to it unless a relative clause or, for a
	// demand, rejection or intent, its complement comes between: those
	// dates are of what the act is about.
	for j, ta := range times {
		if a.sentOf[ta.tok0] != t.sent || ta.firstSince || anniversary(a, ta) {
			continue
		}
		// A relative clause right after a noun is its own ("الغارة التي شنها
		// الجيش أمس"); one further on belongs to the complement ("تعليق
		// معاهدة … التي أبرمتها في 2002").
		if from := t.End + 2; t.Phrase.Verb {
			from = t.End
			if relativeBetween(a, from, ta.tok0) && !occasionRelative(a, from, ta.tok0) && !subjectRelative(a, from, ta.tok0) {
				continue
			}
		} else if relativeBetween(a, from, ta.tok0) {
			continue
		}
		if governs(t.Phrase.Code) && ta.tok0 > t.End && !isComma(a, ta.tok0-1) && !mediumBetween(a, t.End, ta.tok0) && !onlySubjectBetween(a, t.End, ta.tok0) {
			continue
		}
		if temporalClauseBetween(a, t.End, ta.tok0) {
			// "وارتكبت … مجزرة، قبل أن تعلن أمس الأحد سيطرتها": the date
			// of a later clause.
			continue
		}
		if ta.tok0 > t.End && isComma(a, ta.tok0-1) && strings.HasPrefix(a.d.Tokens[ta.tok0].Norm, "و") && a.d.Tokens[ta.tok0].Kind == arabic.Word {
			// "… خالد مشعل، واليوم قيادة حماس لم تجد": a date joined after
			// a comma opens a clause of its own.
			continue
		}
		if ta.tok0 > t.End && fronted && commaBetween(a, t.End, ta.tok0) {
			// "وفي يوم الخميس 5 مارس استقبل …، وفي يوم الأحد 8 مارس
			// استقبل": a clause dated up front ends at the comma.
			continue
		}
		if ta.tok0 >= t.Start && ta.tok1 <= nextStart && wordsBetween(a, t.End, ta.tok0) <= 20 {
			pick = j
			break
		}
	}
	if pick < 0 {
		for j := len(times) - 1; j >= 0; j-- {
			ta := times[j]
			if a.sentOf[ta.tok0] == t.sent && ta.tok1 <= t.Start && ta.tok0 >= prevEnd && !ta.firstSince && !anniversary(a, ta) {
				pick = j
				break
			}
		}
	}
	if pick < 0 {
		// "وفي يوم السبت 14 فبراير هنأ …، وهنأ …": a date heading its
		// sentence dates each of the sentence's acts that no other date
		// comes before.
		pick = headingDate(a, times, t)
	}
	if pick < 0 && toldAsEarlier(a, t, prevEnd) {
		// "وكانت البحرين قد استدعت القائم بالأعمال"، "ما حصل مؤخراً":
		// an act told as before the occasion, with no time of its own,
		// happened neither on the occasion's day nor on the day of
		// publication; its month is what the text tells.
		d := timex.DayOf(a.published)
		if j := a.occasionBefore(t); j >= 0 {
			d = a.times[j].expr.Date
		}
		if d.Precision == timex.Day {
			d = timex.Date{Year: d.Year, Month: d.Month, Precision: timex.Month}
		}
		return d, isHistorical(d, a.published), -1
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
		pick = a.occasionBefore(t)
	}
	if pick < 0 {
		return timex.DayOf(a.published), false, -1
	}
	d := times[pick].expr.Date
	return d, isHistorical(d, a.published), pick
}

// onlySubjectBetween reports whether tokens [from, to) are only actor
// mentions, the verb's subject: "طالبت الخارجية المصرية أمس إيران"
// dates the demand, not what it is about.
func onlySubjectBetween(a *article, from, to int) bool {
	for i := from; i < to; i++ {
		if a.mentionAt[i] < 0 && !isWord(a.d, i, intensifiers...) {
			// (An act noun's intensifier is no complement: "جددت
			// البحرين رفضها القاطع أمس الخميس التدخلات".)
			return false
		}
	}
	return true
}

// intensifiers are the adjectives that qualify a stance noun.
var intensifiers = []string{"القاطع", "الشديد", "الشديده", "الكامل", "التام", "المطلق", "القوي", "القويه", "البالغ", "البالغه", "العميق", "العميقه", "الحازم", "الواضح"}

// headingDate returns the index in times of the time expression that
// opens the sentence of t ("وفي يوم الأحد 15 فبراير، …") when it is the
// only one of the sentence before t, or -1.
func headingDate(a *article, times []timeAt, t trigger) int {
	head := -1
	for j, ta := range times {
		if a.sentOf[ta.tok0] != t.sent || ta.tok0 >= t.Start {
			continue
		}
		if head >= 0 {
			return -1
		}
		head = j
	}
	if head < 0 {
		return -1
	}
	ta := times[head]
	if ta.tok0-a.sentTok[t.sent][0] > 3 || ta.since || ta.firstSince || anniversary(a, ta) {
		return -1
	}
	return head
}

// occasionBefore returns the index in a.times of the occasion an act at
// t belongs to: the nearest earlier date that is neither a starting
// point, nor background, nor long past; or -1.
func (a *article) occasionBefore(t trigger) int {
	times := a.timesBefore(t.Start)
	for j := len(times) - 1; j >= 0; j-- {
		ta := times[j]
		if ta.tok1 <= t.Start && !ta.since && !ta.used && !ta.background && !ta.inRelative && !isHistorical(ta.expr.Date, a.published) &&
			!isFuture(ta.expr.Date, a.published) && !(a.sentOf[ta.tok0] != t.sent && inQuote(a, ta.tok0)) {
			// (An occasion yet to come, "في سبتمبر المقبل", holds no act
			// reported as done. A time quoted in an earlier sentence is
			// the speaker's: "ها نحن اليوم …" said yesterday.)
			return j
		}
	}
	return -1
}

// earlierFrames name an act as a time before the occasion or as what is
// spoken of: "بعد"، "منذ"، "رغم"، "حول". ("إثر" and "عقب" tell the
// cause of the occasion, mostly of its day: "إثر قصف استهدف منتجعاً".)
var earlierFrames = []string{"بعد", "وبعد", "منذ", "رغم", "برغم", "حول", "وحول"}

// inQuote reports whether token i lies inside quotation marks opened in
// its sentence: «…»، “…” or "…".
func inQuote(a *article, i int) bool {
	angle, curly, straight := 0, 0, 0
	for j := a.sentTok[a.sentOf[i]][0]; j < i; j++ {
		tk := a.d.Tokens[j]
		if tk.Kind != arabic.Punct {
			continue
		}
		for _, r := range tk.Norm {
			switch r {
			case '«':
				angle++
			case '»':
				angle--
			case '“':
				curly++
			case '”':
				curly--
			case '"':
				straight++
			}
		}
	}
	return angle > 0 || curly > 0 || straight%2 == 1
}

// recentWords say that an act is some days past: "مؤخراً"، "سابقاً".
var recentWords = []string{"مؤخرا", "موخرا", "سابقا", "مسبقا"}

// toldAsEarlier reports whether the text tells the act of trigger t as
// before the occasion it reports: named as a frame of time or topic, in
// the pluperfect ("وكانت الرياض قد
// قطعت"، "وكان نتنياهو حث"، "وسبق أن وقع"), or as recent ("مؤخراً"، "في
// الأيام الأخيرة"، "قبل أيام"، "في وقت سابق"). prevEnd is the end of the
// trigger before it in the sentence, or -1.
func toldAsEarlier(a *article, t trigger, prevEnd int) bool {
	if !t.Phrase.Verb && framedAt(a, t, t.Start-1, earlierFrames) {
		// "وحول زيارة قادة حماس إلى المملكة قال الجبير"، "بعد توقيع
		// الاتفاق": an act named as a point in time before the occasion,
		// or as the topic of what is said. (Not "أثناء زيارته": during.)
		return true
	}
	first := max(a.sentTok[t.sent][0], prevEnd, t.Start-10)
	for i := t.Start - 1; i >= first; i-- {
		if isWord(a.d, i, "ان") && isWord(a.d, i-1, "سبق", "وسبق") {
			return true
		}
		if isBoundary(a, i) || isComma(a, i) && !hasForm(a.d, i+1, "قد") {
			break
		}
		if a.mentionAt[i] < 0 && isWord(a.d, i, "في", "علي", "عن", "حول", "الي", "مع", "بين") {
			// "التي كانت طرفاً في المفاوضات": a copula and its predicate,
			// not the act's tense.
			break
		}
		if a.mentionAt[i] < 0 && isWord(a.d, i, "كان", "وكان", "فكان", "كانت", "وكانت", "فكانت", "كانوا", "وكانوا", "كانا", "وكانا", "كانتا", "وكانتا") &&
			!isWord(a.d, i-1, "ما", "لو", "اذا", "ان", "لما", "مدينه", "بمدينه", "مهرجان") && !isWord(a.d, i+1, "السينمائي") ||
			isWord(a.d, i, "سبق", "وسبق") && isWord(a.d, i+1, "ل", "لل") {
			return true
		}
	}
	from, to := max(a.sentTok[t.sent][0], t.Start-8), min(a.sentTok[t.sent][1], t.End+8)
	for i := from; i < to; i++ {
		switch {
		case hasForm(a.d, i, recentWords...):
			return true
		case hasForm(a.d, i, "الاخيره") && hasForm(a.d, i-1, "الايام", "الاونه", "الفتره", "الاسابيع", "الاشهر"):
			return true
		case i == t.End && !t.Phrase.Verb && hasForm(a.d, i, "الاخيره", "السابقه", "الماضيه"):
			// "خلال زيارته الأخيرة لإسرائيل": the latest, already past.
			return true
		case hasForm(a.d, i, "قبل") && isWord(a.d, i+1, "ايام", "اسابيع", "اسبوعين", "يومين"):
			return true
		case isWord(a.d, i, "وقت") && isWord(a.d, i+1, "سابق") && hasForm(a.d, i-1, "في"):
			return true
		}
	}
	return false
}

// commaBetween reports whether a comma lies in tokens [from, to).
func commaBetween(a *article, from, to int) bool {
	for i := from; i < to; i++ {
		if isComma(a, i) {
			return true
		}
	}
	return false
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

// subjectRelative reports whether the relative clause in tokens [from,
// to), after a verb, qualifies its subject and is closed by a comma right
// before to: "تعهد قائد الجيش في بورما الذي ما زال يلعب دوراً سياسياً،
// أمس الاثنين" dates the pledge.
func subjectRelative(a *article, from, to int) bool {
	return from < len(a.d.Tokens) && a.mentionAt[from] >= 0 && to > 0 && isComma(a, to-1)
}

// mediumWords name the statement an act is made in ("في رسالة مشتركة
// وجهاها أمس الأربعاء"): a date after them dates the act itself.
var mediumWords = []string{"رساله", "بيان", "كلمه", "تصريح", "تصريحات", "مؤتمر", "خطاب", "تغريده", "تدوينه", "مقابله", "اتصال"}

// mediumBetween reports whether a medium word lies in tokens [from, to).
func mediumBetween(a *article, from, to int) bool {
	for i := from; i < to; i++ {
		if hasForm(a.d, i, mediumWords...) {
			return true
		}
	}
	return false
}

// temporalClauseBetween reports whether a clause of another time ("قبل
// أن"، "بعد أن"، "حين") opens in tokens [from, to).
func temporalClauseBetween(a *article, from, to int) bool {
	for i := from; i+1 < to; i++ {
		if isWord(a.d, i, "قبل", "بعد", "وقبل", "وبعد") && isWord(a.d, i+1, "ان") || isWord(a.d, i, "حين", "عندما", "بعدما", "ثم") {
			return true
		}
	}
	return false
}

// occasionNouns are gatherings an act is made at.
var occasionNouns = []string{"القمه", "الاجتماع", "المؤتمر", "الزياره", "اللقاء", "الجلسه", "الندوه", "الدوره", "المباحثات"}

// occasionRelative reports whether the relative clause in tokens [from,
// to) describes the occasion of the act ("في ختام القمة العربية الطارئة
// التي عقدت في القاهرة أمس الثلاثاء"): its date is the act's.
func occasionRelative(a *article, from, to int) bool {
	for i := from; i < to; i++ {
		if !isWord(a.d, i, "الذي", "التي") {
			continue
		}
		for j := i - 1; j >= from && j >= i-4; j-- {
			if hasForm(a.d, j, occasionNouns...) && hasForm(a.d, j-1, "ختام", "خلال", "هامش", "افتتاح", "اعقاب") {
				return true
			}
		}
		return false
	}
	return false
}

// isHistorical reports whether date d ended more than historicalAfter
// before the publication day.
func isHistorical(d timex.Date, published time.Time) bool {
	return published.Sub(d.LastDay()) > historicalAfter
}

// outletNext reports whether a name in quotes follows call trigger t,
// with at most "مع" or "لـ" between.
func outletNext(a *article, t trigger) bool {
	for i := t.End; i < t.End+3 && i < len(a.d.Tokens); i++ {
		tk := a.d.Tokens[i]
		if tk.Kind == arabic.Punct && strings.ContainsAny(tk.Norm, "«“\"") {
			return true
		}
		if !isWord(a.d, i, "مع", "ل", "لـ", "ب") && !(tk.Kind == arabic.Punct && tk.Norm == "ـ") {
			return false
		}
	}
	return false
}

// sanctionTerms frame sanctions as a term, a possibility or a time.
var sanctionTerms = []string{"مقابل", "بموجب", "احتمال", "امكان", "بامكان", "بالامكان", "امكانيه", "يمهد", "تمهد", "ابان", "لن", "فور", "سينتج", "سيقايض"}

// documents are texts that "call for" or "condemn" as a matter of course.
var documents = []string{"ميثاق", "الميثاق", "القرار", "قرار", "الدستور", "القانون", "الاتفاقيه", "الاعلان", "النظام", "مشروع"}

// habitual reports whether trigger t's sentence tells what is done as a
// rule or used to be done ("في الماضي"، "عادة ما"، "سنوياً"), with no time
// expression of its own.
func habitual(a *article, t trigger) bool {
	from, to := a.sentTok[t.sent][0], a.sentTok[t.sent][1]
	found := false
	// Markers before the act, in its sentence; "سنوياً" only close to it
	// ("تستقطب نحو 10 ملايين سائح سنوياً" says nothing of an attack told
	// before it).
	for i := from; i < t.Start && !found; i++ {
		switch {
		case isWord(a.d, i, "الماضي") && isWord(a.d, i-1, "في", "وفي"):
			found = true
		case hasForm(a.d, i, "عاده", "غالبا", "دائما", "كثيرا") && isWord(a.d, i+1, "ما"):
			found = true
		case hasForm(a.d, i, "سنويا") && i >= t.Start-6:
			found = true
		case isWord(a.d, i, "منذ") && (isWord(a.d, i+1, "عقود") || isWord(a.d, i+1, "وقت") && isWord(a.d, i+2, "مبكر")):
			found = true
		case isWord(a.d, i, "بشكل", "بصوره") && isWord(a.d, i+1, "دائم", "مستمر", "متكرر", "منتظم") || hasForm(a.d, i, "باستمرار", "دوما"):
			// "لدولة تخرق بشكل دائم قراراته وتهدد بتدمير إسرائيل"
			found = true
		}
	}
	return found && !a.timeStartsIn(from, to)
}

// negatedCarrier reports whether the light verb that carries noun
// trigger t, up to 8 words before it, is negated: "ولم يقم أي رئيس
// أميركي بزيارة كينيا"، "لم يتم تنظيم لقاء رسمي"، "لم تجر محادثات".
func negatedCarrier(a *article, t trigger) bool {
	d := a.d
	for i := t.Start - 1; i >= 0 && i >= t.Start-8 && a.sentOf[i] == t.sent; i-- {
		switch {
		case hasForm(d, i, jussiveCarriers...):
			return true
		case hasForm(d, i, carriers...):
			return isWord(d, i-1, "لم", "ولم", "فلم", "لن", "ولن")
		}
	}
	return false
}

// jussiveCarriers are jussives of verbs that carry an act noun: they
// follow لم or a condition ("لم يقم بزيارة"، "لم تجر محادثات").
// carriers are such verbs whose jussive is also their indicative ("تعقد
// القمة غداً"، "يتم التوقيع"): negated only after لم or لن.
var (
	jussiveCarriers = []string{"يقم", "تقم", "يقوموا", "تقوما", "يجر", "تجر", "يجروا", "يؤد", "تؤد"}
	carriers        = []string{"يتم", "تتم", "يعقد", "تعقد", "يسبق", "تسبق"}
)

// nounVerbs are verbs written as common nouns or names when bare: ثمّن
// (ثمن "price"), شكر ("thanks", a surname), طالب ("student": "404 طالب
// لجوء"), هاتف ("a telephone": "يتوفر هاتف هواوي").
var nounVerbs = []string{"ثمن", "شكر", "طالب", "هاتف"}

// clauseOpens reports whether a verb at token i stands where a clause can
// begin: first in its sentence, after punctuation, after a particle that
// opens a clause, or right after a mention (its subject).
func clauseOpens(a *article, i int) bool {
	if i == 0 || a.sentOf[i-1] != a.sentOf[i] {
		return true
	}
	prev := a.d.Tokens[i-1]
	if prev.Kind == arabic.Punct || a.mentionAt[i-1] >= 0 {
		return true
	}
	return isWord(a.d, i-1, "قد", "وقد", "لقد", "كما", "وكما", "حيث", "ثم", "فيما", "وفيما", "بينما", "وبينما", "كذلك", "ان", "انه", "انها", "بعدما", "عندما", "ذلك", "ايضا")
}

// referredBack reports whether noun trigger t follows a frame of time or
// topic ("منذ"، "بعد"، "رغم"، "حول"), perhaps through a head noun ("بعد
// بدء المفاوضات"), with no time expression near it.
func referredBack(a *article, t trigger) bool {
	i := t.Start - 1
	if i >= 0 && hasForm(a.d, i, referenceHeads...) {
		i--
	}
	if i > 1 && isWord(a.d, i, "من") {
		// "بعد دقائق معدودة من التوقيع على الاتفاق"، "قبل أيام من":
		// a span of time measured from the act.
		j := i - 1
		if hasForm(a.d, j, "معدوده", "قليله", "فقط") {
			j--
		}
		if j >= 0 && hasForm(a.d, j, spans...) {
			return framedAt(a, t, j-1, []string{"بعد", "وبعد", "قبل", "وقبل"})
		}
	}
	return framedAt(a, t, i, referenceFrames)
}

// spans are lengths of time: "بعد ساعات من"، "قبل يومين من".
var spans = []string{"دقائق", "دقيقه", "ساعات", "ساعه", "ساعتين", "ايام", "يوم", "يومين", "اسابيع", "اسبوع", "اسبوعين",
	"اشهر", "شهور", "شهر", "شهرين", "سنوات", "سنه", "سنتين", "اعوام", "عام", "عامين"}

// framedAt reports whether token i, in t's sentence, is one of frames or
// ends "على الرغم من", and no time expression lies near t.
func framedAt(a *article, t trigger, i int, frames []string) bool {
	framed := i >= 0 && a.sentOf[i] == t.sent && (hasForm(a.d, i, frames...) || isWord(a.d, i, "من") && isWord(a.d, i-1, "الرغم", "رغم"))
	return framed && !timeNear(a, t)
}

// timeNear reports whether a time expression lies within eight words of
// trigger t in its sentence.
func timeNear(a *article, t trigger) bool {
	return a.timeStartsIn(max(a.sentTok[t.sent][0], t.Start-8), min(a.sentTok[t.sent][1], t.End+8))
}

// referenceFrames name a point in time or a topic by an act.
var referenceFrames = []string{"منذ", "بعد", "وبعد", "عقب", "اثر", "رغم", "برغم", "بمجرد", "قبيل", "اثناء", "حول", "بشان", "تداعيات", "اعقاب"}

// referenceHeads may stand between a frame and the act noun.
var referenceHeads = []string{"انطلاق", "بدء", "بدايه", "جوله", "مراحل", "فتره", "استئناف", "نتائج", "مسار"}

// demonstrative reports whether noun trigger t points back with a
// demonstrative before it or inside it ("هذه الزيارة"، "توقيع هذا الاتفاق").
func demonstrative(a *article, t trigger) bool {
	for i := max(t.Start-1, 0); i < t.End; i++ {
		// Only before a definite noun it qualifies: "وتبع ذلك توقيع
		// اتفاقية"، "بما في ذلك ضربات جوية" point elsewhere.
		if a.mentionAt[i] < 0 && isWord(a.d, i, "هذه", "هذا", "تلك", "ذلك", "هذين", "هاتين", "وهذه", "وهذا") &&
			i+1 < len(a.d.Tokens) && definite(a.d.Tokens[i+1].Norm) {
			return true
		}
	}
	return false
}

// describes reports whether present-tense verb trigger t qualifies the
// indefinite accusative noun right before it, which no subject is ("لن
// تمتلك سلاحًا يهدد إسرائيل", a weapon that would threaten): a
// description, not an act.
func describes(a *article, t trigger) bool {
	v := withoutConj(a.d.Tokens[t.Start].Norm)
	if v != a.d.Tokens[t.Start].Norm || strings.HasPrefix(v, "ن") || !presentTense(v) {
		// ("…، ويهدد": a verb joined to the clause; "جثثاً تعرّضت
		// للتعذيب": a past verb tells what was done.)
		return false
	}
	i := t.Start - 1
	if a.mentionAt[i] >= 0 || a.d.Tokens[i].Kind != arabic.Word {
		return false
	}
	n := a.d.Tokens[i].Norm
	tw := a.d.Text[a.d.Tokens[i].Start:a.d.Tokens[i].End]
	return !strings.HasPrefix(n, "ال") && strings.HasSuffix(n, "ا") && len(n) > 6 && strings.Contains(tw, "ً")
}

// attempted reports whether noun trigger t is what a verb of trying or
// seeking before it, in its clause, aims at: "يحاول التنظيم من خلال هذه
// الخطوة … اعتقال كل من ينشر"، "في محاولة لعقد"، "بهدف". (An attempted
// attack is still an attack: roots 18–20 are not asked.)
func attempted(a *article, t trigger) bool {
	for i := t.Start - 1; i >= 0 && i >= t.Start-12 && a.sentOf[i] == t.sent && !isBoundary(a, i); i-- {
		if isWord(a.d, i, "الذي", "التي", "الذين") {
			// "تسعى إلى استثمار الأجواء التي فرضها توقيع الاتفاق": the
			// relative clause tells its act as done.
			return false
		}
		if hasForm(a.d, i, attempts...) {
			return true
		}
	}
	return false
}

var attempts = []string{"يحاول", "تحاول", "يحاولون", "حاول", "حاولت", "حاولوا", "محاوله", "محاولات", "يسعي", "تسعي", "يسعون", "سعيا", "بهدف", "فرصه"}

// purposeFrames make the act after "لشن"، "لتنفيذ" a purpose, not a deed.
var purposeFrames = []string{"تفويض", "تفويضا", "خطه", "خطط", "تخطط", "يخطط", "حشد", "حشدت", "تستعد", "يستعد", "استعدادا", "مستعد", "مستعده",
	"جاهز", "جاهزه", "طلب", "بطلب", "طلبت", "موافقه", "الموافقه", "اذن", "تحضيرا", "تمهيدا", "محاوله", "حاول", "حاولت", "يسعي", "تسعي"}

// almanacYear returns the year a sentence opens with as "YYYY -", the
// form of on-this-day lists, when it is before the publication year.
func almanacYear(a *article, sent int) (int, bool) {
	i := a.sentTok[sent][0]
	if i+1 >= a.sentTok[sent][1] {
		return 0, false
	}
	tok, dash := a.d.Tokens[i], a.d.Tokens[i+1]
	if tok.Kind != arabic.Number || dash.Kind != arabic.Punct || (dash.Norm != "-" && dash.Norm != "–") {
		return 0, false
	}
	y, err := strconv.Atoi(a.text[tok.Start:tok.End])
	if err != nil || y < 1000 || y >= a.published.Year() {
		return 0, false
	}
	return y, true
}

// isFuture reports whether date d begins after the publication day.
func isFuture(d timex.Date, published time.Time) bool {
	return d.Time().After(timex.DayOf(published).Time())
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
	if r := relativeBefore(a, t); r >= 0 && antecedent(a, r) >= 0 {
		// "رفضه لتصريحات المالكي الذي اتهم المملكة": a relative clause
		// tells what its actor did, whatever governs the noun before.
		return false
	}
	for j := k - 1; j >= 0 && j >= k-8 && trigs[j].sent == t.sent; j-- {
		if !governs(trigs[j].Phrase.Code) {
			continue
		}
		free := false
		for i := trigs[j].End; i < t.Start; i++ {
			if isBoundary(a, i) || (t.Phrase.Verb && a.d.Tokens[i].Kind == arabic.Punct && a.d.Tokens[i].Norm == ",") ||
				isWord(a.d, i, "اثر", "جراء") {
				// "…، إثر قصف استهدف": the cause told, not what was demanded.
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

// wordsBetween counts the tokens in [from, to) that put distance between
// a verb and its date: a mention that starts at or just after from (the
// verb's subject) counts one, a long title ("استقبل … ولي العهد نائب رئيس
// مجلس الوزراء وزير الداخلية في قصر سموه مساء أمس") putting no distance
// between them; an aside between dashes or parentheses, a benediction
// ("-حفظه الله-"، "– أيده الله –") and punctuation count none.
func wordsBetween(a *article, from, to int) int {
	subject := -1
	for i := from; i < to && i <= from+3; i++ {
		// (Honorifics may come first: "صاحب السمو الملكي الأمير".)
		if k := a.mentionAt[i]; k >= 0 && a.mentions[k].Tok0 == i {
			subject = k
			break
		}
	}
	n := 0
	aside := false
	for i := from; i < to; i++ {
		tk := a.d.Tokens[i]
		switch {
		case tk.Kind == arabic.Punct:
			switch tk.Norm {
			case "-", "–", "—":
				aside = !aside
			case "(":
				aside = true
			case ")":
				aside = false
			}
		case aside || isWord(a.d, i, benedictions...):
		case subject >= 0 && a.mentionAt[i] == subject && i > a.mentions[subject].Tok0:
		default:
			n++
		}
	}
	return n
}

// benedictions are the words of the blessings said after a ruler's name.
var benedictions = []string{"حفظه", "حفظها", "يحفظه", "الله", "رعاه", "ورعاه", "ايده", "يرعاه", "بحفظ", "ورعايته", "تعالي"}

// futureBetween reports whether a verb marked for the future (سـ) lies in
// tokens [from, to).
func futureBetween(a *article, from, to int) bool {
	for i := from; i < to; i++ {
		n := strings.TrimPrefix(a.d.Tokens[i].Norm, "و")
		if a.mentionAt[i] < 0 && markedFuture(n) && len(n) > len("سي")*2 {
			return true
		}
	}
	return false
}

// anniversary reports whether time expression ta dates what an occasion
// commemorates ("بمناسبة الذكرى الـ63 لثورة 23 يوليو 1952"): not the
// day of an act told with it.
func anniversary(a *article, ta timeAt) bool {
	for i := ta.tok0 - 1; i >= 0 && i >= ta.tok0-6 && a.sentOf[i] == a.sentOf[ta.tok0]; i-- {
		if isComma(a, i) {
			break
		}
		if hasForm(a.d, i, "ذكري", "الذكري", "بذكري", "لذكري", "ذكراها", "ذكراه") {
			return true
		}
	}
	return false
}

// personObject reports whether a person is named within 12 words after
// verb trigger t, past its subject: a count ("251 شخصاً"), a noun of
// people ("رجلاً"، "ناشطين") or an actor who is a person or a group of
// people.
func personObject(a *article, t trigger) bool {
	// Commas do not end the look: the subject may be followed by a time
	// between commas ("أوقفت وحدات أمنية، مساء أمس، رئيس حركة …").
	for j := t.End; j < t.End+12 && j < a.sentTok[t.sent][1]; j++ {
		if k := a.mentionAt[j]; k >= 0 {
			m := a.mentions[k]
			if !m.Place && (m.Kind == rasid.KindPerson || m.Role == "CVL" || m.Role == "REB" || m.Role == "OPP" || m.Role == "MED") {
				return true
			}
			j = m.Tok1 - 1
			continue
		}
		if a.d.Tokens[j].Kind == arabic.Number || hasForm(a.d, j, personNouns...) {
			return true
		}
	}
	return false
}

// personNouns are nouns of people an arrest is made on.
var personNouns = []string{"رجل", "رجلا", "رجال", "رجلين", "امراه", "امراتين", "نساء", "شاب", "شابا", "شبان", "شابين",
	"شخص", "شخصا", "اشخاص", "شخصين", "عنصر", "عنصرا", "عناصر", "عنصرين", "مشتبه", "مشتبها", "المشتبه", "مشتبهين",
	"متهم", "متهما", "متهمين", "متهمه", "متهمتين", "مشتبهه", "مواطن", "مواطنا", "مواطنين", "طفل", "طفلا", "اطفال", "فتاه", "فتي", "سائق", "سائقا",
	"طالب", "طالبا", "طلاب", "ناشط", "ناشطا", "ناشطين", "صحفي", "صحفيا", "صحفيين", "مهاجر", "مهاجرا", "مهاجرين",
	"لاجئ", "لاجئا", "لاجئين", "مسلح", "مسلحا", "مسلحين", "ارهابي", "ارهابيا", "ارهابيين", "مطلوب", "مطلوبا", "مطلوبين",
	"جندي", "جنديا", "جنود", "ضابط", "ضابطا", "ضباط", "قيادي", "قياديا", "قياديين", "يهودي", "يهوديا", "يهوديين",
	"داعيه", "مدون", "مدونا", "مدونين", "معارض", "معارضا", "معارضين", "نائب", "نائبا", "وزير", "وزيرا"}

// cumulative reports whether material act t is told as a count over a
// period of weeks or more: a frame "منذ (عام) 2009"، "منذ اندلاع"، "خلال
// 10 أشهر"، "في الأسابيع الماضية" before it in its sentence or after it in
// its clause (not in a relative clause after it, "الذي يخوض منذ 1984
// تمرداً", nor before "آخرها أمس", the latest of them told).
func cumulative(a *article, t trigger) bool {
	d := a.d
	s0, s1 := a.sentTok[t.sent][0], a.sentTok[t.sent][1]
	// Before the act in its sentence: a frame heading it ("ومنذ عام 2009،
	// قتلت") or the clause of a count the act is joined to ("قتلت … منذ
	// عام 2009، واختطفت المئات")، or a total ("ارتفاع العدد الإجمالي
	// للقتلى جراء غارات"), unless a day is named after it.
	for i := t.Start - 1; i >= s0; i-- {
		// (Whole words only: this runs back over the sentence for every
		// material act.)
		if isWord(d, i, dayNames...) || isWord(d, i, "فيها", "فيه", "منها", "ومنها", "بينها", "وبينها", "ان", "انه", "انها", "بان", "وان",
			"لكن", "الا", "بينما", "فيما", "قائلا", "مؤكدا", "مضيفا", "مشيرا", "موضحا") {
			// (A day named, one act picked out of the count, "بما فيها
			// عمليات القتل الجماعي", or a clause of its own: "… في
			// الشهور الماضية، مؤكداً أن المليشيات تفرض حصاراً".)
			break
		}
		if sinceFrame(a, i) || periodFrame(a, i) || isWord(d, i, "الاجمالي", "الاجماليه") {
			// "… في يونيو الماضي": unless the act has a date of its own,
			// not a start. (Looked for only now: finding the times so far
			// into the text costs more than the rest of the test.)
			for _, ta := range a.timesBefore(min(s1, t.End+15)) {
				if ta.tok0 >= t.End && ta.tok0 < t.End+15 && !isWord(d, ta.tok0-1, "منذ", "ومنذ", "خلال") && !isWord(d, ta.tok0-2, "منذ", "ومنذ") {
					return false
				}
			}
			return true
		}
	}
	for i := t.End; i < s1 && i < t.End+25; i++ {
		if isWord(d, i, "الذي", "التي", "الذين", "اللذين", "اللتين", "حيث", "فيما", "بينما", "لكن", "الا") {
			return false
		}
		if sinceFrame(a, i) || periodFrame(a, i) {
			for j := i + 1; j < s1 && j < i+8; j++ {
				if hasForm(d, j, "اخرها", "اخرهم", "اخرهما") {
					return false
				}
			}
			return true
		}
	}
	return false
}

// sinceFrame reports whether token i opens "منذ" with a year or a start:
// "منذ عام 2009"، "منذ 2011"، "منذ اندلاع الحرب".
func sinceFrame(a *article, i int) bool {
	if !isWord(a.d, i, "منذ", "ومنذ") {
		return false
	}
	j := i + 1
	if isWord(a.d, j, "عام", "العام", "سنه") {
		j++
	}
	return yearAt(a, j) || hasForm(a.d, i+1, "بدايه", "بدء", "اندلاع", "انطلاق", "مطلع")
}

// periodFrame reports whether token i opens a period of weeks or more:
// "خلال 10 أشهر"، "خلال الأشهر التسعة الفائتة"، "في الأسابيع الأخيرة".
func periodFrame(a *article, i int) bool {
	d := a.d
	switch {
	case isWord(d, i, "خلال"):
		for j := i + 1; j <= i+3 && j < len(d.Tokens); j++ {
			if hasForm(d, j, periodWords...) {
				return true
			}
		}
	case isWord(d, i, "في"):
		return hasForm(d, i+1, "الاشهر", "الشهور", "الاسابيع", "السنوات", "الاعوام") && hasForm(d, i+2, "الماضيه", "الاخيره", "القليله", "الفائته")
	}
	return false
}

// dayNames name a day or a part of one.
var dayNames = []string{"امس", "اليوم", "الليله", "فجر", "صباح", "ظهر", "مساء", "ليل", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت", "الاحد",
	"وامس", "واليوم", "يوم", "ويوم"}

// periodWords are plural and dual spans of weeks, months and years.
var periodWords = []string{"اشهر", "الاشهر", "شهور", "الشهور", "شهرين", "الشهرين", "اسابيع", "الاسابيع", "اعوام", "الاعوام",
	"سنوات", "السنوات", "عامين", "العامين", "سنتين", "السنتين"}

// yearAt reports whether token i is a year of four digits.
func yearAt(a *article, i int) bool {
	if i >= len(a.d.Tokens) || a.d.Tokens[i].Kind != arabic.Number {
		return false
	}
	n := a.d.Tokens[i].Norm
	return len(n) == 4 && (strings.HasPrefix(n, "19") || strings.HasPrefix(n, "20"))
}

// setOffAfter reports whether a verb or noun of setting off a bomb follows
// trigger t in its sentence.
func setOffAfter(a *article, t trigger) bool {
	for i := t.End; i < a.sentTok[t.sent][1]; i++ {
		if hasForm(a.d, i, "فجر", "فجرت", "فجره", "فجرها", "انفجر", "انفجرت", "تفجير", "بتفجير", "تفجيرها", "انفجار", "اقتحم", "اقتحمت", "استهدف", "استهدفت") {
			return true
		}
	}
	return false
}

// topicOf reports whether noun trigger t is the topic of a verb or noun
// of talking or studying within three words before it: "تحدث عن"،
// "مناقشة سير"، "دراسة التأثير المحتمل لـ".
func topicOf(a *article, t trigger) bool {
	for i := t.Start - 1; i >= 0 && i >= t.Start-3 && a.sentOf[i] == t.sent; i-- {
		if a.d.Tokens[i].Kind == arabic.Punct {
			return false
		}
		if hasForm(a.d, i, studyNouns...) {
			return true
		}
		if isWord(a.d, i, "عن") {
			// The verb may have its subject before "عن": "وتحدث وزير
			// الخارجية الأردني عن المساعدات".
			for j := i - 1; j >= 0 && j >= i-8 && a.sentOf[j] == t.sent && !isComma(a, j); j-- {
				if hasForm(a.d, j, talkVerbs...) {
					return true
				}
				if a.mentionAt[j] < 0 && j < i-1 {
					break // only the subject may stand between
				}
			}
		}
	}
	return false
}

// talkVerbs talk about something (with عن); studyNouns study or discuss it.
var (
	talkVerbs  = []string{"تحدث", "تحدثت", "يتحدث", "تتحدث", "نتحدث", "اتحدث", "يتحدثون", "الحديث", "حديث", "حديثه", "حديثها", "تكلم", "يتكلم", "نتكلم"}
	studyNouns = []string{"دراسه", "مناقشه", "المناقشه", "لمناقشه", "لدراسه", "ودراسه", "ومناقشه"}
)

// stanceBefore reports whether a verb or noun of welcome, praise or
// support stands within three words before trigger t.
func stanceBefore(a *article, t trigger) bool {
	for i := t.Start - 1; i >= 0 && i >= t.Start-3 && a.sentOf[i] == t.sent; i-- {
		if hasForm(a.d, i, "ترحيب", "ترحيبه", "ترحيبها", "رحب", "رحبت", "يرحب", "ترحب", "اشاد", "اشادت", "يشيد", "تشيد", "تاييد", "تاييده", "تاييدها", "اشاده") {
			return true
		}
	}
	return false
}
