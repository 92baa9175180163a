#!/usr/bin/env bash
# Builds everything (engine, NativeAOT libcoloc.so, Coloc_Fiji.jar) and runs macros/coloc-demo.ijm in real ImageJ
# (Debian's imagej, -batch under a virtual display) on the bundled sample, printing the per-pair summary.
# Needs: .NET SDK, default-jdk-headless, imagej, xvfb, xauth (see .ci/apt-packages). Output: out/demo/.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
# On a fresh Debian machine (as root) install what .ci/apt-packages lists and is missing, as .ci/run does.
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  missing=(); for p in $(cat "$repo/.ci/apt-packages"); do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  if [ ${#missing[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi
ij="${COLOC_IJ_JAR:-/usr/share/java/ij.jar}"
for tool in java xvfb-run; do command -v "$tool" >/dev/null || { echo "run-demo: '$tool' not found (apt-get install default-jdk-headless imagej xvfb xauth)" >&2; exit 2; }; done
[ -f "$ij" ] || { echo "run-demo: $ij not found (apt-get install imagej)" >&2; exit 2; }
dotnet build "$repo/plugin/Coloc.Plugin.csproj" -nologo -v quiet
jar="$repo/plugin/build/Coloc_Fiji.jar"
[ -f "$jar" ] || { echo "run-demo: $jar was not built (is javac installed?)" >&2; exit 2; }
ijdir="$(mktemp -d)"; trap 'rm -rf "$ijdir"' EXIT
mkdir -p "$ijdir/plugins" && cp "$jar" "$ijdir/plugins/"
out="$repo/out/demo"
# -batch prints the macro's print() output to stdout; timeout guards against a modal error dialog.
timeout 300 xvfb-run -a java -Xmx1g -Dplugins.dir="$ijdir" -jar "$ij" -batch "$repo/macros/coloc-demo.ijm" \
  "sample=[$repo/macros/sample] output=[$out]"
