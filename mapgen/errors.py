"""Error types of the map generator: one root, input errors that name file, record and field."""
from __future__ import annotations


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
        return (where + what + self.message).replace("\n", " ")

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
