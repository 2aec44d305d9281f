"""Energy: what a training session costs, what it leaves behind, and what it does to body mass.

The module follows one chain of reasoning, from minutes in the gym to kilograms:

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
4. **Body-mass change** from a sustained energy gap: the static 3,500 kcal per
   pound rule (:func:`static_mass_change_kg`) and a two-compartment fat/lean model
   in the spirit of Hall et al. 2011 (:func:`simulate_body_mass`), whose expenditure
   follows body mass (resting rate, and an activity cost per kg) so that the body
   settles at a new steady state, approached more slowly because of adaptive
   thermogenesis (an assumption calibrated to Hall's half-time).

Every number comes from :mod:`legday.reference` with its citation key. Every
function checks its inputs and raises :class:`ValueError` naming the argument,
the allowed range and the value it got.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from legday import reference as ref
from legday._checks import FloatArray, choice, real_array, real_number, scalar_or_array, whole_number

__all__ = [
    "BODY_MASS_RANGE_KG",
    "MAX_SIMULATION_DAYS",
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
    "static_mass_change_kg",
    "forbes_lean_share",
    "energy_gap_kcal_per_day",
    "BodyMassTrajectory",
    "simulate_body_mass",
    "expenditure_slope_kcal_per_kg",
    "steady_state_mass_change_kg",
    "response_time_days",
    "calibrate_adaptive_thermogenesis",
    "DAYS_PER_YEAR",
]

#: Body masses the models accept (kg), adults with room at both ends.
BODY_MASS_RANGE_KG: tuple[float, float] = (20.0, 400.0)
#: Longest body-mass simulation (days), five years including leap days.
MAX_SIMULATION_DAYS = 1827
#: Days in a year of the body-mass simulations (leap days ignored), so "after n years" is day 365 n.
DAYS_PER_YEAR = 365

_SEXES = ref.SEXES
_TISSUES = tuple(ref.TISSUE_KCAL_PER_KG_DAY)
_RMR_EQUATIONS = ("mifflin", "cunningham")


def _body_mass(name: str, value: ArrayLike) -> FloatArray:
    low, high = BODY_MASS_RANGE_KG
    return real_array(name, value, low=low, high=high, unit="kg")


def _flag(name: str, value: object) -> bool:
    if not isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{name} must be True or False; got {value!r}")
    return bool(value)


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
        Duration in minutes, 0 to 1440. All three arrays broadcast together.
    net
        If True, count only the cost above rest (``MET - 1``).

    Returns
    -------
    float or ndarray
        kcal (gross, or net if ``net=True``).

    Raises
    ------
    ValueError
        If an argument is outside its range or not finite.

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
    duration = real_array("minutes", minutes, low=0.0, high=1440.0, unit="min")
    rate = np.asarray(met_kcal_per_min(met, body_mass_kg, net=net))
    return scalar_or_array(rate * duration)


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
        1-D sequence of block durations in minutes (each 0 to 1440).
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
        If the sequences are empty, of different lengths, or out of range.

    Notes
    -----
    Source: ainsworth2011; see :func:`met_kcal`.
    """
    block_min = real_array("minutes", minutes, low=0.0, high=1440.0, unit="min", ndim=1)
    block_met = real_array("mets", mets, low=1.0, high=25.0, unit="MET", ndim=1)
    if block_min.shape != block_met.shape:
        raise ValueError(
            f"minutes and mets must have the same length (one entry per block); "
            f"got {block_min.size} and {block_met.size}"
        )
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
    leg = met_kcal(compendium_met(leg_code), body_mass_kg, minutes, net=True)
    upper = met_kcal(compendium_met(upper_code), body_mass_kg, minutes, net=True)
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
    elevation: float = float(ref.EPOC_SLOW_ELEVATION),
    tau_slow_h: float = float(ref.EPOC_TAU_SLOW_H),
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
    return t, fast, rmr, s, tf, ts


