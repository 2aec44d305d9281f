"""The input contract of the recovery and programme models (legday.recovery, legday.program).

As tests/test_input_contract.py does for the other models: part 1 re-runs one reproducer per
root cause of the December 2026 fuzz report (/work/shared/research/fuzz-2026-12.md, numbered as
there) that falls in these two modules; part 2 is a bounded Hypothesis fuzz test over their
public functions (valid inputs give finite results in the documented range, a bad value in any
argument gets a ValueError naming it); part 3 checks :class:`fitness.BanisterParameters`
against the plain keywords; part 4 shows that the checkers can fail.
"""

from __future__ import annotations

import dataclasses
import math
import warnings
from typing import Any

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402
from test_input_contract import BAD_VALUES, _finite, assert_refused, check_contract  # noqa: E402

from legday import _checks, assessment, drawing, fitness, program, recovery, scheduling  # noqa: E402
from legday import reference as ref  # noqa: E402

CS = dict(k1=1.0, k2=2.0, tau1=27.0, tau2=10.0)  # clarke2013's teaching example
FULL = program.split("full body")
REST = ((),) * 6
ONE_SQUAT = ((("squat", 3.0),),) + REST


def _evaluation() -> assessment.Evaluation:
    return assessment.evaluate(FULL)


def _heatmap(**changes: Any) -> Any:
    fig, ax = plt.subplots()
    try:
        kwargs = dict(ax=ax, evaluation=EVALUATION, title="t", colorbar=True)
        kwargs.update(changes)
        return drawing.readiness_heatmap(**kwargs)
    finally:
        plt.close(fig)


EVALUATION = _evaluation()

# --- 1. one reproducer per root cause ----------------------------------------------------------


