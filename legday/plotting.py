"""The course's one plotting style.

Every figure in the book goes through these helpers so that all chapters share
a colour-blind-safe palette (Okabe & Ito's eight colours), readable type and
axes whose labels always carry a unit.

Typical use in a chapter::

    from legday import plotting
    fig, ax = plotting.figure()
    ax.plot(x, y, color=plotting.color("legs"), label="leg session")
    plotting.label(ax, x="Body mass", x_unit="kg", y="Energy", y_unit="kcal")
    plotting.finish(fig, ax)

The style is applied through :func:`figure` (a :func:`matplotlib.pyplot.rc_context`
around figure creation plus explicit settings on the axes), so importing this
module changes no global state.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.figure import Figure

__all__ = [
    "OKABE_ITO",
    "ROLE_COLORS",
    "RC_PARAMS",
    "color",
    "colors",
    "style",
    "figure",
    "label",
    "finish",
    "sequential_cmap",
    "diverging_cmap",
]

#: Okabe & Ito's colour-blind-safe palette (hex), in their recommended order.
OKABE_ITO: dict[str, str] = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky blue": "#56B4E9",
    "bluish green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish purple": "#CC79A7",
}

#: Fixed colours for the things the course compares again and again, so that
#: "legs" is the same colour in every chapter.
ROLE_COLORS: dict[str, str] = {
    "legs": OKABE_ITO["vermillion"],
    "lower body": OKABE_ITO["vermillion"],
    "upper body": OKABE_ITO["blue"],
    "arms": OKABE_ITO["sky blue"],
    "whole body": OKABE_ITO["bluish green"],
    "model": OKABE_ITO["black"],
    "data": OKABE_ITO["orange"],
    "alternative": OKABE_ITO["reddish purple"],
    "reference": "#666666",
}

_CYCLE: tuple[str, ...] = (
    OKABE_ITO["blue"],
    OKABE_ITO["vermillion"],
    OKABE_ITO["bluish green"],
    OKABE_ITO["orange"],
    OKABE_ITO["reddish purple"],
    OKABE_ITO["sky blue"],
    OKABE_ITO["black"],
    OKABE_ITO["yellow"],
)

#: Matplotlib settings of the course style (used inside :func:`style`).
RC_PARAMS: dict[str, Any] = {
    "figure.figsize": (7.0, 4.2),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "savefig.bbox": "tight",
    "font.size": 11,
    "axes.titlesize": 12,
    "axes.labelsize": 11,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "grid.linewidth": 0.6,
    "lines.linewidth": 2.0,
    "legend.frameon": False,
    "axes.prop_cycle": mpl.cycler(color=list(_CYCLE)),
    "image.cmap": "viridis",
}


def color(role: str) -> str:
    """Return the hex colour of a role (``"legs"``, ``"upper body"`` ...) or a palette name.

    Raises
    ------
    ValueError
        If ``role`` is neither a role in :data:`ROLE_COLORS` nor a colour in
        :data:`OKABE_ITO`.
    """
    key = role.strip().lower() if isinstance(role, str) else role
    if key in ROLE_COLORS:
        return ROLE_COLORS[key]
    if key in OKABE_ITO:
        return OKABE_ITO[key]
    allowed = sorted(set(ROLE_COLORS) | set(OKABE_ITO))
    raise ValueError(f"role must be one of {', '.join(repr(a) for a in allowed)}; got {role!r}")


def colors(n: int) -> list[str]:
    """Return ``n`` distinct palette colours (at most eight)."""
    if not isinstance(n, int) or isinstance(n, bool) or not 1 <= n <= len(_CYCLE):
        raise ValueError(f"n must be a whole number from 1 to {len(_CYCLE)}; got {n!r}")
    return list(_CYCLE[:n])


@contextmanager
def style() -> Iterator[None]:
    """Context manager that applies the course style to figures made inside it."""
    with plt.rc_context(RC_PARAMS):
        yield


def figure(
    nrows: int = 1,
    ncols: int = 1,
    *,
    width: float | None = None,
    height: float | None = None,
    **subplot_kw: Any,
) -> tuple[Figure, Any]:
    """Create a figure and axes in the course style.

    Parameters
    ----------
    nrows, ncols
        Grid of axes, as in :func:`matplotlib.pyplot.subplots`.
    width, height
        Figure size in inches; by default 7 x 4.2 per row of one panel,
        growing with the number of rows.
    **subplot_kw
        Passed on to :func:`matplotlib.pyplot.subplots` (``sharex`` ...).

    Returns
    -------
    (Figure, Axes or array of Axes)
    """
    for name, value in (("nrows", nrows), ("ncols", ncols)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{name} must be a whole number >= 1; got {value!r}")
    w = width if width is not None else 7.0
    h = height if height is not None else (4.2 if nrows == 1 else 3.0 * nrows)
    if w <= 0 or h <= 0:
        raise ValueError(f"width and height must be > 0 inches; got {w!r} x {h!r}")
    with style():
        fig, axes = plt.subplots(nrows, ncols, figsize=(w, h), layout="constrained", **subplot_kw)
        for ax in fig.axes:
            ax.grid(True, alpha=RC_PARAMS["grid.alpha"], linewidth=RC_PARAMS["grid.linewidth"])
            ax.spines["top"].set_visible(False)
            ax.spines["right"].set_visible(False)
            ax.set_prop_cycle(RC_PARAMS["axes.prop_cycle"])
    return fig, axes


def _with_unit(text: str, unit: str | None) -> str:
    return f"{text} ({unit})" if unit else text


def label(
    ax: Axes,
    *,
    x: str,
    y: str,
    x_unit: str | None,
    y_unit: str | None,
    title: str | None = None,
) -> Axes:
    """Label both axes, always stating a unit.

    ``x_unit`` and ``y_unit`` are required keywords; pass ``"dimensionless"``
    or a word such as ``"ratio"`` explicitly when a quantity has no unit, so
    that a missing unit is a decision and never an accident. ``None`` is only
    accepted for categorical axes (muscle names, programmes ...).
    """
    if not x or not y:
        raise ValueError("x and y labels must be non-empty strings")
    ax.set_xlabel(_with_unit(x, x_unit))
    ax.set_ylabel(_with_unit(y, y_unit))
    if title:
        ax.set_title(title)
    return ax


def finish(fig: Figure, axes: Axes | Sequence[Axes] | Any = None, *, legend: bool = True) -> Figure:
    """Add legends where there are labelled artists and return the figure.

    End a notebook cell with ``plt.show()`` after this (or make the figure the
    cell's last expression) so the cell's text output stays deterministic.
    """
    if legend:
        for ax in fig.axes:
            handles, labels = ax.get_legend_handles_labels()
            if handles and ax.get_legend() is None:
                ax.legend()
    return fig


def sequential_cmap() -> str:
    """The colormap for ordered values (heatmaps): perceptually uniform and colour-blind safe."""
    return "viridis"


def diverging_cmap() -> str:
    """The colormap for values around zero (differences): colour-blind safe."""
    return "PuOr"
