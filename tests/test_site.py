"""The published book in a real browser: no errors, accessible, offline, navigable.

The book is built once per session (``built_book`` in ``conftest.py``), served on
127.0.0.1, and every page of ``_toc.yml`` (plus the search and index pages) is loaded in
Chromium, driven by Playwright, in light and in dark mode. Every request to another host
is blocked and recorded. On each page:

* no console error, no uncaught page error, no failed local request;
* no request leaves 127.0.0.1 (MathJax, fonts and scripts come from the build);
* every image loads and has alt text;
* every math node is rendered by MathJax;
* axe-core finds no violation of impact *serious* or *critical*;
* the layout reads (``layout_problems``): the page never scrolls sideways, display equations
  fit, figures are shown at half their natural width or more (or link to the full-size
  image), no notebook cell echoes a stray ``execute_result``, there is one search entry
  point, a favicon that loads, and the sidebar title is not cut off.

Every page is checked twice per mode: at a desktop's 1280 x 900 and at a phone's 390 x 844
(touch, device scale 3). A display equation that does not fit its column must scroll
sideways inside it with the cue and tab stop of ``_static/legday-site.js``.

Navigation (next/previous, sidebar, search for "EPOC") is followed by clicking, and a
crawler checks every internal link and anchor of the built HTML. The checkers themselves
(``tests/_site.py``) are run on small, deliberately broken pages served the same way, to
show that each one fails when it should.

The browser is Debian's ``chromium`` (``$LEGDAY_BROWSER`` overrides; Google Chrome is
used where it is the only one). Without a browser the browser tests are skipped with a
message, except under ``CI=true``, where that is an error.
"""

from __future__ import annotations

import base64
import importlib.util
from pathlib import Path

import pytest

from _site import (
    MIN_FIGURE_SCALE,
    MODES,
    SiteBrowser,
    axe_violations,
    broken_links,
    find_browser,
    missing_browser_reason,
    serve,
    toc_pages,
)
from conftest import ROOT, BookBuild, in_ci

#: Pages of the table of contents, root first (read at collection time).
TOC_PAGES = toc_pages(ROOT / "_toc.yml")
#: Pages every reader can reach that are not in the table of contents.
EXTRA_PAGES = ["search", "genindex"]
SITE_PAGES = TOC_PAGES + [p for p in EXTRA_PAGES if p not in TOC_PAGES]
#: Pages that Sphinx generates rather than reads from a source file.
GENERATED_PAGES = {"genindex", "search", "py-modindex"}
#: A word the search must find (chapter 4 explains excess post-exercise oxygen consumption).
SEARCH_TERM = "EPOC"

browser = pytest.mark.browser


# --------------------------------------------------------------------------- fixtures


@pytest.fixture(scope="session")
def site_browser():
    """One headless browser for the whole session (skipped locally, failed in CI, if missing)."""
    reason = missing_browser_reason(["playwright", "axe_playwright_python"])
    if reason:
        if in_ci():
            pytest.fail(f"CI=true and the site checks cannot run: {reason}")
        pytest.skip(f"site checks skipped: {reason}")
    site = SiteBrowser(find_browser())
    yield site
    site.close()


@pytest.fixture(scope="session")
def site_url(site_browser: SiteBrowser, built_book: BookBuild):
    """Base URL of the built book, served on 127.0.0.1 for the session."""
    assert (built_book.html / "index.html").is_file(), (
        f"the book build wrote no index.html (rc={built_book.returncode}); log tail:\n{built_book.log[-3000:]}"
    )
    with serve(built_book.html) as base:
        yield base


@pytest.fixture(scope="session")
def visits(site_browser: SiteBrowser, site_url: str):
    """``visits(page, mode)``: every site page checked once per mode (two axe runs at a time)."""
    jobs = [(page, mode) for page in SITE_PAGES for mode in MODES]
    results = site_browser.visit_all([(f"{site_url}{page}.html", mode) for page, mode in jobs])
    table = dict(zip(jobs, results))

    def get(page: str, mode: str):
        visit = table[page, mode]
        assert not visit.crashed, _report(visit)
        return visit

    return get


