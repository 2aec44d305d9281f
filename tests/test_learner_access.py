"""Where learners get the learner notebooks: one path per platform, each checked.

- **A clone** (README): the README's one command opens JupyterLab on ``notebooks/learner/``
  without building the book; the test runs that very command and lists what JupyterLab
  serves. JupyterLab is installed by the README's first command (``requirements.txt``).
- **Binder, Colab and download buttons**: ``_ext/learner_links.py`` points each chapter's
  buttons at its learner notebook. A toy book shows the extension at work (and its
  student-edition switch); the whole book's built HTML is checked chapter by chapter.
- **JupyterHub**: every nbgitpuller link in ``running.md`` and ``instructors.md`` opens a
  learner or student notebook that exists, from the course's repository.
- **Binder's environment** (``binder/``): Python pinned to the version CI tests, and only
  what a learner needs (the course package and JupyterLab), which is enough to import
  everything the learner notebooks and ``legday`` import.

Each checker is also run on a broken specimen, to show that it fails when it should.
"""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml

import legday
from _jupyterlab import contents, lab_server
from conftest import ROOT, BookBuild

MANIFEST = ROOT / "notebooks" / "manifest.json"
CHAPTER_NAMES = sorted(p.stem for p in (ROOT / "chapters").glob("*.ipynb"))
LEARNER_DIR = "notebooks/learner"
STUDENT_DIR = "notebooks/student"
REPO_NAME = urlsplit(legday.REPOSITORY_URL).path.rstrip("/").rsplit("/", 1)[-1]


def _requirement_lines(path: Path) -> list[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return [line for line in lines if line]


def _requirement_name(line: str) -> str:
    return re.split(r"[<>=!~;\[ @]", line, maxsplit=1)[0].strip().lower().replace("_", "-")


def _readme_block(marker: str) -> str:
    """The fenced command right after ``<!-- marker -->`` in README.md."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- {re.escape(marker)} -->\s*```\w*\n(.*?)\n```", readme, flags=re.S)
    assert match, f"README.md lacks the command marked <!-- {marker} -->"
    return match.group(1).strip()


# --------------------------------------------------------------------------- a clone: the README


def test_readme_first_command_installs_jupyterlab() -> None:
    assert "-r requirements.txt" in _readme_block("ci:install")
    names = {_requirement_name(line) for line in _requirement_lines(ROOT / "requirements.txt")}
    assert "jupyterlab" in names, "requirements.txt must install JupyterLab (the README opens the notebooks in it)"


def test_readme_command_opens_the_learner_notebooks(tmp_path: Path) -> None:
    """Run the README's command itself (from the checkout, as a learner would) and ask the
    server what its file browser shows: every chapter's learner notebook."""
    command = _readme_block("learner:lab")
    assert command == f".venv/bin/jupyter lab {LEARNER_DIR}", f"unexpected README command: {command!r}"
    jupyter = Path(sys.executable).with_name("jupyter")
    argv = [str(jupyter), *command.split()[1:]]
    with lab_server(ROOT / LEARNER_DIR, tmp_path / "home", command=argv, cwd=ROOT) as server:
        assert server.root.resolve() == (ROOT / LEARNER_DIR).resolve(), f"JupyterLab opened {server.root}"
        served = sorted(item["name"] for item in contents(server)["content"] if item["type"] == "notebook")
    assert served == [f"{name}.ipynb" for name in CHAPTER_NAMES], f"JupyterLab shows {served}"


# --------------------------------------------------------------------------- JupyterHub: nbgitpuller


NBGITPULLER_LINK = re.compile(r"https?://\S*?/hub/user-redirect/git-pull\?[^\s`)\]>\"']+")


def nbgitpuller_problems(text: str, root: Path = ROOT) -> tuple[int, list[str]]:
    """The nbgitpuller links in ``text`` and what is wrong with them: each must clone the
    course's repository (``main``) and open, in JupyterLab or the classic interface, a
    learner or student notebook (or their folder) that exists in ``root``."""
    links = NBGITPULLER_LINK.findall(text)
    problems = []
    for link in links:
        query = parse_qs(urlsplit(link).query)
        repo = query.get("repo", [""])[0]
        if repo.rstrip("/") != legday.REPOSITORY_URL.rstrip("/"):
            problems.append(f"{link}: repo is {repo!r}, not {legday.REPOSITORY_URL!r}")
        if query.get("branch", [""])[0] != "main":
            problems.append(f"{link}: branch is not main")
        urlpath = unquote(query.get("urlpath", [""])[0])
        match = re.fullmatch(rf"(?:lab/tree|tree)/{re.escape(REPO_NAME)}/(.+)", urlpath)
        if not match:
            problems.append(f"{link}: urlpath {urlpath!r} does not open lab/tree/{REPO_NAME}/...")
            continue
        path = match.group(1).rstrip("/")
        if not (path.startswith(f"{LEARNER_DIR}/") or path.startswith(f"{STUDENT_DIR}/") or path in (LEARNER_DIR, STUDENT_DIR)):
            problems.append(f"{link}: opens {path!r}, not a learner or student notebook")
        elif not (root / path).exists():
            problems.append(f"{link}: {path!r} does not exist in the repository")
    return len(links), problems


@pytest.mark.parametrize("page", ["running.md", "instructors.md"])
def test_nbgitpuller_links_open_learner_or_student_notebooks(page: str) -> None:
    count, problems = nbgitpuller_problems((ROOT / page).read_text(encoding="utf-8"))
    assert count, f"{page} has no nbgitpuller link"
    assert not problems, f"{page}:\n  " + "\n  ".join(problems)


def test_nbgitpuller_check_fails_on_broken_links() -> None:
    repo = "https%3A%2F%2Fgithub.com%2Fleg-day-course%2Fleg-day"
    good = f"https://hub.example/hub/user-redirect/git-pull?repo={repo}&branch=main&urlpath=lab%2Ftree%2F{REPO_NAME}%2F"
    specimen = "\n".join([
        good + "chapters%2F04_calorie_burn.ipynb",                      # the book's source
        good + "notebooks%2Flearner%2F99_missing.ipynb",                # no such notebook
        good.replace(repo, "https%3A%2F%2Fgithub.com%2Fsomeone%2Ffork") + "notebooks%2Flearner",
    ])
    count, problems = nbgitpuller_problems(specimen, root=ROOT)
    assert count == 3
    assert any("not a learner or student notebook" in p for p in problems), problems
    assert any("does not exist" in p for p in problems), problems
    assert any("someone" in p and "repo is" in p for p in problems), problems


# --------------------------------------------------------------------------- Binder's environment


def _ci_python() -> str:
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "book.yml").read_text(encoding="utf-8"))
    versions = {str(step["with"]["python-version"]) for job in workflow["jobs"].values() for step in job["steps"]
                if "setup-python" in str(step.get("uses", "")) and "python-version" in step.get("with", {})}
    assert len(versions) == 1, f"CI tests more than one Python, or none: {versions}"
    return versions.pop()


