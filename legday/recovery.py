"""Fatigue and recovery: the fitness-fatigue model, the PMC and per-muscle readiness.

Three models, from the most general to the most specific:

1. **Banister's fitness-fatigue (impulse-response) model.** Each day's training
   load ``w`` adds to two exponentially decaying states, *fitness* ``g``
   (slow, time constant ``tau1``) and *fatigue* ``h`` (fast, ``tau2``);
   performance is ``p = p0 + k1 g - k2 h``.
2. **The Performance Management Chart (PMC).** The same two exponentials,
   normalised so that a constant daily load ``w`` gives CTL = ATL = ``w`` in
   the steady state; TSB = CTL - ATL. Its 42 and 7 days are software
   defaults, not physiology.
3. **Per-muscle fatigue and readiness.** One fatigue state per muscle group,
   fed by that muscle's fractional hard sets; readiness is ``1 - fatigue``
   clipped to [0, 1]: an index (0 = as tired as right after one hard session),
   not a measured share of capacity. The time constants are the course's
   calibration for trained lifters doing ordinary sets, so that one hard
   session is largely recovered within 48-72 h, with the multi-joint lower-body
   groups never quicker than the upper body and the quadriceps slowest
   (belcher2019, korak2015). After unaccustomed maximal
   eccentric work the ordering differs (arms most damage-prone: saka2009,
   chen2011); pass other hours to the programme functions to model that.

The daily recursion convention
------------------------------
Days are numbered 0, 1, 2, ... . **A load counts from the next day on**:
the state on day ``n`` describes the morning of day ``n``, before that day's
session, so it contains the loads of days ``0 .. n-1`` only::

    g[n] = (g[n-1] + w[n-1]) * exp(-1/tau)         (g[0] = 0)

This is the form of Stephens Hemingway et al. (2021, eq. 9-10) and of the
sum ``g(t) = sum over s < t of w(s) exp(-(t-s)/tau)``. Clarke & Skiba's
spreadsheet instead lets today's load count today,
``g[n] = g[n-1] exp(-1/tau) + w[n]``; pass ``convention="same_day"`` to get it.
The two differ only on the day of each session itself.

Sources: banister1975, clarke2013, stephenshemingway2021, coggan_pmc,
belcher2019, korak2015, marshall2018, saka2009, chen2011, phillips1997.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
from numpy.typing import ArrayLike

from legday import _checks, reference
from legday._checks import FloatArray, choice, real_array, real_number, scalar_or_array

__all__ = [
    "CONVENTIONS",
    "BanisterParameters",
    "decayed_load",
    "fitness_fatigue",
    "FitnessFatigue",
    "fitness_fatigue_components",
    "impulse_response",
    "crossing_time_days",
    "peak_time_days",
    "PMC",
    "pmc",
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

#: The two daily recursions, "next_day" (a load counts from the next morning, the default)
#: and "same_day" (a load counts on the day it is done, as in Clarke & Skiba's spreadsheet).
CONVENTIONS: tuple[str, ...] = ("next_day", "same_day")

#: Plausibility bounds (reference.py, course assumptions): time constants (d), daily load, gains.
TAU_RANGE_DAYS: tuple[float, float] = (float(reference.MIN_TIME_CONSTANT_DAYS),
                                       float(reference.MAX_TIME_CONSTANT_DAYS))
MAX_DAILY_LOAD = float(reference.MAX_DAILY_LOAD)
MAX_GAIN = float(reference.MAX_BANISTER_GAIN)
#: Most fractional sets in one day or one session (reference.MAX_WEEKLY_SETS: no day holds more than a week's bound).
MAX_SETS = float(reference.MAX_WEEKLY_SETS)
#: Hard sets that make one hard session: the course's unit and its plausible range.
HARD_SESSION_SETS = float(reference.HARD_SESSION_SETS)
_HARD_RANGE = (float(reference.MIN_HARD_SESSION_SETS), MAX_SETS)
#: Most values (days x rows) a load series may have: bounds memory and the run time of the daily loop.
MAX_SERIES_VALUES = 1_000_000
#: Most entries of the periodic kernel (rows x days x days): bounds memory.
MAX_KERNEL_VALUES = 10_000_000
_HOURS_PER_DAY = 24.0
_TAU_REASON = "a plausibility bound of the course: reference.MIN_TIME_CONSTANT_DAYS to MAX_TIME_CONSTANT_DAYS"


def _tau(name: str, value: Any, *, array: bool = False) -> Any:
    """A time constant in days, inside the plausible range (the bound's reason in the message)."""
    check = real_array if array else real_number
    return check(name, value, low=TAU_RANGE_DAYS[0], high=TAU_RANGE_DAYS[1], unit=f"d ({_TAU_REASON})")


def _gain(name: str, value: Any, *, positive: bool = False) -> float:
    return real_number(name, value, low=0.0, low_open=positive, high=MAX_GAIN,
                       unit="performance units per load unit (upper end: a plausibility bound)")


def _hard(value: Any) -> float:
    return real_number("hard_session_sets", value, low=_HARD_RANGE[0], high=_HARD_RANGE[1],
                       unit="fractional sets (a plausibility bound)")


def _series_size(name: str, arr: FloatArray) -> None:
    if arr.size > MAX_SERIES_VALUES:
        raise ValueError(f"{name} must hold at most {MAX_SERIES_VALUES:,} values (memory and run time); "
                         f"got {arr.size:,} (shape {arr.shape})")


@dataclass(frozen=True)
class BanisterParameters:
    """The four parameters of Banister's fitness-fatigue model, checked once.

    Pass it as ``params=`` to :func:`fitness_fatigue`, :func:`fitness_fatigue_components`,
    :func:`impulse_response`, :func:`crossing_time_days` and :func:`peak_time_days`
    instead of the four keywords; it is frozen, so one bundle can be reused safely.

    Attributes
    ----------
    k1, k2
        Fitness and fatigue gains (performance units per load unit, 0 to
        ``reference.MAX_BANISTER_GAIN``, a plausibility bound). Usually ``k2 > k1``.
    tau1, tau2
        Fitness and fatigue time constants (days, ``reference.MIN_TIME_CONSTANT_DAYS``
        to ``reference.MAX_TIME_CONSTANT_DAYS``). Fitness outlasts fatigue: ``tau1 > tau2``.

    Examples
    --------
    >>> cs = BanisterParameters(k1=1.0, k2=2.0, tau1=27.0, tau2=10.0)   # clarke2013's example
    >>> round(crossing_time_days(params=cs), 1)
    11.0
    """

    k1: float
    k2: float
    tau1: float
    tau2: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "k1", _gain("k1", self.k1))
        object.__setattr__(self, "k2", _gain("k2", self.k2))
        object.__setattr__(self, "tau1", _tau("tau1", self.tau1))
        object.__setattr__(self, "tau2", _tau("tau2", self.tau2))


