"""Benchmark: the statistics of legday.trials and legday.growth (scipy.stats, vectorised).

Run from the repository root:

    python benchmarks/bench_stats.py              # best of 5 runs each
    python benchmarks/bench_stats.py --repeats 2

Prints a Markdown table of wall times. The unit tests check what these calls
return; only this script measures how long they take.
"""

from __future__ import annotations

import argparse
import platform
import time
from collections.abc import Callable

import numpy as np

from legday import hormones, trials

#: A balanced full-body week, as in chapter 3's cohorts.
BALANCED = [("squat", 4), ("romanian deadlift", 3), ("bench press", 4), ("row", 4)]


def best_of(repeats: int, fn: Callable[[], object]) -> float:
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="runs per case (the best is reported)")
    args = parser.parse_args()
    cases: dict[str, Callable[[], object]] = {
        "simulate_trials: 10,000 within-subject studies of 12": lambda: trials.simulate_trials(
            10_000, design="within", n=12, seed=1),
        "simulate_trials: 10,000 between-subject studies of 8 + 8": lambda: trials.simulate_trials(
            10_000, design="between", n=8, seed=3),
        "power: 8 sizes x 3 effects x 1,000 studies": lambda: trials.power(
            np.array([6, 9, 12, 16, 24, 32, 48, 64]), np.array([2.0, 5.0, 10.0]), n_trials=1000, seed=4),
        "cohort_correlations: 2,000 cohorts of 56 men, 12 weeks": lambda: hormones.cohort_correlations(
            BALANCED, n_people=56, weeks=12, n_cohorts=2000, seed=5),
    }
    print(f"Python {platform.python_version()} on {platform.machine()}; best of {args.repeats}\n")
    print("| case | seconds |")
    print("|---|---:|")
    for name, fn in cases.items():
        print(f"| {name} | {best_of(args.repeats, fn):.4f} |")


if __name__ == "__main__":
    main()
