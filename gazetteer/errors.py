"""Error types of the gazetteer: one root, and input errors that name file, line and field."""
from __future__ import annotations

import os


class GazetteerError(Exception):
    """Root of every error the gazetteer raises on purpose."""


class GazetteerInputError(GazetteerError, ValueError):
    """Bad input data; the one-line message names the file, the line and the field.

    Parameters
    ----------
    message : str
        What is wrong, without the location.
    file : str or os.PathLike, optional
        The file the bad value came from.
    line : int, optional
        1-based line (or record) number in that file.
    field : str, optional
        Name of the column or field.

    Examples
    --------
    >>> str(GazetteerInputError("not a number: 'x'", file="p.csv", line=3, field="lat"))
    "p.csv:3: lat: not a number: 'x'"
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | os.PathLike[str] | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = os.fspath(file) if file is not None else None
        self.line = line
        self.field = field
        super().__init__(self.render())

    def render(self) -> str:
        """Return the message on one line as ``file:line: field: message``."""
        where = ""
        if self.file:
            where = self.file + (f":{self.line}" if self.line is not None else "") + ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        what = f"{self.field}: " if self.field else ""
        return " ".join((where + what + self.message).split())

    def __str__(self) -> str:
        return self.render()
