"""The published JSON Schema is generated from the model, committed, and agrees with oxykb check."""

import json

import jsonschema
import pytest
from bad_inputs import VALID_CLAIM, VALID_SOURCE
from conftest import TINY_KB

from oxykb.check import check, schema, yamlstrict
from oxykb.publish import opendata


def as_data(node):
    if isinstance(node, yamlstrict.Mapping):
        return {key.value: as_data(value) for key, value in node.items}
    if isinstance(node, yamlstrict.Sequence):
        return [as_data(item) for item in node.items]
    return node.value


def load_yaml(text: str):
    node, problems = yamlstrict.read(text.encode())
    assert problems == []
    return as_data(node)


def validator(name):
    return jsonschema.Draft202012Validator(json.loads((schema.SCHEMA_DIR / name).read_text()))


def test_committed_schemas_are_up_to_date():
    for name, text in schema.schemas().items():
        committed = schema.SCHEMA_DIR / name
        assert committed.read_text("utf-8") == text, f"{committed} is stale: run `oxykb schema --write`"


def test_schemas_are_valid_json_schema():
    for name in schema.schemas():
        jsonschema.Draft202012Validator.check_schema(json.loads((schema.SCHEMA_DIR / name).read_text()))


@pytest.mark.parametrize("path", sorted(TINY_KB.glob("claims/*/*.yaml")), ids=lambda p: p.name)
def test_files_oxykb_accepts_pass_the_schema(path):
    name = {"sources": "source.schema.json", "questions": "question.schema.json"}.get(
        path.parent.name, "claim.schema.json"
    )
    validator(name).validate(load_yaml(path.read_text()))


@pytest.mark.parametrize(
    "old, new",
    [
        ("grade: high", "grade: hihg"),
        ("grade: high", "grdae: high"),
        ('  en: "Textbook physiology."\n', ""),
        ("tags: [physiology]", "tags: [Physiology]"),
        ('reviewed: "2026-11-01"', 'reviewed: "1 november"'),
    ],
)
def test_the_schema_refuses_what_oxykb_refuses(old, new):
    errors = list(validator("claim.schema.json").iter_errors(load_yaml(VALID_CLAIM.replace(old, new))))
    assert errors


def test_source_schema_needs_title_or_cited_as():
    data = load_yaml(VALID_SOURCE)
    del data["title"]
    assert list(validator("source.schema.json").iter_errors(data))
    data["cited_as"] = "Doe e.a., 2020"
    assert not list(validator("source.schema.json").iter_errors(data))


def test_claims_json_follows_its_schema_and_the_schema_wants_the_2_0_fields():
    data = json.loads(opendata.as_json(check(TINY_KB).knowledge_base))
    claims_json = validator("claims-json.schema.json")
    assert list(claims_json.iter_errors(data)) == []

    def without(path: list, key: str) -> dict:
        broken = json.loads(json.dumps(data))
        target = broken
        for step in path:
            target = target[step]
        del target[key]
        return broken

    for path, key in [
        ([], "questions"),
        (["claims", 0], "direction"),
        (["claims", 0], "background"),
        (["claims", 0, "sources", 0], "role"),
    ]:
        assert list(claims_json.iter_errors(without(path, key))), key
