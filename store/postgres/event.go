package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgtype"

	"rasid"
	"rasid/store"
)

// eventSelect are the columns scanEvent reads, from events e joined with
// articles a.
const eventSelect = `e.id, a.id, e.source, e.source_role, e.source_text, e.target, e.target_role,
	e.target_text, e.code, e.root, e.quad_class, e.goldstein, e.plover, e.date, e.date_precision,
	e.historical, e."symmetric", e.sentence, e.evidence_start, e.evidence_end, e.evidence_text,
	e.confidence`

// eventSelectColumns is the number of columns of eventSelect.
const eventSelectColumns = 22

// scanEvent scans eventSelect into e, then extra.
func scanEvent(r pgx.Row, e *rasid.Event, extra ...any) error {
	return r.Scan(append([]any{&e.ID, &e.ArticleID, &e.Source, &e.SourceRole, &e.SourceText, &e.Target,
		&e.TargetRole, &e.TargetText, &e.Code, &e.Root, &e.QuadClass, &e.Goldstein, &e.Plover, &e.Date,
		&e.DatePrecision, &e.Historical, &e.Symmetric, &e.Sentence, &e.Evidence.Start, &e.Evidence.End,
		&e.Evidence.Text, &e.Confidence}, extra...)...)
}

// params collects the arguments of a query; a placeholder may be used
// more than once.
type params []any

// add appends v and returns its placeholder.
func (p *params) add(v any) string {
	*p = append(*p, v)
	return "$" + strconv.Itoa(len(*p))
}

// date turns a YYYY-MM-DD that store checked into a date parameter.
func date(day string) pgtype.Date {
	t, _ := time.Parse(time.DateOnly, day)
	return pgtype.Date{Time: t, Valid: true}
}

// dayString formats a day column: "" for an undated event's.
func dayString(d pgtype.Date) string {
	if !d.Valid || d.InfinityModifier != pgtype.Finite {
		return ""
	}
	return d.Time.Format(time.DateOnly)
}

// firstDay is the first day of store's dates: a condition day >= firstDay
// leaves out the undated events, and their partition with them.
const firstDay = `'0001-01-01'::date`

// eventConds translates f, but for f.Actor and f.Cursor, into conditions
// on events e. none is true when f can match nothing (a text query
// without terms).
func (db *DB) eventConds(f store.EventFilter, p *params) (conds []string, none bool, err error) {
	if err := f.Validate(); err != nil {
		return nil, false, err
	}
	if f.Source != "" {
		conds = append(conds, "e.source = "+p.add(f.Source))
	}
	if f.Target != "" {
		conds = append(conds, "e.target = "+p.add(f.Target))
	}
	if f.Root != "" {
		conds = append(conds, "e.root = "+p.add(f.Root))
	}
	if f.Code != "" {
		conds = append(conds, "e.code = "+p.add(f.Code))
	}
	if f.QuadClass != 0 {
		conds = append(conds, "e.quad_class = "+p.add(f.QuadClass))
	}
	lo, hi, _ := store.DayRange(f.From, f.To)
	if lo != "" {
		conds = append(conds, "e.day >= "+p.add(date(lo)))
	}
	if hi != "" {
		conds = append(conds, "e.day <= "+p.add(date(hi)))
		if lo == "" {
			conds = append(conds, "e.day >= "+firstDay)
		}
	}
	if strings.TrimSpace(f.Query) != "" {
		q := tsquery(store.QueryTerms(db.analyze, f.Query))
		if q == "" {
			return nil, true, nil
		}
		ph := p.add(q) + "::tsquery"
		conds = append(conds, `(e.terms @@ `+ph+` OR (e.evidence_text = '' AND
			e.article_pk IN (SELECT pk FROM articles WHERE terms @@ `+ph+`)))`)
	}
	return conds, false, nil
}

func and(conds ...string) string {
	if len(conds) == 0 {
		return "true"
	}
	return strings.Join(conds, " AND ")
}

