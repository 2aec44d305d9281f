"""The input contract of the statistics, growth, volume and mechanics models.

Bad input to a public function gets a ValueError that names the argument and says what is
allowed; never a NaN, an inf, a hang or an error from inside NumPy. Part 1 re-runs one
reproducer per root cause of the December 2026 fuzz report (/work/shared/research/
fuzz-2026-12.md, numbered as there) that falls in these modules; part 2 is the course's own
bounded fuzz test (Hypothesis) over their public functions; part 3 checks the learner-facing
conveniences (submodules, ``Cited`` as a number, ``Programme`` accepted, swapped parameters).
"""

from __future__ import annotations

import math
import re
import warnings
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday import _checks, anatomy, fitness, growth, hormones, mechanics, program, trials, volume
from legday import reference as ref

BALANCED = [("squat", 4), ("romanian deadlift", 3), ("bench press", 4), ("row", 4)]
NINE = [3.0] * 9

# --- 1. one reproducer per root cause ----------------------------------------------------------


def _names(message: str, argument: str) -> bool:
    """Whether ``message`` names ``argument`` as a word (so ``n`` is not found inside "must")."""
    return re.search(rf"(?<![A-Za-z0-9_]){re.escape(argument)}(?![A-Za-z0-9_])", message) is not None


#: (root cause number in the fuzz report, the call, the argument its message must name)
REPRODUCERS: list[tuple[str, Any, str]] = [
    ("1 ragged list", lambda: hormones.correlation(x=[[1.0], [2.0, 3.0]], y=[1.0, 2.0]), "x"),
    ("1 ragged list", lambda: volume.tonnage_kg([[1.0], [1.0, 2.0]], 1, 1), "sets"),
    ("1 ragged list", lambda: trials.power(n=[[12], [12, 13]], true_effect_pct=1.0), "n"),
    ("1 ragged list", lambda: mechanics.pressable_load_kg(body_mass_kg=[[80.0], [80.0, 90.0]]), "body_mass_kg"),
    ("2 internal name start_weeks", lambda: growth.simulate_muscle_kg(
        programme={"quadriceps": 4.0}, weeks=12, start_training_age_weeks=-1.0), "start_training_age_weeks"),
    ("3 huge in-domain input", lambda: volume.tonnage_kg(sets=3.0, reps=10.0, load_kg=1e308), "load_kg"),
    ("3 huge in-domain input", lambda: hormones.hormone_load([("squat", 1e308)]), "sets"),
    ("3 huge in-domain input", lambda: anatomy.region_muscle_kg([1e308] * 9), "muscle_kg"),
    ("3 huge in-domain input", lambda: anatomy.silhouette_scales([1e308] * 9, NINE), "muscle_kg"),
    ("3 huge in-domain input", lambda: volume.sqrt_gain_percent(10.0, coefficient=1e308), "coefficient"),
    ("4 tiny positive input", lambda: anatomy.silhouette_scales(NINE, [5e-324] * 9), "baseline_kg"),
    ("4 tiny positive input", lambda: mechanics.relative_effort(10.0, stiffness_gain_per_rad=1e-308),
     "stiffness_gain_per_rad"),
    ("5 different lengths", lambda: mechanics.support_torque_limit_nm(
        total_mass_kg=100.0, base_width_m=[0.2, 0.3], support_torque_nm=[1.0, 2.0, 3.0]),
     "base_width_m and support_torque_nm"),
    ("5 different lengths", lambda: volume.tonnage_kg([1, 2, 3], [1, 2], 10), "sets and reps"),
    ("6 no upper bound on sizes", lambda: trials.simulate_trials(n_trials=1_000_000, n=10_000), "n_trials x n"),
    ("6 no upper bound on sizes", lambda: trials.power(n=[10000.0], true_effect_pct=[0.0], n_trials=1_000_000),
     "n_trials"),
    ("6 no upper bound on sizes", lambda: growth.draw_responsiveness(n_people=10**9, seed=0), "n_people"),
    ("6 no upper bound on sizes", lambda: growth.programme_sets({"quadriceps": 1.0}, weeks=10**9), "weeks"),
    ("6 no upper bound on sizes", lambda: hormones.cohort_correlations(
        [("squat", 4)], n_people=10**8, weeks=1, n_cohorts=1, seed=0), "n_people"),
    ("6 no upper bound on sizes", lambda: growth.simulate_population(NINE, weeks=1000, n_people=100_000, seed=0), "n_people x weeks"),
    ("8 boolean flag", lambda: trials.power(12, 1.0, n_trials=10, benefit_only="no"), "benefit_only"),
    ("8 boolean flag", lambda: anatomy.region_muscle_kg(NINE, include_untracked=1), "include_untracked"),
    ("9 empty input", lambda: hormones.hormone_load([]), "sessions"),
    ("10 calibration beyond its search", lambda: mechanics.calibrate_stiffness_gain(
        target_gap=0.1, braced_capacity_kg=5e-324, body_mass_kg=80.0), "braced_capacity_kg"),
    ("10 calibration beyond its search", lambda: mechanics.calibrate_stiffness_gain(target_gap=1e-9), "target_gap"),
    ("12 short message", lambda: hormones.correlation(x=[], y=[]), "x must not be empty: give"),
    ("15 array for a number", lambda: anatomy.lower_body_group_fractions(height_m=[[1.75]], body_mass_kg=75.0),
     "height_m"),
    ("23 curve's parameter name", lambda: volume.hypertrophy_percent(weekly_sets=-1.0), "weekly_sets"),
    ("25 array for a number", lambda: mechanics.standing_gap(10.266, braced_capacity_kg=[[40.0]]),
     "braced_capacity_kg"),
    ("29 shapes do not broadcast", lambda: mechanics.pressable_load_kg(
        body_mass_kg=[60.0, 70.0], braced_capacity_kg=[1.0, 2.0, 3.0]), "body_mass_kg and braced_capacity_kg"),
    ("30 misleading 'increase n_people'", lambda: hormones.cohort_correlations(
        [("squat", 0)], n_people=20, weeks=12, n_cohorts=5, seed=0), "programmes"),
    ("34 duplicate muscle keys", lambda: volume.sets_vector({"quadriceps": 1.0, " Quadriceps ": 5.0}), "weekly"),
    ("42 no spread for the t-test", lambda: trials.simulate_trials(
        10, n=12, response_sd_pct=9.9, measurement_error_pct=0.0, between_person_share=1.0), "measurement_error_pct"),
    ("42 no spread for the t-test", lambda: trials.simulate_trials(
        10, n=12, response_sd_pct=5e-324, measurement_error_pct=0.0), "response_sd_pct"),
    ("44 unknown silhouette part", lambda: anatomy.silhouette_polygons(
        {"shoulders": 1.0, "chest": 1.0, "arms": 1.0, "thighs": 1.0, "calves": 1.0, "head": 9.0}), "scales"),
    ("45 negative muscle", lambda: growth.simulate_muscle_kg(
        {"quadriceps": 1e6}, weeks=2, responsiveness=-1.0), "programme"),
    ("46 wrong width of sets", lambda: growth.training_age_weeks([[1.0] * 4] * 2), "sets"),
    ("52 implausible volume", lambda: volume.weekly_sets([("squat", 10_000)]), "sets"),
    ("52 implausible volume", lambda: volume.hypertrophy_percent({"quadriceps": 10_000.0}), "weekly_sets"),
    ("52 implausible volume", lambda: growth.simulate_muscle_kg({"quadriceps": 10_000.0}, weeks=52), "programme"),
    ("52 implausible training age", lambda: growth.simulate_muscle_kg(
        NINE, weeks=4, start_training_age_weeks=1e308), "start_training_age_weeks"),
    ("35 hang on huge weeks", lambda: growth.simulate_muscle_kg({"quadriceps": 4.0}, weeks=5_000_000), "weeks"),
    ("56 body mass near 0", lambda: mechanics.base_limited(body_mass_kg=1e-300), "body_mass_kg"),
    ("56 body mass near 0", lambda: mechanics.balance_margin_m(load_kg=500.0, body_mass_kg=0.001), "body_mass_kg"),
    ("58 implausible muscle mass", lambda: anatomy.region_muscle_kg([1e6] * 9), "muscle_kg"),
]


