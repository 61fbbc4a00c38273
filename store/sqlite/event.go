package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"rasid"
	"rasid/store"
)

// eventColumns are the columns scanEvent reads, from events e joined with
// articles a.
const eventColumns = `e.id, a.id, e.source, e.source_role, e.source_text, e.target, e.target_role,
	e.target_text, e.code, e.root, e.quad_class, e.goldstein, e.plover, e.date, e.date_precision,
	e.historical, e.symmetric, e.sentence, e.evidence_start, e.evidence_end, e.evidence_text,
	e.confidence`

type scanner interface{ Scan(dst ...any) error }

// scanEvent scans eventColumns into e, then extra.
func scanEvent(s scanner, e *rasid.Event, extra ...any) error {
	return s.Scan(append([]any{&e.ID, &e.ArticleID, &e.Source, &e.SourceRole, &e.SourceText, &e.Target,
		&e.TargetRole, &e.TargetText, &e.Code, &e.Root, &e.QuadClass, &e.Goldstein, &e.Plover, &e.Date,
		&e.DatePrecision, &e.Historical, &e.Symmetric, &e.Sentence, &e.Evidence.Start, &e.Evidence.End,
		&e.Evidence.Text, &e.Confidence}, extra...)...)
}

// where is a WHERE clause being built: conditions joined by AND, and
// their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w where) String() string {
	if len(w.conds) == 0 {
		return "1"
	}
	return strings.Join(w.conds, " AND ")
}

// with returns a copy of w with one more condition.
func (w where) with(cond string, args ...any) where {
	c := where{conds: slices.Clone(w.conds), args: slices.Clone(w.args)}
	c.add(cond, args...)
	return c
}

// eventWhere translates f, but for f.Actor and f.Cursor, into the
// conditions of a query over events e. none is true when f can match
// nothing (a text query without terms).
func (db *DB) eventWhere(f store.EventFilter) (w where, none bool, err error) {
	if err := f.Validate(); err != nil {
		return w, false, err
	}
	add := w.add
	if f.Source != "" {
		add("e.source = ?", f.Source)
	}
	if f.Target != "" {
		add("e.target = ?", f.Target)
	}
	if f.Root != "" {
		add("e.root = ?", f.Root)
	}
	if f.Code != "" {
		add("e.code = ?", f.Code)
	}
	if f.QuadClass != 0 {
		add("e.quad_class = ?", f.QuadClass)
	}
	lo, hi, _ := store.DayRange(f.From, f.To)
	if lo != "" {
		add("e.day >= ?", lo)
	}
	if hi != "" {
		add("e.day <= ? AND e.day <> ''", hi)
	}
	if strings.TrimSpace(f.Query) != "" {
		match := ftsQuery(store.QueryTerms(db.analyze, f.Query))
		if match == "" {
			return w, true, nil
		}
		add(`(e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)
			OR (e.evidence_text = '' AND e.article_pk IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)))`,
			match, match)
	}
	return w, false, nil
}

