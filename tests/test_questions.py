"""Question pages: a reader's question answered first, with the grade of its answer, then the evidence at a glance.

Rendered from the tiny knowledge base (tests/kb), whose question has one key finding (very low), one caveat
(high), one myth and one background claim; tests/golden holds the whole page in both languages.
"""

import dataclasses
import re
from html.parser import HTMLParser

import markdown
import pytest
import yaml
from conftest import TINY_KB

from oxykb.check import check
from oxykb.model import Localized, QuestionClaim, QuoteRole, Role, Study, StudyDesign
from oxykb.publish import render

QUESTION = "does-nasal-spray-make-people-social"
PAGE = f"questions/{QUESTION}.md"


@pytest.fixture(scope="module")
def knowledge_base():
    checked = check(TINY_KB)
    assert checked.problems == []
    return checked.knowledge_base


def with_parts(rendered: render.Rendered, page: str) -> str:
    text = rendered.pages[page]
    for index, part in enumerate(rendered.parts.get(page, [])):
        text = text.replace(render.part_mark(index), part)
    return text


def as_html(rendered: render.Rendered, page: str) -> str:
    """The page as the site's Markdown makes it (mkdocs.yml's extensions), its parts in place."""
    text = rendered.pages[page].split("---\n", 2)[2]
    converted = markdown.markdown(text, extensions=["admonition", "attr_list", "tables", "toc"])
    for index, part in enumerate(rendered.parts.get(page, [])):
        converted = converted.replace(render.part_mark(index), part)
    return converted


def front(rendered: render.Rendered, page: str) -> dict:
    return yaml.safe_load(rendered.pages[page].split("---\n")[1])


