"""Training volume: an exercise catalogue, weekly sets per muscle group and the
dose-response of muscle growth to weekly sets.

The unit of volume is the **weekly fractional set** of a muscle group: a hard set
of an exercise counts 1 for every muscle it trains directly and 0.5 for every
muscle it trains indirectly, as a synergist (Source: pelland2026).

Typical use::

    from legday import volume
    week = [("squat", 4), ("romanian deadlift", 3), ("bench press", 4), ("row", 4)]
    sets = volume.weekly_sets(week)          # {"quadriceps": 4.0, ..., "biceps": 2.0, ...}
    gain = volume.hypertrophy_percent(sets)  # {"quadriceps": 3.36, ...} % per ~10-week block

Public names that other modules rely on (stable API): :data:`MUSCLES`,
:data:`LOWER_BODY`, :data:`UPPER_BODY`, :data:`REGIONS`, :data:`EXERCISES`,
:class:`Exercise`, :func:`exercise`, :func:`region_of`, :func:`fractional_sets`,
:func:`weekly_sets`, :func:`sets_vector`, :func:`tonnage_kg`,
:func:`hypertrophy_percent` and the three dose-response curves
:func:`sqrt_gain_percent`, :func:`linear_gain_percent` and
:func:`saturating_gain_percent`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any, Literal

import numpy as np
from numpy.typing import ArrayLike

from legday import _checks
from legday import reference as ref
from legday._checks import FloatArray

__all__ = [
    "MUSCLES",
    "LOWER_BODY",
    "UPPER_BODY",
    "REGIONS",
    "Exercise",
    "EXERCISES",
    "DOSE_RESPONSE_MODELS",
    "exercise",
    "region_of",
    "fractional_sets",
    "weekly_sets",
    "sets_vector",
    "sets_dict",
    "tonnage_kg",
    "sqrt_gain_percent",
    "linear_gain_percent",
    "saturating_gain_percent",
    "hypertrophy_percent",
    "MAX_WEEKLY_SETS",
]

#: Most weekly (fractional) sets per muscle group, or sets of one exercise, the models accept:
#: a plausibility bound (reference.MAX_WEEKLY_SETS; the data reach about 40).
MAX_WEEKLY_SETS = float(ref.MAX_WEEKLY_SETS)
_SETS_UNIT = "sets/week (a plausibility bound: the dose-response data reach about 40)"

# ---------------------------------------------------------------------------
# Muscle groups and body regions
# ---------------------------------------------------------------------------

#: The muscle groups of the course, lower body first. Arrays indexed by muscle use this order.
MUSCLES: tuple[str, ...] = (
    "quadriceps",
    "hamstrings",
    "glutes",
    "calves",
    "chest",
    "back",
    "shoulders",
    "biceps",
    "triceps",
)
#: Muscle groups of the lower body (hips and legs).
LOWER_BODY: tuple[str, ...] = ("quadriceps", "hamstrings", "glutes", "calves")
#: Muscle groups of the upper body (trunk and arms).
UPPER_BODY: tuple[str, ...] = ("chest", "back", "shoulders", "biceps", "triceps")
#: Region name -> its muscle groups.
REGIONS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {"lower body": LOWER_BODY, "upper body": UPPER_BODY}
)

Region = Literal["lower body", "upper body"]


@dataclass(frozen=True)
class Exercise:
    """One exercise of the catalogue.

    Attributes
    ----------
    name
        Lower-case name, the key in :data:`EXERCISES`.
    direct
        Muscle groups the exercise trains directly (each set counts 1 set).
    indirect
        Muscle groups it trains as synergists (each set counts
        ``reference.INDIRECT_SET_WEIGHT`` = 0.5 set; Source: pelland2026).
    region
        ``"lower body"`` or ``"upper body"``: where the prime movers are.
    multi_joint
        Whether the movement moves more than one joint.
    """

    name: str
    direct: tuple[str, ...]
    indirect: tuple[str, ...]
    region: Region
    multi_joint: bool

    def __post_init__(self) -> None:
        """Refuse an exercise the set counting cannot use (an Exercise built by hand is checked too)."""
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValueError(f"name must be a non-empty exercise name (text); got {_checks._short(self.name)}")
        for part in ("direct", "indirect"):
            value = getattr(self, part)
            if isinstance(value, str) or not isinstance(value, (tuple, list)):
                raise ValueError(f"{part} must be a tuple of muscle groups of MUSCLES; got {_checks._short(value)}")
            object.__setattr__(self, part, tuple(_checks.choice(part, m, MUSCLES) for m in value))
        if not self.direct:
            raise ValueError("direct must name at least one muscle group the exercise trains; got ()")
        both = set(self.direct) & set(self.indirect)
        if both:
            raise ValueError(f"direct and indirect must not share a muscle group; both have {', '.join(sorted(both))}")
        object.__setattr__(self, "region", _checks.choice("region", self.region, REGIONS))
        _checks.flag("multi_joint", self.multi_joint)


def _ex(name: str, direct: tuple[str, ...], indirect: tuple[str, ...], region: Region, multi: bool) -> Exercise:
    return Exercise(name, direct, indirect, region, multi)


_L: Region = "lower body"
_U: Region = "upper body"

#: The exercise catalogue. Which muscles count as direct or indirect is the course's
#: classification (a modelling choice in the spirit of Pelland's fractional sets).
EXERCISES: Mapping[str, Exercise] = MappingProxyType(
    {
        e.name: e
        for e in (
            _ex("squat", ("quadriceps", "glutes"), ("hamstrings",), _L, True),
            _ex("front squat", ("quadriceps",), ("glutes",), _L, True),
            _ex("deadlift", ("hamstrings", "glutes"), ("quadriceps", "back"), _L, True),
            _ex("romanian deadlift", ("hamstrings", "glutes"), ("back",), _L, True),
            _ex("leg press", ("quadriceps",), ("glutes",), _L, True),
            _ex("lunge", ("quadriceps", "glutes"), ("hamstrings",), _L, True),
            _ex("hip thrust", ("glutes",), ("hamstrings",), _L, False),
            _ex("leg extension", ("quadriceps",), (), _L, False),
            _ex("leg curl", ("hamstrings",), (), _L, False),
            _ex("calf raise", ("calves",), (), _L, False),
            _ex("bench press", ("chest",), ("triceps", "shoulders"), _U, True),
            _ex("incline press", ("chest", "shoulders"), ("triceps",), _U, True),
            _ex("overhead press", ("shoulders",), ("triceps",), _U, True),
            _ex("push-up", ("chest",), ("triceps", "shoulders"), _U, True),
            _ex("dip", ("chest", "triceps"), ("shoulders",), _U, True),
            _ex("chest fly", ("chest",), ("shoulders",), _U, False),
            _ex("row", ("back",), ("biceps", "shoulders"), _U, True),
            _ex("pull-up", ("back",), ("biceps",), _U, True),
            _ex("lat pulldown", ("back",), ("biceps",), _U, True),
            _ex("biceps curl", ("biceps",), (), _U, False),
            _ex("triceps extension", ("triceps",), (), _U, False),
            _ex("lateral raise", ("shoulders",), (), _U, False),
        )
    }
)


def exercise(name: str) -> Exercise:
    """Look up an exercise of the catalogue by name (case and outer spaces ignored).

    Raises
    ------
    ValueError
        If ``name`` is not in :data:`EXERCISES`; the message lists the allowed names.
    """
    return _exercise("name", name)


def _exercise(label: str, name: str) -> Exercise:
    """:func:`exercise` for an argument called ``label`` (so its error names the caller's argument)."""
    return EXERCISES[_checks.choice(label, name, EXERCISES)]


def region_of(muscle: str) -> Region:
    """Return ``"lower body"`` or ``"upper body"`` for a muscle group of :data:`MUSCLES`.

    Raises
    ------
    ValueError
        If ``muscle`` is not one of :data:`MUSCLES`.
    """
    key = _checks.choice("muscle", muscle, MUSCLES)
    return "lower body" if key in LOWER_BODY else "upper body"


# ---------------------------------------------------------------------------
# Counting sets
# ---------------------------------------------------------------------------


def _zero_sets() -> dict[str, float]:
    return {m: 0.0 for m in MUSCLES}


def fractional_sets(exercise_name: str, sets: float) -> dict[str, float]:
    """Fractional sets per muscle group from ``sets`` hard sets of one exercise.

    Parameters
    ----------
    exercise_name
        A key of :data:`EXERCISES`.
    sets
        Number of hard sets (0 to 100, the plausibility bound :data:`MAX_WEEKLY_SETS`;
        fractions allowed, e.g. an average per week).

    Returns
    -------
    dict
        Muscle group -> fractional sets, for every muscle of :data:`MUSCLES`
        (0 for muscles the exercise does not train). Direct muscles get
        ``sets``, indirect ones ``0.5 * sets``. Source: pelland2026.

    Raises
    ------
    ValueError
        Unknown exercise, or ``sets`` negative, NaN, infinite or not a number.
    """
    _checks.choice("exercise_name", exercise_name, EXERCISES)
    return _fractional_sets(exercise_name, sets)


def _fractional_sets(exercise_name: str, sets: float) -> dict[str, float]:
    """:func:`fractional_sets` inside a week, where the name is an ``exercise`` of a pair."""
    ex = _exercise("exercise", exercise_name)
    n = _checks.real_number("sets", sets, low=0.0, high=MAX_WEEKLY_SETS, unit=_SETS_UNIT)
    out = _zero_sets()
    for m in ex.direct:
        out[m] += n
    for m in ex.indirect:
        out[m] += float(ref.INDIRECT_SET_WEIGHT) * n
    return out


def _is_programme(obj: Any) -> bool:
    """Whether ``obj`` is a :class:`legday.program.Programme` (imported late: program imports this module)."""
    from legday.program import Programme

    return isinstance(obj, Programme)


def _pairs(sessions: Any) -> list[tuple[Any, Any]]:
    """Flatten the accepted shapes of ``sessions`` into a list of (exercise, sets) pairs.

    This is where a week enters the volume and growth models, so a
    :class:`legday.program.Programme` is converted here, once, to its seven sessions.
    """
    if _is_programme(sessions):
        sessions = {day: list(session) for day, session in enumerate(sessions.sessions)}
    if isinstance(sessions, str) or not isinstance(sessions, (Iterable, Mapping)):
        raise ValueError(
            "sessions must be an iterable of (exercise, sets) pairs, a mapping day -> list of pairs, "
            f"or a legday.program.Programme; got {sessions!r}"
        )
    days: Iterable[Any] = sessions.values() if isinstance(sessions, Mapping) else [sessions]
    pairs: list[tuple[Any, Any]] = []
    for day in days:
        if isinstance(day, str) or not isinstance(day, Iterable):
            raise ValueError(f"each day of sessions must be a list of (exercise, sets) pairs; got {day!r}")
        for item in day:
            if isinstance(item, str) or not isinstance(item, (tuple, list)) or len(item) != 2:
                raise ValueError(f"each entry of sessions must be an (exercise, sets) pair; got {item!r}")
            pairs.append((item[0], item[1]))
    return pairs


def weekly_sets(sessions: Iterable[tuple[str, float]] | Mapping[Any, Iterable[tuple[str, float]]]) -> dict[str, float]:
    """Weekly fractional sets per muscle group of a week of training.

    Parameters
    ----------
    sessions
        One week of training, in either shape:

        * an iterable of ``(exercise, sets)`` pairs, e.g.
          ``[("squat", 4), ("bench press", 3)]``;
        * a mapping ``day -> iterable of (exercise, sets) pairs``, e.g.
          ``{"Mon": [("squat", 4)], "Thu": [("bench press", 3)]}``;
        * a :class:`legday.program.Programme` (e.g. from ``program.split(...)``).

        An exercise may appear several times; its sets add up. Exercise names
        are keys of :data:`EXERCISES`; sets are numbers from 0 to 100 (:data:`MAX_WEEKLY_SETS`).

    Returns
    -------
    dict
        Muscle group -> weekly fractional sets, with **every** muscle of
        :data:`MUSCLES` present in that order (0.0 when untrained). A direct
        set counts 1, an indirect set 0.5. Source: pelland2026.

    Raises
    ------
    ValueError
        Wrong shape, an unknown exercise (the message lists the allowed
        names), or negative, NaN or non-numeric sets.

    Examples
    --------
    >>> weekly_sets([("squat", 4), ("leg curl", 2)])["hamstrings"]
    4.0
    """
    total = _zero_sets()
    for name, sets in _pairs(sessions):
        for m, v in _fractional_sets(name, sets).items():
            total[m] += v
    return total


def sets_vector(weekly: Mapping[str, float]) -> FloatArray:
    """Turn a mapping muscle -> weekly sets into an array in :data:`MUSCLES` order.

    Muscles missing from ``weekly`` count 0 sets.

    Raises
    ------
    ValueError
        An unknown muscle name (the message lists the allowed ones), or
        negative, NaN or non-numeric sets.
    """
    return _sets_vector("weekly", weekly)


def _sets_vector(name: str, weekly: Mapping[str, float]) -> FloatArray:
    """:func:`sets_vector` for an argument called ``name`` (so its errors name the caller's argument)."""
    if not isinstance(weekly, Mapping):
        raise ValueError(f"{name} must be a mapping muscle -> sets; got {weekly!r}")
    out = np.zeros(len(MUSCLES))
    for key, sets in _muscle_items(name, weekly):
        out[MUSCLES.index(key)] = sets
    return out


def _muscle_items(name: str, weekly: Mapping[str, Any]) -> list[tuple[str, float]]:
    """Checked (muscle, weekly sets) pairs of a mapping; two keys naming the same muscle are refused."""
    seen: dict[str, Any] = {}
    items = []
    for raw, sets in weekly.items():
        key = _checks.choice(f"muscle in {name}", raw, MUSCLES)
        if key in seen:
            raise ValueError(f"{name} names {key!r} twice ({seen[key]!r} and {raw!r}); give each muscle once")
        seen[key] = raw
        items.append((key, _checks.real_number(f"{name}[{key!r}]", sets, low=0.0, high=MAX_WEEKLY_SETS,
                                               unit=_SETS_UNIT)))
    return items


def sets_dict(vector: ArrayLike) -> dict[str, float]:
    """Inverse of :func:`sets_vector`: an array of len(MUSCLES) values -> dict muscle -> float."""
    arr = _checks.real_array("vector", vector, ndim=1)
    if arr.shape != (len(MUSCLES),):
        raise ValueError(f"vector must have {len(MUSCLES)} entries (one per muscle); got shape {arr.shape}")
    return {m: float(v) for m, v in zip(MUSCLES, arr)}


def tonnage_kg(sets: ArrayLike, reps: ArrayLike, load_kg: ArrayLike) -> float | FloatArray:
    """Volume load: sets x repetitions x load, in kg.

    Parameters
    ----------
    sets, reps
        Numbers of sets and of repetitions per set (0 to 100 sets, 0 to 1000 repetitions).
    load_kg
        External load lifted per repetition (0 to 1000 kg). Arrays broadcast.

    Returns
    -------
    float or ndarray
        Tonnage in kg (a float for scalar inputs).

    Raises
    ------
    ValueError
        Negative, NaN or non-numeric inputs, or shapes that do not broadcast.
    """
    s = _checks.real_array("sets", sets, low=0.0, high=MAX_WEEKLY_SETS, unit=_SETS_UNIT)
    r = _checks.real_array("reps", reps, low=0.0, high=1000.0, unit="repetitions per set")
    w = _checks.real_array("load_kg", load_kg, low=0.0, high=1000.0, unit="kg (more is beyond any lift on record)")
    s, r, w = _checks.broadcast({"sets": s, "reps": r, "load_kg": w})
    return _checks.scalar_or_array(s * r * w)


# ---------------------------------------------------------------------------
# Dose-response: weekly sets -> % muscle growth per study block (~10 weeks)
# ---------------------------------------------------------------------------


def sqrt_gain_percent(sets_per_week: ArrayLike, *, coefficient: float = float(ref.SQRT_COEFFICIENT_PERCENT)) -> float | FloatArray:
    """Square-root dose-response: gain% = a * sqrt(V), per ~10-week study block.

    Parameters
    ----------
    sets_per_week
        Weekly fractional sets V of one muscle group (0 to 100, :data:`MAX_WEEKLY_SETS`).
    coefficient
        a in % per sqrt(set/week). The default 1.68 is **derived, not
        published**: a = 2 * 0.24 * sqrt(12.25), chosen so the curve's slope at
        the data's mean volume (12.25 sets/week) equals the meta-regression's
        marginal slope of 0.24 %/set. Source: pelland2026.

    Returns
    -------
    float or ndarray
        Percentage gain in muscle size over a study block (~10 weeks).

    Raises
    ------
    ValueError
        Negative, NaN or non-numeric input.
    """
    v = _checks.real_array("sets_per_week", sets_per_week, low=0.0, high=MAX_WEEKLY_SETS, unit=_SETS_UNIT)
    a = _checks.real_number("coefficient", coefficient, low=0.0, high=20.0,
                            unit="%/sqrt(set) (the derived 1.68 x about 12: no study is near it)")
    return _checks.scalar_or_array(a * np.sqrt(v))


def linear_gain_percent(sets_per_week: ArrayLike, *, slope: float = float(ref.SCHOENFELD_PERCENT_PER_SET)) -> float | FloatArray:
    """Linear dose-response: gain% = slope * V (Schoenfeld 2017: +0.37 % per weekly set).

    The published slope is a between-study meta-regression of gains over each
    study's duration; no intercept is modelled here (0 sets -> 0 %).
    Source: schoenfeld2017.

    Raises
    ------
    ValueError
        Negative, NaN or non-numeric input.
    """
    v = _checks.real_array("sets_per_week", sets_per_week, low=0.0, high=MAX_WEEKLY_SETS, unit=_SETS_UNIT)
    b = _checks.real_number("slope", slope, low=0.0, high=5.0, unit="%/set (Schoenfeld's 0.37 x about 14)")
    return _checks.scalar_or_array(b * v)


def saturating_gain_percent(
    sets_per_week: ArrayLike,
    *,
    g_max_percent: float = float(ref.SATURATING_GMAX_PERCENT),
    v50_sets: float = float(ref.SATURATING_V50_SETS),
) -> float | FloatArray:
    """Saturating dose-response: gain% = G_max * V / (V + V50). **Illustrative.**

    The data do not pin a plateau: ``g_max_percent`` (default 12 %) and
    ``v50_sets`` (default 10 sets/week) are the course's illustrative choices,
    set so the curve sits near the square-root form between 5 and 20 sets/week.

    Raises
    ------
    ValueError
        Negative, NaN or non-numeric ``sets_per_week``; ``g_max_percent`` < 0;
        ``v50_sets`` <= 0.
    """
    v = _checks.real_array("sets_per_week", sets_per_week, low=0.0, high=MAX_WEEKLY_SETS, unit=_SETS_UNIT)
    g = _checks.real_number("g_max_percent", g_max_percent, low=0.0, high=100.0, unit="% per study block")
    h = _checks.real_number("v50_sets", v50_sets, low=0.0, high=MAX_WEEKLY_SETS, low_open=True, unit="sets/week")
    return _checks.scalar_or_array(g * v / (v + h))


_CURVES = {
    "sqrt": sqrt_gain_percent,
    "linear": linear_gain_percent,
    "saturating": saturating_gain_percent,
}
#: Names accepted by ``model=`` in :func:`hypertrophy_percent`.
DOSE_RESPONSE_MODELS: tuple[str, ...] = tuple(_CURVES)


def hypertrophy_percent(
    weekly_sets: float | ArrayLike | Mapping[str, float],
    *,
    model: str = "sqrt",
) -> float | FloatArray | dict[str, float]:
    """Expected % muscle growth over a ~10-week study block for a weekly volume.

    Parameters
    ----------
    weekly_sets
        Weekly fractional sets, as

        * a number -> returns a float;
        * an array-like of numbers (any shape) -> returns an array of that shape;
        * a mapping muscle -> sets (e.g. the output of :func:`weekly_sets`)
          -> returns a dict muscle -> % with the same keys (muscle names are
          checked against :data:`MUSCLES`).
    model
        ``"sqrt"`` (default; a = 1.68, derived from pelland2026),
        ``"linear"`` (+0.37 %/set, schoenfeld2017) or ``"saturating"``
        (illustrative plateau).

    Returns
    -------
    float, ndarray or dict
        Percentage gain in muscle size over a study block of about 10 weeks
        (``reference.STUDY_BLOCK_WEEKS``), same kind and shape as the input.
        Zero sets give zero growth; the curves increase with volume.

    Raises
    ------
    ValueError
        Negative, NaN, non-numeric or implausible (over 100 a week) sets, a
        muscle named twice, an unknown muscle name, or an unknown ``model``
        (messages list the allowed values).
    """
    key = _checks.choice("model", model, DOSE_RESPONSE_MODELS)
    curve = _CURVES[key]
    if isinstance(weekly_sets, Mapping):
        return {muscle: float(curve(v)) for muscle, v in _muscle_items("weekly_sets", weekly_sets)}
    if isinstance(weekly_sets, (str, bytes)):
        raise ValueError(f"weekly_sets must be a number, an array or a mapping muscle -> sets; got {weekly_sets!r}")
    return curve(_checks.real_array("weekly_sets", weekly_sets, low=0.0, high=MAX_WEEKLY_SETS, unit=_SETS_UNIT))

