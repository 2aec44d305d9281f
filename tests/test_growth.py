"""Tests of legday.growth: regional muscle, growth over weeks, the population Monte Carlo
and the hormone cohort."""

from __future__ import annotations


import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legday import anatomy, growth, hormones, volume
from legday import reference as ref

UPPER_ONLY = [("bench press", 4), ("row", 4), ("overhead press", 3), ("biceps curl", 3), ("triceps extension", 3)]
BALANCED = [("bench press", 4), ("row", 4), ("squat", 4), ("romanian deadlift", 3), ("calf raise", 3)]
LOWER_IDX = [volume.MUSCLES.index(m) for m in volume.LOWER_BODY]
UPPER_IDX = [volume.MUSCLES.index(m) for m in volume.UPPER_BODY]


# --- where the muscle is ---------------------------------------------------------------


def test_handsfield_whole_leg_by_hand() -> None:
    # 47.0 * 1.75 * 75 + 1285 = 7453.75 cm3
    assert anatomy.leg_muscle_volume_cm3(1.75, 75) == pytest.approx(7453.75)
    assert anatomy.leg_muscle_volume_cm3(1.75, 75, "quadriceps") == pytest.approx(11.92 * 131.25 + 327.5)
    out = anatomy.leg_muscle_volume_cm3([1.6, 1.8], [60, 90])
    assert out.shape == (2,) and out[1] > out[0]


def test_leg_group_fractions_are_plausible_and_stable() -> None:
    f = anatomy.lower_body_group_fractions()
    assert f["quadriceps"] == pytest.approx(0.254, abs=0.002)
    assert sum(f.values()) < 1.0
    small = anatomy.lower_body_group_fractions(1.55, 50)
    assert all(abs(small[m] - f[m]) < 0.01 for m in f)


def test_baseline_adds_up_to_janssens_totals() -> None:
    for sex in anatomy.SEXES:
        base = anatomy.baseline_muscle_kg(sex)
        assert list(base) == list(volume.MUSCLES)
        extra = anatomy.untracked_muscle_kg(sex)
        assert min(extra.values()) > 0
        total = sum(base.values()) + sum(extra.values())
        assert total == pytest.approx(float(ref.SKELETAL_MUSCLE_KG[sex]))
    assert anatomy.baseline_muscle_kg("male")["quadriceps"] > anatomy.baseline_muscle_kg("female")["quadriceps"]


def test_uncertain_shares_are_flagged_as_assumptions() -> None:
    for share in ref.LOWER_BODY_SHARE.values():
        assert share.confidence == "assumption" and "not read" in share.note
    assert all(v.confidence == "assumption" for v in ref.UPPER_BODY_GROUP_SHARE.values())


def test_region_totals_and_ratio() -> None:
    base = np.array(list(anatomy.baseline_muscle_kg("male").values()))
    regions = anatomy.region_muscle_kg(base, "male")
    assert regions["lower body"] == pytest.approx(33.0 * 0.55)
    assert regions["upper body"] == pytest.approx(33.0 * 0.45)
    assert anatomy.upper_lower_ratio(base) == pytest.approx(0.45 / 0.55)
    stacked = anatomy.region_muscle_kg(np.tile(base, (3, 2, 1)))
    assert stacked["lower body"].shape == (3, 2)
    with pytest.raises(ValueError, match="last axis of length 9"):
        anatomy.region_muscle_kg(np.ones(4))


