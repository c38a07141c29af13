"""Golden tests: claims from tests/kb beside the exact pages they become, in both languages.

A claim page is HTML parts (filled into the site's frame); the golden file shows them in order.
Markdown pages show their HTML parts in place of the marks that stand for them.

Set OXYKB_UPDATE_GOLDEN=1 to rewrite the expected pages after a deliberate change, then review the diff.
"""

import dataclasses
import os

import markdown
import pytest
from conftest import TESTS, TINY_KB

from oxykb.check import check
from oxykb.model import Localized
from oxykb.publish import render

GOLDEN = TESTS / "golden"
PAGES = [
    "claims/nasal-spray-makes-people-social.html",
    "sources/doe-2020.md",
    "studies/index.md",
    "index.md",
    "questions/does-nasal-spray-make-people-social.md",
    "questions/index.md",
]


@pytest.fixture(scope="module")
def knowledge_base():
    checked = check(TINY_KB)
    assert checked.problems == []
    return checked.knowledge_base


def readable(rendered: render.Rendered, page: str) -> str:
    """A generated page as one text: a claim page's parts in order, or a Markdown page with its parts in place."""
    if page.startswith("claims/"):
        claim = next(claim for claim in rendered.claims if f"claims/{claim.id}.html" == page)
        head = f"title: {claim.title}\ndescription: {claim.description}\nedit: {claim.edit_path}\n"
        return (
            head
            + f"<h1>{claim.heading}</h1>\n{claim.intro}\n"
            + "".join(f"<h2>{title}</h2>\n{part}\n" for title, part in claim.sections)
        )
    text = rendered.pages[page]
    for index, part in enumerate(rendered.parts.get(page, [])):
        text = text.replace(render.part_mark(index), part)
    return text


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_rendered_page_matches_golden(knowledge_base, language, page):
    rendered = readable(render.render(knowledge_base, language, {"index.md": f"# intro {language}\n"}), page)
    expected = GOLDEN / language / page
    if os.environ.get("OXYKB_UPDATE_GOLDEN"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(rendered, "utf-8")
    assert rendered == expected.read_text("utf-8")


@pytest.mark.parametrize(
    "text, markdown",
    [
        ("plain words", "plain words"),
        ("*emphasis* stays", "*emphasis* stays"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("[click](javascript:alert(1))", "\\[click\\](javascript:alert(1))"),
        ("![image](x.png)", "!\\[image\\](x.png)"),
        ("e.g. 3.5 - 4 + 5", "e.g. 3.5 - 4 + 5"),
        ("# not a heading", "\\# not a heading"),
        ("- not a list", "\\- not a list"),
        ("* not a list", "\\* not a list"),
        ("1. not a list", "1\\. not a list"),
        ("text {: onclick=x }", "text \\{: onclick=x \\}"),
        ("a\n\n---\ntitle: x", "a --- title: x"),
        ("---\ntitle: x", "\\--- title: x"),
        ("+ not a list", "\\+ not a list"),
        ("`code` | pipe", "\\`code\\` \\| pipe"),
        ("&lt;b&gt;", "&amp;lt;b&amp;gt;"),
    ],
)
def test_claim_text_becomes_inert_markdown(text, markdown):
    assert render.markdown_text(text) == markdown


def test_titles_and_descriptions_cannot_open_markup():
    assert (
        render.plain_text('</title><script>"x" & y</script>')
        == "\u2039/title\u203a\u2039script\u203a\u201dx\u201d \uff06 y\u2039/script\u203a"
    )


@pytest.mark.parametrize(
    "text, html",
    [
        ("plain words", "plain words"),
        (
            "*emphasis* and _emphasis_ and **strong**",
            "<em>emphasis</em> and <em>emphasis</em> and <strong>strong</strong>",
        ),
        ("snake_case_names stay", "snake_case_names stay"),
        ("2 * 3 * 4", "2 * 3 * 4"),
        ("<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;"),
        ("a \"quoted\" & 'single'", "a &quot;quoted&quot; &amp; &#x27;single&#x27;"),
        ("[click](javascript:alert(1))", "[click](javascript:alert(1))"),
        ("one\n\n# line", "one # line"),
    ],
)
def test_claim_text_becomes_inert_html(text, html):
    assert render.rich_text(text) == html


@pytest.mark.parametrize(
    "text", ["*a* b", "_a_ b", "**a** b", "a *b c* d", "x_y_z", "2 * 3 * 4", "*a*_b_", "**a *b* c**"]
)
def test_emphasis_in_html_is_what_markdown_makes_of_it(text):
    """The same statement shows on claim pages (HTML) and in lists (Markdown): emphasis must agree."""
    from_markdown = markdown.markdown(render.markdown_text(text)).removeprefix("<p>").removesuffix("</p>")
    assert render.rich_text(text) == from_markdown


@pytest.mark.parametrize(
    "text, html",
    [
        ("**a **b**", "<strong>a **b</strong>"),  # a marker after a space cannot close
        ("*a *b* c", "<em>a *b</em> c"),
        ("a_b_ _c_", "a_b_ <em>c</em>"),  # nor can an underscore inside a word open or close
        ("_a_b_", "<em>a_b</em>"),
        ("**a** **b", "<strong>a</strong> **b"),
        ("*a *a *a", "*a *a *a"),  # openers without a closer stay as they are
    ],
)
def test_each_emphasis_opener_pairs_with_the_first_closer_after_it(text, html):
    assert render.rich_text(text) == html


def test_json_ld_cannot_close_its_script():
    assert "</script>" not in render.json_for_script({"name": "</script><script>alert(1)</script>"})


@pytest.mark.parametrize(
    "url, shown",
    [
        ("https://example.org/a b", "https://example.org/a%20b"),
        ("https://example.org/x)(y", "https://example.org/x%29%28y"),
        ("javascript:alert(1)", None),
        ("ftp://example.org", None),
    ],
)
def test_only_http_links_are_rendered(url, shown):
    assert render.http_url(url) == shown


def test_contradictions_show_on_both_claims(knowledge_base):
    claims = {claim.id: dict(claim.sections) for claim in render.render(knowledge_base, "en", {}).claims}
    assert "It is very uncertain whether" in claims["cuddle-hormone-myth"]["Contradicting claims"]
    assert (
        "There is no good evidence that oxytocin" in claims["nasal-spray-makes-people-social"]["Contradicting claims"]
    )


def test_claim_pages_have_only_the_sections_they_fill(knowledge_base):
    claims = {
        claim.id: [title for title, _ in claim.sections] for claim in render.render(knowledge_base, "en", {}).claims
    }
    assert claims["oxytocin-causes-contractions"] == [
        "Why this grade",
        "Where this claim comes from",
        "Related claims",
        "Questions this claim helps answer",  # as background to the tiny knowledge base's question
        "Details",
        "How to cite this claim",
    ]
    assert "Studies behind this claim" in claims["nasal-spray-makes-people-social"]


def test_category_pages_put_strongest_evidence_first(knowledge_base):
    weak = knowledge_base.claims["cuddle-hormone-myth"]
    strong = dataclasses.replace(
        weak, id="zz-strong", grade=render.Grade.HIGH, statement=Localized("Sterk.", "Strong.")
    )
    claims = dict(knowledge_base.claims, **{"zz-strong": strong})
    page = readable(render.render(dataclasses.replace(knowledge_base, claims=claims), "en", {}), "risks/index.md")
    assert page.index("zz-strong") < page.index("cuddle-hormone-myth")


def test_every_page_exists_in_both_languages(knowledge_base):
    dutch, english = render.render(knowledge_base, "nl", {}), render.render(knowledge_base, "en", {})
    assert set(dutch.pages) == set(english.pages)
    assert (
        [claim.id for claim in dutch.claims] == [claim.id for claim in english.claims] == sorted(knowledge_base.claims)
    )


def test_figures_are_static_svg_with_counts_and_a_text_alternative(knowledge_base):
    pages = render.render(knowledge_base, "en", {}).pages
    svg = pages["figures/categories.svg"]
    assert svg.startswith("<svg") and "<script" not in svg and "href" not in svg
    assert "<title>Claims per category, by evidence grade</title>" in svg
    assert "\u2295\u2295\u2295\u2295 High" in svg  # symbol and word in the legend, not colour alone
    assert "![Claims per category, by evidence grade. Facts: 1 high; Studies: 1 very low" in pages["index.md"]
    assert "figures/scale.svg" in pages["evidence.md"]
    assert "](../figures/sources/test-explainer.svg)" in pages["sources/test-explainer.md"]
    assert "Beweringen per categorie" in render.render(knowledge_base, "nl", {}).pages["figures/categories.svg"]
