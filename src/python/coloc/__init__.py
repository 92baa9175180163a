"""Coloc for Python: blob colocalization with the engine of the ``coloc`` CLI and the Fiji plugin, in-process.

numpy in, numpy out, through the C ABI of the NativeAOT library libcoloc.so (no compiler, no .NET runtime needed).
Parameters, defaults, checks and error messages are those of the CLI (``ValueError`` carries the CLI's message, which
names the option by its command-line flag, e.g. ``--tol``). Ctrl-C cancels a running call (``KeyboardInterrupt``);
``progress=callable`` receives the fraction done (0..1) on the calling thread.

For MagellanMapper's own functions see :mod:`coloc.magmap`.
"""

import ctypes
import weakref

import numpy as np

from . import _native
from ._options import options as _options

__all__ = ["match", "write_matches", "detect", "intensity", "read_blobs", "regions", "parameters", "MatchResult",
           "MATCH_COLUMNS", "MATCH_DTYPE", "BLOB_COLUMNS", "library_path"]

#: Columns of a match table: the header of the ``matches_c<a>_c<b>.csv`` files ``coloc match`` writes.
MATCH_COLUMNS = ("MatchID", "RoiID", "Blob1ID", "Blob1_z", "Blob1_y", "Blob1_x", "Blob1_radius", "Blob1_confirmed",
                 "Blob1_truth", "Blob1_channel", "Blob2ID", "Blob2_z", "Blob2_y", "Blob2_x", "Blob2_radius",
                 "Blob2_confirmed", "Blob2_truth", "Blob2_channel", "Distance")

#: The structured dtype of a match table: every field float64 (ids NaN until a database assigns them).
MATCH_DTYPE = np.dtype([(c, np.float64) for c in MATCH_COLUMNS])

#: MagellanMapper's blob columns, the first seven columns of a blob array (coordinates and radius in voxels).
BLOB_COLUMNS = ("z", "y", "x", "radius", "confirmed", "truth", "channel")

library_path = _native.library_path

_RESOLUTION_1 = (1, 1, 1)  # identity marks "not given": the CLI then uses 1,1,1 but refuses --tol-um
_PIXEL_TYPES = {np.dtype(np.uint8): 1, np.dtype(np.uint16): 2, np.dtype(np.int32): 3, np.dtype(np.uint32): 4,
                np.dtype(np.float32): 5}


class MatchResult(dict):
    """``dict[(a, b)] -> numpy structured array`` (fields :data:`MATCH_COLUMNS`), channel pairs in key order, plus the
    native result it came from, so :func:`write_matches` writes exactly the files of ``coloc match --out``."""

    def __init__(self, handle, summary):
        super().__init__()
        self._handle = handle
        self._finalizer = weakref.finalize(self, _native.lib.coloc_result_free, handle)
        #: Per-pair summary: header line, then pair, matches, blobs_a, blobs_b, pct_a, pct_b, text (tab-separated).
        self.summary = summary

    def summary_lines(self):
        """The summary lines ``coloc match`` prints, one per channel pair."""
        return [line.split("\t")[-1] for line in self.summary.splitlines()[1:]]


def _blobs(blobs, name="blobs"):
    """A (N, >=7) float64 array as (pointer, rows, cols, row stride, col stride, keep-alive), read in place."""
    if isinstance(blobs, np.ndarray):
        a = blobs
    else:
        try:
            a = np.asarray(blobs)
        except (ValueError, TypeError) as e:
            raise ValueError(f"{name}: not an array of numbers ({e})") from None
    if a.dtype != np.float64:
        raise ValueError(f"{name}: dtype {a.dtype}, expected float64 (an (N, >=7) array z,y,x,radius,confirmed,truth,channel)")
    if a.ndim != 2 or a.shape[1] < 7:
        raise ValueError(f"{name}: shape {a.shape}, expected (N, >=7) (z,y,x,radius,confirmed,truth,channel per row)")
    if a.strides[0] % 8 or a.strides[1] % 8 or not a.dtype.isnative:
        a = np.ascontiguousarray(a, dtype=np.float64)
    return a.ctypes.data, a.shape[0], a.shape[1], a.strides[0] // 8, a.strides[1] // 8, a


