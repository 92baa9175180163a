#!/usr/bin/env bash
# kill -9 at random moments during `coloc match --out` (CSV) and `coloc match --db`, TRIALS times each (default 20):
# after every kill the output folder holds no half-written file (each file present equals the reference run's bytes,
# and summary.json — staged last — appears only with every table), the database passes integrity_check and holds the
# experiment's matches completely or not at all, and the next run into the same folder and database succeeds with
# the reference result. Usage: tests/hostile/kill9-test.sh "dotnet src/Coloc.Cli/bin/Debug/net10.0/coloc.dll" [TRIALS]
# Ends with "kill9: N passed, N failed" (one trial = one kill and the rerun after it).
set -uo pipefail
coloc=$1; trials=${2:-20}
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
command -v sqlite3 >/dev/null || { echo "kill9: sqlite3 missing"; echo "kill9: 0 passed, 1 failed"; exit 1; }
# Input: 3 channels of 150,000 blobs (a run of about a second or two), fixed seed.
python3 - "$work/b.csv" <<'PY'
import random, sys
r = random.Random(7)
with open(sys.argv[1], "w") as f:
    f.write("z,y,x,radius,confirmed,truth,channel\n")
    for c in range(3):
        for _ in range(150000):
            f.write(f"{r.randrange(60)},{r.randrange(2000)},{r.randrange(2000)},2,-1,-1,{c}\n")
PY
args=(match --blobs "$work/b.csv" --shape 60,2000,2000 --tol 2,3,3 --threads 2)
start=$(date +%s.%N)
$coloc "${args[@]}" --out "$work/ref" > /dev/null || { echo "kill9: reference run failed"; echo "kill9: 0 passed, 1 failed"; exit 1; }
ref_ms=$(python3 -c "import sys; print(int((float(sys.argv[2]) - float(sys.argv[1])) * 1000))" "$start" "$(date +%s.%N)")
$coloc "${args[@]}" --out "$work/refdb" --db "$work/ref.db" > /dev/null
ref_rows=$(sqlite3 "$work/ref.db" "select count(*) from blob_matches")
passed=0; failed=0
fail() { echo "kill9: FAIL trial $1: $2"; failed=$((failed + 1)); }
check_folder() { # trial folder: every visible file equals the reference, summary.json only with all tables
  local t=$1 d=$2 f
  [ -d "$d" ] || return 0
  for f in "$d"/*; do
    [ -e "$f" ] || continue
    cmp -s "$f" "$work/ref/$(basename "$f")" || [ "$(basename "$f")" = summary.json ] || { fail "$t" "$(basename "$f") differs from the reference (half written?)"; return 1; }
  done
  if [ -e "$d/summary.json" ]; then
    for f in "$work/ref"/matches_*.csv; do cmp -s "$f" "$d/$(basename "$f")" || { fail "$t" "summary.json present but $(basename "$f") is not complete"; return 1; }; done
  fi
}
for mode in csv db; do
  rm -rf "$work/out" "$work/k.db"*
  for t in $(seq 1 "$trials"); do
    extra=(); [ "$mode" = db ] && extra=(--db "$work/k.db")
    before=0; [ "$mode" = db ] && [ -e "$work/k.db" ] && before=$(sqlite3 "$work/k.db" "select count(*) from blob_matches" 2>/dev/null || echo x)
    $coloc "${args[@]}" --out "$work/out" "${extra[@]}" > /dev/null 2>&1 &
    pid=$!
    sleep "$(python3 -c "import random; print(random.uniform(0.05, 1.3 * $ref_ms / 1000))")"
    kill -9 "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
    ok=1
    check_folder "$mode-$t" "$work/out" || ok=0
    if [ "$mode" = db ] && [ -e "$work/k.db" ]; then
      ic=$(sqlite3 "$work/k.db" "pragma integrity_check" 2>&1)
      n=$(sqlite3 "$work/k.db" "select count(*) from blob_matches" 2>&1)
      [ "$ic" = ok ] || { fail "$mode-$t" "integrity_check: $ic"; ok=0; }
      [ "$before" = x ] && before=0
      [ "$n" = "$before" ] || [ "$n" = $((before + ref_rows)) ] || { fail "$mode-$t" "database holds $n matches, not $before or $((before + ref_rows))"; ok=0; }
    fi
    # The next run into the same folder (and database) succeeds with the reference result.
    if ! $coloc "${args[@]}" --out "$work/out" "${extra[@]}" > "$work/rerun.log" 2>&1; then fail "$mode-$t" "rerun failed: $(tail -1 "$work/rerun.log")"; ok=0
    else
      for f in "$work/ref"/matches_*.csv; do cmp -s "$f" "$work/out/$(basename "$f")" || { fail "$mode-$t" "rerun: $(basename "$f") differs"; ok=0; break; }; done
    fi
    [ "$ok" = 1 ] && passed=$((passed + 1))
  done
done
echo "kill9: reference run ${ref_ms} ms, $ref_rows matches per database run, kills at 0.05 s .. 1.3 × that"
echo "kill9: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
