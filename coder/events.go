package coder

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"rasid"
	"rasid/arabic"
	"rasid/lexicon"
	"rasid/timex"
)

// trigger is an event phrase kept for coding, in its sentence.
type trigger struct {
	lexicon.PhraseMatch
	sent int
}

// party is one side of an event: a group of coordinated mentions
// (المغرب وروسيا), or none.
type party []int // indexes into article.mentions

// homeSide stands for "the source's own state" as a target: the civilians
// of an armed group's country when the text names no victim.
const homeSide = -2

// homeGov stands for "the source's own government" as a target: whom a
// union's strike or a crowd's protest is aimed at when the text names
// no one.
const homeGov = -3

// events codes the acts of a that its triggers trigs name.
func (c *Coder) events(a *article, trigs []trigger) []rasid.Event {
	var out []rasid.Event
	seen := map[string]bool{}
	// The events emitted with no time word of their own sentence, by
	// dedupKey: a later telling of the act may give its day.
	undated := map[string]int{}
	lastPair := [2]int{-1, -1}
	lastPairSent := -1                               // the sentence lastPair was told in
	var lastGroup []int                              // the parties of the latest act among three or more
	fightPair := [2]int{-1, -1}                      // the sides of the latest fighting (roots 18–20)
	prev := struct{ sent, src, tgt int }{-1, -1, -1} // the previous event told
	materialSeen := false
	massSeen := false  // a mass killing (root 20) coded
	var told []toldAct // acts coded so far, by the noun that names them
	bodyRoots := map[string]bool{}
	protestIn := map[int]bool{}
	mediators := mediatorsOf(a, trigs)
	// Accusations that a lawsuit's own text makes ("رفعت … دعوى …، تتهم
	// فيها إسرائيل"): the suit's target, not acts of their own.
	charges := map[int]bool{}
	// A killing told with its means ("اغتيال القيادي … بغارة إسرائيلية"):
	// one act, the killing, by whoever struck.
	meansOf := map[int]int{}
	for k := range trigs {
		if j := killingMeans(a, trigs, k); j >= 0 {
			meansOf[k] = j
		}
	}
	for _, k := range codingOrder(a, trigs) {
		t := trigs[k]
		headline := a.title && t.sent == 0
		if t.Phrase.None || charges[t.Start] {
			continue // "استضافت … جولة من المحادثات": not an act itself
		}
		if c.blocked(a, t) || governed(a, trigs, k) {
			c.tracef("skip %s %q at %d: blocked or governed", t.Phrase.Code, t.Phrase.Pattern, t.Start)
			continue
		}
		L, R := clause(a, trigs, k)
		ownPhrase := governor(a, trigs, k) >= 0
		if ownPhrase || relativeFollows(a, t) {
			// A nominal act in a verb's complement, or one whose agent a
			// relative clause names ("الغارة التي شنها الجيش"): only its
			// own phrase.
			L = t.Start
		}
		src, tgt := parties(a, t, L, R)
		if r := t.Phrase.Code[:2]; r == "02" || r == "10" {
			tgt = withoutBacked(a, tgt)
		}
		pronAccused := t.Phrase.Code[:3] == "112" && t.Phrase.Verb && !t.Phrase.Pro && pronounObject(a, t)
		if pronAccused {
			// "اتهمته بالانتماء إلى تنظيم داعش"، "واتهمتهم بأنهم يقومون
			// بدور في دعم … نظام الأسد": the accused is the pronoun; who is
			// named after it is in the charge, and no act before lends
			// its target.
			tgt = nil
		}
		if k := a.mentionAt[max(t.Start-1, 0)]; t.Start > 0 && k >= 0 && !t.Phrase.Verb && possessed(a, t) && !a.mentions[k].Place {
			// "إعلان رئيس الحكومة الإسبانية بيدرو سانشيز دعمه لمبادرة الحكم
			// الذاتي التي يقترحها المغرب": the possessor named right before
			// the noun is its agent; whom it names after is its target.
			src, tgt = agentBefore(a, t, k, R, tgt)
		} else if ownPhrase && !relativeFollows(a, t) && len(src) > 0 && a.mentions[src[0]].Tok0 > t.End+1 && !isWord(a.d, a.mentions[src[0]].Tok0-1, "بين") &&
			!agentNamed(a, t.End, a.mentions[src[0]].Tok0) {
			// "فتح مجالها الجوي أمام رحلات المساعدات الإنسانية ونقل الجرحى
			// من وإلى المغرب": a complement's act noun has its agent right
			// after it (or "بين X وY"), not at the end of a prepositional
			// phrase.
			src = nil
		}
		if j, ok := meansOf[k]; ok {
			// The strike's own phrase names who struck ("بغارة إسرائيلية");
			// its whole clause would also hold the victim.
			_, Rj := clause(a, trigs, j)
			ms, mt := parties(a, trigs[j], trigs[j].Start, Rj)
			if len(tgt) == 0 {
				if v := a.firstActorAfter(t.End, trigs[j].Start); v >= 0 {
					tgt = party{v}
				} else {
					tgt = mt
				}
			}
			if len(ms) > 0 && (len(tgt) == 0 || !sameCode(a, ms, tgt[0])) {
				src = ms
			}
		}
		if t.Phrase.Code == "115" && len(tgt) == 0 {
			if k, j := suitCharge(a, trigs, t); k >= 0 {
				tgt = party{k}
				charges[trigs[j].Start] = true
			}
		}
		p := t.Phrase
		if p.Code == "043" && p.Verb && hostsMeeting(a, t, tgt) {
			// "استضافت عُمان جولة محادثات بين المبعوث الأمريكي والوزير
			// الإيراني": the host received a meeting; its participants are
			// coded by the meeting's own phrases.
			c.tracef("skip 043 at %d: hosts a meeting between its targets", t.Start)
			continue
		}
		if p.Verb && prev.sent == t.sent && len(src) > 0 && prev.tgt >= 0 && isConjoined(a, t) &&
			a.mentions[src[0]].Code == a.mentions[prev.tgt].Code && a.mentions[src[0]].Tok0 > t.Start {
			// "طالبت الوزارة تركيا بسحب قواتها، واستدعت القائم بالأعمال
			// التركي": a conjoined verb keeps the subject of the first; what
			// follows it is its object.
			src, tgt = party{prev.src}, party{src[0]}
		}
		if p.Verb && prev.sent == t.sent && prev.src >= 0 && len(src) >= 1 && len(tgt) == 0 && (isConjoined(a, t) && isComma(a, t.Start-1) || isWord(a.d, t.Start-1, "كما")) &&
			hasForm(a.d, t.Start, objectVerbs...) && a.mentions[src[0]].Tok0 <= t.End+1 && !slices.ContainsFunc(src, func(k int) bool { return sameActor(a, party{prev.src}, k) }) &&
			len(dropPlaces(a, actorIdx(a, t.Start+1, R))) == len(src) {
			// "هنأ خادم الحرمين الرئيس الإيطالي …، واستقبل الأمين العام
			// للأمم المتحدة"، "…، كما التقى وزراء خارجية بريطانيا وفرنسا":
			// a verb that needs an object, joined with one actor or one
			// coordinated group after it and none else, keeps the
			// sentence's subject; the actors are whom it was done to.
			src, tgt = party{prev.src}, src
		}
		if len(src) == 0 && prev.sent == t.sent && prev.src >= 0 && !p.Rev && (isConjoined(a, t) || len(tgt) > 0) && !(ownPhrase && p.Code[:2] == "07") &&
			a.mentions[prev.src].Tok0 < t.Start {
			// (Only a subject named before the act: the acts of a
			// sentence are not coded in its order, and "اختطف مجهولون …
			// كما دارت اشتباكات بين وحدات حماية الشعب …" lends none.)
			// (Aid inside another act's complement, "أوقفت سلطاتها إدخال
			// شاحنات المساعدات الموجهة إلى الفلسطينيين", is not that
			// act's subject's aid.)
			// "…، وطالب المجلس"، "…، محمّلة الجانب الإثيوبي المسؤولية": the
			// subject is that of the sentence's previous act.
			if len(tgt) == 0 || !sameActor(a, party{prev.src}, tgt[0]) {
				src = party{prev.src}
			}
		}
		if participleClause(a, t) && prev.sent == t.sent && prev.src >= 0 {
			// "…، محمّلةً الجانب الإثيوبي المسؤولية": a participle after a
			// comma has the sentence's subject; who follows is its object.
			post := actorIdx(a, t.Start, R)
			src, tgt = party{prev.src}, nil
			for _, k := range post {
				if !sameActor(a, src, k) && !a.mentions[k].Place {
					tgt = party{k}
					break
				}
			}
		}
		if (p.Pro || p.Poss) && (prev.src < 0 || prev.sent < t.sent-1) {
			// "حلّ الوزير بالجزائر، حيث استقبله الرئيس"، "قال وزير
			// الخارجية المصري إن زيارته للمملكة": with no act told before,
			// the pronoun is the sentence's first actor.
			if k := a.firstActorAfter(a.sentTok[t.sent][0], t.Start); k >= 0 {
				prev.src, prev.tgt, prev.sent = k, -1, t.sent
			}
		}
		if (p.Pro || p.Poss) && prev.src >= 0 && prev.sent >= t.sent-1 {
			// "حيث استقبله الرئيس"، "خلال زيارته إلى تل أبيب": the pronoun
			// is the subject of the act just told.
			var others []int
			for _, k := range actorIdx(a, t.Start, R) {
				if !sameActor(a, party{prev.src}, k) {
					others = append(others, k)
				}
			}
			if p.Pro && len(others) > 0 {
				src, tgt = party{others[0]}, party{prev.src}
			}
			if p.Poss {
				src, tgt = party{prev.src}, nil
				if len(others) > 0 {
					tgt = party{others[0]}
				}
			}
		}
		if p.Med {
			// "بوساطة وزير الخارجية العماني": the mediator acts toward each
			// party of the talks just told.
			src, tgt = nil, nil
			if k := a.firstActorAfter(t.End, R); k >= 0 {
				src = party{k}
				if prev.src >= 0 && prev.sent == t.sent && prev.tgt >= 0 {
					tgt = party{prev.src, prev.tgt}
				} else if lastPair[0] >= 0 && !actBefore(trigs, t.Start, t.sent) {
					// Talks told in an earlier sentence; when this
					// sentence's own act was not coded, no guess.
					tgt = party{lastPair[0], lastPair[1]}
				}
			}
			if len(tgt) == 0 {
				c.tracef("skip %s at %d: mediation without the parties of its talks", p.Code, t.Start)
				continue
			}
		}
		if p.Rev && !(len(src) == 0 && p.Code[:2] >= "18" && len(tgt) > 0 && a.mentions[tgt[0]].Place) {
			// (An assault whose victim went unrecognised keeps the place
			// it struck as its target: "واغتيل الزواري … بصفاقس".)
			src, tgt = tgt, src
			if len(src) == 0 && p.NoSrc && p.Code[:2] >= "18" {
				// "تعرض فيتسو لمحاولة اغتيال، بعدما أطلق مسلح سلوفاكي
				// النار عليه": the armed man named in the sentence.
				if k := armedIn(a, t, tgt); k >= 0 {
					src = party{k}
				}
			}
			if len(src) == 0 && p.Code[:2] == "11" && L > 0 && isWord(a.d, L-1, "ان", "بان") {
				// "أعلن بلينكن أن قوات الدعم السريع ارتكبت «إبادة جماعية»":
				// who says a crime was committed accuses its author.
				if k := a.firstActorAfter(a.sentTok[t.sent][0], L); k >= 0 {
					src = party{k}
				}
			}
		}
		if from, to := betweenSpan(a, t); from >= 0 && t.Phrase.Sym {
			// "توقيع الاتفاق النووي بين الدول الكبرى وإيران، الأخيرة …
			// تبعث بسلامها في لبنان والعراق": a joint act's sides are the
			// ones its own بين names; actors after that phrase are not.
			// ("بين البلدين" names them before.)
			if s, g := within(a, src, from, to), within(a, tgt, from, to); len(s)+len(g) > 0 {
				src, tgt = s, g
				if len(src) == 0 && len(tgt) >= 2 {
					src, tgt = tgt[:1], tgt[1:]
				}
			}
		}
		if k := mediatorAfter(a, t); k >= 0 {
			// "يتوجه الرئيس العراقي صوب وساطة السلطة الإيرانية": the
			// genitive of a mediation mediates; whoever seeks or welcomes
			// it is mediated for.
			var others party
			for _, j := range append(append(party{}, src...), tgt...) {
				if j != k && !sameCode(a, party{k}, j) {
					others = append(others, j)
				}
			}
			src, tgt = party{k}, others
			if len(tgt) > 1 {
				tgt = tgt[:1]
			}
		}
		if v, h := visitorAndHost(a, t); v >= 0 {
			// "استعداداً لزيارة الرئيس الأمريكي لكينيا": the genitive
			// of a visit followed by where it goes is the visitor, whoever
			// the clause's subject is.
			src, tgt = party{v}, party{h}
		}
		code, newTgt := refineCode(a, t, L, R, src, tgt)
		tgt = newTgt
		plannedMeeting := code == "036" && t.Phrase.Code[:2] == "04"
		if code != "" {
			refined := *t.Phrase
			refined.Code = code
			if code[:2] == "04" {
				refined.Sym = code == "044"
			}
			t.Phrase, p = &refined, &refined
		}
		sym := p.Sym
		var group []int
		if n := groupSubject(a, t, L, R); n > 0 && n == len(lastGroup) && len(src)+len(tgt) == 0 {
			// "واتفق القادة الثلاثة": a joint act of the three parties of the
			// act just told, each with each.
			group, sym = lastGroup, true
		}
		if lastPair[0] >= 0 && group == nil {
			switch {
			case dualSubject(a, t, L, R) || p.Dual || len(src)+len(tgt) == 0 && p.Sym && pairInView(a, lastPairSent, t.sent):
				// "أشاد الوزيران"، "بين البلدين", or a joint act told without
				// its parties: the dyad of the article's previous event,
				// or the pair "بين طوكيو وسول" of this sentence up to the
				// clause's end.
				src, tgt = party{lastPair[0]}, party{lastPair[1]}
				if x, y := betweenPair(a, a.sentTok[t.sent][0], R); x >= 0 {
					src, tgt = party{x}, party{y}
				}
				sym = true
			case len(src) > 0 && len(tgt) == 0 && dualBetween(a, a.mentions[src[len(src)-1]].Tok1, R):
				// "دعا غوتيريش الطرفين"، "طرفي النزاع": both sides of the
				// fighting told before, else of the article's dyad.
				pair := lastPair
				if fightPair[0] >= 0 {
					pair = fightPair
				}
				for _, m := range pair {
					if m >= 0 && !sameActor(a, src, m) && !sameCode(a, tgt, m) {
						tgt = append(tgt, m)
					}
				}
			}
		}
		if p.Code == "040" && len(src) == 1 && len(tgt) == 1 {
			// A meeting whose sides came from a dual ("وكان الرئيسان قد
			// التقيا في أبوظبي"): its place gives its kind now.
			if code, _ := refineCode(a, t, L, R, src, tgt); code != "" {
				refined := *t.Phrase
				refined.Code, refined.Sym = code, code == "044"
				t.Phrase, p, sym = &refined, &refined, code == "044"
			}
		}
		if k := counterpart(a, t.Start, R, src); sym && len(src) >= 2 && k >= 0 {
			// "أبرمت بريطانيا وفرنسا … في مجلس الأمن اتفاقا مع إيران": the
			// counterpart named by مع.
			tgt = party{k}
		}
		if sym && len(src) >= 2 && withBefore(a, a.mentions[src[0]].Tok0) {
			// "ضرورة تسريع المفاوضات مع كندا والمكسيك": the states after
			// one مع are one side, talking with someone left unnamed.
			c.tracef("skip %s at %d: one side after مع, the other unnamed", p.Code, t.Start)
			continue
		}
		if sym && len(src) >= 2 && (len(tgt) == 0 || !withBefore(a, a.mentions[tgt[0]].Tok0)) {
			// "وقعت إسرائيل وحركة حماس اتفاقا": a joint act between the
			// coordinated subjects themselves, each with each; with a
			// counterpart named ("أبرمت بريطانيا وفرنسا … اتفاقا مع إيران")
			// they are one side.
			if g := distinctStates(a, src); len(g) >= 3 && group == nil {
				group = g
			}
			src, tgt = src[:1], src[1:]
		}
		if p.Code == "046" && !p.Verb && !talksAnchored(a, t) {
			// "يمكن حلها من خلال المفاوضات": talks named in passing, with
			// neither a verb holding them nor their sides beside them.
			c.tracef("skip %s %q at %d: talks not anchored", t.Phrase.Code, t.Phrase.Pattern, t.Start)
			continue
		}
		material := p.Code[:2] >= "14"
		if len(src) > 0 && len(tgt) == 0 && !material && !sym && !pronAccused {
			// "وانتقد بوريل الزيارة": an earlier act named by its noun; the
			// target is whoever did it.
			if k := referencedAct(a, t, R, told, src); k >= 0 {
				tgt = party{k}
			}
		}
		if len(src) > 0 && len(tgt) == 0 && !material && !sym && !pronAccused && refersToAct(a, t, R) {
			// "وندد زيلينسكي بالهجوم"، "ورحبت دمشق بالقرار": a reaction
			// to the latest act aimed at the reacting side.
			if k := reactedTo(a, out, a.mentions[src[0]].Code); k >= 0 {
				tgt = party{k}
			}
		}
		if ownPhrase && len(tgt) == 0 && !material {
			// A nominal act inside another verb's complement ("أوقفت إدخال
			// المساعدات") names both its parties itself, or is no act.
			c.tracef("skip %s %q at %d: complement without a target", t.Phrase.Code, t.Phrase.Pattern, t.Start)
			continue
		}
		if trigs[k].Phrase.Code == "042" && t.Phrase.Verb && t.Phrase.Words == 1 && len(tgt) > 0 && farObject(a, t, src, tgt) {
			// "بأنه زار والد عماد مغنية القيادي في حزب الله …": the
			// visited follows the verb (and its subject); an actor named
			// further on is not whom the visit was to.
			tgt = nil
		}
		if p.Code == "042" && t.Phrase.Verb && endsInPreposition(t.Phrase) && cargoArrival(a, t) {
			// "وصلت اليوم ثاني طائرة إلى مطار عدن": a plane or a ship
			// arrives, nobody visits.
			c.tracef("skip %s %q at %d: cargo, not a visitor", t.Phrase.Code, t.Phrase.Pattern, t.Start)
			continue
		}
		if p.Code == "042" && t.Phrase.Verb && endsInPreposition(t.Phrase) && len(tgt) > 0 && a.mentions[tgt[0]].Tok0 > t.End+3 &&
			a.firstActorAfter(t.End, t.End+3) < 0 {
			// "وصل الوزير إلى قاعدة الحبانية …، أكد … فرار قيادات داعش":
			// the place reached follows "إلى" and stands for its state; an
			// actor named later is not the host.
			k := placeIn(a, t.End, t.End+3)
			if k >= 0 && len(src) > 0 && sameCode(a, src, k) {
				c.tracef("skip %s %q at %d: arrival in its own state", t.Phrase.Code, t.Phrase.Pattern, t.Start)
				continue
			}
			tgt = nil
			if k >= 0 {
				tgt = party{k}
			}
		}
		if p.Code == "042" && len(src) > 0 && len(tgt) == 0 && t.End < len(a.d.Tokens) && a.mentionAt[t.End] >= 0 && sameCode(a, src, a.mentionAt[t.End]) {
			// "ووصل وزير الداخلية اليمني … إلى اليمن": back home, no visit.
			c.tracef("skip %s %q at %d: arrival in its own state", t.Phrase.Code, t.Phrase.Pattern, t.Start)
			continue
		}
		if len(src) == 1 && len(tgt) == 0 && !material && p.Code[:2] != "04" && lastPair[0] >= 0 && !hasForm(a.d, t.End, "كل", "اي", "جميع", "كافه") && !addressed(a, t) &&
			!ownStanceAfter(a, t, src, R) && !pronAccused {
			// A reaction within the article's dyad: "ورحبت دمشق بالقرار";
			// not a stance on "كل أشكال التدخل" (any interference at all).
			x, y := a.mentions[lastPair[0]], a.mentions[lastPair[1]]
			other := -1
			switch a.mentions[src[0]].Code {
			case x.Code:
				other = lastPair[1]
			case y.Code:
				other = lastPair[0]
			}
			if other >= 0 && namedLately(a, a.mentions[other].Code, t) {
				tgt = party{other}
			}
		}
		if !p.Med {
			// "مفاوضات بين الحكومة و…، بوساطة وزير الدولة القطري": the
			// mediator is not a party of the act it mediates.
			src, tgt = withoutMediators(mediators, t.sent, src), withoutMediators(mediators, t.sent, tgt)
		}
		if group != nil {
			src, tgt = party{group[0]}, party(group[1:])
		}
		if len(src)+len(tgt) == 0 {
			c.tracef("skip %s %q at %d: line %d src=%v tgt=%v", t.Phrase.Code, t.Phrase.Pattern, t.Start, 113, src, tgt)
			continue
		}
		if len(src) == 0 && !(material && p.NoSrc) {
			c.tracef("skip %s %q at %d: line %d src=%v tgt=%v", t.Phrase.Code, t.Phrase.Pattern, t.Start, 116, src, tgt)
			continue
		}
		if len(tgt) == 0 && len(src) == 1 && p.Verb && stateRole[a.mentions[src[0]].Role] && a.mentions[src[0]].Kind != rasid.KindOrganisation &&
			(p.Code == "1723" || p.Code == "1724" || p.Code == "175" || p.Code == "173" && arrestVerb(a, t)) {
			// "فرضت حظر التجول"، "فرقت قوات الأمن مظاهرة"، "اعتقلت قوات
			// الأمن خمسة أشخاص": a state's curfew, emergency, repression
			// or arrests with no one named fall on its own people.
			tgt = party{homeSide}
		}
		if len(tgt) == 0 && !(material && p.NoTgt) {
			c.tracef("skip %s %q at %d: line %d src=%v tgt=%v", t.Phrase.Code, t.Phrase.Pattern, t.Start, 119, src, tgt)
			continue
		}
		if material && (len(src) == 0 || len(tgt) == 0) && materialSeen && p.Code[:2] >= "18" && (p.Code[:2] != "20" || massSeen) {
			// "ندد بالهجوم": an assault already coded, told again. A
			// massacre after fighting is an act of its own.
			c.tracef("skip %s %q at %d: line %d src=%v tgt=%v", t.Phrase.Code, t.Phrase.Pattern, t.Start, 123, src, tgt)
			continue
		}
		if material && len(tgt) == 0 && len(src) == 1 && a.mentions[src[0]].Role == "REB" &&
			(p.Code[:2] >= "19" || p.Code[:2] == "18" && homePlace(a, t, a.mentions[src[0]].Code)) {
			// An armed group's killings with no victim named: the people
			// of its own country, or of the other state the sentence
			// places them in ("شنت حركة الشباب هجمات أخرى في كينيا").
			tgt = party{homeSide}
			if k := otherPlace(a, src, a.sentTok[t.sent][0], a.sentTok[t.sent][1]); k >= 0 {
				tgt = party{k}
			}
		}
		if p.Code[:2] == "14" && len(tgt) == 0 && len(src) == 1 && src[0] >= 0 && organAfter(a, t, src[0]) {
			m := a.mentions[src[0]]
			// "ويعتصم الآلاف داخل مجمع يضم مقر الحكومة في بانكوك": the
			// organ named after a protest is where it is aimed; the people
			// of the place protest.
			for i := L; i < R; i++ {
				if k := a.mentionAt[i]; k >= 0 && (a.mentions[k].Place || a.mentions[k].AdjOnly) && a.mentions[k].Code == m.Code {
					src, tgt = party{k}, party{src[0]}
					break
				}
			}
		}
		if p.Code[:2] == "14" && len(tgt) == 0 && len(src) == 1 && src[0] >= 0 &&
			(!stateRole[a.mentions[src[0]].Role] || a.mentions[src[0]].Place || a.mentions[src[0]].AdjOnly) && a.mentions[src[0]].Role != "REB" {
			// (The people of a place protest: "اعتصم الآلاف في بانكوك".)
			if k := protestVenue(a, t.sent, a.mentions[src[0]].Code); k >= 0 {
				// "تظاهر الآلاف أمام السفارة الإسرائيلية": whose mission
				// the crowd faces.
				tgt = party{k}
			} else {
				// "يخوض الاتحاد العام التونسي للشغل إضراباً عاماً": a
				// protest with no one named faces its own government.
				tgt = party{homeGov}
			}
		}
		if p.Code[:2] == "14" && protestIn[t.sent] {
			// One protest per sentence: "تظاهر الآلاف … احتجاجاً على" is one.
			c.tracef("skip %s %q at %d: line %d src=%v tgt=%v", t.Phrase.Code, t.Phrase.Pattern, t.Start, 132, src, tgt)
			continue
		}
		date, hist, exprUsed := c.dateOf(a, trigs, k)
		if j, ok := meansOf[k]; ok {
			// The time of the strike is that of the killing.
			date, hist, exprUsed = c.dateOf(a, trigs, j)
		}
		if exprUsed >= 0 && date.Precision == timex.Year && date.Year == a.published.Year() && a.sentOf[a.times[exprUsed].tok0] != t.sent {
			// "… الأسوأ خلال العام الجاري"، "زيارة هذه السنة": when the
			// nearest time before an act is this whole year, told in an
			// earlier sentence, the act is background (an op-ed, a
			// profile), no act of a day the article reports.
			c.tracef("skip %s %q at %d: dated only by this year", t.Phrase.Code, t.Phrase.Pattern, t.Start)
			continue
		}
		if p.Code[:2] == "07" {
			if j := deliveryTime(a, t); j >= 0 && j != exprUsed {
				// "… لنقل المساعدات إلى اليمن، ووصلت أمس ثاني طائرة":
				// aid is given the day it arrives.
				date, exprUsed = a.times[j].expr.Date, j
				hist = isHistorical(date, a.published)
			}
		}
		if n := daysBefore(a, t); n > 0 && date.Precision == timex.Day && (exprUsed < 0 || a.times[exprUsed].tok0 < t.Start) {
			// "وعدت الحكومة … غداة هجوم انتحاري": the act named after
			// "غداة" or "بعد ثلاثة أيام على" is that many days before the
			// date the sentence tells.
			date = timex.DayOf(date.Time().AddDate(0, 0, -n))
			hist = isHistorical(date, a.published)
		}
		if exprUsed >= 0 && aheadWeekday(a, t, a.times[exprUsed]) {
			// "تصل موغيريني إلى المملكة الاثنين"، "وسيستقبل كيري الاثنين
			// نظيره": a weekday a verb to come is told with is the next.
			date = timex.DayOf(date.Time().AddDate(0, 0, 7))
			hist = false
		}
		if p.Code[:2] == "03" && (isFuture(date, a.published) || exprUsed >= 0 && relativeFuture(a.times[exprUsed].expr)) {
			// An intent is dated the day it is told (GUIDE), not the day
			// of what it intends.
			date, hist, exprUsed = timex.DayOf(a.published), false, -1
		}
		// "يؤدي الوزير زيارة إلى تونس يومي 4 و5 جوان": an act dated after
		// the article is scheduled, not done (GUIDE); told again later
		// ("في هذه الزيارة") it is still not done.
		scheduled := p.Code[:2] != "03" && (isFuture(date, a.published) || exprUsed >= 0 && relativeFuture(a.times[exprUsed].expr))
		if scheduled && exprUsed >= 0 && !hasYear(a.times[exprUsed].expr.Text) && pastVerb(a, t) {
			// "الحوثيين التي سيطرت على صنعاء في سبتمبر": a month without a
			// year that a past verb tells of is last year's, not one to
			// come.
			date.Year--
			hist, scheduled = isHistorical(date, a.published), false
		}
		if len(src) > 0 && group == nil && farSource(a, t, src[0]) {
			// A source named long before, in another paragraph or far
			// up ("وعلى التلال الرملية … جرى نصب عشرات الخيام" after the
			// King's call told twenty lines before), is a guess: material
			// acts keep an unnamed source, others are not coded.
			if !material {
				c.tracef("skip %s at %d: source out of reach", p.Code, t.Start)
				continue
			}
			src = nil
		}
		if p.Code[:2] == "05" && len(tgt) > 0 && tgt[0] >= 0 && a.sentOf[a.mentions[tgt[0]].Tok0] != t.sent && dealObject(a, t) {
			// "ورحبت السعودية بتحفظ بالاتفاق النووي"، "دافع روحاني عن
			// الاتفاق": a stance on an agreement, with no one it is aimed
			// at in its sentence, has no target (the deal's parties are
			// its topic).
			c.tracef("skip %s at %d: stance on an agreement", p.Code, t.Start)
			continue
		}
		if len(tgt) > 0 && tgt[0] >= 0 && group == nil && farSource(a, t, tgt[0]) {
			// So is a target named out of reach ("وأشاد بالقوات الخاصة
			// العراقية" aimed at a visitor named paragraphs before).
			if !material {
				c.tracef("skip %s at %d: target out of reach", p.Code, t.Start)
				continue
			}
			tgt = nil
		}
		before := len(out)
		pairs := crossPairs(src, tgt)
		if group != nil {
			pairs = groupPairs(group)
		}
		if !hist && len(src)+len(tgt) >= 3 && group == nil {
			lastGroup = distinctStates(a, append(append([]int(nil), src...), tgt...))
		}
		for _, sg := range pairs {
			s, g := sg[0], sg[1]
			e, ok := c.event(a, t, s, g, date, hist, sym)
			if !ok {
				continue
			}
			key := dedupKey(e)
			if e.Code == "051" && g >= 0 && welcomesGuest(a, t, g) {
				// "وفي بداية الاستقبال رحب خادم الحرمين برئيس الوزراء
				// اللبناني": welcoming the guest of a visit already coded is
				// that visit, told again.
				m := e
				m.Code, m.Root, m.Symmetric = "043", "04", false
				if seen[dedupKey(m)] {
					c.tracef("skip 051 at %d: the welcome of a visit's guest", t.Start)
					continue
				}
			}
			if scheduled {
				c.tracef("skip %s %q at %d: dated after publication (%s, expr %d)", t.Phrase.Code, t.Phrase.Pattern, t.Start, date, exprUsed)
				seen[key] = true
				continue
			}
			if seen[key] || seen[sameActKey(e, false)] || (e.Root == "04" || e.Root == "07") && seen[sameActKey(e, true)] || e.Root == "04" && seen[monthActKey(e)] || headline && bodyRoots[e.Root] {
				// A headline repeats the story: what the body codes
				// it does not code again.
				if j, ok := undated[key]; ok && seen[key] && !hist && exprUsed >= 0 && a.sentOf[a.times[exprUsed].tok0] == t.sent &&
					e.Sentence > out[j].Sentence && e.Sentence <= out[j].Sentence+2 {
					// "أجرى الرئيس اتصالاً هاتفياً بنظيره …" then "وأكد
					// الرئيسان في اتصال هاتفي أمس": the act told again,
					// with its day, dates the first telling, which had
					// none of its own.
					out[j].Date, out[j].DatePrecision = e.Date, e.DatePrecision
					delete(undated, key)
				}
				continue
			}
			if !hist && (exprUsed < 0 || a.sentOf[a.times[exprUsed].tok0] != t.sent) {
				undated[key] = len(out)
			}
			if !headline {
				bodyRoots[e.Root] = true
			}
			seen[key] = true
			seen[sameActKey(e, false)], seen[sameActKey(e, true)] = true, true
			markMonthAct(seen, e)
			if plannedMeeting {
				// The meeting to come, told again ("كي تتزامن مع زيارة
				// ترامب للسعودية"), is still not one held.
				m := e
				m.Code, m.Root, m.Symmetric = "042", "04", false
				seen[dedupKey(m)] = true
				if alt := altKey(m); alt != "" {
					seen[alt] = true
				}
			}
			if alt := altKey(e); alt != "" {
				seen[alt] = true
			}
			out = append(out, e)
			if c.trace != nil {
				c.tracef("emit\t%s\t%s\t%s\t%s\t%d", e.Code, e.Source, e.Target, t.Phrase.Source, e.Sentence)
			}
			if material && e.Root >= "18" {
				materialSeen = true
				massSeen = massSeen || e.Root == "20"
				if s >= 0 && g >= 0 && !hist {
					fightPair = [2]int{s, g}
				}
			}
			if e.Root == "14" {
				protestIn[t.sent] = true
			}
			if s >= 0 {
				told = append(told, toldAct{head: headWord(a.d, t.Start), src: s})
			}
			if e.Code == "043" && g >= 0 {
				// "استقبل بوتين أوربان" … "وانتقد بوريل الزيارة": the
				// guest's visit.
				told = append(told, toldAct{head: "زياره", src: g})
			}
			if s >= 0 && g >= 0 {
				prev.sent, prev.src, prev.tgt = t.sent, s, g
				if !hist {
					lastPair, lastPairSent = [2]int{s, g}, t.sent
				}
			}
		}
		if j, ok := meansOf[k]; ok && len(out) > before {
			// The strike that carried out a coded killing is that act.
			charges[trigs[j].Start] = true
		}
		if hist && exprUsed >= 0 {
			a.times[exprUsed].used = true
		}
	}
	return out
}

