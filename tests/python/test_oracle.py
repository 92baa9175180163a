"""Acceptance: on every oracle case of groups A and B, coloc.match + coloc.write_matches write byte for byte the files
`coloc match` writes (the CLI is held to MagellanMapper's golden files by tests/Coloc.Oracle.Tests), in magmap mode and
in exact mode."""

import json
import os

import numpy as np
import pytest

import coloc
from conftest import CASES, cases, run_cli

MODES = ["magmap", "exact"]


def _vec(v, reverse=False):
    v = list(v)[::-1] if reverse else list(v)
    return ",".join(repr(float(x)) if float(x) != int(x) else str(int(x)) for x in v)


def _call(name):
    """(kwargs for coloc.match, args for coloc match) of a case."""
    d = os.path.join(CASES, name)
    with open(os.path.join(d, "params.json")) as f:
        p = json.load(f)
    kw, args = {}, []
    if name.startswith("A"):
        kw = dict(roi_offset=_vec(p["offset_xyz"], True), roi_size=_vec(p["size_xyz"], True), tol=tuple(p["tol"]))
        args = ["--roi-offset", kw["roi_offset"], "--roi-size", kw["roi_size"], "--tol", _vec(p["tol"])]
        if p.get("inner_padding_xyz") is not None:
            kw["inner_padding"] = tuple(p["inner_padding_xyz"])[::-1]
            args += ["--inner-padding", _vec(p["inner_padding_xyz"], True)]
    else:
        kw = dict(shape=tuple(p["shape_zyx"]), resolution=tuple(p["config_resolutions_zyx"]),
                  profile=p.get("roi_profile_name") or "default")
        args = ["--shape", _vec(p["shape_zyx"]), "--resolution", _vec(p["config_resolutions_zyx"]), "--profile", kw["profile"]]
    if p.get("channels") is not None:
        kw["channels"] = tuple(p["channels"])
        args += ["--channels", ",".join(str(c) for c in p["channels"])]
    return d, kw, args


def _files(folder):
    out = {}
    for n in sorted(os.listdir(folder)):
        with open(os.path.join(folder, n), "rb") as f:
            out[n] = f.read()
    return out


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("name", cases("A") + cases("B"))
def test_match_writes_the_cli_files_byte_for_byte(name, mode, tmp):
    d, kw, args = _call(name)
    blobs_csv = os.path.join(d, "blobs.csv")
    code, _, err = run_cli("match", "--mode", mode, "--blobs", blobs_csv, "--out", tmp / "cli", *args)
    assert code == 0, err
    result = coloc.match(coloc.read_blobs(blobs_csv), mode=mode, **kw)
    coloc.write_matches(result, tmp / "py")
    cli, py = _files(tmp / "cli"), _files(tmp / "py")
    assert list(py) == list(cli)
    for n in cli:
        assert py[n] == cli[n], n
    assert sorted(f"matches_c{a}_c{b}.csv" for a, b in result) == sorted(n for n in cli if n.startswith("matches_"))


@pytest.mark.parametrize("name", cases("A")[:3] + cases("B"))
def test_tables_hold_the_csv_rows(name, tmp):
    """The structured arrays are the CSV tables: same header names, same numbers."""
    d, kw, _ = _call(name)
    result = coloc.match(coloc.read_blobs(os.path.join(d, "blobs.csv")), mode="magmap", **kw)
    coloc.write_matches(result, tmp)
    for (a, b), table in result.items():
        path = tmp / f"matches_c{a}_c{b}.csv"
        with open(path) as f:
            header = f.readline().strip().split(",")
        assert tuple(header) == table.dtype.names == coloc.MATCH_COLUMNS
        if len(table):
            csv = np.genfromtxt(path, delimiter=",", skip_header=1, ndmin=2)
            got = table.view((np.float64, len(coloc.MATCH_COLUMNS))).reshape(len(table), -1)
            np.testing.assert_array_equal(np.isnan(csv), np.isnan(got))
            np.testing.assert_array_equal(np.nan_to_num(csv), np.nan_to_num(got))


@pytest.mark.parametrize("name", cases("A") + cases("B"))
def test_magmap_module_gives_the_golden_rows(name):
    """coloc.magmap takes MagellanMapper's own arguments (x,y,z offset and size) and gives its BlobMatch frames."""
    d = os.path.join(CASES, name)
    with open(os.path.join(d, "params.json")) as f:
        p = json.load(f)
    blobs = coloc.read_blobs(os.path.join(d, "blobs.csv"))
    from coloc import magmap
    if name.startswith("A"):
        got = magmap.colocalize_blobs_match(blobs, p["offset_xyz"], p["size_xyz"], p["tol"],
                                            inner_padding=p.get("inner_padding_xyz"), channels=p.get("channels"))
    else:
        got = magmap.colocalize_stack(p["shape_zyx"], blobs, p.get("channels"))
    for (a, b), bm in got.items():
        expected = os.path.join(d, "expected", f"matches_c{a}_c{b}.csv")
        rows = np.genfromtxt(expected, delimiter=",", skip_header=1, ndmin=2) if os.path.exists(expected) else np.empty((0, 16))
        rows = rows[np.argsort(rows[:, 0], kind="stable")]  # MagellanMapper's native row order
        assert list(bm.df.columns) == list(magmap.BlobMatch.Cols)
        assert len(bm.df) == len(rows)
        if len(rows):
            # golden columns: native_index, blob1 (7), blob2 (7), distance
            np.testing.assert_array_equal(bm.get_blobs(1), rows[:, 1:8])
            np.testing.assert_array_equal(bm.get_blobs(2), rows[:, 8:15])
            np.testing.assert_array_equal(bm.df["Distance"].to_numpy(), rows[:, 15])


def _layouts(b):
    """The same blobs in every memory layout coloc.match reads in place: C order (one block copy), extra columns and
    a column view (7 contiguous values per row), Fortran order and reversed views (element strides)."""
    wide = np.hstack([b, np.arange(len(b), dtype=np.float64)[:, None]])
    rev = np.ascontiguousarray(b[::-1, ::-1])
    return {
        "c": np.ascontiguousarray(b),
        "extra column": wide,
        "column view": np.hstack([np.zeros((len(b), 2)), b])[:, 2:],
        "fortran": np.asfortranarray(b),
        "reversed": rev[::-1, ::-1],
    }


@pytest.mark.parametrize("name", cases("B"))
def test_every_memory_layout_gives_the_same_tables(name):
    d, kw, _ = _call(name)
    b = coloc.read_blobs(os.path.join(d, "blobs.csv"))
    tables = {k: coloc.match(v, mode="exact", **kw) for k, v in _layouts(b).items()}
    want = tables.pop("c")
    assert want and sum(len(t) for t in want.values()) > 0
    for layout, got in tables.items():
        assert list(got) == list(want), layout
        for pair in want:
            assert got[pair].tobytes() == want[pair].tobytes(), (layout, pair)