// Events implements store.Store.
//
// The events come in the order of the indexes that end with (day, id),
// read backwards from the newest partition, which PostgreSQL reads first
// and alone when it holds a page. A filter on an actor is the union of two
// such reads, of the source and of the target side (an OR would collect
// and sort every event of the actor), each of a page at most.
func (db *DB) Events(ctx context.Context, f store.EventFilter) (store.EventPage, error) {
	page := store.EventPage{Events: []rasid.Event{}}
	var p params
	conds, none, err := db.eventConds(f, &p)
	if err != nil || none {
		return page, err
	}
	n := f.PageSize()
	// The page size goes in the text, not as a parameter: a generic plan
	// (which a prepared statement gets after five runs) that does not know
	// the limit sorts every event instead of reading the partitions in
	// order.
	limit := strconv.Itoa(n + 1)
	if cur, _ := store.ParseCursor(f.Cursor); cur.ID != 0 {
		d := undated
		if cur.Day != "" {
			d = date(cur.Day)
		}
		pd, pid := p.add(d), p.add(cur.ID)
		// The first condition lets PostgreSQL skip the newer partitions.
		conds = append(conds, "e.day <= "+pd, "(e.day, e.id) < ("+pd+", "+pid+")")
	}
	read := func(conds ...string) string {
		return `SELECT ` + eventSelect + `, e.day FROM events e JOIN articles a ON a.pk = e.article_pk
			WHERE ` + and(conds...) + ` ORDER BY e.day DESC, e.id DESC LIMIT ` + limit
	}
	q := read(conds...)
	if f.Actor != "" {
		a := p.add(f.Actor)
		day := strconv.Itoa(eventSelectColumns + 1)
		q = `SELECT * FROM ((` + read(append(conds, "e.source = "+a)...) + `) UNION ALL (` +
			read(append(conds, "e.target = "+a, "e.source <> "+a)...) + `)) page
			ORDER BY ` + day + ` DESC, 1 DESC LIMIT ` + limit
	}
	rows, err := db.pool.Query(ctx, q, p...)
	if err != nil {
		return page, fmt.Errorf("postgres: events: %w", err)
	}
	defer rows.Close()
	var last store.Cursor
	for rows.Next() {
		var e rasid.Event
		var d pgtype.Date
		if err := scanEvent(rows, &e, &d); err != nil {
			return page, fmt.Errorf("postgres: events: %w", err)
		}
		if len(page.Events) == n {
			page.Next = last.String()
			break
		}
		page.Events = append(page.Events, e)
		last = store.Cursor{Day: dayString(d), ID: e.ID}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return page, fmt.Errorf("postgres: events: %w", err)
	}
	return page, nil
}

// Event implements store.Store.
func (db *DB) Event(ctx context.Context, id int64) (store.EventDetail, error) {
	var d store.EventDetail
	var pk int64
	err := scanEvent(db.pool.QueryRow(ctx, `SELECT `+eventSelect+`, e.article_pk FROM events e
		JOIN articles a ON a.pk = e.article_pk WHERE e.id = $1`, id), &d.Event, &pk)
	if errors.Is(err, pgx.ErrNoRows) {
		return d, store.Errorf(store.ENOTFOUND, "event %d not found", id)
	} else if err != nil {
		return d, fmt.Errorf("postgres: event: %w", err)
	}
	if d.Article, err = db.article(ctx, `pk = $1`, pk); err != nil {
		return d, fmt.Errorf("postgres: event %d: article: %w", id, err)
	}
	return d, nil
}

