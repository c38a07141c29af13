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
import functools
import html
import json
import os
import re
import unicodedata
from collections import defaultdict
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import quote

import jinja2

from .. import urls
from ..model import (
    Category,
    Claim,
    Direction,
    Grade,
    KnowledgeBase,
    Question,
    QuoteRole,
    Role,
    Source,
    SourceKind,
    StudyDesign,
)
from . import changes, figures, findings, labels
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


def summary(text: str, limit: int = 160) -> str:
    """A page description as search engines show it: at most `limit` characters, cut between words.

    A claim page shows its rationale in full; its description is in the head of every one of 10,000 pages.
    """
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut[: cut.rfind(" ")] if " " in cut else cut).rstrip(" ,;:") + "…"


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


def front_matter(values: dict[str, str], search_boost: float | None = None) -> Safe:
    """YAML front matter of one-line JSON strings: nothing in a value can end it.

    `search_boost` raises all of the page's search entries (Material's `search.boost`).
    """
    lines = [f"{key}: {json.dumps(plain_text(value), ensure_ascii=False)}" for key, value in values.items()]
    if search_boost is not None:
        lines += ["search:", f"  boost: {float(search_boost)}"]
    return Safe("---\n" + "\n".join(lines) + "\n---")


# How much a question page's title counts in search (Material's `search.boost`, which search.py turns into
# Pagefind's weight of its h1: at most 10 against 7 for any other page's title). Question pages are the answers
# readers come for; claims' titles come next, above passing mentions of the same words in other pages' text.
SEARCH_BOOST = {"question": 3.0}


def part_mark(index: int) -> str:
    return f"<!--oxykb:part:{index}-->"


HAND_WRITTEN = ("about", "methodology", "contributing")


