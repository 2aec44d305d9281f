"""Checks for chapter 7 (design your week): Ana's week is judged with legday.assessment against the
exercise's constraints; the other expected values come from program, assessment and scheduling."""

from __future__ import annotations

from legday import assessment, program, scheduling, volume
from legday._checks import _short
from legday.exercises._core import Expected, Wrong, exercise

#: Ana's constraints, as the exercise states them.
ANA_DAYS = ("Mon", "Wed", "Fri")
ANA_MAX_MINUTES = 60.0
ANA_MIN_SETS = 6.0
ANA = {"body_mass_kg": 62, "sex": "female"}
#: The chapter's model answer for Ana: one full-body session three times.
ANA_SESSION = [("squat", 3), ("romanian deadlift", 2), ("bench press", 3), ("row", 3),
               ("overhead press", 2), ("biceps curl", 2), ("triceps extension", 1), ("calf raise", 2)]


def _ana_judge(ana) -> tuple[bool, str]:
    if not isinstance(ana, program.Programme):
        raise ValueError(f"ana must be a programme built with program.make_programme({{day: session}}, \"Ana\"); "
                         f"got {_short(ana)} (type {type(ana).__name__})")
    week = ana.as_dict()
    other = [day for day in week if day not in ANA_DAYS]
    if other:
        return False, (f"Ana is free only on Monday, Wednesday and Friday: move the session(s) on {', '.join(other)}.")
    long = {day: assessment.session_minutes(s) for day, s in week.items() if assessment.session_minutes(s) > ANA_MAX_MINUTES}
    if long:
        return False, ("too long: " + ", ".join(f"{day} takes {m:.0f} min" for day, m in long.items())
                       + f" (at most {ANA_MAX_MINUTES:.0f}, assessment.session_minutes); spread or trim the sets.")
    evaluation = assessment.evaluate(ana, **ANA)
    short = sorted(m for m, s in evaluation.weekly_sets.items() if s < ANA_MIN_SETS)
    if short:
        return False, (f"not every group gets at least {ANA_MIN_SETS:.0f} weekly fractional sets: "
                       f"{', '.join(short)} fall short (evaluation.weekly_sets).")
    if evaluation.flags:
        return False, "the evaluation flags " + "; ".join(map(str, evaluation.flags)) + ": leave the muscles more time between sessions."
    return True, "right."


@exercise("ex-week-ana", chapter=7, level="core", minutes=12, kind="custom", answer="ana",
          what="Ana's week, a programme built with program.make_programme",
          scaffold="session = ...  # a list of (exercise, sets) pairs for one evening\n"
                   "ana = ...      # program.make_programme({\"Mon\": session, ...}, \"Ana\")\n"
                   "ev_ana = ...   # assessment.evaluate(ana, body_mass_kg=62, sex=\"female\")",
          hint="Monday, Wednesday and Friday only; every session at most 60 minutes; every group at least 6 weekly "
               "fractional sets; no flag.",
          compute=lambda: _ana_expected())
def _ana(ana) -> tuple[bool, str]:
    return _ana_judge(ana)


def _ana_expected() -> Expected:
    model = program.make_programme({day: ANA_SESSION for day in ANA_DAYS}, "Ana")
    no_calves = [(name, sets) for name, sets in ANA_SESSION if name != "calf raise"]
    doubled = [(name, 2 * sets) for name, sets in ANA_SESSION]
    heavy_legs = [("squat", 10), ("romanian deadlift", 8), ("calf raise", 2)]  # an hour of legs, two days before more
    specimens = (
        program.make_programme({"Mon": ANA_SESSION, "Tue": ANA_SESSION, "Fri": ANA_SESSION}, "Ana"),  # a day she is busy
        program.make_programme({day: doubled for day in ANA_DAYS}, "Ana"),                              # sessions too long
        program.make_programme({day: no_calves for day in ANA_DAYS}, "Ana"),                            # calves short of sets
        program.make_programme({"Mon": heavy_legs, "Wed": ANA_SESSION, "Fri": ANA_SESSION}, "Ana"),      # legs not recovered
    )
    return Expected(model, tuple(Wrong(p, _ana_judge(p)[1]) for p in specimens))


