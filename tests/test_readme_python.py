"""The README's Python examples run as written (outputs go to a temporary folder)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _python_blocks() -> list[str]:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("### From Python"):readme.index("### The page")]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def test_the_python_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocks = _python_blocks()
    assert len(blocks) == 2
    monkeypatch.chdir(REPO)
    namespace: dict[str, object] = {}
    for block in blocks:
        exec(compile(block.replace('"output/', f'"{tmp_path}/'), "README.md", "exec"), namespace)  # noqa: S102
    assert (tmp_path / "strikes.html").stat().st_size > 100_000
    assert (tmp_path / "strikes.gpkg").exists()
    assert namespace["doc"].incident_count == len(namespace["project"].incidents) > 0  # type: ignore[attr-defined]
