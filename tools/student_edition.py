"""Build the student edition of the book: the same book with every solution removed.

Usage (from the repository root)::

    .venv/bin/python tools/student_edition.py                 # -> _build_student/_build/html/
    .venv/bin/python tools/student_edition.py --out DIR -W -n --keep-going
    .venv/bin/python tools/student_edition.py --notebooks-only DIR   # the student notebooks, into DIR

The configuration is derived from ``_config.yml`` each time, never copied by hand:
the same book with ``sphinx.config.hide_solutions: true``, the title marked
"student edition", an announcement bar on every page saying so, the Binder/Colab launch
buttons removed (they would open the repository's notebooks, solutions included; the pages'
download button offers the solution-free notebooks instead), and paths made absolute so that
the derived file can live in the output folder. It is written to ``<out>/_config.student.yml``
and passed to ``jupyter-book build --config``. The table of contents is derived from
``_toc.yml`` the same way, without the instructor pages (``INSTRUCTOR_PAGES``: the instructor
guide and its computed session results), into ``<out>/_toc.student.yml`` (``--toc``); as the book
builds only the files its toc lists, those pages are not in the student edition at all. Text of
the other pages meant for one edition only is written in ``{only}`` blocks (``student_edition``
or ``not student_edition``; the tag is set by ``_ext/student_edition.py``), which is also how
their links to the instructor pages stay out of the student edition. Any further arguments
(``-W``, ``-n``, ``--keep-going``, ``--builder pdflatex`` …) are passed through to
``jupyter-book build``.

``--notebooks-only`` writes the student notebooks of the learner-notebook generator
(``tools/learner_edition.py``: the learner edition without any solution, an answer cell per exercise,
no MyST syntax), built afresh, into ``DIR``; the committed copies are in ``notebooks/student/``.

``hide_solutions`` is sphinx-exercise's switch; the course's extension
``_ext/student_edition.py`` makes it remove the gated solutions of the chapters
completely (prose, code cells, outputs), and strips them from the notebooks
offered for download too.
"""

from __future__ import annotations

import argparse
import copy
import re
import subprocess
import sys
from pathlib import Path

import yaml

if __package__:  # imported as tools.student_edition (the tests)
    from . import learner_edition
    from .book_toc import toc_dict
else:  # run as a script, python tools/student_edition.py: its folder is on sys.path
    import learner_edition
    from book_toc import toc_dict

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "_build_student"
SUFFIX = "student edition"
#: Shown at the top of every page of the student edition (the theme's announcement bar).
ANNOUNCEMENT = "Student edition: exercises without solutions"
#: Pages for instructors only (toc entries): left out of the student edition.
INSTRUCTOR_PAGES = ("instructors", "session_results")
#: Part captions of ``_toc.yml`` renamed in the student edition (it has no teaching kit).
STUDENT_CAPTIONS = {"Teaching kit and reference": "Running the course and reference"}


def student_config(config: dict, root: Path = ROOT, out: Path = DEFAULT_OUT) -> dict:
    """Derive the student edition's Jupyter Book configuration from the book's.

    Parameters
    ----------
    config : dict
        The book's configuration, as read from ``_config.yml``. It is not modified.
    root : pathlib.Path
        The book's root folder: relative local-extension paths are resolved against it.
    out : pathlib.Path
        The student edition's output folder, excluded from the book's sources.

    Returns
    -------
    dict
        The same configuration with ``sphinx.config.hide_solutions`` set to true,
        ``title`` marked as the student edition, ``html.announcement`` set to
        ``ANNOUNCEMENT``, no Binder/Colab launch buttons,
        absolute local-extension paths, and the output folder in ``exclude_patterns``.

    Raises
    ------
    ValueError
        If the configuration does not load the course's ``student_edition`` extension,
        without which gated solutions would not be removed.
    """
    derived = copy.deepcopy(config)
    sphinx = derived.setdefault("sphinx", {}) or {}
    derived["sphinx"] = sphinx
    local = dict(sphinx.get("local_extensions") or {})
    if "student_edition" not in local:
        raise ValueError(
            "_config.yml must list the student_edition extension under sphinx.local_extensions "
            "(student_edition: _ext); without it gated solutions stay in the student edition"
        )
    sphinx["local_extensions"] = {name: str((root / path).resolve()) for name, path in local.items()}
    settings = sphinx.get("config") or {}
    sphinx["config"] = {**settings, "hide_solutions": True}
    launch = dict(derived.get("launch_buttons") or {})
    launch.update({"binderhub_url": "", "colab_url": "", "jupyterhub_url": "", "thebe": False})
    derived["launch_buttons"] = launch
    title = str(derived.get("title", "")).strip()
    if SUFFIX not in title:
        derived["title"] = f"{title} ({SUFFIX})" if title else SUFFIX.capitalize()
    derived["html"] = {**(derived.get("html") or {}), "announcement": ANNOUNCEMENT}
    try:
        relative_out = out.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        relative_out = None  # outside the book: nothing to exclude
    excludes = list(derived.get("exclude_patterns") or [])
    if relative_out and relative_out not in excludes:
        excludes.append(relative_out)
    derived["exclude_patterns"] = excludes
    return derived


