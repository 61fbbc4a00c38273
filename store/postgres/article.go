package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgtype"

	"rasid"
	"rasid/store"
)

// PutArticle implements store.Store.
func (db *DB) PutArticle(ctx context.Context, a store.Article) (string, bool, error) {
	res, err := db.PutArticles(ctx, []store.Article{a})
	if err != nil {
		return "", false, err
	}
	return res[0].ID, res[0].Created, nil
}

// PrepareArticle implements store.Preparer.
func (db *DB) PrepareArticle(a *store.Article) {
	a.Terms = store.AnalyzeArticle(db.analyze, a)
}

// prepared is what PutArticles works out for an article it may insert,
// before its transaction: the search vectors and the days of the events.
type prepared struct {
	sources  []string          // the outlets of its copies besides its own (each with an unknown url)
	terms    pgtype.TSVector   // of the title and text
	evidence []pgtype.TSVector // per event; not Valid when it has no terms
	days     []pgtype.Date     // per event; -infinity when unknown
	months   []string          // YYYY-MM of the days, distinct
}

func (db *DB) prepare(a *store.Article) *prepared {
	p := db.prepareCoding(a)
	if t := store.TermsOf(a); t != nil {
		p.terms = tsvector(t.Text)
	} else {
		p.terms = tsvector(db.analyze(a.Title + "\n" + a.Text))
	}
	for _, s := range a.Sources {
		if s != "" && s != a.Source && !slices.Contains(p.sources, s) {
			p.sources = append(p.sources, s)
		}
	}
	return p
}

// prepareCoding is the part of prepare that Recode needs: the evidence
// vectors (from a's Terms when they are still a's) and the days of the
// events.
func (db *DB) prepareCoding(a *store.Article) *prepared {
	p := &prepared{
		evidence: make([]pgtype.TSVector, len(a.Events)),
		days:     make([]pgtype.Date, len(a.Events)),
	}
	t := store.TermsOf(a)
	for i, e := range a.Events {
		var terms []string
		if t != nil {
			terms = t.Evidence[i]
		} else {
			terms = db.analyze(store.EvidenceText(a, e))
		}
		if v := tsvector(terms); len(v.Lexemes) > 0 {
			p.evidence[i] = v
		}
		day := store.EventDay(e.Date, a.Published)
		if day == "" {
			p.days[i] = undated
			continue
		}
		t, _ := time.Parse(time.DateOnly, day) // EventDay made it
		p.days[i] = pgtype.Date{Time: t, Valid: true}
		if m := day[:7]; !slices.Contains(p.months, m) {
			p.months = append(p.months, m)
		}
	}
	return p
}

// undated is the day of an event whose day is unknown: it sorts after
// every known one in a page (day DESC).
var undated = pgtype.Date{InfinityModifier: pgtype.NegativeInfinity, Valid: true}

// errMonths says that an article to insert has events of a month whose
// partition is not known to exist.
var errMonths = errors.New("postgres: partitions missing")

// PutArticles implements store.Store.
//
// It looks up which articles are stored already and analyses the others
// and creates the partitions of their months before its transaction (the
// writers of other batches wait for none of it). In the transaction it
// looks again, decides in batch order which articles are new, inserts them
// with ON CONFLICT DO NOTHING, and copies their sources, mentions and
// events. If another transaction stored one of them in the meantime, the
// batch is rolled back and decided again, so that the article is reported
// as a duplicate of the stored one.
func (db *DB) PutArticles(ctx context.Context, as []store.Article) ([]store.PutResult, error) {
	for i := range as {
		err := as[i].Validate()
		if err == nil {
			err = storable(&as[i])
		}
		if err != nil {
			return nil, store.Errorf(store.EINVALID, "article %d: %s", i, store.ErrorMessage(err))
		}
	}
	if len(as) == 0 {
		return []store.PutResult{}, nil
	}
	stored, err := lookup(ctx, db.pool, as)
	if err != nil {
		return nil, fmt.Errorf("postgres: put articles: %w", err)
	}
	prep := make([]*prepared, len(as))
	for i := range as {
		if !stored.has(&as[i]) {
			prep[i] = db.prepare(&as[i])
		}
	}
	if err := db.ensureMonths(ctx, allMonths(prep)); err != nil {
		return nil, fmt.Errorf("postgres: put articles: %w", err)
	}
	for attempt := 1; ; attempt++ {
		out, err := db.put(ctx, as, prep)
		if err == nil {
			return out, nil
		}
		var pe *pgconn.PgError
		switch {
		case errors.Is(err, errMonths):
		case errors.As(err, &pe) && pe.Code == codeCheck && strings.HasPrefix(pe.Message, "no partition of relation"):
			// A partition this store created was dropped behind its back.
			db.forgetMonths()
		case retryable(err):
		default:
			return nil, fmt.Errorf("postgres: put articles: %w", err)
		}
		if attempt == maxAttempts {
			return nil, fmt.Errorf("postgres: put articles: still conflicting with other writers after %d attempts: %w", attempt, err)
		}
		db.retries.Add(1)
		if err := db.ensureMonths(ctx, allMonths(prep)); err != nil {
			return nil, fmt.Errorf("postgres: put articles: %w", err)
		}
		if err := backoff(ctx, attempt); err != nil {
			return nil, fmt.Errorf("postgres: put articles: %w", err)
		}
	}
}

