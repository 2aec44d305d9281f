"""A real JupyterLab, driven by a real browser, for ``tests/test_jupyterlab.py``.

A learner opens a chapter's learner notebook in JupyterLab and runs it; this module
does the same, and reports what the learner would see:

* :func:`lab_server` starts ``jupyter lab`` on 127.0.0.1 at a free port with token
  authentication, in an isolated Jupyter configuration (no user settings, kernels or
  workspaces leak in; no news or update checks, so the server makes no request to the
  internet), and always shuts it down, kernels included;
* :class:`LabBrowser` drives one headless Chromium (Playwright) over that server; every
  request to a host other than 127.0.0.1 is blocked and recorded;
  :meth:`LabBrowser.run_notebook` opens a notebook, runs all cells through JupyterLab's
  own *Run All Cells* command, waits until the kernel is idle (polling the page, no fixed
  sleeps), and returns a :class:`NotebookRun` with every cell's outputs and the rendered
  text; :meth:`LabBrowser.solutions` checks that each solution is collapsed before a
  click and shown after it.
* :func:`notebook_problems` turns a run into the list of problems that fail a notebook:
  error outputs (other than in a cell tagged ``raises-exception``), cells that never
  ran, MyST syntax in the rendered page, glued numbers missing from it, solutions
  visible before a click or still hidden after one, a figure caption with no figure above
  it, and console or page errors.

JupyterLab's own settings used here (the rest are the defaults a learner has): the
notebook attaches every cell to the page (``windowingMode: none``, so that off-screen
cells can be read), autosave is off (the run never writes to the notebooks), and news
and update checks are off.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from _site import BROWSER_ARGS, VIEWPORT

#: MyST syntax that must never reach a learner: roles, directive fences and options.
MYST_PATTERNS = {
    "{glue": re.compile(r"\{glue"),
    "{cite": re.compile(r"\{cite"),
    "{term": re.compile(r"\{term"),
    "{numref": re.compile(r"\{numref"),
    "{ref": re.compile(r"\{ref\}"),
    "{doc": re.compile(r"\{doc\}"),
    "```{": re.compile(r"```\{|:::\{"),
    ":label:": re.compile(r":label:"),
    ":class:": re.compile(r":class:"),
    ":pyobject:": re.compile(r":pyobject:"),
}

#: The tag that allows a cell's error (nbval and JupyterLab honour it).
RAISES_EXCEPTION = "raises-exception"

#: Milliseconds JupyterLab may take to start, open a notebook or run one.
START_TIMEOUT_S = 120
OPEN_TIMEOUT_MS = 60_000
RUN_TIMEOUT_MS = 600_000

#: JupyterLab user settings (JSON per plugin) for the test's isolated configuration.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {"windowingMode": "none"},
    "@jupyterlab/docmanager-extension/plugin.jupyterlab-settings": {"autosave": False},
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "checkForUpdates": False,
        "fetchNews": "false",
    },
}

#: Server configuration: no news feed, no update check, no PyPI extension manager.
SERVER_CONFIG = {
    "LabApp": {
        "news_url": None,
        "check_for_updates_class": "jupyterlab.handlers.announcements.NeverCheckForUpdate",
        "extension_manager": "readonly",
        "expose_app_in_browser": True,
    },
    "ServerApp": {
        "open_browser": False, "ip": "127.0.0.1", "port": 0, "port_retries": 0,
        "allow_root": True,  # containers and some CI runners run as root
    },
}


# --------------------------------------------------------------------------- server


@dataclass(frozen=True)
class LabServer:
    """A running JupyterLab: its base URL (ending in ``/``), token and root folder."""

    url: str
    token: str
    root: Path

    def lab_url(self) -> str:
        """The JupyterLab page, with the token (the browser then holds a session cookie)."""
        return f"{self.url}lab?token={self.token}"


def _isolated_environment(home: Path) -> dict[str, str]:
    """The environment of the server and its kernels: the checkout's ``legday`` first, and
    Jupyter and IPython configuration, data and runtime folders of their own."""
    folders = {
        "JUPYTER_CONFIG_DIR": home / "config",
        "JUPYTER_DATA_DIR": home / "data",
        "JUPYTER_RUNTIME_DIR": home / "runtime",
        "IPYTHONDIR": home / "ipython",
        "MPLCONFIGDIR": home / "matplotlib",
    }
    for folder in folders.values():
        folder.mkdir(parents=True, exist_ok=True)
    env = {key: value for key, value in os.environ.items() if not key.startswith("JUPYTER")}
    env.update({key: str(value) for key, value in folders.items()})
    repo = str(Path(__file__).resolve().parents[1])
    env["PYTHONPATH"] = os.pathsep.join([repo] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    env["JUPYTER_PLATFORM_DIRS"] = "1"
    return env


def _write_settings(home: Path) -> tuple[Path, Path]:
    settings = home / "lab-settings"
    for name, values in LAB_SETTINGS.items():
        path = settings / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values), encoding="utf-8")
    workspaces = home / "lab-workspaces"
    workspaces.mkdir(parents=True, exist_ok=True)
    (home / "config" / "jupyter_server_config.json").write_text(json.dumps(SERVER_CONFIG), encoding="utf-8")
    return settings, workspaces


def _server_info(runtime: Path, pid: int) -> dict | None:
    info = runtime / f"jpserver-{pid}.json"
    try:
        return json.loads(info.read_text(encoding="utf-8"))
    except (FileNotFoundError, json.JSONDecodeError):
        return None


def _api(url: str, token: str, path: str, method: str = "GET", timeout: float = 5.0) -> int:
    request = urllib.request.Request(f"{url}{path}", method=method, headers={"Authorization": f"token {token}"})
    with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - 127.0.0.1 only
        return response.status


def contents(server: LabServer, path: str = "") -> dict:
    """The server's ``/api/contents/<path>`` model: what its file browser shows there."""
    request = urllib.request.Request(f"{server.url}api/contents/{path}", headers={"Authorization": f"token {server.token}"})
    with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310 - 127.0.0.1 only
        return json.loads(response.read().decode("utf-8"))


