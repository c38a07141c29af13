"""Claim lists a reader can scan, and breadcrumbs: what render.py makes of category, tag and source pages.

A list is grouped by grade, strongest first, and within a grade by topic (the claim's first tag), in the
alphabetical order of the topics' names in the page's language, each group with its count. A long grade folds its
topics. Items keep their badge, say when a finding is not from research in people or is background, and leave out
the hedge that their grade's heading says once. Claim and source pages have a breadcrumb above their heading.
"""

import dataclasses
import re
import time

import pytest
from conftest import TINY_KB

from oxykb.check import check
from oxykb.model import Grade, Localized, Population
from oxykb.publish import labels, render


@pytest.fixture(scope="module")
def tiny():
    checked = check(TINY_KB)
    assert checked.problems == []
    return checked.knowledge_base


TAGS = {
    "anxiety": Localized("angst", "anxiety"),
    "birth": Localized("bevalling", "childbirth"),
    "women": Localized("vrouwen", "women"),
    "trust": Localized("vertrouwen", "trust"),
    "effects": Localized("\u00e9\u00e9n effect", "effects"),  # sorts with e, not after z
}


def with_claims(kb, *claims):
    """The tiny knowledge base with only these claims, all facts, and the tags above."""
    return dataclasses.replace(kb, claims={claim.id: claim for claim in claims}, questions={}, tags={**kb.tags, **TAGS})


def fact(kb, claim_id, grade, tags, nl="Een bewering.", en="A claim.", **fields):
    template = kb.claims["oxytocin-made-in-hypothalamus"]
    return dataclasses.replace(
        template,
        id=claim_id,
        grade=grade,
        tags=tuple(tags),
        statement=Localized(nl, en),
        related=(),
        contradicts=(),
        cites=(),
        **fields,
    )


def rendered_page(kb, language, page):
    """A Markdown page with its HTML parts in place of their marks."""
    rendered = render.render(kb, language, {})
    text = rendered.pages[page]
    for index, part in enumerate(rendered.parts.get(page, [])):
        text = text.replace(render.part_mark(index), part)
    return text


GROUP = re.compile(r"^#+ ([^\n]*) \{ data-search-exclude \}\n\n<div class=\"oxykb-topics\">\n(.*?)</div>$", re.M | re.S)
TOPIC = re.compile(
    r'<details class="oxykb-topic"( open)?>\n<summary>(.*?)</summary>\n<ul>\n(.*?)</ul>\n</details>', re.S
)
ITEM = re.compile(r'<li>(.*?)<a href="[^"]*claims/([a-z0-9-]+)/">(.*?)</a></li>')


def groups(page: str) -> list[tuple[str, list[tuple[str, bool, list[str]]]]]:
    """(grade heading, [(topic, open, [claim ids])]) in the order the page shows them."""
    return [
        (
            heading,
            [
                (summary, bool(opened), [claim_id for _, claim_id, _ in ITEM.findall(items)])
                for opened, summary, items in TOPIC.findall(topics)
            ],
        )
        for heading, topics in GROUP.findall(page)
    ]


def items(page: str) -> dict[str, tuple[str, str]]:
    """{claim id: (what precedes its link, the link's text)}."""
    return {claim_id: (before, text) for before, claim_id, text in ITEM.findall(page)}


# ---------------------------------------------------------------------------------------------------------------
# Grouping


def test_grades_come_strongest_first_and_topics_alphabetically_in_the_pages_language(tiny):
    kb = with_claims(
        tiny,
        fact(tiny, "weak-trust", Grade.VERY_LOW, ["trust"]),
        fact(tiny, "strong-women", Grade.HIGH, ["women", "anxiety"]),
        fact(tiny, "strong-anxiety", Grade.HIGH, ["anxiety"]),
        fact(tiny, "strong-birth", Grade.HIGH, ["birth"]),
        fact(tiny, "strong-effects", Grade.HIGH, ["effects"]),
        fact(tiny, "middling-anxiety", Grade.LOW, ["anxiety", "women"]),
    )
    assert groups(rendered_page(kb, "en", "facts/index.md")) == [
        (
            "\u2295\u2295\u2295\u2295 High (4)",
            [
                ("anxiety (1)", True, ["strong-anxiety"]),
                ("childbirth (1)", True, ["strong-birth"]),
                ("effects (1)", True, ["strong-effects"]),
                ("women (1)", True, ["strong-women"]),  # its first tag, not every tag
            ],
        ),
        ("\u2295\u2295\u25ef\u25ef Low (1)", [("anxiety (1)", True, ["middling-anxiety"])]),
        ("\u2295\u25ef\u25ef\u25ef Very low (1)", [("trust (1)", True, ["weak-trust"])]),
    ]
    dutch = groups(rendered_page(kb, "nl", "facts/index.md"))
    assert dutch[0][0] == "\u2295\u2295\u2295\u2295 Hoog (4)"
    assert [topic for topic, _, _ in dutch[0][1]] == [
        "angst (1)",
        "bevalling (1)",
        "\u00e9\u00e9n effect (1)",
        "vrouwen (1)",
    ]


