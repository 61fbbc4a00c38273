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

// events codes the acts of a that its triggers trigs name.
func (c *Coder) events(a *article, trigs []trigger) []rasid.Event {
	var out []rasid.Event
	seen := map[string]bool{}
	lastPair := [2]int{-1, -1}
	fightPair := [2]int{-1, -1}                      // the sides of the latest fighting (roots 18–20)
	prev := struct{ sent, src, tgt int }{-1, -1, -1} // the previous event told
	materialSeen := false
	var told []toldAct // acts coded so far, by the noun that names them
	bodyRoots := map[string]bool{}
	protestIn := map[int]bool{}
	mediators := mediatorsOf(a, trigs)
	// Accusations that a lawsuit's own text makes ("رفعت … دعوى …، تتهم
	// فيها إسرائيل"): the suit's target, not acts of their own.
	charges := map[int]bool{}
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
		}
		sym := p.Sym
		if lastPair[0] >= 0 {
			switch {
			case dualSubject(a, t, L, R) || p.Dual || len(src)+len(tgt) == 0 && p.Sym:
				// "أشاد الوزيران"، "بين البلدين", or a joint act told without
				// its parties: the dyad of the article's previous event.
				src, tgt = party{lastPair[0]}, party{lastPair[1]}
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
		if sym && len(src) >= 2 {
			// "وقعت إسرائيل وحركة حماس اتفاقا": a joint act between the
			// coordinated subjects themselves.
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
		if len(src)+len(tgt) == 0 {
			c.tracef("skip %s %q at %d: line %d src=%v tgt=%v", t.Phrase.Code, t.Phrase.Pattern, t.Start, 113, src, tgt)
			continue
		}
		if len(src) == 0 && !(material && p.NoSrc) {
			c.tracef("skip %s %q at %d: line %d src=%v tgt=%v", t.Phrase.Code, t.Phrase.Pattern, t.Start, 116, src, tgt)
			continue
		}
		if len(tgt) == 0 && !(material && p.NoTgt) {
			c.tracef("skip %s %q at %d: line %d src=%v tgt=%v", t.Phrase.Code, t.Phrase.Pattern, t.Start, 119, src, tgt)
			continue
		}
		if material && (len(src) == 0 || len(tgt) == 0) && materialSeen && p.Code[:2] >= "18" {
			// "ندد بالهجوم": an assault already coded, told again.
			c.tracef("skip %s %q at %d: line %d src=%v tgt=%v", t.Phrase.Code, t.Phrase.Pattern, t.Start, 123, src, tgt)
			continue
		}
		if material && len(tgt) == 0 && len(src) == 1 && a.mentions[src[0]].Role == "REB" &&
			(p.Code[:2] >= "19" || p.Code[:2] == "18" && homePlace(a, t, a.mentions[src[0]].Code)) {
			// An armed group's killings with no victim named: the people
			// of its own country.
			tgt = party{homeSide}
		}
		if p.Code[:2] == "14" && len(tgt) == 0 && len(src) == 1 && src[0] >= 0 && !stateRole[a.mentions[src[0]].Role] &&
			a.mentions[src[0]].Role != "REB" {
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
		for _, s := range orNone(src) {
			for _, g := range orNone(tgt) {
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
				if s >= 0 && g >= 0 {
					prev.sent, prev.src, prev.tgt = t.sent, s, g
					if !hist {
						lastPair = [2]int{s, g}
					}
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
	for i := t.End; i < R && i < t.End+6; i++ {
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
		if a.sentOf[pm.Start] != a.sentOf[pm.End-1] {
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

// relativeFollows reports whether a nominal trigger is followed closely by
// a relative pronoun whose clause names its agent.
func relativeFollows(a *article, t trigger) bool {
	if t.Phrase.Verb {
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
	if root < "14" && root != "04" {
		// Different verbal acts of one root are different events (praise
		// and a signing); the same act told twice keeps its code.
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
	h := "n"
	if e.Historical {
		h = "h"
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
	for R < len(a.d.Tokens) && a.sentOf[R] == t.sent && !isBoundary(a, R) && R-t.End < window {
		if k+1 < len(trigs) && trigs[k+1].Start == R && trigs[k+1].Phrase.Verb {
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
	case "ان", "بان", "انه", "انها", "لان", "وان", "فيما", "بينما", "وبينما", "حين", "حيث", "اذ", "عقب", "بعدما", "لكن", "ولكن", "قبل", "بعد", "وبعد", "وقبل", "وذلك":
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
	} else if len(post) > 0 && !t.Phrase.Obj {
		// The subject follows the verb; a destination ("وصل إلى الرياض
		// وفد") or addressee is not it.
		i := 0
		for i < len(post) && (a.mentions[post[i]].Place || destination(a, post[i]) && i+1 < len(post)) {
			i++
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
	// Places may be the target of material acts only; skip them as sources.
	src = dropPlaces(a, src)
	var tgt party
	for i := 0; i < len(rest); i++ {
		m := a.mentions[rest[i]]
		if m.Place || sameActor(a, src, rest[i]) || (m.Pron || m.StateRef) && sameCode(a, src, rest[i]) ||
			t.Phrase.Code[:2] < "14" && m.Role == "CVL" && sameCode(a, src, rest[i]) {
			// A statement's own people ("بالنسبة إلى الشعب السوري") are
			// not whom it addresses.
			// "طالبت الوزارة بالإفراج عن مواطنها": the source's own.
			continue
		}
		tgt = group(a, rest, i)
		break
	}
	tgt = dropPlaces(a, tgt)
	if len(tgt) > 0 && len(src) > 0 && t.Phrase.Code[:2] >= "18" && sameCode(a, src, tgt[0]) {
		// "أمر الجيش بالسيطرة على المنطقة العازلة في هضبة الجولان، وهو
		// ما شرعت القوات الإسرائيلية في تنفيذه": a place of another
		// state before the source's own forces is where the act lands.
		if k := otherPlace(a, src, t.End, a.mentions[tgt[0]].Tok0); k >= 0 {
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
		if k := adjectiveTarget(a, src, from, limit); k >= 0 {
			tgt = party{k}
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
