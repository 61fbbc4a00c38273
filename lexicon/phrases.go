package lexicon

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"rasid/arabic"
)

// Phrase is one entry of the event-phrase dictionary (events*.tsv): a
// pattern of normalised words that reports an act of a CAMEO code.
type Phrase struct {
	Code    string
	Pattern string
	Verb    bool // the first word is a verb: only و and ف may precede it
	Sym     bool // a joint act (calls, meetings, agreements): direction is not meaningful
	Rev     bool // the grammatical subject is the target (تلقى اتصالا من، تعرض لهجوم)
	NoTgt   bool // a material act that may have no named target (protests, attacks)
	NoSrc   bool // a material act whose agent may be unnamed (اغتيال X)
	Obj     bool // the actor right after the phrase is its object (اغتيال هنية)
	Dual    bool // a dual verb (اتفقا، بحثا): its subject is the pair named before
	Words   int  // how many words of the pattern are not gaps
	Pro     bool // an object pronoun (استقبله): the target is who was just told of
	Poss    bool // a possessive (زيارته): the source is who was just told of
	Med     bool // mediation (بوساطة X): X toward each party just told of
	Actor   bool // an act only when an actor is named right after it ("هنأ الرئيس", not "هنا", here)
	None    bool // CODE "-": words that look like an act but are not one; they only block shorter phrases
	Source  string
}

// PhraseMatch is a phrase found in a Doc: tokens [Start, End).
type PhraseMatch struct {
	Start, End int
	Phrase     *Phrase
}

var codeDigits = func(s string) bool {
	if len(s) < 3 || len(s) > 4 {
		return false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

func (b *builder) loadEvents(r io.Reader, name string) error {
	return readTSV(r, name, 2, 3, func(line int, c []string) error {
		p := &Phrase{Code: c[0], Pattern: c[1], Source: fmt.Sprintf("%s:%d", name, line)}
		if p.Code == "-" {
			p.None, p.Code = true, "000"
		} else if !codeDigits(p.Code) {
			return fmt.Errorf("code %q is not a 3- or 4-digit CAMEO code (or - for a phrase that is not an act)", p.Code)
		}
		for _, f := range strings.Split(col(c, 2), ",") {
			switch strings.TrimSpace(f) {
			case "":
			case "verb":
				p.Verb = true
			case "sym":
				p.Sym = true
			case "rev":
				p.Rev = true
			case "notgt":
				p.NoTgt = true
			case "nosrc":
				p.NoSrc = true
			case "obj":
				p.Obj = true
			case "dual":
				p.Dual, p.Sym = true, true
			case "pro":
				p.Pro = true
			case "poss":
				p.Poss = true
			case "med":
				p.Med = true
			case "actor":
				p.Actor = true
			default:
				return fmt.Errorf("flag %q is not one of verb, sym, rev, notgt, nosrc, obj, dual, pro, poss, med, actor", f)
			}
		}
		k := phraseKey(p.Pattern)
		if !p.Verb {
			// A noun's complement follows it closely.
			for i := range k {
				if k[i] == "_" {
					k[i] = "~"
				}
			}
		}
		if p.Verb && len(k) > 1 && k[1] != "_" {
			// Arabic puts the subject between a verb and its complement
			// ("استدعت الجزائر سفيرها"): a verb phrase may always be split.
			k = append([]string{k[0], "_"}, k[1:]...)
		}
		if len(k) == 0 || k[0] == "_" || k[len(k)-1] == "_" || k[0] == "~" || k[len(k)-1] == "~" {
			return fmt.Errorf("pattern %q is empty or starts or ends with a gap", p.Pattern)
		}
		for _, w := range k {
			if w != "_" && w != "~" {
				p.Words++
			}
		}
		for _, w := range k {
			if strings.HasSuffix(w, "*") && utf8.RuneCountInString(w) < 3 {
				// "ب*" matches every word: text words are also read
				// without their proclitics.
				return fmt.Errorf("pattern %q: the prefix word %q needs two letters or more before its *", p.Pattern, w)
			}
		}
		if p.Words == 1 && !p.None && !p.Actor {
			if fw, ok := readsAsFunctionWord(k[0]); ok {
				return fmt.Errorf("pattern %q reads as the common word %q once hamza and alef are folded; give it more words, another form, or the flag actor", p.Pattern, fw)
			}
		}
		b.lx.phrases = append(b.lx.phrases, *p)
		b.lx.events.add(k, *p)
		return nil
	})
}

// functionWords are frequent words (normalised) that a one-word event
// pattern must not fold into: "هنأ" (congratulated) is "هنا" (here) once
// its hamza is dropped, and would code praise from every "here".
var functionWords = strings.Fields(`هنا هناك هنالك هو هي هم هما انه انها انا ان اذا اذ الى على عن من في مع ما لا لم لن قد كان كانت
	هذا هذه ذلك تلك الذي التي الذين او ام ثم بعد قبل بين حتى عند لكن كل بعض اي اما الا غير منذ خلال حول ضد لدى`)

// readsAsFunctionWord reports the function word a one-word pattern key
// matches, with or without the conjunction و, if any.
func readsAsFunctionWord(k string) (string, bool) {
	prefix := strings.HasSuffix(k, "*")
	k = strings.TrimSuffix(k, "*")
	for _, fw := range functionWords {
		for _, w := range []string{fw, "و" + fw} {
			if w == k || prefix && strings.HasPrefix(w, k) {
				return w, true
			}
		}
	}
	return "", false
}

// phraseKey normalises a pattern word by word, keeping the gap "_" and a
// final "*" of prefix words.
func phraseKey(pat string) []string {
	var out []string
	for _, w := range strings.Fields(pat) {
		switch {
		case w == "_" || w == "~":
			out = append(out, w)
		case strings.HasSuffix(w, "*"):
			out = append(out, arabic.Normalize(strings.TrimSuffix(w, "*"))+"*")
		default:
			out = append(out, key(w)...)
		}
	}
	return out
}

// verbPrefixOK reports whether the proclitics removed from a verb are only
// the conjunctions و and ف (بحث must not be read as ب+حث).
func verbPrefixOK(norm string, c arabic.Candidate) bool {
	if c.Prefix == 0 {
		return true
	}
	p := norm[:c.Prefix]
	return p == "و" || p == "ف"
}

// Phrases finds the event phrases of d. At each start it keeps the longest
// match of each code; overlaps between starts are the coder's to resolve.
func (lx *Lexicon) Phrases(d *Doc) []PhraseMatch {
	var out []PhraseMatch
	var i int
	var start int // index in out of the first match at token i
	visit := func(m match[Phrase]) {
		for k := range m.Vals {
			p := &m.Vals[k]
			if p.Verb && !verbPrefixOK(d.Tokens[i].Norm, m.First) {
				continue
			}
			seen := false
			for j := start; j < len(out); j++ {
				if out[j].Phrase == p {
					seen = true
					if m.End < out[j].End {
						// The shortest extent of a gapped pattern is the
						// tightest reading.
						out[j].End = m.End
					}
					break
				}
			}
			if !seen {
				out = append(out, PhraseMatch{Start: m.Start, End: m.End, Phrase: p})
			}
		}
	}
	k := lx.keys(d)
	for i = range d.Tokens {
		if d.Tokens[i].Kind != arabic.Word || !k.startsIn(d, i, rootEvents) {
			continue
		}
		start = len(out)
		lx.events.walk(d, k, i, rootEvents, visit)
	}
	return out
}

// PhraseCount is the number of event phrases loaded.
func (lx *Lexicon) PhraseCount() int { return len(lx.phrases) }
