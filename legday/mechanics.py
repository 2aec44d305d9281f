"""Why a stable base matters for pressing: a small, honest mechanical model.

The lifter is drawn in the sagittal plane as a **two-link inverted pendulum**:

- the *support* link (the whole body pivoting at the ankles when standing, the
  trunk pivoting at the hips when seated) carries the body mass above its pivot
  and the lifter's shoulders;
- the *load* link is the weight held overhead, balanced on the arms, pivoting at
  the shoulders.

Each joint resists a small tilt with a rotational stiffness (N m per radian).
Gravity pulls an inverted pendulum away from upright with a *negative* stiffness
equal to weight times height, so the stack is stable only while the joints'
stiffness beats gravity's. Textbook statics of the two-link stack gives the
smallest shoulder stiffness that keeps the load balanced overhead,

.. math::

   K_\\text{shoulder} = g m l + \\frac{(g m l)^2}{K_\\text{support} - g (M h + m H)},

with ``m`` the load, ``l`` its height above the shoulder, ``M`` and ``h`` the
body mass above the support pivot and the height of its centre, and ``H`` the
load's height above that pivot. A rigid support (``K_support`` very large)
leaves only the first term; the softer the support, the more stiffness the
shoulders must add.

Two course assumptions turn that into a pressable load:

1. joints buy stiffness with co-contraction, and stiffness is proportional to the
   torque spent on it: ``K = gain x torque`` (the *stiffness gain*, 1/rad);
2. the support's torque is capped by the weaker of its muscles and its base: the
   ground can push back only while the centre of pressure stays inside the base,
   so the torque is at most ``weight x base width / 2``.

The shoulders' torque budget pays for the pressing moment (load x horizontal
lever) **and** for the co-contraction the stiffness needs. The less stable the
support, the more of the budget goes to stiffness and the less load can be
pressed. The stiffness gain is the one calibrated number: it is chosen so that
the standing press is about 10 % below the seated one, the gap Saeterbakken &
Fimland (2013) measured for dumbbell shoulder presses (Source: saeterbakken2013).

What the model does **not** do (stated plainly because it matters):

- it is static: real balance uses fast feedback control, which "stiffness" here
  stands in for;
- it separates *base* limits from *torque* limits: once the base width is the
  binding limit, stronger legs add nothing to the pressable load;
- it says nothing about leg *training*. Leg drive in the bench press is a
  near-isometric technique, and the one training study of it found the same
  1RM gain with or without it (about +6 % in 5 weeks in both groups; Source:
  legdrive2021). No study found shows leg training raising bench or overhead
  press 1RM.

Anthropometric inputs are explicit defaults for an 80 kg, roughly 1.80 m man
(see :data:`GEOMETRY`); they are course assumptions, not measurements.

The lifter's own inputs (body mass, the load pressable on a rigid support, the
stiffness gain) can travel together in a :class:`Lifter`: every function that
takes them accepts ``lifter=`` instead of the separate keywords, which still
work on their own (and take arrays, which a Lifter does not).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from legday import _checks
from legday import reference as ref
from legday._checks import FloatArray

__all__ = [
    "GRAVITY_M_PER_S2",
    "POSITIONS",
    "PIVOTS",
    "PositionGeometry",
    "Lifter",
    "GEOMETRY",
    "BODY_MASS_KG",
    "BRACED_CAPACITY_KG",
    "LOAD_ABOVE_SHOULDER_M",
    "LOAD_LEVER_M",
    "LOAD_OFFSET_M",
    "STIFFNESS_GAIN_PER_RAD",
    "geometry",
    "support_torque_limit_nm",
    "base_limited",
    "gravity_stiffness_nm_per_rad",
    "shoulder_stiffness_needed_nm_per_rad",
    "shoulder_torque_capacity_nm",
    "shoulder_torque_demand_nm",
    "relative_effort",
    "pressable_load_kg",
    "standing_gap",
    "calibrate_stiffness_gain",
    "balance_margin_m",
]

#: Standard gravity rounded to three figures (m/s^2).
GRAVITY_M_PER_S2 = 9.81

#: The two pressing positions of the model.
POSITIONS: tuple[str, ...] = ("seated", "standing")
#: The joints the support link can tilt about, the ankles when standing and the hips when seated.
PIVOTS: tuple[str, ...] = ("ankles", "hips")


@dataclass(frozen=True)
class PositionGeometry:
    """Anthropometric defaults of one pressing position (course assumptions).

    Attributes
    ----------
    position
        ``"seated"`` or ``"standing"``.
    pivot
        The joint the support link tilts about (``"ankles"`` or ``"hips"``).
    body_mass_share
        Fraction of body mass above the pivot (whole body standing; head, arms
        and trunk seated, about two-thirds).
    com_height_m
        Height of that mass's centre above the pivot (m).
    shoulder_height_m
        Height of the shoulders above the pivot (m).
    base_width_m
        Default extent of the base of support in the direction of sway (m):
        foot length standing, seat depth seated.
    support_torque_nm
        Default torque the support's muscles can spend on holding balance (N m):
        ankles and hips standing, trunk seated.
    """

    position: str
    pivot: str
    body_mass_share: float
    com_height_m: float
    shoulder_height_m: float
    base_width_m: float
    support_torque_nm: float

    def __post_init__(self) -> None:
        """Refuse a geometry the model cannot use (a PositionGeometry built by hand is checked too)."""
        object.__setattr__(self, "position", _checks.choice("position", self.position, POSITIONS))
        object.__setattr__(self, "pivot", _checks.choice("pivot", self.pivot, PIVOTS))
        tall = "m (a plausibility bound: taller than any lifter)"
        for name, high, low_open, unit in (("body_mass_share", 1.0, True, "fraction of body mass"),
                                           ("com_height_m", 3.0, True, tall), ("shoulder_height_m", 3.0, True, tall),
                                           ("base_width_m", 3.0, True, "m"), ("support_torque_nm", 5000.0, False, "N m")):
            low = 1.0 if name == "support_torque_nm" else 0.0
            object.__setattr__(self, name, _checks.real_number(name, getattr(self, name), low=low, high=high,
                                                               low_open=low_open, unit=unit))


#: Default geometry of each position for an 80 kg, about 1.80 m man. Every value is a
#: course assumption (round anthropometric figures), not a measurement.
GEOMETRY: dict[str, PositionGeometry] = {
    position: PositionGeometry(position, pivot, support_torque_nm=float(ref.MECHANICS_SUPPORT_TORQUE_NM),
                               **{k: float(v) for k, v in ref.MECHANICS_GEOMETRY[position].items()})
    for position, pivot in (("standing", "ankles"), ("seated", "hips"))
}

#: Default body mass (kg); course assumption (reference.MECHANICS_BODY_MASS_KG).
BODY_MASS_KG = float(ref.MECHANICS_BODY_MASS_KG)
#: Default load the lifter could press on a perfectly rigid support (kg, both
#: dumbbells together); illustrative course assumption (reference.MECHANICS_BRACED_CAPACITY_KG).
BRACED_CAPACITY_KG = float(ref.MECHANICS_BRACED_CAPACITY_KG)
#: Height of the load above the shoulders at the sticking point (m); course assumption.
LOAD_ABOVE_SHOULDER_M = float(ref.MECHANICS_LOAD_ABOVE_SHOULDER_M)
#: Horizontal lever of the load about the shoulders at the sticking point (m); course assumption.
LOAD_LEVER_M = float(ref.MECHANICS_LOAD_LEVER_M)
#: How far the load wanders off the line over the base during a rep (m), used by
#: :func:`balance_margin_m`; illustrative course assumption (reference.MECHANICS_LOAD_OFFSET_M).
LOAD_OFFSET_M = float(ref.MECHANICS_LOAD_OFFSET_M)


def _calibrated_gain() -> float:
    return float(ref.MECHANICS_STIFFNESS_GAIN_PER_RAD)


#: Stiffness per newton-metre of torque spent on co-contraction (1/rad). Calibrated
#: (course assumption) so that :func:`standing_gap` is 10 % with the default inputs,
#: the seated-versus-standing dumbbell gap of saeterbakken2013.
STIFFNESS_GAIN_PER_RAD = _calibrated_gain()


# ---------------------------------------------------------------------------
# Inputs
# ---------------------------------------------------------------------------


def geometry(position: str) -> PositionGeometry:
    """Return the default :class:`PositionGeometry` of ``"seated"`` or ``"standing"``.

    Raises
    ------
    ValueError
        If ``position`` is not one of :data:`POSITIONS`.
    """
    return GEOMETRY[_checks.choice("position", position, POSITIONS)]


#: Plausible ranges (kg) of the masses the model takes: an adult lifter (the part above the
#: pivot, seated, about two-thirds of it), lifter plus load, and a pressable load from a 1 kg
#: pair of dumbbells up (below that the torques underflow to nothing).
_MASS_RANGE_KG: dict[str, tuple[float, float]] = {
    "body_mass_kg": (20.0, 500.0), "body_mass_above_kg": (10.0, 500.0),
    "total_mass_kg": (20.0, 1000.0), "braced_capacity_kg": (1.0, 500.0)}


def _mass(name: str, value: ArrayLike) -> FloatArray:
    low, high = _MASS_RANGE_KG[name]
    return _checks.real_array(name, value, low=low, high=high, unit="kg")


def _load(value: ArrayLike) -> FloatArray:
    return _checks.real_array("load_kg", value, low=0, high=500, unit="kg")


def _width(value: ArrayLike) -> FloatArray:
    return _checks.real_array("base_width_m", value, low=0, high=3, low_open=True, unit="m")


def _torque(value: ArrayLike) -> FloatArray:
    return _checks.real_array("support_torque_nm", value, low=1.0, high=5000, unit="N m")


#: Range of the stiffness gain (1/rad) the model accepts; :func:`calibrate_stiffness_gain` searches it.
STIFFNESS_GAIN_RANGE_PER_RAD: tuple[float, float] = (1e-3, 1e4)


def _gain(value: ArrayLike) -> FloatArray:
    low, high = STIFFNESS_GAIN_RANGE_PER_RAD
    return _checks.real_array("stiffness_gain_per_rad", value, low=low, high=high, unit="1/rad")


def _offset(value: ArrayLike) -> FloatArray:
    return _checks.real_array("load_offset_m", value, low=0, high=1, unit="m")


#: How each input of the pressing functions is checked, by its keyword.
_CHECK: dict[str, Callable[[ArrayLike], FloatArray]] = {
    "load_kg": _load,
    "load_offset_m": _offset,
    "base_width_m": _width,
    "support_torque_nm": _torque,
    "body_mass_kg": lambda value: _mass("body_mass_kg", value),
    "braced_capacity_kg": lambda value: _mass("braced_capacity_kg", value),
    "stiffness_gain_per_rad": _gain,
}


@dataclass(frozen=True)
class Lifter:
    """The person in the pressing model: the inputs that belong to the lifter, not to the set-up.

    Every function below that takes ``body_mass_kg``, ``braced_capacity_kg`` or
    ``stiffness_gain_per_rad`` also takes ``lifter=`` instead, so one lifter can be
    built once and passed around. The plain keywords still work on their own, but
    not together with ``lifter``: a value given both ways raises a ValueError that
    names it (for a changed copy use ``dataclasses.replace``,
    e.g. ``replace(lifter, body_mass_kg=90.0)``). The set-up (``position``,
    ``base_width_m``, ``support_torque_nm``) stays a plain keyword: it is what the
    chapter varies.

    A Lifter holds single numbers; to compare several lifters in one call, pass
    arrays as the plain keywords (they broadcast). It checks itself when built and
    cannot be changed afterwards.

    Attributes
    ----------
    body_mass_kg
        Body mass (kg, 20 to 500); default 80 kg, a course assumption
        (``reference.MECHANICS_BODY_MASS_KG``).
    braced_capacity_kg
        Load the lifter could press on a perfectly rigid support (kg, both
        dumbbells together, 1 to 500); illustrative default 40 kg, a course
        assumption (``reference.MECHANICS_BRACED_CAPACITY_KG``).
    stiffness_gain_per_rad
        Stiffness per N m of co-contraction torque (1/rad, 0.001 to 10000); the
        default is calibrated to saeterbakken2013
        (``reference.MECHANICS_STIFFNESS_GAIN_PER_RAD``, see :func:`calibrate_stiffness_gain`).

    Raises
    ------
    ValueError
        If a field is not a single finite number in its range; the message names
        the field, the range and the value.
    """

    body_mass_kg: float = BODY_MASS_KG
    braced_capacity_kg: float = BRACED_CAPACITY_KG
    stiffness_gain_per_rad: float = STIFFNESS_GAIN_PER_RAD

    def __post_init__(self) -> None:
        for name in _LIFTER_FIELDS:
            value = _CHECK[name](getattr(self, name))
            if value.ndim:
                raise ValueError(
                    f"{name} must be a single number in a Lifter (one lifter; to compare several, pass an "
                    f"array as the plain keyword {name}=...); got an array of shape {value.shape}")
            object.__setattr__(self, name, float(value))


_LIFTER_FIELDS: tuple[str, ...] = ("body_mass_kg", "braced_capacity_kg", "stiffness_gain_per_rad")
_SUPPORT_FIELDS: tuple[str, ...] = ("base_width_m", "support_torque_nm")
_DEFAULT_LIFTER = Lifter()


def _inputs(lifter: Lifter | None, given: dict[str, ArrayLike | None],
            geo: PositionGeometry | None = None) -> tuple[FloatArray, ...]:
    """Check a function's inputs once, in the order given, and broadcast them together.

    A lifter's input (a field of :class:`Lifter`) comes from ``lifter`` or from its
    plain keyword, never both, and from ``Lifter()`` if neither; a base width or
    support torque left as ``None`` comes from the position's geometry ``geo``.
    """
    if lifter is None:
        lifter = _DEFAULT_LIFTER
    elif not isinstance(lifter, Lifter):
        raise ValueError(f"lifter must be a mechanics.Lifter, e.g. Lifter(body_mass_kg=90.0); "
                         f"got {lifter!r:.60}")
    else:
        twice = [name for name in _LIFTER_FIELDS if given.get(name) is not None]
        if twice:
            raise ValueError(
                f"{' and '.join(twice)} given twice, as a keyword and in lifter={lifter}: give each once "
                f"(for a changed lifter use dataclasses.replace(lifter, {twice[0]}=...))")
    checked = {}
    for name, value in given.items():
        if value is None and name in _LIFTER_FIELDS:
            value = getattr(lifter, name)
        elif value is None and geo is not None and name in _SUPPORT_FIELDS:
            value = getattr(geo, name)
        checked[name] = _CHECK[name](value)
    return _checks.broadcast(checked)


def _resolve(position: str, lifter: Lifter | None,
             **given: ArrayLike | None) -> tuple[PositionGeometry, tuple[FloatArray, ...]]:
    """The position's geometry and the checked, broadcast inputs of :func:`_inputs`."""
    geo = geometry(position)
    return geo, _inputs(lifter, given, geo)