def match(blobs, *, shape=None, roi_offset=None, roi_size=None, tol=None, tol_um=None, inner_padding=None,
          resolution=_RESOLUTION_1, profile="default", mode="exact", channels=None, threads=None, progress=None):
    """Matches blobs between channels, as ``coloc match``.

    ``blobs``: float64 array (N, >=7) in MagellanMapper's column order z,y,x,radius,confirmed,truth,channel (voxels,
    channel 0-based), read in place. Either ``shape`` (z,y,x voxels: whole stack) or ``roi_offset`` + ``roi_size``
    (z,y,x voxels: one ROI). ``tol`` (z,y,x voxels) or ``tol_um`` (z,y,x µm, with ``resolution``), default the
    profile's; ``inner_padding`` z,y,x voxels (magmap ROI runs); ``resolution`` z,y,x µm/voxel; ``profile``
    MagellanMapper ROI profiles (comma-separated); ``mode`` ``"exact"`` (largest optimal one-to-one matching) or
    ``"magmap"`` (MagellanMapper 1.7's result row for row); ``channels`` 0-based channels to pair (default all);
    ``threads`` worker threads (default all cores; never changes the result). Vectors may be sequences or
    ``"z,y,x"`` text. Returns a :class:`MatchResult` ``{(a, b): structured array}``.

    Raises ValueError with the CLI's message on a bad argument, KeyboardInterrupt when cancelled with Ctrl-C.
    """
    p, rows, cols, rs, cs, keep = _blobs(blobs)
    text = _options([
        ("--mode", mode), ("--profile", profile), ("--tol", tol), ("--tol-um", tol_um), ("--roi-offset", roi_offset),
        ("--roi-size", roi_size), ("--inner-padding", inner_padding), ("--channels", channels), ("--shape", shape),
        ("--resolution", None if resolution is _RESOLUTION_1 else resolution), ("--threads", threads),
    ])
    handle = ctypes.c_int64(0)
    owned = False
    try:
        _native.run(lambda ctl: _native.lib.coloc_match(p, rows, cols, rs, cs, text, ctl, ctypes.byref(handle)), progress)
        del keep
        owned = True
        return _result(handle.value)
    finally:
        if not owned and handle.value:
            _native.lib.coloc_result_free(handle.value)


def _result(h):
    lib = _native.lib
    try:
        count = ctypes.c_int32(0)
        _native.check(lib.coloc_result_pairs(h, None, 0, ctypes.byref(count)))
        pairs = (ctypes.c_int32 * (3 * max(1, count.value)))()
        _native.check(lib.coloc_result_pairs(h, pairs, count.value, ctypes.byref(count)))
        text = ctypes.c_void_p()
        _native.check(lib.coloc_result_summary(h, ctypes.byref(text)))
        summary = _native.take_text(text)
    except BaseException:
        lib.coloc_result_free(h)
        raise
    result = MatchResult(h, summary)
    for i in range(count.value):
        a, b, n = pairs[3 * i], pairs[3 * i + 1], pairs[3 * i + 2]
        table = np.empty(n, dtype=MATCH_DTYPE)
        _native.check(lib.coloc_result_rows(h, i, table.ctypes.data, n))
        result[(a, b)] = table
    return result


def write_matches(result, folder):
    """Writes ``result`` (of :func:`match`) into ``folder`` exactly as ``coloc match --out folder`` does: one
    ``matches_c<a>_c<b>.csv`` per channel pair and ``summary.json``, all-or-nothing."""
    if not isinstance(result, MatchResult) or not result._finalizer.alive:
        raise ValueError("write_matches: expects the result of coloc.match (it carries the summary the files need)")
    folder = _path(folder, "folder")
    _native.check(_native.lib.coloc_result_write(result._handle, folder))


def _path(path, name):
    try:
        import os
        s = os.fsdecode(os.fspath(path))
    except TypeError:
        raise ValueError(f"{name}: expected a path, got {type(path).__name__}") from None
    if "\x00" in s:
        raise ValueError(f"{name}: contains a NUL character")
    return s.encode("utf-8", "surrogateescape")


def read_blobs(path, *, columns=False):
    """A blob table as ``coloc`` reads it: a blob CSV (7 columns z,y,x,radius,confirmed,truth,channel) or a
    MagellanMapper archive ``*_blobs.npz`` (every stored column). Returns a float64 array (N, cols), or
    ``(array, column names)`` with ``columns=True``."""
    values, rows, cols, names = ctypes.c_void_p(), ctypes.c_int64(0), ctypes.c_int64(0), ctypes.c_void_p()
    _native.check(_native.lib.coloc_read_blobs(_path(path, "path"), ctypes.byref(values), ctypes.byref(rows),
                                               ctypes.byref(cols), ctypes.byref(names)))
    cols_text = _native.take_text(names)
    a = _native.take_doubles(values, rows.value * cols.value).reshape(rows.value, cols.value)
    return (a, tuple(cols_text.split(",")) if cols_text else ()) if columns else a


