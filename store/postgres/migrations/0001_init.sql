-- 0001: articles, their copies at other outlets, mentions, events
-- partitioned by month, full-text vectors, and the rollups the dashboards
-- read.
--
-- Columns that are compared, sorted or grouped (ids, codes, outlets,
-- months) use the "C" collation: byte order, as in the SQLite backend,
-- whatever the database's locale, and cheaper comparisons.

-- One row per stored article. pk is the internal key the other tables
-- reference; id is rasid.Document.ID.
CREATE TABLE articles (
	pk               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id               text COLLATE "C" NOT NULL UNIQUE,
	url              text NOT NULL DEFAULT '',
	source           text COLLATE "C" NOT NULL DEFAULT '',  -- the outlet of the document
	title            text NOT NULL DEFAULT '',
	published        timestamptz,                           -- NULL when unknown
	published_offset integer NOT NULL DEFAULT 0,            -- its zone's offset east of UTC, seconds
	text             text NOT NULL DEFAULT '',
	lang             text NOT NULL DEFAULT '',
	content_hash     text COLLATE "C" NOT NULL DEFAULT '',
	simhash          bigint NOT NULL DEFAULT 0,             -- uint64 bits as int64; 0 = none
	-- The four 16-bit bands of simhash, NULL when there is none.
	band0            integer,
	band1            integer,
	band2            integer,
	band3            integer,
	-- Maintained by the triggers on sources.
	num_sources      integer NOT NULL DEFAULT 0,            -- distinct non-empty outlets
	num_articles     integer NOT NULL DEFAULT 1,            -- copies, at least 1
	-- The store.Analyzer's terms of the title and text, with positions.
	terms            tsvector NOT NULL,
	created_at       timestamptz NOT NULL DEFAULT now()
);
-- Both unique indexes are arbiters of PutArticles' INSERT … ON CONFLICT DO
-- NOTHING: two writers storing one article (by id or content hash) at once
-- end with one row.
CREATE UNIQUE INDEX articles_content_hash ON articles (content_hash) WHERE content_hash <> '';
CREATE INDEX articles_band0 ON articles (band0) WHERE band0 IS NOT NULL;
CREATE INDEX articles_band1 ON articles (band1) WHERE band1 IS NOT NULL;
CREATE INDEX articles_band2 ON articles (band2) WHERE band2 IS NOT NULL;
CREATE INDEX articles_band3 ON articles (band3) WHERE band3 IS NOT NULL;
CREATE INDEX articles_terms ON articles USING gin (terms);

