"""The MkDocs plugin: a thin adapter between MkDocs and oxykb's pipeline.

Plain `mkdocs build` / `mkdocs serve` regenerate pages from claims/ and
content/, build the Dutch site, then the English one under en/. Inside
`oxykb build` the pages are already generated and each language is built
by its own process; the plugin then only applies the language's settings.

Claim pages, one per claim and language, are most of a site, and MkDocs with
Material spends about 25 ms on each. So MkDocs builds one *frame* per layout
of claim page (which sections it has): a claim page whose values are marks.
Each claim is then filled into its frame, which gives the page MkDocs would
have built (a test compares the two byte for byte), at a fraction of the cost.
With `fill_claim_pages: false` MkDocs builds every claim page itself.
"""

from __future__ import annotations

import gzip
import html
import json
import multiprocessing
import os
import re
import shutil
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path, PurePosixPath

import jinja2
from mkdocs.config import config_options
from mkdocs.config.base import Config
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File

from ..publish import labels, render

from . import site

from .. import workspace
from ..problems import ProblemsFound


THEME_DIR = str(Path(__file__).parent / "theme")  # oxykb's overrides of Material and its stylesheet


class OxykbConfig(Config):
    language = config_options.Choice(site.LANGUAGES, default=site.PRIMARY)
    fill_claim_pages = config_options.Type(bool, default=True)  # false: MkDocs builds each claim page (slow; other plugins see them)


TITLE, DESCRIPTION, EDIT, HEADING, INTRO = "OXYKBTITLE", "OXYKBDESCRIPTION", "OXYKBEDIT", "OXYKBHEADING", "<!--oxykb:intro-->"


def section_mark(index: int) -> str:
    return f"<!--oxykb:section:{index}-->"


def layout(page: render.ClaimPage) -> tuple[str, ...]:
    return tuple(title for title, _ in page.sections)


def claim_markdown(sections: tuple[str, ...], title: str, description: str, searchable: bool) -> str:
    """A claim page's Markdown: front matter and headings, with marks where its HTML parts go."""
    front = {"title": title, "description": description, **({} if searchable else {"search": {"exclude": True}})}
    lines = ["---", *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()), "---", "",
             f"# {HEADING} {{#claim}}", "", INTRO]
    for index, section_title in enumerate(sections):
        lines += ["", f"## {section_title}", "", section_mark(index)]
    return "\n".join(lines) + "\n"


def claim_values(page: render.ClaimPage) -> dict[str, str]:
    """What each mark of a claim page stands for."""
    return {TITLE: page.title, DESCRIPTION: page.description, EDIT: page.edit_path, HEADING: page.heading, INTRO: page.intro,
            **{section_mark(index): part for index, (_, part) in enumerate(page.sections)}}


class Frame:
    """A page with marks, split once so that filling it in is a join."""

    def __init__(self, text: str, marks):
        self.pieces = re.split("(" + "|".join(map(re.escape, marks)) + ")", text)
        self.marks = set(self.pieces[1::2])

    def fill(self, values: dict[str, str]) -> str:
        pieces = self.pieces[:]
        pieces[1::2] = [values[mark] for mark in pieces[1::2]]
        return "".join(pieces)


