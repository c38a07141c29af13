"""Search with Pagefind: an index in parts that a search loads as it needs them, built at the end of every build.

Material loads its whole search index (every claim of a language) on every first page view, which at 10,000
claims is 3 MB a reader downloads whether or not they search. Pagefind's index is split into small files per
word range and per page: a search downloads the parts for its words and the pages it shows. Material's search
dialog stays: its worker is replaced by theme/assets/javascripts/oxykb-search.js, which answers Material's
queries from Pagefind, and Material's own index (search/search_index.json, which Material fetches on every
page) holds only its settings and where Pagefind's files are.

What is indexed: each page's article (`data-pagefind-body`, set in theme/main.html), without what NOT_INDEXED
names (each claim is found on its own page; what every claim page repeats finds nothing) and, in each language,
without text in another one. A heading weighs more than text (Pagefind: h1 7, h2 6, ...), so a page whose
title holds the words ranks above pages that mention them; a page with `search: boost: N` in its front matter
(Material's setting) has its h1 weigh 7 x N (at most 10, Pagefind's highest), like question pages.
"""

from __future__ import annotations

import json
import logging
import os
import re
import subprocess
import tempfile
import threading
import time
from pathlib import Path

from mkdocs.exceptions import PluginError

from .. import urls
from ..model import LANGUAGES

BUNDLE = "pagefind"  # Pagefind's files of a language, in its root (/pagefind/, /en/pagefind/)
HEADING_WEIGHT, MOST_WEIGHT = 7.0, 10.0  # Pagefind's weight of an h1, and the highest it takes
# What Pagefind skips (CSS selectors): heading anchors, the edit button, breadcrumbs, lists of claims and of
# questions with the grades' headings above them (each claim and question is found on its own page), and on
# claim pages what every claim page says (the grade's meaning, "From:" a source, details, the citation line).
# Pagefind needs about 0.5 KB of memory for each word it indexes.
NOT_INDEXED = (
    ".headerlink",
    ".md-content__button",
    ".oxykb-breadcrumb",
    ".oxykb-claim-list",
    ".oxykb-topics",
    "[data-search-exclude]",
    ".oxykb-summary",
    ".oxykb-questions",
    ".oxykb-grade-meaning",
    ".oxykb-quoted-from",
    ".oxykb-details",
    ".oxykb-citation",
)
TIMEOUT = 600  # seconds
# Pagefind's ready-made interfaces, which the site does not use (Material's dialog shows the results)
UNUSED = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-highlight.js",
)


class IndexingFailed(PluginError):
    """Pagefind could not index the site; the message says why, with what Pagefind printed."""


def pagefind_binary() -> Path:
    """The Pagefind binary of the installed `pagefind-bin` package (never one from the project or PATH)."""
    try:
        import pagefind_bin
    except ImportError:
        raise IndexingFailed(
            "search: Pagefind is not installed; install oxykb's dependencies again"
            " (python -m pip install -c requirements/constraints.txt -e .)"
        ) from None
    try:
        return pagefind_bin.get_executable()
    except (FileNotFoundError, OSError) as error:
        raise IndexingFailed(f"search: the pagefind-bin package has no binary for this system ({error})") from None


def index(site_dir: Path, started=lambda process: None) -> None:
    """Builds Pagefind's index of each language of the site in site_dir, into its language root's pagefind/.

    One language at a time: Pagefind holds a whole index in memory while it builds it. A language not built
    (other_languages: none) is left out. `started` is given each Pagefind process. Raises IndexingFailed.
    """
    for language in LANGUAGES:
        root = site_dir / urls.language_root(language)
        if not root.is_dir():
            continue  # a build of some languages only (other_languages: none)
        nested = {urls.language_root(other).strip("/") for other in LANGUAGES if other != language} - {""}
        if language == urls.PRIMARY_LANGUAGE and nested:  # every page but the other languages' below it
            folders = sorted(entry.name for entry in root.iterdir() if entry.is_dir() and entry.name not in nested)
            pages = "{" + ",".join([*(f"{folder}/**/*.html" for folder in folders if folder != BUNDLE), "*.html"]) + "}"
        else:
            pages = "**/*.html"
        # text in another language (a Dutch quote on an English page) would be stemmed as this one
        _run_pagefind(root, pages, [*NOT_INDEXED, f'[lang]:not([lang="{language}"])'], started)