def _one_lifter(**given: ArrayLike | None) -> None:
    """Refuse arrays where a function models a single lifter (``None`` means not given)."""
    for name, value in given.items():
        if value is not None:
            _checks.real_number(name, value)


# ---------------------------------------------------------------------------
# Building blocks
# ---------------------------------------------------------------------------


def support_torque_limit_nm(
    *, total_mass_kg: ArrayLike, base_width_m: ArrayLike, support_torque_nm: ArrayLike
) -> float | FloatArray:
    """Largest balancing torque the support can produce (N m).

    The muscles can give at most ``support_torque_nm``; the ground can push back
    only while the centre of pressure stays inside the base, which caps the
    torque at ``total_mass_kg * g * base_width_m / 2`` (the centre of mass is
    assumed over the middle of the base).

    Parameters
    ----------
    total_mass_kg
        Mass carried by the support: body above the pivot plus load (kg, 20 to 1000).
    base_width_m
        Extent of the base of support in the direction of sway (m, > 0).
    support_torque_nm
        Torque the support's muscles can spend on balance (N m, 1 to 5000).

    Returns
    -------
    float or ndarray
        ``min(support_torque_nm, total_mass_kg * g * base_width_m / 2)`` in N m.

    Raises
    ------
    ValueError
        If an input is not a positive finite number.
    """
    mass, width, torque = _checks.broadcast({"total_mass_kg": _mass("total_mass_kg", total_mass_kg),
                                             "base_width_m": _width(base_width_m),
                                             "support_torque_nm": _torque(support_torque_nm)})
    return _checks.scalar_or_array(np.minimum(torque, mass * GRAVITY_M_PER_S2 * width / 2))


