"""HTML put into pages that MkDocs built, at marks: claim pages filled into frames, claim lists into Markdown pages.

Claim pages are most of a site, and MkDocs with Material spends about 25 ms on each. So MkDocs builds one
*frame* per layout of claim page (which sections it has): a real claim page whose title, description, edit
link, address, breadcrumb, heading and parts are marks. Each claim is then filled into its frame, which gives the page
MkDocs would have built (a test compares the two byte for byte), and its entry is added to the sitemap
(search.py indexes every page once the site is built). Long claim lists on Markdown pages are HTML parts,
put in at their marks the same way.

Marks survive MkDocs only as long as no theme or plugin changes them, so every build checks that each mark
arrived where it belongs and that no mark was changed into something else, and fails, naming what went
wrong, instead of publishing pages without claim lists or with a mark for a title.
"""

from __future__ import annotations

import gzip
import html
import json
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File

from .. import urls
from ..publish import render
from . import pages
from .compact import compact

TITLE, DESCRIPTION, EDIT, HEADING, INTRO, BREADCRUMB = (
    "OXYKBTITLE",
    "OXYKBDESCRIPTION",
    "OXYKBEDIT",
    "OXYKBHEADING",
    "<!--oxykb:intro-->",
    "<!--oxykb:breadcrumb-->",  # above the heading; put in after the page is built, so search leaves it out
)
FRAME_PREFIX = "claims/_frame-"
_FILLED: set[Path] = set()  # site folders whose every claim page this process has filled (serve's rebuilds)


def section_mark(index: int) -> str:
    return f"<!--oxykb:section:{index}-->"


# What of a mark stays recognisable when a template or plugin changes it (a filter on page.title, say).
_MARK_TRACES = (
    "oxykbtitle",
    "oxykbdescription",
    "oxykbedit",
    "oxykbheading",
    "oxykb:intro",
    "oxykb:breadcrumb",
    "oxykb:section",
    "oxykb:part",
    FRAME_PREFIX,
)


def layout(page: render.ClaimPage) -> tuple[str, ...]:
    return tuple(title for title, _ in page.sections)


def claim_markdown(sections: tuple[str, ...], title: str, description: str, searchable: bool) -> str:
    """A claim page's Markdown: front matter and headings, with marks where its HTML parts go."""
    front = {
        "title": title,
        "description": description,
        "hide": ["toc"],  # a short page: its few sections need no table of contents (theme/partials/toc.html)
        **({} if searchable else {"search": {"exclude": True}}),
    }
    lines = [
        "---",
        *(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items()),
        "---",
        "",
        BREADCRUMB,
        "",
        f"# {HEADING} {{#claim}}",
        "",
        INTRO,
    ]
    for index, section_title in enumerate(sections):
        # every claim page has these headings: the search index skips them (search.py)
        lines += ["", f'## {section_title} {{: data-pagefind-ignore="all" }}', "", section_mark(index)]
    return "\n".join(lines) + "\n"


_PERMALINK = re.compile(r'<a class="headerlink" href="#[^"<>]*" title="[^"<>]*">&para;</a>')


def without_permalinks(html: str) -> str:
    """A claim page without the "¶" link of each heading (the Markdown toc extension's, on every page): short
    sections need no address of their own, and the h1's wrapped to a line of its own below a long claim."""
    return _PERMALINK.sub("", html)


def claim_values(page: render.ClaimPage) -> dict[str, str]:
    """What each mark of a claim page stands for."""
    return {
        TITLE: page.title,
        DESCRIPTION: page.description,
        EDIT: page.edit_path,
        HEADING: page.heading,
        INTRO: page.intro,
        BREADCRUMB: page.breadcrumb,
        **{section_mark(index): part for index, (_, part) in enumerate(page.sections)},
    }


class Frame:
    """A page with marks, split once so that filling it in is a join (a split on literal marks: linear time)."""

    def __init__(self, text: str, marks):
        self.pieces = re.split("(" + "|".join(map(re.escape, marks)) + ")", text)
        self.marks = set(self.pieces[1::2])

    def fill(self, values: dict[str, str]) -> str:
        pieces = self.pieces[:]
        pieces[1::2] = [values[mark] for mark in pieces[1::2]]
        return "".join(pieces)

    def changed_marks(self) -> list[str]:
        """Traces of marks in the frame's own text: marks a template or plugin changed, which no filling replaces."""
        text = "".join(self.pieces[::2]).lower()
        return [trace for trace in _MARK_TRACES if trace in text]


class BuiltFrame:
    def __init__(self, url: str, canonical_url: str | None, frame: Frame):
        self.url, self.canonical_url, self.frame = url, canonical_url, frame


