#!/usr/bin/env bash
# Builds ICICLE's BN254 libraries (front end and CPU backend, no CUDA) from a
# copy of the icicle-gnark module that gnark requires, into $OUT (default
# build/icicle): $OUT/src is the patched copy, $OUT/lib the libraries. A
# second run rebuilds only what changed (about 2 CPU-minutes from scratch).
# Needs cmake, ninja, a C++ compiler and python3; works offline once the module is in
# the module cache. ICICLE's sources are never committed: they come from the
# module cache at build time.
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-build/icicle}
JOBS=${JOBS:-2}
mod=github.com/ingonyama-zk/icicle-gnark/v3
dir=$(go list -m -f '{{.Dir}}' "$mod" 2>/dev/null || true)
if [ -z "$dir" ] || [ ! -d "$dir/icicle" ]; then
	go mod download "$mod"
	dir=$(go list -m -f '{{.Dir}}' "$mod")
fi
mkdir -p "$OUT"
OUT=$(cd "$OUT" && pwd)
if [ "$(cat "$OUT/src/.patched" 2>/dev/null)" != "$dir" ]; then
	rm -rf "$OUT/src"
	cp -r "$dir/icicle" "$OUT/src"
	chmod -R u+w "$OUT/src"
	# The CPU backend starts hardware_concurrency()-2 vector-op workers and
	# aborts (nof_workers > 0 in tasks_manager.h) on a 2-core host: keep one.
	f="$OUT/src/backend/cpu/src/field/cpu_vec_ops.cpp"
	sed -i 's/return ((hw_threads > 1) ? hw_threads - 1 : 1);/return ((hw_threads > 2) ? hw_threads - 1 : 2);/' "$f"
	grep -q 'hw_threads > 2' "$f" || { echo "icicle-host.sh: the get_nof_workers patch no longer applies to $f" >&2; exit 1; }
	# The CPU backend does not report its free memory, and gnark then splits
	# its MSMs into chunks of which the last can be empty, a panic in a
	# device goroutine that ends the process: report the host's.
	f="$OUT/src/backend/cpu/src/cpu_device_api.cpp"
	python3 - "$f" <<'PY'
import sys
p = sys.argv[1]
s = open(p).read()
old = "    // TODO implement this\n    return eIcicleError::API_NOT_IMPLEMENTED;"
new = ("    total = size_t(sysconf(_SC_PHYS_PAGES)) * size_t(sysconf(_SC_PAGE_SIZE));\n"
       "    free = size_t(sysconf(_SC_AVPHYS_PAGES)) * size_t(sysconf(_SC_PAGE_SIZE));\n"
       "    return eIcicleError::SUCCESS;")
if s.count(old) != 1:
    sys.exit("icicle-host.sh: the get_available_memory patch no longer applies to " + p)
open(p, "w").write("#include <unistd.h>\n" + s.replace(old, new))
PY
	echo "$dir" >"$OUT/src/.patched"
fi
cmake -S "$OUT/src" -B "$OUT/host" -G Ninja -DCURVE=bn254 -DCUDA_BACKEND=OFF -DG2=ON \
	-DCMAKE_BUILD_TYPE=Release -DCMAKE_INSTALL_PREFIX="$OUT" >/dev/null
cmake --build "$OUT/host" --target install -j "$JOBS"
echo "icicle-host.sh: libraries in $OUT/lib"
