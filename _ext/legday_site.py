"""Site fixes for the Leg Day book: a small local Sphinx extension.

Loaded through ``sphinx.local_extensions`` in ``_config.yml``. Every fix here makes the
published pages pass the browser checks of ``tests/test_site.py`` (zero console errors,
zero serious or critical axe violations) without allow-listing anything:

* **Duplicate inline scripts.** sphinx-thebe (always loaded by Jupyter Book 1) adds an
  inline ``const THEBE_JS_URL = ...`` script with ``app.add_js_file`` after the HTML
  builder exists, so Sphinx registers it twice and every page threw
  ``Identifier 'THEBE_JS_URL' has already been declared``. Each page's script list is
  de-duplicated here (thebe itself stays off: ``launch_buttons.thebe: false``).
* **Bibliography roles.** docutils writes a reference list as
  ``<div class="citation-list" role="list">`` whose entries carry the deprecated
  ``role="doc-biblioentry"``: axe reports ``aria-required-children`` (critical). The
  entries become ``role="listitem"``, which is what a list needs.
* **Collapsed code cells.** myst-nb writes a ``hide-input`` cell as ``<details>`` whose
  ``<summary aria-label="Toggle hidden content">`` shows "Show code cell source": axe reports
  ``label-content-name-mismatch`` (serious). The label goes, so the summary's accessible name is
  its visible text.
* **Theme mode.** pydata-sphinx-theme logs ``console.error("Got invalid theme mode: .")``
  on a first visit when ``default_mode`` is unset; it is set to ``auto`` (follow the
  reader's system setting) unless the book's configuration sets another mode.

* **Figures open full size.** On a 390 px phone a figure is shown at about half its
  natural width; every figure image (in a ``<figure>``) becomes a link to its full-size
  image, so a tap opens it at a readable size (Sphinx does this only for images given a
  size). ``tests/test_site.py`` checks that every figure is either shown at half its
  natural width or more, or is such a link.

* **Colour maps keep their colours in dark mode.** ``_static/legday-site.css`` shows
  figures inverted in dark mode (black text turns white); a colour map (a heatmap's
  raster, an ``<image>`` inside the SVG) would change meaning, so such a figure's ``<img>``
  gets the class ``legday-colour-map`` and is shown as it is, on its white paper.

The search and colour-mode buttons get accessible names that match their visible text
through the templates in ``_templates/components/`` (axe: ``label-content-name-mismatch``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

from sphinx.application import Sphinx
from sphinx.config import Config

_BIBLIOENTRY = re.compile(r'role="doc-biblioentry"')
_HIDDEN_CELL_SUMMARY = re.compile(r'(<details class="admonition hide[^"]*">\s*<summary) aria-label="Toggle hidden content">')


#: An image that opens a ``<figure>`` (MyST-NB's figures, the {figure} directive) and is not a link yet.
_FIGURE_IMAGE = re.compile(r'(<figure\b[^>]*>\s*)(<img\b[^>]*\bsrc="([^"]+)"[^>]*>)')


def _script_key(script: Any) -> tuple[str, str]:
    """What makes two entries of ``script_files`` the same script: its URL and its body."""
    filename = getattr(script, "filename", script)  # older Sphinx: plain strings
    attributes = getattr(script, "attributes", {}) or {}
    return (str(filename or ""), str(attributes.get("body", "")))


def unique_scripts(scripts: list[Any]) -> list[Any]:
    """Drop repeated entries of a page's script list, keeping the first of each."""
    seen: set[tuple[str, str]] = set()
    kept = []
    for script in scripts:
        key = _script_key(script)
        if key not in seen:
            seen.add(key)
            kept.append(script)
    return kept


def fix_bibliography_roles(body: str) -> str:
    """Give reference-list entries the ``listitem`` role their ``role="list"`` parent needs."""
    return _BIBLIOENTRY.sub('role="listitem"', body)


def fix_hidden_cell_summaries(body: str) -> str:
    """Drop the fixed ``aria-label`` of the summaries of collapsed (``hide-input``) code cells."""
    return _HIDDEN_CELL_SUMMARY.sub(r"\1>", body)


def link_figures_to_full_size(body: str) -> str:
    """Wrap each figure's image in a link to the image itself (a tap opens it full size)."""
    return _FIGURE_IMAGE.sub(
        r'\1<a class="reference internal image-reference legday-full-size" href="\3">\2</a>', body
    )


_IMG_TAG = re.compile(r"<img\b[^>]*>")
_IMG_SRC = re.compile(r'\bsrc="([^"]+)"')


def mark_colour_maps(body: str, is_colour_map: Callable[[str], bool]) -> str:
    """Add the class ``legday-colour-map`` to every ``<img>`` whose ``src`` names a colour map."""

    def mark(match: re.Match) -> str:
        tag = match[0]
        src = _IMG_SRC.search(tag)
        if not src or not is_colour_map(src[1]):
            return tag
        if ' class="' in tag:
            return tag.replace(' class="', ' class="legday-colour-map ', 1)
        return tag.replace("<img", '<img class="legday-colour-map"', 1)

    return _IMG_TAG.sub(mark, body)


def _colour_map_finder(app: Sphinx) -> Callable[[str], bool]:
    """Whether a built image (``.../_images/<name>.svg``) holds a raster: a colour map."""
    cache: dict[str, bool] = app.env.__dict__.setdefault("_legday_colour_maps", {})

    def is_colour_map(src: str) -> bool:
        name = src.rsplit("/", 1)[-1]
        if not name.endswith(".svg"):
            return False
        if name not in cache:
            sources = {out: source for source, out in getattr(app.builder, "images", {}).items()}
            path = Path(app.srcdir) / sources[name] if name in sources else None
            cache[name] = bool(path and path.is_file() and b"<image" in path.read_bytes())
        return cache[name]

    return is_colour_map


def _on_page_context(app: Sphinx, pagename: str, templatename: str, context: dict, doctree: Any) -> None:
    if isinstance(context.get("script_files"), list):
        context["script_files"] = unique_scripts(context["script_files"])
    if isinstance(context.get("body"), str):
        body = link_figures_to_full_size(fix_hidden_cell_summaries(fix_bibliography_roles(context["body"])))
        context["body"] = mark_colour_maps(body, _colour_map_finder(app))


def _on_config_inited(app: Sphinx, config: Config) -> None:
    # pydata-sphinx-theme reads the mode from the template context, not a theme option.
    context = dict(config.html_context or {})
    context.setdefault("default_mode", "auto")
    config.html_context = context


def setup(app: Sphinx) -> dict[str, Any]:
    app.connect("config-inited", _on_config_inited)
    # Late priority: run after the theme and other extensions have filled the context.
    app.connect("html-page-context", _on_page_context, priority=900)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