#: (root cause number in the fuzz report, the call, the argument its message must name)
REPRODUCERS: list[tuple[str, Any, str]] = [
    ("1 ragged list", lambda: fitness.fitness_fatigue([[1.0], [1.0, 2.0]], **CS), "load"),
    ("1 ragged list", lambda: fitness.pmc([[1.0], [1.0, 2.0]]), "load"),
    ("1 ragged list", lambda: recovery.periodic_muscle_fatigue([[1.0], [1.0, 2.0]], 1.0), "sets_by_day"),
    ("1 ragged list", lambda: fitness.impulse_response([[1.0], [1.0, 2.0]], **CS), "t_days"),
    ("1 ragged list", lambda: recovery.fit_exponential_decay([[0.0], [1.0, 2.0]], [1.0, 2.0]), "t"),
    ("1 ragged list", lambda: recovery.readiness([[0.5], [0.5, 0.5]]), "fatigue"),
    ("3 huge in-domain input", lambda: fitness.pmc([1e308, 1e308, 1.0]), "load"),
    ("3 huge in-domain input", lambda: fitness.fitness_fatigue([1.0, 0.0], 1e308, 2.0, 27.0, 10.0), "k1"),
    ("3 huge in-domain input", lambda: program.make_programme({"Mon": [("squat", 1e308)]}), "week"),
    ("3 huge in-domain input", lambda: assessment.evaluate({"Mon": [("squat", 1e308)]}), "programme"),
    ("4 tiny tau", lambda: fitness.peak_time_days(k1=1.0, k2=2.0, tau1=27.0, tau2=1e-308), "tau2"),
    ("4 tiny tau", lambda: fitness.crossing_time_days(k1=1.0, k2=2.0, tau1=27.0, tau2=1e-308), "tau2"),
    ("4 tiny tau", lambda: recovery.hours_to_readiness(sets=4.0, tau_days=5e-324), "tau_days"),
    ("4 tiny hard session", lambda: recovery.hours_to_readiness(4.0, 1.0, hard_session_sets=5e-324),
     "hard_session_sets"),
    ("4 equal taus, no crossing", lambda: fitness.crossing_time_days(k1=1.0, k2=2.0, tau1=10.0, tau2=10.0), "tau1"),
    ("5 different lengths", lambda: recovery.fit_exponential_decay([0.0, 1.0, 2.0], [2.0, 1.0]), "t and y"),
    ("5 different lengths", lambda: recovery.muscle_fatigue([[1.0, 0.0], [0.0, 1.0]], [1.0, 2.0, 3.0]),
     "tau_days"),
    ("5 different lengths", lambda: fitness.decayed_load([[1.0, 0.0], [0.0, 1.0]], [1.0, 2.0, 3.0]), "tau_days"),
    ("7 internal name fatigue", lambda: assessment.readiness_by_day(
        FULL, recovery_hours={"quadriceps": 6.968587158487478e18}), "recovery_hours"),
    ("7 internal name load", lambda: recovery.muscle_fatigue([1e308, 0.0], 1.0), "sets_by_day"),
    ("7 internal name fatigue", lambda: recovery.readiness_after_session(1.0, 1.0, sets=1e308), "sets"),
    ("9 empty week", lambda: program.make_programme({}), "week"),
    ("9 empty programme", lambda: program.daily_sets({}), "programme"),
    ("9 empty programme", lambda: program.direct_sets([]), "programme"),
    ("9 empty session", lambda: assessment.evaluate({"Mon": []}), "programme"),
    ("9 empty programme", lambda: assessment.projected_growth({}), "programme"),
    ("9 empty programme", lambda: assessment.readiness_by_day([[], []]), "programme"),
    ("9 empty session", lambda: assessment.session_minutes([]), "session"),
    ("9 empty schedule", lambda: scheduling.schedule([]), "sessions"),
    ("9 empty schedule", lambda: scheduling.schedule(FULL, available_days=[]), "available_days"),
    ("9 empty fatigue", lambda: recovery.readiness([]), "fatigue"),
    ("11 title not a string", lambda: _heatmap(title=None, colorbar=float("nan")), "colorbar"),
    ("11 title not a string", lambda: _heatmap(title=""), "title"),
    ("11 title not a string", lambda: _heatmap(title=5), "title"),
    ("14 no check on ax", lambda: _heatmap(ax=None), "ax"),
    ("14 no check on evaluation", lambda: _heatmap(evaluation=FULL), "evaluation"),
    ("13 Programme built directly", lambda: program.direct_sets(
        program.Programme(name="x", sessions=((("squat", -3.0),),) + REST)), "sessions"),
    ("13 Programme built directly", lambda: program.Programme("x", ((("squat", math.nan),),) + REST), "sessions"),
    ("13 Programme built directly", lambda: program.Programme("x", ((("sqaut", 3.0),),) + REST), "sessions"),
    ("13 Programme built directly", lambda: program.Programme("x", ((("squat", 1e308),),) + REST), "sessions"),
    ("13 Programme built directly", lambda: program.Programme("x", ((),) * 7), "sessions"),
    ("13 Programme built directly", lambda: program.Programme("", ONE_SQUAT), "name"),
    ("13 Programme built directly", lambda: program.Programme("x", "squat"), "sessions"),
    ("15 list for one number", lambda: assessment.evaluate(FULL, body_mass_kg=[80.0]), "body_mass_kg"),
    ("15 list for one number", lambda: assessment.session_kcal(FULL, [[80.0]]), "body_mass_kg"),
    ("18 many sets, 'minutes'", lambda: assessment.evaluate({"Mon": [("squat", 10000)]}), "programme"),
    ("18 many sets, 'minutes'", lambda: assessment.session_kcal(
        {"Mon": [(e, 100) for e in ("squat", "romanian deadlift", "bench press", "row", "overhead press")]}),
     "programme"),
    ("19 huge tau", lambda: recovery.periodic_muscle_fatigue([1.0, 0.0, 0.0], tau_days=1e20), "tau_days"),
    ("19 huge tau", lambda: scheduling.schedule([[("squat", 3)]], recovery_hours={"quadriceps": 1e20}),
     "recovery_hours"),
    ("22 session_minutes validates nothing", lambda: assessment.session_minutes([("squat", -5)]), "session"),
    ("22 session_minutes validates nothing", lambda: assessment.session_minutes([("sqaut", 5)]), "session"),
    ("22 session_minutes validates nothing", lambda: assessment.session_minutes([("squat", math.inf)]), "session"),
    ("22 session_minutes validates nothing", lambda: assessment.session_minutes([("squat", 0)]), "session"),
    ("27 more than 7 sessions", lambda: program.daily_sets(program.Programme("x", ((),) * 8)), "sessions"),
    ("27 fewer than 7 sessions", lambda: assessment.readiness_by_day(program.Programme("x", ONE_SQUAT[:3])),
     "sessions"),
    ("28 tiny recovery time", lambda: assessment.muscle_taus(recovery_hours={"quadriceps": 5e-324}), "recovery_hours"),
    ("28 tiny recovery time", lambda: recovery.tau_from_recovery_hours(5e-324), "hours"),
    ("40 session_minutes unpacking", lambda: assessment.session_minutes("squat"), "session"),
    ("41 near-coincident times", lambda: recovery.fit_exponential_decay([1.0, 1.0 + 1e-15], [2.0, 1.0]), "t"),
    ("49 huge times", lambda: recovery.fit_exponential_decay([0.0, 1.7e308], [2.0, 1.9]), "t"),
    ("48 recovered_readiness near 0", lambda: recovery.readiness_after_session(
        1.0, recovery.tau_from_recovery_hours(1.0, 5e-324), sets=4.0, hard_session_sets=4.0), "recovered_readiness"),
    ("50 tiny recovery time", lambda: assessment.readiness_by_day(FULL, recovery_hours={"quadriceps": 5e-324}),
     "recovery_hours"),
    ("53 implausible recovery time", lambda: assessment.muscle_taus(recovery_hours={"quadriceps": 1e20}),
     "recovery_hours"),
    ("53 implausible load", lambda: fitness.pmc([1e6] * 10), "load"),
    ("53 implausible load", lambda: fitness.fitness_fatigue([1e6] * 10, **CS), "load"),
    ("53 implausible gain", lambda: fitness.fitness_fatigue([1.0], 1.0, 1e308, 27.0, 10.0), "k2"),
    ("53 implausible tau", lambda: fitness.decayed_load([1.0, 0.0], 1e308), "tau_days"),
    ("53 implausible tau", lambda: fitness.pmc([1.0, 0.0], ctl_days=1e308), "ctl_days"),
    ("53 implausible tau", lambda: fitness.impulse_response(1.0, 1.0, 2.0, 1e308, 10.0), "tau1"),
    ("53 implausible tau", lambda: recovery.muscle_fatigue([1.0, 0.0], 1e308), "tau_days"),
    ("53 implausible start", lambda: fitness.pmc([1.0, 0.0], ctl0=1e308), "ctl0"),
    ("53 implausible sets", lambda: recovery.hours_to_readiness(1e308, 1.0), "sets"),
    ("53 implausible hours", lambda: recovery.tau_from_recovery_hours(1e20), "hours"),
    ("54 session of 0 sets", lambda: assessment.session_kcal({"Mon": [("squat", 0)]}), "programme"),
    ("2 internal name (programme rows)", lambda: assessment.evaluate(FULL, start_training_age_weeks=-1.0),
     "start_training_age_weeks"),
]


