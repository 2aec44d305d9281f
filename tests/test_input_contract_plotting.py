"""The input contract of :mod:`legday.plotting` (issue 16 item 8).

Bad input to a plotting helper gets a ValueError that names the argument and says what is
allowed; never a hang, an error from inside Matplotlib or Python (TypeError, AttributeError)
or a figure of impossible size. Part 1 re-runs one reproducer per root cause of the December
2026 fuzz report (/work/shared/research/fuzz-2026-12.md, numbered as there) that falls in
``plotting``; part 2 is a bounded fuzz test (Hypothesis) over its public functions, in the
style of ``tests/test_input_contract.py``, with a broken specimen that shows it can fail.
"""

from __future__ import annotations

import math
import time
from typing import Any

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from legday import plotting  # noqa: E402

from test_input_contract import _names, assert_refused  # noqa: E402  (shared contract helpers)



@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _fig() -> Any:
    return plotting.figure()[0]


def _ax() -> Any:
    return plotting.figure()[1]


# --- 1. one reproducer per root cause ----------------------------------------------------------

#: (root cause number in the fuzz report, the call, the argument its message must name)
REPRODUCERS: list[tuple[str, Any, str]] = [
    ("8 flag not validated", lambda: plotting.finish(fig=_fig(), axes=None, legend=math.nan), "legend"),
    ("8 flag not validated", lambda: plotting.finish(_fig(), legend="no"), "legend"),
    ("8 flag not validated", lambda: plotting.finish(_fig(), legend=1), "legend"),
    ("8 flag not validated", lambda: plotting.finish(_fig(), legend=None), "legend"),
    ("11 label not a string", lambda: plotting.label(_ax(), x=3, y="y", x_unit="s", y_unit="m"), "x"),
    ("11 empty unit", lambda: plotting.label(_ax(), x="x", y="y", x_unit="", y_unit="m"), "x_unit"),
    ("11 unit not a string", lambda: plotting.label(_ax(), x="x", y="y", x_unit="s", y_unit=math.nan), "y_unit"),
    ("11 empty title", lambda: plotting.label(_ax(), x="x", y="y", x_unit="s", y_unit="m", title=""), "title"),
    ("11 title not a string", lambda: plotting.label(_ax(), x="x", y="y", x_unit="s", y_unit="m", title=1), "title"),
    ("14 fig is None", lambda: plotting.finish(fig=None, axes=None, legend=True), "fig"),
    ("14 ax is None", lambda: plotting.label(None, x="x", y="y", x_unit=None, y_unit=None), "ax"),
    ("14 axes not axes", lambda: plotting.finish(_fig(), axes=["not an axes"]), "axes"),
    ("17 list width", lambda: plotting.figure(nrows=1, ncols=1, width=[[7.0]], height=None), "width"),
    ("17 list height", lambda: plotting.figure(height=[4.0, 5.0]), "height"),
    ("26 NaN width", lambda: plotting.figure(nrows=1, ncols=1, width=float("nan"), height=None), "width"),
    ("26 inf height", lambda: plotting.figure(height=math.inf), "height"),
    ("35 hang on 2,000 rows", lambda: plotting.figure(nrows=2000), "nrows"),
    ("35 hang on 2,000 columns", lambda: plotting.figure(ncols=2000), "ncols"),
    ("35 a row of panels too tall as a column", lambda: plotting.figure(1, 16, height=10.0), "height"),
    ("39 boolean width", lambda: plotting.figure(nrows=1, ncols=1, width=True, height=None), "width"),
    ("57 1e308-inch figure", lambda: plotting.figure(width=1e308), "width"),
    ("colour of a list", lambda: plotting.color(["legs"]), "role"),
]


@pytest.mark.parametrize(("cause", "call", "argument"), REPRODUCERS, ids=[f"{r[0]}-{r[2]}" for r in REPRODUCERS])
def test_fuzz_reproducer_gets_a_value_error_naming_the_argument(cause: str, call: Any, argument: str) -> None:
    assert_refused(call, argument, cause)


def test_size_bounds_carry_their_reason() -> None:
    with pytest.raises(ValueError, match=r"width must be in the range \(0, 100\] inches \(a page is 7 inches wide"):
        plotting.figure(width=1e308)
    with pytest.raises(ValueError, match=r"nrows x ncols must be at most 16 \(more panels are unreadable"):
        plotting.figure(nrows=2000)


