"""The benchmark scripts run (so they cannot rot). They measure time; these tests do not.

Wall-clock budgets do not belong in unit tests (a loaded machine fails them for no fault of
the code): each script prints its table, and a person reads the numbers. The tests carry the
``benchmark`` marker: ``pytest`` runs them (they are quick), ``pytest -m "not benchmark"`` leaves
them out with the other correctness tests untouched.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.benchmark

ROOT = Path(__file__).resolve().parents[1]


def _run(script: str, *args: str) -> str:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / script), *args],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return proc.stdout


def test_growth_benchmark_runs_and_checks_the_loop_against_the_vectorised_model() -> None:
    # the script itself asserts that both versions give the same muscle masses before printing
    out = _run("bench_growth.py", "--people", "500", "--repeats", "1")
    rows = dict(re.findall(r"^\|\s*(plain Python loops|vectorised[^|]*?)\s*\|\s*([0-9.]+)\s*\|", out, re.M))
    assert len(rows) == 2, f"benchmark table not found in:\n{out}"


def test_stats_benchmark_runs_and_prints_every_case() -> None:
    out = _run("bench_stats.py", "--repeats", "1")
    rows = re.findall(r"^\| (simulate_trials|power|cohort_correlations)[^|]*\|\s*[0-9.]+\s*\|$", out, re.M)
    assert len(rows) == 4, f"benchmark table not found in:\n{out}"
