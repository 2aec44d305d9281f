"""Tests for legday.mechanics: the stable-base pressing model."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from legday import mechanics as mech
from legday import reference as ref

G = mech.GRAVITY_M_PER_S2


# --- calibration --------------------------------------------------------------


def test_calibrated_gap_matches_saeterbakken2013():
    # standing dumbbell press about 10 % below seated (saeterbakken2013)
    assert mech.standing_gap() == pytest.approx(float(ref.STANDING_VS_SEATED_DUMBBELL_GAP), abs=0.002)


def test_calibration_recovers_the_stored_gain():
    assert mech.calibrate_stiffness_gain() == pytest.approx(mech.STIFFNESS_GAIN_PER_RAD, rel=1e-3)
    assert ref.MECHANICS_STIFFNESS_GAIN_PER_RAD.confidence == "assumption"


@pytest.mark.parametrize("target", [0.05, 0.2])
def test_calibration_hits_other_targets(target):
    gain = mech.calibrate_stiffness_gain(target)
    assert mech.standing_gap(gain) == pytest.approx(target, abs=1e-3)


def test_gap_shrinks_as_joints_get_stiffer():
    gaps = mech.standing_gap(np.array([10.0, 11.0, 15.0, 50.0]))
    assert np.all(np.diff(gaps) < 0)
    assert gaps[-1] < 0.001  # stiff joints: both positions behave like a rigid support


# --- hand-worked building blocks -------------------------------------------


def test_support_torque_limit_by_hand():
    # 100 kg on a 0.2 m base: the ground can give at most 100 * 9.81 * 0.1 = 98.1 N m
    assert mech.support_torque_limit_nm(total_mass_kg=100, base_width_m=0.2, support_torque_nm=500) == pytest.approx(98.1)
    assert mech.support_torque_limit_nm(total_mass_kg=100, base_width_m=0.2, support_torque_nm=50) == pytest.approx(50.0)
    out = mech.support_torque_limit_nm(total_mass_kg=100, base_width_m=np.array([0.1, 0.2, 0.4]), support_torque_nm=60)
    np.testing.assert_allclose(out, [49.05, 60.0, 60.0])


def test_gravity_stiffness_by_hand():
    assert mech.gravity_stiffness_nm_per_rad(body_mass_above_kg=80, com_height_m=1.0, load_kg=40, load_height_m=1.7) == pytest.approx(G * (80 + 68))
    assert mech.gravity_stiffness_nm_per_rad(body_mass_above_kg=80, com_height_m=1.0, load_kg=0, load_height_m=1.7) == pytest.approx(G * 80)


def test_shoulder_stiffness_on_a_rigid_support_is_the_load_alone():
    # a huge gain makes the support effectively rigid: K -> g m l
    k = mech.shoulder_stiffness_needed_nm_per_rad(30, "seated", stiffness_gain_per_rad=1e4)
    assert k == pytest.approx(G * 30 * mech.LOAD_ABOVE_SHOULDER_M, rel=1e-3)


def test_shoulder_stiffness_infinite_when_the_support_topples():
    assert mech.shoulder_stiffness_needed_nm_per_rad(40, "standing", base_width_m=0.05) == np.inf


def test_capacity_by_hand():
    gain = 10.0
    expected = 40 * G * (mech.LOAD_LEVER_M + mech.LOAD_ABOVE_SHOULDER_M / gain)
    assert mech.shoulder_torque_capacity_nm(40, gain) == pytest.approx(expected)


def test_pressable_load_solves_demand_equals_capacity():
    load = mech.pressable_load_kg("standing")
    demand = mech.shoulder_torque_demand_nm(load, "standing")
    assert demand == pytest.approx(mech.shoulder_torque_capacity_nm(), rel=1e-6)
    assert mech.relative_effort(load, "standing") == pytest.approx(1.0, rel=1e-6)


def test_rigid_support_presses_the_braced_capacity():
    assert mech.pressable_load_kg("seated", stiffness_gain_per_rad=1e4) == pytest.approx(40.0, rel=1e-3)


def test_balance_margin_by_hand():
    # standing, 80 kg body, 20 kg load 0.05 m off line, 0.26 m base, strong legs:
    # reach = 0.13 m, shift = 20 * 0.05 / 100 = 0.01 m
    assert mech.balance_margin_m(20, base_width_m=0.26, support_torque_nm=1000) == pytest.approx(0.12)
    # weak support: reach = 100 / (100 * 9.81)
    assert mech.balance_margin_m(20, support_torque_nm=100) == pytest.approx(100 / (100 * G) - 0.01)


# --- less stability -> less load or less margin ------------------------------


def test_standing_presses_less_than_seated():
    assert mech.pressable_load_kg("standing") < mech.pressable_load_kg("seated")


def test_same_load_is_harder_when_less_stable():
    # Muyor 2019 / Saeterbakken 2013 direction: higher effort at a fixed load
    assert mech.relative_effort(30, "standing") > mech.relative_effort(30, "seated")


def test_pressable_load_non_decreasing_in_base_width():
    widths = np.linspace(0.05, 0.8, 60)
    loads = mech.pressable_load_kg(base_width_m=widths)
    assert np.all(np.diff(loads) >= -1e-9)
    assert loads[0] == 0.0 and loads[-1] > 35.0


def test_pressable_load_non_decreasing_in_support_torque():
    torques = np.linspace(20, 400, 60)
    for position in mech.POSITIONS:
        loads = mech.pressable_load_kg(position, support_torque_nm=torques)
        assert np.all(np.diff(loads) >= -1e-9)
        assert loads[0] < loads[-1]


def test_stronger_legs_add_nothing_once_the_base_limits():
    assert mech.base_limited("standing")
    base = mech.pressable_load_kg("standing")
    stronger = mech.pressable_load_kg("standing", support_torque_nm=400.0)
    assert stronger == pytest.approx(base)
    assert not mech.base_limited("standing", support_torque_nm=100.0)


def test_balance_margin_shrinks_with_narrower_base_weaker_support_and_heavier_load():
    assert np.all(np.diff(mech.balance_margin_m(30, base_width_m=np.linspace(0.1, 0.5, 20))) >= 0)
    assert np.all(np.diff(mech.balance_margin_m(30, support_torque_nm=np.linspace(20, 300, 20))) >= 0)
    assert np.all(np.diff(mech.balance_margin_m(np.linspace(0, 80, 20))) < 0)


@settings(max_examples=50, deadline=None)
@given(
    width=st.floats(0.05, 0.8),
    torque=st.floats(20.0, 400.0),
    body=st.floats(50.0, 130.0),
    braced=st.floats(5.0, 80.0),
    shrink=st.floats(0.5, 0.99),
)
def test_property_less_stability_never_helps(width, torque, body, braced, shrink):
    kw = {"body_mass_kg": body, "braced_capacity_kg": braced}
    load = mech.pressable_load_kg(base_width_m=width, support_torque_nm=torque, **kw)
    assert 0.0 <= load <= braced
    assert mech.pressable_load_kg(base_width_m=width * shrink, support_torque_nm=torque, **kw) <= load + 1e-9
    assert mech.pressable_load_kg(base_width_m=width, support_torque_nm=torque * shrink, **kw) <= load + 1e-9


def test_array_inputs_broadcast():
    out = mech.pressable_load_kg(base_width_m=np.array([[0.2], [0.3]]), support_torque_nm=np.array([150.0, 250.0]))
    assert out.shape == (2, 2)
    assert isinstance(mech.pressable_load_kg(), float)


# --- bad input ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"base_width_m": 0.0}, r"base_width_m must be in the range \(0, 3\] m; got 0"),
        ({"base_width_m": -0.1}, "base_width_m"),
        ({"support_torque_nm": 0}, r"support_torque_nm must be in the range \[1, 5000\] N m"),
        ({"body_mass_kg": -80}, "body_mass_kg"),
        ({"braced_capacity_kg": float("nan")}, "braced_capacity_kg must be finite"),
        ({"stiffness_gain_per_rad": 0}, "stiffness_gain_per_rad"),
        ({"position": "kneeling"}, r"position must be one of 'seated', 'standing'; got 'kneeling'"),
    ],
)
def test_bad_input_rejected(kwargs, match):
    with pytest.raises(ValueError, match=match):
        mech.pressable_load_kg(**kwargs)


def test_bad_load_and_offset_rejected():
    with pytest.raises(ValueError, match="load_kg must be in the range"):
        mech.balance_margin_m(-5)
    with pytest.raises(ValueError, match="load_offset_m"):
        mech.balance_margin_m(20, load_offset_m=-0.1)
    with pytest.raises(ValueError, match="target_gap"):
        mech.calibrate_stiffness_gain(0.0)
    with pytest.raises(ValueError, match="com_height_m"):
        mech.gravity_stiffness_nm_per_rad(body_mass_above_kg=80, com_height_m=0, load_kg=10, load_height_m=1.7)
