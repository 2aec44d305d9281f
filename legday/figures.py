"""The course's static images, regenerated from code.

``figures/`` holds the few images the README and the intro page use. They are
never edited by hand; regenerate all of them from the repository root with::

    python -m legday.figures

Each image is drawn from :mod:`legday` data (the claims and verdicts in
:data:`legday.reference.CLAIMS`, formatted by :mod:`legday.verdicts`) in the course
style of :mod:`legday.plotting`. The cover's alt text comes from
:func:`cover_alt_text`; the pages that show the cover use it verbatim (a test checks).
"""

from __future__ import annotations

import argparse
import os
import textwrap
from collections.abc import Callable
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import FancyBboxPatch  # noqa: E402

from legday import plotting  # noqa: E402
from legday import verdicts  # noqa: E402
from legday.reference import CLAIMS  # noqa: E402

__all__ = ["VERDICT_COLORS", "cover", "cover_alt_text", "FIGURES", "write_all", "main"]

#: One colour per verdict, from the colour-blind-safe palette.
VERDICT_COLORS: dict[str, str] = {
    "supported": plotting.OKABE_ITO["bluish green"],
    "partly supported": plotting.OKABE_ITO["sky blue"],
    "contested": plotting.OKABE_ITO["orange"],
    "unsupported": plotting.OKABE_ITO["vermillion"],
}


def cover() -> Figure:
    """Draw the cover: the six claims of the source post, each coloured by its verdict."""
    with plotting.style():
        fig = plt.figure(figsize=(9.0, 4.6))
        ax = fig.add_axes((0, 0, 1, 1))
        ax.set_xlim(0, 3)
        ax.set_ylim(0, 2.35)
        ax.axis("off")
        ax.text(0.06, 2.2, "Leg Day", fontsize=26, fontweight="bold", va="center")
        ax.text(0.06, 2.03, "six reasons to train legs, modelled and checked against the research",
                fontsize=12, va="center", color="#333333")
        for i, claim in enumerate(CLAIMS):
            col, row = i % 3, i // 3
            x0, y0 = 0.06 + col * 0.98, 1.0 - row * 0.98
            colour = VERDICT_COLORS[claim.verdict]
            box = FancyBboxPatch((x0, y0), 0.9, 0.86, boxstyle="round,pad=0.0,rounding_size=0.05",
                                 facecolor=colour, edgecolor="none", alpha=0.25)
            ax.add_patch(box)
            ax.add_patch(FancyBboxPatch((x0, y0 + 0.76), 0.9, 0.1,
                                        boxstyle="round,pad=0.0,rounding_size=0.03",
                                        facecolor=colour, edgecolor="none"))
            ax.text(x0 + 0.05, y0 + 0.64, f"{claim.number}. {claim.short}", fontsize=13,
                    fontweight="bold", va="center")
            ax.text(x0 + 0.05, y0 + 0.57, textwrap.fill(claim.claim, 36), fontsize=9.5,
                    va="top", color="#222222")
            ax.text(x0 + 0.05, y0 + 0.31, textwrap.fill(f"Verdict: {verdicts.verdict_line(claim.number)}", 40, break_on_hyphens=False),
                    fontsize=8.5, va="top", style="italic", color="#111111")
    return fig


def cover_alt_text() -> str:
    """The cover's alt text: every claim with its verdict, from :data:`legday.reference.CLAIMS`."""
    panels = "; ".join(f"{c.number}, {c.short.lower()}: {c.verdict}" for c in CLAIMS)
    return ("Cover of the course. Six panels, one per claim of the source post, each coloured by the "
            f"course's verdict and giving the verdict's one-line detail. {panels}.")


#: Every static image, as file name in ``figures/`` -> function that draws it.
FIGURES: dict[str, Callable[[], Figure]] = {"cover.png": cover}


def _usable_folder(folder: object) -> Path:
    """``folder`` as a Path to an existing, writable folder (created if missing), or a ValueError naming it."""
    if not isinstance(folder, (str, os.PathLike)) or isinstance(folder, bytes):
        raise ValueError(f"folder must be a folder path (a str or a Path); got {folder!r}")
    if str(folder).strip() == "":
        raise ValueError("folder must name a folder; got '' (write '.' for the current folder)")
    out = Path(folder)
    if out.exists() and not out.is_dir():
        raise ValueError(f"folder must be a folder, not a file; got {str(folder)!r}, which is a file")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise ValueError(f"folder {str(folder)!r} cannot be created: {err.strerror or err}") from None
    if not os.access(out, os.W_OK | os.X_OK):
        raise ValueError(f"folder {str(folder)!r} is not writable")
    return out


def write_all(folder: Path | str = "figures") -> list[Path]:
    """Draw every image in :data:`FIGURES` into ``folder`` and return the paths written.

    Parameters
    ----------
    folder
        The folder to write into, created if missing (default ``figures``,
        relative to the current folder; ``"."`` for the current folder itself).

    Returns
    -------
    list of Path
        One path per image, in the order of :data:`FIGURES`.

    Raises
    ------
    ValueError
        If ``folder`` is not a path, is ``""``, is an existing file, or cannot be
        created or written to.
    """
    out = _usable_folder(folder)
    written = []
    for name, draw in FIGURES.items():
        fig = draw()
        path = out / name
        # Fixed metadata keeps the PNG bytes identical from run to run.
        try:
            fig.savefig(path, dpi=100, metadata={"Software": None})
        except OSError as err:
            raise ValueError(f"folder {str(folder)!r}: {name} cannot be written: {err.strerror or err}") from None
        finally:
            plt.close(fig)
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> None:
    """Command-line entry point: ``python -m legday.figures [--out figures]``.

    As any command-line tool, it reports a bad command line (an unknown option,
    or an ``--out`` folder :func:`write_all` refuses) with a usage message on
    standard error and exits with status 2 (``SystemExit(2)``), argparse's
    convention, instead of a traceback.
    """
    parser = argparse.ArgumentParser(prog="python -m legday.figures", description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="figures", help="folder to write into (default: figures)")
    args = parser.parse_args(argv)
    try:
        written = write_all(args.out)
    except ValueError as err:
        parser.error(f"--out: {err}")
    for path in written:
        print(f"wrote {path}")


if __name__ == "__main__":
    main()
