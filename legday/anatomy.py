"""Where the muscle is: baseline muscle masses, body regions and a schematic silhouette.

- **Whole-body skeletal muscle by sex** (Source: janssen2000), split into the
  course's nine muscle groups (:data:`legday.volume.MUSCLES`) with per-leg MRI
  regressions (Source: handsfield2014) and, for the upper body, an illustrative
  split (labelled assumption): :func:`baseline_muscle_kg`,
  :func:`untracked_muscle_kg`, :func:`leg_muscle_volume_cm3`,
  :func:`lower_body_group_fractions`, :func:`lower_body_share_from_sex_gaps`.
  Arm volumes (Source: holzbaur2007) are kept for comparison.
- **Regions**: :func:`region_muscle_kg` sums the groups into the lower body, the
  upper body and the muscle the course does not track; :func:`upper_lower_ratio`.
- **A hypothetical silhouette** whose part widths follow regional muscle mass
  (:func:`silhouette_scales`, :func:`silhouette_polygons`): a drawing aid, not
  anthropometry.

Growth of these masses under training is in :mod:`legday.growth`.
"""

from __future__ import annotations

from collections.abc import Mapping

import numpy as np
from numpy.typing import ArrayLike

from legday import _checks
from legday import reference as ref
from legday._checks import FloatArray
from legday.volume import LOWER_BODY, MUSCLES, UPPER_BODY

__all__ = [
    "SEXES",
    "leg_muscle_volume_cm3",
    "lower_body_group_fractions",
    "baseline_muscle_kg",
    "untracked_muscle_kg",
    "lower_body_share_from_sex_gaps",
    "region_muscle_kg",
    "upper_lower_ratio",
    "silhouette_scales",
    "silhouette_polygons",
]

#: Sexes for which reference data exist.
SEXES: tuple[str, ...] = ref.SEXES

_LOWER_IDX = np.array([MUSCLES.index(m) for m in LOWER_BODY])
_UPPER_IDX = np.array([MUSCLES.index(m) for m in UPPER_BODY])



# ---------------------------------------------------------------------------
# 1. Where the muscle is
# ---------------------------------------------------------------------------


def leg_muscle_volume_cm3(height_m: ArrayLike, body_mass_kg: ArrayLike, group: str = "whole leg") -> float | FloatArray:
    """Muscle volume of one leg from height and body mass (MRI regression).

    V = slope * (height * mass) + intercept, with the per-muscle coefficients of
    Handsfield et al. summed over the muscles of each group.

    Parameters
    ----------
    height_m
        Height in metres (1.2-2.3).
    body_mass_kg
        Body mass in kg (30-200).
    group
        ``"whole leg"`` (all 35 muscles) or one of the lower-body groups
        ``"quadriceps"``, ``"hamstrings"``, ``"glutes"``, ``"calves"``.

    Returns
    -------
    float or ndarray
        Volume of one leg's muscle in cm3.

    Raises
    ------
    ValueError
        Out-of-range or non-numeric inputs, or an unknown group.

    Notes
    -----
    Source: handsfield2014 (coefficients as transcribed in a public data set;
    secondary). At 1.75 m and 75 kg one leg holds about 7,450 cm3 of muscle.
    """
    g = _checks.choice("group", group, ref.HANDSFIELD_SLOPE_CM3)
    h = _checks.real_array("height_m", height_m, low=1.2, high=2.3, unit="m")
    m = _checks.real_array("body_mass_kg", body_mass_kg, low=30.0, high=200.0, unit="kg")
    out = float(ref.HANDSFIELD_SLOPE_CM3[g]) * h * m + float(ref.HANDSFIELD_INTERCEPT_CM3[g])
    return _checks.scalar_or_array(out)


def lower_body_group_fractions(height_m: float = 1.75, body_mass_kg: float = 75.0) -> dict[str, float]:
    """Share of one leg's muscle volume in each lower-body group.

    Returns
    -------
    dict
        quadriceps, hamstrings, glutes, calves -> fraction of the leg's muscle
        (about 0.25, 0.10, 0.18, 0.12; the rest is adductors, hip flexors,
        shin and foot muscles). The fractions barely change with body size.
        Source: handsfield2014 (derived).
    """
    h = _checks.real_number("height_m", height_m)
    m = _checks.real_number("body_mass_kg", body_mass_kg)
    total = float(leg_muscle_volume_cm3(h, m))
    return {g: float(leg_muscle_volume_cm3(h, m, g)) / total for g in LOWER_BODY}