// arrestVerb reports whether trigger t is an unambiguous verb of arrest
// (اعتقل، ألقى القبض): "أوقفت" also halts and "احتجزت" also traps, so
// they need their object named.
func arrestVerb(a *article, t trigger) bool {
	return strings.HasPrefix(strings.TrimPrefix(t.Phrase.Pattern, "و"), "اعتقل") || strings.Contains(t.Phrase.Pattern, "القبض")
}

// toldAct is an act already coded: the word of its phrase and its source.
type toldAct struct {
	head string
	src  int
}

// headWord is token i without proclitics or article: the noun or verb stem
// that names an act ("زيارة" of "الزيارة"، "بالزيارة").
func headWord(d *lexicon.Doc, i int) string {
	cs := d.Candidates(i)
	w := cs[len(cs)-1].Form
	return strings.TrimPrefix(w, "ال")
}

// referencedAct returns the source of an act told before that the words
// after trigger t name ("انتقد ... الزيارة"), or -1.
func referencedAct(a *article, t trigger, R int, told []toldAct, src party) int {
	from := t.End
	for _, k := range src {
		// "وانتقد الممثل الأعلى … جوزيب بوريل الزيارة": after the subject.
		from = max(from, a.mentions[k].Tok1)
	}
	for i := from; i < R && i < from+6; i++ {
		if a.mentionAt[i] >= 0 || a.d.Tokens[i].Kind != arabic.Word {
			continue
		}
		if !strings.HasPrefix(a.d.Tokens[i].Norm, "ال") && !strings.HasPrefix(a.d.Tokens[i].Norm, "بال") {
			continue
		}
		h := headWord(a.d, i)
		if utf8.RuneCountInString(h) < 4 {
			continue
		}
		for j := len(told) - 1; j >= 0; j-- {
			if told[j].head == h && !sameCode(a, src, told[j].src) {
				return told[j].src
			}
		}
	}
	return -1
}