@pytest.mark.parametrize(
    "call, match",
    [
        (lambda: anatomy.baseline_muscle_kg("other"), r"sex must be one of 'female', 'male'"),
        (lambda: anatomy.leg_muscle_volume_cm3(175, 75), r"height_m must be in the range \[1.2, 2.3\] m; got 175"),
        (lambda: anatomy.leg_muscle_volume_cm3(1.75, 75, "biceps"), r"group must be one of"),
    ],
)
def test_region_functions_reject_bad_input(call, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        call()


# --- programmes and rates ----------------------------------------------------------


def test_programme_sets_accepts_every_documented_shape() -> None:
    week = volume.weekly_sets(BALANCED)
    vec = volume.sets_vector(week)
    expected = np.tile(vec, (5, 1))
    np.testing.assert_allclose(growth.programme_sets(BALANCED, weeks=5), expected)
    np.testing.assert_allclose(growth.programme_sets({"Mon": BALANCED[:2], "Thu": BALANCED[2:]}, weeks=5), expected)
    np.testing.assert_allclose(growth.programme_sets(week, weeks=5), expected)
    np.testing.assert_allclose(growth.programme_sets(vec, weeks=5), expected)
    np.testing.assert_allclose(growth.programme_sets(expected, weeks=5), expected)
    with pytest.raises(ValueError, match=r"shape \(9,\) or \(weeks, 9\)"):
        growth.programme_sets(np.ones((4, 9)), weeks=5)
    with pytest.raises(ValueError, match="exercise must be one of"):
        growth.programme_sets([("bicep curl", 3)], weeks=5)
    with pytest.raises(ValueError, match="weeks must be >= 1"):
        growth.programme_sets(BALANCED, weeks=0)


def test_training_age_counts_only_trained_weeks() -> None:
    sets = np.zeros((4, 9))
    sets[[0, 2], 0] = 5.0
    age = growth.training_age_weeks(sets, start_weeks=1.0)
    np.testing.assert_allclose(age[:, 0], [1, 2, 2, 3])
    np.testing.assert_allclose(age[:, 1], [1, 1, 1, 1])


def test_weekly_growth_by_hand() -> None:
    sets = np.zeros((3, 9))
    sets[:, 0] = 16.0  # sqrt form: 1.68 * 4 = 6.72 % per 10-week block
    rate = growth.weekly_growth_percent(sets, tau_weeks=26.0)
    expected = 0.672 / (1 + np.arange(3) / 26.0)
    np.testing.assert_allclose(rate[:, 0], expected)
    assert np.all(rate[:, 1:] == 0.0)


def test_single_person_by_hand() -> None:
    base = anatomy.baseline_muscle_kg("male")
    out = growth.simulate_muscle_kg({"biceps": 9.0}, weeks=2, responsiveness=1.0)
    assert out.shape == (3, 9)
    r0 = 1.68 * 3 / 10  # % in week 1
    r1 = r0 / (1 + 1 / 26)
    assert out[2, volume.MUSCLES.index("biceps")] == pytest.approx(base["biceps"] * (1 + r0 / 100) * (1 + r1 / 100))
    assert np.all(out[:, volume.MUSCLES.index("quadriceps")] == base["quadriceps"])


def test_zero_sets_give_zero_growth() -> None:
    out = growth.simulate_muscle_kg({}, weeks=52, responsiveness=2.0)
    assert np.all(out == out[0])


def test_untrained_region_stays_put_in_a_population() -> None:
    pop = growth.simulate_population(UPPER_ONLY, weeks=52, n_people=500, seed=1)
    legs = pop.muscle_kg[:, :, LOWER_IDX]
    assert np.all(legs == legs[:, :1, :])
    assert np.all(pop.muscle_kg[:, -1, UPPER_IDX].mean(axis=0) > pop.muscle_kg[:, 0, UPPER_IDX].mean(axis=0))
    ratio = pop.upper_lower_ratio()
    assert ratio.shape == (500, 53)
    assert ratio[:, -1].mean() > ratio[:, 0].mean()


def test_gains_slow_with_training_age() -> None:
    out = growth.simulate_muscle_kg(BALANCED, weeks=104)
    q = out[:, volume.MUSCLES.index("quadriceps")]
    first_year, second_year = q[52] - q[0], q[104] - q[52]
    assert 0 < second_year < first_year
    veteran = growth.simulate_muscle_kg(BALANCED, weeks=52, start_training_age_weeks=104)
    assert veteran[-1, 0] - veteran[0, 0] < first_year


@settings(max_examples=40, deadline=None)
@given(st.floats(min_value=0, max_value=40), st.floats(min_value=0, max_value=40),
       st.sampled_from(volume.DOSE_RESPONSE_MODELS))
def test_more_sets_never_less_muscle(v1: float, v2: float, model: str) -> None:
    lo, hi = sorted((v1, v2))
    a = growth.simulate_muscle_kg({"chest": lo}, weeks=20, model=model)[-1]
    b = growth.simulate_muscle_kg({"chest": hi}, weeks=20, model=model)[-1]
    assert np.all(b >= a)


@settings(max_examples=30, deadline=None)
@given(st.floats(min_value=0, max_value=3), st.floats(min_value=0, max_value=3))
def test_more_responsive_grows_more(k1: float, k2: float) -> None:
    lo, hi = sorted((k1, k2))
    a = growth.simulate_muscle_kg(BALANCED, weeks=12, responsiveness=lo)[-1]
    b = growth.simulate_muscle_kg(BALANCED, weeks=12, responsiveness=hi)[-1]
    assert np.all(b >= a)


def test_simulate_muscle_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match=r"responsiveness must be in the range \[-1, 5\]"):
        growth.simulate_muscle_kg(BALANCED, weeks=4, responsiveness=9)
    with pytest.raises(ValueError, match="responsiveness must be a number or 9 numbers"):
        growth.simulate_muscle_kg(BALANCED, weeks=4, responsiveness=[1.0, 1.0])
    with pytest.raises(ValueError, match="model must be one of"):
        growth.simulate_muscle_kg(BALANCED, weeks=4, model="cubic")
    with pytest.raises(ValueError, match=r"tau_weeks must be in the range \[1, 10000\] weeks"):
        growth.weekly_growth_percent(np.ones((2, 9)), tau_weeks=0)