def _sex(sex: str) -> str:
    return _checks.choice("sex", sex, SEXES)


def baseline_muscle_kg(sex: str = "male") -> dict[str, float]:
    """Mean untrained skeletal muscle of each muscle group (both sides), in kg.

    Whole-body skeletal muscle (33.0 kg men, 21.0 kg women; Source: janssen2000)
    times the share in the lower or upper body (**assumption**: 0.55 men, 0.58
    women; Janssen's table was not read) times the group's share of its region:
    lower-body shares from per-leg MRI regressions at 1.75 m and 75 kg (Source:
    handsfield2014, derived), upper-body shares illustrative (**assumption**,
    ``reference.UPPER_BODY_GROUP_SHARE``).

    Parameters
    ----------
    sex
        ``"male"`` or ``"female"``.

    Returns
    -------
    dict
        Muscle group -> kg, every group of :data:`legday.volume.MUSCLES`.
        The groups do not add up to the whole body: see
        :func:`untracked_muscle_kg` for the rest.

    Raises
    ------
    ValueError
        If ``sex`` is not ``"male"`` or ``"female"``.
    """
    s = _sex(sex)
    total = float(ref.SKELETAL_MUSCLE_KG[s])
    lower = total * float(ref.LOWER_BODY_SHARE[s])
    upper = total - lower
    fractions = lower_body_group_fractions()
    out = {m: lower * fractions[m] for m in LOWER_BODY}
    out.update({m: upper * float(ref.UPPER_BODY_GROUP_SHARE[m]) for m in UPPER_BODY})
    return {m: out[m] for m in MUSCLES}


def untracked_muscle_kg(sex: str = "male") -> dict[str, float]:
    """Muscle outside the course's nine groups, per region (kg): it is never trained in the model.

    Lower body: adductors, hip flexors, shin and foot muscles; upper body:
    trunk, abdominal, forearm and neck muscles. Same sources and assumptions
    as :func:`baseline_muscle_kg`.
    """
    s = _sex(sex)
    total = float(ref.SKELETAL_MUSCLE_KG[s])
    lower = total * float(ref.LOWER_BODY_SHARE[s])
    base = baseline_muscle_kg(s)
    return {
        "lower body": lower - sum(base[m] for m in LOWER_BODY),
        "upper body": (total - lower) - sum(base[m] for m in UPPER_BODY),
    }


def lower_body_share_from_sex_gaps(
    male_kg: float | None = None,
    female_kg: float | None = None,
    gap_upper: float | None = None,
    gap_lower: float | None = None,
) -> dict[str, float]:
    """Lower-body share of skeletal muscle that Janssen 2000's totals and sex gaps imply.

    Janssen reports whole-body skeletal muscle of 33.0 kg in men and 21.0 kg in
    women, and "gender differences" of 40 % in the upper and 33 % in the lower
    body: women have that fraction *less* than men in each region. With men's
    upper and lower muscle ``U`` and ``L``::

        U + L = male_kg,    (1 - gap_upper) U + (1 - gap_lower) L = female_kg

    so ``L = (female_kg - (1 - gap_upper) male_kg) / (gap_upper - gap_lower)``.
    The divisor is the small difference of the two gaps, so rounding of the
    published percentages moves the answer a lot: a check on the course's
    assumed shares, not a replacement for them.

    Parameters
    ----------
    male_kg, female_kg
        Whole-body skeletal muscle (kg) of men and women, 0 to 200; default the
        paper's means (:data:`legday.reference.SKELETAL_MUSCLE_KG`).
    gap_upper, gap_lower
        Fraction less in women, upper and lower body, 0 to 1; default the paper's
        (:data:`legday.reference.SEX_GAP_UPPER_BODY`, ``SEX_GAP_LOWER_BODY``).

    Returns
    -------
    dict
        ``"male"`` and ``"female"`` -> lower-body share of skeletal muscle (0-1).

    Raises
    ------
    ValueError
        For numbers out of range, equal gaps, or numbers no split of the muscle
        can satisfy (a share outside 0-1).

    Notes
    -----
    Source: janssen2000.
    """
    m = _checks.real_number("male_kg", float(ref.SKELETAL_MUSCLE_KG["male"]) if male_kg is None else male_kg,
                            low=0.0, high=200.0, low_open=True, unit="kg")
    f = _checks.real_number("female_kg", float(ref.SKELETAL_MUSCLE_KG["female"]) if female_kg is None else female_kg,
                            low=0.0, high=200.0, low_open=True, unit="kg")
    gu = _checks.real_number("gap_upper", float(ref.SEX_GAP_UPPER_BODY) if gap_upper is None else gap_upper,
                             low=0.0, high=1.0, high_open=True)
    gl = _checks.real_number("gap_lower", float(ref.SEX_GAP_LOWER_BODY) if gap_lower is None else gap_lower,
                             low=0.0, high=1.0, high_open=True)
    if gu == gl:
        raise ValueError(f"gap_upper and gap_lower must differ to pin the split; both are {gu}")
    lower_male = (f - (1.0 - gu) * m) / (gu - gl)
    if not 0.0 <= lower_male <= m:
        raise ValueError(
            f"male_kg, female_kg, gap_upper and gap_lower do not fit together: no split of {m:g} kg (men) gives "
            f"{f:g} kg (women) with {gu:.0%} less upper-body and {gl:.0%} less "
            f"lower-body muscle in women: the men's lower body would hold {lower_male:.1f} kg, outside 0 to {m:g}"
        )
    return {"male": lower_male / m, "female": (1.0 - gl) * lower_male / f}