// refersToAct reports whether the trigger's complement is a definite noun
// with ب ("بالهجوم"، "بالقرار"، "بالدعوى"): a reaction to something told.
func refersToAct(a *article, t trigger, R int) bool {
	for i := t.Start + 1; i < R && i < t.End+6; i++ {
		if a.mentionAt[i] < 0 && strings.HasPrefix(a.d.Tokens[i].Norm, "بال") {
			return true
		}
	}
	return false
}

// reactedTo returns the mention that was the source of the latest event
// aimed at code, or -1.
func reactedTo(a *article, events []rasid.Event, code string) int {
	for i := len(events) - 1; i >= 0 && i >= len(events)-20; i-- {
		e := events[i]
		if e.Target != code || e.Source == "" || e.Source == code {
			continue
		}
		for k, m := range a.mentions {
			if m.Code == e.Source && m.Text == e.SourceText {
				return k
			}
		}
	}
	return -1
}

// codingOrder lists trigger indexes in text order, a headline's last so
// that the body, which tells the story in full, codes it first.
func codingOrder(a *article, trigs []trigger) []int {
	var order, head []int
	for k, t := range trigs {
		if a.title && t.sent == 0 {
			head = append(head, k)
		} else {
			order = append(order, k)
		}
	}
	return append(order, head...)
}

