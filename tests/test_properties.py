"""Whatever bytes a stranger's pull request holds, the loader answers with a model or problems."""

import datetime

from bad_inputs import VALID_CLAIM
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from oxykb.check import yamlstrict
from oxykb.check.load import load

YAML_PIECES = st.sampled_from(
    [
        "a",
        ": ",
        "- ",
        "\n",
        "  ",
        "[",
        "]",
        "{",
        "}",
        ",",
        '"',
        "'",
        "&x ",
        "*x",
        "!!str ",
        "!t ",
        "? ",
        "|",
        ">",
        "#",
        "---\n",
        "...\n",
        "%YAML 1.1\n",
        "<<: ",
        "no",
        "0755",
        "1:30",
        "2025-01-01",
        "~",
        "\t",
        "\\",
        "\u202e",
        "grade",
        "statement",
        "nl",
        "en",
        "sources",
        "tags",
        "high",
        "\x00",
        "\ufeff",
        "é",
    ]
)
yamlish_text = st.lists(YAML_PIECES, max_size=60).map("".join)


def assert_model_or_problems(node, problems):
    assert (node is None) != (problems == [])
    for problem in problems:
        assert problem.pos.line >= 1 and problem.pos.column >= 1 and problem.message


@settings(max_examples=400, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_raise(data):
    assert_model_or_problems(*yamlstrict.read(data))


@settings(max_examples=600, deadline=None)
@given(yamlish_text)
def test_yamlish_text_never_raises(text):
    assert_model_or_problems(*yamlstrict.read(text.encode("utf-8", "surrogatepass")))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.integers(min_value=0, max_value=len(VALID_CLAIM)), yamlish_text)
def test_a_claim_file_with_anything_spliced_in_loads_or_reports(tiny_kb, position, inserted):
    path = tiny_kb / "claims/facts/spliced.yaml"
    path.write_text(VALID_CLAIM[:position] + inserted + VALID_CLAIM[position:], "utf-8")

    loaded = load(tiny_kb, today=datetime.date(2026, 11, 23))

    ours = [p for p in loaded.problems if p.path.endswith("spliced.yaml")]
    assert ("spliced" in loaded.knowledge_base.claims) != bool(ours)
