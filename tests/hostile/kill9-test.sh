#!/usr/bin/env bash
# kill -9 at random moments during `coloc match --out` (CSV) and `coloc match --out --db` (database), TRIALS times
# each (default 20): odd trials at any moment of the run, even ones while it writes (0 to 0.3 s after its first staged
# file appeared). After every kill:
#  - the output folder holds no half-written file: every visible file equals the reference run's (with a database,
#    less the id columns the database gives), and summary.json, the mark of a complete result (renamed last, and an
#    older one removed before any table is replaced), is present only beside every table complete;
#  - the database passes integrity_check and holds the killed run's matches completely or not at all;
# and the next run into the same folder and database succeeds with the reference result and leaves no temporary
# file (.NAME.PID.TAG.tmp / .new / -journal, .coloc-slabs.*) of the killed run behind.
# Usage: tests/hostile/kill9-test.sh [COLOC [TRIALS]]
#   COLOC   the command that runs coloc (default: "dotnet src/Coloc.Cli/bin/Debug/net10.0/coloc.dll", built first
#           when missing)
#   TRIALS  kills per kind (default 20)
#   KILL9_BLOBS  blobs per channel, 3 channels (default 150000: a run of a second or two on an idle machine)
# Needs python3 (its sqlite3 module). Ends with "kill9: N passed, N failed" (one trial = one kill and the rerun after it).
set -uo pipefail
cd "$(dirname "$0")/../.."
coloc=${1:-}
trials=${2:-20}
blobs=${KILL9_BLOBS:-150000}
if [ -z "$coloc" ]; then
  dll=src/Coloc.Cli/bin/Debug/net10.0/coloc.dll
  [ -e "$dll" ] || dotnet build src/Coloc.Cli > /dev/null || { echo "kill9: build of src/Coloc.Cli failed"; echo "kill9: 0 passed, 1 failed"; exit 1; }
  coloc="dotnet $PWD/$dll"
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
sql() { python3 -c 'import sqlite3, sys
c = sqlite3.connect(sys.argv[1])
for r in c.execute(sys.argv[2]): print(*r)' "$@" 2>&1; }
python3 - "$work/b.csv" "$blobs" <<'PY'
import random, sys
r = random.Random(7)
n = int(sys.argv[2])
with open(sys.argv[1], "w") as f:
    f.write("z,y,x,radius,confirmed,truth,channel\n")
    for c in range(3):
        for _ in range(n):
            f.write(f"{r.randrange(60)},{r.randrange(2000)},{r.randrange(2000)},2,-1,-1,{c}\n")
PY
args=(match --blobs "$work/b.csv" --shape 60,2000,2000 --tol 2,3,3 --threads 2)
start=$(date +%s.%N)
$coloc "${args[@]}" --out "$work/ref" > /dev/null || { echo "kill9: reference run failed"; echo "kill9: 0 passed, 1 failed"; exit 1; }
ref_ms=$(python3 -c "import sys; print(int((float(sys.argv[2]) - float(sys.argv[1])) * 1000))" "$start" "$(date +%s.%N)")
$coloc "${args[@]}" --out "$work/refdb" --db "$work/ref.db" > /dev/null
ref_rows=$(sql "$work/ref.db" "select count(*) from blob_matches")
[[ "$ref_rows" =~ ^[1-9][0-9]*$ ]] || { echo "kill9: reference database run failed: $ref_rows"; echo "kill9: 0 passed, 1 failed"; exit 1; }
passed=0; failed=0; complete=0; incomplete=0; empty=0; temporaries=0; committed=0; notcommitted=0
fail() { echo "kill9: FAIL trial $1: $2"; failed=$((failed + 1)); }
# same FILE REF MODE: equal bytes (csv), or equal less the database's id columns (db: MatchID, RoiID, Blob1ID, Blob2ID)
same() {
  if [ "$3" = db ] && [[ $(basename "$1") == matches_* ]]; then
    cmp -s <(cut -d, -f4-10,12- "$1") <(cut -d, -f4-10,12- "$2")
  else cmp -s "$1" "$2"; fi
}
check_folder() { # trial folder mode: every visible file equals the reference, summary.json only with all tables
  local t=$1 d=$2 mode=$3 f
  [ -d "$d" ] || { empty=$((empty + 1)); return 0; }
  for f in "$d"/*; do
    [ -e "$f" ] || continue
    [ "$(basename "$f")" = summary.json ] && continue
    same "$f" "$work/ref/$(basename "$f")" "$mode" || { fail "$t" "$(basename "$f") differs from the reference (half written?)"; return 1; }
  done
  if [ -e "$d/summary.json" ]; then
    complete=$((complete + 1))
    for f in "$work/ref"/matches_*.csv; do
      [ -e "$d/$(basename "$f")" ] && same "$d/$(basename "$f")" "$f" "$mode" || { fail "$t" "summary.json present but $(basename "$f") is not complete"; return 1; }
    done
  else incomplete=$((incomplete + 1)); fi
  ls -A "$d" | grep -q '\.tmp$' && temporaries=$((temporaries + 1))
  return 0
}
leftovers() { # temporaries in the output folder and the database's folder
  find "$work/out" "$work" -maxdepth 1 \( -name '.*.tmp' -o -name '.*.new' -o -name '.*-journal' -o -name '*.db-journal' -o -name '.coloc-slabs.*' \) 2>/dev/null
}
for mode in csv db; do
  rm -rf "$work/out" "$work/k.db"*
  for t in $(seq 1 "$trials"); do
    extra=(); [ "$mode" = db ] && extra=(--db "$work/k.db")
    before=0; [ "$mode" = db ] && [ -e "$work/k.db" ] && before=$(sql "$work/k.db" "select count(*) from blob_matches")
    $coloc "${args[@]}" --out "$work/out" "${extra[@]}" > /dev/null 2>&1 &
    pid=$!
    if [ $((t % 2)) -eq 1 ]; then
      # odd trials: any moment of the run
      sleep "$(python3 -c "import random; print(random.uniform(0.05, 1.3 * $ref_ms / 1000))")"
    else
      # even trials: while writing: once the first staged file appears, within the next 0.3 s (staging, database
      # commit, renames)
      for _ in $(seq $((2 * ref_ms / 10 + 100))); do
        compgen -G "$work/out/.*.tmp" > /dev/null && break
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.01
      done
      sleep "$(python3 -c "import random; print(random.uniform(0, 0.3))")"
    fi
    kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    ok=1
    check_folder "$mode-$t" "$work/out" "$mode" || ok=0
    if [ "$mode" = db ] && [ -e "$work/k.db" ]; then
      ic=$(sql "$work/k.db" "pragma integrity_check")
      n=$(sql "$work/k.db" "select count(*) from blob_matches")
      [ "$ic" = ok ] || { fail "$mode-$t" "integrity_check: $ic"; ok=0; }
      if [ "$n" = "$before" ]; then notcommitted=$((notcommitted + 1))
      elif [ "$n" = $((before + ref_rows)) ]; then committed=$((committed + 1))
      else fail "$mode-$t" "database holds $n matches, not $before or $((before + ref_rows))"; ok=0; fi
    elif [ "$mode" = db ]; then notcommitted=$((notcommitted + 1))
    fi
    # The next run into the same folder (and database) succeeds with the reference result, and cleans up.
    if ! $coloc "${args[@]}" --out "$work/out" "${extra[@]}" > "$work/rerun.log" 2>&1; then fail "$mode-$t" "rerun failed: $(tail -1 "$work/rerun.log")"; ok=0
    else
      for f in "$work/ref"/matches_*.csv "$work/ref/summary.json"; do
        [ "$(basename "$f")" = summary.json ] && { [ -e "$work/out/summary.json" ] || { fail "$mode-$t" "rerun: no summary.json"; ok=0; }; continue; }
        same "$work/out/$(basename "$f")" "$f" "$mode" || { fail "$mode-$t" "rerun: $(basename "$f") differs"; ok=0; break; }
      done
      left=$(leftovers)
      [ -z "$left" ] || { fail "$mode-$t" "rerun left temporaries: $(echo $left | xargs -n1 basename | tr '\n' ' ')"; ok=0; }
      if [ "$mode" = db ]; then
        n2=$(sql "$work/k.db" "select count(*) from blob_matches")
        [ "$(sql "$work/k.db" "pragma integrity_check")" = ok ] || { fail "$mode-$t" "rerun: integrity_check fails"; ok=0; }
        [ $(( n2 % ref_rows )) -eq 0 ] || { fail "$mode-$t" "rerun: database holds $n2 matches, not a multiple of $ref_rows"; ok=0; }
      fi
    fi
    [ "$ok" = 1 ] && passed=$((passed + 1))
  done
done
echo "kill9: reference run ${ref_ms} ms, $((3 * blobs)) blobs, $ref_rows matches per database run; kills at 0.05 s .. 1.3 × that (odd trials) or 0 .. 0.3 s after the first staged file appeared (even trials)"
echo "kill9: after the kills the folder held: no folder $empty, a complete result (summary.json) $complete, no summary.json $incomplete (of these, with a stale .tmp $temporaries); database: committed $committed, untouched $notcommitted"
echo "kill9: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
