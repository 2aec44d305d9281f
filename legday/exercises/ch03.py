"""Checks for chapter 3 (the biggest muscles): the expected values come from anatomy and hormones."""

from __future__ import annotations

import numpy as np

from legday import anatomy, hormones, volume
from legday import reference as ref
from legday.exercises._core import Expected, Wrong, exercise
from legday.exercises._programmes import BALANCED, UPPER_ONLY

N, WEEKS = int(ref.WEST2012_N.value), int(ref.WEST2012_WEEKS.value)


def _shares(sex: str) -> tuple[float, float]:
    groups = anatomy.baseline_muscle_kg(sex)
    rest = anatomy.untracked_muscle_kg(sex)
    legs = sum(groups[m] for m in volume.LOWER_BODY)
    return (legs + rest["lower body"]) / (sum(groups.values()) + sum(rest.values())), legs / sum(groups.values())


@exercise("ex-03-shares", chapter=3, level="warm-up", minutes=6, answer="female_lower_share", unit="",
          tolerance=0.001, what="the share of all women's skeletal muscle in the lower body, a fraction from 0 to 1",
          scaffold='groups = anatomy.baseline_muscle_kg("female")\nrest = anatomy.untracked_muscle_kg("female")\nfemale_lower_share = ...',
          hint="add the lower-body groups and the untracked lower-body muscle, and divide by all muscle (groups and untracked).")
def _shares_check() -> Expected:
    whole, nine = _shares("female")
    return Expected(whole, (
        Wrong(_shares("male")[0], 'that is the men\'s share: use sex "female".'),
        Wrong(nine, "that is the share among the nine trained groups only: add the untracked muscle (untracked_muscle_kg)."),
        Wrong(100 * whole, "units: give a fraction from 0 to 1, not a percentage."),
    ))


def _sd(size: int, seed: int) -> float:
    return float(hormones.cohort_correlations(BALANCED, n_people=size, weeks=WEEKS, n_cohorts=300, seed=seed).std())


@exercise("ex-03-sample-size", chapter=3, level="core", minutes=7, answer="sd_56", unit="",
          tolerance=0.015, what="the standard deviation of the chance correlations for cohorts of 56",
          scaffold="r = ...  # hormones.cohort_correlations(balanced, ..., n_cohorts=300, seed=56)\nsd_56 = ...",
          hint="run 300 cohorts of 56 people (the balanced programme, the chapter's weeks) and take the standard deviation of r.")
def _sample_size() -> Expected:
    sd = _sd(56, 56)
    return Expected(sd, (
        Wrong(sd ** 2, "that looks like the variance: take the standard deviation (r.std())."),
        Wrong(_sd(20, 20), "that is the spread for cohorts of 20: the answer is for 56 people."),
        Wrong(_sd(200, 200), "that is the spread for cohorts of 200: the answer is for 56 people."),
        Wrong(2 * sd, "that is about two standard deviations (a 95 % band): the answer is one standard deviation."),
    ))


def _cohort():
    return hormones.simulate_hormone_cohort(BALANCED, n_people=N, weeks=WEEKS, seed=12)


@exercise("ex-03-if-hormones-mattered", chapter=3, level="core", minutes=6, answer="alt_r", unit="",
          tolerance=0.005, what="the correlation of hormone response with the alternative gains",
          scaffold="z = ...  # the standardised log hormone response\nalt_r = ...  # hormones.correlation(cohort.hormone_auc, ...).r",
          hint="z is the standardised *log* hormone response; scale each gain by 1 + 0.5 z and correlate it with the hormone response.")
def _if_mattered() -> Expected:
    cohort = _cohort()
    log_h = np.log(cohort.hormone_auc)
    z = (log_h - log_h.mean()) / log_h.std()
    alt = cohort.lean_gain_kg * (1 + 0.5 * z)
    raw = (cohort.hormone_auc - cohort.hormone_auc.mean()) / cohort.hormone_auc.std()
    return Expected(hormones.correlation(cohort.hormone_auc, alt).r, (
        Wrong(hormones.correlation(cohort.hormone_auc, cohort.lean_gain_kg).r,
              "that is the correlation with the observed gains: correlate with the alternative, scaled gains."),
        Wrong(hormones.correlation(cohort.hormone_auc, cohort.lean_gain_kg * (1 + 0.5 * raw)).r,
              "standardise the logarithm of the hormone response, not the response itself."),
        Wrong(np.corrcoef(log_h, alt)[0, 1],
              "correlate the gains with the hormone response itself (cohort.hormone_auc), not with its logarithm."),
    ))


def _mixed():
    return hormones.simulate_hormone_cohort([UPPER_ONLY, BALANCED], n_people=200, weeks=WEEKS, seed=6)


@exercise("ex-03-within-groups", chapter=3, level="challenge", minutes=6, answer="r_biceps", unit="",
          tolerance=0.005, what="the whole-cohort correlation of hormone response with biceps growth",
          scaffold='r_biceps = ...  # hormones.correlation(mixed.hormone_auc, mixed.gain_of(...)).r\n# then the same within each group (mixed.group == 0, == 1)',
          hint="use the whole mixed cohort, the hormone response and the biceps gain (mixed.gain_of(\"biceps\")).")
def _within() -> Expected:
    mixed = _mixed()
    r = lambda rows, muscle: hormones.correlation(mixed.hormone_auc[rows], mixed.gain_of(muscle)[rows]).r  # noqa: E731
    everyone = np.ones(mixed.group.size, dtype=bool)
    return Expected(r(everyone, "biceps"), (
        Wrong(r(everyone, "quadriceps"), "that is the quadriceps, the text's example: the exercise asks about the biceps."),
        Wrong(r(mixed.group == 0, "biceps"), "that is within the upper-only group: the first answer is for the whole cohort."),
        Wrong(r(mixed.group == 1, "biceps"), "that is within the balanced group: the first answer is for the whole cohort."),
    ))
