"""Input checks shared by every model in :mod:`legday`.

Every public function validates its arguments with these helpers, so a bad
input always fails the same way: a :class:`ValueError` that names the argument,
says what is allowed and shows what was given. No model ever returns a silent
NaN.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]

__all__ = [
    "FloatArray",
    "real_array",
    "real_number",
    "choice",
    "whole_number",
    "rng",
    "scalar_or_array",
]


def _fmt(x: float) -> str:
    return f"{x:g}"


def _allowed_range(low: float | None, high: float | None, low_open: bool, high_open: bool, unit: str) -> str:
    u = f" {unit}" if unit else ""
    if low is not None and high is not None:
        left = "(" if low_open else "["
        right = ")" if high_open else "]"
        return f"in the range {left}{_fmt(low)}, {_fmt(high)}{right}{u}"
    if low is not None:
        return f"{'>' if low_open else '>='} {_fmt(low)}{u}"
    if high is not None:
        return f"{'<' if high_open else '<='} {_fmt(high)}{u}"
    return "a finite number"


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def real_array(
    name: str,
    value: ArrayLike,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
    unit: str = "",
    ndim: int | None = None,
    allow_empty: bool = False,
) -> FloatArray:
    """Return ``value`` as a float array after checking it.

    Parameters
    ----------
    name
        The argument's name, used in the error message.
    value
        A number or an array-like of numbers (no strings, no booleans).
    low, high
        Optional bounds; ``low_open``/``high_open`` make them strict.
    unit
        Unit shown in the error message.
    ndim
        Required number of dimensions, if any.
    allow_empty
        Whether an empty array is acceptable.

    Raises
    ------
    ValueError
        If the value is not numeric, is empty, has NaN or infinity, has the
        wrong shape, or lies outside the allowed range.
    """
    raw = np.asarray(value)
    if raw.dtype.kind not in "iuf":
        raise ValueError(
            f"{name} must be a number or an array of numbers; got {_short(value)} "
            f"(type {type(value).__name__})"
        )
    arr = raw.astype(float)
    if ndim is not None and arr.ndim != ndim:
        raise ValueError(f"{name} must be a {ndim}-D array; got shape {arr.shape}")
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty")
    if not np.all(np.isfinite(arr)):
        raise ValueError(f"{name} must be finite (no NaN or infinity); got {_short(value)}")
    bad = np.zeros(arr.shape, dtype=bool)
    if low is not None:
        bad |= (arr <= low) if low_open else (arr < low)
    if high is not None:
        bad |= (arr >= high) if high_open else (arr > high)
    if np.any(bad):
        first = arr[bad].flat[0]
        raise ValueError(
            f"{name} must be {_allowed_range(low, high, low_open, high_open, unit)}; "
            f"got {_fmt(float(first))}"
        )
    return arr


def real_number(name: str, value: Any, **bounds: Any) -> float:
    """Check a single number (see :func:`real_array` for the keywords)."""
    arr = real_array(name, value, **bounds)
    if arr.ndim != 0:
        raise ValueError(f"{name} must be a single number; got an array of shape {arr.shape}")
    return float(arr)


def choice(name: str, value: Any, allowed: Iterable[str]) -> str:
    """Return ``value`` normalised (stripped, lower case) if it is one of ``allowed``."""
    options = sorted(allowed)
    if isinstance(value, str):
        key = value.strip().lower()
        if key in options:
            return key
    raise ValueError(f"{name} must be one of {', '.join(repr(o) for o in options)}; got {_short(value)}")


def whole_number(name: str, value: Any, *, low: int = 0, high: int | None = None) -> int:
    """Check an integer count (booleans and fractional floats are rejected)."""
    ok = isinstance(value, (int, np.integer)) and not isinstance(value, (bool, np.bool_))
    if isinstance(value, float) and math.isfinite(value) and value.is_integer():
        ok, value = True, int(value)
    if not ok:
        raise ValueError(f"{name} must be a whole number; got {_short(value)}")
    value = int(value)
    if value < low or (high is not None and value > high):
        upper = f" and <= {high}" if high is not None else ""
        raise ValueError(f"{name} must be >= {low}{upper}; got {value}")
    return value


def rng(seed: Any) -> np.random.Generator:
    """A NumPy generator from an integer seed (or an existing generator).

    ``None`` is refused on purpose: every simulation in the course is
    reproducible, so a seed must be given.
    """
    if isinstance(seed, np.random.Generator):
        return seed
    return np.random.default_rng(whole_number("seed", seed, low=0))


def scalar_or_array(arr: FloatArray) -> float | FloatArray:
    """Return a Python float for 0-D results and the array otherwise."""
    return float(arr) if np.ndim(arr) == 0 else arr
