"""The explorables' data are legday's answers (issue 14): fast checks, no browser, no book build.

For each explorable, a few settings of its controls are looked up in the precomputed rows and
compared with the model called directly for that setting (rounded the same way, three significant
figures), so the page can only show what ``legday`` returns. Each explorable's data stay within
150 KB, its Vega-Lite spec renders (``vl_convert``, the same wheel that ships the page's bundle),
the bundle is written once and stays within 1.5 MB, and the directive's HTML has labelled
controls, a live summary and a chart with a text alternative. Every checker is shown failing on a
tampered specimen.
"""

from __future__ import annotations

import ast
import copy
import html.parser
import json
import math
from pathlib import Path

import numpy as np
import pytest

from legday import anatomy, assessment, bodymass, energy, fitness, growth, hormones, mechanics, program, trials, volume
from legday import explorables as ex
from legday import reference as ref

ROOT = Path(__file__).resolve().parents[1]

import explorables as ext  # the Sphinx extension, _ext/explorables.py (pytest puts _ext on the path)

DATA_BUDGET_KB = 150.0
BUNDLE_BUDGET_KB = 1536.0


@pytest.fixture(scope="module")
def built() -> dict[str, ex.Explorable]:
    return {name: ex.build(name) for name in ex.EXPLORABLES}


def mismatches(row_values, direct) -> list[str]:
    """Where the row differs from the model's values by more than the three-figure rounding."""
    rows = np.atleast_1d(np.asarray(row_values, dtype=float))
    model = np.atleast_1d(np.asarray(direct, dtype=float))
    if rows.shape != model.shape:
        return [f"shape {rows.shape} != {model.shape}"]
    out = []
    for i, (r, m) in enumerate(zip(rows, model)):
        if r != ex.sig(m) and not math.isclose(r, m, rel_tol=5e-3, abs_tol=1e-9):
            out.append(f"[{i}] page {r} != legday {m}")
    return out


# --------------------------------------------------------------------------- the rows are legday's


ENERGY_SETTINGS = [dict(mass=80.0, minutes=60.0, swaps=1.0), dict(mass=60.0, minutes=30.0, swaps=3.0),
                   dict(mass=110.0, minutes=90.0, swaps=2.0), dict(mass=90.0, minutes=45.0, swaps=1.0)]


def energy_direct(mass: float, minutes: float, swaps: float) -> dict:
    kcal = energy.leg_minus_upper_kcal(mass, minutes)
    gap = kcal * swaps / 7.0
    days = np.array(ex.ENERGY_DAYS)
    run = bodymass.simulate_body_mass(mass, 18.0 / 80.0 * mass, 180.0, 30.0, "male", days=int(days[-1]),
                                      extra_expenditure_kcal_per_day=gap)
    static = bodymass.static_mass_change_kg(-gap, days=days)
    return {"kcal": kcal, "gap": gap, "static": static, "dynamic": run.mass_change_kg[days],
            "static5": -static[-1], "dynamic5": -run.mass_change_kg[days][-1]}


@pytest.mark.parametrize("setting", ENERGY_SETTINGS, ids=lambda s: "-".join(f"{v:g}" for v in s.values()))
def test_energy_rows_are_what_legday_returns(built, setting) -> None:
    row = built["energy-swap"].row(**setting)
    direct = energy_direct(**setting)
    for key, value in direct.items():
        assert not mismatches(row[key], value), (key, mismatches(row[key], value))


def test_energy_default_is_the_chapters_lifter(built) -> None:
    item = built["energy-swap"]
    row = item.default_row()
    assert row["kcal"] == ex.sig(energy.leg_minus_upper_kcal(80.0, 60.0))
    assert f"{row['kcal']:g} kcal more" in item.summary_text(row)


FITNESS_SETTINGS = [dict(tau1=27.0, tau2=10.0, k1=1.0, k2=2.0, plan="one session"),
                    dict(tau1=20.0, tau2=5.0, k1=0.5, k2=3.0, plan="one session"),
                    dict(tau1=45.0, tau2=15.0, k1=1.5, k2=1.0, plan="one session"),
                    dict(tau1=27.0, tau2=10.0, k1=1.0, k2=2.0, plan="the eight-week block"),
                    dict(tau1=35.0, tau2=10.0, k1=1.0, k2=3.0, plan="the eight-week block"),
                    dict(tau1=20.0, tau2=15.0, k1=0.5, k2=1.0, plan="the eight-week block")]