_SWAP_MEANING = ("in the Banister model fitness (tau1) outlasts fatigue (tau2), otherwise training "
                 "never raises performance")


def _banister(params: Any, k1: Any, k2: Any, tau1: Any, tau2: Any) -> BanisterParameters:
    """The parameters from ``params=`` or from the four keywords (not both), checked."""
    given = {"k1": k1, "k2": k2, "tau1": tau1, "tau2": tau2}
    if params is not None:
        if not isinstance(params, BanisterParameters):
            raise ValueError(f"params must be a BanisterParameters(k1, k2, tau1, tau2); got {params!r}")
        both = [k for k, v in given.items() if v is not None]
        if both:
            raise ValueError(f"params and {', '.join(both)} were both given: pass params= or the four "
                             f"parameters k1, k2, tau1, tau2, not both")
        return params
    missing = [k for k, v in given.items() if v is None]
    if missing:
        raise ValueError(f"{', '.join(missing)} must be given (or params=BanisterParameters(k1, k2, tau1, tau2))")
    return BanisterParameters(k1, k2, tau1, tau2)


# ---------------------------------------------------------------------------
# Banister's fitness-fatigue model
# ---------------------------------------------------------------------------


def decayed_load(load: ArrayLike, tau_days: ArrayLike, *, convention: str = "next_day") -> FloatArray:
    """Exponentially decayed sum of a daily load: the state of one Banister component.

    .. math:: g_n = \\sum_{s<n} w_s\\, e^{-(n-s)/\\tau}
              \\quad(\\text{"next_day"}), \\qquad
              g_n = \\sum_{s\\le n} w_s\\, e^{-(n-s)/\\tau}\\quad(\\text{"same_day"})

    Parameters
    ----------
    load
        Daily load (arbitrary units, 0 to ``reference.MAX_DAILY_LOAD``, a
        plausibility bound). 1-D (days) or N-D with days on the last axis (for
        example muscles x days); at most :data:`MAX_SERIES_VALUES` values.
    tau_days
        Time constant in days (``reference.MIN_TIME_CONSTANT_DAYS`` to
        ``reference.MAX_TIME_CONSTANT_DAYS``); a number, or one per row (its
        shape must broadcast against ``load.shape[:-1]``).
    convention
        ``"next_day"`` (default) or ``"same_day"``: see the module docstring.

    Returns
    -------
    numpy.ndarray
        The state on each day, same shape as ``load`` (load units x days of
        decay; a constant load ``w`` saturates near ``w / (exp(1/tau) - 1)``,
        about ``tau * w``).

    Raises
    ------
    ValueError
        If ``load`` is negative, too large, empty or not finite, ``tau_days``
        is outside its range, or ``convention`` is unknown.
    """
    w = real_array("load", load, low=0.0, high=MAX_DAILY_LOAD, unit="load units per day (a plausibility bound)")
    if w.ndim == 0:
        raise ValueError(f"load must be an array of daily loads (at least 1-D); got the single number {float(w):g}")
    _series_size("load", w)
    tau = _tau("tau_days", tau_days, array=True)
    rule = choice("convention", convention, CONVENTIONS)
    try:
        tau_b = np.broadcast_to(tau, w.shape[:-1]) if tau.ndim else tau
    except ValueError:
        raise ValueError(
            f"tau_days must be one number or one per row of load: load has shape {w.shape}, so tau_days needs "
            f"shape {w.shape[:-1]}; got shape {tau.shape}"
        ) from None
    decay = np.exp(-1.0 / tau_b)
    state = np.zeros_like(w)
    current = np.zeros(w.shape[:-1])
    for n in range(w.shape[-1]):
        if rule == "same_day":
            current = current * decay + w[..., n]
            state[..., n] = current
        else:
            state[..., n] = current
            current = (current + w[..., n]) * decay
    return state


