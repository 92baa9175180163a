"""Writes coloc-<version>-py3-none-manylinux_2_28_<arch>.whl for each libcoloc.so given (called by
PythonWheel.targets after the NativeAOT publish; stdlib only, deterministic bytes).

usage: build_wheel.py VERSION OUT_DIR RID=PATH_TO_LIBCOLOC_SO [RID=PATH ...]
"""

import base64
import hashlib
import os
import sys
import zipfile

TAGS = {"linux-x64": "manylinux_2_28_x86_64", "linux-arm64": "manylinux_2_28_aarch64"}
HERE = os.path.dirname(os.path.abspath(__file__))


def _record_line(name, data):
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{name},sha256={digest},{len(data)}"


def build(version, out_dir, rid, lib):
    tag = TAGS[rid]
    dist = f"coloc-{version}.dist-info"
    files = []
    pkg = os.path.join(HERE, "coloc")
    for name in sorted(os.listdir(pkg)):
        if name.endswith(".py"):
            with open(os.path.join(pkg, name), "rb") as f:
                files.append((f"coloc/{name}", f.read()))
    with open(lib, "rb") as f:
        files.append((f"coloc/_lib/{rid}/libcoloc.so", f.read()))
    with open(os.path.join(HERE, "README.md"), "rb") as f:
        readme = f.read().decode()
    meta = (f"Metadata-Version: 2.1\nName: coloc\nVersion: {version}\nSummary: Blob colocalization over the Coloc "
            f"NativeAOT engine\nRequires-Python: >=3.9\nRequires-Dist: numpy\nProvides-Extra: magmap\n"
            f"Requires-Dist: pandas ; extra == \"magmap\"\nDescription-Content-Type: text/markdown\n\n{readme}")
    wheel = f"Wheel-Version: 1.0\nGenerator: coloc build_wheel.py\nRoot-Is-Purelib: false\nTag: py3-none-{tag}\n"
    files += [(f"{dist}/METADATA", meta.encode()), (f"{dist}/WHEEL", wheel.encode())]
    record = "\n".join(_record_line(n, d) for n, d in files) + f"\n{dist}/RECORD,,\n"
    files.append((f"{dist}/RECORD", record.encode()))
    os.makedirs(out_dir, exist_ok=True)
    path = os.path.join(out_dir, f"coloc-{version}-py3-none-{tag}.whl")
    tmp = path + ".tmp"
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in files:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (0o755 if name.endswith(".so") else 0o644) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    os.replace(tmp, path)
    print(f"coloc: wrote {path}")


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    version, out_dir = argv[0], argv[1]
    for spec in argv[2:]:
        rid, _, lib = spec.partition("=")
        if rid in TAGS:
            build(version, out_dir, rid, lib)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
