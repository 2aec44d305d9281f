"""The data and charts of the book's explorables: each chapter's model over a grid of its inputs.

An explorable is a chart in the online book with controls (sliders, menus) for a model's
inputs. The browser never computes a model value: every value it shows is computed here, at
build time, by calling the tested models of :mod:`legday` once for every combination of the
controls' values, and the page only *selects* the row that matches the controls
(``_ext/explorables.py`` writes the page, ``_static/legday-explorables.js`` selects and draws).

Each explorable is one function returning an :class:`Explorable`: its controls, one row per
combination of their values (the row's summary numbers and its curves, one list per series,
over the shared ``x`` values), a summary sentence with ``{field}`` placeholders filled from the
row, and a Vega-Lite specification of the chart. Values are rounded to three significant
figures (:func:`sig`), which keeps each explorable's data under 150 KB and is finer than the
charts or the sentences show; the tests compare every checked row with the model called
directly, rounded the same way.

This module holds no model: it only calls :mod:`legday.energy`, :mod:`legday.bodymass`,
:mod:`legday.fitness`, :mod:`legday.assessment`, :mod:`legday.program`, :mod:`legday.growth`, :mod:`legday.anatomy`, :mod:`legday.mechanics`,
:mod:`legday.hormones` and :mod:`legday.trials`.
"""

from __future__ import annotations

import itertools
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from legday import (anatomy, assessment, bodymass, energy, fitness, growth, hormones, mechanics, plotting, program,
                    trials, volume)
from legday import reference as ref

__all__ = ["Control", "Explorable", "EXPLORABLES", "build", "sig",
           "energy_swap", "fitness_fatigue_impulse", "weekly_readiness", "weekly_readiness_row", "session_plan_load", "balanced_growth", "stable_base", "trial_power", "hormone_cohorts"]

#: Significant figures kept in the data.
SIGNIFICANT_FIGURES = 3


def sig(value: float, figures: int = SIGNIFICANT_FIGURES) -> float | int:
    """``value`` rounded to ``figures`` significant figures (an int when it is whole).

    Raises
    ------
    ValueError
        If ``value`` is NaN or infinite: the page would show "NaN".
    """
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"value must be a finite number; got {value!r}")
    if value == 0.0:
        return 0
    digits = figures - 1 - math.floor(math.log10(abs(value)))
    rounded = round(value, digits)
    return int(rounded) if float(rounded).is_integer() else rounded


def _sig_list(values: Sequence[float] | np.ndarray) -> list[float | int]:
    return [sig(v) for v in np.asarray(values, dtype=float).ravel()]


@dataclass(frozen=True)
class Control:
    """One input of an explorable: a slider over ``values`` (a menu when ``kind="select"``)."""

    name: str
    label: str
    values: tuple[float, ...] | tuple[str, ...]
    default: float | str
    unit: str = ""
    kind: str = "range"

    def __post_init__(self) -> None:
        if self.default not in self.values:
            raise ValueError(f"default must be one of the values {self.values}; got {self.default!r}")
        if self.kind not in ("range", "select"):
            raise ValueError(f"kind must be 'range' or 'select'; got {self.kind!r}")

    def text(self, value: float | str) -> str:
        """The value as the page shows it, with its unit."""
        shown = value if isinstance(value, str) else f"{value:g}"
        return f"{shown} {self.unit}".strip()