def test_a_topic_lists_its_claims_alphabetically_by_what_they_show(tiny):
    kb = with_claims(
        tiny,
        fact(tiny, "a", Grade.VERY_LOW, ["trust"], en="It is very uncertain whether zebras trust.", nl="Zebra's."),
        fact(tiny, "b", Grade.VERY_LOW, ["trust"], en="Apes trust.", nl="Apen."),
        fact(tiny, "c", Grade.VERY_LOW, ["trust"], en="It is very uncertain whether bees trust.", nl="Bijen."),
    )
    assert groups(rendered_page(kb, "en", "facts/index.md"))[0][1] == [("trust (3)", True, ["b", "c", "a"])]


def test_a_tag_page_lists_claims_under_their_other_topics(tiny):
    kb = with_claims(
        tiny,
        fact(tiny, "trust-and-women", Grade.LOW, ["trust", "women"]),
        fact(tiny, "women-and-trust", Grade.LOW, ["women", "trust"]),
        fact(tiny, "only-trust", Grade.LOW, ["trust"]),
    )
    assert groups(rendered_page(kb, "en", "tags/trust.md")) == [
        (
            "\u2295\u2295\u25ef\u25ef Low (3)",
            [("trust (1)", True, ["only-trust"]), ("women (2)", True, ["trust-and-women", "women-and-trust"])],
        )
    ]


def test_a_claim_without_tags_is_listed_last_under_no_topic(tiny):
    kb = with_claims(tiny, fact(tiny, "untagged", Grade.LOW, []), fact(tiny, "tagged", Grade.LOW, ["women"]))
    assert [topic for topic, _, _ in groups(rendered_page(kb, "nl", "facts/index.md"))[0][1]] == [
        "vrouwen (1)",
        "zonder onderwerp (1)",
    ]


def test_source_pages_group_both_their_lists(tiny):
    page = rendered_page(tiny, "en", "sources/test-explainer.md")
    assert [heading for heading, _ in groups(page)] == [
        "\u2295\u2295\u2295\u2295 High (3)",
        "\u2295\u2295\u2295\u25ef Moderate (1)",
        "\u2295\u25ef\u25ef\u25ef Very low (1) \u2014 it is very uncertain whether \u2026",
        "\u2715 Unsupported (1) \u2014 there is no good evidence that \u2026",
    ]
    assert "### \u2295\u2295\u2295\u2295 High (3)" in page  # below "Claims drawn from this source"
    assert [heading for heading, _ in groups(rendered_page(tiny, "en", "sources/doe-2020.md"))] == [
        "\u2295\u2295\u2295\u25ef Moderate (1)",
        "\u2295\u25ef\u25ef\u25ef Very low (1) \u2014 it is very uncertain whether \u2026",
    ]


# ---------------------------------------------------------------------------------------------------------------
# Folding


def many(tiny, count, grade, tags=("trust",), prefix="c"):
    return [fact(tiny, f"{prefix}{index:03}", grade, tags) for index in range(count)]


def opened(page):
    return {heading.split(" (")[0]: {is_open for _, is_open, _ in topics} for heading, topics in groups(page)}


def test_a_list_of_at_most_ten_claims_shows_every_claim(tiny):
    kb = with_claims(tiny, *many(tiny, render.FOLD_LIST_ABOVE, Grade.LOW))
    assert opened(rendered_page(kb, "en", "facts/index.md")) == {"\u2295\u2295\u25ef\u25ef Low": {True}}


