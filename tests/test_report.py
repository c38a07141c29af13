"""`oxykb report` in the terminal and on the site; `oxykb build` stays quiet when not on a terminal."""

import datetime

from conftest import TINY_KB, run_oxykb
from oxykb.publish import report
from oxykb.check import check


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
    assert made.single_weak_source == ["cuddle-hormone-myth", "oxytocin-causes-contractions", "oxytocin-made-in-hypothalamus"]


def test_report_page_in_both_languages(real_site):
    assert "Redactierapport" in (real_site / "report/index.html").read_text()
    assert "Editors&#39; report" in (real_site / "en/report/index.html").read_text() or "Editors' report" in (real_site / "en/report/index.html").read_text()


def test_build_prints_only_its_result_when_not_on_a_terminal(tiny_project):
    result = run_oxykb("build", str(tiny_project))
    assert result.exit_code == 0
    assert result.stderr == ""
    assert result.stdout.startswith("built 4 claims in 2 languages")
