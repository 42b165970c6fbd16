"""The gazetteer's compiled modules (gazetteer/native.py, setup.py): built where a C compiler
is, used only while they are their sources' own, and answering every name as the sources do."""
from __future__ import annotations

import csv
import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from gazetteer import native
from tests.gazetteer.common import REPO

PACKAGE = REPO / "gazetteer"
EXTENSION = sysconfig.get_config_var("EXT_SUFFIX")
COMPILED_NAMES = [f"gazetteer.{name[:-3]}" for name in native.COMPILED]
#: Names of the evaluation set (benchmarks/data/syria_eval.csv) and of reports.
EVAL = REPO / "benchmarks" / "data" / "syria_eval.csv"
SPELLINGS = REPO / "benchmarks" / "data" / "report_spellings.csv"


def _compiler() -> str | None:
    return shutil.which(os.environ.get("CC", "cc")) or shutil.which("gcc")


def _built() -> bool:
    return all((PACKAGE / f"{name[:-3]}{EXTENSION}").is_file() for name in native.COMPILED)


def _in_use(env: dict[str, str], path: Path = REPO) -> list[str]:
    """The gazetteer's modules a fresh interpreter imports compiled, with ``env`` added and
    the package of ``path`` first on its path."""
    code = ("import gazetteer.api, gazetteer.fuzzy\n"
            "from gazetteer.native import compiled_in_use\n"
            "print(' '.join(compiled_in_use()))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=path, env={**os.environ, "PYTHONPATH": str(path), **env},
                         check=True)
    return out.stdout.split()


def test_a_c_compiler_at_hand_builds_the_compiled_modules():
    if _compiler() is None:
        pytest.skip("no C compiler here: the package is pure Python, as setup.py allows")
    assert _built(), ("gazetteer/ holds no compiled modules: `pip install -e .` builds them "
                      "(MAPGEN_PURE_PYTHON set at install leaves them out)")
    assert (PACKAGE / native.RECORD).is_file()


def test_the_compiled_modules_are_used_while_their_sources_are_unchanged():
    expected = COMPILED_NAMES if native.built_from_these_sources() else []
    assert _in_use({native.PURE_PYTHON_ENV: ""}) == expected
    assert _in_use({native.PURE_PYTHON_ENV: "1"}) == []


def test_an_edited_source_brings_back_every_module_from_its_source(tmp_path):
    if not _built():
        pytest.skip("no compiled modules were built here")
    copy = tmp_path / "gazetteer"
    shutil.copytree(PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__", "data"))
    if not native.built_from_these_sources(copy):
        pytest.skip("the sources were edited since the last build")
    assert _in_use({native.PURE_PYTHON_ENV: ""}, tmp_path) == COMPILED_NAMES
    # one module's source edited: all of them from source (they call one another directly)
    source = copy / "resolve.py"
    source.write_text(source.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert not native.built_from_these_sources(copy)
    assert _in_use({native.PURE_PYTHON_ENV: ""}, tmp_path) == []


def test_a_build_record_gone_or_unreadable_means_the_sources(tmp_path):
    for name in native.COMPILED:
        (tmp_path / name).write_text("x = 1\n", encoding="utf-8")
    assert not native.built_from_these_sources(tmp_path)
    (tmp_path / native.RECORD).write_text("{not json", encoding="utf-8")
    assert not native.built_from_these_sources(tmp_path)
    (tmp_path / native.RECORD).write_text(native.record_text(tmp_path), encoding="utf-8")
    assert native.built_from_these_sources(tmp_path)
    (tmp_path / "api.py").write_text("x = 2\n", encoding="utf-8")
    assert not native.built_from_these_sources(tmp_path)


def _names() -> list[str]:
    with open(EVAL, encoding="utf-8") as fh:
        rows = list(csv.DictReader(line for line in fh if not line.startswith("#")))
    with open(SPELLINGS, encoding="utf-8") as fh:
        rows += list(csv.DictReader(line for line in fh if not line.startswith("#")))
    return list(dict.fromkeys(r["query"] for r in rows))


_ANSWERS = """
import json, sys
from gazetteer import open_gazetteer
names = json.load(sys.stdin)
with open_gazetteer(sys.argv[1]) as gz:
    alone = [gz.resolve(n, countries=("SY", "TR")).to_json_dict() for n in names]
    north = [r.to_json_dict() for r in gz.resolve_many(names[:300], countries=("SY", "TR"))]
    near = [gz.resolve(n, countries=("SY",), near=(36.2, 37.1)).to_json_dict()
            for n in names[:300]]
    anywhere = [gz.resolve(n).to_json_dict() for n in names[:300]]
print(json.dumps([alone, north, near, anywhere]))
"""


def test_compiled_and_source_modules_give_the_same_answers(sytr_home_master, tmp_path):
    if not _in_use({native.PURE_PYTHON_ENV: ""}):
        pytest.skip("the compiled modules are not in use here")
    names = _names()
    assert len(names) > 2000
    answers = []
    for pure in ("", "1"):
        home = tmp_path / f"home{pure}"
        home.mkdir()
        shutil.copy2(sytr_home_master / "gazetteer.sqlite3", home)
        out = subprocess.run([sys.executable, "-c", _ANSWERS, str(home)],
                             input=json.dumps(names), capture_output=True, text=True,
                             cwd=REPO, env={**os.environ, "PYTHONPATH": str(REPO),
                                            native.PURE_PYTHON_ENV: pure}, check=True)
        answers.append(json.loads(out.stdout))
    compiled, source = answers
    for mode, (a, b) in enumerate(zip(compiled, source)):
        differ = [(x["query"], x["status"], y["status"]) for x, y in zip(a, b) if x != y]
        assert not differ, (mode, differ[:5])
    assert sum(r["status"] == "resolved" for r in compiled[0]) > 500
