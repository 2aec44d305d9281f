"""Tests of legday.volume: the catalogue, set counting, tonnage and the dose-response curves."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legday import reference as ref
from legday import volume

REQUIRED_EXERCISES = (
    "squat", "front squat", "deadlift", "romanian deadlift", "leg press", "lunge", "hip thrust",
    "leg extension", "leg curl", "calf raise", "bench press", "incline press", "overhead press",
    "push-up", "dip", "row", "pull-up", "lat pulldown", "biceps curl", "triceps extension", "lateral raise",
)
REQUIRED_MUSCLES = ("quadriceps", "hamstrings", "glutes", "calves", "chest", "back", "shoulders", "biceps", "triceps")

volumes = st.floats(min_value=0.0, max_value=60.0, allow_nan=False)


# --- catalogue -------------------------------------------------------------------


def test_catalogue_covers_the_required_exercises_and_muscles() -> None:
    assert set(REQUIRED_EXERCISES) <= set(volume.EXERCISES)
    assert set(REQUIRED_MUSCLES) <= set(volume.MUSCLES)


def test_regions_partition_the_muscles() -> None:
    assert set(volume.LOWER_BODY) | set(volume.UPPER_BODY) == set(volume.MUSCLES)
    assert not set(volume.LOWER_BODY) & set(volume.UPPER_BODY)
    assert volume.REGIONS["lower body"] == volume.LOWER_BODY
    assert volume.region_of("Quadriceps ") == "lower body"
    assert volume.region_of("biceps") == "upper body"


@pytest.mark.parametrize("name", sorted(volume.EXERCISES))
def test_every_exercise_is_consistent(name: str) -> None:
    ex = volume.EXERCISES[name]
    assert ex.name == name
    assert ex.direct, f"{name} trains nothing directly"
    assert set(ex.direct) <= set(volume.MUSCLES) and set(ex.indirect) <= set(volume.MUSCLES)
    assert not set(ex.direct) & set(ex.indirect)
    assert ex.region in volume.REGIONS
    # The prime movers sit in the exercise's region.
    assert all(volume.region_of(m) == ex.region for m in ex.direct)
    assert isinstance(ex.multi_joint, bool)


def test_multi_joint_tags() -> None:
    assert volume.exercise("squat").multi_joint
    assert volume.exercise("bench press").multi_joint
    assert not volume.exercise("leg extension").multi_joint
    assert not volume.exercise("biceps curl").multi_joint


def test_unknown_exercise_lists_the_allowed_names() -> None:
    with pytest.raises(ValueError, match=r"name must be one of .*'squat'.*got 'sqaut'"):  # the argument's name
        volume.exercise("sqaut")


def test_unknown_muscle_is_rejected() -> None:
    with pytest.raises(ValueError, match=r"muscle must be one of .*'quadriceps'"):
        volume.region_of("forearms")


# --- counting sets ---------------------------------------------------------------


def test_fractional_sets_of_a_bench_press_by_hand() -> None:
    sets = volume.fractional_sets("bench press", 4)
    assert sets["chest"] == 4.0
    assert sets["triceps"] == 2.0 and sets["shoulders"] == 2.0
    assert sets["quadriceps"] == 0.0
    assert list(sets) == list(volume.MUSCLES)


def test_weekly_sets_hand_worked_example() -> None:
    week = [("squat", 4), ("romanian deadlift", 3), ("bench press", 4), ("row", 4), ("squat", 1)]
    sets = volume.weekly_sets(week)
    # squat 5 sets: quads 5, glutes 5, hamstrings 2.5; RDL 3: hamstrings 3, glutes 3, back 1.5
    assert sets["quadriceps"] == pytest.approx(5.0)
    assert sets["glutes"] == pytest.approx(8.0)
    assert sets["hamstrings"] == pytest.approx(5.5)
    assert sets["back"] == pytest.approx(4.0 + 1.5)
    assert sets["shoulders"] == pytest.approx(2.0 + 2.0)
    assert sets["biceps"] == pytest.approx(2.0)
    assert sets["calves"] == 0.0
    assert set(sets) == set(volume.MUSCLES)


def test_weekly_sets_accepts_a_mapping_of_days() -> None:
    flat = volume.weekly_sets([("squat", 4), ("bench press", 3), ("leg curl", 2)])
    by_day = volume.weekly_sets({"Mon": [("squat", 4), ("leg curl", 2)], "Thu": [("bench press", 3)]})
    assert flat == by_day


def test_weekly_sets_of_nothing_is_zero_everywhere() -> None:
    assert volume.weekly_sets([]) == {m: 0.0 for m in volume.MUSCLES}


def test_indirect_weight_is_pellands_half() -> None:
    assert float(ref.INDIRECT_SET_WEIGHT) == 0.5
    assert ref.INDIRECT_SET_WEIGHT.source == "pelland2026"


@pytest.mark.parametrize(
    "bad, match",
    [
        ([("squat", -1)], r"sets must be in the range \[0, 100\] sets/week"),
        ([("squat", 10_000)], r"sets must be in the range \[0, 100\] sets/week \(a plausibility bound"),
        ([("squat", float("nan"))], r"sets must be finite"),
        ([("squat", "four")], r"sets must be a number"),
        ([("curl", 3)], r"exercise must be one of"),
        ([("squat",)], r"\(exercise, sets\) pair"),
        ("squat", r"sessions must be an iterable"),
        (42, r"sessions must be an iterable"),
    ],
)
def test_weekly_sets_rejects_bad_input(bad: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        volume.weekly_sets(bad)  # type: ignore[arg-type]


@settings(max_examples=50, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(sorted(volume.EXERCISES)), st.floats(min_value=0, max_value=20, allow_nan=False)),
        max_size=8,
    )
)
def test_weekly_sets_is_additive_and_bounded(week: list[tuple[str, float]]) -> None:
    total = volume.weekly_sets(week)
    parts = [volume.weekly_sets([pair]) for pair in week]
    raw = sum(s for _, s in week)
    for m in volume.MUSCLES:
        assert total[m] == pytest.approx(sum(p[m] for p in parts), abs=1e-9)
        assert 0.0 <= total[m] <= raw + 1e-9


def test_sets_vector_round_trip() -> None:
    sets = volume.weekly_sets([("squat", 4), ("dip", 3)])
    vec = volume.sets_vector(sets)
    assert vec.shape == (len(volume.MUSCLES),)
    assert volume.sets_dict(vec) == sets
    assert volume.sets_vector({"chest": 2})[volume.MUSCLES.index("chest")] == 2.0
    with pytest.raises(ValueError, match="muscle in weekly must be one of"):
        volume.sets_vector({"abs": 3})
    with pytest.raises(ValueError, match="9 entries"):
        volume.sets_dict([1.0, 2.0])


# --- tonnage ---------------------------------------------------------------------


def test_tonnage_by_hand_and_with_arrays() -> None:
    assert volume.tonnage_kg(4, 8, 100) == 3200.0
    out = volume.tonnage_kg([3, 4], 10, [60.0, 80.0])
    np.testing.assert_allclose(out, [1800.0, 3200.0])
    with pytest.raises(ValueError, match=r"load_kg must be in the range \[0, 1000\] kg"):
        volume.tonnage_kg(3, 10, -5)
    with pytest.raises(ValueError, match=r"sets and reps must have the same length .*sets \(3,\), reps \(2,\)"):
        volume.tonnage_kg([1, 2, 3], [1, 2], 10)


# --- dose-response ---------------------------------------------------------------


def test_sqrt_coefficient_is_derived_from_the_marginal_slope() -> None:
    a = float(ref.SQRT_COEFFICIENT_PERCENT)
    assert a == pytest.approx(1.68)
    assert ref.SQRT_COEFFICIENT_PERCENT.confidence == "derived"
    # slope of a*sqrt(V) at V = 12.25 is a / (2 sqrt(V)) = 0.24 %/set
    v, h = 12.25, 1e-6
    slope = (volume.sqrt_gain_percent(v + h) - volume.sqrt_gain_percent(v - h)) / (2 * h)
    assert slope == pytest.approx(0.24, rel=1e-6)


@pytest.mark.parametrize("sets, expected", [(4, 3.36), (10, 5.31), (12, 5.82), (20, 7.51), (30, 9.20)])
def test_sqrt_curve_hand_values(sets: float, expected: float) -> None:
    assert volume.hypertrophy_percent(sets) == pytest.approx(expected, abs=0.01)


def test_linear_and_saturating_hand_values() -> None:
    assert volume.hypertrophy_percent(10, model="linear") == pytest.approx(3.7)
    assert volume.hypertrophy_percent(10, model="saturating") == pytest.approx(6.0)
    top = volume.MAX_WEEKLY_SETS  # the plateau is approached within the plausible range
    assert volume.saturating_gain_percent(top) == pytest.approx(12.0 * top / (top + 10.0))
    assert ref.SATURATING_GMAX_PERCENT.confidence == "assumption"


@pytest.mark.parametrize("model", volume.DOSE_RESPONSE_MODELS)
def test_zero_sets_give_zero_growth(model: str) -> None:
    assert volume.hypertrophy_percent(0, model=model) == 0.0


@settings(max_examples=50, deadline=None)
@given(volumes, volumes, st.sampled_from(volume.DOSE_RESPONSE_MODELS))
def test_dose_response_is_monotonic(v1: float, v2: float, model: str) -> None:
    lo, hi = sorted((v1, v2))
    assert volume.hypertrophy_percent(lo, model=model) <= volume.hypertrophy_percent(hi, model=model)


@settings(max_examples=50, deadline=None)
@given(st.floats(min_value=0.01, max_value=40, allow_nan=False))
def test_sqrt_curve_has_diminishing_returns(v: float) -> None:
    gain_1 = volume.hypertrophy_percent(v + 1) - volume.hypertrophy_percent(v)
    gain_2 = volume.hypertrophy_percent(v + 2) - volume.hypertrophy_percent(v + 1)
    assert gain_2 < gain_1


def test_hypertrophy_percent_keeps_the_input_kind() -> None:
    assert isinstance(volume.hypertrophy_percent(9), float)
    grid = np.array([[0.0, 4.0], [9.0, 16.0]])
    out = volume.hypertrophy_percent(grid)
    assert isinstance(out, np.ndarray) and out.shape == (2, 2)
    np.testing.assert_allclose(out, 1.68 * np.sqrt(grid))
    sets = volume.weekly_sets([("squat", 4)])
    gains = volume.hypertrophy_percent(sets)
    assert isinstance(gains, dict) and list(gains) == list(sets)
    assert gains["quadriceps"] == pytest.approx(1.68 * 2)
    assert gains["chest"] == 0.0


@pytest.mark.parametrize(
    "bad, match",
    [
        (-1, r"weekly_sets must be in the range \[0, 100\]"),
        (float("nan"), r"weekly_sets must be finite"),
        ([1.0, -2.0], r"weekly_sets must be in the range \[0, 100\] sets/week .*; got -2"),
        ("ten", r"must be a number"),
        ({"abs": 3}, r"muscle in weekly_sets must be one of .*'biceps'"),
        ({"chest": -3}, r"weekly_sets\['chest'\] must be in the range \[0, 100\]"),
        ({"chest": math.inf}, r"must be finite"),
    ],
)
def test_hypertrophy_percent_rejects_bad_input(bad: object, match: str) -> None:
    with pytest.raises(ValueError, match=match):
        volume.hypertrophy_percent(bad)  # type: ignore[arg-type]


def test_unknown_model_lists_the_models() -> None:
    with pytest.raises(ValueError, match=r"model must be one of 'linear', 'saturating', 'sqrt'; got 'log'"):
        volume.hypertrophy_percent(10, model="log")


def test_landmarks_are_labelled_heuristics() -> None:
    assert all(v.confidence == "assumption" and "heuristic" in v.note
               for v in ref.VOLUME_LANDMARKS_QUADS_SETS.values())
