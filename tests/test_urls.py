"""The site's one URL scheme (oxykb/urls.py): ids in, the addresses readers and open data see out."""

import pytest

from oxykb import urls
from oxykb.model import Category


def test_pages_of_the_docs_folder_and_where_they_are_published():
    assert [urls.page_url(page) for page in (urls.HOME, urls.EVIDENCE, urls.SOURCES, urls.TAGS, urls.REPORT)] == [
        "",
        "evidence/",
        "sources/",
        "tags/",
        "report/",
    ]
    assert (urls.source_page("doe-2020"), urls.source_url("doe-2020")) == ("sources/doe-2020.md", "sources/doe-2020/")
    assert (urls.category_page(Category.RISKS), urls.category_url(Category.RISKS)) == ("risks/index.md", "risks/")
    assert (urls.tag_page("voles"), urls.tag_url("voles")) == ("tags/voles.md", "tags/voles/")
    assert urls.claim_url("oxytocin-is-a-peptide") == "claims/oxytocin-is-a-peptide/"
    assert urls.figure_file("sources/doe-2020") == "figures/sources/doe-2020.svg"


def test_questions_have_an_index_and_a_page_each():
    assert (urls.QUESTIONS, urls.page_url(urls.QUESTIONS)) == ("questions/index.md", "questions/")
    assert (urls.question_page("does-it-help"), urls.question_url("does-it-help")) == (
        "questions/does-it-help.md",
        "questions/does-it-help/",
    )
    assert urls.address("en", urls.question_url("does-it-help")) == "en/questions/does-it-help/"


def test_no_hand_written_page_may_take_a_generated_name():
    assert {"questions", "claims", "sources", "tags", "evidence", "facts", "en", "search"} <= urls.taken_names()


def test_dutch_at_the_root_and_english_below_en():
    assert urls.claim_addresses("a-claim") == {"nl": "claims/a-claim/", "en": "en/claims/a-claim/"}
    assert [urls.address(language, "evidence/") for language in ("nl", "en")] == ["evidence/", "en/evidence/"]


@pytest.mark.parametrize(
    "from_url, to_url, link",
    [
        ("claims/a/", "claims/b/", "../b/"),  # a claim page links to its neighbours
        ("claims/a/", "sources/doe-2020/", "../../sources/doe-2020/"),
        ("claims/a/", "evidence/", "../../evidence/"),
        ("risks/", "claims/a/", "../claims/a/"),
        ("", "claims/a/", "claims/a/"),  # from the home page
        ("tags/voles/", "tags/", "../"),
        ("open-data/", "claims.json", "../claims.json"),
    ],
)
def test_links_between_published_urls_are_relative(from_url, to_url, link):
    assert urls.relative_url(from_url, to_url) == link


def test_links_between_docs_pages_go_through_the_docs_root():
    assert urls.page_link("sources/doe-2020.md", urls.SOURCES) == "../sources/index.md"
    assert urls.page_link(urls.HOME, urls.EVIDENCE) == "evidence.md"
