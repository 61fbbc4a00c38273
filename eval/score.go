package eval

import (
	"fmt"
	"io"
	"math"
	"sort"

	"rasid"
)

// SystemItem is a coder's output for one gold item.
type SystemItem struct {
	ID     string          `json:"id"`
	Events []rasid.Event   `json:"events"`
	Actors []rasid.Mention `json:"actors"`
}

// PRF is precision, recall and F1 with the counts behind them.
type PRF struct {
	TP        int     `json:"tp"`
	FP        int     `json:"fp"`
	FN        int     `json:"fn"`
	Precision float64 `json:"precision"`
	Recall    float64 `json:"recall"`
	F1        float64 `json:"f1"`
}

func prf(tp, fp, fn int) PRF {
	r := PRF{TP: tp, FP: fp, FN: fn}
	if tp+fp > 0 {
		r.Precision = float64(tp) / float64(tp+fp)
	}
	if tp+fn > 0 {
		r.Recall = float64(tp) / float64(tp+fn)
	}
	if r.Precision+r.Recall > 0 {
		r.F1 = 2 * r.Precision * r.Recall / (r.Precision + r.Recall)
	}
	r.Precision, r.Recall, r.F1 = round3(r.Precision), round3(r.Recall), round3(r.F1)
	return r
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// Report is the GUIDE.md scoring of a system against a gold file.
type Report struct {
	Items               int               `json:"items"`
	MissingItems        int               `json:"missing_items"`
	Events              PRF               `json:"events"`
	FullCodeAgreement   float64           `json:"full_code_agreement"`
	DateAgreement       float64           `json:"date_agreement"`
	HistoricalAgreement float64           `json:"historical_agreement"`
	Actors              PRF               `json:"actors"`
	RecallByRoot        map[string]string `json:"recall_by_root"`
	// Errors lists, per item, the gold events missed and the system events
	// that matched nothing: what a developer reads to improve the coder.
	Errors []ItemErrors `json:"errors,omitempty"`
}

// ItemErrors are one item's misses and false events.
type ItemErrors struct {
	ID     string        `json:"id"`
	Missed []GoldEvent   `json:"missed,omitempty"`
	False  []rasid.Event `json:"false,omitempty"`
}

func sideOK(g, s string) bool { return g == "" || g == s }

func root(code string) string {
	if len(code) < 2 {
		return code
	}
	return code[:2]
}

func visitPair(a, b string) bool {
	return (a == "042" && b == "043") || (a == "043" && b == "042")
}

// Match reports whether system event s matches gold event g: source,
// target and root agree (either direction for symmetric gold events; a
// visit 042 A→B is a hosting 043 B→A; a gold side of "" accepts any).
func Match(g GoldEvent, s rasid.Event) bool {
	gr, sr := root(g.Code), root(s.Code)
	if gr != sr {
		return visitPair(g.Code, s.Code) && sideOK(g.Source, s.Target) && sideOK(g.Target, s.Source)
	}
	if sideOK(g.Source, s.Source) && sideOK(g.Target, s.Target) {
		return true
	}
	if g.Symmetric && sideOK(g.Source, s.Target) && sideOK(g.Target, s.Source) {
		return true
	}
	if visitPair(g.Code, s.Code) {
		return sideOK(g.Source, s.Target) && sideOK(g.Target, s.Source)
	}
	return false
}

// Score scores system output against gold items as GUIDE.md (and the
// reference score.py) does.
func Score(gold []GoldItem, system map[string]SystemItem) Report {
	var tp, fp, fn, full, dates, hist int
	var atp, afp, afn int
	perRoot, perRootHit := map[string]int{}, map[string]int{}
	rep := Report{Items: len(gold)}
	for _, gi := range gold {
		si, ok := system[gi.ID]
		if !ok {
			rep.MissingItems++
		}
		used := map[int]bool{}
		var ie ItemErrors
		for _, g := range gi.Events {
			perRoot[root(g.Code)]++
			hit := -1
			for j, s := range si.Events {
				if used[j] || !Match(g, s) {
					continue
				}
				if hit < 0 {
					hit = j
				}
				if s.Code == g.Code {
					hit = j
					break
				}
			}
			if hit < 0 {
				fn++
				ie.Missed = append(ie.Missed, g)
				continue
			}
			used[hit] = true
			tp++
			perRootHit[root(g.Code)]++
			s := si.Events[hit]
			if s.Code == g.Code || visitPair(s.Code, g.Code) {
				full++
			}
			if g.Date != "" && len(s.Date) >= len(g.Date) && s.Date[:len(g.Date)] == g.Date {
				dates++
			}
			if g.Historical == s.Historical {
				hist++
			}
		}
		for j, s := range si.Events {
			if !used[j] {
				fp++
				ie.False = append(ie.False, s)
			}
		}
		if len(ie.Missed)+len(ie.False) > 0 {
			ie.ID = gi.ID
			rep.Errors = append(rep.Errors, ie)
		}
		gc, sc := map[string]int{}, map[string]int{}
		for _, a := range gi.Actors {
			gc[a.Code]++
		}
		for _, a := range si.Actors {
			sc[a.Code]++
		}
		inter, ns, ng := 0, 0, 0
		for c, n := range gc {
			inter += min(n, sc[c])
			ng += n
		}
		for _, n := range sc {
			ns += n
		}
		atp += inter
		afp += ns - inter
		afn += ng - inter
	}
	rep.Events = prf(tp, fp, fn)
	rep.Actors = prf(atp, afp, afn)
	if tp > 0 {
		rep.FullCodeAgreement = round3(float64(full) / float64(tp))
		rep.DateAgreement = round3(float64(dates) / float64(tp))
		rep.HistoricalAgreement = round3(float64(hist) / float64(tp))
	}
	rep.RecallByRoot = map[string]string{}
	for r, n := range perRoot {
		rep.RecallByRoot[r] = fmt.Sprintf("%d/%d", perRootHit[r], n)
	}
	return rep
}

// WriteText prints the report the way score.py does.
func (r Report) WriteText(w io.Writer) error {
	e, a := r.Events, r.Actors
	roots := make([]string, 0, len(r.RecallByRoot))
	for k := range r.RecallByRoot {
		roots = append(roots, k)
	}
	sort.Strings(roots)
	_, err := fmt.Fprintf(w, "items %d (missing %d)\nevents  P %.3f R %.3f F1 %.3f  (tp %d fp %d fn %d)\nmatches: full code %.3f, date %.3f, historical %.3f\nactors  P %.3f R %.3f F1 %.3f\nrecall by root:",
		r.Items, r.MissingItems, e.Precision, e.Recall, e.F1, e.TP, e.FP, e.FN,
		r.FullCodeAgreement, r.DateAgreement, r.HistoricalAgreement, a.Precision, a.Recall, a.F1)
	if err != nil {
		return err
	}
	for _, k := range roots {
		fmt.Fprintf(w, " %s:%s", k, r.RecallByRoot[k])
	}
	_, err = fmt.Fprintln(w)
	return err
}
