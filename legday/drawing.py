"""Figures of the models' results, drawn on a Matplotlib axes in the course style.

The model modules compute and never draw; the few figure helpers that more than
one page uses live here and take the axes to draw on:

- :func:`readiness_heatmap`: an evaluation's readiness, muscle x day
  (:class:`legday.assessment.Evaluation`), with trained and flagged cells marked.

The style itself (palette, labels with units) is :mod:`legday.plotting`.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from legday import _checks
from legday._checks import flag
from legday.assessment import Evaluation
from legday.program import DAYS
from legday.volume import MUSCLES

__all__ = [
    "readiness_heatmap",
]



# ---------------------------------------------------------------------------
# Figure helper
# ---------------------------------------------------------------------------


def readiness_heatmap(ax: Any, evaluation: Evaluation, *, title: str | None = None, colorbar: bool = True) -> Any:
    """Draw an evaluation's readiness (muscle x day) on ``ax``; mark trained and flagged cells.

    A dot marks a muscle trained directly that day; a cross marks a flag
    (trained directly below the readiness threshold). Returns the image.

    Parameters
    ----------
    ax
        A Matplotlib ``Axes`` (e.g. from :func:`legday.plotting.figure`).
    evaluation
        An :class:`~legday.assessment.Evaluation` from :func:`~legday.assessment.evaluate`.
    title
        Panel title: a non-empty string, or ``None`` for none.
    colorbar
        Whether to add a colour bar (``True`` or ``False``).

    Raises
    ------
    ValueError
        If an argument is not of the kind described.
    """
    from matplotlib.axes import Axes

    from legday import plotting

    if not isinstance(ax, Axes):
        raise ValueError(f"ax must be a Matplotlib Axes (for example plotting.figure()[1]); got {_checks._short(ax)}")
    if not isinstance(evaluation, Evaluation):
        raise ValueError(f"evaluation must be an Evaluation (from assessment.evaluate); got {_checks._short(evaluation)}")
    if title is not None and (not isinstance(title, str) or not title.strip()):
        raise ValueError(f"title must be a non-empty string or None; got {_checks._short(title)}")
    colorbar = flag("colorbar", colorbar)

    image = ax.imshow(evaluation.readiness, cmap=plotting.sequential_cmap(), vmin=0.0, vmax=1.0, aspect="auto")
    ax.set_xticks(range(len(DAYS)), DAYS)
    ax.set_yticks(range(len(MUSCLES)), MUSCLES)
    ax.grid(False)
    m_idx, d_idx = np.nonzero(evaluation.direct_sets > 0)
    flagged = {(MUSCLES.index(f.muscle), DAYS.index(f.day)) for f in evaluation.flags}
    ok = [(m, d) for m, d in zip(m_idx, d_idx) if (m, d) not in flagged]
    if ok:
        ax.scatter([d for _, d in ok], [m for m, _ in ok], s=28, c="white", edgecolors="black",
                   linewidths=0.8, label="trained, ready")
    if flagged:
        ax.scatter([d for _, d in flagged], [m for m, _ in flagged], s=60, marker="X", c="white",
                   edgecolors="black", linewidths=0.8, label="trained, not ready")
    if title is not None:
        ax.set_title(title)
    if colorbar:
        ax.figure.colorbar(image, ax=ax, label="readiness (0-1)")
    return image
