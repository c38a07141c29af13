"""The one way a site is built, whoever starts it: `oxykb build`, `oxykb serve`, plain `mkdocs build` or `serve`.

Each language is a MkDocs build of its own. The primary language is built by the MkDocs run that was
started, by MkDocs' own command or by `build_language`; meanwhile (or, with one job, afterwards) one worker
process renders and builds every other language with `build_language` too, and they are moved in under the
primary one (en/). `OtherLanguages` does that part; the plugin's hooks start and finish it. A clean build
builds the others beside the site folder, since MkDocs empties it first; a dirty one (serve) builds them
in place, by a worker kept warm between rebuilds.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path

from mkdocs.exceptions import PluginError

from .. import urls, workspace
from ..model import LANGUAGES
from . import pages

WHEN = ("parallel", "after", "none")  # when a build of the primary language builds the others: beside it, after it, not


class BuildFailed(Exception):
    """A MkDocs build failed; the message says why: MkDocs' warnings, then the error, each line with its language."""


class OthersFailed(PluginError):
    """The other languages' builds failed; the message is theirs, each line with its language."""


class _Warnings(logging.Handler):
    """Keeps MkDocs' warnings, which say why a strict build aborted."""

    def __init__(self):
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record):
        self.messages.append(record.getMessage())


def build_language(root: Path, language: str, site_dir: Path, *, dirty: bool = False, others: str = "parallel") -> None:
    """One MkDocs build of a language into site_dir, run as MkDocs' `build` command runs it; raises BuildFailed.

    The plugin renders the language's pages first; a build of the primary language builds the others as
    `others` (one of WHEN) says. A dirty build, for `serve`, rebuilds what changed and only warns.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    warnings = _Warnings()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(warnings)
    try:
        config = load_config(
            config_file=str(root / "mkdocs.yml"), site_dir=str(site_dir), **({"strict": False} if dirty else {})
        )
        options = config.plugins["oxykb"].config  # the plugin's options, as if written in mkdocs.yml
        options.language, options.other_languages = language, others
        config.plugins.on_startup(command="serve" if dirty else "build", dirty=dirty)
        try:
            build(config, dirty=dirty)
        finally:
            config.plugins.on_shutdown()
    except Exception as error:  # MkDocs aborts with Abort or PluginError, or a plugin fails
        lines = [f"{language}: {line}" for line in warnings.messages]
        lines.append(str(error) if isinstance(error, OthersFailed) else f"{language}: {type(error).__name__}: {error}")
        raise BuildFailed("\n".join(lines)) from error
    finally:
        logger.removeHandler(warnings)


def _build_in_worker(root: Path, language: str, site_dir: Path, dirty: bool) -> None:
    build_language(root, language, site_dir, dirty=dirty, others="none")


class OtherLanguages:
    """The languages after the primary one, built by a worker process and moved in under the primary site.

    The plugin, building the primary language, calls `start` first, `finish` last, `abandon` when its build
    fails, and `close` when MkDocs shuts down; the worker stays between rebuilds of `serve`.
    """

    def __init__(self):
        self.worker: ProcessPoolExecutor | None = None
        self.pending: dict[str, Future] = {}
        self.staging: Path | None = None
        self.waiting: tuple | None = None  # the arguments of a build to start at `finish` (others: after)

    def start(self, root: Path, site_dir: Path, dirty: bool, when: str) -> None:
        """Starts the others' builds (when: parallel) or keeps them for `finish` (after)."""
        if when == "none":
            return
        if self.worker is None:
            # spawn, not fork: `mkdocs serve` runs threads, and a fork could copy a held lock; a worker starts
            # small instead of duplicating this process, and leaves when this process is killed
            self.worker = ProcessPoolExecutor(
                max_workers=1,
                mp_context=multiprocessing.get_context("spawn"),
                initializer=workspace.exit_with_parent,
                initargs=(os.getpid(),),
            )
        # beside the site folder (on its file system, so moving in is a rename): MkDocs empties the site folder first
        if not dirty:
            site_dir.parent.mkdir(parents=True, exist_ok=True)
        self.staging = None if dirty else Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.oxykb-", dir=site_dir.parent))
        self.waiting = (root, site_dir, dirty)
        if when == "parallel":
            self._submit()

    def _submit(self) -> None:
        root, site_dir, dirty = self.waiting
        self.waiting = None
        target = self.staging or site_dir
        self.pending = {
            language: self.worker.submit(_build_in_worker, root, language, target / urls.language_root(language), dirty)
            for language in LANGUAGES
            if language != urls.PRIMARY_LANGUAGE
        }

    def finish(self, site_dir: Path) -> None:
        """Waits for the others and moves them in under site_dir; raises PluginError with what failed."""
        if self.waiting:
            self._submit()
        pending, self.pending = self.pending, {}
        try:
            errors = []
            for future in pending.values():
                try:
                    future.result()
                except BuildFailed as failed:
                    errors.append(str(failed))
            if errors:
                raise OthersFailed("\n".join(errors))
            if self.staging:
                for language in pending:
                    target = site_dir / urls.language_root(language)
                    shutil.rmtree(target, ignore_errors=True)
                    shutil.move(self.staging / urls.language_root(language), target)
        finally:
            self._remove_staging()

    def abandon(self) -> None:
        """The primary build failed: the others are waited for (they fail on the same problems) and discarded."""
        pending, self.pending, self.waiting = self.pending, {}, None
        for future in pending.values():
            future.exception()
        self._remove_staging()

    def _remove_staging(self) -> None:
        if self.staging:
            shutil.rmtree(self.staging, ignore_errors=True)
            self.staging = None

    def close(self) -> None:
        if self.worker is not None:
            self.worker.shutdown()
            self.worker = None


def serve(root: Path, dev_addr: str) -> None:
    """`oxykb serve`: MkDocs' live preview, rebuilding what changed (dirty) and showing warnings instead of stopping.

    Problems in the project stop it before it starts (ProblemsFound); MkDocs' own errors raise BuildFailed.
    """
    from mkdocs.commands.serve import serve as mkdocs_serve
    from mkdocs.exceptions import MkDocsException

    pages.checked_inputs(root)
    handler = logging.StreamHandler()
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logging.getLogger("mkdocs").addHandler(handler)
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    try:
        mkdocs_serve(
            config_file=str(root / "mkdocs.yml"), dev_addr=dev_addr, livereload=True, build_type="dirty", strict=False
        )
    except MkDocsException as error:
        raise BuildFailed(str(error)) from error
