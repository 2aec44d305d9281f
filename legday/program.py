"""Weekly training programmes: build one, evaluate it with every model, schedule it.

A **programme** is one week of training as data: seven days, each a list of
``(exercise, sets)`` pairs from the exercise catalogue of :mod:`legday.volume`
(an empty day is a rest day). The week repeats, week after week.

:func:`evaluate` runs the course's models on a programme:

- weekly **fractional sets** per muscle (:func:`legday.volume.weekly_sets`: a
  direct set counts 1, a synergist set 0.5);
- **readiness** of every muscle on every morning, in the periodic steady state
  of the repeated week (:func:`legday.recovery.periodic_muscle_fatigue`), and a
  **flag** wherever a muscle is trained directly while its readiness is below
  ``reference.READY_THRESHOLD`` (the course's choice);
- **energy** of each session (:func:`legday.energy.session_kcal`), from the
  Compendium's METs and an assumed time per set;
- projected **growth** of each region over 12 weeks
  (:func:`legday.growth.simulate_muscle_kg`).

:func:`schedule` places a given set of sessions on the days of the week so that
the lowest readiness at which any muscle is trained directly is as high as
possible (an exhaustive search: at most 7! = 5,040 placements).

Ready-made splits are in :data:`SPLITS`. Bad programmes (an unknown exercise,
day or muscle, negative or implausibly many sets, a session longer than a day,
more than seven days, a week without a set) raise :class:`ValueError` with a
message that names the argument and says what is wrong and where; a
:class:`Programme` built directly checks itself the same way.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np

from legday import _checks, energy, growth, recovery, volume
from legday import reference as ref
from legday._checks import FloatArray, argument, choice, flag, real_number, whole_number
from legday.volume import LOWER_BODY, MUSCLES, UPPER_BODY

__all__ = [
    "DAYS",
    "Programme",
    "make_programme",
    "SPLITS",
    "split",
    "daily_sets",
    "direct_sets",
    "muscle_taus",
    "readiness_by_day",
    "Flag",
    "Evaluation",
    "evaluate",
    "session_minutes",
    "session_kcal",
    "projected_growth",
    "Schedule",
    "schedule",
    "comparison_table",
    "readiness_heatmap",
]

#: The days of the week, Monday first. Arrays indexed by day use this order.
DAYS: tuple[str, ...] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_FULL_DAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

Session = tuple[tuple[str, float], ...]

#: Most hard sets of one exercise in one session, and most weekly fractional sets of one muscle
#: (reference.MAX_WEEKLY_SETS, a plausibility bound).
MAX_SETS = float(ref.MAX_WEEKLY_SETS)
#: Longest session (min): a whole day, the most :func:`legday.energy.session_kcal` accepts.
MAX_SESSION_MINUTES = 1440.0
#: Default body mass (kg) for the energy model (reference.PROGRAMME_BODY_MASS_KG, an assumption).
BODY_MASS_KG = float(ref.PROGRAMME_BODY_MASS_KG)
#: Default length of the growth projection (weeks; reference.PROJECTION_WEEKS, an assumption).
PROJECTION_WEEKS = int(ref.PROJECTION_WEEKS)
_SETS_UNIT = "sets (a plausibility bound, reference.MAX_WEEKLY_SETS)"


# ---------------------------------------------------------------------------
# Programmes as data
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Programme:
    """One week of training: seven sessions, Monday first (an empty session is a rest day).

    Build it with :func:`make_programme` (days by name, missing days rest);
    built directly it checks itself the same way, so every function that takes
    a programme can trust it.

    Attributes
    ----------
    name
        A label for tables and figures (a non-empty string).
    sessions
        Exactly seven sessions, one per day of :data:`DAYS`, each a sequence of
        ``(exercise, sets)`` pairs: exercises of :data:`legday.volume.EXERCISES`,
        sets from 0 to :data:`MAX_SETS`; at most :data:`MAX_SESSION_MINUTES` of
        sets a day (``reference.MINUTES_PER_SET`` each), at most :data:`MAX_SETS`
        weekly fractional sets per muscle, and at least one set in the week.
        Stored as tuples with the catalogue's exercise names.

    Raises
    ------
    ValueError
        If any of the above does not hold; the message names the day.
    """

    name: str
    sessions: tuple[Session, ...]

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise ValueError(f"name must be a non-empty string; got {self.name!r}")
        with argument("sessions"):
            object.__setattr__(self, "sessions", _checked_week(self.sessions))

    @property
    def training_days(self) -> tuple[str, ...]:
        """The days with at least one set."""
        return tuple(d for d, s in zip(DAYS, self.sessions) if _session_sets(s) > 0)

    def as_dict(self) -> dict[str, list[tuple[str, float]]]:
        """Day -> list of ``(exercise, sets)``, training days only (the form :mod:`legday.growth` takes)."""
        return {d: list(s) for d, s in zip(DAYS, self.sessions) if _session_sets(s) > 0}

    def non_empty_sessions(self) -> list[Session]:
        """The sessions of the training days, in week order (for :func:`schedule`)."""
        return [s for s in self.sessions if _session_sets(s) > 0]


def _session_sets(session: Session) -> float:
    return float(sum(sets for _, sets in session))


def _day_index(key: Any) -> int:
    if isinstance(key, (int, np.integer)) and not isinstance(key, bool):
        if 0 <= int(key) < len(DAYS):
            return int(key)
        raise ValueError(f"day must be a day name or an index from 0 (Mon) to 6 (Sun); got {key!r}")
    if isinstance(key, str):
        word = key.strip().lower()
        for i, (short, full) in enumerate(zip(DAYS, _FULL_DAY_NAMES)):
            if word in (short.lower(), full):
                return i
    raise ValueError(
        f"day must be one of {', '.join(DAYS)} (or the full name, or an index 0-6); got {key!r}"
    )


def _checked_week(sessions: Any) -> tuple[Session, ...]:
    """Check seven sessions as a whole week: entries, the length of each day, sets per muscle, not all rest."""
    if isinstance(sessions, (str, Mapping)) or not isinstance(sessions, Sequence) or len(sessions) != len(DAYS):
        raise ValueError(
            f"a Programme needs exactly {len(DAYS)} sessions, Monday first (empty for a rest day); got "
            f"{_checks._short(sessions)}; make_programme builds one from a mapping day -> session"
        )
    week = tuple(_session(day, entries) for day, entries in zip(DAYS, sessions))
    for day, session in zip(DAYS, week):
        _check_session_length(day, session)
    weekly = np.zeros(len(MUSCLES))
    indirect = float(ref.INDIRECT_SET_WEIGHT)
    for session in week:
        for name, sets in session:
            ex = volume.exercise(name)
            for m in ex.direct:
                weekly[MUSCLES.index(m)] += sets
            for m in ex.indirect:
                weekly[MUSCLES.index(m)] += indirect * sets
    if np.any(weekly > MAX_SETS):
        m = int(np.argmax(weekly))
        raise ValueError(
            f"weekly fractional sets of {MUSCLES[m]} must be at most {MAX_SETS:g} (a plausibility bound, "
            f"reference.MAX_WEEKLY_SETS: the dose-response data reach about 40); got {weekly[m]:g}"
        )
    if not weekly.sum() > 0:
        raise ValueError("a week must hold at least one set: a week of rest days has nothing to evaluate")
    return week


def _check_session_length(label: str, session: Session) -> None:
    minutes = _session_sets(session) * float(ref.MINUTES_PER_SET)
    if minutes > MAX_SESSION_MINUTES:
        raise ValueError(
            f"{label}: the sets of a session must fit in one day ({MAX_SESSION_MINUTES:g} min at "
            f"{float(ref.MINUTES_PER_SET):g} min per set, reference.MINUTES_PER_SET); got "
            f"{_session_sets(session):g} sets = {minutes:g} min"
        )


def _session(day: str, entries: Any) -> Session:
    """Check one day's entries and return them as a tuple of (exercise, sets) pairs."""
    if entries is None:
        return ()
    if isinstance(entries, Mapping):
        items = list(entries.items())
    elif isinstance(entries, str) or not isinstance(entries, Iterable):
        raise ValueError(
            f"{day}: a session must be a list of (exercise, sets) pairs or a mapping exercise -> sets; "
            f"got {entries!r}"
        )
    else:
        items = list(entries)
    out: list[tuple[str, float]] = []
    for item in items:
        if isinstance(item, str) or not isinstance(item, (tuple, list)) or len(item) != 2:
            raise ValueError(f"{day}: each entry must be an (exercise, sets) pair; got {item!r}")
        name, sets = item
        try:
            ex = volume.exercise(name)
        except ValueError as err:
            raise ValueError(f"{day}: unknown exercise {name!r}; {err}") from None
        n = real_number(f"sets of {ex.name!r} on {day}", sets, low=0.0, high=MAX_SETS, unit=_SETS_UNIT)
        out.append((ex.name, n))
    return tuple(out)