@pytest.mark.parametrize(("cause", "call", "argument"), REPRODUCERS, ids=[f"{r[0]}-{r[2]}" for r in REPRODUCERS])
def test_fuzz_reproducer_gets_a_value_error_naming_the_argument(cause: str, call: Any, argument: str) -> None:
    assert_refused(call, argument, cause)


def assert_refused(call: Any, argument: str, cause: str = "") -> None:
    """A reproducer's contract: ``call()`` raises a ValueError whose message names ``argument``
    (shared by every ``test_input_contract*.py`` file)."""
    try:
        result = call()
    except ValueError as err:
        assert _names(str(err), argument), f"root cause {cause}: message does not name {argument!r}: {err}"
        return
    raise AssertionError(f"root cause {cause}: no ValueError naming {argument!r}; returned {result!r}")


def test_correlation_of_huge_and_tiny_data_is_scale_free() -> None:
    # root cause 21: np.corrcoef gave r = 0 for data scaled by 1e200, with no error
    x, y = np.array([1.0, 2.0, 3.5, 4.0, 6.0]), np.array([2.0, 1.5, 4.0, 5.0, 5.5])
    plain = hormones.correlation(x, y).r
    for scale in (1e200, 1e-200, 1e300):
        assert hormones.correlation(scale * x, y).r == pytest.approx(plain, rel=1e-12)


