package ingest

import (
	"bufio"
	"bytes"
	"encoding/json"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"codeberg.org/readeck/go-readability/v2/render"
	"golang.org/x/net/html"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/charmap"

	"rasid"
)

// page is what is extracted from a web page.
type page struct {
	title     string
	text      string
	url       string // canonical URL, when the page gives one
	site      string // outlet name, when the page gives one
	published time.Time
}

// htmlFile reads a web page saved as a file.
func (r *reader) htmlFile(s src, br *bufio.Reader) error {
	if s.size > r.opt.MaxBytes {
		return r.fail(s.name, tooLarge("page", r.opt.MaxBytes))
	}
	b, err := readCapped(br, r.opt.MaxBytes, "page")
	if err != nil {
		return r.fail(s.name, err)
	}
	pageURL := ""
	if strings.HasPrefix(s.name, "http://") || strings.HasPrefix(s.name, "https://") {
		pageURL = s.name // a page given as a source
	}
	pg, err := extractHTML(b, "", pageURL)
	if err != nil {
		return r.fail(s.name, err)
	}
	d := rasid.Document{
		ID:        s.stem,
		URL:       pg.url,
		Source:    pg.site,
		Title:     pg.title,
		Published: pg.published,
		Text:      pg.text,
	}
	if d.Source == "" {
		d.Source = s.folder
	}
	if d.Published.IsZero() {
		d.Published = r.opt.Published
	}
	return r.send(Item{Where: s.name, Doc: d})
}

// maxElements bounds the elements of a page given to readability, whose
// scoring grows faster than the page; a larger page is read as plain text.
const maxElements = 50000

// extractHTML decodes a page (charset from contentType, the page's meta
// tags, or a guess that prefers windows-1256 for Arabic), reads its
// metadata and extracts the article text with readability. pageURL, when
// known, resolves relative links.
func extractHTML(b []byte, contentType, pageURL string) (pg page, err error) {
	defer func() {
		if p := recover(); p != nil { // a bug in a library must not stop a crawl
			pg, err = page{}, malformed("page could not be parsed (%v)", p)
		}
	}()
	root, err := html.Parse(bytes.NewReader(decodeHTML(b, contentType)))
	if err != nil {
		return page{}, malformed("page could not be parsed: %v", err)
	}
	meta := readMeta(root)
	pg = page{title: meta.title, url: meta.url, site: meta.site, published: meta.published}

	var u *url.URL
	if pageURL != "" {
		u, _ = url.Parse(pageURL)
	}
	if pg.url == "" {
		pg.url = pageURL
	}
	if meta.elements <= maxElements {
		p := readability.NewParser()
		if art, err := p.ParseAndMutate(root, u); err == nil {
			if art.Node != nil {
				var sb strings.Builder
				if art.RenderText(&sb) == nil {
					pg.text = sb.String()
				}
			}
			if pg.title == "" {
				pg.title = strings.TrimSpace(art.Title())
			}
			if pg.published.IsZero() {
				if t, err := art.PublishedTime(); err == nil && plausibleYear(t) {
					pg.published = t
				}
			}
			if pg.site == "" {
				pg.site = strings.TrimSpace(art.SiteName())
			}
		}
	}
	if strings.TrimSpace(pg.text) == "" && meta.body != nil {
		pg.text = render.InnerText(meta.body)
	}
	pg.text = strings.TrimSpace(pg.text)
	if pg.text == "" {
		return page{}, empty("no article text found in the page")
	}
	if pg.title == "" {
		pg.title = meta.docTitle
	}
	return pg, nil
}

func plausibleYear(t time.Time) bool { return t.Year() >= 1800 && t.Year() <= 2200 }

// decodeHTML returns the page as UTF-8. The encoding is the one the
// Content-Type or the page declares; a page that declares none and is not
// UTF-8 is tried as windows-1256 before the HTML5 default, windows-1252,
// since an Arabic page without a declaration is far likelier to be 1256.
func decodeHTML(b []byte, contentType string) []byte {
	enc, name, certain := charset.DetermineEncoding(b, contentType)
	if !certain && !utf8.Valid(b) {
		if s, ok := decode1256(b); ok {
			return []byte(s)
		}
	}
	if name == "utf-8" || enc == nil {
		return b
	}
	if name == "windows-1256" {
		enc = charmap.Windows1256
	}
	out, err := enc.NewDecoder().Bytes(b)
	if err != nil {
		return b
	}
	return out
}

