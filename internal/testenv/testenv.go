// Package testenv decides what a test does when something outside the
// repository is missing: the npm tools of `make tools` (solcjs, anvil,
// forge, which [FindForge] sets up to run offline) or the shared models in
// ../shared. By default the test skips, saying why; with
// ZKML_REQUIRE_TOOLS=1 or ZKML_REQUIRE_SHARED=1 (which .ci/run sets) it
// fails instead, so that CI cannot pass by skipping. Every test that needs
// one of them goes through [MissingTool] or [MissingShared].
//
// The summary of `make test` lists the tests that skipped anyway (see
// internal/testenv/skips).
package testenv

import (
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// The environment variables that turn the skips into failures.
const (
	RequireToolsEnv  = "ZKML_REQUIRE_TOOLS"
	RequireSharedEnv = "ZKML_REQUIRE_SHARED"
)

// ToolsRequired reports whether ZKML_REQUIRE_TOOLS=1.
func ToolsRequired() bool { return os.Getenv(RequireToolsEnv) == "1" }

// SharedRequired reports whether ZKML_REQUIRE_SHARED=1.
func SharedRequired() bool { return os.Getenv(RequireSharedEnv) == "1" }

// MissingTool skips t, or fails it under ZKML_REQUIRE_TOOLS=1: tool (solcjs,
// anvil) is not installed, as err says.
func MissingTool(t testing.TB, tool string, err error) {
	t.Helper()
	if ToolsRequired() {
		t.Fatalf("%s not installed (run `make tools`), and %s=1 requires it: %v", tool, RequireToolsEnv, err)
	}
	t.Skipf("%s not installed (run `make tools`): %v", tool, err)
}

// MissingShared skips t, or fails it under ZKML_REQUIRE_SHARED=1: what (the
// shared models, one model) is not in ../shared, as err says.
func MissingShared(t testing.TB, what string, err error) {
	t.Helper()
	if SharedRequired() {
		t.Fatalf("%s not found, and %s=1 requires it (../shared beside the repository): %v", what, RequireSharedEnv, err)
	}
	t.Skipf("%s not found (../shared, beside the repository, is not part of it): %v", what, err)
}

// SharedModels returns the shared models folder, ../shared/models beside
// the repository, or skips or fails t ([MissingShared]) when it is absent.
func SharedModels(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0) // <repo>/internal/testenv/testenv.go
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "models")
	if _, err := os.Stat(dir); err != nil {
		MissingShared(t, "the shared models", err)
	}
	return dir
}

// MilestoneModels are the shared models of zkml's first milestone: linear
// layers, convolutions, pooling and data movement.
var MilestoneModels = []string{
	"1l_mlp", "2l_relu_fc", "2l_relu_small", "1l_relu", "1l_linear", "linear_regression",
	"sklearn_mlp", "accuracy", "1l_conv", "1l_downsample", "4l_relu_conv_fc", "1l_max_pool",
	"1l_average", "1l_batch_norm", "1l_mean", "1l_div", "1l_flatten", "1l_reshape",
	"1l_concat", "1l_slice", "1l_pad", "1l_identity",
}

// NonlinearModels are the shared models built on lookup tables, relu-based
// piecewise-linear ops and products of computed values.
var NonlinearModels = []string{
	"1l_sigmoid", "1l_tanh", "1l_erf", "1l_elu", "1l_gelu_noappx", "2l_relu_sigmoid_small",
	"2l_sigmoid_small", "2l_relu_sigmoid_conv", "1l_sqrt", "selu", "softplus", "log_softmax",
	"1l_leakyrelu", "1l_prelu", "1l_var", "1l_softmax", "layernorm",
}