def fitness_fatigue(
    load: ArrayLike,
    k1: float | None = None,
    k2: float | None = None,
    tau1: float | None = None,
    tau2: float | None = None,
    p0: float = 0.0,
    *,
    params: BanisterParameters | None = None,
    convention: str = "next_day",
) -> FloatArray:
    """Performance on each day from Banister's fitness-fatigue model.

    .. math:: p_n = p_0 + k_1 g_n - k_2 h_n,\\qquad
              g_n = \\sum_{s<n} w_s e^{-(n-s)/\\tau_1},\\quad
              h_n = \\sum_{s<n} w_s e^{-(n-s)/\\tau_2}

    The model is linear: the response to two load series added together is
    the sum of the two responses (above ``p0``).

    Parameters
    ----------
    load
        1-D array of daily training load (arbitrary units, 0 to
        ``reference.MAX_DAILY_LOAD``), day 0 first.
    k1, k2
        Fitness and fatigue gains (performance units per load unit, 0 to
        ``reference.MAX_BANISTER_GAIN``). Usually ``k2 > k1``.
    tau1, tau2
        Fitness and fatigue time constants (days, ``reference.MIN_TIME_CONSTANT_DAYS``
        to ``reference.MAX_TIME_CONSTANT_DAYS``). Fitness outlasts fatigue,
        ``tau1 > tau2``: the other way round gives an
        :class:`~legday._checks.InvertedParametersWarning`.
    p0
        Baseline performance (performance units).
    params
        A :class:`BanisterParameters` instead of ``k1, k2, tau1, tau2`` (not both).
    convention
        ``"next_day"`` (default: performance on day ``n`` is measured before
        day ``n``'s session) or ``"same_day"`` (Clarke & Skiba's spreadsheet).

    Returns
    -------
    numpy.ndarray
        Performance on each day (performance units), same length as ``load``.

    Raises
    ------
    ValueError
        If ``load`` is not a non-empty 1-D array of finite loads in range, a
        gain or a time constant is out of range, ``p0`` is not finite, or both
        ``params`` and the four parameters are given.

    Notes
    -----
    Worked example (Clarke & Skiba 2013): p0 = 500, k1 = 1, k2 = 2,
    tau1 = 27 d, tau2 = 10 d. Source: banister1975, clarke2013.
    """
    parts = fitness_fatigue_components(load, k1, k2, tau1, tau2, p0, params=params, convention=convention)
    return parts.performance


