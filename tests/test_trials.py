"""Tests for legday.trials: the t distribution and the simulated leg-transfer studies."""

from __future__ import annotations

import math
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legday import growth, trials
from legday import reference as ref

# --- t distribution ------------------------------------------------------------


@pytest.mark.parametrize(
    ("df", "expected"),
    [(11, 2.200985), (8, 2.306004), (30, 2.042272), (1, 12.706205), (2, 4.302653), (15, 2.131450)],
)
def test_t_critical_values(df, expected):
    assert trials.t_quantile(0.975, df) == pytest.approx(expected, abs=2e-6)


def test_t_quantile_is_symmetric_and_inverts_the_cdf():
    q = np.array([0.01, 0.1, 0.5, 0.9, 0.995])
    t = trials.t_quantile(q, 7)
    np.testing.assert_allclose(trials.t_cdf(t, 7), q, atol=1e-9)
    assert trials.t_quantile(0.5, 7) == pytest.approx(0.0, abs=1e-9)
    assert trials.t_quantile(0.025, 11) == pytest.approx(-trials.t_quantile(0.975, 11))


def test_t_cdf_closed_forms():
    # df = 1 is the Cauchy distribution; df = 2 has F(t) = 1/2 + t / (2 sqrt(2 + t^2))
    for x in (-3.0, -0.5, 0.0, 1.0, 4.0):
        assert trials.t_cdf(x, 1) == pytest.approx(0.5 + math.atan(x) / math.pi, abs=1e-12)
        assert trials.t_cdf(x, 2) == pytest.approx(0.5 + x / (2 * math.sqrt(2 + x * x)), abs=1e-12)


def test_two_sided_p_by_hand():
    assert trials.t_two_sided_p(0.0, 5) == pytest.approx(1.0)
    assert trials.t_two_sided_p(2.200985, 11) == pytest.approx(0.05, abs=1e-6)
    assert trials.t_two_sided_p(-2.200985, 11) == pytest.approx(0.05, abs=1e-6)


def test_incomplete_beta_closed_forms():
    x = np.linspace(0, 1, 11)
    np.testing.assert_allclose(trials.regularized_incomplete_beta(x, 1, 1), x, atol=1e-12)
    np.testing.assert_allclose(trials.regularized_incomplete_beta(x, 2, 1), x**2, atol=1e-12)
    np.testing.assert_allclose(trials.regularized_incomplete_beta(x, 1, 3), 1 - (1 - x) ** 3, atol=1e-12)


@settings(max_examples=50, deadline=None)
@given(x=st.floats(0.0, 1.0), a=st.floats(0.1, 50.0), b=st.floats(0.1, 50.0))
def test_incomplete_beta_symmetry_and_range(x, a, b):
    value = trials.regularized_incomplete_beta(x, a, b)
    assert 0.0 <= value <= 1.0
    # I_x(a, b) + I_{1-x}(b, a) = 1 holds for a pair x, 1 - x that is exact in floating point;
    # for tiny x, 1 - x rounds to 1.0, so take the pair (1 - y, y) with y = 1 - x.
    y = 1.0 - x
    pair = trials.regularized_incomplete_beta(1.0 - y, a, b) + trials.regularized_incomplete_beta(y, b, a)
    assert pair == pytest.approx(1.0, abs=1e-9)


# --- individual variability from Hubal 2005 ------------------------------------


def test_expected_range_of_two_normals():
    assert trials.expected_normal_range(2) == pytest.approx(2 / math.sqrt(math.pi), rel=1e-9)


def test_response_sd_from_hubal_range_is_a_cross_check():
    # (59 - (-2)) / E[range of 585 normals ~ 6.17] ~ 9.9 points around Hubal's own mean gain: with the
    # reported CV of about 0.5 that is a mean of about 20 %, so the range and the CV fit together
    span = float(ref.HUBAL_RESPONSE_MAX_PERCENT) - float(ref.HUBAL_RESPONSE_MIN_PERCENT)
    assert span == 61.0
    assert trials.expected_normal_range(585) == pytest.approx(6.17, abs=0.01)
    assert trials.response_sd_from_range_pp() == pytest.approx(61 / 6.168, rel=1e-3)
    implied_mean = trials.response_sd_from_range_pp() / float(ref.HUBAL_CV["male"])
    assert 15.0 < implied_mean < 25.0


