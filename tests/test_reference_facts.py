"""Facts of legday.reference that the December 2026 audit corrected, each tested the way that would
have caught the old error (findings #1 and #29).

- Janssen 2000's sex gaps, read with the unit the course states, must fit the paper's own totals
  (33.0 kg in men, 21.0 kg in women); the old reading, "fraction more in men", cannot.
- An assumption of the course is never credited to a paper: source ``COURSE``, the paper that
  motivated it in ``related``; the API page shows it as a "course assumption".
"""

from __future__ import annotations

from pathlib import Path

import pytest

from legday import anatomy
from legday import reference as ref

ROOT = Path(__file__).resolve().parents[1]


def women_total_range_kg(unit: str, gap_upper: float, gap_lower: float, men_kg: float) -> tuple[float, float]:
    """Women's whole-body muscle (kg) that the sex gaps allow, over every upper/lower split of the men's.

    ``unit`` is the unit string of the gaps: "fraction less in women" (women = (1 - gap) x men,
    per region) or "fraction more in men" (men = (1 + gap) x women). The total is linear in the
    split, so its extremes are the all-upper and all-lower splits.
    """
    if unit == "fraction less in women":
        ends = (men_kg * (1 - gap_upper), men_kg * (1 - gap_lower))
    elif unit == "fraction more in men":
        ends = (men_kg / (1 + gap_upper), men_kg / (1 + gap_lower))
    else:
        raise ValueError(f"unknown unit for a sex gap: {unit!r}")
    return min(ends), max(ends)


def _fits_janssen(unit: str) -> bool:
    low, high = women_total_range_kg(unit, float(ref.SEX_GAP_UPPER_BODY), float(ref.SEX_GAP_LOWER_BODY),
                                     float(ref.SKELETAL_MUSCLE_KG["male"]))
    return low <= float(ref.SKELETAL_MUSCLE_KG["female"]) <= high


def test_janssen_sex_gaps_fit_the_papers_totals() -> None:
    assert ref.SKELETAL_MUSCLE_KG["male"].value == 33.0 and ref.SKELETAL_MUSCLE_KG["female"].value == 21.0
    assert ref.SEX_GAP_UPPER_BODY.unit == ref.SEX_GAP_LOWER_BODY.unit
    assert _fits_janssen(ref.SEX_GAP_UPPER_BODY.unit), (
        f"read as {ref.SEX_GAP_UPPER_BODY.unit!r}, Janssen's 40 %/33 % cannot give 33.0 vs 21.0 kg"
    )


def test_the_old_reading_is_caught() -> None:
    """The specimen: the course's reading before the audit ("men have 40 % / 33 % more")."""
    assert not _fits_janssen("fraction more in men")
    low, _ = women_total_range_kg("fraction more in men", 0.40, 0.33, 33.0)
    assert low == pytest.approx(23.57, abs=0.01)


def test_lower_body_share_from_sex_gaps() -> None:
    share = anatomy.lower_body_share_from_sex_gaps()
    assert share["male"] == pytest.approx(0.519, abs=0.001)
    assert share["female"] == pytest.approx(0.547, abs=0.001)
    # The men-have-more reading, converted to "less in women", has no split at all.
    with pytest.raises(ValueError, match="no split"):
        anatomy.lower_body_share_from_sex_gaps(gap_upper=1 - 1 / 1.40, gap_lower=1 - 1 / 1.33)
    for bad in ({"gap_upper": 0.3, "gap_lower": 0.3}, {"male_kg": -1.0}, {"gap_lower": 1.5},
                {"female_kg": float("nan")}):
        with pytest.raises(ValueError):
            anatomy.lower_body_share_from_sex_gaps(**bad)


def _cited_values():
    def walk(name, value):
        if isinstance(value, ref.Cited):
            yield name, value
        elif isinstance(value, dict):
            for k, v in value.items():
                yield from walk(f"{name}[{k!r}]", v)
        elif isinstance(value, (list, tuple)):
            for i, v in enumerate(value):
                yield from walk(f"{name}[{i}]", v)

    for name in dir(ref):
        if not name.startswith("_"):
            yield from walk(name, getattr(ref, name))


def test_no_assumption_carries_a_papers_key() -> None:
    values = list(_cited_values())
    assumptions = [(n, v) for n, v in values if v.confidence == "assumption"]
    assert len(assumptions) > 30
    bad = [f"{n}: {v.source}" for n, v in assumptions if v.source != ref.COURSE]
    assert not bad, f"assumptions credited to a paper (use source=COURSE, related=key): {bad}"
    misused = [n for n, v in values if v.source == ref.COURSE and v.confidence != "assumption"]
    assert not misused, f"only an assumption may have the course as its source: {misused}"


def test_an_assumption_with_a_papers_key_is_refused() -> None:
    with pytest.raises(ValueError, match="assumption must have source"):
        ref.Cited(0.10, "fraction of upper-body muscle", "janssen2000", "assumption", "illustrative")
    with pytest.raises(ValueError):
        ref.Cited(33.0, "kg", ref.COURSE, "confirmed")


def test_api_page_shows_a_course_assumption_not_a_key() -> None:
    import api_docs  # _ext/ is on pytest's pythonpath

    share = ref.UPPER_BODY_GROUP_SHARE["chest"]
    text = api_docs._describe(share, ref.Cited)
    assert "*course assumption*" in text and "related reading ``janssen2000``" in text
    assert "source ``" not in text
    confirmed = api_docs._describe(ref.SKELETAL_MUSCLE_KG["male"], ref.Cited)
    assert "source ``janssen2000``" in confirmed and "course assumption" not in confirmed
