"""Body mass: what a sustained energy gap does to body mass, day by day.

- **The static rule**: 3,500 kcal per pound (:func:`static_mass_change_kg`).
- **Where the change goes**: Forbes's fat/lean partition
  (:func:`forbes_lean_share`).
- **A two-compartment fat/lean model** in the spirit of Hall et al. 2011
  (:func:`simulate_body_mass`, a :class:`BodyMassTrajectory`), whose expenditure
  follows body mass (resting rate from :mod:`legday.energy`, and an activity
  cost per kg) so that the body settles at a new steady state
  (:func:`steady_state_mass_change_kg`, :func:`expenditure_slope_kcal_per_kg`,
  :func:`energy_gap_kcal_per_day`), approached more slowly because of adaptive
  thermogenesis (:func:`response_time_days`; an assumption calibrated to
  Hall's half-time by :func:`calibrate_adaptive_thermogenesis`).

Every number comes from :mod:`legday.reference` with its citation key. Every
function checks its inputs and raises :class:`ValueError` naming the argument,
the allowed range and the value it got.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from legday import reference as ref
from legday._checks import FloatArray, broadcast, choice, real_array, real_number, scalar_or_array, whole_number
from legday.energy import BODY_MASS_RANGE_KG, _SEXES, _body_mass, _cunningham, _mifflin

__all__ = [
    "MAX_SIMULATION_DAYS",
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

#: Longest body-mass simulation in days, five years including leap days (reference.MAX_SIMULATION_DAYS).
MAX_SIMULATION_DAYS = int(ref.MAX_SIMULATION_DAYS.value)

#: Days in a year of the body-mass simulations, so "after n years" is day 365 n (leap days ignored).
DAYS_PER_YEAR = 365

_RMR_EQUATIONS = ("mifflin", "cunningham")


def _height_age(height_cm: ArrayLike, age_years: ArrayLike) -> tuple[FloatArray, FloatArray]:
    """Height (100-250 cm) and age (18-100 years) as Mifflin-St Jeor accepts them."""
    return (real_array("height_cm", height_cm, low=100.0, high=250.0, unit="cm"),
            real_array("age_years", age_years, low=18.0, high=100.0, unit="years"))



# ---------------------------------------------------------------------------
# 1. Body-mass change
# ---------------------------------------------------------------------------


def static_mass_change_kg(energy_balance_kcal_per_day: ArrayLike, *, days: ArrayLike) -> float | FloatArray:
    """Body-mass change by the static rule: 3,500 kcal per pound (7,716 kcal/kg).

    Parameters
    ----------
    energy_balance_kcal_per_day
        Daily energy balance in kcal/day, -5000 to 5000 (negative = deficit).
    days
        Elapsed days, 0 to 36500 (keyword-only). Broadcasts with the balance.

    Returns
    -------
    float or ndarray
        Change in body mass, kg (negative = loss). It grows without limit, which
        is why the rule overestimates long-run change (thomas2013).

    Raises
    ------
    ValueError
        If an argument is out of range, the arrays do not broadcast, or the change
        is larger than 380 kg, the whole width of the body masses the models
        accept (20 to 400 kg): no body can gain or lose that much.

    Notes
    -----
    Source: thomas2013 (the rule and its failure); 3,500 / 0.45359237 = 7,716 kcal/kg.
    """
    balance = real_array("energy_balance_kcal_per_day", energy_balance_kcal_per_day,
                         low=-5000.0, high=5000.0, unit="kcal/day")
    elapsed = real_array("days", days, low=0.0, high=36500.0, unit="days")
    balance, elapsed = broadcast({"energy_balance_kcal_per_day": balance, "days": elapsed})
    change = balance * elapsed / float(ref.STATIC_RULE_KCAL_PER_KG)
    widest = BODY_MASS_RANGE_KG[1] - BODY_MASS_RANGE_KG[0]
    if np.any(np.abs(change) > widest):
        worst = float(change.flat[np.argmax(np.abs(change))])
        raise ValueError(
            f"energy_balance_kcal_per_day x days is implausible: the static rule would change body mass by "
            f"{worst:+,.0f} kg, more than the {widest:g} kg between the lightest and heaviest body the models "
            f"accept ({BODY_MASS_RANGE_KG[0]:g} to {BODY_MASS_RANGE_KG[1]:g} kg); use fewer days or a smaller balance"
        )
    return scalar_or_array(change)


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
    thermic_effect: float = ref.THERMIC_EFFECT_OF_FOOD.value,
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
    intake, extra = broadcast({"intake_change_kcal_per_day": intake, "extra_expenditure_kcal_per_day": extra})
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

    def __post_init__(self) -> None:
        day = real_array("day", self.day, low=0.0, ndim=1, integer=True)
        if day[0] != 0.0 or np.any(np.diff(day) != 1.0):
            raise ValueError(f"day must count 0, 1, 2, ... one row per day; got {self.day!r}"[:200])
        low, high = BODY_MASS_RANGE_KG
        checked = {
            "fat_kg": real_array("fat_kg", self.fat_kg, low=0.0, low_open=True, high=high, unit="kg"),
            "lean_kg": real_array("lean_kg", self.lean_kg, low=0.0, low_open=True, high=high, unit="kg"),
            "body_mass_kg": real_array("body_mass_kg", self.body_mass_kg, low=low, high=high, unit="kg"),
            "expenditure_change_kcal_per_day": real_array("expenditure_change_kcal_per_day",
                                                          self.expenditure_change_kcal_per_day, unit="kcal/day"),
            "energy_balance_kcal_per_day": real_array("energy_balance_kcal_per_day",
                                                      self.energy_balance_kcal_per_day, unit="kcal/day"),
        }
        shape = np.shape(self.fat_kg)
        wrong = {k: np.shape(v) for k, v in checked.items() if np.shape(v) != shape}
        if wrong or not shape or shape[0] != day.size:
            got = ", ".join(f"{k} {np.shape(v)}" for k, v in checked.items())
            raise ValueError(f"fat_kg, lean_kg, body_mass_kg and the energy arrays must all have shape "
                             f"(days + 1, ...) with one row per entry of day ({day.size}); got {got}")
        if not np.allclose(checked["fat_kg"] + checked["lean_kg"], checked["body_mass_kg"], rtol=1e-9, atol=1e-9):
            raise ValueError("body_mass_kg must equal fat_kg + lean_kg on every day")

    @property
    def mass_change_kg(self) -> FloatArray:
        """Body mass minus the starting body mass, kg."""
        return self.body_mass_kg - self.body_mass_kg[0]


def _rmr_state(equation: str, fat: FloatArray, lean: FloatArray, height: FloatArray,
               age: FloatArray, sex: str) -> FloatArray:
    if equation == "mifflin":
        return _mifflin(fat + lean, height, age, sex)
    return _cunningham(lean)


def _check_inside_model(fat: FloatArray, lean: FloatArray, lean0: FloatArray, gap: FloatArray, n_days: int) -> None:
    """Refuse a simulated body that left the model's range: mass outside [20, 400] kg, lean below half its start."""
    low, high = BODY_MASS_RANGE_KG
    mass = fat + lean
    out = (mass < low) | (mass > high) | (lean < 0.5 * lean0)
    if not np.any(out):
        return
    day = int(np.argmax(out.reshape(out.shape[0], -1).any(axis=1)))
    where = np.flatnonzero(out[day].reshape(-1))[0]
    m, l0, l = float(mass[day].flat[where]), float(lean0.flat[where]), float(lean[day].flat[where])
    g = float(gap.flat[where])
    if m > high:
        what, fix = f"the simulated body mass left [{low:g}, {high:g}] kg on day {day} ({m:.1f} kg)", "lower"
    elif m < low:
        what, fix = f"the simulated body mass left [{low:g}, {high:g}] kg on day {day} ({m:.1f} kg)", "raise"
    else:
        what = f"the simulated lean mass fell below half its starting {l0:.1f} kg on day {day} ({l:.1f} kg)"
        fix = "raise"
    raise ValueError(
        f"{what}, outside what the model describes (daily gap {g:+,.0f} kcal/day): {fix} "
        f"intake_change_kcal_per_day (or {'raise' if fix == 'lower' else 'lower'} "
        f"extra_expenditure_kcal_per_day), or simulate fewer days than {n_days}"
    )