def base_limited(
    position: str = "standing",
    *,
    load_kg: ArrayLike = BRACED_CAPACITY_KG,
    base_width_m: ArrayLike | None = None,
    support_torque_nm: ArrayLike | None = None,
    body_mass_kg: ArrayLike | None = None,
    lifter: Lifter | None = None,
) -> bool | np.ndarray:
    """Whether the base, not the support's muscles, is the weakest link.

    Parameters
    ----------
    position
        ``"seated"`` or ``"standing"``.
    load_kg
        Load overhead (kg, >= 0).
    base_width_m, support_torque_nm
        Override the position's default base width (m) and support torque (N m).
    body_mass_kg, lifter
        Body mass (kg), or a :class:`Lifter` whose body mass is used (not both);
        default ``Lifter().body_mass_kg``.

    Returns
    -------
    bool or ndarray of bool
        True where ``weight * base_width / 2 < support_torque``: making the legs
        or trunk stronger would then not change the model's pressable load.

    Raises
    ------
    ValueError
        If an input is invalid.
    """
    geo, (width, torque, body, load) = _resolve(
        position, lifter, base_width_m=base_width_m, support_torque_nm=support_torque_nm, body_mass_kg=body_mass_kg,
        load_kg=load_kg)
    mass = body * geo.body_mass_share + load
    out = mass * GRAVITY_M_PER_S2 * width / 2 < torque
    return bool(out) if np.ndim(out) == 0 else out


