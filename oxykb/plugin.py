"""The MkDocs plugin: a thin adapter between MkDocs and oxykb's pipeline.

Plain `mkdocs build` / `mkdocs serve` regenerate pages from claims/ and
content/, build the Dutch site, then the English one under en/. Inside
`oxykb build` the pages are already generated and each language is built
by its own process; the plugin then only applies the language's settings.
"""

from __future__ import annotations

import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path, PurePosixPath

from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from . import labels, render, site
from .problems import ProblemsFound


THEME_DIR = str(Path(__file__).parent / "theme")  # oxykb's overrides of Material and its stylesheet


class OxykbConfig(Config):
    language = config_options.Choice(site.LANGUAGES, default=site.PRIMARY)


class OxykbPlugin(BasePlugin[OxykbConfig]):
    supports_multiple_instances = False
    # Set by site.build_language for one build. MkDocs reuses plugin instances
    # across builds in one process, so these are restored after each build.
    forced_language: str | None = None
    managed = False
    _worker: ProcessPoolExecutor | None = None  # one warm process for the other language (plain mkdocs build/serve)
    _pending: dict[str, Future] = {}

    def on_startup(self, *, command, dirty) -> None:
        self._dirty = dirty  # `oxykb serve` rebuilds only changed pages

    def on_shutdown(self) -> None:
        if self._worker is not None:
            self._worker.shutdown()

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        self.language = self.forced_language or self.config.language
        if not self.managed:
            try:
                site.prepare(self.root)
            except ProblemsFound as found:
                raise PluginError("\n".join(str(problem) for problem in found.problems) + f"\n{len(found.problems)} problem(s)")
        language = self.language
        config.docs_dir = str(site.docs_dir(self.root, language))
        config.nav = render.navigation(language)
        config.site_name = labels.SITE[language]["site_name"]
        config.copyright = labels.SITE[language]["disclaimer"]
        if config.site_url:
            config.site_url = config.site_url.rstrip("/") + "/" + site.subpath(language)
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = labels.SITE[language]["permalink"]
        config.theme["language"] = language
        if THEME_DIR not in config.theme.dirs:
            config.theme.dirs.insert(1 if config.theme.custom_dir else 0, THEME_DIR)
        for palette, name in zip(config.theme["palette"] or [], labels.PALETTE_TOGGLES[language]):
            if "toggle" in palette:
                palette["toggle"]["name"] = name
        config.extra["alternate"] = [{"name": labels.SITE[other]["language_name"], "lang": other} for other in site.LANGUAGES]
        if "search" in config.plugins:
            config.plugins["search"].config.lang = [language]
        if not self.managed and language == site.PRIMARY:
            self._start_other_languages(Path(config.site_dir))
        return config

    def _start_other_languages(self, site_dir: Path) -> None:
        """Plain `mkdocs build`/`serve`: the other languages build beside the primary one, in a second process.

        A clean build cleans site_dir first, so the others build aside and move in after;
        a dirty build (serve) cleans nothing, so they build in place.
        """
        if self._worker is None:
            # spawn, not fork: `mkdocs serve` runs threads, and a fork could copy a held lock
            self._worker = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                               initializer=site.exit_with_parent, initargs=(os.getpid(),))
        dirty = getattr(self, "_dirty", False)
        self._staging = None if dirty else Path(tempfile.mkdtemp(prefix="oxykb-"))
        self._pending = {
            other: self._worker.submit(site._build_in_child, self.root, other,
                                       (site_dir if dirty else self._staging) / site.subpath(other), dirty)
            for other in site.LANGUAGES[1:]
        }

    def on_files(self, files, *, config):
        """Edit buttons open the file an editor changes: the claim's YAML, never generated Markdown."""
        claim_files = {path.stem: path.relative_to(self.root).as_posix() for path in self.root.glob("claims/*/*.yaml")}
        for file in files:
            path = PurePosixPath(file.src_uri)
            if path.parts[0] == "claims":
                file.edit_uri = claim_files.get(path.stem)
            elif path.parts[0] == "sources" and path.stem != "index":
                file.edit_uri = claim_files.get(path.stem)
            elif (self.root / "content" / self.language / file.src_uri).is_file():
                file.edit_uri = f"content/{self.language}/{file.src_uri}"
            else:
                file.edit_uri = None
        return files

    def on_page_context(self, context, *, page, config, nav):
        """The language switcher's targets: this same page in each language."""
        depth = len(PurePosixPath(page.url).parts) if page.url else 0
        to_site_root = "../" * (depth + site.subpath(self.language).count("/"))
        context["oxykb_alternates"] = [
            {"lang": other, "name": labels.SITE[other]["language_name"], "href": (to_site_root + site.subpath(other) + page.url) or "./"}
            for other in site.LANGUAGES
        ]
        return context

    def on_post_build(self, *, config):
        """Moves the other languages' builds under the primary site (en/)."""
        pending, self._pending = self._pending, {}
        try:
            for other, future in pending.items():
                error = future.result()
                if error:
                    raise PluginError(error)
                if self._staging:
                    target = Path(config.site_dir) / site.subpath(other)
                    shutil.rmtree(target, ignore_errors=True)
                    shutil.move(self._staging / site.subpath(other), target)
        finally:
            if pending and self._staging:
                shutil.rmtree(self._staging, ignore_errors=True)

    def on_serve(self, server, *, config, builder):
        """Watch what editors change; the generated pages change only as a result (no second rebuild)."""
        server.unwatch(config.docs_dir)
        server.watch(str(self.root / "claims"))
        server.watch(str(self.root / "content"))
        return server
