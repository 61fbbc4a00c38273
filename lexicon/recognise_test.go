package lexicon_test

import (
	"strings"
	"testing"
	"time"

	"rasid/internal/corpus"
	"rasid/lexicon"
)

func load(t testing.TB) *lexicon.Lexicon {
	t.Helper()
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return lx
}

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

type want struct{ text, code, role, kind string }

// TestRecognise has one case per resolution rule of the matcher.
func TestRecognise(t *testing.T) {
	lx := load(t)
	cases := []struct {
		name, text, published string
		want                  []want
		absent                []string // surface strings that must not be mentions
	}{
		{
			// Title + nationality adjective + known name is one mention.
			name: "TitleAdjectiveName", text: "قال وزير الخارجية الروسي سيرغي لافروف إن", published: "2024-05-01",
			want: []want{{"وزير الخارجية الروسي سيرغي لافروف", "RUS", "GOV", "person"}},
		},
		{
			// A country-specific ministry title codes to its state, and the
			// name after the comma joins it.
			name: "MinistryTitle", text: "أجرى وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج، ناصر بوريطة، اتصالا", published: "2025-03-06",
			want: []want{{"وزير الشؤون الخارجية والتعاون الإفريقي والمغاربة المقيمين بالخارج، ناصر بوريطة", "MAR", "GOV", "person"}},
		},
		{
			// An organisation's title and its holder after it are one
			// person, as are a state's own title, its adjective and holder,
			// and a title with its state in the genitive.
			name: "TitleThenHolder", text: "قال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن", published: "2024-05-01",
			want: []want{{"الأمين العام للأمم المتحدة أنطونيو غوتيريش", "UNO", "GOV", "person"}},
		},
		{
			// "المعارضة" is definite: "معارضة" is an objection. "معارض" is
			// anchored: alone it is mostly "exhibitions".
			name: "DefiniteAndAnchoredTitles", text: "وأعلنت المعارضة السورية رفضها، وقال المعارض التركي إن", published: "2015-07-21",
			want: []want{{"المعارضة السورية", "SYR", "OPP", ""}, {"المعارض التركي", "TUR", "OPP", ""}},
		},
		{
			name: "DefiniteTitleObjection", text: "رغم معارضة القرار افتتح مركز جدة الدولي للمعارض أنشطة ومعارض تسويقية", published: "2015-07-21",
			absent: []string{"معارض"},
		},
		{
			// A title chained to a title of one state takes its code.
			name: "TitleOfOneState", text: "واختطف مسلحون عنصرا من قوات النظام السوري", published: "2015-07-24",
			want: []want{{"قوات النظام السوري", "SYR", "MIL", ""}},
		},
		{
			// "المجلس" after "مجلس الوزراء", which no mention covers,
			// refers to it, not to the council named before it.
			name: "NearerCouncil", text: "وهنأ مجلس الوزراء في الذكرى السنوية لقيام مجلس التعاون لدول الخليج العربية شعوب الخليج. ونوه مجلس الوزراء بإعلان القمة، وأعرب المجلس عن الشكر", published: "2015-07-24",
			want:   []want{{"مجلس التعاون لدول الخليج العربية", "GCC", "GOV", ""}},
			absent: []string{"المجلس"},
		},
		{
			// Idioms hide a capital and a title: "مسقط رأسه" is a
			// birthplace, "القضاء على" doing away with.
			name: "IdiomsOverCapitalAndTitle", text: "عاد الوزير إلى مسقط رأسه، وتعهد بالقضاء على الفساد", published: "2015-07-21",
			absent: []string{"مسقط", "القضاء"},
		},
		{
			// A title closed by a definite word does not take the next
			// definite title as its genitive: subject, then object.
			name: "TwoDefiniteTitles", text: "ودعت أحزاب المعارضة المغربية الحكومة إلى الحوار، وقال نائب رئيس الوزراء الأردني إن", published: "2025-01-01",
			want:   []want{{"أحزاب المعارضة المغربية", "MAR", "OPP", "state"}, {"نائب رئيس الوزراء الأردني", "JOR", "GOV", "person"}},
			absent: []string{"أحزاب المعارضة المغربية الحكومة"},
		},
		{
			name: "StateTitleAdjectiveHolder", text: "وأكد وزير أوروبا والشؤون الخارجية الفرنسي جان نويل بارو أن", published: "2025-01-01",
			want: []want{{"وزير أوروبا والشؤون الخارجية الفرنسي جان نويل بارو", "FRA", "GOV", "person"}},
		},
		{
			name: "TitleGenitiveHolder", text: "استقبل المرشد الأعلى للجمهورية الإسلامية علي خامنئي", published: "2024-05-01",
			want: []want{{"المرشد الأعلى للجمهورية الإسلامية علي خامنئي", "IRN", "GOV", "person"}},
		},
		{
			// "المملكة" alone is the one kingdom among the article's states.
			name: "BareKingdom", text: "استقبل الرئيس الفرنسي إيمانويل ماكرون العاهل المغربي الذي يزور فرنسا، وأشاد بعلاقات المملكة مع أوروبا.", published: "2024-05-01",
			want: []want{{"المملكة", "MAR", "GOV", ""}},
		},
		{
			// نظيره + adjective takes the adjective's state.
			name: "Counterpart", text: "استقبل الرئيس عبد المجيد تبون نظيره التونسي", published: "2024-04-22",
			want: []want{{"الرئيس عبد المجيد تبون", "DZA", "GOV", "person"}, {"نظيره التونسي", "TUN", "GOV", ""}},
		},
		{
			// A holder's name alone codes by the publication date: Blinken is
			// the US foreign minister in 2024 ...
			name: "HolderInOffice", text: "وصل بلينكن إلى القاهرة", published: "2024-03-01",
			want: []want{{"بلينكن", "USA", "GOV", "person"}},
		},
		{
			// ... and no longer in March 2025.
			name: "HolderOutOfOffice", text: "وصل بلينكن إلى القاهرة", published: "2025-03-20",
			absent: []string{"بلينكن"},
		},
		{
			// A capital standing for its government is a mention; proclitics
			// are left out of the span.
			name: "CapitalMetonym", text: "رحبت موسكو وبكين بالقرار", published: "2024-01-01",
			want: []want{{"موسكو", "RUS", "GOV", "state"}, {"بكين", "CHN", "GOV", "state"}},
		},
		{
			// Proclitics: وبموسكو، للرباط، بالجزائر are Moscow, Rabat and
			// Algiers; the words that merely start with a clitic letter stay whole.
			name: "Clitics", text: "بريطانيا وفرنسا ولبنان وكندا", published: "2024-01-01",
			want: []want{{"بريطانيا", "GBR", "GOV", "state"}, {"فرنسا", "FRA", "GOV", "state"}, {"لبنان", "LBN", "GOV", "state"}, {"كندا", "CAN", "GOV", "state"}},
		},
		{
			// Organisations and their organs.
			name: "Organisations", text: "دعت الأمم المتحدة ومجموعة الـ20 وصندوق النقد الدولي", published: "2024-01-01",
			want: []want{{"الأمم المتحدة", "UNO", "GOV", "organisation"}, {"صندوق النقد الدولي", "IMF", "GOV", "organisation"}},
		},
		{
			// Armed groups code to their base state with role REB.
			name: "ArmedGroup", text: "أعلنت حركة حماس أن", published: "2024-01-01",
			want: []want{{"حركة حماس", "PSE", "REB", "group"}},
		},
		{
			// A title + adjective + a name the lexicon does not know: the name
			// joins the mention.
			name: "UnknownName", text: "قال وزير الطاقة الجزائري محمد عرقاب، اليوم، إن", published: "2023-05-15",
			want: []want{{"وزير الطاقة الجزائري محمد عرقاب", "DZA", "GOV", "person"}},
		},
		{
			// A place of occurrence is not an actor.
			name: "Locative", text: "عقد الاجتماع في مدينة الدار البيضاء", published: "2024-01-01",
			absent: []string{"الدار البيضاء"},
		},
		{
			// A state named right after the place of another is the
			// object, not a place described by an adjective ("في العاصمة
			// المجرية بودابست").
			name: "StateAfterPlace", text: "واتهمت الحكومة الانتقالية في مالي الجزائر بدعم الإرهاب", published: "2025-04-06",
			want: []want{{"الجزائر", "DZA", "GOV", "state"}},
		},
		{
			// An indefinite accusative (written with its tanween) closes the
			// name of a former holder the lexicon does not know on that day.
			name: "NameBeforeObject", text: "أجرى وزير الخارجية المصري سامح شكري اتصالاً هاتفياً مع نظيره الأردني", published: "2010-01-01",
			want: []want{{"وزير الخارجية المصري سامح شكري", "EGY", "GOV", "person"}},
		},
		{
			// Unvowelled, the object is known as an event phrase.
			name: "NameBeforeAct", text: "أجرى وزير الخارجية المصري سامح شكري اتصالا هاتفيا مع نظيره الأردني", published: "2010-01-01",
			want: []want{{"وزير الخارجية المصري سامح شكري", "EGY", "GOV", "person"}},
		},
		{
			// "المالي" in "الدعم المالي" is "financial", not Mali.
			name: "WeakAdjective", text: "ترفض تونس الدعم المالي", published: "2024-01-01",
			want:   []want{{"تونس", "TUN", "GOV", "state"}},
			absent: []string{"المالي"},
		},
		{
			// A title with a possessive pronoun takes the state just named.
			name: "PronounTitle", text: "أعلنت إسرائيل أن قواتها دخلت المنطقة", published: "2024-01-01",
			want: []want{{"إسرائيل", "ISR", "GOV", "state"}, {"قواتها", "ISR", "MIL", "state"}},
		},
		{
			// ة before the pronoun is written ت: حكومتها is حكومة + ها.
			name: "PronounTitleTaa", text: "قالت تونس إن حكومتها ترفض", published: "2024-01-01",
			want: []want{{"تونس", "TUN", "GOV", "state"}, {"حكومتها", "TUN", "GOV", "state"}},
		},
		{
			// A head noun refers back to the organisation named before.
			name: "HeadAnaphor", text: "أعلنت حركة حماس موافقتها، وقالت الحركة إنها", published: "2024-01-01",
			want: []want{{"حركة حماس", "PSE", "REB", "group"}, {"الحركة", "PSE", "REB", "group"}},
		},
		{
			// A head noun that carries the article in the name itself.
			name: "SummitAnaphor", text: "اختتمت القمة العربية الطارئة أعمالها، ورحبت حركة حماس بمخرجات القمة", published: "2025-03-05",
			want: []want{{"القمة", "ARL", "GOV", "organisation"}},
		},
		{
			// A byline is nobody the lexicon knows.
			name: "Byline", text: "حسين العياشي\nأجرى الوزير اتصالا", published: "2024-01-01",
			absent: []string{"حسين العياشي"},
		},
		{
			// An act verb after a title is its predicate, not a name:
			// nor is the state after it the title's.
			name: "VerbAfterTitle", text: "وقال الوزير السعودي رفض التعليق، وانتقد المتحدث رفض إثيوبيا التوقيع", published: "2024-01-01",
			want:   []want{{"الوزير السعودي", "SAU", "GOV", ""}, {"إثيوبيا", "ETH", "GOV", "state"}},
			absent: []string{"رفض"},
		},
		{
			// idioms.tsv: a region named after a state is not the state.
			name: "IdiomRegion", text: "استقبل الرئيس وفدا من دول أمريكا اللاتينية وأميركا الجنوبية", published: "2024-01-01",
			absent: []string{"أمريكا", "أميركا"},
		},
		{
			// idioms.tsv: the sunset prayer is not Morocco.
			name: "IdiomPrayer", text: "وبعد صلاة المغرب عاد وفد الحكومة الجزائرية", published: "2024-01-01",
			want:   []want{{"وفد الحكومة الجزائرية", "DZA", "GOV", ""}},
			absent: []string{"المغرب"},
		},
		{
			// A body named by its game is a sports federation (UEFA), not
			// the European Union, and gives no state to a bare title.
			name: "SportsBody", text: "قال رئيس الاتحاد الأوروبي لكرة القدم إن الرئيس سيزور المقر", published: "2024-01-01",
			absent: []string{"الاتحاد الأوروبي", "الرئيس"},
		},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := lexicon.NewDoc(c.text)
			ms := lx.Recognise(d, day(c.published))
			got := map[string]lexicon.Mention{}
			for _, m := range ms {
				if m.Place {
					continue
				}
				got[m.Text] = m
				if c.text[m.Start:m.End] != m.Text {
					t.Errorf("%q: span [%d,%d) does not hold its text", m.Text, m.Start, m.End)
				}
			}
			for _, w := range c.want {
				m, ok := got[w.text]
				if !ok {
					t.Errorf("no mention %q; got %v", w.text, keys(got))
					continue
				}
				if m.Code != w.code || m.Role != w.role || (w.kind != "" && m.Kind != w.kind) {
					t.Errorf("%q: got %s %s %s, want %s %s %s", w.text, m.Code, m.Role, m.Kind, w.code, w.role, w.kind)
				}
			}
			for _, a := range c.absent {
				for txt := range got {
					if strings.Contains(txt, a) {
						t.Errorf("%q should not be an actor (got %q)", a, txt)
					}
				}
			}
		})
	}
}

