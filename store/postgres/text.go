package postgres

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/jackc/pgx/v5/pgtype"

	"rasid/store"
)

// Limits of a tsvector in PostgreSQL (MAXSTRLEN, MAXNUMPOS, MAXENTRYPOS and
// MAXSTRPOS of ts_type.h).
const (
	maxLexeme      = 1<<11 - 1 // bytes of one lexeme
	maxPositions   = 256       // positions kept per lexeme
	maxPosition    = 1<<14 - 1 // a later position counts as this one
	maxLexemeBytes = 1<<20 - 1 // bytes of all the lexemes of a vector
)

// indexable reports whether a term becomes a lexeme: it holds a letter or
// a digit (terms of punctuation alone are left out, as the SQLite
// backend's tokenizer drops them), fits in a lexeme, and has no NUL (which
// ends a lexeme on the wire).
func indexable(t string) bool {
	return t != "" && len(t) <= maxLexeme && !strings.ContainsRune(t, 0) &&
		strings.ContainsFunc(t, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) })
}

// tsvector builds the vector of terms: each indexable term is a lexeme as
// it is (the analyser has normalised it already; PostgreSQL does not parse
// it again), with its positions, from 1, in terms. The server takes it in
// binary form, which wants the lexemes sorted by bytes and distinct and
// the positions of each rising.
func tsvector(terms []string) pgtype.TSVector {
	pos := make(map[string][]pgtype.TSVectorPosition, len(terms))
	var lexemes []string
	total := 0
	for i, t := range terms {
		if !indexable(t) {
			continue
		}
		p := uint16(min(i+1, maxPosition))
		ps, seen := pos[t]
		if !seen {
			if total+len(t) > maxLexemeBytes {
				continue // a text of over a megabyte of distinct words: the rest is not indexed
			}
			total += len(t)
			lexemes = append(lexemes, t)
		}
		if len(ps) < maxPositions && (len(ps) == 0 || ps[len(ps)-1].Position < p) {
			ps = append(ps, pgtype.TSVectorPosition{Position: p})
		}
		pos[t] = ps
	}
	slices.Sort(lexemes)
	v := pgtype.TSVector{Lexemes: make([]pgtype.TSVectorLexeme, len(lexemes)), Valid: true}
	for i, l := range lexemes {
		v.Lexemes[i] = pgtype.TSVectorLexeme{Word: l, Positions: pos[l]}
	}
	return v
}

// tsquery returns, in the text form of a tsquery, the query that matches
// a vector holding every indexable one of terms; "" when there is none.
// Each term is a quoted lexeme, taken as it is.
func tsquery(terms []string) string {
	var b strings.Builder
	for _, t := range terms {
		if !indexable(t) {
			continue
		}
		if b.Len() > 0 {
			b.WriteString(" & ")
		}
		b.WriteByte('\'')
		for _, r := range t {
			if r == '\'' || r == '\\' {
				b.WriteByte('\\')
			}
			b.WriteRune(r)
		}
		b.WriteByte('\'')
	}
	return b.String()
}

// maxKey bounds the fields PostgreSQL indexes in B-trees (content hash,
// outlet, actor codes), whose entries must fit in a third of a page.
const maxKey = 1000

// storable reports, as an EINVALID *Error, what of a (which passed
// Validate) PostgreSQL cannot store although SQLite can: a NUL byte or
// invalid UTF-8 in a text field (PostgreSQL's text holds neither), or a
// content hash, outlet or actor code longer than maxKey bytes.
func storable(a *store.Article) error {
	c := checker{id: a.ID}
	c.text("id", a.ID)
	c.text("url", a.URL)
	c.text("title", a.Title)
	c.text("text", a.Text)
	c.text("lang", a.Lang)
	c.key("source", a.Source)
	c.key("content hash", a.ContentHash)
	for i, s := range a.Sources {
		c.key(fmt.Sprintf("source %d", i), s)
	}
	for i, m := range a.Mentions {
		c.text(fmt.Sprintf("mention %d: text", i), m.Text)
		c.text(fmt.Sprintf("mention %d: code", i), m.Code)
		c.text(fmt.Sprintf("mention %d: role", i), m.Role)
		c.text(fmt.Sprintf("mention %d: kind", i), m.Kind)
	}
	for i, e := range a.Events {
		c.key(fmt.Sprintf("event %d: source", i), e.Source)
		c.key(fmt.Sprintf("event %d: target", i), e.Target)
		c.text(fmt.Sprintf("event %d: source role", i), e.SourceRole)
		c.text(fmt.Sprintf("event %d: source text", i), e.SourceText)
		c.text(fmt.Sprintf("event %d: target role", i), e.TargetRole)
		c.text(fmt.Sprintf("event %d: target text", i), e.TargetText)
		c.text(fmt.Sprintf("event %d: plover", i), e.Plover)
		c.text(fmt.Sprintf("event %d: evidence", i), store.EvidenceText(a, e))
	}
	return c.err
}

// checker keeps the first field of an article that PostgreSQL cannot
// store.
type checker struct {
	id  string
	err error
}

func (c *checker) text(field, s string) {
	switch {
	case c.err != nil:
	case strings.ContainsRune(s, 0):
		c.err = store.Errorf(store.EINVALID, "article %q: %s holds a NUL byte, which PostgreSQL cannot store", c.id, field)
	case !utf8.ValidString(s):
		c.err = store.Errorf(store.EINVALID, "article %q: %s is not valid UTF-8", c.id, field)
	}
}

func (c *checker) key(field, s string) {
	c.text(field, s)
	if c.err == nil && len(s) > maxKey {
		c.err = store.Errorf(store.EINVALID, "article %q: %s is longer than %d bytes", c.id, field, maxKey)
	}
}