// Events implements store.Store.
func (db *DB) Events(ctx context.Context, f store.EventFilter) (store.EventPage, error) {
	page := store.EventPage{Events: []rasid.Event{}}
	w, none, err := db.eventWhere(f)
	if err != nil || none {
		return page, err
	}
	cur, _ := store.ParseCursor(f.Cursor)
	if cur.ID != 0 {
		// Keyset: after (day, id) in (day DESC, id DESC) order. The
		// first condition lets SQLite seek in an index ending with day.
		w.add("e.day <= ? AND (e.day < ? OR e.id < ?)", cur.Day, cur.Day, cur.ID)
	}
	n := f.PageSize()
	// The events are read with their day, in the column after
	// eventColumns (23rd), for the cursor.
	page1 := func(w where) (string, []any) {
		return `SELECT ` + eventColumns + `, e.day FROM events e JOIN articles a ON a.pk = e.article_pk
			WHERE ` + w.String() + ` ORDER BY e.day DESC, e.id DESC LIMIT ?`, append(w.args, n+1)
	}
	var q string
	var args []any
	if f.Actor == "" {
		q, args = page1(w)
	} else {
		// Either side, as the union of two pages each read in order
		// from an index on (source, day) or (target, day): an OR would
		// collect and sort every event of the actor.
		q1, a1 := page1(w.with("e.source = ?", f.Actor))
		q2, a2 := page1(w.with("e.target = ? AND e.source <> ?", f.Actor, f.Actor))
		q = `SELECT * FROM (` + q1 + `) UNION ALL SELECT * FROM (` + q2 + `) ORDER BY 23 DESC, 1 DESC LIMIT ?`
		args = append(append(a1, a2...), n+1)
	}
	rows, err := db.db.QueryContext(ctx, q, args...)
	if err != nil {
		return page, fmt.Errorf("sqlite: events: %w", err)
	}
	defer rows.Close()
	var last store.Cursor
	for rows.Next() {
		var e rasid.Event
		var day string
		if err := scanEvent(rows, &e, &day); err != nil {
			return page, fmt.Errorf("sqlite: events: %w", err)
		}
		if len(page.Events) == n {
			page.Next = last.String()
			break
		}
		page.Events = append(page.Events, e)
		last = store.Cursor{Day: day, ID: e.ID}
	}
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("sqlite: events: %w", err)
	}
	return page, nil
}

// Event implements store.Store.
func (db *DB) Event(ctx context.Context, id int64) (store.EventDetail, error) {
	var d store.EventDetail
	var pk int64
	err := scanEvent(db.db.QueryRowContext(ctx, `SELECT `+eventColumns+`, e.article_pk FROM events e
		JOIN articles a ON a.pk = e.article_pk WHERE e.id = ?`, id), &d.Event, &pk)
	if errors.Is(err, sql.ErrNoRows) {
		return d, store.Errorf(store.ENOTFOUND, "event %d not found", id)
	} else if err != nil {
		return d, fmt.Errorf("sqlite: event: %w", err)
	}
	if d.Article, err = db.articleByPK(ctx, pk); err != nil {
		return d, err
	}
	return d, nil
}

