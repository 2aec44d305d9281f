"""The course's one plotting style.

Every figure in the book goes through these helpers so that all chapters share
a colour-blind-safe palette (Okabe & Ito's eight colours), readable type and
axes whose labels always carry a unit.

Typical use in a chapter::

    from legday import plotting
    plotting.use_style()  # once, in the setup cell
    fig, ax = plotting.figure()
    ax.plot(x, y, color=plotting.color("legs"), label="leg session")
    plotting.label(ax, x="Body mass", x_unit="kg", y="Energy", y_unit="kcal")
    plotting.finish(fig, ax)

The style is a Matplotlib style sheet shipped with the package
(``legday/styles/legday.mplstyle``). The setup cell of each chapter applies it once,
for every figure made afterwards::

    plotting.use_style()

Importing this module changes no global state; :func:`use_style` does, on purpose (it is
:func:`matplotlib.style.use`). The sheet is also a named Matplotlib style, so outside
the course ``plt.style.use("legday.styles.legday")`` gives the same look. The figure
pack (``tools/figure_pack.py``) layers ``projector.mplstyle`` (larger type, bolder
lines) on top: ``plotting.use_style("projector")``.

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

from collections.abc import Sequence
from contextlib import AbstractContextManager
from typing import Any

import io
from pathlib import Path

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.axes import Axes
from matplotlib.collections import Collection
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D

from legday import _checks

__all__ = [
    "COLUMN_WIDTH_IN",
    "DARK_MODE_FILTER",
    "SVG_MAX_BYTES",
    "RASTER_DPI",
    "CourseFigure",
    "OKABE_ITO",
    "ROLE_COLORS",
    "STYLES",
    "MAX_PANELS",
    "MAX_FIGURE_IN",
    "style_sheet",
    "use_style",
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
#: Fewest SVG bytes one element of a data layer takes (a mesh cell, a marker, a segment: 50 or
#: more) and one point of a line (12 or more), so a figure sure to exceed :data:`SVG_MAX_BYTES`
#: is rasterized without drawing its vector SVG first (a 141 x 131 mesh: 3.5 MB, 1.4 s, thrown away).
SVG_MIN_BYTES_PER_ELEMENT = 50
SVG_MIN_BYTES_PER_LINE_POINT = 12

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

#: The colour cycle of the course style, in order (``axes.prop_cycle`` of the style sheet).
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

_STYLE_DIR = Path(__file__).resolve().parent / "styles"

#: The course's style sheets (``legday/styles/<name>.mplstyle``): ``"legday"``, the book's
#: style, and ``"projector"``, larger type and lines layered on top of it for the figure pack.
STYLES: tuple[str, ...] = ("legday", "projector")

#: Most panels (``nrows * ncols``) in one figure: more are unreadable on a page or a slide,
#: and Matplotlib's constrained layout takes seconds per figure beyond a few dozen.
MAX_PANELS = 16

#: Largest width or height of a figure, in inches. A page is 7 inches wide and a tall column
#: of panels is well under 100; far beyond, drawing takes seconds and Matplotlib's renderer
#: refuses an image of 2**16 pixels or more in either direction.
MAX_FIGURE_IN = 100.0


def style_sheet(name: str = "legday") -> Path:
    """Return the path of one of the course's style sheets.

    Parameters
    ----------
    name : str
        One of :data:`STYLES`.

    Returns
    -------
    pathlib.Path
        The ``.mplstyle`` file inside the installed package.

    Raises
    ------
    ValueError
        If ``name`` is not one of :data:`STYLES`.
    """
    return _STYLE_DIR / f"{_checks.choice('name', name, STYLES)}.mplstyle"


def _sheets(layers: tuple[str, ...]) -> list[Path]:
    for layer in layers:
        _checks.choice("layers", layer, STYLES)
    return [style_sheet("legday"), *(style_sheet(layer) for layer in layers if layer != "legday")]


def use_style(*layers: str) -> None:
    """Apply the course style to every figure made from now on (in a chapter's setup cell).

    The book's sheet (``legday.mplstyle``: Okabe-Ito colours, 2-point lines, legends
    without a frame, a light grid, no top or right spine) is applied with
    :func:`matplotlib.style.use`; each of ``layers`` is applied on top of it, in order.
    Settings that no sheet names are left as they are.

    Parameters
    ----------
    *layers : str
        Further sheets from :data:`STYLES`, e.g. ``"projector"`` for the figure pack.

    Raises
    ------
    ValueError
        If a layer is not one of :data:`STYLES`.
    """
    plt.style.use(_sheets(layers))


def color(role: str) -> str:
    """Return the hex colour of a role (``"legs"``, ``"upper body"`` ...) or a palette name.

    Raises
    ------
    ValueError
        If ``role`` is neither a role in :data:`ROLE_COLORS` nor a colour in
        :data:`OKABE_ITO`.
    """
    key = role.strip().lower() if isinstance(role, str) else None
    if key in ROLE_COLORS:
        return ROLE_COLORS[key]
    if key in OKABE_ITO:
        return OKABE_ITO[key]
    allowed = sorted(set(ROLE_COLORS) | set(OKABE_ITO))
    raise ValueError(f"role must be one of {', '.join(repr(a) for a in allowed)}; got {role!r}")


def colors(n: int) -> list[str]:
    """Return ``n`` distinct palette colours (at most eight), in the order of the style's cycle.

    Raises
    ------
    ValueError
        If ``n`` is not a whole number from 1 to 8.
    """
    try:
        n = _checks.whole_number("n", n, low=1, high=len(_CYCLE))
    except ValueError:
        raise ValueError(f"n must be a whole number from 1 to {len(_CYCLE)}; got {n!r}") from None
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
        if self._svg_bytes_at_least() <= SVG_MAX_BYTES:
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

    def _svg_bytes_at_least(self) -> int:
        """A lower bound on the size of this figure's all-vector SVG, from its data layers alone
        (see :data:`SVG_MIN_BYTES_PER_ELEMENT`): when it exceeds :data:`SVG_MAX_BYTES`, so would
        the SVG, and :meth:`svg` goes straight to the rasterized drawing it would end with."""
        total = 0
        for ax in self.axes:
            for artist in ax.get_children():
                if isinstance(artist, Line2D):
                    total += SVG_MIN_BYTES_PER_LINE_POINT * len(artist.get_xdata())
                elif isinstance(artist, Collection):
                    cells = artist.get_array()
                    elements = max(len(artist.get_paths()), len(artist.get_offsets()),
                                   0 if cells is None else int(np.size(cells)))
                    total += SVG_MIN_BYTES_PER_ELEMENT * elements
        return total

    def _svg_text(self, **kwargs: Any) -> str:
        buffer = io.StringIO()
        with plt.rc_context({"svg.hashsalt": "legday"}):  # stable ids: the same figure, the same file
            self.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None}, **kwargs)
        return buffer.getvalue()


# matplotlib gives every Artist subclass its own generated ``set`` method; this class adds no
# property, so it keeps Figure's (and the API page does not document a copy of matplotlib's).
del CourseFigure.set


def style(*layers: str) -> AbstractContextManager[None]:
    """Context manager: the course style (as :func:`use_style`) for what is drawn inside it only.

    For scripts that must leave Matplotlib's settings as they found them
    (``legday.figures``); a figure must be drawn and saved inside the block.
    The layers are checked when ``style(...)`` is called, before the block.

    Raises
    ------
    ValueError
        If a layer is not one of :data:`STYLES`.
    """
    return plt.style.context(_sheets(layers))


def _inches(name: str, value: Any) -> float:
    size = _checks.real_number(name, value, unit="inches")
    if not 0 < size <= MAX_FIGURE_IN:
        raise ValueError(
            f"{name} must be in the range (0, {MAX_FIGURE_IN:g}] inches (a page is 7 inches wide; far larger "
            f"figures take seconds to draw and Matplotlib refuses images of 2**16 pixels); got {size:g}"
        )
    return size


def figure(
    nrows: int = 1,
    ncols: int = 1,
    *,
    width: float | None = None,
    height: float | None = None,
    **subplot_kw: Any,
) -> tuple[CourseFigure, Any]:
    """Create a figure and axes laid out for the book.

    The look (colours, line widths, legends, grid) comes from the style sheet that
    :func:`use_style` applied; this function sets the size and layout, and returns a
    :class:`CourseFigure`, which shows itself as SVG.

    Parameters
    ----------
    nrows, ncols : int
        Grid of axes, as in :func:`matplotlib.pyplot.subplots`, at most
        :data:`MAX_PANELS` panels. A single row of several panels (``nrows=1, ncols>1``)
        is laid out as a column instead, one panel under the other, so that each panel
        reads on a phone; the axes are returned in the same order (left to right becomes
        top to bottom).
    width, height : float or None
        Figure size in inches, at most :data:`MAX_FIGURE_IN`; by default 7 x 4.2 per row
        of one panel, growing with the number of rows. For a row laid out as a column,
        ``width`` and ``height`` describe the row as asked for; the column is
        :data:`COLUMN_WIDTH_IN` wide (or ``width``, if narrower) and each panel
        ``0.85 * height`` high.
    **subplot_kw : dict
        Passed on to :func:`matplotlib.pyplot.subplots` (``sharex`` ...).

    Returns
    -------
    tuple
        The figure (a :class:`CourseFigure`) and its axes: one
        :class:`~matplotlib.axes.Axes`, or a NumPy array of them for a grid.

    Raises
    ------
    ValueError
        If ``nrows`` or ``ncols`` is not a whole number >= 1, the grid has more than
        :data:`MAX_PANELS` panels, or a size is not a number in (0, :data:`MAX_FIGURE_IN`]
        inches.
    """
    nrows = _checks.whole_number("nrows", nrows, low=1)
    ncols = _checks.whole_number("ncols", ncols, low=1)
    _checks.size_limit({"nrows": nrows, "ncols": ncols}, high=MAX_PANELS,
                       reason="more panels are unreadable on a page and slow to lay out")
    w = _inches("width", width) if width is not None else COLUMN_WIDTH_IN
    h = _inches("height", height) if height is not None else (4.2 if nrows == 1 else 3.0 * nrows)
    if nrows == 1 and ncols > 1:  # a row of panels reads on a phone only as a column
        nrows, ncols = ncols, 1
        w, h = min(w, COLUMN_WIDTH_IN), 0.85 * h * nrows
    if h > MAX_FIGURE_IN:
        raise ValueError(
            f"height x ncols must give a column at most {MAX_FIGURE_IN:g} inches tall (a row of panels is laid "
            f"out as a column, each panel 0.85 x height); got {nrows} panels x {h / nrows:g} = {h:g} inches"
        )
    fig, axes = plt.subplots(nrows, ncols, figsize=(w, h), layout="constrained", FigureClass=CourseFigure,
                             **subplot_kw)
    return fig, axes


def _with_unit(text: str, unit: str | None) -> str:
    return f"{text} ({unit})" if unit else text


def _text(name: str, value: Any, *, optional: bool) -> str | None:
    if value is None and optional:
        return None
    if isinstance(value, str) and value.strip():
        return value
    allowed = "a non-empty string or None" if optional else "a non-empty string"
    raise ValueError(f"{name} must be {allowed}; got {value!r}")


def _axes(name: str, value: Any) -> Axes:
    if isinstance(value, Axes):
        return value
    raise ValueError(f"{name} must be a matplotlib Axes (what plotting.figure() returns beside the figure); "
                     f"got {_checks._short(value)}")


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

    Parameters
    ----------
    ax : matplotlib.axes.Axes
        The axes to label.
    x, y : str
        What the axes show, e.g. ``"Body mass"``.
    x_unit, y_unit : str or None
        Their units, e.g. ``"kg"``, shown in brackets; ``None`` for a categorical axis.
    title : str or None
        The panel's title, if any.

    Returns
    -------
    matplotlib.axes.Axes
        ``ax``, labelled.

    Raises
    ------
    ValueError
        If ``ax`` is not an Axes, a label or unit is not a non-empty string, or a
        given title is empty.
    """
    ax = _axes("ax", ax)
    x, y = _text("x", x, optional=False), _text("y", y, optional=False)
    x_unit, y_unit = _text("x_unit", x_unit, optional=True), _text("y_unit", y_unit, optional=True)
    title = _text("title", title, optional=True)
    ax.set_xlabel(_with_unit(x, x_unit))
    ax.set_ylabel(_with_unit(y, y_unit))
    if title is not None:
        ax.set_title(title)
    return ax