def gravity_stiffness_nm_per_rad(
    *, body_mass_above_kg: ArrayLike, com_height_m: ArrayLike, load_kg: ArrayLike, load_height_m: ArrayLike
) -> float | FloatArray:
    """Gravity's toppling stiffness of the support link (N m/rad).

    Tilting an inverted pendulum by a small angle ``theta`` makes gravity pull it
    further with a torque ``g (M h + m H) theta``; the joint must beat this.

    Parameters
    ----------
    body_mass_above_kg
        Body mass above the pivot ``M`` (kg, 10 to 500).
    com_height_m
        Height of its centre above the pivot ``h`` (m, > 0).
    load_kg
        Load ``m`` (kg, >= 0).
    load_height_m
        Height of the load above the pivot ``H`` (m, > 0).

    Returns
    -------
    float or ndarray
        ``g (M h + m H)`` in N m/rad.

    Raises
    ------
    ValueError
        If an input is out of range.
    """
    body = _mass("body_mass_above_kg", body_mass_above_kg)
    h = _checks.real_array("com_height_m", com_height_m, low=0, high=3, low_open=True, unit="m")
    load = _load(load_kg)
    big_h = _checks.real_array("load_height_m", load_height_m, low=0, high=4, low_open=True, unit="m")
    body, h, load, big_h = _checks.broadcast({"body_mass_above_kg": body, "com_height_m": h, "load_kg": load,
                                              "load_height_m": big_h})
    return _checks.scalar_or_array(GRAVITY_M_PER_S2 * (body * h + load * big_h))


