"""The published JSON Schemas for claim, source and question files, generated from fields.py."""

from __future__ import annotations

import json
from pathlib import Path

from ..model import OPEN_DATA_FORMAT_VERSION, Category
from . import fields

SCHEMA_DIR = Path(__file__).parent.parent / "schemas"


def schemas() -> dict[str, str]:
    """File name -> JSON text, exactly as committed under oxykb/schemas/."""
    documents = {
        "claim.schema.json": fields.json_schema(fields.CLAIM, "oxykb claim"),
        "source.schema.json": fields.json_schema(fields.SOURCE, "oxykb source"),
        "question.schema.json": fields.json_schema(fields.QUESTION, "oxykb question"),
        "tags.schema.json": fields.json_schema(fields.TAGS, "oxykb tag names"),
        "claims-json.schema.json": open_data_schema(),
    }
    return {name: json.dumps(document, indent=2, ensure_ascii=False) + "\n" for name, document in documents.items()}


def write(directory: Path = SCHEMA_DIR) -> list[Path]:
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schemas().items():
        path = directory / name
        if not path.exists() or path.read_text("utf-8") != text:
            path.write_text(text, "utf-8")
            written.append(path)
    return written


def open_data_schema() -> dict:
    """The schema of claims.json, built from the same field specs as the claim and source files."""
    claim = fields.CLAIM.json
    source = fields.SOURCE.json
    question = fields.QUESTION.json
    quotes = claim["properties"]["sources"]
    localized = {
        "type": "object",
        "properties": {"nl": {"type": "string"}, "en": {"type": "string"}},
        "required": ["nl", "en"],
        "additionalProperties": False,
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "oxykb open data (claims.json)",
        "type": "object",
        "required": ["format_version", "license", "claims", "sources", "questions", "tags"],
        "additionalProperties": False,
        "properties": {
            "format_version": {"const": OPEN_DATA_FORMAT_VERSION},
            "license": {
                "type": ["string", "null"],
                "description": "Licence of the data; null while none has been granted.",
            },
            "claims": {
                "type": "array",
                "items": {
                    **claim,
                    "properties": {
                        **claim["properties"],
                        "id": {"type": "string", "pattern": fields.SLUG},
                        "category": {"enum": [category.value for category in Category]},
                        "url": localized,
                        "sources": {  # claims.json writes every quote's role, the default too
                            **quotes,
                            "items": {**quotes["items"], "required": quotes["items"]["required"] + ["role"]},
                        },
                    },
                    "required": claim["required"]
                    + ["id", "category", "url", "cites", "related", "contradicts", "direction", "background"],
                },
            },
            "sources": {
                "type": "array",
                "items": {
                    **source,
                    "properties": {
                        **source["properties"],
                        "id": {"type": "string", "pattern": fields.SLUG},
                        "has_full_text": {"type": "boolean"},
                    },
                    "required": source["required"] + ["id", "has_full_text"],
                },
            },
            "questions": {
                "type": "array",
                "items": {
                    **question,
                    "properties": {
                        **question["properties"],
                        "id": {"type": "string", "pattern": fields.SLUG},
                        "url": localized,
                    },
                    "required": question["required"] + ["id", "url"],
                },
            },
            "tags": fields.TAGS.json,
        },
    }
