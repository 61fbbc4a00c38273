package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/jackc/pgx/v5"
)

// partitionWait bounds how long ensureMonths waits for the lock that
// attaching a partition takes on events (SHARE UPDATE EXCLUSIVE: readers
// and writers do not hold it, but VACUUM, ANALYZE and schema changes do).
const partitionWait = 2 * time.Minute

// partitionName is the name of the partition of events of month
// (YYYY-MM).
func partitionName(month string) string {
	return "events_y" + month[:4] + "m" + month[5:7]
}

// ensureMonths makes sure that events has a partition for each of months
// (YYYY-MM), in transactions of its own, which a writer calls before its
// own transaction.
func (db *DB) ensureMonths(ctx context.Context, months []string) error {
	missing := db.unknownMonths(months)
	if len(missing) == 0 {
		return nil
	}
	// Another process may have created them: learn every partition.
	rows, err := db.pool.Query(ctx, `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
		WHERE i.inhparent = 'events'::regclass`)
	if err != nil {
		return fmt.Errorf("partitions: %w", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("partitions: %w", err)
	}
	for _, n := range names {
		if len(n) == len("events_y2025m03") && n[:8] == "events_y" && n[12] == 'm' {
			db.months.Store(n[8:12]+"-"+n[13:15], struct{}{})
		}
	}
	missing = db.unknownMonths(missing)
	if len(missing) == 0 {
		return nil
	}
	slices.Sort(missing)
	deadline := time.Now().Add(partitionWait)
	for attempt := 1; ; attempt++ {
		err := pgx.BeginFunc(ctx, db.pool, func(tx pgx.Tx) error {
			// A short lock timeout: while this waits, what asks for a
			// conflicting lock waits too; better to step back and retry.
			if _, err := tx.Exec(ctx, `SET LOCAL lock_timeout = '500ms'`); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1, hashtext(current_schema()))`, lockPartition); err != nil {
				return err
			}
			for _, m := range missing {
				if err := createPartition(ctx, tx, m); err != nil {
					return fmt.Errorf("month %s: %w", m, err)
				}
			}
			return nil
		})
		if err == nil {
			break
		}
		if sqlState(err) != codeLockTimeout || time.Now().After(deadline) {
			if sqlState(err) == codeLockTimeout {
				err = fmt.Errorf("the events table stayed locked for %v (by VACUUM, ANALYZE or a schema change): %w", partitionWait, err)
			}
			return fmt.Errorf("partitions: %w", err)
		}
		if err := backoff(ctx, min(attempt+4, 8)); err != nil {
			return fmt.Errorf("partitions: %w", errors.Join(err, ctx.Err()))
		}
	}
	for _, m := range missing {
		db.months.Store(m, struct{}{})
	}
	return nil
}

// unknownMonths returns the months of ms not known to have a partition.
func (db *DB) unknownMonths(ms []string) []string {
	var out []string
	for _, m := range ms {
		if _, ok := db.months.Load(m); !ok && !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

// forgetMonths clears what the store knows of the partitions, after an
// insert found one missing (dropped behind its back).
func (db *DB) forgetMonths() {
	db.months.Clear()
}

// createPartition creates the partition of month unless it exists. It
// creates a table and attaches it, rather than CREATE TABLE … PARTITION
// OF, which would lock the whole of events against readers and writers:
// attaching takes a lock that neither conflicts with. The caller holds the
// partition lock.
func createPartition(ctx context.Context, tx pgx.Tx, month string) error {
	first, err := time.Parse("2006-01", month)
	if err != nil {
		return err
	}
	name := partitionName(month)
	var exists bool
	if err := tx.QueryRow(ctx, `SELECT to_regclass($1) IS NOT NULL`, name).Scan(&exists); err != nil || exists {
		return err
	}
	ident := pgx.Identifier{name}.Sanitize()
	if _, err := tx.Exec(ctx, `CREATE TABLE `+ident+` (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING STORAGE)`); err != nil {
		return err
	}
	// The bounds are dates this code formatted, not user input.
	_, err = tx.Exec(ctx, fmt.Sprintf(`ALTER TABLE events ATTACH PARTITION %s FOR VALUES FROM ('%s') TO ('%s')`,
		ident, first.Format(time.DateOnly), first.AddDate(0, 1, 0).Format(time.DateOnly)))
	return err
}
