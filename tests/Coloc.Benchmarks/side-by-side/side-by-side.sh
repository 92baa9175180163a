#!/usr/bin/env bash
# MagellanMapper's timing entry points and whole `coloc` processes side by side, in one run, on the same inputs
# (the oracle's timing rules, timings.md): stack colocalization at 1,000,000 and 100,000 blobs/channel and LoG
# detection on the 64x512x512 timing volume. Ratio = MagellanMapper's time inside its call / coloc's whole-process
# wall time (start-up, reading, writing included), as the README's performance table reports them.
#
# Needs: MAGMAP_SRC = a MagellanMapper 1.7 source tree (imported at run time by tests/Coloc.Benchmarks/side-by-side/magmap_timing.py, nothing is
# copied); Debian's python3 with python3-numpy python3-scipy python3-pandas python3-skimage python3-tifffile
# python3-typing-extensions; GNU time (/usr/bin/time).
# Optional: COLOC = the coloc command (default: the NativeAOT binary in $WORK/aot when present, else the Release build
# published ReadyToRun into $WORK/managed, run by dotnet); WORK = scratch folder (default /tmp/coloc-side-by-side, inputs are left there for reruns); JOBS =
# which rows (default "stack1m stack100k detect").
# Usage: MAGMAP_SRC=/path/to/magellanmapper tests/Coloc.Benchmarks/side-by-side/side-by-side.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
work=${WORK:-/tmp/coloc-side-by-side}
jobs=${JOBS:-stack1m stack100k detect}
: "${MAGMAP_SRC:?set MAGMAP_SRC to a MagellanMapper source tree}"
mkdir -p "$work"
cd "$work"

bench=(dotnet "$root/tests/Coloc.Benchmarks/bin/Release/net10.0/Coloc.Benchmarks.dll")
[ -f "${bench[1]}" ] || dotnet build -c Release "$root/tests/Coloc.Benchmarks" >/dev/null
if [ -n "${COLOC:-}" ]; then read -r -a coloc <<<"$COLOC"
elif [ -x "$work/aot/coloc" ]; then coloc=("$work/aot/coloc")
else
  # The managed build as users get it from `dotnet publish -r RID`: ReadyToRun, no tiering (src/Coloc.Cli/Coloc.Cli.csproj).
  [ -f "$work/managed/coloc.dll" ] || dotnet publish -c Release -r "linux-$(uname -m | sed 's/x86_64/x64/;s/aarch64/arm64/')" \
    --self-contained false -o "$work/managed" "$root/src/Coloc.Cli" >/dev/null
  coloc=(dotnet "$work/managed/coloc.dll")
fi

[ -f b1m.csv ] || "${bench[@]}" gen-bench-blobs --n 1000000 --shape 64,6000,6000 --out b1m.csv >/dev/null
[ -f b100k.csv ] || "${bench[@]}" gen-bench-blobs --n 100000 --shape 64,2000,2000 --out b100k.csv >/dev/null
[ -f vol.tif ] || "${bench[@]}" --write-detect-volume vol.tif >/dev/null

# timed NAME cmd...: runs cmd under GNU time; sets wall (s) and peak (MiB), keeps stdout in NAME.out.
timed() {
  local name=$1; shift
  /usr/bin/time -v "$@" >"$name.out" 2>"$name.time"
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$name.time")
  peak=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$name.time")
}
magmap() { timed "$1" /usr/bin/python3 "$root/tests/Coloc.Benchmarks/side-by-side/magmap_timing.py" "${@:2}"; mcall=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).read().splitlines()[-1])["call_s"])' "$1.out"); mcount=$(python3 -c 'import json,sys; print(json.loads(open(sys.argv[1]).read().splitlines()[-1])["count"])' "$1.out"); mwall=$wall; mpeak=$peak; }
pairs() { tail -n +2 "$1/matches_c0_c1.csv" | wc -l; }
row() { printf '| %s | %s s call (%s s wall, %s MiB), %s | %s s, %s MiB, %s | %.1fx | %s |\n' "$1" "$mcall" "$mwall" "$mpeak" "$mcount" "$wall" "$peak" "$2" "$(awk -v a="$mcall" -v b="$wall" 'BEGIN {print a / b}')" "$(cut -d' ' -f1 /proc/loadavg)"; }

echo "| job | MagellanMapper | coloc (whole process) | ratio | load |"
echo "|---|---|---|---|---|"
for job in $jobs; do
  case $job in
    stack1m|stack100k)
      if [ "$job" = stack1m ]; then b=b1m.csv s=64,6000,6000 n=1,000,000; else b=b100k.csv s=64,2000,2000 n=100,000; fi
      magmap "mm-$job" stack --blobs "$b" --shape "$s"
      rm -rf "o-$job-magmap" "o-$job-exact"
      timed "c-$job-magmap" "${coloc[@]}" match --blobs "$b" --out "o-$job-magmap" --shape "$s" --mode magmap
      row "stack, $n blobs/channel, magmap" "$(pairs "o-$job-magmap") pairs"
      if [ "$job" = stack1m ]; then
        timed "c-$job-exact" "${coloc[@]}" match --blobs "$b" --out "o-$job-exact" --shape "$s"
        row "stack, $n blobs/channel, exact" "$(pairs "o-$job-exact") pairs"
      fi
      ;;
    detect)
      magmap mm-detect detect --tif vol.tif
      timed c-detect "${coloc[@]}" detect --image vol.tif --out det.csv
      row "LoG detection, 64x512x512" "$(( $(wc -l <det.csv) - 1 )) blobs"
      ;;
  esac
done
