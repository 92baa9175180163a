"""The ctypes binding of libcoloc.so's C ABI (``coloc_*`` symbols, see src/Coloc.Native/CAbi).

Loads the library shipped in the package (``coloc/_lib/<rid>/libcoloc.so``) or the one named by the environment
variable ``COLOC_LIBRARY``, checks the ABI version, and turns a failed call's status into a Python exception with the
library's one-line message (the CLI's message).
"""

import ctypes
import os
import platform
import threading

import numpy as np

#: The C ABI version this package was written for (``CAbiVersion.Version``).
ABI_VERSION = 1

_c_double_p = ctypes.POINTER(ctypes.c_double)
_c_int64_p = ctypes.POINTER(ctypes.c_int64)

# Status codes of CStatus.
_OK, _BAD_INPUT, _CANCELLED, _OUT_OF_MEMORY, _IO_ERROR = 0, 1, 2, 3, 4


class Control(ctypes.Structure):
    """struct coloc_control: cancel flag (set here), progress 0..1 (written by the library), optional callback."""

    _fields_ = [
        ("cancel", ctypes.c_int32),
        ("reserved", ctypes.c_int32),
        ("progress", ctypes.c_double),
        ("callback", ctypes.c_void_p),
        ("user", ctypes.c_void_p),
    ]


def _rid():
    machine = platform.machine().lower()
    if machine in ("x86_64", "amd64"):
        return "linux-x64"
    if machine in ("aarch64", "arm64"):
        return "linux-arm64"
    return "linux-" + machine


def library_path():
    """The libcoloc.so this package loads: ``$COLOC_LIBRARY``, else the copy inside the package for this machine."""
    env = os.environ.get("COLOC_LIBRARY")
    if env:
        return env
    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "_lib", _rid(), "libcoloc.so")


def _load():
    path = library_path()
    if not os.path.exists(path):
        raise ImportError(
            f"coloc: {path} not found; build the solution (dotnet build Coloc.Fiji.sln) before installing the package, "
            "or set COLOC_LIBRARY to a libcoloc.so")
    lib = ctypes.CDLL(path)
    version = lib.coloc_abi_version()
    if version != ABI_VERSION:
        raise ImportError(f"coloc: {path} has C ABI version {version}, this package needs {ABI_VERSION}")
    vp, i64, i32, cp = ctypes.c_void_p, ctypes.c_int64, ctypes.c_int32, ctypes.c_char_p
    sigs = {
        "coloc_last_error": ([ctypes.c_char_p, i32], i32),
        "coloc_free": ([vp], None),
        "coloc_parameters": ([cp, ctypes.POINTER(vp)], i32),
        "coloc_read_blobs": ([cp, ctypes.POINTER(vp), _c_int64_p, _c_int64_p, ctypes.POINTER(vp)], i32),
        "coloc_match": ([vp, i64, i64, i64, i64, cp, vp, _c_int64_p], i32),
        "coloc_result_pairs": ([i64, ctypes.POINTER(i32), i32, ctypes.POINTER(i32)], i32),
        "coloc_result_rows": ([i64, i32, vp, i64], i32),
        "coloc_result_summary": ([i64, ctypes.POINTER(vp)], i32),
        "coloc_result_write": ([i64, cp], i32),
        "coloc_result_free": ([i64], i32),
        "coloc_detect": ([vp, i32, _c_int64_p, cp, vp, ctypes.POINTER(vp), _c_int64_p], i32),
        "coloc_intensity": ([vp, i32, _c_int64_p, vp, i64, i64, i64, i64, cp, vp, ctypes.POINTER(vp), _c_int64_p], i32),
    }
    # Added to ABI version 1 later (CAbiVersion): bound when the library has them.
    optional = {
        "coloc_regions": ([vp, i64, i64, i64, i64, cp, vp, ctypes.POINTER(vp)], i32),
    }
    for name, (args, res) in sigs.items():
        f = getattr(lib, name)
        f.argtypes, f.restype = args, res
    for name, (args, res) in optional.items():
        if hasattr(lib, name):
            f = getattr(lib, name)
            f.argtypes, f.restype = args, res
    return lib


lib = _load()


def last_error():
    """The calling thread's last error message."""
    n = lib.coloc_last_error(None, 0)
    buf = ctypes.create_string_buffer(n + 1)
    lib.coloc_last_error(buf, n + 1)
    return buf.value.decode("utf-8", "replace")


def error(status, message):
    """The Python exception for a failed call."""
    if status == _BAD_INPUT:
        return ValueError(message)
    if status == _CANCELLED:
        return KeyboardInterrupt(message)
    if status == _OUT_OF_MEMORY:
        return MemoryError(message)
    if status == _IO_ERROR:
        return OSError(message)
    return RuntimeError(message)


def check(status):
    """Raises the exception of a failed call made on this thread."""
    if status != _OK:
        raise error(status, last_error())


def take_text(pointer):
    """A library string as str; releases it."""
    try:
        return ctypes.string_at(pointer.value).decode("utf-8") if pointer.value else ""
    finally:
        lib.coloc_free(pointer)


def take_doubles(pointer, count):
    """A library float64 array as a numpy copy; releases it."""
    try:
        if count == 0:
            return np.empty(0, dtype=np.float64)
        return np.ctypeslib.as_array(ctypes.cast(pointer, _c_double_p), shape=(count,)).copy()
    finally:
        lib.coloc_free(pointer)


def run(call, progress=None, poll_seconds=0.05):
    """Runs ``call(control_pointer) -> status`` on a worker thread (the library releases nothing of Python's: ctypes
    drops the GIL), polling the progress for ``progress(fraction)`` on the calling thread. Ctrl-C (KeyboardInterrupt,
    wherever it lands in this loop) or an exception raised by ``progress`` sets the cancel flag, waits for the library
    to stop and is raised then (Ctrl-C as KeyboardInterrupt); the library never runs on after this returns. Returns
    normally when the call succeeded."""
    control = Control()
    outcome = {}
    # Completion is this event, never Thread.is_alive(): after a join that a KeyboardInterrupt interrupted, CPython
    # (3.11) may report a running thread as dead.
    done = threading.Event()

    def work():
        try:
            st = call(ctypes.cast(ctypes.pointer(control), ctypes.c_void_p))
            outcome["status"], outcome["message"] = st, (last_error() if st != _OK else "")
        finally:
            done.set()

    worker = threading.Thread(target=work, name="coloc", daemon=True)
    last = -1.0
    first = None
    while True:
        try:
            if worker.ident is None:
                worker.start()
            while not done.wait(poll_seconds):
                if progress is not None and first is None and control.progress != last:
                    last = control.progress
                    progress(last)
            worker.join()
            break
        except BaseException as e:  # Ctrl-C, or the callback raised: cancel and keep waiting for the worker
            control.cancel = 1
            if first is None:
                first = e
    if first is not None:
        if isinstance(first, KeyboardInterrupt):
            raise KeyboardInterrupt("coloc: cancelled") from None
        raise first
    status = outcome.get("status", 5)
    if status != _OK:
        raise error(status, outcome.get("message", "coloc: the call did not finish"))
    if progress is not None and control.progress != last:
        progress(control.progress)