@pytest.fixture(scope="session")
def phone_visits(site_browser: SiteBrowser, site_url: str):
    """``phone_visits(page, mode)``: every site page checked once per mode at 390 x 844."""
    jobs = [(page, mode) for page in SITE_PAGES for mode in MODES]
    results = site_browser.visit_all([(f"{site_url}{page}.html", mode, "phone") for page, mode in jobs])
    table = dict(zip(jobs, results))

    def get(page: str, mode: str):
        visit = table[page, mode]
        assert not visit.crashed, _report(visit)
        return visit

    return get


def _report(visit) -> str:
    return f"{visit.url} ({visit.mode} mode, {visit.device}):\n  " + "\n  ".join(visit.problems())


# --------------------------------------------------------------------------- every page


@browser
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("page", SITE_PAGES)
def test_page_has_no_errors(visits, page: str, mode: str) -> None:
    visit = visits(page, mode)
    assert visit.theme == mode, f"{visit.url}: the theme is {visit.theme!r}, expected {mode!r}"
    errors = visit.console_errors + visit.page_errors + visit.failed_requests
    assert not errors, _report(visit)


@browser
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("page", SITE_PAGES)
def test_page_is_offline(visits, page: str, mode: str) -> None:
    visit = visits(page, mode)
    assert not visit.external_requests, _report(visit)


@browser
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("page", SITE_PAGES)
def test_page_has_no_serious_accessibility_violation(visits, page: str, mode: str) -> None:
    visit = visits(page, mode)
    assert not visit.axe, _report(visit)


@browser
@pytest.mark.parametrize("page", SITE_PAGES)
def test_page_images_load_and_have_alt_text(visits, page: str) -> None:
    visit = visits(page, "light")
    assert not visit.images, _report(visit)


@browser
@pytest.mark.parametrize("page", SITE_PAGES)
def test_page_math_renders(visits, page: str) -> None:
    visit = visits(page, "light")
    assert not visit.math, _report(visit)


@browser
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("page", SITE_PAGES)
def test_page_layout_reads_on_desktop(visits, page: str, mode: str) -> None:
    visit = visits(page, mode)
    assert not visit.layout, _report(visit)


# --------------------------------------------------------------------------- every page, on a phone


@browser
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("page", SITE_PAGES)
def test_phone_page_reads(phone_visits, page: str, mode: str) -> None:
    """No sideways scrolling, equations that fit or scroll with a cue, figures readable or
    linked, no stray output, one search, a favicon, an unclipped title: at 390 x 844."""
    visit = phone_visits(page, mode)
    assert visit.theme == mode, f"{visit.url}: the theme is {visit.theme!r}, expected {mode!r}"
    assert not visit.layout, _report(visit)


@browser
@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("page", SITE_PAGES)
def test_phone_page_passes_the_desktop_checks(phone_visits, page: str, mode: str) -> None:
    """Console, failed requests, offline, images and alt text, math, axe: as on the desktop."""
    visit = phone_visits(page, mode)
    problems = [p for p in visit.problems() if not p.startswith("phone layout:")]
    assert not problems, _report(visit)


@browser
def test_the_book_has_rendered_math(visits) -> None:
    """The math check is not vacuous: some page of the book has equations, all rendered."""
    counts = {page: visits(page, "light").math_nodes for page in TOC_PAGES}
    assert sum(counts.values()) > 0, f"no page has any math node: {counts}"


# --------------------------------------------------------------------------- navigation


def _path(page_or_url: str) -> str:
    """``chapters/04_x`` for a page URL (query and fragment dropped)."""
    path = page_or_url.split("#")[0].split("?")[0]
    path = path.split("://", 1)[-1].split("/", 1)[-1] if "://" in path else path
    return path.removesuffix(".html")


def _click_and_wait(page, link) -> None:
    """Click a link and wait until its target page has loaded."""
    target = link.evaluate("a => a.href").split("#")[0]
    link.click()
    page.wait_for_url(f"{target}*", wait_until="domcontentloaded")


