"""legday.mechanics.Lifter: one frozen, self-checking object for the lifter's inputs (issue 16 item 4).

Every pressing function takes ``lifter=`` or the plain keywords ``body_mass_kg``,
``braced_capacity_kg`` and ``stiffness_gain_per_rad`` (not both); both ways must
give identical answers.
"""

from __future__ import annotations

import dataclasses
import math
from typing import Any, Callable

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legday import mechanics as mech
from legday import reference as ref

LOADS = np.linspace(0.0, 45.0, 7)

#: (function, positional arguments, whether it takes the set-up keywords, the lifter fields it takes)
FUNCTIONS: list[tuple[Callable[..., Any], tuple[Any, ...], bool, tuple[str, ...]]] = [
    (mech.base_limited, (), True, ("body_mass_kg",)),
    (mech.balance_margin_m, (LOADS,), True, ("body_mass_kg",)),
    (mech.shoulder_stiffness_needed_nm_per_rad, (LOADS,), True, ("body_mass_kg", "stiffness_gain_per_rad")),
    (mech.shoulder_torque_demand_nm, (LOADS,), True, ("body_mass_kg", "stiffness_gain_per_rad")),
    (mech.shoulder_torque_capacity_nm, (), False, ("braced_capacity_kg", "stiffness_gain_per_rad")),
    (mech.relative_effort, (LOADS,), True, ("braced_capacity_kg", "body_mass_kg", "stiffness_gain_per_rad")),
    (mech.pressable_load_kg, (), True, ("braced_capacity_kg", "body_mass_kg", "stiffness_gain_per_rad")),
    (mech.standing_gap, (), False, ("braced_capacity_kg", "body_mass_kg", "stiffness_gain_per_rad")),
    (mech.calibrate_stiffness_gain, (0.08,), False, ("braced_capacity_kg", "body_mass_kg")),
]
IDS = [fn.__name__ for fn, *_ in FUNCTIONS]

LIFTERS = [
    mech.Lifter(),
    mech.Lifter(body_mass_kg=95.0, braced_capacity_kg=55.0, stiffness_gain_per_rad=12.0),
    mech.Lifter(body_mass_kg=62, braced_capacity_kg=25, stiffness_gain_per_rad=30),
]
#: Set-ups (plain keywords), including arrays that broadcast.
SETUPS: list[dict[str, Any]] = [
    {},
    {"position": "seated"},
    {"base_width_m": np.linspace(0.1, 0.5, 7), "support_torque_nm": 150.0},
    {"base_width_m": np.array([[0.2], [0.3]]), "support_torque_nm": np.array([[120.0], [250.0]])},
]


def assert_lifter_equals_keywords(fn: Callable[..., Any], args: tuple[Any, ...], setup: dict[str, Any],
                                  fields: tuple[str, ...], lifter: mech.Lifter) -> None:
    """``fn(..., lifter=lifter)`` is identical (to the bit, same type) to passing its fields as keywords."""
    with_lifter = fn(*args, **setup, lifter=lifter)
    with_keywords = fn(*args, **setup, **{name: getattr(lifter, name) for name in fields})
    assert type(with_lifter) is type(with_keywords)
    np.testing.assert_array_equal(with_lifter, with_keywords)


# --- equivalence ------------------------------------------------------------


@pytest.mark.parametrize("lifter", LIFTERS, ids=["default", "heavy", "light"])
@pytest.mark.parametrize(("fn", "args", "takes_setup", "fields"), FUNCTIONS, ids=IDS)
def test_lifter_and_plain_keywords_give_identical_results(fn, args, takes_setup, fields, lifter):
    for setup in SETUPS if takes_setup else [{}]:
        assert_lifter_equals_keywords(fn, args, setup, fields, lifter)


@pytest.mark.parametrize(("fn", "args", "takes_setup", "fields"), FUNCTIONS, ids=IDS)
def test_no_lifter_means_the_default_lifter(fn, args, takes_setup, fields):
    np.testing.assert_array_equal(fn(*args), fn(*args, lifter=mech.Lifter()))