func allMonths(prep []*prepared) []string {
	var out []string
	for _, p := range prep {
		if p != nil {
			out = append(out, p.months...)
		}
	}
	return out
}

// put is one attempt of PutArticles, in one transaction.
func (db *DB) put(ctx context.Context, as []store.Article, prep []*prepared) ([]store.PutResult, error) {
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(ctx)
	stored, err := lookup(ctx, tx, as)
	if err != nil {
		return nil, err
	}
	out, fresh := classify(as, stored)
	if len(fresh) == 0 {
		return out, tx.Commit(ctx)
	}
	for _, i := range fresh {
		if prep[i] == nil { // stored when we looked, gone since
			prep[i] = db.prepare(&as[i])
		}
		if len(db.unknownMonths(prep[i].months)) > 0 {
			return nil, errMonths
		}
	}
	// In id order: two writers of overlapping batches take the locks of
	// the unique index in the same order, and rarely deadlock.
	slices.SortFunc(fresh, func(i, j int) int { return strings.Compare(as[i].ID, as[j].ID) })
	pks, err := insertArticles(ctx, tx, as, prep, fresh)
	if err != nil {
		return nil, err
	}
	if len(pks) != len(fresh) {
		return nil, errRetry // another transaction stored one of them since lookup
	}
	if err := copyRows(ctx, tx, as, prep, fresh, pks); err != nil {
		return nil, err
	}
	return out, tx.Commit(ctx)
}

// stored maps "i"+id and "h"+content hash of stored articles to their
// ids.
type stored map[string]string

func (s stored) has(a *store.Article) bool {
	if _, ok := s["i"+a.ID]; ok {
		return true
	}
	_, ok := s["h"+a.ContentHash]
	return ok && a.ContentHash != ""
}

// querier is a pool or a transaction.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// lookup finds which of as are stored, by id or content hash, in one
// query.
func lookup(ctx context.Context, q querier, as []store.Article) (stored, error) {
	ids, hashes := make([]string, len(as)), make([]string, 0, len(as))
	for i, a := range as {
		ids[i] = a.ID
		if a.ContentHash != "" {
			hashes = append(hashes, a.ContentHash)
		}
	}
	// Joins with the arrays, not "= ANY($1)": the generic plan of the
	// latter, which knows no array's size, read the whole table.
	rows, err := q.Query(ctx, `SELECT a.id, a.content_hash FROM unnest($1::text[]) k (id) JOIN articles a ON a.id = k.id
		UNION SELECT a.id, a.content_hash FROM unnest($2::text[]) k (hash)
			JOIN articles a ON a.content_hash = k.hash AND a.content_hash <> ''`, ids, hashes)
	if err != nil {
		return nil, err
	}
	s := stored{}
	var id, hash string
	_, err = pgx.ForEachRow(rows, []any{&id, &hash}, func() error {
		s["i"+id] = id
		if hash != "" {
			s["h"+hash] = id
		}
		return nil
	})
	return s, err
}

