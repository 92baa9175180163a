#!/usr/bin/env bash
# Builds `coloc` as one NativeAOT executable for RID into OUT (no .NET runtime needed where it runs), from
# src/build/cli-aot/Coloc.CliAot.csproj (src/Coloc.Cli's sources).
#   linux-x64, linux-arm64 (cross, with the toolchain of .ci/apt-packages): SQLite from Debian's libsqlite3.a, needs at
#     most GLIBC_2.28 (src/build/GlibcCompat.targets);
#   win-x64, osx-arm64, osx-x64: only on that OS (NativeAOT does not cross OSes); set COLOC_SQLITE_ARCHIVE to a static
#     SQLite library (the release workflow uses vcpkg's).
# Usage: src/build/publish-cli.sh RID OUT
set -euo pipefail
rid=$1 out=$(mkdir -p "$2" && cd "$2" && pwd)
cd "$(dirname "$0")/../.."
props=(-c Release -r "$rid" -p:ColocCliAot=false -o "$out")
if [ -n "${COLOC_SQLITE_ARCHIVE:-}" ]; then props+=(-p:ColocSqliteArchive="$COLOC_SQLITE_ARCHIVE"); fi
dotnet publish src/build/cli-aot/Coloc.CliAot.csproj "${props[@]}"
# Keep the binary only (debug symbols and XML docs stay out of what gets copied to a cluster).
find "$out" -maxdepth 1 -type f ! -name coloc ! -name coloc.exe -delete
ls -l "$out"