def _run_pagefind(root: Path, pages: str, not_indexed: list[str], started) -> None:
    """Runs Pagefind on the pages of `root` that the glob `pages` matches, into root/pagefind/.

    Pagefind runs in an empty folder and without PAGEFIND_ variables, so that no configuration file of the
    project or the environment changes what it does; its output depends only on the pages (byte-identical
    for the same pages).
    """
    binary = pagefind_binary()
    environment = {key: value for key, value in os.environ.items() if not key.startswith("PAGEFIND_")}
    bundle = root.resolve() / BUNDLE
    command = [
        str(binary),
        "--site",
        str(root.resolve()),
        "--glob",
        pages,
        "--output-path",
        str(bundle),
        "--exclude-selectors",
        ", ".join(not_indexed),
        "--quiet",
    ]
    with tempfile.TemporaryDirectory(prefix="oxykb-pagefind-") as empty:
        try:
            process = subprocess.Popen(
                command, cwd=empty, env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
            )
        except OSError as error:
            raise IndexingFailed(f"search: Pagefind ({binary}) could not run: {error}") from None
        started(process)
        try:
            output, errors = process.communicate(timeout=TIMEOUT)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
            raise IndexingFailed(f"search: Pagefind took more than {TIMEOUT} s to index {root}") from None
    if process.returncode != 0:
        said = (errors.strip() or output.strip())[-2000:]
        raise IndexingFailed(f"search: Pagefind could not index {root} (exit code {process.returncode}):\n{said}")
    for name in UNUSED:
        (bundle / name).unlink(missing_ok=True)


class InBackground:
    """`oxykb serve` indexes again after each rebuild in a thread, so that a saved claim shows at once (Pagefind
    takes seconds at 1,000 claims); the preview's search catches up when it is done. A rebuild comes first: it
    stops a run that is under way, and a run starts once rebuilds have paused for QUIET seconds; one run at a
    time, at a lower priority than the rebuilds."""

    QUIET = 3.0

    def __init__(self):
        self.lock = threading.Lock()
        self.running = False
        self.site_dir: Path | None = None
        self.last = 0.0  # time.monotonic() of the last rebuild's start or end
        self.process: subprocess.Popen | None = None
        self.stopped = False  # the run under way was stopped by a rebuild

    def rebuilding(self) -> None:
        """A rebuild starts: a run under way stops, to start again after it."""
        with self.lock:
            self.last = time.monotonic()
            if self.process is not None:
                self.process.terminate()
                self.stopped = True

    def index(self, site_dir: Path) -> None:
        with self.lock:
            self.last, self.site_dir = time.monotonic(), site_dir
            if self.running:
                return
            self.running = True
        threading.Thread(target=self._run, daemon=True).start()

    def _started(self, process: subprocess.Popen) -> None:
        with self.lock:
            self.process = process
            if time.monotonic() - self.last < self.QUIET:
                process.terminate()  # a rebuild started meanwhile
                self.stopped = True

    def _run(self) -> None:
        # Linux: a thread has its own priority, and Pagefind inherits this one's
        now = os.getpriority(os.PRIO_PROCESS, threading.get_native_id())
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), min(now + 10, 19))
        while True:
            while (wait := self.last + self.QUIET - time.monotonic()) > 0:
                time.sleep(wait)
            with self.lock:
                site_dir, self.site_dir, self.stopped = self.site_dir, None, False
            try:
                index(site_dir, self._started)
            except IndexingFailed as failed:
                with self.lock:
                    if self.stopped:
                        self.site_dir = self.site_dir or site_dir  # again after the rebuild
                if not self.stopped:
                    logging.getLogger("mkdocs").warning(str(failed))
            with self.lock:
                self.process = None
                if self.site_dir is None:
                    self.running = False
                    return


IN_BACKGROUND = InBackground()  # one per process: MkDocs' serve makes new plugins when the configuration changes


def settings_only(site_dir: Path, language: str) -> None:
    """Material's search index of one language built, reduced to its settings and where Pagefind's files are.

    Material fetches it on every page and hands it to the search worker: its entries, every page of the
    language, are what a reader should not download.
    """
    path = site_dir / "search" / "search_index.json"
    if not path.is_file():
        return  # no search plugin
    material = json.loads(path.read_text("utf-8"))
    config = {**material["config"], "pagefind": f"{BUNDLE}/"}  # from the language's root
    path.write_text(json.dumps({"config": config, "docs": []}, separators=(",", ":")), "utf-8")


_FIRST_H1 = re.compile(r"<h1(?=[\s>])")


def weighted(output: str, meta: dict) -> str:
    """A page with Material's `search: boost: N` gets its h1 weighted N times a heading's weight for Pagefind."""
    search = meta.get("search") if isinstance(meta, dict) else None
    boost = search.get("boost") if isinstance(search, dict) else None
    if not isinstance(boost, int | float) or isinstance(boost, bool) or boost <= 1:
        return output
    weight = min(HEADING_WEIGHT * boost, MOST_WEIGHT)
    body = max(output.find("data-pagefind-body"), 0)  # the article's h1, not one the theme might add before it
    return output[:body] + _FIRST_H1.sub(f'<h1 data-pagefind-weight="{weight:g}"', output[body:], count=1)