def _support_net_stiffness(
    geo: PositionGeometry, load: FloatArray, width: FloatArray, torque: FloatArray, body: FloatArray, gain: FloatArray
) -> FloatArray:
    """Support stiffness minus gravity's toppling stiffness (N m/rad); <= 0 means it topples."""
    mass_above = body * geo.body_mass_share
    limit = np.minimum(torque, (mass_above + load) * GRAVITY_M_PER_S2 * width / 2)
    load_height = geo.shoulder_height_m + LOAD_ABOVE_SHOULDER_M
    topple = GRAVITY_M_PER_S2 * (mass_above * geo.com_height_m + load * load_height)
    return gain * limit - topple


def _shoulder_stiffness(load: FloatArray, net: FloatArray) -> FloatArray:
    own = GRAVITY_M_PER_S2 * load * LOAD_ABOVE_SHOULDER_M
    with np.errstate(divide="ignore", invalid="ignore"):
        extra = np.where(net > 0, own**2 / np.where(net > 0, net, 1.0), np.inf)
    return own + extra


def _demand(geo: PositionGeometry, load: FloatArray, width: FloatArray, torque: FloatArray, body: FloatArray,
            gain: FloatArray) -> FloatArray:
    """Shoulder torque (N m) that presses ``load`` and buys the stiffness that keeps it balanced."""
    net = _support_net_stiffness(geo, load, width, torque, body, gain)
    return load * GRAVITY_M_PER_S2 * LOAD_LEVER_M + _shoulder_stiffness(load, net) / gain


def _capacity(braced: FloatArray, gain: FloatArray) -> FloatArray:
    """The shoulders' torque budget (N m) of a lifter who presses ``braced`` kg on a rigid support."""
    return braced * GRAVITY_M_PER_S2 * (LOAD_LEVER_M + LOAD_ABOVE_SHOULDER_M / gain)


def shoulder_stiffness_needed_nm_per_rad(
    load_kg: ArrayLike,
    position: str = "standing",
    *,
    base_width_m: ArrayLike | None = None,
    support_torque_nm: ArrayLike | None = None,
    body_mass_kg: ArrayLike | None = None,
    stiffness_gain_per_rad: ArrayLike | None = None,
    lifter: Lifter | None = None,
) -> float | FloatArray:
    """Smallest shoulder stiffness that keeps the load balanced overhead (N m/rad).

    ``K = g m l + (g m l)^2 / (K_support - g (M h + m H))`` from the stability of
    a two-link inverted pendulum; ``inf`` where the support itself topples
    (its stiffness does not beat gravity).

    Parameters
    ----------
    load_kg
        Load overhead (kg, >= 0).
    position
        ``"seated"`` or ``"standing"`` (sets the default geometry).
    base_width_m
        Base of support in the direction of sway (m, > 0); default from :data:`GEOMETRY`.
    support_torque_nm
        Torque the support's muscles can spend on balance (N m, 1 to 5000); default from :data:`GEOMETRY`.
    body_mass_kg, stiffness_gain_per_rad
        The lifter's body mass (kg) and stiffness gain (1/rad), as in :class:`Lifter`
        (its defaults if not given); arrays broadcast with the other inputs.
    lifter
        A :class:`Lifter` instead of those two keywords (not together with them).

    Returns
    -------
    float or ndarray
        Required shoulder stiffness in N m/rad (``inf`` if nothing can be balanced).

    Raises
    ------
    ValueError
        If an input is out of range, or a lifter's input is given twice.
    """
    geo, (width, torque, body, load, gain) = _resolve(
        position, lifter, base_width_m=base_width_m, support_torque_nm=support_torque_nm, body_mass_kg=body_mass_kg,
        load_kg=load_kg, stiffness_gain_per_rad=stiffness_gain_per_rad)
    net = _support_net_stiffness(geo, load, width, torque, body, gain)
    return _checks.scalar_or_array(_shoulder_stiffness(load, net))


