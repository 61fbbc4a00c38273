package ingest

import (
	"bufio"
	"bytes"
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/mmcdole/gofeed"

	"rasid"
)

// shortSummary is the number of words under which a feed item's text is
// taken for a summary, worth replacing by the article it links to when
// fetching is on.
const shortSummary = 100

// feed reads an RSS or Atom feed: one document per item. A feed is parsed
// whole, so it must fit under MaxBytes.
func (r *reader) feed(s src, br *bufio.Reader) error {
	b, err := readCapped(br, r.opt.MaxBytes, "feed")
	if err != nil {
		return r.fail(s.name, err)
	}
	f, err := parseFeed(b)
	if err != nil {
		return r.fail(s.name, err)
	}
	if len(f.Items) == 0 {
		return r.fail(s.name, empty("feed has no items"))
	}
	outlet := strings.TrimSpace(htmlToText(f.Title))
	if outlet == "" {
		if u, err := url.Parse(f.Link); err == nil {
			outlet = u.Hostname()
		}
	}
	if outlet == "" {
		outlet = s.folder
	}
	for i, it := range f.Items {
		where := s.name + "#item" + strconv.Itoa(i+1)
		if it == nil {
			continue
		}
		d, err := r.feedItem(it)
		if err != nil {
			if e := r.fail(where, err); e != nil {
				return e
			}
			continue
		}
		if d.ID == "" {
			d.ID = s.stem + "#item" + strconv.Itoa(i+1)
		}
		d.Source = outlet
		if err := r.send(Item{Where: where, Doc: d}); err != nil {
			return err
		}
	}
	return nil
}

// parseFeed parses b with gofeed, turning a panic of the parser into an
// error.
func parseFeed(b []byte) (f *gofeed.Feed, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, malformed("not an RSS or Atom feed (%v)", p)
		}
	}()
	f, err = gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return nil, malformed("not an RSS or Atom feed: %v", err)
	}
	return f, nil
}

// feedItem makes a document of one item: its content, or else its
// description, as text; with fetching on, the linked article when the item
// carries no content and a description of fewer than shortSummary words.
func (r *reader) feedItem(it *gofeed.Item) (rasid.Document, error) {
	d := rasid.Document{
		ID:    strings.TrimSpace(it.GUID),
		URL:   strings.TrimSpace(it.Link),
		Title: htmlToText(it.Title),
		Text:  htmlToText(it.Content),
	}
	if d.Text == "" {
		d.Text = htmlToText(it.Description)
	}
	if d.ID == "" {
		d.ID = d.URL
	}
	switch {
	case it.PublishedParsed != nil && plausibleYear(*it.PublishedParsed):
		d.Published = *it.PublishedParsed
	case it.UpdatedParsed != nil && plausibleYear(*it.UpdatedParsed):
		d.Published = *it.UpdatedParsed
	}
	if r.opt.Fetch != nil && d.URL != "" && strings.TrimSpace(it.Content) == "" && len(strings.Fields(d.Text)) < shortSummary {
		pg, err := r.fetchPage(d.URL)
		if err != nil {
			return rasid.Document{}, err
		}
		if len(pg.text) > len(d.Text) {
			d.Text = pg.text
		}
		if d.Title == "" {
			d.Title = pg.title
		}
		if d.Published.IsZero() {
			d.Published = pg.published
		}
	}
	if d.Text == "" {
		return rasid.Document{}, empty("item has no content or description")
	}
	if d.Published.IsZero() {
		d.Published = r.opt.Published
	}
	return d, nil
}

// fetchPage fetches and extracts the article at u.
func (r *reader) fetchPage(u string) (page, error) {
	rc, err := r.opt.Fetch(r.ctx, u)
	if err != nil {
		return page{}, fmt.Errorf("fetching %s: %w", u, err)
	}
	defer rc.Close()
	b, err := readCapped(rc, r.opt.MaxBytes, "page")
	if err != nil {
		return page{}, fmt.Errorf("fetching %s: %w", u, err)
	}
	pg, err := extractHTML(b, "", u)
	if err != nil {
		return page{}, fmt.Errorf("fetching %s: %w", u, err)
	}
	return pg, nil
}
