package postgres_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5/pgtype"

	"rasid"
	"rasid/internal/pgtest"
	"rasid/store"
	"rasid/store/postgres"
)

func TestTSVector(t *testing.T) {
	long := strings.Repeat("ب", 1024) // 2048 bytes: one more than a lexeme holds
	for _, tc := range []struct {
		name  string
		terms []string
		want  string
	}{
		{"positions from 1, sorted by bytes", []string{"مغرب", "روس", "2016"}, "'2016':3 'روس':2 'مغرب':1"},
		{"a repeated term keeps every position", []string{"مغرب", "روس", "مغرب"}, "'روس':2 'مغرب':1,3"},
		{"punctuation alone is no term", []string{"؟", "!", "مغرب"}, "'مغرب':3"},
		{"quotes and backslashes are kept", []string{`it's`, `a\b`}, `'a\\b':2 'it\'s':1`},
		{"too long for a lexeme", []string{long, "مغرب"}, "'مغرب':2"},
		{"nothing", nil, ""},
	} {
		v := postgres.TSVector(tc.terms)
		if got := v.String(); got != tc.want {
			t.Errorf("%s: tsvector(%q) = %s, want %s", tc.name, tc.terms, got, tc.want)
		}
	}
	// Positions past PostgreSQL's last (16383) count as it, once; at most
	// 256 positions per lexeme.
	terms := make([]string, 20000)
	for i := range terms {
		terms[i] = "و"
	}
	v := postgres.TSVector(terms)
	if len(v.Lexemes) != 1 || len(v.Lexemes[0].Positions) != 256 {
		t.Fatalf("20000 times one term: %d lexemes, %d positions", len(v.Lexemes), len(v.Lexemes[0].Positions))
	}
	terms = append(make([]string, 16500), "ق", "ق")
	v = postgres.TSVector(terms)
	if want := []pgtype.TSVectorPosition{{Position: 16383}}; !slices.Equal(v.Lexemes[0].Positions, want) {
		t.Errorf("terms at 16501 and 16502: positions %v, want %v", v.Lexemes[0].Positions, want)
	}
}

func TestTSQuery(t *testing.T) {
	for _, tc := range []struct {
		terms []string
		want  string
	}{
		{[]string{"مغرب"}, `'مغرب'`},
		{[]string{"مغرب", "طاقة"}, `'مغرب' & 'طاقة'`},
		{[]string{`it's`, `a\b`, "&", "|"}, `'it\'s' & 'a\\b'`},
		{[]string{"؟", "!"}, ``},
	} {
		if got := postgres.TSQuery(tc.terms); got != tc.want {
			t.Errorf("tsquery(%q) = %s, want %s", tc.terms, got, tc.want)
		}
	}
}

func TestClassify(t *testing.T) {
	art := func(id, hash string) store.Article {
		return store.Article{Document: rasid.Document{ID: id}, ContentHash: hash}
	}
	stored := postgres.Stored{"is1": "s1", "hh1": "s1"}
	as := []store.Article{
		art("a", "h2"),  // new
		art("s1", "hx"), // stored, by id
		art("b", "h1"),  // stored, by hash
		art("a", "h3"),  // an earlier one of the batch, by id
		art("c", "h2"),  // an earlier one of the batch, by hash
		art("d", ""),    // new, no hash
		art("e", ""),    // new: no hash is no duplicate
	}
	res, fresh := postgres.Classify(as, stored)
	want := []store.PutResult{{ID: "a", Created: true}, {ID: "s1"}, {ID: "s1"}, {ID: "a"}, {ID: "a"},
		{ID: "d", Created: true}, {ID: "e", Created: true}}
	if !slices.Equal(res, want) || !slices.Equal(fresh, []int{0, 5, 6}) {
		t.Errorf("classify = %v, %v; want %v, [0 5 6]", res, fresh, want)
	}
}

// TestSearchQuoting stores and finds terms holding quotes, backslashes and
// tsquery operators, through an analyser that keeps them (the Arabic one
// drops punctuation), so that no term is read as query syntax.
func TestSearchQuoting(t *testing.T) {
	db, err := postgres.Open(t.Context(), pgtest.Schema(t), strings.Fields)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	text := `it's a\b x&y (z|w) !not 'quoted' c:*`
	if _, _, err := db.PutArticle(t.Context(), store.Article{Document: rasid.Document{ID: "q", Text: text}}); err != nil {
		t.Fatal(err)
	}
	for _, q := range strings.Fields(text) {
		hits, err := db.SearchArticles(t.Context(), q, 0)
		if err != nil || len(hits) != 1 {
			t.Errorf("SearchArticles(%q) = %d hits, %v; want 1", q, len(hits), err)
		}
	}
	if hits, err := db.SearchArticles(t.Context(), "it", 0); err != nil || len(hits) != 0 {
		t.Errorf("SearchArticles(it) = %d hits, %v; want none (terms are whole)", len(hits), err)
	}
}

// FuzzTSQuery checks, on the server, that any terms make a vector and a
// query PostgreSQL accepts, and that the query matches the vector.
func FuzzTSQuery(f *testing.F) {
	for _, s := range []string{"مغرب روس", `it's a\b`, "x&y|z !a <-> b:* 'q'", "\\\\ ''' ::", "ـــ ً ٌ"} {
		f.Add(s)
	}
	url := pgtest.URL(f)
	db := rawPool(f, url)
	f.Fuzz(func(t *testing.T, text string) {
		terms := strings.Fields(strings.ToValidUTF8(text, ""))
		q := postgres.TSQuery(terms)
		if q == "" {
			return
		}
		var ok bool
		if err := db.QueryRow(t.Context(), `SELECT $1::tsvector @@ $2::tsquery`, postgres.TSVector(terms), q).Scan(&ok); err != nil {
			t.Fatalf("terms %q: %v", terms, err)
		}
		if !ok {
			t.Errorf("terms %q: the query %s does not match their vector", terms, q)
		}
	})
}