// pairInView reports whether the pair told in sentence from is still the
// story's subject at sentence to: told within two sentences, or named
// since by a dual ("الطرفان"، "بين البلدين").
func pairInView(a *article, from, to int) bool {
	if to-from <= 2 {
		return true
	}
	for s := from + 1; s <= to; s++ {
		if dualBetween(a, a.sentTok[s][0], a.sentTok[s][1]) {
			return true
		}
	}
	return false
}

// crossPairs is every source with every target, -1 standing for a side
// not named.
func crossPairs(src, tgt party) [][2]int {
	var out [][2]int
	for _, s := range orNone(src) {
		for _, g := range orNone(tgt) {
			out = append(out, [2]int{s, g})
		}
	}
	return out
}

// groupPairs is each party of a group with each later one: a joint act of
// three or more is coded as the symmetric act of every pair.
func groupPairs(g []int) [][2]int {
	var out [][2]int
	for i := range g {
		for j := i + 1; j < len(g); j++ {
			out = append(out, [2]int{g[i], g[j]})
		}
	}
	return out
}

// distinctStates keeps the first mention of each code among ms, or nil
// when one has no code.
func distinctStates(a *article, ms []int) []int {
	var out []int
	seen := map[string]bool{}
	for _, k := range ms {
		if k < 0 || a.mentions[k].Code == "" {
			return nil
		}
		if c := a.mentions[k].Code; !seen[c] {
			seen[c] = true
			out = append(out, k)
		}
	}
	return out
}

