"""Checkers for the published book, used by ``tests/test_site.py``.

Everything that decides whether a page is broken lives here, as small functions that
take a served page (or a folder of HTML) and return a list of problems: an empty list
means the page passes. ``tests/test_site.py`` runs them on every page of the built book
and also on small, deliberately broken pages, to show that each checker can fail.

* :func:`find_browser` finds a Chromium or Chrome binary (never ``playwright install``);
  :func:`missing_browser_reason` says why browser checks cannot run.
* :func:`serve` serves a folder on 127.0.0.1 (a free port) in a background thread.
* :class:`SiteBrowser` drives one browser with two colour modes; :meth:`SiteBrowser.visit`
  loads a page, blocks and records every request to another host, and returns a
  :class:`PageVisit` with console errors, page errors, failed requests, image, math and
  axe-core problems.
* :func:`layout_problems` checks what a phone reader needs (and the desktop reader too):
  no sideways overflow of the page, display equations that fit or scroll with a cue,
  figures shown at half their natural width or linked to the full-size image (and, in
  dark mode, shown inverted, or as drawn if they hold a colour map), no stray
  ``execute_result`` output, one search entry point, a favicon, an unclipped title.
* :func:`toc_pages` (from ``tools/book_toc.py``) reads ``_toc.yml``; :func:`broken_links` crawls built HTML for broken
  internal links and anchors.
"""

from __future__ import annotations

import contextlib
import functools
import html.parser
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from tools.book_toc import toc_pages  # noqa: F401  (re-exported: the one toc reader)

#: Flags for a headless Chromium in a container or CI runner, offline and quiet.
BROWSER_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

#: Where a browser is looked for, after ``$LEGDAY_BROWSER`` (Debian's package first;
#: GitHub's Ubuntu runners ship Google Chrome).
BROWSER_CANDIDATES = ["/usr/bin/chromium", "chromium", "google-chrome", "google-chrome-stable", "chromium-browser"]

#: axe-core impacts that fail a page.
FAILING_IMPACTS = frozenset({"serious", "critical"})

#: axe-core options: violations only; ``label-content-name-mismatch`` (WCAG 2.5.3) is
#: "experimental", hence off, in the axe bundled with axe-playwright-python, and on in
#: later axe releases, so it is switched on here. No CSSOM preload: it fetches stylesheets
#: relative to the page (a spurious 404 for ``/basic.css``) and no rule we run needs it.
AXE_OPTIONS = {
    "resultTypes": ["violations"],
    "rules": {"label-content-name-mismatch": {"enabled": True}},
    "preload": False,
}

#: Viewport of the desktop reader.
VIEWPORT = {"width": 1280, "height": 900}
#: Viewport of the phone reader (an iPhone 12-15 in portrait, CSS pixels).
PHONE_VIEWPORT = {"width": 390, "height": 844}
#: The screens every page is checked on, by name.
DEVICES = {"desktop": VIEWPORT, "phone": PHONE_VIEWPORT}

MODES = ("light", "dark")

#: A figure narrower than this share of its natural width must link to the full-size image.
MIN_FIGURE_SCALE = 0.5


# --------------------------------------------------------------------------- browser


def find_browser() -> str | None:
    """The path of a Chromium-family browser: ``$LEGDAY_BROWSER``, else the first candidate found."""
    explicit = os.environ.get("LEGDAY_BROWSER", "").strip()
    if explicit:
        path = shutil.which(explicit) or (explicit if Path(explicit).is_file() else None)
        return path
    for name in BROWSER_CANDIDATES:
        path = shutil.which(name) if "/" not in name else (name if os.access(name, os.X_OK) else None)
        if path:
            return path
    return None


