"""Benchmark (issue 18): coloc.match in exact mode on N blobs per channel (default 10^6), numpy in and structured array
out, in-process wall time and peak memory (RSS), next to scipy.optimize.linear_sum_assignment on the largest dense
cost matrix it can take here. Not a test: run by hand, `PYTHONPATH=DIR python3 tests/python/bench_match.py [N]`,
and report the machine load (uptime) with the figures."""

import os
import resource
import sys
import time

import numpy as np

import coloc


def blobs(n, seed=1):
    rng = np.random.default_rng(seed)
    side = int(round((n / 0.002) ** (1 / 3)))  # about 0.002 blobs per voxel and channel
    b = np.empty((2 * n, 7))
    b[:, :3] = rng.uniform(0, side, (2 * n, 3)).round()
    b[:, 3], b[:, 4], b[:, 5] = 2.0, -1.0, -1.0
    b[:n, 6], b[n:, 6] = 0, 1
    return b, (side + 1,) * 3


def rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    print(f"load: {os.getloadavg()}")
    b, shape = blobs(n)
    before = rss_mib()
    t = time.perf_counter()
    r = coloc.match(b, shape=shape, tol=(3, 3, 3), mode="exact")
    dt = time.perf_counter() - t
    print(f"coloc.match exact: {n} blobs/channel, {len(r[(0, 1)])} matches, {dt:.2f} s, peak RSS {rss_mib():.0f} MiB "
          f"(before the call {before:.0f} MiB)")
    try:
        from scipy.optimize import linear_sum_assignment
    except ImportError:
        print("scipy: not installed (apt-get install python3-scipy)")
        return
    m = 2000
    while m <= 32000:
        sb, _ = blobs(m, seed=2)
        a, c = sb[:m, :3], sb[m:, :3]
        try:
            t = time.perf_counter()
            cost = np.sqrt(((a[:, None, :] - c[None, :, :]) ** 2).sum(-1))
            linear_sum_assignment(cost)
            print(f"scipy linear_sum_assignment: {m} x {m} dense ({cost.nbytes / 2**20:.0f} MiB), {time.perf_counter() - t:.2f} s")
        except MemoryError:
            print(f"scipy linear_sum_assignment: {m} x {m} dense does not fit in memory")
            break
        m *= 2


if __name__ == "__main__":
    main()
