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

The t distribution is computed here from the regularized incomplete beta
function (a continued fraction), so the module needs only NumPy.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike, NDArray

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
    "regularized_incomplete_beta",
    "t_cdf",
    "t_two_sided_p",
    "t_quantile",
    "expected_normal_range",
    "response_sd_from_range_pp",
    "TrialResults",
    "simulate_trials",
    "power",
]

#: The two study designs.
DESIGNS: tuple[str, ...] = ("between", "within")

#: Mean arm-CSA change of the arm-only condition (%): West 2010's arm-only arm, 15 weeks.
MEAN_RESPONSE_PCT = float(
    next(r.without_legs_pct for r in ref.TRANSFER_RESULTS if r.source == "west2010" and r.without_legs_pct)
)
#: Coefficient of variation of individual responses: Hubal 2005's value for men (West 2010 studied men).
RESPONSE_CV = growth.responsiveness_sd("male")
#: Error of a single CSA measurement (% of the value): course assumption.
MEASUREMENT_ERROR_PCT = 2.0
#: Share of the response variance that belongs to the person, shared by both arms: course assumption.
BETWEEN_PERSON_SHARE = 0.5

_TINY = 1e-300
_EPS = 1e-14


# ---------------------------------------------------------------------------
# The t distribution without SciPy
# ---------------------------------------------------------------------------


def _lgamma(x: FloatArray) -> FloatArray:
    flat = [math.lgamma(float(v)) for v in np.ravel(x)]
    return np.asarray(flat, dtype=float).reshape(np.shape(x))


def _beta_continued_fraction(a: FloatArray, b: FloatArray, x: FloatArray) -> FloatArray:
    """Continued fraction of the incomplete beta function (modified Lentz method)."""
    qab, qap, qam = a + b, a + 1.0, a - 1.0
    c = np.ones_like(x)
    d = 1.0 - qab * x / qap
    d = np.where(np.abs(d) < _TINY, _TINY, d)
    d = 1.0 / d
    h = d.copy()
    for m in range(1, 501):
        m2 = 2.0 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1.0 + aa * d
        d = np.where(np.abs(d) < _TINY, _TINY, d)
        c = 1.0 + aa / c
        c = np.where(np.abs(c) < _TINY, _TINY, c)
        d = 1.0 / d
        h = h * d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1.0 + aa * d
        d = np.where(np.abs(d) < _TINY, _TINY, d)
        c = 1.0 + aa / c
        c = np.where(np.abs(c) < _TINY, _TINY, c)
        d = 1.0 / d
        delta = d * c
        h = h * delta
        if np.all(np.abs(delta - 1.0) < _EPS):
            break
    return h


def regularized_incomplete_beta(x: ArrayLike, a: ArrayLike, b: ArrayLike) -> float | FloatArray:
    """The regularized incomplete beta function :math:`I_x(a, b)`.

    Evaluated with the continued fraction of Numerical Recipes (modified Lentz),
    using :math:`I_x(a,b) = 1 - I_{1-x}(b,a)` where the fraction converges slowly.

    Parameters
    ----------
    x
        Points in [0, 1].
    a, b
        Shape parameters (> 0); arrays broadcast with ``x``.

    Returns
    -------
    float or ndarray
        Values in [0, 1].

    Raises
    ------
    ValueError
        If ``x`` is outside [0, 1] or ``a``/``b`` are not positive.
    """
    xs = _checks.real_array("x", x, low=0, high=1)
    aa = _checks.real_array("a", a, low=0, low_open=True)
    bb = _checks.real_array("b", b, low=0, low_open=True)
    xs, aa, bb = np.broadcast_arrays(xs, aa, bb)
    inner = np.clip(xs, 1e-300, 1 - 1e-16)
    log_front = (_lgamma(aa + bb) - _lgamma(aa) - _lgamma(bb)
                 + aa * np.log(inner) + bb * np.log1p(-inner))
    front = np.exp(log_front)
    direct = xs < (aa + 1.0) / (aa + bb + 2.0)
    # Evaluate each element on the side where the continued fraction converges fast.
    a_use = np.where(direct, aa, bb)
    b_use = np.where(direct, bb, aa)
    x_use = np.where(direct, inner, 1.0 - inner)
    frac = _beta_continued_fraction(a_use, b_use, x_use)
    value = np.where(direct, front * frac / aa, 1.0 - front * frac / bb)
    value = np.where(xs <= 0.0, 0.0, np.where(xs >= 1.0, 1.0, value))
    return _checks.scalar_or_array(np.clip(value, 0.0, 1.0))


