package lexicon

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

// FuzzLoad feeds arbitrary text to every dictionary loader: no input may
// panic, every error names the file (with its line when the content is at
// fault), and whatever loads must still be usable for recognition.
func FuzzLoad(f *testing.F) {
	for _, s := range []string{
		"MAR\tname\tالمغرب\n",
		"XXX\tadj\tفلاني\nXXX\tname?\tفلان\n",
		"وزير الخارجية\tGOV\n",
		"043\tاستقبل\tverb\n-\tفجر *\n",
		"051\t_ أشاد*\tverb,sym\n",
		"MAR\tGOV\tناصر بوريطة\t2017-04-05\t\n",
		"\ufeff# comment\n\n\t\t\n",
		"a\tb\tc\td\te\tf\tg\n",
		"head\tحركة\nlocative\tأطراف\tnote\npersontitle\tوزير\n",
	} {
		f.Add(s)
	}
	day := time.Date(2025, 3, 6, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data string) {
		for _, fk := range fileKinds {
			b := newBuilder()
			err := fk.load(b, strings.NewReader(data), "fuzz.tsv")
			if err != nil {
				var le *LineError
				if !errors.As(err, &le) && !strings.HasPrefix(err.Error(), "fuzz.tsv") {
					t.Fatalf("%s loader: error does not name the file: %v", fk.prefix, err)
				}
				continue
			}
			lx := b.build()
			text := data + " استقبل وزير الخارجية المغربي نظيره"
			d := NewDoc(text)
			ms, ps := lx.Recognise(d, day), lx.Phrases(d)
			// A Reader's Doc, looked up in the vocabulary once, matches
			// the same.
			r := lx.NewReader()
			r.NewDoc("نص قبله")
			rd := r.NewDoc(text)
			if got := lx.Recognise(rd, day); !reflect.DeepEqual(got, ms) {
				t.Fatalf("%s loader: Reader mentions %+v, want %+v", fk.prefix, got, ms)
			}
			if got := lx.Phrases(rd); !reflect.DeepEqual(got, ps) {
				t.Fatalf("%s loader: Reader phrases %+v, want %+v", fk.prefix, got, ps)
			}
		}
	})
}
