#!/usr/bin/python3
"""Writes a large folder of 2-D uint16 TIFF planes plane by plane (memory: one plane), for the detection memory benchmark.

    /usr/bin/python3 make_plane_folder.py OUT_DIR Z Y X [SPOTS_PER_PLANE]

Background 800 ± 60, Gaussian spots of radius 3–4.5 voxels and peak 20000–40000 (resolution z,y,x = 4, 2, 2 µm as
ImageJ tags), deterministic (seed 7). Z=512, Y=2048, X=1024 gives 2 GiB of pixels.
"""
import os
import sys

import numpy as np
import tifffile


def main():
    out, nz, ny, nx = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    per_plane = float(sys.argv[5]) if len(sys.argv) > 5 else 2.0
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(7)
    n = int(nz * per_plane)
    spots = np.column_stack([rng.uniform(0, nz, n), rng.uniform(8, ny - 8, n), rng.uniform(8, nx - 8, n),
                             rng.uniform(3.0, 4.5, n), rng.uniform(20000, 40000, n)])
    for z in range(nz):
        plane = 800 + rng.normal(0, 60, (ny, nx))
        for cz, cy, cx, r, peak in spots[np.abs(spots[:, 0] - z) * 2 < 3 * spots[:, 3]]:
            y0, y1 = int(max(0, cy - 3 * r)), int(min(ny, cy + 3 * r + 1))
            x0, x1 = int(max(0, cx - 3 * r)), int(min(nx, cx + 3 * r + 1))
            yy, xx = np.mgrid[y0:y1, x0:x1]
            plane[y0:y1, x0:x1] += peak * np.exp(-(((z - cz) * 2) ** 2 + (yy - cy) ** 2 + (xx - cx) ** 2) / (2 * r * r))
        tifffile.imwrite(os.path.join(out, f"plane_{z}.tif"), np.clip(plane, 0, 65535).astype(np.uint16),
                         imagej=True, resolution=(0.5, 0.5), metadata={"unit": "um", "spacing": 4.0})


if __name__ == "__main__":
    main()
