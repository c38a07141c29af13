"""Renders the knowledge base for one language: Markdown pages, and claim pages as HTML parts.

Pure: a KnowledgeBase (and the hand-written pages) in, pages out. Claim
pages, thousands of them, skip Markdown: each is a ClaimPage of HTML parts
that the site fills into a page frame (see plugin.py). Claim text is
untrusted, so every value a template prints is escaped, for Markdown and HTML
in Markdown pages and for HTML in claim pages, unless it is `Safe` (markup
this module built itself). Only emphasis survives; no claim text can become a
tag, attribute, link, front matter or block structure.
"""

from __future__ import annotations

import bisect
import datetime
import html
import json
import os
import re
from collections import defaultdict
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import quote

import jinja2

from .. import urls
from ..model import Category, Claim, Grade, KnowledgeBase, Source, SourceKind
from . import figures, labels
from . import report as editors_report


class Safe(str):
    """Markup built by oxykb, printed as it is."""

    def __html__(self) -> str:  # so HTML templates, which escape everything else, print it as it is
        return self


_ALWAYS_ACTIVE = re.compile(r"([\\`{}\[\]|#])")  # code, attribute lists, links and images, tables, headings
_LINE_START = re.compile(
    r"^(\d+)\.(?=\s)|^([-+])|^(\*)(?=\s)"
)  # what starts a list, quote or rule only at a line's start


def markdown_text(value) -> Safe:
    """Untrusted text as inert Markdown: one line, HTML-escaped, syntax escaped but for emphasis.

    Only characters that can start Markdown syntax are escaped, so pages stay
    readable and cheap to convert (every escape costs the Markdown parser work).
    """
    if isinstance(value, Safe):
        return value
    text = html.escape(" ".join(str(value).split()), quote=False)
    text = _ALWAYS_ACTIVE.sub(r"\\\1", text)
    text = _LINE_START.sub(
        lambda match: f"{match.group(1)}\\." if match.group(1) else "\\" + (match.group(2) or match.group(3)), text
    )
    return Safe(text)


def html_text(value) -> Safe:
    """Untrusted text inside raw HTML (element content or attribute value)."""
    return Safe(html.escape(" ".join(str(value).split()), quote=True))


class _Delimiter(NamedTuple):
    """One kind of emphasis: its marker's width, the element it becomes, and where its marker may open or close it."""

    width: int
    tag: str
    opens: Callable[[str, int], bool]
    closes: Callable[[str, int], bool]


def _text_after(text: str, at: int) -> bool:
    return at < len(text) and not text[at].isspace()  # isspace() is exactly what the regex \s matches


def _text_before(text: str, at: int) -> bool:
    return at > 0 and not text[at - 1].isspace()


def _word_next_to(text: str, at: int) -> bool:
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")  # exactly what the regex \w matches


def _strong_opens(text: str, at: int) -> bool:
    return text.startswith("**", at) and _text_after(text, at + 2)


def _strong_closes(text: str, at: int) -> bool:
    return text.startswith("**", at) and _text_before(text, at)


def _star_opens(text: str, at: int) -> bool:
    return _text_after(text, at + 1)


def _underscore_opens(text: str, at: int) -> bool:
    return not _word_next_to(text, at - 1) and _text_after(text, at + 1)


def _underscore_closes(text: str, at: int) -> bool:
    return _text_before(text, at) and not _word_next_to(text, at + 1)


_STRONG = {"*": _Delimiter(2, "strong", _strong_opens, _strong_closes)}  # **strong**
_EMPHASIS = {
    "*": _Delimiter(1, "em", _star_opens, _text_before),
    "_": _Delimiter(1, "em", _underscore_opens, _underscore_closes),
}
_MARKERS = re.compile(r"[*_]")