def shoulder_torque_capacity_nm(
    braced_capacity_kg: ArrayLike | None = None,
    stiffness_gain_per_rad: ArrayLike | None = None,
    *,
    lifter: Lifter | None = None,
) -> float | FloatArray:
    """The shoulders' torque budget, from the load they press on a rigid support (N m).

    On a rigid support the budget pays for the pressing moment ``P g r`` and for
    the stiffness ``g P l`` that balancing the load alone needs:
    ``P g (r + l / gain)``.

    Parameters
    ----------
    braced_capacity_kg
        Load ``P`` the lifter could press on a perfectly rigid support (kg, 1 to 500).
    stiffness_gain_per_rad
        Stiffness per N m of co-contraction torque (1/rad, 0.001 to 10000).
    lifter
        A :class:`Lifter` instead of those two (whose defaults apply to what is not given).

    Returns
    -------
    float or ndarray
        Torque budget in N m.

    Raises
    ------
    ValueError
        If an input is not positive, or a lifter's input is given twice.
    """
    braced, gain = _inputs(lifter, {"braced_capacity_kg": braced_capacity_kg,
                                    "stiffness_gain_per_rad": stiffness_gain_per_rad})
    return _checks.scalar_or_array(_capacity(braced, gain))


def shoulder_torque_demand_nm(
    load_kg: ArrayLike,
    position: str = "standing",
    *,
    base_width_m: ArrayLike | None = None,
    support_torque_nm: ArrayLike | None = None,
    body_mass_kg: ArrayLike | None = None,
    stiffness_gain_per_rad: ArrayLike | None = None,
    lifter: Lifter | None = None,
) -> float | FloatArray:
    """Shoulder torque needed to press ``load_kg`` and keep it balanced (N m).

    ``m g r + K_shoulder / gain``: the pressing moment about the shoulders plus
    the co-contraction torque that buys the stiffness of
    :func:`shoulder_stiffness_needed_nm_per_rad`. ``inf`` where the support topples.
    Parameters are those of :func:`shoulder_stiffness_needed_nm_per_rad`.

    Returns
    -------
    float or ndarray
        Torque demand in N m.

    Raises
    ------
    ValueError
        As :func:`shoulder_stiffness_needed_nm_per_rad`.
    """
    geo, (width, torque, body, load, gain) = _resolve(
        position, lifter, base_width_m=base_width_m, support_torque_nm=support_torque_nm, body_mass_kg=body_mass_kg,
        load_kg=load_kg, stiffness_gain_per_rad=stiffness_gain_per_rad)
    return _checks.scalar_or_array(_demand(geo, load, width, torque, body, gain))


def relative_effort(
    load_kg: ArrayLike,
    position: str = "standing",
    *,
    braced_capacity_kg: ArrayLike | None = None,
    base_width_m: ArrayLike | None = None,
    support_torque_nm: ArrayLike | None = None,
    body_mass_kg: ArrayLike | None = None,
    stiffness_gain_per_rad: ArrayLike | None = None,
    lifter: Lifter | None = None,
) -> float | FloatArray:
    """Share of the shoulders' torque budget a fixed load uses (1 = maximal effort).

    The model's counterpart of the finding that the same load activates the
    pressing muscles more in a less stable position (Source: muyor2019,
    saeterbakken2013). Values above 1 mean the load cannot be pressed; ``inf``
    means the support topples.

    Parameters
    ----------
    load_kg
        Load overhead (kg, >= 0).
    position, braced_capacity_kg, base_width_m, support_torque_nm, body_mass_kg, stiffness_gain_per_rad, lifter
        As in :func:`pressable_load_kg`.

    Returns
    -------
    float or ndarray
        Demand divided by capacity (dimensionless).

    Raises
    ------
    ValueError
        As :func:`pressable_load_kg`.
    """
    geo, (width, torque, body, load, braced, gain) = _resolve(
        position, lifter, base_width_m=base_width_m, support_torque_nm=support_torque_nm, body_mass_kg=body_mass_kg,
        load_kg=load_kg, braced_capacity_kg=braced_capacity_kg, stiffness_gain_per_rad=stiffness_gain_per_rad)
    return _checks.scalar_or_array(_demand(geo, load, width, torque, body, gain) / _capacity(braced, gain))


