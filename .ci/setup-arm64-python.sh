#!/usr/bin/env bash
# Unpacks Debian's python3.11 and python3-numpy for arm64 into DIR (default /opt/coloc/arm64-python) without
# installing them, so the linux-arm64 Python wheel can be tested under qemu-aarch64-static next to the machine's amd64
# Python (tests/python/test_install.py). Needs `dpkg --add-architecture arm64` and an `apt-get update` after it
# (.ci/run does both) and the arm64 C library (libc6:arm64, pulled in by libstdc++6:arm64 of .ci/apt-packages).
# Run it as  LD_LIBRARY_PATH=$(DIR/libpath) qemu-aarch64-static DIR/usr/bin/python3.11 ...  (DIR/libpath prints the
# library path; numpy is in DIR/usr/lib/python3/dist-packages). Idempotent.
set -euo pipefail
dir=${1:-/opt/coloc/arm64-python}
if [ -x "$dir/usr/bin/python3.11" ] && [ -x "$dir/libpath" ] && [ -d "$dir/usr/lib/python3/dist-packages/numpy" ]; then
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pkgs="python3.11-minimal libpython3.11-minimal libpython3.11-stdlib python3-numpy libffi8 libexpat1 libblas3 liblapack3 libgfortran5"
(cd "$tmp" && apt-get download -qq $(for p in $pkgs; do echo "$p:arm64"; done) >/dev/null 2>&1) || {
  echo "setup-arm64-python: apt-get download of $pkgs (arm64) failed (dpkg --add-architecture arm64; apt-get update)" >&2
  exit 1
}
mkdir -p "$dir"
for d in "$tmp"/*.deb; do dpkg -x "$d" "$dir"; done
a=$dir/usr/lib/aarch64-linux-gnu
printf '#!/bin/sh\necho %s\n' "$dir/lib/aarch64-linux-gnu:$a:$a/blas:$a/lapack" > "$dir/libpath"
chmod +x "$dir/libpath"
test -x "$dir/usr/bin/python3.11"