def _hubal_constants() -> dict[str, float]:
    """Every Cited number of legday.reference that cites hubal2005, by name."""
    out = {}
    for name in dir(ref):
        value = getattr(ref, name)
        items = value.items() if isinstance(value, dict) else [(None, value)]
        for key, item in items:
            if isinstance(item, ref.Cited) and item.source == "hubal2005":
                out[name if key is None else f"{name}[{key}]"] = float(item)
    return out


def _spread_problems(growth_sd: float, trials_sd_pct: float, mean_pct: float) -> list[str]:
    """How a pair of spreads departs from the one reading of Hubal: the growth model's SD and the trials
    simulator's SD divided by its mean response must both equal the reported CV."""
    cv = float(ref.HUBAL_CV["male"])
    problems = []
    if growth_sd != pytest.approx(cv, rel=0.01):
        problems.append(f"growth SD {growth_sd:.2f} is not Hubal's CV {cv}")
    if trials_sd_pct / mean_pct != pytest.approx(cv, rel=0.01):
        problems.append(f"trials CV {trials_sd_pct / mean_pct:.2f} is not Hubal's CV {cv}")
    return problems


def test_one_reading_of_hubal_shared_by_growth_and_trials():
    """Chapters 1 and 6 read Hubal 2005 one way (audit #6): the reported CV is the responsiveness SD in
    the growth model and, times the mean response, the individual spread of the trials simulator."""
    assert growth.responsiveness_sd("male") == trials.RESPONSE_CV == float(ref.HUBAL_CV["male"])
    assert _spread_problems(growth.responsiveness_sd("male"), trials.RESPONSE_SD_PCT, trials.MEAN_RESPONSE_PCT) == []
    # the simulator's default spread follows the mean response it is given
    a = trials.simulate_trials(4000, design="between", n=30, mean_response_pct=12.0, measurement_error_pct=0.0, seed=5)
    b = trials.simulate_trials(4000, design="between", n=30, mean_response_pct=24.0, measurement_error_pct=0.0, seed=5)
    assert np.std(b.estimated_effect_pct) == pytest.approx(2 * np.std(a.estimated_effect_pct), rel=0.05)
    # each Hubal number is defined once (the pre-audit code defined the range, n and weeks twice)
    values = _hubal_constants()
    assert len(values) == len(set(values.values())), values


def test_one_reading_check_catches_the_pre_audit_spreads():
    """The pre-audit pair: SD 0.36 in growth (range / 6 around the midpoint 28.5 %) and 9.9 points in
    trials (range / expected range of 585 normals, around West 2010's 12 %): both are caught."""
    problems = _spread_problems(0.36, trials.response_sd_from_range_pp(), trials.MEAN_RESPONSE_PCT)
    assert len(problems) == 2, problems


# --- simulated studies --------------------------------------------------------


@pytest.mark.parametrize("design", trials.DESIGNS)
@pytest.mark.parametrize("n", [9, 12, 16])
def test_false_positive_rate_is_alpha(design, n):
    res = trials.simulate_trials(10_000, design=design, n=n, seed=11)
    mc_se = math.sqrt(0.05 * 0.95 / 10_000)  # about 0.0022
    assert abs(res.rejection_rate - 0.05) < 4 * mc_se
    assert abs(res.benefit_rate - 0.025) < 4 * math.sqrt(0.025 * 0.975 / 10_000)


def test_power_rises_with_n_and_effect():
    table = trials.power([6, 12, 24, 48], [0.0, 3.0, 6.0, 12.0], design="within", n_trials=3000, seed=3)
    assert table.shape == (4, 4)
    unsaturated = table < 0.98
    rows, cols = np.diff(table[:, 1:], axis=0), np.diff(table, axis=1)
    assert np.all(rows[unsaturated[1:, 1:]] > 0)  # more people, more power (effect > 0)
    assert np.all(cols[unsaturated[:, 1:]] > 0)  # bigger effect, more power
    assert np.all(rows >= -0.01) and np.all(cols >= -0.01)
    assert np.all(np.abs(table[:, 0] - 0.025) < 0.015)  # no effect: benefit rate ~ alpha / 2


def test_within_design_beats_between_for_the_same_people_measured():
    within = trials.power(12, 6.0, design="within", n_trials=4000, seed=5)
    between = trials.power(12, 6.0, design="between", n_trials=4000, seed=5)
    assert within > between


