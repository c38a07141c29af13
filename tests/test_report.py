"""`oxykb report` in the terminal and on the site; `oxykb build` stays quiet when not on a terminal."""

import dataclasses
import datetime
import re

import pytest
from conftest import REPO, TINY_KB, run_oxykb

from oxykb.check import check
from oxykb.model import Grade
from oxykb.publish import report
from oxykb.publish.render import build_date


def test_report_in_the_terminal(tiny_kb):
    result = run_oxykb("report", str(tiny_kb))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:9] == [  # claims about oxytocin: the background fact is left out
        "category   high  moderate  low  very-low  unsupported  total",
        "---------  ----  --------  ---  --------  -----------  -----",
        "facts         1         0    0         0            0      1",
        "studies       0         1    0         1            0      2",
        "therapies     1         0    0         0            0      1",
        "risks         0         0    0         0            1      1",
        "total         2         1    0         1            1      5",
        "background claims (not about oxytocin) left out of the table: 1",
        "",
    ]
    assert "claims with a single low-reliability source and no cited study: 4" in result.stdout
    assert "sources no claim uses: 0" in result.stdout
    assert result.stdout.rstrip().endswith(
        "graded above very-low without cited evidence (cite it, or lower the grade): 3\n"
        "  oxytocin-causes-contractions\n"
        "  oxytocin-made-in-hypothalamus\n"
        "  stress-raises-heart-rate"
    )


def test_report_finds_stale_reviews_and_unused_sources():
    kb = check(TINY_KB).knowledge_base
    made = report.make(kb, datetime.date(2027, 11, 2))
    assert made.not_reviewed_for_a_year == sorted(kb.claims)
    assert report.make(kb, datetime.date(2027, 11, 1)).not_reviewed_for_a_year == []
    assert made.unused_sources == []
    assert made.single_weak_source == [
        "cuddle-hormone-myth",
        "oxytocin-causes-contractions",
        "oxytocin-made-in-hypothalamus",
        "stress-raises-heart-rate",
    ]
    assert made.background == ["stress-raises-heart-rate"]


def test_the_report_lists_grades_above_very_low_that_cite_nothing_strongest_first():
    """Rubric version 2: a grade above very-low rests on evidence in `cites`; the moderate claim cites its study."""
    kb = check(TINY_KB).knowledge_base
    made = report.make(kb, datetime.date(2027, 1, 1))
    assert made.uncited_above_very_low == [
        "oxytocin-causes-contractions",
        "oxytocin-made-in-hypothalamus",
        "stress-raises-heart-rate",
    ]
    moderate = dataclasses.replace(kb.claims["nasal-spray-no-difference-to-trust"], cites=())
    low = dataclasses.replace(moderate, id="a-low-claim", grade=Grade.LOW)
    kb = dataclasses.replace(kb, claims={**kb.claims, moderate.id: moderate, low.id: low})
    assert report.make(kb, datetime.date(2027, 1, 1)).uncited_above_very_low == [
        "oxytocin-causes-contractions",
        "oxytocin-made-in-hypothalamus",
        "stress-raises-heart-rate",
        "nasal-spray-no-difference-to-trust",
        "a-low-claim",
    ]


@pytest.mark.parametrize(
    "prefix, stale, weak, unused, uncited, left_out",
    [
        (
            "",
            "Beweringen die al meer dan twaalf maanden niet zijn beoordeeld",
            "Beweringen met één weinig betrouwbare bron en geen aangehaalde studie",
            "Bronnen die geen enkele bewering gebruikt",
            "Beweringen boven zeer laag zonder aangehaald bewijs",
            "Er zijn {count} achtergrondbeweringen weggelaten",
        ),
        (
            "en/",
            "Claims not reviewed in the last twelve months",
            "Claims with a single low-reliability source and no cited study",
            "Sources no claim uses",
            "Claims graded above very low without cited evidence",
            "{count} background claims are left out",
        ),
    ],
)
def test_report_page_in_both_languages(real_site, prefix, stale, weak, unused, uncited, left_out):
    """The page's sections are the report's lists, counted, with a link to each claim."""
    made = report.make(check(REPO).knowledge_base, build_date())
    page = (real_site / prefix / "report/index.html").read_text("utf-8")
    body = page[page.index("<article") :]
    assert re.findall(r"<h2 id=\"[^\"]*\">([^<]*)<", body) == [
        f"{stale} ({len(made.not_reviewed_for_a_year)})",
        f"{weak} ({len(made.single_weak_source)})",
        f"{unused} ({len(made.unused_sources)})",
        f"{uncited} ({len(made.uncited_above_very_low)})",
    ]
    assert left_out.format(count=len(made.background)) in body
    assert made.single_weak_source  # the real knowledge base has some: their links are checked
    assert made.uncited_above_very_low == []  # content v2 cited what every grade above very low rests on
    for claim_id in made.not_reviewed_for_a_year + made.single_weak_source + made.uncited_above_very_low:
        assert f'<a href="../claims/{claim_id}/">' in body


def test_build_prints_only_its_result_when_not_on_a_terminal(tiny_project):
    result = run_oxykb("build", str(tiny_project))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.startswith("built 6 claims in 2 languages")