# --- population Monte Carlo -------------------------------------------------------------


def test_same_seed_same_population_different_seed_different() -> None:
    a = growth.simulate_population(BALANCED, weeks=12, n_people=200, seed=7)
    b = growth.simulate_population(BALANCED, weeks=12, n_people=200, seed=7)
    c = growth.simulate_population(BALANCED, weeks=12, n_people=200, seed=8)
    np.testing.assert_array_equal(a.muscle_kg, b.muscle_kg)
    assert not np.array_equal(a.muscle_kg, c.muscle_kg)


def test_population_matches_a_plain_loop() -> None:
    pop = growth.simulate_population(BALANCED, weeks=8, n_people=5, seed=3)
    rate = growth.weekly_growth_percent(growth.programme_sets(BALANCED, weeks=8))
    base = anatomy.baseline_muscle_kg("male")
    for i in range(5):
        for j, m in enumerate(volume.MUSCLES):
            kg = base[m]
            for w in range(8):
                kg *= 1 + pop.responsiveness[i, j] * rate[w, j] / 100
            assert pop.muscle_kg[i, -1, j] == pytest.approx(kg, rel=1e-12)


def test_population_uses_the_sex_specific_hubal_spread() -> None:
    men = growth.simulate_population([("biceps curl", 6)], weeks=4, n_people=20000, seed=1)
    women = growth.simulate_population([("biceps curl", 6)], weeks=4, n_people=20000, seed=1, sex="female")
    assert men.responsiveness.std() == pytest.approx(growth.responsiveness_sd("male"), abs=0.01)
    assert women.responsiveness.std() == pytest.approx(growth.responsiveness_sd("female"), abs=0.01)


def test_responsiveness_has_the_stated_spread() -> None:
    k = growth.draw_responsiveness(n_people=20000, seed=0)
    assert k.shape == (20000, 9)
    assert k.mean() == pytest.approx(1.0, abs=0.01)
    # Hubal 2005's reported coefficient of variation (changed on purpose from the assumed 0.36, audit #6)
    assert k.std() == pytest.approx(float(ref.HUBAL_CV["male"]), abs=0.01)
    women = growth.draw_responsiveness(n_people=20000, seed=0, sex="female")
    assert women.std() == pytest.approx(0.51, abs=0.01)
    corr = np.corrcoef(k[:, 0], k[:, 5])[0, 1]
    assert corr == pytest.approx(float(ref.RESPONSIVENESS_SHARED_FRACTION), abs=0.03)
    assert np.all(growth.draw_responsiveness(n_people=10, seed=0, sd=0.0) == 1.0)


def test_population_gain_spread_covers_hubals_kind_of_range() -> None:
    pop = growth.simulate_population({"biceps": 12.0}, weeks=12, n_people=585, seed=5)
    gain = pop.gain_percent()[:, volume.MUSCLES.index("biceps")]
    assert gain.min() < 0.3 * gain.mean() < gain.mean() < 1.7 * gain.mean() < gain.max()