class Filling:
    """One build's filling: adds the claim pages to MkDocs' files, fills the pages MkDocs built, checks itself.

    Problems are collected as pages pass and reported together by `finish`, the last step of the build.
    """

    def __init__(self, root: Path, language: str, site_dir: Path, fill_claim_pages: bool, dirty: bool):
        self.root, self.language, self.site_dir, self.dirty = root, language, site_dir, dirty
        self.fill_claim_pages = fill_claim_pages
        self.parts = pages.page_parts(root, language)
        self.built_by_mkdocs: dict[str, render.ClaimPage] = {}  # src_uri -> claim (fill_claim_pages: false)
        self.frame_layouts: dict[str, tuple[str, ...]] = {}  # frame's src_uri -> its layout
        self.built_frames: dict[tuple[str, ...], BuiltFrame] = {}
        self.to_fill: list[Path] = []
        self.problems: list[str] = []

    def add_claim_pages(self, files, config):
        """One frame per layout of the claims to fill, or (fill_claim_pages: false) every claim as a page."""
        if self.fill_claim_pages:
            self.to_fill = self._claims_to_fill()
            layouts = sorted({layout(page) for page in pages.claim_pages(self.root, self.language, self.to_fill)})
            for index, sections in enumerate(layouts):
                file = File.generated(
                    config, f"{FRAME_PREFIX}{index}.md", content=claim_markdown(sections, TITLE, DESCRIPTION, False)
                )
                file.edit_uri = EDIT
                self.frame_layouts[file.src_uri] = sections
                files.append(file)
        else:
            for page in pages.claim_pages(self.root, self.language):
                file = File.generated(
                    config,
                    f"claims/{page.id}.md",
                    content=claim_markdown(layout(page), page.title, page.description, True),
                )
                file.edit_uri = page.edit_path
                self.built_by_mkdocs[file.src_uri] = page
                files.append(file)
        return files

    def _claims_to_fill(self) -> list[Path]:
        """Every claim page; in a dirty build (serve), like MkDocs' own, only those older than their source, or
        (when this process filled this site before) only those the last render changed."""
        filled_before = self.site_dir in _FILLED
        _FILLED.discard(self.site_dir)  # until this build has filled its pages
        changed = pages.changed_claim_pages(self.root, self.language)
        if self.dirty and filled_before and changed is not None:
            return changed
        files = pages.claim_page_files(self.root, self.language)
        if not self.dirty:
            return files

        def stale(source: Path) -> bool:
            target = self.site_dir / urls.claim_url(source.stem) / "index.html"
            return not target.is_file() or target.stat().st_mtime_ns < source.stat().st_mtime_ns

        return [source for source in files if stale(source)]

    def page_content(self, content: str, page) -> str:
        """A claim page MkDocs builds itself (fill_claim_pages: false): its parts put in after Markdown (its
        breadcrumb after the page is built, by `after_page`, as when it is filled into a frame)."""
        claim = self.built_by_mkdocs.get(page.file.src_uri)
        if claim is None:
            return content
        marks = [HEADING, INTRO, *map(section_mark, range(len(claim.sections)))]
        return self._filled(page.file.src_uri, content, marks, claim_values(claim))

    def after_page(self, output: str, page) -> str:
        """Puts a Markdown page's HTML parts in place, and a claim page's breadcrumb, and compacts it; keeps each
        claim page frame for filling."""
        parts = self.parts.get(page.file.src_uri)
        if parts:
            marks = [render.part_mark(index) for index in range(len(parts))]
            output = self._filled(page.file.src_uri, output, marks, dict(zip(marks, parts, strict=True)))
        claim = self.built_by_mkdocs.get(page.file.src_uri)
        if claim is not None:
            breadcrumb = {BREADCRUMB: claim.breadcrumb}
            output = self._filled(page.file.src_uri, without_permalinks(output), [BREADCRUMB], breadcrumb)
        sections = self.frame_layouts.get(page.file.src_uri)
        if sections is not None:
            output = without_permalinks(output)
            marks = [
                TITLE,
                DESCRIPTION,
                EDIT,
                BREADCRUMB,
                HEADING,
                INTRO,
                page.url,
                *map(section_mark, range(len(sections))),
            ]
            frame = Frame(output, marks)
            missing = set(marks) - frame.marks - {EDIT, page.url}  # no edit button without repo_url; no switcher
            changed = frame.changed_marks()
            if missing:
                self.problems.append(
                    f"the claim page frame {page.file.src_uri} lacks {', '.join(sorted(missing))}: "
                    "a theme override or plugin removed them (HTML comments among them)"
                )
            elif frame.pieces.index(BREADCRUMB) > frame.pieces.index(HEADING):
                self.problems.append(
                    f"the claim page frame {page.file.src_uri} has the breadcrumb below the claim's heading:"
                    " a theme override or plugin moved it"
                )
            elif changed:
                self.problems.append(
                    f"the claim page frame {page.file.src_uri} shows a mark changed ({', '.join(changed)}):"
                    " a template or plugin alters page.title, the description or a URL, so every"
                    " claim page would show the mark"
                )
            else:
                self.built_frames[sections] = BuiltFrame(page.url, page.canonical_url, frame)
            return output  # compacted once filled
        return compact(output)

    def _filled(self, src_uri: str, text: str, marks: list[str], values: dict[str, str]) -> str:
        frame = Frame(text, marks)
        missing = [mark for mark in marks if mark not in frame.marks]
        if missing:
            self.problems.append(
                f"{src_uri}: {', '.join(missing)} did not reach the built page, so what they stand"
                " for (a claim list, a section) would be missing: a theme override or plugin removed"
                " them (a minifier that strips HTML comments does)"
            )
        return frame.fill(values)

    def finish(self, site_url: str | None) -> None:
        """Writes each claim page and its sitemap entry; removes the frames (search.py indexes the pages after).

        Raises PluginError naming every problem found in this build.
        """
        if self.fill_claim_pages and not self.problems:
            self._fill_claim_pages(site_url)
        if self.problems:
            raise PluginError(
                "oxykb: the site would be wrong, so the build stops:\n"
                + "\n".join(f"- {problem}" for problem in self.problems)
            )

    def _fill_claim_pages(self, site_url: str | None) -> None:
        filled = []
        for page in pages.claim_pages(self.root, self.language, self.to_fill):
            built = self.built_frames.get(layout(page))
            if built is None:
                self.problems.append(f"no frame was built for the claim page layout of {page.id}: a plugin removed it")
                continue
            url = urls.claim_url(page.id)
            filled.append(url)
            target = self.site_dir / url / "index.html"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(compact(built.frame.fill({**claim_values(page), built.url: url})), "utf-8")
        for built in self.built_frames.values():
            shutil.rmtree(self.site_dir / built.url, ignore_errors=True)
        if site_url:
            self._add_to_sitemap(filled)
        if not self.problems:
            _FILLED.add(self.site_dir)

    def _add_to_sitemap(self, claim_urls: list[str]) -> None:
        """The frames' entries in sitemap.xml (MkDocs lists pages only with a site_url) make way for the claims'."""
        path = self.site_dir / "sitemap.xml"
        if not path.is_file():
            return  # a theme without a sitemap
        frames = {built.canonical_url: built.url for built in self.built_frames.values()}
        try:
            text = list_in_sitemap(path.read_text("utf-8"), frames, claim_urls)
        except SitemapError as error:
            self.problems.append(f"sitemap.xml: {error}")
            return
        path.write_text(text, "utf-8")
        compressed = self.site_dir / "sitemap.xml.gz"
        mtime = (
            int.from_bytes(compressed.read_bytes()[4:8], "little") if compressed.is_file() else 0
        )  # as MkDocs dated it
        with (
            open(compressed, "wb") as file,
            gzip.GzipFile(fileobj=file, filename=str(compressed), mode="wb", mtime=mtime) as archive,
        ):
            archive.write(text.encode("utf-8"))


