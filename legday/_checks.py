"""Input checks shared by every model in :mod:`legday`.

Every public function validates its arguments with these helpers, so a bad
input always fails the same way: a :class:`ValueError` that names the argument,
says what is allowed and shows what was given. No model ever returns a silent
NaN.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

FloatArray = NDArray[np.float64]

__all__ = [
    "FloatArray",
    "real_array",
    "real_number",
    "large_array",
    "choice",
    "whole_number",
    "rng",
    "scalar_or_array",
    "broadcast",
    "paired_samples",
    "same_length",
    "shapes",
    "flag",
    "size_limit",
    "argument",
    "InvertedParametersWarning",
    "warn_if_inverted",
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


def _allowed_ndims(ndim: int | tuple[int, ...] | None) -> tuple[int, ...] | None:
    return (ndim,) if isinstance(ndim, int) else ndim


def real_array(
    name: str,
    value: ArrayLike,
    *,
    low: float | None = None,
    high: float | None = None,
    low_open: bool = False,
    high_open: bool = False,
    unit: str = "",
    ndim: int | tuple[int, ...] | None = None,
    allow_empty: bool = False,
    integer: bool = False,
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
        Required number of dimensions (or a tuple of allowed ones), if any.
    allow_empty
        Whether an empty array is acceptable.
    integer
        Whether every value must be a whole number.

    Raises
    ------
    ValueError
        If the value is not numeric, is ragged (rows of different lengths), is
        empty, has NaN or infinity, has the wrong shape, or lies outside the
        allowed range.
    """
    try:
        raw = np.asarray(value)
    except (ValueError, TypeError):
        raise ValueError(
            f"{name} must be a number or a regular array of numbers (every row the same length); "
            f"got {_short(value)}"
        ) from None
    if raw.dtype.kind not in "iuf":
        raise ValueError(
            f"{name} must be a number or an array of numbers; got {_short(value)} "
            f"(type {type(value).__name__})"
        )
    arr = raw.astype(float)
    allowed_ndim = _allowed_ndims(ndim)
    if allowed_ndim is not None and arr.ndim not in allowed_ndim:
        kinds = " or ".join("a single number" if d == 0 else f"a {d}-D array" for d in allowed_ndim)
        raise ValueError(f"{name} must be {kinds}; got shape {arr.shape}")
    if arr.size == 0 and not allow_empty:
        raise ValueError(f"{name} must not be empty: give at least one number")
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
    if integer and np.any(arr != np.round(arr)):
        raise ValueError(f"{name} must be whole numbers; got {_short(value)}")
    return arr + 0.0  # -0.0 becomes 0.0 (NumPy's generators refuse a scale of -0.0)


def large_array(name: str, value: ArrayLike, *, low: float | None = None, high: float | None = None,
                unit: str = "") -> NDArray[Any]:
    """:func:`real_array`'s checks (numbers, finite, within closed bounds) for a large array, without a copy.

    For the big results a model stores (a population's muscle masses): only the
    smallest and largest values are compared, so no array of the same size is made.
    The array comes back as it was given (``np.asarray`` of it), empty allowed.
    """
    try:
        arr = np.asarray(value)
    except (ValueError, TypeError):
        raise ValueError(
            f"{name} must be a regular array of numbers (every row the same length); got {_short(value)}"
        ) from None
    if arr.dtype.kind not in "iuf":
        raise ValueError(f"{name} must be an array of numbers; got {_short(value)} (type {type(value).__name__})")
    if arr.size:
        smallest, largest = float(arr.min()), float(arr.max())  # NaN propagates through min and max
        if not (math.isfinite(smallest) and math.isfinite(largest)):
            raise ValueError(f"{name} must be finite (no NaN or infinity); got values from {smallest} to {largest}")
        for bad in (smallest, largest):
            if (low is not None and bad < low) or (high is not None and bad > high):
                raise ValueError(f"{name} must be {_allowed_range(low, high, False, False, unit)}; got {_fmt(bad)}")
    return arr


def _scalar_passes(number: float, *, low: float | None = None, high: float | None = None, low_open: bool = False,
                   high_open: bool = False, unit: str = "", ndim: int | tuple[int, ...] | None = None,
                   allow_empty: bool = False, integer: bool = False) -> bool:
    """Whether a plain number passes :func:`real_array`'s checks with these keywords."""
    allowed_ndim = _allowed_ndims(ndim)
    return (
        math.isfinite(number)
        and (allowed_ndim is None or 0 in allowed_ndim)
        and (low is None or (number > low if low_open else number >= low))
        and (high is None or (number < high if high_open else number <= high))
        and (not integer or number == round(number))
    )


def real_number(name: str, value: Any, **bounds: Any) -> float:
    """Check a single number (see :func:`real_array` for the keywords).

    A plain Python or NumPy number that passes is returned without building an array (the models
    check every argument, and a scheduler search calls them many thousand times); anything
    else, and any number that fails, goes through :func:`real_array`, which gives the message.
    """
    plain = isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, (bool, np.bool_))
    if plain and isinstance(value, int):
        plain = -(2**63) <= value < 2**64  # NumPy stores these as integers (larger ones it refuses)
    if plain:
        number = float(value)
        if _scalar_passes(number, **bounds):
            return number + 0.0  # -0.0 becomes 0.0, as in real_array
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