@pytest.mark.parametrize(("cause", "call", "argument"), REPRODUCERS, ids=[f"{r[0]}-{r[2]}" for r in REPRODUCERS])
def test_fuzz_reproducer_gets_a_value_error_naming_the_argument(cause: str, call: Any, argument: str) -> None:
    assert_refused(call, argument, cause)


def test_pmc_unknown_key_is_a_key_error_naming_the_keys() -> None:
    # root cause 36: a KeyError (the convention for [] access) that lists what is allowed
    chart = fitness.pmc([50.0, 60.0, 0.0])
    for key in ("bogus", 3, 1.5, None):
        with pytest.raises(KeyError, match="'ctl', 'atl', 'tsb'"):
            chart[key]
    assert chart["CTL"] is chart.ctl and chart[0] is chart.ctl and chart[-1] is chart.tsb


def test_exponential_fit_at_extreme_but_valid_times_is_finite_and_right() -> None:
    # root causes 41 and 49: LinAlgError / "must decay" for data a fit can describe
    for scale in (5e-324, 1e-300, 1.0, 1e300, 1e308):
        amplitude, tau = recovery.fit_exponential_decay([0.0, scale], [2.0, 1.0])
        assert math.isfinite(tau) and tau > 0 and amplitude == pytest.approx(2.0)
        if scale > 1e-300:
            assert tau == pytest.approx(scale / math.log(2.0), rel=1e-12)
    amplitude, tau = recovery.mps_fit()
    slope, intercept = np.polyfit([3.0, 24.0, 48.0], np.log([112.0, 65.0, 34.0]), 1)
    assert amplitude == pytest.approx(math.exp(intercept), rel=1e-12) and tau == pytest.approx(-1 / slope, rel=1e-12)