class SitemapError(Exception):
    pass


_SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def sitemap_locations(text: str) -> list[str]:
    """Every <loc> of a sitemap, read as XML (MkDocs writes it, not a contributor)."""
    try:
        document = ElementTree.fromstring(text.encode("utf-8"))
    except ElementTree.ParseError as error:
        raise SitemapError(f"not XML ({error})") from error
    return [(url.findtext(f"{_SITEMAP}loc") or "").strip() for url in document.iter(f"{_SITEMAP}url")]


def list_in_sitemap(text: str, frames: dict[str, str], claim_urls: list[str]) -> str:
    """The sitemap with each claim of `claim_urls` where the first frame's entry was, and no frame's entry.

    `frames` maps each frame's address to its URL below the site. Entries are found as text, whatever their
    indentation, then checked against the sitemap read as XML, before and after; raises SitemapError.
    """
    expected = sitemap_locations(text)
    absent = sorted(set(frames) - set(expected))
    if absent:
        raise SitemapError(f"the entry of the claim page frame {absent[0]} is missing, so no claim would be listed")
    entries = _url_entries(text)
    if [html.unescape(location) for _, _, location, _ in entries] != expected:
        raise SitemapError(
            "its <url> entries are not written as MkDocs writes them (<url>, then <loc>…</loc>),"
            " so the claim pages cannot be listed in it"
        )
    pieces, position, listed = [], 0, False
    for start, end, location, location_start in entries:
        pieces.append(text[position:start])
        address = html.unescape(location)
        if address in frames:
            if not listed:
                prefix = location[: len(location) - len(frames[address])]
                before, after = text[start:location_start], text[location_start + len(location) : end]
                pieces += [before + prefix + url + after for url in claim_urls]
                listed = True
        else:
            pieces.append(text[start:end])
        position = end
    pieces.append(text[position:])
    result = "".join(pieces)
    left = [location for location in sitemap_locations(result) if location in frames]
    if left:
        raise SitemapError(f"the entry of the claim page frame {left[0]} is still in it")
    return result


def _url_entries(text: str) -> list[tuple[int, int, str, int]]:
    """(start, end, <loc> text, where it starts) of each <url> element, its start taken after the element before it
    so that it carries its own indentation. Linear: each search starts where the last one ended."""
    entries = []
    position = text.find(">", max(text.find("<urlset"), 0)) + 1
    while (start := text.find("<url>", position)) != -1:
        end = text.find("</url>", start)
        opening = text.find("<loc>", start, end)
        closing = text.find("</loc>", opening, end)
        if end == -1 or opening == -1 or closing == -1:
            break
        entries.append((position, end + len("</url>"), text[opening + len("<loc>") : closing], opening + len("<loc>")))
        position = end + len("</url>")
    return entries