def test_a_perfect_correlation_lies_inside_its_interval() -> None:
    # root cause 31: the old code clipped r to 0.999999, so the interval excluded r = 1
    c = hormones.correlation([1.0, 2.0, 3.0, 4.0], [2.0, 4.0, 6.0, 8.0])
    assert c.low <= c.r <= c.high and c.r == pytest.approx(1.0)


def test_muscle_stays_positive_at_the_extremes_of_the_accepted_range() -> None:
    # root cause 45: the worst accepted case: most sets, least responsive, longest run
    kg = growth.simulate_muscle_kg({"quadriceps": volume.MAX_WEEKLY_SETS}, weeks=growth.MAX_WEEKS, responsiveness=-1.0,
                                   model="linear")
    assert np.all(kg > 0)


# --- 2. the course's own bounded fuzz test -----------------------------------------------------

#: A valid call of each public function of these modules: (function, keyword arguments).
VALID_CALLS: list[tuple[Any, dict[str, Any]]] = [
    (trials.simulate_trials, dict(n_trials=40, n=12, true_effect_pct=0.0, mean_response_pct=12.0, response_sd_pct=5.76,
                                  measurement_error_pct=2.0, between_person_share=0.5, baseline_imbalance=0.0,
                                  alpha=0.05, seed=0)),
    (trials.power, dict(n=[6, 12], true_effect_pct=[2.0], n_trials=40, seed=0)),
    (trials.expected_normal_range, dict(n=585)),
    (trials.response_sd_from_range_pp, dict(low_pct=-2.0, high_pct=59.0, n=585)),
    (anatomy.leg_muscle_volume_cm3, dict(height_m=1.75, body_mass_kg=75.0)),
    (anatomy.lower_body_group_fractions, dict(height_m=1.75, body_mass_kg=75.0)),
    (anatomy.region_muscle_kg, dict(muscle_kg=NINE)),
    (anatomy.upper_lower_ratio, dict(muscle_kg=NINE)),
    (growth.training_age_weeks, dict(sets=[NINE] * 3, start_weeks=0.0)),
    (growth.weekly_growth_percent, dict(sets=[NINE] * 3, start_training_age_weeks=0.0, tau_weeks=26.0)),
    (growth.simulate_muscle_kg, dict(programme=NINE, weeks=4, responsiveness=1.0, start_training_age_weeks=0.0)),
    (growth.draw_responsiveness, dict(n_people=10, seed=0, sd=0.48, shared_fraction=0.5)),
    (growth.simulate_population, dict(programme=NINE, weeks=4, n_people=10, seed=0, sd=0.48, shared_fraction=0.5,
                                      start_training_age_weeks=0.0)),
    (hormones.simulate_hormone_cohort, dict(programmes=BALANCED, n_people=10, weeks=4, seed=0, hormone_log_sd=0.5,
                                          sd=0.48)),
    (hormones.cohort_correlations, dict(programmes=BALANCED, n_people=10, weeks=4, n_cohorts=3, seed=0)),
    (hormones.correlation, dict(x=[1.0, 2.0, 3.0, 4.5], y=[1.0, 2.0, 3.0, 4.0])),
    (anatomy.silhouette_scales, dict(muscle_kg=NINE, baseline_kg=NINE)),
    (volume.fractional_sets, dict(exercise_name="squat", sets=3.0)),
    (volume.tonnage_kg, dict(sets=3.0, reps=10.0, load_kg=60.0)),
    (volume.sqrt_gain_percent, dict(sets_per_week=10.0, coefficient=1.68)),
    (volume.linear_gain_percent, dict(sets_per_week=10.0, slope=0.37)),
    (volume.saturating_gain_percent, dict(sets_per_week=10.0, g_max_percent=12.0, v50_sets=10.0)),
    (volume.hypertrophy_percent, dict(weekly_sets=10.0)),
    (volume.sets_dict, dict(vector=NINE)),
    (mechanics.support_torque_limit_nm, dict(total_mass_kg=100.0, base_width_m=0.26, support_torque_nm=200.0)),
    (mechanics.base_limited, dict(load_kg=20.0, base_width_m=0.26, support_torque_nm=200.0, body_mass_kg=80.0)),
    (mechanics.gravity_stiffness_nm_per_rad, dict(body_mass_above_kg=80.0, com_height_m=1.0, load_kg=20.0,
                                                  load_height_m=1.7)),
    (mechanics.shoulder_stiffness_needed_nm_per_rad, dict(load_kg=20.0, base_width_m=0.26, support_torque_nm=200.0,
                                                          body_mass_kg=80.0, stiffness_gain_per_rad=10.0)),
    (mechanics.shoulder_torque_capacity_nm, dict(braced_capacity_kg=40.0, stiffness_gain_per_rad=10.0)),
    (mechanics.shoulder_torque_demand_nm, dict(load_kg=20.0, base_width_m=0.26, support_torque_nm=200.0,
                                               body_mass_kg=80.0, stiffness_gain_per_rad=10.0)),
    (mechanics.relative_effort, dict(load_kg=20.0, braced_capacity_kg=40.0, base_width_m=0.26,
                                     support_torque_nm=200.0, body_mass_kg=80.0, stiffness_gain_per_rad=10.0)),
    (mechanics.pressable_load_kg, dict(braced_capacity_kg=40.0, base_width_m=0.26, support_torque_nm=200.0,
                                       body_mass_kg=80.0, stiffness_gain_per_rad=10.0)),
    (mechanics.standing_gap, dict(stiffness_gain_per_rad=10.0, braced_capacity_kg=40.0, body_mass_kg=80.0)),
    (mechanics.balance_margin_m, dict(load_kg=20.0, load_offset_m=0.05, base_width_m=0.26, support_torque_nm=200.0,
                                      body_mass_kg=80.0)),
    (mechanics.geometry, dict(position="seated")),
    (mechanics.calibrate_stiffness_gain, dict(target_gap=0.1, braced_capacity_kg=40.0, body_mass_kg=80.0, lifter=None)),
    (anatomy.baseline_muscle_kg, dict(sex="female")),
    (anatomy.untracked_muscle_kg, dict(sex="male")),
    (anatomy.lower_body_share_from_sex_gaps, dict(male_kg=33.0, female_kg=21.0, gap_upper=0.40, gap_lower=0.33)),
    (anatomy.silhouette_polygons, dict(scales={"shoulders": 1.1, "chest": 1.0, "arms": 0.9, "thighs": 1.2,
                                               "calves": 1.0}, centre_x=0.5)),
    (growth.programme_sets, dict(programme=BALANCED, weeks=4)),
    (growth.responsiveness_sd, dict(sex="female")),
    (hormones.active_muscle_kg, dict(exercise_name="squat", sex="male")),
    (hormones.hormone_load, dict(sessions=BALANCED, sex="female")),
    (volume.exercise, dict(name="squat")),
    (volume.region_of, dict(muscle="glutes")),
    (volume.weekly_sets, dict(sessions={"Mon": BALANCED[:2], "Thu": BALANCED[2:]})),
    (volume.sets_vector, dict(weekly={"quadriceps": 4.0, "biceps": 2.5})),
]
#: Functions whose docstrings give ``inf`` as the answer when the support topples (the load cannot be held).
DOCUMENTED_INF = {mechanics.shoulder_stiffness_needed_nm_per_rad, mechanics.shoulder_torque_demand_nm,
                  mechanics.relative_effort}
