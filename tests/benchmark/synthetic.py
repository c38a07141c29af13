"""Synthetic, valid, realistic knowledge bases of any size, for the benchmark and scale tests.

Deterministic for a given size and seed: bilingual statements and rationales,
quotes cut from generated Dutch source texts (so they verify), citations of
generated studies, related and contradicting claims, tags with both names.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

NL_WORDS = (
    "oxytocine hormoon hersenen bevalling borstvoeding vertrouwen binding stress angst onderzoek studie "
    "deelnemers effect neusspray hypothalamus hypofyse receptor gedrag sociaal vriendschap relatie baarmoeder "
    "weeën moeder kind partner lichaam bloed speeksel meting verschil vrouwen mannen dieren prairiewoelmuizen "
    "beloning liefde knuffel aanraking herstel trauma behandeling therapie risico bijwerking dosis"
).split()
EN_WORDS = (
    "oxytocin hormone brain childbirth breastfeeding trust bonding stress anxiety research study participants "
    "effect nasal spray hypothalamus pituitary receptor behaviour social friendship relationship uterus "
    "contractions mother child partner body blood saliva measurement difference women men animals voles "
    "reward love cuddle touch recovery trauma treatment therapy risk side effect dose"
).split()
GRADES = ["high", "moderate", "low", "very-low", "unsupported"]
CATEGORIES = ["facts", "studies", "therapies", "risks"]
TAGS = {f"topic-{i:02d}": (f"onderwerp {i}", f"topic {i}") for i in range(40)}


def sentence(rng: random.Random, words, length: int) -> str:
    chosen = [rng.choice(words) for _ in range(length)]
    return " ".join(chosen).capitalize() + "."


def yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a valid double-quoted YAML scalar


def generate(root: Path, claims: int, seed: int = 1) -> Path:
    """Writes a whole project (claims/, content/, mkdocs.yml) with `claims` claims under root."""
    rng = random.Random(seed)
    repo = Path(__file__).resolve().parents[2]
    if root.exists():
        shutil.rmtree(root)
    (root / "claims" / "sources").mkdir(parents=True)
    for category in CATEGORIES:
        (root / "claims" / category).mkdir()
    shutil.copytree(repo / "content", root / "content")
    shutil.copy(repo / "mkdocs.yml", root / "mkdocs.yml")
    (root / "claims" / "tags.yaml").write_text(
        "".join(f"{tag}: {{nl: {yaml_string(nl)}, en: {yaml_string(en)}}}\n" for tag, (nl, en) in TAGS.items()), "utf-8"
    )

    documents = max(5, claims // 25)
    sentences: dict[str, list[str]] = {}
    for index in range(documents):
        source_id = f"document-{index:05d}"
        lines = [sentence(rng, NL_WORDS, rng.randint(8, 16)) for _ in range(40)]
        sentences[source_id] = lines
        (root / "claims/sources" / f"{source_id}.txt").write_text("\n".join(lines) + "\n", "utf-8")
        (root / "claims/sources" / f"{source_id}.yaml").write_text(
            f"title: {yaml_string('Document ' + str(index) + ' over oxytocine')}\nkind: blog\nlanguage: nl\n"
            f'published: "2025-0{1 + index % 9}"\nurl: "https://example.org/documents/{index}"\nreliability: low\n'
            f"assessment:\n  nl: {yaml_string(sentence(rng, NL_WORDS, 14))}\n"
            f"  en: {yaml_string(sentence(rng, EN_WORDS, 14))}\n",
            "utf-8",
        )
    studies = max(3, claims // 50)
    for index in range(studies):
        (root / "claims/sources" / f"study-{index:05d}.yaml").write_text(
            f'cited_as: "Auteur e.a., {2000 + index % 25}"\ntitle: {yaml_string(sentence(rng, EN_WORDS, 9))}\nkind: '
            f"journal-article\n"
            f'journal: "Journal of Synthetic Research"\nauthors: ["A. Author", "B. Author"]\nlanguage: en\n'
            f'published: "{2000 + index % 25}"\ndoi: "10.5555/synthetic.{index}"\nreliability: moderate\n'
            f"assessment:\n  nl: {yaml_string(sentence(rng, NL_WORDS, 12))}\n"
            f"  en: {yaml_string(sentence(rng, EN_WORDS, 12))}\n",
            "utf-8",
        )

    ids = [f"claim-{index:06d}" for index in range(claims)]
    for index, claim_id in enumerate(ids):
        source_id = f"document-{rng.randrange(documents):05d}"
        quote = rng.choice(sentences[source_id])
        related = sorted({rng.choice(ids) for _ in range(rng.randint(0, 3))} - {claim_id})
        contradicts = sorted({rng.choice(ids) for _ in range(rng.randint(0, 1))} - {claim_id} - set(related))
        text = [
            f"statement:\n  nl: {yaml_string(sentence(rng, NL_WORDS, 12))}\n"
            f"  en: {yaml_string(sentence(rng, EN_WORDS, 12))}",
            f"grade: {GRADES[index % 5]}",
            f"rationale:\n  nl: {yaml_string(' '.join(sentence(rng, NL_WORDS, 15) for _ in range(3)))}\n"
            f"  en: {yaml_string(' '.join(sentence(rng, EN_WORDS, 15) for _ in range(3)))}",
            f"population: {'animal' if index % 7 == 0 else 'human'}",
            f"sources:\n  - source: {source_id}\n    quote: {yaml_string(quote)}\n"
            f"    quote_en: {yaml_string(sentence(rng, EN_WORDS, 10))}",
            f"cites: [study-{rng.randrange(studies):05d}]",
            f"related: [{', '.join(related)}]",
            f"contradicts: [{', '.join(contradicts)}]",
            f"status: {'disputed' if index % 11 == 0 else 'current'}",
            f"tags: [{', '.join(sorted(rng.sample(sorted(TAGS), 3)))}]",
            'reviewed: "2026-01-15"',
        ]
        (root / "claims" / CATEGORIES[index % 4] / f"{claim_id}.yaml").write_text("\n".join(text) + "\n", "utf-8")
    return root
