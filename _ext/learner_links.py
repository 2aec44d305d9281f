"""Sphinx extension: a chapter's Binder, Colab and download buttons give its learner notebook.

sphinx-book-theme builds each page's launch links from the page's source path: the Binder
button of chapter 4 opens ``chapters/04_calorie_burn.ipynb`` and the Colab button the same
file on GitHub, and the download button offers that source. The sources are written for the
book (MyST roles and directives, no glued numbers, solutions in plain view), so a learner who
follows any of these buttons gets a notebook that does not read like the page. The learner
edition (``notebooks/learner/``, generated from the chapters and committed) is what they
should get.

The theme has no option for another target, so this extension edits the buttons after the
theme has made them (``html-page-context`` at priority 502; the theme's handlers run at 501):

* in the Binder and Colab URLs, ``chapters/<name>.ipynb`` becomes
  ``notebooks/learner/<name>.ipynb``;
* the ``.ipynb`` entry of the download menu points at a copy of the learner notebook, which
  is written into the site at the same path (``<html>/notebooks/learner/<name>.ipynb``) when
  the build finishes.

In the student edition (sphinx-exercise's ``hide_solutions: true``) the download gives the
student notebook (``notebooks/student/``) instead, and its launch buttons are already gone.
A chapter without its generated notebook is a build warning (an error with ``-W``), never a
silent fallback to the source. Configuration: ``learner_notebooks_dir`` and
``student_notebooks_dir``, folders relative to the book's root.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.util import logging

logger = logging.getLogger(__name__)

LAUNCH_GROUP = "launch-buttons"
DOWNLOAD_GROUP = "download-buttons"
DOWNLOAD_SOURCE = "download-source-button"


def notebook_folder(config: Any) -> str:
    """The folder (relative to the book's root) whose notebooks the buttons give."""
    hidden = bool(getattr(config, "hide_solutions", False))
    folder = config.student_notebooks_dir if hidden else config.learner_notebooks_dir
    return folder.strip("/")


def retarget_buttons(buttons: list[dict], source: str, target: str, download_url: str) -> int:
    """Point the launch links at ``target`` instead of ``source`` (both relative to the
    repository root) and the ``.ipynb`` download at ``download_url``, in place.

    Parameters
    ----------
    buttons : list of dict
        The page's ``header_buttons`` as sphinx-book-theme builds them.
    source, target : str
        Repository paths, e.g. ``chapters/04_calorie_burn.ipynb`` and
        ``notebooks/learner/04_calorie_burn.ipynb``.
    download_url : str
        The URL of the learner notebook in the site, relative to the page.

    Returns
    -------
    int
        How many links were changed.
    """
    changed = 0
    for group in buttons:
        if not isinstance(group, dict):
            continue
        for button in group.get("buttons", []):
            url = button.get("url", "")
            if group.get("label") == LAUNCH_GROUP and source in url:
                button["url"] = url.replace(source, target)
                changed += 1
            elif group.get("label") == DOWNLOAD_GROUP and button.get("label") == DOWNLOAD_SOURCE and url.endswith(".ipynb"):
                button["url"] = download_url
                button["tooltip"] = "Download the notebook to run"
                changed += 1
    return changed


def _page_notebook(app: Sphinx, pagename: str) -> Path | None:
    """The generated notebook for a notebook page, or None for other pages."""
    source = Path(app.env.doc2path(pagename))
    chapters = getattr(app.config, "learner_chapters_folder", "chapters").strip("/") + "/"
    if source.suffix != ".ipynb" or not pagename.startswith(chapters):
        return None  # only the chapters have learner notebooks; other notebook pages keep their own
    return Path(app.srcdir) / notebook_folder(app.config) / source.name


def _on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    notebook = _page_notebook(app, pagename)
    buttons = context.get("header_buttons")
    if notebook is None or not isinstance(buttons, list):
        return
    if not notebook.is_file():
        logger.warning(
            "learner links: %s has no generated notebook %s (run `python tools/learner_edition.py`); "
            "its Binder, Colab and download buttons would give the book's source",
            pagename, notebook.relative_to(app.srcdir), location=pagename,
        )
        return
    theme_options = app.config.html_theme_options or {}
    prefix = (theme_options.get("path_to_docs") or "").strip("/")
    prefix = f"{prefix}/" if prefix else ""
    folder = notebook_folder(app.config)
    source = f"{prefix}{pagename}.ipynb"
    target = f"{prefix}{folder}/{notebook.name}"
    download_url = context["pathto"](f"{folder}/{notebook.name}", 1)
    retarget_buttons(buttons, source, target, download_url)


def _copy_notebooks(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    folder = notebook_folder(app.config)
    for docname in sorted(app.env.found_docs):
        notebook = _page_notebook(app, docname)
        if notebook is not None and notebook.is_file():  # every page's copy, rewritten or not
            destination = Path(app.outdir) / folder / notebook.name
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(notebook, destination)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_config_value("learner_notebooks_dir", "notebooks/learner", "html")
    app.add_config_value("student_notebooks_dir", "notebooks/student", "html")
    app.connect("html-page-context", _on_page_context, priority=502)
    app.connect("build-finished", _copy_notebooks)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
