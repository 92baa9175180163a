#!/usr/bin/env bash
# Runs a fixed corpus of `coloc` jobs (match in both modes on the sample and oracle stacks, ROI runs, intensity,
# detection, a whole `coloc run`) and prints "sha256  relative-path" for every file written, so two builds can be
# compared byte for byte:   tests/corpus/run-corpus.sh "dotnet old/coloc.dll" /tmp/a > a.txt
#                           tests/corpus/run-corpus.sh "dotnet new/coloc.dll" /tmp/b > b.txt && diff a.txt b.txt
# Database files hold creation dates, so for --db runs only the CSVs written beside them are hashed.
set -euo pipefail
coloc=$1; out=$2
here=$(cd "$(dirname "$0")/../.." && pwd)
cases=$here/tests/data/oracle/cases
[ -d "$cases" ] || cases=$here/../shared/reference/oracle/cases
rm -rf "$out"; mkdir -p "$out"
run() { local name=$1; shift; $coloc "$@" > "$out/$name.stdout" 2>&1 || { echo "corpus: $name failed" >&2; cat "$out/$name.stdout" >&2; exit 1; }; }
S=$here/macros/sample/blobs.csv
for mode in magmap exact; do
  run sample-$mode match --blobs "$S" --out "$out/sample-$mode" --mode $mode --shape 60,1100,1100 --resolution 1,1,1 --threads 2
  run sample-$mode-t1 match --blobs "$S" --out "$out/sample-$mode-t1" --mode $mode --shape 60,1100,1100 --resolution 1,1,1 --threads 1
  run b01-$mode match --blobs "$cases/B01_stack_default_profile_2ch/blobs.csv" --out "$out/b01-$mode" --mode $mode --shape 60,1100,1100 --resolution 1,1,1
  run sample-$mode-db match --blobs "$S" --out "$out/sample-$mode-db" --mode $mode --shape 60,1100,1100 --resolution 1,1,1 --db "$out/sample-$mode.db"
  run sample-$mode-prof match --blobs "$S" --out "$out/sample-$mode-prof" --mode $mode --shape 60,1100,1100 --resolution 2,0.5,0.5 --profile default,lightsheet
  # ROI runs (oracle params are x,y,z; the CLI takes z,y,x)
  run a01-$mode match --blobs "$cases/A01_two_channels_random/blobs.csv" --out "$out/a01-$mode" --mode $mode --roi-offset 5,20,10 --roi-size 30,50,60 --tol 2,3,3
  run a02-$mode match --blobs "$cases/A02_three_channels_random/blobs.csv" --out "$out/a02-$mode" --mode $mode --roi-offset 5,20,10 --roi-size 30,50,60 --tol 2,3,3
  run a16-$mode match --blobs "$cases/A16_dense_competition/blobs.csv" --out "$out/a16-$mode" --mode $mode --roi-offset 0,0,0 --roi-size 40,40,40 --tol 2,3,3
done
run exact-tolum match --blobs "$S" --out "$out/exact-tolum" --shape 60,1100,1100 --resolution 2,0.5,0.5 --tol-um 4,2,2 --block-size 17,300,301
C=$cases/C01_intensity_2ch
run c01-min intensity --image "$C/roi.tif" --blobs "$C/blobs.csv" --out "$out/c01-min.csv"
run c01-p50 intensity --image "$C/roi.tif" --blobs "$C/blobs.csv" --out "$out/c01-p50.csv" --thresh 50 --diagnostics "$out/c01-p50-diag.csv"
run e01 detect --image "$cases/E01_default_iso_1ch/roi.tif" --out "$out/e01-blobs.csv"
run e03 detect --image "$cases/E03_lightsheet_aniso_1ch/roi.tif" --out "$out/e03-blobs.csv" --profile default,lightsheet
run c01-run run --image "$C/roi.tif" --out "$out/c01-run" --block-size 8,40,40
cd "$out"
find . -type f ! -name '*.db' ! -name '*.stdout' | LC_ALL=C sort | xargs sha256sum