def _volume(volume):
    """A z,y,x or z,y,x,c array as a C-contiguous c,z,y,x array (in place when 3-D and contiguous) and its type code."""
    if not isinstance(volume, np.ndarray):
        raise ValueError(f"volume: expected a numpy array, got {type(volume).__name__}")
    code = _PIXEL_TYPES.get(volume.dtype.newbyteorder("=") if volume.dtype.byteorder not in "=|" else volume.dtype)
    if code is None:
        raise ValueError(f"volume: dtype {volume.dtype} is not supported (uint8, uint16, int32, uint32 or float32)")
    if volume.ndim == 3:
        v = volume[np.newaxis]
    elif volume.ndim == 4:
        v = np.moveaxis(volume, 3, 0)
    else:
        raise ValueError(f"volume: shape {volume.shape}, expected z,y,x or z,y,x,c")
    if 0 in v.shape:
        raise ValueError(f"volume: shape {volume.shape} has an empty axis")
    v = np.ascontiguousarray(v, dtype=v.dtype.newbyteorder("="))
    return v, code, (ctypes.c_int64 * 4)(*v.shape)


def detect(volume, *, resolution=None, profile="default", channels=None, threads=None, block_size=None,
           prune_order="canonical", detect_mode="exact", progress=None):
    """Laplacian-of-Gaussian blob detection as ``coloc detect``. ``volume``: z,y,x or z,y,x,c array (uint8, uint16,
    int32, uint32 or float32); ``resolution`` z,y,x µm/voxel (default 1,1,1); ``profile`` a ROI profile, or a list of
    one per channel; ``detect_mode`` ``"exact"`` (MagellanMapper's responses) or ``"fast"`` (float32, >= 99 % of blobs
    within 1 voxel of exact). Returns a float64 array (N, 7): z,y,x,radius,confirmed,truth,channel."""
    v, code, shape = _volume(volume)
    profiles = profile if isinstance(profile, (list, tuple)) else [profile]
    text = _options([("--profile", p) for p in profiles] + [
        ("--channels", channels), ("--resolution", resolution), ("--threads", threads), ("--block-size", block_size),
        ("--prune-order", prune_order), ("--detect-mode", detect_mode)])
    out, rows = ctypes.c_void_p(), ctypes.c_int64(0)
    _native.run(lambda ctl: _native.lib.coloc_detect(v.ctypes.data, code, shape, text, ctl, ctypes.byref(out),
                                                     ctypes.byref(rows)), progress)
    return _native.take_doubles(out, rows.value * 7).reshape(rows.value, 7)


def intensity(volume, blobs, *, threshold="min", channels=None, threads=None, progress=None):
    """MagellanMapper's intensity colocalization as ``coloc intensity``: for each blob and channel, 1 when the mean
    intensity around the blob in that channel reaches the channel's threshold (``"min"`` or a percentile 0..100).
    Returns ``{"in_roi": bool (N,), "flags": uint8 (N, C), "thresholds": float64 (C,), NaN when none}``."""
    v, code, shape = _volume(volume)
    p, rows, cols, rs, cs, keep = _blobs(blobs)
    text = _options([("--thresh", threshold), ("--channels", channels), ("--threads", threads)])
    out, count = ctypes.c_void_p(), ctypes.c_int64(0)
    _native.run(lambda ctl: _native.lib.coloc_intensity(v.ctypes.data, code, shape, p, rows, cols, rs, cs, text, ctl,
                                                        ctypes.byref(out), ctypes.byref(count)), progress)
    del keep
    flat = _native.take_doubles(out, count.value)
    c = v.shape[0]
    table = flat[: rows * (1 + c)].reshape(rows, 1 + c)
    return {"in_roi": table[:, 0] != 0, "flags": table[:, 1:].astype(np.uint8), "thresholds": flat[rows * (1 + c):]}


