"""detect, intensity and read_blobs give what the CLI gives on the same data (oracle cases of groups E, C and N)."""

import ctypes
import os
import threading

import numpy as np
import pytest

import coloc
from coloc import _native
from conftest import CASES, cases, run_cli

tifffile = pytest.importorskip("tifffile")


def _zyxc(path):
    """An ImageJ hyperstack as z,y,x,c (one channel: z,y,x)."""
    with tifffile.TiffFile(path) as t:
        a = t.asarray()
        axes = t.series[0].axes
    if "C" in axes:
        a = np.moveaxis(a, axes.index("C"), -1)
    return a


@pytest.mark.parametrize("name", cases("E"))
def test_detect_gives_the_cli_blobs(name, tmp):
    d = os.path.join(CASES, name)
    code, _, err = run_cli("detect", "--image", os.path.join(d, "roi.tif"), "--out", tmp / "b.csv", "--resolution", "1,1,1")
    assert code == 0, err
    got = coloc.detect(_zyxc(os.path.join(d, "roi.tif")), resolution=(1, 1, 1))
    np.testing.assert_array_equal(got, coloc.read_blobs(tmp / "b.csv"))


@pytest.mark.parametrize("name", cases("C"))
@pytest.mark.parametrize("threshold", ["min", "5"])
def test_intensity_gives_the_cli_flags(name, threshold, tmp):
    d = os.path.join(CASES, name)
    code, _, err = run_cli("intensity", "--image", os.path.join(d, "roi.tif"), "--blobs", os.path.join(d, "blobs.csv"),
                           "--thresh", threshold, "--out", tmp / "f.csv")
    assert code == 0, err
    r = coloc.intensity(_zyxc(os.path.join(d, "roi.tif")), coloc.read_blobs(os.path.join(d, "blobs.csv")), threshold=threshold)
    cli = np.genfromtxt(tmp / "f.csv", delimiter=",", skip_header=1, ndmin=2)
    np.testing.assert_array_equal(cli[:, 0], np.arange(len(cli)))
    np.testing.assert_array_equal(cli[:, 1], r["in_roi"].astype(float))
    np.testing.assert_array_equal(cli[:, 2:], r["flags"].astype(float))


@pytest.mark.parametrize("name", cases("N"))
def test_read_blobs_reads_archives(name):
    d = os.path.join(CASES, name)
    a, cols = coloc.read_blobs(os.path.join(d, "sample_blobs.npz"), columns=True)
    assert a.ndim == 2 and a.dtype == np.float64 and len(cols) == a.shape[1]
    assert cols[:3] == ("z", "y", "x")


def test_bad_volumes_raise_value_error():
    with pytest.raises(ValueError, match="dtype float64 is not supported"):
        coloc.detect(np.zeros((4, 4, 4)))
    with pytest.raises(ValueError, match="expected z,y,x or z,y,x,c"):
        coloc.detect(np.zeros((4, 4), dtype=np.uint8))
    with pytest.raises(ValueError, match="--prune-order"):
        coloc.detect(np.zeros((4, 4, 4), dtype=np.uint8), prune_order="random")
    with pytest.raises(ValueError, match="--channels: the image has 1 channel"):
        coloc.detect(np.zeros((4, 4, 4), dtype=np.uint8), channels=(1,))


def _many_blobs(n, seed=5):
    rng = np.random.default_rng(seed)
    b = np.zeros((2 * n, 7))
    b[:, :3] = rng.uniform(0, 200, (2 * n, 3)).round()
    b[:, 3], b[:, 4], b[:, 5] = 2, -1, -1
    b[n:, 6] = 1
    return b


def test_progress_reaches_one_and_is_reported_on_the_calling_thread():
    seen = []
    coloc.match(_many_blobs(20000), shape=(200, 200, 200), tol=(2, 2, 2),
                progress=lambda f: seen.append((f, threading.current_thread() is threading.main_thread())))
    assert seen and seen[-1][0] == 1.0 and all(main for _, main in seen)
    assert [f for f, _ in seen] == sorted(f for f, _ in seen)


def test_cancel_flag_stops_the_call_and_the_library_stays_usable():
    b = _many_blobs(1000)

    def call(ctl):
        ctypes.cast(ctl, ctypes.POINTER(_native.Control)).contents.cancel = 1
        return _native.lib.coloc_match(b.ctypes.data, len(b), 7, 7, 1, b"--shape\t200,200,200", ctl, ctypes.byref(ctypes.c_int64()))

    with pytest.raises(KeyboardInterrupt):
        _native.run(call)
    assert len(coloc.match(b, shape=(200, 200, 200))) == 1


def test_ctrl_c_during_a_call_raises_keyboard_interrupt_and_frees_the_result():
    def interrupt(_):
        raise KeyboardInterrupt  # what Ctrl-C does in the waiting main thread

    with pytest.raises(KeyboardInterrupt):
        coloc.match(_many_blobs(20000), shape=(200, 200, 200), progress=interrupt)
    assert len(coloc.match(_many_blobs(10), shape=(200, 200, 200))) == 1
