#!/usr/bin/env bash
# Runs on a GPU machine, from the folder that `make gpu-carry` assembles
# (no Go or network needed; nvcc 12+, cmake, ninja): builds ICICLE's CUDA
# backend from the carried sources, then measures the CPU and GPU provers
# with gpu-bench. One command:
#
#   build/gpu/gpu-run.sh [RESULTS_DIR] [gpu-bench flags, e.g. -runs 5]
#
# RESULTS_DIR (default $OUT, else ./results) receives device.txt (GPU,
# driver, CUDA), cuda-build.log, gpu.md (the table for bench/GPU.md) and
# bench.log. Each case runs in its own process, so that a crash inside
# ICICLE loses one row: NAMES (default 4l_relu_conv_fc, from models/) and
# SIZES (default 676000,760000,1048576,4194304 constraints) choose them.
# CUDA_ARCH (default 90: H100, H200) must match the GPU: CUDA 13 has no
# fallback architecture.
set -euo pipefail
command -v nvcc >/dev/null || export PATH="$PATH:/usr/local/cuda/bin"
here=$(cd "$(dirname "$0")" && pwd)
res=${1:-${OUT:-$here/results}}
shift || true
mkdir -p "$res"
res=$(cd "$res" && pwd)
{
	nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv
	nvidia-smi | sed -n 3p
	nvcc --version | tail -2
	echo "CPU cores: $(nproc)"
} >"$res/device.txt" 2>&1 || true
cat "$res/device.txt"

# The front end is rebuilt with the backend, and goes first on the library
# path, so that both come from one build.
b=${ICICLE_CUDA_BUILD:-/tmp/zkml-icicle-cuda}
if [ ! -f "$b/install/lib/libicicle_device.so" ] || [ ! -d "$b/install/lib/backend" ]; then
	echo "building ICICLE's CUDA backend (CUDA_ARCH=${CUDA_ARCH:-90}; log in $res/cuda-build.log)"
	cmake -S "$here/icicle" -B "$b" -G Ninja -DCURVE=bn254 -DCUDA_BACKEND=ON -DCUDA_ARCH="${CUDA_ARCH:-90}" -DG2=ON \
		-DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$b/install" >"$res/cuda-build.log" 2>&1
	cmake --build "$b" --target install -j "$(nproc)" >>"$res/cuda-build.log" 2>&1 ||
		{ tail -30 "$res/cuda-build.log"; exit 1; }
fi
export ICICLE_BACKEND_INSTALL_DIR="$b/install/lib/backend"
export LD_LIBRARY_PATH="$b/install/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
bench() {
	local name=$1
	shift
	"$here/gpu-bench" -models "$here/models" -out "$res/gpu.md" "$@" 2>&1 | tee -a "$res/bench.log" ||
		echo "| $name | | | | | | gpu-bench failed: see bench.log |" | tee -a "$res/gpu.md"
}
set +e
for n in $(echo "${NAMES-4l_relu_conv_fc}" | tr , ' '); do
	bench "$n" -names "$n" -sizes "" "$@"
done
for s in $(echo "${SIZES-676000,760000,1048576,4194304}" | tr , ' '); do
	bench "synthetic $s" -names "" -sizes "$s" "$@"
done