def test_a_longer_list_folds_the_topics_of_grades_of_more_than_four_claims(tiny):
    kb = with_claims(
        tiny,
        *many(tiny, render.FOLD_GRADE_ABOVE + 1, Grade.LOW, prefix="low"),
        *many(tiny, render.FOLD_GRADE_ABOVE, Grade.HIGH, prefix="high"),
        *many(tiny, 3, Grade.VERY_LOW, ("women",), prefix="weak"),
    )
    page = rendered_page(kb, "en", "facts/index.md")
    assert opened(page) == {
        "\u2295\u2295\u2295\u2295 High": {True},
        "\u2295\u2295\u25ef\u25ef Low": {False},
        "\u2295\u25ef\u25ef\u25ef Very low": {True},
    }
    assert "<summary>trust (5)</summary>" in page  # a folded topic says how many claims it holds


# ---------------------------------------------------------------------------------------------------------------
# The hedge, said once


@pytest.mark.parametrize(
    "language, grade, statement, shown",
    [
        ("nl", Grade.VERY_LOW, "Het is zeer onzeker of oxytocine-neusspray PTSS-klachten vermindert.", True),
        ("nl", Grade.UNSUPPORTED, "Er is geen goed bewijs dat knuffelen oxytocine vrijmaakt.", True),
        ("en", Grade.VERY_LOW, "It is very uncertain whether a nasal spray reduces PTSD symptoms.", True),
        ("en", Grade.UNSUPPORTED, "There is no good evidence that cuddling releases oxytocin.", True),
    ],
)
def test_a_statement_that_begins_with_its_grades_hedge_shows_the_rest(tiny, language, grade, statement, shown):
    hedge = labels.HEDGE[language][grade]
    kb = with_claims(tiny, fact(tiny, "hedged", grade, ["trust"], **{language: statement}))
    page = rendered_page(kb, language, "facts/index.md")
    heading = groups(page)[0][0]
    assert heading.endswith(f" \u2014 {hedge[0].lower()}{hedge[1:].strip()} \u2026")
    before, text = items(page)["hedged"]
    rest = statement.removeprefix(hedge)
    # seen: an ellipsis and the rest; heard (screen readers): the whole statement, the ellipsis hidden
    assert text == f'<span class="oxykb-hidden">{hedge}</span><span aria-hidden="true">\u2026 </span>{rest}'
    assert labels.GRADE[language][grade] in before  # the item keeps its badge


@pytest.mark.parametrize(
    "grade, statement",
    [
        (Grade.VERY_LOW, "Some say it is very uncertain whether oxytocin helps."),  # contains the phrase only
        (Grade.VERY_LOW, "it is very uncertain whether oxytocin helps."),  # not the exact phrase (case)
        (Grade.VERY_LOW, "It is very uncertain how often oxytocin helps."),
        (Grade.VERY_LOW, "It is very uncertain whether, in voles, oxytocin helps."),  # no space after the phrase
        (Grade.LOW, "It is very uncertain whether oxytocin helps."),  # another grade's hedge
        (Grade.VERY_LOW, "There is no good evidence that oxytocin helps."),
        (Grade.UNSUPPORTED, "It is very uncertain whether oxytocin helps."),
    ],
)
def test_a_statement_without_its_grades_exact_hedge_shows_in_full(tiny, grade, statement):
    kb = with_claims(tiny, fact(tiny, "unhedged", grade, ["trust"], en=statement))
    page = rendered_page(kb, "en", "facts/index.md")
    assert items(page)["unhedged"][1] == statement
    assert "\u2014" not in groups(page)[0][0]  # no item left the hedge to the heading


def test_a_grade_says_its_hedge_once_even_when_some_statements_show_in_full(tiny):
    kb = with_claims(
        tiny,
        fact(tiny, "hedged", Grade.VERY_LOW, ["trust"], en="It is very uncertain whether bees trust."),
        fact(tiny, "in-full", Grade.VERY_LOW, ["trust"], en="It is very uncertain how often bees trust."),
    )
    page = rendered_page(kb, "en", "facts/index.md")
    assert page.count("it is very uncertain whether \u2026") == 1
    assert items(page)["in-full"][1] == "It is very uncertain how often bees trust."
    assert items(page)["hedged"][1].endswith("\u2026 </span>bees trust.")


def test_claim_pages_keep_their_full_statements(tiny):
    claim = next(page for page in render.render(tiny, "en", {}).claims if page.id == "nasal-spray-makes-people-social")
    assert claim.heading.startswith("It is very uncertain whether ")
    assert claim.title.startswith("It is very uncertain whether ")


# ---------------------------------------------------------------------------------------------------------------
# Markers