class FitnessFatigue(NamedTuple):
    """The two states of the fitness-fatigue model and the performance they give."""

    fitness: FloatArray
    fatigue: FloatArray
    performance: FloatArray


def fitness_fatigue_components(
    load: ArrayLike,
    k1: float | None = None,
    k2: float | None = None,
    tau1: float | None = None,
    tau2: float | None = None,
    p0: float = 0.0,
    *,
    params: BanisterParameters | None = None,
    convention: str = "next_day",
) -> FitnessFatigue:
    """Fitness ``k1 g``, fatigue ``k2 h`` and performance ``p0 + k1 g - k2 h`` per day.

    Same parameters, units and errors as :func:`fitness_fatigue`; the fitness
    and fatigue returned already include their gains (performance units).
    """
    w = real_array("load", load, low=0.0, high=MAX_DAILY_LOAD,
                   unit="load units per day (a plausibility bound)", ndim=1)
    bp = _banister(params, k1, k2, tau1, tau2)
    base = real_number("p0", p0)
    _checks.warn_if_inverted(("tau1", bp.tau1), ("tau2", bp.tau2), _SWAP_MEANING)
    fitness = bp.k1 * decayed_load(w, bp.tau1, convention=convention)
    fatigue = bp.k2 * decayed_load(w, bp.tau2, convention=convention)
    return FitnessFatigue(fitness, fatigue, base + fitness - fatigue)


def _check_crossing_parameters(
    params: Any, k1: Any, k2: Any, tau1: Any, tau2: Any
) -> tuple[float, float, float, float]:
    bp = _banister(params, k1, k2, tau1, tau2)
    gain1 = _gain("k1", bp.k1, positive=True)
    gain2 = _gain("k2", bp.k2, positive=True)
    t1, t2 = bp.tau1, bp.tau2
    if not gain2 > gain1:
        raise ValueError(
            f"k2 must be greater than k1 for the net effect of a session to start negative and cross zero; "
            f"got k1={gain1:g}, k2={gain2:g}"
        )
    if not t1 > t2:
        raise ValueError(
            f"tau1 must be greater than tau2 (fitness outlasts fatigue) for a crossing; got tau1={t1:g}, tau2={t2:g} "
            f"(were tau1 and tau2 swapped?)"
        )
    return gain1, gain2, t1, t2


def _rate_gap(t1: float, t2: float) -> float:
    gap = 1.0 / t2 - 1.0 / t1
    if not gap > 0:
        raise ValueError(
            f"tau1 and tau2 must differ by more than rounding for a crossing; got tau1={t1!r}, tau2={t2!r}"
        )
    return gap