def broadcast(arrays: dict[str, FloatArray]) -> tuple[FloatArray, ...]:
    """Broadcast checked arrays together, naming them if their shapes do not fit.

    ``arrays`` maps each argument's name to its (already checked) array; the
    arrays come back broadcast to one shape, in the same order.
    """
    try:
        return tuple(np.broadcast_arrays(*arrays.values()))
    except ValueError:
        shaped = {k: np.shape(v) for k, v in arrays.items() if np.ndim(v) > 0}
        shapes = ", ".join(f"{k} {shape}" for k, shape in shaped.items())
        raise ValueError(
            f"{' and '.join(shaped)} must have the same length (or be single numbers); got shapes {shapes}"
        ) from None


def paired_samples(samples: dict[str, ArrayLike], *, min_size: int = 2) -> tuple[FloatArray, ...]:
    """Check paired 1-D samples: numeric, finite, the same length, at least ``min_size`` values, each varying."""
    arrays = same_length({k: real_array(k, v, ndim=1) for k, v in samples.items()})
    names = " and ".join(samples)
    sizes = [a.size for a in arrays]
    if sizes[0] < min_size:
        raise ValueError(f"{names} need at least {min_size} values each; got {sizes[0]}")
    for key, arr in zip(samples, arrays):
        if np.all(arr == arr[0]):
            raise ValueError(f"{key} must vary: a constant sample has no correlation; got {_short(samples[key])}")
    return arrays


def same_length(arrays: dict[str, FloatArray]) -> tuple[FloatArray, ...]:
    """Check that already checked 1-D arrays have one length (no broadcasting), naming them if not."""
    sizes = [np.size(v) for v in arrays.values()]
    if len(set(sizes)) > 1:
        raise ValueError(f"{' and '.join(arrays)} must have the same length; got {', '.join(map(str, sizes))}")
    return tuple(arrays.values())


def flag(name: str, value: Any) -> bool:
    """Check a yes/no option: only ``True`` or ``False`` (not 1, ``"no"`` or ``None``)."""
    if isinstance(value, (bool, np.bool_)):
        return bool(value)
    raise ValueError(f"{name} must be True or False; got {_short(value)}")


def size_limit(counts: dict[str, int], *, high: int, reason: str) -> int:
    """Refuse a product of sizes above ``high`` before anything is allocated.

    ``counts`` maps argument names to already checked whole numbers; the error
    names them, the product, the limit and ``reason`` (why the limit exists).
    """
    total = math.prod(counts.values())
    if total > high:
        names = " x ".join(counts)
        given = " x ".join(f"{v:,}" for v in counts.values())
        raise ValueError(f"{names} must be at most {high:,} ({reason}); got {given} = {total:,}")
    return total


class InvertedParametersWarning(UserWarning):
    """Two parameters are the other way round from the one the model describes (likely swapped)."""


def warn_if_inverted(larger: tuple[str, float], smaller: tuple[str, float], meaning: str) -> None:
    """Warn (naming both) when ``larger``'s value is not above ``smaller``'s, as the model expects.

    For physically inverted but computable parameters (e.g. fitness decaying faster
    than fatigue): the result is still returned, the learner is told which two
    arguments look swapped. ``meaning`` says why the order matters.
    """
    (big_name, big), (small_name, small) = larger, smaller
    if not big > small:
        warnings.warn(
            f"{big_name}={big:g} is not greater than {small_name}={small:g}: {meaning}; "
            f"were {big_name} and {small_name} swapped?",
            InvertedParametersWarning,
            stacklevel=3,
        )


@contextmanager
def argument(name: str) -> Iterator[None]:
    """Name the caller's argument in any ValueError raised while it is being checked.

    A structure (a programme, a week of sessions) is checked by helpers that know
    its parts, not what the caller called it; inside ``with argument("programme"):``
    their errors come out as ``"programme: <what was wrong>"``.
    """
    try:
        yield
    except ValueError as err:
        text = str(err)
        if text.startswith(name):
            raise
        raise ValueError(f"{name}: {text}") from None


def shapes(fields: dict[str, tuple[Any, tuple[int | str, ...]]]) -> dict[str, int]:
    """Check that arrays fit a shape pattern together and return the sizes the names took.

    ``fields`` maps each argument's name to ``(array, pattern)``; a pattern holds
    fixed sizes (``9``) and names (``"people"``) that must take the same size
    everywhere, e.g. ``{"muscle_kg": (m, ("people", "rows", 9)), "sets": (s, ("weeks", 9))}``.
    """
    sizes: dict[str, int] = {}
    for name, (value, pattern) in fields.items():
        try:
            shape = np.shape(value)
        except ValueError:  # a ragged list has no shape
            raise ValueError(f"{name} must be a regular array (every row the same length); got {_short(value)}") from None
        fits = len(shape) == len(pattern)
        for size, want in zip(shape, pattern) if fits else ():
            if isinstance(want, str):
                fits = fits and sizes.setdefault(want, size) == size
            else:
                fits = fits and size == want
        if not fits:
            wanted = ", ".join(f"{k} {tuple(p)}" for k, (_, p) in fields.items())
            got = ", ".join(f"{k} {_shape_or_ragged(v)}" for k, (v, _) in fields.items())
            raise ValueError(f"{' and '.join(fields)} must have shapes that fit together: {wanted}; got {got}")
    return sizes


def _shape_or_ragged(value: Any) -> str:
    try:
        return str(np.shape(value))
    except ValueError:
        return "(ragged)"