@pytest.mark.parametrize(
    "population, background, dutch, english",
    [
        (Population.ANIMAL, False, ["dieren"], ["animals"]),
        (Population.IN_VITRO, False, ["in vitro"], ["in vitro"]),
        (Population.NONE, False, ["geen onderzoek"], ["no research"]),
        (Population.HUMAN, False, [], []),
        (Population.MIXED, False, [], []),
        (Population.HUMAN, True, ["achtergrond"], ["background"]),
        (Population.ANIMAL, True, ["dieren", "achtergrond"], ["animals", "background"]),
    ],
)
def test_items_mark_findings_not_from_people_and_background_claims(tiny, population, background, dutch, english):
    kb = with_claims(tiny, fact(tiny, "marked", Grade.LOW, ["trust"], population=population, background=background))
    for language, expected in (("nl", dutch), ("en", english)):
        before, _ = items(rendered_page(kb, language, "facts/index.md"))["marked"]
        assert re.findall(r'<span class="oxykb-marker" title="[^"]+">([^<]*)</span>', before) == expected


def test_a_marker_names_the_kind_of_research_in_full_as_its_title(tiny):
    kb = with_claims(tiny, fact(tiny, "vole", Grade.LOW, ["trust"], population=Population.ANIMAL))
    before, _ = items(rendered_page(kb, "nl", "facts/index.md"))["vole"]
    assert '<span class="oxykb-marker" title="Dieronderzoek">dieren</span>' in before


# ---------------------------------------------------------------------------------------------------------------
# Hostile text


def test_hostile_statements_and_tag_names_stay_text_in_lists(tiny):
    hostile = 'It is very uncertain whether </a><script>alert("x")</script> & <img src=x onerror=alert(1)> *works*'
    kb = with_claims(tiny, fact(tiny, "hostile", Grade.VERY_LOW, ["evil"], en=hostile))
    kb = dataclasses.replace(kb, tags={**kb.tags, "evil": Localized("<b>kwaad</b>", '</summary><script>"x"')})
    page = rendered_page(kb, "en", "facts/index.md")
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    assert items(page)["hostile"][1] == (
        '<span class="oxykb-hidden">It is very uncertain whether </span><span aria-hidden="true">\u2026 </span>'
        "&lt;/a&gt;&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt; "
        "<em>works</em>"
    )
    assert "<summary>&lt;/summary&gt;&lt;script&gt;&quot;x&quot; (1)</summary>" in page


def test_a_statement_cannot_break_the_grade_heading(tiny):
    """The heading is written by oxykb (grade, count, hedge); editor text never reaches it."""
    kb = with_claims(tiny, fact(tiny, "x", Grade.VERY_LOW, ["trust"], en="It is very uncertain whether {: .x } #"))
    assert groups(rendered_page(kb, "en", "facts/index.md"))[0][0] == (
        "\u2295\u25ef\u25ef\u25ef Very low (1) \u2014 it is very uncertain whether \u2026"
    )


def test_ten_thousand_claims_are_grouped_in_linear_time(tiny):
    """The benchmark's size: no template call per claim, so a category page of 10,000 claims takes well under a
    second (and twice the claims about twice the time)."""
    topics = list(TAGS)

    def timed(count):
        claims = [
            fact(
                tiny,
                f"c{index:05}",
                list(Grade)[index % 5],
                [topics[index % 5]],
                en=f"It is very uncertain whether {index}.",
            )
            for index in range(count)
        ]
        renderer = render._Renderer(with_claims(tiny, *claims), "en")
        start = time.perf_counter()
        groups = renderer.grade_groups(claims, "facts/index.md")
        return time.perf_counter() - start, groups, renderer

    small, _, _ = timed(5_000)
    large, grouped, renderer = timed(10_000)
    assert len(grouped) == 5 and sum(part.count("<li>") for part in renderer.parts["facts/index.md"]) == 10_000
    assert large < 1.0 and large < 4 * small + 0.05, (small, large)


# ---------------------------------------------------------------------------------------------------------------
# Breadcrumbs


@pytest.mark.parametrize(
    "language, crumbs",
    [
        (
            "nl",
            '<nav class="oxykb-breadcrumb" aria-label="Kruimelpad"><ol><li><a href="../../">Start</a></li>'
            '<li><a href="../../studies/">Studies</a></li><li aria-current="page">Het is zeer onzeker of een '
            "neusspray met oxytocine mensen socialer maakt.</li></ol></nav>",
        ),
        (
            "en",
            '<nav class="oxykb-breadcrumb" aria-label="Breadcrumb"><ol><li><a href="../../">Home</a></li>'
            '<li><a href="../../studies/">Studies</a></li><li aria-current="page">It is very uncertain whether an '
            "oxytocin nasal spray makes people more sociable.</li></ol></nav>",
        ),
    ],
)
def test_a_claim_page_has_a_breadcrumb_home_category_claim(tiny, language, crumbs):
    claim = next(
        page for page in render.render(tiny, language, {}).claims if page.id == "nasal-spray-makes-people-social"
    )
    assert claim.breadcrumb == crumbs


