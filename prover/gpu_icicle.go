//go:build icicle

package prover

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"sync"

	"github.com/consensys/gnark/backend"
	"github.com/consensys/gnark/backend/accelerated/icicle"
	icicle_bn254 "github.com/consensys/gnark/backend/accelerated/icicle/groth16/bn254"
	groth16_bn254 "github.com/consensys/gnark/backend/groth16/bn254"
	"github.com/consensys/gnark/backend/witness"
	"github.com/consensys/gnark/constraint"
	cs_bn254 "github.com/consensys/gnark/constraint/bn254"
	icicle_runtime "github.com/ingonyama-zk/icicle-gnark/v3/wrappers/golang/runtime"
)

// icicleDevice is the ICICLE device the GPU prover runs on: CUDA, or
// ICICLE's CPU backend when ZKML_ICICLE_DEVICE=cpu. The CPU backend runs
// the GPU code path on machines without a GPU: the tests use it, and so can
// a smoke test of a tagged binary.
var icicleDevice = func() icicle.Backend {
	if strings.EqualFold(os.Getenv("ZKML_ICICLE_DEVICE"), "cpu") {
		cpuMSMWindow()
		return icicle.CPU
	}
	return icicle.CUDA
}()

// cpuMSMWindow caps gnark's MSM window (16 bits by default, for a GPU)
// unless the user set it: on ICICLE's CPU backend the G2 MSM would spend
// minutes on empty buckets.
func cpuMSMWindow() {
	if os.Getenv("ICICLE_MSM_MAX_WINDOW") == "" {
		os.Setenv("ICICLE_MSM_MAX_WINDOW", "8")
	}
}

var icicleInit struct {
	once sync.Once
	err  error
}

// gpuAvailable loads ICICLE's backend (from $ICICLE_BACKEND_INSTALL_DIR,
// else /opt/icicle/lib/backend) once and says whether device 0 answers.
func gpuAvailable() error {
	icicleInit.once.Do(func() { icicleInit.err = initIcicle() })
	return icicleInit.err
}

func initIcicle() error {
	loaded := icicle_runtime.LoadBackendFromEnvOrDefault()
	dev := icicle_runtime.CreateDevice(icicleDevice.String(), 0)
	if !icicle_runtime.IsDeviceAvailable(&dev) {
		if loaded != icicle_runtime.Success {
			return fmt.Errorf("ICICLE found no %s backend (%s): set ICICLE_BACKEND_INSTALL_DIR to the folder of the installed backend", icicleDevice, loaded.AsString())
		}
		return fmt.Errorf("ICICLE has no %s backend", icicleDevice)
	}
	// The device is thread-local in ICICLE: ask on the thread that sets it.
	count := make(chan int, 1)
	icicle_runtime.RunOnDevice(&dev, func(...any) {
		n, e := icicle_runtime.GetDeviceCount()
		if e != icicle_runtime.Success {
			n = 0
		}
		count <- n
	})
	if <-count == 0 {
		return fmt.Errorf("ICICLE's %s backend finds no device", icicleDevice)
	}
	return nil
}

// icicleKey reloads the native key into ICICLE's, which adds the device
// buffers; the encodings are the same.
func icicleKey(pk *groth16_bn254.ProvingKey, pin bool) (any, error) {
	var buf bytes.Buffer
	if _, err := pk.WriteRawTo(&buf); err != nil {
		return nil, err
	}
	k := &icicle_bn254.ProvingKey{PinToGPU: pin}
	if _, err := k.UnsafeReadFrom(&buf); err != nil {
		return nil, err
	}
	return k, nil
}

func icicleProve(ccs constraint.ConstraintSystem, key any, w witness.Witness, opts ...backend.ProverOption) (gnarkProof, error) {
	k := key.(*icicle_bn254.ProvingKey)
	cfg, err := icicle.NewConfig(icicle.WithBackend(icicleDevice), icicle.WithProverOptions(opts...), icicle.WithPinKeysToGPU(k.PinToGPU))
	if err != nil {
		return nil, err
	}
	return icicle_bn254.Prove(ccs.(*cs_bn254.R1CS), k, w, cfg)
}
