package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"

	"rasid"
	"rasid/store"
)

// Documents implements store.Store.
func (db *DB) Documents(ctx context.Context, after string, limit int) ([]rasid.Document, error) {
	if limit < 0 || limit > store.MaxLimit {
		return nil, store.Errorf(store.EINVALID, "documents: limit %d is not 0-%d", limit, store.MaxLimit)
	}
	if limit == 0 {
		limit = store.DefaultLimit
	}
	rows, err := db.db.QueryContext(ctx, `SELECT id, url, source, title, published, text, lang
		FROM articles WHERE id > ? ORDER BY id LIMIT ?`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: documents: %w", err)
	}
	defer rows.Close()
	docs := []rasid.Document{}
	for rows.Next() {
		var d rasid.Document
		var published string
		if err := rows.Scan(&d.ID, &d.URL, &d.Source, &d.Title, &published, &d.Text, &d.Lang); err != nil {
			return nil, fmt.Errorf("sqlite: documents: %w", err)
		}
		if d.Published, err = parseTime(published); err != nil {
			return nil, fmt.Errorf("sqlite: document %q: %w", d.ID, err)
		}
		docs = append(docs, d)
	}
	if err := closeRows(rows); err != nil {
		return nil, fmt.Errorf("sqlite: documents: %w", err)
	}
	return docs, nil
}

// Recode implements store.Store.
func (db *DB) Recode(ctx context.Context, rs []store.Recoding) ([]bool, error) {
	out := make([]bool, len(rs))
	if len(rs) == 0 {
		return out, nil
	}
	tx, err := db.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("sqlite: recode: %w", err)
	}
	defer tx.Rollback()
	p := db.inserter(ctx, tx)
	defer p.close()
	for i, r := range rs {
		var pk int64
		var published string
		a := store.Article{Events: r.Events, Mentions: r.Mentions}
		err := tx.QueryRowContext(ctx, `SELECT pk, id, text, published FROM articles WHERE id = ?`, r.ID).
			Scan(&pk, &a.ID, &a.Text, &published)
		if errors.Is(err, sql.ErrNoRows) {
			return nil, store.Errorf(store.ENOTFOUND, "recode: article %q not found", r.ID)
		} else if err != nil {
			return nil, fmt.Errorf("sqlite: recode %q: %w", r.ID, err)
		}
		if a.Published, err = parseTime(published); err != nil {
			return nil, fmt.Errorf("sqlite: recode %q: %w", r.ID, err)
		}
		if err := a.Validate(); err != nil {
			return nil, store.Errorf(store.EINVALID, "recode: %s", store.ErrorMessage(err))
		}
		ms, evs, err := coding(ctx, tx, pk)
		if err != nil {
			return nil, fmt.Errorf("sqlite: recode %q: %w", r.ID, err)
		}
		if store.SameCoding(&a, ms, evs) {
			continue
		}
		for _, q := range []string{`DELETE FROM events WHERE article_pk = ?`, `DELETE FROM mentions WHERE article_pk = ?`} {
			if _, err := tx.ExecContext(ctx, q, pk); err != nil {
				return nil, fmt.Errorf("sqlite: recode %q: %w", r.ID, err)
			}
		}
		if err := p.insertCoding(ctx, pk, &a, db.evidenceTerms(&a)); err != nil {
			return nil, fmt.Errorf("sqlite: recode %q: %w", r.ID, err)
		}
		// Written now, so that a recoding of the same article later in
		// rs reads and replaces them.
		if err := p.flushMentions(ctx); err != nil {
			return nil, fmt.Errorf("sqlite: recode %q: %w", r.ID, err)
		}
		out[i] = true
	}
	if err := p.flush(ctx); err != nil {
		return nil, fmt.Errorf("sqlite: recode: %w", err)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("sqlite: recode: %w", err)
	}
	return out, nil
}
