"""Fitness and fatigue of the whole body: Banister's model and the Performance Management Chart.

1. **Banister's fitness-fatigue (impulse-response) model.** Each day's training
   load ``w`` adds to two exponentially decaying states, *fitness* ``g``
   (slow, time constant ``tau1``) and *fatigue* ``h`` (fast, ``tau2``);
   performance is ``p = p0 + k1 g - k2 h`` (:func:`fitness_fatigue`,
   :func:`fitness_fatigue_components`, :func:`impulse_response`,
   :func:`crossing_time_days`, :func:`peak_time_days`).
   :func:`training_block` is chapter 5's eight-week block of daily loads.
2. **The Performance Management Chart (PMC).** The same two exponentials,
   normalised so that a constant daily load ``w`` gives CTL = ATL = ``w`` in
   the steady state; TSB = CTL - ATL (:func:`pmc`, a :class:`PMC`). Its 42 and
   7 days are software defaults, not physiology.

Both rest on one exponentially decayed sum of the daily loads, :func:`decayed_load`,
which :mod:`legday.recovery` uses for each muscle too.

The daily recursion convention
------------------------------
Days are numbered 0, 1, 2, ... . **A load counts from the next day on**:
the state on day ``n`` describes the morning of day ``n``, before that day's
session, so it contains the loads of days ``0 .. n-1`` only::

    g[n] = (g[n-1] + w[n-1]) * exp(-1/tau)         (g[0] = 0)

This is the form of Stephens Hemingway et al. (2021, eq. 9-10) and of the
sum ``g(t) = sum over s < t of w(s) exp(-(t-s)/tau)``. Clarke & Skiba's
spreadsheet instead lets today's load count today,
``g[n] = g[n-1] exp(-1/tau) + w[n]``; pass ``convention="same_day"`` to get it
(:data:`CONVENTIONS`). The two differ only on the day of each session itself.

Sources: banister1975, clarke2013, stephenshemingway2021, coggan_pmc.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, NamedTuple

import numpy as np
from scipy import signal
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
    "BLOCK_WEEK",
    "BLOCK_SCALE",
    "training_block",
]

#: The two daily recursions, "next_day" (a load counts from the next morning, the default)
#: and "same_day" (a load counts on the day it is done, as in Clarke & Skiba's spreadsheet).
CONVENTIONS: tuple[str, ...] = ("next_day", "same_day")

#: Plausibility bounds (reference.py, course assumptions): time constants (d), daily load, gains.
TAU_RANGE_DAYS: tuple[float, float] = (float(reference.MIN_TIME_CONSTANT_DAYS),
                                       float(reference.MAX_TIME_CONSTANT_DAYS))
MAX_DAILY_LOAD = float(reference.MAX_DAILY_LOAD)
MAX_GAIN = float(reference.MAX_BANISTER_GAIN)

#: Most values (days x rows) a load series may have: bounds memory and the run time of the daily loop.
MAX_SERIES_VALUES = 1_000_000

_TAU_REASON = "a plausibility bound of the course: reference.MIN_TIME_CONSTANT_DAYS to MAX_TIME_CONSTANT_DAYS"


def _tau(name: str, value: Any, *, array: bool = False) -> Any:
    """A time constant in days, inside the plausible range (the bound's reason in the message)."""
    check = real_array if array else real_number
    return check(name, value, low=TAU_RANGE_DAYS[0], high=TAU_RANGE_DAYS[1], unit=f"d ({_TAU_REASON})")


def _gain(name: str, value: Any, *, positive: bool = False) -> float:
    return real_number(name, value, low=0.0, low_open=positive, high=MAX_GAIN,
                       unit="performance units per load unit (upper end: a plausibility bound)")


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
        example muscles x days); at most ``MAX_SERIES_VALUES`` values.
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
        ``InvertedParametersWarning``.
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
        the other way round gives an ``InvertedParametersWarning``.
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
        # value_n = decay value_(n-1) + (1 - decay) load_n, from value_(-1) = start: a first-order
        # recursive filter, which scipy.signal.lfilter runs (its state zi carries the start value)
        decay = math.exp(-1.0 / tau)
        out, _ = signal.lfilter([1.0 - decay], [1.0, -decay], w, zi=[decay * start])
        return np.asarray(out, dtype=float)

    ctl = ewma(tau_c, start_c)
    atl = ewma(tau_a, start_a)
    tsb = np.empty_like(w)
    tsb[0] = start_c - start_a
    tsb[1:] = ctl[:-1] - atl[:-1]
    return PMC(ctl, atl, tsb)


# ---------------------------------------------------------------------------
# Chapter 5's training block
# ---------------------------------------------------------------------------

#: The block's training days in each week, Monday first, five training days (1) and two rest days (0).
BLOCK_WEEK: tuple[float, ...] = (1.0, 1.0, 1.0, 0.0, 1.0, 1.0, 0.0)
#: The load of each of the block's eight weeks relative to ``load``, two "3 + 1" blocks (three
#: rising weeks, then an easy one). An illustrative choice of the course, not a study's plan.
BLOCK_SCALE: tuple[float, ...] = (1.0, 1.1, 1.2, 0.6, 1.1, 1.2, 1.3, 0.6)


def training_block(load: float = 100.0, *, rest_days: int = 21) -> FloatArray:
    """Chapter 5's training block: daily loads of eight weeks of training, then ``rest_days`` of rest.

    Each week trains on the days of :data:`BLOCK_WEEK` (five a week) at ``load`` times that
    week's factor of :data:`BLOCK_SCALE` (rising for three weeks and dropping in the fourth,
    twice); the rest days at the end are a taper that runs into detraining.

    Parameters
    ----------
    load
        The daily load of a training day in a week of factor 1 (arbitrary units, > 0, at most
        ``MAX_DAILY_LOAD`` divided by the largest factor).
    rest_days
        Days of rest after the eight weeks (a whole number, 0 to 3650).

    Returns
    -------
    FloatArray
        One load per day, day 0 first: ``8 * 7 + rest_days`` values.

    Raises
    ------
    ValueError
        If ``load`` is not a positive finite number in range, or ``rest_days`` is not a whole
        number from 0 to 3650.
    """
    top = MAX_DAILY_LOAD / max(BLOCK_SCALE)
    w = real_number("load", load, low=0.0, low_open=True, high=top,
                    unit=f"load units (at most MAX_DAILY_LOAD / {max(BLOCK_SCALE):g}, a plausibility bound)")
    rest = _checks.whole_number("rest_days", rest_days, low=0, high=3650)
    week = np.array(BLOCK_WEEK)
    return np.concatenate([w * s * week for s in BLOCK_SCALE] + [np.zeros(rest)])