func keys(m map[string]lexicon.Mention) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestMalformedFileNamesLine(t *testing.T) {
	dir := t.TempDir()
	if err := writeFile(dir+"/states_extra.tsv", "# a comment\nXXA\tname\tأرض\nXXA\tnickname\tشيء\n"); err != nil {
		t.Fatal(err)
	}
	_, err := lexicon.Load([]string{dir})
	if err == nil || !strings.Contains(err.Error(), "states_extra.tsv:3:") || !strings.Contains(err.Error(), "nickname") {
		t.Fatalf("want an error naming states_extra.tsv:3 and the bad field, got %v", err)
	}
}

// TestRoleFlags checks that a roles file's flags are validated with the
// line they are on.
func TestRoleFlags(t *testing.T) {
	for _, tc := range []struct{ line, want string }{
		{"المراقب\tCVL\t\tstrict", "strict"},
		{"مراقب\tCVL\t\tdefinite", "does not start with ال"},
		{"القوات البرية\tMIL\t\tpronoun", "is marked pronoun"},
		{"قوات برية\tMIL\t\tnopronoun", "is marked nopronoun"},
	} {
		wantLoadError(t, "roles_mine.tsv", tc.line, tc.want)
	}
}

// wantLoadError writes line as the second line of a user's file and
// checks that loading it fails naming the file, the line and want.
func wantLoadError(t *testing.T, file, line, want string) {
	t.Helper()
	dir := t.TempDir()
	if err := writeFile(dir+"/"+file, "# mine\n"+line+"\n"); err != nil {
		t.Fatal(err)
	}
	_, err := lexicon.Load([]string{dir})
	if err == nil || !strings.Contains(err.Error(), file+":2:") || !strings.Contains(err.Error(), want) {
		t.Errorf("%q: want an error naming %s:2 and %q, got %v", line, file, want, err)
	}
}

