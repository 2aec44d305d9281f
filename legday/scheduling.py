"""Schedule a week: place given sessions on the days so that trained muscles are as ready as possible.

:func:`schedule` places a given set of sessions on the days of the week so that
the lowest readiness at which any muscle is trained directly
(:func:`legday.assessment.readiness_by_day`) is as high as possible (an
exhaustive search: at most 7! = 5,040 placements), and returns a
:class:`Schedule`.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from legday import _checks, recovery
from legday import reference as ref
from legday._checks import argument, real_number, whole_number
from legday.assessment import muscle_taus
from legday.program import (
    DAYS,
    Programme,
    _check_session_length,
    _day_index,
    _session,
    _session_sets,
    daily_sets,
    direct_sets,
    make_programme,
)
from legday.volume import MUSCLES

__all__ = [
    "Schedule",
    "schedule",
]



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
        A :class:`~legday.program.Programme` (its training days are rearranged) or a sequence
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
