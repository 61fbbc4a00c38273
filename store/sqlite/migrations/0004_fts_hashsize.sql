-- 0004: the full-text tables keep up to 16 MiB of pending terms in memory
-- (FTS5's 'hashsize', 1 MiB by default) before writing them as a segment.
-- A transaction of 512 SaudiNewsNet articles holds 2-3 MiB of terms: with
-- the default, FTS5 wrote each batch as several segments and merged them
-- again (a third of the index's write cost); now a batch is one segment,
-- written at commit. The memory is taken only while a transaction writes.
-- What is indexed and found is unchanged.

INSERT INTO articles_fts (articles_fts, rank) VALUES ('hashsize', 16777216);
INSERT INTO events_fts (events_fts, rank) VALUES ('hashsize', 16777216);