// TestPatternFoldingIntoFunctionWord checks that a one-word pattern that
// reads as a frequent word once normalised, or a pattern with a one-letter
// prefix word, is refused with its line.
func TestPatternFoldingIntoFunctionWord(t *testing.T) {
	for _, tc := range []struct{ line, word string }{
		{"051\tهنأ\tverb", "هنا"},
		{"051\tوهنأ\tverb", "وهنا"},
		{"010\tإن*", "ان"},
		// "ب*" would match every word, its proclitic read off.
		{"130\tلوح ب*\tverb", "ب*"},
	} {
		wantLoadError(t, "events_mine.tsv", tc.line, tc.word)
	}
	dir := t.TempDir()
	if err := writeFile(dir+"/events_mine.tsv", "051\tهنأت\tverb\n051\tهنأ _ بفوز\tverb\n051\tهنأ\tverb,actor\n"); err != nil {
		t.Fatal(err)
	}
	if _, err := lexicon.Load([]string{dir}); err != nil {
		t.Errorf("forms that do not fold into a function word: %v", err)
	}
}

// loadUserFile loads the embedded dictionaries and a user's file of the
// given name and content.
func loadUserFile(t *testing.T, file, content string) *lexicon.Lexicon {
	t.Helper()
	dir := t.TempDir()
	if err := writeFile(dir+"/"+file, content); err != nil {
		t.Fatal(err)
	}
	lx, err := lexicon.Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	return lx
}