@dataclass(frozen=True)
class Explorable:
    """Controls, the precomputed rows, the summary template and the Vega-Lite spec of one explorable."""

    name: str
    title: str
    controls: tuple[Control, ...]
    x: list[float | int]
    x_field: str
    series: tuple[tuple[str, str, str], ...]  # (field in each row, legend label, colour)
    rows: list[dict[str, Any]]
    summary: str
    description: str
    spec: dict[str, Any] = field(default_factory=dict)

    def row(self, **setting: float) -> dict[str, Any]:
        """The row for one setting of the controls (every control named).

        Raises
        ------
        ValueError
            If a control is missing, unknown, or set to a value outside its grid.
        """
        names = {c.name for c in self.controls}
        if set(setting) != names:
            raise ValueError(f"setting must name exactly the controls {sorted(names)}; got {sorted(setting)}")
        for row in self.rows:
            if all(row[k] == v for k, v in setting.items()):
                return row
        raise ValueError(f"setting {setting} is not on the grid of {self.name!r}")

    def default_row(self) -> dict[str, Any]:
        return self.row(**{c.name: c.default for c in self.controls})

    def summary_text(self, row: dict[str, Any]) -> str:
        """The summary sentence for a row (the page fills the same template the same way)."""
        return self.summary.format(**{k: (f"{v:g}" if isinstance(v, (int, float)) else v)
                                      for k, v in row.items() if not isinstance(v, list)})

    def payload(self) -> dict[str, Any]:
        """What the page embeds (JSON): everything the script needs to select and draw."""
        return {
            "name": self.name,
            "controls": [{"name": c.name, "label": c.label, "unit": c.unit, "kind": c.kind,
                          "values": list(c.values), "default": c.default} for c in self.controls],
            "x": self.x,
            "xField": self.x_field,
            "series": [{"field": f, "label": label, "color": colour} for f, label, colour in self.series],
            "rows": self.rows,
            "summary": self.summary,
            "spec": self.spec,
        }

    def to_json(self) -> str:
        """The payload as compact JSON (no spaces), safe inside a ``<script>`` element."""
        text = json.dumps(self.payload(), separators=(",", ":"), allow_nan=False)
        return text.replace("</", "<\\/")


def _line_spec(x_title: str, y_title: str, series: Sequence[tuple[str, str, str]]) -> dict[str, Any]:
    """A Vega-Lite line chart of ``{x, y, series}`` points, one line per series, fixed colours."""
    labels = [label for _, label, _ in series]
    colours = [colour for _, _, colour in series]
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": "container",
        "height": 260,
        "autosize": {"type": "fit-x", "contains": "padding"},
        "data": {"name": "points"},
        "mark": {"type": "line", "strokeWidth": 2.5, "aria": False},
        "encoding": {
            "x": {"field": "x", "type": "quantitative", "title": x_title},
            "y": {"field": "y", "type": "quantitative", "title": y_title, "scale": {"zero": False}},
            "color": {"field": "series", "type": "nominal", "title": None,
                      "scale": {"domain": labels, "range": colours},
                      "legend": {"orient": "bottom", "direction": "vertical"}},
            "strokeDash": {"field": "series", "type": "nominal", "legend": None,
                           "scale": {"domain": labels, "range": [[1, 0], [6, 3], [2, 2]][: len(labels)]}},
        },
    }


def _grid(controls: Sequence[Control]) -> list[dict[str, float]]:
    return [dict(zip([c.name for c in controls], combo)) for combo in itertools.product(*(c.values for c in controls))]



# --------------------------------------------------------------------------- chapter 3


#: Chapter 3's two programmes (the chapter's setup cell defines the same lists; a test checks).
HORMONE_PROGRAMMES = {
    "balanced": [("bench press", 3), ("row", 3), ("overhead press", 2), ("pull-up", 2),
                 ("biceps curl", 2), ("triceps extension", 2),
                 ("squat", 4), ("romanian deadlift", 3), ("leg press", 3), ("calf raise", 2)],
    "upper-only": [("bench press", 4), ("incline press", 3), ("row", 4), ("pull-up", 3),
                   ("overhead press", 3), ("lateral raise", 3), ("biceps curl", 3), ("triceps extension", 3)],
}
#: Simulated cohorts per setting (chapter 3 uses as many).
HORMONE_COHORTS = 1000
#: The seed of every setting's cohorts (chapter 3's).
HORMONE_SEED = 2012
#: Edges of the 0.05-wide bins of the cohorts' correlations.
R_EDGES = tuple(round(-0.8 + 0.05 * i, 2) for i in range(33))