def _emphasise(text: str, delimiters: dict[str, _Delimiter]) -> str:
    r"""Pairs markers as the lazy regex \*(?=\S)(.+?)(?<=\S)\* would, leftmost first, but in linear time.

    Each opener takes the first closer of its kind after at least one character. The regex
    searches from every unpaired opener to the end of the text, so on openers alone
    ("*a *a *a ...") its time grows with the square of the length; here each opener
    finds its closer by bisection.
    """
    markers = [match.start() for match in _MARKERS.finditer(text)]
    closers = {
        char: [at for at in markers if text[at] == char and kind.closes(text, at)] for char, kind in delimiters.items()
    }
    pieces, done = [], 0
    for at in markers:
        kind = delimiters.get(text[at])
        if at < done or kind is None or not kind.opens(text, at):
            continue
        candidates = closers[text[at]]
        index = bisect.bisect_left(candidates, at + kind.width + 1)
        if index < len(candidates):
            closer = candidates[index]
            pieces += [text[done:at], f"<{kind.tag}>", text[at + kind.width : closer], f"</{kind.tag}>"]
            done = closer + kind.width
    return "".join(pieces) + text[done:]


def rich_text(value) -> Safe:
    """Untrusted text as HTML: one line, escaped, with emphasis (*em*, _em_, **strong**) as Markdown renders it."""
    text = html.escape(" ".join(str(value).split()), quote=True)
    if "*" not in text and "_" not in text:
        return Safe(text)
    return Safe(_emphasise(_emphasise(text, _STRONG), _EMPHASIS))


def plain_text(value) -> str:
    """Untrusted text for titles and descriptions that themes print without escaping.

    Characters that could open markup are replaced by look-alikes, so the
    result is harmless whether a template escapes it, strips tags or neither.
    """
    text = " ".join(str(value).split()).replace("*", "").replace("_", " ")
    return text.translate(str.maketrans({"<": "\u2039", ">": "\u203a", "&": "\uff06", '"': "\u201d", "`": "'"}))


