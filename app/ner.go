package app

import (
	"rasid"
	"rasid/lexicon"
)

// NERMentions lists the named entities the lexicon finds in text, for
// scoring against named-entity gold files: states, capitals and cities as
// places, organisations and groups, and office-holders' names, each as the
// bare name (no title).
func NERMentions(lx *lexicon.Lexicon, text string) []rasid.Mention {
	d := lexicon.NewDoc(text)
	var out []rasid.Mention
	for _, a := range lx.Atoms(d) {
		kind := ""
		for _, e := range a.Entries {
			switch e.Kind {
			case lexicon.StateName, lexicon.Capital, lexicon.City, lexicon.Seat:
				kind = rasid.KindPlace
			case lexicon.Org:
				kind = rasid.KindOrganisation
			case lexicon.Entity:
				kind = e.Mkind
			case lexicon.Holder:
				kind = rasid.KindPerson
			}
			if kind != "" {
				break
			}
		}
		if kind == "" {
			continue
		}
		m := rasid.Mention{Kind: kind, Start: d.Tokens[a.Start].Start, End: d.Tokens[a.End-1].End}
		m.Text = text[m.Start:m.End]
		out = append(out, m)
	}
	return out
}
