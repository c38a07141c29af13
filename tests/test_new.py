"""`oxykb new` writes a template of every claim field, which `oxykb check` reports as unfinished field by field
until it is filled in; it never overwrites."""

import datetime

import yaml
from conftest import TINY_KB, run_oxykb

from oxykb.check import fields

TODAY = datetime.date.today().isoformat()

# The template without its comments: every field of a claim, in the order of fields.CLAIM, empty but for today's date.
VALUES = f"""\
statement:
  nl: ""
  en: ""
grade:
rationale:
  nl: ""
  en: ""
direction: effect
population:
background: false
sources:
  - source: ""
    quote: ""
    quote_en: ""
    role: support
cites: []
related: []
contradicts: []
status:
tags: []
reviewed: "{TODAY}"
"""

UNFINISHED = [
    f"claims/facts/oxytocin-is-a-peptide.yaml:{problem}"
    for problem in [
        "4:7: 'statement.nl' is empty",
        "5:7: 'statement.en' is empty",
        "6:7: 'grade' must be one of high, moderate, low, very-low, unsupported; found nothing",
        "8:7: 'rationale.nl' is empty",
        "9:7: 'rationale.en' is empty",
        "11:12: 'population' must be one of human, animal, in-vitro, mixed, none; found nothing",
        "14:13: 'sources[0].source' is empty",
        "15:12: 'sources[0].quote' is empty",
        "16:15: 'sources[0].quote_en' is empty",
        "21:8: 'status' must be one of current, disputed, withdrawn; found nothing",
    ]
]

FILLED_IN = {
    'statement:\n  nl: ""\n  en: ""': 'statement:\n  nl: "Oxytocine is een peptide."\n  en: "Oxytocin is a peptide."',
    "grade:": "grade: high",
    'rationale:\n  nl: ""\n  en: ""': 'rationale:\n  nl: "Leerboek."\n  en: "Textbook."',
    "population:": "population: human",
    'source: ""': "source: test-explainer",
    'quote: ""': 'quote: "Oxytocine wordt geproduceerd in de hypothalamus"',
    'quote_en: ""': 'quote_en: "Oxytocin is produced in the hypothalamus"',
    "status:": "status: current",
}


def without_comments(text: str) -> str:
    return "".join(line.split("#")[0].rstrip() + "\n" for line in text.splitlines() if not line.startswith("#"))


def new_claim(kb) -> str:
    result = run_oxykb("new", "facts", "oxytocin-is-a-peptide", "--project", str(kb))
    assert result.exit_code == 0, result.output
    return (kb / "claims/facts/oxytocin-is-a-peptide.yaml").read_text()


def test_new_writes_every_field_empty_with_its_description(tiny_kb):
    text = new_claim(tiny_kb)
    assert text.startswith("# yaml-language-server: $schema=../../oxykb/schemas/claim.schema.json\n")
    assert without_comments(text) == VALUES
    lines = text.splitlines()
    assert lines[5].startswith("grade:  ")
    assert lines[5].endswith("(see the evidence scale). One of: high | moderate | low | very-low | unsupported")
    assert lines[17] == "cites: []               # Optional. Primary studies behind the claim (source ids)."
    assert lines[9].startswith("direction: effect       # Optional; left out, it is effect. Which way the evidence")


def test_the_template_has_every_field_of_a_claim_and_of_a_quote(tiny_kb):
    written = yaml.safe_load(new_claim(tiny_kb))
    assert list(written) == list(fields.CLAIM.fields)
    assert list(written["sources"][0]) == list(fields.QUOTE.fields)


def test_check_reports_an_unfilled_template_field_by_field(tiny_kb):
    new_claim(tiny_kb)
    result = run_oxykb("check", str(tiny_kb))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == UNFINISHED


def test_a_filled_in_template_checks_clean(tiny_kb):
    text = without_comments(new_claim(tiny_kb))
    for empty, filled in FILLED_IN.items():
        assert empty in text
        text = text.replace(empty, filled, 1)
    (tiny_kb / "claims/facts/oxytocin-is-a-peptide.yaml").write_text(text)
    result = run_oxykb("check", str(tiny_kb))
    assert result.exit_code == 0, result.output


