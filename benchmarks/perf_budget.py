"""The book's performance budget, measured on this machine.

Run from the repository root (takes a few minutes: it builds the book twice and runs every
notebook several times)::

    .venv/bin/python benchmarks/perf_budget.py                 # print the tables
    .venv/bin/python benchmarks/perf_budget.py --output benchmarks/perf_budget.md
    .venv/bin/python benchmarks/perf_budget.py --skip-build    # notebooks and page weight only

What it measures, and the budget each number must stay within (on a 2-core machine):

* **Notebooks.** Each notebook of ``_toc.yml`` is executed the way the book executes it
  (``jupyter_cache``'s ``single_nb_execution``, i.e. nbclient, kernel started in the
  notebook's folder, the book's timeout), ``--repeat`` times; the median wall time
  (kernel start to shutdown) is compared with the **floor**, the median time of a notebook
  that only imports numpy and matplotlib and draws one figure. Budget: every notebook
  ≤ 2.5 × floor.
* **Cold build**: ``jupyter-book build . -W -n --keep-going`` into a new output folder (an
  empty execution cache, so every notebook runs), exactly as the test suite builds.
  **No-change rebuild**: the same command again on the same folder. **Floor**, measured in
  the same run: N × the floor notebook's time (N = the book's notebooks) plus the cold build
  time of the stock sample book that ``jupyter-book create`` writes. Budgets: cold build
  ≤ 2 × floor; no-change rebuild ≤ 3 s. (The Sphinx time, the same cold build with notebook
  execution off, is shown for reference: what the build costs besides running notebooks.)
* **Tests**: the README's test command (``python -m pytest``) from the repository root, and
  the fast subset (package and hygiene tests, README: ``python -m pytest -m fast``), each
  timed once. Budgets: full suite ≤ 300 s, fast subset ≤ 30 s. ``--skip-tests`` leaves them
  out (the full suite takes minutes).
* **Page weight** of each page of the book built by the cold build: what a reader downloads
  for that page alone, i.e. the HTML file as sent compressed (gzip, as GitHub Pages and
  other static hosts send HTML; the uncompressed size is shown too) plus the images it
  shows (``_images/``: PNG as it is, SVG compressed like the HTML), without the theme's shared ``_static/`` assets,
  which a reader downloads once for the whole book. Budgets: each figure ≤ 150 KB, each
  page ≤ 400 KB.

The tables are printed as Markdown; ``--output`` also writes them to a file. The script
exits 0 whatever it measures; ``--strict`` makes it exit 1 when a budget is exceeded.
"""

from __future__ import annotations

import argparse
import copy
import gzip
import html.parser
import importlib.util
import os
import platform
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from types import ModuleType

import nbformat
import yaml

ROOT = Path(__file__).resolve().parents[1]

NOTEBOOK_RATIO_BUDGET = 2.5
COLD_BUILD_FLOOR_FACTOR = 2.0
REBUILD_BUDGET_S = 3.0
FULL_SUITE_BUDGET_S = 300.0
FAST_SUBSET_BUDGET_S = 30.0
#: The README's test command, and its fast subset, as argument lists after ``python``.
FULL_SUITE = ["-m", "pytest", "-q"]
FAST_SUBSET = ["-m", "pytest", "-q", "-m", "fast"]
FIGURE_BUDGET_KB = 150.0
PAGE_BUDGET_KB = 400.0

FLOOR_SOURCE = """\
import numpy as np
import matplotlib.pyplot as plt

fig, ax = plt.subplots()
ax.plot(np.linspace(0.0, 1.0, 50), np.linspace(0.0, 1.0, 50) ** 2)
plt.show()
"""


# --------------------------------------------------------------------------- helpers


def _load_tool(name: str) -> ModuleType:
    """``tools/<name>.py``, imported by its path (this script runs from ``benchmarks/``)."""
    spec = importlib.util.spec_from_file_location(f"legday_tools_{name}", ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def toc_files(root: Path = ROOT) -> list[str]:
    """Files of ``_toc.yml`` in reading order, root first, as paths relative to ``root``."""
    book_toc = _load_tool("book_toc")  # the one _toc.yml reader (sphinx-external-toc)
    entries = book_toc.toc_pages(root / "_toc.yml")
    files = []
    for entry in entries:
        stem = os.path.splitext(entry)[0] if entry.endswith((".md", ".ipynb", ".rst")) else entry
        for suffix in (".ipynb", ".md", ".rst"):
            if (root / f"{stem}{suffix}").is_file():
                files.append(f"{stem}{suffix}")
                break
    return files


def book_config(root: Path = ROOT) -> dict:
    return yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))


