"""Muscle growth under a training programme: one person, a population, training age.

Each muscle group grows at the rate the volume dose-response
(:mod:`legday.volume`) gives for *its own* weekly sets, so an untrained group
does not grow (Source: kraemer2004); the rate falls with the group's training
age (:func:`training_age_weeks`, :func:`weekly_growth_percent`); growth starts
from the baseline masses of :mod:`legday.anatomy` (:func:`simulate_muscle_kg`).
Each person carries a multiplicative responsiveness factor whose standard
deviation is the coefficient of variation Hubal et al. reported for 585 adults
(:func:`responsiveness_sd`, :func:`draw_responsiveness`; Source: hubal2005), the
same reading :mod:`legday.trials` uses. The population simulation
(:func:`simulate_population`, :class:`Population`) is vectorised: 10,000 people
x 52 weeks x 9 muscle groups run in about 20 milliseconds.

Stable public API (used by other modules): :func:`programme_sets`,
:func:`weekly_growth_percent`, :func:`simulate_muscle_kg`,
:func:`responsiveness_sd`, :func:`draw_responsiveness`,
:func:`simulate_population`, :class:`Population`.

Model assumptions, stated once: a % gain in muscle size is taken as the same %
gain in muscle mass; there is no detraining (a group that stops training keeps
its size); everyone of a sex starts from that sex's mean muscle; growth rates
come from studies of about 10 weeks in mostly young, untrained men.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from legday import _checks, volume
from legday import reference as ref
from legday._checks import FloatArray
from legday.anatomy import MAX_GROUP_MUSCLE_KG, _sex, baseline_muscle_kg, region_muscle_kg, upper_lower_ratio
from legday.volume import MUSCLES

__all__ = [
    "programme_sets",
    "training_age_weeks",
    "weekly_growth_percent",
    "simulate_muscle_kg",
    "responsiveness_sd",
    "draw_responsiveness",
    "Population",
    "simulate_population",
]



# ---------------------------------------------------------------------------
# 1. Growth over weeks
# ---------------------------------------------------------------------------


def _is_sets_mapping(obj: Any) -> bool:
    return isinstance(obj, Mapping) and all(
        isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) for v in obj.values()
    )


def programme_sets(programme: Any, *, weeks: int) -> FloatArray:
    """Normalise a programme into weekly fractional sets, shape (weeks, 9).

    Parameters
    ----------
    programme
        One of:

        * a mapping muscle -> weekly sets (e.g. from
          :func:`legday.volume.weekly_sets`), repeated every week;
        * a week of sessions in any shape :func:`legday.volume.weekly_sets`
          accepts (a list of ``(exercise, sets)`` pairs, a mapping
          day -> pairs, or a :class:`legday.program.Programme`), repeated every week;
        * an array of shape (9,) (repeated) or (weeks, 9), in the order of
          :data:`legday.volume.MUSCLES`.
    weeks
        Number of weeks (1 to 1040, i.e. 20 years).

    Returns
    -------
    ndarray
        Weekly fractional sets, shape (weeks, len(MUSCLES)).

    Raises
    ------
    ValueError
        A malformed programme, unknown names, negative or NaN sets, or a
        wrong array shape.
    """
    n = _weeks(weeks)
    with _checks.argument("programme"):
        return _programme_sets(programme, n)


def _programme_sets(programme: Any, n: int) -> FloatArray:
    if _is_sets_mapping(programme):
        return np.tile(volume._sets_vector("programme", programme), (n, 1))
    is_week = isinstance(programme, (Mapping, list, tuple)) and not _looks_numeric(programme)
    if volume._is_programme(programme) or is_week:
        return np.tile(volume.sets_vector(volume.weekly_sets(programme)), (n, 1))
    arr = _checks.real_array("programme", programme, low=0.0, high=volume.MAX_WEEKLY_SETS, unit=volume._SETS_UNIT)
    if arr.shape == (len(MUSCLES),):
        return np.tile(arr, (n, 1))
    if arr.shape == (n, len(MUSCLES)):
        return arr.copy()
    raise ValueError(
        f"programme as an array must have shape ({len(MUSCLES)},) or (weeks, {len(MUSCLES)}) = "
        f"({n}, {len(MUSCLES)}); got shape {arr.shape}"
    )


#: Longest simulation and training age (weeks) the growth model accepts (reference.MAX_TRAINING_WEEKS).
MAX_WEEKS = int(ref.MAX_TRAINING_WEEKS)
#: Most people the population models simulate in one call (about 8 bytes x 9 groups each).
MAX_PEOPLE = 1_000_000
#: Most person-weeks of one population or cohort run (people x weeks): about 150 MB of muscle masses.
MAX_PERSON_WEEKS = 2_000_000

_MEMORY_REASON = "each person-week holds 9 muscle masses; split a larger run into several seeds"


def _weeks(weeks: Any) -> int:
    return _checks.whole_number("weeks", weeks, low=1, high=MAX_WEEKS)


def _people(n_people: Any, low: int) -> int:
    return _checks.whole_number("n_people", n_people, low=low, high=MAX_PEOPLE)


def _start_age(name: str, value: Any) -> float:
    return _checks.real_number(name, value, low=0.0, high=MAX_WEEKS, unit="weeks")


def _weekly_sets_array(sets: ArrayLike) -> FloatArray:
    s = _checks.real_array("sets", sets, low=0.0, high=volume.MAX_WEEKLY_SETS, unit=volume._SETS_UNIT, ndim=2)
    if s.shape[1] != len(MUSCLES) or s.shape[0] > MAX_WEEKS:
        raise ValueError(f"sets must have shape (weeks, {len(MUSCLES)}) with weeks <= {MAX_WEEKS}; got {s.shape}")
    return s


def _looks_numeric(obj: Any) -> bool:
    try:
        return np.asarray(obj).dtype.kind in "iuf"
    except (ValueError, TypeError):
        return False


def training_age_weeks(sets: ArrayLike, start_weeks: float = 0.0) -> FloatArray:
    """Training age of each muscle group at the start of each week.

    A group's training age grows by one week for every week in which it gets
    any sets; weeks without sets leave it unchanged.

    Parameters
    ----------
    sets
        Weekly fractional sets, shape (weeks, 9).
    start_weeks
        Training age at week 0 (>= 0), the same for every group.

    Returns
    -------
    ndarray
        Shape (weeks, 9), in weeks.
    """
    s = _weekly_sets_array(sets)
    t0 = _start_age("start_weeks", start_weeks)
    trained = (s > 0).astype(float)
    before = np.cumsum(trained, axis=0) - trained
    return t0 + before


def weekly_growth_percent(
    sets: ArrayLike,
    *,
    start_training_age_weeks: float = 0.0,
    model: str = "sqrt",
    tau_weeks: float = float(ref.TRAINING_AGE_TAU_WEEKS),
) -> FloatArray:
    """Expected weekly % growth of each muscle group for an average responder.

    rate = gain%(V) / block_weeks / (1 + training_age / tau), where gain%(V) is
    the dose-response of :func:`legday.volume.hypertrophy_percent` over a study
    block of ``reference.STUDY_BLOCK_WEEKS`` = 10 weeks (assumption).

    Parameters
    ----------
    sets
        Weekly fractional sets, shape (weeks, 9) (see :func:`programme_sets`).
    start_training_age_weeks
        Training age at week 0 (0 = novice).
    model
        Dose-response form: ``"sqrt"``, ``"linear"`` or ``"saturating"``.
    tau_weeks
        Training age at which the rate has halved (1 to 10,000 weeks; default 26 weeks,
        **assumption**).

    Returns
    -------
    ndarray
        % growth per week, shape (weeks, 9); exactly 0 where sets are 0.

    Notes
    -----
    Sources: pelland2026 (square-root form, derived coefficient),
    schoenfeld2017 (linear form), kraemer2004 (untrained regions do not grow).
    """
    s = _weekly_sets_array(sets)
    tau = _checks.real_number("tau_weeks", tau_weeks, low=1.0, high=10_000.0, unit="weeks")
    age = training_age_weeks(s, _start_age("start_training_age_weeks", start_training_age_weeks))
    per_block = np.asarray(volume.hypertrophy_percent(s, model=model), dtype=float)
    return per_block / float(ref.STUDY_BLOCK_WEEKS) / (1.0 + age / tau)


def _baseline_vector(sex: str) -> FloatArray:
    base = baseline_muscle_kg(sex)
    return np.array([base[m] for m in MUSCLES])


def _grow(baseline: FloatArray, rate_percent: FloatArray, responsiveness: FloatArray) -> FloatArray:
    """Vectorised core: muscle (people, weeks + 1, 9) from rates (weeks, 9) and factors (people, 9).

    One array operation per week updates every person and every group at once
    (M[w + 1] = M[w] * (1 + k * rate[w] / 100)); the only Python loop is over
    weeks. The work is done week-major, so each update touches one contiguous
    block of memory; the result is returned as a (people, weeks + 1, 9) view.
    """
    n_weeks = rate_percent.shape[0]
    out = np.empty((n_weeks + 1,) + responsiveness.shape)
    out[0] = baseline
    k = responsiveness / 100.0
    factor = np.empty_like(k)
    for w in range(n_weeks):
        np.multiply(k, rate_percent[w], out=factor)
        factor += 1.0
        np.multiply(out[w], factor, out=out[w + 1])
    return out.transpose(1, 0, 2)


def simulate_muscle_kg(
    programme: Any,
    *,
    weeks: int,
    sex: str = "male",
    responsiveness: float | ArrayLike = 1.0,
    start_training_age_weeks: float = 0.0,
    model: str = "sqrt",
) -> FloatArray:
    """Muscle of each group week by week for one person.

    M[w + 1] = M[w] * (1 + k * rate[w] / 100), with rate from
    :func:`weekly_growth_percent` and k the person's responsiveness.

    Parameters
    ----------
    programme
        Weekly training in any form :func:`programme_sets` accepts.
    weeks
        Number of weeks to simulate (1 to 1040, i.e. 20 years).
    sex
        ``"male"`` or ``"female"``: sets the starting muscle
        (:func:`~legday.anatomy.baseline_muscle_kg`).
    responsiveness
        Multiplicative factor on every group's growth (1 = average
        responder), or one factor per group (9 values). Between -1 and 5.
    start_training_age_weeks
        Training age at week 0.
    model
        Dose-response form (see :func:`legday.volume.hypertrophy_percent`).

    Returns
    -------
    ndarray
        Muscle in kg, shape (weeks + 1, 9): row 0 is the starting muscle.

    Raises
    ------
    ValueError
        Bad programme, weeks, sex, responsiveness or model.
    """
    sets = programme_sets(programme, weeks=weeks)
    rate = weekly_growth_percent(sets, start_training_age_weeks=start_training_age_weeks, model=model)
    k = _checks.real_array("responsiveness", responsiveness, low=-1.0, high=5.0)
    if k.shape not in ((), (len(MUSCLES),)):
        raise ValueError(f"responsiveness must be a number or {len(MUSCLES)} numbers; got shape {k.shape}")
    k = np.broadcast_to(k, (len(MUSCLES),))[None, :]
    return _grow(_baseline_vector(sex), rate, k)[0]


def responsiveness_sd(sex: str = "male") -> float:
    """Standard deviation of a person's responsiveness factor: Hubal 2005's coefficient of variation.

    The course's one reading of Hubal et al. (585 adults, 12 weeks of arm
    training): the 12-week change in biceps CSA had a coefficient of variation
    (SD / mean) of 0.48 in men and 0.51 in women, so a multiplicative factor
    with mean 1 has that SD. Chapter 1's growth model uses it directly and
    :mod:`legday.trials` multiplies it by a study's mean response. Real
    responses are skewed to the right; the course's factor is normal.

    Parameters
    ----------
    sex
        ``"male"`` or ``"female"``.

    Returns
    -------
    float
        The SD (dimensionless).

    Raises
    ------
    ValueError
        If ``sex`` is not one of :data:`legday.reference.SEXES`.

    Examples
    --------
    >>> responsiveness_sd("male"), responsiveness_sd("female")
    (0.48, 0.51)

    Notes
    -----
    Source: hubal2005 (confirmed).
    """
    return float(ref.HUBAL_CV[_sex(sex)])


def _sd_or_default(sd: float | None, sex: str) -> float:
    if sd is None:
        return responsiveness_sd(sex)
    return _checks.real_number("sd", sd, low=0.0, high=1.0)


def draw_responsiveness(
    *,
    n_people: int,
    seed: Any,
    sd: float | None = None,
    shared_fraction: float = float(ref.RESPONSIVENESS_SHARED_FRACTION),
    sex: str = "male",
) -> FloatArray:
    """Draw each person's responsiveness factor for each muscle group.

    k[i, m] = 1 + sd * (sqrt(rho) * z[i] + sqrt(1 - rho) * e[i, m]), with z and
    e independent standard normals: mean 1, standard deviation ``sd``, and a
    correlation ``rho = shared_fraction`` between two muscles of one person.

    Parameters
    ----------
    n_people
        Number of people (1 to 1,000,000).
    seed
        Integer seed (or a NumPy Generator); the same seed gives the same draws.
    sd
        Standard deviation of the factor (0-1). Default ``None``: Hubal's
        coefficient of variation for ``sex`` (:func:`responsiveness_sd`; 0.48
        for men, 0.51 for women; Source: hubal2005).
    shared_fraction
        Share of the variance common to all of a person's muscles (0-1;
        default 0.5, **assumption**).
    sex
        ``"male"`` or ``"female"``: whose coefficient of variation the default uses.

    Returns
    -------
    ndarray
        Shape (n_people, 9). About 2 % of values are below 0 with the default
        SD (a non-responder who loses a little muscle, as the -2 % in Hubal's data).
    """
    n = _people(n_people, low=1)
    s = _sd_or_default(sd, sex)
    rho = _checks.real_number("shared_fraction", shared_fraction, low=0.0, high=1.0)
    gen = _checks.rng(seed)
    z = gen.standard_normal((n, 1))
    e = gen.standard_normal((n, len(MUSCLES)))
    return 1.0 + s * (np.sqrt(rho) * z + np.sqrt(1.0 - rho) * e)


@dataclass(frozen=True)
class Population:
    """A simulated population of trainees.

    Attributes
    ----------
    muscle_kg
        Shape (people, weeks + 1, 9): muscle of each group at the start of each
        week, in kg (last axis in :data:`legday.volume.MUSCLES` order). (A view of
        week-major storage.)
    responsiveness
        Shape (people, 9): each person's factor per group.
    sets
        Shape (weeks, 9): the programme's weekly fractional sets.
    sex
        ``"male"`` or ``"female"``.
    """

    muscle_kg: FloatArray
    responsiveness: FloatArray
    sets: FloatArray
    sex: str

    def __post_init__(self) -> None:
        """Refuse parts that do not fit together (shapes and sex; the values come from the model)."""
        _sex(self.sex)
        _checks.large_array("muscle_kg", self.muscle_kg, low=0.0, high=MAX_GROUP_MUSCLE_KG,
                            unit="kg (a plausibility bound: more than a whole body's muscle)")
        _checks.large_array("responsiveness", self.responsiveness)
        _checks.large_array("sets", self.sets, low=0.0, high=volume.MAX_WEEKLY_SETS, unit=volume._SETS_UNIT)
        sizes = _checks.shapes({"muscle_kg": (self.muscle_kg, ("people", "weeks + 1", len(MUSCLES))),
                                "responsiveness": (self.responsiveness, ("people", len(MUSCLES))),
                                "sets": (self.sets, ("weeks", len(MUSCLES)))})
        if sizes["weeks + 1"] != sizes["weeks"] + 1:
            raise ValueError(f"muscle_kg must have one more row per person than sets has weeks; got shapes "
                             f"{np.shape(self.muscle_kg)} and {np.shape(self.sets)}")

    @property
    def weeks(self) -> FloatArray:
        """Week numbers 0 .. weeks (the first axis after people of :attr:`muscle_kg`)."""
        return np.arange(self.muscle_kg.shape[1], dtype=float)

    def regions_kg(self) -> dict[str, FloatArray]:
        """Lower- and upper-body muscle (kg), each of shape (people, weeks + 1)."""
        return region_muscle_kg(self.muscle_kg, self.sex)  # type: ignore[return-value]

    def upper_lower_ratio(self) -> FloatArray:
        """Upper:lower muscle ratio, shape (people, weeks + 1)."""
        return np.asarray(upper_lower_ratio(self.muscle_kg, self.sex))

    def gain_percent(self) -> FloatArray:
        """% change of each group from week 0 to the last week, shape (people, 9)."""
        return 100.0 * (self.muscle_kg[:, -1, :] / self.muscle_kg[:, 0, :] - 1.0)


def simulate_population(
    programme: Any,
    *,
    weeks: int,
    n_people: int,
    seed: Any,
    sex: str = "male",
    sd: float | None = None,
    shared_fraction: float = float(ref.RESPONSIVENESS_SHARED_FRACTION),
    start_training_age_weeks: float = 0.0,
    model: str = "sqrt",
) -> Population:
    """Monte Carlo of a population following one programme (vectorised).

    Every person follows the same weekly sets and starts from the sex's mean
    muscle; people differ only in their responsiveness factors
    (:func:`draw_responsiveness`). All people, weeks and groups are computed
    in one array operation (a cumulative product over weeks), so 10,000
    people x 52 weeks x 9 groups take about 20 milliseconds.

    Parameters
    ----------
    programme
        Weekly training in any form :func:`programme_sets` accepts.
    weeks
        Number of weeks (1 to 1040); at most 2,000,000 person-weeks in all.
    n_people
        Number of simulated people (1 to 1,000,000).
    seed
        Integer seed: the same seed gives the same population.
    sex, sd, shared_fraction, start_training_age_weeks, model
        See :func:`simulate_muscle_kg` and :func:`draw_responsiveness` (``sd``
        ``None``: Hubal's coefficient of variation for ``sex``).

    Returns
    -------
    Population
    """
    s = _sex(sex)
    _checks.size_limit({"n_people": _people(n_people, low=1), "weeks": _weeks(weeks)}, high=MAX_PERSON_WEEKS,
                       reason=_MEMORY_REASON)
    sets = programme_sets(programme, weeks=weeks)
    rate = weekly_growth_percent(sets, start_training_age_weeks=start_training_age_weeks, model=model)
    k = draw_responsiveness(n_people=n_people, seed=seed, sd=_sd_or_default(sd, s), shared_fraction=shared_fraction)
    return Population(_grow(_baseline_vector(s), rate, k), k, sets, s)
