"""Simulated training studies: why small trials of "legs grow arms" disagree.

A study compares the growth of an arm trained alone with that of an arm trained
in a session that also works the legs. Two designs are simulated:

``"between"``
    two groups of ``n`` people each (arm only versus arm plus legs), as in
    Hansen 2001; analysed with a two-sample Student t-test.
``"within"``
    ``n`` people who train one arm in each condition, as in Rønnestad 2011 and
    West 2010; analysed with a paired t-test on the difference between arms.

Each person's percentage change is the mean response, plus the true effect of
the legs condition, plus individual variability and measurement error:

- **individual variability**: a standard deviation equal to Hubal 2005's
  reported coefficient of variation of the 12-week change in biceps CSA (0.48
  in men; :func:`legday.growth.responsiveness_sd`, the same reading chapter 1's
  growth model uses) times the mean response (Source: hubal2005). Reading
  Hubal's observed range (-2 % to +59 % in 585 adults) as the expected range
  of 585 normal draws (:func:`response_sd_from_range_pp`) is a cross-check,
  not a second input;
- **measurement error**: an explicit course assumption (a 2 % error of a single
  CSA measurement, so about 2.8 points on a change score);
- **between-person share**: in a within-subject design part of the variability
  belongs to the person (shared by both arms) and cancels in the paired
  difference; how much is an explicit course assumption (default one half);
- **baseline imbalance**: if the legs group (or arm) starts weaker by a
  fraction ``b`` and gains the same *absolute* amount, its *percentage* gain is
  larger by a factor ``1 / (1 - b)``, an apparent effect with no true one
  (Hansen 2001's legs group started 20-25 % weaker; Source: hansen2001).

The t-tests and the normal distribution come from :mod:`scipy.stats`
(``ttest_rel``, ``ttest_ind`` and ``norm``), applied to every simulated study at
once along ``axis=1``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray
from scipy import stats

from legday import _checks, growth
from legday import reference as ref
from legday._checks import FloatArray

__all__ = [
    "DESIGNS",
    "MEAN_RESPONSE_PCT",
    "MEASUREMENT_ERROR_PCT",
    "BETWEEN_PERSON_SHARE",
    "RESPONSE_CV",
    "RESPONSE_SD_PCT",
    "MAX_SIMULATED_PEOPLE",
    "MAX_POWER_PEOPLE",
    "expected_normal_range",
    "response_sd_from_range_pp",
    "TrialResults",
    "simulate_trials",
    "power",
]

#: The two study designs.
DESIGNS: tuple[str, ...] = ("between", "within")

#: Mean arm-CSA change of the arm-only condition (%), from West 2010's arm-only arm, 15 weeks.
MEAN_RESPONSE_PCT = float(
    next(r.without_legs_pct for r in ref.TRANSFER_RESULTS if r.source == "west2010" and r.without_legs_pct)
)
#: Coefficient of variation of individual responses, Hubal 2005's value for men (West 2010 studied men).
RESPONSE_CV = growth.responsiveness_sd("male")
#: Error of a single CSA measurement (% of the value), a course assumption (reference.TRIALS_MEASUREMENT_ERROR_PCT).
MEASUREMENT_ERROR_PCT = float(ref.TRIALS_MEASUREMENT_ERROR_PCT)
#: Share of the response variance that belongs to the person, shared by both arms, a course assumption
#: (reference.TRIALS_BETWEEN_PERSON_SHARE).
BETWEEN_PERSON_SHARE = float(ref.TRIALS_BETWEEN_PERSON_SHARE)
#: Most simulated people (n_trials x n) in one call, about 256 MB of draws and a few seconds.
MAX_SIMULATED_PEOPLE = 4_000_000
#: Most simulated people over all cells of one :func:`power` grid.
MAX_POWER_PEOPLE = 20_000_000
#: Smallest SD (percentage points) of the analysed differences for which a t-test is meaningful.
_MIN_SPREAD_PCT = 1e-3


# ---------------------------------------------------------------------------
# Individual variability from a published range
# ---------------------------------------------------------------------------


def expected_normal_range(n: int) -> float:
    """Expected range (max - min) of ``n`` independent standard normal draws.

    ``2 * E[max]`` with ``E[max] = integral of x n phi(x) Phi(x)^(n-1) dx``,
    integrated numerically on a fine grid.

    Parameters
    ----------
    n
        Sample size (>= 2).

    Returns
    -------
    float
        The expected range in standard deviations (1.128 for n = 2, about 6.17 for n = 585).

    Raises
    ------
    ValueError
        If ``n`` is not a whole number >= 2.
    """
    size = _checks.whole_number("n", n, low=2, high=10**7)
    x = np.linspace(-12.0, 12.0, 24001)
    density = size * stats.norm.pdf(x) * stats.norm.cdf(x) ** (size - 1)
    step = x[1] - x[0]
    expected_max = float(np.sum(x * density) * step)
    return 2.0 * expected_max


def response_sd_from_range_pp(
    low_pct: float = float(ref.HUBAL_RESPONSE_MIN_PERCENT),
    high_pct: float = float(ref.HUBAL_RESPONSE_MAX_PERCENT),
    n: int = int(ref.HUBAL_N.value),
) -> float:
    """Standard deviation of individual responses implied by an observed range (percentage points).

    Assumes normally distributed responses, so that the observed range is about
    its expected value :func:`expected_normal_range`. For Hubal 2005 (-2 % to
    +59 % in 585 adults) this gives about 10 points around Hubal's own mean
    gain. The course's simulator does not use it: its spread is the reported
    coefficient of variation times the mean response (:data:`RESPONSE_SD_PCT`);
    this function is the cross-check that the two facts fit together.

    Parameters
    ----------
    low_pct, high_pct
        Smallest and largest observed change (%), ``high_pct > low_pct``.
    n
        Number of people observed (>= 2).

    Returns
    -------
    float
        The implied standard deviation (percentage points).

    Raises
    ------
    ValueError
        If ``high_pct <= low_pct`` or ``n`` < 2.

    Notes
    -----
    Source: hubal2005 (range and n); the normal reading is the course's assumption.
    """
    lo = _checks.real_number("low_pct", low_pct)
    hi = _checks.real_number("high_pct", high_pct)
    if hi <= lo:
        raise ValueError(f"high_pct must be > low_pct; got low_pct={lo:g}, high_pct={hi:g}")
    return (hi - lo) / expected_normal_range(n)


#: Individual spread of arm growth (percentage points) at the default mean response, Hubal's CV x mean.
RESPONSE_SD_PCT = RESPONSE_CV * MEAN_RESPONSE_PCT


# ---------------------------------------------------------------------------
# Simulated studies
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class TrialResults:
    """Results of many simulated studies of one design.

    Attributes
    ----------
    design
        ``"between"`` or ``"within"``.
    n
        People per group (between) or people in the study (within).
    df
        Degrees of freedom of the t-test.
    alpha
        Two-sided significance level.
    estimated_effect_pct
        Each study's estimate of the legs effect (percentage points of arm growth).
    t_statistic, p_value
        Each study's t statistic and two-sided p-value.
    """

    design: str
    n: int
    df: int
    alpha: float
    estimated_effect_pct: FloatArray
    t_statistic: FloatArray
    p_value: FloatArray

    def __post_init__(self) -> None:
        """Refuse results no study could give (a TrialResults built by hand is checked too)."""
        _checks.choice("design", self.design, DESIGNS)
        _checks.whole_number("n", self.n, low=2)
        _checks.whole_number("df", self.df, low=1)
        _checks.real_number("alpha", self.alpha, low=0, high=0.5, low_open=True, high_open=True)
        _checks.same_length({
            "estimated_effect_pct": _checks.real_array("estimated_effect_pct", self.estimated_effect_pct, ndim=1),
            "t_statistic": _checks.real_array("t_statistic", self.t_statistic, ndim=1),
            "p_value": _checks.real_array("p_value", self.p_value, low=0, high=1, ndim=1)})

    @property
    def significant(self) -> NDArray[np.bool_]:
        """Studies with a two-sided p-value below ``alpha`` (either direction)."""
        return self.p_value < self.alpha

    @property
    def rejection_rate(self) -> float:
        """Share of studies that report a significant difference in either direction."""
        return float(np.mean(self.significant))

    @property
    def benefit_rate(self) -> float:
        """Share of studies that report a significant *benefit* of adding legs."""
        return float(np.mean(self.significant & (self.estimated_effect_pct > 0)))

    @property
    def mean_significant_benefit_pct(self) -> float:
        """Average estimated effect among studies reporting a significant benefit (0, not NaN, if none)."""
        chosen = self.significant & (self.estimated_effect_pct > 0)
        return float(np.mean(self.estimated_effect_pct[chosen])) if np.any(chosen) else 0.0


def _common(
    n_trials: Any, design: Any, n: Any, alpha: Any
) -> tuple[int, str, int, float]:
    trials = _checks.whole_number("n_trials", n_trials, low=1, high=10**6)
    kind = _checks.choice("design", design, DESIGNS)
    size = _checks.whole_number("n", n, low=2, high=10**4)
    _checks.size_limit({"n_trials": trials, "n": size}, high=MAX_SIMULATED_PEOPLE,
                       reason="each simulated person needs about 64 bytes; split a larger run into several seeds")
    level = _checks.real_number("alpha", alpha, low=0, high=0.5, low_open=True, high_open=True)
    return trials, kind, size, level


def simulate_trials(
    n_trials: int = 10_000,
    *,
    design: str = "within",
    n: int = 12,
    true_effect_pct: float = 0.0,
    mean_response_pct: float = MEAN_RESPONSE_PCT,
    response_sd_pct: float | None = None,
    measurement_error_pct: float = MEASUREMENT_ERROR_PCT,
    between_person_share: float = BETWEEN_PERSON_SHARE,
    baseline_imbalance: float = 0.0,
    alpha: float = 0.05,
    seed: Any = 0,
) -> TrialResults:
    """Simulate ``n_trials`` studies of arm growth with and without leg training.

    Each person's true arm change (%) is ``mean_response_pct + u`` in the arm-only
    condition and ``(mean_response_pct + u) / (1 - baseline_imbalance) +
    true_effect_pct`` with legs, where ``u`` is individual variability with SD
    ``response_sd_pct``. Each observed change adds a measurement error of SD
    ``sqrt(2) * measurement_error_pct`` (a pre and a post measurement).

    In the ``"within"`` design a share ``between_person_share`` of the variance
    of ``u`` is common to a person's two arms; the study runs a paired t-test on
    the differences (df = n - 1). In the ``"between"`` design each group has
    ``n`` different people and the study runs a two-sample Student t-test
    (df = 2n - 2). All studies are drawn at once (vectorised) and tested at once
    with :func:`scipy.stats.ttest_rel` / :func:`scipy.stats.ttest_ind` along ``axis=1``.

    Parameters
    ----------
    n_trials
        Number of simulated studies (1 to 1,000,000; n_trials x n at most 4,000,000, about 256 MB of draws).
    design
        ``"within"`` or ``"between"``.
    n
        People per group (between) or in the study (within), 2 to 10,000.
    true_effect_pct
        True extra arm growth caused by adding legs (percentage points).
    mean_response_pct
        Mean arm growth without legs (%); default West 2010's 12 % over 15 weeks.
    response_sd_pct
        SD of individual responses (percentage points, >= 0); default ``None``:
        Hubal's coefficient of variation times the mean response,
        ``RESPONSE_CV x |mean_response_pct|`` (Source: hubal2005).
    measurement_error_pct
        Error of one measurement (% of the value, >= 0); course assumption 2 %.
    between_person_share
        Share of the response variance common to both arms of a person, in [0, 1]
        (within design only); course assumption 0.5.
    baseline_imbalance
        Fraction by which the legs group/arm starts weaker, in [0, 0.9): with equal
        absolute gains its percentage gain is inflated by ``1 / (1 - b)``.
    alpha
        Two-sided significance level, in (0, 0.5).
    seed
        Integer seed (or a NumPy Generator): same seed, same studies.

    Returns
    -------
    TrialResults
        Per-study effect estimates, t statistics and p-values.

    Raises
    ------
    ValueError
        If an input is out of range.

    Notes
    -----
    Source: hubal2005 (spread), west2010 (mean response), hansen2001 (imbalance).
    """
    trials, kind, size, level = _common(n_trials, design, n, alpha)
    effect = _checks.real_number("true_effect_pct", true_effect_pct, low=-100, high=100, unit="points")
    mean = _checks.real_number("mean_response_pct", mean_response_pct, low=-100, high=500, unit="%")
    sd = (RESPONSE_CV * abs(mean) if response_sd_pct is None else
          _checks.real_number("response_sd_pct", response_sd_pct, low=0, high=200, unit="points"))
    err = _checks.real_number("measurement_error_pct", measurement_error_pct, low=0, high=50, unit="%")
    share = _checks.real_number("between_person_share", between_person_share, low=0, high=1)
    imbalance = _checks.real_number("baseline_imbalance", baseline_imbalance, low=0, high=0.9, high_open=True)
    change_err = math.sqrt(2.0) * err
    inflate = 1.0 / (1.0 - imbalance)
    if kind == "within":  # SD of a person's legs-minus-arm-only difference
        spread = math.sqrt(sd**2 * share * (inflate - 1.0) ** 2 + sd**2 * (1.0 - share) * (inflate**2 + 1.0)
                           + 2.0 * change_err**2)
    else:  # SD of one person's change in the arm-only group
        spread = math.sqrt(sd**2 + change_err**2)
    if spread < _MIN_SPREAD_PCT:
        raise ValueError(
            "response_sd_pct, measurement_error_pct and between_person_share leave the analysed changes with no "
            f"spread (SD {spread:.3g} points < {_MIN_SPREAD_PCT:g}), so the t-test is undefined: give a "
            "measurement_error_pct > 0, or (within design) a between_person_share < 1"
        )
    gen = _checks.rng(seed)

    if kind == "within":
        person = gen.normal(0.0, sd * math.sqrt(share), size=(trials, size))
        arm_only = gen.normal(0.0, sd * math.sqrt(1.0 - share), size=(trials, size))
        arm_legs = gen.normal(0.0, sd * math.sqrt(1.0 - share), size=(trials, size))
        noise = gen.normal(0.0, change_err, size=(2, trials, size))
        without = mean + person + arm_only + noise[0]
        with_legs = (mean + person + arm_legs) * inflate + effect + noise[1]
        estimate = (with_legs - without).mean(axis=1)
        test = stats.ttest_rel(with_legs, without, axis=1)  # paired t-test of every study at once
        df = size - 1
    else:
        draws = gen.normal(0.0, sd, size=(2, trials, size))
        noise = gen.normal(0.0, change_err, size=(2, trials, size))
        without = mean + draws[0] + noise[0]
        with_legs = (mean + draws[1]) * inflate + effect + noise[1]
        estimate = with_legs.mean(axis=1) - without.mean(axis=1)
        test = stats.ttest_ind(with_legs, without, axis=1)  # Student's two-sample t-test, equal variances
        df = 2 * size - 2
    return TrialResults(kind, size, df, level, estimate, np.asarray(test.statistic), np.asarray(test.pvalue))


def power(
    n: ArrayLike,
    true_effect_pct: ArrayLike,
    *,
    design: str = "within",
    n_trials: int = 4000,
    seed: Any = 0,
    benefit_only: bool = True,
    **kwargs: Any,
) -> float | FloatArray:
    """Share of simulated studies that detect the effect, for each sample size and effect.

    Parameters
    ----------
    n
        Sample size(s) (whole numbers >= 2; see :func:`simulate_trials`).
    true_effect_pct
        True effect(s) of adding legs (percentage points).
    design
        ``"within"`` or ``"between"``.
    n_trials
        Simulated studies per cell of the grid.
    seed
        Integer seed; each cell uses its own stream derived from it.
    benefit_only
        Count only significant results in the benefit direction (default), or
        any significant result.
    **kwargs
        Passed to :func:`simulate_trials` (``response_sd_pct``, ``alpha`` ...).

    Returns
    -------
    float or ndarray
        Detection rates with shape ``(len(n), len(true_effect_pct))`` for
        array inputs (dimensions of scalar inputs are dropped).

    Raises
    ------
    ValueError
        If an input is out of range.
    """
    sizes = np.atleast_1d(_checks.real_array("n", n, low=2, high=10**4, ndim=(0, 1), integer=True))
    effects = np.atleast_1d(_checks.real_array("true_effect_pct", true_effect_pct, low=-100, high=100,
                                               ndim=(0, 1), unit="points"))
    trials_per_cell = _checks.whole_number("n_trials", n_trials, low=1, high=10**6)
    grid = {"n_trials": trials_per_cell, "sum of n": int(sizes.sum()), "len(true_effect_pct)": effects.size}
    _checks.size_limit(grid, high=MAX_POWER_PEOPLE, reason="the grid would take minutes; use fewer trials or sizes")
    count_benefit = _checks.flag("benefit_only", benefit_only)
    base = _checks.whole_number("seed", seed, low=0)
    out = np.empty((sizes.size, effects.size))
    for i, size in enumerate(sizes.astype(int)):
        for j, effect in enumerate(effects):
            res = simulate_trials(n_trials, design=design, n=int(size), true_effect_pct=float(effect),
                                  seed=np.random.default_rng([base, i, j]), **kwargs)
            out[i, j] = res.benefit_rate if count_benefit else res.rejection_rate
    if np.ndim(n) == 0 and np.ndim(true_effect_pct) == 0:
        return float(out[0, 0])
    if np.ndim(n) == 0:
        return out[0]
    if np.ndim(true_effect_pct) == 0:
        return out[:, 0]
    return out
