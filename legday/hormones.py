"""Hormones and growth: a simulated cohort in which growth follows local volume, not hormone spikes.

- **The systemic stimulus of a week**: :func:`active_muscle_kg` (the muscle an
  exercise works) and :func:`hormone_load` (sets x active muscle), the course's
  index of the acute hormone response (Source: kraemer2005, qualitative).
- **A hormone cohort**: :func:`simulate_hormone_cohort` (a
  :class:`HormoneCohort`) simulates a study in which each person's gains follow
  the growth model of :mod:`legday.growth` and *not* their hormone response;
  :func:`cohort_correlations` repeats it over many cohorts.
- **The analysis West & Phillips (2012) did**: :func:`correlation` (a
  :class:`Correlation`: Pearson r with its confidence interval) of each
  person's hormone response with their gains.
"""

from __future__ import annotations

import warnings

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats

from legday import _checks, volume
from legday import reference as ref
from legday._checks import FloatArray
from legday.anatomy import _sex, baseline_muscle_kg
from legday.growth import (
    MAX_PERSON_WEEKS,
    _MEMORY_REASON,
    _baseline_vector,
    _grow,
    _people,
    _programme_sets,
    _sd_or_default,
    _weeks,
    draw_responsiveness,
    programme_sets,
    responsiveness_sd,
    weekly_growth_percent,
)
from legday.volume import MUSCLES

__all__ = [
    "active_muscle_kg",
    "hormone_load",
    "HormoneCohort",
    "simulate_hormone_cohort",
    "cohort_correlations",
    "Correlation",
    "correlation",
]



# ---------------------------------------------------------------------------
# 1. Growth over weeks
# ---------------------------------------------------------------------------

#: Most person-weeks of one :func:`cohort_correlations` run (done in blocks, so bounded by time, not memory).
MAX_COHORT_PERSON_WEEKS = 100_000_000



# ---------------------------------------------------------------------------
# 2. A hormone cohort: growth follows local volume, not hormone spikes
# ---------------------------------------------------------------------------


def active_muscle_kg(exercise_name: str, sex: str = "male") -> float:
    """Muscle mass an exercise works: direct groups in full, indirect groups at half (kg).

    Uses the mean muscle of :func:`~legday.anatomy.baseline_muscle_kg` (both sides). A rough
    index of "how much muscle is working", not a measured quantity.
    """
    return _active_muscle_kg("exercise_name", exercise_name, sex)


def _active_muscle_kg(label: str, exercise_name: str, sex: str) -> float:
    """:func:`active_muscle_kg` for an exercise the caller calls ``label``."""
    ex = volume._exercise(label, exercise_name)
    base = baseline_muscle_kg(sex)
    w = float(ref.INDIRECT_SET_WEIGHT)
    return sum(base[m] for m in ex.direct) + w * sum(base[m] for m in ex.indirect)


def hormone_load(sessions: Iterable[tuple[str, float]] | Mapping[Any, Any], sex: str = "male") -> float:
    """Weekly muscle-mass-weighted sets: sum over exercises of sets x active muscle (kg x sets).

    The course's index of the systemic stimulus of a week: acute hormone
    responses are larger when more muscle works, at higher volume (Source:
    kraemer2005, qualitative). Proportionality to this index is an
    **assumption** used only to simulate a cohort.
    """
    pairs = volume._pairs(sessions)
    if not pairs:
        raise ValueError("sessions must hold at least one (exercise, sets) pair; got an empty week")
    total = 0.0
    for name, sets in pairs:
        n = _checks.real_number("sets", sets, low=0.0, high=volume.MAX_WEEKLY_SETS, unit=volume._SETS_UNIT)
        total += n * _active_muscle_kg("exercise", name, sex)
    return total


@dataclass(frozen=True)
class HormoneCohort:
    """A simulated training study with hormone measurements.

    Attributes
    ----------
    hormone_auc
        Shape (people,): each person's acute hormone response summed over the
        study (arbitrary units).
    gain_percent
        Shape (people, 9): % growth of each muscle group over the study.
    lean_gain_kg
        Shape (people,): total muscle gained (kg), all groups.
    group
        Shape (people,): index of the programme each person followed.
    """

    hormone_auc: FloatArray
    gain_percent: FloatArray
    lean_gain_kg: FloatArray
    group: np.ndarray

    def __post_init__(self) -> None:
        """Refuse parts that do not fit together (one row per person; nine groups) or are not finite numbers."""
        _checks.shapes({"hormone_auc": (self.hormone_auc, ("people",)),
                        "gain_percent": (self.gain_percent, ("people", len(MUSCLES))),
                        "lean_gain_kg": (self.lean_gain_kg, ("people",)), "group": (self.group, ("people",))})
        for name in ("hormone_auc", "gain_percent", "lean_gain_kg"):
            _checks.large_array(name, getattr(self, name), low=0.0 if name == "hormone_auc" else None)
        group = _checks.large_array("group", self.group, low=0)
        if np.any(group != np.round(group)):
            raise ValueError(f"group must hold whole numbers (the index of each person's programme); "
                             f"got {_checks._short(self.group)}")

    def gain_of(self, muscle: str) -> FloatArray:
        """% growth of one muscle group, shape (people,)."""
        key = _checks.choice("muscle", muscle, MUSCLES)
        return self.gain_percent[:, MUSCLES.index(key)]