// htmlMeta is what a page says about itself.
type htmlMeta struct {
	title     string // og:title, twitter:title, JSON-LD headline
	docTitle  string // <title>
	url       string
	site      string
	published time.Time
	body      *html.Node
	elements  int
}

// Names of meta tags that hold the publication time, in order of trust.
var dateMetas = []string{
	"article:published_time", "og:article:published_time", "og:published_time",
	"datepublished", "date", "pubdate", "publishdate", "publish-date",
	"publish_date", "publication_date", "published_time", "article.published",
	"dc.date.issued", "dc.date", "dcterms.issued", "dcterms.created",
	"dcterms.date", "sailthru.date", "parsely-pub-date", "cxenseparse:recs:publishtime",
}

// readMeta walks the page once for its metadata: meta tags (og:*,
// article:*, dc.*, date), JSON-LD (datePublished, headline, publisher),
// the canonical link, <title> and <time itemprop="datePublished">.
func readMeta(root *html.Node) htmlMeta {
	var m htmlMeta
	metas := map[string]string{}
	var ld ldInfo
	var timeTag string
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			m.elements++
			switch n.Data {
			case "meta":
				content := strings.TrimSpace(attr(n, "content"))
				for _, k := range []string{"property", "name", "itemprop"} {
					if key := strings.ToLower(strings.TrimSpace(attr(n, k))); key != "" && content != "" {
						if _, seen := metas[key]; !seen {
							metas[key] = content
						}
					}
				}
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && m.url == "" {
					m.url = strings.TrimSpace(attr(n, "href"))
				}
			case "title":
				if m.docTitle == "" && n.FirstChild != nil && n.FirstChild.Type == html.TextNode {
					m.docTitle = strings.TrimSpace(n.FirstChild.Data)
				}
			case "script":
				if strings.Contains(strings.ToLower(attr(n, "type")), "ld+json") && n.FirstChild != nil {
					ld.add(n.FirstChild.Data)
				}
			case "time":
				if timeTag == "" && (strings.EqualFold(attr(n, "itemprop"), "datePublished") || hasAttr(n, "pubdate")) {
					timeTag = attr(n, "datetime")
				}
			case "body":
				if m.body == nil {
					m.body = n
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)

	candidates := []string{ld.published}
	for _, k := range dateMetas {
		candidates = append(candidates, metas[k])
	}
	candidates = append(candidates, timeTag)
	for _, c := range candidates {
		if t, err := parseDate(c); err == nil {
			m.published = t
			break
		}
	}
	m.title = firstOf(metas["og:title"], ld.headline, metas["twitter:title"], metas["dc.title"])
	m.site = firstOf(metas["og:site_name"], ld.publisher, metas["application-name"])
	if u := metas["og:url"]; u != "" {
		m.url = u
	}
	return m
}

// ldInfo gathers the first values found in the page's JSON-LD blocks.
type ldInfo struct{ published, headline, publisher string }

func (ld *ldInfo) add(script string) {
	var v any
	if json.Unmarshal([]byte(script), &v) != nil {
		return
	}
	ld.walk(v, 0)
}

// walk looks into objects, arrays and @graph for datePublished, headline
// and publisher.name, depth first, up to a sane depth.
func (ld *ldInfo) walk(v any, depth int) {
	if depth > 8 {
		return
	}
	switch v := v.(type) {
	case []any:
		for _, e := range v {
			ld.walk(e, depth+1)
		}
	case map[string]any:
		if s, ok := v["datePublished"].(string); ok && ld.published == "" {
			ld.published = s
		}
		if s, ok := v["headline"].(string); ok && ld.headline == "" {
			ld.headline = strings.TrimSpace(s)
		}
		if p, ok := v["publisher"].(map[string]any); ok && ld.publisher == "" {
			if s, ok := p["name"].(string); ok {
				ld.publisher = strings.TrimSpace(s)
			}
		}
		for _, k := range []string{"@graph", "mainEntity", "mainEntityOfPage"} {
			if e, ok := v[k]; ok {
				ld.walk(e, depth+1)
			}
		}
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return a.Val
		}
	}
	return ""
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if strings.EqualFold(a.Key, key) {
			return true
		}
	}
	return false
}

func firstOf(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

// htmlToText returns the text of an HTML fragment (a feed item's content),
// with block elements as line breaks. A fragment without markup is only
// unescaped.
func htmlToText(s string) (txt string) {
	if !strings.Contains(s, "<") {
		return strings.TrimSpace(html.UnescapeString(s))
	}
	defer func() {
		if recover() != nil {
			txt = ""
		}
	}()
	root, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return ""
	}
	return strings.TrimSpace(render.InnerText(root))
}
