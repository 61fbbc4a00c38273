// Package ingest turns sources into rasid.Documents: plain text, JSONL,
// HTML pages, RSS and Atom feeds, WARC files and TREC-style XML, each
// possibly gzipped, from files, folders, standard input or feed URLs. It
// streams: documents are sent one at a time on a channel, so a large JSONL,
// WARC or TREC file is never held in memory whole, and a source that cannot
// be read is reported as an Item with an error, where and why, while the
// reading goes on.
//
// It also answers two questions the store asks of every document: which
// language is it in (Language), and has it been seen before, exactly or
// lightly edited (Dedup, ContentHash, SimHash).
//
// # Kinds of source
//
// The kind of a file is decided by its extension and, where that is
// ambiguous or missing (standard input, a URL, a .xml or .txt file), by
// sniffing its first bytes:
//
//	.txt            one article: ID is the file name without extension,
//	                Source the name of its folder; a .txt file that starts
//	                with <DOC> is TREC
//	.jsonl .ndjson  one item a line: {"id","published","text"} and
//	                optionally "url", "source", "title"
//	.html .htm      a web page: the article is extracted with readability,
//	                title and date come from meta tags and JSON-LD
//	.xml .rss .atom an RSS or Atom feed, one document per item (or TREC
//	                when it starts with <DOC>)
//	.warc           WARC (plain or with gzipped records, as Common Crawl
//	                writes them): the HTML responses with status 200
//	.gz             gzip of any of the above (detected by its magic bytes)
//
// A folder is walked recursively in lexical order; hidden files and
// folders, and files whose extension is none of the above (README.md,
// LICENSE, images), are skipped without a report. A file named explicitly
// is read whatever its extension.
//
// # Errors
//
// Problems with one source or one item are Items whose Err says what is
// wrong in words a user can act on; Where says where ("a.jsonl:12",
// "feed.xml#item3", "crawl.warc.gz@1234"). Print them as Where + ": " + Err.
// Err wraps one of ErrEmpty, ErrNotText, ErrTooLarge or ErrMalformed when
// the problem is of that kind, so a summary can count failures by reason.
//
// # Dates
//
// A document's Published time comes from the source (JSONL "published",
// TREC <TIME>, feed pubDate, page meta tags or JSON-LD, WARC-Date); when the
// source gives none, Options.Published is used. Dates without a zone are
// taken as UTC; slashed dates are day first (18/12/2016), as written in the
// Arabic press.
package ingest