CASES = [(fn, name) for fn, kwargs in VALID_CALLS for name in kwargs]

#: Values a learner might pass by mistake: non-finite, huge, tiny, negative, empty, ragged, wrong types.
BAD_VALUES = st.one_of(
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -1e308, 5e-324, 1e-300, -1.0, 0.0, 1e6, 10**9,
                     [], [[]], [[1.0], [1.0, 2.0]], [1.0, 2.0, 3.0], "10", None, True, {"a": 1}]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.lists(st.floats(-1e3, 1e3), min_size=0, max_size=5),
)


def _finite(result: Any) -> bool:
    """True if every number in a result (array, float, dict, dataclass of arrays) is finite."""
    if isinstance(result, dict):
        return all(_finite(v) for v in result.values())
    if hasattr(result, "__dataclass_fields__"):
        return all(_finite(getattr(result, f)) for f in result.__dataclass_fields__
                   if not isinstance(getattr(result, f), str))
    if isinstance(result, (list, tuple)):
        return all(_finite(v) for v in result)
    arr = np.asarray(result)
    return arr.dtype.kind not in "fc" or bool(np.all(np.isfinite(arr)))


@pytest.mark.parametrize(("fn", "argument"), CASES, ids=[f"{fn.__module__[7:]}.{fn.__name__}-{a}" for fn, a in CASES])
@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bad=BAD_VALUES)
def test_bad_value_in_one_argument_is_refused_by_name_or_gives_a_finite_result(fn: Any, argument: str, bad: Any) -> None:
    kwargs = dict(next(k for f, k in VALID_CALLS if f is fn))
    kwargs[argument] = bad
    check_contract(fn, kwargs, argument)