def hormone_cohorts() -> Explorable:
    """Chapter 3: programme and cohort size -> hormone-gain correlations when hormones do nothing.

    :func:`legday.hormones.cohort_correlations` (outcome lean mass, the weeks of West et al. 2012,
    seed 2012) for each programme and cohort size: the standard deviation of the cohorts' r, the
    share at least as strong as the weaker of West and Phillips's growth-hormone links in either
    direction, and the share of cohorts in each 0.05-wide bin of r.
    """
    west_n = float(ref.WEST2012_N.value)
    weeks = int(ref.WEST2012_WEEKS.value)
    west_r = float(ref.WEST2012_R_GH_FIBRE_AREA_LOW.value)
    controls = (
        Control("programme", "Programme", tuple(HORMONE_PROGRAMMES), "balanced", kind="select"),
        Control("people", "Men in each cohort", tuple(sorted({12.0, 24.0, west_n, 100.0, 200.0})), west_n, "men"),
    )
    edges = np.array(R_EDGES)
    series = (("share", "share of cohorts", plotting.color("model")),)
    rows = []
    for g in _grid(controls):
        r = hormones.cohort_correlations(HORMONE_PROGRAMMES[g["programme"]], weeks=weeks, n_people=int(g["people"]),
                                         n_cohorts=HORMONE_COHORTS, seed=HORMONE_SEED)
        counts, _ = np.histogram(r, bins=edges)
        rows.append({**g, "weeks": weeks, "cohorts": HORMONE_COHORTS, "sd": sig(r.std()), "west_r": sig(west_r),
                     "big": sig(100 * np.mean(np.abs(r) >= west_r)),
                     "share": _sig_list(100 * counts / HORMONE_COHORTS)})
    spec = _line_spec("Hormone–gain correlation (r)", "Cohorts per 0.05 bin (%)", series)
    spec["mark"]["interpolate"] = "step"
    return Explorable(
        name="hormone-cohorts",
        title="Correlations that chance alone produces",
        controls=controls,
        x=[sig(e + 0.025) for e in edges[:-1]],
        x_field="r",
        series=series,
        rows=rows,
        summary=("In {cohorts} simulated cohorts of {people} men on the {programme} programme for {weeks} weeks, with "
                 "hormones doing nothing, the correlation of hormone response with lean-mass gain has a standard "
                 "deviation of {sd}, and {big} % of cohorts show one at least as strong as {west_r} in either "
                 "direction."),
        description=("Step chart of how the simulated cohorts' correlations between hormone response and "
                     "lean-mass gain are spread, for the chosen programme and cohort size."),
        spec=spec,
    )


# --------------------------------------------------------------------------- chapter 4


#: The chapter's lifter (chapter 4): 180 cm, 30 years, man; fat mass scales with body mass at
#: the lifter's share, 18 kg of 80 kg.
LIFTER_FAT_SHARE = 18.0 / 80.0
#: The lifter's height, age and sex (chapter 4).
LIFTER = {"height_cm": 180.0, "age_years": 30.0, "sex": "male"}
#: Every 13 weeks for five years (the day numbers of the chart).
ENERGY_DAYS = list(range(0, 5 * bodymass.DAYS_PER_YEAR + 1, 91))


