#!/usr/bin/env bash
# Runs the hot-path benchmarks of two revisions side by side on this machine, one after the other in one run, so a
# change can be checked for regressions:   tests/Coloc.Benchmarks/compare-revisions.sh OLD_REV [NEW_REV] [OUT_DIR]
# NEW_REV defaults to the work tree. Each revision is checked out into a temporary worktree and built in Release;
# the results (BenchmarkDotNet's GitHub-markdown tables) land in OUT_DIR/<rev>/. Ratios within 0.7-1.5 are noise on a
# shared 2-core machine; quote medians, not means.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
old=$1; new=${2:-WORKTREE}; out=${3:-$repo/out/bench-compare}
filters=${BENCH_FILTERS:-"*MagmapStackBench* *MagmapAssignmentBench* *ExactMatchBench* *DetectionBenchmarks* *IntensityColocBench* *BlobCsvReadBench* *MatchCsvWriteBench*"}
args=(--launchCount 1 --warmupCount 1 --iterationCount 5 --memory --inProcess)
build() { # rev dir
  if [ "$1" = WORKTREE ]; then echo "$repo"; return; fi
  local wt; wt=$(mktemp -d); git -C "$repo" worktree add --detach "$wt" "$1" >/dev/null
  echo "$wt"
}
for rev in "$old" "$new"; do
  src=$(build "$rev")
  dotnet build "$src/tests/Coloc.Benchmarks" -c Release -o "$out/bin-$rev" >/dev/null
  mkdir -p "$out/$rev"
  for f in $filters; do
    (cd "$out/$rev" && dotnet "$out/bin-$rev/Coloc.Benchmarks.dll" --filter "$f" "${args[@]}" --artifacts "$out/$rev" >/dev/null)
  done
  [ "$rev" = WORKTREE ] || git -C "$repo" worktree remove --force "$src"
done
for rev in "$old" "$new"; do echo "## $rev"; cat "$out/$rev"/results/*-report-github.md; done
