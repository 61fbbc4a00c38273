package store

import (
	"slices"

	"rasid"
)

// SameCoding reports whether the mentions and events stored for article a
// (ms and evs, as a backend reads them back) equal those a brings, as
// Recode compares them: event ids and article ids aside, and an event's
// evidence text taken from the article's text when a gives only its
// offsets, as PutArticle stores it.
func SameCoding(a *Article, ms []rasid.Mention, evs []rasid.Event) bool {
	if len(evs) != len(a.Events) || !slices.Equal(ms, a.Mentions) {
		return false
	}
	for i, e := range a.Events {
		e.Evidence.Text = EvidenceText(a, e)
		old := evs[i]
		e.ID, e.ArticleID, old.ID, old.ArticleID = 0, "", 0, ""
		if e != old {
			return false
		}
	}
	return true
}
