"""The input contract of the energy models, the book helpers and the figure script.

Bad input to a public function of :mod:`legday.energy`, :mod:`legday.book` or
:mod:`legday.figures` gets a ValueError that names the argument and says what is allowed;
never a NaN, an inf, a result outside the model's documented range, or an error from inside
NumPy or the file system. Part 1 re-runs one reproducer per root cause of the December 2026
fuzz report (/work/shared/research/fuzz-2026-12.md, numbered as there) that falls in these
modules; part 2 is the course's own bounded fuzz test (Hypothesis) over their public
functions; part 3 proves that the checks can fail.
"""

from __future__ import annotations

import contextlib
import dataclasses
import math
import tempfile
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from legday import bodymass, book, energy, figures, tables
from legday import reference as ref

from test_input_contract import _finite, _names, assert_refused  # noqa: E402  (shared contract helpers)

RAGGED = [[1.0], [1.0, 2.0]]
PERSON = dict(body_mass_kg=80.0, fat_mass_kg=18.0, height_cm=180.0, age_years=30.0, sex="male")
NO_FAT = {k: v for k, v in PERSON.items() if k != "fat_mass_kg"}

# --- 1. one reproducer per root cause ----------------------------------------------------------



def _a_file() -> str:
    """A path to an existing file (not a folder), for write_all."""
    handle = tempfile.NamedTemporaryFile(delete=False, suffix=".txt")
    handle.close()
    return handle.name


