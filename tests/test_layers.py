"""The layers import only downwards: check/ and publish/ know the model, the model knows neither, and no cycle."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parent.parent / "oxykb"

ALLOWED = {  # a layer, and what outside itself it may import
    "oxykb.check": {"oxykb.model", "oxykb.problems", "oxykb.workspace", "oxykb.urls"},
    "oxykb.publish": {"oxykb.model", "oxykb.urls"},
    "oxykb.model": {"oxykb.problems"},
}


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def oxykb_imports(path: Path) -> set[str]:
    """The oxykb modules a module imports, at its top or inside a function (`from . import x` counts as x)."""
    name = module_name(path)
    package = name.split(".") if path.name == "__init__.py" else name.split(".")[:-1]
    found = set()
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.split(".")[0] == "oxykb"}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                base = ".".join(package[: len(package) - node.level + 1] + ([base] if base else []))
            if base.split(".")[0] == "oxykb":
                found |= {f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names}
    return found - {name}


def test_the_import_reader_sees_relative_imports():
    assert oxykb_imports(PACKAGE / "check/load.py") >= {"oxykb.check.validate", "oxykb.model", "oxykb.problems"}


@pytest.mark.parametrize("layer", sorted(ALLOWED))
def test_each_layer_imports_only_what_it_may(layer):
    wrong = {}
    for name, path in MODULES.items():
        if name == layer or name.startswith(f"{layer}."):
            outside = {imported for imported in oxykb_imports(path)
                       if not (imported == layer or imported.startswith(f"{layer}."))} - ALLOWED[layer]
            if outside:
                wrong[name] = sorted(outside)
    assert wrong == {}


def test_no_import_cycle_in_the_check_layer():
    layer = {name: path for name, path in MODULES.items() if name.startswith("oxykb.check")}
    graph = {name: {imported for imported in oxykb_imports(path) if imported in layer} for name, path in layer.items()}

    def cycle_from(start, seen=()):
        for imported in graph[start]:
            if imported in seen:
                return [*seen, imported]
            if found := cycle_from(imported, (*seen, imported)):
                return found
        return None

    assert {name: cycle_from(name, (name,)) for name in graph} == {name: None for name in graph}
