"""`oxykb new` writes a claim template that checks clean once filled in, and never overwrites."""

import datetime

from conftest import run_oxykb


def test_new_writes_a_template_that_checks_once_filled_in(tiny_kb):
    result = run_oxykb("new", "facts", "oxytocin-is-a-peptide", "--project", str(tiny_kb))
    assert result.exit_code == 0
    path = tiny_kb / "claims/facts/oxytocin-is-a-peptide.yaml"
    text = path.read_text()
    assert text.startswith("# yaml-language-server: $schema=../../oxykb/schemas/claim.schema.json")
    assert run_oxykb("check", str(tiny_kb)).exit_code == 1  # an unfilled template is not a claim

    filled = (text.replace('statement:\n  nl: ""\n  en: ""', 'statement:\n  nl: "Oxytocine is een peptide."\n  en: "Oxytocin is a peptide."')
              .replace("grade:  ", "grade: high")
              .replace('rationale:\n  nl: ""\n  en: ""', 'rationale:\n  nl: "Leerboek."\n  en: "Textbook."')
              .replace("  - source:  ", "  - source: test-explainer")
              .replace('quote: ""', 'quote: "Oxytocine wordt geproduceerd in de hypothalamus"')
              .replace('quote_en: ""', 'quote_en: "Oxytocin is produced in the hypothalamus"'))
    path.write_text(filled)
    result = run_oxykb("check", str(tiny_kb))
    assert result.exit_code == 0, result.output
    assert f'reviewed: "{datetime.date.today().isoformat()}"' in filled


def test_new_refuses_an_existing_id_in_any_category(tiny_kb):
    result = run_oxykb("new", "risks", "oxytocin-made-in-hypothalamus", "--project", str(tiny_kb))
    assert result.exit_code == 2
    assert "claims/facts/oxytocin-made-in-hypothalamus.yaml exists already" in result.output
    assert not (tiny_kb / "claims/risks/oxytocin-made-in-hypothalamus.yaml").exists()


def test_new_refuses_a_bad_id_or_category(tiny_kb):
    assert run_oxykb("new", "facts", "Not A Slug", "--project", str(tiny_kb)).exit_code == 2
    assert run_oxykb("new", "myths", "some-claim", "--project", str(tiny_kb)).exit_code == 2
