"""The input contract of the course helpers: legday.course, legday.verdicts, legday.setup, legday.tables.

As tests/test_input_contract.py does for the models (issue 16 item 8): a valid call of each
public function and a valid set of fields of each public class a learner can build; a bounded
Hypothesis test replaces one argument (or field) at a time by a bad value and expects a
ValueError that names it, or a finite result.
"""

from __future__ import annotations

import contextlib
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from test_input_contract import BAD_VALUES, _finite, _names, check_contract  # noqa: F401

from legday import course, setup, tables, verdicts

#: A valid call of each public function of these modules: (function, keyword arguments).
VALID_CALLS: list[tuple[Any, dict[str, Any]]] = [
    (course.chapter_time, dict(chapter=3)),
    (verdicts.claim, dict(number=4)),
    (verdicts.detail_values, dict(number=4)),
    (verdicts.verdict_detail, dict(number=2)),
    (verdicts.verdict_line, dict(number=5)),
    (verdicts.glue_verdict, dict(number=1)),
]
CASES = [(fn, name) for fn, kwargs in VALID_CALLS for name in kwargs]

_OK = setup.Check(name="numpy", ok=True, detail="2.1.0")

#: A valid set of fields of each public class a learner can build: (class, keyword arguments).
CLASS_CALLS: list[tuple[Any, dict[str, Any]]] = [
    (course.ChapterTime, dict(read_and_run_min=30, exercises_min=20)),
    (setup.Check, dict(name="numpy", ok=False, detail="not installed: pip install numpy")),
    (setup.SetupReport, dict(checks=(_OK,))),
    (tables.Column, dict(title="Energy", unit="kcal", fmt=".0f")),
    (tables.Table, dict(columns=[tables.Column("Name"), tables.Column("Energy", "kcal", ".0f")],
                        rows=[["squat", 120.0]], caption="Energy of one session", notes="Net of rest.")),
]
CLASS_CASES = [(cls, name) for cls, kwargs in CLASS_CALLS for name in kwargs]


def _quiet(fn: Any) -> Any:
    def call(**kwargs: Any) -> Any:
        with contextlib.redirect_stdout(None):  # glue prints outside the book
            return fn(**kwargs)
    call.__name__ = fn.__name__
    return call


@pytest.mark.parametrize(("fn", "argument"), CASES, ids=[f"{fn.__module__[7:]}.{fn.__name__}-{a}" for fn, a in CASES])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bad=BAD_VALUES)
def test_bad_value_in_one_argument_is_refused_by_name_or_gives_a_finite_result(fn: Any, argument: str, bad: Any) -> None:
    kwargs = dict(next(k for f, k in VALID_CALLS if f is fn))
    kwargs[argument] = bad
    check_contract(_quiet(fn), kwargs, argument)


def _fields(obj: Any) -> Any:
    """The numbers of an object to check for finiteness (a Table by its rows, a report by its checks)."""
    if isinstance(obj, tables.Table):
        return [v for row in obj.rows for v in row if not isinstance(v, str)]
    return obj


def test_every_call_is_valid() -> None:
    for fn, kwargs in VALID_CALLS:
        _quiet(fn)(**kwargs)
    for cls, kwargs in CLASS_CALLS:
        assert isinstance(cls(**kwargs), cls)


@pytest.mark.parametrize(("cls", "field"), CLASS_CASES, ids=[f"{c.__module__[7:]}.{c.__name__}-{f}" for c, f in CLASS_CASES])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bad=BAD_VALUES)
def test_bad_value_in_one_field_is_refused_by_name_or_gives_a_valid_object(cls: Any, field: str, bad: Any) -> None:
    # issue 16 item 8: the dataclasses a learner can build validate themselves (__post_init__)
    kwargs = dict(next(k for c, k in CLASS_CALLS if c is cls))
    kwargs[field] = bad

    def build(**kw: Any) -> Any:
        return _fields(cls(**kw))

    build.__name__ = cls.__name__
    check_contract(build, kwargs, field)


def test_the_class_check_can_fail() -> None:
    # a dataclass that trusts its fields breaks the contract and is caught
    from dataclasses import dataclass

    @dataclass(frozen=True)
    class Trusting:
        minutes: float

    with pytest.raises(AssertionError, match="non-finite"):
        check_contract(Trusting, {"minutes": float("nan")}, "minutes")
    assert _names("read_and_run_min must be >= 1", "read_and_run_min")
