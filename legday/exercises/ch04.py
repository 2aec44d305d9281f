"""Checks for chapter 4 (calorie burn): the expected values come from legday.energy and legday.bodymass."""

from __future__ import annotations

from legday import bodymass, energy
from legday import reference as ref
from legday.exercises._core import Expected, Wrong, exercise

YEAR = bodymass.DAYS_PER_YEAR
FIVE_YEARS = 5 * YEAR
#: The chapter's lifter (the EPOC exercise) and dieter (the Cunningham exercise).
LIFTER = {"body_mass_kg": 80.0, "fat_mass_kg": 18.0, "height_cm": 180.0, "age_years": 30.0, "sex": "male"}
ADULT = {"body_mass_kg": 100.0, "fat_mass_kg": 35.0, "height_cm": 175.0, "age_years": 40.0, "sex": "male"}


def _swap_run(mass: float, extra_per_day: float):
    return bodymass.simulate_body_mass(mass, 0.2 * mass, 175.0, 30.0, "male", days=FIVE_YEARS,
                                       extra_expenditure_kcal_per_day=extra_per_day)


@exercise("ex-energy-mass", chapter=4, level="core", minutes=7, answer="heavy_5y_kg", unit="kg",
          tolerance=0.01, what="the 100 kg lifter's change in body mass after five years (kg, negative for a loss)",
          scaffold="extra = ...  # energy.leg_minus_upper_kcal(...) spread over the days of a week (kcal/day)\n"
                   "run = ...    # bodymass.simulate_body_mass(..., days=5 * bodymass.DAYS_PER_YEAR, extra_expenditure_kcal_per_day=extra)\n"
                   "heavy_5y_kg = ...  # run.mass_change_kg on day 5 * bodymass.DAYS_PER_YEAR",
          hint="one swap a week is a daily gap of leg_minus_upper_kcal(100) / 7; simulate the 100 kg lifter "
               "(fat 20 %, 175 cm, 30 y, male) for five years and read the change on the last day.")
def _mass() -> Expected:
    weekly = energy.leg_minus_upper_kcal(100.0)
    run = _swap_run(100.0, weekly / 7.0)
    light = _swap_run(60.0, energy.leg_minus_upper_kcal(60.0) / 7.0)
    return Expected(run.mass_change_kg[FIVE_YEARS], (
        Wrong(_swap_run(100.0, weekly).mass_change_kg[FIVE_YEARS],
              "one swap a week: divide the session's extra kcal by 7 to get the daily gap."),
        Wrong(run.mass_change_kg[YEAR], "that is the change after one year (day DAYS_PER_YEAR): the answer is after five years."),
        Wrong(light.mass_change_kg[FIVE_YEARS], "that is the 60 kg lifter: the answer is for the 100 kg one."),
        Wrong(bodymass.static_mass_change_kg(-weekly / 7.0, days=FIVE_YEARS),
              "that is the static 3,500 kcal rule: use the dynamic model, bodymass.simulate_body_mass."),
        Wrong(-run.mass_change_kg[FIVE_YEARS], "check the sign: extra expenditure makes the lifter lighter, so the change is negative."),
    ))


def _net_above_rest(rest_ml: float, *, mass: float = 80.0, minutes: float = 60.0) -> float:
    return (5.0 * ref.MET_ML_O2_PER_KG_MIN - rest_ml) * mass * minutes * ref.KCAL_PER_LITRE_O2 / 1000.0


@exercise("ex-energy-rest", chapter=4, level="warm-up", minutes=5, answer="net_measured_kcal", unit="kcal",
          tolerance=0.5, what="the 60-minute 5.0 MET session's energy above a measured resting rate, 80 kg lifter (kcal)",
          scaffold="kcal_per_ml = ...  # ref.KCAL_PER_LITRE_O2 per millilitre\n"
                   "session_ml = ...   # 5.0 MET in ml O2 per kg per min\n"
                   "net_measured_kcal = ...  # (session - measured rest) x mass x minutes x kcal per ml",
          hint="subtract the measured rest (ref.MEASURED_REST_ML_O2_PER_KG_MIN) from 5.0 x 3.5 ml/kg/min, then "
               "multiply by 80 kg, 60 min and the kcal per millilitre of oxygen.")
