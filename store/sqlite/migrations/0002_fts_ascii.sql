-- 0002: the full-text tables tokenize with 'ascii' instead of 'unicode61'.
-- Their rows are analysed terms (store.Analyzer) joined by spaces, already
-- normalised, so all a tokenizer has to do is split on spaces: 'ascii'
-- does that, taking every non-ASCII character as part of a term, and
-- indexes about twice as fast as 'unicode61', which looks up the Unicode
-- class of every character. The tables are contentless: Open re-indexes
-- the stored articles and events in Go after this migration (reindexFTS).

DROP TRIGGER articles_fts_delete;
DROP TABLE articles_fts;
DROP TABLE events_fts;

CREATE VIRTUAL TABLE articles_fts USING fts5 (
	terms, content = '', contentless_delete = 1, tokenize = 'ascii'
);
CREATE VIRTUAL TABLE events_fts USING fts5 (
	terms, content = '', contentless_delete = 1, tokenize = 'ascii'
);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	DELETE FROM articles_fts WHERE rowid = OLD.pk;
END;
