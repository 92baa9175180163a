"""Ctrl-C and progress callbacks on long calls: a real SIGINT arriving while the main thread waits for the library
cancels the native call (it returns the cancelled status, not a result) and raises KeyboardInterrupt; an exception
raised by a progress callback propagates and cancels too; the library stays usable afterwards."""

import ctypes
import os
import signal
import threading
import time

import numpy as np
import pytest

import coloc
from coloc import _native


def _blobs(n, seed=3):
    """n blobs per channel in a cube, about 0.002 per voxel: a match of about a second for n = 10^6."""
    rng = np.random.default_rng(seed)
    side = int(round((n / 0.002) ** (1 / 3)))
    b = np.empty((2 * n, 7))
    b[:, :3] = rng.uniform(0, side, (2 * n, 3)).round()
    b[:, 3], b[:, 4], b[:, 5] = 2.0, -1.0, -1.0
    b[:n, 6], b[n:, 6] = 0, 1
    return b, (side + 1,) * 3


def test_sigint_during_a_native_match_cancels_it_and_raises_keyboard_interrupt():
    b, shape = _blobs(1_000_000)
    options = coloc._options([("--shape", shape), ("--tol", (3, 3, 3))])
    statuses, sent = [], []

    def call(ctl):
        control = ctypes.cast(ctl, ctypes.POINTER(_native.Control)).contents

        def interrupt():  # Ctrl-C as the terminal sends it, once the library has started matching
            while control.progress == 0:
                time.sleep(0.001)
            sent.append(time.perf_counter())
            os.kill(os.getpid(), signal.SIGINT)

        threading.Thread(target=interrupt, daemon=True).start()
        result = ctypes.c_int64(0)
        st = _native.lib.coloc_match(b.ctypes.data, len(b), 7, 7, 1, options, ctl, ctypes.byref(result))
        statuses.append((st, result.value))
        return st

    with pytest.raises(KeyboardInterrupt):
        _native.run(call)
    assert sent and statuses == [(_native._CANCELLED, 0)]
    assert not any(t.name == "coloc" and t.is_alive() for t in threading.enumerate())
    small, small_shape = _blobs(1000)
    assert len(coloc.match(small, shape=small_shape, tol=(3, 3, 3))[(0, 1)]) > 0


def test_an_exception_in_a_progress_callback_propagates_and_cancels():
    b, shape = _blobs(200_000)
    calls = []

    def progress(f):
        calls.append(f)
        raise ZeroDivisionError("from the callback")

    with pytest.raises(ZeroDivisionError, match="from the callback"):
        coloc.match(b, shape=shape, tol=(3, 3, 3), progress=progress)
    assert len(calls) == 1 and 0 <= calls[0] < 1
    assert not any(t.name == "coloc" and t.is_alive() for t in threading.enumerate())
    small, small_shape = _blobs(1000)
    assert len(coloc.match(small, shape=small_shape, tol=(3, 3, 3))[(0, 1)]) > 0


def test_progress_of_a_long_match_rises_to_one():
    b, shape = _blobs(200_000)
    seen = []
    r = coloc.match(b, shape=shape, tol=(3, 3, 3), progress=seen.append)
    assert len(r[(0, 1)]) > 0
    assert seen[-1] == 1.0 and seen == sorted(seen) and len(set(seen)) >= 2
