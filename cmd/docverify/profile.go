package main

import (
	"fmt"
	"os"
	"runtime/pprof"
)

// startProfile writes a CPU profile to $DOCVERIFY_CPUPROFILE and, when
// the run ends, a heap profile to $DOCVERIFY_MEMPROFILE, for whoever
// maintains docverify and wants to see where a slow or large run goes
// (go tool pprof); they are not flags users need. The returned function
// stops them.
func startProfile() func() {
	stopCPU := startCPUProfile()
	return func() {
		stopCPU()
		if p := os.Getenv("DOCVERIFY_MEMPROFILE"); p != "" {
			f, err := os.Create(p)
			if err != nil {
				fmt.Fprintf(os.Stderr, "docverify: DOCVERIFY_MEMPROFILE: %v\n", err)
				return
			}
			defer f.Close()
			if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
				fmt.Fprintf(os.Stderr, "docverify: DOCVERIFY_MEMPROFILE: %v\n", err)
			}
		}
	}
}

func startCPUProfile() func() {
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
