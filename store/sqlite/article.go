package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

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

// PutArticles implements store.Store.
func (db *DB) PutArticles(ctx context.Context, as []store.Article) ([]store.PutResult, error) {
	return db.putArticles(ctx, as, nil)
}

// PutArticlesWithCopies implements store.CopyPutter.
func (db *DB) PutArticlesWithCopies(ctx context.Context, as []store.Article, copies []store.Copy) ([]store.PutResult, error) {
	return db.putArticles(ctx, as, copies)
}

// putArticles stores as, then records copies, in one transaction.
func (db *DB) putArticles(ctx context.Context, as []store.Article, copies []store.Copy) ([]store.PutResult, error) {
	for i := range as {
		if err := as[i].Validate(); err != nil {
			return nil, store.Errorf(store.EINVALID, "article %d: %s", i, store.ErrorMessage(err))
		}
	}
	if err := checkCopies(copies); err != nil {
		return nil, err
	}
	if len(as) == 0 && len(copies) == 0 {
		return []store.PutResult{}, nil
	}
	// Analyse outside the write transaction, which other writers wait
	// for, but only the articles that look new: a rerun of ingest puts
	// articles that are all stored already.
	known := make([]bool, len(as))
	if len(as) > 0 {
		var err error
		if known, err = db.known(ctx, as); err != nil {
			return nil, fmt.Errorf("sqlite: put articles: %w", err)
		}
	}
	idx := make([]*indexTerms, len(as))
	for i := range as {
		if !known[i] {
			idx[i] = db.indexTerms(&as[i])
		}
	}

	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: put articles: %w", err)
	}
	defer tx.Rollback()
	// The statements of the batch run uncancelled: the batch looks at
	// ctx between articles instead, and the transaction is rolled back
	// when ctx ends.
	sctx := uncancelled(ctx)
	p := db.inserter(sctx, tx)
	defer p.close()

	out := make([]store.PutResult, len(as))
	for i := range as {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: put articles: %w", err)
		}
		a := &as[i]
		if known[i] {
			// Stored when we looked (it is rarely gone since): say by
			// which id without trying to insert it.
			id, found, err := p.existing(sctx, a.ID, a.ContentHash)
			if err != nil {
				return nil, fmt.Errorf("sqlite: put article %q: %w", a.ID, err)
			}
			if found {
				out[i] = store.PutResult{ID: id}
				continue
			}
			idx[i] = db.indexTerms(a)
		}
		created, err := p.insert(sctx, a, idx[i])
		if err != nil {
			return nil, fmt.Errorf("sqlite: put article %q: %w", a.ID, err)
		}
		if !created {
			// Stored since we looked, or earlier in this batch.
			id, found, err := p.existing(sctx, a.ID, a.ContentHash)
			if err != nil || !found {
				return nil, fmt.Errorf("sqlite: put article %q: conflicting article not found: %w", a.ID, err)
			}
			out[i] = store.PutResult{ID: id}
			continue
		}
		out[i] = store.PutResult{ID: a.ID, Created: true}
	}
	// Before the full-text rows (flush), which a statement with a
	// savepoint would write out early as a segment of their own.
	for _, c := range copies {
		if err := ctx.Err(); err != nil {
			return nil, fmt.Errorf("sqlite: put articles: %w", err)
		}
		if err := p.addCopy(sctx, c); err != nil {
			return nil, err
		}
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: put articles: %w", err)
	}
	if err := p.flush(sctx); err != nil {
		return nil, fmt.Errorf("sqlite: put articles: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite: put articles: %w", err)
	}
	return out, nil
}

// uncancelled returns ctx without its cancellation, for statements of a
// few microseconds that run by the thousand: for a statement whose
// context can end, the driver starts a goroutine that waits to interrupt
// it, which cost 3% of an ingest's CPU. Their callers look at ctx between
// statements instead.
func uncancelled(ctx context.Context) context.Context { return context.WithoutCancel(ctx) }