def simulate_hormone_cohort(
    programmes: Any,
    *,
    weeks: int,
    n_people: int,
    seed: Any,
    sex: str = "male",
    hormone_log_sd: float = float(ref.HORMONE_RESPONSE_LOG_SD),
    sd: float | None = None,
) -> HormoneCohort:
    """Simulate a cohort where growth follows local volume and hormones play no part.

    Each person i follows programme ``i % len(programmes)``. Their muscle grows
    as in :func:`~legday.growth.simulate_population` (local sets only). Their hormone AUC is
    ``h_i * weeks * hormone_load(programme)``, where ``h_i`` is log-normal with
    median 1 and log-SD ``hormone_log_sd`` (people's hormone responses differ,
    **assumption**), drawn independently of their growth responsiveness.
    By construction hormones have **no** effect on growth; any correlation
    between AUC and gains comes from chance or from programmes that differ in
    both muscle mass worked and local volume.

    Parameters
    ----------
    programmes
        One week of sessions (list of ``(exercise, sets)`` pairs, or a mapping
        day -> pairs), or a list of such weeks (one per study arm).
    weeks
        Study length (1 to 1040), 12 in both studies.
    n_people
        Cohort size (3 to 1,000,000). West & Phillips studied 56 men (Source: west2012);
        Morton et al. 49 trained men (Source: morton2016).
    seed
        Integer seed.
    sex
        ``"male"`` or ``"female"``.
    hormone_log_sd
        Between-person spread of the hormone response (0-2 log units).
    sd
        Spread of growth responsiveness (see :func:`~legday.growth.draw_responsiveness`;
        ``None``: Hubal's coefficient of variation for ``sex``).

    Returns
    -------
    HormoneCohort
    """
    n = _people(n_people, low=3)
    w = _weeks(weeks)
    _checks.size_limit({"n_people": n, "weeks": w}, high=MAX_PERSON_WEEKS, reason=_MEMORY_REASON)
    s = _sex(sex)
    sigma = _checks.real_number("hormone_log_sd", hormone_log_sd, low=0.0, high=2.0, unit="log units")
    arms = _as_programme_list(programmes)
    return _hormone_cohorts(arms, n, w, 1, _checks.rng(seed), s, sigma, _sd_or_default(sd, s))


def _hormone_cohorts(
    arms: list[Any], n: int, w: int, n_cohorts: int, gen: np.random.Generator, s: str, sigma: float, sd: float
) -> HormoneCohort:
    """Vectorised core of :func:`simulate_hormone_cohort` for ``n_cohorts`` cohorts of ``n`` people.

    The people of all cohorts are simulated at once (cohort c holds rows
    ``c * n`` to ``(c + 1) * n - 1``); with one cohort the random draws are
    exactly those of :func:`simulate_hormone_cohort`.
    """
    total = n * n_cohorts
    group = np.tile(np.arange(n) % len(arms), n_cohorts)
    k = draw_responsiveness(n_people=total, seed=gen, sd=sd)
    h = np.exp(sigma * gen.standard_normal(total))
    baseline = _baseline_vector(s)
    muscle_end = np.empty((total, len(MUSCLES)))
    load = np.empty(total)
    for j, arm in enumerate(arms):
        rows = group == j
        rate = weekly_growth_percent(programme_sets(arm, weeks=w))
        muscle_end[rows] = _grow(baseline, rate, k[rows])[:, -1, :]
        load[rows] = hormone_load(arm, s)
    gain_kg = muscle_end - baseline
    return HormoneCohort(
        hormone_auc=h * w * load,
        gain_percent=100.0 * gain_kg / baseline,
        lean_gain_kg=gain_kg.sum(axis=1),
        group=group,
    )