#: (root cause number in the fuzz report, the call, the argument its message must name)
REPRODUCERS: list[tuple[str, Any, str]] = [
    ("1 ragged list", lambda: energy.cunningham(lean_mass_kg=RAGGED), "lean_mass_kg"),
    ("1 ragged list", lambda: bodymass.energy_gap_kcal_per_day(intake_change_kcal_per_day=RAGGED),
     "intake_change_kcal_per_day"),
    ("1 ragged list", lambda: energy.epoc_kcal_per_h(hours_after=RAGGED, fast_kcal=30.0, rmr_kcal_per_day=1800.0),
     "hours_after"),
    ("1 ragged list", lambda: energy.epoc_cumulative_kcal(24.0, fast_kcal=RAGGED, rmr_kcal_per_day=1800.0),
     "fast_kcal"),
    ("1 ragged list", lambda: energy.epoc_slow_fraction(elevation=RAGGED), "elevation"),
    ("1 ragged list", lambda: bodymass.forbes_lean_share(fat_mass_kg=RAGGED), "fat_mass_kg"),
    ("1 ragged list", lambda: bodymass.simulate_body_mass(**{**PERSON, "height_cm": RAGGED}, days=10), "height_cm"),
    ("3 huge in-domain input", lambda: energy.met_kcal(5.0, 80.0, minutes=1e308), "minutes"),
    ("3 huge in-domain input", lambda: energy.litres_o2_to_kcal(1e308), "litres_o2"),
    ("3 huge in-domain input", lambda: bodymass.static_mass_change_kg(1e308, days=1.0), "energy_balance_kcal_per_day"),
    ("3 huge in-domain input", lambda: energy.epoc_kcal_per_h(1e308, 30.0, 1800.0), "hours_after"),
    ("5 different lengths", lambda: energy.met_kcal(met=[5.0, 6.0], body_mass_kg=[60.0, 70.0, 80.0], minutes=60.0),
     "met and body_mass_kg"),
    ("5 different lengths", lambda: energy.met_kcal_per_min(met=[5.0, 6.0], body_mass_kg=[60.0, 70.0, 80.0]),
     "met and body_mass_kg"),
    ("5 different lengths", lambda: energy.leg_minus_upper_kcal([60.0, 80.0], minutes=[30.0, 45.0, 60.0]),
     "body_mass_kg and minutes"),
    ("5 different lengths", lambda: bodymass.energy_gap_kcal_per_day([-500.0, 0.0], [100.0, 200.0, 300.0]),
     "intake_change_kcal_per_day and extra_expenditure_kcal_per_day"),
    ("5 different lengths", lambda: energy.epoc_kcal_per_h([1.0, 2.0], [10.0, 20.0, 30.0], 1800.0),
     "hours_after and fast_kcal"),
    ("5 different lengths", lambda: energy.mifflin_st_jeor([70.0, 80.0], [170.0, 175.0, 180.0], 30.0, "male"),
     "mass_kg and height_cm"),
    ("5 different lengths", lambda: bodymass.static_mass_change_kg([-500.0, 100.0], days=[1.0, 2.0, 3.0]),
     "energy_balance_kcal_per_day and days"),
    ("5 different lengths", lambda: energy.session_kcal(minutes=[30.0, 30.0], mets=[5.0], body_mass_kg=80.0),
     "minutes and mets"),
    ("5 different lengths", lambda: bodymass.steady_state_mass_change_kg([-500.0, -100.0], [80.0, 90.0, 100.0], 180.0,
                                                                       30.0, "male"), "energy_gap and body_mass_kg"),
    ("5 different lengths", lambda: bodymass.response_time_days([80.0, 90.0], [18.0, 20.0, 22.0], 180.0, 30.0, "male"),
     "body_mass_kg and fat_mass_kg"),
    ("29 shapes do not broadcast", lambda: bodymass.simulate_body_mass(
        [80.0, 90.0], [18.0, 20.0, 22.0], 180.0, 30.0, "male", days=10), "body_mass_kg and fat_mass_kg"),
    ("29 shapes do not broadcast", lambda: bodymass.simulate_body_mass(
        **PERSON, days=10, intake_change_kcal_per_day=[-100.0, 0.0], extra_expenditure_kcal_per_day=[1.0, 2.0, 3.0]),
     "intake_change_kcal_per_day and extra_expenditure_kcal_per_day"),
    ("24 NaN glued into prose", lambda: book.glued_value(float("nan")), "value"),
    ("24 NaN glued into prose", lambda: book.glued_value(np.float64("inf")), "value"),
    ("24 NaN glued into prose", lambda: book.glue("diet_gap_kcal", float("nan")), "diet_gap_kcal"),
    ("24 NaN glued into prose", lambda: book.glue("rmr_man", np.array([1.0, -np.inf])), "rmr_man"),
    ("38 unusable folder", lambda: figures.write_all(folder=_a_file()), "folder"),
    ("38 unusable folder", lambda: figures.write_all(folder="/proc/no-such-process/figures"), "folder"),
    ("38 unusable folder", lambda: figures.write_all(folder=None), "folder"),
    ("43 '' writes into the current folder", lambda: figures.write_all(folder=""), "folder"),
    ("54 session of 0 minutes", lambda: energy.session_kcal(minutes=[0.0], mets=[5.0], body_mass_kg=80.0), "minutes"),
    ("54 session of 0 minutes", lambda: energy.session_kcal(minutes=[30.0, 0.0], mets=[5.0, 3.5], body_mass_kg=80.0),
     "minutes"),
    ("55 a day of 252,000 kcal", lambda: energy.met_kcal(met=25.0, body_mass_kg=400.0, minutes=1440.0), "minutes"),
    ("55 a day of 252,000 kcal", lambda: energy.session_kcal([720.0, 720.0], [25.0, 25.0], 80.0), "mets"),
    ("55 a session longer than a day", lambda: energy.session_kcal([1000.0, 1000.0], [1.0, 1.0], 80.0), "minutes"),
    ("55 23.6 t in 100 years", lambda: bodymass.static_mass_change_kg(5000.0, days=36500.0), "days"),
    ("55 simulated mass past 400 kg", lambda: bodymass.simulate_body_mass(
        400.0, 299.0, 250.0, 18.0, "male", days=1827, intake_change_kcal_per_day=2000.0), "intake_change_kcal_per_day"),
    ("55 20 kg body eating 2000 kcal/day more", lambda: bodymass.simulate_body_mass(
        20.0, 19.0, 100.0, 100.0, "female", days=1827, intake_change_kcal_per_day=2000.0, rmr_equation="cunningham"),
     "intake_change_kcal_per_day"),
    ("55 eating less than nothing", lambda: bodymass.simulate_body_mass(
        50.0, 10.0, 150.0, 80.0, "female", days=30, intake_change_kcal_per_day=-2000.0), "intake_change_kcal_per_day"),
    ("55 steady state past 20 kg", lambda: bodymass.steady_state_mass_change_kg(-5000.0, 25.0, 100.0, 100.0, "female"),
     "energy_gap"),
    ("fuzz: calibration for a person of 5e-324 kg fat", lambda: bodymass.calibrate_adaptive_thermogenesis(
        365.0, 80.0, 5e-324, 180.0, 30.0, "male"), "fat_mass_kg"),
    ("fuzz: calibration for a list of people", lambda: bodymass.calibrate_adaptive_thermogenesis(
        365.0, 80.0, [18.0, 20.0], 180.0, 30.0, "male"), "fat_mass_kg"),
    ("fuzz: NaN in a table", lambda: tables.Table([tables.Column("Name"), tables.Column("Energy", "kcal", ".0f")],
                                                  [["a", math.nan]], caption="x"), "Energy"),
    ("fuzz: rows not a list", lambda: tables.Table([tables.Column("Name")], 5, caption="x"), "rows"),
]


