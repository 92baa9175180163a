"""Bad arguments raise ValueError with the CLI's message, and never crash the interpreter."""

import ctypes
import math
import random

import numpy as np
import pytest

import coloc
from coloc import _native
from conftest import run_cli

BLOBS = np.array([[5, 5, 5, 2, 1, 1, 0], [5, 5, 6, 2, 1, 1, 1], [9, 9, 9, 2, 1, 1, 1]], dtype=np.float64)


@pytest.mark.parametrize("kw, flags", [
    (dict(shape=(10, 10, 10), tol=(0, 1, 1)), ["--shape", "10,10,10", "--tol", "0,1,1"]),
    (dict(shape=(10, 10, 10), tol=(float("nan"), 1, 1)), ["--shape", "10,10,10", "--tol", "nan,1,1"]),
    (dict(shape=(10, 10, 10), profile="nope"), ["--shape", "10,10,10", "--profile", "nope"]),
    (dict(shape=(10, 10, 10), mode="fast"), ["--shape", "10,10,10", "--mode", "fast"]),
    (dict(shape=(10, 10)), ["--shape", "10,10"]),
    (dict(), []),
    (dict(roi_offset=(0, 0, 0)), ["--roi-offset", "0,0,0"]),
    (dict(shape=(10, 10, 10), roi_offset=(0, 0, 0), roi_size=(5, 5, 5)), ["--shape", "10,10,10", "--roi-offset", "0,0,0", "--roi-size", "5,5,5"]),
    (dict(shape=(10, 10, 10), tol_um=(1, 1, 1)), ["--shape", "10,10,10", "--tol-um", "1,1,1"]),
    (dict(shape=(10, 10, 10), tol=(1, 1, 1), tol_um=(1, 1, 1), resolution=(1, 1, 1)),
     ["--shape", "10,10,10", "--tol", "1,1,1", "--tol-um", "1,1,1", "--resolution", "1,1,1"]),
    (dict(shape=(10, 10, 10), channels=(0, 0)), ["--shape", "10,10,10", "--channels", "0,0"]),
    (dict(shape=(10, 10, 10), channels=(-1,)), ["--shape", "10,10,10", "--channels", "-1"]),
    (dict(shape=(10, 10, 10), threads=0), ["--shape", "10,10,10", "--threads", "0"]),
    (dict(shape=(10, 10, 10), inner_padding=(-1, 0, 0)), ["--shape", "10,10,10", "--inner-padding", "-1,0,0"]),
    (dict(shape=(10, 10, 10), resolution=(0, 1, 1)), ["--shape", "10,10,10", "--resolution", "0,1,1"]),
])
def test_bad_parameters_raise_the_clis_message(kw, flags, tmp):
    csv = tmp / "b.csv"
    csv.write_text("z,y,x,radius,confirmed,truth,channel\n" + "".join(",".join(repr(v) for v in r) + "\n" for r in BLOBS))
    code, _, err = run_cli("match", "--blobs", csv, "--out", tmp / "o", *flags)
    assert code == 2
    with pytest.raises(ValueError) as e:
        coloc.match(BLOBS, **kw)
    assert "coloc: " + str(e.value) == err.strip()


@pytest.mark.parametrize("blobs, text", [
    (BLOBS.astype(np.float32), "dtype float32"),
    (BLOBS.astype(np.int64), "dtype int64"),
    (BLOBS[:, :6], "shape (3, 6)"),
    (BLOBS[0], "shape (7,)"),
    (np.where(np.arange(21).reshape(3, 7) == 8, np.nan, BLOBS), "blob 1 column y is NaN"),
    (np.where(np.arange(21).reshape(3, 7) == 20, 0.5, BLOBS), "blob 2 channel is 0.5"),
    ("not an array", "dtype"),
])
def test_bad_blobs_raise_value_error(blobs, text):
    with pytest.raises(ValueError, match=text.replace("(", r"\(").replace(")", r"\)")):
        coloc.match(blobs, shape=(10, 10, 10))