def fitness_direct(tau1: float, tau2: float, k1: float, k2: float, plan: str) -> dict:
    """legday called directly: chapter 5's block, or one session of 100 on day 0 padded to the block's days."""
    block = fitness.training_block()
    load = block if plan == "the eight-week block" else np.where(np.arange(block.size) == 0, 100.0, 0.0)
    p0 = ref.CLARKE_SKIBA_EXAMPLE["p0"].value
    perf = fitness.fitness_fatigue(load, k1, k2, tau1, tau2, p0=p0)
    gain = np.flatnonzero(perf > p0)
    return {"performance": perf, "best": perf.max(), "low": perf.min(), "best_day": int(np.argmax(perf)),
            "first_gain": f"day {int(gain[0])}" if gain.size else f"no day of the {block.size} shown"}


@pytest.mark.parametrize("setting", FITNESS_SETTINGS, ids=lambda s: "-".join(f"{v:g}" if isinstance(v, float) else v
                                                                             for v in s.values()))
def test_fitness_rows_are_what_legday_returns(built, setting) -> None:
    row = built["fitness-fatigue"].row(**setting)
    direct = fitness_direct(**setting)
    for key in ("performance", "best", "low"):
        assert not mismatches(row[key], direct[key]), (key, mismatches(row[key], direct[key]))
    assert row["best_day"] == direct["best_day"] and row["first_gain"] == direct["first_gain"]


def test_fitness_plans_share_the_blocks_days_and_the_summary_names_the_plan(built) -> None:
    item = built["fitness-fatigue"]
    assert item.x == list(range(fitness.training_block().size))
    one, block = item.row(tau1=27.0, tau2=10.0, k1=1.0, k2=2.0, plan="one session"), item.row(
        tau1=27.0, tau2=10.0, k1=1.0, k2=2.0, plan="the eight-week block")
    assert "after one session on day 0" in item.summary_text(one)
    assert "after the eight-week block on day 0" in item.summary_text(block)
    assert item.default_row()["plan"] == "one session"  # the chapter's figure above is one session


WEEK_SETTINGS = [dict(week=name) for name in program.RECOVERY_COMPARISON]


def readiness_direct(week: str) -> dict:
    """legday called directly for one of chapter 5's weeks."""
    prog = program.RECOVERY_COMPARISON[week]
    ev = assessment.evaluate(prog)
    ready = assessment.readiness_by_day(prog)
    direct = program.direct_sets(prog)
    out = {"flags": len(ev.flags), "lowest": ev.lowest_readiness, "threshold": ev.ready_threshold}
    trained = [(ready[m, d], d, m) for d in range(7) for m in range(len(volume.MUSCLES)) if direct[m, d] > 0]
    _, day, muscle = min(trained, key=lambda t: t[0])  # the first in week order among equals
    out["lowest_muscle"], out["lowest_day"] = volume.MUSCLES[muscle], ex.DAY_NAMES[program.DAYS[day]]
    out["mornings"] = ", ".join(f"{m} {ex.sig(ready[i].min()):g}" for i, m in enumerate(volume.MUSCLES))
    for i, m in enumerate(volume.MUSCLES):
        out[f"readiness_{m}"] = ready[i]
        out[f"trained_{m}"] = (direct[i] > 0).astype(float)
        out[f"morning_{m}"] = ready[i].min()
    return out


@pytest.mark.parametrize("setting", WEEK_SETTINGS, ids=lambda s: s["week"])
def test_readiness_rows_are_what_legday_returns(built, setting) -> None:
    row = built["weekly-readiness"].row(**setting)
    direct = readiness_direct(**setting)
    for key, value in direct.items():
        if key.startswith("morning_"):
            continue
        if isinstance(value, str):
            assert row[key] == value, (key, row[key], value)
        else:
            assert not mismatches(row[key], value), (key, mismatches(row[key], value))
    assert row["lowest"] == ex.sig(direct["lowest"])


