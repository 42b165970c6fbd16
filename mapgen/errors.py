"""Error types of the map generator: one root, input errors that name file, record and field."""
from __future__ import annotations

import re

#: C0 and C1 controls, DEL, and the bidirectional overrides that can disguise text on a terminal
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


#: the longest error line (a message quotes only short excerpts of its input)
MAX_MESSAGE = 400


def printable(text: str) -> str:
    """``text`` with control characters (terminal escape sequences, NUL, bidi overrides, lone
    surrogates) shown as ``\\xNN`` / ``\\uNNNN`` escapes, so a message prints as what it says."""
    return _UNSAFE.sub(lambda m: (f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                                  else f"\\u{ord(m.group()):04x}"), text)


def excerpt(value: object, limit: int = 40) -> str:
    """A short, printable quotation of ``value`` for an error message (at most ``limit`` characters
    of it, then an ellipsis)."""
    text = str(value)
    cut = text[:limit] + ("..." if len(text) > limit else "")
    return printable(repr(cut) if isinstance(value, str) else cut)


class MapgenError(Exception):
    """Root of every error the map generator raises on purpose."""


class InputError(MapgenError, ValueError):
    """Bad input data: the message names the file, the record (line or index) and the field.

    Rendered on one line as ``file:record: field: message``; parts that are unknown are left out.
    ``row`` is true for a problem of one record (a bad date, an unknown place), which
    ``build --skip-invalid`` may leave out; others (a missing column, an unreadable file) stop.
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        record: int | str | None = None,
        field: str | None = None,
        row: bool = False,
    ) -> None:
        self.message = message
        self.file = file
        self.record = record
        self.field = field
        self.row = row  # about one record (row) only: ``--skip-invalid`` may leave it out
        super().__init__(self.render())

    def render(self) -> str:
        where = ""
        if self.file:
            where = str(self.file)
            if self.record is not None:
                where += f":{self.record}"
            where += ": "
        elif self.record is not None:
            where = f"record {self.record}: "
        what = f"{self.field}: " if self.field else ""
        text = printable((where + what + self.message).replace("\n", " "))
        return text if len(text) <= MAX_MESSAGE else text[:MAX_MESSAGE - 3] + "..."

    def __str__(self) -> str:
        return self.render()


class InputErrors(MapgenError, ValueError):
    """Several input errors found in one pass (``mapgen validate`` prints each on its own line)."""

    def __init__(self, errors: list[InputError]) -> None:
        self.errors = list(errors)
        super().__init__(self.errors[0].render() if self.errors else "no errors")

    def __str__(self) -> str:
        first = self.errors[0].render()
        more = len(self.errors) - 1
        return first + (f" (and {more} more problem{'s' if more > 1 else ''})" if more else "")


class OutputError(MapgenError, OSError):
    """An output that cannot or must not be written; the message names the file."""
