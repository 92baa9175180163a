#!/usr/bin/python3
"""Times MagellanMapper's own entry points on the inputs `coloc` gets (tests/Coloc.Benchmarks/side-by-side/side-by-side.sh).

MagellanMapper is imported at run time from the source tree named by MAGMAP_SRC (nothing of it is copied here); run
with Debian's python3 and its numpy, scipy, pandas, scikit-image and tifffile packages. Set up as
../shared/reference/oracle/timings.md describes: default ROI profile, resolutions 1,1,1, config.near_max = [-1],
cpus = all (fork pool).

    magmap_timing.py stack  --blobs BLOBS.csv --shape Z,Y,X   # StackColocalizer.colocalize_stack
    magmap_timing.py detect --tif VOLUME.tif                  # detector.detect_blobs(roi, [0], None)

Prints one JSON line: {"entry", "call_s", "count"} where call_s is the time inside the call alone.
"""

import argparse
import json
import os
import sys
import time


def _setup():
    src = os.environ.get("MAGMAP_SRC")
    if not src or not os.path.isdir(os.path.join(src, "magmap")):
        sys.exit(f"MAGMAP_SRC={src!r}: not a MagellanMapper source tree (needs a magmap/ folder)")
    sys.path.insert(0, src)
    from magmap.settings import config, roi_prof
    config.roi_profile = roi_prof.ROIProfile()
    config.roi_profiles = [config.roi_profile]
    config.resolutions = [[1.0, 1.0, 1.0]]
    config.near_max = [-1]
    config.cpus = None
    return config


def _stack(args):
    import numpy as np
    _setup()
    from magmap.cv import colocalizer, detector
    blobs = np.loadtxt(args.blobs, delimiter=",", skiprows=1, dtype=np.float64, ndmin=2)
    shape = [int(v) for v in args.shape.split(",")]
    t = time.perf_counter()
    matches = colocalizer.StackColocalizer.colocalize_stack(shape, detector.Blobs(blobs))
    call = time.perf_counter() - t
    return {"entry": "colocalize_stack", "call_s": round(call, 3),
            "count": {f"{k[0]},{k[1]}": int(len(v.df)) for k, v in matches.items()}}


def _detect(args):
    import tifffile
    _setup()
    from magmap.cv import detector
    roi = tifffile.imread(args.tif)
    t = time.perf_counter()
    blobs = detector.detect_blobs(roi, [0], None)
    call = time.perf_counter() - t
    return {"entry": "detect_blobs", "call_s": round(call, 3), "count": 0 if blobs is None else int(len(blobs))}


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("stack")
    s.add_argument("--blobs", required=True)
    s.add_argument("--shape", required=True)
    d = sub.add_parser("detect")
    d.add_argument("--tif", required=True)
    args = p.parse_args()
    print(json.dumps(_stack(args) if args.cmd == "stack" else _detect(args)), flush=True)


if __name__ == "__main__":
    main()