class OxykbPlugin(BasePlugin[OxykbConfig]):
    supports_multiple_instances = False
    # Set by site.build_language for one build. MkDocs reuses plugin instances
    # across builds in one process, so these are restored after each build.
    forced_language: str | None = None
    managed = False
    dirty = False  # `oxykb serve` rebuilds only what changed
    _worker: ProcessPoolExecutor | None = None  # one warm process for the other language (plain mkdocs build/serve)
    _pending: dict[str, Future] = {}

    def on_startup(self, *, command, dirty) -> None:
        self.dirty = dirty

    def on_shutdown(self) -> None:
        if self._worker is not None:
            self._worker.shutdown()

    def on_config(self, config):
        self.root = Path(config.config_file_path).resolve().parent
        self.language = self.forced_language or self.config.language
        if not self.managed:
            if self.language == site.PRIMARY:
                self._start_other_languages(Path(config.site_dir))  # first: they render and build their own meanwhile
            try:
                site.prepare(self.root, [self.language])
            except ProblemsFound as found:
                self.on_build_error(error=found)
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
        return config

    def _start_other_languages(self, site_dir: Path) -> None:
        """Plain `mkdocs build`/`serve`: the other languages build beside the primary one, in a second process.

        A clean build cleans site_dir first, so the others build aside and move in after;
        a dirty build (serve) cleans nothing, so they build in place.
        """
        if self._worker is None:
            # spawn, not fork: `mkdocs serve` runs threads, and a fork could copy a held lock
            self._worker = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                               initializer=workspace.exit_with_parent, initargs=(os.getpid(),))
        dirty = self.dirty
        self._staging = None if dirty else Path(tempfile.mkdtemp(prefix="oxykb-"))
        self._pending = {
            other: self._worker.submit(site._build_in_child, self.root, other,
                                       (site_dir if dirty else self._staging) / site.subpath(other), dirty, True, True)
            for other in site.LANGUAGES[1:]
        }

    def on_build_error(self, *, error) -> None:
        """The other languages' builds are waited for (they fail on the same problems) and their staging removed."""
        pending, self._pending = self._pending, {}
        for future in pending.values():
            future.exception()
        if pending and self._staging:
            shutil.rmtree(self._staging, ignore_errors=True)

    def on_files(self, files, *, config):
        """Edit buttons open the file an editor changes: a YAML file or hand-written page, never generated Markdown.

        Then the claim pages join the files: one frame per layout, or (fill_claim_pages: false) every claim.
        """
        yaml_files = {path.stem: path.relative_to(self.root).as_posix() for path in self.root.glob("claims/*/*.yaml")}
        for file in files:
            path = PurePosixPath(file.src_uri)
            if path.parts[0] == "sources" and path.stem != "index":
                file.edit_uri = yaml_files.get(path.stem)
            elif (self.root / "content" / self.language / file.src_uri).is_file():
                file.edit_uri = f"content/{self.language}/{file.src_uri}"
            else:
                file.edit_uri = None
        self._parts = site.page_parts(self.root, self.language)
        self._filled_by_mkdocs: dict[str, render.ClaimPage] = {}
        self._frames: dict[str, tuple[str, ...]] = {}  # frame's src_uri -> its layout
        self._built_frames: dict[tuple[str, ...], tuple[str, Frame, list[str]]] = {}  # layout -> url, frame, section anchors
        if self.config.fill_claim_pages:
            self._to_fill = self._claims_to_fill(Path(config.site_dir))
            for index, sections in enumerate(sorted({layout(page) for page in site.claim_pages(self.root, self.language, self._to_fill)})):
                file = File.generated(config, f"claims/_frame-{index}.md", content=claim_markdown(sections, TITLE, DESCRIPTION, False))
                file.edit_uri = EDIT
                self._frames[file.src_uri] = sections
                files.append(file)
        else:
            for page in site.claim_pages(self.root, self.language):
                file = File.generated(config, f"claims/{page.id}.md", content=claim_markdown(layout(page), page.title, page.description, True))
                file.edit_uri = page.edit_path
                self._filled_by_mkdocs[file.src_uri] = page
                files.append(file)
        return files

    def on_env(self, env, *, config, files):
        """Compiled theme templates are cached (outside the project: they are code): each build (and each `serve` rebuild)
        would otherwise compile Material's anew."""
        cache = workspace.cache_dir(self.root) / "jinja"
        cache.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = jinja2.FileSystemBytecodeCache(str(cache))
        return env

    def _claims_to_fill(self, site_dir: Path) -> list[Path]:
        """Every claim page; in a dirty build (serve), like MkDocs' own, only those older than their source."""
        files = site.claim_page_files(self.root, self.language)
        if not self.dirty:
            return files

        def stale(source: Path) -> bool:
            target = site_dir / render.claim_url(source.stem) / "index.html"
            return not target.is_file() or target.stat().st_mtime_ns < source.stat().st_mtime_ns

        return [source for source in files if stale(source)]

    def on_page_content(self, html, *, page, config, files):
        page_of_claim = self._filled_by_mkdocs.get(page.file.src_uri)
        if page_of_claim:
            return Frame(html, [HEADING, INTRO, *map(section_mark, range(len(page_of_claim.sections)))]).fill(claim_values(page_of_claim))
        return html

    def on_post_page(self, output, *, page, config):
        """Puts a page's HTML parts in place; keeps each claim page frame for filling."""
        parts = self._parts.get(page.file.src_uri)
        if parts:
            marks = [render.part_mark(index) for index in range(len(parts))]
            output = Frame(output, marks).fill(dict(zip(marks, parts)))
        sections = self._frames.get(page.file.src_uri)
        if sections is not None:
            marks = [TITLE, DESCRIPTION, EDIT, HEADING, INTRO, page.url, *map(section_mark, range(len(sections)))]
            frame = Frame(output, marks)
            missing = set(marks) - frame.marks - {EDIT}  # no edit button without repo_url
            if missing:
                raise PluginError(f"oxykb: the theme's claim page frame lacks {', '.join(sorted(missing))}")
            anchors = [item.id for item in page.toc.items[0].children]
            self._built_frames[sections] = (page.url, frame, anchors)
        return output

    def on_page_context(self, context, *, page, config, nav):
        """The language switcher's targets: this same page in each language."""
        depth = len(PurePosixPath(page.url).parts) if page.url else 0
        to_site_root = "../" * (depth + site.subpath(self.language).count("/"))
        context["oxykb_alternates"] = [
            {"lang": other, "name": labels.SITE[other]["language_name"], "href": (to_site_root + site.subpath(other) + page.url) or "./"}
            for other in site.LANGUAGES
        ]
        return context

    @event_priority(-100)  # after the search plugin has written its index
    def on_post_build(self, *, config):
        """Fills the claim pages into their frames, then moves the other languages' builds under the primary site (en/)."""
        if self.config.fill_claim_pages:
            self._fill_claim_pages(Path(config.site_dir))
        pending, self._pending = self._pending, {}
        try:
            for other, future in pending.items():
                try:
                    error = future.result()
                except ProblemsFound as found:  # as in on_config, where they show for the primary language
                    error = "\n".join(map(str, found.problems))
                if error:
                    raise PluginError(error)
                if self._staging:
                    target = Path(config.site_dir) / site.subpath(other)
                    shutil.rmtree(target, ignore_errors=True)
                    shutil.move(self._staging / site.subpath(other), target)
        finally:
            if pending and self._staging:
                shutil.rmtree(self._staging, ignore_errors=True)

    def _fill_claim_pages(self, site_dir: Path) -> None:
        """Writes each claim page, its search entries and its sitemap entry; removes the frames.

        A dirty build's search index, as MkDocs makes it, holds only the pages it rebuilt.
        """
        search_entries, urls = [], []
        for page in site.claim_pages(self.root, self.language, self._to_fill):
            frame_url, frame, anchors = self._built_frames[layout(page)]
            url = render.claim_url(page.id)
            urls.append(url)
            target = site_dir / url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(frame.fill({**claim_values(page), frame_url: url}), "utf-8")
            search_entries.append({"location": url, "title": searchable_text(page.heading), "text": searchable_text(page.intro)})
            search_entries += [{"location": f"{url}#{anchor}", "title": html.escape(title, quote=False), "text": searchable_text(part)}
                               for anchor, (title, part) in zip(anchors, page.sections)]
        for frame_url, _, _ in self._built_frames.values():
            shutil.rmtree(site_dir / frame_url, ignore_errors=True)
        index_path = site_dir / "search" / "search_index.json"
        if index_path.is_file():
            index = json.loads(index_path.read_text("utf-8"))
            index["docs"] += search_entries
            index_path.write_text(json.dumps(index, separators=(",", ":")), "utf-8")
        _add_to_sitemap(site_dir, urls)

    def on_serve(self, server, *, config, builder):
        """Watch what editors change; the generated pages change only as a result (no second rebuild)."""
        server.unwatch(config.docs_dir)
        server.watch(str(self.root / "claims"))
        server.watch(str(self.root / "content"))
        return server