#: Most muscle (kg) one group can hold: a plausibility bound, more than a whole adult body's
#: skeletal muscle (reference.MAX_GROUP_MUSCLE_KG).
MAX_GROUP_MUSCLE_KG = float(ref.MAX_GROUP_MUSCLE_KG)


def _muscle_axis(name: str, muscle_kg: ArrayLike, low: float = 0.0) -> FloatArray:
    arr = _checks.real_array(name, muscle_kg, low=low, high=MAX_GROUP_MUSCLE_KG,
                             unit="kg (a plausibility bound: more than a whole body's muscle)")
    if arr.ndim == 0 or arr.shape[-1] != len(MUSCLES):
        raise ValueError(
            f"{name} must have a last axis of length {len(MUSCLES)} (one entry per muscle group, "
            f"in the order {', '.join(MUSCLES)}); got shape {arr.shape}"
        )
    return arr


def region_muscle_kg(muscle_kg: ArrayLike, sex: str = "male", *, include_untracked: bool = True) -> dict[str, float | FloatArray]:
    """Sum muscle groups into ``"lower body"`` and ``"upper body"`` (kg).

    Parameters
    ----------
    muscle_kg
        Array whose **last** axis runs over :data:`legday.volume.MUSCLES`
        (e.g. a simulation's output of shape (people, weeks + 1, 9)).
    sex
        Which sex's untracked muscle to add.
    include_untracked
        Add the muscle outside the nine groups (constant in the model), so the
        regions add up to the whole body.

    Returns
    -------
    dict
        ``{"lower body": ..., "upper body": ...}``, arrays of ``muscle_kg``'s
        shape without its last axis (floats for a single vector).
    """
    arr = _muscle_axis("muscle_kg", muscle_kg)
    extra = untracked_muscle_kg(sex) if _checks.flag("include_untracked", include_untracked) else {"lower body": 0.0, "upper body": 0.0}
    lower = arr[..., _LOWER_IDX].sum(axis=-1) + extra["lower body"]
    upper = arr[..., _UPPER_IDX].sum(axis=-1) + extra["upper body"]
    return {"lower body": _checks.scalar_or_array(lower), "upper body": _checks.scalar_or_array(upper)}


def upper_lower_ratio(muscle_kg: ArrayLike, sex: str = "male") -> float | FloatArray:
    """Upper-body to lower-body skeletal muscle mass ratio (whole regions, dimensionless)."""
    regions = region_muscle_kg(muscle_kg, sex)
    return _checks.scalar_or_array(np.asarray(regions["upper body"]) / np.asarray(regions["lower body"]))



# ---------------------------------------------------------------------------
# A hypothetical silhouette from regional sizes
# ---------------------------------------------------------------------------

#: Body parts of the silhouette and the muscle groups whose mass sets their width.
_SILHOUETTE_PARTS: dict[str, tuple[str, ...]] = {
    "shoulders": ("shoulders", "back"),
    "chest": ("chest", "back"),
    "arms": ("biceps", "triceps"),
    "thighs": ("quadriceps", "hamstrings", "glutes"),
    "calves": ("calves",),
}


