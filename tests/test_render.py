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
from oxykb.model import Grade, Localized, Population, QuoteRole
from oxykb.publish import findings, labels, render

GOLDEN = TESTS / "golden"
PAGES = [
    "claims/nasal-spray-makes-people-social.html",
    "claims/nasal-spray-no-difference-to-trust.html",  # direction no-difference, a study with its fields counted
    "claims/cuddle-hormone-myth.html",  # a quote that is the claim as made
    "claims/stress-raises-heart-rate.html",  # a background claim
    "sources/doe-2020.md",  # a study's structured fields
    "sources/test-explainer.md",
    "studies/index.md",
    "tags/physiology.md",
    "index.md",
    "evidence.md",
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
            + f"{claim.breadcrumb}\n<h1>{claim.heading}</h1>\n{claim.intro}\n"
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
    assert "<title>Claims about oxytocin per category, by evidence grade</title>" in svg
    assert "\u2295\u2295\u2295\u2295 High" in svg  # symbol and word in the legend, not colour alone
    assert (
        "![Claims about oxytocin per category, by evidence grade. Facts: 1 high; Studies: 1 moderate, 1 very low; "
        in pages["index.md"]
    )
    assert "figures/scale.svg" in pages["evidence.md"]
    assert "](../figures/sources/test-explainer.svg)" in pages["sources/test-explainer.md"]
    assert (
        "Beweringen over oxytocine per categorie"
        in render.render(knowledge_base, "nl", {}).pages["figures/categories.svg"]
    )


def claim_page(kb, claim_id: str, language: str = "en", **options) -> render.ClaimPage:
    return next(page for page in render.render(kb, language, {}, **options).claims if page.id == claim_id)


def with_claim(kb, claim_id: str, **changes):
    claim = dataclasses.replace(kb.claims[claim_id], **changes)
    return dataclasses.replace(kb, claims={**kb.claims, claim_id: claim})


@pytest.mark.parametrize(
    "language, verdict",
    [("en", "Probably makes little or no difference."), ("nl", "Maakt waarschijnlijk weinig of geen verschil.")],
)
def test_the_verdict_stands_beside_the_badge(knowledge_base, language, verdict):
    """Certainty and direction together: a moderate no-difference finding reads as what it is."""
    page = claim_page(knowledge_base, "nasal-spray-no-difference-to-trust", language)
    assert page.intro.startswith('<p class="oxykb-grade-meaning"><span class="oxykb-grade oxykb-grade--moderate"')
    assert f'</span> <strong class="oxykb-verdict">{verdict}</strong>' in page.intro


@pytest.mark.parametrize(
    "language, section, direction",
    [
        ("en", "Details", "Direction of the evidence:</strong> Little or no difference"),
        ("nl", "Gegevens", "Richting van het bewijs:</strong> Weinig of geen verschil"),
    ],
)
def test_the_direction_is_a_detail_except_where_nothing_is_known(knowledge_base, language, section, direction):
    assert (
        direction in dict(claim_page(knowledge_base, "nasal-spray-no-difference-to-trust", language).sections)[section]
    )
    unsupported = dict(claim_page(knowledge_base, "cuddle-hormone-myth", language).sections)[section]
    assert direction.split(":")[0] not in unsupported  # no evidence, so no direction to show


@pytest.mark.parametrize(
    "language, title, notice",
    [
        (
            "en",
            "Background",
            "This claim is not about oxytocin itself; it is kept out of oxytocin&#39;s evidence counts.",
        ),
        (
            "nl",
            "Achtergrond",
            "Deze bewering gaat niet over oxytocine zelf; ze telt daarom niet mee in de tellingen van het bewijs over "
            "oxytocine.",
        ),
    ],
)
def test_a_background_claim_says_it_is_not_about_oxytocin(knowledge_base, language, title, notice):
    intro = claim_page(knowledge_base, "stress-raises-heart-rate", language).intro
    assert f'<p class="admonition-title">{title}</p>\n<p>{notice}</p>' in intro
    assert "admonition" not in claim_page(knowledge_base, "oxytocin-made-in-hypothalamus", language).intro


@pytest.mark.parametrize(
    "language, as_made, support",
    [
        ("en", "The claim as made", "Where this claim comes from"),
        ("nl", "De bewering zoals gedaan", "Waar deze bewering vandaan komt"),
    ],
)
def test_a_quote_that_makes_the_rejected_claim_is_shown_as_the_claim_as_made(
    knowledge_base, language, as_made, support
):
    page = claim_page(knowledge_base, "cuddle-hormone-myth", language)
    sections = dict(page.sections)
    assert [title for title, _ in page.sections][1:3] == [as_made, support]
    assert "Oxytocine komt alleen vrij als je knuffelt." in sections[as_made]
    assert "knuffelhormoon" in sections[support]
    assert "alleen vrij" not in sections[support]  # never among the supporting quotes


def test_a_claim_whose_every_quote_is_the_claim_as_made_has_no_supporting_quotes(knowledge_base):
    myth = knowledge_base.claims["cuddle-hormone-myth"]
    quotes = tuple(dataclasses.replace(q, role=QuoteRole.CLAIM_AS_MADE) for q in myth.sources)
    titles = [title for title, _ in claim_page(with_claim(knowledge_base, myth.id, sources=quotes), myth.id).sections]
    assert "The claim as made" in titles and "Where this claim comes from" not in titles


@pytest.mark.parametrize("language, shown", [("en", "No research"), ("nl", "Geen onderzoek")])
def test_population_none_says_there_is_no_research(knowledge_base, language, shown):
    kb = with_claim(knowledge_base, "cuddle-hormone-myth", population=Population.NONE)
    details = claim_page(kb, "cuddle-hormone-myth", language).sections[-2][1]
    assert f"</strong> {shown}</li>" in details


@pytest.mark.parametrize(
    "language, line",
    [("en", "In total:</strong> 1 study, 60 participants."), ("nl", "In totaal:</strong> 1 studie, 60 deelnemers.")],
)
def test_the_studies_behind_a_claim_are_counted_where_their_fields_are_known(knowledge_base, language, line):
    assert (
        line
        in dict(claim_page(knowledge_base, "nasal-spray-no-difference-to-trust", language).sections)[
            labels_text(language, "cites")
        ]
    )
    without = dataclasses.replace(knowledge_base.sources["doe-2020"], study=None)
    kb = dataclasses.replace(knowledge_base, sources={**knowledge_base.sources, "doe-2020": without})
    cites = dict(claim_page(kb, "nasal-spray-no-difference-to-trust", language).sections)[
        labels_text(language, "cites")
    ]
    assert "<strong>In total" not in cites and "<strong>In totaal" not in cites


def labels_text(language: str, key: str) -> str:
    return render.labels.TEXT[language][key]


@pytest.mark.parametrize(
    "behind, dutch, english",
    [
        (
            findings.StudiesBehind(3, 412, 1, 1, 60),
            "3 studies, 412 deelnemers (aantal deelnemers onbekend bij 1); 1 dierstudie, 60 dieren",
            "3 studies, 412 participants (participants not known for 1); 1 animal study, 60 animals",
        ),
        (
            findings.StudiesBehind(1, 0, 1, 0, 0),
            "1 studie (aantal deelnemers onbekend)",
            "1 study (number of participants not known)",
        ),
        (
            findings.StudiesBehind(2, 1234, 0, 2, 0, 2),
            "2 studies, 1.234 deelnemers; 2 dierstudies (aantal dieren onbekend)",
            "2 studies, 1,234 participants; 2 animal studies (number of animals not known)",
        ),
    ],
)
def test_study_counts_say_which_numbers_are_not_known(behind, dutch, english):
    assert (findings.describe_studies(behind, "nl"), findings.describe_studies(behind, "en")) == (dutch, english)


def test_a_claim_page_changes_when_a_cited_studys_fields_change(knowledge_base):
    """`oxykb serve` reuses claim pages whose inputs did not change: a cited source's study fields are inputs."""
    assert (
        "60 participants"
        in claim_page(knowledge_base, "nasal-spray-no-difference-to-trust", remember=True).sections[2][1]
    )
    doe = knowledge_base.sources["doe-2020"]
    bigger = dataclasses.replace(doe, study=dataclasses.replace(doe.study, participants=80))
    kb = dataclasses.replace(knowledge_base, sources={**knowledge_base.sources, "doe-2020": bigger})
    assert "80 participants" in claim_page(kb, "nasal-spray-no-difference-to-trust", remember=True).sections[2][1]


def test_study_fields_are_escaped_and_shown_only_for_studies(knowledge_base):
    doe = knowledge_base.sources["doe-2020"]
    hostile = dataclasses.replace(
        doe, study=dataclasses.replace(doe.study, outcome=Localized("<b>x</b>", "<script>x</script>"))
    )
    kb = dataclasses.replace(knowledge_base, sources={**knowledge_base.sources, "doe-2020": hostile})
    page = readable(render.render(kb, "en", {}), "sources/doe-2020.md")
    assert "<dt>Outcome</dt><dd>&lt;script&gt;x&lt;/script&gt;</dd>" in page
    assert "## The study" not in readable(render.render(kb, "en", {}), "sources/test-explainer.md")


NOTES = {
    "en": "Only claims about oxytocin are counted. 1 background claim is left out: a claim that is not about oxytocin "
    "itself (such as on PTSD treatment or the stress response). It is still listed on its own page.",
    "nl": "Alleen beweringen over oxytocine tellen mee. Er is 1 achtergrondbewering weggelaten: een bewering die niet "
    "over oxytocine zelf gaat (zoals over PTSS-behandeling of de stressreactie). Ze staat wel op haar eigen pagina.",
}


@pytest.mark.parametrize("language", ["en", "nl"])
def test_counts_and_figures_are_of_oxytocins_claims_and_say_what_they_leave_out(knowledge_base, language):
    """tests/kb has three high claims, one of them (a fact) background: every count and figure leaves it out."""
    rendered = render.render(knowledge_base, language, {})
    facts = render.labels.CATEGORY[language][render.Category.FACTS]
    grades = {grade: name.lower() for grade, name in render.labels.GRADE[language].items()}
    assert f"| [{facts}](facts/index.md) | 1 | 0 | 0 | 0 | 0 | 1 |" in readable(rendered, "index.md")
    high_row = next(
        line
        for line in readable(rendered, "evidence.md").splitlines()
        if line.startswith('| <span class="oxykb-grade oxykb-grade--high"')
    )
    assert high_row.endswith(" | 2 |")
    assert (
        f"Oxytocine, een testtekst: 2 {grades[Grade.HIGH]}, 1 {grades[Grade.MODERATE]}, 1 {grades[Grade.VERY_LOW]}, "
        f"1 {grades[Grade.UNSUPPORTED]}](../figures/sources.svg)" in readable(rendered, "sources/index.md")
    )
    assert "= 5</text>" in rendered.pages["figures/sources/test-explainer.svg"]  # of its six claims
    for page in ("index.md", "evidence.md", "sources/index.md", "sources/test-explainer.md", "report.md"):
        assert NOTES[language] in readable(rendered, page), page
    assert NOTES[language] not in readable(rendered, "sources/doe-2020.md")  # no background claim cites it


@pytest.mark.parametrize(
    "language, heading",
    [("en", "## Background: not about oxytocin itself (1)"), ("nl", "## Achtergrond: niet over oxytocine zelf (1)")],
)
def test_a_category_page_lists_background_claims_apart_after_oxytocins(knowledge_base, language, heading):
    rendered = render.render(knowledge_base, language, {})
    facts = readable(rendered, "facts/index.md")
    oxytocins, background = facts.split(heading)
    assert "stress-raises-heart-rate" in background and "stress-raises-heart-rate" not in oxytocins
    assert "## " + labels.GRADE_SYMBOL[Grade.HIGH] in oxytocins  # the grades above count oxytocin's claims only
    assert "### " + labels.GRADE_SYMBOL[Grade.HIGH] in background
    assert "background" not in readable(rendered, "studies/index.md").lower().replace("achtergrond", "background")


def test_the_evidence_page_follows_rubric_version_2(knowledge_base):
    for language in ("nl", "en"):
        assert "contradicted" not in render.labels.GRADE_MEANING[language][Grade.UNSUPPORTED]
        assert "weerlegd" not in render.labels.GRADE_MEANING[language][Grade.UNSUPPORTED]
    english = readable(render.render(knowledge_base, "en", {}), "evidence.md")
    dutch = readable(render.render(knowledge_base, "nl", {}), "evidence.md")
    assert "| ✕ Unsupported" not in english  # the grade's badge, not plain text, in the scale table
    assert "Moderate</span> | X probably does Y | X probably makes little or no difference to Y |" in english
    assert "Unsupported</span> | there is no good evidence that X does Y | — |" in english
    assert "Matig</span> | X doet waarschijnlijk Y | X maakt waarschijnlijk weinig of geen verschil voor Y |" in dutch
    assert "## Three things, kept apart" in english and "## Drie dingen die we uit elkaar houden" in dutch
    assert "## Background claims" in english and "## Achtergrondbeweringen" in dutch
    assert "in prairie voles" in english and "bij prairiewoelmuizen" in dutch
    assert "cannot be graded above very low" not in english  # version 1's cap by the witness is gone


@pytest.mark.parametrize(
    "text, description",
    [
        ("Short.", "Short."),
        ("word " * 40, ("word " * 31).strip() + "…"),  # cut between words, at most 160 characters
        ("a" * 200, "a" * 159 + "…"),
    ],
)
def test_a_claim_pages_description_is_at_most_160_characters(text, description):
    assert render.summary(" ".join(text.split())) == description
    assert len(render.summary(text)) <= 160


def _edit_claim(claim_id, **fields):
    def edit(kb):
        return dataclasses.replace(
            kb, claims={**kb.claims, claim_id: dataclasses.replace(kb.claims[claim_id], **fields)}
        )

    return edit


def _edit_quote_words(kb):
    claim = kb.claims["stress-raises-heart-rate"]
    quotes = (dataclasses.replace(claim.sources[0], quote_en="Other words."), *claim.sources[1:])
    return _edit_claim("stress-raises-heart-rate", sources=quotes)(kb)


def _without(claim_id):
    return lambda kb: dataclasses.replace(kb, claims={i: c for i, c in kb.claims.items() if i != claim_id})


# One edit of each kind an editor makes, on claims linked to others, cited in questions, tagged, quoting sources.
EDITS = {
    "a rationale": _edit_claim("stress-raises-heart-rate", rationale=Localized("Anders.", "Otherwise.")),
    "a rationale a question shows": _edit_claim(
        "oxytocin-made-in-hypothalamus", rationale=Localized("Anders.", "Otherwise.")
    ),  # a caveat
    "a statement of a linked claim": _edit_claim(
        "nasal-spray-makes-people-social", statement=Localized("Nieuwe bewering.", "A new statement.")
    ),
    "a statement the editors' report lists": _edit_claim(
        "stress-raises-heart-rate", statement=Localized("Nieuwe bewering.", "A new statement.")
    ),
    "a grade of a question's key finding": _edit_claim("nasal-spray-makes-people-social", grade=Grade.HIGH),
    "a related link": _edit_claim("stress-raises-heart-rate", related=("oxytocin-made-in-hypothalamus",)),
    "a related link removed": _edit_claim("oxytocin-made-in-hypothalamus", related=()),
    "tags": _edit_claim("stress-raises-heart-rate", tags=("physiology", "childbirth")),
    "a quote's words": _edit_quote_words,
    "a claim removed": _without("stress-raises-heart-rate"),
    "a source": lambda kb: dataclasses.replace(
        kb,
        sources={
            **kb.sources,
            "doe-2020": dataclasses.replace(kb.sources["doe-2020"], assessment=Localized("Anders.", "Otherwise.")),
        },
    ),
    "a tag's name": lambda kb: dataclasses.replace(kb, tags={**kb.tags, "physiology": Localized("Lijf", "Body")}),
}


@pytest.mark.parametrize("edit", EDITS)
def test_a_render_that_remembers_the_last_one_gives_what_a_fresh_render_gives(knowledge_base, edit):
    """`oxykb serve` renders again only what an edit touched (changes.py); the pages must be those of a full render."""
    site_url = f"https://example.org/{edit.replace(' ', '-')}/"  # a memory of its own
    day = render.build_date()
    render.render(knowledge_base, "en", {}, today=day, remember=True, site_url=site_url)
    edited = EDITS[edit](knowledge_base)
    again = render.render(edited, "en", {}, today=day, remember=True, site_url=site_url)
    assert again == render.render(edited, "en", {}, today=day, site_url=site_url)
    assert again != render.render(knowledge_base, "en", {}, today=day, site_url=site_url)  # the edit shows
