"""The real knowledge base: it checks clean, its source texts are the documents as delivered, and it builds the site."""

import hashlib
import json

from conftest import REPO

from oxykb.check import check


def test_the_knowledge_base_checks_clean():
    checked = check(REPO)
    assert [str(problem) for problem in checked.problems] == []
    assert len(checked.knowledge_base.claims) >= 150
    assert {source.id for source in checked.knowledge_base.sources.values() if source.text} == {
        "oxytocine-het-liefdeshormoon",
        "wat-is-oxytocine-knuffelhormoon",
        "ilive-oxytocine-vriendschapshormoon",
        "olff-oratie-ptss-oxytocine",
        "one-night-stands-oxytocine-vrouwen",
    }


# SHA-256 of the five documents the knowledge base was built from, as they were delivered (the seed documents,
# compared byte for byte on 2026-12-04). Quotes are checked against these texts, so they must stay as delivered.
SEED_DOCUMENTS = {
    "ilive-oxytocine-vriendschapshormoon.txt": "e398e3e0458d056aa12d88651682ccb9adbb156f67a9eaa8ccb0254eb2ced4dc",
    "olff-oratie-ptss-oxytocine.txt": "18e38cd6e9759e93adebc5bafc1a27120bc232522c905b1d02d806b9288b12b8",
    "one-night-stands-oxytocine-vrouwen.txt": "290724a0fe95796cd978ef6e802b30f2eaa7ad37b5da922e291e44e06adeac12",
    "oxytocine-het-liefdeshormoon.txt": "60cfd80e3189908dd00feb5b384f8b1f27149fada259c52da378e9e806db1256",
    "wat-is-oxytocine-knuffelhormoon.txt": "12d25cafe9650b4ee601fe658c8e6628874d265c90fd0bac40e6094af8623b8a",
}


def test_source_texts_are_the_seed_documents_byte_for_byte():
    texts = (REPO / "claims/sources").glob("*.txt")
    assert {path.name: hashlib.sha256(path.read_bytes()).hexdigest() for path in texts} == SEED_DOCUMENTS


def test_the_real_site_builds_in_both_languages(real_site):
    claims = check(REPO).knowledge_base.claims
    for claim_id in claims:
        assert (real_site / "claims" / claim_id / "index.html").is_file()
        assert (real_site / "en/claims" / claim_id / "index.html").is_file()
    for language, prefix in (("nl", ""), ("en", "en/")):
        index = json.loads((real_site / prefix / "search/search_index.json").read_text())
        assert index["config"]["lang"] == [language]