def energy_swap() -> Explorable:
    """Chapter 4: swap upper-body sessions for leg sessions; the daily gap and body mass over five years.

    For each body mass, session length and number of sessions swapped a week, the extra energy of
    one leg session over an upper-body session (:func:`legday.energy.leg_minus_upper_kcal`), the
    daily gap it makes, and the change in body mass by the static rule
    (:func:`legday.bodymass.static_mass_change_kg`) and by the dynamic model
    (:func:`legday.bodymass.simulate_body_mass`, the chapter's lifter: 180 cm, 30 years, a man,
    with the lifter's share of fat) every 13 weeks for five years.
    """
    controls = (
        Control("mass", "Body mass", (60.0, 70.0, 80.0, 90.0, 100.0, 110.0), 80.0, "kg"),
        Control("minutes", "Session length", (30.0, 45.0, 60.0, 75.0, 90.0), 60.0, "min"),
        Control("swaps", "Leg sessions swapped in a week", (1.0, 2.0, 3.0), 1.0, "a week"),
    )
    grid = _grid(controls)
    mass = np.array([g["mass"] for g in grid])
    minutes = np.array([g["minutes"] for g in grid])
    swaps = np.array([g["swaps"] for g in grid])
    kcal = np.asarray(energy.leg_minus_upper_kcal(mass, minutes))
    gap = kcal * swaps / 7.0
    days = np.array(ENERGY_DAYS)
    run = bodymass.simulate_body_mass(mass, LIFTER_FAT_SHARE * mass, days=int(days[-1]),
                                      extra_expenditure_kcal_per_day=gap, **LIFTER)
    dynamic = run.mass_change_kg[days]  # (len(days), len(grid))
    static = np.asarray(bodymass.static_mass_change_kg(-gap[None, :], days=days[:, None]))
    series = (("static", "static rule (7,716 kcal/kg)", plotting.color("alternative")),
              ("dynamic", "dynamic fat and lean model", plotting.color("model")))
    rows = []
    for i, g in enumerate(grid):
        rows.append({**g, "kcal": sig(kcal[i]), "gap": sig(gap[i]),
                     "static5": sig(-static[-1, i]), "dynamic5": sig(-dynamic[-1, i]),
                     "static": _sig_list(static[:, i]), "dynamic": _sig_list(dynamic[:, i])})
    spec = _line_spec("Time (years)", "Change in body mass (kg)", series)
    return Explorable(
        name="energy-swap",
        title="Swap upper-body sessions for leg sessions",
        controls=controls,
        x=[sig(d / bodymass.DAYS_PER_YEAR) for d in days],
        x_field="years",
        series=series,
        rows=rows,
        summary=("At {mass} kg and {minutes} minutes a leg session costs {kcal} kcal more than an upper-body "
                 "session; {swaps} swapped a week is a gap of {gap} kcal a day. After five years the static "
                 "rule predicts {static5} kg lost, the dynamic model {dynamic5} kg."),
        description=("Line chart of the change in body mass over five years, by the static rule and by the "
                     "dynamic model, for the chosen body mass, session length and sessions swapped."),
        spec=spec,
    )


# --------------------------------------------------------------------------- chapter 5


#: One session of this load on day 0 (chapter 5's impulse), then rest.
IMPULSE_LOAD = 100.0
#: The session plans of chapter 5's explorable, one session on day 0 or the chapter's training
#: block (:func:`legday.fitness.training_block`), on one shared run of days.
SESSION_PLANS = ("one session", "the eight-week block")


def session_plan_load(plan: str) -> np.ndarray:
    """The daily loads of a session plan of ``SESSION_PLANS``, all as long as the block.

    ``"one session"`` is a load of ``IMPULSE_LOAD`` (100) on day 0 followed by rest days;
    ``"the eight-week block"`` is :func:`legday.fitness.training_block` itself.

    Raises
    ------
    ValueError
        If ``plan`` is not one of ``SESSION_PLANS``.
    """
    block = fitness.training_block()
    if plan == SESSION_PLANS[1]:
        return block
    if plan == SESSION_PLANS[0]:
        load = np.zeros(block.size)
        load[0] = IMPULSE_LOAD
        return load
    raise ValueError(f"plan must be one of {SESSION_PLANS}; got {plan!r}")


