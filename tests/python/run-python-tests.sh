#!/usr/bin/env bash
# Python package tests (issue 18), run by .ci/run after the unit tests. Builds what it needs (the plugin project, which
# publishes libcoloc.so, copies it into src/python/coloc/_lib and writes the wheels; the CLI to compare against),
# installs the package with Debian's pip exactly as the README says (pip install --no-deps --no-build-isolation
# --target DIR src/python) and runs tests/python with Debian's pytest against that install.
# Last line: "python: N passed, N failed". PYTHON overrides the interpreter (default /usr/bin/python3, Debian's).
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
py=${PYTHON:-/usr/bin/python3}
passed=0
failed=0
W=$(mktemp -d /tmp/coloc-python-test.XXXXXX)
finish() { rm -rf "$W"; echo "python: $passed passed, $failed failed"; }
trap finish EXIT
fail() { echo "python-test: FAIL: $1" >&2; failed=$((failed + 1)); exit 1; }

for m in numpy pytest pandas pip; do
  "$py" -c "import $m" 2>/dev/null || fail "$py lacks $m (apt-get install python3-numpy python3-pytest python3-pandas python3-pip)"
done
dotnet build "$repo/plugin/Coloc.Plugin.csproj" -v q -nologo >"$W/build.log" 2>&1 || { cat "$W/build.log"; fail "build plugin/Coloc.Plugin.csproj"; }
if [ -z "${COLOC_CLI:-}" ] && [ ! -x "$repo/src/Coloc.Cli/bin/Debug/net10.0/coloc" ]; then
  dotnet build "$repo/src/Coloc.Cli" -v q -nologo >"$W/build-cli.log" 2>&1 || { cat "$W/build-cli.log"; fail "build src/Coloc.Cli"; }
fi
"$py" -m pip install -q --no-deps --no-build-isolation --target "$W/site" "$repo/src/python" >"$W/pip.log" 2>&1 \
  || { cat "$W/pip.log"; fail "pip install --target of src/python"; }
rm -rf "$repo/src/python/build" "$repo/src/python/coloc.egg-info"

cd "$here"
PYTHONPATH="$W/site:$here" PYTHONDONTWRITEBYTECODE=1 "$py" -m pytest -q -p no:cacheprovider "$here" 2>&1 | tee "$W/pytest.log"
rc=${PIPESTATUS[0]}
line=$(grep -E '^=*.*[0-9]+ (passed|failed)' "$W/pytest.log" | tail -1)
passed=$(echo "$line" | grep -Eo '[0-9]+ passed' | grep -Eo '[0-9]+' || echo 0)
failed=$(echo "$line" | grep -Eo '[0-9]+ (failed|error|errors)' | grep -Eo '[0-9]+' | awk '{s+=$1} END {print s+0}')
if [ "$rc" -ne 0 ] && [ "${failed:-0}" -eq 0 ]; then failed=1; fi
exit "$rc"