def finish(fig: Figure, axes: Axes | Sequence[Axes] | Any = None, *, legend: bool = True) -> Figure:
    """Add legends where there are labelled artists and return the figure.

    End a notebook cell with ``plt.show()`` after this (or make the figure the
    cell's last expression) so the cell's text output stays deterministic.

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        The figure to finish; every axes of it without a legend gets one if it has
        labelled artists.
    axes : matplotlib.axes.Axes, sequence of Axes, or None
        The figure's axes, as :func:`figure` returned them (accepted for symmetry with
        :func:`figure`; every axes of ``fig`` is finished either way).
    legend : bool
        Whether to add the legends.

    Returns
    -------
    matplotlib.figure.Figure
        ``fig``.

    Raises
    ------
    ValueError
        If ``fig`` is not a figure, ``axes`` holds something that is not an Axes, or
        ``legend`` is not True or False.
    """
    if not isinstance(fig, Figure):
        raise ValueError(f"fig must be a matplotlib Figure (what plotting.figure() returns first); "
                         f"got {_checks._short(fig)}")
    if axes is not None:
        items = [axes] if isinstance(axes, Axes) else axes
        try:
            items = list(np.ravel(np.asarray(items, dtype=object)))
        except (TypeError, ValueError):
            items = [axes]
        for item in items:
            _axes("axes", item)
    if _checks.flag("legend", legend):
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