// classify decides, in batch order, what becomes of each article: the
// duplicate of a stored article or of an earlier article of the batch (by
// id first, then by content hash, as SQLite's PutArticles decides), or a
// new one. It returns the results and the indexes of the new articles.
func classify(as []store.Article, s stored) ([]store.PutResult, []int) {
	out := make([]store.PutResult, len(as))
	var fresh []int
	batch := map[string]string{}
	find := func(key string) (string, bool) {
		if id, ok := s[key]; ok {
			return id, true
		}
		id, ok := batch[key]
		return id, ok
	}
	for i := range as {
		a := &as[i]
		if id, ok := find("i" + a.ID); ok {
			out[i] = store.PutResult{ID: id}
			continue
		}
		if a.ContentHash != "" {
			if id, ok := find("h" + a.ContentHash); ok {
				out[i] = store.PutResult{ID: id}
				continue
			}
		}
		out[i] = store.PutResult{ID: a.ID, Created: true}
		fresh = append(fresh, i)
		batch["i"+a.ID] = a.ID
		if a.ContentHash != "" {
			batch["h"+a.ContentHash] = a.ID
		}
	}
	return out, fresh
}

// insertArticles inserts the articles as[fresh...] in that order, in one
// statement, skipping those another transaction stored (by id or content
// hash: both unique indexes are arbiters), and returns the pks of those it
// inserted by id.
func insertArticles(ctx context.Context, tx pgx.Tx, as []store.Article, prep []*prepared, fresh []int) (map[string]int64, error) {
	n := len(fresh)
	var (
		ids, urls, sources, titles, texts, langs, hashes = make([]string, n), make([]string, n), make([]string, n),
			make([]string, n), make([]string, n), make([]string, n), make([]string, n)
		published = make([]pgtype.Timestamptz, n)
		offsets   = make([]int32, n)
		copies    = make([]int32, n) // num_articles
		outlets   = make([]int32, n) // num_sources
		simhashes = make([]int64, n)
		bands     [4][]pgtype.Int4
		terms     = make([]pgtype.TSVector, n)
	)
	for b := range bands {
		bands[b] = make([]pgtype.Int4, n)
	}
	for k, i := range fresh {
		a := &as[i]
		ids[k], urls[k], sources[k], titles[k] = a.ID, a.URL, a.Source, a.Title
		texts[k], langs[k], hashes[k] = a.Text, a.Lang, a.ContentHash
		if !a.Published.IsZero() {
			published[k] = pgtype.Timestamptz{Time: a.Published, Valid: true}
			_, off := a.Published.Zone()
			offsets[k] = int32(off)
		}
		// The counts the trigger on sources would set: the article's own
		// copy and the others, and their distinct known outlets.
		copies[k], outlets[k] = int32(1+len(prep[i].sources)), int32(len(prep[i].sources))
		if a.Source != "" {
			outlets[k]++
		}
		simhashes[k] = int64(a.SimHash)
		if a.SimHash != 0 {
			for b, v := range store.Bands(a.SimHash) {
				bands[b][k] = pgtype.Int4{Int32: int32(v), Valid: true}
			}
		}
		terms[k] = prep[i].terms
	}
	rows, err := tx.Query(ctx, `INSERT INTO articles (id, url, source, title, published, published_offset, text, lang,
			content_hash, simhash, band0, band1, band2, band3, terms, num_articles, num_sources)
		SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::timestamptz[], $6::integer[],
			$7::text[], $8::text[], $9::text[], $10::bigint[], $11::integer[], $12::integer[], $13::integer[],
			$14::integer[], $15::tsvector[], $16::integer[], $17::integer[])
		ON CONFLICT DO NOTHING
		RETURNING pk, id`,
		ids, urls, sources, titles, published, offsets, texts, langs, hashes, simhashes,
		bands[0], bands[1], bands[2], bands[3], terms, copies, outlets)
	if err != nil {
		return nil, err
	}
	pks := make(map[string]int64, n)
	var pk int64
	var id string
	_, err = pgx.ForEachRow(rows, []any{&pk, &id}, func() error {
		pks[id] = pk
		return nil
	})
	return pks, err
}

// Columns of the COPYs of copyRows.
var (
	sourceColumns  = []string{"article_pk", "source", "url"}
	mentionColumns = []string{"article_pk", "seq", "text", "code", "role", "kind", "start", "end"}
	eventColumns   = []string{"article_pk", "seq", "source", "source_role", "source_text", "target", "target_role",
		"target_text", "code", "root", "quad_class", "goldstein", "plover", "date", "day", "date_precision",
		"historical", "symmetric", "sentence", "evidence_start", "evidence_end", "evidence_text", "confidence", "terms"}
)

