#!/usr/bin/env bash
# Bounded fuzz run: every harness of tests/Coloc.Cli.Tests/Fuzz for SECONDS seconds (default $COLOC_FUZZ_SECONDS,
# else 20; 7 harnesses, so about 2.5 minutes), new crashers kept under CRASHERS (default a temporary folder). Prints
# one line per harness ("HARNESS INPUTS FINDINGS" and the findings), the total, and ends with
# "fuzz: N passed, N failed" (harnesses). A longer campaign: COLOC_FUZZ_SECONDS=600 nice -n 15 tests/fuzz/run-fuzz.sh
# Usage: tests/fuzz/run-fuzz.sh [SECONDS [CRASHERS]]
set -uo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-${COLOC_FUZZ_SECONDS:-20}}
crashers=${2:-$(mktemp -d)}
report=$(mktemp)
COLOC_FUZZ_SECONDS=$seconds COLOC_FUZZ_REPORT=$report COLOC_FUZZ_CRASHERS=$crashers \
  dotnet test tests/Coloc.Cli.Tests --filter "FullyQualifiedName~Fuzz.FuzzTests" >/dev/null 2>&1
rc=$?
cat "$report"
total=$(awk '/^[a-z]/ {s+=$2} END {print s+0}' "$report")
passed=$(awk '/^[a-z]/ && $3 == 0 {n++} END {print n+0}' "$report")
failed=$(awk '/^[a-z]/ && $3 > 0 {n++} END {print n+0}' "$report")
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "fuzz: $total inputs in total ($seconds s per harness), crashers (if any) in $crashers"
echo "fuzz: $passed passed, $failed failed"
exit "$rc"
