package service

import (
	"fmt"
	"io"
	"math"
	"net/http"
	"sort"
	"strings"
	"sync"
)

// metrics is a small registry written in Prometheus's text format (0.0.4):
// counters and gauges, optionally labelled, and histograms.
type metrics struct {
	mu     sync.Mutex
	help   map[string]string
	kind   map[string]string
	values map[string]map[string]float64 // name -> labels -> value
	hists  map[string]*histogram
	gauges map[string]func() float64 // computed at scrape time
}

type histogram struct {
	bounds []float64
	counts []uint64
	sum    float64
	n      uint64
}

func newMetrics() *metrics {
	return &metrics{help: map[string]string{}, kind: map[string]string{}, values: map[string]map[string]float64{},
		hists: map[string]*histogram{}, gauges: map[string]func() float64{}}
}

func (m *metrics) counter(name, help string) {
	m.help[name], m.kind[name], m.values[name] = help, "counter", map[string]float64{}
}

func (m *metrics) gauge(name, help string, f func() float64) {
	m.help[name], m.kind[name], m.gauges[name] = help, "gauge", f
}

// proveBuckets are the bounds of the prove-seconds histograms.
var proveBuckets = []float64{0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600, 1800}

func (m *metrics) histogram(name, help string, bounds []float64) {
	m.help[name], m.kind[name] = help, "histogram"
	m.hists[name] = &histogram{bounds: bounds, counts: make([]uint64, len(bounds))}
}

// add adds v to the counter name with labels (`code="401"`, or "").
func (m *metrics) add(name, labels string, v float64) {
	m.mu.Lock()
	m.values[name][labels] += v
	m.mu.Unlock()
}

func (m *metrics) observe(name string, v float64) {
	m.mu.Lock()
	defer m.mu.Unlock()
	h := m.hists[name]
	for i, b := range h.bounds {
		if v <= b {
			h.counts[i]++
		}
	}
	h.sum += v
	h.n++
}

func (m *metrics) write(w io.Writer) {
	m.mu.Lock()
	defer m.mu.Unlock()
	names := make([]string, 0, len(m.help))
	for n := range m.help {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s %s\n", n, m.help[n], n, m.kind[n])
		switch m.kind[n] {
		case "counter":
			vals := m.values[n]
			if len(vals) == 0 {
				fmt.Fprintf(w, "%s 0\n", n)
			}
			labels := make([]string, 0, len(vals))
			for l := range vals {
				labels = append(labels, l)
			}
			sort.Strings(labels)
			for _, l := range labels {
				fmt.Fprintf(w, "%s%s %s\n", n, braces(l), num(vals[l]))
			}
		case "gauge":
			fmt.Fprintf(w, "%s %s\n", n, num(m.gauges[n]()))
		case "histogram":
			h := m.hists[n]
			for i, b := range h.bounds {
				fmt.Fprintf(w, "%s_bucket{le=\"%s\"} %d\n", n, num(b), h.counts[i])
			}
			fmt.Fprintf(w, "%s_bucket{le=\"+Inf\"} %d\n%s_sum %s\n%s_count %d\n", n, h.n, n, num(h.sum), n, h.n)
		}
	}
}

func braces(labels string) string {
	if labels == "" {
		return ""
	}
	return "{" + labels + "}"
}

func num(v float64) string {
	if math.IsNaN(v) {
		return "NaN"
	}
	s := fmt.Sprintf("%g", v)
	return strings.Replace(s, "e+", "e", 1)
}

func (m *metrics) handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
		m.write(w)
	})
}