@browser
def test_next_and_previous_walk_the_toc_in_order(site_browser: SiteBrowser, site_url: str) -> None:
    page, _ = site_browser.open(f"{site_url}{TOC_PAGES[0]}.html")
    try:
        forward = [_path(page.url)]
        while page.locator("a.right-next").count():
            _click_and_wait(page, page.locator("a.right-next").first)
            forward.append(_path(page.url))
            assert len(forward) <= len(TOC_PAGES) + 1, f"'next' does not end: {forward}"
        # Pages Sphinx generates (the index) have no previous/next footer: step back to the
        # last real chapter page, as a reader would with the browser's back button.
        while _path(page.url) in GENERATED_PAGES and not page.locator("a.left-prev").count():
            page.go_back(wait_until="domcontentloaded")
        backward = [_path(page.url)]
        while page.locator("a.left-prev").count():
            _click_and_wait(page, page.locator("a.left-prev").first)
            backward.append(_path(page.url))
            assert len(backward) <= len(TOC_PAGES) + 1, f"'previous' does not end: {backward}"
    finally:
        page.close()
    assert forward == TOC_PAGES, f"following 'next' visits {forward}, the toc says {TOC_PAGES}"
    documents = list(TOC_PAGES)
    while documents and documents[-1] in GENERATED_PAGES:
        documents.pop()
    assert backward == documents[::-1], f"following 'previous' visits {backward}"


@browser
def test_sidebar_links_reach_every_toc_page(site_browser: SiteBrowser, site_url: str) -> None:
    page, _ = site_browser.open(f"{site_url}{TOC_PAGES[0]}.html")
    try:
        hrefs = page.eval_on_selector_all("nav.bd-docs-nav a.reference.internal", "els => els.map(a => a.href)")
        linked = {_path(h) for h in hrefs if not h.endswith("#")} | {TOC_PAGES[0]}
        assert set(TOC_PAGES) <= linked, f"pages missing from the sidebar: {sorted(set(TOC_PAGES) - linked)}"
        reached = []
        for target in TOC_PAGES[1:]:  # each page's sidebar leads on to the next page
            links = "nav.bd-docs-nav a.reference.internal"
            index = page.eval_on_selector_all(
                links, "(els, t) => els.findIndex(a => a.href.split('#')[0].endsWith('/' + t + '.html'))", target
            )
            assert index >= 0, f"the sidebar of {_path(page.url)} has no link to {target}"
            link = page.locator(links).nth(index)
            if link.is_visible():
                _click_and_wait(page, link)
            else:  # inside a collapsed section: follow its href as a reader expanding it would
                page.goto(link.evaluate("a => a.href"), wait_until="domcontentloaded")
            heading = page.locator("main h1").first.inner_text(timeout=5000).strip()
            reached.append(_path(page.url))
            assert heading, f"{target}: the page reached from the sidebar has no heading"
    finally:
        page.close()
    assert reached == TOC_PAGES[1:], f"the sidebar links led to {reached}"


@browser
def test_search_finds_epoc(site_browser: SiteBrowser, site_url: str) -> None:
    page, visit = site_browser.open(f"{site_url}search.html?q={SEARCH_TERM}")
    try:
        page.wait_for_selector("#search-results ul.search li", timeout=20_000)
        hits = page.eval_on_selector_all("#search-results ul.search li a", "els => els.map(a => a.href)")
    finally:
        page.close()
    assert hits, f"searching for {SEARCH_TERM!r} returned no results"
    assert any(_path(h) in TOC_PAGES for h in hits), f"no search result is a book page: {hits}"
    assert not visit.console_errors + visit.page_errors, visit.problems()


#: The chapter the sidebar-button checks open (any book page has both buttons).
TOGGLE_PAGE = "chapters/04_calorie_burn"


