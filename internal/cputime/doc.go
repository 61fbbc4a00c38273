// Package cputime reads the CPU time the process has used, which the
// benchmarks report beside wall time: on a shared machine other work
// inflates wall time, far less the CPU time a run needs.
package cputime
