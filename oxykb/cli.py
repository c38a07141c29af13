"""The `oxykb` command: thin wrappers around the pipeline."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from . import check as checking
from . import problems as report
from .check import fields
from .model import LANGUAGES, Category


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
@click.option(
    "--format",
    "output_format",
    type=click.Choice(["text", "github", "json"]),
    default="text",
    show_default=True,
    help="text for people, github for GitHub Actions annotations, json for tools.",
)
def check(project: Path, output_format: str) -> None:
    """Check every claim and source file; print each problem as path:line:col: message.

    Exits 0 when the knowledge base is clean, 1 when it has problems, 2 on usage errors.
    """
    root = _project_root(project)
    problems, claims, sources = checking.check_summary(root)
    if output_format == "json":
        click.echo(report.format_json(problems, claims, sources))
    else:
        lines = report.format_github(problems) if output_format == "github" else report.format_text(problems)
        for line in lines:
            click.echo(line)
        click.echo(report.summary(problems, claims, sources), err=bool(problems))
    sys.exit(1 if problems else 0)


@main.command("schema")
@click.option("--write", is_flag=True, help="Write the schemas into oxykb/schemas/ instead of listing them.")
def schema_command(write: bool) -> None:
    """The JSON Schemas for claim and source files (for editor autocompletion)."""
    from .check import schema

    if write:
        for path in schema.write():
            click.echo(f"wrote {path}")
    else:
        for name in schema.schemas():
            click.echo(schema.SCHEMA_DIR / name)


def _fail_with_problems(found: report.ProblemsFound) -> None:
    for line in report.format_text(found.problems):
        click.echo(line)
    click.echo(
        f"{len(found.problems)} problem{'s' if len(found.problems) != 1 else ''}: run oxykb check, then try again",
        err=True,
    )
    sys.exit(1)


WAITING_FOR_BUILD = "another oxykb build of this project is running: waiting for it to finish"


@main.command()
@click.argument("project", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option(
    "--site-dir",
    type=click.Path(file_okay=False, path_type=Path),
    help="Where to put the site (default: PROJECT/site).",
)
@click.option(
    "--jobs",
    type=click.IntRange(1, 2),
    default=2,
    show_default=True,
    help="Languages built at once (1: the others after the primary one).",
)
def build(project: Path, site_dir: Path | None, jobs: int) -> None:
    """Check, render and build the bilingual site: Dutch at /, English at /en/.

    The new site replaces the old one only when everything succeeded.
    """
    import time

    from .mkdocs import build as building
    from .mkdocs import site

    root = _project_root(project)
    started = time.perf_counter()
    on_terminal = sys.stderr.isatty() and not os.environ.get("CI")  # progress for people, silence for CI logs

    def progress(message: str) -> None:
        if on_terminal:
            click.echo(f"[{time.perf_counter() - started:5.1f} s] {message}", err=True)

    try:
        built = site.build(
            root,
            site_dir=site_dir.resolve() if site_dir else None,
            jobs=jobs,
            progress=progress,
            waiting=lambda: click.echo(WAITING_FOR_BUILD, err=True),
        )
    except report.ProblemsFound as found:
        _fail_with_problems(found)
    except building.BuildFailed as failed:
        click.echo(f"the site could not be built; the previous site is untouched:\n{failed}", err=True)
        sys.exit(1)
    target = site_dir or root / "site"
    if built.skipped:
        click.echo(f"{target} is up to date: nothing changed since the last build")
    else:
        click.echo(
            f"built {built.claims} claims in {len(LANGUAGES)} languages into {target} "
            f"in {time.perf_counter() - started:.1f} s"
        )


@main.command()
@click.argument("project", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(project: Path, dev_addr: str) -> None:
    """Live preview: saving a claim or page rebuilds it and reloads the browser."""
    from .mkdocs import build as building

    try:
        building.serve(_project_root(project), dev_addr)
    except report.ProblemsFound as found:
        _fail_with_problems(found)
    except building.BuildFailed as failed:
        click.echo(str(failed), err=True)
        sys.exit(1)


COMMENT_COLUMN = 25  # where a template line's comment starts, so the values and their explanations line up


def _template_lines(name: str, spec, indent: str, today: str, default: str | None = None) -> list[tuple[str, str]]:
    """(YAML line, comment) pairs for one field of the claim template: empty values that `oxykb check` refuses.

    Driven by the field's spec, so a new field appears in the template by itself, and a new kind of spec
    stops `oxykb new` (and its test) until it is taught here.
    """
    key = f"{indent}{name}:"
    if default is not None:
        return [(f"{key} {default}", f"Optional; left out, it is {default}. {spec.description}")]
    if isinstance(spec, fields.Date):
        return [(f'{key} "{today}"', spec.description)]
    if isinstance(spec, fields.Text):
        return [(f'{key} ""', spec.description)]
    if isinstance(spec, fields.Choice):
        return [(key, f"{spec.description} One of: {' | '.join(item.value for item in spec.vocabulary)}")]
    if isinstance(spec, fields.Translated):
        return [(key, spec.description)] + [(f'{indent}  {language}: ""', "") for language in LANGUAGES]
    if isinstance(spec, fields.ListOf) and isinstance(spec.item, fields.Record):
        item = [
            line
            for field_name, field in spec.item.fields.items()
            for line in _template_lines(field_name, field.spec, indent + "    ", today, field.default)
        ]
        first_line, first_comment = item[0]
        return [(key, spec.description), (f"{indent}  - {first_line.lstrip()}", first_comment), *item[1:]]
    if isinstance(spec, fields.ListOf):
        return [(f"{key} []", spec.description)]
    if isinstance(spec, (fields.Flag, fields.Count)):
        return [(key, spec.description)]
    raise TypeError(f"oxykb new cannot write a template for a {type(spec).__name__} field ('{name}')")


def claim_template(today: str, kind: str = "claim") -> str:
    """The file `oxykb new` writes: every field of a claim (fields.CLAIM) or question, in order, empty and explained."""
    record = fields.QUESTION if kind == "question" else fields.CLAIM
    lines = [
        (f"# yaml-language-server: $schema=../../oxykb/schemas/{kind}.schema.json", ""),
        (f"# A new {kind}: fill in every empty value, then run `oxykb check`. The contract is in the README.", ""),
    ]
    for name, field in record.fields.items():
        field_lines = _template_lines(name, field.spec, "", today, field.default)
        if not field.required and field.default is None:
            field_lines[0] = (field_lines[0][0], "Optional. " + field_lines[0][1])
        lines += field_lines
    return "".join(
        f"{line.ljust(COMMENT_COLUMN - 1)}# {comment}\n" if comment else f"{line}\n" for line, comment in lines
    )


@main.command()
@click.argument("category", type=click.Choice([category.value for category in Category] + ["question"]))
@click.argument("claim_id", metavar="ID")
@click.option(
    "--project", default=".", show_default=True, type=click.Path(exists=True, file_okay=False, path_type=Path)
)
def new(category: str, claim_id: str, project: Path) -> None:
    """Write a claim template to claims/CATEGORY/ID.yaml; `new question ID` one of a question's."""
    import datetime
    import re

    from .check.fields import SLUG, SLUG_SHAPE

    root = _project_root(project)
    if not re.fullmatch(SLUG, claim_id) or len(claim_id) > 80:
        raise click.BadParameter(f"an id must be {SLUG_SHAPE}", param_hint="ID")
    kind = "question" if category == "question" else "claim"
    folder = "questions" if kind == "question" else category
    existing = sorted(
        path
        for path in (root / "claims").glob(f"*/{claim_id}.yaml")
        if (path.parent.name == "questions") == (kind == "question")  # questions have ids of their own
    )
    if existing:
        raise click.BadParameter(
            f"{existing[0].relative_to(root)} exists already; ids are never reused", param_hint="ID"
        )
    path = root / "claims" / folder / f"{claim_id}.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(claim_template(datetime.date.today().isoformat(), kind), "utf-8")
    click.echo(f"wrote {path.relative_to(root)}: fill it in, then run oxykb check")


@main.command("report")
@click.argument("project", default=".", type=click.Path(exists=True, file_okay=False, path_type=Path))
def report_command(project: Path) -> None:
    """What needs an editor's attention: counts per category and grade, stale reviews, unused and weak sources."""
    import datetime

    from .publish import report as editors_report

    root = _project_root(project)
    checked = checking.check(root)
    if checked.problems:
        _fail_with_problems(report.ProblemsFound(checked.problems))
    click.echo(editors_report.as_text(editors_report.make(checked.knowledge_base, datetime.date.today())), nl=False)
