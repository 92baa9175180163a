"""Benchmark (issue 18): coloc.match in exact mode on N blobs per channel (default 10^6), numpy in and structured array
out, in-process wall time, CPU time and peak memory (RSS), next to scipy.optimize.linear_sum_assignment on the largest
dense cost matrix it can take here. Not a test: run by hand and report the machine load printed with the figures:

    PYTHONPATH=DIR /usr/bin/python3 tests/python/bench_match.py [N] [--scipy-seconds S] [--repeat R]

N blobs per channel are drawn uniformly in a cube at 0.002 blobs per voxel and channel (tolerance 3,3,3 voxels).
coloc.match runs R times (default 3); the fastest run is reported with its CPU time (both threads' work, a figure the
load of a shared machine disturbs less than the wall time). scipy (Debian: python3-scipy) is skipped, saying so, when
absent; its sizes double from 1000 until the next one would take more than S seconds (default 300, cost O(n^3)) or
its dense matrix would not fit in half the memory.
"""

import argparse
import os
import resource
import time

import numpy as np

import coloc


def blobs(n, seed=1):
    """2n blobs (n in channel 0, n in channel 1) and the stack shape z,y,x that holds them."""
    rng = np.random.default_rng(seed)
    side = int(round((n / 0.002) ** (1 / 3)))  # about 0.002 blobs per voxel and channel
    b = np.empty((2 * n, 7))
    b[:, :3] = rng.uniform(0, side, (2 * n, 3)).round()
    b[:, 3], b[:, 4], b[:, 5] = 2.0, -1.0, -1.0
    b[:n, 6], b[n:, 6] = 0, 1
    return b, (side + 1,) * 3


def rss_mib():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def load():
    return "load average " + ", ".join(f"{v:.2f}" for v in os.getloadavg())


def bench_coloc(n, repeat):
    b, shape = blobs(n)
    before = rss_mib()
    runs = []
    first = None
    for _ in range(repeat):
        t, c = time.perf_counter(), time.process_time()
        r = coloc.match(b, shape=shape, tol=(3, 3, 3), mode="exact")
        runs.append((time.perf_counter() - t, time.process_time() - c, len(r[(0, 1)]), os.getloadavg()[0]))
        del r
        first = first or rss_mib()
    wall, cpu, pairs, at = min(runs)
    print(f"coloc.match exact: {n} blobs/channel in a {shape[0]}^3 stack, {pairs} matches: best {wall:.2f} s wall, "
          f"{cpu:.2f} s CPU (load {at:.2f}); all runs {', '.join(f'{w:.2f}' for w, *_ in runs)} s; {os.cpu_count()} "
          f"threads; peak RSS {first:.0f} MiB after the first call, {rss_mib():.0f} MiB after all (before {before:.0f} "
          f"MiB, input {b.nbytes / 2**20:.0f} MiB)")


def cost_matrix(a, c):
    """Dense Euclidean distances between the rows of a and c, two n×m float64 arrays at most at a time."""
    d = np.subtract.outer(a[:, 0], c[:, 0])
    d *= d
    for k in (1, 2):
        t = np.subtract.outer(a[:, k], c[:, k])
        t *= t
        d += t
        del t
    return np.sqrt(d, out=d)


def bench_scipy(budget_s):
    try:
        from scipy.optimize import linear_sum_assignment
    except ImportError:
        print("scipy: not installed, skipped (apt-get install python3-scipy)")
        return
    half_memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2
    m, last = 1000, 0.0
    while True:
        if 2 * 8 * m * m > half_memory:
            print(f"scipy linear_sum_assignment: {m} x {m} dense needs {2 * 8 * m * m / 2**30:.1f} GiB to build, more than "
                  f"half of this machine's memory; stopped")
            break
        if last * 8 > budget_s:
            print(f"scipy linear_sum_assignment: {m} x {m} would take about {last * 8:.0f} s (O(n^3)), over the "
                  f"{budget_s:.0f} s budget; stopped")
            break
        sb, _ = blobs(m, seed=2)
        t = time.perf_counter()
        cost = cost_matrix(sb[:m, :3], sb[m:, :3])
        linear_sum_assignment(cost)
        last = time.perf_counter() - t
        print(f"scipy linear_sum_assignment: {m} x {m} dense ({cost.nbytes / 2**20:.0f} MiB), {last:.2f} s ({load()})")
        del cost
        m *= 2
    print(f"scipy linear_sum_assignment at 10^6 x 10^6 would need a {8e12 / 2**40:.1f} TiB dense matrix")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("n", nargs="?", type=int, default=1_000_000, help="blobs per channel (default 10^6)")
    ap.add_argument("--repeat", type=int, default=3, help="coloc.match runs, the fastest reported (default 3)")
    ap.add_argument("--scipy-seconds", type=float, default=300, help="time budget of one scipy size (default 300)")
    args = ap.parse_args()
    print(f"{load()} before; {coloc.library_path()}")
    bench_coloc(args.n, args.repeat)
    bench_scipy(args.scipy_seconds)
    print(f"{load()} after")


if __name__ == "__main__":
    main()
