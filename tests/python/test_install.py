"""The README's install commands work as written: the wheel the build writes installs with Debian's pip
(`pip install --no-deps --target DIR WHEEL`; a plain `pip install` of it into Debian's own Python is refused by
PEP 668) and the installed package loads its own libcoloc.so and matches; every wheel holds the library of its
platform, and the linux-arm64 wheel, run by a real arm64 Python under qemu-aarch64-static, writes the same match files
as this machine's library. (The install from the source tree, `pip install --no-deps --no-build-isolation --target DIR src/python`,
is the one run-python-tests.sh makes before running these tests.)"""

import glob
import json
import os
import platform
import shutil
import subprocess
import sys
import zipfile

import coloc
from conftest import CASES, REPO
from test_oracle import _call

WHEELS = os.path.join(REPO, "plugin", "build", "python")
ELF_MACHINE = {"x86_64": 62, "aarch64": 183}  # e_machine of EM_X86_64 and EM_AARCH64


def _wheels():
    found = sorted(glob.glob(os.path.join(WHEELS, "coloc-*-py3-none-manylinux_2_28_*.whl")))
    assert found, f"no wheel in {WHEELS} (build plugin/Coloc.Plugin.csproj)"
    return found


def test_every_wheel_holds_the_library_of_its_platform():
    for wheel in _wheels():
        arch = "x86_64" if wheel.endswith("_x86_64.whl") else wheel[: -len(".whl")].rsplit("_", 1)[-1]
        rid = {"x86_64": "linux-x64", "aarch64": "linux-arm64"}[arch]
        with zipfile.ZipFile(wheel) as z:
            names = z.namelist()
            assert f"coloc/_lib/{rid}/libcoloc.so" in names, wheel
            assert [n for n in names if n.endswith(".so")] == [f"coloc/_lib/{rid}/libcoloc.so"], wheel
            head = z.read(f"coloc/_lib/{rid}/libcoloc.so")[:20]
            assert z.read(f"coloc-{os.path.basename(wheel).split('-')[1]}.dist-info/WHEEL").decode().find(f"manylinux_2_28_{arch}") > 0
        assert head[:4] == b"\x7fELF" and int.from_bytes(head[18:20], "little") == ELF_MACHINE[arch], wheel


def test_the_wheel_of_this_machine_installs_with_pip_target_and_matches(tmp):
    arch = platform.machine()
    wheel = [w for w in _wheels() if w.endswith(f"_{arch}.whl")]
    assert len(wheel) == 1, (arch, _wheels())
    site = tmp / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--target", str(site), wheel[0]],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    script = ("import coloc, numpy as np\n"
              "b = np.array([[1, 1, 1, 2, -1, -1, 0], [1, 1, 2, 2, -1, -1, 1.0]])\n"
              "r = coloc.match(b, shape=(5, 5, 5), tol=(2, 2, 2))\n"
              "print(coloc.library_path()); print(len(r[(0, 1)]), r[(0, 1)]['Distance'][0])\n")
    env = {k: v for k, v in os.environ.items() if k not in ("COLOC_LIBRARY", "PYTHONPATH")}
    env["PYTHONPATH"] = str(site)
    r = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=str(tmp))
    assert r.returncode == 0, r.stderr
    lib, counts = r.stdout.splitlines()
    assert lib.startswith(str(site) + os.sep) and os.path.exists(lib)
    assert counts == "1 1.0"


#: Debian's arm64 python3.11 and numpy, unpacked by .ci/setup-arm64-python.sh (run by .ci/run).
ARM64_PYTHON = os.environ.get("COLOC_ARM64_PYTHON", "/opt/coloc/arm64-python")

_ARM64_SCRIPT = """
import json, sys
import coloc
blobs_csv, kw, out = sys.argv[1], json.loads(sys.argv[2]), sys.argv[3]
blobs = coloc.read_blobs(blobs_csv)
for mode in ("magmap", "exact"):
    coloc.write_matches(coloc.match(blobs, mode=mode, **kw), out + "/" + mode)
print(coloc.library_path())
"""


def test_the_arm64_wheel_under_qemu_writes_the_files_of_this_machine(tmp):
    wheel = [w for w in _wheels() if w.endswith("_aarch64.whl")]
    qemu = shutil.which("qemu-aarch64-static")
    py = os.path.join(ARM64_PYTHON, "usr", "bin", "python3.11")
    assert wheel and qemu and os.path.exists(py), (
        "needs the linux-arm64 wheel (the cross toolchain of .ci/apt-packages), qemu-user-static and an arm64 Python "
        f"(.ci/setup-arm64-python.sh); found wheel={wheel}, qemu={qemu}, python={os.path.exists(py)}")
    site = tmp / "site"
    r = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--only-binary=:all:",
                        "--platform", "manylinux_2_28_aarch64", "--target", str(site), wheel[0]],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    libpath = subprocess.run([os.path.join(ARM64_PYTHON, "libpath")], capture_output=True, text=True).stdout.strip()
    env = {k: v for k, v in os.environ.items() if k not in ("COLOC_LIBRARY", "PYTHONPATH", "PYTHONHOME")}
    env.update(LD_LIBRARY_PATH=libpath, PYTHONDONTWRITEBYTECODE="1",
               PYTHONPATH=f"{site}{os.pathsep}{os.path.join(ARM64_PYTHON, 'usr', 'lib', 'python3', 'dist-packages')}")
    name = [d for d in sorted(os.listdir(CASES)) if d.startswith("B01_")][0]
    folder, kw, _ = _call(name)
    blobs_csv = os.path.join(folder, "blobs.csv")
    r = subprocess.run([qemu, py, "-c", _ARM64_SCRIPT, blobs_csv, json.dumps(kw), str(tmp / "arm64")],
                       capture_output=True, text=True, env=env, cwd=str(tmp), timeout=600)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == str(site / "coloc" / "_lib" / "linux-arm64" / "libcoloc.so")
    blobs = coloc.read_blobs(blobs_csv)
    for mode in ("magmap", "exact"):
        coloc.write_matches(coloc.match(blobs, mode=mode, **kw), tmp / "x64" / mode)
        names = sorted(os.listdir(tmp / "x64" / mode))
        assert names == sorted(os.listdir(tmp / "arm64" / mode)) and "matches_c0_c1.csv" in names
        for n in names:
            with open(tmp / "x64" / mode / n, "rb") as a, open(tmp / "arm64" / mode / n, "rb") as b:
                assert a.read() == b.read(), (mode, n)