def missing_browser_reason(modules: list[str]) -> str | None:
    """Why browser checks cannot run here (a Python package of ``modules`` or the browser is
    missing), or ``None`` when they can. The tests skip with this message, or fail under CI."""
    import importlib.util

    for module in modules:
        if importlib.util.find_spec(module) is None:
            return f"the Python package {module!r} is not installed (pip install -r requirements.txt)"
    if find_browser() is None:
        chosen = os.environ.get("LEGDAY_BROWSER", "").strip()
        if chosen:
            return f"LEGDAY_BROWSER={chosen!r} is not an executable browser"
        return (
            "no Chromium or Chrome browser found: install Debian/Ubuntu's `chromium` package "
            "(sudo apt-get install chromium) or set LEGDAY_BROWSER to a Chromium-family binary"
        )
    return None


# --------------------------------------------------------------------------- server


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - signature of the base class
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 at a free port; yields the base URL (ending in ``/``)."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


# --------------------------------------------------------------------------- page checks

_IMAGES_JS = """
async () => {
  const images = Array.from(document.images);
  for (const img of images) { img.loading = "eager"; }
  await Promise.allSettled(images.map((img) => img.decode()));
  return images.map((img) => ({
    src: img.getAttribute("src") || "",
    alt: img.getAttribute("alt"),
    loaded: img.complete && img.naturalWidth > 0,
    hidden: img.closest("[aria-hidden='true']") !== null || img.getAttribute("role") === "presentation",
  }));
}
"""

_MATH_JS = """
async () => {
  const nodes = Array.from(document.querySelectorAll(".math"));
  if (nodes.length && window.MathJax && MathJax.startup && MathJax.startup.promise) {
    await MathJax.startup.promise;
    if (MathJax.typesetPromise) { await MathJax.typesetPromise(); }
  }
  return {
    mathjax: !!(window.MathJax && MathJax.version),
    nodes: nodes.length,
    unrendered: nodes.filter((n) => !n.querySelector("mjx-container")).map((n) => n.textContent.trim().slice(0, 60)),
    errors: Array.from(document.querySelectorAll("mjx-merror")).map((e) => e.textContent.slice(0, 60)),
  };
}
"""


def image_problems(page) -> list[str]:
    """Images that did not load or have no alt text (decorative ones must be ``aria-hidden``)."""
    problems = []
    for img in page.evaluate(_IMAGES_JS):
        if not img["loaded"]:
            problems.append(f"image did not load: {img['src']!r}")
        if not img["hidden"] and not (img["alt"] or "").strip():
            problems.append(f"image without alt text: {img['src']!r}")
    return problems


def math_problems(page) -> tuple[int, list[str]]:
    """Number of math nodes on the page, and the ones MathJax did not render."""
    info = page.evaluate(_MATH_JS)
    problems = []
    if info["nodes"] and not info["mathjax"]:
        problems.append(f"{info['nodes']} math node(s) but MathJax did not load")
    problems += [f"math not rendered: {text!r}" for text in info["unrendered"]]
    problems += [f"MathJax error: {text!r}" for text in info["errors"]]
    return info["nodes"], problems


