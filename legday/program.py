"""Weekly training programmes as data: build one, or take a ready-made split.

A **programme** (:class:`Programme`) is one week of training as data: seven
days (:data:`DAYS`), each a list of ``(exercise, sets)`` pairs from the exercise
catalogue of :mod:`legday.volume` (an empty day is a rest day). The week
repeats, week after week. Build one with :func:`make_programme`, or take one of
the ready-made splits in :data:`SPLITS` (:func:`split`), or one of the eight weeks that
chapter 5 compares (:data:`RECOVERY_COMPARISON`); :func:`daily_sets` and
:func:`direct_sets` give its fractional and direct sets per muscle and day.

Bad programmes (an unknown exercise, day or muscle, negative or implausibly many
sets, a session longer than a day, more than seven days, a week without a set)
raise :class:`ValueError` with a message that names the argument and says what is
wrong and where; a :class:`Programme` built directly checks itself the same way.
Running the course's models on a programme is in :mod:`legday.assessment`,
placing sessions on the days of the week in :mod:`legday.scheduling`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import numpy as np

from legday import _checks, volume
from legday import reference as ref
from legday._checks import FloatArray, argument, choice, real_number
from legday.volume import MUSCLES

__all__ = [
    "DAYS",
    "Programme",
    "make_programme",
    "SPLITS",
    "split",
    "RECOVERY_COMPARISON",
    "daily_sets",
    "direct_sets",
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
        sets from 0 to ``MAX_SETS``; at most ``MAX_SESSION_MINUTES`` of
        sets a day (``reference.MINUTES_PER_SET`` each), at most ``MAX_SETS``
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
        """The sessions of the training days, in week order (for :func:`~legday.scheduling.schedule`)."""
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
            ex = volume._exercise("exercise", name)
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
            ex = volume._exercise("exercise", name)
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
        ``MAX_SETS``). The week must hold at least one set (see
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



def _recovery_comparison() -> dict[str, Programme]:
    daily = SPLITS["upper body only"]
    upper_x3 = [(name, 3 * sets) for name, sets in daily.sessions[0]]  # three days' sets in one session
    legs = SPLITS["upper/lower"].sessions[1]                           # the ready-made leg session
    weeks = (
        daily,
        make_programme({"Mon": upper_x3, "Thu": upper_x3}, "upper twice, no legs"),
        make_programme({"Mon": upper_x3, "Tue": legs, "Thu": upper_x3, "Fri": legs}, "upper + legs on rest days"),
        make_programme({"Mon": upper_x3, "Tue": legs, "Wed": legs, "Thu": upper_x3}, "legs back to back"),
        SPLITS["full body"],
        SPLITS["upper/lower"],
        SPLITS["push/pull/legs"],
        SPLITS["bro split"],
    )
    return {p.name: p for p in weeks}


RECOVERY_COMPARISON: Mapping[str, Programme] = MappingProxyType(_recovery_comparison())
"""The eight weeks chapter 5 compares, by name and in the chapter's order.

They are ``"upper body only"``
(six short upper-body sessions); ``"upper twice, no legs"`` (the same weekly upper-body sets in
two sessions, Monday and Thursday, each three days' sets); ``"upper + legs on rest days"`` (those
two sessions with the leg session of ``"upper/lower"`` on Tuesday and Friday); ``"legs back to
back"`` (the leg sessions moved to Tuesday and Wednesday); and the ready-made ``"full body"``,
``"upper/lower"``, ``"push/pull/legs"`` and ``"bro split"`` of :data:`SPLITS`. The chapter's
cells and its explorable (``legday.explorables.weekly_readiness``) both take them from here."""


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
            for m in volume._exercise("exercise", name).direct:
                out[MUSCLES.index(m), d] += sets
    return out
