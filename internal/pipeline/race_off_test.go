//go:build !race

package pipeline

// raceEnabled: this test binary runs under the race detector.
const raceEnabled = false