def rows(html: str) -> list[list[str]]:
    """The summary table's body as the text of each cell."""
    body = html.split("<tbody>")[1].split("</tbody>")[0]
    return [
        [" ".join(re.sub(r"<[^>]+>", " ", cell).split()) for cell in re.findall(r"<td[^>]*>(.*?)</td>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.DOTALL)
    ]


class Tags(HTMLParser):
    """Every element of a page, as (tag, attributes)."""

    def __init__(self, text):
        super().__init__()
        self.found = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.found.append((tag, dict(attrs)))


def replace_question(kb, **changes):
    question = dataclasses.replace(kb.questions[QUESTION], **changes)
    return dataclasses.replace(kb, questions={QUESTION: question})


def test_the_page_opens_with_the_answer_and_its_grade(knowledge_base):
    html = as_html(render.render(knowledge_base, "en", {}), PAGE)
    heading, rest = html.split("</h1>", 1)
    assert "Does an oxytocin nasal spray make people more sociable?" in heading
    first = rest.split("</p>", 1)[0].strip()
    assert first == (
        '<p class="oxykb-answer"><span class="oxykb-grade oxykb-grade--very-low" role="img" '
        'aria-label="Evidence: Very low">⊕◯◯◯ Very low</span> That is very uncertain: there is one small study.'
    )
    assert "The answer's grade is that of its key finding: very uncertain whether it is true." in html
    assert html.index("oxykb-answer") < html.index('id="evidence"') < html.index("<table")


def test_the_answer_has_the_grade_of_its_first_key_finding_not_the_strongest_claim(knowledge_base):
    """The caveat is graded high; the answer rests on the key finding, which is very low."""
    dutch = as_html(render.render(knowledge_base, "nl", {}), PAGE)
    assert re.search(r'<p class="oxykb-answer"><span class="oxykb-grade oxykb-grade--very-low"', dutch)
    assert (
        "Het bewijsniveau van het antwoord is dat van de belangrijkste bevinding: zeer onzeker of het klopt." in dutch
    )


def test_the_title_is_the_question_and_the_description_the_answer(knowledge_base):
    rendered = render.render(knowledge_base, "nl", {})
    assert front(rendered, PAGE) == {
        "title": "Maakt een oxytocine-neusspray mensen socialer?",
        "description": "Dat is zeer onzeker: er is één kleine studie.",
        "search": {"boost": render.SEARCH_BOOST["question"]},
    }
    assert render.SEARCH_BOOST["question"] > 1


def test_one_table_row_per_key_finding_and_caveat_in_the_files_order(knowledge_base):
    html = as_html(render.render(knowledge_base, "en", {}), PAGE)
    assert rows(html) == [
        [
            "It is very uncertain whether an oxytocin nasal spray makes people more sociable.",
            "Very uncertain whether it is true",
            "⊕◯◯◯ Very low",
            "1 study, 60 participants",
            "People",
        ],
        [
            "Caveat Oxytocin is made in the hypothalamus and released by the pituitary gland.",
            "True",
            "⊕⊕⊕⊕ High",
            "— No studies of known design",
            "People",
        ],
    ]
    assert '<a href="../../claims/nasal-spray-makes-people-social/">' in html  # each finding links to its claim
    assert '<th scope="col">Research in</th>' in html


def test_cells_carry_their_column_for_a_phone_where_rows_stack(knowledge_base):
    html = as_html(render.render(knowledge_base, "nl", {}), PAGE)
    labels = re.findall(r'<td data-label="([^"]+)">', html)
    assert labels[:5] == ["Bevinding", "Wat het bewijs zegt", "Bewijsniveau", "Studies", "Onderzoek bij"]


@pytest.mark.parametrize(
    "studies, shown",
    [
        ([Study(StudyDesign.RANDOMISED_TRIAL, participants=40)], "1 study, 40 participants"),
        (
            [Study(StudyDesign.RANDOMISED_TRIAL, participants=40), Study(StudyDesign.COHORT, participants=372)],
            "2 studies, 412 participants",
        ),
        ([Study(StudyDesign.META_ANALYSIS)], "1 study"),  # the number of participants is not known
        (
            [Study(StudyDesign.RANDOMISED_TRIAL, participants=40), Study(StudyDesign.COHORT)],
            "2 studies, at least 40 participants",
        ),
        ([Study(StudyDesign.ANIMAL, participants=24)], "1 animal study"),
        (
            [Study(StudyDesign.RANDOMISED_TRIAL, participants=1), Study(StudyDesign.ANIMAL)],
            "1 study, 1 participant; 1 animal study",
        ),
        ([Study(StudyDesign.NARRATIVE_REVIEW, participants=10)], "— No studies of known design"),  # not a study
    ],
)
def test_the_studies_column_counts_studies_and_participants(knowledge_base, studies, shown):
    doe = knowledge_base.sources["doe-2020"]
    sources = {
        f"study-{index}": dataclasses.replace(doe, id=f"study-{index}", study=s) for index, s in enumerate(studies)
    }
    claim = dataclasses.replace(knowledge_base.claims["nasal-spray-makes-people-social"], cites=tuple(sources))
    kb = dataclasses.replace(
        knowledge_base,
        sources={**knowledge_base.sources, **sources},
        claims={**knowledge_base.claims, claim.id: claim},
    )
    assert rows(as_html(render.render(kb, "en", {}), PAGE))[0][3] == shown


def test_myths_caveats_and_background_follow_the_table(knowledge_base):
    html = as_html(render.render(knowledge_base, "en", {}), PAGE)
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", html)
    assert headings == ["The evidence at a glance", "Myths", "Caveats", "Background", "About this question"]
    myths = html.split('id="myths"')[1].split("<h2")[0]
    assert "There is no good evidence that oxytocin is released only when cuddling." in myths
    assert '<a href="../../claims/cuddle-hormone-myth/">Why it is wrong</a>' in myths
    assert "Textbook physiology." in html.split('id="caveats"')[1].split("<h2")[0]  # why the caveat matters
    background = html.split('id="background"')[1].split("<h2")[0]
    assert '<a href="../../claims/oxytocin-causes-contractions/">Oxytocin brings on contractions.</a>' in background
    about = html.split('id="about"')[1]
    assert '<a href="../tags/intranasal-oxytocin.md">intranasal oxytocin</a>' in about
    assert "Last reviewed:</strong> 1 November 2026" in about
    assert (
        "Oxytocin knowledge base. “Does an oxytocin nasal spray make people more sociable?” Evidence: Very low. "
        "Last reviewed: 1 November 2026. Address on this site: <code>/en/questions/does-nasal-spray-make-people-social/"
        "</code>"
    ) in about


def test_a_question_without_myths_or_background_has_no_such_sections(knowledge_base):
    question = knowledge_base.questions[QUESTION]
    kb = replace_question(knowledge_base, claims=question.claims[:1])
    headings = re.findall(r"<h2[^>]*>(.*?)</h2>", as_html(render.render(kb, "en", {}), PAGE))
    assert headings == ["The evidence at a glance", "About this question"]


def test_a_myth_shows_what_people_claim_from_its_claim_as_made_quote(knowledge_base):
    myth = knowledge_base.claims["cuddle-hormone-myth"]
    quote = dataclasses.replace(myth.sources[0], role=QuoteRole.CLAIM_AS_MADE)
    kb = dataclasses.replace(
        knowledge_base, claims={**knowledge_base.claims, myth.id: dataclasses.replace(myth, sources=(quote,))}
    )
    english = as_html(render.render(kb, "en", {}), PAGE)
    assert '<strong>What people claim:</strong> <q lang="en">It is also called the &#34;cuddle hormone&#34;.</q>' in (
        english
    )
    dutch = as_html(render.render(kb, "nl", {}), PAGE)
    assert '<strong>Wat mensen beweren:</strong> <q lang="nl">Het wordt ook wel het &#39;knuffelhormoon&#39;' in dutch


HOSTILE = (
    '<script>alert(1)</script> [link](javascript:alert(1)) ![x](x.png) {: onclick="alert(1)"} '
    '--8<-- "/etc/passwd" `code` *em*\n---\ntitle: taken\n# heading'
)


@pytest.mark.parametrize("language", ["nl", "en"])
def test_hostile_question_and_answer_text_stays_text(knowledge_base, language):
    kb = replace_question(knowledge_base, question=Localized(HOSTILE, HOSTILE), answer=Localized(HOSTILE, HOSTILE))
    rendered = render.render(kb, language, {})
    html = as_html(rendered, PAGE)
    tags = Tags(html)
    assert {"script", "img", "hr"} & {tag for tag, _ in tags.found} == set()
    assert "<code>code</code>" not in html and "`code`" in html
    assert not [attrs for _, attrs in tags.found if any(name.startswith("on") for name in attrs)]
    assert not [attrs for _, attrs in tags.found if (attrs.get("href") or "").startswith("javascript")]
    assert [tag for tag, _ in tags.found].count("h1") == 1
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "<em>em</em>" in html
    meta = front(rendered, PAGE)
    assert set(meta) == {"title", "description", "search"}
    assert not any(character in meta["title"] + meta["description"] for character in '<>&"`*')
    for page in ("index.md", "questions/index.md"):  # the question in lists stays text too
        listed = with_parts(rendered, page)
        assert "<script" not in listed and "&lt;script&gt;" in listed, page
    claim_page = next(claim for claim in rendered.claims if claim.id == "nasal-spray-makes-people-social")
    assert "&lt;script&gt;" in "".join(part for _, part in claim_page.sections)


def test_questions_index_lists_every_question_with_its_answers_grade(knowledge_base):
    other = dataclasses.replace(
        knowledge_base.questions[QUESTION],
        id="another-question",
        question=Localized("Aaa, een tweede vraag?", "Aaa, a second question?"),
        claims=(QuestionClaim("oxytocin-made-in-hypothalamus", Role.KEY_FINDING),),  # graded high
    )
    kb = dataclasses.replace(knowledge_base, questions={**knowledge_base.questions, other.id: other})
    listed = with_parts(render.render(kb, "en", {}), "questions/index.md")
    items = re.findall(r"<li>(.*?)</li>", listed)
    assert items == [
        '<span class="oxykb-grade oxykb-grade--high" role="img" aria-label="Evidence: High">⊕⊕⊕⊕ High</span> '
        '<a href="another-question/">Aaa, a second question?</a>',
        '<span class="oxykb-grade oxykb-grade--very-low" role="img" aria-label="Evidence: Very low">⊕◯◯◯ Very low'
        f'</span> <a href="{QUESTION}/">Does an oxytocin nasal spray make people more sociable?</a>',
    ]


def test_the_home_page_leads_with_the_questions(knowledge_base):
    home = with_parts(render.render(knowledge_base, "nl", {"index.md": "# Welkom\n"}), "index.md")
    assert home.index("# Welkom") < home.index("## Vragen") < home.index("## Zo lees je een bewijsniveau")
    assert home.index("## Vragen") < home.index(
        "![Beweringen over oxytocine per categorie"
    )  # above the figure and counts
    assert f'<a href="questions/{QUESTION}/">Maakt een oxytocine-neusspray mensen socialer?</a>' in home
    assert "[Alle vragen](questions/index.md)" in home


def test_the_home_page_shows_a_few_questions_and_links_to_all(knowledge_base):
    many = {
        f"q-{index:02}": dataclasses.replace(
            knowledge_base.questions[QUESTION],
            id=f"q-{index:02}",
            question=Localized(f"Vraag {index:02}?", f"Q {index:02}?"),
        )
        for index in range(10)
    }
    home = with_parts(render.render(dataclasses.replace(knowledge_base, questions=many), "en", {}), "index.md")
    assert re.findall(r'href="questions/(q-\d+)/"', home) == [f"q-{index:02}" for index in range(render.HOME_QUESTIONS)]


def test_without_questions_the_home_page_has_no_questions_section(knowledge_base):
    kb = dataclasses.replace(knowledge_base, questions={})
    rendered = render.render(kb, "en", {})
    assert "## Questions" not in rendered.pages["index.md"]
    assert "None." in rendered.pages["questions/index.md"]  # the navigation's page still exists


def test_questions_follow_home_in_the_navigation():
    assert render.navigation("nl")[:2] == [{"Start": "index.md"}, {"Vragen": "questions/index.md"}]
    assert render.navigation("en")[:2] == [{"Home": "index.md"}, {"Questions": "questions/index.md"}]


def test_a_claim_page_lists_the_questions_it_helps_answer(knowledge_base):
    claims = {claim.id: dict(claim.sections) for claim in render.render(knowledge_base, "en", {}).claims}
    section = claims["oxytocin-made-in-hypothalamus"]["Questions this claim helps answer"]
    assert section == (
        '<ul class="oxykb-questions">\n'
        '<li><span class="oxykb-grade oxykb-grade--very-low" role="img" aria-label="Evidence: Very low">'
        f'⊕◯◯◯ Very low</span> <a href="../../questions/{QUESTION}/">'
        "Does an oxytocin nasal spray make people more sociable?</a></li>\n</ul>"
    )
    assert "Vragen die deze bewering helpt beantwoorden" in dict(
        render.render(knowledge_base, "nl", {}).claims[0].sections
    )
    assert "Questions this claim helps answer" in claims["oxytocin-causes-contractions"]  # background counts too


def test_a_remembered_claim_page_changes_with_the_questions_it_shows(knowledge_base):
    """`oxykb serve` reuses claim pages whose inputs did not change: a question's text and grade are inputs."""

    def section(kb):
        page = next(
            c for c in render.render(kb, "en", {}, remember=True).claims if c.id == "oxytocin-made-in-hypothalamus"
        )
        return dict(page.sections)["Questions this claim helps answer"]

    assert "more sociable?" in section(knowledge_base)
    renamed = replace_question(knowledge_base, question=Localized("Vraag?", "A renamed question?"))
    assert "A renamed question?" in section(renamed)
    key_finding = dataclasses.replace(knowledge_base.claims["nasal-spray-makes-people-social"], grade=render.Grade.LOW)
    regraded = dataclasses.replace(knowledge_base, claims={**knowledge_base.claims, key_finding.id: key_finding})
    assert "Evidence: Low" in section(regraded)
    page = next(
        claim
        for claim in render.render(dataclasses.replace(knowledge_base, questions={}), "en", {}, remember=True).claims
        if claim.id == "oxytocin-made-in-hypothalamus"
    )
    assert "Questions this claim helps answer" not in dict(page.sections)


def test_every_question_label_is_in_both_languages():
    from oxykb.model import Population
    from oxykb.publish import labels

    assert labels.QUESTION_TEXT["nl"].keys() == labels.QUESTION_TEXT["en"].keys()
    for language in ("nl", "en"):
        assert set(labels.POPULATION_SHORT[language]) == set(Population)
        assert labels.PAGE_TITLES[language]["questions"]
    assert labels.QUESTION_TEXT["nl"]["evidence"] != labels.QUESTION_TEXT["en"]["evidence"]
