package prover

import (
	"os"
	"runtime/debug"
	"sync"
)

// compileGCPercent is the GC target while Compile runs. gnark's compiler
// allocates its builder, then the constraint system, then the serialized
// constraint system, about a gigabyte each for a ResNet-18-sized model; at
// Go's default (100: the heap grows to twice what is live before a
// collection) compile's peak memory exceeded the prover's: 2.6 GB against
// 1.9 GB on the 706k-constraint ResNet of bench/RESULTS.md. At 25 the heap
// stays within 1.25 times what is live (1.6 GB there), for some 5 % more
// CPU time in compile.
const compileGCPercent = 25

// lowGC lowers the GC target for the duration of a Compile, unless the
// process chose its own with $GOGC; overlapping calls share the lowered
// target and the last one restores the caller's.
var lowGC struct {
	mu    sync.Mutex
	calls int
	saved int
}

func enterLowGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	lowGC.mu.Lock()
	defer lowGC.mu.Unlock()
	if lowGC.calls == 0 {
		lowGC.saved = debug.SetGCPercent(compileGCPercent)
	}
	lowGC.calls++
}

func exitLowGC() {
	if os.Getenv("GOGC") != "" {
		return
	}
	lowGC.mu.Lock()
	defer lowGC.mu.Unlock()
	lowGC.calls--
	if lowGC.calls == 0 {
		debug.SetGCPercent(lowGC.saved)
	}
}