func TestUserFileExtends(t *testing.T) {
	lx := loadUserFile(t, "holders_mine.tsv", "XYZ\tGOV\t2020-01-01\t\tforeign-minister\tفلان الفلاني\n")
	ms := lx.Recognise(lexicon.NewDoc("التقى فلان الفلاني نظيره"), day("2024-01-01"))
	if len(ms) == 0 || ms[0].Code != "XYZ" {
		t.Fatalf("a user's holder is not recognised: %+v", ms)
	}
}

// TestUserIdioms checks that a user's idioms file hides a state's name in
// its phrase, and that a malformed line is refused with its line.
func TestUserIdioms(t *testing.T) {
	text := "واستورد التاجر الشاي الهندي من سريلانكا"
	adjective := func(lx *lexicon.Lexicon) bool {
		for _, m := range lx.Recognise(lexicon.NewDoc(text), day("2024-01-01")) {
			if m.Code == "IND" {
				return true
			}
		}
		return false
	}
	if !adjective(load(t)) {
		t.Fatal("without the idiom, الهندي should be India's adjective")
	}
	if adjective(loadUserFile(t, "idioms_mine.tsv", "# mine\nالشاي الهندي\tIndian tea, a kind of tea\n")) {
		t.Error("the user's idiom does not hide India's adjective")
	}
	wantLoadError(t, "idioms_bad.tsv", "صلاة الفجر\tdawn\textra", "columns")
}

