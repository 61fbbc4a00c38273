package app

import (
	"context"
	"fmt"
	"os"
	"strings"

	"rasid/arabic"
	"rasid/store"
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
	toks := arabic.Tokenize(text)
	out := make([]string, 0, len(toks))
	for _, t := range toks {
		switch t.Kind {
		case arabic.Word:
			out = append(out, arabic.Stem(t.Norm))
		case arabic.Latin, arabic.Number:
			out = append(out, t.Norm)
		}
	}
	return out
}

// OpenStore opens the database at path: a postgres:// URL selects the
// PostgreSQL backend, anything else is an SQLite file (created if absent).
func OpenStore(ctx context.Context, path string) (store.Store, error) {
	if strings.HasPrefix(path, "postgres://") || strings.HasPrefix(path, "postgresql://") {
		return nil, fmt.Errorf("opening %s: the PostgreSQL backend is not built yet; use an SQLite file", path)
	}
	db, err := sqlite.Open(ctx, path, Analyzer)
	if err != nil {
		return nil, fmt.Errorf("opening database %s: %w", path, err)
	}
	return db, nil
}