def make_programme(week: Any, name: str = "my week") -> Programme:
    """Check a week of training and return it as a :class:`Programme`.

    Parameters
    ----------
    week
        One of

        * a mapping day -> session, with days named ``"Mon"`` ... ``"Sun"``
          (or ``"monday"`` ..., or indices 0-6); missing days are rest days;
        * a sequence of at most seven sessions, Monday first;
        * a :class:`Programme` (returned renamed).

        A session is a list of ``(exercise, sets)`` pairs or a mapping
        exercise -> sets; exercises are names of
        :data:`legday.volume.EXERCISES`; sets are hard sets (0 to
        :data:`MAX_SETS`). The week must hold at least one set (see
        :class:`Programme` for the other limits).
    name
        A label for tables and figures.

    Returns
    -------
    Programme

    Raises
    ------
    ValueError
        More than seven days, an unknown or repeated day, an unknown exercise,
        negative, implausibly many or non-numeric sets, a session longer than
        a day, a week without a set, or a malformed entry; the message names
        ``week`` and the day.

    Examples
    --------
    >>> p = make_programme({"Mon": [("squat", 4), ("bench press", 3)], "Thu": {"deadlift": 3}})
    >>> p.training_days
    ('Mon', 'Thu')
    """
    if not isinstance(name, str) or not name.strip():
        raise ValueError(f"name must be a non-empty string; got {name!r}")
    if isinstance(week, Programme):
        return Programme(name.strip(), week.sessions)
    with argument("week"):
        sessions: list[Session] = [() for _ in DAYS]
        if isinstance(week, Mapping):
            if len(week) > len(DAYS):
                raise ValueError(f"a week has at most 7 days; got {len(week)} days: {list(week)!r}")
            seen: dict[int, Any] = {}
            for key, entries in week.items():
                i = _day_index(key)
                if i in seen:
                    raise ValueError(f"day {DAYS[i]} appears twice (as {seen[i]!r} and {key!r})")
                seen[i] = key
                sessions[i] = _session(DAYS[i], entries)
        elif isinstance(week, Sequence) and not isinstance(week, str):
            if len(week) > len(DAYS):
                raise ValueError(f"a week has at most 7 days; got {len(week)} sessions")
            for i, entries in enumerate(week):
                sessions[i] = _session(DAYS[i], entries)
        else:
            raise ValueError(
                f"week must be a mapping day -> session, a list of at most 7 sessions or a Programme; "
                f"got {_checks._short(week)}"
            )
        _checked_week(sessions)
    return Programme(name.strip(), tuple(sessions))