def test_binder_pins_the_python_that_ci_tests() -> None:
    runtime = (ROOT / "binder" / "runtime.txt").read_text(encoding="utf-8").strip()
    assert runtime == f"python-{_ci_python()}", f"binder/runtime.txt says {runtime!r}; CI tests Python {_ci_python()}"
    required = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    assert required == f">={_ci_python()}", f"pyproject requires-python {required!r} vs CI {_ci_python()}"


#: What Binder installs besides the course package, each in the range ``requirements.txt`` gives:
#: JupyterLab, and the cap on jsonschema that keeps every kernel and JupyterLab's start fast.
BINDER_PINNED = ("jupyterlab", "jsonschema")


def binder_requirement_problems(lines: list[str], top_level: list[str]) -> list[str]:
    """Binder must install exactly the course package (``-e .`` or ``.``: repo2docker runs pip
    from the repository root), JupyterLab and the jsonschema cap, in the ranges ``requirements.txt`` gives."""
    problems = []
    package = [line for line in lines if line in ("-e .", ".", "--editable .", "-e ./", "./")]
    if len(package) != 1:
        problems.append(f"the course package ('-e .') must be installed once; got {package}")
    others = [line for line in lines if line not in package]
    pinned = []
    for name in BINDER_PINNED:
        got = [line for line in others if _requirement_name(line) == name]
        expected = [line for line in top_level if _requirement_name(line) == name]
        if got != expected:
            problems.append(f"{name} must be {expected} (as in requirements.txt); got {got}")
        pinned += got
    extra = [line for line in others if line not in pinned]
    if extra:
        problems.append(f"not needed by a learner (no book, test or browser tooling on Binder): {extra}")
    return problems