def test_extreme_in_range_banister_parameters_give_finite_times() -> None:
    # root cause 4: a ratio such as k2 tau1 / (k1 tau2) overflowed; the logs are now summed
    for k1, k2, tau1, tau2 in ((5e-324, 1000.0, 365.0, 0.01), (1.0, 2.0, 365.0, 0.01), (1e-300, 1e-299, 11.0, 10.0)):
        tc, tp = fitness.crossing_time_days(k1, k2, tau1, tau2), fitness.peak_time_days(k1, k2, tau1, tau2)
        assert 0 < tc < tp < math.inf


def test_swapped_time_constants_warn_in_every_function_that_takes_them() -> None:
    swapped = dict(k1=1.0, k2=2.0, tau1=10.0, tau2=27.0)
    with pytest.warns(_checks.InvertedParametersWarning, match="tau1=10 is not greater than tau2=27"):
        fitness.fitness_fatigue_components([1.0, 0.0], **swapped)
    with pytest.warns(_checks.InvertedParametersWarning, match="swapped"):
        fitness.impulse_response(1.0, **swapped)
    for fn in (fitness.crossing_time_days, fitness.peak_time_days):
        with pytest.raises(ValueError, match="were tau1 and tau2 swapped"):
            fn(**swapped)


# --- 2. the bounded fuzz test ------------------------------------------------------------------

LOAD = [100.0, 0.0, 50.0, 0.0]
SETS_2D = [[4.0, 0.0, 2.0], [0.0, 3.0, 0.0]]
BP = fitness.BanisterParameters(**CS)

#: A valid call of each public function of recovery and program: (function, keyword arguments).
VALID_CALLS: list[tuple[Any, dict[str, Any]]] = [
    (fitness.decayed_load, dict(load=LOAD, tau_days=7.0)),
    (fitness.fitness_fatigue, dict(load=LOAD, **CS, p0=500.0)),
    (fitness.fitness_fatigue_components, dict(load=LOAD, **CS, p0=500.0)),
    (fitness.impulse_response, dict(t_days=[0.0, 5.0, 30.0], **CS)),
    (fitness.crossing_time_days, dict(**CS)),
    (fitness.peak_time_days, dict(**CS)),
    (fitness.BanisterParameters, dict(**CS)),
    (fitness.pmc, dict(load=LOAD, ctl_days=42.0, atl_days=7.0, ctl0=10.0, atl0=5.0)),
    (fitness.training_block, dict(load=100.0, rest_days=21)),
    (recovery.tau_from_recovery_hours, dict(hours=72.0, recovered_readiness=0.9)),
    (recovery.muscle_tau_days, dict(muscle="quadriceps")),
    (recovery.muscle_fatigue, dict(sets_by_day=SETS_2D, tau_days=[1.3, 0.9], hard_session_sets=4.0)),
    (recovery.periodic_muscle_fatigue, dict(sets_by_day=SETS_2D, tau_days=[1.3, 0.9], hard_session_sets=4.0)),
    (recovery.readiness, dict(fatigue=[0.0, 0.5, 2.0])),
    (recovery.hours_to_readiness, dict(sets=4.0, tau_days=1.3, target_readiness=0.9, hard_session_sets=4.0)),
    (recovery.readiness_after_session, dict(hours=[0.0, 24.0], tau_days=1.3, sets=4.0, hard_session_sets=4.0)),
    (recovery.fit_exponential_decay, dict(t=[3.0, 24.0, 48.0], y=[112.0, 65.0, 34.0])),
    (recovery.mps_percent_above_rest, dict(hours=[0.0, 24.0])),
    (recovery.mps_fit, dict()),
    (program.make_programme, dict(week={"Mon": [("squat", 3)], "Thu": [("bench press", 3)]}, name="w")),
    (program.Programme, dict(name="w", sessions=ONE_SQUAT)),
    (program.split, dict(name="full body")),
    (program.daily_sets, dict(programme={"Mon": [("squat", 3)]})),
    (program.direct_sets, dict(programme={"Mon": [("squat", 3)]})),
    (assessment.muscle_taus, dict(recovery_hours={"biceps": 96.0})),
    (assessment.readiness_by_day, dict(programme={"Mon": [("squat", 3)]}, recovery_hours={"biceps": 96.0})),
    (assessment.evaluate, dict(programme={"Mon": [("squat", 3)]}, body_mass_kg=80.0, sex="male", weeks=4,
                            start_training_age_weeks=0.0, recovery_hours={"biceps": 96.0}, ready_threshold=0.75)),
    (assessment.session_minutes, dict(session=[("squat", 3), ("row", 2)])),
    (assessment.session_kcal, dict(programme={"Mon": [("squat", 3)]}, body_mass_kg=80.0)),
    (assessment.projected_growth, dict(programme={"Mon": [("squat", 3)]}, weeks=4, sex="male",
                                    start_training_age_weeks=0.0)),
    (scheduling.schedule, dict(sessions=[[("squat", 3)], [("row", 3)]], available_days=["Mon", "Wed", "Fri"],
                            recovery_hours={"biceps": 96.0}, name="s")),
    (assessment.comparison_table, dict(evaluations=[EVALUATION])),
    (drawing.readiness_heatmap, dict(evaluation=EVALUATION, title="t", colorbar=False)),
]
#: Arguments whose bad values are not numbers (names, programmes): still refused by name, never a crash.
CASES = [(fn, name) for fn, kwargs in VALID_CALLS for name in kwargs]
#: Programme-sized calls are slower: fewer examples keep the whole test within about 20 s.
SLOW = {assessment.evaluate, scheduling.schedule, assessment.projected_growth, drawing.readiness_heatmap,
        assessment.comparison_table, assessment.readiness_by_day}