# ---------------------------------------------------------------------------
# Ready-made splits (the course's examples; set counts are illustrative)
# ---------------------------------------------------------------------------

_UPPER_DAILY = [("bench press", 2), ("row", 2), ("overhead press", 1), ("biceps curl", 1), ("triceps extension", 1)]
_UPPER = [("bench press", 4), ("row", 4), ("overhead press", 2), ("pull-up", 2), ("biceps curl", 2),
          ("triceps extension", 2)]
_LOWER = [("squat", 4), ("romanian deadlift", 3), ("leg press", 2), ("leg curl", 2), ("calf raise", 4)]
_FULL = [("squat", 3), ("romanian deadlift", 2), ("bench press", 3), ("row", 3), ("overhead press", 2),
         ("biceps curl", 1), ("triceps extension", 1), ("calf raise", 2)]
_PUSH = [("bench press", 3), ("overhead press", 2), ("incline press", 2), ("triceps extension", 2)]
_PULL = [("row", 3), ("pull-up", 2), ("biceps curl", 3)]
_LEGS = [("squat", 3), ("leg press", 2), ("romanian deadlift", 3), ("leg curl", 2), ("calf raise", 3)]

SPLITS: Mapping[str, Programme] = MappingProxyType(
    {
        p.name: p
        for p in (
            make_programme({d: _UPPER_DAILY for d in DAYS[:6]}, "upper body only"),
            make_programme({"Mon": _FULL, "Wed": _FULL, "Fri": _FULL}, "full body"),
            make_programme({"Mon": _UPPER, "Tue": _LOWER, "Thu": _UPPER, "Fri": _LOWER}, "upper/lower"),
            make_programme(
                {"Mon": _PUSH, "Tue": _PULL, "Wed": _LEGS, "Thu": _PUSH, "Fri": _PULL, "Sat": _LEGS},
                "push/pull/legs",
            ),
            make_programme(
                {
                    "Mon": [("bench press", 4), ("push-up", 3), ("chest fly", 4)],
                    "Tue": [("row", 4), ("pull-up", 4), ("lat pulldown", 3)],
                    "Wed": [("squat", 4), ("leg press", 3), ("romanian deadlift", 4), ("leg curl", 3),
                            ("calf raise", 4)],
                    "Thu": [("overhead press", 4), ("lateral raise", 4)],
                    "Fri": [("biceps curl", 5), ("triceps extension", 5)],
                },
                "bro split",
            ),
        )
    }
)
"""The course's ready-made weeks by name, ``"upper body only"`` (six days),
``"full body"`` (three), ``"upper/lower"`` (four), ``"push/pull/legs"`` (six)
and ``"bro split"`` (one muscle group a day, five days). The exercises and set
counts are illustrative choices, not recommendations from a study."""


