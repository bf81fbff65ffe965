// Package measure times the processes of the benchmark commands
// (bench/cmd/compare, bench/cmd/scaling) and describes the machine they ran on.
package measure

import (
	"bytes"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"time"
)

// Sample is one process run: its wall time, its peak resident set size and
// the CPU time it used (user and system; on a shared machine, the figure
// the load does not inflate).
type Sample struct {
	Wall time.Duration
	RSS  int64 // bytes
	CPU  time.Duration
}

// Run runs cmd to completion and measures it. Its error carries the
// command line and what the process wrote to stderr.
func Run(cmd *exec.Cmd) (Sample, error) {
	var stderr bytes.Buffer // with stdout unless the caller takes it: snarkjs reports errors there
	cmd.Stderr = &stderr
	if cmd.Stdout == nil {
		cmd.Stdout = &stderr
	}
	start := time.Now()
	err := cmd.Run()
	s := Sample{Wall: time.Since(start)}
	if err != nil {
		return s, fmt.Errorf("%s: %v\n%s", strings.Join(cmd.Args, " "), err, tail(stderr.String(), 2000))
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		s.RSS = ru.Maxrss * 1024 // kilobytes on Linux
	}
	s.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return s, nil
}

func tail(s string, n int) string {
	if len(s) > n {
		return "..." + s[len(s)-n:]
	}
	return s
}

// Stage collects the samples of one stage over several runs.
type Stage struct{ Samples []Sample }

// Add records one sample.
func (st *Stage) Add(s Sample) { st.Samples = append(st.Samples, s) }

// Seconds is the median wall time, in seconds (0 with no sample).
func (st *Stage) Seconds() float64 {
	if len(st.Samples) == 0 {
		return 0
	}
	d := make([]float64, len(st.Samples))
	for i, s := range st.Samples {
		d[i] = s.Wall.Seconds()
	}
	slices.Sort(d)
	return d[len(d)/2]
}

// PeakRSS is the largest peak resident set size over the runs, in bytes.
func (st *Stage) PeakRSS() int64 {
	var m int64
	for _, s := range st.Samples {
		m = max(m, s.RSS)
	}
	return m
}

// MiB formats bytes as mebibytes.
func MiB(b int64) string { return fmt.Sprintf("%.0f", float64(b)/(1<<20)) }

// Size formats a byte count for a table: B, KiB or MiB.
func Size(b int64) string {
	switch {
	case b < 1<<10:
		return fmt.Sprintf("%d B", b)
	case b < 1<<20:
		return fmt.Sprintf("%.1f KiB", float64(b)/(1<<10))
	}
	return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
}

// Machine describes the machine: CPU model, cores and Go version.
func Machine() string {
	return fmt.Sprintf("%s, %d cores (GOMAXPROCS %d), %s", cpuModel(), runtime.NumCPU(), runtime.GOMAXPROCS(0), runtime.Version())
}

// Load is the 1, 5 and 15 minute load averages, as /proc/loadavg gives them.
func Load() string {
	data, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "unknown"
	}
	f := strings.Fields(string(data))
	if len(f) < 3 {
		return "unknown"
	}
	return strings.Join(f[:3], " ")
}

func cpuModel() string {
	data, err := os.ReadFile("/proc/cpuinfo")
	if err != nil {
		return runtime.GOARCH
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(line, "model name") {
			if _, v, ok := strings.Cut(line, ":"); ok {
				return strings.TrimSpace(v)
			}
		}
	}
	return runtime.GOARCH
}

// FileSize is the size of the file at path, 0 when it cannot be read.
func FileSize(path string) int64 {
	fi, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return fi.Size()
}

// Build compiles the Go package pkg (as `go build` names it, from the
// repository root) into dir and returns the binary's path: the harnesses
// time the CLI as a user runs it, not `go run`.
func Build(dir, pkg string) (string, error) {
	bin := filepath.Join(dir, filepath.Base(pkg))
	if out, err := exec.Command("go", "build", "-o", bin, pkg).CombinedOutput(); err != nil {
		return "", fmt.Errorf("go build %s: %v\n%s", pkg, err, out)
	}
	return bin, nil
}

// WriteReport writes a harness's report to out, or to standard output when
// out is "-", and logs where it went.
func WriteReport(out, text string) {
	if out == "-" {
		fmt.Print(text)
		return
	}
	if err := os.WriteFile(out, []byte(text), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("wrote %s", out)
}