// copyRows copies the sources, mentions and events of the new articles,
// the events last: their triggers lock rollup rows that other writers
// share, which are then held only until the commit that follows.
func copyRows(ctx context.Context, tx pgx.Tx, as []store.Article, prep []*prepared, fresh []int, pks map[string]int64) error {
	var srcRows, mentionRows, eventRows [][]any
	for _, i := range fresh {
		a := &as[i]
		pk := pks[a.ID]
		// The article itself is the first copy, even at an unknown
		// outlet and address ('', ''), so that NumArticles counts it.
		srcRows = append(srcRows, []any{pk, a.Source, a.URL})
		for _, s := range prep[i].sources {
			srcRows = append(srcRows, []any{pk, s, ""})
		}
		mentionRows = append(mentionRows, mentionRowsOf(a, pk)...)
		eventRows = append(eventRows, eventRowsOf(a, pk, prep[i])...)
	}
	return copyTables(ctx, tx, srcRows, mentionRows, eventRows)
}

// mentionRowsOf are the rows of a's mentions for a COPY into mentions.
func mentionRowsOf(a *store.Article, pk int64) [][]any {
	rows := make([][]any, len(a.Mentions))
	for k, m := range a.Mentions {
		rows[k] = []any{pk, k, m.Text, m.Code, m.Role, m.Kind, m.Start, m.End}
	}
	return rows
}

// eventRowsOf are the rows of a's events for a COPY into events.
func eventRowsOf(a *store.Article, pk int64, p *prepared) [][]any {
	rows := make([][]any, len(a.Events))
	for k, e := range a.Events {
		rows[k] = []any{pk, k, e.Source, e.SourceRole, e.SourceText, e.Target,
			e.TargetRole, e.TargetText, e.Code, e.Root, e.QuadClass, e.Goldstein, e.Plover, e.Date,
			p.days[k], e.DatePrecision, e.Historical, e.Symmetric, e.Sentence, e.Evidence.Start,
			e.Evidence.End, store.EvidenceText(a, e), e.Confidence, p.evidence[k]}
	}
	return rows
}

// copyTables copies rows into sources, mentions and events, in that order.
func copyTables(ctx context.Context, tx pgx.Tx, srcRows, mentionRows, eventRows [][]any) error {
	for _, c := range []struct {
		table   string
		columns []string
		rows    [][]any
	}{
		{"mentions", mentionColumns, mentionRows},
		{"sources", sourceColumns, srcRows},
		{"events", eventColumns, eventRows},
	} {
		if len(c.rows) == 0 {
			continue
		}
		if _, err := tx.CopyFrom(ctx, pgx.Identifier{c.table}, c.columns, pgx.CopyFromRows(c.rows)); err != nil {
			return fmt.Errorf("copy %s: %w", c.table, err)
		}
	}
	return nil
}

// AddSource implements store.Store. It locks the article's row, so that
// copies added to one article at once are recorded one after the other.
func (db *DB) AddSource(ctx context.Context, articleID, source, url string) error {
	if source == "" && url == "" {
		return store.Errorf(store.EINVALID, "add source: no source and no url")
	}
	err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		var pk int64
		err := tx.QueryRow(ctx, `SELECT pk FROM articles WHERE id = $1 FOR NO KEY UPDATE`, articleID).Scan(&pk)
		if errors.Is(err, pgx.ErrNoRows) {
			return store.Errorf(store.ENOTFOUND, "article %q not found", articleID)
		} else if err != nil {
			return err
		}
		return addSource(ctx, tx, pk, source, url)
	})
	if err != nil && store.ErrorCode(err) == store.EINTERNAL {
		return fmt.Errorf("postgres: add source: %w", err)
	}
	return err
}

// addSource records a copy of article pk at source and url, following the
// rules of store.Store.AddSource: a copy at a known source and unknown url
// has an empty url; the article's own copy at an unknown source and url
// has both empty and is never upgraded.
func addSource(ctx context.Context, tx pgx.Tx, pk int64, source, url string) error {
	if url == "" {
		_, err := tx.Exec(ctx, `INSERT INTO sources (article_pk, source, url) SELECT $1, $2, ''
			WHERE NOT EXISTS (SELECT 1 FROM sources WHERE article_pk = $1 AND source = $2)`, pk, source)
		return err
	}
	var has bool
	if err := tx.QueryRow(ctx, `SELECT EXISTS (SELECT 1 FROM sources WHERE article_pk = $1 AND source = $2 AND url = $3)`,
		pk, source, url).Scan(&has); err != nil || has {
		return err
	}
	if source != "" {
		tag, err := tx.Exec(ctx, `UPDATE sources SET url = $3 WHERE article_pk = $1 AND source = $2 AND url = ''`, pk, source, url)
		if err != nil || tag.RowsAffected() > 0 {
			return err
		}
	}
	_, err := tx.Exec(ctx, `INSERT INTO sources (article_pk, source, url) VALUES ($1, $2, $3)`, pk, source, url)
	return err
}

