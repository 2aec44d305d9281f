"""Generate the learner and student notebooks of every chapter (one command).

Usage (from the repository root)::

    python tools/learner_edition.py            # -> notebooks/learner/, notebooks/student/ (each with tests/), notebooks/manifest.json
    python tools/learner_edition.py --check    # exit 1 if the committed notebooks differ from a fresh build

Learners open these notebooks (JupyterLab on a clone, Binder, Colab, a class hub), not the chapters:
the chapters are MyST notebooks written for Sphinx. The notebooks are committed so that the book's
Binder/Colab buttons and nbgitpuller links can open them straight from GitHub; never edit them by
hand (edit the chapter and run this again; ``tests/test_learner_edition.py`` fails when they are stale).

This runs the book build with the course's Sphinx builder ``learner`` (``_ext/learner_edition.py``,
built on sphinx-tojupyter)::

    jupyter-book build . --builder custom --custom-builder learner --path-output _build_learner

and copies its output (``_build_learner/_build/learner/{learner,student}/`` and ``manifest.json``) into
``notebooks/``. The chapters are executed as in the HTML build (their glued numbers are needed); the
execution cache in ``_build_learner/_build/.jupyter_cache`` makes a second run quick. Any further
arguments (``-W``, ``-n``, ``--keep-going`` ...) are passed to ``jupyter-book build``.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_BUILD = ROOT / "_build_learner"
NOTEBOOKS = ROOT / "notebooks"
EDITIONS = ("learner", "student")
MANIFEST = "manifest.json"


def build_command(out: Path, extra: list[str] = (), root: Path = ROOT) -> list[str]:
    """The ``jupyter-book build`` command line that writes the learner edition into ``out``."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    return [str(jupyter_book), "build", str(root), "--builder", "custom", "--custom-builder", "learner",
            "--path-output", str(out), *extra]


def output_folder(out: Path) -> Path:
    """Where the builder writes inside a ``--path-output`` folder."""
    return out / "_build" / "learner"


def build(out: Path = DEFAULT_BUILD, extra: list[str] = (), root: Path = ROOT,
          capture: bool = False) -> subprocess.CompletedProcess:
    """Run the learner build into ``out`` (from scratch: earlier notebooks there are removed first,
    the execution cache is kept)."""
    shutil.rmtree(output_folder(out), ignore_errors=True)
    shutil.rmtree(out / "_build" / ".doctrees", ignore_errors=True)
    return subprocess.run(build_command(out, list(extra), root), cwd=root, text=True,
                          capture_output=capture, timeout=1800)


def generated_files(built: Path) -> dict[str, str]:
    """The files a learner build produced, keyed by their path under ``notebooks/``.

    Raises ``FileNotFoundError`` if the build wrote no notebook.
    """
    files: dict[str, str] = {}
    for edition in EDITIONS:
        for path in sorted((built / edition).glob("*.ipynb")):
            files[f"{edition}/{path.name}"] = path.read_text(encoding="utf-8")
        for path in sorted((built / edition / "tests").glob("*.py")):
            files[f"{edition}/tests/{path.name}"] = path.read_text(encoding="utf-8")
    if not files:
        raise FileNotFoundError(f"no learner notebooks in {built}: did the build fail?")
    files[MANIFEST] = (built / MANIFEST).read_text(encoding="utf-8")
    return files


def committed_files(folder: Path = NOTEBOOKS) -> dict[str, str]:
    """The committed generated files, keyed as ``generated_files`` keys them."""
    files = {}
    for edition in EDITIONS:
        for path in sorted((folder / edition).glob("*.ipynb")):
            files[f"{edition}/{path.name}"] = path.read_text(encoding="utf-8")
        for path in sorted((folder / edition / "tests").glob("*.py")):
            files[f"{edition}/tests/{path.name}"] = path.read_text(encoding="utf-8")
    if (folder / MANIFEST).exists():
        files[MANIFEST] = (folder / MANIFEST).read_text(encoding="utf-8")
    return files


def stale(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    """Files that are missing, extra or different in ``actual`` (the committed copies)."""
    names = sorted(set(expected) | set(actual))
    return [n for n in names if expected.get(n) != actual.get(n)]


def write(files: dict[str, str], folder: Path = NOTEBOOKS) -> None:
    """Replace the committed editions by ``files`` (stale notebooks of removed chapters go too)."""
    for edition in EDITIONS:
        for old in [*(folder / edition).glob("*.ipynb"), *(folder / edition / "tests").glob("*.py")]:
            old.unlink()
    for name, text in files.items():
        target = folder / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Generate notebooks/learner/ and notebooks/student/ from chapters/.",
        epilog="Other arguments are passed to `jupyter-book build` (e.g. -W -n --keep-going).",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_BUILD, help="build folder (default: _build_learner)")
    parser.add_argument("--check", action="store_true",
                        help="do not write: exit 1 if the committed notebooks are stale")
    args, extra = parser.parse_known_args(argv)
    out = args.out.resolve()
    print("learner edition:", " ".join(build_command(out, extra)), flush=True)
    proc = build(out, extra)
    if proc.returncode != 0:
        print(f"the learner build failed (exit {proc.returncode})", file=sys.stderr)
        return proc.returncode
    files = generated_files(output_folder(out))
    if args.check:
        differ = stale(files, committed_files())
        for name in differ:
            print(f"stale: notebooks/{name}")
        if differ:
            print("run `python tools/learner_edition.py` and commit notebooks/", file=sys.stderr)
        return 1 if differ else 0
    write(files)
    count = sum(name.endswith(".ipynb") for name in files)
    print(f"{count} notebooks written to {NOTEBOOKS.relative_to(ROOT)}/learner and /student")
    return 0


if __name__ == "__main__":
    sys.exit(main())