@pytest.mark.parametrize(("cause", "call", "argument"), REPRODUCERS, ids=[f"{r[0]}-{r[2]}" for r in REPRODUCERS])
def test_fuzz_reproducer_gets_a_value_error_naming_the_argument(cause: str, call: Any, argument: str) -> None:
    assert_refused(call, argument, cause)


def test_zero_minutes_of_an_activity_cost_nothing_but_a_session_needs_time() -> None:
    # root cause 54, the rule: a duration may be 0 (chapter 4's curves start at no time), a session block may not
    assert energy.met_kcal(5.0, 80.0, 0.0) == 0.0
    assert np.all(np.isfinite(energy.met_kcal(5.0, 80.0, np.linspace(0.0, 60.0, 7))))
    assert energy.epoc_cumulative_kcal(0.0, 30.0, 1800.0) == 0.0
    assert bodymass.static_mass_change_kg(-500.0, days=0.0) == 0.0


def test_the_refusals_give_their_reason() -> None:
    with pytest.raises(ValueError, match=r"more activity than a day holds.*2,160 MET-minutes.*2.5 x resting"):
        energy.met_kcal(25.0, 400.0, 1440.0)
    with pytest.raises(ValueError, match=r"more than the 380 kg between the lightest and heaviest body"):
        bodymass.static_mass_change_kg(5000.0, days=36500.0)
    with pytest.raises(ValueError, match=r"simulated body mass left \[20, 400\] kg on day \d+ \(400\.\d kg\).*lower "
                                         r"intake_change_kcal_per_day"):
        bodymass.simulate_body_mass(400.0, 299.0, 250.0, 18.0, "male", days=1827, intake_change_kcal_per_day=2000.0)
    with pytest.raises(ValueError, match="eating less than nothing"):
        bodymass.simulate_body_mass(50.0, 10.0, 150.0, 80.0, "female", days=30, intake_change_kcal_per_day=-2000.0)


def test_the_largest_accepted_simulations_stay_in_range() -> None:
    # the worst accepted gaps, longest run: the result never leaves 20-400 kg (it is refused instead)
    for mass, fat, intake, extra in ((400.0, 299.0, 2000.0, -2000.0), (20.0, 2.0, -200.0, 2000.0)):
        try:
            run = bodymass.simulate_body_mass(mass, fat, 150.0, 40.0, "male", days=bodymass.MAX_SIMULATION_DAYS,
                                            intake_change_kcal_per_day=intake, extra_expenditure_kcal_per_day=extra)
        except ValueError as err:
            assert "on day" in str(err) or "intake_change_kcal_per_day must be" in str(err)
        else:
            assert np.all((run.body_mass_kg >= 20.0) & (run.body_mass_kg <= 400.0))


def test_figures_main_reports_a_bad_command_line_as_a_usage_error(capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path) -> None:
    # root cause 37, decided: a command-line tool exits with status 2 and a usage message (argparse's
    # convention, what `python -m legday.figures --bogus` should do), not a ValueError traceback
    with pytest.raises(SystemExit) as exit_:
        figures.main(["--bogus"])
    assert exit_.value.code == 2 and "--bogus" in capsys.readouterr().err
    a_file = tmp_path / "a.txt"
    a_file.write_text("x")
    with pytest.raises(SystemExit) as exit_:
        figures.main(["--out", str(a_file)])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "--out" in err and "not a file" in err
    figures.main(["--out", str(tmp_path / "made")])
    assert sorted(p.name for p in (tmp_path / "made").iterdir()) == sorted(figures.FIGURES)