def impulse_response(
    t_days: ArrayLike,
    k1: float | None = None,
    k2: float | None = None,
    tau1: float | None = None,
    tau2: float | None = None,
    *,
    params: BanisterParameters | None = None,
) -> float | FloatArray:
    """Net effect of one unit of load, ``t_days`` after it: ``k1 e^(-t/tau1) - k2 e^(-t/tau2)``.

    Parameters
    ----------
    t_days
        Time since the session (days, >= 0); a number or an array.
    k1, k2
        Fitness and fatigue gains (performance units per load unit, 0 to
        ``reference.MAX_BANISTER_GAIN``).
    tau1, tau2
        Fitness and fatigue time constants (days, in the range of
        :class:`BanisterParameters`). Fitness outlasts fatigue, ``tau1 > tau2``:
        the other way round gives an :class:`~legday._checks.InvertedParametersWarning`.
    params
        A :class:`BanisterParameters` instead of the four parameters (not both).

    Returns
    -------
    float or numpy.ndarray
        Change of performance per unit load (performance units per load unit).

    Raises
    ------
    ValueError
        If ``t_days`` is negative or a parameter is out of range.
    """
    t = real_array("t_days", t_days, low=0.0, unit="d")
    bp = _banister(params, k1, k2, tau1, tau2)
    _checks.warn_if_inverted(("tau1", bp.tau1), ("tau2", bp.tau2), _SWAP_MEANING)
    return scalar_or_array(bp.k1 * np.exp(-t / bp.tau1) - bp.k2 * np.exp(-t / bp.tau2))


def crossing_time_days(
    k1: float | None = None,
    k2: float | None = None,
    tau1: float | None = None,
    tau2: float | None = None,
    *,
    params: BanisterParameters | None = None,
) -> float:
    """Time after one session at which its net effect turns from negative to positive.

    Setting ``k1 e^(-t/tau1) = k2 e^(-t/tau2)`` gives

    .. math:: t_c = \\frac{\\ln(k_2/k_1)}{1/\\tau_2 - 1/\\tau_1}

    Parameters
    ----------
    k1, k2
        Fitness and fatigue gains (> 0, with ``k2 > k1``; at most
        ``reference.MAX_BANISTER_GAIN``).
    tau1, tau2
        Fitness and fatigue time constants (days, with ``tau1 > tau2``, both
        in the range of :class:`BanisterParameters`).
    params
        A :class:`BanisterParameters` instead of the four parameters (not both).

    Returns
    -------
    float
        Crossing time in days. Clarke & Skiba's example (1, 2, 27, 10) gives
        11.0 d.

    Raises
    ------
    ValueError
        If a parameter is out of range, ``k2 <= k1`` or ``tau1 <= tau2`` (then
        the net effect never changes sign).
    """
    gain1, gain2, t1, t2 = _check_crossing_parameters(params, k1, k2, tau1, tau2)
    return (math.log(gain2) - math.log(gain1)) / _rate_gap(t1, t2)


def peak_time_days(
    k1: float | None = None,
    k2: float | None = None,
    tau1: float | None = None,
    tau2: float | None = None,
    *,
    params: BanisterParameters | None = None,
) -> float:
    """Time after one session at which its net (positive) effect is largest.

    Setting the derivative of ``k1 e^(-t/tau1) - k2 e^(-t/tau2)`` to zero gives

    .. math:: t_p = \\frac{\\ln\\left(k_2\\tau_1 / (k_1\\tau_2)\\right)}{1/\\tau_2 - 1/\\tau_1}

    Parameters and errors as :func:`crossing_time_days`.

    Returns
    -------
    float
        Peak time in days; always later than the crossing time. Clarke &
        Skiba's example gives 26.8 d.
    """
    gain1, gain2, t1, t2 = _check_crossing_parameters(params, k1, k2, tau1, tau2)
    # log(k2 tau1 / (k1 tau2)) as a sum of logs: the ratio itself may overflow for extreme (in-range) values
    return (math.log(gain2) - math.log(gain1) + math.log(t1) - math.log(t2)) / _rate_gap(t1, t2)


# ---------------------------------------------------------------------------
# Performance Management Chart
# ---------------------------------------------------------------------------