def split(name: str) -> Programme:
    """A ready-made split of :data:`SPLITS` by name (case and outer spaces ignored).

    Raises
    ------
    ValueError
        If ``name`` is not a key of :data:`SPLITS` (the message lists them).
    """
    return SPLITS[choice("name", name, SPLITS)]


# ---------------------------------------------------------------------------
# Sets and readiness
# ---------------------------------------------------------------------------


def _as_programme(programme: Any) -> Programme:
    """The programme argument as a :class:`Programme` (converted once, where it enters), errors naming it."""
    if isinstance(programme, Programme):
        return programme
    with argument("programme"):
        return make_programme(programme)


def daily_sets(programme: Any) -> FloatArray:
    """Fractional sets of each muscle on each day, shape (len(MUSCLES), 7).

    A direct set counts 1 and a synergist set ``reference.INDIRECT_SET_WEIGHT``
    (0.5). Source: pelland2026 (via :func:`legday.volume.fractional_sets`).

    Parameters
    ----------
    programme
        A :class:`Programme` or anything :func:`make_programme` accepts.

    Raises
    ------
    ValueError
        A bad programme (the message names ``programme``).
    """
    prog = _as_programme(programme)
    out = np.zeros((len(MUSCLES), len(DAYS)))
    for d, session in enumerate(prog.sessions):
        out[:, d] = volume.sets_vector(volume.weekly_sets(list(session)))
    return out


def direct_sets(programme: Any) -> FloatArray:
    """Sets that train each muscle *directly* on each day, shape (len(MUSCLES), 7).

    Parameters and errors as :func:`daily_sets`.
    """
    prog = _as_programme(programme)
    out = np.zeros((len(MUSCLES), len(DAYS)))
    for d, session in enumerate(prog.sessions):
        for name, sets in session:
            for m in volume.exercise(name).direct:
                out[MUSCLES.index(m), d] += sets
    return out


def muscle_taus(recovery_hours: Mapping[str, float] | None = None) -> FloatArray:
    """Fatigue time constant (days) of every muscle of :data:`legday.volume.MUSCLES`.

    Parameters
    ----------
    recovery_hours
        Optional overrides, muscle -> hours until one hard session is 90 %
        recovered (``reference.MIN_RECOVERY_HOURS`` to
        ``reference.MAX_RECOVERY_HOURS``, 1-720 h, a plausibility bound). Other
        muscles keep the course's calibration (``reference.RECOVERY_HOURS``, an
        assumption; see :mod:`legday.recovery`).

    Raises
    ------
    ValueError
        An unknown muscle or a number of hours out of range (the message names
        ``recovery_hours``).
    """
    hours = {m: float(ref.RECOVERY_HOURS[m]) for m in MUSCLES}
    if recovery_hours is not None:
        if not isinstance(recovery_hours, Mapping):
            raise ValueError(f"recovery_hours must be a mapping muscle -> hours; got {_checks._short(recovery_hours)}")
        for muscle, h in recovery_hours.items():
            with argument("recovery_hours"):
                key = choice("muscle", muscle, MUSCLES)
            hours[key] = real_number(f"recovery_hours[{key!r}]", h, low=float(ref.MIN_RECOVERY_HOURS),
                                     high=float(ref.MAX_RECOVERY_HOURS),
                                     unit="h (a plausibility bound: the studies report 48-72 h)")
    return np.array(
        [recovery.tau_from_recovery_hours(hours[m], float(ref.RECOVERED_READINESS)) for m in MUSCLES]
    )


def readiness_by_day(programme: Any, *, recovery_hours: Mapping[str, float] | None = None) -> FloatArray:
    """Readiness of each muscle on each morning of the repeated week, shape (len(MUSCLES), 7).

    The week is repeated until it settles into its periodic steady state, so
    Sunday's session still counts on Monday. Readiness is measured before the
    day's session. Source: :func:`legday.recovery.periodic_muscle_fatigue`
    with the course's calibration (assumptions).

    Parameters
    ----------
    programme
        A :class:`Programme` or anything :func:`make_programme` accepts.
    recovery_hours
        Optional per-muscle overrides (see :func:`muscle_taus`).

    Raises
    ------
    ValueError
        A bad programme or ``recovery_hours``.
    """
    sets = daily_sets(programme)
    fatigue = recovery.periodic_muscle_fatigue(
        sets, muscle_taus(recovery_hours), hard_session_sets=float(ref.HARD_SESSION_SETS)
    )
    return np.asarray(recovery.readiness(fatigue))


# ---------------------------------------------------------------------------
# Energy and growth
# ---------------------------------------------------------------------------


def _met(exercise_name: str) -> float:
    ex = volume.exercise(exercise_name)
    code = "02052" if (ex.region == "lower body" and ex.multi_joint) else "02054"
    return energy.compendium_met(code)


