"""coloc.regions (C ABI coloc_regions) against `coloc regions` on oracle case R01: the same files byte for byte from
the same paths (but the .NET CLI's PNG plots); from a numpy array and an in-memory MatchResult the same regions.csv and heat maps; the CLI's
messages as ValueError."""

import json
import os

import numpy as np
import pytest

import coloc
from conftest import CASES, run_cli

CASE = os.path.join(CASES, "R01_iso_quarter_boundary_2ch")
BLOBS = os.path.join(CASE, "blobs.csv")
LABELS = os.path.join(CASE, "labels.npy")
ONTOLOGY = os.path.join(CASE, "labels_ontology.json")
SHAPE = (160, 240, 240)
ARGS = ["--labels", LABELS, "--image-shape", "160,240,240", "--ontology", ONTOLOGY, "--permutations", "19"]


def _files(folder):
    out = {}
    for n in sorted(os.listdir(folder)):
        with open(os.path.join(folder, n), "rb") as f:
            out[n] = f.read()
    return out


@pytest.fixture
def cli(tmp):
    """The matches folder and the regions folder `coloc match` and `coloc regions` write for R01."""
    m = str(tmp / "m")
    code, _, err = run_cli("match", "--blobs", BLOBS, "--shape", "160,240,240", "--mode", "magmap", "--out", m)
    assert code == 0, err
    code, out, err = run_cli("regions", "--blobs", BLOBS, "--matches", m, *ARGS, "--out", tmp / "cli")
    assert code == 0, err
    assert out.startswith("wrote regions.csv (")
    return m, _files(tmp / "cli")


def test_regions_writes_the_cli_files_byte_for_byte(cli, tmp):
    m, want = cli
    table = coloc.regions(BLOBS, m, LABELS, tmp / "py", image_shape=SHAPE, ontology=ONTOLOGY, permutations=19)
    got = _files(tmp / "py")
    # The .NET `coloc` also draws PNG plots (listed in summary.json's "plots"); the native library draws none.
    plots = json.loads(want["summary.json"])["plots"]
    assert plots and sorted(plots) == sorted(n for n in want if n.endswith(".png"))
    data = {n: b for n, b in want.items() if not n.endswith(".png")}
    assert list(got) == list(data) == ["heat_c0.tif", "heat_c1.tif", "heat_match_c0_c1.tif", "l_c0_c1.csv", "regions.csv", "summary.json"]
    for n in data:
        if n != "summary.json":
            assert got[n] == data[n], n
    mine, theirs = json.loads(got["summary.json"]), json.loads(data["summary.json"])
    assert mine.pop("plots") == []
    theirs.pop("plots")
    assert mine == theirs
    lines = want["regions.csv"].decode().splitlines()
    assert table.dtype.names == tuple(lines[0].split(","))
    assert len(table) == len(lines) - 1 > 1
    assert table["name"][1] == "Region A"
    assert np.array_equal(table["label"], [float(r.split(",")[0]) for r in lines[1:]])
    assert table["matches_c0_c1"].sum() > 0


def test_regions_from_arrays_and_a_match_result_give_the_same_tables(cli, tmp):
    _, want = cli
    blobs = coloc.read_blobs(BLOBS)
    result = coloc.match(blobs, shape=SHAPE, mode="magmap")
    seen = []
    coloc.regions(np.asfortranarray(blobs), result, LABELS, tmp / "py", image_shape=SHAPE, ontology=ONTOLOGY,
                  permutations=19, progress=seen.append)
    got = _files(tmp / "py")
    for n in ("regions.csv", "heat_c0.tif", "heat_c1.tif", "heat_match_c0_c1.tif"):
        assert got[n] == want[n], n
    assert b'"blobs": "(array)"' in got["summary.json"] or b'"blobs":"(array)"' in got["summary.json"]
    assert seen and seen[-1] == 1.0


@pytest.mark.parametrize("kw, cli_args, text", [
    (dict(image_shape=None), [], "--image-shape"),
    (dict(level=2, ontology=None), ["--level", "2"], "--level"),
    (dict(permutations=-1), [], "--permutations"),
    (dict(labels=os.path.join(CASE, "missing.npy")), [], "missing.npy"),
])
def test_bad_regions_arguments_raise_the_clis_message(cli, tmp, kw, cli_args, text):
    m, _ = cli
    args = dict(image_shape=SHAPE, ontology=ONTOLOGY, permutations=19)
    labels = kw.pop("labels", LABELS)
    args.update(kw)
    with pytest.raises(ValueError) as e:
        coloc.regions(BLOBS, m, labels, tmp / "py", **args)
    assert text in str(e.value)
    assert not os.path.exists(tmp / "py")
    cli = ["--blobs", BLOBS, "--matches", m, "--labels", labels, f"--permutations={args['permutations']}", "--out", tmp / "c"]
    if args["image_shape"] is not None:
        cli += ["--image-shape", "160,240,240"]
    if args["ontology"] is not None:
        cli += ["--ontology", ONTOLOGY]
    code, _, err = run_cli("regions", *cli, *cli_args)
    assert code == 2
    assert str(e.value) in err, (str(e.value), err)