def _sidebar_state(site_browser: SiteBrowser, url: str, device: str, *, without_site_js: bool = False) -> dict:
    """Click the visible primary and secondary sidebar buttons of ``url`` on ``device`` and
    report what opened: the navigation and contents dialogs (phone) or the collapsed sidebar
    (desktop). ``without_site_js`` serves an empty ``legday-site.js``: the themes alone."""
    page = site_browser.context("light", device).new_page()
    try:
        if without_site_js:
            page.route("**/_static/legday-site.js*",
                       lambda route: route.fulfill(body="", content_type="application/javascript"))
        page.goto(url, wait_until="load")
        page.wait_for_load_state("networkidle")
        state = {}
        for kind in ("primary", "secondary"):
            visible = [b for b in page.query_selector_all(f".{kind}-toggle") if b.is_visible()]
            if not visible:
                continue
            visible[0].click()
            if device == "phone":
                dialog = f"#pst-{kind}-sidebar-modal"
                try:
                    page.wait_for_function(f"document.querySelector('{dialog}').open", timeout=5_000)
                except Exception:
                    pass
                state[kind] = page.evaluate(
                    f"(() => {{ const d = document.querySelector('{dialog}');"
                    " return d.open ? d.querySelectorAll('a[href]').length : 0; })()")
                page.keyboard.press("Escape")
                page.wait_for_function(f"!document.querySelector('{dialog}').open", timeout=5_000)
            else:
                state[kind] = page.evaluate(
                    f"document.querySelector('#pst-{kind}-sidebar').classList.contains('pst-sidebar-hidden')"
                    f" || !document.querySelector('#pst-{kind}-sidebar').checkVisibility()")
        return state
    finally:
        page.close()


@browser
def test_phone_sidebar_buttons_open_navigation_and_contents(site_browser: SiteBrowser, site_url: str) -> None:
    state = _sidebar_state(site_browser, f"{site_url}{TOGGLE_PAGE}.html", "phone")
    assert set(state) == {"primary", "secondary"}, f"a phone shows no button for {set(('primary', 'secondary')) - set(state)}"
    assert state["primary"] > 5, f"the navigation button opens no navigation on a phone ({state['primary']} links)"
    assert state["secondary"] > 0, "the contents button opens no page contents on a phone"


@browser
def test_desktop_sidebar_button_collapses_the_navigation(site_browser: SiteBrowser, site_url: str) -> None:
    state = _sidebar_state(site_browser, f"{site_url}{TOGGLE_PAGE}.html", "desktop")
    assert state.get("primary") is True, "the sidebar button does not collapse the navigation on a desktop"


@browser
def test_sidebar_checks_fail_on_the_themes_alone(site_browser: SiteBrowser, site_url: str) -> None:
    """The broken specimen: without the site script the themes bind only their first, hidden
    buttons (pydata-sphinx-theme#2451), and both checks above must see it."""
    url = f"{site_url}{TOGGLE_PAGE}.html"
    phone = _sidebar_state(site_browser, url, "phone", without_site_js=True)
    desktop = _sidebar_state(site_browser, url, "desktop", without_site_js=True)
    assert phone["primary"] == 0 and phone["secondary"] == 0, phone
    assert desktop["primary"] is False, desktop


# --------------------------------------------------------------------------- links


@pytest.mark.build
def test_no_broken_internal_links_or_anchors(built_book: BookBuild) -> None:
    assert (built_book.html / "index.html").is_file(), "the book build wrote no index.html"
    problems = broken_links(built_book.html)
    assert not problems, f"{len(problems)} broken internal link(s):\n" + "\n".join(problems[:50])


# --------------------------------------------------------------------------- the checkers can fail

_PNG_1x1 = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=="
)


def _page(title: str, body: str, head: str = "") -> str:
    return (
        f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}</head>'
        f"<body><main><h1>{title}</h1>{body}</main></body></html>"
    )


#: An SVG image 800 px wide (its natural width, as matplotlib's SVG figures have one).
_WIDE_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="800" height="400" viewBox="0 0 800 400">'
    '<rect width="800" height="400" fill="#0072B2"/></svg>'
)