_LAYOUT_JS = """
async ({minScale, viewportWidth}) => {
  const out = [];
  const where = (el) => {
    let text = el.tagName.toLowerCase();
    if (el.id) { text += "#" + el.id; }
    else if (el.classList.length) { text += "." + Array.from(el.classList).slice(0, 2).join("."); }
    const section = el.closest("section[id]");
    return section ? `${text} in #${section.id}` : text;
  };
  const scrolls = (el) => ["auto", "scroll"].includes(getComputedStyle(el).overflowX);
  // the reader's view: MathJax typeset, legday-site.js has marked the equations
  if (window.MathJax && MathJax.startup && MathJax.startup.promise) { await MathJax.startup.promise; }
  await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  if (document.querySelector(".bd-content div.math") && !document.documentElement.dataset.legdayMath) {
    await new Promise((done) => setTimeout(done, 300));
  }
  // 1. the page never scrolls sideways
  // (the screen's width, not innerWidth: a mobile browser zooms out to show a too-wide page)
  const width = viewportWidth;
  const pageWidth = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  if (pageWidth > width + 1) {
    const culprits = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1) { continue; }
      let inner = el.parentElement, contained = false;
      while (inner && inner !== document.body) {
        if (getComputedStyle(inner).overflowX !== "visible" && inner.getBoundingClientRect().right <= width + 1) { contained = true; break; }
        inner = inner.parentElement;
      }
      if (!contained && culprits.length < 3) { culprits.push(`${where(el)} (right edge ${Math.round(r.right)} px)`); }
    }
    out.push(`the page is ${pageWidth} px wide in a ${width} px window: ${culprits.join("; ")}`);
  }
  // 2. display equations fit their column, or scroll inside it with a cue
  for (const box of document.querySelectorAll(".bd-content div.math")) {
    const column = box.parentElement.getBoundingClientRect();
    const r = box.getBoundingClientRect();
    const label = (box.textContent || "").trim().slice(0, 50);
    if (r.width === 0) { continue; }
    if (r.right > column.right + 1 || r.left < column.left - 1) {
      out.push(`display equation wider than its column (${Math.round(r.width)} > ${Math.round(column.width)} px): ${label}`);
    }
    for (const el of [box, ...box.querySelectorAll(":scope > mjx-container")]) {
      if (el.scrollWidth <= el.clientWidth + 1) { continue; }
      if (!scrolls(el)) {
        out.push(`display equation clipped (${el.scrollWidth} > ${el.clientWidth} px, no scrolling): ${label}`);
      } else if (!el.classList.contains("legday-scrolls") || el.tabIndex < 0) {
        out.push(`display equation scrolls without a visible cue or tab stop: ${label}`);
      }
    }
  }
  // 3. figures: at least half their natural width, or a link to the full-size image
  for (const img of document.querySelectorAll(".bd-content figure img, .bd-content .cell_output img")) {
    img.loading = "eager";
    try { await img.decode(); } catch (e) { /* reported by the image check */ }
    const r = img.getBoundingClientRect();
    if (r.width === 0 || !img.naturalWidth) { continue; }
    const scale = r.width / img.naturalWidth;
    const link = img.closest("a[href]");
    const full = link && new URL(link.href).pathname === new URL(img.currentSrc || img.src).pathname;
    if (scale < minScale && !full) {
      out.push(`figure shown at ${Math.round(100 * scale)} % of its width and not a link to the full-size image: ${img.getAttribute("src")}`);
    }
  }
  // 3b. dark mode: a figure is shown inverted (legday-site.css), a colour map as drawn; never dimmed
  if (document.documentElement.dataset.theme === "dark") {
    for (const img of document.querySelectorAll(".bd-content figure img, .bd-content .cell_output img")) {
      if (img.getBoundingClientRect().width === 0) { continue; }
      const filter = getComputedStyle(img).filter;
      const ok = img.classList.contains("legday-colour-map") ? filter === "none" : filter.includes("invert");
      if (!ok) { out.push(`figure not adapted to dark mode (filter: ${filter}): ${img.getAttribute("src")}`); }
    }
  }
  // 4. no stray output: a notebook cell's plain-text result (a value echoed by a last line), except
  //    in a cell tagged echo-result, which shows its value on purpose (teaching what Jupyter echoes)
  for (const el of document.querySelectorAll(".cell_output .output.text_plain")) {
    if (el.closest(".tag_echo-result")) { continue; }
    out.push(`stray execute_result output: ${JSON.stringify(el.textContent.trim().slice(0, 60))}`);
  }
  // 5. one search entry point
  const visible = (el) => { const r = el.getBoundingClientRect(); return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== "hidden"; };
  // (the search page's own query box is the search itself, not another entry point)
  const search = Array.from(document.querySelectorAll(".search-button, .search-button-field")).filter(visible);
  if (document.querySelector(".bd-header, .bd-header-article") && search.length !== 1) {
    out.push(`${search.length} visible search entry points (want 1): ${search.map(where).join(", ")}`);
  }
  // 6. a favicon that loads (without one, browsers ask for /favicon.ico: a 404)
  const icon = document.querySelector("link[rel~='icon']");
  if (!icon) { out.push("no favicon (<link rel=icon>)"); }
  else {
    const res = await fetch(icon.href).catch((e) => ({ ok: false, status: String(e) }));
    if (!res.ok) { out.push(`favicon does not load: ${icon.getAttribute("href")} (${res.status})`); }
  }
  // 7. the book's title in the sidebar is not cut off
  // (cut off by its own box, or by any box around it that hides what overflows)
  for (const title of document.querySelectorAll(".logo__title")) {
    if (!visible(title)) { continue; }
    let cut = title.scrollWidth > title.clientWidth + 1 || title.scrollHeight > title.clientHeight + 1;
    const t = title.getBoundingClientRect();
    for (let box = title.parentElement; box && box !== document.body && !cut; box = box.parentElement) {
      const style = getComputedStyle(box);
      const hides = (o) => o === "hidden" || o === "clip";
      const b = box.getBoundingClientRect();
      cut = (hides(style.overflowX) && (t.left < b.left - 1 || t.right > b.right + 1))
        || (hides(style.overflowY) && (t.top < b.top - 1 || t.bottom > b.bottom + 1))
        // a scrolled box (the sidebar scrolls to the current chapter) that shows only part of it
        || (t.top < b.top - 1 && t.bottom > b.top + 1) || (t.top < b.bottom - 1 && t.bottom > b.bottom + 1);
    }
    if (cut) { out.push(`the title ${JSON.stringify(title.textContent.trim())} is cut off`); }
  }
  return out;
}
"""


