package store

import (
	"strings"
	"testing"
	"testing/fstest"
)

func TestLoadMigrations(t *testing.T) {
	ok := fstest.MapFS{
		"m/0002_more.sql": {Data: []byte("B")},
		"m/0001_init.sql": {Data: []byte("A")},
	}
	ms, err := LoadMigrations(ok, "m/*.sql")
	if err != nil || len(ms) != 2 || ms[0].Version != 1 || ms[0].SQL != "A" || ms[1].Name != "0002_more.sql" {
		t.Errorf("LoadMigrations = %+v, %v", ms, err)
	}
	for _, tc := range []struct {
		fs   fstest.MapFS
		want string
	}{
		{fstest.MapFS{"m/init.sql": {}}, "init.sql: name is not NNNN_name.sql"},
		{fstest.MapFS{"m/0000_zero.sql": {}}, "0000_zero.sql: name is not NNNN_name.sql"},
		{fstest.MapFS{"m/0001_a.sql": {}, "m/0001_b.sql": {}}, "0001_a.sql and 0001_b.sql: same version"},
	} {
		if _, err := LoadMigrations(tc.fs, "m/*.sql"); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("LoadMigrations(%v): %v, want %q", tc.fs, err, tc.want)
		}
	}
}