def test_the_trajectory_validates_itself() -> None:
    run = bodymass.simulate_body_mass(**PERSON, days=20, intake_change_kcal_per_day=-300.0)
    for field, value, match in (
        ("body_mass_kg", run.body_mass_kg + 1.0, "body_mass_kg must equal fat_kg \\+ lean_kg"),
        ("fat_kg", np.full_like(run.fat_kg, math.nan), "fat_kg must be finite"),
        ("day", run.day[:-1], "one row per entry of day"),
        ("day", run.day + 1.0, "day must count 0, 1, 2"),
        ("lean_kg", "x", "lean_kg must be a number"),
    ):
        with pytest.raises(ValueError, match=match):
            dataclasses.replace(run, **{field: value})


def test_days_is_keyword_only() -> None:
    # item 4: a count is never taken by position (simulate_body_mass(80, 18, ...) was 80 days of an 18 kg body)
    with pytest.raises(TypeError):
        bodymass.simulate_body_mass(365, 80.0, 18.0, 180.0, 30.0, "male")  # type: ignore[misc]
    with pytest.raises(TypeError):
        bodymass.static_mass_change_kg(-500.0, 365)  # type: ignore[misc]


def test_model_bounds_come_from_reference() -> None:
    # item 5: the bounds are cited course assumptions, and the module's constants are read from them
    assert energy.BODY_MASS_RANGE_KG == (ref.MIN_BODY_MASS_KG, ref.MAX_BODY_MASS_KG)
    assert bodymass.MAX_SIMULATION_DAYS == ref.MAX_SIMULATION_DAYS
    assert energy.MAX_MET_MINUTES_ABOVE_REST == (ref.MAX_ACTIVITY_FACTOR - 1) * 1440
    for name in ("MIN_BODY_MASS_KG", "MAX_BODY_MASS_KG", "MAX_SIMULATION_DAYS", "MAX_ACTIVITY_FACTOR",
                 "MAX_INTAKE_CHANGE_SHARE"):
        value = getattr(ref, name)
        assert value.source == ref.COURSE and value.confidence == "assumption" and value.related, name
    import inspect

    assert inspect.signature(bodymass.simulate_body_mass).parameters["activity_factor"].default == \
        ref.PHYSICAL_ACTIVITY_LEVEL.value
    with pytest.raises(ValueError, match=r"activity_factor must be in the range \[1, 2.5\]"):
        bodymass.expenditure_slope_kcal_per_kg(**NO_FAT, activity_factor=ref.MAX_ACTIVITY_FACTOR + 0.1)


# --- 2. the course's own bounded fuzz test -----------------------------------------------------

#: A valid call of each public function of these modules: (function, keyword arguments).
VALID_CALLS: list[tuple[Any, dict[str, Any]]] = [
    (energy.met_kcal_per_min, dict(met=5.0, body_mass_kg=80.0, net=False)),
    (energy.met_kcal, dict(met=5.0, body_mass_kg=80.0, minutes=60.0, net=True)),
    (energy.compendium_entry, dict(code="02052")),
    (energy.compendium_met, dict(code="02054")),
    (energy.session_kcal, dict(minutes=[30.0, 20.0], mets=[5.0, 3.5], body_mass_kg=80.0, net=True)),
    (energy.leg_minus_upper_kcal, dict(body_mass_kg=80.0, minutes=60.0, leg_code="02052", upper_code="02054")),
    (energy.mifflin_st_jeor, dict(mass_kg=80.0, height_cm=180.0, age_years=30.0, sex="male")),
    (energy.cunningham, dict(lean_mass_kg=62.0)),
    (energy.tissue_kcal_per_day, dict(mass_kg=1.0, tissue="skeletal muscle")),
    (energy.litres_o2_to_kcal, dict(litres_o2=7.36)),
    (energy.epoc_slow_fraction, dict(elevation=0.05, tau_slow_h=72.0)),
    (energy.epoc_kcal_per_h, dict(hours_after=[0.0, 24.0], fast_kcal=36.8, rmr_kcal_per_day=1780.0, slow_fraction=None,
                                  tau_fast_h=1 / 6, tau_slow_h=72.0)),
    (energy.epoc_cumulative_kcal, dict(hours_after=72.0, fast_kcal=36.8, rmr_kcal_per_day=1780.0, slow_fraction=0.05,
                                       tau_fast_h=1 / 6, tau_slow_h=72.0)),
    (bodymass.static_mass_change_kg, dict(energy_balance_kcal_per_day=-500.0, days=365.0)),
    (bodymass.forbes_lean_share, dict(fat_mass_kg=18.0)),
    (bodymass.energy_gap_kcal_per_day, dict(intake_change_kcal_per_day=-500.0, extra_expenditure_kcal_per_day=20.0,
                                          thermic_effect=0.1)),
    (bodymass.simulate_body_mass, dict(**PERSON, days=30, intake_change_kcal_per_day=-500.0,
                                     extra_expenditure_kcal_per_day=20.0, activity_factor=1.6,
                                     adaptive_thermogenesis=0.464, thermic_effect=0.1, rmr_equation="mifflin")),
    (bodymass.expenditure_slope_kcal_per_kg, dict(**NO_FAT, activity_factor=1.6)),
    (bodymass.steady_state_mass_change_kg, dict(energy_gap=-450.0, **NO_FAT, activity_factor=1.6)),
    (bodymass.response_time_days, dict(**PERSON, activity_factor=1.6, adaptive_thermogenesis=0.464)),
    (bodymass.calibrate_adaptive_thermogenesis, dict(half_time_days=365.0, body_mass_kg=100.0, fat_mass_kg=35.0,
                                                   height_cm=175.0, age_years=40.0, sex="male", activity_factor=1.6)),
    (book.glued_value, dict(value=np.float64(2.5))),
    (book.glue, dict(name="fuzz_value", value=2.5)),
    (figures.write_all, dict(folder="figures-out")),  # run inside a temporary folder (see the test)
]
#: Arguments that take any object on purpose (what the book glues may be text, a number or a figure).
ANY_OBJECT = {(book.glue, "value"), (book.glued_value, "value")}
CASES = [(fn, name) for fn, kwargs in VALID_CALLS for name in kwargs]
PUBLIC = {getattr(m, n) for m in (energy, book) for n in m.__all__ if callable(getattr(m, n))
          and not isinstance(getattr(m, n), type)}