func BenchmarkRecognise(b *testing.B) {
	lx := load(b)
	text := strings.Repeat("أجرى وزير الخارجية الروسي سيرغي لافروف، يوم الثلاثاء، اتصالا هاتفيا مع نظيره المغربي ناصر بوريطة، وبحث الجانبان العلاقات بين موسكو والرباط والأمم المتحدة. ", 50)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		lx.Recognise(lexicon.NewDoc(text), day("2024-01-01"))
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := lexicon.Default(); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkMatchSaudiNewsNet matches actors and event phrases over real
// articles (skipped when ../shared is absent) as the coder does, through a
// Reader: the lexicon's share of coding, in MB/s.
func BenchmarkMatchSaudiNewsNet(b *testing.B) {
	arts := corpus.SaudiNewsNetOrSkip(b, 4<<20)
	lx := load(b)
	n := 0
	for _, a := range arts {
		n += len(a)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	day := day("2015-07-21")
	r := lx.NewReader()
	for b.Loop() {
		for _, a := range arts {
			d := r.NewDoc(a)
			lx.Recognise(d, day)
			lx.Phrases(d)
		}
	}
}

// TestRegnalNumberIsNoSurname: "محمد السادس" does not make "السادس من
// مارس" a mention of the king.
func TestRegnalNumberIsNoSurname(t *testing.T) {
	lx := load(t)
	d := lexicon.NewDoc("استقبل الملك محمد السادس الوزير. وفي السادس من مارس سافر الوفد.")
	ms := lx.Recognise(d, day("2024-05-01"))
	for _, m := range ms {
		if m.Text == "السادس" {
			t.Errorf("السادس of a date is a mention (%s)", m.Code)
		}
	}
}

// BenchmarkReaderNewDoc makes the Docs of real articles through a Reader,
// as the coder does: Doc making alone, in MB/s.
func BenchmarkReaderNewDoc(b *testing.B) {
	arts := corpus.SaudiNewsNetOrSkip(b, 4<<20)
	lx := load(b)
	n := 0
	for _, a := range arts {
		n += len(a)
	}
	b.SetBytes(int64(n))
	r := lx.NewReader()
	for b.Loop() {
		for _, a := range arts {
			r.NewDoc(a)
		}
	}
}

// TestUserWords checks that a user's words file adds to a class the rules
// ask about (a capital after a new locative noun is a place), and that a
// bad line is refused with its line and reason.
func TestUserWords(t *testing.T) {
	text := "وقع انفجار على أطراف موسكو"
	place := func(lx *lexicon.Lexicon) bool {
		for _, m := range lx.Recognise(lexicon.NewDoc(text), day("2024-01-01")) {
			if m.Code == "RUS" {
				return m.Place
			}
		}
		t.Fatal("موسكو is not recognised")
		return false
	}
	if place(load(t)) {
		t.Fatal("without the user's word, موسكو after أطراف should stand for its government")
	}
	if !place(loadUserFile(t, "words_mine.tsv", "# mine\nlocative\tأطراف\tthe outskirts of a city\n")) {
		t.Error("the user's locative word does not make موسكو a place")
	}
	for _, c := range []struct{ line, want string }{
		{"suburb\tضواحي", `unknown class "suburb"`},
		{"head\tالحركة", "without ال"},
		{"persontitle\tأخ", "three letters"},
		{"locative\tضواحي المدينة", "one word"},
		{"locative", "columns"},
	} {
		wantLoadError(t, "words_bad.tsv", c.line, c.want)
	}
}