def layout_problems(page, device: str = "desktop") -> list[str]:
    """What keeps a page from reading well on its screen (see the module docstring).

    A display equation that does not fit its column must scroll inside it with the cue and
    tab stop of ``_static/legday-site.js``: hidden without a cue, it counts as clipped.
    """
    width = DEVICES[device]["width"]
    return page.evaluate(_LAYOUT_JS, {"minScale": MIN_FIGURE_SCALE, "viewportWidth": width})


def _axe_script() -> str:
    from axe_playwright_python.base import AXE_SCRIPT

    return AXE_SCRIPT


def start_axe(page, context: str | None = None) -> None:
    """Inject axe-core and start ``axe.run`` without waiting (pages can be checked in parallel).

    ``context`` is a CSS selector to check only that part of the page (its text is still
    judged against what is drawn behind it); ``None`` checks the whole document.
    """
    page.evaluate(_axe_script())
    page.evaluate("([context, options]) => { window.__legdayAxe = axe.run(context || document, options); }",
                  [context, AXE_OPTIONS])


def axe_result(page, impacts: frozenset[str] = FAILING_IMPACTS) -> list[str]:
    """Wait for the run started by :func:`start_axe`; its violations of the given impacts,
    one line per rule with its first targets."""
    response = page.evaluate("() => window.__legdayAxe")
    lines = []
    for violation in response["violations"]:
        if violation.get("impact") in impacts:
            targets = [" ".join(map(str, node["target"])) for node in violation["nodes"]][:3]
            lines.append(
                f"{violation['id']} ({violation['impact']}, {len(violation['nodes'])} node(s)): "
                f"{violation['help']}; e.g. {targets}"
            )
    return lines


def axe_violations(page, impacts: frozenset[str] = FAILING_IMPACTS, context: str | None = None) -> list[str]:
    """axe-core violations of the given impacts on a loaded page, or on the part of it that
    ``context`` selects (see :func:`start_axe`, :func:`axe_result`)."""
    start_axe(page, context)
    return axe_result(page, impacts)