PUBLIC = {getattr(recovery, n) for n in recovery.__all__ if callable(getattr(recovery, n))} | {
    getattr(program, n) for n in program.__all__ if callable(getattr(program, n))}


def test_every_public_function_is_fuzzed() -> None:
    covered = {fn for fn, _ in VALID_CALLS}
    missing = {f.__name__ for f in PUBLIC - covered if f not in (fitness.FitnessFatigue, fitness.PMC,
                                                                 assessment.Flag, assessment.Evaluation, scheduling.Schedule)}
    assert not missing, f"public functions without a fuzz case: {sorted(missing)}"


def _call(fn: Any, kwargs: dict[str, Any]) -> Any:
    if fn is drawing.readiness_heatmap:
        fig, ax = plt.subplots()
        try:
            return fn(ax, **kwargs)
        finally:
            plt.close(fig)
    return fn(**kwargs)


@pytest.mark.parametrize(("fn", "argument"), CASES, ids=[f"{fn.__module__[7:]}.{fn.__name__}-{a}" for fn, a in CASES])
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(bad=BAD_VALUES, data=st.data())
def test_bad_value_in_one_argument_is_refused_by_name_or_gives_a_finite_result(
    fn: Any, argument: str, bad: Any, data: Any
) -> None:
    if fn in SLOW and data.draw(st.integers(0, 2), label="skip") != 0:
        return  # a third of the examples for the slow programme functions
    kwargs = dict(next(k for f, k in VALID_CALLS if f is fn))
    kwargs[argument] = bad
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", _checks.InvertedParametersWarning)
        check_contract(lambda **kw: _result_of(_call(fn, kw)), kwargs, argument)


def _result_of(result: Any) -> Any:
    """Numbers to check for finiteness (tables and images are checked by not crashing)."""
    if isinstance(result, program.Programme):
        return [s for session in result.sessions for _, s in session]
    if isinstance(result, (assessment.Evaluation, scheduling.Schedule)):
        return {f.name: getattr(result, f.name) for f in dataclasses.fields(result)
                if f.name not in ("programme", "flags")}
    if type(result).__module__.startswith(("matplotlib", "legday.tables")):
        return 0.0
    return result


GAINS = st.floats(0.0, float(ref.MAX_BANISTER_GAIN))
TAUS = st.floats(float(ref.MIN_TIME_CONSTANT_DAYS), float(ref.MAX_TIME_CONSTANT_DAYS))
LOADS = st.lists(st.floats(0.0, float(ref.MAX_DAILY_LOAD)), min_size=1, max_size=30)
SETS = st.floats(0.0, float(ref.MAX_WEEKLY_SETS))


