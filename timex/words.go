package timex

import (
	"fmt"
	"time"
)

// wordSet is a set of words of the tables: one bit of wordInfo.sets.
type wordSet uint64

// wordInfo is what the tables say of one word: the sets it is in and its
// values in the maps. Which values it has is in has: the zero wordInfo is
// that of a word the tables do not know.
type wordInfo struct {
	sets    wordSet
	has     uint16 // hasWeekday ...
	starter bool   // a rule may start at the word (see Find)
	weekday int8
	relDay  int8
	ana     int8 // anaphora
	qual    int8
	wdQual  int8
	unit    unit
	ordinal int8
	tens    int8
	numWord int8
	ago     agoUnit
}

const (
	hasWeekday = 1 << iota
	hasRelDay
	hasAnaphora
	hasQual
	hasWdQual
	hasOrdinal
	hasTens
	hasNumWord
	hasAgo
)

// noInfo is the wordInfo of numbers, punctuation and unknown words.
var noInfo wordInfo

// wordInfo collects what r's tables say of the word w.
func (r *Resolver) wordInfo(w string) wordInfo {
	small := func(v int) int8 {
		if v < -128 || v > 127 {
			panic(fmt.Sprintf("timex: value %d of %q out of range", v, w))
		}
		return int8(v)
	}
	inf := wordInfo{sets: r.sets[w], unit: r.units[w]}
	if v, ok := r.weekdays[w]; ok {
		inf.has |= hasWeekday
		inf.weekday = small(int(v))
	}
	if v, ok := r.relDays[w]; ok {
		inf.has |= hasRelDay
		inf.relDay = small(v)
	}
	if v, ok := r.anaphora[w]; ok {
		inf.has |= hasAnaphora
		inf.ana = small(v)
	}
	if v, ok := r.quals[w]; ok {
		inf.has |= hasQual
		inf.qual = small(v)
	}
	if v, ok := r.wdQuals[w]; ok {
		inf.has |= hasWdQual
		inf.wdQual = small(v)
	}
	if v, ok := r.ordinals[w]; ok {
		inf.has |= hasOrdinal
		inf.ordinal = small(v)
	}
	if v, ok := r.tens[w]; ok {
		inf.has |= hasTens
		inf.tens = small(v)
	}
	if v, ok := r.numWords[w]; ok {
		inf.has |= hasNumWord
		inf.numWord = small(v)
	}
	if v, ok := r.agoUnits[w]; ok {
		inf.has |= hasAgo
		inf.ago = v
	}
	// The words a rule may start at (see each rule's first test): those
	// that cue a time of day or a day, weekdays, ordinals, month names and
	// شهر, years' nouns, modifiers, relative days and their first words,
	// نفس/ذات، هذا، units, and قبل/منذ. Find skips every other word.
	inf.starter = inf.sets&(r.todCues|r.dayCues|r.monthFirst|r.modifiers|r.yearNouns|r.sameWords|r.this|r.agoWords) != 0 ||
		inf.has&(hasWeekday|hasOrdinal|hasTens|hasRelDay) != 0 || inf.unit != 0 ||
		w == r.midnightLead || w == r.shahr || w == r.yawm || w == r.first || w == r.after || w == r.today || w == r.tonight
	return inf
}

// The tables' view of a token: all false, zero or absent for numbers,
// punctuation and unknown words.

// has reports whether t's base is in set, whatever t's proclitic.
func (t *token) has(set wordSet) bool { return t.w.sets&set != 0 }

func (t *token) weekday() (time.Weekday, bool) {
	return time.Weekday(t.w.weekday), t.w.has&hasWeekday != 0
}
func (t *token) relDay() (int, bool)   { return int(t.w.relDay), t.w.has&hasRelDay != 0 }
func (t *token) anaphora() (int, bool) { return int(t.w.ana), t.w.has&hasAnaphora != 0 }
func (t *token) qual() (int, bool)     { return int(t.w.qual), t.w.has&hasQual != 0 }
func (t *token) wdQual() (int, bool)   { return int(t.w.wdQual), t.w.has&hasWdQual != 0 }
func (t *token) unit() unit            { return t.w.unit }
func (t *token) ordinal() (int, bool)  { return int(t.w.ordinal), t.w.has&hasOrdinal != 0 }
func (t *token) tens() (int, bool)     { return int(t.w.tens), t.w.has&hasTens != 0 }
func (t *token) numWord() int          { return int(t.w.numWord) }
func (t *token) agoUnit() (agoUnit, bool) {
	return t.w.ago, t.w.has&hasAgo != 0
}