// known reports which of as are stored already, by id or content hash,
// in one query.
func (db *DB) known(ctx context.Context, as []store.Article) ([]bool, error) {
	ids, hashes := make([]string, len(as)), make([]string, 0, len(as))
	for i, a := range as {
		ids[i] = a.ID
		if a.ContentHash != "" {
			hashes = append(hashes, a.ContentHash)
		}
	}
	idsJSON, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	hashesJSON, err := json.Marshal(hashes)
	if err != nil {
		return nil, err
	}
	rows, err := db.db.QueryContext(ctx, `
		SELECT id, content_hash FROM articles WHERE id IN (SELECT value FROM json_each(?))
		UNION SELECT id, content_hash FROM articles
		WHERE content_hash IN (SELECT value FROM json_each(?)) AND content_hash <> ''`,
		string(idsJSON), string(hashesJSON))
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	seen := make(map[string]bool)
	for rows.Next() {
		var id, hash string
		if err := rows.Scan(&id, &hash); err != nil {
			return nil, err
		}
		seen["i"+id] = true
		if hash != "" {
			seen["h"+hash] = true
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := make([]bool, len(as))
	for i, a := range as {
		out[i] = seen["i"+a.ID] || (a.ContentHash != "" && seen["h"+a.ContentHash])
	}
	return out, nil
}

// existing returns the id of the stored article with id, or with the
// non-empty contentHash.
func (p *inserter) existing(ctx context.Context, id, contentHash string) (string, bool, error) {
	var got string
	err := p.byID.QueryRowContext(ctx, id).Scan(&got)
	if err == nil {
		return got, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", false, err
	}
	if contentHash == "" {
		return "", false, nil
	}
	err = p.byHash.QueryRowContext(ctx, contentHash).Scan(&got)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, err
	}
	return got, true, nil
}

// indexTerms are the analysed terms of an article and of its events'
// evidence.
type indexTerms struct {
	article  string
	evidence []string
}

// indexTerms returns the terms to index of a: its Terms when they are
// still a's, else its analysis now.
func (db *DB) indexTerms(a *store.Article) *indexTerms {
	t := store.TermsOf(a)
	if t == nil {
		return &indexTerms{article: db.terms(a.Title + "\n" + a.Text), evidence: db.evidenceTerms(a)}
	}
	if idx, ok := t.Index.(*indexTerms); ok {
		return idx
	}
	return joinTerms(t)
}

// joinTerms returns the terms of t space-joined, as the full-text tables
// take them.
func joinTerms(t *store.Terms) *indexTerms {
	idx := &indexTerms{article: strings.Join(t.Text, " "), evidence: make([]string, len(t.Evidence))}
	for i, e := range t.Evidence {
		idx.evidence[i] = strings.Join(e, " ")
	}
	return idx
}

// PrepareArticle implements store.Preparer. It joins the terms as well:
// joined in PutArticles, they took 5% of the time of ingest's storing
// stage, which every article waits for.
func (db *DB) PrepareArticle(a *store.Article) {
	a.Terms = store.AnalyzeArticle(db.analyze, a)
	a.Terms.Index = joinTerms(a.Terms)
}

// evidenceTerms are the analysed terms of the evidence of a's events.
func (db *DB) evidenceTerms(a *store.Article) []string {
	out := make([]string, len(a.Events))
	for i, e := range a.Events {
		out[i] = db.terms(store.EvidenceText(a, e))
	}
	return out
}

// inserter holds the statements of PutArticles, bound to its transaction,
// and the rows it writes last: mentions and full-text rows.
//
// The full-text rows wait for the end of the batch because FTS5 flushes
// its pending terms to disk at every statement savepoint, and each insert
// into events or sources (tables with triggers) opens one: written along
// the way, each article would cost a dozen small FTS segments. For the
// same reason they are written a row to a statement: an INSERT of several
// rows opens a savepoint too. Mentions are written bulkRows to a
// statement: a statement per mention cost more than the row it wrote.
type inserter struct {
	tx                                          *sql.Tx
	byID, byHash                                *sql.Stmt
	article, event                              *sql.Stmt
	mention, mentions                           *sql.Stmt // one row, bulkRows rows
	artFTS, eventFTS                            *sql.Stmt
	srcHas, srcHasURL, srcInsert, srcUpgradeURL *sql.Stmt
	pkByID, countCopies                         *sql.Stmt // of the copies

	mentionRows        []any // the values of the mentions still to write, row after row
	artRows, eventRows []ftsRow
}

type ftsRow struct {
	rowid int64
	terms string
}

// bulkRows is how many rows a bulk insert writes: 64 mentions are 512
// parameters.
const bulkRows = 64

// mentionColumns are the columns of a mention: article_pk, seq, text,
// code, role, kind, start, end.
const mentionColumns = 8

// values returns "(?, ?), (?, ?)…": rows rows of columns parameters.
func values(rows, columns int) string {
	row := "(?" + strings.Repeat(", ?", columns-1) + ")"
	return row + strings.Repeat(", "+row, rows-1)
}

// writeRows writes the rows of args (columns values each) with bulk,
// bulkRows at a time, and the rest with one, a row at a time.
func writeRows(ctx context.Context, one, bulk *sql.Stmt, columns int, args []any) error {
	for len(args) >= bulkRows*columns {
		if _, err := bulk.ExecContext(ctx, args[:bulkRows*columns]...); err != nil {
			return err
		}
		args = args[bulkRows*columns:]
	}
	for ; len(args) > 0; args = args[columns:] {
		if _, err := one.ExecContext(ctx, args[:columns]...); err != nil {
			return err
		}
	}
	return nil
}

// flushMentions writes the mentions inserted so far.
func (p *inserter) flushMentions(ctx context.Context) error {
	err := writeRows(ctx, p.mention, p.mentions, mentionColumns, p.mentionRows)
	p.mentionRows = p.mentionRows[:0]
	return err
}

// flush writes the rows inserted so far: mentions, then full-text rows.
func (p *inserter) flush(ctx context.Context) error {
	if err := p.flushMentions(ctx); err != nil {
		return err
	}
	for _, r := range p.artRows {
		if _, err := p.artFTS.ExecContext(ctx, r.rowid, r.terms); err != nil {
			return err
		}
	}
	for _, r := range p.eventRows {
		if _, err := p.eventFTS.ExecContext(ctx, r.rowid, r.terms); err != nil {
			return err
		}
	}
	p.artRows, p.eventRows = p.artRows[:0], p.eventRows[:0]
	return nil
}

// statements are the statements of p with their SQL, by field.
func (p *inserter) statements() []struct {
	dst **sql.Stmt
	sql string
} {
	return []struct {
		dst **sql.Stmt
		sql string
	}{
		{&p.byID, `SELECT id FROM articles WHERE id = ?`},
		// "content_hash <> ''" lets SQLite use the partial index.
		{&p.byHash, `SELECT id FROM articles WHERE content_hash = ? AND content_hash <> ''`},
		{&p.article, `INSERT INTO articles (id, url, source, title, published, text, lang, content_hash,
			simhash, band0, band1, band2, band3, num_sources, num_articles)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
			ON CONFLICT DO NOTHING`},
		{&p.mention, `INSERT INTO mentions (article_pk, seq, text, code, role, kind, start, "end")
			VALUES ` + values(1, mentionColumns)},
		{&p.mentions, `INSERT INTO mentions (article_pk, seq, text, code, role, kind, start, "end")
			VALUES ` + values(bulkRows, mentionColumns)},
		{&p.event, `INSERT INTO events (article_pk, seq, source, source_role, source_text, target, target_role,
			target_text, code, root, quad_class, goldstein, plover, date, day, date_precision, historical,
			symmetric, sentence, evidence_start, evidence_end, evidence_text, confidence)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`},
		{&p.artFTS, `INSERT INTO articles_fts (rowid, terms) VALUES (?, ?)`},
		{&p.eventFTS, `INSERT INTO events_fts (rowid, terms) VALUES (?, ?)`},
		{&p.srcHas, `SELECT EXISTS (SELECT 1 FROM sources WHERE article_pk = ? AND source = ?)`},
		{&p.srcHasURL, `SELECT EXISTS (SELECT 1 FROM sources WHERE article_pk = ? AND source = ? AND url = ?)`},
		{&p.srcInsert, `INSERT INTO sources (article_pk, source, url) VALUES (?, ?, ?)`},
		{&p.srcUpgradeURL, `UPDATE sources SET url = ? WHERE article_pk = ? AND source = ? AND url = ''`},
		{&p.pkByID, `SELECT pk FROM articles WHERE id = ?`},
		{&p.countCopies, `UPDATE articles SET num_articles = c.n, num_sources = c.s
			FROM (SELECT max(1, count(*)) AS n, count(DISTINCT nullif(source, '')) AS s
				FROM sources WHERE article_pk = ?1) AS c
			WHERE pk = ?1 AND (num_articles <> c.n OR num_sources <> c.s)`},
	}
}

// prepareInserter prepares the statements of an inserter on the database,
// once: each transaction binds them (Tx.StmtContext), which reuses what
// its connection prepared before. Prepared per transaction, they cost
// 270 µs, more than an AddSource did otherwise.
func (db *DB) prepareInserter(ctx context.Context) error {
	p := &inserter{}
	for _, s := range p.statements() {
		st, err := db.db.PrepareContext(ctx, s.sql)
		if err != nil {
			p.close()
			return err
		}
		*s.dst = st
	}
	db.ins = p
	return nil
}

// inserter returns the statements of db.ins bound to tx.
func (db *DB) inserter(ctx context.Context, tx *sql.Tx) *inserter {
	p := &inserter{tx: tx}
	from := db.ins.statements()
	for i, s := range p.statements() {
		*s.dst = tx.StmtContext(ctx, *from[i].dst)
	}
	return p
}

func (p *inserter) close() {
	for _, s := range p.statements() {
		if *s.dst != nil {
			(*s.dst).Close()
		}
	}
}

// insert stores a with its sources, mentions and events, unless an
// article with its id or content hash is stored already (created false).
func (p *inserter) insert(ctx context.Context, a *store.Article, t *indexTerms) (created bool, err error) {
	var bands [4]any
	if a.SimHash != 0 {
		for i, b := range store.Bands(a.SimHash) {
			bands[i] = int64(b)
		}
	}
	// The counts of the copies inserted below, so that the trigger on
	// sources need not rewrite the row.
	outlets := map[string]bool{}
	if a.Source != "" {
		outlets[a.Source] = true
	}
	copies := 1
	for _, s := range a.Sources {
		if s != "" && !outlets[s] {
			outlets[s] = true
			copies++
		}
	}
	res, err := p.article.ExecContext(ctx, a.ID, a.URL, a.Source, a.Title, formatTime(a.Published),
		a.Text, a.Lang, a.ContentHash, int64(a.SimHash), bands[0], bands[1], bands[2], bands[3], len(outlets), copies)
	if err != nil {
		return false, err
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		return false, err
	}
	pk, err := res.LastInsertId()
	if err != nil {
		return false, err
	}
	if t.article != "" {
		p.artRows = append(p.artRows, ftsRow{pk, t.article})
	}
	// The article itself is the first copy, even at an unknown outlet
	// and address ('', ''), so that NumArticles counts it.
	if _, err := p.srcInsert.ExecContext(ctx, pk, a.Source, a.URL); err != nil {
		return false, err
	}
	for _, s := range a.Sources {
		if s != "" && s != a.Source {
			if err := p.addSource(ctx, pk, s, ""); err != nil {
				return false, err
			}
		}
	}
	return true, p.insertCoding(ctx, pk, a, t.evidence)
}

// insertCoding stores the mentions and events of a, the article pk, with
// the analysed terms of the events' evidence.
func (p *inserter) insertCoding(ctx context.Context, pk int64, a *store.Article, evidence []string) error {
	for i, m := range a.Mentions {
		p.mentionRows = append(p.mentionRows, pk, i, m.Text, m.Code, m.Role, m.Kind, m.Start, m.End)
	}
	for i, e := range a.Events {
		res, err := p.event.ExecContext(ctx, pk, i, e.Source, e.SourceRole, e.SourceText, e.Target,
			e.TargetRole, e.TargetText, e.Code, e.Root, e.QuadClass, e.Goldstein, e.Plover, e.Date,
			store.EventDay(e.Date, a.Published), e.DatePrecision, e.Historical, e.Symmetric, e.Sentence,
			e.Evidence.Start, e.Evidence.End, store.EvidenceText(a, e), e.Confidence)
		if err != nil {
			return err
		}
		if evidence[i] == "" {
			continue
		}
		id, err := res.LastInsertId()
		if err != nil {
			return err
		}
		p.eventRows = append(p.eventRows, ftsRow{id, evidence[i]})
	}
	return nil
}

// addSource records a copy of article pk at source and url, following the
// rules of store.Store.AddSource: a copy at a known source and unknown url
// is (source, ”); the article's own copy at an unknown source and url is
// (”, ”), never upgraded.
func (p *inserter) addSource(ctx context.Context, pk int64, source, url string) error {
	var has bool
	if url == "" {
		if err := p.srcHas.QueryRowContext(ctx, pk, source).Scan(&has); err != nil || has {
			return err
		}
		_, err := p.srcInsert.ExecContext(ctx, pk, source, "")
		return err
	}
	if err := p.srcHasURL.QueryRowContext(ctx, pk, source, url).Scan(&has); err != nil || has {
		return err
	}
	if source != "" {
		res, err := p.srcUpgradeURL.ExecContext(ctx, url, pk, source)
		if err != nil {
			return err
		}
		if n, err := res.RowsAffected(); err != nil || n > 0 {
			return err
		}
	}
	_, err := p.srcInsert.ExecContext(ctx, pk, source, url)
	return err
}

// AddSource implements store.Store.
func (db *DB) AddSource(ctx context.Context, articleID, source, url string) error {
	_, err := db.putArticles(ctx, nil, []store.Copy{{ArticleID: articleID, Source: source, URL: url}})
	return err
}

// checkCopies returns EINVALID when a copy has neither source nor url.
func checkCopies(copies []store.Copy) error {
	for _, c := range copies {
		if c.Source == "" && c.URL == "" {
			return store.Errorf(store.EINVALID, "add source: no source and no url")
		}
	}
	return nil
}

// addCopy records c and counts the copies of its article again.
func (p *inserter) addCopy(ctx context.Context, c store.Copy) error {
	var pk int64
	err := p.pkByID.QueryRowContext(ctx, c.ArticleID).Scan(&pk)
	if errors.Is(err, sql.ErrNoRows) {
		return store.Errorf(store.ENOTFOUND, "article %q not found", c.ArticleID)
	} else if err != nil {
		return fmt.Errorf("sqlite: add source: %w", err)
	}
	if err := p.addSource(ctx, pk, c.Source, c.URL); err != nil {
		return fmt.Errorf("sqlite: add source: %w", err)
	}
	if _, err := p.countCopies.ExecContext(ctx, pk); err != nil {
		return fmt.Errorf("sqlite: add source: counting copies: %w", err)
	}
	return nil
}

// FindByHash implements store.Store.
func (db *DB) FindByHash(ctx context.Context, contentHash string) (string, bool, error) {
	if contentHash == "" {
		return "", false, nil
	}
	if err := ctx.Err(); err != nil {
		return "", false, fmt.Errorf("sqlite: find by hash: %w", err)
	}
	var id string
	// Without ctx, for which the driver would start a goroutine to
	// watch a lookup of microseconds (see uncancelled).
	err := db.findHash.QueryRowContext(uncancelled(ctx), contentHash).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	} else if err != nil {
		return "", false, fmt.Errorf("sqlite: find by hash: %w", err)
	}
	return id, true, nil
}

