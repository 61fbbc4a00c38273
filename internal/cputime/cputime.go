// Package cputime measures the CPU time a process has used, which
// benchmarks report beside the wall time that other work on a shared
// machine inflates.
package cputime

import "time"

// Process returns the CPU time (user and system) the process has used so
// far; 0 where it is not measured.
func Process() time.Duration { return time.Duration(process()) }
