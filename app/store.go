package app

import (
	"context"
	"fmt"
	"os"
	"strings"
	"sync"

	"rasid/arabic"
	"rasid/store"
	"rasid/store/postgres"
	"rasid/store/sqlite"
)

// DefaultDB is the database used when neither --db nor $RASID_DB is set.
const DefaultDB = "rasid.db"

// DBPath returns flag if set, else $RASID_DB, else DefaultDB.
func DBPath(flag string) string {
	if flag != "" {
		return flag
	}
	if env := os.Getenv("RASID_DB"); env != "" {
		return env
	}
	return DefaultDB
}

// Analyzer is the search analyser of every store: the normalised, lightly
// stemmed words of a text, so that "مغربية" finds "المغرب".
func Analyzer(text string) []string {
	buf := tokenBufs.Get().(*[]arabic.Token)
	toks := arabic.DefaultOptions.AppendTokens((*buf)[:0], text)
	n := 0
	for _, t := range toks {
		switch t.Kind {
		case arabic.Word, arabic.Latin, arabic.Number:
			n++
		}
	}
	out := make([]string, 0, n)
	for _, t := range toks {
		switch t.Kind {
		case arabic.Word:
			out = append(out, arabic.Stem(t.Norm))
		case arabic.Latin, arabic.Number:
			out = append(out, t.Norm)
		}
	}
	if cap(toks) <= maxTokenBuf {
		clear(toks) // let go of the texts
		*buf = toks[:0]
		tokenBufs.Put(buf)
	}
	return out
}

// tokenBufs holds Analyzer's token slices for reuse: a new one for each
// article was a quarter of the bytes an ingest allocated.
var tokenBufs = sync.Pool{New: func() any { return new([]arabic.Token) }}

// maxTokenBuf is the capacity of the largest token slice tokenBufs keeps
// (3 MB of tokens, the text of a 3 MB article).
const maxTokenBuf = 1 << 16

// IsPostgres reports whether path is a postgres:// (or postgresql://) URL,
// which selects the PostgreSQL backend.
func IsPostgres(path string) bool {
	return strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://")
}

// DisplayDB is path as messages show it: a URL without its password.
func DisplayDB(path string) string {
	if IsPostgres(path) {
		return postgres.Redact(path)
	}
	return path
}

// OpenStore opens the database at path: a postgres:// URL selects the
// PostgreSQL backend (the tables go in the first schema of the search
// path, which ?search_path=… may set), anything else is an SQLite file
// (created if absent). Both are migrated to this program's schema.
func OpenStore(ctx context.Context, path string) (store.Store, error) {
	if IsPostgres(path) {
		db, err := postgres.Open(ctx, path, Analyzer)
		if err != nil {
			return nil, fmt.Errorf("opening database %s: %w", DisplayDB(path), err)
		}
		return db, nil
	}
	db, err := sqlite.Open(ctx, path, Analyzer)
	if err != nil {
		return nil, fmt.Errorf("opening database %s: %w", path, err)
	}
	return db, nil
}