def check_contract(fn: Any, kwargs: dict[str, Any], argument: str) -> None:
    """The contract for one call: a ValueError naming ``argument``, or a finite result."""
    bad = kwargs[argument]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)  # an overflow inside NumPy is a failure too
            result = fn(**kwargs)
    except ValueError as err:
        assert _names(str(err), argument), f"{fn.__name__}({argument}={bad!r}): message does not name it: {err}"
        return
    if fn in DOCUMENTED_INF:  # "inf where the support topples": a documented answer, never NaN
        result = np.where(np.isposinf(result), 0.0, result)
    assert _finite(result), f"{fn.__name__}({argument}={bad!r}) returned a non-finite result: {result!r}"


_POP = growth.simulate_population(NINE, weeks=3, n_people=4, seed=0)
_COHORT = hormones.simulate_hormone_cohort(BALANCED, n_people=5, weeks=3, seed=0)
_TRIALS = trials.simulate_trials(5, n=12, seed=0)

#: A valid set of fields of each public class a learner can build: (class, keyword arguments).
CLASS_CALLS: list[tuple[Any, dict[str, Any]]] = [
    (trials.TrialResults, {f: getattr(_TRIALS, f) for f in _TRIALS.__dataclass_fields__}),
    (growth.Population, {f: getattr(_POP, f) for f in _POP.__dataclass_fields__}),
    (hormones.HormoneCohort, {f: getattr(_COHORT, f) for f in _COHORT.__dataclass_fields__}),
    (hormones.Correlation, dict(r=0.5, low=0.1, high=0.8, n=10)),
    (mechanics.PositionGeometry, dict(vars(mechanics.geometry("standing")))),
    (mechanics.Lifter, dict(body_mass_kg=80.0, braced_capacity_kg=40.0, stiffness_gain_per_rad=10.0)),
    (volume.Exercise, dict(name="step-up", direct=("quadriceps", "glutes"), indirect=("hamstrings",),
                           region="lower body", multi_joint=True)),
]
CLASS_CASES = [(cls, name) for cls, kwargs in CLASS_CALLS for name in kwargs]