def student_toc(toc: dict, drop: tuple[str, ...] = INSTRUCTOR_PAGES) -> dict:
    """Derive the student edition's table of contents: the book's without the pages in ``drop``.

    Parameters
    ----------
    toc : dict
        The book's table of contents, as read from ``_toc.yml`` (``tools.book_toc.toc_dict``).
        It is not modified.
    drop : tuple of str
        Document names (``file`` entries, without suffix) to leave out, with their sections.

    Returns
    -------
    dict
        The same table of contents without those entries, and part captions renamed as
        ``STUDENT_CAPTIONS`` says.

    Raises
    ------
    ValueError
        If the root page is one of ``drop``, or one of ``drop`` is not in the toc (a renamed
        instructor page would otherwise be published in the student edition unnoticed).
    """
    if toc.get("root") in drop:
        raise ValueError(f"the root page {toc['root']!r} cannot be left out of the student edition")
    found: set[str] = set()

    def prune(entries: list) -> list:
        kept = []
        for entry in entries:
            name = re.sub(r"\.(md|ipynb)$", "", str(entry.get("file", ""))) if isinstance(entry, dict) else ""
            if name in drop:
                found.add(name)
                continue
            if isinstance(entry, dict):
                entry = {key: prune(value) if key in ("parts", "chapters", "sections") else value
                         for key, value in entry.items()}
                if entry.get("caption") in STUDENT_CAPTIONS:
                    entry["caption"] = STUDENT_CAPTIONS[entry["caption"]]
            kept.append(entry)
        return kept

    derived = {key: prune(value) if key in ("parts", "chapters", "sections") else value
               for key, value in copy.deepcopy(toc).items()}
    missing = sorted(set(drop) - found)
    if missing:
        raise ValueError(f"instructor pages not found in the table of contents: {missing}; "
                         "update INSTRUCTOR_PAGES in tools/student_edition.py")
    return derived


def write_student_toc(out: Path = DEFAULT_OUT, root: Path = ROOT) -> Path:
    """Write the derived table of contents to ``<out>/_toc.student.yml`` and return its path."""
    toc = toc_dict(root / "_toc.yml")
    return _write_derived(out / "_toc.student.yml", student_toc(toc), "_toc.yml (no instructor pages)")


def write_student_config(out: Path = DEFAULT_OUT, root: Path = ROOT) -> Path:
    """Write the derived configuration to ``<out>/_config.student.yml`` and return its path."""
    config = yaml.safe_load((root / "_config.yml").read_text(encoding="utf-8"))
    return _write_derived(out / "_config.student.yml", student_config(config, root, out), "_config.yml")


def _write_derived(path: Path, data: dict, source: str) -> Path:
    """Write a derived YAML file with a header naming its source, and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    header = f"# Generated by tools/student_edition.py from {source}; do not edit.\n"
    path.write_text(header + yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def write_student_notebooks(folder: Path, built: Path | None = None, root: Path = ROOT) -> list[Path]:
    """Write the student notebook of every chapter into ``folder`` and return the paths written.

    They come from the learner-notebook generator (``tools/learner_edition.py``): ``built`` is the
    folder a learner build wrote (``<out>/_build/learner``); without it a learner build runs first
    (into ``_build_learner/``). Raises ``RuntimeError`` if that build fails.
    """
    if built is None:
        out = learner_edition.DEFAULT_BUILD
        proc = learner_edition.build(out, root=root)
        if proc.returncode != 0:
            raise RuntimeError(f"the learner build failed (exit {proc.returncode})")
        built = learner_edition.output_folder(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for source in sorted((built / "student").glob("*.ipynb")):
        target = folder / source.name
        target.write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
        written.append(target)
    return written


def build_command(
    out: Path, config_path: Path, extra: list[str], root: Path = ROOT, toc_path: Path | None = None
) -> list[str]:
    """The ``jupyter-book build`` command line for the student edition."""
    jupyter_book = Path(sys.executable).with_name("jupyter-book")
    toc = ["--toc", str(toc_path)] if toc_path is not None else []
    return [str(jupyter_book), "build", str(root), "--config", str(config_path), *toc, "--path-output", str(out), *extra]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Build the student edition (no solutions) into its own folder.",
        epilog="Other arguments are passed to `jupyter-book build` (e.g. -W -n --keep-going).",
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder (default: _build_student)")
    parser.add_argument(
        "--notebooks-only",
        type=Path,
        metavar="DIR",
        help="only write the student notebooks (learner edition without solutions) into DIR",
    )
    args, extra = parser.parse_known_args(argv)
    if args.notebooks_only is not None:
        written = write_student_notebooks(args.notebooks_only.resolve())
        print(f"{len(written)} student notebooks written to {args.notebooks_only}")
        return 0
    out = args.out.resolve()
    config_path = write_student_config(out)
    cmd = build_command(out, config_path, extra, toc_path=write_student_toc(out))
    print("student edition:", " ".join(cmd), flush=True)
    returncode = subprocess.run(cmd, cwd=ROOT).returncode
    if returncode == 0:
        print(f"student edition written to {out / '_build' / 'html'}")
    return returncode


if __name__ == "__main__":
    sys.exit(main())
