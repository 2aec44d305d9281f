"""Energy: what a training session costs and what it leaves behind.

The module follows one chain of reasoning, from minutes in the gym to kilocalories:

1. **Session energy from METs.** The Compendium of Physical Activities gives each
   activity a MET value; one MET is, by convention, 3.5 ml of oxygen per kg per
   minute, and at about 5 kcal per litre of oxygen that makes
   ``kcal/min = MET x 3.5 x body mass / 200`` (:func:`met_kcal`). The *net* cost
   subtracts the one MET the body would spend at rest anyway.
2. **Resting metabolic rate** from body size (:func:`mifflin_st_jeor`) or lean mass
   (:func:`cunningham`), and the resting cost of tissues (:func:`tissue_kcal_per_day`).
3. **EPOC**, the extra oxygen used after a session, as a fast plus a slow
   exponential (:func:`epoc_kcal_per_h`, :func:`epoc_cumulative_kcal`), with
   illustrative time constants calibrated to published data.

What a sustained energy gap does to body mass is in :mod:`legday.bodymass`.

Every number comes from :mod:`legday.reference` with its citation key. Every
function checks its inputs and raises :class:`ValueError` naming the argument,
the allowed range and the value it got.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from numpy.typing import ArrayLike

from legday import reference as ref
from legday._checks import (
    FloatArray,
    argument,
    broadcast,
    choice,
    flag,
    real_array,
    real_number,
    same_length,
    scalar_or_array,
)

__all__ = [
    "BODY_MASS_RANGE_KG",
    "MAX_MET_MINUTES_ABOVE_REST",
    "met_kcal_per_min",
    "met_kcal",
    "compendium_entry",
    "compendium_met",
    "session_kcal",
    "leg_minus_upper_kcal",
    "mifflin_st_jeor",
    "cunningham",
    "tissue_kcal_per_day",
    "litres_o2_to_kcal",
    "epoc_slow_fraction",
    "epoc_kcal_per_h",
    "epoc_cumulative_kcal",
]

#: Body masses the models accept in kg, adults with room at both ends (reference.MIN/MAX_BODY_MASS_KG).
BODY_MASS_RANGE_KG: tuple[float, float] = (ref.MIN_BODY_MASS_KG.value, ref.MAX_BODY_MASS_KG.value)

#: Most MET-minutes above rest a call may describe, a day averaging reference.MAX_ACTIVITY_FACTOR x rest.
MAX_MET_MINUTES_ABOVE_REST = (ref.MAX_ACTIVITY_FACTOR.value - 1.0) * 1440.0

_SEXES = ref.SEXES
_TISSUES = tuple(ref.TISSUE_KCAL_PER_KG_DAY)


def _body_mass(name: str, value: ArrayLike) -> FloatArray:
    low, high = BODY_MASS_RANGE_KG
    return real_array(name, value, low=low, high=high, unit="kg")


def _flag(name: str, value: object) -> bool:
    return flag(name, value)


def _day_plausible(met_minutes_above_rest: FloatArray, names: str) -> None:
    """Refuse MET x minutes beyond a day of reference.MAX_ACTIVITY_FACTOR x resting expenditure."""
    worst = float(np.max(met_minutes_above_rest, initial=0.0))
    if worst > MAX_MET_MINUTES_ABOVE_REST:
        raise ValueError(
            f"{names} describe more activity than a day holds: (MET - 1) x minutes must be at most "
            f"{MAX_MET_MINUTES_ABOVE_REST:,.0f} MET-minutes above rest (a whole day averaging "
            f"{ref.MAX_ACTIVITY_FACTOR.value:g} x resting expenditure, the most active day the course's energy "
            f"models describe); got {worst:,.0f}"
        )



# ---------------------------------------------------------------------------
# 1. Session energy from METs
# ---------------------------------------------------------------------------


def met_kcal_per_min(met: ArrayLike, body_mass_kg: ArrayLike, net: bool = False) -> float | FloatArray:
    """Energy expenditure rate of an activity from its MET value.

    ``kcal/min = MET x 3.5 x body mass / 200``: one MET is 3.5 ml O2 per kg per
    minute and a litre of oxygen yields about 5 kcal (so 3.5 x 5 / 1000 = 3.5 / 200).
    The net rate uses ``MET - 1``, the cost above rest.

    Parameters
    ----------
    met
        Metabolic equivalent of the activity, 1 to 25 (dimensionless).
    body_mass_kg
        Body mass in kg, 20 to 400. Broadcasts against ``met``.
    net
        If True, subtract the resting MET (the cost on top of rest).

    Returns
    -------
    float or ndarray
        kcal per minute (float for scalar inputs).

    Raises
    ------
    ValueError
        If ``met`` is outside [1, 25], ``body_mass_kg`` outside [20, 400] kg,
        either is not finite, or ``net`` is not a bool.

    Notes
    -----
    Source: ainsworth2011 (3.5 ml O2/kg/min per MET; Compendium values). The
    5 kcal per litre of O2 is a textbook round figure (an assumption). Measured
    rest averages about 2.6 ml/kg/min, so the convention overstates rest by
    about a third (byrne2005): MET-based costs are population averages.
    """
    met_arr = real_array("met", met, low=1.0, high=25.0, unit="MET")
    mass = _body_mass("body_mass_kg", body_mass_kg)
    met_arr, mass = broadcast({"met": met_arr, "body_mass_kg": mass})
    return scalar_or_array(_kcal_per_min(met_arr, mass, _flag("net", net)))


def _kcal_per_min(met: FloatArray, body_mass_kg: FloatArray | float, net: bool) -> FloatArray:
    """kcal/min = (MET, or MET - 1 if net) x 3.5 ml/kg/min x mass / 200, where 200 = 1000 ml/L / 5 kcal/L."""
    above = met - 1.0 if net else met
    ml_per_kcal = 1000.0 / float(ref.KCAL_PER_LITRE_O2)
    return above * float(ref.MET_ML_O2_PER_KG_MIN) * body_mass_kg / ml_per_kcal


def met_kcal(met: ArrayLike, body_mass_kg: ArrayLike, minutes: ArrayLike, net: bool = False) -> float | FloatArray:
    """Energy spent in ``minutes`` of an activity of the given MET value.

    Parameters
    ----------
    met
        Metabolic equivalent of the activity, 1 to 25 (dimensionless).
    body_mass_kg
        Body mass in kg, 20 to 400.
    minutes
        Duration in minutes, 0 to 1440 (0 gives 0 kcal: a curve may start at no
        time). All three arrays broadcast together.
    net
        If True, count only the cost above rest (``MET - 1``).

    Returns
    -------
    float or ndarray
        kcal (gross, or net if ``net=True``).

    Raises
    ------
    ValueError
        If an argument is outside its range or not finite, the arrays do not
        broadcast, or ``(met - 1) x minutes`` exceeds 2,160 MET-minutes above rest:
        more than a whole day at ``reference.MAX_ACTIVITY_FACTOR`` (2.5) x resting
        expenditure (24 h at 25 MET is not a day anyone lives).

    Examples
    --------
    An 80 kg lifter, 60 min at 5.0 MET: 5.0 x 3.5 x 80 / 200 x 60 = 420 kcal
    gross, 4.0 x 3.5 x 80 / 200 x 60 = 336 kcal net.

    >>> met_kcal(5.0, 80.0, 60.0), met_kcal(5.0, 80.0, 60.0, net=True)
    (420.0, 336.0)

    Notes
    -----
    Source: ainsworth2011; see :func:`met_kcal_per_min`.
    """
    met_arr = real_array("met", met, low=1.0, high=25.0, unit="MET")
    mass = _body_mass("body_mass_kg", body_mass_kg)
    duration = real_array("minutes", minutes, low=0.0, high=1440.0, unit="min")
    met_arr, mass, duration = broadcast({"met": met_arr, "body_mass_kg": mass, "minutes": duration})
    _day_plausible((met_arr - 1.0) * duration, "met and minutes")
    return scalar_or_array(_kcal_per_min(met_arr, mass, _flag("net", net)) * duration)


def compendium_entry(code: str) -> ref.CompendiumEntry:
    """Look up a resistance-training activity of the Compendium by its code.

    Parameters
    ----------
    code
        Five-digit Compendium code as a string, e.g. ``"02052"``.

    Returns
    -------
    CompendiumEntry
        Code, description, MET value, citation key and confidence.

    Raises
    ------
    ValueError
        If the code is not one of the entries in :data:`legday.reference.COMPENDIUM`.

    Notes
    -----
    Source: ainsworth2011 (codes 02050, 02052, 02054).
    """
    entries = {e.code: e for e in ref.COMPENDIUM}
    if isinstance(code, str) and code.strip() in entries:
        return entries[code.strip()]
    raise ValueError(
        f"code must be one of {', '.join(repr(c) for c in sorted(entries))} "
        f"(Compendium resistance-training codes, as strings); got {code!r}"
    )


def compendium_met(code: str) -> float:
    """MET value of a Compendium resistance-training code (see :func:`compendium_entry`).

    Source: ainsworth2011.
    """
    return float(compendium_entry(code).met)


def session_kcal(
    minutes: Sequence[float] | ArrayLike,
    mets: Sequence[float] | ArrayLike,
    body_mass_kg: ArrayLike,
    net: bool = True,
) -> float | FloatArray:
    """Energy of a session built from blocks of ``minutes[i]`` at ``mets[i]``.

    Parameters
    ----------
    minutes
        1-D sequence of block durations in minutes, each greater than 0 (a block
        of no time is not part of a session), 1440 at most in all.
    mets
        1-D sequence of the blocks' MET values (each 1 to 25), same length.
    body_mass_kg
        Body mass in kg, 20 to 400; a scalar or an array (the result has its shape).
    net
        If True (the default), count only the cost above rest, which is what a
        session adds to a day whose resting expenditure is counted separately.

    Returns
    -------
    float or ndarray
        kcal of the whole session, one value per body mass.

    Raises
    ------
    ValueError
        If the sequences are empty, of different lengths, or out of range, a
        block lasts 0 minutes, the blocks add up to more than a day (1440 min),
        or to more activity than a day holds (see :func:`met_kcal`).

    Notes
    -----
    Source: ainsworth2011; see :func:`met_kcal`.
    """
    block_min = real_array("minutes", minutes, low=0.0, high=1440.0, low_open=True, unit="min (a block of a session)",
                           ndim=1)
    block_met = real_array("mets", mets, low=1.0, high=25.0, unit="MET", ndim=1)
    same_length({"minutes": block_min, "mets": block_met})
    if block_min.sum() > 1440.0:
        raise ValueError(f"minutes must add up to at most 1440 (a session within one day); got {block_min.sum():g}")
    _day_plausible(np.sum((block_met - 1.0) * block_min), "minutes and mets")
    mass = _body_mass("body_mass_kg", body_mass_kg)
    kcal_per_kg = float(np.sum(_kcal_per_min(block_met, 1.0, _flag("net", net)) * block_min))
    return scalar_or_array(kcal_per_kg * mass)


def leg_minus_upper_kcal(
    body_mass_kg: ArrayLike,
    minutes: ArrayLike = 60.0,
    leg_code: str = "02052",
    upper_code: str = "02054",
) -> float | FloatArray:
    """Extra energy of a leg session over an upper-body session of the same length.

    The Compendium has no "upper-body" code, so the course uses 02052 (squats,
    5.0 MET) for a leg session and 02054 (multiple exercises, 8-15 reps, 3.5 MET)
    as a stand-in for a typical upper-body session: a labelled assumption. The
    resting MET cancels, so the net and gross differences are equal.

    Parameters
    ----------
    body_mass_kg
        Body mass in kg, 20 to 400.
    minutes
        Session length in minutes, 0 to 1440 (broadcasts with ``body_mass_kg``).
    leg_code, upper_code
        Compendium codes of the two sessions.

    Returns
    -------
    float or ndarray
        kcal (leg minus upper); about 126 kcal for 80 kg and 60 min.

    Raises
    ------
    ValueError
        For unknown codes or out-of-range masses and durations.

    Notes
    -----
    Source: ainsworth2011.
    """
    with argument("leg_code"):
        leg_met = compendium_met(leg_code)
    with argument("upper_code"):
        upper_met = compendium_met(upper_code)
    leg = met_kcal(leg_met, body_mass_kg, minutes, net=True)
    upper = met_kcal(upper_met, body_mass_kg, minutes, net=True)
    return scalar_or_array(np.asarray(leg) - np.asarray(upper))



# ---------------------------------------------------------------------------
# 2. Resting metabolic rate and tissues
# ---------------------------------------------------------------------------


def mifflin_st_jeor(mass_kg: ArrayLike, height_cm: ArrayLike, age_years: ArrayLike, sex: str) -> float | FloatArray:
    """Resting energy expenditure by the Mifflin-St Jeor equation.

    ``REE = 10 x mass + 6.25 x height - 5 x age + 5`` (men) or ``- 161`` (women).

    Parameters
    ----------
    mass_kg
        Body mass in kg, 20 to 400.
    height_cm
        Height in cm, 100 to 250.
    age_years
        Age in years, 18 to 100 (the equation was derived in adults aged 19-78).
    sex
        ``"male"`` or ``"female"``.

    Returns
    -------
    float or ndarray
        kcal per day (arrays broadcast).

    Raises
    ------
    ValueError
        If an argument is out of range or ``sex`` is not ``"male"``/``"female"``.

    Examples
    --------
    >>> mifflin_st_jeor(80, 180, 30, "male")
    1780.0

    Notes
    -----
    Source: mifflin1990 (498 adults).
    """
    mass = _body_mass("mass_kg", mass_kg)
    height = real_array("height_cm", height_cm, low=100.0, high=250.0, unit="cm")
    age = real_array("age_years", age_years, low=18.0, high=100.0, unit="years")
    key = choice("sex", sex, _SEXES)
    mass, height, age = broadcast({"mass_kg": mass, "height_cm": height, "age_years": age})
    return scalar_or_array(_mifflin(mass, height, age, key))


def _mifflin(mass: FloatArray, height: FloatArray, age: FloatArray, sex: str) -> FloatArray:
    return (
        float(ref.MIFFLIN_KCAL_PER_KG) * mass
        + float(ref.MIFFLIN_KCAL_PER_CM) * height
        + float(ref.MIFFLIN_KCAL_PER_YEAR) * age
        + float(ref.MIFFLIN_OFFSET[sex])
    )


def cunningham(lean_mass_kg: ArrayLike) -> float | FloatArray:
    """Basal metabolic rate from lean (fat-free) mass by Cunningham's equation.

    ``BMR = 500 + 22 x lean mass``.

    Parameters
    ----------
    lean_mass_kg
        Lean body mass in kg, greater than 0 and at most 200.

    Returns
    -------
    float or ndarray
        kcal per day.

    Raises
    ------
    ValueError
        If ``lean_mass_kg`` is not in (0, 200] kg or not finite.

    Notes
    -----
    Source: cunningham1980.
    """
    lean = real_array("lean_mass_kg", lean_mass_kg, low=0.0, high=200.0, low_open=True, unit="kg")
    return scalar_or_array(_cunningham(lean))


def _cunningham(lean: FloatArray) -> FloatArray:
    return float(ref.CUNNINGHAM_INTERCEPT) + float(ref.CUNNINGHAM_KCAL_PER_KG_LEAN) * lean


def tissue_kcal_per_day(mass_kg: ArrayLike, tissue: str = "skeletal muscle") -> float | FloatArray:
    """Resting energy used by a mass of tissue.

    Parameters
    ----------
    mass_kg
        Tissue mass in kg, -100 to 100; negative values give the saving from
        losing tissue (so ``tissue_kcal_per_day(1.0)`` is what one extra
        kilogram of muscle adds).
    tissue
        ``"skeletal muscle"`` (13 kcal/kg/day) or ``"adipose tissue"`` (4.5).

    Returns
    -------
    float or ndarray
        kcal per day.

    Raises
    ------
    ValueError
        For an unknown tissue or a mass outside [-100, 100] kg.

    Notes
    -----
    Source: wang2010 (Elia's specific metabolic rates).
    """
    key = choice("tissue", tissue, _TISSUES)
    mass = real_array("mass_kg", mass_kg, low=-100.0, high=100.0, unit="kg")
    return scalar_or_array(float(ref.TISSUE_KCAL_PER_KG_DAY[key]) * mass)



# ---------------------------------------------------------------------------
# 3. EPOC: excess post-exercise oxygen consumption
# ---------------------------------------------------------------------------


def litres_o2_to_kcal(litres_o2: ArrayLike) -> float | FloatArray:
    """Convert litres of oxygen to kcal at the textbook 5 kcal per litre.

    Parameters
    ----------
    litres_o2
        Oxygen volume in litres, 0 to 1000.

    Returns
    -------
    float or ndarray
        kcal.

    Raises
    ------
    ValueError
        If ``litres_o2`` is negative, above 1000 or not finite.

    Notes
    -----
    The 5 kcal/L is a round figure (an assumption); the true yield is about
    4.7 to 5.0 depending on fuel. Source: ainsworth2011 (convention).
    """
    litres = real_array("litres_o2", litres_o2, low=0.0, high=1000.0, unit="L")
    return scalar_or_array(litres * float(ref.KCAL_PER_LITRE_O2))


def epoc_slow_fraction(
    elevation: float = ref.EPOC_SLOW_ELEVATION.value,
    tau_slow_h: float = ref.EPOC_TAU_SLOW_H.value,
) -> float:
    """Initial size of the slow EPOC component, fitted to Heden 2011's observations.

    Heden et al. found resting expenditure about 5 % above baseline at 24, 48
    and 72 h after a session. With the slow component ``s x exp(-t / tau)`` (a
    fraction of resting expenditure), the least-squares ``s`` through those three
    points is ``elevation x sum(e_i) / sum(e_i**2)`` with ``e_i = exp(-t_i / tau)``.

    Parameters
    ----------
    elevation
        Observed elevation as a fraction of resting expenditure, 0 to 0.5.
    tau_slow_h
        Time constant of the slow component in hours, 1 to 500 (illustrative).

    Returns
    -------
    float
        ``s``, the slow component at t = 0 as a fraction of resting expenditure.

    Raises
    ------
    ValueError
        If an argument is out of range.

    Notes
    -----
    Source: heden2011 (elevation and times); the exponential shape and its
    time constant are assumptions (borsheim2003 describes a fast and a
    prolonged component but gives no resistance-exercise fit).
    """
    level = real_number("elevation", elevation, low=0.0, high=0.5, unit="fraction of resting expenditure")
    tau = real_number("tau_slow_h", tau_slow_h, low=1.0, high=500.0, unit="h")
    times = np.array([float(t) for t in ref.EPOC_SLOW_TIMES_H])
    decay = np.exp(-times / tau)
    return float(level * decay.sum() / np.sum(decay**2))


def _epoc_args(
    hours_after: ArrayLike,
    fast_kcal: ArrayLike,
    rmr_kcal_per_day: ArrayLike,
    slow_fraction: float | None,
    tau_fast_h: float,
    tau_slow_h: float,
) -> tuple[FloatArray, FloatArray, FloatArray, float, float, float]:
    t = real_array("hours_after", hours_after, low=0.0, high=24.0 * 365, unit="h")
    fast = real_array("fast_kcal", fast_kcal, low=0.0, high=1000.0, unit="kcal")
    rmr = real_array("rmr_kcal_per_day", rmr_kcal_per_day, low=500.0, high=6000.0, unit="kcal/day")
    tf = real_number("tau_fast_h", tau_fast_h, low=0.01, high=12.0, unit="h")
    ts = real_number("tau_slow_h", tau_slow_h, low=1.0, high=500.0, unit="h")
    s = epoc_slow_fraction(tau_slow_h=ts) if slow_fraction is None else real_number(
        "slow_fraction", slow_fraction, low=0.0, high=0.5, unit="fraction of resting expenditure"
    )
    t, fast, rmr = broadcast({"hours_after": t, "fast_kcal": fast, "rmr_kcal_per_day": rmr})
    return t, fast, rmr, s, tf, ts


def epoc_kcal_per_h(
    hours_after: ArrayLike,
    fast_kcal: ArrayLike,
    rmr_kcal_per_day: ArrayLike,
    slow_fraction: float | None = None,
    tau_fast_h: float = ref.EPOC_TAU_FAST_H.value,
    tau_slow_h: float = ref.EPOC_TAU_SLOW_H.value,
) -> float | FloatArray:
    """Excess energy expenditure after a session: a fast plus a slow exponential.

    ``E(t) = (F / tau_f) exp(-t / tau_f) + s x RMR / 24 x exp(-t / tau_s)``, so the
    fast component integrates to ``F`` kcal and the slow one starts at a fraction
    ``s`` of resting expenditure.

    Parameters
    ----------
    hours_after
        Time since the end of the session in hours, 0 to 8760.
    fast_kcal
        Total energy of the fast component in kcal, 0 to 1000 (for example
        :func:`litres_o2_to_kcal` of a measured EPOC volume).
    rmr_kcal_per_day
        Resting expenditure in kcal/day, 500 to 6000.
    slow_fraction
        ``s``; ``None`` uses :func:`epoc_slow_fraction` (fitted to Heden 2011).
        Pass 0 for the fast component alone.
    tau_fast_h, tau_slow_h
        Time constants in hours (illustrative assumptions: 10 min and 72 h).

    Returns
    -------
    float or ndarray
        Excess kcal per hour at each time (arrays broadcast).

    Raises
    ------
    ValueError
        If an argument is out of range.

    Notes
    -----
    Sources: borsheim2003 (two components), farinatti2016 (fast volumes),
    heden2011 (slow elevation). Time constants are assumptions.
    """
    t, fast, rmr, s, tf, ts = _epoc_args(hours_after, fast_kcal, rmr_kcal_per_day, slow_fraction, tau_fast_h, tau_slow_h)
    rate = fast / tf * np.exp(-t / tf) + s * rmr / 24.0 * np.exp(-t / ts)
    return scalar_or_array(rate)


def epoc_cumulative_kcal(
    hours_after: ArrayLike,
    fast_kcal: ArrayLike,
    rmr_kcal_per_day: ArrayLike,
    slow_fraction: float | None = None,
    tau_fast_h: float = ref.EPOC_TAU_FAST_H.value,
    tau_slow_h: float = ref.EPOC_TAU_SLOW_H.value,
) -> float | FloatArray:
    """Excess energy accumulated from the end of the session to ``hours_after``.

    The integral of :func:`epoc_kcal_per_h` from 0 to ``t``:
    ``F (1 - exp(-t / tau_f)) + s x RMR / 24 x tau_s (1 - exp(-t / tau_s))``.

    Parameters
    ----------
    hours_after, fast_kcal, rmr_kcal_per_day, slow_fraction, tau_fast_h, tau_slow_h
        As in :func:`epoc_kcal_per_h`.

    Returns
    -------
    float or ndarray
        kcal.

    Raises
    ------
    ValueError
        If an argument is out of range.

    Notes
    -----
    Sources: as :func:`epoc_kcal_per_h`.
    """
    t, fast, rmr, s, tf, ts = _epoc_args(hours_after, fast_kcal, rmr_kcal_per_day, slow_fraction, tau_fast_h, tau_slow_h)
    total = fast * -np.expm1(-t / tf) + s * rmr / 24.0 * ts * -np.expm1(-t / ts)
    return scalar_or_array(total)
