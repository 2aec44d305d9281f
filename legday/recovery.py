"""Recovery of each muscle: per-muscle fatigue and readiness, and protein synthesis after a bout.

1. **Per-muscle fatigue and readiness.** One fatigue state per muscle group,
   fed by that muscle's fractional hard sets through the decayed sum of
   :func:`legday.fitness.decayed_load` (:func:`muscle_fatigue`,
   :func:`periodic_muscle_fatigue`); readiness is ``1 - fatigue`` clipped to
   [0, 1] (:func:`readiness`, :func:`hours_to_readiness`,
   :func:`readiness_after_session`): an index (0 = as tired as right after one
   hard session), not a measured share of capacity. The time constants
   (:func:`tau_from_recovery_hours`, :func:`muscle_tau_days`) are the course's
   calibration for trained lifters doing ordinary sets, so that one hard
   session is largely recovered within 48-72 h, with the multi-joint lower-body
   groups never quicker than the upper body and the quadriceps slowest
   (belcher2019, korak2015). After unaccustomed maximal eccentric work the
   ordering differs (arms most damage-prone: saka2009, chen2011); pass other
   hours to the programme functions to model that.
2. **Muscle protein synthesis after one bout** (context only; it does not
   drive growth): :func:`fit_exponential_decay`, :func:`mps_fit`,
   :func:`mps_percent_above_rest`.

Days and the daily recursion follow the convention of :mod:`legday.fitness`.

Sources: belcher2019, korak2015, marshall2018, saka2009, chen2011, phillips1997.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from legday import _checks, reference
from legday._checks import FloatArray, choice, real_array, real_number, scalar_or_array
from legday.fitness import TAU_RANGE_DAYS, _TAU_REASON, _series_size, _tau, decayed_load

__all__ = [
    "tau_from_recovery_hours",
    "muscle_tau_days",
    "muscle_fatigue",
    "periodic_muscle_fatigue",
    "readiness",
    "hours_to_readiness",
    "readiness_after_session",
    "fit_exponential_decay",
    "mps_fit",
    "mps_percent_above_rest",
]

#: Most fractional sets in one day or one session (reference.MAX_WEEKLY_SETS: no day holds more than a week's bound).
MAX_SETS = float(reference.MAX_WEEKLY_SETS)
#: Hard sets that make one hard session: the course's unit and its plausible range.
HARD_SESSION_SETS = float(reference.HARD_SESSION_SETS)
_HARD_RANGE = (float(reference.MIN_HARD_SESSION_SETS), MAX_SETS)

#: Most entries of the periodic kernel (rows x days x days): bounds memory.
MAX_KERNEL_VALUES = 10_000_000
_HOURS_PER_DAY = 24.0


def _hard(value: Any) -> float:
    return real_number("hard_session_sets", value, low=_HARD_RANGE[0], high=_HARD_RANGE[1],
                       unit="fractional sets (a plausibility bound)")



# ---------------------------------------------------------------------------
# Per-muscle fatigue and readiness (the course's calibration)
# ---------------------------------------------------------------------------


def tau_from_recovery_hours(
    hours: ArrayLike, recovered_readiness: float = reference.RECOVERED_READINESS.value
) -> float | FloatArray:
    """Fatigue time constant that brings one hard session to ``recovered_readiness`` in ``hours``.

    A hard session leaves fatigue 1 (readiness 0); fatigue then decays as
    ``exp(-t/tau)``, so readiness ``r`` is reached at ``t = tau ln(1/(1-r))``.

    Parameters
    ----------
    hours
        Time to reach ``recovered_readiness`` after one hard session (h,
        ``reference.MIN_RECOVERY_HOURS`` to ``reference.MAX_RECOVERY_HOURS``,
        1-720 h, a plausibility bound).
    recovered_readiness
        Readiness taken as "largely recovered" (0 < r < 1). Source: the
        course's choice (reference.RECOVERED_READINESS, an assumption).

    Returns
    -------
    float or numpy.ndarray
        Time constant in days, inside the plausible range of
        :class:`~legday.fitness.BanisterParameters` (0.001-365 d).

    Raises
    ------
    ValueError
        If ``hours`` is out of range, ``recovered_readiness`` is not in (0, 1),
        or the two give a time constant outside the plausible range.
    """
    h = _recovery_hours("hours", hours)
    r = real_number("recovered_readiness", recovered_readiness, low=0.0, high=1.0, low_open=True, high_open=True)
    with np.errstate(divide="ignore", over="ignore"):
        tau = h / _HOURS_PER_DAY / -math.log1p(-r)
    if not np.all((tau >= TAU_RANGE_DAYS[0]) & (tau <= TAU_RANGE_DAYS[1])):
        raise ValueError(
            f"hours and recovered_readiness give a time constant of {float(np.min(tau)):g}-{float(np.max(tau)):g} d, "
            f"outside [{TAU_RANGE_DAYS[0]:g}, {TAU_RANGE_DAYS[1]:g}] d ({_TAU_REASON}); "
            f"got hours={_checks._short(hours)}, "
            f"recovered_readiness={r:g}"
        )
    return scalar_or_array(tau)


def _recovery_hours(name: str, hours: Any) -> FloatArray:
    """Check hours to recovery of one hard session: finite, in the plausible range (reference.py)."""
    return real_array(name, hours, low=float(reference.MIN_RECOVERY_HOURS), high=float(reference.MAX_RECOVERY_HOURS),
                      unit="h (a plausibility bound: the studies report 48-72 h)")


def muscle_tau_days(muscle: str) -> float:
    """The course's fatigue time constant (days) for a muscle group.

    Parameters
    ----------
    muscle
        A key of ``reference.RECOVERY_HOURS`` (``"quadriceps"``, ``"biceps"`` ...).

    Returns
    -------
    float
        Time constant in days, from the muscle's calibration hours (48-72 h to
        90 % readiness; an assumption for trained lifters anchored to
        belcher2019, korak2015, marshall2018: quadriceps slowest, multi-joint
        lower-body groups never quicker than the upper body, single-joint groups quickest).

    Raises
    ------
    ValueError
        If ``muscle`` is not a calibrated muscle group.
    """
    key = choice("muscle", muscle, reference.RECOVERY_HOURS)
    return float(
        tau_from_recovery_hours(reference.RECOVERY_HOURS[key].value, reference.RECOVERED_READINESS.value)
    )


def _fatigue_inputs(
    sets_by_day: ArrayLike, tau_days: ArrayLike, hard_session_sets: float
) -> tuple[FloatArray, FloatArray, float]:
    sets = real_array("sets_by_day", sets_by_day, low=0.0, high=MAX_SETS,
                      unit="fractional sets per day (a plausibility bound, reference.MAX_WEEKLY_SETS)")
    if sets.ndim not in (1, 2):
        raise ValueError(
            f"sets_by_day must be 1-D (days) or 2-D (muscles x days); got shape {sets.shape}"
        )
    _series_size("sets_by_day", sets)
    tau = _tau("tau_days", tau_days, array=True)
    rows = sets.shape[:-1]
    if tau.ndim and tau.shape != rows:
        raise ValueError(
            f"tau_days must be one number or one per muscle (row of sets_by_day): sets_by_day has shape "
            f"{sets.shape}, so tau_days needs shape {rows}; got shape {tau.shape}"
        )
    hard = _hard(hard_session_sets)
    return sets, tau, hard


def muscle_fatigue(
    sets_by_day: ArrayLike,
    tau_days: ArrayLike,
    *,
    hard_session_sets: float = HARD_SESSION_SETS,
) -> FloatArray:
    """Fatigue of each muscle on the morning of each day, from the hard sets done before it.

    .. math:: F_m(n) = \\sum_{s<n} \\frac{L_m(s)}{L_\\text{hard}}\\, e^{-(n-s)/\\tau_m}

    Fatigue 1 is the state right after one hard session (``hard_session_sets``
    sets). Muscles are independent: non-local fatigue is trivial (behm2021).

    Parameters
    ----------
    sets_by_day
        Fractional hard sets per day: 1-D (days) for one muscle or 2-D
        (muscles x days), day 0 first, 0 to ``reference.MAX_WEEKLY_SETS`` a day.
    tau_days
        Fatigue time constant(s) in days (0.001-365, see
        :class:`~legday.fitness.BanisterParameters`): one number or one per muscle (see
        :func:`muscle_tau_days`).
    hard_session_sets
        Sets that make one hard session (``reference.MIN_HARD_SESSION_SETS``
        to ``reference.MAX_WEEKLY_SETS``; default ``reference.HARD_SESSION_SETS``,
        the course's unit after belcher2019's 4 sets to failure, an assumption).

    Returns
    -------
    numpy.ndarray
        Fatigue (in hard sessions, dimensionless), same shape as ``sets_by_day``.

    Raises
    ------
    ValueError
        If the sets are out of range or have the wrong shape, or a time
        constant or ``hard_session_sets`` is out of range.
    """
    sets, tau, hard = _fatigue_inputs(sets_by_day, tau_days, hard_session_sets)
    return decayed_load(sets / hard, tau, convention="next_day")


def periodic_muscle_fatigue(
    sets_by_day: ArrayLike,
    tau_days: ArrayLike,
    *,
    hard_session_sets: float = HARD_SESSION_SETS,
) -> FloatArray:
    """Steady-state morning fatigue when the same cycle of days repeats for ever.

    A weekly programme repeated week after week reaches a periodic steady
    state in which Sunday's session still weighs on Monday. For a cycle of
    ``P`` days (the length of the last axis),

    .. math:: F_m(d) = \\frac{1}{1-e^{-P/\\tau_m}}\\sum_{s=0}^{P-1}
              \\frac{L_m(s)}{L_\\text{hard}}\\, e^{-\\ell(d,s)/\\tau_m},\\qquad
              \\ell(d, s) = ((d - s - 1) \\bmod P) + 1

    where ``l`` is the number of days from session ``s`` forward to morning
    ``d`` (1 to ``P``).

    Parameters and errors as :func:`muscle_fatigue`.

    Returns
    -------
    numpy.ndarray
        Steady-state fatigue on each morning of the cycle (dimensionless),
        same shape as ``sets_by_day``.
    """
    sets, tau, hard = _fatigue_inputs(sets_by_day, tau_days, hard_session_sets)
    period = sets.shape[-1]
    if sets.size * period > MAX_KERNEL_VALUES:
        raise ValueError(f"sets_by_day must have at most {MAX_KERNEL_VALUES:,} values x days in its cycle (memory); "
                         f"got shape {sets.shape}")
    day = np.arange(period)
    lag = (day[:, None] - day[None, :] - 1) % period + 1  # lag[d, s] in 1..P
    tau_col = np.asarray(tau, dtype=float)[..., None, None] if tau.ndim else tau
    # -expm1(-P/tau) = 1 - exp(-P/tau) without cancellation (tau is at most 365 d, so it never reaches 0)
    kernel = np.exp(-lag / tau_col) / -np.expm1(-period / tau_col)  # (..., d, s)
    return np.einsum("...ds,...s->...d", kernel, sets / hard)


def readiness(fatigue: ArrayLike) -> float | FloatArray:
    """Readiness to train: ``1 - fatigue``, clipped to [0, 1].

    Parameters
    ----------
    fatigue
        Fatigue in hard sessions (>= 0), a number or a non-empty array.

    Returns
    -------
    float or numpy.ndarray
        Readiness (dimensionless, 0 = fully fatigued, 1 = fully recovered).

    Raises
    ------
    ValueError
        If ``fatigue`` is negative, empty or not finite.
    """
    f = real_array("fatigue", fatigue, low=0.0, unit="hard sessions")
    return scalar_or_array(1.0 - np.minimum(f, 1.0))


def hours_to_readiness(
    sets: float,
    tau_days: float,
    target_readiness: float = reference.RECOVERED_READINESS.value,
    *,
    hard_session_sets: float = HARD_SESSION_SETS,
) -> float:
    """Hours after one session of ``sets`` hard sets until readiness reaches ``target_readiness``.

    Fatigue right after the session is ``F0 = sets / hard_session_sets``; it
    decays as ``F0 exp(-t/tau)``, so ``t = tau ln(F0 / (1 - target))`` (and 0
    if the session never pushed readiness below the target).

    Parameters
    ----------
    sets
        Fractional hard sets in the session (0 to ``reference.MAX_WEEKLY_SETS``).
    tau_days
        The muscle's fatigue time constant (days, 0.001-365).
    target_readiness
        Readiness to reach (0 <= r < 1; default ``reference.RECOVERED_READINESS``).
    hard_session_sets
        Sets that make one hard session (an assumption, see :func:`muscle_fatigue`).

    Returns
    -------
    float
        Time in hours (>= 0).

    Raises
    ------
    ValueError
        If an argument is out of range.
    """
    s = _session_sets(sets)
    tau = _tau("tau_days", tau_days)
    r = real_number("target_readiness", target_readiness, low=0.0, high=1.0, high_open=True)
    hard = _hard(hard_session_sets)
    f0 = s / hard
    remaining = 1.0 - r
    if f0 <= remaining:
        return 0.0
    return _HOURS_PER_DAY * tau * (math.log(f0) - math.log(remaining))


def _session_sets(sets: Any) -> float:
    return real_number("sets", sets, low=0.0, high=MAX_SETS,
                       unit="fractional sets (a plausibility bound, reference.MAX_WEEKLY_SETS)")


def readiness_after_session(
    hours: ArrayLike,
    tau_days: float,
    *,
    sets: float = HARD_SESSION_SETS,
    hard_session_sets: float = HARD_SESSION_SETS,
) -> float | FloatArray:
    """Readiness of one muscle ``hours`` after a single session of ``sets`` hard sets.

    .. math:: r(t) = 1 - \\min\\left(1, \\frac{L}{L_\\text{hard}} e^{-t/\\tau}\\right)

    Parameters
    ----------
    hours
        Time since the session (h, >= 0); a number or an array.
    tau_days
        The muscle's fatigue time constant (days, 0.001-365; see :func:`muscle_tau_days`).
    sets
        Fractional hard sets in the session (0 to ``reference.MAX_WEEKLY_SETS``;
        default one hard session, ``reference.HARD_SESSION_SETS``). Keyword-only,
        so that it cannot be swapped with ``hours``.
    hard_session_sets
        Sets that make one hard session (the course's unit, an assumption; see
        :func:`muscle_fatigue`).

    Returns
    -------
    float or numpy.ndarray
        Readiness (0-1), same shape as ``hours``.

    Raises
    ------
    ValueError
        If an argument is out of range.
    """
    t = real_array("hours", hours, low=0.0, unit="h")
    tau = _tau("tau_days", tau_days)
    s = _session_sets(sets)
    hard = _hard(hard_session_sets)
    return readiness(s / hard * np.exp(-t / _HOURS_PER_DAY / tau))



# ---------------------------------------------------------------------------
# Muscle protein synthesis after one bout (context only; it does not drive growth)
# ---------------------------------------------------------------------------


def fit_exponential_decay(t: ArrayLike, y: ArrayLike) -> tuple[float, float]:
    """Least-squares fit of ``y = A exp(-t/tau)`` on the log scale.

    Parameters
    ----------
    t
        Times (>= 0, at least two clearly distinct values: a spread of more
        than a billionth of the largest time), any unit.
    y
        Positive values at those times (as many as ``t``).

    Returns
    -------
    (float, float)
        Amplitude ``A`` (units of ``y``) and time constant ``tau`` (units of ``t``).

    Raises
    ------
    ValueError
        If the arrays differ in length, have fewer than two clearly distinct
        times, ``y`` is not positive, or the fitted curve does not decay or
        gives a time constant or amplitude that is not a finite positive number.
    """
    times, values = _checks.same_length({"t": real_array("t", t, low=0.0, ndim=1),
                                          "y": real_array("y", y, low=0.0, low_open=True, ndim=1)})
    scale = float(times.max())
    spread = float(np.ptp(times))
    if not spread > 1e-9 * scale:
        raise ValueError(f"t must hold at least two clearly distinct times (a spread of more than a billionth "
                         f"of the largest); got {_checks._short(times.tolist())}")
    # least squares of log(y) on t / scale (closed form: well conditioned for any scale of t)
    u = times / scale
    log_y = np.log(values)
    du = u - u.mean()
    slope_u = float(np.dot(du, log_y - log_y.mean()) / np.dot(du, du))
    intercept = float(log_y.mean() - slope_u * u.mean())
    if not slope_u < 0:
        raise ValueError(f"y must decay with t for an exponential-decay fit; fitted slope {slope_u / scale:g} "
                         f"per unit time")
    amplitude = math.exp(intercept) if intercept < 709.0 else math.inf
    with np.errstate(over="ignore"):
        tau = float(np.float64(-scale) / slope_u)
    if not (math.isfinite(tau) and tau > 0 and math.isfinite(amplitude) and amplitude > 0):
        raise ValueError(f"t and y give no finite positive time constant and amplitude (tau={tau:g}, A={amplitude:g}): "
                         f"rescale t (for example to hours or days) or y")
    return amplitude, tau


def mps_fit() -> tuple[float, float]:
    """Exponential fit through Phillips 1997's muscle protein synthesis points.

    Returns
    -------
    (float, float)
        Amplitude (% above rest) and time constant (h): about 122 % and 38 h
        (half-life about 26 h). Source: phillips1997 (values via secondary
        sources); the fit is the course's arithmetic.
    """
    hours = np.array(sorted(reference.PHILLIPS_MPS_PERCENT))
    percent = np.array([reference.PHILLIPS_MPS_PERCENT[h].value for h in hours])
    return fit_exponential_decay(hours, percent)


def mps_percent_above_rest(hours: ArrayLike) -> float | FloatArray:
    """Muscle protein synthesis above rest after one bout (% above rest), from :func:`mps_fit`.

    Shown for context only: first-session synthesis did not predict later
    growth, so the course drives growth with weekly volume instead.

    Parameters
    ----------
    hours
        Time since the bout (h, >= 0).

    Returns
    -------
    float or numpy.ndarray
        Percent above the resting rate.

    Raises
    ------
    ValueError
        If ``hours`` is negative or not finite.
    """
    t = real_array("hours", hours, low=0.0, unit="h")
    amplitude, tau = mps_fit()
    return scalar_or_array(amplitude * np.exp(-t / tau))