// FindByHash implements store.Store.
func (db *DB) FindByHash(ctx context.Context, contentHash string) (string, bool, error) {
	if contentHash == "" {
		return "", false, nil
	}
	var id string
	err := db.pool.QueryRow(ctx, `SELECT id FROM articles WHERE content_hash = $1 AND content_hash <> ''`,
		contentHash).Scan(&id)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", false, nil
	} else if err != nil {
		return "", false, fmt.Errorf("postgres: find by hash: %w", err)
	}
	return id, true, nil
}

// NearDuplicates implements store.Store.
func (db *DB) NearDuplicates(ctx context.Context, simhash uint64, maxDistance int) ([]string, error) {
	if maxDistance < 0 || maxDistance > 64 {
		return nil, store.Errorf(store.EINVALID, "max distance %d is not 0-64", maxDistance)
	}
	b := store.Bands(simhash)
	rows, err := db.pool.Query(ctx, `
		SELECT id, simhash FROM articles WHERE band0 = $1
		UNION SELECT id, simhash FROM articles WHERE band1 = $2
		UNION SELECT id, simhash FROM articles WHERE band2 = $3
		UNION SELECT id, simhash FROM articles WHERE band3 = $4`,
		int32(b[0]), int32(b[1]), int32(b[2]), int32(b[3]))
	if err != nil {
		return nil, fmt.Errorf("postgres: near duplicates: %w", err)
	}
	type hit struct {
		id   string
		dist int
	}
	var hits []hit
	var id string
	var sh int64
	if _, err := pgx.ForEachRow(rows, []any{&id, &sh}, func() error {
		if d := store.Distance(simhash, uint64(sh)); d <= maxDistance {
			hits = append(hits, hit{id, d})
		}
		return nil
	}); err != nil {
		return nil, fmt.Errorf("postgres: near duplicates: %w", err)
	}
	slices.SortFunc(hits, func(a, b hit) int {
		if a.dist != b.dist {
			return a.dist - b.dist
		}
		return strings.Compare(a.id, b.id)
	})
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.id
	}
	return ids, nil
}

// Article implements store.Store.
func (db *DB) Article(ctx context.Context, id string) (store.ArticleDetail, error) {
	a, err := db.article(ctx, `id = $1`, id)
	if errors.Is(err, pgx.ErrNoRows) {
		return a, store.Errorf(store.ENOTFOUND, "article %q not found", id)
	} else if err != nil {
		return a, fmt.Errorf("postgres: article: %w", err)
	}
	return a, nil
}

// articleColumns are the columns scanArticle reads from articles.
const articleColumns = `id, url, source, title, published, published_offset, text, lang, content_hash, simhash,
	num_sources, num_articles`

// article reads the article of articles WHERE cond (with arg) with its
// sources, mentions and events, in one round trip. Everything but its
// sources is written once, by PutArticles, so the reads need no common
// snapshot. Returns pgx.ErrNoRows if there is none.
func (db *DB) article(ctx context.Context, cond string, arg any) (store.ArticleDetail, error) {
	pk := `(SELECT pk FROM articles WHERE ` + cond + `)`
	b := &pgx.Batch{}
	b.Queue(`SELECT `+articleColumns+` FROM articles WHERE `+cond, arg)
	b.Queue(`SELECT source, url FROM sources WHERE article_pk = `+pk+` AND NOT (source = '' AND url = '')
		ORDER BY source, url`, arg)
	b.Queue(`SELECT text, code, role, kind, start, "end" FROM mentions WHERE article_pk = `+pk+` ORDER BY seq`, arg)
	b.Queue(`SELECT `+eventSelect+` FROM events e JOIN articles a ON a.pk = e.article_pk
		WHERE e.article_pk = `+pk+` ORDER BY e.seq`, arg)
	br := db.pool.SendBatch(ctx, b)
	defer br.Close()

	var a store.ArticleDetail
	if err := scanArticle(br.QueryRow(), &a); err != nil {
		return a, err
	}
	a.Sources = []store.SourceRef{}
	rows, err := br.Query()
	if err != nil {
		return a, err
	}
	var s store.SourceRef
	if _, err := pgx.ForEachRow(rows, []any{&s.Source, &s.URL}, func() error {
		a.Sources = append(a.Sources, s)
		return nil
	}); err != nil {
		return a, err
	}
	a.Mentions = []rasid.Mention{}
	if rows, err = br.Query(); err != nil {
		return a, err
	}
	var m rasid.Mention
	if _, err := pgx.ForEachRow(rows, []any{&m.Text, &m.Code, &m.Role, &m.Kind, &m.Start, &m.End}, func() error {
		a.Mentions = append(a.Mentions, m)
		return nil
	}); err != nil {
		return a, err
	}
	a.Events = []rasid.Event{}
	if rows, err = br.Query(); err != nil {
		return a, err
	}
	defer rows.Close()
	for rows.Next() {
		var e rasid.Event
		if err := scanEvent(rows, &e); err != nil {
			return a, err
		}
		a.Events = append(a.Events, e)
	}
	if err := rows.Err(); err != nil {
		return a, err
	}
	return a, br.Close()
}