# ---------------------------------------------------------------------------
# The pressable load
# ---------------------------------------------------------------------------


def pressable_load_kg(
    position: str = "standing",
    *,
    braced_capacity_kg: ArrayLike | None = None,
    base_width_m: ArrayLike | None = None,
    support_torque_nm: ArrayLike | None = None,
    body_mass_kg: ArrayLike | None = None,
    stiffness_gain_per_rad: ArrayLike | None = None,
    lifter: Lifter | None = None,
) -> float | FloatArray:
    """Heaviest load the shoulders can press and keep balanced in a position (kg).

    Solves ``demand(m) = capacity`` for the load ``m`` by bisection (vectorised
    over any array inputs, which broadcast together), where the demand is
    :func:`shoulder_torque_demand_nm` and the capacity
    :func:`shoulder_torque_capacity_nm`. The result never exceeds the braced
    capacity and is 0 where the support topples even unloaded.

    Parameters
    ----------
    position
        ``"seated"`` or ``"standing"``.
    braced_capacity_kg, body_mass_kg, stiffness_gain_per_rad
        The lifter: the load pressable on a perfectly rigid support (kg), body
        mass (kg) and stiffness gain (1/rad), with the ranges and defaults of
        :class:`Lifter` (40 kg, 80 kg and the gain calibrated to saeterbakken2013);
        arrays broadcast with the other inputs.
    base_width_m
        Base of support in the direction of sway (m, > 0); default from :data:`GEOMETRY`.
    support_torque_nm
        Torque the legs/trunk can spend on balance (N m, 1 to 5000); default from :data:`GEOMETRY`.
    lifter
        A :class:`Lifter` instead of the three lifter keywords (not together with them).

    Returns
    -------
    float or ndarray
        Pressable load in kg.

    Raises
    ------
    ValueError
        If an input is out of range (the masses and torques have plausible ranges, widths must be > 0),
        or a lifter's input is given twice.
    """
    geo, (width, torque, body, braced, gain) = _resolve(
        position, lifter, base_width_m=base_width_m, support_torque_nm=support_torque_nm, body_mass_kg=body_mass_kg,
        braced_capacity_kg=braced_capacity_kg, stiffness_gain_per_rad=stiffness_gain_per_rad)
    capacity = _capacity(braced, gain)

    def excess(load: FloatArray) -> FloatArray:
        return _demand(geo, load, width, torque, body, gain) - capacity

    low = np.zeros(braced.shape)
    high = braced.astype(float).copy()
    for _ in range(60):
        mid = 0.5 * (low + high)
        over = excess(mid) > 0
        high = np.where(over, mid, high)
        low = np.where(over, low, mid)
    result = np.where(excess(np.zeros(braced.shape)) > 0, 0.0, low)
    return _checks.scalar_or_array(result)


def standing_gap(
    stiffness_gain_per_rad: ArrayLike | None = None,
    *,
    braced_capacity_kg: float | None = None,
    body_mass_kg: float | None = None,
    lifter: Lifter | None = None,
) -> float | FloatArray:
    """Fraction by which the standing pressable load falls short of the seated one.

    ``1 - pressable(standing) / pressable(seated)`` with the default geometry.

    Parameters
    ----------
    stiffness_gain_per_rad
        Stiffness per N m of co-contraction torque (1/rad, 0.001 to 10000); an array gives the gap for each gain.
    braced_capacity_kg, body_mass_kg
        Load pressable on a rigid support and body mass (kg, single numbers), as in :class:`Lifter`.
    lifter
        A :class:`Lifter` instead of the three keywords (not together with them).

    Returns
    -------
    float or ndarray
        The gap as a fraction (0.10 = standing 10 % below seated).

    Raises
    ------
    ValueError
        If an input is out of range, a lifter's input is given twice, or the seated press is impossible.
    """
    _one_lifter(braced_capacity_kg=braced_capacity_kg, body_mass_kg=body_mass_kg)
    kw: dict[str, Any] = {"braced_capacity_kg": braced_capacity_kg, "body_mass_kg": body_mass_kg,
                          "stiffness_gain_per_rad": stiffness_gain_per_rad, "lifter": lifter}
    seated = np.asarray(pressable_load_kg("seated", **kw))
    standing = np.asarray(pressable_load_kg("standing", **kw))
    if np.any(seated <= 0):
        raise ValueError("stiffness_gain_per_rad is too small: even the seated support topples")
    return _checks.scalar_or_array(1.0 - standing / seated)