@pytest.mark.parametrize(
    "kwargs, match",
    [
        ({"n_people": 0}, "n_people must be >= 1"),
        ({"seed": None}, "seed must be a whole number"),
        ({"seed": -1}, "seed must be >= 0"),
        ({"sd": 2.0}, r"sd must be in the range \[0, 1\]"),
        ({"shared_fraction": 1.5}, r"shared_fraction must be in the range \[0, 1\]"),
        ({"sex": "m"}, "sex must be one of"),
    ],
)
def test_population_rejects_bad_input(kwargs: dict, match: str) -> None:
    args = {"programme": BALANCED, "weeks": 4, "n_people": 10, "seed": 1} | kwargs
    with pytest.raises(ValueError, match=match):
        growth.simulate_population(**args)


def test_ten_thousand_people_a_year_at_once() -> None:
    # correctness only; benchmarks/bench_growth.py measures the time
    pop = growth.simulate_population(BALANCED, weeks=52, n_people=10_000, seed=0)
    assert pop.muscle_kg.shape == (10_000, 53, 9)
    first = growth.simulate_muscle_kg(BALANCED, weeks=52, responsiveness=pop.responsiveness[0])
    np.testing.assert_allclose(pop.muscle_kg[0], first, rtol=1e-12)


# --- hormone cohort ---------------------------------------------------------------------


def test_active_muscle_and_hormone_load_by_hand() -> None:
    base = anatomy.baseline_muscle_kg("male")
    assert hormones.active_muscle_kg("squat") == pytest.approx(
        base["quadriceps"] + base["glutes"] + 0.5 * base["hamstrings"])
    assert hormones.active_muscle_kg("squat") > hormones.active_muscle_kg("bench press") > hormones.active_muscle_kg("biceps curl")
    assert hormones.hormone_load([("squat", 2), ("biceps curl", 3)]) == pytest.approx(
        2 * hormones.active_muscle_kg("squat") + 3 * base["biceps"])


def test_cohort_is_reproducible_and_shaped() -> None:
    a = hormones.simulate_hormone_cohort(BALANCED, n_people=56, weeks=12, seed=4)
    b = hormones.simulate_hormone_cohort(BALANCED, n_people=56, weeks=12, seed=4)
    np.testing.assert_array_equal(a.hormone_auc, b.hormone_auc)
    np.testing.assert_array_equal(a.gain_percent, b.gain_percent)
    assert a.hormone_auc.shape == (56,) and a.gain_percent.shape == (56, 9)
    assert np.all(a.hormone_auc > 0)
    np.testing.assert_allclose(a.gain_of("biceps"), a.gain_percent[:, volume.MUSCLES.index("biceps")])


def test_one_programme_cohorts_show_no_hormone_gain_correlation_on_average() -> None:
    rs = [hormones.correlation(c.hormone_auc, c.lean_gain_kg).r
          for c in (hormones.simulate_hormone_cohort(BALANCED, n_people=56, weeks=12, seed=s) for s in range(60))]
    assert abs(np.mean(rs)) < 0.06
    assert np.std(rs) == pytest.approx(1 / np.sqrt(55), abs=0.05)


def test_cohort_correlations_are_reproducible_and_centred_on_zero() -> None:
    a = hormones.cohort_correlations(BALANCED, n_people=56, weeks=12, n_cohorts=200, seed=9)
    b = hormones.cohort_correlations(BALANCED, n_people=56, weeks=12, n_cohorts=200, seed=9)
    np.testing.assert_array_equal(a, b)
    assert a.shape == (200,) and np.all(np.abs(a) < 1)
    assert abs(a.mean()) < 0.03
    biceps = hormones.cohort_correlations(BALANCED, n_people=56, weeks=12, n_cohorts=5, seed=9, outcome="biceps")
    assert biceps.shape == (5,)
    with pytest.raises(ValueError, match="outcome must be one of"):
        hormones.cohort_correlations(BALANCED, n_people=56, weeks=12, n_cohorts=5, seed=9, outcome="fat")