func orNone(p party) []int {
	if len(p) == 0 {
		return []int{-1}
	}
	return p
}

// event builds the event of trigger t between mentions s and g (-1: none).
func (c *Coder) event(a *article, t trigger, s, g int, date timex.Date, hist, sym bool) (rasid.Event, bool) {
	p := t.Phrase
	e := rasid.Event{Code: p.Code, Symmetric: sym, Historical: hist, Sentence: t.sent}
	if s >= 0 {
		m := a.mentions[s]
		e.Source, e.SourceRole, e.SourceText = m.Code, m.Role, m.Text
		if p.Code[:2] >= "17" && (m.Role == "CVL" || m.Role == "NGO" || m.Role == "MED") {
			// Civilians, the press and aid or rights groups are the
			// victims of coercion and assaults, or report them ("تحدث
			// تقرير هيومن رايتس ووتش عن اعتقال"، "في عدد من صحيفة واشنطن
			// بوست … هاجم مفجر انتحاري"); they do not arrest or strike.
			return e, false
		}
		if p.Code[:2] == "14" && m.AdjOnly && (m.Tok0 > t.End+6 || m.Tok1 < t.Start-3 || m.Tok0 > t.End && commaBetween(a, t.End, m.Tok0)) {
			// An adjective names the protesters only beside the protest
			// ("احتجاجات أمريكية"، "متظاهرون فلسطينيون"), not on other
			// words further on ("وثائق دبلوماسية أميركية").
			return e, false
		}
		if p.Code[:2] == "14" && (m.Place || m.AdjOnly) {
			e.SourceRole = "CVL" // the people of the place
		} else if p.Code[:2] == "14" && stateRole[m.Role] {
			return e, false // a government does not protest; it faces protests
		}
	}
	if g >= 0 {
		m := a.mentions[g]
		e.Target, e.TargetRole, e.TargetText = m.Code, m.Role, m.Text
	} else if g == homeSide {
		e.Target, e.TargetRole = e.Source, "CVL"
	} else if g == homeGov {
		e.Target, e.TargetRole = e.Source, "GOV"
	}
	if s >= 0 && (p.Code == "042" || p.Code == "043") && (e.SourceRole == "CVL" || g >= 0 && e.TargetRole == "CVL") {
		// Tourists and citizens travelling ("زار تونس 300 ألف سائح
		// روسي") make no visit of state.
		return e, false
	}
	if s >= 0 && g >= 0 && e.Source == e.Target && (e.SourceRole == e.TargetRole || stateRole[e.SourceRole] && stateRole[e.TargetRole] || a.mentions[g].StateRef) {
		// One state's organs acting on each other ("أمر الجيش") are not
		// events; a domestic act has a state side and a non-state side.
		return e, false
	}
	if e.Source != "" && e.Source == e.Target && (p.Code[:2] >= "03" && p.Code[:2] <= "07" && (civilRole[e.SourceRole] || civilRole[e.TargetRole]) ||
		p.Code[:2] == "02" && civilRole[e.TargetRole]) {
		// Within one state, cooperation with or among citizens, firms and
		// the press ("استقبل المحافظ رجال الأعمال") and appeals to them
		// ("دعا الأمير الأهالي إلى …") are no political events; their own
		// appeals, demands and protests are (GUIDE: CVL → GOV).
		return e, false
	}
	srcBiz, tgtBiz := e.SourceRole == "BUS" || e.SourceRole == "MED", e.TargetRole == "BUS" || e.TargetRole == "MED"
	if (srcBiz || tgtBiz) && (p.Code[:2] == "03" || p.Code[:2] == "04" || p.Code[:2] == "05" && p.Code != "057") ||
		e.Source == e.Target && (tgtBiz && p.Code[:2] <= "13" && (p.Code[:2] != "08" || e.TargetRole == "BUS") || srcBiz && p.Code[:2] <= "09") {
		// Firms and the press: a court fining a firm of its own state
		// ("قضت محكمة أمريكية تغريم شركة"), a daily receiving a firm's
		// delegation, a minister welcoming an airline's first flight are
		// no political events; their deals (057), their protests and
		// charges against a government, releases (a journalist freed)
		// and force used on them are.
		return e, false
	}
	if p.Code == "161" && e.Source != "" && e.Source == e.Target {
		// Diplomatic relations are between two states: a state does not
		// cut its relations with its own citizens.
		return e, false
	}
	if (e.SourceRole == "COP" || e.SourceRole == "JUD") && (e.Target == "" || e.Target == e.Source) && (e.TargetRole == "CVL" || e.TargetRole == "") &&
		(p.Code[:2] == "17" || p.Code[:2] == "09" || p.Code == "115") && !politicalCue(a, t.sent) {
		// "اعتقلت الشرطة رجلين لاصطيادهما قرداً"، "ألقت القبض على مدرسين
		// لبيعهما المخدرات": police and courts dealing with crime, with no
		// political party, cause or threat named, are no political event.
		return e, false
	}
	if code, ok := c.book.Lookup(p.Code); ok {
		e.Root = code.Root
		e.QuadClass = code.QuadClass
		e.Goldstein = code.Goldstein
		e.Plover = code.Plover
	} else {
		e.Root = p.Code[:2]
	}
	e.Date = date.String()
	e.DatePrecision = date.Precision.String()
	sn := a.sents[t.sent]
	e.Evidence = rasid.Span{Start: sn.Start, End: sn.End, Text: a.text[sn.Start:sn.End]}
	e.Confidence = math.Round(confidence(a, t, s, g)*100) / 100
	return e, true
}