def navigation(language: str) -> list:
    """The site's navigation: categories and reference pages, never thousands of claims."""
    titles = labels.PAGE_TITLES[language]
    return (
        [{titles["home"]: urls.HOME}, {titles["questions"]: urls.QUESTIONS}]
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
    breadcrumb: str = ""  # HTML, above the heading


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


# Claim lists are grouped by grade, then by topic. A list of at most FOLD_LIST_ABOVE claims shows every claim; in a
# longer one, a grade of more than FOLD_GRADE_ABOVE claims shows its topics folded, side by side, so that a phone
# shows every heading and topic of a long page within about two screens.
FOLD_LIST_ABOVE = 10
FOLD_GRADE_ABOVE = 4


@functools.lru_cache(maxsize=65536)  # the same topic names and statements, list after list
def alphabetical(name: str) -> str:
    """A sort key for names in either language: case and accents do not count (é sorts with e)."""
    return "".join(char for char in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(char))


def topic_of(claim: Claim, page_tag: str | None = None) -> str | None:
    """What a claim is listed under: its first tag; on a tag's own page, its first other tag (else that tag)."""
    others = [tag for tag in claim.tags if tag != page_tag]
    return others[0] if others else (claim.tags[0] if claim.tags else None)


class GradeGroup(NamedTuple):
    """One grade of a claim list: its heading, as Markdown, and the mark where its topics' HTML goes.

    The heading stays out of the search index, like the list below it (where each claim is found on its own page).
    """

    heading: Safe
    topics: Safe


class _ListEntry(NamedTuple):
    """A claim as a list shows it, apart from its link (which depends on the page)."""

    sort_key: str  # first, so that entries sort alphabetically by what they show
    claim_id: str
    hedged: bool  # the statement begins with its grade's hedge, which the grade's heading then says
    before_link: str  # badge and markers
    link_text: str


def marker(marker: str, title: str) -> str:
    """A list item's marker (animal research, background) with its full name as the title."""
    return f'<span class="oxykb-marker" title="{html_text(title)}">{html_text(marker)}</span> '


HOME_QUESTIONS = 6  # the home page leads with this many questions and links to the rest


def lower_first(text: str) -> str:
    """A label inside a sentence: "Klopt mogelijk" becomes "klopt mogelijk"."""
    return text[:1].lower() + text[1:]


class _Renderer:
    def __init__(self, kb: KnowledgeBase, language: str, site_url: str | None = None):
        self.kb = kb
        self.site_url = site_url  # the site root's address (MkDocs' site_url), for citations; None when unknown
        self.language = language
        self.text = labels.TEXT[language]
        self.names = dict(
            t=self.text,
            lang=language,
            kb=kb,
            labels=labels,
            Category=Category,
            Direction=Direction,
            Grade=Grade,
            badge=self.badge,
            grade_heading=self.grade_heading,
            word=lambda text: Safe(f'<span class="oxykb-word">{html_text(text)}</span>'),  # never broken in a table
            claim_list=self.claim_list,
            grade_groups=self.grade_groups,
            breadcrumb=self.breadcrumb_part,
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
            study_fields=self.study_fields,
            figure=self.figure,
            left_out=self.left_out,
            background=sum(claim.background for claim in kb.claims.values()),
            rows_by_category=lambda counts: [
                (labels.CATEGORY[language][category], row) for category, row in counts.items()
            ],
            source_rows=lambda documents: [
                (source_name(source), self.source_counts(source.id)) for source in documents
            ],
        )
        self.figures: dict[str, str] = {}  # figures/<name>.svg -> SVG, written beside the pages
        self.statements: dict[str, Safe] = {}  # each claim's statement as HTML, escaped once
        self.list_entries: dict[str, _ListEntry] = {}  # each claim as grouped lists show it, made once
        self.parts: dict[str, list[str]] = {}  # page -> HTML parts its marks stand for
        self.badges = {grade: self._badge(grade) for grade in Grade}
        self.population_markers = {
            population: marker(text, labels.POPULATION[language][population])
            for population, text in labels.POPULATION_MARKER[language].items()
        }
        self.background_marker = marker(**labels.BACKGROUND_MARKER[language])
        self.contradicted_by = defaultdict(set)
        self.related_from = defaultdict(set)
        self.drawn_from = defaultdict(set)
        self.cited_by = defaultdict(set)
        self.by_tag = defaultdict(list)
        self.in_report: frozenset[str] = frozenset()  # the claims the editors' report lists, once it is made
        self.question_text = labels.QUESTION_TEXT[language]
        self.questions_of = defaultdict(list)  # claim id -> [(question, role)], the questions it helps answer
        for question in sorted(kb.questions.values(), key=lambda question: question.id):
            for entry in question.claims:
                self.questions_of[entry.claim].append((question, entry.role))
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

    def grade_groups(self, claims: list[Claim], page: str, tag: str | None = None) -> list[GradeGroup]:
        """Claims by grade (strongest first), then by topic (alphabetical), with counts: a list a reader can scan.

        A grade's heading says its hedge once when its statements begin with it. Each grade's topics are one
        HTML part, built without a template call per claim, so that lists of thousands stay fast. On a tag's
        page (`tag`), claims are listed under their other topics.
        """
        here = urls.page_url(page)
        long_list = len(claims) > FOLD_LIST_ABOVE
        groups = []
        for grade, in_grade in by_grade(claims):
            topics: dict[str | None, list[_ListEntry]] = defaultdict(list)
            for claim in in_grade:
                topics[topic_of(claim, tag)].append(self.list_entry(claim))
            heading = f"{labels.GRADE_SYMBOL[grade]} {labels.GRADE[self.language][grade]} ({len(in_grade)})"
            if any(entry.hedged for entries in topics.values() for entry in entries):
                hedge = labels.HEDGE[self.language][grade].strip()
                heading += f" \u2014 {hedge[0].lower()}{hedge[1:]} \u2026"
            folded = long_list and len(in_grade) > FOLD_GRADE_ABOVE
            html_topics = "".join(
                self.topic_html(self.topic_name(topic), topics[topic], here, folded)
                for topic in sorted(
                    topics, key=lambda topic: (topic is None, alphabetical(self.topic_name(topic)), topic or "")
                )
            )
            groups.append(
                GradeGroup(
                    Safe(markdown_text(heading) + " { data-search-exclude }"),
                    self.part(page, f'<div class="oxykb-topics">\n{html_topics}</div>'),
                )
            )
        return groups

    def topic_name(self, topic: str | None) -> str:
        return self.tag_name(topic) if topic is not None else self.text["no_topic"]

    def topic_html(self, name: str, entries: list[_ListEntry], here: str, folded: bool) -> str:
        """A topic of a grade: its name and count, which a reader opens (when folded) to see its claims."""
        items = "".join(
            f"<li>{entry.before_link}"
            f'<a href="{urls.relative_url(here, urls.claim_url(entry.claim_id))}">{entry.link_text}</a></li>\n'
            for entry in sorted(entries)
        )
        return (
            f'<details class="oxykb-topic"{"" if folded else " open"}>\n'
            f"<summary>{html_text(name)} ({len(entries)})</summary>\n<ul>\n{items}</ul>\n</details>\n"
        )

    def list_entry(self, claim: Claim) -> _ListEntry:
        """A claim in a list: badge, markers (animal, in-vitro or no research; background), statement.

        A statement that begins with its grade's exact hedge shows the rest after an ellipsis; the hedge stays in
        the link for screen readers, hidden from sight, so that the link says what the claim says.
        """
        if claim.id not in self.list_entries:
            text = " ".join(claim.statement[self.language].split())
            hedge = labels.HEDGE[self.language].get(claim.grade)
            hedged = hedge is not None and text.startswith(hedge)
            shown = text[len(hedge) :] if hedged else text
            link_text = rich_text(shown)
            if hedged:
                link_text = (
                    f'<span class="oxykb-hidden">{html_text(hedge)} </span><span aria-hidden="true">\u2026 </span>'
                    + link_text
                )
            before_link = (
                f"{self.badge(claim.grade)} "
                + self.population_markers.get(claim.population, "")
                + (self.background_marker if claim.background else "")
            )
            self.list_entries[claim.id] = _ListEntry(alphabetical(shown), claim.id, hedged, before_link, link_text)
        return self.list_entries[claim.id]

    def breadcrumb(self, here: str, trail: list[tuple[str, str]], current: str) -> Safe:
        """The breadcrumb of the page at URL `here`: Home, then `trail` ((label, URL) of this language, plain text
        labels), then `current`, this page's name as HTML (escaped: rich_text, html_text)."""
        crumbs = [(labels.PAGE_TITLES[self.language]["home"], urls.page_url(urls.HOME)), *trail]
        links = "".join(
            f'<li><a href="{urls.relative_url(here, url) or "./"}">{html_text(label)}</a></li>' for label, url in crumbs
        )
        return Safe(
            f'<nav class="oxykb-breadcrumb" aria-label="{html_text(self.text["breadcrumb"])}">'
            f'<ol>{links}<li aria-current="page">{current}</li></ol></nav>'
        )

    def breadcrumb_part(self, page: str, trail: list[tuple[str, str]], current: str) -> Safe:
        """The template hook for a generated Markdown page: `{{ breadcrumb(page, trail, name) }}` above its `# name`
        (a part, so that the search index leaves it out); `current` is plain text."""
        return self.part(page, self.breadcrumb(urls.page_url(page), trail, html_text(current)))

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
        """How the claims drawn from a source are graded, counting only claims about oxytocin (as every figure)."""
        return findings.grade_counts(findings.about_oxytocin(self.kb.claims[i] for i in self.drawn_from[source_id]))

    def background_drawn(self, source_ids) -> int:
        """How many background claims are drawn from these sources: what their figures leave out."""
        drawn = {claim_id for source_id in source_ids for claim_id in self.drawn_from[source_id]}
        return sum(self.kb.claims[claim_id].background for claim_id in drawn)

    def left_out(self, count: int) -> str:
        """Says that a count or figure leaves out `count` background claims, and what they are; nothing for none."""
        return labels.counted(self.text["left_out"], count, self.language) if count else ""

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
        return self.address(urls.claim_url(claim_id))

    def address(self, url: str) -> Safe:
        """A page's address for a citation (see claim_address)."""
        path = urls.address(self.language, url)
        if self.site_url:
            return Safe(f"{self.text['address']}: <code>{html.escape(self.site_url.rstrip('/') + '/' + path)}</code>")
        return Safe(f"{self.text['address_on_site']}: <code>/{html.escape(path)}</code>")

    def study_fields(self, source: Source, page: str) -> Safe:
        """A cited study's structured fields as a definition list (HTML, put in after conversion: Markdown here has
        no definition lists), term beside value, or on a phone above it (see oxykb.css)."""
        study, text = source.study, self.text
        animal = study.design in (StudyDesign.ANIMAL, StudyDesign.IN_VITRO)
        rows = [(text["design"], labels.STUDY_DESIGN[self.language][study.design])]
        if study.participants is not None:
            rows.append(
                (text["animals" if animal else "participants"], labels.number(study.participants, self.language))
            )
        for name, value in (
            ("study_population", study.population),
            ("intervention", study.intervention),
            ("comparator", study.comparator),
            ("outcome", study.outcome),
        ):
            if value is not None:
                rows.append((text[name], value[self.language]))
        if source.published:
            rows.append((text["year"], source.published[:4]))
        items = "".join(f"<dt>{html_text(term)}</dt><dd>{rich_text(value)}</dd>\n" for term, value in rows)
        return self.part(page, f'<dl class="oxykb-study">\n{items}</dl>')

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
        contradicts = sorted(set(claim.contradicts) | self.contradicted_by[claim.id])
        related = sorted((set(claim.related) | self.related_from[claim.id]) - set(contradicts))
        supporting = [entry for entry in claim.sources if entry.role is QuoteRole.SUPPORT]
        as_made = [entry for entry in claim.sources if entry.role is QuoteRole.CLAIM_AS_MADE]
        behind = findings.studies_behind(self.kb, [claim])  # counted only from cited sources with study fields
        parts = _HTML.get_template("claim.html.j2").make_module(
            dict(
                t=self.text,
                lang=self.language,
                kb=self.kb,
                labels=labels,
                claim=claim,
                contradicting=contradicts,
                relating=related,
                supporting=supporting,
                claims_as_made=as_made,
                verdict=findings.verdict(claim, self.language),
                studies=findings.describe_studies(behind, self.language) if behind.any else "",
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
                answered=[(question, self.kb.answer_grade(question)) for question in self.answered_by(claim.id)],
            )
        )
        sections = [
            ("why", parts.why),
            ("as_made", as_made and parts.as_made),
            ("sources", supporting and parts.sources),
            ("cites", claim.cites and parts.cites),
            ("contradicts", contradicts and parts.contradicts),
            ("related", related and parts.related),
            ("questions", self.answered_by(claim.id) and parts.questions),
            ("details", parts.details),
            ("cite", parts.cite),
        ]
        return ClaimPage(
            id=claim.id,
            edit_path=claim.path,
            title=plain_text(claim.statement[self.language]),
            description=summary(plain_text(claim.rationale[self.language])),
            heading=rich_text(claim.statement[self.language]),
            intro=str(parts.intro()).strip(),
            sections=tuple((self.section_title(name), str(part()).strip()) for name, part in sections if part),
            breadcrumb=self.breadcrumb(
                urls.claim_url(claim.id),
                [(labels.CATEGORY[self.language][claim.category], urls.category_url(claim.category))],
                rich_text(claim.statement[self.language]),
            ),
        )

    def section_title(self, name: str) -> str:
        return self.question_text["on_claim_page"] if name == "questions" else self.text[name]

    def answered_by(self, claim_id: str) -> list[Question]:
        """The questions a claim helps answer, in id order, each once."""
        return list(dict.fromkeys(question for question, _ in self.questions_of[claim_id]))

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
            background_drawn=self.background_drawn([source.id]),
            drawn=ordered(self.kb.claims[i] for i in self.drawn_from[source.id]),
            citing=ordered(self.kb.claims[i] for i in self.cited_by[source.id]),
        )

    def question(self, question: Question) -> str:
        """A question's page: the answer and its grade first, then the evidence at a glance, myths, caveats and
        background. Its claim lists are HTML parts, so search finds the question by its words and each claim on its
        own page, not the question page by every claim it lists."""
        page = urls.question_page(question.id)
        html_parts = self.question_parts(urls.page_url(page))
        by_role = {role: [self.kb.claims[claim_id] for claim_id in question.with_role(role)] for role in Role}
        rows = [
            (entry.role, self.kb.claims[entry.claim])
            for entry in question.claims
            if entry.role in (Role.KEY_FINDING, Role.CAVEAT)
        ]
        sections = {
            "myths": by_role[Role.MYTH] and html_parts.myths(by_role[Role.MYTH]),
            "caveats": by_role[Role.CAVEAT] and html_parts.caveats(by_role[Role.CAVEAT]),
            "background": by_role[Role.BACKGROUND] and html_parts.background(by_role[Role.BACKGROUND]),
        }
        return self.page(
            "question.md.j2",
            page,
            question=question,
            q=self.question_text,
            front={"title": question.question[self.language], "description": question.answer[self.language]},
            boost=SEARCH_BOOST["question"],
            grade=self.kb.answer_grade(question),
            verdict=lower_first(findings.verdict(by_role[Role.KEY_FINDING][0], self.language)),
            summary=self.part(page, str(html_parts.summary(rows)).strip()),
            sections={name: self.part(page, str(part).strip()) if part else None for name, part in sections.items()},
            tags=[(tag, urls.tag_page(tag) if tag in self.by_tag else None) for tag in question.tags],
            citation_of_question=self.question_citation_line(question),
            heading_id=lambda name: Safe("{#" + anchor(name) + "}"),  # attr_list: a heading's id in any language
        )

    def question_parts(self, here: str):
        """The HTML parts of question pages and question lists, as seen from the page at URL `here`."""
        return _HTML.get_template("question.html.j2").make_module(
            dict(
                q=self.question_text,
                lang=self.language,
                labels=labels,
                urls=urls,
                link=lambda url: urls.relative_url(here, url),
                badge=self.badge,
                rich=rich_text,
                verdict=lambda claim: findings.verdict(claim, self.language),
                studies=lambda claim: self.studies_text(findings.studies_behind(self.kb, [claim])),
                claim_as_made=self.claim_as_made,
                answer_grade=self.kb.answer_grade,
            )
        )

    def studies_text(self, behind: findings.StudiesBehind) -> Safe:
        """ "3 studies, 412 participants; 1 animal study", or a dash (named for screen readers) when none is known."""
        words = self.question_text

        def count(forms: tuple[str, str], n: int) -> str:
            return forms[n != 1].format(n=n)

        pieces = []
        if behind.human_studies:
            piece = count(words["study"], behind.human_studies)
            if behind.participants and behind.participants_unknown:
                piece += ", " + words["at_least_participants"].format(n=behind.participants)
            elif not behind.participants_unknown:
                piece += ", " + count(words["participants"], behind.participants)
            pieces.append(piece)
        if behind.animal_studies:
            pieces.append(count(words["animal_studies"], behind.animal_studies))
        if not pieces:
            return Safe(
                f'<span aria-hidden="true">—</span><span class="oxykb-hidden">{html_text(words["no_studies"])}</span>'
            )
        return html_text("; ".join(pieces))

    def claim_as_made(self, claim: Claim) -> tuple[str, str] | None:
        """The first quote that shows an assertion as a document made it (which a myth rejects), as (text, language)."""
        for entry in claim.sources:
            if entry.role is QuoteRole.CLAIM_AS_MADE:
                if self.language == "en":
                    return entry.quote_en, "en"
                return entry.quote, self.kb.sources[entry.source].language
        return None

    def question_citation_line(self, question: Question) -> Safe:
        """Site. “Question” Evidence: grade. Last reviewed date. Stable address. As a claim's citation line."""
        return Safe(
            f"{markdown_text(labels.SITE[self.language]['site_name'])}. "
            f"“{markdown_text(question.question[self.language])}” {markdown_text(self.text['grade'])}: "
            f"{markdown_text(labels.GRADE[self.language][self.kb.answer_grade(question)])}. "
            f"{markdown_text(self.text['reviewed'])}: {markdown_text(self.date(question.reviewed))}. "
            f"{self.address(urls.question_url(question.id))}"
        )

    def question_list(self, page: str, questions: list[Question]) -> Safe:
        """Questions with the grade of each answer, as an HTML part of a Markdown page."""
        return self.part(page, str(self.question_parts(urls.page_url(page)).question_list(questions)).strip())

    def ordered_questions(self) -> list[Question]:
        """Questions alphabetically in the page's language, then by id."""
        return sorted(
            self.kb.questions.values(), key=lambda question: (question.question[self.language].casefold(), question.id)
        )

    def counts(self) -> dict:
        """Claims about oxytocin per category and grade: background claims are not its evidence."""
        table = {category: {grade: 0 for grade in Grade} for category in Category}
        for claim in findings.about_oxytocin(self.kb.claims.values()):
            table[claim.category][claim.grade] += 1
        return table

    def pages(self, hand_written: dict[str, str], today: datetime.date, only=None) -> dict[str, str]:
        """Every page but the claims' (or the Markdown pages `only` names, with the figures they draw)."""
        makers = self.page_makers(hand_written, today)
        pages = {path: make() for path, make in makers.items() if only is None or path in only}
        pages.update(self.figures)
        return pages

    def page_makers(self, hand_written: dict[str, str], today: datetime.date) -> dict[str, Callable[[], str]]:
        """How to make each page but the claims', by path: made only when called."""
        kb = self.kb
        questions = self.ordered_questions()
        makers = {
            urls.REPORT: lambda: self.report(today),
            urls.HOME: lambda: self.page(
                "home.md.j2",
                urls.HOME,
                intro=Safe(hand_written.get(urls.HOME, "")),
                counts=self.counts(),
                questions=questions and self.question_list(urls.HOME, questions[:HOME_QUESTIONS]),
            ),
            urls.QUESTIONS: lambda: self.page(
                "questions.md.j2",
                urls.QUESTIONS,
                q=self.question_text,
                questions=questions and self.question_list(urls.QUESTIONS, questions),
            ),
            urls.figure_file("scale"): lambda: figures.scale_legend(self.language),
            urls.EVIDENCE: lambda: self.page(
                "evidence.md.j2",
                urls.EVIDENCE,
                grade_totals={grade: sum(row[grade] for row in self.counts().values()) for grade in Grade},
            ),
            urls.OPEN_DATA: lambda: self.page(
                "open-data.md.j2", urls.OPEN_DATA, example=min(kb.claims) if kb.claims else None
            ),
            urls.TAGS: lambda: self.page(
                "tags.md.j2",
                urls.TAGS,
                by_tag=sorted(self.by_tag.items(), key=lambda item: self.tag_name(item[0]).casefold()),
            ),
            urls.SOURCES: lambda: self.page(
                "sources.md.j2",
                urls.SOURCES,
                drawn_from=self.drawn_from,
                cited_by=self.cited_by,
                source_counts=self.source_counts,
                documents=[s for s in kb.sources.values() if s.text is not None],
                background_drawn=self.background_drawn(s.id for s in kb.sources.values() if s.text is not None),
                studies=[s for s in kb.sources.values() if s.text is None],
            ),
        }
        for category in Category:
            makers[urls.category_page(category)] = functools.partial(self.category, category)
        for tag, claims in self.by_tag.items():
            makers[urls.tag_page(tag)] = functools.partial(
                self.page, "tag.md.j2", urls.tag_page(tag), tag=tag, claims=claims
            )
        for source in kb.sources.values():
            makers[urls.source_page(source.id)] = functools.partial(self.source, source)
        for question in kb.questions.values():
            makers[urls.question_page(question.id)] = functools.partial(self.question, question)
        for name, text in hand_written.items():
            if name != urls.HOME:
                makers[name] = functools.partial(str, text)
        return makers

    def report(self, today: datetime.date) -> str:
        made = editors_report.make(self.kb, today)
        self.in_report = frozenset(made.not_reviewed_for_a_year + made.single_weak_source + made.uncited_above_very_low)
        return self.page("report.md.j2", urls.REPORT, report=made)

    def category(self, category: Category) -> str:
        claims = ordered(claim for claim in self.kb.claims.values() if claim.category is category)
        page = urls.category_page(category)
        background = [claim for claim in claims if claim.background]
        return self.page(
            "category.md.j2",
            page,
            category=category,
            claims=findings.about_oxytocin(claims),
            background_claims=background,
        )


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
    `remember` keeps this render for the next one in this process (`oxykb serve`), which then renders again
    only the pages an edit touched (changes.py). `site_url` (the site root's) makes citations absolute.
    """
    today = today or build_date()
    renderer = _Renderer(kb, language, site_url)
    last = _LAST.pop((language, site_url), None) if remember else None
    if last is None:
        pages = renderer.pages(hand_written, today)
        rendered = Rendered(pages, renderer.parts, [renderer.claim(kb.claims[i]) for i in sorted(kb.claims)])
    else:
        changed = changes.between(last.kb, kb)
        if changed.every_page or (today, hand_written) != (last.today, last.hand_written):
            pages, parts = renderer.pages(hand_written, today), renderer.parts
        else:  # the pages that show what changed, the others as they were
            renderer.in_report = last.in_report
            report = {urls.REPORT} if changed.claims & last.in_report else set()
            again = renderer.pages(hand_written, today, only=changed.pages | report)
            pages = {**last.rendered.pages, **again}
            parts = {page: part for page, part in last.rendered.parts.items() if page not in again}
            parts.update(renderer.parts)
        kept = {page.id: page for page in last.rendered.claims}
        claims = [
            kept[i] if i in kept and i not in changed.claim_pages else renderer.claim(kb.claims[i])
            for i in sorted(kb.claims)
        ]
        rendered = Rendered(pages, parts, claims)
    if remember:
        _LAST[(language, site_url)] = _Render(kb, today, dict(hand_written), rendered, renderer.in_report)
    return rendered


class _Render(NamedTuple):
    kb: KnowledgeBase
    today: datetime.date
    hand_written: dict[str, str]
    rendered: Rendered
    in_report: frozenset[str]  # the claims the editors' report lists (by statement)


_LAST: dict[tuple[str, str | None], _Render] = {}  # the last render of each language and site_url, for serve


def build_date() -> datetime.date:
    """Today, or the day of SOURCE_DATE_EPOCH, so that reproducible builds stay reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return datetime.datetime.fromtimestamp(int(epoch), datetime.UTC).date() if epoch else datetime.date.today()