def test_mixed_programmes_create_a_confounded_correlation() -> None:
    c = hormones.simulate_hormone_cohort([UPPER_ONLY, BALANCED], n_people=400, weeks=12, seed=2)
    assert hormones.correlation(c.hormone_auc, c.gain_of("quadriceps")).r > 0.3
    assert set(np.unique(c.group)) == {0, 1}


def test_cohort_rejects_bad_input() -> None:
    with pytest.raises(ValueError, match="n_people must be >= 3"):
        hormones.simulate_hormone_cohort(BALANCED, n_people=2, weeks=12, seed=0)
    with pytest.raises(ValueError, match="programmes must be"):
        hormones.simulate_hormone_cohort([], n_people=10, weeks=12, seed=0)
    with pytest.raises(ValueError, match=r"hormone_log_sd must be in the range \[0, 2\]"):
        hormones.simulate_hormone_cohort(BALANCED, n_people=10, weeks=12, seed=0, hormone_log_sd=-1)


#: Values of the OLD hand-written Pearson r / Fisher interval (1.959964 / sqrt(n - 3)) and of the
#: old row-wise r of cohort_correlations, computed at commit 29d58db just before SciPy replaced them.
OLD_CORRELATION = (0.9534516700054539, 0.6272353701018039, 0.9950549191000532)
OLD_COHORT_R = [0.04515220477530459, -0.09272062420491967, 0.05385541729271425, -0.06594685874581287]


def test_scipy_correlation_equals_the_old_hand_written_one() -> None:
    c = hormones.correlation([1.0, 2.0, 3.5, 4.0, 6.0, 7.5], [2.0, 1.5, 4.0, 5.0, 5.5, 9.0])
    assert c.r == pytest.approx(OLD_CORRELATION[0], abs=1e-12)
    # the old code rounded the normal quantile to 1.959964; SciPy uses the exact one
    assert (c.low, c.high) == pytest.approx(OLD_CORRELATION[1:], abs=1e-7)
    balanced = [("squat", 4), ("romanian deadlift", 3), ("bench press", 4), ("row", 4)]
    np.testing.assert_allclose(hormones.cohort_correlations(balanced, n_people=56, weeks=12, n_cohorts=4, seed=9), OLD_COHORT_R, atol=1e-12)


def test_correlation_by_hand() -> None:
    c = hormones.correlation([1, 2, 3, 4, 5], [2, 4, 6, 8, 10.5])
    assert c.r == pytest.approx(np.corrcoef([1, 2, 3, 4, 5], [2, 4, 6, 8, 10.5])[0, 1])
    assert c.low < c.r < c.high and c.n == 5
    # Fisher interval for r = 0 and n = 56: +/- tanh(1.96 / sqrt(53)) = +/- 0.263
    x = np.arange(28.0)
    zero = hormones.correlation(np.r_[x, x], np.r_[np.ones(28), -np.ones(28)])
    assert zero.r == pytest.approx(0.0, abs=1e-12)
    assert zero.high == pytest.approx(np.tanh(1.959964 / np.sqrt(53)), abs=1e-6)
    with pytest.raises(ValueError, match="same length"):
        hormones.correlation([1, 2, 3, 4], [1, 2, 3])
    with pytest.raises(ValueError, match="x must vary"):
        hormones.correlation([1, 1, 1, 1], [1, 2, 3, 4])


# --- silhouette ---------------------------------------------------------------------------


def test_silhouette_scales_and_polygons() -> None:
    base = np.array(list(anatomy.baseline_muscle_kg("male").values()))
    same = anatomy.silhouette_scales(base, base)
    assert all(v == pytest.approx(1.0) for v in same.values())
    bigger = base.copy()
    bigger[UPPER_IDX] *= 1.21
    scales = anatomy.silhouette_scales(bigger, base)
    assert scales["arms"] == pytest.approx(1.1) and scales["thighs"] == pytest.approx(1.0)
    polys = anatomy.silhouette_polygons(scales, centre_x=2.0)
    assert len(polys) == 6 and all(p.ndim == 2 and p.shape[1] == 2 for p in polys)
    assert polys[0][:, 0].mean() == pytest.approx(2.0)
    wide = anatomy.silhouette_polygons(scales)[0][:, 0].max()
    narrow = anatomy.silhouette_polygons(same)[0][:, 0].max()
    assert wide > narrow
    with pytest.raises(ValueError, match="missing 'calves'"):
        anatomy.silhouette_polygons({"shoulders": 1, "chest": 1, "arms": 1, "thighs": 1})


