"""Shared CSV plumbing: decode a file, read its header, yield rows with their line numbers.

The three CSV layouts (plain events, ACLED exports, town control) share one ``.csv`` suffix;
:func:`read_csv` looks at the header and hands the file to the reader whose columns it has.
Everything here uses the standard library's :mod:`csv` module, which is fast enough for 100,000
rows a second and needs no heavy import.
"""
from __future__ import annotations

import codecs
import csv
import difflib
from pathlib import Path
from typing import Any, Iterator, Mapping

from mapgen.errors import InputError, InputErrors, excerpt

#: First characters that make a spreadsheet run a cell as a formula (and tab / carriage return,
#: which some spreadsheets strip before looking).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


#: The longest line read (in characters): a line without an end is not read into memory whole.
MAX_LINE = 2**20
#: The longest cell (the csv module's own limit, named in its message).
MAX_FIELD = csv.field_size_limit()


def bounded_lines(handle: Any, file: str) -> Iterator[str]:
    """The lines of ``handle``, each read at most :data:`MAX_LINE` characters at a time; a
    longer line is an input error naming it."""
    number = 0
    while True:
        line = handle.readline(MAX_LINE + 1)
        if not line:
            return
        number += 1
        if len(line) > MAX_LINE:
            raise InputError(f"a line longer than {MAX_LINE // 2**20} M characters: not a table", file=file,
                             record=number)
        yield line


def unescape_cell(value: str) -> str:
    """Undo the formula guard of :func:`mapgen.writers.escape_cell`: ``'=x`` -> ``=x``, ``''x`` -> ``'x``."""
    if len(value) > 1 and value[0] == "'" and (value[1] in FORMULA_STARTS or value[1] == "'"):
        return value[1:]
    return value


