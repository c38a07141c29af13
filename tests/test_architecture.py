"""The layers of oxykb/ import only downwards, and no module reaches into another's private names.

check/ turns bytes into a knowledge base and problems; publish/ turns a knowledge base into pages;
mkdocs/ is the only code that knows MkDocs. Each rule below is a line of ALLOWED: a layer may import
itself and what is listed, nothing else, so that a new import across layers fails here first.
"""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[1] / "oxykb"

# What each part of the package may import from oxykb (besides itself).
ALLOWED = {
    "model": set(),
    "problems": set(),
    "urls": {"model"},
    "workspace": {"problems"},
    "check": {"model", "problems", "workspace", "urls"},
    "publish": {"model", "urls"},
    "mkdocs": {"check", "publish", "model", "problems", "workspace", "urls"},
    "cli": {"check", "publish", "mkdocs", "model", "problems", "workspace", "urls"},
    "__main__": {"cli"},
    "__init__": set(),
}
THIRD_PARTY_ONLY_IN = {"mkdocs": {"mkdocs"}, "material": {"mkdocs"}}  # which part alone may import these


def part(module: str) -> str:
    """The part of the package a dotted module name (oxykb.check.load) belongs to: check."""
    return module.split(".")[1] if module.count(".") else "__init__"


def module_name(path: Path) -> str:
    relative = path.relative_to(PACKAGE.parent).with_suffix("")
    parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
    return ".".join(parts)


def imports(path: Path) -> list[tuple[int, str, list[str]]]:
    """(line, imported module, names) for every import in the file, relative ones resolved."""
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name, []) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            found.append((node.lineno, base, [alias.name for alias in node.names]))
    return found


def imported_modules(path: Path) -> set[str]:
    """The oxykb modules a module imports (`from . import x` counts as the module x), itself left out."""
    known = {module_name(other) for other in PACKAGE.rglob("*.py")}
    found = set()
    for _, module, names in imports(path):
        if module.split(".")[0] == "oxykb":
            found |= {f"{module}.{name}" if f"{module}.{name}" in known else module for name in names} or {module}
    return found - {module_name(path)}


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=[module_name(path) for path in MODULES])
def test_each_layer_imports_only_the_layers_below_it(path):
    own = part(module_name(path))
    wrong = []
    for line, module, names in imports(path):
        known = {module_name(other) for other in PACKAGE.rglob("*.py")}
        targets = [f"{module}.{name}" if f"{module}.{name}" in known else module for name in names] or [module]
        for target in targets:
            if target.split(".")[0] == "oxykb":
                used = part(target)
                if used != own and used not in ALLOWED[own]:
                    wrong.append(f"{path.name}:{line}: {own} imports {target}")
            elif target.split(".")[0] in THIRD_PARTY_ONLY_IN and own not in THIRD_PARTY_ONLY_IN[target.split(".")[0]]:
                wrong.append(f"{path.name}:{line}: {own} imports {target}")
    assert wrong == []


@pytest.mark.parametrize("path", MODULES, ids=[module_name(path) for path in MODULES])
def test_no_module_imports_another_modules_private_names(path):
    private = [
        f"{path.name}:{line}: {module}.{name}"
        for line, module, names in imports(path)
        for name in names
        if name.startswith("_") and module.startswith("oxykb")
    ]
    assert private == []


def test_the_rule_catches_an_import_across_layers(tmp_path, monkeypatch):
    """The check above can fail: publish/ importing check/ is reported."""
    fake = tmp_path / "oxykb" / "publish" / "render.py"
    fake.parent.mkdir(parents=True)
    fake.write_text("from ..check import fields\nfrom ..model import Claim\n")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", tmp_path / "oxykb")
    with pytest.raises(AssertionError, match=r"render.py:1: publish imports oxykb.check'"):
        test_each_layer_imports_only_the_layers_below_it(fake)


PRIVATE_PATCH = re.compile(r"monkeypatch\.setattr\(\s*[A-Za-z_][\w.]*\s*,\s*[\"']_")


def test_no_test_patches_a_private_name():
    """Tests go through public seams, so that a module's insides can change without breaking them."""
    patched = [
        f"{path.name}:{number}"
        for path in sorted(Path(__file__).parent.rglob("*.py"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1)
        if PRIVATE_PATCH.search(line) and path.name != Path(__file__).name
    ]
    assert patched == []


def test_no_import_cycle():
    """Each module can be understood from the ones it imports, which never import it back."""
    graph = {module_name(path): imported_modules(path) for path in MODULES}

    def cycle_from(start, seen=()):
        for imported in sorted(graph.get(start, ())):
            if imported in seen:
                return [*seen, imported]
            if found := cycle_from(imported, (*seen, imported)):
                return found
        return None

    assert {name: cycle_from(name, (name,)) for name in graph} == dict.fromkeys(graph)
