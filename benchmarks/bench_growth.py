"""Benchmark: the population Monte Carlo of legday.growth against a plain Python loop.

Run from the repository root:

    python benchmarks/bench_growth.py            # 10,000 people x 52 weeks x 9 muscle groups
    python benchmarks/bench_growth.py --people 2000 --repeats 3

Both versions use the same programme and the same responsiveness draws, and the
script checks that they give the same muscle masses before it prints the table.
The vectorised version is timed as a user calls it (drawing the population
included); the loop is timed on the growth step only, so the comparison
favours the loop.
"""

from __future__ import annotations

import argparse
import platform
import time

import numpy as np

from legday import anatomy, growth, volume

#: A balanced full-body week (upper and lower body), the chapters' example.
PROGRAMME = [
    ("squat", 4), ("romanian deadlift", 3), ("leg press", 3), ("calf raise", 3),
    ("bench press", 4), ("row", 4), ("overhead press", 3), ("pull-up", 3),
]


def plain_loop(baseline: list[float], rate: list[list[float]], responsiveness: list[list[float]]) -> list[list[float]]:
    """Muscle at the end of the programme, person by person, week by week, muscle by muscle."""
    out = []
    for k_person in responsiveness:
        final = []
        for j, start in enumerate(baseline):
            kg = start
            k = k_person[j]
            for week_rates in rate:
                kg *= 1.0 + k * week_rates[j] / 100.0
            final.append(kg)
        out.append(final)
    return out


def best_of(repeats: int, fn) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--repeats", type=int, default=5, help="vectorised runs (best is reported)")
    parser.add_argument("--loop-repeats", type=int, default=1, help="plain-loop runs (best is reported)")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()

    sets = growth.programme_sets(PROGRAMME, weeks=args.weeks)
    rate = growth.weekly_growth_percent(sets)
    base = anatomy.baseline_muscle_kg("male")
    baseline = [base[m] for m in volume.MUSCLES]

    growth.simulate_population(PROGRAMME, weeks=args.weeks, n_people=10, seed=args.seed)  # warm-up
    t_vec, pop = best_of(
        args.repeats, lambda: growth.simulate_population(PROGRAMME, weeks=args.weeks, n_people=args.people, seed=args.seed)
    )
    k = pop.responsiveness.tolist()
    t_loop, final = best_of(args.loop_repeats, lambda: plain_loop(baseline, rate.tolist(), k))

    np.testing.assert_allclose(np.array(final), pop.muscle_kg[:, -1, :], rtol=1e-12)

    cells = args.people * args.weeks * len(volume.MUSCLES)
    print(f"Population Monte Carlo: {args.people:,} people x {args.weeks} weeks x {len(volume.MUSCLES)} muscle groups"
          f" = {cells:,} person-week-muscle updates")
    print(f"Python {platform.python_version()}, NumPy {np.__version__}, {platform.machine()}")
    print()
    print(f"| {'method':<40} | {'time (s)':>9} | {'updates/s':>11} | {'speed-up':>8} |")
    print(f"|{'-' * 42}|{'-' * 11}|{'-' * 13}|{'-' * 10}|")
    for name, t in (("plain Python loops", t_loop), ("vectorised (growth.simulate_population)", t_vec)):
        print(f"| {name:<40} | {t:9.3f} | {cells / t:11.3g} | {t_loop / t:7.0f}x |")
    print()
    print("Results agree to 1e-12 (relative).")


if __name__ == "__main__":
    main()