def _layout_page(name: str, *, equation: str, figure: str, extra: str, search: str, heading: str,
                 head: str = "") -> str:
    """A page shaped like the book's: a header with the search, a sidebar title, content."""
    body = (
        f'<div class="bd-header">{search}</div>{heading}'
        f'<div class="bd-content"><section id="content">{equation}{figure}{extra}</section></div>'
    )
    theme = (  # what pydata-sphinx-theme does: the reader's colour mode on <html data-theme>
        '<script>document.documentElement.dataset.theme = '
        'matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light";</script>'
    )
    return _page(name, body, '<meta name="viewport" content="width=device-width, initial-scale=1">' + theme + head)


def _mathjax_dir() -> Path:
    spec = importlib.util.find_spec("sphinx-mathjax-offline")
    assert spec and spec.origin, "sphinx-mathjax-offline is not installed"
    return Path(spec.origin).parent / "static" / "mathjax"


@pytest.fixture(scope="module")
def specimen_url(site_browser: SiteBrowser, tmp_path_factory: pytest.TempPathFactory):
    """Small pages, one good and the others each broken in one way, served like the book."""
    folder = tmp_path_factory.mktemp("specimens")
    (folder / "ok.png").write_bytes(_PNG_1x1)
    (folder / "mathjax").symlink_to(_mathjax_dir(), target_is_directory=True)
    mathjax = '<script defer src="mathjax/tex-chtml.js"></script>'
    (folder / "wide.svg").write_text(_WIDE_SVG, encoding="utf-8")
    (folder / "narrow.svg").write_text(_WIDE_SVG.replace('width="800"', 'width="600"'), encoding="utf-8")
    icon = '<link rel="icon" href="ok.png">'
    pages = {
        "good": _page(
            "Good page",
            '<p>A figure: <img src="ok.png" alt="A single white pixel"> and <span class="math">\\(a^2+b^2\\)</span>.</p>'
            '<p><a href="links.html#target">a link</a></p>',
            mathjax + icon,
        ),
        "layout-broken": _layout_page(
            "Broken layout",
            equation='<div class="math" style="display:flex;overflow:hidden"><mjx-container style="display:block;'
            'overflow:hidden"><span style="display:inline-block;width:600px">E = m c^2 + a long tail</span>'
            '</mjx-container></div>'
            '<div class="math"><mjx-container style="display:block;overflow-x:auto"><span style="display:inline-block;'
            'width:600px">a scrolling equation without a cue</span></mjx-container></div>',
            figure='<figure><img src="wide.svg" alt="A wide figure" style="width:100px"></figure>',
            extra='<div style="width:900px">a paragraph wider than a phone</div>'
            '<div class="cell_output"><div class="output text_plain"><pre>0.5250338118290991</pre></div></div>',
            search='<button class="search-button">Search</button><button class="search-button-field">Search</button>',
            heading='<p class="logo__title" style="width:60px;white-space:nowrap;overflow:hidden">Leg Day (student edition)</p>'
            '<div style="height:1.2em;overflow:hidden"><p class="logo__title" style="width:60px">Leg Day (student edition)</p></div>'
            '<div id="sidebar" style="height:3em;overflow:auto"><p class="logo__title" style="width:60px;margin:0">'
            'Leg Day (student edition)</p><div style="height:20em"></div></div>'
            '<script>document.getElementById("sidebar").scrollTop = 20;</script>',
            head='<link rel="icon" href="missing.ico">',
        ),
        "layout-no-icon": _page(
            "No favicon", "<p>No link rel=icon.</p>", '<meta name="viewport" content="width=device-width, initial-scale=1">'
        ),
        "layout-ok": _layout_page(
            "Good layout",
            equation='<div class="math"><mjx-container class="legday-scrolls" tabindex="0" role="group" '
            'aria-label="Equation (scrolls sideways)" style="display:block;overflow-x:auto">'
            '<span style="display:inline-block;width:600px">a long equation that scrolls with a cue</span>'
            "</mjx-container></div>",
            figure='<figure><a href="wide.svg"><img src="wide.svg" alt="A wide figure, linked" style="width:100px">'
            '</a></figure><figure><img src="narrow.svg" alt="A figure at 53 %" style="width:320px"></figure>',
            extra='<div style="overflow-x:auto"><div style="width:900px">a wide table in its own scroll box</div></div>'
            '<div class="cell_output"><div class="output stream"><pre>printed on purpose</pre></div></div>'
            '<div class="cell tag_echo-result"><div class="cell_output"><div class="output text_plain"><pre>5</pre>'
            '</div></div></div>',  # a cell tagged echo-result shows its value on purpose (the getting-started page)
            search='<button class="search-button">Search</button>',
            heading='<p class="logo__title" style="width:60px">Leg Day (student edition)</p>',
            head=icon + "<style>html[data-theme=dark] figure img { filter: invert(0.9) hue-rotate(180deg); }</style>",
        ),
        "errors": _page("Errors", "<script>console.error('boom'); throw new Error('kaboom');</script>"),
        "missing-file": _page("Missing file", '<script src="not-there.js"></script>'),
        "images": _page("Images", '<img src="missing.png" alt="Missing"><img src="ok.png">'),
        "external": _page("External", '<img src="https://example.org/pixel.png" alt="Remote pixel">'),
        "math-offline": _page("Math", '<p><span class="math">\\(x^2\\)</span></p>'),
        "math-error": _page("Math error", '<p><span class="math">\\(x^\\)</span></p>', mathjax),
        "axe": _page(
            "Inaccessible",
            '<button></button><p style="color:#bbb;background:#fff">Faint text</p>',
        ),
        "axe-scoped": _page(
            "Part of a page",
            '<section id="clean"><h2>Clean</h2><p>Readable text.</p></section>'
            '<section id="broken"><h2>Broken</h2><button></button></section>',
        ),
        "links": _page(
            "Links",
            '<p id="target"><a href="good.html">fine</a> <a href="good.html#nowhere">bad anchor</a> '
            '<a href="gone.html">missing page</a> <a href="#target">self</a> '
            '<a href="https://example.org/">another site</a></p>',
        ),
    }
    for name, text in pages.items():
        (folder / f"{name}.html").write_text(text, encoding="utf-8")
    with serve(folder) as base:
        yield base


