package eval

import (
	"bufio"
	"fmt"
	"io"
	"strings"

	"rasid"
)

// MentionFunc finds the mentions of a text; Kind says the class: state
// and place are LOC, organisation and group ORG, person PERS.
type MentionFunc func(text string) []rasid.Mention

// NERResult is entity-level (exact span) precision, recall and F1 per
// class of a BIO file.
type NERResult struct {
	Sentences int            `json:"sentences"`
	Classes   map[string]PRF `json:"classes"`
}

type span struct {
	class      string
	start, end int // token indexes
}

// nerClass maps a mention kind to a BIO class.
func nerClass(kind string) string {
	switch kind {
	case rasid.KindState, rasid.KindPlace:
		return "LOC"
	case rasid.KindOrganisation, rasid.KindGroup:
		return "ORG"
	case rasid.KindPerson:
		return "PERS"
	}
	return ""
}

// ScoreNER reads a BIO file ("token label" per line, blank line between
// sentences), runs find on each sentence joined by spaces, and scores
// LOC, ORG and PERS spans.
func ScoreNER(r io.Reader, name string, find MentionFunc) (NERResult, error) {
	res := NERResult{Classes: map[string]PRF{}}
	tp, fp, fn := map[string]int{}, map[string]int{}, map[string]int{}
	var toks, labels []string
	flush := func() {
		if len(toks) == 0 {
			return
		}
		res.Sentences++
		scoreSentence(toks, labels, find, tp, fp, fn)
		toks, labels = toks[:0], labels[:0]
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			flush()
			continue
		}
		f := strings.Fields(line)
		if len(f) != 2 {
			return res, fmt.Errorf("%s:%d: want \"token label\", got %q", name, n, line)
		}
		toks = append(toks, f[0])
		labels = append(labels, f[1])
	}
	if err := sc.Err(); err != nil {
		return res, fmt.Errorf("%s: %w", name, err)
	}
	flush()
	for _, c := range []string{"LOC", "ORG", "PERS"} {
		res.Classes[c] = prf(tp[c], fp[c], fn[c])
	}
	return res, nil
}

func goldSpans(labels []string) map[span]bool {
	out := map[span]bool{}
	cur := span{start: -1}
	end := func(i int) {
		if cur.start >= 0 {
			cur.end = i
			out[cur] = true
			cur = span{start: -1}
		}
	}
	for i, l := range labels {
		switch {
		case strings.HasPrefix(l, "B-"):
			end(i)
			cur = span{class: l[2:], start: i}
		case strings.HasPrefix(l, "I-") && cur.start >= 0 && cur.class == l[2:]:
		case strings.HasPrefix(l, "I-"):
			end(i)
			cur = span{class: l[2:], start: i}
		default:
			end(i)
		}
	}
	end(len(labels))
	return out
}

func scoreSentence(toks, labels []string, find MentionFunc, tp, fp, fn map[string]int) {
	var b strings.Builder
	starts := make([]int, len(toks))
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		starts[i] = b.Len()
		b.WriteString(t)
	}
	text := b.String()
	tokAt := func(off int) int { // the token containing byte off
		lo, hi := 0, len(starts)-1
		for lo < hi {
			mid := (lo + hi + 1) / 2
			if starts[mid] <= off {
				lo = mid
			} else {
				hi = mid - 1
			}
		}
		return lo
	}
	gold := goldSpans(labels)
	sys := map[span]bool{}
	for _, m := range find(text) {
		c := nerClass(m.Kind)
		if c == "" || m.End <= m.Start {
			continue
		}
		sys[span{class: c, start: tokAt(m.Start), end: tokAt(m.End-1) + 1}] = true
	}
	for s := range sys {
		if gold[s] {
			tp[s.class]++
		} else {
			fp[s.class]++
		}
	}
	for s := range gold {
		if !sys[s] {
			fn[s.class]++
		}
	}
}

// WriteText prints one line per class.
func (r NERResult) WriteText(w io.Writer) {
	for _, c := range []string{"LOC", "ORG", "PERS"} {
		p := r.Classes[c]
		fmt.Fprintf(w, "ner %-4s P %.3f R %.3f F1 %.3f (tp %d fp %d fn %d)\n", c, p.Precision, p.Recall, p.F1, p.TP, p.FP, p.FN)
	}
}