def session_minutes(session: Iterable[tuple[str, float]]) -> float:
    """Length of a session (min): hard sets x ``reference.MINUTES_PER_SET`` (an assumption).

    Parameters
    ----------
    session
        A list of ``(exercise, sets)`` pairs or a mapping exercise -> sets
        (as one day of :func:`make_programme`), with at least one set.

    Returns
    -------
    float
        Minutes (more than 0, at most :data:`MAX_SESSION_MINUTES`).

    Raises
    ------
    ValueError
        A malformed session, an unknown exercise, sets out of range, no set at
        all, or more sets than fit in a day.
    """
    checked = _session("session", session)
    if not _session_sets(checked) > 0:
        raise ValueError(f"session must hold at least one set; got {_checks._short(session)}")
    _check_session_length("session", checked)
    return _session_sets(checked) * float(ref.MINUTES_PER_SET)


def session_kcal(programme: Any, body_mass_kg: float = BODY_MASS_KG) -> dict[str, float]:
    """Net energy (kcal above rest) of each day's session.

    Each exercise is a block of ``sets x reference.MINUTES_PER_SET`` minutes;
    lower-body multi-joint lifts at Compendium code 02052 (squats, 5.0 MET),
    everything else at 02054 (multiple exercises, 3.5 MET). The code choice is
    the course's assumption (as in :func:`legday.energy.leg_minus_upper_kcal`).

    Parameters
    ----------
    programme
        A :class:`Programme` or anything :func:`make_programme` accepts.
    body_mass_kg
        Body mass (kg, 20-400; default ``reference.PROGRAMME_BODY_MASS_KG``).

    Returns
    -------
    dict
        Day -> kcal, every day of :data:`DAYS` (0 on rest days; the week
        holds at least one session).

    Raises
    ------
    ValueError
        A bad programme or body mass.

    Notes
    -----
    Source: ainsworth2011 (METs); see :func:`legday.energy.session_kcal`.
    """
    prog = _as_programme(programme)
    mass = real_number("body_mass_kg", body_mass_kg, low=energy.BODY_MASS_RANGE_KG[0],
                       high=energy.BODY_MASS_RANGE_KG[1], unit="kg")
    out: dict[str, float] = {}
    for d, session in zip(DAYS, prog.sessions):
        blocks = [(s * float(ref.MINUTES_PER_SET), _met(n)) for n, s in session if s > 0]
        if not blocks:
            out[d] = 0.0
            continue
        minutes, mets = zip(*blocks)
        out[d] = float(energy.session_kcal(list(minutes), list(mets), mass, net=True))
    return out


def projected_growth(
    programme: Any,
    weeks: int = PROJECTION_WEEKS,
    *,
    sex: str = "male",
    start_training_age_weeks: float = 0.0,
) -> dict[str, dict[str, float]]:
    """Projected growth of each region for an average responder.

    Parameters
    ----------
    programme
        A :class:`Programme` or anything :func:`make_programme` accepts.
    weeks
        Weeks of training (1 to :data:`legday.growth.MAX_WEEKS`; default
        ``reference.PROJECTION_WEEKS``).
    sex
        ``"male"`` or ``"female"`` (sets the starting muscle).
    start_training_age_weeks
        Training age at the start (0 = novice).

    Returns
    -------
    dict
        ``{"percent": {region: %}, "kg": {region: kg}, "muscle_percent": {muscle: %}}``
        for the regions ``"lower body"`` and ``"upper body"`` (whole regions,
        including muscle the course does not track).

    Notes
    -----
    Source: :func:`legday.growth.simulate_muscle_kg` (pelland2026 dose-response,
    kraemer2004: untrained regions do not grow).
    """
    prog = _as_programme(programme)
    n = whole_number("weeks", weeks, low=1, high=growth.MAX_WEEKS)
    weekly = daily_sets(prog).sum(axis=1)  # fractional sets per muscle, in the order of MUSCLES
    kg = growth.simulate_muscle_kg(weekly, weeks=n, sex=sex, start_training_age_weeks=start_training_age_weeks)
    start = growth.region_muscle_kg(kg[0], sex)
    end = growth.region_muscle_kg(kg[-1], sex)
    regions = ("lower body", "upper body")
    return {
        "percent": {r: 100.0 * (float(end[r]) / float(start[r]) - 1.0) for r in regions},
        "kg": {r: float(end[r]) - float(start[r]) for r in regions},
        "muscle_percent": {m: 100.0 * (kg[-1, i] / kg[0, i] - 1.0) for i, m in enumerate(MUSCLES)},
    }


