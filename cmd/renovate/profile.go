package main

import (
	"fmt"
	"os"
	runtimemetrics "runtime/metrics"
	"runtime/pprof"
	"time"
)

// startProfiles writes profiles for scripts/bench.sh and for finding where
// time and memory go: RENOVATE_CPUPROFILE=file a CPU profile of the whole
// run, RENOVATE_MEMPROFILE=file a heap profile taken when the heap in use
// (as of the last collection) is near its peak (rewritten each time it
// grows by a twentieth). The returned
// function stops them.
func startProfiles() (stop func()) {
	var stops []func()
	if path := os.Getenv("RENOVATE_CPUPROFILE"); path != "" {
		f, err := os.Create(path)
		if err == nil {
			err = pprof.StartCPUProfile(f)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "renovate: CPU profile:", err)
		} else {
			stops = append(stops, func() { pprof.StopCPUProfile(); _ = f.Close() })
		}
	}
	if path := os.Getenv("RENOVATE_MEMPROFILE"); path != "" {
		done := make(chan struct{})
		finished := make(chan struct{})
		go func() {
			defer close(finished)
			var last uint64
			sample := []runtimemetrics.Sample{{Name: "/gc/heap/live:bytes"}}
			t := time.NewTicker(10 * time.Millisecond)
			defer t.Stop()
			for {
				select {
				case <-done:
					return
				case <-t.C:
				}
				// The live heap as of the last collection: the profile
				// describes that collection too.
				runtimemetrics.Read(sample)
				if live := sample[0].Value.Uint64(); live > last+last/20 {
					last = live
					if f, err := os.Create(path); err == nil {
						_ = pprof.Lookup("heap").WriteTo(f, 0)
						_ = f.Close()
					}
				}
			}
		}()
		stops = append(stops, func() { close(done); <-finished })
	}
	return func() {
		for _, s := range stops {
			s()
		}
	}
}
