// Package testenv decides what a test does when something outside the
// repository is missing: the npm tools of `make tools` (solcjs, anvil) or
// the shared models in ../shared. By default the test skips, saying why; with
// ZKML_REQUIRE_TOOLS=1 or ZKML_REQUIRE_SHARED=1 (which .ci/run sets) it
// fails instead, so that CI cannot pass by skipping. Every test that needs
// one of them goes through [MissingTool] or [MissingShared].
//
// The summary of `make test` lists the tests that skipped anyway (see
// internal/testenv/skips).
package testenv

import (
	"os"
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