# ---------------------------------------------------------------------------
# Evaluation
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Flag:
    """A muscle trained directly on a morning when its readiness is below the threshold."""

    day: str
    muscle: str
    readiness: float

    def __post_init__(self) -> None:
        if self.day not in DAYS:
            raise ValueError(f"day must be one of {', '.join(DAYS)}; got {_checks._short(self.day)}")
        if self.muscle not in MUSCLES:
            raise ValueError(f"muscle must be one of {', '.join(MUSCLES)}; got {_checks._short(self.muscle)}")
        object.__setattr__(self, "readiness", real_number("readiness", self.readiness, low=0.0, high=1.0))

    def __str__(self) -> str:
        return f"{self.day}: {self.muscle} trained at readiness {self.readiness:.2f}"


@dataclass(frozen=True)
class Evaluation:
    """Everything the course's models say about one programme (see :func:`evaluate`)."""

    programme: Programme
    weekly_sets: dict[str, float]
    daily_sets: FloatArray = field(repr=False)
    direct_sets: FloatArray = field(repr=False)
    readiness: FloatArray = field(repr=False)
    lowest_readiness: float
    flags: tuple[Flag, ...]
    session_kcal: dict[str, float]
    weekly_kcal: float
    growth_percent: dict[str, float]
    growth_kg: dict[str, float]
    weeks: int = PROJECTION_WEEKS
    ready_threshold: float = float(ref.READY_THRESHOLD)

    def __post_init__(self) -> None:
        if not isinstance(self.programme, Programme):
            raise ValueError(f"programme must be a Programme; got {_checks._short(self.programme)}")
        shape = (len(MUSCLES), len(DAYS))
        for key, high in (("daily_sets", None), ("direct_sets", None), ("readiness", 1.0)):
            arr = _checks.real_array(key, getattr(self, key), low=0.0, high=high, ndim=2)
            _checks.shapes({key: (arr, shape)})
            object.__setattr__(self, key, arr)
        real_number("lowest_readiness", self.lowest_readiness, low=0.0, high=1.0)
        real_number("ready_threshold", self.ready_threshold, low=0.0, high=1.0)
        whole_number("weeks", self.weeks, low=1, high=growth.MAX_WEEKS)
        if not all(isinstance(f, Flag) and f.day in DAYS and f.muscle in MUSCLES for f in self.flags):
            raise ValueError(f"flags must be Flag objects for days of DAYS and muscles of MUSCLES; "
                             f"got {_checks._short(self.flags)}")

    @property
    def name(self) -> str:
        return self.programme.name


def _trained_readiness(readiness: FloatArray, direct: FloatArray) -> FloatArray:
    return readiness[direct > 0]


def evaluate(
    programme: Any,
    *,
    body_mass_kg: float = BODY_MASS_KG,
    sex: str = "male",
    weeks: int = PROJECTION_WEEKS,
    start_training_age_weeks: float = 0.0,
    recovery_hours: Mapping[str, float] | None = None,
    ready_threshold: float = float(ref.READY_THRESHOLD),
) -> Evaluation:
    """Evaluate a programme with every model of the course.

    Parameters
    ----------
    programme
        A :class:`Programme` or anything :func:`make_programme` accepts.
    body_mass_kg
        Body mass for the energy model (kg, 20-400; default
        ``reference.PROGRAMME_BODY_MASS_KG``).
    sex
        ``"male"`` or ``"female"`` for the growth model.
    weeks
        Length of the growth projection (weeks, 1 to :data:`legday.growth.MAX_WEEKS`;
        default ``reference.PROJECTION_WEEKS``).
    start_training_age_weeks
        Training age at the start of the projection (weeks, >= 0).
    recovery_hours
        Optional per-muscle overrides of the recovery calibration (see
        :func:`muscle_taus`).
    ready_threshold
        Readiness below which training a muscle directly is flagged (0-1;
        default ``reference.READY_THRESHOLD``, the course's choice).

    Returns
    -------
    Evaluation
        Weekly fractional sets per muscle; daily sets, direct sets and
        readiness (muscles x days); the lowest readiness at which any muscle is
        trained directly (1.0 if none is); the flags; net kcal per session and
        per week; projected growth per region (% and kg).

    Raises
    ------
    ValueError
        A bad programme, an unknown muscle in ``recovery_hours`` or an argument
        out of range.
    """
    prog = _as_programme(programme)
    threshold = real_number("ready_threshold", ready_threshold, low=0.0, high=1.0)
    n_weeks = whole_number("weeks", weeks, low=1, high=growth.MAX_WEEKS)
    sets = daily_sets(prog)
    direct = direct_sets(prog)
    ready = readiness_by_day(prog, recovery_hours=recovery_hours)
    trained = _trained_readiness(ready, direct)
    flags = tuple(
        Flag(DAYS[d], MUSCLES[m], float(ready[m, d]))
        for d in range(len(DAYS))
        for m in range(len(MUSCLES))
        if direct[m, d] > 0 and ready[m, d] < threshold
    )
    kcal = session_kcal(prog, body_mass_kg)
    grown = projected_growth(prog, n_weeks, sex=sex, start_training_age_weeks=start_training_age_weeks)
    return Evaluation(
        programme=prog,
        weekly_sets={m: float(v) for m, v in zip(MUSCLES, sets.sum(axis=1))},
        daily_sets=sets,
        direct_sets=direct,
        readiness=ready,
        lowest_readiness=float(trained.min()) if trained.size else 1.0,
        flags=flags,
        session_kcal=kcal,
        weekly_kcal=float(sum(kcal.values())),
        growth_percent=grown["percent"],
        growth_kg=grown["kg"],
        weeks=n_weeks,
        ready_threshold=threshold,
    )


