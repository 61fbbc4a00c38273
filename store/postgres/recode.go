package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

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
	rows, err := db.pool.Query(ctx, `SELECT `+documentColumns+` FROM articles WHERE id > $1 ORDER BY id LIMIT $2`, after, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: documents: %w", err)
	}
	docs, err := collectDocuments(rows)
	if err != nil {
		return nil, fmt.Errorf("postgres: documents: %w", err)
	}
	return docs, nil
}

// documentColumns are the columns of articles collectDocuments reads.
const documentColumns = `id, url, source, title, published, published_offset, text, lang`

// collectDocuments reads rows of documentColumns.
func collectDocuments(rows pgx.Rows) ([]rasid.Document, error) {
	docs := []rasid.Document{}
	var d rasid.Document
	var published pgtype.Timestamptz
	var offset int32
	_, err := pgx.ForEachRow(rows, []any{&d.ID, &d.URL, &d.Source, &d.Title, &published, &offset, &d.Text, &d.Lang}, func() error {
		d.Published = publishedTime(published, offset)
		docs = append(docs, d)
		return nil
	})
	return docs, err
}

// Recode implements store.Store.
//
// It reads the articles' texts and creates the partitions of the new
// events' months before its transaction, as PutArticles does; in the
// transaction it locks each article's row, compares the stored coding
// with the new one, and replaces those that differ: the statement
// triggers on events take the old events out of the rollups and put the
// new ones in.
func (db *DB) Recode(ctx context.Context, rs []store.Recoding) ([]bool, error) {
	out := make([]bool, len(rs))
	if len(rs) == 0 {
		return out, nil
	}
	arts := make([]store.Article, len(rs))
	ids := make([]string, len(rs))
	for i, r := range rs {
		ids[i] = r.ID
	}
	docs, err := db.documentsByID(ctx, db.pool, ids)
	if err != nil {
		return nil, fmt.Errorf("postgres: recode: %w", err)
	}
	prep := make([]*prepared, len(rs))
	for i, r := range rs {
		d, ok := docs[r.ID]
		if !ok {
			return nil, store.Errorf(store.ENOTFOUND, "recode: article %q not found", r.ID)
		}
		arts[i] = store.Article{Document: d, Events: r.Events, Mentions: r.Mentions}
		err := arts[i].Validate()
		if err == nil {
			err = storable(&arts[i])
		}
		if err != nil {
			return nil, store.Errorf(store.EINVALID, "recode: %s", store.ErrorMessage(err))
		}
		prep[i] = db.prepareCoding(&arts[i])
	}
	if err := db.ensureMonths(ctx, allMonths(prep)); err != nil {
		return nil, fmt.Errorf("postgres: recode: %w", err)
	}
	err = pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
		var mentionRows, eventRows [][]any
		for i := range arts {
			a := &arts[i]
			var pk int64
			err := tx.QueryRow(ctx, `SELECT pk FROM articles WHERE id = $1 FOR NO KEY UPDATE`, a.ID).Scan(&pk)
			if errors.Is(err, pgx.ErrNoRows) {
				return store.Errorf(store.ENOTFOUND, "recode: article %q not found", a.ID)
			} else if err != nil {
				return err
			}
			ms, evs, err := coding(ctx, tx, pk)
			if err != nil {
				return err
			}
			if store.SameCoding(a, ms, evs) {
				continue
			}
			if _, err := tx.Exec(ctx, `DELETE FROM events WHERE article_pk = $1`, pk); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `DELETE FROM mentions WHERE article_pk = $1`, pk); err != nil {
				return err
			}
			mentionRows = append(mentionRows, mentionRowsOf(a, pk)...)
			eventRows = append(eventRows, eventRowsOf(a, pk, prep[i])...)
			out[i] = true
		}
		return copyTables(ctx, tx, nil, mentionRows, eventRows)
	})
	if store.ErrorCode(err) == store.ENOTFOUND {
		return nil, err
	} else if err != nil {
		return nil, fmt.Errorf("postgres: recode: %w", err)
	}
	return out, nil
}

// documentsByID reads the stored articles of ids as documents, by id.
func (db *DB) documentsByID(ctx context.Context, q querier, ids []string) (map[string]rasid.Document, error) {
	// A join with the array, not "= ANY($1)", as in lookup: the generic
	// plan of = ANY reads the whole table.
	rows, err := q.Query(ctx, `SELECT `+documentColumns+` FROM unnest($1::text[]) k (id) JOIN articles USING (id)`, ids)
	if err != nil {
		return nil, err
	}
	list, err := collectDocuments(rows)
	if err != nil {
		return nil, err
	}
	docs := make(map[string]rasid.Document, len(list))
	for _, d := range list {
		docs[d.ID] = d
	}
	return docs, nil
}

// coding reads the mentions and events of the article pk, in order.
func coding(ctx context.Context, q querier, pk int64) ([]rasid.Mention, []rasid.Event, error) {
	rows, err := q.Query(ctx, `SELECT text, code, role, kind, start, "end" FROM mentions
		WHERE article_pk = $1 ORDER BY seq`, pk)
	if err != nil {
		return nil, nil, err
	}
	ms := []rasid.Mention{}
	var m rasid.Mention
	if _, err := pgx.ForEachRow(rows, []any{&m.Text, &m.Code, &m.Role, &m.Kind, &m.Start, &m.End}, func() error {
		ms = append(ms, m)
		return nil
	}); err != nil {
		return nil, nil, err
	}
	rows, err = q.Query(ctx, `SELECT `+eventSelect+` FROM events e JOIN articles a ON a.pk = e.article_pk
		WHERE e.article_pk = $1 ORDER BY e.seq`, pk)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	evs := []rasid.Event{}
	for rows.Next() {
		var e rasid.Event
		if err := scanEvent(rows, &e); err != nil {
			return nil, nil, err
		}
		evs = append(evs, e)
	}
	return ms, evs, rows.Err()
}
