-- 0003: the copy counts of an article are kept by the store's code, not
-- by triggers on sources. PutArticles inserts an article with the counts
-- of the copies it comes with, and AddSource updates them when it adds a
-- copy; the triggers recounted and rewrote the article's row after every
-- copy inserted, which cost as much as inserting the article.

DROP TRIGGER sources_count_insert;
DROP TRIGGER sources_count_delete;