def calibrate_stiffness_gain(
    target_gap: float = float(ref.STANDING_VS_SEATED_DUMBBELL_GAP),
    *,
    braced_capacity_kg: float | None = None,
    body_mass_kg: float | None = None,
    lifter: Lifter | None = None,
) -> float:
    """The stiffness gain (1/rad) at which :func:`standing_gap` equals ``target_gap``.

    The gap shrinks as the gain grows (stiffer joints make both positions behave
    like a rigid support), so a bisection on the logarithm of the gain finds it.

    Parameters
    ----------
    target_gap
        Target fraction, in (0, 0.9); default the 10 % of saeterbakken2013.
    braced_capacity_kg, body_mass_kg
        Load pressable on a rigid support and body mass (kg, single numbers), as in :class:`Lifter`.
    lifter
        A :class:`Lifter` instead of those two keywords; its own stiffness gain is not
        used (it is what this function finds).

    Returns
    -------
    float
        The calibrated gain in 1/rad.

    Raises
    ------
    ValueError
        If ``target_gap`` is outside (0, 0.9), or a lifter's input is out of range or given twice.

    Notes
    -----
    Source: saeterbakken2013 (target gap).
    """
    target = _checks.real_number("target_gap", target_gap, low=0, high=0.9, low_open=True, high_open=True)
    _one_lifter(braced_capacity_kg=braced_capacity_kg, body_mass_kg=body_mass_kg)
    braced, body = _inputs(lifter, {"braced_capacity_kg": braced_capacity_kg, "body_mass_kg": body_mass_kg})
    kw: dict[str, Any] = {"braced_capacity_kg": float(braced), "body_mass_kg": float(body)}

    def gap(gain: float) -> float:
        seated = float(pressable_load_kg("seated", stiffness_gain_per_rad=gain, **kw))
        standing = float(pressable_load_kg("standing", stiffness_gain_per_rad=gain, **kw))
        return 1.0 if seated <= 0 else 1.0 - standing / seated

    low, high = np.log(1.0), np.log(STIFFNESS_GAIN_RANGE_PER_RAD[1])
    top = STIFFNESS_GAIN_RANGE_PER_RAD[1]
    _checks.real_number("target_gap", target, low=gap(top), high=gap(1.0), low_open=True,
                        unit=f"(the gaps this lifter's model can show, for gains 1 to {top:g} 1/rad)")
    for _ in range(60):
        mid = 0.5 * (low + high)
        if gap(float(np.exp(mid))) > target:
            low = mid
        else:
            high = mid
    return float(np.exp(0.5 * (low + high)))


# ---------------------------------------------------------------------------
# Balance margin
# ---------------------------------------------------------------------------


def balance_margin_m(
    load_kg: ArrayLike,
    position: str = "standing",
    *,
    load_offset_m: ArrayLike = LOAD_OFFSET_M,
    base_width_m: ArrayLike | None = None,
    support_torque_nm: ArrayLike | None = None,
    body_mass_kg: ArrayLike | None = None,
    lifter: Lifter | None = None,
) -> float | FloatArray:
    """How far the combined centre of mass can still move before balance is lost (m).

    With the load ``load_offset_m`` off the line over the middle of the base,
    the combined centre of mass shifts by ``x = m d / (M + m)``. The support can
    hold it while the needed centre of pressure stays within reach:
    ``reach = min(base_width / 2, support_torque / ((M + m) g))``. The margin is
    ``reach - x``; a negative margin means the lifter must step or drop the load.

    Parameters
    ----------
    load_kg
        Load overhead (kg, >= 0).
    position
        ``"seated"`` or ``"standing"``.
    load_offset_m
        Horizontal distance of the load from the line over the middle of the base
        (m, >= 0); illustrative default 5 cm.
    base_width_m, support_torque_nm
        The set-up, as in :func:`pressable_load_kg`: base of support (m) and the
        support's balancing torque (N m); defaults from :data:`GEOMETRY`.
    body_mass_kg, lifter
        As in :func:`base_limited`.

    Returns
    -------
    float or ndarray
        Balance margin in m.

    Raises
    ------
    ValueError
        If an input is out of range, or the body mass is given twice.
    """
    geo, (width, torque, body, load, offset) = _resolve(
        position, lifter, base_width_m=base_width_m, support_torque_nm=support_torque_nm, body_mass_kg=body_mass_kg,
        load_kg=load_kg, load_offset_m=load_offset_m)
    mass = body * geo.body_mass_share + load
    reach = np.minimum(width / 2, torque / (mass * GRAVITY_M_PER_S2))
    shift = load * offset / mass
    return _checks.scalar_or_array(reach - shift)