def _df(df: ArrayLike) -> FloatArray:
    return _checks.real_array("df", df, low=0, low_open=True)


def t_two_sided_p(t: ArrayLike, df: ArrayLike) -> float | FloatArray:
    """Two-sided p-value of a t statistic: :math:`P(|T| \\ge |t|)` with ``df`` degrees of freedom.

    Uses :math:`P(|T| \\ge |t|) = I_{df/(df+t^2)}(df/2, 1/2)`.

    Parameters
    ----------
    t
        t statistics (finite).
    df
        Degrees of freedom (> 0).

    Returns
    -------
    float or ndarray
        p-values in [0, 1].

    Raises
    ------
    ValueError
        If ``t`` is not finite or ``df`` is not positive.
    """
    tt = _checks.real_array("t", t)
    nu = _df(df)
    return regularized_incomplete_beta(nu / (nu + tt**2), nu / 2.0, 0.5)


def t_cdf(t: ArrayLike, df: ArrayLike) -> float | FloatArray:
    """Cumulative distribution function of Student's t with ``df`` degrees of freedom.

    Parameters
    ----------
    t
        Points (finite).
    df
        Degrees of freedom (> 0).

    Returns
    -------
    float or ndarray
        :math:`P(T \\le t)`.

    Raises
    ------
    ValueError
        If ``t`` is not finite or ``df`` is not positive.
    """
    tt = _checks.real_array("t", t)
    tail = 0.5 * np.asarray(t_two_sided_p(tt, df))
    return _checks.scalar_or_array(np.where(tt >= 0, 1.0 - tail, tail))


