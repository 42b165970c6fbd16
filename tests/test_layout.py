"""Keep the pipeline one-way: gazetteer imports nothing from mapgen; only the CLI imports click;
folium only in the render modules. Also: every CLI command is documented in the README."""
from __future__ import annotations

import ast
from pathlib import Path

from click.testing import CliRunner

from mapgen.cli import main

REPO = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _modules(package: str) -> list[Path]:
    return sorted((REPO / package).rglob("*.py"))


def test_gazetteer_stands_alone() -> None:
    for path in _modules("gazetteer"):
        assert not _imports(path) & {"mapgen", "folium", "click", "branca"}, path


def test_only_the_cli_imports_click() -> None:
    for path in _modules("mapgen"):
        if "cli" not in path.relative_to(REPO).parts:
            assert "click" not in _imports(path), path


def test_folium_stays_in_render() -> None:
    for path in _modules("mapgen"):
        rel = path.relative_to(REPO).parts
        if "render" not in rel and "benchmarks" not in rel:
            assert not _imports(path) & {"folium", "branca"}, path


def test_every_command_has_help_and_is_in_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        result = CliRunner().invoke(main, [name, "--help"])
        assert result.exit_code == 0 and command.help, name
        assert f"mapgen {name}" in readme, f"README does not mention `mapgen {name}`"
