"""The MkDocs plugin (`plugins: [oxykb, search]`): MkDocs' hooks, each handing its work to a module here.

build.py builds the other languages beside this one, pages.py renders this language's pages from claims/
and content/, settings.py sets what differs per language, frames.py fills claim pages and claim lists into
what MkDocs built and checks that it could. The plugin holds only one build's state between the hooks.
"""

from __future__ import annotations

from pathlib import Path

import jinja2
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from .. import urls, workspace
from ..model import LANGUAGES
from ..problems import ProblemsFound
from . import build, frames, icons, pages, palette, search, settings, watch


class OxykbConfig(Config):
    # The language this build makes; a build of the primary one (the first) builds the others too, under it.
    language = config_options.Choice(LANGUAGES, default=urls.PRIMARY_LANGUAGE)
    # When the primary language's build builds the others: beside it (a second process), after it, or not at all.
    other_languages = config_options.Choice(build.WHEN, default="parallel")
    # false: MkDocs builds each claim page itself (slow, but other plugins see them)
    fill_claim_pages = config_options.Type(bool, default=True)


class OxykbPlugin(BasePlugin[OxykbConfig]):
    supports_multiple_instances = False

    def __init__(self):
        self.others = build.OtherLanguages()  # kept across the rebuilds of `serve`, with its warm worker
        self.watcher = watch.Watcher()
        self.dirty = self.serving = False

    def on_startup(self, *, command, dirty) -> None:
        self.dirty, self.serving = dirty, command == "serve"

    def on_shutdown(self) -> None:
        self.others.close()
        self.watcher.stop()

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        self.language = self.config.language
        if self.serving:
            search.IN_BACKGROUND.rebuilding()  # a rebuild first, the preview's search index after it
        if self.language == urls.PRIMARY_LANGUAGE:
            self.others.start(self.root, Path(config.site_dir), self.dirty, self.config.other_languages)
        try:
            pages.render_language(self.root, self.language, remember=self.serving, site_url=config.site_url)
        except ProblemsFound as found:  # on_build_error follows
            problems = "\n".join(map(str, found.problems))
            raise PluginError(f"{problems}\n{len(found.problems)} problem(s)") from None
        settings.apply(config, self.root, self.language)
        return config

    def on_build_error(self, *, error) -> None:
        self.others.abandon()

    def on_files(self, files, *, config):
        settings.set_edit_links(files, pages.page_edit_paths(self.root, self.language))
        settings.leave_out_unused(files)
        files.append(File.generated(config, icons.SPRITE, content=icons.sprite()))
        files.append(File.generated(config, palette.SCRIPT, content=palette.script()))
        self.filling = frames.Filling(
            self.root, self.language, Path(config.site_dir), self.config.fill_claim_pages, self.dirty
        )
        return self.filling.add_claim_pages(files, config)

    def on_env(self, env, *, config, files):
        """Compiled theme templates are cached (outside the project: they are code), so that a build,
        and each rebuild of `serve`, does not compile Material's anew."""
        cache = workspace.cache_dir(self.root) / "jinja"
        cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache))
        return env

    def on_page_content(self, html, *, page, config, files):
        return self.filling.page_content(html, page)

    def on_post_page(self, output, *, page, config):
        return self.filling.after_page(search.weighted(output, page.meta), page)

    def on_page_context(self, context, *, page, config, nav):
        context["oxykb_alternates"] = settings.alternates(self.language, page.url)
        return context

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config):
        site_dir = Path(config.site_dir)
        self.filling.finish(config.site_url)
        search.settings_only(site_dir, self.language)
        if self.language == urls.PRIMARY_LANGUAGE:
            self.others.finish(site_dir)
            if self.serving and (site_dir / search.BUNDLE).is_dir():  # a rebuild: the page first, search after
                search.IN_BACKGROUND.index(site_dir)
            else:
                if not self.serving:
                    self.others.close()  # its memory back first: Pagefind needs much
                search.index(site_dir)  # every language, once all are in place

    def on_serve(self, server, *, config, builder):
        """Watch what editors change (watch.py); the generated pages change only as a result (no second rebuild)."""
        server.unwatch(config.docs_dir)
        edited = [self.root / "claims", self.root / "content"]
        told_by = self.watcher.start(self.root, edited)
        for folder in [told_by] if told_by else edited:
            server.watch(str(folder))
        return server