class PMC(NamedTuple):
    """Chronic and acute training load and their balance, one value per day.

    Unpack it (``ctl, atl, tsb = pmc(load)``), use attributes (``chart.ctl``)
    or keys (``chart["ctl"]``).
    """

    ctl: FloatArray
    atl: FloatArray
    tsb: FloatArray

    def __getitem__(self, key: Any) -> Any:  # type: ignore[override]
        # unknown keys raise KeyError (the convention for [] access), naming the allowed keys
        if isinstance(key, str):
            name = key.strip().lower()
            if name in self._fields:
                return getattr(self, name)
        elif isinstance(key, (int, np.integer, slice)) and not isinstance(key, (bool, np.bool_)):
            if isinstance(key, slice) or -len(self) <= int(key) < len(self):
                return tuple.__getitem__(self, key)
        raise KeyError(f"PMC has the keys 'ctl', 'atl', 'tsb' (or 0, 1, 2); got {key!r}")


def pmc(
    load: ArrayLike,
    ctl_days: float = reference.PMC_CTL_DAYS.value,
    atl_days: float = reference.PMC_ATL_DAYS.value,
    *,
    ctl0: float = 0.0,
    atl0: float = 0.0,
) -> PMC:
    """The Performance Management Chart: CTL, ATL and TSB for a daily load.

    .. math::
        \\mathrm{CTL}_n = \\mathrm{CTL}_{n-1} e^{-1/\\tau_C} + w_n (1 - e^{-1/\\tau_C}),\\qquad
        \\mathrm{ATL}_n \\text{ likewise with } \\tau_A,\\qquad
        \\mathrm{TSB}_n = \\mathrm{CTL}_{n-1} - \\mathrm{ATL}_{n-1}

    CTL and ATL include the day's own load (as in the charting software);
    TSB on day ``n`` is the balance going into day ``n`` (the morning form),
    so it uses the previous day's values. A constant load ``w`` brings CTL and
    ATL to ``w`` and TSB to 0. The 42 and 7 days are software defaults, not
    physiological constants.

    Parameters
    ----------
    load
        1-D array of daily load (for example TSS or hard sets; 0 to
        ``reference.MAX_DAILY_LOAD``, a plausibility bound).
    ctl_days, atl_days
        Time constants of the chronic and acute averages (days, in the range
        of :class:`BanisterParameters`). Source: coggan_pmc (defaults
        ``reference.PMC_CTL_DAYS`` = 42 and ``reference.PMC_ATL_DAYS`` = 7).
    ctl0, atl0
        Values before day 0 (load units, 0 to ``reference.MAX_DAILY_LOAD``).

    Returns
    -------
    PMC
        ``(ctl, atl, tsb)``, three arrays as long as ``load`` (load units per day).

    Raises
    ------
    ValueError
        If ``load`` is not a non-empty 1-D array of finite loads in range or a
        time constant or start value is out of range.
    """
    unit = "load units per day (a plausibility bound)"
    w = real_array("load", load, low=0.0, high=MAX_DAILY_LOAD, unit=unit, ndim=1)
    _series_size("load", w)
    tau_c = _tau("ctl_days", ctl_days)
    tau_a = _tau("atl_days", atl_days)
    start_c = real_number("ctl0", ctl0, low=0.0, high=MAX_DAILY_LOAD, unit=unit)
    start_a = real_number("atl0", atl0, low=0.0, high=MAX_DAILY_LOAD, unit=unit)

    def ewma(tau: float, start: float) -> FloatArray:
        decay = math.exp(-1.0 / tau)
        out = np.empty_like(w)
        value = start
        for n, today in enumerate(w):
            value = value * decay + today * (1.0 - decay)
            out[n] = value
        return out

    ctl = ewma(tau_c, start_c)
    atl = ewma(tau_a, start_a)
    tsb = np.empty_like(w)
    tsb[0] = start_c - start_a
    tsb[1:] = ctl[:-1] - atl[:-1]
    return PMC(ctl, atl, tsb)


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
        :class:`BanisterParameters` (0.001-365 d).

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
        :class:`BanisterParameters`): one number or one per muscle (see
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
