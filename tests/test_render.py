"""Golden tests: a claim from tests/kb beside the exact Markdown page it becomes, in both languages.

Set OXYKB_UPDATE_GOLDEN=1 to rewrite the expected pages after a deliberate change, then review the diff.
"""

import dataclasses
import os

import pytest

from conftest import TESTS, TINY_KB
from oxykb import render
from oxykb.model import Localized
from oxykb.pipeline import check

GOLDEN = TESTS / "golden"
PAGES = ["claims/nasal-spray-makes-people-social.md", "sources/doe-2020.md", "studies/index.md", "index.md"]


@pytest.fixture(scope="module")
def knowledge_base():
    checked = check(TINY_KB)
    assert checked.problems == []
    return checked.knowledge_base


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("page", PAGES)
def test_rendered_page_matches_golden(knowledge_base, language, page):
    rendered = render.render(knowledge_base, language, {"index.md": f"# intro {language}\n"})[page]
    expected = GOLDEN / language / page
    if os.environ.get("OXYKB_UPDATE_GOLDEN"):
        expected.parent.mkdir(parents=True, exist_ok=True)
        expected.write_text(rendered, "utf-8")
    assert rendered == expected.read_text("utf-8")


@pytest.mark.parametrize("text, markdown", [
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
])
def test_claim_text_becomes_inert_markdown(text, markdown):
    assert render.markdown_text(text) == markdown


def test_titles_and_descriptions_cannot_open_markup():
    assert render.plain_text('</title><script>"x" & y</script>') == "\u2039/title\u203a\u2039script\u203a\u201dx\u201d \uff06 y\u2039/script\u203a"


def test_json_ld_cannot_close_its_script():
    assert "</script>" not in render.json_for_script({"name": "</script><script>alert(1)</script>"})


@pytest.mark.parametrize("url, shown", [
    ("https://example.org/a b", "https://example.org/a%20b"),
    ("https://example.org/x)(y", "https://example.org/x%29%28y"),
    ("javascript:alert(1)", None),
    ("ftp://example.org", None),
])
def test_only_http_links_are_rendered(url, shown):
    assert render.http_url(url) == shown


def test_contradictions_show_on_both_claims(knowledge_base):
    pages = render.render(knowledge_base, "en", {})
    assert "[It is very uncertain whether" in pages["claims/cuddle-hormone-myth.md"]
    assert "[There is no good evidence that oxytocin" in pages["claims/nasal-spray-makes-people-social.md"]


def test_category_pages_put_strongest_evidence_first(knowledge_base):
    weak = knowledge_base.claims["cuddle-hormone-myth"]
    strong = dataclasses.replace(weak, id="zz-strong", grade=render.Grade.HIGH, statement=Localized("Sterk.", "Strong."))
    claims = dict(knowledge_base.claims, **{"zz-strong": strong})
    page = render.render(dataclasses.replace(knowledge_base, claims=claims), "en", {})["risks/index.md"]
    assert page.index("zz-strong") < page.index("cuddle-hormone-myth")


def test_every_page_exists_in_both_languages(knowledge_base):
    assert set(render.render(knowledge_base, "nl", {})) == set(render.render(knowledge_base, "en", {}))


def test_figures_are_static_svg_with_counts_and_a_text_alternative(knowledge_base):
    pages = render.render(knowledge_base, "en", {})
    svg = pages["figures/categories.svg"]
    assert svg.startswith("<svg") and "<script" not in svg and "href" not in svg
    assert "<title>Claims per category, by evidence grade</title>" in svg
    assert "\u2295\u2295\u2295\u2295 High" in svg  # symbol and word in the legend, not colour alone
    assert "![Claims per category, by evidence grade. Facts: 1 high; Studies: 1 very low" in pages["index.md"]
    assert "figures/scale.svg" in pages["evidence.md"]
    assert "](../figures/sources/test-explainer.svg)" in pages["sources/test-explainer.md"]
    assert "Beweringen per categorie" in render.render(knowledge_base, "nl", {})["figures/categories.svg"]