@browser
def test_checkers_pass_a_good_page(site_browser: SiteBrowser, specimen_url: str) -> None:
    visit = site_browser.visit(f"{specimen_url}good.html")
    assert visit.problems() == [], visit.problems()
    assert visit.math_nodes == 1


@browser
def test_checkers_catch_console_and_page_errors(site_browser: SiteBrowser, specimen_url: str) -> None:
    visit = site_browser.visit(f"{specimen_url}errors.html", run_axe=False)
    assert visit.console_errors == ["boom"]
    assert any("kaboom" in e for e in visit.page_errors)


@browser
def test_checkers_catch_a_missing_local_file(site_browser: SiteBrowser, specimen_url: str) -> None:
    visit = site_browser.visit(f"{specimen_url}missing-file.html", run_axe=False)
    assert any("not-there.js" in r and "404" in r for r in visit.failed_requests), visit.failed_requests


@browser
def test_checkers_catch_broken_images_and_missing_alt(site_browser: SiteBrowser, specimen_url: str) -> None:
    visit = site_browser.visit(f"{specimen_url}images.html", run_axe=False)
    assert visit.images == ["image did not load: 'missing.png'", "image without alt text: 'ok.png'"]


@browser
def test_checkers_block_and_record_other_hosts(site_browser: SiteBrowser, specimen_url: str) -> None:
    visit = site_browser.visit(f"{specimen_url}external.html", run_axe=False)
    assert visit.external_requests == ["https://example.org/pixel.png"]
    assert visit.images == ["image did not load: 'https://example.org/pixel.png'"]


@browser
def test_checkers_catch_unrendered_math(site_browser: SiteBrowser, specimen_url: str) -> None:
    offline = site_browser.visit(f"{specimen_url}math-offline.html", run_axe=False)
    assert offline.math[0] == "1 math node(s) but MathJax did not load"
    broken = site_browser.visit(f"{specimen_url}math-error.html", run_axe=False)
    assert any(m.startswith("MathJax error") for m in broken.math), broken.math


