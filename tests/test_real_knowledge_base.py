"""The real knowledge base: it checks clean, and it builds into the full bilingual site."""

import json

import pytest

from conftest import REPO
from oxykb.check import check


def test_the_knowledge_base_checks_clean():
    checked = check(REPO)
    assert [str(problem) for problem in checked.problems] == []
    assert len(checked.knowledge_base.claims) >= 150
    assert {source.id for source in checked.knowledge_base.sources.values() if source.text} == {
        "oxytocine-het-liefdeshormoon", "wat-is-oxytocine-knuffelhormoon", "ilive-oxytocine-vriendschapshormoon",
        "olff-oratie-ptss-oxytocine", "one-night-stands-oxytocine-vrouwen",
    }


def test_source_texts_are_the_seed_documents_byte_for_byte():
    seeds = REPO.parent / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("the seed documents live beside the repository, in ../shared/seeds")
    texts = {path.read_bytes() for path in (REPO / "claims/sources").glob("*.txt")}
    assert texts == {path.read_bytes() for path in seeds.glob("*.txt")}


def test_the_real_site_builds_in_both_languages(real_site):
    claims = check(REPO).knowledge_base.claims
    for claim_id in claims:
        assert (real_site / "claims" / claim_id / "index.html").is_file()
        assert (real_site / "en/claims" / claim_id / "index.html").is_file()
    for language, prefix in (("nl", ""), ("en", "en/")):
        index = json.loads((real_site / prefix / "search/search_index.json").read_text())
        assert index["config"]["lang"] == [language]
