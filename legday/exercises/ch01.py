"""Checks for chapter 1 (a balanced physique): the expected values come from volume, growth, anatomy."""

from __future__ import annotations

import numpy as np

from legday import anatomy, growth, volume
from legday.exercises._core import Expected, Wrong, exercise
from legday.exercises._programmes import UPPER_ONLY

WEEK = [("deadlift", 5), ("pull-up", 4), ("dip", 3)]
SQUAT_SETS = (0, 1, 2, 4, 6)


@exercise("ex-01-volume", chapter=1, level="warm-up", minutes=5, answer="back_sets", unit="sets",
          tolerance=0.01, what="the back's weekly fractional sets",
          scaffold='week = ...  # a list of (exercise, sets) pairs\nsets = ...  # volume.weekly_sets(...)\nback_sets = ...',
          hint="count every exercise that works the back, each with its fraction of a set (volume.weekly_sets does it).")
def _volume() -> Expected:
    sets = volume.weekly_sets(WEEK)
    pull_ups_only = volume.weekly_sets([("pull-up", 4)])["back"]
    deadlift_sets = dict(WEEK)["deadlift"]
    return Expected(sets["back"], (
        Wrong(pull_ups_only, "you counted the pull-ups only: the deadlift works the back too (indirectly)."),
        Wrong(pull_ups_only + deadlift_sets, "a deadlift counts as only half a set for the back (an indirect muscle), not a full one."),
        Wrong(volume.hypertrophy_percent(sets)["back"], "that is the predicted gain in per cent; the answer is the number of fractional sets."),
        Wrong(sum(s for _, s in WEEK), "that is the total of the week's sets; the answer is the back's share of them."),
    ))


def _ratios(**kwargs) -> np.ndarray:
    return growth.simulate_population(UPPER_ONLY, weeks=52, n_people=2_000, seed=1, **kwargs).upper_lower_ratio()


@exercise("ex-01-model", chapter=1, level="core", minutes=8, answer="linear_ratio", unit="",
          tolerance=0.0003, what='the median upper:lower ratio after a year with model="linear"',
          scaffold='pop = ...           # growth.simulate_population(upper_only, ..., model="linear")\nlinear_ratio = ...  # the median of the last column of pop.upper_lower_ratio()',
          hint='simulate with model="linear" (2,000 men, 52 weeks, seed 1) and take the median of the final column.')
def _model() -> Expected:
    linear = _ratios(model="linear")
    return Expected(np.median(linear[:, -1]), (
        Wrong(np.median(_ratios()[:, -1]), 'that is the square-root curve, the default: pass model="linear".'),
        Wrong(np.median(_ratios(model="saturating")[:, -1]), 'that is the saturating curve: the exercise asks for model="linear".'),
        Wrong(linear[:, -1].mean(), "that is the mean; the chapter compares medians (np.median)."),
        Wrong(linear[0, 0], "that is the starting ratio (week 0): after a year is the last column."),
    ))


@exercise("ex-01-women", chapter=1, level="core", minutes=7, answer="women_final", unit="",
          tolerance=0.0003, what="the women's median upper:lower ratio after a year",
          scaffold='women = ...        # growth.simulate_population(upper_only, ..., sex="female")\nwomen_final = ...  # the median of the last column of women.upper_lower_ratio()',
          hint='simulate 2,000 women (sex="female", seed 1) on the upper-only programme and take the median of the final column.')
def _women() -> Expected:
    women = _ratios(sex="female")
    return Expected(np.median(women[:, -1]), (
        Wrong(np.median(_ratios()[:, -1]), 'that is the men\'s result (the default sex): pass sex="female".'),
        Wrong(women[0, 0], "that is the women's starting ratio (week 0): after a year is the last column."),
        Wrong(women[:, -1].mean(), "that is the mean; the chapter compares medians (np.median)."),
    ))


def _final_ratio(k: int) -> float:
    week = UPPER_ONLY + ([("squat", k)] if k else [])
    return float(anatomy.upper_lower_ratio(growth.simulate_muscle_kg(week, weeks=52)[-1]))


@exercise("ex-01-minimum", chapter=1, level="challenge", minutes=10, kind="integer", answer="best_k",
          what="the number of weekly squat sets, one of 0, 1, 2, 4, 6",
          scaffold="start = ...   # the ratio at week 0\nfinals = ...  # k -> the ratio after a year with k weekly sets of squats\nbest_k = ...",
          hint="for each k compare the ratio after a year with the starting ratio; the closest one wins.")
def _minimum() -> Expected:
    start = float(anatomy.upper_lower_ratio(growth.simulate_muscle_kg(UPPER_ONLY, weeks=1)[0]))
    gaps = {k: abs(_final_ratio(k) - start) for k in SQUAT_SETS}
    best = min(gaps, key=gaps.get)
    wrong = [Wrong(k, f"not the closest: {'more' if k < best else 'fewer'} squat sets bring the ratio nearer to where it "
                      "started; compare the distance |final - start| for every k.") for k in SQUAT_SETS if k != best]
    return Expected(best, tuple(wrong))