def comparison_table(evaluations: Iterable[Evaluation]) -> "tables.Table":
    """A table comparing evaluated programmes, one row each (a :class:`legday.tables.Table`).

    It shows as an HTML table in the book and in Jupyter, as a Markdown table in the
    PDF, and as aligned text under ``print``. Columns, each with its unit: training
    days per week; hard sets per week (sum over exercises); the fewest weekly
    fractional sets of any lower-body and of any upper-body muscle; the lowest
    readiness (0-1) at which a muscle is trained directly; flags (muscle-days
    trained directly below the readiness threshold); net energy per week (kcal
    above rest); projected growth of each region (% over the evaluation's weeks).

    Raises
    ------
    ValueError
        If ``evaluations`` is empty or holds anything but :class:`Evaluation` objects.
    """
    from legday import tables

    if isinstance(evaluations, (str, Mapping)) or not isinstance(evaluations, Iterable):
        raise ValueError(f"evaluations must be a non-empty list of Evaluation objects (from evaluate()); "
                         f"got {_checks._short(evaluations)}")
    rows = list(evaluations)
    if not rows or not all(isinstance(e, Evaluation) for e in rows):
        raise ValueError("evaluations must be a non-empty list of Evaluation objects (from evaluate())")
    weeks = sorted({e.weeks for e in rows})
    thresholds = sorted({e.ready_threshold for e in rows})
    horizon = f"% in {weeks[0]} weeks" if len(weeks) == 1 else "% over the evaluated weeks"
    columns = [
        tables.Column("Programme"),
        tables.Column("Training days", "days/week", "d"),
        tables.Column("Hard sets", "sets/week", ".0f"),
        tables.Column("Fewest sets, any leg muscle", "fractional sets/week", ".1f"),
        tables.Column("Fewest sets, any upper-body muscle", "fractional sets/week", ".1f"),
        tables.Column("Lowest readiness when trained", "0-1", ".2f"),
        tables.Column("Flags", "muscle-days", "d"),
        tables.Column("Net energy", "kcal/week", ",.0f"),
        tables.Column("Growth, lower body", horizon, ".1f"),
        tables.Column("Growth, upper body", horizon, ".1f"),
    ]
    body = [
        (
            e.name,
            len(e.programme.training_days),
            sum(_session_sets(s) for s in e.programme.sessions),
            min(e.weekly_sets[m] for m in LOWER_BODY),
            min(e.weekly_sets[m] for m in UPPER_BODY),
            e.lowest_readiness,
            len(e.flags),
            e.weekly_kcal,
            e.growth_percent["lower body"],
            e.growth_percent["upper body"],
        )
        for e in rows
    ]
    threshold = ", ".join(f"{t:.2f}" for t in thresholds)
    notes = (
        "A direct set counts 1 and a synergist set "
        f"{float(ref.INDIRECT_SET_WEIGHT):g} (fractional sets); readiness runs from 0 (exhausted) to 1 (recovered); a flag is a muscle trained "
        f"directly on a morning when its readiness is below {threshold}; net energy is above rest; growth "
        "is projected for an average responder."
    )
    return tables.Table(columns, body, caption="The course's models applied to each programme", notes=notes)


# ---------------------------------------------------------------------------
# Scheduler
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Schedule:
    """The result of :func:`schedule`."""

    programme: Programme
    lowest_readiness: float
    mean_readiness: float
    placements_searched: int

    def __post_init__(self) -> None:
        if not isinstance(self.programme, Programme):
            raise ValueError(f"programme must be a Programme; got {_checks._short(self.programme)}")
        real_number("lowest_readiness", self.lowest_readiness, low=0.0, high=1.0)
        real_number("mean_readiness", self.mean_readiness, low=0.0, high=1.0)
        whole_number("placements_searched", self.placements_searched, low=1, high=5040)


