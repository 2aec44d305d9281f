"""Evaluate a weekly programme with every model of the course.

:func:`evaluate` runs the course's models on a programme of :mod:`legday.program`
and returns an :class:`Evaluation`:

- weekly **fractional sets** per muscle (:func:`legday.volume.weekly_sets`: a
  direct set counts 1, a synergist set 0.5);
- **readiness** of every muscle on every morning, in the periodic steady state
  of the repeated week (:func:`readiness_by_day`, from
  :func:`legday.recovery.periodic_muscle_fatigue` with :func:`muscle_taus`), and
  a **flag** (:class:`Flag`) wherever a muscle is trained directly while its
  readiness is below ``reference.READY_THRESHOLD`` (the course's choice);
- **energy** of each session (:func:`session_kcal`, :func:`session_minutes`),
  from the Compendium's METs and an assumed time per set;
- projected **growth** of each region over 12 weeks (:func:`projected_growth`,
  from :func:`legday.growth.simulate_muscle_kg`).

:func:`comparison_table` sets several evaluations side by side.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np

from legday import _checks, anatomy, energy, growth, recovery, volume
from legday import reference as ref
from legday._checks import FloatArray, argument, choice, real_number, whole_number
from legday.program import (
    BODY_MASS_KG,
    DAYS,
    PROJECTION_WEEKS,
    Programme,
    _as_programme,
    _check_session_length,
    _session,
    _session_sets,
    daily_sets,
    direct_sets,
)
from legday.volume import LOWER_BODY, MUSCLES, REGIONS, UPPER_BODY

if TYPE_CHECKING:  # the table type, for the annotation only (tables is imported where it is used)
    from legday import tables

__all__ = [
    "muscle_taus",
    "readiness_by_day",
    "Flag",
    "Evaluation",
    "evaluate",
    "session_minutes",
    "session_kcal",
    "projected_growth",
    "comparison_table",
]



# ---------------------------------------------------------------------------
# Sets and readiness
# ---------------------------------------------------------------------------


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
        A :class:`~legday.program.Programme` or anything :func:`~legday.program.make_programme` accepts.
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
    ex = volume._exercise("exercise", exercise_name)
    code = "02052" if (ex.region == "lower body" and ex.multi_joint) else "02054"
    return energy.compendium_met(code)


def session_minutes(session: Iterable[tuple[str, float]]) -> float:
    """Length of a session (min): hard sets x ``reference.MINUTES_PER_SET`` (an assumption).

    Parameters
    ----------
    session
        A list of ``(exercise, sets)`` pairs or a mapping exercise -> sets
        (as one day of :func:`~legday.program.make_programme`), with at least one set.

    Returns
    -------
    float
        Minutes (more than 0, at most ``MAX_SESSION_MINUTES``).

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
        A :class:`~legday.program.Programme` or anything :func:`~legday.program.make_programme` accepts.
    body_mass_kg
        Body mass (kg, 20-400; default ``reference.PROGRAMME_BODY_MASS_KG``).

    Returns
    -------
    dict
        Day -> kcal, every day of :data:`~legday.program.DAYS` (0 on rest days; the week
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
        A :class:`~legday.program.Programme` or anything :func:`~legday.program.make_programme` accepts.
    weeks
        Weeks of training (1 to ``legday.growth.MAX_WEEKS``; default
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
    start = anatomy.region_muscle_kg(kg[0], sex)
    end = anatomy.region_muscle_kg(kg[-1], sex)
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
        for key, keys, low in (("weekly_sets", MUSCLES, 0.0), ("session_kcal", DAYS, 0.0),
                               ("growth_percent", REGIONS, -100.0), ("growth_kg", REGIONS, None)):
            _mapping_of_numbers(key, getattr(self, key), keys, low)
        real_number("weekly_kcal", self.weekly_kcal, low=0.0, unit="kcal/week")
        if isinstance(self.flags, (str, bytes)) or not isinstance(self.flags, (tuple, list)) or not all(
                isinstance(f, Flag) and f.day in DAYS and f.muscle in MUSCLES for f in self.flags):
            raise ValueError(f"flags must be Flag objects for days of DAYS and muscles of MUSCLES; "
                             f"got {_checks._short(self.flags)}")

    @property
    def name(self) -> str:
        return self.programme.name


def _mapping_of_numbers(name: str, value: Any, keys: Iterable[str], low: float | None) -> None:
    """Check a result mapping: exactly ``keys``, each a finite number (``>= low`` when given)."""
    keys = tuple(keys)
    if not isinstance(value, Mapping) or set(value) != set(keys):
        raise ValueError(f"{name} must be a mapping with the keys {', '.join(keys)}; got {_checks._short(value)}")
    for key in keys:
        real_number(f"{name}[{key!r}]", value[key], low=low)


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
        A :class:`~legday.program.Programme` or anything :func:`~legday.program.make_programme` accepts.
    body_mass_kg
        Body mass for the energy model (kg, 20-400; default
        ``reference.PROGRAMME_BODY_MASS_KG``).
    sex
        ``"male"`` or ``"female"`` for the growth model.
    weeks
        Length of the growth projection (weeks, 1 to ``legday.growth.MAX_WEEKS``;
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
