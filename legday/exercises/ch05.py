"""Checks for chapter 5 (recovery): the expected values come from fitness, program, assessment, scheduling."""

from __future__ import annotations

import numpy as np

from legday import assessment, fitness, program, reference, scheduling, volume
from legday.exercises._core import Expected, Wrong, exercise

CS = {key: c.value for key, c in reference.CLARKE_SKIBA_EXAMPLE.items()}
GAINS = dict(k1=CS["k1"], k2=CS["k2"], tau1=CS["tau1"], tau2=CS["tau2"])
#: Elite swimmers' fitted time constants, as the exercise states them.
HELLARD = dict(k1=1, k2=2, tau1=38, tau2=19)
SLOW_ARMS = {"biceps": 96, "triceps": 96}


@exercise("ex-recovery-hellard", chapter=5, level="core", minutes=8, answer="hellard_cross_days", unit="days",
          tolerance=0.05, what="the crossing time with tau1 = 38 d and tau2 = 19 d, from the closed form (days)",
          scaffold="hellard_cross_days = ...  # fitness.crossing_time_days(...)\n"
                   "hellard_peak_days = ...   # fitness.peak_time_days(...)\n"
                   "one = ...     # a single session on day 0, then rest\n"
                   "effect = ...  # fitness.fitness_fatigue(one, ...)",
          hint="pass k1 = 1, k2 = 2 and the swimmers' time constants (fitness tau1, fatigue tau2) to "
               "fitness.crossing_time_days.")
def _hellard() -> Expected:
    cross = fitness.crossing_time_days(**HELLARD)
    one = np.zeros(200)
    one[0] = 1.0
    first_day = int(np.argmax(fitness.fitness_fatigue(one, **HELLARD) > 0))
    return Expected(cross, (
        Wrong(fitness.crossing_time_days(**GAINS), "that is Clarke and Skiba's example (tau1 27, tau2 10): use the swimmers' constants."),
        Wrong(fitness.peak_time_days(**HELLARD), "that is the peak time: the answer is when the net effect crosses zero."),
        Wrong(first_day, "that is the simulation's first whole day with a net gain: give the closed form's "
                         "crossing time, a fraction of a day."),
        Wrong(cross / fitness.crossing_time_days(**GAINS), "that is the ratio to Clarke and Skiba's crossing: the answer is in days."),
    ))


def _first_gain(convention: str) -> int:
    one = np.zeros(40)
    one[0] = 100.0
    performance = fitness.fitness_fatigue(one, **GAINS, p0=CS["p0"], convention=convention)
    return int(np.argmax(performance > CS["p0"]))


@exercise("ex-recovery-convention", chapter=5, level="warm-up", minutes=6, kind="integer",
          answer="first_gain_same_day",
          what='the first day with a net gain (performance above p0) with convention="same_day", the session on day 0',
          scaffold='same_day = ...  # fitness.fitness_fatigue(one, **gains, p0=cs["p0"], convention="same_day")\n'
                   'first_gain_same_day = ...  # the first day index where same_day > cs["p0"] (np.argmax)',
          hint='simulate the worked example\'s single session (100 units on day 0) with convention="same_day" and '
               'find the first index where performance exceeds p0.')
def _convention() -> Expected:
    first = _first_gain("same_day")
    return Expected(first, (
        Wrong(first + 1, "off by one day: the session is day 0, so use the array index itself (np.argmax), not a count from 1."),
        Wrong(first - 1, "on that day performance is not yet above p0: the first day with a net gain is when it exceeds p0."),
        Wrong(0, "day 0 is the session's own day, when the same-day form charges the full fatigue: look for the first "
                 "day above p0."),
    ))


def _heavy() -> program.Programme:
    upper_x3 = program.RECOVERY_COMPARISON["upper + legs on rest days"].sessions[0]  # the chapter's upper_x3
    return program.make_programme(
        {"Mon": [("squat", 5), ("leg press", 3)], "Tue": [("deadlift", 5), ("leg curl", 3)],
         "Thu": upper_x3, "Sat": upper_x3},
        "heavy legs",
    )


@exercise("ex-recovery-heavy-legs", chapter=5, level="core", minutes=8, kind="names", answer="flagged_muscles",
          allowed=volume.MUSCLES, what="the muscles flagged in the heavy-legs week as built, a list of muscle names",
          scaffold="heavy = ...   # program.make_programme({...}, \"heavy legs\")\n"
                   "before = ...  # assessment.evaluate(heavy)\n"
                   "flagged_muscles = ...  # [f.muscle for f in before.flags]",
          hint="evaluate the week as built (before the scheduler) and list the muscle of every flag, on every day.")
def _heavy_legs() -> Expected:
    heavy = _heavy()
    before = assessment.evaluate(heavy)
    flagged = {f.muscle for f in before.flags}
    tuesday = {f.muscle for f in before.flags if f.day == "Tue"}
    after = {f.muscle for f in assessment.evaluate(scheduling.schedule(heavy).programme).flags}
    return Expected(flagged, (
        Wrong(tuesday, "those are Tuesday's flags: the upper-body days are flagged too; list every flag."),
        Wrong(after, "that is the scheduler's week: the answer lists the flags of the week as built."),
        Wrong(flagged | {"quadriceps"}, "the quadriceps are worked (indirectly) but not flagged: list only the muscles in "
                                        "the evaluation's flags."),
    ))


def _arm_flagged(**kwargs) -> set[str]:
    return {name for name, prog in program.SPLITS.items()
            if any(f.muscle in SLOW_ARMS for f in assessment.evaluate(prog, **kwargs).flags)}


@exercise("ex-recovery-arms", chapter=5, level="challenge", minutes=8, kind="names", answer="arm_flag_splits",
          allowed=tuple(program.SPLITS), what="the ready-made splits that flag a biceps or triceps session when the arms need 96 h, a list of split names",
          scaffold='slow_arms = {"biceps": 96, "triceps": 96}\n'
                   "slow = ...  # split name -> assessment.evaluate(prog, recovery_hours=slow_arms) for program.SPLITS\n"
                   "arm_flag_splits = ...  # the names whose flags include biceps or triceps",
          hint='evaluate every split in program.SPLITS with recovery_hours={"biceps": 96, "triceps": 96} and keep those '
               "with a flag on the biceps or triceps.")
def _arms() -> Expected:
    slow = _arm_flagged(recovery_hours=SLOW_ARMS)
    every = set(program.SPLITS)
    return Expected(slow, (
        Wrong(_arm_flagged(), "that is with the default arm calibration: pass recovery_hours with 96 h for the arms."),
        Wrong(every, "one split keeps its arm sessions far enough apart: check each split's flags."),
        Wrong(every - slow, "those are the splits that stay free of arm flags: the answer lists the ones that flag."),
        Wrong(slow - _arm_flagged(), "the split that already flagged arm sessions still does with slower arms: keep it."),
    ))