// talksAnchored reports whether a talks noun is told as held: a verb of
// holding them just before it ("أجرى الجانبان محادثات"، "استؤنفت
// المفاوضات") or its sides right after it ("مفاوضات بين X وY"، "المحادثات
// مع إيران"، "مفاوضات إيران والقوى الست").
func talksAnchored(a *article, t trigger) bool {
	for i := t.Start - 1; i >= 0 && i >= t.Start-4 && a.sentOf[i] == t.sent; i-- {
		if hasForm(a.d, i, talksHeld...) && !(isWord(a.d, i, "خلال") && isWord(a.d, i-1, "من")) {
			// ("من خلال المفاوضات" is "by way of talks".)
			return true
		}
	}
	relative := false
	for i := t.End; i < len(a.d.Tokens) && i < t.End+8 && a.sentOf[i] == t.sent; i++ {
		if isWord(a.d, i, "التي", "الذي") {
			// "المفاوضات التي ترعاها مصر بين إسرائيل وحماس": the sponsor
			// first, then the sides.
			relative = true
		}
		if i < t.End+3 && hasForm(a.d, i, talksTook...) {
			// "جلسة المفاوضات التي جرت بين الطرفين"
			return true
		}
		if k := a.mentionAt[i]; k >= 0 {
			if i == t.End || isWord(a.d, i-1, "مع", "بين", "وبين") {
				return true
			}
			if a.mentions[k].Place || isWord(a.d, i-1, "في") || relative {
				// "مفاوضات في القاهرة بين …": where, then who.
				continue
			}
			return false
		}
	}
	return false
}

// talksTook say after a talks noun that they took place.
var talksTook = []string{"جرت", "تجري", "عقدت", "تعقد", "انطلقت", "اختتمت", "استؤنفت", "الجاريه", "المنعقده"}

// talksHeld are the verbs, nouns and time frames that hold talks as an
// occasion.
var talksHeld = []string{"اجري", "اجرت", "اجريا", "اجروا", "يجري", "تجري", "يجريان", "تجريان", "جرت", "جري", "عقد", "عقدت", "عقدا", "يعقد", "تعقد",
	"بدا", "بدات", "بدءا", "تبدا", "يبدا", "استانف", "استانفت", "استؤنفت", "تستانف", "يستانف", "انطلقت", "تنطلق", "اختتم", "اختتمت", "تواصلت", "تتواصل",
	"جوله", "الجوله", "بدء", "ببدء", "لبدء", "اطلاق", "باطلاق", "لاطلاق", "فتح", "لفتح", "استئناف", "باستئناف", "لاستئناف", "خاض", "خاضت", "يخوض", "تخوض", "شارك", "شاركت", "اجراء", "لاجراء", "عقب", "ختام", "اثناء", "خلال", "هامش"}

// withBefore reports whether the mention starting at token i is named
// by "مع", right before it or before a title word ("مع زعيمي روسيا
// وأوكرانيا").
func withBefore(a *article, i int) bool {
	if isWord(a.d, i-1, "مع") {
		return true
	}
	return i >= 2 && isWord(a.d, i-2, "مع") && a.mentionAt[i-1] < 0 && a.d.Tokens[i-1].Kind == arabic.Word
}

// civilRole marks the roles of actors outside the state and politics.
var civilRole = map[string]bool{"BUS": true, "CVL": true, "MED": true}

func confidence(a *article, t trigger, s, g int) float64 {
	conf := 0.6
	if s >= 0 && a.sentOf[a.mentions[s].Tok0] == t.sent {
		conf += 0.15
	}
	if g >= 0 && a.sentOf[a.mentions[g].Tok0] == t.sent {
		conf += 0.15
	}
	if t.Phrase.Verb {
		conf += 0.05
	}
	return conf
}

func dedupKey(e rasid.Event) string {
	x, y := e.Source, e.Target
	if (e.Symmetric || e.Root == "04") && y < x {
		x, y = y, x
	}
	root := e.Root
	if root < "14" && root != "04" || root == "16" || root == "17" {
		// Different verbal acts of one root are different events (praise
		// and a signing; diplomats expelled and an ambassador recalled);
		// the same act told twice keeps its code.
		root = e.Code
	}
	if root == "04" {
		// A visit, its hosting and the talks held during it are one act; a
		// call or a negotiation is another.
		switch e.Code {
		case "040", "042", "043", "044":
			root = "04meet"
		default:
			root = e.Code
		}
	}
	if e.Symmetric && root >= "14" {
		// An exchange of fire is another act than a strike between the
		// same two sides ("تبادلت قوات البلدين القصف" after the raids).
		root += "s"
	}
	h := "n"
	if e.Historical {
		// Past acts of one kind on different dates are different acts
		// ("علقت في مارس …، قبل أن تستدعي سفيرتها في ماي").
		h = "h" + e.Date
	}
	return root + "|" + x + "|" + y + "|" + h
}

// sameActKey is the key under which two events of one pair and date are
// one act told twice: of one code in one sentence, or, for meetings and aid
// (acrossSentences), of one root anywhere in the article ("اتصال هاتفي" and
// "بحث الرئيسان" of one call; 070 and 073 of one flight).
func sameActKey(e rasid.Event, acrossSentences bool) string {
	x, y := e.Source, e.Target
	if y < x {
		x, y = y, x
	}
	if !acrossSentences {
		// In one sentence the same code ("اشتباكات … وأسفرت الاشتباكات");
		// different codes of a root there are different acts (shelling and
		// shooting, a pledge and an offer).
		return "same|" + e.Code + "|" + x + "|" + y + "|" + e.Date + "|" + strconv.Itoa(e.Sentence)
	}
	return "same|" + e.Root + "|" + x + "|" + y + "|" + e.Date
}

// backingWords ask for support of, or pressure on, someone: "إلى وقفة
// مساندة للجزائر"، "دعت للضغط على سلطات الاحتلال".
var backingWords = []string{"مسانده", "للمسانده", "دعم", "لدعم", "دعما", "تضامن", "تضامنا", "للتضامن", "التضامن", "نصره", "لنصره"}

// withoutBacked drops from an appeal's targets the actors its content
// asks support for or pressure on: the appeal is made to someone else
// (GUIDE: the topic of a statement is not its target).
func withoutBacked(a *article, p party) party {
	return keepIf(p, func(k int) bool {
		i := a.mentions[k].Tok0
		backed := hasForm(a.d, i-1, backingWords...) || isWord(a.d, i-1, "مع") && hasForm(a.d, i-2, backingWords...) ||
			isWord(a.d, i-1, "علي") && hasForm(a.d, i-2, "الضغط", "للضغط", "بالضغط", "ضغط", "ضغوط", "الضغوط")
		return !backed
	})
}

// visitorAndHost returns, for a visit noun followed by its genitive and
// then "لـ"/"إلى" and an actor ("زيارة الرئيس الأمريكي لكينيا"، "زيارة
// وفد من حماس إلى المملكة"), those two actors; else -1, -1.
func visitorAndHost(a *article, t trigger) (int, int) {
	if t.Phrase.Verb || t.Phrase.Code != "042" || t.End != t.Start+1 || t.End >= len(a.d.Tokens) {
		return -1, -1
	}
	i := t.End
	if isWord(a.d, i, "وفد") && isWord(a.d, i+1, "من") {
		i += 2
	}
	if i >= len(a.d.Tokens) {
		return -1, -1
	}
	v := a.mentionAt[i]
	if v < 0 || a.mentions[v].Tok0 != i || a.mentions[v].Place {
		return -1, -1
	}
	j := a.mentions[v].Tok1
	if j >= len(a.d.Tokens) || a.sentOf[j] != t.sent {
		return -1, -1
	}
	if isWord(a.d, j, "الي", "لـ") {
		j++
	}
	h := a.mentionAt[min(j, len(a.d.Tokens)-1)]
	if h < 0 || a.mentions[h].Tok0 != j || h == v || sameCode(a, party{v}, h) {
		return -1, -1
	}
	if j == a.mentions[v].Tok1 && !strings.HasPrefix(a.d.Tokens[j].Norm, "ل") {
		return -1, -1 // no preposition: "زيارة الرئيس الأمريكي كينيا" is rare, and may be two genitives
	}
	return v, h
}

// ownStanceAfter reports whether the first actor after trigger t in its
// clause makes t a stance on src's own side's deed (ownStance).
func ownStanceAfter(a *article, t trigger, src party, R int) bool {
	after := actorIdx(a, t.End, R)
	return len(after) > 0 && ownStance(a, src, after[0])
}

// farSource reports whether mention k, the source of trigger t, is
// named outside t's sentence more than reach bytes before it, and the
// sentence has no word that refers back to a pair or group ("الجانبان"،
// "الدول الثلاث"، "البلدين").
func farSource(a *article, t trigger, k int) bool {
	const reach = 600
	m := a.mentions[k]
	if a.sentOf[m.Tok0] == t.sent || a.sents[t.sent].Start-a.d.Tokens[m.Tok1-1].End <= reach {
		return false
	}
	for j, o := range a.mentions {
		// The same state named within reach ("ووجّهت الأمم المتحدة"):
		// an earlier mention was only picked as its name.
		if o.Code == m.Code && j != k && a.sents[t.sent].Start-a.d.Tokens[o.Tok1-1].End <= reach && o.Tok0 < a.sentTok[t.sent][1] {
			return false
		}
	}
	for i := a.sentTok[t.sent][0]; i < a.sentTok[t.sent][1]; i++ {
		if hasForm(a.d, i, "الجانبان", "الجانبين", "الطرفان", "الطرفين", "البلدان", "البلدين", "الوزيران", "الوزيرين", "الزعيمان", "الزعيمين",
			"الرئيسان", "الرئيسين", "الثلاث", "الثلاثه", "الاربع", "الاربعه", "الدولتان", "الدولتين") {
			return false
		}
	}
	return true
}