@browser
@pytest.mark.parametrize("mode", MODES)
def test_checkers_catch_serious_accessibility_violations(site_browser: SiteBrowser, specimen_url: str, mode: str) -> None:
    visit = site_browser.visit(f"{specimen_url}axe.html", mode)
    rules = {line.split(" ", 1)[0] for line in visit.axe}
    assert {"button-name", "color-contrast"} <= rules, visit.axe


@browser
def test_axe_on_part_of_a_page_checks_that_part_only(site_browser: SiteBrowser, specimen_url: str) -> None:
    """The explorables are axe-checked within their own box (tests/test_explorables_site.py):
    a violation inside the box is found, one outside it is not."""
    page, _ = site_browser.open(f"{specimen_url}axe-scoped.html")
    try:
        inside = axe_violations(page, context="#broken")
        outside = axe_violations(page, context="#clean")
    finally:
        page.close()
    assert [line.split(" ", 1)[0] for line in inside] == ["button-name"], inside
    assert outside == [], outside


@browser
@pytest.mark.parametrize("mode", MODES)
def test_layout_checkers_catch_what_fails_a_phone_reader(site_browser: SiteBrowser, specimen_url: str, mode: str) -> None:
    visit = site_browser.visit(f"{specimen_url}layout-broken.html", mode, run_axe=False, device="phone")
    found = "\n".join(visit.layout)
    expected = [
        "the page is ",  # the 900 px paragraph
        "div in #content (right edge 908 px)",  # ... and its culprit is named
        "display equation clipped",  # overflow: hidden
        "display equation scrolls without a visible cue",  # overflow: auto, no cue
        "figure shown at 13 % of its width and not a link",  # 100 of 800 px
        "stray execute_result output: \"0.5250338118290991\"",
        "2 visible search entry points",
        "favicon does not load: missing.ico",
        "is cut off",  # by its own box
        "is cut off",  # by the box around it
        "is cut off",  # half scrolled away (the student edition's sidebar showed only "edition)")
    ] + (["figure not adapted to dark mode (filter: none): wide.svg"] if mode == "dark" else [])
    missing = [e for e in expected if e not in found]
    assert not missing, f"not caught: {missing}; found:\n{found}"
    assert len(visit.layout) == len(expected) - 1, found  # one line per fault (the overflow names its culprit)
    no_icon = site_browser.visit(f"{specimen_url}layout-no-icon.html", mode, run_axe=False, device="phone")
    assert no_icon.layout == ["no favicon (<link rel=icon>)"]


@browser
@pytest.mark.parametrize("mode", MODES)
def test_layout_checkers_pass_a_page_that_reads_on_a_phone(site_browser: SiteBrowser, specimen_url: str, mode: str) -> None:
    for device in ("phone", "desktop"):
        visit = site_browser.visit(f"{specimen_url}layout-ok.html", mode, run_axe=False, device=device)
        assert visit.layout == [], (device, visit.layout)
    assert MIN_FIGURE_SCALE == 0.5  # the 320 px figure (53 %) passes unlinked, the 100 px one only linked