def test_arrays_through_plain_keywords_match_one_lifter_at_a_time():
    masses, gains = np.array([60.0, 80.0, 110.0]), np.array([8.0, 10.0, 20.0])
    many = mech.pressable_load_kg(body_mass_kg=masses, stiffness_gain_per_rad=gains, braced_capacity_kg=50.0)
    one_by_one = [mech.pressable_load_kg(lifter=mech.Lifter(body_mass_kg=m, stiffness_gain_per_rad=k,
                                                            braced_capacity_kg=50.0))
                  for m, k in zip(masses, gains)]
    np.testing.assert_array_equal(many, one_by_one)
    effort = mech.relative_effort(30.0, "seated", body_mass_kg=masses)
    np.testing.assert_array_equal(effort, [mech.relative_effort(30.0, "seated", lifter=mech.Lifter(body_mass_kg=m))
                                           for m in masses])


def test_defaults_come_from_the_reference():
    lifter = mech.Lifter()
    assert lifter.body_mass_kg == ref.MECHANICS_BODY_MASS_KG.value == mech.BODY_MASS_KG
    assert lifter.braced_capacity_kg == ref.MECHANICS_BRACED_CAPACITY_KG.value == mech.BRACED_CAPACITY_KG
    assert lifter.stiffness_gain_per_rad == ref.MECHANICS_STIFFNESS_GAIN_PER_RAD.value == mech.STIFFNESS_GAIN_PER_RAD


def test_fields_become_floats():
    lifter = mech.Lifter(body_mass_kg=90, braced_capacity_kg=np.int64(45), stiffness_gain_per_rad=np.float32(11.0))
    assert all(type(getattr(lifter, f.name)) is float for f in dataclasses.fields(lifter))
    assert lifter == mech.Lifter(body_mass_kg=90.0, braced_capacity_kg=45.0, stiffness_gain_per_rad=11.0)


# --- validation, immutability, conflicts --------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"body_mass_kg": 5.0}, r"body_mass_kg must be in the range \[20, 500\] kg; got 5"),
        ({"body_mass_kg": -80}, r"body_mass_kg must be in the range \[20, 500\] kg; got -80"),
        ({"braced_capacity_kg": float("nan")}, "braced_capacity_kg must be finite"),
        ({"braced_capacity_kg": 600.0}, r"braced_capacity_kg must be in the range \[1, 500\] kg; got 600"),
        ({"stiffness_gain_per_rad": 0.0}, r"stiffness_gain_per_rad must be in the range \[0.001, 10000\] 1/rad"),
        ({"stiffness_gain_per_rad": math.inf}, "stiffness_gain_per_rad must be finite"),
        ({"body_mass_kg": [80.0, 90.0]}, r"body_mass_kg must be a single number in a Lifter .* shape \(2,\)"),
        ({"body_mass_kg": "80"}, "body_mass_kg must be a number"),
        ({"body_mass_kg": True}, "body_mass_kg must be a number"),
        ({"braced_capacity_kg": None}, "braced_capacity_kg must be a number"),
    ],
)
def test_bad_field_is_refused_by_name(kwargs, match):
    with pytest.raises(ValueError, match=match):
        mech.Lifter(**kwargs)


def test_replace_checks_too():
    with pytest.raises(ValueError, match="body_mass_kg"):
        dataclasses.replace(mech.Lifter(), body_mass_kg=1e6)


def test_lifter_is_frozen():
    lifter = mech.Lifter()
    with pytest.raises(dataclasses.FrozenInstanceError):
        lifter.body_mass_kg = 90.0  # type: ignore[misc]
    assert lifter.body_mass_kg == mech.BODY_MASS_KG
    assert hash(lifter) == hash(mech.Lifter())