class CsvTable:
    """A CSV file opened for reading: its header (lower-cased, stripped) and its rows.

    The file is read as a stream (a 100,000-row file is not held in memory twice) and closed when
    :meth:`rows` is exhausted. The delimiter (``,`` ``;`` or tab) is the one the header line uses
    most; text that is not UTF-8 is read as Windows-1252 (else Latin-1), with a warning in
    :attr:`warnings` naming the encoding. Header problems (a column named twice...) are collected
    in :attr:`problems`, all of them, rather than raised one at a time.

    Parameters
    ----------
    path : Path
        The file; its name is what error messages show.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.file = str(path)
        self.warnings: list[InputError] = []
        self.problems: list[InputError] = []
        self.date_format: str | None = None  # strptime format of the date columns, if not ISO 8601
        self.encoding = _encoding(path, self.warnings)
        try:
            self._handle: Any = path.open(encoding=self.encoding, newline="")
        except FileNotFoundError:
            raise InputError("file not found", file=self.file) from None
        self.delimiter = _delimiter(self._handle)
        self._reader = csv.reader(bounded_lines(self._handle, self.file), strict=True, delimiter=self.delimiter)
        self.header_line = 1
        self.header: list[str] = []
        try:
            for raw in self._reader:
                if any(cell.strip() for cell in raw):
                    if any("\x00" in cell for cell in raw):
                        raise InputError("NUL character: not a text file", file=self.file,
                                         record=self._reader.line_num)
                    self.header = [unescape_cell(cell).strip().lower() for cell in raw]
                    break
                self.header_line = self._reader.line_num + 1
            if not self.header:
                raise InputError("no records (empty file)", file=self.file, record=1)
            self._check_names()
        except csv.Error as exc:
            self._handle.close()
            raise InputError(f"malformed CSV ({_csv_problem(exc)})", file=self.file,
                             record=self._reader.line_num or 1) from None
        except UnicodeDecodeError as exc:
            self._handle.close()
            raise _decode_error(path, exc) from None
        except InputError:
            self._handle.close()
            raise

    def _check_names(self) -> None:
        seen: set[str] = set()
        for name in self.header:
            if name and name in seen:
                self.problems.append(self.error(f"column {excerpt(name)} appears twice"))
            seen.add(name)

    def rename(self, columns: Mapping[str, str]) -> None:
        """Apply a ``columns:`` mapping of map.yaml (our field -> this table's column): each
        named column takes our field's name; a column already called so is then ignored. A
        column the header lacks is a problem (all of them are collected)."""
        wanted = {field: column.strip().lower() for field, column in columns.items()}
        for field, column in wanted.items():
            if column not in self.header:
                self.problems.append(self.error(
                    f"no column {excerpt(column)} in the header{self._did_you_mean(column)}", field=f"columns.{field}"))
        targets = {column: field for field, column in wanted.items() if column in self.header}
        self.header = [targets.get(name, "" if name in wanted else name) for name in self.header]

    def _did_you_mean(self, name: str) -> str:
        close = difflib.get_close_matches(name, [h for h in self.header if h], n=1, cutoff=0.6)
        return f" (did you mean {excerpt(close[0])}?)" if close else f" (header: {excerpt(', '.join(self.header), 60)})"

    def missing(self, *names: str) -> list[InputError]:
        """One problem for each required column the header lacks, with a column it may be."""
        found = []
        for name in names:
            if name not in self.header:
                close = difflib.get_close_matches(name, [h for h in self.header if h], n=1, cutoff=0.6)
                hint = (f"; if it is {excerpt(close[0])}, say so in map.yaml: columns: {{{name}: {excerpt(close[0])[1:-1]}}}"
                        if close else f" (header: {excerpt(', '.join(self.header), 60)})")
                found.append(self.error(f"missing column {name!r}{hint}"))
        return found

    def error(self, message: str, field: str | None = None, line: int | None = None) -> InputError:
        return InputError(message, file=self.file, record=line or self.header_line, field=field)

    def require(self, *names: str) -> None:
        """Raise the header's problems and missing columns, all of them in one :class:`InputErrors`."""
        problems = self.problems + self.missing(*names)
        if problems:
            raise InputErrors(problems)

    def has_columns(self, names: tuple[str, ...], errors: list[InputError]) -> bool:
        """Whether the header has ``names`` and no other problem; if not, every problem is added
        to ``errors`` and the table is closed."""
        try:
            self.require(*names)
        except InputErrors as exc:
            self.close()
            errors.extend(exc.errors)
            return False
        return True

    def known_columns(self, required: tuple[str, ...], optional: tuple[str, ...],
                      warnings: list[InputError]) -> set[str]:
        """The columns a reader understands; each other column adds a warning (not an error)."""
        known = set(required) | set(optional)
        for name in self.header:
            if name and name not in known:
                warnings.append(self.error(f"unknown column {excerpt(name)} ignored"))
        return known

    def rows(self, errors: list[InputError]) -> Iterator[tuple[int, list[str]]]:
        """Yield ``(line, cells)`` for each non-blank row; a malformed row or one with the wrong
        number of cells adds an error and is skipped; a broken quote or bad byte stops the file."""
        width = len(self.header)
        reader = self._reader
        line = reader.line_num + 1
        try:
            for cells in reader:
                if len(cells) != width:
                    if any(c.strip() for c in cells):
                        errors.append(InputError(f"{len(cells)} cells where the header has {width}",
                                                 file=self.file, record=line, row=True))
                else:
                    yield line, cells
                line = reader.line_num + 1
        except csv.Error as exc:
            errors.append(InputError(f"malformed CSV ({_csv_problem(exc)})", file=self.file, record=line))
        except InputError as exc:
            errors.append(exc)
        except UnicodeDecodeError as exc:
            errors.append(_decode_error(self.path, exc))
        finally:
            self._handle.close()

    def close(self) -> None:
        self._handle.close()


#: Encodings tried, in order, for text that is not UTF-8 (old ACLED files are Windows-1252).
FALLBACK_ENCODINGS = (("cp1252", "Windows-1252"), ("latin-1", "Latin-1"))
_CHUNK = 1 << 20


def _encoding(path: Path, warnings: list[InputError]) -> str:
    """``utf-8-sig`` when the whole file is UTF-8 (checked in blocks, nothing kept), else the first
    of :data:`FALLBACK_ENCODINGS` that decodes it, with a warning naming it and the first line
    that is not UTF-8. A missing file is left to the caller to report."""
    try:
        handle = path.open("rb")
    except OSError:
        return "utf-8-sig"
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    with handle:
        while True:
            block = handle.read(_CHUNK)
            try:
                if not (block and block.isascii() and not decoder.getstate()[0]):
                    decoder.decode(block, final=not block)  # ASCII blocks need no decoding
            except UnicodeDecodeError as exc:
                bad = offset + max(exc.start, 0)
                break
            if not block:
                return "utf-8-sig"
            offset += len(block)
    data = path.read_bytes()
    line = data.count(b"\n", 0, bad) + 1
    for codec, name in FALLBACK_ENCODINGS:
        try:
            data.decode(codec)
        except UnicodeDecodeError:
            continue
        warnings.append(InputError(f"not UTF-8 text: read as {name} (first other byte on this line)",
                                   file=str(path), record=line))
        return codec
    return "utf-8-sig"  # not reached: Latin-1 decodes any bytes


def _delimiter(handle: Any) -> str:
    """The delimiter the first non-blank line uses most, outside quotes: ``,`` ``;`` or tab."""
    first = ""
    for _ in range(20):
        first = handle.readline()
        if not first or first.strip():
            break
    handle.seek(0)
    counts = {",": 0, ";": 0, "\t": 0}
    quoted = False
    for char in first:
        if char == '"':
            quoted = not quoted
        elif not quoted and char in counts:
            counts[char] += 1
    best = max(counts, key=counts.__getitem__)
    return best if counts[best] else ","
def _csv_problem(exc: csv.Error) -> str:
    text = str(exc)
    if "field limit" in text:
        return f"a cell longer than {MAX_FIELD:,} characters"
    return text


def _decode_error(path: Path, exc: UnicodeDecodeError) -> InputError:
    """Name the line of the first byte that is not UTF-8 (the stream decodes in blocks)."""
    data = path.read_bytes()
    try:
        data.decode("utf-8-sig")
        line = 1
    except UnicodeDecodeError as first:
        line = data.count(b"\n", 0, first.start) + 1
    return InputError(f"not UTF-8 text ({exc.reason})", file=str(path), record=line)


def read_text(path: Path) -> str:
    """The file's text (UTF-8, a BOM allowed); undecodable bytes are an error naming their line."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputError("file not found", file=str(path)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"not UTF-8 text ({exc.reason})", file=str(path), record=line) from None
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise InputError("NUL character: not a text file", file=str(path), record=line)
    return text


def open_table(path: Path) -> CsvTable:
    """Open ``path`` and read its header (the caller reads the rows, which closes the file)."""
    return CsvTable(path)