def t_quantile(q: ArrayLike, df: ArrayLike) -> float | FloatArray:
    """Quantile (inverse CDF) of Student's t, by bisection on :func:`t_cdf`.

    Parameters
    ----------
    q
        Probabilities in (0, 1).
    df
        Degrees of freedom (> 0).

    Returns
    -------
    float or ndarray
        ``t`` with ``t_cdf(t, df) == q`` (to about 1e-10).

    Raises
    ------
    ValueError
        If ``q`` is outside (0, 1) or ``df`` is not positive.
    """
    qq = _checks.real_array("q", q, low=0, high=1, low_open=True, high_open=True)
    nu = _df(df)
    qq, nu = np.broadcast_arrays(qq, nu)
    upper = np.maximum(qq, 1.0 - qq)  # solve on the upper half, then mirror
    low = np.zeros(qq.shape)
    high = np.full(qq.shape, 1.0)
    while True:  # grow the bracket until it holds the quantile
        short = np.asarray(t_cdf(high, nu)) < upper
        if not np.any(short) or np.all(high > 1e12):
            break
        high = np.where(short, high * 4.0, high)
    for _ in range(100):
        mid = 0.5 * (low + high)
        below = np.asarray(t_cdf(mid, nu)) < upper
        low = np.where(below, mid, low)
        high = np.where(below, high, mid)
        if np.all(high - low < 1e-12 * np.maximum(1.0, high)):
            break
    root = 0.5 * (low + high)
    return _checks.scalar_or_array(np.where(qq >= 0.5, root, -root))


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
    phi = np.exp(-0.5 * x**2) / math.sqrt(2 * math.pi)
    big_phi = 0.5 * (1.0 + np.asarray([math.erf(v / math.sqrt(2)) for v in x]))
    density = size * phi * big_phi ** (size - 1)
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

    Source: hubal2005 (range and n); the normal reading is the course's assumption.
    """
    lo = _checks.real_number("low_pct", low_pct)
    hi = _checks.real_number("high_pct", high_pct)
    if hi <= lo:
        raise ValueError(f"high_pct must be > low_pct; got low_pct={lo:g}, high_pct={hi:g}")
    return (hi - lo) / expected_normal_range(n)


#: Individual spread of arm growth (percentage points) at the default mean response: Hubal's CV x mean.
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
        """Average estimated effect among studies reporting a significant benefit (nan-free: 0 if none)."""
        chosen = self.significant & (self.estimated_effect_pct > 0)
        return float(np.mean(self.estimated_effect_pct[chosen])) if np.any(chosen) else 0.0


def _common(
    n_trials: Any, design: Any, n: Any, alpha: Any
) -> tuple[int, str, int, float]:
    trials = _checks.whole_number("n_trials", n_trials, low=1, high=10**6)
    kind = _checks.choice("design", design, DESIGNS)
    size = _checks.whole_number("n", n, low=2, high=10**4)
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
    (df = 2n - 2). All studies are drawn at once (vectorised).

    Parameters
    ----------
    n_trials
        Number of simulated studies (1 to 1,000,000).
    design
        ``"within"`` or ``"between"``.
    n
        People per group (between) or in the study (within), >= 2.
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
    if sd == 0 and err == 0:
        raise ValueError("response_sd_pct and measurement_error_pct cannot both be 0: the t-test needs some spread")
    gen = _checks.rng(seed)
    change_err = math.sqrt(2.0) * err
    inflate = 1.0 / (1.0 - imbalance)

    if kind == "within":
        person = gen.normal(0.0, sd * math.sqrt(share), size=(trials, size))
        arm_only = gen.normal(0.0, sd * math.sqrt(1.0 - share), size=(trials, size))
        arm_legs = gen.normal(0.0, sd * math.sqrt(1.0 - share), size=(trials, size))
        noise = gen.normal(0.0, change_err, size=(2, trials, size))
        without = mean + person + arm_only + noise[0]
        with_legs = (mean + person + arm_legs) * inflate + effect + noise[1]
        diff = with_legs - without
        estimate = diff.mean(axis=1)
        se = diff.std(axis=1, ddof=1) / math.sqrt(size)
        df = size - 1
    else:
        draws = gen.normal(0.0, sd, size=(2, trials, size))
        noise = gen.normal(0.0, change_err, size=(2, trials, size))
        without = mean + draws[0] + noise[0]
        with_legs = (mean + draws[1]) * inflate + effect + noise[1]
        estimate = with_legs.mean(axis=1) - without.mean(axis=1)
        pooled = 0.5 * (without.var(axis=1, ddof=1) + with_legs.var(axis=1, ddof=1))
        se = np.sqrt(pooled * 2.0 / size)
        df = 2 * size - 2
    t = estimate / se
    p = np.asarray(t_two_sided_p(t, df), dtype=float)
    return TrialResults(kind, size, df, level, estimate, t, p)


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
    sizes = np.atleast_1d(_checks.real_array("n", n, low=2, high=10**4))
    effects = np.atleast_1d(_checks.real_array("true_effect_pct", true_effect_pct, low=-100, high=100))
    if sizes.ndim != 1 or effects.ndim != 1:
        raise ValueError("n and true_effect_pct must be numbers or 1-D arrays")
    if np.any(sizes != np.round(sizes)):
        raise ValueError(f"n must be whole numbers; got {sizes.tolist()}")
    base = _checks.whole_number("seed", seed, low=0)
    out = np.empty((sizes.size, effects.size))
    for i, size in enumerate(sizes.astype(int)):
        for j, effect in enumerate(effects):
            res = simulate_trials(n_trials, design=design, n=int(size), true_effect_pct=float(effect),
                                  seed=np.random.default_rng([base, i, j]), **kwargs)
            out[i, j] = res.benefit_rate if benefit_only else res.rejection_rate
    if np.ndim(n) == 0 and np.ndim(true_effect_pct) == 0:
        return float(out[0, 0])
    if np.ndim(n) == 0:
        return out[0]
    if np.ndim(true_effect_pct) == 0:
        return out[:, 0]
    return out
