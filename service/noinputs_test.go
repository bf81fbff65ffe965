package service_test

import (
	"net/http"
	"path/filepath"
	"testing"
	"time"

	"github.com/zkml/zkml/internal/testmodels"
	"github.com/zkml/zkml/plan"
	"github.com/zkml/zkml/quantize"
	"github.com/zkml/zkml/service"
)

// TestNoInputs proves the shared arange, a model without inputs, from the
// request {"input_data": [[]]} that exporters write, as the CLI takes it
// (see cmd/zkml/testdata/script/no-inputs.txtar); a list of values is one
// input too many.
func TestNoInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: proves through processes")
	}
	m := testmodels.Load(t, "arange")
	cal, err := quantize.Calibrate(m.Graph, [][][]float64{{}})
	if err != nil {
		t.Fatal(err)
	}
	pl, err := quantize.Compile(t.Context(), m.Graph, cal, plan.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	builds := t.TempDir()
	if err := makeBuild(filepath.Join(builds, "arange"), pl); err != nil {
		t.Fatal(err)
	}
	c := newCluster(t, builds, false)
	if code, v := c.submit("arange", []float64{1}); code != http.StatusBadRequest {
		t.Errorf("a model without inputs given one: %d %v", code, v)
	}
	code, v := c.submit("arange", []float64{})
	if code != http.StatusAccepted {
		t.Fatalf(`{"input_data": [[]]} for a model without inputs: %d %v`, code, v)
	}
	w := c.worker("w1")
	defer w.stop()
	if done := c.waitDone(v["id"].(string), time.Minute); done["status"] != service.Done {
		t.Errorf("job: %v", done)
	}
}