#: Values a learner might pass by mistake: non-finite, huge, tiny, negative, empty, ragged, wrong types.
BAD_VALUES = st.one_of(
    st.sampled_from([math.nan, math.inf, -math.inf, 1e308, -1e308, 5e-324, 1e-300, -1.0, 0.0, 1e6, 10**9,
                     [], [[]], RAGGED, [1.0, 2.0, 3.0], "10", "", None, True, {"a": 1}, [math.nan]]),
    st.floats(allow_nan=True, allow_infinity=True),
    st.lists(st.floats(-1e4, 1e4), min_size=0, max_size=5),
)



def check_contract(fn: Any, kwargs: dict[str, Any], argument: str) -> None:
    """The contract for one call: a ValueError naming ``argument``, or a finite result in the model's range."""
    bad = kwargs[argument]
    try:
        with warnings.catch_warnings(), contextlib.redirect_stdout(None):
            warnings.simplefilter("error", RuntimeWarning)  # an overflow inside NumPy is a failure too
            result = fn(**kwargs)
    except ValueError as err:
        assert _names(str(err), argument), f"{fn.__name__}({argument}={bad!r}): message does not name it: {err}"
        return
    assert _finite(result), f"{fn.__name__}({argument}={bad!r}) returned a non-finite result: {result!r}"
    if isinstance(result, bodymass.BodyMassTrajectory):
        low, high = energy.BODY_MASS_RANGE_KG
        assert np.all((result.body_mass_kg >= low) & (result.body_mass_kg <= high)), f"{fn.__name__} left its range"


def test_every_public_function_is_fuzzed() -> None:
    assert PUBLIC <= {fn for fn, _ in VALID_CALLS}, PUBLIC - {fn for fn, _ in VALID_CALLS}


@pytest.mark.parametrize(("fn", "argument"), CASES, ids=[f"{fn.__module__[7:]}.{fn.__name__}-{a}" for fn, a in CASES])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bad=BAD_VALUES)
def test_bad_value_in_one_argument_is_refused_by_name_or_gives_a_finite_result(
    fn: Any, argument: str, bad: Any
) -> None:
    kwargs = dict(next(k for f, k in VALID_CALLS if f is fn))
    kwargs[argument] = bad
    if fn is figures.write_all:  # a relative folder must land in a temporary folder, never in the repository
        with tempfile.TemporaryDirectory() as tmp, contextlib.chdir(tmp):
            check_contract(fn, kwargs, argument)
        return
    check_contract(fn, kwargs, argument)