def test_estimate_is_unbiased():
    res = trials.simulate_trials(20_000, design="between", n=10, true_effect_pct=4.0, seed=2)
    assert res.estimated_effect_pct.mean() == pytest.approx(4.0, abs=0.15)


def test_baseline_imbalance_creates_an_apparent_effect():
    fair = trials.simulate_trials(10_000, design="between", n=8, seed=4)
    tilted = trials.simulate_trials(10_000, design="between", n=8, baseline_imbalance=0.225, seed=4)
    expected_bias = trials.MEAN_RESPONSE_PCT * (1 / (1 - 0.225) - 1)
    assert tilted.estimated_effect_pct.mean() == pytest.approx(expected_bias, abs=0.3)
    assert tilted.benefit_rate > 2 * fair.benefit_rate


def test_significant_small_studies_exaggerate():
    res = trials.simulate_trials(10_000, design="within", n=9, true_effect_pct=2.0, seed=8)
    assert res.mean_significant_benefit_pct > 2 * 2.0


def test_same_seed_same_result_and_different_seed_differs():
    a = trials.simulate_trials(500, n=9, true_effect_pct=1.0, seed=42)
    b = trials.simulate_trials(500, n=9, true_effect_pct=1.0, seed=42)
    c = trials.simulate_trials(500, n=9, true_effect_pct=1.0, seed=43)
    np.testing.assert_array_equal(a.p_value, b.p_value)
    np.testing.assert_array_equal(a.estimated_effect_pct, b.estimated_effect_pct)
    assert not np.array_equal(a.p_value, c.p_value)
    assert trials.power(9, 3.0, n_trials=500, seed=1) == trials.power(9, 3.0, n_trials=500, seed=1)


def test_results_shapes_and_df():
    res = trials.simulate_trials(300, design="between", n=8, seed=0)
    assert res.df == 14 and res.estimated_effect_pct.shape == (300,)
    assert trials.simulate_trials(300, design="within", n=12, seed=0).df == 11
    assert np.all((res.p_value >= 0) & (res.p_value <= 1))


@pytest.mark.parametrize("design", trials.DESIGNS)
def test_ten_thousand_trials_in_about_a_second(design):
    trials.simulate_trials(100, design=design, n=16, seed=0)  # warm up
    start = time.perf_counter()
    trials.simulate_trials(10_000, design=design, n=16, seed=0)
    assert time.perf_counter() - start < 1.0


# --- bad input ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"design": "crossover"}, r"design must be one of 'between', 'within'; got 'crossover'"),
        ({"n": 1}, r"n must be >= 2"),
        ({"n": 9.5}, r"n must be a whole number"),
        ({"alpha": 0.0}, r"alpha must be in the range \(0, 0.5\)"),
        ({"response_sd_pct": -1.0}, r"response_sd_pct must be in the range \[0, 200\] points; got -1"),
        ({"measurement_error_pct": float("inf")}, r"measurement_error_pct must be finite"),
        ({"between_person_share": 1.5}, r"between_person_share must be in the range \[0, 1\]"),
        ({"baseline_imbalance": 0.95}, r"baseline_imbalance must be in the range \[0, 0.9\)"),
        ({"seed": None}, r"seed must be a whole number"),
        ({"response_sd_pct": 0.0, "measurement_error_pct": 0.0}, "cannot both be 0"),
    ],
)
def test_bad_input_rejected(kwargs, match):
    with pytest.raises(ValueError, match=match):
        trials.simulate_trials(100, **kwargs)


def test_bad_distribution_input_rejected():
    with pytest.raises(ValueError, match=r"n_trials must be >= 1"):
        trials.simulate_trials(0)
    with pytest.raises(ValueError, match=r"q must be in the range \(0, 1\)"):
        trials.t_quantile(1.0, 5)
    with pytest.raises(ValueError, match=r"df must be > 0"):
        trials.t_cdf(1.0, 0)
    with pytest.raises(ValueError, match=r"x must be in the range \[0, 1\]"):
        trials.regularized_incomplete_beta(1.2, 1, 1)
    with pytest.raises(ValueError, match="high_pct must be > low_pct"):
        trials.response_sd_from_range_pp(10, 5, 100)
    with pytest.raises(ValueError, match="n must be whole numbers"):
        trials.power([9.5], [1.0], n_trials=10)
