"""The `oxykb` command: thin wrappers around the pipeline."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from . import pipeline, problems as report, schema


def _project_root(path: Path) -> Path:
    """Accepts the project folder or its claims/ folder."""
    path = path.resolve()
    if not (path / "claims").is_dir() and path.name == "claims" and path.is_dir():
        return path.parent
    return path


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="oxykb")
def main() -> None:
    """oxykb: a bilingual, evidence-graded reference on oxytocin, from YAML claims."""


@main.command()
@click.argument("project", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "output_format", type=click.Choice(["text", "github", "json"]), default="text", show_default=True,
              help="text for people, github for GitHub Actions annotations, json for tools.")
def check(project: Path, output_format: str) -> None:
    """Check every claim and source file; print each problem as path:line:col: message.

    Exits 0 when the knowledge base is clean, 1 when it has problems, 2 on usage errors.
    """
    root = _project_root(project)
    checked = pipeline.check(root)
    if output_format == "json":
        click.echo(report.format_json(checked.problems, checked.claims_read, checked.sources_read))
    else:
        lines = report.format_github(checked.problems) if output_format == "github" else report.format_text(checked.problems)
        for line in lines:
            click.echo(line)
        click.echo(report.summary(checked.problems, checked.claims_read, checked.sources_read), err=bool(checked.problems))
    sys.exit(1 if checked.problems else 0)


@main.command("schema")
@click.option("--write", is_flag=True, help="Write the schemas into oxykb/schemas/ instead of listing them.")
def schema_command(write: bool) -> None:
    """The JSON Schemas for claim and source files (for editor autocompletion)."""
    if write:
        for path in schema.write():
            click.echo(f"wrote {path}")
    else:
        for name in schema.schemas():
            click.echo(schema.SCHEMA_DIR / name)