def test_every_class_call_builds() -> None:
    for cls, kwargs in CLASS_CALLS:
        assert isinstance(cls(**kwargs), cls)


@pytest.mark.parametrize(("cls", "field"), CLASS_CASES, ids=[f"{c.__module__[7:]}.{c.__name__}-{f}" for c, f in CLASS_CASES])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bad=BAD_VALUES)
def test_bad_value_in_one_field_is_refused_by_name_or_gives_a_valid_object(cls: Any, field: str, bad: Any) -> None:
    # issue 16 item 8: the dataclasses a learner can build validate themselves (__post_init__)
    kwargs = dict(next(k for c, k in CLASS_CALLS if c is cls))
    kwargs[field] = bad
    check_contract(cls, kwargs, field)


def test_the_fuzz_test_can_fail() -> None:
    # a checker must be able to fail: unchecked specimens break the contract and are caught
    def silent_nan(x: Any) -> float:
        return float(np.mean(np.asarray(x, dtype=float)))

    def unnamed_error(x: Any) -> float:
        raise ValueError("must be positive")

    def numpy_error(x: Any) -> Any:
        return np.asarray(x, dtype=float) + np.ones(4)

    with pytest.raises(AssertionError, match="non-finite"):
        check_contract(silent_nan, {"x": [math.nan]}, "x")
    with pytest.raises(AssertionError, match="does not name it"):
        check_contract(unnamed_error, {"x": -1.0}, "x")
    with pytest.raises(AssertionError, match="does not name it"):
        check_contract(numpy_error, {"x": [1.0, 2.0]}, "x")
    assert not _finite({"a": np.array([1.0, math.nan])})


# --- 3. learner traps ----------------------------------------------------------------------------


def test_submodules_are_reachable_from_import_legday() -> None:
    import legday

    for name in legday.SUBMODULES:
        assert getattr(legday, name).__name__ == f"legday.{name}"
    assert "energy" in dir(legday)
    with pytest.raises(AttributeError, match="its submodules are"):
        _ = legday.energie  # a typo is told what exists


def test_cited_works_as_a_number() -> None:
    x = ref.MAX_WEEKLY_SETS
    assert x * 2 == 2 * x == 200.0 and x / 4 == 25.0 and x - 1 == 99.0 and 1 + x == 101.0
    assert x > 50 and x <= 100 and x == 100.0 and -x == -100.0 and int(x) == 100 and round(x) == 100
    np.testing.assert_allclose(np.linspace(0, x, 3), [0.0, 50.0, 100.0])
    np.testing.assert_allclose(np.asarray(x) + np.arange(2), [100.0, 101.0])
    assert f"{x:.1f}" == "100.0" and str(x).startswith("Cited(")
    assert ref.HUBAL_CV["male"] * 12.0 == pytest.approx(5.76)  # the chapters' float(ref.X) is no longer needed
    assert x == ref.MAX_WEEKLY_SETS and len({x, ref.MAX_WEEKLY_SETS}) == 1  # still hashable and comparable
    with pytest.raises(TypeError):
        _ = x + "1"


def test_growth_and_volume_accept_a_programme() -> None:
    week = program.split("full body")
    assert volume.weekly_sets(week) == volume.weekly_sets(week.as_dict())
    np.testing.assert_array_equal(growth.simulate_muscle_kg(week, weeks=8), growth.simulate_muscle_kg(week.as_dict(), weeks=8))
    assert hormones.hormone_load(week) == hormones.hormone_load(week.as_dict())
    cohort = hormones.simulate_hormone_cohort(week, n_people=10, weeks=4, seed=1)
    assert cohort.hormone_auc.shape == (10,)


def test_swapped_banister_time_constants_warn_naming_both() -> None:
    with pytest.warns(_checks.InvertedParametersWarning, match=r"tau1=10 is not greater than tau2=27.*swapped"):
        fitness.fitness_fatigue([1.0, 0.0, 0.0], 1.0, 2.0, tau1=10.0, tau2=27.0)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fitness.fitness_fatigue([1.0, 0.0, 0.0], 1.0, 2.0, tau1=27.0, tau2=10.0)


