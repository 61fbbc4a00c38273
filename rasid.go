// Package rasid holds the domain types that every stage of the pipeline
// speaks: documents in, mentions and events out. It has no logic beyond
// validation, so that every other package can import it.
package rasid

import (
	"errors"
	"fmt"
	"regexp"
	"time"
)

// Document is one article as ingested: the unit that is analysed, coded and
// stored.
type Document struct {
	ID        string    `json:"id"`
	URL       string    `json:"url,omitempty"`
	Source    string    `json:"source,omitempty"` // outlet name
	Title     string    `json:"title,omitempty"`
	Published time.Time `json:"published"`
	Text      string    `json:"text"`
	Lang      string    `json:"lang,omitempty"`
}

// Span is a byte range into a document's text, with the text it covers.
type Span struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// Actor kinds of a Mention.
const (
	KindState        = "state"
	KindPlace        = "place"
	KindOrganisation = "organisation"
	KindPerson       = "person"
	KindGroup        = "group"
)

// Actor roles (GUIDE.md "Actors").
const (
	RoleGOV = "GOV"
	RoleMIL = "MIL"
	RoleLEG = "LEG"
	RoleJUD = "JUD"
	RoleCOP = "COP"
	RoleOPP = "OPP"
	RoleREB = "REB"
	RoleBUS = "BUS"
	RoleMED = "MED"
	RoleCVL = "CVL"
)

// Mention is one actor mention in a text: the bytes [Start, End) of the
// article as given, with the state or organisation code it stands for.
type Mention struct {
	Text  string `json:"text"`
	Code  string `json:"code"`
	Role  string `json:"role"`
	Kind  string `json:"kind"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

// Date precisions of an Event.
const (
	PrecisionDay   = "day"
	PrecisionMonth = "month"
	PrecisionYear  = "year"
)

// Event is one coded act: who did what to whom, when, with the sentence that
// says so.
type Event struct {
	ID            int64   `json:"id,omitempty"`
	ArticleID     string  `json:"article_id,omitempty"`
	Source        string  `json:"source"`
	SourceRole    string  `json:"source_role"`
	SourceText    string  `json:"source_text"`
	Target        string  `json:"target"`
	TargetRole    string  `json:"target_role"`
	TargetText    string  `json:"target_text"`
	Code          string  `json:"code"`
	Root          string  `json:"root"`
	QuadClass     int     `json:"quad_class"`
	Goldstein     float64 `json:"goldstein"`
	Plover        string  `json:"plover"`
	Date          string  `json:"date"`
	DatePrecision string  `json:"date_precision"`
	Historical    bool    `json:"historical"`
	Symmetric     bool    `json:"symmetric"`
	Sentence      int     `json:"sentence"`
	Evidence      Span    `json:"evidence"`
	Confidence    float64 `json:"confidence"`
}

var (
	codeRe = regexp.MustCompile(`^[0-9]{2,4}$`)
	dateRe = regexp.MustCompile(`^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$`)
)

// Validate reports the first field of e that is malformed.
func (e Event) Validate() error {
	if !codeRe.MatchString(e.Code) {
		return fmt.Errorf("event: code %q is not a CAMEO code", e.Code)
	}
	if e.Root != e.Code[:2] {
		return fmt.Errorf("event: root %q does not match code %q", e.Root, e.Code)
	}
	if e.Date != "" && !dateRe.MatchString(e.Date) {
		return fmt.Errorf("event: date %q is not YYYY[-MM[-DD]]", e.Date)
	}
	if e.Evidence.Start < 0 || e.Evidence.End < e.Evidence.Start {
		return fmt.Errorf("event: evidence span [%d,%d) is invalid", e.Evidence.Start, e.Evidence.End)
	}
	if e.Source == "" && e.Target == "" {
		return errors.New("event: neither source nor target is known")
	}
	return nil
}

// Validate reports whether m points at a sensible span.
func (m Mention) Validate() error {
	if m.Start < 0 || m.End <= m.Start {
		return fmt.Errorf("mention %q: span [%d,%d) is invalid", m.Text, m.Start, m.End)
	}
	if m.Code == "" {
		return fmt.Errorf("mention %q: no code", m.Text)
	}
	return nil
}