@settings(max_examples=60, deadline=None, database=None)
@given(load=LOADS, k1=GAINS, k2=GAINS, tau1=TAUS, tau2=TAUS, p0=st.floats(-1e6, 1e6), t=st.floats(0.0, 1e6))
def test_valid_banister_inputs_give_finite_results(load, k1, k2, tau1, tau2, p0, t) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", _checks.InvertedParametersWarning)
        warnings.simplefilter("error", RuntimeWarning)
        parts = fitness.fitness_fatigue_components(load, k1, k2, tau1, tau2, p0)
        assert _finite(parts) and np.all(parts.fitness >= 0) and np.all(parts.fatigue >= 0)
        assert math.isfinite(fitness.impulse_response(t, k1, k2, tau1, tau2))
        chart = fitness.pmc(load, tau1, tau2)
        assert _finite(chart) and np.all(chart.ctl <= max(load) * (1 + 1e-12))
        if k2 > k1 > 0 and 1 / tau2 - 1 / tau1 > 0:
            tc = fitness.crossing_time_days(k1, k2, tau1, tau2)
            tp = fitness.peak_time_days(k1, k2, tau1, tau2)
            assert 0 < tc <= tp and math.isfinite(tp)


@settings(max_examples=60, deadline=None, database=None)
@given(sets=st.lists(SETS, min_size=1, max_size=14), hours=st.floats(float(ref.MIN_RECOVERY_HOURS),
                                                                      float(ref.MAX_RECOVERY_HOURS)),
       r=st.floats(0.5, 0.99), target=st.floats(0.0, 0.999), hard=st.floats(float(ref.MIN_HARD_SESSION_SETS),
                                                                         float(ref.MAX_WEEKLY_SETS)),
       t=st.floats(0.0, 1e6))
def test_valid_recovery_inputs_give_results_in_range(sets, hours, r, target, hard, t) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error", RuntimeWarning)
        tau = recovery.tau_from_recovery_hours(hours, r)
        for fatigue in (recovery.muscle_fatigue(sets, tau, hard_session_sets=hard),
                        recovery.periodic_muscle_fatigue(sets, tau, hard_session_sets=hard)):
            assert _finite(fatigue) and np.all(fatigue >= 0)
            ready = recovery.readiness(fatigue)
            assert np.all((0 <= ready) & (ready <= 1))
        h = recovery.hours_to_readiness(sets[0], tau, target, hard_session_sets=hard)
        assert math.isfinite(h) and h >= 0
        assert 0 <= recovery.readiness_after_session(t, tau, sets=sets[0], hard_session_sets=hard) <= 1


EXERCISES = st.sampled_from(["squat", "romanian deadlift", "bench press", "row", "biceps curl", "calf raise"])
WEEKS = st.dictionaries(st.sampled_from(program.DAYS), st.lists(st.tuples(EXERCISES, st.integers(1, 8)),
                                                                min_size=1, max_size=3), min_size=1, max_size=4)


@settings(max_examples=12, deadline=None, database=None)
@given(week=WEEKS, mass=st.floats(20.0, 400.0))
def test_valid_programmes_give_results_in_range(week, mass) -> None:
    ev = assessment.evaluate(week, body_mass_kg=mass, weeks=4)
    assert np.all((0 <= ev.readiness) & (ev.readiness <= 1)) and 0 <= ev.lowest_readiness <= 1
    assert _finite(ev.session_kcal) and ev.weekly_kcal > 0 and _finite(ev.growth_percent)
    assert program.Programme(ev.programme.name, ev.programme.sessions) == ev.programme  # re-checks itself


#: A valid set of fields of each public class a learner can build: (class, keyword arguments).
CLASS_CALLS: list[tuple[Any, dict[str, Any]]] = [
    (assessment.Flag, dict(day="Tue", muscle="quadriceps", readiness=0.6)),
    (assessment.Evaluation, {f.name: getattr(EVALUATION, f.name) for f in dataclasses.fields(EVALUATION)}),
    (scheduling.Schedule, dict(programme=FULL, lowest_readiness=0.8, mean_readiness=0.9, placements_searched=10)),
]
CLASS_CASES = [(cls, name) for cls, kwargs in CLASS_CALLS for name in kwargs]


@pytest.mark.parametrize(("cls", "field"), CLASS_CASES, ids=[f"{c.__name__}-{f}" for c, f in CLASS_CASES])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow], database=None)
@given(bad=BAD_VALUES)
def test_bad_value_in_one_field_is_refused_by_name_or_gives_a_valid_object(cls: Any, field: str, bad: Any) -> None:
    # issue 16 item 8: the dataclasses a learner can build validate themselves (__post_init__)
    kwargs = dict(next(k for c, k in CLASS_CALLS if c is cls))
    kwargs[field] = bad
    check_contract(lambda **kw: _result_of(cls(**kw)), kwargs, field)


# --- 3. BanisterParameters and the plain keywords ----------------------------------------------