def silhouette_scales(muscle_kg: ArrayLike, baseline_kg: ArrayLike) -> dict[str, float]:
    """Width scale of each silhouette part relative to a baseline body.

    A limb segment's cross-section grows with its muscle mass at fixed length,
    and its width with the square root of the cross-section, so
    scale = sqrt(mass / baseline mass) of the part's muscle groups. A
    **hypothetical** drawing aid, not anthropometry.

    Parameters
    ----------
    muscle_kg, baseline_kg
        Vectors of 9 group masses (kg), :data:`legday.volume.MUSCLES` order.

    Returns
    -------
    dict
        ``shoulders``, ``chest``, ``arms``, ``thighs``, ``calves`` -> scale.
    """
    now = _muscle_axis("muscle_kg", muscle_kg)
    base = _muscle_axis("baseline_kg", baseline_kg, low=0.01)
    if now.ndim != 1 or base.ndim != 1 or np.any(base <= 0):
        raise ValueError("muscle_kg and baseline_kg must be single vectors of 9 masses, baseline > 0 kg")
    idx = {m: i for i, m in enumerate(MUSCLES)}
    out = {}
    for part, groups in _SILHOUETTE_PARTS.items():
        cols = [idx[g] for g in groups]
        out[part] = float(np.sqrt(now[cols].sum() / base[cols].sum()))
    return out


def silhouette_polygons(scales: Mapping[str, float], *, centre_x: float = 0.0) -> list[FloatArray]:
    """Polygons (front view) of a schematic figure whose part widths follow ``scales``.

    Parameters
    ----------
    scales
        Output of :func:`silhouette_scales` (each scale 0.3-3).
    centre_x
        Horizontal position of the figure's midline.

    Returns
    -------
    list of ndarray
        Each an (N, 2) array of x, y vertices (height 0 at the feet, about 1.8
        at the head; arbitrary units), ready for ``ax.fill(*poly.T)``: torso,
        two arms, two legs and the head.
    """
    sc = {}
    if not isinstance(scales, Mapping):
        raise ValueError(f"scales must be a mapping part -> scale, as silhouette_scales returns; got {scales!r:.60}")
    if set(scales) - set(_SILHOUETTE_PARTS):
        unknown = ", ".join(repr(k) for k in sorted(set(scales) - set(_SILHOUETTE_PARTS), key=str))
        raise ValueError(f"scales must have only the parts {', '.join(_SILHOUETTE_PARTS)}; got also {unknown}")
    for part in _SILHOUETTE_PARTS:
        if part not in scales:
            raise ValueError(f"scales must have the parts {', '.join(_SILHOUETTE_PARTS)}; missing {part!r}")
        sc[part] = _checks.real_number(f"scales[{part!r}]", scales[part], low=0.3, high=3.0)
    cx = _checks.real_number("centre_x", centre_x)
    sh, ch, arm, th, ca = sc["shoulders"], sc["chest"], sc["arms"], sc["thighs"], sc["calves"]
    # Half-widths of the torso at heights (feet = 0): shoulders, chest, waist, hips.
    torso_right = [(0.22 * sh, 1.50), (0.19 * ch, 1.30), (0.14, 1.05), (0.17 * th ** 0.5, 0.92)]
    torso = [(x, y) for x, y in torso_right] + [(-x, y) for x, y in reversed(torso_right)]
    polys = [np.array(torso)]
    for side in (1.0, -1.0):
        x0 = side * (0.22 * sh + 0.005)
        w_up, w_lo = 0.045 * arm, 0.035
        arm_poly = [(x0, 1.50), (x0 + side * 2 * w_up, 1.46), (x0 + side * 2 * w_lo + side * 0.03, 0.85),
                    (x0 + side * 0.03, 0.85), (x0, 1.30)]
        polys.append(np.array(arm_poly))
        leg_in = side * 0.015
        leg_poly = [(leg_in, 0.92), (side * 0.17 * th ** 0.5, 0.92), (side * (0.02 + 0.13 * th), 0.75),
                    (side * 0.10, 0.50), (side * (0.02 + 0.075 * ca), 0.32), (side * 0.08, 0.04),
                    (side * 0.03, 0.04), (leg_in, 0.50)]
        polys.append(np.array(leg_poly))
    angle = np.linspace(0.0, 2.0 * np.pi, 40)
    polys.append(np.column_stack([0.09 * np.cos(angle), 1.64 + 0.12 * np.sin(angle)]))
    return [p + np.array([cx, 0.0]) for p in polys]