def regions(blobs, matches, labels, out, *, image_shape=None, image=None, ontology=None, level=None, tol=None,
            tol_um=None, mode=None, permutations=199, seed=1, channels=None, resolution=None, profile="default",
            threads=None, progress=None):
    """Blobs and matches counted per atlas region with a null-model test per region, as ``coloc regions``: writes
    ``out`` (``regions.csv``, ``heat_c<k>.tif``, ``heat_match_c<a>_c<b>.tif``, ``summary.json``; all-or-nothing) and
    returns the ``regions.csv`` table as a structured array (its header's names; ``name`` text, the rest float64, NaN
    where the CSV field is empty).

    ``blobs``: the blob file (a path, as ``--blobs``) or a float64 array (N, >=7) read in place (summary.json then names
    it ``(array)``); ``matches``: the folder ``coloc match --out`` or :func:`write_matches` wrote for these blobs, or
    the :class:`MatchResult` itself (written to a temporary folder first); ``labels``: the atlas labels image (path).
    ``image_shape`` z,y,x voxels or ``image`` (TIFF path) for the image the blobs come from; ``ontology`` JSON path and
    ``level``; ``tol`` z,y,x voxels or ``tol_um`` µm, ``mode``, default from the matches' summary.json; ``permutations``
    null-model draws (0: no significance), ``seed``; ``channels``, ``resolution`` z,y,x µm/voxel, ``profile`` and
    ``threads`` as in :func:`match`. Raises ValueError with the CLI's message on a bad argument or input file.
    """
    if not hasattr(_native.lib, "coloc_regions"):
        raise RuntimeError(f"coloc.regions: {library_path()} predates coloc_regions; rebuild the solution")
    if isinstance(matches, MatchResult):
        import tempfile
        with tempfile.TemporaryDirectory(prefix="coloc-matches-") as folder:
            write_matches(matches, folder)
            return regions(blobs, folder, labels, out, image_shape=image_shape, image=image, ontology=ontology,
                           level=level, tol=tol, tol_um=tol_um, mode=mode, permutations=permutations, seed=seed,
                           channels=channels, resolution=resolution, profile=profile, threads=threads,
                           progress=progress)
    if isinstance(blobs, (str, bytes)) or hasattr(blobs, "__fspath__"):
        p, rows, cols, rs, cs, keep = None, 0, 0, 0, 0, None
        named = [("--blobs", _path(blobs, "blobs").decode("utf-8", "surrogateescape"))]
    else:
        p, rows, cols, rs, cs, keep = _blobs(blobs)
        named = []
    paths = [(flag, None if v is None else _path(v, name).decode("utf-8", "surrogateescape"))
             for flag, name, v in (("--matches", "matches", matches), ("--labels", "labels", labels),
                                   ("--out", "out", out), ("--image", "image", image),
                                   ("--ontology", "ontology", ontology))]
    text = _options(named + paths + [
        ("--image-shape", image_shape), ("--level", level), ("--tol", tol), ("--tol-um", tol_um), ("--mode", mode),
        ("--permutations", permutations), ("--seed", seed), ("--channels", channels), ("--resolution", resolution),
        ("--profile", profile), ("--threads", threads)])
    report = ctypes.c_void_p()
    _native.run(lambda ctl: _native.lib.coloc_regions(p, rows, cols, rs, cs, text, ctl, ctypes.byref(report)), progress)
    del keep
    _native.take_text(report)
    import os
    return _regions_table(os.path.join(_path(out, "out").decode("utf-8", "surrogateescape"), "regions.csv"))


def _regions_table(path):
    """regions.csv as a structured array: ``name`` as text, every other column float64 (empty fields NaN)."""
    import csv
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    width = max([1] + [len(r[header.index("name")]) for r in body])
    dtype = np.dtype([(c, f"U{width}" if c == "name" else np.float64) for c in header])
    table = np.empty(len(body), dtype=dtype)
    for i, r in enumerate(body):
        table[i] = tuple(v if c == "name" else (float(v) if v else np.nan) for c, v in zip(header, r))
    return table


def parameters(command="match"):
    """The options of ``match``, ``detect``, ``intensity`` or ``regions`` from the one declaration the CLI uses: a list of dicts
    with flag, name, kind, default, default_text, unit, choices, help."""
    out = ctypes.c_void_p()
    _native.check(_native.lib.coloc_parameters(_path(command, "command"), ctypes.byref(out)))
    keys = ("flag", "name", "kind", "default", "default_text", "unit", "choices", "help")
    rows = [dict(zip(keys, line.split("\t"))) for line in _native.take_text(out).splitlines()]
    for r in rows:
        r["choices"] = r["choices"].split("|") if r["choices"] else []
    return rows
