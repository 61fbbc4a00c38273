// This file picks the phrase matches that are coded (triggers) and the
// relations between them: which act governs another, which strike was the
// means of a killing, which mediator belongs to which talks.

package coder

import (
	"sort"
	"strings"

	"rasid/arabic"
	"rasid/lexicon"
)

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
		if pm.Phrase.Actor && (pm.End >= len(a.d.Tokens) || a.mentionAt[pm.End] < 0 || a.mentions[a.mentionAt[pm.End]].Place ||
			a.mentions[a.mentionAt[pm.End]].Role == "CVL") {
			// "وهنا يتوقف المراقبون"، "يوجد هنا ليبيون": "هنأ" is an act
			// only with the official it names right after it.
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
var auxiliaries = map[string]bool{"قد": true, "لقد": true, "وقد": true, "فقد": true, "كان": true, "كانت": true, "ثم": true, "كما": true, "حيث": true,
	"ان": true, "الذي": true, "التي": true, "الذين": true}

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
		if r := o.Phrase.Code[:2]; (r == "11" || r == "12") && !o.Phrase.Verb && a.mentionAt[o.Start] < 0 {
			// "جدد الأسد اتهامه الغرب … بدعم الإرهابيين": what the
			// verb renews is the accusation; the act it alleges is not
			// coded (GUIDE).
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