def schedule(
    sessions: Any,
    *,
    available_days: Sequence[Any] = DAYS,
    recovery_hours: Mapping[str, float] | None = None,
    name: str = "scheduled",
) -> Schedule:
    """Place sessions on days so that the lowest readiness of any trained muscle is highest.

    Every way of giving each session its own available day is tried (at
    most 7! = 5,040 placements, vectorised). The score of a placement is the
    lowest morning readiness, over every (muscle, day) where the muscle is
    trained directly, in the periodic steady state of the repeated week;
    readiness is taken before clipping at 0 so that even overloaded weeks
    are ranked. Ties go to the higher mean readiness of the trained muscles,
    then to the earliest placement in week order.

    Parameters
    ----------
    sessions
        A :class:`Programme` (its training days are rearranged) or a sequence
        of sessions, each a list of ``(exercise, sets)`` pairs or a mapping
        exercise -> sets. Empty sessions are ignored, but at least one must
        hold a set.
    available_days
        Days on which training is possible (names or indices; default all).
    recovery_hours
        Optional per-muscle overrides of the recovery calibration.
    name
        Name of the returned programme.

    Returns
    -------
    Schedule
        The best programme, its lowest and mean readiness (clipped to [0, 1])
        and the number of placements searched.

    Raises
    ------
    ValueError
        More sessions than available days, a repeated or unknown day, no
        session with a set, or a bad session (the message names ``sessions``).
    """
    if isinstance(sessions, Programme):
        items = sessions.non_empty_sessions()
    elif isinstance(sessions, Sequence) and not isinstance(sessions, str):
        if len(sessions) > len(DAYS):
            raise ValueError(f"a week has at most 7 days; got {len(sessions)} sessions")
        with argument("sessions"):
            checked = [_session(f"session {i + 1}", x) for i, x in enumerate(sessions)]
            for i, session in enumerate(checked):
                _check_session_length(f"session {i + 1}", session)
        items = [s for s in checked if _session_sets(s) > 0]
    else:
        raise ValueError(f"sessions must be a Programme or a list of sessions; got {_checks._short(sessions)}")
    if isinstance(available_days, str) or not isinstance(available_days, Sequence):
        raise ValueError(f"available_days must be a list of days; got {_checks._short(available_days)}")
    with argument("available_days"):
        days = [_day_index(d) for d in available_days]
    if not days:
        raise ValueError("available_days must name at least one day; got an empty list")
    if len(set(days)) != len(days):
        raise ValueError(f"available_days must not repeat a day; got {list(available_days)!r}")
    if len(items) > len(days):
        raise ValueError(
            f"cannot place {len(items)} sessions on {len(days)} available days; give more days or fewer sessions"
        )
    if not items:
        raise ValueError(f"sessions must hold at least one session with a set (nothing to place); "
                         f"got {_checks._short(sessions)}")

    taus = muscle_taus(recovery_hours)
    hard = float(ref.HARD_SESSION_SETS)
    k = len(items)
    # Fatigue that session i, placed on day d, leaves on each morning: (k, 7, muscles, 7), by linearity.
    contrib = np.zeros((k, len(DAYS), len(MUSCLES), len(DAYS)))
    direct = np.zeros((k, len(DAYS), len(MUSCLES), len(DAYS)))
    for i, session in enumerate(items):
        one = make_programme({0: session})
        f0 = recovery.periodic_muscle_fatigue(daily_sets(one), taus, hard_session_sets=hard)
        d0 = direct_sets(one)
        for d in range(len(DAYS)):
            contrib[i, d] = np.roll(f0, d, axis=1)
            direct[i, d] = np.roll(d0, d, axis=1)
    placements = np.array(list(itertools.permutations(days, k)), dtype=int)  # (P, k)
    idx = np.arange(k)
    fatigue = contrib[idx, placements].sum(axis=1)  # (P, muscles, 7)
    trained = direct[idx, placements].sum(axis=1) > 0
    raw = np.where(trained, 1.0 - fatigue, np.inf)
    lowest = raw.min(axis=(1, 2))
    clipped = np.clip(1.0 - fatigue, 0.0, 1.0)
    counts = trained.sum(axis=(1, 2))
    mean = np.where(trained, clipped, 0.0).sum(axis=(1, 2)) / np.maximum(counts, 1)
    # best: highest lowest readiness (rounded against float noise), then highest mean, then first
    order = np.lexsort((np.arange(len(placements)), -np.round(mean, 12), -np.round(lowest, 12)))
    best = placements[order[0]]
    week = {int(d): items[i] for i, d in enumerate(best)}
    prog = make_programme(week, name)
    return Schedule(
        programme=prog,
        lowest_readiness=float(np.clip(lowest[order[0]], 0.0, 1.0)),
        mean_readiness=float(mean[order[0]]),
        placements_searched=int(len(placements)),
    )


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
        An :class:`Evaluation` from :func:`evaluate`.
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
        raise ValueError(f"evaluation must be an Evaluation (from program.evaluate); got {_checks._short(evaluation)}")
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
