"""Drop-in replacements for MagellanMapper 1.7's match-based colocalization (``magmap.cv.colocalizer``).

Swap the import and keep the call::

    # from magmap.cv.colocalizer import StackColocalizer, colocalize_blobs_match
    # matches = StackColocalizer.colocalize_stack(shape, blobs, channels)
    from coloc import magmap
    matches = magmap.colocalize_stack(shape, blobs, channels)

Both functions return ``{(chl1, chl2): BlobMatch}`` whose ``df`` is a pandas DataFrame with MagellanMapper's columns
``MatchID, RoiID, Blob1ID, Blob1, Blob2ID, Blob2, Distance`` (Blob1/Blob2 one float64 vector z,y,x,radius,confirmed,
truth,channel per row), the rows MagellanMapper computes, number for number (``mode="magmap"`` of :func:`coloc.match`).
``blobs`` may be a numpy array (N, >=7) or an object with a ``blobs`` attribute (MagellanMapper's ``Blobs``).
"""

import numpy as np

from . import match as _match

__all__ = ["BlobMatch", "colocalize_stack", "colocalize_blobs_match"]

_COLS = ("MatchID", "RoiID", "Blob1ID", "Blob1", "Blob2ID", "Blob2", "Distance")


class BlobMatch:
    """Shaped like MagellanMapper's ``BlobMatch``: ``df`` (pandas DataFrame with :data:`Cols`), ``coords`` (None until
    :meth:`get_mean_coords`), ``cmap`` (None)."""

    #: MagellanMapper's column names, in order.
    Cols = _COLS

    def __init__(self, table=None, df=None):
        self.coords = None
        self.cmap = None
        if df is not None or table is None:
            self.df = df
            return
        import pandas as pd
        blob1 = np.stack([table[f"Blob1_{c}"] for c in ("z", "y", "x", "radius", "confirmed", "truth", "channel")], axis=1)
        blob2 = np.stack([table[f"Blob2_{c}"] for c in ("z", "y", "x", "radius", "confirmed", "truth", "channel")], axis=1)

        def ids(name):
            v = table[name]
            return [None if np.isnan(x) else int(x) for x in v]

        self.df = pd.DataFrame({
            "MatchID": ids("MatchID"), "RoiID": ids("RoiID"), "Blob1ID": ids("Blob1ID"), "Blob1": list(blob1),
            "Blob2ID": ids("Blob2ID"), "Blob2": list(blob2), "Distance": table["Distance"].copy(),
        }, columns=list(_COLS))

    def get_blobs(self, n):
        """Blob1 (n == 1) or Blob2 (otherwise) as a 2-D array, or None when there are none."""
        col = "Blob1" if n == 1 else "Blob2"
        if self.df is None or col not in self.df or len(self.df) == 0:
            return None
        return np.vstack(self.df[col].to_numpy())

    def update_blobs(self, fn, *args):
        """Replaces Blob1 and Blob2 by ``fn(blobs, *args)`` (MagellanMapper's ``update_blobs``)."""
        for n, col in ((1, "Blob1"), (2, "Blob2")):
            blobs = self.get_blobs(n)
            if blobs is not None:
                self.df[col] = list(fn(blobs, *args))

    def get_mean_coords(self):
        """Mean z,y,x of each pair, also kept in ``coords``; None when there are no blobs."""
        b1, b2 = self.get_blobs(1), self.get_blobs(2)
        if b1 is None or b2 is None:
            return None
        self.coords = (b1[:, :3] + b2[:, :3]) / 2
        return self.coords

    def __repr__(self):
        return f"BlobMatch({0 if self.df is None else len(self.df)} matches)"


def _array(blobs):
    return getattr(blobs, "blobs", blobs)


def _wrap(result):
    return {pair: BlobMatch(table) for pair, table in result.items()}


def colocalize_stack(shape, blobs, channels=None):
    """``StackColocalizer.colocalize_stack(shape, blobs, channels)``: the whole stack of ``shape`` (z,y,x[,c] voxels;
    only z,y,x are used) in MagellanMapper's overlapping blocks, duplicates pruned, with the default profile."""
    return _wrap(_match(_array(blobs), shape=tuple(shape)[:3], mode="magmap", channels=channels))


def colocalize_blobs_match(blobs, offset, size, tol, inner_padding=None, channels=None):
    """``colocalize_blobs_match(blobs, offset, size, tol, inner_padding=None)``: one ROI. As in MagellanMapper,
    ``offset``, ``size`` and ``inner_padding`` are **x,y,z** voxels and ``tol`` acts as z,y,x."""
    def zyx(v):
        return None if v is None else tuple(v)[::-1]

    return _wrap(_match(_array(blobs), roi_offset=zyx(offset), roi_size=zyx(size), tol=tuple(tol),
                        inner_padding=zyx(inner_padding), mode="magmap", channels=channels))