def _adaptive_fraction(value: float) -> float:
    return real_number("adaptive_thermogenesis", value, low=0.0, high=5.0, unit="fraction of the energy imbalance")


def _activity_factor(value: float) -> float:
    return real_number("activity_factor", value, low=1.0, high=ref.MAX_ACTIVITY_FACTOR.value,
                       unit="x resting expenditure")


def simulate_body_mass(
    body_mass_kg: ArrayLike,
    fat_mass_kg: ArrayLike,
    height_cm: ArrayLike,
    age_years: ArrayLike,
    sex: str,
    *,
    days: int,
    intake_change_kcal_per_day: ArrayLike = 0.0,
    extra_expenditure_kcal_per_day: ArrayLike = 0.0,
    activity_factor: float = ref.PHYSICAL_ACTIVITY_LEVEL.value,
    adaptive_thermogenesis: float = ref.ADAPTIVE_THERMOGENESIS_FRACTION.value,
    thermic_effect: float = ref.THERMIC_EFFECT_OF_FOOD.value,
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
    body_mass_kg
        Starting body mass, kg, 20 to 400.
    fat_mass_kg
        Starting fat mass, kg, greater than 0 and less than ``body_mass_kg``.
    height_cm, age_years, sex
        For Mifflin-St Jeor (see :func:`~legday.energy.mifflin_st_jeor`); age is held fixed.
    days
        Number of days to simulate, 1 to 1827 (five years), keyword-only. Day
        ``DAYS_PER_YEAR x n`` is read as "after n years".
    intake_change_kcal_per_day
        Sustained change in intake, kcal/day, -2000 to 2000, and at most the
        starting total expenditure either way (``reference.MAX_INTAKE_CHANGE_SHARE``):
        a bigger cut means eating less than nothing.
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
        If an argument is out of range, the arrays do not broadcast, the change in
        intake is larger than the starting expenditure, or the simulated body
        leaves what the model describes: body mass outside its own input range
        (20 to 400 kg) or lean mass below half its starting value. The message
        gives the day and says which input to change.

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
    mass0, fat0, height, age, intake, extra = broadcast({
        "body_mass_kg": mass0, "fat_mass_kg": fat0, "height_cm": height, "age_years": age,
        "intake_change_kcal_per_day": intake, "extra_expenditure_kcal_per_day": extra,
    })
    if np.any(fat0 >= mass0):
        bad = float(fat0[fat0 >= mass0].flat[0])
        raise ValueError(f"fat_mass_kg must be less than body_mass_kg; got a fat mass of {bad:g} kg")

    gap = intake * (1.0 - tef) - extra
    rho_f, rho_l = float(ref.FAT_KCAL_PER_KG), float(ref.LEAN_KCAL_PER_KG)
    c = _forbes_c_kg()
    lean0 = mass0 - fat0
    rmr0 = _rmr_state(equation, fat0, lean0, height, age, sex_key)
    activity_per_kg = (pal - 1.0) * rmr0 / mass0
    need = pal * rmr0  # total expenditure at the start = intake at balance, kcal/day
    share = ref.MAX_INTAKE_CHANGE_SHARE.value
    if np.any(np.abs(intake) > share * need):
        i = np.argmax(np.abs(intake) / need)
        raise ValueError(
            f"intake_change_kcal_per_day must be at most {share:g} x the starting total expenditure either way "
            f"({float(need.flat[i]):,.0f} kcal/day for this person): a bigger cut means eating less than nothing, "
            f"a bigger surplus more than twice the need every day, outside what the model describes; "
            f"got {float(intake.flat[i]):g} kcal/day"
        )

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

    _check_inside_model(fat, lean, lean0, gap, n_days)
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
    activity_factor: float = ref.PHYSICAL_ACTIVITY_LEVEL.value,
) -> float | FloatArray:
    """Change in daily expenditure per kg of body-mass change (Mifflin-St Jeor model).

    ``10 + (activity_factor - 1) x RMR(0) / m(0)``: Mifflin-St Jeor's 10 kcal/day per
    kg of resting expenditure plus the activity cost per kg of the starting body.

    Parameters
    ----------
    body_mass_kg, height_cm, age_years, sex
        The starting person (see :func:`~legday.energy.mifflin_st_jeor`).
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
    mass, height, age = broadcast({"body_mass_kg": mass, "height_cm": height, "age_years": age})
    rmr0 = _mifflin(mass, height, age, key)
    return scalar_or_array(float(ref.MIFFLIN_KCAL_PER_KG) + (pal - 1.0) * rmr0 / mass)


def steady_state_mass_change_kg(
    energy_gap: ArrayLike,
    body_mass_kg: ArrayLike,
    height_cm: ArrayLike,
    age_years: ArrayLike,
    sex: str,
    *,
    activity_factor: float = ref.PHYSICAL_ACTIVITY_LEVEL.value,
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
    mass = _body_mass("body_mass_kg", body_mass_kg)
    height, age = _height_age(height_cm, age_years)
    gap, mass, height, age = broadcast({"energy_gap": gap, "body_mass_kg": mass, "height_cm": height,
                                        "age_years": age})
    slope = np.asarray(expenditure_slope_kcal_per_kg(mass, height, age, sex, activity_factor=activity_factor))
    change = gap / slope
    low, high = BODY_MASS_RANGE_KG
    if np.any((mass + change < low) | (mass + change > high)):
        i = int(np.argmax((mass + change < low) | (mass + change > high)))
        raise ValueError(
            f"energy_gap is too large for this body: the steady state, {float(mass.flat[i] + change.flat[i]):.0f} kg, "
            f"lies outside the {low:g} to {high:g} kg the model describes; got {float(gap.flat[i]):g} kcal/day"
        )
    return scalar_or_array(change)


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
    activity_factor: float = ref.PHYSICAL_ACTIVITY_LEVEL.value,
    adaptive_thermogenesis: float = ref.ADAPTIVE_THERMOGENESIS_FRACTION.value,
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
    mass = _body_mass("body_mass_kg", body_mass_kg)
    fat = real_array("fat_mass_kg", fat_mass_kg, low=0.0, high=300.0, low_open=True, unit="kg")
    height, age = _height_age(height_cm, age_years)
    mass, fat, height, age = broadcast({"body_mass_kg": mass, "fat_mass_kg": fat, "height_cm": height,
                                        "age_years": age})
    slope = np.asarray(expenditure_slope_kcal_per_kg(mass, height, age, sex, activity_factor=activity_factor))
    if np.any(fat >= mass):
        raise ValueError(f"fat_mass_kg must be less than body_mass_kg; got a fat mass of "
                         f"{float(fat[fat >= mass].flat[0]):g} kg")
    return scalar_or_array(_energy_per_kg(fat) * (1.0 + adapt) / slope)


def calibrate_adaptive_thermogenesis(
    half_time_days: float,
    body_mass_kg: float,
    fat_mass_kg: float,
    height_cm: float,
    age_years: float,
    sex: str,
    *,
    activity_factor: float = ref.PHYSICAL_ACTIVITY_LEVEL.value,
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
    person = {"body_mass_kg": body_mass_kg, "fat_mass_kg": fat_mass_kg, "height_cm": height_cm,
              "age_years": age_years}
    for key, value in person.items():
        real_number(key, value)  # one person: single numbers (ranges are checked by response_time_days)
    bare = float(response_time_days(body_mass_kg, fat_mass_kg, height_cm, age_years, sex,
                                    activity_factor=activity_factor, adaptive_thermogenesis=0.0))
    adapt = target / (bare * np.log(2.0)) - 1.0
    if not 0.0 <= adapt <= 5.0:
        who = ", ".join(f"{k}={float(v):g}" for k, v in person.items())
        raise ValueError(
            f"half_time_days must lie between {bare * np.log(2.0):.0f} and {6 * bare * np.log(2.0):.0f} days "
            f"for this person ({who}, sex={sex!r}; adaptive fraction 0 to 5); got {target:g} days"
        )
    return float(adapt)