def test_numpy_integers_and_floats_are_accepted() -> None:
    # root cause 32: NumPy numbers are numbers
    assert plotting.colors(np.int64(3)) == plotting.colors(3)
    fig, axes = plotting.figure(np.int64(2), np.int32(1), width=np.float32(7.0), height=np.float64(5.0))
    assert axes.shape == (2,) and tuple(fig.get_size_inches()) == (7.0, 5.0)
    assert plotting.finish(fig, axes, legend=np.True_) is fig


def test_the_largest_grid_allowed_is_drawn_quickly() -> None:
    start = time.perf_counter()
    fig, axes = plotting.figure(4, 4)
    fig.canvas.draw()
    assert axes.size == plotting.MAX_PANELS and time.perf_counter() - start < 30  # generous: 2 shared cores


# --- 2. bounded fuzz over the public functions ---------------------------------------------------

#: One valid call per public function; each argument is replaced by a bad value in turn.
VALID_CALLS: list[tuple[Any, dict[str, Any]]] = [
    (plotting.color, dict(role="legs")),
    (plotting.colors, dict(n=3)),
    (plotting.style_sheet, dict(name="legday")),
    (plotting.figure, dict(nrows=1, ncols=1, width=7.0, height=4.2)),
    (plotting.label, dict(ax=None, x="Body mass", y="Energy", x_unit="kg", y_unit="kcal", title="t")),
    (plotting.finish, dict(fig=None, axes=None, legend=True)),
    (plotting.use_style, {"*layers": "projector"}),  # "*layers": one positional layer (the functions take *layers)
    (plotting.style, {"*layers": "projector"}),
]
#: Arguments that need a live figure or axes (made fresh for each example).
LIVE = {"ax": _ax, "fig": _fig}
CASES = [(fn, name) for fn, kwargs in VALID_CALLS for name in kwargs]

#: Values a learner might pass by mistake: non-finite, huge, tiny, negative, empty, ragged, wrong types.
BAD_VALUES = st.one_of(
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -1e308, 5e-324, -1.0, 0.0, 1e6, 10**9, 2000,
                     [], [[]], [[1.0], [1.0, 2.0]], [1.0, 2.0, 3.0], "", "10", "no", None, True, 1, {"a": 1},
                     np.int64(3), np.float64(np.nan)]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.integers(-10, 40),
    st.text(max_size=5),
)


def check_contract(fn: Any, kwargs: dict[str, Any], argument: str) -> None:
    """The contract for one call: a ValueError naming ``argument``, or a result, within seconds."""
    kwargs = {k: (LIVE[k]() if k in LIVE and v is None and k != argument else v) for k, v in kwargs.items()}
    bad = kwargs[argument]
    args = (kwargs.pop("*layers"),) if "*layers" in kwargs else ()
    argument = argument.lstrip("*")
    start = time.perf_counter()
    try:
        with matplotlib.rc_context():  # use_style changes the global settings: restored after each call
            result = fn(*args, **kwargs)
            if hasattr(result, "__enter__"):  # a context manager (style) is entered as a learner would
                with result:
                    pass
    except ValueError as err:
        assert _names(str(err), argument), f"{fn.__name__}({argument}={bad!r}): message does not name it: {err}"
    finally:
        plt.close("all")
    assert time.perf_counter() - start < 20, f"{fn.__name__}({argument}={bad!r}) took more than 20 s"


@pytest.mark.parametrize(("fn", "argument"), CASES, ids=[f"{fn.__name__}-{a}" for fn, a in CASES])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                 HealthCheck.function_scoped_fixture])
@given(bad=BAD_VALUES)
def test_bad_value_in_one_argument_is_refused_by_name_or_accepted(fn: Any, argument: str, bad: Any) -> None:
    kwargs = dict(next(k for f, k in VALID_CALLS if f is fn))
    kwargs[argument] = bad
    check_contract(fn, kwargs, argument)


def test_the_fuzz_test_can_fail() -> None:
    # unchecked specimens, as plotting was before the contract, break it and are caught
    def unchecked_finish(fig: Any, axes: Any = None, *, legend: bool = True) -> Any:
        if legend:
            for ax in fig.axes:  # AttributeError on None
                ax.legend()
        return fig

    def unnamed_error(width: Any) -> None:
        raise ValueError("must be > 0")

    def matplotlib_error(width: Any) -> Any:
        return plt.figure(figsize=(width, 4.0))  # Matplotlib's own error for a NaN size

    with pytest.raises(AttributeError):
        check_contract(unchecked_finish, {"fig": None, "legend": True}, "fig")
    with pytest.raises(AssertionError, match="does not name it"):
        check_contract(unnamed_error, {"width": -1.0}, "width")
    with pytest.raises(AssertionError, match="does not name it"):
        check_contract(matplotlib_error, {"width": math.nan}, "width")