def test_crawler_catches_broken_links_and_anchors(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text(
        '<h1 id="top">A</h1><a href="b.html#here">ok</a> <a href="b.html#nowhere">bad anchor</a> '
        '<a href="gone.html">missing</a> <a href="#top">self</a> <a href="#lost">lost</a> '
        '<a href="https://example.org/x.html">remote</a> <a href="mailto:a@b.c">mail</a> '
        '<img src="_images/missing.png" alt="x"> <a href="sub/">folder</a>',
        encoding="utf-8",
    )
    (tmp_path / "b.html").write_text('<p id="here">B</p>', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "index.html").write_text('<a href="../a.html#top">up</a>', encoding="utf-8")
    assert broken_links(tmp_path) == [
        "a.html: b.html#nowhere (no anchor #nowhere)",
        "a.html: gone.html (no such file)",
        "a.html: #lost (no anchor #lost)",
        "a.html: _images/missing.png (no such file)",
    ]


def test_toc_pages_reads_parts_chapters_and_sections(tmp_path: Path) -> None:
    toc = tmp_path / "_toc.yml"
    toc.write_text(
        "format: jb-book\nroot: intro\nparts:\n  - caption: A\n    chapters:\n      - file: chapters/01_a\n"
        "        sections:\n          - file: chapters/01_b.ipynb\n  - caption: B\n    chapters:\n"
        "      - file: api.md\n      - url: https://example.org\n        title: x\n",
        encoding="utf-8",
    )
    assert toc_pages(toc) == ["intro", "chapters/01_a", "chapters/01_b", "api"]


# --------------------------------------------------------------------------- the site fixes (_ext/legday_site.py)


def _site_fixes():
    import legday_site  # _ext/ is on pytest's pythonpath

    return legday_site


def test_site_fix_keeps_one_copy_of_each_script() -> None:
    from sphinx.builders.html._assets import _JavaScript

    fixes = _site_fixes()
    inline = 'const THEBE_JS_URL = "x"'
    scripts = [
        _JavaScript("a.js"),
        _JavaScript(None, body=inline),
        _JavaScript("a.js"),
        _JavaScript(None, body=inline, priority=600),
        _JavaScript(None, body="other"),
    ]
    kept = fixes.unique_scripts(scripts)
    assert [(s.filename, s.attributes.get("body")) for s in kept] == [("a.js", None), (None, inline), (None, "other")]


def test_site_fix_gives_bibliography_entries_the_listitem_role() -> None:
    fixes = _site_fixes()
    html = '<div class="citation-list" role="list"><div class="citation" id="x" role="doc-biblioentry">A</div></div>'
    assert fixes.fix_bibliography_roles(html) == html.replace("doc-biblioentry", "listitem")


def test_site_fix_names_collapsed_code_cells_by_their_visible_text() -> None:
    fixes = _site_fixes()
    html = ('<details class="admonition hide above-input">\n<summary aria-label="Toggle hidden content">\n'
            '<p class="collapsed admonition-title">Show code cell source</p>\n</summary>')
    fixed = fixes.fix_hidden_cell_summaries(html)
    assert "aria-label" not in fixed and "<summary>\n<p" in fixed and "Show code cell source" in fixed
    other = '<button aria-label="Toggle hidden content"></button>'
    assert fixes.fix_hidden_cell_summaries(other) == other, "only the summaries of collapsed cells change"


def test_site_fix_links_every_figure_to_its_full_size_image() -> None:
    fixes = _site_fixes()
    body = (
        '<figure class="align-default" id="fig-a">\n<img alt="A" src="../_images/a.svg" />\n'
        "<figcaption>a</figcaption></figure>"
        '<figure><a class="reference internal image-reference" href="_images/b.png"><img alt="B" src="_images/b.png" /></a></figure>'
        '<p><img alt="inline" src="c.png"></p>'
    )
    out = fixes.link_figures_to_full_size(body)
    assert '<a class="reference internal image-reference legday-full-size" href="../_images/a.svg"><img alt="A" src="../_images/a.svg" /></a>' in out
    assert out.count("<a ") == 2  # the linked figure is not linked twice; an inline image is left alone


def test_site_fix_marks_colour_maps_only() -> None:
    fixes = _site_fixes()
    body = '<img alt="heat" src="../_images/heat.svg" /><img class="x" alt="map" src="../_images/map2.svg" /><img alt="lines" src="../_images/lines.svg" />'
    out = fixes.mark_colour_maps(body, lambda src: "heat" in src or "map2" in src)
    assert out == (
        '<img class="legday-colour-map" alt="heat" src="../_images/heat.svg" />'
        '<img class="legday-colour-map x" alt="map" src="../_images/map2.svg" />'
        '<img alt="lines" src="../_images/lines.svg" />'
    )