func scanArticle(r pgx.Row, a *store.ArticleDetail) error {
	var published pgtype.Timestamptz
	var offset int32
	var simhash int64
	if err := r.Scan(&a.ID, &a.URL, &a.Source, &a.Title, &published, &offset, &a.Text, &a.Lang, &a.ContentHash,
		&simhash, &a.NumSources, &a.NumArticles); err != nil {
		return err
	}
	a.SimHash = uint64(simhash)
	a.Published = publishedTime(published, offset)
	return nil
}

// publishedTime gives back a publication time in the zone offset it was
// stored with (timestamptz keeps the instant only); the zero time when
// unknown.
func publishedTime(t pgtype.Timestamptz, offset int32) time.Time {
	switch {
	case !t.Valid:
		return time.Time{}
	case offset == 0:
		return t.Time.UTC()
	}
	return t.Time.In(time.FixedZone("", int(offset)))
}

// SearchArticles implements store.Store.
func (db *DB) SearchArticles(ctx context.Context, query string, limit int) ([]store.ArticleHit, error) {
	if strings.TrimSpace(query) == "" {
		return nil, store.Errorf(store.EINVALID, "search: empty query")
	}
	if limit < 0 || limit > store.MaxLimit {
		return nil, store.Errorf(store.EINVALID, "search: limit %d is not 0-%d", limit, store.MaxLimit)
	}
	if limit == 0 {
		limit = store.DefaultSearchLimit
	}
	terms := store.QueryTerms(db.analyze, query)
	q := tsquery(terms)
	hits := []store.ArticleHit{}
	if q == "" {
		return hits, nil
	}
	// Ranking reads each match's vector, which PostgreSQL stores out of
	// line: the planner, blind to that cost, scans the whole table for a
	// common term, reading every vector. Turning sequential scans off
	// for this query makes it read only the matches' (through the GIN
	// index); ranking before joining the texts reads only the texts of
	// the page.
	tx, err := db.pool.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("postgres: search: %w", err)
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SET LOCAL enable_seqscan = off`); err != nil {
		return nil, fmt.Errorf("postgres: search: %w", err)
	}
	rows, err := tx.Query(ctx, `SELECT a.id, a.title, a.url, a.source, a.published, a.published_offset, a.text, r.rank
		FROM (SELECT pk, ts_rank(terms, $1::tsquery)::float8 AS rank FROM articles
			WHERE terms @@ $1::tsquery ORDER BY rank DESC, pk LIMIT $2) r
		JOIN articles a ON a.pk = r.pk ORDER BY r.rank DESC, r.pk`, q, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: search: %w", err)
	}
	var h store.ArticleHit
	var published pgtype.Timestamptz
	var offset int32
	var text string
	if _, err := pgx.ForEachRow(rows, []any{&h.ID, &h.Title, &h.URL, &h.Source, &published, &offset, &text, &h.Score}, func() error {
		hit := h
		hit.Published = publishedTime(published, offset)
		hit.Matches = store.Matches(db.analyze, text, terms)
		hit.Snippet, hit.Highlights = store.Snippet(text, hit.Matches, store.SnippetWidth)
		if hit.Matches == nil {
			hit.Matches = []rasid.Span{}
		}
		if hit.Highlights == nil {
			hit.Highlights = []rasid.Span{}
		}
		hits = append(hits, hit)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("postgres: search: %w", err)
	}
	return hits, nil
}
