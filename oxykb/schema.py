"""The published JSON Schemas for claim and source files, generated from fields.py."""

from __future__ import annotations

import json
from pathlib import Path

from . import fields, opendata

SCHEMA_DIR = Path(__file__).parent / "schemas"


def schemas() -> dict[str, str]:
    """File name -> JSON text, exactly as committed under oxykb/schemas/."""
    documents = {
        "claim.schema.json": fields.json_schema(fields.CLAIM, "oxykb claim"),
        "source.schema.json": fields.json_schema(fields.SOURCE, "oxykb source"),
        "tags.schema.json": fields.json_schema(fields.TAGS, "oxykb tag names"),
        "claims-json.schema.json": opendata.json_schema(),
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