def fitness_fatigue_impulse() -> Explorable:
    """Chapter 5: tau1, tau2, k1, k2 and a session plan -> performance, day by day.

    Performance from :func:`legday.fitness.fitness_fatigue` (baseline p0 of the Clarke and Skiba
    example) for one session of load 100 on day 0, or for the chapter's eight-week training
    block (:func:`legday.fitness.training_block`), both over the block's days, with the lowest
    and the best performance, the best day and the first day with a net gain.
    """
    p0 = ref.CLARKE_SKIBA_EXAMPLE["p0"].value
    controls = (
        Control("tau1", "Fitness time constant τ₁", (20.0, 27.0, 35.0, 45.0), 27.0, "days"),
        Control("tau2", "Fatigue time constant τ₂", (5.0, 10.0, 15.0), 10.0, "days"),
        Control("k1", "Fitness gain k₁", (0.5, 1.0, 1.5), 1.0),
        Control("k2", "Fatigue gain k₂", (1.0, 2.0, 3.0), 2.0),
        Control("plan", "Session plan", SESSION_PLANS, SESSION_PLANS[0], kind="select"),
    )
    loads = {plan: session_plan_load(plan) for plan in SESSION_PLANS}
    days = loads[SESSION_PLANS[0]].size
    series = (("performance", "performance", plotting.color("model")),)
    rows = []
    for g in _grid(controls):
        perf = fitness.fitness_fatigue(loads[g["plan"]], g["k1"], g["k2"], g["tau1"], g["tau2"], p0=p0)
        gain = np.flatnonzero(perf > p0)
        rows.append({**g,
                     "best_day": int(np.argmax(perf)),
                     "best": sig(perf.max()),
                     "low": sig(perf.min()),
                     "first_gain": (f"day {int(gain[0])}" if gain.size else f"no day of the {days} shown"),
                     "performance": _sig_list(perf)})
    spec = _line_spec("Day (the plan starts on day 0)", "Performance (arbitrary units)", series)
    spec["layer"] = [
        {"mark": {"type": "rule", "strokeDash": [4, 3], "color": plotting.color("reference"), "aria": False},
         "encoding": {"y": {"datum": p0}}},
        {"mark": spec.pop("mark"), "encoding": spec.pop("encoding")},
    ]
    return Explorable(
        name="fitness-fatigue",
        title="One session, two effects",
        controls=controls,
        x=list(range(days)),
        x_field="day",
        series=series,
        rows=rows,
        summary=("With τ₁ = {tau1} days, τ₂ = {tau2} days, k₁ = {k1} and k₂ = {k2}, after {plan} on day 0 "
                 "performance falls as low as {low}, first beats the baseline on {first_gain} and peaks at "
                 "{best} on day {best_day}."),
        description=(f"Line chart of performance on each of the {days} days from day 0, with the baseline as a "
                     "dashed line, for the chosen time constants, gains and session plan (one session, or the "
                     "eight-week training block)."),
        spec=spec,
    )


