// Package app wires rasid's stages together for the CLI and the server:
// loading the dictionaries, building a coder, and running a batch of
// articles through it.
package app

import (
	"fmt"

	"rasid/cameo"
	"rasid/coder"
	"rasid/lexicon"
	"rasid/timex"
)

// NewCoder loads the embedded dictionaries plus the user's directories
// and returns a coder over them.
func NewCoder(lexiconDirs []string) (*coder.Coder, *lexicon.Lexicon, error) {
	lx, err := lexicon.Load(lexiconDirs)
	if err != nil {
		return nil, nil, fmt.Errorf("loading dictionaries: %w", err)
	}
	return coder.New(lx, cameo.Default(), timex.New()), lx, nil
}