def execute_seconds(nb: nbformat.NotebookNode, cwd: Path, timeout: int) -> float:
    """Wall time of one execution, the way MyST-NB runs a notebook in ``cache`` mode."""
    from jupyter_cache.executors.utils import single_nb_execution

    result = single_nb_execution(copy.deepcopy(nb), cwd=str(cwd), timeout=timeout, allow_errors=False, meta_override=True)
    if result.err is not None:
        raise RuntimeError(f"notebook failed in {cwd}:\n{result.exc_string}")
    return result.time


def floor_notebook(kernel: dict) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = kernel
    nb.cells = [nbformat.v4.new_code_cell(FLOOR_SOURCE)]
    return nb


def median_time(nb: nbformat.NotebookNode, cwd: Path, timeout: int, repeat: int) -> float:
    return statistics.median(execute_seconds(nb, cwd, timeout) for _ in range(repeat))


def build(out_dir: Path, config: Path | None = None) -> tuple[float, int, str]:
    """One ``jupyter-book build`` as the test suite runs it; returns (seconds, returncode, log)."""
    jb = Path(sys.executable).with_name("jupyter-book")
    cmd = [str(jb), "build", str(ROOT), "--path-output", str(out_dir), "-W", "-n", "--keep-going"]
    if config is not None:
        cmd += ["--config", str(config)]
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    return time.perf_counter() - start, proc.returncode, proc.stdout + proc.stderr


def stock_sample_seconds(tmp: Path) -> tuple[float, int]:
    """Cold build time of the sample book ``jupyter-book create`` writes (its own defaults:
    one small notebook executed, a bibliography); returns (seconds, returncode)."""
    jb = Path(sys.executable).with_name("jupyter-book")
    sample = tmp / "stock-sample"
    subprocess.run([str(jb), "create", str(sample)], check=True, capture_output=True, text=True)
    start = time.perf_counter()
    proc = subprocess.run([str(jb), "build", str(sample)], cwd=sample, capture_output=True, text=True)
    return time.perf_counter() - start, proc.returncode