-- Every copy of an article: the outlet that carried it and where ('' when
-- unknown). A URL may be longer than a B-tree entry: the key holds its
-- md5.
CREATE TABLE sources (
	article_pk bigint NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
	source     text COLLATE "C" NOT NULL,
	url        text COLLATE "C" NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX sources_key ON sources (article_pk, source, md5(url));
-- Stats counts the distinct outlets by skipping through this index.
CREATE INDEX sources_source ON sources (source);

-- Actor mentions, in the order the coder gave them.
CREATE TABLE mentions (
	article_pk bigint NOT NULL REFERENCES articles (pk) ON DELETE CASCADE,
	seq        integer NOT NULL,
	text       text NOT NULL,
	code       text COLLATE "C" NOT NULL,
	role       text NOT NULL DEFAULT '',
	kind       text NOT NULL DEFAULT '',
	start      integer NOT NULL,
	"end"      integer NOT NULL,
	PRIMARY KEY (article_pk, seq)
);

-- Coded events, partitioned by month of day: the first day of date (or
-- the article's publication day when date is ''), '-infinity' when
-- unknown, so that undated events sort after every dated one. Every
-- filter, order and rollup uses day. Monthly partitions (events_yYYYYmMM)
-- are attached by the program the first time a batch holds an event of
-- their month; undated events have a partition of their own.
--
-- There is no DEFAULT partition: PostgreSQL cannot read the partitions in
-- order (a page of the newest events from the newest partition alone)
-- when one may hold any day, and attaching a month would lock it. An
-- event of a month without its partition fails to insert, and the program
-- creates the partition and tries again.
--
-- id comes from one identity sequence, so it is unique across partitions
-- (a unique index would have to hold day). There is no foreign key to
-- articles: PutArticles writes an article's events in the transaction that
-- inserts the article, a statement trigger on articles deletes them with
-- it, and attaching a partition would otherwise lock articles against
-- every writer while it validates the key.
CREATE TABLE events (
	id             bigint GENERATED ALWAYS AS IDENTITY,
	article_pk     bigint NOT NULL,
	seq            integer NOT NULL,
	source         text COLLATE "C" NOT NULL DEFAULT '',
	source_role    text NOT NULL DEFAULT '',
	source_text    text NOT NULL DEFAULT '',
	target         text COLLATE "C" NOT NULL DEFAULT '',
	target_role    text NOT NULL DEFAULT '',
	target_text    text NOT NULL DEFAULT '',
	code           text COLLATE "C" NOT NULL,
	root           text COLLATE "C" NOT NULL,
	quad_class     smallint NOT NULL DEFAULT 0,
	goldstein      double precision NOT NULL DEFAULT 0,
	plover         text NOT NULL DEFAULT '',
	date           text NOT NULL DEFAULT '',
	day            date NOT NULL,
	date_precision text NOT NULL DEFAULT '',
	historical     boolean NOT NULL DEFAULT false,
	"symmetric"    boolean NOT NULL DEFAULT false,
	sentence       integer NOT NULL DEFAULT 0,
	evidence_start integer NOT NULL DEFAULT 0,
	evidence_end   integer NOT NULL DEFAULT 0,
	evidence_text  text NOT NULL DEFAULT '',
	confidence     double precision NOT NULL DEFAULT 0,
	-- The analysed terms of evidence_text, NULL when it has none.
	terms          tsvector
) PARTITION BY RANGE (day);
CREATE TABLE events_undated PARTITION OF events FOR VALUES FROM (MINVALUE) TO ('0001-01-01');

-- Each index that serves a filter ends with (day, id): a page (day DESC,
-- id DESC) is read in order from the end of the newest partitions'
-- indexes.
CREATE INDEX events_id ON events (id);
CREATE INDEX events_article ON events (article_pk);
CREATE INDEX events_day ON events (day, id);
CREATE INDEX events_source_target_day ON events (source, target, day, id);
CREATE INDEX events_source_day ON events (source, day, id);
CREATE INDEX events_target_day ON events (target, day, id);
CREATE INDEX events_root_day ON events (root, day, id);
CREATE INDEX events_quad_class_day ON events (quad_class, day, id);
CREATE INDEX events_terms ON events USING gin (terms);

-- Rollups kept by statement triggers (one aggregated upsert per table and
-- statement, so a COPY of a batch costs a GROUP BY, not a row each), so that
-- timelines, the network, actors and stats read thousands of rows instead
-- of millions of events: per directed dyad (codes may be '') per day and
-- per month (dated events only), per dyad in all, per root per month
-- ('' for undated events), and the articles (in shards, so that concurrent
-- writers rarely want the same row). Writers share rollup rows, which an
-- upsert locks until the commit: PutArticles copies the events last, so
-- that it holds them only while it commits. The upserts go in key order,
-- so two writers lock shared rows in the same order and cannot deadlock on
-- them.
CREATE TABLE dyad_days (
	source    text COLLATE "C" NOT NULL,
	target    text COLLATE "C" NOT NULL,
	day       date NOT NULL,
	events    bigint NOT NULL,
	goldstein double precision NOT NULL,
	q1        bigint NOT NULL,
	q2        bigint NOT NULL,
	q3        bigint NOT NULL,
	q4        bigint NOT NULL,
	PRIMARY KEY (source, target, day)
);
CREATE INDEX dyad_days_day ON dyad_days (day);

CREATE TABLE dyad_months (
	source    text COLLATE "C" NOT NULL,
	target    text COLLATE "C" NOT NULL,
	month     text COLLATE "C" NOT NULL,  -- YYYY-MM
	events    bigint NOT NULL,
	goldstein double precision NOT NULL,
	PRIMARY KEY (month, source, target)
);

CREATE TABLE dyads (
	source    text COLLATE "C" NOT NULL,
	target    text COLLATE "C" NOT NULL,
	events    bigint NOT NULL,
	goldstein double precision NOT NULL,
	PRIMARY KEY (source, target)
);

CREATE TABLE root_months (
	month  text COLLATE "C" NOT NULL,  -- YYYY-MM of day, '' when unknown
	root   text COLLATE "C" NOT NULL,
	events bigint NOT NULL,
	PRIMARY KEY (month, root)
);

CREATE TABLE article_counts (
	shard    integer PRIMARY KEY,
	articles bigint NOT NULL
);

-- The trigger functions plan their statements as PostgreSQL chooses
-- (plan_cache_mode = auto), not once for all as the store's own queries
-- (see Open): a transition table holds one row or thousands.
CREATE FUNCTION events_rollup_insert() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = auto AS $$
BEGIN
	INSERT INTO dyad_days AS r (source, target, day, events, goldstein, q1, q2, q3, q4)
	SELECT source, target, day, count(*), sum(goldstein),
		count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
		count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4)
	FROM new_events WHERE isfinite(day) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
	ON CONFLICT (source, target, day) DO UPDATE SET
		events = r.events + excluded.events, goldstein = r.goldstein + excluded.goldstein,
		q1 = r.q1 + excluded.q1, q2 = r.q2 + excluded.q2, q3 = r.q3 + excluded.q3, q4 = r.q4 + excluded.q4;

	INSERT INTO dyad_months AS r (month, source, target, events, goldstein)
	SELECT to_char(day, 'YYYY-MM'), source, target, count(*), sum(goldstein)
	FROM new_events WHERE isfinite(day) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
	ON CONFLICT (month, source, target) DO UPDATE SET
		events = r.events + excluded.events, goldstein = r.goldstein + excluded.goldstein;

	INSERT INTO dyads AS r (source, target, events, goldstein)
	SELECT source, target, count(*), sum(goldstein)
	FROM new_events GROUP BY 1, 2 ORDER BY 1, 2
	ON CONFLICT (source, target) DO UPDATE SET
		events = r.events + excluded.events, goldstein = r.goldstein + excluded.goldstein;

	INSERT INTO root_months AS r (month, root, events)
	SELECT CASE WHEN isfinite(day) THEN to_char(day, 'YYYY-MM') ELSE '' END, root, count(*)
	FROM new_events GROUP BY 1, 2 ORDER BY 1, 2
	ON CONFLICT (month, root) DO UPDATE SET events = r.events + excluded.events;
	RETURN NULL;
END $$;

CREATE FUNCTION events_rollup_delete() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = auto AS $$
BEGIN
	UPDATE dyad_days r SET
		events = r.events - o.events, goldstein = r.goldstein - o.goldstein,
		q1 = r.q1 - o.q1, q2 = r.q2 - o.q2, q3 = r.q3 - o.q3, q4 = r.q4 - o.q4
	FROM (SELECT source, target, day, count(*) AS events, sum(goldstein) AS goldstein,
			count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
			count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
		FROM old_events WHERE isfinite(day) GROUP BY 1, 2, 3) o
	WHERE r.source = o.source AND r.target = o.target AND r.day = o.day;
	DELETE FROM dyad_days r USING (SELECT DISTINCT source, target, day FROM old_events WHERE isfinite(day)) o
	WHERE r.source = o.source AND r.target = o.target AND r.day = o.day AND r.events <= 0;

	UPDATE dyad_months r SET events = r.events - o.events, goldstein = r.goldstein - o.goldstein
	FROM (SELECT to_char(day, 'YYYY-MM') AS month, source, target, count(*) AS events, sum(goldstein) AS goldstein
		FROM old_events WHERE isfinite(day) GROUP BY 1, 2, 3) o
	WHERE r.month = o.month AND r.source = o.source AND r.target = o.target;
	DELETE FROM dyad_months r USING (SELECT DISTINCT to_char(day, 'YYYY-MM') AS month, source, target FROM old_events WHERE isfinite(day)) o
	WHERE r.month = o.month AND r.source = o.source AND r.target = o.target AND r.events <= 0;

	UPDATE dyads r SET events = r.events - o.events, goldstein = r.goldstein - o.goldstein
	FROM (SELECT source, target, count(*) AS events, sum(goldstein) AS goldstein
		FROM old_events GROUP BY 1, 2) o
	WHERE r.source = o.source AND r.target = o.target;
	DELETE FROM dyads r USING (SELECT DISTINCT source, target FROM old_events) o
	WHERE r.source = o.source AND r.target = o.target AND r.events <= 0;

	UPDATE root_months r SET events = r.events - o.events
	FROM (SELECT CASE WHEN isfinite(day) THEN to_char(day, 'YYYY-MM') ELSE '' END AS month, root, count(*) AS events
		FROM old_events GROUP BY 1, 2) o
	WHERE r.month = o.month AND r.root = o.root;
	DELETE FROM root_months r USING (SELECT DISTINCT CASE WHEN isfinite(day) THEN to_char(day, 'YYYY-MM') ELSE '' END AS month, root FROM old_events) o
	WHERE r.month = o.month AND r.root = o.root AND r.events <= 0;
	RETURN NULL;
END $$;

CREATE TRIGGER events_rollup_insert AFTER INSERT ON events
	REFERENCING NEW TABLE AS new_events FOR EACH STATEMENT EXECUTE FUNCTION events_rollup_insert();
CREATE TRIGGER events_rollup_delete AFTER DELETE ON events
	REFERENCING OLD TABLE AS old_events FOR EACH STATEMENT EXECUTE FUNCTION events_rollup_delete();

-- The copies of an article are counted on it.
CREATE FUNCTION sources_count() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = auto AS $$
BEGIN
	-- PutArticles inserts articles with their counts right: they are
	-- written once, not twice.
	UPDATE articles a SET num_articles = greatest(1, c.copies), num_sources = c.outlets
	FROM (SELECT k.article_pk, count(s.article_pk) AS copies,
			count(DISTINCT s.source) FILTER (WHERE s.source <> '') AS outlets
		FROM (SELECT DISTINCT article_pk FROM changed_sources) k
		LEFT JOIN sources s ON s.article_pk = k.article_pk
		GROUP BY k.article_pk) c
	WHERE a.pk = c.article_pk
		AND (a.num_articles <> greatest(1, c.copies) OR a.num_sources <> c.outlets);
	RETURN NULL;
END $$;

CREATE TRIGGER sources_count_insert AFTER INSERT ON sources
	REFERENCING NEW TABLE AS changed_sources FOR EACH STATEMENT EXECUTE FUNCTION sources_count();
CREATE TRIGGER sources_count_delete AFTER DELETE ON sources
	REFERENCING OLD TABLE AS changed_sources FOR EACH STATEMENT EXECUTE FUNCTION sources_count();

CREATE FUNCTION articles_count() RETURNS trigger LANGUAGE plpgsql SET plan_cache_mode = auto AS $$
DECLARE
	n bigint;
BEGIN
	IF TG_OP = 'INSERT' THEN
		SELECT count(*) INTO n FROM changed_articles;
	ELSE
		SELECT -count(*) INTO n FROM changed_articles;
		-- Events have no foreign key (see events): delete them here.
		DELETE FROM events WHERE article_pk IN (SELECT pk FROM changed_articles);
	END IF;
	IF n <> 0 THEN
		INSERT INTO article_counts AS r (shard, articles) VALUES (floor(random() * 64)::integer, n)
		ON CONFLICT (shard) DO UPDATE SET articles = r.articles + excluded.articles;
	END IF;
	RETURN NULL;
END $$;

CREATE TRIGGER articles_count_insert AFTER INSERT ON articles
	REFERENCING NEW TABLE AS changed_articles FOR EACH STATEMENT EXECUTE FUNCTION articles_count();
CREATE TRIGGER articles_count_delete AFTER DELETE ON articles
	REFERENCING OLD TABLE AS changed_articles FOR EACH STATEMENT EXECUTE FUNCTION articles_count();