// ExportEvents implements store.Store.
//
// NumMentions sums NumArticles over the events of the same source, target,
// day and code. The events come ordered by day, so those of one key are
// neighbours in the stream when the filter keeps every event of a key it
// keeps one of (a filter on codes and days only, of which root is a
// part): then the sums are made in Go, a day's events at a time, and the
// export is one ordered read, whatever its size. Otherwise (a quad class or
// a text query) each event's sum is a subquery, which the index on
// (source, target, day) answers in the partition of the day.
func (db *DB) ExportEvents(ctx context.Context, f store.EventFilter, fn func(store.ExportRow) error) error {
	f.Limit, f.Cursor = 0, ""
	var p params
	conds, none, err := db.eventConds(f, &p)
	if err != nil || none {
		return err
	}
	if f.Actor != "" {
		a := p.add(f.Actor)
		conds = append(conds, "(e.source = "+a+" OR e.target = "+a+")")
	}
	keyed := f.QuadClass == 0 && strings.TrimSpace(f.Query) == ""
	mentions := `0::bigint`
	if !keyed {
		mentions = `(SELECT sum(a2.num_articles) FROM events e2 JOIN articles a2 ON a2.pk = e2.article_pk
			WHERE e2.source = e.source AND e2.target = e.target AND e2.day = e.day AND e2.code = e.code)::bigint`
	}
	rows, err := db.pool.Query(ctx, `SELECT `+eventSelect+`, a.url, a.source, a.published, a.published_offset,
			a.num_sources, a.num_articles, `+mentions+`, e.day
		FROM events e JOIN articles a ON a.pk = e.article_pk
		WHERE `+and(conds...)+` ORDER BY e.day DESC, e.id DESC`, p...)
	if err != nil {
		return fmt.Errorf("postgres: export: %w", err)
	}
	defer rows.Close()
	var day []store.ExportRow // the rows of one day, when keyed
	var current pgtype.Date
	flush := func() error {
		type key struct{ source, target, code string }
		sums := make(map[key]int)
		for _, r := range day {
			sums[key{r.Event.Source, r.Event.Target, r.Event.Code}] += r.NumArticles
		}
		for _, r := range day {
			r.NumMentions = sums[key{r.Event.Source, r.Event.Target, r.Event.Code}]
			if err := fn(r); err != nil {
				return err
			}
		}
		day = day[:0]
		return nil
	}
	for rows.Next() {
		var r store.ExportRow
		var published pgtype.Timestamptz
		var offset int32
		var d pgtype.Date
		if err := scanEvent(rows, &r.Event, &r.URL, &r.Outlet, &published, &offset, &r.NumSources,
			&r.NumArticles, &r.NumMentions, &d); err != nil {
			return fmt.Errorf("postgres: export: %w", err)
		}
		r.Published = publishedTime(published, offset)
		if !keyed {
			if err := fn(r); err != nil {
				return err
			}
			continue
		}
		if len(day) > 0 && (d.Time != current.Time || d.InfinityModifier != current.InfinityModifier) {
			if err := flush(); err != nil {
				return err
			}
		}
		current = d
		day = append(day, r)
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("postgres: export: %w", err)
	}
	return flush()
}

// DyadTimeline implements store.Store from the dyad_days rollup, summed
// per period in SQL so that only the periods come back.
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
	// The period expressions agree with store.PeriodStart.
	period := map[string]string{
		store.IntervalDay:   "day",
		store.IntervalWeek:  "day - (extract(isodow FROM day)::integer - 1)", // its Monday
		store.IntervalMonth: "date_trunc('month', day)::date",
	}[interval]
	var p params
	cond := "true"
	if lo != "" {
		cond += " AND day >= " + p.add(date(lo))
	}
	if hi != "" {
		cond += " AND day <= " + p.add(date(hi))
	}
	pa, pb := p.add(a), p.add(b)
	dyad := "source = " + pa + " AND target = " + pb
	if a != b {
		dyad = "((" + dyad + ") OR (source = " + pb + " AND target = " + pa + "))"
	}
	rows, err := db.pool.Query(ctx, `SELECT `+period+` AS period, sum(events)::bigint, sum(goldstein),
			sum(q1)::bigint, sum(q2)::bigint, sum(q3)::bigint, sum(q4)::bigint
		FROM dyad_days WHERE `+dyad+` AND `+cond+` GROUP BY period`, p...)
	if err != nil {
		return nil, fmt.Errorf("postgres: timeline: %w", err)
	}
	var days []store.DayCount
	var d store.DayCount
	var day time.Time
	if _, err := pgx.ForEachRow(rows, []any{&day, &d.Events, &d.Goldstein, &d.Quad[0], &d.Quad[1], &d.Quad[2], &d.Quad[3]}, func() error {
		d.Day = day.Format(time.DateOnly)
		days = append(days, d)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("postgres: timeline: %w", err)
	}
	return store.Timeline(days, interval, lo, hi)
}

