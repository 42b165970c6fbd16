"""What every reader returns, and the options they share."""
from __future__ import annotations

from dataclasses import dataclass, field

from mapgen.errors import InputError
from mapgen.model import ControlZone, Incident
from mapgen.towncontrol import TownControl


@dataclass
class Records:
    """Validated records read from one or more files."""

    incidents: list[Incident] = field(default_factory=list)
    zones: list[ControlZone] = field(default_factory=list)
    control: list[TownControl] = field(default_factory=list)  # town-level control rows
    warnings: list[InputError] = field(default_factory=list)  # problems that do not fail a build

    def extend(self, other: "Records") -> None:
        self.incidents.extend(other.incidents)
        self.zones.extend(other.zones)
        self.control.extend(other.control)
        self.warnings.extend(other.warnings)

    def __len__(self) -> int:
        return len(self.incidents) + len(self.zones) + len(self.control)


@dataclass(frozen=True)
class ReadOptions:
    """Reader switches: ``repair`` makes invalid polygons valid instead of rejecting them;
    ``columns`` (our field, the table's column) pairs and ``date_format`` (strptime) describe a
    CSV table in another layout (map.yaml's ``columns:`` and ``date_format:``)."""

    repair: bool = False
    columns: tuple[tuple[str, str], ...] = ()
    date_format: str | None = None