// mediatorAfter returns the mention right after a mediation noun
// ("وساطة السلطة الإيرانية"، "بوساطة سلطنة عمان"), the mediator, or -1.
func mediatorAfter(a *article, t trigger) int {
	if t.Phrase.Verb || t.Phrase.Med || t.Phrase.Code != "045" || t.End >= len(a.d.Tokens) {
		return -1
	}
	if !hasForm(a.d, t.End-1, "وساطه", "الوساطه", "بوساطه") {
		return -1
	}
	k := a.mentionAt[t.End]
	if k < 0 || a.mentions[k].Tok0 != t.End || a.mentions[k].Place {
		return -1
	}
	return k
}

// betweenSpan returns the tokens [from, to) of the "بين X وY" phrase that
// follows trigger t within three words, up to a comma or the sentence's
// end; or -1, -1.
func betweenSpan(a *article, t trigger) (int, int) {
	end := a.sentTok[t.sent][1]
	for i := t.End; i < t.End+3 && i < end; i++ {
		if isComma(a, i) {
			return -1, -1
		}
		if !isWord(a.d, i, "بين") {
			continue
		}
		j := i + 1
		for j < end && !isBoundary(a, j) && !(isComma(a, j) && !sideGoesOn(a, j+1, end)) {
			// (A comma before و goes on listing a side: "بين قوات النظام
			// … من طرف، والكتائب المقاتلة … من طرف آخر".)
			j++
		}
		return i, j
	}
	return -1, -1
}

// sideGoesOn reports whether token i, after a comma in a "بين" phrase,
// goes on listing a side: و and a definite noun or an actor ("،
// والكتائب المقاتلة"، "، وعناصر من حزب الله")، not a new clause ("،
// وكانت إيران …").
func sideGoesOn(a *article, i, end int) bool {
	if i >= end {
		return false
	}
	n := a.d.Tokens[i].Norm
	if !strings.HasPrefix(n, "و") {
		return false
	}
	// "، وعناصر من حزب الله … من طرف آخر": a side's head, then its actor.
	named := func(k int) bool { return k < end && a.mentionAt[k] >= 0 }
	return strings.HasPrefix(n, "وال") || named(i) || i+2 < end && isWord(a.d, i+1, "من") && named(i+2)
}

// within returns the mentions of p that start in tokens [from, to).
func within(a *article, p party, from, to int) party {
	return keepIf(p, func(k int) bool { m := a.mentions[k]; return m.Tok0 >= from && m.Tok0 < to })
}

// dyadReach is how many sentences after the other side of the article's
// dyad was last named a reaction with no target of its own is still aimed
// at it. Further on, in the long features and op-eds of real news, such a
// guess was wrong seven times in ten (a sample of 30 from the 13,237
// articles); in dev every use is within two sentences.
const dyadReach = 2

// namedLately reports whether a mention of code stands in the sentence of
// t, before it, or in the dyadReach sentences before that.
func namedLately(a *article, code string, t trigger) bool {
	for k := len(a.mentions) - 1; k >= 0; k-- {
		m := a.mentions[k]
		if m.Tok0 >= t.Start {
			continue
		}
		if a.sentOf[m.Tok0] < t.sent-dyadReach {
			return false
		}
		if m.Code == code {
			return true
		}
	}
	return false
}

// welcomesGuest reports whether trigger t welcomes mention g as a person
// right after the verb ("رحب … برئيس الوزراء اللبناني"), not a decision.
func welcomesGuest(a *article, t trigger, g int) bool {
	m := a.mentions[g]
	return hasForm(a.d, t.Start, "رحب", "رحبت", "يرحب", "ترحب") && m.Kind == rasid.KindPerson &&
		strings.HasPrefix(a.d.Tokens[m.Tok0].Norm, "ب") && m.Tok0 <= t.End+6
}

// objectVerbs are verbs of acts done to someone, which need a direct
// object: to host, congratulate, condole, meet, decorate, see off; to
// demand of, call on, urge, appeal to.
var objectVerbs = []string{"استقبل", "هنا", "عزي", "التقي", "قلد", "صافح", "ودع", "استقبلت", "هنات", "عزت", "التقت", "قلدت",
	"يستقبل", "تستقبل", "يلتقي", "تلتقي",
	"طالب", "طالبت", "دعا", "دعت", "حث", "حثت", "ناشد", "ناشدت"}

// pronounObject reports whether verb trigger t carries its object as a
// pronoun suffix, after its person ending: "اتهمته"، "واتهمتهم"، "اتهموه".
func pronounObject(a *article, t trigger) bool {
	stem := patternStem(t.Phrase)
	n := withoutConj(a.d.Tokens[t.Start].Norm)
	rest, ok := strings.CutPrefix(n, stem)
	if !ok {
		return false
	}
	for _, p := range []string{"", "ت", "وا", "و", "ا", "تا"} {
		if r, ok := strings.CutPrefix(rest, p); ok {
			switch r {
			case "ه", "ها", "هم", "هما", "هن":
				return true
			}
		}
	}
	return false
}

// dayWords count days in "بعد ثلاثة أيام على".
var dayWords = map[string]int{"ثلاثه": 3, "اربعه": 4, "خمسه": 5, "سته": 6, "سبعه": 7, "ثمانيه": 8, "تسعه": 9, "عشره": 10}

// daysBefore returns how many days before its sentence's date the act
// of noun trigger t took place, by the frame right before it: "غداة"
// (the day after) 1, "بعد يومين على" 2, "بعد ثلاثة أيام من" 3; else 0.
func daysBefore(a *article, t trigger) int {
	if t.Phrase.Verb || t.Start < 1 {
		return 0
	}
	if isWord(a.d, t.Start-1, "غداه", "وغداه") {
		return 1
	}
	if !isWord(a.d, t.Start-1, "علي", "من") {
		return 0
	}
	switch {
	case isWord(a.d, t.Start-2, "يومين") && isWord(a.d, t.Start-3, "بعد", "وبعد"):
		return 2
	case isWord(a.d, t.Start-2, "يوم") && isWord(a.d, t.Start-3, "بعد", "وبعد"):
		return 1
	case isWord(a.d, t.Start-2, "ايام", "يوما") && isWord(a.d, t.Start-4, "بعد", "وبعد"):
		w := a.d.Tokens[t.Start-3].Norm
		if n, ok := dayWords[w]; ok {
			return n
		}
		if n, err := strconv.Atoi(w); err == nil && n > 0 && n <= 30 {
			return n
		}
	}
	return 0
}

// monthActKey is the key an act told with its month only ("وكان الرئيس
// أجرى اتصالاً …", dated by toldAsEarlier) shares with the same act told
// again on a day of that month ("وذكر بيان أن أوباما بحث مع نظيره"),
// which markMonthAct sets: a day date matches an earlier month date, a
// month date any date of its month; two days of one month stay apart.
// Only meetings are matched so (one pair meets once in a story); aid
// comes in several deliveries.
func monthActKey(e rasid.Event) string {
	if len(e.Date) < 7 {
		return ""
	}
	k := sameMonthKey(e)
	if len(e.Date) == 7 {
		return k + "|any"
	}
	return k
}

// markMonthAct records e for monthActKey.
func markMonthAct(seen map[string]bool, e rasid.Event) {
	if len(e.Date) < 7 {
		return
	}
	k := sameMonthKey(e)
	seen[k+"|any"] = true
	if len(e.Date) == 7 {
		seen[k] = true
	}
}

// sameMonthKey is sameActKey across sentences with e's month for its date.
func sameMonthKey(e rasid.Event) string {
	e.Date = e.Date[:7]
	return sameActKey(e, true)
}

// altKey is the key of the same act told from the other side: a visit (042
// A→B) is a hosting (043 B→A).
func altKey(e rasid.Event) string {
	if e.Code != "042" && e.Code != "043" {
		return ""
	}
	r := e
	r.Source, r.Target = e.Target, e.Source
	return dedupKey(r)
}

// historicalAfter is how long before publication an act must have ended
// to be a historical reference.
const historicalAfter = 30 * 24 * time.Hour

// cargoWords name what arrives without being a visitor.
var cargoWords = []string{"طائره", "طائرات", "سفينه", "سفن", "باخره", "بواخر", "شحنه", "شحنات", "قافله", "قوافل", "شاحنات", "شاحنه", "مساعدات", "جثامين", "جثمان"}

