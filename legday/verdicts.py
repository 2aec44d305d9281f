"""The course's verdicts, formatted for every page and figure that shows one.

Each claim's verdict and its one-line detail live in :data:`legday.reference.CLAIMS`
(and :data:`legday.reference.CAPSTONE` for chapter 7). A detail may hold ``{name}``
placeholders for model results; this module computes them from the models, so a
number inside a verdict is never typed. It is a module of its own because the
models import :mod:`legday.reference`, and the reference module must not import
the models back.

The chapters glue the verdict (``chNN-verdict``) and its detail
(``chNN-verdict-detail``) with :func:`glue_verdict`; the cover figure
(:mod:`legday.figures`) and the tests read :func:`verdict_line`.
"""

from __future__ import annotations

from typing import Any

from legday import energy
from legday.reference import CAPSTONE, CLAIMS, Claim

__all__ = ["claim", "detail_values", "verdict_detail", "verdict_line", "glue_verdict"]

#: Body mass (kg) and session length (min) of chapter 4's example lifter.
_CHAPTER4_LIFTER_KG = 80.0
_CHAPTER4_SESSION_MIN = 60.0


def claim(number: int) -> Claim:
    """The claim of chapter ``number`` (1-6: the post's six claims, 7: the capstone's rule).

    Raises
    ------
    ValueError
        If ``number`` is not a whole number from 1 to 7.
    """
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= len(CLAIMS) + 1:
        raise ValueError(f"claim number must be a whole number from 1 to {len(CLAIMS) + 1}; got {number!r}")
    return CAPSTONE if number == CAPSTONE.number else CLAIMS[number - 1]


def detail_values(number: int) -> dict[str, float]:
    """The model results a claim's verdict detail quotes, by placeholder name.

    Claim 4 quotes ``leg_minus_upper_kcal_per_h``: the extra energy (kcal) of a
    60-minute leg session over an upper-body one for an 80 kg lifter, from
    :func:`legday.energy.leg_minus_upper_kcal` (a Compendium-code assumption).
    """
    claim(number)
    if number == 4:
        return {"leg_minus_upper_kcal_per_h": float(energy.leg_minus_upper_kcal(
            _CHAPTER4_LIFTER_KG, _CHAPTER4_SESSION_MIN))}
    return {}


def verdict_detail(number: int) -> str:
    """The one-line detail of a claim's verdict, its numbers computed by the models."""
    return claim(number).verdict_detail.format(**detail_values(number))


def verdict_line(number: int) -> str:
    """Verdict and detail in one line, e.g. ``"contested: the better-controlled evidence is negative"``."""
    return f"{claim(number).verdict}: {verdict_detail(number)}"


def glue_verdict(number: int) -> dict[str, Any]:
    """Glue a chapter's verdict for its prose and return the glued values.

    Keys ``chNN-verdict`` (one of the four levels) and ``chNN-verdict-detail``,
    where ``NN`` is the two-digit chapter number: pages write
    ``{glue:text}`ch04-verdict``` instead of typing the verdict.
    """
    from legday.book import glue

    verdict = claim(number).verdict  # checks number before it is formatted into the keys
    key = f"ch{number:02d}"
    values = {f"{key}-verdict": verdict, f"{key}-verdict-detail": verdict_detail(number)}
    for name, value in values.items():
        glue(name, value)
    return values