@dataclass
class PageVisit:
    """What one page load showed. ``problems()`` lists everything that fails the page."""

    url: str
    mode: str
    device: str = "desktop"
    theme: str = ""
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed_requests: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    images: list[str] = field(default_factory=list)
    math_nodes: int = 0
    math: list[str] = field(default_factory=list)
    axe: list[str] = field(default_factory=list)
    layout: list[str] = field(default_factory=list)
    crashed: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return (
            [f"the check itself failed: {m}" for m in self.crashed]
            + [f"console error: {m}" for m in self.console_errors]
            + [f"page error: {m}" for m in self.page_errors]
            + [f"failed request: {m}" for m in self.failed_requests]
            + [f"request to another host (blocked): {m}" for m in self.external_requests]
            + self.images
            + self.math
            + [f"axe: {m}" for m in self.axe]
            + [f"{self.device} layout: {m}" for m in self.layout]
        )


class SiteBrowser:
    """One browser, one context per colour mode and screen; every request off 127.0.0.1 is blocked."""

    #: Milliseconds a page load or a check may take (generous: CI machines are shared).
    TIMEOUT_MS = 90_000

    def __init__(self, executable: str) -> None:
        from playwright.sync_api import sync_playwright

        self._playwright = sync_playwright().start()
        try:
            self.browser = self._playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
        except Exception:
            self._playwright.stop()
            raise
        self._contexts: dict[str, object] = {}

    def close(self) -> None:
        for context in self._contexts.values():
            context.close()
        self.browser.close()
        self._playwright.stop()

    def context(self, mode: str = "light", device: str = "desktop"):
        """The browser context for a colour mode (``light`` or ``dark``) and a screen of
        :data:`DEVICES` (``desktop`` or ``phone``: touch, device scale 3), created once."""
        if mode not in MODES:
            raise ValueError(f"mode must be one of {MODES}; got {mode!r}")
        if device not in DEVICES:
            raise ValueError(f"device must be one of {tuple(DEVICES)}; got {device!r}")
        if (mode, device) not in self._contexts:
            phone = {"device_scale_factor": 3, "is_mobile": True, "has_touch": True} if device == "phone" else {}
            context = self.browser.new_context(
                viewport=DEVICES[device], color_scheme=mode, service_workers="block", **phone
            )
            context.set_default_timeout(self.TIMEOUT_MS)
            # pydata-sphinx-theme keeps the reader's choice in localStorage ("mode"/"theme").
            context.add_init_script(f"localStorage.setItem('mode', '{mode}'); localStorage.setItem('theme', '{mode}');")
            self._contexts[mode, device] = context
        return self._contexts[mode, device]

    def open(self, url: str, mode: str = "light", device: str = "desktop"):
        """A new page at ``url``, loaded and idle, with a :class:`PageVisit` collecting its events.

        Requests to any host but 127.0.0.1 are aborted and recorded in ``external_requests``.
        """
        page = self.context(mode, device).new_page()
        visit = PageVisit(url=url, mode=mode, device=device)

        def route(route) -> None:
            if urlsplit(route.request.url).hostname == "127.0.0.1":
                route.continue_()
            else:
                visit.external_requests.append(route.request.url)
                route.abort()

        def failed(request) -> None:
            if urlsplit(request.url).hostname == "127.0.0.1":  # blocked ones are reported as external
                visit.failed_requests.append(f"{request.url} ({request.failure})")

        page.route("**/*", route)
        page.on("console", lambda msg: msg.type == "error" and visit.console_errors.append(msg.text))
        page.on("pageerror", lambda err: visit.page_errors.append(str(err)))
        page.on("requestfailed", failed)
        page.on("response", lambda res: res.status >= 400 and visit.failed_requests.append(f"{res.url} (HTTP {res.status})"))
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        visit.theme = page.evaluate("document.documentElement.dataset.theme || ''")
        return page, visit

    def visit(self, url: str, mode: str = "light", run_axe: bool = True, device: str = "desktop") -> PageVisit:
        """Load ``url`` and run every page check; the page is closed afterwards."""
        return self.visit_all([(url, mode, device)], run_axe=run_axe)[0]

    def visit_all(self, jobs: list[tuple], run_axe: bool = True, parallel: int = 2) -> list[PageVisit]:
        """Check every ``(url, mode)`` or ``(url, mode, device)``; up to ``parallel`` axe runs
        at once (one per renderer). Every page gets the layout checks of its screen.

        A check that crashes (a timeout, a closed page) is reported in ``crashed`` for that
        page instead of stopping the others.
        """
        visits: list[PageVisit] = []
        running: list[tuple[object, PageVisit]] = []

        def finish(page, visit: PageVisit) -> None:
            try:
                if run_axe:
                    visit.axe = axe_result(page)
                visit.external_requests = list(dict.fromkeys(visit.external_requests))
            except Exception as error:  # noqa: BLE001 - reported as a failure of this page
                visit.crashed.append(f"{type(error).__name__}: {error}")
            finally:
                page.close()

        for job in jobs:
            url, mode, device = (*job, "desktop")[:3]
            try:
                page, visit = self.open(url, mode, device)
            except Exception as error:  # noqa: BLE001
                visits.append(PageVisit(url=url, mode=mode, device=device, crashed=[f"{type(error).__name__}: {error}"]))
                continue
            visits.append(visit)
            try:
                visit.images = image_problems(page)
                visit.math_nodes, visit.math = math_problems(page)
                visit.layout = layout_problems(page, device)
                if run_axe:
                    start_axe(page)
            except Exception as error:  # noqa: BLE001
                visit.crashed.append(f"{type(error).__name__}: {error}")
                page.close()
                continue
            running.append((page, visit))
            if len(running) >= parallel:
                finish(*running.pop(0))
        while running:
            finish(*running.pop(0))
        return visits