def _random_bad_call(rng):
    """One call that must fail with ValueError: one bad ingredient among otherwise fine ones (an empty text means
    "not given" as on the command line, so it is not among them)."""
    blobs = BLOBS
    kw = dict(shape=(10, 10, 10))
    junk = [0, -1, 1.5, float("nan"), float("inf"), -0.0, "a,b,c", "1,2", "1,,2", (1, 2), (1, 2, 3, 4), (0, 0, 0),
            ("x", 1, 2), (None, 1, 2), "1\t2\t3", "1\n2", "1\x002", [[1, 2, 3]], {"a": 1}, object(), b"1,2,3",
            True, 10 ** 40, (-1e308, 1, 1), "\udcff", "1;2;3", "[1,2,3]", np.array([1.0, np.nan, 1.0])]
    what = rng.randrange(12)
    if what == 0:
        blobs = rng.choice([BLOBS.astype(rng.choice([np.float32, np.int32, np.int64, np.uint8, np.complex128, object])),
                            BLOBS[:, : rng.randrange(7)], BLOBS.reshape(-1), BLOBS.reshape(1, 3, 7), "blobs", None, 3.0,
                            [[1, 2], [3]]])
    elif what == 1:
        b = BLOBS.copy()
        b[rng.randrange(3), rng.randrange(7)] = rng.choice([np.nan, np.inf, -np.inf])
        blobs = b
    elif what == 2:
        b = BLOBS.copy()
        b[rng.randrange(3), 6] = rng.choice([-1, 0.5, 1e300, -0.5])
        blobs = b
    elif what == 3:
        kw["profile"] = rng.choice(["nope", "default,nope", ",", "default,,lightsheet", "ЖЖ", "x" * 200, 3, None, ("a",)])
        if kw["profile"] in (None,):
            kw["profile"] = "nope"
    elif what == 4:
        kw["mode"] = rng.choice(["Exact", "MAGMAP", "fast", 1, "exact ", "magmap\n"])
    elif what == 5:
        key = rng.choice(["tol", "tol_um", "inner_padding", "resolution"])
        kw[key] = rng.choice([j for j in junk if key != "inner_padding" or not isinstance(j, (int, float, tuple)) or j != (0, 0, 0)])
    elif what == 6:
        kw = {rng.choice(["roi_offset", "roi_size"]): rng.choice(junk + [(1, 2, 3)])}
    elif what == 7:
        kw["shape"] = rng.choice(junk)
    elif what == 8:
        kw["channels"] = rng.choice([(0, 0), (-1,), "a", (1.5,), (0, "x"), "0,,1", 2 ** 40, (None,), "0;1"])
    elif what == 9:
        kw["threads"] = rng.choice([0, -1, "x", 1.5, 2 ** 40, float("nan")])
    elif what == 10:
        kw.update(roi_offset=(0, 0, 0), roi_size=(5, 5, 5))
    else:
        kw["tol"], kw["tol_um"] = (1, 1, 1), (1, 1, 1)
    return blobs, kw


def test_ten_thousand_random_bad_calls_raise_value_error():
    rng = random.Random(18)
    outcomes = {}
    for i in range(10000):
        blobs, kw = _random_bad_call(rng)
        try:
            coloc.match(blobs, **kw)
        except ValueError as e:
            assert str(e) and "\n" not in str(e)
            outcomes["ValueError"] = outcomes.get("ValueError", 0) + 1
            continue
        except TypeError as e:
            # Python itself refuses some types before the call reaches coloc (e.g. an unhashable argument); record it.
            outcomes["TypeError:" + type(e).__name__] = outcomes.get("TypeError:" + type(e).__name__, 0) + 1
            continue
        pytest.fail(f"call {i} succeeded: {kw!r}")
    assert outcomes == {"ValueError": 10000}, outcomes


def test_library_survives_misuse_through_the_c_abi():
    lib = _native.lib
    assert lib.coloc_result_free(123456789) == 1
    assert "unknown or released handle" in _native.last_error()
    assert lib.coloc_match(None, 5, 7, 7, 1, b"--shape\t1,1,1", None, ctypes.byref(ctypes.c_int64())) == 1
    assert _native.last_error() == "blobs: null data"
    assert lib.coloc_match(None, 0, 7, 7, 1, None, None, ctypes.byref(ctypes.c_int64())) == 1
    assert lib.coloc_match(None, 0, 7, 7, 1, b"garbage", None, None) == 1
    assert lib.coloc_match(None, 0, 7, 7, 1, b"--nope\tx", None, ctypes.byref(ctypes.c_int64())) == 1
    assert _native.last_error().startswith("options: unknown option '--nope'")
    assert lib.coloc_read_blobs(b"/nonexistent/blobs.csv", None, None, None, None) == 1
    assert lib.coloc_detect(None, 9, None, b"", None, None, None) == 1
    assert lib.coloc_last_error(None, 0) > 0
    r = coloc.match(BLOBS, shape=(10, 10, 10))
    assert len(r[(0, 1)]) == 1


def test_write_matches_needs_a_match_result(tmp):
    with pytest.raises(ValueError, match="expects the result of coloc.match"):
        coloc.write_matches({(0, 1): np.empty(0, dtype=coloc.MATCH_DTYPE)}, tmp)
    with pytest.raises(ValueError):
        coloc.write_matches(coloc.match(BLOBS, shape=(10, 10, 10)), "a\x00b")
