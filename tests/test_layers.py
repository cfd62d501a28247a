"""The package's three layers import strictly downward, with no cycle; no module is over 400 lines."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "src" / "povmodel"

# Lower layers first: a module may import from its own layer and from those below it.
# Extraction stands beside io, on core alone; the command line and the package's root
# stand above everything.
LAYERS = {"core": 0, "io": 1, "extraction": 1, "presentation": 2, "cli": 3, "__main__": 3, "__init__": 3}
TOP = 3


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _layer(module: str) -> str:
    parts = module.split(".")
    return "__init__" if len(parts) == 1 else parts[1]


MODULES = {_module(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def _imports(path: Path) -> set[str]:
    """Every povmodel module ``path`` imports, anywhere in its code (in functions and type checks too).

    ``from povmodel.core import model`` imports the module ``povmodel.core.model``;
    ``from povmodel.core.model import Forum`` imports ``povmodel.core.model``.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("povmodel")}
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("povmodel"):
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & MODULES.keys()
            found |= submodules or {node.module}
    return found


GRAPH = {name: {m for m in _imports(path) if m in MODULES and m != name} for name, path in MODULES.items()}


def test_the_walker_sees_imports_inside_functions() -> None:
    assert "povmodel.presentation.display" in GRAPH["povmodel"]  # imported inside a function
    assert "povmodel.core.model" in GRAPH["povmodel.core.totals"]


def test_every_import_goes_downward_or_sideways_within_a_layer() -> None:
    upward = []
    for module, imported in GRAPH.items():
        for target in imported:
            source, destination = _layer(module), _layer(target)
            downward = LAYERS[destination] < LAYERS[source]
            if source == destination or downward or LAYERS[source] == LAYERS[destination] == TOP:
                continue
            upward.append(f"{module} -> {target}")
    assert upward == []


def test_no_import_cycle() -> None:
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(module: str, path: list[str]) -> None:
        state[module] = 1
        for target in sorted(GRAPH[module]):
            if state.get(target) == 1:
                cycles.append([*path[path.index(target) :], target] if target in path else [module, target])
            elif target not in state:
                visit(target, [*path, target])
        state[module] = 2

    for module in sorted(GRAPH):
        if module not in state:
            visit(module, [module])
    assert cycles == []


def test_core_imports_neither_cattrs_nor_babel() -> None:
    for name, path in MODULES.items():
        if _layer(name) != "core":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        imported = {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
        imported |= {n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
        assert not {m for m in imported if m.split(".")[0] in ("cattrs", "babel")}, name


@pytest.mark.parametrize("name", sorted(MODULES))
def test_no_module_is_over_400_lines(name: str) -> None:
    assert len(MODULES[name].read_text(encoding="utf-8").splitlines()) <= 400


def test_the_architecture_page_lists_each_floors_modules() -> None:
    page = (PACKAGE.parent.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    diagram = page.split("```text", 1)[1].split("```", 1)[0]
    floors: dict[str, set[str]] = {"top": set(), "presentation": set(), "io": set(), "extraction": set(), "core": set()}
    current: list[str] = []
    for line in diagram.splitlines():
        headings = [name for name in floors if f"─ {name}" in line]
        if headings:
            current = headings
            continue
        cells = [cell.split() for cell in line.strip()[1:-1].split("│")]
        for floor, words in zip(current, cells, strict=False):
            floors[floor] |= {w for w in words if w.isidentifier()}
    listed = {
        f"povmodel.{floor}.{name}" for floor in ("core", "io", "extraction", "presentation") for name in floors[floor]
    }
    actual = {name for name in MODULES if name.count(".") == 2}
    assert listed == actual
    assert {"cli", "__main__"} <= floors["top"]