# --------------------------------------------------------------------------- table of contents


# --------------------------------------------------------------------------- link crawler

_LINK_ATTRIBUTES = {"a": "href", "link": "href", "img": "src", "script": "src", "iframe": "src", "source": "src"}


class _LinkParser(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        target = values.get(_LINK_ATTRIBUTES.get(tag, ""))
        if target:
            self.links.append(target.strip())


def _parse(path: Path) -> _LinkParser:
    parser = _LinkParser()
    parser.feed(path.read_text(encoding="utf-8", errors="replace"))
    return parser


def broken_links(html_root: Path) -> list[str]:
    """Internal links and anchors in the built HTML that point nowhere.

    Every ``.html`` file outside ``_static`` is read; ``a``/``link`` hrefs and ``img``/
    ``script``/``iframe``/``source`` srcs without a scheme are resolved against the file.
    A target must exist inside ``html_root``; a ``#fragment`` into an HTML file must name an
    ``id`` (or ``<a name>``) there. Returns ``"page: link (reason)"`` lines.
    """
    html_root = html_root.resolve()
    parsed: dict[Path, _LinkParser] = {}

    def page(path: Path) -> _LinkParser:
        if path not in parsed:
            parsed[path] = _parse(path)
        return parsed[path]

    problems = []
    sources = sorted(p for p in html_root.rglob("*.html") if "_static" not in p.relative_to(html_root).parts)
    for source in sources:
        for link in page(source).links:
            parts = urlsplit(link)
            if parts.scheme or link.startswith("//"):
                continue  # another site, mailto:, javascript:, data:
            where = f"{source.relative_to(html_root)}: {link}"
            if parts.path:
                target = (source.parent / unquote(parts.path)).resolve()
                if target.is_dir():
                    target = target / "index.html"
                if html_root not in target.parents and target != html_root:
                    problems.append(f"{where} (outside the site)")
                    continue
                if not target.is_file():
                    problems.append(f"{where} (no such file)")
                    continue
            else:
                target = source
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html" and fragment not in page(target).ids:
                problems.append(f"{where} (no anchor #{fragment})")
    return problems
