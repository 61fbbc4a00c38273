//go:build !race

package httpapi

// raceEnabled reports that the race detector is on.
const raceEnabled = false
