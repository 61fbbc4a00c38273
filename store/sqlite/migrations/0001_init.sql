-- 0001: articles, their copies at other outlets, mentions, events, full-text
-- indexes, and the rollups the dashboards read.

-- One row per stored article. pk is the internal key the other tables
-- reference; id is rasid.Document.ID.
CREATE TABLE articles (
	pk           INTEGER PRIMARY KEY,
	id           TEXT    NOT NULL UNIQUE,
	url          TEXT    NOT NULL DEFAULT '',
	source       TEXT    NOT NULL DEFAULT '',  -- the outlet of the document
	title        TEXT    NOT NULL DEFAULT '',
	published    TEXT    NOT NULL DEFAULT '',  -- RFC 3339, '' when unknown
	text         TEXT    NOT NULL DEFAULT '',
	lang         TEXT    NOT NULL DEFAULT '',
	content_hash TEXT    NOT NULL DEFAULT '',
	simhash      INTEGER NOT NULL DEFAULT 0,   -- uint64 bits as int64; 0 = none
	-- The four 16-bit bands of simhash, NULL when there is none.
	band0        INTEGER,
	band1        INTEGER,
	band2        INTEGER,
	band3        INTEGER,
	-- Maintained by the triggers on sources.
	num_sources  INTEGER NOT NULL DEFAULT 0,   -- distinct non-empty outlets
	num_articles INTEGER NOT NULL DEFAULT 1,   -- copies, at least 1
	created_at   TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
);
CREATE UNIQUE INDEX articles_content_hash ON articles (content_hash) WHERE content_hash <> '';
CREATE INDEX articles_band0 ON articles (band0) WHERE band0 IS NOT NULL;
CREATE INDEX articles_band1 ON articles (band1) WHERE band1 IS NOT NULL;
CREATE INDEX articles_band2 ON articles (band2) WHERE band2 IS NOT NULL;
CREATE INDEX articles_band3 ON articles (band3) WHERE band3 IS NOT NULL;

-- Every copy of an article: the outlet that carried it and where ('' when
-- unknown).
CREATE TABLE sources (
	article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
	source     TEXT    NOT NULL,
	url        TEXT    NOT NULL DEFAULT '',
	PRIMARY KEY (article_pk, source, url)
) WITHOUT ROWID;
CREATE INDEX sources_source ON sources (source);

CREATE TRIGGER sources_count_insert AFTER INSERT ON sources BEGIN
	UPDATE articles SET
		num_articles = max(1, (SELECT count(*) FROM sources WHERE article_pk = NEW.article_pk)),
		num_sources = (SELECT count(DISTINCT source) FROM sources WHERE article_pk = NEW.article_pk AND source <> '')
	WHERE pk = NEW.article_pk;
END;
CREATE TRIGGER sources_count_delete AFTER DELETE ON sources BEGIN
	UPDATE articles SET
		num_articles = max(1, (SELECT count(*) FROM sources WHERE article_pk = OLD.article_pk)),
		num_sources = (SELECT count(DISTINCT source) FROM sources WHERE article_pk = OLD.article_pk AND source <> '')
	WHERE pk = OLD.article_pk;
END;

-- Actor mentions, in the order the coder gave them.
CREATE TABLE mentions (
	article_pk INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	text       TEXT    NOT NULL,
	code       TEXT    NOT NULL,
	role       TEXT    NOT NULL DEFAULT '',
	kind       TEXT    NOT NULL DEFAULT '',
	start      INTEGER NOT NULL,
	"end"      INTEGER NOT NULL,
	PRIMARY KEY (article_pk, seq)
) WITHOUT ROWID;

-- Coded events. day is the first day of date (or the article's
-- publication day when date is ''), '' when unknown: every filter, order
-- and rollup uses it.
CREATE TABLE events (
	id             INTEGER PRIMARY KEY,
	article_pk     INTEGER NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
	seq            INTEGER NOT NULL,
	source         TEXT    NOT NULL DEFAULT '',
	source_role    TEXT    NOT NULL DEFAULT '',
	source_text    TEXT    NOT NULL DEFAULT '',
	target         TEXT    NOT NULL DEFAULT '',
	target_role    TEXT    NOT NULL DEFAULT '',
	target_text    TEXT    NOT NULL DEFAULT '',
	code           TEXT    NOT NULL,
	root           TEXT    NOT NULL,
	quad_class     INTEGER NOT NULL DEFAULT 0,
	goldstein      REAL    NOT NULL DEFAULT 0,
	plover         TEXT    NOT NULL DEFAULT '',
	date           TEXT    NOT NULL DEFAULT '',
	day            TEXT    NOT NULL DEFAULT '',
	date_precision TEXT    NOT NULL DEFAULT '',
	historical     INTEGER NOT NULL DEFAULT 0,
	symmetric      INTEGER NOT NULL DEFAULT 0,
	sentence       INTEGER NOT NULL DEFAULT 0,
	evidence_start INTEGER NOT NULL DEFAULT 0,
	evidence_end   INTEGER NOT NULL DEFAULT 0,
	evidence_text  TEXT    NOT NULL DEFAULT '',
	confidence     REAL    NOT NULL DEFAULT 0
);
-- Each index ends with day so that a filter on its first columns reads
-- the events already in the order of a page (day DESC, then id, which
-- every index holds last).
CREATE INDEX events_article ON events (article_pk);
CREATE INDEX events_source_target_day ON events (source, target, day);
CREATE INDEX events_target_source_day ON events (target, source, day);
CREATE INDEX events_source_day ON events (source, day);
CREATE INDEX events_target_day ON events (target, day);
CREATE INDEX events_day ON events (day);
CREATE INDEX events_root_day ON events (root, day);
CREATE INDEX events_quad_class_day ON events (quad_class, day);

