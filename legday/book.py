"""Small helpers that let the same notebook run in the book and anywhere else.

:func:`glue` stores a number for the book's prose (``{glue:text}`name:.0f```)
through MyST-NB when it is installed (local installs, Binder, the book build).
On a runtime without MyST-NB (a fresh Colab session) it prints the value
instead, so a learner still sees every number the prose quotes.
"""

from __future__ import annotations

from typing import Any

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
    """Return a plain Python number for NumPy scalars (so the book formats it cleanly)."""
    item = getattr(value, "item", None)
    if callable(item) and getattr(value, "ndim", None) == 0:
        return item()
    return value


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
    """
    key = _check_key(name)
    plain = glued_value(value)
    try:
        from myst_nb import glue as _myst_glue
    except ImportError:  # pragma: no cover - exercised only outside the book's environment
        print(f"{key} = {plain!r}")
    else:
        _myst_glue(key, plain, display=False)
    return plain
