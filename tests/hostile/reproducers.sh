#!/usr/bin/env bash
# Re-runs every reproducer of issue 17 ("Why") against a coloc build and prints a Markdown table: reproducer, exit code,
# wall time, peak RSS (GNU time), the expected outcome and a verdict. Expected: exit 0 with the right output, or exit 2
# with one line naming the input and nothing written; within seconds and a few hundred MB.
# Usage: tests/hostile/reproducers.sh [COLOC]
#   COLOC  the command that runs coloc (default: "dotnet src/Coloc.Cli/bin/Debug/net10.0/coloc.dll", built first when
#          missing). Needs /usr/bin/time, python3 (tifffile, numpy).
# Limits per case: REPRO_SECONDS (default 30 s; 60 s for 10^6 coincident blobs), REPRO_MB peak RSS (default 500 MB;
# 1 GB for 10^6 coincident blobs).
# Ends with "reproducers: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
coloc=${1:-}
if [ -z "$coloc" ]; then
  dll=src/Coloc.Cli/bin/Debug/net10.0/coloc.dll
  [ -e "$dll" ] || dotnet build src/Coloc.Cli > /dev/null || { echo "reproducers: build of src/Coloc.Cli failed"; echo "reproducers: 0 passed, 1 failed"; exit 1; }
  coloc="dotnet $repo/$dll"
fi
limit_s=${REPRO_SECONDS:-30}; limit_mb=${REPRO_MB:-500}
w=$(mktemp -d); trap 'rm -rf "$w"' EXIT
cd "$w"
# Inputs: a 6x32x32 image (small.tif), its LZW twin with every strip cut to half, blob files, a database.
python3 - <<'PY'
import random, struct
def stack(path, pages, h, w):
    """An uncompressed little-endian 16-bit ImageJ stack, one strip per page (pure Python)."""
    desc = f"ImageJ=1.53t\nimages={len(pages)}\nslices={len(pages)}\nunit=micron\nspacing=1.0\n".encode() + b"\0"
    n = 11
    ifd_len = 2 + 12 * n + 4
    out = bytearray(b"II*\x00" + struct.pack("<I", 8))
    desc_at = 8 + len(pages) * (ifd_len + 16)
    data_at = desc_at + len(desc)
    for k in range(len(pages)):
        at = 8 + k * (ifd_len + 16)
        nxt = at + ifd_len + 16 if k + 1 < len(pages) else 0
        res_at = at + ifd_len
        strip = data_at + k * h * w * 2
        ents = [(256, 4, 1, w), (257, 4, 1, h), (258, 3, 1, 16), (259, 3, 1, 1), (262, 3, 1, 1),
                (270, 2, len(desc), desc_at), (273, 4, 1, strip), (277, 3, 1, 1), (278, 4, 1, h), (279, 4, 1, h * w * 2),
                (282, 5, 1, res_at)]
        out += struct.pack("<H", n)
        for t, ty, c, v in ents:
            out += struct.pack("<HHIHH", t, ty, c, v, 0) if ty == 3 else struct.pack("<HHII", t, ty, c, v)
        out += struct.pack("<I", nxt) + struct.pack("<II", 1, 1) + struct.pack("<II", 1, 1)
    out += desc
    for p in pages:
        out += struct.pack(f"<{h * w}H", *p)
    open(path, "wb").write(bytes(out))
r = random.Random(5)
pages = [[max(0, int(200 + r.gauss(0, 20))) for _ in range(32 * 32)] for _ in range(6)]
for z in range(2, 5):
    for y in range(10, 15):
        for x in range(13, 18):
            pages[z][y * 32 + x] = 40000
stack("small.tif", pages, 32, 32)
def tiny(width, height, extra=b"", extra_entries=()):
    entries = [(256, 4, 1, width), (257, 4, 1, height), (258, 3, 1, 16), (259, 3, 1, 1), (262, 3, 1, 1), (273, 4, 1, 0),
               (277, 3, 1, 1), (278, 4, 1, height), (279, 4, 1, 16)] + list(extra_entries)
    entries.sort()
    data = 8 + 2 + 12 * len(entries) + 4
    b = b"II*\x00" + struct.pack("<IH", 8, len(entries))
    for t, ty, c, val in entries:
        val = data if t == 273 else val
        b += struct.pack("<HHIHH", t, ty, c, val, 0) if ty == 3 and c == 1 else struct.pack("<HHII", t, ty, c, val)
    return b + struct.pack("<I", 0) + bytes(16) + extra