-- Full text over analysed terms (store.Analyzer), contentless: the rowid
-- is articles.pk (title and text) or events.id (evidence text).
CREATE VIRTUAL TABLE articles_fts USING fts5 (
	terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE VIRTUAL TABLE events_fts USING fts5 (
	terms, content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 0'
);
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	DELETE FROM articles_fts WHERE rowid = OLD.pk;
END;

-- Rollups kept by triggers, so that timelines, the network, actors and
-- stats read thousands of rows instead of millions of events: per
-- directed dyad (codes may be '') per day, per month and in all, and per
-- root per month. An event without a day counts under day and month ''.
CREATE TABLE dyad_days (
	source    TEXT    NOT NULL,
	target    TEXT    NOT NULL,
	day       TEXT    NOT NULL,
	events    INTEGER NOT NULL,
	goldstein REAL    NOT NULL,
	q1        INTEGER NOT NULL,
	q2        INTEGER NOT NULL,
	q3        INTEGER NOT NULL,
	q4        INTEGER NOT NULL,
	PRIMARY KEY (source, target, day)
) WITHOUT ROWID;
CREATE INDEX dyad_days_day ON dyad_days (day);

CREATE TABLE dyad_months (
	source    TEXT    NOT NULL,
	target    TEXT    NOT NULL,
	month     TEXT    NOT NULL,  -- YYYY-MM
	events    INTEGER NOT NULL,
	goldstein REAL    NOT NULL,
	PRIMARY KEY (month, source, target)
) WITHOUT ROWID;

CREATE TABLE dyads (
	source    TEXT    NOT NULL,
	target    TEXT    NOT NULL,
	events    INTEGER NOT NULL,
	goldstein REAL    NOT NULL,
	PRIMARY KEY (source, target)
) WITHOUT ROWID;

CREATE TABLE root_months (
	month  TEXT    NOT NULL,  -- YYYY-MM of day, '' when unknown
	root   TEXT    NOT NULL,
	events INTEGER NOT NULL,
	PRIMARY KEY (month, root)
) WITHOUT ROWID;

CREATE TRIGGER events_rollup_insert AFTER INSERT ON events BEGIN
	INSERT INTO dyad_days (source, target, day, events, goldstein, q1, q2, q3, q4)
	VALUES (NEW.source, NEW.target, NEW.day, 1, NEW.goldstein,
		NEW.quad_class = 1, NEW.quad_class = 2, NEW.quad_class = 3, NEW.quad_class = 4)
	ON CONFLICT (source, target, day) DO UPDATE SET
		events = events + 1,
		goldstein = goldstein + excluded.goldstein,
		q1 = q1 + excluded.q1, q2 = q2 + excluded.q2,
		q3 = q3 + excluded.q3, q4 = q4 + excluded.q4;
	INSERT INTO dyad_months (source, target, month, events, goldstein)
	VALUES (NEW.source, NEW.target, substr(NEW.day, 1, 7), 1, NEW.goldstein)
	ON CONFLICT (month, source, target) DO UPDATE SET
		events = events + 1, goldstein = goldstein + excluded.goldstein;
	INSERT INTO dyads (source, target, events, goldstein)
	VALUES (NEW.source, NEW.target, 1, NEW.goldstein)
	ON CONFLICT (source, target) DO UPDATE SET
		events = events + 1, goldstein = goldstein + excluded.goldstein;
	INSERT INTO root_months (month, root, events)
	VALUES (substr(NEW.day, 1, 7), NEW.root, 1)
	ON CONFLICT (month, root) DO UPDATE SET events = events + 1;
END;

CREATE TRIGGER events_rollup_delete AFTER DELETE ON events BEGIN
	UPDATE dyad_days SET
		events = events - 1,
		goldstein = goldstein - OLD.goldstein,
		q1 = q1 - (OLD.quad_class = 1), q2 = q2 - (OLD.quad_class = 2),
		q3 = q3 - (OLD.quad_class = 3), q4 = q4 - (OLD.quad_class = 4)
	WHERE source = OLD.source AND target = OLD.target AND day = OLD.day;
	DELETE FROM dyad_days
	WHERE source = OLD.source AND target = OLD.target AND day = OLD.day AND events <= 0;
	UPDATE dyad_months SET events = events - 1, goldstein = goldstein - OLD.goldstein
	WHERE month = substr(OLD.day, 1, 7) AND source = OLD.source AND target = OLD.target;
	DELETE FROM dyad_months
	WHERE month = substr(OLD.day, 1, 7) AND source = OLD.source AND target = OLD.target AND events <= 0;
	UPDATE dyads SET events = events - 1, goldstein = goldstein - OLD.goldstein
	WHERE source = OLD.source AND target = OLD.target;
	DELETE FROM dyads WHERE source = OLD.source AND target = OLD.target AND events <= 0;
	UPDATE root_months SET events = events - 1
	WHERE month = substr(OLD.day, 1, 7) AND root = OLD.root;
	DELETE FROM root_months
	WHERE month = substr(OLD.day, 1, 7) AND root = OLD.root AND events <= 0;
	DELETE FROM events_fts WHERE rowid = OLD.id;
END;