def _rest() -> Expected:
    measured = _net_above_rest(ref.MEASURED_REST_ML_O2_PER_KG_MIN)
    return Expected(measured, (
        Wrong(energy.met_kcal(5.0, 80.0, 60.0, net=True), "that is the net cost by convention (one MET of rest): "
                                                          "subtract the measured rest instead."),
        Wrong(energy.met_kcal(5.0, 80.0, 60.0), "that is the gross cost: subtract the measured resting rate."),
        Wrong(measured * 1000.0, "units: ref.KCAL_PER_LITRE_O2 is per litre, so divide it by 1000 for millilitres."),
        Wrong(measured / 60.0, "that is per minute: the session lasts 60 minutes."),
    ))


def _epoc_gap() -> float:
    return energy.litres_o2_to_kcal(ref.EPOC_LITRES_O2_40MIN["leg press"]) - energy.litres_o2_to_kcal(
        ref.EPOC_LITRES_O2_40MIN["chest fly"])


def _epoc_dynamic(extra: float) -> float:
    return bodymass.simulate_body_mass(days=FIVE_YEARS, **LIFTER, extra_expenditure_kcal_per_day=extra).mass_change_kg[-1]


@exercise("ex-energy-epoc", chapter=4, level="core", minutes=6, answer="epoc_dynamic_kg", unit="kg",
          tolerance=0.005, what="the dynamic model's change in body mass after five years of two such sessions a week (kg)",
          scaffold="extra = ...  # twice the EPOC gap a week, as kcal per day\n"
                   "run = ...    # bodymass.simulate_body_mass(days=five_years, **lifter, extra_expenditure_kcal_per_day=extra)\n"
                   "epoc_dynamic_kg = ...  # the change on the last day",
          hint="twice a week is 2 x epoc_gap / 7 kcal per day; simulate the chapter's lifter for five years and "
               "read the change on the last day.")
def _epoc() -> Expected:
    gap = _epoc_gap()
    extra = 2 * gap / 7.0
    return Expected(_epoc_dynamic(extra), (
        Wrong(bodymass.static_mass_change_kg(-extra, days=FIVE_YEARS),
              "that is the static rule: the answer is the dynamic model's (bodymass.simulate_body_mass)."),
        Wrong(_epoc_dynamic(2 * gap), "twice a week: divide the two sessions' gap by 7 for a daily gap."),
        Wrong(_epoc_dynamic(gap / 7.0), "that is one session a week: the exercise has two."),
        Wrong(-_epoc_dynamic(extra), "check the sign: extra expenditure makes the lifter lighter, so the change is negative."),
    ))


def _diet(**kwargs):
    return bodymass.simulate_body_mass(days=FIVE_YEARS, **ADULT, intake_change_kcal_per_day=-500.0, **kwargs)


@exercise("ex-energy-cunningham", chapter=4, level="challenge", minutes=7, answer="cunningham_5y_kg", unit="kg",
          tolerance=0.05, what='the dieter\'s change in body mass after five years with rmr_equation="cunningham" (kg)',
          scaffold='cunningham_run = ...  # bodymass.simulate_body_mass(..., intake_change_kcal_per_day=-500.0, rmr_equation="cunningham")\n'
                   "cunningham_5y_kg = ...  # its mass change on day five_years",
          hint='rerun the chapter\'s dieter (adult, 500 kcal/day less, five years) with rmr_equation="cunningham" '
               "and read the change after five years.")
def _cunningham() -> Expected:
    cunningham, mifflin = _diet(rmr_equation="cunningham"), _diet()
    return Expected(cunningham.mass_change_kg[FIVE_YEARS], (
        Wrong(mifflin.mass_change_kg[FIVE_YEARS], 'that is the Mifflin-St Jeor run (the default): pass rmr_equation="cunningham".'),
        Wrong(cunningham.mass_change_kg[YEAR], "that is after one year: the answer is after five years."),
        Wrong(bodymass.static_mass_change_kg(-500.0, days=FIVE_YEARS),
              "that is the static rule, which ignores how expenditure falls: use the dynamic model."),
        Wrong(-cunningham.mass_change_kg[FIVE_YEARS], "check the sign: the diet makes him lighter, so the change is negative."),
        Wrong(cunningham.fat_kg[FIVE_YEARS] - cunningham.fat_kg[0], "that is the change in fat mass only: the answer is body mass."),
    ))