_KEPT_IN_SEARCH = {"p", "code", "pre", "li", "ol", "ul", "sub", "sup"}  # what Material's indexer keeps of a page's markup
_SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)
_TAG = re.compile(r"<(/?)([a-zA-Z0-9]+)[^>]*>")
_QUOTE_ENTITIES = re.compile(r"&(#39|#34|#x27|quot);")


def searchable_text(part: str) -> str:
    """A part's text for the search index as Material's own indexer makes it: escaped text, a few bare tags, single spaces.

    Takes oxykb's own HTML, in which a text never holds another entity than &amp; &lt; &gt; and quotes.
    """
    text = _TAG.sub(lambda tag: f"<{tag[1]}{tag[2]}>" if tag[2] in _KEPT_IN_SEARCH else "", _SCRIPT.sub("", part))
    text = _QUOTE_ENTITIES.sub(lambda entity: "'" if entity[1] in ("#39", "#x27") else '"', text)
    return " ".join(text.split())


_SITEMAP_FRAME = re.compile(r"    <url>\n         <loc>[^<]*/claims/_frame-\d+/</loc>\n.*?    </url>\n", re.DOTALL)


def _add_to_sitemap(site_dir: Path, urls: list[str]) -> None:
    """The frames' entries in sitemap.xml (MkDocs lists pages only when site_url is set) make way for the claims'."""
    path = site_dir / "sitemap.xml"
    text = path.read_text("utf-8") if path.is_file() else ""
    frames = list(_SITEMAP_FRAME.finditer(text))
    if not frames:
        return
    entry = frames[0].group()
    frame_url = re.search(r"<loc>([^<]*)</loc>", entry)[1]
    site_url = frame_url[: frame_url.index("claims/_frame-")]
    claims = "".join(entry.replace(frame_url, html.escape(site_url + url)) for url in urls)
    text = text[: frames[0].start()] + claims + _SITEMAP_FRAME.sub("", text[frames[0].start():])
    path.write_text(text, "utf-8")
    compressed = site_dir / "sitemap.xml.gz"
    mtime = int.from_bytes(compressed.read_bytes()[4:8], "little") if compressed.is_file() else 0  # as MkDocs dated it
    with open(compressed, "wb") as file, gzip.GzipFile(fileobj=file, filename=str(compressed), mode="wb", mtime=mtime) as archive:
        archive.write(text.encode("utf-8"))