def test_banister_parameters_give_the_same_results_as_the_keywords() -> None:
    load = np.zeros(40)
    load[[0, 3, 7]] = [100.0, 50.0, 80.0]
    np.testing.assert_array_equal(fitness.fitness_fatigue(load, params=BP, p0=500.0),
                                  fitness.fitness_fatigue(load, **CS, p0=500.0))
    np.testing.assert_array_equal(fitness.fitness_fatigue(load, params=BP, convention="same_day"),
                                  fitness.fitness_fatigue(load, 1.0, 2.0, 27.0, 10.0, convention="same_day"))
    for a, b in zip(fitness.fitness_fatigue_components(load, params=BP),
                    fitness.fitness_fatigue_components(load, **CS)):
        np.testing.assert_array_equal(a, b)
    np.testing.assert_array_equal(fitness.impulse_response([0.0, 11.0, 30.0], params=BP),
                                  fitness.impulse_response([0.0, 11.0, 30.0], **CS))
    assert fitness.crossing_time_days(params=BP) == fitness.crossing_time_days(**CS) == pytest.approx(11.0, abs=0.05)
    assert fitness.peak_time_days(params=BP) == fitness.peak_time_days(1.0, 2.0, 27.0, 10.0)


def test_banister_parameters_validate_themselves_and_are_frozen() -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        BP.tau1 = 5.0  # type: ignore[misc]
    assert_refused(lambda: fitness.BanisterParameters(1.0, 2.0, 27.0, 1e-308), "tau2")
    assert_refused(lambda: fitness.BanisterParameters(-1.0, 2.0, 27.0, 10.0), "k1")
    assert_refused(lambda: fitness.BanisterParameters(1.0, 2.0, "27", 10.0), "tau1")
    assert_refused(lambda: fitness.fitness_fatigue([1.0], k1=1.0, params=BP), "params")
    assert_refused(lambda: fitness.fitness_fatigue([1.0], params=dict(CS)), "params")
    assert_refused(lambda: fitness.crossing_time_days(k1=1.0, k2=2.0, tau1=27.0), "tau2")
    assert isinstance(BP.k1, float) and fitness.BanisterParameters(1, 2, 27, 10) == BP


def test_result_dataclasses_validate_themselves() -> None:
    assert_refused(lambda: dataclasses.replace(EVALUATION, readiness=np.ones((2, 7))), "readiness")
    assert_refused(lambda: dataclasses.replace(EVALUATION, readiness=EVALUATION.readiness + 1.0), "readiness")
    assert_refused(lambda: dataclasses.replace(EVALUATION, programme=FULL.as_dict()), "programme")
    assert_refused(lambda: dataclasses.replace(EVALUATION, weeks=0), "weeks")
    assert_refused(lambda: assessment.Flag("Funday", "quadriceps", 0.5), "day")
    assert_refused(lambda: assessment.Flag("Mon", "forearms", 0.5), "muscle")
    assert_refused(lambda: assessment.Flag("Mon", "quadriceps", math.nan), "readiness")
    best = scheduling.schedule(FULL)
    assert_refused(lambda: dataclasses.replace(best, lowest_readiness=1.5), "lowest_readiness")
    assert_refused(lambda: dataclasses.replace(best, programme=None), "programme")


# --- 4. the checkers can fail ------------------------------------------------------------------


def test_a_set_count_cannot_be_swapped_with_the_hours() -> None:
    with pytest.raises(TypeError):
        recovery.readiness_after_session(48.0, 1.3, 4.0)  # type: ignore[misc]
    assert recovery.readiness_after_session(48.0, 1.3, sets=4.0) == recovery.readiness_after_session(48.0, 1.3)


def test_the_reproducer_checker_can_fail() -> None:
    def wrong_name() -> None:
        raise ValueError("tau1 must be in the range [0.01, 365] d; got 0")

    with pytest.raises(AssertionError, match="does not name 'tau2'"):
        assert_refused(wrong_name, "tau2", "specimen")
    with pytest.raises(AssertionError, match="no ValueError"):
        assert_refused(lambda: 1.0, "tau2", "specimen")
    with pytest.raises(TypeError):  # an error from inside Python is not a ValueError: it escapes the checker
        assert_refused(lambda: None + 1, "x", "specimen")  # type: ignore[operator]
    assert_refused(lambda: fitness.peak_time_days(1.0, 2.0, 27.0, 1e-308), "tau2")  # the real one passes
