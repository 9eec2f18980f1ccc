"""The package's layers: each stage imports only from the stages below it, and no modules import each other
in a cycle. Read from the source (every import, at the top of a module or inside a function), so the layering
holds after whoever changes the code next."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "elitewatch"

# Lowest first. A module may import from its own package and from packages of a lower rank; packages of one
# rank do not import each other (resolution and writing are two stages the pipeline calls in turn), except in
# the base, whose modules depend on nothing else of elitewatch.
LAYERS: list[set[str]] = [
    {"elitewatch", "errors", "settings", "model", "datafiles", "dbapi"},
    {"vocabulary", "temporal"},
    {"ingest"},
    {"nlp"},
    {"extract"},
    {"resolve", "store"},
    {"workers", "cluster"},
    {"pipeline"},
    {"preload"},
    {"query", "evaluation"},
    {"web"},
    {"cli"},
]
RANK = {name: rank for rank, names in enumerate(LAYERS) for name in names}


def modules() -> Iterator[tuple[str, Path]]:
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        yield ".".join(parts[:-1] if parts[-1] == "__init__" else parts), path


def imports(path: Path, module: str) -> Iterator[tuple[str, int, bool]]:
    """(imported elitewatch module, line, inside a function) for every import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    functions = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
    lazy = {id(n) for f in ast.walk(tree) if isinstance(f, functions) for n in ast.walk(f) if n is not f}
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:  # relative: from the package up
                parents = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parents, *([base] if base else [])])
            if base == "elitewatch" or base.startswith("elitewatch."):
                for alias in node.names:
                    name = f"{base}.{alias.name}"
                    yield (name if _is_module(name) else base), node.lineno, id(node) in lazy
        elif isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.startswith("elitewatch"):
                    yield alias.name, node.lineno, id(node) in lazy


def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").exists() or (path / "__init__.py").exists()


def stage(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "elitewatch"


def test_every_package_has_a_layer() -> None:
    assert {stage(module) for module, _ in modules()} <= set(RANK), "add the new package to LAYERS"


def test_each_stage_imports_only_from_below() -> None:
    wrong = []
    for module, path in modules():
        for imported, line, _ in imports(path, module):
            mine, theirs = stage(module), stage(imported)
            if mine != theirs and RANK[theirs] >= RANK[mine] and RANK[mine] > 0:
                wrong.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {imported} ({theirs} is not below {mine})")
    assert not wrong, "\n".join(wrong)


def test_no_import_cycles_between_modules() -> None:
    graph: dict[str, set[str]] = {}
    for module, path in modules():
        # every import outside a function, those only for type checking too: a cycle of types is a cycle
        graph[module] = {imported for imported, _, lazy in imports(path, module) if not lazy and imported != module}
    cycles = []
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for target in sorted(graph.get(node, ())):
            if target.startswith(f"{node}.") or node.startswith(f"{target}."):
                continue  # a package and its own modules
            if state.get(target) == 1:
                cycles.append(" -> ".join([*path[path.index(target) :], target]))
            elif target not in state:
                visit(target, [*path, target])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [module])
    assert not cycles, "\n".join(cycles)


def test_an_import_inside_a_function_says_why() -> None:
    """Not to dodge a cycle (the layers above forbid it): for load time or an optional dependency, said in a
    comment on the line or the line above. The CLI's modules say it once: each command imports the library in
    its body, so the CLI starts (and `ingest` starts its fork server) before the library loads."""
    silent = []
    for module, path in modules():
        if stage(module) == "cli":
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        for imported, line, lazy in imports(path, module):
            said = "#" in lines[line - 1] or lines[line - 2].strip().startswith("#")
            if lazy and not said:
                silent.append(f"{path.relative_to(PACKAGE.parent)}:{line} imports {imported} inside a function")
    assert not silent, "\n".join(silent)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from elitewatch.query import export_records\n", ["elitewatch.query"]),
        ("def f():\n    from elitewatch.extract.positions import x\n", ["elitewatch.extract.positions"]),
        ("from . import english\n", ["elitewatch.nlp.english"]),
    ],
)
def test_the_import_reader_sees_every_kind_of_import(tmp_path: Path, source: str, expected: list[str]) -> None:
    path = tmp_path / "pipeline.py"
    path.write_text(source, encoding="utf-8")
    assert [name for name, _, _ in imports(path, "elitewatch.nlp.pipeline")] == expected
