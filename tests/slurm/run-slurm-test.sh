#!/usr/bin/env bash
# SLURM integration test (issue 8), run by .ci/run after the unit tests. It starts munged, slurmctld and three slurmd
# on 127.0.0.1 only (all state in a temporary folder), plans the bundled sample into 8 blocks, submits the emitted
# array + dependent merge, kill -9s one task's coloc process, checks that the merge was cancelled and that
# `coloc merge` names exactly that block, resubmits the missing task with the emitted script, and checks the merged
# output equals a single-machine `coloc run` byte for byte. Every daemon is stopped by PID on exit, whatever happened.
# Last line: "slurm: N passed, N failed". Needs root and Debian's slurm-wlm + munge. COLOC_BIN overrides the coloc
# executable (default: the build of src/Coloc.Cli, built if missing).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/cluster.sh"

passed=0
failed=0
ok() { echo "slurm-test: ok: $1"; passed=$((passed + 1)); }
bad() { echo "slurm-test: FAIL: $1" >&2; failed=$((failed + 1)); }
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
finish() { cluster_stop; rm -rf "${W:-/nonexistent}"; echo "slurm: $passed passed, $failed failed"; }

if [ "$(id -u)" != 0 ] || ! command -v slurmctld >/dev/null || ! command -v munged >/dev/null; then
  bad "needs root and slurm-wlm + munge (see .ci/apt-packages)"
  echo "slurm: $passed passed, $failed failed"; exit 1
fi

t_start=$(date +%s.%N)
W=$(mktemp -d /tmp/coloc-slurm-test.XXXXXX)
chmod 755 "$W"
trap finish EXIT

bin=${COLOC_BIN:-}
if [ -z "$bin" ]; then
  for c in "$repo/src/Coloc.Cli/bin/Debug/net10.0/coloc" "$repo/src/Coloc.Cli/bin/Release/net10.0/coloc"; do
    [ -x "$c" ] && { bin=$c; break; }
  done
fi
if [ -z "$bin" ]; then
  dotnet build "$repo/src/Coloc.Cli" -c Release -v q -nologo >/dev/null || { bad "build coloc"; exit 1; }
  bin="$repo/src/Coloc.Cli/bin/Release/net10.0/coloc"
fi
sample="$here/sample.tif"
victim=5
plan="$W/plan"

# The wrapper runs coloc; for the victim task (first attempt only) it stops the coloc process right after starting it
# and publishes its PID, so the test can kill -9 that very process while it runs.
cat > "$W/coloc-wrap" <<WRAP
#!/bin/bash
if [ "\${SLURM_ARRAY_TASK_ID:-}" = "$victim" ] && [ ! -e "$W/killed" ]; then
  "$bin" "\$@" &
  child=\$!
  kill -STOP "\$child"
  echo "\$child" > "$W/victim.pid.tmp" && mv "$W/victim.pid.tmp" "$W/victim.pid"
  wait "\$child"
  exit \$?
fi
exec "$bin" "\$@"
WRAP
chmod 755 "$W/coloc-wrap"

"$bin" run --image "$sample" --out "$W/single" >/dev/null
check "single-machine coloc run" '[ -s "$W/single/blobs.csv" ] && [ -s "$W/single/summary.json" ]'
"$bin" plan --image "$sample" --out "$plan" --block-size 12,64,64 > "$W/plan.out"
check "plan has 8 blocks" 'grep -qx "N=8" "$W/plan.out"'
"$bin" emit-jobs --plan "$plan" --scheduler slurm --tasks 8 --max-running 3 --out "$W/merged" --coloc "$W/coloc-wrap" >/dev/null
check "emit-jobs wrote the SLURM scripts" '[ -x "$plan/jobs/submit.sh" ] && grep -q -- "--array=0-7%3" "$plan/jobs/array.sbatch"'

cluster_start "$W/cluster" 3 || { bad "cluster start"; exit 1; }
check "3 nodes idle" '[ "$(sinfo -h -N -o "%N %t" | grep -c idle)" -eq 3 ]'
listen=$(cluster_check_listeners); rc=$?
check "every listener on 127.0.0.1 ($listen)" '[ $rc -eq 0 ]'

t_submit=$(date +%s.%N)
sub=$(bash "$plan/jobs/submit.sh") || bad "submit"
array=$(sed -n 's/^ARRAY_JOB=//p' <<<"$sub"); merge=$(sed -n 's/^MERGE_JOB=//p' <<<"$sub")
check "array and merge submitted ($array, $merge)" '[ -n "$array" ] && [ -n "$merge" ]'

for _ in $(seq 1 600); do [ -s "$W/victim.pid" ] && break; sleep 0.1; done
vpid=$(cat "$W/victim.pid" 2>/dev/null)
check "victim task $victim started coloc (pid ${vpid:-none})" '[ -n "$vpid" ] && tr "\0" " " < /proc/$vpid/cmdline | grep -q "run-block"'
listen=$(cluster_check_listeners); rc=$?
check "every listener on 127.0.0.1 while jobs run" '[ $rc -eq 0 ]'
touch "$W/killed"
[ -n "$vpid" ] && kill -9 "$vpid"

wait_gone() { local j; for _ in $(seq 1 900); do j=$(squeue -h -j "$1" 2>/dev/null); [ -z "$j" ] && return 0; sleep 0.1; done; return 1; }
wait_gone "$array"; wait_gone "$merge"
state() { scontrol show job "$1" 2>/dev/null | grep -o 'JobState=[A-Z_]*' | head -1 | cut -d= -f2; }
check "task $victim FAILED" '[ "$(state "${array}_${victim}")" = FAILED ]'
check "merge CANCELLED (dependency never satisfied)" '[ "$(state "$merge")" = CANCELLED ]'
others=$(for i in 0 1 2 3 4 6 7; do state "${array}_$i"; done | sort -u | tr -d '\n')
check "the other 7 tasks COMPLETED" '[ "$others" = COMPLETED ]'

"$bin" merge --plan "$plan" --out "$W/premature" > "$W/merge1.out" 2>&1; rc=$?
check "merge exits 3" '[ $rc -eq 3 ]'
check "merge names exactly block $victim" 'grep -qx "missing blocks: $victim" "$W/merge1.out"'
check "nothing written by the failed merge" '[ ! -e "$W/premature" ]'
list=$("$bin" status --plan "$plan" --tasks 8 --list); rc=$?
check "status lists task $victim for sbatch --array" '[ $rc -eq 3 ] && [ "$list" = "$victim" ]'

res=$(bash "$plan/jobs/resubmit-missing.sh")
array2=$(sed -n 's/^ARRAY_JOB=//p' <<<"$res"); merge2=$(sed -n 's/^MERGE_JOB=//p' <<<"$res")
check "resubmitted task $victim ($array2) and a new merge ($merge2)" 'grep -qx "RESUBMITTED=$victim" <<<"$res" && [ -n "$merge2" ]'
wait_gone "$array2"; wait_gone "$merge2"
check "new merge COMPLETED" '[ "$(state "$merge2")" = COMPLETED ]'
check "merged output equals the single-machine run byte for byte" 'diff -r "$W/single" "$W/merged" >/dev/null'
t_end=$(date +%s.%N)
echo "slurm-test: submit to merged output (incl. kill and resubmit) $(awk "BEGIN{print $t_end - $t_submit}") s; whole test $(awk "BEGIN{print $t_end - $t_start}") s"
[ "$failed" -eq 0 ]