#: The days of the week as the summaries write them.
DAY_NAMES = dict(zip(program.DAYS, ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")))
#: Suffix of the label of a muscle's "trained directly that day" series (drawn as dots).
TRAINED_SUFFIX = " (trained)"


def weekly_readiness_row(programme: program.Programme) -> dict[str, Any]:
    """The summary numbers and curves of one week (without the control's value).

    From :func:`legday.assessment.evaluate`: the flags, the lowest readiness at which a muscle is
    trained directly with its muscle and day (the first in week order, Monday first, when two
    are equal), each muscle's readiness on each morning (``readiness_<muscle>``), 1 on the days
    it is trained directly and 0 on the others (``trained_<muscle>``), and each muscle's lowest
    morning readiness as text.
    """
    ev = assessment.evaluate(programme)
    ready, direct = ev.readiness, ev.direct_sets
    trained = np.where(direct > 0, ready, np.inf)
    day, muscle = np.unravel_index(int(np.argmin(trained.T)), trained.T.shape)
    row: dict[str, Any] = {
        "flags": len(ev.flags),
        "threshold": sig(ev.ready_threshold),
        "lowest": sig(ev.lowest_readiness),
        "lowest_muscle": volume.MUSCLES[muscle] if np.isfinite(trained).any() else "no muscle",
        "lowest_day": DAY_NAMES[program.DAYS[day]] if np.isfinite(trained).any() else "no day",
        "mornings": ", ".join(f"{m} {sig(ready[i].min()):g}" for i, m in enumerate(volume.MUSCLES)),
    }
    for i, m in enumerate(volume.MUSCLES):
        row[f"readiness_{m}"] = _sig_list(ready[i])
    for i, m in enumerate(volume.MUSCLES):
        row[f"trained_{m}"] = [int(v > 0) for v in direct[i]]
    return row


def _heatmap_spec(muscles: Sequence[str]) -> dict[str, Any]:
    """A Vega-Lite heatmap of ``{x, y, series}`` points: x the day, series the muscle, y the readiness.

    The "trained" series (labels ending in ``TRAINED_SUFFIX``, y 1 on a day the muscle is
    trained directly) are not drawn as cells: they put a dot before the readiness written in
    their muscle's cell on that day. The chart only draws; every value is the row's.
    """
    trained = f"(indexof(datum.series, '{TRAINED_SUFFIX}') >= 0)"
    band = {"paddingInner": 0.08}
    return {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "width": "container",
        "height": 30 * len(muscles),
        "autosize": {"type": "fit-x", "contains": "padding"},
        "data": {"name": "points"},
        "title": {"text": "• trained directly that day", "orient": "bottom", "anchor": "start",
                  "fontSize": 12, "fontWeight": "normal"},
        "transform": [
            {"calculate": f"replace(datum.series, '{TRAINED_SUFFIX}', '')", "as": "muscle"},
            {"calculate": f"{trained} ? datum.y : 0", "as": "trained_value"},
            {"joinaggregate": [{"op": "max", "field": "trained_value", "as": "trained"}],
             "groupby": ["x", "muscle"]},
            {"filter": f"!{trained}"},
            {"calculate": "(datum.trained > 0 ? '\u2022 ' : '') + format(datum.y, '.2f')", "as": "label"},
        ],
        "encoding": {
            "x": {"field": "x", "type": "ordinal", "title": None, "sort": list(program.DAYS), "scale": band,
                  "axis": {"orient": "top", "labelAngle": 0, "domain": False, "ticks": False}},
            "y": {"field": "muscle", "type": "nominal", "title": None, "sort": list(muscles), "scale": band,
                  "axis": {"domain": False, "ticks": False}},
        },
        "layer": [
            {"mark": {"type": "rect", "aria": False},
             "encoding": {"color": {"field": "y", "type": "quantitative", "title": "Readiness (0-1)",
                                    "scale": {"scheme": plotting.sequential_cmap(), "domain": [0, 1]},
                                    "legend": {"orient": "bottom", "direction": "horizontal",
                                               "gradientLength": 180}}}},
            {"mark": {"type": "text", "fontSize": 10, "aria": False},
             "encoding": {"text": {"field": "label", "type": "nominal"},
                          "color": {"condition": {"test": "datum.y > 0.5", "value": "#111111"},
                                    "value": "#ffffff"}}},
        ],
    }


def weekly_readiness() -> Explorable:
    """Chapter 5: one of the eight weeks the chapter compares -> each muscle's readiness on each morning.

    For each week of :data:`legday.program.RECOVERY_COMPARISON`, :func:`weekly_readiness_row`:
    the flags of :func:`legday.assessment.evaluate`, the lowest readiness at which a muscle is
    trained directly (with its muscle and day), and the readiness of every muscle on every
    morning of the repeated week (:func:`legday.assessment.readiness_by_day`), drawn as a
    heatmap with a dot on each day a muscle is trained directly.
    """
    weeks = program.RECOVERY_COMPARISON
    names = tuple(weeks)
    controls = (Control("week", "Week", names, "upper + legs on rest days", kind="select"),)
    muscles = tuple(volume.MUSCLES)
    series = tuple((f"readiness_{m}", m, "#000000") for m in muscles) + tuple(
        (f"trained_{m}", f"{m}{TRAINED_SUFFIX}", "#000000") for m in muscles)
    rows = [{**g, **weekly_readiness_row(weeks[g["week"]])} for g in _grid(controls)]
    return Explorable(
        name="weekly-readiness",
        title="Which muscles are ready on which morning?",
        controls=controls,
        x=list(program.DAYS),
        x_field="day",
        series=series,
        rows=rows,
        summary=("In the week “{week}” the model raises {flags} flags (a muscle trained directly below "
                 "readiness {threshold}); the lowest readiness at which a muscle is trained is {lowest}, the "
                 "{lowest_muscle} on {lowest_day}. Lowest morning readiness of each muscle: {mornings}."),
        description=("Heatmap of each muscle group's readiness (0 to 1) on each morning from Monday to Sunday of "
                     "the chosen week, repeated week after week; a dot marks a day the muscle is trained directly."),
        spec=_heatmap_spec(muscles),
    )


# --------------------------------------------------------------------------- chapter 1


#: Weekly sets for each muscle group of a region (the controls of chapter 1's explorable).
SETS_GRID = (0.0, 4.0, 8.0, 12.0, 16.0, 20.0)
#: Weeks simulated (a year).
GROWTH_WEEKS = 52


def balanced_growth() -> Explorable:
    """Chapter 1: weekly sets per upper-body and per lower-body muscle -> a year's growth and the ratio.

    For each pair of weekly set counts (the same for every muscle group of a region), the average
    man's muscle week by week (:func:`legday.growth.simulate_muscle_kg`, 52 weeks), the muscle
    gained by each region (:func:`legday.anatomy.region_muscle_kg`) and the upper:lower ratio at
    the start and after a year (:func:`legday.anatomy.upper_lower_ratio`).
    """
    controls = (
        Control("upper", "Weekly sets per upper-body muscle", SETS_GRID, 12.0, "sets"),
        Control("lower", "Weekly sets per lower-body muscle", SETS_GRID, 0.0, "sets"),
    )
    series = (("upper_gain", "upper body", plotting.color("upper body")),
              ("lower_gain", "lower body", plotting.color("legs")))
    rows = []
    for g in _grid(controls):
        programme = {m: (g["upper"] if m in volume.UPPER_BODY else g["lower"]) for m in volume.MUSCLES}
        muscle = growth.simulate_muscle_kg(programme, weeks=GROWTH_WEEKS)
        regions = anatomy.region_muscle_kg(muscle)
        upper = np.asarray(regions["upper body"]) - float(regions["upper body"][0])
        lower = np.asarray(regions["lower body"]) - float(regions["lower body"][0])
        ratio = np.asarray(anatomy.upper_lower_ratio(muscle))
        rows.append({**g, "upper52": sig(upper[-1]), "lower52": sig(lower[-1]),
                     "ratio0": sig(ratio[0]), "ratio52": sig(ratio[-1]),
                     "upper_gain": _sig_list(upper), "lower_gain": _sig_list(lower)})
    return Explorable(
        name="balanced-growth",
        title="Split a week's sets between upper and lower body",
        controls=controls,
        x=list(range(GROWTH_WEEKS + 1)),
        x_field="week",
        series=series,
        rows=rows,
        summary=("With {upper} sets a week for each upper-body muscle and {lower} for each lower-body muscle, "
                 "the average man adds {upper52} kg of upper-body muscle and {lower52} kg of lower-body muscle "
                 "in a year; his upper:lower ratio goes from {ratio0} to {ratio52}."),
        description=("Line chart of the muscle gained by the upper and the lower body, week by week for a "
                     "year, for the chosen weekly sets per muscle."),
        spec=_line_spec("Week", "Muscle gained (kg)", series),
    )



# --------------------------------------------------------------------------- chapter 2


#: Base widths of the control (cm).
BASE_WIDTHS_CM = (14.0, 18.0, 22.0, 26.0, 30.0, 36.0, 44.0, 52.0, 60.0)
#: Base widths of the chart (cm).
CHART_WIDTHS_CM = tuple(float(w) for w in range(12, 61))
#: Support torques of the control (N m).
SUPPORT_TORQUES_NM = (60.0, 100.0, 140.0, 200.0, 260.0, 320.0)


def stable_base() -> Explorable:
    """Chapter 2: base of support and support torque -> the load a standing lifter can press.

    :func:`legday.mechanics.pressable_load_kg` standing, for each base width and support torque,
    over base widths of 12 to 60 cm for the chart, with the seated press (a rigid support) for
    comparison. Defaults: the model's standing geometry (:data:`legday.mechanics.GEOMETRY`).
    """
    geometry = mechanics.GEOMETRY["standing"]
    controls = (
        Control("width", "Base of support, heel to toe", BASE_WIDTHS_CM, float(round(100 * geometry.base_width_m)), "cm"),
        Control("torque", "Support torque of the legs and trunk", SUPPORT_TORQUES_NM,
                geometry.support_torque_nm, "N m"),
    )
    seated = float(mechanics.pressable_load_kg("seated"))
    chart_widths = np.array(CHART_WIDTHS_CM) / 100.0
    series = (("standing", "standing", plotting.color("legs")),
              ("seated", "seated (rigid support)", plotting.color("upper body")))
    rows = []
    for g in _grid(controls):
        curve = np.asarray(mechanics.pressable_load_kg(base_width_m=chart_widths, support_torque_nm=g["torque"]))
        load = float(mechanics.pressable_load_kg(base_width_m=g["width"] / 100.0, support_torque_nm=g["torque"]))
        rows.append({**g, "load": sig(load), "seated_kg": sig(seated),
                     "standing": _sig_list(curve), "seated": _sig_list(np.full(curve.shape, seated))})
    return Explorable(
        name="stable-base",
        title="Widen the base, strengthen the support",
        controls=controls,
        x=[sig(w) for w in CHART_WIDTHS_CM],
        x_field="width",
        series=series,
        rows=rows,
        summary=("On a {width} cm base with {torque} N m of support torque, the model's lifter can press "
                 "{load} kg standing; seated, on a rigid support, {seated_kg} kg."),
        description=("Line chart of the load the model's lifter can press standing, over base widths of 12 to "
                     "60 cm, for the chosen support torque, with the seated press as a second line."),
        spec=_line_spec("Base of support (cm)", "Pressable load (kg)", series),
    )



# --------------------------------------------------------------------------- chapter 6


#: Sample sizes of the control (people in a within-subject study).
TRIAL_SIZES = (6.0, 9.0, 12.0, 16.0, 24.0, 32.0, 48.0, 64.0)
#: True effects of the control (percentage points of arm growth).
TRIAL_EFFECTS = (0.0, 2.0, 5.0, 10.0)
#: Simulated studies per setting.
TRIALS_PER_SETTING = 4000
#: Edges of the 1-point bins of the estimates' distribution (percentage points).
ESTIMATE_EDGES = tuple(float(e) for e in range(-14, 25))


def trial_power() -> Explorable:
    """Chapter 6: sample size and true effect -> power and the spread of the studies' estimates.

    For each setting, ``TRIALS_PER_SETTING`` within-subject studies from
    :func:`legday.trials.simulate_trials` (seed: the setting's index in the grid): the share that
    report a significant benefit (their ``benefit_rate``), the middle
    95 % of their estimates, and the share of estimates in each 1-point bin from -14 to 24 points.
    """
    controls = (
        Control("n", "People in the study", TRIAL_SIZES, 12.0, "people"),
        Control("effect", "True effect of adding legs", TRIAL_EFFECTS, 0.0, "points"),
    )
    edges = np.array(ESTIMATE_EDGES)
    series = (("share", "share of studies", plotting.color("upper body")),)
    rows = []
    for seed, g in enumerate(_grid(controls)):
        run = trials.simulate_trials(TRIALS_PER_SETTING, design="within", n=int(g["n"]),
                                     true_effect_pct=g["effect"], seed=seed)
        counts, _ = np.histogram(run.estimated_effect_pct, bins=edges)
        low, high = np.percentile(run.estimated_effect_pct, [2.5, 97.5])
        rows.append({**g, "power": sig(100 * run.benefit_rate), "low": sig(low), "high": sig(high),
                     "share": _sig_list(100 * counts / TRIALS_PER_SETTING)})
    spec = _line_spec("Estimated effect (points)", "Studies per 1-point bin (%)", series)
    spec["mark"]["interpolate"] = "step"
    return Explorable(
        name="trial-power",
        title="How big a study do you need?",
        controls=controls,
        x=[sig(e + 0.5) for e in edges[:-1]],
        x_field="estimate",
        series=series,
        rows=rows,
        summary=("With {n} people and a true effect of {effect} points, {power} % of simulated studies report "
                 "a significant benefit of legs; the middle 95 % of their estimates run from {low} to {high} "
                 "points."),
        description=("Step chart of how the simulated studies' estimates of the legs effect are spread, for "
                     "the chosen sample size and true effect."),
        spec=spec,
    )


# --------------------------------------------------------------------------- registry


#: Every explorable by name (the argument of the ``{explorable}`` directive).
EXPLORABLES: dict[str, Callable[[], Explorable]] = {
    "energy-swap": energy_swap,
    "fitness-fatigue": fitness_fatigue_impulse,
    "weekly-readiness": weekly_readiness,
    "balanced-growth": balanced_growth,
    "stable-base": stable_base,
    "trial-power": trial_power,
    "hormone-cohorts": hormone_cohorts,
}


def build(name: str) -> Explorable:
    """The explorable called ``name`` (a key of :data:`EXPLORABLES`).

    Raises
    ------
    ValueError
        If ``name`` is not a known explorable.
    """
    if name not in EXPLORABLES:
        raise ValueError(f"name must be one of {sorted(EXPLORABLES)}; got {name!r}")
    return EXPLORABLES[name]()