def epoc_kcal_per_h(
    hours_after: ArrayLike,
    fast_kcal: ArrayLike,
    rmr_kcal_per_day: ArrayLike,
    slow_fraction: float | None = None,
    tau_fast_h: float = float(ref.EPOC_TAU_FAST_H),
    tau_slow_h: float = float(ref.EPOC_TAU_SLOW_H),
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
    tau_fast_h: float = float(ref.EPOC_TAU_FAST_H),
    tau_slow_h: float = float(ref.EPOC_TAU_SLOW_H),
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


# ---------------------------------------------------------------------------
# 4. Body-mass change
# ---------------------------------------------------------------------------


def static_mass_change_kg(energy_balance_kcal_per_day: ArrayLike, days: ArrayLike) -> float | FloatArray:
    """Body-mass change by the static rule: 3,500 kcal per pound (7,716 kcal/kg).

    Parameters
    ----------
    energy_balance_kcal_per_day
        Daily energy balance in kcal/day, -5000 to 5000 (negative = deficit).
    days
        Elapsed days, 0 to 36500. Broadcasts with the balance.

    Returns
    -------
    float or ndarray
        Change in body mass, kg (negative = loss). It grows without limit, which
        is why the rule overestimates long-run change (thomas2013).

    Raises
    ------
    ValueError
        If an argument is out of range.

    Notes
    -----
    Source: thomas2013 (the rule and its failure); 3,500 / 0.45359237 = 7,716 kcal/kg.
    """
    balance = real_array("energy_balance_kcal_per_day", energy_balance_kcal_per_day,
                         low=-5000.0, high=5000.0, unit="kcal/day")
    elapsed = real_array("days", days, low=0.0, high=36500.0, unit="days")
    return scalar_or_array(balance * elapsed / float(ref.STATIC_RULE_KCAL_PER_KG))


def _forbes_c_kg() -> float:
    return float(ref.FORBES_CONSTANT_KG) * float(ref.LEAN_KCAL_PER_KG) / float(ref.FAT_KCAL_PER_KG)


def forbes_lean_share(fat_mass_kg: ArrayLike) -> float | FloatArray:
    """Share of a small energy imbalance stored or drawn as lean tissue.

    ``p = C / (C + F)`` with ``C = 10.4 kg x rho_L / rho_F`` (about 2.0 kg), from
    Forbes's curve ``dL/dF = 10.4 / F``: a lean person changes relatively more
    lean tissue, a fatter person more fat.

    Parameters
    ----------
    fat_mass_kg
        Fat mass in kg, greater than 0 and at most 300.

    Returns
    -------
    float or ndarray
        ``p``, the energy share going to lean tissue (dimensionless, 0 to 1).

    Raises
    ------
    ValueError
        If ``fat_mass_kg`` is out of range.

    Notes
    -----
    Source: hall2011 (Forbes constant and energy densities, secondary).
    """
    fat = real_array("fat_mass_kg", fat_mass_kg, low=0.0, high=300.0, low_open=True, unit="kg")
    c = _forbes_c_kg()
    return scalar_or_array(c / (c + fat))


def energy_gap_kcal_per_day(
    intake_change_kcal_per_day: ArrayLike = 0.0,
    extra_expenditure_kcal_per_day: ArrayLike = 0.0,
    thermic_effect: float = float(ref.THERMIC_EFFECT_OF_FOOD),
) -> float | FloatArray:
    """Initial daily energy balance after a change in intake and/or exercise.

    ``gap = intake change x (1 - TEF) - extra expenditure``: eating less also
    lowers the energy spent digesting food (the thermic effect of food).

    Parameters
    ----------
    intake_change_kcal_per_day
        Change in energy intake, kcal/day, -2000 to 2000 (negative = eat less).
    extra_expenditure_kcal_per_day
        Added exercise expenditure, kcal/day averaged over the week, -2000 to 2000.
    thermic_effect
        Thermic effect of food as a fraction of intake, 0 to 0.3.

    Returns
    -------
    float or ndarray
        kcal/day (negative = deficit).

    Raises
    ------
    ValueError
        If an argument is out of range.

    Notes
    -----
    Source: hall2011 (thermic effect of food, 10 % of intake, secondary).
    """
    intake = real_array("intake_change_kcal_per_day", intake_change_kcal_per_day,
                        low=-2000.0, high=2000.0, unit="kcal/day")
    extra = real_array("extra_expenditure_kcal_per_day", extra_expenditure_kcal_per_day,
                       low=-2000.0, high=2000.0, unit="kcal/day")
    tef = real_number("thermic_effect", thermic_effect, low=0.0, high=0.3, unit="fraction of intake")
    return scalar_or_array(intake * (1.0 - tef) - extra)


@dataclass(frozen=True)
class BodyMassTrajectory:
    """Daily states of the two-compartment body-mass model.

    Arrays have shape ``(days + 1, *shape)``, where ``shape`` is the broadcast
    shape of the inputs; row 0 is the starting state.

    Attributes
    ----------
    day
        Day numbers 0, 1, ..., days (1-D).
    fat_kg, lean_kg, body_mass_kg
        Fat, lean and total mass, kg.
    expenditure_change_kcal_per_day
        Change in total expenditure from the start (change in resting rate, plus
        the change in activity cost as body mass changes, plus the change in the
        thermic effect of food, plus adaptive thermogenesis), kcal/day; extra
        exercise is not included. Intake change = this + extra exercise + balance.
    energy_balance_kcal_per_day
        Intake minus expenditure each day, kcal/day (0 at steady state).
    """

    day: FloatArray
    fat_kg: FloatArray
    lean_kg: FloatArray
    body_mass_kg: FloatArray
    expenditure_change_kcal_per_day: FloatArray
    energy_balance_kcal_per_day: FloatArray

    @property
    def mass_change_kg(self) -> FloatArray:
        """Body mass minus the starting body mass, kg."""
        return self.body_mass_kg - self.body_mass_kg[0]


def _rmr_state(equation: str, fat: FloatArray, lean: FloatArray, height: FloatArray,
               age: FloatArray, sex: str) -> FloatArray:
    if equation == "mifflin":
        return _mifflin(fat + lean, height, age, sex)
    return _cunningham(lean)


def _adaptive_fraction(value: float) -> float:
    return real_number("adaptive_thermogenesis", value, low=0.0, high=5.0, unit="fraction of the energy imbalance")


def _activity_factor(value: float) -> float:
    return real_number("activity_factor", value, low=1.0, high=2.5, unit="x resting expenditure")


def simulate_body_mass(
    days: int,
    body_mass_kg: ArrayLike,
    fat_mass_kg: ArrayLike,
    height_cm: ArrayLike,
    age_years: ArrayLike,
    sex: str,
    *,
    intake_change_kcal_per_day: ArrayLike = 0.0,
    extra_expenditure_kcal_per_day: ArrayLike = 0.0,
    activity_factor: float = float(ref.PHYSICAL_ACTIVITY_LEVEL),
    adaptive_thermogenesis: float = float(ref.ADAPTIVE_THERMOGENESIS_FRACTION),
    thermic_effect: float = float(ref.THERMIC_EFFECT_OF_FOOD),
    rmr_equation: str = "mifflin",
) -> BodyMassTrajectory:
    """Daily fat and lean mass after a sustained change in intake or exercise.

    A two-compartment model in the spirit of Hall et al. (2011). Energy stored
    is ``rho_F dF/dt + rho_L dL/dt = balance``; a share ``p = C / (C + F)`` goes to
    lean tissue (:func:`forbes_lean_share`). Starting in energy balance, the
    expenditure follows the body in two ways:

    * **resting** expenditure follows Mifflin-St Jeor (body mass) or Cunningham
      (lean mass);
    * **activity** costs ``(activity_factor - 1) x RMR(0)`` at the start and
      scales with body mass, ``x m(n) / m(0)``, because moving a body costs
      energy per kg (a MET cost is per kg of body mass).

    On top of that, **adaptive thermogenesis** lowers expenditure by a fraction
    ``a`` of a deficit (raises it in a surplus), so the balance on day ``n`` is
    ``(gap - [RMR(n) - RMR(0)] - [activity(n) - activity(0)]) / (1 + a)``, with
    ``gap`` from :func:`energy_gap_kcal_per_day`. Integrated by Euler steps of one day.

    Parameters
    ----------
    days
        Number of days to simulate, 1 to 1827 (five years). Day ``DAYS_PER_YEAR x n``
        is read as "after n years".
    body_mass_kg
        Starting body mass, kg, 20 to 400.
    fat_mass_kg
        Starting fat mass, kg, greater than 0 and less than ``body_mass_kg``.
    height_cm, age_years, sex
        For Mifflin-St Jeor (see :func:`mifflin_st_jeor`); age is held fixed.
    intake_change_kcal_per_day
        Sustained change in intake, kcal/day, -2000 to 2000.
    extra_expenditure_kcal_per_day
        Sustained extra exercise expenditure, kcal/day, -2000 to 2000 (held
        fixed in kcal, although exercise costs in fact scale with body mass; for
        the small changes of this course the difference is a few per cent).
    activity_factor
        Total expenditure at the start as a multiple of resting, 1.0 to 2.5 (an
        assumption; default 1.6, a moderately active adult).
    adaptive_thermogenesis
        ``a``, fraction of the energy imbalance by which expenditure adapts, 0 to 5
        (an assumption; default calibrated to Hall's half-time, see
        :func:`calibrate_adaptive_thermogenesis`; 0 switches it off).
    thermic_effect
        Thermic effect of food, fraction of intake, 0 to 0.3 (default 0.10).
    rmr_equation
        ``"mifflin"`` (default) or ``"cunningham"``.

    Returns
    -------
    BodyMassTrajectory
        Arrays of shape ``(days + 1, *shape)`` for the broadcast input shape.

    Raises
    ------
    ValueError
        If an argument is out of range, or if the gap is so large that lean mass
        would fall below half its starting value (outside what the model describes).

    Notes
    -----
    Sources: hall2011 (structure, energy densities, Forbes constant, thermic
    effect), mifflin1990, cunningham1980, ainsworth2011 (activity cost per kg).
    The activity level and the adaptive fraction are the course's assumptions.
    """
    n_days = whole_number("days", days, low=1, high=MAX_SIMULATION_DAYS)
    mass0 = _body_mass("body_mass_kg", body_mass_kg)
    fat0 = real_array("fat_mass_kg", fat_mass_kg, low=0.0, high=300.0, low_open=True, unit="kg")
    height = real_array("height_cm", height_cm, low=100.0, high=250.0, unit="cm")
    age = real_array("age_years", age_years, low=18.0, high=100.0, unit="years")
    sex_key = choice("sex", sex, _SEXES)
    equation = choice("rmr_equation", rmr_equation, _RMR_EQUATIONS)
    pal = _activity_factor(activity_factor)
    adapt = _adaptive_fraction(adaptive_thermogenesis)
    tef = real_number("thermic_effect", thermic_effect, low=0.0, high=0.3, unit="fraction of intake")
    intake = real_array("intake_change_kcal_per_day", intake_change_kcal_per_day,
                        low=-2000.0, high=2000.0, unit="kcal/day")
    extra = real_array("extra_expenditure_kcal_per_day", extra_expenditure_kcal_per_day,
                       low=-2000.0, high=2000.0, unit="kcal/day")
    mass0, fat0, height, age, intake, extra = np.broadcast_arrays(mass0, fat0, height, age, intake, extra)
    if np.any(fat0 >= mass0):
        bad = float(fat0[fat0 >= mass0].flat[0])
        raise ValueError(f"fat_mass_kg must be less than body_mass_kg; got a fat mass of {bad:g} kg")

    gap = intake * (1.0 - tef) - extra
    rho_f, rho_l = float(ref.FAT_KCAL_PER_KG), float(ref.LEAN_KCAL_PER_KG)
    c = _forbes_c_kg()
    lean0 = mass0 - fat0
    rmr0 = _rmr_state(equation, fat0, lean0, height, age, sex_key)
    activity_per_kg = (pal - 1.0) * rmr0 / mass0

    def size_change(fat: FloatArray, lean: FloatArray) -> FloatArray:
        """Change in resting plus activity expenditure since the start, kcal/day."""
        rmr = _rmr_state(equation, fat, lean, height, age, sex_key)
        return (rmr - rmr0) + activity_per_kg * (fat + lean - mass0)

    shape = (n_days + 1, *mass0.shape)
    fat = np.empty(shape)
    lean = np.empty(shape)
    fat[0], lean[0] = fat0, lean0
    for n in range(n_days):
        balance = (gap - size_change(fat[n], lean[n])) / (1.0 + adapt)
        p = c / (c + fat[n])
        fat[n + 1] = fat[n] + (1.0 - p) * balance / rho_f
        lean[n + 1] = lean[n] + p * balance / rho_l

    if np.any(lean < 0.5 * lean0) or np.any(fat + lean < BODY_MASS_RANGE_KG[0]):
        raise ValueError(
            "intake_change_kcal_per_day and extra_expenditure_kcal_per_day give a deficit too large "
            "for this body over this horizon: lean mass would fall below half its starting value "
            f"(or body mass below {BODY_MASS_RANGE_KG[0]:g} kg), outside what the model describes; "
            f"got a daily gap of {float(np.min(gap)):g} kcal/day over {n_days} days"
        )
    size = size_change(fat, lean)
    balance_all = (gap - size) / (1.0 + adapt)
    return BodyMassTrajectory(
        day=np.arange(n_days + 1, dtype=float),
        fat_kg=fat,
        lean_kg=lean,
        body_mass_kg=fat + lean,
        expenditure_change_kcal_per_day=size + tef * intake + adapt * balance_all,
        energy_balance_kcal_per_day=balance_all,
    )


def expenditure_slope_kcal_per_kg(
    body_mass_kg: ArrayLike,
    height_cm: ArrayLike,
    age_years: ArrayLike,
    sex: str,
    *,
    activity_factor: float = float(ref.PHYSICAL_ACTIVITY_LEVEL),
) -> float | FloatArray:
    """Change in daily expenditure per kg of body-mass change (Mifflin-St Jeor model).

    ``10 + (activity_factor - 1) x RMR(0) / m(0)``: Mifflin-St Jeor's 10 kcal/day per
    kg of resting expenditure plus the activity cost per kg of the starting body.

    Parameters
    ----------
    body_mass_kg, height_cm, age_years, sex
        The starting person (see :func:`mifflin_st_jeor`).
    activity_factor
        Total expenditure at the start as a multiple of resting, 1.0 to 2.5 (an assumption).

    Returns
    -------
    float or ndarray
        kcal/day per kg.

    Raises
    ------
    ValueError
        If an argument is out of range.

    Examples
    --------
    Chapter 4's dieter (100 kg, 175 cm, 40 y, man): RMR(0) = 1,899 kcal/day, so
    10 + 0.6 x 1,899 / 100 = 21.4 kcal/day per kg.

    >>> round(expenditure_slope_kcal_per_kg(100.0, 175.0, 40.0, "male"), 2)
    21.39

    Notes
    -----
    Sources: mifflin1990, ainsworth2011 (activity cost per kg); the activity factor is an assumption.
    """
    mass = _body_mass("body_mass_kg", body_mass_kg)
    height = real_array("height_cm", height_cm, low=100.0, high=250.0, unit="cm")
    age = real_array("age_years", age_years, low=18.0, high=100.0, unit="years")
    key = choice("sex", sex, _SEXES)
    pal = _activity_factor(activity_factor)
    rmr0 = _mifflin(mass, height, age, key)
    return scalar_or_array(float(ref.MIFFLIN_KCAL_PER_KG) + (pal - 1.0) * rmr0 / mass)


def steady_state_mass_change_kg(
    energy_gap: ArrayLike,
    body_mass_kg: ArrayLike,
    height_cm: ArrayLike,
    age_years: ArrayLike,
    sex: str,
    *,
    activity_factor: float = float(ref.PHYSICAL_ACTIVITY_LEVEL),
) -> float | FloatArray:
    """Eventual body-mass change of the dynamic model with Mifflin-St Jeor RMR.

    Expenditure changes by :func:`expenditure_slope_kcal_per_kg` per kg of body
    mass, so the body stops changing when that offsets the gap:
    ``change = gap / slope``, whatever the composition. Adaptive thermogenesis, in
    the course's form, slows the approach but does not move this end point.

    Parameters
    ----------
    energy_gap
        Initial daily energy balance, kcal/day, -5000 to 5000 (see
        :func:`energy_gap_kcal_per_day`).
    body_mass_kg, height_cm, age_years, sex
        The starting person.
    activity_factor
        Total expenditure at the start as a multiple of resting, 1.0 to 2.5 (an assumption).

    Returns
    -------
    float or ndarray
        kg (negative = loss).

    Raises
    ------
    ValueError
        If an argument is out of range.

    Notes
    -----
    Sources: mifflin1990 (10 kcal/day per kg), ainsworth2011 (activity per kg), hall2011 (model structure).
    """
    gap = real_array("energy_gap", energy_gap, low=-5000.0, high=5000.0, unit="kcal/day")
    slope = np.asarray(expenditure_slope_kcal_per_kg(body_mass_kg, height_cm, age_years, sex,
                                                     activity_factor=activity_factor))
    return scalar_or_array(gap / slope)


def _energy_per_kg(fat_mass_kg: ArrayLike) -> FloatArray:
    """Energy stored per kg of body-mass change, 1 / ((1 - p) / rho_F + p / rho_L), kcal/kg."""
    p = np.asarray(forbes_lean_share(fat_mass_kg))
    return 1.0 / ((1.0 - p) / float(ref.FAT_KCAL_PER_KG) + p / float(ref.LEAN_KCAL_PER_KG))


def response_time_days(
    body_mass_kg: ArrayLike,
    fat_mass_kg: ArrayLike,
    height_cm: ArrayLike,
    age_years: ArrayLike,
    sex: str,
    *,
    activity_factor: float = float(ref.PHYSICAL_ACTIVITY_LEVEL),
    adaptive_thermogenesis: float = float(ref.ADAPTIVE_THERMOGENESIS_FRACTION),
) -> float | FloatArray:
    """Time constant of the dynamic model (Mifflin-St Jeor RMR) for small gaps.

    Linearised around the start, mass approaches its steady state as
    ``1 - exp(-t / tau)`` with ``tau = rho x (1 + a) / slope``: the energy stored
    per kg of body mass, ``rho = 1 / ((1 - p) / rho_F + p / rho_L)``, times the
    adaptive-thermogenesis factor, divided by the change in expenditure per kg
    (:func:`expenditure_slope_kcal_per_kg`). The half-time is ``tau x ln 2``.

    Parameters
    ----------
    body_mass_kg, fat_mass_kg, height_cm, age_years, sex
        The starting person (fat mass greater than 0 and at most 300 kg).
    activity_factor
        Total expenditure at the start as a multiple of resting, 1.0 to 2.5 (an assumption).
    adaptive_thermogenesis
        ``a``, fraction of the imbalance by which expenditure adapts, 0 to 5 (an assumption).

    Returns
    -------
    float or ndarray
        Days.

    Raises
    ------
    ValueError
        If an argument is out of range.

    Notes
    -----
    Sources: hall2011, mifflin1990.
    """
    adapt = _adaptive_fraction(adaptive_thermogenesis)
    slope = np.asarray(expenditure_slope_kcal_per_kg(body_mass_kg, height_cm, age_years, sex,
                                                     activity_factor=activity_factor))
    return scalar_or_array(_energy_per_kg(fat_mass_kg) * (1.0 + adapt) / slope)


def calibrate_adaptive_thermogenesis(
    half_time_days: float,
    body_mass_kg: float,
    fat_mass_kg: float,
    height_cm: float,
    age_years: float,
    sex: str,
    *,
    activity_factor: float = float(ref.PHYSICAL_ACTIVITY_LEVEL),
) -> float:
    """Adaptive-thermogenesis fraction that gives a person a chosen linearised half-time.

    Solves ``tau ln 2 = half_time`` for ``a`` in :func:`response_time_days`:
    ``a = half_time x slope / (rho ln 2) - 1``. The course calibrates
    ``reference.ADAPTIVE_THERMOGENESIS_FRACTION`` this way to Hall's half-time of
    about a year for chapter 4's 100 kg dieter.

    Parameters
    ----------
    half_time_days
        Target half-time in days, 1 to 3650.
    body_mass_kg, fat_mass_kg, height_cm, age_years, sex
        The person.
    activity_factor
        Total expenditure at the start as a multiple of resting, 1.0 to 2.5.

    Returns
    -------
    float
        ``a`` (dimensionless).

    Raises
    ------
    ValueError
        If an argument is out of range, or if the target is shorter than the
        model without adaptation allows (``a`` would be negative) or needs ``a > 5``.

    Notes
    -----
    Source: hall2011 (the half-time); the form of the adaptation is the course's assumption.
    """
    target = real_number("half_time_days", half_time_days, low=1.0, high=3650.0, unit="days")
    bare = float(response_time_days(body_mass_kg, fat_mass_kg, height_cm, age_years, sex,
                                    activity_factor=activity_factor, adaptive_thermogenesis=0.0))
    adapt = target / (bare * np.log(2.0)) - 1.0
    if not 0.0 <= adapt <= 5.0:
        raise ValueError(
            f"half_time_days must lie between {bare * np.log(2.0):.0f} and {6 * bare * np.log(2.0):.0f} days "
            f"for this person (adaptive fraction 0 to 5); got {target:g} days"
        )
    return float(adapt)