def test_binder_installs_only_what_a_learner_needs() -> None:
    assert sorted(p.name for p in (ROOT / "binder").iterdir()) == ["requirements.txt", "runtime.txt"], (
        "binder/ must hold only runtime.txt and requirements.txt (repo2docker would act on any other file)")
    problems = binder_requirement_problems(_requirement_lines(ROOT / "binder" / "requirements.txt"),
                                           _requirement_lines(ROOT / "requirements.txt"))
    assert not problems, "binder/requirements.txt:\n  " + "\n  ".join(problems)
    assert (ROOT / "pyproject.toml").is_file() and legday.__name__ == "legday"


def test_binder_check_fails_on_a_book_environment() -> None:
    top = _requirement_lines(ROOT / "requirements.txt")
    problems = binder_requirement_problems(top, top)  # the authors' file is not a learner's
    assert any("not needed by a learner" in p and "pytest" in p for p in problems), problems
    assert binder_requirement_problems(["jupyterlab"], top)[0].startswith("the course package")


def _imports(code: str) -> set[str]:
    # IPython magics and shell lines (the install cell's %pip) become `pass`, at their indentation
    code = "\n".join(line[: len(line) - len(line.lstrip())] + "pass" if line.lstrip().startswith(("%", "!")) else line
                     for line in code.splitlines())
    names = set()
    for node in ast.walk(ast.parse(code)):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def _binder_provides() -> set[str]:
    """Top-level modules Binder's environment has: the standard library, legday, its
    dependencies (pyproject.toml) and what JupyterLab brings for a kernel."""
    dependencies = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    return set(sys.stdlib_module_names) | {"legday", "IPython", "ipykernel"} | {_requirement_name(d) for d in dependencies}


@pytest.mark.parametrize("name", CHAPTER_NAMES)
def test_binder_environment_has_everything_a_learner_notebook_imports(name: str) -> None:
    notebook = json.loads((ROOT / LEARNER_DIR / f"{name}.ipynb").read_text(encoding="utf-8"))
    code = "\n".join("".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code")
    package = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "legday").glob("*.py"))
    missing = (_imports(code) | _imports(package)) - _binder_provides()
    # legday.book imports MyST-NB only when it is there (the book build); a learner's kernel goes without
    missing -= {"myst_nb"}
    assert not missing, f"{name}: Binder's environment lacks {sorted(missing)}"


# --------------------------------------------------------------------------- launch and download buttons


LAUNCH_LINK = re.compile(r'href="(https://(?:mybinder\.org|colab\.research\.google\.com)/[^"]+)"')
DOWNLOAD_LINK = re.compile(r'<a href="([^"]+\.ipynb)"[^>]*>(?:(?!</a>).)*?\.ipynb', flags=re.S)


def button_problems(page: str, name: str, folder: str = LEARNER_DIR) -> list[str]:
    """The Binder and Colab links and the ``.ipynb`` download of a built chapter page must
    give ``<folder>/<name>.ipynb``; returns what is wrong."""
    target = f"{folder}/{name}.ipynb"
    launch = [html_unescape(url) for url in LAUNCH_LINK.findall(page)]
    problems = []
    binder = [u for u in launch if "mybinder.org" in u]
    colab = [u for u in launch if "colab.research.google.com" in u]
    if not binder:
        problems.append("no Binder button")
    if not colab:
        problems.append("no Colab button")
    for url in binder:
        urlpath = unquote(parse_qs(urlsplit(url).query).get("urlpath", [""])[0])
        if re.sub(r"^(lab/tree|tree)/", "", urlpath) != target:
            problems.append(f"Binder opens {urlpath!r}, not {target}")
    for url in colab:
        if not urlsplit(url).path.endswith(f"/blob/main/{target}"):
            problems.append(f"Colab opens {url!r}, not {target}")
    downloads = DOWNLOAD_LINK.findall(page)
    if not downloads:
        problems.append("no .ipynb download")
    problems += [f"the download gives {href!r}, not {target}" for href in downloads if not href.endswith(target)]
    return problems


def html_unescape(text: str) -> str:
    import html

    return html.unescape(text)