def test_result_dataclasses_validate_themselves() -> None:
    ok = trials.simulate_trials(5, n=12, seed=0)
    with pytest.raises(ValueError, match="design must be one of"):
        trials.TrialResults("crossover", 12, 11, 0.05, ok.estimated_effect_pct, ok.t_statistic, ok.p_value)
    with pytest.raises(ValueError, match="p_value must be in the range"):
        trials.TrialResults("within", 12, 11, 0.05, ok.estimated_effect_pct, ok.t_statistic, ok.p_value + 2)
    with pytest.raises(ValueError, match="t_statistic and p_value must have the same length"):
        trials.TrialResults("within", 12, 11, 0.05, ok.estimated_effect_pct, ok.t_statistic, ok.p_value[:2])
    with pytest.raises(ValueError, match="r must be in the range"):
        hormones.Correlation(1.5, 0.0, 1.0, 10)
    with pytest.raises(ValueError, match="low <= r <= high"):
        hormones.Correlation(0.2, 0.3, 0.9, 10)
    import dataclasses

    pop = growth.simulate_population(NINE, weeks=3, n_people=5, seed=0)
    with pytest.raises(ValueError, match="responsiveness and sets must have shapes that fit together"):
        dataclasses.replace(pop, responsiveness=np.ones((4, 9)))
    with pytest.raises(ValueError, match="one more row per person than sets has weeks"):
        dataclasses.replace(pop, sets=np.ones((2, 9)))
    cohort = hormones.simulate_hormone_cohort(BALANCED, n_people=5, weeks=3, seed=0)
    with pytest.raises(ValueError, match="group must have shapes that fit together"):
        dataclasses.replace(cohort, group=np.zeros(3))


def test_same_kind_quantities_are_keyword_only() -> None:
    # four lengths and masses in a row are easy to swap; the chapters pass them by name
    with pytest.raises(TypeError):
        mechanics.gravity_stiffness_nm_per_rad(80.0, 1.0, 40.0, 1.7)  # type: ignore[misc]
    with pytest.raises(TypeError):
        mechanics.support_torque_limit_nm(100.0, 0.2, 500.0)  # type: ignore[misc]


def test_negative_zero_is_zero() -> None:
    # found by the fuzz test: NumPy's generators refused a scale of -0.0 with "scale < 0"
    res = trials.simulate_trials(20, n=12, response_sd_pct=-0.0, measurement_error_pct=2.0, seed=0)
    assert np.all(np.isfinite(res.p_value))


# --- the scalar fast path of _checks.real_number -----------------------------------------------

_SCALARS = st.one_of(
    st.integers(min_value=-(2**70), max_value=2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.floats(width=32).map(np.float32),
    st.integers(min_value=-(2**63), max_value=2**63 - 1).map(np.int64),
    st.booleans(),
)
_BOUNDS = st.fixed_dictionaries({}, optional={
    "low": st.sampled_from([-1.0, 0.0, 2.5]), "high": st.sampled_from([0.0, 3.0, 1e6]),
    "low_open": st.booleans(), "high_open": st.booleans(), "integer": st.booleans(),
    "ndim": st.sampled_from([0, 1, (0, 1)]),
})


@settings(max_examples=300, deadline=None)
@given(_SCALARS, _BOUNDS)
def test_real_number_takes_a_plain_number_exactly_as_real_array_does(value, bounds) -> None:
    """real_number skips building an array for a plain number that passes: same value, same refusals."""
    try:
        arr = _checks.real_array("x", value, **bounds)
        expected = float(arr) if arr.ndim == 0 else ValueError
    except ValueError as error:
        expected = str(error)
    try:
        got = _checks.real_number("x", value, **bounds)
    except ValueError as error:
        assert not isinstance(expected, float), f"{value!r} {bounds}: refused ({error}), real_array gives {expected}"
        if isinstance(expected, str):
            assert str(error) == expected
        return
    assert isinstance(expected, float), f"{value!r} {bounds}: accepted as {got}, real_array says {expected}"
    assert got == expected and math.copysign(1.0, got) == math.copysign(1.0, expected)
