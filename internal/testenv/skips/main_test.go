package main

import (
	"strings"
	"testing"
)

const stream = `{"Action":"start","Package":"example.com/a"}
{"Action":"run","Package":"example.com/a","Test":"TestOK"}
{"Action":"output","Package":"example.com/a","Test":"TestOK","Output":"=== RUN   TestOK\n"}
{"Action":"output","Package":"example.com/a","Test":"TestOK","Output":"    a_test.go:9: a log line of a passing test\n"}
{"Action":"pass","Package":"example.com/a","Test":"TestOK"}
{"Action":"run","Package":"example.com/a","Test":"TestTools"}
{"Action":"output","Package":"example.com/a","Test":"TestTools","Output":"=== RUN   TestTools\n"}
{"Action":"output","Package":"example.com/a","Test":"TestTools","Output":"    a_test.go:12: solcjs not installed (run make tools)\n"}
{"Action":"output","Package":"example.com/a","Test":"TestTools","Output":"--- SKIP: TestTools (0.00s)\n"}
{"Action":"skip","Package":"example.com/a","Test":"TestTools"}
{"Action":"output","Package":"example.com/a","Output":"PASS\n"}
{"Action":"output","Package":"example.com/a","Output":"ok  \texample.com/a\t0.01s\n"}
{"Action":"pass","Package":"example.com/a"}
{"Action":"run","Package":"example.com/b","Test":"TestBad"}
{"Action":"output","Package":"example.com/b","Test":"TestBad","Output":"=== RUN   TestBad\n"}
{"Action":"output","Package":"example.com/b","Test":"TestBad","Output":"    b_test.go:5: wrong\n"}
{"Action":"output","Package":"example.com/b","Test":"TestBad","Output":"--- FAIL: TestBad (0.00s)\n"}
{"Action":"fail","Package":"example.com/b","Test":"TestBad"}
{"Action":"output","Package":"example.com/b","Output":"FAIL\n"}
{"Action":"output","Package":"example.com/b","Output":"FAIL\texample.com/b\t0.01s\n"}
{"Action":"fail","Package":"example.com/b"}
{"ImportPath":"example.com/c","Action":"build-output","Output":"c.go:1:1: syntax error\n"}
{"ImportPath":"example.com/c","Action":"build-fail"}
{"Action":"output","Package":"example.com/c","Output":"FAIL\texample.com/c [build failed]\n"}
{"Action":"fail","Package":"example.com/c","FailedBuild":"example.com/c"}
`

func TestFilter(t *testing.T) {
	var out strings.Builder
	failed, err := filter(strings.NewReader(stream), &out)
	if err != nil || !failed {
		t.Fatalf("failed = %v, err = %v; want a failure", failed, err)
	}
	got := out.String()
	for _, want := range []string{
		"ok  \texample.com/a\t0.01s\n",
		"    b_test.go:5: wrong\n",
		"FAIL\texample.com/b\t0.01s\n",
		"c.go:1:1: syntax error\n",
		"FAIL\texample.com/c [build failed]\n",
		"1 tests skipped\nSKIP example.com/a TestTools: a_test.go:12: solcjs not installed (run make tools)\n",
		"FAIL: 2 of 3 packages failed (example.com/b, example.com/c); 1 tests skipped\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("output lacks %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "a log line of a passing test") {
		t.Errorf("output has a passing test's log:\n%s", got)
	}
	if strings.HasSuffix(got, "PASS\n") {
		t.Errorf("the closing line says PASS:\n%s", got)
	}
}
