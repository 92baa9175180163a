#!/usr/bin/env bash
# Scaling measurement (not part of CI): the same image on 1 and on 3 local SLURM nodes (CPUs=1 each).
# Usage: scaling.sh IMAGE BLOCK_SIZE [COLOC_BIN]. Prints the sequential time of all blocks in one process, then per
# node count and task count the submit-to-merged wall time and the per-task overhead
# (nodes × wall − sequential) / tasks. Root, slurm-wlm and munge needed; everything listens on 127.0.0.1 only.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
source "$here/cluster.sh"
image=$1; block=$2; bin=${3:-$repo/src/Coloc.Cli/bin/Release/net10.0/coloc}
W=$(mktemp -d /tmp/coloc-scaling.XXXXXX); chmod 755 "$W"
trap 'cluster_stop; rm -rf "$W"' EXIT
now() { date +%s.%N; }
sub() { awk "BEGIN{printf \"%.2f\", $1 - $2}"; }

"$bin" plan --image "$image" --out "$W/seq" --block-size "$block" --threads 1 > "$W/plan.out"
n=$(sed -n 's/^N=//p' "$W/plan.out")
t0=$(now); "$bin" run-block --plan "$W/seq" --shard 0/1 --threads 1 >/dev/null; t1=$(now)
seq=$(sub "$t1" "$t0")
echo "image $image, $n blocks of $block; all blocks in one process, 1 thread: $seq s (load $(cut -d' ' -f1-3 /proc/loadavg))"
"$bin" merge --plan "$W/seq" --out "$W/seq-out" >/dev/null

for nodes in 1 3; do
  cluster_start "$W/cluster" "$nodes" >/dev/null || { echo "cluster start failed"; exit 1; }
  for tasks in "$n" "$nodes"; do
    p="$W/plan-$nodes-$tasks"
    "$bin" plan --image "$image" --out "$p" --block-size "$block" --threads 1 >/dev/null
    "$bin" emit-jobs --plan "$p" --scheduler slurm --tasks "$tasks" --max-running "$tasks" --out "$p/out" --coloc "$bin" >/dev/null
    sed -i "s|--index-base 0|--index-base 0 --threads 1|" "$p/jobs/array.sbatch"
    t0=$(now)
    ids=$(bash "$p/jobs/submit.sh")
    merge=$(sed -n 's/^MERGE_JOB=//p' <<<"$ids")
    while [ -n "$(squeue -h -j "$merge" 2>/dev/null)" ]; do sleep 0.05; done
    t1=$(now)
    wall=$(sub "$t1" "$t0")
    same=$(diff -r "$W/seq-out" "$p/out" >/dev/null && echo identical || echo DIFFERENT)
    echo "nodes=$nodes tasks=$tasks wall=$wall s overhead/task=$(awk "BEGIN{printf \"%.2f\", ($nodes * $wall - $seq) / $tasks}") s output=$same (load $(cut -d' ' -f1-3 /proc/loadavg))"
  done
  cluster_stop
done
