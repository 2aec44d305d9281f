"""The benchmark scripts run (so they cannot rot) and the growth benchmark shows its point."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_growth_benchmark_runs_and_vectorised_beats_the_loop() -> None:
    proc = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "bench_growth.py")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    rows = dict(re.findall(r"^\|\s*(plain Python loops|vectorised[^|]*?)\s*\|\s*([0-9.]+)\s*\|", proc.stdout, re.M))
    assert len(rows) == 2, f"benchmark table not found in:\n{proc.stdout}"
    loop = rows["plain Python loops"]
    vectorised = next(v for k, v in rows.items() if k.startswith("vectorised"))
    assert float(vectorised) < 1.0, f"10,000 people x 52 weeks took {vectorised} s (budget: well under 1 s)"
    assert float(vectorised) < float(loop), f"vectorised {vectorised} s is not faster than the loop {loop} s"