// Network implements store.Store from the rollups: dyads for the whole
// period, else dyad_months for the whole months of [from, to] and
// dyad_days for the days before and after them.
func (db *DB) Network(ctx context.Context, from, to string) ([]store.Edge, error) {
	lo, hi, err := store.DayRange(from, to)
	if err != nil {
		return nil, err
	}
	const states = `source ~ '^[A-Z]{3}$' AND target ~ '^[A-Z]{3}$' AND source <> target`
	var q string
	var p params
	if lo == "" && hi == "" {
		q = `SELECT source, target, events, goldstein FROM dyads WHERE ` + states
	} else {
		var parts []string
		m1, m2, d1, d2 := store.SplitMonths(lo, hi)
		if m1 != "" {
			parts = append(parts, `SELECT source, target, events, goldstein FROM dyad_months
				WHERE month BETWEEN `+p.add(m1)+` AND `+p.add(m2)+` AND `+states)
		}
		for _, d := range [][2]string{d1, d2} {
			if d[0] != "" {
				parts = append(parts, `SELECT source, target, events, goldstein FROM dyad_days
					WHERE day BETWEEN `+p.add(date(d[0]))+` AND `+p.add(date(d[1]))+` AND `+states)
			}
		}
		if len(parts) == 0 {
			return []store.Edge{}, nil
		}
		q = strings.Join(parts, " UNION ALL ")
	}
	rows, err := db.pool.Query(ctx, `SELECT source, target, sum(events)::bigint, sum(goldstein) FROM (`+q+`) n
		GROUP BY source, target ORDER BY 3 DESC, 1, 2`, p...)
	if err != nil {
		return nil, fmt.Errorf("postgres: network: %w", err)
	}
	edges := []store.Edge{}
	var e store.Edge
	var sum float64
	if _, err := pgx.ForEachRow(rows, []any{&e.Source, &e.Target, &e.Events, &sum}, func() error {
		e.Goldstein = sum / float64(e.Events)
		edges = append(edges, e)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("postgres: network: %w", err)
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
	rows, err := db.pool.Query(ctx, `SELECT code, sum(n)::bigint, sum(s)::bigint, sum(t)::bigint FROM (
			SELECT source AS code, events AS n, events AS s, 0 AS t FROM dyads WHERE source <> ''
			UNION ALL
			SELECT target, CASE WHEN target = source THEN 0 ELSE events END, 0, events
			FROM dyads WHERE target <> ''
		) c GROUP BY code ORDER BY 2 DESC, 1 LIMIT $1`, limit)
	if err != nil {
		return nil, fmt.Errorf("postgres: actors: %w", err)
	}
	out := []store.ActorCount{}
	var c store.ActorCount
	if _, err := pgx.ForEachRow(rows, []any{&c.Code, &c.Events, &c.AsSource, &c.AsTarget}, func() error {
		out = append(out, c)
		return nil
	}); err != nil {
		return nil, fmt.Errorf("postgres: actors: %w", err)
	}
	return out, nil
}

// Stats implements store.Store from the rollups and counters, in one
// round trip.
func (db *DB) Stats(ctx context.Context) (store.Stats, error) {
	s := store.Stats{Months: []store.PeriodCount{}, TopDyads: []store.DyadCount{}, Roots: []store.RootCount{}}
	b := &pgx.Batch{}
	// The distinct outlets, hopping from one to the next through the
	// index on sources (source): one probe per outlet.
	b.Queue(`WITH RECURSIVE outlets (source) AS (
			(SELECT source FROM sources WHERE source > '' ORDER BY source LIMIT 1)
			UNION ALL
			SELECT (SELECT s.source FROM sources s WHERE s.source > o.source ORDER BY s.source LIMIT 1)
			FROM outlets o WHERE o.source IS NOT NULL)
		SELECT (SELECT coalesce(sum(articles), 0)::bigint FROM article_counts),
			(SELECT coalesce(sum(events), 0)::bigint FROM root_months),
			(SELECT count(source) FROM outlets)`).QueryRow(func(r pgx.Row) error {
		return r.Scan(&s.Articles, &s.Events, &s.Sources)
	})
	var pc store.PeriodCount
	b.Queue(`SELECT month, sum(events)::bigint FROM root_months WHERE month <> '' GROUP BY month ORDER BY month`).
		Query(func(rows pgx.Rows) error {
			_, err := pgx.ForEachRow(rows, []any{&pc.Period, &pc.Events}, func() error {
				s.Months = append(s.Months, pc)
				return nil
			})
			return err
		})
	var dc store.DyadCount
	var sum float64
	b.Queue(`SELECT source, target, events, goldstein FROM dyads
		WHERE source <> '' AND target <> '' ORDER BY 3 DESC, 1, 2 LIMIT $1`, store.TopDyads).
		Query(func(rows pgx.Rows) error {
			_, err := pgx.ForEachRow(rows, []any{&dc.Source, &dc.Target, &dc.Events, &sum}, func() error {
				dc.Goldstein = sum / float64(dc.Events)
				s.TopDyads = append(s.TopDyads, dc)
				return nil
			})
			return err
		})
	var rc store.RootCount
	b.Queue(`SELECT root, sum(events)::bigint FROM root_months GROUP BY root ORDER BY root`).
		Query(func(rows pgx.Rows) error {
			_, err := pgx.ForEachRow(rows, []any{&rc.Root, &rc.Events}, func() error {
				s.Roots = append(s.Roots, rc)
				return nil
			})
			return err
		})
	if err := db.pool.SendBatch(ctx, b).Close(); err != nil {
		return s, fmt.Errorf("postgres: stats: %w", err)
	}
	return s, nil
}