def test_cohort_correlations_match_one_simulated_cohort() -> None:
    one = hormones.simulate_hormone_cohort(BALANCED, n_people=56, weeks=12, seed=31)
    expected = hormones.correlation(one.hormone_auc, one.lean_gain_kg).r
    assert hormones.cohort_correlations(BALANCED, n_people=56, weeks=12, n_cohorts=1, seed=31)[0] == pytest.approx(expected, abs=1e-12)


def test_thousands_of_cohorts_at_once() -> None:
    # correctness only; benchmarks/bench_stats.py measures the time
    r = hormones.cohort_correlations([UPPER_ONLY, BALANCED], n_people=56, weeks=12, n_cohorts=2000, seed=5)
    assert r.shape == (2000,) and np.all(np.abs(r) <= 1)


# ---------------------------------------------------------------------------
# Counts and sizes are keyword-only (issue 16 item 4): `simulate_hormone_cohort(p, 12, 56, seed=1)`
# used to simulate 12 people for 56 weeks without a word, since the order differed between functions.
# ---------------------------------------------------------------------------

POSITIONAL_CALLS = {
    "programme_sets": (lambda: growth.programme_sets(BALANCED, 4), lambda: growth.programme_sets(BALANCED, weeks=4)),
    "simulate_muscle_kg": (lambda: growth.simulate_muscle_kg(BALANCED, 4),
                           lambda: growth.simulate_muscle_kg(BALANCED, weeks=4)),
    "draw_responsiveness": (lambda: growth.draw_responsiveness(10, 0),
                            lambda: growth.draw_responsiveness(n_people=10, seed=0)),
    "simulate_population": (lambda: growth.simulate_population(BALANCED, 4, 10, 0),
                            lambda: growth.simulate_population(BALANCED, weeks=4, n_people=10, seed=0)),
    "simulate_hormone_cohort": (lambda: hormones.simulate_hormone_cohort(BALANCED, 12, 56, seed=1),
                                lambda: hormones.simulate_hormone_cohort(BALANCED, weeks=12, n_people=56, seed=1)),
    "cohort_correlations": (lambda: hormones.cohort_correlations(BALANCED, 12, 56, 3, seed=1),
                            lambda: hormones.cohort_correlations(BALANCED, weeks=12, n_people=56, n_cohorts=3, seed=1)),
    "sqrt_gain_percent": (lambda: volume.sqrt_gain_percent(10.0, 6.0),
                          lambda: volume.sqrt_gain_percent(10.0, coefficient=6.0)),
    "linear_gain_percent": (lambda: volume.linear_gain_percent(10.0, 0.5),
                            lambda: volume.linear_gain_percent(10.0, slope=0.5)),
    "saturating_gain_percent": (lambda: volume.saturating_gain_percent(10.0, 20.0, 10.0),
                                lambda: volume.saturating_gain_percent(10.0, g_max_percent=20.0, v50_sets=10.0)),
}


@pytest.mark.parametrize("name", sorted(POSITIONAL_CALLS))
def test_counts_and_sizes_are_keyword_only(name: str) -> None:
    positional, keywords = POSITIONAL_CALLS[name]
    keywords()  # the keyword form works
    with pytest.raises(TypeError, match="positional argument"):
        positional()


def test_hormone_cohort_and_population_list_weeks_before_people() -> None:
    import inspect

    for f in (growth.simulate_population, hormones.simulate_hormone_cohort, hormones.cohort_correlations):
        params = inspect.signature(f).parameters
        assert all(params[n].kind is inspect.Parameter.KEYWORD_ONLY for n in ("weeks", "n_people", "seed")), f.__name__
        order = list(params)
        assert order.index("weeks") < order.index("n_people"), f.__name__
    cohort = hormones.simulate_hormone_cohort(BALANCED, weeks=12, n_people=56, seed=1)
    assert cohort.hormone_auc.shape == (56,)