@contextlib.contextmanager
def lab_server(root: Path, home: Path, command: list[str] | None = None, cwd: Path | None = None) -> Iterator[LabServer]:
    """Run ``jupyter lab`` over ``root`` on 127.0.0.1 (a free port, token auth) until the
    block ends; ``home`` holds its isolated configuration. The server and every process it
    started (its kernels) are always stopped on exit.

    ``command`` replaces the default ``python -m jupyterlab --ServerApp.root_dir=<root>``
    (for example the README's own command, run from ``cwd``); the options that keep the
    server local, token-protected and isolated are appended to it either way.

    Raises
    ------
    RuntimeError
        If the server exits or does not answer within :data:`START_TIMEOUT_S` seconds
        (the message has the end of its log).
    """
    env = _isolated_environment(home)
    settings, workspaces = _write_settings(home)
    token = secrets.token_hex(24)
    log = (home / "jupyterlab.log").open("w", encoding="utf-8")
    cmd = command or [sys.executable, "-m", "jupyterlab", f"--ServerApp.root_dir={root}"]
    cmd = [
        *cmd,
        f"--IdentityProvider.token={token}",
        f"--LabApp.user_settings_dir={settings}",
        f"--LabApp.workspaces_dir={workspaces}",
    ]
    proc = subprocess.Popen(cmd, cwd=cwd or root, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def log_tail() -> str:
        log.flush()
        return (home / "jupyterlab.log").read_text(encoding="utf-8", errors="replace")[-3000:]

    try:
        url = None
        deadline = time.monotonic() + START_TIMEOUT_S
        while url is None:
            if proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with code {proc.returncode}:\n{log_tail()}")
            if time.monotonic() > deadline:
                raise RuntimeError(f"jupyter lab did not start within {START_TIMEOUT_S} s:\n{log_tail()}")
            info = _server_info(Path(env["JUPYTER_RUNTIME_DIR"]), proc.pid)
            if info:
                base = f"http://127.0.0.1:{info['port']}{info.get('base_url', '/')}"
                try:
                    if _api(base, token, "api/status") == 200:
                        url = base
                except (urllib.error.URLError, ConnectionError, TimeoutError):
                    pass
            if url is None:
                time.sleep(0.1)  # polling for the server to answer, not waiting a fixed time
        if urlsplit(url).hostname != "127.0.0.1":
            raise RuntimeError(f"jupyter lab listens on {url}, not on 127.0.0.1")
        yield LabServer(url=url, token=token, root=Path(info.get("root_dir", root)))
    finally:
        _stop(proc, url, token)
        log.close()


def _stop(proc: subprocess.Popen, url: str | None, token: str) -> None:
    """Shut the server down through its API (which stops its kernels), then make sure that
    neither it nor any process it started (kernels run in sessions of their own) is left."""
    import psutil

    try:
        children = psutil.Process(proc.pid).children(recursive=True)
    except psutil.Error:
        children = []
    with contextlib.suppress(Exception):
        if url:
            _api(url, token, "api/shutdown", method="POST")
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
    _, alive = psutil.wait_procs(children, timeout=10)
    for child in alive:
        with contextlib.suppress(psutil.Error):
            child.kill()


# --------------------------------------------------------------------------- browser

#: Open a notebook in the running JupyterLab and wait for its kernel; the panel is kept
#: in ``window.__legday`` and every cell node is numbered (``data-legday-index``).
_OPEN_JS = """
async (path) => {
  const app = window.jupyterapp;
  await app.started;
  await app.restored;
  const panel = await app.commands.execute("docmanager:open", {path, factory: "Notebook"});
  await panel.context.ready;
  await panel.sessionContext.ready;
  await panel.revealed;
  app.shell.activateById(panel.id);
  panel.content.widgets.forEach((cell, i) => { cell.node.dataset.legdayIndex = String(i); });
  window.__legday = {panel, done: false, error: null};
  return panel.id;
}
"""

#: JupyterLab's own "Run All Cells" command, started without waiting for it. The command
#: returns as soon as one cell replies with an error, even a cell tagged ``raises-exception``
#: whose later cells the kernel still runs (and JupyterLab then blanks their "[*]" prompts),
#: so its end says nothing about the kernel. Run All is over when an empty request, sent
#: after it, has its reply: the kernel answers requests in the order it gets them.
_RUN_ALL_JS = """
() => {
  const state = window.__legday;
  const session = state.panel.sessionContext;
  window.jupyterapp.commands.execute("notebook:run-all-cells")
    .catch((error) => { state.error = String(error); })
    .then(async () => {
      const kernel = session.session && session.session.kernel;
      if (kernel) { await kernel.requestExecute({code: "", silent: true, store_history: false}).done; }
    })
    .catch((error) => { state.error = state.error || String(error); })
    .finally(() => { state.done = true; });
}
"""

#: True once Run All and the request after it are done, the kernel is idle and no cell is
#: queued or running.
_IDLE_JS = """
() => {
  const state = window.__legday;
  if (!state.done) { return false; }
  const kernel = state.panel.sessionContext.session && state.panel.sessionContext.session.kernel;
  if (!kernel || kernel.status !== "idle") { return false; }
  return !state.panel.content.widgets.some(
    (cell) => cell.model.type === "code" && cell.promptNode && /\\*/.test(cell.promptNode.textContent || ""));
}
"""

#: Everything the checks need about every cell, read from JupyterLab's models and DOM.
_CELLS_JS = """
() => {
  const visible = (node) => !!node && node.checkVisibility({opacityProperty: true, visibilityProperty: true});
  const norm = (text) => (text || "").replace(/[\\u00a0\\u2009\\u202f]/g, " ");
  return window.__legday.panel.content.widgets.map((cell, index) => {
    const model = cell.model;
    const meta = model.getMetadata("legday") || null;
    const tags = model.getMetadata("tags") || [];
    const info = {index, type: model.type, legday: meta, tags, source: model.sharedModel.getSource(),
                  inputHidden: !!cell.inputHidden, rendered: null, text: "", visibleText: "",
                  details: [], executionCount: null, outputs: [], outputHidden: null,
                  editorVisible: null, outputsVisible: null, images: 0, fences: 0};
    if (model.type === "markdown" || model.type === "raw") {
      const body = cell.node.querySelector(".jp-RenderedMarkdown, .jp-RenderedHTMLCommon") || cell.node;
      info.rendered = model.type === "raw" ? true : !!cell.rendered;
      info.text = norm(body.textContent);
      info.visibleText = norm(body.innerText);
      info.fences = body.querySelectorAll('code[class*="language-{"], pre[class*="language-{"]').length;
      info.details = Array.from(body.querySelectorAll("details")).map((d) => ({
        open: d.open,
        summary: norm(d.querySelector("summary") ? d.querySelector("summary").textContent : ""),
        hiddenVisible: Array.from(d.children).filter((e) => e.tagName !== "SUMMARY").some(visible),
      }));
    } else {
      info.executionCount = model.executionCount ?? null;
      info.outputs = model.outputs.toJSON();
      info.outputHidden = !!cell.outputHidden;
      const editor = cell.node.querySelector(".jp-InputArea-editor");
      info.editorVisible = visible(editor);
      const outputs = Array.from(cell.node.querySelectorAll(".jp-OutputArea-output"));
      info.outputsVisible = outputs.some(visible);
      info.images = Array.from(cell.node.querySelectorAll(".jp-OutputArea-output img"))
        .filter((img) => visible(img) && img.complete && img.naturalWidth > 0).length;
      info.text = norm(outputs.map((o) => o.textContent).join("\\n"));
      const placeholder = cell.node.querySelector(".jp-InputPlaceholder");
      info.visibleText = norm(visible(placeholder) ? placeholder.innerText : "");
    }
    return info;
  });
}
"""

#: Open dialogs (a kernel that died, a kernel to choose): a learner would be stuck there.
_DIALOGS_JS = """
() => Array.from(document.querySelectorAll(".jp-Dialog")).map((d) => (d.innerText || "").slice(0, 300))
"""

#: Close the notebook. Its kernel's shutdown is requested, not awaited: the server stops the
#: kernel while the next notebook runs (and stops any kernel left when it shuts down itself).
_CLOSE_JS = """
() => {
  const panel = window.__legday.panel;
  panel.sessionContext.shutdown().catch(() => {});
  panel.context.model.dirty = false;
  panel.dispose();
}
"""


@dataclass
class NotebookRun:
    """What one notebook showed in JupyterLab after *Run All Cells*."""

    path: str
    seconds: float = 0.0
    cells: list[dict] = field(default_factory=list)
    before_run: list[dict] = field(default_factory=list)
    revealed: dict[int, bool] = field(default_factory=dict)
    dialogs: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    external_requests: list[str] = field(default_factory=list)
    run_error: str | None = None


class LabBrowser:
    """One headless Chromium on one JupyterLab page; notebooks are opened one after the other."""

    def __init__(self, executable: str, server: LabServer) -> None:
        from playwright.sync_api import sync_playwright

        self.server = server
        self._playwright = sync_playwright().start()
        try:
            self.browser = self._playwright.chromium.launch(executable_path=executable, args=BROWSER_ARGS)
            self.context = self.browser.new_context(viewport=VIEWPORT, service_workers="block")
            self.context.set_default_timeout(OPEN_TIMEOUT_MS)
            self.page = self.context.new_page()
            self._events: NotebookRun | None = None
            self.page.route("**/*", self._route)
            self.page.on("console", self._console)
            self.page.on("pageerror", lambda error: self._record("page_errors", str(error)))
            self.page.goto(server.lab_url(), wait_until="load")
            self.page.wait_for_function("() => !!window.jupyterapp", timeout=START_TIMEOUT_S * 1000)
            self.page.evaluate("async () => { await window.jupyterapp.started; await window.jupyterapp.restored; }")
        except Exception:
            self.close()
            raise

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self.browser.close()
        self._playwright.stop()

    # events go to the notebook being run
    def _record(self, kind: str, message: str) -> None:
        if self._events is not None:
            getattr(self._events, kind).append(message)

    def _route(self, route) -> None:
        if urlsplit(route.request.url).hostname == "127.0.0.1" or route.request.url.startswith("data:"):
            route.continue_()
        else:
            self._record("external_requests", route.request.url)
            route.abort()

    def _console(self, message) -> None:
        if message.type == "error":
            self._record("console_errors", message.text)

    def _cell(self, index: int):
        return self.page.locator(f'.jp-Notebook [data-legday-index="{index}"]').first

    def run_notebook(self, path: str) -> NotebookRun:
        """Open ``path`` (relative to the server's root), run all cells, wait for the kernel
        to be idle, read every cell, then click every solution open; the notebook is closed
        and its kernel shut down afterwards."""
        run = NotebookRun(path=path)
        self._events = run
        start = time.monotonic()
        try:
            self.page.evaluate(_OPEN_JS, path)
            self.page.wait_for_function(
                "() => window.__legday.panel.content.widgets.every((c) => c.model.type !== 'markdown' || c.rendered)")
            run.before_run = self.page.evaluate(_CELLS_JS)
            self.page.evaluate(_RUN_ALL_JS)
            try:
                self.page.wait_for_function(_IDLE_JS, timeout=RUN_TIMEOUT_MS, polling=250)
            except Exception as error:  # noqa: BLE001 - reported with what the page shows
                run.run_error = f"Run All did not finish within {RUN_TIMEOUT_MS // 1000} s: {error}"
            run.run_error = run.run_error or self.page.evaluate("() => window.__legday.error")
            run.dialogs = self.page.evaluate(_DIALOGS_JS)
            run.cells = self.page.evaluate(_CELLS_JS)
            run.revealed = self._reveal_solutions(run.cells)
        finally:
            with contextlib.suppress(Exception):
                self.page.evaluate(_CLOSE_JS)
            run.seconds = time.monotonic() - start
            self._events = None
        return run

    def _reveal_solutions(self, cells: list[dict]) -> dict[int, bool]:
        """Click each solution open as a learner would: the summary of a markdown solution,
        the "…" placeholder of a collapsed solution code cell. Returns cell index -> shown."""
        shown = {}
        for cell in cells:
            if not is_solution(cell):
                continue
            index = cell["index"]
            node = self._cell(index)
            node.scroll_into_view_if_needed()
            if cell["type"] == "markdown":
                summaries = node.locator("details > summary")
                for i in range(summaries.count()):
                    summaries.nth(i).click()
                shown[index] = summaries.count() > 0 and node.evaluate(
                    "(n) => Array.from(n.querySelectorAll('details')).every((d) => d.open && "
                    "Array.from(d.children).filter((e) => e.tagName !== 'SUMMARY').some((e) => e.checkVisibility()))")
            else:
                placeholder = node.locator(".jp-InputPlaceholder .jp-Placeholder-content")
                if placeholder.count():
                    placeholder.first.click()
                shown[index] = node.evaluate(
                    "(n) => !!n.querySelector('.jp-InputArea-editor') && n.querySelector('.jp-InputArea-editor').checkVisibility()")
        return shown


# --------------------------------------------------------------------------- checks


def is_solution(cell: dict) -> bool:
    """A cell the generator marked as (part of) a solution: ``metadata.legday.role``."""
    return (cell.get("legday") or {}).get("role") == "solution"


def myst_in(text: str) -> list[str]:
    """The MyST patterns of :data:`MYST_PATTERNS` found in ``text``."""
    return [name for name, pattern in MYST_PATTERNS.items() if pattern.search(text)]


def _where(cell: dict) -> str:
    first = next((line for line in cell["source"].splitlines() if line.strip()), "")
    return f"cell {cell['index']} ({cell['type']}: {first[:60]!r})"


def error_problems(run: NotebookRun) -> list[str]:
    """Error outputs outside cells tagged ``raises-exception``, code cells that never ran,
    dialogs left open, and a Run All that failed or did not finish."""
    problems = [f"Run All: {run.run_error}"] if run.run_error else []
    problems += [f"a dialog is open: {text!r}" for text in run.dialogs]
    for cell in run.cells:
        if cell["type"] != "code":
            continue
        if not cell["source"].strip():
            continue  # an empty answer cell: nothing to run
        if cell["executionCount"] is None:
            problems.append(f"{_where(cell)} never ran")
        for output in cell["outputs"]:
            if output.get("output_type") == "error" and RAISES_EXCEPTION not in cell["tags"]:
                problems.append(f"{_where(cell)} raised {output.get('ename')}: {output.get('evalue', '')[:200]}")
    return problems


def myst_problems(run: NotebookRun) -> list[str]:
    """MyST syntax anywhere a learner reads: rendered markdown (collapsed parts included),
    raw cells and outputs; a directive fence shows up as a code block in a ``{...}`` language."""
    problems = []
    for cell in run.cells:
        if cell["type"] != "code" and not cell["rendered"]:
            problems.append(f"{_where(cell)} is not rendered (a learner sees its source)")
        found = myst_in(cell["text"])
        if cell.get("fences"):
            found.append("```{")
        if found:
            problems.append(f"{_where(cell)} shows MyST syntax {sorted(set(found))}")
    return problems


def _normalise(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("\u2212", "-")).strip()


def glue_problems(run: NotebookRun, glued: list[str], glued_in_solutions: list[str] = ()) -> list[str]:
    """Each value glued in the prose (as the prose shows it) must be *visible* on the rendered
    page before any click; each value glued in a solution must be in that solution's text."""
    prose = _normalise(" ".join(c["visibleText"] for c in run.cells if c["type"] != "code" and not is_solution(c)))
    solutions = _normalise(" ".join(c["text"] for c in run.cells if is_solution(c)))
    return ([f"glued value {value!r} is not visible in the rendered page" for value in glued
             if _normalise(value) not in prose]
            + [f"glued value {value!r} is not in the text of any solution" for value in glued_in_solutions
               if _normalise(value) not in solutions])


def solution_problems(run: NotebookRun) -> list[str]:
    """Every solution collapsed on opening the notebook and still after Run All; shown
    after a click. A collapsed code cell may show its first line only if it is a comment."""
    problems = []
    for label, cells in (("on opening", run.before_run), ("after Run All", run.cells)):
        for cell in cells:
            if not is_solution(cell):
                continue
            if cell["type"] == "markdown":
                if not cell["details"]:
                    problems.append(f"{_where(cell)}: solution text not inside a <details> element ({label})")
                for details in cell["details"]:
                    if details["open"] or details["hiddenVisible"]:
                        problems.append(f"{_where(cell)}: solution text visible before a click ({label})")
            else:
                if cell["editorVisible"]:
                    problems.append(f"{_where(cell)}: solution code visible before a click ({label})")
                preview = cell["visibleText"].strip()
                if preview and not preview.startswith("#"):
                    problems.append(f"{_where(cell)}: the collapsed cell shows solution code {preview!r} ({label})")
                if cell["outputsVisible"]:
                    problems.append(f"{_where(cell)}: solution output visible before a click ({label})")
    solutions = [c["index"] for c in run.cells if is_solution(c)]
    problems += [f"cell {i}: a click did not show the solution" for i in solutions if not run.revealed.get(i)]
    return problems


def figure_problems(run: NotebookRun) -> list[str]:
    """Every figure caption (``metadata.legday.role == "figure-caption"``) sits right under the
    code cell that draws it, and that cell shows a rendered image after Run All."""
    problems = []
    for cell in run.cells:
        if (cell.get("legday") or {}).get("role") != "figure-caption":
            continue
        above = run.cells[cell["index"] - 1] if cell["index"] else None
        if above is None or above["type"] != "code" or not above["images"]:
            problems.append(f"{_where(cell)}: no figure shown above this caption")
    return problems


def browser_problems(run: NotebookRun) -> list[str]:
    """Requests that tried to leave 127.0.0.1, errors logged to the console, uncaught page errors."""
    return ([f"request to another host (blocked): {url}" for url in dict.fromkeys(run.external_requests)]
            + [f"console error: {message}" for message in run.console_errors]
            + [f"page error: {message}" for message in run.page_errors])


def notebook_problems(run: NotebookRun, glued: list[str], glued_in_solutions: list[str] = ()) -> list[str]:
    """Everything that fails a learner notebook in JupyterLab (an empty list: it passes)."""
    return (error_problems(run) + myst_problems(run) + glue_problems(run, glued, glued_in_solutions)
            + solution_problems(run) + figure_problems(run) + browser_problems(run))