// NearDuplicates implements store.Store.
func (db *DB) NearDuplicates(ctx context.Context, simhash uint64, maxDistance int) ([]string, error) {
	if maxDistance < 0 || maxDistance > 64 {
		return nil, store.Errorf(store.EINVALID, "max distance %d is not 0-64", maxDistance)
	}
	if err := ctx.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: near duplicates: %w", err)
	}
	b := store.Bands(simhash)
	rows, err := db.nearDup.QueryContext(uncancelled(ctx), int64(b[0]), int64(b[1]), int64(b[2]), int64(b[3]))
	if err != nil {
		return nil, fmt.Errorf("sqlite: near duplicates: %w", err)
	}
	defer rows.Close()
	type hit struct {
		id   string
		dist int
	}
	var hits []hit
	for rows.Next() {
		var h hit
		var sh int64
		if err := rows.Scan(&h.id, &sh); err != nil {
			return nil, fmt.Errorf("sqlite: near duplicates: %w", err)
		}
		if h.dist = store.Distance(simhash, uint64(sh)); h.dist <= maxDistance {
			hits = append(hits, h)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: near duplicates: %w", err)
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

// FindDuplicate implements store.DuplicateFinder.
func (db *DB) FindDuplicate(ctx context.Context, contentHash string, simhash uint64, maxDistance int) (string, bool, error) {
	if maxDistance > 64 {
		return "", false, store.Errorf(store.EINVALID, "max distance %d is not 0-64", maxDistance)
	}
	if err := ctx.Err(); err != nil {
		return "", false, fmt.Errorf("sqlite: find duplicate: %w", err)
	}
	var bands [4]any // NULL: no near-duplicate lookup
	if simhash != 0 && maxDistance >= 0 {
		for i, b := range store.Bands(simhash) {
			bands[i] = int64(b)
		}
	}
	rows, err := db.findDup.QueryContext(uncancelled(ctx), bands[0], bands[1], bands[2], bands[3], contentHash)
	if err != nil {
		return "", false, fmt.Errorf("sqlite: find duplicate: %w", err)
	}
	defer rows.Close()
	var nearest string
	best := maxDistance + 1
	for rows.Next() {
		var id string
		var sh int64
		var same bool
		if err := rows.Scan(&id, &sh, &same); err != nil {
			return "", false, fmt.Errorf("sqlite: find duplicate: %w", err)
		}
		if same && contentHash != "" {
			return id, false, closeRows(rows)
		}
		// Found by a band: nearest first, then by id, as NearDuplicates orders them.
		if d := store.Distance(simhash, uint64(sh)); d < best || (d == best && id < nearest) {
			nearest, best = id, d
		}
	}
	if err := closeRows(rows); err != nil {
		return "", false, fmt.Errorf("sqlite: find duplicate: %w", err)
	}
	return nearest, nearest != "", nil
}

// Article implements store.Store.
func (db *DB) Article(ctx context.Context, id string) (store.ArticleDetail, error) {
	var pk int64
	err := db.db.QueryRowContext(ctx, `SELECT pk FROM articles WHERE id = ?`, id).Scan(&pk)
	if errors.Is(err, sql.ErrNoRows) {
		return store.ArticleDetail{}, store.Errorf(store.ENOTFOUND, "article %q not found", id)
	} else if err != nil {
		return store.ArticleDetail{}, fmt.Errorf("sqlite: article: %w", err)
	}
	return db.articleByPK(ctx, pk)
}

// articleByPK reads an article with its sources, mentions and events.
// Everything but its sources is written once, by PutArticles, so the
// reads need no common transaction.
func (db *DB) articleByPK(ctx context.Context, pk int64) (store.ArticleDetail, error) {
	var a store.ArticleDetail
	var published string
	var simhash int64
	err := db.db.QueryRowContext(ctx, `SELECT id, url, source, title, published, text, lang, content_hash,
		simhash, num_sources, num_articles FROM articles WHERE pk = ?`, pk).Scan(
		&a.ID, &a.URL, &a.Source, &a.Title, &published, &a.Text, &a.Lang, &a.ContentHash,
		&simhash, &a.NumSources, &a.NumArticles)
	if errors.Is(err, sql.ErrNoRows) {
		return a, store.Errorf(store.ENOTFOUND, "article %d not found", pk)
	} else if err != nil {
		return a, fmt.Errorf("sqlite: article: %w", err)
	}
	a.SimHash = uint64(simhash)
	if a.Published, err = parseTime(published); err != nil {
		return a, fmt.Errorf("sqlite: article %q: %w", a.ID, err)
	}

	a.Sources = []store.SourceRef{}
	rows, err := db.db.QueryContext(ctx, `SELECT source, url FROM sources
		WHERE article_pk = ? AND NOT (source = '' AND url = '') ORDER BY source, url`, pk)
	if err != nil {
		return a, fmt.Errorf("sqlite: article sources: %w", err)
	}
	for rows.Next() {
		var s store.SourceRef
		if err := rows.Scan(&s.Source, &s.URL); err != nil {
			rows.Close()
			return a, fmt.Errorf("sqlite: article sources: %w", err)
		}
		a.Sources = append(a.Sources, s)
	}
	if err := closeRows(rows); err != nil {
		return a, fmt.Errorf("sqlite: article sources: %w", err)
	}

	if a.Mentions, a.Events, err = coding(ctx, db.db, pk); err != nil {
		return a, fmt.Errorf("sqlite: article %q: %w", a.ID, err)
	}
	return a, nil
}

// querier is what coding needs of a *sql.DB or a *sql.Tx.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// coding reads the mentions and events of the article pk, in order.
func coding(ctx context.Context, q querier, pk int64) ([]rasid.Mention, []rasid.Event, error) {
	ms := []rasid.Mention{}
	rows, err := q.QueryContext(ctx, `SELECT text, code, role, kind, start, "end" FROM mentions
		WHERE article_pk = ? ORDER BY seq`, pk)
	if err != nil {
		return nil, nil, fmt.Errorf("mentions: %w", err)
	}
	for rows.Next() {
		var m rasid.Mention
		if err := rows.Scan(&m.Text, &m.Code, &m.Role, &m.Kind, &m.Start, &m.End); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("mentions: %w", err)
		}
		ms = append(ms, m)
	}
	if err := closeRows(rows); err != nil {
		return nil, nil, fmt.Errorf("mentions: %w", err)
	}

	evs := []rasid.Event{}
	rows, err = q.QueryContext(ctx, `SELECT `+eventColumns+` FROM events e
		JOIN articles a ON a.pk = e.article_pk WHERE e.article_pk = ? ORDER BY e.seq`, pk)
	if err != nil {
		return nil, nil, fmt.Errorf("events: %w", err)
	}
	for rows.Next() {
		var e rasid.Event
		if err := scanEvent(rows, &e); err != nil {
			rows.Close()
			return nil, nil, fmt.Errorf("events: %w", err)
		}
		evs = append(evs, e)
	}
	if err := closeRows(rows); err != nil {
		return nil, nil, fmt.Errorf("events: %w", err)
	}
	return ms, evs, nil
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
	match := ftsQuery(terms)
	hits := []store.ArticleHit{}
	if match == "" {
		return hits, nil
	}
	rows, err := db.db.QueryContext(ctx, `SELECT a.id, a.title, a.url, a.source, a.published, a.text, f.rank
		FROM articles_fts f JOIN articles a ON a.pk = f.rowid
		WHERE articles_fts MATCH ? ORDER BY f.rank, a.pk LIMIT ?`, match, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var h store.ArticleHit
		var published, text string
		var rank float64
		if err := rows.Scan(&h.ID, &h.Title, &h.URL, &h.Source, &published, &text, &rank); err != nil {
			return nil, fmt.Errorf("sqlite: search: %w", err)
		}
		if h.Published, err = parseTime(published); err != nil {
			return nil, fmt.Errorf("sqlite: search: article %q: %w", h.ID, err)
		}
		h.Score = -rank // bm25: lower is better
		h.Matches = store.Matches(db.analyze, text, terms)
		h.Snippet, h.Highlights = store.Snippet(text, h.Matches, store.SnippetWidth)
		if h.Matches == nil {
			h.Matches = []rasid.Span{}
		}
		if h.Highlights == nil {
			h.Highlights = []rasid.Span{}
		}
		hits = append(hits, h)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: search: %w", err)
	}
	return hits, nil
}

func closeRows(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

// formatTime stores a time as RFC 3339 with its offset; "" for the zero
// time.
func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format(time.RFC3339Nano)
}

func parseTime(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return time.Parse(time.RFC3339Nano, s)
}
