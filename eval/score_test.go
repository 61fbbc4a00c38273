package eval

import (
	"strings"
	"testing"

	"rasid"
)

// TestMatch follows GUIDE.md "Scoring", one case per rule.
func TestMatch(t *testing.T) {
	cases := []struct {
		name string
		g    GoldEvent
		s    rasid.Event
		want bool
	}{
		{"SameDyadSameRoot", GoldEvent{Source: "MAR", Target: "RUS", Code: "041"}, rasid.Event{Source: "MAR", Target: "RUS", Code: "040"}, true},
		{"OtherRoot", GoldEvent{Source: "MAR", Target: "RUS", Code: "041"}, rasid.Event{Source: "MAR", Target: "RUS", Code: "051"}, false},
		{"SymmetricEitherWay", GoldEvent{Source: "MAR", Target: "RUS", Code: "041", Symmetric: true}, rasid.Event{Source: "RUS", Target: "MAR", Code: "041"}, true},
		{"DirectedNotReversed", GoldEvent{Source: "MAR", Target: "RUS", Code: "111"}, rasid.Event{Source: "RUS", Target: "MAR", Code: "111"}, false},
		{"VisitIsHosting", GoldEvent{Source: "FRA", Target: "DZA", Code: "042"}, rasid.Event{Source: "DZA", Target: "FRA", Code: "043"}, true},
		{"UnknownSideAcceptsAny", GoldEvent{Source: "", Target: "PSE", Code: "186"}, rasid.Event{Source: "ISR", Target: "PSE", Code: "186"}, true},
	}
	for _, c := range cases {
		if got := Match(c.g, c.s); got != c.want {
			t.Errorf("%s: Match = %v, want %v", c.name, got, c.want)
		}
	}
}

func TestScore(t *testing.T) {
	gold := []GoldItem{
		{ID: "a", Events: []GoldEvent{{Source: "MAR", Target: "RUS", Code: "041", Date: "2025-03-04"}, {Source: "MAR", Target: "RUS", Code: "057", Date: "2016", Historical: true}},
			Actors: []GoldActor{{Code: "MAR"}, {Code: "RUS"}}},
		{ID: "b"},
	}
	sys := map[string]SystemItem{
		"a": {Events: []rasid.Event{{Source: "MAR", Target: "RUS", Code: "041", Date: "2025-03-04"}, {Source: "MAR", Target: "USA", Code: "051"}},
			Actors: []rasid.Mention{{Code: "MAR"}, {Code: "MAR"}}},
		"b": {Events: []rasid.Event{{Source: "TUN", Target: "IMF", Code: "120"}}},
	}
	r := Score(gold, sys)
	if r.Events.TP != 1 || r.Events.FP != 2 || r.Events.FN != 1 {
		t.Fatalf("events tp/fp/fn = %d/%d/%d, want 1/2/1", r.Events.TP, r.Events.FP, r.Events.FN)
	}
	if r.DateAgreement != 1 || r.FullCodeAgreement != 1 {
		t.Errorf("agreements: date %v code %v, want 1 and 1", r.DateAgreement, r.FullCodeAgreement)
	}
	if r.Actors.TP != 1 || r.Actors.FP != 1 || r.Actors.FN != 1 {
		t.Errorf("actors tp/fp/fn = %d/%d/%d, want 1/1/1", r.Actors.TP, r.Actors.FP, r.Actors.FN)
	}
	if r.RecallByRoot["05"] != "0/1" || r.RecallByRoot["04"] != "1/1" {
		t.Errorf("recall by root = %v", r.RecallByRoot)
	}
	var b strings.Builder
	if err := r.WriteText(&b); err != nil || !strings.Contains(b.String(), "events  P 0.333 R 0.500 F1 0.400") {
		t.Errorf("text report:\n%s", b.String())
	}
}

func TestReadGoldNamesBadLine(t *testing.T) {
	_, err := ReadGold(strings.NewReader(`{"id":"a","text":"x","events":[]}`+"\n{broken\n"), "g.jsonl")
	if err == nil || !strings.Contains(err.Error(), "g.jsonl:2:") {
		t.Fatalf("want g.jsonl:2 in the error, got %v", err)
	}
}

func TestScoreNER(t *testing.T) {
	bio := "زار O\nبوتين B-PERS\nموسكو B-LOC\nو O\nالأمم B-ORG\nالمتحدة I-ORG\n\n"
	find := func(text string) []rasid.Mention {
		i := strings.Index(text, "موسكو")
		j := strings.Index(text, "الأمم")
		return []rasid.Mention{{Kind: "place", Start: i, End: i + len("موسكو")}, {Kind: "organisation", Start: j, End: j + len("الأمم")}}
	}
	r, err := ScoreNER(strings.NewReader(bio), "t.bio", find)
	if err != nil {
		t.Fatal(err)
	}
	if r.Classes["LOC"].TP != 1 || r.Classes["ORG"].TP != 0 || r.Classes["ORG"].FP != 1 || r.Classes["PERS"].FN != 1 {
		t.Errorf("got %+v", r.Classes)
	}
}
