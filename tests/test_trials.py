"""Tests for legday.trials: the t distribution and the simulated leg-transfer studies."""

from __future__ import annotations

import math

import numpy as np
import pytest

from legday import growth, trials
from legday import reference as ref

# --- SciPy in place of the old hand-written t distribution -----------------------------------
#
# Until December 2026 legday.trials computed p-values with its own regularized incomplete
# beta function (a continued fraction) and t quantiles by bisection. These literal values were
# computed with that OLD implementation (commit 29d58db, `trials.t_two_sided_p`,
# `trials.simulate_trials(6, ...)`, `hormones.correlation`, `hormones.cohort_correlations`) just
# before it was replaced by scipy.stats; the tests below check that SciPy gives the same answers.

#: (t, df, two-sided p) from the old trials.t_two_sided_p.
OLD_P_TABLE = [
    (0.0, 5, 1.0),
    (0.5, 3, 0.651447964848151),
    (1.0, 11, 0.3388006961962011),
    (2.200985, 11, 0.05000001398182328),
    (-2.5, 7, 0.04099221858575287),
    (3.0, 22, 0.006594619710799301),
    (4.0, 14, 0.0013160491938698266),
    (1.7, 30, 0.09947787558851585),
    (6.0, 9, 0.00020249932206764033),
]
#: simulate_trials(6, design=..., n=..., seed=...) of the old code: (t statistics, p-values, estimates).
OLD_TRIALS = {
    ("within", 12, 1): (
        [0.9717860321276395, 0.7005684138576246, -0.5384177041554546, 0.3403012765221251, 0.41384495805427146,
         0.06792733303196409],
        [0.3520413202387648, 0.49812319928944215, 0.6010139219622666, 0.7400395578447874, 0.6869418080734777,
         0.9470624808665158],
        [1.6616452365578869, 1.4140230869680455, -0.9280631867283634, 0.6129398674268013, 0.9918912005762776,
         0.11098935415406246],
    ),
    ("between", 8, 3): (
        [0.4560877692014123, -1.3544956851697205, -0.7987448746789053, -0.32760855463299715, 0.9941785820361494,
         -0.8287595736438008],
        [0.6553216420812666, 0.19703614881924214, 0.4377794947604299, 0.7480552503728435, 0.33700940441080174,
         0.42114575795044396],
        [1.4276397063672857, -5.4438721157748695, -2.650316692324518, -1.0207012199981644, 3.7353994594897415,
         -2.768131839901214],
    ),
}


@pytest.mark.parametrize(("t", "df", "p"), OLD_P_TABLE)
def test_scipy_p_values_equal_the_old_hand_written_ones(t, df, p):
    from scipy import stats

    assert 2 * stats.t.sf(abs(t), df) == pytest.approx(p, abs=1e-10)


@pytest.mark.parametrize("key", sorted(OLD_TRIALS))
def test_simulated_trials_unchanged_by_the_move_to_scipy(key):
    design, n, seed = key
    old_t, old_p, old_estimate = OLD_TRIALS[key]
    res = trials.simulate_trials(6, design=design, n=n, seed=seed)
    np.testing.assert_allclose(res.estimated_effect_pct, old_estimate, rtol=0, atol=1e-12)
    np.testing.assert_allclose(res.t_statistic, old_t, rtol=1e-12)
    np.testing.assert_allclose(res.p_value, old_p, rtol=0, atol=1e-10)


def test_p_values_are_the_t_distribution_of_the_t_statistics():
    from scipy import stats

    # chapter 6 quotes the tabulated critical value t_0.975 = 2.200985 for 11 degrees of freedom
    assert stats.t.ppf(0.975, 11) == pytest.approx(2.200985, abs=1e-6)
    for design, n in (("within", 12), ("between", 8)):
        res = trials.simulate_trials(2000, design=design, n=n, seed=3)
        np.testing.assert_allclose(res.p_value, 2 * stats.t.sf(np.abs(res.t_statistic), res.df), rtol=1e-12)


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
def test_ten_thousand_trials_at_once(design):
    # Correctness only: the timing lives in benchmarks/ (wall-clock budgets do not belong in unit tests).
    res = trials.simulate_trials(10_000, design=design, n=16, seed=0)
    assert res.p_value.shape == res.t_statistic.shape == (10_000,)
    assert np.all(np.isfinite(res.p_value)) and np.all((res.p_value >= 0) & (res.p_value <= 1))


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
        ({"response_sd_pct": 0.0, "measurement_error_pct": 0.0}, r"response_sd_pct, measurement_error_pct .* no spread"),
    ],
)
def test_bad_input_rejected(kwargs, match):
    with pytest.raises(ValueError, match=match):
        trials.simulate_trials(100, **kwargs)


def test_bad_distribution_input_rejected():
    with pytest.raises(ValueError, match=r"n_trials must be >= 1"):
        trials.simulate_trials(0)
    with pytest.raises(ValueError, match="high_pct must be > low_pct"):
        trials.response_sd_from_range_pp(10, 5, 100)
    with pytest.raises(ValueError, match="n must be whole numbers"):
        trials.power([9.5], [1.0], n_trials=10)
