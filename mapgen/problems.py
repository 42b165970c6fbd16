"""Report many problems readably: repeated ones summarised, records left out listed in a file.

A feed may raise the same warning for every row (ACLED names outlets without links: 33,736
"has no URL" warnings for one country); :func:`summarise` turns each kind of problem into one
line with a count and the first few places. :func:`skipped_report` writes the records that
``build --skip-invalid`` left out, with their own lines of text, to a CSV beside the map.
"""
from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path
from typing import Iterable, Sequence

from mapgen.errors import InputError

_VARYING = re.compile(r"'[^']*'|\"[^\"]*\"|\d+(?:\.\d+)?")
SHOWN_PLACES = 3


def kind_of(problem: InputError) -> tuple[str, str]:
    """What makes two problems "the same": the field (without ``[n]`` indices) and the message
    with its quoted values and numbers blanked out."""
    field = re.sub(r"\[\d+\]", "", problem.field or "")
    return field, _VARYING.sub("…", problem.message)


def summarise(problems: Iterable[InputError], shown: int = SHOWN_PLACES) -> list[str]:
    """One line per kind of problem, in order of first appearance: the first one in full, then
    how many more there are and where the next few are (``file:line``). A kind with at most
    ``shown + 1`` problems is listed in full."""
    groups: dict[tuple[str, str], list[InputError]] = {}
    for problem in problems:
        groups.setdefault(kind_of(problem), []).append(problem)
    lines = []
    for items in groups.values():
        if len(items) <= shown + 1:  # a few: each in full
            lines.extend(item.render() for item in items)
            continue
        line = items[0].render()
        if len(items) > 1:
            first = _place(items[0])
            others = list(dict.fromkeys(_place(p) for p in items[1:] if _place(p) != first))
            more = len(items) - 1
            places = ", ".join(others[:shown]) + (", …" if len(others) > shown else "")
            line += f" (and {more:,} more like it" + (f": {places})" if places else ")")
        lines.append(line)
    return lines


def _place(problem: InputError) -> str:
    if problem.record is None:
        return str(problem.file or "?")
    return f"{Path(str(problem.file)).name}:{problem.record}" if problem.file else f"record {problem.record}"


def reasons(problems: Sequence[InputError]) -> str:
    """``"2 × date: not an ISO 8601 date; 1 × place: unknown place"`` (most common first)."""
    counts = Counter(kind_of(p) for p in problems)
    return "; ".join(f"{n} × {field + ': ' if field else ''}{message}"
                     for (field, message), n in counts.most_common())


def skipped_report(problems: Sequence[InputError]) -> str:
    """CSV text listing each left-out record: ``file, line, field, problem, text`` (the record's
    own line from its file, when it has one; cells a spreadsheet would run are neutralised)."""
    from mapgen.writers import escape_cell

    texts: dict[str, list[str]] = {}
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["file", "line", "field", "problem", "text"])
    for problem in problems:
        text = ""
        if problem.file and isinstance(problem.record, int):
            if problem.file not in texts:
                texts[problem.file] = _lines(Path(problem.file))
            lines = texts[problem.file]
            if 0 < problem.record <= len(lines):
                text = lines[problem.record - 1]
        writer.writerow([escape_cell(str(v)) for v in (problem.file or "", problem.record or "",
                                                        problem.field or "", problem.message, text)])
    return out.getvalue()


def _lines(path: Path) -> list[str]:
    try:
        data = path.read_bytes()
    except OSError:
        return []
    for codec in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            return data.decode(codec).splitlines()
        except UnicodeDecodeError:
            continue
    return []  # pragma: no cover - Latin-1 decodes any bytes


__all__ = ["kind_of", "reasons", "skipped_report", "summarise"]