// cargoArrival reports whether the gap of arrival phrase t names a
// vehicle or a load before any actor: the arrival of things.
func cargoArrival(a *article, t trigger) bool {
	for i := t.Start + 1; i < t.End-1; i++ {
		if hasForm(a.d, i, cargoWords...) {
			// "وصلت طائرة عسكرية سعودية": an aircraft, even one that
			// names its owner.
			return true
		}
		if a.mentionAt[i] >= 0 {
			return false
		}
	}
	return false
}

// placeIn returns the first place named in tokens [from, to), or -1.
func placeIn(a *article, from, to int) int {
	for i := from; i < to && i < len(a.d.Tokens); i++ {
		if k := a.mentionAt[i]; k >= 0 && a.mentions[k].Place {
			return k
		}
	}
	return -1
}

// addressed reports whether appeal or demand t names whom it addresses
// right after it, as an object the lexicon does not know ("تطالب أطراف
// النزاع بالعودة"): that is its target, not the article's other party.
func addressed(a *article, t trigger) bool {
	r := t.Phrase.Code[:2]
	if r != "02" && r != "10" || !t.Phrase.Verb || t.End >= len(a.d.Tokens) {
		return false
	}
	// "وطالبها بالتعهد"، "دعا إلى": what is asked follows, not whom.
	tk := a.d.Tokens[t.End]
	return tk.Kind == arabic.Word && a.mentionAt[t.End] < 0 && !isWord(a.d, t.End, "الي", "ان", "علي", "في") &&
		!strings.HasPrefix(tk.Norm, "ب") && !strings.HasPrefix(tk.Norm, "ل")
}

// farObject reports whether the target of verb t begins more than a few
// words (a time, a comma) after where its object stands: right after the
// verb, or after a subject named there.
func farObject(a *article, t trigger, src, tgt party) bool {
	at := t.End
	for _, k := range src {
		if m := a.mentions[k]; m.Tok0 >= t.End && m.Tok0 <= at+1 {
			at = max(at, m.Tok1)
		}
	}
	return a.mentions[tgt[0]].Tok0 > at+3
}

// hasYear reports whether a time expression writes its year in digits.
func hasYear(text string) bool {
	run := 0
	for _, r := range text {
		if r >= '0' && r <= '9' || r >= '٠' && r <= '٩' {
			run++
			if run == 4 {
				return true
			}
		} else {
			run = 0
		}
	}
	return false
}

// pastVerb reports whether verb trigger t is in the past tense.
func pastVerb(a *article, t trigger) bool {
	if !t.Phrase.Verb {
		return false
	}
	return !futureVerb(a.d.Tokens[t.Start].Norm)
}

// aheadWeekday reports whether e, a weekday with no qualifier that
// resolved before the publication day, is told by trigger t's verb in the
// future ("سيزور") or, outside a headline (whose present tells the past),
// in the present ("يصل"): the act is then the coming such day.
func aheadWeekday(a *article, t trigger, ta timeAt) bool {
	e := ta.expr
	v := t.Start
	if !t.Phrase.Verb {
		// An act noun is told with the verb its sentence opens with
		// ("تصل موغيريني إلى المملكة الاثنين في أول زيارة"), unless that
		// verb reports a clause ("يذكر أن عددا منهم قاموا الإثنين
		// بوقفة").
		v = a.sentTok[t.sent][0]
		for i := v; i < t.Start; i++ {
			if isWord(a.d, i, "ان", "انه", "انها", "بان") {
				return false
			}
		}
	}
	if e.Kind != timex.KindWeekday || !e.Date.Time().Before(a.published) ||
		strings.Contains(e.Text, "ماضي") || strings.Contains(e.Text, "الفائت") || strings.Contains(e.Text, "المنصرم") {
		return false
	}
	if ta.tok0 <= v || a.sentOf[ta.tok0] != t.sent {
		// (Only a weekday told after the verb, in its sentence.)
		return false
	}
	n := a.d.Tokens[v].Norm
	if w := strings.TrimPrefix(n, "و"); utf8.RuneCountInString(w) >= 3 {
		n = w
	}
	if a.mentionAt[v] >= 0 || utf8.RuneCountInString(n) < 3 || isWord(a.d, v, "فيما", "يوم", "يوما", "يونيو", "يوليو", "يناير") {
		return false
	}
	if markedFuture(n) {
		return true
	}
	// A present in ي or تت only: "توعد"، "تلقى" are past; "تصل" and the
	// like are listed.
	present := strings.HasPrefix(n, "ي") || strings.HasPrefix(n, "تت") || slices.Contains(presentT, n)
	return present && !(t.sent == 0 && a.title) && !isWord(a.d, v-1, "كان", "كانت", "وكان", "وكانت")
}

// presentT are present verbs in ت of visits and meetings whose past is
// spelt otherwise.
var presentT = []string{"تصل", "تزور", "تستقبل", "تلتقي", "تعقد", "تبدا", "تجري", "تشارك", "تستضيف", "تحتضن", "تتوجه", "تحل"}

// relativeFuture reports whether a time expression points ahead of the
// article ("الأسبوع المقبل"، "غداً") even when its date, of month
// precision, holds the publication day.
func relativeFuture(e timex.Expr) bool {
	switch e.Kind {
	case timex.KindTomorrow, timex.KindDayAfterTomorrow:
		return true
	case timex.KindRelativeWeek, timex.KindRelativeMonth, timex.KindRelativeYear:
		return strings.Contains(e.Text, "المقبل") || strings.Contains(e.Text, "القادم")
	}
	return false
}

// politicalCue reports whether sentence s or the one before it names a
// party or a cause that makes an arrest or a trial political: an armed
// group, the opposition, the press or a parliament, or words of terror,
// protest, dissent, espionage, corruption, elections, arms or extremism.
func politicalCue(a *article, s int) bool {
	for i := a.sentTok[max(s-1, 0)][0]; i < a.sentTok[s][1]; i++ {
		if k := a.mentionAt[i]; k >= 0 {
			switch a.mentions[k].Role {
			case "REB", "OPP", "MED", "LEG":
				return true
			}
			// (Its words still count: "المتظاهرين" is a mention too.)
		}
		if a.d.Tokens[i].Kind != arabic.Word {
			continue
		}
		for _, c := range a.d.Candidates(i) {
			f := strings.TrimPrefix(c.Form, "ال")
			for _, stem := range politicalStems {
				if strings.HasPrefix(f, stem) {
					return true
				}
			}
		}
	}
	return false
}

// politicalStems start the words that make police or court acts political.
var politicalStems = []string{"ارهاب", "داعش", "احتجاج", "مظاهر", "تظاهر", "متظاهر", "معارض", "ناشط", "صحفي", "صحافي", "تجسس", "جاسوس",
	"فساد", "انتخاب", "حزب", "تهريب", "اسلح", "سلاح", "مسلح", "متشدد", "تشدد", "تطرف", "متطرف", "هجوم", "اعتداء", "دهس", "تفجير",
	"انقلاب", "شغب", "اقتحام", "مستوطن", "اغتيال", "تحريض", "خليه", "جهادي", "مسجد", "كنيس", "كنيسه", "برلمان", "عنصري", "طائفي",
	"محتج", "تجمهر", "تجمع", "حراك", "اضراب", "اعتصام", "معتصم", "مسيره", "مسيرات"}

// deliveryTime returns the index in a.times of the time told with a verb
// of arrival or handing over in aid trigger t's sentence ("ووصلت أمس
// ثاني طائرة"، "حطت … بمطار كاتماندو أمس"), or -1.
func deliveryTime(a *article, t trigger) int {
	s0, s1 := a.sentTok[t.sent][0], a.sentTok[t.sent][1]
	for j, ta := range a.timesBefore(s1) {
		if a.sentOf[ta.tok0] != t.sent || ta.expr.Date.Precision != timex.Day || ta.since {
			continue
		}
		for i := ta.tok0 - 1; i >= s0 && i >= ta.tok0-12; i-- {
			if hasForm(a.d, i, deliveryVerbs...) {
				return j
			}
			if a.d.Tokens[i].Kind == arabic.Punct && a.d.Tokens[i].Norm != "-" && a.d.Tokens[i].Norm != "–" {
				break
			}
		}
	}
	return -1
}

// deliveryVerbs tell aid arriving or handed over.
var deliveryVerbs = []string{"وصل", "وصلت", "حط", "حطت", "هبط", "هبطت", "سلم", "سلمت", "تسلم", "تسلمت", "استلم", "استلمت", "وزع", "وزعت"}

// dealObject reports whether an agreement is the object of stance t
// within four words after it: "رحبت … بالاتفاق"، "دافع … عن الاتفاق
// النووي"، "ترحيب القاهرة بتوقيع الاتفاق".
func dealObject(a *article, t trigger) bool {
	for i := t.End; i < t.End+4 && i < a.sentTok[t.sent][1]; i++ {
		if hasForm(a.d, i, "بالاتفاق", "بالاتفاقيه", "بالاتفاقات", "بتوقيع", "بابرام") || isWord(a.d, i, "الاتفاق", "الاتفاقيه") && isWord(a.d, i-1, "عن") {
			return true
		}
	}
	return false
}
