"""Explorables: a chapter's model with controls, in the page, offline, with no kernel (issue 14).

A chapter puts, right after the static figure it extends::

    ```{explorable} energy-swap
    ```

The name is a key of ``legday.explorables.EXPLORABLES``; the data are that function's rows, the
model's outputs over a grid of the controls' values, computed here at build time by the tested
code. The page never computes a model value: ``legday-explorables.js`` only selects the row that
matches the controls and hands its curves to Vega-Lite.

Output, per builder:

* **HTML**: a ``<div class="legday-explorable">`` with, for each control, a ``<label for>`` and
  an ``<input type="range">`` (or a ``<select>``) with its current value as text (``<output>``);
  an ``aria-live="polite"`` summary of the result in words; the chart (``role="img"`` and an
  ``aria-label``); the data as ``<script type="application/json">``; and a ``<noscript>`` sentence
  pointing at the static figure above. The controls, summary and chart stay ``hidden`` until the
  script runs, so a reader without JavaScript sees the static figure and that sentence only.
  Pages with an explorable load ``_static/legday-vega.js`` (Vega, Vega-Lite and Vega-Embed, the
  self-contained bundle ``vl_convert.javascript_bundle()`` of the ``vl-convert-python`` wheel:
  no CDN), ``legday-explorables.js`` and ``legday-explorables.css``; other pages load none of
  them. The bundle is written once into the build's ``_static`` (again only when the
  ``vl-convert-python`` version changes) and shared by every page.
* **LaTeX (the PDF handout)**: one sentence, "In the online book this figure is interactive."
* **Notebooks (the learner builder) and every other builder**: nothing; a notebook has a kernel.
"""

from __future__ import annotations

import functools
import html
import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

#: The shared bundle and its version stamp, in the build's ``_static``.
BUNDLE = "legday-vega.js"
STAMP = "legday-vega.version"
#: The page script and style, copied from this folder into the build's ``_static``.
ASSETS = Path(__file__).with_name("explorables_static")
SCRIPT = "legday-explorables.js"
STYLE = "legday-explorables.css"
#: What the PDF handout says in place of an explorable.
LATEX_SENTENCE = "In the online book this figure is interactive."


class explorable(nodes.General, nodes.Element):
    """An explorable: ``name`` is a key of ``legday.explorables.EXPLORABLES``."""


class ExplorableDirective(SphinxDirective):
    required_arguments = 1
    has_content = False

    def run(self) -> list[nodes.Node]:
        from legday import explorables as ex

        name = self.arguments[0].strip()
        if name not in ex.EXPLORABLES:
            raise self.error(f"{{explorable}}: unknown name {name!r}; known: {', '.join(sorted(ex.EXPLORABLES))}")
        node = explorable(name=name)
        node["ids"] = [f"explorable-{name}"]
        self.set_source_info(node)
        return [node]


class ExplorableTransform(SphinxPostTransform):
    """Outside HTML, an explorable is one sentence (LaTeX) or nothing (notebooks and the rest)."""

    default_priority = 6

    def run(self, **kwargs: Any) -> None:
        builder = self.app.builder
        if builder.format == "html":
            return
        for node in list(self.document.findall(explorable)):
            if builder.format == "latex":
                node.replace_self(nodes.paragraph("", LATEX_SENTENCE))
            else:  # removed outright (replace_self([]) refuses to drop a node that carries ids)
                node.parent.remove(node)


@functools.lru_cache(maxsize=None)
def _built(name: str):
    """The explorable's data, computed once per build process."""
    from legday import explorables as ex

    return ex.build(name)


def visit_explorable_html(self, node: explorable) -> None:
    esc = html.escape
    item = _built(node["name"])
    eid = node["ids"][0]
    row = item.default_row()
    body = self.body
    body.append(f'<div class="legday-explorable" id="{esc(eid)}" data-explorable="{esc(item.name)}">\n')
    body.append(f'<p class="legday-explorable-title"><strong>Explore: {esc(item.title)}</strong></p>\n')
    body.append('<noscript><p class="legday-explorable-fallback">This interactive version of the figure above '
                'needs JavaScript; the figure above shows the same model.</p></noscript>\n')
    body.append('<div class="legday-explorable-live" hidden>\n<div class="legday-explorable-controls">\n')
    for control in item.controls:
        cid = f"{eid}-{control.name}"
        index = control.values.index(control.default)
        text = control.text(control.default)
        body.append(f'<div class="legday-explorable-control"><label for="{esc(cid)}">{esc(control.label)}</label> ')
        if control.kind == "select":
            body.append(f'<select id="{esc(cid)}" data-control="{esc(control.name)}">')
            for i, value in enumerate(control.values):
                selected = " selected" if i == index else ""
                body.append(f'<option value="{i}"{selected}>{esc(control.text(value))}</option>')
            body.append("</select>")
        else:
            body.append(f'<input type="range" id="{esc(cid)}" data-control="{esc(control.name)}" min="0" '
                        f'max="{len(control.values) - 1}" step="1" value="{index}" aria-valuetext="{esc(text)}">')
        body.append(f' <output for="{esc(cid)}" id="{esc(cid)}-value">{esc(text)}</output></div>\n')
    body.append("</div>\n")
    body.append(f'<p class="legday-explorable-summary" aria-live="polite">{esc(item.summary_text(row))}</p>\n')
    body.append(f'<div class="legday-explorable-chart" role="img" aria-label="{esc(item.description)}"></div>\n')
    body.append("</div>\n")
    body.append(f'<script type="application/json" class="legday-explorable-data">{item.to_json()}</script>\n')
    body.append("</div>\n")
    raise nodes.SkipNode


def _skip(self, node: nodes.Node) -> None:
    raise nodes.SkipNode


def add_page_assets(app: Sphinx, pagename: str, templatename: str, context: dict, doctree) -> None:
    """Only pages with an explorable load the bundle, the page script and its style."""
    if doctree is None or next(iter(doctree.findall(explorable)), None) is None:
        return
    app.add_css_file(STYLE)
    app.add_js_file(BUNDLE, type="module")
    app.add_js_file(SCRIPT, type="module")


def write_bundle(static_dir: Path) -> bool:
    """Write the Vega bundle into ``static_dir`` unless this ``vl-convert-python`` wrote it already.

    Returns whether it was written.
    """
    import vl_convert

    version = getattr(vl_convert, "__version__", "unknown")
    bundle, stamp = static_dir / BUNDLE, static_dir / STAMP
    if bundle.is_file() and stamp.is_file() and stamp.read_text(encoding="utf-8") == version:
        return False
    static_dir.mkdir(parents=True, exist_ok=True)
    bundle.write_text(vl_convert.javascript_bundle(), encoding="utf-8")
    stamp.write_text(version, encoding="utf-8")
    return True


def copy_assets(app: Sphinx, exception: Exception | None) -> None:
    if exception is not None or app.builder.format != "html":
        return
    static_dir = Path(app.outdir) / "_static"
    write_bundle(static_dir)
    for name in (SCRIPT, STYLE):
        shutil.copyfile(ASSETS / name, static_dir / name)


def setup(app: Sphinx) -> dict[str, Any]:
    app.add_node(explorable, html=(visit_explorable_html, None), latex=(_skip, None), text=(_skip, None))
    app.add_directive("explorable", ExplorableDirective)
    app.add_post_transform(ExplorableTransform)
    app.connect("html-page-context", add_page_assets)
    app.connect("build-finished", copy_assets)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