def suite_seconds(args: list[str]) -> tuple[float, int, str]:
    """Wall time of ``python <args>`` from the repository root; returns (seconds, returncode, last line)."""
    start = time.perf_counter()
    proc = subprocess.run([sys.executable, *args], cwd=ROOT, capture_output=True, text=True)
    lines = [line for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
    return time.perf_counter() - start, proc.returncode, (lines[-1] if lines else "")


def no_execution_config(tmp: Path) -> Path:
    """A copy of ``_config.yml`` with notebook execution off (local extension paths made absolute)."""
    config = book_config()
    config.setdefault("execute", {})["execute_notebooks"] = "off"
    local = config.get("sphinx", {}).get("local_extensions") or {}
    for name, path in local.items():
        local[name] = str((ROOT / path).resolve())
    path = tmp / "_config_no_execution.yml"
    path.write_text(yaml.safe_dump(config, sort_keys=False), encoding="utf-8")
    return path


class _ImageParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.sources: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            src = dict(attrs).get("src") or ""
            if src and "://" not in src and not src.startswith("data:"):
                self.sources.append(src.split("#")[0].split("?")[0])


@dataclass
class PageWeight:
    page: str
    html_kb: float  # uncompressed
    html_gzip_kb: float  # as sent by a static host that compresses HTML
    images: dict[str, float]  # own images (not under _static/) -> KB as sent (SVG gzip-compressed)

    @property
    def total_kb(self) -> float:
        """Bytes a reader downloads for this page alone (compressed HTML + images), in KB."""
        return self.html_gzip_kb + sum(self.images.values())


def page_weight(html_root: Path, docname: str) -> PageWeight:
    page = html_root / f"{docname}.html"
    raw = page.read_bytes()
    parser = _ImageParser()
    parser.feed(raw.decode("utf-8"))
    images = {}
    for src in dict.fromkeys(parser.sources):
        target = (page.parent / src).resolve()
        if "_static" in target.relative_to(html_root.resolve()).parts or not target.is_file():
            continue
        # SVG is text: a static host sends it compressed, as it does the HTML.
        data = target.read_bytes()
        sent = gzip.compress(data, compresslevel=6) if target.suffix == ".svg" else data
        images[target.name] = len(sent) / 1024
    return PageWeight(docname, len(raw) / 1024, len(gzip.compress(raw, compresslevel=6)) / 1024, images)


# --------------------------------------------------------------------------- report


def verdict(ok: bool) -> str:
    return "within" if ok else "**OVER**"


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import jupyter_book
    import sphinx

    return (
        f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, Python {platform.python_version()}, "
        f"jupyter-book {jupyter_book.__version__}, Sphinx {sphinx.__version__}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=3, help="executions per notebook (median taken); default 3")
    parser.add_argument("--skip-build", action="store_true", help="time the notebooks only (no builds, no page weight)")
    parser.add_argument("--skip-tests", action="store_true", help="do not time the test suite and its fast subset")
    parser.add_argument("--output", type=Path, help="also write the Markdown tables to this file")
    parser.add_argument("--strict", action="store_true", help="exit 1 when a budget is exceeded")
    args = parser.parse_args(argv)
    if args.repeat < 1:
        parser.error(f"--repeat must be at least 1; got {args.repeat}")

    config = book_config()
    timeout = int(config.get("execute", {}).get("timeout", 30))
    files = toc_files()
    notebooks = [f for f in files if f.endswith(".ipynb")]
    over: list[str] = []
    out: list[str] = []

    def say(line: str = "") -> None:
        print(line, flush=True)
        out.append(line)

    say(f"# Performance budget — measured {date.today().isoformat()}")
    say()
    say(f"Machine: {machine()}.")
    say(f"Reproduce: `python benchmarks/perf_budget.py --repeat {args.repeat}` from the repository root.")
    say()

    # ---- notebooks
    kernel = {"name": "python3", "display_name": "Python 3", "language": "python"}
    print(f"timing the floor notebook ({args.repeat}x) ...", file=sys.stderr, flush=True)
    floor_s = median_time(floor_notebook(kernel), ROOT / "chapters", timeout, args.repeat)
    rows = []
    for name in notebooks:
        print(f"timing {name} ({args.repeat}x) ...", file=sys.stderr, flush=True)
        nb = nbformat.read(ROOT / name, as_version=4)
        seconds = median_time(nb, (ROOT / name).parent, timeout, args.repeat)
        ratio = seconds / floor_s
        ok = ratio <= NOTEBOOK_RATIO_BUDGET
        if not ok:
            over.append(f"{name}: {ratio:.2f} x floor")
        rows.append(f"| `{name}` | {seconds:.2f} | {ratio:.2f} | {verdict(ok)} |")
    say(f"## Notebook execution (median of {args.repeat}; budget ≤ {NOTEBOOK_RATIO_BUDGET} × floor)")
    say()
    say("| notebook | seconds | × floor | budget |")
    say("|---|---:|---:|---|")
    say(f"| floor: numpy + matplotlib + one figure | {floor_s:.2f} | 1.00 | |")
    for row in rows:
        say(row)
    say()

    if not args.skip_build:
        with tempfile.TemporaryDirectory(prefix="perf-budget-") as tmp_name:
            tmp = Path(tmp_name)
            print("cold build (every notebook executed) ...", file=sys.stderr, flush=True)
            cold_s, cold_rc, cold_log = build(tmp / "book")
            print("no-change rebuild ...", file=sys.stderr, flush=True)
            rebuild_s, rebuild_rc, _ = build(tmp / "book")
            print("Sphinx time (cold build, execution off) ...", file=sys.stderr, flush=True)
            sphinx_s, _, _ = build(tmp / "no-exec", config=no_execution_config(tmp))
            print("stock jupyter-book sample (cold build) ...", file=sys.stderr, flush=True)
            stock_s, stock_rc = stock_sample_seconds(tmp)
            # MyST-NB's own message, or _ext/parallel_execution.py's when it ran them one per core
            executed = len(re.findall(r"Executed notebook in|legday: executed \S+ in", cold_log))
            floor_build_s = floor_s * len(notebooks) + stock_s
            cold_budget = COLD_BUILD_FLOOR_FACTOR * floor_build_s
            say("## Build (budgets: cold ≤ 2 × floor; no-change rebuild ≤ 3 s)")
            say()
            say("| step | seconds | budget (s) | |")
            say("|---|---:|---:|---|")
            say(f"| floor: {len(notebooks)} × floor notebook ({floor_s:.2f} s) + stock `jupyter-book create` sample "
                f"({stock_s:.1f} s, rc {stock_rc}) | {floor_build_s:.1f} | | |")
            say(
                f"| cold build, {executed} notebook(s) executed (rc {cold_rc}) | {cold_s:.1f} | "
                f"{cold_budget:.1f} = 2 × {floor_build_s:.1f} | {verdict(cold_s <= cold_budget)} |"
            )
            say(f"| no-change rebuild (rc {rebuild_rc}) | {rebuild_s:.1f} | {REBUILD_BUDGET_S:.1f} | {verdict(rebuild_s <= REBUILD_BUDGET_S)} |")
            say(f"| for reference: Sphinx time (cold build, notebook execution off) | {sphinx_s:.1f} | | |")
            say()
            if cold_s > cold_budget:
                over.append(f"cold build {cold_s:.1f} s > {cold_budget:.1f} s")
            if rebuild_s > REBUILD_BUDGET_S:
                over.append(f"no-change rebuild {rebuild_s:.1f} s > {REBUILD_BUDGET_S} s")
            if cold_rc != 0:
                say(f"(The cold build reported problems, rc {cold_rc}: run the test suite for details.)")
                say()

            html_root = tmp / "book" / "_build" / "html"
            say(
                f"## Page weight (gzipped HTML + own images, no shared theme assets; "
                f"budgets: page ≤ {PAGE_BUDGET_KB:.0f} KB, figure ≤ {FIGURE_BUDGET_KB:.0f} KB)"
            )
            say()
            say("| page | HTML KB (uncompressed) | HTML KB (gzip) | images | images KB | largest image KB | weight KB | budget |")
            say("|---|---:|---:|---:|---:|---:|---:|---|")
            for name in files:
                docname = os.path.splitext(name)[0]
                if not (html_root / f"{docname}.html").is_file():
                    say(f"| `{docname}` | (not built) | | | | | | |")
                    continue
                weight = page_weight(html_root, docname)
                largest = max(weight.images.values(), default=0.0)
                big = [f"{n} {kb:.0f} KB" for n, kb in weight.images.items() if kb > FIGURE_BUDGET_KB]
                ok = weight.total_kb <= PAGE_BUDGET_KB and not big
                if weight.total_kb > PAGE_BUDGET_KB:
                    over.append(f"{docname}: {weight.total_kb:.0f} KB")
                over += [f"{docname}: figure {b}" for b in big]
                say(
                    f"| `{docname}` | {weight.html_kb:.0f} | {weight.html_gzip_kb:.0f} | {len(weight.images)} | "
                    f"{sum(weight.images.values()):.0f} | {largest:.0f} | {weight.total_kb:.0f} | {verdict(ok)} |"
                )
            say()

    if not args.skip_tests:
        rows = []
        for label, command, budget in (("fast subset (`pytest -m fast`)", FAST_SUBSET, FAST_SUBSET_BUDGET_S),
                                       ("full suite (`pytest`, the README's command)", FULL_SUITE, FULL_SUITE_BUDGET_S)):
            print(f"timing the {label} ...", file=sys.stderr, flush=True)
            seconds, rc, last = suite_seconds(command)
            if seconds > budget:
                over.append(f"{label} {seconds:.0f} s > {budget:.0f} s")
            if rc != 0:
                over.append(f"{label} failed (rc {rc})")
            rows.append(f"| {label} | {seconds:.0f} | {budget:.0f} | {verdict(seconds <= budget and rc == 0)} | {last} |")
        say("## Tests (budgets: full suite ≤ 300 s, fast subset ≤ 30 s)")
        say()
        say("| run | seconds | budget (s) | | pytest's summary |")
        say("|---|---:|---:|---|---|")
        for row in rows:
            say(row)
        say()

    say("**All budgets met.**" if not over else "**Over budget:** " + "; ".join(over) + ".")
    if args.output:
        args.output.write_text("\n".join(out) + "\n", encoding="utf-8")
    return 1 if (over and args.strict) else 0


if __name__ == "__main__":
    sys.exit(main())
