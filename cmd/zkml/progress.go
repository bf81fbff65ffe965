package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// progress reports long-running stages on stderr: an animated spinner on a
// terminal, one line per finished stage otherwise (logs, CI). It is silent
// with --quiet and --json so that stdout stays machine-readable and stderr
// holds only errors.
type progress struct {
	w       io.Writer
	tty     bool
	silent  bool
	mu      sync.Mutex
	stage   string
	started time.Time
	stop    chan struct{}
	done    chan struct{}
	// estimate, when set, is how long the current stage should take
	// (StageEstimate): the spinner shows it, and without a terminal a line
	// says so at the start and every heartbeat while the stage runs.
	estimate time.Duration
}

// heartbeat is how often a stage with an estimate says it still runs when
// stderr is not a terminal.
const heartbeat = 30 * time.Second

func newProgress(w io.Writer, silent bool) *progress {
	p := &progress{w: w, silent: silent}
	if f, ok := w.(*os.File); ok {
		if st, err := f.Stat(); err == nil && st.Mode()&os.ModeCharDevice != 0 {
			p.tty = true
		}
	}
	return p
}

// Stage ends the current stage (if any) and starts a new one.
func (p *progress) Stage(name string) {
	if p == nil || p.silent {
		return
	}
	p.End()
	p.mu.Lock()
	p.stage, p.started, p.estimate = name, time.Now(), 0
	p.mu.Unlock()
	if !p.tty {
		return
	}
	p.stop, p.done = make(chan struct{}), make(chan struct{})
	go p.spin(p.stop, p.done)
}

// StageEstimate starts a stage that takes about est (why: what the
// estimate is from), for work that reports no progress of its own, such
// as gnark's key generation: the elapsed time is shown against it.
func (p *progress) StageEstimate(name string, est time.Duration, why string) {
	if p == nil || p.silent {
		return
	}
	p.Stage(name)
	p.mu.Lock()
	p.estimate = est
	p.mu.Unlock()
	if p.tty {
		return
	}
	fmt.Fprintf(p.w, "… %s: about %s expected (%s)\n", name, roundDuration(est), why)
	p.stop, p.done = make(chan struct{}), make(chan struct{})
	go func(stop, done chan struct{}) {
		defer close(done)
		t := time.NewTicker(heartbeat)
		defer t.Stop()
		for {
			select {
			case <-stop:
				return
			case <-t.C:
				p.mu.Lock()
				fmt.Fprintf(p.w, "… %s: %s of about %s\n", p.stage, roundDuration(time.Since(p.started)), roundDuration(p.estimate))
				p.mu.Unlock()
			}
		}
	}(p.stop, p.done)
}

// roundDuration rounds d to what a person reads: 0.4s, 12s, 5m44s.
func roundDuration(d time.Duration) string {
	switch {
	case d < 10*time.Second:
		return d.Round(100 * time.Millisecond).String()
	default:
		return d.Round(time.Second).String()
	}
}

func (p *progress) spin(stop, done chan struct{}) {
	defer close(done)
	frames := []rune("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for i := 0; ; i++ {
		p.mu.Lock()
		if p.estimate > 0 {
			fmt.Fprintf(p.w, "\r%c %s %s of about %s ", frames[i%len(frames)], p.stage, roundDuration(time.Since(p.started)), roundDuration(p.estimate))
		} else {
			fmt.Fprintf(p.w, "\r%c %s %s ", frames[i%len(frames)], p.stage, elapsed(p.started))
		}
		p.mu.Unlock()
		select {
		case <-stop:
			return
		case <-t.C:
		}
	}
}

// End finishes the current stage and prints how long it took.
func (p *progress) End() {
	if p == nil || p.silent || p.stage == "" {
		return
	}
	p.stopSpinner()
	p.mu.Lock()
	defer p.mu.Unlock()
	prefix := ""
	if p.tty {
		prefix = "\r\033[K"
	}
	fmt.Fprintf(p.w, "%s✓ %s (%s)\n", prefix, p.stage, elapsed(p.started))
	p.stage = ""
}

// Fail abandons the current stage without a check mark.
func (p *progress) Fail() {
	if p == nil || p.silent || p.stage == "" {
		return
	}
	p.stopSpinner()
	if p.tty {
		fmt.Fprint(p.w, "\r\033[K")
	}
	p.stage = ""
}

func elapsed(t time.Time) string {
	d := time.Since(t)
	if d < time.Second {
		return fmt.Sprintf("%dms", d.Milliseconds())
	}
	return fmt.Sprintf("%.1fs", d.Seconds())
}

// stopSpinner stops the spinner goroutine, if one runs, and waits for it.
func (p *progress) stopSpinner() {
	if p.stop != nil {
		close(p.stop)
		<-p.done
		p.stop = nil
	}
}
