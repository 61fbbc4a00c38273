-- 0005: the full-text tables merge their segments only when 16 of a level
-- have piled up (FTS5's 'crisismerge'), not a little at every commit
-- ('automerge', 4 by default). A batch of ingest writes one segment per
-- table (0004); merging them four by four rewrote each term's postings
-- at every level: 15% of the storing stage's CPU on SaudiNewsNet.
-- Queries look at up to 15 segments a level instead of 3: a lookup of a
-- few pages each. What is indexed and found, and its bm25 rank, are
-- unchanged.

INSERT INTO articles_fts (articles_fts, rank) VALUES ('automerge', 0);
INSERT INTO events_fts (events_fts, rank) VALUES ('automerge', 0);
