"""`oxykb report` in the terminal and on the site; `oxykb build` stays quiet when not on a terminal."""

import datetime
import re

import pytest
from conftest import REPO, TINY_KB, run_oxykb

from oxykb.check import check
from oxykb.publish import report
from oxykb.publish.render import build_date


def test_report_in_the_terminal(tiny_kb):
    result = run_oxykb("report", str(tiny_kb))
    assert result.exit_code == 0
    assert result.stdout.splitlines()[:8] == [
        "category   high  moderate  low  very-low  unsupported  total",
        "---------  ----  --------  ---  --------  -----------  -----",
        "facts         1         0    0         0            0      1",
        "studies       0         0    0         1            0      1",
        "therapies     1         0    0         0            0      1",
        "risks         0         0    0         0            1      1",
        "total         2         0    0         1            1      4",
        "",
    ]
    assert "claims with a single low-reliability source and no cited study: 3" in result.stdout
    assert "sources no claim uses: 0" in result.stdout


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
    ]


@pytest.mark.parametrize(
    "prefix, stale, weak, unused",
    [
        (
            "",
            "Beweringen die al meer dan twaalf maanden niet zijn beoordeeld",
            "Beweringen met één weinig betrouwbare bron en geen aangehaalde studie",
            "Bronnen die geen enkele bewering gebruikt",
        ),
        (
            "en/",
            "Claims not reviewed in the last twelve months",
            "Claims with a single low-reliability source and no cited study",
            "Sources no claim uses",
        ),
    ],
)
def test_report_page_in_both_languages(real_site, prefix, stale, weak, unused):
    """The page's sections are the report's lists, counted, with a link to each claim."""
    made = report.make(check(REPO).knowledge_base, build_date())
    page = (real_site / prefix / "report/index.html").read_text("utf-8")
    body = page[page.index("<article") :]
    assert re.findall(r"<h2 id=\"[^\"]*\">([^<]*)<", body) == [
        f"{stale} ({len(made.not_reviewed_for_a_year)})",
        f"{weak} ({len(made.single_weak_source)})",
        f"{unused} ({len(made.unused_sources)})",
    ]
    assert made.single_weak_source  # the real knowledge base has some, so the links below are checked
    for claim_id in made.not_reviewed_for_a_year + made.single_weak_source:
        assert f'<a href="../claims/{claim_id}/">' in body


def test_build_prints_only_its_result_when_not_on_a_terminal(tiny_project):
    result = run_oxykb("build", str(tiny_project))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.startswith("built 4 claims in 2 languages")
