#!/usr/bin/env bash
# Unpacks Debian's openjdk-17-jre-headless:arm64 into DIR (default /opt/coloc/arm64-jre) without installing it, so a
# real arm64 JVM can run under qemu-aarch64-static next to the machine's amd64 JDK (tests/Coloc.Fiji.Tests/Platforms).
# Needs `dpkg --add-architecture arm64` and an `apt-get update` after it (.ci/run does both). Idempotent.
# Run the JVM as `qemu-aarch64-static DIR/usr/lib/jvm/java-17-openjdk-arm64/bin/java ...`, without `-L`: the cross
# loader of libc6-dev-arm64-cross and the multiarch libc6:arm64 differ, and with `-L /usr/aarch64-linux-gnu`
# pthread_create spins forever.
set -euo pipefail
dir=${1:-/opt/coloc/arm64-jre}
java=$dir/usr/lib/jvm/java-17-openjdk-arm64/bin/java
if [ -x "$java" ] && [ -f "$dir/usr/lib/jvm/java-17-openjdk-arm64/lib/jvm.cfg" ]; then
  exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && apt-get download -qq openjdk-17-jre-headless:arm64 >/dev/null 2>&1) || {
  echo "setup-arm64-jre: apt-get download openjdk-17-jre-headless:arm64 failed (dpkg --add-architecture arm64; apt-get update)" >&2
  exit 1
}
mkdir -p "$dir"
dpkg -x "$tmp"/openjdk-17-jre-headless_*_arm64.deb "$dir"
# lib/jvm.cfg is a link to /etc/java-17-openjdk/jvm-arm64.cfg, which only the package's install would create.
cfg=$dir/usr/lib/jvm/java-17-openjdk-arm64/lib/jvm.cfg
rm -f "$cfg"
cp "$dir/etc/java-17-openjdk/jvm-arm64.cfg" "$cfg"
test -x "$java"