def cohort_correlations(
    programmes: Any,
    *,
    weeks: int,
    n_people: int,
    n_cohorts: int,
    seed: Any,
    outcome: str = "lean mass",
    sex: str = "male",
) -> FloatArray:
    """Pearson r between hormone AUC and gains in many simulated cohorts.

    Simulates ``n_cohorts`` independent cohorts as :func:`simulate_hormone_cohort`
    does (one random stream from ``seed``; all cohorts vectorised at once, so
    thousands take a fraction of a second) and returns each cohort's
    correlation, so one can see how large a correlation chance alone produces
    when hormones have no effect. With ``n_cohorts=1`` the result is the
    correlation of ``simulate_hormone_cohort(..., seed=seed)``.

    Parameters
    ----------
    programmes, weeks, n_people
        As in :func:`simulate_hormone_cohort`.
    n_cohorts
        Number of cohorts (1-100,000).
    seed
        Integer seed.
    outcome
        ``"lean mass"`` (total muscle gained, kg) or a muscle group of
        :data:`legday.volume.MUSCLES` (its % growth).
    sex
        As in :func:`simulate_hormone_cohort`.

    Returns
    -------
    ndarray
        Shape (n_cohorts,), one r per cohort.
    """
    m = _checks.whole_number("n_cohorts", n_cohorts, low=1, high=100_000)
    key = _checks.choice("outcome", outcome, ("lean mass",) + MUSCLES)
    n = _people(n_people, low=4)
    w = _weeks(weeks)
    _checks.size_limit({"n_people": n, "n_cohorts": m, "weeks": w}, high=MAX_COHORT_PERSON_WEEKS,
                       reason="the run would take minutes; use fewer cohorts")
    s = _sex(sex)
    arms = _as_programme_list(programmes)
    if all(not np.any(programme_sets(arm, weeks=1)) for arm in arms):
        raise ValueError("programmes train no muscle (every set count is 0), so nobody gains muscle and there is "
                         "no gain to correlate with hormones; give at least one exercise with sets > 0")
    gen = _checks.rng(seed)
    sigma = float(ref.HORMONE_RESPONSE_LOG_SD)
    sd = responsiveness_sd(s)
    # All cohorts at once, in blocks of about 50,000 people to bound memory.
    block = max(1, 50_000 // n)
    out = []
    for start in range(0, m, block):
        size = min(block, m - start)
        cohorts = _hormone_cohorts(arms, n, w, size, gen, s, sigma, sd)
        y = cohorts.lean_gain_kg if key == "lean mass" else cohorts.gain_of(key)
        out.append(_rowwise_r(cohorts.hormone_auc.reshape(size, n), y.reshape(size, n)))
    r = np.concatenate(out)
    if not np.all(np.isfinite(r)):
        raise ValueError(f"outcome {key!r} does not vary within a simulated cohort (is it trained by programmes?), "
                         "so it has no correlation with hormones; choose a trained muscle group or 'lean mass'")
    return r


def _rowwise_r(x: FloatArray, y: FloatArray) -> FloatArray:
    """Pearson r of each row of ``x`` with the same row of ``y`` (shape (rows, n) -> (rows,)).

    A constant row gives NaN (the caller turns that into an error naming the outcome).
    """
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", stats.ConstantInputWarning)
        return np.asarray(stats.pearsonr(x, y, axis=1).statistic, dtype=float)


def _as_programme_list(programmes: Any) -> list[Any]:
    """The study arms of ``programmes`` (one week or a list of weeks), each checked once here."""
    arms = _split_arms(programmes)
    with _checks.argument("programmes"):
        for arm in arms:
            _programme_sets(arm, 1)
            hormone_load(arm)
    return arms


def _split_arms(programmes: Any) -> list[Any]:
    if isinstance(programmes, Mapping) or volume._is_programme(programmes):
        return [programmes]
    if isinstance(programmes, (list, tuple)) and programmes:
        first = programmes[0]
        is_pair = isinstance(first, (list, tuple)) and len(first) == 2 and isinstance(first[0], str)
        if is_pair:
            return [programmes]
        return list(programmes)
    raise ValueError(
        "programmes must be one week of (exercise, sets) pairs, a mapping day -> pairs, a Programme, "
        f"or a non-empty list of such weeks; got {programmes!r}"
    )


@dataclass(frozen=True)
class Correlation:
    """Pearson correlation with its 95 % confidence interval (Fisher z, from SciPy)."""

    r: float
    low: float
    high: float
    n: int

    def __post_init__(self) -> None:
        """Refuse an impossible correlation (a Correlation built by hand is checked too)."""
        for name in ("r", "low", "high"):
            _checks.real_number(name, getattr(self, name), low=-1.0, high=1.0)
        if not self.low <= self.r <= self.high:
            raise ValueError(f"low <= r <= high must hold; got low={self.low:g}, r={self.r:g}, high={self.high:g}")
        _checks.whole_number("n", self.n, low=4)


def correlation(x: ArrayLike, y: ArrayLike) -> Correlation:
    """Pearson r of two equal-length samples and its 95 % interval.

    :func:`scipy.stats.pearsonr` and its ``confidence_interval()`` (the Fisher z
    transform) do the work; this function adds the course's input checks.

    Parameters
    ----------
    x, y
        Paired samples (1-D, the same length, at least 4 values, each varying).

    Returns
    -------
    Correlation
        r, the interval's low and high ends, and the number of pairs.

    Raises
    ------
    ValueError
        Samples of different lengths, fewer than 4 values, NaN, or a sample
        with no spread.
    """
    a, b = _checks.paired_samples({"x": x, "y": y}, min_size=4)
    result = stats.pearsonr(a, b)
    interval = result.confidence_interval(confidence_level=0.95)
    return Correlation(float(result.statistic), float(interval.low), float(interval.high), int(a.size))
