package eval

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"rasid"
)

// CodeFunc codes one text and returns its events; GSR sentences carry no
// publication date, so the caller chooses one.
type CodeFunc func(text string) []rasid.Event

// GSRTask is one event class of the OEDA Arabic gold standard.
type GSRTask struct {
	Name  string // PROTEST or ASSAULT
	File  string // the labelled sentences
	Spans string // the who/whom span file
	Roots []string
}

// GSRTasks are the two classes of ../shared/eval/gsr.
var GSRTasks = []GSRTask{
	{Name: "PROTEST", File: "protest_gsr.csv", Spans: "protest_spans.json", Roots: []string{"14"}},
	{Name: "ASSAULT", File: "assault_gsr.csv", Spans: "assault_spans.json", Roots: []string{"18", "19", "20"}},
}

// GSRResult is the detection score of one class: "yes" sentences against
// "easy no" ones; "difficult no" reported apart as a false-alarm rate.
type GSRResult struct {
	Task              string  `json:"task"`
	Detection         PRF     `json:"detection"`
	Yes               int     `json:"yes"`
	EasyNo            int     `json:"easy_no"`
	DifficultNo       int     `json:"difficult_no"`
	DifficultNoFired  int     `json:"difficult_no_fired"`
	DifficultFalseHit float64 `json:"difficult_no_false_alarm_rate"`
	// Source-actor accuracy on the span file: of the sentences whose
	// coders agreed on a source state or group code and where rasid
	// found a source, the share where rasid's code is the same.
	SourceChecked  int     `json:"source_checked"`
	SourceCorrect  int     `json:"source_correct"`
	SourceAccuracy float64 `json:"source_accuracy"`
}

func (t GSRTask) fires(evs []rasid.Event) (bool, string) {
	for _, e := range evs {
		for _, r := range t.Roots {
			if e.Root == r {
				return true, e.Source
			}
		}
	}
	return false, ""
}

// ScoreGSR codes every labelled sentence of dir and scores detection.
func ScoreGSR(dir string, code CodeFunc) ([]GSRResult, error) {
	var out []GSRResult
	for _, t := range GSRTasks {
		r, err := scoreGSRTask(dir, t, code)
		if err != nil {
			return nil, err
		}
		out = append(out, r)
	}
	return out, nil
}

func scoreGSRTask(dir string, t GSRTask, code CodeFunc) (GSRResult, error) {
	res := GSRResult{Task: t.Name}
	path := filepath.Join(dir, t.File)
	f, err := os.Open(path)
	if err != nil {
		return res, fmt.Errorf("gsr: %w", err)
	}
	defer f.Close()
	rd := csv.NewReader(f)
	rd.FieldsPerRecord = -1
	head, err := rd.Read()
	if err != nil {
		return res, fmt.Errorf("gsr: %s: header: %w", path, err)
	}
	labelCol, textCol := -1, -1
	for i, h := range head {
		switch h {
		case "label":
			labelCol = i
		case "text":
			textCol = i
		}
	}
	if labelCol < 0 || textCol < 0 {
		return res, fmt.Errorf("gsr: %s: no label or text column", path)
	}
	var tp, fp, fn int
	for line := 2; ; line++ {
		rec, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return res, fmt.Errorf("gsr: %s:%d: %w", path, line, err)
		}
		if len(rec) <= labelCol || len(rec) <= textCol {
			return res, fmt.Errorf("gsr: %s:%d: short record", path, line)
		}
		fired, _ := t.fires(code(rec[textCol]))
		switch strings.TrimSpace(rec[labelCol]) {
		case "yes":
			res.Yes++
			if fired {
				tp++
			} else {
				fn++
			}
		case "easy no":
			res.EasyNo++
			if fired {
				fp++
			}
		case "difficult no":
			res.DifficultNo++
			if fired {
				res.DifficultNoFired++
			}
		}
	}
	res.Detection = prf(tp, fp, fn)
	if res.DifficultNo > 0 {
		res.DifficultFalseHit = round3(float64(res.DifficultNoFired) / float64(res.DifficultNo))
	}
	if err := scoreSpans(filepath.Join(dir, t.Spans), t, code, &res); err != nil {
		return res, err
	}
	return res, nil
}

type spanItem struct {
	Text  string `json:"text"`
	Spans []struct {
		SourceRole json.RawMessage `json:"source_role"`
	} `json:"spans"`
}

func scoreSpans(path string, t GSRTask, code CodeFunc, res *GSRResult) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("gsr: %w", err)
	}
	var items []spanItem
	if err := json.Unmarshal(b, &items); err != nil {
		return fmt.Errorf("gsr: %s: %w", path, err)
	}
	for _, it := range items {
		votes := map[string]int{}
		for _, s := range it.Spans {
			var role struct {
				Main string `json:"main"`
			}
			if json.Unmarshal(s.SourceRole, &role) != nil || role.Main == "" || role.Main == "None" {
				continue
			}
			votes[role.Main]++
		}
		gold, best := "", 0
		for c, n := range votes {
			if n > best || n == best && c < gold {
				gold, best = c, n
			}
		}
		if gold == "" {
			continue
		}
		fired, src := t.fires(code(it.Text))
		if !fired || src == "" {
			continue
		}
		res.SourceChecked++
		if src == gold {
			res.SourceCorrect++
		}
	}
	if res.SourceChecked > 0 {
		res.SourceAccuracy = round3(float64(res.SourceCorrect) / float64(res.SourceChecked))
	}
	return nil
}