open("rows.tif", "wb").write(tiny(1, 2**31 - 1))
# BigTIFF of 27 KB whose page claims 40000 x 40000 pixels in strips of a few bytes
n = 40000
hdr = b"II+\x00" + struct.pack("<HHQ", 8, 0, 16)
ents = [(256, 4, 1, n), (257, 4, 1, n), (258, 3, 1, 16), (259, 3, 1, 1), (262, 3, 1, 1), (273, 16, n // 16, 0),
        (277, 3, 1, 1), (278, 4, 1, 16), (279, 16, n // 16, 0)]
ifd_len = 8 + 20 * len(ents) + 8
offs_at = 16 + ifd_len; counts_at = offs_at + 8 * (n // 16); data_at = counts_at + 8 * (n // 16)
b = hdr + struct.pack("<Q", len(ents))
for t, ty, c, val in ents:
    val = offs_at if t == 273 else counts_at if t == 279 else val
    b += struct.pack("<HHQQ", t, ty, c, val)
b += struct.pack("<Q", 0)
b += b"".join(struct.pack("<Q", data_at) for _ in range(n // 16)) + b"".join(struct.pack("<Q", 16) for _ in range(n // 16)) + bytes(16)
open("big.tif", "wb").write(b)
PY
cp "$repo/tests/fuzz/tiff/tag-claims-2147483647-chars.tif" tag.tif
printf 'z,y,x,radius,confirmed,truth,channel\n3,12,15,2,-1,-1,0\n3,12,16,2,-1,-1,1\n' > b.csv
python3 - <<'PY'
for n in (1000, 2000, 4000, 1000000):
    with open(f"same{n}.csv", "w") as f:
        f.write("z,y,x,radius,confirmed,truth,channel\n")
        f.write(f"5,5,5,2,-1,-1,0\n" * n)
        f.write(f"5,5,5,2,-1,-1,1\n" * n)
with open("ch300.csv", "w") as f:
    f.write("z,y,x,radius,confirmed,truth,channel\n" + "".join(f"5,5,5,1,-1,-1,{c}\n" for c in range(300)))
PY
if command -v tiffcp > /dev/null && tiffcp -c lzw small.tif lzw.tif 2> /dev/null; then
  python3 - <<'PY'
import struct
b = bytearray(open("lzw.tif", "rb").read())
ifd = struct.unpack_from("<I", b, 4)[0]
n = struct.unpack_from("<H", b, ifd)[0]
for i in range(n):
    e = ifd + 2 + 12 * i
    tag, typ, cnt = struct.unpack_from("<HHI", b, e)
    if tag == 279 and cnt == 1:
        struct.pack_into("<I", b, e + 8, struct.unpack_from("<I", b, e + 8)[0] // 2)
open("lzw.tif", "wb").write(bytes(b))
PY
fi
$coloc match --blobs b.csv --shape 10,40,40 --out m0 --db v99.db > /dev/null 2>&1
python3 -c "import sqlite3; c = sqlite3.connect('v99.db'); c.execute('update about set version = 99'); c.commit()"
$coloc match --blobs b.csv --shape 10,40,40 --out m1 --db locked.db > /dev/null 2>&1
$coloc plan --image small.tif --out plan0 > /dev/null 2>&1

for f in small.tif rows.tif big.tif tag.tif b.csv same1000000.csv ch300.csv v99.db locked.db plan0/plan.json; do
  [ -e "$f" ] || { echo "reproducers: input $f was not made"; echo "reproducers: 0 passed, 1 failed"; exit 1; }
done
$coloc detect --image small.tif --out probe.csv > /dev/null 2>&1 || { echo "reproducers: coloc cannot read small.tif"; echo "reproducers: 0 passed, 1 failed"; exit 1; }
rm -f probe.csv
passed=0; failed=0
echo "| reproducer | exit | time (s) | peak RSS (MB) | expected | verdict |"
echo "|---|---|---|---|---|---|"
# case NAME EXPECT OUTPUT_THAT_MUST_NOT_EXIST -- ARGS...   (EXPECT: 0, 2, "0|2"; OUTPUT "-" for none)
case_() {
  local name=$1 expect=$2 out=$3; shift 4
  local before=""; [ "$out" != - ] && [ -e "$out" ] && before=$(cksum < "$out" 2>/dev/null)
  /usr/bin/time -f "%e %M" -o t.txt timeout -k 5 "${limit:-$limit_s}" $coloc "$@" > o.txt 2> e.txt
  local code=$? secs mb lines verdict=ok
  read -r secs kb < <(grep -E '^[0-9.]+ [0-9]+$' t.txt | tail -1)
  mb=$(( ${kb:-0} / 1024 ))
  lines=$(grep -c . e.txt)
  [[ "|$expect|" == *"|$code|"* ]] || verdict="FAIL: exit $code ($(head -c 150 e.txt | tr '\n' ' '))"
  [ "$code" = 2 ] && [ "$lines" != 1 ] && verdict="FAIL: $lines stderr lines"
  [ "$code" = 2 ] && [ "$out" != - ] && [ -e "$out" ] && [ "$(cksum < "$out" 2>/dev/null)" != "$before" -o -z "$before" ] && verdict="FAIL: $out written"
  [ "$mb" -gt "$limit_mb" ] && verdict="FAIL: $mb MB"
  [ "$code" = 124 ] && verdict="FAIL: timed out"
  echo "| $name | $code | $secs | $mb | $expect | $verdict |"
  if [ "$verdict" = ok ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  rm -rf o.csv out
}
small=(--image small.tif --out o.csv)
case_ "detect max_sigma_factor=1e6" 2 o.csv -- detect "${small[@]}" --profile-set max_sigma_factor=1e6
case_ "run max_sigma_factor=1e6" 2 out -- run --image small.tif --out out --profile-set max_sigma_factor=1e6
case_ "plan max_sigma_factor=1e6" 2 out -- plan --image small.tif --out out --profile-set max_sigma_factor=1e6
case_ "detect: 138-byte TIFF claiming 2^31-1 rows" 2 o.csv -- detect --image rows.tif --out o.csv
case_ "intensity: 138-byte TIFF claiming 2^31-1 rows" 2 o.csv -- intensity --image rows.tif --blobs b.csv --out o.csv
case_ "detect: 186-byte TIFF, tag claiming 2^31-1 chars" 2 o.csv -- detect --image tag.tif --out o.csv
case_ "detect: $(($(stat -c %s big.tif) / 1024)) KB BigTIFF claiming 40000x40000" 2 o.csv -- detect --image big.tif --out o.csv
case_ "detect --resolution 1e-300,1e-300,1e-300" 2 o.csv -- detect "${small[@]}" --resolution 1e-300,1e-300,1e-300
case_ "match --threads 2147483647" 2 out -- match --blobs b.csv --shape 5,5,5 --out out --threads 2147483647
case_ "detect num_sigma=100000" 2 o.csv -- detect "${small[@]}" --profile-set num_sigma=100000
case_ "detect isotropic=100,100,100" 2 o.csv -- detect "${small[@]}" --profile-set isotropic=100,100,100
case_ "detect --block-size 1,1,1" 2 o.csv -- detect "${small[@]}" --block-size 1,1,1
case_ "run --block-size 1,1,1" 2 out -- run --image small.tif --out out --block-size 1,1,1
case_ "detect --resolution 0.0001,0.0001,0.0001" 2 o.csv -- detect "${small[@]}" --resolution 0.0001,0.0001,0.0001
case_ "detect isotropic=1e6,1,1" 2 o.csv -- detect "${small[@]}" --profile-set isotropic=1e6,1,1
for n in 1000 2000 4000; do case_ "match exact, $n coincident blobs per channel" 0 - -- match --blobs same$n.csv --shape 10,10,10 --out out; done
limit=60 limit_mb=1024 case_ "match exact, 10^6 coincident blobs per channel (limits 60 s, 1 GB: 2·10^6 blobs in, 10^6 rows out)" 0 - -- match --blobs same1000000.csv --shape 10,10,10 --out out
[ -e lzw.tif ] && case_ "detect: LZW strips cut to half" 2 o.csv -- detect --image lzw.tif --out o.csv
case_ "intensity --diagnostics = the input image" 2 small.tif -- intensity --image small.tif --blobs b.csv --out o.csv --diagnostics small.tif
case_ "intensity --diagnostics bad path (--out not written)" 2 o.csv -- intensity --image small.tif --blobs b.csv --out o.csv --diagnostics /no/such/dir/d.tif
python3 -c "import sqlite3, time; c = sqlite3.connect('locked.db', isolation_level=None); c.execute('begin'); c.execute('select count(*) from blobs').fetchall(); open('held', 'w').close(); time.sleep(60)" &
holder=$!
for _ in $(seq 100); do [ -e held ] && break; sleep 0.1; done
case_ "match --db held by a reader's shared lock" 2 out -- match --blobs b.csv --shape 10,40,40 --out out --db locked.db
kill "$holder" 2> /dev/null; wait "$holder" 2> /dev/null
case_ "match --db /dev/null" 2 out -- match --blobs b.csv --shape 10,40,40 --out out --db /dev/null
[ -e /dev/null-journal ] && { echo "| --db /dev/null left /dev/null-journal | | | | | FAIL |"; failed=$((failed + 1)); }
case_ "match --db (schema version 99)" 2 v99.db -- match --blobs b.csv --shape 10,40,40 --out out --db v99.db
case_ "emit-jobs --coloc \"a'b\"" 0 - -- emit-jobs --plan plan0 --scheduler slurm --coloc "a'b" --out plan0/r
for s in plan0/*.sh plan0/*/*.sh; do [ -e "$s" ] && { bash -n "$s" 2> /dev/null || { echo "| emit-jobs script $s fails bash -n | | | | | FAIL |"; failed=$((failed + 1)); }; }; done
case_ "emit-jobs --time with a newline" 2 - -- emit-jobs --plan plan0 --scheduler slurm --time $'01:00:00\n#SBATCH --mem=1T'
case_ "match 300 channels of one blob each" 2 out -- match --blobs ch300.csv --shape 10,10,10 --out out
echo
echo "reproducers: $(uptime | sed 's/.*load/load/')"
echo "reproducers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
