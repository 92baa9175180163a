#!/usr/bin/env bash
# Release smoke test for one platform (.github/workflows/release.yml runs it on each native runner; it runs here too):
# the plugin's classes in a real JVM load NATIVE_LIB through NativeLoader's override, run Match Blobs on the bundled
# sample (macros/sample), and the result files must equal those of the managed engine (`dotnet run` of src/Coloc.Cli,
# the reference every Linux test compares with). Writes OUT/jni and OUT/cli; exit 1 on any difference.
# Usage: src/build/smoke-test.sh NATIVE_LIB COLOC_CLI OUT IJ_JAR
set -euo pipefail
lib=$1 cli=$2 out=$3 ij=$4
root=$(cd "$(dirname "$0")/../.." && pwd)
sample=$root/macros/sample
sep=:
case "$(uname -s)" in MINGW*|MSYS*|CYGWIN*) sep=';' ;; esac
mkdir -p "$out/classes"
javac --release 8 -Xlint:-options -encoding UTF-8 -cp "$ij" -d "$out/classes" \
  $(find "$root/plugin/src" -name '*.java') "$root/tests/Coloc.Fiji.Tests/java/coloc/fijitest/MatchProbe.java"
java -Djava.awt.headless=true -Dcoloc.native.lib="$lib" -cp "$out/classes$sep$ij" coloc.fijitest.MatchProbe \
  "$sample/sample.zip" "blobs=[$sample/blobs.csv] mode=magmap output=[$out/jni]" | tee "$out/jni.log"
grep -q '^summary 0,1: 176 matches' "$out/jni.log"
"$cli" match --blobs "$sample/blobs.csv" --out "$out/cli" --mode magmap --shape 60,1100,1100 --resolution 1,1,1
dotnet run --project "$root/src/Coloc.Cli" -c Release -- match --blobs "$sample/blobs.csv" --out "$out/managed" \
  --mode magmap --shape 60,1100,1100 --resolution 1,1,1
diff -r "$out/managed" "$out/cli"
diff -r "$out/managed" "$out/jni"
echo "smoke: $(basename "$lib") and $(basename "$cli") give the managed engine's bytes"
