"""Regional muscle and how it grows under a training programme.

Three parts:

1. **Where the muscle is**: whole-body skeletal muscle by sex (Source:
   janssen2000), split into the course's muscle groups with per-leg MRI
   regressions (Source: handsfield2014) and, for the upper body, an illustrative
   split (labelled assumption). Arm volumes (Source: holzbaur2007) are kept for
   comparison.
2. **Growth over weeks**: each muscle group grows at the rate the volume
   dose-response (:mod:`legday.volume`) gives for *its own* weekly sets, so an
   untrained group does not grow (Source: kraemer2004); the rate falls with the
   group's training age; each person carries a multiplicative responsiveness
   factor whose standard deviation is the coefficient of variation Hubal et al.
   reported for 585 adults (:func:`responsiveness_sd`; Source: hubal2005), the
   same reading :mod:`legday.trials` uses. The population simulation is vectorised:
   10,000 people x 52 weeks x 9 muscle groups run in about 20 milliseconds.
3. **A hormone cohort**: a simulated study in which growth follows local
   volume and *not* the acute hormone response, analysed as West & Phillips
   (2012) did, by correlating each person's hormone response with their gains.

Stable public API (used by other modules): :func:`baseline_muscle_kg`,
:func:`region_muscle_kg`, :func:`programme_sets`, :func:`weekly_growth_percent`,
:func:`simulate_muscle_kg`, :func:`responsiveness_sd`, :func:`draw_responsiveness`,
:func:`simulate_population`, :class:`Population`.

Model assumptions, stated once: a % gain in muscle size is taken as the same %
gain in muscle mass; there is no detraining (a group that stops training keeps
its size); everyone of a sex starts from that sex's mean muscle; growth rates
come from studies of about 10 weeks in mostly young, untrained men.
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
from legday.volume import LOWER_BODY, MUSCLES, UPPER_BODY

__all__ = [
    "SEXES",
    "leg_muscle_volume_cm3",
    "lower_body_group_fractions",
    "baseline_muscle_kg",
    "untracked_muscle_kg",
    "lower_body_share_from_sex_gaps",
    "region_muscle_kg",
    "upper_lower_ratio",
    "programme_sets",
    "training_age_weeks",
    "weekly_growth_percent",
    "simulate_muscle_kg",
    "responsiveness_sd",
    "draw_responsiveness",
    "Population",
    "simulate_population",
    "active_muscle_kg",
    "hormone_load",
    "HormoneCohort",
    "simulate_hormone_cohort",
    "cohort_correlations",
    "Correlation",
    "correlation",
    "silhouette_scales",
    "silhouette_polygons",
]

#: Sexes for which reference data exist.
SEXES: tuple[str, ...] = ref.SEXES

_LOWER_IDX = np.array([MUSCLES.index(m) for m in LOWER_BODY])
_UPPER_IDX = np.array([MUSCLES.index(m) for m in UPPER_BODY])


# ---------------------------------------------------------------------------
# 1. Where the muscle is
# ---------------------------------------------------------------------------


def leg_muscle_volume_cm3(height_m: ArrayLike, body_mass_kg: ArrayLike, group: str = "whole leg") -> float | FloatArray:
    """Muscle volume of one leg from height and body mass (MRI regression).

    V = slope * (height * mass) + intercept, with the per-muscle coefficients of
    Handsfield et al. summed over the muscles of each group.

    Parameters
    ----------
    height_m
        Height in metres (1.2-2.3).
    body_mass_kg
        Body mass in kg (30-200).
    group
        ``"whole leg"`` (all 35 muscles) or one of the lower-body groups
        ``"quadriceps"``, ``"hamstrings"``, ``"glutes"``, ``"calves"``.

    Returns
    -------
    float or ndarray
        Volume of one leg's muscle in cm3.

    Raises
    ------
    ValueError
        Out-of-range or non-numeric inputs, or an unknown group.

    Notes
    -----
    Source: handsfield2014 (coefficients as transcribed in a public data set;
    secondary). At 1.75 m and 75 kg one leg holds about 7,450 cm3 of muscle.
    """
    g = _checks.choice("group", group, ref.HANDSFIELD_SLOPE_CM3)
    h = _checks.real_array("height_m", height_m, low=1.2, high=2.3, unit="m")
    m = _checks.real_array("body_mass_kg", body_mass_kg, low=30.0, high=200.0, unit="kg")
    out = float(ref.HANDSFIELD_SLOPE_CM3[g]) * h * m + float(ref.HANDSFIELD_INTERCEPT_CM3[g])
    return _checks.scalar_or_array(out)


def lower_body_group_fractions(height_m: float = 1.75, body_mass_kg: float = 75.0) -> dict[str, float]:
    """Share of one leg's muscle volume in each lower-body group.

    Returns
    -------
    dict
        quadriceps, hamstrings, glutes, calves -> fraction of the leg's muscle
        (about 0.25, 0.10, 0.18, 0.12; the rest is adductors, hip flexors,
        shin and foot muscles). The fractions barely change with body size.
        Source: handsfield2014 (derived).
    """
    h = _checks.real_number("height_m", height_m)
    m = _checks.real_number("body_mass_kg", body_mass_kg)
    total = float(leg_muscle_volume_cm3(h, m))
    return {g: float(leg_muscle_volume_cm3(h, m, g)) / total for g in LOWER_BODY}


def _sex(sex: str) -> str:
    return _checks.choice("sex", sex, SEXES)


def baseline_muscle_kg(sex: str = "male") -> dict[str, float]:
    """Mean untrained skeletal muscle of each muscle group (both sides), in kg.

    Whole-body skeletal muscle (33.0 kg men, 21.0 kg women; Source: janssen2000)
    times the share in the lower or upper body (**assumption**: 0.55 men, 0.58
    women; Janssen's table was not read) times the group's share of its region:
    lower-body shares from per-leg MRI regressions at 1.75 m and 75 kg (Source:
    handsfield2014, derived), upper-body shares illustrative (**assumption**,
    ``reference.UPPER_BODY_GROUP_SHARE``).

    Parameters
    ----------
    sex
        ``"male"`` or ``"female"``.

    Returns
    -------
    dict
        Muscle group -> kg, every group of :data:`legday.volume.MUSCLES`.
        The groups do not add up to the whole body: see
        :func:`untracked_muscle_kg` for the rest.

    Raises
    ------
    ValueError
        If ``sex`` is not ``"male"`` or ``"female"``.
    """
    s = _sex(sex)
    total = float(ref.SKELETAL_MUSCLE_KG[s])
    lower = total * float(ref.LOWER_BODY_SHARE[s])
    upper = total - lower
    fractions = lower_body_group_fractions()
    out = {m: lower * fractions[m] for m in LOWER_BODY}
    out.update({m: upper * float(ref.UPPER_BODY_GROUP_SHARE[m]) for m in UPPER_BODY})
    return {m: out[m] for m in MUSCLES}


def untracked_muscle_kg(sex: str = "male") -> dict[str, float]:
    """Muscle outside the course's nine groups, per region (kg): it is never trained in the model.

    Lower body: adductors, hip flexors, shin and foot muscles; upper body:
    trunk, abdominal, forearm and neck muscles. Same sources and assumptions
    as :func:`baseline_muscle_kg`.
    """
    s = _sex(sex)
    total = float(ref.SKELETAL_MUSCLE_KG[s])
    lower = total * float(ref.LOWER_BODY_SHARE[s])
    base = baseline_muscle_kg(s)
    return {
        "lower body": lower - sum(base[m] for m in LOWER_BODY),
        "upper body": (total - lower) - sum(base[m] for m in UPPER_BODY),
    }


def lower_body_share_from_sex_gaps(
    male_kg: float | None = None,
    female_kg: float | None = None,
    gap_upper: float | None = None,
    gap_lower: float | None = None,
) -> dict[str, float]:
    """Lower-body share of skeletal muscle that Janssen 2000's totals and sex gaps imply.

    Janssen reports whole-body skeletal muscle of 33.0 kg in men and 21.0 kg in
    women, and "gender differences" of 40 % in the upper and 33 % in the lower
    body: women have that fraction *less* than men in each region. With men's
    upper and lower muscle ``U`` and ``L``::

        U + L = male_kg,    (1 - gap_upper) U + (1 - gap_lower) L = female_kg

    so ``L = (female_kg - (1 - gap_upper) male_kg) / (gap_upper - gap_lower)``.
    The divisor is the small difference of the two gaps, so rounding of the
    published percentages moves the answer a lot: a check on the course's
    assumed shares, not a replacement for them.

    Parameters
    ----------
    male_kg, female_kg
        Whole-body skeletal muscle (kg) of men and women, 0 to 200; default the
        paper's means (:data:`legday.reference.SKELETAL_MUSCLE_KG`).
    gap_upper, gap_lower
        Fraction less in women, upper and lower body, 0 to 1; default the paper's
        (:data:`legday.reference.SEX_GAP_UPPER_BODY`, ``SEX_GAP_LOWER_BODY``).

    Returns
    -------
    dict
        ``"male"`` and ``"female"`` -> lower-body share of skeletal muscle (0-1).

    Raises
    ------
    ValueError
        For numbers out of range, equal gaps, or numbers no split of the muscle
        can satisfy (a share outside 0-1).

    Notes
    -----
    Source: janssen2000.
    """
    m = _checks.real_number("male_kg", float(ref.SKELETAL_MUSCLE_KG["male"]) if male_kg is None else male_kg,
                            low=0.0, high=200.0, low_open=True, unit="kg")
    f = _checks.real_number("female_kg", float(ref.SKELETAL_MUSCLE_KG["female"]) if female_kg is None else female_kg,
                            low=0.0, high=200.0, low_open=True, unit="kg")
    gu = _checks.real_number("gap_upper", float(ref.SEX_GAP_UPPER_BODY) if gap_upper is None else gap_upper,
                             low=0.0, high=1.0, high_open=True)
    gl = _checks.real_number("gap_lower", float(ref.SEX_GAP_LOWER_BODY) if gap_lower is None else gap_lower,
                             low=0.0, high=1.0, high_open=True)
    if gu == gl:
        raise ValueError(f"gap_upper and gap_lower must differ to pin the split; both are {gu}")
    lower_male = (f - (1.0 - gu) * m) / (gu - gl)
    if not 0.0 <= lower_male <= m:
        raise ValueError(
            f"no split of {m} kg (men) gives {f} kg (women) with {gu:.0%} less upper-body and {gl:.0%} less "
            f"lower-body muscle in women: the men's lower body would hold {lower_male:.1f} kg, outside 0 to {m}"
        )
    return {"male": lower_male / m, "female": (1.0 - gl) * lower_male / f}


#: Most muscle (kg) one group can hold: a plausibility bound, more than a whole adult body's
#: skeletal muscle (reference.MAX_GROUP_MUSCLE_KG).
MAX_GROUP_MUSCLE_KG = float(ref.MAX_GROUP_MUSCLE_KG)


def _muscle_axis(name: str, muscle_kg: ArrayLike, low: float = 0.0) -> FloatArray:
    arr = _checks.real_array(name, muscle_kg, low=low, high=MAX_GROUP_MUSCLE_KG,
                             unit="kg (a plausibility bound: more than a whole body's muscle)")
    if arr.ndim == 0 or arr.shape[-1] != len(MUSCLES):
        raise ValueError(
            f"{name} must have a last axis of length {len(MUSCLES)} (one entry per muscle group, "
            f"in the order {', '.join(MUSCLES)}); got shape {arr.shape}"
        )
    return arr


def region_muscle_kg(muscle_kg: ArrayLike, sex: str = "male", *, include_untracked: bool = True) -> dict[str, float | FloatArray]:
    """Sum muscle groups into ``"lower body"`` and ``"upper body"`` (kg).

    Parameters
    ----------
    muscle_kg
        Array whose **last** axis runs over :data:`legday.volume.MUSCLES`
        (e.g. a simulation's output of shape (people, weeks + 1, 9)).
    sex
        Which sex's untracked muscle to add.
    include_untracked
        Add the muscle outside the nine groups (constant in the model), so the
        regions add up to the whole body.

    Returns
    -------
    dict
        ``{"lower body": ..., "upper body": ...}``, arrays of ``muscle_kg``'s
        shape without its last axis (floats for a single vector).
    """
    arr = _muscle_axis("muscle_kg", muscle_kg)
    extra = untracked_muscle_kg(sex) if _checks.flag("include_untracked", include_untracked) else {"lower body": 0.0, "upper body": 0.0}
    lower = arr[..., _LOWER_IDX].sum(axis=-1) + extra["lower body"]
    upper = arr[..., _UPPER_IDX].sum(axis=-1) + extra["upper body"]
    return {"lower body": _checks.scalar_or_array(lower), "upper body": _checks.scalar_or_array(upper)}


def upper_lower_ratio(muscle_kg: ArrayLike, sex: str = "male") -> float | FloatArray:
    """Upper-body to lower-body skeletal muscle mass ratio (whole regions, dimensionless)."""
    regions = region_muscle_kg(muscle_kg, sex)
    return _checks.scalar_or_array(np.asarray(regions["upper body"]) / np.asarray(regions["lower body"]))


# ---------------------------------------------------------------------------
# 2. Growth over weeks
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
#: Most person-weeks of one :func:`cohort_correlations` run (done in blocks, so bounded by time, not memory).
MAX_COHORT_PERSON_WEEKS = 100_000_000
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
        (:func:`baseline_muscle_kg`).
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


# ---------------------------------------------------------------------------
# 3. A hormone cohort: growth follows local volume, not hormone spikes
# ---------------------------------------------------------------------------


def active_muscle_kg(exercise_name: str, sex: str = "male") -> float:
    """Muscle mass an exercise works: direct groups in full, indirect groups at half (kg).

    Uses the mean muscle of :func:`baseline_muscle_kg` (both sides). A rough
    index of "how much muscle is working", not a measured quantity.
    """
    ex = volume.exercise(exercise_name)
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
        total += n * active_muscle_kg(name, sex)
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
        """Refuse parts that do not fit together (one row per person; nine groups)."""
        _checks.shapes({"hormone_auc": (self.hormone_auc, ("people",)),
                        "gain_percent": (self.gain_percent, ("people", len(MUSCLES))),
                        "lean_gain_kg": (self.lean_gain_kg, ("people",)), "group": (self.group, ("people",))})

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
    as in :func:`simulate_population` (local sets only). Their hormone AUC is
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
        Spread of growth responsiveness (see :func:`draw_responsiveness`;
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


# ---------------------------------------------------------------------------
# A hypothetical silhouette from regional sizes
# ---------------------------------------------------------------------------

#: Body parts of the silhouette and the muscle groups whose mass sets their width.
_SILHOUETTE_PARTS: dict[str, tuple[str, ...]] = {
    "shoulders": ("shoulders", "back"),
    "chest": ("chest", "back"),
    "arms": ("biceps", "triceps"),
    "thighs": ("quadriceps", "hamstrings", "glutes"),
    "calves": ("calves",),
}


def silhouette_scales(muscle_kg: ArrayLike, baseline_kg: ArrayLike) -> dict[str, float]:
    """Width scale of each silhouette part relative to a baseline body.

    A limb segment's cross-section grows with its muscle mass at fixed length,
    and its width with the square root of the cross-section, so
    scale = sqrt(mass / baseline mass) of the part's muscle groups. A
    **hypothetical** drawing aid, not anthropometry.

    Parameters
    ----------
    muscle_kg, baseline_kg
        Vectors of 9 group masses (kg), :data:`legday.volume.MUSCLES` order.

    Returns
    -------
    dict
        ``shoulders``, ``chest``, ``arms``, ``thighs``, ``calves`` -> scale.
    """
    now = _muscle_axis("muscle_kg", muscle_kg)
    base = _muscle_axis("baseline_kg", baseline_kg, low=0.01)
    if now.ndim != 1 or base.ndim != 1 or np.any(base <= 0):
        raise ValueError("muscle_kg and baseline_kg must be single vectors of 9 masses, baseline > 0 kg")
    idx = {m: i for i, m in enumerate(MUSCLES)}
    out = {}
    for part, groups in _SILHOUETTE_PARTS.items():
        cols = [idx[g] for g in groups]
        out[part] = float(np.sqrt(now[cols].sum() / base[cols].sum()))
    return out


def silhouette_polygons(scales: Mapping[str, float], *, centre_x: float = 0.0) -> list[FloatArray]:
    """Polygons (front view) of a schematic figure whose part widths follow ``scales``.

    Parameters
    ----------
    scales
        Output of :func:`silhouette_scales` (each scale 0.3-3).
    centre_x
        Horizontal position of the figure's midline.

    Returns
    -------
    list of ndarray
        Each an (N, 2) array of x, y vertices (height 0 at the feet, about 1.8
        at the head; arbitrary units), ready for ``ax.fill(*poly.T)``: torso,
        two arms, two legs and the head.
    """
    sc = {}
    if isinstance(scales, Mapping) and set(scales) - set(_SILHOUETTE_PARTS):
        unknown = ", ".join(repr(k) for k in sorted(set(scales) - set(_SILHOUETTE_PARTS), key=str))
        raise ValueError(f"scales must have only the parts {', '.join(_SILHOUETTE_PARTS)}; got also {unknown}")
    for part in _SILHOUETTE_PARTS:
        if part not in scales:
            raise ValueError(f"scales must have the parts {', '.join(_SILHOUETTE_PARTS)}; missing {part!r}")
        sc[part] = _checks.real_number(f"scales[{part!r}]", scales[part], low=0.3, high=3.0)
    cx = _checks.real_number("centre_x", centre_x)
    sh, ch, arm, th, ca = sc["shoulders"], sc["chest"], sc["arms"], sc["thighs"], sc["calves"]
    # Half-widths of the torso at heights (feet = 0): shoulders, chest, waist, hips.
    torso_right = [(0.22 * sh, 1.50), (0.19 * ch, 1.30), (0.14, 1.05), (0.17 * th ** 0.5, 0.92)]
    torso = [(x, y) for x, y in torso_right] + [(-x, y) for x, y in reversed(torso_right)]
    polys = [np.array(torso)]
    for side in (1.0, -1.0):
        x0 = side * (0.22 * sh + 0.005)
        w_up, w_lo = 0.045 * arm, 0.035
        arm_poly = [(x0, 1.50), (x0 + side * 2 * w_up, 1.46), (x0 + side * 2 * w_lo + side * 0.03, 0.85),
                    (x0 + side * 0.03, 0.85), (x0, 1.30)]
        polys.append(np.array(arm_poly))
        leg_in = side * 0.015
        leg_poly = [(leg_in, 0.92), (side * 0.17 * th ** 0.5, 0.92), (side * (0.02 + 0.13 * th), 0.75),
                    (side * 0.10, 0.50), (side * (0.02 + 0.075 * ca), 0.32), (side * 0.08, 0.04),
                    (side * 0.03, 0.04), (leg_in, 0.50)]
        polys.append(np.array(leg_poly))
    angle = np.linspace(0.0, 2.0 * np.pi, 40)
    polys.append(np.column_stack([0.09 * np.cos(angle), 1.64 + 0.12 * np.sin(angle)]))
    return [p + np.array([cx, 0.0]) for p in polys]
