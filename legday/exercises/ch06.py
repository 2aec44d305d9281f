"""Checks for chapter 6 (transfer): the expected values come from legday.trials."""

from __future__ import annotations

import inspect

import numpy as np

from legday import trials
from legday.exercises._core import Expected, Wrong, exercise

#: The simulator's significance level (two-sided), as the chapter uses it.
ALPHA = inspect.signature(trials.simulate_trials).parameters["alpha"].default
STUDIES = 4


def _simulated_at_least_one() -> float:
    runs = trials.simulate_trials(10_000 * STUDIES, design="within", n=12, seed=41)
    benefit = runs.significant & (runs.estimated_effect_pct > 0)
    return float(benefit.reshape(10_000, STUDIES).any(axis=1).mean())


@exercise("ex-transfer-many", chapter=6, level="warm-up", minutes=5, answer="p_at_least_one", unit="",
          tolerance=0.002, what="the chance, by hand, that at least one of four null studies reports a significant benefit, a fraction from 0 to 1",
          scaffold="alpha_half = ...  # only a benefit counts: one tail of the two-sided 0.05 test\n"
                   "p_at_least_one = ...  # 1 - (chance that none of the four is significant)",
          hint="the chance that one null study reports a significant benefit is alpha/2; the chance that none of four "
               "does is that complement to the fourth power.")
def _many() -> Expected:
    half = ALPHA / 2
    exact = 1 - (1 - half) ** STUDIES
    return Expected(exact, (
        Wrong(1 - (1 - ALPHA) ** STUDIES, "use alpha/2, not alpha: only a significant *benefit* counts, one tail of the two-sided test."),
        Wrong(half, "that is the chance for one study: the question is about at least one of four."),
        Wrong(half ** STUDIES, "that is the chance that all four report a benefit: the question is at least one."),
        Wrong(_simulated_at_least_one(), "that is close to the simulation's estimate (or to adding the four chances): "
                                          "compute 1 - (1 - alpha/2)^4 exactly."),
        Wrong(100 * exact, "units: give a fraction from 0 to 1, not a percentage."),
    ))


def _exaggeration(n_people: int):
    return trials.simulate_trials(10_000, design="within", n=n_people, true_effect_pct=2.0, seed=50 + n_people)


@exercise("ex-transfer-exaggeration", chapter=6, level="core", minutes=7, answer="mean_significant_12", unit="points",
          tolerance=0.01, what="the average estimated effect of the significant-benefit studies of 12 people (percentage points)",
          scaffold="run = ...  # trials.simulate_trials(10_000, design=\"within\", n=..., true_effect_pct=2.0, seed=50 + n)\n"
                   "mean_significant_12 = ...  # run.mean_significant_benefit_pct",
          hint="simulate 10,000 within-subject studies of 12 people with a true effect of 2 points (seed 50 + 12) and "
               "average the estimates of those that report a significant benefit.")
def _exaggeration_check() -> Expected:
    twelve = _exaggeration(12)
    value = twelve.mean_significant_benefit_pct
    return Expected(value, (
        Wrong(twelve.estimated_effect_pct.mean(), "that is the average of all the studies: the question is about "
                                                  "the significant ones only (mean_significant_benefit_pct)."),
        Wrong(value / 2.0, "that is the ratio to the true effect: the answer is the estimate in percentage points."),
        Wrong(_exaggeration(9).mean_significant_benefit_pct, "that is the result for 9 people: the answer is for 12."),
        Wrong(_exaggeration(48).mean_significant_benefit_pct, "that is the result for 48 people: the answer is for 12."),
    ))


def _power_within(share: float) -> float:
    return float(trials.power(12, 5.0, design="within", between_person_share=share, n_trials=10_000, seed=60))


@exercise("ex-transfer-share", chapter=6, level="core", minutes=6, answer="power_share_02", unit="",
          tolerance=0.005, what="the power of the 12-person within-subject study with between_person_share=0.2, a fraction from 0 to 1",
          scaffold="power_share_02 = ...  # trials.power(12, 5.0, design=\"within\", between_person_share=..., n_trials=10_000, seed=60)",
          hint="call trials.power for 12 people and a 5-point effect, within-subject, with between_person_share=0.2 "
               "(10,000 trials, seed 60).")
def _share() -> Expected:
    low = _power_within(0.2)
    return Expected(low, (
        Wrong(_power_within(0.5), "that is the default share (0.5): pass between_person_share=0.2."),
        Wrong(_power_within(0.8), "that is the share 0.8: the answer is for 0.2."),
        Wrong(float(trials.power(12, 5.0, design="between", n_trials=10_000, seed=61)),
              'that is the two-group design: the answer is the within-subject one (design="within").'),
        Wrong(100 * low, "units: give the power as a fraction from 0 to 1, not a percentage."),
    ))


GRID = np.arange(50, 401, 50)


@exercise("ex-transfer-size", chapter=6, level="challenge", minutes=7, kind="integer", answer="n_for_80",
          what="the first sample size of the grid 50, 100, ..., 400 with at least 80 % power for a 2-point benefit (people)",
          scaffold="grid = np.arange(50, 401, 50)\n"
                   "found = ...  # trials.power(grid, 2.0, design=\"within\", n_trials=1000, seed=70)\n"
                   "n_for_80 = ...  # the first size in grid whose power reaches 0.8",
          hint="compute the power at every size of the grid (2-point effect, within-subject, 1000 trials, seed 70) and "
               "take the first size whose power is at least 0.8.")
def _size() -> Expected:
    found = trials.power(GRID, 2.0, design="within", n_trials=1000, seed=70)
    index = int(np.argmax(found >= 0.8))
    wrong = [Wrong(int(n), "that size does not reach 80 % power yet: look further along the grid.") for n in GRID[:index]]
    wrong += [Wrong(int(n), "that size reaches 80 %, but a smaller size of the grid already does: take the first one.")
              for n in GRID[index + 1:]]
    return Expected(int(GRID[index]), (
        Wrong(index, "that is the position in the grid: give the sample size at that position."),
        *wrong,
    ))