def test_new_refuses_an_existing_id_in_any_category(tiny_kb):
    result = run_oxykb("new", "risks", "oxytocin-made-in-hypothalamus", "--project", str(tiny_kb))
    assert result.exit_code == 2
    assert "claims/facts/oxytocin-made-in-hypothalamus.yaml exists already" in result.output
    assert not (tiny_kb / "claims/risks/oxytocin-made-in-hypothalamus.yaml").exists()


def test_new_refuses_a_bad_id_or_category(tiny_kb):
    result = run_oxykb("new", "facts", "Not A Slug", "--project", str(tiny_kb))
    assert result.exit_code == 2 and "an id must be a lowercase slug" in result.output
    result = run_oxykb("new", "myths", "some-claim", "--project", str(tiny_kb))
    assert result.exit_code == 2 and "'facts', 'studies', 'therapies', 'risks'" in result.output

    def claim_files(kb):
        return sorted(path.relative_to(kb) for path in kb.glob("claims/*/*.yaml"))

    assert claim_files(tiny_kb) == claim_files(TINY_KB)  # nothing written


# `oxykb new question ID`: the same for a question (fields.QUESTION), in claims/questions/.

QUESTION_VALUES = f"""\
question:
  nl: ""
  en: ""
answer:
  nl: ""
  en: ""
claims:
  - claim: ""
    role:
tags: []
reviewed: "{TODAY}"
"""

QUESTION_UNFINISHED = [
    f"claims/questions/does-it-help.yaml:{problem}"
    for problem in [
        "4:7: 'question.nl' is empty",
        "5:7: 'question.en' is empty",
        "7:7: 'answer.nl' is empty",
        "8:7: 'answer.en' is empty",
        "10:12: 'claims[0].claim' is empty",
        "11:10: 'claims[0].role' must be one of key-finding, caveat, myth, background; found nothing",
    ]
]

QUESTION_FILLED_IN = {
    'question:\n  nl: ""\n  en: ""': 'question:\n  nl: "Helpt het?"\n  en: "Does it help?"',
    'answer:\n  nl: ""\n  en: ""': 'answer:\n  nl: "Dat is zeer onzeker."\n  en: "That is very uncertain."',
    'claim: ""': "claim: nasal-spray-makes-people-social",
    "role:": "role: key-finding",
}


def new_question(kb) -> str:
    result = run_oxykb("new", "question", "does-it-help", "--project", str(kb))
    assert result.exit_code == 0, result.output
    assert result.output == "wrote claims/questions/does-it-help.yaml: fill it in, then run oxykb check\n"
    return (kb / "claims/questions/does-it-help.yaml").read_text()


def test_new_question_writes_every_field_of_a_question_with_its_description(tiny_kb):
    text = new_question(tiny_kb)
    assert text.startswith("# yaml-language-server: $schema=../../oxykb/schemas/question.schema.json\n")
    assert without_comments(text) == QUESTION_VALUES
    written = yaml.safe_load(text)
    assert list(written) == list(fields.QUESTION.fields)
    role = next(line for line in text.splitlines() if line.lstrip().startswith("role:"))
    assert role.endswith("One of: key-finding | caveat | myth | background")


def test_check_reports_an_unfilled_question_field_by_field_until_it_is_filled_in(tiny_kb):
    text = new_question(tiny_kb)
    result = run_oxykb("check", str(tiny_kb))
    assert result.exit_code == 1
    assert result.stdout.splitlines() == QUESTION_UNFINISHED
    text = without_comments(text)
    for empty, filled in QUESTION_FILLED_IN.items():
        assert empty in text
        text = text.replace(empty, filled, 1)
    (tiny_kb / "claims/questions/does-it-help.yaml").write_text(text)
    result = run_oxykb("check", str(tiny_kb))
    assert result.exit_code == 0, result.output


def test_new_question_refuses_an_existing_question_id(tiny_kb):
    result = run_oxykb("new", "question", "does-nasal-spray-make-people-social", "--project", str(tiny_kb))
    assert result.exit_code == 2
    assert "claims/questions/does-nasal-spray-make-people-social.yaml exists already" in result.output
