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

Figures are made for every screen:

* **Sharp at any zoom.** :func:`figure` returns a :class:`CourseFigure`, which shows
  itself in Jupyter (and in the book) as SVG, a vector image; the inline backend's
  PNG is kept beside it for the PDF handout, whose builder takes no SVG.
* **Readable on a phone.** A row of panels (``figure(1, 2)``) is laid out as a
  column, one panel under the other, each as wide as a single figure
  (:data:`COLUMN_WIDTH_IN`); side by side, each panel of a 10-inch figure would be
  170 px wide on a 390 px phone. The book links every figure to its full-size
  image, so a tap opens it at its natural size.
* **Dark mode.** In the book's dark mode a figure is shown through the CSS filter
  :data:`DARK_MODE_FILTER` (``_static/legday-site.css``): the white background turns
  near-black and black text near-white, while hues are kept; every Okabe-Ito colour
  keeps at least the contrast it has on white (``tests/test_plotting.py``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import io

import matplotlib as mpl
import matplotlib.pyplot as plt
from matplotlib.axes import Axes
from matplotlib.collections import Collection
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D

__all__ = [
    "COLUMN_WIDTH_IN",
    "DARK_MODE_FILTER",
    "SVG_MAX_BYTES",
    "RASTER_DPI",
    "CourseFigure",
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

#: Width (inches) of a one-panel figure, and of each panel of a row laid out as a column.
COLUMN_WIDTH_IN = 7.0

#: The CSS filter that shows a (white) figure in the book's dark mode; the same value is
#: in ``_static/legday-site.css``. ``invert`` turns white to near-black and black to
#: near-white, ``hue-rotate(180deg)`` turns the inverted hues back.
DARK_MODE_FILTER = "invert(0.9) hue-rotate(180deg)"

#: Largest SVG (bytes) drawn all in vectors; a heavier figure has its data layers rasterized.
SVG_MAX_BYTES = 300_000
#: Resolution (dots per inch) of the rasterized data layers of a heavy figure.
RASTER_DPI = 200

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


class CourseFigure(Figure):
    """A matplotlib figure that shows itself as SVG in Jupyter and in the book.

    IPython asks an object for its rich forms through ``_repr_mimebundle_``; this one
    answers with ``image/svg+xml`` (a vector image, sharp at any zoom), and the inline
    backend adds its usual ``image/png`` beside it (used by the PDF handout). Nothing
    global is changed: only figures made by :func:`figure` behave this way.
    """

    def _repr_mimebundle_(self, include: Any = None, exclude: Any = None) -> dict[str, str]:
        return {"image/svg+xml": self.svg()}

    def svg(self) -> str:
        """The figure as SVG text (no date, so the same figure gives the same file).

        A figure whose SVG would exceed :data:`SVG_MAX_BYTES` (thousands of scatter
        points, a fine mesh) is drawn again with its data layers (collections, images,
        lines of more than 1,000 points) rasterized at :data:`RASTER_DPI`; axes, labels
        and legends stay vector.
        """
        text = self._svg_text()
        if len(text.encode("utf-8")) <= SVG_MAX_BYTES:
            return text
        heavy = [
            artist
            for ax in self.axes
            for artist in ax.get_children()
            if isinstance(artist, (Collection, AxesImage))
            or (isinstance(artist, Line2D) and len(artist.get_xdata()) > 1000)
        ]
        was = [artist.get_rasterized() for artist in heavy]
        try:
            for artist in heavy:
                artist.set_rasterized(True)
            return self._svg_text(dpi=RASTER_DPI)
        finally:
            for artist, before in zip(heavy, was):
                artist.set_rasterized(before)

    def _svg_text(self, **kwargs: Any) -> str:
        buffer = io.StringIO()
        with plt.rc_context({"svg.hashsalt": "legday"}):  # stable ids: the same figure, the same file
            self.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None}, **kwargs)
        return buffer.getvalue()


# matplotlib gives every Artist subclass its own generated ``set`` method; this class adds no
# property, so it keeps Figure's (and the API page does not document a copy of matplotlib's).
del CourseFigure.set


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
        Grid of axes, as in :func:`matplotlib.pyplot.subplots`. A single row of
        several panels (``nrows=1, ncols>1``) is laid out as a column instead, one
        panel under the other, so that each panel reads on a phone; the axes are
        returned in the same order (left to right becomes top to bottom).
    width, height
        Figure size in inches; by default 7 x 4.2 per row of one panel,
        growing with the number of rows. For a row laid out as a column,
        ``width`` and ``height`` describe the row as asked for; the column is
        :data:`COLUMN_WIDTH_IN` wide (or ``width``, if narrower) and each panel
        ``0.85 * height`` high.
    **subplot_kw
        Passed on to :func:`matplotlib.pyplot.subplots` (``sharex`` ...).

    Returns
    -------
    (Figure, Axes or array of Axes)
    """
    for name, value in (("nrows", nrows), ("ncols", ncols)):
        if not isinstance(value, int) or isinstance(value, bool) or value < 1:
            raise ValueError(f"{name} must be a whole number >= 1; got {value!r}")
    w = width if width is not None else COLUMN_WIDTH_IN
    h = height if height is not None else (4.2 if nrows == 1 else 3.0 * nrows)
    if w <= 0 or h <= 0:
        raise ValueError(f"width and height must be > 0 inches; got {w!r} x {h!r}")
    if nrows == 1 and ncols > 1:  # a row of panels reads on a phone only as a column
        nrows, ncols = ncols, 1
        w, h = min(w, COLUMN_WIDTH_IN), 0.85 * h * nrows
    with style():
        fig, axes = plt.subplots(
            nrows, ncols, figsize=(w, h), layout="constrained", FigureClass=CourseFigure, **subplot_kw
        )
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
