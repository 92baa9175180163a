#!/usr/bin/env bash
# Runs inside xvfb-run: starts ImageJ (GUI mode) on a macro that opens the Match Blobs dialog without options, waits
# for the dialog window, saves a screenshot of the screen, lists the windows, and stops the ImageJ it started.
# Usage: dialog-screenshot.sh IJ_JAR PLUGINS_DIR MACRO PNG
set -u
ij="$1"; plugins="$2"; macro="$3"; png="$4"
java -Xmx512m -Dplugins.dir="$plugins" -jar "$ij" -macro "$macro" >"$png.log" 2>&1 &
pid=$!
found=""
for _ in $(seq 1 1200); do
  if xwininfo -root -tree 2>/dev/null | grep -q '"Match Blobs"'; then found=yes; break; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
sleep 1  # let the dialog paint
xwininfo -root -tree | grep -E '"(Match Blobs|ImageJ|demo)' | sed 's/^ *//'
import -window root "$png"
kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null
[ -n "$found" ] && echo "dialog=shown" || { echo "dialog=missing"; cat "$png.log"; exit 1; }