@pytest.mark.parametrize(
    "language, crumbs",
    [
        (
            "nl",
            '<nav class="oxykb-breadcrumb" aria-label="Kruimelpad"><ol><li><a href="../../">Start</a></li>'
            '<li><a href="../">Bronnen</a></li><li aria-current="page">Doe e.a., 2020</li></ol></nav>',
        ),
        (
            "en",
            '<nav class="oxykb-breadcrumb" aria-label="Breadcrumb"><ol><li><a href="../../">Home</a></li>'
            '<li><a href="../">Sources</a></li><li aria-current="page">Doe e.a., 2020</li></ol></nav>',
        ),
    ],
)
def test_a_source_page_opens_with_a_breadcrumb_home_sources_source(tiny, language, crumbs):
    page = rendered_page(tiny, language, "sources/doe-2020.md")
    body = page.split("---\n", 2)[2]
    assert body.startswith(crumbs + "\n\n# Doe e.a., 2020\n")


def test_breadcrumbs_escape_what_editors_wrote(tiny):
    source = dataclasses.replace(tiny.sources["doe-2020"], title='</li><script>"x"</script>')
    claim = dataclasses.replace(tiny.claims["oxytocin-causes-contractions"], statement=Localized("<i>x</i> *y*", "z"))
    kb = dataclasses.replace(
        tiny, sources={**tiny.sources, "doe-2020": source}, claims={**tiny.claims, claim.id: claim}
    )
    page = rendered_page(kb, "nl", "sources/doe-2020.md")
    assert '<li aria-current="page">&lt;/li&gt;&lt;script&gt;&quot;x&quot;&lt;/script&gt;</li>' in page
    crumbs = next(page for page in render.render(kb, "nl", {}).claims if page.id == claim.id).breadcrumb
    assert crumbs.endswith('<li aria-current="page">&lt;i&gt;x&lt;/i&gt; <em>y</em></li></ol></nav>')


@pytest.mark.parametrize(
    "language, crumbs, heading",
    [
        (
            "nl",
            '<nav class="oxykb-breadcrumb" aria-label="Kruimelpad"><ol><li><a href="../../">Start</a></li>'
            '<li><a href="../">Vragen</a></li><li aria-current="page">Maakt een oxytocine-neusspray mensen socialer?'
            "</li></ol></nav>",
            "# Maakt een oxytocine-neusspray mensen socialer?\n",
        ),
        (
            "en",
            '<nav class="oxykb-breadcrumb" aria-label="Breadcrumb"><ol><li><a href="../../">Home</a></li>'
            '<li><a href="../">Questions</a></li><li aria-current="page">Does an oxytocin nasal spray make people '
            "more sociable?</li></ol></nav>",
            "# Does an oxytocin nasal spray make people more sociable?\n",
        ),
    ],
)
def test_a_question_page_opens_with_a_breadcrumb_home_questions_question(tiny, language, crumbs, heading):
    page = rendered_page(tiny, language, "questions/does-nasal-spray-make-people-social.md")
    body = page.split("---\n", 2)[2]
    assert body.startswith(crumbs + "\n" + heading)


def test_the_breadcrumb_hook_takes_any_trail(tiny):
    """Home, then the trail, then the page's name, escaped; as an HTML part of a Markdown page."""
    renderer = render._Renderer(tiny, "en")
    crumbs = renderer.breadcrumb("topics/why/", [("Topics", "topics/")], render.html_text("Why & how?"))
    assert crumbs == (
        '<nav class="oxykb-breadcrumb" aria-label="Breadcrumb"><ol><li><a href="../../">Home</a></li>'
        '<li><a href="../">Topics</a></li><li aria-current="page">Why &amp; how?</li></ol></nav>'
    )
    mark = renderer.breadcrumb_part("topics/why.md", [("Topics", "topics/")], "Why & how?")
    assert mark == render.part_mark(0) and renderer.parts["topics/why.md"] == [crumbs]
