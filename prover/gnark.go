package prover

import (
	"context"
	"fmt"
	"io"
	"sync"

	"github.com/consensys/gnark/logger"
	"github.com/rs/zerolog"
)

// gnark logs through one global logger (package gnark/logger), in colour
// on standard output unless told otherwise. While this package runs gnark,
// it swaps that logger for the one the Build's options choose (none unless
// [WithGnarkLog]), and puts the caller's back when the last such call
// returns. Calls with different choices that overlap share the first one's.
var gnarkLog struct {
	mu    sync.Mutex
	calls int
	saved zerolog.Logger
}

func enterGnark(l zerolog.Logger) {
	gnarkLog.mu.Lock()
	defer gnarkLog.mu.Unlock()
	if gnarkLog.calls == 0 {
		gnarkLog.saved = logger.Logger()
		logger.Set(l)
	}
	gnarkLog.calls++
}

func exitGnark() {
	gnarkLog.mu.Lock()
	defer gnarkLog.mu.Unlock()
	gnarkLog.calls--
	if gnarkLog.calls == 0 {
		logger.Set(gnarkLog.saved)
	}
}

// gnarkLogger is the logger for gnark's lines when w is not nil: gnark's
// format without colours, and without the warning gnark gives for the empty
// slice of public outputs a circuit has when its outputs are not packed
// (circuits.Circuit.Packed), which is how the circuit is meant to be.
func gnarkLogger(w io.Writer) zerolog.Logger {
	if w == nil {
		return zerolog.Nop()
	}
	out := zerolog.ConsoleWriter{Out: w, TimeFormat: "15:04:05", NoColor: true}
	return zerolog.New(out).With().Timestamp().Logger().Hook(zerolog.HookFunc(func(e *zerolog.Event, _ zerolog.Level, msg string) {
		if msg == "ignoring uninitialized slice" {
			e.Discard()
		}
	}))
}

// runGnark runs f, a call into gnark, with the logger of w (see
// gnarkLogger). gnark's long calls (compiling, setup, proving) take no
// context: when ctx is done first, runGnark returns ctx.Err() at once and f
// goes on in the background until gnark returns, its result discarded. A
// panic in f becomes an error.
func runGnark[T any](ctx context.Context, w io.Writer, f func() (T, error)) (T, error) {
	var zero T
	if err := ctx.Err(); err != nil {
		return zero, err
	}
	type result struct {
		v   T
		err error
	}
	call := func() (r result) {
		enterGnark(gnarkLogger(w))
		defer exitGnark()
		defer func() {
			if p := recover(); p != nil {
				r.err = fmt.Errorf("gnark panicked: %v", p)
			}
		}()
		r.v, r.err = f()
		return r
	}
	if ctx.Done() == nil {
		r := call()
		return r.v, r.err
	}
	done := make(chan result, 1)
	go func() { done <- call() }()
	select {
	case r := <-done:
		return r.v, r.err
	case <-ctx.Done():
		return zero, ctx.Err()
	}
}
