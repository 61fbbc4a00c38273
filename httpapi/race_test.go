//go:build race

package httpapi

// raceEnabled reports that the race detector is on: timings then measure
// the detector, not the server.
const raceEnabled = true