def json_for_script(data) -> Safe:
    """JSON that cannot close the <script> element it sits in."""
    text = json.dumps(
        data, ensure_ascii=False, sort_keys=True
    )  # no indent: that would take json's slow pure-Python encoder
    return Safe(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def http_url(url: str) -> str | None:
    """Only http(s) URLs are ever rendered as links, percent-encoding what could break out."""
    if not re.match(r"https?://", url or ""):
        return None
    return quote(url, safe=":/?#[]@!$&'*+,;=%~-._").replace("(", "%28").replace(")", "%29")


def doi_url(doi: str) -> str:
    return "https://doi.org/" + quote(doi, safe="/.;:-_")


def link_to(page: str, target: str, fragment: str | None = None) -> Safe:
    """A Markdown link target to another generated page (MkDocs checks it in strict mode)."""
    return Safe(urls.page_link(page, target) + (f"#{anchor(fragment)}" if fragment else ""))


def anchor(slug: str) -> Safe:
    return Safe(re.sub(r"[^a-z0-9-]", "", slug))


def external_link(text: str, url: str | None) -> Safe:
    return Safe(f"[{markdown_text(text)}]({url})") if url else markdown_text(text)


def front_matter(values: dict[str, str]) -> Safe:
    """YAML front matter of one-line JSON strings: nothing in a value can end it."""
    lines = [f"{key}: {json.dumps(plain_text(value), ensure_ascii=False)}" for key, value in values.items()]
    return Safe("---\n" + "\n".join(lines) + "\n---")


def part_mark(index: int) -> str:
    return f"<!--oxykb:part:{index}-->"


HAND_WRITTEN = ("about", "methodology", "contributing")


def navigation(language: str) -> list:
    """The site's navigation: categories and reference pages, never thousands of claims."""
    titles = labels.PAGE_TITLES[language]
    return (
        [{titles["home"]: urls.HOME}]
        + [{labels.CATEGORY[language][category]: urls.category_page(category)} for category in Category]
        + [
            {titles["sources"]: urls.SOURCES},
            {titles["evidence"]: urls.EVIDENCE},
            {titles["tags"]: urls.TAGS},
            {titles["open-data"]: urls.OPEN_DATA},
            {titles["report"]: urls.REPORT},
        ]
        + [{titles[name]: f"{name}.md"} for name in HAND_WRITTEN]
    )


def source_name(source: Source) -> str:
    return source.title or source.cited_as or source.id


def ordered(claims) -> list[Claim]:
    """Strongest evidence first, then alphabetically by id for a stable order."""
    return sorted(claims, key=lambda claim: (claim.grade.rank, claim.id))


class ClaimPage(NamedTuple):
    """A claim's page as HTML parts, for a site to put into its page frame: heading, introduction, titled sections.

    `title` and `description` are plain text (themes print them unescaped); `heading`, `intro`, the sections HTML.
    """

    id: str
    edit_path: str  # the claim's YAML file, which is what an editor changes
    title: str
    description: str
    heading: str
    intro: str
    sections: tuple[tuple[str, str], ...]  # (section title, HTML)


_HTML = jinja2.Environment(  # claim pages: HTML escapes every printed value that is not Safe
    loader=jinja2.PackageLoader("oxykb.publish", "templates"),
    autoescape=True,
    undefined=jinja2.StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)

_ENVIRONMENT = jinja2.Environment(  # one per process, so templates are compiled once
    loader=jinja2.PackageLoader("oxykb.publish", "templates"),
    finalize=markdown_text,  # every printed value is escaped unless it is Safe
    autoescape=False,
    undefined=jinja2.StrictUndefined,
    keep_trailing_newline=True,
    trim_blocks=True,
    lstrip_blocks=True,
)


def by_grade(claims: list[Claim]) -> list[tuple[Grade, list[Claim]]]:
    """Claims grouped by grade, strongest first, leaving out empty grades."""
    groups: dict[Grade, list[Claim]] = {grade: [] for grade in Grade}
    for claim in claims:
        groups[claim.grade].append(claim)
    return [(grade, group) for grade, group in groups.items() if group]


_CLAIM_PAGES: dict[tuple, str] = {}  # so that `oxykb serve` re-renders only the claims an edit touches


class _Renderer:
    def __init__(self, kb: KnowledgeBase, language: str, remember: bool, site_url: str | None = None):
        self.kb = kb
        self.site_url = site_url  # the site root's address (MkDocs' site_url), for citations; None when unknown
        self.language = language
        self.remember = remember
        self.text = labels.TEXT[language]
        self.names = dict(
            t=self.text,
            lang=language,
            kb=kb,
            labels=labels,
            Category=Category,
            Grade=Grade,
            by_grade=by_grade,
            badge=self.badge,
            grade_heading=self.grade_heading,
            claim_list=self.claim_list,
            source_link=self.source_link,
            source_name=source_name,
            citation=self.citation,
            tag_name=self.tag_name,
            link_to=link_to,
            anchor=anchor,
            date=self.date,
            urls=urls,
            front_matter=front_matter,
            external_link=external_link,
            citation_line=self.citation_line,
            figure=self.figure,
            rows_by_category=lambda counts: [
                (labels.CATEGORY[language][category], row) for category, row in counts.items()
            ],
            source_rows=lambda documents: [
                (source_name(source), self.source_counts(source.id)) for source in documents
            ],
        )
        self.figures: dict[str, str] = {}  # figures/<name>.svg -> SVG, written beside the pages
        self.statements: dict[str, Safe] = {}  # each claim's statement as HTML, escaped once
        self.parts: dict[str, list[str]] = {}  # page -> HTML parts its marks stand for
        self.badges = {grade: self._badge(grade) for grade in Grade}
        self.contradicted_by = defaultdict(set)
        self.related_from = defaultdict(set)
        self.drawn_from = defaultdict(set)
        self.cited_by = defaultdict(set)
        self.by_tag = defaultdict(list)
        for claim in kb.claims.values():
            for other in claim.contradicts:
                self.contradicted_by[other].add(claim.id)
            for other in claim.related:
                self.related_from[other].add(claim.id)
            for entry in claim.sources:
                self.drawn_from[entry.source].add(claim.id)
            for source_id in claim.cites:
                self.cited_by[source_id].add(claim.id)
            for tag in claim.tags:
                self.by_tag[tag].append(claim)

    def badge(self, grade: Grade) -> Safe:
        return self.badges[grade]

    def _badge(self, grade: Grade) -> Safe:
        name = labels.GRADE[self.language][grade]
        label = self.text["grade_of"].format(grade=name)
        return Safe(
            f'<span class="oxykb-grade oxykb-grade--{grade.value}" role="img" aria-label="{html_text(label)}">'
            f"{labels.GRADE_SYMBOL[grade]} {html_text(name)}</span>"
        )

    def grade_heading(self, grade: Grade) -> Safe:
        """A count table's grade column heading: the name, or on a phone its symbol, so seven columns fit 390 px.

        The name stays in the text for screen readers; the symbol is only its visual short form (see oxykb.css).
        """
        name = html_text(labels.GRADE[self.language][grade])
        symbol = labels.GRADE_SYMBOL[grade]
        short = symbol[:2] + "<wbr>" + symbol[2:] if len(symbol) == 4 else symbol  # two lines of two on a phone
        return Safe(
            f'<span class="oxykb-long">{name}</span><span class="oxykb-short" aria-hidden="true" title="{name}">'
            f"{short}</span>"
        )

    def claim_list(self, claim_ids, page: str, badges: bool = True) -> Safe:
        """Claims as an HTML list, put in after the page is converted: thousands of items are slow as Markdown."""
        here = urls.page_url(page)
        items = "".join(
            f"<li>{self.badge(self.kb.claims[claim_id].grade) + ' ' if badges else ''}"
            f'<a href="{urls.relative_url(here, urls.claim_url(claim_id))}">{self.statement(claim_id)}</a></li>\n'
            for claim_id in claim_ids
        )
        return self.part(page, f'<ul class="oxykb-claim-list">\n{items}</ul>')

    def statement(self, claim_id: str) -> Safe:
        if claim_id not in self.statements:
            self.statements[claim_id] = rich_text(self.kb.claims[claim_id].statement[self.language])
        return self.statements[claim_id]

    def part(self, page: str, html_part: str) -> Safe:
        """A mark in a Markdown page where HTML goes once MkDocs has converted the page (see plugin.py)."""
        parts = self.parts.setdefault(page, [])
        parts.append(html_part)
        return Safe(part_mark(len(parts) - 1))

    def source_link(self, source_id: str, page: str, text: str | None = None) -> Safe:
        shown = text or source_name(self.kb.sources[source_id])
        return Safe(f"[{markdown_text(shown)}]({urls.page_link(page, urls.source_page(source_id))})")

    def figure(self, page: str, name: str, title: str, rows: list[tuple[str, dict]]) -> Safe:
        """A stacked-bar figure as an image whose alt text says everything the bars show."""
        path = urls.figure_file(name)
        self.figures[path] = figures.stacked_bars(rows, self.language, title)
        grades = labels.GRADE[self.language]
        described = "; ".join(
            f"{row}: " + ", ".join(f"{count} {grades[grade].lower()}" for grade, count in counts.items() if count)
            for row, counts in rows
        )
        return Safe(f"![{markdown_text(title + '. ' + described)}]({urls.page_link(page, path)})")

    def source_counts(self, source_id: str) -> dict:
        counts = {grade: 0 for grade in Grade}
        for claim_id in self.drawn_from[source_id]:
            counts[self.kb.claims[claim_id].grade] += 1
        return counts

    def citation_line(self, claim_id: str, escape=markdown_text) -> Safe:
        """Site. “Statement” Evidence: grade. Last reviewed date. Stable address. HTML, valid in Markdown too."""
        claim = self.kb.claims[claim_id]
        return Safe(
            f"{escape(labels.SITE[self.language]['site_name'])}. “{escape(claim.statement[self.language])}” "
            f"{escape(self.text['grade'])}: {escape(labels.GRADE[self.language][claim.grade])}. "
            f"{escape(self.text['reviewed'])}: {escape(self.date(claim.reviewed))}. {self.claim_address(claim.id)}"
        )

    def claim_address(self, claim_id: str) -> Safe:
        """A claim's address for a citation: absolute with a `site_url`; else, since the site does not know its
        host, the path from the site root, labelled as an address on this site rather than passed off as a URL."""
        path = urls.address(self.language, urls.claim_url(claim_id))
        if self.site_url:
            return Safe(f"{self.text['address']}: <code>{html.escape(self.site_url.rstrip('/') + '/' + path)}</code>")
        return Safe(f"{self.text['address_on_site']}: <code>/{html.escape(path)}</code>")

    def tag_name(self, tag: str) -> str:
        return self.kb.tags[tag][self.language] if tag in self.kb.tags else tag

    def citation(self, source: Source, escape=markdown_text) -> Safe:
        """Authors (year). Title. Journal or publisher. DOI; or the citation as a document printed it.

        HTML, valid in Markdown too.
        """
        year = f" ({source.published[:4]})" if source.published else ""
        pieces = []  # (text, italic)
        if source.authors:
            pieces.append((", ".join(source.authors) + year, False))
        if source.title:
            pieces.append((source.title + ("" if source.authors else year), True))
        elif not source.authors and source.cited_as:
            pieces.append((source.cited_as, False))
        if source.journal or source.publisher:
            pieces.append((source.journal or source.publisher, False))
        shown = [
            f"<em>{escape(text.rstrip('.'))}</em>" if italic else escape(text.rstrip(".")) for text, italic in pieces
        ]
        text = ". ".join(shown) + "."
        if source.doi:
            text += f' <a href="{doi_url(source.doi)}">doi:{escape(source.doi)}</a>'
        return Safe(text)

    def page(self, template: str, path: str, **context) -> str:
        return _ENVIRONMENT.get_template(template).render(page=path, **self.names, **context)

    def date(self, value) -> str:
        return labels.date(value, self.language)

    def claim(self, claim: Claim) -> ClaimPage:
        """A claim's page, reused from an earlier render in this process when none of its inputs changed."""
        if not self.remember:
            return self._claim(claim)
        linked = sorted(
            set(claim.contradicts) | self.contradicted_by[claim.id] | set(claim.related) | self.related_from[claim.id]
        )
        key = (
            self.language,
            self.site_url,
            claim,
            tuple((other, self.kb.claims[other].statement, self.kb.claims[other].grade) for other in linked),
            tuple(
                self.kb.sources[source_id]
                for source_id in sorted({*claim.cites, *(entry.source for entry in claim.sources)})
            ),
            tuple(self.kb.tags.get(tag) for tag in claim.tags),
        )
        if key not in _CLAIM_PAGES:
            if len(_CLAIM_PAGES) > 100_000:
                _CLAIM_PAGES.clear()
            _CLAIM_PAGES[key] = self._claim(claim)
        return _CLAIM_PAGES[key]

    def _claim(self, claim: Claim) -> ClaimPage:
        contradicts = sorted(set(claim.contradicts) | self.contradicted_by[claim.id])
        related = sorted((set(claim.related) | self.related_from[claim.id]) - set(contradicts))
        parts = _HTML.get_template("claim.html.j2").make_module(
            dict(
                t=self.text,
                lang=self.language,
                kb=self.kb,
                labels=labels,
                claim=claim,
                contradicting=contradicts,
                relating=related,
                urls=urls,
                link=lambda url: urls.relative_url(urls.claim_url(claim.id), url),
                badge=self.badge,
                rich=rich_text,
                source_name=source_name,
                citation=lambda source: self.citation(source, html_text),
                tag_name=self.tag_name,
                date=self.date,
                citation_line=lambda claim_id: self.citation_line(claim_id, html_text),
                jsonld=json_for_script(self.jsonld(claim)),
            )
        )
        sections = [
            ("why", parts.why),
            ("sources", parts.sources),
            ("cites", claim.cites and parts.cites),
            ("contradicts", contradicts and parts.contradicts),
            ("related", related and parts.related),
            ("details", parts.details),
            ("cite", parts.cite),
        ]
        return ClaimPage(
            id=claim.id,
            edit_path=claim.path,
            title=plain_text(claim.statement[self.language]),
            description=plain_text(claim.rationale[self.language]),
            heading=rich_text(claim.statement[self.language]),
            intro=str(parts.intro()).strip(),
            sections=tuple((self.text[name], str(part()).strip()) for name, part in sections if part),
        )

    def jsonld(self, claim: Claim) -> dict:
        cited = [
            self.kb.sources[source_id]
            for source_id in dict.fromkeys([e.source for e in claim.sources] + list(claim.cites))
        ]
        citations = []
        for source in cited:
            item = {
                "@type": "ScholarlyArticle" if source.kind is SourceKind.JOURNAL_ARTICLE else "CreativeWork",
                "name": source_name(source),
            }
            if source.authors:
                item["author"] = [{"@type": "Person", "name": name} for name in source.authors]
            if source.published:
                item["datePublished"] = source.published
            if source.doi:
                item["sameAs"] = doi_url(source.doi)
            elif source.url and http_url(source.url):
                item["url"] = http_url(source.url)
            citations.append(item)
        return {
            "@context": "https://schema.org",
            "@type": "MedicalWebPage",
            "name": plain_text(claim.statement[self.language]),
            "description": plain_text(claim.rationale[self.language]),
            "inLanguage": self.language,
            "lastReviewed": claim.reviewed.isoformat(),
            "citation": citations,
        }

    def source(self, source: Source) -> str:
        path = urls.source_page(source.id)
        front = {"title": source_name(source), "description": source.assessment[self.language]}
        return self.page(
            "source.md.j2",
            path,
            source=source,
            front=front,
            url=http_url(source.url or ""),
            counts=self.source_counts(source.id),
            drawn=ordered(self.kb.claims[i] for i in self.drawn_from[source.id]),
            citing=ordered(self.kb.claims[i] for i in self.cited_by[source.id]),
        )

    def counts(self) -> dict:
        table = {category: {grade: 0 for grade in Grade} for category in Category}
        for claim in self.kb.claims.values():
            table[claim.category][claim.grade] += 1
        return table

    def pages(self, hand_written: dict[str, str], today: datetime.date) -> dict[str, str]:
        kb = self.kb
        pages = {
            urls.REPORT: self.page("report.md.j2", urls.REPORT, report=editors_report.make(kb, today)),
            urls.HOME: self.page(
                "home.md.j2", urls.HOME, intro=Safe(hand_written.get(urls.HOME, "")), counts=self.counts()
            ),
            urls.figure_file("scale"): figures.scale_legend(self.language),
            urls.EVIDENCE: self.page(
                "evidence.md.j2",
                urls.EVIDENCE,
                grade_totals={grade: sum(row[grade] for row in self.counts().values()) for grade in Grade},
            ),
            urls.OPEN_DATA: self.page("open-data.md.j2", urls.OPEN_DATA, example=min(kb.claims) if kb.claims else None),
            urls.TAGS: self.page(
                "tags.md.j2",
                urls.TAGS,
                by_tag=sorted(self.by_tag.items(), key=lambda item: self.tag_name(item[0]).casefold()),
            ),
            urls.SOURCES: self.page(
                "sources.md.j2",
                urls.SOURCES,
                drawn_from=self.drawn_from,
                cited_by=self.cited_by,
                source_counts=self.source_counts,
                documents=[s for s in kb.sources.values() if s.text is not None],
                studies=[s for s in kb.sources.values() if s.text is None],
            ),
        }
        for category in Category:
            claims = ordered(claim for claim in kb.claims.values() if claim.category is category)
            page = urls.category_page(category)
            pages[page] = self.page("category.md.j2", page, category=category, claims=claims)
        for tag, claims in self.by_tag.items():
            pages[urls.tag_page(tag)] = self.page("tag.md.j2", urls.tag_page(tag), tag=tag, claims=ordered(claims))
        for source in kb.sources.values():
            pages[urls.source_page(source.id)] = self.source(source)
        for name, text in hand_written.items():
            if name != urls.HOME:
                pages[name] = text
        pages.update(self.figures)
        return pages


class Rendered(NamedTuple):
    pages: dict[str, str]  # Markdown pages and figures: {path relative to the docs folder: text}
    parts: dict[str, list[str]]  # {Markdown page: the HTML each of its part marks stands for}
    claims: list[ClaimPage]


def render(
    kb: KnowledgeBase,
    language: str,
    hand_written: dict[str, str],
    today: datetime.date | None = None,
    remember: bool = False,
    site_url: str | None = None,
) -> Rendered:
    """Every page of one language.

    `today` dates the editors' report; builds pass SOURCE_DATE_EPOCH's day when it is set.
    `remember` keeps claim pages for the next render in this process (`oxykb serve`), which
    then re-renders only the claims an edit touched. `site_url` (the site root's) makes citations absolute.
    """
    renderer = _Renderer(kb, language, remember, site_url)
    pages = renderer.pages(hand_written, today or build_date())
    return Rendered(pages, renderer.parts, [renderer.claim(kb.claims[i]) for i in sorted(kb.claims)])


def build_date() -> datetime.date:
    """Today, or the day of SOURCE_DATE_EPOCH, so that reproducible builds stay reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date() if epoch else datetime.date.today()