@pytest.mark.parametrize(("fn", "args", "takes_setup", "fields"), FUNCTIONS, ids=IDS)
def test_a_value_given_both_ways_is_refused_by_name(fn, args, takes_setup, fields):
    for name in fields:
        value = getattr(mech.Lifter(), name)  # even the same value: it must be given once
        with pytest.raises(ValueError, match=rf"^{name} given twice, as a keyword and in lifter="):
            fn(*args, lifter=mech.Lifter(), **{name: value})


def test_two_values_given_both_ways_are_both_named():
    with pytest.raises(ValueError, match="body_mass_kg and stiffness_gain_per_rad given twice"):
        mech.pressable_load_kg(lifter=mech.Lifter(), body_mass_kg=90.0, stiffness_gain_per_rad=5.0)


@pytest.mark.parametrize("bad", [{"body_mass_kg": 80.0}, 80.0, "me", (80.0, 40.0, 10.0)])
def test_lifter_must_be_a_lifter(bad):
    with pytest.raises(ValueError, match="lifter must be a mechanics.Lifter"):
        mech.pressable_load_kg(lifter=bad)


def test_functions_of_one_lifter_still_refuse_arrays():
    with pytest.raises(ValueError, match="body_mass_kg must be a single number"):
        mech.standing_gap(body_mass_kg=[80.0, 90.0])
    with pytest.raises(ValueError, match="braced_capacity_kg must be a single number"):
        mech.calibrate_stiffness_gain(braced_capacity_kg=[40.0, 50.0])


def test_calibration_ignores_the_lifters_own_gain():
    a = mech.calibrate_stiffness_gain(0.08, lifter=mech.Lifter(body_mass_kg=90.0, stiffness_gain_per_rad=1.0))
    b = mech.calibrate_stiffness_gain(0.08, lifter=mech.Lifter(body_mass_kg=90.0, stiffness_gain_per_rad=500.0))
    assert a == b
    calibrated = mech.Lifter(body_mass_kg=90.0, stiffness_gain_per_rad=a)
    assert mech.standing_gap(lifter=calibrated) == pytest.approx(0.08, abs=1e-3)


#: Values a learner might give a field by mistake, as in tests/test_input_contract.py.
BAD_VALUES = st.one_of(
    st.sampled_from([math.nan, math.inf, -1.0, 0.0, 5e-324, 1e308, [], [[1.0], [1.0, 2.0]], [80.0], "10", None,
                     True, {"a": 1}]),
    st.floats(allow_nan=True, allow_infinity=True),
)


@settings(max_examples=60, deadline=None)
@given(name=st.sampled_from([f.name for f in dataclasses.fields(mech.Lifter)]), bad=BAD_VALUES)
def test_any_field_value_gives_a_checked_lifter_or_an_error_naming_the_field(name, bad):
    try:
        lifter = mech.Lifter(**{name: bad})
    except ValueError as err:
        assert str(err).startswith(name), err
        return
    value = getattr(lifter, name)
    assert type(value) is float and math.isfinite(value)
    assert math.isfinite(mech.pressable_load_kg(lifter=lifter))


# --- the checker can fail -----------------------------------------------------


def test_the_equivalence_check_catches_a_resolver_that_ignores_the_lifter(monkeypatch):
    # a broken specimen: the one resolver forgets lifter= and falls back to the default lifter
    honest = mech._inputs
    monkeypatch.setattr(mech, "_inputs", lambda lifter, given, geo=None: honest(None, given, geo))
    heavy, setup = LIFTERS[1], SETUPS[2]
    for fn, args, takes_setup, fields in FUNCTIONS:
        with pytest.raises(AssertionError):
            assert_lifter_equals_keywords(fn, args, setup if takes_setup else {}, fields, heavy)
    monkeypatch.undo()
    for fn, args, takes_setup, fields in FUNCTIONS:
        assert_lifter_equals_keywords(fn, args, setup if takes_setup else {}, fields, heavy)
