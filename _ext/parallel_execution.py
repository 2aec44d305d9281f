"""Execute the notebooks a build is about to read on every core, before Sphinx reads them.

MyST-NB's ``cache`` mode (``execute_notebooks: cache``) runs each notebook when Sphinx reads it,
one after another, and stores the outputs in the build's jupyter-cache. Jupyter Book 1 has no
option to run them concurrently, and Sphinx's parallel reading is off in ``jupyter-book build``.
This extension does the one thing missing and nothing else: at ``env-before-read-docs`` it finds
the notebooks among the documents to be read whose code has no entry in the cache yet, runs them
with jupyter-cache's own ``single_nb_execution`` (the function MyST-NB calls, with the same
working folder, timeout and error setting), up to one per core at a time, and stores each that
succeeded exactly as MyST-NB would (``cache_notebook_bundle`` with its ``execution_seconds``).
When Sphinx then reads a notebook, MyST-NB finds it in the cache and uses it.

A notebook that fails is not stored: MyST-NB runs it again when it reads it and reports the
error with its usual warning and traceback, so failures look exactly as without this extension.
Nothing runs when the execution mode is not ``cache``, when fewer than two notebooks are stale,
or when the machine has one core (``LEGDAY_BUILD_JOBS`` overrides the number of workers; 1 turns
the extension off).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath
from typing import Any

from sphinx.util import logging

LOGGER = logging.getLogger(__name__)

#: More kernels than cores only makes each slower.
MAX_WORKERS = 8


def workers(stale: int, environ: dict[str, str] | None = None) -> int:
    """How many notebooks to run at once: one per core, at most ``stale`` and :data:`MAX_WORKERS`.

    ``LEGDAY_BUILD_JOBS`` (a positive integer) sets the number of cores to use.

    Raises
    ------
    ValueError
        If ``LEGDAY_BUILD_JOBS`` is set but is not a positive integer.
    """
    environ = os.environ if environ is None else environ
    given = environ.get("LEGDAY_BUILD_JOBS", "").strip()
    if given:
        if not given.isdigit() or int(given) < 1:
            raise ValueError(f"LEGDAY_BUILD_JOBS must be a positive integer; got {given!r}")
        cores = int(given)
    else:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(cores, stale, MAX_WORKERS))


def _excluded(path: Path, patterns: Any) -> bool:
    posix = PurePosixPath(path.as_posix())
    return any(posix.match(pattern) for pattern in patterns or ())


def stale_notebooks(app: Any, docnames: Any) -> list[tuple[Path, Any]]:
    """The ``(path, notebook)`` of each ``.ipynb`` document in ``docnames`` with no cached outputs."""
    import nbformat
    from jupyter_cache import get_cache

    config = app.env.mystnb_config
    cache = get_cache(config.execution_cache_path)
    stale = []
    for docname in sorted(docnames):
        path = Path(app.env.doc2path(docname))
        if path.suffix != ".ipynb" or _excluded(path, config.execution_excludepatterns):
            continue
        notebook = nbformat.read(path, as_version=4)
        try:
            cache.match_cache_notebook(notebook)
        except KeyError:
            stale.append((path, notebook))
    return stale


def execute_stale(app: Any, env: Any, docnames: list[str]) -> None:
    """``env-before-read-docs``: run the stale notebooks concurrently and cache the ones that pass."""
    config = getattr(env, "mystnb_config", None)
    if config is None or config.execution_mode != "cache" or config.execution_in_temp:
        return
    stale = stale_notebooks(app, docnames)
    jobs = workers(len(stale))
    if jobs < 2:
        return

    from jupyter_cache import get_cache
    from jupyter_cache.base import CacheBundleIn
    from jupyter_cache.executors.utils import single_nb_execution

    def run(item: tuple[Path, Any]) -> Any:
        path, notebook = item
        return single_nb_execution(notebook, cwd=str(path.parent), timeout=config.execution_timeout,
                                   allow_errors=config.execution_allow_errors, meta_override=True)

    LOGGER.info(f"legday: executing {len(stale)} notebooks, {jobs} at a time")
    with ThreadPoolExecutor(max_workers=jobs, thread_name_prefix="legday-nb") as pool:
        results = list(pool.map(run, stale))
    cache = get_cache(config.execution_cache_path)
    for (path, notebook), result in zip(stale, results):
        if result.err is not None:
            LOGGER.info(f"legday: {path.name} failed; MyST-NB runs it again and reports the error")
            continue
        record = cache.add_nb_to_project(str(path))
        cache.cache_notebook_bundle(CacheBundleIn(notebook, record.uri, data={"execution_seconds": result.time}),
                                    check_validity=False, overwrite=True)
        LOGGER.info(f"legday: executed {path.name} in {result.time:.1f} s")


def setup(app: Any) -> dict[str, Any]:
    app.connect("env-before-read-docs", execute_stale)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
