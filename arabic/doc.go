// Package arabic prepares Arabic news text for matching: it folds spelling
// variants (Normalize), splits text into tokens and sentences that keep byte
// offsets into the original text (Tokenize, Sentences), lists the readings of
// a word with its proclitics removed for dictionary lookup (AppendCandidates)
// and stems words for search (Stem).
//
// Normalisation always works on copies: a Token's Norm is a normalised copy
// of text[Start:End], so whatever is found on normalised tokens can be shown
// in the text exactly as it was written.
//
// The package holds no mutable state: its rune tables are built once at
// initialisation and only read afterwards, so every function is safe for
// concurrent use.
package arabic

//go:generate go run ./internal/gentables -o presentation_table.go
