"""Python arguments as the C ABI's option text: one ``flag TAB value`` line per given option, values written as the
command line would take them, so the library parses, checks and reports them exactly as ``coloc`` does."""

import numbers

import numpy as np


def _number(flag, v):
    if isinstance(v, (bool, np.bool_)):
        raise ValueError(f"{flag}: expected a number, got {v!r}")
    if isinstance(v, numbers.Integral):
        return str(int(v))
    if isinstance(v, numbers.Real):
        return repr(float(v))
    raise ValueError(f"{flag}: expected a number, got {type(v).__name__} {_clip(repr(v))}")


def _clip(s):
    return s if len(s) <= 60 else s[:57] + "..."


def text(flag, value):
    """The text of one value: a str as given, a number, or a sequence of numbers joined by commas."""
    if isinstance(value, str):
        s = value
    elif isinstance(value, (numbers.Number, np.generic)) and not isinstance(value, (str, bytes)):
        s = _number(flag, value)
    else:
        try:
            items = list(np.asarray(value, dtype=object).ravel()) if isinstance(value, np.ndarray) else list(value)
        except TypeError:
            raise ValueError(f"{flag}: expected text, a number or a sequence of numbers, got {type(value).__name__}") from None
        s = ",".join(_number(flag, v) for v in items)
    if any(ord(c) < 32 or ord(c) == 127 for c in s):
        raise ValueError(f"{flag}: control characters are not allowed")
    return s


def options(pairs):
    """The option text of ``[(flag, value), …]``; None values are left out (the declaration's default applies)."""
    lines = []
    for flag, value in pairs:
        if value is None:
            continue
        if isinstance(value, (list, tuple)) and flag in ("--profile-set",):
            lines.extend(f"{flag}\t{text(flag, v)}" for v in value)
        else:
            lines.append(f"{flag}\t{text(flag, value)}")
    return "\n".join(lines).encode("utf-8")