def test_readiness_summary_has_the_flags_the_lowest_and_every_muscle(built) -> None:
    item = built["weekly-readiness"]
    row = item.row(week="legs back to back")
    text = item.summary_text(row)
    direct = readiness_direct("legs back to back")
    assert f"raises {direct['flags']} flags (a muscle trained directly below readiness {ex.sig(direct['threshold']):g})" in text
    assert f"is {ex.sig(direct['lowest']):g}, the {direct['lowest_muscle']} on {direct['lowest_day']}" in text
    for m in volume.MUSCLES:
        assert f"{m} {ex.sig(direct[f'morning_{m}']):g}" in text, m
    assert item.default_row()["week"] == "upper + legs on rest days"


def test_chapter_5_uses_legdays_block_and_weeks() -> None:
    """The chapter and the explorables share one definition: the chapter calls legday, it copies nothing."""
    nb = json.loads((ROOT / "chapters" / "05_recovery.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code")
    assert sharing_problems(code) == []
    copied = code + "\nscale = [1.0, 1.1, 1.2, 0.6]\nweeks = [program.split('full body')]\n"
    assert sharing_problems(copied)  # the checker can fail
    assert sharing_problems("block = np.zeros(3)\n")


def sharing_problems(code: str) -> list[str]:
    problems = []
    if "fitness.training_block()" not in code:
        problems.append("the block is not fitness.training_block()")
    if "program.RECOVERY_COMPARISON" not in code:
        problems.append("the weeks are not program.RECOVERY_COMPARISON")
    if "scale = [" in code or "np.array([1, 1, 1, 0, 1, 1, 0]" in code:
        problems.append("the block's literals are copied")
    if "weeks = [" in code or '"legs back to back")' in code:
        problems.append("the compared weeks are built in the chapter")
    return problems


GROWTH_SETTINGS = [dict(upper=12.0, lower=0.0), dict(upper=8.0, lower=8.0), dict(upper=0.0, lower=20.0),
                   dict(upper=20.0, lower=4.0)]


def growth_direct(upper: float, lower: float) -> dict:
    programme = {m: (upper if m in volume.UPPER_BODY else lower) for m in volume.MUSCLES}
    muscle = growth.simulate_muscle_kg(programme, weeks=52)
    regions = anatomy.region_muscle_kg(muscle)
    up = regions["upper body"] - regions["upper body"][0]
    low = regions["lower body"] - regions["lower body"][0]
    ratio = anatomy.upper_lower_ratio(muscle)
    return {"upper_gain": up, "lower_gain": low, "upper52": up[-1], "lower52": low[-1],
            "ratio0": ratio[0], "ratio52": ratio[-1]}


@pytest.mark.parametrize("setting", GROWTH_SETTINGS, ids=lambda s: "-".join(f"{v:g}" for v in s.values()))
def test_growth_rows_are_what_legday_returns(built, setting) -> None:
    row = built["balanced-growth"].row(**setting)
    for key, value in growth_direct(**setting).items():
        assert not mismatches(row[key], value), (key, mismatches(row[key], value))


BASE_SETTINGS = [dict(width=26.0, torque=200.0), dict(width=22.0, torque=100.0), dict(width=60.0, torque=320.0),
                 dict(width=14.0, torque=60.0)]


def base_direct(width: float, torque: float) -> dict:
    widths = np.arange(12, 61) / 100.0
    seated = mechanics.pressable_load_kg("seated")
    return {"load": mechanics.pressable_load_kg(base_width_m=width / 100.0, support_torque_nm=torque),
            "standing": mechanics.pressable_load_kg(base_width_m=widths, support_torque_nm=torque),
            "seated_kg": seated, "seated": np.full(widths.shape, seated)}


@pytest.mark.parametrize("setting", BASE_SETTINGS, ids=lambda s: "-".join(f"{v:g}" for v in s.values()))
def test_base_rows_are_what_legday_returns(built, setting) -> None:
    row = built["stable-base"].row(**setting)
    for key, value in base_direct(**setting).items():
        assert not mismatches(row[key], value), (key, mismatches(row[key], value))


TRIAL_SETTINGS = [dict(n=12.0, effect=0.0), dict(n=6.0, effect=10.0), dict(n=64.0, effect=5.0), dict(n=24.0, effect=2.0)]


def trial_direct(n: float, effect: float) -> dict:
    item = ex.build("trial-power")
    seed = [(row["n"], row["effect"]) for row in item.rows].index((n, effect))  # the grid index is the seed
    run = trials.simulate_trials(4000, design="within", n=int(n), true_effect_pct=effect, seed=seed)
    counts, _ = np.histogram(run.estimated_effect_pct, bins=np.arange(-14, 25))
    low, high = np.percentile(run.estimated_effect_pct, [2.5, 97.5])
    return {"power": 100 * run.benefit_rate, "low": low, "high": high, "share": 100 * counts / 4000}


@pytest.mark.parametrize("setting", TRIAL_SETTINGS, ids=lambda s: "-".join(f"{v:g}" for v in s.values()))
def test_trial_rows_are_what_legday_returns(built, setting) -> None:
    row = built["trial-power"].row(**setting)
    for key, value in trial_direct(**setting).items():
        assert not mismatches(row[key], value), (key, mismatches(row[key], value))


HORMONE_SETTINGS = [dict(programme="balanced", people=56.0), dict(programme="upper-only", people=12.0),
                    dict(programme="balanced", people=200.0)]


def hormone_direct(programme: str, people: float) -> dict:
    r = hormones.cohort_correlations(ex.HORMONE_PROGRAMMES[programme], weeks=int(ref.WEST2012_WEEKS.value),
                                     n_people=int(people), n_cohorts=1000, seed=2012)
    west = ref.WEST2012_R_GH_FIBRE_AREA_LOW.value
    counts, _ = np.histogram(r, bins=np.round(np.arange(-0.8, 0.8001, 0.05), 2))
    return {"sd": r.std(), "big": 100 * np.mean(np.abs(r) >= west), "west_r": west, "share": counts / 10.0}


@pytest.mark.parametrize("setting", HORMONE_SETTINGS, ids=lambda s: f"{s['programme']}-{s['people']:g}")
def test_hormone_rows_are_what_legday_returns(built, setting) -> None:
    row = built["hormone-cohorts"].row(**setting)
    for key, value in hormone_direct(**setting).items():
        assert not mismatches(row[key], value), (key, mismatches(row[key], value))


def chapter_lists(source: str) -> dict:
    """The list literals a chapter cell assigns to names."""
    return {t.id: ast.literal_eval(node.value) for node in ast.parse(source).body if isinstance(node, ast.Assign)
            for t in node.targets if isinstance(t, ast.Name) and isinstance(node.value, ast.List)}


def test_hormone_programmes_are_chapter_3s() -> None:
    nb = json.loads((ROOT / "chapters" / "03_biggest_muscles.ipynb").read_text(encoding="utf-8"))
    lists = {}
    for cell in nb["cells"]:
        if cell["cell_type"] == "code" and "upper_only = [" in "".join(cell["source"]):
            lists = chapter_lists("".join(cell["source"]))
    programmes = {k: [tuple(p) for p in v] for k, v in ex.HORMONE_PROGRAMMES.items()}
    assert lists.get("balanced") == programmes["balanced"] and lists.get("upper_only") == programmes["upper-only"]
    assert chapter_lists("balanced = [('squat', 4)]") != {"balanced": programmes["balanced"]}  # the checker can fail


def test_the_comparison_catches_a_tampered_row(built) -> None:
    row = copy.deepcopy(built["energy-swap"].default_row())
    direct = energy_direct(80.0, 60.0, 1.0)
    row["dynamic"][5] = row["dynamic"][5] * 1.05 + 0.01
    assert mismatches(row["dynamic"], direct["dynamic"])
    week = copy.deepcopy(built["weekly-readiness"].row(week="full body"))
    week["readiness_chest"][2] = round(week["readiness_chest"][2] + 0.05, 3)
    assert mismatches(week["readiness_chest"], readiness_direct("full body")["readiness_chest"])
    plan = copy.deepcopy(built["fitness-fatigue"].row(tau1=27.0, tau2=10.0, k1=1.0, k2=2.0, plan="the eight-week block"))
    one = fitness_direct(27.0, 10.0, 1.0, 2.0, "one session")
    assert mismatches(plan["performance"], one["performance"])  # the block's row is not the session's
    assert mismatches([1.0, 2.0], [1.0])


def test_every_setting_has_exactly_one_row(built) -> None:
    for item in built.values():
        expected = math.prod(len(c.values) for c in item.controls)
        keys = {tuple(row[c.name] for c in item.controls) for row in item.rows}
        assert len(item.rows) == expected == len(keys), item.name
        for row in item.rows:
            for field_, _, _ in item.series:
                assert len(row[field_]) == len(item.x), (item.name, field_)


def test_row_rejects_a_setting_off_the_grid(built) -> None:
    with pytest.raises(ValueError, match="setting"):
        built["energy-swap"].row(mass=81.0, minutes=60.0, swaps=1.0)
    with pytest.raises(ValueError, match="setting"):
        built["energy-swap"].row(mass=80.0)
    with pytest.raises(ValueError, match="name"):
        ex.build("no-such-explorable")


def test_sig_rounds_to_three_figures_and_refuses_nan() -> None:
    assert ex.sig(126.4) == 126 and ex.sig(0.76149) == 0.761 and ex.sig(-4.2547) == -4.25 and ex.sig(0.0) == 0
    with pytest.raises(ValueError, match="value"):
        ex.sig(float("nan"))


# --------------------------------------------------------------------------- budgets and specs


@pytest.mark.parametrize("name", sorted(ex.EXPLORABLES))
def test_data_within_150_kb(built, name) -> None:
    size_kb = len(built[name].to_json().encode("utf-8")) / 1024
    assert size_kb <= DATA_BUDGET_KB, f"{name}: {size_kb:.0f} KB"


@pytest.mark.parametrize("name", sorted(ex.EXPLORABLES))
def test_spec_is_json_and_renders_with_vega_lite(built, name) -> None:
    import vl_convert

    item = built[name]
    payload = json.loads(item.to_json())
    spec = payload["spec"]
    assert spec["$schema"].endswith("vega-lite/v5.json")
    row = item.default_row()
    spec["data"] = {"values": [{"x": x, "y": y, "series": label}
                               for field_, label, _ in item.series for x, y in zip(item.x, row[field_])]}
    svg = vl_convert.vegalite_to_svg(spec)
    assert svg.lstrip().startswith("<svg") and "<path" in svg


def test_json_cannot_close_its_script_element(built) -> None:
    item = built["energy-swap"]
    odd = ex.Explorable(**{**item.__dict__, "summary": "</script><script>alert(1)</script>"})
    assert "</script" not in odd.to_json()


def test_bundle_is_written_once_and_within_budget(tmp_path: Path) -> None:
    assert ext.write_bundle(tmp_path) is True
    bundle = tmp_path / ext.BUNDLE
    first = bundle.stat().st_mtime_ns
    assert ext.write_bundle(tmp_path) is False, "a second build rewrote the bundle"
    assert bundle.stat().st_mtime_ns == first
    text = bundle.read_text(encoding="utf-8")
    assert "window.vegaEmbed" in text
    assert len(text.encode("utf-8")) / 1024 <= BUNDLE_BUDGET_KB
    (tmp_path / ext.STAMP).write_text("0.0.0", encoding="utf-8")  # another vl-convert version: rewritten
    assert ext.write_bundle(tmp_path) is True


# --------------------------------------------------------------------------- the directive's HTML


class _Collect(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.tags.append((tag, dict(attrs)))


def directive_html(name: str) -> str:
    class Translator:
        body: list[str] = []

    translator = Translator()
    translator.body = []
    node = ext.explorable(name=name)
    node["ids"] = [f"explorable-{name}"]
    with pytest.raises(Exception) as skipped:
        ext.visit_explorable_html(translator, node)
    assert type(skipped.value).__name__ == "SkipNode"
    return "".join(translator.body)


def html_problems(text: str) -> list[str]:
    """What a reader with a screen reader or without JavaScript would miss."""
    parser = _Collect()
    parser.feed(text)
    tags = parser.tags
    problems = []
    labels = {a.get("for") for t, a in tags if t == "label"}
    controls = [a for t, a in tags if t in ("input", "select") and "data-control" in a]
    if not controls:
        problems.append("no controls")
    for a in controls:
        if a.get("id") not in labels:
            problems.append(f"control {a.get('id')} has no <label for>")
    outputs = {a.get("for") for t, a in tags if t == "output"}
    problems += [f"control {a.get('id')} does not show its value" for a in controls if a.get("id") not in outputs]
    if not any(a.get("aria-live") == "polite" for _, a in tags):
        problems.append("no aria-live summary")
    if not any(a.get("role") == "img" and a.get("aria-label") for _, a in tags):
        problems.append("no chart with role=img and aria-label")
    if "<noscript>" not in text:
        problems.append("no <noscript> fallback")
    return problems


@pytest.mark.parametrize("name", sorted(ex.EXPLORABLES))
def test_directive_html_is_labelled_and_has_text_alternatives(built, name) -> None:
    text = directive_html(name)
    assert not html_problems(text), html_problems(text)
    item = built[name]
    assert item.summary_text(item.default_row()) in text.replace("&#x27;", "'")


def test_html_checker_catches_unlabelled_controls() -> None:
    bad = directive_html("energy-swap").replace("<label for=", "<span data-for=").replace('aria-live="polite"', "")
    problems = html_problems(bad)
    assert any("no <label for>" in p for p in problems) and "no aria-live summary" in problems
    assert "no <noscript> fallback" in html_problems(bad.replace("<noscript>", "<div>"))


# --------------------------------------------------------------------------- chapters and the guide


#: Explorable -> (chapter, the static figure it extends).
PLACES = {"balanced-growth": ("01_balanced_physique", "fig-ch01-ratio"), "stable-base": ("02_stable_base", "fig-base-width"),
          "hormone-cohorts": ("03_biggest_muscles", "fig-ch03-null-correlations"),
          "energy-swap": ("04_calorie_burn", "fig-energy-52-weeks"),
          "fitness-fatigue": ("05_recovery", "fig-recovery-impulse"),
          "weekly-readiness": ("05_recovery", "fig-recovery-any-split"), "trial-power": ("06_transfer", "fig-transfer-power")}


def placement_problems(cells: list[dict], name: str, figure: str) -> list[str]:
    """The explorable must be a markdown cell right after its static figure's cell (which stays)."""
    sources = ["".join(c["source"]) for c in cells]
    where = [i for i, s in enumerate(sources) if f"```{{explorable}} {name}\n" in s]
    if len(where) != 1:
        return [f"{name}: {len(where)} explorable cells"]
    before = cells[where[0] - 1]
    if before.get("metadata", {}).get("mystnb", {}).get("figure", {}).get("name") != figure:
        return [f"{name}: not right after {figure}"]
    return []


@pytest.mark.parametrize("name", sorted(PLACES))
def test_explorable_follows_its_static_figure_and_the_guide_uses_it(name) -> None:
    chapter, figure = PLACES[name]
    cells = json.loads((ROOT / "chapters" / f"{chapter}.ipynb").read_text(encoding="utf-8"))["cells"]
    assert not placement_problems(cells, name, figure)
    guide = (ROOT / "instructors.md").read_text(encoding="utf-8")
    session = guide.split(f"### Session {int(chapter[:2])}:")[1].split("### Session")[0]
    assert f"explorable under {{numref}}`{figure}`" in session, f"session {int(chapter[:2])} does not use {name}"


def test_placement_checker_fails_on_specimens() -> None:
    fig = {"cell_type": "code", "source": [], "metadata": {"mystnb": {"figure": {"name": "fig-x"}}}}
    exp = {"cell_type": "markdown", "source": ["```{explorable} e\n```"], "metadata": {}}
    other = {"cell_type": "markdown", "source": ["text"], "metadata": {}}
    assert not placement_problems([fig, exp], "e", "fig-x")
    assert placement_problems([fig, other, exp], "e", "fig-x")
    assert placement_problems([fig, other], "e", "fig-x")
