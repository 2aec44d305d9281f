"""Small helpers that let the same notebook run in the book and anywhere else.

:func:`glue` stores a number for the book's prose (``{glue:text}`name:.0f```)
through MyST-NB when it is installed (local installs, Binder, the book build).
On a runtime without MyST-NB (a fresh Colab session) it prints the value
instead, so a learner still sees every number the prose quotes.
"""

from __future__ import annotations

import numbers
from typing import Any

import numpy as np

from legday._checks import argument

__all__ = ["glue", "glued_value"]

#: Keys must look like this so that ``{glue:text}`` roles can refer to them.
_ALLOWED_KEY_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789_-")


def _check_key(name: Any) -> str:
    if not isinstance(name, str) or not name or not set(name) <= _ALLOWED_KEY_CHARS:
        raise ValueError(
            "glue name must be a non-empty string of lower-case letters, digits, '_' or '-'; "
            f"got {name!r}"
        )
    return name


def glued_value(value: Any) -> Any:
    """Return a plain Python number for NumPy scalars (so the book formats it cleanly).

    Raises
    ------
    ValueError
        If ``value`` is a number, or an array of numbers, that is NaN or infinite:
        the prose would print "nan" or "inf" where a reader expects a number.
    """
    item = getattr(value, "item", None)
    if callable(item) and getattr(value, "ndim", None) == 0:
        value = item()
    _refuse_non_finite(value)
    return value


def _refuse_non_finite(value: Any) -> None:
    if isinstance(value, bool):
        return
    if isinstance(value, (list, tuple)):
        for item in value:
            _refuse_non_finite(item)
        return
    if isinstance(value, numbers.Real):
        finite = np.isfinite(float(value))
    elif isinstance(value, np.ndarray) and value.dtype.kind in "fc":
        finite = bool(np.all(np.isfinite(value)))
    elif isinstance(value, numbers.Complex):
        finite = np.isfinite(complex(value))
    else:
        return  # text, figures and other objects: nothing to check
    if not finite:
        raise ValueError(
            f"value must be finite to be quoted in the prose (no NaN or infinity: the page would print it); "
            f"got {value!r}"[:200]
        )


def glue(name: str, value: Any) -> Any:
    """Make ``value`` available to the prose under ``name`` and return it.

    Parameters
    ----------
    name
        The key used in ``{glue:text}`` roles: lower case, digits, ``_``, ``-``.
    value
        Usually a number; NumPy scalars are converted to Python numbers.

    Returns
    -------
    object
        The (converted) value, so a cell can both glue and use it.

    Raises
    ------
    ValueError
        If ``name`` is not a valid key, or ``value`` is NaN or infinite (the
        message names the glue key, so the cell that computed it is easy to find).
    """
    key = _check_key(name)
    with argument(f"glue {key!r}"):
        plain = glued_value(value)
    try:
        from myst_nb import glue as _myst_glue
    except ImportError:  # pragma: no cover - exercised only outside the book's environment
        print(f"{key} = {plain!r}")
    else:
        _myst_glue(key, plain, display=False)
    return plain