def _ben_weeks() -> tuple[program.Programme, program.Programme]:
    ben = program.split("upper body only")
    legs = program.split("upper/lower").sessions[1]
    week = {day: list(session) for day, session in ben.as_dict().items()}
    week["Tue"] = legs
    week["Fri"] = legs
    return ben, program.make_programme(week, "Ben with two leg days")


def _sets(programme: program.Programme, muscles) -> float:
    sets = assessment.evaluate(programme).weekly_sets
    return float(sum(sets[m] for m in muscles))


@exercise("ex-week-ben", chapter=7, level="core", minutes=10, answer="upper_sets_with_legs", unit="sets",
          tolerance=0.05, what="the weekly upper-body fractional sets of Ben's week with two leg days (sets)",
          scaffold="ben = ...       # program.split(\"upper body only\")\n"
                   "ben_legs = ...  # Tuesday and Friday replaced by the upper/lower split's leg session\n"
                   "upper_sets_with_legs = ...  # the weekly sets of chest, back, shoulders, biceps and triceps",
          hint="evaluate the week with the two leg days and add the weekly sets of the five upper-body muscles "
               "(volume.UPPER_BODY).")
def _ben() -> Expected:
    ben, ben_legs = _ben_weeks()
    upper = _sets(ben_legs, volume.UPPER_BODY)
    return Expected(upper, (
        Wrong(_sets(ben, volume.UPPER_BODY), "that is Ben's week as it is: replace Tuesday's and Friday's sessions with leg sessions first."),
        Wrong(_sets(ben_legs, volume.MUSCLES), "that counts every muscle: add the upper-body muscles only."),
        Wrong(_sets(ben_legs, volume.LOWER_BODY), "those are the lower-body sets: the answer is the upper body's."),
        Wrong(_sets(ben, volume.UPPER_BODY) - upper, "that is how many upper-body sets he loses: the answer is how many he keeps."),
    ))


def _chris():
    ul = program.split("upper/lower")
    return ul, scheduling.schedule(ul, available_days=["Tue", "Wed", "Sat", "Sun"], name="Chris")


@exercise("ex-week-chris", chapter=7, level="warm-up", minutes=8, answer="chris_lowest", unit="",
          tolerance=0.005, what="the lowest readiness of Chris's scheduled week, from 0 to 1",
          scaffold="ul = ...     # program.split(\"upper/lower\")\n"
                   "chris = ...  # scheduling.schedule(ul, available_days=[...], name=\"Chris\")\n"
                   "chris_lowest = ...  # its lowest readiness",
          hint='let scheduling.schedule place the upper/lower sessions on ["Tue", "Wed", "Sat", "Sun"] and read '
               "the schedule's lowest readiness.")
def _chris_check() -> Expected:
    ul, chris = _chris()
    upper, lower = ul.sessions[0], ul.sessions[1]
    by_hand = program.make_programme({"Tue": upper, "Wed": upper, "Sat": lower, "Sun": lower}, "Chris")
    return Expected(chris.lowest_readiness, (
        Wrong(assessment.evaluate(by_hand).lowest_readiness,
              "that week trains the same muscles on consecutive days: let scheduling.schedule place the "
              "sessions (available_days)."),
        Wrong(100 * chris.lowest_readiness, "units: readiness runs from 0 to 1, not a percentage."),
    ))


exercise("ex-week-yours", chapter=7, level="challenge", minutes=15, kind="open",
         what="your week, evaluated and compared, and three sentences defending it",
         good_answer=(
             "the week as a programme (program.make_programme), evaluated with assessment.evaluate and compared "
             "with the ready-made splits and with scheduling.schedule's arrangement of it",
             "a sentence on volume that quotes the weekly fractional sets of the least-trained muscles (chapter 1)",
             "a sentence on recovery that quotes the lowest readiness and any flags, and what the scheduler changed (chapter 5)",
             "a sentence on what the models cannot tell: individual responses vary widely, the calibrations are "
             "assumptions, growth is projected for an average novice (chapters 5 and 6)",
         ))(None)
