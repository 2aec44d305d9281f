"""Tests for legday.recovery: fitness-fatigue, PMC, per-muscle fatigue and MPS."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

from legday import fitness, recovery, reference

CS = {k: v.value for k, v in reference.CLARKE_SKIBA_EXAMPLE.items()}  # p0=500, k1=1, k2=2, tau1=27, tau2=10

loads = hnp.arrays(
    np.float64,
    st.integers(1, 60),
    elements=st.floats(0.0, 500.0, allow_nan=False, allow_infinity=False),
)


# --- fitness-fatigue --------------------------------------------------------


def test_clarke_skiba_closed_forms_by_hand():
    # t_c = ln 2 / (1/10 - 1/27); t_p = ln(5.4) / (1/10 - 1/27)
    rate = 1 / 10 - 1 / 27
    assert fitness.crossing_time_days(1, 2, 27, 10) == pytest.approx(math.log(2) / rate)
    assert fitness.crossing_time_days(1, 2, 27, 10) == pytest.approx(11.0088, abs=1e-4)
    assert fitness.peak_time_days(1, 2, 27, 10) == pytest.approx(math.log(5.4) / rate)
    assert fitness.peak_time_days(1, 2, 27, 10) == pytest.approx(26.784, abs=1e-3)


def test_models_md_example_crossing_and_peak():
    # k1=1, k2=2, tau1=42, tau2=7: t_c = 5.8 d, t_p = 20.9 d (research notes, derived)
    assert fitness.crossing_time_days(1, 2, 42, 7) == pytest.approx(5.8, abs=0.05)
    assert fitness.peak_time_days(1, 2, 42, 7) == pytest.approx(20.9, abs=0.05)


def test_single_impulse_matches_closed_forms():
    load = np.zeros(120)
    load[0] = 1.0
    perf = fitness.fitness_fatigue(load, CS["k1"], CS["k2"], CS["tau1"], CS["tau2"], p0=CS["p0"])
    effect = perf - CS["p0"]
    tc = fitness.crossing_time_days(CS["k1"], CS["k2"], CS["tau1"], CS["tau2"])
    tp = fitness.peak_time_days(CS["k1"], CS["k2"], CS["tau1"], CS["tau2"])
    days = np.arange(1, 120)
    np.testing.assert_allclose(effect[1:], np.exp(-days / 27) - 2 * np.exp(-days / 10))
    # first day with a positive net effect is the first whole day after the crossing
    assert int(np.argmax(effect > 0)) == math.ceil(tc) == 12
    assert np.all(effect[1 : math.ceil(tc)] < 0)
    # the best day is one of the two whole days around the continuous peak
    assert int(np.argmax(effect)) in (math.floor(tp), math.ceil(tp))
    assert int(np.argmax(effect)) == 27


def test_next_day_convention_load_does_not_count_on_its_own_day():
    load = np.array([10.0, 0.0, 0.0])
    perf = fitness.fitness_fatigue(load, 1, 2, 27, 10, p0=500)
    assert perf[0] == 500.0
    assert perf[1] == pytest.approx(500 + 10 * (math.exp(-1 / 27) - 2 * math.exp(-1 / 10)))


def test_same_day_convention_matches_clarke_skiba_spreadsheet_form():
    load = np.array([10.0, 0.0, 5.0])
    perf = fitness.fitness_fatigue(load, 1, 2, 27, 10, p0=500, convention="same_day")
    assert perf[0] == pytest.approx(500 + 10 * (1 - 2))
    g2 = 10 * math.exp(-2 / 27) + 5
    h2 = 10 * math.exp(-2 / 10) + 5
    assert perf[2] == pytest.approx(500 + g2 - 2 * h2)


def test_conventions_differ_only_by_one_day_shift():
    rng = np.random.default_rng(3)
    load = rng.uniform(0, 100, 50)
    nxt = fitness.decayed_load(load, 10.0)
    same = fitness.decayed_load(load, 10.0, convention="same_day")
    np.testing.assert_allclose(nxt[1:], same[:-1] * math.exp(-1 / 10))


@settings(max_examples=50, deadline=None)
@given(a=loads, b_scale=st.floats(0.0, 3.0), c=st.floats(0.0, 5.0))
def test_linear_superposition(a, b_scale, c):
    b = np.roll(a, 1) * b_scale
    args = (0.8, 1.9, 30.0, 8.0)
    resp_a = fitness.fitness_fatigue(a, *args)
    resp_b = fitness.fitness_fatigue(b, *args)
    resp_ab = fitness.fitness_fatigue(a + c * b, *args)
    np.testing.assert_allclose(resp_ab, resp_a + c * resp_b, rtol=1e-9, atol=1e-7)
    # p0 only shifts the curve
    np.testing.assert_allclose(fitness.fitness_fatigue(a, *args, p0=500.0), resp_a + 500.0)


@settings(max_examples=50, deadline=None)
@given(a=loads)
def test_components_add_up(a):
    parts = fitness.fitness_fatigue_components(a, 1, 2, 27, 10, 500)
    np.testing.assert_allclose(parts.performance, 500 + parts.fitness - parts.fatigue)
    assert np.all(parts.fitness >= 0) and np.all(parts.fatigue >= 0)


@settings(max_examples=50, deadline=None)
@given(
    k1=st.floats(0.1, 5), ratio=st.floats(1.05, 5), tau2=st.floats(1, 30), tau_ratio=st.floats(1.1, 6)
)
def test_peak_after_crossing_and_derivative_zero(k1, ratio, tau2, tau_ratio):
    k2, tau1 = k1 * ratio, tau2 * tau_ratio
    tc = fitness.crossing_time_days(k1, k2, tau1, tau2)
    tp = fitness.peak_time_days(k1, k2, tau1, tau2)
    assert tp > tc > 0
    assert fitness.impulse_response(tc, k1, k2, tau1, tau2) == pytest.approx(0.0, abs=1e-9 * k2)
    slope = -k1 / tau1 * math.exp(-tp / tau1) + k2 / tau2 * math.exp(-tp / tau2)
    assert slope == pytest.approx(0.0, abs=1e-9 * k2)


def test_impulse_response_array():
    t = np.array([0.0, 11.0088, 30.0])
    out = fitness.impulse_response(t, 1, 2, 27, 10)
    assert out.shape == (3,)
    assert out[0] == pytest.approx(-1.0)
    assert out[1] == pytest.approx(0.0, abs=1e-4)


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"k1": 2, "k2": 1, "tau1": 27, "tau2": 10}, "k2 must be greater than k1"),
        ({"k1": 1, "k2": 2, "tau1": 10, "tau2": 27}, "tau1 must be greater than tau2"),
        ({"k1": 0, "k2": 2, "tau1": 27, "tau2": 10}, r"k1 must be in the range \(0, 1000\]"),
        ({"k1": 1, "k2": 2, "tau1": 27, "tau2": -1}, r"tau2 must be in the range \[0.001, 365\] d"),
    ],
)
def test_closed_forms_reject_bad_parameters(kwargs, match):
    with pytest.raises(ValueError, match=match):
        fitness.crossing_time_days(**kwargs)
    with pytest.raises(ValueError, match=match):
        fitness.peak_time_days(**kwargs)


def test_fitness_fatigue_rejects_bad_input():
    with pytest.raises(ValueError, match=r"load must be in the range \[0, 10000\]"):
        fitness.fitness_fatigue([1.0, -2.0], 1, 2, 27, 10)
    with pytest.raises(ValueError, match="load must be a 1-D array"):
        fitness.fitness_fatigue([[1.0, 2.0]], 1, 2, 27, 10)
    with pytest.raises(ValueError, match="load must not be empty"):
        fitness.fitness_fatigue([], 1, 2, 27, 10)
    with pytest.raises(ValueError, match="finite"):
        fitness.fitness_fatigue([1.0, np.nan], 1, 2, 27, 10)
    with pytest.raises(ValueError, match=r"tau1 must be in the range \[0.001, 365\] d"):
        fitness.fitness_fatigue([1.0], 1, 2, 0, 10)
    with pytest.raises(ValueError, match="convention must be one of"):
        fitness.fitness_fatigue([1.0], 1, 2, 27, 10, convention="tomorrow")
    with pytest.raises(ValueError, match=r"k2 must be in the range \[0, 1000\]"):
        fitness.fitness_fatigue([1.0], 1, -2, 27, 10)


def test_decayed_load_saturates_near_tau_times_load():
    state = fitness.decayed_load(np.full(2000, 3.0), 42.0)
    assert state[-1] == pytest.approx(3.0 / (math.exp(1 / 42) - 1))
    assert state[-1] == pytest.approx(42 * 3.0, rel=0.02)


# --- PMC --------------------------------------------------------------------


def test_pmc_steady_state_equals_constant_load():
    chart = fitness.pmc(np.full(1500, 85.0))
    assert chart.ctl[-1] == pytest.approx(85.0)
    assert chart.atl[-1] == pytest.approx(85.0)
    assert chart.tsb[-1] == pytest.approx(0.0, abs=1e-8)
    ctl, atl, tsb = chart  # unpacks
    assert chart["CTL"] is ctl and chart["tsb"] is tsb
    with pytest.raises(KeyError, match="'ctl', 'atl', 'tsb'"):
        chart["form"]


def test_pmc_first_days_by_hand():
    chart = fitness.pmc([100.0, 0.0], ctl_days=42, atl_days=7)
    a42, a7 = 1 - math.exp(-1 / 42), 1 - math.exp(-1 / 7)
    assert chart.ctl[0] == pytest.approx(100 * a42)
    assert chart.atl[0] == pytest.approx(100 * a7)
    assert chart.tsb[0] == 0.0
    assert chart.tsb[1] == pytest.approx(100 * (a42 - a7))
    assert chart.ctl[1] == pytest.approx(100 * a42 * math.exp(-1 / 42))


@settings(max_examples=50, deadline=None)
@given(a=loads)
def test_pmc_is_normalised_banister(a):
    # CTL_n = (1 - e^{-1/42}) * same-day decayed sum
    chart = fitness.pmc(a)
    g = fitness.decayed_load(a, 42.0, convention="same_day")
    np.testing.assert_allclose(chart.ctl, (1 - math.exp(-1 / 42)) * g, rtol=1e-9, atol=1e-9)
    assert np.all(chart.ctl <= a.max() + 1e-9)


def test_pmc_rejects_bad_input():
    with pytest.raises(ValueError, match=r"ctl_days must be in the range \[0.001, 365\] d"):
        fitness.pmc([1.0, 2.0], ctl_days=0)
    with pytest.raises(ValueError, match=r"load must be in the range \[0, 10000\]"):
        fitness.pmc([1.0, -2.0])


# --- per-muscle fatigue and readiness -------------------------------------------


def test_calibration_hard_session_recovered_in_window():
    for muscle, hours in reference.RECOVERY_HOURS.items():
        tau = recovery.muscle_tau_days(muscle)
        assert 48.0 <= recovery.hours_to_readiness(4.0, tau, 0.9) <= 72.0
        assert recovery.hours_to_readiness(4.0, tau, 0.9) == pytest.approx(hours.value)


#: Multi-joint lower-body and upper-body groups of the calibration (audit finding 7).
MULTI_JOINT_LOWER = ("quadriceps", "glutes", "hamstrings")
UPPER_BODY = ("chest", "back", "shoulders", "biceps", "triceps")


def _ordering_problems(hours: dict[str, float]) -> list[str]:
    """Where a calibration contradicts the trained-lifter studies (belcher2019, korak2015): a multi-joint
    lower-body group recovering faster than any upper-body group, or the quadriceps faster than the arms."""
    problems = [f"{low} ({hours[low]:g} h) faster than {up} ({hours[up]:g} h)"
                for low in MULTI_JOINT_LOWER for up in UPPER_BODY if hours[low] < hours[up]]
    return problems


def test_trained_lifter_calibration_quadriceps_not_faster_than_arms():
    """In trained lifters (Belcher 2019, Korak 2015) squats are not quicker to recover than upper-body lifts."""
    hours = {m: c.value for m, c in reference.RECOVERY_HOURS.items()}
    assert _ordering_problems(hours) == []
    for arm in ("biceps", "triceps"):
        assert recovery.muscle_tau_days("quadriceps") >= recovery.muscle_tau_days(arm)


def test_ordering_check_catches_the_pre_audit_calibration():
    """The check fails on the old calibration (quadriceps 48 h, arms 72 h: the eccentric-damage ordering)."""
    old = {"quadriceps": 48.0, "hamstrings": 60.0, "glutes": 60.0, "calves": 48.0, "chest": 60.0,
           "back": 60.0, "shoulders": 60.0, "biceps": 72.0, "triceps": 72.0}
    problems = _ordering_problems(old)
    assert "quadriceps (48 h) faster than biceps (72 h)" in problems and len(problems) >= 5


def test_tau_from_recovery_hours_by_hand():
    assert recovery.tau_from_recovery_hours(48.0, 0.9) == pytest.approx(2 / math.log(10))


def test_readiness_recovers_with_rest():
    sets = np.zeros((3, 10))
    sets[:, 0] = [4.0, 8.0, 2.0]
    taus = [recovery.muscle_tau_days(m) for m in ("quadriceps", "chest", "biceps")]
    ready = recovery.readiness(recovery.muscle_fatigue(sets, taus))
    assert np.all(np.diff(ready[:, 1:], axis=1) >= 0)  # rest days only raise readiness
    assert np.all(ready[:, -1] > 0.99)
    assert ready[1, 1] < ready[0, 1]  # more sets, more fatigue


def test_muscle_fatigue_by_hand():
    fat = recovery.muscle_fatigue([4.0, 0.0, 2.0, 0.0], 1.0, hard_session_sets=4.0)
    np.testing.assert_allclose(fat, [0.0, math.exp(-1), math.exp(-2), math.exp(-3) + 0.5 * math.exp(-1)])


def test_periodic_fatigue_is_the_limit_of_repeated_weeks():
    rng = np.random.default_rng(11)
    week = rng.uniform(0, 6, (4, 7)) * (rng.uniform(size=(4, 7)) < 0.5)
    taus = np.array([0.8, 1.0, 1.2, 2.0])
    periodic = recovery.periodic_muscle_fatigue(week, taus)
    long_run = recovery.muscle_fatigue(np.tile(week, 20), taus)[:, -7:]
    np.testing.assert_allclose(periodic, long_run, rtol=1e-9, atol=1e-12)
    # scalar tau broadcasts to every muscle
    np.testing.assert_allclose(
        recovery.periodic_muscle_fatigue(week, 1.0), recovery.periodic_muscle_fatigue(week, np.ones(4))
    )


@settings(max_examples=50, deadline=None)
@given(f=hnp.arrays(np.float64, st.integers(1, 20), elements=st.floats(0, 10)))
def test_readiness_bounded(f):
    r = recovery.readiness(f)
    assert np.all((r >= 0) & (r <= 1))
    assert np.all(np.diff(r[np.argsort(f)]) <= 1e-12)


def test_hours_to_readiness_by_hand_and_zero_when_light():
    assert recovery.hours_to_readiness(8.0, 1.0, 0.9) == pytest.approx(24 * math.log(2 / 0.1))
    assert recovery.hours_to_readiness(0.2, 1.0, 0.9) == 0.0


def test_per_muscle_inputs_rejected():
    with pytest.raises(ValueError, match="muscle must be one of"):
        recovery.muscle_tau_days("forearms")
    with pytest.raises(ValueError, match=r"sets_by_day must be in the range \[0, 100\]"):
        recovery.muscle_fatigue([1.0, -1.0], 1.0)
    with pytest.raises(ValueError, match="tau_days must be one number or one per muscle"):
        recovery.muscle_fatigue(np.ones((3, 7)), [1.0, 2.0])
    with pytest.raises(ValueError, match="sets_by_day must be 1-D"):
        recovery.periodic_muscle_fatigue(np.ones((2, 2, 7)), 1.0)
    with pytest.raises(ValueError, match="fatigue must be >= 0"):
        recovery.readiness(-0.1)
    with pytest.raises(ValueError, match="recovered_readiness must be in the range"):
        recovery.tau_from_recovery_hours(48, 1.0)


# --- muscle protein synthesis -----------------------------------------------------


def test_mps_fit_through_phillips_points():
    amplitude, tau = recovery.mps_fit()
    assert amplitude == pytest.approx(122, abs=1)
    assert tau == pytest.approx(37.7, abs=0.1)
    assert tau * math.log(2) == pytest.approx(26.2, abs=0.2)
    for hours, value in reference.PHILLIPS_MPS_PERCENT.items():
        assert recovery.mps_percent_above_rest(hours) == pytest.approx(value.value, rel=0.06)


def test_fit_exponential_decay_recovers_exact_curve():
    t = np.array([0.0, 1.0, 5.0, 9.0])
    amplitude, tau = recovery.fit_exponential_decay(t, 7 * np.exp(-t / 3))
    assert (amplitude, tau) == (pytest.approx(7), pytest.approx(3))
    with pytest.raises(ValueError, match="must decay"):
        recovery.fit_exponential_decay(t, np.exp(t))
    with pytest.raises(ValueError, match="same length"):
        recovery.fit_exponential_decay(t, [1.0, 2.0])
    with pytest.raises(ValueError, match="two clearly distinct times"):
        recovery.fit_exponential_decay([1.0, 1.0], [2.0, 1.0])


def test_readiness_after_session_matches_daily_model_and_calibration():
    tau = recovery.muscle_tau_days("chest")
    hours = np.array([0.0, 24.0, 48.0, 60.0, 96.0])
    r = recovery.readiness_after_session(hours, tau, sets=4.0)
    assert r[0] == 0.0
    assert r[3] == pytest.approx(0.9)  # the chest's calibration: 60 h to 90 %
    daily = recovery.readiness(recovery.muscle_fatigue([4.0, 0, 0, 0, 0], tau))
    np.testing.assert_allclose(r[[1, 2, 4]], daily[[1, 2, 4]])
    assert np.all(np.diff(r) >= 0)
    with pytest.raises(ValueError, match="hours must be >= 0"):
        recovery.readiness_after_session(-1.0, tau)


def test_pmc_filter_equals_the_daily_recursion_written_out() -> None:
    # pmc runs its averages through scipy.signal.lfilter; the recursion of its docstring, by hand
    import math

    rng = np.random.default_rng(16)
    for _ in range(20):
        load = rng.uniform(0.0, 300.0, size=int(rng.integers(1, 200)))
        tau_c, tau_a = rng.uniform(10.0, 60.0), rng.uniform(1.0, 10.0)
        c0, a0 = rng.uniform(0.0, 100.0, size=2)
        chart = fitness.pmc(load, tau_c, tau_a, ctl0=c0, atl0=a0)
        for series, tau, start in ((chart.ctl, tau_c, c0), (chart.atl, tau_a, a0)):
            decay, value, expected = math.exp(-1.0 / tau), start, []
            for today in load:
                value = value * decay + today * (1.0 - decay)
                expected.append(value)
            np.testing.assert_allclose(series, expected, rtol=1e-12, atol=1e-9)
