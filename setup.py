"""Build of mapgen: the metadata is in pyproject.toml; this compiles the gazetteer's name
matching and ranking modules (``gazetteer.native.COMPILED``) with mypyc into C extensions.

A name resolved for the first time takes 55-67% of the time compiled. The Python
sources ship beside the extensions and remain the truth (see ``gazetteer/native.py``): where
no C compiler is at hand, or ``MAPGEN_PURE_PYTHON`` is set when building, nothing is compiled
and the sources are used, with the same answers.
"""
from __future__ import annotations

import importlib.util
import os
from pathlib import Path

from setuptools import setup
from setuptools.command.build_ext import build_ext

HERE = Path(__file__).resolve().parent


def _native_module():
    """gazetteer/native.py, loaded on its own (the package's other modules need numpy)."""
    spec = importlib.util.spec_from_file_location("_gazetteer_native",
                                                  HERE / "gazetteer" / "native.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


native = _native_module()


class BuildCompiled(build_ext):
    """build_ext that records the sources it compiled beside the extensions, and leaves the
    package pure Python, with a warning, when the C compiler fails."""

    def run(self) -> None:
        if not self.extensions:
            return
        try:
            super().run()
        except Exception as err:  # no compiler, or one that fails: the sources serve
            self.warn(f"the gazetteer's modules were not compiled ({err}); "
                      "their Python sources are used")
            return
        record = native.record_text(HERE / "gazetteer")
        folders = [Path(self.build_lib) / "gazetteer"]
        if self.inplace or getattr(self, "editable_mode", False):
            folders.append(HERE / "gazetteer")
        for folder in folders:
            if folder.is_dir():
                (folder / native.RECORD).write_text(record, encoding="utf-8")


def _extensions() -> list:
    if native.pure_python_wanted():
        return []
    try:
        from mypyc.build import mypycify
    except ImportError:
        return []
    sources = [f"gazetteer/{name}" for name in native.COMPILED]
    return mypycify(["--ignore-missing-imports", "--follow-imports=silent", *sources],
                    opt_level="3", group_name="gazetteer._native")


os.chdir(HERE)  # (mypycify takes paths relative to the project)
setup(ext_modules=_extensions(), cmdclass={"build_ext": BuildCompiled})
