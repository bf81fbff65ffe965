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
}

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
	p.stage, p.started = name, time.Now()
	p.mu.Unlock()
	if !p.tty {
		return
	}
	p.stop, p.done = make(chan struct{}), make(chan struct{})
	go p.spin(p.stop, p.done)
}

func (p *progress) spin(stop, done chan struct{}) {
	defer close(done)
	frames := []rune("⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏")
	t := time.NewTicker(100 * time.Millisecond)
	defer t.Stop()
	for i := 0; ; i++ {
		p.mu.Lock()
		fmt.Fprintf(p.w, "\r%c %s %s ", frames[i%len(frames)], p.stage, elapsed(p.started))
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
