"""Checks for chapter 2 (a stable base): the expected values come from legday.mechanics."""

from __future__ import annotations

import numpy as np

from legday import mechanics
from legday.exercises._core import Expected, Wrong, exercise


@exercise("ex-base-stance", chapter=2, level="warm-up", minutes=5, answer="wide_kg", unit="kg",
          tolerance=0.05, what="the standing press on a 50 cm base (kg)",
          scaffold="wide_kg = ...    # mechanics.pressable_load_kg(base_width_m=...)\nstrong_kg = ...  # mechanics.pressable_load_kg(support_torque_nm=...)",
          hint="change only the base: pressable_load_kg takes the base width in metres (base_width_m).")
def _stance() -> Expected:
    return Expected(mechanics.pressable_load_kg(base_width_m=0.5), (
        Wrong(mechanics.pressable_load_kg(), "that is the default 26 cm base (or the 400 N m case, which gives the "
                                             "same press): pass base_width_m for the 50 cm base, in metres."),
        Wrong(mechanics.pressable_load_kg("seated"), "that is the seated press: the exercise is about standing."),
        Wrong(mechanics.BRACED_CAPACITY_KG, "that is the rigid-support capacity, the most any support allows: "
                                            "compute the standing press with pressable_load_kg."),
    ))


def _cost_pct(target: float) -> tuple[float, float]:
    lifter = mechanics.Lifter(stiffness_gain_per_rad=mechanics.calibrate_stiffness_gain(target))
    full = mechanics.pressable_load_kg(lifter=lifter)
    short = mechanics.pressable_load_kg(base_width_m=0.24, lifter=lifter)
    return 100 * (short / full - 1), short - full


@exercise("ex-base-calibration", chapter=2, level="core", minutes=8, answer="cost_20_pct", unit="%",
          tolerance=0.1, what="the change of the standing press from the 24 cm base with the gain calibrated to a 20 % gap (%)",
          scaffold="lifter_20 = ...  # mechanics.Lifter(stiffness_gain_per_rad=mechanics.calibrate_stiffness_gain(...))\n"
                   "cost_20_pct = ...  # 100 * (press on 24 cm / press on the default base - 1)",
          hint="calibrate the gain to the 20 % gap, build a Lifter with it, and compare its press on 24 cm with its press on the default base.")
def _calibration() -> Expected:
    pct, kg = _cost_pct(0.20)
    return Expected(pct, (
        Wrong(_cost_pct(0.10)[0], "that is the book's own calibration (a 10 % gap): calibrate to the 20 % gap and pass that Lifter."),
        Wrong(_cost_pct(0.05)[0], "that is the 5 % calibration: the answer asks for the 20 % one."),
        Wrong(-pct, "check the sign: a narrower base costs load, so the change is negative."),
        Wrong(pct / 100, "units: give the change in per cent, not as a fraction."),
        Wrong(kg, "that is the change in kilograms: give it in per cent of the press on the default base."),
    ))


@exercise("ex-base-mass", chapter=2, level="core", minutes=7, answer="standing_120", unit="kg",
          tolerance=0.05, what="the standing press of a 120 kg lifter (kg)",
          scaffold="masses = ...  # 60, 80, 100 and 120 kg, as an array\nstanding = ...  # mechanics.pressable_load_kg(body_mass_kg=...)\nstanding_120 = ...",
          hint="pass the body mass (body_mass_kg) to pressable_load_kg, standing, with the default 40 kg rigid-support press.")
def _mass() -> Expected:
    masses = np.array([60.0, 80.0, 100.0, 120.0])
    standing = mechanics.pressable_load_kg(body_mass_kg=masses)
    return Expected(standing[-1], (
        Wrong(mechanics.pressable_load_kg("seated", body_mass_kg=120.0), "that is the seated press: the question is the standing one."),
        Wrong(standing[1], "that is the default 80 kg lifter: pass body_mass_kg=120."),
        Wrong(standing[0], "that is the 60 kg lifter: the answer is for 120 kg."),
    ))
