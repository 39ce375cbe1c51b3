package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile to $DOCVERIFY_CPUPROFILE, for whoever
// maintains docverify and wants to see where a slow run goes (go tool
// pprof); it is not a flag users need. The returned function stops it.
func startProfile() func() {
	p := os.Getenv("DOCVERIFY_CPUPROFILE")
	if p == "" {
		return func() {}
	}
	f, err := os.Create(p)
	if err != nil {
		fmt.Fprintf(os.Stderr, "docverify: DOCVERIFY_CPUPROFILE: %v\n", err)
		return func() {}
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		fmt.Fprintf(os.Stderr, "docverify: DOCVERIFY_CPUPROFILE: %v\n", err)
		f.Close()
		return func() {}
	}
	return func() {
		pprof.StopCPUProfile()
		f.Close()
	}
}