def _toy_book(folder: Path, hide: bool) -> Path:
    """A one-chapter book with a learner and a student notebook, the course's repository
    and launch buttons, and the extension."""
    notebook = {"cells": [{"cell_type": "markdown", "metadata": {}, "source": "# Toy\n\nTOYTEXT."}],
                "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"}},
                "nbformat": 4, "nbformat_minor": 5}
    for path, marker in (("chapters/01_toy.ipynb", "SOURCE"), (f"{LEARNER_DIR}/01_toy.ipynb", "LEARNER"),
                         (f"{STUDENT_DIR}/01_toy.ipynb", "STUDENT")):
        notebook["cells"][0]["source"] = f"# Toy\n\n{marker}."
        (folder / path).parent.mkdir(parents=True, exist_ok=True)
        (folder / path).write_text(json.dumps(notebook), encoding="utf-8")
    (folder / "_toc.yml").write_text("format: jb-book\nroot: chapters/01_toy\n", encoding="utf-8")
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8"))
    toy = {
        "title": "toy",
        "only_build_toc_files": True,
        "execute": {"execute_notebooks": "off"},
        "repository": config["repository"],
        "launch_buttons": config["launch_buttons"],
        "sphinx": {"extra_extensions": ["sphinx_exercise"],
                   "local_extensions": {"learner_links": str(ROOT / "_ext")},
                   "config": {"hide_solutions": hide}},
    }
    (folder / "_config.yml").write_text(yaml.safe_dump(toy), encoding="utf-8")
    return folder


@pytest.mark.build
@pytest.mark.parametrize("hide", [False, True], ids=["learner", "student"])
def test_toy_book_buttons_give_the_generated_notebook(tmp_path: Path, hide: bool) -> None:
    book = _toy_book(tmp_path / "book", hide)
    jb = Path(sys.executable).with_name("jupyter-book")
    proc = subprocess.run([str(jb), "build", str(book), "-W", "-n", "--keep-going"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    html_dir = book / "_build" / "html"
    page = (html_dir / "chapters" / "01_toy.html").read_text(encoding="utf-8")
    folder = STUDENT_DIR if hide else LEARNER_DIR
    download = html_dir / folder / "01_toy.ipynb"
    assert download.is_file(), f"the site has no {folder}/01_toy.ipynb"
    assert ("STUDENT" if hide else "LEARNER") in download.read_text(encoding="utf-8")
    # in the student edition the launch buttons (if it keeps them) open the student notebook too
    problems = button_problems(page, "01_toy", folder)
    assert not problems, problems


@pytest.mark.build
def test_button_check_fails_on_the_themes_own_buttons(tmp_path: Path) -> None:
    """Without the extension, sphinx-book-theme's buttons give the book's source notebook."""
    book = _toy_book(tmp_path / "book", hide=False)
    config = yaml.safe_load((book / "_config.yml").read_text(encoding="utf-8"))
    del config["sphinx"]["local_extensions"]
    (book / "_config.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    jb = Path(sys.executable).with_name("jupyter-book")
    proc = subprocess.run([str(jb), "build", str(book), "-W", "-n", "--keep-going"],
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, (proc.stdout + proc.stderr)[-3000:]
    page = (book / "_build" / "html" / "chapters" / "01_toy.html").read_text(encoding="utf-8")
    problems = button_problems(page, "01_toy")
    assert any(p.startswith("Binder opens") and "chapters/01_toy.ipynb" in p for p in problems), problems
    assert any(p.startswith("Colab opens") for p in problems), problems
    assert any(p.startswith("the download gives") for p in problems), problems


@pytest.mark.build
@pytest.mark.parametrize("name", CHAPTER_NAMES)
def test_chapter_buttons_give_its_learner_notebook(built_book: BookBuild, name: str) -> None:
    page = built_book.html / "chapters" / f"{name}.html"
    assert page.is_file(), f"the book build wrote no {page.name} (rc={built_book.returncode})"
    problems = button_problems(page.read_text(encoding="utf-8"), name)
    assert not problems, f"chapters/{name}.html:\n  " + "\n  ".join(problems)
    offered = built_book.html / LEARNER_DIR / f"{name}.ipynb"
    assert offered.is_file() and offered.read_bytes() == (ROOT / LEARNER_DIR / f"{name}.ipynb").read_bytes(), (
        f"the site's {LEARNER_DIR}/{name}.ipynb is missing or differs from the committed learner notebook")


def test_binder_import_check_fails_on_a_package_binder_lacks() -> None:
    code = "try:\n    import legday\nexcept ImportError:\n    %pip install legday\nimport sklearn.linear_model\nfrom pandas import DataFrame\nimport numpy"
    assert _imports(code) - _binder_provides() == {"sklearn", "pandas"}