// ExportEvents implements store.Store. NumMentions is computed per event
// from the index on (source, target, day).
func (db *DB) ExportEvents(ctx context.Context, f store.EventFilter, fn func(store.ExportRow) error) error {
	f.Limit, f.Cursor = 0, ""
	w, none, err := db.eventWhere(f)
	if err != nil || none {
		return err
	}
	if f.Actor != "" {
		w.add("(e.source = ? OR e.target = ?)", f.Actor, f.Actor)
	}
	rows, err := db.db.QueryContext(ctx, `SELECT `+eventColumns+`, a.url, a.source, a.published,
		a.num_sources, a.num_articles,
		(SELECT sum(a2.num_articles) FROM events e2 JOIN articles a2 ON a2.pk = e2.article_pk
			WHERE e2.source = e.source AND e2.target = e.target AND e2.day = e.day AND e2.code = e.code)
		FROM events e JOIN articles a ON a.pk = e.article_pk
		WHERE `+w.String()+` ORDER BY e.day DESC, e.id DESC`, w.args...)
	if err != nil {
		return fmt.Errorf("sqlite: export: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var r store.ExportRow
		var published string
		if err := scanEvent(rows, &r.Event, &r.URL, &r.Outlet, &published, &r.NumSources,
			&r.NumArticles, &r.NumMentions); err != nil {
			return fmt.Errorf("sqlite: export: %w", err)
		}
		if r.Published, err = parseTime(published); err != nil {
			return fmt.Errorf("sqlite: export: article %q: %w", r.Event.ArticleID, err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sqlite: export: %w", err)
	}
	return nil
}

// DyadTimeline implements store.Store from the dyad_days rollup.
func (db *DB) DyadTimeline(ctx context.Context, a, b, interval, from, to string) ([]store.TimelinePoint, error) {
	if a == "" || b == "" {
		return nil, store.Errorf(store.EINVALID, "timeline: both codes are needed")
	}
	interval, err := store.CheckInterval(interval)
	if err != nil {
		return nil, err
	}
	lo, hi, err := store.DayRange(from, to)
	if err != nil {
		return nil, err
	}
	// Sum per period in SQL, so that only the periods come back; the
	// period expressions agree with store.PeriodStart.
	period := map[string]string{
		store.IntervalDay:   "day",
		store.IntervalWeek:  "date(day, '-6 days', 'weekday 1')", // the Monday on or before
		store.IntervalMonth: "substr(day, 1, 8) || '01'",
	}[interval]
	cond, args := dayCond(lo, hi)
	one := `SELECT day, events, goldstein, q1, q2, q3, q4 FROM dyad_days WHERE source = ? AND target = ? AND ` + cond
	union, qargs := one, append([]any{a, b}, args...)
	if a != b {
		union += ` UNION ALL ` + one
		qargs = append(qargs, append([]any{b, a}, args...)...)
	}
	q := `SELECT ` + period + ` AS period, sum(events), sum(goldstein), sum(q1), sum(q2), sum(q3), sum(q4)
		FROM (` + union + `) GROUP BY period`
	rows, err := db.db.QueryContext(ctx, q, qargs...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: timeline: %w", err)
	}
	defer rows.Close()
	var days []store.DayCount
	for rows.Next() {
		var d store.DayCount
		if err := rows.Scan(&d.Day, &d.Events, &d.Goldstein, &d.Quad[0], &d.Quad[1], &d.Quad[2], &d.Quad[3]); err != nil {
			return nil, fmt.Errorf("sqlite: timeline: %w", err)
		}
		days = append(days, d)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: timeline: %w", err)
	}
	return store.Timeline(days, interval, lo, hi)
}

// dayCond is the condition on a day column for [lo, hi], leaving out
// undated rows.
func dayCond(lo, hi string) (string, []any) {
	cond, args := "day <> ''", []any(nil)
	if lo != "" {
		cond += " AND day >= ?"
		args = append(args, lo)
	}
	if hi != "" {
		cond += " AND day <= ?"
		args = append(args, hi)
	}
	return cond, args
}

// Network implements store.Store from the rollups: dyads for the whole
// period, else dyad_months for the whole months of [from, to] and
// dyad_days for the days before and after them.
func (db *DB) Network(ctx context.Context, from, to string) ([]store.Edge, error) {
	lo, hi, err := store.DayRange(from, to)
	if err != nil {
		return nil, err
	}
	const states = `source GLOB '[A-Z][A-Z][A-Z]' AND target GLOB '[A-Z][A-Z][A-Z]' AND source <> target`
	var q string
	var args []any
	if lo == "" && hi == "" {
		q = `SELECT source, target, events, goldstein FROM dyads WHERE ` + states
	} else {
		var parts []string
		m1, m2, d1, d2 := store.SplitMonths(lo, hi)
		if m1 != "" {
			parts = append(parts, `SELECT source, target, events, goldstein FROM dyad_months
				WHERE month BETWEEN ? AND ? AND `+states)
			args = append(args, m1, m2)
		}
		for _, d := range [][2]string{d1, d2} {
			if d[0] != "" {
				parts = append(parts, `SELECT source, target, events, goldstein FROM dyad_days
					WHERE day BETWEEN ? AND ? AND `+states)
				args = append(args, d[0], d[1])
			}
		}
		if len(parts) == 0 {
			return []store.Edge{}, nil
		}
		q = strings.Join(parts, " UNION ALL ")
	}
	rows, err := db.db.QueryContext(ctx, `SELECT source, target, sum(events), sum(goldstein) FROM (`+q+`)
		GROUP BY source, target ORDER BY 3 DESC, 1, 2`, args...)
	if err != nil {
		return nil, fmt.Errorf("sqlite: network: %w", err)
	}
	defer rows.Close()
	edges := []store.Edge{}
	for rows.Next() {
		var e store.Edge
		var sum float64
		if err := rows.Scan(&e.Source, &e.Target, &e.Events, &sum); err != nil {
			return nil, fmt.Errorf("sqlite: network: %w", err)
		}
		e.Goldstein = sum / float64(e.Events)
		edges = append(edges, e)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: network: %w", err)
	}
	return edges, nil
}

// Actors implements store.Store from the dyads rollup.
func (db *DB) Actors(ctx context.Context, limit int) ([]store.ActorCount, error) {
	if limit < 0 || limit > store.MaxLimit {
		return nil, store.Errorf(store.EINVALID, "actors: limit %d is not 0-%d", limit, store.MaxLimit)
	}
	if limit == 0 {
		limit = store.DefaultLimit
	}
	rows, err := db.db.QueryContext(ctx, `SELECT code, sum(n), sum(s), sum(t) FROM (
			SELECT source AS code, events AS n, events AS s, 0 AS t FROM dyads WHERE source <> ''
			UNION ALL
			SELECT target, CASE WHEN target = source THEN 0 ELSE events END, 0, events
			FROM dyads WHERE target <> ''
		) GROUP BY code ORDER BY 2 DESC, 1 LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("sqlite: actors: %w", err)
	}
	defer rows.Close()
	out := []store.ActorCount{}
	for rows.Next() {
		var c store.ActorCount
		if err := rows.Scan(&c.Code, &c.Events, &c.AsSource, &c.AsTarget); err != nil {
			return nil, fmt.Errorf("sqlite: actors: %w", err)
		}
		out = append(out, c)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sqlite: actors: %w", err)
	}
	return out, nil
}

// Stats implements store.Store from the rollups.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	s := store.Stats{Months: []store.PeriodCount{}, TopDyads: []store.DyadCount{}, Roots: []store.RootCount{}}
	err := db.db.QueryRowContext(ctx, `SELECT
		(SELECT count(*) FROM articles),
		(SELECT coalesce(sum(events), 0) FROM root_months),
		(SELECT count(DISTINCT source) FROM sources WHERE source <> '')`).Scan(&s.Articles, &s.Events, &s.Sources)
	if err != nil {
		return s, fmt.Errorf("sqlite: stats: %w", err)
	}
	if err := db.each(ctx, `SELECT month, sum(events) FROM root_months WHERE month <> ''
		GROUP BY month ORDER BY month`, nil, func(r scanner) error {
		var p store.PeriodCount
		err := r.Scan(&p.Period, &p.Events)
		s.Months = append(s.Months, p)
		return err
	}); err != nil {
		return s, fmt.Errorf("sqlite: stats: %w", err)
	}
	if err := db.each(ctx, `SELECT source, target, events, goldstein FROM dyads
		WHERE source <> '' AND target <> '' ORDER BY 3 DESC, 1, 2 LIMIT ?`,
		[]any{store.TopDyads}, func(r scanner) error {
			var d store.DyadCount
			var sum float64
			err := r.Scan(&d.Source, &d.Target, &d.Events, &sum)
			d.Goldstein = sum / float64(d.Events)
			s.TopDyads = append(s.TopDyads, d)
			return err
		}); err != nil {
		return s, fmt.Errorf("sqlite: stats: %w", err)
	}
	if err := db.each(ctx, `SELECT root, sum(events) FROM root_months GROUP BY root ORDER BY root`, nil,
		func(r scanner) error {
			var c store.RootCount
			err := r.Scan(&c.Root, &c.Events)
			s.Roots = append(s.Roots, c)
			return err
		}); err != nil {
		return s, fmt.Errorf("sqlite: stats: %w", err)
	}
	return s, nil
}

// each runs query and calls fn for each row.
func (db *DB) each(ctx context.Context, query string, args []any, fn func(scanner) error) error {
	rows, err := db.db.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}