_RUN = bodymass.simulate_body_mass(**PERSON, days=5, intake_change_kcal_per_day=-300.0)

#: A valid set of fields of each public class a learner can build: (class, keyword arguments).
CLASS_CALLS: list[tuple[Any, dict[str, Any]]] = [
    (bodymass.BodyMassTrajectory, {f.name: getattr(_RUN, f.name) for f in dataclasses.fields(_RUN)}),
]
CLASS_CASES = [(cls, name) for cls, kwargs in CLASS_CALLS for name in kwargs]


@pytest.mark.parametrize(("cls", "field"), CLASS_CASES, ids=[f"{c.__name__}-{f}" for c, f in CLASS_CASES])
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bad=BAD_VALUES)
def test_bad_value_in_one_field_is_refused_by_name_or_gives_a_valid_object(cls: Any, field: str, bad: Any) -> None:
    # issue 16 item 8: the dataclasses a learner can build validate themselves (__post_init__)
    kwargs = dict(next(k for c, k in CLASS_CALLS if c is cls))
    kwargs[field] = bad
    check_contract(cls, kwargs, field)


@settings(max_examples=40, deadline=None)
@given(met=st.floats(1.0, 25.0), mass=st.floats(20.0, 400.0), minutes=st.floats(0.0, 1440.0),
       intake=st.floats(-2000.0, 2000.0), extra=st.floats(-2000.0, 2000.0), fat_share=st.floats(0.02, 0.7),
       days=st.integers(1, 400))
def test_valid_inputs_give_finite_results_or_a_named_refusal(met: float, mass: float, minutes: float, intake: float,
                                                             extra: float, fat_share: float, days: int) -> None:
    # valid inputs across the whole documented domain: a finite answer, or a plausibility refusal by name
    check_contract(energy.met_kcal, dict(met=met, body_mass_kg=mass, minutes=minutes), "minutes")
    check_contract(bodymass.simulate_body_mass,
                   dict(body_mass_kg=mass, fat_mass_kg=fat_share * mass, height_cm=175.0, age_years=40.0, sex="male",
                        days=days, intake_change_kcal_per_day=intake, extra_expenditure_kcal_per_day=extra),
                   "intake_change_kcal_per_day")


FOLDERS = [math.nan, None, 3, b"figures", "", "   ", ["figures"], {"a": 1}, True]


@pytest.mark.parametrize("folder", FOLDERS, ids=repr)
def test_write_all_refuses_a_bad_folder_by_name(folder: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # nothing may land in the current folder
    check_contract(figures.write_all, {"folder": folder}, "folder")
    assert not list(tmp_path.iterdir()), "write_all wrote into the current folder"


def test_figures_draw_without_arguments(tmp_path: Path) -> None:
    assert figures.cover_alt_text().startswith("Cover of the course")
    assert [p.name for p in figures.write_all(tmp_path / "out")] == list(figures.FIGURES)


# --- 3. the checks can fail ---------------------------------------------------------------------


def test_the_reproducer_check_can_fail() -> None:
    # a broken specimen of each kind must be caught by the same assertion the reproducers use
    def unnamed(x: Any = None) -> float:
        raise ValueError("must be in the range [20, 400] kg")

    def silent_nan(x: Any = None) -> float:
        return math.nan

    def numpy_error(x: Any = None) -> Any:
        return np.ones(2) + np.ones(3)

    with pytest.raises(AssertionError, match="does not name 'body_mass_kg'"):
        assert_refused(unnamed, "body_mass_kg", "specimen")
    with pytest.raises(AssertionError, match="no ValueError naming 'x'; returned nan"):
        assert_refused(silent_nan, "x", "specimen")
    with pytest.raises(AssertionError, match="does not name"):
        assert_refused(numpy_error, "x", "specimen")
    assert not _names("n_days must be at most 1827", "days")  # a word match, not a substring


def test_the_fuzz_check_can_fail() -> None:
    def silent_nan(x: Any) -> float:
        return float(np.mean(np.asarray(x, dtype=float)))

    with pytest.raises(AssertionError, match="non-finite"):
        check_contract(silent_nan, {"x": [math.nan]}, "x")
    with pytest.raises(AssertionError, match="does not name it"):
        check_contract(lambda x: np.ones(2) + np.ones(3), {"x": 1.0}, "x")
    assert not _finite({"a": np.array([1.0, math.nan])})
