"""Every public function and class of ``legday`` is in the course's own fuzz test.

The fuzz tests live in five files, one per group of modules (``test_input_contract*.py``); each
has a ``VALID_CALLS`` list of a valid call per public function, from which its Hypothesis test
replaces one argument at a time by a bad value. This file checks the union: a function added to
any module's ``__all__`` without a fuzzed call fails here, by name. The public classes a
learner can build are in a ``CLASS_CALLS`` list (class, valid fields), whose Hypothesis test replaces
one field at a time. The few public names that take no learner input, or are result containers made
by a model, are listed with the reason.
"""

from __future__ import annotations

import importlib
import inspect
from typing import Any

import pytest

import legday

import test_input_contract  # noqa: E402  (the test files are importable: pytest puts tests/ on the path)
import test_input_contract_energy_book
import test_input_contract_plotting
import test_input_contract_course
import test_input_contract_recovery_program

FUZZ_FILES = (test_input_contract, test_input_contract_energy_book, test_input_contract_plotting,
              test_input_contract_recovery_program, test_input_contract_course)

#: Public names that are not fuzzed by a VALID_CALLS entry, and why.
NOT_FUZZED: dict[str, str] = {
    "setup.setup_check": "takes no argument; tests/test_setup_check.py runs it on broken environments",
    "figures.main": "a command-line entry point: argparse's usage error (SystemExit 2) is its contract, "
                    "tested in test_input_contract_energy_book.py",
    "course.estimated_time_sentence": "takes a chapter number checked by chapter_time (fuzzed)",
    "fitness.FitnessFatigue": "a result tuple made by fitness_fatigue_components (fuzzed)",
    "fitness.PMC": "a result tuple made by pmc (fuzzed); its [] access is tested by name",
    "setup.check_setup": "takes no argument (setup_check without the printing); tests/test_setup_check.py runs it",
    "figures.cover": "takes no argument: draws the cover from reference.CLAIMS (write_all, fuzzed, calls it)",
    "figures.cover_alt_text": "takes no argument: the cover's alt text from reference.CLAIMS",
    "plotting.sequential_cmap": "takes no argument: returns the name of a colormap",
    "plotting.diverging_cmap": "takes no argument: returns the name of a colormap",
    "plotting.CourseFigure": "a matplotlib Figure subclass made by plotting.figure (fuzzed); its constructor "
                             "is Matplotlib's own",
}


def _public(module: Any) -> list[tuple[str, Any]]:
    names = getattr(module, "__all__", None)
    if names is None:
        names = [n for n, v in vars(module).items()
                 if not n.startswith("_") and getattr(v, "__module__", None) == module.__name__]
    return [(n, getattr(module, n)) for n in names
            if inspect.isfunction(getattr(module, n)) or inspect.isclass(getattr(module, n))]


def _fuzzed() -> set[Any]:
    covered: set[Any] = set()
    for file in FUZZ_FILES:
        covered |= {fn for fn, _ in file.VALID_CALLS}
        covered |= {fn for fn, *_ in getattr(file, "CLASS_CALLS", ())}
    return covered


def _unfuzzed(modules: list[Any], covered: set[Any]) -> list[str]:
    missing = []
    for module in modules:
        short = module.__name__.removeprefix("legday.")
        for name, obj in _public(module):
            key = f"{short}.{name}"
            if obj in covered or key in NOT_FUZZED:
                continue
            if inspect.isclass(obj) and (issubclass(obj, Exception) or issubclass(obj, Warning)):
                continue
            missing.append(key)
    return missing


MODEL_MODULES = [importlib.import_module(f"legday.{name}") for name in (*legday.SUBMODULES, "tables")
                 if name not in {"reference"}]


def test_every_public_function_of_every_module_is_fuzzed() -> None:
    missing = _unfuzzed(MODEL_MODULES, _fuzzed())
    assert not missing, ("public names with no call in any VALID_CALLS (add one to the fuzz test of "
                         f"their module, or say why in NOT_FUZZED): {missing}")


def test_the_coverage_check_can_fail() -> None:
    # a broken specimen: a module with one fuzzed and one unfuzzed function
    import types

    specimen = types.ModuleType("legday.specimen")

    def fuzzed(x: float) -> float:
        return x

    def forgotten(x: float) -> float:
        return x

    for fn in (fuzzed, forgotten):
        fn.__module__ = specimen.__name__
        setattr(specimen, fn.__name__, fn)
    specimen.__all__ = ["fuzzed", "forgotten"]
    assert _unfuzzed([specimen], {fuzzed}) == ["specimen.forgotten"]


@pytest.mark.parametrize("key", sorted(NOT_FUZZED))
def test_every_exemption_names_a_real_public_name(key: str) -> None:
    module, name = key.split(".")
    assert hasattr(importlib.import_module(f"legday.{module}"), name), f"{key} is not in legday any more"
