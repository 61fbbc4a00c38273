package coder

import (
	"math"
	"sort"
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

func (c *Coder) events(a *article) []rasid.Event {
	trigs := c.triggers(a)
	var out []rasid.Event
	seen := map[string]bool{}
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
			charges[trigs[j].Start] = true
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
		if k := a.mentionAt[max(t.Start-1, 0)]; t.Start > 0 && k >= 0 && !t.Phrase.Verb && possessed(a, t) && !a.mentions[k].Place {
			// "إعلان رئيس الحكومة الإسبانية بيدرو سانشيز دعمه لمبادرة الحكم
			// الذاتي التي يقترحها المغرب": the possessor named right before
			// the noun is its agent; whom it names after is its target.
			src = party{k}
			if len(tgt) > 0 && sameCode(a, src, tgt[0]) {
				tgt = nil
			}
			if len(tgt) == 0 {
				for _, j := range actorIdx(a, t.End, R) {
					if !a.mentions[j].Place && !sameCode(a, src, j) {
						tgt = party{j}
						break
					}
				}
			}
		} else if ownPhrase && !relativeFollows(a, t) && len(src) > 0 && a.mentions[src[0]].Tok0 > t.End+1 && !isWord(a.d, a.mentions[src[0]].Tok0-1, "بين") &&
			!agentNamed(a, t.End, a.mentions[src[0]].Tok0) {
			// "فتح مجالها الجوي أمام رحلات المساعدات الإنسانية ونقل الجرحى
			// من وإلى المغرب": a complement's act noun has its agent right
			// after it (or "بين X وY"), not at the end of a prepositional
			// phrase.
			src = nil
		}
		if j, ok := meansOf[k]; ok {
			Lj, Rj := clause(a, trigs, j)
			ms, mt := parties(a, trigs[j], Lj, Rj)
			src = ms
			if len(tgt) == 0 {
				if v := a.firstActorAfter(t.End, trigs[j].Start); v >= 0 {
					tgt = party{v}
				} else {
					tgt = mt
				}
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
		if len(src) == 0 && prev.sent == t.sent && prev.src >= 0 && !p.Rev && (isConjoined(a, t) || len(tgt) > 0) {
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
		if p.Pro && (prev.src < 0 || prev.sent < t.sent-1) {
			// "حلّ الوزير بالجزائر، حيث استقبله الرئيس": with no act told
			// before, the pronoun is the sentence's first actor.
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
		if p.Rev {
			src, tgt = tgt, src
			if len(src) == 0 && p.NoSrc && p.Code[:2] >= "18" {
				// "تعرض فيتسو لمحاولة اغتيال، بعدما أطلق مسلح سلوفاكي
				// النار عليه": the armed man named in the sentence.
				if k := armedIn(a, t.sent, tgt); k >= 0 {
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
		if k := a.mentionAt[min(t.End-1, len(a.d.Tokens)-1)]; t.Phrase.Code == "114" && len(src) > 0 && k >= 0 && sameCode(a, src, k) {
			// "واستدعاء السفير الفرنسي لدى الجزائر" by France: its own
			// ambassador recalled (161) from the state he is posted to.
			tgt = nil
			for i := a.mentions[k].Tok1 - 1; i+1 < R; i++ {
				if k := a.mentionAt[i+1]; k >= 0 && isWord(a.d, i, "لدي", "في") && !sameCode(a, src, k) {
					tgt = party{k}
					break
				}
			}
			if len(tgt) > 0 {
				recall := *t.Phrase
				recall.Code = "161"
				t.Phrase = &recall
				p = t.Phrase
			}
		}
		if p.Code == "130" && len(src) > 0 && forceThreat(a, t, R, src) {
			// "هدد … باستهداف السفن"، a threat by an armed group: force.
			force := *t.Phrase
			force.Code = "138"
			t.Phrase = &force
			p = t.Phrase
		}
		if p.Code == "111" && len(src) > 0 && convicts(a, t, R, src) {
			// "أدانت المحكمة الجنائية الدولية … بارتكاب جرائم حرب": a
			// court finds guilty (116), it does not condemn.
			cv := *t.Phrase
			cv.Code = "116"
			t.Phrase = &cv
			p = t.Phrase
		}
		if p.Code == "020" {
			// "دعا … إلى فتح حوار": what is appealed for gives the kind.
			if code := appealKind(a, t, R); code != "" {
				ap := *t.Phrase
				ap.Code = code
				t.Phrase = &ap
				p = t.Phrase
			}
		}
		if p.Code == "040" && len(src) == 1 && len(tgt) == 1 {
			// "التقى ترامب، أمس في الرياض، الرئيس السوري": where a meeting
			// is held tells a visit (042), a hosting (043) or a meeting in
			// a third state (044).
			code := meetingPlace(a, t.sent, L, R)
			if code == "" {
				code = sidelinesPlace(a, t)
			}
			if code != "" {
				meet := *t.Phrase
				switch code {
				case a.mentions[src[0]].Code:
					meet.Code = "043"
				case a.mentions[tgt[0]].Code:
					meet.Code = "042"
				default:
					meet.Code = "044"
				}
				meet.Sym = meet.Code == "044"
				t.Phrase = &meet
				p = t.Phrase
			}
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
		if sym && len(src) >= 2 && (len(tgt) == 0 || !isWord(a.d, a.mentions[tgt[0]].Tok0-1, "مع")) {
			// "وقعت إسرائيل وحركة حماس اتفاقا": a joint act between the
			// coordinated subjects themselves; with a counterpart named
			// ("أبرمت بريطانيا وفرنسا … اتفاقا مع إيران") they are one side.
			src, tgt = src[:1], src[1:]
		}
		material := p.Code[:2] >= "14"
		if len(src) > 0 && len(tgt) == 0 && !material && !sym {
			// "وانتقد بوريل الزيارة": an earlier act named by its noun; the
			// target is whoever did it.
			if k := referencedAct(a, t, R, told, src); k >= 0 {
				tgt = party{k}
			}
		}
		if len(src) > 0 && len(tgt) == 0 && !material && !sym && refersToAct(a, t, R) {
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
		if len(src) == 1 && len(tgt) == 0 && !material && lastPair[0] >= 0 && !hasForm(a.d, t.End, "كل", "اي", "جميع", "كافه") {
			// A reaction within the article's dyad: "ورحبت دمشق بالقرار";
			// not a stance on "كل أشكال التدخل" (any interference at all).
			x, y := a.mentions[lastPair[0]], a.mentions[lastPair[1]]
			switch a.mentions[src[0]].Code {
			case x.Code:
				tgt = party{lastPair[1]}
			case y.Code:
				tgt = party{lastPair[0]}
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
			(p.Code == "1723" || p.Code == "1724" || p.Code == "175") {
			// "فرضت حظر التجول"، "فرقت قوات الأمن مظاهرة": a state's
			// curfew, emergency or repression with no one named falls on
			// its own people.
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
			if seen[key] || headline && bodyRoots[e.Root] {
				// A headline repeats the story: what the body codes
				// it does not code again.
				continue
			}
			if !headline {
				bodyRoots[e.Root] = true
			}
			seen[key] = true
			if alt := altKey(e); alt != "" {
				seen[alt] = true
			}
			out = append(out, e)
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
		if hist && exprUsed >= 0 {
			a.times[exprUsed].used = true
		}
	}
	return out
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
	return stateRole[m.Role] && !m.Place && !m.AdjOnly && m.Tok0 > t.Start
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

func orNone(p party) []int {
	if len(p) == 0 {
		return []int{-1}
	}
	return p
}

// triggers picks the phrase matches to code: the longest first, never two
// over the same tokens, never one starting inside an actor mention.
func (c *Coder) triggers(a *article) []trigger {
	pms := c.lx.Phrases(a.d)
	sort.SliceStable(pms, func(i, j int) bool {
		// More words of the pattern matched, then a specific code over a
		// root-level one ("هجوم انتحاري" 183 over "هجوم … استهدف" 190),
		// then the longer span.
		wi, wj := pms[i].Phrase.Words, pms[j].Phrase.Words
		if wi != wj {
			return wi > wj
		}
		if ni, nj := pms[i].Phrase.None, pms[j].Phrase.None; ni != nj {
			// "شنت … هجوماً شديداً على الحكومة": a phrase that is no act
			// keeps its words from a gapped one of as many words.
			return ni
		}
		si, sj := pms[i].Phrase.Code[2] != '0', pms[j].Phrase.Code[2] != '0'
		if si != sj {
			return si
		}
		li, lj := pms[i].End-pms[i].Start, pms[j].End-pms[j].Start
		if li != lj {
			return li > lj
		}
		return pms[i].Start < pms[j].Start
	})
	taken := make([]bool, len(a.d.Tokens))
	var out []trigger
outer:
	for _, pm := range pms {
		if a.mentionAt[pm.Start] >= 0 {
			continue
		}
		if a.sentOf[pm.Start] != a.sentOf[pm.End-1] || nameEnd(a, pm) {
			continue
		}
		// A gapped phrase holds only its own words: what its gap spans may
		// be another act ("طرد اثني عشر موظفاً … واستدعاء السفير").
		own := func(i int) bool {
			// A verb phrase is its verb, a gap, then its last words.
			return !pm.Phrase.Verb || pm.End-pm.Start == pm.Phrase.Words || i == pm.Start || i >= pm.End-(pm.Phrase.Words-1)
		}
		for i := pm.Start; i < pm.End; i++ {
			if own(i) && taken[i] && a.mentionAt[i] < 0 {
				continue outer
			}
		}
		if gapCrossesAct(a, pms, pm) {
			continue
		}
		for i := pm.Start; i < pm.End; i++ {
			if own(i) && a.mentionAt[i] < 0 {
				taken[i] = true
			}
		}
		out = append(out, trigger{PhraseMatch: pm, sent: a.sentOf[pm.Start]})
	}
	// Phrases that are not acts have done their work: they kept shorter
	// phrases off their words.
	kept := out[:0]
	for _, t := range out {
		if !t.Phrase.None {
			kept = append(kept, t)
		}
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].Start < kept[j].Start })
	return kept
}

// killingMeans returns the strike by which assassination trigger k was
// carried out, named right after it ("اغتيال فؤاد شكر بغارة إسرائيلية"،
// "… في غارة"), or -1.
func killingMeans(a *article, trigs []trigger, k int) int {
	t := trigs[k]
	if t.Phrase.Code != "186" || t.Phrase.Verb {
		return -1
	}
	for j := k + 1; j < len(trigs); j++ {
		u := trigs[j]
		if u.sent != t.sent || u.Start > t.End+8 {
			break
		}
		if u.Phrase.Verb || u.Phrase.Code[:2] != "19" {
			continue
		}
		n := a.d.Tokens[u.Start].Norm
		if strings.HasPrefix(n, "ب") || isWord(a.d, u.Start-1, "في", "جراء", "اثر") {
			return j
		}
	}
	return -1
}

// auxiliaries come before a verb, never inside a name: "وكان ترامب قد
// شكر، مساء الأربعاء".
var auxiliaries = map[string]bool{"قد": true, "لقد": true, "وقد": true, "فقد": true, "كان": true, "كانت": true, "ثم": true, "كما": true, "حيث": true}

// gapCrossesAct reports whether the gap of a gapped phrase holds the start
// of another act joined by و ("طرد اثني عشر موظفاً …، واستدعاء السفير"):
// the phrase's last word then belongs to that act.
func gapCrossesAct(a *article, pms []lexicon.PhraseMatch, pm lexicon.PhraseMatch) bool {
	if pm.End-pm.Start == pm.Phrase.Words {
		return false
	}
	gapEnd := pm.End - (pm.Phrase.Words - 1)
	for _, o := range pms {
		if o.Phrase.None || o.Start <= pm.Start || o.Start >= gapEnd {
			continue
		}
		if n := a.d.Tokens[o.Start].Norm; strings.HasPrefix(n, "و") && o.Start > 0 && isComma(a, o.Start-1) {
			return true
		}
	}
	return false
}

// nameEnd reports whether a one-word verb match is rather the last word of
// a name ("القيادي في الحزب فؤاد شكر،"): a bare word after another word,
// right before punctuation, with no object a verb of its kind would take.
func nameEnd(a *article, pm lexicon.PhraseMatch) bool {
	p := pm.Phrase
	if !p.Verb || p.Words != 1 || p.Sym || p.Dual || pm.End-pm.Start != 1 || pm.Start == 0 || pm.End >= len(a.d.Tokens) {
		return false
	}
	prev, next := a.d.Tokens[pm.Start-1], a.d.Tokens[pm.End]
	if prev.Kind != arabic.Word || a.mentionAt[pm.Start-1] >= 0 || auxiliaries[prev.Norm] || next.Kind != arabic.Punct || !isComma(a, pm.End) && next.Norm != "." {
		return false
	}
	n := a.d.Tokens[pm.Start].Norm
	return !strings.HasPrefix(n, "و") && !strings.HasPrefix(n, "ف")
}

// event builds the event of trigger t between mentions s and g (-1: none).
func (c *Coder) event(a *article, t trigger, s, g int, date timex.Date, hist, sym bool) (rasid.Event, bool) {
	p := t.Phrase
	e := rasid.Event{Code: p.Code, Symmetric: sym, Historical: hist, Sentence: t.sent}
	if s >= 0 {
		m := a.mentions[s]
		e.Source, e.SourceRole, e.SourceText = m.Code, m.Role, m.Text
		if p.Code[:2] >= "18" && m.Role == "CVL" {
			return e, false // civilians are victims of assaults, not their agents
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

// agentVerbs name who carried out an attack right after its noun: "هجوم
// تبنته حركة الشباب".
var agentVerbs = []string{"تبنته", "تبنتها", "تبناه", "تبناها", "نفذته", "نفذتها", "نفذها", "نفذه", "شنته", "شنتها", "شنها", "شنه", "اطلقته", "اطلقتها", "تبنت", "تبني"}

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
func armedIn(a *article, sent int, p party) int {
	for i := a.sentTok[sent][0]; i < a.sentTok[sent][1]; i++ {
		if k := a.mentionAt[i]; k >= 0 && a.mentions[k].Role == "REB" && !inParty(p, k) {
			return k
		}
	}
	return -1
}

// suitCharge finds, in the sentence of lawsuit t, the accusation the suit
// makes ("دعوى …، تتهم فيها إسرائيل بارتكاب"): the mention accused and
// the index of the accusation's trigger, or -1, -1.
func suitCharge(a *article, trigs []trigger, t trigger) (int, int) {
	for j, u := range trigs {
		if u.sent != t.sent || u.Start <= t.Start || u.Phrase.Code[:2] != "11" {
			continue
		}
		if !isWord(a.d, u.End, "فيها", "فيه") {
			continue
		}
		if k := a.firstActorAfter(u.End+1, min(u.End+2, len(a.d.Tokens))); k >= 0 {
			return k, j
		}
	}
	return -1, -1
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

// forceWords name military acts a threat may promise.
var forceWords = []string{"استهداف", "باستهداف", "قصف", "بقصف", "ضرب", "بضرب", "هجوم", "بهجوم", "بشن", "عسكري", "عسكريه", "العسكري", "العسكريه",
	"قطع", "بقطع", "تدمير", "بتدمير", "حرب", "بحرب", "اجتياح", "باجتياح", "غزو", "بغزو", "ضربات", "بضربات", "الصواريخ", "بالقوه", "القوه", "سحق", "بسحق", "محو", "بمحو",
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
	if m.Role == "JUD" || strings.Contains(arabic.Normalize(m.Text), "محكمه") {
		return true
	}
	for i := t.End; i < R && i < t.End+8; i++ {
		if hasForm(a.d, i, "بارتكاب", "بتهمه", "بتهم") {
			return true
		}
	}
	return false
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
	{"022", []string{"الانضمام", "تطبيع", "الاعتراف", "استئناف"}},
	{"027", []string{"تسويه", "حل"}},
	{"025", []string{"الانسحاب", "انسحاب", "الافراج", "وقف", "انهاء", "رفع"}},
	{"021", []string{"الاستثمار", "التعاون"}},
}

// appealKind returns the code of the appeal trigger t by the first word
// of its complement that names what is asked, or "".
func appealKind(a *article, t trigger, R int) string {
	for i := t.End; i < R && i < t.End+14; i++ {
		if a.mentionAt[i] >= 0 {
			continue
		}
		for _, k := range appealKinds {
			if hasForm(a.d, i, k.words...) {
				return k.code
			}
		}
	}
	return ""
}

// struckObjects are the forces and missions an attack's adjective names
// the owner of ("دورية بريطانية"، "قاعدة عسكرية صومالية"); a hospital or
// a company named for a state is not its state.
var struckObjects = []string{"دوريه", "قافله", "قوات", "القوات", "جنود", "سفاره", "السفاره", "قنصليه", "موكب", "طائره", "طائرات", "سفينه",
	"سفن", "قاعده", "ثكنه", "معسكر", "مواقع", "موقع", "بعثه", "البعثه", "مروحيه", "دبابه", "مدرعه", "زورق", "قطع", "وحده", "كتيبه"}

// meetingPlace returns the state of the place a meeting in tokens [L, R)
// of sentence sent is held at ("في الرياض"، "بقصر قرطاج"), or "".
func meetingPlace(a *article, sent, L, R int) string {
	for i := max(L, a.sentTok[sent][0]); i < R; i++ {
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

// relativeFollows reports whether a nominal trigger is followed closely by
// a relative pronoun whose clause names its agent.
func relativeFollows(a *article, t trigger) bool {
	if t.Phrase.Verb || possessed(a, t) {
		// A noun with a possessive pronoun has its agent already ("أعلنت
		// المملكة المتحدة دعمها لمخطط الحكم الذاتي الذي تقترحه المملكة
		// المغربية"): the relative clause is its complement's.
		return false
	}
	for i := t.End; i < t.End+3 && i < len(a.d.Tokens) && a.sentOf[i] == t.sent; i++ {
		if isWord(a.d, i, "التي", "الذي", "اللذين", "اللتين", "الذين") || hasForm(a.d, i, agentVerbs...) {
			return true
		}
	}
	return false
}

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
		R++
	}
	return L, R
}

// governor returns the verb trigger whose complement nominal trigger k is
// ("دانت الغارة التي شنتها إسرائيل"), or -1: then the nominal's own
// phrase gives its parties.
func governor(a *article, trigs []trigger, k int) int {
	t := trigs[k]
	if t.Phrase.Verb {
		return -1
	}
	for j := k - 1; j >= 0 && j >= k-8 && trigs[j].sent == t.sent; j-- {
		if !trigs[j].Phrase.Verb {
			continue
		}
		for i := trigs[j].End; i < t.Start; i++ {
			if isBoundary(a, i) {
				return -1
			}
		}
		return j
	}
	return -1
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
	case "ان", "بان", "انه", "انها", "لان", "وان", "فيما", "بينما", "وبينما", "حين", "حيث", "اذ", "عقب", "بعدما", "لكن", "ولكن", "قبل", "بعد", "وبعد", "وقبل", "وذلك", "ثم":
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

// parties finds the source and target of trigger t inside [L, R): the
// subject before the verb (SVO) or right after it (VSO), then the first
// other actor after it.
func parties(a *article, t trigger, L, R int) (party, party) {
	pre := actorIdx(a, L, t.Start)
	post := actorIdx(a, t.Start, R)
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
	victims := victimFrame(a, t)
	if victims {
		// "قتل جنديان أميركيان في هجوم انتحاري"، "بانفجار عبوة": those
		// named before are the victims; the agent, if any, is named in the
		// noun's own phrase.
		post = append(append([]int{}, pre...), post...)
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
	} else if len(post) > 0 && !t.Phrase.Verb && t.Phrase.Code[:2] >= "18" && targetingVerbBefore(a, t.End, a.mentions[post[0]].Tok0) {
		// "بغارة إسرائيلية استهدفت الضاحية الجنوبية لبيروت": who follows
		// the strike's verb is struck, not striking.
		rest = post
	} else if len(post) > 0 && !t.Phrase.Obj {
		// The subject follows the verb; a destination ("وصل إلى الرياض
		// وفد") or addressee is not it.
		i := 0
		for i < len(post) && (a.mentions[post[i]].Place || destination(a, post[i]) && i+1 < len(post)) {
			i++
		}
		if i < len(post) && t.Phrase.Verb && endsInPreposition(t.Phrase) && a.mentions[post[i]].Tok0 >= t.End {
			// "تستثمر … في مشاريع بالمغرب": after a verb phrase's own
			// preposition comes its complement, not its subject.
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
	if len(src) > 0 && t.Phrase.Code[:2] >= "18" && (len(tgt) == 0 || sameCode(a, src, tgt[0])) {
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
		for i := t.End; i < t.End+5 && i < R; i++ {
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
		if k := armedIn(a, t.sent, tgt); k >= 0 {
			src = party{k}
		}
	}
	if t.Phrase.NoSrc && len(src) == 0 {
		// "في هجوم تبنته حركة الشباب": the group that claimed it.
		for i := t.End; i+1 < R; i++ {
			if hasForm(a.d, i, agentVerbs...) && a.mentionAt[i+1] >= 0 {
				src = party{a.mentionAt[i+1]}
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
	if len(tgt) == 0 && len(src) > 0 && (t.Phrase.Code == "042" || t.Phrase.Code == "043" || t.Phrase.Code[:2] == "07") {
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
			src = party{k}
			if len(tgt) > 0 && sameCode(a, src, tgt[0]) {
				tgt = nil
			}
			if len(tgt) == 0 {
				for _, j := range actorIdx(a, t.End, R) {
					if !a.mentions[j].Place && !sameCode(a, src, j) {
						tgt = party{j}
						break
					}
				}
			}
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
	if len(src) == 0 && t.Phrase.Code[:2] == "14" {
		// "تظاهر الآلاف في بغداد": the people of the place protest.
		for i := L; i < R; i++ {
			if k := a.mentionAt[i]; k >= 0 && (a.mentions[k].Place || a.mentions[k].AdjOnly) {
				src = party{k}
				break
			}
		}
	}
	return src, tgt
}

// actBefore reports whether sentence sent holds an act (other than a
// mediation) starting before token before.
func actBefore(trigs []trigger, before, sent int) bool {
	for _, t := range trigs {
		if t.sent == sent && t.Start < before && !t.Phrase.Med {
			return true
		}
	}
	return false
}

// mediatorsOf returns the actors named right after a mediation phrase
// ("بوساطة …"), each with the sentence of that phrase.
func mediatorsOf(a *article, trigs []trigger) map[int]int {
	var out map[int]int
	for _, t := range trigs {
		if t.Phrase.Med && t.End < len(a.d.Tokens) && a.mentionAt[t.End] >= 0 {
			if out == nil {
				out = map[int]int{}
			}
			out[a.mentionAt[t.End]] = t.sent
		}
	}
	return out
}

// withoutMediators returns p without the mediators of sentence sent.
func withoutMediators(mediators map[int]int, sent int, p party) party {
	if len(mediators) == 0 {
		return p
	}
	var out party
	for _, k := range p {
		if s, ok := mediators[k]; !ok || s != sent {
			out = append(out, k)
		}
	}
	return out
}

// hostsMeeting reports whether the target of a hosting verb comes after
// "بين" (between) in the verb's complement: the object hosted is then a
// meeting of the target with someone else, not the target itself.
func hostsMeeting(a *article, t trigger, tgt party) bool {
	if len(tgt) == 0 {
		return false
	}
	for i := t.End; i < a.mentions[tgt[0]].Tok0; i++ {
		if hasForm(a.d, i, "بين") {
			return true
		}
	}
	return false
}

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
		t.Start > 0 && hasForm(a.d, t.Start-1, "في", "جراء", "اثر", "عقب", "بسبب", "خلال")
	if !causal {
		return false
	}
	// Only after casualties: "ردت بإطلاق صواريخ" is how, not why.
	for i := t.Start - 1; i >= 0 && i >= t.Start-window && a.sentOf[i] == t.sent; i-- {
		if hasForm(a.d, i, harmWords...) {
			return true
		}
	}
	return false
}

// ownAgent finds the agent of an assault in its own phrase: "هجوم تبنته
// حركة الشباب"، "غارة شنتها إسرائيل".
func ownAgent(a *article, t trigger, R int) party {
	for i := t.End; i+1 < R && i < t.End+6; i++ {
		if hasForm(a.d, i, agentVerbs...) && a.mentionAt[i+1] >= 0 {
			return party{a.mentionAt[i+1]}
		}
	}
	return nil
}

func dropAll(list []int, p party) []int {
	out := list[:0:0]
	for _, k := range list {
		if !inParty(p, k) {
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

// historicalAfter is how long before publication an act must have ended
// to be a historical reference.
const historicalAfter = 30 * 24 * time.Hour
